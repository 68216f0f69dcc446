"""Sentence shapes the twentieth and twenty-first fresh splits (session 8's final and mid-session splits, now seen)
refused wrongly, read as families (issue #17 item 2), each beside its negated, reported or contradicted form, which
must never run: "and only then" between steps, a list announced before its numbered steps ("Please do the following in
order: 1) ..."), a tower listed "from the top down", a reason before the request naming its object ("We're done with the
orange block. Could you get rid of it?"), small talk in closed forms (a child who wants to see a trick, "Long week,
right?", "forklift broke again, whatever", hearsay about the lab, what the speaker does afterwards), goal frames "at
the end of the run", a gerund request closed by "heading home", and how a push is made ("by pushing it", "a little
further"). Also the adversary's session-9 findings in these modules: the speaker's place ("the cube closest to me",
G2) and an order word ending a clause that another follows ("Go home finally, and put ...", G3)."""

from __future__ import annotations

import re

import pytest
from test_planner_fresh12_words import mv, plan, refused, scene, steps

from policies.planner import Plan, SceneState

S3 = scene("red", "blue", "green")


# ------------------------------------------------------------- "and only then"
@pytest.mark.parametrize("text", [
    "First stack red on blue, and only then put the green one in the bin.",
    "First stack red on blue. Only then put the green one in the bin.",
    "Stack red on blue; only then should you put the green one in the bin.",
    "stack red on blue and only then, please put the green one in the bin",
])
def test_only_then_is_then(text: str) -> None:
    assert steps(text, S3) == mv("red", "blue") + mv("green", "bin")


@pytest.mark.parametrize("text", [
    "First stack red on blue, and only then don't put the green one in the bin.",
    "Stack red on blue, and only then, if the pad is free, put the green one in the bin.",
    "Stack red on blue, and only then never put the green one in the bin.",
])
def test_only_then_never_hides_a_negation_or_a_condition(text: str) -> None:
    refused(text, S3)


# ------------------------------------------------------------- a list announced before its steps
@pytest.mark.parametrize("frame", ["Please do the following in order:", "Do the following steps in this order:",
                                   "Could you do the following, in sequence:", "Carry out these steps:",
                                   "Please follow these instructions in order:"])
def test_an_announced_list_is_its_steps_in_order(frame: str) -> None:
    text = f"{frame} 1) put the red cube in the bin, 2) put the blue cube on the pad, 3) go home."
    assert steps(text, S3) == mv("red", "bin") + mv("blue", "pad") + ["go_home()"]


@pytest.mark.parametrize("text", [
    "Please do the following in order: 1) don't move the blue cube, 2) put the red cube on the blue cube.",
    "Do the following in reverse order: 1) put the red cube in the bin, 2) put the blue cube on the pad.",
    "Please don't do the following: 1) put the red cube in the bin, 2) put the blue cube on the pad.",
])
def test_an_announced_list_never_hides_a_negation_or_a_reversal(text: str) -> None:
    refused(text, S3)


# ------------------------------------------------------------- a tower listed in a direction
@pytest.mark.parametrize(("said", "want"), [
    ("Make a three-high stack, listing from the top down: red, blue, green.", mv("blue", "green") + mv("red", "blue")),
    ("Build a tower, naming the cubes from top to bottom: green, red, blue.", mv("red", "blue") + mv("green", "red")),
    ("Make a three-high stack, listing from the bottom up: red, blue, green.", mv("blue", "red") + mv("green", "blue")),
    ("Stack them, listed bottom to top: green, red, blue.", mv("red", "green") + mv("blue", "red")),
])
def test_a_tower_listed_in_a_direction_is_built_that_way(said: str, want: list[str]) -> None:
    assert steps(said, S3) == want


def test_a_listed_tower_with_a_negated_cube_is_refused() -> None:
    refused("Make a three-high stack, listing from the top down: red, not blue, green.", S3)


