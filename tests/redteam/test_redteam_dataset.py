"""Red team: a dataset changed after its commit must not be read or trained on; the error names the file.

Each attempt flips one byte (or rewrites one value) in one kind of file of a real committed dataset, then
trains on it through the CLI (state files) or reads it (videos), and expects exit status 2 with one line
on stderr that names the file.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from armstack.cli import main
from sim.datagen import DatagenConfig, run_datagen
from sim.dataset import DatasetFileError, DatasetReader

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("redteam")]

STATE_FILES = ("data/chunk-000/file-000.parquet", "meta/episodes/chunk-000/file-000.parquet", "meta/info.json",
               "meta/tasks.parquet", "meta/stats.json", "meta/armstack_episodes.jsonl")


@pytest.fixture(scope="module")
def state_ds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("redteam") / "state"
    run_datagen(DatagenConfig(episodes=2, obs=("state",), cameras=(), seed=3, out=str(out)), progress=False)
    return out


@pytest.fixture(scope="module")
def video_ds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("redteam") / "video"
    run_datagen(DatagenConfig(episodes=1, obs=("state", "rgb"), cameras=("front",), image_size=32, seed=3,
                              out=str(out)), progress=False)
    return out


def copy_of(ds: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(ds, tmp_path / "ds"))


def flip_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


def train(ds: Path, tmp_path: Path, *extra: str) -> int:
    return main(["train", "bc", "--data", str(ds), "--out", str(tmp_path / "run"), "--epochs", "1",
                 "--eval-every", "0", "--quiet", *extra])


def one_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    return lines[0]


@pytest.mark.parametrize("rel", STATE_FILES)
def test_training_on_a_flipped_byte_fails_naming_the_file(state_ds: Path, tmp_path: Path, rel: str,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    ds = copy_of(state_ds, tmp_path)
    flip_byte(ds / rel)
    assert train(ds, tmp_path) == 2
    line = one_line(capsys.readouterr().err)
    assert f"{ds / rel}: SHA-256 differs from the manifest" in line


def change_first_action(path: Path) -> None:
    """Rewrite a data file as valid parquet with one action value changed (a bad edit, not a broken file)."""
    table = pq.read_table(path)
    actions = table.column("action").combine_chunks()
    values = actions.flatten().to_numpy().copy()
    values[0] = -values[0] if values[0] else 0.5
    changed = pa.FixedSizeListArray.from_arrays(pa.array(values, actions.type.value_type), actions.type.list_size)
    pq.write_table(table.set_column(table.schema.get_field_index("action"), "action", changed), path)
    assert not pc.all(pc.equal(pq.read_table(path).column("action").combine_chunks().flatten(),
                               actions.flatten())).as_py()


def test_training_on_a_changed_action_value_fails(state_ds: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    ds = copy_of(state_ds, tmp_path)
    path = ds / "data/chunk-000/file-000.parquet"
    change_first_action(path)
    assert train(ds, tmp_path) == 2
    assert str(path) in one_line(capsys.readouterr().err)


def test_trust_data_is_the_only_way_past_the_check(state_ds: Path, tmp_path: Path) -> None:
    ds = copy_of(state_ds, tmp_path)
    change_first_action(ds / "data/chunk-000/file-000.parquet")
    config = tmp_path / "bc.yaml"
    config.write_text("hidden: 16\ndepth: 1\n")
    assert train(ds, tmp_path, "--config", str(config), "--trust-data") == 0


def test_a_missing_or_edited_manifest_is_refused(state_ds: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    ds = copy_of(state_ds, tmp_path)
    manifest = json.loads((ds / "manifest.json").read_text())
    manifest["files"]["meta/stats.json"]["sha256"] = "0" * 64  # edited without its own digest
    (ds / "manifest.json").write_text(json.dumps(manifest))
    assert train(ds, tmp_path) == 2
    assert "manifest.json: content differs from its own manifest_sha256" in one_line(capsys.readouterr().err)
    (ds / "manifest.json").unlink()
    assert train(ds, tmp_path) == 2
    assert "manifest.json: missing" in one_line(capsys.readouterr().err)


def test_reading_a_flipped_mp4_fails_naming_it(video_ds: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    ds = copy_of(video_ds, tmp_path)
    video = ds / "videos/observation.images.front/chunk-000/file-000.mp4"
    flip_byte(video)
    with DatasetReader(ds) as reader:
        state = reader.episode(0, ["observation.state"])  # files that are intact still read
        assert len(state["observation.state"]) == reader.length(0)
        with pytest.raises(DatasetFileError, match=r"file-000\.mp4: SHA-256 differs"):
            reader.episode(0)
    assert main(["dataset", "view", str(ds), "--out", str(tmp_path / "view.mp4")]) == 2
    assert f"{video}: SHA-256" in one_line(capsys.readouterr().err)


def test_an_intact_dataset_reads_and_every_file_it_opens_is_hashed_once(video_ds: Path) -> None:
    with DatasetReader(video_ds) as reader:
        reader.episode(0)
        reader.episode(0)
        files = json.loads((video_ds / "manifest.json").read_text())["files"]
        opened = {"meta/info.json", "meta/tasks.parquet", "meta/stats.json", "meta/episodes/chunk-000/file-000.parquet",
                  "data/chunk-000/file-000.parquet", "videos/observation.images.front/chunk-000/file-000.mp4"}
        assert reader.hashes.checked == opened
        assert reader.hashes.bytes_hashed == sum(files[f]["bytes"] for f in opened)
