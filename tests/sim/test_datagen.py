"""The data factory: round trip, determinism across workers and backends, kill-and-resume, bad input.

The determinism checks compare datasets bit for bit, and that is the point (a resumed or parallel run must be
the uninterrupted one). Both datasets of a comparison are made in the same test on one machine and one build
of MuJoCo, numpy and the codecs (checked on an Intel Xeon, Sapphire Rapids, x86-64); no dataset recorded
elsewhere is compared, so another CPU's rounding cannot fail them. Only a fresh render against its stored,
lossily encoded video is compared with a tolerance; two datasets are compared exactly, video included.
"""

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from sim import ConfigError, UnknownNameError
from sim.datagen import DatagenConfig, DatagenError, attempt_seed, run_datagen
from sim.datagen.driver import _contiguous_successes
from sim.datagen.episode import run_attempt
from sim.dataset import DatasetReader, verify_dataset


def _config(out: Path, **kw) -> DatagenConfig:  # type: ignore[no-untyped-def]
    base = {"env_id": "armstack/Tabletop-v0", "episodes": 4, "obs": ("state", "rgb"), "cameras": ("front",),
            "image_size": 32, "seed": 7, "out": str(out)}
    return DatagenConfig(**{**base, **kw})


def _content(root: Path) -> dict[str, object]:
    """Everything a dataset holds, decoded: per episode all columns and video frames, plus the tasks."""
    reader = DatasetReader(root)
    episodes = [reader.episode(k) for k in range(reader.num_episodes)]
    reader.close()
    return {"episodes": episodes, "tasks": [e["task"] for e in episodes]}


def _video_evidence(a: Path, b: Path) -> str:
    """Where two datasets' decoded frames part: whether their mp4 files hold the same bytes (then decoding
    differs) or not (then rendering or encoding did), and which episodes' frames differ."""
    fa, fb = (json.loads((d / "manifest.json").read_text())["files"] for d in (a, b))
    videos = sorted(k for k in fa if k.startswith("videos/"))
    same = {k: fa[k]["sha256"] == fb.get(k, {}).get("sha256") for k in videos}
    meta = [(d / "meta/armstack_episodes.jsonl").read_text().splitlines() for d in (a, b)]
    attempts = [json.loads(line)["attempt"] for line in meta[0]]
    return f"mp4 bytes equal per file: {same}; episode attempts: {attempts}"


def _assert_same_content(a: Path, b: Path) -> None:
    ca, cb = _content(a), _content(b)
    assert ca["tasks"] == cb["tasks"]
    for k, (ea, eb) in enumerate(zip(ca["episodes"], cb["episodes"], strict=True)):  # type: ignore[call-overload]
        assert set(ea) == set(eb)
        for key in ea:
            if isinstance(ea[key], np.ndarray):
                if key.startswith("observation.images.") and not np.array_equal(ea[key], eb[key]):
                    frames = np.flatnonzero((ea[key] != eb[key]).reshape(len(ea[key]), -1).any(axis=1))
                    pytest.fail(f"episode {k} {key}: frames {frames.tolist()} differ; {_video_evidence(a, b)}")
                np.testing.assert_array_equal(ea[key], eb[key], err_msg=key)
            else:
                assert ea[key] == eb[key], key


def test_round_trip_equals_what_the_env_produced(tmp_path: Path) -> None:
    config = _config(tmp_path / "ds", episodes=3)
    summary = run_datagen(config, progress=False)
    assert summary["episodes"] == 3 and summary["expert_success_rate"] > 0
    assert 0.0 <= summary["open_loop_replay_success_rate"] <= 1.0
    assert verify_dataset(tmp_path / "ds").ok
    reader = DatasetReader(tmp_path / "ds")
    lines = (tmp_path / "ds/meta/armstack_episodes.jsonl").read_text().splitlines()
    episodes_meta = [json.loads(line) for line in lines]
    for k in range(3):
        stored = reader.episode(k)
        attempt = episodes_meta[k]["attempt"]
        fresh = run_attempt(config, attempt).record
        assert fresh is not None and stored["task"] == fresh.task
        for key, values in fresh.frames.items():
            np.testing.assert_array_equal(np.asarray(stored[key]).reshape(values.shape), values, err_msg=key)
        video = stored["observation.images.front"]
        assert video.shape == fresh.images["front"].shape
        assert np.abs(video.astype(int) - fresh.images["front"].astype(int)).mean() < 6.0
        assert episodes_meta[k]["seed"] == attempt_seed(7, attempt)
        assert "randomization" in episodes_meta[k]
    manifest = json.loads((tmp_path / "ds/manifest.json").read_text())
    assert manifest["config"]["seed"] == 7 and manifest["summary"]["episodes"] == 3
    reader.close()


