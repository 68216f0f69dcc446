"""Meaning classes the seventeenth to nineteenth fresh splits refused wrongly (issue #17 item 2, session 8), read as
families, each beside the forms that must never run: tower roles said as goal states ("X at the very top, Y under it
and Z as the base", "from up to down"), a tower's words that report or date it instead of asking for it, "clear the
table:" before a quantifier, cubes named by the colour they lack ("the cube that's not blue", "every cube that isn't
red"), a push toward a side, "finally" between two cubes sharing one place, negations made stronger ("in any way",
"at all"), "whatever's sitting on X", and a cube named by the table's edge it stands at ("the one at the very back")."""

from __future__ import annotations

import itertools

import pytest
from test_planner_fresh12_words import COLOURS, mv, plan, refused, steps, touches

from policies.planner import Plan, SceneState
from policies.planner.plan import Clarification
from policies.planner.semantic_parser import parse


def placed(*cubes: tuple[str, float, float], on: dict[str, str] | None = None) -> SceneState:
    """A scene with each (colour, x, y) cube on the table (x away from the robot, y to its left); ``on`` stacks a
    colour's cube on another's."""
    at = {c: (x, y) for c, x, y in cubes}
    objects = [{"name": f"{c}_cube", "kind": "cube", "color": c, "position": [x, y, 0.022]} for c, x, y in cubes]
    objects += [{"name": f"{upper}_cube", "kind": "cube", "color": upper, "position": [*at[lower], 0.066]}
                for upper, lower in (on or {}).items()]
    return SceneState.from_json({"objects": objects, "regions": ["left", "right", "bin", "pad"]})


THREE = placed(("yellow", 0.38, -0.15), ("purple", 0.55, 0.2), ("orange", 0.62, -0.02))


def tower(bottom_up: list[str]) -> list[str]:
    return [s for lower, upper in itertools.pairwise(bottom_up) for s in mv(upper, lower)]


# --------------------------------------------------------------------------- tower roles said as a goal state
@pytest.mark.parametrize("text", [
    "I want a stack with the yellow cube at the very top, the purple one under it and the orange one as the base",
    "build a stack with the yellow cube at the very top, the purple one below it and the orange one as the base",
    "a tower please: orange as the base, purple in the middle, yellow at the very top",
    "stack them: yellow at the very top, purple under it, orange at the very bottom",
    "make a tower with orange as the bottom, purple in the middle and yellow as the top",
    "Make one tower, from up to down: yellow, purple, orange",
    "build a tower bottom-up: orange, purple, yellow",
    "stack them from down to up: orange, purple, yellow",
    "a tower, top-down: yellow, purple, orange",
    "Final state should be one tower of three: orange on the bottom, purple above it, yellow at the very top",
])
def test_tower_roles_said_as_a_goal_state_build_the_tower(text: str) -> None:
    assert steps(text, THREE) == tower(["orange", "purple", "yellow"])


@pytest.mark.parametrize("text", [
    "I want a stack with the yellow cube at the very top, the purple one on it and the orange one as the base",
    "a stack with yellow at the very top, purple as the top and orange as the base",
    "don't build a stack with yellow at the very top, purple under it and orange as the base",
    "I don't want a tower with yellow at the very top, purple under it and orange as the base",
])
def test_tower_roles_that_disagree_or_are_negated_are_refused(text: str) -> None:
    refused(text, THREE)


@pytest.mark.parametrize("text", [
    "my colleague built a tower with orange at the bottom and yellow on top",
    "we had a tower with orange at the bottom, yellow on top yesterday",
    "there was a tower with orange at the bottom and yellow on top",
    "the kids knocked over a tower with orange at the bottom and yellow on top",
    "a tower with orange at the bottom and yellow on top, like last time we failed",
])
def test_a_tower_reported_dated_or_qualified_is_never_built(text: str) -> None:
    assert not touches(plan(text, THREE), "yellow"), text


def test_polite_and_wished_towers_still_build() -> None:
    for text in ("could you build a tower with orange at the bottom and yellow on top",
                 "a tower with orange at the bottom and yellow on top would be nice",
                 "i'd like a little tower please: orange at the bottom, yellow on top, then go home"):
        assert [s for s in steps(text, THREE) if s != "go_home()"] == tower(["orange", "yellow"]), text


