"""The jerk-limited command gate (franka): tick by tick, every command keeps the driver's velocity, acceleration
and jerk limits (judged by ``limit_violations`` on the emitted sequence, as libfranka judges it), comes to rest on
a target without overshoot in bounded time, brakes from full speed as fast as the limits allow, and refuses
non-finite targets; generic and UR profiles keep the plain velocity clamp."""

from __future__ import annotations

import math
import sys
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from robot.errors import ParameterError
from robot.params import BridgeParams
from robot.safety import CommandGate, GateConfig
from robot.safety.jerk_filter import CommandFilterUnavailableError, JerkLimitedFilter
from robot.safety.motion_limits import MotionLimits, limit_violations
from robot.vendor_profiles import FRANKA
from sim.robots import PANDA

HOME = np.array(PANDA.home)


def franka_gate(period: float = 0.01, **kwargs: float) -> CommandGate:
    """The gate the bridge builds for the franka profile (at ``period``)."""
    config = GateConfig(control_period=period, max_velocity=FRANKA.max_velocity,
                        max_acceleration=FRANKA.max_acceleration, max_jerk=FRANKA.max_jerk, **kwargs)
    return CommandGate(PANDA, config)


def min_stop_time(v: np.ndarray, a_max: np.ndarray, j_max: np.ndarray) -> float:
    """Shortest time to rest from speed ``v`` at zero acceleration under the acceleration and jerk limits."""
    t = np.where(v >= a_max**2 / j_max, v / a_max + a_max / j_max, 2.0 * np.sqrt(v / j_max))
    return float(t.max())


def assert_within_limits(gate: CommandGate, commands: list[np.ndarray]) -> None:
    x = np.array(commands)
    res = limit_violations(x, gate.config.control_period, gate.config, at_rest_before=True)
    assert res.samples == 0, res
    own = limit_violations(x, gate.config.control_period, MotionLimits(max_velocity=tuple(gate.velocity_limit)),
                           at_rest_before=True)
    assert own.samples == 0, own
    assert (x >= gate.lower - 1e-12).all() and (x <= gate.upper + 1e-12).all()


@pytest.mark.parametrize("period", [0.01, 0.001])
def test_from_rest_a_target_is_reached_monotonically_exactly_and_in_bounded_time(period: float) -> None:
    gate = franka_gate(period)
    gate.reset(HOME, 0.04)
    target = HOME + np.array([0.4, -0.3, 0.0, 0.25, 0.05, -0.2, 0.6])
    sent = [HOME.copy()]
    for _ in range(round(3.0 / period)):
        sent.append(gate.apply(target, 0.04).arm)
    x = np.array(sent)
    assert_within_limits(gate, sent)
    # Monotone toward the target on every joint: no overshoot, no step back.
    steps = np.diff(x, axis=0) * np.sign(target - HOME)
    assert (steps >= -1e-12).all()
    arrived = next(k for k, c in enumerate(sent) if np.array_equal(c, target))
    assert (x[arrived:] == target).all()  # at rest on the target exactly, and stays
    v, a, j = gate.velocity_limit, np.array(FRANKA.max_acceleration), np.array(FRANKA.max_jerk)
    bound = float(np.max(np.abs(target - HOME) / v)) + 2 * (float(np.max(v / a)) + float(np.max(a / j))) + 2 * period
    assert arrived * period <= bound
    assert gate.filter is not None and gate.filter.at_rest


@pytest.mark.parametrize("period", [0.01, 0.001])
def test_a_stop_from_full_speed_brakes_within_the_limits_as_fast_as_they_allow(period: float) -> None:
    gate = franka_gate(period)
    gate.reset(HOME, 0.04)
    # Toward the side with more room, each joint as far as it goes in 1.2 s at its velocity limit: every joint
    # cruises near its own limit (the filter synchronises the joints' arrival, so only the slowest reaches it).
    side = np.where(gate.upper - HOME > HOME - gate.lower, 1.0, -1.0)
    far = HOME + side * gate.velocity_limit * 1.2
    sent = [gate.apply(far, 0.04).arm for _ in range(round(0.4 / period))]
    filt = gate.filter
    assert filt is not None
    full = np.abs(filt.velocity)
    ratio = full / gate.velocity_limit
    assert ratio.max() == pytest.approx(1.0, rel=1e-5) and ratio.min() > 0.95, ratio
    stop: list[np.ndarray] = []
    while not filt.at_rest:
        res = gate.stop(0.04)
        assert "brake" in res.changed
        stop.append(res.arm)
        assert len(stop) < 1000
    assert_within_limits(gate, [HOME, *sent, *stop])
    t_min = min_stop_time(full, np.array(FRANKA.max_acceleration), np.array(FRANKA.max_jerk))
    assert t_min - period <= len(stop) * period <= t_min + 2 * period
    # At rest: later stop ticks repeat the command exactly, whatever the gripper.
    again = gate.stop(0.0)
    np.testing.assert_array_equal(again.arm, stop[-1])


# A request stream: far and near targets, repeated holds, targets beyond the joint limits, non-finite values.
REQUEST = st.one_of(
    st.tuples(st.just("hold"), st.integers(1, 40)),
    st.tuples(st.just("target"), st.lists(st.floats(-3.5, 3.5), min_size=7, max_size=7), st.integers(1, 60)),
    st.tuples(st.just("near"), st.lists(st.floats(-0.05, 0.05), min_size=7, max_size=7), st.integers(1, 10)),
    st.tuples(st.just("bad"), st.sampled_from([math.nan, math.inf, -math.inf]), st.integers(0, 6)),
    st.tuples(st.just("stop"), st.integers(1, 30)),
)


