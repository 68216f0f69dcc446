"""Subcommands of ``armstack`` contributed by this package (registered from ``armstack.cli``).

Top-level imports stay light: each handler imports what it needs (MCAP readers, rclpy) when it runs.
"""

from __future__ import annotations

import argparse
import json
from typing import Any


def _cmd_recording(args: argparse.Namespace) -> int:
    from robot.recording_summary import format_summary, summarize_recording

    summary = summarize_recording(args.file)
    if args.json:
        print(json.dumps(summary.as_dict(), indent=2))
    else:
        print(format_summary(summary, max_lines=args.max_lines))
    return 0


def register(sub: Any) -> None:
    """Add this package's subcommands to the ``armstack`` parser's subparsers."""
    p = sub.add_parser("recording", help="inspect MCAP recordings of the bridge or the sim arm")
    rsub = p.add_subparsers(dest="recording_command", required=True)
    r = rsub.add_parser("summary", help="timeline of state transitions and faults, command counts, joint-state rate")
    r.add_argument("file", help="an .mcap file written by robot.recording.Recorder (or ros2 bag record -s mcap)")
    r.add_argument("--json", action="store_true", help="print the summary as JSON (the whole timeline)")
    r.add_argument("--max-lines", type=int, default=200, help="timeline lines to print (default 200)")
    p.set_defaults(func=_cmd_recording)

    from robot.perception.cli import register as register_calibrate

    register_calibrate(sub)
