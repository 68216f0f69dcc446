"""The dataset layer: shards -> LeRobot v3.0 layout -> reader, verifier and viewer."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import av
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from sim.dataset import (
    DatasetError,
    DatasetFileError,
    DatasetReader,
    DatasetSchemaError,
    DatasetSpec,
    EpisodeRecord,
    VideoCodec,
    commit_dataset,
    dataset_info,
    make_features,
    read_shard,
    remove_partial_shards,
    spec_for_env,
    verify_dataset,
    view_episode,
    write_shard,
)
from sim.dataset import shard as shard_module
from sim.dataset import stats as st
from sim.dataset.env_spec import STATE_SPEC
from sim.dataset.shard import FRAMES_FILE, write_episode_shard

FPS = 20
SIZE = 64
CAMERAS = ("front", "wrist")
LENGTHS = (16, 24, 20)
TASKS = ("pick up the red cube", "push the blue cube to the pad", "pick up the red cube")
FEATURES = make_features({
    "observation.state": ("float32", ["j1.pos", "j2.pos", "j1.vel", "j2.vel", "gripper.opening"]),
    "observation.goal_ids": ("int64", ["task_id", "object_id", "target_id"]),
    "action": ("float32", ["dx", "dy", "dz", "dyaw", "gripper"]),
    "next.reward": ("float32", 1),
    "next.success": ("bool", 1),
    "env_state": ("float64", 9),
})


def make_spec(storage: str = "video", **kwargs: object) -> DatasetSpec:
    return DatasetSpec(fps=FPS, robot_type="panda", features=FEATURES, cameras=CAMERAS, image_height=SIZE,
                       image_width=SIZE, storage=storage, **kwargs)  # type: ignore[arg-type]


def smooth_frames(length: int, phase: int) -> np.ndarray:
    """Gradients with a moving square: what a codec at good quality keeps close."""
    y, x = np.mgrid[0:SIZE, 0:SIZE].astype(np.float64)
    out = np.empty((length, SIZE, SIZE, 3), np.uint8)
    for t in range(length):
        out[t, ..., 0] = 40 + 2 * x + t
        out[t, ..., 1] = 60 + 2 * y
        out[t, ..., 2] = 100 + (phase * 10) % 100
        c = 4 + (t + phase) % (SIZE - 24)
        out[t, c : c + 16, c : c + 16] = (200, 180, 60)
    return out


def make_record(attempt: int, length: int, task: str, seed: int = 0) -> EpisodeRecord:
    rng = np.random.default_rng(seed + attempt)
    frames = {
        "observation.state": rng.normal(size=(length, 5)).astype(np.float32),
        "observation.goal_ids": rng.integers(0, 6, size=(length, 3)),
        "action": rng.uniform(-1, 1, size=(length, 5)).astype(np.float32),
        "next.reward": rng.normal(size=(length, 1)).astype(np.float32),
        "next.success": (np.arange(length) == length - 1).reshape(length, 1),
        "env_state": rng.normal(size=(length, 9)),
    }
    images = {cam: smooth_frames(length, attempt * 3 + i) for i, cam in enumerate(CAMERAS)}
    return EpisodeRecord(attempt=attempt, task=task, frames=frames, images=images,
                         meta={"seed": 1000 + attempt, "task": "pick_place", "robot": "panda", "instruction": task,
                               "randomization": {"light": 0.5, "friction": np.float64(1.1)}, "success": True})


def build(tmp_path: Path, storage: str = "video", lengths: tuple[int, ...] = LENGTHS, **spec_kwargs: object
          ) -> tuple[Path, list[EpisodeRecord], DatasetSpec]:
    spec = make_spec(storage, **spec_kwargs)
    out = tmp_path / f"ds_{storage}"
    records = [make_record(i, n, TASKS[i % len(TASKS)]) for i, n in enumerate(lengths)]
    shards = [write_shard(r, spec, out / ".datagen" / "shards" / f"attempt-{i:07d}") for i, r in enumerate(records)]
    commit_dataset(shards, spec, out, extra_meta={"config": {"episodes": len(records)}})
    return out, records, spec


@pytest.fixture(scope="module")
def video_ds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[EpisodeRecord], DatasetSpec]:
    return build(tmp_path_factory.mktemp("video"))


def episode_rows(root: Path) -> list[dict[str, object]]:
    """meta/episodes over all its files (they rotate by size like the data)."""
    return [row for p in sorted((root / "meta/episodes").rglob("*.parquet")) for row in pq.read_table(p).to_pylist()]


def copy_of(ds: Path, tmp_path: Path) -> Path:
    dst = tmp_path / "copy"
    shutil.copytree(ds, dst)
    return dst


# --- round trips -----------------------------------------------------------------------------
def test_video_round_trip(video_ds: tuple[Path, list[EpisodeRecord], DatasetSpec]) -> None:
    root, records, _ = video_ds
    reader = DatasetReader(root)
    assert (reader.num_episodes, reader.num_frames) == (3, sum(LENGTHS))
    start = 0
    for k, rec in enumerate(records):
        ep = reader.episode(k)
        assert ep["task"] == rec.task
        for name, values in rec.frames.items():
            np.testing.assert_array_equal(ep[name], values.astype(ep[name].dtype))
        for cam in CAMERAS:
            frames = ep[f"observation.images.{cam}"]
            assert frames.shape == rec.images[cam].shape and frames.dtype == np.uint8
            assert np.abs(frames.astype(np.float64) - rec.images[cam]).mean() < 3.0
        np.testing.assert_array_equal(ep["index"].ravel(), np.arange(start, start + rec.length))
        np.testing.assert_array_equal(ep["frame_index"].ravel(), np.arange(rec.length))
        np.testing.assert_allclose(ep["timestamp"].ravel(), np.arange(rec.length) / FPS, atol=1e-6)
        start += rec.length
    assert reader.tasks == ["pick up the red cube", "push the blue cube to the pad"]
    assert reader.episode(2)["task_index"].ravel().tolist() == [0] * LENGTHS[2]


def test_image_mode_round_trip_is_exact(tmp_path: Path) -> None:
    root, records, _ = build(tmp_path, storage="image")
    info = json.loads((root / "meta/info.json").read_text())
    assert info["video_path"] is None and not (root / "videos").exists()
    assert info["features"]["observation.images.front"]["dtype"] == "image"
    col = pq.read_table(root / "data/chunk-000/file-000.parquet").column("observation.images.front")
    assert col.type == pa.struct([("bytes", pa.binary()), ("path", pa.string())])
    assert col[0].as_py()["bytes"][:8] == b"\x89PNG\r\n\x1a\n"
    reader = DatasetReader(root)
    for k, rec in enumerate(records):
        ep = reader.episode(k)
        for cam in CAMERAS:
            np.testing.assert_array_equal(ep[f"observation.images.{cam}"], rec.images[cam])
    assert verify_dataset(root).ok


def test_av1_datasets_join_and_decode_too(tmp_path: Path) -> None:
    root, records, _ = build(tmp_path, lengths=(16, 20), codec=VideoCodec(encoder="libsvtav1"))
    info = json.loads((root / "meta/info.json").read_text())
    assert info["features"]["observation.images.front"]["info"]["video.codec"] == "av1"
    frames = DatasetReader(root).episode(1)["observation.images.front"]
    assert np.abs(frames.astype(np.float64) - records[1].images["front"]).mean() < 3.0
    assert verify_dataset(root).ok


def test_episodes_share_one_video_file_at_the_right_times(video_ds: tuple[Path, list[EpisodeRecord], DatasetSpec]
                                                          ) -> None:
    root, records, _ = video_ds
    eps = pq.read_table(root / "meta/episodes/chunk-000/file-000.parquet").to_pylist()
    key = "observation.images.wrist"
    starts = np.concatenate([[0], np.cumsum(LENGTHS)[:-1]])
    for k, row in enumerate(eps):
        assert (row[f"videos/{key}/chunk_index"], row[f"videos/{key}/file_index"]) == (0, 0)
        assert row[f"videos/{key}/from_timestamp"] == pytest.approx(starts[k] / FPS)
        assert row[f"videos/{key}/to_timestamp"] == pytest.approx((starts[k] + LENGTHS[k]) / FPS)
        assert (row["dataset_from_index"], row["dataset_to_index"]) == (starts[k], starts[k] + LENGTHS[k])
    # Decode by time as LeRobot does: the frame at from_timestamp is the episode's first frame.
    with av.open(str(root / f"videos/{key}/chunk-000/file-000.mp4")) as container:
        stream = container.streams.video[0]
        tb = float(stream.time_base or 0)
        decoded = {round((f.pts or 0) * tb * FPS): f.to_ndarray(format="rgb24") for f in container.decode(stream)}
    assert sorted(decoded) == list(range(sum(LENGTHS)))
    every = np.concatenate([r.images["wrist"] for r in records]).astype(np.float64)
    for k in range(len(records)):
        first = decoded[round(eps[k][f"videos/{key}/from_timestamp"] * FPS)]
        nearest = int(np.argmin(np.abs(every - first).mean(axis=(1, 2, 3))))
        assert nearest == starts[k]  # the episode's first frame, of all frames written


def test_data_parquet_matches_the_info_features(video_ds: tuple[Path, list[EpisodeRecord], DatasetSpec]) -> None:
    root, _, spec = video_ds
    info = json.loads((root / "meta/info.json").read_text())
    assert info["codebase_version"] == "v3.0" and info["fps"] == FPS and info["splits"] == {"train": "0:3"}
    assert (info["total_episodes"], info["total_frames"], info["total_tasks"]) == (3, sum(LENGTHS), 2)
    assert info["features"]["observation.images.front"]["info"]["video.codec"] == spec.codec.codec_name
    for name in ("timestamp", "frame_index", "episode_index", "index", "task_index"):
        assert info["features"][name]["shape"] == [1] and info["features"][name]["names"] is None
    pf = pq.ParquetFile(root / "data/chunk-000/file-000.parquet")
    non_video = [k for k, f in info["features"].items() if f["dtype"] != "video"]
    assert pf.schema_arrow.names == non_video
    assert pf.schema_arrow.field("observation.state").type == pa.list_(pa.float32(), 5)
    assert pf.schema_arrow.field("next.success").type == pa.bool_()
    assert pf.schema_arrow.field("timestamp").type == pa.float32()
    assert pf.metadata.num_row_groups == len(LENGTHS)  # one row group per episode


def test_tasks_parquet_has_the_tasks_as_pandas_index(video_ds: tuple[Path, list[EpisodeRecord], DatasetSpec]
                                                     ) -> None:
    root, _, _ = video_ds
    df = pd.read_parquet(root / "meta/tasks.parquet")
    assert list(df.index) == ["pick up the red cube", "push the blue cube to the pad"]
    assert df.index.name == "task" and list(df.columns) == ["task_index"]
    assert df["task_index"].tolist() == [0, 1] and str(df["task_index"].dtype) == "int64"


def test_stats_cover_every_feature_with_lerobot_shapes(video_ds: tuple[Path, list[EpisodeRecord], DatasetSpec]
                                                       ) -> None:
    root, records, _ = video_ds
    stats = json.loads((root / "meta/stats.json").read_text())
    info = json.loads((root / "meta/info.json").read_text())
    assert set(stats) == set(info["features"])
    for name, ft in info["features"].items():
        assert set(stats[name]) == set(st.STAT_KEYS)
        want = (3, 1, 1) if ft["dtype"] == "video" else tuple(ft["shape"])
        for key, value in stats[name].items():
            assert np.asarray(value).shape == ((1,) if key == "count" else want), (name, key)
    img = stats["observation.images.front"]
    assert np.min(img["min"]) >= 0.0 and np.max(img["max"]) <= 1.0
    assert stats["action"]["count"] == [sum(LENGTHS)]
    actions = np.concatenate([r.frames["action"] for r in records]).astype(np.float64)
    np.testing.assert_allclose(stats["action"]["mean"], actions.mean(0), rtol=1e-6)
    np.testing.assert_allclose(stats["action"]["std"], actions.std(0), rtol=1e-6)
    np.testing.assert_allclose(stats["action"]["min"], actions.min(0), rtol=1e-6)
    eps = pq.read_table(root / "meta/episodes/chunk-000/file-000.parquet")
    assert eps.schema.field("stats/observation.images.front/mean").type == pa.list_(pa.list_(pa.list_(pa.float64())))
    assert eps.schema.field("stats/next.success/min").type == pa.list_(pa.bool_())
    assert eps.column("stats/action/count").to_pylist() == [[n] for n in LENGTHS]


def test_image_stats_match_numpy() -> None:
    frames = np.random.default_rng(0).integers(0, 256, (150, 20, 30, 3), dtype=np.uint8)
    got = st.image_stats(frames)
    sample = frames[st.sample_indices(150)].astype(np.float64) / 255.0
    assert got["count"].tolist() == [100] and len(st.sample_indices(150)) == 100
    for key, q in st.QUANTILES.items():
        np.testing.assert_allclose(got[key].ravel(), np.quantile(sample, q, axis=(0, 1, 2)), atol=1e-12)
    np.testing.assert_allclose(got["std"].ravel(), sample.std(axis=(0, 1, 2)), atol=1e-12)


def test_column_quantiles_are_numpys_bit_for_bit() -> None:
    """The sort-based quantiles equal np.quantile's to the bit: ties, integers, flags, mixed signed zeros, NaN."""
    rng = np.random.default_rng(7)
    q = list(st.QUANTILES.values())
    for trial in range(600):
        n, d = int(rng.integers(2, 300)), int(rng.integers(1, 9))
        x = [rng.normal(size=(n, d)), rng.integers(-3, 4, (n, d)).astype(np.float64),
             (rng.random((n, d)) > 0.7).astype(np.float64), rng.choice([-0.0, 0.0, 1.0, -1.0, 2.5], size=(n, d)),
             np.where(rng.random((n, d)) < 0.05, np.nan, rng.normal(1e6, 1e-3, (n, d)))][trial % 5]
        got, want = st.column_quantiles(x), np.quantile(x, q, axis=0)
        assert got.shape == want.shape and np.array_equal(got.view(np.int64), want.view(np.int64)), (trial, n, d)


