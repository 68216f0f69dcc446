"""The built-in models carry the real joint names, limits and kinematics of their constants."""

import mujoco
import numpy as np
import pytest

from sim import PANDA, UR5E, ModelUnavailableError, UnknownNameError, build_scene, get_robot
from sim.robots import build_robot_spec
from sim.robots.menagerie import load_menagerie_spec, menagerie_path
from sim.scene import SceneConfig


@pytest.mark.parametrize("spec", [PANDA, UR5E])
def test_model_matches_constants(spec) -> None:  # type: ignore[no-untyped-def]
    model = build_robot_spec(spec.name).compile()
    for i, name in enumerate(spec.arm_joints):
        jid = mujoco.mj_name2id(model, mujoco.mjtObj.mjOBJ_JOINT, name)
        assert jid >= 0, name
        np.testing.assert_allclose(model.jnt_range[jid], (spec.lower[i], spec.upper[i]), atol=1e-6)
        aid = mujoco.mj_name2id(model, mujoco.mjtObj.mjOBJ_ACTUATOR, name)
        np.testing.assert_allclose(model.actuator_forcerange[aid], (-spec.effort_limits[i], spec.effort_limits[i]))
    for name in spec.gripper_joints:
        assert mujoco.mj_name2id(model, mujoco.mjtObj.mjOBJ_JOINT, name) >= 0
    assert model.nu == len(spec.arm_joints) + len(spec.gripper_joints)
    # Plausible masses: a Panda arm weighs ~18 kg, a UR5e ~20 kg.
    assert 12.0 < float(model.body_mass.sum()) < 30.0


def test_ros_joint_names() -> None:
    assert PANDA.arm_joints == tuple(f"panda_joint{i}" for i in range(1, 8))
    assert PANDA.gripper_joints == ("panda_finger_joint1", "panda_finger_joint2")
    assert UR5E.arm_joints == ("shoulder_pan_joint", "shoulder_lift_joint", "elbow_joint",
                               "wrist_1_joint", "wrist_2_joint", "wrist_3_joint")


@pytest.mark.parametrize(("spec", "expected"), [(PANDA, (0.307, 0.0, 0.487)), (UR5E, (0.492, 0.134, 0.333))])
def test_home_pose_tool_points_down(spec, expected) -> None:  # type: ignore[no-untyped-def]
    """Forward kinematics at home: Franka's documented ready pose puts the TCP at (0.307, 0, 0.487)."""
    model = build_robot_spec(spec.name).compile()
    data = mujoco.MjData(model)
    mujoco.mj_resetDataKeyframe(model, data, 0)
    mujoco.mj_kinematics(model, data)
    site = mujoco.mj_name2id(model, mujoco.mjtObj.mjOBJ_SITE, "tcp")
    np.testing.assert_allclose(data.site_xpos[site], expected, atol=2e-3)
    z_axis = data.site_xmat[site].reshape(3, 3)[:, 2]
    np.testing.assert_allclose(z_axis, (0, 0, -1), atol=1e-3)


@pytest.mark.parametrize("robot", ["panda", "ur5e"])
def test_holds_home_under_gravity(robot: str) -> None:
    scene = build_scene(SceneConfig(robot=robot))
    model, data = scene.model, mujoco.MjData(scene.model)
    spec = get_robot(robot)
    n = spec.n_arm
    data.qpos[:n] = spec.home
    data.ctrl[:n] = spec.home
    data.ctrl[n:] = spec.gripper_open
    mujoco.mj_step(model, data, nstep=1000)
    np.testing.assert_allclose(data.qpos[:n], spec.home, atol=2e-3)


def test_unknown_robot() -> None:
    with pytest.raises(UnknownNameError, match="panda, ur5e"):
        get_robot("iiwa")


def test_menagerie_missing_is_a_clear_error(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("MENAGERIE_ROOT", raising=False)
    with pytest.raises(ModelUnavailableError, match="MENAGERIE_ROOT"):
        menagerie_path("panda")
    with pytest.raises(ModelUnavailableError, match="holds no ur5e model"):
        menagerie_path("ur5e", root=tmp_path)
    with pytest.raises(UnknownNameError, match="menagerie robot"):
        menagerie_path("spot", root=tmp_path)


def test_menagerie_loads_from_a_local_root(tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "franka_emika_panda"
    folder.mkdir()
    (folder / "panda.xml").write_text("<mujoco><worldbody><body name='link0'/></worldbody></mujoco>")
    spec = load_menagerie_spec("panda", root=tmp_path)
    assert spec.body("link0") is not None
