"""French and German of the personas of fresh_fr_de_40 (issue #17 item 5, twenty-first pass), each a closed family a
speaker uses again, with its negated, asked and near-miss twins refused:

- the speaker's appointment at a clock time of today ("on fait une démo à 14h", "j'ai une réunion à 9 h 30", "on a un
  cours cet aprèm"; "wir haben um 14 Uhr eine Demo", "ich hab um halb drei ein Meeting") as a reason after a request;
  tomorrow or tonight is a later run and stays unread (as REV s19-R6), a time said of the request itself is unread;
- addresses of the closed class ("mon homme", "mon pitchoun", "mon trésor", "mon chum", "ma puce"; "Jung", "Keule",
  "Atze") before or after the request, Quebec "Heille" and Marseille "Té," before them, Quebec "..., enweille !"
  (come on) after a request only;
- "là" right after a place's noun ("sur le pad là, doucement") — a place only pointed at ("mets le rouge là") stays
  unread;
- "tous ces cubes" (all these cubes) as every cube, and every cube said first and taken up by "les" ("tous les cubes,
  tu me les ranges à gauche");
- the tidy result ("..., que ça fasse propre", "pour que ce soit rangé", "comme ça c'est propre") as a reason;
- a visitor's small talk ("Je visite le labo avec ma fille, elle est fan de toi."), "Écoute bien :", and the closing
  sentences "Ce serait génial." and "Ça va aller." (after words with no verb "Ça va aller" is a verdict, refused);
- what a kept cube is worth to the speaker after its prohibition ("Touche pas au cube bleu, y'est aussi précieux que la
  Coupe Stanley!", "il est fragile", "c'est mon grand cru"; "der ist mir heilig"), a comparison naming no cube, colour
  or place;
- the cube said first and taken up by "den" with its permission ("den kannst glei wegschmeißen", Ruhr "den kannze
  wegschmeißen") and "der ghört in'n Mülleimer" (it belongs in the bin) after a request that bins it;
- the robot's view named after the direction ("nach rechts, also aus Sicht des Roboters", "à droite, c'est-à-dire du
  point de vue du robot"); the speaker's view ("aus meiner Sicht") stays unread.
"""

from __future__ import annotations

import pytest
from planner_asserts import asks, cube_scene, filled_moves_nothing, filled_plans
from test_translation_spoken import _TRIPLES


@pytest.mark.parametrize("triple", _TRIPLES[:2], ids="-".join)
@pytest.mark.parametrize(("template", "spec"), [
    ("Mettez tous les cubes sur le pad sauf le {x}, s'il vous plaît, on fait une démo à 14h.", ("rest>pad",)),
    ("Mets le {x} sur le pad, j'ai une réunion à 9 h 30.", ("x>pad",)),
    ("Mets le {x} sur le {y}, on a un cours cet aprèm.", ("x>y",)),
    ("Leg den {X} aufs Pad, wir haben um 14 Uhr eine Demo.", ("x>pad",)),
    ("Leg den {X} in den Müll, ich hab um halb drei ein Meeting.", ("x>bin",)),
    ("Heille mon chum, mets le {x} sur le pad, enweille!", ("x>pad",)),
    ("Té, mon pitchoun, mets le {x} dans la poubelle.", ("x>bin",)),
    ("Mets le {x} sur le {y}, mon homme.", ("x>y",)),
    ("Leg den {X} aufs Pad, Jung.", ("x>pad",)),
    ("Mon ami, prends le cube {x} et dépose-le sur le pad là, doucement doucement, hein.", ("x>pad",)),
    ("Allez, mon petit, tous ces cubes, tu me les ranges à gauche, que ça fasse propre. Merci, mon trésor.",
     ("all>left",)),
    ("Tous les cubes, tu me les mets dans la poubelle.", ("all>bin",)),
    ("Range tous les cubes à droite, comme ça c'est propre.", ("all>right",)),
    ("Bonjour le robot ! Je visite le labo avec ma fille, elle est fan de toi. Est-ce que tu pourrais poser le cube "
     "{x} sur le {y} ? Ce serait génial, merci !", ("x>y",)),
    ("Mon frère, écoute bien : d'abord tu mets le cube {x} à droite, après tu poses le {y} sur le {z}. Ça va aller, "
     "inch'Allah.", ("x>right", "y>z")),
    ("Schieb bitte den {X} Würfel nach rechts, also aus Sicht des Roboters. Danke.", ("push:x:right",)),
    ("Pousse le {x} à droite, c'est-à-dire du point de vue du robot.", ("push:x:right",)),
    ("Touche pas au cube {x}, y'est aussi précieux que la Coupe Stanley! Mets juste le {y} sur le pad, mon chum.",
     ("y>pad",)),
    ("Ne touche pas au {x}, il est fragile. Mets le {y} sur le pad.", ("y>pad",)),
    ("Le {x}, tu n'y touches pas, c'est mon grand cru. Par contre le {y}, pose-le sur le pad.", ("y>pad",)),
    ("Fass den {X} nicht an, der ist mir heilig. Leg den {Y} aufs Pad.", ("y>pad",)),
    ("Servus! Den {X} Würfel da, den kannst glei wegschmeißen, der ghört in'n Mülleimer.", ("x>bin",)),
    ("Schmeiß den {X} Würfel weg, der gehört in den Mülleimer.", ("x>bin",)),
])
def test_the_family_plans(template: str, spec: tuple[str, ...], triple: tuple[str, str, str]) -> None:
    filled_plans(template, spec, triple)


