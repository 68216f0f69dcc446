"""Sentence shapes the seventeenth fresh split (fresh_independent_17, session 7's final, now seen) refused wrongly, read
as families (issue #17 item 2), each beside its negated, retracted or contradicted form, which must never run: wish
frames before the request ("I'd love it if you could put ...", "I want a stack with X at the very top, ..."), long
chatty preambles ("we have visitors coming in an hour and ..."), the learner's "please you take X and you put it",
labels naming the job ("Bring-up test: ..."), a clause's rank said after it ("..., but do that last. First ..."), a
summary before a colon ("Unstack it: take X off Y ..."), "stack them so X ends up on top of Y", "A, go home"."""

from __future__ import annotations

import pytest
from test_planner_fresh12_words import mv, plan, refused, scene, steps, touches

from policies.planner import Plan, SceneState

S3 = scene("red", "blue", "green")


def stacked(upper: str, lower: str, other: str) -> SceneState:
    """``upper`` standing on ``lower`` (from positions), ``other`` apart."""
    return SceneState.from_json({"objects": [
        {"name": f"{lower}_cube", "kind": "cube", "color": lower, "position": [0.55, 0.1, 0.022]},
        {"name": f"{upper}_cube", "kind": "cube", "color": upper, "position": [0.55, 0.1, 0.066]},
        {"name": f"{other}_cube", "kind": "cube", "color": other, "position": [0.4, -0.12, 0.022]}],
        "regions": ["left", "right", "bin", "pad"]})


# ------------------------------------------------------------- wish frames before the request
@pytest.mark.parametrize("frame", ["I'd love it if you could", "I would love it if you would",
                                   "I'd really like it if you", "we'd love it if you could",
                                   "I'd be so happy if you could", "I would be really grateful if you could please"])
def test_a_wish_frame_is_the_request(frame: str) -> None:
    assert steps(f"{frame} put the red cube on the green one.", S3) == mv("red", "green")
    assert steps(f"{frame} put the red cube in the bin and the blue one on the pad", S3) == \
        mv("red", "bin") + mv("blue", "pad")


@pytest.mark.parametrize("text", [
    "I'd love it if you could not put the red cube on the green one",
    "I'd hate it if you put the red cube on the green one",
    "I'd love it if you never put the red cube on the green one",
    "I wouldn't love it if you put the red cube on the green one",
    "I'd love it if you could put the red cube on the green one, not",
])
def test_a_wish_frame_never_hides_a_negation(text: str) -> None:
    refused(text, S3)


@pytest.mark.parametrize("wish", ["I want a stack with", "I'd like a tower with", "we need a little stack with",
                                  "what I want is a tower with", "can I get a tower with", "I would love a stack with"])
def test_a_wished_tower_is_built(wish: str) -> None:
    # (the roles are expansion.py's; "at the very top", "under it", "as the base" are read there too, f17-016)
    text = f"{wish} the red cube on top, the blue one in the middle and the green one at the bottom."
    assert steps(text, S3) == mv("blue", "green") + mv("red", "blue")


@pytest.mark.parametrize("text", [
    "I don't want a stack with the red cube at the very top, the blue one under it and the green one as the base",
    "I never want a tower with the red cube on top, the blue one in the middle and the green one at the bottom",
    "I wanted a stack with the red cube on top, the blue one in the middle and the green one at the bottom",
    "my colleague wants a stack with the red cube on top, the blue one in the middle and the green one at the bottom",
])
def test_a_negated_or_someone_elses_tower_wish_is_refused(text: str) -> None:
    refused(text, S3)


# ------------------------------------------------------------- chatty preambles and people who want to watch
@pytest.mark.parametrize("preamble", [
    "Hey, so I'm running a demo for some visitors in ten minutes and",
    "We have visitors coming in an hour and",
    "Hi there! We have some guests coming by later, so",
    "Morning! My manager is dropping by in ten minutes, so",
    "I'm setting up for a photo shoot and",
    "OK so the students arrive at noon and",
    "Quick one before my meeting:",
    "hey robot, long night, coffee machine broke again lol. anyway",
    "ok so the overnight run finished and i gotta reset the bench before the morning crew gets in, its kind of a "
    "mess rn.",
])
def test_a_preamble_about_the_day_is_dropped(preamble: str) -> None:
    assert steps(f"{preamble} I'd love it if you could put the red cube on the green one.", S3) == mv("red", "green")


