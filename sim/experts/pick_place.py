"""A closed-loop scripted pick-and-place motion, shared by the pick_place and stack experts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from sim.experts.motion import EXPERT_GAIN, angle_diff, grasp_yaw, move_action, yaw_action
from sim.scene_view import SceneView

CARRY_CLEARANCE = 0.1  # above the higher of the object and the place target (m)
OPEN, CLOSE = -1.0, 1.0
RECOVERY_RIM_CLEARANCE = 0.02
"""A placing recovery over a raised place (the bin) stays this far above its walls' top (m)."""
SLIDE_OFF = 0.01
"""A grasp recovery's slow slide (``GraspRecovery.slide``) lasts while the hand is this far (m, horizontally) off."""


@dataclass(frozen=True)
class PlacingRecovery:
    """An opt-in placing recovery (``armstack datagen --place-recovery``): the motion carries the held object over a
    point ``distance`` m off the place, lowers there to ``height`` m above the release point, then, low, moves it to
    the place and releases as usual. ``angle`` (rad) turns the offset from the direction back toward where the lift
    started (0: short of the place on the carry's way, where a cloned policy lowers too early).

    What a cloned policy must learn from it is the correction, not the detour: while the motion heads for the
    offset point (the carry and the lowering there), ``act()`` returns the action the unperturbed motion would take
    from the same state (the carry to the place; once lowering, the move to the place at the low height) and
    ``executed`` the action that is run; low and off the place, the two are the same (DART-style, as
    ``--action-noise``)."""

    distance: float
    angle: float = 0.0
    height: float = 0.02


@dataclass(frozen=True)
class GraspRecovery:
    """An opt-in grasp recovery (``armstack datagen --grasp-recovery``): the open hand goes over a point ``distance``
    m off the object, descends there to ``height`` m above the grasp height, then, low and still open, moves onto
    the object and grasps as usual (once per episode: a retry after a drop approaches plainly). ``angle`` (rad) is
    the offset's direction in the hand's frame at the grasp yaw: 0 along the TCP's x axis, across the line the
    fingers close on, where the open fingers straddle the object (along that line, beyond ~1.5 cm, a finger would
    land on it).

    As ``PlacingRecovery``, the label is the correction: while the motion heads for the offset point (the approach
    and the descent there) ``act()`` returns what the unperturbed motion would do from the same state (the approach
    above the object; once descending, the descent onto it) and ``executed`` the detour; low and off the object the
    two are the same. A cloned image policy closed its gripper low but centimetres beside the cube: the default
    expert descends only within 1 cm of it, so no demonstration held a low, open hand beside the cube.

    ``slide`` (0 < slide <= 1) scales the executed motion while the open hand, low after the detour, is still more
    than ``SLIDE_OFF`` m (horizontally) off the object: the label stays the full-speed correction (DART-style), and
    the hand spends about 1/slide times as many frames low and open beside the object. 1 (the default) runs the
    correction as labelled."""

    distance: float
    angle: float = 0.0
    height: float = 0.0
    slide: float = 1.0


