"""Named, index-cached accessors into a scene's MjData (read-only views, no copies on the hot path)."""

from __future__ import annotations

import math

import mujoco
import numpy as np

from sim.errors import UnknownNameError
from sim.scene import SHAPES, Scene

OPPOSED_PADS_COS = -0.5
"""The pads' contact normals are at least 120 degrees apart in a grasp (about 180: opposite faces); pads on one
face (a push) are near 0 degrees apart, on adjacent faces (a corner) near 90."""


_HALF_HEIGHT_INDEX = {int(mujoco.mjtGeom.mjGEOM_BOX): 2, int(mujoco.mjtGeom.mjGEOM_CYLINDER): 1,
                      int(mujoco.mjtGeom.mjGEOM_SPHERE): 0}
_SHAPE_OF_TYPE = {int(t): shape for shape, t in SHAPES.items()}


def _id(model: mujoco.MjModel, kind: mujoco.mjtObj, name: str) -> int:
    idx = mujoco.mj_name2id(model, kind, name)
    if idx < 0:
        raise UnknownNameError(str(kind).split(".")[-1].lower(), name, [])
    return int(idx)


class SceneView:
    """Reads robot and object state from ``data`` by name; indices resolved once at construction."""

    def __init__(self, scene: Scene, data: mujoco.MjData) -> None:
        m = scene.model
        self.scene, self.model, self.data = scene, m, data
        robot = scene.robot
        arm_j = [_id(m, mujoco.mjtObj.mjOBJ_JOINT, n) for n in robot.arm_joints]
        grip_j = [_id(m, mujoco.mjtObj.mjOBJ_JOINT, n) for n in robot.gripper_joints]
        self.arm_qadr = np.array([m.jnt_qposadr[j] for j in arm_j])
        self.arm_dadr = np.array([m.jnt_dofadr[j] for j in arm_j])
        self.grip_qadr = np.array([m.jnt_qposadr[j] for j in grip_j])
        self.grip_dadr = np.array([m.jnt_dofadr[j] for j in grip_j])
        # Contiguous slices are views, not copies: the hot path avoids fancy indexing.
        self.arm_q = slice(int(self.arm_qadr[0]), int(self.arm_qadr[-1]) + 1)
        self.arm_v = slice(int(self.arm_dadr[0]), int(self.arm_dadr[-1]) + 1)
        self.grip_q = slice(int(self.grip_qadr[0]), int(self.grip_qadr[-1]) + 1)
        self.tcp_id = _id(m, mujoco.mjtObj.mjOBJ_SITE, robot.tcp_site)
        self.finger_geoms = tuple(_id(m, mujoco.mjtObj.mjOBJ_GEOM, g) for g in robot.finger_geoms)
        self.object_names = scene.object_names
        self.object_body = {n: _id(m, mujoco.mjtObj.mjOBJ_BODY, n) for n in scene.object_names}
        self.object_geom = {n: _id(m, mujoco.mjtObj.mjOBJ_GEOM, n) for n in scene.object_names}
        self.object_qadr = {
            n: int(m.jnt_qposadr[_id(m, mujoco.mjtObj.mjOBJ_JOINT, f"{n}_joint")]) for n in scene.object_names
        }
        self.object_dadr = {
            n: int(m.jnt_dofadr[_id(m, mujoco.mjtObj.mjOBJ_JOINT, f"{n}_joint")]) for n in scene.object_names
        }
        # The size entry that is the half height (box: z half extent, cylinder: half length, sphere: radius).
        self._half_index = {n: (g, _HALF_HEIGHT_INDEX[int(m.geom_type[g])]) for n, g in self.object_geom.items()}
        q0 = self.object_qadr[scene.object_names[0]]
        self.objects_q = slice(q0, q0 + 7 * len(scene.object_names))
        self.table_geom = _id(m, mujoco.mjtObj.mjOBJ_GEOM, "table_top")
        self.pad_body = _id(m, mujoco.mjtObj.mjOBJ_BODY, "target_pad") if scene.config.with_pad else -1
        self.bin_body = _id(m, mujoco.mjtObj.mjOBJ_BODY, "bin") if scene.config.with_bin else -1
        self.goal_body = _id(m, mujoco.mjtObj.mjOBJ_BODY, "goal_marker")
        self.goal_geom = _id(m, mujoco.mjtObj.mjOBJ_GEOM, "goal_marker")

    # --- robot -------------------------------------------------------------------------
    @property
    def tcp_pos(self) -> np.ndarray:
        return self.data.site_xpos[self.tcp_id]

    @property
    def tcp_mat(self) -> np.ndarray:
        return self.data.site_xmat[self.tcp_id].reshape(3, 3)

    @property
    def tcp_yaw(self) -> float:
        x_axis = self.data.site_xmat[self.tcp_id]
        return math.atan2(x_axis[3], x_axis[0])

    def tcp_frame_now(self) -> tuple[np.ndarray, np.ndarray]:
        """The TCP's position and rotation (9 values, row-major) where the joints are now.

        ``mj_step`` leaves ``data``'s frames where the step began (it integrates after computing them), and the
        controller and experts read those; an observation reads the TCP where the joints are, from a scratch copy.
        """
        fk = self.__dict__.get("_fk")
        if fk is None:
            fk = self._fk = mujoco.MjData(self.model)
        np.copyto(fk.qpos, self.data.qpos)
        mujoco.mj_kinematics(self.model, fk)
        return fk.site_xpos[self.tcp_id].copy(), fk.site_xmat[self.tcp_id].copy()

    @property
    def arm_qpos(self) -> np.ndarray:
        return self.data.qpos[self.arm_q]

    @property
    def arm_qvel(self) -> np.ndarray:
        return self.data.qvel[self.arm_v]

    @property
    def gripper_qpos(self) -> np.ndarray:
        return self.data.qpos[self.grip_q]

    @property
    def gripper_opening(self) -> float:
        """Finger opening as a fraction of the full stroke: 1 open, 0 closed."""
        q = self.data.qpos[self.grip_q]
        return float(q.sum() / q.size / self.scene.robot.gripper_open)  # mean(): same bits, half the cost

    # --- objects -----------------------------------------------------------------------
    def object_pos(self, name: str) -> np.ndarray:
        adr = self.object_qadr[name]
        return self.data.qpos[adr : adr + 3]

    def object_quat(self, name: str) -> np.ndarray:
        adr = self.object_qadr[name]
        return self.data.qpos[adr + 3 : adr + 7]

    def object_yaw(self, name: str) -> float:
        w, x, y, z = self.object_quat(name)
        return math.atan2(2.0 * (w * z + x * y), 1.0 - 2.0 * (y * y + z * z))

    def object_half(self, name: str) -> float:
        """Half the object's height: its centre's height above the table when it rests there."""
        g, k = self._half_index[name]
        return float(self.model.geom_size[g, k])

    def object_shape(self, name: str) -> str:
        """``cube``, ``cylinder`` or ``sphere`` (``sim.scene.SHAPES``)."""
        return _SHAPE_OF_TYPE[int(self.model.geom_type[self.object_geom[name]])]

    @property
    def pad_pos(self) -> np.ndarray:
        return self.model.body_pos[self.pad_body]

    @property
    def bin_pos(self) -> np.ndarray:
        return self.model.body_pos[self.bin_body]

    @property
    def goal_marker_pos(self) -> np.ndarray:
        return self.model.body_pos[self.goal_body]

    def contact_pairs(self) -> set[tuple[int, int]]:
        """Geom pairs in contact now, each as (smaller id, larger id)."""
        n = self.data.ncon
        if n == 0:
            return set()
        return {(a, b) if a < b else (b, a) for a, b in self.data.contact.geom[:n].tolist()}

    def is_grasped(self, name: str, pairs: set[tuple[int, int]] | None = None) -> bool:
        """Both finger pads touch the object, on opposite faces.

        Closed fingers pushing a cube touch one face with both pads: each pad's contact normal then points the
        same way, which is no grasp (a pushed cube read as held made the bridge's mirror carry it with the hand).
        A grasp squeezes the cube between the pads, so their normals (pad towards cube) point against each other.
        """
        pairs = self.contact_pairs() if pairs is None else pairs
        g = self.object_geom[name]
        if not all((min(f, g), max(f, g)) in pairs for f in self.finger_geoms):
            return False
        n = self.data.ncon
        geom, frame = self.data.contact.geom[:n], self.data.contact.frame[:n, :3]
        pushes = []
        for f in self.finger_geoms:
            # MuJoCo's contact normal points from geom1 to geom2: turn each to point from the pad into the cube.
            into = frame[(geom[:, 0] == f) & (geom[:, 1] == g)].sum(axis=0) \
                - frame[(geom[:, 0] == g) & (geom[:, 1] == f)].sum(axis=0)
            norm = float(np.linalg.norm(into))
            if norm == 0.0:
                return False
            pushes.append(into / norm)
        return float(pushes[0] @ pushes[1]) < OPPOSED_PADS_COS

    def touches(self, name_a: str, name_b: str, pairs: set[tuple[int, int]] | None = None) -> bool:
        pairs = self.contact_pairs() if pairs is None else pairs
        a, b = self.object_geom[name_a], self.object_geom[name_b]
        return (min(a, b), max(a, b)) in pairs
