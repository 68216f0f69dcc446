"""The opt-in object set (issue 19 item 4): shapes and colours by name, the default scene untouched."""

from __future__ import annotations

import json
from pathlib import Path

import gymnasium as gym
import mujoco
import numpy as np
import pytest

import sim
from sim import ConfigError, SceneConfig, UnknownNameError, build_scene
from sim.env import TabletopEnv
from sim.randomize import RANDOMIZATION_LEVELS, Randomization, RandomizationSampler
from sim.regression.golden import load_golden
from sim.rollout import run_episode
from sim.scene import CUBE_HALF
from sim.scene_view import SceneView
from sim.tasks.base import ObjectPhrase

GOLDEN = Path(sim.__file__).parent / "regression" / "golden"
MIXED = ("yellow_cylinder", "blue_cube", "purple_sphere")


@pytest.mark.parametrize("golden", ["panda_stack.npz", "ur5e_push.npz"])
def test_default_scene_is_the_model_the_goldens_were_recorded_on(golden: str) -> None:
    meta, _ = load_golden(GOLDEN / golden)
    env = TabletopEnv(task=meta["task"], robot=meta["robot"], randomization=meta["randomization"],
                      max_steps=meta["env"]["max_steps"])
    assert env.model_sha256 == meta["model_sha256"]
    assert env.scene.object_names == ("red_cube", "green_cube", "blue_cube")
    # Naming the default cubes as an object set builds the same model; the provenance gains no key.
    same = TabletopEnv(task=meta["task"], robot=meta["robot"], randomization=meta["randomization"],
                       max_steps=meta["env"]["max_steps"],
                       scene=SceneConfig(robot=meta["robot"], objects=("red_cube", "green_cube", "blue_cube")))
    assert same.model_sha256 == meta["model_sha256"]
    assert "objects" not in env.provenance()["randomization"]


def test_default_instructions_are_the_ones_before_shapes() -> None:
    # Recorded with the code before the object set (commit 00ce207~1), seeds 0-11 of Tabletop, level default.
    before = ["put the green cube on the red cube", "slide the blue cube to the white pad",
              "place the green block on the blue block", "stack the red cube on top of the blue cube",
              "put the blue cube on the pad", "throw the green block in the bin",
              "push the red cube over to the target",
              "pick up the green cube and put it on the red one", "set the red cube down on the pad",
              "push the blue cube onto the pad", "stack the green cube on top of the blue cube",
              "reach the orange marker"]
    env = gym.make("armstack/Tabletop-v0", randomization="default")
    assert [env.reset(seed=s)[1]["instruction"] for s in range(12)] == before


def test_templates_name_the_shape() -> None:
    assert f"{ObjectPhrase('yellow', 'cylinder')}" == "yellow cylinder"
    assert "{o:block} {c:block} {o:colour}".format(o=ObjectPhrase("purple", "sphere"),
                                                   c=ObjectPhrase("red", "cube")) == "purple ball red block purple"
    nouns = {"cylinder": ("cylinder",), "cube": ("cube", "block"), "sphere": ("sphere", "ball")}
    env = gym.make("armstack/Stack-v0", randomization="shapes")
    for seed in range(8):
        _, info = env.reset(seed=seed)
        for name in (info["object"], info["target"]):
            color, shape = name.split("_")
            assert color in info["instruction"], info
            if "one" not in info["instruction"].split():  # 'put it on the orange one' names no shape
                assert any(f"{color} {noun}" in info["instruction"] for noun in nouns[shape]), info


