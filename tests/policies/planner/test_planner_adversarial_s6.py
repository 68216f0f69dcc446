"""Adversarial readings of session 6's new English (issue #17, the planner's first invariant): a negated,
forbidden, conditional or ambiguous request never runs the forbidden action and never guesses. Each test is a
class of misreadings found by attacking the phrasings P1 added (polite frames, bans, order clauses, typos),
with its variants; refusing is always allowed where the test says so, a plan against the words never is."""

from __future__ import annotations

import itertools

import pytest
from test_planner_fresh12_words import mv, plan, refused, steps, touches

from policies.planner import Plan, SceneState


# ------------------------------------------------------------------ a misspelt negation is never dropped
@pytest.mark.parametrize("neg", ["do ont", "don", "dnt", "dotn", "do npt", "neevr", "donot", "doont", "don,t",
                                 "don;t", "do'nt", "do now", "does nto", "dont't", "plz do ont", "nevre", "enver"])
@pytest.mark.parametrize("ask", ["put blue in the bin", "push the blue cube left", "stack blue on red"])
def test_a_misspelt_negation_never_runs_the_verb_after_it(neg: str, ask: str) -> None:
    assert not touches(plan(f"{neg} {ask}"), "blue")
    assert not touches(plan(f"put red on the pad, then {neg} {ask}"), "blue")


@pytest.mark.parametrize("text", ["put red ont the pad", "put it down on the pad, red cube",
                                  "you can now put the blue cube in the bin", "put blue in the bin now"])
def test_words_near_a_negation_that_are_not_one_still_read(text: str) -> None:
    result = plan(text)
    assert isinstance(result, Plan) or "misspelt" not in str(result), (text, result)


# ------------------------------------------------------ "only when / not until": a condition
# (session 10: "only once / only after / only as soon as" a state of one named cube is the step made first, as eight
# seen records by independent writers mean it, f18-018, f24-031, f25-016 ...; test_P1_s10_shapes)
CONDITIONS = ("only when the orange cube has been placed on the pad",
              "not until the orange cube is on the pad should you", "just once the orange cube is on the pad",
              "only if orange is on the pad")
ORDERS = ("only once the orange cube is on the pad", "only after orange is on the pad",
          "only once the orange cube is sitting on the pad", "only as soon as orange is on the pad")


@pytest.mark.parametrize(("cond", "ask"), list(itertools.product(
    CONDITIONS, ("put red in the bin", "stack red on blue", "push red left"))))
def test_a_restricting_state_clause_is_a_condition_never_an_order(cond: str, ask: str) -> None:
    sep = " " if cond.endswith("you") else ", "
    refused(f"{cond}{sep}{ask}")
    refused(f"{ask} {cond.removesuffix(' should you')}")


@pytest.mark.parametrize(("cond", "ask"), list(itertools.product(
    ORDERS, ("put red in the bin", "stack red on blue", "push red left"))))
def test_only_once_a_state_is_that_step_first(cond: str, ask: str) -> None:
    for text in (f"{cond}, {ask}", f"{ask}, but {cond}"):
        result = plan(text)
        assert isinstance(result, Plan) and [str(s) for s in result.steps][:2] == mv("orange", "pad"), (text, result)


def test_a_plain_once_state_clause_still_orders() -> None:
    assert steps("once the orange cube is sitting on the pad, put red in the bin") == mv("orange", "pad") + mv(
        "red", "bin")


# ---------------------------------------------------- "once it's done": the earlier clause first, never after
DONE = ("once that's done", "only once that's done", "and once it's done", "after that's done", "when it's been done",
        "once it is finished", "once that's over", "when that is complete", "after that")


@pytest.mark.parametrize("done", DONE)
def test_once_it_is_done_keeps_the_spoken_order(done: str) -> None:
    for sep in (", ", ". "):
        result = plan(f"put red in the bin{sep}{done} put blue on the pad")
        assert not isinstance(result, Plan) or [str(s) for s in result.steps] == mv("red", "bin") + mv("blue", "pad"), (
            done, result)
    assert not touches(plan(f"put red in the bin, {done} don't put blue on the pad"), "blue")


# ------------------------------------------- "the one you just pushed": only the object that skill acted on
@pytest.mark.parametrize("pushed", ["pushed", "nudged", "slid", "shoved"])
def test_the_one_just_pushed_is_never_another_cube(pushed: str) -> None:
    for text in (f"push red left, then put blue on the pad, then put the one you just {pushed} in the bin",
                 f"push red left, put blue on the pad, and bin the cube you just {pushed}",
                 f"push red left and blue right, then put the one you just {pushed} in the bin",
                 f"push red left and push blue right, then put the one you just {pushed} in the bin",
                 f"put the one you just {pushed} in the bin"):
        result = plan(text)
        assert not isinstance(result, Plan) or [str(s) for s in result.steps][-2:] == mv("red", "bin"), (text, result)
        assert not touches(plan(text.replace("push red left", "push orange left")), "blue"), text
    assert steps(f"push red left then put the one you just {pushed} in the bin")[-2:] == mv("red", "bin")
    assert steps(f"push red left, then stack the one you just {pushed} on blue")[-2:] == mv("red", "blue")


