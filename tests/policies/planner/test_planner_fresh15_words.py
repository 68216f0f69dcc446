"""Phrasing classes the fourteenth to sixteenth fresh splits (fresh_independent_14, seen; _15 and _16, dev, session 7)
refused wrongly, read as families (issue #17 item 2), each beside its negated or forbidding form, which must never run:
the order a quantifier's cubes go in said after it ("the one nearest you first, then the next nearest", "working from
the rightmost to the leftmost", "green before blue"), a later clause said to go first ("..., but place blue on the pad
first"), towers said as chains ("X rests on Y, which in turn rests on Z") or with the role before the cube ("on top the
red, at the bottom the green"), verbs of posture ("perch X atop Y"), asides and reasons around the request ("coffee
machine's broken again", "we're not using it in this run"), a knock the words forbid, labels, closings and fillers.

The dev splits themselves are the floor at the end: no false execution, no wrong plan, and the exact match reached."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from test_planner_fresh12_words import SCENE, mv, plan, refused, steps, touches

from policies.planner import Plan, Refusal, SceneState, make_planner, result_from_json
from policies.planner.plan import Clarification
from policies.planner.semantic_parser import parse

DATA = Path(__file__).resolve().parents[3] / "policies" / "planner" / "data"


def placed(**where: tuple[float, float]) -> SceneState:
    """A scene with each named colour's cube at (x, y): x away from the robot, y to its left."""
    return SceneState.from_json({"objects": [
        {"name": f"{c}_cube", "kind": "cube", "color": c, "position": [x, y, 0.022]} for c, (x, y) in where.items()],
        "regions": ["left", "right", "bin", "pad"]})


def picks(text: str, state: SceneState = SCENE) -> list[str]:
    return [s.split("=")[1].rstrip(")").removesuffix("_cube") for s in steps(text, state) if s.startswith("pick")]


# ------------------------------------------------------------- the order of a quantifier's cubes, said after it
ROW = placed(red=(0.55, 0.10), green=(0.38, -0.05), blue=(0.63, -0.18))  # nearest: green, red, blue; left: red...


@pytest.mark.parametrize("quantified", ["every cube goes in the bin", "put all the cubes in the bin",
                                        "put all three cubes in the bin", "bin every cube"])
@pytest.mark.parametrize(("order", "expected"), [
    ("the one nearest you first, then the next nearest, and so on", ["green", "red", "blue"]),
    ("nearest first", ["green", "red", "blue"]),
    ("the closest one to the robot first", ["green", "red", "blue"]),
    ("farthest first", ["blue", "red", "green"]),
    ("leftmost first", ["red", "green", "blue"]),
    ("starting with the rightmost one", ["blue", "green", "red"]),
    ("working from the rightmost one to the leftmost one", ["blue", "green", "red"]),
    ("from left to right", ["red", "green", "blue"]),
    ("blue before red", ["blue", "red", "green"]),
    ("green before blue before red", ["green", "blue", "red"]),
])
def test_a_quantifier_follows_the_order_said_after_it(quantified: str, order: str, expected: list[str]) -> None:
    assert picks(f"{quantified}, {order}", ROW) == expected


@pytest.mark.parametrize("text", [
    "put every cube in the bin, but not the leftmost first",
    "put every cube in the bin, leftmost not first",
    "don't put every cube in the bin, leftmost first",
    "put every cube in the bin, from the leftmost to the nearest",  # not one end to the other
    "put every cube except blue in the bin, blue before red",  # orders a cube left out
    "put every cube in the bin, red first, leftmost first",  # two orders
    "move every cube, from left to right",  # no destination: a move from one side to the other?
])
def test_an_order_that_is_negated_unclear_or_contradictory_is_refused(text: str) -> None:
    refused(text, ROW)


def test_cubes_level_in_the_stated_order_are_asked_about_never_ordered_by_the_scene() -> None:
    level = placed(red=(0.5, 0.1), green=(0.5, 0.1005), blue=(0.6, -0.2))
    refused("put every cube in the bin, leftmost first", level)
    assert picks("put every cube in the bin, rightmost first", placed(red=(0.5, 0.1), blue=(0.6, -0.2))) == \
        ["blue", "red"]


