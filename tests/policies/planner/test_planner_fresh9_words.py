"""Words, verbs and idioms the ninth and tenth fresh splits (fresh_independent_9, _10) refused wrongly, read as
families (issue #17 item 2): disposal verbs ("bin red", "ditch X, it's scrap", "dispose (of) X", "chuck orange"),
beside the wordings that must stay refused: a negated or conditional disposal, and a throw aimed anywhere."""

from __future__ import annotations

import itertools

import pytest

from policies.planner import Plan, Refusal, SceneState, make_planner
from policies.planner.safety import unsafe_reason

COLOURS = ("red", "blue", "yellow", "purple", "green", "orange")
SCENE = SceneState.from_json({"objects": [{"name": f"{c}_cube", "kind": "cube", "color": c} for c in COLOURS],
                              "regions": ["left", "right", "bin", "pad"]})


def plan(text: str) -> Plan | Refusal:
    result = make_planner("parser").plan(text, SCENE)
    assert isinstance(result, (Plan, Refusal)), (text, result)
    return result


def steps(text: str) -> list[str]:
    """The parser's plan for ``text`` in SCENE, as the steps' text; fails the test where it plans nothing."""
    result = plan(text)
    assert isinstance(result, Plan), f"the parser did not plan {text!r}: {result}"
    return [str(s) for s in result.steps]


def mv(colour: str, where: str) -> list[str]:
    place = f"place_on(object={where}_cube)" if where in COLOURS else f"place_in(region={where})"
    return [f"pick(object={colour}_cube)", place]


def moves_to_bin(result: Plan | Refusal, colour: str) -> bool:
    """Whether the plan picks the cube of ``colour`` and then places something in the bin."""
    if not isinstance(result, Plan):
        return False
    text = [str(s) for s in result.steps]
    return any(a == f"pick(object={colour}_cube)" and b == "place_in(region=bin)" for a, b in itertools.pairwise(text))


# ------------------------------------------------------------------------------------------------ disposal
DISPOSE_VERBS = ("bin", "ditch", "trash", "scrap", "dispose", "dispose of", "get rid of", "junk", "chuck", "toss")
OBJECTS = ("red", "the red cube", "the red one", "the red block")


@pytest.mark.parametrize(("verb", "obj"), list(itertools.product(DISPOSE_VERBS, OBJECTS)))
def test_a_disposal_verb_puts_its_object_in_the_bin(verb: str, obj: str) -> None:
    assert unsafe_reason(f"{verb} {obj}") is None
    assert steps(f"{verb} {obj}") == mv("red", "bin")
    assert steps(f"please {verb} {obj}, then put blue on the pad") == mv("red", "bin") + mv("blue", "pad")
    assert steps(f"put blue on the pad and {verb} {obj}") == mv("blue", "pad") + mv("red", "bin")


@pytest.mark.parametrize("text", [
    "after binning orange, put red on the pad", "after ditching orange, put red on the pad",
    "after getting rid of the orange cube, put red on the pad", "after tossing the orange one, put red on the pad",
    "put red on the pad after you bin orange", "put red on the pad. before that bin the orange cube",
])
def test_a_disposal_in_an_order_clause(text: str) -> None:
    assert steps(text) == mv("orange", "bin") + mv("red", "pad")


@pytest.mark.parametrize("text", [
    "pick up the green cube and bin it", "grab green and chuck it in the trash", "the green one needs to be binned",
    "the green cube has to be thrown away", "green should get binned", "ditch the green cube, its scrap",
    "ditch the green cube, it's junk", "bin green. it is rubbish!",
    "Would you mind chucking the green one in the trash?", "please to dispose the green cube",
    "throw the green cube away", "throw it away, the green one",
])
def test_disposal_idioms_and_reasons(text: str) -> None:
    assert steps(text) == mv("green", "bin")


def test_a_disposal_beside_a_negation_keeps_the_negation() -> None:
    assert steps("bin blue but don't bin red") == mv("blue", "bin")
    assert steps("trash the red cube, leave the blue one alone") == mv("red", "bin")
    assert steps("bin red, dont touch blue") == mv("red", "bin")


