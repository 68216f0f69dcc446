"""Env step cost of the RL Reach benchmark's two rows: armstack Reach (HER goal env) and FetchReach-v4.

Prints one JSON object. Each row's env is stepped with the same seeded random actions, bare (what the policy's
action goes through: the goal env and the sim for armstack, ``gym.make``'s wrappers and the robot env for
FetchReach) and inside the vector-env stack SB3 trains on (``policies.rl.vectorize``: DummyVecEnv, Monitor,
episode seeds, VecNormalize), as ``bench/rl_reach.py`` builds it. Cost is process CPU time per step (µs); the
rows alternate ``--repeats`` times, and the median and the minimum over the repeats are reported beside the
one-minute load average. Episode resets fall where they fall (every 60 / 50 steps) and are included.

Run from the repository root: ``MUJOCO_GL=egl .venv/bin/python bench/rl_reach_envstep.py`` (about a minute).
It re-runs itself under ``python -O`` for gymnasium-robotics' enum assert (see ``bench/rl_reach.py``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere
os.environ.setdefault("MUJOCO_GL", "egl")


def load_average() -> float | None:
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return None


def per_step_us(step: Callable[[int], Any], steps: int) -> float:
    """Process CPU µs per call of ``step(i)`` over ``steps`` calls."""
    start = time.process_time()
    for i in range(steps):
        step(i)
    return (time.process_time() - start) / steps * 1e6


def bare_stepper(env: Any, actions: Any) -> Callable[[int], Any]:
    env.reset(seed=0)

    def step(i: int) -> None:
        if env.step(actions[i])[3]:  # truncated: a fixed-horizon episode ended
            env.reset()

    return step


def vec_stepper(venv: Any, actions: Any) -> Callable[[int], Any]:
    def step(i: int) -> None:  # a vector env resets its episodes itself
        venv.step(actions[i : i + 1])

    return step


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--steps", type=int, default=3000, help="env steps per repeat and row")
    p.add_argument("--repeats", type=int, default=5, help="alternating repeats of each row")
    args = p.parse_args(argv)
    if args.steps < 1 or args.repeats < 1:
        print("--steps and --repeats must be >= 1", file=sys.stderr)
        return 2

    import numpy as np

    from bench.rl_reach import make_fetch_env
    from policies.rl import make_armstack_env, vectorize
    from policies.rl_config import RLConfig

    config = RLConfig()
    factories: dict[str, Callable[[], Any]] = {"armstack_reach": lambda: make_armstack_env(config),
                                                "fetch_reach": make_fetch_env}
    rows: dict[str, dict[str, Callable[[int], Any]]] = {}
    skipped: dict[str, str] = {}
    for row, factory in factories.items():
        try:
            env = factory()
            n = env.action_space.shape[0]
            actions = np.random.default_rng(0).uniform(-1, 1, (args.steps, n)).astype(np.float32)
            venv = vectorize(factory, 0, 100, normalize_obs=config.normalize_obs)
            venv.reset()
            rows[row] = {"bare": bare_stepper(env, actions), "vec_stack": vec_stepper(venv, actions)}
        except Exception as exc:  # FetchReach needs gymnasium-robotics: report why instead of numbers
            skipped[row] = f"{type(exc).__name__}: {exc}"
    samples: dict[str, dict[str, list[float]]] = {r: {k: [] for k in s} for r, s in rows.items()}
    load_start = load_average()
    for _ in range(args.repeats):
        for row, steppers in rows.items():
            for kind, step in steppers.items():
                samples[row][kind].append(per_step_us(step, args.steps))
    result: dict[str, Any] = {
        row: {kind: {"median_us": round(statistics.median(v), 1), "min_us": round(min(v), 1)}
              for kind, v in kinds.items()} for row, kinds in samples.items()}
    for row, why in skipped.items():
        result[row] = {"skipped": why}
    ratios = {}
    if len(rows) == 2:
        arm, fetch = result["armstack_reach"], result["fetch_reach"]
        ratios = {kind: round(arm[kind]["median_us"] / fetch[kind]["median_us"], 3) for kind in arm}
    print(json.dumps({"bench": "rl_reach_envstep", "steps": args.steps, "repeats": args.repeats,
                      "rows": result, "median_ratio_armstack_over_fetch": ratios,
                      "load_average_1min": {"start": load_start, "end": load_average()},
                      "cpu_count": os.cpu_count()}, indent=2))
    return 0


if __name__ == "__main__":
    if not sys.flags.optimize:  # see the module docstring
        os.execv(sys.executable, [sys.executable, "-O", *sys.argv])
    sys.exit(main())
