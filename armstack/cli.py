"""``armstack`` command line: one subcommand per job; heavy imports happen inside each one."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path


def _cmd_render(args: argparse.Namespace) -> int:
    from sim.render_cli import render_rollouts

    summary = render_rollouts(env_id=args.env, robot=args.robot, episodes=args.episodes, out=Path(args.out),
                              seed=args.seed, randomization=args.randomization, size=(args.width, args.height),
                              camera=args.camera)
    print(json.dumps(summary, indent=2))
    return 0


def _cmd_regress(args: argparse.Namespace) -> int:
    if args.record_golden:
        from sim.regression.golden import GOLDEN_DIR, record_golden

        for path in record_golden(GOLDEN_DIR):
            print(path)
        return 0
    from sim.regression.runner import run_regression

    report = run_regression(scene_dir=Path(args.scenes) if args.scenes else None, out_dir=Path(args.out),
                            policy=args.policy, names=args.scene or None)
    return 0 if report["passed"] else 1


def _cmd_demo(args: argparse.Namespace) -> int:
    from sim.demo import run_demo

    run_demo(out_dir=Path(args.out), episodes=args.episodes, robots=tuple(args.robot or ("panda", "ur5e")))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="armstack", description="armstack: simulation to real arm.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("render", help="render scripted-expert rollouts offscreen to an mp4")
    p.add_argument("--env", default="armstack/PickPlace-v0", help="Gymnasium id, e.g. armstack/Stack-v0")
    p.add_argument("--robot", default="panda", help="panda or ur5e")
    p.add_argument("--episodes", type=int, default=2)
    p.add_argument("--out", default="out/render.mp4")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--randomization", default="default", help="none, default or strong")
    p.add_argument("--camera", default="front", help="front, overhead or wrist")
    p.add_argument("--width", type=int, default=480)
    p.add_argument("--height", type=int, default=360)
    p.set_defaults(func=_cmd_render)

    p = sub.add_parser("regress", help="run the simulated regression scenes; JUnit + JSON reports")
    p.add_argument("--policy", default=None, help="policy checkpoint directory (default: scripted expert)")
    p.add_argument("--scenes", default=None, help="folder of scene YAMLs (default: the built-in ones)")
    p.add_argument("--scene", action="append", help="run only this scene (repeatable)")
    p.add_argument("--out", default="out/regression")
    p.add_argument("--record-golden", action="store_true",
                   help="re-record the golden trajectories into sim/regression/golden/ (after a deliberate "
                        "physics change) instead of running the scenes")
    p.set_defaults(func=_cmd_regress)

    p = sub.add_parser("demo", help="the end-to-end demo on embedded defaults")
    p.add_argument("--out", default="out/demo")
    p.add_argument("--episodes", type=int, default=20, help="episodes per task for the success rates")
    p.add_argument("--robot", action="append", choices=["panda", "ur5e"], help="default: both")
    p.set_defaults(func=_cmd_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the one place that catches broadly: a readable message, exit 2
        from sim.errors import SimError

        if isinstance(exc, SimError):
            print(f"armstack {args.command}: error: {exc}", file=sys.stderr)
            return 2
        raise


if __name__ == "__main__":
    sys.exit(main())
