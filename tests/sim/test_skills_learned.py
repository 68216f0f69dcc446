"""Push and go_home as learned skills: the Push task's policy runs push(object, direction) with its goal point the
push's end point, go_home is a Reach goal at the home position; the scripted controller judges either run."""

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
from sim.skills import make_skill
from sim.skills.home import home_tcp
from sim.skills.push import (
    DIRECTIONS,
    GOAL_TOLERANCE,
    POLICY_PUSH_DISTANCE,
    PUSH_DISTANCE,
    PUSH_HIGH,
    PUSH_LOW,
    RETREAT_HEIGHT,
)

PRETRAINED = str(Path(__file__).resolve().parents[2] / "policies" / "pretrained" / "panda_tabletop_bc")


def _first_push(env: TabletopEnv) -> Step | None:
    """The first push (cube by cube, direction by direction) the scripted skill would take in this scene."""
    step = env.controller.config.max_pos_step
    for obj in env.view.object_names:
        for direction in DIRECTIONS:
            if make_skill(env.view, "push", {"object": obj, "direction": direction}, step).precondition_error() is None:
                return Step(skill="push", args={"object": obj, "direction": direction})
    return None


class _OnePush:
    """A planner that plans the first feasible push of the scene its ``env`` shows (replans: none)."""

    name = "one_push"
    env: TabletopEnv

    def plan(self, instruction: str, state: SceneState) -> Plan:
        step = _first_push(self.env)
        assert step is not None
        return Plan(steps=(step,))


def push_agent() -> Agent:
    """The agent with push run as the shipped policy, no retry or replan, planning the scene's first push."""
    planner = _OnePush()
    agent = Agent(planner, AgentConfig(max_replans=0, step_retries=0, skill_policies={"push": PRETRAINED}))
    planner.env = agent.env
    return agent


@pytest.fixture(scope="module")
def env() -> Iterator[TabletopEnv]:
    e = TabletopEnv(task="pick_place", robot="panda", max_steps=10**9, terminate_on_success=False)
    yield e
    e.close()


def test_a_policy_push_aims_further_where_there_is_room_within_the_reachable_area(env: TabletopEnv) -> None:
    step = env.controller.config.max_pos_step
    checked = 0
    for seed in range(12):
        env.reset(seed=seed)
        for obj in env.view.object_names:
            for direction, u in DIRECTIONS.items():
                args = {"object": obj, "direction": direction}
                scripted = make_skill(env.view, "push", args, step)
                learned: Any = make_skill(env.view, "push", args, step, for_policy=True)
                if learned.precondition_error() is None:
                    checked += 1
                    start = env.view.object_pos(obj)[:2]
                    travel = (learned.goal_point[:2] - start) @ np.array(u)
                    assert PUSH_DISTANCE - 1e-9 <= travel <= POLICY_PUSH_DISTANCE + 1e-9
                    np.testing.assert_allclose(learned.goal_point[:2], start + travel * np.array(u), atol=1e-12)
                    assert learned.goal_point[2] == pytest.approx(env.view.object_half(obj))
                    assert np.all(learned.goal_point[:2] >= PUSH_LOW) and np.all(learned.goal_point[:2] <= PUSH_HIGH)
                if scripted.precondition_error() is not None:
                    # Where the scripted push is refused, no longer policy goal makes it possible.
                    assert learned.precondition_error() is not None, (seed, args)
    assert checked > 50
    home: Any = make_skill(env.view, "go_home", {}, step, for_policy=True)
    np.testing.assert_array_equal(home.goal_point, home_tcp(env.view))


def _put(env: TabletopEnv, obj: str, xy: np.ndarray) -> None:
    """The cube at rest at ``xy`` on the table."""
    import mujoco

    v = env.view
    adr, dadr = v.object_qadr[obj], v.object_dadr[obj]
    v.data.qpos[adr:adr + 7] = [*xy, v.object_half(obj), 1.0, 0.0, 0.0, 0.0]
    v.data.qvel[dadr:dadr + 6] = 0.0
    mujoco.mj_forward(v.model, v.data)


