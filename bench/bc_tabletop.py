"""Behaviour cloning end to end: expert data -> multi-task instruction-conditioned policy -> held-out success.

Prints one JSON object: data generation time and expert success, training wall time (periodic simulator
evaluation included), and the success rate with its 95% interval per task on held-out seeds, beside the
scripted expert on the same seeds (the ceiling; the raw engine here is the expert that made the data).

By default the data is issue #4's budget: 500 ``Tabletop-v0`` episodes in all, tasks drawn uniformly (the
shipped checkpoint adds 1,750 single-task episodes to these: policies/pretrained/README.md);
``--shares push=190,pick_place=135,stack=115,reach=60`` generates one dataset per task in those shares instead
and trains on the mix. Training uses the shipped checkpoint's config.

    MUJOCO_GL=egl python bench/bc_tabletop.py --eval-episodes 100 --out out/bench/bc
    MUJOCO_GL=egl python bench/bc_tabletop.py --data DIR [DIR ...]   # reuse datasets
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

DEFAULT_SHARES = "uniform"
TARGETS = {"pick_place": 0.85, "stack": 0.70, "push": 0.80}  # issue #4, per task, held-out success
TASK_ENVS = {"reach": "armstack/Reach-v0", "push": "armstack/Push-v0", "pick_place": "armstack/PickPlace-v0",
             "stack": "armstack/Stack-v0"}


def parse_shares(text: str) -> dict[str, int]:
    """``push=190,reach=60`` -> {task: episodes}; ``uniform`` -> {} (one Tabletop dataset)."""
    if text == "uniform":
        return {}
    shares: dict[str, int] = {}
    for part in text.split(","):
        task, _, count = part.partition("=")
        if task not in TASK_ENVS or not count.isdigit() or int(count) < 1:
            raise SystemExit(f"--shares: {part!r} is not TASK=EPISODES with TASK in {', '.join(TASK_ENVS)}")
        shares[task] = int(count)
    return shares


def train_and_evaluate(config_path: str, data: list[Path], run_dir: Path, env_id: str, epochs: int | None,
                       eval_episodes: int, progress: bool) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """Train BC on ``data``, then run the kept checkpoint and the scripted expert on the same held-out seeds
    (disjoint from the data's): (training row, policy report, expert report)."""
    import policies
    from policies.bc import load_bc_config, train_bc
    from policies.evaluate import evaluate_policy

    t0 = time.perf_counter()
    config = load_bc_config(config_path, data=tuple(str(d) for d in data), out=str(run_dir), eval_env=env_id,
                            epochs=epochs)
    train = train_bc(config, progress=progress)
    row = {"seconds": round(time.perf_counter() - t0, 1), "epochs": config.epochs,
           "best_epoch": train["best"].get("epoch"), "episodes": train["episodes"],
           "frames": train["train_frames"] + train["val_frames"]}
    policy = policies.load(run_dir / "best")
    seeds = (policy.spec.data or {}).get("seeds", [])
    report = evaluate_policy(policy, env_id=env_id, robot="panda", episodes=eval_episodes, exclude_seeds=seeds,
                             progress=progress)
    expert = evaluate_policy(None, env_id=env_id, robot="panda", episodes=eval_episodes, exclude_seeds=seeds,
                             progress=progress)
    return row, report, expert


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shares", default=DEFAULT_SHARES, help="episodes per task, or 'uniform'")
    parser.add_argument("--episodes", type=int, default=500, help="with --shares uniform")
    parser.add_argument("--action-noise", type=float, default=0.0, help="DART noise while generating")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--data", nargs="+", default=None, help="use these datasets instead of generating")
    parser.add_argument("--config", default="policies/pretrained/panda_tabletop_bc.yaml", help="BCConfig YAML")
    parser.add_argument("--epochs", type=int, default=None, help="override the config's epochs")
    parser.add_argument("--eval-episodes", type=int, default=50, help="held-out episodes per task")
    parser.add_argument("--out", default="out/bench/bc")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)

    from sim.datagen import DatagenConfig, run_datagen

    out = Path(args.out)
    result: dict[str, Any] = {"bench": "bc_tabletop", "robot": "panda", "randomization": "default"}
    shares = parse_shares(args.shares)
    data = [Path(d) for d in args.data] if args.data else []
    if not args.data:
        t0 = time.perf_counter()
        plan = [(TASK_ENVS[t], n, out / f"data_{t}") for t, n in shares.items()] or [
            ("armstack/Tabletop-v0", args.episodes, out / "data")]
        made = []
        for k, (env_id, n, root) in enumerate(plan):
            seed = 11 + k if shares else 0
            summary = run_datagen(DatagenConfig(env_id=env_id, robot="panda", episodes=n, workers=args.workers,
                                                obs=("state",), cameras=(), seed=seed, out=str(root),
                                                action_noise=args.action_noise), progress=not args.quiet)
            made.append({"env": env_id, "episodes": summary["episodes"], "attempts": summary["attempts"],
                         "expert_success": summary["expert_success_rate"], "frames": summary["frames"]})
            data.append(root)
        result["datagen"] = {"datasets": made, "seconds": round(time.perf_counter() - t0, 1),
                             "action_noise": args.action_noise}
    result["train"], report, expert = train_and_evaluate(args.config, data, out / "run", "armstack/Tabletop-v0",
                                                         args.epochs, args.eval_episodes, not args.quiet)
    result["train"]["config"] = args.config
    result["policy"] = {t: {"success": r["success_rate"], "ci95": r["ci95"], "episodes": r["episodes"]}
                        for t, r in report["tasks"].items()}
    result["expert_same_seeds"] = {t: r["success_rate"] for t, r in expert["tasks"].items()}
    result["mean_task_success"] = report["mean_task_success"]
    result["targets"] = TARGETS
    result["meets_targets"] = all(report["tasks"][t]["success_rate"] >= v for t, v in TARGETS.items()) and \
        report["mean_task_success"] >= 0.80 and result["train"]["seconds"] <= 1200
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
