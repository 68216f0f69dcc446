"""Damped-least-squares differential IK: end-effector delta actions to joint position targets.

The controller is independent of the Gymnasium env: the ROS bridge runs the same code on a
real arm by writing measured joint positions into an MjData of the arm's model.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from operator import truediv
from typing import Any

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
    if isinstance(action, np.ndarray) and action.dtype.char in "fd" and action.shape == (ACTION_DIM,):
        # The usual case, every env step: float32/float64 values convert to Python floats exactly, so the
        # float64 copy np.asarray would make first is not needed.
        values = action.tolist()
    else:
        arr = np.asarray(action, dtype=np.float64)
        if arr.shape != (ACTION_DIM,):
            raise InvalidActionError(
                f"action must have shape ({ACTION_DIM},) = (dx, dy, dz, dyaw, gripper), got shape {arr.shape}"
            )
        values = arr.tolist()
    # Five scalars: plain float maths is several times cheaper than ufunc calls, with the same result.
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
        self._max_dq_f = self._max_dq.tolist()
        self._ws_lo_f, self._ws_hi_f = [float(v) for v in cfg.workspace_low], [float(v) for v in cfg.workspace_high]
        # Config scalars as locals-to-be: attribute lookups on the frozen config cost more than the maths.
        self._lead, self._step = float(cfg.max_lead), float(cfg.max_pos_step)
        self._yaw_step, self._yaw_lead = float(cfg.max_yaw_step), float(cfg.max_yaw_lead)
        self._gain = cfg.nullspace_gain
        self._grip_open = robot.gripper_open
        self._grip_span = robot.gripper_closed - robot.gripper_open
        n = len(robot.arm_joints)
        self._n = n
        # mj_jacSite writes the position and rotation rows straight into one (6, nv) buffer.
        self._jac_full = np.zeros((6, model.nv))
        self._cols = _as_slice(self._dof)
        # The F-ordered copy is the layout np.vstack of the gathered blocks gave: numpy then picks the same
        # BLAS kernels (syrk for J J^T, gemv for J v and J^T x) and the results keep their bits.
        self._jac = np.zeros((6, n), order="F")
        self._qcols = _as_slice(self._qadr)
        self._reg = (cfg.damping**2) * np.eye(6)
        self._redundant = n > 6 and cfg.nullspace_gain > 0
        self._grip_step = robot.gripper_velocity * control_dt
        # Scratch buffers: every array op of compute() writes into one of these, none allocates.
        self._jjt = np.empty((6, 6))
        self._v = np.empty(n)
        self._jv = np.empty(6)
        self._dq = np.empty(n)
        self._sum = np.empty(n)
        self._target = [0.0, 0.0, 0.0]
        self.target_yaw = 0.0
        self.gripper_target = robot.gripper_open
        self.ctrl = np.zeros(n + len(robot.gripper_joints))
        self._gather_q = not isinstance(self._qcols, slice)
        self._make_views()

    def _make_views(self) -> None:
        """Views into the controller's own buffers, and none yet into an MjData (see ``_bind``)."""
        self._jacp, self._jacr = self._jac_full[:3], self._jac_full[3:]
        # Arm columns of the Jacobian: a view (no gather) when the arm's dofs are contiguous.
        self._jac_cols: np.ndarray | None = self._jac_full[:, self._cols] if isinstance(self._cols, slice) else None
        self._jac_t = self._jac.T
        self._ctrl_arm, self._ctrl_grip = self.ctrl[: self._n], self.ctrl[self._n :]
        self._data: mujoco.MjData | None = None
        self._xpos, self._xmat, self._q = np.zeros(3), np.zeros(9), np.zeros(self._n)

    def __getstate__(self) -> dict[str, Any]:
        # A copied view would be a separate array, no longer the buffer it viewed: copy without the views
        # (pickle, copy.deepcopy) and make them again on the other side.
        views = ("_jacp", "_jacr", "_jac_cols", "_jac_t", "_ctrl_arm", "_ctrl_grip", "_data", "_xpos", "_xmat", "_q")
        return {k: v for k, v in self.__dict__.items() if k not in views}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._make_views()

    @property
    def target_pos(self) -> np.ndarray:
        """The position target (m) the controller is steering the TCP to."""
        return np.array(self._target)

    @target_pos.setter
    def target_pos(self, value: np.ndarray) -> None:
        self._target = [float(v) for v in value]

    def _bind(self, data: mujoco.MjData) -> None:
        """Views into ``data`` made once per MjData (its buffers never move), not once per step."""
        self._data = data
        self._xpos = data.site_xpos[self._site]
        self._xmat = data.site_xmat[self._site]
        self._q = data.qpos[self._qcols]  # a copy, not a view, if the arm's qpos are not contiguous

    def reset(self, data: mujoco.MjData) -> None:
        """Start from the measured state: targets equal the current pose (no jump on the first step)."""
        x_axis = data.site_xmat[self._site]
        self._target = data.site_xpos[self._site].tolist()
        self.target_yaw = math.atan2(x_axis[3], x_axis[0])
        self.gripper_target = float(data.qpos[self._grip_qadr].mean())
        n = self._n
        self.ctrl[:n] = data.qpos[self._qadr]
        self.ctrl[n:] = self.gripper_target

    def compute(self, data: mujoco.MjData, action: np.ndarray) -> np.ndarray:
        """Joint position targets (arm then fingers) for one control step; ``action`` already validated."""
        # Runs every control step at the cost of the physics it drives (bench/sim_throughput.py): scalar
        # maths on Python floats, array maths into preallocated buffers (no temporaries), views into
        # ``data`` made once. Every operation and its order are those of the plain numpy formulation
        # (tests/sim/test_control_equivalence.py holds a frozen copy), so the results keep their bits.
        if data is not self._data or self._gather_q:
            self._bind(data)
        p0, p1, p2 = self._xpos.tolist()
        m = self._xmat.tolist()  # row-major 3x3
        yaw = math.atan2(m[3], m[0])
        a0, a1, a2, a3, a4 = action.tolist()

        # The target integrates the commanded deltas (so zero action holds still, with no drift),
        # but never leads the measured pose by more than ``max_lead``: a closed-loop commander or
        # a blocked arm cannot wind it up. ``x if x < y else y`` is min(x, y) to the bit, without a call.
        t0, t1, t2 = self._target
        lead, step = self._lead, self._step
        lo, hi = self._ws_lo_f, self._ws_hi_f
        x = t0 + a0 * step
        b = p0 - lead
        x = b if b > x else x
        b = p0 + lead
        x = b if b < x else x
        x = lo[0] if lo[0] > x else x
        x0 = hi[0] if hi[0] < x else x
        x = t1 + a1 * step
        b = p1 - lead
        x = b if b > x else x
        b = p1 + lead
        x = b if b < x else x
        x = lo[1] if lo[1] > x else x
        x1 = hi[1] if hi[1] < x else x
        x = t2 + a2 * step
        b = p2 - lead
        x = b if b > x else x
        b = p2 + lead
        x = b if b < x else x
        x = lo[2] if lo[2] > x else x
        x2 = hi[2] if hi[2] < x else x
        self._target = [x0, x1, x2]
        yaw_lead = _wrap(self.target_yaw + a3 * self._yaw_step - yaw)
        b = self._yaw_lead
        yaw_lead = -b if -b > yaw_lead else yaw_lead
        yaw_lead = b if b < yaw_lead else yaw_lead
        target_yaw = self.target_yaw = _wrap(yaw + yaw_lead)

        err = np.array([x0 - p0, x1 - p1, x2 - p2,
                        *_orientation_error(m, math.cos(target_yaw), math.sin(target_yaw))])

        jac, jac_t = self._jac, self._jac_t
        mujoco.mj_jacSite(self.model, data, self._jacp, self._jacr, self._site)
        if self._jac_cols is not None:
            np.copyto(jac, self._jac_cols)
        else:
            jac[:] = self._jac_full[:, self._cols]
        q = self._q
        jjt = np.matmul(jac, jac_t, out=self._jjt)
        np.add(jjt, self._reg, out=jjt)
        dq = self._dq
        if self._redundant:
            # Null-space pull towards home keeps the redundant Panda away from its joint limits:
            # dq = v + J^T (J J^T + l^2 I)^-1 (e - J v), one solve for task and posture together.
            v = np.subtract(self._home, q, out=self._v)
            np.multiply(v, self._gain, out=v)
            rhs = np.matmul(jac, v, out=self._jv)
            np.subtract(err, rhs, out=rhs)
            np.matmul(jac_t, _solve(jjt, rhs), out=dq)
            np.add(v, dq, out=dq)
        else:
            # A 6-joint arm has no null space: a posture term would only fight the task.
            np.matmul(jac_t, _solve(jjt, err), out=dq)
        scale = max(map(truediv, map(abs, dq.tolist()), self._max_dq_f))
        if scale > 1.0:
            dq /= scale
        s = np.add(q, dq, out=self._sum)
        np.maximum(s, self._lo, out=s)
        np.minimum(s, self._hi, out=self._ctrl_arm)

        want = self._grip_open + self._grip_span * (a4 + 1.0) * 0.5
        g, gs = self.gripper_target, self._grip_step
        d = want - g
        d = -gs if -gs > d else d
        d = gs if gs < d else d
        self.gripper_target = g = g + d
        self._ctrl_grip.fill(g)
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
