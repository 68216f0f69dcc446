"""The gate's ``lead`` flag (``GateResult.changed``, the tick log's ``changed``) means the arm is held back.

The lead bound clips a far target at every tick of a move, but in free motion the step clamp (or the jerk-limited
filter's own motion) is the tighter limit and the bound changes nothing: flagged then, ``lead`` showed on 115 of
446 ticks of a free pick-and-place at the default gate and 1456 of 1506 at scale 0.1 (REV session 7, G5), where
nothing held the arm. Now it shows only where the bound set the command: with the step clamp, when the command
differs from what the clamp alone would send; with the filter (which plans to rest on the bounded target), when
the command has closed to within one step of the bound.
"""

from __future__ import annotations

import numpy as np
import pytest

from robot.params import BridgeParams
from robot.safety import CommandGate
from sim.robots import get_robot

PROFILES = [("panda", "generic"), ("fr3", "franka")]


def _gate(robot: str, profile: str) -> CommandGate:
    params = BridgeParams(robot=robot, profile=profile, arm_on_start=profile == "generic")
    return CommandGate(get_robot(params.sim_model), params.gate_config())


@pytest.mark.parametrize(("robot", "profile"), PROFILES)
def test_an_arm_following_at_the_gates_velocity_is_never_flagged_as_held(robot: str, profile: str) -> None:
    """The arm reads where the command was ``lead_time`` ago: every joint moves at the gate's full velocity toward a
    far target, whose clip by the bound changes no command."""
    gate = _gate(robot, profile)
    config = gate.config
    home = np.array(gate.robot.home)
    far = home + np.where(gate.upper - home > home - gate.lower, 1.0, -1.0) * 0.8
    gate.reset(home, 0.04)
    trail = round(config.lead_time / config.control_period)
    sent, clipped = [home] * (trail + 1), 0
    for _ in range(120):
        measured = sent[-1 - trail]
        clipped += bool((np.abs(far - measured) > gate.max_lead).any())
        res = gate.apply(far, 0.04, measured=measured)
        assert "lead" not in res.changed, (len(sent), res.changed)
        sent.append(res.arm)
    assert clipped > 60  # the bound clipped the target at most ticks of the move: the old flag showed on each


@pytest.mark.parametrize(("robot", "profile"), PROFILES)
def test_a_held_arm_is_flagged_once_the_bound_holds_its_command(robot: str, profile: str) -> None:
    """The arm held at home, the target 1 rad away: no flag while the command still moves out at the gate's pace,
    the flag on every tick the bound holds it (with the step clamp: a step short of a full one; with the filter: its
    command within a step of the bound, where it comes to rest), and the command then at the bound."""
    gate = _gate(robot, profile)
    home = np.array(gate.robot.home)
    gate.reset(home, 0.04)
    flags, held, prev = [], [], home
    for _ in range(100):
        velocity = None if gate.filter is None else gate.filter.velocity.copy()
        res = gate.apply(home + 1.0, 0.04, measured=home)
        flags.append("lead" in res.changed)
        if velocity is None:
            held.append(bool((res.arm - prev < gate.max_step - 1e-9).any()))
        else:  # a held joint's bound: rest_lead
            bound = np.where(gate.held, gate.rest_lead, gate.max_lead)
            held.append(bool((res.arm - home >= bound - gate.max_step).any()))
        prev = res.arm
    assert flags == held
    assert not flags[0] and all(flags[-20:])
    parked = gate.max_lead if gate.filter is None else gate.rest_lead  # the filter parks a held joint at rest_lead
    np.testing.assert_allclose(np.abs(prev - home), parked, rtol=1e-9)


def test_a_bound_that_trims_the_step_by_a_tenth_of_a_millimetre_radian_is_flagged() -> None:
    """The flag's tolerance (1e-9 rad) only absorbs rounding: a hold that cuts 1e-4 rad off a full step is flagged,
    and the same setup with the bound just past the step is not (REV session 8, G11)."""
    for trim, flagged in ((1e-4, True), (-1e-4, False)):
        gate = _gate("panda", "generic")
        home = np.array(gate.robot.home)
        gate.reset(home, 0.04)
        # The bound ends ``trim`` short of where the step clamp alone would send the command.
        measured = home + gate.max_step - trim - gate.max_lead
        res = gate.apply(home + 1.0, 0.04, measured=measured)
        assert ("lead" in res.changed) is flagged, (trim, res.changed)
        expected = home + np.minimum(gate.max_step, gate.max_step - trim)
        np.testing.assert_allclose(res.arm, expected, rtol=0, atol=1e-12)