def test_the_rest_takes_the_order_said_after_it_and_an_exclusion_holds() -> None:
    scene3 = placed(red=(0.4, 0.0), blue=(0.55, 0.17), green=(0.6, -0.14))
    assert steps("Red cube on the pad; the rest go in the bin, green before blue.", scene3) == \
        [*mv("red", "pad"), *mv("green", "bin"), *mv("blue", "bin")]
    assert picks("move every cube apart from the red one onto the pad, leftmost first", scene3) == ["blue", "green"]
    refused("red cube on the pad; the rest go in the bin, red before blue", scene3)
    assert not touches(plan("every cube in the bin except red, leftmost first", scene3), "red")


# ------------------------------------------------------------- a later clause said to go first
@pytest.mark.parametrize("text", [
    "put the red cube in the bin, but place the blue cube on the pad first",
    "put the red cube in the bin but put the blue cube on the pad first",
    "put the red cube in the bin and place the blue cube on the pad first",
    "put the red cube in the bin - but do place the blue cube on the pad first",
    "put red in the bin, blue on the pad first",
    "put the red cube in the bin, but start by placing the blue cube on the pad",
    "put the red cube in the bin, but begin by placing the blue cube on the pad",
    "place the blue cube on the pad, after which put the red cube in the bin",
    "place the blue cube on the pad, following which put the red cube in the bin",
    "put the red cube in the bin, before which place the blue cube on the pad",
])
def test_a_clause_said_to_go_first_runs_first(text: str) -> None:
    assert steps(text) == [*mv("blue", "pad"), *mv("red", "bin")]


@pytest.mark.parametrize("text", [
    "put red and blue in the bin first",
    "put red in the bin, but don't put blue on the pad first",
    "don't put red in the bin, but put blue on the pad first",
    "put red in the bin, then blue on the pad, green on the left first",
])
def test_a_late_first_that_cannot_be_moved_ahead_whole_is_refused(text: str) -> None:
    refused(text)


# ------------------------------------------------------------- towers: chains, roles before their cube
@pytest.mark.parametrize(("top", "mid", "low"), list(itertools.permutations(("red", "purple", "orange"))))
def test_a_tower_said_as_a_chain_is_built_from_the_bottom(top: str, mid: str, low: str) -> None:
    built = [*mv(mid, low), *mv(top, mid)]
    for text in (f"Kindly erect a tower in which the {top} cube rests on the {mid} cube, which in turn rests on the "
                 f"{low} cube.",
                 f"build a tower where the {top} cube sits on the {mid} cube, which sits on the {low} cube",
                 f"tower pls. {top} on top of {mid} on top of {low}",
                 f"tower please: {top} on {mid} on {low}"):
        assert steps(text) == built, text
    for text in (f"kindly erect a tower in which the {top} cube does not rest on the {mid} cube, which in turn rests "
                 f"on the {low} cube",
                 f"don't build a tower: {top} on {mid} on {low}",
                 f"a tower where the {top} cube rests on the {mid} cube, which rests on the {low} cube, but never "
                 f"touch the {low} one"):
        refused(text)


@pytest.mark.parametrize(("top", "low"), list(itertools.permutations(("red", "green", "blue"), 2)))
def test_a_role_said_before_its_cube_is_that_cube_s_place(top: str, low: str) -> None:
    for text in (f"build a tower: on top the {top}, at the bottom the {low}.",
                 f"build a tower: at the bottom the {low}, on top the {top}",
                 f"build a tower: top: {top}, bottom: {low}"):
        assert steps(text) == mv(top, low), text
    refused(f"build a tower: at the bottom the {low}, don't put {top} on top")


def test_a_cube_joined_by_and_to_a_role_is_asked_about_unless_its_place_is_said() -> None:
    refused("build a tower : red at the bottom and blue, green on top.")
    refused("build a tower: red and blue at the bottom, green on top")
    rgb = [*mv("blue", "red"), *mv("yellow", "blue")]
    for text in ("build a tower : the red very at the bottom, the blue on it and the yellow very on top.",
                 "build a tower: the yellow on top, then the blue and the red at the bottom.",
                 "build a tower: the yellow very on top, the blue below it and the red at the bottom."):
        assert steps(text) == rgb, text


