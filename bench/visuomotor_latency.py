"""Inference latency of a visuomotor checkpoint on one core: one chunk (a network call) per observation.

Prints one JSON object: p50/p99/max milliseconds per chunk for the image policy, and per action for the shipped
state policy on observations of the same episode (the peer in this run, and their ratio). Observations come
from a real env episode run by the scripted expert, so the images are what the policy sees in evaluation.
Timing includes everything ``predict_chunk`` does (image and proprioception preparation, cached instruction
embedding, the network); rendering is not timed. Beside wall time, the calling thread's CPU time per chunk: on a
shared, loaded machine wall time includes waiting for the core, CPU time does not.

    MUJOCO_GL=egl python bench/visuomotor_latency.py --policy RUN/best [--calls 300]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from typing import Any

import numpy as np


def _percentiles(seconds: list[float]) -> dict[str, float]:
    ms = np.array(seconds) * 1000
    return {"p50": round(float(np.percentile(ms, 50)), 3), "p99": round(float(np.percentile(ms, 99)), 3),
            "max": round(float(ms.max()), 3), "calls": len(ms)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--policy", required=True, help="visuomotor checkpoint directory")
    parser.add_argument("--state-policy", default="policies/pretrained/panda_tabletop_bc")
    parser.add_argument("--calls", type=int, default=300)
    args = parser.parse_args(argv)
    if args.calls < 1:
        parser.error("--calls must be >= 1")
    from sim.render import select_gl_backend

    select_gl_backend()
    import gymnasium as gym
    import torch

    import policies

    cpu = None
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
    image = policies.load(args.policy)
    state = policies.load(args.state_policy)
    torch.set_num_threads(1)
    env: Any = gym.make("armstack/PickPlace-v0", robot=image.spec.robot, **getattr(image, "env_kwargs", {})).unwrapped
    obs, _ = env.reset(seed=7)
    expert = env.expert()
    observations = [obs]
    while len(observations) < min(args.calls, 120):
        obs, _, terminated, truncated, _ = env.step(expert.act())
        observations.append(obs)
        if terminated or truncated:
            obs, _ = env.reset(seed=7 + len(observations))
            expert = env.expert()
    predict = getattr(image, "predict_chunk", image.act)
    predict(observations[0])  # instruction embedding and first-call allocations
    state.act(observations[0])
    image_s, state_s, image_cpu = [], [], []
    for k in range(args.calls):
        o = observations[k % len(observations)]
        c0, t0 = time.thread_time(), time.perf_counter()
        predict(o)
        image_s.append(time.perf_counter() - t0)
        image_cpu.append(time.thread_time() - c0)
        t0 = time.perf_counter()
        state.act(o)
        state_s.append(time.perf_counter() - t0)
    img, st = _percentiles(image_s), _percentiles(state_s)
    network: Any = getattr(image, "network", None)
    params = sum(p.numel() for p in network.parameters()) if network is not None else None
    print(json.dumps({"bench": "visuomotor_latency", "policy": args.policy, "cpu": cpu, "threads": 1,
                      "machine": platform.processor() or platform.machine(), "load_avg_1min": os.getloadavg()[0],
                      "parameters": params, "chunk": image.spec.action.get("chunk"),
                      "image_size": image.spec.observation.get("image_size"),
                      "image_policy_ms_per_chunk": img,
                      "image_policy_cpu_ms_per_chunk": _percentiles(image_cpu), "state_policy_ms_per_action": st,
                      "ratio_p50": round(img["p50"] / st["p50"], 2)}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
