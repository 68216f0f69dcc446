"""Session 19, English meaning (issue #17): families of the seen failures (fresh_independent_45-54) and of the dev
splits fi55/fi56, each a closed form with its negated, asked, reported and near-miss twins.

- F1 "top cube" said with no article ("top cube goes on the pad", fi48-019; "Put top cube on the pad."): the top cube,
  asked among two stacks' tops as "the top cube" is.
- F2 keeping the arm away from a named cube is not touching it: "Don't go near the red one" (fi45-000, fi54-031),
  "never go near", "stay / keep away from", "steer / keep clear of" read as "don't touch X"; never after another
  negation, and only where that cube stands in no stack: lifting a cube off it or setting one on its stack takes the
  arm to it (A1 s19 H147). And "he's grand where he is" after it (fi54-031), a reason of the closed "fine where it
  is" shape.
- F3 quantifiers: "every other cube" after a cube set apart = all the other cubes (fi54-030); the whole reach said
  again ("without exception", "no exceptions", "bar none", fi48-073); a learner's "both cube" = both cubes (fi48-067).
- F4 the lone cube (dev fi55-026, fi56-005, seen fi50-000): "the cube (that's) on its own / by itself / which is
  standing alone" is a cube in no stack: that one, asked among two or more, refused with none.
- F5 "take X and keep it on the pad" = put X on the pad (dev fi56-057); "leave X (moored/sitting) where she is" =
  leave X where it is (dev fi55-045).
"""

from __future__ import annotations

import pytest
from planner_asserts import S3, asks, cube_scene, moves_nothing, plans_as
from test_planner_fresh12_words import mv

# two stacks (green on red, yellow on blue), as the splits' "ambiguous" records show them
TWO_STACKS = cube_scene(("red", [0.45, 0.12, 0.022]), ("green", [0.45, 0.12, 0.07]), ("blue", [0.56, -0.1, 0.022]),
                        ("yellow", [0.56, -0.1, 0.07]))
ONE_STACK = cube_scene(("red", [0.45, 0.12, 0.022]), ("green", [0.45, 0.12, 0.07]), ("blue", [0.56, -0.1, 0.022]))
# one stack (blue on red) and two cubes on their own (green, yellow): fi55-026's scene
LONE = cube_scene(("red", [0.5, 0.1, 0.022]), ("blue", [0.5, 0.1, 0.066]), ("green", [0.42, -0.1, 0.022]),
                  ("yellow", [0.6, -0.15, 0.022]))
S2 = cube_scene(("red", [0.45, 0.1, 0.022]), ("blue", [0.55, -0.12, 0.022]))
# red stacked on blue (said in "on"), green alone
STACK = cube_scene(("red", [0.45, 0.1, 0.066]), ("blue", [0.45, 0.1, 0.022]), ("green", [0.38, -0.02, 0.022]),
                   on={"red_cube": "blue_cube"})


@pytest.mark.parametrize("text", ["Put top cube on the pad.", "Top cube goes on the pad.", "top cube goes on the pad",
                                  "Move top block to the right side."])
def test_top_cube_without_an_article_asks_among_the_tops(text: str) -> None:
    asks(text, TWO_STACKS, {"green_cube", "yellow_cube"})


@pytest.mark.parametrize(("text", "want"), [("Put top cube on the pad.", mv("green", "pad")),
                                            ("Top cube goes in the bin.", mv("green", "bin"))])
def test_top_cube_without_an_article_takes_the_one_top(text: str, want: list[str]) -> None:
    plans_as(text, want, ONE_STACK)


@pytest.mark.parametrize("text", ["Did you put top cube on the pad?", "Top cube on the pad?", "Put top on the pad.",
                                  "Don't put top cube on the pad.", "Put top cubes on the pad.",
                                  "Put the top cubes on the pad."])
def test_top_cube_twins_move_nothing(text: str) -> None:
    moves_nothing(text, ONE_STACK)


@pytest.mark.parametrize("text", [
    "Don't go near the red one. Push the blue one forward.",
    "Don't go near the red one, mate. Just shove the blue one forward a bit.",
    "Don't go anywhere near the red one. Push the blue one forward.",
    "Never go near the red cube. Push the blue cube forward.",
    "Do not go close to the red cube. Push the blue cube forward.",
    "Keep away from the red cube. Push the blue cube forward.",
    "Stay away from the red cube, push the blue cube forward.",
    "Steer clear of the red cube. Push the blue cube forward.",
    "Don't touch the red one, he's grand where he is. Push the blue one forward.",
    "Leave the red one alone, she's happy where she is. Push the blue one forward.",
])
def test_keeping_away_from_a_named_cube_is_not_touching_it(text: str) -> None:
    plans_as(text, ["push(object=blue_cube, direction=forward)"], S2)


@pytest.mark.parametrize("text", [
    "Don't stay away from the red one. Push the blue one forward.",  # a negation of the keeping away
    "Did you go near the red one? Push the blue one forward.",
    "Don't go near the red one? Push the blue one forward.",
    "You don't go near the red one. Push the blue one forward.",
    "Maybe don't go near the red one. Push the blue one forward.",
    "Go near the red one. Push the blue one forward.",  # the arm sent to a cube
    "Don't go near the red one. Push it forward.",  # "it" is the cube kept away from
    "Don't go near the red one.",  # nothing to do
    "Don't go near the bin. Push the blue one forward.",  # not a cube
    "Don't touch the red one, he's grand where he is not. Push the blue one forward.",
    "Don't touch the red one, it's grand where it is? Push the blue one forward.",
])
def test_keeping_away_twins_move_nothing(text: str) -> None:
    moves_nothing(text, S2)


