"""Evaluation sweeps and hyper-parameter searches as Ray tasks, on a local runtime or a cluster.

Every unit of work is a pure function of its arguments (a checkpoint, an env, explicit seeds; an RL config),
so a sweep gives the same numbers whether its tasks run here one after another, on two local Ray workers or
on a cluster (``ray_address``): a Ray task runs the same code a local run does and returns plain data.
On a cluster, armstack and the checkpoints must be on every node.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from policies.errors import TrainConfigError
from policies.evaluate import SUCCESS_AT, eval_seeds, seed_block_base, wilson_interval

EXPERT = "expert"
"""Checkpoint name that evaluates the scripted expert instead of a policy."""


@dataclass(frozen=True, kw_only=True)
class EvalJob:
    """One checkpoint (or ``EXPERT``) on explicit (task, seed) episodes."""

    checkpoint: str
    env_id: str
    robot: str
    randomization: str
    episodes: tuple[tuple[str, int], ...]
    hold: bool = False
    """Run every episode to the task's max_steps and read success at its last step (``armstack eval --hold``)."""


def run_eval_job(job: EvalJob) -> list[dict[str, Any]]:
    """Run ``job``'s episodes in order; one outcome dict (task, seed, success, reached, steps, target) per episode,
    as ``armstack eval``'s ``episodes_log``."""
    import gymnasium as gym

    import policies
    import sim  # noqa: F401 - registers the armstack ids (in a Ray worker too)
    from sim.rollout import run_episode

    policy: Any = None if job.checkpoint == EXPERT else policies.load(job.checkpoint, robot=job.robot)
    env: Any = gym.make(job.env_id, robot=job.robot, randomization=job.randomization,
                        **{**getattr(policy, "env_kwargs", {}), "terminate_on_success": not job.hold}).unwrapped
    reset = getattr(policy, "reset", None)
    out = []
    for task, seed in job.episodes:
        if reset is not None:
            reset()
        r = run_episode(env, seed, policy, options={"task": task})
        out.append({"task": task, "seed": seed, "success": bool(r.success), "reached": bool(r.reached),
                    "steps": r.steps, "target": r.info.get("target")})
    env.close()
    return out


