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


@pytest.mark.parametrize("target", ["target_pad", "bin"])
def test_the_rig_and_the_pickplace_task_judge_the_same_poses_alike(target: str) -> None:
    """One predicate (``sim.tasks.pick_place.at_target``): the rig's verdict on a ground-truth message equals the
    task's own success term in a real MuJoCo scene, cube released and at rest, on either side of each boundary."""
    import mujoco

    from sim.env import TabletopEnv
    from sim.tasks.base import TaskGoal

    env = TabletopEnv(task="pick_place", robot="panda")
    try:
        env.reset(seed=0)
        view, data = env.view, env.data
        cube = view.object_names[0]
        place = (view.bin_pos if target == "bin" else view.pad_pos).tolist()
        half = view.object_half(cube)
        z = 0.03 if target == "bin" else half
        reach = BIN_HALF if target == "bin" else min(PAD_TOLERANCE, PAD_HALF)
        verdicts = []
        for dy, dz in ((0.0, 0.0), (0.98, 0.0), (1.02, 0.0), (0.0, 0.035)):  # 0.065 m: above the rim
            qadr = view.object_qadr[cube]
            data.qpos[qadr:qadr + 7] = (place[0], place[1] + dy * reach, z + dz, 1.0, 0.0, 0.0, 0.0)
            data.qvel[:] = 0.0
            mujoco.mj_forward(env.scene.model, data)
            goal = TaskGoal(task="pick_place", instruction="", object=cube, target=target)
            task = env.task.reward_terms(view, goal)["success"] == 1.0
            truth = {"objects": [{"name": cube, "position": view.object_pos(cube).tolist()}],
                     "places": {"bin": view.bin_pos.tolist(), "pad": view.pad_pos.tolist()}}
            rig = placed(truth, cube, "bin" if target == "bin" else "pad")
            assert rig is task, (target, dy, dz, rig, task)
            verdicts.append(rig)
        assert verdicts == [True, True, False, False]  # both sides of the edge and of the height are exercised
    finally:
        env.close()
