"""Perception in the ROS loop: pick-and-place success over seeds, and image-stamp-to-pose latency.

Three processes over real DDS in one ROS_DOMAIN_ID (``robot.ros_rig.PerceptionLoop``): the sim arm
renders its front camera (colour + depth) and does NOT publish its ground truth on ``scene/objects``;
``armstack-perception`` (colour + depth, pad and bin places) publishes the scene; ``armstack-bridge`` runs the
scripted expert (or ``--policy DIR``) on those poses only. Per seed: scene reset, wait until perception has
measured the task's cube and place afresh, instruction, wait for the bridge's ``task_success``, then check
the sim's ``~/ground_truth`` (read by this script only). Timing faults of a starved box (late joint states,
lost heartbeat, tracking, and velocity overshoot of the lagging sim) are re-armed, at most 3 per episode,
and counted. Latency, on this process's node clock (the clock every node stamps with): receive time of
``scene/object_poses`` minus its header stamp (= the image's stamp), beside the bare image transport
(receive time of ``front/image_raw`` minus its stamp) in the same run; both include this process's own
scheduling delay, which the difference cancels.

Prints one JSON object. Run from the repository root: ``MUJOCO_GL=egl python bench/perception_loop.py
[--seeds 10] [--quick]``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("MUJOCO_GL", "egl")

from policies.evaluate import wilson_interval  # noqa: E402
from robot.ros_rig import OVERLAY, PerceptionLoop, allocate_domain_id, write_params  # noqa: E402


def _percentiles(values: list[float]) -> dict[str, float | int | None]:
    if not values:
        return {"n": 0, "p50": None, "p95": None, "p99": None}
    arr = np.asarray(values) * 1e3
    return {"n": len(values), "p50": round(float(np.percentile(arr, 50)), 1),
            "p95": round(float(np.percentile(arr, 95)), 1), "p99": round(float(np.percentile(arr, 99)), 1)}


def _load() -> list[float]:
    return [round(v, 2) for v in os.getloadavg()]


def _run(seeds: list[int], args: argparse.Namespace, *, perception: bool) -> dict[str, Any]:
    """One process set, every seed in turn; episodes and what the probe measured."""
    episodes: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp, allocate_domain_id() as domain:
        files = write_params(Path(tmp), ground_truth=not perception, policy=args.policy)
        started = time.monotonic()
        with PerceptionLoop(domain, files, perception=perception, measure_latency=perception) as loop:
            loop.wait_ready()
            startup_s = time.monotonic() - started
            loop.pose_latency.clear()
            loop.image_latency.clear()
            t0, poses0, images0 = time.monotonic(), loop.poses_received, loop.images_received
            for seed in seeds:
                ep = loop.episode(seed, timeout=args.timeout)
                episodes.append({**ep.to_dict(), "load": _load()})
                print(json.dumps({"perception": perception, **episodes[-1]}), file=sys.stderr, flush=True)
            return {"episodes": episodes, "startup_s": round(startup_s, 1), "run_s": time.monotonic() - t0,
                    "pose_latency": list(loop.pose_latency), "image_latency": list(loop.image_latency),
                    "poses": loop.poses_received - poses0, "images": loop.images_received - images0,
                    "unpaired": sum(1 for _, m in loop.perception_events
                                    if json.loads(m.data)["event"] == "no_depth")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=10, help="episodes, seeds 0..N-1 (no selection)")
    parser.add_argument("--first-seed", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per episode")
    parser.add_argument("--policy", default="expert", help="'expert' or a checkpoint directory")
    parser.add_argument("--quick", action="store_true", help="2 seeds (smoke test)")
    parser.add_argument("--ground-truth-baseline", action="store_true",
                        help="also run the same seeds with the sim's ground truth on scene/objects (no camera, no "
                             "perception): what the host's load alone costs the same loop")
    args = parser.parse_args(argv)
    if args.quick:
        args.seeds = 2
    seeds = list(range(args.first_seed, args.first_seed + args.seeds))
    load_before = _load()
    run = _run(seeds, args, perception=True)
    episodes = run["episodes"]
    successes = sum(e["success"] for e in episodes)
    lo, hi = wilson_interval(successes, len(episodes))
    report = {
        "machine": {"cpu_count": os.cpu_count(), "python": platform.python_version(),
                    "load_avg_before": load_before, "load_avg_after": _load()},
        "config": {"seeds": seeds, "policy": args.policy, "timeout_s": args.timeout,
                   "params": ["launch/config/panda.yaml", str(OVERLAY.relative_to(ROOT)), "relaxed bridge limits"],
                   "camera": "front, 320x240 @ 8 Hz, rgb8 + 16UC1 depth, shadows off (see the overlay)"},
        "success": {"episodes": len(episodes), "successes": successes, "rate": round(successes / len(episodes), 3),
                    "wilson95": [round(lo, 3), round(hi, 3)],
                    "bridge_success_truth_disagrees": sum(e["bridge_success"] and not e["truth_success"]
                                                          for e in episodes)},
        "episode_s": {"mean": round(float(np.mean([e["seconds"] for e in episodes])), 2),
                      "max": round(float(np.max([e["seconds"] for e in episodes])), 2),
                      "successful_mean": round(float(np.mean([e["seconds"] for e in episodes if e["success"]])), 2)
                      if successes else None},
        "timing_stops_rearmed": sum(len(e["timing_stops"]) for e in episodes),
        "startup_s": run["startup_s"],
        "latency_ms": {"image_stamp_to_pose_received": _percentiles(run["pose_latency"]),
                       "baseline_image_stamp_to_image_received": _percentiles(run["image_latency"]),
                       "p50_over_baseline_ms": round((float(np.median(run["pose_latency"]))
                                                      - float(np.median(run["image_latency"]))) * 1e3, 1)
                       if run["pose_latency"] and run["image_latency"] else None},
        # One PoseArray per processed frame: the rate the loop actually perceives at (as received here).
        "frames_per_s": {"processed_poses_received": round(run["poses"] / run["run_s"], 2),
                         "images_received": round(run["images"] / run["run_s"], 2),
                         "no_depth_events": run["unpaired"]},
        "episodes": episodes,
    }
    if args.ground_truth_baseline:
        base = _run(seeds, args, perception=False)["episodes"]
        n_ok = sum(e["success"] for e in base)
        blo, bhi = wilson_interval(n_ok, len(base))
        report["ground_truth_baseline"] = {
            "what": "same seeds, params and relaxed limits; camera off and the sim's ground truth on scene/objects",
            "n": len(base), "successes": n_ok, "rate": round(n_ok / len(base), 3),
            "wilson95": [round(blo, 3), round(bhi, 3)],
            "timing_stops_rearmed": sum(len(e["timing_stops"]) for e in base),
            "episode_s_mean": round(float(np.mean([e["seconds"] for e in base])), 2), "load_avg_after": _load(),
            "episodes": base}
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
