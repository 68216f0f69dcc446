"""P1, session 20: dialect function words of the dev splits (issue 17; dialect.py, register.py, safety.py).

Families (closed classes of words a speaker of the dialect uses again):
(a) Yorkshire: the clipped article joined to its word ("t'bin", "t'red un"), "un(s)" without its apostrophe after a
    colour or a place word ("t'blue un", "that green un's"), "gi'" (give); the disposal idiom reads through "t'bin"
    ("Chuck it in t'bin.") as through "the bin" (dev fi59-002, 015, 042, 052, 058).
(b) Jamaican Creole: "yuh hear?" closing a sentence before the next, "nuh" closing an order after a comma (its
    softener), "yuh can <verb> ...?" (= can you ...?), "lef'" (left as a side, else leave), "firs' ting", "ova" (dev
    fi59-017, 020, 028, 061).
(c) A disposal reason: "<cube>'s no use to nobody / anybody / anyone" = useless, before a disposal of it (fi59-015).
Their negated, questioned, reported, hedged and near-miss twins refuse.
"""

from __future__ import annotations

import pytest
from planner_asserts import cube_scene, moves_nothing, plans_as
from test_planner_fresh12_words import mv

RYB = cube_scene(("red", [0.45, 0.1, 0.022]), ("yellow", [0.55, -0.12, 0.022]), ("blue", [0.38, -0.02, 0.022]))


# (a) ------------------------------------------------------------------------------------------------------- Yorkshire
@pytest.mark.parametrize(("text", "want"), [
    ("Grab t'red un an' put it in t'bin, will tha?", mv("red", "bin")),
    ("Stick t'yellow un atop t'red un, there's a good lad.", mv("yellow", "red")),  # fi59-042
    ("Put t'blue un on t'pad.", mv("blue", "pad")),
    ("That yellow un's no use to nobody. Chuck it in t'bin.", mv("yellow", "bin")),  # fi59-015
])
def test_yorkshire_joined_article_and_un(text: str, want: list[str]) -> None:
    plans_as(text, want, RYB)


def test_yorkshire_push_and_far_one() -> None:
    plans_as("Gi' t'blue un a push to t'left, lad.", ["push(object=blue_cube, direction=left)"])  # fi59-058
    plans_as("T'one furthest away from thee, stick it on top o' t'green un.",  # fi59-052
             mv("blue", "green"), cube_scene(("red", [0.4, 0.1, 0.022]), ("blue", [0.62, -0.1, 0.022]),
                                             ("green", [0.45, -0.2, 0.022])))


@pytest.mark.parametrize("text", [
    "Don't put t'red un in t'bin.", "Did tha put t'red un in t'bin?", "I put t'red un in t'bin.",
    "Put t'red un in t'bin, happen.", "Put t'red un in t'bin, will tha not?", "Tha's put t'red un in t'bin.",
    "Chuck t'red un.", "Chuck t'red un at t'wall.", "Chuck t'red un hard in t'bin.", "Never gi' t'blue un a push.",
    "Put t'red un in t'bin? Nay, leave it.",
])
def test_yorkshire_twins_move_nothing(text: str) -> None:
    moves_nothing(text)


# (b) ---------------------------------------------------------------------------------------------------------- Patois
@pytest.mark.parametrize(("text", "want"), [
    ("Lef' di blue one alone, yuh hear? Jus' put di green one pon top a di red one.", mv("green", "red")),  # fi59-017
    ("Set di red cube dung pon di pad, nuh.", mv("red", "pad")),  # fi59-020
    ("Yuh can move di green cube ova to di lef' side fi mi?", mv("green", "left")),  # fi59-028
    ("Firs' ting, put di blue cube pon di lef' side. After dat, put di red one inna di bin.",  # fi59-061
     mv("blue", "left") + mv("red", "bin")),
])
def test_patois_function_words(text: str, want: list[str]) -> None:
    plans_as(text, want)


@pytest.mark.parametrize("text", [
    "Set di red cube dung pon di pad, nuh?", "Nuh set di red cube dung pon di pad, nuh.",
    "Mi set di red cube dung pon di pad.", "Yuh cyaan move di green cube ova to di lef' side?",
    "Yuh did move di green cube ova to di lef' side?", "Yuh can see di green cube?",
    "Set di red cube dung pon di pad maybe, nuh.", "Set di red cube dung pon di pad, nuh true?",
    "Put di blue cube pon di lef' side, yuh hear? Mi put di red one inna di bin.",
    "Lef' di green one alone, yuh hear? Jus' put di green one pon top a di red one.",
    # A1 s20 H160: after a subject, ", nuh" is a question's or a remark's tag
    "Yuh put di red cube inna di bin, nuh.", "Yuh set di red cube dung pon di pad, nuh.",
    "You set the red cube down on the pad, nuh.", "Di red cube inna di bin, nuh.", "Red cube dung pon di pad, nuh.",
])
def test_patois_twins_move_nothing(text: str) -> None:
    moves_nothing(text)


# (c) ------------------------------------------------------------------------------------------ "no use to nobody"
@pytest.mark.parametrize("text", [
    "The green one's no use to anybody. Chuck it in the bin.", "That green cube is no use to anyone, bin it.",
    "The green cube's no use to nobody. Get rid of it.",
])
def test_no_use_to_anyone_before_a_disposal(text: str) -> None:
    plans_as(text, mv("green", "bin"))


@pytest.mark.parametrize("text", [
    "The green one's no use to nobody. Don't chuck it in the bin.", "Is the green one no use to anybody? Chuck it in "
    "the bin.", "The green one's no use to nobody. Put it on the pad.", "The green one's no use to nobody.",
    "The green one's no use to nobody, I think. Chuck it in the bin.",
])
def test_no_use_twins_move_nothing(text: str) -> None:
    moves_nothing(text)
