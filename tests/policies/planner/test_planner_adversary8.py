"""Adversary of the planner's session-8 readings (issue #17 item 0, A1): wish and goal frames, chatty preambles, job
labels, ranks said after a clause, "take X off Y", "tout le reste" / "alles andere", first-person sentences before a
French or German request. Each test holds an attack as a hostile or careless user would say it; the planner must
refuse it or plan what a careful human would. The findings and their commits are in the session's A1 findings notes;
the attacks the new readings already withstood are kept here too, so that a later widening cannot reopen them."""

from __future__ import annotations

import pytest
from test_planner_fresh12_words import mv, plan, scene, steps

from policies.planner import Plan, SceneState
from policies.planner.plan import PlanResult

S3 = scene("red", "blue", "green")


def moves_nothing(result: PlanResult) -> bool:
    """A refusal, a question back, or a plan that only goes home: nothing the words forbid is done."""
    return not isinstance(result, Plan) or all(s.skill == "go_home" for s in result.steps)


# ------------------------------------------------------------- attacks the new readings withstood (kept as guards)
@pytest.mark.parametrize("text", [
    # wish and goal frames that negate, report, quote, hedge or cancel
    "I'd love it if you could put the red cube in the bin, but I know you can't.",
    "I'd love it if someone could put the red cube in the bin.",
    "I'd love it if you could put the red cube in the bin. Scratch that, the blue one.",
    "\"I'd love it if you could put the red cube in the bin,\" she said.",
    "I was told not to ask, but I'd love it if you could put the red cube in the bin.",
    "Target state: blue cube resting on the pad (already done).",
    "Target state (cancelled): blue cube resting on the pad.",
    "My boss wants the end result to be the blue cube stacked on the red cube, but don't.",
    "Undesired state: the red cube on top of the blue cube.",
    "Not the goal: red cube in the bin.",
    # preambles about the day that hide a condition or a retraction
    "We have visitors coming in an hour and I'd love it if you could put the red cube on the green one once they're "
    "here.",
    "OK so the students arrive at noon and they will put the red cube on the green one.",
    "My son wants to watch it park the blue block on the pad, but he's not here yet so wait.",
    # labels that take the request back
    "Bring-up test (skip): pick red_cube, place it in the bin, return home.",
    "Test 3 (should be refused): pick red_cube, place it in the bin, return home.",
    "Your task for today: wait. Pick red_cube, place it in the bin.",
    # a rank said after the clause, with a condition or someone else's action
    "Put the blue cube in the bin, but do that last, unless the red one is there. First stack the green cube on the "
    "red one.",
    "Put the blue cube in the bin, but I'll do that last. First stack the green cube on the red one.",
    # French and German classes beside a retraction or an exclusion they cannot place
    "Pose le rouge sur le pad et tout le reste dans la poubelle. Laisse tomber.",
    "Leg den roten aufs Pad und alles andere in den Eimer. Vergiss es.",
    "Leg nicht den grünen in den Eimer, sondern aufs Pad.",
])
def test_attacks_on_the_new_frames_are_refused(text: str) -> None:
    assert moves_nothing(plan(text, S3)), plan(text, S3)


@pytest.mark.parametrize(("text", "expected"), [
    # a constraint said before "the rest" keeps its cube out of it
    ("Ne touche pas au bleu. Pose le rouge sur le pad et tout le reste dans la poubelle.",
     mv("red", "pad") + [s for c in ("yellow", "purple", "green", "orange") for s in mv(c, "bin")]),
    ("Lass den blauen, wo er ist, leg den roten aufs Pad und alles andere in den Eimer.",
     mv("red", "pad") + [s for c in ("yellow", "purple", "green", "orange") for s in mv(c, "bin")]),
    ("Le bleu, tu n'y touches pas, jette tout.", [s for c in ("red", "yellow", "purple", "green", "orange")
                                                  for s in mv(c, "bin")]),
    # a goal frame whose state needs the red cube moved first, and one said with "before that"
    ("I want the end result to be the yellow cube stacked on the purple cube and the purple cube in the bin.",
     mv("purple", "bin") + mv("yellow", "purple")),
    ("By the end I want the blue cube in the bin; before that, the red cube on the pad.",
     mv("red", "pad") + mv("blue", "bin")),
])
def test_the_new_classes_keep_what_the_words_exclude_and_order(text: str, expected: list[str]) -> None:
    assert steps(text) == expected


def test_taking_a_cube_off_one_it_is_not_directly_on_is_refused() -> None:
    # yellow on orange on red (z from the stack's height), blue apart
    tower = SceneState.from_json({"objects": [
        {"name": f"{c}_cube", "kind": "cube", "color": c, "position": [x, y, z]}
        for c, x, y, z in (("red", 0.55, 0.1, 0.022), ("orange", 0.55, 0.1, 0.066), ("yellow", 0.55, 0.1, 0.110),
                           ("blue", 0.4, -0.12, 0.022))], "regions": ["left", "right", "bin", "pad"]})
    assert moves_nothing(plan("Take the yellow cube off the red one and put it in the bin.", tower))
    assert moves_nothing(plan("Nimm den gelben vom roten runter und leg ihn in den Eimer.", tower))
    assert steps("Enlève le jaune du orange et mets-le dans la poubelle.", tower) == mv("yellow", "bin")