@pytest.mark.parametrize("length", [1, 2, 7, 8, 9, 50, 129, 257, 1000])
def test_episode_stats_in_one_pass_equal_the_per_feature_stats_bit_for_bit(length: int) -> None:
    """Workers compute all of an episode's stats in one pass; the numbers must be vector_stats' exactly.

    Lengths past 128 and 256 cross numpy's pairwise-summation blocks (the (T, 1) features' sums); the
    integers reach past 2**53, where float64 extremes would round.
    """
    rng = np.random.default_rng(length)
    arrays: dict[str, np.ndarray] = {
        "f32": rng.normal(size=(length, 5)).astype(np.float32), "ids": rng.integers(-9, 9, (length, 3)),
        "scalar": rng.normal(size=(length, 1)).astype(np.float32), "wide": rng.normal(size=(length, 40)),
        "flag": rng.random((length, 1)) > 0.5, "flags": rng.random((length, 3)) > 0.5,
        "big": rng.integers(2**60, 2**60 + 7, (length, 1)), "f64": rng.normal(1e3, 1e-3, (length, 1)),
        "done": np.arange(length).reshape(length, 1) == length - 1}
    together = st.episode_vector_stats(arrays)
    for name, values in arrays.items():
        alone = st.vector_stats(values)
        assert set(together[name]) == set(alone), name
        for key, value in alone.items():
            got = together[name][key]
            assert got.dtype == value.dtype and got.shape == value.shape, (name, key)
            assert np.array_equal(got, value), (name, key)


