"""pick(object): grasp a cube and hold it lifted, built on the experts' closed-loop pick-and-place motion."""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from sim.experts.motion import EXPERT_GAIN, angle_diff, grasp_yaw, move_action, yaw_action
from sim.experts.pick_place import CARRY_CLEARANCE, CLOSE, PickAndPlaceMotion
from sim.scene import BIN_HALF, BIN_WALL, CUBE_HALF
from sim.scene_view import SceneView
from sim.skills.base import held_objects
from sim.skills.regions import in_bin, resting_on
from sim.skills.wrist import Unwinder

FINGER_HALF_WIDTH = 0.012  # m: beyond a finger pad's centre, what else of the finger may touch
GRASP_CLEARANCE = 0.01  # m: a grasp whose fingers keep this clear of obstacles needs no turn
PAD_MARGIN = 0.012  # m between the pads' lower ends and the top of the cube below
LIFT_HEIGHT = 0.05  # m above where it lay: the cube is off its support, not dragged along it
_PICK_PHASES = ("approach", "descend", "grasp", "lift", "recover")


class PickSkill:
    """approach -> descend -> grasp -> lift (the shared motion), then hold the cube above where it lay."""

    name = "pick"
    budget = 160

    def __init__(self, view: SceneView, obj: str, max_pos_step: float) -> None:
        self.view, self.obj, self.step_size = view, obj, max_pos_step
        self.args: Mapping[str, str] = {"object": obj}
        self.start = view.object_pos(obj).copy()
        # The motion's "place" is where the cube lay: it lifts to CARRY_CLEARANCE above it, and this
        # skill takes over before the motion would carry or lower it anywhere.
        self.motion = PickAndPlaceMotion(view, obj, lambda: self.start, max_pos_step)
        self.hold = np.zeros(3)
        self.unwinder = Unwinder(view)
        self.above = self.start + np.array([0.0, 0.0, CARRY_CLEARANCE])
        # Finger pads longer than the cube's half height would, at the cube's centre, close on the cube
        # below as well and lift the whole stack: on a stack the grasp keeps the pads above the support.
        self.on_cube = any(resting_on(view, obj, o) for o in view.object_names if o != obj)
        self.grasp_yaw = self._clearest_grasp_yaw()

    def precondition_error(self) -> str | None:
        held = held_objects(self.view)
        if held:
            return f"the gripper already holds the {held[0]}"
        on_top = [o for o in self.view.object_names if o != self.obj and resting_on(self.view, o, self.obj)]
        if on_top:
            return f"the {on_top[0]} rests on the {self.obj}"
        return None

    def act(self) -> np.ndarray:
        m = self.motion
        if self.unwinder.needed():  # before the motion picks a grasp yaw near the current one
            a = np.zeros(5)
            a[:3] = move_action(self.view, self.above, self.step_size)
            a[3] = self.unwinder.wrist.unwind_action()
            a[4] = -CLOSE
            return a
        if m.phase == "approach" and self.grasp_yaw is not None:
            # Turn to the chosen grasp first: the motion then keeps the grasp yaw nearest the tool's.
            if abs(angle_diff(self.view.tcp_yaw, self.grasp_yaw)) > 0.1:
                a = np.zeros(5)
                a[:3] = move_action(self.view, self.above, self.step_size)
                a[3] = yaw_action(self.view.tcp_yaw, self.grasp_yaw)
                a[4] = -CLOSE
                return a
            self.grasp_yaw = None
        if m.phase in _PICK_PHASES:
            a = m.act()
            if self.on_cube and m.phase in ("descend", "grasp"):
                a[:3] = self._above_support_action(m.phase)
            if m.phase not in _PICK_PHASES:  # the lift just finished: hold the cube where it is
                self.hold = np.array([*self.view.tcp_pos[:2], self.start[2] + CARRY_CLEARANCE])
            return a
        if not self.view.is_grasped(self.obj):
            # Dropped while holding: the motion's recovery opens, rises and starts over.
            m.phase, m.count = "recover", 0
            return m.act()
        a = np.zeros(5)
        a[:3] = move_action(self.view, self.hold, self.step_size)
        a[4] = CLOSE
        return a

    def _clearest_grasp_yaw(self) -> float | None:
        """Among the cube's four grasp yaws, the one whose open fingers keep farthest from other cubes and the
        bin walls; None when the motion's own choice (nearest the tool yaw) is as clear as any."""
        v = self.view
        pads = [v.data.geom_xpos[g][:2] for g in v.finger_geoms]
        across = pads[1] - pads[0]
        offset = math.atan2(across[1], across[0]) - v.tcp_yaw  # closing axis relative to the tool yaw
        # Open, each pad sits about the finger stroke off the centre line (the fingers may be closed now).
        reach = max(0.5 * float(np.linalg.norm(across)), v.scene.robot.gripper_open) + FINGER_HALF_WIDTH
        o = v.object_pos(self.obj)[:2]
        others = [v.object_pos(n)[:2] for n in v.object_names if n != self.obj]

        def clearance(yaw: float) -> float:
            axis = np.array([math.cos(yaw + offset), math.sin(yaw + offset)])
            best = np.inf
            for tip in (o + reach * axis, o - reach * axis):
                for q in others:
                    best = min(best, float(np.linalg.norm(tip - q)) - CUBE_HALF * math.sqrt(2))
                if v.bin_body >= 0 and not in_bin(v, v.object_pos(self.obj)):
                    d = np.abs(tip - v.bin_pos[:2]) - (BIN_HALF + BIN_WALL)
                    best = min(best, float(np.linalg.norm(np.maximum(d, 0.0))) if np.any(d > 0) else -1.0)
            return best

        own = grasp_yaw(v.object_yaw(self.obj), v.tcp_yaw)
        candidates = [own + k * math.pi / 2 for k in (0, 1, -1, 2)]
        scores = [clearance(y) for y in candidates]
        if scores[0] >= min(max(scores), GRASP_CLEARANCE):
            return None
        return candidates[int(np.argmax(scores))]

    def _above_support_action(self, phase: str) -> np.ndarray:
        v, o = self.view, self.view.object_pos(self.obj)
        tcp = v.tcp_pos
        pad_bottom = min(float(v.data.geom_xpos[g][2] - np.abs(v.data.geom_xmat[g].reshape(3, 3)[2]) @
                               v.model.geom_size[g]) for g in v.finger_geoms)
        reach_below_tcp = float(tcp[2]) - pad_bottom
        z = max(float(o[2]), float(o[2]) - v.object_half(self.obj) + PAD_MARGIN + reach_below_tcp)
        target = np.array([o[0], o[1], z])
        if phase == "descend" and np.linalg.norm(target - tcp) < 0.008:
            self.motion.phase, self.motion.count = "grasp", 0
        return move_action(v, target, self.step_size, gain=0.2 if phase == "grasp" else EXPERT_GAIN)

    def unmet(self) -> str | None:
        if not self.view.is_grasped(self.obj):
            return f"the {self.obj} is not in the gripper"
        if self.view.object_pos(self.obj)[2] < self.start[2] + LIFT_HEIGHT:
            return f"the {self.obj} is not lifted {LIFT_HEIGHT:.2f} m"
        return None
