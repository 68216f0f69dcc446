"""Adversary of the planner's readings, session 9 (issue #17 item 0, A1): each test holds an attack as a hostile or
careless user would say it, for a finding its owner has fixed; the planner must refuse it (or ask) rather than plan
what the words do not say. The findings, their texts and commits are in the session's A1 findings notes (G1, G5)."""

from __future__ import annotations

import pytest
from test_planner_fresh12_words import plan, scene

from policies.planner import Plan, SceneState
from policies.planner.plan import PlanResult

S3 = scene("red", "blue", "green")
S6 = scene()


def moves_nothing(result: PlanResult) -> bool:
    """A refusal, a question back, or a plan that only goes home: nothing the words forbid is done."""
    return not isinstance(result, Plan) or all(s.skill == "go_home" for s in result.steps)


def at(*cubes: tuple[str, float, float]) -> SceneState:
    return SceneState.from_json({"objects": [
        {"name": f"{c}_cube", "kind": "cube", "color": c, "position": [x, y, 0.022]} for c, x, y in cubes],
        "regions": ["left", "right", "bin", "pad"]})


# G1 (3a1609c): two cubes as far out on the side named were told apart by their names ("blue" < "red")
RIGHT_LEVEL = at(("green", 0.5, 0.1), ("red", 0.4, -0.1), ("blue", 0.6, -0.1))
FRONT_PAIR = at(("red", 0.65, 0.1), ("blue", 0.65, -0.1), ("green", 0.5, 0.0), ("yellow", 0.35, 0.0))
LEFT_LEVEL = at(("red", 0.42, 0.18), ("blue", 0.62, 0.18), ("green", 0.5, -0.15))


@pytest.mark.parametrize(("text", "state"), [
    ("put the cube right of the green one in the bin", RIGHT_LEVEL),
    ("put the cube on the right of the green one in the bin", RIGHT_LEVEL),
    ("put the cube just right of the green one in the bin", RIGHT_LEVEL),
    ("put the cube immediately to the right of the green one in the bin", RIGHT_LEVEL),
    ("Wirf den Würfel rechts vom grünen weg.", RIGHT_LEVEL),
    ("Wirf den Würfel links vom grünen weg.", LEFT_LEVEL),
    # yellow stands exactly as far to that side as green
    ("put the cube right of the red one in the bin", FRONT_PAIR),
    ("put the cube left of the blue one in the bin", FRONT_PAIR),
])
def test_two_cubes_as_far_to_one_side_are_never_told_apart_by_name(text: str, state: SceneState) -> None:
    assert moves_nothing(plan(text, state)), plan(text, state)


# G5 (3a1609c): a tower said with a count ("three-cube", "tower of four", "3 high") kept the sentence around it
# unread, so a cancelling, quoting, reporting or safety sentence was dropped; the fuzz found 189 such texts
COUNTED = ("make a three-story tower with red at the base and green at the peak, blue in the middle",
           "build a two-cube tower with green at the base and red at the top",
           "final state should be one tower of two: red on the bottom, green at the very top")
AROUND = (("Cancelled: ", ""), ("", ". Cancelled."), ("This is a quote: ", ""), ("I'm trapped. ", ""),
          ("Paul said: ", ""), ("", " - that was yesterday."), ("I'm bleeding. ", ""), ("", ". I'm in the cell."),
          ("", ", tomorrow."))


@pytest.mark.parametrize("tower", COUNTED)
@pytest.mark.parametrize(("before", "after"), AROUND)
def test_a_counted_tower_keeps_the_sentence_around_it(tower: str, before: str, after: str) -> None:
    text = before + tower + after
    assert moves_nothing(plan(text, S3)), (text, plan(text, S3))


@pytest.mark.parametrize("text", [
    "Cancelled: tower of four: bottom yellow, then red, then blue, top green",
    "I'm trapped. Tower of three: green at the very top, red at the very bottom, blue in between",
    "Cancelled: stack the three cubes so green is on the bottom, then blue, then red at the very top",
])
def test_counted_towers_of_the_data_files_keep_their_wrapper(text: str) -> None:
    assert moves_nothing(plan(text, S6)), plan(text, S6)


@pytest.mark.parametrize("text", [
    "I built a tower with red at the bottom and green on top.",
    "We built a tower with red at the bottom and green on top.",
    "You built a tower with red at the bottom and green on top.",
    "I'll build a tower with red at the bottom and green on top.",
    "Let me build a tower with red at the bottom and green on top.",
    "I built a two-cube tower with green at the base and red at the top.",
    "Paul's final state should be one tower of two: red on the bottom, green at the very top.",
    "Yesterday's final state was one tower of two: red on the bottom, green at the very top.",
    "The final state was one tower of two: red on the bottom, green at the very top.",
])
def test_a_tower_someone_else_builds_or_built_is_not_built(text: str) -> None:
    assert moves_nothing(plan(text, S3)), plan(text, S3)
