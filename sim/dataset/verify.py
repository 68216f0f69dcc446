"""Check a committed dataset end to end: manifest hashes, schema, counts, and that every video and depth frame decodes.

Each problem is one line naming the file at fault; the checks go on after a failure so a report
lists everything that is wrong, not just the first thing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from sim.dataset import stats as st
from sim.dataset.commit import PARTS, manifest_digest, manifest_problem
from sim.dataset.depth import decode_depth, depth_layout, is_depth_map
from sim.dataset.errors import DatasetError
from sim.dataset.files import sha256_file
from sim.dataset.layout import (
    EPISODES_DIR,
    INFO_PATH,
    MANIFEST_PATH,
    STATS_PATH,
    TASKS_PATH,
    data_schema,
    read_json,
    read_parquet,
    read_tasks,
)
from sim.dataset.schema import CODEBASE_VERSION, DEFAULT_FEATURE_DTYPES
from sim.dataset.video import inspect_video


@dataclass
class VerifyReport:
    """``ok`` when ``errors`` is empty; ``checked`` counts what was looked at."""

    root: Path
    errors: list[str] = field(default_factory=list)
    checked: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    @property
    def ok(self) -> bool:
        return not self.errors

    def error(self, path: Path | str, problem: str) -> None:
        self.errors.append(f"{path}: {problem}")

    def format(self) -> str:
        """One line of verdict and counts, then one indented line per problem."""
        head = f"{self.root}: {'OK' if self.ok else f'{len(self.errors)} problem(s)'} ({dict(self.checked)})"
        return "\n".join([head, *(f"  {e}" for e in self.errors)])

    def __str__(self) -> str:
        return self.format()


def _check_manifest(root: Path, report: VerifyReport) -> None:
    try:
        manifest = read_json(root / MANIFEST_PATH)
    except DatasetError as exc:
        report.errors.append(f"{exc} (without a manifest the dataset is incomplete)")
        return
    problem = manifest_problem(manifest)
    if problem:
        report.error(root / MANIFEST_PATH, problem)
        return
    if manifest.get("manifest_sha256") != manifest_digest(manifest):
        report.error(root / MANIFEST_PATH, "content differs from its own manifest_sha256 (corrupt or edited)")
    listed = manifest["files"]
    for rel, entry in sorted(listed.items()):
        path = root / rel
        report.checked["hashed_files"] += 1
        if not path.is_file():
            report.error(path, "missing (listed in the manifest)")
        elif path.stat().st_size != entry["bytes"]:
            report.error(path, f"has {path.stat().st_size} bytes, the manifest says {entry['bytes']} (truncated?)")
        elif sha256_file(path) != entry["sha256"]:
            report.error(path, "SHA-256 differs from the manifest (corrupt or modified)")
    for part in PARTS:
        for path in sorted((root / part).rglob("*")) if (root / part).is_dir() else []:
            if path.is_file() and path.relative_to(root).as_posix() not in listed:
                report.error(path, "not listed in the manifest (LeRobot would load it as part of the dataset)")


def _check_data(root: Path, info: dict[str, Any], eps: dict[str, np.ndarray], report: VerifyReport) -> None:
    features = info["features"]
    expected = data_schema(features)
    fps = int(info["fps"])
    by_file: dict[tuple[int, int], list[int]] = defaultdict(list)
    for k in range(len(eps["episode_index"])):
        by_file[(int(eps["data/chunk_index"][k]), int(eps["data/file_index"][k]))].append(k)
    for (chunk, file), members in sorted(by_file.items()):
        path = root / info["data_path"].format(chunk_index=chunk, file_index=file)
        report.checked["data_files"] += 1
        try:
            table = read_parquet(path)
        except DatasetError as exc:
            report.errors.append(str(exc))
            continue
        schema = table.schema
        if schema.names != expected.names:
            report.error(path, f"columns {schema.names} differ from the info.json features {expected.names}")
            continue
        for f in expected:
            if schema.field(f.name).type != f.type:
                report.error(path, f"column {f.name!r} is {schema.field(f.name).type}, expected {f.type}")
        first = int(eps["dataset_from_index"][members[0]])
        n = sum(int(eps["length"][k]) for k in members)
        if table.num_rows != n:
            report.error(path, f"has {table.num_rows} rows, its episodes {members[0]}..{members[-1]} have {n} frames")
            continue
        index = table.column("index").to_numpy()
        if not np.array_equal(index, np.arange(first, first + n)):
            report.error(path, f"index is not continuous from {first}")
        ep_col, frame_col = table.column("episode_index").to_numpy(), table.column("frame_index").to_numpy()
        want_ep = np.concatenate([np.full(int(eps["length"][k]), k) for k in members])
        want_frame = np.concatenate([np.arange(int(eps["length"][k])) for k in members])
        if not np.array_equal(ep_col, want_ep) or not np.array_equal(frame_col, want_frame):
            report.error(path, "episode_index/frame_index do not match meta/episodes")
        ts = table.column("timestamp").to_numpy().astype(np.float64)
        if np.abs(ts - want_frame / fps).max(initial=0.0) > 1e-4:
            report.error(path, f"timestamp is not frame_index / {fps} (within 1e-4 s)")
        _check_depth_frames(path, table, features, want_ep, want_frame, report)


def _check_depth_frames(path: Path, table: pa.Table, features: dict[str, Any], episodes: np.ndarray,
                        frames: np.ndarray, report: VerifyReport) -> None:
    """Every frame of every depth image column decodes to its feature's size: one line per bad frame."""
    for key, ft in features.items():
        if ft["dtype"] != "image" or not is_depth_map(ft):
            continue
        shape, unit = depth_layout(ft)
        for row, value in enumerate(table.column(key).to_pylist()):
            report.checked["depth_frames"] += 1
            where = f"{key} of episode {episodes[row]} frame {frames[row]}"
            try:
                decode_depth(None if value is None else value.get("bytes"), shape, unit, path, where)
            except DatasetError as exc:
                report.errors.append(str(exc))


