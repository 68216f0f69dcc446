"""The perception loop judges success on ground truth with the simulator's own sizes (sim.scene, PickPlace)."""

from __future__ import annotations

import pytest

from robot.ros_rig.perception_loop import placed
from sim.scene import BIN_HALF, BIN_HEIGHT, CUBE_HALF, PAD_HALF
from sim.tasks.pick_place import PAD_TOLERANCE

PAD, BIN = (0.5, 0.1, 0.0), (0.3, -0.2, 0.0)


def truth(x: float, y: float, z: float) -> dict[str, object]:
    return {"objects": [{"name": "red_cube", "position": [x, y, z]}], "places": {"pad": list(PAD), "bin": list(BIN)}}


@pytest.mark.parametrize(("dx", "dz", "expected"), [
    (0.0, 0.0, True), (0.99, 0.0, True), (1.01, 0.0, False), (0.0, 0.011 / CUBE_HALF, False)])
def test_on_the_pad_within_the_tasks_tolerance(dx: float, dz: float, expected: bool) -> None:
    reach = min(PAD_TOLERANCE, PAD_HALF)
    assert placed(truth(PAD[0] + dx * reach, PAD[1], CUBE_HALF * (1 + dz)), "red_cube", "pad") is expected
    assert not placed(truth(PAD[0], PAD[1], CUBE_HALF), "red_cube", "bin")


@pytest.mark.parametrize(("dy", "z", "expected"), [
    (0.0, 0.03, True), (0.99, 0.03, True), (1.01, 0.03, False), (0.0, BIN_HEIGHT + 0.001, False)])
def test_in_the_bin_within_its_walls_and_below_its_rim(dy: float, z: float, expected: bool) -> None:
    assert placed(truth(BIN[0], BIN[1] + dy * BIN_HALF, z), "red_cube", "bin") is expected