def test_shapes_level_keeps_the_observation_layout() -> None:
    env = gym.make("armstack/PickPlace-v0", randomization="shapes")
    obs, _ = env.reset(seed=0)
    scene = env.unwrapped.scene
    assert scene.object_names == MIXED == RANDOMIZATION_LEVELS["shapes"].objects
    assert obs["object_poses"].shape == (3, 7) and env.observation_space["object_poses"].shape == (3, 7)
    view = env.unwrapped.view
    types = [int(scene.model.geom_type[view.object_geom[n]]) for n in MIXED]
    assert types == [int(mujoco.mjtGeom.mjGEOM_CYLINDER), int(mujoco.mjtGeom.mjGEOM_BOX),
                     int(mujoco.mjtGeom.mjGEOM_SPHERE)]
    for k, name in enumerate(MIXED):  # every object rests on the table at its own half height
        assert obs["object_poses"][k, 2] == pytest.approx(view.object_half(name), abs=0.004)
        assert view.object_shape(name) == name.split("_")[1]
    assert env.unwrapped.provenance()["randomization"]["objects"] == list(MIXED)


def test_randomised_size_gives_each_shape_mujocos_own_inertia_and_bounds() -> None:
    """At the nominal size and mass the sampler writes what MuJoCo's compiler computed for each solid."""
    scene = build_scene(SceneConfig(objects=MIXED))
    nominal = {k: getattr(scene.model, k).copy() for k in ("geom_size", "geom_rbound", "geom_aabb", "body_inertia")}
    fixed = Randomization(cube_half_size=(CUBE_HALF, CUBE_HALF), object_mass=(0.1, 0.1))
    RandomizationSampler(scene, fixed).apply(np.random.default_rng(0))
    for key, value in nominal.items():
        np.testing.assert_allclose(getattr(scene.model, key), value, rtol=1e-6, atol=1e-12, err_msg=key)
    params = RandomizationSampler(scene, RANDOMIZATION_LEVELS["shapes"]).apply(np.random.default_rng(1))
    view = SceneView(scene, mujoco.MjData(scene.model))
    for name in MIXED:
        assert view.object_half(name) == pytest.approx(params["objects"][name]["half_size"])


@pytest.mark.parametrize(("objects", "message"), [
    (("pink_cube",), r"^unknown object colour in 'pink_cube' 'pink'; valid options: blue, green, orange, purple, red, "
                     r"yellow$"),
    (("red_cone",), r"^unknown object shape in 'red_cone' 'cone'; valid options: cube, cylinder, sphere$"),
    (("redcube",), r"^unknown object colour in 'redcube' 'redcube'; valid options: blue, .*yellow$"),
])
def test_bad_object_names_are_refused_with_the_valid_ones(objects: tuple[str, ...], message: str) -> None:
    for make in (lambda: SceneConfig(objects=objects), lambda: Randomization.from_dict({"objects": list(objects)}),
                 lambda: gym.make("armstack/Push-v0", scene={"objects": list(objects)})):
        with pytest.raises(UnknownNameError, match=message) as err:
            make()
        assert "\n" not in str(err.value)


def test_ambiguous_object_sets_are_refused() -> None:
    with pytest.raises(ConfigError, match="colours must be distinct"):
        SceneConfig(objects=("red_cube", "red_sphere"))
    with pytest.raises(ConfigError, match=r"either cubes .* or objects"):
        SceneConfig(cubes=("red",), objects=("red_cube",))
    with pytest.raises(ConfigError, match=r"the scene names objects .* and the randomization objects"):
        gym.make("armstack/Push-v0", randomization="shapes", scene={"objects": ["red_cube", "blue_cylinder"]})
    env = gym.make("armstack/Stack-v0", randomization={"objects": ["red_sphere", "blue_sphere"]})
    with pytest.raises(ConfigError, match=r"stack needs an object with a flat top \(cube, cylinder\)"):
        env.reset(seed=0)


def test_stack_never_builds_on_a_sphere() -> None:
    env = gym.make("armstack/Stack-v0", randomization="shapes")
    targets = {env.reset(seed=s)[1]["target"] for s in range(40)}
    assert targets == {"yellow_cylinder", "blue_cube"}


