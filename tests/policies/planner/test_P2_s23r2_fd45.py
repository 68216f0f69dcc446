"""French and German of the seen fresh_fr_de_45 misses (issue #17 item 5, twenty-third pass, round 2), each a closed
family a speaker uses again, with its negated, asked and near-miss twins refused:

- "Feierabend für heute," with a comma before the request (as "Feierabend für heute." and "Feierabend," were read);
- "oben drauf" in two words closing its clause: "obendrauf" (on top of it: "dann den roten oben drauf, und ...");
- "..., hopp hopp" after the request (quick), as "..., zack zack";
- the break that comes soon as the reason of haste ("..., gleich is Mittag!"), a closed list of breaks;
- French "La gauche du robot, bien sûr." closing the text after a request that says that side alone (the robot's
  view, which left and right already are), as "Ta gauche à toi, pas la mienne." was read;
- German "X bitte nicht in den Eimer werfen, sondern auf der rechten Seite ablegen": each place with its own placing
  infinitive, read as "nicht in den Eimer, sondern auf der rechten Seite ablegen".
"""

from __future__ import annotations

import pytest
from planner_asserts import filled_moves_nothing, filled_never_plans, filled_plans
from test_translation_spoken import _TRIPLES


@pytest.mark.parametrize("triple", _TRIPLES[:2], ids="-".join)
@pytest.mark.parametrize(("template", "spec"), [
    # "Feierabend für heute," before the request
    ("So, Feierabend für heute, fahr bitte wieder in deine Ausgangsstellung zurück.", ("home",)),
    ("Feierabend für heut, fahr zurück in deine Ausgangsposition.", ("home",)),
    ("Ok, Feierabend für heute, leg den {X} in den Müll.", ("x>bin",)),
    # "oben drauf" closing its clause
    ("Erst den {X} Würfel aufs Pad, dann den {Y} oben drauf, und danach fährst du zurück in die Home-Position.",
     ("x>pad", "y>x", "home")),
    ("Leg den {X} aufs Pad, dann den {Y} oben drauf.", ("x>pad", "y>x")),
    # "hopp hopp" after the request, the break that comes soon
    ("Den {X} Würfel aufs Pad, hopp hopp, gleich is Mittag!", ("x>pad",)),
    ("Leg den {X} in den Müll, hopp hopp.", ("x>bin",)),
    ("Leg den {X} in den Müll, gleich ist Pause.", ("x>bin",)),
    ("Leg den {X} in den Müll, es ist bald Mittagspause.", ("x>bin",)),
    # "La gauche du robot." after a request to that side
    ("Pourriez-vous déplacer le cube {x} du côté gauche, s'il vous plaît ? La gauche du robot, bien sûr.",
     ("x>left",)),
    ("Mets le {x} à droite. La droite du robot.", ("x>right",)),
    ("Pousse le {x} vers la gauche. La gauche du robot, évidemment !", ("push:x:left",)),
    # "nicht <place> <infinitive>, sondern <place> <infinitive>"
    ("Den {X} Würfel bitte nicht in den Eimer werfen, sondern auf der rechten Seite ablegen.", ("x>right",)),
    ("Den {X} Würfel bitte nicht in die Tonne legen, sondern auf die linke Seite stellen.", ("x>left",)),
])
def test_the_family_plans(template: str, spec: tuple[str, ...], triple: tuple[str, str, str]) -> None:
    filled_plans(template, spec, triple)


@pytest.mark.parametrize("template", [
    # "Feierabend" asked, denied, for another day
    "Feierabend für heute? Fahr zurück in deine Ausgangsposition.",
    "Kein Feierabend für heute, fahr zurück in deine Ausgangsposition.",
    "Feierabend für morgen, fahr zurück in deine Ausgangsposition.",
])
def test_the_home_twins_plan_nothing(template: str) -> None:
    filled_never_plans(template)


@pytest.mark.parametrize("template", [
    "Feierabend für morgen, leg den {X} in den Müll.",
    # "oben drauf" negated, asked
    "Leg den {X} aufs Pad, dann den {Y} nicht oben drauf.",
    "Leg den {X} aufs Pad, dann den {Y} oben drauf?",
    # "hopp hopp" asked; the reason after a negated request, negated, asked, alone
    "Leg den {X} in den Müll, hopp hopp?",
    "Leg den {X} nicht in den Müll, gleich ist Mittag.",
    "Leg den {X} in den Müll, gleich ist kein Mittag.",
    "Leg den {X} in den Müll, ist gleich Mittag?",
    "Gleich ist Mittag.",
    "Den {X} Würfel aufs Pad? Hopp hopp, gleich is Mittag!",
    # "La gauche du robot": another side, asked, the speaker's side, two sides before it, after a negated request
    "Mets le {x} à gauche. La droite du robot.",
    "Mets le {x} à gauche. La gauche du robot ?",
    "Mets le {x} à gauche. Ma gauche, bien sûr.",
    "Mets le {x} à gauche et le {y} à droite. La gauche du robot.",
    "Ne mets pas le {x} à gauche. La gauche du robot.",
    "La gauche du robot.",
    # "nicht ..., sondern ...": asked, a push excluded, no "nicht", the second negated, another cube second
    "Den {X} Würfel bitte nicht in den Eimer werfen, sondern auf der rechten Seite ablegen?",
    "Den {X} Würfel bitte nicht nach links schieben, sondern auf der rechten Seite ablegen.",
    "Den {X} Würfel bitte in den Eimer werfen, sondern auf der rechten Seite ablegen.",
    "Den {X} Würfel bitte nicht in den Eimer werfen, sondern auf der rechten Seite nicht ablegen.",
    "Den {X} Würfel bitte nicht in den Eimer werfen, sondern den {Y} auf der rechten Seite ablegen.",
])
def test_the_twins_move_nothing(template: str) -> None:
    filled_moves_nothing(template)