def _check_videos(root: Path, info: dict[str, Any], eps: dict[str, np.ndarray], report: VerifyReport,
                  decode: bool) -> None:
    fps = int(info["fps"])
    for key, ft in info["features"].items():
        if ft["dtype"] != "video":
            continue
        by_file: dict[tuple[int, int], list[int]] = defaultdict(list)
        for k in range(len(eps["episode_index"])):
            by_file[(int(eps[f"videos/{key}/chunk_index"][k]), int(eps[f"videos/{key}/file_index"][k]))].append(k)
        height, width = int(ft["shape"][0]), int(ft["shape"][1])
        for (chunk, file), members in sorted(by_file.items()):
            path = root / info["video_path"].format(video_key=key, chunk_index=chunk, file_index=file)
            report.checked["video_files"] += 1
            before = 0
            for k in members:
                want = (before / fps, (before + int(eps["length"][k])) / fps)
                got = (float(eps[f"videos/{key}/from_timestamp"][k]), float(eps[f"videos/{key}/to_timestamp"][k]))
                if max(abs(want[0] - got[0]), abs(want[1] - got[1])) > 1e-6:
                    report.error(path, f"episode {k} is at {got} s in meta/episodes, expected {want}")
                before += int(eps["length"][k])
            if not path.is_file():
                report.error(path, f"missing (episodes {members[0]}..{members[-1]} of {key})")
                continue
            if not decode:
                continue
            try:
                vi = inspect_video(path, fps)
            except DatasetError as exc:
                report.errors.append(str(exc))
                continue
            if vi.frames != before:
                report.error(path, f"decodes to {vi.frames} frames, its episodes have {before}")
            if (vi.height, vi.width) != (height, width):
                report.error(path, f"is {vi.width}x{vi.height}, info.json says {width}x{height}")
            if not vi.on_grid:
                report.error(path, f"frame timestamps are not exactly k/{fps} s")


