"""Bridge against each vendor driver's double: fault timings, safety counts, rejected trajectories, arming.

Prints one JSON object to stdout (progress to stderr). Per profile (``ur`` on the UR5e, ``franka`` on the FR3)
one ``armstack-sim-arm`` double and one ``armstack-bridge`` run in their own ROS_DOMAIN_ID over real DDS, with
the profile's overlay (``launch/config/overlay/<profile>.yaml``) and the bridge's tick log. Figures:

* ``armed``: whether the bridge armed on the double's arm-only joint states at the driver's rate (UR 500 Hz,
  franka 1 kHz unless ``--rate``), the double's achieved rate, and the preflight refusals on the way;
* ``faults``: per injected fault, the time from the injection (the double's event, same host clock) to the
  bridge's first safe command (first record out of NOMINAL: a hold, or nothing in ESTOP) and to the moment the
  commanded motion stopped (the last command before the re-arm that differed from its predecessor, or the first
  safe command when none did), with the mode, the faults the bridge named and the commands it sent until the
  re-arm (1-2 for a stop that then commands nothing);
* ``beyond_limits``: commands outside the joint limits, the gate's velocity envelope, or (franka) the driver's
  velocity limits, over the whole run (must be 0);
* ``untrusted``: commands after a sensor fault, before the re-arm, that differ from the last command sent
  before it, i.e. that depend on readings taken after the fault (must be 0);
* ``trajectories``: zero-stamped JointTrajectory messages the bridge sent while two CPU hogs load the host,
  and how many of them the double (which drops late stamped trajectories as JointTrajectoryController does)
  rejected (``--messages``, default 10,000).

Run from the repository root: ``MUJOCO_GL=egl python bench/vendor_doubles.py [--quick]``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PROFILES = {"ur": "ur5e", "franka": "fr3"}
SENSOR_FAULTS: list[dict[str, Any]] = [{"fault": "stale"}, {"fault": "freeze"}, {"fault": "nan"},
                                       {"fault": "jump", "magnitude": 0.3}, {"fault": "latency", "delay": 0.6}]
COMMON_FAULTS: list[dict[str, Any]] = [{"fault": "estop"}, {"fault": "estop_heartbeat"}]
DRIVER_FAULTS: dict[str, list[dict[str, Any]]] = {
    "ur": [{"fault": "protective_stop"}, {"fault": "program_stop"}, {"fault": "speed_scaling", "value": 0.0}],
    "franka": [{"fault": "reflex"}, {"fault": "user_stop"}, {"fault": "effort_spike"}],
}
EXPECTED = {"stale": "stale_state", "freeze": "frozen_state", "nan": "nonfinite_state", "jump": "state_jump",
            "latency": "stale_state", "estop": "estop", "estop_heartbeat": "estop_heartbeat",
            "protective_stop": "protective_stop", "program_stop": "program_stopped",
            "speed_scaling": "speed_scaling_zero", "reflex": "robot_reflex", "user_stop": "user_stopped",
            "effort_spike": "effort_limit"}
"""The fault the bridge must name for each injection (the bench waits for it before clearing)."""
SENSOR_KINDS = {"stale_state", "frozen_state", "nonfinite_state", "invalid_state", "bad_stamp", "state_jump"}
# Thresholds for a loaded shared host (the defaults assume a real-time one), as the ROS tests use.
TOLERANT = {"stale_periods": 30.0, "min_rate_fraction": 0.3, "overrun_ticks": 50, "estop_heartbeat_timeout_s": 1.0,
            "tracking_time_s": 0.3}


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def params_file(tmp: Path, profile: str, rate: float | None, tick_log: Path, tolerant: bool) -> Path:
    robot = PROFILES[profile]
    data = yaml.safe_load((ROOT / "launch" / "config" / f"{robot}.yaml").read_text())
    overlay = yaml.safe_load((ROOT / "launch" / "config" / "overlay" / f"{profile}.yaml").read_text())
    for node, section in overlay.items():
        data[node]["ros__parameters"].update(section["ros__parameters"])
    if rate is not None:
        data["armstack_sim_arm"]["ros__parameters"]["publish_rate_hz"] = rate
        data["armstack_bridge"]["ros__parameters"]["expected_state_rate_hz"] = rate
    bridge = data["armstack_bridge"]["ros__parameters"]
    bridge.update(planner="none", tick_log=str(tick_log), **(TOLERANT if tolerant else {}))
    path = tmp / f"{profile}.yaml"
    path.write_text(yaml.safe_dump(data))
    return path


class Probe:
    """An rclpy node in this process: events, state, injections, re-arm."""

    def __init__(self, domain: int) -> None:
        import rclpy
        from rclpy.executors import SingleThreadedExecutor
        from rclpy.qos import DurabilityPolicy, QoSProfile, ReliabilityPolicy
        from std_msgs.msg import String
        from std_srvs.srv import Trigger

        self.String, self.Trigger = String, Trigger
        self.context = rclpy.Context()
        rclpy.init(context=self.context, domain_id=domain)
        self.node = rclpy.create_node("vendor_bench", context=self.context)
        self.executor = SingleThreadedExecutor(context=self.context)
        self.executor.add_node(self.node)
        latched = QoSProfile(depth=500, reliability=ReliabilityPolicy.RELIABLE,
                             durability=DurabilityPolicy.TRANSIENT_LOCAL)
        self.arm_events: list[dict[str, Any]] = []
        self.state: dict[str, Any] = {}
        self.node.create_subscription(String, "armstack_sim_arm/events",
                                      lambda m: self.arm_events.append(json.loads(m.data)), latched)
        self.node.create_subscription(String, "armstack_bridge/state", lambda m: setattr(self, "state",
                                                                                          json.loads(m.data)), 10)
        self.stats: dict[str, Any] = {}
        self.node.create_subscription(String, "armstack_sim_arm/stats", lambda m: setattr(self, "stats",
                                                                                           json.loads(m.data)), 10)
        self.pubs = {t: self.node.create_publisher(String, t, 10)
                     for t in ("armstack_sim_arm/inject", "armstack_sim_arm/clear")}
        self.rearm_client: Any = self.node.create_client(Trigger, "armstack_bridge/rearm")

    def spin_until(self, pred: Any, timeout: float) -> bool:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if pred():
                return True
            self.executor.spin_once(timeout_sec=0.02)
        return bool(pred())

    def send(self, topic: str, payload: dict[str, Any], confirm: str) -> dict[str, Any]:
        seen = len(self.arm_events)
        for _ in range(20):
            self.pubs[topic].publish(self.String(data=json.dumps(payload)))
            if self.spin_until(lambda: any(e["event"] == confirm for e in self.arm_events[seen:]), 1.0):
                return next(e for e in self.arm_events[seen:] if e["event"] == confirm)
        raise RuntimeError(f"{topic}: no {confirm} event")

    def rearm(self) -> tuple[bool, str]:
        self.spin_until(self.rearm_client.service_is_ready, 30.0)
        future = self.rearm_client.call_async(self.Trigger.Request())
        self.spin_until(future.done, 10.0)
        result = future.result()
        return (False, "timed out") if result is None else (bool(result.success), str(result.message))

    def arm(self, timeout: float) -> tuple[bool, list[str]]:
        refusals: list[str] = []
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self.spin_until(lambda: self.state.get("rearm_ready"), max(0.5, min(5.0, end - time.monotonic())))
            ok, why = self.rearm()
            if ok:
                return True, refusals
            refusals.append(why)
            self.spin_until(lambda: False, 0.3)
        return False, refusals

    def close(self) -> None:
        self.executor.shutdown()
        self.node.destroy_node()
        self.context.try_shutdown()


def start(script: str, domain: int, params: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ, ROS_DOMAIN_ID=str(domain), ROS_AUTOMATIC_DISCOVERY_RANGE="LOCALHOST",
               MUJOCO_GL=os.environ.get("MUJOCO_GL", "egl"))
    return subprocess.Popen([str(BIN / script), "--ros-args", "--params-file", str(params)], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def stop(proc: subprocess.Popen[bytes]) -> None:
    proc.send_signal(2)
    try:
        proc.wait(15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def analyse(ticks: list[dict[str, Any]], episodes: list[dict[str, Any]], profile: str, params: Path
            ) -> dict[str, Any]:
    """Per-fault timings and the safety counts, from the bridge's tick log."""
    sys.path.insert(0, str(ROOT))
    from robot.params import load_bridge_params
    from robot.safety import CommandGate
    from robot.vendor_profiles import PROFILES as VENDORS
    from sim.robots import get_robot

    bp = load_bridge_params([str(params)])
    gate = CommandGate(get_robot(bp.sim_model), bp.gate_config())
    vmax = np.array(VENDORS[profile].max_velocity) if VENDORS[profile].max_velocity else None
    sent = [t for t in ticks if t["cmd"] is not None]
    beyond, prev = 0, None
    for t in sent:
        cmd = np.array(t["cmd"])
        out = bool(np.any(cmd < gate.lower - 1e-9) or np.any(cmd > gate.upper + 1e-9))
        if prev is not None and t["source"] != "resume":
            out |= not gate.within_envelope(prev, cmd)
            if vmax is not None:
                out |= bool(np.any(np.abs(cmd - prev) > vmax * bp.control_period + 1e-9))
        beyond += out
        prev = cmd
    results, untrusted = [], 0
    for ep in episodes:
        t0, t1 = ep["t_inject"], ep["t_rearm"]
        window = [t for t in ticks if t0 <= t["t_pub"] < t1]
        resume = next((i for i, t in enumerate(window) if t["source"] == "resume"), len(window))
        window = window[:resume]  # up to the re-arm's first command
        first = next((t for t in window if t["mode"] != "NOMINAL"), None)
        before = [t for t in sent if t["t_pub"] < t0]
        cmds = [t for t in window if t["cmd"] is not None]
        moving = [c for a, c in zip([*before[-1:], *cmds], cmds, strict=False) if a["cmd"] != c["cmd"]]
        # From the record that first names a sensor fault, every command must be the last one sent before it.
        detected = next((i for i, t in enumerate(window) if any(f["kind"] in SENSOR_KINDS for f in t["faults"])), None)
        if detected is not None:
            earlier = [t for t in sent if t["t_pub"] < window[detected]["t_pub"]]
            reference = window[detected]["cmd"] if window[detected]["cmd"] is not None else (
                earlier[-1]["cmd"] if earlier else None)
            untrusted += sum(1 for c in window[detected:] if c["cmd"] is not None and c["cmd"] != reference)
        stop_t = None if first is None else max(first["t_pub"], moving[-1]["t_pub"] if moving else first["t_pub"])
        results.append({
            "fault": ep["fault"], "mode": None if first is None else first["mode"],
            "named": sorted({f["kind"] for t in window for f in t["faults"]}),
            "first_safe_ms": None if first is None else round((first["t_pub"] - t0) * 1e3, 1),
            "motion_stopped_ms": None if stop_t is None else round(max(0.0, stop_t - t0) * 1e3, 1),
            "commands_until_rearm": len(cmds)})
    return {"faults": results, "beyond_limits": int(beyond), "untrusted": untrusted, "commands": len(sent)}