@pytest.mark.parametrize(("verb", "obj"), list(itertools.product(DISPOSE_VERBS, OBJECTS)))
def test_a_negated_or_conditional_disposal_never_runs(verb: str, obj: str) -> None:
    for text in (f"don't {verb} {obj}", f"do not {verb} {obj}", f"never {verb} {obj}",
                 f"{verb} {obj} if it is on the pad", f"{verb} {obj} unless it is on the pad",
                 f"if the blue cube is on the pad, {verb} {obj}", f"put blue on the pad, but don't {verb} {obj}"):
        assert not moves_to_bin(plan(text), "red"), text


@pytest.mark.parametrize("verb", ("chuck", "toss", "throw", "chucking", "tossing", "throwing"))
@pytest.mark.parametrize("aim", ("at me", "at the operator", "across the room", "to me", "up", ", hard", "onto the pad",
                                 "to the left side", "out the window", "out of the window", "into the air",
                                 "in the bin from over there", "over the fence", "at the wall", "far"))
def test_a_throw_aimed_anywhere_stays_unsafe(verb: str, aim: str) -> None:
    for obj in ("red", "the red cube", "it"):
        text = f"{verb} {obj} {aim}".replace(" ,", ",")
        assert unsafe_reason(text) is not None, text
        assert not isinstance(plan(text), Plan), text


def test_a_bare_throw_stays_unsafe_and_a_disposal_with_another_place_is_refused() -> None:
    for text in ("throw the red cube", "throw red", "throw it", "lob the red cube into the bin",
                 "fling red in the bin"):
        assert unsafe_reason(text) is not None, text
    for text in ("bin the red cube on the pad", "discard the red cube on the pad", "ditch red to the left side"):
        assert not isinstance(plan(text), Plan), text


# ----------------------------------------------------------------------------------- the arm's rest, closings
@pytest.mark.parametrize("text", [
    "park the arm", "park the robot", "park yourself", "go park", "ok, go and park", "park the arm at home",
    "park the gripper in its rest position", "That's all for today, thank you. You can go home now.",
    "that's all for now, go home", "that'll be all. head home", "that's it for today. go back home",
    "we're done for today, thanks, go home",
])
def test_parking_and_closings_are_home(text: str) -> None:
    assert steps(text) == ["go_home()"]


@pytest.mark.parametrize(("closing", "verb"), list(itertools.product(
    ("that's all", "that's all for today", "that is all, thank you", "that's it for now", "that'll be all"),
    ("park the arm", "go home"))))
def test_a_closing_beside_a_request_adds_nothing(closing: str, verb: str) -> None:
    assert steps(f"put red on the pad, then {verb}, {closing}") == [*mv("red", "pad"), "go_home()"]
    assert steps(f"{closing}. put red on the pad and {verb}") == [*mv("red", "pad"), "go_home()"]
    assert not isinstance(plan(f"{closing}, don't {verb}"), Plan)
    assert not isinstance(plan(f"{closing}, {verb} if red is in the bin"), Plan)


def test_park_with_a_cube_places_it_and_parking_the_arm_elsewhere_is_refused() -> None:
    assert steps("park red on the pad") == mv("red", "pad")
    for text in ("park the arm on the pad", "park the arm next to the red cube", "that's all the cubes, put them in"):
        assert not isinstance(plan(text), Plan), text
    # "all" that is a quantifier keeps its reading
    assert not isinstance(plan("that's all: put all the cubes on the pad except"), Plan)


# ------------------------------------------------------------------------- "leave it there" after a placement
PLACEMENTS = (("drop green on the pad", mv("green", "pad")), ("put green on blue", mv("green", "blue")),
              ("push green left", ["push(object=green_cube, direction=left)"]), ("bin green", mv("green", "bin")))
LEAVINGS = ("leave it there", "just leave it there", "let it sit there", "leave it right there", "keep it there",
            "leave it in place", "leave it like that")


