"""Session 12's English meaning readings (issue #17): towers and goal states, order words, quantifiers and exclusions,
negation constraints with a reason, relative references and pushes (the dev_s12 classes, REV s11 R2, A1 s11 H33),
each with negated, reordered and near-miss variants that must still refuse or ask."""

from __future__ import annotations

import pytest
from planner_asserts import S3, cube_scene, moves_nothing
from test_planner_fresh12_words import mv, plan, steps

from policies.planner import Clarification, Step
from policies.planner.pairing import pairing_error


# ------------------------------------------------------------------ towers: roles said before their cube (REV s11 R2)
@pytest.mark.parametrize("text", [
    "Build a tower. The bottom: green, the middle: blue, the top: red.",
    "Tower: the bottom green, the middle blue, the top red.",
    "Build a tower with the bottom green, the middle blue and the top red.",
    "Make a tower: the base green, then blue, the top red.",
    "Tower: the top red, the middle blue, the bottom green.",
    "Tower, the very bottom: green, then blue, then red.",
    "Build a tower: bottom green, middle blue, top red.",
    # the prepositional role still closes the cube before it (s11 dev fi30-012)
    "Tower: green on the bottom blue in the middle red on top.",
    "Build a tower: green at the bottom, blue in the middle, red at the top.",
])
def test_roles_before_their_cubes_with_the_article(text: str) -> None:
    assert steps(text, S3) == mv("blue", "green") + mv("red", "blue")


@pytest.mark.parametrize("text", [
    "Don't build a tower. The bottom: green, the middle: blue, the top: red.",  # negated
    "Tower: the bottom green, the bottom blue, the top red.",  # two bottoms
    "Tower: the bottom green, the middle blue, the middle red.",  # two middles, no top
    "Tower: the bottom green, the middle blue, the top green.",  # a cube twice
    "Tower: the bottom green, the middle blue, the top yellow.",  # absent cube
    "Tower: the bottom green, the middle blue, the top red. Actually no.",  # taken back
])
def test_roles_before_their_cubes_near_misses_refuse(text: str) -> None:
    moves_nothing(text)


# ------------------------------------------------------------------ towers: "at the bottom of the pad" (A1 s11 H33)
@pytest.mark.parametrize("text", [
    "Build a tower with red at the bottom of the pad, blue in the middle, green on top.",
    "Red goes on the bottom of the pad, blue in the middle, green on top.",
    "red at the bottom of the pad, blue in the middle, green on top",
    "Red at the very bottom of the white pad, then blue, then green on top.",
])
def test_bottom_of_the_pad_is_the_towers_place(text: str) -> None:
    assert steps(text, S3) == mv("red", "pad") + mv("blue", "red") + mv("green", "blue")


def test_bottom_of_the_pad_with_the_base_already_there() -> None:
    on_pad = cube_scene(("red", [0.45, 0.1, 0.022]), ("blue", [0.55, -0.12, 0.022]), ("green", [0.38, -0.02, 0.022]),
                    on={"red_cube": "pad"})
    assert steps("Red at the bottom of the pad, blue in the middle, green on top.", on_pad) == \
        mv("blue", "red") + mv("green", "blue")


@pytest.mark.parametrize("text", [
    "Red goes on the bottom of the bin, blue in the middle, green on top.",  # no tower in the bin
    "Red at the bottom of the bin, blue in the middle, green on top.",
    "Build a tower with red at the bottom of the bin, blue in the middle, green on top.",
    "Red at the bottom of the pad, blue in the middle, green on top, in the bin.",  # two places
    "Red at the bottom of the pad, blue in the middle, green on top of the left side.",  # a place said with 'of'
    "Red at the bottom, blue in the middle, green on top of the left side.",
    "Don't put red at the bottom of the pad, blue in the middle, green on top.",  # negated
    "Red at the bottom of the pad, blue in the middle, red on top.",  # a cube twice
    "Red goes on the bottom of the blue one, blue in the middle, green on top.",  # below a cube of the tower
    "Red at the bottom of the table, blue in the middle, green on top.",  # no such place
    "Red at the bottom of the pad, blue in the middle, yellow on top.",  # absent cube
])
def test_bottom_of_a_place_near_misses_refuse(text: str) -> None:
    moves_nothing(text)