# ------------------------------------------------------------------------------ "clear the table:" quantifiers
@pytest.mark.parametrize("text", [
    "Clear the table: all the cubes into the bin, then go home",
    "clear the table - every cube to the bin, then go home",
    "clear the table, put all the cubes in the bin, then go home",
    "please clear the table: every single cube goes in the bin, then go home",
])
def test_clear_the_table_before_a_quantifier_bins_every_cube(text: str) -> None:
    assert steps(text, THREE) == [*mv("yellow", "bin"), *mv("purple", "bin"), *mv("orange", "bin"), "go_home()"]


def test_clear_the_table_keeps_the_exception_and_never_goes_elsewhere() -> None:
    assert steps("clear the table: all cubes except the purple one into the bin", THREE) == \
        [*mv("yellow", "bin"), *mv("orange", "bin")]
    for text in ("clear the table: all the cubes onto the pad", "don't clear the table: all the cubes into the bin",
                 "clear the table: all the cubes into the bin, then don't go home"):
        result = plan(text, THREE)
        assert not isinstance(result, Plan) or "go_home()" not in map(str, result.steps), text
        assert not (isinstance(result, Plan) and "pad" in str(result.steps)), text


# ------------------------------------------------------------------------------ cubes named by the colour they lack
@pytest.mark.parametrize("text", ["move the cube that's not blue to the left side",
                                  "move the cube that is not blue to the left side",
                                  "move the non-blue cube to the left side",
                                  "put the block that's not blue on the left side"])
def test_the_cube_that_is_not_a_colour_is_asked_among_the_rest_or_read_when_one(text: str) -> None:
    three = placed(("blue", 0.5, 0.02), ("red", 0.42, -0.16), ("green", 0.6, 0.19))
    result = plan(text, three)
    assert isinstance(result, Clarification) and set(result.candidates) == {"red_cube", "green_cube"}, result
    two = placed(("blue", 0.5, 0.02), ("red", 0.42, -0.16))
    assert steps(text, two) == mv("red", "left")


@pytest.mark.parametrize("text", ["put every cube that isn't blue in the bin", "put all the cubes that aren't blue in "
                                  "the bin", "put all cubes that are not blue in the bin", "put every cube that's not "
                                  "blue in the bin", "put all the non-blue cubes in the bin",
                                  "put every non-blue cube in the bin"])
def test_every_cube_that_lacks_a_colour_leaves_that_colour_out(text: str) -> None:
    state = placed(("blue", 0.5, 0.02), ("red", 0.42, -0.16), ("green", 0.6, 0.19))
    assert steps(text, state) == [*mv("red", "bin"), *mv("green", "bin")]
    assert not touches(plan(f"don't {text}", state), "red")
    refused(text, placed(("red", 0.42, -0.16), ("green", 0.6, 0.19)))  # no blue cube to leave out


# -------------------------------------------------------------------------------------------- a push to a side
@pytest.mark.parametrize(("text", "direction"), [("push yellow onto the left side", "left"),
                                                 ("push the yellow cube to the left side", "left"),
                                                 ("nudge the yellow one over to the right side", "right"),
                                                 ("slide yellow onto the right side", "right")])
def test_a_push_toward_a_side_is_a_push_in_that_direction(text: str, direction: str) -> None:
    assert steps(text, THREE) == [f"push(object=yellow_cube, direction={direction})"]


@pytest.mark.parametrize("text", ["push the yellow cube onto the pad", "slide the yellow cube into the bin",
                                  "push yellow onto the purple one", "shove the yellow cube in the trash",
                                  "don't push yellow onto the left side, push it forward"])
def test_a_push_to_a_place_no_push_reaches_is_refused_never_lifted(text: str) -> None:
    result = plan(text, THREE)
    assert not touches(result, "yellow"), result


# ------------------------------------------------------------------------- "finally" between two cubes, one place
@pytest.mark.parametrize("text", ["put the red, finally the blue, in the bin",
                                  "put the red cube, finally the blue one, in the bin",
                                  "place red, eventually blue, on the pad",
                                  "put the red, in the end the blue, in the bin"])
