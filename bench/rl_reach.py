"""SAC+HER on armstack Reach (Panda, randomisation on) beside the same SB3 SAC+HER on FetchReach-v4.

Prints one JSON object to stdout (progress goes to stderr). Each row trains from scratch with the same
hyperparameters (``policies.rl_config.RLConfig`` defaults unless overridden here) for ``--steps`` env steps,
pausing every ``--eval-every`` steps to evaluate the deterministic policy on the same held-out episode seeds,
and reports the success rate after ``--steps`` steps, the first evaluated step count with success >= 95%, and
the wall time spent learning (evaluation excluded and reported apart). Target: armstack >= 95% within 10k
steps, in less learning wall time than FetchReach.

Every row runs in its own ``python -O`` process, all rows at once by default (on a shared machine both then see
the same background load; ``--sequential`` runs them one after the other); the rows share no torch threads or
memory. Learning CPU time (``time.process_time``) is reported beside wall time: it moves less with the load.
Why ``-O``: gymnasium-robotics 1.4.2 checks ``model.jnt_type[j] in (mjJNT_HINGE, ...)`` with ``assert``,
which fails on mujoco 4.0's enum types (a NumPy int is never ``in`` a tuple of them) although the joint is a
hinge. ``-O`` removes that assert (and every other one, in both rows alike); nothing in gymnasium-robotics
is patched. A row that cannot import or run is reported with its error, not numbers.

Run from the repository root: ``MUJOCO_GL=egl .venv/bin/python bench/rl_reach.py`` (about 10-20 minutes on
2 cores), or ``--quick`` for a smoke run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
import traceback
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere
os.environ.setdefault("MUJOCO_GL", "egl")

TARGET_SUCCESS = 0.95
ROWS = ("armstack_reach", "fetch_reach")

METHOD = (
    "Per row, in its own `python -O` subprocess: SB3 SAC with HerReplayBuffer (future strategy), "
    "MultiInputPolicy, torch.set_num_threads(1), one env in a DummyVecEnv, hyperparameters identical across "
    "rows (listed under `config`). Training episode k is reset with seed seed*100000+k, evaluation episode k "
    "with 2000000000+k (disjoint). model.learn runs in chunks of eval_every steps (reset_num_timesteps=False, "
    "so episodes continue across chunks); after each chunk the deterministic policy runs eval_episodes "
    "held-out episodes, success = info['is_success'] at the last step of the fixed-horizon episode (armstack "
    "Reach: 60 steps, terminate_on_success=False, randomisation 'default'; FetchReach-v4: 50 steps). "
    "learn_wall_s sums the model.learn calls only (env steps + gradient steps), learn_cpu_s the process CPU "
    "time of the same calls; evaluation time is eval_wall_s. Rows run concurrently unless --sequential."
)


def log(msg: str) -> None:
    print(f"[rl_reach {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def make_fetch_env() -> Any:
    import gymnasium as gym
    import gymnasium_robotics

    gym.register_envs(gymnasium_robotics)
    return gym.make("FetchReach-v4")


def run_row(row: str, config_json: dict[str, Any]) -> dict[str, Any]:
    """Train and evaluate one row in this process; the row's JSON."""
    import torch

    from policies.rl import build_model, eval_seeds, evaluate_success, make_armstack_env, train_seeds, vectorize
    from policies.rl_config import RLConfig

    config = RLConfig.from_dict(config_json)
    torch.set_num_threads(config.torch_threads)
    factory = (lambda: make_armstack_env(config)) if row == "armstack_reach" else make_fetch_env
    train_env = vectorize(factory, *train_seeds(config), normalize_obs=config.normalize_obs)
    eval_env = vectorize(factory, *eval_seeds(config), normalize_obs=config.normalize_obs, training=False)
    model = build_model(config, train_env)
    curve: list[dict[str, Any]] = []
    learn_s = eval_s = learn_cpu_s = 0.0
    steps_to_target: int | None = None
    learn_s_to_target: float | None = None
    while model.num_timesteps < config.steps:
        chunk = min(config.eval_every, config.steps - model.num_timesteps)
        t0, c0 = time.perf_counter(), time.process_time()
        model.learn(total_timesteps=chunk, reset_num_timesteps=False, progress_bar=False)
        learn_s += time.perf_counter() - t0
        learn_cpu_s += time.process_time() - c0
        t0 = time.perf_counter()
        result = evaluate_success(model, eval_env, config.eval_episodes)
        eval_s += time.perf_counter() - t0
        curve.append({"env_steps": int(model.num_timesteps), "learn_wall_s": round(learn_s, 2),
                      "learn_cpu_s": round(learn_cpu_s, 2), **result})
        log(f"{row}: {model.num_timesteps} steps, success {result['success_rate']:.2f}, learn {learn_s:.0f} s")
        if steps_to_target is None and result["success_rate"] >= TARGET_SUCCESS:
            steps_to_target, learn_s_to_target = int(model.num_timesteps), learn_s
    final = curve[-1] if curve else {}
    train_env.close()
    eval_env.close()
    return {"env_steps": int(model.num_timesteps), "final_success_rate": final.get("success_rate"),
            "eval_episodes": config.eval_episodes, "learn_wall_s": round(learn_s, 2),
            "learn_cpu_s": round(learn_cpu_s, 2), "eval_wall_s": round(eval_s, 2),
            "env_steps_per_s_learning": round(model.num_timesteps / learn_s, 1) if learn_s > 0 else None,
            f"steps_to_{int(TARGET_SUCCESS * 100)}pct": steps_to_target,
            f"learn_wall_s_to_{int(TARGET_SUCCESS * 100)}pct": round(learn_s_to_target, 2)
            if learn_s_to_target is not None else None,
            "curve": curve}


