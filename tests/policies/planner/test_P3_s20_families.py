"""Session 20, English meaning (issue #17): families of the seen failures (fresh_independent_45-57) and of the dev
splits fi58/fi59, each a closed form with its negated, asked, reported, hedged and near-miss twins.

- F-KEEP keeping a cube back beside "the rest" (seen fi48-058 "Keep the blue one, bin the rest."): keep / save / hang
  on to / hold on to X set it apart as skip / spare / ignore do; "keep X on the pad" stays unread.
- F-AGAIN the speaker insisting on a quantifier's reach in an aside right after it (seen fi56-064 "Every cube (and I
  do mean every one of them) should go ...", fi45-051): dropped; the guess screens read the words without it.
- F-ALLX the quantifier said again with its exception (seen fi51-066 "All cubes to the right side, all except the
  purple one!"): the exception of that clause.
- D1 people, times and events counted, never cubes (dev fi58-005 "after every gig", fi58-026 "the whole act", fi58-079
  "everyone's been on about"): no quantifier (the rest of those records is chat, P1's).
- D2 "straight" before a placing preposition (dev fi59-023 "straight into the bin"): how directly, dropped.
- D4 "for each cube (on the table): place it in the bin" (dev fi59-031): every cube placed there.
- D6 a cube picked out by the colour it lacks without "that is" ("the one not red", dev fi58-052; "whichever one's
  not red", seen fi45-037): as "the one that isn't red": asked among two or more.
"""

from __future__ import annotations

import pytest
from planner_asserts import asks, cube_scene, moves_nothing, plans_as
from test_planner_fresh12_words import mv

FOUR = cube_scene(("red", [0.45, 0.15, 0.022]), ("blue", [0.55, -0.12, 0.022]), ("green", [0.38, -0.02, 0.022]),
                  ("yellow", [0.6, 0.1, 0.022]))
THREE = cube_scene(("purple", [0.45, 0.15, 0.022]), ("orange", [0.55, -0.12, 0.022]), ("red", [0.38, -0.02, 0.022]))
TWO = cube_scene(("yellow", [0.48, -0.1, 0.022]), ("orange", [0.56, 0.12, 0.022]))


def _all_but(place: str, spared: str, state=FOUR) -> list[str]:
    return [step for o in state.objects if o.color != spared for step in mv(o.color, place)]


@pytest.mark.parametrize("text", [
    "Keep the blue one, bin the rest.", "Keep the blue one and bin the rest.", "Bin everything, but keep the blue one.",
    "Put all the cubes in the bin, but save the blue one.", "Hang on to the blue one, bin the others.",
    "Hold on to the blue cube; bin the rest.",
])
def test_keeping_a_cube_back_beside_the_rest_spares_it(text: str) -> None:
    plans_as(text, _all_but("bin", "blue"), FOUR)


@pytest.mark.parametrize("text", [
    "Don't keep the blue one, bin the rest.", "Keep the blue one, don't bin the rest.",
    "Keep the blue one on the pad, bin the rest.",  # a place: not a cube set apart
    "I keep the blue one, bin the rest.", "You keep the blue one, I bin the rest.", "Keep the blue one.",
    "Keep the blue one, bin the red one.", "Maybe keep the blue one, bin the rest.",
    "Keep the blue one, maybe bin the rest.", "Did you keep the blue one and bin the rest?",
])
def test_keeping_twins_move_nothing(text: str) -> None:
    moves_nothing(text, FOUR)


@pytest.mark.parametrize("text", [
    "Every cube (and I do mean every one of them) should go to the right side.",
    "Every cube, and I do mean every one, should go to the right side.",
    "Every cube, and I really mean every single one, to the right side.",
    "Put all the cubes, and I do mean all of them, on the right side.",
])
def test_insisting_on_a_quantifiers_reach_is_the_quantifier(text: str) -> None:
    plans_as(text, [step for c in ("purple", "orange", "red") for step in mv(c, "right")], THREE)


@pytest.mark.parametrize("text", [
    "Every cube, and I do mean every one, should go to the right side, I think.",  # a guess, as without the aside
    "Every cube, and I do mean every one, should go to the right side?",
    "Every cube, and I don't mean every one, should go to the right side.",
    "Every cube, and I do mean every one but the red, should go to the right side.",
    "Every cube, and I do mean every one, went to the right side.",
    "Don't put every cube, and I do mean every one, on the right side.",
    "Every cube, and I do mean every one, should not go to the right side.",
    "Did every cube, and I do mean every one, go to the right side?",
    "Maybe every cube, and I do mean every one, to the right side.",
    "I put every cube, and I do mean every one, on the right side.",
    "The red cube, and I do mean every one, to the right side.",
])
def test_insisting_twins_move_nothing(text: str) -> None:
    moves_nothing(text, THREE)


@pytest.mark.parametrize("text", [
    "All cubes to the right side, all except the purple one!",
    "Put every cube on the right side, all but the purple one.",
])
def test_a_quantifier_said_again_with_its_exception_spares_it(text: str) -> None:
    plans_as(text, _all_but("right", "purple", THREE), THREE)


@pytest.mark.parametrize("text", [
    "Don't put all cubes on the right side, all except the purple one.",
    "All cubes to the right side, all except the purple one?",
    "Maybe all cubes to the right side, all except the purple one.",
    "All cubes to the right side, all except not the purple one.",
    "All cubes to the right side, all except the purple one, which goes in the bin.",
    "Put the red cube on the right side, all except the purple one.",
    "All cubes to the right side, all except the green one.",  # no such cube
])
def test_said_again_twins_move_nothing(text: str) -> None:
    moves_nothing(text, THREE)


