"""P1, session 20: the radio operator's procedure words (issue 17; register.py; the seen family fi33).

Family: in a text that closes on the radio's "over", the opening call ("Control to arm, over.", "Arm, Control.",
"Control, over."), "Sequence follows." and ", how copy" say nothing to do; "do not, repeat, do not" (any text) is one
"do not". What the call carries is read as without it: its negations, questions and reports refuse.
"""

from __future__ import annotations

import pytest
from planner_asserts import S3, moves_nothing, plans_as, tower
from test_planner_fresh12_words import mv


@pytest.mark.parametrize(("text", "want"), [
    ("Arm, Control. Relocate red cube to pad, how copy, over.", mv("red", "pad")),  # fi33-007
    ("Control, over. Build tower: red base, green middle, blue top. Execute, over.", tower("red", "green", "blue")),
    ("Control to arm, over. Put the blue cube in the bin. Over.", mv("blue", "bin")),
    ("Sequence follows. One: red cube to bin. Two: blue cube to pad. Execute, over.",
     mv("red", "bin") + mv("blue", "pad")),  # fi33-022
    ("Green cube to pad. Do not, repeat, do not touch red cube. Over.", mv("green", "pad")),  # fi33-032
])
def test_radio_procedure_words_say_nothing_to_do(text: str, want: list[str]) -> None:
    plans_as(text, want, S3)


@pytest.mark.parametrize("text", [
    "Control to arm, over. Did you put the red cube in the bin? Over.",
    "Control to arm, over. Don't put the red cube in the bin. Over.",
    "Arm, Control. You put the red cube in the bin, how copy? Over.",
    "Do not, repeat, do not touch the red cube. Put the red cube in the bin. Over.",
    "Do not, repeat, put the red cube in the bin. Over.",
    "Control to arm, over. Red cube in the bin, I think. Over.",
    "Arm, Control. Red cube to pad, how copy?",
])
def test_radio_negations_questions_and_reports_move_nothing(text: str) -> None:
    moves_nothing(text)
