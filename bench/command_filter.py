"""Command-filter benchmark: the bridge's command gate per driver profile, judged as the driver judges commands.

Prints one JSON object to stdout. Per profile (generic on the panda, ur on the ur5e, franka on the fr3 at the
bridge's 100 Hz and at franka_ros2's 1 kHz), the gate the bridge builds (``BridgeParams.gate_config``) runs a
seeded request stream -- policy-like targets at 20 Hz with a lagging measured arm and the lead clamp, far
targets, holds, non-finite requests, stops -- and then a stop from full speed:

* ``beyond_limits``: commands beyond the profile's velocity/acceleration/jerk limits
  (``robot.safety.motion_limits.limit_violations``, finite differences at the control period, from rest), and
  beyond the gate's own velocity envelope; ``worst_ratio``: the largest ``|difference| / limit`` of each;
* ``stop``: time from the stop request to the command at rest, from full speed, beside the theoretical minimum
  under the limits (``max_j v_j/A_j + A_j/J_j``, or ``2 sqrt(v_j/J_j)`` below ``A^2/J``);
* ``cost``: microseconds per gate call on the same request stream, the profile's gate beside the plain velocity
  gate (no acceleration/jerk limits) in the same run, and their ratio;
* ``plain_gate_vs_franka_limits`` (franka rows): what the plain velocity gate's commands of the same stream would
  have been beyond franka's limits -- why the filter is there;
* ``controller_1khz`` (franka at the bridge's 100 Hz): the same commands as JointTrajectory messages, executed by
  a model of ros2_controllers' JointTrajectoryController at 1 kHz (``robot.drivers.jtc_interpolation``) and the
  positions it commands judged by ``limit_violations`` at 1 ms: one positions-only point per command (the bridge
  before), one point with the filter's velocity and acceleration, and ``robot.trajectory_stream`` (``stream``:
  zero stamp, ``trajectory_stamp: arrival``; ``stream_stamped``: the tick's time less ``clock_offset_max_s``,
  ``trajectory_stamp: tick``), with the controller replacing trajectories from its desired state
  (``interpolate_from_desired_state``) or from the measured state (an arm one cycle behind), under delivery jitter,
  and stamped streams with the bridge's clock off the controller's (``clock_offset_ms``, bridge minus controller).

Run from the repository root: ``nice -n 15 python bench/command_filter.py [--quick]``.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from robot.drivers.jtc_interpolation import Delivery, TrajPointState, controller_commands, ideal_servo  # noqa: E402
from robot.params import BridgeParams  # noqa: E402
from robot.safety import CommandGate, GateConfig  # noqa: E402
from robot.safety.motion_limits import MotionLimits, limit_violations  # noqa: E402
from robot.trajectory_stream import TICK_STAMP_TAIL_S, StreamConfig, stream_points  # noqa: E402
from robot.vendor_profiles import FRANKA, PROFILES  # noqa: E402
from sim.robots import get_robot  # noqa: E402

ROWS = (("generic", "panda", 100.0), ("ur", "ur5e", 100.0), ("franka", "fr3", 100.0), ("franka", "fr3", 1000.0))
POLICY_HZ = 20.0
CONTROLLER_HZ = 1000.0
"""franka_ros2's controller manager update rate."""
LATENCY_S = 0.0003
"""Delivery time of a message from the bridge's tick to the controller's subscription, before jitter."""
CLOCK_TOLERANCE_S = BridgeParams().clock_offset_max_s
"""The bridge's default clock_offset_max_s: a tick-stamped message is stamped this long before its tick."""
CONTROLLER_RUNS = (  # (message, start_from, jitter in ms, clock offset bridge - controller in ms)
    *((m, s, j, 0.0) for m in ("positions_only", "single_point_vel_acc") for s in ("desired", "measured")
      for j in (0.0, 1.0)),
    *(("stream", s, j, 0.0) for s in ("desired", "measured") for j in (0.0, 0.2, 1.0)),
    *(("stream_stamped", s, j, 0.0) for s in ("desired", "measured") for j in (0.0, 0.2, 1.0)),
    # Clocks that disagree: within the tolerance either way, and beyond it (what the arm request's clock check
    # refuses: the bridge's clock ahead puts the stamps in the controller's future).
    *(("stream_stamped", "desired", 1.0, off) for off in (1.5, -1.5, 2.5, 5.0, -20.0)),
)


