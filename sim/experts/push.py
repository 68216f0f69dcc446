"""The push expert and the push motion it shares with the push skill: closed fingers slide a cube along a line."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from sim.experts.motion import angle_diff, move_action, yaw_action
from sim.scene_view import SceneView

if TYPE_CHECKING:
    from sim.tasks.base import TaskGoal

PUSH_CLEARANCE = 0.02  # between the cube face and the closed fingers before pushing
SLOW_PUSH = {"cube": 0.25, "cylinder": 0.25, "sphere": 0.15}
"""Push speed (of the full step) over the last 4 cm: a sphere rolls on after the fingers stop."""
PUSH_LATERAL = {"cube": 0.02, "cylinder": 0.012, "sphere": 0.012}
"""m the hand may be off the push line and still push (its height within half that): a cube's face takes an
off-centre push straight, a round object is turned off the line by it. Level 'shapes', panda, seeds 0-119, the
successes of pushed cylinders / spheres were 36/39, 23/37 at 0.02; 34/39, 31/37 at 0.008; 37/39, 30/37 at 0.012."""


class PushExpert:
    """Closed fingers behind the object, pushed along the object-to-goal line; re-aligns when off line."""

    def __init__(self, view: SceneView, goal: TaskGoal, max_pos_step: float) -> None:
        assert goal.object is not None
        self.view, self.obj, self.step_size = view, goal.object, max_pos_step
        self.phase = "align"

    def act(self) -> np.ndarray:
        v = self.view
        o = v.object_pos(self.obj)
        half = v.object_half(self.obj)
        goal = v.pad_pos
        to_goal = goal[:2] - o[:2]
        dist = float(np.linalg.norm(to_goal))
        a = np.zeros(5)
        a[4] = 1.0
        if dist < 0.008:
            self.phase = "retreat"
        if self.phase == "retreat":
            a[:3] = move_action(v, np.array([*v.tcp_pos[:2], 0.15]), self.step_size)
            return a
        u = to_goal / max(dist, 1e-9)
        # What a policy imitating this expert learns from is the action as a function of the scene alone. So
        # the phase is read off the scene every tick rather than remembered, and the way behind the cube is
        # one continuous field (a funnel) rather than waypoints whose switches a regressor averages to a halt.
        if not in_push_pose(v, o, half, u, PUSH_LATERAL[v.object_shape(self.obj)]):
            self.phase = "align"
            a[3] = push_yaw_action(v, u)
            a[:3] = funnel_action(v, o, half, u, self.step_size)
            return a
        self.phase = "push"
        a[3] = push_yaw_action(v, u)
        # Aim the contact point a little past the goal so that the cube ends on it; slow near the end.
        push_target = np.array([*(goal[:2] - u * (half + PUSH_CLEARANCE - 0.012)), max(half, 0.016)])
        speed = 0.5 if dist > 0.04 else SLOW_PUSH[v.object_shape(self.obj)]
        a[:3] = move_action(v, push_target, self.step_size, gain=1.0) * speed
        return a


def in_push_pose(v: SceneView, o: np.ndarray, half: float, u: np.ndarray, lateral_tolerance: float = 0.02) -> bool:
    """Whether the fingers are low behind the object on the push line, where a push (not an alignment) acts."""
    tcp = v.tcp_pos
    rel = tcp[:2] - o[:2]
    lateral = abs(rel[0] * u[1] - rel[1] * u[0])
    along = float(rel @ u)
    return (lateral <= lateral_tolerance and -(half + PUSH_CLEARANCE + 0.025) <= along <= -half
            and abs(tcp[2] - max(half, 0.016)) < min(0.01, lateral_tolerance / 2))


FUNNEL_SLOPE = 1.5  # m of height above the push height per m of distance from the point behind the cube
FUNNEL_TOP = 0.07  # m above the push height: clears any cube of the scene
FUNNEL_RISE = 0.03  # m below the funnel at which sideways motion has stopped: rise first, then travel


def push_yaw_action(v: SceneView, u: np.ndarray) -> float:
    """Yaw action turning the closed fingers across the push direction (the nearer of the two symmetric yaws)."""
    yaw = math.atan2(u[1], u[0])
    if abs(angle_diff(yaw, v.tcp_yaw)) > math.pi / 2:
        yaw += math.pi
    return yaw_action(v.tcp_yaw, yaw)


def funnel_action(v: SceneView, o: np.ndarray, half: float, u: np.ndarray, step_size: float) -> np.ndarray:
    """xyz action towards the point low behind the cube on the push line, continuous in the TCP position.

    The height to hold grows with the distance from that point (a funnel), and sideways motion fades out
    while the hand is below the funnel, so a hand low beside or ahead of the cube rises before it crosses.
    """
    push_z = max(half, 0.016)
    behind = np.array([*(o[:2] - u * (half + PUSH_CLEARANCE + 0.01)), push_z])
    tcp = v.tcp_pos
    d = float(np.linalg.norm(tcp[:2] - behind[:2]))
    z_want = push_z + min(FUNNEL_TOP, FUNNEL_SLOPE * d)
    a = move_action(v, np.array([behind[0], behind[1], z_want]), step_size)
    a[:2] *= float(np.clip(1.0 - (z_want - tcp[2]) / FUNNEL_RISE, 0.0, 1.0))
    return a


def push_alignment(v: SceneView, o: np.ndarray, half: float, u: np.ndarray, phase: str, step_size: float,
                   a: np.ndarray) -> tuple[str, bool]:
    """The part of a push shared by the push expert and the push skill.

    Turns the closed fingers across the push direction ``u`` (filling ``a[3]``) and, while the hand is not
    low behind the cube on that line, moves it there, travelling high (filling ``a[:3]``). Returns the
    new phase (``align`` or ``push``) and whether this tick was spent aligning.
    """
    push_z = max(half, 0.016)
    behind = np.array([*(o[:2] - u * (half + PUSH_CLEARANCE + 0.01)), push_z])
    a[3] = push_yaw_action(v, u)
    tcp = v.tcp_pos
    rel = tcp[:2] - o[:2]
    lateral = abs(rel[0] * u[1] - rel[1] * u[0])
    along = float(rel @ u)
    if phase == "push" and (lateral > 0.02 or along > -half):
        phase = "align"
    if phase != "align":
        return phase, False
    # Travel high, then drop behind the cube.
    far = np.linalg.norm(tcp[:2] - behind[:2]) > 0.012
    if far and tcp[2] < 0.06:
        a[:3] = move_action(v, np.array([tcp[0], tcp[1], 0.08]), step_size)
    elif far:
        a[:3] = move_action(v, np.array([behind[0], behind[1], 0.08]), step_size)
    else:
        a[:3] = move_action(v, behind, step_size)
        if abs(tcp[2] - push_z) < 0.008:
            phase = "push"
    return phase, True
