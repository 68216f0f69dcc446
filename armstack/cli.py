"""``armstack`` command line: one subcommand per job; heavy imports happen inside each one."""

from __future__ import annotations

import argparse
import importlib
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
    from armstack.demo import run_demo

    report = run_demo(out_dir=Path(args.out), episodes=args.episodes,
                      robots=tuple(args.robot) if args.robot else None, dataset_episodes=args.dataset_episodes,
                      bc_episodes=args.bc_episodes, bc_epochs=args.bc_epochs, eval_episodes=args.eval_episodes,
                      instruction=args.instruction)
    return 1 if report["failed_parts"] else 0


def _cmd_datagen(args: argparse.Namespace) -> int:
    from sim.datagen import DatagenConfig, format_summary, run_datagen
    from sim.datagen.driver import parse_list, parse_offsets

    config = DatagenConfig(env_id=args.env, robot=args.robot, episodes=args.episodes, workers=args.workers,
                           obs=parse_list(args.obs, "--obs"), cameras=parse_list(args.cameras, "--cameras"),
                           image_size=args.image_size, randomization=args.randomization, seed=args.seed,
                           out=args.out, backend=args.backend, ray_address=args.ray_address, storage=args.storage,
                           action_noise=args.action_noise, replay_every=args.replay_every,
                           shadow_size=args.shadow_size, msaa_samples=args.msaa_samples,
                           full_episodes=args.full_episodes, place_recovery=args.place_recovery,
                           place_recovery_offset=parse_offsets(args.place_recovery_offset),
                           grasp_recovery=args.grasp_recovery,
                           grasp_recovery_offset=parse_offsets(args.grasp_recovery_offset, "--grasp-recovery-offset"),
                           grasp_recovery_slide=args.grasp_recovery_slide)
    summary = run_datagen(config, progress=not args.quiet)
    print(format_summary(summary) if summary else "nothing to do")
    return 0


def _cmd_dataset(args: argparse.Namespace) -> int:
    from sim.dataset import dataset_info, verify_dataset, view_episode

    root = Path(args.dir)
    if args.dataset_command == "verify":
        report = verify_dataset(root)
        print(report.format())
        return 0 if report.ok else 1
    if args.dataset_command == "info":
        print(json.dumps(dataset_info(root), indent=2))
        return 0
    path = view_episode(root, args.episode, Path(args.out))
    print(f"wrote {path}")
    return 0


def _cmd_doctor(args: argparse.Namespace) -> int:
    from armstack.doctor import run_doctor

    return run_doctor(args.check, as_json=args.json)