def requests(gate: CommandGate, ticks: int, seed: int) -> list[tuple[str, np.ndarray]]:
    """A seeded stream of (kind, target): policy steps, far targets, holds, non-finite requests and stops."""
    rng = np.random.default_rng(seed)
    period = gate.config.control_period
    lower, upper = gate.lower, gate.upper
    target = np.array(gate.robot.home)
    out: list[tuple[str, np.ndarray]] = []
    every = max(1, round(1.0 / (POLICY_HZ * period)))
    while len(out) < ticks:
        kind = rng.choice(["policy", "far", "hold", "nan", "stop"], p=[0.5, 0.2, 0.15, 0.05, 0.1])
        span = max(1, round(float(rng.uniform(0.2, 1.5)) / period))
        if kind == "far":
            target = rng.uniform(lower, upper)
        for k in range(span):
            if kind == "policy" and k % every == 0:
                target = np.clip(target + rng.uniform(-0.05, 0.05, target.size), lower, upper)
            if kind == "nan":
                bad = target.copy()
                bad[rng.integers(target.size)] = rng.choice([math.nan, math.inf])
                out.append(("apply", bad))
                break
            out.append(("stop" if kind == "stop" else "apply", target.copy()))
    return out[:ticks]


def drive(gate: CommandGate, stream: list[tuple[str, np.ndarray]]) -> tuple[np.ndarray, float, float]:
    """Run the stream through ``gate`` from rest at home with a lagging measured arm; returns the commands (the
    start first) and the mean wall-clock and CPU (this thread's) seconds per gate call."""
    home = np.array(gate.robot.home)
    gate.reset(home, gate.robot.gripper_open)
    measured = home.copy()
    sent = [home]
    wall = cpu = 0.0
    grip = gate.robot.gripper_open
    for kind, target in stream:
        began, began_cpu = time.perf_counter(), time.thread_time()
        res = gate.stop(grip) if kind == "stop" else gate.apply(target, grip, measured)
        wall += time.perf_counter() - began
        cpu += time.thread_time() - began_cpu
        measured = measured + 0.3 * (res.arm - measured)  # a position controller's lag
        sent.append(res.arm)
    return np.array(sent), wall / len(stream), cpu / len(stream)


def full_speed_stop(gate: CommandGate) -> dict[str, Any]:
    """Cruise with every joint near its velocity limit, then stop: ticks to rest beside the theoretical minimum."""
    home = np.array(gate.robot.home)
    period = gate.config.control_period
    gate.reset(home, gate.robot.gripper_open)
    side = np.where(gate.upper - home > home - gate.lower, 1.0, -1.0)
    far = home + side * gate.velocity_limit * 1.5
    sent = [home]
    for _ in range(round(0.6 / period)):
        sent.append(gate.apply(far, gate.robot.gripper_open).arm)
    speed = np.abs(sent[-1] - sent[-2]) / period
    stop = []
    for _ in range(round(2.0 / period)):
        stop.append(gate.stop(gate.robot.gripper_open).arm)
    # The request comes at tick 0 and the first stop command goes out one period later: at rest from the last
    # command that differs from the one before it.
    seq = [sent[-1], *stop]
    to_rest = max((i for i in range(1, len(seq)) if not np.array_equal(seq[i], seq[i - 1])), default=0) * period
    row: dict[str, Any] = {"speed_over_velocity_limit": round(float(np.max(speed / gate.velocity_limit)), 4),
                           "time_to_rest_s": round(to_rest, 4)}
    if gate.config.jerk_limited:
        a, j = np.array(gate.config.max_acceleration), np.array(gate.config.max_jerk)
        t_min = float(np.max(np.where(speed >= a**2 / j, speed / a + a / j, 2.0 * np.sqrt(speed / j))))
        row |= {"theoretical_min_s": round(t_min, 4), "ratio": round(to_rest / t_min, 3)}
        res = limit_violations(np.array([*sent, *stop]), period, gate.config, at_rest_before=True)
        row["beyond_limits"] = res.samples
    else:
        row["note"] = "plain velocity gate: the command stops in one period (no acceleration limit)"
        x = np.array([*sent, *stop])
        row["peak_acceleration_rad_s2"] = round(float(np.abs(np.diff(x, 2, axis=0)).max()) / period**2, 1)
    return row


