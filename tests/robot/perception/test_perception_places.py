"""The pick-and-place targets (pad, bin) and partly hidden cubes, located on rendered images with depth.

Frames come from the sim arm's own scene at the perception-loop settings (front camera, 320x240, shadows
off), laid out by the sim's seeded sampler, so the ground truth is exact.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import mujoco
import numpy as np
import pytest

from robot.perception import Perception, PerceptionConfig, PerceptionConfigError
from robot.perception.sim_camera import SimCamera
from robot.sim_arm import SimArm
from robot.sim_arm_config import SimArmConfig

SIZE = (320, 240)


@pytest.fixture(scope="module")
def arm() -> SimArm:
    arm = SimArm(SimArmConfig(seed=0))
    arm.model.light_castshadow[:] = 0
    return arm


@pytest.fixture(scope="module")
def camera(arm: SimArm) -> Iterator[SimCamera]:
    with SimCamera(arm.model, "front", *SIZE) as cam:
        yield cam


def _perceive(arm: SimArm, cam: SimCamera, depth: bool = True) -> dict[str, Any]:
    config = PerceptionConfig(camera="front", method="color", use_depth=depth, places=("pad", "bin") if depth else ())
    perception = Perception(config, cam.camera_model())
    result = perception.process(cam.render_rgb(arm.data), "rgb8", 0.0, cam.camera_pose(arm.data),
                                cam.render_depth(arm.data) if depth else None)
    return {"scene": result.scene(), "detections": result.detections}


@pytest.mark.parametrize("seed", [0, 1, 2, 5])
def test_pad_and_bin_are_located_where_the_sim_put_them(arm: SimArm, camera: SimCamera, seed: int) -> None:
    arm.reset_scene({"seed": seed})
    out = _perceive(arm, camera)
    places = out["scene"]["places"]
    assert set(places) == {"pad", "bin"}
    # Pad tolerance of the task is 3 cm and the bin's 7.5 cm: these bounds leave the task its margin.
    assert np.linalg.norm(np.array(places["pad"][:2]) - arm.view.pad_pos[:2]) < 0.008
    assert np.linalg.norm(np.array(places["bin"][:2]) - arm.view.bin_pos[:2]) < 0.02


def test_a_cube_inside_the_bin_is_located_by_its_top_face(arm: SimArm, camera: SimCamera) -> None:
    arm.reset_scene({"seed": 1})
    v = arm.view
    adr = v.object_qadr["red_cube"]
    arm.data.qpos[adr : adr + 3] = v.bin_pos + np.array([0.01, -0.01, 0.028])  # resting on the bin floor
    mujoco.mj_forward(arm.model, arm.data)
    out = _perceive(arm, camera)
    det = out["detections"]["red_cube"]
    assert det.method == "color_top_face" and det.confidence <= 0.5  # the bin's near wall hides its side
    assert np.linalg.norm(det.position - v.object_pos("red_cube")) < 0.004
    # Without depth the partly hidden cube is refused, not guessed from its cut silhouette.
    flat = _perceive(arm, camera, depth=False)
    assert "red_cube" not in flat["detections"]


def test_places_need_the_colour_method_with_depth_and_known_names() -> None:
    with pytest.raises(PerceptionConfigError, match="colour method and depth"):
        PerceptionConfig(camera="front", method="color", use_depth=False, places=("pad",))
    with pytest.raises(PerceptionConfigError, match="colour method and depth"):
        PerceptionConfig(camera="front", method="marker", places=("pad",))
    with pytest.raises(PerceptionConfigError, match="from pad, bin"):
        PerceptionConfig(camera="front", method="color", use_depth=True, places=("table",))


def test_a_frame_without_the_places_in_view_reports_none(arm: SimArm, camera: SimCamera) -> None:
    arm.reset_scene({"seed": 0})
    saved = arm.model.body_pos.copy()
    try:
        arm.model.body_pos[arm.view.pad_body] = (3.0, 3.0, -1.0)  # out of the camera's view
        mujoco.mj_forward(arm.model, arm.data)
        out = _perceive(arm, camera)
        assert "pad" not in out["scene"]["places"] and "bin" in out["scene"]["places"]
    finally:
        arm.model.body_pos[:] = saved
        mujoco.mj_forward(arm.model, arm.data)


@pytest.mark.parametrize("seed", [0, 1, 2, 5])
def test_cube_yaw_is_reported_in_the_range_the_sim_lays_cubes_out_in(arm: SimArm, camera: SimCamera,
                                                                      seed: int) -> None:
    """A learned policy saw quaternions of yaws in [-45, 45) degrees: the same cube at 80 degrees is -10."""
    arm.reset_scene({"seed": seed})
    out = _perceive(arm, camera)
    for name, det in out["detections"].items():
        w, z = det.quat[0], det.quat[3]
        yaw = np.degrees(2 * np.arctan2(z, w))
        q = arm.view.object_quat(name)
        truth = np.degrees(2 * np.arctan2(q[3], q[0]))
        assert -45.0 <= yaw < 45.0
        if abs(abs(truth) - 45.0) > 5.0:  # near +-45 either end of the range is the same cube
            assert abs(yaw - truth) < 5.0, (name, yaw, truth)