def test_finally_between_two_cubes_sharing_a_place_is_refused(text: str) -> None:
    assert not touches(plan(text), "red"), text


def test_finally_as_a_sequence_still_moves_both() -> None:
    assert steps("put the red and finally the blue in the bin") == [*mv("red", "bin"), *mv("blue", "bin")]
    assert steps("put red in the bin, then finally put blue on the pad") == [*mv("red", "bin"), *mv("blue", "pad")]


# -------------------------------------------------------------------------------------- negations made stronger
@pytest.mark.parametrize("keep", ["without disturbing the yellow cube in any way",
                                  "don't touch the yellow cube at all", "never move the yellow cube whatsoever",
                                  "without touching yellow at all, in any way"])
def test_an_emphasis_closing_a_negation_keeps_the_constraint(keep: str) -> None:
    assert steps(f"{keep}, put the purple cube in the bin", THREE) == mv("purple", "bin")
    assert not touches(plan(f"{keep}, put the yellow cube in the bin", THREE), "yellow")
    assert not touches(plan(f"{keep}, put every cube in the bin", THREE), "yellow")


# ------------------------------------------------------------------------------ what rests on a cube, the edges
STACKED = placed(("red", 0.5, 0.1), ("blue", 0.42, -0.15), on={"green": "red"})


@pytest.mark.parametrize("text", ["take whatever's sitting on the red cube and put it in the bin",
                                  "take whatever is on top of the red cube and put it in the bin",
                                  "put whatever's on the red one in the bin"])
def test_whatever_rests_on_a_cube_is_the_cube_on_it(text: str) -> None:
    assert steps(text, STACKED) == mv("green", "bin")
    refused(text.replace("red", "blue"), STACKED)  # nothing rests on the blue cube


EDGES = placed(("yellow", 0.45, 0.12), ("orange", 0.57, -0.1), ("red", 0.38, -0.2))


@pytest.mark.parametrize(("text", "moved"), [
    ("grab the one at the very back of the table and stack it on the yellow cube", "orange"),
    ("grab the cube at the back and put it on the yellow cube", "orange"),
    ("take the cube at the very front and put it on the yellow cube", "red"),
    ("move the cube that's on the far right over to the yellow cube", "red"),
    ("move the cube that's on the left onto the orange one", "yellow"),
])
def test_a_cube_named_by_the_edge_it_stands_at(text: str, moved: str) -> None:
    assert [s for s in steps(text, EDGES) if s.startswith("pick")] == [f"pick(object={moved}_cube)"]


def test_an_edge_tie_or_a_cube_in_that_region_is_never_guessed() -> None:
    level = placed(("yellow", 0.45, 0.12), ("orange", 0.57, -0.2), ("red", 0.38, -0.2))
    result = plan("move the cube on the far right to the left side", level)
    assert isinstance(result, Clarification) and set(result.candidates) == {"orange_cube", "red_cube"}
    in_region = SceneState.from_json({"objects": [
        {"name": f"{c}_cube", "kind": "cube", "color": c, "position": [0.5, y, 0.022]}
        for c, y in (("red", -0.2), ("blue", 0.1))], "regions": ["left", "right", "bin", "pad"],
        "on": {"red_cube": "right"}})
    assert not touches(plan("pick up the cube on the right", in_region), "red")
    assert set(COLOURS) >= {"red", "blue"}


# ------------------------------------------------------------------- towers said as a building order, more roles
RGB = placed(("red", 0.45, 0.12), ("blue", 0.57, -0.1), ("green", 0.38, -0.15))


@pytest.mark.parametrize("text", [
    "build a tower: red first, then blue, then green", "stack them: red, then blue, then green",
    "stack em up: red, then blue, then green", "make a pile, red then blue then green",
    "make a three-story tower with red at the base and green at the peak, blue in the middle",
    "tower: green on top, red at the bottom, blue sandwiched in between",
    "build a tower where red is the foundation, blue is in the middle and green is the top",
    "build a tower where red is the base, blue is in the middle and green is the top",
])
def test_a_tower_said_as_its_building_order_or_with_more_role_words(text: str) -> None:
    assert steps(text, RGB) == tower(["red", "blue", "green"])


