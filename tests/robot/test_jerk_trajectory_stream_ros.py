"""The franka bridge's JointTrajectory messages on real DDS (issue 15 items 3 and 5): each carries the jerk-limited
filter's motion -- stamped with its tick's nominal time less the clock tolerance (``trajectory_stamp: tick``, the
franka overlay), time_from_start 0 there, the command 1.5 periods after the tick, velocities and accelerations on
every point, the last one at rest and held a while -- and executed by the JointTrajectoryController model at
1 kHz under delivery jitter, the messages received during a pick-and-place keep franka's limits."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("rclpy")

from std_msgs.msg import String
from test_bridge_ros import _task_goal
from test_vendor_doubles import bindings_missing
from trajectory_msgs.msg import JointTrajectory

from robot.drivers.jtc_interpolation import Delivery, StreamedTrajectory, TrajPointState, controller_commands
from robot.params import BridgeParams
from robot.ros_rig.bridge_rig import LOADED_HOST, TIMING_FAULTS, BridgeRig, vendor_params_file
from robot.ros_rig.processes import NodeProcess, RosProbe, allocate_domain_id
from robot.safety.motion_limits import limit_violations
from robot.trajectory_stream import TICK_STAMP_TAIL_S
from robot.vendor_profiles import FRANKA

pytestmark = [pytest.mark.ros, pytest.mark.slow, pytest.mark.xdist_group("bridge_ros")]
PERIOD = 0.01
CLOCK_TOLERANCE_S = BridgeParams().clock_offset_max_s
MAX_TIMING_STOPS = 5
"""Timing stops re-armed in the 4 s of messages (each re-arm takes a second or more: more than the window holds)."""


def _points(msg: JointTrajectory) -> tuple[TrajPointState, ...]:
    return tuple(TrajPointState(time_from_start=p.time_from_start.sec + p.time_from_start.nanosec * 1e-9,
                                positions=np.array(p.positions), velocities=np.array(p.velocities),
                                accelerations=np.array(p.accelerations)) for p in msg.points)


def _enough(count: int, moving: int, stops: list[list[str]], output: str) -> None:
    """Whether the 4 s brought enough messages (over 100, over 20 of them moving) to have judged a stream, after the
    checks every message that came passed. The bridge streams at 100 Hz while armed and is silent in a stop: a
    shortfall with timing stops re-armed in the window (a starved double: its stale joint states stop the bridge, as
    they must) is the host's load, which a failure would report as a defect it is not (a flake on a busy CI box):
    skip, naming the counts and the stops, so the run shows it was not judged. A shortfall with no stop is no load's
    doing (the bridge NOMINAL throughout yet silent, or the probe's reader losing messages): fail."""
    if count > 100 and moving > 20:
        return
    what = f"{count} messages ({moving} moving) in 4 s, at least 101 (21 moving) needed"
    assert stops, f"{what} with no timing stop to explain it\n{output}"
    pytest.skip(f"host too loaded: {what}; the bridge was stopped by the host's timing faults {stops} (each message "
                f"that came was checked)")


def test_franka_trajectories_carry_the_filters_motion_and_keep_the_limits_at_1khz(tmp_path: Path) -> None:
    if bindings_missing("franka"):
        pytest.skip("franka_msgs bindings not built here (python -m robot.interfaces_build)")
    params = vendor_params_file(tmp_path, "franka", "fr3", rate=100.0, **LOADED_HOST)  # a loaded CI box
    with allocate_domain_id() as domain, RosProbe(domain) as probe, \
            NodeProcess("armstack-bridge", domain, params) as bridge, \
            NodeProcess("armstack-sim-arm", domain, params) as arm:
        rig = BridgeRig(probe, bridge, arm)
        sent = probe.subscribe(JointTrajectory, f"{FRANKA.controller}/joint_trajectory")
        for topic in ("armstack_sim_arm/scene_reset", "armstack_bridge/instruction"):
            probe.publisher(String, topic)
        rig.arm_until_accepted()
        # The 4 s below count the messages this probe's reader receives: it must be matched (DDS discovery is per
        # reader) before they start, or the run loses its first messages to it (an armed bridge streams its hold).
        assert probe.spin_until(lambda: bool(sent), 10.0, bridge), \
            f"the probe received no {FRANKA.controller}/joint_trajectory in 10 s of an armed bridge\n{rig.output()}"
        rig.send("armstack_sim_arm/scene_reset", {"seed": 3, "task": "pick_place"}, confirm="scene_reset")
        reset = [json.loads(m.data) for _, m in rig.arm_events if json.loads(m.data)["event"] == "scene_reset"][-1]
        assert probe.wait_for_subscriber("armstack_bridge/instruction", 10.0, bridge)
        seen = len(sent)
        probe.publish(String, "armstack_bridge/instruction", String(data=_task_goal(reset)))
        rig.wait_state(lambda s: s.get("task") == "pick_place", 5.0, "the instruction to be taken")
        # 4 s of messages. A loaded host can starve the double into a timing stop (TIMING_FAULTS): re-armed, as a
        # technician would (the bridge is silent meanwhile; the messages after it are a new run). Any other stop is
        # a real fault of this run: it fails here, never re-armed.
        stops: list[list[str]] = []
        rig.spin_rearming(lambda: False, 4.0, stops, MAX_TIMING_STOPS)
        state = rig.state()
        if state.get("mode") in ("SAFE_STOP", "ESTOP"):
            causes = state["last_transition"]["faults"]
            assert causes and set(causes) <= TIMING_FAULTS, \
                f"stopped by {causes} while streaming; timing stops re-armed before it: {stops}\n{rig.output()}"
    messages = [_points(m) for _, m in sent[seen:]]
    stamps_ns = [m.header.stamp.sec * 1_000_000_000 + m.header.stamp.nanosec for _, m in sent[seen:]]
    stamps = [(ns - stamps_ns[0]) * 1e-9 + 1.0 for ns in stamps_ns]  # seconds since the first, plus 1
    # Too few messages is judged last, after every check the messages that came can pass (see _enough below).
    assert messages, f"no {FRANKA.controller}/joint_trajectory after the instruction; timing stops {stops}\n" \
                     f"{rig.output()}"
    back, command_ns = CLOCK_TOLERANCE_S, round((CLOCK_TOLERANCE_S + 1.5 * PERIOD) * 1e9)
    moving = 0
    for msg, (_, raw) in zip(messages, sent[seen:], strict=True):
        # trajectory_stamp tick (the franka overlay): stamped, time zero `back` before the tick.
        assert raw.header.stamp.sec > 0
        ns = [p.time_from_start.sec * 1_000_000_000 + p.time_from_start.nanosec for p in raw.points]
        assert ns[0] == 0 and command_ns in ns and all(b > a for a, b in itertools.pairwise(ns))
        assert all(p.velocities is not None and p.velocities.size == 7 and p.accelerations is not None
                   and p.accelerations.size == 7 for p in msg)
        assert not msg[-1].velocities.any() and not msg[-1].accelerations.any()  # type: ignore[union-attr]
        # The rest point held TICK_STAMP_TAIL_S longer, so a late message is sampled, not rejected.
        assert ns[-1] - ns[-2] == round(TICK_STAMP_TAIL_S * 1e9)
        assert np.array_equal(msg[-1].positions, msg[-2].positions)
        moving += len(msg) > 3
    # Consecutive messages are stamped one period apart and each starts where the one before is at its stamp (the
    # bridge's stops switch the controller off and send nothing: a new run, a new anchor). A run breaks only where
    # the stamps are not one period apart: a stop and re-arm (the filter's clock restarts) or ticks the loaded host
    # skipped past the horizon both re-anchor the stamps (TickStamps). A message one period after the one before that
    # does not start where that one is at its stamp has no such cause: a jump in NOMINAL (a race between the tick
    # and the stream), which fails here instead of reading as one more short run.
    runs: list[list[int]] = [[0]]
    unexplained: list[tuple[int, float]] = []
    for k in range(1, len(messages)):
        j = runs[-1][-1]
        prev = StreamedTrajectory(messages[j], start_time=stamps[j])
        prev.set_point_before(stamps[j], messages[j][0])
        spacing_ok = abs(stamps_ns[k] - stamps_ns[j] - round(PERIOD * 1e9)) <= 1  # the filter's clock, in ns
        # (1e-6 rad: the sample and the next message's first point are the same value computed two ways, which
        # differ by a few 1e-9 rad in float64 on some CPUs (5.0e-9 on an AMD EPYC); a real jump is far larger, and
        # the mutation this check must catch adds 1e-4 rad)
        follows = spacing_ok and np.abs(prev.sample(stamps[k]).positions - messages[k][0].positions).max() < 1e-6
        if follows:
            runs[-1].append(k)
            continue
        if spacing_ok:
            unexplained.append((k, float(np.abs(prev.sample(stamps[k]).positions - messages[k][0].positions).max())))
        runs.append([k])
    lengths = [len(r) for r in runs]
    print(f"franka trajectories: {len(messages)} messages in runs of {lengths}, {moving} moving, "
          f"up to {max(len(m) for m in messages)} points, timing stops re-armed: {stops}")
    # Each run through the controller model at 1 kHz on a clock that agrees with the bridge's, every message
    # arriving 0.3 ms plus up to 1 ms of jitter after its tick, keeps franka's limits (the zero-stamped stream
    # does not under that jitter: bench/command_filter.py).
    rng = np.random.default_rng(0)
    judged = 0
    for run in runs:
        base = 1.0 - stamps[run[0]] - back
        deliveries = [Delivery(arrival=stamps[k] + base + back + 3e-4 + float(rng.uniform(0.0, 1e-3)),
                               points=messages[k], stamp=stamps[k] + base) for k in run]
        commands = controller_commands(deliveries, start=messages[run[0]][0].positions, rate_hz=1000.0,
                                       t0=1.0 - 0.0196, t_end=1.0 + len(run) * PERIOD).commands
        start_velocity = messages[run[0]][0].velocities
        if start_velocity is None or not np.abs(start_velocity).any():
            res = limit_violations(commands, 0.001, FRANKA, at_rest_before=True)
        else:
            # A new mapping mid-motion (the loaded host skipped ticks past the horizon): the model held still until
            # the first message, so it is judged from the cycles after that one's pick-up on.
            res = limit_violations(commands[25:], 0.001, FRANKA, at_rest_before=False)
        assert res.samples == 0, (res, lengths)
        judged += len(run)
    assert judged == len(messages), lengths
    assert not unexplained, (unexplained, lengths)  # (message index, jump in rad) with the stamps one period apart
    _enough(len(messages), moving, stops, rig.output())
    # The limit and continuity checks above ran on every run; a long run is what shows the stream holds together
    # for more than a moment. Each break was a re-anchor of the stamps (a stop or skipped ticks: the host's load),
    # so a host too loaded to keep NOMINAL for 0.5 s proves nothing against the bridge: skip, not fail.
    if max(lengths) <= 50:
        pytest.skip(f"host too loaded: no run of over 50 messages (runs {lengths}, timing stops {stops}; every break "
                    f"a re-anchor of the stamps, limits kept on every run)")
