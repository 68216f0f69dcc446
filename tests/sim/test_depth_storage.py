"""Depth in datasets: a 16-bit PNG image feature per camera (LeRobot's depth image), read back as the same millimetres
to the bit, with one channel's statistics; checked by ``dataset verify``; old-layout (format 1) datasets still read."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from sim.dataset import (
    DatasetFileError,
    DatasetReader,
    DatasetSchemaError,
    DatasetSpec,
    EpisodeRecord,
    commit_dataset,
    depth_image_mm,
    depth_key,
    depth_millimetres,
    make_features,
    verify_dataset,
    write_shard,
)
from sim.dataset import stats as st
from sim.dataset.commit import manifest_digest
from sim.dataset.depth import decode_depth, encode_depth_png
from sim.dataset.files import sha256_file

SIZE = 24
CAMERAS = ("front", "wrist")
LENGTHS = (7, 11)
FEATURES = make_features({"observation.state": ("float32", 4), "action": ("float32", 5)})


def depth_frames(length: int, seed: int) -> np.ndarray:
    """Millimetres over the whole uint16 range, the far-plane value and zero included."""
    rng = np.random.default_rng(seed)
    frames = rng.integers(300, 3000, size=(length, SIZE, SIZE)).astype(np.uint16)
    frames[:, 0, :3] = (0, 65535, 65534)
    frames[:, -1, -1] = rng.integers(0, 65536, size=length)
    return frames


def make_record(attempt: int, length: int, cams: tuple[str, ...] = CAMERAS) -> EpisodeRecord:
    rng = np.random.default_rng(attempt)
    return EpisodeRecord(
        attempt=attempt, task=f"pick the cube {attempt}",
        frames={"observation.state": rng.normal(size=(length, 4)).astype(np.float32),
                "action": rng.uniform(-1, 1, size=(length, 5)).astype(np.float32)},
        images={c: rng.integers(0, 256, size=(length, SIZE, SIZE, 3), dtype=np.uint8) for c in CAMERAS},
        depth={c: depth_frames(length, 10 * attempt + i) for i, c in enumerate(cams)})


def make_spec(storage: str = "video", depth_cameras: tuple[str, ...] = CAMERAS) -> DatasetSpec:
    return DatasetSpec(fps=20, robot_type="panda", features=FEATURES, cameras=CAMERAS, depth_cameras=depth_cameras,
                       image_height=SIZE, image_width=SIZE, storage=storage)


def build(tmp_path: Path, storage: str = "video", records: list[EpisodeRecord] | None = None) -> tuple[
        Path, list[EpisodeRecord]]:
    spec = make_spec(storage)
    records = records or [make_record(i, n) for i, n in enumerate(LENGTHS)]
    out = tmp_path / f"ds_{storage}"
    shards = [write_shard(r, spec, tmp_path / f"shards_{storage}" / f"attempt-{i:07d}") for i, r in enumerate(records)]
    commit_dataset(shards, spec, out)
    return out, records


@pytest.fixture(scope="module")
def video_ds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[EpisodeRecord]]:
    return build(tmp_path_factory.mktemp("depth"))


def data_file(root: Path) -> Path:
    return root / "data/chunk-000/file-000.parquet"


@pytest.mark.parametrize("storage", ["video", "image"])
def test_depth_round_trips_to_the_bit_as_a_16_bit_image(tmp_path: Path, storage: str) -> None:
    root, records = build(tmp_path, storage)
    info = json.loads((root / "meta/info.json").read_text())
    assert info["features"][depth_key("front")] == {
        "dtype": "image", "shape": [SIZE, SIZE, 1], "names": ["height", "width", "channels"],
        "info": {"is_depth_map": True, "depth_unit": "mm"}}
    with DatasetReader(root) as reader:
        assert reader.depth_keys == (depth_key("front"), depth_key("wrist"))
        assert depth_key("front") not in reader.image_keys + reader.video_keys  # not an RGB camera
        for k, rec in enumerate(records):
            ep = reader.episode(k)
            for cam in CAMERAS:
                got = ep[depth_key(cam)]
                # The layout training reads: (T, H*W) int64 millimetres, row-major.
                assert got.dtype == np.int64 and got.shape == (rec.length, SIZE * SIZE)
                np.testing.assert_array_equal(got, rec.depth[cam].reshape(rec.length, -1))
        batch = next(reader.batches(100, keys=["index", depth_key("wrist")], shuffle=True, seed=1))
        every = np.concatenate([r.depth["wrist"].reshape(r.length, -1) for r in records])
        np.testing.assert_array_equal(batch[depth_key("wrist")], every[batch["index"].ravel()])
    # In the parquet: one 16-bit grayscale PNG per frame, which LeRobot's reader (PIL) opens as uint16 ("I;16").
    from PIL import Image

    column = pq.read_table(data_file(root), columns=[depth_key("front")]).column(0).to_pylist()
    assert len(column) == sum(LENGTHS) and column[0]["path"] == "frame-000000.png"
    image = Image.open(io.BytesIO(column[0]["bytes"]))
    assert image.mode == "I;16"
    np.testing.assert_array_equal(np.asarray(image), records[0].depth["front"][0])


def test_a_rendered_depth_map_is_stored_as_the_millimetres_a_policy_reads(tmp_path: Path) -> None:
    import gymnasium as gym

    env = gym.make("armstack/PickPlace-v0", obs_mode="rgbd", cameras=CAMERAS, image_size=SIZE)
    obs, _ = env.reset(seed=5)
    obs2, *_ = env.step(np.zeros(5))
    env.close()
    record = make_record(0, 2)
    for cam in CAMERAS:
        record.depth[cam] = np.stack([depth_image_mm(o[f"{cam}_depth"]) for o in (obs, obs2)])
    root, _ = build(tmp_path, "image", [record])
    with DatasetReader(root) as reader:
        ep = reader.episode(0, [depth_key(c) for c in CAMERAS])
    for cam in CAMERAS:
        np.testing.assert_array_equal(ep[depth_key(cam)][0], depth_millimetres(obs[f"{cam}_depth"]))
        np.testing.assert_array_equal(ep[depth_key(cam)][1], depth_millimetres(obs2[f"{cam}_depth"]))
        assert len(np.unique(ep[depth_key(cam)][0])) > 10  # a scene, not a constant plane
    assert ep[depth_key("front")].min() > 100  # millimetres: the table is ~1 m from the front camera


def test_depth_statistics_are_one_channel_over_every_pixel(video_ds: tuple[Path, list[EpisodeRecord]]) -> None:
    root, records = video_ds
    rows = pq.read_table(root / "meta/episodes/chunk-000/file-000.parquet").to_pylist()
    key = depth_key("front")
    for row, rec in zip(rows, records, strict=True):
        pixels = rec.depth["front"].astype(np.float64).ravel()
        got = {s: np.asarray(row[f"stats/{key}/{s}"]) for s in st.STAT_KEYS}
        assert all(v.shape == (1, 1, 1) for s, v in got.items() if s != "count")
        assert got["count"].tolist() == [rec.length]
        assert (got["min"].item(), got["max"].item()) == (0.0, 65535.0)
        for name, q in st.QUANTILES.items():
            assert got[name].item() == np.quantile(pixels, q)  # exact, from the histogram
        np.testing.assert_allclose([got["mean"].item(), got["std"].item()], [pixels.mean(), pixels.std()], rtol=1e-12)
    stats = json.loads((root / "meta/stats.json").read_text())[key]
    every = np.concatenate([r.depth["front"].astype(np.float64).ravel() for r in records])
    assert np.asarray(stats["mean"]).shape == (1, 1, 1) and stats["count"] == [sum(LENGTHS)]
    np.testing.assert_allclose([np.asarray(stats["mean"]).item(), np.asarray(stats["std"]).item()],
                               [every.mean(), every.std()], rtol=1e-12)
    assert (np.asarray(stats["min"]).item(), np.asarray(stats["max"]).item()) == (0.0, 65535.0)


def test_verify_passes_and_a_corrupt_depth_frame_is_named(video_ds: tuple[Path, list[EpisodeRecord]],
                                                          tmp_path: Path) -> None:
    root = tmp_path / "copy"
    shutil.copytree(video_ds[0], root)
    records = video_ds[1]
    report = verify_dataset(root)
    assert report.ok, report.errors
    assert report.checked["depth_frames"] == len(CAMERAS) * sum(LENGTHS)
    # Frame 3 of episode 1's front depth: truncated PNG bytes; its wrist depth at frame 5: an 8-bit gray PNG.
    table = pq.read_table(data_file(root))
    front, wrist = (table.column(depth_key(c)).to_pylist() for c in CAMERAS)
    row = LENGTHS[0] + 3
    front[row] = {**front[row], "bytes": front[row]["bytes"][:40]}
    wrist[LENGTHS[0] + 5] = {**wrist[LENGTHS[0] + 5], "bytes": encode_8_bit_png()}
    for cam, values in zip(CAMERAS, (front, wrist), strict=True):
        i = table.schema.get_field_index(depth_key(cam))
        table = table.set_column(i, table.schema.field(i), pa.array(values, table.schema.field(i).type))
    pq.write_table(table, data_file(root))

    with pytest.raises(DatasetFileError, match=r"the manifest says \d+|SHA-256 differs from the manifest"):
        DatasetReader(root).episode(1)
    reader = DatasetReader(root, verify=False)  # e.g. --trust-data: the decoder still names the frame
    with pytest.raises(DatasetFileError) as err:
        reader.episode(1)
    message = str(err.value)
    assert message == (f"{data_file(root)}: {depth_key('front')} of episode 1 frame 3: not a decodable depth image "
                       "(16-bit PNG or TIFF)")
    with pytest.raises(DatasetFileError, match=rf"{depth_key('wrist')} of episode 1 frame 5: uint8 depth"):
        reader.episode(1, [depth_key("wrist")])
    np.testing.assert_array_equal(reader.episode(0)[depth_key("front")],
                                  records[0].depth["front"].reshape(LENGTHS[0], -1))  # its episodes only
    errors = verify_dataset(root).errors
    assert any(e.startswith(f"{data_file(root)}: has ") for e in errors)  # the manifest's size
    assert any(f"{depth_key('front')} of episode 1 frame 3: not a decodable" in e for e in errors)
    assert any(f"{depth_key('wrist')} of episode 1 frame 5" in e for e in errors)


def encode_8_bit_png() -> bytes:
    import cv2

    ok, buf = cv2.imencode(".png", np.full((SIZE, SIZE), 200, np.uint8))
    assert ok
    return buf.tobytes()


def to_format_1(root: Path, records: list[EpisodeRecord]) -> None:
    """Rewrite a dataset as armstack-dataset/1 stored depth: an (H*W,) int64 vector column with per-pixel stats."""
    info_path, stats_path, data = root / "meta/info.json", root / "meta/stats.json", data_file(root)
    info, stats = json.loads(info_path.read_text()), json.loads(stats_path.read_text())
    table = pq.read_table(data)
    for cam in CAMERAS:
        key = depth_key(cam)
        flat = np.concatenate([r.depth[cam].reshape(r.length, -1).astype(np.int64) for r in records])
        column = pa.FixedSizeListArray.from_arrays(pa.array(flat.ravel()), SIZE * SIZE)
        i = table.schema.get_field_index(key)
        table = table.set_column(i, pa.field(key, column.type), column)
        info["features"][key] = {"dtype": "int64", "shape": [SIZE * SIZE], "names": None}
        stats[key] = st.to_json({key: st.vector_stats(flat)})[key]
    pq.write_table(table, data)
    info_path.write_text(json.dumps(info, indent=4))
    stats_path.write_text(json.dumps(stats, indent=4))
    manifest = json.loads((root / "manifest.json").read_text())
    for path in (info_path, stats_path, data):
        manifest["files"][path.relative_to(root).as_posix()] = {"bytes": path.stat().st_size,
                                                                "sha256": sha256_file(path)}
    manifest["format"] = "armstack-dataset/1"
    manifest["manifest_sha256"] = manifest_digest(manifest)
    (root / "manifest.json").write_text(json.dumps(manifest))


def test_a_format_1_depth_dataset_reads_the_same_and_a_newer_format_is_refused(
        video_ds: tuple[Path, list[EpisodeRecord]], tmp_path: Path) -> None:
    new, records = video_ds
    old = tmp_path / "old"
    shutil.copytree(new, old)
    to_format_1(old, records)
    assert verify_dataset(old).ok, verify_dataset(old).errors
    with DatasetReader(new) as a, DatasetReader(old) as b:
        assert b.features[depth_key("front")]["dtype"] == "int64" and b.depth_keys == ()
        for k in range(len(records)):
            ea, eb = a.episode(k), b.episode(k)
            for cam in CAMERAS:
                assert ea[depth_key(cam)].dtype == eb[depth_key(cam)].dtype == np.int64
                np.testing.assert_array_equal(ea[depth_key(cam)], eb[depth_key(cam)])
    manifest = json.loads((old / "manifest.json").read_text())
    manifest["format"] = "armstack-dataset/9"
    manifest["manifest_sha256"] = manifest_digest(manifest)
    (old / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(DatasetFileError) as err:
        DatasetReader(old)
    assert "manifest format 'armstack-dataset/9': this armstack reads 'armstack-dataset/1', 'armstack-dataset/2'" \
        in str(err.value) and "\n" not in str(err.value)
    assert any("armstack-dataset/9" in e for e in verify_dataset(old).errors)


def test_depth_that_does_not_fit_the_spec_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatasetSchemaError, match="depth_cameras must be distinct cameras among"):
        make_spec(depth_cameras=("top",))
    with pytest.raises(DatasetSchemaError, match=r"'observation\.depth\.\*' \(depth_cameras\)"):
        DatasetSpec(fps=20, robot_type="panda", features=make_features({"observation.depth.front": ("int64", 4)}))
    spec = make_spec()
    metres = make_record(0, 3)
    metres.depth["front"] = metres.depth["front"].astype(np.float32) / 1000
    with pytest.raises(DatasetSchemaError, match=r"depth of camera 'front'.*uint16 millimetres"):
        write_shard(metres, spec, tmp_path / "attempt-0000000")
    with pytest.raises(DatasetSchemaError, match=r"depth of cameras \['front'\] does not match"):
        write_shard(make_record(0, 3, cams=("front",)), spec, tmp_path / "attempt-0000001")
    assert not any(tmp_path.iterdir())  # nothing half-written


def test_depth_written_by_lerobot_as_tiff_reads_too() -> None:
    """LeRobot 0.6 stores raw depth as TIFF (uint16 millimetres, or float32 metres): the reader takes both."""
    from PIL import Image

    mm = depth_frames(1, 3)[0]
    for array, unit, want in ((mm, "mm", mm), (mm.astype(np.float32) / 1000, "m", mm)):
        buf = io.BytesIO()
        Image.fromarray(array).save(buf, format="TIFF", compression="raw")
        np.testing.assert_array_equal(decode_depth(buf.getvalue(), (SIZE, SIZE), unit, Path("x"), "f"), want)
    np.testing.assert_array_equal(decode_depth(encode_depth_png(mm), (SIZE, SIZE), "mm", Path("x"), "f"), mm)
    with pytest.raises(DatasetFileError, match="single-channel 12x24"):
        decode_depth(encode_depth_png(mm), (12, SIZE), "mm", Path("x"), "f")
