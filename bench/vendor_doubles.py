"""Bridge against each vendor driver's double: fault timings, safety counts, rejected trajectories, arming.

Prints one JSON object to stdout (progress to stderr). Per profile (``ur`` on the UR5e, ``franka`` on the FR3)
one ``armstack-sim-arm`` double and one ``armstack-bridge`` run in their own ROS_DOMAIN_ID over real DDS, with
the profile's overlay (``launch/config/overlay/<profile>.yaml``) and the bridge's tick log, driven through
``robot.ros_rig.BridgeRig`` as the ROS tests drive them. Figures:

* ``armed``: whether the bridge armed on the double's arm-only joint states at the driver's rate (UR 500 Hz,
  franka 1 kHz unless ``--rate``), the double's achieved rate, and the preflight refusals on the way;
* ``faults``: per injected fault, injected while the arm moves (a scripted pick-and-place, ``--still`` to hold
  instead), the time from the injection (the double's event, same host clock) to the bridge's first safe
  command (first record out of NOMINAL: a hold, or nothing in ESTOP), to the moment the commanded motion stopped
  (the last command before the re-arm that differed from its predecessor, or the first safe command when none
  did), and to the controller's stop (the bridge's ``controller_switch`` event that switched the command
  controller off, answered by the double's controller_manager; null when the bridge did not switch it off;
  ``--switch-off`` sets the bridge's ``stop_deactivates_controller``); ``expected_named_ms`` is the first record
  naming the fault the injection must cause (a milder one may come first: a delayed stream first looks thin), and
  ``nominal_at_inject`` says whether the bridge was NOMINAL when it went in (a loaded host's own DEGRADED flares
  make the first safe command meaningless then);
  with the mode, the faults the bridge named and the commands it sent until the re-arm;
* ``effort``: the effort spike on joint 0: franka publishes torque (an ``effort_limit`` stop, in ``faults``);
  UR publishes motor current (A), which the bridge's N m limits cannot judge, so they are off and
  ``/diagnostics`` says so: the current the double published, whether any fault followed, the diagnostic level;
* ``beyond_limits``: commands outside the joint limits or the gate's velocity envelope, and (``limits``) the
  commanded sequence judged against the driver's velocity, acceleration and jerk limits as libfranka judges it
  (``robot.safety.motion_limits.limit_violations``, split at re-arms and gaps; the UR profile has none);
* ``untrusted``: commands after a sensor fault, before the re-arm, that depend on readings taken after it
  (must be 0): any that differs from the last command before the fault, or with a jerk-limited gate (franka,
  whose stop brakes instead of freezing) any beyond the braking distance from it or a stop that never comes to
  rest (``untrusted_commands``);
* ``trajectories``: JointTrajectory messages the bridge sent (stamped as the profile's ``trajectory_stamp``
  says) while two CPU hogs (niced, so other work on the host keeps its share) load the host, and how many of
  them the double rejected while its controller was active (``rejected``: late stamped trajectories, as
  JointTrajectoryController drops them; ``--messages``, default 10,000), apart from those an inactive controller
  dropped after the bridge's own switch-off (``dropped_after_switch_off``: in flight when the switch landed);
* ``controller_switches``: the bridge's switch-offs and switch-ons, refusals, the arm commands it published
  while its switch-off was in force (must be 0) and whether its last commands were acknowledged before each
  switch-off went out.

Run from the repository root: ``MUJOCO_GL=egl python bench/vendor_doubles.py [--quick]``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("MUJOCO_GL", "egl")

from robot.fault_injection import NAMED_FAULT  # noqa: E402
from robot.ros_rig.bridge_rig import (  # noqa: E402
    LOADED_HOST,
    BridgeRig,
    RigTimeoutError,
    read_ticks,
    vendor_params_file,
)
from robot.ros_rig.processes import NodeProcess, RosProbe, allocate_domain_id  # noqa: E402
from robot.safety.faults import SENSOR_FAULTS as SENSOR_FAULT_KINDS  # noqa: E402

ROBOTS = {"ur": "ur5e", "franka": "fr3"}
SENSOR_FAULTS: list[dict[str, Any]] = [{"fault": "stale"}, {"fault": "freeze"}, {"fault": "nan"},
                                       {"fault": "jump", "magnitude": 0.3}, {"fault": "latency", "delay": 0.6}]
COMMON_FAULTS: list[dict[str, Any]] = [{"fault": "estop"}, {"fault": "estop_heartbeat"}]
DRIVER_FAULTS: dict[str, list[dict[str, Any]]] = {
    "ur": [{"fault": "protective_stop"}, {"fault": "program_stop"}, {"fault": "speed_scaling", "value": 0.0}],
    "franka": [{"fault": "reflex"}, {"fault": "user_stop"}, {"fault": "effort_spike"}],
}
SENSOR_KINDS = {kind.id for kind in SENSOR_FAULT_KINDS}
MOTION_S = 0.6
"""How long the scripted task runs before an injection: the arm is on its way to the cube."""


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


@contextlib.contextmanager
def domain_for(args: argparse.Namespace, index: int) -> Iterator[int]:
    """``--domain`` + index when given, else a free ROS_DOMAIN_ID held for the block."""
    if args.domain:
        yield args.domain + index
        return
    with allocate_domain_id() as domain:
        yield domain


def published(ticks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The tick log with ``cmd`` None where the bridge published nothing: a tick marked ``controller_off`` (the
    controller is being or was switched off by the stop) still records the command it computed."""
    return [{**t, "cmd": None} if t.get("controller_off") else t for t in ticks]


