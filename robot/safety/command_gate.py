"""CommandGate: the last check on every outgoing command — finite, inside the joint limits, bounded step.

Limits come from ``sim.robots`` (one source of truth with the simulator). The guarantee, whatever the
input: every command is finite, lies within ``[lower + margin, upper - margin]`` and differs from the
previous command by at most ``velocity_limit * velocity_scale * control_period`` per joint (the gripper
likewise within its stroke and speed). Staying near the measured position (``max_lead``) is applied
before those clamps and is best effort: a stale or jumping measurement must never make the command jump.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from robot.errors import ParameterError, RobotError
from sim.robots.spec import RobotSpec


class GateNotReadyError(RobotError, RuntimeError):
    """A command was gated before the gate knew where the arm is (call ``reset`` with a measured state)."""


@dataclass(frozen=True, kw_only=True)
class GateConfig:
    """Command limits: margin inside the joint limits (rad), fraction of the velocity limits, lead (rad)."""

    control_period: float = 0.01
    position_margin: float = 0.02
    velocity_scale: float = 0.5
    max_lead: float = 0.15

    def __post_init__(self) -> None:
        for name, low, high in (("control_period", 1e-4, 1.0), ("position_margin", 0.0, 0.5),
                                ("velocity_scale", 1e-3, 1.0), ("max_lead", 1e-3, 2.0)):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) \
                    or not low <= value <= high:
                raise ParameterError(f"gate: {name} must be a number in [{low}, {high}], got {value!r}")


@dataclass(frozen=True, kw_only=True)
class GateResult:
    """The command to send and the names of the limits that changed it (empty: passed unchanged)."""

    arm: np.ndarray
    gripper: float
    changed: tuple[str, ...]


class CommandGate:
    """Clamps commands for ``robot``; remembers the previous command to bound each step."""

    def __init__(self, robot: RobotSpec, config: GateConfig) -> None:
        self.robot, self.config = robot, config
        self.lower = np.array(robot.lower) + config.position_margin
        self.upper = np.array(robot.upper) - config.position_margin
        self.max_step = np.array(robot.velocity_limits) * config.velocity_scale * config.control_period
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
            target = np.where(np.isfinite(target), target, prev)
            changed.append("nonfinite")
        clipped = np.clip(target, self.lower, self.upper)
        if not np.array_equal(clipped, target):
            changed.append("position_limit")
        target = clipped
        if measured is not None and np.isfinite(measured).all():
            led = np.clip(target, measured - self.config.max_lead, measured + self.config.max_lead)
            if not np.array_equal(led, target):
                changed.append("lead")
            target = led
        stepped = np.clip(target, prev - self.max_step, prev + self.max_step)
        if not np.array_equal(stepped, target):
            changed.append("max_step")
        # prev lies inside the limits, so clipping a value within one step of it stays within one step.
        arm = np.clip(stepped, self.lower, self.upper)

        g = float(gripper)
        if not math.isfinite(g):
            g = self.prev_gripper
            changed.append("gripper_nonfinite")
        g2 = min(max(g, self.grip_low), self.grip_high)
        g2 = min(max(g2, self.prev_gripper - self.grip_step), self.prev_gripper + self.grip_step)
        if g2 != g:
            changed.append("gripper_limit")
        self.prev, self.prev_gripper = arm, g2
        return GateResult(arm=arm.copy(), gripper=g2, changed=tuple(changed))

    def within_envelope(self, previous: np.ndarray, command: np.ndarray, *, tol: float = 1e-9) -> bool:
        """True when ``command`` is a command this gate could have sent after ``previous``."""
        return bool(np.isfinite(command).all() and (command >= self.lower - tol).all()
                    and (command <= self.upper + tol).all()
                    and (np.abs(command - previous) <= self.max_step + tol).all())