def test_a_cube_placed_against_its_neighbour_must_stand_there() -> None:
    refused("build a tower: the yellow on top, the blue on it, the red at the bottom")
    refused("build a tower: the red at the bottom, the blue below it, the yellow on top")
    assert steps("build a tower: the red at the bottom, the blue on it, the yellow on top") == \
        [*mv("blue", "red"), *mv("yellow", "blue")]


def test_a_tower_summing_up_its_clauses_or_leaving_a_cube_out_is_read() -> None:
    assert steps("red on blue and blue on green, basically make a little tower out of those three") == \
        [*mv("blue", "green"), *mv("red", "blue")]
    assert steps("stack em up from the bottom: blue, then yellow, then red. leave green out of it") == \
        [*mv("yellow", "blue"), *mv("red", "yellow")]
    refused("stack em up from the bottom: blue, then yellow, then red. leave blue out of it")
    refused("red on blue and don't put blue on green, make a tower out of those three")


# ------------------------------------------------------------- verbs of posture, rare placing words
@pytest.mark.parametrize("verb", ["perch", "sit", "seat", "stand", "rest", "settle"])
@pytest.mark.parametrize("frame", ["", "could you ", "would you be so kind as to ", "please "])
def test_a_verb_of_posture_before_a_cube_and_on_is_a_placement(verb: str, frame: str) -> None:
    assert steps(f"{frame}{verb} the green block atop the red one") == mv("green", "red")
    assert steps(f"{frame}{verb} the green cube upon the red cube") == mv("green", "red")
    refused(f"don't {verb} the green block atop the red one")
    assert not touches(plan(f"{frame}{verb} the green block on the red one, but never touch red"), "green")


# ------------------------------------------------------------- asides and reasons around a request
@pytest.mark.parametrize("aside", [
    "Coffee machine's broken again, great start.", "We're visiting today and my daughter is obsessed with purple.",
    "Shift note:", "fyi:"])
def test_an_aside_naming_nothing_the_planner_reads_is_dropped(aside: str) -> None:
    assert steps(f"{aside} put the red cube on the pad, it fell on the floor earlier and it's dirty") == \
        mv("red", "pad")


@pytest.mark.parametrize("aside", ["the weather's been grim all week.", "my supervisor is on holiday this week.",
                                   "I know it's late but"])
def test_an_aside_outside_the_closed_list_of_forms_is_refused_not_dropped(aside: str) -> None:
    """Harmless, but not one of the forms an aside may take since session 8 (A1 F2b/F5b: a word blocklist let "Paul's
    leaning in." and "The deal's off." be dropped too): a wrong refusal, never a false execution."""
    refused(f"{aside} put the red cube on the pad, it fell on the floor earlier and it's dirty")


@pytest.mark.parametrize("warning", [
    "the arm is broken", "that's wrong", "careful, it's hot", "someone is standing there", "it's not needed",
    "the gripper is slipping", "I changed my mind", "wait", "spin around", "red is off limits", "the rest are fine"])
def test_a_part_that_may_warn_retract_or_restrict_is_never_dropped(warning: str) -> None:
    refused(f"put red in the bin, {warning}")
    refused(f"put red in the bin. {warning}.")


def test_a_reason_of_no_use_is_dropped_only_after_a_disposal() -> None:
    orange = scene_of("orange", "green", "blue")
    for reason in ("we're not using it in this run", "we don't use it anymore", "I'm not using it today"):
        assert steps(f"Get rid of the orange cube, {reason}.", orange) == mv("orange", "bin")
        refused(f"put the orange cube on the pad, {reason}", orange)
        refused(f"don't get rid of the orange cube, {reason}", orange)


def test_a_cube_complained_about_then_acted_on_is_that_cube() -> None:
    assert steps("Shift note: the red cube's got a chipped corner, chuck it in the bin.") == mv("red", "bin")
    refused("the red cube's got a chipped corner, don't chuck it in the bin")
    refused("the red cube's on the pad, chuck it in the bin")


# ------------------------------------------------------------- a knock or bump the words forbid
@pytest.mark.parametrize("avoid", ["don't knock the yellow cube", "whatever you do, don't knock the yellow cube",
                                   "try not to knock the yellow cube over", "don't bump into the yellow cube",
                                   "never hit the yellow cube", "don't knock over the yellow cube"])
