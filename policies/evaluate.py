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
SEED_BLOCK_SIZE = 100_000
"""Evaluation seed block b starts at ``EVAL_SEED_BASE + b * SEED_BLOCK_SIZE``: disjoint blocks of held-out
seeds, below the checkpoint-selection seeds for every valid block."""
MAX_SEED_BLOCK = (SELECTION_SEED_BASE - EVAL_SEED_BASE) // SEED_BLOCK_SIZE
SUCCESS_AT = {False: "any_step", True: "last_step"}
"""What a report's success means, by ``hold``: the env ends an episode at its first success (success = reached
at some step), or every episode runs to the task's max_steps and success is read at its last step."""


def seed_block_base(block: int) -> int:
    """The first evaluation seed of ``block`` (0 is the default block)."""
    if not isinstance(block, int) or isinstance(block, bool) or not 0 <= block < MAX_SEED_BLOCK:
        raise TrainConfigError(f"seed block must be a whole number in 0..{MAX_SEED_BLOCK - 1}, got {block!r}")
    return EVAL_SEED_BASE + block * SEED_BLOCK_SIZE


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
                    seed_base: int = EVAL_SEED_BASE, success_videos: int = 0, hold: bool = False) -> dict[str, Any]:
    """Run ``episodes`` episodes per task (every task for ``armstack/Tabletop-v0``) and report.

    ``policy`` None runs the scripted expert on the same seeds: the ceiling a cloned policy is read against.

    ``hold`` False (the default): an episode ends at its first success, so success means reached at some step.
    ``hold`` True: every episode runs to the task's max_steps and success is read at its last step, as RL's goal
    envs read it: a policy that reaches the goal and then leaves it (pushes the cube on past the pad) fails. Each
    task and the whole report also give ``reached`` (successful at some step) and ``success_at`` names the metric.

    With ``video``, the first episodes go into that mp4, the first ``failure_videos`` failures of each task into
    ``<stem>_failure_<task>_<seed>.mp4`` beside it and, on request, its first ``success_videos`` successes into
    ``<stem>_success_<task>_<seed>.mp4``. ``report["episodes_log"]`` lists every episode's task, seed, success
    and length (what ``policies.compare`` pairs two policies on) and its goal ``target`` (the env's: PickPlace's
    ``target_pad`` or ``bin``); each task's ``targets`` gives success per target (``by_target``), since the place
    can decide more than the policy: session 15's image policies placed 4/72 pad episodes against 33/78 bin ones.
    """
    import gymnasium as gym
    from tqdm import tqdm

    import sim
    from sim.render import write_video
    from sim.rollout import run_episode
    from sim.tasks import tabletop_tasks

    if episodes < 1:
        raise TrainConfigError(f"episodes must be >= 1, got {episodes}")
    if not isinstance(hold, bool):
        raise TrainConfigError(f"hold must be true or false, got {hold!r}")
    if env_id not in sim.ENV_IDS:
        raise TrainConfigError(f"unknown env {env_id!r}; valid: {', '.join(sim.ENV_IDS)}")
    env_task = sim.ENV_IDS[env_id]
    task_list = list(tasks) if tasks is not None else (list(tabletop_tasks()) if env_task == "tabletop"
                                                       else [env_task])
    # An image policy names the cameras it reads (policies.visuomotor.policy.VisuomotorPolicy.env_kwargs).
    env_kwargs = {**getattr(policy, "env_kwargs", {}), "terminate_on_success": not hold}
    env: Any = gym.make(env_id, robot=robot, randomization=randomization,
                        render_mode="rgb_array" if video else None, **env_kwargs).unwrapped
    layout_check = getattr(getattr(policy, "layout", None), "check_env", None)
    if layout_check is not None:
        layout_check(env)
    reset = getattr(policy, "reset", None)
    seeds = eval_seeds(episodes, exclude_seeds, seed_base)
    start = time.perf_counter()
    per_task: dict[str, dict[str, Any]] = {}
    failures: list[dict[str, Any]] = []
    log: list[dict[str, Any]] = []
    filmed: list[tuple[str, dict[str, Any]]] = []  # (kind, episode) to re-run with rendering
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
            target = r.info.get("target")
            entry = {"task": task, "seed": seed, "instruction": r.instruction, "steps": r.steps, "target": target}
            log.append({"task": task, "seed": seed, "success": bool(r.success), "reached": bool(r.reached),
                        "steps": r.steps, "target": target})
            if not r.success:
                failures.append(entry)
                if sum(kind == "failure" and e["task"] == task for kind, e in filmed) < failure_videos:
                    filmed.append(("failure", entry))
            elif sum(kind == "success" and e["task"] == task for kind, e in filmed) < success_videos:
                filmed.append(("success", entry))
            bar.update(1)
        ok = sum(r.success for r in results)
        lengths = [r.steps for r in results]
        per_task[task] = {"episodes": len(results), **_rate("success", ok, len(results)),
                          **_rate("reached", sum(r.reached for r in results), len(results)),
                          "mean_length": float(np.mean(lengths)),
                          "success_lengths_mean": float(np.mean([r.steps for r in results if r.success]))
                          if ok else None,
                          "targets": by_target([e for e in log if e["task"] == task])}
    bar.close()
    videos: list[str] = []
    if video:
        path = Path(video)
        write_video(path, shown, fps=round(env.control_hz))
        videos.append(str(path))
        for kind, f in filmed:
            if reset is not None:
                reset()
            r = run_episode(env, f["seed"], policy, render=True, options={"task": f["task"]})
            fpath = path.with_name(f"{path.stem}_{kind}_{f['task']}_{f['seed']}.mp4")
            write_video(fpath, r.frames, fps=round(env.control_hz))
            f["video"] = str(fpath)
            videos.append(str(fpath))
    env.close()
    total = sum(t["episodes"] for t in per_task.values())
    return {"schema": REPORT_SCHEMA, "env": env_id, "robot": robot, "randomization": randomization,
            "success_at": SUCCESS_AT[hold], "episodes_per_task": episodes, "episodes": total,
            **_rate("success", sum(t["successes"] for t in per_task.values()), total),
            **_rate("reached", sum(t["reached"] for t in per_task.values()), total),
            "mean_task_success": float(np.mean([t["success_rate"] for t in per_task.values()])),
            "tasks": per_task, "seeds": {"first": seeds[0], "last": seeds[-1], "count": len(seeds)},
            "failures": failures, "videos": videos, "episodes_log": log,
            "seconds": round(time.perf_counter() - start, 2)}


