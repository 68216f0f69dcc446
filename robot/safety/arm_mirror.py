"""ArmMirror: a MuJoCo copy of the arm and its table whose joints follow the measured state.

The bridge needs the arm's model for three things: the policy observation (TCP pose, object poses), the
differential IK that turns actions into joint targets, and the workspace / self-collision checks. The
mirror holds one compiled scene (from ``sim.scene``, so kinematics and limits match the simulator) and is
never stepped: positions are written in and only kinematics and collision detection run.

The tabletop model lets arm links collide only with the world, so for the self-collision check the
mirror's copy also lets arm links collide with each other; parent/child pairs are filtered by MuJoCo, and
pairs already touching at the home pose (primitive shapes overlapping at joints) are ignored.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import mujoco
import numpy as np

from robot.safety.faults import FaultKind
from sim.control import ControllerConfig
from sim.scene import Scene, SceneConfig, build_scene
from sim.scene_view import SceneView

_SELF_BIT = 4
GRASP_SLACK = 0.003
HELD_FINGER_MARGIN = 0.004
"""A held cube stays in the hand while the fingers' mean opening is within this (m) of its half width: closed
further, the cube is no longer between them (it fell); opened further, it was let go."""
WORKSPACE_TOLERANCE = 0.03
"""How far (m) the TCP may stray outside the IK controller's workspace box before it is a fault."""


