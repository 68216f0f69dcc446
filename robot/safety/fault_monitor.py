"""FaultMonitor: turns what the bridge measured this tick into the set of active faults.

Driven tick by tick with explicit times (the node clock, s), so every check is testable without ROS and
staleness never depends on the wall clock of a test. Each fault carries ``since``: the time its detection
criterion was met (for a stale stream, the last arrival plus the allowed age), so the bridge can show that
its first safe command went out within one control period of that moment.

The bridge evaluates the monitor on every input (each joint state and e-stop message, as it arrives) and
at :meth:`FaultMonitor.next_deadline`, the moment a time-based criterion (stale stream, lost heartbeat,
thin stream, old object poses) will be met if nothing arrives first, besides its scheduled ticks: a fault
is seen when its criterion is met, not at the next tick. Faults found on a joint-state message stay active
until the next message replaces it, however many evaluations run in between.

A sample is only ever compared with earlier *accepted* samples: one with an unbelievable stamp (``bad_stamp``)
or non-finite values is reported and then ignored, so one bad message cannot become the reference that good
ones are judged against. :attr:`FaultMonitor.consistent_since` tracks the current run of samples that passed
every check, which a re-arm after a sensor fault needs.
"""

from __future__ import annotations

import collections
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from robot.safety.faults import Fault, FaultKind
from robot.safety.joint_state import JointState
from robot.safety.monitor_config import MonitorConfig
from sim.robots.spec import RobotSpec

ModelCheck = Callable[[np.ndarray, float | np.ndarray], list[tuple[FaultKind, str]]]
"""Checks measured arm positions (and finger position) on the arm's MuJoCo model: workspace, self-collision."""


@dataclass(frozen=True, kw_only=True)
class MonitorInputs:
    """Everything the bridge observed since the previous tick."""

    samples: Sequence[JointState] = ()
    """New joint-state samples in arrival order."""
    invalid_state: str | None = None
    """Why a joint-state message was rejected since the previous tick (wrong names, lengths, ...)."""
    invalid_since: float | None = None
    """Node time the rejected message arrived (None: the evaluation time)."""
    estop_asserted: bool = False
    estop_since: float | None = None
    """Node time of the message that asserted the e-stop."""
    estop_last_msg: float | None = None
    """Node time of the latest e-stop message of either value (the heartbeat)."""
    command: np.ndarray | None = None
    """The arm command in force when these samples were taken (None while not commanding)."""
    gripper_command: float | None = None
    policy_fault: tuple[FaultKind, str] | None = None
    driver_faults: Sequence[Fault] = ()
    """What the vendor driver's status topics report (protective stop, reflex, ...): active while reported."""
    tick_lateness: float | None = 0.0
    """How late this tick started against its schedule (s); None for an evaluation between ticks (on an input
    or a deadline), which neither counts towards nor resets the run of late ticks."""
    perception_deadline: float | None = None
    """When the object poses become too old (last ``scene/objects`` + timeout); None: not checked now."""