# ------------------------------------------------------------------ order: a start said late, "before that happens"
S_ORY = cube_scene(("red", [0.5, -0.1, 0.022]), ("orange", [0.4, 0.12, 0.022]), ("yellow", [0.6, 0.2, 0.022]))


@pytest.mark.parametrize(("text", "want"), [
    # fi35-017's tail: it ran yellow>pad LAST (a wrong plan at 341252d)
    ("Put the orange cube on the red one, then go home. But start by moving the yellow one to the pad.",
     mv("yellow", "pad") + mv("orange", "red") + ["go_home()"]),
    ("Put the orange cube on the red one. Start by moving the yellow one to the pad.",
     mv("yellow", "pad") + mv("orange", "red")),
    ("Put the orange cube on the red one. And begin by moving the yellow one to the pad.",
     mv("yellow", "pad") + mv("orange", "red")),
    ("Put the orange cube on the red one. Start off by moving the yellow one to the pad.",
     mv("yellow", "pad") + mv("orange", "red")),
    ("Put the orange cube on the red one, but start with moving the yellow one to the pad.",
     mv("yellow", "pad") + mv("orange", "red")),
    ("Start by moving the yellow one to the pad, then put the orange cube on the red one.",
     mv("yellow", "pad") + mv("orange", "red")),
])
def test_a_start_said_late_runs_first(text: str, want: list[str]) -> None:
    assert steps(text, S_ORY) == want


@pytest.mark.parametrize("text", [
    "Put the orange cube on the red one. Then start by moving the yellow one to the pad.",  # then vs start
    "Put the orange cube on the red one, then start by moving the yellow one to the pad.",
    "Put the orange cube on the red one. But first, start by moving the yellow one to the pad.",  # two order words
    "Put the orange cube on the red one. Start by moving the yellow one to the pad, then go home.",  # which order?
    "Put the orange cube on the red one. Don't start by moving the yellow one to the pad.",  # negated
    "Put the orange cube on the red one. I will start by moving the yellow one to the pad.",  # the speaker's
    # a start said after the cubes: the base of a tower or the first step? (it built yellow, red, orange)
    "Put the orange cube on the red one. Start with the yellow one.",
])
def test_a_start_said_late_near_misses_refuse(text: str) -> None:
    moves_nothing(text, S_ORY)


S_RGY = cube_scene(("red", [0.44, 0.12, 0.022]), ("green", [0.58, -0.08, 0.022]), ("yellow", [0.38, -0.2, 0.022]))


@pytest.mark.parametrize("text", [
    "The red cube needs to end up in the bin, but before that happens, set the green one on the pad.",  # fi34-015
    "Put the red cube in the bin, but before that happens, set the green one on the pad.",
])
def test_before_that_happens(text: str) -> None:
    assert steps(text, S_RGY) == mv("green", "pad") + mv("red", "bin")


@pytest.mark.parametrize("text", [
    "Put the red cube in the bin, but before that happens, don't set the green one on the pad.",  # negated
    "Put the red cube in the bin, but before that ever happens, set the green one on the pad.",  # unread word
    "Put the red cube in the bin. Before that happens, set the green one on the pad, then go home.",  # which?
    "Before that happens, set the green one on the pad.",  # nothing to refer to
])
def test_before_that_happens_near_misses_refuse(text: str) -> None:
    moves_nothing(text, S_RGY)


# ------------------------------------------------------------------ quantifiers: goal passives, "All. Not X.", "empty"
S_YP = cube_scene(("yellow", [0.45, -0.12, 0.022]), ("purple", [0.58, 0.1, 0.022]))
S_OPB = cube_scene(("orange", [0.44, 0.1, 0.022]), ("purple", [0.56, -0.04, 0.022]), ("blue", [0.4, -0.19, 0.022]))