def plan_eval_jobs(checkpoint: str, *, env_id: str, robot: str, episodes: int, randomization: str = "default",
                   seed_block: int = 0, chunks: int = 1, hold: bool = False) -> list[EvalJob]:
    """The episodes ``armstack eval`` would run for ``checkpoint`` (same tasks, same seeds, same exclusions),
    split into ``chunks`` jobs of consecutive episodes."""
    import policies
    import sim
    from sim.tasks import tabletop_tasks

    if env_id not in sim.ENV_IDS:
        raise TrainConfigError(f"unknown env {env_id!r}; valid: {', '.join(sim.ENV_IDS)}")
    exclude: list[int] = []
    if checkpoint != EXPERT:
        exclude = list((policies.load(checkpoint, robot=robot).spec.data or {}).get("seeds", []))
    env_task = sim.ENV_IDS[env_id]
    tasks = list(tabletop_tasks()) if env_task == "tabletop" else [env_task]
    seeds = eval_seeds(episodes, exclude, seed_block_base(seed_block))
    pairs = [(task, seed) for task in tasks for seed in seeds]
    k = max(1, min(chunks, len(pairs)))
    bounds = [len(pairs) * i // k for i in range(k + 1)]  # k nearly equal runs of consecutive episodes
    return [EvalJob(checkpoint=checkpoint, env_id=env_id, robot=robot, randomization=randomization,
                    episodes=tuple(pairs[bounds[i] : bounds[i + 1]]), hold=hold) for i in range(k)]


def summarize(outcomes: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Per-task and overall success with 95% Wilson intervals, as ``armstack eval`` reports them."""
    tasks: dict[str, dict[str, Any]] = {}
    for task in dict.fromkeys(o["task"] for o in outcomes):
        rows = [o for o in outcomes if o["task"] == task]
        ok = sum(o["success"] for o in rows)
        lo, hi = wilson_interval(ok, len(rows))
        tasks[task] = {"episodes": len(rows), "successes": ok, "success_rate": ok / len(rows),
                       "reached": sum(o.get("reached", o["success"]) for o in rows),
                       "ci95": [round(lo, 4), round(hi, 4)], "mean_length": float(np.mean([o["steps"] for o in rows]))}
    ok = sum(o["success"] for o in outcomes)
    lo, hi = wilson_interval(ok, len(outcomes))
    return {"episodes": len(outcomes), "successes": ok, "success_rate": ok / len(outcomes) if outcomes else 0.0,
            "reached": sum(o.get("reached", o["success"]) for o in outcomes),
            "ci95": [round(lo, 4), round(hi, 4)], "tasks": tasks}


# --- the executor: local or Ray ------------------------------------------------------------------------------
def map_tasks(fn: Callable[[Any], Any], items: Sequence[Any], *, workers: int = 1, ray_address: str | None = None,
              use_ray: bool = True) -> tuple[list[Any], float]:
    """``[fn(item) for item in items]`` in order, as Ray tasks on ``workers`` CPUs (or a cluster), or locally
    with ``use_ray=False``; returns the results and the wall time (s) of the map, Ray start-up excluded."""
    if workers < 1:
        raise TrainConfigError(f"workers must be >= 1, got {workers}")
    if not use_ray:
        start = time.perf_counter()
        return [fn(item) for item in items], time.perf_counter() - start
    try:
        import ray
    except ImportError as exc:
        raise TrainConfigError("Ray sweeps need Ray: pip install 'ray>=2.9'") from exc
    owned = not ray.is_initialized()
    if owned:
        if ray_address:
            join_cluster(ray, ray_address)
        else:
            # address="local": a new runtime of our own, never another job's cluster found on this machine.
            ray.init(address="local", num_cpus=workers, include_dashboard=False, log_to_driver=False,
                     runtime_env={"env_vars": {"MUJOCO_GL": os.environ.get("MUJOCO_GL", "egl"),
                                               "OMP_NUM_THREADS": "1"}})
    try:
        remote = ray.remote(num_cpus=1, max_retries=1)(fn)
        start = time.perf_counter()
        results = ray.get([remote.remote(item) for item in items])
        return list(results), time.perf_counter() - start
    finally:
        if owned:
            ray.shutdown()


def join_cluster(ray: Any, address: str) -> None:
    """Join the Ray cluster at ``address`` (``sim.datagen.backends.join_ray_cluster``: one line naming the cause,
    token authentication included), as a training-side error."""
    from sim.datagen.backends import join_ray_cluster
    from sim.errors import ConfigError

    try:
        join_ray_cluster(ray, address)
    except ConfigError as exc:
        raise TrainConfigError(str(exc)) from exc


def eval_sweep(checkpoints: Iterable[str], *, env_id: str, robot: str, episodes: int, seed_blocks: Iterable[int] = (0,),
               randomization: str = "default", workers: int = 1, ray_address: str | None = None,
               use_ray: bool = True, chunks_per_run: int | None = None, hold: bool = False) -> dict[str, Any]:
    """Every checkpoint on every seed block; each run split into jobs that Ray spreads over the workers. ``hold``:
    success at the last step of full-length episodes, as ``armstack eval --hold``."""
    if not isinstance(hold, bool):
        raise TrainConfigError(f"hold must be true or false, got {hold!r}")
    runs = [(c, b) for c in checkpoints for b in seed_blocks]
    chunks = chunks_per_run if chunks_per_run is not None else workers
    jobs: list[tuple[int, EvalJob]] = []
    for i, (checkpoint, block) in enumerate(runs):
        jobs += [(i, j) for j in plan_eval_jobs(checkpoint, env_id=env_id, robot=robot, episodes=episodes,
                                                randomization=randomization, seed_block=block, chunks=chunks,
                                                hold=hold)]
    results, wall = map_tasks(run_eval_job, [j for _, j in jobs], workers=workers, ray_address=ray_address,
                              use_ray=use_ray)
    out = []
    for i, (checkpoint, block) in enumerate(runs):
        outcomes = [o for (k, _), res in zip(jobs, results, strict=True) if k == i for o in res]
        name = checkpoint if checkpoint == EXPERT else str(Path(checkpoint).resolve())
        out.append({"checkpoint": name, "seed_block": block, **summarize(outcomes), "episodes_log": outcomes})
    return {"schema": "armstack-sweep/1", "kind": "eval", "env": env_id, "robot": robot,
            "success_at": SUCCESS_AT[hold], "randomization": randomization, "workers": workers, "ray": use_ray,
            "ray_address": ray_address,
            "wall_s": round(wall, 2), "runs": out}


def _train_trial(config_dict: dict[str, Any]) -> dict[str, Any]:
    """One RL trial in a scratch folder: the validation figures of the checkpoint it kept (``validation``: best/'s
    record, what ranks the trials; None when no evaluation came before the last step), the policy a user of that
    config gets (``policy_from``: best/'s model, or the last one when none was kept) and that policy's held-out
    evaluation (``held_out``; the only held-out evaluation the trial runs), training time and steps."""
    import tempfile

    from policies.rl import train_rl
    from policies.rl_config import RLConfig

    config = RLConfig.from_dict(config_dict)
    with tempfile.TemporaryDirectory(prefix="armstack-trial-") as tmp:
        run = train_rl(config, Path(tmp) / "run", export=False, held_out="policy")
    metrics = run.metrics
    policy_from = metrics["policy_from"]
    return {"validation": metrics["best"], "policy_from": policy_from, "held_out": metrics[policy_from["held_out"]],
            "train_wall_s": round(metrics["train_wall_s"], 2), "env_steps": metrics["env_steps"]}


TRIALS_RANKED_BY = ("the validation figure of the checkpoint each trial kept (best/'s: success at the last step, mean "
                    "return where the env reports none); a tie keeps the earlier trial of the grid; a trial with no "
                    "validation evaluation comes last. The held-out episodes only report.")


def rank_trials(rows: Sequence[Mapping[str, Any]]) -> list[int]:
    """Indices of ``rows`` (``_train_trial`` results), best first, by ``TRIALS_RANKED_BY``: the figure that chose
    each trial's ``best/`` on the validation episodes, never its held-out one (choosing on the episodes that report
    would make the reported figure the maximum of noisy draws from them)."""
    from policies.rl_validation import rank

    def key(i: int) -> tuple[bool, float]:
        v = rows[i]["validation"]
        return (v is None, 0.0 if v is None else -rank(v["success_rate"], v["mean_return"]))

    return sorted(range(len(rows)), key=key)  # stable: a tie keeps grid order


def grid(space: Mapping[str, Sequence[Any]]) -> list[dict[str, Any]]:
    """Every combination of the values in ``space`` (a grid search), in a fixed order."""
    import itertools

    keys = sorted(space)
    return [dict(zip(keys, values, strict=True)) for values in itertools.product(*(space[k] for k in keys))]


def rl_search(base: dict[str, Any], space: Mapping[str, Sequence[Any]], *, workers: int = 1,
              ray_address: str | None = None, use_ray: bool = True) -> dict[str, Any]:
    """Train ``base`` (RLConfig fields) once per grid point of ``space``; trials ranked by validation
    (``rank_trials``), each reporting the policy it delivers and that policy's held-out evaluation (``held_out``)."""
    from policies.rl_config import RLConfig

    trials = grid(space)
    configs = [RLConfig.from_dict({**base, **t, "progress_bar": False}).to_dict() for t in trials]  # refuse early
    results, wall = map_tasks(_train_trial, configs, workers=workers, ray_address=ray_address, use_ray=use_ray)
    rows = [{"params": t, **r} for t, r in zip(trials, results, strict=True)]
    ranked = rank_trials(rows)
    return {"schema": "armstack-sweep/1", "kind": "rl", "base": base, "workers": workers, "ray": use_ray,
            "ray_address": ray_address, "wall_s": round(wall, 2), "trials": rows, "ranked_by": TRIALS_RANKED_BY,
            "ranking": [rows[i]["params"] for i in ranked], "best": rows[ranked[0]]["params"] if rows else None}
