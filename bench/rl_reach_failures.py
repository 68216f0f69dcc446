"""Where an exported Reach policy fails: held-out episodes classified by how they end, with the episode's draws.

Prints one JSON object to stdout. Runs ``policies.load(POLICY)`` on ``armstack/Reach-v0`` (randomisation
'default', ``terminate_on_success=False`` so every episode runs its 60 steps, as in training and in
bench/rl_reach.py) for ``--episodes`` held-out episode seeds (``EVAL_SEED_BASE + k``, disjoint from training
seeds) and sorts each into one class by the true TCP-to-marker distance along the episode:

- ``success``: within the success radius at the last step (``info["is_success"]``);
- ``limit_cycle``: inside the radius on at least 3 of the last 10 steps and still moving at the end (the
  policy reaches the marker and circles it);
- ``still_approaching``: never inside, and the distance fell over each of the last 5 steps (the episode was
  too short for it);
- ``near_miss``: within twice the radius at the end, none of the above (hovering just off the marker);
- ``lost``: farther.

Each failure is listed with its goal, final and closest distance, action latency and actuator gain (the
randomisation draws that explain most of them). Usage: ``python bench/rl_reach_failures.py RUN/policy``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from itertools import pairwise
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere
os.environ.setdefault("MUJOCO_GL", "egl")

CLASSES = ("success", "limit_cycle", "still_approaching", "near_miss", "lost")
MOVING_M = 0.005  # TCP travel in the last control step that counts as still moving (noise is ~1 mm)


def classify(distances: list[float], last_step_travel: float, radius: float) -> str:
    """The class of one episode from its per-step TCP-to-goal distances (m) and the last step's TCP travel."""
    if not distances:
        raise ValueError("an episode needs at least one step")
    final = distances[-1]
    if final < radius:
        return "success"
    inside_late = sum(d < radius for d in distances[-10:])
    if inside_late >= 3 and last_step_travel > MOVING_M:
        return "limit_cycle"
    tail = distances[-6:]
    if min(distances) >= radius and len(tail) == 6 and all(b < a for a, b in pairwise(tail)):
        return "still_approaching"
    return "near_miss" if final < 2 * radius else "lost"


def run(policy_dir: str, episodes: int) -> dict[str, Any]:
    import gymnasium as gym
    import numpy as np

    import policies
    import sim  # noqa: F401 - registers the armstack ids
    from policies.evaluate import wilson_interval
    from policies.rl_config import EVAL_SEED_BASE
    from sim.tasks.reach import SUCCESS_DISTANCE

    policy = policies.load(policy_dir)
    env = gym.make("armstack/Reach-v0", randomization="default", terminate_on_success=False,
                   disable_env_checker=True)
    base: Any = env.unwrapped
    counts: Counter[str] = Counter()
    failures: list[dict[str, Any]] = []
    for k in range(episodes):
        obs, _ = env.reset(seed=EVAL_SEED_BASE + k)
        policy.reset()
        goal = base.view.goal_marker_pos.copy()
        distances: list[float] = []
        before = base.view.tcp_pos.copy()
        info: dict[str, Any] = {}
        for _ in range(base.max_steps):
            before = base.view.tcp_pos.copy()
            obs, _, _, truncated, info = env.step(policy.act(obs))
            distances.append(float(np.linalg.norm(base.view.tcp_pos - goal)))
            if truncated:
                break
        kind = classify(distances, float(np.linalg.norm(base.view.tcp_pos - before)), SUCCESS_DISTANCE)
        if (kind == "success") != bool(info.get("is_success")):  # the env's own predicate decides success
            kind = "success" if info.get("is_success") else "near_miss"
        counts[kind] += 1
        if kind != "success":
            params = base.episode_params
            failures.append({"seed": EVAL_SEED_BASE + k, "class": kind, "goal": [round(float(v), 3) for v in goal],
                             "final_m": round(distances[-1], 4), "closest_m": round(min(distances), 4),
                             "steps_inside": sum(d < SUCCESS_DISTANCE for d in distances),
                             "action_latency_steps": int(params["action_latency_steps"]),
                             "actuator_gain_scale": round(float(params["actuator_gain_scale"]), 3)})
    env.close()
    lo, hi = wilson_interval(counts["success"], episodes)
    return {"bench": "rl_reach_failures", "policy": policy_dir, "episodes": episodes,
            "eval_seeds": [EVAL_SEED_BASE, episodes], "success_rate": counts["success"] / episodes,
            "ci95": [round(lo, 4), round(hi, 4)], "classes": {c: counts[c] for c in CLASSES},
            "failures_by_latency": dict(Counter(str(f["action_latency_steps"]) for f in failures)),
            "failures": failures}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("policy", help="an exported policy directory (RUN/policy from `armstack train rl`)")
    p.add_argument("--episodes", type=int, default=200, help="held-out episodes")
    args = p.parse_args(argv)
    if args.episodes < 1:
        print("--episodes must be >= 1", file=sys.stderr)
        return 2
    print(json.dumps(run(args.policy, args.episodes), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
