"""A closed-loop scripted pick-and-place motion, shared by the pick_place and stack experts."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from sim.experts.motion import EXPERT_GAIN, angle_diff, grasp_yaw, move_action, yaw_action
from sim.scene_view import SceneView

CARRY_CLEARANCE = 0.1  # above the higher of the object and the place target (m)
OPEN, CLOSE = -1.0, 1.0


class PickAndPlaceMotion:
    """approach -> descend -> grasp -> lift -> carry -> lower -> release -> retreat, with retries.

    ``place_fn`` returns where the object's centre should be released (it may move, e.g. a cube
    to stack on). Every phase is closed loop on the true scene state, so latency and
    randomised dynamics only slow it down.
    """

    def __init__(self, view: SceneView, obj: str, place_fn: Callable[[], np.ndarray], max_pos_step: float,
                 carry_height: float = 0.0, release_drop: float = 0.006) -> None:
        self.view, self.obj, self.place_fn = view, obj, place_fn
        self.step_size = max_pos_step
        self.carry_height = carry_height
        self.release_drop = release_drop
        self.phase = "approach"
        self.count = 0
        self.yaw_goal: float | None = None
        self.lift_xy = np.zeros(2)
        self.release_pos = np.zeros(3)
        self.round = view.object_shape(obj) != "cube"

    def _goto(self, target: np.ndarray, grip: float, yaw: float | None = None, gain: float = EXPERT_GAIN) -> np.ndarray:
        a = np.zeros(5)
        a[:3] = move_action(self.view, target, self.step_size, gain)
        if yaw is not None:
            a[3] = yaw_action(self.view.tcp_yaw, yaw)
        a[4] = grip
        return a

    def _set(self, phase: str) -> None:
        self.phase, self.count = phase, 0

    def act(self) -> np.ndarray:
        v, obj = self.view, self.obj
        o = v.object_pos(obj)
        half = v.object_half(obj)
        tcp = v.tcp_pos
        self.count += 1
        if self.phase == "approach":
            if self.round:  # any yaw grasps a cylinder or a sphere: keep the hand's
                self.yaw_goal = v.tcp_yaw if self.yaw_goal is None else self.yaw_goal
            else:
                self.yaw_goal = grasp_yaw(v.object_yaw(obj), v.tcp_yaw)
            above = np.array([o[0], o[1], o[2] + 0.08])
            err = above - tcp
            yaw_ok = abs(angle_diff(v.tcp_yaw, self.yaw_goal)) < 0.05
            if np.linalg.norm(err[:2]) < 0.01 and abs(err[2]) < 0.03 and yaw_ok:
                self._set("descend")
            return self._goto(above, OPEN, self.yaw_goal)
        if self.phase == "descend":
            target = np.array([o[0], o[1], max(o[2], 0.014)])
            if np.linalg.norm(target - tcp) < 0.008 or self.count > 40:
                self._set("grasp")
            return self._goto(target, OPEN, self.yaw_goal)
        if self.phase == "grasp":
            if self.count >= 8:
                self._set("lift")
            return self._goto(np.array([o[0], o[1], max(o[2], 0.014)]), CLOSE, self.yaw_goal, gain=0.2)
        place = self.place_fn()
        carry_z = max(place[2], half) + CARRY_CLEARANCE + self.carry_height
        if self.phase in ("lift", "carry", "lower") and not v.is_grasped(obj) and self.count > 3:
            self._set("recover")
        if self.phase == "recover":
            # Dropped: open, rise, and start over from wherever the object now lies.
            if tcp[2] > o[2] + 0.06 or self.count > 15:
                self._set("approach")
            return self._goto(np.array([tcp[0], tcp[1], o[2] + 0.1]), OPEN)
        if self.phase == "lift":
            if self.count == 1:
                self.lift_xy = tcp[:2].copy()
            if tcp[2] > carry_z - 0.02:
                self._set("carry")
            return self._goto(np.array([self.lift_xy[0], self.lift_xy[1], carry_z]), CLOSE)
        if self.phase == "carry":
            # The held object, not the hand, is steered over the target: grasps are off-centre.
            offset = tcp[:2] - o[:2]
            target = np.array([place[0] + offset[0], place[1] + offset[1], carry_z])
            if np.linalg.norm(place[:2] - o[:2]) < 0.006:
                self._set("lower")
            return self._goto(target, CLOSE)
        if self.phase == "lower":
            offset = tcp - o
            target = place + offset + np.array([0.0, 0.0, self.release_drop])
            if abs(o[2] - place[2] - self.release_drop) < 0.006 or self.count > 40:
                self._set("release")
            return self._goto(target, CLOSE, gain=0.3)
        if self.phase == "release":
            if self.count == 1:
                self.release_pos = tcp.copy()
            if self.count >= 6:
                self._set("retreat")
            return self._goto(self.release_pos, OPEN)
        # retreat: straight up, then hold
        return self._goto(np.array([tcp[0], tcp[1], max(place[2], o[2]) + half + 0.12]), OPEN)
