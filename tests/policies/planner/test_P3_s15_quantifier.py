"""Session 15, English meaning (issue #17), quantifiers from the seen wrong refusals: why a cube is left out, said after
the exception ("Put all the blocks in the bin except the purple one, that's my favourite colour, you see.", fi36-026;
"..., i like the yellow one", f29-029), herding "all them cubes" / "every last one of them cubes" and "pen/move 'em"
(f29-024, fi38-024), and "all"/"whole" in idioms that count no cubes (f27-002, fi34-006). Their near misses refuse."""

from __future__ import annotations

import pytest
from planner_asserts import cube_scene, moves_nothing
from test_planner_fresh12_words import mv, steps

RBP = cube_scene(("red", [0.45, 0.1, 0.022]), ("blue", [0.55, -0.12, 0.022]), ("purple", [0.38, -0.02, 0.022]))
ALL_BUT_PURPLE_BINNED = mv("red", "bin") + mv("blue", "bin")
ALL_LEFT = mv("red", "left") + mv("blue", "left") + mv("purple", "left")


@pytest.mark.parametrize("text", [
    "Put all the blocks in the bin except the purple one, that's my favourite colour, you see.",  # fi36-026
    "put all the blocks in the trash but not the purple one, i like the purple one",  # f29-029
    "Put every cube in the bin except the purple one. It's our MVP, it stays.",
    "Put every cube in the bin except the purple one, it's my lucky charm.",
    "Put every cube in the bin except the purple one, he stays.",
])
def test_a_reason_after_the_exception_adds_nothing(text: str) -> None:
    assert steps(text, RBP) == ALL_BUT_PURPLE_BINNED


@pytest.mark.parametrize("text", [
    "Round up all them cubes and move 'em on over to the left side of the table, would ya?",  # f29-024
    "Round up every last one of them cubes and pen 'em on the left side.",  # fi38-024
    "Gather all the cubes and lay them on the left side.",
    "Round up every cube and stick 'em on the left side.",
])
def test_every_cube_herded_then_placed_through_them(text: str) -> None:
    assert steps(text, RBP) == ALL_LEFT


def test_herded_with_an_exception() -> None:
    assert steps("Round up all them cubes except the purple one and pen 'em on the left side.", RBP) == \
        mv("red", "left") + mv("blue", "left")


@pytest.mark.parametrize("text", [
    "Put all the blocks in the bin except the purple one, that's the one to move.",
    "Put all the blocks in the bin except the purple one, put it on the pad.",
    "Put all the blocks in the bin except the purple one, that's the red one's spot.",
    "Put all the blocks in the bin except the purple one, it's going on the pad.",
    "Put all the blocks in the bin except the purple one, it's mine, I don't want it binned.",
    "Put all the blocks in the bin except the purple one, you see?",
    "Don't put all the blocks in the bin except the purple one, that's my favourite colour.",
    "Put all the blocks in the bin except the purple one, that's my favourite colour, and the red one too.",
    "Round up all them cubes and pen 'em on the red one.",
    "Round up all them cubes and don't move 'em to the left side.",
    "Did you round up all them cubes and move 'em to the left side?",
    "I rounded up all them cubes and penned 'em on the left side.",
    "Round up all them cubes and pen 'em on the left side?",
    "Round up them cubes and pen 'em on the left side.",
    "That green cube's been riding the bench all season.",
    "Leave the blue cube alone, it's been there all day. Put the red cube in the bin.",
])
def test_quantifier_near_misses_move_nothing(text: str) -> None:
    moves_nothing(text, RBP)


RBPG = cube_scene(("red", [0.45, 0.1, 0.022]), ("blue", [0.55, -0.12, 0.022]), ("purple", [0.38, -0.02, 0.022]),
                  ("green", [0.6, 0.15, 0.022]))


@pytest.mark.parametrize("text", [  # dev_s15 fi43-007, fi43-061, f26-024, fi44-033
    "All cubes except the green cube, stow on the pad.",
    "All cubes except the green cube, you put on the pad.",
    "Every cube except the green one over to the pad.",
    "Everything onto the pad apart from the green one, I still need it.",
])
def test_every_cube_but_green_to_the_pad_said_verbless_or_verb_last(text: str) -> None:
    assert steps(text, RBPG) == mv("red", "pad") + mv("blue", "pad") + mv("purple", "pad")


@pytest.mark.parametrize("text", [
    "Every cube, over to the left side, I think.",
    "Every cube over to the left side?",
    "All cubes except the green cube, don't put on the pad.",
    "All cubes except the green cube, stow them on the pad.",
    "Put the blue one on the pad, all cubes except the green cube, stow on the pad.",
    "Everything onto the pad apart from the green one, I still need it for the bin.",
    "Everything onto the pad apart from the green one, I still need the red one.",
])
def test_verbless_quantifier_near_misses_move_nothing(text: str) -> None:
    moves_nothing(text, RBPG)


@pytest.mark.parametrize("text", [  # A1 s15 H83: the quantifier's cube moved again by the next sentence, no order word
    "Every cube, please you put on the right side. The red one in the bin.",
    "All cubes, stow on the pad; the red one in the bin.",
    "Every single cube over to the left side; the red one in the bin.",
    "Put every cube on the right side; put the red one in the bin.",
    "Put every cube on the right side. Put the red one in the bin.",
])
def test_a_cube_of_the_quantifier_moved_again_next_is_refused(text: str) -> None:
    moves_nothing(text, RBP)


def test_a_cube_of_the_quantifier_moved_again_then_keeps_the_order() -> None:
    assert steps("Put every cube on the right side. Then put the red one in the bin.", RBP) == \
        mv("red", "right") + mv("blue", "right") + mv("purple", "right") + mv("red", "bin")
