"""``armstack train bc|rl`` and ``armstack eval``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from policies.errors import TrainConfigError


def _cmd_train(args: argparse.Namespace) -> int:
    if args.algorithm == "rl":
        from policies.rl_cli import run_rl

        return int(run_rl(args))
    if args.algorithm == "visuomotor":
        from policies.visuomotor.cli import run_visuomotor

        return run_visuomotor(args)
    from policies.bc import load_bc_config, train_bc

    data = args.data[0] if len(args.data) == 1 else tuple(args.data)
    _say_bc_ignores_cameras(args.data)
    config = load_bc_config(args.config, data=data, out=args.out, seed=args.seed, epochs=args.epochs,
                            eval_every=args.eval_every, eval_episodes=args.eval_episodes,
                            max_episodes=args.max_episodes, verify_data=False if args.trust_data else None)
    summary = train_bc(config, progress=not args.quiet)
    print(json.dumps(summary, indent=2))
    return 0


def _say_bc_ignores_cameras(paths: list[str]) -> None:
    """BC is a state policy: a dataset's camera streams are not inputs, which the user is told, not left to guess."""
    import sys

    from sim.dataset.errors import DatasetError
    from sim.dataset.layout import INFO_PATH, is_visual, read_json

    for path in paths:
        try:
            features = read_json(Path(path) / INFO_PATH).get("features", {})
            cameras = sorted(k for k, f in features.items() if isinstance(f, dict) and is_visual(f))
        except (DatasetError, AttributeError):
            continue  # a missing, foreign or damaged dataset: the loader's hash check names the file itself
        if cameras:
            print(f"note: {path} holds camera streams ({', '.join(cameras)}); `train bc` trains a state policy "
                  "and does not read them: `armstack train visuomotor` does", file=sys.stderr)


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
                             success_videos=args.success_videos, hold=args.hold)
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
    from policies.compare import compare_policies, format_comparison
    from policies.evaluate import seed_block_base, write_report
    from sim.render import prepare_output_file

    prepare_output_file(args.report, "--report")
    base = seed_block_base(args.seed_block)
    loaded = [policies.load(p, robot=args.robot) for p in (args.a, args.b)]
    result = compare_policies(*loaded, env_id=args.env, robot=args.robot or loaded[0].spec.robot,
                              episodes=args.episodes, randomization=args.randomization, seed_base=base,
                              hold=args.hold, alpha=args.alpha, progress=not args.quiet,
                              names=(str(Path(args.a).resolve()), str(Path(args.b).resolve())))
    path = write_report(result, args.report)
    print(format_comparison(result))
    print(f"report: {path}")
    return 0


def _parse_values(text: str) -> list[Any]:
    """``1e-3,3e-4`` -> [0.001, 0.0003]; each value read as YAML (numbers, true/false, [lists], strings)."""
    import yaml

    return [yaml.safe_load(v) for v in text.split(",")]


def _trial_line(t: dict[str, Any]) -> str:
    """One RL trial of ``armstack sweep rl``: the validation figure that ranks it, then the delivered policy (best/'s
    model or the last one) on the held-out episodes."""
    v, h, src = t["validation"], t["held_out"], t["policy_from"]
    chosen = "no validation evaluation" if v is None else (
        f"validation {v['success_rate']:.1%} of {v['episodes']}" if v["success_rate"] is not None
        else f"validation return {v['mean_return']:.1f}")
    return (f"{t['params']}: {chosen}; policy ({src['checkpoint']}, step {src['env_steps']}) {h['success_rate']:.1%} "
            f"of {h['episodes']} held-out episodes, {t['train_wall_s']:.0f} s")


def _cmd_sweep(args: argparse.Namespace) -> int:
    from policies.evaluate import write_report
    from policies.ray_sweep import eval_sweep, rank_trials, rl_search
    from sim.render import prepare_output_file

    prepare_output_file(args.report, "--report")
    common = {"workers": args.workers, "ray_address": args.ray_address, "use_ray": not args.local}
    if args.kind == "eval":
        result = eval_sweep(args.policy, env_id=args.env, robot=args.robot, episodes=args.episodes,
                            seed_blocks=args.seed_blocks, randomization=args.randomization, hold=args.hold,
                            **common)
        rows = [f"{r['checkpoint']} block {r['seed_block']}: {r['successes']}/{r['episodes']} = "
                f"{r['success_rate']:.1%} (95% CI {r['ci95'][0]:.2f}-{r['ci95'][1]:.2f})" for r in result["runs"]]
    else:
        space: dict[str, list[Any]] = {}
        for item in args.set:
            key, sep, values = item.partition("=")
            if not sep or not values:
                raise TrainConfigError(f"--set wants FIELD=V1,V2,..., got {item!r}")
            space[key] = _parse_values(values)
        base = {"steps": args.steps, "seed": args.seed, "env_id": args.env}
        result = rl_search(base, space, **common)
        rows = [_trial_line(result["trials"][i]) for i in rank_trials(result["trials"])]
    path = write_report(result, args.report)
    print("\n".join(rows))
    # --local runs every task in this process, one after another: --workers does not apply there.
    print(f"wall {result['wall_s']} s " + ("in this process (--local, no Ray)" if args.local
                                          else f"on {args.workers} Ray worker(s)"))
    print(f"report: {path}")
    return 0


def register(sub: Any) -> None:
    """Add ``train``, ``eval``, ``compare`` and ``sweep`` to the ``armstack`` parser."""
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
    hold_help = ("run every episode to the task's max_steps and count success at its last step (as RL's goal envs "
                 "do), beside reached at some step; default: an episode ends at its first success")
    e.add_argument("--hold", action="store_true", help=hold_help)
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
    c.add_argument("--hold", action="store_true", help=hold_help)
    c.add_argument("--report", default="out/compare/report.json")
    c.add_argument("--quiet", action="store_true")
    c.set_defaults(func=_cmd_compare)

    w = sub.add_parser("sweep", help="evaluation sweeps and RL hyper-parameter searches on Ray (local or cluster)")
    wsub = w.add_subparsers(dest="kind", required=True)
    we = wsub.add_parser("eval", help="checkpoints x seed blocks, episodes spread over Ray workers")
    we.add_argument("--policy", nargs="+", required=True, help="checkpoint directories ('expert': the scripted one)")
    we.add_argument("--env", default="armstack/Tabletop-v0")
    we.add_argument("--robot", default="panda")
    we.add_argument("--episodes", type=int, default=20, help="episodes per task")
    we.add_argument("--seed-blocks", type=int, nargs="+", default=[0])
    we.add_argument("--randomization", default="default")
    we.add_argument("--hold", action="store_true",
                    help="run every episode to max_steps and count success at its last step (as eval --hold)")
    wr = wsub.add_parser("rl", help="grid search over RLConfig fields, one Ray task per trial")
    wr.add_argument("--set", action="append", default=[], help="FIELD=V1,V2 (repeat for a grid)")
    wr.add_argument("--env", default="armstack/Reach-v0")
    wr.add_argument("--steps", type=int, default=10_000)
    wr.add_argument("--seed", type=int, default=0)
    for q in (we, wr):
        q.add_argument("--workers", type=int, default=2, help="Ray workers (CPUs) on a local runtime")
        q.add_argument("--ray-address", default=None, help="join this Ray cluster instead of starting one")
        q.add_argument("--local", action="store_true", help="run in this process without Ray (same results)")
        q.add_argument("--report", default="out/sweep/report.json")
    w.set_defaults(func=_cmd_sweep)
