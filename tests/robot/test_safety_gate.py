"""CommandGate: finiteness, position limits, step bound and lead, from the robots' own constants."""

from __future__ import annotations

import math

import numpy as np
import pytest

from robot.errors import ParameterError
from robot.safety import CommandGate, GateConfig, GateNotReadyError
from sim.robots import PANDA, UR5E


@pytest.mark.parametrize("robot", [PANDA, UR5E], ids=lambda r: r.name)
def test_gate_bounds_every_command(robot) -> None:  # type: ignore[no-untyped-def]
    gate = CommandGate(robot, GateConfig(control_period=0.01))
    home = np.array(robot.home)
    gate.reset(home, robot.gripper_open)
    far = home + 1.0
    res = gate.apply(far, robot.gripper_closed, measured=home)
    assert "max_step" in res.changed and "gripper_limit" in res.changed
    np.testing.assert_allclose(np.abs(res.arm - home), gate.max_step)
    assert res.gripper == pytest.approx(robot.gripper_open - robot.gripper_velocity * 0.01)
    assert gate.within_envelope(home, res.arm)
    # Unchanged when inside every limit.
    small = res.arm + 0.1 * gate.max_step
    again = gate.apply(small, res.gripper, measured=res.arm)
    assert again.changed == () and np.array_equal(again.arm, small)


def test_a_stop_without_the_jerk_filter_repeats_the_previous_command() -> None:
    gate = CommandGate(PANDA, GateConfig(control_period=0.01))
    home = np.array(PANDA.home)
    gate.reset(home, 0.04)
    moved = gate.apply(home + 1.0, 0.0, measured=home)
    stopped = gate.stop(math.nan)
    np.testing.assert_array_equal(stopped.arm, moved.arm)
    assert stopped.gripper == moved.gripper and stopped.changed == ("gripper_nonfinite",)
    assert stopped.velocity is None and gate.filter is None


def test_nonfinite_and_out_of_limit_targets() -> None:
    gate = CommandGate(PANDA, GateConfig(control_period=0.01, position_margin=0.02))
    q = np.array(PANDA.upper) - 0.021
    gate.reset(q, 0.04)
    bad = q.copy()
    bad[0] = math.nan
    bad[1] = 10.0
    res = gate.apply(bad, math.inf)
    assert {"nonfinite", "position_limit", "gripper_nonfinite"} <= set(res.changed)
    assert np.isfinite(res.arm).all() and res.arm[0] == q[0]
    assert res.arm[1] == pytest.approx(PANDA.upper[1] - 0.02)
    assert res.gripper == 0.04


def test_lead_keeps_commands_near_the_measured_state() -> None:
    gate = CommandGate(PANDA, GateConfig(control_period=0.5, max_lead=0.1, velocity_scale=1.0))
    home = np.array(PANDA.home)
    gate.reset(home, 0.04)
    res = gate.apply(home + 0.5, 0.04, measured=home)
    assert "lead" in res.changed
    np.testing.assert_allclose(res.arm, home + 0.1)


def test_gate_refuses_before_reset_and_bad_config() -> None:
    gate = CommandGate(PANDA, GateConfig())
    with pytest.raises(GateNotReadyError, match="reset"):
        gate.apply(np.array(PANDA.home), 0.0)
    with pytest.raises(GateNotReadyError, match="finite"):
        gate.reset(np.full(7, math.nan), 0.0)
    with pytest.raises(GateNotReadyError, match="nothing to stop from"):
        gate.stop(0.0)
    with pytest.raises(ParameterError, match="velocity_scale"):
        GateConfig(velocity_scale=2.0)
