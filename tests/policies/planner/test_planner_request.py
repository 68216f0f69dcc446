"""The whole-plan checker (issue #17): random scenes, random plans, random requests, checked before any step.

Properties: a plan the checker accepts runs step by step under an independent reference simulator; a plan
it accepts for a request touches nothing excluded, makes no forbidden fact, reaches the milestones in order
and ends with the goals met; a contradictory request is refused whatever the plan; and a refused
instruction moves nothing in the simulator.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policies.planner import DIRECTIONS, Plan, Refusal, SceneObject, SceneState, Step, check_plan, make_planner
from policies.planner.request import Milestone, Request, contradiction, request_error
from policies.planner.skills import apply_step

COLORS = ("red", "green", "blue", "yellow", "purple", "orange")
REGIONS = ("left", "right", "bin", "pad")


@st.composite
def scenes(draw: st.DrawFn) -> SceneState:
    colors = draw(st.lists(st.sampled_from(COLORS), min_size=2, max_size=5, unique=True))
    names = [f"{c}_cube" for c in colors]
    on: dict[str, str] = {}
    placed: list[str] = []
    for name in names:  # each object on the table, a region, or a clear object placed before it
        clear = [o for o in placed if o not in on.values()]
        support = draw(st.sampled_from([None, *REGIONS, *clear]))
        if support is not None:
            on[name] = support
        placed.append(name)
    free = [o for o in names if o not in on and o not in on.values()]
    holding = draw(st.sampled_from([None, *free])) if free else None
    return SceneState(objects=tuple(SceneObject(name=n, kind="cube", color=n.split("_")[0]) for n in names),
                      regions=REGIONS, holding=holding, on=on)


def steps_for(scene: SceneState) -> st.SearchStrategy[Step]:
    objects = st.sampled_from([*scene.names, "purple_cube", "white_cube"])
    return st.one_of(
        st.builds(lambda o: Step(skill="pick", args={"object": o}), objects),
        st.builds(lambda o: Step(skill="place_on", args={"object": o}), objects),
        st.builds(lambda r: Step(skill="place_in", args={"region": r}), st.sampled_from([*REGIONS, "drawer"])),
        st.builds(lambda o, d: Step(skill="push", args={"object": o, "direction": d}), objects,
                  st.sampled_from([*DIRECTIONS, "up"])),
        st.just(Step(skill="go_home", args={})),
    )


@st.composite
def scene_and_plan(draw: st.DrawFn, *, valid: bool = False) -> tuple[SceneState, Plan]:
    scene = draw(scenes())
    if not valid:
        return scene, Plan(steps=tuple(draw(st.lists(steps_for(scene), max_size=8))))
    steps: list[Step] = []  # a plan that runs: each step drawn among those the reference allows
    state, thrown = scene, set[str]()
    for _ in range(draw(st.integers(min_value=1, max_value=8))):
        options = [s for s in _all_steps(state) if _reference_error(state, s, thrown) is None]
        step = draw(st.sampled_from(options))
        steps.append(step)
        thrown |= _thrown_by(state, step)
        state = apply_step(state, step)
    return scene, Plan(steps=tuple(steps))


def _all_steps(state: SceneState) -> list[Step]:
    out = [Step(skill="go_home", args={})]
    for o in state.names:
        out += [Step(skill="pick", args={"object": o}), Step(skill="place_on", args={"object": o})]
        out += [Step(skill="push", args={"object": o, "direction": d}) for d in DIRECTIONS]
    return out + [Step(skill="place_in", args={"region": r}) for r in state.regions]


def _thrown_by(state: SceneState, step: Step) -> set[str]:
    """The cube ``step`` puts in the bin (thrown away: the plan never takes it out again)."""
    return {state.holding} if step.skill == "place_in" and step.args.get("region") == "bin" and state.holding else set()


def _reference_error(state: SceneState, step: Step, thrown: set[str] | frozenset[str] = frozenset()) -> str | None:
    """An independent reading of the skills' preconditions (what the arm can physically do), and of the plan's own
    rule: a cube the plan put in the bin (``thrown``) is never picked or pushed again."""
    held, on, names = state.holding, dict(state.on), set(state.names)
    arg = dict(step.args)
    if step.skill in ("pick", "push") and arg.get("object") in thrown:
        return "thrown away"
    if step.skill == "go_home":
        return None if not arg else "args"
    if step.skill == "pick":
        o = arg.get("object")
        return None if o in names and held is None and o not in on.values() else "cannot pick"
    if step.skill == "place_on":
        o = arg.get("object")
        return None if held is not None and o in names and o != held and o not in on.values() else "cannot stack"
    if step.skill == "place_in":
        return None if held is not None and arg.get("region") in state.regions else "cannot place"
    if step.skill == "push":
        o = arg.get("object")
        ok = (o in names and held is None and o not in on.values() and on.get(o) not in names
              and on.get(o) != "bin" and arg.get("direction") in DIRECTIONS)
        return None if ok else "cannot push"
    return "unknown skill"


@settings(max_examples=300, deadline=None)
@given(case=scene_and_plan())
def test_the_checker_agrees_with_a_reference_simulator_step_by_step(case: tuple[SceneState, Plan]) -> None:
    scene, plan = case
    state, runs, thrown = scene, True, set[str]()
    for step in plan.steps:
        if _reference_error(state, step, thrown) is not None:
            runs = False
            break
        thrown |= _thrown_by(state, step)
        state = apply_step(state, step)
        SceneState(objects=state.objects, regions=state.regions, holding=state.holding, on=state.on)  # consistent
    assert (check_plan(scene, plan) is None) == runs, plan


def _own_request(scene: SceneState, plan: Plan) -> Request:
    """The request a plan fulfils: one milestone per step, in order."""
    marks: list[Milestone] = []
    state = scene
    for step in plan.steps:
        if step.skill == "pick":
            marks.append(Milestone(kind="hold", obj=step.args["object"]))
        elif step.skill in ("place_on", "place_in"):
            marks.append(Milestone(kind="on", obj=state.holding, support=next(iter(step.args.values()))))
        elif step.skill == "push":
            marks.append(Milestone(kind="push", obj=step.args["object"], direction=step.args["direction"]))
        else:
            marks.append(Milestone(kind="home"))
        state = apply_step(state, step)
    return Request(milestones=tuple(marks))


def _touched(plan: Plan) -> set[str]:
    return {v for s in plan.steps for k, v in s.args.items() if k == "object"}


@settings(max_examples=200, deadline=None)
@given(case=scene_and_plan(valid=True), data=st.data())
def test_requests_are_checked_whole(case: tuple[SceneState, Plan], data: st.DataObject) -> None:
    scene, plan = case
    own = _own_request(scene, plan)
    assert request_error(scene, plan, own) is None  # a plan meets the request it was built for
    touched = sorted(_touched(plan))
    if touched:  # excluding any object the plan touches refuses it, before any step runs
        banned = data.draw(st.sampled_from(touched))
        refused = request_error(scene, plan, Request(milestones=own.milestones, forbidden_objects=frozenset({banned})))
        assert refused is not None and ("not to touch" in refused or "contradictory" in refused)
    made = [(o, s) for o, s in _trajectory_on(scene, plan) if scene.on.get(o) != s]
    if made:
        fact = data.draw(st.sampled_from(made))
        assert request_error(scene, plan, Request(milestones=own.milestones,
                                                  forbidden_facts=frozenset({fact}))) is not None
    # Swapping two milestones of different objects: if the plan is still accepted, the order still holds.
    n = len(own.milestones)
    if n >= 2:
        i, j = sorted(data.draw(st.lists(st.integers(0, n - 1), min_size=2, max_size=2, unique=True)))
        marks = list(own.milestones)
        marks[i], marks[j] = marks[j], marks[i]
        swapped = Request(milestones=tuple(marks))
        if request_error(scene, plan, swapped) is None:
            assert _reached_in_order(scene, plan, swapped)


def _trajectory_on(scene: SceneState, plan: Plan) -> set[tuple[str, str]]:
    facts: set[tuple[str, str]] = set()
    state = scene
    for step in plan.steps:
        state = apply_step(state, step)
        facts |= set(state.on.items())
    return facts


def _reached_in_order(scene: SceneState, plan: Plan, request: Request) -> bool:
    """Independent oracle: milestones are found one after another along the trajectory (a step-based one
    uses up its step), and no step moves an object that only milestones not yet reached name."""
    states = [scene]
    for step in plan.steps:
        states.append(apply_step(states[-1], step))
    reached_at: list[int] = []  # the state index at which each milestone is first found, in order
    k, used = 0, -1
    for m in request.milestones:
        while k <= len(plan.steps):
            current = plan.steps[k - 1] if k > 0 and k - 1 > used else None
            if m.kind in ("hold", "on") and m.reached(states[k], None):
                break
            if current is not None and m.reached(states[k], current):
                break
            k += 1
        else:
            return False
        if m.kind in ("push", "home"):
            used = k - 1
        reached_at.append(k)
    for index, step in enumerate(plan.steps):
        moved = step.args.get("object") if step.skill in ("pick", "push") else \
            states[index].holding if step.skill in ("place_on", "place_in") else None
        if moved is None:
            continue
        done = sum(1 for t in reached_at if t <= index)  # milestones reached before this step runs
        if not any(m.obj == moved for m in request.milestones[:done + 1]):
            return False
    return True


@settings(max_examples=200, deadline=None)
@given(case=scene_and_plan(), data=st.data())
def test_a_contradictory_request_is_refused_whatever_the_plan(case: tuple[SceneState, Plan],
                                                               data: st.DataObject) -> None:
    scene, plan = case
    cycle = data.draw(st.lists(st.sampled_from(scene.names), min_size=1, max_size=3, unique=True))
    marks = [Milestone(kind="on", obj=a, support=b) for a, b in zip(cycle, [*cycle[1:], cycle[0]], strict=True)]
    request = Request(milestones=tuple(data.draw(st.permutations(marks))))
    assert contradiction(request) is not None
    why = request_error(scene, plan, request)
    assert why is not None and "contradictory" in why


def test_checker_reasons_name_the_problem() -> None:
    scene = SceneState(objects=tuple(SceneObject(name=f"{c}_cube", kind="cube", color=c) for c in COLORS[:3]),
                       regions=REGIONS)
    pick_place = Plan(steps=(Step(skill="pick", args={"object": "red_cube"}),
                             Step(skill="place_in", args={"region": "bin"})))
    bin_red = Milestone(kind="on", obj="red_cube", support="bin")
    pad_green = Milestone(kind="on", obj="green_cube", support="pad")
    assert "partly unmet" in str(request_error(scene, pick_place, Request(milestones=(bin_red, pad_green))))
    assert "not to touch" in str(request_error(scene, pick_place, Request(
        milestones=(), forbidden_objects=frozenset({"red_cube"}))))
    assert "forbids" in str(request_error(scene, pick_place, Request(
        milestones=(Milestone(kind="hold", obj="red_cube"),), forbidden_facts=frozenset({("red_cube", "bin")}))))
    assert "does not ask to move" in str(request_error(scene, pick_place, Request(milestones=(pad_green,))))
    both = Plan(steps=(*pick_place.steps, Step(skill="pick", args={"object": "green_cube"}),
                       Step(skill="place_in", args={"region": "pad"})))
    assert "against the order" in str(request_error(scene, both, Request(milestones=(pad_green, bin_red))))
    two_on_one = Request(milestones=(Milestone(kind="on", obj="red_cube", support="blue_cube"),
                                     Milestone(kind="on", obj="green_cube", support="blue_cube")))
    assert "cannot both rest on the blue cube" in str(contradiction(two_on_one))


# ------------------------------------------------------------------ a refused request moves nothing
@pytest.fixture(scope="module")
def agent() -> Iterator[object]:
    from policies.planner.agent import Agent, AgentConfig

    a = Agent(make_planner("parser"), AgentConfig(robot="panda"))
    yield a
    a.close()


@pytest.mark.parametrize("template", [
    "do not put the {a} in the bin",
    "put the {a} on the {b} and the {b} on the {a}",
    "put the {a} in the bin and don't put the {a} in the bin",
    "don't touch the {a}, put the {a} on the pad",
    "put the {a} on the {b}, then put the {b} on the {a}",
    "before you put it in the bin, pick up the {a}",
])
def test_a_refused_instruction_moves_nothing_in_the_simulator(agent: object, template: str) -> None:
    import numpy as np

    from policies.planner.agent import Agent
    from policies.planner.sim_scene import scene_state_from_env

    assert isinstance(agent, Agent)
    agent.env.reset(seed=1)
    a, b = (n.replace("_", " ") for n in scene_state_from_env(agent.env).names[:2])
    qpos = None

    def untouched(env: object, number: int, step: Step, verified: bool) -> None:
        raise AssertionError(f"step {number} {step} ran for a refused instruction")

    report = agent.run(template.format(a=a, b=b), seed=1, after_step=untouched)
    qpos = np.array(agent.env.unwrapped.data.qpos, copy=True)  # type: ignore[attr-defined]
    assert report["status"] == "refused", report["plan"]
    assert report["steps"] == [] and report["durations"]["sim_steps"] == 0
    assert report["final_state"] == report["initial_state"]
    agent.env.reset(seed=1)
    assert np.allclose(qpos, agent.env.unwrapped.data.qpos, atol=1e-6)  # type: ignore[attr-defined]
    assert isinstance(make_planner("rules").plan(template.format(a=a, b=b),
                                                 scene_state_from_env(agent.env)), Refusal)


def test_an_ambiguous_instruction_asks_through_the_agent_and_moves_nothing(agent: object) -> None:
    """Issue #17 item 4: "put the cube in the bin" with several cubes is a question naming them, in the agent's
    report (which the bridge and ``armstack run`` print), and nothing moves until it is answered."""
    from policies.planner.agent import Agent
    from policies.planner.sim_scene import scene_state_from_env

    assert isinstance(agent, Agent)
    agent.env.reset(seed=1)
    names = scene_state_from_env(agent.env).names
    assert len(names) >= 2

    def untouched(env: object, number: int, step: Step, verified: bool) -> None:
        raise AssertionError(f"step {number} {step} ran for an ambiguous instruction")

    report = agent.run("put the cube in the bin", seed=1, after_step=untouched)
    assert report["plan"]["status"] == "clarify", report["plan"]
    assert report["plan"]["candidates"] == list(names)
    assert all(n.replace("_", " ") in report["failure"] for n in names)
    assert report["status"] == "refused" and report["steps"] == [] and report["durations"]["sim_steps"] == 0
    assert report["final_state"] == report["initial_state"]


def test_the_cube_next_to_the_bin_is_the_nearest_one_in_the_simulated_scene(agent: object) -> None:
    """Issue #17 item 2: "the cube next to the bin" grounds on the bin's place in the simulator (a landmark of the
    scene state), never on a cube already in it; without the bin's place it is refused, not guessed."""
    import math

    from policies.planner.agent import Agent
    from policies.planner.sim_scene import scene_state_from_env

    assert isinstance(agent, Agent)
    agent.env.reset(seed=3)
    state = scene_state_from_env(agent.env)
    assert set(state.landmarks) == {"bin", "pad"} & set(state.regions)
    assert SceneState.from_json(state.to_json()) == state and state.to_json()["landmarks"]
    bin_xy = state.landmarks["bin"][:2]
    nearest = min((o for o in state.objects if state.on.get(o.name) != "bin"),
                  key=lambda o: math.dist((o.position or (0.0, 0.0))[:2], bin_xy))
    result = make_planner("parser").plan("put the cube next to the bin on the pad", state)
    assert result == Plan(steps=(Step(skill="pick", args={"object": nearest.name}),
                                 Step(skill="place_in", args={"region": "pad"}))), result
    bare = SceneState(objects=state.objects, regions=state.regions)
    assert isinstance(make_planner("parser").plan("put the cube next to the bin on the pad", bare), Refusal)
