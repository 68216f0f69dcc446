"""A1 session 10 classes reached through French and German (issue #17 item 5, tenth pass).

H17: a pick verb with a place in its own clause ("Nimm den roten Würfel im Eimer", "Prends le cube rouge dans la
poubelle", "Ramasse le rouge sur le pad") says where the cube is (German dative, French "prendre dans": take from),
never where it goes; read as English "take X in the bin" it binned the cube. Refused; a pick and a put in two clauses
still plan. H19: German "zurück" after a push is back where the cube came from ("Schieb den roten nach links, dann
schieb ihn zurück"), never "nach hinten"; read as English "push it back" it pushed toward the robot. Refused; the
arm's own return ("fahr zurück", "und dann zurück in die Ausgangsposition") still goes home.
"""

from __future__ import annotations

import pytest
from planner_asserts import filled_never_plans, filled_plans
from test_translation_spoken import _PLANNER, _TRIPLES, _fill, _scene

from policies.planner import Plan


@pytest.mark.parametrize("template", [
    "Nimm den {X} Würfel im Eimer.",
    "Nimm bitte den {X} auf dem Pad.",
    "Heb den {X} Würfel aufm Pad hoch.",
    "Greif den {X} in der Kiste.",
    "Hol den {X} Würfel im Mülleimer.",
    "Prends le cube {x} dans la poubelle.",
    "Ramasse le {x} sur le pad.",
    "Attrape le cube {x} sur le {y}.",
    "Soulève le {x} dans le bac.",
    "Pogne le {x} dans les vidanges.",
    # H19: back where it came from
    "Schieb den {X} nach links, dann schieb ihn zurück.",
    "Schieb den {X} nach links und dann wieder zurück.",
    "Schieb den {X} zurück.",
    "Schieben Sie den {X} Würfel nach rechts und danach zurück.",
])
def test_a_pick_at_a_place_or_a_push_back_never_runs(template: str) -> None:
    filled_never_plans(template)


@pytest.mark.parametrize("triple", _TRIPLES, ids="-".join)
@pytest.mark.parametrize(("template", "spec"), [
    ("Nimm den {X} Würfel und leg ihn in den Eimer.", ("x>bin",)),
    ("Prends le cube {x} et mets-le dans la poubelle.", ("x>bin",)),
    ("Prends le {x} pour le mettre sur le pad.", ("x>pad",)),
    ("Schieb den {X} nach links und fahr dann zurück in die Ausgangsposition.", ("push:x:left", "home")),
    ("Schieb den {X} nach links und dann zurück in die Ausgangsposition.", ("push:x:left", "home")),
    ("Leg den {X} in den Eimer und fahr zurück.", ("x>bin", "home")),
    ("Fahr zurück und leg den {X} auf den {Y}.", ("home", "x>y")),
])
def test_a_pick_and_a_put_or_the_arms_return_still_plan(template: str, spec: tuple[str, ...],
                                                       triple: tuple[str, str, str]) -> None:
    filled_plans(template, spec, triple)


def test_fahr_zurueck_negated_never_goes_home() -> None:
    x, y, z = _TRIPLES[0]
    result = _PLANNER.plan(_fill("Leg den {X} in den Eimer und fahr nicht zurück.", x, y, z), _scene(x, y, z))
    assert not isinstance(result, Plan) or "go_home()" not in [str(s) for s in result.steps], result


@pytest.mark.parametrize("template", [
    # A1 s10 H25, French/German side: a move with no place of its own borrowed the next clause's place
    "Déplace le {x} et mets le {y} dans la poubelle.",
    "Déplace le cube {x}. Puis mets le {y} dans la poubelle.",
    "Bouge le {x}, puis mets le {y} sur le tapis.",
    "Bewege den {X} Würfel und leg den {Y} in den Eimer.",
    "Beweg den {X}. Dann leg den {Y} in den Eimer.",
])
def test_a_move_without_a_place_never_borrows_the_next_clauses(template: str) -> None:
    filled_never_plans(template)


@pytest.mark.parametrize(("template", "spec"), [
    ("Ne bouge pas le {x} et mets le {y} dans la poubelle.", ("y>bin",)),
    ("Déplace le {x} sur le {y} et mets le {z} dans la poubelle.", ("x>y", "z>bin")),
    ("Bewege den {X} Würfel auf die linke Seite.", ("x>left",)),
])
def test_a_move_with_its_place_or_negated_still_plans(template: str, spec: tuple[str, ...]) -> None:
    filled_plans(template, spec)
