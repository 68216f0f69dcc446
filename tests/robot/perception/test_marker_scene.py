"""``SceneConfig(marker_textures=True)`` only adds pictures: same bodies, masses and physics as without."""

from __future__ import annotations

import mujoco
import numpy as np

from sim import scene as scene_mod
from sim.scene import SceneConfig, build_scene


def test_marker_plates_are_visual_only_and_physics_is_unchanged() -> None:
    plain = build_scene(SceneConfig()).model
    marked = build_scene(SceneConfig(marker_textures=True)).model
    assert (plain.nbody, plain.njnt, plain.nq) == (marked.nbody, marked.njnt, marked.nq)
    assert marked.ngeom == plain.ngeom + len(SceneConfig().cubes) + 1  # one plate per cube, one on the pad
    assert np.array_equal(plain.body_mass, marked.body_mass)
    assert np.allclose(plain.body_inertia, marked.body_inertia)
    for color in SceneConfig().cubes:
        gid = mujoco.mj_name2id(marked, mujoco.mjtObj.mjOBJ_GEOM, f"{color}_cube_marker")
        assert marked.geom_contype[gid] == 0 and marked.geom_conaffinity[gid] == 0
        assert marked.mat_texid[marked.geom_matid[gid]].max() >= 0
    # Same state, same controls: identical trajectories (the plates never touch anything).
    runs = []
    for model in (plain, marked):
        data = mujoco.MjData(model)
        data.ctrl[:] = 0.1
        mujoco.mj_step(model, data, nstep=300)
        runs.append(data.qpos.copy())
    assert np.array_equal(runs[0], runs[1])
    assert scene_mod.CUBE_MARKER_IDS["red"] != scene_mod.PAD_MARKER_ID