def test_env_state_replays_the_physics_exactly(tmp_path: Path) -> None:
    """Restoring the stored state of frame k and applying the ctrl of frame k+1 reproduces frame k+1."""
    import mujoco

    from sim.datagen.episode import env_for
    from sim.dataset.env_spec import STATE_SPEC

    config = _config(tmp_path / "ds", obs=("state",), episodes=2)
    run_datagen(config, progress=False)
    reader = DatasetReader(tmp_path / "ds")
    lines = (tmp_path / "ds/meta/armstack_episodes.jsonl").read_text().splitlines()
    env = env_for(config)
    for k, line in enumerate(lines):
        env.reset(seed=json.loads(line)["seed"])  # the same randomised model
        states = reader.episode(k)["env_state"]
        for t in range(len(states) - 1):
            mujoco.mj_setState(env.model, env.data, states[t], STATE_SPEC)
            after = np.empty_like(states[t + 1])
            mujoco.mj_getState(env.model, env.data, after, STATE_SPEC)
            nu = env.model.nu
            ctrl_bit = int(mujoco.mjtState.mjSTATE_CTRL)
            ctrl_at = mujoco.mj_stateSize(env.model, int(STATE_SPEC) & (ctrl_bit - 1))  # the parts before ctrl
            env.data.ctrl[:] = states[t + 1][ctrl_at : ctrl_at + nu]
            mujoco.mj_step(env.model, env.data, nstep=env.n_substeps)
            mujoco.mj_getState(env.model, env.data, after, STATE_SPEC)
            np.testing.assert_array_equal(after, states[t + 1], err_msg=f"episode {k} frame {t + 1}")
    reader.close()


def test_worker_count_does_not_change_the_dataset(tmp_path: Path) -> None:
    run_datagen(_config(tmp_path / "w1", obs=("state",), episodes=5), progress=False)
    run_datagen(_config(tmp_path / "w2", obs=("state",), episodes=5, workers=2), progress=False)
    _assert_same_content(tmp_path / "w1", tmp_path / "w2")
    # One identity for identical data: the content digest ignores wall-clock seconds and the worker count,
    # which the manifest's own digest (integrity of the manifest file) still covers.
    m1, m2 = (json.loads((tmp_path / w / "manifest.json").read_text()) for w in ("w1", "w2"))
    assert m1["content_sha256"] == m2["content_sha256"]
    assert m1["manifest_sha256"] != m2["manifest_sha256"]


# RGB across processes must give the same mp4 bytes: x264's macroblock-tree rate control wrote another
# bitstream for the same frames in ~1% of encodes under load (issue 18), so sim/dataset/schema.py turns it off.


def test_encoding_the_same_frames_again_gives_the_same_bytes(tmp_path: Path) -> None:
    # With x264's macroblock-tree rate control about 1 encode in 100 under CPU load wrote other bytes (issue 18).
    from sim.dataset.schema import VideoCodec
    from sim.dataset.video import encode_video

    rng = np.random.default_rng(0)
    ramp = np.linspace(0, 255, 32, dtype=np.float32)
    frames = np.stack([np.clip(ramp[None, :, None] + 30 * np.sin(k / 5 + ramp[:, None, None] / 40)
                               + rng.normal(0, 6, (32, 32, 3)), 0, 255) for k in range(71)]).astype(np.uint8)
    digests = set()
    for i in range(200):
        path = tmp_path / f"{i % 2}.mp4"
        encode_video(frames, path, 20, VideoCodec())
        digests.add(hashlib.sha256(path.read_bytes()).hexdigest())
    assert len(digests) == 1, f"{len(digests)} different bitstreams from 200 encodes of the same frames"


