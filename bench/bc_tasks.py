"""Behaviour cloning per task: for each task, <= 500 expert episodes -> one policy -> held-out success.

Issue #4's per-task targets (PickPlace >= 85%, Stack >= 70%, Push >= 80%, each from <= 500 expert episodes
trained in <= 20 minutes on a 2-core CPU). ``bench/bc_tabletop.py`` measures the other target, one
instruction-conditioned policy for all tasks from 500 episodes in all.

For each task this generates ``--episodes`` episodes of that task's env (Panda, default randomisation,
state only), trains with the shipped checkpoint's BC config (same network, same recipe, the periodic
simulator evaluation on the task's own env), evaluates the kept checkpoint on ``--eval-episodes`` held-out
seeds (disjoint from the data and from the selection seeds) and runs the scripted expert on the same seeds
beside it: the expert is the ceiling, and the raw engine here.

    MUJOCO_GL=egl python bench/bc_tasks.py --out out/bench/bc_tasks
    MUJOCO_GL=egl python bench/bc_tasks.py --tasks push --data push=DIR   # reuse a dataset
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from bc_tabletop import TARGETS, TASK_ENVS, train_and_evaluate  # bench/ is sys.path[0] as a script

MAX_EPISODES = 500
MAX_TRAIN_SECONDS = 1200
DATA_SEED_BASE = 21  # one datagen seed per task: 21, 22, 23 in --tasks order


def parse_data(items: list[str]) -> dict[str, Path]:
    data: dict[str, Path] = {}
    for item in items:
        task, _, path = item.partition("=")
        if task not in TASK_ENVS or not path:
            raise SystemExit(f"--data: {item!r} is not TASK=DIR with TASK in {', '.join(TASK_ENVS)}")
        data[task] = Path(path)
    return data


def bench_task(task: str, k: int, args: argparse.Namespace, reuse: Path | None) -> dict[str, Any]:
    from sim.datagen import DatagenConfig, run_datagen

    env_id = TASK_ENVS[task]
    out = Path(args.out) / task
    row: dict[str, Any] = {"env": env_id}
    if reuse is None:
        t0 = time.perf_counter()
        root = out / "data"
        summary = run_datagen(DatagenConfig(env_id=env_id, robot="panda", episodes=args.episodes,
                                            workers=args.workers, obs=("state",), cameras=(),
                                            seed=DATA_SEED_BASE + k, out=str(root)), progress=not args.quiet)
        row["datagen"] = {"episodes": summary["episodes"], "attempts": summary["attempts"],
                          "expert_success": summary["expert_success_rate"], "frames": summary["frames"],
                          "seed": DATA_SEED_BASE + k, "seconds": round(time.perf_counter() - t0, 1)}
    else:
        root = reuse
        row["datagen"] = {"reused": str(reuse)}
    row["train"], report, expert = train_and_evaluate(args.config, [root], out / "run", env_id, args.epochs,
                                                      args.eval_episodes, not args.quiet)
    r = report["tasks"][task]
    row["policy"] = {"success": r["success_rate"], "ci95": r["ci95"], "episodes": r["episodes"]}
    row["expert_same_seeds"] = expert["tasks"][task]["success_rate"]
    row["target"] = TARGETS.get(task)
    row["meets_target"] = (r["success_rate"] >= TARGETS.get(task, 0.0) and row["train"]["episodes"] <= MAX_EPISODES
                           and row["train"]["seconds"] <= MAX_TRAIN_SECONDS)
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tasks", default="pick_place,stack,push", help="comma-separated tasks")
    parser.add_argument("--episodes", type=int, default=MAX_EPISODES, help="expert episodes per task")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--data", nargs="*", default=[], help="TASK=DIR: reuse a dataset for that task")
    parser.add_argument("--config", default="policies/pretrained/panda_tabletop_bc.yaml", help="BCConfig YAML")
    parser.add_argument("--epochs", type=int, default=None, help="override the config's epochs")
    parser.add_argument("--eval-episodes", type=int, default=100, help="held-out episodes per task")
    parser.add_argument("--out", default="out/bench/bc_tasks")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    tasks = [t for t in args.tasks.split(",") if t]
    unknown = [t for t in tasks if t not in TASK_ENVS]
    if unknown:
        raise SystemExit(f"--tasks: unknown {', '.join(unknown)}; valid: {', '.join(TASK_ENVS)}")
    if not 1 <= args.episodes <= MAX_EPISODES:
        raise SystemExit(f"--episodes must be in 1..{MAX_EPISODES} (the issue's data budget), got {args.episodes}")
    reuse = parse_data(args.data)

    result: dict[str, Any] = {"bench": "bc_tasks", "robot": "panda", "randomization": "default",
                              "config": args.config, "tasks": {}}
    for k, task in enumerate(tasks):
        result["tasks"][task] = bench_task(task, k, args, reuse.get(task))
    result["meets_targets"] = all(row["meets_target"] for row in result["tasks"].values())
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
