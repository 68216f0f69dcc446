"""Session 13's English meaning readings (issue #17): the convention for stacking on a cube in the bin (A1 s10 H9, REV
s11 R8) and the dev_s13 classes, each with negated, reordered and near-miss variants that must still refuse or ask."""

from __future__ import annotations

import pytest
from planner_asserts import S3, cube_scene, moves_nothing
from test_planner_fresh12_words import mv, plan, steps

from policies.planner import Clarification, Refusal
from policies.planner.scene_state import SceneState

# ----------------------------------------------- stacking on a cube in the bin: planned as said (A1 s10 H9, REV s11 R8)
# The convention, decided this session: the words are planned as said. "Put red in the bin, then put blue on red." puts
# blue on the red cube in the bin: a seen gold written by someone who never read the code (dev_phrasing-154) plans it,
# as do the end-state request ("the yellow cube stacked on the purple cube and the purple cube in the bin",
# test_planner_adversary8) and the French and German neighbours (test_translation_adversarial, test_planner_phrasing).
# Nothing here contradicts the words; what stays refused is a plan that takes out again what it binned (a pick or push
# of the binned cube: test_P3_s10_discarded), which the words' two places contradict.
IN_BIN = cube_scene(("red", [0.45, 0.1, 0.022]), ("blue", [0.55, -0.12, 0.022]), ("green", [0.38, -0.02, 0.022]),
                    on={"red_cube": "bin"})


@pytest.mark.parametrize("text", [
    "Put red in the bin, then put blue on red.",
    "Throw red away, then stack blue on it.",
    "Put the red cube in the bin, then put the blue cube on the red cube.",
    "Put the red cube in the bin and the blue one on it.",
])
def test_stacking_on_a_cube_the_plan_binned_is_planned_as_said(text: str) -> None:
    assert steps(text, S3) == mv("red", "bin") + mv("blue", "red")


def test_stacking_on_a_cube_in_the_bin_follows_the_words() -> None:
    said = "put the red cube in the bin, next the blue cube on the pad, and lastly the green cube on the red cube"
    assert steps(said, S3) == mv("red", "bin") + mv("blue", "pad") + mv("green", "red")
    assert steps("Put the blue cube on the red cube.", IN_BIN) == mv("blue", "red")


@pytest.mark.parametrize("text", [
    "Put red in the bin, then put red on blue.",  # the binned cube taken out again
    "Put red in the bin, then put blue on red, then put red on the pad.",
    "Put red in the bin. Don't put blue on red. Put blue on red.",  # contradiction
    "Put red in the bin, then put blue on red? No.",
])
def test_stacking_on_a_binned_cube_near_misses_refuse(text: str) -> None:
    moves_nothing(text)


# -------------------------------------------------------- the cube on top of another, said first (fi37-041, fi38-033)
RED_ON_BLUE = cube_scene(("blue", [0.45, 0.1, 0.022]), ("red", [0.45, 0.1, 0.066]), ("green", [0.38, -0.02, 0.022]))


@pytest.mark.parametrize("text, expected", [
    ("Whatever's sitting on top of the blue, move it to the right side.", mv("red", "right")),
    ("The one sitting on top of the blue, move it to the right side.", mv("red", "right")),
    ("The one sat on top of the blue, take it off and put it on the pad.", mv("red", "pad")),
    ("The one sat on top of the blue, whip it off and stick it on the pad.", mv("red", "pad")),
    ("The cube on top of the blue one, bin it.", mv("red", "bin")),
])
def test_the_cube_on_top_said_first_then_taken_up_by_it(text: str, expected: list[str]) -> None:
    assert steps(text, RED_ON_BLUE) == expected


