"""Rigid transforms as 4x4 matrices, and rotation matrix <-> quaternion (w, x, y, z) conversions."""

from __future__ import annotations

import math

import numpy as np


def quat_to_matrix(quat: np.ndarray | tuple[float, ...]) -> np.ndarray:
    """Rotation matrix of a quaternion (w, x, y, z); the quaternion need not be normalised."""
    w, x, y, z = np.asarray(quat, float) / np.linalg.norm(quat)
    return np.array([
        [1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y)],
        [2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x)],
        [2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)],
    ])


def matrix_to_quat(rot: np.ndarray) -> np.ndarray:
    """Quaternion (w, x, y, z) with w >= 0 of a rotation matrix (Shepperd's method, stable near 180 deg)."""
    m = np.asarray(rot, float)
    trace = m[0, 0] + m[1, 1] + m[2, 2]
    if trace > 0:
        s = 2.0 * math.sqrt(trace + 1.0)
        q = np.array([0.25 * s, (m[2, 1] - m[1, 2]) / s, (m[0, 2] - m[2, 0]) / s, (m[1, 0] - m[0, 1]) / s])
    elif m[0, 0] > m[1, 1] and m[0, 0] > m[2, 2]:
        s = 2.0 * math.sqrt(1.0 + m[0, 0] - m[1, 1] - m[2, 2])
        q = np.array([(m[2, 1] - m[1, 2]) / s, 0.25 * s, (m[0, 1] + m[1, 0]) / s, (m[0, 2] + m[2, 0]) / s])
    elif m[1, 1] > m[2, 2]:
        s = 2.0 * math.sqrt(1.0 + m[1, 1] - m[0, 0] - m[2, 2])
        q = np.array([(m[0, 2] - m[2, 0]) / s, (m[0, 1] + m[1, 0]) / s, 0.25 * s, (m[1, 2] + m[2, 1]) / s])
    else:
        s = 2.0 * math.sqrt(1.0 + m[2, 2] - m[0, 0] - m[1, 1])
        q = np.array([(m[1, 0] - m[0, 1]) / s, (m[0, 2] + m[2, 0]) / s, (m[1, 2] + m[2, 1]) / s, 0.25 * s])
    q /= np.linalg.norm(q)
    return q if q[0] >= 0 else -q


def make_transform(rot: np.ndarray, trans: np.ndarray | tuple[float, ...]) -> np.ndarray:
    """The 4x4 homogeneous transform of rotation ``rot`` (3x3) and translation ``trans``."""
    out = np.eye(4)
    out[:3, :3] = rot
    out[:3, 3] = np.asarray(trans, float).reshape(3)
    return out


def pose_to_transform(position: np.ndarray | tuple[float, ...], quat: np.ndarray | tuple[float, ...]) -> np.ndarray:
    """4x4 transform of a position and a quaternion (w, x, y, z)."""
    return make_transform(quat_to_matrix(quat), position)


def invert_transform(transform: np.ndarray) -> np.ndarray:
    """Inverse of a rigid 4x4 transform (transpose the rotation; no general matrix inverse)."""
    rot = transform[:3, :3]
    return make_transform(rot.T, -rot.T @ transform[:3, 3])


def rotation_angle_deg(rot_a: np.ndarray, rot_b: np.ndarray) -> float:
    """Angle in degrees of the rotation taking ``rot_a`` to ``rot_b``."""
    cos = (np.trace(rot_a.T @ rot_b) - 1.0) / 2.0
    return math.degrees(math.acos(min(1.0, max(-1.0, cos))))


def yaw_quat(yaw: float) -> np.ndarray:
    """Quaternion (w, x, y, z) of a rotation by ``yaw`` radians about +z."""
    return np.array([math.cos(yaw / 2), 0.0, 0.0, math.sin(yaw / 2)])
