"""Session 16, English meaning (issue #17): the residues left open on main.

- A1 s15 H86: a request, then a part opened by a word that may correct it ("just", "actually", "simply", "well",
  "wait", "sorry", ...): "push the red one left, just pick it up" ran the push and the pick. Where the whole would run
  the earlier part's plan and more, it is refused; a restatement, a request after a negation and a correction read as
  a replacement keep their readings.
- A1 s15 H91: a tower DESCRIBED as a state ("Stack configuration is, top to bottom: red, blue, green.") was built. The
  family: a tower noun with a copula ("the stack is", "the tower's", "there is a tower"), "that's the stack", a state
  word ("as is", "currently"), praise closing it ("Nice."); real orders, and the verbless heading, keep planning.
- The speaker's place: the writers' spec puts the person at the robot, so "the cube nearest to me" is nearest to the
  robot and "push X towards me" is backward (seen golds fi42-060, fi43-062)."""

from __future__ import annotations

import pytest
from planner_asserts import S3, moves_nothing, plans_as, tower
from test_planner_fresh12_words import mv, steps

# ------------------------------------------------------------------------------------------ H86: corrections
BOTH = [
    "push the red one left, just pick it up",
    "push the red one left. Just pick it up.",
    "slide the red one left, just pick it up lol",
    "push the red one left, actually pick it up",
    "push the red one left - just put it on the pad",
    "push the red one left, just put the blue one on the pad",
    "push the red one left, simply put it in the bin",
    "put the red cube in the bin, just put the blue one on the pad",
    "Put the red cube on the pad. Actually, put the blue one in the bin.",
    "Put the red cube on the pad, well, put the blue one in the bin.",
    "Put the red cube on the pad, wait, just put the blue one in the bin.",
    "Put the red cube on the pad, sorry, actually put the blue one in the bin.",
    "Put the red cube on the pad, oh just push the blue one left.",
]


@pytest.mark.parametrize("text", BOTH)
def test_a_correction_is_never_run_with_what_it_corrects(text: str) -> None:
    moves_nothing(text, S3)


@pytest.mark.parametrize("text", [
    *(f"Did you {t[0].lower()}{t[1:]}" for t in BOTH[:3]),
    *(f"You {t}" for t in BOTH[5:8]),
    *(f"Maybe {t}, I think." for t in BOTH[5:8]),
])
def test_its_questioned_reported_and_hedged_variants_move_nothing(text: str) -> None:
    moves_nothing(text, S3)


@pytest.mark.parametrize(("text", "want"), [
    ("Don't touch the red cube, just put the green cube in the bin.", mv("green", "bin")),  # indep3-032
    ("Don't put the red cube in the bin, just put the blue one on the pad.", mv("blue", "pad")),  # negated first part
    ("get rid of the red cube - just bin it", mv("red", "bin")),  # dev_phrasing-082
    ("Slide the red cube forward a bit. Just push it, don't pick it up.",
     ["push(object=red_cube, direction=forward)"]),  # fi38-041
    ("Push the blue cube to the left a bit, just now.", ["push(object=blue_cube, direction=left)"]),  # fi32-049
    ("Push the red cube left. Just push it.", ["push(object=red_cube, direction=left)"]),
    ("Put the red cube on the pad, actually in the bin.", mv("red", "bin")),  # the correction alone
    ("Put the red cube on the blue one. Just put the green one on the pad too.",
     mv("red", "blue") + mv("green", "pad")),
    ("Put the red cube on the blue one, then just put the green one on the pad.",
     mv("red", "blue") + mv("green", "pad")),
])
def test_a_restatement_a_request_after_a_negation_and_an_addition_keep_their_readings(text: str,
                                                                                    want: list[str]) -> None:
    assert steps(text, S3) == want


