"""DriverStatus: what the vendor driver's status topics say now, as faults with the time they began.

Fed each status message as it arrives (node clock, s); :meth:`DriverStatus.faults` lists the named faults in
force (protective stop, program stopped, zero speed scaling, reflex, user stop, robot mode) and a
``driver_status`` fault for a streamed status topic that went silent. A fault stays active as long as the
driver keeps reporting it, so a re-arm waits for the driver to run again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from robot.safety.faults import Fault, FaultKind
from robot.vendor_profiles import StatusTopic, VendorProfile

SILENT_PERIODS = 20.0
"""A streamed status topic silent this many of its periods is a ``driver_status`` fault..."""
SILENT_MIN_S = 0.25
"""...and never sooner than this (a loaded host delays a 100 Hz topic by tens of ms)."""


@dataclass(frozen=True, kw_only=True)
class _Reading:
    received: float
    fault: tuple[FaultKind, str] | None
    since: float
    """When the current reading's verdict (fault or none) began."""


class DriverStatus:
    """The latest verdict of each status topic of ``profile``."""

    def __init__(self, profile: VendorProfile, *, min_silence: float = SILENT_MIN_S) -> None:
        """``min_silence``: the shortest silence of a streamed topic that is a fault (the bridge passes its
        joint-state stale limit when longer: a host that delays one stream delays the other)."""
        self.profile, self.min_silence = profile, max(SILENT_MIN_S, min_silence)
        self._readings: dict[str, _Reading] = {}

    def on_message(self, topic: StatusTopic, msg: Any, now: float) -> None:
        verdict = topic.read(msg)
        prev = self._readings.get(topic.topic)
        same = prev is not None and (prev.fault is None) == (verdict is None) \
            and (verdict is None or prev.fault is None or prev.fault[0] == verdict[0])
        self._readings[topic.topic] = _Reading(received=now, fault=verdict, since=prev.since if same and prev else now)

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
        return out

    def summary(self) -> dict[str, str]:
        """Each status topic's verdict, for diagnostics and the preflight."""
        out = {}
        for topic in self.profile.status:
            reading = self._readings.get(topic.topic)
            out[topic.topic] = "never received" if reading is None else (
                "ok" if reading.fault is None else f"{reading.fault[0].id}: {reading.fault[1]}")
        return out
