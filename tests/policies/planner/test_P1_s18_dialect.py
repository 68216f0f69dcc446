"""Session 18, P1, family D5 (dev fi53-023): the Singlish topic-fronted request ("Blue one put in bin first, ...") read
in a later clause too, after a comma and an order word ("..., after that red one put on pad, then go back home lah."),
as it was at a sentence's start; a particle that doubts or says it is done ("already", "hor?") or a question keeps the
whole unread."""

from __future__ import annotations

import pytest
from planner_asserts import S3, moves_nothing, plans_as
from test_planner_fresh12_words import mv


@pytest.mark.parametrize("text", [
    "Blue one put in bin first, after that red one put on pad lah.",
    "Blue one put in bin, then red one put on pad lah.",
    "Blue one put in bin, and then red one put on pad lah.",
])
def test_a_fronted_topic_after_an_order_word_is_the_next_request(text: str) -> None:
    plans_as(text, mv("blue", "bin") + mv("red", "pad"), S3)


def test_after_a_plain_request_too() -> None:
    plans_as("Put the blue cube in the bin, then red one put on pad lah.", mv("blue", "bin") + mv("red", "pad"), S3)


@pytest.mark.parametrize("text", [
    "Blue one put in bin first, after that red one put on pad already lah.",
    "Blue one put in bin first, after that red one put on pad hor?",
    "Blue one put in bin, and red one put on pad?",
    "Blue one put in bin, after that red one put on pad?",
    "Blue one put in bin, after that red one don't put on pad lah.",
])
def test_doubted_asked_or_negated_it_stays_unread(text: str) -> None:
    moves_nothing(text)
