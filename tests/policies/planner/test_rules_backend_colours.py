"""The rules backend's colour words come from the planner's colour table (issue 16 item 5)."""

from __future__ import annotations

import pytest

from policies.planner import Plan, Refusal, SceneState
from policies.planner.grounding_guard import OTHER_COLOURS
from policies.planner.lexicon import COLOR_WORDS
from policies.planner.rules_backend import RulesBackend

SCENE_COLOURS = sorted(set(COLOR_WORDS.values()))


def scene(*colours: str) -> SceneState:
    return SceneState.from_json({"objects": [
        {"name": f"{c}_cube", "kind": "cube", "color": c, "position": [0.5, 0.16 - 0.1 * i, 0.02]}
        for i, c in enumerate(colours)], "regions": ["left", "right", "bin", "pad"]})


@pytest.mark.parametrize("colour", SCENE_COLOURS)
def test_every_scene_colour_of_the_lexicon_is_read(colour: str) -> None:
    result = RulesBackend().propose(f"put the {colour} cube in the bin", scene(colour))
    assert isinstance(result, Plan), result
    assert [s.args for s in result.steps] == [{"object": f"{colour}_cube"}, {"region": "bin"}]


@pytest.mark.parametrize("colour", sorted(OTHER_COLOURS))
def test_a_colour_no_scene_object_has_is_an_absent_object_not_an_unread_word(colour: str) -> None:
    result = RulesBackend().propose(f"put the {colour} cube in the bin", scene("red"))
    assert isinstance(result, Refusal) and f"there is no {colour} cube" in result.reason, result


def test_a_colour_synonym_stays_unread() -> None:
    synonym = next(w for w, c in COLOR_WORDS.items() if w != c)
    result = RulesBackend().propose(f"put the {synonym} cube in the bin", scene(COLOR_WORDS[synonym]))
    assert isinstance(result, Refusal) and "cannot read" in result.reason and synonym in result.reason, result
