"""Phrasing kinds the seventh fresh split (fresh_independent_7) found, read generally (issue #17): each test holds
the kind in several wordings of its own, beside the wordings that must stay refused or unchanged."""

from __future__ import annotations

import pytest
from test_planner_fresh6_phrasing import scene  # cubes by colour or (colour, x, y)

from policies.planner import Plan, Refusal, SceneState, make_planner
from policies.planner.phrasing import correct_typo
from policies.planner.plan import Clarification


def steps(text: str, state: SceneState) -> list[str]:
    result = make_planner("parser").plan(text, state)
    if not isinstance(result, Plan):
        pytest.fail(f"the parser did not plan {text!r}: {result}")
    return [str(s) for s in result.steps]


def mv(colour: str, region: str) -> list[str]:
    return [f"pick(object={colour}_cube)", f"place_in(region={region})"]


def st(colour: str, target: str) -> list[str]:
    return [f"pick(object={colour}_cube)", f"place_on(object={target}_cube)"]


YOP = scene("yellow", "orange", "purple")
HOME = ["go_home()"]


@pytest.mark.parametrize(("text", "want"), [
    ("tower pls: purple bottom, orange, yellow top", st("orange", "purple") + st("yellow", "orange")),
    ("tower: orange bottom, purple, yellow top", st("purple", "orange") + st("yellow", "purple")),
    ("make a tower - yellow cube at the bottom, purple cube on top", st("purple", "yellow")),
    ("Orange cube, bin. Then home.", mv("orange", "bin") + HOME),
    ("purple, pad. then back home", mv("purple", "pad") + HOME),
    ("the yellow block, in the bin", mv("yellow", "bin")),
    ("stak the yelow cube on the purpel one then go hom", st("yellow", "purple") + HOME),
    ("put the orang cube in the bin then go hom", mv("orange", "bin") + HOME),
])
def test_terse_towers_verbless_clauses_and_short_typos(text: str, want: list[str]) -> None:
    assert steps(text, YOP) == want


def test_a_tower_list_or_a_verbless_clause_naming_no_scene_object_stays_refused() -> None:
    for text in ("tower pls: blue bottom, orange, yellow top", "Green cube, bin. Then home."):
        assert isinstance(make_planner("parser").plan(text, YOP), Refusal), text
    assert correct_typo("hom") == "home" and correct_typo("bot") == "bot" and correct_typo("the") == "the"


RGBY = scene("red", "green", "blue", "yellow")


@pytest.mark.parametrize(("text", "want"), [
    ("Put all the cubes on the pad apart from the green and the blue ones.", mv("red", "pad") + mv("yellow", "pad")),
    ("put every cube in the bin except the red and yellow ones", mv("green", "bin") + mv("blue", "bin")),
    ("Put the green cube on the pad but leave the blue and red ones alone.", mv("green", "pad")),
    ("put the red cube in the bin and don't touch the yellow and the blue cubes", mv("red", "bin")),
    ("put the blue cube on the pad, and don't touch the yellow cube while you're at it", mv("blue", "pad")),
    ("while you are at it, put the red cube on the left and never move the green one", mv("red", "left")),
])
def test_lists_in_exclusions_and_negations_and_filler_inside_a_negation(text: str, want: list[str]) -> None:
    assert steps(text, RGBY) == want


def test_a_listed_negation_still_forbids_each_listed_cube() -> None:
    for text in ("put the blue cube on the pad but leave the blue and red ones alone",
                 "put the red cube in the bin and don't touch the yellow and the red cubes while you're at it"):
        result = make_planner("parser").plan(text, RGBY)
        assert isinstance(result, Refusal), (text, result)


PLACED = scene(("green", 0.38, -0.05), ("yellow", 0.52, 0.2), ("red", 0.6, -0.18), ("purple", 0.45, 0.08))


@pytest.mark.parametrize(("text", "want"), [
    ("Put the cube at the back of the table on the pad.", mv("red", "pad")),
    ("move the block at the rear into the bin", mv("red", "bin")),
    ("put the cube at the front of the table in the bin", mv("green", "bin")),
    ("the cube that's at the front goes on the left", mv("green", "left")),
])
def test_the_back_and_front_of_the_table_are_the_far_and_near_ends_of_the_arms_axis(text: str,
                                                                                    want: list[str]) -> None:
    assert steps(text, PLACED) == want


def test_the_question_for_the_cube_skips_where_the_next_clause_stacks_it() -> None:
    for text in ("Pick the cube up and stack it on the yellow one.", "grab the cube and put it on the yellow cube"):
        result = make_planner("parser").plan(text, YOP)
        assert isinstance(result, Clarification), (text, result)
        assert set(result.candidates) == {"orange_cube", "purple_cube"}
    result = make_planner("parser").plan("pick the cube up and put it in the bin", YOP)
    assert isinstance(result, Clarification) and len(result.candidates) == 3
