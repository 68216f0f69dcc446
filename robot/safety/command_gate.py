"""CommandGate: the last check on every outgoing command — finite, inside the joint limits, bounded step.

Limits come from ``sim.robots`` (one source of truth with the simulator). The guarantee, whatever the
input: every command is finite, lies within ``[lower + margin, upper - margin]`` and differs from the
previous command by at most ``velocity_limit * velocity_scale * control_period`` per joint (the gripper
likewise within its stroke and speed). Staying near the measured position (the lead bound) is applied
before those clamps and is best effort: a stale or jumping measurement must never make the command jump.

The lead bound is per joint: what the gate moves a command in one control period and the arm's tracking lag
(``lead_time``), at the gate's velocity, capped by ``max_lead``. A command moving at the gate's speed leads the
measurement by about that much; more lead is the arm held back (a contact, a stuck joint), and the position servo
closes it at about lead / lag once it lets go. Bounded so, that snap stays near the gate's own velocity, well below
the fault monitor's limit (``velocity_factor`` times the model's): a scalar 0.15 rad let a fingertip contact's
release on the Panda close at 2.9 rad/s, over its 2.87 monitored limit, a velocity_limit stop. The jerk-limited
filter plans to rest on its target, so its bound adds the distance it takes to stop from the gate's velocity: with
less room ahead it could never cruise at that velocity. That room is no place to park a held joint's command, though:
a joint stuck while cruising would come to rest a stopping distance past the free-motion lead, and on the simulated
Panda's joint 6 at franka's limits a stall let go closed that 0.13 rad at 2.8 rad/s, over the 2.87 monitored limit
less its noise: a velocity_limit stop after every brief stall. So a joint whose command leads it by more than
``rest_lead`` (the free-motion lead at the gate's velocity, the plain gate's bound) counts as held, and its bound
closes to ``rest_lead``: the filter plans it alone, time-optimally (its command brakes at once at full deceleration,
comes back and rests at ``rest_lead``), and the joints still moving on one plan without it, so neither paces the
other (``JerkLimitedFilter.step``; a joint 6 stall on the Panda leaves the other joints' commands those of the run
without it, bit for bit; a stalled joint that set the pace of the others no longer holds them back).
The bound once carried the stopping distance from the held command's velocity too: on a joint stuck at full speed that
changed no command by more than 5e-16 rad (the time-optimal plan brakes at full deceleration whether its target lies
within its stopping distance or behind it), and on a joint slowed to a fifth of the gate's speed it made the command
surge (0.003-0.58 rad/s behind an arm at 0.26) and lead by up to 0.068 rad against a rest_lead of 0.052. A held
joint counts as free again only once the arm has made up half of ``rest_lead`` (``RELEASE_SHARE``): a parked command
sits at ``rest_lead``, so it never cycles between the two bounds. Joints not held keep ``max_lead``: free motion of
an arm that trails its command by no more than one period and ``lead_time`` is unchanged (one that trails more counts
as held and moves slower, out of step with the others: raise ``lead_time`` to its trail, which the bridge measures and
reports, ``robot.safety.trail_watch``), and the held state is a function of the commands sent and the trusted
measurement only. A command is flagged ``lead`` only where the bound set it
(the arm is held back), not at every tick it clips a far target that the step limit keeps nearer anyway.

A driver profile with acceleration and jerk limits (franka: libfranka reflexes on commands beyond them) puts
a :class:`~robot.safety.jerk_filter.JerkLimitedFilter` in place of the per-step velocity clamp: the commands
then also keep those limits, come to rest on a target without overshoot, and :meth:`CommandGate.stop` brakes
to rest within them. Without such limits (generic, UR) the gate is exactly the velocity clamp.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from robot.errors import ParameterError, RobotError
from robot.safety.jerk_filter import JerkLimitedFilter
from robot.safety.motion_limits import MotionLimits, check_limit_tuple
from sim.robots.spec import RobotSpec


def stop_distance(velocity: np.ndarray, max_acceleration: np.ndarray, max_jerk: np.ndarray) -> np.ndarray:
    """Per joint, the shortest distance to rest from ``velocity`` at zero acceleration within the acceleration and
    jerk limits: the deceleration profile is point-symmetric about its middle, so the mean speed is half."""
    v, a, j = np.abs(velocity), max_acceleration, max_jerk
    duration = np.where(v >= a**2 / j, v / a + a / j, 2.0 * np.sqrt(v / j))
    return np.asarray(0.5 * v * duration)


MAX_LEAD_TIME = 0.5
"""The longest ``lead_time`` (s) the gate takes (the bridge's ``gate_lead_time`` shares it): a real arm's position
control trails by tens of milliseconds; a lead time far past the arm's own trail raises the snap on a contact's
release toward the monitor's velocity limit (REV session 8, G10), so a larger value is a typing error."""

RELEASE_SHARE = 0.5
"""With the jerk-limited filter, a held joint counts as free again once its command leads it by less than this share of
``rest_lead``: the arm is following. Below 1, so a command parked at ``rest_lead`` stays held (no cycling)."""

LEAD_FLAG_TOLERANCE = 1e-9
"""How much nearer (rad) than the step clamp alone the lead bound must set a command to flag it ``lead``."""


class GateNotReadyError(RobotError, RuntimeError):
    """A command was gated before the gate knew where the arm is (call ``reset`` with a measured state)."""


@dataclass(frozen=True, kw_only=True)
class GateConfig:
    """Command limits: margin inside the joint limits (rad), fraction of the velocity limits, lead (rad; the
    largest, and the arm's tracking lag that bounds it per joint), and the driver's own per-joint limits
    (``VendorProfile.max_*``; empty: none)."""

    control_period: float = 0.01
    position_margin: float = 0.02
    velocity_scale: float = 0.5
    max_lead: float = 0.15
    lead_time: float = 0.03
    """How far (s) the arm's position servo trails a command moving at the gate's velocity: a joint's command leads
    its measured position by at most ``velocity * (control_period + lead_time)`` (and ``max_lead``). The simulated
    Panda's servo closes a lead at 20-30 /s (a trail of 0.03-0.05 s); its commands at the default gate lead by up to
    0.035 rad in free motion, and by 0.047 rad on a loaded shoulder, where the bound (0.044) slows the command a
    little."""
    min_lead: float = 0.0
    """The least the lead bound may be (rad): a joint held back must still build a tracking error above the
    monitor's tolerance, or a slow gate (``velocity_scale`` 0.2 on the Panda: 0.017 rad of lead against a 0.02 rad
    tolerance) would hide a stuck joint from the tracking-error stop. The bridge sets it to twice the tolerance."""
    max_velocity: tuple[float, ...] = ()
    """The driver's velocity limits (rad/s): the gate keeps below the smaller of these and the scaled model's."""
    max_acceleration: tuple[float, ...] = ()
    max_jerk: tuple[float, ...] = ()
    """The driver's acceleration (rad/s^2) and jerk (rad/s^3) limits: given together, they switch the gate's
    step from the velocity clamp to the jerk-limited filter."""

    def __post_init__(self) -> None:
        for name, low, high in (("control_period", 1e-4, 1.0), ("position_margin", 0.0, 0.5),
                                ("velocity_scale", 1e-3, 1.0), ("max_lead", 1e-3, 2.0),
                                ("lead_time", 0.0, MAX_LEAD_TIME), ("min_lead", 0.0, 2.0)):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) \
                    or not low <= value <= high:
                raise ParameterError(f"gate: {name} must be a number in [{low}, {high}], got {value!r}")
        for name in ("max_velocity", "max_acceleration", "max_jerk"):
            check_limit_tuple("gate", name, getattr(self, name))
        if bool(self.max_acceleration) != bool(self.max_jerk):
            raise ParameterError(f"gate: max_acceleration and max_jerk go together, got {self.max_acceleration!r} "
                                 f"and {self.max_jerk!r}")

    @property
    def jerk_limited(self) -> bool:
        return bool(self.max_acceleration)


