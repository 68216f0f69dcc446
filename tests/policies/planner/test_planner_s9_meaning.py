"""Session 9's meaning readings (issue #17): "the cube left of X" with several cubes on that side (asked unless they
stand in a row outward from X), and towers the robot is not asked to build (A1 s9 G5: a count or goal frame skipped
the unread-words check; "I built / I'll build / let me build a tower ..." was built)."""

from __future__ import annotations

import pytest
from test_planner_fresh12_words import mv, plan, refused, steps
from test_planner_s8_meaning import tower

from policies.planner import SceneState
from policies.planner.plan import Clarification


def placed(*cubes: tuple[str, float, float]) -> SceneState:
    return SceneState.from_json({"objects": [
        {"name": f"{c}_cube", "kind": "cube", "color": c, "position": [x, y, 0.022]} for c, x, y in cubes],
        "regions": ["left", "right", "bin", "pad"]})


def asks(text: str, state: SceneState, candidates: set[str]) -> None:
    result = plan(text, state)
    assert isinstance(result, Clarification), (text, result)
    assert set(result.candidates) == {f"{c}_cube" for c in candidates}, (text, result)


# ------------------------------------------------------------- "the cube left of X": in a row, or asked
# d11-023's layout: red in front and yellow behind, both left of blue, in no row with it
SCATTERED = placed(("blue", 0.5, -0.1), ("red", 0.42, 0.05), ("yellow", 0.6, 0.2))
# one row across the table: red, blue, green, yellow from the robot's left to its right
ROW = placed(("red", 0.5, 0.24), ("blue", 0.5, 0.08), ("green", 0.5, -0.08), ("yellow", 0.5, -0.24))
# a slanted row (the devset's relation layouts): still one row outward from the anchor
SLANTED = placed(("orange", 0.507, -0.08), ("green", 0.544, -0.16), ("yellow", 0.594, -0.24), ("blue", 0.585, 0.0))
# A1 s9 G1: red and blue exactly as far left of green
LEVEL = placed(("red", 0.42, 0.18), ("blue", 0.62, 0.18), ("green", 0.5, -0.15))
REFS = ("put the cube left of the {a} one in the bin", "put the cube to the left of the {a} cube in the bin",
        "pick up the cube that is to the left of the {a} one and put it in the bin",
        "put the block on the left of the {a} cube in the bin")


@pytest.mark.parametrize("text", REFS)
def test_two_cubes_left_of_the_anchor_in_no_row_are_asked(text: str) -> None:
    asks(text.format(a="blue"), SCATTERED, {"red", "yellow"})


def test_three_scattered_cubes_on_that_side_are_all_named() -> None:
    scattered = placed(("yellow", 0.5, -0.22), ("orange", 0.44, 0.02), ("green", 0.56, 0.21), ("red", 0.62, -0.05))
    asks("put the cube on the right of the green one in the bin", scattered, {"orange", "red", "yellow"})


@pytest.mark.parametrize("text", REFS)
def test_two_cubes_level_on_that_side_are_asked_never_picked_by_name(text: str) -> None:
    asks(text.format(a="green"), LEVEL, {"red", "blue"})


@pytest.mark.parametrize("text", REFS)
def test_in_a_row_the_cube_left_of_the_anchor_is_the_next_one_along(text: str) -> None:
    assert steps(text.format(a="green"), ROW) == mv("blue", "bin")
    assert steps(text.format(a="orange").replace("left", "right"), SLANTED) == mv("green", "bin")


def test_one_cube_on_that_side_is_that_cube_and_none_is_refused() -> None:
    assert steps("put the cube right of the red one on the pad", SCATTERED) == mv("blue", "pad")
    refused("put the cube left of the yellow one on the pad", SCATTERED)
    refused("put the cube right of the yellow one on the pad", ROW)


def test_french_and_german_follow_the_same_rule() -> None:
    asks("Leg den Würfel, der links vom blauen liegt, in den Eimer.", SCATTERED, {"red", "yellow"})
    asks("Mets le cube à gauche du bleu dans la poubelle.", SCATTERED, {"red", "yellow"})
    assert steps("Leg den Würfel links vom grünen in den Eimer.", ROW) == mv("blue", "bin")


# ------------------------------------------------------------- G5: towers nobody asked the robot to build
THREE = placed(("red", 0.45, 0.1), ("blue", 0.55, -0.1), ("green", 0.6, 0.15))


