"""Closed loop on selection seeds: where a visuomotor policy's object head thinks the instructed cube is while the
policy drives, and where the gripper closes.

Teacher-forced numbers (validation L1, the head's validation error) are measured on demonstration frames; a policy
can do well there and still miss the cube when its own actions decide what the cameras see. This runs the policy on
the selection seeds (``SELECTION_SEED_BASE``, kept apart from ``armstack eval``'s held-out seeds, since this
diagnostic informs choices between recipes) and prints JSON: per episode the head's instructed-cube error (cm)
over the first ``--early`` steps and over the episode (as the decoder reads it: with ``held_at_tcp`` a held cube
is at the TCP from proprioception), the goal's error over the episode, the TCP's distance to the instructed cube
when the gripper first closes, how high the instructed cube was lifted (cm above where it started: a close on the
cube that does not hold it lifts nothing), and success; then the means.

    MUJOCO_GL=egl python bench/visuomotor_object_loop.py --policy RUN/best --episodes 5
"""

from __future__ import annotations

import argparse
import json

import gymnasium as gym
import numpy as np
import torch

import policies
import sim  # noqa: F401 - registers the env ids
from policies.errors import PolicyError
from policies.evaluate import SELECTION_SEED_BASE, eval_seeds
from policies.visuomotor.network import VisuomotorACT
from policies.visuomotor.policy import VisuomotorPolicy


def run(policy_dir: str, episodes: int, early: int, env_id: str) -> dict:
    try:
        policy = policies.load(policy_dir)
    except PolicyError as exc:  # a missing folder, a modified weights file, another architecture
        raise SystemExit(f"error: {exc}") from None
    if not isinstance(policy, VisuomotorPolicy):
        raise SystemExit(f"error: {policy_dir} is not a visuomotor policy")
    net = policy.network
    if not isinstance(net, VisuomotorACT) or net.objects is None:
        raise SystemExit(f"error: {policy_dir} is not a visuomotor policy with an object head")
    mean, std = np.asarray(net.object_mean), np.asarray(net.object_std)
    env = gym.make(env_id, robot=policy.spec.robot, **policy.env_kwargs)
    rows, lifts = [], []
    seeds = eval_seeds(episodes, base=SELECTION_SEED_BASE)
    for seed in seeds:
        policy.reset()
        obs, _ = env.reset(seed=seed)
        errors, goal_errors, close_cm, success = [], [], None, False
        start_z, lift = float(np.asarray(obs["object_poses"])[int(obs["object_id"])][2]), 0.0
        steps = 0
        while True:
            with torch.inference_mode():
                images, proprio, text, depth = policy.inputs(obs)
                objects = net.memory_and_objects(images, proprio, text, depth)[1]
                assert objects is not None  # checked above: the network has an object head
                pred = objects[0].numpy() * std + mean
            cube = np.asarray(obs["object_poses"])[int(obs["object_id"])][:3]
            lift = max(lift, float(cube[2]) - start_z)
            errors.append(100.0 * float(np.linalg.norm(pred[-3:] - cube)))
            goal_errors.append(100.0 * float(np.linalg.norm(pred[-6:-3] - np.asarray(obs["goal_pos"]))))
            action = policy(obs)
            if close_cm is None and action[-1] > 0:
                close_cm = round(100.0 * float(np.linalg.norm(np.asarray(obs["ee_pose"])[:3] - cube)), 2)
            obs, _, terminated, truncated, info = env.step(action)
            steps += 1
            success = bool(info.get("is_success", False))
            if terminated or truncated:
                break
        lifts.append(lift)
        rows.append({"seed": seed, "success": success, "steps": steps,
                     "head_cm_early": round(float(np.mean(errors[:early])), 2),
                     "head_cm_all": round(float(np.mean(errors)), 2),
                     "head_goal_cm_all": round(float(np.mean(goal_errors)), 2), "tcp_to_cube_at_close_cm": close_cm,
                     "cube_lift_cm": round(100.0 * lift, 2)})
    closes = [r["tcp_to_cube_at_close_cm"] for r in rows if r["tcp_to_cube_at_close_cm"] is not None]
    return {"policy": policy_dir, "env": env_id, "seeds": {"first": seeds[0], "last": seeds[-1]}, "episodes": rows,
            "success": sum(r["success"] for r in rows), "mean_head_cm_early": round(float(np.mean(
                [r["head_cm_early"] for r in rows])), 2),
            "mean_head_cm_all": round(float(np.mean([r["head_cm_all"] for r in rows])), 2),
            "mean_head_goal_cm_all": round(float(np.mean([r["head_goal_cm_all"] for r in rows])), 2),
            "mean_tcp_to_cube_at_close_cm": round(float(np.mean(closes)), 2) if closes else None,
            "lifted_2cm": sum(lift >= 0.02 for lift in lifts)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--policy", required=True)
    parser.add_argument("--episodes", type=int, default=5)
    parser.add_argument("--early", type=int, default=27, help="steps before the demonstrations' close (~27)")
    parser.add_argument("--env", default="armstack/PickPlace-v0")
    args = parser.parse_args()
    if args.episodes < 1 or args.early < 1:
        parser.error("--episodes and --early must be at least 1")
    print(json.dumps(run(args.policy, args.episodes, args.early, args.env)))


if __name__ == "__main__":
    main()