def run_rows(rows: list[str], config_json: dict[str, Any], parallel: bool) -> dict[str, Any]:
    """Each row in a child ``python -O`` (progress on the shared stderr), all at once or one after the other."""
    procs: dict[str, subprocess.Popen[str]] = {}
    results: dict[str, Any] = {}

    def start(row: str) -> None:
        cmd = [sys.executable, "-O", str(Path(__file__).resolve()), "--row", row, "--config-json",
               json.dumps(config_json)]
        procs[row] = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)

    def finish(row: str) -> None:
        out, _ = procs[row].communicate()
        code = procs[row].returncode
        results[row] = json.loads(out) if code == 0 else {"skipped": f"row process exited {code}; see its stderr"}

    if parallel:
        for row in rows:
            start(row)
        for row in rows:
            finish(row)
    else:
        for row in rows:
            start(row)
            finish(row)
    return results


def versions() -> dict[str, str | None]:
    from importlib import metadata

    out: dict[str, str | None] = {"python": platform.python_version()}
    for pkg in ("mujoco", "gymnasium", "gymnasium-robotics", "stable-baselines3", "torch", "numpy"):
        try:
            out[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            out[pkg] = None
    return out


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--steps", type=int, default=10_000, help="env steps per row")
    p.add_argument("--eval-every", type=int, default=1_000, help="env steps between evaluations")
    p.add_argument("--eval-episodes", type=int, default=50, help="held-out episodes per evaluation")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--rows", default=",".join(ROWS), help=f"comma-separated subset of {', '.join(ROWS)}")
    p.add_argument("--sequential", dest="parallel", action="store_false",
                   help="run the rows one after the other (default: both at once, so both see the same load)")
    p.add_argument("--quick", action="store_true", help="smoke run: 300 steps, 2 evaluation episodes")
    p.add_argument("--row", help=argparse.SUPPRESS)
    p.add_argument("--config-json", help=argparse.SUPPRESS)
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.row:  # child process: one row, JSON on stdout
        try:
            print(json.dumps(run_row(args.row, json.loads(args.config_json))))
        except Exception:
            traceback.print_exc()
            return 1
        return 0

    from policies.rl_config import RLConfig

    rows = [r for r in args.rows.split(",") if r]
    unknown = [r for r in rows if r not in ROWS]
    if unknown:
        print(f"unknown rows {unknown}; valid: {', '.join(ROWS)}", file=sys.stderr)
        return 2
    steps, eval_every, episodes = (300, 150, 2) if args.quick else (args.steps, args.eval_every, args.eval_episodes)
    config = RLConfig(steps=steps, eval_every=eval_every, eval_episodes=episodes, seed=args.seed, progress_bar=False,
                      learning_starts=min(RLConfig.learning_starts, steps // 2))
    config_json = config.to_dict()
    log(f"rows {rows}: {steps} steps each, {'in parallel' if args.parallel else 'one after the other'}")
    results = run_rows(rows, config_json, args.parallel)
    arm, fetch = results.get("armstack_reach", {}), results.get("fetch_reach", {})
    def ratio(key: str) -> float | None:
        return round(arm[key] / fetch[key], 3) if arm.get(key) and fetch.get(key) else None

    wall_ratio = ratio("learn_wall_s")
    headline = {
        "armstack_final_success_rate": arm.get("final_success_rate"),
        "fetch_final_success_rate": fetch.get("final_success_rate"),
        "armstack_meets_success_target": (arm.get("final_success_rate") or 0.0) >= TARGET_SUCCESS,
        "learn_wall_ratio_armstack_over_fetch": wall_ratio,
        "learn_cpu_ratio_armstack_over_fetch": ratio("learn_cpu_s"),
        "armstack_faster_than_fetch": wall_ratio is not None and wall_ratio < 1.0,
    }
    print(json.dumps({"bench": "rl_reach", "method": METHOD, "config": config_json, "headline": headline,
                      "rows": results, "versions": versions(), "cpu_count": os.cpu_count(),
                      "machine": platform.machine()}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
