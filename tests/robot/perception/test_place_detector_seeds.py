"""Pad and bin found on every seeded layout of the sim arm, with the depth the perception loop receives.

The sim arm publishes depth as 16UC1 millimetres (``robot.sim_camera_publisher``), so table pixels come back
up to about a millimetre above the table. Seed 14 once lost its bin for good: one grey-blue pixel where the
blue cube's edge meets the table, 1.1 mm "high", joined the bin's blob and stretched its footprint to
0.162 x 0.209 m (seeds 33 and 188: the same at the cube's height, 0.256 and 0.239 m). Frames at the
perception-loop settings (front camera, 320x240, shadows off), arm at home.
"""

from __future__ import annotations

from collections.abc import Iterator

import mujoco
import numpy as np
import pytest

from robot.perception import Perception, PerceptionConfig
from robot.perception.sim_camera import SimCamera
from robot.sim_arm import SimArm
from robot.sim_arm_config import SimArmConfig

# 0-29, and the layouts of 30-199 where a blended edge pixel once stretched the bin (33, 76, 188).
SEEDS = (*range(30), 33, 76, 188)


@pytest.fixture(scope="module")
def arm() -> SimArm:
    arm = SimArm(SimArmConfig(robot="panda", seed=0))
    arm.model.light_castshadow[:] = 0
    return arm


@pytest.fixture(scope="module")
def camera(arm: SimArm) -> Iterator[SimCamera]:
    with SimCamera(arm.model, "front", 320, 240) as cam:
        yield cam


def _places(arm: SimArm, cam: SimCamera) -> dict[str, list[float]]:
    config = PerceptionConfig(camera="front", method="color", use_depth=True, places=("pad", "bin"))
    perception = Perception(config, cam.camera_model())
    # As the sim arm's camera publisher sends it: whole millimetres, 0 where unknown.
    mm = np.round(cam.render_depth(arm.data) * 1000.0)
    depth = np.where((mm > 0) & (mm < 65535), mm, 0).astype(np.uint16)
    result = perception.process(cam.render_rgb(arm.data), "rgb8", 0.0, cam.camera_pose(arm.data), depth, "16UC1")
    places: dict[str, list[float]] = result.scene().get("places", {})
    return places


def test_pad_and_bin_are_found_on_every_seeded_layout(arm: SimArm, camera: SimCamera) -> None:
    errors: dict[str, list[float]] = {"pad": [], "bin": []}
    missed = []
    for seed in SEEDS:
        arm.reset_scene({"seed": seed})
        places = _places(arm, camera)
        for name, truth in (("pad", arm.view.pad_pos), ("bin", arm.view.bin_pos)):
            if name not in places:
                missed.append((seed, name))
            else:
                errors[name].append(float(np.linalg.norm(np.array(places[name][:2]) - truth[:2])))
    assert not missed, f"places not detected (seed, place): {missed}"
    # The task's tolerances are 3 cm (pad) and 7.5 cm (bin): these bounds leave it its margin. Measured on
    # seeds 0-199: at most 5.1 mm (pad) and 3.2 mm (bin); before the spur cut, seed 0's bin was 16 mm off.
    assert max(errors["pad"]) < 0.008 and max(errors["bin"]) < 0.008, errors


@pytest.mark.parametrize("seed", [3, 14, 22])
def test_no_bin_is_reported_when_the_bin_is_out_of_view(arm: SimArm, camera: SimCamera, seed: int) -> None:
    """The grey arm and the quantised table must not pass for a bin once the real one is gone."""
    arm.reset_scene({"seed": seed})
    bin_body = mujoco.mj_name2id(arm.model, mujoco.mjtObj.mjOBJ_BODY, "bin")
    saved = arm.model.body_pos.copy()
    try:
        arm.model.body_pos[bin_body] = (3.0, 3.0, -1.0)
        mujoco.mj_forward(arm.model, arm.data)
        places = _places(arm, camera)
        assert "bin" not in places and "pad" in places
    finally:
        arm.model.body_pos[:] = saved
        mujoco.mj_forward(arm.model, arm.data)