@pytest.mark.parametrize("text", [
    "Someone is coming in ten minutes, so put the red cube in the bin.",
    "We'll do that later, so put the red cube in the bin.",
    "Put the red cube in the bin. We'll do that later.",
    "The arm is coming apart in ten minutes, so put the red cube in the bin.",
    "My manager is coming in ten minutes and she hates it when the red cube is in the bin, so put the blue cube on "
    "the pad.",
    "My kids are coming later and they will touch the arm, so put the red cube in the bin.",
    "arm broke again lol. put the red cube in the bin",
    "put the red cube in the bin. gripper jammed",
    "put the red cube in the bin, it's staying",
    "put the red cube in the bin, its staying",
])
def test_a_preamble_that_warns_or_defers_keeps_the_request_refused(text: str) -> None:
    refused(text, S3)


@pytest.mark.parametrize("who", ["My son wants to watch it", "my daughter would love to see you",
                                 "The students want to see the robot", "my boss would like to watch you"])
def test_someone_watching_the_request_is_the_request(who: str) -> None:
    assert steps(f"{who} park the blue block on the pad!", S3) == mv("blue", "pad")


@pytest.mark.parametrize("text", ["My son wants to watch it not park the blue block on the pad",
                                  "My son doesn't want to watch it park the blue block on the pad",
                                  "My son never wants to see you park the blue block on the pad"])
def test_someone_watching_never_hides_a_negation(text: str) -> None:
    refused(text, S3)


def test_a_reason_after_a_placement_is_dropped_but_not_its_negation() -> None:
    text = "Could you sit the green cube on top of the red one? I need it raised for the calibration shot."
    assert steps(text, S3) == mv("green", "red")
    refused("put the green cube on the red one. I don't need it raised for the photo.", S3)


# ------------------------------------------------------------- "please you take X and you put it"
@pytest.mark.parametrize("text", [
    "Please you take the green cube and you put it inside of the bin, thank you.",
    "please you pick the green cube and then you put it in the bin",
    "Please, you take the green cube and you place it inside of the bin.",
])
def test_the_learners_you_before_each_verb(text: str) -> None:
    assert steps(text, S3) == mv("green", "bin")


@pytest.mark.parametrize("text", [
    "Please you take the green cube and you don't put it inside of the bin",
    "Please you take the green cube and you never put it in the bin",
    "Please you don't take the green cube and you put it in the bin",
])
def test_the_learners_you_never_hides_a_negation(text: str) -> None:
    result = plan(text, S3)
    assert not (isinstance(result, Plan) and "place_in(region=bin)" in map(str, result.steps)), result


# ------------------------------------------------------------- labels naming the job
@pytest.mark.parametrize("label", ["Bring-up test:", "Smoke test #2:", "Today's task:", "Calibration run -",
                                   "Your task for today:", "Sanity check:", "Next job:", "Test 3:"])
def test_a_label_naming_the_job_is_dropped(label: str) -> None:
    assert steps(f"{label} pick red_cube, place it in the bin, return home.", S3) == [*mv("red", "bin"), "go_home()"]


@pytest.mark.parametrize("label", ["Cancelled test:", "Failed test:", "Previous task:", "Old task:", "Example task:",
                                   "Done:", "Skipped test:", "Not a task:", "My task:", "Yesterday's task:"])
def test_a_label_that_may_take_the_request_back_is_refused(label: str) -> None:
    refused(f"{label} put the red cube in the bin", S3)


@pytest.mark.parametrize("text", ["put the red cube in the bin, go home.", "pick the red cube, place it in the bin, "
                                  "go home", "put the red cube in the bin, put the blue cube on the pad, return home"])
def test_a_comma_before_going_home_is_then(text: str) -> None:
    result = steps(text, S3)
    assert result[-1] == "go_home()" and result[:2] == mv("red", "bin")


# ------------------------------------------------------------- a clause's rank said after it
@pytest.mark.parametrize("rank", ["but do that last", "but leave that for the end", "but save it for last",
                                  "do that one last", "but do this step at the very end"])
def test_a_clause_said_to_run_last(rank: str) -> None:
    text = f"Put the blue cube in the bin, {rank}. First stack the green cube on the red one."
    assert steps(text, S3) == mv("green", "red") + mv("blue", "bin")


@pytest.mark.parametrize("text", [
    "Put the blue cube in the bin, but don't do that last. First stack the green cube on the red one.",
    "Put the blue cube in the bin, but do that last.",
    "Put the blue cube in the bin, but do that first. Then stack the green cube on the red one.",
    "Put the blue cube in the bin, then put the red cube on the pad, but do that last. First stack the green cube on "
    "the red one.",
])
def test_a_rank_that_is_negated_alone_or_unclear_is_refused(text: str) -> None:
    refused(text, S3)