@pytest.mark.parametrize("text", [
    "Stay away from the blue one. Put the red one in the bin.",  # red is lifted off blue (A1 s19 H147)
    "Don't go near the blue one. Put the red one in the bin.",
    "Keep away from the blue one. Put the green one on the red one.",  # set down on blue's stack
    "Don't go near the red one. Put the green one in the bin.",  # red itself is on a stack
])
def test_keeping_away_from_a_cube_in_a_stack_moves_nothing(text: str) -> None:
    moves_nothing(text, STACK)


@pytest.mark.parametrize(("text", "want"), [
    ("Don't go near the green one. Put the red one in the bin.", mv("red", "bin")),
    ("Stay away from the green one, put the red one on the pad.", mv("red", "pad")),
])
def test_keeping_away_from_a_cube_in_no_stack_beside_a_stack_plans(text: str, want: list[str]) -> None:
    plans_as(text, want, STACK)


@pytest.mark.parametrize(("text", "want"), [
    ("Leave the red cube alone and move every other cube to the right side.",
     mv("blue", "right") + mv("green", "right")),
    ("Leave the red cube alone and put every other block in the bin.", mv("blue", "bin") + mv("green", "bin")),
    ("Put red on the pad and every other cube in the bin.", mv("red", "pad") + mv("blue", "bin") + mv("green", "bin")),
    ("Each and every cube on this table is to be moved to the left side, without exception.",
     mv("red", "left") + mv("blue", "left") + mv("green", "left")),
    ("Put every cube in the bin, without exception.", mv("red", "bin") + mv("blue", "bin") + mv("green", "bin")),
    ("Put all the cubes in the bin, no exceptions.", mv("red", "bin") + mv("blue", "bin") + mv("green", "bin")),
    ("Put all the cubes on the pad, bar none.", mv("red", "pad") + mv("blue", "pad") + mv("green", "pad")),
])
def test_quantifier_families_plan(text: str, want: list[str]) -> None:
    plans_as(text, want, S3)


@pytest.mark.parametrize(("text", "want"), [("Put both cube on the pad.", mv("red", "pad") + mv("blue", "pad")),
                                            ("Put both block in the bin.", mv("red", "bin") + mv("blue", "bin"))])
def test_both_with_a_singular_noun_is_both_cubes(text: str, want: list[str]) -> None:
    plans_as(text, want, S2)


@pytest.mark.parametrize("text", [
    "Put every other cube in the bin.",  # nothing set apart before: every second one? unread
    "Don't leave the red cube alone and move every other cube to the right side.",
    "Did you leave the red cube alone and move every other cube to the right side?",
    "Don't put every cube in the bin, without exception.",
    "Put every cube except red in the bin, without exception.",  # after an exception: all, or all but it?
    "Put the red cube in the bin, without exception.",  # no quantifier
    "Put both cube on the pad.",  # three cubes: "both" needs two
])
def test_quantifier_twins_move_nothing(text: str) -> None:
    moves_nothing(text, S3)


@pytest.mark.parametrize("text", [
    "Please put the cube that's on its own onto the pad.", "Put the cube on its own in the bin.",
    "Move the cube that's sitting on its own over to the bin.", "Put the cube by itself in the bin.",
    "Kindly put the cube which is standing alone into the bin.", "Put the block that is sitting all alone in the bin.",
])
def test_the_lone_cube_asks_among_the_cubes_in_no_stack(text: str) -> None:
    asks(text, LONE, {"green_cube", "yellow_cube"})


@pytest.mark.parametrize(("text", "want"), [("Put the cube on its own in the bin.", mv("blue", "bin")),
                                            ("Kindly put the cube which is standing alone on the pad.",
                                             mv("blue", "pad"))])
def test_the_lone_cube_with_one_such_is_that_one(text: str, want: list[str]) -> None:
    plans_as(text, want, ONE_STACK)


@pytest.mark.parametrize("text", [
    "Put the green cube on its own in the bin.",  # in ONE_STACK green is on red: not on its own
    "Did you put the cube on its own in the bin?", "Put the cube which is not standing alone in the bin.",
    "Leave the red cube standing alone and put the blue one in the bin.", "Put it on its own in the bin.",
])
def test_lone_twins_move_nothing(text: str) -> None:
    moves_nothing(text, ONE_STACK)


@pytest.mark.parametrize(("text", "want"), [
    ("Please take the red cube and keep it on the pad.", mv("red", "pad")),
    ("Pick up the red cube and keep it in the bin.", mv("red", "bin")),
    ("Leave the red one where she is, and put the blue one on the pad.", mv("blue", "pad")),
    ("Leave the red one moored where she is, and put the blue one on the pad.", mv("blue", "pad")),
    ("Leave the red one sitting where he is, and put the blue one on the pad.", mv("blue", "pad")),
])
def test_keep_after_take_and_left_where_she_is(text: str, want: list[str]) -> None:
    plans_as(text, want, S3)


def test_left_where_she_is_then_the_other_block_asks() -> None:
    asks("Leave the red one moored where she is, and put the other one on the pad.", S3, {"blue_cube", "green_cube"})


@pytest.mark.parametrize("text", [
    "Don't take the red cube and keep it on the pad.", "Did you take the red cube and keep it on the pad?",
    "Take the red cube and don't keep it on the pad.", "Take the red cube and keep it away from the pad.",
    "Take the red cube and keep the blue one on the pad.",
    "Don't leave the red one where she is, and put the blue one on the pad.",
    "Leave the red one where she was, and put the blue one on the pad.", "Leave the red one moored where she is.",
])
def test_keep_and_where_she_is_twins_move_nothing(text: str) -> None:
    moves_nothing(text, S3)