@pytest.mark.parametrize("text", [
    "The cube on top of the blue one, don't move it.",  # negated
    "The cube on top of the blue one, don't move it, put the green one in the bin.",
    "The cube on top of the blue one is fine, move it to the right side.",  # said of it first
    "The cube on top of the green one, move it to the right side.",  # nothing is on green
    "The cube on top of the red one, move it to the right side.",
    "The cube on top of the blue one, move it onto itself.",
    "The cube on top of the blue one, move it to the right side? No.",
    "The one on top of the blue, take it off the green and put it on the pad.",  # taken off another cube
])
def test_the_cube_on_top_said_first_near_misses_refuse(text: str) -> None:
    moves_nothing(text, RED_ON_BLUE)


def test_the_cube_on_top_said_first_needs_exactly_one() -> None:
    moves_nothing("The one on top of the blue, take it off and put it on the pad.", S3)  # nothing stacked


# -------------------------------------------------- every cube taken up, then put somewhere through "them" (fi38-024)
@pytest.mark.parametrize("text, expected", [
    ("Pick up all the cubes and put them on the left side.",
     mv("red", "left") + mv("blue", "left") + mv("green", "left")),
    ("Round up all the cubes and put them on the left side.",
     mv("red", "left") + mv("blue", "left") + mv("green", "left")),
    ("Collect every cube and put them in the bin.", mv("red", "bin") + mv("blue", "bin") + mv("green", "bin")),
    ("Pick up all the cubes except the red one and put them in the bin.", mv("blue", "bin") + mv("green", "bin")),
    ("Pick up all the cubes but not the red one and put them in the bin.", mv("blue", "bin") + mv("green", "bin")),
])
def test_every_cube_taken_up_then_put_through_them(text: str, expected: list[str]) -> None:
    assert steps(text, S3) == expected


@pytest.mark.parametrize("text", [
    "Pick up all the cubes and put them on each other.",
    "Pick up all the cubes and stack them.",
    "Pick up all the cubes and put it in the bin.",  # "it": which one?
    "Pick up all the cubes and don't put them in the bin.",
    "Don't pick up all the cubes and put them in the bin.",
    "Pick up all the cubes and put them in the bin? No.",
    "Pick up all the cubes and put them on the red one.",
    "Take all the cubes and put them in the bin and the pad.",
    "Pick up all the cubes except the red one and put them in the bin and the blue one on the pad.",
])
def test_every_cube_taken_up_near_misses_refuse(text: str) -> None:
    moves_nothing(text)


# ---------------------------------------------- the excepted cube said to stay through a pronoun (fi37-029, fi37-031)
@pytest.mark.parametrize("text, expected", [
    ("Can you shift everything onto the left side apart from the blue cube? That one stays put.",
     mv("red", "left") + mv("green", "left")),
    ("Put all of them on the pad but NOT the green one! Green is my favourite and it stays!",
     mv("red", "pad") + mv("blue", "pad")),
    ("Put all of them on the pad but not the green one. It stays.", mv("red", "pad") + mv("blue", "pad")),
])
def test_the_excepted_cube_said_to_stay(text: str, expected: list[str]) -> None:
    assert steps(text, S3) == expected


@pytest.mark.parametrize("text", [
    "Put all of them on the pad. That one stays put.",  # no exception for it to name
    "Put all of them on the pad but not the green one! Red is my favourite and it stays!",  # another cube
    "Put all of them on the pad but not the green one or the red one. That one stays put.",  # two exceptions
    "Put all of them on the pad but not the green one. It goes too.",
    "Put all of them on the pad but not the green one. It stays? No.",
    "Put all of them on the pad but not the green one. Then it stays.",
    "Put all of them on the pad but not the green one. It doesn't stay.",
    "Put all of them on the pad. Green is my favourite and it stays!",
    "Put all of them on the pad but not the green one. Green is broken and it stays!",
    "Put all of them on the pad but not the green one. Green is my favourite and it stays on the pad.",
])
def test_the_excepted_cube_said_to_stay_near_misses_refuse(text: str) -> None:
    moves_nothing(text)


