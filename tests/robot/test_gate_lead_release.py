"""The command gate's lead bound, tick by tick: a joint the arm is held back on (a fingertip contact, a stuck joint)
lets the command lead its measurement by no more than the gate moves it in one control period and the arm's tracking
lag, so the position servo's snap once it lets go stays well below the monitored velocity limit.

Before, one scalar bound (0.15 rad) let the lead grow to 0.1-0.15 rad and its release close at 2.8-2.9 rad/s on the
Panda's joint 6 (monitored limit 1.1 x 2.61 = 2.87): a velocity_limit SAFE_STOP (the learned push through the bridge,
REV/L1 session 6). The simulated arm (``Loop``: real MuJoCo physics, its servo gains) stands in for the contact with
its ``stuck`` drill: the joint holds where it was, then follows its commands again.
"""

from __future__ import annotations

import numpy as np
import pytest
from test_bridge_core import Loop

from robot.params import BridgeParams
from robot.safety import CommandGate, FaultKind, GateConfig, Mode
from robot.safety.command_gate import stop_distance
from sim.robots import PANDA, UR5E, get_robot


@pytest.mark.parametrize(("robot", "profile"), [("panda", "generic"), ("ur5e", "ur"), ("fr3", "franka")])
def test_a_held_joints_command_leads_it_by_one_period_and_the_tracking_lag_at_the_gates_velocity(
        robot: str, profile: str) -> None:
    params = BridgeParams(robot=robot, profile=profile, arm_on_start=profile == "generic")
    config = params.gate_config()
    gate = CommandGate(get_robot(params.sim_model), config)
    home = np.array(gate.robot.home)
    bound = gate.velocity_limit * (config.control_period + config.lead_time)
    if config.jerk_limited:  # it plans to rest on its target: room to stop from the gate's velocity, too
        bound += stop_distance(gate.velocity_limit, np.array(config.max_acceleration), np.array(config.max_jerk))
        assert (bound < config.max_lead).all()
    np.testing.assert_array_equal(gate.max_lead, np.minimum(config.max_lead, np.maximum(bound, config.min_lead)))
    assert (gate.max_lead > 2 * gate.max_step).all()  # room for a command moving at the gate's velocity
    gate.reset(home, 0.04)
    leads = []
    for sign in (1.0, -1.0):  # the arm held at home; the target 1 rad away on every joint, one way then the other
        for _ in range(100):
            res = gate.apply(home + sign, 0.04, measured=home)
            leads.append(np.abs(res.arm - home))
    leads_arr = np.array(leads)
    assert (leads_arr <= gate.max_lead + 1e-12).all()
    # With the filter a held joint's command parks at rest_lead (one period and the lag), not at the cruising bound.
    parked = gate.rest_lead if config.jerk_limited else gate.max_lead
    np.testing.assert_allclose(gate.rest_lead, np.minimum(config.max_lead,
                                                          np.maximum(gate.velocity_limit * (config.control_period
                                                                                            + config.lead_time),
                                                                     config.min_lead)))
    assert (leads_arr.max(axis=0) > 0.99 * parked).all()  # the bound is reached, not some other limit
    np.testing.assert_allclose(leads_arr[-1], parked, rtol=1e-9)


@pytest.mark.parametrize(("robot", "profile"), [("panda", "generic"), ("fr3", "franka")])
def test_an_arm_trailing_its_command_by_the_tracking_lag_still_moves_at_the_gates_velocity(
        robot: str, profile: str) -> None:
    """The bound takes nothing from free motion: an arm that reads where the command was ``lead_time`` ago moves
    every joint at the gate's full velocity toward a far target (the jerk-limited filter: within its rounding)."""
    params = BridgeParams(robot=robot, profile=profile, arm_on_start=profile == "generic")
    config = params.gate_config()
    gate = CommandGate(get_robot(params.sim_model), config)
    home = np.array(gate.robot.home)
    far = home + np.where(gate.upper - home > home - gate.lower, 1.0, -1.0) * 0.8
    gate.reset(home, 0.04)
    trail = round(config.lead_time / config.control_period)
    sent = [home] * (trail + 1)
    for _ in range(120):
        sent.append(gate.apply(far, 0.04, measured=sent[-1 - trail]).arm)
    speed = np.abs(np.diff(sent, axis=0)).max(axis=0) / config.control_period
    np.testing.assert_allclose(speed, gate.velocity_limit, rtol=1e-5)


