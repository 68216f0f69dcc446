"""Golden trajectories: recorded expert episodes, replayed action by action to catch physics drift.

A golden file ``<name>.npz`` holds the reset state ``qpos0``, the applied ``actions``, the ``qpos``
after every step and ``meta`` (JSON: env, seed, model hash, versions). Replay resets the same env
with the same seed, applies the recorded actions open loop and compares qpos at every step.

Tolerance, ``DEFAULT_ATOL = 1e-6`` on every qpos coordinate (m, rad, or unit quaternion):
measured on these episodes, float noise stays near 1e-13: a relative 1e-16..1e-13 perturbation of
every control target (what another BLAS kernel or FMA contraction does to the IK solve) moved qpos
by at most 2e-13..4e-12, so these contact-rich episodes barely amplify round-off. Real physics
changes land far above: 0.1% joint damping 3e-6..5e-5, 0.1% gravity 1e-5..3e-2 where there is
contact, 1% friction or impratio 1e-5..1e-1, solver tolerance x10 1e-5..1e-1. 1e-6 sits six
orders above the noise and under every change that matters; 1e-3 (1 mm) would let most of them
through. Re-record (``armstack regress --record-golden``) when an upgrade changes physics on purpose.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import mujoco
import numpy as np

from sim.env import TabletopEnv
from sim.errors import ConfigError, SimError
from sim.provenance import git_commit
from sim.rollout import run_episode

GOLDEN_DIR = Path(__file__).resolve().parent / "golden"
DEFAULT_ATOL = 1e-6
FORMAT_VERSION = 1
_KEYS = ("actions", "qpos", "qpos0", "meta")


@dataclass(frozen=True, kw_only=True)
class GoldenCase:
    """One recorded episode: the expert on ``task`` with ``robot`` from reset ``seed``."""

    name: str
    robot: str
    task: str
    seed: int
    randomization: str = "default"


# Seeds 30_000+ are held out from expert tuning (0..99) and from the regression scenes (10_000..23_999).
GOLDEN_CASES: tuple[GoldenCase, ...] = (
    GoldenCase(name="panda_reach", robot="panda", task="reach", seed=30_000),
    GoldenCase(name="panda_pick_place", robot="panda", task="pick_place", seed=30_001),
    GoldenCase(name="panda_stack", robot="panda", task="stack", seed=30_002),
    GoldenCase(name="ur5e_push", robot="ur5e", task="push", seed=30_003),
    GoldenCase(name="ur5e_pick_place", robot="ur5e", task="pick_place", seed=30_004),
)


@dataclass(frozen=True, kw_only=True)
class GoldenResult:
    """How far a replay strayed from its recording, and whether that is within tolerance."""

    name: str
    path: str
    steps: int
    max_deviation: float
    """Largest |qpos - recorded qpos| over all steps and coordinates (reset state included)."""
    worst_step: int
    """Step of ``max_deviation``: 0 is the reset state, k the state after the k-th action."""
    worst_coordinate: str
    first_drift_step: int | None
    """First step whose deviation exceeds ``atol``; None when none does."""
    atol: float
    success: bool
    recorded_success: bool
    mujoco_recorded: str
    mujoco_now: str
    model_matches: bool
    """Whether the compiled model hashes alike; informational (a colour change alters it too)."""
    passed: bool
    message: str
    duration_s: float

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def _qpos_names(model: mujoco.MjModel) -> list[str]:
    """A readable name for every qpos coordinate, e.g. ``red_cube_joint[2]`` or ``joint1``."""
    sizes = {int(mujoco.mjtJoint.mjJNT_FREE): 7, int(mujoco.mjtJoint.mjJNT_BALL): 4}
    names = [f"qpos[{i}]" for i in range(model.nq)]
    for j in range(model.njnt):
        name = mujoco.mj_id2name(model, mujoco.mjtObj.mjOBJ_JOINT, j) or f"joint{j}"
        adr, size = int(model.jnt_qposadr[j]), sizes.get(int(model.jnt_type[j]), 1)
        for k in range(size):
            names[adr + k] = name if size == 1 else f"{name}[{k}]"
    return names


def _write_npz(path: Path, arrays: dict[str, np.ndarray]) -> Path:
    """np.savez_compressed to ``path`` atomically: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.partial")
    with open(tmp, "wb") as f:
        np.savez_compressed(f, **arrays)  # type: ignore[arg-type]
    os.replace(tmp, path)
    return path


def record_case(case: GoldenCase, out_dir: str | Path = GOLDEN_DIR) -> Path:
    """Run the expert on ``case`` and save the episode to ``out_dir/<name>.npz``."""
    env = TabletopEnv(task=case.task, robot=case.robot, randomization=case.randomization)
    provenance = env.provenance()  # before any reset: the hash of the nominal (unrandomised) model
    try:
        env.reset(seed=case.seed)
        qpos0 = env.data.qpos.copy()
        result = run_episode(env, case.seed)  # resets again, to the same state
        if not result.success:
            raise SimError(f"golden case {case.name!r}: the expert fails from seed {case.seed}; a golden episode "
                           "must succeed, so pick another seed in GOLDEN_CASES")
        meta = {
            "format": FORMAT_VERSION, "name": case.name, "robot": case.robot, "task": case.task,
            "seed": case.seed, "randomization": case.randomization, "options": None,
            "steps": result.steps, "success": result.success, "instruction": result.instruction,
            "model_sha256": provenance["model_sha256"], "versions": provenance["versions"],
            "git_commit": git_commit(), "env": provenance["env"],
        }
    finally:
        env.close()
    return _write_npz(Path(out_dir) / f"{case.name}.npz", {
        "actions": result.actions.astype(np.float64), "qpos": result.qpos.astype(np.float64),
        "qpos0": qpos0, "meta": np.array(json.dumps(meta, sort_keys=True)),
    })


