"""DriverStatus: what the vendor driver's status topics say now, as faults with the time they began.

Fed each status message as it arrives (node clock, s); :meth:`DriverStatus.faults` lists the named faults in
force (protective stop, program stopped, zero speed scaling, reflex, user stop, robot mode) and a
``driver_status`` fault for a streamed status topic that went silent. A fault stays active as long as the
driver keeps reporting it, so a re-arm waits for the driver to run again.

The controller manager's answer about the command controller (``robot.controller_watch``) is one more such
source, fed by :meth:`DriverStatus.on_controller`: polled, not streamed, so it has no silence criterion, and it
stays out of :meth:`DriverStatus.summary` (the preflight's ``controllers`` check asks the manager itself).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from robot.safety.faults import Fault, FaultKind
from robot.vendor_profiles import StatusTopic, VendorProfile

SILENT_PERIODS = 20.0
"""A streamed status topic silent this many of its periods is a ``driver_status`` fault..."""
CONTROLLERS = "controller_manager/list_controllers"
"""Where the command controller's verdict comes from (named in its faults' details)."""
SILENT_MIN_S = 0.25
"""...and never sooner than this (a loaded host delays a 100 Hz topic by tens of ms)."""


@dataclass(frozen=True, kw_only=True)
class _Reading:
    received: float
    fault: tuple[FaultKind, str] | None
    since: float
    """When the current reading's verdict (fault or none) began."""


def _next(prev: _Reading | None, verdict: tuple[FaultKind, str] | None, now: float) -> _Reading:
    """The reading after ``verdict`` arrived at ``now``: a verdict of the same kind keeps its start time."""
    same = prev is not None and (prev.fault is None) == (verdict is None) \
        and (verdict is None or prev.fault is None or prev.fault[0] == verdict[0])
    return _Reading(received=now, fault=verdict, since=prev.since if same and prev else now)


class DriverStatus:
    """The latest verdict of each status topic of ``profile``."""

    def __init__(self, profile: VendorProfile, *, min_silence: float = SILENT_MIN_S) -> None:
        """``min_silence``: the shortest silence of a streamed topic that is a fault (the bridge passes its
        joint-state stale limit when longer: a host that delays one stream delays the other)."""
        self.profile, self.min_silence = profile, max(SILENT_MIN_S, min_silence)
        self._readings: dict[str, _Reading] = {}
        self._controller: _Reading | None = None

    def on_message(self, topic: StatusTopic, msg: Any, now: float) -> None:
        self._readings[topic.topic] = _next(self._readings.get(topic.topic), topic.read(msg), now)

    def on_controller(self, verdict: tuple[FaultKind, str] | None, now: float) -> None:
        """The command controller's verdict from the latest ``list_controllers`` answer (None: it runs)."""
        self._controller = _next(self._controller, verdict, now)

    @property
    def controller_fault(self) -> tuple[FaultKind, str] | None:
        """The command controller's fault from the latest answer (None: it runs, or no answer yet)."""
        return None if self._controller is None else self._controller.fault

    def received(self, topic: str) -> bool:
        return topic in self._readings

    def faults(self, now: float) -> list[Fault]:
        """The driver faults in force at ``now`` (none before a topic's first message: the preflight names it)."""
        out: list[Fault] = []
        for topic in self.profile.status:
            reading = self._readings.get(topic.topic)
            if reading is None:
                continue
            if reading.fault is not None:
                kind, detail = reading.fault
                out.append(Fault(kind=kind, since=reading.since, detail=f"{topic.topic}: {detail}"))
            if topic.rate_hz > 0:
                limit = max(self.min_silence, SILENT_PERIODS / topic.rate_hz)
                if now - reading.received > limit:
                    out.append(Fault(kind=FaultKind.DRIVER_STATUS, since=reading.received + limit,
                                     detail=f"{topic.topic} silent for {now - reading.received:.3f} s "
                                            f"(allowed {limit:.3f} s)"))
        ctl = self._controller
        if ctl is not None and ctl.fault is not None:
            out.append(Fault(kind=ctl.fault[0], since=ctl.since, detail=f"{CONTROLLERS}: {ctl.fault[1]}"))
        return out

    def summary(self) -> dict[str, str]:
        """Each status topic's verdict, for diagnostics and the preflight."""
        out = {}
        for topic in self.profile.status:
            reading = self._readings.get(topic.topic)
            out[topic.topic] = "never received" if reading is None else (
                "ok" if reading.fault is None else f"{reading.fault[0].id}: {reading.fault[1]}")
        return out