def test_the_panda_bound_is_a_twentieth_of_a_radian_at_the_default_gate() -> None:
    for spec in (PANDA, UR5E):
        gate = CommandGate(spec, GateConfig())
        assert (gate.max_lead < 0.07).all() and (gate.max_lead > 0.04).all(), (spec.name, gate.max_lead)
    # A slower gate leads less: the snap it bounds stays at the gate's own velocity.
    slow = CommandGate(PANDA, GateConfig(velocity_scale=0.25))
    np.testing.assert_allclose(slow.max_lead, 0.5 * CommandGate(PANDA, GateConfig()).max_lead)


@pytest.mark.slow
def test_a_stuck_joint_let_go_closes_its_lead_below_the_monitored_velocity_limit() -> None:
    """Panda joint 6 stuck for 0.14 s while the bridge's expert moves it, then let go: no velocity_limit stop, the
    command led the held joint by at most the gate's bound (0.052 rad), and the snap stays below 0.75 of the monitored
    limit (1.9 rad/s; with the 0.15 rad bound: a 0.096 rad lead, 2.76 rad/s measured, SAFE_STOP velocity_limit)."""
    joint = 5
    loop = Loop("panda", seed=1)
    try:
        loop.run(0.6)
        loop.core.on_instruction("put the red cube in the bin", loop.t)
        loop.run(0.3)
        loop.inject({"fault": "stuck", "joint": joint})
        leads, clamped = [], False
        for _ in range(14):
            res = loop.step()
            cmd, measured = res.record["cmd"], res.record["measured"]
            leads.append(abs(cmd[joint] - measured[joint]))
            clamped |= "lead" in res.record["changed"]
        loop.clear()
        speeds = []
        for _ in range(60):
            res = loop.step()
            trusted = loop.core.monitor.trusted
            assert trusted is not None
            speeds.append(abs(trusted.velocity[joint]))
        faults = {f.kind for r in loop.results for f in r.faults}
        assert FaultKind.VELOCITY_LIMIT not in faults and loop.core.supervisor.mode == Mode.NOMINAL, faults
        gate = loop.core.gate
        assert clamped and max(leads) <= gate.max_lead[joint] + 1e-9, (max(leads), gate.max_lead[joint])
        monitored = PANDA.velocity_limits[joint] * loop.core.monitor.config.velocity_factor
        assert max(speeds) < 0.75 * monitored, (max(speeds), monitored)
    finally:
        loop.core.close()


@pytest.mark.parametrize("scale", [0.001, 0.1, 0.2, 0.5, 1.0])
def test_a_slow_gate_still_lets_a_held_joint_exceed_the_tracking_tolerance(scale: float) -> None:
    """The lead bound scales with the gate's velocity, but never below twice the monitor's tracking tolerance:
    at ``gate_velocity_scale`` 0.2 the Panda's bound would be 0.017 rad, under the 0.02 rad tolerance, and a stuck
    joint would never become a tracking error (REV session 7, G1)."""
    for robot, profile in (("panda", "generic"), ("ur5e", "ur"), ("fr3", "franka")):
        params = BridgeParams(robot=robot, profile=profile, arm_on_start=profile == "generic",
                              gate_velocity_scale=scale)
        config = params.gate_config()
        assert config.min_lead == min(params.gate_max_lead, 2 * params.tracking_tol)
        gate = CommandGate(get_robot(params.sim_model), config)
        assert (gate.max_lead >= min(config.max_lead, 2 * params.tracking_tol) - 1e-12).all(), (robot, gate.max_lead)
        assert (gate.max_lead > params.tracking_tol).all()


@pytest.mark.parametrize("joint", [0, 1])
def test_a_stuck_joint_at_a_slow_gate_is_a_tracking_error_stop(joint: int) -> None:
    """Panda at ``gate_velocity_scale`` 0.2 (commissioning speed), the bridge's expert moving: a stuck joint stops
    the arm on a tracking error (0.24 s and 0.84 s with the floor; without it NOMINAL for 6 s, no fault)."""
    loop = Loop(seed=3, gate_velocity_scale=0.2)
    try:
        loop.run(0.6)
        loop.core.on_instruction(loop.arm.goal["instruction"], loop.t)
        loop.run(0.3)
        loop.inject({"fault": "stuck", "joint": joint})
        res = loop.until(lambda r: r.mode != Mode.NOMINAL, 3.0)
        assert res is not None, "a stuck joint at a slow gate was never stopped"
        assert res.mode == Mode.SAFE_STOP and FaultKind.TRACKING_ERROR in {f.kind for f in res.faults}, res
    finally:
        loop.core.close()
