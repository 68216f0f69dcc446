"""Calibration targets: checkerboards, ChArUco boards, and fields of markers at known poses.

Each gives, for one grey image, matched object points (target frame, metres) and image points (pixels).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import cv2
import numpy as np

from robot.perception.errors import PerceptionConfigError
from robot.perception.marker_config import dictionary_names
from robot.perception.marker_refine import refine_square_corners

BOARD_KINDS = ("checkerboard", "charuco")


@dataclass(frozen=True, kw_only=True)
class BoardSpec:
    """A printed board: ``cols`` x ``rows`` squares of ``square`` m (ChArUco: markers of ``marker`` m inside)."""

    kind: str = "charuco"
    cols: int = 7
    rows: int = 5
    square: float = 0.03
    marker: float = 0.022
    dictionary: str = "DICT_4X4_50"

    def __post_init__(self) -> None:
        if self.kind not in BOARD_KINDS:
            raise PerceptionConfigError(f"unknown board kind {self.kind!r}; valid: {', '.join(BOARD_KINDS)}")
        if self.cols < 3 or self.rows < 3:
            raise PerceptionConfigError(f"a board needs at least 3 x 3 squares, got {self.cols} x {self.rows}")
        if not 0 < self.square < 1 or (self.kind == "charuco" and not 0 < self.marker < self.square):
            raise PerceptionConfigError(f"board sizes must satisfy 0 < marker < square < 1 m, got square "
                                        f"{self.square}, marker {self.marker}")
        if self.dictionary not in dictionary_names():
            raise PerceptionConfigError(f"unknown marker dictionary {self.dictionary!r}")

    def charuco_board(self) -> cv2.aruco.CharucoBoard:
        dictionary = cv2.aruco.getPredefinedDictionary(getattr(cv2.aruco, self.dictionary))
        return cv2.aruco.CharucoBoard((self.cols, self.rows), self.square, self.marker, dictionary)

    def image(self, pixels_per_square: int = 80) -> np.ndarray:
        """A printable image of the board (white border of half a square)."""
        w, h = self.cols * pixels_per_square, self.rows * pixels_per_square
        m = pixels_per_square // 2
        if self.kind == "charuco":
            return self.charuco_board().generateImage((w + 2 * m, h + 2 * m), marginSize=m)
        img = np.full((h + 2 * m, w + 2 * m), 255, np.uint8)
        for r in range(self.rows):
            for c in range(self.cols):
                if (r + c) % 2 == 0:
                    img[m + r * pixels_per_square: m + (r + 1) * pixels_per_square,
                        m + c * pixels_per_square: m + (c + 1) * pixels_per_square] = 0
        return img

    def detect_points(self, gray: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
        """(N, 3) object points and (N, 2) image points of the board's inner corners, or None if not found."""
        if self.kind == "checkerboard":
            pattern = (self.cols - 1, self.rows - 1)
            found, corners = cv2.findChessboardCorners(gray, pattern, flags=cv2.CALIB_CB_ADAPTIVE_THRESH)
            if not found:
                return None
            corners = cv2.cornerSubPix(gray, corners, (5, 5), (-1, -1),
                                       (cv2.TERM_CRITERIA_EPS + cv2.TERM_CRITERIA_MAX_ITER, 50, 1e-4))
            grid = np.mgrid[0 : pattern[0], 0 : pattern[1]].T.reshape(-1, 2) + 1
            obj = np.column_stack([grid * self.square, np.zeros(len(grid))])
            return obj, corners.reshape(-1, 2).astype(np.float64)
        board = self.charuco_board()
        corners, ids, _, _ = cv2.aruco.CharucoDetector(board).detectBoard(gray)
        if ids is None or len(ids) < 6:
            return None
        obj, img = board.matchImagePoints(corners, ids)  # type: ignore[call-overload]
        return obj.reshape(-1, 3).astype(np.float64), img.reshape(-1, 2).astype(np.float64)


class MarkerField:
    """Markers at known poses in one target frame (e.g. markers fixed on a table) used as one target."""

    def __init__(self, dictionary: str, corners: Mapping[int, np.ndarray]) -> None:
        if dictionary not in dictionary_names():
            raise PerceptionConfigError(f"unknown marker dictionary {dictionary!r}")
        if not corners:
            raise PerceptionConfigError("a marker field needs at least one marker")
        self.corners = {int(i): np.asarray(c, float).reshape(4, 3) for i, c in corners.items()}
        params = cv2.aruco.DetectorParameters()
        params.cornerRefinementMethod = cv2.aruco.CORNER_REFINE_NONE
        self._detector = cv2.aruco.ArucoDetector(
            cv2.aruco.getPredefinedDictionary(getattr(cv2.aruco, dictionary)), params)

    def detect_points(self, gray: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
        found, ids, _ = self._detector.detectMarkers(gray)
        if ids is None:
            return None
        obj, img = [], []
        for c, i in zip(found, ids.ravel().tolist(), strict=True):
            if int(i) in self.corners:
                obj.append(self.corners[int(i)])
                img.append(refine_square_corners(gray, c.reshape(4, 2)))
        if not obj:
            return None
        return np.concatenate(obj).astype(np.float64), np.concatenate(img).astype(np.float64)
