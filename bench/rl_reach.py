"""SAC+HER on armstack Reach (Panda, randomisation on) beside the same SB3 SAC+HER on FetchReach-v4.

Prints one JSON object to stdout (progress goes to stderr). Each row trains from scratch with the same
hyperparameters (``policies.rl_config.RLConfig`` defaults) for ``--steps`` env steps and pauses at each of
``--eval-at`` (2k, 5k, 10k) to evaluate the deterministic policy on the same ``--eval-episodes`` held-out episode
seeds: success rate with a 95% Wilson interval. Every training seed of ``--seeds`` trains one armstack row and
one FetchReach row, the two at once (both see the same background load); the learning wall/CPU ratio
armstack/FetchReach is taken within each pair. Targets: armstack >= 95% at 10k steps for every seed, in less
learning wall time than FetchReach.

Every row runs in its own ``python -O`` process; the rows share no torch threads or memory. Learning CPU time
(``time.process_time``) is reported beside wall time: it moves less with the load, and the one-minute load
average at the start and end of each pair is reported with it.
Why ``-O``: gymnasium-robotics 1.4.2 checks ``model.jnt_type[j] in (mjJNT_HINGE, ...)`` with ``assert``,
which fails on mujoco 4.0's enum types (a NumPy int is never ``in`` a tuple of them) although the joint is a
hinge. ``-O`` removes that assert (and every other one, in both rows alike); nothing in gymnasium-robotics
is patched. A row that cannot import or run is reported with its error, not numbers.

Run from the repository root: ``MUJOCO_GL=egl .venv/bin/python bench/rl_reach.py`` (two seeds, about 15-25
minutes on 2 cores), or ``--quick`` for a smoke run. The two rows' env step costs alone (bare and in this
training stack) come from ``bench/rl_reach_envstep.py``: SAC's update, the same in both rows, is most of the
learning time, so the env's share bounds what a cheaper env can do to the learning-time ratio.
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
TARGET_STEPS = 10_000
ROWS = ("armstack_reach", "fetch_reach")

METHOD = (
    "Per row, in its own `python -O` subprocess: SB3 SAC with HerReplayBuffer (future strategy), "
    "MultiInputPolicy, torch.set_num_threads(1), one env in a DummyVecEnv, hyperparameters identical across "
    "rows (listed under `config`; action_mode and observe_actions apply to armstack only: the agent commands the "
    "TCP translation, as FetchReach's agent does, and sees its last observe_actions commands, which Reach's "
    "randomised action latency may still hold in flight; FetchReach has no latency; physics_sleep: MuJoCo "
    "island sleeping in armstack's scene, so the cubes Reach does not use are not integrated while at rest). "
    "Training episode k is reset with seed seed*100000+k, evaluation episode k "
    "with 2000000000+k (disjoint, the same episodes at every evaluation and for every training seed). "
    "model.learn runs in chunks up to each eval_at step count (reset_num_timesteps=False, so episodes continue "
    "across chunks); then the deterministic policy runs eval_episodes held-out episodes, success = "
    "info['is_success'] at the last step of the fixed-horizon episode (armstack Reach: 60 steps, "
    "terminate_on_success=False, randomisation 'default' (observation noise, action latency, actuator gains, "
    "joint damping, home-pose jitter); FetchReach-v4: 50 steps). ci95 is the Wilson score interval. "
    "learn_wall_s sums the model.learn calls only (env steps + gradient steps), learn_cpu_s the process CPU "
    "time of the same calls; evaluation time is eval_wall_s (policies.rl.learn_with_evaluations). The armstack "
    "and FetchReach rows of a seed run "
    "concurrently unless --sequential; seeds run one after the other."
)


def log(msg: str) -> None:
    print(f"[rl_reach {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def load_average() -> float | None:
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return None


def make_fetch_env() -> Any:
    import gymnasium as gym
    import gymnasium_robotics

    gym.register_envs(gymnasium_robotics)
    return gym.make("FetchReach-v4")


def run_row(row: str, config_json: dict[str, Any], eval_at: list[int]) -> dict[str, Any]:
    """Train and evaluate one row in this process (``policies.rl.learn_with_evaluations``); the row's JSON."""
    import torch

    from policies.rl import build_model, eval_seeds, learn_with_evaluations, make_armstack_env, train_seeds, vectorize
    from policies.rl_config import RLConfig

    config = RLConfig.from_dict(config_json)
    torch.set_num_threads(config.torch_threads)
    factory = (lambda: make_armstack_env(config)) if row == "armstack_reach" else make_fetch_env
    train_env = vectorize(factory, *train_seeds(config), normalize_obs=config.normalize_obs)
    eval_env = vectorize(factory, *eval_seeds(config), normalize_obs=config.normalize_obs, training=False)
    model = build_model(config, train_env)

    def report(point: dict[str, Any]) -> None:
        log(f"{row} seed {config.seed}: {point['env_steps']} steps, success {point['success_rate']:.2f} "
            f"{point['ci95']}, learn {point['learn_wall_s']:.0f} s wall, {point['learn_cpu_s']:.0f} s CPU")

    curve = learn_with_evaluations(model, eval_env, eval_at, config.eval_episodes, report=report)
    final = curve[-1] if curve else {}
    train_env.close()
    eval_env.close()
    learn_s = final.get("learn_wall_s", 0.0)
    return {"seed": config.seed, "env_steps": int(model.num_timesteps),
            "final_success_rate": final.get("success_rate"), "final_ci95": final.get("ci95"),
            "eval_episodes": config.eval_episodes, "learn_wall_s": learn_s,
            "learn_cpu_s": final.get("learn_cpu_s", 0.0), "eval_wall_s": final.get("eval_wall_s_total", 0.0),
            "env_steps_per_s_learning": round(model.num_timesteps / learn_s, 1) if learn_s > 0 else None,
            "success_at": {str(p["env_steps"]): p["success_rate"] for p in curve}, "curve": curve}