@pytest.mark.parametrize("template", [
    # the appointment: another day, a time said of the request, negated, asked, a report
    "Mets le {x} sur le pad, on fait une démo demain.",
    "Mets le {x} sur le pad à 14h.",
    "Ne mets pas le {x} sur le pad, on fait une démo à 14h.",
    "Tu mets le {x} sur le pad, on fait une démo à 14h ?",
    "Le {x} est sur le pad, on fait une démo à 14h.",
    "Mets les 2 cubes sur le pad, on fait une démo à 14h.",
    "Leg den {X} aufs Pad um 14 Uhr.",
    "Leg den {X} nicht aufs Pad, wir haben um 14 Uhr eine Demo.",
    "Der {X} liegt auf dem Pad, wir haben um 14 Uhr eine Demo.",
    # addresses keep what is asked
    "Tu mets le {x} sur le pad, mon homme ?",
    "Té, tu mets le {x} sur le pad.",
    "Mets le {x} sur le pad, enweille ?",
    "Legst du den {X} aufs Pad, Jung?",
    "Leg den {X} nicht aufs Pad, Jung.",
    # a place only pointed at
    "Mets le {x} là.",
    # every cube taken up: negated, asked
    "Tous les cubes, tu me les mets pas dans la poubelle.",
    "Tous les cubes, tu les mets dans la poubelle ?",
    "Range ces cubes à gauche.",
    # the tidy result after a negation or asked
    "Ne range pas le {x} à gauche, que ça fasse propre.",
    "Tu ranges le {x} à gauche, que ça fasse propre ?",
    # closing sentences: asked, after no verb
    "Le {x} dans la poubelle. Ça va aller.",
    "Mets le {x} dans la poubelle. Ça va aller ?",
    "Écoute bien : le {x} est dans la poubelle.",
    # what the kept cube is worth: compared to a cube or a place, after a request, no prohibition
    "Touche pas au cube {x}, y'est aussi précieux que le {y}! Mets le {z} sur le pad.",
    "Touche pas au {x}, y'est aussi précieux que la table! Mets le {y} sur le pad.",
    "Mets le {x} sur le pad, il est précieux.",
    "Leg den {X} aufs Pad, der ist mir heilig.",
    # the permission: negated, another place than the bin, asked back
    "Den {X} Würfel da, den kannst nicht wegschmeißen, der ghört in'n Mülleimer.",
    "Den {X} Würfel, den kannst glei aufs Pad legen, der ghört in'n Mülleimer.",
    "Den {X} Würfel, den kannst du ruhig wegschmeißen?",
    "Leg den {X} aufs Pad, der gehört in den Mülleimer.",
    # the speaker's view
    "Schieb bitte den {X} Würfel nach rechts, also aus meiner Sicht.",
])
def test_the_twins_move_nothing(template: str) -> None:
    filled_moves_nothing(template)


def test_the_top_cube_of_two_stacks_asks_which() -> None:
    scene = cube_scene(("red", [0.45, 0.1, 0.022]), ("green", [0.45, 0.1, 0.066]), ("blue", [0.56, -0.1, 0.022]),
                       ("yellow", [0.56, -0.1, 0.066]))
    asks("Heille mon chum, pogne le cube du dessus pis mets-le sur le pad, enweille!", scene,
         {"green_cube", "yellow_cube"})


def test_a_bare_block_asks_which_after_an_address() -> None:
    scene = cube_scene(("red", [0.5, 0.0, 0.022]), ("blue", [0.42, 0.15, 0.022]), ("yellow", [0.6, -0.14, 0.022]))
    asks("Moin! Pack den Klotz da mal auf den roten, Jung.", scene, {"blue_cube", "yellow_cube"})
