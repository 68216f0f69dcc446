"""Which object goes where (pairing.py): a plan that swaps the destinations the words pair is refused.

Sentences here are written for these tests (not from any devset or held-out split).
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from policies.planner import Plan, SceneState, Step
from policies.planner.pairing import pairing_error, plan_destinations, read_pairing
from policies.planner.planner import words_error

COLOURS = ("red", "green", "blue", "orange")
SCENE = SceneState.from_json({"objects": [
    {"name": f"{c}_cube", "kind": "cube", "color": c, "position": [0.5, 0.16 - 0.1 * i, 0.02]}
    for i, c in enumerate(COLOURS)], "regions": ["left", "right", "bin", "pad"]})


def move(obj: str, dest: str) -> list[Step]:
    place = (Step(skill="place_in", args={"region": dest}) if dest in SCENE.regions
             else Step(skill="place_on", args={"object": dest}))
    return [Step(skill="pick", args={"object": obj}), place]


SWAPPED = [*move("green_cube", "bin"), *move("red_cube", "pad")]
RIGHT = [*move("red_cube", "bin"), *move("green_cube", "pad")]


@pytest.mark.parametrize("text", [
    "Would you be a gem and drop the crimson block in teh bin and the lime one onto the pad, ta",
    "be a pal: the red cube goes in the basket, the green one on the white pad",
    "kindly get the red one into the trash and the green cube on top of the mat",
])
def test_swapped_pairs_refused_right_pairs_accepted(text: str) -> None:
    why = pairing_error(text, SCENE, SWAPPED)
    assert why is not None and "but the plan sends it to the" in why, why
    assert pairing_error(text, SCENE, RIGHT) is None


def test_stacking_destination_and_shared_destination() -> None:
    text = "could you, if it is no bother, set the blue cube atop the orange one and the red one in the bin"
    assert read_pairing(text, SCENE).destinations == {"blue_cube": ("orange_cube",), "red_cube": ("bin",)}
    assert pairing_error(text, SCENE, [*move("blue_cube", "orange_cube"), *move("red_cube", "bin")]) is None
    assert pairing_error(text, SCENE, [*move("orange_cube", "blue_cube"), *move("red_cube", "bin")]) is not None
    shared = "be a dear, the red and the blue cube both go into the bin"
    assert read_pairing(shared, SCENE).destinations == {"red_cube": ("bin",), "blue_cube": ("bin",)}
    assert pairing_error(shared, SCENE, [*move("red_cube", "bin"), *move("blue_cube", "pad")]) is not None


def test_pronoun_keeps_the_mention_and_from_is_no_destination() -> None:
    text = "grab the orange one off the pad and then pop it in the bin for me"
    assert read_pairing(text, SCENE).destinations == {"orange_cube": ("bin",)}
    assert pairing_error(text, SCENE, move("orange_cube", "bin")) is None
    assert "does not move it" in (pairing_error(text, SCENE, move("red_cube", "bin")) or "")


def test_several_destinations_must_come_in_the_words_order() -> None:
    text = "drop the green one in the bin, then take it out again and set it on the mat"
    assert read_pairing(text, SCENE).destinations == {"green_cube": ("bin", "pad")}
    assert pairing_error(text, SCENE, [*move("green_cube", "bin"), *move("green_cube", "pad")]) is None
    assert pairing_error(text, SCENE, [*move("green_cube", "pad"), *move("green_cube", "bin")]) is not None
    assert pairing_error(text, SCENE, move("green_cube", "pad")) is not None


def test_a_colour_that_fits_two_objects_is_ambiguous() -> None:
    scene = SceneState.from_json({"objects": [
        {"name": "red_cube", "kind": "cube", "color": "red", "position": [0.5, 0.1, 0.02]},
        {"name": "red_ball", "kind": "ball", "color": "red", "position": [0.5, -0.1, 0.02]}],
        "regions": ["bin", "pad"]})
    why = pairing_error("chuck the red one in the bin, ta", scene, move("red_cube", "bin"))
    assert why is not None and "ambiguous" in why


def test_anchors_and_negated_destinations_are_not_claims() -> None:
    text = "the block sitting just left of the orange one should end up in the bin"
    # the anchor (orange) is never claimed; the block left of it (blue, 0.1 m further left) goes to the bin
    assert read_pairing(text, SCENE).destinations == {"blue_cube": ("bin",)}
    assert read_pairing("set the blue cube on the red one, not on the green one", SCENE).destinations == {
        "blue_cube": ("red_cube",)}


def test_next_to_is_not_a_destination() -> None:
    assert read_pairing("set the blue cube next to the bin", SCENE).destinations == {}


def test_checker_refuses_a_swapped_plan_for_unread_words() -> None:
    text = "Could you be a total legend and pop the red cube in teh bin and the green one on the pad? Ta muchly"
    swapped = words_error(text, SCENE, Plan(steps=tuple(SWAPPED)))
    assert swapped is not None
    assert words_error(text, SCENE, Plan(steps=tuple(RIGHT))) is None


DESTS = {"the bin": "bin", "teh bin": "bin", "the pad": "pad", "the left side": "left", "the right side": "right"}


@st.composite
def sentence_and_plan(draw: st.DrawFn) -> tuple[str, tuple[str, str, str, str], list[Step]]:
    a, b, c = draw(st.permutations(COLOURS))[:3]
    d1 = draw(st.sampled_from([*DESTS, f"the {c} cube"]))
    d2 = draw(st.sampled_from([*DESTS, f"the {c} one"]))
    p1 = "in" if d1.endswith("bin") else "on"
    p2 = "in" if d2.endswith("bin") else "on"
    text = f"put the {a} cube {p1} {d1} and the {b} one {p2} {d2}"
    want1 = DESTS.get(d1, f"{c}_cube")
    want2 = DESTS.get(d2, f"{c}_cube")
    targets = [*SCENE.regions, *(f"{x}_cube" for x in COLOURS)]
    plan: list[Step] = []
    for obj in draw(st.permutations([f"{x}_cube" for x in COLOURS]))[:draw(st.integers(1, 3))]:
        plan += move(obj, draw(st.sampled_from([t for t in targets if t != obj])))
    return text, (f"{a}_cube", want1, f"{b}_cube", want2), plan


@settings(max_examples=200, deadline=None)
@given(sentence_and_plan())
@example(("put the orange cube on the pad and the green one in the bin", ("orange_cube", "pad", "green_cube", "bin"),
          [*move("orange_cube", "pad"), *move("green_cube", "bin"), *move("blue_cube", "green_cube")]))
def test_an_accepted_plan_always_pairs_as_the_words_say(case: tuple[str, tuple[str, str, str, str], list[Step]]
                                                         ) -> None:
    text, (a, d1, b, d2), plan = case
    placed = plan_destinations(plan)
    accepted = pairing_error(text, SCENE, plan) is None
    pairs = placed.get(a) == (d1,) and placed.get(b) == (d2,)
    # A cube the words name only as where another goes, moved elsewhere by the plan, is refused too: which place
    # it goes to was a guess (A1 s10 H20, a7ca056).
    guessed = any(d in placed for d in (d1, d2) if d.endswith("_cube"))
    # A cube the words name, used by the plan as the support of a cube the words never put on it, is refused too
    # (A1 s11 H35, b3b6893): named = the two cubes moved and a cube said as a destination.
    named = {a, b, *(d for d in (d1, d2) if d.endswith("_cube"))}
    misused = any(s.skill == "place_on" and s.args["object"] in named and s.args["object"] not in (d1, d2)
                  for s in plan)
    # A plan that moves a cube the words do not name is refused too (P1 s20, A1 s19 H151: "Put top blue cube on the
    # pad." moved red as well).
    unnamed = any(s.skill in ("pick", "push") and s.args["object"] not in named for s in plan)
    assert accepted == (pairs and not guessed and not misused and not unnamed), (text, plan)
