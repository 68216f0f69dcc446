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
  have been beyond franka's limits -- why the filter is there.

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

from robot.params import BridgeParams  # noqa: E402
from robot.safety import CommandGate, GateConfig  # noqa: E402
from robot.safety.motion_limits import MotionLimits, limit_violations  # noqa: E402
from robot.vendor_profiles import FRANKA, PROFILES  # noqa: E402
from sim.robots import get_robot  # noqa: E402

ROWS = (("generic", "panda", 100.0), ("ur", "ur5e", 100.0), ("franka", "fr3", 100.0), ("franka", "fr3", 1000.0))
POLICY_HZ = 20.0


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
                  "interleaved on the same stream in the same process.",
        "seed": args.seed,
        "machine": {"cpu_count": os.cpu_count(), "python": platform.python_version(),
                    "load_avg_1_5_15": [round(x, 2) for x in load]},
        "rows": rows,
    }, indent=1))


if __name__ == "__main__":
    main()