@pytest.mark.parametrize(("value", "length"), [(0, 1), (3, 2), (7, 50), (123456, 999)])
def test_constant_stats_equal_vector_stats_bit_for_bit(value: int, length: int) -> None:
    alone = st.vector_stats(np.full(length, value, dtype=np.int64))
    fast = st.constant_stats(value, length)
    assert set(fast) == set(alone)
    for key, expected in alone.items():
        assert fast[key].dtype == expected.dtype and fast[key].shape == expected.shape, key
        assert np.array_equal(fast[key], expected), key


@pytest.mark.parametrize("length", [1, 2, 3, 8, 9, 50, 128, 129, 257, 1000])
def test_shifted_stats_equal_the_stats_of_the_shifted_indices_bit_for_bit(length: int) -> None:
    """The committer derives each episode's ``index`` stats from its ``frame_index`` stats plus its start."""
    base = st.vector_stats(np.arange(length, dtype=np.int64))
    for start in (0, 1, 7, 12345, 10**9 + 3, 2**40 + 1):
        alone = st.vector_stats(np.arange(start, start + length, dtype=np.int64))
        fast = st.shifted_stats(base, start)
        assert set(fast) == set(alone)
        for key, expected in alone.items():
            assert fast[key].dtype == expected.dtype and fast[key].shape == expected.shape, (start, key)
            assert np.array_equal(fast[key], expected), (start, key, fast[key], expected)
    assert np.array_equal(base["min"], [0])  # the input is left as it was


def test_shard_stats_are_what_the_committer_used_to_compute(tmp_path: Path) -> None:
    spec = make_spec()
    record = make_record(2, 16, "pick")
    shard = read_shard(write_shard(record, spec, tmp_path / "attempt-0000002"), spec)
    for name, values in record.frames.items():
        expected = st.vector_stats(np.asarray(values, dtype=spec.feature(name).dtype).reshape(len(values), -1))
        for key, value in expected.items():
            np.testing.assert_array_equal(shard.stats[name][key], value, err_msg=f"{name} {key}")
            assert shard.stats[name][key].dtype == value.dtype, (name, key)


