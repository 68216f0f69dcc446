"""Symbolic table regions (left, right, bin, pad) as geometry, shared by the skills and the scene-state reader.

Directions follow the robot's viewpoint: "left" is +y, "forward" is +x (away from the base).
A cube belongs to ``left``/``right`` when its centre lies beyond ``HALF_MARGIN`` from the table's
centre line and it rests on the table; the strip in between belongs to no region, so that a cube
placed on the line is never counted on both sides.
"""

from __future__ import annotations

import math

import numpy as np

from sim.scene import BIN_HALF, BIN_HEIGHT, BIN_WALL, CUBE_HALF, PAD_HALF
from sim.scene_view import SceneView

HALF_MARGIN = 0.08  # m: left is y > +HALF_MARGIN, right is y < -HALF_MARGIN
RESTING_TOLERANCE = 0.01  # m between a cube's height and its half size: on the table, not lifted
SIDES = ("left", "right")
REGIONS = (*SIDES, "bin", "pad")  # every region a skill may name, in the order scenes list them

# Where the free-spot sampler may put a cube on a table half (m); reachable by both arms.
_SPOT_X = (0.32, 0.68)
_SPOT_Y = (0.11, 0.27)
_SPOT_GRID = 0.01
_CUBE_CLEARANCE = 0.1  # centre to centre, as the layout sampler keeps them: open fingers fit between
_BIN_CLEARANCE = BIN_HALF + BIN_WALL + CUBE_HALF + 0.03  # centre to bin centre, per axis
_PAD_CLEARANCE = PAD_HALF + CUBE_HALF + 0.01


def region_names(view: SceneView) -> tuple[str, ...]:
    """The regions this scene has: the two table halves, then the bin and the pad when present."""
    names = list(SIDES)
    if view.bin_body >= 0:
        names.append("bin")
    if view.pad_body >= 0:
        names.append("pad")
    return tuple(names)


def in_bin(view: SceneView, pos: np.ndarray) -> bool:
    """The point lies inside the bin's walls, below their top (a cube resting in or falling into it)."""
    if view.bin_body < 0:
        return False
    b = view.bin_pos
    return abs(pos[0] - b[0]) < BIN_HALF and abs(pos[1] - b[1]) < BIN_HALF and pos[2] < BIN_HEIGHT


def on_table(view: SceneView, name: str) -> bool:
    """The cube rests on the table top itself (not lifted, not stacked, not in the bin)."""
    return abs(float(view.object_pos(name)[2]) - view.object_half(name)) < RESTING_TOLERANCE


def on_pad(view: SceneView, name: str) -> bool:
    if view.pad_body < 0 or not on_table(view, name):
        return False
    o, p = view.object_pos(name), view.pad_pos
    return abs(o[0] - p[0]) <= PAD_HALF and abs(o[1] - p[1]) <= PAD_HALF


def side_of(y: float) -> str | None:
    if y > HALF_MARGIN:
        return "left"
    if y < -HALF_MARGIN:
        return "right"
    return None


def region_of(view: SceneView, name: str) -> str | None:
    """The region the cube is in: ``bin``, else ``pad``, else ``left``/``right`` when resting on the table."""
    o = view.object_pos(name)
    if in_bin(view, o):
        return "bin"
    if on_pad(view, name):
        return "pad"
    if on_table(view, name):
        return side_of(float(o[1]))
    return None


def free_spot(view: SceneView, side: str, moving: str | None = None) -> np.ndarray | None:
    """A spot (x, y) on a table half clear of the other cubes, the bin and the pad; None when the half is full.

    Deterministic: the clear grid point nearest the middle of the half, so a replay places the cube
    at the same spot. ``moving`` names the cube being placed, which does not block itself.
    """
    if side not in SIDES:
        raise ValueError(f"side must be one of {', '.join(SIDES)}, got {side!r}")
    sign = 1.0 if side == "left" else -1.0
    xs = np.arange(_SPOT_X[0], _SPOT_X[1] + 1e-9, _SPOT_GRID)
    ys = sign * np.arange(_SPOT_Y[0], _SPOT_Y[1] + 1e-9, _SPOT_GRID)
    gx, gy = np.meshgrid(xs, ys, indexing="ij")
    pts = np.stack([gx.ravel(), gy.ravel()], axis=1)
    ok = np.ones(len(pts), dtype=bool)
    for other in view.object_names:
        if other != moving:
            ok &= np.linalg.norm(pts - view.object_pos(other)[:2], axis=1) >= _CUBE_CLEARANCE
    if view.bin_body >= 0:
        d = np.abs(pts - view.bin_pos[:2])
        ok &= (d[:, 0] >= _BIN_CLEARANCE) | (d[:, 1] >= _BIN_CLEARANCE)
    if view.pad_body >= 0:
        d = np.abs(pts - view.pad_pos[:2])
        ok &= (d[:, 0] >= _PAD_CLEARANCE) | (d[:, 1] >= _PAD_CLEARANCE)
    if not ok.any():
        return None
    centre = np.array([0.5 * (_SPOT_X[0] + _SPOT_X[1]), sign * 0.5 * (_SPOT_Y[0] + _SPOT_Y[1])])
    candidates = pts[ok]
    best = candidates[int(np.argmin(np.linalg.norm(candidates - centre, axis=1)))]
    return np.array(best, dtype=float)


def bin_spot(view: SceneView, moving: str | None = None) -> np.ndarray:
    """Where in the bin (x, y) to drop a cube: the spot on a 3x3 grid farthest from the cubes already in it."""
    b = view.bin_pos[:2]
    inside = [view.object_pos(o)[:2] for o in view.object_names if o != moving and in_bin(view, view.object_pos(o))]
    if not inside:
        return np.array(b, dtype=float)
    step = BIN_HALF - CUBE_HALF - 0.012  # a cube at an outer spot keeps clear of the wall
    best, best_gap = np.array(b, dtype=float), -1.0
    for dx in (0.0, -step, step):
        for dy in (0.0, -step, step):
            p = b + np.array([dx, dy])
            gap = min(float(np.linalg.norm(p - q)) for q in inside)
            if gap > best_gap + 1e-6:
                best, best_gap = p, gap
    return best


def resting_on(view: SceneView, top: str, base: str, pairs: set[tuple[int, int]] | None = None) -> bool:
    """``top`` sits on ``base``: centred within the base's face, one half-size above it, and touching."""
    t, b = view.object_pos(top), view.object_pos(base)
    ht, hb = view.object_half(top), view.object_half(base)
    return (math.dist(t[:2].tolist(), b[:2].tolist()) < hb
            and abs(float(t[2] - b[2]) - ht - hb) < RESTING_TOLERANCE
            and view.touches(top, base, pairs))
