"""P1, session 20: a remark on the request's own wording (issue 17; register.py, dev fi58-000/004/010/012).

Family: a part (a sentence, a clause after ";", a parenthesis) made only of quoted words and a closed class of usage
words ("'Sitting', not 'sat'.", "'Atop' is a perfectly good word; do use it.", "(not 'first off', please)",
"'Towards', with an s; 'toward' is the American form.") says how the request is worded. It is dropped only where it
cannot change what the request says: each quoted word it affirms is in the request already (or its spelling with or
without a final "s"), and each it rejects ("not 'X'") is not. A correction ("'Bin', not 'pad'."), a quoted word of
the request itself and a remark beside a negated or questioned request refuse or stay as they were.
"""

from __future__ import annotations

import pytest
from planner_asserts import S3, cube_scene, moves_nothing, plans_as
from test_planner_fresh12_words import mv

STACKED = cube_scene(("green", [0.52, 0.08, 0.022]), ("red", [0.52, 0.08, 0.066]), ("blue", [0.45, -0.12, 0.022]),
                     on={"red_cube": "green_cube"})
POG = cube_scene(("purple", [0.6, 0.08, 0.022]), ("orange", [0.48, -0.12, 0.022]), ("green", [0.4, 0.15, 0.022]))


@pytest.mark.parametrize(("text", "want", "state"), [
    ("Place the cube that is sitting on the green one onto the pad, please. 'Sitting', not 'sat'.",  # fi58-000
     mv("red", "pad"), STACKED),
    ("Kindly set the purple cube atop the orange one. 'Atop' is a perfectly good word; do use it.",  # fi58-004
     mv("purple", "orange"), POG),
    ("Firstly (not 'first off', please), place the green cube in the bin; secondly, move the purple cube to the "
     "right.", mv("green", "bin") + mv("purple", "right"), POG),  # fi58-010
    ("Would you push the purple cube towards the robot, please? 'Towards', with an s; 'toward' is the American form.",
     ["push(object=purple_cube, direction=backward)"], POG),  # fi58-012's frame
    ("Put the red cube in the bin, please. 'Please' is a perfectly good word.", mv("red", "bin"), S3),
])
def test_a_remark_on_the_requests_own_words_is_dropped(text: str, want: list[str], state) -> None:
    plans_as(text, want, state)


@pytest.mark.parametrize("text", [
    "Put the red cube on the pad. 'Bin', not 'pad'.",  # a correction: the rejected word is in the request
    "Put the red cube in the bin, not on the pad. 'Bin', not 'pad'.",
    "Put the blue cube in the bin. 'Red', I said, not 'blue'.",  # affirms a word the request does not say
    "Put the red cube in the bin. 'Not'.", "'Bin' the red cube.", "Put the red cube in the 'bin'.",
    "Don't put the red cube in the bin. 'Bin', not 'trash'.", "'Bin', not 'trash'.",
    "Did you put the red cube in the bin? 'Bin', not 'trash'.", "I put the red cube in the bin. 'Bin', not 'trash'.",
    "Put the red cube in the bin, maybe. 'Bin' is a good word.",
    # A1 s20 H161: a quoted colour or place after a request naming it may narrow or correct it
    "Put the red and blue cubes in the bin. 'Red', please.", "Put the red cube in the bin, not the blue one. 'Blue', "
    "please.", "Put the red cube in the bin. 'Red', I said, not 'blue'.", "Put the red cube in the bin. 'Bin', not "
    "'trash'.",
    "Put the red cube in the bin. 'Bin' is a good word, not 'pad'; use 'pad' for the blue one.",
])
def test_a_correction_or_a_quoted_request_moves_nothing(text: str) -> None:
    moves_nothing(text)
