"""REV s17-R3: a second request that moves the same cube again after "and" is refused (663dac7), but "and" typed fast
("n", "an'", "andd", "annd", "adn") still ran both parts. The join is read as people type it; a word of order after
it still makes the second part a later step, and two different cubes still plan."""

import pytest
from planner_asserts import moves_nothing, plans_as

JOINS = ["n", "an'", "'n'", "andd", "annd", "adn"]


@pytest.mark.parametrize("join", JOINS)
def test_the_same_cube_moved_again_after_a_typed_and_is_refused(join: str) -> None:
    moves_nothing(f"Push the red cube left {join} push it right.")
    moves_nothing(f"Put the red cube on the pad {join} push it left.")


@pytest.mark.parametrize("join", ["n", "andd"])
def test_an_order_word_or_another_cube_still_plans(join: str) -> None:
    plans_as(f"Push the red cube left {join} then push it right.",
             ["push(object=red_cube, direction=left)", "push(object=red_cube, direction=right)"])
    plans_as(f"Put the red cube in the bin {join} the blue one on the pad.",
             ["pick(object=red_cube)", "place_in(region=bin)", "pick(object=blue_cube)", "place_in(region=pad)"])
