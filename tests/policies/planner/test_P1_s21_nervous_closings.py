"""P1, session 21, dev fi61/fi62 family F-NERVOUS: what a nervous or polite speaker says after a request (issue 17).

Each a closed form, said as a part of its own after the request (register.py _APOLOGY, _WORDING, _CLOSING, _AFTER_ASK):
an apology for the wording ("Sorry if that's confusing.", "Sorry, never done this before!"), a hedge on the wording
("I think that's right.", "I think that's what they wrote..."), praise as of a
good fellow ("There's a good fellow."), someone who will love it ("She's going to love this."), "If that's not too
much trouble." After a modal ask ("Could you ...?"), or after a plain order, they ask nothing more; after a bare
order asked back ("Put ...? Sorry if ...") or a question they are kept (refused, as before), and any other words in
their place (a doubt, a negation, a wrong cube, "Just curious." which asks whether it can: A1 s21 H176) stay unread
and refuse. A "—" after an opener no longer hides the
modal ask ("Um, sorry — could you put ...?").
"""

from __future__ import annotations

import pytest
from planner_asserts import S3, moves_nothing, plans_as
from test_planner_fresh12_words import mv

_CLOSINGS = [
    "Sorry if that's confusing.",  # fi61-028
    "Sorry, never done this before!",  # fi62-044
    "I think that's right. Sorry.",  # fi61-029
    "I think that's what they wrote...",  # fi61-016
    "There's a good fellow.",  # fi61-060
    "She's going to love this.",  # fi61-052
    "If that's not too much trouble. Sorry.",  # fi61-067
    "Sorry if this is a weird thing to ask.", "That's correct, sorry.", "He'll love that.",
]


@pytest.mark.parametrize("closing", _CLOSINGS)
def test_a_nervous_closing_after_a_modal_ask_asks_nothing_more(closing: str) -> None:
    plans_as(f"Could you put the red cube in the bin? {closing}", mv("red", "bin"), S3)
    plans_as(f"Um, sorry — could you put the red cube in the bin? {closing}", mv("red", "bin"), S3)


@pytest.mark.parametrize("closing", ["Sorry if that's confusing.", "I think that's right.", "There's a good chap.",
                                     "She's going to love this."])
def test_a_nervous_closing_after_a_plain_order_asks_nothing_more(closing: str) -> None:
    plans_as(f"Put the red cube in the bin. {closing}", mv("red", "bin"), S3)


@pytest.mark.parametrize("text", [
    "Could you put the red cube in the bin? I think that's wrong.",
    "Could you put the red cube in the bin? I don't think that's right.",
    "Could you put the red cube in the bin? Sorry, don't.",
    "Could you put the red cube in the bin? Sorry if that's the wrong cube.",
    "Could you put the red cube in the bin? She's going to hate this.",
    "Could you put the red cube in the bin? Just curious whether it fits.",
    "Put the red cube in the bin? Sorry if that's confusing.",  # a bare order asked back keeps what follows
    "Did you put the red cube in the bin? Just curious.",
    "Could you put the red cube in the bin? Just curious.",  # A1 s21 H176: it asks whether it can
    "Could you put the red cube in the bin? Just curious what it does.",
    "Don't put the red cube in the bin, there's a good fellow.",
    "Could you put the red cube in the bin? Sorry if that's confusing. Actually, leave it.",
    "Could you put the red cube in the bin? If that's too much trouble, don't.",
])
def test_a_doubt_a_negation_or_a_question_in_their_place_moves_nothing(text: str) -> None:
    moves_nothing(text, S3)


# (dev fi62-002, the drill sergeant) a telegraphic "<cube>! <place>!" takes the place said "of the table" too
@pytest.mark.parametrize("text", ["BLUE CUBE! RIGHT SIDE OF THE TABLE!",  # fi62-002
                                  "Blue cube! Right side of the table! Move it, move it, move it!",
                                  "Blue cube, the right side of the table."])
def test_a_cube_then_its_side_of_the_table_orders(text: str) -> None:
    plans_as(text, mv("blue", "right"), S3)


@pytest.mark.parametrize("text", ["Blue cube! Right side of the table?", "Blue cube? Right side of the table!",
                                  "Blue cube! Not the right side of the table!",
                                  "Blue cube is on the right side of the table."])
def test_the_side_of_the_table_asked_negated_or_stated_moves_nothing(text: str) -> None:
    moves_nothing(text, S3)
