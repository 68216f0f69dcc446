"""Does the instruction steer the policy? PickPlace episodes with the instruction rewritten five ways.

Prints one JSON object: per policy and probe, successes over the seeds with a 95% Wilson interval.

Probes (each on the same seeds; success is always judged against the goal the *new* instruction states):
``original`` (the env's instruction), ``paraphrase`` (wordings no template produces; same goal),
``colour_synonym`` ("crimson cube" for the red one; same goal), ``target_swap`` (bin <-> pad: the goal's target
changes) and ``colour_swap`` (another cube's colour: the goal's object changes).

The privileged keys a state policy reads (``goal_pos``, ``task_id``/``object_id``/``target_id``) keep the
*original* goal's values throughout, so the words alone must carry a change of target or object: a policy that
follows ``goal_pos`` and ignores the words fails the swap probes. An image policy reads none of those keys.

    MUJOCO_GL=egl python bench/language_probe.py --seeds 8 --policy policies/pretrained/panda_tabletop_bc [--policy DIR]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from collections.abc import Callable
from typing import Any

import numpy as np

PARAPHRASES = {"target_pad": ("could you move the {c} cube over onto the pad", "the {c} cube goes on the pad please"),
               "bin": ("could you get the {c} cube into the bin", "the {c} cube goes in the bin please")}
SYNONYMS = {"red": "crimson", "green": "emerald", "blue": "azure", "yellow": "golden"}
PLAIN = {"target_pad": "put the {c} cube on the pad", "bin": "put the {c} cube in the bin"}
PROBES = ("original", "paraphrase", "colour_synonym", "target_swap", "colour_swap")


def rewrite(probe: str, goal: Any, objects: tuple[str, ...], k: int) -> Any:
    """The goal the probe's instruction states (instruction included), from the env's ``goal``."""
    colour = goal.object.split("_")[0]
    if probe == "original":
        return goal
    if probe == "paraphrase":
        text = PARAPHRASES[goal.target][k % 2].format(c=colour)
        return dataclasses.replace(goal, instruction=text)
    if probe == "colour_synonym":
        return dataclasses.replace(goal, instruction=PLAIN[goal.target].format(c=SYNONYMS.get(colour, colour)))
    if probe == "target_swap":
        target = "bin" if goal.target == "target_pad" else "target_pad"
        return dataclasses.replace(goal, target=target, instruction=PLAIN[target].format(c=colour))
    if probe == "colour_swap":
        others = [o for o in objects if o != goal.object]
        obj = others[k % len(others)]
        return dataclasses.replace(goal, object=obj, instruction=PLAIN[goal.target].format(c=obj.split("_")[0]))
    raise ValueError(f"unknown probe {probe!r}; valid: {', '.join(PROBES)}")


def run_probe(env: Any, policy: Callable[[dict[str, Any]], np.ndarray], seed: int, probe: str, k: int) -> bool:
    """One episode: the env's goal replaced by the probe's, privileged keys frozen at the original goal."""
    from sim.tasks import get_task, goal_ids

    env.reset(seed=seed, options={"task": "pick_place"})
    original = env.goal
    env.goal = rewrite(probe, original, tuple(env.scene.object_names), k)
    task = get_task(original.task)
    task_id, object_id, target_id = goal_ids(original, env.scene.object_names)
    frozen = {"goal_pos": task.goal_position(env.view, original), "task_id": task_id, "object_id": object_id,
              "target_id": target_id}
    obs = env._observation()  # the first observation of the new goal
    reset = getattr(policy, "reset", None)
    if reset is not None:
        reset()
    while True:
        obs, _, terminated, truncated, info = env.step(np.asarray(policy({**obs, **frozen})))
        if terminated or truncated:
            return bool(info.get("is_success", False))


def probe_policy(path: str, seeds: list[int]) -> dict[str, Any]:
    import gymnasium as gym

    import policies
    from policies.evaluate import wilson_interval

    policy = policies.load(path)
    env: Any = gym.make("armstack/PickPlace-v0", robot=policy.spec.robot,
                        **getattr(policy, "env_kwargs", {})).unwrapped
    out: dict[str, Any] = {"policy": path, "architecture": policy.spec.architecture, "probes": {}}
    t0 = time.perf_counter()
    for probe in PROBES:
        ok = sum(run_probe(env, policy, seed, probe, k) for k, seed in enumerate(seeds))
        lo, hi = wilson_interval(ok, len(seeds))
        out["probes"][probe] = {"successes": ok, "episodes": len(seeds), "rate": ok / len(seeds),
                                "ci95": [round(lo, 3), round(hi, 3)]}
        print(f"{path} {probe}: {ok}/{len(seeds)}", file=sys.stderr)
    env.close()
    out["seconds"] = round(time.perf_counter() - t0, 1)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--policy", action="append", default=None,
                        help="checkpoint directory (repeat for several; default the shipped state policy)")
    parser.add_argument("--seeds", type=int, default=8, help="held-out PickPlace seeds per probe")
    args = parser.parse_args(argv)
    if args.seeds < 1:
        parser.error("--seeds must be >= 1")
    from sim.render import select_gl_backend

    select_gl_backend()
    from policies.evaluate import eval_seeds

    seeds = eval_seeds(args.seeds)  # the evaluation range: disjoint from the data seeds (63-bit draws)
    results = [probe_policy(p, seeds) for p in args.policy or ["policies/pretrained/panda_tabletop_bc"]]
    print(json.dumps({"bench": "language_probe", "env": "armstack/PickPlace-v0", "seeds": len(seeds),
                      "privileged_keys": "frozen at the original goal", "policies": results}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
