"""French and German said around a request by the personas of fresh_fr_de_36 (issue #17 item 5, nineteenth pass).

Closed forms, each a class a speaker uses again, with its asked, negated and near-miss twins refused:
- closings: Haitian Creole "..., souple" (please) and "Mèsi (anpil) !" (thanks); how it is done, said as a sentence of
  its own ("Avec précision, naturellement.", "Doucement, c'est un travail de précision."); "Läuft!" (deal) after a
  request; Bavarian "..., sei so guad";
- openers: "Bonjour mon cher !", "Comment ça va aujourd'hui ?" and the speaker's own answer ("Moi ça va, grâce à
  Dieu."); "Darf ich auch mal was sagen?" (leave to speak);
- the insisting tag "hein" after a prohibition's object ("Ne touche pas au cube bleu, hein.");
- reasons after the request: "il sert à rien ce machin" (discard, the subject said again), "ich muss hier wischen" and
  "faut que je nettoie la table" (room: cleaning).
"""

from __future__ import annotations

import pytest
from planner_asserts import filled_moves_nothing, filled_plans
from test_translation_spoken import _TRIPLES


@pytest.mark.parametrize("triple", _TRIPLES[:2], ids="-".join)
@pytest.mark.parametrize(("template", "spec"), [
    # closings
    ("Mon ami, pose le {x} par-dessus le {y}, souple. Mèsi !", ("x>y",)),
    ("Mets le {x} dans la poubelle, souple. Mèsi anpil !", ("x>bin",)),
    ("Pose le {x} sur le pad, je vous prie. Avec précision, naturellement.", ("x>pad",)),
    ("Pose le {x} sur le pad. Doucement, c'est un travail de précision.", ("x>pad",)),
    ("Schieb den {X} nach links, und dann leg den {Y} aufs Pad. Läuft!", ("push:x:left", "y>pad")),
    ("Leg den {X} aufs Pad, sei so guad.", ("x>pad",)),
    # openers
    ("Bonjour mon cher ! Comment ça va aujourd'hui ? Moi ça va, grâce à Dieu. Écoute, mets le {x} dans la poubelle.",
     ("x>bin",)),
    ("Oh, darf ich auch mal was sagen? Schieb den {X} nach links!", ("push:x:left",)),
    # "hein" after a prohibition
    ("Ne touche pas au {x}, hein. Mets juste le {y} sur le pad.", ("y>pad",)),
    # reasons
    ("Le {x}, tu me le fous à la poubelle, il sert à rien ce machin.", ("x>bin",)),
    ("Tun Sie bitte den {X} in den Mülleimer, ich muss hier wischen. Danke!", ("x>bin",)),
    ("Mets tous les cubes à la poubelle, faut que je nettoie la table.", ("all>bin",)),
    ("Faut que je nettoie la table, mettez-moi tous les cubes à la poubelle s'il vous plaît.", ("all>bin",)),
    # Bavarian "'n" (den) before a colour, "amal", "Seit'n", "nüber"
    ("Stell'n {X} Würfl amal auf die rechte Seit'n nüber, sei so guad.", ("x>right",)),
])
def test_what_is_said_around_the_request_is_taken_off(template: str, spec: tuple[str, ...],
                                                      triple: tuple[str, str, str]) -> None:
    filled_plans(template, spec, triple)


@pytest.mark.parametrize("template", [
    # asked or negated: the closing never makes a question or a negation a request
    "Mets le {x} dans la poubelle, souple ?",
    "Ne mets pas le {x} dans la poubelle, souple. Mèsi !",
    "Tu mets le {x} dans la poubelle ? Mèsi !",
    "Leg den {X} nicht aufs Pad. Läuft!",
    "Legst du den {X} aufs Pad? Läuft!",
    "Leg den {X} aufs Pad, sei so guad?",
    # "hein" after a prohibition keeps the prohibition
    "Ne touche pas au {x}, hein.",
    "Ne mets pas le {x} dans la poubelle, hein.",
    # a reason never turns a negation into a request
    "Ne mets pas le {x} à la poubelle, il sert à rien ce machin.",
    "Tun Sie den {X} nicht in den Mülleimer, ich muss hier wischen.",
    # openers: the request after them is still read ("darf ich ...?" asks nothing of the robot)
    "Oh, darf ich auch mal was sagen? Schiebst du den {X} nach links?",
    "Moi ça va, grâce à Dieu. Tu mets le {x} dans la poubelle ?",
    # the need first: a prohibition or the speaker's own doing stays unread
    "Faut que je nettoie la table, ne mets pas le {x} dans la poubelle.",
    "Il faut que je mette le {x} dans la poubelle.",
    "Stell'n {X} Würfl amal ned auf die rechte Seit'n nüber, sei so guad.",
])
def test_asked_or_negated_twins_move_nothing(template: str) -> None:
    filled_moves_nothing(template)
