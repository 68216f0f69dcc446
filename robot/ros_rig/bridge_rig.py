"""The bridge and the simulated arm (or a vendor driver's double) seen from a probe: state, events, faults, arming.

Shared by the ROS tests (``tests/robot/test_bridge_ros.py``, ``test_vendor_doubles.py`` and the tests that use
their rigs) and ``bench/vendor_doubles.py``, so both inject, clear, wait and re-arm the same way. A
:class:`BridgeRig` wraps a :class:`robot.ros_rig.processes.RosProbe` in the nodes' domain: it records the
bridge's ``~/state`` (JSON), its latched ``~/bridge_state`` and ``~/events`` and the sim arm's ``~/events``,
publishes on the sim arm's ``~/inject`` and ``~/clear``, and calls the bridge's Trigger services. Waits end
early when the bridge process exits; one that fails raises :class:`RigTimeoutError` with the bridge's state, its
mode transitions and both nodes' output. :meth:`BridgeRig.spin_rearming` waits while re-arming the stops a loaded
host causes by itself (``TIMING_FAULTS``), as a technician and the benches do.

Also here: the parameter file of a vendor double (robot file + ``launch/config/overlay/<profile>.yaml``, as
``real.launch.py profile:=...`` reads them), the thresholds for a loaded shared host, the faults such a host
causes by itself, and the reader of the bridge's tick log and its summary for a failed test's message. rclpy
loads only when a rig is built.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from robot.ros_rig.processes import REPO_ROOT, NodeProcess, RosProbe

CONFIG = REPO_ROOT / "launch" / "config"
LOADED_HOST: dict[str, Any] = {"stale_periods": 30.0, "min_rate_fraction": 0.3, "overrun_ticks": 50,
                               "estop_heartbeat_timeout_s": 1.0, "tracking_time_s": 0.3}
"""Bridge thresholds with room for a loaded 2-core CI box (the defaults assume a real-time host)."""
TIMING_FAULTS = frozenset({"stale_state", "state_rate", "loop_overrun", "estop_heartbeat", "tracking_error",
                           "velocity_limit", "driver_status"})
"""Faults a starved host causes by itself: a technician re-arms after them. tracking_error because the sim arm's
physics falls behind real time when its process gets no CPU and the measured arm trails its commands;
velocity_limit when it then catches up on the latest target in one burst (seen at load average 12 on 2 cores);
driver_status when the driver double's process, which publishes the joint states and the status topics alike,
gets no CPU for longer than the same stale bound (seen with stale_state in one CI run of the UR gripper test)."""
STARTUP_S = 60.0
TRANSITIONS_SHOWN = 20


class RigTimeoutError(RuntimeError):
    """What a rig waited for did not happen in time (the message carries both nodes' recent output)."""


def transition_t(state: dict[str, Any]) -> float | None:
    """Node-clock time of the transition a ``~/state`` reports last (None: no state yet)."""
    t = (state.get("last_transition") or {}).get("t")
    return None if t is None else float(t)


def rearmed_after(state: dict[str, Any], since: float | None) -> bool:
    """The bridge is armed and NOMINAL through a transition after ``since`` (the last transition of the state a
    re-arm started from; None: any): re-armed meanwhile, by its own first arming (``arm_on_start``) or a request
    answered after the state was read. A NOMINAL bridge never reports ``rearm_ready``, so a wait for it must end
    here; a NOMINAL state read before the stop carries an older transition and never ends it."""
    t = transition_t(state)
    return state.get("mode") == "NOMINAL" and bool(state.get("armed")) and t is not None \
        and (since is None or t > since)


def published_after(state: dict[str, Any], t: float) -> bool:
    """Whether the bridge published ``state`` at or after node-clock time ``t`` (its ``t``: the tick's clock, the
    same system clock as a probe's): one read before is older than anything that came meanwhile (a stop, a re-arm, a
    goal), and a rig that acts on it acts on the past."""
    return float(state.get("t", float("-inf"))) >= t


def _armed_nominal(state: dict[str, Any]) -> bool:
    return bool(state.get("armed")) and state.get("mode") == "NOMINAL"


def timing_stop_ready(state: dict[str, Any]) -> bool:
    """A stop latched by ``TIMING_FAULTS`` only, its faults clear (``rearm_ready``): one a technician re-arms. The
    bridge's start-up state (SAFE_STOP, never armed; ``rearm_ready`` from its first trusted joint state on, until it
    arms) is none: its transition names no fault, and an ``arm_on_start`` bridge arms by itself (a request then races
    that arming)."""
    faults = (state.get("last_transition") or {}).get("faults") or []
    return bool(state.get("rearm_ready")) and bool(faults) and set(faults) <= TIMING_FAULTS


def latched_qos(depth: int = 500) -> Any:
    """Reliable, transient-local: a late subscriber still gets the events and the bridge's latched state."""
    from rclpy.qos import DurabilityPolicy, QoSProfile, ReliabilityPolicy

    return QoSProfile(depth=depth, reliability=ReliabilityPolicy.RELIABLE, durability=DurabilityPolicy.TRANSIENT_LOCAL)


def vendor_params_file(tmp: Path, profile: str, robot: str, *, rate: float | None = None, **bridge: Any) -> Path:
    """``launch/config/<robot>.yaml`` with the profile's overlay applied (as ``real.launch.py profile:=...``), the
    planner off, ``bridge`` parameters on top and, with ``rate``, the double's and the expected joint-state rate."""
    data = yaml.safe_load((CONFIG / f"{robot}.yaml").read_text())
    overlay = yaml.safe_load((CONFIG / "overlay" / f"{profile}.yaml").read_text())
    for node, section in overlay.items():
        data[node]["ros__parameters"].update(section["ros__parameters"])
    if rate is not None:
        data["armstack_sim_arm"]["ros__parameters"]["publish_rate_hz"] = rate
        data["armstack_bridge"]["ros__parameters"]["expected_state_rate_hz"] = rate
    # Imported here: the planner registry imports sim (MuJoCo), which the rig's importers need not load.
    from robot.planner_process import NO_PLANNER

    data["armstack_bridge"]["ros__parameters"].update(planner=NO_PLANNER, **bridge)
    path = tmp / f"{robot}_{profile}.yaml"
    path.write_text(yaml.safe_dump(data))
    return path


def read_ticks(path: Path) -> list[dict[str, Any]]:
    """The bridge's tick log (``tick_log``): one JSON record per tick or reaction, in the order published."""
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def tick_summary(path: Path, since: float = float("-inf")) -> dict[str, Any]:
    """What the bridge's tick log says about its ticks from node-clock time ``since``: ticks per mode, the policy
    ticks (those that acted, and each policy fault kind with its first detail) and the longest policy step, for a
    failed test's message (why the policy did not act)."""
    done = path.read_text() if path.is_file() else ""
    done = done[: done.rfind("\n") + 1]  # not a line the bridge is writing now
    ticks = [t for t in map(json.loads, done.splitlines()) if t["kind"] == "tick" and t["t"] >= since]
    modes: dict[str, int] = {}
    policy_faults: dict[str, list[Any]] = {}
    acted, policy_ms = 0, []
    for t in ticks:
        modes[t["mode"]] = modes.get(t["mode"], 0) + 1
        if t.get("policy_ms") is None:
            continue
        policy_ms.append(t["policy_ms"])
        faults = [f for f in t["faults"] if f["kind"].startswith("policy_")]
        acted += not faults
        for f in faults:
            policy_faults.setdefault(f["kind"], [0, f["detail"][:200]])[0] += 1
    return {"ticks": len(ticks), "modes": modes, "policy_ticks": len(policy_ms), "acted": acted,
            "policy_faults": policy_faults, "policy_ms_max": round(max(policy_ms), 1) if policy_ms else None}


class BridgeRig:
    """A probe wired to ``armstack_bridge`` and ``armstack_sim_arm`` (``arm`` may be started later and set)."""

    BRIDGE = "armstack_bridge"
    ARM = "armstack_sim_arm"

    def __init__(self, probe: RosProbe, bridge: NodeProcess, arm: NodeProcess | None = None) -> None:
        from std_msgs.msg import String

        self.probe, self.bridge, self.arm = probe, bridge, arm
        self.states = probe.subscribe(String, f"{self.BRIDGE}/state")
        self.bridge_states = probe.subscribe(String, f"{self.BRIDGE}/bridge_state", latched_qos())
        self.events = probe.subscribe(String, f"{self.BRIDGE}/events", latched_qos())
        self.arm_events = probe.subscribe(String, f"{self.ARM}/events", latched_qos())
        for topic in (f"{self.ARM}/inject", f"{self.ARM}/clear"):
            probe.publisher(String, topic)
        self.clients: dict[str, Any] = {}
        self._string = String

    # --- what the nodes said -------------------------------------------------------------------------
    def output(self) -> str:
        """What a failed wait shows: the bridge's latest state and its mode transitions (from its events, so a stop
        that a flood of later fault warnings pushed out of the output's tail still shows), then both nodes' output
        tails."""
        arm = self.arm.output()[-3000:] if self.arm is not None else ""
        state = self.state()
        summary = {k: state.get(k) for k in ("mode", "faults", "pending", "rearm_ready", "tick")}
        transitions = [e for e in self.bridge_events() if e.get("event") == "transition"]
        lines = "\n".join(f"{e['t']:.3f} {e['from']} -> {e['to']}: {e['cause']}"
                          for e in transitions[-TRANSITIONS_SHOWN:])
        return (f"--- bridge state ---\n{json.dumps(summary)}\n--- bridge transitions (last {TRANSITIONS_SHOWN} of "
                f"{len(transitions)}) ---\n{lines}\n--- bridge ---\n{self.bridge.output()[-4000:]}\n"
                f"--- sim arm ---\n{arm}")

    def state(self) -> dict[str, Any]:
        """The bridge's latest ``~/state`` ({} before the first)."""
        return json.loads(self.states[-1][1].data) if self.states else {}

    def bridge_state(self) -> dict[str, Any]:
        """The bridge's latest latched ``~/bridge_state`` ({} before the first: this reader may be matched late)."""
        return json.loads(self.bridge_states[-1][1].data) if self.bridge_states else {}

    def bridge_events(self) -> list[dict[str, Any]]:
        return [json.loads(m.data) for _, m in self.events]

    def arm_event_list(self) -> list[dict[str, Any]]:
        return [json.loads(m.data) for _, m in self.arm_events]

    def fresh_state(self, timeout: float = 5.0) -> dict[str, Any]:
        """The first ``~/state`` the bridge published after this call (``published_after`` the probe's clock now): the
        latest one received may be older than a stop or a re-arm that came meanwhile. RigTimeoutError if none comes
        within ``timeout``."""
        asked = self.probe.node.get_clock().now().nanoseconds * 1e-9
        return self.wait_state(lambda s: published_after(s, asked), timeout, f"a state published after {asked:.3f}")

    def wait_state(self, pred: Callable[..., Any], timeout: float, what: str) -> dict[str, Any]:
        """The first ``~/state`` for which ``pred`` holds; RigTimeoutError naming ``what`` if none does in time."""
        if not self.probe.spin_until(lambda: bool(self.states) and bool(pred(self.state())), timeout, self.bridge):
            raise RigTimeoutError(f"timed out waiting for {what}; last state {self.state()}\n{self.output()}")
        return self.state()

    # --- what the rig does ---------------------------------------------------------------------------
    def send(self, topic: str, payload: Any, confirm: str | None = None, tries: int = 10) -> dict[str, Any]:
        """Publish ``payload`` (JSON unless a string) on ``topic``; with ``confirm``, again each second until the sim
        arm's events show an event of that name (discovery loses the first messages), which is returned ({}
        without ``confirm``)."""
        text = payload if isinstance(payload, str) else json.dumps(payload)
        seen = len(self.arm_events)
        # An injection is confirmed by its own fault's event, never by a late echo of an earlier one.
        fault = payload.get("fault") if isinstance(payload, dict) and confirm == "inject" else None

        def confirmed() -> dict[str, Any] | None:
            return next((e for e in self.arm_event_list()[seen:] if e["event"] == confirm
                         and (fault is None or e.get("fault") == fault)), None)

        for _ in range(tries):
            self.probe.publish(self._string, topic, self._string(data=text))
            if confirm is None:
                return {}
            if self.probe.spin_until(lambda: confirmed() is not None, 1.0):
                return confirmed() or {}
        raise RigTimeoutError(f"{topic}: no {confirm} event\n{self.output()}")

    def call(self, service: str) -> Any:
        """Call a std_srvs/Trigger service; its response."""
        from std_srvs.srv import Trigger

        client = self.clients.get(service) or self.clients.setdefault(
            service, self.probe.node.create_client(Trigger, service))
        if not self.probe.spin_until(client.service_is_ready, 30.0):
            raise RigTimeoutError(f"{service} not offered\n{self.output()}")
        future = client.call_async(Trigger.Request())
        if not self.probe.spin_until(future.done, 10.0) or future.result() is None:
            raise RigTimeoutError(f"{service} timed out\n{self.output()}")
        return future.result()

    def request_rearm(self) -> Any:
        """One ``~/rearm`` request; the response (success, message naming the refusal)."""
        return self.call(f"{self.BRIDGE}/rearm")

    def try_arm(self, timeout: float = 30.0) -> tuple[bool, list[str]]:
        """Ask to arm whenever the bridge is ready for it until the preflight passes (a loaded host may need a
        moment for the rate): whether it armed, and the refusals on the way."""
        refusals: list[str] = []
        end = time.monotonic() + timeout
        asked = self.probe.node.get_clock().now().nanoseconds * 1e-9

        def fresh() -> dict[str, Any]:
            # Only a state published after this call is judged: the latest one received may be a NOMINAL from before
            # a stop that came meanwhile, which would end this at once with nothing armed.
            state = self.state()
            return state if published_after(state, asked) else {}

        while time.monotonic() < end:
            self.probe.spin_until(lambda: bool(fresh().get("rearm_ready")) or _armed_nominal(fresh()),
                                  max(0.5, end - time.monotonic()), self.bridge)
            if _armed_nominal(fresh()):  # a DEGRADED stop resumed by itself meanwhile: nothing to ask
                return True, refusals
            response = self.request_rearm()
            if response.success:
                return True, refusals
            refusals.append(str(response.message))
            self.probe.spin_for(0.3)
        return False, refusals

    def arm_until_accepted(self, timeout: float = 30.0) -> list[str]:
        """:meth:`try_arm`, which must arm; the refusals on the way."""
        armed, refusals = self.try_arm(timeout)
        if not armed:
            raise RigTimeoutError(f"never armed: {refusals[-3:]}\n{self.output()}")
        return refusals

    def rearm_when_ready(self, tries: int = 5) -> None:
        """Re-arm once the bridge reports its faults clear (again if one flared up in between, as a technician
        does), then wait for NOMINAL. The state read may already be on its way out: a bridge re-armed meanwhile
        (``rearmed_after`` the transition of the state this started from: its own first arming, or a request
        answered late) ends the wait, which a ``rearm_ready`` that a NOMINAL bridge never reports would not."""
        since = transition_t(self.state())
        reasons = []
        for _ in range(tries):
            state = self.wait_state(lambda s: s.get("rearm_ready") or rearmed_after(s, since), 10.0,
                                    f"rearm_ready (or a re-arm after the transition at {since})")
            if rearmed_after(state, since):
                return
            response = self.request_rearm()
            if response.success:
                break
            reasons.append(response.message)
            self.probe.spin_for(0.2)
        else:
            raise RigTimeoutError(f"re-arm refused {tries} times: {reasons}\n{self.output()}")
        self.wait_state(lambda s: s.get("mode") == "NOMINAL", 5.0, "NOMINAL after re-arm")

    def spin_rearming(self, pred: Callable[[], Any], timeout: float, stops: list[list[str]], max_stops: int, *,
                      renew: bool = False) -> bool:
        """Spin until ``pred()`` holds (True) or ``timeout`` passes (False). A stop the loaded host causes by itself
        (SAFE_STOP or ESTOP latched by ``TIMING_FAULTS`` only: a starved sim arm's stale joint states, say) is
        re-armed once its faults clear within the wait, as a technician does, at most ``max_stops`` times; each
        one's causes are appended to ``stops``. Any other stop is left latched: the wait ends False at once.
        ``renew``: each re-arm starts ``timeout`` afresh (a limit on each stretch without a stop, as a pick and place
        that restarts its approach after a stop needs), else it bounds the whole wait, re-arms included."""
        end = time.monotonic() + timeout

        def stopped() -> bool:
            return self.state().get("mode") in ("SAFE_STOP", "ESTOP")

        while True:
            self.probe.spin_until(lambda: bool(pred()) or stopped(), max(0.0, end - time.monotonic()), self.bridge)
            if pred():
                return True
            if not stopped() or time.monotonic() >= end:
                return False
            causes = list(self.state()["last_transition"]["faults"])
            if not causes or not set(causes) <= TIMING_FAULTS or len(stops) >= max_stops:
                return False
            stops.append(causes)
            # A host that starves the sim arm for seconds keeps the stop's fault pending: the wait's own time decides.
            if not self.probe.spin_until(lambda: bool(self.state().get("rearm_ready")),
                                         max(0.0, end - time.monotonic()), self.bridge):
                return False
            self.rearm_when_ready(tries=10)
            if renew:
                end = time.monotonic() + timeout

    def armed_at_startup(self, startup_s: float = STARTUP_S) -> dict[str, Any]:
        """Wait for a bridge with ``arm_on_start`` to arm by itself; a timing fault right after it (a starved
        host: the sim arm's stream paused past the stale limit) is re-armed as a technician would. Faults after
        start-up stay the caller's business."""
        deadline = time.monotonic() + startup_s
        while time.monotonic() < deadline:
            state = self.wait_state(lambda s: s.get("mode") == "NOMINAL" or timing_stop_ready(s),
                                    max(1.0, deadline - time.monotonic()), "the bridge to arm at start-up")
            if state.get("mode") == "NOMINAL":
                return state
            self.request_rearm()  # refused if it armed by itself meanwhile: the loop then sees NOMINAL
            self.probe.spin_for(0.3)
        raise RigTimeoutError(f"the bridge did not arm at start-up; last state {self.state()}\n{self.output()}")