def run_profile(profile: str, args: argparse.Namespace, domain: int, tmp: Path) -> dict[str, Any]:
    tick_log = tmp / f"{profile}_ticks.jsonl"
    params = params_file(tmp, profile, args.rate, tick_log, args.tolerant)
    arm = start("armstack-sim-arm", domain, params)
    bridge = start("armstack-bridge", domain, params)
    probe = Probe(domain)
    out: dict[str, Any] = {"robot": PROFILES[profile]}
    try:
        probe.spin_until(lambda: bool(probe.state), 60.0)
        armed, refusals = probe.arm(60.0)
        probe.spin_until(lambda: bool(probe.stats), 5.0)
        out["armed"] = {"armed": armed, "refusals_before": len(refusals), "last_refusal": refusals[-1] if refusals
                        else None, "double_rate_hz": round(float(probe.stats.get("rate_hz", 0.0)), 1),
                        "expected_rate_hz": yaml.safe_load(params.read_text())["armstack_bridge"]["ros__parameters"]
                        ["expected_state_rate_hz"]}
        log(f"{profile}: armed={armed} at {out['armed']['double_rate_hz']} Hz")
        episodes = []
        faults = SENSOR_FAULTS + COMMON_FAULTS + DRIVER_FAULTS[profile]
        for payload in faults[: args.faults]:
            if not armed:
                break
            probe.spin_until(lambda: False, 0.5)  # some motion-free NOMINAL time between episodes
            event = probe.send("armstack_sim_arm/inject", payload, "inject")
            kind = EXPECTED[payload["fault"]]
            probe.spin_until(lambda k=kind: k in probe.state.get("faults", ()), 5.0)
            probe.spin_until(lambda: False, 0.5)
            probe.send("armstack_sim_arm/clear", {}, "clear")
            ok, refusals = probe.arm(60.0)
            episodes.append({"fault": payload["fault"], "t_inject": event["t"], "t_rearm": time.time()})
            log(f"{profile}: {payload['fault']}: re-armed={ok}")
            armed = ok
        if args.messages and armed:
            hog = f"import time\nt=time.time()\nwhile time.time()-t<{5 * args.messages / 100 + 30}: pass"
            hogs = [subprocess.Popen([sys.executable, "-c", hog]) for _ in range(2)]
            t0, seen = time.time(), len(probe.arm_events)

            def sent_since() -> int:
                lines = tick_log.read_text().splitlines()
                return sum(1 for line in lines if line.strip() and (t := json.loads(line))["cmd"] is not None
                           and t["t_pub"] >= t0)

            try:
                # Until the bridge has sent --messages trajectories (a loaded host ticks below its rate).
                deadline = time.monotonic() + 5.0 * args.messages / 100.0 + 30.0
                rearms = 0
                while sent_since() < args.messages and time.monotonic() < deadline:
                    probe.spin_until(lambda: False, 2.0)
                    if probe.state.get("mode") != "NOMINAL" and probe.state.get("rearm_ready"):
                        # The starved host stopped the bridge (a late heartbeat or stream): re-armed as a
                        # technician would, and counted.
                        rearms += probe.rearm()[0]
            finally:
                for h in hogs:
                    h.kill()
                for h in hogs:
                    h.wait(60)
            t1 = time.time()
            probe.spin_until(lambda: False, 1.5)  # the double reports suppressed rejections once a second
            rejected = [e for e in probe.arm_events[seen:] if e["event"] == "rejected"
                        and "joint_trajectory" in e["topic"]]
            out["_load_window"] = (t0, t1)
            out["trajectories"] = {"rejected_events": len(rejected), "rearms_during_load": rearms,
                                   "rejected": sum(1 + int(e.get("suppressed", 0)) for e in rejected)}
    finally:
        probe.close()
        stop(bridge)
        stop(arm)
    ticks = [json.loads(line) for line in tick_log.read_text().splitlines() if line.strip()]
    if args.keep:
        Path(args.keep).mkdir(parents=True, exist_ok=True)
        (Path(args.keep) / tick_log.name).write_text(tick_log.read_text())
        (Path(args.keep) / f"{profile}_episodes.json").write_text(json.dumps(episodes))
    out.update(analyse(ticks, episodes, profile, params))
    if "_load_window" in out:
        t0, t1 = out.pop("_load_window")
        out["trajectories"]["sent"] = sum(1 for t in ticks if t["cmd"] is not None and t0 <= t["t_pub"] <= t1)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smoke run: 2 faults, 200 trajectory messages")
    parser.add_argument("--profiles", default="ur,franka")
    parser.add_argument("--rate", type=float, default=None, help="joint-state rate (default: the driver's)")
    parser.add_argument("--messages", type=int, default=10_000, help="trajectory messages under load (0 = skip)")
    parser.add_argument("--faults", type=int, default=100, help="at most this many faults per profile")
    parser.add_argument("--tolerant", action="store_true", help="loaded-host thresholds (as the ROS tests)")
    parser.add_argument("--domain", type=int, default=77)
    parser.add_argument("--keep", default="", help="copy the tick logs and episodes to this folder")
    args = parser.parse_args(argv)
    if args.quick:
        args.messages, args.faults = min(args.messages, 200), min(args.faults, 2)
    os.environ.setdefault("ROS_AUTOMATIC_DISCOVERY_RANGE", "LOCALHOST")
    report: dict[str, Any] = {"host": {"cpus": os.cpu_count(), "load_avg_start": os.getloadavg()[0]},
                              "args": vars(args), "profiles": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for i, profile in enumerate(args.profiles.split(",")):
            report["profiles"][profile] = run_profile(profile, args, args.domain + i, Path(tmp))
    report["host"]["load_avg_end"] = os.getloadavg()[0]
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
