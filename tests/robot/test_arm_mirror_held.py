"""ArmMirror: a cube in the hand follows the hand, not late object poses; measurements take over after release.

Why it matters: object poses from a camera arrive a frame or more after the joint states and see the held
cube half hidden; written into the mirror while the arm lifts, they would put the cube below the fingers,
and the expert would see it dropped and let go (tests/robot/perception/test_perception_loop_ros.py).
"""

from __future__ import annotations

import mujoco
import numpy as np

from robot.safety.arm_mirror import ArmMirror


def _tcp_pose(mirror: ArmMirror) -> list[float]:
    v, d = mirror.view, mirror.data
    quat = np.empty(4)
    mujoco.mju_mat2Quat(quat, d.site_xmat[v.tcp_id])
    return [*d.site_xpos[v.tcp_id].tolist(), *quat.tolist()]


def test_a_held_cube_is_carried_and_late_poses_are_ignored_until_release_or_drop() -> None:
    mirror = ArmMirror("panda")
    v = mirror.view
    home = np.array(mirror.scene.robot.home)
    half = v.object_half("red_cube")
    mirror.set_arm(home, mirror.scene.robot.gripper_open)
    grasp = _tcp_pose(mirror)  # the cube centred between the pads, its faces square to them
    mirror.set_arm(home, half)  # fingers closed on the cube's faces
    mirror.set_objects({"red_cube": grasp})
    assert v.is_grasped("red_cube")

    lifted = home.copy()
    lifted[1] -= 0.2  # shoulder: the hand moves up and back
    mirror.set_arm(lifted, half)
    carried = v.object_pos("red_cube").copy()
    assert np.linalg.norm(carried - np.array(grasp[:3])) > 0.05  # moved with the hand
    mirror.set_objects({"red_cube": grasp})  # a late measurement from before the lift
    assert np.allclose(v.object_pos("red_cube"), carried) and v.is_grasped("red_cube")
    # The cube slips towards one finger (one opens 5 mm, the other closes as much): it is still held, by both.
    mirror.set_arm(lifted, np.array([half + 0.005, half - 0.005]))
    assert v.is_grasped("red_cube")
    mirror.set_objects({"red_cube": grasp})
    assert v.is_grasped("red_cube") and np.linalg.norm(v.object_pos("red_cube") - carried) < 0.006

    # Fingers closed past the cube: it is no longer between them, and the measurement is taken.
    mirror.set_arm(lifted, half - 0.01)
    mirror.set_objects({"red_cube": grasp})
    assert np.allclose(v.object_pos("red_cube"), grasp[:3])

    # Released (fingers open): measurements are taken again, wherever the cube came to rest.
    mirror.set_arm(home, half)
    mirror.set_objects({"red_cube": grasp})
    assert v.is_grasped("red_cube")
    mirror.set_arm(lifted, mirror.scene.robot.gripper_open)
    table = [0.5, 0.1, half, 1.0, 0.0, 0.0, 0.0]
    mirror.set_objects({"red_cube": table})
    assert np.allclose(v.object_pos("red_cube"), table[:3]) and not v.is_grasped("red_cube")
