"""Fault injection for the simulated arm: which faults are active, for how long, and what they do to a sample.

Plain Python (no rclpy): the sim arm node feeds ``~/inject`` payloads to :meth:`FaultInjector.inject`, asks
:meth:`FaultInjector.expire` every tick, and passes each true joint-state sample through
:meth:`FaultInjector.filter`, which returns what the arm should publish now (possibly nothing, possibly a
delayed earlier sample). Each injection and each clearing yields an event dict that the node publishes on
``~/events`` so that tests can align the bridge's detection with the injection.

Faults (``{"fault": NAME, "duration": s, ...}``; without ``duration`` a fault lasts until cleared):

========================= ===============================================================================
``stale``                 stop publishing joint states
``freeze``                repeat the last sample, identical values and stamp
``nan``                   NaN positions (``joint``: one joint by name or index; default all)
``jump``                  add ``magnitude`` rad (default 0.3) to the reported position of ``joint`` (default 0)
``stuck``                 ``joint`` (default 0) stops following commands: it holds where it was
``effort_spike``          add ``magnitude`` N m (default twice the joint's effort limit) to ``joint``'s torque
                          (the ``ur`` double publishes it as the motor current that torque takes)
``latency``               publish each sample ``delay`` s (default 0.1) late
``drop``                  drop each sample with probability ``rate`` (default 0.5)
``estop``                 publish ``estop`` true
``estop_heartbeat``       stop the ``estop`` heartbeat
``protective_stop``       (ur) safety mode PROTECTIVE_STOP, program paused: the arm stops, commands ignored
``program_stop``          (ur) ``robot_program_running`` false: the arm stops, commands ignored
``speed_scaling``         (ur) speed scaling ``value`` (default 0.0); at 0 the arm stops, commands ignored
``reflex``                (franka) robot mode REFLEX with a current error: the arm stops until error recovery
``user_stop``             (franka) robot mode USER_STOPPED: the arm stops, commands ignored
``controller_inactive``   (ur, franka) the command controller is inactive in ``controller_manager/list_controllers``
                          (as after ``ros2 control switch_controllers --deactivate``): the arm holds, commands ignored
========================= ===============================================================================

The last six are driver faults of a vendor profile's double (``robot.vendor_profiles``): only that profile
accepts them, and they end by ``~/clear`` (the pendant's unlock and play), or for ``reflex`` also by the
error_recovery action.
"""

from __future__ import annotations

import collections
import json
import math
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from robot.errors import RobotError

DRIVER_FAULTS: dict[str, tuple[str, ...]] = {
    "ur": ("protective_stop", "program_stop", "speed_scaling", "controller_inactive"),
    "franka": ("reflex", "user_stop", "controller_inactive")}
"""The driver faults each vendor profile's double accepts."""
# The extra keys each fault accepts besides "fault" and "duration".
_FAULT_KEYS: dict[str, tuple[str, ...]] = {
    "stale": (),
    "freeze": (),
    "nan": ("joint",),
    "jump": ("joint", "magnitude"),
    "stuck": ("joint",),
    "effort_spike": ("joint", "magnitude"),
    "latency": ("delay",),
    "drop": ("rate",),
    "estop": (),
    "estop_heartbeat": (),
    "protective_stop": (),
    "program_stop": (),
    "speed_scaling": ("value",),
    "reflex": (),
    "user_stop": (),
    "controller_inactive": (),
}
FAULTS = tuple(_FAULT_KEYS)
"""Every fault the injector accepts, by name."""
NAMED_FAULT: dict[str, str] = {
    "stale": "stale_state", "freeze": "frozen_state", "nan": "nonfinite_state", "jump": "state_jump",
    "stuck": "tracking_error", "effort_spike": "effort_limit", "latency": "stale_state", "drop": "state_rate",
    "estop": "estop", "estop_heartbeat": "estop_heartbeat", "protective_stop": "protective_stop",
    "program_stop": "program_stopped", "speed_scaling": "speed_scaling_zero", "reflex": "robot_reflex",
    "user_stop": "user_stopped", "controller_inactive": "controller_inactive",
}
"""The fault (``robot.safety.faults.FaultKind`` id) the bridge names for each injection, which drills and benches
wait for (``stuck``: while the arm moves; ``latency`` past the staleness limit; ``drop`` below the expected rate).
Ids, not the enum: importing ``robot.safety`` loads the simulator; a test checks every id is a FaultKind."""
MAX_LATENCY_S = 5.0


class FaultInjectionError(RobotError, ValueError):
    """An ``~/inject`` payload that names an unknown fault or carries invalid parameters."""


@dataclass(frozen=True, kw_only=True)
class JointSample:
    """One joint-state message: names, positions (rad or m), velocities, efforts and the stamp (ns)."""

    stamp_ns: int
    names: tuple[str, ...]
    position: tuple[float, ...]
    velocity: tuple[float, ...]
    effort: tuple[float, ...]


