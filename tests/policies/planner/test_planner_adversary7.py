"""Session 7's adversarial pass on the planner (issue #17, first invariant): each test is a class of instructions
that some backend once planned against the words (a forbidden or retracted action run, the wrong cube moved, the
steps in the wrong order), kept with its variants once fixed. Refusing is always allowed where a test says
``not touches``; a plan against the words never is. Findings: /work/team/notes7/A1_findings.md (F1 ... F9)."""

from __future__ import annotations

import pytest
from test_planner_fresh12_words import mv, plan, touches

from policies.planner import Plan

PAIRS = (("red", "blue"), ("green", "yellow"), ("blue", "red"))
FR = {"red": "rouge", "blue": "bleu", "green": "vert", "yellow": "jaune"}
DE = {"red": "roten", "blue": "blauen", "green": "grünen", "yellow": "gelben"}


def in_order(text: str, *moves: tuple[str, str]) -> None:
    """``text`` plans exactly ``moves`` in this order, or is refused; never the same moves in another order."""
    result = plan(text)
    want = [s for colour, where in moves for s in mv(colour, where)]
    assert not isinstance(result, Plan) or [str(s) for s in result.steps] == want, (text, result)


# ------------------------------------------- F1 (French/German, dd9e5ab): "first" said after the later clause's object
@pytest.mark.parametrize(("x", "y"), PAIRS)
@pytest.mark.parametrize("form", [
    "mets le cube {fx} dans la poubelle, mais pose le cube {fy} sur le pad d'abord",
    "mets le cube {fx} dans la poubelle et pose le cube {fy} sur le pad d'abord",
    "mets le cube {fx} dans la poubelle, pose d'abord le cube {fy} sur le pad",
    "leg den {dx} Würfel in den Eimer, aber leg den {dy} Würfel zuerst aufs Pad",
    "leg den {dx} Würfel in den Eimer und leg den {dy} Würfel zuerst aufs Pad"])
def test_a_later_clause_said_first_runs_first_in_french_and_german(form: str, x: str, y: str) -> None:
    text = form.format(fx=FR[x], fy=FR[y], dx=DE[x], dy=DE[y])
    in_order(text, (y, "pad"), (x, "bin"))


# ------------------------------- F3 (French/German, dd9e5ab): "not that, <another cube>" corrects, never runs the first
@pytest.mark.parametrize(("x", "y"), PAIRS)
@pytest.mark.parametrize("form", [
    "mets le cube {fx} dans la poubelle, pas ça, le {fy}", "mets le cube {fx} dans la poubelle, pas le, le {fy}",
    "leg den {dx} Würfel in den Eimer, nicht den, den {dy}", "leg den {dx} Würfel in den Eimer, nicht das, den {dy}",
    "leg den {dx} Würfel in den Eimer, nicht diesen, den {dy}",
    "leg den {dx} Würfel in den Eimer, den nicht, den {dy}"])
def test_a_negated_pointer_then_a_cube_is_a_correction_in_french_and_german(form: str, x: str, y: str) -> None:
    assert not touches(plan(form.format(fx=FR[x], fy=FR[y], dx=DE[x], dy=DE[y])), x)