def messages(gate: CommandGate, stream: list[tuple[str, np.ndarray]], message: str
             ) -> tuple[list[tuple[TrajPointState, ...]], float]:
    """The stream through ``gate`` as the bridge drives it (lagging measured arm, lead clamp), one message per
    command: ``positions_only`` (one point at 1.5 periods), ``single_point_vel_acc`` or ``stream``; and the mean
    CPU seconds (this thread's) to build a message's points."""
    home = np.array(gate.robot.home)
    gate.reset(home, gate.robot.gripper_open)
    measured = home.copy()
    grip = gate.robot.gripper_open
    config = StreamConfig.for_period(gate.config.control_period,
                                     lookahead="none" if message == "single_point_vel_acc" else "knots",
                                     back=CLOCK_TOLERANCE_S if message == "stream_stamped" else 0.0,
                                     tail=TICK_STAMP_TAIL_S if message == "stream_stamped" else 0.0)
    out: list[tuple[TrajPointState, ...]] = []
    cpu = 0.0
    for kind, target in stream:
        res = gate.stop(grip) if kind == "stop" else gate.apply(target, grip, measured)
        measured = measured + 0.3 * (res.arm - measured)
        began = time.thread_time()
        out.append(stream_points(res.arm, None if message == "positions_only" else gate.filter, config))
        cpu += time.thread_time() - began
    return out, cpu / len(stream)


def controller_1khz(gate: CommandGate, stream: list[tuple[str, np.ndarray]], seed: int) -> dict[str, Any]:
    """The franka stream as JTC executes it at 1 kHz, per message design, replacement rule and delivery jitter."""
    period = gate.config.control_period
    home = np.array(gate.robot.home)
    built, cost = {}, {}
    for m in dict.fromkeys(m for m, _, _, _ in CONTROLLER_RUNS):
        built[m], cost[m] = messages(gate, stream, m)
    runs = []
    t_first = 1.0  # controller time of the first tick (JTC reads a last-command time of 0 as never commanded)
    for index, (message, start_from, jitter_ms, offset_ms) in enumerate(CONTROLLER_RUNS):
        rng = np.random.default_rng([seed, index])
        phase = float(rng.uniform(0.0, 1.0 / CONTROLLER_HZ))  # the controller's cycles against the bridge's ticks
        # Times on the controller's clock: the bridge's clock reads offset_ms more, so its tick stamps do too.
        offset = offset_ms * 1e-3
        deliveries = [Delivery(arrival=t_first + k * period + LATENCY_S + float(rng.uniform(0.0, jitter_ms * 1e-3)),
                               points=points,
                               stamp=t_first + k * period + offset - CLOCK_TOLERANCE_S
                               if message == "stream_stamped" else 0.0)
                      for k, points in enumerate(built[message])]
        t0 = t_first - 20.0 / CONTROLLER_HZ + phase
        run = controller_commands(deliveries, start=home, rate_hz=CONTROLLER_HZ, t0=t0,
                                  t_end=t_first + len(stream) * period + 0.5,
                                  interpolate_from_desired_state=start_from == "desired",
                                  measured=ideal_servo(CONTROLLER_HZ))
        res = limit_violations(run.commands, 1.0 / CONTROLLER_HZ, FRANKA, at_rest_before=True)
        # The cycle that takes each message up: one that is not ten cycles after the previous one's shifts the
        # zero-stamped motion by a cycle.
        pickup = np.ceil((np.array([d.arrival for d in deliveries]) - t0) * CONTROLLER_HZ - 1e-9)
        slips = int((np.abs(np.diff(pickup) - round(period * CONTROLLER_HZ)) > 0).sum())
        runs.append({"message": message, "start_from": start_from, "jitter_ms": jitter_ms,
                     "clock_offset_ms": offset_ms,
                     "phase_ms": round(phase * 1e3, 3), "pickup_cycle_slips": slips,
                     **{k: (round(v, 4) if isinstance(v, float) else v) for k, v in res.to_dict().items()},
                     "rejected": run.rejected,
                     "points_per_message": round(statistics.mean(len(p) for p in built[message]), 1),
                     "build_cpu_us_per_message": round(cost[message] * 1e6, 1)})
    return {"controller_rate_hz": CONTROLLER_HZ, "latency_ms": LATENCY_S * 1e3,
            "stamped_back_ms": CLOCK_TOLERANCE_S * 1e3, "runs": runs}


