"""Small talk before "anyway" is dropped only when no part of it opens a frame (REV s16-R4b on 6702c99): a preposition
or a conjunction opening it makes it a condition, a time or a place of the request ("In the game, anyway, put ...",
"When the bell rings, anyway, ..."), which the planner does not read, so nothing moves."""
from __future__ import annotations

import pytest
from planner_asserts import moves_nothing


@pytest.mark.parametrize("text", [
    "In the game, anyway, put the red cube in the bin.",
    "At the match, anyway, put the red cube in the bin.",
    "During the game, anyway, put the red cube in the bin.",
    "After the coffee, anyway, put the red cube in the bin.",
    "If the weather holds, anyway, put the red cube in the bin.",
    "When the match ends, anyway, put the red cube in the bin.",
    "Until the rain stops, anyway, put the red cube in the bin.",
])
def test_small_talk_that_opens_a_frame_moves_nothing(text: str) -> None:
    moves_nothing(text)