# ------------------------------------------------------------- summaries and "so X ends up on Y"
def test_a_summary_before_a_colon_is_spelt_out_after_it() -> None:
    state = stacked("yellow", "orange", "red")
    text = "Unstack it: take the yellow cube off the orange one and put it on the right side."
    assert steps(text, state) == ["pick(object=yellow_cube)", "place_in(region=right)"]
    refused("Unstack it: put the yellow cube on the right side.", state)


@pytest.mark.parametrize("text", ["Unstack it: take the red cube off the orange one and put it on the right side.",
                                  "take the red cube off the orange one and put it in the bin",
                                  "lift the orange block off the yellow one and put it on the pad"])
def test_taking_a_cube_off_one_it_is_not_on_is_refused(text: str) -> None:
    result = plan(text, stacked("yellow", "orange", "red"))
    assert not isinstance(result, Plan) and "is not on" in str(result), result


@pytest.mark.parametrize(("text", "expected"), [
    ("Stack them so the purple ends up on top of the red.", mv("purple", "red")),
    ("stack them so that the red is on top of the purple, then go home", [*mv("red", "purple"), "go_home()"]),
    ("arrange the two cubes so the purple sits on the red", mv("purple", "red")),
    ("Stack them so that the red is under the purple.", mv("purple", "red")),
])
def test_stacking_so_a_cube_ends_up_on_another(text: str, expected: list[str]) -> None:
    assert steps(text, scene("purple", "red")) == expected


@pytest.mark.parametrize("text", ["Stack them so the purple doesn't end up on top of the red.",
                                  "Stack them so the purple never ends up on top of the red.",
                                  "Stack them so the purple is not on top of the red.",
                                  "Stack them so the purple ends up on top of the table."])
def test_stacking_so_never_reads_a_negated_or_odd_goal(text: str) -> None:
    result = plan(text, scene("purple", "red"))
    assert not (isinstance(result, Plan) and touches(result, "purple") and result.steps[-1].args.get("object") ==
                "red_cube"), result


# ------------------------------------------------------------- dev splits 18 and 19 (session 8): goal frames
S6 = scene()


@pytest.mark.parametrize(("text", "expected"), [
    ("End result I want: the green cube gone, sitting in the bin. Nothing else changes.", mv("green", "bin")),
    ("Target state: blue cube resting on the pad.", mv("blue", "pad")),
    ("I want the end result to be the yellow cube stacked on the purple cube.", mv("yellow", "purple")),
    ("I want the end result to be the green cube on the left side and the blue cube on the right side.",
     mv("green", "left") + mv("blue", "right")),
    ("By the end I want the blue cube in the bin, then the red cube on the pad, and the arm parked at home.",
     [*mv("blue", "bin"), *mv("red", "pad"), "go_home()"]),
    ("Desired state: the red cube on top of the orange cube", mv("red", "orange")),
])
def test_a_goal_frame_is_the_placements_it_names(text: str, expected: list[str]) -> None:
    assert steps(text) == expected


@pytest.mark.parametrize("text", [
    "End result I want: the green cube not in the bin.",
    "End result I don't want: the green cube in the bin.",
    "I don't want the end result to be the yellow cube stacked on the purple cube.",
    "I want the end result to be the yellow cube stacked on the purple cube, unless the red is there.",
    "Previous target state: blue cube resting on the pad.",
    "Target state: blue cube resting on the pad, red cube untouched, green cube moved.",
    "Put the blue cube in the bin, nothing else changes except the red cube goes on the pad.",
])
def test_a_goal_frame_with_anything_else_is_refused(text: str) -> None:
    refused(text)


# ------------------------------------------------------------- politeness frames and learners' forms
@pytest.mark.parametrize("frame", ["I wonder whether you could", "I was wondering if you could possibly",
                                   "Would you be so good as to", "Would you be kind enough to",
                                   "Hello sir, please do the needful and", "I'd love to watch you",
                                   "If it's not too much bother, could you"])
def test_a_politeness_frame_is_the_request(frame: str) -> None:
    assert steps(f"{frame} sit the blue cube on top of the green one?") == mv("blue", "green")


