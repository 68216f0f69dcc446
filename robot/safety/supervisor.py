"""Supervisor: the fallback state machine NOMINAL -> DEGRADED -> SAFE_STOP -> ESTOP.

Escalation is immediate (the worst active fault's severity picks the state, never a milder one). Leaving a
state has hysteresis: a fault counts as cleared only after it has been absent for ``clear_hold`` seconds.
DEGRADED returns to NOMINAL by itself once its faults have cleared (when ``auto_resume_degraded``);
SAFE_STOP and ESTOP are latched and need an explicit :meth:`Supervisor.rearm` after their faults cleared.
Every transition is kept with its time and cause, and every resume sets :attr:`resumed` so the bridge
restarts its command from the measured state instead of an old target.

A sensor-integrity fault (``FaultKind.sensor``) also clears :attr:`Supervisor.measurements_trusted` until a
re-arm: while it is clear the commander freezes its command and no reading steers it. Faults alone clearing is
not enough to re-arm from such a stop, because an offset encoder reads consistently wrong and a clock-skewed
stamp can look fresh: the re-arm also needs a fresh unbroken run of readings that passed every check, at least
``clear_hold`` long (``consistent_since`` from the fault monitor), and an operator asking for it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from robot.safety.faults import Fault, FaultKind, Severity


class Mode(enum.IntEnum):
    """Supervisor states, ordered by how far they fall back."""

    NOMINAL = 0
    DEGRADED = 1
    SAFE_STOP = 2
    ESTOP = 3


_MODE_FOR = {Severity.WARNING: Mode.DEGRADED, Severity.STOP: Mode.SAFE_STOP, Severity.EMERGENCY: Mode.ESTOP}


@dataclass(frozen=True, kw_only=True)
class Transition:
    """One state change: when, from, to, and why."""

    t: float
    source: Mode
    target: Mode
    cause: str
    faults: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {"event": "transition", "t": self.t, "from": self.source.name, "to": self.target.name,
                "cause": self.cause, "faults": list(self.faults)}


class Supervisor:
    """Decides the mode from the active faults; holds the transition log."""

    def __init__(self, *, clear_hold: float = 0.5, auto_resume_degraded: bool = True, start: float = 0.0,
                 start_mode: Mode = Mode.SAFE_STOP) -> None:
        self.clear_hold, self.auto_resume_degraded = clear_hold, auto_resume_degraded
        self.mode = start_mode
        self.log: list[Transition] = [Transition(t=start, source=start_mode, target=start_mode, cause="startup")]
        self._last_seen: dict[FaultKind, float] = {}
        self.resumed = False
        """Set when the last update or re-arm entered NOMINAL from a fallback; the bridge clears it."""
        self.measurements_trusted = True
        """False from a sensor-integrity fault until an accepted re-arm: no reading may steer a command."""
        self.distrusted_by: FaultKind | None = None
        """The sensor fault that withdrew the trust (for the state summary and the re-arm refusal)."""

    def pending(self, now: float) -> list[FaultKind]:
        """Faults seen within the last ``clear_hold`` seconds: they block a re-arm."""
        return sorted((k for k, t in self._last_seen.items() if now - t < self.clear_hold), key=lambda k: k.name)

    def rearm_blocker(self, now: float, consistent_since: float | None = None) -> str | None:
        """Why a re-arm at ``now`` would be refused (None: it would be accepted).

        ``consistent_since``: arrival time of the first of the unbroken run of joint states that passed every
        check, up to now (``FaultMonitor.consistent_since``; None: the latest one failed, or none came)."""
        if self.mode == Mode.NOMINAL:
            return "already NOMINAL"
        pending = self.pending(now)
        if pending:
            return "faults not cleared: " + ", ".join(k.id for k in pending)
        if not self.measurements_trusted:
            run = 0.0 if consistent_since is None else now - consistent_since
            if consistent_since is None or run < self.clear_hold:
                cause = self.distrusted_by.id if self.distrusted_by is not None else "a sensor fault"
                return (f"no fresh run of consistent joint states since {cause}: {max(run, 0.0):.3f} s of "
                        f"{self.clear_hold:.3f} s")
        return None

    def update(self, now: float, faults: list[Fault]) -> list[Transition]:
        """Feed this tick's active faults; returns the transitions made (at most one)."""
        escalated = self.escalate(now, faults)
        if escalated:
            return escalated
        if self.mode == Mode.DEGRADED and self.auto_resume_degraded and not self.pending(now):
            self.resumed = True
            return [self._go(now, Mode.NOMINAL, "faults cleared")]
        return []

    def observe(self, now: float, faults: list[Fault]) -> None:
        """Note faults without changing the mode: while disarmed nothing is commanded, so a fault before the first
        arming (a load spike while the streams come up) is no stop to latch, yet still blocks the arming until it
        has cleared for ``clear_hold`` and, for a sensor fault, a fresh run of consistent readings came."""
        for f in faults:
            self._last_seen[f.kind] = now
            if f.kind.sensor and self.measurements_trusted:
                self.measurements_trusted, self.distrusted_by = False, f.kind

    def escalate(self, now: float, faults: list[Fault]) -> list[Transition]:
        """Feed faults found between ticks (on an input or a deadline): falls back at once if they demand it,
        never resumes (leaving a state is the scheduled tick's decision, with its hysteresis)."""
        self.observe(now, faults)
        if faults:
            worst = max(f.kind.severity for f in faults)
            wanted = _MODE_FOR[worst]
            if wanted > self.mode:
                causes = tuple(f.kind.id for f in faults if f.kind.severity == worst)
                return [self._go(now, wanted, "fault: " + ", ".join(causes), causes)]
        return []

    def rearm(self, now: float, consistent_since: float | None = None) -> tuple[bool, str]:
        """Return to NOMINAL on request, only once every fault has cleared (and, after a sensor fault, after a
        fresh run of consistent readings: see :meth:`rearm_blocker`)."""
        blocker = self.rearm_blocker(now, consistent_since)
        if blocker is not None:
            return False, blocker
        source = self.mode
        self._go(now, Mode.NOMINAL, f"re-armed from {source.name}")
        self.resumed = True
        self.measurements_trusted, self.distrusted_by = True, None
        return True, f"re-armed from {source.name}"

    def stop(self, now: float, cause: str = "operator stop",
             fault: FaultKind = FaultKind.OPERATOR_STOP) -> list[Transition]:
        """A stop asked from outside the monitor (an operator, a dead planner process): SAFE_STOP unless
        already there or worse (it never lowers the mode)."""
        if self.mode >= Mode.SAFE_STOP:
            return []
        return [self._go(now, Mode.SAFE_STOP, cause, (fault.id,))]

    def _go(self, now: float, target: Mode, cause: str, faults: tuple[str, ...] = ()) -> Transition:
        tr = Transition(t=now, source=self.mode, target=target, cause=cause, faults=faults)
        self.mode = target
        self.log.append(tr)
        return tr