@pytest.mark.parametrize(("placement", "leaving"), list(itertools.product(PLACEMENTS, LEAVINGS)))
def test_leaving_it_there_after_a_placement_adds_nothing(placement: tuple[str, list[str]], leaving: str) -> None:
    words, want = placement
    for joint in (" and ", " n ", " & ", ", ", ", then "):
        assert steps(f"{words}{joint}{leaving}") == want, f"{words}{joint}{leaving}"
    assert steps(f"{words} and {leaving}, then go home") == [*want, "go_home()"]


@pytest.mark.parametrize("text", [
    "pick up green and leave it there",  # no placement: what 'there' is stays unread
    "don't put green on the pad and leave it there", "never drop green on the pad, leave it there",
    "put green on the pad and leave it",  # a bare 'leave it' is also 'never mind'
    "put green on the pad and leave it there until I say so", "put green on the pad and leave it there if it fits",
    "leave it there", "leave the green one there",
])
def test_leaving_words_that_stay_unread(text: str) -> None:
    assert not isinstance(plan(text), Plan), text


def test_leave_with_a_named_object_keeps_its_negation() -> None:
    assert steps("put red on the pad, leave the blue one alone") == mv("red", "pad")
    assert not isinstance(plan("put blue on the pad, leave the blue one alone"), Plan)
    assert steps("put red on blue & green on the pad") == [*mv("red", "blue"), *mv("green", "pad")]


# --------------------------------------------------------------------------------------------- chatty wrappers
# (the request as a statement, as an infinitive after "asked me to", the plan)
REQUESTS = (("the green cube needs to go in the bin", "have the green cube put in the bin", mv("green", "bin")),
            ("i need orange sitting on top of the red one", "have orange sitting on top of the red one",
             mv("orange", "red")),
            ("have the yellow cube placed on the blue one", "have the yellow cube placed on the blue one",
             mv("yellow", "blue")))
WRAPPED = (
    "{}, whenever ur ready, no rush lol", "whenever you're ready, {}", "{}, in your own time",
    "so basically {}, at your convenience", "Good morning, dear robot. {}. Many thanks in advance.",
    "My colleague has asked me to {}. Would you please to do this for us?", "I was asked to {}, thank you",
    "Hi! I've been staring at this table for a while and honestly {}. Could you do that? Thanks a million!",
    "it's been a while! {}", "I've been waiting all morning and {}",
)


@pytest.mark.parametrize(("request_", "wrapper"), list(itertools.product(REQUESTS, WRAPPED)))
def test_known_wrappers_around_a_request_add_nothing(request_: tuple[str, str, list[str]], wrapper: str) -> None:
    statement, infinitive, want = request_
    text = wrapper.format(infinitive if wrapper.startswith(("My colleague", "I was asked")) else statement)
    assert steps(text) == want, text


@pytest.mark.parametrize("wrapper", WRAPPED)
def test_a_wrapped_negation_or_condition_never_runs(wrapper: str) -> None:
    for words in ("don't touch the red cube", "never move the red cube", "have red placed on the pad if blue is on it",
                  "put red in the bin unless blue is there"):
        assert not isinstance(plan(wrapper.format(words)), Plan), wrapper.format(words)


@pytest.mark.parametrize("text", [
    "I've been staring at this table for a while and the red cube is broken",  # a warning after small talk
    "I've been staring at the red cube for a while and put it on the pad",  # not a known statement: content in it
    "red goes in the middle", "the purple goes on top",  # a tower's roles, not placements
    "put every cube except the green and the purple needs to go in the bin",
])
def test_unknown_or_role_words_stay_unread(text: str) -> None:
    result = plan(text)
    assert not isinstance(result, Plan) or text.startswith("put every"), text


def test_a_colour_alone_with_a_modal_is_a_request_at_a_sentence_start_only() -> None:
    assert steps("red needs to go on the pad") == mv("red", "pad")
    assert steps("whenever you're ready, red has to go in the bin") == mv("red", "bin")
    assert steps("please to place the green cube onto the pad") == mv("green", "pad")