# ------------------------------------------------------------- a reason naming the object, then "it"
@pytest.mark.parametrize(("reason", "request_", "where"), [
    ("We're done with the red block.", "Could you get rid of it? It can go in the trash.", "bin"),
    ("We're done with the red block.", "Could you get rid of it?", "bin"),
    ("I'm finished with the red cube.", "Please put it on the pad.", "pad"),
    ("We don't need the red cube any more.", "Could you throw it away?", "bin"),
    ("We no longer need the red one.", "Bin it.", "bin"),
])
def test_a_reason_naming_the_object_before_a_request_about_it(reason: str, request_: str, where: str) -> None:
    assert steps(f"{reason} {request_}", S3) == mv("red", where)


@pytest.mark.parametrize("text", [
    "We're not done with the red block. Could you get rid of it?",
    "We still need the red block. Could you get rid of it?",
    "We're done with the red block. Don't get rid of it.",
    "We're done with the red block. I'll get rid of it.",
    "We're done with the red block? Could you get rid of it?",
    "We're done with the red block. Could you get rid of the blue one?",
])
def test_a_reason_that_is_negated_or_names_another_object_is_refused(text: str) -> None:
    refused(text, S3)


# ------------------------------------------------------------- small talk in closed forms
@pytest.mark.parametrize("text", [
    "Okay so my daughter wants to see the robot do a trick, ha. Could you put the red cube on top of the blue one? "
    "She'll love it. Thanks!",
    "My son would love to see you do a little trick. Put the red cube on the blue one, he's going to love it.",
    "Hiya! Long week, right? Anyway, could you just put the red cube on the blue one for me? Thanks so much",
    "yo its been a long shift, forklift broke again, whatever. can u stick the red one on the blue one. thx",
    "Morning! Hope the calibration went fine yesterday, I heard the lab was freezing. Anyway, could you put the red "
    "cube on top of the blue one? After that I'll grab a coffee and check the logs, no rush at all.",
    "Put the red cube on the blue one, then I'll go get a tea.",
])
def test_small_talk_in_a_closed_form_is_dropped(text: str) -> None:
    assert steps(text, S3) == mv("red", "blue")


def test_a_setup_said_before_a_goal_with_the_others_left_alone() -> None:
    text = ("We're running the afternoon trials and I need a specific setup. At the end, I want the red cube in the "
            "bin and the blue cube on the pad. The other cubes can stay where they are; we'll photograph the table "
            "afterwards.")
    assert steps(text, S3) == mv("red", "bin") + mv("blue", "pad")


@pytest.mark.parametrize("text", [
    "My daughter wants to see the robot put the red cube in the bin. Could you put the red cube on the blue one?",
    "My daughter wants to see the robot do a trick. Don't put the red cube on the blue one.",
    "I heard you put the red cube in the bin. Put the red cube on the blue one.",
    "I heard the red cube was put in the bin. Put the red cube on the blue one.",
    "Put the red cube on the pad. After that I'll put the blue cube in the bin.",
    "Put all the cubes in the bin. The other cubes can stay where they are.",
    "We're running a fake test and I need a specific setup. Put the red cube on the blue one.",
    "Put the red cube on the blue one, right?",
    "Put the red cube on the blue one, whatever.",
    "Long week, right? Don't put the red cube on the blue one.",
])
def test_small_talk_outside_the_forms_or_beside_a_negation_is_refused(text: str) -> None:
    refused(text, S3)


# ------------------------------------------------------------- goal frames
@pytest.mark.parametrize("frame", ["At the end of the run I want", "By the end I want", "At the end, I want",
                                   "At the end of the session we want"])
def test_a_goal_frame_with_its_time(frame: str) -> None:
    assert steps(f"{frame} blue stacked on red, and green moved over to the right side.", S3) == \
        mv("blue", "red") + mv("green", "right")
    assert steps(f"{frame} the red cube sitting on the pad; nothing else needs to change.", S3) == mv("red", "pad")


@pytest.mark.parametrize("text", ["At the end of the run I don't want the red cube sitting on the pad.",
                                  "At the end of the run I want the red cube not on the pad.",
                                  "At the end of the run they wanted the red cube sitting on the pad."])
