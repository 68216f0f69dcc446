"""P1, session 20: a list under a head (issue 17; register.py, dev fi59-014/064).

Family: a head of a closed class alone on its line ("Constraints:", "Sequence:", "Steps:", "Tasks:", "Plan:", "To do:",
"Two tasks, ordering constraint:"), then only bulleted or numbered lines: each item is a sentence of the request, in
its order. A head outside the class (a report's: "Done:", "Log:"), a line that is no item, and items that negate,
ask or report refuse as the same sentences do.
"""

from __future__ import annotations

import pytest
from planner_asserts import cube_scene, moves_nothing, plans_as
from test_planner_fresh12_words import mv

OBR = cube_scene(("orange", [0.47, 0.1, 0.022]), ("blue", [0.56, -0.12, 0.022]), ("red", [0.63, 0.06, 0.022]))
POR = cube_scene(("purple", [0.46, 0.14, 0.022]), ("orange", [0.57, 0.02, 0.022]), ("red", [0.4, -0.15, 0.022]))


@pytest.mark.parametrize(("text", "want", "state"), [
    ("Constraints:\n- do NOT touch orange\n- move blue to the left side", mv("blue", "left"), OBR),  # fi59-014
    ("Sequence:\n- pick up orange, put it in the right region\n- purple onto orange\n- go home",  # fi59-064
     [*mv("orange", "right"), *mv("purple", "orange"), "go_home()"], POR),
    ("Steps:\n1. put the red cube in the bin\n2. put the blue cube on the pad", mv("red", "bin") + mv("blue", "pad"),
     OBR),
    ("To do:\n* red in the bin\n* orange on the pad", mv("red", "bin") + mv("orange", "pad"), OBR),
])
def test_a_list_under_a_head_is_its_sentences(text: str, want: list[str], state) -> None:
    plans_as(text, want, state)


@pytest.mark.parametrize("text", [
    "Constraints:\n- do NOT touch orange\n- move orange to the left side",
    "Sequence:\n- did you pick up orange?\n- go home", "Steps:\n- I put the red cube in the bin",
    "Done:\n- red in the bin\n- blue on the pad", "Log:\n- red cube: bin",
    "Sequence:\n- put the red cube in the bin\nor maybe the blue one",
    "Steps:\n- put the red cube in the bin, maybe\n- go home", "Plan:\n- don't put the red cube in the bin",
    # A1 s20 H161: numbered out of order, an item of doubt, a questioned item
    "Steps:\n2. put red in the bin\n1. move blue to the left side",
    "Order of steps:\n2. put red in the bin\n1. move blue to the left side",
    "Steps:\n1) put red in the bin\n3) go home\n2) move blue to the left side",
    "Tasks:\n- move blue to the left side\n- ???", "Plan:\n- move blue to the left side?",
])
def test_a_list_that_negates_asks_or_reports_moves_nothing(text: str) -> None:
    moves_nothing(text, OBR)