@pytest.mark.parametrize("text", [
    "I wonder whether you should sit the blue cube on top of the green one?",
    "I wonder whether you sat the blue cube on top of the green one?",
    "Would you be so good as to not put the red cube in the bin?",
    "Hello sir, please do the needful and don't place the red cube in the bin.",
    "I'd love to watch you not pick up the red cube.",
    "I'd hate to watch you pick up the red cube.",
    "I hope you're not going to put the yellow cube in the bin.",
    "Work finish. Put the red cube in the bin.",
    "Work not finish. Return home please.",
    "Red cube go to bin, but first you must not put green cube over blue cube.",
])
def test_a_politeness_frame_never_hides_a_negation_or_a_question(text: str) -> None:
    result = plan(text)
    assert not (isinstance(result, Plan) and any(s.skill != "go_home" for s in result.steps) and
                ("not" in text or "n't" in text or "hate" in text or "should" in text or "sat" in text or
                 "finish" in text)), result


@pytest.mark.parametrize(("text", "expected"), [
    ("Red cube go to bin, but first you must to put green cube over blue cube.",
     mv("green", "blue") + mv("red", "bin")),
    ("Red cube not move. Blue cube please on the pad.", mv("blue", "pad")),
    ("Don't put red in the bin. Blue on the pad.", mv("blue", "pad")),
    ("Work finish. Return home please.", ["go_home()"]),
    ("Give one push to the green cube, away from you.", ["push(object=green_cube, direction=forward)"]),
    ("Slide the red cube toward yourself a little - push it, don't lift it.",
     ["push(object=red_cube, direction=backward)"]),
    ("Could you gently nudge the green cube away from you, please? Just a little push, there's no need to pick it up.",
     ["push(object=green_cube, direction=forward)"]),
    ("Put the red cube over the blue cube, please, one sitting over the other.", mv("red", "blue")),
    ("Stack: green onto orange.", mv("green", "orange")),
    ("park the grn cube on the pad pls, need the spot", mv("green", "pad")),
    ("b4 u put the blue one in the bin, put red on the pad", mv("red", "pad") + mv("blue", "bin")),
])
def test_learners_and_terse_forms(text: str, expected: list[str]) -> None:
    assert steps(text) == expected


@pytest.mark.parametrize("text", [
    "Red cube not move, blue cube please on the pad, red cube on the pad.",
    "Could you put the green cube on the pad, please? Just a little push, there's no need to pick it up.",
    "Put the red cube in the bin and the green on the pad, one sitting over the other.",
    "park the grn cube on the pad pls, need the spot, no wait",
    "Stack: green not onto orange.",
    "b4 u put the blue one in the bin, don't put red on the pad",
])
def test_learners_forms_that_contradict_or_retract_are_refused(text: str) -> None:
    refused(text)


# ------------------------------------------------------------- reasons, context and sequences said around requests
@pytest.mark.parametrize(("text", "expected"), [
    ("yellow on orange, leave the purple one alone its calibrating", mv("yellow", "orange")),
    ("Without disturbing the yellow cube in any way, could you place the purple cube in the bin, please? The yellow "
     "one is part of a demonstration.", mv("purple", "bin")),
    ("Context: calibration run done, bench needs a reset. Task: blue cube into bin. Nothing else.", mv("blue", "bin")),
    ("Put the red cube on the pad. The children will love it.", mv("red", "pad")),
    ("I wonder whether you could sit the blue cube on top of the green one, so that they make a neat little pair? I "
     "think it would look rather nice.", mv("blue", "green")),
    ("Would you please put the green cube on the pad? I'd like to have a better look at it.", mv("green", "pad")),
    ("Good evening! I hope I'm not interrupting anything important. My class is visiting the lab tomorrow morning and "
     "I'd like the table to look tidy for them. Would you be so kind as to put the yellow cube into the bin? Thank "
     "you ever so much.", mv("yellow", "bin")),
    ("Dear robot, I'd be most grateful if you could do three small things for me. Firstly, put the yellow cube into "
     "the bin. Secondly, place the red cube on top of the blue cube. And lastly, please return to your resting "
     "position. Many thanks!", [*mv("yellow", "bin"), *mv("red", "blue"), "go_home()"]),
])
def test_reasons_and_context_around_a_request_are_dropped(text: str, expected: list[str]) -> None:
    assert steps(text) == expected


@pytest.mark.parametrize("text", [
    "yellow on orange, leave the purple one alone, it's calibrating, actually move it too",
    "Could you place the purple cube in the bin, please? The yellow one is part of a demonstration.",
    "Could you place the purple cube in the bin, please? The purple one is part of a demonstration.",
    "Context: the red cube must stay. Task: blue cube into bin.",
    "Context: calibration run not done. Task: blue cube into bin.",
    "Put the red cube on the pad. The children will love it, give it to them.",
    "Put the red cube on the pad. The children will love to touch the arm.",
])
def test_reasons_that_name_the_request_or_a_person_keep_it_refused(text: str) -> None:
    refused(text)


