"""What depth costs a dataset: bytes on disk, metadata bytes and datagen time, against RGB only in the same run.

Runs ``armstack datagen`` (in process: ``sim.datagen.run_datagen``, the command's own entry) with one seed,
``--obs state,rgb`` and ``--obs state,rgb,depth`` alternately (``--repeats`` each; the fastest run counts),
then reads each committed dataset's manifest: total bytes, ``meta/`` bytes (``stats.json``, the per-episode
metadata parquet), data parquet and video bytes and, from the parquet footers, the compressed bytes of the
depth columns. It also times reading every episode's depth back (``DatasetReader.episode``), reports the dtype
and shape the reader returns, and the worker's CPU per episode for the depth frames: 16-bit PNGs and one
channel's stats against the former int64 column and per-pixel stats, on the same frames. Prints one JSON object.

Run from the repository root: ``MUJOCO_GL=egl nice -n 15 python bench/depth_storage.py [--episodes 4]``.
Wall and CPU times depend on the machine's load (printed as ``load_avg``); the bytes do not.
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

from sim.render import select_gl_backend

select_gl_backend()  # before anything imports mujoco

import numpy as np  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402

from sim.datagen import DatagenConfig, run_datagen  # noqa: E402
from sim.dataset import DatasetReader, depth_key  # noqa: E402
from sim.dataset.layout import MANIFEST_PATH, read_json  # noqa: E402


def _column_bytes(root: Path, prefix: str) -> int:
    """Compressed bytes of the data parquet columns whose path starts with ``prefix``, from the file footers."""
    total = 0
    for path in sorted((root / "data").rglob("*.parquet")):
        meta = pq.ParquetFile(path).metadata
        for g in range(meta.num_row_groups):
            group = meta.row_group(g)
            for c in range(group.num_columns):
                column = group.column(c)
                if column.path_in_schema.startswith(prefix):
                    total += column.total_compressed_size
    return total


def _cpu_seconds() -> float:
    """CPU seconds of this process and its finished children (user + system): less sensitive to load than wall."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def measure(env_id: str, obs: tuple[str, ...], cameras: tuple[str, ...], size: int, episodes: int, seed: int,
            out: Path) -> dict[str, Any]:
    config = DatagenConfig(env_id=env_id, episodes=episodes, obs=obs, cameras=cameras, image_size=size, seed=seed,
                           out=str(out))
    cpu0, start = _cpu_seconds(), time.perf_counter()
    summary = run_datagen(config, progress=False)
    wall, cpu = time.perf_counter() - start, _cpu_seconds() - cpu0
    files = read_json(out / MANIFEST_PATH)["files"]
    sizes = {rel: int(f["bytes"]) for rel, f in files.items()}
    row: dict[str, Any] = {
        "obs": ",".join(obs), "episodes": episodes, "frames": summary.get("frames"),
        "datagen_wall_s": round(wall, 2), "datagen_cpu_s": round(cpu, 2),
        "dataset_bytes": sum(sizes.values()),
        "meta_bytes": sum(v for k, v in sizes.items() if k.startswith("meta/")),
        "stats_json_bytes": sizes.get("meta/stats.json", 0),
        "episodes_meta_bytes": sum(v for k, v in sizes.items() if k.startswith("meta/episodes/")),
        "data_bytes": sum(v for k, v in sizes.items() if k.startswith("data/")),
        "video_bytes": sum(v for k, v in sizes.items() if k.startswith("videos/")),
    }
    row["meta_bytes_per_episode"] = round(row["episodes_meta_bytes"] / episodes)
    if "depth" in obs:
        row["depth_column_bytes"] = _column_bytes(out, "observation.depth.")
        with DatasetReader(out) as reader:
            keys = [depth_key(c) for c in cameras]
            row["depth_feature"] = {k: {"dtype": reader.features[k]["dtype"], "shape": reader.features[k]["shape"]}
                                    for k in keys}
            start = time.perf_counter()
            n = 0
            for k in range(reader.num_episodes):
                ep = reader.episode(k, keys)
                n += len(ep[keys[0]])
            row["depth_read_ms_per_frame"] = round(1000 * (time.perf_counter() - start) / max(n, 1), 3)
            first = reader.episode(0, keys)
            row["depth_returned"] = {"dtype": str(first[keys[0]].dtype), "shape": list(first[keys[0]].shape)}
            row["depth_stats_shape"] = list(np.asarray(reader.stats[keys[0]]["mean"]).shape)
            episodes_read = [reader.episode(k, keys) for k in range(reader.num_episodes)]
            row["writer_cpu_ms_per_episode"] = writer_cost(episodes_read, keys, size)
    return row