def switch_off_known() -> bool:
    """Whether this bridge has the controller switch-off on category-0/1 stops (``stop_deactivates_controller``)."""
    from dataclasses import fields

    from robot.params import BridgeParams

    return "stop_deactivates_controller" in {f.name for f in fields(BridgeParams)}


def start_motion(rig: BridgeRig, seed: int) -> bool:
    """A scripted pick-and-place (JSON task goal: the planner is off) on a fresh layout; True once it runs."""
    event = rig.send("armstack_sim_arm/scene_reset", {"seed": seed, "task": "pick_place"}, "scene_reset")
    goal = {key: event[key] for key in ("object", "target", "instruction")} | {"task": "pick_place"}
    rig.send("armstack_bridge/instruction", goal)
    if not rig.probe.spin_until(lambda: rig.state().get("task") == "pick_place", 5.0, rig.bridge):
        return False
    rig.probe.spin_for(MOTION_S)
    return True


def effort_spike_ur(rig: BridgeRig, joints: list[tuple[float, Any]], diagnostics: list[tuple[float, Any]]
                    ) -> dict[str, Any]:
    """UR: the spike (twice joint 0's torque limit) as the double publishes it, and what the bridge did."""
    from robot.drivers.motor_current import torque_per_amp
    from sim.robots import get_robot

    before, seen = len(joints), len(rig.states)
    rig.send("armstack_sim_arm/inject", {"fault": "effort_spike", "joint": 0}, "inject")
    rig.probe.spin_for(1.5)
    spiked = [float(m.effort[0]) for _, m in joints[before:]]
    states = [json.loads(m.data) for _, m in rig.states[seen:]]
    limits = None
    if diagnostics:
        status = {st.name: st for st in diagnostics[-1][1].status}.get("armstack_bridge: joint_limits")
        if status is not None:
            limits = {"level": int.from_bytes(status.level, "little") if isinstance(status.level, bytes)
                      else int(status.level), "message": status.message,
                      "effort_factor": {kv.key: kv.value for kv in status.values}.get("effort_factor")}
    rig.send("armstack_sim_arm/clear", {}, "clear")
    return {"unit": "A (motor current, robot.drivers.motor_current)",
            "spike_nm": 2 * get_robot("ur5e").effort_limits[0],
            "expected_a": round(2 * get_robot("ur5e").effort_limits[0] / torque_per_amp("ur5e")[0], 2),
            "published_a_median": round(float(np.median(spiked)), 2) if spiked else None,
            "published_a_max": round(max(spiked), 2) if spiked else None,
            "faults_named": sorted({k for s in states for k in s.get("faults", ())}),
            "modes": sorted({s.get("mode") for s in states}), "joint_limits_diagnostic": limits}


