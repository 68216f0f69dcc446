"""French and German residues of the nineteenth session (issue #17 item 5, twentieth pass), each a closed family with
its negated, asked, reported and near-miss twins:

- REV s19-R4: "Läuft!" (deal) closes an order ("Leg den roten aufs Pad. Läuft!", an instruction going on: "Zuerst
  schiebst du ..., und dann packst du ... . Läuft!"); after a bare statement of what the robot does ("Du legst den
  roten aufs Pad. Läuft!", "Legst du ... . Läuft!") it approves of what is happening, and after a goal with no verb in
  the nominative ("Der rote aufs Pad. Läuft!") it may say a cube is there: both refused, as "Super!" is.
- REV s19-R5: the image of the bin itself ("comme un déchet / une ordure / on jette un déchet", "wie man Abfall
  wegwirft") is read as a simile of the bin only after a request that names the bin and no other place; putting on a
  hat ("wie man einen Hut aufsetzt") is a stacking image.
- REV s19-R6: the French occasion opener plans said alone or as this afternoon's ("Pour la démo de cet aprèm, ...");
  a later or unsure time ("de demain", "de ce soir", "de ce matin", "de tout à l'heure", "le prochain essai") refuses.
- A1 s19 residues: after a word of surprise or pointing (ah, oh, guck mal, schau mal, ...) a statement of what the
  robot does remarks on it even with "jetzt/gerade/da" ("Ah, jetzt legst du den roten in den Müll."); praise before
  it ("Super, und jetzt legst du ...") and "bitte"/"mal" still give the next step. "Legste ..." (legst du) opens with
  the verb of "du", a question typed without its mark, as "Legst du ... ." does.
- A1 s19 H144 (French): "voilà" (there, done) and pointing ("regarde", "tiens") before "tu/vous <verb>" remark on what
  the robot does ("Voilà, tu mets le rouge dans la poubelle."); "tu me ..." (for the speaker), "maintenant/ensuite/
  puis" and "s'il te plaît" give the request, and "Oh/Ah, tu ..." stays one (seen gold fd27-001).
"""

from __future__ import annotations

import pytest
from planner_asserts import filled_moves_nothing, filled_never_plans, filled_plans
from test_translation_spoken import _TRIPLES


@pytest.mark.parametrize("triple", _TRIPLES[:2], ids="-".join)
@pytest.mark.parametrize(("template", "spec"), [
    # R4: "Läuft!" after an order, an instruction going on, an accusative goal
    ("Leg den {X} aufs Pad. Läuft!", ("x>pad",)),
    ("Den {X} aufs Pad. Läuft!", ("x>pad",)),
    ("Du legst jetzt den {X} aufs Pad. Läuft!", ("x>pad",)),
    ("Zuerst schiebst du den {X} nach links, und dann packst du den {Y} aufs Pad. Läuft!", ("push:x:left", "y>pad")),
    # R5: the bin's own image after the bin, the hat after a stacking
    ("Mets le {x} dans la poubelle, comme un déchet.", ("x>bin",)),
    ("Mets le {x} dans la poubelle, comme une ordure.", ("x>bin",)),
    ("Mets le {x} dans la poubelle, comme on jette un déchet.", ("x>bin",)),
    ("Jette le {x} à la poubelle, comme un vieux chiffon.", ("x>bin",)),
    ("Wirf den {X} in den Müll, wie man Abfall wegwirft.", ("x>bin",)),
    ("Leg den {X} auf den {Y}, wie man einen Hut aufsetzt.", ("x>y",)),
    # R6: the occasion alone or this afternoon's
    ("Pour la démo, mets le {x} dans la poubelle.", ("x>bin",)),
    ("Pour la démo de cet aprèm, mets le {x} dans la poubelle.", ("x>bin",)),
    # A1: praise before "jetzt ... du", or the next step asked with bitte/mal
    ("Super, und jetzt legst du den {X} in den Müll.", ("x>bin",)),
    ("Ah, jetzt legst du bitte den {X} in den Müll.", ("x>bin",)),
    ("Jetzt legst du den {X} in den Müll.", ("x>bin",)),
    ("Legste mal den {X} in den Müll.", ("x>bin",)),
    ("Legste bitte den {X} in den Müll.", ("x>bin",)),
    # A1 H144 (French): "tu me ...", the next step, "Oh, tu ..." (fd27-001) stay requests
    ("Voilà, tu me mets le {x} dans la poubelle.", ("x>bin",)),
    ("Voilà, maintenant tu mets le {x} dans la poubelle.", ("x>bin",)),
    ("Oh, tu mets le {x} dans la poubelle.", ("x>bin",)),
    ("Tu mets le {x} dans la poubelle.", ("x>bin",)),
])
def test_the_closed_forms_plan(template: str, spec: tuple[str, ...], triple: tuple[str, str, str]) -> None:
    filled_plans(template, spec, triple)