def writer_cost(episodes: list[dict[str, Any]], keys: list[str], size: int, repeats: int = 3) -> dict[str, float]:
    """CPU ms per episode of what a datagen worker does with its depth frames, best of ``repeats``: now (a 16-bit
    PNG per frame, one channel's stats from a histogram) against the former layout (an int64 column of H*W values
    per frame, per-pixel stats: sim.dataset.stats.episode_vector_stats, as the worker ran it over every column)."""
    import pyarrow as pa

    from sim.dataset import stats as st
    from sim.dataset.depth import encode_depth_png
    from sim.dataset.layout import to_arrow

    def png() -> None:
        for ep in episodes:
            for key in keys:
                frames = ep[key].reshape(-1, size, size).astype(np.uint16)
                st.depth_stats(frames)
                pa.array([{"bytes": encode_depth_png(f), "path": ""} for f in frames])

    def vector() -> None:
        feature = {"dtype": "int64", "shape": [size * size]}
        for ep in episodes:
            st.episode_vector_stats({key: ep[key] for key in keys})
            for key in keys:
                to_arrow(key, feature, ep[key])

    out = {}
    for name, job in (("png_channel_stats", png), ("int64_column_pixel_stats", vector)):
        best = float("inf")
        for _ in range(repeats):
            start = time.process_time()
            job()
            best = min(best, time.process_time() - start)
        out[name] = round(1000 * best / len(episodes), 2)
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--env", default="armstack/PickPlace-v0")
    p.add_argument("--episodes", type=int, default=4)
    p.add_argument("--cameras", default="front,wrist")
    p.add_argument("--image-size", type=int, default=64)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--repeats", type=int, default=2,
                   help="runs per setting, alternating rgb and rgbd; the fastest counts (the bytes never change)")
    p.add_argument("--out", default=None, help="where the datasets go (default: a temp folder, removed)")
    args = p.parse_args(argv)
    cameras = tuple(c for c in args.cameras.split(",") if c)
    settings = {"rgb": ("state", "rgb"), "rgbd": ("state", "rgb", "depth")}
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name in settings}
    with tempfile.TemporaryDirectory(prefix="depth_storage_") as tmp:
        base = Path(args.out) if args.out else Path(tmp)
        for r in range(args.repeats):
            for name, obs in settings.items():
                runs[name].append(measure(args.env, obs, cameras, args.image_size, args.episodes, args.seed,
                                          base / f"{name}-{r}"))
    rows = {}
    for name, done in runs.items():
        rows[name] = {**done[-1], "datagen_wall_s": min(d["datagen_wall_s"] for d in done),
                      "datagen_cpu_s": min(d["datagen_cpu_s"] for d in done),
                      "datagen_wall_s_runs": [d["datagen_wall_s"] for d in done],
                      "datagen_cpu_s_runs": [d["datagen_cpu_s"] for d in done]}
    rgb, rgbd = rows["rgb"], rows["rgbd"]
    report = {
        "bench": "depth_storage", "env": args.env, "cameras": list(cameras), "image_size": args.image_size,
        "episodes": args.episodes, "seed": args.seed, "load_avg": [round(x, 2) for x in os.getloadavg()],
        "nice": os.nice(0), "cpu": platform.processor() or platform.machine(), "python": sys.version.split()[0],
        "rows": rows,
        "depth_cost": {
            "dataset_bytes": rgbd["dataset_bytes"] - rgb["dataset_bytes"],
            "meta_bytes": rgbd["meta_bytes"] - rgb["meta_bytes"],
            "stats_json_bytes": rgbd["stats_json_bytes"] - rgb["stats_json_bytes"],
            "meta_bytes_per_episode": rgbd["meta_bytes_per_episode"] - rgb["meta_bytes_per_episode"],
            "dataset_bytes_ratio": round(rgbd["dataset_bytes"] / rgb["dataset_bytes"], 3),
            "datagen_wall_ratio": round(rgbd["datagen_wall_s"] / rgb["datagen_wall_s"], 3),
            "datagen_cpu_ratio": round(rgbd["datagen_cpu_s"] / rgb["datagen_cpu_s"], 3),
            "writer_cpu_ratio_png_to_int64": round(rgbd["writer_cpu_ms_per_episode"]["png_channel_stats"]
                                                   / rgbd["writer_cpu_ms_per_episode"]["int64_column_pixel_stats"], 3),
        },
    }
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
