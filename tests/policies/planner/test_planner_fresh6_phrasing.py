"""Phrasing kinds the sixth fresh split (fresh_independent_6) found, read generally (issue #17 items 0 and 2):
each test holds the kind in several wordings of its own, beside the wordings that must stay refused.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from policies.planner import Plan, Refusal, SceneState, make_planner
from policies.planner.pairing import pairing_error, read_pairing
from policies.planner.phrasing import _ENGLISH_NEAR_VERBS
from policies.planner.plan import Clarification, Step
from policies.planner.semantic_parser import parse


def scene(*objects: str | tuple[str, float, float]) -> SceneState:
    """Cubes by colour, or (colour, x, y) with a position on the table (x away from the robot, y to its left)."""
    entries = []
    for obj in objects:
        colour, xy = (obj, None) if isinstance(obj, str) else (obj[0], [obj[1], obj[2], 0.022])
        entries.append({"name": f"{colour}_cube", "kind": "cube", "color": colour, **({"position": xy} if xy else {})})
    return SceneState.from_json({"objects": entries, "regions": ["left", "right", "bin", "pad"]})


def plan_of(text: str, state: SceneState, backend: str = "parser") -> list[str]:
    """The steps ``backend`` plans for ``text``; fails the test on a refusal or a question."""
    result = make_planner(backend).plan(text, state)
    if not isinstance(result, Plan):
        pytest.fail(f"{backend} did not plan {text!r}: {result}")
    return [str(s) for s in result.steps]


@pytest.mark.parametrize("text", [
    "put every cube in the bin except the orange one, and don't touch the blue one",
    "move all the cubes except the orange one to the pad, but leave the blue cube alone",
    "every cube apart from the orange one goes on the left, and never move the blue cube",
])
def test_a_negation_of_a_cube_the_stated_exceptions_leave_in_contradicts_the_quantifier(text: str) -> None:
    for backend in ("parser", "rules"):
        result = make_planner(backend).plan(text, scene("orange", "purple", "blue"))
        assert isinstance(result, Refusal), (backend, text, result)
        if backend == "parser":
            assert "blue cube" in result.reason and ("forbids" in result.reason or "contradictory" in result.reason)


def test_without_except_the_negation_is_the_exception_and_a_repeated_exception_agrees() -> None:
    state = scene("orange", "purple", "blue")
    assert plan_of("put every cube in the bin, but don't touch the blue one", state) == [
        "pick(object=orange_cube)", "place_in(region=bin)", "pick(object=purple_cube)", "place_in(region=bin)"]
    assert plan_of("put every cube except the orange one in the bin, and don't touch the orange one either",
                   state) == ["pick(object=purple_cube)", "place_in(region=bin)", "pick(object=blue_cube)",
                              "place_in(region=bin)"]


FOUR = (("yellow", 0.5, -0.22), ("orange", 0.44, 0.02), ("green", 0.56, 0.21), ("red", 0.62, -0.05))


@pytest.mark.parametrize(("text", "moved"), [
    ("the cube to the left of the orange one goes in the bin", "green"),
    # one cube there: several right of the anchor in no row are asked (session 9)
    ("the cube on the right of the red one should go in the bin", "yellow"),
    ("the block next to the yellow cube needs to go in the bin", "red"),
    ("the cube closest to the robot goes in the bin", "orange"),
    ("the cube furthest from you belongs in the bin", "red"),
])
def test_a_relative_reference_as_the_subject_of_goes_in(text: str, moved: str) -> None:
    assert plan_of(text, scene(*FOUR)) == [f"pick(object={moved}_cube)", "place_in(region=bin)"]


def _bin_plan(colour: str) -> list[Step]:
    return [Step(skill="pick", args={"object": f"{colour}_cube"}), Step(skill="place_in", args={"region": "bin"})]


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("template", [
    "the cube to the left of the {a} one, bin it",
    "the cube to the right of the {a} one into the bin",
    "the leftmost cube into the bin",
    "the cube nearest to the {a} one into the bin",
])
def test_a_relative_reference_pairs_with_the_object_it_names_never_its_anchor(seed: int, template: str) -> None:
    """The pairing check (what a model's plan passes where the parser cannot read the words) resolves a relative
    reference to its object: only a plan moving that object passes, never one moving the anchor (indep6-039)."""
    rng = random.Random(seed)
    colours = rng.sample(["red", "green", "blue", "yellow", "orange", "purple"], 4)
    state = scene(*((c, round(rng.uniform(0.35, 0.65), 3), round(rng.uniform(-0.25, 0.25), 3)) for c in colours))
    anchor = colours[0]
    text = template.format(a=anchor)
    named = read_pairing(text, state).destinations
    for colour in colours:
        error = pairing_error(text, state, _bin_plan(colour))
        if named == {f"{colour}_cube": ("bin",)}:
            assert error is None, (text, colour, error)
        else:
            assert error is not None, (text, colour, named)
    if "{a}" in template and named:
        assert f"{anchor}_cube" not in named


@pytest.mark.parametrize("text", ["move all three cubes to the right side", "put the three blocks on the right",
                                  "put all 3 of the cubes on the right side", "the three cubes go on the right"])
def test_a_quantifier_with_the_scenes_count_covers_every_cube(text: str) -> None:
    assert plan_of(text, scene("orange", "purple", "blue")) == [
        step for c in ("orange", "purple", "blue") for step in (f"pick(object={c}_cube)", "place_in(region=right)")]


@pytest.mark.parametrize("text", ["move all two cubes to the right side", "put the four blocks on the right",
                                  "put all 2 cubes in the bin"])
def test_a_count_the_scene_does_not_match_is_refused(text: str) -> None:
    for backend in ("parser", "rules"):
        assert not isinstance(make_planner(backend).plan(text, scene("orange", "purple", "blue")), Plan), backend


def stacked(on_relation: bool) -> SceneState:
    """Green on blue (from ``on``, or only from positions as perception builds it), red apart."""
    objects = [{"name": "blue_cube", "kind": "cube", "color": "blue", "position": [0.5, 0.05, 0.022]},
               {"name": "green_cube", "kind": "cube", "color": "green", "position": [0.5, 0.05, 0.066]},
               {"name": "red_cube", "kind": "cube", "color": "red", "position": [0.4, -0.15, 0.022]}]
    return SceneState.from_json({"objects": objects, "regions": ["left", "right", "bin", "pad"],
                                 **({"on": {"green_cube": "blue_cube"}} if on_relation else {})})


@pytest.mark.parametrize("on_relation", [True, False])
@pytest.mark.parametrize("text", [
    "take the green cube off the blue one and put it in the bin, then put the red cube on the blue cube",
    "lift the green cube off of the blue cube and drop it in the bin, then put the red cube on the blue one",
    "remove the green cube from the top of the blue one and put it in the bin, then put the red cube on the blue cube",
    "take the cube off the blue one and put it in the bin, then put the red cube on the blue cube",
])
def test_taking_a_cube_off_another_is_picking_it_up(text: str, on_relation: bool) -> None:
    assert plan_of(text, stacked(on_relation)) == ["pick(object=green_cube)", "place_in(region=bin)",
                                                   "pick(object=red_cube)", "place_on(object=blue_cube)"]


def test_the_stack_is_read_from_on_or_from_positions() -> None:
    assert stacked(True).stacks() == stacked(False).stacks() == (("blue_cube", "green_cube"),)
    assert scene(*FOUR).stacks() == ()


@pytest.mark.parametrize("on_relation", [True, False])
@pytest.mark.parametrize("text", [
    "put the red cube on the pad and leave the stack alone",
    "don't touch the tower, just put the red cube on the pad",
    "put the red cube on the pad without touching the stacked cubes",
    "put the red cube on the pad and don't touch the green cube or the blue one",
])
def test_leaving_the_stack_alone_is_a_constraint_on_its_cubes(text: str, on_relation: bool) -> None:
    assert plan_of(text, stacked(on_relation)) == ["pick(object=red_cube)", "place_in(region=pad)"]
    moving = text.replace("put the red cube on the pad", "put the green cube on the pad")
    assert isinstance(make_planner("parser").plan(moving, stacked(on_relation)), Refusal), moving


def test_the_stack_names_nothing_where_the_scene_has_none() -> None:
    result = make_planner("parser").plan("put the red cube on the pad and leave the stack alone", scene(*FOUR))
    assert isinstance(result, Refusal) and "stack" in result.reason


ROW = (("red", 0.36, 0.0), ("green", 0.48, 0.0), ("blue", 0.62, 0.0))  # red nearest the robot, blue farthest


@pytest.mark.parametrize("text", [
    "pick up the cube closest to the robot and put it on the one furthest away",
    "put the nearest cube on the farthest one",
    "stack the closest cube on the furthest cube",
    "put the cube nearest to you on the cube that's farthest away",
    "the cube closest to the robot goes on the one furthest out",  # "to me": the speaker's place (A1 s9 G2)
])
def test_nearest_and_farthest_without_an_anchor_are_measured_from_the_robot(text: str) -> None:
    assert plan_of(text, scene(*ROW)) == ["pick(object=red_cube)", "place_on(object=blue_cube)"]


def test_nearest_to_a_named_cube_keeps_its_anchor() -> None:
    state = scene(("red", 0.36, 0.0), ("green", 0.5, 0.0), ("blue", 0.62, 0.01))
    assert plan_of("put the nearest cube to the blue one in the bin", state) == [
        "pick(object=green_cube)", "place_in(region=bin)"]


@pytest.mark.parametrize(("text", "candidates"), [
    ("stick it on the purple cube", {"orange_cube", "blue_cube"}),
    ("stack it on the blue one", {"orange_cube", "purple_cube"}),
    ("put it in the bin", {"orange_cube", "purple_cube", "blue_cube"}),
    ("put it on the pad and don't touch the blue cube", {"orange_cube", "purple_cube"}),
])
def test_it_with_nothing_mentioned_asks_which_object_naming_the_ones_it_could_be(text: str,
                                                                                 candidates: set[str]) -> None:
    result = make_planner("parser").plan(text, scene("orange", "purple", "blue"))
    assert isinstance(result, Clarification) and set(result.candidates) == candidates, result


def test_it_with_nothing_mentioned_and_one_object_it_could_be_is_still_refused() -> None:
    assert isinstance(make_planner("parser").plan("stick it on the purple cube", scene("orange", "purple")), Refusal)


@pytest.mark.parametrize("text", [
    "ok so I was thinking, it'd be really nice if the yellow cube ended up sitting on top of the blue one, "
    "if that's alright with you",
    "wouldn't it be lovely if the yellow cube were resting on the blue one?",
    "I was thinking the yellow cube could go on top of the blue one",
    "so I was wondering, could the yellow cube end up on the blue one, if that's ok with you",
])
def test_a_wish_for_where_a_cube_ends_up_is_the_placement(text: str) -> None:
    assert plan_of(text, scene("red", "yellow", "blue")) == ["pick(object=yellow_cube)", "place_on(object=blue_cube)"]


@pytest.mark.parametrize("text", [
    "it'd be nice if the yellow cube wasn't on the blue one",
    "it would be great if the yellow cube never ended up on the blue one",
])
def test_a_negated_wish_is_never_the_placement(text: str) -> None:
    result = make_planner("parser").plan(text, scene("red", "yellow", "blue"))
    assert not isinstance(result, Plan) or "place_on(object=blue_cube)" not in [str(s) for s in result.steps]


@pytest.mark.parametrize("opening", [
    "Good morning robot :) The lab's a bit messy today.", "It's been a long day.", "The weather is lovely today.",
    "Things are a bit chaotic here.", "Long day.", "The office is really busy this morning.",
])
def test_a_statement_that_names_nothing_the_parser_reads_is_small_talk(opening: str) -> None:
    text = f"{opening} Would you mind putting the red cube on the pad? Much appreciated."
    assert plan_of(text, scene("red", "yellow", "blue")) == ["pick(object=red_cube)", "place_in(region=pad)"]


@pytest.mark.parametrize("opening", ["The bin is full.", "The red cube is fragile.", "It's not the red one."])
def test_a_statement_about_the_scene_is_never_dropped(opening: str) -> None:
    result = make_planner("parser").plan(f"{opening} Put the red cube in the bin.", scene("red", "yellow", "blue"))
    assert not isinstance(result, Plan), (opening, result)


# Warnings and retractions after a request: only known small-talk forms are dropped, so none of these is read as
# chat (at 20d4f53 every statement opening the/it/that/I/there with is/'s/was/have/had was, and the plan ran).
WARNINGS_AND_RETRACTIONS = (
    "Somebody's there.", "There's something in the way.", "The arm is broken.", "The gripper is damaged.",
    "It's on fire.", "It's hot.", "That was a mistake.", "I was joking.", "I've had a change of heart.",
    "Things have changed.", "Wait.", "Stop, someone is there.", "Actually no.", "Never mind.",
    "Hold on, the bin is full.", "Hang on.", "Scratch that.", "Forget it.", "I changed my mind.", "Oops.",
    "My boss is watching.", "The lab is on fire.", "It's been damaged.",
    "The weather is awful and the lab is flooding.",
)


@pytest.mark.parametrize("after", WARNINGS_AND_RETRACTIONS)
def test_a_warning_or_retraction_after_a_request_stops_the_plan(after: str) -> None:
    for backend in ("parser", "rules"):
        result = make_planner(backend).plan(f"Put the red cube in the bin. {after}", scene("red", "yellow", "blue"))
        assert not isinstance(result, Plan), (backend, after, result)
    # Nor is it left to the model as merely unread: the model would plan the request and pass over the warning.
    parsed = parse(f"Put the red cube in the bin. {after}", scene("red", "yellow", "blue"))
    assert parsed.refusal is not None and not parsed.unread, (after, parsed)


@pytest.mark.parametrize("record_id", ["indep6-041", "indep6-042"])
def test_the_split_6_chatty_records_still_plan(record_id: str) -> None:
    path = Path(__file__).resolve().parents[3] / "policies" / "planner" / "data" / "fresh_independent_6.jsonl"
    rec = next(r for r in map(json.loads, path.read_text().splitlines()) if r["id"] == record_id)
    steps = plan_of(rec["instruction"], SceneState.from_json(rec["scene"]))
    assert steps == [str(Step(skill=s["skill"], args=s["args"])) for s in rec["gold"]["steps"]]


@pytest.mark.parametrize(("text", "expected"), [
    ("orange -> pad", ["pick(object=orange_cube)", "place_in(region=pad)"]),
    ("orange cube → bin", ["pick(object=orange_cube)", "place_in(region=bin)"]),
    ("red => blue", ["pick(object=red_cube)", "place_on(object=blue_cube)"]),
    ("orange -> left, red -> pad", ["pick(object=orange_cube)", "place_in(region=left)", "pick(object=red_cube)",
                                    "place_in(region=pad)"]),
])
def test_arrow_shorthand_is_an_object_and_where_it_goes(text: str, expected: list[str]) -> None:
    assert plan_of(text, scene("orange", "red", "blue")) == expected


@pytest.mark.parametrize("text", ["not orange -> pad", "orange -> pink", "pink -> pad"])
def test_arrow_shorthand_that_cannot_be_read_is_refused(text: str) -> None:
    assert not isinstance(make_planner("parser").plan(text, scene("orange", "red", "blue")), Plan)


@pytest.mark.parametrize("text", [
    "get rid of the yellow block, just toss it in the trash bin",
    "throw away the yellow cube, just put it in the bin",
    "dispose of the yellow one, toss it into the garbage",
    "just bin the yellow cube",
])
def test_a_restated_bin_idiom_is_one_placement(text: str) -> None:
    assert plan_of(text, scene("yellow", "purple")) == ["pick(object=yellow_cube)", "place_in(region=bin)"]


@pytest.mark.parametrize(("text", "expected"), [
    ("pit the gren cube in teh bin", ["pick(object=green_cube)", "place_in(region=bin)"]),
    ("pur the red cube on the pad", ["pick(object=red_cube)", "place_in(region=pad)"]),
    ("plck up the red cube and pot it in the bin", ["pick(object=red_cube)", "place_in(region=bin)"]),
    ("grap the green cube and put it on the red one", ["pick(object=green_cube)", "place_on(object=red_cube)"]),
])
def test_a_misspelt_verb_at_a_clauses_start_is_corrected(text: str, expected: list[str]) -> None:
    assert plan_of(text, scene("red", "green", "blue")) == expected


@pytest.mark.parametrize(("text", "kept"), [
    ("put the red cube in the bin, but the green one stays where it is", "green_cube"),
    ("let the red cube stay where it is and put the blue cube in the bin", "red_cube"),
    ("love the red cube, put the blue cube in the bin", "red_cube"),
    ("nick the red cube and put the blue cube in the bin", "red_cube"),
    ("pet the red cube, then put the blue cube in the bin", "red_cube"),
])
def test_a_word_at_a_clauses_start_that_is_english_is_never_made_a_verb(text: str, kept: str) -> None:
    result = make_planner("parser").plan(text, scene("red", "green", "blue"))
    assert not isinstance(result, Plan) or all(kept not in str(s) for s in result.steps), result


@pytest.mark.parametrize("word", sorted(_ENGLISH_NEAR_VERBS))
def test_an_english_word_one_edit_from_a_skill_verb_is_never_read_as_that_verb(word: str) -> None:
    for text in (f"{word} the red cube in the bin", f"{word} the red cube", f"{word} it on the pad"):
        result = make_planner("parser").plan(text, scene("red", "green", "blue"))
        assert not isinstance(result, Plan), (text, result)


@pytest.mark.parametrize("text", [
    "I thought the red cube would go in the bin.", "I thought the red cube could go in the bin",
    "I thought the red cube should go on the pad.",
])
def test_a_past_expectation_is_never_a_request(text: str) -> None:
    assert not isinstance(make_planner("parser").plan(text, scene("red", "green", "blue")), Plan)


@pytest.mark.parametrize("text", [
    "Could the red cube go in the bin?", "could you put the red cube in the bin?",
    "I think the red cube could go in the bin",
])
def test_a_polite_question_or_suggestion_is_a_request(text: str) -> None:
    # In this domain "could X go in Y?" asks for the placement, as "could you put X in Y?" does.
    assert plan_of(text, scene("red", "green", "blue")) == ["pick(object=red_cube)", "place_in(region=bin)"]


@pytest.mark.parametrize(("text", "expected"), [
    ("I'd love it if the blue cube ended up in the bin. Could you do that?", ["pick(object=blue_cube)",
                                                                             "place_in(region=bin)"]),
    ("we'd really appreciate it if the red cube were on the pad", ["pick(object=red_cube)", "place_in(region=pad)"]),
    ("I'd like the blue cube sitting atop the red cube.", ["pick(object=blue_cube)", "place_on(object=red_cube)"]),
    ("stack the blue cube ontop of the red one", ["pick(object=blue_cube)", "place_on(object=red_cube)"]),
    ("drop the green cube off in the bin", ["pick(object=green_cube)", "place_in(region=bin)"]),
    ("drop off the green cube on the pad", ["pick(object=green_cube)", "place_in(region=pad)"]),
    ("would you mind terribly moving the red cube over to your right?", ["pick(object=red_cube)",
                                                                         "place_in(region=right)"]),
    ("here's what I need from you: the red cube goes on the pad", ["pick(object=red_cube)", "place_in(region=pad)"]),
])
def test_wishes_particles_and_the_robots_own_side(text: str, expected: list[str]) -> None:
    assert plan_of(text, scene("red", "green", "blue")) == expected


@pytest.mark.parametrize(("text", "anchor"), [
    ("the cube behind the orange one goes in the bin", "orange"),
    ("the block just past the yellow cube, into the bin", "yellow"),
    ("the one under the green cube in the bin", "green"),
])
def test_an_object_named_only_as_an_anchor_is_never_sent_where_its_phrase_goes(text: str, anchor: str) -> None:
    """Relative words the parser does not read ("behind", "past", "under") still mark their colour as an anchor: a
    model's plan moving the anchor to the phrase's destination is refused (the kind of indep6-039's wrong plan)."""
    state = scene(*FOUR)
    assert pairing_error(text, state, _bin_plan(anchor)) is not None
    assert read_pairing(text, state).anchors.get(f"{anchor}_cube") == ("bin",)


@pytest.mark.parametrize(("text", "expected"), [
    ("Don't put the blue cube in the bin, put it on the pad instead.", ["pick(object=blue_cube)",
                                                                       "place_in(region=pad)"]),
    ("don't put the red cube on the left, put it on the right instead", ["pick(object=red_cube)",
                                                                         "place_in(region=right)"]),
    ("Stack the green cube on whichever cube is nearest to it.", ["pick(object=green_cube)",
                                                                  "place_on(object=red_cube)"]),
    ("put whichever cube is closest to the yellow one in the bin", ["pick(object=blue_cube)", "place_in(region=bin)"]),
])
def test_instead_after_a_negated_placement_and_whichever_is_nearest(text: str, expected: list[str]) -> None:
    state = scene(("green", 0.5, 0.1), ("red", 0.5, 0.2), ("blue", 0.5, -0.2), ("yellow", 0.6, -0.1))
    assert plan_of(text, state) == expected


@pytest.mark.parametrize("text", ["put the blue cube on the pad instead",
                                  "don't put the blue cube in the bin, put the red cube on the pad instead"])
def test_instead_without_the_placement_it_replaces_is_refused(text: str) -> None:
    assert isinstance(make_planner("parser").plan(text, scene("red", "blue")), Refusal)
