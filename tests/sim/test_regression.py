"""The regression tier (built-in scenes, golden replays) and fast checks of its machinery.

``pytest -m regression`` runs the same scenes as ``armstack regress``; the unmarked tests check scene
validation, the JUnit/JSON reports and that drift in a golden file is caught.
"""

from __future__ import annotations

import io
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml

from sim.errors import ConfigError, UnknownNameError
from sim.regression import (
    DEFAULT_ATOL,
    GOLDEN_CASES,
    GOLDEN_DIR,
    RegressionScene,
    golden_files,
    load_scene,
    load_scenes,
    record_golden,
    replay_golden,
    run_regression,
    run_scene,
)
from sim.regression.golden import load_golden

SCENES = load_scenes()
GOLDEN = golden_files()
VALID: dict[str, Any] = {"task": "reach", "robot": "panda", "seeds": [10_000], "min_success_rate": 0.9}


def _write_scene(directory: Path, name: str, data: Any) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data))
    return path


def _save_golden(path: Path, meta: dict[str, Any], arrays: dict[str, np.ndarray]) -> Path:
    np.savez_compressed(path, meta=np.array(json.dumps(meta)), **arrays)
    return path


# --- the regression tier -------------------------------------------------------------------
@pytest.mark.regression
@pytest.mark.parametrize("scene", SCENES, ids=lambda s: s.name)
def test_scene_meets_its_success_threshold(scene: RegressionScene) -> None:
    # Thresholds live in sim/regression/scenes/*.yaml. Measured on an Intel Xeon (Sapphire Rapids, AVX-512/AMX):
    # every scene at 12/12 or 20/20 except ur5e_reach at 19/20 (20006), with the same failed seeds under a
    # relative 1e-6 and 1e-4 perturbation of every expert action; so each scene has one flip of headroom (two
    # for ur5e_push), on seeds whose outcome rounding did not move. The experts' rates behind them: 98-100%
    # per task and robot over 500 seeds (tests/sim/test_experts.py).
    result = run_scene(scene)
    assert len(result.episodes) == len(scene.seed_list)
    assert result.success_rate >= scene.min_success_rate, (
        f"{scene.name}: success rate {result.success_rate:.3f} < {scene.min_success_rate}; "
        f"failed seeds {result.failed_seeds} (armstack regress --scene {scene.name} writes a video)"
    )


@pytest.mark.regression
@pytest.mark.parametrize("path", GOLDEN, ids=lambda p: p.stem)
def test_golden_trajectory_replays_without_drift(path: Path) -> None:
    # Not a same-machine comparison: the committed files (recorded at commit 686becc, MuJoCo 4.0.0, numpy 2.4.6;
    # the files do not name the CPU) are replayed on whatever machine runs CI, and qpos is compared per
    # coordinate at DEFAULT_ATOL = 1e-6 (m, rad, quaternion units), not bit for bit. sim/regression/golden.py
    # gives the measured headroom: rounding-sized perturbations move qpos by <= 4e-12, real physics changes
    # by >= 3e-6. On an Intel Xeon (Sapphire Rapids, AVX-512/AMX) the five replays deviated by 1.3e-15 to
    # 2.3e-13 (not 0.0: the recording machine or build differs), four orders of magnitude inside the tolerance.
    result = replay_golden(path)
    assert result.passed, f"{path.name}: {result.message}"
    assert result.success


# --- built-in data ---------------------------------------------------------------------------
def test_every_golden_case_has_a_small_file() -> None:
    assert {p.stem for p in GOLDEN} == {c.name for c in GOLDEN_CASES}
    for path in GOLDEN:
        assert path.stat().st_size < 200_000, path


def test_builtin_scenes_cover_every_task_and_robot_on_held_out_seeds() -> None:
    assert {(s.robot, s.task_name) for s in SCENES} == {
        (r, t) for r in ("panda", "ur5e") for t in ("reach", "push", "pick_place", "stack")
    }
    for scene in SCENES:
        assert min(scene.seed_list) >= 100, f"{scene.name} uses seeds 0..99, which the experts are tuned on"
        assert scene.actor == "expert"


def test_env_id_is_accepted_for_task(tmp_path: Path) -> None:
    scene = load_scene(_write_scene(tmp_path, "s", {**VALID, "task": "armstack/Stack-v0"}))
    assert (scene.task_name, scene.env_id) == ("stack", "armstack/Stack-v0")