# ------------------------------------------------------------------------ "only" before the one cube moved (fi38-030)
@pytest.mark.parametrize("text", [
    "Don't move the red one. Only the green one should go onto the pad.",
    "Only the green one should go onto the pad.",
    "Put only the green one on the pad.",
    "Move only the green cube to the pad.",
])
def test_only_the_one_cube_moved(text: str) -> None:
    assert steps(text, S3) == mv("green", "pad")


@pytest.mark.parametrize("text", [
    "Not only the green one should go onto the pad.",
    "Put red in the bin. Only the green one should go onto the pad.",  # another cube moves
    "Only the green one should go onto the pad, and the blue one too.",
    "Only the green one and the blue one should go onto the pad.",
    "Don't put only the green one on the pad.",
    "Only the green one should not go onto the pad.",
    "Only the yellow one should go onto the pad.",  # absent
    "Only if the green one is free, put it on the pad.",
    "Only the green one should go onto the pad? No, the red one.",
])
def test_only_near_misses_refuse(text: str) -> None:
    moves_nothing(text)


ON_PAD_RED = cube_scene(("red", [0.45, 0.1, 0.022]), ("blue", [0.55, -0.12, 0.022]), ("green", [0.38, -0.02, 0.022]),
                        on={"red_cube": "pad"})


@pytest.mark.parametrize("text", [
    # another cube is there already: the place would not hold only that one (REV s13 R3)
    "Only the blue one should be on the pad.",
    "Only the blue one should go onto the pad.",
    "Only the blue one goes onto the pad.",
    "Put only the blue one on the pad.",
    "Only the blue one should go onto the pad, the red one stays there.",
])
def test_only_where_another_cube_is_there_refuses(text: str) -> None:
    moves_nothing(text, ON_PAD_RED)


def test_only_with_another_place_free_still_plans() -> None:
    assert steps("Only the blue one should go into the bin.", ON_PAD_RED) == mv("blue", "bin")


# ----------------------------------------------------------------- a stack said to stand there, kept whole (fi37-038)
@pytest.mark.parametrize("text", [
    "Put the green cube in the bin. The red cube is sitting on the blue cube, do not disturb that arrangement.",
    "Put the green cube in the bin. The red cube is sitting on the blue cube, do not disturb it.",
])
def test_a_stack_said_to_stand_there_is_kept(text: str) -> None:
    assert steps(text, RED_ON_BLUE) == mv("green", "bin")


@pytest.mark.parametrize("text", [
    # the stack said is not the scene's
    "Put the green cube in the bin. The blue cube is sitting on the red cube, do not disturb that arrangement.",
    "Put the red cube in the bin. The red cube is sitting on the blue cube, do not disturb that arrangement.",
    "Put the green cube on the blue cube. The red cube is sitting on the blue cube, do not disturb that arrangement.",
    "Put the green cube in the bin. The red cube is sitting on the blue cube, do not disturb that arrangement and the "
    "green one.",
    "Put the green cube in the bin. The red cube is sitting on the green cube, do not disturb it.",
    "Put the blue cube in the bin. The red cube is sitting on the blue cube, do not disturb them.",
    "The red cube is sitting on the blue cube, do not disturb that arrangement.",
])
def test_a_stack_kept_near_misses_refuse(text: str) -> None:
    moves_nothing(text, RED_ON_BLUE)


def test_a_stack_said_to_stand_where_none_is_refused() -> None:
    moves_nothing("Put the green cube in the bin. The red cube is sitting on the blue cube, do not disturb that "
                  "arrangement.", S3)


# --------------------------------------------------------- "before anything else", "first thing" (fi37-016, fi38-016)
@pytest.mark.parametrize("text, expected", [
    ("Before you put anything else away, move the blue cube onto the pad. After that the red one goes in the bin.",
     mv("blue", "pad") + mv("red", "bin")),
    ("First thing, carry that green cube over to the left side. After that, set the blue one atop it.",
     mv("green", "left") + mv("blue", "green")),
    ("Before anything else, put the green cube in the bin, then the red one on the pad.",
     mv("green", "bin") + mv("red", "pad")),
    # said late, it still goes first (as "first" does)
    ("Put the red cube in the bin. Before you put anything else away, move the blue cube onto the pad.",
     mv("blue", "pad") + mv("red", "bin")),
])
def test_what_goes_before_anything_else_goes_first(text: str, expected: list[str]) -> None:
    assert steps(text, S3) == expected


