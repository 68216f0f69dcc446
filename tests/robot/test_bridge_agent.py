"""The one agent on the arm: the bridge plans an instruction, runs the simulator's skills through its control
ticks, verifies, replans, and reports in the simulated agent's JSON report; a fault mid-skill stops it.

Arm and bridge run on one simulated clock (``Loop``, as the node schedules them); the agent runs in its own
thread, as on the node, with the rules planner in the bridge's planner process. Truth is read from the
simulated arm's own physics, never from the bridge's mirror.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from test_bridge_core import Loop, _hide

from robot.agent_runner import AgentRun
from robot.safety import Mode
from sim.skills import region_of, resting_on

AGENT_TIMEOUT_S = 60.0  # simulated seconds an instruction may take


def _finish(loop: Loop, run: AgentRun, seconds: float = AGENT_TIMEOUT_S) -> dict[str, Any] | None:
    """Step the loop until the agent's run finishes (at most ``seconds`` of simulated time), then its report."""
    for _ in range(round(seconds / 0.01)):
        loop.step()
        if run.finished:
            break
    return run.join(5.0)


def _run(loop: Loop, text: str) -> dict[str, Any]:
    run = loop.core.on_instruction(text, loop.t)
    assert isinstance(run, AgentRun), run
    report = _finish(loop, run)
    assert report is not None, "the agent did not finish"
    return report


def _loop(seed: int) -> Loop:
    loop = Loop("panda", seed=seed, planner="rules")
    # Lockstep in tests: a policy tick waits for the agent's next action, so the simulated clock never outruns a
    # loaded test box's agent thread (the node waits AGENT_WAIT_S).
    loop.core.agent_wait_s = 2.0
    loop.run(0.6)
    return loop


@pytest.mark.slow
def test_a_two_part_instruction_runs_skill_by_skill_on_the_arm_with_the_sim_agents_report() -> None:
    from policies.planner.agent import Agent
    from policies.planner.planner import make_planner

    loop = _loop(3)
    try:
        report = _run(loop, "put the red cube on the blue cube, then put the green cube in the bin")
    finally:
        loop.core.close()
    assert report["status"] == "succeeded", report["failure"]
    assert [(s["skill"], s["args"]) for s in report["steps"] if s["verified"]][:4] == [
        ("pick", {"object": "red_cube"}), ("place_on", {"object": "blue_cube"}),
        ("pick", {"object": "green_cube"}), ("place_in", {"region": "bin"})]
    view = loop.arm.view  # the arm's own physics
    assert resting_on(view, "red_cube", "blue_cube") and region_of(view, "green_cube") == "bin"
    assert loop.core.supervisor.mode == Mode.NOMINAL
    # The same report as the simulated agent's: the same keys, the same plan for the same words.
    agent = Agent(make_planner("rules"))
    try:
        sim_report = agent.run("put the red cube on the blue cube, then put the green cube in the bin", seed=3)
    finally:
        agent.close()
    assert set(report) - {"world"} == set(sim_report) - {"video"}
    assert report["plan"] == sim_report["plan"]


@pytest.mark.slow
def test_a_push_and_a_left_placement_run_on_the_arm() -> None:
    """Skills the bridge used to refuse (push, placing in the left or right half) run like any other."""
    # Seed 3 pushes the green cube into a stop the arm's tracking monitor catches (a safe stop, as it should be).
    loop = _loop(4)
    before = loop.arm.view.object_pos("green_cube").copy()
    try:
        report = _run(loop, "push the green cube forward, then move the blue cube to the left side of the table")
    finally:
        loop.core.close()
    assert report["status"] == "succeeded", report["failure"]
    assert [s["skill"] for s in report["steps"] if s["verified"]] == ["push", "pick", "place_in"]
    view = loop.arm.view
    assert view.object_pos("green_cube")[0] - before[0] > 0.03  # forward is +x
    assert region_of(view, "blue_cube") == "left"


