"""Session 17, English meaning (issue #17): two exclusion frames a person uses again.

- a bare "all" right before its exception: "Put all but the red one in the bin.", "Bin all but the red cube.", "Put all
  except the red one on the pad." (verbless "all but blue -> pad" planned already; with a verb it was refused);
- a cube passed over by a verb (skip, ignore, spare, pass over, forget about, don't bother with) beside "the rest / the
  others / everything else", or after a quantifier's clause: "Skip the red one and put the rest in the bin.", "Put all
  the cubes in the bin, but spare the red one." read as "leave X" (the quantifier's exception). Elsewhere ("Skip the red
  one.", "Ignore the red one and put the blue one in the bin.") the word stays unread and is refused, as before.
Negated, questioned, reported and hedged variants refuse."""

from __future__ import annotations

import pytest
from planner_asserts import cube_scene, moves_nothing, plans_as, tower
from test_planner_fresh12_words import mv

S4 = cube_scene(("red", [0.45, 0.12, 0.022]), ("blue", [0.55, -0.12, 0.022]), ("green", [0.38, -0.02, 0.022]),
                ("yellow", [0.6, 0.05, 0.022]))
BUT_RED = {where: mv("blue", where) + mv("green", where) + mv("yellow", where) for where in ("bin", "pad")}


@pytest.mark.parametrize(("text", "where"), [
    ("Put all but the red one in the bin.", "bin"),
    ("Put all but red in the bin.", "bin"),
    ("Bin all but the red cube.", "bin"),
    ("Put all but the red cube on the pad.", "pad"),
    ("Put all except the red one on the pad.", "pad"),
    ("Move all apart from the red block to the pad.", "pad"),
])
def test_a_bare_all_before_its_exception(text: str, where: str) -> None:
    plans_as(text, BUT_RED[where], S4)


@pytest.mark.parametrize(("text", "where"), [
    ("Skip the red one and put the rest in the bin.", "bin"),
    ("Ignore the red one; bin the others.", "bin"),
    ("Skip the red one, bin the rest.", "bin"),
    ("Spare the red cube and put everything else on the pad.", "pad"),
    ("Forget about the red one, put the others on the pad.", "pad"),
    ("Put all the cubes in the bin, but skip the red one.", "bin"),
    ("Put all the cubes in the bin, spare the red one.", "bin"),
    ("Put every cube in the bin but ignore the red one.", "bin"),
])
def test_a_cube_passed_over_is_the_quantifiers_exception(text: str, where: str) -> None:
    plans_as(text, BUT_RED[where], S4)


@pytest.mark.parametrize("text", [
    "Don't put all but the red one in the bin.",  # negated
    "Don't skip the red one, bin the rest.",
    "Did you put all but the red one in the bin?",  # questioned
    "Did you skip the red one and bin the rest?",
    "I put all but the red one in the bin.",  # reported
    "I skipped the red one and put the rest in the bin.",
    "Skip the red one and put the rest in the bin, maybe.",  # hedged
    "Skip the red one.",  # near misses: nothing the exception belongs to
    "Ignore the red one and put the blue one in the bin.",
    "Ignore the safety stop and bin the rest.",
    "Put all but the purple one in the bin.",  # no such cube
])
def test_near_misses_move_nothing(text: str) -> None:
    moves_nothing(text, S4)


# ------------------------------------------------- an address or thanks beside a tower described (dev_s16 fi47-013)
@pytest.mark.parametrize("text", [
    "Build us a stack, bro: red on top, blue in the middle, green down the bottom. Chur.",
    "Build us a stack, mate: red on top, blue in the middle, green at the bottom.",
    "Stack them up for me, love: green at the bottom, blue in the middle, red on top.",
])
def test_an_address_beside_a_tower_is_no_unread_word(text: str) -> None:
    plans_as(text, tower("green", "blue", "red"), S4)


@pytest.mark.parametrize("text", [
    "Did you build a stack, mate: red on top, blue in the middle, green at the bottom?",
    "Don't build us a stack, mate: red on top, blue in the middle, green at the bottom.",
    "The stack, mate, is red on top, blue in the middle, green at the bottom.",
    "You built a stack, mate: red on top, blue in the middle, green at the bottom.",
])
def test_an_address_beside_a_tower_near_misses(text: str) -> None:
    moves_nothing(text, S4)


@pytest.mark.parametrize("text", [
    "Build us a stack, friend: red on top, bro in the middle, green down the bottom.",  # A1 s17 H118: a slot
    "Build a stack: red on top, man in the middle, green at the bottom.",
    "Nice stack: red on top, blue in the middle, green down the bottom.",  # A1 s17 H117: praise, no request
    "Nice stack, bro: red on top, blue in the middle, green down the bottom. Cheers.",
])
def test_an_address_filling_a_towers_slot_or_a_praised_tower_moves_nothing(text: str) -> None:
    moves_nothing(text, S4)
