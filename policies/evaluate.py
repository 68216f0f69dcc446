"""Evaluate a policy in simulation on held-out seeds: success with a 95% interval per task, lengths, videos."""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy as np

from policies.errors import TrainConfigError

EVAL_SEED_BASE = 1_000_000_007
"""Evaluation seeds count up from here; data seeds (63-bit SeedSequence draws) are also excluded explicitly."""
SELECTION_SEED_BASE = 1_500_000_007
"""Seeds of the evaluations that pick a checkpoint during training: a checkpoint chosen on the seeds it is
then reported on would carry that choice's luck into the report."""
REPORT_SCHEMA = "armstack-eval/1"


def wilson_interval(successes: int, n: int, z: float = 1.959964) -> tuple[float, float]:
    """95% Wilson score interval of a binomial proportion (sane at 0 and n, unlike the normal one)."""
    if n == 0:
        return (0.0, 1.0)
    p = successes / n
    denom = 1.0 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    lo = 0.0 if successes == 0 else max(0.0, centre - half)
    hi = 1.0 if successes == n else min(1.0, centre + half)
    return (lo, hi)


def eval_seeds(n: int, exclude: Iterable[int] = (), base: int = EVAL_SEED_BASE) -> list[int]:
    banned = set(int(s) for s in exclude)
    seeds: list[int] = []
    s = base
    while len(seeds) < n:
        if s not in banned:
            seeds.append(s)
        s += 1
    return seeds


def evaluate_policy(policy: Callable[[dict[str, Any]], np.ndarray] | None, *, env_id: str, robot: str, episodes: int,
                    randomization: str = "default", exclude_seeds: Iterable[int] = (),
                    tasks: Iterable[str] | None = None,
                    video: str | Path | None = None, failure_videos: int = 4, progress: bool = True,
                    seed_base: int = EVAL_SEED_BASE) -> dict[str, Any]:
    """Run ``episodes`` episodes per task (every task for ``armstack/Tabletop-v0``) and report.

    ``policy`` None runs the scripted expert on the same seeds: the ceiling a cloned policy is read against.

    With ``video``, the first episodes go into that mp4 and up to ``failure_videos`` failures into
    ``<stem>_failure_<task>_<seed>.mp4`` beside it.
    """
    import gymnasium as gym
    from tqdm import tqdm

    import sim
    from sim.render import write_video
    from sim.rollout import run_episode

    if episodes < 1:
        raise TrainConfigError(f"episodes must be >= 1, got {episodes}")
    if env_id not in sim.ENV_IDS:
        raise TrainConfigError(f"unknown env {env_id!r}; valid: {', '.join(sim.ENV_IDS)}")
    env_task = sim.ENV_IDS[env_id]
    task_list = list(tasks) if tasks is not None else (list(sim.TASKS) if env_task == "tabletop" else [env_task])
    # An image policy names the cameras it reads (policies.visuomotor.policy.VisuomotorPolicy.env_kwargs).
    env: Any = gym.make(env_id, robot=robot, randomization=randomization,
                   render_mode="rgb_array" if video else None, **getattr(policy, "env_kwargs", {})).unwrapped
    layout_check = getattr(getattr(policy, "layout", None), "check_env", None)
    if layout_check is not None:
        layout_check(env)
    reset = getattr(policy, "reset", None)
    seeds = eval_seeds(episodes, exclude_seeds, seed_base)
    start = time.perf_counter()
    per_task: dict[str, dict[str, Any]] = {}
    failures: list[dict[str, Any]] = []
    shown: list[np.ndarray] = []
    bar = tqdm(total=episodes * len(task_list), desc="eval", unit="ep", disable=not progress, dynamic_ncols=True)
    for task in task_list:
        results: list[Any] = []
        for seed in seeds:
            if reset is not None:
                reset()
            render = bool(video) and len(shown) < 4 * 200 and len(results) < 2
            r = run_episode(env, seed, policy, render=render, options={"task": task})
            if render:
                shown.extend(r.frames)
            results.append(r)
            if not r.success:
                failures.append({"task": task, "seed": seed, "instruction": r.instruction, "steps": r.steps})
            bar.update(1)
        ok = sum(r.success for r in results)
        lo, hi = wilson_interval(ok, len(results))
        lengths = [r.steps for r in results]
        per_task[task] = {"episodes": len(results), "successes": ok, "success_rate": ok / len(results),
                          "ci95": [round(lo, 4), round(hi, 4)], "mean_length": float(np.mean(lengths)),
                          "success_lengths_mean": float(np.mean([r.steps for r in results if r.success]))
                          if ok else None}
    bar.close()
    videos: list[str] = []
    if video:
        path = Path(video)
        write_video(path, shown, fps=round(env.control_hz))
        videos.append(str(path))
        for f in failures[:failure_videos]:
            if reset is not None:
                reset()
            r = run_episode(env, f["seed"], policy, render=True, options={"task": f["task"]})
            fpath = path.with_name(f"{path.stem}_failure_{f['task']}_{f['seed']}.mp4")
            write_video(fpath, r.frames, fps=round(env.control_hz))
            f["video"] = str(fpath)
            videos.append(str(fpath))
    env.close()
    total = sum(t["episodes"] for t in per_task.values())
    ok = sum(t["successes"] for t in per_task.values())
    lo, hi = wilson_interval(ok, total)
    return {"schema": REPORT_SCHEMA, "env": env_id, "robot": robot, "randomization": randomization,
            "episodes_per_task": episodes, "episodes": total, "successes": ok, "success_rate": ok / total,
            "ci95": [round(lo, 4), round(hi, 4)],
            "mean_task_success": float(np.mean([t["success_rate"] for t in per_task.values()])),
            "tasks": per_task, "seeds": {"first": seeds[0], "last": seeds[-1], "count": len(seeds)},
            "failures": failures, "videos": videos, "seconds": round(time.perf_counter() - start, 2)}


def write_report(report: dict[str, Any], path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".partial")
    tmp.write_text(json.dumps(report, indent=2) + "\n")
    tmp.replace(path)
    return path


def format_report(report: dict[str, Any]) -> str:
    lines = [f"{report['env']} ({report['robot']}, randomization {report['randomization']}): "
             f"{report['successes']}/{report['episodes']} = {report['success_rate']:.1%} "
             f"(95% CI {report['ci95'][0]:.1%}-{report['ci95'][1]:.1%})"]
    for task, t in report["tasks"].items():
        lines.append(f"  {task:<11} {t['successes']:>3}/{t['episodes']:<3} {t['success_rate']:6.1%}  "
                     f"CI [{t['ci95'][0]:.2f}, {t['ci95'][1]:.2f}]  mean length {t['mean_length']:.0f}")
    return "\n".join(lines)
