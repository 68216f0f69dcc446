"""Bridge benchmark: control-loop jitter, fault-to-safe-command latency, policy share, DDS round trip.

Prints one JSON object to stdout (progress to stderr). Everything runs in one ROS_DOMAIN_ID (``--domain``)
with separate processes: ``armstack-sim-arm``, ``armstack-bridge`` (tick log on) and, for the baseline, a bare
rclpy echo node (this script with ``--echo``). Figures, each beside a raw baseline measured in the same run:

* ``loop``: the bridge's tick period p50/p99 and lateness at ``control_rate_hz`` (from its tick log, node
  clock) beside a bare Python ``time.sleep`` loop at the same rate in this process;
* ``fault_latency``: per injected fault, the time from the moment its detection criterion was met (as the
  monitor records it: the middleware's arrival time of the message that showed it, or the deadline of a
  time-based criterion, e.g. last heartbeat arrival + timeout) to the publication of the first safe command,
  in ms and in control periods, and whether a reaction between ticks or a scheduled tick sent it;
* ``loop.overdue``: the scheduled ticks of the idle and pick-and-place phases (no fault on them) that ran at least a
  control period and two publishing periods late, and how many of them had only readings from before they were due
  although the arm had stamped a newer one a publishing period before (``only_old``; ``arm_silent`` where it had
  not): the late control thread ran before the joint-state callbacks queued during its delay, the race that makes a
  tick after a blocking call hold from an old reading (``BridgeCore._fresh_from``);
* ``policy``: the scripted expert's inference time per policy step and its share of the control period,
  during a pick-and-place through ROS;
* ``round_trip``: an ``~/instruction`` message to the bridge and back as its ``~/events`` acknowledgement
  (a ``bad_input`` event quoting it; includes waiting for the next tick: on average half a period) beside
  a bare rclpy String echo node in its own process (publish -> subscribe -> republish -> subscribe).

* ``stream_faults``: every fault of the arm's streams (``state_rate``, ``stale_state``, ``estop_heartbeat``) the
  bridge raised before the injections (idle and pick-and-place), with the joint states in its criterion's window
  counted as the bridge counted them (arrivals), as the sim arm stamped them (its publishing, whatever the delivery)
  and as this process received them. ``cause``: ``publisher`` where the arm itself published too little (fewer
  stamps than the rate threshold; none for the stale limit; fewer than the ticks between two heartbeats for the
  heartbeat timeout): a real drop of the stream, its loop starved on a loaded host; ``bridge`` where it published
  enough and this process received enough in time but the bridge did not (the bridge's own process late);
  ``delivery`` where neither subscriber received enough in time (DDS or the host); ``unobserved`` before this
  process's record starts. Beside them the arm's stamped count per
  rate window over the run, its largest stamp gap and its ``~/stats``. ``pick_and_place`` names the faults that
  interrupted it.

``--tolerant`` takes the ROS tests' thresholds for a loaded shared machine (``robot.ros_rig.bridge_rig.LOADED_HOST``:
staleness, rate, overrun, e-stop heartbeat, tracking time), where the defaults (meant for a real-time host) stop the
arm on genuinely late joint states -- ``stream_faults`` says whose.

Run from the repository root: ``MUJOCO_GL=egl python bench/bridge.py [--quick]``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import platform
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from robot.fault_injection import NAMED_FAULT
from robot.ros_rig.bridge_rig import LOADED_HOST
from robot.safety.monitor_config import MonitorConfig
from robot.sim_models import SIM_MODELS

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
FAULTS: list[dict[str, Any]] = [
    {"fault": "stale"}, {"fault": "freeze"}, {"fault": "nan"}, {"fault": "jump", "magnitude": 0.3},
    {"fault": "effort_spike"}, {"fault": "latency", "delay": 0.6}, {"fault": "drop", "rate": 0.9},
    {"fault": "estop"}, {"fault": "estop_heartbeat"},
]
METHOD = (
    "All processes on this host in one ROS_DOMAIN_ID (Fast DDS, localhost discovery). loop: intervals between "
    "consecutive tick starts of the bridge's control thread (monotonic clock) are recorded by the bridge as "
    "lateness against its fixed schedule (tick log); the baseline is a bare Python loop sleeping to the same "
    "fixed schedule in this process for the same duration (scheduled ticks only, not reactions). fault_latency: "
    "each fault is injected through the sim arm's ~/inject; the first entry of the bridge's tick log (a tick, or "
    "a reaction the bridge ran between ticks on an input or a fault deadline) whose faults include the expected "
    "one gives that fault's 'since' (when the criterion was met: arrival of the message that showed it, as the "
    "middleware stamped its reception, or e.g. last arrival + stale limit); latency = t_pub (node clock after "
    "publishing) of the first entry at or after 'since' in a fallback mode, minus 'since'; nominal commands "
    "published in between are counted; periods = ms / control period. policy: policy_ms of the ticks that ran "
    "the expert during a pick-and-place (seed 3), with env_velocity_ms (the servo's replay of the env's velocity "
    "model, on the same ticks, not counted in policy_ms). round_trip: this process publishes and waits for the answer, "
    "alternating bridge and echo, after discovery and 5 warm-up round trips each. stream_faults: this process also "
    "subscribes joint_states (depth 5000) and the sim arm's ~/stats; a fault's window is [since - its criterion's "
    "span, since] on the node clock, which the arm's header stamps share (one host); the heartbeat, a Bool without "
    "a stamp, is judged from the arm's joint-state stamps (one loop publishes both)."
)


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def pct(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


def bare_loop(rate_hz: float, seconds: float) -> dict[str, float]:
    """A bare fixed-schedule sleep loop: the floor the bridge's loop jitter is compared with."""
    period = 1.0 / rate_hz
    deadline = time.monotonic()
    late: list[float] = []
    end = deadline + seconds
    while deadline < end:
        delay = deadline - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        late.append(time.monotonic() - deadline)
        deadline += period
    ms = [x * 1e3 for x in late]
    return {"lateness_ms_p50": pct(ms, 50), "lateness_ms_p99": pct(ms, 99), "lateness_ms_max": max(ms)}


