"""The Reach marker box: the default draws every earlier dataset's markers, a randomisation level ('reach_home') or a
scene names another, and a bad box is refused with one line naming the field."""

from __future__ import annotations

import numpy as np
import pytest

from sim.env import TabletopEnv
from sim.errors import ConfigError
from sim.randomize import RANDOMIZATION_LEVELS, REACH_HOME_MARKERS, Randomization
from sim.scene import SceneConfig, build_scene
from sim.scene_view import SceneView
from sim.skills.home import home_tcp
from sim.tasks.base import phrase
from sim.tasks.reach import DEFAULT_MARKER_BOX, ReachTask


def test_the_default_box_draws_the_markers_and_words_of_every_earlier_dataset() -> None:
    scene = build_scene(SceneConfig())
    import mujoco

    view = SceneView(scene, mujoco.MjData(scene.model))
    task = ReachTask()
    for seed in range(5):
        goal = task.sample_goal(np.random.default_rng(seed), view)
        rng = np.random.default_rng(seed)  # the literal draws the task made before the box was configurable
        expected = (rng.uniform(0.35, 0.65), rng.uniform(-0.25, 0.25), rng.uniform(0.06, 0.3))
        np.testing.assert_array_equal(scene.model.body_pos[view.goal_body], expected)
        assert goal.instruction == phrase(rng, task.templates)
    assert "reach_markers" not in RANDOMIZATION_LEVELS["default"].to_dict()  # provenance as it was


def test_the_reach_home_level_draws_markers_around_both_robots_home() -> None:
    level = RANDOMIZATION_LEVELS["reach_home"]
    assert level.reach_markers == REACH_HOME_MARKERS
    assert Randomization.from_dict(level.to_dict()) == level  # the dataset metadata reads back
    for robot in ("panda", "ur5e"):
        env = TabletopEnv(task="reach", robot=robot, randomization="reach_home")
        try:
            low, high = np.array(REACH_HOME_MARKERS)
            home = home_tcp(env.view)
            assert np.all(home >= low) and np.all(home <= high), (robot, home)
            goals = np.array([env.reset(seed=s)[0]["goal_pos"] for s in range(40)])
        finally:
            env.close()
        assert np.all(goals >= low) and np.all(goals <= high)
        default_low, default_high = np.array(DEFAULT_MARKER_BOX)
        outside = np.any((goals < default_low) | (goals > default_high), axis=1)
        assert outside.sum() >= 10  # a third of this box lies outside the default one


@pytest.mark.parametrize(("box", "says"), [
    ([[0.5, 0.0, 0.1], [0.4, 0.1, 0.2]], "inverted on x"),
    ([[0.3, 0.0, 0.1], [0.5, 0.1, 0.9]], "leaves the controller workspace"),
    ([[0.3, 0.0, 0.1]], "two corners"),
    ([[0.3, 0.0], [0.5, 0.1]], "two corners"),
    ([[0.3, 0.0, "high"], [0.5, 0.1, 0.2]], "numbers"),
    ([[0.3, 0.0, float("nan")], [0.5, 0.1, 0.2]], "finite"),
    ("the home box", "two corners"),
])
def test_a_bad_marker_box_is_refused_naming_the_field(box: object, says: str) -> None:
    with pytest.raises(ConfigError, match=f"randomization reach_markers.*{says}") as exc:
        Randomization.from_dict({"reach_markers": box})
    assert "\n" not in str(exc.value)
    with pytest.raises(ConfigError, match=f"scene reach_markers.*{says}"):
        TabletopEnv(task="reach", scene={"reach_markers": box})


def test_a_scene_box_and_a_different_level_box_are_refused_together() -> None:
    with pytest.raises(ConfigError, match="give one"):
        TabletopEnv(task="reach", randomization="reach_home",
                    scene={"reach_markers": [[0.3, 0.0, 0.1], [0.5, 0.1, 0.2]]})
    box = ((0.3, 0.0, 0.1), (0.31, 0.0, 0.1))  # a scene's own box works without the level
    env = TabletopEnv(task="reach", randomization="none", scene={"reach_markers": [list(c) for c in box]})
    try:
        goal = env.reset(seed=1)[0]["goal_pos"]
    finally:
        env.close()
    assert 0.3 <= goal[0] <= 0.31 and goal[1] == 0.0 and goal[2] == pytest.approx(0.1)
