"""The held-joint rule of the franka gate: where free motion ends (an arm trailing by one period and the lead time) and
the hysteresis share, as literals rather than the module's constants (REV s9 G1, G2)."""

from __future__ import annotations

import numpy as np

from robot.params import BridgeParams
from robot.safety import CommandGate
from sim.robots import get_robot

JOINT = 5


def _franka_gate() -> CommandGate:
    params = BridgeParams(robot="fr3", profile="franka", arm_on_start=False)
    return CommandGate(get_robot(params.sim_model), params.gate_config())


def test_an_arm_trailing_by_one_period_and_the_lead_time_never_counts_as_held() -> None:
    """G1: the free-motion boundary. The arm reads each command (period + lead_time) late, 4 ticks at the defaults:
    every joint cruises at the gate's velocity and none is held."""
    gate = _franka_gate()
    trail = round((gate.config.control_period + gate.config.lead_time) / gate.config.control_period)
    assert trail == 4
    home = np.array(gate.robot.home)
    far = home + np.where(gate.upper - home > home - gate.lower, 1.0, -1.0) * 0.8
    gate.reset(home, 0.04)
    sent = [home] * (trail + 1)
    for _ in range(120):
        sent.append(gate.apply(far, 0.04, measured=sent[-1 - trail]).arm)
        assert not gate.held.any()
    assert np.abs(np.diff(np.array(sent), axis=0)).max() / gate.config.control_period > 0.99 * gate.velocity_limit.max()


def test_a_parked_joint_is_freed_at_half_its_rest_lead() -> None:
    """G2: the hysteresis share as a literal 0.5."""
    gate = _franka_gate()
    home = np.array(gate.robot.home)
    far = home + np.where(gate.upper - home > home - gate.lower, 1.0, -1.0) * 0.8
    gate.reset(home, 0.04)
    sent = [home] * 4
    stuck = None
    for k in range(100):  # the arm trails 3 ticks; JOINT sticks after 40 ticks and its command parks
        measured = sent[-4].copy()
        if k >= 40:
            stuck = measured[JOINT] if stuck is None else stuck
            measured[JOINT] = stuck
        sent.append(gate.apply(far, 0.04, measured=measured).arm)
    assert gate.held[JOINT]
    rest = gate.rest_lead[JOINT]
    sign = np.sign(sent[-1][JOINT] - stuck)
    for share, still_held in ((0.9, True), (0.6, True), (0.51, True), (0.49, False)):
        measured[JOINT] = gate.prev[JOINT] - sign * share * rest  # type: ignore[index]
        gate.apply(far, 0.04, measured=measured)
        assert bool(gate.held[JOINT]) is still_held, share