def run_pair(rows: list[str], config_json: dict[str, Any], eval_at: list[int], parallel: bool) -> dict[str, Any]:
    """Each row in a child ``python -O`` (progress on the shared stderr), all at once or one after the other."""
    procs: dict[str, subprocess.Popen[str]] = {}
    results: dict[str, Any] = {}

    def start(row: str) -> None:
        cmd = [sys.executable, "-O", str(Path(__file__).resolve()), "--row", row, "--config-json",
               json.dumps(config_json), "--eval-at", ",".join(map(str, eval_at))]
        procs[row] = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)

    def finish(row: str) -> None:
        out, _ = procs[row].communicate()
        code = procs[row].returncode
        results[row] = json.loads(out) if code == 0 else {"skipped": f"row process exited {code}; see its stderr"}

    load_start = load_average()
    if parallel:
        for row in rows:
            start(row)
        for row in rows:
            finish(row)
    else:
        for row in rows:
            start(row)
            finish(row)
    arm, fetch = results.get("armstack_reach", {}), results.get("fetch_reach", {})

    def ratio(key: str) -> float | None:
        return round(arm[key] / fetch[key], 3) if arm.get(key) and fetch.get(key) else None

    return {**results, "learn_wall_ratio_armstack_over_fetch": ratio("learn_wall_s"),
            "learn_cpu_ratio_armstack_over_fetch": ratio("learn_cpu_s"),
            "load_average_1min": {"start": load_start, "end": load_average()}}


