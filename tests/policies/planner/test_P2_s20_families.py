"""French and German families of the seen misses of fresh_fr_de_28-37 (issue #17 item 5, twentieth pass), each a
closed form a speaker uses again, with its negated, asked and near-miss twins:

- need: whether the cube is still needed, said as the reason: after a discard verb with no place ("Tu peux te
  débarrasser du cube vert ? Il sert plus à rien.", "Den grünen bitte entsorgen, den brauchen wir nicht mehr."), kept
  for "noch hier" after an exception, "on en a (encore) besoin pour la démo" after an exception (keep) or a request
  that puts the cube elsewhere than the bin (use); and said BETWEEN the cube named first and the request that takes it
  up with a pronoun ("Le cube bleu, on n'en a plus besoin, tu peux le balancer à la poubelle ?", "Den gelben Würfl,
  den brauch ma nimmer. Schmeiß'n weg, in'n Müll nei.");
- how far, after a push: "..., genre juste un petit coup / un peu là", "... nach vorne. Nur ein bisschen.", Ruhr
  "bissken";
- addresses: "Allez mon gone / chef,", "..., mon frère", "..., Kumpel", "..., gell, Burschi";
- greetings and small talk: "Moien !", "Bonjou !", "Yo,", "Glück auf!", "Grüessech!", "Na, wie läuft's heute?", "Na,
  wie geht's uns denn heut?", Luxembourg "Merci villmools" after French.
"""

from __future__ import annotations

import pytest
from planner_asserts import filled_moves_nothing, filled_plans
from test_translation_spoken import _TRIPLES


@pytest.mark.parametrize("triple", _TRIPLES[:2], ids="-".join)
@pytest.mark.parametrize(("template", "spec"), [
    # need, after the request
    ("Tu peux te débarrasser du {x} stp ? Il sert plus à rien.", ("x>bin",)),
    ("Nu, den {X} Würfel bitte entsorgen, den brauchen wir nicht mehr.", ("x>bin",)),
    ("Entsorg den {X} Würfel, den brauchen wir nicht mehr.", ("x>bin",)),
    ("Bon, tout dans la poubelle sauf le {x}, on en a encore besoin pour la démo.", ("rest>bin",)),
    ("Bon, le {x}, vous me le mettez du côté gauche, on en a besoin pour la démo de cet après-midi.", ("x>left",)),
    ("Mets le {x} sur le pad, on en a besoin pour la démo.", ("x>pad",)),
    ("Kannst du alle Würfel außer dem {X} aufs Pad legen? Den {X} brauch ich noch hier.", ("rest>pad",)),
    # need, said between the cube and its request
    ("Le {x}, on n'en a plus besoin, tu peux le balancer à la poubelle ?", ("x>bin",)),
    ("On dit quoi ? Ce cube {x}-là, ça ne sert plus à rien. Balance-le dans la poubelle, mon frère.", ("x>bin",)),
    ("Le {x}, il sert à rien, jette-le à la poubelle.", ("x>bin",)),
    ("Servus! Den {X} Würfl, den brauch ma nimmer. Schmeiß'n weg, in'n Müll nei.", ("x>bin",)),
    ("Den {X} Würfel, den brauchen wir nicht mehr. Wirf ihn in den Müll.", ("x>bin",)),
    # how far
    ("pousse le {x} vers l'avant, genre juste un petit coup", ("push:x:forward",)),
    ("Heille, pousse le {x} vers l'avant, genre juste un peu là.", ("push:x:forward",)),
    ("Schieb den {X} nach vorne. Nur ein bisschen.", ("push:x:forward",)),
    ("Schieb ma den {X} Würfel bissken nach links, Kumpel.", ("push:x:left",)),
    # addresses
    ("Allez mon gone, mets le {x} dans la poubelle.", ("x>bin",)),
    ("Allez chef, mets le {x} dans la poubelle.", ("x>bin",)),
    ("Mets le {x} dans la poubelle, mon frère.", ("x>bin",)),
    ("Sei so lieb und leg den {X} Würfel aufs Pad, gell, Burschi. Vergelt's Gott!", ("x>pad",)),
    # greetings and small talk
    ("Moien ! Tu mets d'abord le {x} à droite, et après le {y} sur le pad. Merci villmools !", ("x>right", "y>pad")),
    ("Bonjou ! Mets le {x} dans la poubelle.", ("x>bin",)),
    ("Yo, mets le {x} dans la poubelle.", ("x>bin",)),
    ("Glück auf! Leg den {X} in den Müll.", ("x>bin",)),
    ("Grüessech! Leg den {X} in den Müll.", ("x>bin",)),
    ("Na, wie läuft's heute? Leg den {X} in den Müll.", ("x>bin",)),
    ("Na, wie geht's uns denn heut? Leg den {X} in den Müll.", ("x>bin",)),
])
def test_the_family_plans(template: str, spec: tuple[str, ...], triple: tuple[str, str, str]) -> None:
    filled_plans(template, spec, triple)


@pytest.mark.parametrize("template", [
    # need: negated, asked, another place, another cube, with no request
    "Entsorg den {X} Würfel nicht, den brauchen wir nicht mehr.",
    "Mets le {x} dans la poubelle, on en a besoin pour la démo.",
    "Mets le {x} sur le pad, on en a besoin pour la démo de demain.",
    "Ne mets pas le {x} sur le pad, on en a besoin pour la démo.",
    "Le {x}, il sert à rien, ne le jette pas à la poubelle.",
    "Le {x}, il sert à rien, mets-le sur le pad.",
    "Le {x}, il sert à rien, jette le {y} à la poubelle.",
    "Le {x}, il sert à rien, tu le jettes à la poubelle ?",
    "Le {x}, il sert à rien.",
    "Den {X} Würfel, den brauchen wir nicht mehr. Leg ihn aufs Pad.",
    "Den {X} Würfel, den brauchen wir nicht mehr. Wirf ihn nicht in den Müll.",
    "Den {X} Würfel, den brauchen wir nicht mehr. Wirfst du ihn in den Müll?",
    "Der {X} Würfel, den brauchen wir nicht mehr. Wirf den {Y} in den Müll.",
    "Schmeiß den {X} weg, auf das Pad.",
    "Schmeiß den {X} nicht weg, in den Müll.",
    # how far: after a placement, negated, asked
    "Mets le {x} dans la poubelle, genre juste un peu.",
    "Ne pousse pas le {x} à gauche, genre juste un peu.",
    "Pousse le {x} à gauche, juste un petit coup ?",
    "Leg den {X} in den Müll. Nur ein bisschen.",
    "Schieb den {X} nicht nach vorne. Nur ein bisschen.",
    "Schieb den {X} nach vorne. Nur ein bisschen?",
    # addresses and greetings never make a negation, a question or a report a request
    "Allez mon gone, ne mets pas le {x} dans la poubelle.",
    "Mon frère, tu mets le {x} dans la poubelle ?",
    "Schieb den {X} Würfel nach links, Kumpel?",
    "Na, wie läuft's heute? Legst du den {X} in den Müll?",
    "Wie geht's dem {X} Würfel? Leg den {X} in den Müll.",
    "Glück auf! Leg den {X} nicht in den Müll.",
])
def test_the_twins_move_nothing(template: str) -> None:
    filled_moves_nothing(template)