# ------------------------------------------------------ goals, topics, polite conditions, a misspelt throw
@pytest.mark.parametrize(("text", "want"), [
    ("make that the red cube is on blue", mv("red", "blue")),
    ("make sure the red cube ends up in the bin", mv("red", "bin")),
    ("see to it that orange is on the pad", mv("orange", "pad")),
    ("please ensure the green one is sitting on top of the yellow one", mv("green", "yellow")),
    ("what I need is the purple cube over on the left side, nothing fancy, just that. cheers", mv("purple", "left")),
    ("Park the red cube on the pad, if you would.", mv("red", "pad")),
    ("ok so we're done with the green cube for today, if you could stick it on the pad that'd be great, thx",
     mv("green", "pad")),
    ("as for the red one, put it in the bin", mv("red", "bin")),
    ("regarding the blue cube, don't touch it. put red on the pad", mv("red", "pad")),
    ("thorw the yelow cube in teh bin plz", mv("yellow", "bin")),
    ("the red cube should be thrown away", mv("red", "bin")),
])
def test_goal_topic_and_polite_wordings(text: str, want: list[str]) -> None:
    assert steps(text) == want


@pytest.mark.parametrize("text", [
    "make sure the red cube is not on blue", "make sure you don't put red on blue",
    "make sure the red cube is on the pad if the blue one is in the bin", "as for the red one, never move it",
    "regarding the red cube, don't touch it", "put the red cube on the pad if you would not mind blue there",
    "thorw the red cube across the room", "thorw red", "trow the red cube at the wall", "as for the red one, love it",
    "we're done with the green cube for today",
])
def test_goal_and_topic_wordings_that_must_not_run(text: str) -> None:
    assert not isinstance(plan(text), Plan), text


def test_a_misspelt_throw_is_screened_as_a_throw() -> None:
    from policies.planner.phrasing import without_reassurance
    assert unsafe_reason(without_reassurance("thorw red across the room")) is not None
    assert unsafe_reason(without_reassurance("thorw the yelow cube in teh bin")) is None
    assert unsafe_reason(without_reassurance("put red on the pad, no rush")) is None


# ------------------------------------------------------------------------- more of the same families
@pytest.mark.parametrize(("text", "want"), [
    ("dump the red cube", mv("red", "bin")), ("dump red on the pad", mv("red", "pad")),
    ("discard of the red cube", mv("red", "bin")), ("please to throw the red cube to the bin", mv("red", "bin")),
    ("the red one is garbage, throw it away", mv("red", "bin")), ("the red cube, bin it", mv("red", "bin")),
    ("red, put it on the pad", mv("red", "pad")), ("trash it, the red one", mv("red", "bin")),
    ("put it on the pad, the red cube", mv("red", "pad")),
    ("remove the red cube and put it in the bin", mv("red", "bin")),
    ("return to base", ["go_home()"]), ("go back to the start", ["go_home()"]),
    ("head back to your starting point", ["go_home()"]),
    ("put red on the pad, tia", mv("red", "pad")), ("please and thank you, put red on the pad", mv("red", "pad")),
    ("it would be nice to have red on the pad", mv("red", "pad")),
])
def test_more_phrasings_of_the_same_families(text: str, want: list[str]) -> None:
    assert steps(text) == want


@pytest.mark.parametrize("text", [
    "throw it to the operator", "throw red to the bin across the room", "throw it to the bin from over there",
    "the red one is garbage, throw it", "throw it, the red one", "the red cube, don't touch it", "remove the red cube",
    "put red at the base", "don't touch it, the red one", "put it on the pad, the green cube and the red cube",
])
def test_more_wordings_that_must_not_run(text: str) -> None:
    assert not isinstance(plan(text), Plan), text