@pytest.mark.parametrize("text", [
    "Cancelled: make a three-story tower with red at the base and green at the peak, blue in the middle",
    "make a three-story tower with red at the base and green at the peak, blue in the middle. Cancelled.",
    "This is a quote: make a three-story tower with red at the base and green at the peak, blue in the middle",
    "Paul said: build a two-cube tower with green at the base and red at the top",
    "Build a two-cube tower with green at the base and red at the top tomorrow.",
    "I'm trapped. Final state should be one tower of two: red on the bottom, green at the very top",
    "The final state was one tower of two: red on the bottom, green at the very top.",
    "Yesterday's final state was one tower of three: red on the bottom, blue in the middle, green at the very top",
    "I built a tower with red at the bottom and green on top.",
    "We built a tower with red at the bottom and green on top.",
    "You built a tower with red at the bottom and green on top.",
    "I'll build a tower with red at the bottom and green on top.",
    "I will build a tower with red at the bottom and green on top.",
    "We've built a three-cube tower with red at the bottom, blue in the middle and green on top.",
    "Let me build a tower with red at the bottom and green on top.",
    "I'm going to make a tower with red at the bottom and green on top.",
    "I want to build a tower with red at the bottom and green on top.",
    "I built a two-cube tower with green at the base and red at the top.",
])
def test_a_tower_reported_cancelled_or_built_by_someone_else_is_refused(text: str) -> None:
    refused(text, THREE)


@pytest.mark.parametrize(("text", "bottom_up"), [
    ("make a three-story tower with red at the base and green at the peak, blue in the middle",
     ["red", "blue", "green"]),
    ("Final state should be one tower of two: red on the bottom, green at the very top", ["red", "green"]),
    ("Can you build a tower with red at the bottom and green on top?", ["red", "green"]),
    ("Could you please build a tower with red at the bottom and green on top?", ["red", "green"]),
    ("I'd like you to build a tower with red at the bottom and green on top.", ["red", "green"]),
    ("I want a three-cube tower with green at the base and red at the top", ["green", "blue", "red"]),
    ("Let's build a tower with red at the bottom and green on top.", ["red", "green"]),
])
def test_a_tower_asked_for_is_still_built(text: str, bottom_up: list[str]) -> None:
    assert steps(text, THREE) == tower(bottom_up)


@pytest.mark.parametrize("text", [
    "Nice tower with red at the bottom and green on top!",
    "What a great tower with red at the bottom and green on top.",
    "Lovely stack with red at the bottom and green on top.",
])
def test_a_tower_praised_is_not_built(text: str) -> None:  # A1 s9 G5b
    refused(text, THREE)


FOUR = placed(("green", 0.5, 0.1), ("orange", 0.4, -0.1), ("blue", 0.6, 0.2), ("red", 0.45, -0.2))


def test_a_count_said_after_the_tower_holds() -> None:  # A1 s9 G13, dev f23-011
    said = "Make a tower. Green at the base, then orange, then blue, then red at the top."
    assert steps(f"{said} All four.", FOUR) == tower(["green", "orange", "blue", "red"])
    for count in ("All three.", "Just three.", "All five.", "Only two of them."):
        refused(f"{said} {count}", FOUR)


# ------------------------------------------------------------- tower roles said in other words (dev r22/r23)
@pytest.mark.parametrize(("text", "bottom_up"), [
    ("Please construct a tower in which the blue cube forms the base, the red cube sits in the middle, and the green "
     "cube crowns the top.", ["blue", "red", "green"]),
    ("Build a tower where the green cube forms the base and the red one crowns it.", ["green", "red"]),
    ("Make one tower, the green cube is in the top and the blue cube in the bottom, the red in middle.",
     ["blue", "red", "green"]),
    ("Kindly erect a tower, commencing with the red cube as the foundation, the blue cube upon it, and the green cube "
     "crowning the arrangement.", ["red", "blue", "green"]),
    ("build a tower starting with the green cube, then blue, then red on top", ["green", "blue", "red"]),
    ("make a tower top to bottom: green, red, blue k thx", ["blue", "red", "green"]),
    ("When you're done, the green cube should be at the bottom of a three-high stack, with blue directly above it "
     "and red at the very top.", ["green", "blue", "red"]),
    ("Let's build a super tall tower! Red goes at the very bottom, then blue, and green sits on the tippy top.",
     ["red", "blue", "green"]),
])
def test_tower_roles_said_in_other_words_are_read(text: str, bottom_up: list[str]) -> None:
    assert steps(text, THREE) == tower(bottom_up)