@pytest.mark.parametrize("text", [
    "Before you put anything else away, don't move the blue cube.",
    "Before you put anything else away move the blue cube onto the pad.",  # no comma: unread
    "First thing tomorrow, put the green cube in the bin.",  # a time
    "First thing, put the green cube in the bin. Then first put the red one on the pad.",  # two firsts
    "Before you put anything else away, move the blue cube onto the pad? No.",
    # a subject after it: a question or a report, not a request (A1 s13, H49 class)
    "First thing, you put the red cube in the bin?",
    "First thing, you take the red cube to the bin?",
    "Before you put anything else away, you move the blue cube onto the pad.",
])
def test_before_anything_else_near_misses_refuse(text: str) -> None:
    moves_nothing(text)


# ------------------------------------------------------- a passive's "by": who, not when (REV s12 R4); deadlines kept
S5 = cube_scene(("red", [0.45, 0.1, 0.022]), ("blue", [0.55, -0.12, 0.022]), ("green", [0.38, -0.02, 0.022]),
                ("yellow", [0.6, 0.2, 0.022]), ("orange", [0.5, -0.25, 0.022]))
ALL5_PAD = [s for c in ("red", "blue", "green", "yellow", "orange") for s in mv(c, "pad")]


@pytest.mark.parametrize("text", [
    "Every cube should be moved to the pad by the next shift.",  # the next shift's crew may do it
    "Every cube should be placed on the pad by the night crew.",
    "Every cube should be moved to the pad by hand.",
    "Every cube will be placed on the pad.",  # a prediction (REV s12 R4)
    "Every cube will be moved to the pad.",
    # a goal stated with a hedge is a guess (A1 s13 H45); an imperative keeps its softener (below)
    "Every cube should be placed on the pad, I think.",
    "Every cube should go on the pad, I guess.",
])
def test_a_passive_naming_who_or_foretelling_is_refused(text: str) -> None:
    moves_nothing(text, S5)


@pytest.mark.parametrize("text", [
    # the convention: a deadline after a request (running now meets it) and a softener are kept, as for "Put ..."
    "Put every cube on the pad by tomorrow.",
    "Put every cube on the pad by the next shift.",
    "Each cube presently on the table ought to be relocated to the pad by tomorrow.",
    "Every cube should be moved to the pad.",
])
def test_deadlines_are_kept_in_every_form(text: str) -> None:
    assert steps(text, S5) == ALL5_PAD


@pytest.mark.parametrize("text", [
    "Move the blue cube onto the pad. After that the red one goes in the bin, I think.",
    "Before you put anything else away, move the blue cube onto the pad. After that the red one goes in the bin, I "
    "guess.",
    "Before you put anything else away, move the blue cube onto the pad. After that the red one goes in the bin?",
    "The red one goes in the bin, probably.",
])
def test_a_goal_stated_as_a_guess_is_refused(text: str) -> None:
    moves_nothing(text)


def test_an_imperative_keeps_its_softener() -> None:
    # a statement, then a request asked politely, is no guess (test_planner_s9_shapes)
    assert steps("The red cube is in my way, could you move it to the left?") == mv("red", "left")
    assert steps("Put the red cube in the bin, I think.") == mv("red", "bin")
    assert steps("Put every cube on the pad, I think.", S5) == ALL5_PAD


def test_a_bare_time_is_no_deadline() -> None:
    moves_nothing("Put the red cube in the bin tomorrow.")  # the robot runs now, which the words do not ask