def test_a_negated_or_reported_goal_is_refused(text: str) -> None:
    refused(text, S3)


# ------------------------------------------------------------- a gerund request, then home
@pytest.mark.parametrize("text", [
    "Hey robot, hope the calibration went okay this morning. Mind moving the red block over to the right side and "
    "then heading home? Much appreciated.",
    "Would you mind putting the red cube on the right side and then returning home?",
    "Mind moving the red block to the right side and then going back home?",
])
def test_a_gerund_request_then_heading_home(text: str) -> None:
    assert steps(text, S3) == [*mv("red", "right"), "go_home()"]


@pytest.mark.parametrize("text", ["Put the red cube in the bin and then I'm heading home.",
                                  "Put the red cube in the bin, I'm heading home.",
                                  "Mind not moving the red block and then heading home?"])
def test_the_speaker_heading_home_is_no_step(text: str) -> None:
    refused(text, S3)


# ------------------------------------------------------------- how a push is made
@pytest.mark.parametrize(("text", "direction"), [
    ("Nudge the blue block a little further away from you.", "forward"),
    ("Nudge the blue block a bit further forward.", "forward"),
    ("Slide the green cube to your right by pushing it, don't pick it up.", "right"),
    ("Slide the green cube to the left by nudging it.", "left"),
])
def test_how_far_or_how_a_push_is_made(text: str, direction: str) -> None:
    colour = "green" if "green" in text else "blue"
    assert steps(text, S3) == [f"push(object={colour}_cube, direction={direction})"]


@pytest.mark.parametrize("text", ["Put the green cube a little further to the right.",
                                  "Slide the green cube to the right by pushing it, then put the red cube in the bin.",
                                  "Don't slide the green cube to the right by pushing it."])
def test_a_further_or_by_pushing_beside_anything_but_one_push_is_not_dropped(text: str) -> None:
    result = plan(text, S3)
    assert not isinstance(result, Plan) or not any("push" in str(s) for s in result.steps), (text, result)


# ------------------------------------------------------------- A1 s9 G2: the speaker's place
# (P3 s16: the writers' spec puts the person at the robot, and seen golds fi42-060, fi43-062 plan "nearest to me",
# "towards me"; the speaker's place is read as the robot's, where s9 refused it)
@pytest.mark.parametrize("text", ["put the cube closest to me in the bin", "put the cube nearest me in the bin",
                                  "put the cube that's nearest to me in the bin",
                                  "put every cube except the one closest to me in the bin",
                                  "put the cube farthest from me on the pad"])
def test_the_speakers_place_is_the_robots(text: str) -> None:
    assert plan(text) == plan(re.sub(r"\bme\b", "the robot", text)), text


def test_closest_to_the_robot_is_still_read() -> None:
    apart = SceneState.from_json({"objects": [
        {"name": "red_cube", "kind": "cube", "color": "red", "position": [0.38, 0.1, 0.022]},
        {"name": "blue_cube", "kind": "cube", "color": "blue", "position": [0.62, -0.1, 0.022]}],
        "regions": ["left", "right", "bin", "pad"]})
    assert steps("put the cube closest to you in the bin", apart) == mv("red", "bin")


# ------------------------------------------------------------- A1 s9 G3: "finally" ending a clause another follows
@pytest.mark.parametrize("text", [
    "Put the red cube in the bin finally, and put the blue one on the pad.",
    "Put the red cube in the bin finally and the blue one on the pad.",
    "Red cube in the bin finally, blue one on the pad.",
    "Put the red cube in the bin afterwards, and the blue one on the pad.",
    "Put the red cube in the bin after all that, and the blue one on the pad.",
    "Go home finally, and put the red cube in the bin.",
    "Go home afterwards and put the red cube in the bin.",
    "Go home at the end and put the red cube in the bin.",
    "Go home eventually. Put the red cube in the bin.",
])
def test_a_step_said_last_before_another_is_refused(text: str) -> None:
    refused(text, S3)


