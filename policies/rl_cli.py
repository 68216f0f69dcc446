"""``armstack train rl``: the arguments and the handler, wired in by ``policies.cli`` (imports stay light)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from policies.action_modes import ACTION_MODES


def add_rl_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``train rl`` options to ``parser``; unset options keep the config file's (or RLConfig's) value."""
    parser.add_argument("--env", dest="env_id", default=None,
                        help="armstack/Reach-v0 (default), Push-v0, PickPlace-v0 or Stack-v0 (goal-conditioned)")
    parser.add_argument("--algo", default=None, help="sac or ppo (default sac)")
    her = parser.add_mutually_exclusive_group()
    her.add_argument("--her", dest="her", action="store_true", default=None,
                     help="hindsight experience replay (SAC; the default)")
    her.add_argument("--no-her", dest="her", action="store_false", help="dense reward, no HER")
    parser.add_argument("--steps", type=int, default=None, help="env steps to train (default 10000)")
    parser.add_argument("--out", required=True, help="run directory (must be new or empty, unless --resume)")
    parser.add_argument("--resume", action="store_true",
                        help="go on with the killed run in --out from its last checkpoint (model, replay buffer, "
                             "step count); its config.json is the config, and options that change it are refused")
    parser.add_argument("--seed", type=int, default=None, help="training seed, 0..9999 (default 0)")
    parser.add_argument("--robot", default=None, help="panda or ur5e (default panda)")
    parser.add_argument("--randomization", default=None, help="none, default or strong (default: default)")
    parser.add_argument("--device", default=None, help="cpu, cuda or auto (default cpu)")
    parser.add_argument("--n-envs", dest="n_envs", type=int, default=None,
                        help="training envs in parallel worker processes (default 1)")
    parser.add_argument("--action-mode", dest="action_mode", default=None,
                        help="; ".join(f"{m.name}: {m.meaning}" for m in ACTION_MODES.values())
                        + " (default: the env's own, xyz for Reach and Push, xyzg for PickPlace and Stack)")
    parser.add_argument("--base-policy", dest="base_policy", default=None,
                        help="residual RL on a BC checkpoint folder ('pretrained': the env's shipped base, "
                             "rl_config.PRETRAINED_BASES: panda_push_full_bc on Push, else panda_tabletop_bc); "
                             "Push, PickPlace or Stack; the residual_* and actor_* config fields tune it")
    parser.add_argument("--demos", default=None,
                        help="SAC+HER from expert demonstrations: a dataset folder (armstack datagen --full-episodes, "
                             "same env, robot, randomisation) mixed into every batch (--config fields demo_ratio, "
                             "demo_bc_weight, demo_pretrain_steps); "
                             "Push demos need --action-mode full (the expert turns the wrist)")
    parser.add_argument("--config", default=None, help="YAML file of RLConfig fields (options given here win)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")


_FIELDS = ("env_id", "algo", "her", "steps", "seed", "robot", "randomization", "device", "n_envs", "action_mode",
           "base_policy", "demos")


def run_rl(args: argparse.Namespace) -> int:
    """Train as ``args`` say, export the policy, print a JSON summary; 0 on success."""
    from policies.rl import train_rl
    from policies.rl_config import RLConfig

    overrides: dict[str, Any] = {k: getattr(args, k) for k in _FIELDS if getattr(args, k, None) is not None}
    if overrides.get("algo") == "ppo" and "her" not in overrides:
        overrides["her"] = False  # HER is SAC's default only
    if args.quiet:
        overrides["progress_bar"] = False
    if getattr(args, "resume", False):
        config = _resumed_config(args, overrides)
    else:
        config = RLConfig.from_yaml(args.config, **overrides) if args.config else RLConfig.from_dict(overrides)
    run = train_rl(config, args.out, resume=getattr(args, "resume", False))
    metrics = run.metrics
    final, best, source = metrics["final_eval"], metrics.get("best"), metrics["policy_from"]
    # policy/ is best/'s model (the checkpoint the validation episodes kept, policies.rl_validation; on a pretrained
    # run possibly step 0, the clone) when the run kept one; success_rate is its held-out figure.
    held_out = metrics[source["held_out"]]
    kept = None if best is None else {"env_steps": best["env_steps"], "validation_success_rate": best["success_rate"],
                                      "policy": str(run.out_dir / "best" / "policy") if run.policy_dir else None}
    print(json.dumps({"out": str(run.out_dir), "policy": str(run.policy_dir) if run.policy_dir else None,
                      "policy_from": {k: source[k] for k in ("checkpoint", "env_steps")},
                      "env_steps": metrics["env_steps"], "train_wall_s": round(metrics["train_wall_s"], 1),
                      "success_rate": held_out["success_rate"], "eval_episodes": held_out["episodes"],
                      "final_success_rate": final["success_rate"],
                      "final_policy": str(run.final_policy_dir) if run.final_policy_dir else None, "best": kept},
                     indent=2))
    return 0


def _resumed_config(args: argparse.Namespace, overrides: dict[str, Any]) -> Any:
    """The run's own config.json with the options given now on top (``train_rl`` refuses any that change it)."""
    from pathlib import Path

    from policies.errors import TrainConfigError
    from policies.rl import read_run_config
    from policies.rl_config import RLConfig
    from sim.config_io import load_yaml

    saved, _ = read_run_config(Path(args.out))  # the base record is checked by train_rl
    from_file = (load_yaml(args.config, error=TrainConfigError) or {}) if args.config else {}
    if not isinstance(from_file, dict):
        raise TrainConfigError(f"{args.config}: expected a mapping of RLConfig fields")
    return RLConfig.from_dict({**saved, **from_file, **overrides})