@pytest.mark.parametrize(("text", "want"), [
    ("Put the red cube in the bin, everyone.", mv("red", "bin")),
])
def test_people_counted_are_no_quantifier(text: str, want: list[str]) -> None:
    plans_as(text, want, FOUR)


@pytest.mark.parametrize("text", [
    "Everyone into the bin!",  # no cube named: unread
    "Everyone into the bin except the blue one!", "Put every cube in the bin every time.",
    "Put the red cube in the bin after every gig.",
])
def test_people_counted_twins_move_nothing(text: str) -> None:
    moves_nothing(text, FOUR)


@pytest.mark.parametrize(("text", "want"), [
    ("Put the yellow cube straight into the bin.", mv("yellow", "bin")),
    ("Both cubes, both of them, straight into the bin!", mv("yellow", "bin") + mv("orange", "bin")),
    ("For each cube on the table: place it in the bin", mv("yellow", "bin") + mv("orange", "bin")),
    ("- for each cube on the table: place it in the bin", mv("yellow", "bin") + mv("orange", "bin")),
    ("For each cube, place it in the bin.", mv("yellow", "bin") + mv("orange", "bin")),
    ("For every block: put it on the pad.", mv("yellow", "pad") + mv("orange", "pad")),
    ("For each cube: push it left.", ["push(object=yellow_cube, direction=left)",
                                      "push(object=orange_cube, direction=left)"]),
])
def test_straight_and_for_each_read(text: str, want: list[str]) -> None:
    plans_as(text, want, TWO)


@pytest.mark.parametrize("text", [
    "Don't put the yellow cube straight into the bin.", "Put the yellow cube straight.",
    "For each cube on the table: don't place it in the bin.", "For each cube: maybe place it in the bin.",
    "For each cube: I place it in the bin.", "For each cube: place them in the bin.",
])
def test_straight_and_for_each_twins_move_nothing(text: str) -> None:
    moves_nothing(text, TWO)


@pytest.mark.parametrize("text", [
    "The one not red, push it forward.", "Whichever one's not red, push it forward.",
    "Whichever one's not red, move it to the right side. Thanks.", "Push the one not red forward.",
])
def test_the_one_not_of_a_colour_is_asked_among_the_others(text: str) -> None:
    asks(text, THREE, {"purple_cube", "orange_cube"})


@pytest.mark.parametrize("text", [
    "The one not red, don't push it forward.", "The one not red, push it forward?",
    "The one not red, maybe push it forward.",
])
def test_the_one_not_twins_move_nothing(text: str) -> None:
    moves_nothing(text, THREE)


def test_the_one_not_of_a_colour_with_one_other_cube_is_that_cube() -> None:
    plans_as("The one not orange, push it forward.", ["push(object=yellow_cube, direction=forward)"], TWO)


# D3 (dev fi58-063): the cubes asked of with "can / could" and "go", as "Can every cube go in the bin?" reads
BIN3 = cube_scene(("red", [0.45, 0.1, 0.022]), ("green", [0.38, -0.02, 0.022]), ("blue", [0.55, -0.12, 0.022]))


@pytest.mark.parametrize("text", [
    "Can all the cubes go in the bin?", "Could all the cubes go in the bin, please?", "Can every cube go in the bin?",
])
def test_can_all_the_cubes_go_somewhere_asks_for_it(text: str) -> None:
    plans_as(text, [step for c in ("red", "green", "blue") for step in mv(c, "bin")], BIN3)


@pytest.mark.parametrize("text", [
    "Can't all the cubes go in the bin?", "Can all the cubes not go in the bin?",
    "Why can all the cubes go in the bin?",
    "Can all the cubes go in the bin or not?", "I wonder if all the cubes can go in the bin.",
    "Can all the cubes fit in the bin?", "Could all the cubes go in the bin, do you think?",
    "Can all the cubes go in the bin, maybe?", "Can all the cubes be in the bin?", "Did all the cubes go in the bin?",
    "Can all the cubes go in the bin? No.",
])
def test_can_all_the_cubes_twins_move_nothing(text: str) -> None:
    moves_nothing(text, BIN3)


# D8 (dev fi58-044): the order said twice, "before that ... first": the closing "first" adds nothing
PURPLE_BLUE = cube_scene(("purple", [0.45, 0.1, 0.022]), ("blue", [0.55, -0.12, 0.022]))
PUSH_THEN_STACK = ["push(object=blue_cube, direction=backward)", *mv("purple", "blue")]


@pytest.mark.parametrize("text", [
    "Put the purple cube on top of the blue one, but before that push the blue one backward first.",
    "Put the purple cube on top of the blue one, but before you do that, push the blue one backward first.",
    "Put the purple cube on top of the blue one, but before that push the blue one backward.",
])
def test_before_that_and_first_said_twice_is_one_order(text: str) -> None:
    plans_as(text, PUSH_THEN_STACK, PURPLE_BLUE)


@pytest.mark.parametrize("text", [
    "Put the purple cube on top of the blue one, but before that don't push the blue one backward first.",
    "Put the purple cube on top of the blue one, but before that push the blue one backward first?",
    "Put the purple cube on top of the blue one, but before that maybe push the blue one backward first.",
    "Put the purple cube on top of the blue one, but before that maybe push the blue one backward.",  # (HEAD planned)
    "Put the purple cube on top of the blue one, but before you do that, perhaps push the blue one backward.",
    "Put the purple cube on top of the blue one, but before that push the blue one backward first, then go home.",
    "Before that push the blue one backward first.",
    "Put the purple cube on top of the blue one, but before that push the blue one backward first and the purple "
    "one second.",
])
def test_before_that_first_twins_move_nothing(text: str) -> None:
    moves_nothing(text, PURPLE_BLUE)