def test_a_fault_during_a_skill_stops_it_and_the_report_says_where() -> None:
    loop = _loop(3)
    run = loop.core.on_instruction("put the red cube in the bin", loop.t)
    assert isinstance(run, AgentRun)
    try:
        assert loop.until(lambda r: run.world.actions_run >= 10, 10.0)  # mid-pick
        loop.inject({"fault": "estop"})
        assert loop.until(lambda r: r.mode == Mode.ESTOP, 2.0)
        report = _finish(loop, run, 1.0)
    finally:
        loop.core.close()
    assert report is not None and report["status"] == "stopped", report
    assert "ESTOP" in report["failure"] and "stopped during step" in report["failure"], report["failure"]
    assert report["steps"][-1]["reason"].startswith("stopped: "), report["steps"][-1]
    assert not report["success"]


def test_a_refused_instruction_moves_nothing_and_says_why() -> None:
    loop = _loop(3)
    start = loop.arm.view.object_pos("red_cube").copy()
    try:
        report = _run(loop, "put the purple cube in the bin")
    finally:
        loop.core.close()
    assert report["status"] == "refused" and "purple" in report["failure"], report
    assert report["steps"] == []
    assert abs(loop.arm.view.object_pos("red_cube") - start).max() < 1e-3  # settling on the table, not moved


def test_a_cube_perception_lost_is_not_planned_over_at_its_old_pose() -> None:
    """Perception leaves out the green cube: after the grace period the bridge marks it missing and the agent's
    world carries that, so the planner sees no green cube (a refusal that names it), not a stale pose."""
    loop = _loop(3)
    start = loop.arm.view.object_pos("green_cube").copy()
    _hide(loop, {"green_cube"})
    try:
        loop.run(1.0)
        assert loop.core.missing_objects == {"green_cube"}
        report = _run(loop, "put the green cube in the bin")
    finally:
        loop.core.close()
    assert report["status"] == "refused" and "green" in report["failure"], report
    assert "green_cube" not in {o["name"] for o in report["initial_state"]["objects"]}
    assert report["missing_objects"] == ["green_cube"]
    assert report["steps"] == []
    assert abs(loop.arm.view.object_pos("green_cube") - start).max() < 1e-3


def test_a_cube_lost_as_its_pick_starts_ends_the_skill_and_the_replan_is_refused_naming_it() -> None:
    """Perception stops reporting the cube farthest from the hand shortly before the instruction, so the plan
    still sees it and its grace period ends while the pick is under way with no link near it (an unseen cube
    under the hand would be taken for hidden): the pick ends, without chasing its remembered pose for the rest of
    its budget, its retry cannot start, and the replan over a scene without it is refused."""
    from robot.bridge_core import OBJECT_LOSS_GRACE_S

    loop = _loop(3)
    view = loop.core.mirror.view
    far = max(view.object_names, key=lambda n: float(np.linalg.norm(view.object_pos(n)[:2] - view.tcp_pos[:2])))
    colour = far.split("_")[0]
    _hide(loop, {far})
    loop.run(0.6 * OBJECT_LOSS_GRACE_S)
    assert loop.core.missing_objects == frozenset()  # still within its grace period when the plan is made
    run = loop.core.on_instruction(f"put the {colour} cube in the bin", loop.t)
    assert isinstance(run, AgentRun)
    try:
        report = _finish(loop, run)
    finally:
        loop.core.close()
    assert report is not None and report["status"] == "failed", report
    pick = report["steps"][0]
    assert pick["skill"] == "pick" and f"{far} is missing" in pick["reason"], pick
    assert pick["steps"] < 30  # ended once the grace period was over, not at the budget
    assert "not retried" in report["plans"][1]["why"] and report["plans"][1]["result"]["status"] == "refused"
    assert "refused" in report["failure"] and colour in report["failure"], report["failure"]
