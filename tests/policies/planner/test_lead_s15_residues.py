"""A1 s15 findings left open at the session's end, closed by the lead: a tag said as a sentence of its own after a
goal with no verb (H87, H89 on the model), ", right?" read as part of a place (H85, moved the cube in the
simulator), and a wish ending on "to" that the model planned as a request (H72)."""
from __future__ import annotations

import pytest
from planner_asserts import S3, moves_nothing
from test_planner_fresh12_words import plan

from policies.planner import Plan
from policies.planner.grounding_guard import screen
from policies.planner.plan import Refusal


@pytest.mark.parametrize("text", [
    "Red in the bin. Okay?",
    "Red cube in the bin. Yeah?",
    "Red cube in the bin. Set?",
    "red in bin. ok?",
    "All the cubes in the bin. Right?",
    "Back home. Alright?",
    "Put the red cube on the right side, right?",
    "Put the red cube on the left side, right?",
    "Put the red cube on the pad, right?",
    "Push the red cube to the right, right?",
    "Red on blue, right?",
    # REV s15-R9: thanks after the tag, other marks before it
    "Everything in the bin. Okay? Thanks.",
    "Red in the bin; okay?",
    "Red in the bin... okay?",
    "Red cube in the bin. Yeah? Cheers.",
])
def test_a_tag_asking_for_confirmation_moves_nothing(text: str) -> None:
    moves_nothing(text)


@pytest.mark.parametrize("text", [
    "Put the red cube in the bin. Okay?",
    "Put the red cube in the bin, okay?",
    "Put the red cube on the right side, please.",
    "Push the red cube to the right.",
    "put red on blue?",
    "Put the red cube in the bin. Thanks.",
    "Put the red cube in the bin. Okay? Thanks.",
])
def test_requests_with_a_tag_of_agreement_still_plan(text: str) -> None:
    assert isinstance(plan(text, S3), Plan), text


def test_keep_on_the_pad_with_ok_is_the_request_its_gold_says() -> None:
    # fi41-053's gold plans it (Indian English "keep" = "put", P3 s15 87ddb73 with P1's ", okay?" hook in ebd2443);
    # test_P1_s14_shapes asserted the refusal from before that reading, and dropped that one case
    assert [str(s) for s in plan("Keep the green cube on the pad, okay?", S3).steps] == \
        [str(s) for s in plan("Put the green cube on the pad.", S3).steps]


@pytest.mark.parametrize("text", [
    "Put the red cube in the bin, I want to.",
    "Put the red cube in the bin, I'd love to.",
    "Put the red cube in the bin, I would love to.",
    "put red on blue, id like to",
    "put red on blue, i want to, thanks",
])
def test_the_model_never_sees_the_speakers_own_wish_to_act(text: str) -> None:
    verdict = screen(text, S3)
    assert isinstance(verdict.refusal, Refusal), (text, verdict)
    assert "wants to do it" in verdict.refusal.reason


@pytest.mark.parametrize("text", ["i want red on blue", "i would like the red cube in the bin",
                                  "i'd like red on blue please", "i want you to put red on blue"])
def test_wishes_for_the_robot_still_reach_the_model(text: str) -> None:
    assert screen(text, S3).refusal is None, text


@pytest.mark.parametrize("text", ["Cargo check: red cube in the bin.", "Cargo check: red cube, bin.",
                                  "Check: red cube, bin.", "Confirm: red cube in the bin."])
def test_a_check_label_before_a_state_asks_to_verify_it(text: str) -> None:
    moves_nothing(text)  # REV s15-R8: a status call, not an order (each refused on 8458c17)


@pytest.mark.parametrize("text", ["Cargo check: put the red cube in the bin.", "Item three: red cube, pad. Set.",
                                  "Cargo check: all cubes except the green cube, stow on the pad. Check.",
                                  "Red cube, left side!"])
def test_checklist_items_and_labels_before_a_verb_still_plan(text: str) -> None:
    assert isinstance(plan(text, S3), Plan), text