def test_a_forbidden_knock_is_a_constraint_not_a_blow(avoid: str) -> None:
    assert steps(f"Move the blue cube to the right side, and {avoid}.") == mv("blue", "right")
    assert not touches(plan(f"{avoid}, and put the yellow cube in the bin"), "yellow")
    assert steps("put blue on the pad without knocking over the yellow cube") == mv("blue", "pad")


@pytest.mark.parametrize("text", ["knock the yellow cube over", "don't knock blue, knock the yellow cube over",
                                  "put blue in the bin and hit the yellow cube", "don't knock, hit the yellow cube"])
def test_a_knock_that_is_asked_for_stays_unsafe(text: str) -> None:
    result = plan(text)
    assert not isinstance(result, Plan) and "unsafe" in result.reason, (text, result)


def scene_of(*colours: str) -> SceneState:
    return placed(**{c: (0.4 + 0.1 * i, 0.2 - 0.15 * i) for i, c in enumerate(colours)})


# ------------------------------------------------------------- self-corrections inside one slot
@pytest.mark.parametrize(("slip", "said"), list(itertools.permutations(("red", "blue", "green"), 2)))
def test_a_slip_corrected_in_its_own_slot_is_the_corrected_words(slip: str, said: str) -> None:
    assert steps(f"put the {slip} no the {said} cube in the bin") == mv(said, "bin")
    assert steps(f"move the {said} cube to the left side wait no the right side") == mv(said, "right")
    assert steps(f"stack the orange cube on the {slip} sorry I mean on the {said} cube") == mv("orange", said)
    assert steps(f"stack the yellow block on the {slip} one - no, the {said} one") == mv("yellow", said)
    for text in (f"don't put the {slip} no the {said} cube in the bin",  # a negation: which one it keeps is unclear
                 f"put {slip} on orange, no, {said} on the pad",  # a new placement, not a correction
                 f"put {slip} in the bin, no, {said}",  # a cube for a place
                 f"put the {slip} no the {said} no the orange cube in the bin",
                 f"put the {slip} cube in the bin, not that, {said}",
                 f"put the {slip} cube, I misspoke, the {said} cube, in the bin"):
        assert not touches(plan(text), slip), text
    # a place said by two clauses, or corrected "too": which one it corrects is unclear (A1 session 7, F15)
    for text in (f"put {slip} in the bin and {said} in the bin, sorry, on the pad",
                 f"put {slip} in the bin, {said} in the bin, sorry, on the pad",
                 f"put {slip} in the bin, actually on the pad too"):
        refused(text)
    assert steps(f"put {slip} in the bin, sorry, on the pad") == mv(slip, "pad")


# ------------------------------------------------------------- words before a verb that may negate it
@pytest.mark.parametrize("lead", ["quit", "cease to", "desist from", "refuse to", "decline to", "regret", "xyzzy",
                                  "why would you", "who told you to", "how dare you", "you failed to", "do noth",
                                  "do jot", "give up on", "postpone"])
def test_words_before_the_verb_that_the_parser_does_not_read_refuse_it(lead: str) -> None:
    for text in (f"{lead} put the red cube in the bin", f"put the blue cube on the pad, then {lead} put the red cube "
                                                        f"in the bin"):
        assert not touches(plan(text), "red"), text


@pytest.mark.parametrize("lead", ["first", "so", "maybe", "now", "please", "plase", "ok so", "and then", "just"])
def test_words_before_the_verb_that_change_nothing_still_plan(lead: str) -> None:
    assert steps(f"{lead} put the red cube in the bin") == mv("red", "bin")


@pytest.mark.parametrize("text", [
    "build a tower: red at the bottom, blue in the middle, green on top, reversed",
    "build a tower with red at the bottom and green at the top, but flip it", "put red on blue, vice versa",
    "stack red on blue, upside down", "get rid of red, I will not be needing it, actually I will",
    "put the red blue cube in the bin", "put the blue purple cube in the bin"])
def test_a_reversal_a_retracted_reason_or_two_colours_for_one_cube_never_run(text: str) -> None:
    refused(text)


