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
        self._traj: Any = None
        """The trajectory in force (None: at rest at ``position``); sampled at ``_t`` seconds since its start."""
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
        self._plans: list[tuple[float, Any, np.ndarray, tuple[float, ...]]] = [(0.0, None, np.zeros(self.n), ())]
        """(start on ``clock``, ruckig trajectory -- None: at rest since the reset --, where it comes to rest, its
        phase switches and end from its start) of the last ``HISTORY_S`` seconds, oldest first: the commanded
        motion, for ``lookahead`` and ``knots``."""

    @property
    def at_rest(self) -> bool:
        return self._traj is None

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
        for i, (start, traj, _, local) in enumerate(plans):
            until = plans[i + 1][0] if i + 1 < len(plans) else math.inf
            if until <= since:
                continue
            switches.add(start)
            if traj is not None:
                switches.update(start + x for x in local if start + x < until)
        end = self.clock if self._traj is None else self._plans[-1][0] + float(self._traj.duration)
        ahead = sorted({round(x - self.clock, 9) for x in switches
                        if since + KNOT_MIN_S < x < end - KNOT_MIN_S})
        if self._traj is not None:
            ahead.append(round(end - self.clock, 9))
        return np.array(ahead)

    def _state_at(self, at: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        zeros = np.zeros(self.n)
        start, traj, end, _ = next((plan for plan in reversed(self._plans) if plan[0] <= at), self._plans[0])
        local = max(0.0, at - start)
        if traj is None or local >= traj.duration:
            return end.copy(), zeros, zeros.copy()
        p, v, a = traj.at_time(local)
        return np.array(p), np.array(v), np.array(a)

    def reset(self, position: np.ndarray) -> None:
        """At rest at ``position`` (a re-arm starts from the measured, standing arm)."""
        pos = np.asarray(position, dtype=np.float64)
        if pos.shape != (self.n,) or not np.isfinite(pos).all():
            raise ParameterError(f"jerk filter: reset needs {self.n} finite positions, got {pos.tolist()}")
        self.position, self.heading = pos.copy(), pos.copy()
        self.velocity, self.acceleration = np.zeros(self.n), np.zeros(self.n)
        self._traj, self._t, self._braking, self.kept = None, 0.0, False, False
        self.clock = 0.0
        self._plans = [(0.0, None, pos.copy(), ())]

    def step(self, target: np.ndarray, alone: np.ndarray | None = None) -> np.ndarray:
        """The next command on the way to ``target`` (finite, inside the position limits: the gate's job).

        The joints arrive together (one straight path in joint space), except those ``alone`` marks: each of them
        on its own time-optimal motion, not paced by the others (the gate's held joints brake and draw back at once).
        """
        goal = np.asarray(target, dtype=np.float64)
        self.kept = False
        if self._braking or not np.array_equal(goal, self.heading):
            rk = self._ruckig
            self._plan(rk.ControlInterface.Position, rk.Synchronization.Time, goal, alone)
        return self._advance()

    def brake(self) -> np.ndarray:
        """The next command of a stop: every joint to rest as fast as its limits allow, then still."""
        self.kept = False
        if not self._braking and self._traj is not None:
            rk = self._ruckig
            self._plan(rk.ControlInterface.Velocity, rk.Synchronization.No, None)
        return self._advance()

    def _plan(self, interface: object, sync: object, goal: np.ndarray | None, alone: np.ndarray | None = None) -> None:
        rk, inp = self._ruckig, self._inp
        inp.control_interface, inp.synchronization = interface, sync
        inp.per_dof_synchronization = None if alone is None or not alone.any() else \
            [rk.Synchronization.No if own else sync for own in alone]
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
            result = rk.Result.ErrorSynchronizationCalculation
        if result in (rk.Result.Working, rk.Result.Finished):
            lo, hi = self._extent(traj, braking=goal is None)
            if (lo >= self.lower - 1e-12).all() and (hi <= self.upper + 1e-12).all():
                self._traj, self._t, self._braking = traj, 0.0, goal is None
                end = np.array(traj.at_time(traj.duration)[0]) if goal is None else goal.copy()
                self.heading = end
                self._plans.append((self.clock, traj, end.copy(), _switches(traj)))
                while len(self._plans) > 1 and self._plans[1][0] < self.clock - HISTORY_S:
                    self._plans.pop(0)
                return
        self.kept = True  # no plan, or one that leaves the limits: the trajectory in force stays in them

    def _extent(self, traj: Any, *, braking: bool) -> tuple[np.ndarray, np.ndarray]:
        """Lowest and highest position of each joint on ``traj``."""
        if not braking:
            extrema = traj.position_extrema
            return np.array([e.min for e in extrema]), np.array([e.max for e in extrema])
        # ruckig 0.19's position extrema of a velocity-interface (brake) trajectory are off (they include 0), so
        # a brake -- a tenth of a second, planned once per stop -- is judged on the samples that will be sent.
        times = np.append(np.arange(1, int(traj.duration / self.period) + 1) * self.period, traj.duration)
        samples = np.array([traj.at_time(float(t))[0] for t in times])
        return samples.min(axis=0), samples.max(axis=0)

    def _advance(self) -> np.ndarray:
        traj = self._traj
        self.clock += self.period
        if traj is not None:
            self._t += self.period
            duration = traj.duration
            if self._t >= duration:
                # Arrived: exactly at rest on the heading (ruckig ends within ~1e-15 of it).
                self.position = self.heading.copy()
                self.velocity, self.acceleration = np.zeros(self.n), np.zeros(self.n)
                self._traj = None
            else:
                pos, vel, acc = traj.at_time(self._t)
                self.position, self.velocity, self.acceleration = np.array(pos), np.array(vel), np.array(acc)
        return self.position.copy()


def _switches(traj: Any) -> tuple[float, ...]:
    """Times from its start where some joint of ruckig trajectory ``traj`` changes phase (its brake's, then its
    profile's), and its end: each joint is one cubic between them."""
    out: set[float] = {float(traj.duration)}
    for profile in traj.profiles[0]:
        brake = float(profile.brake.duration)
        out.update(np.cumsum(profile.brake.t)[:-1].tolist())
        out.add(brake)
        out.update((brake + np.cumsum(profile.t)).tolist())
    return tuple(sorted(out))
