"""go_home and place_in(left/right) as learned skills: go_home is a Reach goal at the home TCP (the wrist unwound by
the scripted controller first), a placement on a table half a pick-and-place goal onto the pad whose place is the
skill's free spot; the scripted controller judges either run."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from policies.planner import Plan, SceneState, Step
from policies.planner.agent import Agent, AgentConfig
from sim.env import TabletopEnv
from sim.experts.motion import move_action
from sim.observation_contract import skill_goal
from sim.skills import make_skill, run_skill
from sim.skills.home import HANDOVER_DISTANCE, HOME_TOLERANCE, WRIST_TOLERANCE
from sim.skills.regions import HALF_MARGIN, side_of
from sim.tasks.reach import SUCCESS_DISTANCE

PRETRAINED = Path(__file__).resolve().parents[2] / "policies" / "pretrained"
TABLETOP_BC = str(PRETRAINED / "panda_tabletop_bc")
REACH_HOME_BC = str(PRETRAINED / "panda_reach_home_bc")
UR5E_REACH_HOME_BC = str(PRETRAINED / "ur5e_reach_home_bc")


@pytest.fixture(scope="module")
def env() -> Iterator[TabletopEnv]:
    e = TabletopEnv(task="pick_place", robot="panda", max_steps=10**9, terminate_on_success=False)
    yield e
    e.close()


def test_a_side_placement_is_a_pad_placement_in_the_pads_words_and_the_others_keep_theirs() -> None:
    for side in ("left", "right"):
        goal = skill_goal("place_in", {"region": side}, holding="red_cube", instruction=f"put it on the {side}")
        assert goal is not None
        assert (goal.task, goal.object, goal.target) == ("pick_place", "red_cube", "target_pad")
        assert goal.instruction == "put the red cube on the pad"  # no policy heard "the left side"
    goal = skill_goal("place_in", {"region": "bin"}, holding="red_cube", instruction="put the red cube in the bin")
    assert goal is not None and (goal.target, goal.instruction) == ("bin", "put the red cube in the bin")
    assert skill_goal("place_in", {"region": "left"}, holding=None, instruction="x") is None


def _hold(env: TabletopEnv, obj: str) -> None:
    pick = make_skill(env.view, "pick", {"object": obj}, env.controller.config.max_pos_step)
    outcome, _ = run_skill(env, pick)
    assert outcome.success, outcome.reason


def test_a_side_placements_goal_point_is_its_free_spot_on_that_side(env: TabletopEnv) -> None:
    env.reset(seed=3)
    obj = env.view.object_names[0]
    _hold(env, obj)
    step = env.controller.config.max_pos_step
    for side in ("left", "right"):
        skill: Any = make_skill(env.view, "place_in", {"region": side}, step, for_policy=True)
        assert skill.precondition_error() is None
        point = skill.goal_point
        assert side_of(float(point[1])) == side and abs(point[1]) > HALF_MARGIN
        assert point[2] == pytest.approx(env.view.object_half(obj))  # the cube's centre at rest, as the pad's goal
        np.testing.assert_array_equal(point, skill.goal_point)  # chosen once
    for args in ({"region": "bin"}, {"region": "pad"}, {"object": env.view.object_names[1]}):
        name = "place_on" if "object" in args else "place_in"
        other: Any = make_skill(env.view, name, args, step, for_policy=True)
        assert other.goal_point is None  # the task's own place


def test_go_home_unwinds_a_wound_wrist_in_place_before_the_policy_moves_the_tool(env: TabletopEnv) -> None:
    env.reset(seed=1)
    v, step = env.view, env.controller.config.max_pos_step
    away = v.tcp_pos + np.array([0.15, 0.1, -0.25])
    for _ in range(40):  # the tool well away from home, the wrist wound about 1.5 rad on the way
        action = np.zeros(5)
        action[:3], action[3], action[4] = move_action(v, away, step), 1.0 if _ < 12 else 0.0, -1.0
        env.step(action)
    home: Any = make_skill(v, "go_home", {}, step, for_policy=True)
    assert abs(home.wrist.error()) > 3 * WRIST_TOLERANCE
    start = v.tcp_pos.copy()
    unwinding = 0
    while (action := home.clearing_action()) is not None:
        assert action[3] * home.wrist.unwind_action() > 0  # turning home
        env.step(action)
        unwinding += 1
        assert unwinding < 60
    assert abs(home.wrist.error()) <= WRIST_TOLERANCE
    assert np.linalg.norm(v.tcp_pos - start) < 0.02  # held in place meanwhile
    assert np.linalg.norm(v.tcp_pos - home.goal_point) > HOME_TOLERANCE
    assert home.clearing_action() is None  # the policy's turn: the tool is away from home


# A Reach policy learned to come within the Reach success distance (3 cm) and no closer: both shipped reach-home
# policies stop for good 2.2-2.3 cm from home in one scene of 30 (policies/pretrained/README.md). A policy stand-in
# that does the same here (it steers the tool to a point ``stop`` from home on the side it comes from, then holds it
# there) must leave the rest to the scripted finish; one stopping beyond the Reach success distance must still fail
# go_home's own 2 cm check.
@pytest.mark.parametrize(("stop", "verified"), [(0.025, True), (0.04, False)])
def test_go_home_finishes_scripted_from_where_a_reach_policy_stops(env: TabletopEnv, stop: float,
                                                                   verified: bool) -> None:
    assert HOME_TOLERANCE < HANDOVER_DISTANCE == SUCCESS_DISTANCE
    obs, _ = env.reset(seed=2)
    v, step = env.view, env.controller.config.max_pos_step
    away = v.tcp_pos + np.array([0.12, 0.08, -0.2])
    for _ in range(30):
        action = np.zeros(5)
        action[:3], action[4] = move_action(v, away, step), -1.0
        obs, *_ = env.step(action)
    home: Any = make_skill(v, "go_home", {}, step, for_policy=True)
    toward = v.tcp_pos - home.goal_point
    stopping_point = home.goal_point + stop * toward / np.linalg.norm(toward)
    policy_steps = 0

    def stops_short(_: dict[str, Any]) -> np.ndarray:
        nonlocal policy_steps
        policy_steps += 1
        action = np.zeros(5)
        action[:3], action[4] = move_action(v, stopping_point, step), home.grip
        return action

    outcome, _ = run_skill(env, home, obs=obs, actor=stops_short)
    assert policy_steps > 5  # the stand-in moved the tool
    assert outcome.success is verified, outcome.reason
    miss = float(np.linalg.norm(v.tcp_pos - home.goal_point))
    if verified:
        assert miss <= HOME_TOLERANCE
    else:  # the policy's stop stands: no hand-over, and the 2 cm check holds
        assert miss == pytest.approx(stop, abs=0.005) and "from home" in outcome.reason


class _Plan:
    """A planner that hands the agent one fixed plan (replans: none)."""

    name = "fixed"

    def __init__(self, plan: Plan) -> None:
        self.fixed = plan

    def plan(self, instruction: str, state: SceneState) -> Plan:
        return self.fixed


# Measured (bench/agent.py, 30 instructions from seed 5000, the rest scripted): the shipped BC policy verified 35 of
# 35 left/right placements (--require-skill place_in --require-region left,right) and the shipped reach-home policy
# 30 of 30 go_home steps (--require-skill go_home; 30 of 30 again from seed 6000). Here one scene runs both: were
# each step a draw at 95%, it passes with probability 90%; the seed is fixed, so it fails only on a real change.
@pytest.mark.slow
def test_a_side_placement_and_go_home_run_as_the_shipped_policies() -> None:
    plan = Plan(steps=(Step(skill="pick", args={"object": "red_cube"}), Step(skill="place_in", args={"region": "left"}),
                       Step(skill="go_home", args={})))
    agent = Agent(_Plan(plan), AgentConfig(max_replans=0, step_retries=0,
                                           skill_policies={"place_in": TABLETOP_BC, "go_home": REACH_HOME_BC}))
    try:
        report = agent.run("put the red cube on the left side, then go home", seed=11)
    finally:
        agent.close()
    pick, place, home = report["steps"]
    assert pick["executor"] == "scripted" and place["executor"] == f"policy:{TABLETOP_BC}"
    assert place["policy_instruction"] == "put the red cube on the pad"
    assert place["goal_pos"][1] > HALF_MARGIN
    assert place["verified"], place["reason"]
    assert home["executor"] == f"policy:{REACH_HOME_BC}" and home["policy_instruction"] == "reach the orange marker"
    assert home["verified"], home["reason"]
    final = {o["name"]: o for o in report["final_state"]["objects"]}
    assert report["success"] and final["red_cube"]["position"][1] > HALF_MARGIN


# Measured (bench/agent.py --robot ur5e --require-skill go_home, 30 instructions from seed 5000 and from 6000): 30 of
# 30 go_home steps verified in each block with the scripted finish from 3 cm (29 of 31 from 2 cm; see
# policies/pretrained/README.md). The UR5e's home TCP (0.49, 0.13, 0.33) lies above the default marker box, so only a
# reach_home policy reaches it; the step starts where the scripted placement left the tool, 23 cm from home.
@pytest.mark.slow
def test_go_home_runs_as_the_shipped_ur5e_policy() -> None:
    plan = Plan(steps=(Step(skill="pick", args={"object": "red_cube"}), Step(skill="place_in", args={"region": "bin"}),
                       Step(skill="go_home", args={})))
    agent = Agent(_Plan(plan), AgentConfig(robot="ur5e", max_replans=0, step_retries=0,
                                           skill_policies={"go_home": UR5E_REACH_HOME_BC}))
    try:
        report = agent.run("put the red cube in the bin, then go home", seed=11)
    finally:
        agent.close()
    pick, place, home = report["steps"]
    assert pick["executor"] == place["executor"] == "scripted" and pick["verified"] and place["verified"]
    assert home["executor"] == f"policy:{UR5E_REACH_HOME_BC}"
    assert home["policy_instruction"] == "reach the orange marker"
    assert home["goal_pos"][2] > 0.3  # above the default marker box
    assert home["verified"], home["reason"]
    assert report["success"]
