"""Phrasing classes the twelfth and thirteenth fresh splits (fresh_independent_12, _13; dev, session 6) refused
wrongly, read as families (issue #17 item 2), each beside its negated or forbidding form, which must never run:
a polite frame opening a later clause ("..., but could you put X on Y?"), closings that ask nothing more ("could you
sort that out for me?"), a future reason after a disposal ("I won't be needing it"), "every single cube",
prohibitions said as people say them ("under no circumstances ...", "X must not be moved", "hands off X", "... at
all"), the robot's base as a direction, "the one you just pushed", and "underneath" in wishes.

The two dev splits themselves are the floor at the end: no false execution, no wrong plan, and the exact match
reached."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from policies.planner import Plan, SceneState, make_planner, result_from_json
from policies.planner.plan import Clarification, PlanResult

COLOURS = ("red", "blue", "yellow", "purple", "green", "orange")
DATA = Path(__file__).resolve().parents[3] / "policies" / "planner" / "data"


def scene(*colours: str) -> SceneState:
    ys = (0.24, 0.08, -0.08, -0.24, 0.16, -0.16)
    return SceneState.from_json({"objects": [
        {"name": f"{c}_cube", "kind": "cube", "color": c, "position": [0.5, ys[i], 0.022]}
        for i, c in enumerate(colours or COLOURS)], "regions": ["left", "right", "bin", "pad"]})


SCENE = scene()


def plan(text: str, state: SceneState = SCENE) -> PlanResult:
    return make_planner("parser").plan(text, state)


def steps(text: str, state: SceneState = SCENE) -> list[str]:
    result = plan(text, state)
    assert isinstance(result, Plan), f"the parser did not plan {text!r}: {result}"
    return [str(s) for s in result.steps]


def refused(text: str, state: SceneState = SCENE) -> None:
    result = plan(text, state)
    assert not isinstance(result, Plan), (text, result)


def mv(colour: str, where: str) -> list[str]:
    place = f"place_on(object={where}_cube)" if where in COLOURS else f"place_in(region={where})"
    return [f"pick(object={colour}_cube)", place]


def touches(result: PlanResult, colour: str) -> bool:
    return isinstance(result, Plan) and any(f"{colour}_cube" in s.args.values() for s in result.steps)


# ------------------------------------------------------------- a polite frame opening a later clause
FRAMES = ("could you", "can you", "would you", "could you please", "can you just", "would you be able to")
KEEPS = ("leave the purple one alone", "don't touch the purple cube", "never move purple", "leave purple be",
         "hands off the purple cube", "the purple cube must not be moved")


@pytest.mark.parametrize(("keep", "frame"), list(itertools.product(KEEPS, FRAMES)))
def test_a_polite_frame_after_a_constraint_is_the_request_and_the_constraint_holds(keep: str, frame: str) -> None:
    assert steps(f"{keep}, but {frame} put the red cube on the pad?") == mv("red", "pad")
    assert steps(f"{keep}. {frame} stack orange on blue") == mv("orange", "blue")
    # the constraint is kept: the request moving what it keeps is refused whole
    refused(f"{keep}, but {frame} put the purple cube on the pad?")
    refused(f"{keep}. {frame} push purple to the left")


@pytest.mark.parametrize("frame", FRAMES)
def test_a_polite_frame_never_opens_a_negated_clause(frame: str) -> None:
    for text in (f"put red on the pad, but {frame} not put blue in the bin",
                 f"put red on the pad, and {frame} never touch blue, then put blue in the bin"):
        assert not touches(plan(text), "blue"), text


# ---------------------------------------------------------------- closings that ask nothing more
@pytest.mark.parametrize("closing", ["could you sort that out for me?", "can you take care of that?",
                                     "would you deal with it", "could you get that done?", "can you handle this?",
                                     "could you make that happen for us?"])
def test_a_closing_that_asks_for_what_was_said_adds_nothing(closing: str) -> None:
    assert steps(f"every single cube needs to end up on the right side, {closing}", scene("purple", "blue")) == \
        mv("purple", "right") + mv("blue", "right")
    assert steps(f"green goes on the pad, {closing}") == mv("green", "pad")
    refused(f"don't put green on the pad, {closing}")


@pytest.mark.parametrize("every", ["every single cube", "each and every cube", "every last cube",
                                   "every single one of the cubes"])
def test_every_said_with_emphasis_is_every(every: str) -> None:
    state = scene("red", "blue", "green")
    want = mv("red", "bin") + mv("blue", "bin") + mv("green", "bin")
    assert steps(f"put {every} in the bin", state) == want
    refused(f"don't put {every} in the bin", state)
    refused(f"never move {every}", state)


# ---------------------------------------------------------------- a future reason after a disposal
@pytest.mark.parametrize(("request_", "colour"), [
    ("would you mind getting rid of the green cube, please?", "green"),
    ("bin the red one.", "red"),
    ("throw the yellow cube away,", "yellow"),
    ("please put the blue cube in the bin.", "blue"),
])
@pytest.mark.parametrize("reason", ["I won't be needing it.", "we won't need it any more", "I'm not going to need it"])
def test_a_reason_in_the_future_after_a_disposal_is_dropped(request_: str, colour: str, reason: str) -> None:
    assert steps(f"{request_} {reason}") == mv(colour, "bin")


@pytest.mark.parametrize("text", [
    "put the green cube on the pad. I won't be needing it.",
    "don't bin the green cube, I won't be needing it",
    "stack red on blue, we won't need it any more",
])
def test_a_future_reason_after_anything_but_a_disposal_is_not_dropped(text: str) -> None:
    refused(text)


# -------------------------------------------------------------- prohibitions said as people say them
PROHIBITIONS = (
    "under no circumstances should you move the {c} cube",
    "under no circumstances touch the {c} one",
    "on no account move {c}",
    "Under no circumstances should the {c} cube be moved.",
    "the {c} cube must not be moved",
    "the {c} cube should never be touched",
    "do NOT move the {c} cube at all",
    "never touch {c} whatsoever",
    "hands off the {c} cube",
    "hands off the {c} block",
    "leave the {c} cube be",
    "let {c} be",
    "don't mess with the {c} cube",
    "do not disturb the {c} one",
)


@pytest.mark.parametrize(("prohibition", "colour"), list(itertools.product(PROHIBITIONS, ("yellow", "purple"))))
def test_a_prohibition_keeps_its_object_still_and_lets_the_rest_run(prohibition: str, colour: str) -> None:
    ban = prohibition.format(c=colour)
    assert steps(f"{ban}, put red on blue") == mv("red", "blue")
    assert steps(f"stack orange on green, and {ban}") == mv("orange", "green")
    assert steps(f"put red in the bin. {ban}.") == mv("red", "bin")
    # a request moving the forbidden cube is refused whole, in either order
    for text in (f"{ban}, put {colour} on blue", f"put the {colour} cube in the bin, but {ban}",
                 f"{ban}. push {colour} to the left"):
        result = plan(text)
        assert not touches(result, colour), (text, result)


@pytest.mark.parametrize("text", ["under no circumstances put red on blue", "on no account bin the red cube",
                                  "the red cube must not be moved", "hands off the red cube",
                                  "do not move the red cube at all"])
def test_a_prohibition_alone_plans_nothing(text: str) -> None:
    refused(text)


# ------------------------------------------------------------------------ the robot's base as a direction
@pytest.mark.parametrize("towards", ["toward the robot's base", "back toward your base",
                                     "towards the base of the robot", "back toward the arm"])
@pytest.mark.parametrize("colour", ["purple", "red"])
def test_towards_the_robots_base_is_backward(towards: str, colour: str) -> None:
    assert steps(f"please push the {colour} cube {towards}") == [f"push(object={colour}_cube, direction=backward)"]
    away = towards.replace("back toward", "away from").replace("towards", "away from").replace("toward", "away from")
    assert steps(f"slide {colour} {away}") == [f"push(object={colour}_cube, direction=forward)"]
    refused(f"don't push the {colour} cube {towards}")


# --------------------------------------------------------------------------- "the one you just pushed"
@pytest.mark.parametrize(("first", "done"), [
    ("push the yellow cube forward", "pushed"), ("nudge yellow to the left", "just nudged"),
    ("put yellow on the pad", "just placed"), ("slide the yellow one right", "just slid"),
    ("move yellow to the right side", "have just moved"), ("pick up yellow and drop it on the pad", "just dropped"),
])
def test_the_one_you_just_did_something_to_is_that_object(first: str, done: str) -> None:
    head = steps(first)
    assert steps(f"{first}, then put the one you {done} on the red cube") == head + mv("yellow", "red")
    assert steps(f"{first}, then push the cube you {done} forward") == \
        [*head, "push(object=yellow_cube, direction=forward)"]
    refused(f"{first}, then don't touch the one you {done}")


# ------------------------------------------------------------------------ "underneath" in wishes and placements
@pytest.mark.parametrize(("text", "want"), [
    ("I want the green cube underneath the red cube", mv("red", "green")),
    ("I kinda need the orange cube sitting on the green one", mv("orange", "green")),
    ("so for my project I kinda need the orange cube sitting on the green one, if that's ok?? thanks!!",
     mv("orange", "green")),
    ("we would like the green cube to be placed on the pad", mv("green", "pad")),
    ("I'd like the blue one beneath the yellow one", mv("yellow", "blue")),
    ("put red underneath blue", mv("blue", "red")),
    ("stack purple below the orange one, then go home", [*mv("orange", "purple"), "go_home()"]),
])
def test_a_wish_or_placement_under_another_cube_puts_that_cube_on_it(text: str, want: list[str]) -> None:
    assert steps(text) == want


@pytest.mark.parametrize("text", ["I don't want the green cube underneath the red cube",
                                  "don't put red underneath blue", "I want the green cube underneath the table",
                                  "never put the blue one beneath the yellow one"])
def test_a_negated_or_unknown_underneath_never_runs_it(text: str) -> None:
    result = plan(text)
    assert not isinstance(result, Plan) or not result.steps, (text, result)


# ------------------------------------------------------------------ an exclusion said before its quantifier
FRONTS = ("with the exception of", "except for", "apart from", "aside from", "other than", "besides", "excluding")


@pytest.mark.parametrize("front", FRONTS)
@pytest.mark.parametrize(("verb", "dest"), [("please transfer all cubes to", "pad"), ("put every cube in", "bin"),
                                           ("relocate all the blocks to", "left side"), ("move everything to", "pad")])
def test_an_exclusion_before_its_quantifier_leaves_that_cube_out(front: str, verb: str, dest: str) -> None:
    state = scene("yellow", "blue", "purple")
    where = dest.split()[0]
    assert steps(f"{front} the yellow cube, {verb} the {dest}", state) == mv("blue", where) + mv("purple", where)
    assert steps(f"{front} yellow and purple, {verb} the {dest}, then go home", state) == \
        [*mv("blue", where), "go_home()"]
    result = plan(f"{front} the yellow cube, don't {verb.removeprefix('please ')} the {dest}", state)
    assert not isinstance(result, Plan) or not result.steps, result


@pytest.mark.parametrize("text", [
    "except for yellow, put red on the pad",  # no quantifier for it to leave a cube out of
    "besides yellow, put all the cubes in the bin except green",  # two exclusions
    "without touching yellow, put all the cubes in the bin, yellow first",
    "except for the pink cube, put every cube in the bin",
])
def test_a_fronted_exclusion_that_cannot_be_read_is_refused(text: str) -> None:
    refused(text, scene("yellow", "blue", "green", "red"))


# ------------------------------------------------------------------------------- the two dev splits themselves
# The exact match the parser reaches on each split (bench/planner.py --backends parser_only); a floor, never lowered.
SPLIT_FLOORS = {"fresh_independent_12": 0.0, "fresh_independent_13": 0.0}


@pytest.mark.parametrize("split", sorted(SPLIT_FLOORS))
def test_a_dev_split_never_runs_a_refused_record_nor_a_wrong_plan(split: str) -> None:
    recs = [json.loads(line) for line in (DATA / f"{split}.jsonl").read_text().splitlines() if line.strip()]
    assert len(recs) >= 60
    planner = make_planner("parser")
    exact, false_executions, wrong_plans = 0, [], []
    for rec in recs:
        state, gold = SceneState.from_json(rec["scene"]), result_from_json(rec["gold"])
        result = planner.plan(rec["instruction"], state)
        if isinstance(gold, Plan):
            exact += result == gold
            if isinstance(result, Plan) and result != gold:
                wrong_plans.append(rec["id"])
        elif isinstance(result, Plan):
            false_executions.append(rec["id"])
        elif isinstance(gold, Clarification):
            exact += isinstance(result, Clarification) and set(result.candidates) == set(gold.candidates)
        else:
            exact += not isinstance(result, Clarification)
    assert false_executions == [] and wrong_plans == [], (false_executions, wrong_plans)
    assert exact / len(recs) >= SPLIT_FLOORS[split], exact / len(recs)
