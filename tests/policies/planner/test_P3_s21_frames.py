"""Session 21, English meaning (issue #17), batch 2: seen quantifier frames, each a closed form with its negated,
asked, reported and near-miss twins.

- "every one / both / all / each of those|these blocks" (seen fi42-064 "Put every one of those blocks on the pad,
  would you?", fi36-024 "both of those blocks on the pad please"): the golds read every cube of the scene: "of the".
- "take / carry / bring all|every|each|both ... to <place>" (seen fi32-031 "Take all the blocks to the right side, just
  leave the blue one, hey."): each one moved there, as "take the red cube to the right side" reads one.
- a bare "All" opening the words before a place (seen fi34-028 "All to the pad. Not the purple."): every cube.
"""

from __future__ import annotations

import pytest
from planner_asserts import S3, cube_scene, moves_nothing, plans_as
from test_planner_fresh12_words import mv

TWO = cube_scene(("yellow", [0.48, -0.08, 0.022]), ("purple", [0.58, -0.15, 0.022]))


def _each(place: str, state, spared: str | None = None) -> list[str]:
    return [step for o in state.objects if o.color != spared for step in mv(o.color, place)]


@pytest.mark.parametrize(("text", "want", "state"), [
    ("Put every one of those blocks on the pad, would you?", _each("pad", S3), S3),
    ("Put all of these cubes in the bin.", _each("bin", S3), S3),
    ("both of those blocks on the pad please", _each("pad", TWO), TWO),
    ("Take all the blocks to the right side, just leave the blue one, hey.", _each("right", S3, "blue"), S3),
    ("Take all the blocks to the right side.", _each("right", S3), S3),
    ("Carry every cube over to the left side.", _each("left", S3), S3),
    ("Take both blocks to the pad.", _each("pad", TWO), TWO),
])
def test_quantified_frames_plan_every_cube(text: str, want: list[str], state) -> None:
    plans_as(text, want, state)


@pytest.mark.parametrize(("text", "state"), [
    ("both of those blocks on the pad please", S3), ("Don't put all of those cubes in the bin.", S3),
    ("Did you put all of those cubes in the bin?", S3), ("You put all of those cubes in the bin?", S3),
    ("I put all of those cubes in the bin.", S3), ("Put those cubes in the bin.", S3),
    ("Put one of those cubes in the bin.", S3), ("Take both blocks to the pad.", S3),
    ("Don't take all the blocks to the right side.", S3), ("Did you take all the blocks to the right side?", S3),
    ("I take all the blocks to the right side.", S3), ("Take all the blocks.", S3),
    ("Take all the blocks to the right side, I guess?", S3),
])
def test_quantified_frame_twins_move_nothing(text: str, state) -> None:
    moves_nothing(text, state)


FOUR = cube_scene(("red", [0.45, 0.15, 0.022]), ("blue", [0.55, -0.12, 0.022]), ("green", [0.38, -0.02, 0.022]),
                  ("yellow", [0.6, 0.1, 0.022]))


@pytest.mark.parametrize(("text", "want"), [
    ("All to the pad. Not the yellow.", _each("pad", FOUR, "yellow")), ("All to the pad.", _each("pad", FOUR)),
    ("All in the bin!", _each("bin", FOUR)), ("All to the pad but the red one.", _each("pad", FOUR, "red")),
])
def test_a_bare_all_before_a_place_is_every_cube(text: str, want: list[str]) -> None:
    plans_as(text, want, FOUR)


@pytest.mark.parametrize("text", [
    "All to the pad?", "All to the pad, I think.", "Not all to the pad.", "All done. To the pad.",
    "Wow, all to the pad.", "All set, to the pad.", "All of it to the pad.",
])
def test_bare_all_twins_move_nothing(text: str) -> None:
    moves_nothing(text, FOUR)