@pytest.mark.parametrize("text", [
    "I must put the red cube in the bin", "maybe I should put the red cube in the bin",
    "i start by putting the red cube in the bin", "push red left? we don't need that",
    "put red on the pad, we don't need this", "put red in the bin; we no longer need that",
    "put every cube except blue in the bin, then put it on the pad",
    "put every cube except blue in the bin, then put them on the pad",
    "build a tower: red bottom, blue top, green middle, yellow top", "build a tower: red bottom, blue top, yellow top",
    "build a tower: red bottom, blue middle, green middle, yellow top",
    "build a tower: red bottom, yellow bottom, blue middle, green top",
    "put blue on the pad and I can put the red cube in the bin", "i could put the red cube in the bin",
    "slide red closer to me"])  # (P3 s16: "push X toward me / away from me" reads the speaker as at the robot)
def test_the_speakers_own_action_a_retraction_an_unclear_pronoun_or_level_never_run(text: str) -> None:
    refused(text)


@pytest.mark.parametrize("text", [
    "put the warm-coloured cube on the cool-coloured cube", "put the cool-coloured cube in the bin, not the warm one",
    "put the non-warm-coloured cube in the bin", "the red cube's staying, chuck it in the bin",
    "the red cube's important, chuck it in the bin", "the red cube is fine, chuck it in the bin",
    "the red cube has the blue cube on it, chuck it in the bin", "Done: put red in the bin",
    "done, put red in the bin", "put red in the bin - done", "put red in the bin (done)",
    "put the red-orange cube in the bin", "put the red/blue cube in the bin",
    "put red in the bin and green on the pad, do the same with blue",
    "put red in the bin, then green on the pad, do the same with blue"])
def test_a_second_family_a_reason_to_keep_a_done_label_a_blend_or_an_unclear_same_never_run(text: str) -> None:
    result = plan(text, scene_of("red", "blue", "green", "orange"))  # never raises (A1 session 7, F16)
    assert not isinstance(result, Plan), (text, result)


def test_a_fault_before_a_disposal_a_single_same_and_done_before_home_still_plan() -> None:
    assert steps("the red cube has got a nasty crack, chuck it in the bin") == mv("red", "bin")
    assert steps("the blue cube's broken, chuck it in the bin") == mv("blue", "bin")
    assert steps("put red in the bin, do the same with blue") == [*mv("red", "bin"), *mv("blue", "bin")]
    assert steps("done, go home") == ["go_home()"]


@pytest.mark.parametrize("text", [
    "put red, err blue in the bin", "put green make that yellow in the bin", "put red or better blue in the bin",
    "stack the red cube on blue, undo", "bin the blue cube, we're keeping it", "put red in the bin, nto blue",
    "move every cube w/o green in the trash", "move the red cube to the left side, blue is out of bounds",
    "push the blue cube left, psych", "put the red - pardon blue - in the bin", "quit trying to bin green",
    "move the blue cube to the left side, changed my mind", "stack the red cube on blue, we still need it",
    "the red cube is fine, chuck it in the bin",
    "put the blue cube on the pad, I'll do the red one", "put any cube but red in the bin",
    "don'tput the red cube in the bin", "push the green cube to my left", "put red in the bin, because it's blue",
    "the red cube's unbroken, chuck it in the bin", "the red cube's broken, chuck it in the bin tomorrow"])
def test_words_that_correct_retract_or_exclude_are_a_reasoned_refusal_never_the_models(text: str) -> None:
    parsed = parse(text, scene_of("red", "blue", "green", "yellow"))
    assert not parsed.candidates and not parsed.unread, (text, parsed)


def test_a_start_said_to_the_robot_and_a_polite_could_i_still_plan() -> None:
    assert steps("start by putting the red cube in the bin, then go home") == [*mv("red", "bin"), "go_home()"]
    assert steps("could i get the purple cube in the bin please") == mv("purple", "bin")
    assert steps("throw away the red cube, we don't need it") == mv("red", "bin")


# ------------------------------------------------------------- closings, labels, fillers, learners' word order
@pytest.mark.parametrize("text", [
    "drop the green cube into the bin rn", "green cube in the bin thnx", "could you put the green cube in the bin "
    "when you get a sec, thx a ton", "Would you be so kind as to dispose of the green cube in the bin at your earliest "
    "convenience?", "Good morning. Further to our conversation, I would kindly request that the green cube be placed "
    "in the bin. Thank you for your comprehension. Best regards.", "Please you throw away the green cube, it is not "
    "more needed.", "um so like get rid of the green one uh yeah trash it", "stick the green one in the bin pls, need "
    "it for the demo", "if you could put the green cube in the bin that would be brilliant"])