def limit_counts(sent: list[dict[str, Any]], profile: str, period: float) -> dict[str, Any] | None:
    """The commanded sequence against the driver's velocity/acceleration/jerk limits (None: the profile has none)."""
    from robot.safety.motion_limits import limit_violations
    from robot.vendor_profiles import get_profile

    vendor = get_profile(profile)
    if not (vendor.max_velocity or vendor.max_acceleration or vendor.max_jerk):
        return None
    runs: list[tuple[list[list[float]], bool]] = []
    for t in sent:
        if t["cmd"] is None:
            if runs and runs[-1][0]:
                runs.append(([], False))  # a gap: nothing commanded, the next command starts a new run
            continue
        if t["source"] == "resume" or not runs:
            runs.append(([], t["source"] == "resume"))
        runs[-1][0].append(t["cmd"])
    totals = {"commands": 0, "beyond_limits": 0, "velocity": 0, "acceleration": 0, "jerk": 0}
    worst = {"worst_velocity_ratio": 0.0, "worst_acceleration_ratio": 0.0, "worst_jerk_ratio": 0.0}
    for commands, at_rest in runs:
        if not commands:
            continue
        counted = limit_violations(commands, period, vendor, at_rest_before=at_rest).to_dict()
        for key in totals:
            totals[key] += int(counted[key])
        for key in worst:
            worst[key] = max(worst[key], round(float(counted[key]), 3))
    return {**totals, **worst, "runs": sum(1 for c, _ in runs if c)}


def untrusted_commands(after: list[dict[str, Any]], before: list[dict[str, Any]],
                       brake: tuple[np.ndarray, np.ndarray] | None, period: float) -> int:
    """Commands from the record that first names a sensor fault up to the re-arm that depend on readings taken
    after the fault. Without a jerk-limited gate the stop freezes the command: each must equal the last one sent
    before the fault (or the detecting record's own). With one (franka) the stop brakes from the commands before
    it: each joint may move no further than it could brake from its velocity then (v^2 / 2a, plus the jerk-limited
    ramp and one period), and the stop must come to rest; a command beyond that bound followed something else."""
    cmds = [np.array(t["cmd"]) for t in after if t["cmd"] is not None]
    if not cmds:
        return 0
    reference = np.array(after[0]["cmd"]) if after[0]["cmd"] is not None else (
        np.array(before[-1]["cmd"]) if before else None)
    if reference is None:
        return len(cmds)  # nothing was commanded before: any command would have come from a reading
    if brake is None:
        return sum(1 for c in cmds if not np.array_equal(c, reference))
    accel, jerk = brake
    start = np.array(before[-1]["cmd"]) if before else reference
    x = [np.array(t["cmd"]) for t in before[-3:]]
    speed = np.abs(x[-1] - x[-2]) / period if len(x) >= 2 else np.zeros_like(start)
    acc = np.abs(x[-1] - 2 * x[-2] + x[-3]) / period ** 2 if len(x) == 3 else accel
    # The differences are averages over a period: the speed then may be higher by a period's acceleration, and an
    # accelerating joint keeps gaining speed while its acceleration ramps down at the jerk limit.
    peak = speed + acc * period + acc ** 2 / (2 * jerk)
    reach = peak ** 2 / (2 * accel) + peak * (2 * period + 2 * accel / jerk + acc / jerk) + 1e-9
    beyond = sum(1 for c in cmds if bool(np.any(np.abs(c - start) > reach)))
    at_rest = len(cmds) >= 2 and np.array_equal(cmds[-1], cmds[-2])
    return beyond + (0 if at_rest or len(cmds) < 2 else 1)


