"""What a plan puts in the bin is thrown away (A1 s9 G28, issue #17 item 1): one rule of the whole-plan checker.

``check_plan`` refuses any plan that picks or pushes a cube after its own earlier step put that cube in the bin,
whatever backend or language made the plan ("Put the red cube in the bin. Then put it on the pad." planned a detour
through the bin). ``contradiction`` says the same of the words, so a cube already in the bin is not taken out for
them either. A cube that was in the bin before the plan may be taken out: the agent's replan after a cube fell into
the bin must still plan. The phrasing- and translation-level guards that closed parts of this class before are
switched off here, so these tests hold once they are removed.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_planner_fresh12_words import mv, plan, steps
from test_planner_request import scene_and_plan

from policies.planner import Plan, Refusal, SceneState, Step, check_plan
from policies.planner.request import Milestone, Request, contradiction
from policies.planner.skills import apply_step

S3 = SceneState.from_json({"objects": [
    {"name": f"{c}_cube", "kind": "cube", "color": c, "position": p} for c, p in
    (("red", [0.45, 0.1, 0.022]), ("blue", [0.55, -0.12, 0.022]), ("green", [0.38, -0.02, 0.022]))],
    "regions": ["left", "right", "bin", "pad"]})
RED_BINNED = SceneState(objects=S3.objects, regions=S3.regions, on={"red_cube": "bin"})


@pytest.fixture(autouse=True)
def _no_phrase_level_guards(monkeypatch: pytest.MonkeyPatch) -> None:
    """The earlier guards for this class (translation's binned-then-moved, phrasing's 'only then' detour) are off:
    the plan-level rule alone must refuse."""
    monkeypatch.setattr("policies.planner.translation._binned_then_moved", lambda english, lang: None,
                        raising=False)
    monkeypatch.setattr("policies.planner.phrasing._moved_again", lambda before, after: False, raising=False)


def _binned_at(state: SceneState, plan_: Plan) -> dict[str, int]:
    """Cube -> index of the step that put it in the bin, over a plan's steps (independent of the checker)."""
    out: dict[str, int] = {}
    for i, step in enumerate(plan_.steps):
        if step.skill == "place_in" and step.args["region"] == "bin" and state.holding:
            out[state.holding] = i
        state = apply_step(state, step)
    return out


def _end(state: SceneState, plan_: Plan) -> SceneState:
    for step in plan_.steps:
        state = apply_step(state, step)
    return state


# ------------------------------------------------------------------------------------------- the checker's rule
@settings(max_examples=300, deadline=None)
@given(case=scene_and_plan())
def test_an_accepted_plan_never_takes_out_what_it_put_in_the_bin(case: tuple[SceneState, Plan]) -> None:
    scene, p = case
    if check_plan(scene, p) is not None:
        return
    thrown: set[str] = set()
    state = scene
    for step in p.steps:
        assert not (step.skill in ("pick", "push") and step.args["object"] in thrown), p
        if step.skill == "place_in" and step.args["region"] == "bin" and state.holding:
            thrown.add(state.holding)
        state = apply_step(state, step)


@settings(max_examples=200, deadline=None)
@given(case=scene_and_plan(valid=True), data=st.data())
def test_taking_a_binned_cube_out_again_is_refused_at_that_step(case: tuple[SceneState, Plan],
                                                                 data: st.DataObject) -> None:
    scene, p = case
    assert check_plan(scene, p) is None, p
    binned = _binned_at(scene, p)
    if not binned:
        return
    cube = data.draw(st.sampled_from(sorted(binned)))
    # the plan, a held cube put down on the pad, then the binned cube picked again: only the new rule can refuse it
    held = _end(scene, p).holding
    again = Plan(steps=(*p.steps, *([Step(skill="place_in", args={"region": "pad"})] if held else []),
                        Step(skill="pick", args={"object": cube})))
    if len(again.steps) > 12:
        return
    refusal = check_plan(scene, again)
    assert refusal is not None and "throws it away" in refusal.reason, (again, refusal)
    assert refusal.reason.startswith(f"step {len(again.steps)} "), refusal


@pytest.mark.parametrize("skill", ["pick", "push"])
def test_the_reason_names_the_step_that_binned_the_cube(skill: str) -> None:
    args = {"object": "red_cube"} if skill == "pick" else {"object": "red_cube", "direction": "left"}
    p = Plan(steps=(Step(skill="pick", args={"object": "red_cube"}), Step(skill="place_in", args={"region": "bin"}),
                    Step(skill=skill, args=args)))
    refusal = check_plan(S3, p)
    assert isinstance(refusal, Refusal)
    assert refusal.reason.startswith("step 3 ") and "step 2 put the red cube in the bin" in refusal.reason


