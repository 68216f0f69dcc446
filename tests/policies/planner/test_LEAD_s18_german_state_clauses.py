"""A German state said as one clause of a sentence never plans, whatever verb another clause has (REV s18-R5, a false
execution on main since session 17: a verb of motion or a goal verb anywhere in the sentence exempted every clause
from the state screen). A state verb before the clause governs it by gapping and keeps the goal reading."""

from __future__ import annotations

import pytest
from planner_asserts import moves_nothing, plans_as
from test_planner_fresh12_words import mv


@pytest.mark.parametrize("text", [
    "Der rote Würfel im Müll, der blaue kommt aufs Pad.",
    "Der rote Würfel im Müll, dann kommt der blaue aufs Pad.",
    "Der rote Würfel im Müll; der blaue kommt aufs Pad.",
    "Der rote Würfel im Müll, der blaue soll aufs Pad.",
    "Der rote Würfel im Müll, der blaue gehört aufs Pad.",
    "Der blaue kommt aufs Pad, der rote Würfel im Müll.",
    "Der rote Würfel auf dem blauen, der grüne kommt in den Müll.",
    "Der rote Würfel im Müll, der blaue auf dem Pad, der grüne kommt auf den roten.",
])
def test_a_state_clause_beside_a_clause_with_its_own_verb_moves_nothing(text: str) -> None:
    moves_nothing(text)


@pytest.mark.parametrize(("text", "want"), [
    ("Am Ende soll der grüne Würfel im Mülleimer liegen und der rote auf dem Pad.",
     [*mv("green", "bin"), *mv("red", "pad")]),
    ("Der rote Würfel kommt in den Müll.", mv("red", "bin")),
    ("Den roten in den Müll und der blaue kommt aufs Pad.", [*mv("red", "bin"), *mv("blue", "pad")]),
])
def test_a_goal_said_with_its_own_verb_still_plans(text: str, want: list[str]) -> None:
    plans_as(text, want)