class FaultMonitor:
    """Holds the history the checks need (last sample, repeat counts, timers) and reports active faults."""

    def __init__(self, robot: RobotSpec, config: MonitorConfig, *, start: float,
                 model_check: ModelCheck | None = None) -> None:
        self.robot, self.config, self.model_check = robot, config, model_check
        self._lo = np.array(robot.lower) + config.position_margin
        self._hi = np.array(robot.upper) - config.position_margin
        self._vmax = np.array(robot.velocity_limits) * config.velocity_factor
        self._emax = np.array(robot.effort_limits) * config.effort_factor if config.check_effort \
            else np.full(robot.n_arm, np.inf)
        self._start = start
        self.last: JointState | None = None
        """The latest sample that was finite and in order."""
        self.trusted: JointState | None = None
        """The latest sample that passed every state check: where a stop may safely hold."""
        self.consistent_since: float | None = None
        """Arrival of the first of the unbroken run of samples, up to the latest, that passed every check and lie
        within ``tracking_tol`` of the command in force; None once one does not, a message is rejected or the
        stream goes stale. A re-arm after a sensor fault needs this run to be long enough."""
        self._repeats = 0
        self._last_arrival: float | None = None
        """Kept apart from the rate window: staleness must not fall back to ``start`` once the window empties."""
        self._arrivals: collections.deque[float] = collections.deque()
        """Arrivals within the rate window."""
        self._history: collections.deque[float] = collections.deque()
        """Arrivals within two rate windows: enough to tell when a thin stream's count went low."""
        self._timeline: tuple[JointState, JointState] | None = None
        """Without synchronised clocks: (first, latest) of a run of samples consistent with each other whose
        stamps disagree with the last accepted sample's (see :meth:`_new_timeline`)."""
        self._sample_found: dict[FaultKind, tuple[float, str]] = {}
        """Faults of the latest joint-state message(s): active until the next message replaces them."""
        self.evaluated_at = start
        """The latest time the monitor was evaluated: deadlines up to here have been checked."""
        self._since: dict[FaultKind, float] = {}
        self._tracking_start = np.full(robot.n_arm, np.nan)
        """Per joint, when it first counted as stuck (lagging its command and standing still); NaN while it does not.
        Each joint has its own timer: one that starts lagging while another's runs must not inherit its age."""
        self._tracking_anchor = np.full(robot.n_arm, np.nan)
        """Per joint, where it stood when its timer started: a joint that stays within the distance the still
        velocity covers in ``tracking_time`` of it stands still, whatever one reading's velocity says."""
        self._gripper_start: tuple[float, float] | None = None
        self._late_ticks = 0

    @property
    def stale_after(self) -> float:
        return self.config.stale_periods * self.config.control_period

    def tick(self, now: float, inputs: MonitorInputs) -> list[Fault]:
        """The faults active at ``now``, each with the time its criterion was first met."""
        if inputs.samples or inputs.invalid_state is not None:
            batch: dict[FaultKind, tuple[float, str]] = {}
            for sample in inputs.samples:
                self._check_sample(sample, inputs, batch)
            if inputs.invalid_state is not None:
                at = now if inputs.invalid_since is None else inputs.invalid_since
                batch.setdefault(FaultKind.INVALID_STATE, (at, inputs.invalid_state))
                self.consistent_since = None
            self._sample_found = batch
        found = dict(self._sample_found)
        self.evaluated_at = max(self.evaluated_at, now)
        self._check_stale(now, found)
        self._check_rate(now, found)
        self._check_estop(now, inputs, found)
        for fault in inputs.driver_faults:
            found.setdefault(fault.kind, (fault.since, fault.detail))
        if inputs.policy_fault is not None:
            found.setdefault(inputs.policy_fault[0], (now, inputs.policy_fault[1]))
        self._check_overrun(now, inputs.tick_lateness, found)
        if inputs.perception_deadline is not None and now > inputs.perception_deadline:
            found.setdefault(FaultKind.PERCEPTION_STALE, (inputs.perception_deadline, "object poses too old"))
        return self._active(found)

    def next_deadline(self, *, estop_last_msg: float | None = None,
                      perception_deadline: float | None = None) -> float | None:
        """The earliest time after the latest evaluation at which a time-based criterion will be met if no
        input arrives first (None: none pending). The bridge evaluates the monitor then, so a stale stream or
        a lost heartbeat is acted on when its criterion is met, not at the next tick."""
        cfg, after = self.config, self.evaluated_at
        candidates = [self._stale_at()]
        if self.config.check_stamp_age and self.last is not None:
            candidates.append(self.last.stamp + self.stale_after)
        if cfg.estop_heartbeat_timeout > 0:
            candidates.append((self._start if estop_last_msg is None else estop_last_msg) + cfg.estop_heartbeat_timeout)
        if perception_deadline is not None:
            candidates.append(perception_deadline)
        if cfg.expected_state_rate_hz > 0:
            candidates.append(self._start + cfg.rate_window)  # the rate check starts one window in
            needed = self._rate_needed()
            if len(self._arrivals) >= needed:
                # The count falls below the minimum when the needed-th latest arrival leaves the window.
                candidates.append(self._arrivals[-needed] + cfg.rate_window)
        # Criteria are strict (older than the limit): one due exactly at the latest evaluation is not met yet.
        future = [t for t in candidates if t >= after]
        return min(future) if future else None

    # --- per-sample checks ------------------------------------------------------------------
    def _check_sample(self, s: JointState, inputs: MonitorInputs, found: dict[FaultKind, tuple[float, str]]) -> None:
        t = s.received
        self._arrivals.append(t)
        self._history.append(t)
        self._last_arrival = t if self._last_arrival is None else max(self._last_arrival, t)
        prev = self.last
        self._check_sample_trust(s, prev, inputs, found)
        # After a sensor fault the command is frozen and a healthy arm settles on it: a reading that stays off it
        # (an encoder offset reads consistently wrong, and passes every other check) never starts a run. With
        # nothing commanded (ESTOP) there is nothing to compare with: the arm may have been moved by hand.
        command = inputs.command
        agrees = command is None or float(np.max(np.abs(command - s.position))) <= self.config.tracking_tol
        if self.trusted is s and agrees:
            if self.consistent_since is None:
                self.consistent_since = t
        else:
            self.consistent_since = None

    def _check_sample_trust(self, s: JointState, prev: JointState | None, inputs: MonitorInputs,
                            found: dict[FaultKind, tuple[float, str]]) -> None:
        """Every check of one sample; the sample becomes :attr:`trusted` only when it passes them all."""
        cfg, t = self.config, s.received
        if not s.is_finite():
            found.setdefault(FaultKind.NONFINITE_STATE, (t, f"non-finite joint state at stamp {s.stamp:.3f}"))
            return
        bad_stamp = self._bad_stamp(s, prev)
        if bad_stamp is not None:
            if not self._new_timeline(s):
                # Checked before the order: a stamp far ahead must never become the reference that every later,
                # correctly stamped sample is "older than" (issue #20: one stamp an hour ahead locked the
                # bridge out until a restart).
                found.setdefault(FaultKind.BAD_STAMP, (t, bad_stamp))
                return
            prev = None  # the stream's clock stepped: nothing to order or difference against on the old one
        self._timeline = None
        if prev is not None and s.stamp < prev.stamp:
            found.setdefault(FaultKind.INVALID_STATE,
                             (t, f"stamp {s.stamp:.6f} older than the previous {prev.stamp:.6f} (out of order)"))
            return
        if prev is not None and (s.stamp == prev.stamp or s.same_values(prev)):
            self._repeats += 1
        else:
            self._repeats = 0
        ok = True
        if self._repeats >= cfg.frozen_repeats:
            found.setdefault(FaultKind.FROZEN_STATE, (t, f"{self._repeats} repeated samples (stamp {s.stamp:.3f})"))
            ok = False
        if prev is not None and s.stamp > prev.stamp:
            dt = s.stamp - prev.stamp
            allowed = cfg.jump_rad + np.array(self.robot.velocity_limits) * dt
            jump = np.abs(s.position - prev.position) - allowed
            if (jump > 0).any():
                j = int(np.argmax(jump))
                found.setdefault(FaultKind.STATE_JUMP, (t, f"{self.robot.arm_joints[j]} moved "
                                                        f"{s.position[j] - prev.position[j]:+.3f} rad in {dt:.4f} s"))
                ok = False
        self.last = s
        ok &= self._check_limits(s, found)
        ok &= self._check_tracking(s, inputs.command, found)
        self._check_gripper(s, inputs.gripper_command, found)
        if self.model_check is not None:
            for kind, detail in self.model_check(s.position, s.finger_positions):
                found.setdefault(kind, (t, detail))
                ok = False
        if ok:
            self.trusted = s

    def _new_timeline(self, s: JointState) -> bool:
        """Without synchronised clocks, whether ``s`` ends a run of samples that agree with each other but not
        with the last accepted one for ``stamp_tolerance`` of arrivals: the driver's clock stepped (a restart),
        so the stream is taken on its new timeline rather than refused for ever. With synchronised clocks each
        stamp is judged against the node clock on its own, and no such run is needed."""
        if self.config.check_stamp_age:
            return False
        run = self._timeline
        if run is None or self._bad_stamp(s, run[1]) is not None:
            self._timeline = (s, s)
            return False
        self._timeline = (run[0], s)
        return s.received - run[0].received >= self.config.stamp_tolerance

    def _bad_stamp(self, s: JointState, prev: JointState | None) -> str | None:
        """Why the stamp of ``s`` cannot be believed, or None. See ``MonitorConfig.stamp_tolerance``."""
        cfg = self.config
        if cfg.check_stamp_age:
            ahead, behind = s.stamp - s.received, s.received - s.stamp
            if ahead > self.stale_after:
                return (f"stamp {s.stamp:.6f} is {ahead:.3f} s ahead of its arrival on the node clock (allowed "
                        f"{self.stale_after:.3f} s): clocks out of sync, or a driver stamping with another clock")
            if behind > cfg.stamp_tolerance:
                return (f"stamp {s.stamp:.6f} is {behind:.3f} s behind its arrival on the node clock (allowed "
                        f"{cfg.stamp_tolerance:.3f} s): clocks out of sync, or a driver stamping with another clock")
            return None
        if prev is None:
            return None
        # Clocks may differ by any constant: compare how far the stamp moved with how far the arrivals did.
        lead = (s.stamp - prev.stamp) - (s.received - prev.received)
        if lead > cfg.stamp_tolerance:
            return (f"stamp {s.stamp:.6f} ran {lead:.3f} s ahead of the arrivals since the previous sample "
                    f"(stamp {prev.stamp:.6f}; allowed {cfg.stamp_tolerance:.3f} s)")
        if prev.stamp - s.stamp > cfg.stamp_tolerance:
            return (f"stamp {s.stamp:.6f} is {prev.stamp - s.stamp:.3f} s older than the previous sample's "
                    f"(allowed {cfg.stamp_tolerance:.3f} s)")
        return None

    def _check_limits(self, s: JointState, found: dict[FaultKind, tuple[float, str]]) -> bool:
        names, t, ok = self.robot.arm_joints, s.received, True
        checks = (
            (FaultKind.POSITION_LIMIT, (s.position < self._lo) | (s.position > self._hi),
             lambda j: f"{names[j]} at {s.position[j]:.3f} rad, allowed [{self._lo[j]:.3f}, {self._hi[j]:.3f}]"),
            (FaultKind.VELOCITY_LIMIT, np.abs(s.velocity) > self._vmax,
             lambda j: f"{names[j]} at {s.velocity[j]:.3f} rad/s, limit {self._vmax[j]:.3f}"),
            (FaultKind.EFFORT_LIMIT, np.abs(s.effort) > self._emax,
             lambda j: f"{names[j]} effort {s.effort[j]:.1f}, limit {self._emax[j]:.1f}"),
        )
        for kind, beyond, message in checks:
            if beyond.any():
                found.setdefault(kind, (t, message(int(np.argmax(beyond)))))
                ok = False
        return ok

    def _check_tracking(self, s: JointState, command: np.ndarray | None,
                        found: dict[FaultKind, tuple[float, str]]) -> bool:
        cfg, t = self.config, s.received
        if command is None:
            self._tracking_start[:] = self._tracking_anchor[:] = np.nan
            return True
        err = np.abs(command - s.position)
        j = int(np.argmax(err))
        if err[j] > cfg.tracking_max:
            found.setdefault(FaultKind.TRACKING_ERROR, (t, f"{self.robot.arm_joints[j]} {err[j]:.3f} rad from its "
                                                        f"command (max {cfg.tracking_max})"))
            return False
        # A healthy joint that lags its command is moving towards it; one that lags and stands still is stuck. Once a
        # joint's own timer runs, its standing still is judged on its position since then (a stuck joint's velocity
        # reading ripples across the still threshold: on the simulated Panda 0-0.03 rad/s, which restarted the timer
        # at every crest and let a joint stuck behind franka's gate run 1.2 s before the stop instead of 0.2): it
        # stands still while it stays within the still velocity times max(its elapsed time, tracking_time) of where
        # it stood. Per joint: a healthy joint must not be judged from another joint's anchor or inherit its timer.
        lagging = err > cfg.tracking_tol
        running = ~np.isnan(self._tracking_start)
        elapsed = np.where(running, t - self._tracking_start, 0.0)
        band = cfg.tracking_still_velocity * np.maximum(elapsed, cfg.tracking_time)
        by_position = np.abs(s.position - self._tracking_anchor) <= band
        by_velocity = np.abs(s.velocity) < cfg.tracking_still_velocity
        stuck = lagging & np.where(running, by_position, by_velocity)
        self._tracking_start[~stuck] = self._tracking_anchor[~stuck] = np.nan
        new = stuck & ~running
        self._tracking_start[new], self._tracking_anchor[new] = t, s.position[new]
        elapsed = np.where(stuck, t - self._tracking_start, -np.inf)
        timed_out = elapsed >= cfg.tracking_time
        if not timed_out.any():
            return True
        j = int(np.argmax(np.where(timed_out, err, -np.inf)))
        # Met when a sample shows the error has lasted long enough: that sample's arrival.
        found.setdefault(FaultKind.TRACKING_ERROR, (t, f"{self.robot.arm_joints[j]} {err[j]:.3f} rad from its command "
                                                    f"and not moving for {elapsed[j]:.2f} s"))
        return False

    def _check_gripper(self, s: JointState, command: float | None, found: dict[FaultKind, tuple[float, str]]) -> None:
        cfg, t = self.config, s.received
        # Closing onto an object stops the fingers by design; failing to open does not.
        if command is None or command - s.gripper <= cfg.gripper_tolerance:
            self._gripper_start = None
            return
        if self._gripper_start is None or s.gripper - self._gripper_start[1] > cfg.gripper_tolerance / 2:
            self._gripper_start = (t, s.gripper)
            return
        if t - self._gripper_start[0] >= cfg.gripper_stall_time:
            found.setdefault(FaultKind.GRIPPER_STALL, (t,
                                                       f"fingers at {s.gripper:.4f} m, commanded {command:.4f} m"))

    # --- per-tick checks ----------------------------------------------------------------------
    def _stale_at(self) -> float:
        """When the stream goes stale if nothing more arrives: the last arrival (or start) plus the limit."""
        return (self._start if self._last_arrival is None else self._last_arrival) + self.stale_after

    def _rate_needed(self) -> int:
        """The fewest arrivals per window that are not a thin stream."""
        cfg = self.config
        return max(1, math.ceil(cfg.min_rate_fraction * cfg.expected_state_rate_hz * cfg.rate_window - 1e-9))

    def _check_stale(self, now: float, found: dict[FaultKind, tuple[float, str]]) -> None:
        limit = self.stale_after
        last_arrival = self._start if self._last_arrival is None else self._last_arrival
        if now - last_arrival > limit:
            self.consistent_since = None  # a gap breaks the run: a re-arm needs readings that keep coming
            found.setdefault(FaultKind.STALE_STATE, (last_arrival + limit, f"no joint state for "
                                                     f"{now - last_arrival:.3f} s (limit {limit:.3f} s)"))
            return
        last = self.last
        # The header stamp's age catches delayed streams that still arrive regularly (clocks must agree).
        if self.config.check_stamp_age and last is not None and now - last.stamp > limit:
            self.consistent_since = None
            found.setdefault(FaultKind.STALE_STATE, (max(last.received, last.stamp + limit),
                                                     f"latest joint state is {now - last.stamp:.3f} s old "
                                                     f"(limit {limit:.3f} s)"))

    def _check_rate(self, now: float, found: dict[FaultKind, tuple[float, str]]) -> None:
        cfg = self.config
        window = cfg.rate_window
        while self._arrivals and self._arrivals[0] < now - window:
            self._arrivals.popleft()
        while self._history and self._history[0] < now - 2 * window:
            self._history.popleft()
        if cfg.expected_state_rate_hz <= 0 or now - self._start < window:
            return
        expected = cfg.expected_state_rate_hz * window
        count = len(self._arrivals)
        if 0 < count < self._rate_needed():
            found.setdefault(FaultKind.STATE_RATE, (self._rate_onset(now), f"{count} joint states in {window} s, "
                                                                           f"expected about {expected:.0f}"))

    def _rate_onset(self, now: float) -> float:
        """When the count in the window last went from healthy (or empty) to thin, replayed over the last
        window from the arrival history: the criterion time even when this evaluation runs late."""
        window, needed = self.config.rate_window, self._rate_needed()
        t0 = max(now - window, self._start + window)
        count = sum(1 for a in self._history if t0 - window <= a <= t0)
        # +1 at each arrival, -1 just after each arrival's window has passed.
        changes = sorted([(a, 1) for a in self._history if t0 < a <= now]
                         + [(a + window, -1) for a in self._history if t0 <= a + window < now])
        onset: float | None = t0 if 0 < count < needed else None
        for t, step in changes:
            count += step
            if not 0 < count < needed:
                onset = None
            elif onset is None:
                onset = t
        # Thin throughout the replayed window gives its start t0 (an earlier evaluation keeps an older time).
        return now if onset is None else onset

    def _check_estop(self, now: float, inputs: MonitorInputs, found: dict[FaultKind, tuple[float, str]]) -> None:
        cfg = self.config
        if inputs.estop_asserted:
            since = inputs.estop_since if inputs.estop_since is not None else now
            found.setdefault(FaultKind.ESTOP, (since, "e-stop asserted"))
        if cfg.estop_heartbeat_timeout > 0:
            last = inputs.estop_last_msg if inputs.estop_last_msg is not None else self._start
            if now - last > cfg.estop_heartbeat_timeout:
                found.setdefault(FaultKind.ESTOP_HEARTBEAT, (last + cfg.estop_heartbeat_timeout,
                                                             f"no e-stop heartbeat for {now - last:.3f} s"))

    def _check_overrun(self, now: float, lateness: float | None,
                       found: dict[FaultKind, tuple[float, str]]) -> None:
        cfg = self.config
        if lateness is not None:
            self._late_ticks = self._late_ticks + 1 if lateness > cfg.overrun_fraction * cfg.control_period else 0
        if self._late_ticks >= cfg.overrun_ticks:
            latest = "" if lateness is None else f" (latest {lateness * 1e3:.1f} ms)"
            found.setdefault(FaultKind.LOOP_OVERRUN, (now, f"{self._late_ticks} ticks late in a row{latest}"))

    def _active(self, found: dict[FaultKind, tuple[float, str]]) -> list[Fault]:
        # A condition that persists keeps the time it started, so latency is measured from its onset.
        since = {k: min(self._since.get(k, t), t) for k, (t, _) in found.items()}
        self._since = since
        return [Fault(kind=k, since=since[k], detail=found[k][1]) for k in sorted(found, key=lambda k: k.name)]
