"""A1 s14 H67: words the model's closed list passes for a request ("i want", "could you", "hold it") said of the
speaker, of someone else's act, or as a wait; the model planned the moves they frame, two in the simulator."""
from __future__ import annotations

import pytest
from planner_asserts import S3

from policies.planner.grounding_guard import screen
from policies.planner.plan import Refusal


@pytest.mark.parametrize("text", [
    "Put red in the bin the way you put blue on the pad.",
    "you put blue on the pad, now put red in the bin",
    "Can I, please, move the red cube to the left?",
    "put red in bin. hold",
    "put red in the bin i would put blue on the pad",
    "put red on blue i would",
    "i put red on blue",
    "then you move the red cube to the left",
    "put the red cube in the bin and hold",
])
def test_the_model_never_sees_who_acts_or_a_wait(text: str) -> None:
    verdict = screen(text, S3)
    assert isinstance(verdict.refusal, Refusal), (text, verdict)
    assert "could not understand" in verdict.refusal.reason


@pytest.mark.parametrize("text", [
    "could you put red on blue",
    "can you put the red cube in the bin please",
    "i want red on blue",
    "i would like the red cube in the bin",
    "please you put red on blue",
    "pick up red and hold it",
    "put red on blue thank you",
])
def test_requests_with_those_words_still_reach_the_model(text: str) -> None:
    verdict = screen(text, S3)
    assert verdict.refusal is None, (text, verdict.refusal)