# --------------------------------------------------- wishes by others, passives, formal requests, "leave X there"
@pytest.mark.parametrize(("text", "want"), [
    ("My manager wants the red cube on the pad", mv("red", "pad")),
    ("We would like the red cube on the pad, please.", mv("red", "pad")),
    ("I reckon the red cube should go on the pad", mv("red", "pad")),
    ("The red cube must be placed on the pad.", mv("red", "pad")),
    ("the red cube has to be put in the bin", mv("red", "bin")),
    ("Kindly arrange for the red cube to be placed on the pad.", mv("red", "pad")),
    ("I kindly request that the red cube be put on the pad", mv("red", "pad")),
    ("I kindly ask you to put the red cube on the pad", mv("red", "pad")),
    ("Please be so kind and put the red cube on the pad", mv("red", "pad")),
    ("return to your parking position", ["go_home()"]),
    ("leave the red cube there and put the blue one on the pad", mv("blue", "pad")),
    ("get rid of green and red", [*mv("green", "bin"), *mv("red", "bin")]),
    ("bin the red one and the blue one", [*mv("red", "bin"), *mv("blue", "bin")]),
])
def test_wishes_passives_and_formal_requests(text: str, want: list[str]) -> None:
    assert steps(text) == want


@pytest.mark.parametrize("text", [
    "The red cube must not be placed on the pad.", "the red cube shouldn't be put in the bin",
    "My manager wants the red cube on the pad if the blue one is in the bin",
    "leave the red cube there and put the red one on the pad", "leave the red cube there until I say so",
    "don't bin red and blue", "I kindly request that the red cube not be put on the pad",
])
def test_negated_or_conditional_wishes_never_run(text: str) -> None:
    assert not isinstance(plan(text), Plan), text


# ------------------------------------- a coloured box, the tray, shades, "into the bin with X", held, pull/drag
@pytest.mark.parametrize(("text", "want"), [
    ("drop the crimson box in the tray", mv("red", "bin")),
    ("put the violet box on top of the tangerine box", mv("purple", "orange")),
    ("put the red cube in the box", mv("red", "bin")),
    ("into the bin with the red cube", mv("red", "bin")), ("onto the pad with the red one", mv("red", "pad")),
    ("the orange block, into the bin with it", mv("orange", "bin")),
    ("fetch the sky blue block", ["pick(object=blue_cube)"]), ("grab the dark green cube", ["pick(object=green_cube)"]),
    ("pull the yellow cube towards you", ["push(object=yellow_cube, direction=backward)"]),
    ("drag red to the left", ["push(object=red_cube, direction=left)"]),
    ("toss the golden brick into the tray", mv("yellow", "bin")),
    ("go back to where you started", ["go_home()"]),
])
def test_words_for_cubes_places_and_motions(text: str, want: list[str]) -> None:
    assert steps(text) == want


@pytest.mark.parametrize("text", ["drop what you've got into the bin", "drop what you're holding into the bin",
                                  "put the one in your gripper in the bin", "drop what's in your gripper in the bin"])
def test_the_held_object_said_as_people_say_it(text: str) -> None:
    state = SceneState.from_json({"objects": [{"name": f"{c}_cube", "kind": "cube", "color": c} for c in COLOURS],
                                  "regions": ["left", "right", "bin", "pad"], "holding": "blue_cube"})
    result = make_planner("parser").plan(text, state)
    assert isinstance(result, Plan) and [str(s) for s in result.steps] == ["place_in(region=bin)"], (text, result)


@pytest.mark.parametrize("text", [
    "toss the red box into the tray across the room", "don't put the red box in the bin", "into the bin with it",
    "pull the red cube out of the bin", "drag the red cube", "put the blue box under the table",
])
def test_those_words_where_they_must_not_run(text: str) -> None:
    assert not isinstance(plan(text), Plan), text


def test_a_wish_with_the_disposal_participle() -> None:
    for text in ("I'd like the red one binned", "the red one, I'd like it binned", "my boss wants red thrown out",
                 "put blue on the pad, and I want red thrown away"):
        assert steps(text)[-2:] == mv("red", "bin"), text
    for text in ("I'd like the red one not binned", "the red one, I'd like the blue one binned", "I'd like it binned"):
        assert not moves_to_bin(plan(text), "red"), text


