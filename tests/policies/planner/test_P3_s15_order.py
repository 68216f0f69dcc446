"""Session 15, English meaning (issue #17), order words from the seen wrong refusals: a "first" that repeats a "before"
("Before you put A, push B first.", fi39-014; "..., but before that, move B ... first lah.", fi33-019; "Prior to placing
A, first deposit B."), a learner's "at last" for "finally" (f22-018), the condition said as a sentence after the request
("... But only once the purple one has gone onto the pad.", fi36-017), steps counted in words ("one, ...; two, ...;
three, ...", f28-020). Their negated, questioned, reported, hedged and near-miss variants refuse."""

from __future__ import annotations

import pytest
from planner_asserts import cube_scene, moves_nothing
from test_planner_fresh12_words import mv, steps

ROP = cube_scene(("red", [0.45, 0.1, 0.022]), ("orange", [0.55, -0.12, 0.022]), ("purple", [0.38, -0.02, 0.022]))
PUSH_ORANGE = ["push(object=orange_cube, direction=forward)"]


@pytest.mark.parametrize(("text", "want"), [
    ("Before you put the red cube inside the bin, kindly push the orange cube forward first.",
     PUSH_ORANGE + mv("red", "bin")),  # fi39-014
    ("Put the purple cube on the orange cube, but before that, move the orange one to the right side first lah.",
     mv("orange", "right") + mv("purple", "orange")),  # fi33-019
    ("Before placing the purple cube on the pad, first deposit the red cube in the bin.",
     mv("red", "bin") + mv("purple", "pad")),
    ("Before you put the red cube in the bin, push the orange cube forward first. Then go home.",
     PUSH_ORANGE + mv("red", "bin") + ["go_home()"]),
    ("Put the red cube on the orange cube, and at last go to home position.", [*mv("red", "orange"), "go_home()"]),
    ("Put the red cube in the bin. At last put the purple one on the pad.", mv("red", "bin") + mv("purple", "pad")),
    ("Could you put the orange cube on the right side? But only once the purple one has gone onto the pad.",
     mv("purple", "pad") + mv("orange", "right")),  # fi36-017
    ("Put the orange cube on the right side. But only once you have put the purple one on the pad.",
     mv("purple", "pad") + mv("orange", "right")),
    ("one, put the red cube in the bin; two, put the purple cube on the pad; three, go back to your home position.",
     mv("red", "bin") + mv("purple", "pad") + ["go_home()"]),  # f28-020 (its heading is phrasing's)
    ("one: put the red cube in the bin; two: put the purple cube on the pad.", mv("red", "bin") + mv("purple", "pad")),
])
def test_order_said_twice_or_in_counted_steps(text: str, want: list[str]) -> None:
    assert steps(text, ROP) == want


@pytest.mark.parametrize("text", [
    "Before you put the red cube in the bin, don't push the orange cube forward first.",
    "Don't push the orange cube forward first before you put the red cube in the bin.",
    "Before you put the red cube in the bin, I pushed the orange cube forward first.",
    "Before you put the red cube in the bin and then go home, push the orange cube forward first.",
    "Before you put the red cube in the bin, push the orange cube forward, and the purple one on the pad first.",
    "After you put the red cube in the bin, push the orange cube forward first.",
    "Push the orange cube forward first, before you put the red cube in the bin.",
    "Before you put the red cube in the bin, push the orange cube forward first, then go home.",
    "Put the orange cube on the right side. But only once the purple one has gone onto the pad?",
    "Don't put the orange cube on the right side. But only once the purple one has gone onto the pad.",
    "I put the orange cube on the right side. But only once the purple one has gone onto the pad.",
    "Put the orange cube on the right side. But only once the purple one has gone onto the pad, I think.",
    "Put the orange cube on the right side. But only once the orange one has gone onto the pad.",
    "Put the orange cube on the right side. Put the red one in the bin. But only once the purple one has gone onto "
    "the pad.",
    "Put the orange cube on the right side. But not once the purple one has gone onto the pad.",
    "one, put the red cube in the bin; three, put the purple cube on the pad.",
    "two, put the red cube in the bin; one, put the purple cube on the pad.",
    "one, put the red cube in the bin; two, don't put the purple cube on the pad.",
    "one, put the red cube in the bin; two, put the purple cube on the pad; two, go home.",
    "At last! Put the red cube in the bin.",
    "Put the red cube in the bin, not at last go home.",
])
def test_order_idiom_near_misses_move_nothing(text: str) -> None:
    moves_nothing(text, ROP)


@pytest.mark.parametrize("text", [  # dev_s15 fi43-077: "bin X first" after another request
    "Put the orange one on the pad but bin the red one first.",
    "Put the orange one on the pad, but bin the red one first.",
])
def test_bin_first_after_another_request_runs_first(text: str) -> None:
    assert steps(text, ROP) == mv("red", "bin") + mv("orange", "pad")


@pytest.mark.parametrize("text", [
    "Put the orange one on the pad but don't bin the red one first.",
    "I put the orange one on the pad but bin the red one first.",
])
def test_bin_first_near_misses_move_nothing(text: str) -> None:
    moves_nothing(text, ROP)


@pytest.mark.parametrize("text", [  # A1 s15 H84: a later step hedged and moved ahead by "first"
    "Put the orange one on the pad but maybe bin the red one first.",
    "Put the orange one on the pad but maybe put the red one in the bin first.",
    "Put the orange one on the pad, perhaps put the red one in the bin first.",
])
def test_a_hedged_step_moved_ahead_is_refused(text: str) -> None:
    moves_nothing(text, ROP)