@pytest.mark.parametrize("text", [
    "Put the red cube in the bin, and finally put the blue one on the pad.",
    "Put the red cube in the bin and afterwards put the blue one on the pad.",
    "Put the red cube in the bin. Finally, put the blue one on the pad.",
])
def test_an_order_word_opening_its_clause_is_read(text: str) -> None:
    assert steps(text, S3) == mv("red", "bin") + mv("blue", "pad")


# ------------------------------------------------------------- fresh_independent_22/23 (dev): frames, closings, classes
@pytest.mark.parametrize("text", [
    "Can we put the red block on the blue one?",
    "Clean-up time! Can we put the red block on the blue one?",
    "Boys and girls, watch this! Tidy-up time - can we put the red block on the blue one?",
    "Let's do two things, everyone! Can we put the red block on the blue one? Then, could we go home?",
    "Before you go home, I should like you to place the red cube on the blue cube.",
    "Good afternoon. I trust the day finds you well. When you have a moment, and there is no hurry whatsoever, I would "
    "appreciate it if the red cube could be set on top of the blue cube. Many thanks in advance.",
    "Should it be convenient, kindly set the red cube atop the blue one.",
    "Desired end state: the red cube resting directly atop the blue cube.",
    "For the third time: put the red block on the blue one. Is that really so hard?",
    "hey hope ur good!! can u stack the red cube on the blue one?? thanks a ton ur the best",
    "put the red cube on the blue one ok",
])
def test_frames_and_closings_around_one_stacking(text: str) -> None:
    got = steps(text, S3)
    assert got[:2] == mv("red", "blue") and got[2:] in ([], ["go_home()"]), got


@pytest.mark.parametrize("text", [
    "Can we not put the red block on the blue one?",
    "We put the red block on the blue one.",
    "Can we put the red block on the blue one? No.",
    "For the third time: don't put the red block on the blue one.",
    "The red cube should be sitting on the pad.",
    "Should it be convenient, kindly don't set the red cube atop the blue one.",
    "Desired end state: the red cube not resting atop the blue cube.",
])
def test_frames_and_closings_never_hide_a_negation_or_a_report(text: str) -> None:
    refused(text, S3)