@pytest.mark.parametrize("text", [
    "Don't build a tower in which the blue cube forms the base and the green cube crowns the top.",
    "make a tower of red and blue, green forms the base",
    "make a tower of red, blue and green, orange forms the base",
    "make a tower of red, blue and green, orange at the bottom",
    "make a tower of red, blue and green, orange crowns it",
    "Put red in the bin. When you're done, the green cube should be at the bottom of a stack, with blue above it.",
])
def test_tower_roles_that_leave_the_order_open_or_are_negated_are_refused(text: str) -> None:
    refused(text, FOUR)


# ------------------------------------------------------------- quantifiers and exclusions (final f20-028, dev r22/r23)
SCATTER3 = placed(("red", 0.6, 0.1), ("green", 0.42, -0.06), ("purple", 0.5, -0.22))


@pytest.mark.parametrize(("text", "moved", "where"), [
    ("Clear everything into the bin apart from the purple block.", ["red", "green"], "bin"),
    ("clear all the cubes into the bin except the red one", ["green", "purple"], "bin"),
    ("Clear everything into the bin.", ["red", "green", "purple"], "bin"),
    ("With the sole exception of the purple cube, please put every cube into the bin.", ["red", "green"], "bin"),
    ("With the only exception of the red cube, put all the cubes on the pad.", ["green", "purple"], "pad"),
    ("All cubes other than the red one should be in the right region.", ["green", "purple"], "right"),
    ("All cubes should end up in the bin.", ["red", "green", "purple"], "bin"),
    ("every cube except green must be on the pad", ["red", "purple"], "pad"),
])
def test_a_quantifier_said_as_clearing_or_as_the_end_state_is_read(text: str, moved: list[str], where: str) -> None:
    assert steps(text, SCATTER3) == [s for c in moved for s in mv(c, where)]


@pytest.mark.parametrize("text", [
    "don't clear everything into the bin apart from the purple block.",
    "Clear everything into the pad apart from the purple block.",
    "With the only exception of the purple cube, put every cube into the bin, then put the purple one on the pad.",
    "every cube except green must not be on the pad",
    "every cube should not be in the bin",
])
def test_a_negated_or_contradicted_quantifier_stays_refused(text: str) -> None:
    refused(text, SCATTER3)


def test_clearing_into_the_bin_never_bins_the_held_cube() -> None:  # A1 s9 G12
    held = SceneState.from_json({"objects": [
        {"name": f"{c}_cube", "kind": "cube", "color": c, "position": [0.5, y, 0.022]}
        for c, y in (("red", 0.2), ("blue", 0.0), ("green", -0.2))],
        "regions": ["left", "right", "bin", "pad"], "holding": "red_cube"})
    for text in ("Clear everything off the table into the bin.", "Clear everything into the bin apart from the blue "
                 "one.", "Clear everything off the table into the bin apart from the blue one."):
        refused(text, held)


# ------------------------------------------------------------- "them" and push distances (A1 s9 G8, G9)
@pytest.mark.parametrize("text", [
    "Put the red cube and the blue cube in the bin, then put them on the pad.",
    "Put the red and blue cubes in the bin, then move them to the pad.",
    "Put the red cube and the blue cube on the pad, then push them left.",
    "Stack the red cube on the blue one, then put them on the pad.",
    "Put the red cube on the pad and the blue cube in the bin, then put them on the left.",
])
def test_them_after_several_cubes_is_never_one_of_them(text: str) -> None:
    refused(text, placed(("red", 0.5, 0.2), ("blue", 0.5, 0.0), ("green", 0.5, -0.2)))


@pytest.mark.parametrize("text", [
    "Push the red cube left off the table.", "Push the red cube left, off the table.", "Push the red cube far left.",
    "Push the red cube to the far left.", "Push the red cube left, very far.", "Push the red cube way to the left.",
])
def test_a_push_far_or_off_the_table_is_refused(text: str) -> None:
    refused(text, SCATTER3)


# ------------------------------------------------------------- references by place (dev r22 f22-033/050/051/077)
SPREAD = placed(("blue", 0.55, -0.15), ("green", 0.43, 0.18), ("red", 0.62, 0.02))


@pytest.mark.parametrize(("text", "want"), [
    ("Put the blue cube on the cube which is more at left.", mv("blue", "green")),
    ("Kindly take whichever cube lies furthest to the robot's left and place it in the bin.", mv("green", "bin")),
    ("take the cube that is furthest to the right and put it on the pad", mv("blue", "pad")),
    ("put the block which is most to the left on the pad", mv("green", "pad")),
    ("Left cube into the bin. Right cube onto the pad.", [*mv("green", "bin"), *mv("blue", "pad")]),
])
def test_a_cube_named_by_how_far_it_stands_to_one_side_is_the_one_at_that_end(text: str, want: list[str]) -> None:
    assert steps(text, SPREAD) == want


