"""Red team: a tampered ``policy.json`` is refused with the field, its value and its bound, before allocating.

Every case edits the shipped checkpoint's policy.json (the weights stay as shipped, so their SHA-256 still
matches): what a hostile or damaged checkpoint could hold.
"""

from __future__ import annotations

import json
import resource
import shutil
from pathlib import Path
from typing import Any

import pytest

import policies
from armstack.cli import main
from policies.errors import CheckpointError

SHIPPED = Path(policies.__file__).parent / "pretrained" / "panda_tabletop_bc"


@pytest.fixture
def checkpoint(tmp_path: Path) -> Path:
    return Path(shutil.copytree(SHIPPED, tmp_path / "ckpt"))


def edit(ckpt: Path, path: tuple[str, ...], value: Any) -> None:
    doc = json.loads((ckpt / "policy.json").read_text())
    node = doc
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    (ckpt / "policy.json").write_text(json.dumps(doc))


CASES = [
    (("arch_params", "hidden"), 10_000_000, r"arch_params.hidden = 10000000 is outside its bound \[1, 16384\]"),
    (("arch_params", "depth"), 10**9, r"arch_params.depth = 1000000000 is outside its bound \[1, 64\]"),
    (("arch_params", "in_dim"), -1, r"arch_params.in_dim = -1 is outside its bound \[1, 65536\]"),
    (("arch_params", "depth"), "3", r"arch_params.depth = '3'; expected a whole number in \[1, 64\]"),
    (("arch_params", "hidden"), 64.5, r"arch_params.hidden = 64.5; expected a whole number"),
    (("arch_params", "depth"), True, r"arch_params.depth = True; expected a number"),
    (("control_hz",), 1e308, r"control_hz = 1e\+308 is outside its bound \[0.1, 1000\]"),
    (("normalization", "mean"), [float("nan")] * 73, r"normalization.mean\[0\] = nan; every number must be finite"),
    (("normalization", "std"), [1.0] * 100_000, r"normalization.std holds 100000 items; the bound is 65536"),
    (("data", "episodes"), 10**30, r"data.episodes = 10{30} is outside its bound"),
    (("training", "metrics", "epoch"), 1e300, r"training.metrics.epoch = 1e\+300 exceeds the bound 1e\+15"),
    (("action", "dim"), [5], r"action.dim is a list; expected one number"),
]


@pytest.mark.parametrize(("path", "value", "message"), CASES, ids=[".".join(c[0]) for c in CASES])
def test_out_of_bounds_numbers_are_refused_by_name(checkpoint: Path, path: tuple[str, ...], value: Any,
                                                   message: str) -> None:
    edit(checkpoint, path, value)
    with pytest.raises(CheckpointError, match=message):
        policies.load(checkpoint)


def test_a_huge_architecture_allocates_nothing(checkpoint: Path) -> None:
    """Within every per-field bound, but 16384 x 64 layers is ~17 G parameters: refused on the meta device."""
    edit(checkpoint, ("arch_params", "hidden"), 16_384)
    edit(checkpoint, ("arch_params", "depth"), 64)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(CheckpointError, match=r"parameters; the bound is 50,000,000"):
        policies.load(checkpoint)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 200_000  # KiB: under 200 MB more


def test_an_architecture_the_weights_do_not_fill_is_refused_before_building_it(checkpoint: Path) -> None:
    edit(checkpoint, ("arch_params", "hidden"), 1024)
    with pytest.raises(CheckpointError, match=r"model.safetensors: weights do not fit architecture"):
        policies.load(checkpoint)


def test_a_huge_policy_json_is_not_read(checkpoint: Path) -> None:
    with open(checkpoint / "policy.json", "ab") as f:
        f.truncate(65 * 1024 * 1024)  # sparse: no disk used
    with pytest.raises(CheckpointError, match=r"policy.json: 68,157,440 bytes; the bound is 67,108,864"):
        policies.load(checkpoint)


def test_eval_on_a_tampered_checkpoint_is_one_line_exit_2(checkpoint: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    edit(checkpoint, ("arch_params", "hidden"), 10_000_000)
    assert main(["eval", "--policy", str(checkpoint), "--episodes", "1", "--report", str(tmp_path / "r.json")]) == 2
    err = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert len(err) == 1 and "arch_params.hidden = 10000000 is outside its bound" in err[0]


def test_the_shipped_checkpoint_is_inside_every_bound() -> None:
    assert policies.load(SHIPPED).spec.arch_params["hidden"] == 256