@dataclass(frozen=True, kw_only=True)
class ActiveFault:
    """A fault in force: its name, resolved parameters, and when it started and ends (node clock, s)."""

    name: str
    params: dict[str, Any]
    start: float
    until: float | None


def _resolve_joint(value: Any, names: tuple[str, ...], n_arm: int, fault: str) -> int:
    """An arm joint index from a name or an index; the error lists the valid names."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise FaultInjectionError(f"{fault}: joint must be a name or an index, got {value!r}; "
                                  f"valid: 0..{n_arm - 1} or {', '.join(names[:n_arm])}")
    if isinstance(value, str):
        if value not in names[:n_arm]:
            raise FaultInjectionError(f"{fault}: unknown joint {value!r}; valid: {', '.join(names[:n_arm])}")
        return names.index(value)
    if not 0 <= value < n_arm:
        raise FaultInjectionError(f"{fault}: joint index {value} out of range; valid: 0..{n_arm - 1}")
    return value


def _positive(params: dict[str, Any], key: str, default: float, fault: str, upper: float = math.inf) -> float:
    value = params.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) \
            or not 0 < value <= upper:
        raise FaultInjectionError(f"{fault}: {key} must be a number in (0, {upper}], got {value!r}")
    return float(value)


def parse_injection(payload: str | dict[str, Any], *, names: tuple[str, ...], n_arm: int,
                    effort_limits: tuple[float, ...], profile: str = "generic"
                    ) -> tuple[str, float | None, dict[str, Any]]:
    """Validate an ``~/inject`` payload: (fault name, duration or None, resolved parameters)."""
    if isinstance(payload, str):
        try:
            data = json.loads(payload)
        except json.JSONDecodeError as exc:
            raise FaultInjectionError(f"inject: payload is not JSON ({exc.msg}): {payload[:80]!r}") from exc
    else:
        data = payload
    if not isinstance(data, dict):
        raise FaultInjectionError(f'inject: expected a JSON object like {{"fault": "stale"}}, got {data!r}')
    fault = data.get("fault")
    if fault not in FAULTS:
        raise FaultInjectionError(f"inject: unknown fault {fault!r}; valid faults: {', '.join(FAULTS)}")
    owners = [p for p, kinds in DRIVER_FAULTS.items() if fault in kinds]
    if owners and profile not in owners:
        owner = " or ".join(repr(p) for p in owners)
        raise FaultInjectionError(f"inject: {fault} is a fault of the {owner} driver profile; this arm runs the "
                                  f"{profile!r} profile (valid here: "
                                  f"{', '.join(f for f in FAULTS if f not in _foreign(profile))})")
    allowed = ("fault", "duration", *_FAULT_KEYS[fault])
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        raise FaultInjectionError(f"inject {fault}: unknown key(s) {', '.join(unknown)}; valid: {', '.join(allowed)}")
    duration = None if data.get("duration") is None else _positive(data, "duration", 0.0, fault)
    params: dict[str, Any] = {}
    if fault == "nan" and "joint" in data:
        params["joint"] = _resolve_joint(data["joint"], names, n_arm, fault)
    if fault in ("jump", "stuck", "effort_spike"):
        params["joint"] = _resolve_joint(data.get("joint", 0), names, n_arm, fault)
    if fault == "jump":
        value = data.get("magnitude", 0.3)
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value == 0:
            raise FaultInjectionError(f"jump: magnitude must be a finite non-zero number (rad), got {value!r}")
        params["magnitude"] = float(value)
    if fault == "effort_spike":
        params["magnitude"] = _positive(data, "magnitude", 2.0 * effort_limits[params["joint"]], fault)
    if fault == "latency":
        params["delay"] = _positive(data, "delay", 0.1, fault, MAX_LATENCY_S)
    if fault == "drop":
        params["rate"] = _positive(data, "rate", 0.5, fault, 1.0)
    if fault == "speed_scaling":
        value = data.get("value", 0.0)
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0.0 <= value <= 1.0:
            raise FaultInjectionError(f"speed_scaling: value must be a number in [0, 1], got {value!r}")
        params["value"] = float(value)
    return fault, duration, params


def _foreign(profile: str) -> set[str]:
    own = set(DRIVER_FAULTS.get(profile, ()))
    return {f for p, kinds in DRIVER_FAULTS.items() if p != profile for f in kinds} - own


class FaultInjector:
    """The faults in force and their effect on outgoing joint states and commands (one per name)."""

    def __init__(self, *, names: tuple[str, ...], n_arm: int, effort_limits: tuple[float, ...], seed: int = 0,
                 profile: str = "generic") -> None:
        self.names, self.n_arm, self.effort_limits, self.profile = names, n_arm, effort_limits, profile
        self.active: dict[str, ActiveFault] = {}
        self._rng = np.random.default_rng(seed)
        self._last_published: JointSample | None = None
        # Per active fault: [joint-state samples while active, samples it changed or withheld], for the log.
        self._counts: dict[str, list[int]] = {}
        self._delayed: collections.deque[tuple[float, JointSample]] = collections.deque()

    def inject(self, payload: str | dict[str, Any], now: float) -> dict[str, Any]:
        """Start (or restart) a fault; returns the event to log. Raises FaultInjectionError on a bad payload."""
        fault, duration, params = parse_injection(payload, names=self.names, n_arm=self.n_arm,
                                                  effort_limits=self.effort_limits, profile=self.profile)
        self.active[fault] = ActiveFault(name=fault, params=params, start=now,
                                         until=None if duration is None else now + duration)
        self._counts[fault] = [0, 0]
        return {"event": "inject", "fault": fault, "params": params, "duration": duration, "t": now}

    def clear(self, now: float, reason: str = "clear") -> list[dict[str, Any]]:
        """End every active fault; one event per fault ended."""
        events = [self._end(name, now, reason) for name in list(self.active)]
        return events

    def expire(self, now: float) -> list[dict[str, Any]]:
        """End the faults whose duration has run out."""
        return [self._end(name, now, "expired") for name, f in list(self.active.items())
                if f.until is not None and now >= f.until]

    def _end(self, name: str, now: float, reason: str) -> dict[str, Any]:
        fault = self.active.pop(name)
        samples, affected = self._counts.pop(name, [0, 0])
        if name == "latency":
            # Samples held back by the latency fault are stale by now: discard rather than burst them out.
            affected += len(self._delayed)
            self._delayed.clear()
        return {"event": "clear", "fault": name, "reason": reason, "t": now, "lasted": now - fault.start,
                "samples": samples, "affected": affected}

    def is_active(self, name: str) -> bool:
        return name in self.active

    @property
    def estop_asserted(self) -> bool:
        return "estop" in self.active

    @property
    def heartbeat_suppressed(self) -> bool:
        return "estop_heartbeat" in self.active

    @property
    def speed_scaling(self) -> float:
        """The driver's speed scaling (1.0 unless the ``speed_scaling`` fault sets it)."""
        fault = self.active.get("speed_scaling")
        return 1.0 if fault is None else float(fault.params["value"])

    @property
    def halted_by(self) -> str | None:
        """The driver fault that stops the arm and makes it ignore commands, if any."""
        for name in ("protective_stop", "program_stop", "reflex", "user_stop", "controller_inactive"):
            if name in self.active:
                return name
        return "speed_scaling" if self.speed_scaling <= 0.0 else None

    def recover(self, now: float) -> list[dict[str, Any]]:
        """franka error recovery: ends a reflex (not a user stop: the button must be released first)."""
        return [self._end("reflex", now, "error_recovery")] if "reflex" in self.active else []

    def stuck_joint(self) -> int | None:
        """The arm joint index that must not follow commands, if the ``stuck`` fault is active."""
        fault = self.active.get("stuck")
        return None if fault is None else int(fault.params["joint"])

    def filter(self, sample: JointSample, now: float) -> list[JointSample]:
        """What to publish now for the true ``sample`` taken at ``now`` (node clock, s)."""
        for counts in self._counts.values():
            counts[0] += 1
        if "stale" in self.active:
            self._counts["stale"][1] += 1
            return []
        if "freeze" in self.active and self._last_published is not None:
            self._counts["freeze"][1] += 1
            return [self._last_published]
        out = self._corrupt(sample)
        if "drop" in self.active and self._rng.random() < self.active["drop"].params["rate"]:
            self._counts["drop"][1] += 1
            return []
        if "latency" in self.active:
            self._delayed.append((now + self.active["latency"].params["delay"], out))
            ready: list[JointSample] = []
            while self._delayed and self._delayed[0][0] <= now:
                ready.append(self._delayed.popleft()[1])
            self._counts["latency"][1] += len(ready)
            if ready:
                self._last_published = ready[-1]
            return ready
        self._last_published = out
        return [out]

    def _corrupt(self, sample: JointSample) -> JointSample:
        if not any(name in self.active for name in ("nan", "jump", "effort_spike")):
            return sample
        position, effort = list(sample.position), list(sample.effort)
        for name in ("nan", "jump", "effort_spike"):
            if name in self.active:
                self._counts[name][1] += 1
        if "nan" in self.active:
            joint = self.active["nan"].params.get("joint")
            for i in range(self.n_arm) if joint is None else (joint,):
                position[i] = math.nan
        if "jump" in self.active:
            p = self.active["jump"].params
            position[p["joint"]] += p["magnitude"]
        if "effort_spike" in self.active:
            p = self.active["effort_spike"].params
            effort[p["joint"]] += p["magnitude"]
        return replace(sample, position=tuple(position), effort=tuple(effort))
