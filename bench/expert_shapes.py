"""The scripted experts' success per task and object shape, on an opt-in object set (issue 19 item 4).

Prints one JSON object: for every task, successes over episodes per shape of the object the goal moves (Stack:
per '<top>_on_<base>' pair as well), with Wilson 95% intervals, the failed seeds, and the load the run saw.
Run niced from the repository root (MUJOCO_GL=egl), e.g.
``nice -n 15 python bench/expert_shapes.py --robot panda --seeds 120 --randomization shapes``, or name the
objects: ``--objects red_cylinder,green_cylinder,blue_cylinder`` (on the default ranges).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from typing import Any

from sim.render import select_gl_backend

select_gl_backend()  # before anything imports mujoco

import dataclasses  # noqa: E402

import gymnasium as gym  # noqa: E402

import sim  # noqa: E402
from policies.evaluate import wilson_interval  # noqa: E402
from sim.env import TabletopEnv  # noqa: E402
from sim.rollout import run_episode  # noqa: E402
from sim.scene import parse_object_name  # noqa: E402

TASKS = ("Push", "PickPlace", "Stack")


def _rate(successes: int, n: int) -> dict[str, Any]:
    low, high = wilson_interval(successes, n)
    return {"successes": successes, "episodes": n, "rate": round(successes / n, 4),
            "wilson95": [round(low, 4), round(high, 4)]}


def measure(task: str, robot: str, seeds: range, randomization: sim.Randomization) -> dict[str, Any]:
    env = gym.make(f"armstack/{task}-v0", robot=robot, randomization=randomization)
    tabletop: TabletopEnv = env.unwrapped  # type: ignore[assignment]
    by_shape: dict[str, list[int]] = {}
    by_pair: dict[str, list[int]] = {}
    failed: list[int] = []
    start = time.perf_counter()
    for seed in seeds:
        result = run_episode(tabletop, seed)
        goal = tabletop.goal
        assert goal is not None and goal.object is not None and goal.target is not None
        shape = parse_object_name(goal.object)[1]
        by_shape.setdefault(shape, []).append(int(result.success))
        if task == "Stack":
            pair = f"{shape}_on_{parse_object_name(goal.target)[1]}"
            by_pair.setdefault(pair, []).append(int(result.success))
        if not result.success:
            failed.append(seed)
    env.close()
    out: dict[str, Any] = {
        "all": _rate(len(seeds) - len(failed), len(seeds)),
        "by_shape": {k: _rate(sum(v), len(v)) for k, v in sorted(by_shape.items())},
        "failed_seeds": failed,
        "wall_s": round(time.perf_counter() - start, 1),
    }
    if by_pair:
        out["by_pair"] = {k: _rate(sum(v), len(v)) for k, v in sorted(by_pair.items())}
    return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--robot", default="panda")
    p.add_argument("--seeds", type=int, default=120, help="seeds 0..N-1 per task")
    p.add_argument("--randomization", default="shapes", help=", ".join(sim.RANDOMIZATION_LEVELS))
    p.add_argument("--objects", default=None, help="comma list of <colour>_<shape> names (on that level's ranges)")
    p.add_argument("--tasks", default=",".join(TASKS))
    args = p.parse_args()
    level = sim.randomize.resolve_randomization(args.randomization)
    if args.objects:
        level = dataclasses.replace(level, objects=tuple(args.objects.split(",")))
    report: dict[str, Any] = {"robot": args.robot, "randomization": args.randomization,
                              "objects": list(level.objects), "seeds": [0, args.seeds - 1],
                              "load_at_start": os.getloadavg()[0], "tasks": {}}
    for task in args.tasks.split(","):
        print(f"{task} ...", file=sys.stderr)
        report["tasks"][task] = measure(task, args.robot, range(args.seeds), level)
    report["load_at_end"] = os.getloadavg()[0]
    print(json.dumps(report))


if __name__ == "__main__":
    main()