class ArmMirror:
    """The arm's MuJoCo model with measured joint positions written in; read through :attr:`view`."""

    def __init__(self, robot_model: str, *, controller: ControllerConfig | None = None,
                 cubes: tuple[str, ...] = ("red", "green", "blue")) -> None:
        self.scene: Scene = build_scene(SceneConfig(robot=robot_model, cubes=cubes))
        self.model = self.scene.model
        self.data = mujoco.MjData(self.model)
        self.view = SceneView(self.scene, self.data)
        self.controller_config = controller if controller is not None else ControllerConfig()
        m = self.model
        robot_root = int(m.body_rootid[mujoco.mj_name2id(m, mujoco.mjtObj.mjOBJ_BODY, self.scene.robot.base_body)])
        self._robot_geom = np.array([m.body_rootid[m.geom_bodyid[g]] == robot_root for g in range(m.ngeom)])
        hand = mujoco.mj_name2id(m, mujoco.mjtObj.mjOBJ_BODY, self.scene.robot.hand_body)
        # Hand and fingers may touch the table when grasping a cube lying on it: only the links may not.
        self._gripper_body = {hand} | {b for b in range(m.nbody) if m.body_parentid[b] == hand}
        for g in np.flatnonzero(self._robot_geom):
            m.geom_contype[g] |= _SELF_BIT
            m.geom_conaffinity[g] |= _SELF_BIT
        # MuJoCo filters body pairs first by the per-body OR of their geoms' bits, compiled once.
        for b in {int(m.geom_bodyid[g]) for g in np.flatnonzero(self._robot_geom)}:
            m.body_contype[b] |= _SELF_BIT
            m.body_conaffinity[b] |= _SELF_BIT
        self._table_geom = self.view.table_geom
        # Measured finger and object poses come from different messages and instants: judge a grasp with a
        # few millimetres of slack rather than exact touching (the mirror never simulates, so no force changes).
        for pad in self.view.finger_geoms:
            m.geom_margin[pad] = GRASP_SLACK
        self._held: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        # Finger joints in grip_q order: their axes carry a held cube that slips between the pads.
        self._grip_joints = np.array([int(np.flatnonzero(m.jnt_qposadr == a)[0]) for a in self.view.grip_qadr])
        self.set_arm(np.array(self.scene.robot.home), self.scene.robot.gripper_open)
        self._ignored = {p for p in self._robot_pairs()}
        fingers = [b for b in self._gripper_body if b != hand]
        self._ignored |= {(min(a, b), max(a, b)) for a in range(m.ngeom) for b in range(m.ngeom)
                          if m.geom_bodyid[a] in fingers and m.geom_bodyid[b] in fingers}
        lo, hi = self.controller_config.workspace_low, self.controller_config.workspace_high
        self._ws_lo = np.array(lo) - WORKSPACE_TOLERANCE
        self._ws_hi = np.array(hi) + WORKSPACE_TOLERANCE

    def set_arm(self, position: np.ndarray, gripper: float | np.ndarray) -> None:
        """Write measured arm joint positions and finger position, then run kinematics and collision.

        Object poses arrive less often than joint states: a cube held at the last object update is carried
        with the hand until the next one, so the mirror does not see it dropped in between.
        """
        d, v = self.data, self.view
        d.qpos[v.arm_q] = position
        d.qpos[v.grip_q] = gripper
        mujoco.mj_kinematics(self.model, d)
        if self._held:
            tcp, rot = d.site_xpos[v.tcp_id], d.site_xmat[v.tcp_id].reshape(3, 3)
            qtcp = np.empty(4)
            mujoco.mju_mat2Quat(qtcp, d.site_xmat[v.tcp_id])
            fingers, axes = d.qpos[v.grip_q], d.xaxis[self._grip_joints]
            for name, (rel_pos, rel_quat, fingers_then) in self._held.items():
                adr = v.object_qadr[name]
                # A held cube stays centred between the pads: when it slips towards one finger (one opens, the
                # other closes by as much), it moves with them, so both pads still touch it.
                shift = 0.5 * ((fingers - fingers_then)[:, None] * axes).sum(axis=0)
                d.qpos[adr : adr + 3] = tcp + rot @ rel_pos + shift
                mujoco.mju_mulQuat(d.qpos[adr + 3 : adr + 7], qtcp, rel_quat)
            mujoco.mj_kinematics(self.model, d)
        mujoco.mj_comPos(self.model, d)  # the Jacobians of the IK read cdof, computed here
        mujoco.mj_collision(self.model, d)

    def set_objects(self, poses: Mapping[str, Sequence[float]]) -> None:
        """Place the named cubes (position + quaternion wxyz); unknown names are skipped.

        A cube held at the last update keeps the pose the hand carries it at while the fingers still close on
        it: a measured pose of a cube in the hand is occluded and older than the joint states (a camera's by
        a frame or more), and would pull it out of the mirror's grasp, so the policy would see it dropped.
        Measurements take over again once the fingers open (released) or close past the cube (it fell).
        """
        d, v = self.data, self.view
        fingers = float(d.qpos[v.grip_q].mean())  # per-finger opening (m): half the gap between the pads
        for name, pose in poses.items():
            adr = v.object_qadr.get(name)
            if adr is None or (name in self._held and abs(fingers - v.object_half(name)) <= HELD_FINGER_MARGIN):
                continue
            d.qpos[adr : adr + 7] = pose
        mujoco.mj_kinematics(self.model, d)
        mujoco.mj_collision(self.model, d)
        pairs = v.contact_pairs()
        tcp, rot = d.site_xpos[v.tcp_id], d.site_xmat[v.tcp_id].reshape(3, 3)
        qinv = np.empty(4)
        mujoco.mju_mat2Quat(qinv, d.site_xmat[v.tcp_id])
        mujoco.mju_negQuat(qinv, qinv)
        self._held = {}
        for name in v.object_names:
            if v.is_grasped(name, pairs):
                rel_quat = np.empty(4)
                mujoco.mju_mulQuat(rel_quat, qinv, v.object_quat(name))
                self._held[name] = (rot.T @ (v.object_pos(name) - tcp), rel_quat, d.qpos[v.grip_q].copy())

    def set_places(self, places: Mapping[str, Sequence[float]]) -> None:
        """Move the pad, the bin and the reach marker (``{"pad": [x, y, z], "bin": ..., "marker": ...}``) to where
        the scene has them."""
        v, m = self.view, self.model
        for name, body in (("pad", v.pad_body), ("bin", v.bin_body), ("marker", v.goal_body)):
            if name in places and body >= 0:
                m.body_pos[body] = places[name]
        mujoco.mj_kinematics(m, self.data)

    def _robot_pairs(self) -> set[tuple[int, int]]:
        d, rg = self.data, self._robot_geom
        return {(min(a, b), max(a, b)) for a, b in d.contact.geom[: d.ncon].tolist() if rg[a] and rg[b]}

    def check(self, position: np.ndarray, gripper: float | np.ndarray) -> list[tuple[FaultKind, str]]:
        """Workspace and self-collision faults of the arm at ``position`` (also leaves the mirror there)."""
        self.set_arm(position, gripper)
        m, d, out = self.model, self.data, []
        tcp = self.view.tcp_pos
        if (tcp < self._ws_lo).any() or (tcp > self._ws_hi).any():
            box = f"{np.round(self._ws_lo, 3).tolist()}..{np.round(self._ws_hi, 3).tolist()}"
            out.append((FaultKind.WORKSPACE, f"TCP at {np.round(tcp, 3).tolist()} outside {box}"))
        for a, b in d.contact.geom[: d.ncon].tolist():
            pair = (min(a, b), max(a, b))
            if self._robot_geom[a] and self._robot_geom[b] and pair not in self._ignored:
                out.append((FaultKind.SELF_COLLISION, f"{m.geom(a).name or a} touches {m.geom(b).name or b}"))
                break
        for a, b in d.contact.geom[: d.ncon].tolist():
            link = a if self._robot_geom[a] else b if self._robot_geom[b] else -1
            other = b if link == a else a
            if link >= 0 and other == self._table_geom and m.geom_bodyid[link] not in self._gripper_body:
                out.append((FaultKind.WORKSPACE, f"arm link {m.geom(link).name or link} touches the table"))
                break
        return out
