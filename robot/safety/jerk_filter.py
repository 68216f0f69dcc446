"""JerkLimitedFilter: position commands whose velocity, acceleration and jerk stay within a driver's limits.

franka_ros2 / libfranka answer a commanded sequence whose finite differences exceed the arm's velocity,
acceleration or jerk limits with a reflex; a per-step clip of the velocity alone overshoots a hold target and
leaves the acceleration unbounded. Each control tick this filter plans, with ruckig (online jerk-limited
time-optimal trajectory generation, MIT, the library MoveIt 2 smooths with), a trajectory from its current
position, velocity and acceleration to the requested target, ending at rest there, and emits its sample one
period on. Every emitted command is a sample of one continuous trajectory whose velocity, acceleration and jerk
stay within the limits, so its finite differences at the period -- weighted averages of those derivatives --
do too (``limit_violations`` finds 0). From rest the motion to a target is monotone and ends on it exactly.

Two rules keep it safe whatever it is asked:

* a new plan is taken only when ruckig finds one and it stays inside ``[lower, upper]`` (ruckig's free
  version does not enforce position limits); otherwise the trajectory in force -- inside the limits and ending
  at rest -- goes on;
* :meth:`JerkLimitedFilter.brake` is the category-1 stop: each joint decelerates to rest as fast as its limits
  allow and stays there. It reads nothing but the filter's own state, so a stop never follows a reading.

The joints arrive together (one straight path in joint space), except those a step marks ``alone`` (the command gate's
held joints): each of those moves on a plan of its own, and the others on one plan without them, so neither paces the
other (ruckig's per-DoF ``Synchronization.No`` would not do: the trajectory's duration is still the longest DoF's, and
the synchronised joints are stretched to it). A group is replanned only when its own targets (or its members) change.

The commanded motion is kept as the plans that made it (the last ``HISTORY_S``): :meth:`JerkLimitedFilter.lookahead`
samples it (position, velocity, acceleration) at any offset from the latest command, back in time or ahead to rest,
and :meth:`JerkLimitedFilter.knots` gives the offsets where it changes phase. A JointTrajectoryController streamed
samples at those knots (robot.trajectory_stream) interpolates this very motion at its own 1 kHz.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from robot.errors import ParameterError, RobotError
from robot.safety.motion_limits import MotionLimits

LIMIT_SAFETY = 1.0 - 1e-6
"""Fraction of each limit given to ruckig: its trajectories meet a limit to ~1e-11, which a check at exactly the
limit could count as beyond it."""


HISTORY_S = 1.0
"""How far back ``lookahead`` and ``knots`` reach: a streamed trajectory starts a few periods back at most."""

KNOT_MIN_S = 1e-6
"""Phase switches closer than this to the window's start or the end are not knots of their own (zero-length
phases); a streamed message carries time in whole nanoseconds."""


class CommandFilterUnavailableError(RobotError, RuntimeError):
    """A profile asks for jerk-limited commands but ruckig is not installed."""


class JerkLimitedFilter:
    """Online jerk-limited command filter for ``n`` joints at ``period`` seconds (state: the last command)."""

    def __init__(self, limits: MotionLimits, *, period: float, lower: np.ndarray, upper: np.ndarray) -> None:
        try:
            import ruckig
        except ImportError as exc:
            raise CommandFilterUnavailableError(
                "jerk-limited commands (a profile with acceleration and jerk limits, e.g. franka) need ruckig: "
                "pip install ruckig (pinned in constraints.txt)") from exc
        if not (limits.max_velocity and limits.max_acceleration and limits.max_jerk):
            raise ParameterError(f"jerk filter: needs velocity, acceleration and jerk limits, got {limits}")
        if not (math.isfinite(period) and period > 0):
            raise ParameterError(f"jerk filter: period must be a positive number of seconds, got {period!r}")
        self.n = len(limits.max_velocity)
        self.period = float(period)
        self.limits = limits
        self.lower = np.asarray(lower, dtype=np.float64)
        self.upper = np.asarray(upper, dtype=np.float64)
        if self.lower.shape != (self.n,) or self.upper.shape != (self.n,) or not (self.lower <= self.upper).all():
            raise ParameterError(f"jerk filter: position limits {self.lower.tolist()}, {self.upper.tolist()} do not "
                                 f"fit {self.n} joints")
        self._ruckig = ruckig
        self._otg = ruckig.Ruckig(self.n)
        inp = ruckig.InputParameter(self.n)
        inp.max_velocity = [v * LIMIT_SAFETY for v in limits.max_velocity]
        inp.max_acceleration = [a * LIMIT_SAFETY for a in limits.max_acceleration]
        inp.max_jerk = [j * LIMIT_SAFETY for j in limits.max_jerk]
        self._inp = inp
        self._motion: _Motion | None = None
        """The motion in force (None: at rest at ``position``); sampled at ``_t`` seconds since its start."""
        self._alone = np.zeros(self.n, dtype=bool)
        """The joints planned alone by the latest plan (see ``step``)."""
        self._t = 0.0
        self._braking = False
        self.position = np.zeros(self.n)
        self.velocity = np.zeros(self.n)
        self.acceleration = np.zeros(self.n)
        self.heading = np.zeros(self.n)
        """Where the trajectory in force comes to rest: the target, or the end of a brake."""
        self.kept = False
        """True when the latest step refused a new plan and went on with the trajectory in force."""
        self.clock = 0.0
        """Seconds of commands since the last reset: the latest command's time on the filter's own timeline."""
        self._plans: list[tuple[float, _Motion | None, np.ndarray, tuple[float, ...]]] = [
            (0.0, None, np.zeros(self.n), ())]
        """(start on ``clock``, motion -- None: at rest since the reset --, where it comes to rest, its phase switches
        and end from its start) of the last ``HISTORY_S`` seconds, oldest first: the commanded motion, for
        ``lookahead`` and ``knots``."""

    @property
    def at_rest(self) -> bool:
        return self._motion is None

    @property
    def braking(self) -> bool:
        return self._braking

    def lookahead(self, offsets: np.ndarray | list[float]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Positions, velocities and accelerations (one row per offset) of the commanded motion ``offsets`` seconds
        after the latest command (0: that command; negative: commands already sent, as far back as ``HISTORY_S``
        and the last reset); past the end of the trajectory in force, at rest where it ends."""
        t = np.asarray(offsets, dtype=np.float64)
        if t.ndim != 1 or not np.isfinite(t).all():
            raise ParameterError(f"jerk filter: lookahead offsets must be finite seconds, got {t.tolist()}")
        out = np.zeros((3, t.size, self.n))
        for row, offset in enumerate(t):
            out[:, row] = self._state_at(self.clock + float(offset))
        return out[0], out[1], out[2]

    def knots(self, back: float = 0.0) -> np.ndarray:
        """Offsets (s from the latest command, increasing) where the commanded motion switches phase -- plan starts,
        ruckig's phase switches, arrivals -- later than ``back`` seconds before the latest command, the end of the
        trajectory in force last (empty when no switch is to come, at rest). Between two knots every joint moves on
        one cubic, so the controller's quintic through samples at the knots is the commanded motion exactly."""
        since = self.clock - max(0.0, float(back))
        switches: set[float] = set()
        plans = self._plans
        for i, (start, motion, _, local) in enumerate(plans):
            until = plans[i + 1][0] if i + 1 < len(plans) else math.inf
            if until <= since:
                continue
            switches.add(start)
            if motion is not None:
                switches.update(start + x for x in local if start + x < until)
        end = self.clock if self._motion is None else self._plans[-1][0] + self._motion.duration
        ahead = sorted({round(x - self.clock, 9) for x in switches
                        if since + KNOT_MIN_S < x < end - KNOT_MIN_S})
        if self._motion is not None:
            ahead.append(round(end - self.clock, 9))
        return np.array(ahead)

    def _state_at(self, at: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        zeros = np.zeros(self.n)
        start, motion, end, _ = next((plan for plan in reversed(self._plans) if plan[0] <= at), self._plans[0])
        local = max(0.0, at - start)
        if motion is None or local >= motion.duration:
            return end.copy(), zeros, zeros.copy()
        return motion.at(local)

    def reset(self, position: np.ndarray) -> None:
        """At rest at ``position`` (a re-arm starts from the measured, standing arm)."""
        pos = np.asarray(position, dtype=np.float64)
        if pos.shape != (self.n,) or not np.isfinite(pos).all():
            raise ParameterError(f"jerk filter: reset needs {self.n} finite positions, got {pos.tolist()}")
        self.position, self.heading = pos.copy(), pos.copy()
        self.velocity, self.acceleration = np.zeros(self.n), np.zeros(self.n)
        self._motion, self._t, self._braking, self.kept = None, 0.0, False, False
        self._alone = np.zeros(self.n, dtype=bool)
        self.clock = 0.0
        self._plans = [(0.0, None, pos.copy(), ())]

    def step(self, target: np.ndarray, alone: np.ndarray | None = None) -> np.ndarray:
        """The next command on the way to ``target`` (finite, inside the position limits: the gate's job).

        The joints arrive together (one straight path in joint space), except those ``alone`` marks: each of them
        on its own time-optimal motion, and the rest on one plan without them, so neither paces the other (the
        gate's held joints brake and draw back at once; the joints still moving keep their pace). A group whose
        targets and members are unchanged goes on with the plan it has.
        """
        goal = np.asarray(target, dtype=np.float64)
        own = np.zeros(self.n, dtype=bool) if alone is None else np.asarray(alone, dtype=bool)
        self.kept = False
        together = ~own
        groups = [together] if together.any() else []
        groups += [np.arange(self.n) == j for j in np.flatnonzero(own)]
        members_changed = not np.array_equal(together, ~self._alone)
        due = [g for g in groups if self._braking or not np.array_equal(goal[g], self.heading[g])
               or (members_changed and not (g.sum() == 1 and own[g].all() and self._alone[g].all()))]
        if due:
            self._replan(goal, own, due)
        return self._advance()

    def brake(self) -> np.ndarray:
        """The next command of a stop: every joint to rest as fast as its limits allow, then still."""
        self.kept = False
        if not self._braking and self._motion is not None:
            rk = self._ruckig
            traj = self._calculate(rk.ControlInterface.Velocity, rk.Synchronization.No, None, None)
            if traj is not None and self._inside(*_sampled_extent(traj, self.period)):
                end = np.array(traj.at_time(traj.duration)[0])
                motion = _Motion([_Part(traj, 0.0, np.arange(self.n), end)])
                self._take(motion, end, braking=True, alone=np.zeros(self.n, dtype=bool))
            else:
                self.kept = True  # no plan, or one that leaves the limits: the trajectory in force stays in them
        return self._advance()

    def _replan(self, goal: np.ndarray, own: np.ndarray, due: list[np.ndarray]) -> None:
        """New plans for the ``due`` groups (masks); the other joints go on with the motion in force. A group whose
        plan ruckig refuses, or that leaves the limits, goes on likewise (``kept``)."""
        rk = self._ruckig
        fresh = np.zeros(self.n, dtype=bool)
        parts: list[_Part] = []
        heading = self.heading.copy()
        for group in due:
            sync = rk.Synchronization.Time if not own[group].all() else rk.Synchronization.No
            traj = self._calculate(rk.ControlInterface.Position, sync, goal, group)
            if traj is None:
                continue
            extrema = traj.position_extrema
            idx = np.flatnonzero(group)
            lo, hi = self.lower.copy(), self.upper.copy()  # the joints not planned here are judged by their own plans
            lo[idx] = [extrema[j].min for j in idx]
            hi[idx] = [extrema[j].max for j in idx]
            if not self._inside(lo, hi):
                continue
            parts.append(_Part(traj, 0.0, idx, goal.copy()))
            heading[idx] = goal[idx]
            fresh |= group
        if len(parts) < len(due):
            self.kept = True  # no plan, or one that leaves the limits: that group's motion in force goes on
        if not fresh.any():
            return
        if self._motion is None:
            rest = np.flatnonzero(~fresh)
            carried = [_Part(None, 0.0, rest, self.position.copy())] if rest.size else []
        else:
            carried = self._motion.carry(~fresh, self._t)
        self._take(_Motion(parts + carried), heading, braking=False, alone=own)

    def _calculate(self, interface: object, sync: object, goal: np.ndarray | None,
                   group: np.ndarray | None) -> Any:
        """ruckig's trajectory from the present state (for the joints ``group`` marks; None: all), or None."""
        rk, inp = self._ruckig, self._inp
        inp.control_interface, inp.synchronization = interface, sync
        inp.enabled = [True] * self.n if group is None else [bool(x) for x in group]
        inp.current_position = self.position.tolist()
        inp.current_velocity = self.velocity.tolist()
        inp.current_acceleration = self.acceleration.tolist()
        inp.target_velocity = [0.0] * self.n
        inp.target_acceleration = [0.0] * self.n
        if goal is not None:
            inp.target_position = goal.tolist()
        traj = rk.Trajectory(self.n)
        try:
            result = self._otg.calculate(inp, traj)
        except rk.RuckigError:
            # ruckig 0.19 raises where its time synchronisation fails numerically (a joint cruising at its velocity
            # limit, others slower toward near targets): no plan, like an error result, never a crashed tick.
            return None
        return traj if result in (rk.Result.Working, rk.Result.Finished) else None

    def _inside(self, lo: np.ndarray, hi: np.ndarray) -> bool:
        return bool((lo >= self.lower - 1e-12).all() and (hi <= self.upper + 1e-12).all())

    def _take(self, motion: _Motion, heading: np.ndarray, *, braking: bool, alone: np.ndarray) -> None:
        self._motion, self._t, self._braking = motion, 0.0, braking
        self.heading, self._alone = heading, alone.copy()
        self._plans.append((self.clock, motion, heading.copy(), motion.switches()))
        while len(self._plans) > 1 and self._plans[1][0] < self.clock - HISTORY_S:
            self._plans.pop(0)

    def _advance(self) -> np.ndarray:
        motion = self._motion
        self.clock += self.period
        if motion is not None:
            self._t += self.period
            if self._t >= motion.duration:
                # Arrived: exactly at rest on the heading (ruckig ends within ~1e-15 of it).
                self.position = self.heading.copy()
                self.velocity, self.acceleration = np.zeros(self.n), np.zeros(self.n)
                self._motion = None
            else:
                self.position, self.velocity, self.acceleration = motion.at(self._t)
        return self.position.copy()


class _Part:
    """Joints ``dofs`` of ruckig trajectory ``traj`` from ``offset`` s into it, at rest on ``end`` (their values
    there) once it ends; ``traj`` None: at rest on ``end`` throughout."""

    def __init__(self, traj: Any, offset: float, dofs: np.ndarray, end: np.ndarray) -> None:
        self.traj, self.offset, self.dofs, self.end = traj, offset, dofs, end
        self.duration = 0.0 if traj is None else max(0.0, float(traj.duration) - offset)


class _Motion:
    """The commanded motion from a plan's start: each joint on one part (a trajectory it was planned on, alone or
    with others, possibly begun before this plan)."""

    def __init__(self, parts: list[_Part]) -> None:
        self.parts = parts
        self.duration = max((part.duration for part in parts), default=0.0)

    def at(self, t: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Positions, velocities and accelerations ``t`` seconds after the start."""
        n = sum(part.dofs.size for part in self.parts)
        p, v, a = np.zeros(n), np.zeros(n), np.zeros(n)
        for part in self.parts:
            if part.traj is None or t >= part.duration:
                p[part.dofs] = part.end[part.dofs]
                continue
            pp, vv, aa = part.traj.at_time(t + part.offset)
            p[part.dofs] = np.asarray(pp)[part.dofs]
            v[part.dofs] = np.asarray(vv)[part.dofs]
            a[part.dofs] = np.asarray(aa)[part.dofs]
        return p, v, a

    def carry(self, mask: np.ndarray, elapsed: float) -> list[_Part]:
        """The parts of the joints ``mask`` marks, going on from ``elapsed`` s after this motion's start."""
        out = []
        for part in self.parts:
            dofs = part.dofs[mask[part.dofs]]
            if dofs.size:
                out.append(_Part(part.traj, part.offset + elapsed, dofs, part.end))
        return out

    def switches(self) -> tuple[float, ...]:
        """Times from the start where some joint changes phase (its brake's, then its profile's), each part's end
        and the motion's: each joint is one cubic between them."""
        out: set[float] = {self.duration}
        for part in self.parts:
            if part.traj is None:
                continue
            local: set[float] = {float(part.traj.duration)}
            for dof in part.dofs:
                profile = part.traj.profiles[0][dof]
                brake = float(profile.brake.duration)
                local.update(np.cumsum(profile.brake.t)[:-1].tolist())
                local.add(brake)
                local.update((brake + np.cumsum(profile.t)).tolist())
            out.update(x - part.offset for x in local if x > part.offset)
        return tuple(sorted(out))


def _sampled_extent(traj: Any, period: float) -> tuple[np.ndarray, np.ndarray]:
    """Lowest and highest position of each joint on the samples of a brake that will be sent: ruckig 0.19's position
    extrema of a velocity-interface trajectory are off (they include 0); a brake -- a tenth of a second, planned once
    per stop -- is judged on its samples."""
    times = np.append(np.arange(1, int(traj.duration / period) + 1) * period, traj.duration)
    samples = np.array([traj.at_time(float(t))[0] for t in times])
    return samples.min(axis=0), samples.max(axis=0)
