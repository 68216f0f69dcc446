"""Read a LeRobot v3.0 dataset (ours or LeRobot's) without the ``lerobot`` package.

Files are opened only when an episode in them is touched, so a corrupt or missing data file or
video raises a ``DatasetFileError`` naming it for those episodes while the others stay readable. Each
file's size and SHA-256 are checked against ``manifest.json`` the first time it is opened (``verify``;
a dataset without a manifest, e.g. one LeRobot wrote, needs ``verify=False``).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

from sim.dataset import stats as st
from sim.dataset.depth import decode_depth, depth_layout, is_depth_map
from sim.dataset.errors import DatasetError, DatasetFileError
from sim.dataset.integrity import ManifestHashes
from sim.dataset.layout import (
    EPISODES_DIR,
    INFO_PATH,
    STATS_PATH,
    TASKS_PATH,
    from_arrow,
    is_visual,
    read_json,
    read_parquet,
    read_tasks,
)
from sim.dataset.png import decode_png
from sim.dataset.schema import CODEBASE_VERSION
from sim.dataset.video import VideoReader

_CACHE = 4
"""Open data tables and video decoders kept per reader (LRU)."""


class DatasetReader:
    """Episodes and frame batches of the dataset at ``root``; see ``episode`` and ``batches``."""

    def __init__(self, root: str | Path, verify: bool = True) -> None:
        self.root = Path(root)
        if not self.root.is_dir():
            raise DatasetFileError(self.root, "is not a dataset folder" if self.root.exists() else "does not exist")
        if not (self.root / INFO_PATH).is_file():
            raise DatasetFileError(self.root / INFO_PATH, f"missing: {self.root} is not a LeRobot v3.0 dataset")
        self.hashes = ManifestHashes(self.root, enabled=verify)
        self.info: dict[str, Any] = read_json(self.hashes.check(self.root / INFO_PATH))
        version = self.info.get("codebase_version")
        if version != CODEBASE_VERSION:
            raise DatasetError(f"{self.root / INFO_PATH}: codebase_version {version!r}; this reader reads "
                               f"{CODEBASE_VERSION!r} only")
        self.fps = int(self.info["fps"])
        self.features: dict[str, dict[str, Any]] = self.info["features"]
        # Depth maps are LeRobot image (or video) features flagged is_depth_map; the camera keys are the RGB ones.
        self.depth_keys = tuple(k for k, f in self.features.items() if is_visual(f) and is_depth_map(f))
        cameras = {k: f["dtype"] for k, f in self.features.items() if k not in self.depth_keys}
        self.video_keys = tuple(k for k, dtype in cameras.items() if dtype == "video")
        self.image_keys = tuple(k for k, dtype in cameras.items() if dtype == "image")
        self.tasks = read_tasks(self.hashes.check(self.root / TASKS_PATH))
        files = sorted((self.root / EPISODES_DIR).glob("chunk-*/file-*.parquet"))
        if not files:
            raise DatasetFileError(self.root / EPISODES_DIR, "holds no episode metadata files")
        table = pa.concat_tables([read_parquet(f, columns=self._episode_columns(self.hashes.check(f)))
                                  for f in files])
        self.episodes: dict[str, np.ndarray] = {c: np.asarray(table.column(c).to_pylist(), dtype=object)
                                                if c == "tasks" else table.column(c).to_numpy()
                                                for c in table.column_names}
        if not np.array_equal(self.episodes["episode_index"], np.arange(table.num_rows)):
            raise DatasetFileError(self.root / EPISODES_DIR, "episode_index is not 0..n-1 in file order")
        stats_path = self.root / STATS_PATH
        self.stats = st.from_json(read_json(self.hashes.check(stats_path))) if stats_path.is_file() else {}
        self._tables: OrderedDict[tuple[int, int], tuple[int, pa.Table]] = OrderedDict()
        self._videos: OrderedDict[Path, VideoReader] = OrderedDict()
        # First global index of each data file, to turn dataset_from_index into a row number.
        self._file_start: dict[tuple[int, int], int] = {}
        for k in range(self.num_episodes):
            loc = self._data_loc(k)
            self._file_start[loc] = min(self._file_start.get(loc, 1 << 62), int(self.episodes["dataset_from_index"][k]))

    def checked_file(self, relpath: str) -> Path:
        """The dataset file ``relpath`` (e.g. ``meta/armstack_episodes.jsonl``) for the caller to read, once its
        size and SHA-256 match the manifest (unchecked with ``verify=False``)."""
        return self.hashes.check(self.root / relpath)

    def _episode_columns(self, path: Path) -> list[str]:
        import pyarrow.parquet as pq

        try:
            names = pq.read_schema(path).names
        except (pa.ArrowException, OSError) as exc:
            raise DatasetFileError(path, f"unreadable parquet ({exc})") from exc
        return [n for n in names if not n.startswith("stats/")]

    # --- sizes and lookups -------------------------------------------------------------------
    @property
    def num_episodes(self) -> int:
        return len(self.episodes["episode_index"])

    @property
    def num_frames(self) -> int:
        return int(self.info["total_frames"])

    def __len__(self) -> int:
        return self.num_episodes

    def length(self, episode: int) -> int:
        return int(self.episodes["length"][self._check(episode)])

    def task(self, episode: int) -> str:
        return str(self.episodes["tasks"][self._check(episode)][0])

    def _check(self, episode: int) -> int:
        if not 0 <= episode < self.num_episodes:
            raise DatasetError(f"episode {episode} out of range: the dataset has episodes 0..{self.num_episodes - 1}")
        return int(episode)

    def _data_loc(self, k: int) -> tuple[int, int]:
        return int(self.episodes["data/chunk_index"][k]), int(self.episodes["data/file_index"][k])

    def data_file(self, episode: int) -> Path:
        chunk, file = self._data_loc(self._check(episode))
        return self.root / self.info["data_path"].format(chunk_index=chunk, file_index=file)

    def video_file(self, episode: int, key: str) -> Path:
        k = self._check(episode)
        chunk = int(self.episodes[f"videos/{key}/chunk_index"][k])
        file = int(self.episodes[f"videos/{key}/file_index"][k])
        return self.root / self.info["video_path"].format(video_key=key, chunk_index=chunk, file_index=file)

    # --- files (cached) ------------------------------------------------------------------------
    def _table(self, episode: int) -> tuple[int, pa.Table, Path]:
        loc = self._data_loc(episode)
        path = self.data_file(episode)
        if loc not in self._tables:
            self._tables[loc] = (self._file_start[loc], read_parquet(self.hashes.check(path)))
            if len(self._tables) > _CACHE:
                self._tables.popitem(last=False)
        self._tables.move_to_end(loc)
        start, table = self._tables[loc]
        return start, table, path

    def _video(self, path: Path) -> VideoReader:
        if path not in self._videos:
            self._videos[path] = VideoReader(self.hashes.check(path), self.fps)
            if len(self._videos) > _CACHE:
                self._videos.popitem(last=False)[1].close()
        self._videos.move_to_end(path)
        return self._videos[path]

    def close(self) -> None:
        for reader in self._videos.values():
            reader.close()
        self._videos.clear()
        self._tables.clear()

    def __enter__(self) -> DatasetReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- reading ---------------------------------------------------------------------------------
    def _rows(self, episode: int, frames: np.ndarray, keys: Sequence[str]) -> dict[str, Any]:
        """Columns ``keys`` at ``frames`` (frame indices within ``episode``) of one episode."""
        start, table, path = self._table(episode)
        first = int(self.episodes["dataset_from_index"][episode]) - start
        length = self.length(episode)
        if first < 0 or first + length > table.num_rows:
            raise DatasetFileError(path, f"has {table.num_rows} rows; episode {episode} needs rows "
                                         f"{first}..{first + length - 1}")
        rows = pa.array(first + np.asarray(frames, dtype=np.int64))
        out: dict[str, Any] = {}
        for key in keys:
            if key == "task":
                out[key] = np.array([self.task(episode)] * len(frames))
                continue
            ft = self.features[key]
            if key in self.depth_keys:
                out[key] = self._depth_frames(key, ft, table, rows, path, episode, frames)
                continue
            if ft["dtype"] == "video":
                chunk_frames = self._video_frames(episode, key, np.asarray(frames))
                out[key] = chunk_frames
                continue
            if key not in table.column_names:
                raise DatasetFileError(path, f"has no column {key!r} (declared in {INFO_PATH})")
            column = table.column(key).take(rows)
            if ft["dtype"] == "image":
                out[key] = np.stack([decode_png(v["bytes"], path) for v in column.to_pylist()])
            else:
                out[key] = from_arrow(key, ft, column)
        if "episode_index" in table.column_names:
            got = table.column("episode_index").take(rows).to_numpy()
            if not (got == episode).all():
                raise DatasetFileError(path, f"rows of episode {episode} hold episode_index {sorted(set(got))}")
        return out

    def _depth_frames(self, key: str, ft: dict[str, Any], table: pa.Table, rows: pa.Array, path: Path, episode: int,
                      frames: np.ndarray) -> np.ndarray:
        """A depth image column as (T, H*W) int64 millimetres: the layout depth had before it was stored as
        images (armstack-dataset/1), which training and evaluation read."""
        if ft["dtype"] != "image":
            raise DatasetError(f"{self.root / INFO_PATH}: {key} is a depth map stored as {ft['dtype']} (LeRobot's "
                               "12-bit quantised depth video); armstack reads depth stored losslessly as images")
        if key not in table.column_names:
            raise DatasetFileError(path, f"has no column {key!r} (declared in {INFO_PATH})")
        shape, unit = depth_layout(ft)
        values = table.column(key).take(rows).to_pylist()
        out = np.empty((len(values), shape[0] * shape[1]), dtype=np.int64)
        for i, (value, t) in enumerate(zip(values, frames, strict=True)):
            out[i] = decode_depth(None if value is None else value.get("bytes"), shape, unit, path,
                                  f"{key} of episode {episode} frame {int(t)}").reshape(-1)
        return out

    def _video_frames(self, episode: int, key: str, frames: np.ndarray) -> np.ndarray:
        path = self.video_file(episode, key)
        offset = float(self.episodes[f"videos/{key}/from_timestamp"][episode]) * self.fps
        if abs(offset - round(offset)) > 1e-3:
            raise DatasetFileError(path, f"episode {episode} starts at {offset / self.fps} s, not on the frame grid")
        return self._video(path).read(round(offset) + frames)

    def episode(self, episode: int, keys: Sequence[str] | None = None) -> dict[str, Any]:
        """All frames of ``episode``: every feature as a (T, *shape) array, frames as uint8 (T, H, W, 3),
        depth maps as (T, H*W) int64 millimetres (row-major), plus ``task`` (the instruction string)."""
        k = self._check(episode)
        out = self._rows(k, np.arange(self.length(k)), list(keys) if keys is not None else list(self.features))
        out["task"] = self.task(k)
        return out

    def iter_episodes(self, keys: Sequence[str] | None = None) -> Iterator[dict[str, Any]]:
        for k in range(self.num_episodes):
            yield self.episode(k, keys)

    def batches(self, batch_size: int, keys: Sequence[str] | None = None, shuffle: bool = True, seed: int = 0,
                drop_last: bool = False, as_torch: bool = False) -> Iterator[dict[str, Any]]:
        """Frame-level batches across episodes, one epoch: each key a (B, *shape) array (a tensor with
        ``as_torch``); ``task`` (the default keys include it) is a (B,) array of instruction strings.

        Video frames come from seeks into the mp4s (cheap with a small GOP); frames of one episode
        in a batch are decoded together.
        """
        if batch_size < 1:
            raise DatasetError(f"batch_size must be >= 1, got {batch_size}")
        keys = list(keys) if keys is not None else [*self.features, "task"]
        unknown = [k for k in keys if k not in self.features and k != "task"]
        if unknown:
            raise DatasetError(f"unknown keys {unknown}; valid: {', '.join([*self.features, 'task'])}")
        starts = self.episodes["dataset_from_index"].astype(np.int64)
        order = np.arange(int(self.episodes["dataset_to_index"][-1]))
        if shuffle:
            order = np.random.default_rng(seed).permutation(order)
        for b in range(0, len(order), batch_size):
            idx = order[b : b + batch_size]
            if drop_last and len(idx) < batch_size:
                break
            eps = np.searchsorted(starts, idx, side="right") - 1
            parts: dict[str, list[Any]] = {k: [] for k in keys}
            positions: list[np.ndarray] = []
            for ep in np.unique(eps):
                where = np.flatnonzero(eps == ep)
                rows = self._rows(int(ep), idx[where] - starts[ep], keys)
                for k in keys:
                    parts[k].append(rows[k])
                positions.append(where)
            inverse = np.argsort(np.concatenate(positions))
            batch: dict[str, Any] = {k: np.concatenate(v)[inverse] for k, v in parts.items()}
            if as_torch:
                import torch

                batch = {k: v if k == "task" else torch.from_numpy(np.ascontiguousarray(v)) for k, v in batch.items()}
            yield batch
