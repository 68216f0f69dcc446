"""push(object, direction): slide a cube a fixed distance along the table with the closed fingers.

The controller is the push expert's (``sim.experts.push.PushExpert``) with the goal a point
``PUSH_DISTANCE`` from where the cube stood, instead of the pad.

Run by the Push task's policy (``sim.observation_contract.skill_goal``), the goal point is further: that policy
learned to push a cube onto a pad 0.10-0.16 m away (``sim.tasks.push``), so it gets ``POLICY_PUSH_DISTANCE``,
shortened along the direction (never below ``PUSH_DISTANCE``) where the reachable area, the area the task put its
pads in, or the way past the bin ends sooner. A learned push is thus possible exactly where the scripted one is,
and both are judged by the same predicate; ``goal_point`` is what the policy observes as its goal (``goal_pos``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from sim.experts.motion import move_action
from sim.experts.push import PUSH_CLEARANCE, push_alignment
from sim.scene import BIN_HALF, BIN_WALL
from sim.scene_view import SceneView
from sim.skills.base import MAX_RESTING_SPEED, held_objects, object_speed
from sim.skills.regions import in_bin, on_table, resting_on
from sim.skills.wrist import Unwinder
from sim.tasks.base import REGION_HIGH, REGION_LOW

DIRECTIONS: dict[str, tuple[float, float]] = {
    "left": (0.0, 1.0), "right": (0.0, -1.0), "forward": (1.0, 0.0), "backward": (-1.0, 0.0),
}
PUSH_DISTANCE = 0.08  # m
POLICY_PUSH_DISTANCE = 0.12  # m: the middle of the Push task's pad distances (0.10-0.16 m)
GOAL_TOLERANCE = 0.025  # m from the goal point
RETREAT_DISTANCE = 0.012  # m from the goal point: close enough, stop pushing and rise
FINGER_ROOM = 0.02  # m around the point behind the cube where the closed fingers come down
BIN_CLEARANCE = 0.005  # m kept between a pushed cube and the bin's outer wall
RETREAT_HEIGHT = 0.08  # m: the TCP is back up here before the push counts as done
# Where a pushed cube may end up (m): on the table, within both arms' reach.
PUSH_LOW = np.array([0.26, -0.34])
PUSH_HIGH = np.array([0.74, 0.34])
# Where the Push task put its pads (sim.tasks.push: the layout region and 2 cm beyond): a policy's goal point stays
# inside when it can. Seen without this: goals at y = 0.30-0.34 were missed in 2 of 2 scenes (seeds 104, 105).
POLICY_GOAL_LOW = REGION_LOW - 0.02
POLICY_GOAL_HIGH = REGION_HIGH + 0.02


class PushSkill:
    """Closed fingers behind the cube, pushed towards the goal point; re-aligns when off line, then rises."""

    name = "push"
    budget = 240

    def __init__(self, view: SceneView, obj: str, direction: str, max_pos_step: float,
                 distance: float = PUSH_DISTANCE, *, for_policy: bool = False) -> None:
        self.view, self.obj, self.step_size = view, obj, max_pos_step
        self.args: Mapping[str, str] = {"object": obj, "direction": direction}
        self.start = view.object_pos(obj)[:2].copy()
        self.u = np.array(DIRECTIONS[direction])
        self.goal = self.start + distance * self.u
        if for_policy:
            self.goal = self.start + self._policy_distance() * self.u
        self.phase = "align"
        self.retreat_xy = self.start
        self.unwinder = Unwinder(view)
        self._clearing = False

    @property
    def goal_point(self) -> np.ndarray:
        """Where the cube's centre should end up (resting on the table): a policy's ``goal_pos``."""
        return np.array([*self.goal, self.view.object_half(self.obj)])

    def _policy_distance(self) -> float:
        """The longest push from ``POLICY_PUSH_DISTANCE`` down to ``PUSH_DISTANCE`` (1 cm steps) whose goal stays in
        the reachable area and where the Push task put pads, and whose path misses the bin; ``PUSH_DISTANCE`` when
        none does (the scripted push's goal: its precondition then judges it as it judges the scripted push)."""
        low, high = np.maximum(PUSH_LOW, POLICY_GOAL_LOW), np.minimum(PUSH_HIGH, POLICY_GOAL_HIGH)
        for distance in np.arange(POLICY_PUSH_DISTANCE, PUSH_DISTANCE - 1e-9, -0.01):
            self.goal = self.start + float(distance) * self.u
            if np.all(self.goal >= low) and np.all(self.goal <= high) and not self._runs_into_bin():
                return float(distance)
        return PUSH_DISTANCE

    def precondition_error(self) -> str | None:
        v, obj = self.view, self.obj
        held = held_objects(v)
        if held:
            return f"cannot push while holding the {held[0]}"
        if not on_table(v, obj) or in_bin(v, v.object_pos(obj)):
            return f"the {obj} does not rest on the table"
        on_top = [o for o in v.object_names if o != obj and resting_on(v, o, obj)]
        if on_top:
            return f"the {on_top[0]} rests on the {obj}"
        if np.any(self.goal < PUSH_LOW) or np.any(self.goal > PUSH_HIGH):
            return (f"pushing the {obj} {self.args['direction']} would take it to "
                    f"({self.goal[0]:.2f}, {self.goal[1]:.2f}), outside the reachable table area")
        if self._runs_into_bin():
            return f"pushing the {obj} {self.args['direction']} would run it into the bin"
        blocker = self._behind_blocker()
        if blocker is not None:
            return f"no room behind the {obj} to push it {self.args['direction']}: the {blocker} is in the way"
        return None

    def _runs_into_bin(self) -> bool:
        """The cube, somewhere on its way to the goal, would overlap the bin's outer walls.

        Its footprint counts, not its centre: a cube whose centre stops short of the bin still hits the wall.
        Seen without this: a cube 16 cm behind the bin pushed 8 cm forward stalled against the wall, and the
        retry from there was refused as running into the bin, two wasted pushes later."""
        v = self.view
        if v.bin_body < 0:
            return False
        reach = BIN_HALF + BIN_WALL + v.object_half(self.obj) + BIN_CLEARANCE
        path = self.start + np.linspace(0.0, 1.0, 9)[1:, None] * (self.goal - self.start)
        return bool(np.any(np.all(np.abs(path - v.bin_pos[:2]) < reach, axis=1)))

    def _behind_blocker(self) -> str | None:
        """What occupies the spot behind the cube where the fingers must come down, if anything."""
        v = self.view
        half = v.object_half(self.obj)
        behind = self.start - self.u * (half + PUSH_CLEARANCE + 0.01)
        if v.bin_body >= 0 and np.all(np.abs(behind - v.bin_pos[:2]) < BIN_HALF + BIN_WALL + FINGER_ROOM):
            return "bin"
        for other in v.object_names:
            if other != self.obj and np.linalg.norm(behind - v.object_pos(other)[:2]) < (
                    v.object_half(other) * math.sqrt(2) + FINGER_ROOM):
                return other
        return None

    def act(self) -> np.ndarray:
        v = self.view
        o = v.object_pos(self.obj)
        half = v.object_half(self.obj)
        to_goal = self.goal - o[:2]
        dist = float(np.linalg.norm(to_goal))
        a = np.zeros(5)
        a[4] = 1.0
        if self.unwinder.needed():  # before the push picks a tool yaw near the current one
            a[:3] = move_action(v, np.array([*v.tcp_pos[:2], max(float(v.tcp_pos[2]), RETREAT_HEIGHT)]), self.step_size)
            a[3] = self.unwinder.wrist.unwind_action()
            return a
        past_goal = float((o[:2] - self.goal) @ self.u) > -0.004
        if self.phase != "retreat" and (dist < RETREAT_DISTANCE or (past_goal and dist < GOAL_TOLERANCE)):
            self.phase = "retreat"
            # The controller's target leads the hand in the push direction: steer back off the cube
            # explicitly, or the arm keeps pushing by that lead while it rises.
            self.retreat_xy = v.tcp_pos[:2] - self.u * 0.01
        elif self.phase == "retreat" and v.tcp_pos[2] > RETREAT_HEIGHT and dist > GOAL_TOLERANCE:
            self.phase = "align"  # risen, but the cube slid off the goal: push it again (from its other side)
        if self.phase == "retreat":
            a[:3] = move_action(v, np.array([*self.retreat_xy, RETREAT_HEIGHT + 0.03]), self.step_size)
            return a
        # Push along the commanded direction; near the goal, along the cube-to-goal line to correct drift.
        u = to_goal / dist if dist > 0.03 else self.u
        self.phase, aligning = push_alignment(v, o, half, u, self.phase, self.step_size, a)
        if aligning:
            return a
        contact = np.array([*(self.goal - u * (half + PUSH_CLEARANCE - 0.012)), max(half, 0.016)])
        # Slower than the pad-push expert: a cube shoved at full speed slides (or tips) past a goal point.
        speed = 0.35 if dist > 0.04 else 0.2
        a[:3] = move_action(v, contact, self.step_size, gain=1.0) * speed
        return a

    def clearing_action(self) -> np.ndarray | None:
        """Straight up with closed fingers once the cube rests at its goal but the hand is still low, else None.

        A learned push ends there: the Push task's episodes end with the cube on the pad and the fingers beside
        it, while the skill's predicate (and the next skill) wants the hand risen clear of the cube."""
        v = self.view
        miss = float(np.linalg.norm(v.object_pos(self.obj)[:2] - self.goal))
        if self._clearing:
            # Kept once begun, whatever the cube does: handed back low, mid-rise, a policy would push on. Risen with
            # the cube slid off its goal, the policy gets the push again (as the scripted push re-aligns).
            if v.tcp_pos[2] > RETREAT_HEIGHT and miss > GOAL_TOLERANCE:
                self._clearing = False
                return None
        else:
            # Taken over a little inside the predicate's tolerance: a cube at its edge can slide out while the hand
            # rises.
            if miss > GOAL_TOLERANCE - 0.005 or v.tcp_pos[2] > RETREAT_HEIGHT:
                return None
            self.retreat_xy = v.tcp_pos[:2] - self.u * 0.01  # back off the cube: the policy's last action led into it
            self._clearing = True
        a = np.zeros(5)
        a[:3] = move_action(v, np.array([*self.retreat_xy, RETREAT_HEIGHT + 0.03]), self.step_size)
        a[4] = 1.0
        return a

    def unmet(self) -> str | None:
        v, obj = self.view, self.obj
        o = v.object_pos(obj)
        miss = float(np.linalg.norm(o[:2] - self.goal))
        if miss > GOAL_TOLERANCE:
            return f"the {obj} is {miss:.3f} m from its push goal"
        if not on_table(v, obj):
            return f"the {obj} is off the table surface"
        if object_speed(v, obj) > MAX_RESTING_SPEED:
            return f"the {obj} is still moving"
        if v.tcp_pos[2] < RETREAT_HEIGHT:
            return "the gripper has not risen clear of the cube"
        return None