# ------------------------------------------------------------- a state the robot makes first
@pytest.mark.parametrize("text", [
    "Once the red cube is safely in the bin, could you then pop the green one onto the pad? Thank you kindly.",
    "When the red cube is in the bin, put the green one on the pad.",
    "Put the green cube on the pad, but after the red cube has gone in the bin.",
    "Put the green cube on the pad once the red cube is in the bin.",
])
def test_a_state_said_first_is_made_first(text: str) -> None:
    assert steps(text) == mv("red", "bin") + mv("green", "pad")


@pytest.mark.parametrize("text", [
    "Once the red cube is safely in the bin, could you then not pop the green one onto the pad?",
    "Once the red cube is in the bin, don't put the green one on the pad.",
    "Once someone has put the red cube in the bin, put the green one on the pad.",
    "Put the green cube on the pad, but only after the red cube is not in the bin.",
    "Put the green cube on the pad, but only if the red cube is in the bin.",
    # ("but only after the red cube has gone in the bin" is that step first since session 10: test_P1_s10_shapes)
    "Before anything else, stack purple on yellow. Only after that should the orange cube not go to the right side.",
])
def test_a_state_with_a_negation_or_a_condition_is_refused(text: str) -> None:
    refused(text)


def test_before_anything_else_and_only_after_that() -> None:
    text = "Before anything else, stack purple on yellow. Only after that should the orange cube go to the right side."
    assert steps(text) == mv("purple", "yellow") + mv("orange", "right")


# ------------------------------------------------------------- more frames people open a request with
@pytest.mark.parametrize("frame", [
    "Could you do me a quick favour and", "Would it be possible for you to", "Is it possible to",
    "Any chance you could", "Think you could", "Pretty please", "I'm going to need you to", "Help me out here and",
    "If you would be so kind,", "You know what, just", "So, um, the thing is,", "Time to tidy up!",
    "Alright robot, here's the deal:"])
def test_an_opening_frame_is_the_request(frame: str) -> None:
    assert steps(f"{frame} put the red cube on the pad.", S3) == mv("red", "pad")


@pytest.mark.parametrize(("text", "where"), [
    ("Your job now: red cube into the bin.", "bin"), ("The red cube should end up on the pad.", "pad"),
    ("Could you please help me by putting the red cube in the bin?", "bin")])
def test_a_job_label_a_goal_or_a_help_frame_is_the_request(text: str, where: str) -> None:
    assert steps(text, S3) == mv("red", where)


@pytest.mark.parametrize("frame", [
    "Would it be possible for you to not", "Any chance you could not", "Think you couldn't", "Help me out and don't",
    "Could you please help me by not", "Pretty please don't", "Could you do me a huge favor and not",
    "The red cube should not end up on the pad; also"])
def test_an_opening_frame_never_hides_a_negation(frame: str) -> None:
    result = plan(f"{frame} put the red cube on the pad.", S3)
    assert not touches(result, "red"), result


# ------------------------------------------------------------- terse forms and references inside a wish
FOUR = SceneState.from_json({"objects": [
    {"name": f"{c}_cube", "kind": "cube", "color": c, "position": [x, y, 0.022]}
    for c, x, y in (("red", 0.45, 0.15), ("blue", 0.55, -0.1), ("green", 0.4, -0.02), ("yellow", 0.6, 0.2))],
    "regions": ["left", "right", "bin", "pad"]})


@pytest.mark.parametrize(("text", "expected"), [
    ("Pick red cube; place on right side.", mv("red", "right")),
    ("grab the blue cube, then drop in bin", mv("blue", "bin")),
    ("If it's not too much bother, I'd like the cube furthest to the right to be placed on top of the yellow cube.",
     mv("blue", "yellow")),
    ("I'd like the leftmost cube to be placed in the bin.", mv("yellow", "bin")),
    ("evrything except the green into the bin", mv("red", "bin") + mv("blue", "bin") + mv("yellow", "bin")),
])
def test_terse_forms_and_references_in_a_wish(text: str, expected: list[str]) -> None:
    assert steps(text, FOUR) == expected


def test_a_left_out_object_after_an_unnamed_pick_is_asked_about() -> None:
    result = plan("Pick cube; place on right side.", FOUR)
    assert not isinstance(result, Plan) and set(getattr(result, "candidates", ())) == {
        "red_cube", "blue_cube", "green_cube", "yellow_cube"}, result


@pytest.mark.parametrize("text", ["I'd like the leftmost cube not to be placed in the bin.",
                                  "Pick the red cube, don't place on right side.",
                                  "I'd hate the cube furthest to the right to be placed on top of the yellow cube."])
