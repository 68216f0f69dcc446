"""Helpers for rendered perception tests: random views and lighting, ground-truth poses."""

from __future__ import annotations

from collections.abc import Callable

import mujoco
import numpy as np

from robot.perception.sim_camera import hide_body, randomize_view

ViewRandomizer = Callable[[mujoco.MjModel, mujoco.MjData, np.random.Generator], dict[str, float]]


def hide_goal_marker(model: mujoco.MjModel) -> None:
    """Move the reach task's floating sphere out of view: it is not part of a pick-and-place scene."""
    hide_body(model, "goal_marker")


def make_view_randomizer(camera: str, distance: tuple[float, float], elevation_deg: tuple[float, float],
                         target: tuple[float, float, float] = (0.5, -0.1, 0.02)) -> ViewRandomizer:
    """Random camera pose (around ``target``), field of view and key-light intensity and direction."""
    def apply(model: mujoco.MjModel, data: mujoco.MjData, rng: np.random.Generator) -> dict[str, float]:
        return randomize_view(model, data, rng, camera, distance, elevation_deg, target)
    return apply


def body_pose(model: mujoco.MjModel, data: mujoco.MjData, name: str) -> tuple[np.ndarray, np.ndarray]:
    """Ground-truth position and rotation matrix of body ``name``."""
    bid = mujoco.mj_name2id(model, mujoco.mjtObj.mjOBJ_BODY, name)
    return data.xpos[bid].copy(), data.xmat[bid].reshape(3, 3).copy()


