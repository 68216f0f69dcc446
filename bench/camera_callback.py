"""What a camera frame costs the bridge's executor thread (REV S5): ``CameraFrames.offer`` (header checks, the raw
message kept for the worker) against converting in the callback as before (``image_from_fields`` +
``to_policy_image`` via ``CameraFrames.put``, the peer: the work the worker thread now does), at driver resolutions
(1080p is above the budget: offer refuses it, which is what its callback time then is).

    .venv/bin/python bench/camera_callback.py [--frames 50] [--size 64]

Prints JSON: per resolution the median and p99 (ms) of each, and callback_speedup = put median / offer median;
and how late another thread's 1 ms sleeps wake while the worker converts two 720p cameras at 30 Hz (vs no frames).
"""

from __future__ import annotations

import argparse
import functools
import json
import time

import numpy as np

from robot.camera_input import CameraFrames, ImageInputSpec
from robot.perception.image_codec import image_from_fields

RESOLUTIONS = ((640, 480), (1280, 720), (1920, 1080))


def _stats(ms: list[float]) -> dict[str, float]:
    return {"median_ms": round(float(np.median(ms)), 4), "p99_ms": round(float(np.percentile(ms, 99)), 4)}


def measure(width: int, height: int, frames: int, size: int) -> dict[str, object]:
    data = np.random.default_rng(0).integers(0, 256, height * width * 3, dtype=np.uint8).tobytes()
    spec = ImageInputSpec(("front",), (size, size))
    offered, put = CameraFrames(spec), CameraFrames(spec)
    offer_ms, put_ms = [], []
    for i in range(frames):
        now = 1.0 + 0.05 * i
        decode = functools.partial(image_from_fields, "bgr8", height, width, width * 3, data, 0)
        began = time.perf_counter()
        offered.offer("front", decode, "bgr8", height * width, stamp=now, received=now, now=now)
        offer_ms.append((time.perf_counter() - began) * 1e3)
        offered.convert_pending()  # what the worker thread does, off the executor
        began = time.perf_counter()
        put.put("front", decode(), "bgr8", now)
        put_ms.append((time.perf_counter() - began) * 1e3)
    offer, peer = _stats(offer_ms), _stats(put_ms)
    return {"resolution": f"{width}x{height}", "callback_offer": offer, "callback_convert_peer": peer,
            "callback_speedup": round(peer["median_ms"] / offer["median_ms"], 1)}


def jitter(width: int, height: int, seconds: float, size: int) -> dict[str, object]:
    """How late a 1 ms sleep of another Python thread (the executor's) wakes while the worker converts two cameras
    at 30 Hz, against the same without frames (peer): the worker must not hold the interpreter for long."""
    data = np.random.default_rng(0).integers(0, 256, height * width * 3, dtype=np.uint8).tobytes()
    frames = CameraFrames(ImageInputSpec(("front", "wrist"), (size, size)))
    out: dict[str, object] = {"resolution": f"{width}x{height}", "cameras": 2, "rate_hz": 30}
    for name, streaming in (("idle_peer", False), ("worker_converting", True)):
        frames.start()
        late: list[float] = []
        began = time.perf_counter()
        next_frame = began
        while time.perf_counter() - began < seconds:
            now = time.perf_counter()
            if streaming and now >= next_frame:
                next_frame += 1 / 30
                for cam in ("front", "wrist"):
                    decode = functools.partial(image_from_fields, "bgr8", height, width, width * 3, data, 0)
                    frames.offer(cam, decode, "bgr8", height * width, stamp=now, received=now, now=now)
            t = time.perf_counter()
            time.sleep(0.001)
            late.append((time.perf_counter() - t - 0.001) * 1e3)
        frames.close()
        frames = CameraFrames(frames.spec)
        out[name] = {"sleep_late_median_ms": round(float(np.median(late)), 3),
                     "sleep_late_p99_ms": round(float(np.percentile(late, 99)), 3),
                     "sleep_late_max_ms": round(float(np.max(late)), 3)}
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--frames", type=int, default=50)
    p.add_argument("--size", type=int, default=64, help="the policy's image side (px)")
    p.add_argument("--jitter-s", type=float, default=3.0, help="seconds of each jitter run (720p, 0 = skip)")
    args = p.parse_args(argv)
    print(json.dumps({"frames": args.frames, "policy_size": args.size,
                      "results": [measure(w, h, args.frames, args.size) for w, h in RESOLUTIONS],
                      "executor_thread_jitter": jitter(1280, 720, args.jitter_s, args.size) if args.jitter_s
                      else None},
                     indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
