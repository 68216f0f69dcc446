"""Damped-least-squares differential IK: end-effector delta actions to joint position targets.

The controller is independent of the Gymnasium env: the ROS bridge runs the same code on a
real arm by writing measured joint positions into an MjData of the arm's model.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import mujoco
import numpy as np

from sim.errors import ConfigError, InvalidActionError
from sim.robots.spec import RobotSpec

ACTION_DIM = 5  # dx, dy, dz, dyaw, gripper (-1 open .. +1 closed)

# Tool frame pointing straight down with yaw 0: x along world x, z along world -z.
_DOWN = np.diag([1.0, -1.0, -1.0])


@dataclass(frozen=True, kw_only=True)
class ControllerConfig:
    """Gains and limits of the differential IK controller (units: m, rad, per control step)."""

    max_pos_step: float = 0.02
    max_yaw_step: float = 0.15
    max_lead: float = 0.03
    max_yaw_lead: float = 0.25
    damping: float = 0.05
    nullspace_gain: float = 0.3
    joint_margin: float = 0.03
    workspace_low: tuple[float, float, float] = (0.15, -0.55, 0.012)
    workspace_high: tuple[float, float, float] = (0.85, 0.55, 0.65)

    def __post_init__(self) -> None:
        for name in ("max_pos_step", "max_yaw_step", "max_lead", "max_yaw_lead", "damping"):
            if not getattr(self, name) > 0:
                raise ConfigError(f"controller {name} must be > 0, got {getattr(self, name)!r}")
        if self.nullspace_gain < 0 or self.joint_margin < 0:
            raise ConfigError("controller nullspace_gain and joint_margin must be >= 0")
        if len(self.workspace_low) != 3 or len(self.workspace_high) != 3:
            raise ConfigError("controller workspace bounds need 3 values each")
        if any(lo >= hi for lo, hi in zip(self.workspace_low, self.workspace_high, strict=True)):
            raise ConfigError(f"controller workspace is empty: {self.workspace_low} .. {self.workspace_high}")


def validate_action(action: object) -> np.ndarray:
    """The action as a float64 array of shape (5,), or InvalidActionError naming what is wrong."""
    arr = np.asarray(action, dtype=np.float64)
    if arr.shape != (ACTION_DIM,):
        raise InvalidActionError(
            f"action must have shape ({ACTION_DIM},) = (dx, dy, dz, dyaw, gripper), got shape {arr.shape}"
        )
    # Five scalars: plain float maths is several times cheaper than ufunc calls, with the same result.
    values = arr.tolist()
    if not all(map(math.isfinite, values)):
        raise InvalidActionError(f"action contains non-finite values: {values}")
    return np.array([-1.0 if v < -1.0 else 1.0 if v > 1.0 else v for v in values])


def _wrap(angle: float) -> float:
    return (angle + math.pi) % (2.0 * math.pi) - math.pi


def tool_rotation(yaw: float) -> np.ndarray:
    """World rotation of a downward-pointing tool with the given yaw."""
    c, s = math.cos(yaw), math.sin(yaw)
    return np.array([[c, -s, 0.0], [s, c, 0.0], [0.0, 0.0, 1.0]]) @ _DOWN


class DiffIKController:
    """Turns EE-delta actions into joint position targets for ``robot`` in ``model``."""

    def __init__(self, model: mujoco.MjModel, robot: RobotSpec, config: ControllerConfig | None = None,
                 control_dt: float = 0.05) -> None:
        self.model, self.robot = model, robot
        self.config = config if config is not None else ControllerConfig()
        self.control_dt = control_dt
        cfg = self.config
        jids = [mujoco.mj_name2id(model, mujoco.mjtObj.mjOBJ_JOINT, n) for n in robot.arm_joints]
        self._dof = np.array([model.jnt_dofadr[j] for j in jids])
        self._qadr = np.array([model.jnt_qposadr[j] for j in jids])
        self._site = mujoco.mj_name2id(model, mujoco.mjtObj.mjOBJ_SITE, robot.tcp_site)
        gj = [mujoco.mj_name2id(model, mujoco.mjtObj.mjOBJ_JOINT, n) for n in robot.gripper_joints]
        self._grip_qadr = np.array([model.jnt_qposadr[j] for j in gj])
        self._lo = np.array(robot.lower) + cfg.joint_margin
        self._hi = np.array(robot.upper) - cfg.joint_margin
        self._home = np.array(robot.home)
        self._max_dq = np.array(robot.velocity_limits) * control_dt
        self._ws_lo_f, self._ws_hi_f = [float(v) for v in cfg.workspace_low], [float(v) for v in cfg.workspace_high]
        self._jacp = np.zeros((3, model.nv))
        self._jacr = np.zeros((3, model.nv))
        # Arm columns of the Jacobian: a slice (a view, no gather) when the arm's dofs are contiguous.
        dof = self._dof
        self._cols = _as_slice(dof)
        self._jac = np.zeros((6, len(dof)), order="F")  # the layout np.vstack gave: same BLAS path, same bits
        self._qcols = _as_slice(self._qadr)
        self._reg = (cfg.damping**2) * np.eye(6)
        self._redundant = len(robot.arm_joints) > 6 and cfg.nullspace_gain > 0
        self._grip_step = robot.gripper_velocity * control_dt
        self.target_pos = np.zeros(3)
        self.target_yaw = 0.0
        self.gripper_target = robot.gripper_open
        self.ctrl = np.zeros(len(robot.arm_joints) + len(robot.gripper_joints))

    def reset(self, data: mujoco.MjData) -> None:
        """Start from the measured state: targets equal the current pose (no jump on the first step)."""
        x_axis = data.site_xmat[self._site]
        self.target_pos = data.site_xpos[self._site].copy()
        self.target_yaw = math.atan2(x_axis[3], x_axis[0])
        self.gripper_target = float(data.qpos[self._grip_qadr].mean())
        n = len(self.robot.arm_joints)
        self.ctrl[:n] = data.qpos[self._qadr]
        self.ctrl[n:] = self.gripper_target

    def compute(self, data: mujoco.MjData, action: np.ndarray) -> np.ndarray:
        """Joint position targets (arm then fingers) for one control step; ``action`` already validated."""
        # Runs every control step: scalar maths on Python floats and preallocated arrays keep it well
        # below the cost of the physics it drives (see bench/sim_throughput.py).
        cfg = self.config
        p = data.site_xpos[self._site].tolist()
        m = data.site_xmat[self._site].tolist()  # row-major 3x3
        yaw = math.atan2(m[3], m[0])

        # The target integrates the commanded deltas (so zero action holds still, with no drift),
        # but never leads the measured pose by more than ``max_lead``: a closed-loop commander or
        # a blocked arm cannot wind it up.
        t = self.target_pos.tolist()
        lead, step = cfg.max_lead, cfg.max_pos_step
        a = action.tolist()
        target = [min(max(t[i] + a[i] * step, p[i] - lead), p[i] + lead) for i in range(3)]
        target = [min(max(target[i], self._ws_lo_f[i]), self._ws_hi_f[i]) for i in range(3)]
        self.target_pos = np.array(target)
        yaw_lead = _wrap(self.target_yaw + a[3] * cfg.max_yaw_step - yaw)
        self.target_yaw = _wrap(yaw + min(max(yaw_lead, -cfg.max_yaw_lead), cfg.max_yaw_lead))

        err = np.array([target[0] - p[0], target[1] - p[1], target[2] - p[2],
                        *_orientation_error(m, math.cos(self.target_yaw), math.sin(self.target_yaw))])

        mujoco.mj_jacSite(self.model, data, self._jacp, self._jacr, self._site)
        jac = self._jac
        jac[:3] = self._jacp[:, self._cols]
        jac[3:] = self._jacr[:, self._cols]
        q = data.qpos[self._qcols]
        jjt = jac @ jac.T + self._reg
        if self._redundant:
            # Null-space pull towards home keeps the redundant Panda away from its joint limits:
            # dq = v + J^T (J J^T + l^2 I)^-1 (e - J v), one solve for task and posture together.
            v = cfg.nullspace_gain * (self._home - q)
            dq = v + jac.T @ _solve(jjt, err - jac @ v)
        else:
            # A 6-joint arm has no null space: a posture term would only fight the task.
            dq = jac.T @ _solve(jjt, err)
        scale = (np.abs(dq) / self._max_dq).max()
        if scale > 1.0:
            dq /= scale
        n = len(self._dof)
        self.ctrl[:n] = np.minimum(np.maximum(q + dq, self._lo), self._hi)

        r = self.robot
        want = r.gripper_open + (r.gripper_closed - r.gripper_open) * (a[4] + 1.0) * 0.5
        self.gripper_target += min(max(want - self.gripper_target, -self._grip_step), self._grip_step)
        self.ctrl[n:] = self.gripper_target
        return self.ctrl


def _solve_checked(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.asarray(np.linalg.solve(a, b))


try:
    # The same LAPACK gesv as np.linalg.solve, without its Python-level checks: a third of the cost
    # for a 6x6 system, and bit-identical results. The damped J J^T is positive definite, so the
    # checks never fire here.
    from numpy.linalg import _umath_linalg

    def _solve(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        return np.asarray(_umath_linalg.solve1(a, b, signature="dd->d"))
except (ImportError, AttributeError):  # a numpy without the private module
    _solve = _solve_checked


def _as_slice(index: np.ndarray) -> slice | np.ndarray:
    """A slice (a view, no gather) when ``index`` is a contiguous run, else the index itself."""
    if len(index) > 0 and np.array_equal(index, np.arange(index[0], index[0] + len(index))):
        return slice(int(index[0]), int(index[0]) + len(index))
    return index


def _orientation_error(m: list[float], c: float, s: float) -> tuple[float, float, float]:
    """Small-angle error from the tool rotation ``m`` (row-major) to ``tool_rotation(yaw)``.

    Half the sum of the cross products of matching columns, written out for the columns (c, s, 0),
    (s, -c, 0), (0, 0, -1) of the desired rotation (c, s: cosine and sine of its yaw). The arithmetic
    is that of three ``np.cross`` calls minus the products with exact zeros, at a tenth of the cost.
    """
    return (0.5 * ((-(m[6] * s) + m[7] * c) - m[5]),
            0.5 * ((m[6] * c + m[7] * s) + m[2]),
            0.5 * ((m[0] * s - m[3] * c) + (-(m[1] * c) - m[4] * s)))