def test_terse_forms_never_hide_a_negation(text: str) -> None:
    result = plan(text, FOUR)
    assert not (isinstance(result, Plan) and len(result.steps) > 1), result


# ------------------------------------------------------------- sequences said in people's ways
SEQ = mv("red", "bin") + mv("blue", "pad")


@pytest.mark.parametrize("text", [
    "Start with the red cube in the bin, then the blue cube on the pad.",
    "Before you do anything else, put the red cube in the bin. Then the blue cube on the pad.",
    "First things first: red cube in the bin. Second: blue cube on the pad.",
    "Step one, red cube in the bin. Step two, blue cube on the pad.",
    "Red cube to the bin first, blue cube to the pad second.",
    "Blue cube to the pad second, red cube to the bin first.",
    "Having put the red cube in the bin, put the blue cube on the pad.",
    "Put the blue cube on the pad, but put the red cube in the bin before you do that.",
    "Put the blue cube on the pad and put the red cube in the bin before that.",
])
def test_a_sequence_said_in_peoples_ways(text: str) -> None:
    assert steps(text, S3) == SEQ


@pytest.mark.parametrize("text", [
    "Begin by putting the red cube in the bin, and end by going home.",
    "Put the red cube in the bin and return to the home position when finished.",
])
def test_going_home_at_the_end_said_in_peoples_ways(text: str) -> None:
    assert steps(text, S3) == [*mv("red", "bin"), "go_home()"]


@pytest.mark.parametrize("text", [
    "Red cube to the bin first, don't put the blue cube on the pad second.",
    "Red cube to the bin first, blue cube to the pad first.",
    "Having not put the red cube in the bin, put the blue cube on the pad.",
    "Having put the red cube in the bin, don't put the blue cube on the pad.",
    "Step one, red cube in the bin. Step two, don't put the blue cube on the pad.",
    "Step two, red cube in the bin. Step one, blue cube on the pad.",
    "Put the blue cube on the pad, but don't put the red cube in the bin before you do that.",
    "Before you do anything else, don't put the red cube in the bin. Then the blue cube on the pad.",
    "First things first: red cube in the bin. Second: don't put the blue cube on the pad.",
])
def test_a_sequence_with_a_negation_or_a_clash_of_ranks_is_refused(text: str) -> None:
    refused(text, S3)


def test_a_negated_home_at_the_end_is_kept() -> None:
    assert steps("Put the red cube in the bin and don't go home when finished.", S3) == mv("red", "bin")


# ------------------------------------------------------------- social openers and introductions
@pytest.mark.parametrize("opener", [
    "Hi, I'm new here.", "Good morning! It's my first day on the project.", "I've heard great things about you.",
    "Hey there, hope you're well. I've been told you're the one to ask.", "Today is a big day for us!",
    "I know you're busy, but", "This might sound silly, but", "Sorry to keep bugging you, but",
    "Not sure if this is possible, but", "I'm not sure how to ask this, but",
    "Hello there! My name is Sam and I work in the lab next door.", "Hi robot, this is Alex from the night shift.",
    "Hello there! My name is Mrs. Patel and I teach year five at the primary school down the road."])
def test_a_social_opener_or_an_introduction_is_dropped(opener: str) -> None:
    assert steps(f"{opener} could you put the red cube on the pad?", S3) == mv("red", "pad")


@pytest.mark.parametrize("opener", [
    "This is the red cube.", "This is not a drill.", "I'm Sam and I'm putting the red cube in the bin.",
    "My name is Sam and I work with the robot.", "I'm here to stop you.", "I'm not sure you should,",
    "My name is Sam and I'm not happy."])
def test_an_opener_that_names_a_cube_the_robot_or_a_doubt_keeps_the_request_refused(opener: str) -> None:
    refused(f"{opener} Put the blue cube on the pad.", S3)


# ------------------------------------------------------------- constraints and rejected places said in people's ways
@pytest.mark.parametrize("text", [
    "Put the red cube in the bin, green stays put.",
    "Put the red cube in the bin and make sure the green one doesn't move.",
    "Put the red cube in the bin. The green one must stay on the table.",
    "Put the red cube in the bin, leaving the green one alone.",
    "Green cube: hands off. Put the red cube in the bin.",
    "Put the red cube in the bin but keep your hands off the green one.",
    "Put the red cube in the bin rather than on the pad.",
    "Put the red cube in the bin and not on the pad.",
    "Instead of the pad, put the red cube in the bin.",
    "Only put the red cube in the bin, nothing else.",
    "Just the red cube in the bin, nothing more.",
])
def test_a_constraint_or_a_rejected_place_said_in_peoples_ways(text: str) -> None:
    assert steps(text, S3) == mv("red", "bin")