@pytest.mark.parametrize("text", [
    "Each cube presently on the table ought to be relocated to the pad.",  # fi35-023 without its aside
    "Each cube on the table should be moved to the pad.",
    "Every cube should be moved to the pad.",
    "Every one of them goes over to the pad.",
])
def test_the_goal_said_in_the_passive(text: str) -> None:
    assert steps(text, S_YP) == mv("yellow", "pad") + mv("purple", "pad")


@pytest.mark.parametrize("text", [
    "Each cube presently on the table should not be moved to the pad.",  # negated
    "Each cube on the table ought not to be relocated to the pad.",
    "Every cube should have been moved to the pad.",  # a report
    "Every cube was moved to the pad.",
    "Every cube will be moved to the pad by me.",
    "Every cube should be painted to the pad.",  # no placing verb
    "Each cube should be moved to the pad and the bin.",  # two places
])
def test_the_goal_said_in_the_passive_near_misses_refuse(text: str) -> None:
    moves_nothing(text, S_YP)


def test_on_the_table_with_a_cube_elsewhere_is_not_every_cube() -> None:
    in_bin = cube_scene(("yellow", [0.45, -0.12, 0.022]), ("purple", [0.58, 0.1, 0.022]), on={"yellow_cube": "bin"})
    moves_nothing("Each cube presently on the table ought to be relocated to the pad.", in_bin)


@pytest.mark.parametrize(("text", "want"), [
    ("Everything to the pad. Not the purple one.", mv("orange", "pad") + mv("blue", "pad")),  # fi34-028's exclusion
    # fi34-028 itself: a bare "All" before a place reads every cube since 265c614 (P3 s21), as the seen gold plans it
    ("All to the pad. Not the purple.", mv("orange", "pad") + mv("blue", "pad")),
    ("Put every cube on the pad. Not the purple or the blue.", mv("orange", "pad")),
    ("Put every cube on the pad. Not the purple, and not the blue.", mv("orange", "pad")),
    ("Put every cube except orange on the pad. Not the purple.", mv("blue", "pad")),
])
def test_all_then_not_x_as_the_next_sentence(text: str, want: list[str]) -> None:
    assert steps(text, S_OPB) == want


@pytest.mark.parametrize("text", [
    # a bare "all" asked is not read (A1 s12 H38: "All in the bin?" arrives here without its question mark)
    "All to the pad? Not the purple.",
    "All in the bin. Not the purple?",
    "All in the bin?",
    "All to the bin now, yeah?",
    "Put every cube on the pad. Not the yellow.",  # absent
    "Put every cube on the pad. Not yet.",  # no cube
    "Put every cube on the pad. Not!",
    "Put every cube on the pad. Not the purple?",  # a question
    "Put every cube on the pad? Not the purple.",
    "Don't put every cube on the pad. Not the purple.",  # negated
    "Put every cube on the pad. Not purple, blue.",  # a correction or a list?
    "Put every cube on the pad. Not the purple, the blue.",
    "Put every cube on the pad. Not the purple. Not the blue.",
    "Put every cube on the pad. Not the purple, put it in the bin.",  # a pronoun after it
])
def test_all_then_not_x_near_misses_refuse(text: str) -> None:
    moves_nothing(text, S_OPB)


S_RB = cube_scene(("red", [0.4, 0.1, 0.022]), ("blue", [0.55, -0.1, 0.022]))


@pytest.mark.parametrize(("text", "want"), [
    ("empty the table, everything on it goes in the bin", mv("red", "bin") + mv("blue", "bin")),  # fi34-023
    ("clear the table, everything on it goes in the bin", mv("red", "bin") + mv("blue", "bin")),
    ("empty the table, everything on it goes in the bin except the red one", mv("blue", "bin")),
    ("empty the table, everything on it goes in the bin, then go home", mv("red", "bin") + mv("blue", "bin") +
     ["go_home()"]),
])
def test_empty_the_table_everything_on_it(text: str, want: list[str]) -> None:
    assert steps(text, S_RB) == want


@pytest.mark.parametrize("text", [
    "don't empty the table, everything on it goes in the bin",
    "empty the table, nothing on it goes in the bin",
    "empty the table, everything in it goes in the bin",
    "empty the table, everything on it stays",
    "empty the table",  # no place
    "everything on it goes in the bin",  # "it" names nothing
])
def test_empty_the_table_near_misses_refuse(text: str) -> None:
    moves_nothing(text, S_RB)


