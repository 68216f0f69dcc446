"""Policy inference latency on CPU: ``policies.load(...).act(obs)`` beside the bare network forward pass.

Prints one JSON object: p50/p99/max of act() on single env observations (features, normalisation,
cached instruction embedding, network, clipping), the same for the bare ``torch`` forward of the
network on a prepared tensor, their ratio, and batched throughput. Without ``--policy`` it measures
the default BC architecture with fresh weights (latency does not depend on the weight values).

    MUJOCO_GL=egl python bench/policy_latency.py [--policy RUN/best] [--calls 5000]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np


def _percentiles(samples: list[float]) -> dict[str, float]:
    a = np.asarray(samples) * 1e3
    return {"p50_ms": round(float(np.percentile(a, 50)), 4), "p99_ms": round(float(np.percentile(a, 99)), 4),
            "max_ms": round(float(a.max()), 4), "mean_ms": round(float(a.mean()), 4)}


def _fresh_checkpoint(env: Any, where: Path) -> Path:
    from policies.bc import BCConfig, _network
    from policies.checkpoint import PolicySpec, save_checkpoint
    from policies.observation import ObservationLayout

    layout = ObservationLayout.for_env(env)
    cfg = BCConfig(data="-", out="-")
    net = _network(cfg, layout)
    spec = PolicySpec(architecture="conditioned_mlp",
                      arch_params={"in_dim": layout.feature_dim, "text_dim": layout.text_dim, "out_dim": 5,
                                   "hidden": cfg.hidden, "depth": cfg.depth, "conditioning": cfg.conditioning},
                      observation=layout.to_json(), action={"dim": 5},
                      normalization={"mean": [0.0] * layout.feature_dim, "std": [1.0] * layout.feature_dim},
                      robot=layout.robot, control_hz=20.0, training={"note": "fresh weights for the latency bench"})
    return save_checkpoint(where / "fresh", net, spec)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--policy", default=None, help="checkpoint directory (default: fresh default BC network)")
    parser.add_argument("--calls", type=int, default=5000)
    parser.add_argument("--batch", type=int, default=64)
    args = parser.parse_args(argv)

    import gymnasium as gym
    import torch

    import policies
    import sim  # noqa: F401 - env registration

    env = gym.make("armstack/Tabletop-v0", robot="panda")
    obs, _ = env.reset(seed=0)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.policy) if args.policy else _fresh_checkpoint(env.unwrapped, Path(tmp))
        policy: Any = policies.load(path)
    policy.act(obs)  # embeds and caches the instruction: per-episode cost, not per-step
    # Different observations each call, as in a rollout: step the env with the policy's own actions.
    observations = []
    for _ in range(200):
        observations.append(obs)
        obs, _, term, trunc, _ = env.step(policy.act(obs))
        if term or trunc:
            obs, _ = env.reset()
            policy.act(obs)
    act_times: list[float] = []
    for i in range(args.calls):
        o = observations[i % len(observations)]
        t0 = time.perf_counter()
        policy.act(o)
        act_times.append(time.perf_counter() - t0)

    from policies.observation import features, split_env_observation

    state, env_state, instr = split_env_observation(policy.layout, observations[0])
    x = torch.from_numpy((features(policy.layout, state, env_state, None) - policy.mean) / policy.std)
    text = policy._text(instr)
    bare: list[float] = []
    with torch.inference_mode():
        for _ in range(args.calls):
            t0 = time.perf_counter()
            policy.network(x, text)
            bare.append(time.perf_counter() - t0)
    batch = {k: (np.stack([o[k] for o in observations[: args.batch]]) if k != "instruction"
                 else [o[k] for o in observations[: args.batch]]) for k in observations[0]}
    t0 = time.perf_counter()
    reps = max(1, args.calls // 50)
    for _ in range(reps):
        policy.act(batch)
    batched = (time.perf_counter() - t0) / reps
    act_stats, bare_stats = _percentiles(act_times), _percentiles(bare)
    result = {
        "bench": "policy_latency", "policy": str(path) if args.policy else "fresh default BC network",
        "parameters": int(sum(p.numel() for p in policy.network.parameters())),
        "torch_threads": torch.get_num_threads(), "calls": args.calls,
        "act_single": act_stats, "bare_forward_single": bare_stats,
        "act_over_bare_p50": round(act_stats["p50_ms"] / bare_stats["p50_ms"], 3),
        "batched": {"batch": args.batch, "ms_per_call": round(batched * 1e3, 4),
                    "observations_per_s": round(args.batch / batched, 1)},
        "target_p99_ms": 1.0, "meets_target": act_stats["p99_ms"] <= 1.0,
    }
    env.close()
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