def _check_stats(root: Path, info: dict[str, Any], report: VerifyReport) -> None:
    try:
        stats = read_json(root / STATS_PATH)
    except DatasetError as exc:
        report.errors.append(str(exc))
        return
    for name, ft in info["features"].items():
        if ft["dtype"] == "string":
            continue
        if name not in stats or set(stats[name]) != set(st.STAT_KEYS):
            report.error(root / STATS_PATH, f"feature {name!r} lacks stats (need {', '.join(st.STAT_KEYS)})")
            continue
        visual = ft["dtype"] in ("video", "image")
        want = ((1, 1, 1) if is_depth_map(ft) else (3, 1, 1)) if visual else tuple(ft["shape"])
        for key in st.STAT_KEYS:
            shape = np.asarray(stats[name][key]).shape
            if shape != ((1,) if key == "count" else want):
                report.error(root / STATS_PATH, f"stats[{name!r}][{key!r}] has shape {shape}, expected {want}")


def verify_dataset(root: str | Path, decode_videos: bool = True) -> VerifyReport:
    """Check the dataset at ``root``; ``decode_videos=False`` skips the (slowest) full decode."""
    root = Path(root)
    report = VerifyReport(root=root)
    _check_manifest(root, report)
    try:
        info = read_json(root / INFO_PATH)
        if info.get("codebase_version") != CODEBASE_VERSION:
            report.error(root / INFO_PATH, f"codebase_version {info.get('codebase_version')!r}, "
                                           f"expected {CODEBASE_VERSION!r}")
        features = info["features"]
        for name, dtype in DEFAULT_FEATURE_DTYPES.items():
            if features.get(name, {}).get("dtype") != dtype:
                report.error(root / INFO_PATH, f"default feature {name!r} ({dtype}, [1]) is missing or mistyped")
        for name in features:
            if "/" in name:
                report.error(root / INFO_PATH, f"feature name {name!r} contains '/'")
        tasks = read_tasks(root / TASKS_PATH)
        files = sorted((root / EPISODES_DIR).glob("chunk-*/file-*.parquet"))
        if not files:
            report.error(root / EPISODES_DIR, "holds no episode metadata")
            return report
        tables = []
        for f in files:
            tables.append(read_parquet(f, columns=[n for n in pq.read_schema(f).names if not n.startswith("stats/")]))
    except (DatasetError, KeyError, pa.ArrowException, OSError) as exc:
        report.errors.append(f"cannot check further: {exc}")
        return report
    table = pa.concat_tables(tables)
    eps = {c: table.column(c).to_numpy(zero_copy_only=False) for c in table.column_names if c != "tasks"}
    n_eps = table.num_rows
    report.checked["episodes"] = n_eps
    lengths = eps["length"].astype(np.int64)
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    meta = root / EPISODES_DIR
    if not np.array_equal(eps["episode_index"], np.arange(n_eps)):
        report.error(meta, "episode_index is not 0..n-1")
    if not (np.array_equal(eps["dataset_from_index"], starts)
            and np.array_equal(eps["dataset_to_index"], starts + lengths)):
        report.error(meta, "dataset_from_index/dataset_to_index are not contiguous episode ranges")
    if info.get("total_episodes") != n_eps or info.get("total_frames") != int(lengths.sum()):
        report.error(root / INFO_PATH, f"totals ({info.get('total_episodes')} episodes, {info.get('total_frames')} "
                                       f"frames) differ from meta/episodes ({n_eps}, {int(lengths.sum())})")
    if info.get("total_tasks") != len(tasks):
        report.error(root / INFO_PATH, f"total_tasks {info.get('total_tasks')} but tasks.parquet has {len(tasks)}")
    used = {t for row in table.column("tasks").to_pylist() for t in row}
    if not used <= set(tasks):
        report.error(meta, f"episodes name tasks missing from tasks.parquet: {sorted(used - set(tasks))}")
    _check_data(root, info, eps, report)
    _check_videos(root, info, eps, report, decode_videos)
    _check_stats(root, info, report)
    return report