def test_empty_the_table_with_a_cube_already_off_it_refuses() -> None:
    on_pad = cube_scene(("red", [0.4, 0.1, 0.022]), ("blue", [0.55, -0.1, 0.022]), on={"red_cube": "pad"})
    moves_nothing("empty the table, everything on it goes in the bin", on_pad)


# ------------------------------------------------------------------ pushes: "in toward your base"
S_PB = cube_scene(("purple", [0.58, 0.05, 0.022]), ("blue", [0.45, -0.15, 0.022]))


@pytest.mark.parametrize("text", [
    "nudge the purple cube in toward your base a little",  # fi34-047
    "push the purple cube in towards you",
])
def test_push_in_toward_the_robot(text: str) -> None:
    assert steps(text, S_PB) == ["push(object=purple_cube, direction=backward)"]


@pytest.mark.parametrize("text", [
    "don't nudge the purple cube in toward your base",  # negated
    "nudge the purple cube in toward the pad",  # a place, which no push reaches
    "put the purple cube in toward your base",  # no push
    "push the purple cube in the bin towards you",  # a place
])
def test_push_in_toward_near_misses_refuse(text: str) -> None:
    moves_nothing(text, S_PB)


# --------------------------------------------------------- towers: a stacking clause names its lower cube again
S_YBOR = cube_scene(("yellow", [0.4, 0.0, 0.022]), ("blue", [0.55, 0.18, 0.022]), ("orange", [0.5, -0.15, 0.022]),
                ("red", [0.62, 0.05, 0.022]))


@pytest.mark.parametrize("text", [
    "orange goes at the very bottom, put the blue cube on the orange, and the yellow one ends up highest.",  # fi35-014
    "orange goes at the very bottom, put the blue cube on the orange one, and the yellow one on top.",
    "yellow ends up highest, put the blue cube on the orange, and orange goes at the very bottom.",
])
def test_tower_with_a_stacking_clause_naming_the_base_again(text: str) -> None:
    assert steps(text, S_YBOR) == mv("blue", "orange") + mv("yellow", "blue")


@pytest.mark.parametrize("text", [
    "orange goes at the very bottom, put the blue cube on the yellow, and the yellow one ends up highest.",
    "orange goes at the very bottom, put the yellow cube on the orange, and the yellow one ends up highest.",
    "orange goes at the very bottom, put the blue cube on the orange, and the orange one ends up highest.",
    "orange goes at the very bottom, don't put the blue cube on the orange, and the yellow one ends up highest.",
    "orange goes at the very bottom, put the blue cube on the red, and the yellow one ends up highest.",
    "orange goes at the very bottom, put the blue cube on the orange, put the red cube on the orange, and the yellow "
    "one ends up highest.",
])
def test_tower_with_a_stacking_clause_near_misses_refuse(text: str) -> None:
    moves_nothing(text, S_YBOR)


# --------------------------------------------------------- a stack said to be there already; "finish the tower"
S_TOWER = cube_scene(("orange", [0.5, 0.0, 0.022]), ("blue", [0.5, 0.0, 0.066]), ("purple", [0.4, 0.2, 0.022]))


@pytest.mark.parametrize("text", [
    "blue's already sitting on the orange cube, so just finish the tower off with the purple one on top",  # fi34-014
    "finish the tower off with the purple one on top",
    "finish the tower with the purple cube on top",
    "blue's already sitting on the orange cube, so put the purple one on top",
])
def test_finish_the_tower_with_x_on_top(text: str) -> None:
    assert steps(text, S_TOWER) == mv("purple", "blue")


def test_a_true_premise_then_a_request() -> None:
    assert steps("blue's already sitting on the orange cube, so put the purple one in the bin", S_TOWER) == \
        mv("purple", "bin")