def _settle(env: TabletopEnv, placements: dict[str, tuple[float, float, float]], steps: int = 15) -> dict:
    """Put objects where ``placements`` says (centre x, y and height above the table top of the object under it),
    let them settle with the hand at home, open; the last step's info."""
    view = env.view
    for name, (x, y, z) in placements.items():
        adr = view.object_qadr[name]
        env.data.qpos[adr:adr + 7] = (x, y, z, 1.0, 0.0, 0.0, 0.0)
    mujoco.mj_forward(env.model, env.data)
    info: dict = {}
    for _ in range(steps):
        _, _, _, _, info = env.step(np.array([0.0, 0.0, 0.0, 0.0, -1.0]))
    return info


@pytest.mark.parametrize(("top", "base"), [("blue_cube", "yellow_cylinder"), ("purple_sphere", "blue_cube"),
                                           ("yellow_cylinder", "blue_cube")])
def test_stack_success_reads_each_shapes_height(top: str, base: str) -> None:
    env = gym.make("armstack/Stack-v0", randomization="shapes", terminate_on_success=False).unwrapped
    for seed in range(20):  # a seed whose goal is this pair
        _, info = env.reset(seed=seed)
        if (info["object"], info["target"]) == (top, base):
            break
    else:
        pytest.skip(f"no seed in 0-19 draws {top} on {base}")
    view = env.view
    bx, by = view.object_pos(base)[:2].copy()
    h_base, h_top = view.object_half(base), view.object_half(top)
    assert _settle(env, {base: (bx, by, h_base), top: (bx, by, 2 * h_base + h_top + 0.001)})["is_success"]
    # Beside the base, on the table: no stack.
    assert not _settle(env, {base: (bx, by, h_base), top: (bx, by + 0.08 * np.sign(-by or 1), h_top)})["is_success"]


SEEDS = range(10)


@pytest.mark.slow
@pytest.mark.parametrize("task", ["Push", "PickPlace", "Stack"])
def test_experts_solve_each_shape(task: str) -> None:
    """k of n: the expert of each task on the mixed set (level 'shapes'), seeds 0-9, at least 8 of 10.

    Measured with ``bench/expert_shapes.py --seeds 120`` (panda, seeds 0-119, niced at load 9-10): Push 110/120
    (cube 43/44, cylinder 37/39, sphere 30/37), PickPlace 119/120 (cylinder 38/39, others all), Stack 119/120
    (cube on cylinder 27/28, the rest all); seeds 0-9 succeeded in all three, so the bound leaves two failures of
    margin for another CPU's rounding.
    """
    env = gym.make(f"armstack/{task}-v0", randomization="shapes")
    results = [run_episode(env.unwrapped, seed) for seed in SEEDS]
    env.close()
    shapes = {r.info["object"].split("_")[1] for r in results}
    assert shapes == {"cylinder", "cube", "sphere"}
    failed = [r.seed for r in results if not r.success]
    assert len(failed) <= 2, f"{task}: failed seeds {failed}"


@pytest.mark.slow
def test_datagen_with_the_object_set_reads_back(tmp_path: Path) -> None:
    from sim.datagen import DatagenConfig, run_datagen
    from sim.dataset import DatasetReader, verify_dataset

    config = DatagenConfig(env_id="armstack/PickPlace-v0", randomization="shapes", episodes=2, obs=("state",),
                           seed=3, out=str(tmp_path / "ds"))
    summary = run_datagen(config, progress=False)
    assert summary["episodes"] == 2 and verify_dataset(tmp_path / "ds").ok
    info = json.loads((tmp_path / "ds" / "meta" / "info.json").read_text())
    names = info["features"]["observation.environment_state"]["names"]
    assert names[:8] == ["yellow_cylinder.x", "yellow_cylinder.y", "yellow_cylinder.z", "yellow_cylinder.qw",
                         "yellow_cylinder.qx", "yellow_cylinder.qy", "yellow_cylinder.qz", "blue_cube.x"]
    with DatasetReader(tmp_path / "ds") as reader:
        for k in range(2):
            episode = reader.episode(k)
            assert any(shape in episode["task"] for shape in ("cylinder", "cube", "sphere", "ball", "block"))
            assert np.asarray(episode["observation.environment_state"]).shape[1] == 3 * 7 + 3
