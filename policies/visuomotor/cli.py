"""``armstack train visuomotor``: the arguments and the handler, wired in by ``policies.cli``."""

from __future__ import annotations

import argparse
import json


def add_visuomotor_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data", required=True, help="an armstack dataset recorded with --obs state,rgb")
    p.add_argument("--out", required=True, help="run folder: best/ and last/ checkpoints, TensorBoard; "
                                                "an existing run with the same config resumes")
    p.add_argument("--config", default=None, help="YAML of VisuomotorConfig fields (unknown keys are an error)")
    p.add_argument("--cameras", default=None, help="comma list (default front,wrist)")
    p.add_argument("--depth", default=None, help="comma list of cameras whose depth the encoder reads (the dataset "
                                                 "recorded with --obs state,rgb,depth); default none")
    p.add_argument("--seed", type=int, default=None)
    p.add_argument("--steps", type=int, default=None, help="gradient steps in all (a resumed run continues to it)")
    p.add_argument("--execution", choices=("chunk", "ensemble"), default=None)
    p.add_argument("--eval-episodes", type=int, default=None, help="held-out sim episodes per task at the end")
    p.add_argument("--max-episodes", type=int, default=None)
    p.add_argument("--trust-data", action="store_true", help="skip the per-file SHA-256 check against the manifest")
    p.add_argument("--quiet", action="store_true")


def run_visuomotor(args: argparse.Namespace) -> int:
    from policies.visuomotor.config import load_visuomotor_config
    from policies.visuomotor.train import train_visuomotor

    config = load_visuomotor_config(args.config, data=args.data, out=args.out, cameras=args.cameras, depth=args.depth,
                                    seed=args.seed,
                                    steps=args.steps, execution=args.execution, eval_episodes=args.eval_episodes,
                                    max_episodes=args.max_episodes, verify_data=False if args.trust_data else None)
    print(json.dumps(train_visuomotor(config, progress=not args.quiet), indent=2))
    return 0
