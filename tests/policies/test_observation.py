"""The policy's input features: widths per adapter and the named cube's task frame."""

from __future__ import annotations

import numpy as np
import pytest

from policies.errors import PolicyError
from policies.observation import TASK_FRAME_DIM, ObservationLayout, features, referenced_object

ARM = tuple(f"panda_joint{i}" for i in range(1, 8))
OBJECTS = ("red_cube", "green_cube", "blue_cube")


def _inputs(ee: tuple[float, float, float], cube: tuple[float, float, float],
            goal: tuple[float, float, float]) -> tuple[np.ndarray, np.ndarray]:
    state = np.zeros((1, 2 * len(ARM) + 8))
    state[0, 14:17] = ee
    state[0, 17] = 1.0  # identity quaternion
    env = np.zeros((1, 7 * len(OBJECTS) + 3))
    for i in range(len(OBJECTS)):
        env[0, 7 * i : 7 * i + 7] = (0.5, 0.2 * i - 0.2, 0.02, 1.0, 0.0, 0.0, 0.0)
    env[0, 7:10] = cube  # green_cube is the named one below
    env[0, -3:] = goal
    return state, env


def test_v2_adds_the_tcp_in_the_named_cubes_push_frame() -> None:
    v1 = ObservationLayout(robot="panda", arm_joints=ARM, objects=OBJECTS, adapter="state_text_v1")
    v2 = ObservationLayout(robot="panda", arm_joints=ARM, objects=OBJECTS, adapter="state_text_v2")
    assert v2.feature_dim == v1.feature_dim + TASK_FRAME_DIM
    # The goal lies 0.1 m in +y of the cube; the hand 3 cm behind it (-y) and 1 cm to the side (+x).
    state, env = _inputs(ee=(0.51, -0.03, 0.05), cube=(0.5, 0.0, 0.02), goal=(0.5, 0.1, 0.02))
    f1 = features(v1, state, env, np.array([1]))
    f2 = features(v2, state, env, np.array([1]))
    np.testing.assert_array_equal(f2[:, : v1.feature_dim], f1)
    along, across, height, dist, line_s, line_c, cube_s, cube_c = f2[0, v1.feature_dim :]
    assert along == pytest.approx(-0.03, abs=1e-6)
    assert across == pytest.approx(-0.01, abs=1e-6)  # right of the line when looking along the push
    assert height == pytest.approx(0.03, abs=1e-6)
    assert dist == pytest.approx(0.1, abs=1e-6)
    # Identity tool and cube orientations: the line (+y) is a quarter turn from the tool's x axis.
    assert (line_s, line_c) == (pytest.approx(0.0, abs=1e-6), pytest.approx(-1.0))
    assert (cube_s, cube_c) == (pytest.approx(0.0, abs=1e-6), pytest.approx(1.0))
    # The hand on the goal side of the cube reads as ahead of it: that is what tells push from approach.
    state, env = _inputs(ee=(0.5, 0.035, 0.03), cube=(0.5, 0.0, 0.02), goal=(0.5, 0.1, 0.02))
    assert features(v2, state, env, np.array([1]))[0, v1.feature_dim] == pytest.approx(0.035, abs=1e-6)
    # No cube named (reach): the frame is zero rather than a made-up cube's.
    assert not features(v2, state, env, np.array([3]))[0, v1.feature_dim :].any()


def test_wrong_widths_are_refused() -> None:
    v2 = ObservationLayout(robot="panda", arm_joints=ARM, objects=OBJECTS, adapter="state_text_v2")
    state, env = _inputs(ee=(0.5, 0.0, 0.1), cube=(0.5, 0.0, 0.02), goal=(0.5, 0.1, 0.02))
    with pytest.raises(PolicyError, match="environment state"):
        features(v2, state, env[:, :-1])


def test_tool_yaw_against_the_cube_matches_the_simulator() -> None:
    import gymnasium as gym

    from policies.observation import split_env_observation

    env = gym.make("armstack/PickPlace-v0", robot="panda", randomization="default")
    obs, _ = env.reset(seed=5)
    u = env.unwrapped
    layout = ObservationLayout.for_env(u)
    layout = ObservationLayout(robot=layout.robot, arm_joints=layout.arm_joints, objects=layout.objects,
                               adapter="state_text_v2")
    for _ in range(15):
        obs, *_ = env.step(env.action_space.sample())
    state, env_state, _ = split_env_observation(layout, obs)
    focus = layout.objects.index(u.goal.object)
    f = features(layout, state, env_state, np.array([focus]))[0, -TASK_FRAME_DIM:]
    rel = u.view.object_yaw(u.goal.object) - u.view.tcp_yaw
    # Observation noise is on (1 mm / 1 mrad scale), so the match is close, not exact.
    assert f[6] == pytest.approx(np.sin(4 * rel), abs=0.05) and f[7] == pytest.approx(np.cos(4 * rel), abs=0.05)
    env.close()


def test_the_named_object_is_the_first_scene_object_a_task_template_names_for_every_scene_colour() -> None:
    """The grounding reads the layout's own ``<colour>_<kind>`` names, not a colour list of its own: every colour
    of the scene's palette (``sim.scene.COLORS``) in every task template is found, so the two cannot diverge."""
    from sim.scene import COLORS
    from sim.tasks import TASKS
    from sim.tasks.base import ObjectPhrase

    objects = tuple(f"{c}_cube" for c in COLORS)
    layout = ObservationLayout(robot="panda", arm_joints=ARM, objects=objects)
    templates = [t for task in TASKS.values() for t in task.templates if "{obj" in t]
    assert len(templates) >= 15
    for j, name in enumerate(objects):
        base = objects[(j + 1) % len(objects)]
        for template in templates:
            text = template.format(obj=ObjectPhrase(name.split("_")[0], "cube"),
                                   base=ObjectPhrase(base.split("_")[0], "cube"))
            first = name if "{base" not in template or template.index("{obj") < template.index("{base") else base
            assert referenced_object(layout, text) == objects.index(first), text
    # A cylinder is named by its shape; a word that is no object's colour, or a synonym the planner reads
    # ("crimson"), names nothing here: what a checkpoint attends to stays what it was trained on.
    mixed = ObservationLayout(robot="panda", arm_joints=ARM, objects=("red_cube", "yellow_cylinder"))
    assert referenced_object(mixed, "push the yellow cylinder onto the pad") == 1
    assert referenced_object(mixed, "put the yellow cube on the pad") == 2
    assert referenced_object(mixed, "put the green cube in the bin") == 2  # not in this layout
    for text in ("put the white cube on the pad", "put the crimson cube on the pad", "reach the orange marker"):
        assert referenced_object(layout, text) == len(objects), text
