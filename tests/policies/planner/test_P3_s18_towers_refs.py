"""Session 18, English meaning (issue #17): what kind of tower it is, and how a cube is said to sit on another.

- D3 (dev_s18 fi53-013 "Let's make a snowman tower! ..."): a word of praise, size or look, or a thing a column of cubes
  is likened to, right before the tower's noun ("a snowman tower", "a cute little tower", "a nice tall stack") says
  what kind of tower it is, never a role or a cube (towers._TOWER_KIND), only right after a making verb and its
  "a" (A1 s18 H134: "Look at the snowman tower! ..." shows a tower). Only there: the same word elsewhere in
  the description, another word ("fake", "upside-down"), praise with no making verb, a report, a question, a negation
  and a hedge keep the tower unread.
- D1 (seen fi48-013 "The cube presently resting upon the green cube ..."): how a cube is said to be where it is in a
  relative reference ("presently", "perched", "stacked", "situated", "positioned") reads as "sitting" did
  (mentions.RELATIVE_FILLERS): the cube on that one. A negated or past relative ("not stacked on", "that was
  sitting on") stays unread.
"""

from __future__ import annotations

import pytest
from planner_asserts import S3, asks, cube_scene, moves_nothing, plans_as, tower
from test_planner_fresh12_words import mv, steps

ROLES = "red at the bottom, blue in the middle and green on top"


@pytest.mark.parametrize("kind", ["snowman", "rainbow", "cute little", "nice tall", "proper", "lovely big", "totem",
                                  "wee", "cool", "colourful", "nice tall snowman"])
@pytest.mark.parametrize("frame", ["Build a {k} tower with {r}.", "Let's make a {k} tower! {R}.", "Make us a {k} "
                                   "pile: {r}."])
def test_a_kind_of_tower_said_before_its_noun_builds_it(frame: str, kind: str) -> None:
    plans_as(frame.format(k=kind, r=ROLES, R=ROLES.capitalize()), tower("red", "blue", "green"))


@pytest.mark.parametrize("text", [
    "Build a fake tower with red at the bottom, blue in the middle and green on top.",  # no word of the class
    "Build an upside-down tower with red at the bottom, blue in the middle and green on top.",
    "Build a snowman with red at the bottom, blue in the middle and green on top.",  # not before the tower's noun
    "Build a snowman tower with red at the bottom, snowman in the middle and green on top.",
    "Cool tower: red at the bottom, blue in the middle, green on top.",  # praise, no making verb
    "Look at the snowman tower! Red at the bottom, blue in the middle, green on top.",  # A1 s18 H134: shown
    "Snowman tower: red at the bottom, blue in the middle, green on top.",
    "Wow, the snowman tower! Red at the bottom, blue in the middle, green on top.",
    "Your snowman tower: red at the bottom, blue in the middle, green on top.",
    "Build the snowman tower: red at the bottom, blue in the middle, green on top.",
    "Look at the tower! Red at the bottom, blue in the middle, green on top.",  # A1 H133 (old): shown or owned
    "Look at that tower! Red at the bottom, blue in the middle, green on top.",
    "Your tower: red at the bottom, blue in the middle, green on top.",
    "Your stack: red on top, blue in the middle, green at the bottom.",  # A1 s17 H117's residue
    "Check out this stack: red at the bottom, blue in the middle, green on top.",
    "I built a snowman tower with red at the bottom, blue in the middle and green on top.",
    "Did you build a snowman tower with red at the bottom, blue in the middle and green on top?",
    "Don't build a snowman tower with red at the bottom, blue in the middle and green on top.",
    "Maybe build a snowman tower with red at the bottom, blue in the middle and green on top.",
    "Build a snowman tower with red at the bottom, blue in the middle and green on top, I guess?",
])
def test_the_reading_stays_closed(text: str) -> None:
    moves_nothing(text, S3)


# blue stacked on green, red beside them
STACKED = cube_scene(("green", [0.5, 0.0, 0.022]), ("blue", [0.5, 0.0, 0.066]), ("red", [0.42, 0.15, 0.022]))


@pytest.mark.parametrize("said", ["presently resting upon", "perched on", "stacked on", "situated on top of",
                                  "positioned on", "that's presently sitting on", "which is perched on top of"])
def test_how_a_cube_is_said_to_sit_names_the_cube_on_that_one(said: str) -> None:
    plans_as(f"Put the cube {said} the green cube in the bin.", mv("blue", "bin"), STACKED)
    plans_as(f"Put the one {said} the green one on the pad.", mv("blue", "pad"), STACKED)


@pytest.mark.parametrize("text", [
    "Put the cube not stacked on the green one in the bin.",
    "Put the cube that isn't sitting on the green one in the bin.",
    "Put the cube that was sitting on the green one in the bin.",
    "Put the cube perched on the red one in the bin.",  # nothing rests on red
])
def test_a_negated_past_or_empty_relative_moves_nothing(text: str) -> None:
    moves_nothing(text, STACKED)


# A1 s18 H128 (the finals fi51-006 class outside 7243091's frames): "the cube on the left" said plainly names that half
# of the table (mentions: half=True), so two or more cubes there, and not every cube, are asked among wherever phrasing
# does not rewrite it; "far left", "leftmost" stay the outermost one, and one cube on that half is that cube.
TWO_LEFT = cube_scene(("red", [0.45, 0.10, 0.022]), ("yellow", [0.5, 0.20, 0.022]), ("green", [0.4, -0.02, 0.022]))
ONE_LEFT = cube_scene(("red", [0.45, 0.10, 0.022]), ("blue", [0.5, -0.20, 0.022]), ("green", [0.4, -0.02, 0.022]))
SIDE_SAID = ["Pick up the cube on the left.", "Push the cube on the left forward.", "Bin the cube on the left.",
             "Grab the cube on the left and put it in the bin.", "Move the cube on the left, over to the pad.",
             "Push the one on the left forward."]


@pytest.mark.parametrize("text", SIDE_SAID)
def test_the_cube_on_the_left_with_two_there_is_asked(text: str) -> None:
    asks(text, TWO_LEFT, {"red_cube", "yellow_cube"})


@pytest.mark.parametrize("text", SIDE_SAID)
def test_the_cube_on_the_left_with_one_there_is_that_cube(text: str) -> None:
    result = steps(text, ONE_LEFT)
    assert result[0] in ("pick(object=red_cube)", "push(object=red_cube, direction=forward)"), (text, result)


@pytest.mark.parametrize("text", ["Push the cube on the far left forward.", "Push the leftmost cube forward."])
def test_the_outermost_said_so_stays_the_outermost(text: str) -> None:
    plans_as(text, ["push(object=yellow_cube, direction=forward)"], TWO_LEFT)
