"""A residual run records the base policy it resolved (folder, SHA-256) and is not resumed on another base.

"pretrained" on Push named panda_tabletop_bc until issue 19 and panda_push_full_bc since: a Push residual run
started before the change resumed against the new base with no warning (session 6 review).
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from policies.errors import TrainConfigError
from policies.rl import BASE_RECORD, base_record, train_rl
from policies.rl_cli import add_rl_arguments, run_rl
from policies.rl_config import RLConfig

PRETRAINED = Path(__file__).resolve().parents[2] / "policies" / "pretrained"
BASE_FILES = ("policy.json", "model.safetensors")
SMALL = {"env_id": "armstack/Push-v0", "steps": 200, "learning_starts": 150, "batch_size": 16, "net_arch": [16],
         "buffer_size": 2000, "eval_every": 200, "eval_episodes": 1, "checkpoint_every": 200, "actor_burn_in": 150,
         "progress_bar": False}


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _copy_base(source: Path, to: Path) -> Path:
    to.mkdir(exist_ok=True)
    for name in BASE_FILES:
        shutil.copyfile(source / name, to / name)
    return to


def _small_run(base_source: str, tmp_path: Path) -> tuple[Path, Path]:
    """A 200-step residual Push run on a copy of the shipped ``base_source``: (the base folder, the run folder)."""
    base = _copy_base(PRETRAINED / base_source, tmp_path / "base")
    out = tmp_path / "run"
    train_rl(RLConfig.from_dict({**SMALL, "base_policy": str(base)}), out, export=False)
    return base, out


def _resume(out: Path) -> int:
    import argparse

    parser = argparse.ArgumentParser()
    add_rl_arguments(parser)
    return run_rl(parser.parse_args(["--out", str(out), "--resume", "--quiet"]))


@pytest.mark.slow
def test_a_residual_run_records_its_base_and_refuses_another_on_resume(tmp_path: Path) -> None:
    base, out = _small_run("panda_tabletop_bc", tmp_path)
    saved = json.loads((out / "config.json").read_text())
    assert saved[BASE_RECORD] == {"dir": str(base.resolve()), "weights_sha256": _sha(base / "model.safetensors"),
                                  "policy_json_sha256": _sha(base / "policy.json")}
    assert saved[BASE_RECORD]["weights_sha256"] == _sha(PRETRAINED / "panda_tabletop_bc" / "model.safetensors")

    # The same base: the run goes on (its resume point is its end) and the record stays.
    assert _resume(out) == 0
    assert json.loads((out / "config.json").read_text()) == saved
    # The folder now holds another base (the one "pretrained" names on Push today): refused, nothing changed.
    _copy_base(PRETRAINED / "panda_push_full_bc", base)
    before = {str(p): p.stat().st_mtime_ns for p in out.rglob("*")}
    with pytest.raises(TrainConfigError, match=r"cannot resume .* started from the base policy in .*base \(weights "
                                               + saved[BASE_RECORD]["weights_sha256"][:12]) as refused:
        _resume(out)
    assert "\n" not in str(refused.value)
    assert {str(p): p.stat().st_mtime_ns for p in out.rglob("*")} == before


@pytest.mark.slow
def test_runs_from_before_the_record(tmp_path: Path) -> None:
    _, out = _small_run("panda_push_full_bc", tmp_path)
    recorded = json.loads((out / "config.json").read_text())
    old = {k: v for k, v in recorded.items() if k != BASE_RECORD}

    # An old run on a folder resumes, and records the base it goes on with.
    (out / "config.json").write_text(json.dumps(old))
    assert _resume(out) == 0
    assert json.loads((out / "config.json").read_text())[BASE_RECORD] == recorded[BASE_RECORD]

    # An old run on "pretrained" Push: which base it started from is unknown (it changed), so it is refused.
    (out / "config.json").write_text(json.dumps({**old, "base_policy": "pretrained"}))
    with pytest.raises(TrainConfigError, match="did not record its base policy, and 'pretrained' on "
                                               "armstack/Push-v0 was panda_tabletop_bc"):
        _resume(out)
    # A "pretrained" run that recorded the base it started from (the tabletop BC, before issue 19) is refused too,
    # and one whose record matches today's Push base goes on.
    tabletop = base_record(RLConfig.from_dict({**SMALL, "base_policy": str(PRETRAINED / "panda_tabletop_bc")}))
    (out / "config.json").write_text(json.dumps({**old, "base_policy": "pretrained", BASE_RECORD: tabletop}))
    with pytest.raises(TrainConfigError, match=r"panda_tabletop_bc .*base_policy 'pretrained' is now .*"
                                               "panda_push_full_bc"):
        _resume(out)
    today = base_record(RLConfig.from_dict({**SMALL, "base_policy": "pretrained"}))
    assert today is not None and today["weights_sha256"] == recorded[BASE_RECORD]["weights_sha256"]
    (out / "config.json").write_text(json.dumps({**old, "base_policy": "pretrained", BASE_RECORD: today}))
    assert _resume(out) == 0


@pytest.mark.parametrize("record", ["abc", ["a"], {"folder": 3}])
def test_a_malformed_base_record_is_refused_in_one_line(tmp_path: Path, record: object) -> None:
    """A hand-edited config.json whose base record is not a mapping of strings: one line, nothing written."""
    from policies.rl import read_run_config

    config = tmp_path / "config.json"
    text = json.dumps({"env_id": "armstack/Push-v0", BASE_RECORD: record})
    config.write_text(text)
    with pytest.raises(TrainConfigError, match=f"{BASE_RECORD} in its config.json must be a mapping of strings"):
        read_run_config(tmp_path)
    assert config.read_text() == text