def build_parser() -> argparse.ArgumentParser:
    from sim.randomize import RANDOMIZATION_LEVELS
    from sim.robots import ROBOTS
    from sim.scene import CAMERAS

    parser = argparse.ArgumentParser(prog="armstack", description="armstack: simulation to real arm.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("render", help="render scripted-expert rollouts offscreen to an mp4")
    p.add_argument("--env", default="armstack/PickPlace-v0", help="Gymnasium id, e.g. armstack/Stack-v0")
    p.add_argument("--robot", default="panda", help=" or ".join(ROBOTS))
    p.add_argument("--episodes", type=int, default=2)
    p.add_argument("--out", default="out/render.mp4")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--randomization", default="default", help=", ".join(RANDOMIZATION_LEVELS))
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

    p = sub.add_parser("datagen", help="generate a language-annotated LeRobot v3.0 dataset with the experts")
    p.add_argument("--env", default="armstack/Tabletop-v0")
    p.add_argument("--robot", default="panda", help=" or ".join(ROBOTS))
    p.add_argument("--episodes", type=int, default=10, help="successful episodes to keep")
    p.add_argument("--workers", type=int, default=1, help="worker processes (or Ray tasks in flight / 2)")
    p.add_argument("--obs", default="state", help="comma list: state[,rgb[,depth]] (depth: lossless int mm per camera)")
    p.add_argument("--cameras", default="front,wrist", help="comma list of " + ", ".join(CAMERAS) + " (with rgb)")
    p.add_argument("--image-size", type=int, default=128)
    p.add_argument("--randomization", default="default", help=", ".join(RANDOMIZATION_LEVELS))
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--out", required=True, help="dataset folder (created; a killed run resumes here)")
    # Checked by DatagenConfig against its registries (BACKENDS, STORAGE), which name the valid ones; importing them
    # here would load the data factory (~2 s) for every command.
    p.add_argument("--backend", default="local", help="where episodes run: local worker processes, or ray")
    p.add_argument("--ray-address", default=None, help="an existing Ray cluster (default: a local runtime)")
    p.add_argument("--storage", default="video", help="video (mp4 per camera) or image (PNG frames)")
    p.add_argument("--action-noise", type=float, default=0.0,
                   help="DART noise std on the executed EE action; 'action' keeps the expert's clean label")
    p.add_argument("--replay-every", type=int, default=10,
                   help="open-loop replay check on attempts whose index is a multiple of N (1: every episode)")
    p.add_argument("--shadow-size", type=int, default=512,
                   help="shadow map texels of the rgb renders (the scene's default 2048 costs ~3x per 128 px frame)")
    p.add_argument("--msaa-samples", type=int, default=0, help="multisamples per pixel of the rgb renders (0: off)")
    p.add_argument("--full-episodes", action="store_true",
                   help="run episodes to max_steps, not just to the first success (kept: a success at the last step)")
    p.add_argument("--place-recovery", type=float, default=0.0,
                   help="PickPlace: share of episodes whose expert lowers off the place, then corrects low (0: none)")
    p.add_argument("--place-recovery-offset", default="0.02,0.08",
                   help="low,high: the range (m) of the recovery's offset from the place")
    p.add_argument("--grasp-recovery", type=float, default=0.0,
                   help="PickPlace: share of episodes whose expert descends beside the cube, then corrects (0: none)")
    p.add_argument("--grasp-recovery-offset", default="0.02,0.05",
                   help="low,high: the range (m) of the grasp recovery's offset from the cube")
    p.add_argument("--grasp-recovery-slide", type=float, default=1.0,
                   help="0 < S <= 1: the grasp recovery's executed speed low beside the cube (labels stay full speed)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=_cmd_datagen)

    p = sub.add_parser("dataset", help="inspect a dataset: verify, info, view")
    dsub = p.add_subparsers(dest="dataset_command", required=True)
    d = dsub.add_parser("verify", help="check hashes, schema, frame counts and that every video decodes")
    d.add_argument("dir")
    d = dsub.add_parser("info", help="counts, features, tasks and generation statistics")
    d.add_argument("dir")
    d = dsub.add_parser("view", help="camera montage of one episode with its instruction")
    d.add_argument("dir")
    d.add_argument("--episode", type=int, default=0)
    d.add_argument("--out", default="out/episode.mp4")
    p.set_defaults(func=_cmd_dataset)

    p = sub.add_parser("demo", help="the end-to-end demo on embedded defaults")
    p.add_argument("--out", default="out/demo")
    p.add_argument("--episodes", type=int, default=5, help="episodes per task for the expert success rates")
    p.add_argument("--dataset-episodes", type=int, default=8, help="episodes of the RGB demo dataset (0: none)")
    p.add_argument("--bc-episodes", type=int, default=None,
                   help="state episodes for the BC policy (0: no policy; default: armstack.demo.BC_EPISODES)")
    p.add_argument("--bc-epochs", type=int, default=None, help="default: armstack.demo.BC_EPOCHS")
    p.add_argument("--eval-episodes", type=int, default=5, help="held-out episodes per task for the policy")
    p.add_argument("--instruction", default=None, help="instruction for the planner + agent section ('' to skip)")
    p.add_argument("--robot", action="append", choices=tuple(ROBOTS), help="repeatable; default: every robot")
    p.set_defaults(func=_cmd_demo)

    p = sub.add_parser("doctor", help="check this machine: planner model, MuJoCo rendering, ROS 2, dataset tools")
    p.add_argument("--check", action="append", help="run only this check (repeatable; default: all)")
    p.add_argument("--json", action="store_true", help="one JSON object instead of one line per check")
    p.set_defaults(func=_cmd_doctor)

    for module_name in _EXTENSIONS:
        importlib.import_module(module_name).register(sub)
    return parser


# Each package adds its own subcommands through ``register(subparsers)``; those modules import nothing heavy
# at the top, so ``armstack --help`` stays fast.
_EXTENSIONS = ("policies.cli", "policies.planner.cli", "policies.planner.run_cli", "robot.cli")

# Base errors whose messages are meant for the user: printed without a traceback, exit status 2.
_USER_ERRORS = ("sim.errors:SimError", "policies.errors:PolicyError", "policies.planner.errors:PlannerError",
                "robot.errors:RobotError")


def _user_error_types() -> tuple[type[BaseException], ...]:
    types: list[type[BaseException]] = []
    for spec in _USER_ERRORS:
        module_name, _, attr = spec.partition(":")
        types.append(getattr(importlib.import_module(module_name), attr))
    return tuple(types)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the one place that catches broadly: a readable message, exit 2
        if isinstance(exc, _user_error_types()):
            print(f"armstack {args.command}: error: {exc}", file=sys.stderr)
            return 2
        raise


if __name__ == "__main__":
    sys.exit(main())