def test_seed_range_expands_in_order(tmp_path: Path) -> None:
    data = {k: v for k, v in VALID.items() if k != "seeds"}
    scene = load_scene(_write_scene(tmp_path, "s", {**data, "seed_start": 500, "episodes": 3}))
    assert scene.seed_list == (500, 501, 502)


# --- scene validation ----------------------------------------------------------------------
@pytest.mark.parametrize(("change", "match"), [
    ({"colour": "red"}, r"unknown key\(s\) 'colour'; valid keys: .*min_success_rate"),
    ({"robot": "kuka"}, r"unknown robot .*'kuka'; valid options: panda, ur5e"),
    ({"task": "juggle"}, r"unknown task .*'juggle'; valid options: .*pick_place"),
    ({"randomization": "extreme"},
     r"unknown randomization level .*'extreme'; valid options: default, none, reach_home, shapes, strong"),
    ({"actor": "human"}, r"unknown actor .*'human'; valid options: expert, policy"),
    ({"min_success_rate": 1.5}, r"min_success_rate must be a number in \[0, 1\], got 1.5"),
    ({"min_success_rate": -0.1}, r"min_success_rate must be a number in \[0, 1\]"),
    ({"min_success_rate": True}, r"min_success_rate must be a number in \[0, 1\]"),
    ({"min_success_rate": "high"}, r"min_success_rate must be a number in \[0, 1\]"),
    ({"seeds": []}, r"seeds must be a non-empty list"),
    ({"seeds": [1, 2, 1]}, r"seeds repeat \[1\]"),
    ({"seeds": [-3]}, r"seeds must be whole numbers >= 0, got \[-3\]"),
    ({"seeds": [1.5]}, r"seeds must be whole numbers >= 0"),
    ({"seed_start": 10}, r"either seeds .* or seed_start \+ episodes, not both"),
    ({"seeds": None}, r"no seeds"),
    ({"max_steps": 0}, r"max_steps must be a whole number >= 1"),
    ({"name": "other"}, r"name 'other' differs from the file name 's'"),
])
def test_invalid_scene_is_rejected_with_a_clear_error(tmp_path: Path, change: dict[str, Any], match: str) -> None:
    data = {k: v for k, v in {**VALID, **change}.items() if v is not None}
    with pytest.raises(ConfigError, match=match):
        load_scene(_write_scene(tmp_path, "s", data))


def test_seed_start_without_episodes_is_rejected(tmp_path: Path) -> None:
    data = {k: v for k, v in VALID.items() if k != "seeds"}
    with pytest.raises(ConfigError, match="seed_start and episodes go together"):
        load_scene(_write_scene(tmp_path, "s", {**data, "seed_start": 5}))


def test_scene_file_must_hold_a_mapping(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="a regression scene is a mapping"):
        load_scene(_write_scene(tmp_path, "s", [VALID]))


def test_unknown_scene_name_lists_the_valid_ones() -> None:
    with pytest.raises(UnknownNameError, match="unknown regression scene 'nope'; valid options: panda_pick_place"):
        load_scenes(names=["nope"])


def test_empty_scene_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no regression scene YAMLs"):
        load_scenes(tmp_path)


# --- reports ---------------------------------------------------------------------------------
def test_failing_scene_gets_a_junit_failure_a_json_entry_and_a_video(tmp_path: Path) -> None:
    scenes = tmp_path / "scenes"
    # One step cannot reach the marker: this scene must fail. The other one cannot.
    _write_scene(scenes, "hopeless", {**VALID, "min_success_rate": 1.0, "max_steps": 1})
    _write_scene(scenes, "lenient", {**VALID, "seeds": [10_001], "min_success_rate": 0.0, "max_steps": 1})
    out = tmp_path / "out"
    stdout = io.StringIO()
    report = run_regression(scenes, out, golden_dir=None, stdout=stdout)

    assert report["passed"] is False
    by_name = {s["name"]: s for s in report["scenes"]}
    assert by_name["hopeless"]["status"] == "failed"
    assert by_name["hopeless"]["failed_seeds"] == [10_000]
    assert by_name["lenient"]["status"] == "passed"
    assert json.loads((out / "report.json").read_text())["passed"] is False
    assert report["versions"]["mujoco"] and len(by_name["hopeless"]["provenance"]["model_sha256"]) == 64

    root = ET.parse(out / "junit.xml").getroot()
    cases = {c.get("name"): c for c in root.iter("testcase")}
    assert set(cases) == {"hopeless", "lenient"}
    failure = cases["hopeless"].find("failure")
    assert failure is not None and "success rate 0.000" in (failure.get("message") or "")
    assert cases["lenient"].find("failure") is None
    assert root.find("testsuite").get("failures") == "1"  # type: ignore[union-attr]

    video = Path(by_name["hopeless"]["video"])
    assert video == out / "videos" / "hopeless_seed10000.mp4"
    assert video.is_file() and video.stat().st_size > 0
    assert by_name["lenient"]["video"] is None
    assert "hopeless" in stdout.getvalue() and "FAILED" in stdout.getvalue()