@pytest.mark.parametrize("text", [
    "Put the green cube in the bin, green stays put.",
    "Put the green cube in the bin. The green one must stay on the table.",
    "Put the green cube in the bin, leaving the green one alone.",
    "Put the green cube in the bin. Green cube: hands off.",
    "Put the red cube in the bin and make sure the green one does move.",
    "Instead of the pad, put the red cube on the pad.",
    "Put the red cube in the bin rather than in the trash.",
    "Put the red cube in the bin, green stays put, actually move it too.",
    "Keep your hands off me and put the red cube in the bin.",
])
def test_a_constraint_that_contradicts_the_request_is_refused(text: str) -> None:
    refused(text, S3)


# ------------------------------------------------------------- how far and why a push goes; short colour words
@pytest.mark.parametrize("text", [
    "Push the red cube left a few centimetres.", "push the red cube to the left 5 cm",
    "Push the red cube left - no lifting please.",
    "Push the red cube to the left a tiny bit, it's slightly too far right.",
])
def test_a_push_with_its_distance_or_its_reason(text: str) -> None:
    assert steps(text, S3) == ["push(object=red_cube, direction=left)"]


@pytest.mark.parametrize("text", [
    "Push the red cube left - no lifting please, put it in the bin.",
    "Put the red cube on the pad, it's slightly too far right.",
    "Push the red cube left, don't push it, lift it.",
])
def test_a_push_reason_beside_another_verb_is_refused(text: str) -> None:
    result = plan(text, S3)
    assert not (isinstance(result, Plan) and any(s.skill == "place_in" for s in result.steps) and
                any(s.skill == "push" for s in result.steps)), result
    assert not (isinstance(result, Plan) and "lift" in text and "don't push" in text), result


def test_short_colour_words() -> None:
    assert steps("Put the rd cube in the bin.", S3) == mv("red", "bin")
    assert steps("park the grn cube on the pad", S3) == mv("green", "pad")


# ------------------------------------------------------------- suggestions and wishes said as a goal
@pytest.mark.parametrize("text", [
    "All I need is the red cube in the bin.", "All I want from you is the red cube in the bin.",
    "How about putting the red cube in the bin?", "Why don't you put the red cube in the bin?",
    "You should put the red cube in the bin.", "I'd appreciate the red cube in the bin.",
    "Red cube in the bin would be lovely, thanks.", "Have the red cube moved to the bin."])
def test_a_suggestion_or_a_goal_wish_is_the_request(text: str) -> None:
    assert steps(text, S3) == mv("red", "bin")


@pytest.mark.parametrize("text", [
    "All I need is the red cube not in the bin.", "How about not putting the red cube in the bin?",
    "Why don't you not put the red cube in the bin?", "You should not put the red cube in the bin.",
    "I wouldn't appreciate the red cube in the bin.", "Red cube in the bin would be awful, thanks.",
    "Shall we put the red cube in the bin?"])
def test_a_negated_or_judged_suggestion_is_refused(text: str) -> None:
    refused(text, S3)


def test_the_end_state_of_a_single_request_and_one_colour_said_again() -> None:
    text = "I want every cube on the pad in the end, except orange - orange stays put."
    assert picks_of(plan(text)) == ["red", "blue", "yellow", "purple", "green"]
    refused("put the red cube on the pad in the end, first put the blue cube in the bin")
    refused("put the red red cube in the bin")
    refused("put the red-blue cube in the bin")


def picks_of(result: object) -> list[str]:
    assert isinstance(result, Plan), result
    return [str(s.args["object"]).removesuffix("_cube") for s in result.steps if s.skill == "pick"]


@pytest.mark.parametrize(("text", "where"), [
    ("Put the red cube on the pad area.", "pad"), ("Put the red cube somewhere on the right.", "right"),
    ("Put the red cube in the bin, alright?", "bin"), ("Put the red cube in the bin as soon as you can.", "bin")])
def test_place_words_and_closings(text: str, where: str) -> None:
    assert steps(text, S3) == mv("red", where)


@pytest.mark.parametrize("text", ["Put the red cube in the bin, right?", "Put the red cube anywhere but on the right.",
                                  "Put the red cube on the pad area, not the bin area."])
def test_a_tag_that_may_be_a_place_or_an_exclusion_is_refused(text: str) -> None:
    refused(text, S3)


