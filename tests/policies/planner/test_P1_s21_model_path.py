"""P1, session 21: the model path's trust and the shape findings handed on from session 20 (issue 17).

(a) The pairing check (what a model plan may move) now refuses three more families, each a wrong plan of the model on
    main 2a81d9a: a colour said alone beside a request that names it with other cubes (A1 s20 H158, the H130 echo on
    the model path: "Put the red and blue cubes in the bin, red." / ", the red one." / "Red. Put ..." binned both); a
    colour right before a place word that picks out another cube ("Put blue top cube on the pad." with red on blue
    moved both); a place word before a plural noun ("Put top cubes on the pad.": how many it picks out is a guess).
(b) Shape screens (every backend): a report's head before ". ! ; ..." or with no mark (REV s20 R3 (b): "Result. Red in
    the bin."); a programmer's "not" glued to a word (A1 s20 H155: "Red cube !bin", "Put the red cube !in the bin.",
    "Red cube -bin"); a label that frames a supposition, an example or a fallback (A1 s20 H154: "Scenario: / Plan B: /
    Example: put ..."); the Patois ", nuh" after a subject that a word precedes (REV s20 R4: "Oh yuh put ..., nuh.").
(c) Hedges, one convention (A1 s20 H159), as the seen golds and the older pins read them: a hedge on the WHOLE order
    softens it and it plans: a first-person hedge ("I think", "I guess", "I suppose", "I reckon", "I believe", "I'd
    say") set off by a comma before or after the order (seen golds ", I guess." / ", I think."), a softener before it
    ("Maybe put ...", s9 / A1 s15 H80, kept; "Could you maybe put ...?"); a modal adverb closing it ("..., maybe.",
    REV s14 R9) or before one step of several (A1 s9 G25) leaves whether to act undecided and refuses; any hedge asked
    ("..., I reckon?") or around a verbless goal, a state or "you <verb>" (A1 s21 H171) refuses.

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
    """pick + place_in for each (colour, region)."""
    return [step for colour, where in moves for step in (Step(skill="pick", args={"object": f"{colour}_cube"}),
                                                         Step(skill="place_in", args={"region": where}))]


# (a) ------------------------------------------------------------------------------------------------------ the pairing
_LONE_COLOUR = [
    "Put the red and blue cubes in the bin, red.",  # A1 s20 H158
    "Put the red and blue cubes in the bin, the red one.",  # A1 s20 H158
    "Red. Put the red and blue cubes in the bin.",  # A1 s20 H158
    "The red one. Put the red and blue cubes in the bin.", "Put red and blue in the bin - red.",
    "Red and blue in the bin, red.", "Put the red cube and the blue cube in the bin, red one.",
    "Blue cube. Put the red cube and the blue cube in the bin.",
]


@pytest.mark.parametrize("text", _LONE_COLOUR)
def test_a_lone_colour_beside_a_request_naming_more_refuses_the_models_plan(text: str) -> None:
    assert pairing_error(text, S3, _steps(("red", "bin"), ("blue", "bin"))) is not None, text
    assert pairing_error(text, S3, _steps(("red", "bin"))) is not None, text


@pytest.mark.parametrize(("text", "moves"), [
    ("Put the red and blue cubes in the bin.", (("red", "bin"), ("blue", "bin"))),
    ("Put the red cube in the bin, red.", (("red", "bin"),)),  # an echo of the one cube named (H130's twin)
    ("Red and blue in the bin, green on the pad.", (("red", "bin"), ("blue", "bin"), ("green", "pad"))),
    ("Red in the bin, then blue in the bin.", (("red", "bin"), ("blue", "bin"))),
])
def test_a_colour_said_with_its_place_or_as_an_echo_still_pairs(text: str, moves: tuple[tuple[str, str], ...]) -> None:
    assert pairing_error(text, S3, _steps(*moves)) is None, text


@pytest.mark.parametrize("text", [
    "Put blue top cube on the pad.",  # A1 s20 (H151's twin)
    "Put the blue top cube on the pad.", "Put green top cube on the pad.", "Move the blue topmost cube to the pad.",
])
def test_a_colour_before_a_place_word_naming_another_cube_refuses(text: str) -> None:
    for moves in ((("red", "pad"), ("blue", "pad")), (("red", "pad"),), (("blue", "pad"),)):
        assert pairing_error(text, STACK, _steps(*moves)) is not None, (text, moves)


def test_a_colour_and_a_place_word_naming_the_same_cube_pair() -> None:
    assert pairing_error("Put red top cube on the pad.", STACK, _steps(("red", "pad"))) is None
    assert pairing_error("Put red top cube on the pad.", STACK, _steps(("red", "pad"), ("blue", "pad"))) is not None


@pytest.mark.parametrize("text", ["Put the blue cube, the top one, on the pad.",  # A1 s21 H165
                                  "Put the blue cube - the top one - on the pad.", "Put the blue, top one on the pad.",
                                  "Put the top cube, the blue one, on the pad.", "Put the top one, blue, on the pad."])
def test_a_colour_and_a_place_word_in_apposition_naming_two_cubes_refuse(text: str) -> None:
    for moves in ((("red", "pad"), ("blue", "pad")), (("red", "pad"),), (("blue", "pad"),)):
        assert pairing_error(text, STACK, _steps(*moves)) is not None, (text, moves)


@pytest.mark.parametrize("text", ["Put the blue one on the pad, the top one.",  # A1 s21 (H165 after the place)
                                  "Put the blue one on the pad - the top one.",
                                  "The top one, put the blue one on the pad."])
def test_a_place_word_alone_beside_a_request_for_another_cube_refuses(text: str) -> None:
    for moves in ((("red", "pad"), ("blue", "pad")), (("blue", "pad"),)):
        assert pairing_error(text, STACK, _steps(*moves)) is not None, (text, moves)
    assert pairing_error("Put the red one on the pad, the top one.", STACK, _steps(("red", "pad"))) is None


def test_a_colour_and_a_place_word_in_apposition_naming_one_cube_pair() -> None:
    for text in ("Put the red cube, the top one, on the pad.", "Put the top cube, the red one, on the pad."):
        assert pairing_error(text, STACK, _steps(("red", "pad"))) is None, text


@pytest.mark.parametrize("text", ["Put top cubes on the pad.",  # A1 s20 (P3's low)
                                  "Put the top cubes on the pad.", "Move the topmost blocks to the bin.",
                                  "Put the upper ones in the bin."])
def test_a_place_word_in_the_plural_refuses_the_models_plan(text: str) -> None:
    for moves in ((("red", "pad"),), (("red", "pad"), ("green", "pad"))):
        assert pairing_error(text, STACK, _steps(*moves)) is not None, (text, moves)


# (b) ------------------------------------------------------------------------------------------------------ the screens
_REPORT_MARKS = [
    "Result. Red in the bin.", "Result red in the bin.", "Result... Red in the bin.",  # REV s20 R3 (b)
    "Result! Red in the bin.", "Result; red in the bin.",  # REV s20 R3 (b)
    "Result… red in the bin.", "Outcome red on the pad.", "Summary. Red in the bin, blue on the pad.",
    "Status! Everything in the bin.", "Findings; blue on the pad.",
]
_PROGRAMMERS_NOT = [
    "Red cube !bin", "Put the red cube !in the bin.", "Red cube -bin", "!red cube bin",  # A1 s20 H155
    "red cube != bin", "Put ~red in the bin.", "Red cube!bin", "Put the red cube in the bin -now",
]
_FRAMED = [
    "Scenario: put the red cube in the bin.", "Plan B: put the red cube in the bin.",  # A1 s20 H154
    "Example: put the red cube in the bin.", "Test scenario: put the red cube in the bin.",
    "Worst case: red in the bin.", "Scenario 2: red cube to the bin.", "Plan b - put the red cube in the bin.",
    "Backup plan: put the red cube in the bin.", "For example: put the red cube in the bin.",
]
_NUH_AFTER_A_SUBJECT = [
    "Oh yuh put di red cube inna di bin, nuh.", "Yes yuh put di red cube inna di bin, nuh.",  # REV s20 R4
    "Well yuh put di red cube inna di bin, nuh.", "Okay yuh put di red cube inna di bin, nuh.",  # REV s20 R4
    "Jus now yuh put di red cube inna di bin, nuh.", "Maybe yuh put di red cube inna di bin, nuh.",  # REV s20 R4
    "Den wi put di red cube inna di bin, nuh.",
]


_DASHED_OPENERS = [
    "Well — you put the red cube in the bin?", "OK — you put the red cube in the bin?",  # A1 s21 H177
    "Sorry — you put the red cube in the bin?", "Um, sorry – you put the red cube in the bin?",  # A1 s21 H177
    "Um, sorry — could a robot put the red cube in the bin?",
    "Well - could a robot put the red cube in the bin?", "Yes — you put the red cube in the bin?",  # A1 s21 H177
    "Actually — you put the red cube in the bin?", "Right then — you put the red cube in the bin?",  # A1 s21 H177
]


@pytest.mark.parametrize("text", _REPORT_MARKS + _PROGRAMMERS_NOT + _FRAMED + _NUH_AFTER_A_SUBJECT + _DASHED_OPENERS)
def test_reports_programmers_nots_framed_labels_and_a_subjects_nuh_move_nothing(text: str) -> None:
    moves_nothing(text)


@pytest.mark.parametrize(("text", "want"), [
    ("Red cube! Right side!", mv("red", "right")),  # a "!" after the word is punctuation
    ("Put the red cube in the bin!", mv("red", "bin")),
    ("Red cube -> bin", mv("red", "bin")),
    ("- put the red cube in the bin", mv("red", "bin")),
    ("Task: put the red cube in the bin.", mv("red", "bin")),  # a task's label still orders
    ("Exercise: put the red cube in the bin.", mv("red", "bin")),
    ("Here's the plan: put the red cube in the bin.", mv("red", "bin")),
    ("Set di red cube dung pon di pad, nuh.", mv("red", "pad")),  # the imperative keeps its softener (s20)
    ("Final state: the red cube is on the blue cube.", mv("red", "blue")),  # a final state is the goal's (s10)
    ("Well — put the red cube in the bin.", mv("red", "bin")),  # a dash after an opener is its comma
    ("Well - put the red cube in the bin.", mv("red", "bin")),
    ("Um, sorry — could you put the red cube in the bin?", mv("red", "bin")),
])
def test_the_near_misses_still_order(text: str, want: list[str]) -> None:
    plans_as(text, want)


# (c) --------------------------------------------------------------------------------------------------------- hedges
_FIRST_PERSON = ["I think", "I guess", "I suppose", "I reckon", "I believe", "I'd say"]
_ADVERBS = ["maybe", "perhaps", "probably", "possibly"]


@pytest.mark.parametrize("hedge", _FIRST_PERSON)
def test_a_first_person_hedge_after_a_comma_softens_an_order(hedge: str) -> None:
    plans_as(f"Put the red cube in the bin, {hedge}.", mv("red", "bin"))
    plans_as(f"{hedge}, put the red cube in the bin.", mv("red", "bin"))
    plans_as(f"Put the red cube in the bin, {hedge}, then the blue one on the pad.",
             mv("red", "bin") + mv("blue", "pad"))


@pytest.mark.parametrize("hedge", _FIRST_PERSON)
def test_a_first_person_hedge_asked_negated_or_on_a_goal_moves_nothing(hedge: str) -> None:
    moves_nothing(f"Put the red cube in the bin, {hedge}?")
    moves_nothing(f"Don't put the red cube in the bin, {hedge}.")
    moves_nothing(f"The red cube goes in the bin, {hedge}.")
    moves_nothing(f"Red in the bin, {hedge}.")


@pytest.mark.parametrize("hedge", _FIRST_PERSON)
def test_a_first_person_hedge_around_a_goal_or_a_report_moves_nothing(hedge: str) -> None:
    moves_nothing(f"{hedge}, the red cube in the bin.")  # A1 s21 H171
    moves_nothing(f"{hedge}, every cube in the bin.")  # A1 s21 H171
    moves_nothing(f"{hedge}, you put the red cube in the bin.")  # A1 s21 H171
    moves_nothing(f"You put the red cube in the bin, {hedge}.")  # A1 s21 H171
    moves_nothing(f"So {hedge} - red in the bin.")


@pytest.mark.parametrize("hedge", _ADVERBS)
def test_a_modal_adverb_closing_an_order_or_before_one_step_leaves_it_undecided(hedge: str) -> None:
    moves_nothing(f"Put the red cube in the bin, {hedge}.")  # REV s14 R9
    moves_nothing(f"Put red in the bin and {hedge} put blue on the pad.")  # A1 s9 G25
    moves_nothing(f"Put the red cube in the bin, {hedge}?")


@pytest.mark.parametrize("hedge", ["maybe", "perhaps"])
def test_a_softener_before_the_whole_order_plans(hedge: str) -> None:
    plans_as(f"{hedge.capitalize()} put the red cube in the bin.", mv("red", "bin"))  # s9 / A1 s15 H80, kept


def test_a_modal_adverb_inside_a_polite_frame_softens_it() -> None:
    plans_as("Could you maybe put the red cube in the bin?", mv("red", "bin"))
    plans_as("Would you perhaps put the red cube in the bin?", mv("red", "bin"))


# the real model, as `armstack plan` runs it ---------------------------------------------------------------------------
@pytest.mark.slow
def test_the_default_backend_plans_none_of_the_findings() -> None:
    """Through CheckedPlanner with the embedded model: each finding of (a) and (b) refuses, and the near misses of (a)
    still plan as they did."""
    pytest.importorskip("llama_cpp")
    planner = make_planner("llama_cpp")
    for text, state in [(t, S3) for t in _LONE_COLOUR + _REPORT_MARKS + _PROGRAMMERS_NOT + _FRAMED] + [
            (t, STACK) for t in ("Put blue top cube on the pad.", "Put the blue top cube on the pad.",
                                 "Put green top cube on the pad.", "Put top cubes on the pad.",
                                 "Put the top cubes on the pad.")]:
        result = planner.plan(text, state)
        assert not isinstance(result, Plan), (text, result)
    for text, want in (("Put the red cube in the bin, red.", mv("red", "bin")),
                       ("Put the red cube in the bin, I guess.", mv("red", "bin"))):
        result = planner.plan(text, S3)
        assert isinstance(result, Plan) and [str(s) for s in result.steps] == want, (text, result)
