"""Red team: the data factory under a full disk, a killed driver, and runs killed between their steps.

A full disk is a real one where this machine lets a test mount a small tmpfs in its own mount namespace
(``unshare -m``, as root or with user namespaces); otherwise those tests are skipped.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from sim.datagen import DatagenConfig, run_datagen
from sim.datagen.shards import generate_to_shard, shard_root, write_json_atomic

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("redteam")]

REPO = Path(__file__).resolve().parents[2]
_DATAGEN = textwrap.dedent("""
    import sys
    import sim.datagen.driver as driver
    driver.check_disk_space = lambda *a, **k: None  # the estimate would refuse this small disk up front
    from armstack.cli import main
    sys.exit(main(["datagen", "--episodes", "2", "--out", sys.argv[1], "--quiet", "--seed", "3"]))
""")


def _can_mount_tmpfs(tmp_path: Path) -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = tmp_path / "probe"
    probe.mkdir()
    done = subprocess.run(["unshare", "-m", "sh", "-c", f"mount -t tmpfs -o size=64k tmpfs {probe}"],
                          capture_output=True, check=False)
    probe.rmdir()
    return done.returncode == 0


def _datagen_on_tmpfs(tmp_path: Path, size: str, prepare: str = "") -> subprocess.CompletedProcess[str]:
    """``armstack datagen`` (2 state episodes) into ``<mount>/ds``, a tmpfs of ``size`` seen only by this run."""
    if not _can_mount_tmpfs(tmp_path):
        pytest.skip("cannot mount a tmpfs here (needs unshare -m as root or with user namespaces)")
    mount = tmp_path / "disk"
    mount.mkdir()
    script = tmp_path / "datagen.py"
    script.write_text(_DATAGEN)
    shell = (f"mount -t tmpfs -o size={size} tmpfs {mount} && {prepare} "
             f"{sys.executable} {script} {mount / 'ds'}; echo rc=$? >&2; ls -A {mount / 'ds'} 2>/dev/null")
    return subprocess.run(["unshare", "-m", "sh", "-c", shell], capture_output=True, text=True, timeout=300,
                          cwd=REPO, env={**os.environ, "MUJOCO_GL": "egl"}, check=False)


def _errors(done: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in done.stderr.splitlines() if line.strip() and not line.startswith("rc=")]


def test_enospc_writing_a_shard_is_one_line_and_leaves_nothing(tmp_path: Path) -> None:
    done = _datagen_on_tmpfs(tmp_path, "64k")  # not even one shard fits
    assert "rc=2" in done.stderr, done.stderr
    assert len(_errors(done)) == 1 and "Traceback" not in done.stderr
    assert "writing a shard failed" in done.stderr and "No space left on device" in done.stderr
    assert done.stdout.strip() == ""  # the refused new run took its work folder with it


def test_enospc_during_the_commit_is_one_line_and_keeps_the_shards(tmp_path: Path) -> None:
    done = _datagen_on_tmpfs(tmp_path, "512k")  # the two shards fit, the dataset beside them does not
    assert "rc=2" in done.stderr, done.stderr
    assert len(_errors(done)) == 1 and "Traceback" not in done.stderr
    assert "committing the dataset" in done.stderr and "No space left on device" in done.stderr
    assert done.stdout.split() == [".datagen"]  # no half dataset, no manifest; the shards stay to resume


def _state_config(out: Path, episodes: int = 2) -> DatagenConfig:
    return DatagenConfig(episodes=episodes, obs=("state",), cameras=(), seed=3, out=str(out))


def _run_with_all_shards(out: Path) -> DatagenConfig:
    """A run killed after its last shard, before its commit (what a full disk at the commit leaves)."""
    config = _state_config(out)
    shard_root(out).mkdir(parents=True)
    write_json_atomic(out / ".datagen/run.json", {"config": config.content_fields()})
    for attempt in range(config.episodes):
        assert generate_to_shard(config, attempt)["success"]
    return config


def test_resume_needs_room_for_the_commit_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sim.datagen.driver as driver

    out = tmp_path / "ds"
    config = _run_with_all_shards(out)
    shard_bytes = sum(p.stat().st_size for p in shard_root(out).iterdir())
    whole_run = driver.estimate_bytes(config)
    free = 2 * shard_bytes + 200_000
    assert free < whole_run  # what the old check wanted: this run was refused
    usage = shutil.disk_usage(tmp_path)
    monkeypatch.setattr(driver.shutil, "disk_usage", lambda p: usage._replace(free=free))
    assert run_datagen(config, progress=False)["episodes"] == 2
    assert (out / "manifest.json").is_file() and not (out / ".datagen").exists()


def test_a_finished_run_leaves_no_work_folder_and_a_stale_one_is_cleaned(tmp_path: Path) -> None:
    out = tmp_path / "ds"
    config = _state_config(out)
    run_datagen(config, progress=False)
    assert not (out / ".datagen").exists()
    before = (out / "manifest.json").read_bytes()
    stale = _run_with_all_shards(tmp_path / "other")  # as a kill right after the manifest leaves it
    shutil.move(tmp_path / "other" / ".datagen", out / ".datagen")
    assert stale.content_fields() == config.content_fields()
    run_datagen(config, progress=False)
    assert not (out / ".datagen").exists() and (out / "manifest.json").read_bytes() == before


def _children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            state, ppid = (entry / "stat").read_text().rsplit(")", 1)[1].split()[:2]
        except (OSError, ValueError):
            continue
        if int(ppid) == pid and state != "Z":
            out.append(int(entry.name))
    return out


def _alive(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.parametrize("obs", ["state", "state,rgb"])  # forked workers; spawned ones and the resource tracker
def test_workers_exit_when_the_driver_is_killed(obs: str, tmp_path: Path) -> None:
    if not Path("/proc/self/stat").is_file():
        pytest.skip("needs /proc")
    out = tmp_path / "ds"
    cmd = [sys.executable, "-m", "armstack.cli", "datagen", "--episodes", "200", "--workers", "2", "--obs", obs,
           "--cameras", "front", "--image-size", "32", "--out", str(out), "--quiet"]
    driver = subprocess.Popen(cmd, cwd=REPO, env={**os.environ, "MUJOCO_GL": "egl"}, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    children: list[int] = []
    try:
        deadline = time.monotonic() + 120
        shards = shard_root(out)
        while time.monotonic() < deadline and driver.poll() is None:
            children = _children(driver.pid)
            if children and shards.is_dir() and any(not p.name.startswith(".") for p in shards.iterdir()):
                break
            time.sleep(0.1)
        assert driver.poll() is None and children, "the driver finished or started no worker"
        os.kill(driver.pid, signal.SIGKILL)  # the driver alone, by PID, not its process group
        driver.wait()
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and any(_alive(p) for p in children):
            time.sleep(0.1)
        left = [p for p in children if _alive(p)]
        assert not left, f"still running after the driver died: {left}"
    finally:
        if driver.poll() is None:
            driver.kill()
        for pid in children:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


def test_the_summary_records_nothing_of_a_refused_run(tmp_path: Path) -> None:
    """A run refused for its configuration after a finished one keeps the finished dataset as it was."""
    out = tmp_path / "ds"
    run_datagen(_state_config(out), progress=False)
    manifest = json.loads((out / "manifest.json").read_text())
    from sim.datagen import DatagenError

    with pytest.raises(DatagenError, match="different dataset"):
        run_datagen(_state_config(out, episodes=3), progress=False)
    assert json.loads((out / "manifest.json").read_text()) == manifest and not (out / ".datagen").exists()
