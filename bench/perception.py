"""Perception benchmark: frames/s and latency of the pipeline at 640x480 on one core, and its accuracy.

Prints one JSON object to stdout (progress goes to stderr). Frames are rendered first by MuJoCo from
randomised camera poses and lighting (with exact ground truth) and then processed, so rendering is not
timed. Baselines in the same run, on the same frames: bare ``ArucoDetector.detectMarkers`` (what any
marker pipeline must pay) and bare ``cvtColor(RGB2HSV)`` + one ``inRange`` per colour (what any colour
pipeline must pay); ``ratio_over_baseline`` is the pipeline's time per frame over the bare calls'.

Run from the repository root: ``MUJOCO_GL=egl python bench/perception.py [--quick]``. Perception in the ROS
loop (pick-and-place success over seeds, image stamp to published pose latency, frames/s processed) is
``bench/perception_loop.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from typing import Any

from sim.render import select_gl_backend

select_gl_backend()  # before anything imports mujoco

import cv2  # noqa: E402
import mujoco  # noqa: E402
import numpy as np  # noqa: E402

from robot.perception import Perception, PerceptionConfig  # noqa: E402
from robot.perception.color_detector import default_color_ranges  # noqa: E402
from robot.perception.marker_config import sim_marker_config  # noqa: E402
from robot.perception.pose_math import quat_to_matrix, rotation_angle_deg  # noqa: E402
from robot.perception.sim_camera import SimCamera, hide_body, randomize_view  # noqa: E402
from sim.scene import SceneConfig, build_scene  # noqa: E402

WIDTH, HEIGHT = 640, 480
TARGET_FPS = 30.0
METHOD = (
    "Frames: 640x480 RGB (+ float32 depth for the colour method) rendered by MuJoCo from random camera poses "
    "around the cubes (markers: 0.35-0.55 m, elevation 50-80 deg, 4x supersampled; colour: 0.55-1.0 m, "
    "40-85 deg), random field of view (40-55 deg) and key light; the process is pinned to one CPU and "
    "cv2.setNumThreads(1). Each frame goes `repeats` times through Perception.process (image checks, "
    "detection, temporal filter, staleness, then the object_poses array and scene JSON are built), each call "
    "timed alone with perf_counter; latency = that per-frame processing time (image in -> poses out; the ROS "
    "transport adds its own). Baseline on the same frames, interleaved: bare detectMarkers on the grey image "
    "(markers) or cvtColor RGB2HSV + inRange per colour (colour). Accuracy: each frame processed once with a "
    "fresh pipeline, errors against MuJoCo's body poses."
)


def _pin_one_core() -> int | None:
    cv2.setNumThreads(1)
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return cpu
    return None


def _render_frames(method: str, n: int, seed: int) -> tuple[list[dict[str, Any]], Any]:
    cubes = ("red", "green", "blue") if method == "marker" else ("red", "green", "blue", "yellow")
    ss = 4 if method == "marker" else 1
    scene = build_scene(SceneConfig(cubes=cubes, marker_textures=method == "marker",
                                    offscreen_size=(WIDTH * ss, HEIGHT * ss)))
    model, data = scene.model, mujoco.MjData(scene.model)
    hide_body(model, "goal_marker")
    rng = np.random.default_rng(seed)
    frames = []
    with SimCamera(model, "overhead", WIDTH, HEIGHT, supersample=ss) as cam:
        for k in range(n):
            for i, name in enumerate(scene.object_names):
                adr = int(model.jnt_qposadr[mujoco.mj_name2id(model, mujoco.mjtObj.mjOBJ_JOINT, f"{name}_joint")])
                yaw = rng.uniform(-np.pi, np.pi)
                data.qpos[adr : adr + 7] = (rng.uniform(0.42, 0.58), -0.15 + 0.1 * i + rng.uniform(-0.02, 0.02),
                                            0.022, np.cos(yaw / 2), 0.0, 0.0, np.sin(yaw / 2))
            if method == "marker":
                randomize_view(model, data, rng, "overhead", (0.35, 0.55), (50.0, 80.0), (0.5, -0.05, 0.02))
            else:
                randomize_view(model, data, rng, "overhead", (0.55, 1.0), (40.0, 85.0), (0.5, 0.0, 0.02))
            truth = {n: (data.xpos[b].copy(), data.xmat[b].reshape(3, 3).copy()) for n in scene.object_names
                     for b in [mujoco.mj_name2id(model, mujoco.mjtObj.mjOBJ_BODY, n)]}
            frames.append({"rgb": cam.render_rgb(data), "depth": cam.render_depth(data) if method == "color" else None,
                           "pose": cam.camera_pose(data), "camera": cam.camera_model(), "truth": truth})
            print(f"rendered {method} frame {k + 1}/{n}", file=sys.stderr)
    return frames, scene


def _pipeline(method: str, frame: dict[str, Any], names: tuple[str, ...]) -> Perception:
    cam = frame["camera"]
    config = PerceptionConfig(camera=cam.name, method=method, object_names=names, use_depth=method == "color")
    return Perception(config, cam)


def _bench(method: str, frames: list[dict[str, Any]], names: tuple[str, ...], repeats: int) -> dict[str, Any]:
    pipe_s, base_s, errors_m, errors_deg, found, expected = [], [], [], [], 0, 0
    dictionary = cv2.aruco.getPredefinedDictionary(getattr(cv2.aruco, sim_marker_config().dictionary))
    aruco = cv2.aruco.ArucoDetector(dictionary, cv2.aruco.DetectorParameters())
    ranges = [default_color_ranges()[n.split("_")[0]] for n in names]
    for frame in frames:
        # Accuracy: one fresh pipeline per frame (no filtering across views).
        result = _pipeline(method, frame, names).process(frame["rgb"], "rgb8", 0.0, frame["pose"], frame["depth"])
        expected += len(names)
        for obj in result.objects:
            pos, rot = frame["truth"][obj.name]
            found += 1
            errors_m.append(float(np.linalg.norm(obj.position - pos)))
            if method == "marker":
                errors_deg.append(rotation_angle_deg(quat_to_matrix(obj.quat), rot))
        pipeline = _pipeline(method, frame, names)
        for r in range(repeats):
            t0 = time.perf_counter()
            res = pipeline.process(frame["rgb"], "rgb8", float(r), frame["pose"], frame["depth"])
            res.object_poses()
            json.dumps(res.scene())
            pipe_s.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            if method == "marker":
                aruco.detectMarkers(cv2.cvtColor(frame["rgb"], cv2.COLOR_RGB2GRAY))
            else:
                hsv = cv2.cvtColor(frame["rgb"], cv2.COLOR_RGB2HSV)
                for rng in ranges:
                    rng.mask(hsv)
            base_s.append(time.perf_counter() - t0)
    p50 = statistics.median(pipe_s)
    b50 = statistics.median(base_s)
    out: dict[str, Any] = {
        "frames": len(frames), "calls": len(pipe_s),
        "frames_per_s": round(1.0 / statistics.mean(pipe_s), 1),
        "latency_ms": {"p50": round(p50 * 1000, 2), "p95": round(float(np.percentile(pipe_s, 95)) * 1000, 2),
                       "max": round(max(pipe_s) * 1000, 2)},
        "baseline_ms_p50": round(b50 * 1000, 2),
        "baseline": "detectMarkers" if method == "marker" else "cvtColor HSV + inRange per colour",
        "ratio_over_baseline": round(p50 / b50, 2),
        "meets_target_fps": 1.0 / statistics.mean(pipe_s) >= TARGET_FPS,
        "detected_fraction": round(found / max(expected, 1), 3),
        "position_error_mm": {"max": round(max(errors_m) * 1000, 2) if errors_m else None,
                              "mean": round(statistics.mean(errors_m) * 1000, 2) if errors_m else None},
    }
    if method == "marker":
        out["rotation_error_deg"] = {"max": round(max(errors_deg), 3) if errors_deg else None,
                                     "mean": round(statistics.mean(errors_deg), 3) if errors_deg else None}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=8, help="rendered views per method")
    parser.add_argument("--repeats", type=int, default=20, help="timed passes over each frame")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--quick", action="store_true", help="2 frames x 3 repeats (smoke test)")
    args = parser.parse_args(argv)
    if args.quick:
        args.frames, args.repeats = 2, 3
    if args.frames < 1 or args.repeats < 1:
        parser.error(f"--frames and --repeats must be >= 1, got {args.frames}, {args.repeats}")
    cpu = _pin_one_core()
    report: dict[str, Any] = {
        "machine": {"cpu_count": os.cpu_count(), "pinned_cpu": cpu, "python": platform.python_version(),
                    "opencv_version": cv2.__version__, "mujoco_version": mujoco.__version__},
        "config": {"width": WIDTH, "height": HEIGHT, "frames": args.frames, "repeats": args.repeats,
                   "seed": args.seed, "target_fps": TARGET_FPS},
        "method": METHOD,
    }
    for method in ("marker", "color"):
        frames, scene = _render_frames(method, args.frames, args.seed)
        report[method] = _bench(method, frames, scene.object_names, args.repeats)
        print(f"{method}: {report[method]['frames_per_s']} frames/s", file=sys.stderr)
    report["summary"] = {m: {k: report[m][k] for k in ("frames_per_s", "meets_target_fps", "ratio_over_baseline")}
                         for m in ("marker", "color")}
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
