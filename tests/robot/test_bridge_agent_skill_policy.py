"""A learned skill on the arm: the bridge's agent runs place_in(bin) as the shipped BC policy (a pick-and-place
checkpoint conditioned on the step's task goal, ``sim.observation_contract.skill_goal``), in a policy process of
its own, through the control ticks on the simulated arm; truth is read from the arm's own physics.

The run is started as ``BridgeCore.start_agent`` starts one, with ``skill_policies`` configured (the bridge's
``skill_policies`` parameter once the core passes it on: see the issue-16 notes).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_bridge_core import Loop

from policies.planner.agent import AgentConfig
from policies.planner.planner import make_planner
from robot.agent_runner import AgentRun, SkillPolicies
from robot.agent_world import BridgeWorld
from robot.safety import Mode
from sim.skills import held_objects, region_of

PRETRAINED = str(Path(__file__).resolve().parents[2] / "policies" / "pretrained" / "panda_tabletop_bc")
AGENT_TIMEOUT_S = 60.0  # simulated seconds


@pytest.mark.slow
@pytest.mark.xdist_group("agent_policy")
def test_the_bridge_runs_a_placement_as_the_shipped_bc_policy_on_the_simulated_arm() -> None:
    loop = Loop("panda", seed=3)
    loop.core.agent_wait_s = 2.0  # lockstep: the simulated clock waits for the agent's thread (a loaded box)
    loop.run(0.6)
    core = loop.core
    policies = SkillPolicies("panda", deadline_s=2.0)
    try:
        policies.actor(PRETRAINED, "warm up")  # the policy's process up before the clock runs
        world = BridgeWorld(core.params.sim_model, cubes=core.params.cubes, controller=core.controller.config,
                            control_dt=core.controller.control_dt)
        config = AgentConfig(robot="panda", skill_policies={"place_in": PRETRAINED}, max_replans=0, step_retries=0)
        run = AgentRun("put the red cube in the bin", planner=make_planner("rules"), world=world, config=config,
                       skill_policies=policies)
        core._agent = run  # what start_agent sets; the tick then drives this world
        run.start()
        for _ in range(round(AGENT_TIMEOUT_S / 0.01)):
            loop.step()
            if run.finished:
                break
        report = run.join(5.0)
    finally:
        policies.close()
        core.close()
    assert report is not None, "the agent did not finish"
    assert report["status"] == "succeeded", (report["failure"], report["steps"])
    steps = [(s["skill"], s["executor"], s["verified"]) for s in report["steps"]]
    assert steps == [("pick", "scripted", True), ("place_in", f"policy:{PRETRAINED}", True)], steps
    assert report["steps"][1]["steps"] > 10  # the policy drove the arm for the placement
    view = loop.arm.view  # the arm's own physics, never the bridge's mirror
    assert region_of(view, "red_cube") == "bin" and not held_objects(view)
    assert core.supervisor.mode == Mode.NOMINAL


def test_the_skill_policies_parameter_names_a_checkpoint_per_skill_a_policy_can_run() -> None:
    from robot.errors import ParameterError
    from robot.params import BridgeParams

    assert BridgeParams().skill_policy_map() == {}
    params = BridgeParams(skill_policies=(f"place_in={PRETRAINED}", f"place_on={PRETRAINED}"))
    assert params.skill_policy_map() == {"place_in": PRETRAINED, "place_on": PRETRAINED}
    assert AgentConfig(robot=params.sim_model, skill_policies=params.skill_policy_map()).skill_policies["place_in"]
    for bad, match in (((f"push={PRETRAINED}",), "skill one of pick, place_on, place_in"),
                       (("place_in",), "must be 'skill=checkpoint"),
                       ((f"place_in={PRETRAINED}", f"place_in={PRETRAINED}"), "each at most once"),
                       (("place_in=/no/such/checkpoint",), "is not a directory")):
        with pytest.raises(ParameterError, match=match):
            BridgeParams(skill_policies=bad)


@pytest.mark.slow  # a spawned child imports torch before it finds no checkpoint
def test_a_skill_policy_that_cannot_load_stops_the_step_with_the_reason(tmp_path: Path) -> None:
    from sim.skills import ExecutionStoppedError

    policies = SkillPolicies("panda")
    try:
        with pytest.raises(ExecutionStoppedError, match=f"the skill's policy {tmp_path} could not start"):
            policies.actor(str(tmp_path), "put the red cube in the bin")  # no checkpoint there
    finally:
        policies.close()


def test_start_agent_hands_the_skill_policies_parameter_to_the_agent() -> None:
    loop = Loop("panda", seed=3, planner="rules", skill_policies=(f"place_in={PRETRAINED}",))
    try:
        run = loop.core.start_agent("put the red cube in the bin", 0.0)
        assert run.config.skill_policies == {"place_in": PRETRAINED}
    finally:
        loop.core.close()
