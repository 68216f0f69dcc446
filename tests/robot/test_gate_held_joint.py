"""The jerk-limited gate on a held joint, tick by tick: its command brakes, draws back and parks at ``rest_lead``.

Before, the filter's bound (``rest_lead`` plus the stopping distance from the gate's velocity) was also where a held
joint's command came to rest: on the simulated Panda's joint 6 at franka's limits 0.13 rad ahead of a stuck joint,
closed at 2.8 rad/s once it let go, against 2.87 monitored (a velocity_limit stop after every brief stall). Now a
joint leading by more than ``rest_lead`` counts as held until the arm makes up half of that, and its bound closes to
``rest_lead`` (its own plan brakes at once, at full deceleration). Free motion never counts as held, so its commands
are those of before. tests/robot/test_gate_held_independent.py: the other joints' commands stay those of a run without
the stall, and a held joint follows a slowed arm at its pace.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from robot.drivers.jtc_interpolation import TrajPointState, interpolate
from robot.params import BridgeParams
from robot.safety import CommandGate
from robot.safety.command_gate import RELEASE_SHARE, stop_distance
from robot.safety.jerk_filter import JerkLimitedFilter
from robot.safety.motion_limits import limit_violations
from robot.vendor_profiles import FRANKA
from sim.robots import get_robot

JOINT = 5  # the Panda's joint 6, the one whose release tripped the monitor
STALL = 40  # ticks of free motion first: every joint cruising at the gate's velocity


def _franka_gate() -> CommandGate:
    params = BridgeParams(robot="fr3", profile="franka", arm_on_start=False)
    return CommandGate(get_robot(params.sim_model), params.gate_config())


def _stall(gate: CommandGate, ticks: int) -> tuple[list[np.ndarray], list[np.ndarray], list[np.ndarray]]:
    """The arm reads where the command was ``lead_time`` ago, toward a far target; after ``STALL`` ticks ``JOINT``
    sticks where it is read. Every command, reading and held state, one per tick."""
    home = np.array(gate.robot.home)
    far = home + np.where(gate.upper - home > home - gate.lower, 1.0, -1.0) * 0.8
    gate.reset(home, 0.04)
    trail = round(gate.config.lead_time / gate.config.control_period)
    sent, readings, held = [home] * (trail + 1), [], []
    stuck = None
    for k in range(ticks):
        measured = sent[-1 - trail].copy()
        if k >= STALL:
            stuck = measured[JOINT] if stuck is None else stuck
            measured[JOINT] = stuck
        sent.append(gate.apply(far, 0.04, measured=measured).arm)
        readings.append(measured)
        held.append(gate.held.copy())
    return sent[trail + 1:], readings, held


def test_a_joint_stuck_at_full_speed_brakes_at_once_then_parks_at_rest_lead_and_stays() -> None:
    gate = _franka_gate()
    sent, readings, held = _stall(gate, STALL + 80)
    lead = np.abs(np.array(sent) - np.array(readings))[:, JOINT]
    rest, cruise = gate.rest_lead[JOINT], gate.max_lead[JOINT]
    assert not np.array(held[:STALL]).any()  # free motion at the gate's velocity is never held
    first = STALL + int(np.argmax([h[JOINT] for h in held[STALL:]]))
    assert all(h[JOINT] for h in held[first:]) and lead[first - 1] > rest
    # At the gate's velocity it takes the whole cruising bound to brake (where the old command then stayed); it then
    # draws back to rest_lead without passing it, and parks there within 0.4 s of the stall, still (no cycling).
    assert lead.max() <= cruise + 1e-12 and lead.max() > rest + stop_distance(
        gate.velocity_limit, np.array(gate.config.max_acceleration), np.array(gate.config.max_jerk))[JOINT] / 2
    assert (lead[first:] >= rest - 1e-12).all()
    np.testing.assert_allclose(lead[STALL + 40:], rest, rtol=1e-9)
    assert np.ptp(np.array(sent)[STALL + 40:, JOINT]) < 1e-12
    from_rest = np.array([gate.robot.home, *sent])  # the arm stood at home before the first command
    assert limit_violations(from_rest, gate.config.control_period, FRANKA, at_rest_before=True).samples == 0
    assert all(gate.within_envelope(a, b) for a, b in itertools.pairwise(sent))


def test_a_parked_joint_counts_held_until_the_arm_makes_up_half_its_lead_then_cruises_again() -> None:
    gate = _franka_gate()
    sent, readings, _ = _stall(gate, STALL + 60)
    rest = gate.rest_lead[JOINT]
    measured, target = readings[-1].copy(), np.array(sent[-1]) + np.where(sent[-1] > readings[-1], 0.5, -0.5)
    parked = sent[-1][JOINT]
    sign = np.sign(parked - measured[JOINT])
    # Readings creeping toward the parked command: held while it still leads by RELEASE_SHARE of rest_lead or more.
    for share, still_held in ((0.9, True), (0.6, True), (RELEASE_SHARE + 0.01, True), (RELEASE_SHARE - 0.01, False)):
        measured[JOINT] = gate.prev[JOINT] - sign * share * rest  # type: ignore[index]
        gate.apply(target, 0.04, measured=measured)
        assert bool(gate.held[JOINT]) is still_held, share
    # Free again, the joint reaches the gate's velocity with the arm trailing by lead_time.
    trail = round(gate.config.lead_time / gate.config.control_period)
    out = [gate.prev.copy()] * (trail + 1)  # type: ignore[union-attr]
    for _ in range(40):
        out.append(gate.apply(target, 0.04, measured=out[-1 - trail]).arm)
    speed = np.abs(np.diff(np.array(out)[trail:, JOINT])).max() / gate.config.control_period
    np.testing.assert_allclose(speed, gate.velocity_limit[JOINT], rtol=1e-5)


def test_noise_on_a_parked_joints_reading_never_frees_it_or_moves_it_more_than_the_noise() -> None:
    gate = _franka_gate()
    sent, readings, _ = _stall(gate, STALL + 60)
    rng = np.random.default_rng(7)
    stuck, far = readings[-1].copy(), np.array(sent[-1]) + np.where(sent[-1] > readings[-1], 0.5, -0.5)
    noise = 5e-4  # the simulated arm's stuck joint reads within about this of where it stands
    arms = []
    for _ in range(100):
        measured = stuck + rng.uniform(-noise, noise, stuck.shape)
        arms.append(gate.apply(far, 0.04, measured=measured).arm[JOINT])
        assert gate.held[JOINT]
    lead = np.abs(np.array(arms) - stuck[JOINT])
    assert (np.abs(lead - gate.rest_lead[JOINT]) < 2 * noise).all(), (lead.min(), lead.max())


@pytest.mark.parametrize("reading", ["missing", "nan"])
def test_a_reading_that_is_missing_or_not_finite_leaves_the_held_state_as_it_was(reading: str) -> None:
    gate = _franka_gate()
    sent, _, _ = _stall(gate, STALL + 30)
    before = gate.held.copy()
    assert before[JOINT]
    measured = None if reading == "missing" else np.full(gate.robot.n_arm, np.nan)
    gate.apply(np.array(sent[-1]), 0.04, measured=measured)
    np.testing.assert_array_equal(gate.held, before)
    gate.reset(np.array(sent[-1]), 0.04)  # a re-arm starts from the measured, standing arm: nothing held
    assert not gate.held.any()


@pytest.mark.parametrize(("robot", "profile"), [("panda", "generic"), ("ur5e", "ur")])
def test_the_step_clamped_gate_has_one_bound_and_never_holds(robot: str, profile: str) -> None:
    params = BridgeParams(robot=robot, profile=profile, arm_on_start=profile == "generic")
    gate = CommandGate(get_robot(params.sim_model), params.gate_config())
    np.testing.assert_array_equal(gate.rest_lead, gate.max_lead)
    home = np.array(gate.robot.home)
    gate.reset(home, 0.04)
    for _ in range(50):
        gate.apply(home + 1.0, 0.04, measured=home)
        assert not gate.held.any()


def test_a_plan_ruckig_cannot_synchronise_is_refused_and_the_trajectory_in_force_goes_on() -> None:
    """ruckig 0.19 raised (``RuckigError: error in step 2 ... for t sync``) on a target sequence a lead bound can give:
    joints 5-7 cruising at their velocity limit, joints 1-4 slower toward nearer targets. It crashed the tick; now
    that plan is refused like an error result (``kept``) and every command stays within the limits."""
    gate = _franka_gate()
    config = gate.config
    filt = gate.filter
    assert filt is not None
    home = np.array(gate.robot.home)
    far = home + np.where(gate.upper - home > home - gate.lower, 1.0, -1.0) * 0.8
    gate.reset(home, 0.04)
    sent, kept = [home] * 4, 0
    for _ in range(120):  # a bound of rest_lead plus the stopping distance on every joint, the arm trailing 3 ticks
        room = stop_distance(filt.velocity, np.array(config.max_acceleration), np.array(config.max_jerk))
        ahead = np.minimum(gate.max_lead, gate.rest_lead + np.where(filt.velocity > 0, room, 0.0))
        behind = np.minimum(gate.max_lead, gate.rest_lead + np.where(filt.velocity < 0, room, 0.0))
        sent.append(gate.apply(np.clip(far, sent[-4] - behind, sent[-4] + ahead), 0.04).arm)
        kept += filt.kept
    assert kept >= 1
    assert limit_violations(np.array(sent[3:]), config.control_period, FRANKA, at_rest_before=True).samples == 0


def test_a_held_joints_own_timing_still_streams_as_the_commanded_motion() -> None:
    """With ``command_interface: trajectory`` the controller interpolates samples at the filter's knots: a held joint
    planned on its own time ends before the others, and its end is a knot, so the controller's quintic through the
    knots is still the commanded motion (robot.trajectory_stream, robot.drivers.jtc_interpolation)."""
    for ticks in range(STALL + 4, STALL + 40, 5):
        gate = _franka_gate()
        _stall(gate, ticks)
        filt = gate.filter
        assert filt is not None and gate.held[JOINT]
        assert_streams_as_commanded(filt, seed=ticks)


def assert_streams_as_commanded(filt: JerkLimitedFilter, *, seed: int) -> None:
    """A controller's quintic through samples of the commanded motion at the filter's knots (and 15 ms back) is that
    motion, to 1e-9 rad at 100 random times."""
    times = np.concatenate([[-0.015], filt.knots(back=0.015)])
    p, v, a = filt.lookahead(times)
    points = [TrajPointState(positions=p[i], velocities=v[i], accelerations=a[i]) for i in range(len(times))]
    probe = np.random.default_rng(seed).uniform(times[0], times[-1], 100)
    for t, want in zip(probe, filt.lookahead(probe)[0], strict=True):
        i = int(np.searchsorted(times, t, side="right")) - 1
        got = interpolate(times[i], points[i], times[i + 1], points[i + 1], t).positions
        assert np.abs(got - want).max() < 1e-9, (seed, t)
