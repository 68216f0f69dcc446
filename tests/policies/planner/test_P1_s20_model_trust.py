"""P1, session 20: the model path's trust (issue 17; A1 s19 H140w, H148, H151 on the default backend).

(a) A refusal by a shape screen is final on every backend: the model never receives what the screens refuse. The
    screens now also refuse two labels in a row before a cube ("Result: red cube: bin.", "Robot: red cube: bin.", "Step
    2: red cube: pad."), a report's head before a verbless goal ("Result, red in the bin.", "Outcome: red on the blue
    cube."), and a verbless list of cubes then "it" / "this" / "that" after a comma or a dash too ("The red cube and
    the blue cube, put it in the bin."). One label still orders ("Red cube: bin.", "Robot: home."), and so does a
    report's head with a verb ("Update: put the red cube in the bin.").
(b) The pairing check refuses a model plan that moves a cube the words do not name (where no quantifier, plural or
    uncoloured noun may pick out others: "Put top blue cube on the pad." with red on blue moved red too, a wrong
    plan), and one where "it" / "this" follows two or more cubes named together (it picks out none of them).

Sentences are written for these tests; the findings they stand for are named beside them.
"""

from __future__ import annotations

import pytest
from planner_asserts import S3, cube_scene, moves_nothing, plans_as
from test_planner_fresh12_words import mv

from policies.planner import Plan, make_planner
from policies.planner.pairing import pairing_error
from policies.planner.plan import Step

STACK = cube_scene(("red", [0.45, 0.1, 0.066]), ("blue", [0.45, 0.1, 0.022]), ("green", [0.38, -0.02, 0.022]),
                   on={"red_cube": "blue_cube"})


def _steps(*moves: tuple[str, str]) -> list[Step]:
    """pick + place for each (colour, where): a region, or a colour to place on."""
    out: list[Step] = []
    for colour, where in moves:
        out.append(Step(skill="pick", args={"object": f"{colour}_cube"}))
        out.append(Step(skill="place_in", args={"region": where}) if where in ("bin", "pad", "left", "right")
                   else Step(skill="place_on", args={"object": f"{where}_cube"}))
    return out


# (a) ------------------------------------------------------------------------------------------------------ the screens
_LABELLED_STATUS = [
    "Result: red cube: bin.",  # A1 s19 H148
    "Robot: red cube: bin.",  # A1 s19 H148
    "Step 2: red cube: pad.", "Log: red cube: bin.", "Status: the red cube: the bin.", "Me: blue: pad.",
    "Arm: red cube: in the bin.", "Step 3: blue cube: to the pad.",
]
_REPORT_HEADS = [
    "Result, red in the bin.",  # A1 s19 H148
    "Result: red in the bin.", "Outcome: red on the blue cube.", "Results: red and blue in the bin.",
    "Summary: home.", "The result: red in the bin.",
    "Status update: blue on the pad.", "Log: red cube in the bin.", "Observation: all the cubes in the bin.",
]
_LIST_THEN_IT = [
    "The red cube and the blue cube, put it in the bin.",  # A1 s19 H140w
    "The red cube and the blue cube. Put this in the bin.",  # A1 s19 H140w
    "The red cube and the blue cube - put that on the pad.", "Red and blue, bin it.",
    "Red and blue, put that in the bin please.", "The red cube and the blue cube. Put this one in the bin.",
    "Red, green: put it on the pad.", "Red cube and blue cube: put it in the bin.",
]


@pytest.mark.parametrize("text", _LABELLED_STATUS + _REPORT_HEADS + _LIST_THEN_IT)
def test_a_status_line_a_report_and_a_list_then_it_move_nothing(text: str) -> None:
    moves_nothing(text)


@pytest.mark.parametrize(("text", "want"), [
    ("Red cube: bin.", mv("red", "bin")),  # one label orders, as before
    ("Bin: red cube.", mv("red", "bin")),
    ("Robot: home.", ["go_home()"]),
    ("Red: bin. Blue: pad.", mv("red", "bin") + mv("blue", "pad")),
    ("Robot: put the red cube in the bin.", mv("red", "bin")),
    ("Red cube: put it in the bin.", mv("red", "bin")),  # REV s18 R8
    ("Update: put the red cube in the bin.", mv("red", "bin")),  # a report's head with a verb: a request
    ("The red cube and the blue cube go in the bin.", mv("red", "bin") + mv("blue", "bin")),
    ("Red and blue in the bin, then go home.", [*mv("red", "bin"), *mv("blue", "bin"), "go_home()"]),
])
def test_one_label_and_a_head_with_a_verb_still_order(text: str, want: list[str]) -> None:
    plans_as(text, want)