@pytest.mark.parametrize("template", [
    # R4: approval of a statement, or after a nominative goal with no verb
    "Du legst den {X} aufs Pad. Läuft!",
    "Du schiebst den {X} nach links. Läuft!",
    "Ihr legt den {X} aufs Pad. Läuft!",
    "Legst du den {X} aufs Pad. Läuft!",
    "Legste den {X} aufs Pad. Läuft!",
    "Der {X} aufs Pad. Läuft!",
    "Leg den {X} aufs Pad. Läuft?",
    # R5: the bin's image after another place, or with words outside the class, negated, asked
    "Mets le {x} sur le {y}, comme un déchet.",
    "Mets le {x} sur le pad, comme un déchet.",
    "Pousse le {x} à gauche, comme un déchet.",
    "Mets le {x} dans la poubelle, comme un déchet radioactif.",
    "Mets le {x} dans la poubelle, comme on ne jette pas un déchet.",
    "Ne mets pas le {x} dans la poubelle, comme un déchet.",
    "Tu mets le {x} dans la poubelle, comme un déchet ?",
    "Leg den {X} aufs Pad, wie man Abfall wegwirft.",
    "Leg den {X} auf den {Y}, wie man Abfall wegwirft.",
    "Leg den {X} auf den {Y}, wie man einen Hut absetzt.",
    "Leg den {X} auf den {Y}, wie man einen Hut nicht aufsetzt.",
    "Wirf den {X} nicht in den Müll, wie man Abfall wegwirft.",
    # A1 s20 H156: a path or a head in the bin's image; the hat after a push or the bin
    "Wirf den {X} in den Müll, wie man ein Ei an den Kopf wegwirft.",
    "Wirf den {X} in den Müll, wie man einen alten Lappen über den Kopf wegwirft.",
    "Wirf den {X} in den Müll, wie man Abfall über das Dach wegwirft.",
    "Mets le {x} dans la poubelle, comme on jette un vieux chiffon sur la tête.",
    "Mets le {x} dans la poubelle, comme on jette un déchet par-dessus le toit.",
    "Mets le {x} dans la poubelle, comme on jette un déchet du toit.",
    "Schieb den {X} nach links, wie man einen Hut aufsetzt.",
    "Wirf den {X} in den Müll, wie man einen Hut aufsetzt.",
    # A1 s20 low: the bin's image names the waste, never a person or oneself
    "Mets le {x} dans la poubelle, comme on jette un vieux.",
    "Mets le {x} dans la poubelle, comme un vieux qu'on jette.",
    "Wirf den {X} in den Müll, wie man einen Alten wegwirft.",
    "Mets le {x} dans la poubelle, comme on se jette.",
    # R6: a later or unsure occasion
    "Pour la démo de demain, mets le {x} dans la poubelle.",
    "Pour la démo de ce soir, mets le {x} dans la poubelle.",
    "Pour la démo de ce matin, mets le {x} dans la poubelle.",
    "Pour la démo de tout à l'heure, mets le {x} dans la poubelle.",
    "Pour le prochain essai, mets le {x} dans la poubelle.",
    # A1: surprise or pointing before the statement, "jetzt/gerade/da" or not
    "Ah, jetzt legst du den {X} in den Müll.",
    "Guck mal, jetzt legst du den {X} in den Müll.",
    "Guck mal, du legst jetzt den {X} in den Müll.",
    "Oh, da schiebst du den {X} nach links.",
    "Ah, gerade legst du den {X} in den Müll.",
    "Schau mal, nun legst du den {X} in den Müll.",
    "Ah, jetzt gehst du nach Hause.",
    # A1: "legste" opens with the verb of "du"
    "Legste den {X} in den Müll.",
    "Legste den {X} in den Müll?",
    "Schiebste den {X} nach links.",
    "Packste den {X} aufs Pad.",
    # A1 H144 (French): "voilà" (there, done) or pointing before a statement of what the robot does
    "Voilà, tu mets le {x} dans la poubelle.",
    "Et voilà, tu mets le {x} dans la poubelle.",
    "Voilà, vous mettez le {x} dans la poubelle.",
    "Regarde, tu pousses le {x} à gauche.",
    "Tiens, tu mets le {x} sur le {y}.",
    "Voilà, tu retournes à la maison.",
])
def test_the_twins_move_nothing(template: str) -> None:
    filled_moves_nothing(template)


@pytest.mark.parametrize("template", [
    "Du legst den {X} aufs Pad. Läuft!",
    "Ah, jetzt gehst du nach Hause.",
    "Legste den {X} in den Müll.",
])
def test_the_remarks_plan_nothing_at_all(template: str) -> None:
    filled_never_plans(template)
