"""Thanks after a question, the same rule in French and German as in English (issue #17 item 5, sixteenth pass).

English refuses "The red cube in the bin? Thanks." and "You put the red cube in the bin, right? Thanks." (P1's
speech_act, session 13's H51): one thanks for an answer as well as for a deed, so thanks do not turn a question into
a request. French and German planned the same shapes ("Le cube rouge dans la poubelle ? Merci.", "Den roten Würfel in
den Müll? Danke.", "Tu mets le cube rouge dans la poubelle, hein ? Merci.", "Den roten, den stellst du auf die linke
Seite, ja? Danke."). The rule, family by family:

- a goal with no verb, said with "?", stays a question whatever thanks follow it or stand in it ("merci ?", "danke?"):
  "please" marks the request ("s'il te plaît ?", "stp ?", "bitte?"), as English "The red cube in the bin,
  please?";
- a statement of "tu"/"vous"/"du" closed by a tag that asks whether it is so (French "hein ?", German any tag after a
  statement of "du": "ja?", "gell?", "oder?", "nicht wahr?", A1 s14 H57) stays a question whatever thanks follow;
- kept: a French present of "tu"/"vous" with "?" and thanks after it is a request (seen golds fd26-014 "Tu me gares le
  cube bleu sur le pad ? Merci.", fd28-013), as is German "Legst du ...? Danke!" (pinned since s13); a request
  (imperative, modal frame) with a tag and thanks plans; a verbless goal said with a full stop before thanks plans.
"""

from __future__ import annotations

import pytest
from planner_asserts import filled_moves_nothing, filled_plans
from test_translation_spoken import _TRIPLES

_THANKS_FR = ("Merci.", "Merci !", "Merci beaucoup.", "Merci bien !", "Oh merci.")
_THANKS_DE = ("Danke.", "Danke!", "Danke dir!", "Danke schön.", "Vielen Dank!", "Merci.")


@pytest.mark.parametrize("thanks", _THANKS_FR)
@pytest.mark.parametrize("template", [
    # a verbless goal with "?"
    "Le cube {x} dans la poubelle ?",
    "Le {x} sur le {y} ?",
    "Tout dans la poubelle ?",
    "Zou, le cube {x} dans la poubelle ?",
    "Le cube {x} dans la poubelle, merci ?",
    # ... with a tag of confirmation or of consent (REV s14 R7)
    "Le cube {x} dans la poubelle, hein ?",
    "Le cube {x} dans la poubelle, d'accord ?",
    "Le {x} sur le pad, ok ?",
    # a statement of "tu"/"vous" with a tag that asks whether it is so
    "Tu mets le cube {x} dans la poubelle, hein ?",
    "Vous mettez le cube {x} dans la poubelle, hein ?",
    "Tu me mets le {x} sur le {y}, hein ?",
    "Tu pousses le cube {x} à gauche, hein ?",
])
def test_a_french_question_followed_by_thanks_is_refused(template: str, thanks: str) -> None:
    filled_moves_nothing(f"{template} {thanks}")


@pytest.mark.parametrize("thanks", _THANKS_DE)
@pytest.mark.parametrize("template", [
    # a verbless goal with "?"
    "Den {X} Würfel in den Müll?",
    "Der {XB}e Würfel in den Müll?",
    "Den {X} auf den {Y}?",
    "Alle Würfel in den Müll?",
    "Den {X} Würfel in den Müll, danke?",
    # ... with a tag
    "Den {X} Würfel in den Müll, ja?",
    "Den {X} Würfel in den Müll, oder?",
    "Den {X} aufs Pad, gell?",
    # a statement of "du" with a tag (A1 s14 H57)
    "Du legst den {X} Würfel in den Müll, ja?",
    "Du legst den {X} Würfel in den Müll, oder?",
    "Legst du den {X} Würfel in den Müll, nicht wahr?",
    "Den {X} Würfel legst du in den Müll, gell?",
    "Den {X}, den stellst du auf die linke Seite, ja?",
    "Du schiebst den {X} nach links, okay?",
])
def test_a_german_question_followed_by_thanks_is_refused(template: str, thanks: str) -> None:
    filled_moves_nothing(f"{template} {thanks}")


@pytest.mark.parametrize("triple", _TRIPLES, ids="-".join)
@pytest.mark.parametrize(("template", "spec"), [
    # ("please" in a question with no verb no longer marks a request since the twenty-third pass, REV s22 R13: "Le cube
    # {x} dans la poubelle, s'il te plaît ? Merci." is pinned refused in test_P2_s23_fd44)
    # the French present of "tu"/"vous" with thanks after it (fd26-014, fd28-013), or a tag of consent
    ("Tu me mets le cube {x} dans la poubelle ? Merci.", ("x>bin",)),
    ("Tu mets le cube {x} dans la poubelle ? Merci !", ("x>bin",)),
    ("Tu me mets le {x} dans la poubelle, d'accord ? Merci.", ("x>bin",)),
    # German verb first with thanks (s13), a tag after a "bitte"
    ("Legst du den {X} Würfel in den Müll? Danke!", ("x>bin",)),
    ("Den {X}, den stellst du bitte auf die linke Seite, ja? Danke.", ("x>left",)),
    # a request (imperative, modal) with a tag, then thanks
    ("Mets le cube {x} dans la poubelle, hein ? Merci.", ("x>bin",)),
    ("Leg den {X} Würfel in den Müll, oder? Danke!", ("x>bin",)),
    ("Sei so lieb und leg den {X} Würfel aufs Pad, ja? Danke dir!", ("x>pad",)),
    ("Tu peux mettre le cube {x} dans la poubelle ? Merci.", ("x>bin",)),
    ("Kannst du den {X} Würfel in den Müll legen? Danke.", ("x>bin",)),
    # a verbless goal said as a request (full stop, comma) with thanks
    ("Le cube {x} dans la poubelle. Merci.", ("x>bin",)),
    ("Le cube {x} dans la poubelle, merci.", ("x>bin",)),
    ("Den {X} Würfel in den Müll. Danke!", ("x>bin",)),
    ("Den {X} Würfel in den Müll, danke.", ("x>bin",)),
])
def test_a_request_with_thanks_plans_exactly(template: str, spec: tuple[str, ...],
                                             triple: tuple[str, str, str]) -> None:
    filled_plans(template, spec, triple)


@pytest.mark.parametrize("template", [
    # negated, reported, hedged or past: refused with or without thanks
    "Ne mets pas le cube {x} dans la poubelle, hein ? Merci.",
    "Tu as mis le cube {x} dans la poubelle ? Merci.",
    "Le cube {x} est dans la poubelle ? Merci.",
    "Peut-être le cube {x} dans la poubelle ? Merci.",
    "Den {X} Würfel nicht in den Müll? Danke.",
    "Hast du den {X} Würfel in den Müll gelegt? Danke.",
    "Der {XB}e Würfel ist im Müll? Danke.",
    "Vielleicht den {X} Würfel in den Müll? Danke.",
])
def test_a_negated_reported_or_hedged_variant_is_refused(template: str) -> None:
    filled_moves_nothing(template)
