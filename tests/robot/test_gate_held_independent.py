"""A held joint and the joints still moving do not pace each other (REV s9 G3), and a held joint's bound is
``rest_lead`` (no stopping room).

The filter used to plan a held joint with ruckig's per-DoF ``Synchronization.No`` inside the one plan of all joints:
ruckig still gives that trajectory the longest DoF's duration and stretches the synchronised joints to it, so a
stall on the Panda's joint 6 moved the other joints' commands by up to 0.075 rad and their arrival from tick 74-100
to 105. Now the held joint has a plan of its own and the others one without it: their commands are those of the run
without the stall, bit for bit. The held bound once added the stopping distance from the held command's velocity:
on the stall it changed no command by more than 5e-16 rad, and behind a slowed arm it made the command surge.
"""

from __future__ import annotations

import numpy as np
from test_gate_held_joint import JOINT, STALL, _franka_gate, assert_streams_as_commanded

from robot.safety import CommandGate
from robot.safety.jerk_filter import JerkLimitedFilter
from robot.safety.motion_limits import MotionLimits, limit_violations
from robot.vendor_profiles import FRANKA

FREE = [j for j in range(7) if j != JOINT]
TRAIL = 3  # ticks the arm reads behind the command


def _run(gate: CommandGate, ticks: int, arm: str = "free", *, share: float = 0.0, seed: int = 0,
         ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Commands toward a far target, the arm reading them ``TRAIL`` ticks late; from ``STALL`` on, joint ``JOINT``
    reads ``arm``: free (as the others), stuck, stuck with noise once held, or slowed to ``share`` of the gate's
    velocity. Returns the commands, readings and held states, one row per tick."""
    home = np.array(gate.robot.home)
    far = home + np.where(gate.upper - home > home - gate.lower, 1.0, -1.0) * 0.8
    gate.reset(home, 0.04)
    rng = np.random.default_rng(seed)
    sent, readings, held = [home] * (TRAIL + 1), [], []
    pinned: float | None = None
    for k in range(ticks):
        measured = sent[-1 - TRAIL].copy()
        if k >= STALL and arm != "free":
            step = np.sign(far[JOINT] - home[JOINT]) * share * gate.velocity_limit[JOINT] * gate.config.control_period
            pinned = measured[JOINT] if pinned is None else pinned + step
            # The noise starts once the joint is held (two ticks after the stall): before, it is one of the joints
            # planned together, and its reading may move them.
            measured[JOINT] = pinned + (rng.uniform(-5e-4, 5e-4) if arm == "noisy" and k >= STALL + 5 else 0.0)
        sent.append(gate.apply(far, 0.04, measured=measured).arm)
        readings.append(measured)
        held.append(gate.held.copy())
    return np.array(sent[TRAIL + 1:]), np.array(readings), np.array(held)


def test_the_other_joints_commands_are_bit_identical_with_and_without_a_stuck_joint() -> None:
    free, _, held_free = _run(_franka_gate(), 200)
    stuck, _, held_stuck = _run(_franka_gate(), 200, "stuck")
    assert not held_free.any() and held_stuck[STALL + 5:, JOINT].all()
    assert np.abs(stuck[:, JOINT] - free[:, JOINT]).max() > 0.3  # the stuck joint's own commands part ways
    np.testing.assert_array_equal(stuck[:, FREE], free[:, FREE])  # before: up to 0.075 rad apart, arrival 105


def test_the_other_joints_commands_do_not_depend_on_what_the_held_joint_does() -> None:
    stuck, _, held = _run(_franka_gate(), 160, "stuck")
    noisy, _, noisy_held = _run(_franka_gate(), 160, "noisy", seed=3)
    assert held[STALL + 5:, JOINT].all() and noisy_held[STALL + 5:, JOINT].all()
    assert np.abs(noisy[:, JOINT] - stuck[:, JOINT]).max() > 1e-4  # its plan changes every tick with the noise
    np.testing.assert_array_equal(noisy[:, FREE], stuck[:, FREE])


def test_the_filter_plans_joints_alone_as_filters_of_their_own_would() -> None:
    """``step(target, alone)``: the joints not alone move as a filter of just those joints; each alone joint as a
    filter of its own; a target that changes for one group never replans the other."""
    gate = _franka_gate()
    limits, lower, upper, period = gate.filter.limits, gate.lower, gate.upper, gate.config.control_period  # type: ignore[union-attr]

    def sub(idx: list[int]) -> JerkLimitedFilter:
        part = MotionLimits(**{name: tuple(np.array(getattr(limits, name))[idx].tolist())
                               for name in ("max_velocity", "max_acceleration", "max_jerk")})
        return JerkLimitedFilter(part, period=period, lower=lower[idx], upper=upper[idx])

    home = np.array(gate.robot.home)
    whole, together, alone = JerkLimitedFilter(limits, period=period, lower=lower, upper=upper), sub(FREE), sub([JOINT])
    for f, idx in ((whole, list(range(7))), (together, FREE), (alone, [JOINT])):
        f.reset(home[idx])
    mask = np.arange(7) == JOINT
    far = np.clip(home + np.where(upper - home > home - lower, 0.6, -0.6), lower, upper)
    far[JOINT] = np.clip(home[JOINT] - 1.5 * np.sign(far[JOINT] - home[JOINT]), lower[JOINT], upper[JOINT])
    for k in range(150):
        target = far.copy()
        target[JOINT] += 0.02 * np.sin(k / 7)  # the held joint's target moves every tick; the others' stands
        out = whole.step(target, alone=mask)
        np.testing.assert_array_equal(out[FREE], together.step(target[FREE]))
        np.testing.assert_array_equal(out[[JOINT]], alone.step(target[[JOINT]]))


def test_a_held_joint_follows_a_slowed_arm_at_its_pace_within_rest_lead() -> None:
    """A joint slowed to a fifth of the gate's velocity counts as held and its command follows it steadily, never
    more than ``rest_lead`` ahead. With the stopping room in the held bound its command surged (0.003-0.58 rad/s
    behind an arm at 0.26 rad/s) and led by up to 0.068 rad against rest_lead 0.052."""
    gate = _franka_gate()
    sent, readings, held = _run(gate, STALL + 100, "slowed", share=0.2)
    window = slice(STALL + 40, STALL + 100)
    assert held[STALL + 5:, JOINT].all()
    lead = np.abs(sent[window, JOINT] - readings[window, JOINT])
    assert lead.max() <= gate.rest_lead[JOINT] + 1e-12, lead.max()
    speed = np.abs(np.diff(sent[window, JOINT])) / gate.config.control_period
    np.testing.assert_allclose(speed, 0.2 * gate.velocity_limit[JOINT], rtol=0.1)
    from_rest = np.concatenate([[gate.robot.home], sent])
    assert limit_violations(from_rest, gate.config.control_period, FRANKA, at_rest_before=True).samples == 0


def test_motions_that_carry_one_groups_plan_on_still_stream_as_the_commanded_motion() -> None:
    """A plan that keeps the other group's trajectory in force (begun ticks before) has that trajectory's knots
    too: a controller's quintic through the knots is the commanded motion (robot.trajectory_stream)."""
    carried = 0
    for ticks in range(STALL + 20, STALL + 70, 4):
        gate = _franka_gate()
        _run(gate, ticks, "noisy", seed=ticks)
        filt = gate.filter
        assert filt is not None and filt._motion is not None
        carried += any(p.offset > 0 and p.traj is not None and p.duration > 0 for p in filt._motion.parts)
        assert_streams_as_commanded(filt, seed=ticks)
    assert carried >= 3  # the case this test is about did occur
