"""Intrinsics from ChArUco and checkerboard views: synthetic views of a known camera, recovered."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from robot.perception import CalibrationError
from robot.perception.calibration import calibrate_intrinsics
from robot.perception.calibration_targets import BoardSpec

TRUE_K = np.array([[610.0, 0.0, 322.0], [0.0, 608.0, 236.0], [0.0, 0.0, 1.0]])
SIZE = (640, 480)


def _views(board: BoardSpec, n: int, seed: int) -> list[np.ndarray]:
    """The board image seen by TRUE_K from ``n`` random poses (a homography per view), anti-aliased."""
    ppsq = 80
    img = board.image(ppsq)
    scale = board.square / ppsq  # metres per board-image pixel
    margin = ppsq // 2
    rng = np.random.default_rng(seed)
    views: list[np.ndarray] = []
    while len(views) < n:
        rvec = np.array([rng.uniform(-0.5, 0.5), rng.uniform(-0.5, 0.5), rng.uniform(-0.3, 0.3)])
        rot = cv2.Rodrigues(rvec)[0]
        width, height = board.cols * board.square, board.rows * board.square
        tvec = np.array([-width / 2 + rng.uniform(-0.03, 0.03), -height / 2 + rng.uniform(-0.03, 0.03),
                         rng.uniform(0.35, 0.55)])
        # Board-image pixel (u, v) -> board plane point ((u - margin) * scale, (v - margin) * scale, 0).
        to_plane = np.array([[scale, 0, -margin * scale], [0, scale, -margin * scale], [0, 0, 1]])
        h = TRUE_K @ np.column_stack([rot[:, 0], rot[:, 1], tvec]) @ to_plane
        # Render at 4x and shrink: area-averaged pixels like a real sensor.
        up = np.diag([4.0, 4.0, 1.0]) @ h
        # Pixel centres: OpenCV maps pixel centres to integer coordinates at both scales.
        shift = np.array([[1, 0, 1.5], [0, 1, 1.5], [0, 0, 1]])
        big = cv2.warpPerspective(img, shift @ up, (SIZE[0] * 4, SIZE[1] * 4), flags=cv2.INTER_LINEAR,
                                  borderValue=200)
        view = cv2.resize(big, SIZE, interpolation=cv2.INTER_AREA)
        if board.detect_points(view) is not None:
            views.append(view)
    return views


@pytest.mark.parametrize("kind", ["charuco", "checkerboard"])
def test_intrinsics_are_recovered_from_board_views(kind: str) -> None:
    board = BoardSpec(kind=kind, cols=7, rows=5, square=0.03, marker=0.022)
    result = calibrate_intrinsics(_views(board, 8, seed=2), board, "front")
    k = result.camera.matrix
    assert result.views_used == 8 and result.rms_px < 0.5
    assert result.camera.name == "front" and (result.camera.width, result.camera.height) == SIZE
    assert abs(k[0, 0] / TRUE_K[0, 0] - 1) < 0.01 and abs(k[1, 1] / TRUE_K[1, 1] - 1) < 0.01
    assert abs(k[0, 2] - TRUE_K[0, 2]) < 4.0 and abs(k[1, 2] - TRUE_K[1, 2]) < 4.0


def test_intrinsics_need_enough_views_with_the_board() -> None:
    board = BoardSpec(kind="charuco")
    blank = [np.full((480, 640), 128, np.uint8)] * 5
    with pytest.raises(CalibrationError, match="found in 0 of 5 images; at least 3"):
        calibrate_intrinsics(blank, board, "front")
    with pytest.raises(CalibrationError, match="no images"):
        calibrate_intrinsics([], board, "front")
