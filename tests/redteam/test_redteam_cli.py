"""Red team: bad command-line input gets one line on stderr and exit status 2, never a traceback.

Each case is an input that used to end in a raw traceback or a misleading message.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from armstack.cli import main


def one_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


@pytest.fixture
def scene_file(tmp_path: Path) -> Path:
    path = tmp_path / "scene.json"
    path.write_text(json.dumps({"objects": [{"name": "red_cube", "kind": "cube", "color": "red"}],
                                "regions": ["left", "right", "bin", "pad"]}))
    return path


# --- datagen --out -----------------------------------------------------------------------------
@pytest.mark.parametrize("where", ["file", "under_file", "proc"])
def test_datagen_out_that_cannot_hold_a_dataset(where: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                                ) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("mine")
    out = {"file": a_file, "under_file": a_file / "ds", "proc": Path("/proc/armstack-redteam/ds")}[where]
    assert main(["datagen", "--episodes", "1", "--out", str(out), "--quiet"]) == 2
    line = one_line(capsys.readouterr().err)
    assert {"file": "is a file, not a folder", "under_file": "which is a file, not a folder",
            "proc": "cannot create the dataset folder"}[where] in line
    assert a_file.read_text() == "mine" and not Path("/proc/armstack-redteam").exists()


def test_a_refused_datagen_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    import sim.datagen.driver as driver

    usage = shutil.disk_usage(tmp_path)
    monkeypatch.setattr(driver.shutil, "disk_usage", lambda p: usage._replace(free=10_000))
    out = tmp_path / "new" / "ds"
    assert main(["datagen", "--episodes", "500", "--out", str(out), "--quiet"]) == 2
    assert "not enough free disk space" in one_line(capsys.readouterr().err)
    assert not (tmp_path / "new").exists()  # neither .datagen/run.json nor the folders it made
    monkeypatch.undo()
    assert main(["datagen", "--episodes", "1", "--out", str(out), "--quiet", "--seed", "3"]) == 0  # no "differs in"
    assert (out / "manifest.json").is_file() and not (out / ".datagen").exists()


# --- datagen --ray-address ---------------------------------------------------------------------
@pytest.fixture
def not_ray() -> Iterator[str]:
    """A TCP port that accepts connections and answers nothing Ray understands (as a proxy would)."""
    server = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            conn.sendall(b"HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n")
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"127.0.0.1:{server.getsockname()[1]}"
    stop.set()
    thread.join()
    server.close()


def _free_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as s:
        return int(s.getsockname()[1])


@pytest.mark.parametrize("kind", ["nothing_listens", "not_ray"])
def test_unreachable_ray_address_fails_fast(kind: str, not_ray: str, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("ray")
    address = f"127.0.0.1:{_free_port()}" if kind == "nothing_listens" else not_ray
    out = tmp_path / "ds"
    start = time.monotonic()
    assert main(["datagen", "--episodes", "1", "--out", str(out), "--backend", "ray", "--ray-address", address,
                 "--quiet"]) == 2
    assert time.monotonic() - start < 12  # was ~21 s of Ray's retries
    line = one_line(capsys.readouterr().err)
    assert f"--ray-address {address}" in line and "omit --ray-address" in line
    assert not out.exists()


# --- plan --------------------------------------------------------------------------------------
def test_plan_model_that_is_not_a_gguf(scene_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "--scene", str(scene_file), "--model", "/etc/passwd", "grab the red cube"]) == 2
    assert "--model /etc/passwd is not a GGUF model file" in one_line(capsys.readouterr().err)


def test_plan_scene_that_is_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "--scene", str(tmp_path), "--backend", "rules", "grab the red cube"]) == 2
    assert f"scene file {tmp_path} is a folder, not a file" in one_line(capsys.readouterr().err)


# --- render --out ------------------------------------------------------------------------------
@pytest.mark.parametrize("where", ["under_file", "folder"])
def test_render_out_that_cannot_be_a_video(where: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("mine")
    out = a_file / "video.mp4" if where == "under_file" else tmp_path
    start = time.monotonic()
    assert main(["render", "--episodes", "1", "--out", str(out)]) == 2
    assert time.monotonic() - start < 5  # refused before rendering, not after
    line = one_line(capsys.readouterr().err)
    assert ("which is a file, not a folder" if where == "under_file" else "is a folder") in line


# --- train bc config ---------------------------------------------------------------------------
@pytest.mark.parametrize(("yaml", "message"), [
    ("epochs: many\n", "epochs must be int, got str 'many'"),
    ("lr: fast\n", "lr must be float, got str 'fast'"),
    ("max_episodes: true\n", "max_episodes must be int or null, got bool True"),
    ("hidden: 1.5\n", "hidden must be int, got float 1.5"),
    ("hidden: 10000000\n", "hidden must be between 1 and 16384, got 10000000"),  # 5.7 GB before, like policy.json
    ("max_episodes: -1\n", "max_episodes must be >= 1"),  # was an IndexError
])
def test_bc_config_values_of_the_wrong_type_or_out_of_bounds(yaml: str, message: str, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "bc.yaml"
    config.write_text(yaml)
    assert main(["train", "bc", "--data", str(tmp_path), "--out", str(tmp_path / "run"), "--config",
                 str(config)]) == 2
    assert message in one_line(capsys.readouterr().err)


def test_bc_config_that_is_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["train", "bc", "--data", str(tmp_path), "--out", str(tmp_path / "run"), "--config",
                 str(tmp_path)]) == 2
    assert "is a folder, not a YAML file" in one_line(capsys.readouterr().err)


def test_bc_data_that_is_not_a_dataset(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["train", "bc", "--data", str(tmp_path / "nowhere"), "--out", str(tmp_path / "run")]) == 2
    assert "nowhere: does not exist" in one_line(capsys.readouterr().err)


# --- output paths checked before the work ------------------------------------------------------
@pytest.mark.parametrize("flag", ["--report", "--video"])
def test_eval_outputs_under_a_file_are_refused_before_evaluating(flag: str, tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("mine")
    start = time.monotonic()
    assert main(["eval", "--policy", str(tmp_path / "no-checkpoint"), "--episodes", "1", flag,
                 str(a_file / "out")]) == 2
    assert time.monotonic() - start < 5
    assert f"{flag} {a_file / 'out'} is under {a_file}, which is a file" in one_line(capsys.readouterr().err)


def test_train_out_under_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("mine")
    assert main(["train", "bc", "--data", str(tmp_path), "--out", str(a_file / "run")]) == 2
    assert "cannot create the run folder" in one_line(capsys.readouterr().err)


@pytest.mark.parametrize(("workers", "message"), [("100000", "--workers must be between 1 and 10000"),
                                                  ("1000", "is more than this machine can run")])
def test_datagen_workers_beyond_the_machine(workers: str, message: str, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ds"
    assert main(["datagen", "--episodes", "1", "--workers", workers, "--out", str(out), "--quiet"]) == 2
    assert message in one_line(capsys.readouterr().err)
    assert not out.exists()
