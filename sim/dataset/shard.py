"""Worker-local shards: one episode per folder (or file), written atomically, checked by hash when read back.

A shard folder holds ``frames.arrow`` (the record features; PNG frames too in image mode),
``videos/<camera>.mp4`` in video mode and ``shard.json`` (spec, task, the record's meta plus attempt and
length, which the datagen driver scans on resume, stats, the size and SHA-256 of every other file, and
the SHA-256 of its own content). The folder is built under a dot-name ending in ``.partial`` and
renamed into place when complete, so a folder under its final name is always a whole shard.

A shard without videos (state only, or images stored as PNG) is one file instead, ``<name>.shard``: the
shard.json text, a newline, then the frames.arrow bytes, written under a dot-name and renamed the same
way. Folders cost the data factory more than their bytes: under other processes' disk traffic each
``rmdir`` of the finished run's clean-up waited ~4 ms on the file system's journal (~150 ms for a
40-episode state-only run, 8% of its physics), and a folder's creation was as costly as a file's.

Shards are not fsynced. A killed process (SIGKILL) cannot expose a partial shard: the rename is atomic
and written data lives in the page cache. Only an OS crash or power loss could leave a renamed shard
with short or corrupt files, and ``read_shard`` catches that (sizes, SHA-256): the datagen resume scan
drops such a shard and re-runs its attempt, and the committer checks the hashes again. The five fsyncs
per shard cost ~45 ms per episode on a shared disk, a third of a state-only episode's physics. The
committed dataset is fsynced: every file and folder before the rename, the dataset folder after it, and
``manifest.json`` last.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.ipc

from sim.dataset import stats as st
from sim.dataset.depth import depth_feature, encode_depth_png
from sim.dataset.errors import DatasetFileError, DatasetSchemaError
from sim.dataset.files import sha256_file, to_json_text
from sim.dataset.layout import IMAGE_STRUCT, data_schema, read_json, to_arrow
from sim.dataset.png import encode_png
from sim.dataset.record import EpisodeRecord
from sim.dataset.schema import DatasetSpec
from sim.dataset.stats_codec import stats_from_json, stored_stats_json
from sim.dataset.video import encode_video

SHARD_FORMAT = "armstack-shard/4"
"""2: per-episode stats of every feature; 3: Arrow IPC frames, stats as bytes; 4: depth as 16-bit PNG columns."""
FRAMES_FILE = "frames.arrow"
SHARD_FILE = "shard.json"
PARTIAL_SUFFIX = ".partial"
FLAT_SUFFIX = ".shard"


@dataclass(frozen=True, kw_only=True)
class Shard:
    """A complete shard as read back: what the committer needs, without loading the frames."""

    path: Path
    spec: dict[str, Any]
    task: str
    attempt: int
    length: int
    meta: dict[str, Any]
    stats: dict[str, st.Stats]
    """LeRobot's per-episode stats of every record feature, computed by the worker (in parallel, not by the
    committer, which runs alone after every worker has finished)."""
    image_stats: dict[str, st.Stats]
    """Per camera key and depth key, computed by the worker from the raw (not re-decoded) frames."""
    files: dict[str, dict[str, Any]]
    """Relative path -> {"bytes", "sha256"} for every file but shard.json."""
    flat: bool = False
    """One file (``flat_path``) holding shard.json and the frames, not a folder (see the module's docstring)."""

    @property
    def flat_path(self) -> Path:
        return flat_path(self.path)

    @property
    def frames_path(self) -> Path:
        """Where the frames are: their own file in a folder shard, the end of a flat shard's file."""
        return self.flat_path if self.flat else self.path / FRAMES_FILE

    def video_path(self, camera: str) -> Path:
        return self.path / "videos" / f"{camera}.mp4"

    def size(self, relpath: str) -> int:
        return int(self.files[relpath]["bytes"])

    def read_frames(self) -> pa.Table:
        path = self.frames_path
        if not path.is_file():
            raise DatasetFileError(path, "missing")
        try:
            if self.flat:  # the frames are the file's last bytes
                with open(path, "rb") as f:
                    f.seek(-self.size(FRAMES_FILE), os.SEEK_END)
                    return pa.ipc.open_file(pa.py_buffer(f.read())).read_all()
            with pa.OSFile(str(path), "rb") as source:
                return pa.ipc.open_file(source).read_all()
        except (pa.ArrowException, OSError, ValueError) as exc:
            raise DatasetFileError(path, f"unreadable Arrow IPC file ({exc})") from exc


def flat_path(shard_path: Path) -> Path:
    """The file of the flat shard named ``shard_path`` (``.../attempt-0000003`` -> ``.../attempt-0000003.shard``)."""
    return shard_path.with_name(shard_path.name + FLAT_SUFFIX)


def validate_record(record: EpisodeRecord, spec: DatasetSpec) -> dict[str, np.ndarray]:
    """The record's frames as (T, n) arrays of the spec's dtypes, or a DatasetSchemaError saying what is off."""
    if not isinstance(record, EpisodeRecord):
        raise DatasetSchemaError(f"expected an EpisodeRecord, got {type(record).__name__}")
    missing = sorted(set(spec.feature_names) - set(record.frames))
    extra = sorted(set(record.frames) - set(spec.feature_names))
    if missing or extra:
        raise DatasetSchemaError(f"record of attempt {record.attempt}: frames keys do not match the spec "
                                 f"(missing: {missing}, unexpected: {extra}); expected {list(spec.feature_names)}")
    if set(record.images) != set(spec.cameras):
        raise DatasetSchemaError(f"record of attempt {record.attempt}: cameras {sorted(record.images)} do not "
                                 f"match the spec's {list(spec.cameras)}")
    if set(record.depth) != set(spec.depth_cameras):
        raise DatasetSchemaError(f"record of attempt {record.attempt}: depth of cameras {sorted(record.depth)} does "
                                 f"not match the spec's depth_cameras {list(spec.depth_cameras)}")
    if not isinstance(record.task, str) or not record.task.strip():
        raise DatasetSchemaError(f"record of attempt {record.attempt}: task must be a non-empty instruction, "
                                 f"got {record.task!r}")
    length = record.length
    if length < 1:
        raise DatasetSchemaError(f"record of attempt {record.attempt} has no frames")
    out: dict[str, np.ndarray] = {}
    for feat in spec.features:
        arr = np.asarray(record.frames[feat.name])
        if arr.shape == (length,) and feat.size == 1:
            arr = arr.reshape(length, 1)
        where = f"record of attempt {record.attempt}, feature {feat.name!r}"
        if arr.shape != (length, feat.size):
            raise DatasetSchemaError(f"{where}: shape {arr.shape}, expected ({length}, {feat.size})")
        kind = arr.dtype.kind
        ok = {"bool": kind == "b", "int64": kind in "iu", "float32": kind in "fiu", "float64": kind in "fiu"}
        if not ok[feat.dtype]:
            raise DatasetSchemaError(f"{where}: dtype {arr.dtype} cannot be stored as {feat.dtype}")
        arr = arr.astype(feat.dtype, copy=False)
        if kind == "f" and not np.isfinite(arr).all():
            frame = int(np.argwhere(~np.isfinite(arr))[0][0])
            raise DatasetSchemaError(f"{where}: non-finite value at frame {frame}")
        out[feat.name] = arr
    expected = (length, spec.image_height, spec.image_width, 3)
    for cam, frames in record.images.items():
        if frames.shape != expected or frames.dtype != np.uint8:
            raise DatasetSchemaError(f"record of attempt {record.attempt}, camera {cam!r}: frames {frames.shape} "
                                     f"{frames.dtype}, expected {expected} uint8")
    for cam, depth in record.depth.items():
        if depth.shape != expected[:3] or depth.dtype != np.uint16:
            raise DatasetSchemaError(f"record of attempt {record.attempt}, depth of camera {cam!r}: {depth.shape} "
                                     f"{depth.dtype}, expected {expected[:3]} uint16 millimetres (depth_image_mm)")
    return out


def _write_bytes(path: Path, data: bytes | memoryview) -> None:
    with open(path, "wb") as f:
        f.write(data)


def write_shard(record: EpisodeRecord, spec: DatasetSpec, shard_dir: Path) -> Path:
    """Write ``record`` as the shard ``shard_dir`` (replacing one already there); returns ``shard_dir``."""
    return write_episode_shard(record, spec, shard_dir).path


def write_episode_shard(record: EpisodeRecord, spec: DatasetSpec, shard_dir: Path) -> Shard:
    """``write_shard``, returning the ``Shard`` that ``read_shard`` would read back, without reading it.

    A datagen worker hands this to the driver, whose commit then neither parses the shard's JSON again nor
    re-hashes its files (the worker hashed what it wrote).
    """
    shard_dir = Path(shard_dir)
    if shard_dir.name.startswith("."):
        raise DatasetSchemaError(f"shard folder name {shard_dir.name!r} must not start with '.' (kept for temp files)")
    arrays = validate_record(record, spec)
    meta = dict(record.meta)
    for key, value in (("attempt", record.attempt), ("length", record.length)):
        if key in meta and meta[key] != value:
            raise DatasetSchemaError(f"record of attempt {record.attempt}: meta[{key!r}] = {meta[key]!r} "
                                     f"disagrees with the record ({value!r})")
        meta[key] = value
    # Through JSON now, so the Shard returned holds what read_shard would read back; then encoded as read_shard
    # will re-encode it (non-string keys become strings, which sort differently), the text that goes into shard.json.
    meta = json.loads(to_json_text(meta, f"meta of the record of attempt {record.attempt}", compact=True))
    meta_json = to_json_text(meta, SHARD_FILE, compact=True)
    layout = _layout(spec)
    flat = not (spec.storage == "video" and spec.cameras)  # no video files: the shard fits in one file

    shard_dir.parent.mkdir(parents=True, exist_ok=True)
    name = shard_dir.name + (FLAT_SUFFIX if flat else "")
    tmp = shard_dir.parent / f".{name}.{os.getpid()}.{uuid.uuid4().hex[:8]}{PARTIAL_SUFFIX}"
    if not flat:
        tmp.mkdir()
    try:
        columns = {f.name: to_arrow(f.name, layout.features[f.name], arrays[f.name]) for f in spec.features}
        stats = st.episode_vector_stats(arrays)
        image_stats: dict[str, st.Stats] = {}
        videos: list[str] = []
        for cam in spec.cameras:
            frames = record.images[cam]
            key = spec.camera_key(cam)
            image_stats[key] = st.image_stats(frames)
            if spec.storage == "image":
                columns[key] = pa.array([{"bytes": encode_png(f), "path": f"frame-{k:06d}.png"}
                                         for k, f in enumerate(frames)], type=IMAGE_STRUCT)
            else:
                (tmp / "videos").mkdir(exist_ok=True)
                encode_video(frames, tmp / "videos" / f"{cam}.mp4", spec.fps, spec.codec)
                videos.append(f"videos/{cam}.mp4")
        for cam, key in zip(spec.depth_cameras, spec.depth_keys, strict=True):
            depth = record.depth[cam]
            image_stats[key] = st.depth_stats(depth)
            columns[key] = pa.array([{"bytes": encode_depth_png(f), "path": f"frame-{k:06d}.png"}
                                     for k, f in enumerate(depth)], type=IMAGE_STRUCT)
        table = pa.table(columns, schema=layout.schema)
        # Hashed from the bytes in memory as they are written, not read back from the files.
        arrow = memoryview(_arrow_bytes(table))
        files = {FRAMES_FILE: {"bytes": len(arrow), "sha256": hashlib.sha256(arrow).hexdigest()}}
        if not flat:
            _write_bytes(tmp / FRAMES_FILE, arrow)
        for rel in videos:
            files[rel] = {"bytes": (tmp / rel).stat().st_size, "sha256": sha256_file(tmp / rel)}
        files = dict(sorted(files.items()))
        stored, stats_json = stored_stats_json(stats, SHARD_FILE)
        stored_images, image_stats_json = stored_stats_json(image_stats, SHARD_FILE)
        # Each part encoded once (the spec once per spec), for the hash and for the file: see _json_object.
        small = {"format": SHARD_FORMAT, "task": record.task, "attempt": record.attempt, "length": record.length,
                 "files": files}
        parts = {key: to_json_text(value, SHARD_FILE, compact=True) for key, value in small.items()}
        parts.update(spec=layout.spec_json, meta=meta_json, stats=stats_json, image_stats=image_stats_json)
        parts["shard_sha256"] = json.dumps(hashlib.sha256(_json_object(parts).encode()).hexdigest())
        text = _json_object(parts).encode()
        if flat:
            with open(tmp, "wb") as f:
                f.write(text + b"\n")
                f.write(arrow)
            os.replace(tmp, flat_path(shard_dir))
        else:
            _write_bytes(tmp / SHARD_FILE, text)
            _move_into_place(tmp, shard_dir)
        _remove_other_layout(shard_dir, flat)
    except BaseException:
        if tmp.is_dir():
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            tmp.unlink(missing_ok=True)
        raise
    # What read_shard would return, without reading it.
    return Shard(path=shard_dir, spec=spec.content_dict(), task=record.task, attempt=record.attempt,
                 length=record.length, meta=meta, files=files, stats=stored, image_stats=stored_images, flat=flat)


def _remove_other_layout(shard_path: Path, flat: bool) -> None:
    """A rewritten shard replaces one of the other layout too (read_shard would find the folder first)."""
    if flat and shard_path.is_dir():
        shutil.rmtree(shard_path)
    elif not flat:
        flat_path(shard_path).unlink(missing_ok=True)


@dataclass(frozen=True, kw_only=True)
class _Layout:
    """What every shard of one spec shares: feature dicts and Arrow schema of the frames file, the spec's JSON."""

    features: dict[str, dict[str, Any]]
    schema: pa.Schema
    spec_json: str


@functools.lru_cache(maxsize=8)
def _layout(spec: DatasetSpec) -> _Layout:
    """Built once per spec (a worker writes every shard with one), not per episode: ~0.2 ms each time."""
    features = {f.name: f.to_lerobot() for f in spec.features}
    if spec.storage == "image":
        features.update({spec.camera_key(cam): spec.camera_feature() for cam in spec.cameras})
    features.update({key: depth_feature(spec.image_height, spec.image_width) for key in spec.depth_keys})
    return _Layout(features=features, schema=data_schema(features),
                   spec_json=to_json_text(spec.content_dict(), "the dataset spec", compact=True))


def _json_object(parts: dict[str, str]) -> str:
    """``to_json_text(payload, compact=True)`` from the already encoded values of ``payload``'s keys.

    The same text (sorted keys, no spaces: json's C encoder writes exactly this), so ``read_shard``, which
    re-encodes the parsed file, checks the same bytes; each value is encoded once instead of once for the
    hash and again for the file.
    """
    return "{" + ",".join(f"{json.dumps(key)}:{parts[key]}" for key in sorted(parts)) + "}"


def _arrow_bytes(table: pa.Table) -> pa.Buffer:
    sink = pa.BufferOutputStream()
    with pa.ipc.new_file(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue()


def _move_into_place(tmp: Path, final: Path) -> None:
    """Rename ``tmp`` to ``final``; an existing ``final`` (a re-run attempt) is swapped out first."""
    old = None
    if final.exists():
        old = final.parent / f".{final.name}.old.{uuid.uuid4().hex[:8]}{PARTIAL_SUFFIX}"
        os.rename(final, old)
    os.rename(tmp, final)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def read_shard(path: Path, spec: DatasetSpec | None = None, verify: bool = True) -> Shard:
    """A complete shard, checked against its own file list (sizes; hashes when ``verify``) and ``spec``.

    ``path`` names the shard: its folder, or for a flat shard the same name without ``.shard`` (or the file).
    """
    path = Path(path)
    if path.name.endswith(FLAT_SUFFIX) and not path.name.startswith("."):
        path = path.with_name(path.name.removesuffix(FLAT_SUFFIX))
    if path.name.startswith("."):
        raise DatasetFileError(path, "is a temporary (partial) shard, not a complete one")
    flat = not path.is_dir() and flat_path(path).is_file()
    if not path.is_dir() and not flat:
        raise DatasetFileError(path, "missing shard folder")
    where = flat_path(path) if flat else path / SHARD_FILE
    info = _read_flat_header(where) if flat else read_json(where)
    if not isinstance(info, dict) or info.get("format") != SHARD_FORMAT:
        raise DatasetFileError(where, f"not an armstack shard (format {SHARD_FORMAT!r} expected)")
    if verify:
        body = to_json_text({k: v for k, v in info.items() if k != "shard_sha256"}, SHARD_FILE, compact=True)
        if hashlib.sha256(body.encode()).hexdigest() != info.get("shard_sha256"):
            raise DatasetFileError(where, "content differs from the SHA-256 it recorded (corrupt)")
    shard = Shard(path=path, spec=info["spec"], task=info["task"], attempt=int(info["attempt"]),
                  length=int(info["length"]), meta=info["meta"], files=info["files"],
                  stats=stats_from_json(info["stats"]), image_stats=stats_from_json(info["image_stats"]), flat=flat)
    return check_shard(shard, spec, verify)


def _read_flat_header(path: Path) -> Any:
    """The shard.json part of a flat shard: its first line."""
    try:
        with open(path, "rb") as f:
            line = f.readline()
        if not line.endswith(b"\n"):
            raise ValueError("no end of the header line")
        return json.loads(line)
    except (OSError, ValueError) as exc:
        raise DatasetFileError(path, f"not a readable armstack shard ({exc})") from exc


def check_shard(shard: Shard, spec: DatasetSpec | None = None, verify: bool = True) -> Shard:
    """``read_shard``'s checks on a ``Shard`` already in memory (its files still there, same sizes; hashes when
    ``verify``; written with ``spec``)."""
    if shard.flat:
        _check_flat(shard, verify)
    else:
        _check_files(shard.path, shard.files, verify)
    _check_spec(shard.path, shard.spec, spec)
    return shard


def _check_flat(shard: Shard, verify: bool) -> None:
    """A flat shard's file: its header line, then exactly the frames it recorded (size; SHA-256 when ``verify``)."""
    path = shard.flat_path
    if set(shard.files) != {FRAMES_FILE}:
        raise DatasetFileError(path, f"a flat shard holds only {FRAMES_FILE}, this one lists {sorted(shard.files)}")
    if not path.is_file():
        raise DatasetFileError(path, "missing")
    entry = shard.files[FRAMES_FILE]
    with open(path, "rb") as f:
        header = len(f.readline())
        size = os.fstat(f.fileno()).st_size
        if size - header != entry["bytes"]:
            raise DatasetFileError(path, f"has {size} bytes, the shard recorded a {header}-byte header line and "
                                         f"{entry['bytes']} bytes of frames")
        if verify and hashlib.sha256(f.read()).hexdigest() != entry["sha256"]:
            raise DatasetFileError(path, "content differs from the SHA-256 its shard recorded (corrupt)")


def _check_files(path: Path, files: dict[str, dict[str, Any]], verify: bool) -> None:
    for rel, entry in files.items():
        file = path / rel
        if not file.is_file():
            raise DatasetFileError(file, "missing from its shard")
        if file.stat().st_size != entry["bytes"]:
            raise DatasetFileError(file, f"has {file.stat().st_size} bytes, the shard recorded {entry['bytes']}")
        if verify and sha256_file(file) != entry["sha256"]:
            raise DatasetFileError(file, "content differs from the SHA-256 its shard recorded (corrupt)")


def _check_spec(path: Path, stored: dict[str, Any], spec: DatasetSpec | None) -> None:
    if spec is not None and stored != spec.content_dict():
        want = spec.content_dict()
        diff = sorted(k for k in set(want) | set(stored) if want.get(k) != stored.get(k))
        raise DatasetSchemaError(f"shard {path} was written with another dataset spec (differs in: {', '.join(diff)})")


def remove_partial_shards(root: Path) -> list[Path]:
    """Delete what killed writes left in ``root`` (``.*.partial``); returns what was removed."""
    removed = []
    if Path(root).is_dir():
        for entry in Path(root).iterdir():
            if entry.name.startswith(".") and entry.name.endswith(PARTIAL_SUFFIX):
                shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
                removed.append(entry)
    return removed
