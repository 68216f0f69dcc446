"""Assemble worker shards into a LeRobot v3.0 dataset; ``manifest.json``, written last, marks it complete.

Everything is built in ``<out>/.staging-*`` and renamed into place; per-episode videos are joined by
remuxing (packet copy with shifted timestamps), so the committer never re-encodes.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import time
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import av
import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from sim.dataset import stats as st
from sim.dataset.errors import DatasetError, DatasetSchemaError
from sim.dataset.files import fsync_path, sha256_file, to_json_text
from sim.dataset.layout import (
    ARMSTACK_EPISODES_PATH,
    INFO_PATH,
    MANIFEST_PATH,
    STATS_PATH,
    TASKS_PATH,
    VIDEO_PATH,
    data_path,
    data_schema,
    episodes_path,
    next_file,
    tasks_table,
    video_path,
)
from sim.dataset.layout import DATA_PATH as DATA_TEMPLATE
from sim.dataset.schema import CODEBASE_VERSION, DEFAULT_FEATURE_DTYPES, DatasetSpec
from sim.dataset.shard import FRAMES_FILE, Shard, check_shard, read_shard
from sim.dataset.video import concat_videos
from sim.provenance import armstack_version, git_commit, versions

MANIFEST_FORMAT = "armstack-dataset/2"
"""What this armstack writes. 2: depth maps are 16-bit PNG image features with per-channel stats
(sim.dataset.depth); 1: depth was an (H*W,) int64 vector column with per-pixel stats."""
MANIFEST_FORMATS_READ = ("armstack-dataset/1", MANIFEST_FORMAT)
"""What the reader and ``dataset verify`` accept: a format-1 depth column reads back as it always did."""
PARTS = ("data", "videos", "meta")
MB = 1024 * 1024  # LeRobot's "MB" (get_file_size_in_mb divides by 1024**2)
RESERVED_MANIFEST_KEYS = ("format", "codebase_version", "created_unix", "armstack", "versions", "spec", "counts",
                          "timings", "files", "content_sha256", "manifest_sha256")


@dataclass
class _Episode:
    """Where one episode landed, and its stats."""

    index: int
    shard: Shard
    start: int
    task_index: int
    data_file: tuple[int, int] = (0, 0)
    videos: dict[str, tuple[int, int, float, float]] = field(default_factory=dict)
    stats: dict[str, st.Stats] = field(default_factory=dict)


def _int_if_whole(x: float) -> float | int:
    return int(x) if float(x).is_integer() else x


def dictionary_columns(schema: pa.Schema) -> list[str]:
    """The data columns worth parquet's dictionary encoding: integers (indices, ids) and booleans (flags; parquet
    keeps those plain-encoded anyway).

    Float columns (states, actions, env_state: nearly every value distinct) gain nothing from a dictionary:
    with it (pyarrow's default for every column) the writer cost ~0.5 ms more per state-only episode and the
    file was ~12% larger. Only the encoding differs: the values read back are the same.
    """
    out = []
    for f in schema:
        nested = pa.types.is_fixed_size_list(f.type)
        typ = f.type.value_type if nested else f.type
        if pa.types.is_integer(typ) or pa.types.is_boolean(typ):
            out.append(f"{f.name}.list.element" if nested else f.name)  # pyarrow matches leaf column paths
    return out


def _write_data(episodes: list[_Episode], spec: DatasetSpec, features: dict[str, Any], staging: Path) -> int:
    """The data parquet files, rotated by size; fills in each episode's file and numeric stats.

    The size of an episode is that of its shard's frames file: uncompressed Arrow (its size in memory), so
    a file holds about half its limit once compressed. (The shard was parquet before: the same rule then
    filled files to the limit; rotation decides only which file holds an episode, not what it holds.)
    """
    schema = data_schema(features)
    dictionary = dictionary_columns(schema)
    record_columns = [name for name in schema.names if name not in DEFAULT_FEATURE_DTYPES]
    limit = spec.data_files_size_in_mb * MB
    chunk, file, current, writer, n_files = 0, 0, 0, None, 0
    by_length: dict[int, dict[str, st.Stats]] = {}
    try:
        for ep in episodes:
            size = ep.shard.size(FRAMES_FILE)
            if writer is not None and current + size > limit:
                writer.close()
                writer, current = None, 0
                chunk, file = next_file(chunk, file, spec.chunks_size)
            if writer is None:
                path = staging / data_path(chunk, file)
                path.parent.mkdir(parents=True, exist_ok=True)
                writer, n_files = pq.ParquetWriter(path, schema, use_dictionary=dictionary), n_files + 1
            table = ep.shard.read_frames()
            if sorted(table.column_names) != sorted(record_columns) or table.num_rows != ep.shard.length:
                raise DatasetSchemaError(f"{ep.shard.frames_path}: columns {table.column_names} x {table.num_rows} "
                                         f"rows, expected {record_columns} x {ep.shard.length}")
            n = ep.shard.length
            frame_index = np.arange(n, dtype=np.int64)
            defaults: dict[str, np.ndarray] = {
                "timestamp": (frame_index / spec.fps).astype(np.float32), "frame_index": frame_index,
                "episode_index": np.full(n, ep.index, dtype=np.int64),
                "index": np.arange(ep.start, ep.start + n, dtype=np.int64),
                "task_index": np.full(n, ep.task_index, dtype=np.int64),
            }
            arrays = [table.column(name) if name in record_columns else pa.array(defaults[name])
                      for name in schema.names]
            writer.write_table(pa.Table.from_arrays(arrays, schema=schema), row_group_size=n)
            current += size
            ep.data_file = (chunk, file)
            ep.stats.update(ep.shard.stats)
            # frame_index and timestamp depend on the length alone (many episodes share a length), index is
            # frame_index shifted by the episode's start, and the two indices per episode are constants.
            if n not in by_length:
                by_length[n] = st.episode_vector_stats({k: defaults[k] for k in ("timestamp", "frame_index")})
            ep.stats.update(by_length[n])
            ep.stats["index"] = st.shifted_stats(by_length[n]["frame_index"], ep.start)
            ep.stats["episode_index"] = st.constant_stats(ep.index, n)
            ep.stats["task_index"] = st.constant_stats(ep.task_index, n)
            for key in (*spec.camera_keys, *spec.depth_keys):
                ep.stats[key] = ep.shard.image_stats[key]
    finally:
        if writer is not None:
            writer.close()
    return n_files


def _write_videos(episodes: list[_Episode], spec: DatasetSpec, staging: Path) -> int:
    """One set of mp4 files per camera, each holding consecutive episodes; returns the number of files."""
    n_files = 0
    limit = spec.video_files_size_in_mb * MB
    for cam, key in zip(spec.cameras, spec.camera_keys, strict=True):
        rel = f"videos/{cam}.mp4"
        groups: list[tuple[int, int, list[_Episode]]] = []
        chunk, file, current = 0, 0, 0
        for ep in episodes:
            size = ep.shard.size(rel)
            if groups and current + size > limit:
                chunk, file = next_file(chunk, file, spec.chunks_size)
                current = 0
            if not groups or groups[-1][:2] != (chunk, file):
                groups.append((chunk, file, []))
            groups[-1][2].append(ep)
            current += size
        for chunk, file, members in groups:
            out = staging / video_path(key, chunk, file)
            out.parent.mkdir(parents=True, exist_ok=True)
            concat_videos([(m.shard.video_path(cam), m.shard.length) for m in members], out, spec.fps)
            before = 0
            for m in members:
                m.videos[key] = (chunk, file, before / spec.fps, (before + m.shard.length) / spec.fps)
                before += m.shard.length
            n_files += 1
    return n_files


def _episode_rows(episodes: list[_Episode], spec: DatasetSpec, tasks: list[str],
                  features: Mapping[str, Any]) -> dict[str, pa.Array]:
    cols: dict[str, pa.Array] = {
        "episode_index": pa.array([e.index for e in episodes], pa.int64()),
        "tasks": pa.array([[tasks[e.task_index]] for e in episodes], pa.list_(pa.string())),
        "length": pa.array([e.shard.length for e in episodes], pa.int64()),
        "data/chunk_index": pa.array([e.data_file[0] for e in episodes], pa.int64()),
        "data/file_index": pa.array([e.data_file[1] for e in episodes], pa.int64()),
        "dataset_from_index": pa.array([e.start for e in episodes], pa.int64()),
        "dataset_to_index": pa.array([e.start + e.shard.length for e in episodes], pa.int64()),
    }
    for key in spec.camera_keys if spec.storage == "video" else ():
        for i, (col, typ) in enumerate((("chunk_index", pa.int64()), ("file_index", pa.int64()),
                                        ("from_timestamp", pa.float64()), ("to_timestamp", pa.float64()))):
            cols[f"videos/{key}/{col}"] = pa.array([e.videos[key][i] for e in episodes], typ)
    for name in features:
        for stat in st.STAT_KEYS:
            values = [np.asarray(e.stats[name][stat]) for e in episodes]
            cols[f"stats/{name}/{stat}"] = _list_column(values, st.arrow_type(stat, values[0]))
    return cols


def _list_column(values: list[np.ndarray], typ: pa.DataType) -> pa.Array:
    """``pa.array([v.tolist() for v in values], typ)``: for vectors of one dtype, from their concatenation.

    The same array (offsets and values, no nulls), without a Python float per value: a state-only episode
    has ~300 dimensions x 10 stats, and the lists were a quarter of the metadata's cost.
    """
    first = values[0]
    if (pa.types.is_list(typ) and not pa.types.is_nested(typ.value_type) and first.dtype.kind in "fib"
            and all(v.ndim == 1 and v.dtype == first.dtype for v in values)):
        offsets = np.zeros(len(values) + 1, dtype=np.int32)
        np.cumsum([len(v) for v in values], out=offsets[1:])
        return pa.ListArray.from_arrays(pa.array(offsets), pa.array(np.concatenate(values), type=typ.value_type))
    return pa.array([v.tolist() for v in values], typ)


def _write_meta(episodes: list[_Episode], spec: DatasetSpec, tasks: list[str], staging: Path) -> int:
    """meta/episodes (rotated by size like the data), tasks, info, stats and our per-episode jsonl."""
    features = spec.lerobot_features()
    cols = _episode_rows(episodes, spec, tasks, features)
    table = pa.table(cols)
    per_row = max(1, table.nbytes // max(1, table.num_rows))
    rows_per_file = max(1, int(spec.data_files_size_in_mb * MB // per_row))
    locs, chunk, file = [], 0, 0
    for start in range(0, len(episodes), rows_per_file):
        locs.extend([(chunk, file)] * min(rows_per_file, len(episodes) - start))
        chunk, file = next_file(chunk, file, spec.chunks_size)
    table = table.append_column("meta/episodes/chunk_index", pa.array([c for c, _ in locs], pa.int64()))
    table = table.append_column("meta/episodes/file_index", pa.array([f for _, f in locs], pa.int64()))
    n_files = 0
    for start in range(0, len(episodes), rows_per_file):
        path = staging / episodes_path(*locs[start])
        path.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(table.slice(start, rows_per_file), path)
        n_files += 1
    pq.write_table(tasks_table(tasks), staging / TASKS_PATH)
    total_frames = sum(e.shard.length for e in episodes)
    has_videos = spec.storage == "video" and bool(spec.cameras)
    info = {
        "codebase_version": CODEBASE_VERSION, "robot_type": spec.robot_type, "total_episodes": len(episodes),
        "total_frames": total_frames, "total_tasks": len(tasks), "chunks_size": spec.chunks_size,
        "data_files_size_in_mb": _int_if_whole(spec.data_files_size_in_mb),
        "video_files_size_in_mb": _int_if_whole(spec.video_files_size_in_mb), "fps": spec.fps,
        "splits": {"train": f"0:{len(episodes)}"}, "data_path": DATA_TEMPLATE,
        "video_path": VIDEO_PATH if has_videos else None, "features": features,
    }
    (staging / INFO_PATH).write_text(json.dumps(info, indent=4))
    global_stats = {name: st.aggregate([e.stats[name] for e in episodes]) for name in features}
    (staging / STATS_PATH).write_text(json.dumps(st.to_json(global_stats), indent=4))
    with open(staging / ARMSTACK_EPISODES_PATH, "w") as f:
        for e in episodes:
            line = {"episode_index": e.index, "lerobot_task": tasks[e.task_index], **e.shard.meta}
            # Compact: the indented encoder (newlines stripped) was a quarter of the commit's CPU.
            f.write(to_json_text(line, f"meta of {e.shard.path}", compact=True) + "\n")
    return n_files


TIMING_KEY_SUFFIX = "seconds"
"""Keys of the per-episode log that hold wall-clock time (``seconds``): not part of what the data is."""


def content_digest(out_dir: Path, files: Mapping[str, Mapping[str, Any]]) -> str:
    """SHA-256 of what the dataset holds, not how long it took to make: every file's SHA-256 by path, the
    per-episode log hashed without its wall-clock fields. Identical data from 1 or 2 workers, Ray, or a
    resumed run has one content digest (the manifest's own digest also covers timings and the config)."""
    h = hashlib.sha256()
    for rel in sorted(files):
        digest = str(files[rel]["sha256"])
        if rel == ARMSTACK_EPISODES_PATH:
            lines = [{k: v for k, v in json.loads(line).items() if not k.endswith(TIMING_KEY_SUFFIX)}
                     for line in (out_dir / rel).read_text().splitlines() if line.strip()]
            digest = hashlib.sha256(json.dumps(lines, sort_keys=True, separators=(",", ":")).encode()).hexdigest()
        h.update(f"{rel}\0{digest}\n".encode())
    return h.hexdigest()


def manifest_digest(manifest: Mapping[str, Any]) -> str:
    """SHA-256 of the manifest's content without its own ``manifest_sha256``: a damaged manifest is detectable."""
    body = {k: v for k, v in manifest.items() if k != "manifest_sha256"}
    return hashlib.sha256(json.dumps(body, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


def manifest_problem(manifest: Any) -> str | None:
    """Why ``manifest`` (parsed JSON) is not a manifest this armstack reads, in one line; None when it is."""
    fmt = manifest.get("format") if isinstance(manifest, dict) else None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("files"), dict) \
            or not (isinstance(fmt, str) and fmt.startswith("armstack-dataset/")):
        return f"not an armstack dataset manifest (format {MANIFEST_FORMAT!r})"
    if fmt not in MANIFEST_FORMATS_READ:
        return (f"manifest format {fmt!r}: this armstack reads {', '.join(map(repr, MANIFEST_FORMATS_READ))} "
                "(a dataset written by a newer armstack?)")
    return None


def _write_json_atomic(path: Path, payload: Any) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        with open(tmp, "w") as f:
            f.write(to_json_text(payload, path.name))
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_path(path.parent)


def _write_failed(exc: BaseException, out_dir: Path) -> DatasetError:
    """A write error of the commit (ENOSPC, EIO, ...) as one line naming the file; nothing half-written stays."""
    where = getattr(exc, "filename", None) or out_dir
    reason = getattr(exc, "strerror", None) or str(exc)
    full = getattr(exc, "errno", None) == errno.ENOSPC or "[errno 28]" in str(exc)
    return DatasetError(f"committing the dataset to {out_dir} failed writing {where}: {reason} (no manifest was "
                        "written, so the folder holds no complete dataset; the shards are untouched"
                        + ("; free space and commit again)" if full else ")"))


def commit_dataset(shard_paths: Sequence[Path | Shard], spec: DatasetSpec, out_dir: Path,
                   extra_meta: Mapping[str, Any] | None = None, verify_shards: bool = True) -> dict[str, Any]:
    """Write the shards (in this order: shard k becomes episode k) as a LeRobot v3.0 dataset in ``out_dir``.

    A shard is its folder, or the ``Shard`` its writer returned (``write_episode_shard``): then only its
    files' presence and sizes are checked, and their hashes when ``verify_shards``, without reading it again.

    ``extra_meta`` (e.g. ``{"config": ..., "summary": ...}``) goes into ``manifest.json`` at top level.
    ``out_dir`` may hold other things (the datagen work folder) but no ``data``, ``videos``, ``meta``
    or ``manifest.json``. Returns a summary: counts, ``bytes`` and timings.
    """
    out_dir = Path(out_dir)
    try:
        return _commit(shard_paths, spec, out_dir, extra_meta, verify_shards)
    except DatasetError:
        raise
    except (OSError, pa.ArrowException, av.error.FFmpegError) as exc:
        raise _write_failed(exc, out_dir) from exc


def _commit(shard_paths: Sequence[Path | Shard], spec: DatasetSpec, out_dir: Path,
            extra_meta: Mapping[str, Any] | None, verify_shards: bool) -> dict[str, Any]:
    t0 = time.perf_counter()
    extra = dict(extra_meta or {})
    clash = sorted(set(extra) & set(RESERVED_MANIFEST_KEYS))
    if clash:
        raise DatasetSchemaError(f"extra_meta keys {clash} are reserved for the manifest; reserved: "
                                 f"{', '.join(RESERVED_MANIFEST_KEYS)}")
    if not shard_paths:
        raise DatasetSchemaError("no shards to commit: a dataset needs at least one episode")
    paths = [p.path if isinstance(p, Shard) else Path(p) for p in shard_paths]
    if len({p.resolve() for p in paths}) != len(paths):
        raise DatasetSchemaError("a shard is listed twice in shard_paths")
    if (out_dir / MANIFEST_PATH).exists():
        raise DatasetError(f"{out_dir} already holds a complete dataset ({MANIFEST_PATH}); choose another folder")
    leftovers = [p for p in PARTS if (out_dir / p).exists()]
    if leftovers:
        raise DatasetError(f"{out_dir} already has {', '.join(leftovers)} but no {MANIFEST_PATH} (an interrupted "
                           "commit?); remove them first")
    shards = [check_shard(p, spec, verify=verify_shards) if isinstance(p, Shard)
              else read_shard(Path(p), spec, verify=verify_shards) for p in shard_paths]
    t_read = time.perf_counter()

    tasks: list[str] = []
    episodes, start = [], 0
    for i, shard in enumerate(shards):
        if shard.task not in tasks:
            tasks.append(shard.task)
        episodes.append(_Episode(index=i, shard=shard, start=start, task_index=tasks.index(shard.task)))
        start += shard.length

    out_dir.mkdir(parents=True, exist_ok=True)
    for stale in out_dir.glob(".staging-*"):
        shutil.rmtree(stale, ignore_errors=True)
    staging = out_dir / f".staging-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    timings: dict[str, float] = {"read_shards_s": t_read - t0}
    try:
        (staging / "meta").mkdir(parents=True)
        n_data = _write_data(episodes, spec, spec.lerobot_features(), staging)
        t1 = time.perf_counter()
        n_video = _write_videos(episodes, spec, staging) if spec.storage == "video" else 0
        t2 = time.perf_counter()
        n_meta = _write_meta(episodes, spec, tasks, staging)
        t3 = time.perf_counter()
        staged = sorted(staging.rglob("*"))
        files: dict[str, dict[str, Any]] = {
            p.relative_to(staging).as_posix(): {"bytes": p.stat().st_size, "sha256": sha256_file(p)}
            for p in staged if p.is_file()}
        t4 = time.perf_counter()
        # On disk before the manifest names them: after a power loss a manifest never vouches for files the
        # page cache had not written yet. Every file and folder, deepest first (a handful; ~0.5 ms each).
        for path in reversed(staged):
            fsync_path(path)
        t5 = time.perf_counter()
        timings.update(data_s=t1 - t_read, videos_s=t2 - t1, meta_s=t3 - t2, hash_s=t4 - t3, fsync_s=t5 - t4)
        for part in PARTS:
            if (staging / part).exists():
                os.rename(staging / part, out_dir / part)
        fsync_path(out_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    counts = {"episodes": len(episodes), "frames": start, "tasks": len(tasks), "data_files": n_data,
              "video_files": n_video, "episode_meta_files": n_meta}
    timings["total_s"] = time.perf_counter() - t0
    manifest = {
        "format": MANIFEST_FORMAT, "codebase_version": CODEBASE_VERSION, "created_unix": time.time(),
        "armstack": {"version": armstack_version(), "git_commit": git_commit()},
        "versions": {**versions(), "pyarrow": pa.__version__, "av": av.__version__},
        "spec": spec.to_dict(), **extra, "counts": counts,
        "timings": {k: round(v, 4) for k, v in timings.items()}, "files": files,
        "content_sha256": content_digest(out_dir, files),
    }
    manifest = json.loads(to_json_text(manifest, MANIFEST_PATH, compact=True))  # the digest is of what readers load
    manifest["manifest_sha256"] = manifest_digest(manifest)
    _write_json_atomic(out_dir / MANIFEST_PATH, manifest)
    return {"path": str(out_dir), **counts, "bytes": sum(int(f["bytes"]) for f in files.values()),
            "commit_timings": manifest["timings"]}