def test_a_cube_said_alone_with_where_it_goes_is_asked_among_several() -> None:
    asks("Cube to left side.", SPREAD, {"blue", "green", "red"})
    assert steps("cube to the left side", placed(("blue", 0.55, -0.15))) == mv("blue", "left")


@pytest.mark.parametrize("text", [
    "the cube on the pad", "the cube in the bin", "the left cube in the bin",
    "put the cube which is more to the left of the red one in the bin",
    "don't put the cube which is more at left in the bin",
])
def test_a_reference_alone_or_relative_to_a_cube_or_negated_is_not_a_request(text: str) -> None:
    refused(text, SPREAD)


# ------------------------------------------------------------- idioms (final f20-007; r22 f22-008; r23 f23-053/058)
PAIR = placed(("purple", 0.42, 0.12), ("blue", 0.46, -0.14))


@pytest.mark.parametrize(("text", "want"), [
    ("Stick the purple one on top of the blue one, like a little hat.", mv("purple", "blue")),
    ("put purple on blue like a hat", mv("purple", "blue")),
    ("Would you be so kind as to deliver the blue cube to the landing pad", mv("blue", "pad")),
    ("put all of the blocks away in the bin", [*mv("purple", "bin"), *mv("blue", "bin")]),
    ("Push both of them forward. Both. Not just one of them.",
     ["push(object=purple_cube, direction=forward)", "push(object=blue_cube, direction=forward)"]),
    ("Put both cubes in the bin. Both!", [*mv("purple", "bin"), *mv("blue", "bin")]),
])
def test_idioms_and_emphasis_that_add_nothing_to_the_plan(text: str, want: list[str]) -> None:
    assert steps(text, PAIR) == want


@pytest.mark.parametrize("text", [
    "don't stick the purple one on top of the blue one, like a little hat.",
    "Push both of them forward. Not the blue one.",
    "Push the blue cube forward. Both.",
    "push the blue cube away in the bin",
    "put the purple cube like a hat",
])
def test_the_same_words_beside_a_negation_or_with_nothing_to_read_are_refused(text: str) -> None:
    refused(text, PAIR)


# ------------------------------------------------------------- A1 s9 G21, G22, G26
S3 = placed(("red", 0.5, 0.2), ("blue", 0.5, 0.0), ("green", 0.5, -0.2))


@pytest.mark.parametrize("text", [
    "Put every cube in the bin, but the red one on the pad.", "Put every cube in the bin, the red one on the pad.",
    "Put every cube in the bin, but the red one goes on the pad.", "Put all the cubes in the bin, but red on the pad.",
    "Put all cubes on the pad, but the red one in the bin.",
])
def test_a_place_said_after_a_quantifiers_place_is_never_copied_into_each_clause(text: str) -> None:  # G21
    refused(text, S3)


def test_an_all_but_quantifier_then_the_excepted_cube_alone_plans_each_cube_once() -> None:
    # b3f7105 reads "all but X" as the other cubes; the second clause then names only the excepted cube, so no
    # place is copied into a clause: the G21 worry does not arise. A second place for a cube the quantifier
    # already took still refuses (the steps cannot run in the order said).
    assert steps("Put all cubes but red in the bin, red on the pad.", S3) == [
        *mv("blue", "bin"), *mv("green", "bin"), *mv("red", "pad")]
    refused("Put all cubes but red in the bin, blue on the pad.", S3)


def test_a_quantifier_then_a_later_step_still_runs_in_order() -> None:
    assert steps("Put every cube on the left side, then push the red one forward.", S3) == [
        *mv("red", "left"), *mv("blue", "left"), *mv("green", "left"), "push(object=red_cube, direction=forward)"]


@pytest.mark.parametrize("text", [
    "Build a tower starting with red at the top, then blue, then green.",
    "Build a tower starting with red on top, then blue, then green.",
    "Build a tower starting at the top with red, then blue, then green.",
    "Build a tower starting with red as the top, then blue, then green.",
    "Build a tower, red at the top, starting with red, then blue, then green.",
    "Build a tower, starting with the top cube red, then blue, then green.",
    "Build a tower from the top, starting with red at the bottom, then blue, then green.",
    "a tower from bottom to top: red, blue, green, with red at the top",
])
def test_a_tower_said_to_start_from_one_end_with_a_role_of_the_other_is_refused(text: str) -> None:  # G22
    refused(text, S3)