def test_closings_and_fillers_around_a_disposal_ask_for_nothing_more(text: str) -> None:
    assert steps(text) == mv("green", "bin")


@pytest.mark.parametrize("text", [
    "right, so the boss wants the green one in the bin before lunch, can you do that?",
    "ugh. anyway can u put the green cube in the bin", "ok robot, first things first: green cube in the bin please",
    "Dear robot, kindly place the green cube in the bin. Regards, Sam", "quick one - bin the green cube"])
def test_openers_deadlines_and_sign_offs_ask_for_nothing_more(text: str) -> None:
    assert steps(text) == mv("green", "bin")


@pytest.mark.parametrize("text", ["put red in the bin. thanks, blue", "I know it's late but don't put red in the bin",
                                  "anyway, don't put red in the bin", "put red in the bin after lunch"])
def test_a_sign_off_naming_a_cube_a_negation_or_a_later_time_is_not_dropped(text: str) -> None:
    refused(text)


def test_the_front_and_back_cube_are_nearest_and_farthest_from_the_arm() -> None:
    row = placed(orange=(0.4, 0.15), purple=(0.4, -0.15), yellow=(0.62, 0.0))
    asked = plan("Put the front cube on the pad.", row)
    assert isinstance(asked, Clarification) and set(asked.candidates) == {"orange_cube", "purple_cube"}
    assert steps("put the back cube in the bin", row) == mv("yellow", "bin")
    assert not touches(plan("don't touch the back cube, put orange on the pad", row), "yellow")


def test_a_reason_or_closing_after_anything_else_is_not_read_past() -> None:
    refused("put the green cube on the pad, it is not more needed")
    refused("don't throw away the green cube, it is not more needed")
    refused("um so like get rid of the purple one uh yeah trash the green one")


@pytest.mark.parametrize("text", ["done for today, go home", "um that's all for now just go home",
                                  "orange on pad. purple on orange. done, go home"])
def test_a_closing_before_going_home_is_no_clause(text: str) -> None:
    assert steps(text)[-1] == "go_home()"


@pytest.mark.parametrize(("text", "want"), [
    ("Put please the yellow cube over the pad.", mv("yellow", "pad")),
    ("Make the red cube to sit on top of green cube.", mv("red", "green")),
    ("I would be grateful if you could rest the purple cube upon the green cube.", mv("purple", "green")),
    ("move red right, blue left thx", [*mv("red", "right"), *mv("blue", "left")]),
    ("Step one: relocate the green cube to the right-hand region. Step two: place the purple cube on the green cube.",
     [*mv("green", "right"), *mv("purple", "green")]),
    ("put blue on the pad as the very last thing, first stack red on green", [*mv("red", "green"), *mv("blue", "pad")]),
    ("put the orange on the purple and then uh the blue one on the left side and that's it",
     [*mv("orange", "purple"), *mv("blue", "left")]),
    ("Stack the yellow on the purple, the orange you must not move.", mv("yellow", "purple")),
])
def test_learners_word_order_and_rare_verbs_are_read(text: str, want: list[str]) -> None:
    assert steps(text) == want


def test_a_learners_prohibition_and_rank_keep_their_meaning() -> None:
    refused("Stack the orange on the purple, the orange you must not move.")
    refused("put blue on the pad as the very last thing, first don't stack red on green")


# ------------------------------------------------------------- references by place, said first or without a verb
LINE = placed(red=(0.40, 0.2), green=(0.5, 0.0), blue=(0.62, -0.2))  # red nearest and leftmost, blue farthest


@pytest.mark.parametrize(("text", "want"), [
    ("the cube furthest away from you, stack that on the red one", mv("blue", "red")),
    ("the cube on the left, put that in the bin", mv("red", "bin")),
    ("rightmost cube on top of the leftmost one", mv("blue", "red")),
    ("grab whichever one is closest to you and drop it in the bin", mv("red", "bin")),
    ("The cube most at right, put it in the bin.", mv("blue", "bin")),
])
def test_a_reference_by_place_named_first_or_verbless_is_read(text: str, want: list[str]) -> None:
    assert steps(text, LINE) == want