def echo_main() -> None:
    """The bare baseline node: republish every String on ``bench/ping`` to ``bench/pong`` at once."""
    import rclpy
    from rclpy.executors import ExternalShutdownException
    from std_msgs.msg import String

    rclpy.init()
    node = rclpy.create_node("bench_echo")
    pub = node.create_publisher(String, "bench/pong", 10)
    node.create_subscription(String, "bench/ping", lambda m: pub.publish(m), 10)
    try:
        rclpy.spin(node)
    except (KeyboardInterrupt, ExternalShutdownException):
        pass
    finally:
        rclpy.try_shutdown()


class Proc:
    """A node subprocess in the bench's domain; stopped with SIGINT."""

    def __init__(self, cmd: list[str], env: dict[str, str]) -> None:
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 - lives as long as the process, closed in stop()
        self.proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT)

    def stop(self) -> None:
        for sig in (signal.SIGINT, signal.SIGKILL):
            if self.proc.poll() is None:
                self.proc.send_signal(sig)
                try:
                    self.proc.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    continue
        self.log.close()

    def output(self) -> str:
        self.log.seek(0)
        return str(self.log.read().decode(errors="replace")[-3000:])


class Probe:
    """The bench's own rclpy node: publishes, records, waits."""

    def __init__(self) -> None:
        import rclpy
        from rclpy.qos import DurabilityPolicy, QoSProfile, ReliabilityPolicy
        from std_msgs.msg import String

        rclpy.init()
        self.rclpy, self.String = rclpy, String
        self.node = rclpy.create_node("bench_probe")
        self.received: dict[str, list[tuple[float, str]]] = {}
        self.pubs: dict[str, Any] = {}
        events_qos = QoSProfile(depth=500, reliability=ReliabilityPolicy.RELIABLE,
                                durability=DurabilityPolicy.TRANSIENT_LOCAL)
        from sensor_msgs.msg import JointState

        self.joint_states: list[tuple[float, float]] = []
        """(arrival, header stamp) of every joint_states message, wall-clock seconds."""
        self.node.create_subscription(
            JointState, "joint_states",
            lambda m: self.joint_states.append((time.time(), m.header.stamp.sec + m.header.stamp.nanosec * 1e-9)),
            QoSProfile(depth=5000, reliability=ReliabilityPolicy.RELIABLE))
        for topic in ("bench/pong", "armstack_bridge/state", "armstack_bridge/events", "armstack_sim_arm/events",
                      "armstack_sim_arm/stats"):
            store = self.received.setdefault(topic, [])
            qos = events_qos if topic.endswith("events") else 100
            self.node.create_subscription(String, topic, lambda m, s=store: s.append((time.monotonic(), m.data)), qos)

    def pub(self, topic: str, text: str) -> None:
        if topic not in self.pubs:
            # A message published before discovery matched a subscriber is lost: wait for the match first.
            self.pubs[topic] = self.node.create_publisher(self.String, topic, 10)
            self.spin_until(lambda: self.pubs[topic].get_subscription_count() > 0, 20.0)
        self.pubs[topic].publish(self.String(data=text))

    def spin_until(self, pred: Any, timeout: float) -> bool:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if pred():
                return True
            self.rclpy.spin_once(self.node, timeout_sec=0.005)
        return bool(pred())

    def state(self) -> dict[str, Any]:
        store = self.received["armstack_bridge/state"]
        return json.loads(store[-1][1]) if store else {}

    def count(self, topic: str, event: str) -> int:
        return sum(1 for _, m in self.received[topic] if json.loads(m).get("event") == event)

    def close(self) -> None:
        self.node.destroy_node()
        self.rclpy.try_shutdown()