@pytest.mark.parametrize("text", ["build a tower: red, blue, green", "don't build a tower: red, then blue, then green",
                                  "build a tower: red first, then blue, then green, then red",
                                  "make a tower, red then blue then green, green at the bottom",
                                  "put red on the pad, then make a pile: blue then green",
                                  "make a tower of red, blue and green, yellow is the base"])
def test_a_tower_with_no_direction_a_negation_or_a_repeat_is_refused(text: str) -> None:
    refused(text, placed(("red", 0.45, 0.12), ("blue", 0.57, -0.1), ("green", 0.38, -0.15), ("yellow", 0.6, 0.2)))


# ---------------------------------------------------------------------- a quantifier's cube left out in passing
@pytest.mark.parametrize("text", ["put all cubes in the bin, but leave the red one",
                                  "move every cube to the bin and leave the red one out",
                                  "put every cube in the bin, just leave red be",
                                  "put every cube in the bin but don't touch red", "bin everything, don't move red"])
def test_a_cube_left_out_after_a_quantifier_is_never_moved(text: str) -> None:
    result = plan(text, RGB)
    assert isinstance(result, Plan) and not touches(result, "red"), result
    assert [s for s in map(str, result.steps) if s.startswith("pick")] == ["pick(object=blue_cube)",
                                                                           "pick(object=green_cube)"]


def test_a_placement_right_after_a_pick_places_what_was_picked() -> None:
    assert steps("pick up the red cube; place on the right side", RGB) == mv("red", "right")
    assert steps("pick up red. put in bin", RGB) == mv("red", "bin")
    assert not touches(plan("place on the right side", RGB), "red")
    assert not touches(plan("pick up the red cube and don't place on the right side", RGB), "red")


# ------------------------------------------------------------------------------ between two cubes, the left one
ROW4 = placed(("red", 0.5, 0.2), ("green", 0.52, 0.0), ("blue", 0.5, -0.2), ("yellow", 0.38, 0.1))


@pytest.mark.parametrize("text", ["put the cube between the red and the blue in the bin",
                                  "put the cube between the red one and the blue one in the bin",
                                  "put the block in between red and blue in the bin"])
def test_the_cube_between_two_others_is_the_one_on_the_line_joining_them(text: str) -> None:
    assert steps(text, ROW4) == mv("green", "bin")
    refused(text.replace("blue", "yellow"), ROW4)  # nothing stands between red and yellow
    two = placed(("red", 0.5, 0.2), ("green", 0.52, 0.0), ("purple", 0.5, 0.05), ("blue", 0.5, -0.2))
    result = plan(text, two)
    assert isinstance(result, Clarification) and set(result.candidates) == {"green_cube", "purple_cube"}, result


def test_the_left_one_is_the_leftmost_unless_a_cube_stands_in_that_region() -> None:
    assert steps("put the left one in the bin", ROW4) == mv("red", "bin")
    assert steps("put the right one on the pad", ROW4) == mv("blue", "pad")
    in_region = SceneState.from_json({"objects": [
        {"name": f"{c}_cube", "kind": "cube", "color": c, "position": [0.5, y, 0.022]}
        for c, y in (("red", 0.2), ("blue", -0.1))], "regions": ["left", "right", "bin", "pad"],
        "on": {"blue_cube": "left"}})
    assert not isinstance(plan("put the left one in the bin", in_region), Plan)


def test_both_with_bare_colours_and_any_cube() -> None:
    assert steps("put both red and blue in the bin", ROW4) == [*mv("red", "bin"), *mv("blue", "bin")]
    assert steps("put both red and the blue cube on the pad", ROW4) == [*mv("red", "pad"), *mv("blue", "pad")]
    assert not touches(plan("don't put both red and blue in the bin", ROW4), "red")
    for text in ("put any cube in the bin", "pick any cube and put it on the pad"):
        result = plan(text, ROW4)
        assert isinstance(result, Clarification) and len(result.candidates) == 4, result


