"""Render a MuJoCo camera of the sim scene as a real camera would deliver it: RGB, depth, intrinsics, pose.

Used by the perception tests and benchmark (images with exact ground truth) and by the simulated arm to
publish ``<camera>/image_raw`` and ``<camera>/camera_info``. Poses are in the world frame, which is the
robot base frame of the built-in scenes; the camera pose is returned in OpenCV's optical convention
(x right, y down, z forward), while MuJoCo cameras look along -z with y up.
"""

from __future__ import annotations

from collections.abc import Sequence

import mujoco
import numpy as np

from robot.perception.camera_model import CameraModel
from robot.perception.errors import PerceptionConfigError
from robot.perception.pose_math import make_transform

_MUJOCO_TO_OPTICAL = np.diag([1.0, -1.0, -1.0])


def camera_id(model: mujoco.MjModel, camera: str) -> int:
    """The id of camera ``camera``, or an error listing the model's cameras."""
    idx = mujoco.mj_name2id(model, mujoco.mjtObj.mjOBJ_CAMERA, camera)
    if idx < 0:
        names = [mujoco.mj_id2name(model, mujoco.mjtObj.mjOBJ_CAMERA, i) for i in range(model.ncam)]
        raise PerceptionConfigError(f"unknown camera {camera!r}; valid: {', '.join(n for n in names if n)}")
    return int(idx)


def place_camera(model: mujoco.MjModel, camera: str, eye: Sequence[float], target: Sequence[float],
                 fovy_deg: float | None = None) -> None:
    """Move a world-fixed camera to ``eye`` looking at ``target`` (edits ``model`` in place)."""
    from sim.scene import look_at_quat

    cid = camera_id(model, camera)
    if model.cam_bodyid[cid] != 0:
        raise PerceptionConfigError(f"camera {camera!r} is mounted on a moving body; only world cameras can be placed")
    model.cam_pos[cid] = eye
    model.cam_quat[cid] = look_at_quat(tuple(eye), tuple(target))  # type: ignore[arg-type]
    if fovy_deg is not None:
        model.cam_fovy[cid] = fovy_deg


class SimCamera:
    """Offscreen renderer of one camera of ``model`` at ``width`` x ``height`` (RGB uint8, depth float32 m).

    ``supersample`` = k renders k times larger and averages k x k blocks, as a real sensor integrates light
    over each pixel: OpenGL samples a texture once per pixel, so without it marker edges snap to the pixel
    grid (up to half a pixel per edge, millimetres of pose error for small markers).
    """

    def __init__(self, model: mujoco.MjModel, camera: str, width: int = 640, height: int = 480,
                 supersample: int = 1) -> None:
        from sim.render import make_renderer

        self.model, self.name = model, camera
        self.camera_id = camera_id(model, camera)
        if isinstance(supersample, bool) or not isinstance(supersample, int) or not 1 <= supersample <= 4:
            raise PerceptionConfigError(f"camera {camera!r}: supersample must be an integer in 1..4, "
                                        f"got {supersample!r}")
        rw, rh = width * supersample, height * supersample
        if rw > model.vis.global_.offwidth or rh > model.vis.global_.offheight:
            raise PerceptionConfigError(
                f"camera {camera!r}: {rw}x{rh} (size x supersample) exceeds the model's offscreen buffer "
                f"{model.vis.global_.offwidth}x{model.vis.global_.offheight}; build the scene with a larger "
                "SceneConfig.offscreen_size")
        self.width, self.height, self.supersample = width, height, supersample
        self._renderer = make_renderer(model, rw, rh)

    def camera_model(self) -> CameraModel:
        """Intrinsics from the camera's current ``fovy`` (MuJoCo renders an ideal, distortion-free pinhole)."""
        return CameraModel.from_fovy(self.name, self.width, self.height, float(self.model.cam_fovy[self.camera_id]))

    def camera_pose(self, data: mujoco.MjData) -> np.ndarray:
        """4x4 pose of the optical frame in the world (= robot base) frame, from ``data`` after mj_forward."""
        rot = data.cam_xmat[self.camera_id].reshape(3, 3) @ _MUJOCO_TO_OPTICAL
        return make_transform(rot, data.cam_xpos[self.camera_id])

    def render_rgb(self, data: mujoco.MjData) -> np.ndarray:
        """(height, width, 3) uint8 RGB of the current state of ``data``."""
        r = self._renderer
        r.update_scene(data, camera=self.camera_id)  # type: ignore[attr-defined]
        image = np.asarray(r.render())  # type: ignore[attr-defined]
        if self.supersample == 1:
            return image.copy()
        import cv2

        return cv2.resize(image, (self.width, self.height), interpolation=cv2.INTER_AREA)

    def render_depth(self, data: mujoco.MjData) -> np.ndarray:
        """(height, width) float32 depth along the optical axis, in metres."""
        r = self._renderer
        r.enable_depth_rendering()  # type: ignore[attr-defined]
        try:
            r.update_scene(data, camera=self.camera_id)  # type: ignore[attr-defined]
            depth = np.asarray(r.render(), dtype=np.float32)  # type: ignore[attr-defined]
            k = self.supersample
            # One sample per pixel: averaging depth across an object's edge would invent surfaces.
            return np.ascontiguousarray(depth[k // 2 :: k, k // 2 :: k])
        finally:
            r.disable_depth_rendering()  # type: ignore[attr-defined]

    def close(self) -> None:
        self._renderer.close()  # type: ignore[attr-defined]

    def __enter__(self) -> SimCamera:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def randomize_view(model: mujoco.MjModel, data: mujoco.MjData, rng: np.random.Generator, camera: str,
                   distance: tuple[float, float], elevation_deg: tuple[float, float],
                   target: Sequence[float] = (0.5, -0.1, 0.02)) -> dict[str, float]:
    """Random pose (around ``target``), field of view and key light for a world camera; runs mj_forward.

    Used by the perception tests and benchmark to vary what the camera sees; returns what was drawn.
    """
    az = rng.uniform(-np.pi, np.pi)
    el = np.radians(rng.uniform(*elevation_deg))
    dist = rng.uniform(*distance)
    aim = np.asarray(target, float) + np.append(rng.uniform(-0.03, 0.03, 2), 0.0)
    eye = aim + dist * np.array([np.cos(el) * np.cos(az), np.cos(el) * np.sin(az), np.sin(el)])
    fovy = rng.uniform(40.0, 55.0)
    place_camera(model, camera, eye, aim, fovy_deg=fovy)
    model.light_diffuse[0] = rng.uniform(0.4, 1.1)
    direction = np.array([-0.1, 0.25, -1.0]) + np.append(rng.uniform(-0.4, 0.4, 2), 0.0)
    model.light_dir[0] = direction / np.linalg.norm(direction)
    mujoco.mj_forward(model, data)
    return {"azimuth": float(az), "elevation": float(el), "distance": float(dist), "fovy": float(fovy),
            "light": float(model.light_diffuse[0, 0])}


def hide_body(model: mujoco.MjModel, name: str) -> None:
    """Move a static body (e.g. the reach task's floating ``goal_marker``) out of every camera's view."""
    bid = mujoco.mj_name2id(model, mujoco.mjtObj.mjOBJ_BODY, name)
    if bid < 0:
        raise PerceptionConfigError(f"unknown body {name!r}")
    model.body_pos[bid] = (0.0, 0.0, -2.0)
