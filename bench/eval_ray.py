"""Evaluation sweep and RL search wall time: locally (no Ray), on Ray with 1 and 2 workers, and on a Ray cluster.

Prints one JSON object. Each row runs the same sweep (``policies.ray_sweep``): ``--policy`` on
``--env`` for ``--episodes`` per task on seed blocks ``--seed-blocks``; every Ray row must give the local
row's outcomes episode for episode (``same_as_local``). ``--rl-trials``/``--rl-steps`` add an RL grid search
(tau values) timed the same way. ``--ray-address`` adds a row on that cluster (start one with
``ray start --head --port 6390 --num-cpus 2 --block`` in another shell). Wall times exclude Ray's start-up,
reported separately. The one-minute load average before and after each row says what else ran: on a shared
2-core machine the 2-worker speed-up is bounded by the cores the other jobs leave.

``MUJOCO_GL=egl .venv/bin/python bench/eval_ray.py [--quick]``
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere
os.environ.setdefault("MUJOCO_GL", "egl")

DEFAULT_POLICY = str(Path(__file__).resolve().parents[1] / "policies" / "pretrained" / "panda_tabletop_bc")


def _row(name: str, fn: Any) -> dict[str, Any]:
    load0 = os.getloadavg()[0]
    start = time.perf_counter()
    result = fn()
    total = time.perf_counter() - start
    return {"row": name, "wall_s": result["wall_s"], "total_s": round(total, 2),
            "startup_s": round(total - result["wall_s"], 2), "load_before": round(load0, 1),
            "load_after": round(os.getloadavg()[0], 1), "result": result}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--policy", nargs="+", default=[DEFAULT_POLICY])
    p.add_argument("--env", default="armstack/Tabletop-v0")
    p.add_argument("--episodes", type=int, default=5)
    p.add_argument("--seed-blocks", type=int, nargs="+", default=[0])
    p.add_argument("--rl-trials", type=int, default=0, help="RL grid points (tau values); 0: no RL rows")
    p.add_argument("--rl-steps", type=int, default=400)
    p.add_argument("--ray-address", default=None)
    p.add_argument("--quick", action="store_true", help="2 episodes per task, no RL")
    args = p.parse_args(argv)
    if args.quick:
        args.episodes, args.rl_trials = 2, 0

    from policies.ray_sweep import eval_sweep, rl_search

    kw = {"env_id": args.env, "robot": "panda", "episodes": args.episodes, "seed_blocks": args.seed_blocks}
    rows = [_row("local", lambda: eval_sweep(args.policy, use_ray=False, **kw))]
    rows += [_row(f"ray_{w}_workers", lambda w=w: eval_sweep(args.policy, workers=w, **kw)) for w in (1, 2)]
    if args.ray_address:
        rows.append(_row("ray_cluster", lambda: eval_sweep(args.policy, workers=2, ray_address=args.ray_address,
                                                         **kw)))
    reference = [r["episodes_log"] for r in rows[0]["result"]["runs"]]
    for row in rows:
        row["same_as_local"] = [r["episodes_log"] for r in row["result"]["runs"]] == reference
        row["success"] = [f"{r['successes']}/{r['episodes']}" for r in row["result"]["runs"]]
        del row["result"]
    report: dict[str, Any] = {"bench": "eval_ray", "env": args.env, "episodes_per_task": args.episodes,
                              "seed_blocks": args.seed_blocks, "cpus": os.cpu_count(), "eval": rows}
    if args.rl_trials:
        space = {"tau": [round(0.05 / (i + 1), 4) for i in range(args.rl_trials)]}
        base = {"steps": args.rl_steps, "learning_starts": 60, "eval_every": args.rl_steps, "eval_episodes": 5,
                "checkpoint_every": args.rl_steps, "buffer_size": 5_000}
        rl_rows = [_row("local", lambda: rl_search(base, space, use_ray=False))]
        rl_rows += [_row(f"ray_{w}_workers", lambda w=w: rl_search(base, space, workers=w)) for w in (1, 2)]
        ref = [(t["validation"], t["held_out"]) for t in rl_rows[0]["result"]["trials"]]
        for row in rl_rows:  # each trial's validation (what ranks it) and its delivered policy's held-out figure
            row["same_as_local"] = [(t["validation"], t["held_out"]) for t in row["result"]["trials"]] == ref
            row["success"] = [t["held_out"]["success_rate"] for t in row["result"]["trials"]]
            del row["result"]
        report["rl"] = {"space": space, "steps": args.rl_steps, "rows": rl_rows}
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
