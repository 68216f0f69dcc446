"""The simulated arm's core without ROS: config, parameter files, commands, physics, faults, scene resets."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from robot.drivers.motor_current import torque_per_amp, torque_to_current
from robot.errors import ParameterError
from robot.fault_injection import DRIVER_FAULTS, FAULTS, FaultInjectionError, FaultInjector, JointSample
from robot.sim_arm import SimArm, SimCommandError
from robot.sim_arm_config import SimArmConfig, load_sim_arm_config, read_node_parameters
from sim.robots import PANDA, UR5E


@pytest.fixture(scope="module")
def arm() -> SimArm:
    return SimArm(SimArmConfig())


def _sample(n_arm: int = 7) -> JointSample:
    n = n_arm + 2
    return JointSample(stamp_ns=5, names=PANDA.all_joints, position=tuple(0.1 * i for i in range(n)),
                       velocity=(0.0,) * n, effort=(1.0,) * n)


# --- config and parameter files ---------------------------------------------------------------------
@pytest.mark.parametrize(("key", "value", "needle"), [
    ("robot", "kuka", "valid: panda, ur5e, fr3"),
    ("publish_rate_hz", 0.0, "publish_rate_hz"),
    ("publish_rate_hz", float("nan"), "publish_rate_hz"),
    ("estop_rate_hz", 2.0, "estop_rate_hz"),
    ("controller", "/abs", "relative topic name"),
    ("task", "juggle", "valid: reach"),
    ("seed", -1, "seed"),
    ("cubes", ("red", "red"), "distinct"),
    ("estop_heartbeat", "yes", "true or false"),
])
def test_config_rejects_bad_values_naming_them(key: str, value: object, needle: str) -> None:
    with pytest.raises(ParameterError, match=needle):
        SimArmConfig(**{key: value})  # type: ignore[arg-type]


def test_params_file_sections_wildcards_and_unknown_keys(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("/**:\n  ros__parameters:\n    seed: 4\n    robot: panda\n"
                    "/ns/armstack_sim_arm:\n  ros__parameters:\n    robot: ur5e\n    cubes: [red, blue]\n"
                    "armstack_bridge:\n  ros__parameters:\n    whatever: 1\n")
    assert read_node_parameters(path, "armstack_sim_arm") == {"seed": 4, "robot": "ur5e", "cubes": ["red", "blue"]}
    config = load_sim_arm_config(path)
    assert (config.robot, config.seed, config.cubes) == ("ur5e", 4, ("red", "blue"))
    path.write_text("armstack_sim_arm:\n  ros__parameters:\n    publish_rate: 100\n")
    with pytest.raises(ParameterError, match=r"unknown key.*publish_rate.*valid keys.*publish_rate_hz"):
        load_sim_arm_config(path)
    path.write_text("armstack_sim_arm:\n  publish_rate_hz: 100\n")
    with pytest.raises(ParameterError, match="ros__parameters"):
        load_sim_arm_config(path)
    with pytest.raises(ParameterError, match="does not exist"):
        load_sim_arm_config(tmp_path / "missing.yaml")


# --- commands and physics ----------------------------------------------------------------------------
def test_position_command_moves_the_arm_and_last_target_holds(arm: SimArm) -> None:
    start = np.array(arm.sample(0).position[:7])
    target = start.copy()
    target[0] += 0.2
    arm.command_positions(target)
    elapsed = arm.elapsed
    arm.advance(elapsed + 0.04)  # within max_catchup_s: every step taken
    arm.advance(elapsed + 0.08)
    arm.advance(elapsed + 1.0)  # beyond max_catchup_s: skipped ahead, counted as an overrun
    assert arm.overruns >= 1 and arm.skipped_steps > 0
    for k in range(40):
        arm.advance(elapsed + 1.0 + 0.04 * (k + 1))
    moved = np.array(arm.sample(0).position[:7])
    assert abs(moved[0] - target[0]) < 0.02, moved
    assert np.max(np.abs(moved[1:] - start[1:])) < 0.05


def test_trajectory_command_matches_joint_names_in_any_order(arm: SimArm) -> None:
    names = list(reversed(arm.arm_joints))
    target = np.array(PANDA.home)
    target[6] = 0.3
    arm.command_trajectory(names, list(reversed(target.tolist())))
    assert arm.arm_target[6] == pytest.approx(0.3)
    with pytest.raises(SimCommandError, match="do not match"):
        arm.command_trajectory(["a", "b"], [0.0, 0.0])
    with pytest.raises(SimCommandError, match="expected 7 values, got 6"):
        arm.command_positions([0.0] * 6)
    with pytest.raises(SimCommandError, match="non-finite"):
        arm.command_positions([math.nan] * 7)
    assert arm.arm_target[6] == pytest.approx(0.3)  # a rejected command leaves the target alone


def test_multi_point_trajectory_is_sampled_from_arrival_and_its_last_point_holds() -> None:
    """A streamed plan (time 0: where the arm should be on arrival, the command at 15 ms, rest later) is followed
    at the arm's own time since arrival, not frozen at its first point; a driver stop drops it."""
    arm = SimArm(SimArmConfig(profile="franka", robot="fr3"))
    home = np.array(arm.spec.home)
    names = list(reversed(arm.arm_joints))
    last = np.eye(7)[6]  # joint 7 moves: 0.03 rad by the command at 15 ms, 0.04 at rest
    points = [(0.0, home), (0.015, home + 0.03 * last), (0.045, home + 0.04 * last)]
    arm.advance(0.1)
    arm.command_trajectory_points(names, [(t, p[::-1].tolist(), [], []) for t, p in points])
    assert arm.arm_target[6] == pytest.approx(home[6])  # on arrival: the first point
    arrival = arm.elapsed
    arm.advance(arrival + 4 * arm.dt)  # physics steps whole timesteps; linear (positions only) toward 15 ms
    assert arm.elapsed - arrival == pytest.approx(4 * arm.dt)
    assert arm.arm_target[6] == pytest.approx(home[6] + 0.03 * (4 * arm.dt) / 0.015)
    arm.advance(arrival + 0.03)  # between the 15 ms and the 45 ms points
    assert arm.arm_target[6] == pytest.approx(home[6] + 0.03 + 0.01 * (arm.elapsed - arrival - 0.015) / 0.03)
    arm.advance(arrival + 0.2)
    assert arm.arm_target[6] == pytest.approx(home[6] + 0.04)  # past the end: the last point holds
    with pytest.raises(SimCommandError, match="not strictly increasing"):
        arm.command_trajectory_points(names, [(0.0, home.tolist(), [], []), (0.0, home.tolist(), [], [])])
    with pytest.raises(SimCommandError, match="velocities: expected 7 values, got 2"):
        arm.command_trajectory_points(names, [(0.0, home.tolist(), [0.0, 0.0], []), (0.1, home.tolist(), [], [])])
    # A new plan replaces the one in force; a driver stop drops it and the arm holds where it is.
    arm.command_trajectory_points(arm.arm_joints, [(0.0, home.tolist(), [], []), (1.0, (home + 0.5).tolist(), [], [])])
    start = arm.elapsed
    arm.advance(start + 0.01)
    arm.faults.inject({"fault": "reflex"}, start + 0.01)
    arm.advance(start + 0.02)
    held = arm.arm_target.copy()
    arm.advance(start + 0.05)
    assert np.array_equal(arm.arm_target, held) and np.max(held - home) < 0.05


