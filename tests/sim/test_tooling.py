"""Vector envs, video writing, provenance, GL selection and the render command."""

import json
import subprocess
import sys

import av
import gymnasium as gym
import numpy as np
import pytest

from sim import build_scene, make_vector_env
from sim.provenance import model_sha256
from sim.render import select_gl_backend, tile, write_video
from sim.scene import SceneConfig


def test_sync_vector_env_steps() -> None:
    venv = make_vector_env("armstack/Reach-v0", num_envs=2, asynchronous=False)
    obs, _ = venv.reset(seed=0)
    assert obs["joint_pos"].shape == (2, 7)
    obs, reward, _term, _trunc, _info = venv.step(np.zeros((2, 5), dtype=np.float32))
    assert reward.shape == (2,)
    venv.close()


@pytest.mark.slow
def test_async_vector_env_steps() -> None:
    venv = make_vector_env("armstack/Reach-v0", num_envs=2)
    obs, _ = venv.reset(seed=[1, 2])
    assert not np.allclose(obs["joint_pos"][0], obs["joint_pos"][1])
    venv.step(np.zeros((2, 5), dtype=np.float32))
    venv.close()


def test_write_video_is_decodable(tmp_path) -> None:  # type: ignore[no-untyped-def]
    frames = [np.full((48, 64, 3), i * 20, dtype=np.uint8) for i in range(10)]
    path = write_video(tmp_path / "v.mp4", frames, fps=20)
    with av.open(str(path)) as container:
        decoded = list(container.decode(video=0))
    assert len(decoded) == 10 and decoded[0].width == 64
    assert not list(tmp_path.glob(".*partial"))


def test_tile() -> None:
    grid = tile([np.zeros((4, 5, 3), np.uint8)] * 3, columns=2)
    assert grid.shape == (8, 10, 3)


def test_model_hash_is_stable_and_sensitive() -> None:
    a = build_scene(SceneConfig()).model
    b = build_scene(SceneConfig()).model
    assert model_sha256(a) == model_sha256(b)
    b.geom_friction[0, 0] += 0.1
    assert model_sha256(a) != model_sha256(b)
    assert model_sha256(build_scene(SceneConfig(robot="ur5e")).model) != model_sha256(a)


def test_provenance_records_versions_seed_and_configs() -> None:
    env = gym.make("armstack/Stack-v0")
    env.reset(seed=42)
    prov = env.unwrapped.provenance()
    assert prov["seed"] == 42 and prov["versions"]["mujoco"]
    assert prov["env"]["n_substeps"] == 25 and "max_pos_step" in prov["controller"]
    json.dumps(prov)


def test_gl_backend_respects_user_choice(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MUJOCO_GL", "osmesa")
    assert select_gl_backend() == "osmesa"


def test_render_command_writes_video(tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "reach.mp4"
    proc = subprocess.run(
        [sys.executable, "-m", "armstack.cli", "render", "--env", "armstack/Reach-v0", "--episodes", "2",
         "--out", str(out), "--width", "160", "--height", "120"],
        capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)
    assert len(summary["episodes"]) == 2 and out.stat().st_size > 1000
    with av.open(str(out)) as container:
        assert sum(1 for _ in container.decode(video=0)) > 10


def test_render_command_bad_env_is_clear() -> None:
    proc = subprocess.run([sys.executable, "-m", "armstack.cli", "render", "--env", "armstack/Fold-v0"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 2 and "unknown env id 'armstack/Fold-v0'" in proc.stderr