def round_trips(probe: Probe, n: int) -> dict[str, Any]:
    out: dict[str, list[float]] = {"bridge": [], "echo": []}
    for k in range(n + 5):
        for which in ("echo", "bridge"):
            tag = f"rt-{which}-{k}"
            if which == "echo":
                store, topic = probe.received["bench/pong"], "bench/ping"
                text = tag
                done = lambda s=store, t=tag: any(m == t for _, m in s[-3:])  # noqa: E731
            else:
                store, topic = probe.received["armstack_bridge/events"], "armstack_bridge/instruction"
                # An instruction the bridge cannot read: acknowledged by a bad_input event quoting it, no task set.
                text = tag
                done = lambda s=store, t=tag: any(t in m for _, m in s[-5:])  # noqa: E731
            start = time.monotonic()
            probe.pub(topic, text)
            if probe.spin_until(done, 5.0) and k >= 5:
                out[which].append((time.monotonic() - start) * 1e3)
    summary: dict[str, Any] = {}
    for which, ms in out.items():
        summary[which] = {"n": len(ms), "ms_p50": pct(ms, 50), "ms_p99": pct(ms, 99)}
    summary["ratio_p50_bridge_over_echo"] = summary["bridge"]["ms_p50"] / summary["echo"]["ms_p50"]
    return summary


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="short phases (smoke test)")
    ap.add_argument("--robot", default="panda", choices=tuple(SIM_MODELS))
    ap.add_argument("--domain", type=int, default=int(os.environ.get("ROS_DOMAIN_ID", "77")))
    ap.add_argument("--tolerant", action="store_true", help="the ROS tests' thresholds for a loaded shared machine")
    ap.add_argument("--echo", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.echo:
        echo_main()
        return 0
    os.environ["ROS_DOMAIN_ID"] = str(args.domain)
    os.environ.setdefault("ROS_AUTOMATIC_DISCOVERY_RANGE", "LOCALHOST")
    os.environ.setdefault("MUJOCO_GL", "egl")
    idle_s = 1.0 if args.quick else 5.0
    n_rt = 10 if args.quick else 100
    faults = FAULTS[:3] if args.quick else FAULTS
    env = dict(os.environ, PYTHONUNBUFFERED="1")

    tmp = Path(tempfile.mkdtemp(prefix="bench_bridge_"))
    ticks_path = tmp / "ticks.jsonl"
    params = yaml.safe_load((ROOT / "launch" / "config" / f"{args.robot}.yaml").read_text())
    bridge_params = params["armstack_bridge"]["ros__parameters"]
    bridge_params.update(tick_log=str(ticks_path), clear_hold_s=0.3)
    if args.tolerant:
        bridge_params.update(LOADED_HOST)
    params_path = tmp / "params.yaml"
    params_path.write_text(yaml.safe_dump(params))
    rate = float(params["armstack_bridge"]["ros__parameters"]["control_rate_hz"])
    period = 1.0 / rate
    report: dict[str, Any] = {
        "machine": {"cpu_count": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(),
                    "load_avg_1min": os.getloadavg()[0]},
        "robot": args.robot, "control_rate_hz": rate, "bridge_parameters": bridge_params, "method": METHOD}

    log(f"baseline: bare {rate:g} Hz sleep loop for {idle_s} s")
    report["loop_baseline"] = bare_loop(rate, idle_s)
    probe = Probe()
    procs: list[Proc] = []
    try:
        procs.append(Proc([sys.executable, __file__, "--echo"], env))
        bridge = Proc([str(BIN / "armstack-bridge"), "--ros-args", "--params-file", str(params_path)], env)
        procs.append(bridge)
        log("round trip: bridge (no arm yet) beside a bare echo node")
        if not probe.spin_until(lambda: bool(probe.state()), 60.0):
            raise RuntimeError(f"the bridge did not start:\n{bridge.output()}")
        probe.spin_until(lambda: probe.node.count_subscribers("bench/ping") > 0, 30.0)
        report["round_trip"] = round_trips(probe, n_rt)

        arm = Proc([str(BIN / "armstack-sim-arm"), "--ros-args", "--params-file", str(params_path)], env)
        procs.append(arm)
        if not probe.spin_until(lambda: probe.state().get("mode") == "NOMINAL", 60.0):
            raise RuntimeError(f"the bridge did not arm:\n{bridge.output()}\n{arm.output()}")
        # This process's own joint-state record (stream_faults) must cover the phases it judges.
        probe.spin_until(lambda: len(probe.joint_states) > 50, 20.0)
        t_idle = time.time()
        log(f"idle loop for {idle_s} s, then a pick-and-place with the expert")
        probe.spin_until(lambda: False, idle_s)
        before_task = probe.state()
        if before_task.get("mode") != "NOMINAL":
            # A loaded host can stop the arm during the idle phase (late joint states): say so, re-arm, go on.
            report["stopped_before_task"] = {"mode": before_task.get("mode"),
                                             "last_transition": before_task.get("last_transition")}
            _rearm(probe)
        t_task = time.time()
        seen = probe.count("armstack_sim_arm/events", "scene_reset")
        probe.pub("armstack_sim_arm/scene_reset", json.dumps({"seed": 3, "task": "pick_place"}))
        probe.spin_until(lambda: probe.count("armstack_sim_arm/events", "scene_reset") > seen, 10.0)
        reset = [json.loads(m) for _, m in probe.received["armstack_sim_arm/events"]
                 if json.loads(m).get("event") == "scene_reset"][-1]
        probe.pub("armstack_bridge/instruction", reset["instruction"])
        success = probe.spin_until(lambda: bool(probe.state().get("task_success")), 30.0 if args.quick else 60.0)
        t_faults = time.time()
        report["pick_and_place"] = {
            "success": success, "seconds": t_faults - t_task,
            "transitions": [json.loads(m) for t, m in probe.received["armstack_bridge/events"]
                            if json.loads(m).get("event") == "transition" and json.loads(m)["t"] >= t_task]}
        injected: list[tuple[str, float]] = []
        for payload in faults:
            if not probe.spin_until(lambda: probe.state().get("mode") == "NOMINAL", 2.0):
                _rearm(probe)
            log(f"fault {payload}")
            injected.append((payload["fault"], time.time()))
            probe.pub("armstack_sim_arm/inject", json.dumps(payload))
            probe.spin_until(lambda: probe.state().get("mode") not in ("NOMINAL", None), 5.0)
            probe.spin_until(lambda: False, 0.3)
            probe.pub("armstack_sim_arm/clear", "{}")
            probe.spin_until(lambda: bool(probe.state().get("rearm_ready")) or probe.state().get("mode") == "NOMINAL",
                             10.0)
            if probe.state().get("mode") != "NOMINAL":
                _rearm(probe)
        probe.spin_until(lambda: False, 0.3)
    finally:
        for p in reversed(procs):
            p.stop()
        probe.close()

    entries = [json.loads(line) for line in ticks_path.read_text().splitlines() if line.strip()]
    ticks = [t for t in entries if t.get("kind", "tick") == "tick"]  # the control loop's schedule
    report["loop"] = _loop_stats(ticks, t_idle, t_task, period)
    publish_period = 1.0 / float(params["armstack_sim_arm"]["ros__parameters"]["publish_rate_hz"])
    report["loop"]["overdue"] = overdue_readings([t for t in ticks if t_idle <= t["t"] < t_faults], period,
                                                 publish_period, [s for _, s in probe.joint_states])
    report["loop"]["lateness_p99_over_baseline"] = (report["loop"]["idle"]["lateness_ms_p99"]
                                                    / max(report["loop_baseline"]["lateness_ms_p99"], 1e-3))
    policy_ms = [t["policy_ms"] for t in ticks if t_task <= t["t"] < t_faults and t["policy_ms"] is not None]
    report["policy"] = {"steps": len(policy_ms), "ms_p50": pct(policy_ms, 50), "ms_p99": pct(policy_ms, 99),
                        "share_of_period_p50": pct(policy_ms, 50) / (period * 1e3),
                        "share_of_period_p99": pct(policy_ms, 99) / (period * 1e3)}
    # The servo replay of the env's velocity model runs on the task path but is not the policy's cost.
    velocity_ms = [t["env_velocity_ms"] for t in ticks
                   if t_task <= t["t"] < t_faults and t.get("env_velocity_ms") is not None]
    report["policy"]["env_velocity_ms_p50"] = pct(velocity_ms, 50) if velocity_ms else None
    report["policy"]["env_velocity_ms_p99"] = pct(velocity_ms, 99) if velocity_ms else None
    tick_ms = [t["tick_ms"] for t in ticks if t_task <= t["t"] < t_faults]
    report["policy"]["bridge_tick_ms_p50"] = pct(tick_ms, 50)
    report["policy"]["bridge_tick_ms_p99"] = pct(tick_ms, 99)
    report["policy"]["bridge_tick_share_of_period_p99"] = pct(tick_ms, 99) / (period * 1e3)
    report["fault_latency"] = _latencies(entries, injected, period)
    stats = [json.loads(m) for _, m in probe.received["armstack_sim_arm/stats"]]
    report["stream_faults"] = _stream_faults(entries, probe.joint_states, stats, params, t_idle, t_faults)
    # Each fallback during the task with its faults' causes (the latest such stream fault before the transition).
    found = report["stream_faults"].pop("all")
    report["pick_and_place"]["interrupted_by"] = [
        {"t": t["t"], "to": t["to"], "faults": t["faults"],
         "causes": {k: next((f["cause"] for f in reversed(found) if f["kind"] == k and f["since"] <= t["t"]), None)
                    for k in t["faults"]}}
        for t in report["pick_and_place"]["transitions"] if t["to"] != "NOMINAL"]
    print(json.dumps(report, indent=2))
    return 0


def _stream_faults(entries: list[dict[str, Any]], joint_states: list[tuple[float, float]],
                   stats: list[dict[str, Any]], params: dict[str, Any], t0: float, t1: float) -> dict[str, Any]:
    """The faults of the arm's streams (``state_rate``, ``stale_state``, ``estop_heartbeat``) raised between ``t0``
    and ``t1`` (before any injection), and whether the sim arm itself published too little (``publisher``: its own
    header stamps in the criterion's window) or published enough that the bridge received too late (``delivery``)."""
    defaults, bridge = MonitorConfig(), params["armstack_bridge"]["ros__parameters"]
    arm = params.get("armstack_sim_arm", {}).get("ros__parameters", {})
    window = defaults.rate_window
    expected = float(bridge.get("expected_state_rate_hz", defaults.expected_state_rate_hz))
    fraction = float(bridge.get("min_rate_fraction", defaults.min_rate_fraction))
    needed = max(1, math.ceil(fraction * expected * window - 1e-9))
    stale = float(bridge.get("stale_periods", defaults.stale_periods)) / float(bridge["control_rate_hz"])
    heartbeat = float(bridge.get("estop_heartbeat_timeout_s", 0.25))
    # The arm's loop publishes the heartbeat every this many ticks: that many joint states stamped in the timeout's
    # window mean a heartbeat was sent in it.
    every_estop = max(1, round(float(arm.get("publish_rate_hz", 250.0)) / float(arm.get("estop_rate_hz", 20.0))))
    criteria = {"state_rate": (window, needed), "stale_state": (stale, 1), "estop_heartbeat": (heartbeat, every_estop)}
    stamps = np.sort([s for _, s in joint_states])
    arrivals = np.sort([a for a, _ in joint_states])

    def count(times: np.ndarray, end: float, span: float) -> int:
        return int(np.searchsorted(times, end, side="right") - np.searchsorted(times, end - span, side="left"))

    faults: dict[tuple[str, float], dict[str, Any]] = {}
    for entry in entries:
        for f in entry["faults"]:
            if f["kind"] not in criteria or not t0 <= f["since"] < t1 or (f["kind"], f["since"]) in faults:
                continue
            span, least = criteria[f["kind"]]
            counted = re.match(r"(\d+) joint states", f.get("detail", ""))
            stamped, received = count(stamps, f["since"], span), count(arrivals, f["since"], span)
            # publisher: the arm sent too little; bridge: it sent enough and this process received enough in time,
            # the bridge did not; delivery: neither subscriber got them in time (DDS, the host).
            cause = ("unobserved" if not stamps.size or stamps[0] > f["since"] - span else "publisher"
                     if stamped < least else "bridge" if received >= least else "delivery")
            faults[(f["kind"], f["since"])] = {
                "kind": f["kind"], "since": f["since"], "window_s": span,
                "bridge_counted": int(counted[1]) if counted else None, "arm_stamped": stamped,
                "probe_received": received, "cause": cause}
    ends = np.arange(t0 + window, t1, 0.05)
    stamped_windows = [count(stamps, e, window) for e in ends]
    received_windows = [count(arrivals, e, window) for e in ends]
    gaps = np.diff(stamps[(stamps >= t0) & (stamps < t1)])
    by_kind: dict[str, dict[str, int]] = {}
    for f in faults.values():
        by_kind.setdefault(f["kind"], {"publisher": 0, "bridge": 0, "delivery": 0, "unobserved": 0})[f["cause"]] += 1
    return {"criteria": {"state_rate_needed_per_window": needed, "rate_window_s": window, "expected_hz": expected,
                         "min_rate_fraction": fraction, "stale_after_s": stale,
                         "heartbeat_timeout_s": heartbeat, "heartbeat_every_samples": every_estop},
            "faults": len(faults), "by_kind": by_kind, "first": list(faults.values())[:12],
            "all": sorted(faults.values(), key=lambda f: f["since"]),
            "arm_stamped_per_window": {"min": min(stamped_windows, default=None),
                                       "p50": pct([float(c) for c in stamped_windows], 50),
                                       "share_below_needed": (sum(c < needed for c in stamped_windows)
                                                              / max(1, len(stamped_windows)))},
            "probe_received_per_window": {"min": min(received_windows, default=None),
                                          "share_below_needed": (sum(c < needed for c in received_windows)
                                                                 / max(1, len(received_windows)))},
            "arm_stamp_gap_ms_max": float(gaps.max() * 1e3) if gaps.size else None,
            "arm_stamp_gaps_over_stale": int((gaps > stale).sum()),
            "sim_arm_stats_last": stats[-1] if stats else None}


def _rearm(probe: Probe) -> None:
    from std_srvs.srv import Trigger

    client: Any = probe.node.create_client(Trigger, "armstack_bridge/rearm")
    for _ in range(5):
        probe.spin_until(lambda: bool(probe.state().get("rearm_ready")), 5.0)
        client.wait_for_service(timeout_sec=5.0)
        future = client.call_async(Trigger.Request())
        probe.spin_until(future.done, 5.0)
        result = future.result() if future.done() else None
        if result is not None and result.success:
            break
    probe.spin_until(lambda: probe.state().get("mode") == "NOMINAL", 5.0)
    probe.node.destroy_client(client)


def _loop_stats(ticks: list[dict[str, Any]], t_idle: float, t_task: float, period: float) -> dict[str, Any]:
    def stats(rows: list[dict[str, Any]]) -> dict[str, float]:
        late = [r["lateness"] * 1e3 for r in rows]
        times = [r["t"] for r in rows]
        dts = [(b - a) * 1e3 for a, b in itertools.pairwise(times)]
        return {"ticks": len(rows), "period_ms_p50": pct(dts, 50), "period_ms_p99": pct(dts, 99),
                "lateness_ms_p50": pct(late, 50), "lateness_ms_p99": pct(late, 99),
                "lateness_ms_max": max(late) if late else float("nan")}

    idle = [t for t in ticks if t_idle <= t["t"] < t_task]
    return {"target_period_ms": period * 1e3, "idle": stats(idle), "whole_run": stats(ticks)}


def overdue_readings(ticks: list[dict[str, Any]], period: float, publish_period: float,
                     stamps: Sequence[float]) -> dict[str, Any]:
    """Of the fault-free scheduled ticks that started at least a control period and two publishing periods late
    (``overdue``): ``only_old``, those whose newest trusted reading was handled before the tick was due although the
    arm had stamped a newer one (``stamps``: the arm's header stamps, as this process received them) at least a
    publishing period before it was due: that reading's callback was still queued behind the node's lock or the
    executor when the late control thread ran; ``arm_silent``, those with only an old reading because the arm itself
    published none meanwhile; ``fresh``, those with a reading handled after they were due. ``only_old_age_ms``: how
    old the reading those ticks had was when they ran (p50, max)."""
    arm = np.sort(np.asarray(stamps, dtype=float))
    late = max(period, 2.0 * publish_period)
    overdue = [t for t in ticks if t["lateness"] >= late and not t["faults"] and t.get("received") is not None]
    old = [t for t in overdue if t["received"] < t["t"] - t["lateness"]]

    def published(t: dict[str, Any]) -> bool:
        due = t["t"] - t["lateness"]
        return bool(np.searchsorted(arm, due - publish_period, side="right") > np.searchsorted(arm, t["received"],
                                                                                             side="right"))

    queued = [t for t in old if published(t)]
    ages = [(t["t"] - t["received"]) * 1e3 for t in queued]
    return {"ticks": len(ticks), "overdue_after_s": late, "overdue": len(overdue), "only_old": len(queued),
            "arm_silent": len(old) - len(queued), "fresh": len(overdue) - len(old),
            "only_old_share": len(queued) / len(overdue) if overdue else None,
            "only_old_age_ms": {"p50": pct(ages, 50), "max": max(ages)} if ages else None}


def _latencies(ticks: list[dict[str, Any]], injected: list[tuple[str, float]], period: float) -> dict[str, Any]:
    """Per injected fault: its criterion time (``since`` of the fault it should cause, from the first tick or
    reaction that lists it) and the latency to the first command published after that moment by a fallback
    mode (a tick's or a reaction's; ``by`` says which), plus any nominal commands published in between.
    ``listed_ms``: until the bridge first reported that very fault (later than the safe command when another
    fault had already stopped the arm). ``lateness_ms``: for a tick, how late it started; for a reaction, from
    the input's arrival or the deadline to the reaction's start (time the host kept the bridge waiting)."""
    out: dict[str, Any] = {}
    for k, (name, t_inj) in enumerate(injected):
        t_next = injected[k + 1][1] if k + 1 < len(injected) else float("inf")
        window = [t for t in ticks if t_inj <= t["t"] < t_next]
        expected = NAMED_FAULT[name]
        first = next((t for t in window if any(f["kind"] == expected for f in t["faults"])), None)
        reaction = next((t for t in window if t["mode"] != "NOMINAL" and t["faults"]), None)
        if first is None:
            out[name] = {"detected": False, "expected_fault": expected}
            continue
        since = next(f["since"] for f in first["faults"] if f["kind"] == expected)
        safe = next(t for t in window if t["t_pub"] >= since and t["mode"] != "NOMINAL")  # `first` at the latest
        nominal = [t for t in window if since <= t["t_pub"] < safe["t_pub"] and t["cmd"] is not None]
        ms = (safe["t_pub"] - since) * 1e3
        out[name] = {"detected": True, "expected_fault": expected, "mode": safe["mode"], "command": safe["source"],
                     "latency_ms": ms, "latency_periods": ms / (period * 1e3), "by": safe.get("kind", "tick"),
                     "nominal_commands_after_criterion": len(nominal),
                     "listed_ms": (first["t_pub"] - since) * 1e3, "decision_ms": (safe["t"] - since) * 1e3,
                     "lateness_ms": safe["lateness"] * 1e3, "detect_ms_after_inject": (first["t"] - t_inj) * 1e3,
                     "first_reaction": None if reaction is None else {
                         "faults": sorted({f["kind"] for f in reaction["faults"]}), "mode": reaction["mode"],
                         "command": reaction["source"], "ms_after_inject": (reaction["t"] - t_inj) * 1e3}}
    lat = [v["latency_ms"] for v in out.values() if v.get("detected")]
    by = [v["by"] for v in out.values() if v.get("detected")]
    out["summary"] = {"detected": f"{len(lat)}/{len(injected)}", "by_reaction": by.count("reaction"),
                      "by_tick": by.count("tick"), "max_latency_ms": max(lat) if lat else None,
                      "max_latency_periods": max(lat) / (period * 1e3) if lat else None,
                      "median_latency_ms": statistics.median(lat) if lat else None,
                      "within_one_period": sum(1 for x in lat if x <= period * 1e3),
                      "nominal_commands_after_criterion": sum(v["nominal_commands_after_criterion"]
                                                              for v in out.values() if v.get("detected"))}
    return out

if __name__ == "__main__":
    sys.exit(main())