def test_armstack_episode_log_and_manifest(video_ds: tuple[Path, list[EpisodeRecord], DatasetSpec]) -> None:
    root, records, _ = video_ds
    lines = [json.loads(line) for line in (root / "meta/armstack_episodes.jsonl").read_text().splitlines()]
    assert [line["episode_index"] for line in lines] == [0, 1, 2]
    assert lines[1]["seed"] == 1001 and lines[1]["instruction"] == records[1].task and lines[1]["length"] == 24
    assert lines[0]["randomization"]["friction"] == pytest.approx(1.1)
    manifest = json.loads((root / "manifest.json").read_text())
    assert manifest["config"] == {"episodes": 3} and manifest["counts"]["frames"] == sum(LENGTHS)
    on_disk = {p.relative_to(root).as_posix() for part in ("data", "videos", "meta") for p in (root / part).rglob("*")
               if p.is_file()}
    assert set(manifest["files"]) == on_disk
    assert {"version", "git_commit"} <= set(manifest["armstack"])
    overview = dataset_info(root)
    assert overview["complete"] and overview["episodes"] == 3 and overview["success_rate"] == 1.0
    assert overview["episodes_per_task"] == {"pick up the red cube": 2, "push the blue cube to the pad": 1}
    assert overview["config"] == {"episodes": 3}
    assert overview["bytes"] == sum(f["bytes"] for f in manifest["files"].values())


# --- file rotation -----------------------------------------------------------------------------
def test_files_rotate_by_size_and_chunk(tmp_path: Path) -> None:
    # A limit below one episode puts every episode in its own file; chunks_size 2 rolls over chunks.
    root, records, _ = build(tmp_path, lengths=(16, 18, 20, 22), data_files_size_in_mb=1e-4,
                             video_files_size_in_mb=1e-4, chunks_size=2)
    eps = episode_rows(root)
    locs = [(e["data/chunk_index"], e["data/file_index"]) for e in eps]
    assert locs == [(0, 0), (0, 1), (1, 0), (1, 1)]
    assert [(e["videos/observation.images.front/chunk_index"], e["videos/observation.images.front/file_index"])
            for e in eps] == locs
    assert all(e["videos/observation.images.front/from_timestamp"] == 0.0 for e in eps)
    assert (root / "data/chunk-001/file-001.parquet").is_file()
    assert (root / "videos/observation.images.wrist/chunk-001/file-000.mp4").is_file()
    reader = DatasetReader(root)
    for k, rec in enumerate(records):
        np.testing.assert_array_equal(reader.episode(k)["action"], rec.frames["action"])
    report = verify_dataset(root)
    assert report.ok, str(report)


def test_files_hold_several_episodes_under_a_larger_limit(tmp_path: Path) -> None:
    sizes = {}
    root, _, _ = build(tmp_path, lengths=(16, 16, 16, 16, 16))
    for p in sorted((root / ".datagen/shards").iterdir()):
        sizes[p.name] = read_shard(p).size(FRAMES_FILE)
    shutil.rmtree(root)
    limit_mb = 2.5 * max(sizes.values()) / (1024 * 1024)  # two episodes fit, a third does not
    root, _, _ = build(tmp_path, lengths=(16, 16, 16, 16, 16), data_files_size_in_mb=limit_mb)
    eps = episode_rows(root)
    assert [e["data/file_index"] for e in eps] == [0, 0, 1, 1, 2]
    assert [pq.ParquetFile(p).metadata.num_rows for p in sorted((root / "data/chunk-000").iterdir())] == [32, 32, 16]
    assert verify_dataset(root).ok


# --- verification --------------------------------------------------------------------------
def test_verify_passes_on_a_good_dataset(video_ds: tuple[Path, list[EpisodeRecord], DatasetSpec]) -> None:
    report = verify_dataset(video_ds[0])
    assert report.ok, str(report)
    assert report.checked["video_files"] == 2 and report.checked["data_files"] == 1


