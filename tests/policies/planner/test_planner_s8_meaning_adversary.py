"""The adversary's wrong plans in the meaning modules (issue #17, A1 session 8 F7 and F18), each beside the forms
that must keep planning: a tower whose direction is said twice, against "first/last ... then", or as "top last:"
(built upside down), and a negated "leave X" after a quantifier ("put all cubes in the bin, but don't leave the red
one": the red cube was kept out, the opposite of the words)."""

from __future__ import annotations

import pytest
from test_planner_fresh12_words import COLOURS, mv, refused, steps
from test_planner_s8_meaning import THREE, tower

from policies.planner import SceneState


# --------------------------------------------------------------------------- F7: a tower's direction said two ways
@pytest.mark.parametrize("text", [
    "Make one tower, top-down: yellow, purple, orange; bottom-up: orange, purple, yellow.",
    "build a tower top-down: yellow, purple, orange (bottom-up: orange, purple, yellow)",
    "a tower from top to bottom: yellow, purple, orange; from bottom to top: orange, purple, yellow.",
    "a tower, from up to down: yellow, purple, orange, so from down to up: orange, purple, yellow",
    "a tower, top-down: yellow, purple, orange, bottom-up",
    "a tower, bottom-up: yellow, purple, orange, top-down",
    "a tower, top-down: yellow, purple, orange, top-down",
    "build a tower: yellow first, then purple, then orange, top-down",
    "build a tower from top to bottom: orange first, then purple, then yellow",
    "build a tower: yellow last, then purple, then orange",
    "stack them: yellow lastly, then purple, next orange",
    "build a tower: purple, then orange, yellow first",
])
def test_a_tower_whose_direction_words_disagree_or_repeat_is_refused(text: str) -> None:
    refused(text, THREE)


@pytest.mark.parametrize(("text", "bottom_up"), [
    ("a tower, top last: orange, purple, yellow", ["orange", "purple", "yellow"]),
    ("a tower, base first: orange, purple, yellow", ["orange", "purple", "yellow"]),
    ("a tower, base last: yellow, purple, orange", ["orange", "purple", "yellow"]),
    ("a tower, bottom last: yellow, purple, orange", ["orange", "purple", "yellow"]),
    ("a tower, top first: orange, purple, yellow", ["yellow", "purple", "orange"]),
    ("stack them: yellow, then purple, then orange, reading down", ["orange", "purple", "yellow"]),
    ("stack them: yellow, then purple, then orange, reading up", ["yellow", "purple", "orange"]),
    ("build a tower: yellow first, then purple, then orange", ["yellow", "purple", "orange"]),
    ("build a tower from the bottom up: orange, purple, yellow", ["orange", "purple", "yellow"]),
    ("build a tower top-down: yellow, purple, orange", ["orange", "purple", "yellow"]),
])
def test_a_tower_said_one_way_is_built_as_said(text: str, bottom_up: list[str]) -> None:
    assert steps(text, THREE) == tower(bottom_up)


# --------------------------------------------------------------------------- F18: "don't leave X" after "all"
@pytest.mark.parametrize("negation", ["don't leave", "never leave", "do not leave", "not leave"])
@pytest.mark.parametrize("template", [
    "put all cubes in the bin, but {n} the red one",
    "put all cubes in the bin, and {n} the red one",
    "put every cube in the bin but {n} the red and the blue",
    "put every cube on the pad, but {n} red, blue and yellow cubes",
    "put all cubes in the bin, but {n} the red one on the pad",
])
def test_a_negated_leave_after_a_quantifier_is_refused(negation: str, template: str) -> None:
    refused(template.format(n=negation))


@pytest.mark.parametrize("text", [
    "put all cubes in the bin, but leave the red one",
    "put all cubes in the bin, but leave the red one alone",
    "put all cubes in the bin, but don't move the red one",
])
def test_an_exclusion_said_plainly_still_keeps_its_cube_out(text: str) -> None:
    assert steps(text) == [s for c in COLOURS if c != "red" for s in mv(c, "bin")]


# --------------------------------------------------------------------------- a quantifier over "the cubes on the table"
@pytest.mark.parametrize("text", [
    "Bin every cube on the table.",
    "Put every cube on the table in the bin.",
    "bin all the cubes on the table",
    "put all the blocks sitting on the table in the bin",
    "move every cube that's on the table to the bin",
])
def test_every_cube_on_the_table_is_every_cube_where_all_stand_on_it(text: str) -> None:
    assert steps(text) == [s for c in COLOURS for s in mv(c, "bin")]


def test_every_cube_on_the_table_beside_a_region_or_as_a_destination_is_refused() -> None:
    # (a cube on a stack is on the table, as the dev writer of f27-023 counts it, P3 s10 1afe306; in a region, not)
    in_region = SceneState.from_json({"objects": [{"name": f"{c}_cube", "kind": "cube", "color": c} for c in COLOURS],
                                      "on": {"red_cube": "pad"}, "regions": ["left", "right", "bin", "pad"]})
    refused("Bin every cube on the table.", in_region)
    refused("put all the cubes on the table in the bin", in_region)
    refused("put every cube on the table")
    refused("don't put every cube on the table in the bin")


# ------------------------------------------------------------------------ clearing the table into the bin
@pytest.mark.parametrize(("text", "kept"), [
    ("Clear everything off the table into the bin apart from the green cube.", "green"),
    ("clear every cube off the table into the bin except the red one", "red"),
    ("clear all the blocks from the table into the bin", None),
])
def test_clearing_the_table_into_the_bin_bins_every_cube_it_does_not_except(text: str, kept: str | None) -> None:
    assert steps(text) == [s for c in COLOURS if c != kept for s in mv(c, "bin")]


def test_clearing_the_table_negated_elsewhere_or_beside_a_cube_in_a_region_is_refused() -> None:
    in_pad = SceneState.from_json({"objects": [{"name": f"{c}_cube", "kind": "cube", "color": c} for c in COLOURS],
                                   "on": {"red_cube": "pad"}, "regions": ["left", "right", "bin", "pad"]})
    refused("clear everything off the table into the bin", in_pad)
    refused("don't clear everything off the table into the bin")
    refused("clear everything off the table onto the pad")
