"""Reach: move the tool centre point to a floating marker."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from sim.errors import ConfigError
from sim.scene_view import SceneView
from sim.tasks.base import TaskGoal, phrase

SUCCESS_DISTANCE = 0.03

Point = tuple[float, float, float]
MarkerBox = tuple[Point, Point]
"""(low corner, high corner) of the box the marker is drawn from, uniformly per axis (m, world frame)."""
DEFAULT_MARKER_BOX: MarkerBox = ((0.35, -0.25, 0.06), (0.65, 0.25, 0.3))
"""Every dataset and checkpoint up to the home-covering one was made with this box."""
MARKER_BOUNDS: MarkerBox = ((0.15, -0.55, 0.012), (0.85, 0.55, 0.65))
"""A marker box must lie inside the controller's default workspace (``sim.control.ControllerConfig``): the TCP is
clamped there, so a marker outside could never be reached."""


def check_marker_box(box: Any, where: str = "reach_markers") -> MarkerBox:
    """``box`` as a ``MarkerBox`` if it is two corners of three finite numbers, low <= high on each axis and inside
    ``MARKER_BOUNDS``; else a one-line ``ConfigError`` naming ``where``."""
    if not _is_pair(box) or not all(_is_pair(c, 3) for c in box):
        raise ConfigError(f"{where} must be two corners [[x, y, z], [x, y, z]] (low, high; m), got {box!r}")
    try:
        low, high = (tuple(float(v) for v in corner) for corner in box)
    except (TypeError, ValueError):
        raise ConfigError(f"{where} corners must hold numbers, got {box!r}") from None
    if any(isinstance(v, bool) for corner in box for v in corner) or not all(map(math.isfinite, (*low, *high))):
        raise ConfigError(f"{where} corners must hold finite numbers, got {box!r}")
    for axis, lo, hi, lo_ok, hi_ok in zip("xyz", low, high, *MARKER_BOUNDS, strict=True):
        if lo > hi:
            raise ConfigError(f"{where} is inverted on {axis}: low {lo} > high {hi}")
        if lo < lo_ok or hi > hi_ok:
            raise ConfigError(f"{where} on {axis} ({lo} .. {hi}) leaves the controller workspace {lo_ok} .. {hi_ok} m")
    return (low[0], low[1], low[2]), (high[0], high[1], high[2])


def _is_pair(value: Any, n: int = 2) -> bool:
    return isinstance(value, Sequence) and not isinstance(value, (str, bytes)) and len(value) == n


class ReachTask:
    """The marker floats in ``DEFAULT_MARKER_BOX`` unless the scene names another (``SceneConfig.reach_markers``,
    set by a randomisation level such as ``reach_home``)."""

    name = "reach"
    max_steps = 60
    templates: tuple[str, ...] = (
        "reach the orange marker",
        "move the gripper to the orange ball",
        "touch the floating orange marker",
        "go to the orange target",
        "bring your hand to the orange sphere",
    )

    def sample_goal(self, rng: np.random.Generator, view: SceneView) -> TaskGoal:
        box = getattr(view.scene.config, "reach_markers", None) or DEFAULT_MARKER_BOX
        # One draw per axis, in this order: with the default box the draws are those of every earlier dataset.
        view.model.body_pos[view.goal_body] = tuple(rng.uniform(lo, hi) for lo, hi in zip(*box, strict=True))
        return TaskGoal(task=self.name, instruction=phrase(rng, self.templates), target="goal_marker")

    def goal_position(self, view: SceneView, goal: TaskGoal) -> np.ndarray:
        return view.goal_marker_pos.copy()

    def reward_terms(self, view: SceneView, goal: TaskGoal) -> dict[str, float]:
        dist = math.dist(view.tcp_pos.tolist(), view.goal_marker_pos.tolist())
        return {"reach_distance": -dist, "success": float(dist < SUCCESS_DISTANCE)}
