"""Camera storage for datasets: encode and decode cost, size and fidelity of each codec setting and of PNG.

Prints one JSON object to stdout. Frames are 128x128 renders of scripted-expert episodes (front and
wrist cameras) unless ``--synthetic``. Timings are CPU time (one thread), best of ``--repeats`` runs.
Per setting: encode ms/frame with one thread (how a datagen
worker encodes), remux ms/frame (how the committer joins episodes), sequential decode frames/s (one
thread, one seek, then every frame: ``DatasetReader.episode``), random-access decode frames/s (one seek per frame,
LeRobot's access pattern when training), bytes/frame, and mean absolute error on 0..255.

Run from the repository root: ``MUJOCO_GL=egl python bench/dataset_codec.py [--episodes 3]``.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sim.render import select_gl_backend

select_gl_backend()  # before anything imports mujoco

import numpy as np  # noqa: E402

from sim.dataset.png import decode_png, encode_png  # noqa: E402
from sim.dataset.schema import VideoCodec  # noqa: E402
from sim.dataset.video import VideoReader, concat_videos, encode_video  # noqa: E402

FPS = 20
# CPU time of this process: every codec here runs on one thread, so this is the cost a datagen worker or
# a data-loader worker pays, and it is not inflated when other jobs share the machine (wall time is).
_clock = time.process_time
SETTINGS: dict[str, VideoCodec] = {
    "h264_veryfast_fastdecode_crf18 (default)": VideoCodec(),
    "h264_veryfast_crf18": VideoCodec(tune="none"),
    "h264_ultrafast_crf18": VideoCodec(preset="ultrafast", tune="none"),
    "h264_veryfast_fastdecode_crf23": VideoCodec(crf=23),
    "av1_svt_p12_crf30 (LeRobot default)": VideoCodec(encoder="libsvtav1"),
    "av1_svt_p8_crf30": VideoCodec(encoder="libsvtav1", preset="8"),
}


def rendered_episodes(n: int, size: int) -> list[np.ndarray]:
    import gymnasium as gym

    import sim  # noqa: F401 - registers the env ids

    env: Any = gym.make("armstack/PickPlace-v0", obs_mode="rgb", cameras=("front", "wrist"), image_size=size).unwrapped
    episodes = []
    for seed in range(n):
        obs, _ = env.reset(seed=seed)
        expert = env.expert()
        front, wrist = [], []
        while True:
            front.append(obs["front_rgb"])
            wrist.append(obs["wrist_rgb"])
            obs, _, terminated, truncated, _ = env.step(expert.act())
            if terminated or truncated:
                break
        episodes += [np.stack(front), np.stack(wrist)]
        print(f"rendered episode {seed}: {len(front)} frames x 2 cameras", file=sys.stderr)
    env.close()
    return episodes


def synthetic_episodes(n: int, size: int, length: int = 100) -> list[np.ndarray]:
    y, x = np.mgrid[0:size, 0:size]
    episodes = []
    for e in range(2 * n):
        frames = np.empty((length, size, size, 3), np.uint8)
        for t in range(length):
            frames[t, ..., 0] = (x + t + e) % 256
            frames[t, ..., 1] = (y * 2) % 256
            frames[t, ..., 2] = 96
            c = (8 + t + 5 * e) % (size - 24)
            frames[t, c : c + 16, c : c + 16] = (230, 40, 40)
        episodes.append(frames)
    return episodes


def bench_codec(codec: VideoCodec, episodes: list[np.ndarray], work: Path, repeats: int) -> dict[str, Any]:
    n = sum(len(e) for e in episodes)
    enc_times: list[float] = []
    paths: list[tuple[Path, int]] = []
    for r in range(repeats):
        start = _clock()
        paths = []
        for i, frames in enumerate(episodes):
            path = work / f"ep{i}_{r}.mp4"
            encode_video(frames, path, FPS, codec, threads=1)
            paths.append((path, len(frames)))
        enc_times.append(_clock() - start)
    size = sum(p.stat().st_size for p, _ in paths)
    joined = work / "joined.mp4"
    start = _clock()
    concat_videos(paths, joined, FPS)
    remux = _clock() - start
    raw = np.concatenate(episodes)
    seq, rnd = [], []
    rng = np.random.default_rng(0)
    for _ in range(repeats):
        start = _clock()
        with VideoReader(joined, FPS) as reader:
            decoded = reader.read_range(0, n)
        seq.append(_clock() - start)
        picks = rng.integers(0, n, min(n, 200))
        start = _clock()
        with VideoReader(joined, FPS) as reader:
            for k in picks:
                reader.read([int(k)])
        rnd.append((_clock() - start) / len(picks))
    err = np.abs(decoded.astype(np.float64) - raw)
    mse = float((err**2).mean())
    return {
        "encoder": codec.encoder, "crf": codec.crf, "preset": codec.preset, "gop": codec.gop,
        "encode_ms_per_frame": 1000 * min(enc_times) / n,
        "remux_ms_per_frame": 1000 * remux / n,
        "decode_sequential_frames_per_s": n / min(seq),
        "decode_random_access_frames_per_s": 1.0 / min(rnd),
        "bytes_per_frame": size / n, "mean_abs_error": float(err.mean()),
        "psnr_db": float(10 * np.log10(255**2 / mse)) if mse > 0 else float("inf"),
    }


def bench_png(episodes: list[np.ndarray], repeats: int) -> dict[str, Any]:
    frames = np.concatenate(episodes)
    enc, dec = [], []
    for _ in range(repeats):
        start = _clock()
        blobs = [encode_png(f) for f in frames]
        enc.append(_clock() - start)
        start = _clock()
        for b in blobs:
            decode_png(b, Path("bench"))
        dec.append(_clock() - start)
    return {"encode_ms_per_frame": 1000 * min(enc) / len(frames),
            "decode_frames_per_s": len(frames) / min(dec),
            "bytes_per_frame": sum(len(b) for b in blobs) / len(frames), "mean_abs_error": 0.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--episodes", type=int, default=3)
    parser.add_argument("--size", type=int, default=128)
    parser.add_argument("--repeats", type=int, default=5, help="timings are the best of this many runs")
    parser.add_argument("--synthetic", action="store_true", help="moving-square frames instead of renders")
    args = parser.parse_args()
    episodes = (synthetic_episodes if args.synthetic else rendered_episodes)(args.episodes, args.size)
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "warmup").mkdir()
        bench_codec(VideoCodec(), episodes[:1], Path(tmp) / "warmup", 1)  # load codecs, fill caches
        for name, codec in SETTINGS.items():
            work = Path(tmp) / name.split(" ")[0]
            work.mkdir()
            results[name] = bench_codec(codec, episodes, work, args.repeats)
            shown = {k: round(v, 3) if isinstance(v, float) else v for k, v in results[name].items()}
            print(f"{name}: {json.dumps(shown)}", file=sys.stderr)
    results["png (image mode)"] = bench_png(episodes, args.repeats)
    print(json.dumps({
        "frames": sum(len(e) for e in episodes), "size": args.size, "source": "synthetic" if args.synthetic else
        "PickPlace renders, front + wrist", "fps": FPS, "machine": platform.processor() or platform.machine(),
        "results": {k: {kk: round(vv, 4) if isinstance(vv, float) else vv for kk, vv in v.items()}
                    for k, v in results.items()},
    }, indent=2))


if __name__ == "__main__":
    main()