def headline(per_seed: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The targets, per seed and over all seeds (the success target must hold for every seed)."""
    arm = {s: r.get("armstack_reach", {}) for s, r in per_seed.items()}
    fetch = {s: r.get("fetch_reach", {}) for s, r in per_seed.items()}
    finals = {s: a.get("final_success_rate") for s, a in arm.items()}
    walls = {s: r["learn_wall_ratio_armstack_over_fetch"] for s, r in per_seed.items()}
    got = [v for v in finals.values() if v is not None]
    ratios = [v for v in walls.values() if v is not None]
    return {
        "armstack_success_at": {s: a.get("success_at") for s, a in arm.items()},
        "armstack_final_ci95": {s: a.get("final_ci95") for s, a in arm.items()},
        "fetch_success_at": {s: f.get("success_at") for s, f in fetch.items()},
        "armstack_meets_success_target": bool(got) and len(got) == len(finals)
        and min(got) >= TARGET_SUCCESS,
        "learn_wall_ratio_armstack_over_fetch": walls,
        "learn_cpu_ratio_armstack_over_fetch": {s: r["learn_cpu_ratio_armstack_over_fetch"]
                                                for s, r in per_seed.items()},
        "armstack_faster_than_fetch": bool(ratios) and len(ratios) == len(walls) and max(ratios) < 1.0,
        # One pair's ratio moves by about +-5% from run to run (SAC's update, the same in both rows, is most of
        # the time): the learning time summed over all seeds is the steadier comparison.
        "learn_wall_s_over_seeds": {"armstack_reach": _total(arm, "learn_wall_s"),
                                    "fetch_reach": _total(fetch, "learn_wall_s")},
        "learn_wall_ratio_over_seeds": _ratio(_total(arm, "learn_wall_s"), _total(fetch, "learn_wall_s")),
        "learn_cpu_ratio_over_seeds": _ratio(_total(arm, "learn_cpu_s"), _total(fetch, "learn_cpu_s")),
    }


def _total(rows: dict[str, dict[str, Any]], key: str) -> float | None:
    values = [r.get(key) for r in rows.values()]
    present = [float(v) for v in values if v is not None]
    return round(sum(present), 1) if values and len(present) == len(values) else None


def _ratio(num: float | None, den: float | None) -> float | None:
    return round(num / den, 3) if num is not None and den else None


def versions() -> dict[str, str | None]:
    from importlib import metadata

    out: dict[str, str | None] = {"python": platform.python_version()}
    for pkg in ("mujoco", "gymnasium", "gymnasium-robotics", "stable-baselines3", "torch", "numpy"):
        try:
            out[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            out[pkg] = None
    return out


def int_list(text: str) -> list[int]:
    return [int(v) for v in text.split(",") if v.strip()]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--steps", type=int, default=TARGET_STEPS, help="env steps per row")
    p.add_argument("--eval-at", type=int_list, default=[2_000, 5_000, 10_000],
                   help="comma-separated env step counts to evaluate at (those beyond --steps are dropped)")
    p.add_argument("--eval-episodes", type=int, default=100, help="held-out episodes per evaluation")
    p.add_argument("--seeds", type=int_list, default=[0, 1], help="comma-separated training seeds")
    p.add_argument("--rows", default=",".join(ROWS), help=f"comma-separated subset of {', '.join(ROWS)}")
    p.add_argument("--sequential", dest="parallel", action="store_false",
                   help="run a seed's rows one after the other (default: both at once, so both see the same load)")
    p.add_argument("--quick", action="store_true", help="smoke run: 300 steps, evaluations at 150 and 300, "
                                                        "2 episodes, one seed")
    p.add_argument("--row", help=argparse.SUPPRESS)
    p.add_argument("--config-json", help=argparse.SUPPRESS)
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.row:  # child process: one row, JSON on stdout
        try:
            print(json.dumps(run_row(args.row, json.loads(args.config_json), args.eval_at)))
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
    if args.quick:
        steps, eval_at, episodes, seeds = 300, [150, 300], 2, args.seeds[:1]
    else:
        steps, episodes, seeds = args.steps, args.eval_episodes, args.seeds
        eval_at = sorted({p for p in args.eval_at if 0 < p < steps} | {steps})
    configs = {seed: RLConfig(steps=steps, eval_every=steps, eval_episodes=episodes, seed=seed, progress_bar=False,
                              learning_starts=min(RLConfig.learning_starts, steps // 2)).to_dict()
               for seed in seeds}
    per_seed: dict[str, dict[str, Any]] = {}
    for seed, config_json in configs.items():
        log(f"seed {seed}, rows {rows}: {steps} steps each, evaluated at {eval_at}, "
            f"{'in parallel' if args.parallel else 'one after the other'}; load {load_average()}")
        per_seed[str(seed)] = run_pair(rows, config_json, eval_at, args.parallel)
    config_json = {k: v for k, v in configs[seeds[0]].items() if k != "seed"}
    print(json.dumps({"bench": "rl_reach", "method": METHOD, "config": config_json, "seeds": seeds,
                      "eval_at": eval_at, "headline": headline(per_seed), "per_seed": per_seed,
                      "versions": versions(), "cpu_count": os.cpu_count(), "machine": platform.machine()}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