def record_golden(out_dir: str | Path = GOLDEN_DIR, cases: tuple[GoldenCase, ...] = GOLDEN_CASES) -> list[Path]:
    """Record every golden case into ``out_dir``; returns the files written."""
    return [record_case(case, out_dir) for case in cases]


def golden_files(golden_dir: str | Path = GOLDEN_DIR) -> list[Path]:
    """The golden ``.npz`` files in ``golden_dir``, sorted by name."""
    directory = Path(golden_dir)
    if not directory.is_dir():
        raise ConfigError(f"golden trajectory folder {directory} does not exist")
    return sorted(directory.glob("*.npz"))


def load_golden(path: str | Path) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """The meta data and arrays of a golden file; ConfigError when it is not one."""
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"golden file {path} does not exist")
    try:
        with np.load(path, allow_pickle=False) as npz:
            missing = [k for k in _KEYS if k not in npz.files]
            if missing:
                raise ConfigError(f"{path}: not a golden trajectory, missing {missing}; expected keys {list(_KEYS)}")
            arrays = {k: np.asarray(npz[k]) for k in _KEYS}
        meta = json.loads(str(arrays.pop("meta")))
    except (OSError, ValueError) as exc:
        if isinstance(exc, ConfigError):
            raise
        raise ConfigError(f"{path}: unreadable golden file: {exc}") from exc
    actions, qpos = arrays["actions"], arrays["qpos"]
    if actions.ndim != 2 or qpos.ndim != 2 or len(actions) != len(qpos) or len(actions) == 0:
        raise ConfigError(f"{path}: actions {actions.shape} and qpos {qpos.shape} must be (steps, n) "
                          "arrays with the same number of steps")
    if meta.get("format") != FORMAT_VERSION:
        raise ConfigError(f"{path}: golden format {meta.get('format')!r}, this code reads {FORMAT_VERSION}")
    return meta, arrays


def replay_golden(path: str | Path, atol: float = DEFAULT_ATOL) -> GoldenResult:
    """Replay a golden file's actions open loop and compare qpos at every step with the recording."""
    if not (atol >= 0):
        raise ConfigError(f"golden tolerance must be >= 0, got {atol!r}")
    start = time.perf_counter()
    meta, arrays = load_golden(path)
    recorded = np.vstack((arrays["qpos0"][None], arrays["qpos"]))
    env = TabletopEnv(task=meta["task"], robot=meta["robot"], randomization=meta["randomization"],
                      max_steps=meta["env"]["max_steps"])
    try:
        names = _qpos_names(env.model)
        model_matches = env.model_sha256 == meta["model_sha256"]
        env.reset(seed=meta["seed"], options=meta["options"])
        states, success, diverged = [env.data.qpos.copy()], False, False
        for action in arrays["actions"]:
            _, _, _, _, info = env.step(action)
            states.append(env.data.qpos.copy())
            success = bool(info.get("is_success", False))
            diverged = diverged or bool(info.get("physics_diverged", False))
    finally:
        env.close()
    replayed = np.array(states)
    problems: list[str] = []
    first: int | None
    if replayed.shape != recorded.shape:
        worst, step, first, coordinate = float("inf"), 0, 0, ""
        problems.append(f"qpos has {replayed.shape[1]} coordinates, the recording {recorded.shape[1]}: "
                        "the model changed shape; re-record")
    else:
        dev = np.abs(replayed - recorded)
        step, coord = (int(i) for i in np.unravel_index(int(np.argmax(dev)), dev.shape))
        worst, coordinate = float(dev[step, coord]), names[coord]
        over = np.flatnonzero(dev.max(axis=1) > atol)
        first = int(over[0]) if len(over) else None
        if first is not None:
            problems.append(f"qpos drifted {worst:.3g} > {atol:g} (worst at step {step}, {coordinate}; "
                            f"first over tolerance at step {first})")
    if diverged:
        problems.append("physics diverged")
    recorded_success = bool(meta["success"])
    if recorded_success and not success:
        problems.append("the replayed episode no longer succeeds")
    message = "; ".join(problems) if problems else f"max deviation {worst:.3g} <= {atol:g}"
    if not model_matches:
        message += " (the compiled model differs from the recording's)"
    return GoldenResult(name=meta["name"], path=str(path), steps=len(arrays["actions"]), max_deviation=worst,
                        worst_step=step, worst_coordinate=coordinate, first_drift_step=first, atol=atol,
                        success=success, recorded_success=recorded_success,
                        mujoco_recorded=meta["versions"]["mujoco"], mujoco_now=mujoco.__version__,
                        model_matches=model_matches, passed=not problems, message=message,
                        duration_s=time.perf_counter() - start)


def replay_all(golden_dir: str | Path = GOLDEN_DIR, atol: float = DEFAULT_ATOL) -> list[GoldenResult]:
    """Replay every golden file in ``golden_dir``."""
    return [replay_golden(p, atol) for p in golden_files(golden_dir)]