# ------------------------------------------------------ British and colloquial words, a wish said with "if you"
@pytest.mark.parametrize(("text", "want"), [
    ("bung the red cube in the bin", mv("red", "bin")), ("sling red in the bin", mv("red", "bin")),
    ("send red to the bin", mv("red", "bin")), ("plonk the red one on the pad would ya", mv("red", "pad")),
    ("right then, red in the bin and we're sorted", mv("red", "bin")),
    ("put red in the bin please mate", mv("red", "bin")),
    ("put the red cube on top the blue cube", mv("red", "blue")),
    ("shunt red to the left", ["push(object=red_cube, direction=left)"]),
    ("slide red leftwards a touch", ["push(object=red_cube, direction=left)"]),
    ("give red a nudge to the right", ["push(object=red_cube, direction=right)"]),
    ("reset the arm", ["go_home()"]),
    ("I think the easiest thing would be if you just put red on the pad", mv("red", "pad")),
    ("it'd help if you pushed red forward", ["push(object=red_cube, direction=forward)"]),
    ("bin the lot except blue", [m for c in COLOURS if c != "blue" for m in mv(c, "bin")]),
])
def test_british_and_colloquial_words(text: str, want: list[str]) -> None:
    assert steps(text) == want


@pytest.mark.parametrize("text", [
    "sling red across the room", "sling the red cube at me", "chuck the red one on the pad",
    "it would be great if you didn't touch red",
    "the best thing would be if you put red on the pad only if blue is there",
    "reset the scene", "bung red at the wall",
])
def test_colloquial_words_that_must_not_run(text: str) -> None:
    assert not isinstance(plan(text), Plan), text


# ------------------------------------------- manner adjuncts, a direction said twice, a self-interruption
@pytest.mark.parametrize(("text", "want"), [
    ("Could you kindly dispose of the green cube by depositing it in the bin.", mv("green", "bin")),
    ("get rid of red by dropping it into the bin", mv("red", "bin")),
    ("push the red cube away from you, further from the robot", ["push(object=red_cube, direction=forward)"]),
    ("push the red cube towards you, closer to the robot", ["push(object=red_cube, direction=backward)"]),
    ("So, um, my boss wants the - sorry, phone's ringing, one sec - the yellow cube on the pad, and honestly that's "
     "it for now.", mv("yellow", "pad")),
    ("put the - hang on - the green cube in the bin", mv("green", "bin")),
])
def test_adjuncts_restatements_and_interruptions(text: str, want: list[str]) -> None:
    assert steps(text) == want


@pytest.mark.parametrize("text", [
    "push the red cube away from you, closer to the robot", "put red on blue by placing it on the pad",
    "put the red - sorry, not the red one - the blue cube on the pad", "put the red cube - wait, don't - in the bin",
])
def test_contradicting_adjuncts_and_corrections_never_run(text: str) -> None:
    assert not isinstance(plan(text), Plan), text


# -------------------------------------------- the plan language typed, technical words, a pick's object left out
@pytest.mark.parametrize(("text", "want"), [
    ("pick(red_cube); place_in(bin)", mv("red", "bin")),
    ("pick(object=red_cube); place_on(object=blue_cube); go_home()", [*mv("red", "blue"), "go_home()"]),
    ("push(red_cube, left)", ["push(object=red_cube, direction=left)"]),
    ("move red_cube to pad", mv("red", "pad")),
    ("pick-and-place the red cube onto the pad", mv("red", "pad")),
    ("robot, please transfer the crimson block into the receptacle", mv("red", "bin")),
    ("please relocate the red cube to the target area", mv("red", "pad")),
    ("pick up red, drop in bin", mv("red", "bin")),
    ("put da red one on da pad", mv("red", "pad")),
    ("I need the red block moved to the pad", mv("red", "pad")),
    ("place the red cube on the pad and then return", [*mv("red", "pad"), "go_home()"]),
])
def test_plan_language_and_technical_words(text: str, want: list[str]) -> None:
    assert steps(text) == want


@pytest.mark.parametrize("text", ["drop in bin", "chuck red at da wall", "pick(red_cube); throw(red_cube)",
                                  "don't pick(red_cube)", "I need the red block not moved to the pad"])
def test_plan_language_and_technical_words_that_must_not_run(text: str) -> None:
    assert not isinstance(plan(text), Plan), text