# ----------------------------------------------------------------- "either / some cube" under a negation (REV s11 R3)
@pytest.mark.parametrize("text", [
    "Don't move either block; put the green cube in the bin.",
    "Put the green cube in the bin without touching either block.",
    "Put the green cube in the bin, but don't touch either cube.",
    "Don't put any one cube in the bin.",
    "Never put some cube in the bin.",
])
def test_either_under_a_negation_is_refused_not_asked(text: str) -> None:
    result = plan(text, S3)
    assert isinstance(result, Refusal) and not isinstance(result, Clarification), result
    assert "under a negation" in result.reason


def test_either_without_a_negation_still_asks() -> None:
    for text in ("Put some cube in the bin.", "Put either block in the bin."):
        assert isinstance(plan(text, S3), Clarification), text


# ------------------------------------------------------- "it" as the place after a negated stacking asks (REV s11 R6)
@pytest.mark.parametrize("text", [
    "Don't put the red cube on the blue cube; put the green cube on it.",
    "Don't put the red cube on the blue cube; put the green cube on top of it.",
])
def test_it_as_a_place_after_a_negated_stacking_asks(text: str) -> None:
    result = plan(text, S3)
    assert isinstance(result, Clarification) and set(result.candidates) == {"red_cube", "blue_cube"}, result


@pytest.mark.parametrize("text, expected", [
    ("Don't put the red cube on the blue cube; put it on the green cube.", mv("red", "green")),  # it = the moved cube
    ("Don't put the red cube in the bin; put the green cube on it.", mv("green", "red")),  # the bin is no place for it
])
def test_it_after_a_negation_naming_one_cube(text: str, expected: list[str]) -> None:
    assert steps(text, S3) == expected


# --------------------------------------------------- the cube said before its verb in a sequence (fi37-020, fi38-020)
ON_PAD = cube_scene(("red", [0.45, 0.1, 0.022]), ("blue", [0.55, -0.12, 0.022]), ("green", [0.38, -0.02, 0.022]),
                    on={"red_cube": "pad"})


@pytest.mark.parametrize("text, expected", [
    ("First put the green cube in the bin, then the blue cube you put on the pad, then come back to home position.",
     mv("green", "bin") + mv("blue", "pad") + ["go_home()"]),
    ("First you take the blue one put inside the bin, then the red one put on top of the green one, after that go "
     "home.", mv("blue", "bin") + mv("red", "green") + ["go_home()"]),
    ("First put the green cube in the bin, then the blue cube put on the pad.", mv("green", "bin") + mv("blue", "pad")),
    ("Come back to home position.", ["go_home()"]),
])
def test_the_cube_said_before_its_verb_in_a_sequence(text: str, expected: list[str]) -> None:
    assert steps(text, S3) == expected


@pytest.mark.parametrize("text, state", [
    # the cube is there already: "the red cube you put on the pad" may name it by what was done
    ("First put the green cube in the bin, then the red cube you put on the pad, then go home.", ON_PAD),
    ("First put the green cube in the bin, then the red one put on top of the blue one.", RED_ON_BLUE),
    ("The blue cube you put on the pad.", S3),  # alone: a cube named, or a report
    ("You take the blue one put inside the bin.", S3),
    ("First put the green cube in the bin, then the blue cube you put on the pad? No.", S3),
    ("First put the green cube in the bin, then the blue cube you don't put on the pad.", S3),
    ("First put the green cube in the bin, then the blue cube you never put on the pad, then go home.", S3),
    ("First put the green cube in the bin, then the yellow cube you put on the pad.", S3),
    ("First put the green cube in the bin, then the blue cube you put on the green cube.", S3),  # A1 s13 b111
    ("Come here.", S3),
])
def test_the_cube_said_before_its_verb_near_misses_refuse(text: str, state: SceneState) -> None:
    moves_nothing(text, state)


# ------------------------------------------------------------ the tallest tower, a hurried tower (fi37-013, fi38-013)
@pytest.mark.parametrize("text, expected", [
    ("Make the tallest tower ever!! Green on the bottom, then red, then blue at the very top!",
     mv("red", "green") + mv("blue", "red")),
    ("Build the highest tower possible: green at the bottom, red in the middle, blue on top.",
     mv("red", "green") + mv("blue", "red")),
])
def test_the_tallest_tower_and_a_hurried_one(text: str, expected: list[str]) -> None:
    assert steps(text, S3) == expected


