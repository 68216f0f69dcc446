"""French and German families of fresh_fr_de_34 (dev) and of the seen similes (fresh_fr_de_25-33), eighteenth pass
(issue #17 item 5). Each reading is a closed form; beside it, its negated, asked, reported and near-miss variants.

- A simile says how, never what: French "comme" + an article, "on" or a preposition ("comme un pont", "comme la tasse
  sur la soucoupe", "comme on roule une barrique"), German "wie" + "ein"/"man", up to the next mark, is taken off when
  none of its words is a lexicon word of a cube, a colour, a place, a quantity, an order or a negation.
- Reasons (closed forms, agreeing with the request): "on ferme le labo" (room), "j'ai nettoyé autour" (keep, after
  the clause that forbids), "ich brauch rechts Platz" (room, not on the side the request fills), "..., der bleibt."
  (keep, after the exclusion), "Der Kunde möchte ihn sehen." (use, not after a request to the bin).
- Wrappers: blessings after the request ("inchallah", "barak allah oufik"), addresses ("Khouya,", "Oh mon beau,",
  "..., der Herr", "..., Jeck"), the carnival cry first ("Kölle Alaaf!"), thanks in the writer's first language
  ("dziękuję... äh, danke!"), how far after a push ("nur ein bisschen", "juste un peu"), "Bon ben là,".
- Words: "du côté droit" is a place after "déplace"; "tout doucement" is no quantifier; "am nächsten bei Ihnen" as
  "bei dir"; the spoken prohibition "Vous touchez pas au rouge" as "Vous ne touchez pas au rouge".
"""

from __future__ import annotations

import pytest
from planner_asserts import filled_moves_nothing, filled_plans
from test_translation_spoken import _TRIPLES


@pytest.mark.parametrize("triple", _TRIPLES, ids="-".join)
@pytest.mark.parametrize(("template", "spec"), [
    # similes
    ("Mets le {x} sur le {y}, comme un pont.", ("x>y",)),
    ("Vous me posez le {x} par-dessus le {y}, comme la tasse sur la soucoupe !", ("x>y",)),
    ("Avant de poser le {x} sur le {y} — délicatement, comme un pont de rouage — mets le {z} sur le pad.",
     ("z>pad", "x>y")),
    ("Fous le {x} à la poubelle comme une fournée ratée !", ("x>bin",)),
    ("Pousse le {x} à gauche, tout doucement, comme on roule une barrique.", ("push:x:left",)),
    ("Leg den {X} auf den {Y}, wie ein Hütchen auf den Kopf.", ("x>y",)),
    # reasons
    ("Mets tous les cubes dans la poubelle, on ferme le labo.", ("all>bin",)),
    ("Vous touchez pas au {x}, j'ai nettoyé autour. Mettez juste le {y} sur le pad, c'est tout.", ("y>pad",)),
    ("Stell den {X} Würfel bitte auf die linke Seite, ich brauch rechts Platz.", ("x>left",)),
    ("Leg mal alle Würfel aufs Pad außer dem {X}, der bleibt.", ("rest>pad",)),
    ("Könnten Sie den {X} Würfel bitte aufs Pad legen? Der Kunde möchte ihn sehen.", ("x>pad",)),
    # wrappers
    ("Khouya, s'il te plaît, mets le cube {x} sur le pad, barak allah oufik.", ("x>pad",)),
    ("Mets le {x} sur le {y}, inchallah.", ("x>y",)),
    ("Oh mon beau, mets le {x} dans la poubelle.", ("x>bin",)),
    ("Le {x}, là, tu me le poses sur le pad, et zou, on n'en parle plus !", ("x>pad",)),
    ("Bon ben là, mets le {x} dans la poubelle.", ("x>bin",)),
    ("Bon, on arrête là pour aujourd'hui. Retourne en position initiale, s'il te plaît.", ("home",)),
    ("Kölle Alaaf! Leg den {X} in den Müll, Jeck!", ("x>bin",)),
    ("Leg den {X} in den Müll, der Herr.", ("x>bin",)),
    ("Schieben Sie den {X} Würfel nach links, nur ein bisschen, dziękuję... äh, danke!", ("push:x:left",)),
    ("Pousse le {x} à gauche, juste un peu.", ("push:x:left",)),
    # words
    ("Déplace le cube {x} du côté droit.", ("x>right",)),
    ("Vous touchez pas au {x}. Mettez le {y} sur le pad.", ("y>pad",)),
])
def test_the_family_plans_exactly(template: str, spec: tuple[str, ...], triple: tuple[str, str, str]) -> None:
    filled_plans(template, spec, triple)


@pytest.mark.parametrize("template", [
    # a simile that names a cube, a place, an order or a negation is read (and refused)
    "Mets le {x} sur le {y}, comme le {z}.",
    "Mets le {x} sur le {y}, comme on met le {z} sur le pad.",
    "Mets le {x} sur le {y}, comme une tour à gauche.",
    "Mets le {x} sur le {y}, comme on ne fait pas.",
    "Leg den {X} auf den {Y}, wie den {Z}.",
    # negated, asked, reported
    "Ne mets pas le {x} sur le {y}, comme un pont.",
    "Tu mets le {x} sur le {y}, comme un pont ?",
    "Tu as mis le {x} sur le {y}, comme un pont.",
    "Ne déplace pas le cube {x} du côté droit.",
    "Tu déplaces le cube {x} du côté droit ?",
    "Vous touchez pas au {x} ?",
    "Schieb den {X} nicht nach links, nur ein bisschen.",
    "Leg den {X} nicht in den Müll, der Herr.",
    # a stop before a request that is not the return home, a blessing after a state, a reversal, how far after a
    # placement (A1 s18 H138)
    "On arrête là. Mets le {x} dans la poubelle.",
    "On arrête là pour aujourd'hui. Mets le {x} dans la poubelle.",
    "Le {x} dans la poubelle, hamdoullah.",
    "Le {x} sur le {y}, machallah.",
    "Mets le {x} sur le {y}, comme un pont à l'envers.",
    "Pousse le {x} à gauche, comme une voiture qui recule.",
    "Leg den {X} in den Müll, nur ein bisschen.",
    # a reason that disagrees with the request
    "Stell den {X} Würfel bitte auf die rechte Seite, ich brauch rechts Platz.",
    "Vous touchez pas au {x}, j'ai nettoyé autour. Mettez le {x} sur le pad.",
])
def test_its_variants_move_nothing(template: str) -> None:
    filled_moves_nothing(template)