# ------------------------------------------------------------------------------ H91: a tower described as a state
@pytest.mark.parametrize("text", [
    "Stack configuration is, top to bottom: red, blue, green.",
    "Stack configuration is, top to bottom: red, blue, green. Thanks!",
    "Stack configuration, top to bottom: red, blue, green. As is.",
    "Stack configuration, top to bottom: red, blue, green. Nice.",
    "Tower, bottom to top: green, blue, red. Nice.",
    "Tower: green at the bottom, blue in the middle, red on top. Very nice.",
    "The stack is, top to bottom: red, blue, green.",
    "The tower is red, blue, green, top to bottom.",
    "So the stack's red, blue, green, top to bottom.",
    "Our stack is red on top, blue in the middle, green at the bottom.",
    "The stack currently is red on blue on green.",
    "The tower was, from the top: red, blue, green.",
    "There is a tower: red on top, blue in the middle, green at the bottom.",
    "There's a stack here, bottom to top: green, blue, red.",
    "That's the stack, top to bottom: red, blue, green.",
    "Tower, top to bottom: red, blue, green, as it stands.",
    "Currently the tower goes, top to bottom: red, blue, green.",
    "Top to bottom, the tower is red, blue, green.",  # the direction first (A1 s16)
    "Bottom to top, the stack reads green, blue, red.",
    "Reading top to bottom, the stack is red, blue, green.",
    "The stack, top to bottom, is red, blue, green.",
    "The stack, from the top downwards, is red, blue, green.",
])
def test_a_tower_described_as_a_state_is_not_built(text: str) -> None:
    moves_nothing(text, S3)


TOWER = tower("green", "blue", "red")


@pytest.mark.parametrize("text", [
    "Stack them, top to bottom: red, blue, green.",
    "Tower, top to bottom: red, blue, green.",  # the verbless heading (f18-010, f26-012)
    "Stack configuration, top to bottom: red, blue, green. Confirm.",  # fi43-028
    "Stack configuration, top to bottom: red, blue, green.",
    "Target configuration is, top to bottom: red, blue, green.",
    "Target configuration: top to bottom: red, blue, green.",
    "Desired arrangement, bottom to top: green, blue, red.",
    "The final stack is, top to bottom: red, blue, green.",
    "The stack should be, top to bottom: red, blue, green.",
    "The stack is to be, top to bottom: red, blue, green.",
    "Make a stack. The order is, top to bottom: red, blue, green.",
    "Please build a tower. The tower is, top to bottom: red, blue, green.",
    "I want a stack: the stack is red on top, blue in the middle, green at the bottom.",
    "Build a stack. Top to bottom, the tower is red, blue, green.",
    "Top to bottom, the tower should be red, blue, green.",
])
def test_a_tower_asked_for_is_still_built(text: str) -> None:
    plans_as(text, TOWER)


# ------------------------------------------------------------------------- the speaker stands at the robot
@pytest.mark.parametrize(("text", "want"), [
    ("The block nearest to me, could you put that one on the pad, please?", mv("green", "pad")),  # fi42-060
    ("put the one closest to me on the pad", mv("green", "pad")),
    ("Put the cube nearest me in the bin.", mv("green", "bin")),
    ("Put the cube furthest from me in the bin.", mv("blue", "bin")),
    ("Put the cube farthest away from us on the pad.", mv("blue", "pad")),
    ("Put the cube that stands farthest from me in the bin.", mv("blue", "bin")),  # a near miss in P3 s15
    ("Put cube which is nearest to me on the red cube.", mv("green", "red")),  # a near miss in P3 s15
    ("give the red cube a little push towards me", ["push(object=red_cube, direction=backward)"]),  # fi43-062
    ("push the red cube towards me", ["push(object=red_cube, direction=backward)"]),
    ("slide the red cube a bit toward us", ["push(object=red_cube, direction=backward)"]),
    ("push the red cube away from me", ["push(object=red_cube, direction=forward)"]),
    ("give the blue cube a nudge away from me", ["push(object=blue_cube, direction=forward)"]),
])
def test_the_speakers_place_is_the_robots(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


@pytest.mark.parametrize("text", [
    "Don't push the red cube towards me.",
    "Did you push the red cube towards me?",
    "You pushed the red cube towards me.",
    "I pushed the red cube towards me.",
    "Push the red cube towards me, I think?",
    "Don't put the cube nearest to me in the bin.",
    "Did you put the cube nearest to me in the bin?",
    "I put the cube nearest to me in the bin.",
    "hand the red cube to me",
    "throw the green block to me",
    "tilt the table towards me",
    "put the red cube on my left",
    "put the red cube closer to me",
    "move the red cube towards me",
    "swing the arm as fast as you can toward me",
])
def test_the_speakers_place_near_misses_move_nothing(text: str) -> None:
    moves_nothing(text, S3)
