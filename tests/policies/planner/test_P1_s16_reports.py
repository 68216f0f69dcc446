"""Reports of what was done that still planned (A1 s15 "lower", P1 s15 residue): "You let the red cube go into the
bin." ran as "put the red cube in the bin", register.py's reading of an ordering "let X go into <place>" taken for
the team's learner convention ("You put the red cube in the bin." plans). The family closed here:

- a causative past with "you" as its subject ("you let / made / had / got / allowed X (to) go / drop / travel ...")
  reports what was done (speech_act.py), as does any regular past in -ed before the cube it moved ("You raised the
  red cube and put it in the bin.", "You hoisted / tipped / lowered ..."), with or without an opener ("Wow, / So, /
  Then / Earlier you ...") or a "just" before the verb;
- "let X go into <place>" is read as "put" only as an order: the clause opens on it, or an order word, "please",
  a manner word or a polite frame stands before it ("could you let ...", "you can let ...", "I'd like you to let ...",
  "Exhale, and let ...", "but first let ..."); "we / they / someone / the robot let ..." stay unread.

Negated, questioned and hedged variants refuse; the bare "You put ..." learner convention is unchanged.
"""

from __future__ import annotations

import pytest
from planner_asserts import S3, plan
from test_planner_fresh12_words import mv, steps

from policies.planner import Plan, Refusal


def refused(text: str) -> None:
    result = plan(text, S3)
    assert isinstance(result, Refusal), (text, result)


@pytest.mark.parametrize("text", [
    "You let the red cube go into the bin.",
    "You let the red cube travel onto the pad.",
    "You let the red cube go into the bin and the blue one onto the pad.",
    "You just let the red cube go into the bin.",
    "So you let the red cube go into the bin.",
    "Wow, you let the red cube go into the bin.",
    "Then you let the red cube go into the bin.",
    "Earlier you let the red cube go into the bin.",
    "You let the red cube go into the bin. Thanks.",
    "You made the red cube go into the bin.",
    "You had the red cube go into the bin.",
    "You got the red cube to go into the bin.",
    "You allowed the red cube to go into the bin.",
    "You raised the red cube and put it in the bin.",
    "You hoisted the red cube and set it on the pad.",
    "You raised it and put it in the bin.",
    "You tilted the red one into the bin.",
    "Earlier you lowered the red cube onto the pad.",
    "Oh, you lifted the blue cube and set it on the pad.",
    "We let the red cube go into the bin.",
    "They let the red cube go into the bin.",
    "I let the red cube go into the bin.",
    "Someone let the red cube go into the bin.",
    "The robot let the red cube go into the bin.",
])
def test_a_report_of_what_was_let_made_or_done_refuses(text: str) -> None:
    refused(text)


@pytest.mark.parametrize("text", [
    "You let the red cube go into the bin?",
    "Did you let the red cube go into the bin?",
    "You let the red cube go into the bin, right?",
    "You let the red cube go into the bin, yeah?",
    "Don't let the red cube go into the bin.",
    "Never let the red cube go into the bin.",
    "Maybe let the red cube go into the bin.",
    "You raised the red cube and put it in the bin?",
])
def test_its_questioned_negated_and_hedged_variants_refuse(text: str) -> None:
    assert not isinstance(plan(text, S3), Plan), text


@pytest.mark.parametrize("text", [
    "Let the red cube go into the bin.",
    "Please let the red cube go into the bin.",
    "Gently let the red cube go into the bin.",
    "Can you let the red cube go into the bin?",
    "Could you please let the red cube go into the bin?",
    "You can let the red cube go into the bin.",
    "I'd like you to let the red cube go into the bin.",
    "Now let the red cube go into the bin.",
])
def test_let_as_an_order_still_plans(text: str) -> None:
    assert steps(text, S3) == mv("red", "bin")


def test_let_after_another_step_still_plans() -> None:
    assert steps("Put the blue cube on the pad, then let the red cube go into the bin.", S3) == \
        mv("blue", "pad") + mv("red", "bin")


@pytest.mark.parametrize("text", [
    "You put the red cube in the bin.",  # the learner convention (seen golds)
    "You need to put the red cube in the bin.",
    "Thank you. Put the red cube in the bin.",
])
def test_requests_with_you_still_plan(text: str) -> None:
    assert steps(text, S3) == mv("red", "bin")


# A1 s16 H96 (old on d46b999): a closing after a question or a tag sentence hid it from the screens; the sentences
# after the last '?' that name nothing of the scene are a closing, and the screens read the question as the end.
@pytest.mark.parametrize("text", [
    "Red in the bin. Okay? Appreciate it.",
    "Red in the bin. Okay? Much obliged.",
    "Red in the bin. Okay? Cheers mate.",
    "Red in the bin. Okay? Appreciate ya.",
    "Put the red cube on the right side, right? Thanks.",
    "Put the red cube on the right side, right? See ya.",
    "Put the red cube on the right side, right? Have a good one.",
    "Put the red cube in the bin, I think? Thanks.",
    "Put the red cube in the bin, I think? See ya.",
    "You put the red cube in the bin? Thanks.",
])
def test_a_closing_after_a_question_keeps_it_a_question(text: str) -> None:
    refused(text)


@pytest.mark.parametrize("text", [
    "Could you put the red cube in the bin? Thanks.",
    "Could you put the red cube in the bin? Appreciate it, you're a star.",
    "Put the red cube in the bin, ok? Thanks!",
    "Can you put the red cube in the bin? Cheers mate.",
])
def test_a_closing_after_a_polite_question_still_plans(text: str) -> None:
    assert steps(text, S3) == mv("red", "bin")


# A1 s16 H92: a second colour after an en or em dash or "--" was read as "and" ("Put the red – blue cube in the bin."
# binned both): a slip corrected, or two cubes? Refused as "red - blue" / "red/blue" already were; one colour said
# again after a dash ("except the green one — the green stays", seen gold f26-026) still plans.
@pytest.mark.parametrize("text", [
    "Put the red – blue cube in the bin.",
    "Put the red — blue cube in the bin.",
    "Put the red -- blue cube in the bin.",
    "Put the red — the blue cube in the bin.",
    "Put the red cube — blue cube in the bin.",
    "Put the red one — blue one in the bin.",
    "Put the red cube — blue — in the bin.",
])
def test_two_colours_across_a_dash_refuse(text: str) -> None:
    refused(text)


def test_one_colour_said_again_after_a_dash_still_plans() -> None:
    assert steps("Everything in the bin except the green one — the green stays. Go.", S3) == \
        mv("red", "bin") + mv("blue", "bin")


# A1 s16 H94 (English): an obligation asked back ("You have to put the red cube in the bin?") asks whether it must be
# done; said plainly it keeps the request.
@pytest.mark.parametrize("text", [
    "You have to put the red cube in the bin?",
    "You must put the red cube in the bin?",
    "You need to put the red cube in the bin?",
    "You should put the red cube in the bin?",
    "I need you to put the red cube in the bin?",
    "So you have to put the red cube in the bin?",
    "You have to put the red cube in the bin? Thanks.",
    "Put the red cube in the bin, you have to?",
    "U have to put the red cube in the bin?",
    "Ya need to put the red cube in the bin?",
    "You need to put the red cube in the bin... ?",
])
def test_an_obligation_asked_back_refuses(text: str) -> None:
    refused(text)


@pytest.mark.parametrize("text", ["You need to put the red cube in the bin.",
                                  "I need you to put the red cube in the bin."])
def test_an_obligation_said_plainly_still_plans(text: str) -> None:
    assert steps(text, S3) == mv("red", "bin")