def analyse(ticks: list[dict[str, Any]], episodes: list[dict[str, Any]], switches: list[dict[str, Any]],
            profile: str, params: Path) -> dict[str, Any]:
    """Per-fault timings and the safety counts, from the bridge's tick log and its controller switches."""
    from robot.params import load_bridge_params
    from robot.safety import CommandGate
    from robot.vendor_profiles import get_profile
    from sim.robots import get_robot

    bp = load_bridge_params([str(params)])
    gate = CommandGate(get_robot(bp.sim_model), bp.gate_config())
    sent = [t for t in ticks if t["cmd"] is not None]
    vendor = get_profile(profile)
    brake = (np.array(vendor.max_acceleration), np.array(vendor.max_jerk)) \
        if vendor.max_acceleration and vendor.max_jerk and getattr(bp.gate_config(), "jerk_limited", False) else None
    beyond, prev = 0, None
    for t in sent:
        cmd = np.array(t["cmd"])
        out = bool(np.any(cmd < gate.lower - 1e-9) or np.any(cmd > gate.upper + 1e-9))
        if prev is not None and t["source"] != "resume":
            out |= not gate.within_envelope(prev, cmd)
        beyond += out
        prev = cmd
    results, untrusted = [], 0
    for ep in episodes:
        t0, t1 = ep["t_inject"], ep["t_rearm"]
        window = [t for t in ticks if t0 <= t["t_pub"] < t1]
        resume = next((i for i, t in enumerate(window) if t["source"] == "resume"), len(window))
        window = window[:resume]  # up to the re-arm's first command
        first = next((t for t in window if t["mode"] != "NOMINAL"), None)
        named = next((t for t in window if any(f["kind"] == NAMED_FAULT[ep["fault"]] for f in t["faults"])), None)
        before = [t for t in sent if t["t_pub"] < t0]
        cmds = [t for t in window if t["cmd"] is not None]
        moving = [c for a, c in zip([*before[-1:], *cmds], cmds, strict=False) if a["cmd"] != c["cmd"]]
        detected = next((i for i, t in enumerate(window) if any(f["kind"] in SENSOR_KINDS for f in t["faults"])), None)
        if detected is not None:
            untrusted += untrusted_commands(window[detected:], [t for t in sent if t["t_pub"] <
                                                               window[detected]["t_pub"]], brake, bp.control_period)
        stop_t = None if first is None else max(first["t_pub"], moving[-1]["t_pub"] if moving else first["t_pub"])
        off = next((s for s in switches if not s.get("active") and s.get("ok") and t0 <= s["t"] < t1), None)
        results.append({
            "fault": ep["fault"], "moving": ep["moving"], "nominal_at_inject": ep["nominal_at_inject"],
            "mode": None if first is None else first["mode"],
            "named": sorted({f["kind"] for t in window for f in t["faults"]}),
            "first_safe_ms": None if first is None else round((first["t_pub"] - t0) * 1e3, 1),
            "expected_named_ms": None if named is None else round((named["t_pub"] - t0) * 1e3, 1),
            "motion_stopped_ms": None if stop_t is None else round(max(0.0, stop_t - t0) * 1e3, 1),
            "controller_stop_ms": None if off is None else round((off["t"] - t0) * 1e3, 1),
            "controller_stop_request_ms": None if off is None else round((off["t_request"] - t0) * 1e3, 1),
            "commands_until_rearm": len(cmds)})
    return {"faults": results, "beyond_limits": int(beyond), "limits": limit_counts(sent, profile, bp.control_period),
            "untrusted": untrusted, "commands": len(sent)}


def inject_episode(rig: BridgeRig, payload: dict[str, Any], seed: int, moving: bool) -> dict[str, Any]:
    """Inject while the arm moves (or holds), wait for the fault the bridge must name, clear, re-arm."""
    rig.probe.spin_for(0.5)  # some NOMINAL time between episodes
    if rig.state().get("mode") != "NOMINAL":  # a stop the loaded host caused by itself: re-armed first
        rig.try_arm(30.0)
    in_motion = moving and start_motion(rig, seed)
    # A DEGRADED flare of the loaded host (a thin stream) would be taken for the injection's first safe command.
    rig.probe.spin_until(lambda: rig.state().get("mode") == "NOMINAL", 3.0, rig.bridge)
    nominal = rig.state().get("mode") == "NOMINAL"
    event = rig.send("armstack_sim_arm/inject", payload, "inject")
    kind = NAMED_FAULT[payload["fault"]]  # the bench waits for it before clearing
    rig.probe.spin_until(lambda: kind in rig.state().get("faults", ()), 5.0, rig.bridge)
    rig.probe.spin_for(0.5)
    rig.send("armstack_sim_arm/clear", {}, "clear")
    if payload["fault"] == "reflex":  # franka: only the operator's explicit recovery ends a reflex
        with contextlib.suppress(RigTimeoutError):
            rig.call("armstack_bridge/recover")
    ok, _ = rig.try_arm(60.0)
    return {"fault": payload["fault"], "t_inject": event["t"], "t_rearm": time.time(), "moving": in_motion,
            "nominal_at_inject": nominal, "rearmed": ok}