# (b) ------------------------------------------------------------------------------------------------------ the pairing
def test_a_plan_moving_a_cube_the_words_do_not_name_is_refused() -> None:
    """A1 s19 H151: red on blue, "top blue cube": the model moved red and blue to the pad."""
    why = pairing_error("Put top blue cube on the pad.", STACK, _steps(("red", "pad"), ("blue", "pad")))
    assert why is not None and "red cube" in why
    for text in ("Put the blue cube on the pad.", "Blue on the pad.", "Put top blue cube on the pad please."):
        assert pairing_error(text, STACK, _steps(("red", "bin"), ("blue", "pad"))) is not None, text
    assert pairing_error("Put the green cube in the bin.", S3, _steps(("red", "bin"))) is not None


@pytest.mark.parametrize(("text", "moves"), [
    ("Put top blue cube on the pad.", (("blue", "pad"),)),
    ("Put the red cube and the blue cube in the bin.", (("red", "bin"), ("blue", "bin"))),
    ("Take the red cube and put it in the bin.", (("red", "bin"),)),
    ("Put all the cubes in the bin.", (("red", "bin"), ("blue", "bin"), ("green", "bin"))),  # a quantifier
    ("Put the cube next to the green one in the bin.", (("red", "bin"),)),  # an uncoloured noun: not bounded here
    ("Red and blue. Put them in the bin.", (("red", "bin"), ("blue", "bin"))),  # "them" names both
    ("Move the red one onto the blue one, then the green one into the bin.", (("red", "blue"), ("green", "bin"))),
])
def test_a_plan_moving_only_what_the_words_pick_out_passes(text: str, moves: tuple[tuple[str, str], ...]) -> None:
    assert pairing_error(text, S3, _steps(*moves)) is None, text


@pytest.mark.parametrize("text", [
    "Take the red cube and the blue cube and put it in the bin.",  # A1 s19 H140w, with a verb: past the screen
    "Pick up red and blue, then put this in the bin.", "Grab the red one and the blue one and bin it.",
    "Put red and blue on the pad and then push it left.",
])
def test_it_after_two_cubes_picks_out_none(text: str) -> None:
    for moves in ((("red", "bin"),), (("red", "bin"), ("blue", "bin")), (("blue", "pad"),)):
        assert pairing_error(text, S3, _steps(*moves)) is not None, (text, moves)


@pytest.mark.parametrize("text", ["Put red and blue in the bin if it's empty.", "Take red and blue to the bin, is it "
                                  "possible?", "Put red and blue in the bin, it's fine.",
                                  "Put red and blue in the bin when it is done."])
def test_it_as_a_subject_is_no_pronoun_for_a_cube(text: str) -> None:
    assert pairing_error(text, S3, _steps(("red", "bin"), ("blue", "bin"))) is None, text


# the real model, as `armstack plan` runs it ---------------------------------------------------------------------------
@pytest.mark.slow
def test_the_default_backend_plans_none_of_the_findings() -> None:
    """Through CheckedPlanner with the embedded model: H140w, H148 refuse before the model; H151 is refused by the
    pairing; the model receives none of what a screen refuses (its fallback is not called)."""
    pytest.importorskip("llama_cpp")
    planner = make_planner("llama_cpp")
    stats = planner.backend.stats  # type: ignore[attr-defined]
    for text in _LABELLED_STATUS + _REPORT_HEADS + _LIST_THEN_IT:
        calls = stats.fallback_calls
        assert not isinstance(planner.plan(text, S3), Plan), text
        assert stats.fallback_calls == calls, text  # a screen refused it: the model never saw it
    for text, state in (("Put top blue cube on the pad.", STACK),
                        ("Take the red cube and the blue cube and put it in the bin.", S3),
                        ("Pick up red and blue, then put this in the bin.", S3)):
        result = planner.plan(text, state)
        assert not isinstance(result, Plan), (text, result)
    for text, want in (("Red cube: bin.", mv("red", "bin")), ("Robot: home.", ["go_home()"])):
        result = planner.plan(text, S3)
        assert isinstance(result, Plan) and [str(s) for s in result.steps] == want, (text, result)