@pytest.mark.slow
def test_ray_backend_gives_the_same_dataset(tmp_path: Path) -> None:
    pytest.importorskip("ray")
    run_datagen(_config(tmp_path / "local", episodes=3, cameras=("front",)), progress=False)
    run_datagen(_config(tmp_path / "ray", episodes=3, cameras=("front",), backend="ray", workers=2),
                progress=False)
    _assert_same_content(tmp_path / "local", tmp_path / "ray")


def _datagen_cmd(out: Path, workers: int) -> list[str]:
    return [sys.executable, "-m", "armstack.cli", "datagen", "--env", "armstack/Tabletop-v0", "--episodes", "14",
            "--workers", str(workers), "--obs", "state,rgb", "--cameras", "front", "--image-size", "32",
            "--seed", "3", "--out", str(out), "--quiet"]


@pytest.mark.slow
def test_sigkill_and_resume_gives_the_uninterrupted_dataset(tmp_path: Path) -> None:
    env = {**os.environ, "MUJOCO_GL": "egl"}
    killed = tmp_path / "killed"
    proc = subprocess.Popen(_datagen_cmd(killed, 2), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    shards = killed / ".datagen" / "shards"
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and proc.poll() is None:
        if shards.is_dir() and len([p for p in shards.iterdir() if not p.name.startswith(".")]) >= 5:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the run finished before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)  # the driver and its workers, mid-write
    proc.wait()
    assert not (killed / "manifest.json").exists()
    with pytest.raises(Exception):  # noqa: B017 - any error: an unfinished dataset must not open
        DatasetReader(killed)
    resumed = subprocess.run(_datagen_cmd(killed, 2), env=env, capture_output=True, text=True, timeout=600,
                             check=False)
    assert resumed.returncode == 0, resumed.stderr
    straight = subprocess.run(_datagen_cmd(tmp_path / "straight", 1), env=env, capture_output=True, text=True,
                              timeout=600, check=False)
    assert straight.returncode == 0, straight.stderr
    assert not (killed / ".datagen").exists()
    manifest = json.loads((killed / "manifest.json").read_text())
    assert manifest["summary"]["resumed_attempts"] >= 5
    _assert_same_content(killed, tmp_path / "straight")


def test_rerun_of_a_complete_dataset_does_nothing(tmp_path: Path) -> None:
    config = _config(tmp_path / "ds", obs=("state",), episodes=2)
    run_datagen(config, progress=False)
    before = (tmp_path / "ds/manifest.json").read_bytes()
    run_datagen(config, progress=False)
    assert (tmp_path / "ds/manifest.json").read_bytes() == before


def test_refuses_a_folder_with_a_different_dataset(tmp_path: Path) -> None:
    run_datagen(_config(tmp_path / "ds", obs=("state",), episodes=2), progress=False)
    with pytest.raises(DatagenError, match="different dataset"):
        run_datagen(_config(tmp_path / "ds", obs=("state",), episodes=2, seed=8), progress=False)
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "notes.txt").write_text("mine")
    with pytest.raises(DatagenError, match="not empty"):
        run_datagen(_config(tmp_path / "other", obs=("state",)), progress=False)
    assert (tmp_path / "other" / "notes.txt").read_text() == "mine"


def test_refuses_an_unfinished_run_with_other_arguments(tmp_path: Path) -> None:
    out = tmp_path / "ds"
    (out / ".datagen" / "shards").mkdir(parents=True)
    config = _config(out, obs=("state",))
    (out / ".datagen" / "run.json").write_text(json.dumps({"config": config.content_fields()}))
    with pytest.raises(DatagenError, match="differs in: episodes"):
        run_datagen(_config(out, obs=("state",), episodes=9), progress=False)


def test_refuses_a_full_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    import sim.datagen.driver as driver

    usage = shutil.disk_usage(tmp_path)
    monkeypatch.setattr(driver.shutil, "disk_usage", lambda p: usage._replace(free=10_000))
    with pytest.raises(DatagenError, match="not enough free disk space"):
        run_datagen(_config(tmp_path / "ds", episodes=50), progress=False)