def trajectories_under_load(rig: BridgeRig, tick_log: Path, messages: int) -> dict[str, Any]:
    """Until the bridge has sent ``messages`` trajectories with two niced CPU hogs running: the double's rejections."""
    hog = f"import time\nt=time.time()\nwhile time.time()-t<{5 * messages / 100 + 30}: pass"
    hogs = [subprocess.Popen(["nice", "-n", "19", sys.executable, "-c", hog]) for _ in range(2)]
    t0, seen = time.time(), len(rig.arm_events)

    def sent_since() -> int:
        return sum(1 for t in published(read_ticks(tick_log)) if t["cmd"] is not None and t["t_pub"] >= t0)

    rearms = 0
    try:
        deadline = time.monotonic() + 5.0 * messages / 100.0 + 30.0  # a loaded host ticks below its rate
        while sent_since() < messages and time.monotonic() < deadline:
            rig.probe.spin_for(2.0)
            if rig.state().get("mode") != "NOMINAL" and rig.state().get("rearm_ready"):
                # The starved host stopped the bridge (a late heartbeat or stream): re-armed as a technician
                # would, and counted.
                rearms += bool(rig.request_rearm().success)
    finally:
        for h in hogs:
            h.kill()
        for h in hogs:
            h.wait(60)
    t1 = time.time()
    rig.probe.spin_for(1.5)  # the double reports suppressed rejections once a second
    rejected = [e for e in rig.arm_event_list()[seen:] if e["event"] == "rejected" and "joint_trajectory" in e["topic"]]
    reasons: dict[str, int] = {}
    dropped = 0
    for e in rejected:  # late (ended before it arrived), malformed, or sent to a switched-off controller
        count = 1 + int(e.get("suppressed", 0))
        if "inactive" in e["reason"]:
            dropped += count  # a deliberate switch-off: not a valid command the active controller refused
            continue
        key = "ended before arrival" if "before it arrived" in e["reason"] else e["reason"][:60]
        reasons[key] = reasons.get(key, 0) + count
    return {"window": (t0, t1), "rejected_events": len(rejected), "rearms_during_load": rearms,
            "rejected": sum(reasons.values()), "rejected_by_reason": reasons, "dropped_after_switch_off": dropped}


def published_while_off(ticks: list[dict[str, Any]], switches: list[dict[str, Any]]) -> int:
    """Arm commands the bridge published between a switch-off request and the next switch-on request (must be 0:
    a command dropped by the inactive controller was then one still in flight, not one sent into the silence)."""
    spans, off_at = [], None
    for s in sorted(switches, key=lambda e: e["t_request"]):
        if not s.get("active") and off_at is None:
            off_at = s["t_request"]
        elif s.get("active") and off_at is not None:
            spans.append((off_at, s["t_request"]))
            off_at = None
    if off_at is not None:
        spans.append((off_at, float("inf")))
    return sum(1 for t in ticks if t["cmd"] is not None and any(a <= t["t_pub"] < b for a, b in spans))


