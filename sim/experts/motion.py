"""Motion primitives the scripted experts and the skills share: proportional moves, yaw, grasp choice."""

from __future__ import annotations

import math

import numpy as np

from sim.scene_view import SceneView

# Proportional gain of the experts' closed loop: with up to two control steps of action latency,
# x[k+1] = x[k] + K e[k-d] stays well damped only for K below about 0.5.
EXPERT_GAIN = 0.4


def move_action(view: SceneView, target: np.ndarray, max_pos_step: float, gain: float = EXPERT_GAIN) -> np.ndarray:
    """The xyz part of an action that moves the TCP towards ``target`` at most one step a tick."""
    return np.clip(gain * (target - view.tcp_pos) / max_pos_step, -1.0, 1.0)


def angle_diff(a: float, b: float) -> float:
    """a - b wrapped to [-pi, pi)."""
    return (a - b + math.pi) % (2 * math.pi) - math.pi


def yaw_action(current: float, desired: float, max_yaw_step: float = 0.15) -> float:
    return float(np.clip(EXPERT_GAIN * angle_diff(desired, current) / max_yaw_step, -1.0, 1.0))


def grasp_yaw(object_yaw: float, tcp_yaw: float) -> float:
    """The yaw among the cube's four symmetric grasps nearest the current tool yaw."""
    best = object_yaw
    for k in range(-4, 5):
        cand = object_yaw + k * math.pi / 2
        if abs((cand - tcp_yaw + math.pi) % (2 * math.pi) - math.pi) < math.pi / 4 + 1e-9:
            best = cand
            break
    return best