@pytest.mark.parametrize(("text", "bottom_up"), [
    ("Build a tower starting with red, then blue, then green.", ["red", "blue", "green"]),
    ("a tower from top to bottom: red, blue, green", ["green", "blue", "red"]),
    ("build a tower from the bottom up: red, blue, green", ["red", "blue", "green"]),
])
def test_a_tower_with_one_direction_is_built_that_way(text: str, bottom_up: list[str]) -> None:
    assert steps(text, S3) == tower(bottom_up)


@pytest.mark.parametrize("text", [
    "clear all the cubes into the bin except the red one Or not.",
    "put all the cubes in the bin except the red one or not",
    "Put every cube in the bin but not the red one or not.",
    "put every cube except the red one or the blue one in the bin",
    "put every cube except the red one or not the blue one in the bin",
])
def test_an_exception_taken_back_or_joined_by_or_is_refused(text: str) -> None:  # G26
    refused(text, S3)


@pytest.mark.parametrize("text", [
    "put every cube in the bin but not the red or the blue",
    "put every cube except the red one and the blue one in the bin",
    "put every cube in the bin except the red one and not the blue one",
])
def test_an_exception_of_two_cubes_leaves_both_out(text: str) -> None:
    assert steps(text, S3) == mv("green", "bin")


# ------------------------------------------------------------- A1 s9 G24: part of the way is no skill
@pytest.mark.parametrize("text", [
    "Move the red cube towards the bin.", "Move the red cube toward the pad.", "Move the red cube a bit to the left.",
    "Shift the red cube a little to the left.", "Move the red cube an inch to the left.",
    "Move the red cube slightly towards the left side.", "bring the red cube in the direction of the trash",
    "Move the red cube to the left a bit.", "Move the red cube to the left, just a bit.",
    "Move the red cube over to the left a bit.", "Move the red cube to the left side a little.",
])
def test_a_placement_part_of_the_way_is_refused(text: str) -> None:
    refused(text, S3)


@pytest.mark.parametrize(("text", "want"), [
    ("Move the red cube to the left.", mv("red", "left")),
    ("move the red cube toward the left", mv("red", "left")),
    ("nudge the red cube a bit to the left", ["push(object=red_cube, direction=left)"]),
    ("put red in the bin and push blue a bit to the right",
     [*mv("red", "bin"), "push(object=blue_cube, direction=right)"]),
])
def test_a_whole_move_or_a_short_push_still_plans(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


# ------------------------------------------------------------- dev r24: whichever cube, "this time"
RB = placed(("red", 0.5, -0.18), ("blue", 0.47, 0.15))


@pytest.mark.parametrize(("text", "want"), [
    ("Bin whichever cube is over on your right.", mv("red", "bin")),
    ("Bin whichever cube is on the left.", mv("blue", "bin")),
    ("Take whichever cube is further to the left and stack it on the other one.", mv("blue", "red")),
    ("Don't put anything in the bin this time; just park the blue cube on the pad.", mv("blue", "pad")),
])
def test_whichever_cube_by_side_and_a_negation_for_this_time(text: str, want: list[str]) -> None:
    assert steps(text, RB) == want


@pytest.mark.parametrize("text", [
    "Don't put anything in the bin this time; just put the blue cube in the bin.",
    "don't bin whichever cube is on the left, put it on the pad",
    "Bin whichever cube is on the right of the blue one.",
])
def test_the_same_forms_negated_contradicted_or_relative_to_a_cube_are_refused(text: str) -> None:
    refused(text, RB)


# ------------------------------------------------------------- A1 s9 G30: no excluded cube offered by place
NEAR = placed(("red", 0.5, 0.1), ("green", 0.5, 0.0), ("blue", 0.5, -0.1))


@pytest.mark.parametrize(("text", "state"), [
    ("Put the cube next to the green one in the bin, not the red one.", NEAR),
    ("Don't touch the red cube; put the cube next to the green one in the bin.", NEAR),
    ("Without moving the red cube, put the cube next to the green one in the bin.", NEAR),
    ("Don't touch the red cube; put the leftmost cube in the bin.", LEVEL),
    ("Put the leftmost cube in the bin, not the red one.", LEVEL),
    ("Don't touch the red cube; put the cube left of the green one in the bin.", LEVEL),
])
def test_a_reference_by_place_leaves_out_the_cube_the_words_exclude(text: str, state: SceneState) -> None:
    assert steps(text, state) == mv("blue", "bin")


def test_without_an_exclusion_the_tie_is_still_asked_and_an_excluded_sole_answer_refused() -> None:
    asks("Put the cube next to the green one in the bin.", NEAR, {"red", "blue"})
    refused("Don't touch the red cube; put the leftmost cube in the bin.", NEAR)