def test_a_missing_policy_checkpoint_is_a_clear_error(tmp_path: Path) -> None:
    from policies.errors import CheckpointError

    _write_scene(tmp_path, "s", VALID)
    with pytest.raises(CheckpointError, match=r"ckpt: not a checkpoint directory"):
        run_regression(tmp_path, tmp_path / "out", policy=tmp_path / "ckpt", golden_dir=None)


def test_policy_scene_runs_a_callable_policy_and_is_skipped_without_one(tmp_path: Path) -> None:
    _write_scene(tmp_path, "by_policy", {**VALID, "actor": "policy", "min_success_rate": 0.0, "max_steps": 2})
    calls: list[int] = []

    def still(obs: dict[str, Any]) -> np.ndarray:
        calls.append(1)
        return np.zeros(5)

    report = run_regression(tmp_path, tmp_path / "a", policy=still, golden_dir=None, stdout=io.StringIO())
    assert report["passed"] and report["scenes"][0]["episodes"] == 1 and len(calls) == 2
    report = run_regression(tmp_path, tmp_path / "b", golden_dir=None, stdout=io.StringIO())
    assert report["scenes"][0]["status"] == "skipped"
    skipped = ET.parse(tmp_path / "b" / "junit.xml").getroot().find(".//testcase/skipped")
    assert skipped is not None


# --- golden trajectories ---------------------------------------------------------------------
def test_record_then_replay_round_trip(tmp_path: Path) -> None:
    case = next(c for c in GOLDEN_CASES if c.name == "panda_reach")
    (path,) = record_golden(tmp_path, (case,))
    assert path == tmp_path / "panda_reach.npz" and not list(tmp_path.glob("*.partial"))
    result = replay_golden(path)
    # Exactly 0.0 is right here: recorded and replayed in this test, on one machine and library build (checked
    # on an Intel Xeon, Sapphire Rapids, x86-64); the committed goldens above are the cross-machine check.
    assert result.passed and result.max_deviation == 0.0 and result.model_matches, result.message


def test_tampered_action_is_detected_as_drift(tmp_path: Path) -> None:
    meta, arrays = load_golden(GOLDEN_DIR / "panda_reach.npz")
    actions = arrays["actions"].copy()
    mid = len(actions) // 2
    actions[mid, 0] = 0.5 if actions[mid, 0] < 0 else -0.5
    path = _save_golden(tmp_path / "tampered.npz", meta, {**arrays, "actions": actions})
    result = replay_golden(path)
    assert not result.passed
    assert result.max_deviation > DEFAULT_ATOL
    assert result.first_drift_step is not None and result.first_drift_step >= mid + 1  # the state after it
    assert "drifted" in result.message


@pytest.mark.parametrize(("offset", "passes"), [(0.5 * DEFAULT_ATOL, True), (2.0 * DEFAULT_ATOL, False)])
def test_drift_tolerance_is_applied_per_coordinate(tmp_path: Path, offset: float, passes: bool) -> None:
    meta, arrays = load_golden(GOLDEN_DIR / "panda_reach.npz")
    qpos = arrays["qpos"].copy()
    qpos[3, 0] += offset
    result = replay_golden(_save_golden(tmp_path / "g.npz", meta, {**arrays, "qpos": qpos}))
    assert result.passed is passes
    assert result.worst_step == 4 and result.worst_coordinate  # qpos[3] is the state after the 4th action


def test_a_file_that_is_not_a_golden_trajectory_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "x.npz"
    np.savez_compressed(path, actions=np.zeros((3, 5)))
    with pytest.raises(ConfigError, match="not a golden trajectory, missing"):
        replay_golden(path)
    shutil.copy(GOLDEN_DIR / "panda_reach.npz", tmp_path / "ok.npz")
    assert replay_golden(tmp_path / "ok.npz").passed