def by_target(episodes: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Success (and reached) with 95% Wilson intervals per goal target of ``episodes`` (``episodes_log`` entries
    with a ``target``), in the order the targets first appear; an entry without one counts under ``unknown``."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for e in episodes:
        groups.setdefault(str(e.get("target") or "unknown"), []).append(e)
    return {target: {"episodes": len(rows), **_rate("success", sum(bool(e["success"]) for e in rows), len(rows)),
                     **_rate("reached", sum(bool(e.get("reached", e["success"])) for e in rows), len(rows))}
            for target, rows in groups.items()}


def _rate(name: str, count: int, n: int) -> dict[str, Any]:
    """``successes``/``success_rate``/``ci95`` (``name`` "success") or ``reached``/``reached_rate``/``reached_ci95``,
    the interval a 95% Wilson one."""
    lo, hi = wilson_interval(count, n)
    if name == "success":
        return {"successes": count, "success_rate": count / n, "ci95": [round(lo, 4), round(hi, 4)]}
    return {name: count, f"{name}_rate": count / n, f"{name}_ci95": [round(lo, 4), round(hi, 4)]}


def success_meaning(report: dict[str, Any]) -> str:
    """What ``report``'s success counts, in words (a report from before ``hold`` existed counts any step)."""
    if report.get("success_at", "any_step") == "last_step":
        return "success at the last step of full-length episodes (--hold)"
    return "success at any step (an episode ends at its first success)"


def write_report(report: dict[str, Any], path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".partial")
    tmp.write_text(json.dumps(report, indent=2) + "\n")
    tmp.replace(path)
    return path


def format_report(report: dict[str, Any]) -> str:
    hold = report.get("success_at") == "last_step"
    lines = [f"{report['env']} ({report['robot']}, randomization {report['randomization']}), {success_meaning(report)}:"
             f" {report['successes']}/{report['episodes']} = {report['success_rate']:.1%} "
             f"(95% CI {report['ci95'][0]:.1%}-{report['ci95'][1]:.1%})"
             + (f"; reached at some step {report['reached']}/{report['episodes']} = {report['reached_rate']:.1%}"
                if hold else "")]
    for task, t in report["tasks"].items():
        lines.append(f"  {task:<11} {t['successes']:>3}/{t['episodes']:<3} {t['success_rate']:6.1%}  "
                     f"CI [{t['ci95'][0]:.2f}, {t['ci95'][1]:.2f}]  mean length {t['mean_length']:.0f}"
                     + (f"  reached {t['reached_rate']:.1%}" if hold else ""))
        targets = t.get("targets", {})
        if len(targets) > 1:  # a task with one goal target (Reach's marker) says nothing more per target
            lines += [f"    {name:<11} {g['successes']:>3}/{g['episodes']:<3} {g['success_rate']:6.1%}  "
                      f"CI [{g['ci95'][0]:.2f}, {g['ci95'][1]:.2f}]" for name, g in targets.items()]
    return "\n".join(lines)


TABLE_COLUMNS = ("task", "success_at", "episodes", "successes", "success_rate", "ci95_low", "ci95_high",
                 "mean_length", "reached", "reached_rate")


def task_rows(report: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per task and an ``all`` row: what the CSV and Markdown tables hold. ``success_at`` names the metric
    (``any_step``, or ``last_step`` with ``hold``); ``reached`` counts the episodes successful at some step."""
    success_at = report.get("success_at", "any_step")

    def row(task: str, t: dict[str, Any], mean_length: float) -> dict[str, Any]:
        reached = t.get("reached", t["successes"])  # a report from before hold: success is reached
        return {"task": task, "success_at": success_at, "episodes": t["episodes"], "successes": t["successes"],
                "success_rate": round(t["success_rate"], 4), "ci95_low": t["ci95"][0], "ci95_high": t["ci95"][1],
                "mean_length": round(mean_length, 1), "reached": reached,
                "reached_rate": round(reached / t["episodes"], 4)}

    rows = [row(task, t, t["mean_length"]) for task, t in report["tasks"].items()]
    lengths = [t["mean_length"] * t["episodes"] for t in report["tasks"].values()]
    rows.append(row("all", report, sum(lengths) / report["episodes"]))
    return rows


def write_tables(report: dict[str, Any], stem: str | Path) -> tuple[Path, Path]:
    """``<stem>.csv`` and ``<stem>.md``: per-task success with 95% Wilson intervals (atomic writes)."""
    import csv
    import io

    rows = task_rows(report)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=TABLE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    md = [f"{report['env']}, {report['robot']}, randomization {report['randomization']}, seeds "
          f"{report['seeds']['first']}..{report['seeds']['last']}; {success_meaning(report)}", "",
          "| task | episodes | successes | success | 95% CI | mean length | reached at some step |",
          "|---|---:|---:|---:|---|---:|---:|"]
    md += [f"| {r['task']} | {r['episodes']} | {r['successes']} | {r['success_rate']:.1%} | "
           f"{r['ci95_low']:.2f}-{r['ci95_high']:.2f} | {r['mean_length']:.0f} | {r['reached_rate']:.1%} |"
           for r in rows]
    paths = (Path(f"{stem}.csv"), Path(f"{stem}.md"))
    for path, text in zip(paths, (buffer.getvalue(), "\n".join(md) + "\n"), strict=True):
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(path.suffix + ".partial")
        tmp.write_text(text)
        tmp.replace(path)
    return paths
