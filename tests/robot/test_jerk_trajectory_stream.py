"""The streamed JointTrajectory points for the jerk-limited gate, judged as JointTrajectoryController executes
them at 1 kHz (robot.drivers.jtc_interpolation): the filter's lookahead and knots reproduce its commands exactly,
the controller's commands keep franka's limits, and a positions-only point per command does not."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from test_jerk_filter import HOME, franka_gate

from robot.drivers.jtc_interpolation import Delivery, TrajPointState, controller_commands, interpolate
from robot.errors import ParameterError
from robot.safety import CommandGate
from robot.safety.motion_limits import limit_violations
from robot.trajectory_stream import StreamConfig, stream_points
from robot.vendor_profiles import FRANKA

P = 0.01
CONFIG = StreamConfig.for_period(P)
FAR = HOME + np.array([0.5, -0.4, 0.3, 0.3, 0.6, -0.5, 0.9])


def _drive(gate: CommandGate, plan: list[tuple[str, np.ndarray | None]]) -> list[tuple[np.ndarray, tuple[TrajPointState,
                                                                                                      ...]]]:
    gate.reset(HOME, 0.04)
    out = []
    for _kind, target in plan:
        res = gate.stop(0.04) if target is None else gate.apply(target, 0.04)
        out.append((res.arm, stream_points(res.arm, gate.filter, CONFIG)))
    return out


def _plan() -> list[tuple[str, np.ndarray | None]]:
    """Far target, a change of mind mid-way, a stop from speed, then a new target to rest."""
    return ([("apply", FAR)] * 25 + [("apply", HOME - 0.2)] * 15 + [("stop", None)] * 20
            + [("apply", HOME + 0.1)] * 60)


def test_knots_and_lookahead_reproduce_the_commanded_motion_exactly() -> None:
    gate = franka_gate(P)
    sent = _drive(gate, _plan()[:30])
    filt = gate.filter
    assert filt is not None
    pos, vel, _acc = filt.lookahead([0.0, -P, -2 * P])
    assert np.allclose(pos[0], filt.position, atol=1e-12) and np.allclose(pos[1], sent[-2][0], atol=1e-12)
    assert np.allclose(pos[2], sent[-3][0], atol=1e-12) and np.allclose(vel[0], filt.velocity, atol=1e-9)
    knots = filt.knots(back=0.015)
    assert (np.diff(knots) > 0).all() and knots[0] >= -0.015
    end, end_v, _end_a = filt.lookahead([knots[-1], knots[-1] + 1.0])
    assert np.allclose(end[0], filt.heading) and np.array_equal(end[1], filt.heading) and not end_v[1].any()
    # Between knots every joint is one cubic: the controller's quintic through them is the motion itself.
    times = np.concatenate([[-0.015], knots])
    p, v, a = filt.lookahead(times)
    pts = [TrajPointState(positions=p[i], velocities=v[i], accelerations=a[i]) for i in range(len(times))]
    probe = np.random.default_rng(0).uniform(times[0], times[-1], 300)
    exact = filt.lookahead(probe)[0]
    for t, want in zip(probe, exact, strict=True):
        i = int(np.searchsorted(times, t, side="right")) - 1
        got = interpolate(times[i], pts[i], times[i + 1], pts[i + 1], t).positions
        assert np.abs(got - want).max() < 1e-9


def test_the_message_starts_where_the_arm_should_be_and_ends_at_rest() -> None:
    gate = franka_gate(P)
    arm, points = _drive(gate, _plan()[:30])[-1]
    times = [p.time_from_start for p in points]
    assert times[0] == 0.0 and all(b > a for a, b in itertools.pairwise(times))
    assert all(t == round(t * 1e9) / 1e9 for t in times)  # whole nanoseconds, as a Duration carries them
    command = [p for p in points if p.time_from_start == CONFIG.horizon]
    assert len(command) == 1 and np.array_equal(command[0].positions, arm)
    assert CONFIG.horizon >= 1.5 * P
    last = points[-1]
    assert last.velocities is not None and last.accelerations is not None
    assert not last.velocities.any() and not last.accelerations.any()  # JTC refuses a non-zero final velocity
    assert gate.filter is not None and np.array_equal(last.positions, gate.filter.heading)  # after a change of mind
    assert all(p.velocities is not None and p.accelerations is not None for p in points)


def test_without_the_filter_the_message_is_one_positions_only_point() -> None:
    arm = HOME + 0.01
    (point,) = stream_points(arm, None, CONFIG)
    assert point.time_from_start == pytest.approx(0.015) and point.velocities is None and point.accelerations is None
    assert np.array_equal(point.positions, arm)


def test_stream_config_refuses_a_horizon_within_one_period_and_unknown_lookaheads() -> None:
    with pytest.raises(ParameterError, match="exceed one period"):
        StreamConfig(period=P, horizon=P)
    with pytest.raises(ParameterError, match="valid: knots, none"):
        StreamConfig(period=P, horizon=0.015, lookahead="grid")


def _controller(messages: list[tuple[TrajPointState, ...]]) -> np.ndarray:
    """JTC (interpolate_from_desired_state) at 1 kHz, each message arriving 0.3 ms after its tick."""
    deliveries = [Delivery(arrival=1.0 + k * P + 0.0003, points=pts) for k, pts in enumerate(messages)]
    return controller_commands(deliveries, start=HOME, rate_hz=1000.0, t0=1.0 - 0.0196,
                               t_end=1.0 + len(messages) * P + 0.5).commands


def test_the_controller_keeps_franka_limits_at_1khz_and_positions_only_points_do_not() -> None:
    gate = franka_gate(P)
    sent = _drive(gate, _plan())
    streamed = _controller([pts for _, pts in sent])
    res = limit_violations(streamed, 0.001, FRANKA, at_rest_before=True)
    assert res.samples == 0, res
    # The 100 Hz commands are the controller's own commands at every tenth cycle, one horizon later.
    first = int(np.argmax(np.abs(streamed - HOME).max(axis=1) > 0))
    ticks = np.array([arm for arm, _ in sent])
    assert np.allclose(streamed[first - 1 + 10 : first - 1 + 10 * len(ticks) : 10][: len(ticks) - 2],
                       ticks[: len(ticks) - 2], atol=1e-9)
    assert np.allclose(streamed[-1], HOME + 0.1, atol=1e-9)
    plain = _controller([stream_points(arm, None, CONFIG) for arm, _ in sent])
    assert limit_violations(plain, 0.001, FRANKA, at_rest_before=True).samples > 100


def test_tick_stamps_keep_franka_limits_under_delivery_jitter_and_zero_stamps_do_not() -> None:
    """``trajectory_stamp: tick``: stamped ``back`` before the tick, the plan from there, the rest point held
    ``tail`` longer. Under 1 ms of delivery jitter JTC picks messages up a cycle early or late; a zero-stamped
    stream moves with each such slip, a tick-stamped one is sampled on the controller's clock and does not.
    A message delivered 60 ms late is sampled mid-way, not rejected."""
    back, tail = 0.002, 0.1
    stamped = StreamConfig.for_period(P, back=back, tail=tail)
    gate = franka_gate(P)
    gate.reset(HOME, 0.04)
    plain, tick = [], []
    for _kind, target in _plan():
        res = gate.stop(0.04) if target is None else gate.apply(target, 0.04)
        plain.append(stream_points(res.arm, gate.filter, CONFIG))
        tick.append(stream_points(res.arm, gate.filter, stamped))
    command = [p for p in tick[30] if abs(p.time_from_start - (back + CONFIG.horizon)) < 1e-12]
    assert len(command) == 1 and tick[30][0].time_from_start == 0.0
    assert tick[30][-1].time_from_start == pytest.approx(tick[30][-2].time_from_start + tail)
    assert np.array_equal(tick[30][-1].positions, tick[30][-2].positions)
    rng = np.random.default_rng(3)
    jitter = [0.0003 + float(rng.uniform(0.0, 0.001)) for _ in plain]
    jitter[50] = 0.06  # one message 60 ms late (it arrives after the next ones: the newest arrival wins)

    def run(messages: list[tuple[TrajPointState, ...]], stamps: bool) -> tuple[int, int]:
        deliveries = [Delivery(arrival=1.0 + k * P + jitter[k], points=pts,
                               stamp=1.0 + k * P - back if stamps else 0.0) for k, pts in enumerate(messages)]
        out = controller_commands(deliveries, start=HOME, rate_hz=1000.0, t0=1.0 - 0.0196 + 0.0004,
                                  t_end=1.0 + len(messages) * P + 0.5)
        return limit_violations(out.commands, 0.001, FRANKA, at_rest_before=True).samples, out.rejected

    assert run(tick, True) == (0, 0)
    assert run(plain, False)[0] > 0


def test_stream_config_refuses_back_and_tail_out_of_range() -> None:
    with pytest.raises(ParameterError, match="back must be in"):
        StreamConfig(period=P, horizon=0.015, back=-0.001)
    with pytest.raises(ParameterError, match="tail must be in"):
        StreamConfig(period=P, horizon=0.015, tail=2.0)
