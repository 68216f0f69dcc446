"""A German statement asked back with its "du" left out (issue #17 item 5, REV s15-R7 [high] on 10ce3b7).

A verb of the second person closing the clause with no "du" ("Den roten Würfel in Mülleimer machst?", "Den roten
Würfel in den Mülleimer legst, ja?") before "?" or a confirmation tag ("ja?", "gell?", "oder?", "nicht wahr?") says
back what the listener does and asks whether it is so, as the same words with "du" do ("Du machst den roten Würfel in
Mülleimer?", "Den roten Würfel machst du weg?", refused already). Read word by word it planned: the learner's
"machst" on 10ce3b7, "legst" on 8458c17 already. It now refuses with a reason saying it is asked back; requests keep
planning.
"""

from __future__ import annotations

import pytest
from planner_asserts import S3, moves_nothing
from test_planner_fresh12_words import plan
from test_translation_spoken import _TRIPLES, assert_plans_exactly

from policies.planner import Plan, Refusal

_ASKED_BACK = [
    "Den roten Würfel in Mülleimer machst?",
    "Den roten Würfel in den Mülleimer machst?",
    "Den roten Würfel auf den blauen machst?",
    "Den roten Würfel auf das Pad machst?",
    "Den roten Würfel in Mülleimer machst, ja?",
    "Den roten Würfel in Mülleimer machst, gell?",
    "Den roten Würfel in Mülleimer machst, oder?",
    "Den roten Würfel in Mülleimer machst, nicht wahr?",
    "Den roten Würfel in Mülleimer machst, okay?",
    "Den roten Würfel in Mülleimer machst, ne?",
    "Den roten Würfel in den Mülleimer legst?",
    "Den roten Würfel in den Mülleimer legst, ja?",
    "Den roten Würfel in den Mülleimer legst, gell?",
    "Den roten Würfel auf die linke Seite stellst, oder?",
    "Den roten Würfel nach links schiebst?",
    "Den roten Würfel bitte in den Mülleimer legst?",
    "Also, den roten Würfel in den Mülleimer legst?",
]

# the same with the subject said: refused before, still refused
_WITH_DU = [
    "Du machst den roten Würfel in Mülleimer?",
    "Den roten Würfel machst du weg?",
    "Den roten Würfel in den Mülleimer machst du?",
    "Du machst den roten Würfel in Mülleimer, ja?",
    "Du legst den roten Würfel in den Mülleimer, gell?",
]


@pytest.mark.parametrize("text", _ASKED_BACK + _WITH_DU)
def test_a_du_form_verb_asked_back_moves_nothing(text: str) -> None:
    moves_nothing(text)


@pytest.mark.parametrize("text", _ASKED_BACK)
def test_the_refusal_says_it_is_asked_back(text: str) -> None:
    result = plan(text, S3)
    assert isinstance(result, Refusal), (text, result)
    assert "asks whether it is so" in result.reason, result.reason


@pytest.mark.parametrize("text", [
    "Leg bitte den roten Würfel in den Mülleimer.",
    "Kannst du den roten Würfel in den Mülleimer legen?",
    "Den roten Würfel in den Mülleimer, bitte.",
    "Leg den roten Würfel in den Mülleimer, gell?",
    "Leg den roten Würfel in den Mülleimer, ja?",
    "Den roten Würfel in Mülleimer machst.",  # the learner's statement said as an instruction (fd27)
    "Den roten Würfel in Mülleimer machst, bitte.",
    "Würdest du den roten Würfel in den Mülleimer legen?",
])
def test_requests_keep_planning(text: str) -> None:
    result = plan(text, S3)
    assert isinstance(result, Plan), (text, result)
    assert [s.skill for s in result.steps][:2] == ["pick", "place_in"], (text, result)


@pytest.mark.parametrize("triple", _TRIPLES, ids="-".join)
@pytest.mark.parametrize(("template", "spec"), [
    # a verb of "du" ending a subordinate clause that says its "du" is no statement asked back
    ("Bevor du {XB}e Würfel in Mülleimer machst, schieb erst den {Y} Würfel nach links, ja?", ("push:y:left", "x>bin")),
    ("Leg den {X} Würfel in den Mülleimer, bitte.", ("x>bin",)),
])
def test_a_subordinate_du_clause_and_requests_plan(template: str, spec: tuple[str, ...],
                                                   triple: tuple[str, str, str]) -> None:
    assert_plans_exactly(template, spec, triple)
