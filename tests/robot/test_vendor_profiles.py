"""Driver profiles in the bridge's core, tick by tick (no ROS): arm-only streams, driver status, preflight, arming."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from robot.bridge_core import BridgeCore
from robot.errors import ParameterError
from robot.params import BridgeParams
from robot.safety import FaultKind, Mode
from robot.sim_arm_config import SIM_MODELS
from robot.vendor_profiles import FRANKA, PROFILES, UR, robots_of
from sim.robots import get_robot

UR_NAMES = ("shoulder_pan_joint", "shoulder_lift_joint", "elbow_joint", "wrist_1_joint", "wrist_2_joint",
            "wrist_3_joint")
PERIOD = 0.01


def _core(profile: str = "ur", robot: str = "ur5e") -> BridgeCore:
    return BridgeCore(BridgeParams(robot=robot, profile=profile, arm_on_start=False, estop_heartbeat=False,
                                   expected_state_rate_hz=100.0, planner="none"), start=0.0)


def _feed(core: BridgeCore, t0: float, seconds: float, names: tuple[str, ...] = UR_NAMES,
          order: list[int] | None = None, status: dict[str, object] | None = None) -> float:
    """Arm-only joint states at 100 Hz, one tick each (and the UR driver's ``status`` if given, as its
    broadcasters stream it); returns the end time."""
    home = np.array(get_robot(core.params.sim_model).home)
    idx = order or list(range(len(names)))
    t = t0
    for k in range(int(seconds / PERIOD)):
        t = t0 + k * PERIOD
        q = home + 1e-4 * np.sin(k)  # a live encoder never repeats bit for bit
        core.on_joint_state([names[i] for i in idx], q[idx].tolist(), [0.0] * len(idx), [0.0] * len(idx), t, t)
        if status is not None:
            _ur_running(core, t, **status)
        core.tick(t)
    return t


def _ur_running(core: BridgeCore, t: float, **status: object) -> None:
    values = {"robot_mode": 7, "safety_mode": 1, "program": True, "scaling": 1.0, **status}
    topics = {st.topic.split("/")[-1]: st for st in UR.status}
    core.on_driver_status(topics["robot_mode"], SimpleNamespace(mode=values["robot_mode"]), t)
    core.on_driver_status(topics["safety_mode"], SimpleNamespace(mode=values["safety_mode"]), t)
    core.on_driver_status(topics["robot_program_running"], SimpleNamespace(data=values["program"]), t)
    core.on_driver_status(topics["speed_scaling"], SimpleNamespace(data=values["scaling"]), t)


def test_a_ur_profile_starts_disarmed_and_its_preflight_names_what_is_missing() -> None:
    core = _core()
    t = _feed(core, 0.0, 1.0)
    assert not core.armed and core.state(t)["armed"] is False
    assert all(core.tick(t + PERIOD).command is None for _ in range(3))  # disarmed: nothing is commanded
    ok, why = core.rearm(t, ["no publisher on /speed_scaling_state_broadcaster/speed_scaling"])
    assert not ok and "driver_topics: no publisher on /speed_scaling_state_broadcaster/speed_scaling" in why
    assert "driver_mode: io_and_status_controller/robot_mode: never received" in why
    t = _feed(core, t + PERIOD, 0.6, status={})
    ok, why = core.rearm(t, [])
    assert ok, why
    assert core.tick(t + PERIOD).command is not None  # armed on an arm-only stream: commands from here on


def test_joint_names_that_do_not_match_refuse_to_arm_with_expected_and_received_names() -> None:
    core = _core()
    wrong = ("joint_1", "joint_2", "joint_3", "joint_4", "joint_5", "joint_6")
    t = _feed(core, 0.0, 0.8, wrong, status={})
    ok, why = core.rearm(t, [])
    assert not ok
    assert f"expected {', '.join(UR_NAMES)}; received {', '.join(wrong)}" in why and "joint_names" in why
    # The driver's own order (not the model's) is mapped by name and arms.
    core = _core()
    t = _feed(core, 0.0, 0.8, order=[2, 1, 0, 3, 4, 5], status={})
    ok, why = core.rearm(t, [])
    assert ok, why
    assert "other order (mapped by name)" in {c.name: c.detail for c in core.preflight}["joint_names"]


@pytest.mark.parametrize(("status", "fault"), [({"safety_mode": 3}, FaultKind.PROTECTIVE_STOP),
                                               ({"program": False}, FaultKind.PROGRAM_STOPPED),
                                               ({"scaling": 0.0}, FaultKind.SPEED_SCALING_ZERO),
                                               ({"robot_mode": 5}, FaultKind.DRIVER_MODE),
                                               ({"safety_mode": 7}, FaultKind.SAFETY_STOP)])
def test_a_ur_driver_fault_sends_one_hold_then_nothing_until_the_driver_runs_again(status: dict[str, object],
                                                                                  fault: FaultKind) -> None:
    core = _core()
    t = _feed(core, 0.0, 0.6, status={})
    assert core.rearm(t, [])[0]
    t += PERIOD
    assert core.tick(t).command is not None
    _ur_running(core, t, **status)
    reaction = core.react(t + 0.001)
    assert reaction is not None and reaction.mode == Mode.ESTOP and reaction.command is not None
    assert reaction.command.source == "estop_hold"
    home = np.array(get_robot("ur5e").home)
    sent = []
    for k in range(1, 80):
        now = t + k * PERIOD
        core.on_joint_state(UR_NAMES, (home + 1e-4 * np.sin(k)).tolist(), [0.0] * 6, [0.0] * 6, now, now)
        result = core.tick(now)
        sent.append(result.command)
        _ur_running(core, now, **status)  # the latched status says so until the driver changes
    assert sent == [None] * len(sent)  # nothing piles up behind the stop
    ok, why = core.rearm(t + 0.8, [])
    assert not ok and fault.id in why
    t2 = _feed(core, t + 0.8, 0.7, status={})  # unlocked on the pendant, program playing again
    assert core.rearm(t2, [])[0]


def test_ur_effort_is_motor_current_so_the_torque_limit_is_off_and_says_so() -> None:
    core = _core()
    assert not core.monitor.config.check_effort
    statuses = {c.name: c for c in core.check_statuses(0.0, [])}
    assert statuses["joint_limits"].level == 1 and "motor current" in statuses["joint_limits"].message
    assert _core("franka", "fr3").monitor.config.check_effort


def test_franka_fingers_come_from_the_gripper_node_and_a_reflex_is_named() -> None:
    core = _core("franka", "fr3")
    arm, fingers = core.params.joint_names()
    assert arm[0] == "fr3_joint1" and core.joint_map.fingers == ()
    core.on_gripper_state(list(fingers), [0.03, 0.031], 0.0)
    home = np.array(get_robot("panda").home)
    core.on_joint_state(list(arm), home.tolist(), [0.0] * 7, [0.0] * 7, 0.0, 0.0)
    core.tick(0.0)
    assert core.monitor.trusted is not None and core.monitor.trusted.gripper == pytest.approx(0.0305)
    status = FRANKA.status[0]
    errors = SimpleNamespace(joint_reflex=True, get_fields_and_field_types=lambda: {"joint_reflex": "boolean"})
    core.on_driver_status(status, SimpleNamespace(robot_mode=4, current_errors=errors), 0.01)
    faults = core.driver.faults(0.02)
    assert [f.kind for f in faults] == [FaultKind.ROBOT_REFLEX] and "joint_reflex" in faults[0].detail


def test_a_wrong_profile_name_lists_the_valid_ones_and_a_profile_drives_its_robots() -> None:
    with pytest.raises(ParameterError, match="unknown profile 'kuka'; valid: generic, ur, franka"):
        BridgeParams(profile="kuka")
    with pytest.raises(ParameterError, match="profile 'franka' drives panda, fr3, not 'ur5e'"):
        BridgeParams(robot="ur5e", profile="franka", arm_on_start=False)
    with pytest.raises(ParameterError, match="arm_on_start must be false with the 'ur' profile"):
        BridgeParams(robot="ur5e", profile="ur")
    assert set(PROFILES) == {"generic", "ur", "franka"}
    # The one table of which robots each profile drives: the sim arm's generic driver drives every robot it
    # stands in for (derived from SIM_MODELS), and every such robot has its own vendor's driver too.
    assert robots_of("ur") == ("ur5e",) and robots_of("franka") == ("panda", "fr3")
    assert robots_of("generic") == tuple(SIM_MODELS)
    assert {r for p in PROFILES if p != "generic" for r in robots_of(p)} == set(SIM_MODELS)
    with pytest.raises(ParameterError, match="unknown profile 'kuka'; valid: generic, ur, franka"):
        robots_of("kuka")


def test_faults_before_the_first_arming_latch_no_stop() -> None:
    """Start-up under load: a stale stream before arming is reported, blocks the arming while active, and
    leaves the bridge disarmed rather than in ESTOP or a latched stop."""
    core = _core()
    t = _feed(core, 0.0, 0.5, status={})
    result = core.tick(t + 0.5)  # a 0.5 s gap: stale_state
    assert FaultKind.STALE_STATE in {f.kind for f in result.faults} and result.mode == Mode.SAFE_STOP
    assert result.command is None and [tr.cause for tr in core.supervisor.log] == ["startup"]
    t = _feed(core, t + 0.5, 1.0, status={})
    assert core.rearm(t, [])[0]