@settings(max_examples=120, deadline=None)
@given(st.lists(REQUEST, min_size=1, max_size=25), st.sampled_from([0.01, 0.004, 0.001]))
def test_any_request_stream_stays_within_every_limit(requests: list, period: float) -> None:  # type: ignore[type-arg]
    gate = franka_gate(period)
    gate.reset(HOME, 0.04)
    filt = gate.filter
    assert filt is not None
    target = HOME.copy()
    sent: list[np.ndarray] = []
    for req in requests:
        if req[0] == "hold":
            ticks = req[1]
        elif req[0] == "target":
            target, ticks = np.array(req[1]), req[2]
        elif req[0] == "near":
            target, ticks = np.clip(filt.position + np.array(req[1]), gate.lower, gate.upper), req[2]
        elif req[0] == "bad":
            bad = target.copy()
            bad[req[2]] = req[1]
            before = filt.heading.copy()
            res = gate.apply(bad, math.nan)
            assert "nonfinite" in res.changed and "gripper_nonfinite" in res.changed and np.isfinite(res.arm).all()
            assert res.gripper == 0.04
            assert filt.heading[req[2]] == pytest.approx(np.clip(before, gate.lower, gate.upper)[req[2]])
            sent.append(res.arm)
            continue
        else:
            for _ in range(req[1]):
                sent.append(gate.stop(0.04).arm)
            continue
        for _ in range(ticks):
            sent.append(gate.apply(target, 0.04).arm)
    assert_within_limits(gate, [HOME, *sent])
    # Resting on a target means resting on the (clipped) request, never beside it.
    if filt.at_rest and not filt.braking and requests[-1][0] in ("hold", "target", "near"):
        np.testing.assert_array_equal(sent[-1], np.clip(target, gate.lower, gate.upper))


def test_lead_toward_the_measured_position_still_keeps_the_limits() -> None:
    """The measured arm trails the command; the lead clamp moves the target every tick."""
    gate = franka_gate(0.01)
    gate.reset(HOME, 0.04)
    measured = HOME.copy()
    sent = [HOME.copy()]
    for k in range(300):
        res = gate.apply(HOME + (1.0 if k < 150 else -0.5), 0.04, measured=measured)
        measured = 0.7 * measured + 0.3 * res.arm  # a lagging arm
        sent.append(res.arm)
    assert_within_limits(gate, sent)
    # Then held where it is: the command closes on the bound, and is flagged held back once it sits there.
    assert any("lead" in gate.apply(HOME + 1.0, 0.04, measured=measured).changed for _ in range(100))


def test_generic_and_ur_profiles_keep_the_plain_velocity_clamp() -> None:
    for robot, profile in (("panda", "generic"), ("ur5e", "ur"), ("fr3", "franka")):
        params = BridgeParams(robot=robot, profile=profile, arm_on_start=profile == "generic")
        config = params.gate_config()
        assert config.jerk_limited == (profile == "franka"), profile
    plain = CommandGate(PANDA, GateConfig(control_period=0.01))
    assert plain.filter is None
    plain.reset(HOME, 0.04)
    res = plain.apply(HOME + 1.0, 0.04)
    np.testing.assert_allclose(res.arm - HOME, plain.max_step)  # the whole step at once: no ramp
    assert res.velocity is None and plain.stop(0.04).arm.tolist() == res.arm.tolist()


def test_bad_limits_are_refused_with_the_field_named() -> None:
    with pytest.raises(ParameterError, match="go together"):
        GateConfig(max_acceleration=(10.0,) * 7)
    with pytest.raises(ParameterError, match="max_jerk"):
        GateConfig(max_acceleration=(10.0,) * 7, max_jerk=(0.0,) * 7)
    config = GateConfig(max_velocity=(1.0,) * 6, max_acceleration=(10.0,) * 6, max_jerk=(5000.0,) * 6)
    with pytest.raises(ParameterError, match="6 values, the arm has 7 joints"):
        CommandGate(PANDA, config)
    limits = MotionLimits.of(FRANKA)
    with pytest.raises(ParameterError, match="period"):
        JerkLimitedFilter(limits, period=0.0, lower=np.full(7, -1.0), upper=np.full(7, 1.0))
    with pytest.raises(ParameterError, match="velocity, acceleration and jerk"):
        JerkLimitedFilter(replace(limits, max_jerk=()), period=0.01, lower=np.full(7, -1.0), upper=np.full(7, 1.0))
    filt = JerkLimitedFilter(limits, period=0.01, lower=np.full(7, -1.0), upper=np.full(7, 1.0))
    with pytest.raises(ParameterError, match="finite"):
        filt.reset(np.full(7, math.nan))


def test_without_ruckig_the_franka_gate_says_what_to_install_and_the_plain_gate_still_works(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ruckig", None)  # as if not installed: the import fails
    with pytest.raises(CommandFilterUnavailableError, match="pip install ruckig"):
        franka_gate()
    plain = CommandGate(PANDA, GateConfig())
    plain.reset(HOME, 0.04)
    assert np.isfinite(plain.apply(HOME + 0.1, 0.04).arm).all()
