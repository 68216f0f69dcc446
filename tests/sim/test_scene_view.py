"""SceneView.is_grasped: both finger pads on opposite faces of the cube, never two pads pushing one face."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sim.env import TabletopEnv
from sim.skills import make_skill, run_skill


@pytest.fixture(scope="module")
def env() -> Iterator[TabletopEnv]:
    e = TabletopEnv(task="pick_place", robot="panda", max_steps=10**9, terminate_on_success=False)
    yield e
    e.close()


def _both_pads_touch(env: TabletopEnv, name: str) -> bool:
    v = env.view
    pairs, g = v.contact_pairs(), v.object_geom[name]
    return all((min(f, g), max(f, g)) in pairs for f in v.finger_geoms)


def test_closed_fingers_pushing_one_face_are_no_grasp_but_a_pick_is(env: TabletopEnv) -> None:
    # Panda seed 2: the closed fingers push the red cube left with both pads on its right face for several
    # steps (measured: 9); each of those once read as a grasp, and the bridge's mirror carried the cube.
    env.reset(seed=2)
    step = env.controller.config.max_pos_step
    touching, grasped = [], []

    def watch(_: object) -> None:
        touching.append(_both_pads_touch(env, "red_cube"))
        grasped.append(env.view.is_grasped("red_cube"))

    outcome, _ = run_skill(env, make_skill(env.view, "push", {"object": "red_cube", "direction": "left"}, step),
                           on_step=watch)
    assert outcome.success, outcome.reason
    assert sum(touching) >= 3 and not any(grasped)

    env.reset(seed=2)
    outcome, _ = run_skill(env, make_skill(env.view, "pick", {"object": "red_cube"}, step))
    assert outcome.success, outcome.reason
    assert _both_pads_touch(env, "red_cube") and env.view.is_grasped("red_cube")