def test_a_cube_named_by_its_colour_family_is_asked_about_or_read() -> None:
    asked = plan("For the poster photo, could you put the warm-coloured cube on the pad?",
                 scene_of("blue", "orange", "red", "yellow"))
    assert isinstance(asked, Clarification) and set(asked.candidates) == {"orange_cube", "red_cube", "yellow_cube"}
    assert steps("put the warm-coloured cube on the pad", scene_of("red", "blue", "green")) == mv("red", "pad")
    refused("don't touch the warm-coloured cube, put blue on the pad", scene_of("red", "blue"))  # an exclusion
    refused("put the warm-coloured cube on the pad", scene_of("blue", "green"))


def test_a_list_a_push_by_move_and_a_posture_before_a_place_are_read() -> None:
    assert picks("put red, blue, and yellow in the bin") == ["red", "blue", "yellow"]
    assert picks("put red, blue and yellow on the pad, then go home") == ["red", "blue", "yellow"]
    refused("don't put red, blue, and yellow in the bin")
    refused("stack red, blue and yellow on the pad")  # one stack there, or each one there?
    refused("stack red and blue on the pad")
    assert steps("move the red cube towards the robot a bit") == ["push(object=red_cube, direction=backward)"]
    assert steps("put red on the pad, and blue too") == [*mv("red", "pad"), *mv("blue", "pad")]
    refused("never put red on the pad, and blue too")
    assert steps("put the cube that's on the far right onto the pad", LINE) == mv("blue", "pad")


# ------------------------------------------------------------- quantifiers with a negation beside them
@pytest.mark.parametrize(("text", "want"), [
    ("bin everything but dont touch the yellow one", ["red", "blue", "purple", "green", "orange"]),
    ("leave purple alone and bin the rest", ["red", "blue", "yellow", "green", "orange"]),
    ("All cubes go on the right side, only not the purple.", ["red", "blue", "yellow", "green", "orange"]),
    ("With the exception of the green cube, kindly clear all cubes into the bin.",
     ["red", "blue", "yellow", "purple", "orange"]),
])
def test_a_quantifier_keeps_out_what_the_words_keep_out(text: str, want: list[str]) -> None:
    assert picks(text) == want


@pytest.mark.parametrize("text", ["everything in the bin pls but dont touch any of the cubes",
                                  "put the green cube in the bin and put the green cube on the pad",
                                  "put every cube in the bin but don't touch them"])
def test_a_request_contradicting_itself_is_refused_whole(text: str) -> None:
    refused(text)
    # "then" orders the two places (a cube put in the bin is never taken out again, A1 s9 G28: the pad first)
    assert steps("put the green cube on the pad, then put the green cube in the bin") == \
        [*mv("green", "pad"), *mv("green", "bin")]


# ------------------------------------------------------------- how a push is made, and why
def test_how_and_why_a_push_is_made_are_dropped_only_after_a_push() -> None:
    assert steps("Nudge red cube to your left side, only push, no lifting.") == \
        ["push(object=red_cube, direction=left)"]
    assert steps("shove blue toward you pls, its too far back") == ["push(object=blue_cube, direction=backward)"]
    refused("put red cube on the pad, only push, no lifting")
    refused("put blue on the pad, it's too far back")


# ------------------------------------------------------------- the dev splits as a floor
def _records(name: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in (DATA / f"{name}.jsonl").read_text().splitlines() if line.strip()]


@pytest.mark.parametrize(("split", "floor"), [("fresh_independent_14", 0.95), ("fresh_independent_15", 0.98),
                                              ("fresh_independent_16", 0.98)])
def test_the_fresh_splits_read_without_a_false_execution_or_a_wrong_plan(split: str, floor: float) -> None:
    planner = make_planner("parser")
    exact = 0
    records = _records(split)
    for rec in records:
        state = SceneState.from_json(rec["scene"])
        gold = result_from_json(rec["gold"])
        got = planner.plan(str(rec["instruction"]), state)
        if isinstance(got, Plan):
            assert isinstance(gold, Plan) and got == gold, (rec["id"], rec["instruction"], got, gold)
        if isinstance(gold, Clarification):
            exact += isinstance(got, Clarification) and set(got.candidates) == set(gold.candidates)
        else:
            exact += got == gold or (isinstance(got, Refusal) and isinstance(gold, Refusal))
    assert exact / len(records) >= floor, (split, exact, len(records))

