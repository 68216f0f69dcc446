"""Session 21, English meaning (issue #17): the open findings of session 20 in P3's area, each a closed form with its
negated, asked, reported, hedged and near-miss twins.

- REV s20 R5: F-AGAIN's BRACKETED aside ("Every cube (and I do mean every one of them) should go ...") glued the
  quantifier to the next word once dropped ("every cubeshould go"), so the guess and question screens missed a closing
  ", I think." / ", I guess." / "?": the aside now leaves a space, and those twins refuse as the unbracketed ones do.
- A1 s20 low: a place beside a cube the words keep the arm away from was not judged ("Don't go near the red one. Put
  the green one on the left." with red on the left half): the table half the kept-away cube stands on, the bin or pad
  it is in, or a bin or pad placed within reach of it, refuses; the other half plans.
- A1 s20 low: "Can all the cubes go in the bin at once?" asks whether they fit there together (phrasing drops "at
  once" as "now"): with "at once / at the same time / together / in one go" the "can ... go" question refuses; the
  plain question (s20 D3) and "Can you put all the cubes in the bin at once?" still plan.
- A1 s20 low: "Put top cubes on the pad." with one stack moves nothing (plural "top cubes" for one top cube).
"""

from __future__ import annotations

import pytest
from planner_asserts import S3, cube_scene, moves_nothing, plans_as
from test_planner_fresh12_words import mv

FOUR = cube_scene(("red", [0.45, 0.15, 0.022]), ("blue", [0.55, -0.12, 0.022]), ("green", [0.38, -0.02, 0.022]),
                  ("yellow", [0.6, 0.1, 0.022]))
STACK = cube_scene(("red", [0.45, 0.1, 0.066]), ("blue", [0.45, 0.1, 0.022]), ("green", [0.38, -0.02, 0.022]),
                   on={"red_cube": "blue_cube"})
# the pad placed (landmarks) 6 cm from the red cube
PADDED = cube_scene(("red", [0.5, 0.14, 0.022]), ("blue", [0.55, -0.12, 0.022]), ("green", [0.38, -0.02, 0.022]))
PADDED = type(PADDED).from_json({"objects": [{"name": f"{o.color}_cube", "kind": "cube", "color": o.color,
                                              "position": list(o.position)} for o in PADDED.objects],
                                 "regions": ["left", "right", "bin", "pad"],
                                 "landmarks": {"pad": [0.5, 0.2, 0.0], "bin": [0.5, -0.3, 0.0]}})


def _all_to(place: str, state=FOUR) -> list[str]:
    return [step for o in state.objects for step in mv(o.color, place)]


@pytest.mark.parametrize("text", [
    "Every cube (and I do mean every one of them) should go to the right side.",
    "Every cube (and I do mean every one of them), should go to the right side.",
    "Every cube (and I really mean every single one) to the right side.",
])
def test_bracketed_insisting_aside_still_plans(text: str) -> None:
    plans_as(text, _all_to("right"), FOUR)


@pytest.mark.parametrize("text", [
    "Every cube (and I do mean every one of them) should go to the right side, I think.",
    "Every cube (and I do mean every one of them) should go to the right side, I guess.",
    "Every cube (and I do mean every one of them) should go to the right side, I suppose.",
    "Every cube (and I do mean every one of them) should go to the right side?",
    "Every cube (and I do mean every one of them) should go to the right side, maybe.",
    "Every cube (and I do mean every one of them) could go to the right side, perhaps.",
    "Should every cube (and I do mean every one of them) go to the right side?",
    "Every cube (and I do mean every one of them) should not go to the right side.",
    "Don't put every cube (and I do mean every one of them) on the right side.",
    "I put every cube (and I do mean every one of them) on the right side.",
    "Maybe every cube (and I do mean every one of them) should go to the right side.",
    "Every cube (and I do mean every one of them) should go to the right side, I think, or the left.",
])
def test_bracketed_aside_hedged_asked_negated_reported_twins_move_nothing(text: str) -> None:
    moves_nothing(text, FOUR)


@pytest.mark.parametrize(("text", "state"), [
    ("Don't go near the red one. Put the green one on the left.", S3),
    ("Don't go near the red one. Put the green one on the left side.", S3),
    ("Don't go near the blue one. Put the green one on the right.", S3),
    ("Stay away from the blue cube. Move the green cube to the right side.", S3),
    ("Keep clear of the red cube. Set the green cube on the left.", S3),
    ("Don't get too close to the red cube. Put the green cube on the pad.", PADDED),
    ("Don't go near the red one. Put the green one on the red one.", S3),
    ("Don't go near the red one. Put the green one on the left, I think.", S3),
    ("Don't go near the red one. Put the green one on the left?", S3),
])
def test_a_place_beside_a_kept_away_cube_moves_nothing(text: str, state) -> None:
    moves_nothing(text, state)


@pytest.mark.parametrize(("text", "want", "state"), [
    ("Don't go near the red one. Put the green one on the right.", mv("green", "right"), S3),
    ("Don't go near the blue one. Put the green one on the left.", mv("green", "left"), S3),
    ("Don't go near the red one. Put the green one in the bin.", mv("green", "bin"), S3),
    ("Don't go near the red cube. Put the green cube in the bin.", mv("green", "bin"), PADDED),
    ("Don't touch the red one. Put the green one on the left.", mv("green", "left"), S3),  # touching, not nearness
])
def test_a_place_away_from_the_kept_away_cube_plans(text: str, want: list[str], state) -> None:
    plans_as(text, want, state)


@pytest.mark.parametrize("text", [
    "Can all the cubes go in the bin at once?", "Can every cube go in the bin at once?",
    "Can all the cubes go in the bin at the same time?", "Can all the cubes go in the bin together?",
    "Can all the cubes go in the bin all at once?", "Could all the cubes go on the pad at once?",
    "Can all the cubes fit in the bin at once?", "Can both of the cubes go in the bin in one go?",
    "Can the three cubes go in the bin at once?", "So, can all of the cubes go in the bin together?",
])
def test_can_the_cubes_go_there_at_once_asks_about_room(text: str) -> None:
    moves_nothing(text, S3)


@pytest.mark.parametrize(("text", "want"), [
    ("Can all the cubes go in the bin?", _all_to("bin", S3)),
    ("Can you put all the cubes in the bin at once?", _all_to("bin", S3)),
    ("Put all the cubes in the bin at once.", _all_to("bin", S3)),
    ("Can the red cube go in the bin at once?", mv("red", "bin")),
])
def test_requests_beside_the_room_question_still_plan(text: str, want: list[str]) -> None:
    plans_as(text, want, S3)


@pytest.mark.parametrize("text", [
    "Put top cubes on the pad.", "Put the top cubes on the pad.", "Move top cubes to the pad.",
])
def test_plural_top_cubes_with_one_stack_move_nothing(text: str) -> None:
    moves_nothing(text, STACK)


def test_the_top_cube_of_the_one_stack_plans() -> None:
    plans_as("Put the top cube on the pad.", mv("red", "pad"), STACK)
