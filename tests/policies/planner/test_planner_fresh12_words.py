"""Phrasing classes the twelfth and thirteenth fresh splits (fresh_independent_12, _13; dev, session 6) refused
wrongly, read as families (issue #17 item 2), each beside its negated or forbidding form, which must never run:
a polite frame opening a later clause ("..., but could you put X on Y?"), closings that ask nothing more ("could you
sort that out for me?"), a future reason after a disposal ("I won't be needing it"), "every single cube",
prohibitions said as people say them ("under no circumstances ...", "X must not be moved", "hands off X", "... at
all"), the robot's base as a direction, "the one you just pushed", and "underneath" in wishes.

The two dev splits themselves are the floor at the end: no false execution, no wrong plan, and the exact match
reached."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from test_planner_words import _variants  # negated and reordered variants of a record, each with its check

from policies.planner import Plan, Refusal, SceneState, make_planner, result_from_json
from policies.planner.plan import Clarification, PlanResult

COLOURS = ("red", "blue", "yellow", "purple", "green", "orange")
DATA = Path(__file__).resolve().parents[3] / "policies" / "planner" / "data"


def scene(*colours: str) -> SceneState:
    ys = (0.24, 0.08, -0.08, -0.24, 0.16, -0.16)
    return SceneState.from_json({"objects": [
        {"name": f"{c}_cube", "kind": "cube", "color": c, "position": [0.5, ys[i], 0.022]}
        for i, c in enumerate(colours or COLOURS)], "regions": ["left", "right", "bin", "pad"]})


SCENE = scene()


def plan(text: str, state: SceneState = SCENE) -> PlanResult:
    return make_planner("parser").plan(text, state)


def steps(text: str, state: SceneState = SCENE) -> list[str]:
    result = plan(text, state)
    assert isinstance(result, Plan), f"the parser did not plan {text!r}: {result}"
    return [str(s) for s in result.steps]


def refused(text: str, state: SceneState = SCENE) -> None:
    result = plan(text, state)
    assert not isinstance(result, Plan), (text, result)


def mv(colour: str, where: str) -> list[str]:
    place = f"place_on(object={where}_cube)" if where in COLOURS else f"place_in(region={where})"
    return [f"pick(object={colour}_cube)", place]


def touches(result: PlanResult, colour: str) -> bool:
    return isinstance(result, Plan) and any(f"{colour}_cube" in s.args.values() for s in result.steps)


# ------------------------------------------------------------- a polite frame opening a later clause
FRAMES = ("could you", "can you", "would you", "could you please", "can you just", "would you be able to")
KEEPS = ("leave the purple one alone", "don't touch the purple cube", "never move purple", "leave purple be",
         "hands off the purple cube", "the purple cube must not be moved")


@pytest.mark.parametrize(("keep", "frame"), list(itertools.product(KEEPS, FRAMES)))
def test_a_polite_frame_after_a_constraint_is_the_request_and_the_constraint_holds(keep: str, frame: str) -> None:
    assert steps(f"{keep}, but {frame} put the red cube on the pad?") == mv("red", "pad")
    assert steps(f"{keep}. {frame} stack orange on blue") == mv("orange", "blue")
    # the constraint is kept: the request moving what it keeps is refused whole
    refused(f"{keep}, but {frame} put the purple cube on the pad?")
    refused(f"{keep}. {frame} push purple to the left")


@pytest.mark.parametrize("frame", FRAMES)
def test_a_polite_frame_never_opens_a_negated_clause(frame: str) -> None:
    for text in (f"put red on the pad, but {frame} not put blue in the bin",
                 f"put red on the pad, and {frame} never touch blue, then put blue in the bin"):
        assert not touches(plan(text), "blue"), text


# ---------------------------------------------------------------- closings that ask nothing more
@pytest.mark.parametrize("closing", ["could you sort that out for me?", "can you take care of that?",
                                     "would you deal with it", "could you get that done?", "can you handle this?",
                                     "could you make that happen for us?"])
def test_a_closing_that_asks_for_what_was_said_adds_nothing(closing: str) -> None:
    assert steps(f"every single cube needs to end up on the right side, {closing}", scene("purple", "blue")) == \
        mv("purple", "right") + mv("blue", "right")
    assert steps(f"green goes on the pad, {closing}") == mv("green", "pad")
    refused(f"don't put green on the pad, {closing}")


@pytest.mark.parametrize("every", ["every single cube", "each and every cube", "every last cube",
                                   "every single one of the cubes"])
def test_every_said_with_emphasis_is_every(every: str) -> None:
    state = scene("red", "blue", "green")
    want = mv("red", "bin") + mv("blue", "bin") + mv("green", "bin")
    assert steps(f"put {every} in the bin", state) == want
    refused(f"don't put {every} in the bin", state)
    refused(f"never move {every}", state)


# ---------------------------------------------------------------- a future reason after a disposal
@pytest.mark.parametrize(("request_", "colour"), [
    ("would you mind getting rid of the green cube, please?", "green"),
    ("bin the red one.", "red"),
    ("throw the yellow cube away,", "yellow"),
    ("please put the blue cube in the bin.", "blue"),
])
@pytest.mark.parametrize("reason", ["I won't be needing it.", "we won't need it any more", "I'm not going to need it"])
def test_a_reason_in_the_future_after_a_disposal_is_dropped(request_: str, colour: str, reason: str) -> None:
    assert steps(f"{request_} {reason}") == mv(colour, "bin")


@pytest.mark.parametrize("text", [
    "put the green cube on the pad. I won't be needing it.",
    "don't bin the green cube, I won't be needing it",
    "stack red on blue, we won't need it any more",
])
def test_a_future_reason_after_anything_but_a_disposal_is_not_dropped(text: str) -> None:
    refused(text)


# -------------------------------------------------------------- prohibitions said as people say them
PROHIBITIONS = (
    "under no circumstances should you move the {c} cube",
    "under no circumstances touch the {c} one",
    "on no account move {c}",
    "Under no circumstances should the {c} cube be moved.",
    "the {c} cube must not be moved",
    "the {c} cube should never be touched",
    "do NOT move the {c} cube at all",
    "never touch {c} whatsoever",
    "hands off the {c} cube",
    "hands off the {c} block",
    "leave the {c} cube be",
    "let {c} be",
    "don't mess with the {c} cube",
    "do not disturb the {c} one",
)


@pytest.mark.parametrize(("prohibition", "colour"), list(itertools.product(PROHIBITIONS, ("yellow", "purple"))))
def test_a_prohibition_keeps_its_object_still_and_lets_the_rest_run(prohibition: str, colour: str) -> None:
    ban = prohibition.format(c=colour)
    assert steps(f"{ban}, put red on blue") == mv("red", "blue")
    assert steps(f"stack orange on green, and {ban}") == mv("orange", "green")
    assert steps(f"put red in the bin. {ban}.") == mv("red", "bin")
    # a request moving the forbidden cube is refused whole, in either order
    for text in (f"{ban}, put {colour} on blue", f"put the {colour} cube in the bin, but {ban}",
                 f"{ban}. push {colour} to the left"):
        result = plan(text)
        assert not touches(result, colour), (text, result)


@pytest.mark.parametrize("text", ["under no circumstances put red on blue", "on no account bin the red cube",
                                  "the red cube must not be moved", "hands off the red cube",
                                  "do not move the red cube at all"])
def test_a_prohibition_alone_plans_nothing(text: str) -> None:
    refused(text)


# ------------------------------------------------------------------------ the robot's base as a direction
@pytest.mark.parametrize("towards", ["toward the robot's base", "back toward your base",
                                     "towards the base of the robot", "back toward the arm"])
@pytest.mark.parametrize("colour", ["purple", "red"])
def test_towards_the_robots_base_is_backward(towards: str, colour: str) -> None:
    assert steps(f"please push the {colour} cube {towards}") == [f"push(object={colour}_cube, direction=backward)"]
    away = towards.replace("back toward", "away from").replace("towards", "away from").replace("toward", "away from")
    assert steps(f"slide {colour} {away}") == [f"push(object={colour}_cube, direction=forward)"]
    refused(f"don't push the {colour} cube {towards}")


# --------------------------------------------------------------------------- "the one you just pushed"
@pytest.mark.parametrize(("first", "done"), [
    ("push the yellow cube forward", "pushed"), ("nudge yellow to the left", "just nudged"),
    ("put yellow on the pad", "just placed"), ("slide the yellow one right", "just slid"),
    ("move yellow to the right side", "have just moved"), ("pick up yellow and drop it on the pad", "just dropped"),
])
def test_the_one_you_just_did_something_to_is_that_object(first: str, done: str) -> None:
    head = steps(first)
    assert steps(f"{first}, then put the one you {done} on the red cube") == head + mv("yellow", "red")
    assert steps(f"{first}, then push the cube you {done} forward") == \
        [*head, "push(object=yellow_cube, direction=forward)"]
    refused(f"{first}, then don't touch the one you {done}")


# ------------------------------------------------------------------------ "underneath" in wishes and placements
@pytest.mark.parametrize(("text", "want"), [
    ("I want the green cube underneath the red cube", mv("red", "green")),
    ("I kinda need the orange cube sitting on the green one", mv("orange", "green")),
    ("so for my project I kinda need the orange cube sitting on the green one, if that's ok?? thanks!!",
     mv("orange", "green")),
    ("we would like the green cube to be placed on the pad", mv("green", "pad")),
    ("I'd like the blue one beneath the yellow one", mv("yellow", "blue")),
    ("put red underneath blue", mv("blue", "red")),
    ("stack purple below the orange one, then go home", [*mv("orange", "purple"), "go_home()"]),
])
def test_a_wish_or_placement_under_another_cube_puts_that_cube_on_it(text: str, want: list[str]) -> None:
    assert steps(text) == want


@pytest.mark.parametrize("text", ["I don't want the green cube underneath the red cube",
                                  "don't put red underneath blue", "I want the green cube underneath the table",
                                  "never put the blue one beneath the yellow one"])
def test_a_negated_or_unknown_underneath_never_runs_it(text: str) -> None:
    result = plan(text)
    assert not isinstance(result, Plan) or not result.steps, (text, result)


# ------------------------------------------------------------------ an exclusion said before its quantifier
FRONTS = ("with the exception of", "except for", "apart from", "aside from", "other than", "besides", "excluding")


@pytest.mark.parametrize("front", FRONTS)
@pytest.mark.parametrize(("verb", "dest"), [("please transfer all cubes to", "pad"), ("put every cube in", "bin"),
                                           ("relocate all the blocks to", "left side"), ("move everything to", "pad")])
def test_an_exclusion_before_its_quantifier_leaves_that_cube_out(front: str, verb: str, dest: str) -> None:
    state = scene("yellow", "blue", "purple")
    where = dest.split()[0]
    assert steps(f"{front} the yellow cube, {verb} the {dest}", state) == mv("blue", where) + mv("purple", where)
    assert steps(f"{front} yellow and purple, {verb} the {dest}, then go home", state) == \
        [*mv("blue", where), "go_home()"]
    result = plan(f"{front} the yellow cube, don't {verb.removeprefix('please ')} the {dest}", state)
    assert not isinstance(result, Plan) or not result.steps, result


@pytest.mark.parametrize("text", [
    "except for yellow, put red on the pad",  # no quantifier for it to leave a cube out of
    "besides yellow, put all the cubes in the bin except green",  # two exclusions
    "without touching yellow, put all the cubes in the bin, yellow first",
    "except for the pink cube, put every cube in the bin",
])
def test_a_fronted_exclusion_that_cannot_be_read_is_refused(text: str) -> None:
    refused(text, scene("yellow", "blue", "green", "red"))



# ------------------------------------------------------------------ a quantifier over pushes, and its negation
@pytest.mark.parametrize(("verb", "where", "direction"), [("push", "forward", "forward"),
                                                          ("slide", "to the left", "left"),
                                                          ("nudge", "backwards", "backward")])
def test_a_quantified_push_pushes_each_cube(verb: str, where: str, direction: str) -> None:
    want = [f"push(object={c}_cube, direction={direction})" for c in ("red", "blue")]
    for quantifier in ("both cubes", "all the cubes", "every block"):
        assert steps(f"{verb} {quantifier} {where}", scene("red", "blue")) == want
        refused(f"don't {verb} {quantifier} {where}", scene("red", "blue"))
    assert steps(f"{verb} every cube except green {where}", scene("red", "green", "blue")) == want


# ------------------------------------------------------- a complaint or a context said before the request
@pytest.mark.parametrize("complaint", ["is just in the way", "'s bugging me", "is really annoying",
                                       "is getting in my way"])
@pytest.mark.parametrize(("verb", "where"), [("can you chuck it in the trash for me?", "bin"),
                                             ("please put it on the pad", "pad"),
                                             ("could you stack it on blue?", "blue")])
def test_a_complaint_about_a_cube_then_what_to_do_with_it(complaint: str, verb: str, where: str) -> None:
    assert steps(f"ugh, that yellow cube {complaint}. {verb}") == mv("yellow", where)
    refused(f"that yellow cube {complaint}. don't touch it")
    refused(f"that yellow cube {complaint}. never {verb.split(' ', 2)[-1] if verb.startswith('c') else verb}")


@pytest.mark.parametrize("context", ["ok so I'm setting up the demo for tomorrow", "we're preparing the presentation",
                                     "I'm working on my project", "so for my project", "for this trial run",
                                     "Hello, and thank you for your help. As discussed"])
def test_what_the_user_is_busy_with_is_no_part_of_the_request(context: str) -> None:
    assert steps(f"{context}, could you put the green cube on the yellow one and then head back home so you're out "
                 f"of the way? cheers") == [*mv("green", "yellow"), "go_home()"]
    refused(f"{context}, could you never touch the green cube and put it on the yellow one")
    refused(f"{context}, don't put the green cube on the yellow one")


@pytest.mark.parametrize("closing", ["that'd be sick lol", "Kind regards.", "that's the only change we want",
                                     "that would be epic", "Best regards, the lab team"])
def test_a_closing_that_asks_nothing_more_adds_nothing(closing: str) -> None:
    assert steps(f"can u put the blue one on the yellow one?? {closing}") == mv("blue", "yellow")
    refused(f"please don't put the blue one on the yellow one, {closing}")


def test_a_purpose_naming_something_the_planner_reads_is_not_dropped() -> None:
    refused("put red on the pad so it's out of the way")
    refused("put red on the pad so that you can push blue")
    refused("I'm setting up the demo for the red cube, put it in the bin")


# ------------------------------------------------------------ where it goes said first; a chain of cubes
@pytest.mark.parametrize(("place", "verb", "obj", "want"), [
    ("on the blue cube,", "stack", "the red one", mv("red", "blue")),
    ("to the left side", "move", "the orange cube", mv("orange", "left")),
    ("into the bin,", "put", "the purple block", mv("purple", "bin")),
    ("onto the pad", "place", "green", mv("green", "pad")),
])
def test_where_it_goes_said_first(place: str, verb: str, obj: str, want: list[str]) -> None:
    assert steps(f"{place} {verb} {obj}") == want
    refused(f"{place} don't {verb} {obj}")
    refused(f"{place} never {verb} {obj}")


@pytest.mark.parametrize("order", list(itertools.permutations(("red", "green", "blue"))))
@pytest.mark.parametrize(("verb", "on"), [("stack", "on"), ("put", "on top of"), ("pile", "onto")])
def test_a_chain_of_cubes_is_a_tower_built_from_the_bottom(order: tuple[str, str, str], verb: str, on: str) -> None:
    top, middle, bottom = order
    assert steps(f"{verb} {top} {on} {middle} {on} {bottom}") == mv(middle, bottom) + mv(top, middle)
    assert steps(f"{verb} the {top} cube {on} {middle} {on} the {bottom} one, then go home") == \
        [*mv(middle, bottom), *mv(top, middle), "go_home()"]
    refused(f"don't {verb} {top} {on} {middle} {on} {bottom}")
    refused(f"never {verb} {top} {on} {middle} {on} {bottom}, put {top} in the bin")


# ------------------------------------------------------------ order clauses that say the state, or "thrown X away"
@pytest.mark.parametrize(("state_said", "negated"), [("is sitting on", "isn't sitting on"), ("is on", "is not on"),
                                                    ("'s on", "is no longer on"), ("has been placed on",
                                                                                   "has not been placed on"),
                                                    ("is resting on", "is never on"), ("sits on", "doesn't sit on")])
def test_once_a_cube_is_somewhere_is_put_it_there_first(state_said: str, negated: str) -> None:
    assert steps(f"Once the orange cube {state_said} the pad, go ahead and bin the purple one") == \
        mv("orange", "pad") + mv("purple", "bin")
    assert steps(f"after red {state_said} blue, put green on the pad") == mv("red", "blue") + mv("green", "pad")
    result = plan(f"once the orange cube {negated} the pad, bin the purple one")
    assert not isinstance(result, Plan) or not touches(result, "orange"), result


@pytest.mark.parametrize("thrown", ["you've thrown the green cube away", "you have tossed green out",
                                    "you threw the green one away" ])
def test_after_throwing_a_cube_away_is_the_bin_first(thrown: str) -> None:
    if "threw" in thrown:  # the simple past is a report of what was done, refused by the speech-act guard
        refused(f"Put the red cube on the blue cube after {thrown}.")
        return
    assert steps(f"Put the red cube on the blue cube after {thrown}.") == mv("green", "bin") + mv("red", "blue")
    result = plan(f"Don't put the red cube on the blue cube after {thrown}.")
    assert not isinstance(result, Plan) or mv("red", "blue")[1] not in [str(s) for s in result.steps], result


@pytest.mark.parametrize("then", ["thne", "tehn", "hten", "thn"])
def test_a_misspelt_then_before_a_verb_is_then(then: str) -> None:
    assert steps(f"put red cuve in teh bin {then} go hoem") == [*mv("red", "bin"), "go_home()"]
    assert steps(f"put red on blue {then} push green left") == [*mv("red", "blue"),
                                                               "push(object=green_cube, direction=left)"]
    refused(f"put red in the bin {then} dont touch blue, put blue on the pad")


# ------------------------------------------------------------------------ questions name only what fits
def test_the_cube_a_cube_goes_on_is_asked_among_the_others() -> None:
    result = plan("Could you stack the red cube on the cube, please?", scene("red", "blue", "yellow"))
    assert isinstance(result, Clarification) and set(result.candidates) == {"blue_cube", "yellow_cube"}, result
    assert steps("stack the red cube on the cube", scene("red", "blue")) == mv("red", "blue")
    assert not isinstance(plan("don't put red on the cube", scene("red", "blue", "yellow")), Plan)


def test_the_remaining_one_is_the_one_not_named_yet() -> None:
    assert steps("put red in the bin, then put the remaining one on the pad", scene("red", "blue")) == \
        mv("red", "bin") + mv("blue", "pad")
    result = plan("put red in the bin, then put the leftover cube on the pad", scene("red", "blue", "green"))
    assert isinstance(result, Clarification) and set(result.candidates) == {"blue_cube", "green_cube"}, result
    refused("put red in the bin, then don't touch the remaining one, put blue on the pad", scene("red", "blue"))



# --------------------------------------------------------------------------- the scene's stack as a place
def stacked(*colours: str) -> SceneState:
    """A scene with ``colours[:2]`` stacked (the second on the first) and the rest on the table."""
    objects = [{"name": f"{c}_cube", "kind": "cube", "color": c,
                "position": [0.5, 0.1, 0.022 + 0.044 * i] if i < 2 else [0.4, -0.15 + 0.1 * i, 0.022]}
               for i, c in enumerate(colours)]
    return SceneState.from_json({"objects": objects, "regions": ["left", "right", "bin", "pad"]})


@pytest.mark.parametrize("stack", ["the stack", "the tower", "that pile", "the stack of cubes"])
@pytest.mark.parametrize("on", ["on top of", "on", "onto"])
def test_the_stack_as_a_place_is_its_top_cube(stack: str, on: str) -> None:
    state = stacked("red", "green", "blue")
    assert steps(f"Put the blue cube {on} {stack}.", state) == mv("blue", "green")
    assert steps(f"take the top cube off {stack} and put it on the pad", state) == mv("green", "pad")
    refused(f"don't put blue {on} {stack}", state)
    refused(f"put the red cube {on} {stack}", state)  # it is under the stack's top


def test_the_stack_as_a_place_is_asked_or_refused_where_there_is_no_single_one() -> None:
    refused("put blue on the stack", scene("red", "green", "blue"))


@pytest.mark.parametrize("vocative", ["robot", "buddy", "my friend", "mate"])
def test_a_part_that_only_addresses_the_robot_is_no_clause(vocative: str) -> None:
    assert steps(f"Hi there! Hope you're having a good day, {vocative}. I was wondering if you could maybe take the "
                 f"red cube and pop it in the bin for me? Thanks a million!") == mv("red", "bin")
    refused(f"{vocative}, don't touch red")



# ------------------------------------------------------------------- a tower of every cube with one role left out
@pytest.mark.parametrize("order", list(itertools.permutations(("red", "blue", "yellow"))))
@pytest.mark.parametrize("every", ["out of all three cubes", "with all the cubes", "using every cube",
                                   "from the three blocks"])
def test_a_tower_of_every_cube_puts_the_unnamed_one_in_the_place_left(order: tuple[str, str, str], every: str) -> None:
    bottom, middle, top = order
    state = scene(*order)
    want = mv(middle, bottom) + mv(top, middle)
    assert steps(f"Kindly assemble one tower {every}, with the {bottom} cube at the bottom and the {middle} cube in "
                 f"the middle.", state) == want
    assert steps(f"build a tower {every}: {top} on top, {middle} in the middle", state) == want
    # without every cube said, or with a count the scene does not have, which cube goes on top is not guessed
    refused(f"build a tower with the {bottom} cube at the bottom and the {middle} cube in the middle", state)
    refused(f"build a tower out of all four cubes, with {bottom} at the bottom and {middle} in the middle", state)
    refused(f"don't build a tower {every}, with {bottom} at the bottom and {middle} in the middle", state)


# -------------------------------------------------------------- a relative reference named first, then "it"
@pytest.mark.parametrize(("reference", "colour"), [
    ("The cube sitting to the left of the blue one", "red"), ("the block on the right of the red cube", "blue"),
    ("the cube that's resting beside the green one", "blue")])
@pytest.mark.parametrize(("verb", "want"), [("stack it on top of the yellow one", "yellow"),
                                            ("could you put it in the bin", "bin")])
def test_a_relative_reference_named_first_is_what_it_names(reference: str, colour: str, verb: str,
                                                           want: str) -> None:
    state = SceneState.from_json({"objects": [
        {"name": f"{c}_cube", "kind": "cube", "color": c, "position": [0.5, y, 0.022]}
        for c, y in (("red", 0.2), ("blue", 0.0), ("green", -0.2), ("yellow", -0.5))],
        "regions": ["left", "right", "bin", "pad"]})
    assert steps(f"{reference}: {verb}", state) == mv(colour, want)
    refused(f"{reference}: don't touch it, put green on yellow", state)



# ------------------------------------------------------------------- more ways of saying a ban, an order, a stack
@pytest.mark.parametrize("ban", ["do not, under any circumstances, touch the green cube",
                                 "never, ever, touch the green cube", "don't bother with the green one",
                                 "please refrain from touching the green cube", "refrain from moving green"])
def test_more_bans_keep_their_object_still(ban: str) -> None:
    assert steps(f"{ban}; put red on blue") == mv("red", "blue")
    assert steps(f"{ban}. just put red on the pad") == mv("red", "pad")
    refused(f"{ban}; put green on blue")
    refused(f"{ban}. push green to the left")


@pytest.mark.parametrize("done", ["once you're done with that", "when you've finished with that",
                                  "once that's done", "when you're done"])
def test_once_you_are_done_with_that_is_then(done: str) -> None:
    assert steps(f"put red on blue. {done}, head home") == [*mv("red", "blue"), "go_home()"]
    assert steps(f"put red on blue, {done} put green in the bin") == mv("red", "blue") + mv("green", "bin")
    refused(f"put red on blue. {done}, don't go home")


@pytest.mark.parametrize("noun", ["stack", "pile", "little stack"])
def test_a_tower_named_as_a_stack_or_pile_is_a_tower(noun: str) -> None:
    assert steps(f"build a {noun}: blue at the bottom, red next, green on top") == \
        mv("red", "blue") + mv("green", "red")
    assert steps(f"make a {noun} with red at the bottom and blue on top") == mv("blue", "red")
    refused(f"don't build a {noun}: blue at the bottom, red next, green on top")
    refused(f"put red in the bin, build a {noun}: blue at the bottom, green on top")


@pytest.mark.parametrize("when", ["asap", "right away", "immediately", "straight away"])
def test_an_urgency_adverb_adds_nothing(when: str) -> None:
    assert steps(f"I need you to get the blue cube into the bin {when}") == mv("blue", "bin")
    assert steps(f"everything into the bin except green {when} please", scene("red", "green", "blue")) == \
        mv("red", "bin") + mv("blue", "bin")
    refused(f"don't put the blue cube in the bin {when}")


# ------------------------------------------------------------------------------- the two dev splits themselves
# The exact match the parser reaches on each split (bench/planner.py --backends parser_only); a floor, never lowered.
SPLIT_FLOORS = {"fresh_independent_12": 0.9875, "fresh_independent_13": 1.0}


@pytest.mark.parametrize("split", sorted(SPLIT_FLOORS))
def test_a_dev_split_never_runs_a_refused_record_nor_a_wrong_plan(split: str) -> None:
    recs = [json.loads(line) for line in (DATA / f"{split}.jsonl").read_text().splitlines() if line.strip()]
    assert len(recs) >= 60
    planner = make_planner("parser")
    exact, false_executions, wrong_plans = 0, [], []
    for rec in recs:
        state, gold = SceneState.from_json(rec["scene"]), result_from_json(rec["gold"])
        result = planner.plan(rec["instruction"], state)
        if isinstance(gold, Plan):
            exact += result == gold
            if isinstance(result, Plan) and result != gold:
                wrong_plans.append(rec["id"])
        elif isinstance(result, Plan):
            false_executions.append(rec["id"])
        elif isinstance(gold, Clarification):
            exact += isinstance(result, Clarification) and set(result.candidates) == set(gold.candidates)
        else:
            exact += not isinstance(result, Clarification)
    assert false_executions == [] and wrong_plans == [], (false_executions, wrong_plans)
    assert exact / len(recs) >= SPLIT_FLOORS[split], exact / len(recs)


@pytest.mark.slow  # ~12 variants of each of 140 records: 20-40 s on the shared machine
@pytest.mark.parametrize("split", sorted(SPLIT_FLOORS))
def test_no_negated_or_reordered_variant_of_a_dev_split_record_runs_against_its_words(split: str) -> None:
    recs = [json.loads(line) for line in (DATA / f"{split}.jsonl").read_text().splitlines() if line.strip()]
    planner = make_planner("parser")
    checked = accepted = 0
    bad: list[str] = []
    for rec in recs:
        if not isinstance(result_from_json(rec["gold"]), Plan):
            continue
        state = SceneState.from_json(rec["scene"])
        for text, check in _variants(rec):
            checked += 1
            result = planner.plan(text, state)
            if isinstance(result, Refusal) or not isinstance(result, Plan):
                continue
            accepted += 1
            why = "accepted a purely negated request" if check is None else check(state, result)
            if why is not None:
                bad.append(f"{rec['id']} {text!r}: {why}: {[str(s) for s in result.steps]}")
    assert checked > 5 * 40 and accepted > checked // 4, (checked, accepted)
    assert not bad, "\n".join(bad[:20])