def measure(profile: str, robot: str, rate: float, ticks: int, seed: int, repeats: int) -> dict[str, Any]:
    params = BridgeParams(robot=robot, profile=profile, control_rate_hz=rate, arm_on_start=profile == "generic")
    config = params.gate_config()
    spec = get_robot(params.sim_model)
    gate = CommandGate(spec, config)
    plain = CommandGate(spec, GateConfig(control_period=config.control_period,
                                         position_margin=config.position_margin,
                                         velocity_scale=config.velocity_scale, max_lead=config.max_lead))
    stream = requests(gate, ticks, seed)
    costs, plain_costs, cpus, plain_cpus = [], [], [], []
    for _ in range(repeats):  # interleaved, so load changes hit both alike
        sent, cost, cpu = drive(gate, stream)
        plain_sent, plain_cost, plain_cpu = drive(plain, stream)
        costs.append(cost)
        plain_costs.append(plain_cost)
        cpus.append(cpu)
        plain_cpus.append(plain_cpu)
    period = config.control_period
    vs_profile = limit_violations(sent, period, PROFILES[profile], at_rest_before=True)
    vs_envelope = limit_violations(sent, period, MotionLimits(max_velocity=tuple(gate.velocity_limit.tolist())),
                                   at_rest_before=True)
    inside = bool((sent >= gate.lower - 1e-12).all() and (sent <= gate.upper + 1e-12).all())
    us, plain_us = statistics.median(costs) * 1e6, statistics.median(plain_costs) * 1e6
    cpu_us, plain_cpu_us = statistics.median(cpus) * 1e6, statistics.median(plain_cpus) * 1e6
    row: dict[str, Any] = {
        "profile": profile, "robot": robot, "control_rate_hz": rate, "ticks": ticks,
        "jerk_limited": config.jerk_limited,
        "limits": {"max_velocity": gate.velocity_limit.round(4).tolist(),
                   "max_acceleration": list(config.max_acceleration), "max_jerk": list(config.max_jerk)},
        "beyond_limits": {"profile": vs_profile.samples, "gate_velocity_envelope": vs_envelope.samples,
                          "outside_joint_limits": not inside},
        "worst_ratio": {"velocity": round(max(vs_profile.worst_velocity, vs_envelope.worst_velocity), 6),
                        "acceleration": round(vs_profile.worst_acceleration, 6),
                        "jerk": round(vs_profile.worst_jerk, 6)},
        "stop": full_speed_stop(CommandGate(spec, config)),
        "cost": {"us_per_tick": round(us, 2), "plain_gate_us_per_tick": round(plain_us, 2),
                 "ratio": round(us / plain_us, 2), "cpu_us_per_tick": round(cpu_us, 2),
                 "plain_gate_cpu_us_per_tick": round(plain_cpu_us, 2), "cpu_ratio": round(cpu_us / plain_cpu_us, 2)},
    }
    if profile == "franka":
        res = limit_violations(plain_sent, period, FRANKA, at_rest_before=True)
        row["plain_gate_vs_franka_limits"] = {**res.to_dict(), "worst_acceleration_ratio":
                                              round(res.worst_acceleration, 1),
                                              "worst_jerk_ratio": round(res.worst_jerk, 1)}
        if rate < CONTROLLER_HZ:
            row["controller_1khz"] = controller_1khz(gate, stream, seed)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ticks", type=int, default=6000, help="gate calls per profile row")
    parser.add_argument("--repeats", type=int, default=3, help="timed runs per gate (median reported)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--quick", action="store_true", help="400 ticks, 1 repeat (a smoke run)")
    args = parser.parse_args()
    ticks, repeats = (400, 1) if args.quick else (args.ticks, args.repeats)
    rows = []
    for profile, robot, rate in ROWS:
        print(f"{profile} {robot} {rate:g} Hz", file=sys.stderr)
        rows.append(measure(profile, robot, rate, ticks, args.seed, repeats))
    load = os.getloadavg()
    print(json.dumps({
        "benchmark": "command_filter",
        "method": "Each row's gate is BridgeParams(robot, profile, control_rate_hz).gate_config(); a seeded request "
                  "stream (policy targets at 20 Hz with a first-order lagging measured arm, far random targets, "
                  "holds, non-finite requests, stops) runs from rest at home; commands are judged by "
                  "limit_violations (finite differences at the control period, from rest). Stop: every joint "
                  "driven toward a far target for 0.6 s, then CommandGate.stop each tick. Cost: perf_counter "
                  "(wall) and thread_time (this thread's CPU, less sensitive to a loaded host) around each gate "
                  "call, mean per call, median of the repeats, the profile's gate and the plain velocity gate "
                  "interleaved on the same stream in the same process. controller_1khz: each command becomes a "
                  "JointTrajectory (robot.trajectory_stream), delivered LATENCY plus uniform jitter after its tick, "
                  "executed by the JointTrajectoryController model (jazzy rules, robot.drivers.jtc_interpolation) "
                  "at 1 kHz with a random phase against the ticks; start_from desired = "
                  "interpolate_from_desired_state, measured = an arm exactly one cycle behind its commands; the "
                  "written positions judged by limit_violations at 1 ms from rest.",
        "seed": args.seed,
        "machine": {"cpu_count": os.cpu_count(), "python": platform.python_version(),
                    "load_avg_1_5_15": [round(x, 2) for x in load]},
        "rows": rows,
    }, indent=1))


if __name__ == "__main__":
    main()