def test_gripper_closes_at_its_rated_speed(arm: SimArm) -> None:
    arm.command_gripper([0.0])
    t = arm.elapsed
    arm.advance(t + 0.04)
    after = arm.sample(0).position[7]
    # 0.1 m/s for 0.04 s closes at most 4 mm: no instant slam shut.
    assert 0.04 - 0.0045 < after < 0.04
    arm.command_gripper([0.04])


def test_scene_reset_moves_cubes_and_reports_the_goal(arm: SimArm) -> None:
    before = [p for p, _ in arm.object_poses()]
    event = arm.reset_scene('{"seed": 3, "task": "stack"}')
    after = [p for p, _ in arm.object_poses()]
    assert event["event"] == "scene_reset" and event["task"] == "stack" and event["object"] in arm.scene.object_names
    assert max(np.linalg.norm(np.subtract(a, b)) for a, b in zip(after, before, strict=True)) > 0.01
    assert arm.reset_scene({"seed": 3, "task": "stack"})["instruction"] == event["instruction"]
    message = arm.objects_message(1.5)
    assert [o["name"] for o in message["objects"]] == list(arm.scene.object_names)
    assert message["frame"] == "base" and message["regions"] == ["left", "right", "bin", "pad"]
    for bad, needle in (("{", "not JSON"), ('{"seed": -2}', "seed"), ('{"task": "x"}', "valid: reach"),
                        ('{"sed": 1}', "unknown key")):
        with pytest.raises(SimCommandError, match=needle):
            arm.reset_scene(bad)


