"""Session 7's adversarial pass on the planner (issue #17, first invariant): each test is a class of instructions
that some backend once planned against the words (a forbidden or retracted action run, the wrong cube moved, the
steps in the wrong order), kept with its variants once fixed. Refusing is always allowed where a test says
``not touches``; a plan against the words never is. Findings: /work/team/notes7/A1_findings.md (F1 ... F9)."""

from __future__ import annotations

import pytest
from test_planner_fresh12_words import SCENE, mv, plan, touches

from policies.planner import Plan, Refusal, make_planner

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



# --------------------------- F9 (fe079b4): "but the red one" with nothing more, and a whole wish negated, plan nothing
@pytest.mark.parametrize("x", ["red", "blue", "green"])
@pytest.mark.parametrize("form", ["leg alle Würfel in den Eimer, aber den {dx}",
                                  "leg alle Würfel aufs Pad, aber den {dx}",
                                  "mets tous les cubes dans la poubelle, mais le {fx}",
                                  "mets tous les cubes sur le pad, mais le {fx}"])
def test_but_the_cube_with_nothing_more_is_not_an_exclusion(form: str, x: str) -> None:
    result = plan(form.format(dx=DE[x], fx=FR[x]))
    assert isinstance(result, Refusal), result


@pytest.mark.parametrize(("x", "y"), PAIRS)
def test_a_negated_wish_then_its_pronoun_is_refused_not_asked(x: str, y: str) -> None:
    for text in (f"je ne voudrais pas que tu prennes le {FR[x]} et que tu le mettes dans la poubelle",
                 f"je voudrais que tu ne prennes pas le {FR[x]} et que tu le mettes dans la poubelle"):
        assert isinstance(plan(text), Refusal), text


# ----------------------------- F7 (fe079b4, French/German): the speaker's place is unknown, so no push "towards me"
@pytest.mark.parametrize("text", ["pousse le rouge vers moi", "pousse le cube rouge vers moi",
                                  "schieb den roten zu mir", "schieb den roten Würfel zu mir"])
def test_a_push_towards_the_speaker_is_refused_in_french_and_german(text: str) -> None:
    assert not touches(plan(text), "red")


# ------------------ F4 (16a8834, the default backend): a reversal said after the request never lets the model plan it
@pytest.fixture(scope="module")
def default_planner():  # type: ignore[no-untyped-def]
    pytest.importorskip("llama_cpp")
    return make_planner("llama_cpp", examples=2)


@pytest.mark.slow
@pytest.mark.xdist_group("llama_model")
@pytest.mark.parametrize("text", ["put red on blue, vice versa", "stack red on blue, upside down",
                                  "put red on blue, inverted", "put the red cube on the blue cube, and vice versa"])
def test_a_reversal_word_never_lets_the_model_plan_the_words_unreversed(default_planner, text: str) -> None:  # type: ignore[no-untyped-def]
    result = default_planner.plan(text, SCENE)
    assert not isinstance(result, Plan) or [str(s) for s in result.steps] == mv("blue", "red"), (text, result)
