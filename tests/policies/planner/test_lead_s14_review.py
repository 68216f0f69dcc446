"""REV s14 R9 (old since the s7 sign-off reading): the one word after "thanks,"/"cheers -" was dropped as a name
whatever it said, so a word that defers, hedges, stops or takes the request back vanished and the request ran."""
from __future__ import annotations

import pytest
from planner_asserts import S3, moves_nothing

from policies.planner.plan import Plan
from policies.planner.planner import make_planner


@pytest.mark.parametrize("word", ["maybe", "tomorrow", "wait", "halt", "pause", "unless", "undo", "twice",
                                  "yesterday", "stop", "later", "hold", "jk", "friday", "perhaps", "don't"])
@pytest.mark.parametrize("frame", ["Put the red cube in the bin, thanks, {}.",
                                   "Put the red cube in the bin. Cheers - {}",
                                   "Put the red cube in the bin, cheers, {}."])
def test_a_word_after_a_sign_off_that_changes_the_request_is_no_name(frame: str, word: str) -> None:
    moves_nothing(frame.format(word))


@pytest.mark.parametrize("text", ["Put the red cube in the bin, thanks, Sam.",
                                  "Put the red cube in the bin. Cheers - jo",
                                  "Put the red cube in the bin, regards, Anna."])
def test_a_sign_off_with_a_name_still_plans(text: str) -> None:
    assert isinstance(make_planner("parser").plan(text, S3), Plan)
