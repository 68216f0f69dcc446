"""bench/data_efficiency.py at tiny sizes: one cached dataset serves every size, JSON and plot are written."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

pytestmark = [pytest.mark.slow]

BENCH = Path(__file__).resolve().parents[2] / "bench" / "data_efficiency.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("data_efficiency_bench", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_state_line_at_tiny_sizes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bench = _bench()
    out = tmp_path / "de"
    assert bench.main(["--sizes", "1,2", "--families", "state", "--epochs", "1", "--select-episodes", "1",
                       "--eval-episodes", "1", "--workers", "1", "--out", str(out), "--quiet"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == json.loads((out / "data_efficiency.json").read_text())
    rows = printed["families"]["state"]
    tasks = printed["tasks"]
    assert [r["per_task"] for r in rows] == [1, 2] and [r["train_episodes"] for r in rows] == [tasks, 2 * tasks]
    for r in rows:
        assert r["episodes"] == tasks and 0.0 <= r["ci95"][0] <= r["success"] <= r["ci95"][1] <= 1.0
        assert set(r["tasks"]) == {"reach", "push", "pick_place", "stack"}
    made = printed["datasets"]["state"]
    assert made["episodes"] == 2 * tasks and not made["reused"]
    assert (out / "data_efficiency.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # The cache is keyed by content without the episode count: a smaller request reuses the dataset.
    from sim.datagen import DatagenConfig

    small = DatagenConfig(env_id=bench.ENV_ID, episodes=tasks, obs=("state",), cameras=(), seed=0)
    root, again = bench.cached_dataset(small, out / "data", progress=False)
    assert again["reused"] and str(root) == made["root"]
    assert len(list((out / "data").iterdir())) == 1


def test_bad_arguments_are_refused_in_one_line() -> None:
    bench = _bench()
    with pytest.raises(SystemExit, match="--families"):
        bench.parse_families("state,pixels")
    with pytest.raises(SystemExit, match="--sizes"):
        bench.parse_ints("50,x", "--sizes")
    with pytest.raises(SystemExit, match=">= 1"):
        bench.parse_ints("0,5", "--sizes")