def test_a_killed_shard_write_is_ignored_on_resume(tmp_path: Path) -> None:
    from sim.datagen.shards import scan_shards

    root = tmp_path / "shards"
    root.mkdir()
    (root / ".attempt-0000003.tmp").mkdir()
    (root / ".attempt-0000004.failed.json.1.partial").write_text("{")
    (root / "attempt-0000001.failed.json").write_text(json.dumps({"attempt": 1, "success": False, "task": "x"}))
    done = scan_shards(root)
    assert list(done) == [1] and sorted(p.name for p in root.iterdir()) == ["attempt-0000001.failed.json"]


def test_a_shard_damaged_after_its_rename_runs_again(tmp_path: Path) -> None:
    """Shards are not fsynced: one an OS crash left short must be dropped by the resume scan, not committed."""
    from sim.datagen.shards import generate_to_shard, scan_shards, shard_root

    config = _config(tmp_path / "ds", obs=("state",), episodes=2)
    root = shard_root(tmp_path / "ds")
    root.mkdir(parents=True)
    for attempt in (0, 1):
        generate_to_shard(config, attempt)
    # A state-only shard is one file: shard.json's text, a newline, then the frames (sim.dataset.shard).
    shard = root / "attempt-0000001.shard"
    data = bytearray(shard.read_bytes())
    data[-len(data) // 4] ^= 0xFF  # in the frames; same size, other content: only the hash can tell
    shard.write_bytes(bytes(data))
    (root / "attempt-0000002.failed.json").write_text("{")  # a marker cut short
    assert sorted(scan_shards(root)) == [0]
    assert sorted(p.name for p in root.iterdir()) == ["attempt-0000000.shard"]
    generate_to_shard(config, 1)
    shard.write_bytes(shard.read_bytes()[:-100])  # cut short
    assert sorted(scan_shards(root)) == [0]
    generate_to_shard(config, 1)
    shard.write_bytes(shard.read_bytes()[:100])  # cut inside the header line
    assert sorted(scan_shards(root)) == [0]
    generate_to_shard(config, 1)
    header, frames = shard.read_bytes().split(b"\n", 1)
    assert b'"robot":"panda"' in header
    shard.write_bytes(header.replace(b'"robot":"panda"', b'"robot":"pandb"') + b"\n" + frames)  # not what it hashed
    assert sorted(scan_shards(root)) == [0]


def test_open_loop_replay_runs_on_a_published_deterministic_sample(tmp_path: Path) -> None:
    summary = run_datagen(_config(tmp_path / "ds", obs=("state",), episodes=3, replay_every=2), progress=False)
    lines = [json.loads(line) for line in (tmp_path / "ds/meta/armstack_episodes.jsonl").read_text().splitlines()]
    sampled = [line for line in lines if line["attempt"] % 2 == 0]
    assert sampled and all(isinstance(line["replay_success"], bool) for line in sampled)
    assert all(line["replay_success"] is None for line in lines if line["attempt"] % 2)
    assert summary["open_loop_replay_episodes"] == len(sampled)
    assert summary["open_loop_replay_success_rate"] == sum(line["replay_success"] for line in sampled) / len(sampled)
    assert "multiple of 2" in summary["open_loop_replay_sample"]
    manifest = json.loads((tmp_path / "ds/manifest.json").read_text())
    assert manifest["summary"]["open_loop_replay_episodes"] == len(sampled)
    assert manifest["content_config"]["replay_every"] == 2


def test_worker_thread_limits_keep_one_thread_per_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    from sim.datagen.backends import worker_threads

    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "LP_NUM_THREADS"):
        monkeypatch.delenv(name, raising=False)
    cores = len(os.sched_getaffinity(0))
    crowded = worker_threads(cores)
    assert crowded["OMP_NUM_THREADS"] == crowded["OPENBLAS_NUM_THREADS"] == "1" and crowded["LP_NUM_THREADS"] == "0"
    monkeypatch.setenv("LP_NUM_THREADS", "3")  # a user's choice stands
    assert worker_threads(cores)["LP_NUM_THREADS"] == "3"


