"""The shipped Tabletop BC policy follows its instruction: same scene, different instruction, different behaviour."""

from __future__ import annotations

from typing import Any

import gymnasium as gym
import numpy as np
import pytest

import policies
from policies.pretrained import PANDA_TABLETOP_BC

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("bc_pretrained")]


def _run(env: Any, policy: Any, seed: int, task: str, instruction: str) -> dict[str, Any]:
    obs, info = env.reset(seed=seed, options={"task": task, "instruction": instruction})
    names = env.scene.object_names
    start = obs["object_poses"][:, :3].copy()
    top = start[:, 2].copy()
    for _ in range(env.max_steps):
        obs, _, terminated, truncated, _ = env.step(policy.act(obs))
        top = np.maximum(top, env.data.qpos[env.view.objects_q].reshape(len(names), 7)[:, 2])
        if terminated or truncated:
            break
    moved = np.linalg.norm(obs["object_poses"][:, :3] - start, axis=1)
    return {"lifted": top - start[:, 2], "moved": moved, "names": names, "info": info}


def test_swapping_the_named_cube_changes_which_cube_is_picked() -> None:
    policy = policies.load(PANDA_TABLETOP_BC)
    env = gym.make("armstack/Tabletop-v0", robot="panda", randomization="default").unwrapped
    hits = 0
    trials = 0
    for seed in range(1_000_000_100, 1_000_000_104):
        for colour in ("red", "green", "blue"):
            r = _run(env, policy, seed, "pick_place", f"pick up the {colour} cube and put it on the target pad")
            k = r["names"].index(f"{colour}_cube")
            others = [i for i in range(len(r["names"])) if i != k]
            trials += 1
            # The named cube is the one lifted; the others stay on the table.
            hits += bool(r["lifted"][k] > 0.03 and all(r["lifted"][i] < 0.02 for i in others))
    env.close()
    assert hits >= 0.75 * trials, f"the named cube was the one picked in {hits}/{trials} runs"


def test_push_and_pick_instructions_in_the_same_scene_differ() -> None:
    """Push and pick-and-place both bring the cube to the pad: only the words say whether to lift it."""
    policy = policies.load(PANDA_TABLETOP_BC)
    env = gym.make("armstack/Tabletop-v0", robot="panda", randomization="default").unwrapped
    differs = 0
    lifts = []
    seeds = range(1_000_000_200, 1_000_000_206)
    for seed in seeds:
        push = _run(env, policy, seed, "push", "push the red cube onto the pad")
        pick = _run(env, policy, seed, "push", "pick up the red cube and put it on the target pad")
        k = push["names"].index("red_cube")
        lifts.append((round(float(push["lifted"][k]), 3), round(float(pick["lifted"][k]), 3)))
        # Carried through the air when told to pick it up; at most tipped when told to push it.
        differs += bool(pick["lifted"][k] > 0.04 and push["lifted"][k] < 0.03)
    env.close()
    assert differs >= 5, f"(push, pick) lift of the red cube per seed: {lifts}"
