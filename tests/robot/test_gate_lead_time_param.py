"""``gate_lead_time``: the bridge parameter for how far the arm trails a command moving at the gate's velocity.

It sets ``GateConfig.lead_time``, so each joint's lead bound is the gate's velocity times one control period and
it. An arm that trails by more than it is held back in free motion (slowed, flagged ``lead``); raised to the arm's
trail, the same arm moves at the gate's velocity unflagged. Validated at start-up like every bridge parameter, and
set in each robot's params file.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import yaml

from robot.errors import ParameterError
from robot.params import BridgeParams
from robot.safety import CommandGate, GateConfig
from robot.safety.command_gate import MAX_LEAD_TIME
from sim.robots import get_robot

CONFIG = Path(__file__).resolve().parents[2] / "launch" / "config"


@pytest.mark.parametrize("robot", ["panda", "ur5e", "fr3"])
def test_each_params_file_sets_the_gates_default_lead_time(robot: str) -> None:
    bridge = yaml.safe_load((CONFIG / f"{robot}.yaml").read_text())["armstack_bridge"]["ros__parameters"]
    assert bridge["gate_lead_time"] == GateConfig.lead_time == BridgeParams().gate_lead_time


@pytest.mark.parametrize("bad", [-0.01, 0.6, float("nan"), True, "0.03"])
def test_a_lead_time_out_of_range_or_not_a_number_is_refused_by_name(bad: object) -> None:
    with pytest.raises(ParameterError, match=r"gate_lead_time must be a number in \[0\.0, 0\.5\]"):
        BridgeParams(gate_lead_time=bad)  # type: ignore[arg-type]


def test_the_gate_and_the_bridge_take_one_range_of_lead_times() -> None:
    """One limit for both (REV session 8, G10: the gate took 1.0 s where the bridge took 0.5)."""
    GateConfig(lead_time=MAX_LEAD_TIME)
    with pytest.raises(ParameterError, match="lead_time"):
        GateConfig(lead_time=MAX_LEAD_TIME + 0.01)


def _trailing(lead_time: float, trail_ticks: int) -> tuple[float, int]:
    """The Panda's gate with ``gate_lead_time``, the arm reading where the command was ``trail_ticks`` ago, a far
    target: the slowest joint's mean speed once under way as a share of its gate velocity, and the ticks flagged
    ``lead``."""
    params = BridgeParams(gate_lead_time=lead_time)
    gate = CommandGate(get_robot(params.sim_model), params.gate_config())
    np.testing.assert_allclose(  # the bound the parameter sets (the default Panda bounds sit under max_lead)
        gate.max_lead, np.minimum(params.gate_max_lead, gate.velocity_limit * (params.control_period + lead_time)))
    home = np.array(gate.robot.home)
    far = home + np.where(gate.upper - home > home - gate.lower, 1.0, -1.0) * 0.8
    gate.reset(home, 0.04)
    sent, flagged = [home] * (trail_ticks + 1), 0
    for _ in range(30 + trail_ticks):
        res = gate.apply(far, 0.04, measured=sent[-1 - trail_ticks])
        flagged += "lead" in res.changed
        sent.append(res.arm)
    start, end = trail_ticks + 10, trail_ticks + 30  # under way, short of the target and the joint limits
    speed = np.abs(sent[end] - sent[start]) / ((end - start) * params.control_period)
    return float((speed / gate.velocity_limit).min()), flagged


def test_an_arm_trailing_by_more_is_held_back_until_the_lead_time_is_raised_to_its_trail() -> None:
    share, flagged = _trailing(GateConfig.lead_time, trail_ticks=5)  # trails by 0.05 s against the default 0.03
    assert share < 0.8 and flagged > 5, (share, flagged)  # stop-and-go at 0.6 of it
    share, flagged = _trailing(0.05, trail_ticks=5)
    assert share == pytest.approx(1.0, rel=1e-6) and flagged == 0, (share, flagged)
