"""One observation contract: the env and the bridge build the same dict for the same scene state.

The env takes a few seeded random actions (so the arm moves and its velocities are not zero);
the simulated arm of the ROS rig (``robot.sim_arm.SimArm``) is put into that state, and the bridge core reads
it as it reads a driver: joint states in vendor names, ``scene/objects`` JSON, ticks. Every key must agree, but the
joint velocities: the bridge's are the env's for the motion measured between policy ticks (none here).
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

import mujoco
import numpy as np
import pytest

import policies.checkpoint as checkpoint
from policies.errors import CheckpointError
from policies.observation import OBSERVATION_CONTRACT
from robot.bridge_core import BridgeCore
from robot.params import BridgeParams
from robot.sim_arm import SimArm
from robot.sim_arm_config import SimArmConfig
from sim import observation_contract
from sim.env import TabletopEnv
from sim.tasks import TASK_NAMES

PRETRAINED = Path(__file__).resolve().parents[2] / "policies" / "pretrained" / "panda_tabletop_bc"


def _copy_state(env: TabletopEnv, arm: SimArm) -> None:
    """The env's arm, fingers, cubes, pad, bin and marker into the simulated arm's physics."""
    src, dst = env.view, arm.view
    d = arm.data
    d.qpos[dst.arm_q] = env.data.qpos[src.arm_q]
    d.qvel[dst.arm_v] = env.data.qvel[src.arm_v]
    d.qpos[dst.grip_q] = env.data.qpos[src.grip_q]
    for name in arm.scene.object_names:
        a, b = src.object_qadr[name], dst.object_qadr[name]
        d.qpos[b : b + 7] = env.data.qpos[a : a + 7]
    for body_src, body_dst in ((src.pad_body, dst.pad_body), (src.bin_body, dst.bin_body),
                               (src.goal_body, dst.goal_body)):
        arm.model.body_pos[body_dst] = env.model.body_pos[body_src]
    mujoco.mj_forward(arm.model, d)


@pytest.mark.parametrize("robot", ["panda", "ur5e"])
@pytest.mark.parametrize("task", TASK_NAMES)
def test_env_and_bridge_observations_are_identical_key_by_key(robot: str, task: str) -> None:
    env = TabletopEnv(task=task, robot=robot, randomization="none")
    env.reset(seed=5)
    rng = np.random.default_rng(5)
    for _ in range(25):  # moving, so velocities and the TCP are not the home values
        obs = env.step(rng.uniform(-1.0, 1.0, 5))[0]
    arm = SimArm(SimArmConfig(robot=robot, seed=5))
    assert tuple(arm.scene.object_names) == tuple(env.scene.object_names)
    _copy_state(env, arm)
    core = BridgeCore(BridgeParams(robot=robot), start=0.0)
    s = arm.sample(0)
    core.on_joint_state(s.names, s.position, s.velocity, s.effort, 0.0, 0.0)
    message = arm.objects_message(0.0)
    message["places"]["marker"] = arm.view.goal_marker_pos.tolist()
    core.on_objects(json.dumps(message), 0.0)
    core.tick(0.0)
    core.goal = env.goal  # what a started task sets; the observation reads only the goal
    bridge = core.observation()
    env.close()
    assert set(bridge) == set(obs) == set(observation_contract.STATE_KEYS)
    for key in observation_contract.STATE_KEYS:
        ours, theirs = bridge[key], obs[key]
        if isinstance(theirs, np.ndarray):
            assert ours.shape == theirs.shape and ours.dtype == theirs.dtype, key
            if key == "joint_vel":  # the env's for the motion measured between policy ticks, none yet: at rest, as
                np.testing.assert_array_equal(ours, 0.0)  # after a reset (tests/robot/test_task_policy_qvel_parity)
                continue
            # One ulp: the bridge's input check renormalises the cube quaternions it receives.
            np.testing.assert_allclose(ours, theirs, rtol=0, atol=1e-12, err_msg=key)
        else:
            assert ours == theirs, (key, ours, theirs)


def test_the_policy_side_reads_the_version_the_simulator_builds() -> None:
    assert OBSERVATION_CONTRACT == observation_contract.VERSION


def test_a_checkpoint_records_the_contract_and_one_of_another_version_is_refused(tmp_path: Path) -> None:
    spec, network = checkpoint.read_checkpoint(PRETRAINED)  # recorded before versions: version 1
    saved = checkpoint.save_checkpoint(tmp_path / "ckpt", network, spec)
    doc = json.loads((saved / checkpoint.SPEC).read_text())
    assert doc["observation"]["contract"] == OBSERVATION_CONTRACT
    checkpoint.read_checkpoint(saved)  # loads
    doc["observation"]["contract"] = OBSERVATION_CONTRACT + 1
    (saved / checkpoint.SPEC).write_text(json.dumps(doc))
    with pytest.raises(CheckpointError, match=r"observation contract version 2; this armstack builds version 1"):
        checkpoint.read_spec(saved)


@pytest.mark.parametrize("robot", ["panda", "ur5e"])
def test_a_skill_goal_gives_the_same_observation_in_the_env_and_through_the_bridges_agent_world(robot: str) -> None:
    """What a skill's policy sees (``skill_goal`` + ``observe`` on the world's view): the env's, and the bridge's
    ``BridgeWorld`` fed by the core from the simulated arm in the same state. The arm's joint velocities are the
    one reading the agent's world derives (its mirror is kinematic): the env's reading after the measured motion
    over the control period between two actions."""
    from robot.agent_world import BridgeWorld
    from sim.observation_contract import observe, skill_goal

    env = TabletopEnv(task="pick_place", robot=robot, randomization="none")
    env.reset(seed=7)
    rng = np.random.default_rng(7)
    for _ in range(24):
        env.step(rng.uniform(-1.0, 1.0, 5))
    arm = SimArm(SimArmConfig(robot=robot, seed=7))
    core = BridgeCore(BridgeParams(robot=robot), start=0.0)
    world = BridgeWorld(core.params.sim_model, cubes=core.params.cubes, controller=core.controller.config,
                        control_dt=env.control_dt)

    def feed(t: float) -> None:  # the env's state, through the simulated arm's messages, into the core's mirror
        _copy_state(env, arm)
        s = arm.sample(int(t * 1e9))
        core.on_joint_state(s.names, s.position, s.velocity, s.effort, t, t)
        core.on_objects(json.dumps(arm.objects_message(t)), t)
        core.tick(t)

    feed(0.0)
    world.serve(core.mirror, took=False)
    world.wait_ready(5.0)
    env.data.qvel[:] = 0.0  # at rest, as the arm is when the world's first step starts
    env.step(rng.uniform(-1.0, 1.0, 5))  # one control period, as the agent's next action
    feed(env.control_dt)
    stepping = threading.Thread(target=world.step, args=(np.zeros(5),))
    stepping.start()
    assert world.take(10.0) is not None
    world.serve(core.mirror, took=True)
    stepping.join(10.0)
    assert not stepping.is_alive()
    for skill, args in (("pick", {"object": "green_cube"}), ("place_on", {"object": "blue_cube"}),
                        ("place_in", {"region": "bin"}), ("place_in", {"region": "pad"}),
                        ("place_in", {"region": "left"}), ("push", {"object": "green_cube", "direction": "left"}),
                        ("go_home", {})):
        empty_handed = skill in ("push", "go_home")
        goal = skill_goal(skill, args, holding=None if empty_handed else "red_cube", instruction=f"{skill} {args}")
        assert goal is not None
        if skill not in ("pick", "push", "go_home"):
            assert goal.object == "red_cube"
        # A push's end point, the home position or a side placement's spot (the skill's goal_point) stands in for
        # the task's place.
        point = np.array([0.5, 0.12, 0.0216]) if empty_handed or args.get("region") == "left" else None
        ours, theirs = observe(world.view, goal, goal_pos=point), observe(env.view, goal, goal_pos=point)
        if point is not None:
            np.testing.assert_array_equal(ours["goal_pos"], point)
        if goal.task == "pick_place" and point is None:  # the env's own task: what it hands a policy of this goal
            env.goal = goal
            own = env._observation()
            for key in observation_contract.STATE_KEYS:
                np.testing.assert_array_equal(np.asarray(theirs[key]), np.asarray(own[key]), err_msg=f"{skill} {key}")
        assert set(ours) == set(theirs) == set(observation_contract.STATE_KEYS)
        for key in observation_contract.STATE_KEYS:
            if key == "joint_vel":
                continue
            if isinstance(theirs[key], np.ndarray):
                np.testing.assert_allclose(ours[key], theirs[key], rtol=0, atol=1e-12, err_msg=f"{skill} {key}")
            else:
                assert ours[key] == theirs[key], (skill, key, ours[key], theirs[key])
    # The env's reading after the motion (robot.agent_world.EnvServo), not the motion over the period (4x it).
    np.testing.assert_allclose(world.view.data.qvel[world.view.arm_v], env.data.qvel[env.view.arm_v], rtol=0, atol=0.01)
    env.close()


def test_skill_goals_and_the_skills_without_one() -> None:
    from sim.observation_contract import skill_goal

    assert skill_goal("push", {"object": "red_cube", "direction": "left"}, holding="blue_cube", instruction="x") is None
    assert skill_goal("go_home", {}, holding="red_cube", instruction="x") is None  # a reach policy opens the hand
    push = skill_goal("push", {"object": "red_cube", "direction": "left"}, holding=None, instruction="x")
    home = skill_goal("go_home", {}, holding=None, instruction="x")
    assert push is not None and (push.task, push.object, push.target) == ("push", "red_cube", "target_pad")
    assert push.instruction == "push the red cube onto the pad"  # the task's words: the policy goes by goal_pos
    assert home is not None and (home.task, home.target, home.instruction) == ("reach", "goal_marker",
                                                                               "reach the orange marker")
    side = skill_goal("place_in", {"region": "left"}, holding="red_cube", instruction="x")  # the pad, at the spot
    assert side is not None and (side.task, side.target, side.instruction) == ("pick_place", "target_pad",
                                                                               "put the red cube on the pad")
    assert skill_goal("place_in", {"region": "bin"}, holding=None, instruction="x") is None
    assert skill_goal("place_on", {"object": "red_cube"}, holding="red_cube", instruction="x") is None
    stack = skill_goal("place_on", {"object": "blue_cube"}, holding="red_cube", instruction="put it on the blue")
    assert stack is not None and (stack.task, stack.object, stack.target) == ("stack", "red_cube", "blue_cube")