@pytest.mark.parametrize("text", [
    "orange's already sitting on the blue cube, so just finish the tower off with the purple one on top",  # false
    "purple's already sitting on the orange cube, so just finish the tower off with the blue one on top",  # false
    "blue's not already sitting on the orange cube, so just finish the tower off with the purple one on top",
    "blue's already sitting on the orange cube, so don't finish the tower off with the purple one on top",
    "blue's already sitting on the orange cube, so just finish the tower off with the blue one on top",  # itself
    "blue's already sitting on the orange cube, so just finish the tower off with the red one on top",  # absent
    "blue's already sitting on the orange cube, so just finish the tower off with the purple one on top?",
    "blue's already sitting on the orange cube, so just finish the tower off with the purple one on top. Actually no.",
    "blue is already on the orange cube, and put purple on top",  # no "so": a report beside a request
    "I'll finish the tower with the purple cube on top.",  # the speaker's
    "blue's already sitting on the orange cube",  # no request
])
def test_premise_and_finish_near_misses_refuse(text: str) -> None:
    moves_nothing(text, S_TOWER)


def test_finish_the_tower_with_no_stack_refuses() -> None:
    moves_nothing("finish the tower off with the purple one on top", S_YP)


def test_a_true_premise_then_an_open_pronoun_asks() -> None:
    result = plan("blue's already sitting on the orange cube, so put it in the bin", S_TOWER)
    assert isinstance(result, Clarification), result


# ------------------------------------------------------------------ the model's plan: a named cube used as a support
def _stack_plan(upper: str, lower: str) -> list[Step]:
    return [Step(skill="pick", args={"object": f"{upper}_cube"}),
            Step(skill="place_on", args={"object": f"{lower}_cube"})]


S_YO = cube_scene(("orange", [0.5, 0.0, 0.022]), ("yellow", [0.5, 0.0, 0.066]), ("purple", [0.4, 0.2, 0.022]))


@pytest.mark.parametrize("text", [
    "On top, put the purple cube.",  # A1 s11 H35: the model ran yellow^purple
    "On top: the purple cube.",
    "On top, the purple cube.",
    "Put on top the purple cube.",
    "On the top, put the purple one.",
])
def test_a_named_cube_never_said_as_a_support_is_not_one(text: str) -> None:
    assert pairing_error(text, S_YO, _stack_plan("yellow", "purple")) is not None


@pytest.mark.parametrize(("text", "upper", "lower"), [
    ("Put the purple cube on the yellow one.", "purple", "yellow"),  # said as the support
    ("Stack purple on top of yellow.", "purple", "yellow"),
])
def test_a_support_the_words_give_passes(text: str, upper: str, lower: str) -> None:
    assert pairing_error(text, S_YO, _stack_plan(upper, lower)) is None


# ------------------------------------------------------------------ A1 s12 near misses of the readings above
@pytest.mark.parametrize("text", [
    "Put the red cube in the bin. Start by putting the red one on the pad.",  # the same cube twice
    "The red cube needs to end up in the bin, but before that happens, set the red one on the pad.",
])
def test_a_reordered_clause_moving_the_same_cube_refuses(text: str) -> None:
    moves_nothing(text)


@pytest.mark.parametrize("text", [
    "The bottom: green, the middle: blue, the top: red.",  # no "tower": the roles alone
    "The bottom: green, the middle: blue and the top: red.",
])
def test_roles_before_their_cubes_without_the_word_tower(text: str) -> None:
    assert steps(text, S3) == mv("blue", "green") + mv("red", "blue")


@pytest.mark.parametrize("text", [
    "The bottom: green, the middle: blue and red, the top: red.",
    "Tower: the bottom green, the middle blue and red.",  # do both take the middle, in which order?
    "Red at the bottom of the left side, blue in the middle, green on top.",  # its near edge?
    "Red on the floor of the pad, blue in the middle, green on top.",
])
def test_roles_before_their_cubes_shared_or_placed_with_of_refuse(text: str) -> None:
    moves_nothing(text)


@pytest.mark.parametrize("text", [
    "Push both of them forward. Not the blue one.",  # "both" then one left out: contradictory
    "Put the three cubes on the pad. Not the blue one.",  # a count then one left out
])
def test_not_x_after_both_or_a_count_refuses(text: str) -> None:
    moves_nothing(text)