@pytest.mark.parametrize("text, state", [
    ("Make the tallest tower ever!! Green on the bottom, then red, then blue at the very top!", S5),  # 3 of 5 cubes
    ("Make the tallest tower ever!! Green on the bottom, then blue at the very top!", S3),  # 2 of 3
    ("Don't make the tallest tower ever!! Green on the bottom, then red, then blue at the very top!", S3),
    ("Make the shortest tower ever! Green on the bottom, then red, then blue at the very top!", S3),
    ("I made the tallest tower ever! Green on the bottom, then red, then blue at the very top!", S3),
    ("need a tower. red on bottom then blue then green top. quick, not now", S3),
    # a speed asked for is refused, as "Put the red cube in the bin quickly." is (the safety screen's convention)
    ("need a tower. red on bottom then blue then green top. quick pls", S3),
    ("need a tower. red on bottom then blue then green top tomorrow. quick pls", S3),
])
def test_the_tallest_tower_near_misses_refuse(text: str, state: SceneState) -> None:
    moves_nothing(text, state)


# ------------------------------------------------------------------ every cube on this table, cleared down (fi37-025)
@pytest.mark.parametrize("text", [
    "Every block on this table goes in the bin. Clear it down.",
    "Every block on this table goes in the bin.",
    "Every block on the table goes in the bin. Clear the table.",
])
def test_every_cube_on_this_table_cleared_down(text: str) -> None:
    assert steps(text, S3) == mv("red", "bin") + mv("blue", "bin") + mv("green", "bin")


@pytest.mark.parametrize("text, state", [
    ("Every block on the table goes in the bin. Clear it.", S3),  # "it" may be the bin: empty it?
    ("Every block on the table goes in the bin. Clear it down? No.", S3),
    ("Every block on the table goes in the bin. Don't clear it down.", S3),
    ("Every block goes in the bin. Clear it down.", S3),  # no table named for "it"
    ("Every block on this table goes in the bin. Clear it down.", ON_PAD),  # not every cube is on the table
])
def test_cleared_down_near_misses_refuse(text: str, state: SceneState) -> None:
    moves_nothing(text, state)


# ------------------------------------------------------------------- a place in a tower given to no cube (A1 s12 b95)
@pytest.mark.parametrize("text", [
    "Put red on the bottom, the middle of the tower is green, the top is the middle.",
    "Put red on the bottom, the middle of the tower is green.",  # a middle, and nothing above it
    "Red on the bottom, the middle is green, the top is the middle.",
])
def test_a_place_in_a_tower_given_to_no_cube_refuses(text: str) -> None:
    moves_nothing(text)


@pytest.mark.parametrize("text", [
    "Red on the bottom, the middle is green, the top is blue.",
    "Red at the bottom, green in the middle, blue on top.",
    "Red on the bottom, the middle of the tower is green, the top is blue.",
])
def test_every_place_in_a_tower_given_still_plans(text: str) -> None:
    assert steps(text, S3) == mv("green", "red") + mv("blue", "green")


# ---------------------------------------------------------------- home said first, meant last (s12 fi35-017)
@pytest.mark.parametrize("text, expected", [
    ("Go home when you're done, but before you do, put the red cube on the pad.", [*mv("red", "pad"), "go_home()"]),
    ("Go home when you are done, but first put the red cube on the pad and the blue one in the bin.",
     mv("red", "pad") + mv("blue", "bin") + ["go_home()"]),
])
def test_home_said_first_and_meant_last(text: str, expected: list[str]) -> None:
    assert steps(text, S3) == expected