class PickAndPlaceMotion:
    """approach -> descend -> grasp -> lift -> carry -> lower -> release -> retreat, with retries.

    ``place_fn`` returns where the object's centre should be released (it may move, e.g. a cube
    to stack on). Every phase is closed loop on the true scene state, so latency and
    randomised dynamics only slow it down.
    """

    def __init__(self, view: SceneView, obj: str, place_fn: Callable[[], np.ndarray], max_pos_step: float,
                 carry_height: float = 0.0, release_drop: float = 0.006,
                 recovery: PlacingRecovery | None = None, grasp_recovery: GraspRecovery | None = None) -> None:
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
        self.recovery = recovery
        self.recovery_xy: np.ndarray | None = None  # the offset of the lowering point from the place, set at the carry
        self.grasp_recovery = grasp_recovery
        self.grasp_detour_done = False  # set once the detour reaches its low point (or gives up): retries go plainly
        self.executed: np.ndarray | None = None
        """The action to run after the latest ``act()``: its label, except on a recovery's detour."""

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
        """The action to record (the label); ``executed`` is the one to run."""
        label = self._act()
        if self.executed is None:
            self.executed = label
        return label

    def _act(self) -> np.ndarray:
        self.executed = None
        v, obj = self.view, self.obj
        o = v.object_pos(obj)
        half = v.object_half(obj)
        tcp = v.tcp_pos
        self.count += 1
        if self.phase == "gdip":
            return self._grasp_dip(o)
        if self.phase == "approach":
            if self.round:  # any yaw grasps a cylinder or a sphere: keep the hand's
                self.yaw_goal = v.tcp_yaw if self.yaw_goal is None else self.yaw_goal
            else:
                self.yaw_goal = grasp_yaw(v.object_yaw(obj), v.tcp_yaw)
            above = np.array([o[0], o[1], o[2] + 0.08])
            if self.grasp_recovery is not None and not self.grasp_detour_done:
                return self._approach_off_object(above)
            err = above - tcp
            yaw_ok = abs(angle_diff(v.tcp_yaw, self.yaw_goal)) < 0.05
            if np.linalg.norm(err[:2]) < 0.01 and abs(err[2]) < 0.03 and yaw_ok:
                self._set("descend")
            return self._goto(above, OPEN, self.yaw_goal)
        if self.phase == "descend":
            target = np.array([o[0], o[1], max(o[2], 0.014)])
            gr = self.grasp_recovery
            sliding = gr is not None and gr.slide < 1.0 and self.grasp_detour_done
            # A slow slide takes about 1/slide times the steps: its cap grows with it, or the cap would grasp (and
            # label a close) beside the cube (REV s21 R2). Without a slide the cap is 40, as before.
            cap = int(np.ceil(40 / gr.slide)) if sliding and gr is not None else 40
            if np.linalg.norm(target - tcp) < 0.008 or self.count > cap:
                self._set("grasp")
            a = self._goto(target, OPEN, self.yaw_goal)
            if sliding and gr is not None and np.linalg.norm(target[:2] - tcp[:2]) > SLIDE_OFF:
                self.executed = a.copy()
                self.executed[:3] *= gr.slide  # the slow slide runs; the label is the full-speed correction
            return a
        if self.phase == "grasp":
            if self.count >= 8:
                self._set("lift")
            return self._goto(np.array([o[0], o[1], max(o[2], 0.014)]), CLOSE, self.yaw_goal, gain=0.2)
        place = self.place_fn()
        carry_z = max(place[2], half) + CARRY_CLEARANCE + self.carry_height
        if self.phase in ("lift", "carry", "lower", "dip", "slide") and not v.is_grasped(obj) and self.count > 3:
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
            if self.recovery is not None:
                return self._carry_off_place(place, offset, carry_z, target)
            if np.linalg.norm(place[:2] - o[:2]) < 0.006:
                self._set("lower")
            return self._goto(target, CLOSE)
        if self.phase in ("dip", "slide"):
            return self._recover_placing(place)
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

    def _grasp_offset(self) -> np.ndarray:
        assert self.grasp_recovery is not None
        yaw = self.view.tcp_yaw if self.yaw_goal is None else self.yaw_goal
        a = yaw + self.grasp_recovery.angle
        return self.grasp_recovery.distance * np.array([np.cos(a), np.sin(a), 0.0])

    def _approach_off_object(self, above: np.ndarray) -> np.ndarray:
        """A grasp recovery's approach: the label is the approach above the object; the executed action goes above
        the offset point (with the same yaw), and once there the descent begins (``gdip``)."""
        label = self._goto(above, OPEN, self.yaw_goal)
        point = above + self._grasp_offset()
        err = point - self.view.tcp_pos
        yaw_ok = self.yaw_goal is None or abs(angle_diff(self.view.tcp_yaw, self.yaw_goal)) < 0.05
        if np.linalg.norm(err[:2]) < 0.01 and abs(err[2]) < 0.03 and yaw_ok:
            self._set("gdip")
        self.executed = self._goto(point, OPEN, self.yaw_goal)
        return label

    def _grasp_dip(self, o: np.ndarray) -> np.ndarray:
        """gdip: descend over the offset point (executed) while the label is the descent onto the object; low (or
        after 40 steps), the plain descent from there, which moves onto the object and grasps (executed = label)."""
        assert self.grasp_recovery is not None
        grasp = np.array([o[0], o[1], max(o[2], 0.014)])
        label = self._goto(grasp, OPEN, self.yaw_goal)
        point = grasp + self._grasp_offset() + np.array([0.0, 0.0, self.grasp_recovery.height])
        self.executed = self._goto(point, OPEN, self.yaw_goal)
        if np.linalg.norm(point - self.view.tcp_pos) < 0.008 or self.count > 40:
            self.grasp_detour_done = True
            self._set("descend")
        return label

    def _low_z(self, place: np.ndarray) -> float:
        """The object centre's height while a recovery is low: over a raised place (the bin), above its walls."""
        assert self.recovery is not None
        above = max(self.recovery.height, self.carry_height - self.release_drop + RECOVERY_RIM_CLEARANCE)
        return float(place[2] + self.release_drop + above)

    def _carry_off_place(self, place: np.ndarray, offset: np.ndarray, carry_z: float, label_target: np.ndarray
                         ) -> np.ndarray:
        """A recovery's carry: the label is the carry to the place; the executed action carries to the offset point."""
        assert self.recovery is not None
        o = self.view.object_pos(self.obj)
        if self.recovery_xy is None:
            back = self.lift_xy - place[:2]
            heading = float(np.arctan2(back[1], back[0])) + self.recovery.angle
            self.recovery_xy = self.recovery.distance * np.array([np.cos(heading), np.sin(heading)])
        point = place[:2] + self.recovery_xy
        label = self._goto(label_target, CLOSE)
        self.executed = self._goto(np.array([point[0] + offset[0], point[1] + offset[1], carry_z]), CLOSE)
        if np.linalg.norm(point - o[:2]) < 0.006:
            self._set("dip")
        return label

    def _recover_placing(self, place: np.ndarray) -> np.ndarray:
        """dip: lower over the offset point (executed) while the label moves to the place at the low height; slide:
        low, to the place (executed = label); then the usual lower and release."""
        assert self.recovery is not None and self.recovery_xy is not None
        o, tcp = self.view.object_pos(self.obj), self.view.tcp_pos
        offset = tcp - o
        low = np.array([place[0], place[1], self._low_z(place)]) + offset
        label = self._goto(low, CLOSE, gain=0.3)
        if self.phase == "dip":
            point = low + np.array([self.recovery_xy[0], self.recovery_xy[1], 0.0])
            self.executed = self._goto(point, CLOSE, gain=0.3)
            if abs(o[2] - self._low_z(place)) < 0.006 or self.count > 40:
                self._set("slide")
            return label
        if np.linalg.norm(place[:2] - o[:2]) < 0.006 or self.count > 60:
            self._set("lower")
        return label