def test_a_policy_push_keeps_clearing_once_begun_while_the_cube_drifts_within_the_tolerance(env: TabletopEnv) -> None:
    """The hand rises clear of a pushed cube without handing control back mid-rise: a cube that drifts past the
    take-over margin (2 cm) but stays within the success tolerance (2.5 cm) while the hand is low keeps the
    clearing on (it was handed back to the policy, which would push on)."""
    env.reset(seed=0)
    step_size = env.controller.config.max_pos_step
    push = _first_push(env)
    assert push is not None
    skill: Any = make_skill(env.view, "push", dict(push.args), step_size, for_policy=True)
    obj, v = push.args["object"], env.view
    _put(env, obj, skill.goal)  # as a Push episode ends: the cube at its goal, the fingers low beside it
    beside = np.array([*(skill.goal - skill.u * 0.07), 0.04])
    for _ in range(200):
        action = np.zeros(5)
        action[:3], action[4] = move_action(v, beside, step_size), 1.0
        env.step(action)
        if np.linalg.norm(v.tcp_pos - beside) < 0.01:
            break
    _put(env, obj, skill.goal)
    assert v.tcp_pos[2] < RETREAT_HEIGHT
    assert skill.clearing_action() is not None  # taken over: the cube rests at its goal, the hand is low
    env.step(skill.clearing_action())
    side = np.array([-skill.u[1], skill.u[0]])
    _put(env, obj, skill.goal + side * (GOAL_TOLERANCE - 0.003))  # drifted past 2 cm, still a success
    assert v.tcp_pos[2] < RETREAT_HEIGHT
    rising = 0
    while v.tcp_pos[2] < RETREAT_HEIGHT and rising < 100:
        action = skill.clearing_action()
        assert action is not None, v.tcp_pos  # kept on mid-rise
        env.step(action)
        _put(env, obj, skill.goal + side * (GOAL_TOLERANCE - 0.003))
        rising += 1
    assert v.tcp_pos[2] > RETREAT_HEIGHT and skill.unmet() is None


# Measured offline (``python tests/sim/test_skills_learned.py 100 160``: this test's scenes, the push run by the
# shipped BC policy, no retry; niced, load ~9 on 2 cores): 50/60 (83%), seeds 100-109 8/10. Here 10 scenes, at
# least 6: were each scene a draw at the measured rate, this fails with probability 1.5%. The same test with the
# step's own words ("push the red cube left") measured 5/10 on seeds 100-109, with goal points outside the Push
# task's pad area 2 of 2 missed: both would fail it.
SEEDS = range(100, 110)
AT_LEAST = 6


@pytest.mark.slow
def test_a_push_runs_as_the_shipped_push_policy_aimed_at_the_pushs_end_point() -> None:
    agent = push_agent()
    outcomes = {}
    try:
        for seed in SEEDS:
            report = agent.run("push a cube", seed=seed)
            (step,) = report["steps"]
            assert step["executor"] == f"policy:{PRETRAINED}", step
            colour = step["args"]["object"].split("_")[0]
            assert step["policy_instruction"] == f"push the {colour} cube onto the pad"  # the task's words
            start = {o["name"]: o["position"] for o in report["initial_state"]["objects"]}[step["args"]["object"]]
            travel = float(np.linalg.norm(np.subtract(step["goal_pos"][:2], start[:2])))
            assert PUSH_DISTANCE - 1e-3 <= travel <= POLICY_PUSH_DISTANCE + 1e-3
            outcomes[seed] = report["success"] or step["reason"]
    finally:
        agent.close()
    assert sum(ok is True for ok in outcomes.values()) >= AT_LEAST, outcomes


if __name__ == "__main__":  # the offline measurement behind the margin: seeds [first, last)
    import sys

    first, last = int(sys.argv[1]), int(sys.argv[2])
    measuring = push_agent()
    wins = [bool(measuring.run("push a cube", seed=s)["success"]) for s in range(first, last)]
    measuring.close()
    print(f"{sum(wins)}/{len(wins)} on seeds {first}-{last - 1}; failed: "
          f"{[s for s, w in zip(range(first, last), wins, strict=True) if not w]}")