@pytest.mark.parametrize(("text", "want"), [
    ("That's enough for today. Go back to your home position.", ["go_home()"]),
    ("ok ur done, go home", ["go_home()"]),
    ("Put the red one in the bin and then toddle off home.", [*mv("red", "bin"), "go_home()"]),
    ("Once you have placed the red cube in the bin, please return the arm to its home position and await further "
     "instruction.", [*mv("red", "bin"), "go_home()"]),
    ("1. Blue to left. 2. Green to right. 3. Home.", mv("blue", "left") + mv("green", "right") + ["go_home()"]),
    ("At the end of the trial the red cube should be sitting on the pad.", mv("red", "pad")),
    ("Hi, thanks for helping with today's session. For this run, all we'd like is the red cube in the bin, and that's "
     "it. Much appreciated.", mv("red", "bin")),
    ("Dispose of the red cube, as it is no longer required for the experiment.", mv("red", "bin")),
    ("Push the red cube to the right and don't you dare touch the blue one this time.",
     ["push(object=red_cube, direction=right)"]),
    ("Please push the red cube gently towards the robot's left, without lifting it.",
     ["push(object=red_cube, direction=left)"]),
    ("Please you push the red cube to the right direction.", ["push(object=red_cube, direction=right)"]),
    ("Please relocate the red cube to the left-hand side of the table, as seen from the robot's point of view.",
     mv("red", "left")),
])
def test_dev_classes_read(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


@pytest.mark.parametrize("text", [
    "That's enough for today. Put the red cube in the bin.",
    "Put the red one in the bin and then don't toddle off home.",
    "Dispose of the red cube, as it is still required for the experiment.",
    "Push the red cube to the right and you dare touch the blue one this time.",
    "Please don't push the red cube gently towards the robot's left.",
])
def test_dev_classes_beside_a_contradiction_are_refused(text: str) -> None:
    result = plan(text, S3)
    assert not isinstance(result, Plan) or ("blue_cube" not in str(result.steps) and len(result.steps) == 1), result


# ------------------------------------------------------------- A1 s9 G4: ", in that order"
@pytest.mark.parametrize("text", ["put green on red and red on blue, in that order",
                                  "put red on blue and blue on green, in this order",
                                  "put the red cube on the blue one and the blue one on the green one in that order",
                                  "put red and blue in the bin, in that order"])
def test_in_that_order_never_lets_the_planner_reorder(text: str) -> None:
    refused(text, S3)


@pytest.mark.parametrize("text", ["put red in the bin and blue on the pad, in that order",
                                  "put red in the bin, then blue on the pad, in that order"])
def test_in_that_order_runs_the_steps_as_said(text: str) -> None:
    assert steps(text, S3) == mv("red", "bin") + mv("blue", "pad")


# ------------------------------------------------------------- A1 s9 G6: going home with a participle
@pytest.mark.parametrize("text", ["Go home, having put the red cube in the bin.",
                                  "Go home having put the red cube in the bin."])
def test_go_home_having_done_a_step_runs_it_first(text: str) -> None:
    assert steps(text, S3) == [*mv("red", "bin"), "go_home()"]


@pytest.mark.parametrize("text", ["Go home, dropping the red cube in the bin.",
                                  "Go home, putting the red cube in the bin.",
                                  "Head home, placing the red cube in the bin."])
def test_go_home_with_a_step_in_ing_is_refused(text: str) -> None:
    refused(text, S3)


# ------------------------------------------------------------- A1 s9 G7: an aside between dashes
@pytest.mark.parametrize("aside", ["wait for my signal", "wait", "sorry, cancel that", "one sec, I'm in the cell",
                                   "hang on, someone's coming", "sorry, he's changed his mind", "wait, it's hot",
                                   "sorry, later", "excuse me, that's mine"])
def test_a_dashed_aside_outside_the_pauses_is_read(aside: str) -> None:
    refused(f"Put the red cube - {aside} - in the bin.", S3)
    refused(f"My boss wants the - {aside} - red cube on the pad.", S3)


@pytest.mark.parametrize("aside", ["sorry, phone's ringing, one sec", "hang on", "sorry, hang on, one sec"])
def test_a_dashed_pause_is_dropped(aside: str) -> None:
    assert steps(f"My boss wants the - {aside} - the red cube on the pad.", S3) == mv("red", "pad")


# ------------------------------------------------------------- A1 s9 G5 (speech act side): someone else builds
@pytest.mark.parametrize("text", ["I built a tower with red at the bottom and green on top.",
                                  "We built a tower with red at the bottom and green on top.",
                                  "I'll build a tower with red at the bottom and green on top.",
                                  "Let me build a tower with red at the bottom and green on top."])
def test_a_tower_someone_else_builds_is_no_request(text: str) -> None:
    refused(text, S3)


# ------------------------------------------------------------- A1 s9 G9: a push said to go far
@pytest.mark.parametrize("text", ["Push the red cube left off the table.", "Push the red cube far left.",
                                  "Push the red cube to the far left.", "Push the red cube left, very far.",
                                  "Nudge the red cube all the way to the right.", "Slide the red cube over the edge."])
def test_a_push_said_to_go_far_is_refused(text: str) -> None:
    refused(text, S3)


def test_the_far_left_cube_is_still_a_reference() -> None:
    assert steps("Push the far left cube forward.") == ["push(object=red_cube, direction=forward)"]


# ------------------------------------------------------------- fresh_independent_22/23 (dev), second round
@pytest.mark.parametrize(("text", "want"), [
    ("Drop the green - no wait, the red one - onto the pad.", mv("red", "pad")),
    ("Put the green cube on the top of red cube, one over the other.", mv("green", "red")),
    ("Should it be convenient, kindly set the red cube atop the blue one, taking care that it comes to rest squarely "
     "upon it.", mv("red", "blue")),
    ("At first put the red cube on the blue cube, and after that put the green cube in the bin, finally go to home "
     "position.", [*mv("red", "blue"), *mv("green", "bin"), "go_home()"]),
    ("Please not touch the red cube, take the green cube to the left side.", mv("green", "left")),
    ("Red cube -> scrap bin. Now.", mv("red", "bin")),
])
def test_dev_classes_read_second_round(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


@pytest.mark.parametrize("text", ["yeet the red one in the trash", "chuck both of em in the bin pls",
                                  "throw both of them in the bin"])
def test_a_toss_into_the_bin_of_both_or_said_in_slang(text: str) -> None:
    assert steps(text, scene("red", "blue")) == (mv("red", "bin") + mv("blue", "bin") if "both" in text
                                                 else mv("red", "bin"))


@pytest.mark.parametrize("text", ["Drop the green - wait - onto the pad.", "yeet the red one",
                                  "yeet the red one across the room", "chuck both of them at me",
                                  "Red cube -> scrap bin. Not now.",
                                  "put red on the pad and then both of them in the bin"])
def test_slang_tosses_and_dashes_outside_the_forms_are_refused(text: str) -> None:
    refused(text, scene("red", "blue"))


# ------------------------------------------------------------- A1 s9 G14: a push's verb left out of the next clause
@pytest.mark.parametrize("text", ["Push the red cube to the right and the blue one to the left.",
                                  "Push the red cube to the right, the blue one to the left.",
                                  "Nudge red to the right and blue to the left.",
                                  "Push the red cube to the right, then the blue one to the left."])
def test_a_clause_after_a_push_is_pushed(text: str) -> None:
    assert steps(text, S3) == ["push(object=red_cube, direction=right)", "push(object=blue_cube, direction=left)"]


@pytest.mark.parametrize("text", ["Push the red cube to the right and the blue one in the bin.",
                                  "Push the red cube right and the blue one on the green one.",
                                  "Push the red cube right, the blue one to the right side."])
def test_a_place_after_a_push_is_refused(text: str) -> None:
    refused(text, S3)


def test_a_put_after_a_push_keeps_its_verb() -> None:
    assert steps("Push the red cube to the right and then put the blue one in the bin.", S3) == \
        ["push(object=red_cube, direction=right)", *mv("blue", "bin")]


# ------------------------------------------------------------- fresh_independent_23 (dev), third round
@pytest.mark.parametrize(("text", "want"), [
    ("Look, I've had a long day and the coffee machine is broken again, so can you at least just move the red cube "
     "to the right side for me. Please.", mv("red", "right")),
    ("I've had a long day. Put the red cube in the bin.", mv("red", "bin")),
    ("Ugh, that red cube has been perched on the blue one all morning. Get rid of it. Bin it.", mv("red", "bin")),
    ("Get rid of the red cube. Bin it.", mv("red", "bin")),
])
def test_dev_classes_read_third_round(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


@pytest.mark.parametrize("text", ["Look, I've had a long day, so don't move the red cube.",
                                  "I've had a long day. Don't put the red cube in the bin.",
                                  "That red cube has been perched on the blue one all morning. Don't get rid of it."])
def test_dev_classes_third_round_beside_a_negation(text: str) -> None:
    refused(text, S3)


# ------------------------------------------------------------- A1 s9 G7b, G9b, G9c, G11, G15, G16, G20
@pytest.mark.parametrize("text", [
    "Drop the green - hold on - onto the pad.",  # G7b: "hold on" asks to wait
    "Drop the green - hang on - onto the pad.",
    "Push the red cube left, lifting it.",  # G9b
    "Push the red cube gently towards the robot's left, lifting it.",
    "Push the red cube way left.",  # G9c
    "Put the red cube and the arm in the bin.",  # G11
    "Put the red cube in the bin, the arm too.",
    "For the next run, all we'd like is the red cube in the bin, and that's it.",  # G15
    "For tomorrow's run, all we'd like is the red cube in the bin.",
    "For the dry run, all we'd like is the red cube in the bin.",
    "Next run: put the red cube in the bin.",
    "Let's do two things! Can we put the green block in the bin? Next, the blue block goes on the pad. And after that "
    "the red block goes on top of the blue block!",  # G16
    "Do the following three things in order: 1) put the red cube in the bin, 2) put the blue cube on the pad.",
    "That's enough for today. Go back to your home position. Then put the red cube in the bin.",
    "Stack red on blue and only then put it in the bin.",  # G20
    "Stack red on blue, and only then put the red one in the bin.",
])
def test_a1_s9_second_batch_is_refused(text: str) -> None:
    refused(text, S3)


@pytest.mark.parametrize(("text", "want"), [
    ("put the - hang on - the green cube in the bin", mv("green", "bin")),
    ("For this run, all we'd like is the red cube in the bin.", mv("red", "bin")),
    ("Do the following two things in order: 1) put the red cube in the bin, 2) put the blue cube on the pad.",
     mv("red", "bin") + mv("blue", "pad")),
    ("Let's do three things, everyone! Can we put the green cube in the bin? Next, the red cube goes on the pad. And "
     "after that the blue cube goes on top of the green cube!", mv("green", "bin") + mv("red", "pad") +
     mv("blue", "green")),
    ("Stack red on blue, and only then put the green one in the bin.", mv("red", "blue") + mv("green", "bin")),
    ("Put the red cube in the bin and the arm back home.", [*mv("red", "bin"), "go_home()"]),
])
def test_a1_s9_second_batch_neighbours_still_read(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


# ------------------------------------------------------------- A1 s9 G23 ("at last"), G25 (a hedged step)
@pytest.mark.parametrize("text", ["At last you put the green cube in the bin.",
                                  "At last, go home, and put the green cube in the bin.",
                                  "Put the red cube in the bin, and maybe put the blue cube on the pad.",
                                  "Put the red cube in the bin. Perhaps put the blue cube on the pad.",
                                  "1. put the red cube in the bin 2. maybe put the blue cube on the pad",
                                  "First put the red cube in the bin, then possibly put the blue cube on the pad."])
def test_relief_or_a_hedged_step_is_refused(text: str) -> None:
    refused(text, S3)


@pytest.mark.parametrize("text", ["Maybe put the blue cube on the pad.", "Hmm, maybe put the blue cube on the pad."])
def test_a_softener_before_the_whole_request_is_politeness(text: str) -> None:
    assert steps(text, S3) == mv("blue", "pad")


# ------------------------------------------------------------- fresh_independent_22 (dev), fourth round
@pytest.mark.parametrize(("text", "want"), [
    ("Hello my friend robot, I hope you are fine. My boss tell me that the red cube must to go in the bin, please can "
     "you do this for me? Thank you so much.", mv("red", "bin")),
    ("My boss told me that the red cube must go in the bin.", mv("red", "bin")),
    ("Red onto blue. Stack it.", mv("red", "blue")),
])
def test_dev_classes_read_fourth_round(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


@pytest.mark.parametrize("text", ["My boss told me that the red cube must not go in the bin.",
                                  "Red onto blue. Don't stack it.",
                                  "My boss told me that the red cube must go in the bin, and my colleague said that it "
                                  "must go on the pad."])
def test_dev_classes_fourth_round_beside_a_negation_or_a_second_voice(text: str) -> None:
    refused(text, S3)


# ------------------------------------------------------------- closed openers people use (own variants, no split)
@pytest.mark.parametrize("opener", ["Right, let's get started.", "Just wanted to ask,",
                                    "Good morning! Ready for another day?", "Hey, how's it going?", "I need a hand -",
                                    "We're tidying up.",
                                    "Happy Friday!", "Morning! Busy day ahead.", "Back again!",
                                    "Okay, final task for today:"])
def test_a_closed_opener_before_the_request(opener: str) -> None:
    assert steps(f"{opener} put the red cube in the bin.", S3) == mv("red", "bin")
    refused(f"{opener} don't put the red cube in the bin.", S3)


@pytest.mark.parametrize(("text", "want"), [
    ("The red cube is in my way, could you move it to the left?", mv("red", "left")),
    ("Put the red cube in the bin first, and only after that put the blue one on the pad.",
     mv("red", "bin") + mv("blue", "pad")),
    ("I'd like you to put the red cube in the bin, if that's okay.", mv("red", "bin")),
])
def test_common_frames_read(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


@pytest.mark.parametrize("text", ["I need a hand on the red cube.", "how's it going with the red cube?",
                                  "The red cube is in my way, don't move it.", "We're tidying up the arm. Put the red "
                                  "cube in the bin."])
def test_common_frames_beside_a_person_a_question_or_a_negation(text: str) -> None:
    refused(text, S3)


# ------------------------------------------------------------- A1 s9 G27: a laugh or praise swallows what follows
@pytest.mark.parametrize("tail", ["no rush lol I'm in the cell", "lol I'm in the cell", "ur the best I'm in the cell",
                                  "you rock cancelled", "haha it's on fire", "hope Paul is out of the cell"])
def test_a_laugh_or_praise_keeps_what_follows_it(tail: str) -> None:
    refused(f"Put the red cube in the bin, {tail}", S3)


@pytest.mark.parametrize("text", ["Hope your servos are feeling good today! Put the red cube in the bin.",
                                  "Put the red cube in the bin, thanks, ur the best"])
def test_a_whole_wish_or_praise_is_still_dropped(text: str) -> None:
    assert steps(text, S3) == mv("red", "bin")


# ------------------------------------------------------------- A1 s9 G29: emoji from a closed list
@pytest.mark.parametrize("emoji", ["🙅", "😂", "🤡", "🙃", "✅", "🚑", "🔥", "🤷", "😬", "🖐"])
def test_an_emoji_outside_the_friendly_ones_is_refused(emoji: str) -> None:
    refused(f"Put the red cube in the bin {emoji}", S3)
    refused(f"{emoji} Put the red cube in the bin.", S3)


@pytest.mark.parametrize("emoji", ["🙂", "👍🏽", "🙏", "❤️", "✨"])
def test_a_friendly_emoji_is_dropped(emoji: str) -> None:
    assert steps(f"Put the red cube in the bin {emoji}", S3) == mv("red", "bin")


@pytest.mark.parametrize("laugh", ["xD", "XD", "xDD", "x-D"])
def test_an_ascii_laugh_is_refused_as_the_emoji_it_stands_for(laugh: str) -> None:
    """The lead, A1 s9 G29 remainder: "xD" is the ASCII 😂 and may mark a joke; a grin ":D" stays small talk."""
    refused(f"Put the red cube in the bin {laugh}", S3)
    refused(f"Put the red cube in the bin, that'd be sick {laugh}", S3)
    assert steps("Put the red cube in the bin :D", S3) == mv("red", "bin")


# ------------------------------------------------------------- fresh_independent_24 (dev) and A1 s9 G28
@pytest.mark.parametrize(("text", "want"), [
    ("Could you bin the red cube for me? I'm on my break and just want the bench a bit tidier.", mv("red", "bin")),
    ("Good afternoon, dear robot. I do hope you are keeping well. If it isn't too much trouble, would you be so kind "
     "as to place the red cube on top of the blue cube? Thank you ever so much, you're a treasure.", mv("red", "blue")),
    ("ok quick one before my break's over - can you chuck the red cube in the bin and then head back home? thanks!!",
     [*mv("red", "bin"), "go_home()"]),
    ("Nudge the blue block forward a little, away from the robot.", ["push(object=blue_cube, direction=forward)"]),
    ("The green cube is scrap now. Dispose of it, please.", mv("green", "bin")),
    ("Hi there! Sorry to bother you, but would you mind awfully putting the red block on the pad for me? Thanks so "
     "much, you're a star.", mv("red", "pad")),
])
def test_dev_classes_read_fifth_round(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


@pytest.mark.parametrize("text", [
    "Could you bin the red cube for me? I'm on my break and I'm reaching in.",
    "The green cube is scrap now. Don't dispose of it.",
    "Break the red cube.",
    "Would you mind awfully not putting the red block on the pad?",
])
def test_dev_classes_fifth_round_beside_a_danger_or_a_detour(text: str) -> None:
    refused(text, S3)