def test_fr3_and_ur5e_publish_their_drivers_joint_names() -> None:
    fr3 = SimArm(SimArmConfig(robot="fr3"))
    assert fr3.arm_joints == tuple(f"fr3_joint{i}" for i in range(1, 8))
    assert fr3.gripper_joints == ("fr3_finger_joint1", "fr3_finger_joint2")
    ur = SimArm(SimArmConfig(robot="ur5e", cubes=("red",)))
    assert ur.joint_names == UR5E.all_joints
    assert len(ur.sample(0).effort) == 8


def test_stuck_joint_holds_while_others_follow(arm: SimArm) -> None:
    t = arm.elapsed
    arm.faults.inject({"fault": "stuck", "joint": "panda_joint2"}, t)
    held = arm.sample(0).position[1]
    target = np.array(arm.sample(0).position[:7])
    target[1] += 0.3
    target[3] += 0.2
    arm.command_positions(target)
    for k in range(25):
        arm.advance(t + 0.04 * (k + 1))
    now = arm.sample(0).position
    assert abs(now[1] - held) < 0.03  # held by its servo (a little droop as the others move), not at +0.3
    assert abs(now[3] - target[3]) < 0.03
    arm.faults.clear(t)
    for k in range(25):
        arm.advance(t + 1.0 + 0.04 * (k + 1))
    assert abs(arm.sample(0).position[1] - target[1]) < 0.03


# --- fault injection ---------------------------------------------------------------------------------
def _injector() -> FaultInjector:
    return FaultInjector(names=PANDA.all_joints, n_arm=7, effort_limits=PANDA.effort_limits, seed=1)


@pytest.mark.parametrize(("payload", "needle"), [
    ("not json", "not JSON"),
    ("[1]", "JSON object"),
    ('{"fault": "melt"}', "valid faults: stale"),
    ('{"fault": "stale", "duration": -1}', "duration"),
    ('{"fault": "jump", "joint": "elbow"}', "unknown joint 'elbow'"),
    ('{"fault": "jump", "joint": 9}', "out of range"),
    ('{"fault": "drop", "rate": 1.5}', "rate"),
    ('{"fault": "latency", "delay": 60}', "delay"),
    ('{"fault": "nan", "magnitude": 1}', "unknown key"),
])
def test_bad_injections_are_rejected_with_reasons(payload: str, needle: str) -> None:
    with pytest.raises(FaultInjectionError, match=needle):
        _injector().inject(payload, 0.0)


