"""The planner's colour words (``lexicon.COLOR_WORDS``, ``grounding_guard.OTHER_COLOURS``) against the simulator's
palette (``sim.scene.COLORS``): the lexicon's names are exactly the colours a scene object can have, and the
guard's "colours no scene object has" are none of them, so growing the palette fails here until both follow."""

from __future__ import annotations

from policies.planner.grounding_guard import OTHER_COLOURS
from policies.planner.lexicon import COLOR_WORDS
from sim.scene import COLORS


def test_the_lexicons_colour_names_are_the_scene_palette() -> None:
    assert set(COLOR_WORDS.values()) == set(COLORS)
    assert all(COLOR_WORDS[c] == c for c in COLORS)  # every palette colour is read by its own name


def test_colours_no_scene_object_has_are_outside_the_palette_and_the_lexicon() -> None:
    assert not OTHER_COLOURS & set(COLORS), OTHER_COLOURS & set(COLORS)
    assert not OTHER_COLOURS & set(COLOR_WORDS), OTHER_COLOURS & set(COLOR_WORDS)
