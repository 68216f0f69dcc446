"""Behaviour cloning end to end: expert data -> multi-task instruction-conditioned policy -> held-out success.

Prints one JSON object: data generation time and expert success, training wall time, and the success
rate with its 95% interval per task on held-out seeds, beside the scripted expert on the same seeds
(the ceiling; the raw engine here is the expert that made the data).

    MUJOCO_GL=egl python bench/bc_tabletop.py --episodes 500 --epochs 40 --eval-episodes 50 --out out/bench/bc
    MUJOCO_GL=egl python bench/bc_tabletop.py --data DIR   # reuse a dataset
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--episodes", type=int, default=500)
    parser.add_argument("--action-noise", type=float, default=0.3, help="DART noise while generating")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--data", default=None, help="use this dataset instead of generating one")
    parser.add_argument("--epochs", type=int, default=40)
    parser.add_argument("--hidden", type=int, default=256)
    parser.add_argument("--eval-episodes", type=int, default=50, help="held-out episodes per task")
    parser.add_argument("--out", default="out/bench/bc")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)

    import policies
    from policies.bc import BCConfig, train_bc
    from policies.evaluate import evaluate_policy
    from sim.datagen import DatagenConfig, run_datagen

    out = Path(args.out)
    result: dict[str, Any] = {"bench": "bc_tabletop", "robot": "panda", "randomization": "default"}
    data = Path(args.data) if args.data else out / "data"
    if not args.data:
        t0 = time.perf_counter()
        summary = run_datagen(DatagenConfig(env_id="armstack/Tabletop-v0", robot="panda", episodes=args.episodes,
                                            workers=args.workers, obs=("state",), cameras=(), seed=0, out=str(data),
                                            action_noise=args.action_noise), progress=not args.quiet)
        result["datagen"] = {"episodes": summary["episodes"], "attempts": summary["attempts"],
                             "expert_success_under_noise": summary["expert_success_rate"],
                             "frames": summary["frames"], "seconds": round(time.perf_counter() - t0, 1),
                             "action_noise": args.action_noise}
    t0 = time.perf_counter()
    train = train_bc(BCConfig(data=str(data), out=str(out / "run"), epochs=args.epochs, hidden=args.hidden,
                              eval_every=0, threads=1), progress=not args.quiet)
    result["train"] = {"seconds": round(time.perf_counter() - t0, 1), "epochs": args.epochs,
                       "episodes": train["episodes"], "frames": train["train_frames"] + train["val_frames"]}
    policy = policies.load(out / "run" / "best")
    seeds = (policy.spec.data or {}).get("seeds", [])
    report = evaluate_policy(policy, env_id="armstack/Tabletop-v0", robot="panda", episodes=args.eval_episodes,
                             exclude_seeds=seeds, progress=not args.quiet)
    expert = evaluate_policy(None, env_id="armstack/Tabletop-v0", robot="panda", episodes=args.eval_episodes,
                             exclude_seeds=seeds, progress=not args.quiet)
    targets = {"pick_place": 0.85, "stack": 0.70, "push": 0.80}
    result["policy"] = {t: {"success": r["success_rate"], "ci95": r["ci95"], "episodes": r["episodes"]}
                        for t, r in report["tasks"].items()}
    result["expert_same_seeds"] = {t: r["success_rate"] for t, r in expert["tasks"].items()}
    result["mean_task_success"] = report["mean_task_success"]
    result["targets"] = targets
    result["meets_targets"] = all(report["tasks"][t]["success_rate"] >= v for t, v in targets.items()) and \
        result["train"]["seconds"] <= 1200
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