def test_verify_catches_a_flipped_byte_in_every_file(video_ds: tuple[Path, list[EpisodeRecord], DatasetSpec],
                                                     tmp_path: Path) -> None:
    root = copy_of(video_ds[0], tmp_path)
    files = [*sorted(json.loads((root / "manifest.json").read_text())["files"]), "manifest.json"]
    assert len(files) >= 9
    for rel in files:
        path = root / rel
        original = path.read_bytes()
        data = bytearray(original)
        data[len(data) // 2] ^= 0x01
        path.write_bytes(bytes(data))
        report = verify_dataset(root, decode_videos=False)
        assert not report.ok and any(e.startswith(f"{path}:") for e in report.errors), (rel, report.errors)
        path.write_bytes(original)
    assert verify_dataset(root).ok


def test_verify_names_a_truncated_parquet_and_a_deleted_video(video_ds: tuple[Path, list[EpisodeRecord],
                                                                              DatasetSpec], tmp_path: Path) -> None:
    root = copy_of(video_ds[0], tmp_path)
    data = root / "data/chunk-000/file-000.parquet"
    data.write_bytes(data.read_bytes()[: data.stat().st_size // 2])
    video = root / "videos/observation.images.front/chunk-000/file-000.mp4"
    video.unlink()
    report = verify_dataset(root)
    assert not report.ok
    assert any(e.startswith(f"{data}:") and "truncated" in e for e in report.errors)
    assert any(e.startswith(f"{data}:") and "parquet" in e for e in report.errors)
    assert any(e.startswith(f"{video}:") and "missing" in e for e in report.errors)


def test_verify_flags_a_missing_manifest_and_an_undeclared_file(video_ds: tuple[Path, list[EpisodeRecord],
                                                                                DatasetSpec], tmp_path: Path) -> None:
    root = copy_of(video_ds[0], tmp_path)
    (root / "data/chunk-000/file-001.parquet").write_bytes(b"stray")
    report = verify_dataset(root, decode_videos=False)
    assert any("file-001.parquet: not listed" in e for e in report.errors)
    (root / "manifest.json").unlink()
    assert any("manifest.json: missing" in e for e in verify_dataset(root, decode_videos=False).errors)


# --- reader: damage stays local -------------------------------------------------------------------
def test_reader_fails_only_for_episodes_in_a_damaged_file(tmp_path: Path) -> None:
    root, records, _ = build(tmp_path, data_files_size_in_mb=1e-4, video_files_size_in_mb=1e-4)
    data1 = root / "data/chunk-000/file-001.parquet"
    data1.write_bytes(data1.read_bytes()[:100])
    video2 = root / "videos/observation.images.wrist/chunk-000/file-002.mp4"
    video2.unlink()
    reader = DatasetReader(root)
    with pytest.raises(DatasetFileError, match=r"file-001\.parquet"):
        reader.episode(1)
    with pytest.raises(DatasetFileError, match=r"observation.images.wrist/chunk-000/file-002.mp4: missing"):
        reader.episode(2)
    np.testing.assert_array_equal(reader.episode(0)["observation.state"], records[0].frames["observation.state"])
    ep2 = reader.episode(2, keys=["action", "observation.images.front"])  # untouched files of episode 2
    np.testing.assert_array_equal(ep2["action"], records[2].frames["action"])


def test_batches_cover_every_frame_once(video_ds: tuple[Path, list[EpisodeRecord], DatasetSpec]) -> None:
    root, records, _ = video_ds
    reader = DatasetReader(root)
    keys = ["index", "action", "observation.images.front", "task"]
    seen = []
    all_actions = np.concatenate([r.frames["action"] for r in records])
    all_front = np.concatenate([r.images["front"] for r in records]).astype(np.float64)
    all_tasks = [r.task for r in records for _ in range(r.length)]
    for batch in reader.batches(7, keys=keys, shuffle=True, seed=3):
        idx = batch["index"].ravel()
        seen.extend(idx.tolist())
        np.testing.assert_array_equal(batch["action"], all_actions[idx])
        assert batch["task"].tolist() == [all_tasks[i] for i in idx]
        assert np.abs(batch["observation.images.front"] - all_front[idx]).mean() < 3.0
    assert sorted(seen) == list(range(sum(LENGTHS))) and seen != sorted(seen)
    first = next(reader.batches(4, keys=["action"], shuffle=False, as_torch=True))
    assert tuple(first["action"].shape) == (4, 5) and str(first["action"].dtype) == "torch.float32"
    with pytest.raises(DatasetError, match="unknown keys"):
        next(reader.batches(4, keys=["nope"]))


# --- shards -------------------------------------------------------------------------------------
def test_shard_round_trip_and_meta(tmp_path: Path) -> None:
    spec = make_spec()
    rec = make_record(5, 16, "stack the cubes")
    path = write_shard(rec, spec, tmp_path / "attempt-0000005")
    shard = read_shard(path, spec)
    assert (shard.attempt, shard.length, shard.task) == (5, 16, "stack the cubes")
    assert shard.meta["seed"] == 1005 and shard.meta["length"] == 16 and shard.meta["attempt"] == 5
    # the record's meta stays as is
    assert json.loads((path / "shard.json").read_text())["meta"]["task"] == "pick_place"
    assert set(shard.image_stats) == {"observation.images.front", "observation.images.wrist"}
    other = DatasetSpec(fps=10, robot_type="panda", features=FEATURES, cameras=CAMERAS, image_height=SIZE,
                        image_width=SIZE)
    with pytest.raises(DatasetSchemaError, match="another dataset spec"):
        read_shard(path, other)


def test_the_written_shard_is_what_reading_it_gives_and_commits_the_same(tmp_path: Path) -> None:
    """The Shard a worker hands to the driver equals read_shard's, and commits to the same bytes as the folder."""
    spec = make_spec()
    written = [write_episode_shard(make_record(i, n, TASKS[i]), spec, tmp_path / "shards" / f"attempt-{i:07d}")
               for i, n in enumerate(LENGTHS)]
    for shard in written:
        read = read_shard(shard.path, spec)
        assert (read.task, read.attempt, read.length, read.meta, read.files) == \
               (shard.task, shard.attempt, shard.length, shard.meta, shard.files)
        for mine, theirs in ((shard.stats, read.stats), (shard.image_stats, read.image_stats)):
            assert mine.keys() == theirs.keys()
            for name in mine:
                for key, value in mine[name].items():
                    assert value.dtype == theirs[name][key].dtype and np.array_equal(value, theirs[name][key])
    by_object = commit_dataset(written, spec, tmp_path / "a", extra_meta={})
    by_path = commit_dataset([s.path for s in written], spec, tmp_path / "b", extra_meta={})
    files_a = json.loads((tmp_path / "a/manifest.json").read_text())["files"]
    files_b = json.loads((tmp_path / "b/manifest.json").read_text())["files"]
    assert files_a == files_b and by_object["frames"] == by_path["frames"] == sum(LENGTHS)
    (written[1].path / FRAMES_FILE).write_bytes(b"short")
    with pytest.raises(DatasetFileError, match="bytes"):  # a shard object is still checked against its files
        commit_dataset(written, spec, tmp_path / "c", extra_meta={})


def test_shard_json_is_the_canonical_text_that_read_shard_hashes(tmp_path: Path) -> None:
    """shard.json is assembled from parts encoded once; it must be json.dumps' own compact text of itself,
    also when the meta has keys JSON turns into strings (which then sort differently) and numpy values."""
    spec = make_spec()
    rec = make_record(3, 16, "pick")
    meta = {**rec.meta, "by_id": {2: 0.5, 10: np.float32(1.5)}, "sizes": (np.int64(3), 4)}
    for storage in ("video", "image"):
        spec = make_spec(storage)
        record = EpisodeRecord(attempt=3, task="pick", frames=rec.frames, images=rec.images, meta=meta)
        written = write_episode_shard(record, spec, tmp_path / storage / "attempt-0000003")
        assert written.flat == (storage == "image")  # no video files: one file, shard.json its first line
        text = (written.flat_path.read_bytes().split(b"\n")[0].decode() if written.flat
                else (written.path / "shard.json").read_text())
        parsed = json.loads(text)
        assert text == json.dumps(parsed, sort_keys=True, separators=(",", ":"))
        assert parsed["spec"] == spec.content_dict() and parsed["format"] == shard_module.SHARD_FORMAT
        read = read_shard(written.path, spec, verify=True)
        assert read.meta == written.meta and read.meta["by_id"] == {"2": 0.5, "10": 1.5}
        assert read.meta["sizes"] == [3, 4] and read.spec == written.spec


def test_a_shard_without_videos_is_one_file_read_checked_and_committed_like_a_folder(tmp_path: Path) -> None:
    """State-only (and PNG) shards are one file, no folder: read back, checked by size and hash, replaced whole."""
    state = DatasetSpec(fps=FPS, robot_type="panda", features=FEATURES)
    records = [EpisodeRecord(attempt=i, task=TASKS[i], frames=make_record(i, n, TASKS[i]).frames,
                             meta={"seed": i}) for i, n in enumerate(LENGTHS)]
    written = [write_episode_shard(r, state, tmp_path / "shards" / f"attempt-{i:07d}") for i, r in enumerate(records)]
    assert sorted(p.name for p in (tmp_path / "shards").iterdir()) == [f"attempt-{i:07d}.shard" for i in range(3)]
    for shard in written:
        assert shard.flat and shard.flat_path.is_file() and not shard.path.exists()
        for name in (shard.path, shard.flat_path):  # the shard's name, or its file
            read = read_shard(name, state)
            assert (read.flat, read.task, read.length, read.meta, read.files) == \
                   (True, shard.task, shard.length, shard.meta, shard.files)
        assert read.read_frames().num_rows == shard.length
    commit_dataset(written, state, tmp_path / "a", extra_meta={})
    commit_dataset([s.path for s in written], state, tmp_path / "b", extra_meta={})
    files_a = json.loads((tmp_path / "a/manifest.json").read_text())["files"]
    assert files_a == json.loads((tmp_path / "b/manifest.json").read_text())["files"]
    with DatasetReader(tmp_path / "a") as reader:
        got = reader.episode(1, keys=["action"])["action"]
    np.testing.assert_array_equal(got, records[1].frames["action"])
    path = written[0].flat_path
    data = bytearray(path.read_bytes())
    data[-20] ^= 0xFF  # in the frames: same size, only the hash can tell
    path.write_bytes(bytes(data))
    assert read_shard(written[0].path, verify=False).length == LENGTHS[0]
    with pytest.raises(DatasetFileError, match="SHA-256"):
        read_shard(written[0].path)
    path.write_bytes(bytes(data[:-7]))
    with pytest.raises(DatasetFileError, match="bytes"):
        commit_dataset(written, state, tmp_path / "c", extra_meta={}, verify_shards=False)
    # Rewritten (a re-run attempt), also over a folder of the other layout, which would shadow it.
    write_shard(make_record(0, 16, "pick"), make_spec(), written[0].path)
    assert written[0].path.is_dir() and not path.exists()
    write_shard(records[0], state, written[0].path)
    assert path.is_file() and not written[0].path.exists() and read_shard(written[0].path).length == LENGTHS[0]


def test_a_changed_shard_json_is_caught(tmp_path: Path) -> None:
    path = write_shard(make_record(0, 16, "pick"), make_spec(), tmp_path / "attempt-0000000")
    info = json.loads((path / "shard.json").read_text())
    info["meta"]["seed"] += 1  # valid JSON, plausible content: only the recorded digest can tell
    (path / "shard.json").write_text(json.dumps(info))
    with pytest.raises(DatasetFileError, match=r"shard\.json.*SHA-256"):
        read_shard(path)
    assert read_shard(path, verify=False).meta["seed"] == 1001


def test_data_parquet_dictionary_encodes_integer_columns_only(video_ds: tuple[Path, list[EpisodeRecord],
                                                                                 DatasetSpec]) -> None:
    meta = pq.ParquetFile(video_ds[0] / "data/chunk-000/file-000.parquet").metadata
    encodings = {meta.row_group(0).column(c).path_in_schema.split(".list")[0]: meta.row_group(0).column(c).encodings
                 for c in range(meta.num_columns)}
    dictionary = {name for name, enc in encodings.items() if any("DICTIONARY" in e for e in enc)}
    assert {"episode_index", "task_index", "index", "observation.goal_ids"} <= dictionary
    assert not dictionary & {"observation.state", "action", "env_state", "next.reward", "timestamp"}


def test_shard_write_failure_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object, **kwargs: object) -> int:
        raise RuntimeError("encoder died")

    monkeypatch.setattr(shard_module, "encode_video", boom)
    with pytest.raises(RuntimeError, match="encoder died"):
        write_shard(make_record(0, 16, "pick"), make_spec(), tmp_path / "attempt-0000000")
    assert list(tmp_path.iterdir()) == []


def test_a_killed_shard_write_is_never_visible(tmp_path: Path) -> None:
    # Kill the writer process mid-write (os._exit: no cleanup runs), as a crashed worker would.
    script = f"""
import os, sys
sys.path.insert(0, {str(Path(__file__).parent)!r})
import test_dataset as t
from sim.dataset import shard
def die(*a, **k):
    os._exit(3)
shard.encode_video = die
out = __import__("pathlib").Path({str(tmp_path)!r}) / "attempt-0000000"
shard.write_shard(t.make_record(0, 16, "pick"), t.make_spec(), out)
"""
    proc = subprocess.run([sys.executable, "-c", script], env={**os.environ, "MUJOCO_GL": "egl"}, timeout=300)
    assert proc.returncode == 3
    left = [p.name for p in tmp_path.iterdir()]
    assert left and all(name.startswith(".attempt-0000000.") and name.endswith(".partial") for name in left)
    assert not (tmp_path / "attempt-0000000").exists()
    with pytest.raises(DatasetFileError, match="missing shard folder"):
        read_shard(tmp_path / "attempt-0000000")
    with pytest.raises(DatasetFileError, match="partial"):
        read_shard(tmp_path / left[0])
    assert remove_partial_shards(tmp_path) and list(tmp_path.iterdir()) == []
    write_shard(make_record(0, 16, "pick"), make_spec(), tmp_path / "attempt-0000000")  # the retry succeeds
    assert read_shard(tmp_path / "attempt-0000000").length == 16


def test_rewriting_a_shard_replaces_it_and_corruption_is_caught(tmp_path: Path) -> None:
    spec = make_spec()
    path = write_shard(make_record(0, 16, "pick"), spec, tmp_path / "attempt-0000000")
    write_shard(make_record(0, 20, "place"), spec, path)
    assert read_shard(path).task == "place" and [p.name for p in tmp_path.iterdir()] == ["attempt-0000000"]
    video = path / "videos" / "front.mp4"
    data = bytearray(video.read_bytes())
    data[-10] ^= 0xFF
    video.write_bytes(bytes(data))
    with pytest.raises(DatasetFileError, match=r"front.mp4: content differs"):
        read_shard(path)


# --- validation at the boundary -----------------------------------------------------------------------
@pytest.mark.parametrize(("change", "message"), [
    (lambda f, i: f.pop("action"), r"missing: \['action'\]"),
    (lambda f, i: f.update(extra=np.zeros((16, 1))), r"unexpected: \['extra'\]"),
    (lambda f, i: f.update(action=np.zeros((16, 4), np.float32)), r"'action': shape \(16, 4\), expected \(16, 5\)"),
    (lambda f, i: f["observation.state"].__setitem__((3, 1), np.nan), "non-finite value at frame 3"),
    (lambda f, i: f.update({"next.success": np.zeros((16, 1), np.float32)}), "cannot be stored as bool"),
    (lambda f, i: i.update(front=np.zeros((16, 32, 32, 3), np.uint8)), "camera 'front'"),
    (lambda f, i: i.pop("wrist"), "cameras"),
])
def test_bad_records_are_rejected_with_the_reason(tmp_path: Path, change: object, message: str) -> None:
    rec = make_record(0, 16, "pick")
    frames, images = dict(rec.frames), dict(rec.images)
    change(frames, images)  # type: ignore[operator]
    bad = EpisodeRecord(attempt=0, task="pick", frames=frames, images=images)
    with pytest.raises(DatasetSchemaError, match=message):
        write_shard(bad, make_spec(), tmp_path / "attempt-0000000")
    assert list(tmp_path.iterdir()) == []


def test_meta_that_contradicts_the_record_or_is_not_json_is_rejected(tmp_path: Path) -> None:
    rec = make_record(0, 16, "pick")
    for meta, message in (({"length": 99}, "disagrees"), ({"when": object()}, r"offending keys: \['when'\]")):
        bad = EpisodeRecord(attempt=0, task="pick", frames=rec.frames, images=rec.images, meta=meta)
        with pytest.raises(DatasetSchemaError, match=message):
            write_shard(bad, make_spec(), tmp_path / "attempt-0000000")


def test_codec_settings_resolve_per_encoder_and_reject_mismatches() -> None:
    assert VideoCodec().options() == {"crf": "18", "preset": "veryfast", "g": "2", "bf": "0",
                                     "x264-params": "mbtree=0", "tune": "fastdecode"}
    assert (VideoCodec(encoder="libsvtav1").crf, VideoCodec(encoder="libsvtav1").preset) == (30, "12")
    with pytest.raises(DatasetError, match="unknown libsvtav1 tune 'fastdecode'; valid options: none"):
        VideoCodec(encoder="libsvtav1", tune="fastdecode")
    with pytest.raises(DatasetError, match="unknown video encoder 'libvpx'"):
        VideoCodec(encoder="libvpx")


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"image_height": 63}, "even image size"),
    ({"storage": "gif"}, "unknown storage mode 'gif'; valid options: image, video"),
    ({"fps": 20.5}, "fps must be an integer"),
    ({"cameras": ("front", "front")}, "listed twice"),
    ({"cameras": ("front/left",)}, "camera name"),
    ({"features": make_features({"index": ("int64", 1)})}, "reserved"),
    ({"data_files_size_in_mb": 0}, "data_files_size_in_mb must be > 0"),
])
def test_bad_specs_are_rejected_with_the_reason(kwargs: dict[str, object], message: str) -> None:
    base: dict[str, object] = {"fps": FPS, "robot_type": "panda", "features": FEATURES, "cameras": CAMERAS,
                               "image_height": SIZE, "image_width": SIZE}
    with pytest.raises(DatasetError, match=message):
        DatasetSpec(**{**base, **kwargs})  # type: ignore[arg-type]