def test_render_settings_shape_the_rgb_scene_only(tmp_path: Path) -> None:
    """The cheap render settings reach the renderer's model with cameras; a state-only run keeps the plain scene."""
    from sim.datagen.episode import env_for
    from sim.provenance import model_sha256
    from sim.scene import SceneConfig, build_scene

    rgb = _config(tmp_path / "a", shadow_size=256, msaa_samples=2)
    quality = env_for(rgb).model.vis.quality
    assert (quality.shadowsize, quality.offsamples) == (256, 2)
    assert rgb.content_fields()["shadow_size"] == 256  # a resumed rgb run must render the same way
    default = env_for(_config(tmp_path / "b")).model.vis.quality
    assert (default.shadowsize, default.offsamples) == (512, 0)
    state = _config(tmp_path / "c", obs=("state",), shadow_size=256)
    assert state.scene_config() == SceneConfig(robot="panda")
    # The hash the episodes' meta carries (taken when the env was built; resets randomise the model after).
    assert env_for(state).provenance()["model_sha256"] == model_sha256(build_scene().model)
    assert "shadow_size" not in state.content_fields() and "msaa_samples" not in state.content_fields()


def test_state_only_workers_fork_and_rendering_workers_spawn(tmp_path: Path) -> None:
    from sim.datagen.backends import start_method

    assert start_method(_config(tmp_path, obs=("state",))) == "fork"  # Linux: no interpreter start, no imports
    assert start_method(_config(tmp_path)) == "spawn"  # a GL context does not survive a fork


def test_the_dataset_is_the_first_successes_in_attempt_order() -> None:
    done = {0: {"success": True}, 1: {"success": False}, 2: {"success": True}, 4: {"success": True}}
    assert _contiguous_successes(done) == (3, [0, 2])


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"env_id": "armstack/Fold-v0"}, UnknownNameError, "unknown env id"),
        ({"robot": "kuka"}, UnknownNameError, "panda, ur5e"),
        ({"episodes": 0}, ConfigError, "--episodes"),
        ({"workers": 0}, ConfigError, "--workers"),
        ({"obs": ("rgb",)}, ConfigError, "must include 'state'"),
        ({"obs": ("state", "lidar")}, UnknownNameError, "observation kind"),
        ({"obs": ("state", "depth")}, ConfigError, "needs rgb too"),
        ({"cameras": ("side",)}, UnknownNameError, "front, overhead, wrist"),
        ({"cameras": ("front", "front")}, ConfigError, "twice"),
        ({"image_size": 4}, ConfigError, "--image-size"),
        ({"randomization": "wild"}, UnknownNameError, "randomization level"),
        ({"backend": "slurm"}, UnknownNameError, "local, ray"),
        ({"ray_address": "auto"}, ConfigError, "only applies to --backend ray"),
        ({"storage": "hdf5"}, UnknownNameError, "image, video"),
        ({"action_noise": -0.1}, ConfigError, "--action-noise"),
        ({"replay_every": 0}, ConfigError, "--replay-every"),
        ({"shadow_size": 16}, ConfigError, "shadow_size"),
        ({"msaa_samples": 3}, ConfigError, "msaa_samples"),
    ],
)
def test_bad_arguments(tmp_path: Path, kwargs: dict, error: type, match: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(error, match=match):
        _config(tmp_path / "ds", **kwargs)


def test_cli_bad_argument_is_a_clear_error(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "armstack.cli", "datagen", "--robot", "kuka", "--out",
                           str(tmp_path / "x")], capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 2 and "unknown robot 'kuka'" in proc.stderr
    assert not (tmp_path / "x").exists()


def test_dart_noise_records_the_expert_label_not_the_executed_action(tmp_path: Path) -> None:
    """With action noise the physics departs from the noise-free run while ``action`` stays a clean label."""
    clean = run_attempt(_config(tmp_path / "a", obs=("state",)), 0)
    noisy = run_attempt(_config(tmp_path / "b", obs=("state",), action_noise=0.3), 0)
    assert clean.record is not None and noisy.record is not None
    assert clean.summary["replay_success"] is True and noisy.summary["replay_success"] is None
    a, b = clean.record.frames, noisy.record.frames
    assert not np.array_equal(a["env_state"][: len(b["env_state"])][5:], b["env_state"][: len(a["env_state"])][5:])
    # The executed action moved the TCP; the recorded label is the expert's own, still inside [-1, 1].
    assert np.all(np.abs(b["action"]) <= 1.0)
    # Labels are the expert's bang-bang gripper commands exactly: noise never touches the gripper channel.
    assert set(np.unique(b["action"][:, 4]).tolist()) <= {-1.0, 1.0}
