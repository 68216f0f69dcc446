"""The convention for a French tag after a tu/vous statement in the present (issue #17 item 5, fifteenth pass).

"Tu mets le cube rouge dans la poubelle, d'accord ?" is how French gives an instruction: the present of "tu"/"vous"
says what the listener is to do, and "d'accord ?" / "ok ?" asks for consent to it (a seen gold, fresh_fr_de_6: "Alors,
vous mettez le cube X dans le bac et vous retournez en position initiale, ok ?"). It plans. English "you put" is past
as often as present, which is why "You put the red cube in the bin, okay?" is refused; French "tu mets" is present
only. Refused, as before: the same statement with no tag and a "?" (a question), the tags that ask whether something
is so ("hein ?", "non ?", "oui ?", "n'est-ce pas ?", "c'est ça ?", "pas vrai ?", "d'accord ou pas ?", "pas
d'accord ?"), the past, imperfect or future, a hedge, a condition, another subject ("je", "on", "il"), a negation, a
take-back after the tag, and a verbless goal with a tag ("Le cube rouge dans la poubelle, d'accord ?", REV s14 R7).
German keeps refusing "Du legst ..., okay?" / "ja?" / "gell?" (A1 s14 H57): no seen German gold gives an instruction
this way, and refusing is the safe side.
"""

from __future__ import annotations

import pytest
from planner_asserts import filled_moves_nothing
from test_translation_spoken import _TRIPLES, assert_plans_exactly


@pytest.mark.parametrize("triple", _TRIPLES, ids="-".join)
@pytest.mark.parametrize(("template", "spec"), [
    ("Tu mets le cube {x} dans la poubelle, d'accord ?", ("x>bin",)),
    ("Tu mets le cube {x} dans la poubelle, ok ?", ("x>bin",)),
    ("Tu mets le cube {x} dans la poubelle, okay ?", ("x>bin",)),
    ("Vous mettez le cube {x} dans la poubelle, d'accord ?", ("x>bin",)),
    ("Toi tu mets le cube {x} dans la poubelle, d'accord ?", ("x>bin",)),
    ("Tu me mets le {x} dans la poubelle, d'accord ? Merci.", ("x>bin",)),
    ("Tu poses le cube {x} sur le {y}, d'accord ?", ("x>y",)),
    ("Tu pousses le cube {x} à gauche, d'accord ?", ("push:x:left",)),
    ("Tu retournes à ta position de départ, d'accord ?", ("home",)),
    ("D'abord tu mets le cube {x} dans la poubelle, d'accord ?", ("x>bin",)),
    ("Tu mets le {x} dans la poubelle sans toucher le {y}, d'accord ?", ("x>bin",)),
])
def test_a_present_statement_with_a_tag_of_consent_plans(template: str, spec: tuple[str, ...],
                                                          triple: tuple[str, str, str]) -> None:
    assert_plans_exactly(template, spec, triple)


@pytest.mark.parametrize("template", [
    "Tu mets le cube {x} dans la poubelle ?",
    "Tu mets le cube {x} dans la poubelle, hein ?",
    "Tu mets le cube {x} dans la poubelle, non ?",
    "Tu mets le cube {x} dans la poubelle, oui ?",
    "Tu mets le cube {x} dans la poubelle, n'est-ce pas ?",
    "Tu mets le cube {x} dans la poubelle, c'est ça ?",
    "Tu mets le cube {x} dans la poubelle, c'est bien ça ?",
    "Tu mets le cube {x} dans la poubelle, pas vrai ?",
    "Tu mets le cube {x} dans la poubelle, d'accord ou pas ?",
    "Tu mets le cube {x} dans la poubelle, pas d'accord ?",
    "Tu mets le cube {x} dans la poubelle, si j'ai bien compris ?",
    "Tu as mis le cube {x} dans la poubelle, d'accord ?",
    "Vous avez mis le cube {x} dans la poubelle, ok ?",
    "Tu l'as mis dans la poubelle, d'accord ?",
    "Tu mettais le cube {x} dans la poubelle, d'accord ?",
    "Tu mettras le cube {x} dans la poubelle, d'accord ?",
    "Tu ne mets pas le cube {x} dans la poubelle, d'accord ?",
    "Tu mets pas le cube {x} dans la poubelle, d'accord ?",
    "Tu mets jamais le cube {x} dans la poubelle, d'accord ?",
    "Tu mets le cube {x} dans la poubelle, je crois, d'accord ?",
    "Tu mets le cube {x} dans la poubelle, peut-être, d'accord ?",
    "Si tu mets le cube {x} dans la poubelle, d'accord ?",
    "Quand tu mets le cube {x} dans la poubelle, d'accord ?",
    "Tu mets le cube {x} dans la poubelle demain, d'accord ?",
    "Je mets le cube {x} dans la poubelle, d'accord ?",
    "On met le cube {x} dans la poubelle, d'accord ?",
    "Il met le cube {x} dans la poubelle, d'accord ?",
    "Tu mets le cube {x} dans la poubelle, d'accord ? Non, pas le {x}.",
    "Tu mets le cube {x} dans la poubelle, d'accord ? Ou pas.",
    "Tu mets le cube {x} dans la poubelle, il a dit, d'accord ?",
    "Le cube {x} dans la poubelle, d'accord ?",
    "Tout dans la poubelle, d'accord ?",
    "Du legst den {X} Würfel in die Tonne, okay?",
    "Du legst den {X} Würfel in die Tonne, ja?",
    "Du legst den {X} Würfel in die Tonne, einverstanden?",
])
def test_a_question_report_or_hedge_with_a_tag_is_refused(template: str) -> None:
    filled_moves_nothing(template)