def test_feature_names_cannot_hold_a_slash() -> None:
    with pytest.raises(DatasetSchemaError, match="without '/'"):
        make_features({"observation/state": ("float32", 3)})


def test_a_spec_reads_back_from_its_json_and_unknown_keys_are_refused() -> None:
    spec = make_spec()
    doc = json.loads(json.dumps(spec.to_dict()))  # lists, as a shard's or the manifest's JSON holds them
    assert DatasetSpec.from_dict(doc) == spec
    assert DatasetSpec.from_dict(json.loads(json.dumps(spec.content_dict()))) == spec
    with pytest.raises(DatasetSchemaError, match=r"dataset spec: unknown key\(s\) 'camera'; valid keys: cameras"):
        DatasetSpec.from_dict({**doc, "camera": "front"})
    with pytest.raises(DatasetSchemaError, match=r"dataset spec: codec: unknown key\(s\) 'speed'"):
        DatasetSpec.from_dict({**doc, "codec": {**doc["codec"], "speed": 1}})
    with pytest.raises(DatasetSchemaError, match=r"features\[0\]: expected a mapping, got str"):
        DatasetSpec.from_dict({**doc, "features": ["action"]})
    with pytest.raises(DatasetSchemaError, match="not a dataset spec"):
        DatasetSpec.from_dict([doc])  # type: ignore[arg-type]