@pytest.mark.parametrize("closing", [
    "Does that make sense?", "Let me know when you're done.", "Much obliged!", "Appreciate it!", "Have a good one!",
    "See you later!", "Talk soon.", "Bye!", "Over and out.", "Keep up the good work!", "That should do it.",
    "Thanks in advance! Bye!"])
def test_a_closing_sentence_after_a_request_is_dropped(closing: str) -> None:
    assert steps(f"Put the red cube in the bin. {closing}", S3) == mv("red", "bin")


@pytest.mark.parametrize("text", [
    "Put the red cube in the bin. Let me know when you're done. Then put the blue one on the pad, not.",
    "Put the red cube in the bin. That should do it, actually no.",
    "Put the red cube in the bin. Bye! Don't.",
])
def test_a_closing_before_a_retraction_keeps_it_refused(text: str) -> None:
    refused(text, S3)


# ------------------------------------------------------------- A1 session 8 findings against these readings
@pytest.mark.parametrize("text", [
    # F19: "in the end" beside another clause is an order word
    "put the red cube on the pad in the end, and the blue one in the bin",
    "put the red cube on the pad at the end, the blue one in the bin",
    # F16: a distance the push cannot honour, a reason against the push
    "push the red cube left 500 cm", "push the red cube left 0 cm",
    "push the red cube left, it's slightly too far left",
    # F14: "it" after a constraint names the cube said to stay
    "put the red cube in the bin, make sure the green one doesn't move, then move it to the pad",
    "put the red cube in the bin, green stays put, then move it to the pad",
    "put the red cube in the bin, leaving the green one alone, then put it on the pad",
    # F15: a context that cancels, dates or quotes the task
    "Context: test cancelled. Task: blue cube into bin. Nothing else.",
    "Context: simulation. Task: blue cube into bin.",
    # F9: ranks and reports
    "End by going home, and begin by putting the red cube in the bin.", "Having put the red cube in the bin, I'm done.",
    "Having put the red cube in the bin, that is all.",
    "Red cube to the bin, green cube to the left second, blue cube to the pad first.",
    # F10, F3: a time or trigger after a preamble; a watcher who is not there
    "I'm setting up for a photo shoot and at my signal, put the red cube on the green one.",
    "I'm setting up for a photo shoot and in five minutes, put the red cube on the green one.",
    "We have visitors coming in an hour and on my mark, put the red cube on the green one.",
    "My son wants to watch it park the blue block on the pad, he's on his way.",
    "My son would love to see you park the blue block on the pad, but he's asleep.",
    "I'd love to watch you put the red cube in the bin, but I'm leaving.",
    # F12: the polite frame only with its "not"
    "If it's too much bother, could you put the red cube in the bin?",
    # F17: symbols that forbid, stop, warn, mark done or joke
    "\u274c Put the blue cube on the pad", "Put the blue cube on the pad \U0001f6d1",
    "\u26a0\ufe0f Put the blue cube on the pad",
    "\u2713 Put the blue cube on the pad", "Put the blue cube on the pad ;)", "Put the blue cube on the pad :P",
    # F2, F5: a sentence that quotes, cancels or dates the request, or a person in danger
    "This is a drill. Put the red cube in the bin.", "This is a quote. Put the red cube in the bin.",
    "I'm trapped. Put the red cube in the bin.", "I'm in the cell. Put the red cube in the bin.",
    "Put the red cube on the pad; deal's off.", "Put the red cube on the pad, that's Paul's job.",
    "Put the red cube on the pad. That was yesterday.",
    "I'm reaching in. Put the red cube in the bin.", "I'm reading aloud. Put the red cube in the bin.",
    "I'm so tired. Put the red cube in the bin.", "Put the red cube in the bin, it's done.",
    "Paul's leaning in. Put the red cube in the bin.", "My sleeve is caught. Put the red cube in the bin.",
    "The guard door is open. Put the red cube in the bin.", "It's a simulation. Put the red cube in the bin.",
    "Put the green cube on the pad just once the red cube is in the bin.",
])
def test_a1_s8_findings_are_refused(text: str) -> None:
    refused(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("push the red cube left 5 cm", ["push(object=red_cube, direction=left)"]),
    ("push the red cube left, it's slightly too far right", ["push(object=red_cube, direction=left)"]),
    ("I'd love to watch you put the red cube in the bin, thanks!", mv("red", "bin")),
    ("If it isn't too much trouble, could you put the red cube in the bin?", mv("red", "bin")),
    ("Put the blue cube on the pad :)", mv("blue", "pad")),
])
def test_the_readings_beside_the_a1_findings_still_plan(text: str, expected: list[str]) -> None:
    assert steps(text) == expected
