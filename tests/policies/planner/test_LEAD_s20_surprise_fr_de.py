"""A word of surprise, relief or dismay before French or German words with no verb of action remarks on a state found
(A1 s20 H163, a false execution on main: "Ach, der rote unten, der blaue in der Mitte, der grüne oben." built the
tower in the simulator; English has refused the same shape since A1 s19 H143). A verb, "s'il te plaît"/"bitte", a
next step ("et maintenant", "jetzt") or a German accusative object keeps the request."""

from __future__ import annotations

import pytest
from planner_asserts import moves_nothing, plans_as, tower
from test_planner_fresh12_words import mv, plan

from policies.planner import Plan


@pytest.mark.parametrize("text", [
    "Ach, der rote unten, der blaue in der Mitte, der grüne oben.",
    "Oh, der rote unten, der blaue in der Mitte, der grüne oben.",
    "Boah! Der rote unten, der blaue in der Mitte, der grüne oben.",
    "Oh, le rouge en bas, le bleu au milieu, le vert en haut.",
    "Ah, le rouge en bas, le bleu au milieu, le vert en haut.",
    "Oh, tous les cubes dans la poubelle.",
    "Oh, tout sauf le rouge dans la poubelle.",
    "Oh, le rouge sur le bleu.",
    "Ouf, le rouge dans la poubelle.",
    "Zut, le rouge dans la poubelle.",
    "Oh là là, le rouge dans la poubelle.",
    "Ach, der rote im Müll.",
    "Boah, alle Würfel in den Müll.",
])
def test_surprise_before_words_with_no_verb_moves_nothing(text: str) -> None:
    moves_nothing(text)


@pytest.mark.parametrize("text", ["Ah, à la maison.", "Oh, à la maison."])
def test_surprise_before_home_with_no_verb_is_refused(text: str) -> None:
    assert not isinstance(plan(text), Plan), text


@pytest.mark.parametrize(("text", "want"), [
    ("Oh, mets le rouge dans la poubelle.", mv("red", "bin")),
    ("Oh, le rouge dans la poubelle, s'il te plaît.", mv("red", "bin")),
    ("Ach, leg den roten in den Müll.", mv("red", "bin")),
    ("Ach, den roten in den Müll.", mv("red", "bin")),
    ("Oh, et maintenant le bleu sur le rouge.", mv("blue", "red")),
    ("Ach, jetzt den blauen auf den roten.", mv("blue", "red")),
    ("Oh, pousse le bleu à gauche.", ["push(object=blue_cube, direction=left)"]),
    ("Le rouge dans la poubelle.", mv("red", "bin")),
    ("Der rote unten, der blaue in der Mitte, der grüne oben.", tower("red", "blue", "green")),
    ("Ach, bau einen Turm: der rote unten, der blaue in der Mitte, der grüne oben.", tower("red", "blue", "green")),
])
def test_a_verb_a_please_a_next_step_or_an_accusative_keeps_the_request(text: str, want: list[str]) -> None:
    plans_as(text, want)


def test_ah_go_home_with_its_verb_plans() -> None:
    result = plan("Ah, rentre à la maison.")
    assert isinstance(result, Plan) and [s.skill for s in result.steps] == ["go_home"]