def test_commit_refuses_a_complete_dataset_and_foreign_shards(video_ds: tuple[Path, list[EpisodeRecord],
                                                                              DatasetSpec], tmp_path: Path) -> None:
    root, _, spec = video_ds
    shards = sorted((root / ".datagen/shards").iterdir())
    with pytest.raises(DatasetError, match="already holds a complete dataset"):
        commit_dataset(shards, spec, root, extra_meta={})
    other = DatasetSpec(fps=FPS, robot_type="ur5e", features=FEATURES, cameras=CAMERAS, image_height=SIZE,
                        image_width=SIZE)
    with pytest.raises(DatasetSchemaError, match="differs in: robot_type"):
        commit_dataset(shards, other, tmp_path / "new", extra_meta={})
    with pytest.raises(DatasetSchemaError, match="reserved"):
        commit_dataset(shards, spec, tmp_path / "new", extra_meta={"files": {}})
    assert not (tmp_path / "new").exists() or not any((tmp_path / "new").iterdir())


# --- viewer -----------------------------------------------------------------------------------------
def test_view_episode_tiles_the_cameras(video_ds: tuple[Path, list[EpisodeRecord], DatasetSpec],
                                        tmp_path: Path) -> None:
    out = view_episode(video_ds[0], 1, tmp_path / "ep1.mp4")
    with av.open(str(out)) as container:
        frames = list(container.decode(video=0))
    assert len(frames) == LENGTHS[1]
    assert (frames[0].width, frames[0].height) == (2 * SIZE * 4, SIZE * 4)  # two cameras, enlarged 4x