@pytest.mark.parametrize("text", [
    "Go home when you're done, but before you do, don't put the red cube on the pad.",
    "Go home when you're done.",
    "Don't go home when you're done, but before you do, put the red cube on the pad.",
])
def test_home_said_first_near_misses_refuse(text: str) -> None:
    moves_nothing(text)


# ---------------------------------------------------------------- A1 s13 findings against this session's readings
YELLOW_ON_PAD = cube_scene(("yellow", [0.6, 0.2, 0.022]), ("purple", [0.4, 0.2, 0.022]), ("orange", [0.5, -0.2, 0.022]),
                           on={"yellow_cube": "pad"})
TOWER = cube_scene(("orange", [0.5, 0.0, 0.022]), ("yellow", [0.5, 0.0, 0.066]), ("purple", [0.4, 0.2, 0.022]))
S6 = cube_scene(("red", [0.45, 0.1, 0.022]), ("blue", [0.55, -0.12, 0.022]), ("green", [0.38, -0.02, 0.022]),
                ("yellow", [0.6, 0.2, 0.022]), ("orange", [0.5, -0.25, 0.022]), ("purple", [0.65, -0.05, 0.022]))


@pytest.mark.parametrize("text, state", [
    # H43: taken off a cube it is not on
    ("The one sat on top of the orange, whip it off the purple and stick it on the pad.", TOWER),
    # H44: "only" in a question, a rule or a guess
    ("Only the yellow one should go onto the pad?", S5),
    ("Only the yellow one goes onto the pad?", S5),
    ("So only the yellow one should go onto the pad?", S5),
    ("Don't move the red one. Only the yellow one should go onto the pad?", S5),
    ("Only the yellow one can go onto the pad.", S5),
    ("Only the yellow one could go onto the pad.", S5),
    ("Only the yellow one goes onto the pad, I guess.", S5),
    # H46: the speaker says they build the tower
    ("Make a tower with red at the bottom, blue in the middle and green on top. I'll do that.", S6),
    ("Make a tower with red at the bottom, blue in the middle and green on top. I will.", S6),
    ("Tower: red bottom, blue middle, green top. I'll do it.", S6),
    ("I need a tower. red on bottom then blue then green top. I'll do it quick.", S6),
    # H47: "clear it down" where the quantifier does not clear the table into the bin
    ("Every block on this table goes on the pad. Clear it down.", S6),
    ("Every block on this table goes on the left side. Clear the table.", S6),
    ("Every block on this table goes in the bin except the red one. Clear it down.", S6),
    ("Every block on this table goes in the bin except the red one. Clear the entire table off.", S6),
    # b110, b111, b116
    ("Only the yellow one should go onto the pad.", YELLOW_ON_PAD),  # there already: nothing moves
    ("First put the green cube in the bin, then the blue cube you put on the pad, I think.", S6),
    ("Go home when you're done, but before you do, the yellow one goes on the pad, I think.", S6),
    ("Make a tower with red at the bottom, blue in the middle and green on top. Let me do it.", S6),
    ("Make a tower with red at the bottom, blue in the middle and green on top. I do it.", S6),
    ("Tower: red bottom, blue middle, green top. I could do it.", S6),
    ("Move the purple cube onto the pad. Subsequently the orange one goes in the bin?", S6),
    ("Move the purple cube onto the pad. Then after that the orange one goes in the bin?", S6),
])
def test_a1_s13_findings_refuse(text: str, state: SceneState) -> None:
    moves_nothing(text, state)


def test_a1_s13_near_misses_still_plan() -> None:
    assert steps("Could you make a tower with red at the bottom, blue in the middle and green on top?", S6) == \
        mv("blue", "red") + mv("green", "blue")
    assert steps("Put the red cube in the bin, then the blue one on the pad, I think.", S6) == \
        mv("red", "bin") + mv("blue", "pad")
    assert steps("The one sat on top of the orange, whip it off and stick it on the pad.", TOWER) == mv("yellow", "pad")
    assert steps("I'd like a tower: red on bottom then blue then green top.", S3) == \
        mv("blue", "red") + mv("green", "blue")