def test_a_different_cube_is_one_not_named_yet() -> None:
    assert steps("put the green cube on a different cube", placed(("red", 0.5, 0.2), ("green", 0.5, 0.0))) == \
        mv("green", "red")
    result = plan("put the green cube on a different one", ROW4)
    assert isinstance(result, Clarification) and "green_cube" not in result.candidates, result


# ------------------------------------------------------------------ a cube left out by its place, or left in passing
SPREAD = placed(("red", 0.45, 0.12), ("blue", 0.57, -0.1), ("green", 0.38, -0.15), ("yellow", 0.62, 0.2))


@pytest.mark.parametrize(("text", "kept"), [
    ("don't touch the leftmost cube, put the others in the bin", "yellow"),
    ("put every cube except the leftmost one in the bin", "yellow"),
    ("put every cube in the bin except the one closest to you", "green"),
    ("leave the red one, bin the others", "red"), ("leave red, put the rest in the bin", "red"),
    ("just leave the red cube be, and put the others in the bin", "red"),
])
def test_a_cube_left_out_by_its_place_or_in_passing_stays(text: str, kept: str) -> None:
    result = plan(text, SPREAD)
    assert isinstance(result, Plan) and not touches(result, kept), result
    assert len(result.steps) == 6 and {s.args.get("region") for s in result.steps} <= {None, "bin"}, result


def test_a_place_reference_that_names_no_single_cube_is_refused() -> None:
    refused("don't touch the middle cube, put the rest in the bin", SPREAD)  # four cubes: no single middle one
    level = placed(("red", 0.45, 0.2), ("blue", 0.57, 0.2), ("green", 0.38, -0.15))
    assert not isinstance(plan("put every cube except the leftmost one in the bin", level), Plan)


@pytest.mark.parametrize("text", ["put red on the pad, then put all the other cubes in the bin, then go home",
                                  "put red on the pad and the rest in the bin, then go home",
                                  "put red on the pad, then move the rest to the bin, then go home"])
def test_the_rest_then_go_home(text: str) -> None:
    assert steps(text, SPREAD) == [*mv("red", "pad"), *mv("blue", "bin"), *mv("green", "bin"), *mv("yellow", "bin"),
                                   "go_home()"]
    result = plan(text.replace("then go home", "then don't go home"), SPREAD)
    assert not isinstance(result, Plan) or "go_home()" not in map(str, result.steps)


@pytest.mark.parametrize("text", ["put red next to blue", "put the red cube behind the blue one",
                                  "put red in front of blue", "place red to the right of blue",
                                  "put the red cube near the pad", "set the red one beside the green one"])
def test_a_place_beside_an_object_is_a_reasoned_refusal_never_the_models(text: str) -> None:
    parsed = parse(text, ROW4)
    assert not parsed.candidates and not parsed.unread and parsed.refusal is not None, parsed
    assert "no skill" in parsed.refusal.reason


# --------------------------------------------------------------------- negations: lists, and "it" after them
@pytest.mark.parametrize(("text", "kept"), [
    ("put red in the bin, don't move blue or green", {"blue", "green"}),
    ("put red in the bin, don't touch blue, green or yellow", {"blue", "green", "yellow"}),
    ("put every cube in the bin, don't move blue or green", {"blue", "green"}),
    ("put every cube in the bin but leave the red and the blue", {"red", "blue"}),
    ("put every cube in the bin but leave red, blue and yellow cubes", {"red", "blue", "yellow"}),
    ("leave red and blue, bin the others", {"red", "blue"}),
])
def test_a_negation_listing_colours_keeps_each(text: str, kept: set[str]) -> None:
    result = plan(text, ROW4)
    assert isinstance(result, Plan) and not any(touches(result, c) for c in kept), result


def test_it_after_a_negated_placement_said_first_names_its_cube() -> None:
    assert steps("don't put red on blue, put it on green", ROW4) == mv("red", "green")
    assert steps("don't put red in the bin, put it on the pad", ROW4) == mv("red", "pad")
    refused("don't put red on blue, put it on blue", ROW4)
    assert not isinstance(plan("put it on green, but don't put red on blue", ROW4), Plan)  # "it" said before red
    assert not touches(plan("don't touch red, put it in the bin", ROW4), "red")


