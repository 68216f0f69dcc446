"""The last arm joint (the wrist roll): how far it is wound from home, and the yaw action that unwinds it.

Grasps and pushes pick the tool yaw nearest the current one among symmetric choices, so a run of
skills can walk the wrist into its joint limit, where the next yaw target is unreachable. Skills
that turn the tool unwind first; only the joint angle tells which way unwinds instead of winding.
"""

from __future__ import annotations

import mujoco
import numpy as np

from sim.experts.motion import EXPERT_GAIN
from sim.scene_view import SceneView

MAX_YAW_STEP = 0.15  # rad per step at yaw action 1 (the controller's default)
UNWIND_START = 0.6  # rad from home: beyond this a skill unwinds before it turns the tool again
UNWIND_DONE = 0.2  # rad from home


class Wrist:
    def __init__(self, view: SceneView) -> None:
        self.view = view
        m = view.model
        self.joint = mujoco.mj_name2id(m, mujoco.mjtObj.mjOBJ_JOINT, view.scene.robot.arm_joints[-1])
        self.qadr = int(m.jnt_qposadr[self.joint])
        self.home = float(view.scene.robot.home[-1])

    def error(self) -> float:
        """Home angle minus the current angle of the last joint (rad)."""
        return self.home - float(self.view.data.qpos[self.qadr])

    def unwind_action(self) -> float:
        """The yaw action that turns the last joint towards its home angle."""
        # A turn dq of the last joint turns the tool yaw by axis_z * dq (its axis points down or up).
        axis_z = float(self.view.data.xaxis[self.joint][2])
        return float(np.clip(EXPERT_GAIN * axis_z * self.error() / MAX_YAW_STEP, -1.0, 1.0))


class Unwinder:
    """A prelude for skills that turn the tool: while the wrist is wound far from home, hold and unwind."""

    def __init__(self, view: SceneView) -> None:
        self.wrist = Wrist(view)
        self.active = abs(self.wrist.error()) > UNWIND_START

    def needed(self) -> bool:
        if self.active and abs(self.wrist.error()) < UNWIND_DONE:
            self.active = False
        return self.active
