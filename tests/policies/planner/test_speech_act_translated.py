"""The speech-act screen's rules are English: a French or German instruction is screened again as translated, so
an either-or question asks which one as its English does instead of being refused as unread words (A1, session 6)."""

from __future__ import annotations

import pytest
from test_planner_fresh10_structure import plan, scene

from policies.planner import Clarification, Plan
from policies.planner.phrasing import in_english
from policies.planner.speech_act import speech_act_refusal

_SCENE = scene("red", "blue", "green")


@pytest.mark.parametrize("text", [
    "Mets le cube rouge dans la poubelle, ou le bleu ?",
    "Leg den roten Würfel in den Eimer, oder den blauen?",
    "Mets le cube vert sur le pad, ou le rouge ?",
])
def test_an_either_or_question_in_french_or_german_asks_which_one_as_in_english(text: str) -> None:
    lang, english, untranslatable = in_english(text)
    assert lang != "en" and untranslatable is None
    assert speech_act_refusal(text, _SCENE) is None  # the English rules do not read the original words
    assert isinstance(speech_act_refusal(english, _SCENE), Clarification)
    result = plan(text, _SCENE)
    assert isinstance(result, Clarification), result


@pytest.mark.parametrize("text", [
    "Mets le cube rouge dans la poubelle, s'il te plaît.",
    "Leg bitte den roten Würfel in den Eimer.",
])
def test_a_plain_french_or_german_request_still_plans(text: str) -> None:
    result = plan(text, _SCENE)
    assert isinstance(result, Plan), result
    assert [s.skill for s in result.steps] == ["pick", "place_in"]
