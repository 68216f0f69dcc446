"""The reach expert: straight to the marker, gripper open."""

from __future__ import annotations

import numpy as np

from sim.experts.motion import move_action
from sim.scene_view import SceneView


class ReachExpert:
    def __init__(self, view: SceneView, max_pos_step: float) -> None:
        self.view, self.max_pos_step = view, max_pos_step

    def act(self) -> np.ndarray:
        a = np.zeros(5)
        a[:3] = move_action(self.view, self.view.goal_marker_pos, self.max_pos_step)
        a[4] = -1.0
        return a