@dataclass(frozen=True, kw_only=True)
class GateResult:
    """The command to send and the names of the limits that changed it (empty: passed unchanged; ``lead``: the lead
    bound held it back, nearer the measured position than the step limit alone would have sent it)."""

    arm: np.ndarray
    gripper: float
    changed: tuple[str, ...]
    velocity: np.ndarray | None = None
    acceleration: np.ndarray | None = None
    """The jerk-limited filter's velocity and acceleration at ``arm`` (None without it): a trajectory point that
    carries them makes the controller interpolate the same smooth path between commands."""


class CommandGate:
    """Clamps commands for ``robot``; remembers the previous command to bound each step."""

    def __init__(self, robot: RobotSpec, config: GateConfig) -> None:
        self.robot, self.config = robot, config
        for name in ("max_velocity", "max_acceleration", "max_jerk"):
            check_limit_tuple("gate", name, getattr(config, name), size=robot.n_arm)
        self.lower = np.array(robot.lower) + config.position_margin
        self.upper = np.array(robot.upper) - config.position_margin
        velocity = np.array(robot.velocity_limits) * config.velocity_scale
        if config.max_velocity:
            velocity = np.minimum(velocity, config.max_velocity)
        self.velocity_limit = velocity
        self.max_step = velocity * config.control_period
        lead = velocity * (config.control_period + config.lead_time)
        self.rest_lead = np.minimum(config.max_lead, np.maximum(lead, config.min_lead))
        """Per joint, the most a command at rest may lead the measured position: one period and the tracking lag at
        the gate's velocity (see ``GateConfig.lead_time``), what a held joint's release makes up."""
        if config.jerk_limited:
            lead = lead + stop_distance(velocity, np.array(config.max_acceleration), np.array(config.max_jerk))
        self.max_lead = np.minimum(config.max_lead, np.maximum(lead, config.min_lead))
        """Per joint, the most a command may lead the measured position (with the jerk-limited filter: moving at the
        gate's velocity; a held joint's, ``rest_lead``)."""
        self.held = np.zeros(robot.n_arm, dtype=bool)
        """With the jerk-limited filter, the joints whose arm is held back (see the module docstring)."""
        self.filter: JerkLimitedFilter | None = None
        """The jerk-limited filter in place of the step clamp, for a profile with acceleration and jerk limits."""
        if config.jerk_limited:
            limits = MotionLimits(max_velocity=tuple(velocity.tolist()), max_acceleration=config.max_acceleration,
                                  max_jerk=config.max_jerk)
            self.filter = JerkLimitedFilter(limits, period=config.control_period, lower=self.lower, upper=self.upper)
        self.grip_low = min(robot.gripper_open, robot.gripper_closed)
        self.grip_high = max(robot.gripper_open, robot.gripper_closed)
        self.grip_step = robot.gripper_velocity * config.control_period
        self.prev: np.ndarray | None = None
        self.prev_gripper = robot.gripper_open

    def reset(self, measured: np.ndarray, gripper: float) -> None:
        """Restart from the measured state: the next command may only step away from here."""
        if not (np.isfinite(measured).all() and math.isfinite(gripper)):
            raise GateNotReadyError(f"gate reset needs a finite measured state, got {measured.tolist()}, {gripper}")
        self.prev = np.clip(np.asarray(measured, dtype=np.float64), self.lower, self.upper)
        self.prev_gripper = min(max(float(gripper), self.grip_low), self.grip_high)
        self.held = np.zeros(self.prev.shape, dtype=bool)
        if self.filter is not None:
            self.filter.reset(self.prev)

    def apply(self, desired: np.ndarray, gripper: float, measured: np.ndarray | None = None) -> GateResult:
        """The gated command for ``desired`` joint targets and finger position."""
        prev = self.prev
        if prev is None:
            raise GateNotReadyError("the command gate has no previous command: reset it from a measured state first")
        changed: list[str] = []
        target = np.asarray(desired, dtype=np.float64)
        if target.shape != prev.shape:
            raise GateNotReadyError(f"command has {target.size} joints, the arm {prev.size}")
        if not np.isfinite(target).all():
            # Refused: that joint keeps the target it had (with the filter, where it is heading: no stop-and-go).
            kept = prev if self.filter is None else self.filter.heading
            target = np.where(np.isfinite(target), target, kept)
            changed.append("nonfinite")
        clipped = np.clip(target, self.lower, self.upper)
        if not np.array_equal(clipped, target):
            changed.append("position_limit")
        target = clipped
        unled = target
        led_joints = np.zeros(prev.shape, dtype=bool)
        bound = self.max_lead
        if measured is not None and np.isfinite(measured).all():
            if self.filter is None:
                led = np.clip(target, measured - bound, measured + bound)
            else:
                lead = np.abs(prev - measured)
                self.held = np.where(self.held, lead >= RELEASE_SHARE * self.rest_lead, lead > self.rest_lead)
                bound = np.where(self.held, self.rest_lead, self.max_lead)
                led = np.clip(target, measured - bound, measured + bound)
            led_joints = led != target
            target = led
        if self.filter is not None:
            arm = self.filter.step(target, alone=self.held)
            # The filter plans to rest on the bounded target: the bound held it back once the command sits at it (or,
            # braking toward a bound that closed in, past it).
            if led_joints.any() and (np.abs(arm - np.asarray(measured))[led_joints]
                                     >= bound[led_joints] - self.max_step[led_joints]).any():
                changed.append("lead")
            return self._filtered(arm, target, gripper, changed)
        stepped = np.clip(target, prev - self.max_step, prev + self.max_step)
        # "lead": the bound, not the step clamp, set the command (the arm is held back). A far target is clipped by
        # both at every tick of a move at the gate's speed, where the step is the tighter and the bound changes
        # nothing (or a rounding's worth: an arm trailing by exactly ``lead_time`` puts the two clips on one value).
        if led_joints.any() and float(np.abs(stepped - np.clip(unled, prev - self.max_step,
                                                                prev + self.max_step)).max()) > LEAD_FLAG_TOLERANCE:
            changed.append("lead")
        if not np.array_equal(stepped, target):
            changed.append("max_step")
        # prev lies inside the limits, so clipping a value within one step of it stays within one step.
        arm = np.clip(stepped, self.lower, self.upper)
        g2 = self._gripper(gripper, changed)
        self.prev, self.prev_gripper = arm, g2
        return GateResult(arm=arm.copy(), gripper=g2, changed=tuple(changed))

    def stop(self, gripper: float) -> GateResult:
        """The next command of a stop that reads nothing (category 1): with the jerk-limited filter, a brake to rest
        within the driver's limits, then still; without it, the previous command again. A function of what was
        commanded before, only."""
        prev = self.prev
        if prev is None:
            raise GateNotReadyError("the command gate has no previous command: nothing to stop from")
        changed: list[str] = []
        if self.filter is not None:
            return self._filtered(self.filter.brake(), None, gripper, changed)
        g2 = self._gripper(gripper, changed)
        self.prev_gripper = g2
        return GateResult(arm=prev.copy(), gripper=g2, changed=tuple(changed))

    def _filtered(self, arm: np.ndarray, target: np.ndarray | None, gripper: float, changed: list[str]) -> GateResult:
        filt = self.filter
        assert filt is not None
        if target is None:
            changed.append("brake")
        elif not np.array_equal(arm, target):
            changed.append("motion_limit")
        if filt.kept:
            changed.append("plan_refused")
        # The filter keeps every plan inside the limits; a clip here would only ever undo rounding.
        arm = np.clip(arm, self.lower, self.upper)
        g2 = self._gripper(gripper, changed)
        self.prev, self.prev_gripper = arm, g2
        return GateResult(arm=arm.copy(), gripper=g2, changed=tuple(changed), velocity=filt.velocity.copy(),
                          acceleration=filt.acceleration.copy())

    def _gripper(self, gripper: float, changed: list[str]) -> float:
        g = float(gripper)
        if not math.isfinite(g):
            g = self.prev_gripper
            changed.append("gripper_nonfinite")
        g2 = min(max(g, self.grip_low), self.grip_high)
        g2 = min(max(g2, self.prev_gripper - self.grip_step), self.prev_gripper + self.grip_step)
        if g2 != g:
            changed.append("gripper_limit")
        return g2

    def within_envelope(self, previous: np.ndarray, command: np.ndarray, *, tol: float = 1e-9) -> bool:
        """True when ``command`` is a command this gate could have sent after ``previous``."""
        return bool(np.isfinite(command).all() and (command >= self.lower - tol).all()
                    and (command <= self.upper + tol).all()
                    and (np.abs(command - previous) <= self.max_step + tol).all())
