"""Sub-pixel refinement of a square marker's corners from its four straight outer edges.

OpenCV's corner refinements (sub-pixel, contour, AprilTag) leave a bias of about half a pixel towards the
inside of small markers, which is several millimetres of depth for a 3-4 cm marker at 0.5-0.8 m. Edges
are more reliable than corners: along each edge we sample intensity profiles across it, take the
half-way crossing between the black border and the white quiet zone (unbiased for a blurred step), fit a
line to those points, and intersect neighbouring lines.
"""

from __future__ import annotations

import cv2
import numpy as np

_SAMPLES_PER_EDGE = 12
_PROFILE_STEPS = 9


def refine_square_corners(gray: np.ndarray, corners: np.ndarray) -> np.ndarray:
    """Refined (4, 2) corners (clockwise in the image, as ArUco gives them) of a dark square on light ground.

    Returns the input corners unchanged when an edge has too few clean crossings (occlusion, blur).
    """
    c = np.asarray(corners, np.float64).reshape(4, 2)
    side = float(np.mean(np.linalg.norm(c - np.roll(c, -1, axis=0), axis=1)))
    # The black border is a sixth of a 4x4 marker's side and the quiet zone half that: stay inside both.
    half_width = float(np.clip(side / 20.0, 1.2, 3.0))
    centre = c.mean(axis=0)
    t = np.linspace(0.15, 0.85, _SAMPLES_PER_EDGE)
    s = np.linspace(-half_width, half_width, _PROFILE_STEPS)
    starts, ends = c, np.roll(c, -1, axis=0)
    direction = ends - starts
    direction /= np.linalg.norm(direction, axis=1, keepdims=True)
    normal = np.column_stack([direction[:, 1], -direction[:, 0]])
    # Point normals outwards (away from the marker centre), whichever way the corners turn.
    outward = np.sign(np.einsum("ij,ij->i", normal, (starts + ends) / 2 - centre))[:, None]
    normal *= outward
    base = starts[:, None, :] + t[None, :, None] * (ends - starts)[:, None, :]  # (4, S, 2)
    pts = base[:, :, None, :] + s[None, None, :, None] * normal[:, None, None, :]  # (4, S, P, 2)
    map_x = pts[..., 0].reshape(-1, _PROFILE_STEPS).astype(np.float32)
    map_y = pts[..., 1].reshape(-1, _PROFILE_STEPS).astype(np.float32)
    prof = cv2.remap(gray, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE).astype(np.float64)
    prof = prof.reshape(4, _SAMPLES_PER_EDGE, _PROFILE_STEPS)
    # Extremes, not end samples: the quiet zone is narrow and its far side blurs into the object's colour,
    # and a low white level would put the half-way crossing inside the marker (a shrunken, distant marker).
    lo, hi = prof.min(axis=2, keepdims=True), prof.max(axis=2, keepdims=True)
    contrast = (hi - lo)[..., 0]
    level = (lo + hi) / 2.0
    # Position of the first crossing of the half level, linearly interpolated between samples.
    above = prof >= level
    idx = np.argmax(above, axis=2)
    idx = np.clip(idx, 1, _PROFILE_STEPS - 1)
    p0 = np.take_along_axis(prof, (idx - 1)[..., None], axis=2)[..., 0]
    p1 = np.take_along_axis(prof, idx[..., None], axis=2)[..., 0]
    frac = np.where(p1 != p0, (level[..., 0] - p0) / np.where(p1 != p0, p1 - p0, 1.0), 0.5)
    offset = s[0] + (idx - 1 + np.clip(frac, 0.0, 1.0)) * (s[1] - s[0])
    edge_pts = base + offset[..., None] * normal[:, None, :]
    lines = []
    for k in range(4):
        good = contrast[k] > 0.25 * max(float(contrast[k].max()), 1e-9)
        good &= contrast[k] > 20.0
        if good.sum() < 4:
            return c.astype(np.float32)
        line = cv2.fitLine(edge_pts[k][good].astype(np.float32), cv2.DIST_HUBER, 0, 0.01, 0.01).ravel()
        lines.append(line)
    refined = np.empty((4, 2))
    for k in range(4):
        # Corner k is the intersection of edge k-1 (ending at it) and edge k (starting at it).
        (vx1, vy1, x1, y1), (vx2, vy2, x2, y2) = lines[k - 1], lines[k]
        a = np.array([[vx1, -vx2], [vy1, -vy2]], float)
        if abs(np.linalg.det(a)) < 1e-6:
            return c.astype(np.float32)
        u = np.linalg.solve(a, np.array([x2 - x1, y2 - y1], float))
        refined[k] = (x1 + u[0] * vx1, y1 + u[0] * vy1)
    if np.max(np.linalg.norm(refined - c, axis=1)) > max(2.0, 0.1 * side):
        return c.astype(np.float32)  # a fit that moved a corner this far is wrong, not refined
    return refined.astype(np.float32)
