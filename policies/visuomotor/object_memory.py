"""``ObjectMemory``: where the heatmap head saw each cube and place while the hand was clear of it.

Session 16 traced the image policy's missed grasps (63% of its held-out failures never lift the cube): the gripper
closes where the heatmap head puts the instructed cube, and the head's error grows as the hand comes down onto it
(the fingers and the arm in the front image): 1.4 cm (median) with the TCP over 25 cm above the cube, 1.9 cm at
15-25 cm, 2.7 cm at 3-10 cm, 3.4 cm within 3 cm, where the fingers close. A cube does not move until the hand
reaches it, so the memory keeps, per channel, the mean of the head's positions over the latest run of steps in
which the hand was clear of that object (the TCP more than ``height_m`` above it or more than ``radius_m`` from it
in the table plane), and serves that mean while the hand is near. It reads only the head's output (pixels) and the
TCP from proprioception, nothing of the simulator.

Measured on Panda PickPlace's 50 held-out seeds (session 16, one training seed): not better than the per-frame head
(12/50 trained and acting with it, 11/50 acting only, 16/50 without; VisuomotorConfig.object_memory).
"""

from __future__ import annotations

import numpy as np

from policies.errors import PolicyError

MEMORY_HEIGHT_M = 0.2
MEMORY_RADIUS_M = 0.1


class ObjectMemory:
    """Per-episode memory of the heatmap head's channel positions (one policy, one episode; ``reset`` between)."""

    def __init__(self, height_m: float = MEMORY_HEIGHT_M, radius_m: float = MEMORY_RADIUS_M) -> None:
        if not (0.0 < height_m <= 1.0 and 0.0 < radius_m <= 1.0):
            raise PolicyError(f"object memory height_m and radius_m must be in (0, 1] metres, got {height_m}, "
                              f"{radius_m}")
        self.height_m, self.radius_m = float(height_m), float(radius_m)
        self.reset()

    def reset(self) -> None:
        """Forget the last episode's objects."""
        self._sum: np.ndarray | None = None
        self._count: np.ndarray | None = None
        self._clear: np.ndarray | None = None

    def update(self, points: np.ndarray, tcp: np.ndarray) -> np.ndarray:
        """(K, 3) this step's channel positions (metres) and the (3,) TCP -> the (K, 3) positions to act on.

        A channel is clear when the TCP is more than ``height_m`` above or ``radius_m`` (in x, y) away from where
        the memory (else this step) puts it. A clear step after a near one starts a new run (the object may have
        been moved meanwhile); a clear channel serves the mean of its run so far, a near one its last run's mean,
        or this step's position if it was never clear."""
        points = np.asarray(points, dtype=np.float64)
        tcp = np.asarray(tcp, dtype=np.float64).reshape(-1)
        if points.ndim != 2 or points.shape[1] != 3 or tcp.shape != (3,):
            raise PolicyError(f"object memory needs (K, 3) points and a (3,) TCP, got {points.shape}, {tcp.shape}")
        if self._sum is None or self._sum.shape != points.shape:
            self._sum, self._count = np.zeros_like(points), np.zeros(len(points))
            self._clear = np.zeros(len(points), dtype=bool)
        assert self._count is not None and self._clear is not None
        known = self._count > 0
        ref = np.where(known[:, None], self._sum / np.maximum(self._count, 1.0)[:, None], points)
        clear = ((tcp[2] - ref[:, 2]) > self.height_m) | (np.linalg.norm(tcp[None, :2] - ref[:, :2], axis=1)
                                                          > self.radius_m)
        restart = clear & ~self._clear
        self._sum[restart], self._count[restart] = 0.0, 0.0
        self._sum[clear] += points[clear]
        self._count[clear] += 1.0
        self._clear = clear
        known = self._count > 0
        return np.where(known[:, None], self._sum / np.maximum(self._count, 1.0)[:, None], points)