# --- a real env rollout -------------------------------------------------------------------------------
def test_real_rollout_round_trip(tmp_path: Path) -> None:
    import gymnasium as gym
    import mujoco

    env: Any = gym.make("armstack/Reach-v0", max_steps=12).unwrapped
    spec = spec_for_env(env, cameras=(), storage="video")
    names = spec.feature("observation.state").names
    assert names is not None and names[0] == "panda_joint1.pos" and names[-1] == "gripper.opening"
    obs, info = env.reset(seed=7)
    expert = env.expert()
    size = mujoco.mj_stateSize(env.model, STATE_SPEC)
    cols: dict[str, list[np.ndarray]] = {f.name: [] for f in spec.features}
    while True:
        physics = np.empty(size)
        mujoco.mj_getState(env.model, env.data, physics, STATE_SPEC)
        cols["observation.state"].append(np.concatenate((obs["joint_pos"], obs["joint_vel"], obs["ee_pose"],
                                                         obs["gripper"])))
        cols["observation.environment_state"].append(np.concatenate((obs["object_poses"].ravel(), obs["goal_pos"])))
        cols["observation.goal_ids"].append(np.array([obs["task_id"], obs["object_id"], obs["target_id"]]))
        cols["env_state"].append(physics)
        action = np.asarray(expert.act(), dtype=np.float32)
        obs, reward, terminated, truncated, step_info = env.step(action)
        cols["action"].append(action)
        cols["next.reward"].append(np.array([reward]))
        cols["next.success"].append(np.array([bool(step_info["is_success"])]))
        cols["next.done"].append(np.array([terminated or truncated]))
        if terminated or truncated:
            break
    record = EpisodeRecord(attempt=0, task=info["instruction"], frames={k: np.stack(v) for k, v in cols.items()},
                           meta={"seed": 7, "task": info["task"]})
    out = tmp_path / "real"
    commit_dataset([write_shard(record, spec, tmp_path / "shards" / "attempt-0000000")], spec, out, extra_meta={})
    assert verify_dataset(out).ok
    ep = DatasetReader(out).episode(0)
    np.testing.assert_array_equal(ep["env_state"], record.frames["env_state"])
    assert ep["observation.state"].shape == (len(record.frames["action"]), 2 * 7 + 8)
    # Frames are one control period apart in physics time, and each stored physics state restores the
    # arm pose its observation reported (up to the observation noise of the default randomisation).
    np.testing.assert_allclose(np.diff(ep["env_state"][:, 0]), 1.0 / spec.fps, atol=1e-9)
    for k in (0, 5, len(ep["action"]) - 1):
        mujoco.mj_setState(env.model, env.data, ep["env_state"][k], STATE_SPEC)
        np.testing.assert_allclose(env.data.qpos[env.view.arm_q], ep["observation.state"][k, :7], atol=0.02)
    view = view_episode(out, 0, tmp_path / "card.mp4")  # no cameras: a text card per frame
    assert view.stat().st_size > 0
    env.close()


def test_every_committed_file_is_on_disk_before_the_manifest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Power-loss order: each data, video and meta file is fsynced before manifest.json vouches for it."""
    synced: list[str] = []
    real_fsync = os.fsync

    def recording_fsync(fd: int) -> None:
        synced.append(os.readlink(f"/proc/self/fd/{fd}"))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", recording_fsync)
    out, _, _ = build(tmp_path)
    files = json.loads((out / "manifest.json").read_text())["files"]
    manifest_at = max(i for i, p in enumerate(synced) if ".manifest.json." in p)  # its temp file, then renamed
    # Files are synced in the staging folder, before their folders are renamed into the dataset.
    staged = {p.split(".staging-", 1)[1].split("/", 1)[1] for p in synced[:manifest_at] if ".staging-" in p}
    assert set(files) <= staged, sorted(set(files) - staged)
    assert any(p.endswith(".mp4") for p in files) and any(p.endswith(".parquet") for p in files)