@pytest.mark.parametrize("placed", ["placed", "stacked", "dropped", "put", "picked up", "grabbed"])
def test_the_one_just_placed_is_never_the_pushed_cube(placed: str) -> None:
    result = plan(f"put blue on the pad, push red left, then put the one you just {placed} in the bin")
    assert not touches(result, "red") or not isinstance(result, Plan) or [str(s) for s in result.steps][-2:] != mv(
        "red", "bin")
    assert steps(f"put blue on the pad, then put the one you just {placed} in the bin")[-2:] == mv("blue", "bin")


# ------------------------------------------- a cube left out up front and named again: never moved by a guess
FRONTS = ("with the exception of red", "except for the red cube", "apart from red", "aside from the red one",
          "other than red", "besides red", "excluding red")
LATER = ("then put red on the pad", "and red on the pad", "then push red left", "then put red in the bin too")


@pytest.mark.parametrize(("front", "later"), list(itertools.product(FRONTS, LATER)))
def test_a_fronted_exclusion_named_again_is_refused(front: str, later: str) -> None:
    refused(f"{front}, put all cubes in the bin, {later}")
    refused(f"{front}, put every single cube on the pad. {later}")


@pytest.mark.parametrize("front", FRONTS)
def test_a_fronted_exclusion_alone_still_reads(front: str) -> None:
    assert not touches(plan(f"{front}, put all cubes in the bin"), "red")
    assert steps(f"{front}, put all cubes in the bin")[:2] == mv("blue", "bin")


@pytest.mark.parametrize("cond", ["only if you have time", "only when you're ready", "just if you can",
                                  "only if the red cube is free"])
def test_only_if_and_only_when_stay_conditions(cond: str) -> None:
    refused(f"{cond}, please put blue on the pad")


# ------------------------------------------- bans beside a quantifier or a tower: the banned cube never moves
BANS = ("keep off red", "red stays where it is", "red stays put", "leave red where it is", "don't you dare touch red",
        "don't disturb red", "hands off red", "red must not be moved", "refrain from moving red", "let red be")
QUANTIFIED = ("put every single cube in the bin", "push all the cubes left", "move the rest to the right",
              "throw everything away", "put each and every cube on the pad")
TOWERS = ("build a tower of all the cubes", "stack blue on red on green", "stack red on blue on green",
          "build a tower with red at the bottom and blue on top")


@pytest.mark.parametrize(("ban", "ask"), list(itertools.product(BANS, QUANTIFIED + TOWERS)))
def test_a_ban_holds_over_a_quantifier_or_a_tower(ban: str, ask: str) -> None:
    for text in (f"{ban}, but {ask}", f"{ask}. {ban}"):
        result = plan(text)
        assert not isinstance(result, Plan) or "pick(object=red_cube)" not in [str(s) for s in result.steps], text
        assert not any(str(s).startswith("push(object=red_cube") for s in getattr(result, "steps", ())), text


# ------------------------------------------- a complaint naming two cubes, then "it": never a guess
@pytest.mark.parametrize(("a", "b"), [("yellow", "red"), ("red", "yellow")])
@pytest.mark.parametrize("ask", ["can you chuck it in the trash?", "bin it", "push it forward"])
def test_it_after_a_complaint_about_two_cubes_is_never_guessed(a: str, b: str, ask: str) -> None:
    refused(f"ugh, the {a} cube is in the way of the {b} cube. {ask}")
    refused(f"the {a} cube and the {b} cube are annoying, {ask}")


# ------------------------------------------- "put X on the Y cube on the Z cube": Y named by where it is
@pytest.mark.parametrize("verb", ["put", "place", "set"])
@pytest.mark.parametrize("on", ["on", "onto", "on top of"])
def test_a_placing_verb_before_a_described_cube_never_moves_that_cube(verb: str, on: str) -> None:
    for text in (f"{verb} red {on} the green cube on the blue cube",
                 f"{verb} the red cube {on} the green one on the blue one"):
        assert not any(str(s) == "pick(object=green_cube)" for s in getattr(plan(text), "steps", ())), text
    stacked = SceneState.from_json({"objects": [
        {"name": "red_cube", "kind": "cube", "color": "red", "position": [0.5, 0.24, 0.022]},
        {"name": "green_cube", "kind": "cube", "color": "green", "position": [0.5, 0.08, 0.066]},
        {"name": "blue_cube", "kind": "cube", "color": "blue", "position": [0.5, 0.08, 0.022]}],
        "regions": ["left", "right", "bin", "pad"]})
    assert steps(f"{verb} red {on} the green cube on the blue cube", stacked) == mv("red", "green")


def test_a_bare_chain_and_a_stacked_chain_still_build_the_tower() -> None:
    tower = mv("green", "blue") + mv("red", "green")
    assert steps("put red on green on blue") == tower
    assert steps("stack the red one on the green one on the blue one") == tower


# ------------------------------------------- an English word is never spell-corrected into a direction or a place
@pytest.mark.parametrize("text", ["push the red cube toward the light", "push red towards the bright side",
                                  "push red a bit to the light side", "push red toward the backyard",
                                  "push red, it might slide", "push blue toward the clock",
                                  "put red where you lent it"])
def test_an_english_word_near_a_direction_is_not_that_direction(text: str) -> None:
    refused(text)


@pytest.mark.parametrize(("text", "expected"), [("push red rihgt", ["push(object=red_cube, direction=right)"]),
                                                ("push red lfet", ["push(object=red_cube, direction=left)"]),
                                                ("put red in teh bni", mv("red", "bin"))])
def test_a_misspelt_direction_or_place_is_still_corrected(text: str, expected: list[str]) -> None:
    assert steps(text) == expected
