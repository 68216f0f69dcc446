"""Openers of the French/German seen failures (issue #17 item 5, nineteenth pass; fd23-002, fd23-029, fd29-032,
fd31-003): what the request is for, said first with a comma, from a closed list of lab occasions ("Pour le premier
essai, ...", "Pour la démo de cet aprèm, ..."; never the next one, a later run: A1 s19 H150), and a turn asked before
the request ("Darf ich auch mal? Äh...").
What follows them is read as before: a question, a negation or a state after them moves nothing.
"""

from __future__ import annotations

import pytest
from planner_asserts import filled_moves_nothing, filled_plans
from test_translation_spoken import _TRIPLES


@pytest.mark.parametrize("triple", _TRIPLES[:2], ids="-".join)
@pytest.mark.parametrize(("template", "spec"), [
    ("Pour le premier essai, mets le {x} sur le {y}, s'il te plaît.", ("x>y",)),
    ("Pour la démo de cet aprèm, mets le {x} dans la poubelle.", ("x>bin",)),
    ("Darf ich auch mal? Äh... stell den {X} Würfel bitte auf die rechte Seite.", ("x>right",)),
    ("Darf ich auch mal? Leg den {X} in den Müll.", ("x>bin",)),
])
def test_an_occasion_or_a_turn_asked_first_is_taken_off(template: str, spec: tuple[str, ...],
                                                        triple: tuple[str, str, str]) -> None:
    filled_plans(template, spec, triple)


@pytest.mark.parametrize("template", [
    "Pour le premier essai, ne mets pas le {x} dans la poubelle.",
    # a later run (A1 s19 H150)
    "Pour le prochain essai, mets le {x} dans la poubelle.",
    "Pour la prochaine démo, mets le {x} dans la poubelle.",
    # "Äh?" doubts what was said
    "Äh? Leg den {X} in den Müll.",
    "Pour le prochain essai, tu mets le {x} dans la poubelle ?",
    "Pour le prochain essai, le {x} est dans la poubelle.",
    "Pour mon chef, mets le {x} dans la poubelle.",
    "Darf ich auch mal? Legst du den {X} in den Müll?",
    "Darf ich auch mal? Der {XB}e Würfel im Müll.",
    "Darf ich auch mal den {X} in den Müll legen?",
])
def test_what_follows_them_is_read_as_before(template: str) -> None:
    filled_moves_nothing(template)