def run_profile(profile: str, args: argparse.Namespace, domain: int, tmp: Path) -> dict[str, Any]:
    from diagnostic_msgs.msg import DiagnosticArray
    from sensor_msgs.msg import JointState
    from std_msgs.msg import String

    from robot.vendor_profiles import get_profile

    tick_log = tmp / f"{profile}_ticks.jsonl"
    bridge_params = dict(LOADED_HOST if args.tolerant else {})
    if switch_off_known() and args.switch_off != "overlay":
        bridge_params["stop_deactivates_controller"] = args.switch_off == "on"
    params = vendor_params_file(tmp, profile, ROBOTS[profile], rate=args.rate, tick_log=str(tick_log),
                                **bridge_params)
    out: dict[str, Any] = {"robot": ROBOTS[profile], "stop_deactivates_controller": yaml.safe_load(
        params.read_text())["armstack_bridge"]["ros__parameters"].get("stop_deactivates_controller")}
    episodes: list[dict[str, Any]] = []
    with RosProbe(domain, "vendor_bench") as probe, NodeProcess("armstack-sim-arm", domain, params) as arm, \
            NodeProcess("armstack-bridge", domain, params) as bridge:
        rig = BridgeRig(probe, bridge, arm)
        for topic in ("armstack_sim_arm/scene_reset", "armstack_bridge/instruction"):
            probe.publisher(String, topic)
        stats = probe.subscribe(String, "armstack_sim_arm/stats")
        probe.spin_until(lambda: bool(rig.states), 60.0, bridge)
        armed, refusals = rig.try_arm(60.0)
        probe.spin_until(lambda: bool(stats), 5.0)
        rate = json.loads(stats[-1][1].data).get("rate_hz", 0.0) if stats else 0.0
        out["armed"] = {"armed": armed, "refusals_before": len(refusals), "last_refusal": refusals[-1] if refusals
                        else None, "double_rate_hz": round(float(rate), 1),
                        "expected_rate_hz": yaml.safe_load(params.read_text())["armstack_bridge"]["ros__parameters"]
                        ["expected_state_rate_hz"]}
        if not armed:  # what kept it from arming: the bridge's faults and re-arm readiness
            out["armed"]["state"] = {k: rig.state().get(k) for k in ("mode", "faults", "rearm_ready")}
        probe.unsubscribe("armstack_sim_arm/stats")
        log(f"{profile}: armed={armed} at {out['armed']['double_rate_hz']} Hz")
        faults = SENSOR_FAULTS + COMMON_FAULTS + DRIVER_FAULTS[profile]
        for k, payload in enumerate(faults[: args.faults]):
            if not armed:
                break
            episodes.append(inject_episode(rig, payload, seed=k + 1, moving=not args.still))
            armed = episodes[-1]["rearmed"]
            log(f"{profile}: {payload['fault']}: moving={episodes[-1]['moving']} re-armed={armed}")
        if profile == "ur" and armed and args.faults >= len(faults):
            joints = probe.subscribe(JointState, get_profile(profile).joint_states_topic)
            diagnostics = probe.subscribe(DiagnosticArray, "/diagnostics")
            out["effort"] = effort_spike_ur(rig, joints, diagnostics)
            probe.unsubscribe(get_profile(profile).joint_states_topic)
            armed = rig.state().get("mode") == "NOMINAL" or rig.try_arm(60.0)[0]
        if args.messages and armed:
            out["trajectories"] = trajectories_under_load(rig, tick_log, args.messages)
        switches = [e for e in rig.bridge_events() if e.get("event") == "controller_switch"]
    ticks = published(read_ticks(tick_log))
    if args.keep:
        Path(args.keep).mkdir(parents=True, exist_ok=True)
        (Path(args.keep) / tick_log.name).write_text(tick_log.read_text())
        (Path(args.keep) / f"{profile}_episodes.json").write_text(json.dumps({"episodes": episodes,
                                                                                "switches": switches}))
    out.update(analyse(ticks, episodes, switches, profile, params))
    offs = [s for s in switches if not s.get("active")]
    out["controller_switches"] = {"off": len(offs), "on": sum(1 for s in switches if s.get("active")),
                                  "refused": sum(1 for s in switches if not s.get("ok")),
                                  "commands_published_while_off": published_while_off(ticks, switches),
                                  "off_with_commands_acked": sum(1 for s in offs if s.get("commands_acked")),
                                  "ack_wait_ms_max": max((s.get("ack_wait_ms", 0.0) for s in offs), default=None)}
    if "trajectories" in out:
        t0, t1 = out["trajectories"].pop("window")
        out["trajectories"]["sent"] = sum(1 for t in ticks if t["cmd"] is not None and t0 <= t["t_pub"] <= t1)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smoke run: 2 faults, 200 trajectory messages")
    parser.add_argument("--profiles", default="ur,franka")
    parser.add_argument("--rate", type=float, default=None, help="joint-state rate (default: the driver's)")
    parser.add_argument("--messages", type=int, default=10_000, help="trajectory messages under load (0 = skip)")
    parser.add_argument("--faults", type=int, default=100, help="at most this many faults per profile")
    parser.add_argument("--still", action="store_true", help="inject while the arm holds (default: while it moves)")
    parser.add_argument("--tolerant", action="store_true", help="loaded-host thresholds (as the ROS tests)")
    parser.add_argument("--switch-off", choices=("on", "off", "overlay"), default="overlay",
                        help="switch the command controller off after a category-0/1 stop (overlay: as the "
                             "profile's overlay says; ignored by a bridge without that parameter)")
    parser.add_argument("--domain", type=int, default=0, help="first ROS_DOMAIN_ID (default: a free one each)")
    parser.add_argument("--keep", default="", help="copy the tick logs and episodes to this folder")
    args = parser.parse_args(argv)
    if args.quick:
        args.messages, args.faults = min(args.messages, 200), min(args.faults, 2)
    unknown = sorted(set(args.profiles.split(",")) - set(ROBOTS))
    if unknown:
        parser.error(f"unknown profile(s) {', '.join(unknown)}; valid: {', '.join(ROBOTS)}")
    report: dict[str, Any] = {"host": {"cpus": os.cpu_count(), "load_avg_start": os.getloadavg()[0]},
                              "args": vars(args), "profiles": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for i, profile in enumerate(args.profiles.split(",")):
            with domain_for(args, i) as domain:
                report["profiles"][profile] = run_profile(profile, args, domain, Path(tmp))
    report["host"]["load_avg_end"] = os.getloadavg()[0]
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