def test_a_cube_in_the_bin_before_the_plan_may_be_taken_out() -> None:
    """The agent replans from the observed scene: a cube that fell into the bin is recovered."""
    out = Plan(steps=(Step(skill="pick", args={"object": "red_cube"}), Step(skill="place_in", args={"region": "pad"})))
    assert check_plan(RED_BINNED, out) is None
    assert steps("Put the red cube on the pad.", RED_BINNED) == mv("red", "pad")


def test_what_rests_on_a_binned_cube_and_other_cubes_are_not_thrown_away() -> None:
    p = Plan(steps=(Step(skill="pick", args={"object": "red_cube"}), Step(skill="place_in", args={"region": "bin"}),
                    Step(skill="pick", args={"object": "blue_cube"}),
                    Step(skill="place_on", args={"object": "red_cube"}),
                    Step(skill="pick", args={"object": "green_cube"}), Step(skill="place_in", args={"region": "pad"})))
    assert check_plan(S3, p) is None


# ------------------------------------------------------------------------------------------- the words' rule
@pytest.mark.parametrize("later", [
    Milestone(kind="on", obj="red_cube", support="pad"), Milestone(kind="hold", obj="red_cube"),
    Milestone(kind="push", obj="red_cube", direction="left"), Milestone(kind="on", obj="red_cube", support="blue_cube"),
])
def test_words_that_bin_a_cube_then_move_it_are_contradictory(later: Milestone) -> None:
    binned = Milestone(kind="on", obj="red_cube", support="bin")
    why = contradiction(Request(milestones=(Milestone(kind="hold", obj="red_cube"), binned, later)))
    assert why is not None and "throws it away" in why
    assert contradiction(Request(milestones=(later, binned))) is None


def test_binning_the_same_cube_twice_or_stacking_on_it_is_no_contradiction() -> None:
    binned = Milestone(kind="on", obj="red_cube", support="bin")
    assert contradiction(Request(milestones=(binned, binned))) is None
    assert contradiction(Request(milestones=(binned, Milestone(kind="on", obj="blue_cube", support="red_cube")))) \
        is None


# ------------------------------------------------------------------------------------------- the class, said
@pytest.mark.parametrize("text", [
    "Put the red cube in the bin. Then put it on the pad.",  # G28
    "Put the red cube in the bin. Put it on the pad.",
    "Put the red cube in the bin, then put it on the pad.",
    "Bin the red cube. After that, move it to the pad.",
    "Throw the red cube away, and then stack it on the blue cube.",
    "put the red cube in the bin, then put the same cube on the pad",
    "Put the red cube in the bin and then put the one you just moved on the pad.",
    "Put the red cube in the bin. Then push it left.",
    "Put the red cube in the bin, then pick it up.",
    "Bin the red cube. Put the red cube on the pad.",
    "First put the red cube in the bin, then put the blue cube on the pad, then put the red cube on the left.",
    "Jette le rouge. Mets-le sur le tapis.",  # G28 FR
    "Jette le cube rouge, puis pose-le sur le tapis.",
    "Wirf den roten weg. Dann leg ihn aufs Pad.",  # G28 DE
    "Wirf den roten Würfel in den Eimer, dann leg ihn auf den blauen.",
    "Leg den roten Würfel in den Eimer. Danach stell ihn auf das Pad.",
    "Mets le cube rouge dans la poubelle, ensuite mets-le sur le cube bleu.",
])
def test_a_cube_binned_then_moved_again_is_refused_in_any_language(text: str) -> None:
    result = plan(text, S3)
    assert isinstance(result, Refusal) and "throws it away" in result.reason, (text, result)


@pytest.mark.parametrize("text", [
    "Put the red cube in the bin, then put it on the pad.",
    "Put the red cube in the bin. Then push it left.",
])
def test_words_that_bin_then_move_a_cube_already_in_the_bin_are_refused(text: str) -> None:
    assert not isinstance(plan(text, RED_BINNED), Plan), text


@pytest.mark.parametrize(("text", "want"), [
    ("Put the red cube on the pad. Then put it in the bin.", mv("red", "pad") + mv("red", "bin")),
    ("Put the red cube in the bin, then put the blue cube on the pad.", mv("red", "bin") + mv("blue", "pad")),
    ("Put the red cube in the bin. Then put the blue one on it.",
     [*mv("red", "bin"), "pick(object=blue_cube)", "place_on(object=red_cube)"]),
    ("Don't put the red cube in the bin; put it on the pad.", mv("red", "pad")),
    ("Bin the red cube. Throw it away.", mv("red", "bin")),
    ("Jette le rouge, puis mets le bleu sur le tapis.", mv("red", "bin") + mv("blue", "pad")),
])
def test_near_misses_still_plan(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want
