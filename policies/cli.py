"""``armstack train bc|rl`` and ``armstack eval``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any


def _cmd_train(args: argparse.Namespace) -> int:
    if args.algorithm == "rl":
        from policies.rl_cli import run_rl

        return int(run_rl(args))
    if args.algorithm == "visuomotor":
        from policies.visuomotor.cli import run_visuomotor

        return run_visuomotor(args)
    from policies.bc import load_bc_config, train_bc

    data = args.data[0] if len(args.data) == 1 else tuple(args.data)
    config = load_bc_config(args.config, data=data, out=args.out, seed=args.seed, epochs=args.epochs,
                            eval_every=args.eval_every, eval_episodes=args.eval_episodes,
                            max_episodes=args.max_episodes, verify_data=False if args.trust_data else None)
    summary = train_bc(config, progress=not args.quiet)
    print(json.dumps(summary, indent=2))
    return 0


def _cmd_eval(args: argparse.Namespace) -> int:
    import policies
    from policies.evaluate import evaluate_policy, format_report, seed_block_base, write_report, write_tables
    from sim.render import prepare_output_file

    # Where the results go is checked before the episodes run, not after.
    prepare_output_file(args.report, "--report")
    if args.video:
        prepare_output_file(args.video, "--video")
    base = seed_block_base(args.seed_block)
    if args.table:
        prepare_output_file(f"{args.table}.csv", "--table")
    policy = policies.load(args.policy, robot=args.robot)
    seeds = (policy.spec.data or {}).get("seeds", [])
    report = evaluate_policy(policy, env_id=args.env, robot=args.robot or policy.spec.robot, episodes=args.episodes,
                             randomization=args.randomization, exclude_seeds=seeds, video=args.video,
                             progress=not args.quiet, seed_base=base, failure_videos=args.failure_videos,
                             success_videos=args.success_videos)
    report["policy"] = str(Path(args.policy).resolve())
    report["seed_block"] = args.seed_block
    path = write_report(report, args.report)
    print(format_report(report))
    print(f"report: {path}")
    if args.table:
        for table in write_tables(report, args.table):
            print(f"table: {table}")
    return 0


def _cmd_compare(args: argparse.Namespace) -> int:
    import policies
    from policies.compare import compare_reports, format_comparison
    from policies.evaluate import evaluate_policy, seed_block_base, write_report
    from sim.render import prepare_output_file

    prepare_output_file(args.report, "--report")
    base = seed_block_base(args.seed_block)
    loaded = [policies.load(p, robot=args.robot) for p in (args.a, args.b)]
    robot = args.robot or loaded[0].spec.robot
    # Neither policy is scored on an episode either was trained on: both run the seeds outside both datasets.
    exclude = [s for p in loaded for s in (p.spec.data or {}).get("seeds", [])]
    reports = []
    for path, policy in zip((args.a, args.b), loaded, strict=True):
        report = evaluate_policy(policy, env_id=args.env, robot=robot, episodes=args.episodes,
                                 randomization=args.randomization, exclude_seeds=exclude, progress=not args.quiet,
                                 seed_base=base)
        report["policy"] = str(Path(path).resolve())
        reports.append(report)
    result = compare_reports(*reports, alpha=args.alpha)
    result["reports"] = reports
    path = write_report(result, args.report)
    print(format_comparison(result))
    print(f"report: {path}")
    return 0


def register(sub: Any) -> None:
    """Add ``train``, ``eval`` and ``compare`` to the ``armstack`` parser."""
    p = sub.add_parser("train", help="train a policy: bc (behaviour cloning on a dataset) or rl (Stable-Baselines3)")
    tsub = p.add_subparsers(dest="algorithm", required=True)
    b = tsub.add_parser("bc", help="instruction-conditioned behaviour cloning on an armstack dataset")
    b.add_argument("--data", required=True, nargs="+",
                   help="dataset folder(s) (armstack datagen output, LeRobot v3.0); several are mixed, in order")
    b.add_argument("--out", required=True, help="run folder: best/ and last/ checkpoints, curves, TensorBoard")
    b.add_argument("--config", default=None, help="YAML of BCConfig fields (unknown keys are an error)")
    b.add_argument("--seed", type=int, default=None)
    b.add_argument("--epochs", type=int, default=None)
    b.add_argument("--eval-every", type=int, default=None, help="epochs between sim evaluations (0: none)")
    b.add_argument("--eval-episodes", type=int, default=None, help="episodes per task in each evaluation")
    b.add_argument("--max-episodes", type=int, default=None, help="use only the first N episodes (of all --data)")
    b.add_argument("--trust-data", action="store_true",
                   help="skip the SHA-256 check of each dataset file against its manifest (trusted local data, or "
                        "a dataset without an armstack manifest)")
    b.add_argument("--quiet", action="store_true")
    r = tsub.add_parser("rl", help="Stable-Baselines3 SAC/PPO (optionally with HER) on an armstack env")
    import importlib.util

    if importlib.util.find_spec("policies.rl_cli") is not None:
        from policies.rl_cli import add_rl_arguments

        add_rl_arguments(r)
    v = tsub.add_parser("visuomotor", help="image + instruction policy with action chunks (ACT-style) on an RGB "
                                           "armstack dataset")
    from policies.visuomotor.cli import add_visuomotor_arguments

    add_visuomotor_arguments(v)
    p.set_defaults(func=_cmd_train)

    e = sub.add_parser("eval", help="success rate with 95%% intervals on held-out seeds, videos, JSON report")
    e.add_argument("--policy", required=True, help="checkpoint directory")
    e.add_argument("--env", default="armstack/Tabletop-v0")
    e.add_argument("--robot", default=None, help="default: the checkpoint's robot (another one is refused)")
    e.add_argument("--episodes", type=int, default=20, help="episodes per task")
    e.add_argument("--randomization", default="default")
    e.add_argument("--video", default=None, help="mp4 of the first episodes; failures beside it")
    e.add_argument("--report", default="out/eval/report.json")
    e.add_argument("--seed-block", type=int, default=0,
                   help="block of held-out seeds (0: the default; each block is 100000 disjoint seeds)")
    e.add_argument("--failure-videos", type=int, default=4, help="with --video: first K failures of each task")
    e.add_argument("--success-videos", type=int, default=0, help="with --video: first K successes of each task")
    e.add_argument("--table", default=None, help="write per-task tables to TABLE.csv and TABLE.md")
    e.add_argument("--quiet", action="store_true")
    e.set_defaults(func=_cmd_eval)

    c = sub.add_parser("compare", help="two checkpoints on the same held-out episodes, exact McNemar test")
    c.add_argument("--a", required=True, help="checkpoint directory A")
    c.add_argument("--b", required=True, help="checkpoint directory B")
    c.add_argument("--env", default="armstack/Tabletop-v0")
    c.add_argument("--robot", default=None, help="default: checkpoint A's robot")
    c.add_argument("--episodes", type=int, default=20, help="episodes per task")
    c.add_argument("--randomization", default="default")
    c.add_argument("--seed-block", type=int, default=0)
    c.add_argument("--alpha", type=float, default=0.05, help="significance level reported")
    c.add_argument("--report", default="out/compare/report.json")
    c.add_argument("--quiet", action="store_true")
    c.set_defaults(func=_cmd_compare)