def test_each_fault_changes_what_is_published() -> None:
    s = _sample()
    for fault in FAULTS:
        if any(fault in kinds for kinds in DRIVER_FAULTS.values()):
            continue  # a driver double's fault: test_driver_faults_stop_the_double_and_refuse_commands
        inj = _injector()
        inj.filter(s, 0.0)
        event = inj.inject({"fault": fault, "duration": 1.0}, 0.0)
        assert event["fault"] == fault and event["duration"] == 1.0
        nxt = JointSample(stamp_ns=6, names=s.names, position=s.position, velocity=s.velocity, effort=s.effort)
        out = [inj.filter(nxt, 0.01 * k) for k in range(1, 30)]
        flat = [o for batch in out for o in batch]
        if fault == "stale":
            assert flat == []
        elif fault == "freeze":
            assert all(o.stamp_ns == 5 for o in flat) and len(flat) == 29
        elif fault == "nan":
            assert all(all(math.isnan(p) for p in o.position[:7]) for o in flat)
        elif fault == "jump":
            assert all(o.position[0] == pytest.approx(s.position[0] + 0.3) for o in flat)
        elif fault == "effort_spike":
            assert all(o.effort[0] == pytest.approx(1.0 + 2 * PANDA.effort_limits[0]) for o in flat)
        elif fault == "latency":
            assert 15 < len(flat) < 29 and not any(out[:8])  # each held back 0.1 s
        elif fault == "drop":
            assert 3 < len(flat) < 26
        else:  # estop, estop_heartbeat, stuck: joint states untouched
            assert flat == [nxt] * 29
        assert inj.estop_asserted == (fault == "estop")
        assert inj.heartbeat_suppressed == (fault == "estop_heartbeat")
        assert inj.expire(0.99) == []
        ended = inj.expire(1.0)
        assert [e["fault"] for e in ended] == [fault] and ended[0]["reason"] == "expired"
        assert ended[0]["samples"] == 29
        if fault in ("stale", "freeze", "nan", "jump", "effort_spike", "drop", "latency"):
            # Withheld, repeated or corrupted samples are counted (latency: sent late or discarded at the end).
            assert ended[0]["affected"] == (29 - len(flat) if fault in ("stale", "drop") else 29)
        else:
            assert ended[0]["affected"] == 0
        assert inj.filter(nxt, 1.01) == [nxt]


def test_clear_ends_all_faults_and_nan_can_target_one_joint() -> None:
    inj = _injector()
    inj.inject({"fault": "nan", "joint": 2}, 0.0)
    inj.inject({"fault": "estop"}, 0.0)
    (out,) = inj.filter(_sample(), 0.0)
    assert [math.isnan(p) for p in out.position] == [i == 2 for i in range(9)]
    assert inj.expire(100.0) == []  # no duration: until cleared
    assert sorted(e["fault"] for e in inj.clear(100.0)) == ["estop", "nan"]
    assert not inj.active


def test_params_files_are_read_only_from_the_ros_args_part() -> None:
    from robot.node_params import params_files

    argv = ["armstack-sim-arm", "--params-file", "not-ros.yaml", "--ros-args", "--params-file", "a.yaml", "-r",
            "__ns:=/x", "--params-file", "b.yaml", "--", "--params-file", "after.yaml"]
    assert params_files(argv) == ["a.yaml", "b.yaml"]


@pytest.mark.parametrize(("profile", "robot", "fault"), [
    ("ur", "ur5e", {"fault": "protective_stop"}), ("ur", "ur5e", {"fault": "program_stop"}),
    ("ur", "ur5e", {"fault": "speed_scaling", "value": 0.0}), ("franka", "fr3", {"fault": "reflex"}),
    ("franka", "fr3", {"fault": "user_stop"})])
def test_driver_faults_stop_the_double_and_refuse_commands(profile: str, robot: str, fault: dict[str, object]) -> None:
    arm = SimArm(SimArmConfig(robot=robot, profile=profile))
    target = np.array(arm.spec.home) + 0.2
    arm.command_positions(target)
    arm.advance(0.05)  # moving toward the target when the driver stops
    arm.faults.inject(fault, 0.05)
    assert arm.faults.halted_by == fault["fault"]
    stopped = arm.data.qpos[arm.view.arm_q].copy()
    arm.advance(0.06)
    with pytest.raises(SimCommandError, match="the driver is stopped"):
        arm.command_positions(arm.spec.home)
    for t in np.arange(0.12, 1.0, 0.01):  # in real time: a longer jump is skipped, not simulated
        arm.advance(float(t))
    # It stopped (a servo's braking overshoot only) short of the target it was heading to, and stays there.
    q = arm.data.qpos[arm.view.arm_q].copy()
    assert np.linalg.norm(q - stopped) < 0.5 * np.linalg.norm(target - stopped)
    for t in np.arange(1.0, 1.5, 0.01):
        arm.advance(float(t))
    assert np.max(np.abs(arm.data.qpos[arm.view.arm_q] - q)) < 0.01
    events = arm.faults.recover(0.6) if fault["fault"] == "reflex" else arm.faults.clear(0.6)
    assert [e["fault"] for e in events] == [fault["fault"]] and arm.faults.halted_by is None
    arm.command_positions(arm.spec.home)  # the driver runs again


