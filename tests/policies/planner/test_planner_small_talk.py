"""Small talk around a request (issue #17 item 2, fresh split indep5-027): greetings, wishes, emoticons and
thanks never add a step. Prefixed or suffixed to every development record, the plan is the record's own plan
or a refusal, never a different plan; and an English word one edit from a lexicon word ("hope", "home") is a
word, not a misspelling.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policies.planner import Plan, SceneState, make_planner
from policies.planner.phrasing import correct_typo

DATA = Path(__file__).resolve().parents[3] / "policies" / "planner" / "data"
PREFIXES = (
    "Hey there! Hope your servos are feeling good today :)",
    "Hi! How are you today?",
    "Good morning robot, hope you slept well.",
    "Hope you're doing great ;-)",
    "What a lovely day!",
    "hello :D",
    "Howdy 😊",
    "I hope the weather is nice where you are.",
)
SUFFIXES = (
    "Thanks a bunch!",
    "Have a nice day :)",
    "You're the best!",
    "Hope that's not too much trouble.",
    "cheers <3",
    "good job, robot",
)


def _records() -> list[dict]:
    out = []
    for name in ("devset.jsonl", "dev_phrasing.jsonl"):
        out += [json.loads(line) for line in (DATA / name).read_text().splitlines() if line.strip()]
    return out


@pytest.mark.slow
def test_small_talk_around_any_development_record_never_changes_its_plan() -> None:
    # Every record gets one prefix and one suffix, in rotation, so each sentence wraps ~100 records of every kind.
    planner = make_planner("parser")
    changed = []
    for i, rec in enumerate(_records()):
        state = SceneState.from_json(rec["scene"])
        plain = planner.plan(rec["instruction"], state)
        for text in (f"{PREFIXES[i % len(PREFIXES)]} {rec['instruction']}",
                     f"{rec['instruction']}. {SUFFIXES[i % len(SUFFIXES)]}"):
            chatty = planner.plan(text, state)
            if isinstance(chatty, Plan) and chatty != plain:
                changed.append((text, plain, chatty))
    assert not changed, changed[:3]


@pytest.mark.parametrize("text", [
    "Hey there! Hope your servos are feeling good today :) Could you please pop the red cube onto the pad for me? "
    "Thanks a bunch!",
    "Hi! How are you today? Put the red cube on the pad :-) have a nice day!",
    "hope you're well, put the red cube on the pad 😊",
])
def test_a_request_wrapped_in_small_talk_plans_as_the_request_alone(text: str) -> None:
    state = SceneState.from_json({"objects": [{"name": f"{c}_cube", "kind": "cube", "color": c}
                                              for c in ("red", "blue")], "regions": ["left", "right", "bin", "pad"]})
    result = make_planner("parser").plan(text, state)
    assert isinstance(result, Plan), result
    assert [str(s) for s in result.steps] == ["pick(object=red_cube)", "place_in(region=pad)"]


def test_a_wish_that_names_an_action_is_not_dropped_as_small_talk() -> None:
    state = SceneState.from_json({"objects": [{"name": f"{c}_cube", "kind": "cube", "color": c}
                                              for c in ("red", "blue")], "regions": ["left", "right", "bin", "pad"]})
    result = make_planner("parser").plan("I hope you won't touch the red cube, put the blue cube in the bin", state)
    assert not isinstance(result, Plan) or all(s.args.get("object") != "red_cube" for s in result.steps)


@pytest.mark.parametrize("word", ["hope", "come", "dome", "cute", "tube", "night", "stop", "play", "best", "pack"])
def test_an_english_word_near_a_lexicon_word_is_not_corrected(word: str) -> None:
    assert correct_typo(word) == word
