"""``armstack datagen --full-episodes``: episodes run to the task's max_steps (issue 19), recorded only when on."""

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from sim import ConfigError
from sim.datagen import DatagenConfig, run_datagen
from sim.dataset import DatasetReader, verify_dataset
from sim.tasks.push import PushTask


def _push(out: Path, **kw) -> DatagenConfig:  # type: ignore[no-untyped-def]
    return DatagenConfig(**{"env_id": "armstack/Push-v0", "episodes": 2, "obs": ("state",), "cameras": (),
                            "seed": 23, "out": str(out), **kw})


def _episodes(root: Path) -> list[dict[str, object]]:
    reader = DatasetReader(root)
    try:
        return [reader.episode(k) for k in range(reader.num_episodes)]
    finally:
        reader.close()


def test_full_episodes_run_to_max_steps_and_end_in_success(tmp_path: Path) -> None:
    full, short = tmp_path / "full", tmp_path / "short"
    run_datagen(_push(full, full_episodes=True), progress=False)
    run_datagen(_push(short), progress=False)
    assert verify_dataset(full).ok and verify_dataset(short).ok
    for ep in _episodes(full):
        success = np.asarray(ep["next.success"]).ravel()
        assert len(success) == PushTask.max_steps and success[-1]
        assert success.argmax() < len(success) - 1  # the push succeeded earlier and the expert held it since
    for ep in _episodes(short):  # the default is unchanged: an episode ends at its first success
        success = np.asarray(ep["next.success"]).ravel()
        assert len(success) < PushTask.max_steps and success[-1] and not success[:-1].any()
    manifests = [json.loads((d / "manifest.json").read_text()) for d in (full, short)]
    assert manifests[0]["config"]["full_episodes"] is True and manifests[0]["content_config"]["full_episodes"]
    # a default run's manifest (and so its hash) is what it was before the option existed
    assert "full_episodes" not in manifests[1]["config"] and "full_episodes" not in manifests[1]["content_config"]


def test_a_bad_full_episodes_value_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="full_episodes must be true or false, got 'no'"):
        _push(tmp_path / "x", full_episodes="no")


def test_cli_flag_reaches_the_config(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "armstack.cli", "datagen", "--env", "armstack/Push-v0",
                           "--episodes", "1", "--obs", "state", "--seed", "23", "--full-episodes", "--quiet",
                           "--out", str(tmp_path / "ds")], capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr
    manifest = json.loads((tmp_path / "ds/manifest.json").read_text())
    assert manifest["config"]["full_episodes"] is True
    assert [len(np.asarray(ep["action"])) for ep in _episodes(tmp_path / "ds")] == [PushTask.max_steps]