def test_driver_faults_belong_to_their_profile_and_speed_scaling_is_a_fraction() -> None:
    with pytest.raises(FaultInjectionError, match=r"'franka' driver profile.*valid here"):
        SimArm(SimArmConfig(robot="ur5e", profile="ur")).faults.inject({"fault": "reflex"}, 0.0)
    with pytest.raises(FaultInjectionError, match="'ur' driver profile"):
        _injector().inject({"fault": "protective_stop"}, 0.0)
    inj = SimArm(SimArmConfig(robot="ur5e", profile="ur")).faults
    with pytest.raises(FaultInjectionError, match=r"value must be a number in \[0, 1\]"):
        inj.inject({"fault": "speed_scaling", "value": 30}, 0.0)
    inj.inject({"fault": "speed_scaling", "value": 0.3}, 0.0)
    assert inj.speed_scaling == 0.3 and inj.halted_by is None
    with pytest.raises(ParameterError, match="unknown profile 'kuka'; valid: generic, ur, franka"):
        SimArmConfig(profile="kuka")
    with pytest.raises(ParameterError, match="profile 'ur' drives ur5e, not 'panda'"):
        SimArmConfig(robot="panda", profile="ur")


def test_the_ur_double_publishes_joint_torque_as_motor_current() -> None:
    """ur_robot_driver's effort is motor current (A): the double divides each joint's torque by its N m per A
    (an assumed model, robot.drivers.motor_current), so the torque limits read as a few A, never as N m."""
    per_amp = torque_per_amp("ur5e")
    assert len(per_amp) == UR5E.n_arm and all(k > 1.0 for k in per_amp)
    amps = torque_to_current(UR5E.effort_limits, per_amp)
    assert amps == pytest.approx([tau / k for tau, k in zip(UR5E.effort_limits, per_amp, strict=True)])
    assert all(1.0 < a < 30.0 for a in amps), amps  # a motor current, far below the N m it stands for
    assert torque_to_current([-2.0 * per_amp[0]] + [0.0] * 5, per_amp)[0] == pytest.approx(-2.0)  # sign kept
    with pytest.raises(ParameterError, match="no motor current model for robot 'panda'; known: ur5e"):
        torque_per_amp("panda")
    with pytest.raises(ValueError, match="7 joint torques for 6 joints"):
        torque_to_current([0.0] * 7, per_amp)


def test_a_stamped_trajectory_runs_on_its_stamps_time_as_jtc_does() -> None:
    """A non-zero stamp is the trajectory's time zero: one stamped 10 ms before its arrival is sampled 10 ms in
    from the start; one stamped in the future holds the target until then."""
    arm = SimArm(SimArmConfig(profile="franka", robot="fr3"))
    home = np.array(arm.spec.home)
    last = np.eye(7)[6]
    points: list[tuple[float, list[float], list[float], list[float]]] = [
        (0.0, home.tolist(), [], []), (0.1, (home + 0.1 * last).tolist(), [], [])]
    arm.advance(0.1)
    arm.command_trajectory_points(arm.arm_joints, points, stamp_age=0.01)
    assert arm.arm_target[6] == pytest.approx(home[6] + 0.01)  # 10 ms into the 0.1 rad in 0.1 s ramp
    arrival = arm.elapsed
    arm.advance(arrival + 0.02)
    assert arm.arm_target[6] == pytest.approx(home[6] + 0.1 * (arm.elapsed - arrival + 0.01) / 0.1)
    held = arm.arm_target.copy()
    arm.command_trajectory_points(arm.arm_joints, [(0.0, (home + 0.05 * last).tolist(), [], []),
                                                   (0.1, (home + 0.05 * last).tolist(), [], [])], stamp_age=-0.02)
    assert np.array_equal(arm.arm_target, held)  # its time zero lies 20 ms ahead: JTC writes nothing yet
    start = arm.elapsed
    arm.advance(start + 0.01)
    assert np.array_equal(arm.arm_target, held)
    arm.advance(start + 0.03)
    assert arm.arm_target[6] == pytest.approx(home[6] + 0.05)