@pytest.mark.parametrize("text", [
    "Could you move all of the cubes over to the left side of the table, apart from the blue one? The blue one is "
    "perfectly happy where it is.",
    "move every cube to the left side. The blue one is fine where it is.",
    "put all the cubes on the left side except blue. The blue cube's happy right where it is!"])
def test_a_cube_said_to_be_well_where_it_is_after_a_quantifier_stays(text: str) -> None:
    state = placed(("blue", 0.45, 0.1), ("orange", 0.55, -0.15), ("red", 0.4, -0.02))
    assert steps(text, state) == [*mv("orange", "left"), *mv("red", "left")]
    refused("move every cube to the left side except blue. The red one is fine where it is.", state)


@pytest.mark.parametrize("text", ["put red on the pad and the other two in the bin",
                                  "put red on the pad and both others in the bin",
                                  "put red on the pad, then the remaining two in the bin"])
def test_the_other_two_is_the_rest_when_two_are_left(text: str) -> None:
    three = placed(("red", 0.45, 0.12), ("blue", 0.57, -0.1), ("green", 0.38, -0.15))
    assert steps(text, three) == [*mv("red", "pad"), *mv("blue", "bin"), *mv("green", "bin")]
    refused(text, SPREAD)  # three are left: the count does not match


def test_a_count_of_the_cubes_that_lack_a_colour_is_checked_after_the_exception() -> None:
    three = placed(("red", 0.45, 0.12), ("blue", 0.57, -0.1), ("green", 0.38, -0.15))
    assert steps("put the two cubes that aren't red in the bin", three) == [*mv("blue", "bin"), *mv("green", "bin")]
    refused("put the three cubes that aren't red in the bin", three)


@pytest.mark.parametrize("text", ["push red to the far left", "push the red cube way to the right",
                                  "push red far forward"])
def test_a_push_said_far_is_refused(text: str) -> None:
    # session 9 (A1 G9): the push's one short step is not "far"; reading it as a push that way dropped the distance
    refused(text, ROW4)


# ---------------------------------------------------------------------------- taken off another cube, unstacked
ON_ORANGE = placed(("orange", 0.55, 0.1), ("red", 0.4, -0.12), on={"yellow": "orange"})


@pytest.mark.parametrize(("text", "expected"), [
    ("take the yellow off the orange", ["pick(object=yellow_cube)"]),
    ("unstack the yellow cube", ["pick(object=yellow_cube)"]),
    ("lift yellow off orange, then put it on red", mv("yellow", "red")),
    ("unstack the yellow cube and put it in the bin", mv("yellow", "bin")),
    ("take the yellow from on top of the orange and put it on the pad", mv("yellow", "pad")),
])
def test_a_cube_taken_off_another_or_unstacked_is_picked_where_it_rests(text: str, expected: list[str]) -> None:
    assert steps(text, ON_ORANGE) == expected


@pytest.mark.parametrize("text", ["take the red off the orange", "unstack the red cube", "take the orange off the red",
                                  "lift red off orange, then put it on the pad", "don't unstack the yellow cube"])
def test_a_cube_not_resting_where_the_words_say_is_never_picked(text: str) -> None:
    result = plan(text, ON_ORANGE)
    assert not isinstance(result, Plan), result


def test_a_towers_stated_count_holds() -> None:
    for text in ("Build a three-cube tower with green at the base and red at the top.",
                 "build a 3-cube tower with green at the base and red at the top"):
        assert steps(text, RGB) == tower(["green", "blue", "red"]), text  # the one cube left takes the middle
    assert steps("build a two-cube tower with green at the base and red at the top", RGB) == tower(["green", "red"])
    for text in ("build a four-cube tower with green at the base and red at the top",
                 "build a three-high tower, from the top: red, blue"):
        refused(text, RGB)
    refused("Build a three-cube tower with green at the base and red at the top.",
            placed(("red", 0.45, 0.12), ("blue", 0.57, -0.1), ("green", 0.38, -0.15), ("yellow", 0.6, 0.2)))
