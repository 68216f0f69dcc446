"""``armstack run "INSTRUCTION"``: plan, execute in a randomised sim scene, verify, replan; print the JSON report."""

from __future__ import annotations

import argparse
import json
from typing import Any


def register(sub: Any) -> None:
    """Add ``run`` to the ``armstack`` parser's subparsers (registered from ``armstack.cli``)."""
    from policies.planner.planner import BACKENDS, DEFAULT_BACKEND
    from sim.randomize import RANDOMIZATION_LEVELS
    from sim.robots import ROBOTS

    p = sub.add_parser("run", help="plan an instruction, execute it in sim step by step with replanning; JSON report")
    p.add_argument("instruction", help='e.g. "put the red cube on the blue cube, then the green one in the bin"')
    p.add_argument("--robot", default="panda", help=" or ".join(ROBOTS))
    p.add_argument("--seed", type=int, default=0, help="scene seed (layout, colours, dynamics)")
    p.add_argument("--video", default=None, help="write an mp4 of the run here")
    p.add_argument("--backend", default=DEFAULT_BACKEND, choices=BACKENDS,
                   help="planner backend (default: %(default)s)")
    p.add_argument("--max-replans", type=int, default=None, help="replans after failed steps (default 2)")
    p.add_argument("--randomization", default=None, help=f"{', '.join(RANDOMIZATION_LEVELS)} (default: default)")
    p.add_argument("--config", default=None, help="agent YAML (AgentConfig fields, e.g. skill_policies)")
    p.add_argument("--out", default=None, help="also write the report to this JSON file")
    p.set_defaults(func=_cmd_run)


def _cmd_run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from policies.planner.agent import AgentConfig, load_agent_config, run_instruction

    overrides: dict[str, Any] = {"robot": args.robot}
    if args.max_replans is not None:
        overrides["max_replans"] = args.max_replans
    if args.randomization is not None:
        overrides["randomization"] = args.randomization
    config = load_agent_config(args.config, **overrides) if args.config else AgentConfig(**overrides)
    report = run_instruction(args.instruction, robot=args.robot, seed=args.seed, video=args.video,
                             backend=args.backend, config=config)
    text = json.dumps(report, indent=2)
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(text + "\n")
    print(text)
    return 0 if report["success"] else 1
