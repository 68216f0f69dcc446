"""Where LeRobot v3.0 keeps things and how features map to Arrow columns (shared by writer, reader, verifier)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from sim.dataset.errors import DatasetFileError, DatasetSchemaError

INFO_PATH = "meta/info.json"
STATS_PATH = "meta/stats.json"
TASKS_PATH = "meta/tasks.parquet"
EPISODES_DIR = "meta/episodes"
ARMSTACK_EPISODES_PATH = "meta/armstack_episodes.jsonl"
MANIFEST_PATH = "manifest.json"
DATA_PATH = "data/chunk-{chunk_index:03d}/file-{file_index:03d}.parquet"
VIDEO_PATH = "videos/{video_key}/chunk-{chunk_index:03d}/file-{file_index:03d}.mp4"
EPISODES_PATH = "meta/episodes/chunk-{chunk_index:03d}/file-{file_index:03d}.parquet"
IMAGE_STRUCT = pa.struct([("bytes", pa.binary()), ("path", pa.string())])
_SCALAR_TYPES: dict[str, pa.DataType] = {
    "float32": pa.float32(), "float64": pa.float64(), "int64": pa.int64(), "bool": pa.bool_(),
}


def data_path(chunk: int, file: int) -> str:
    return DATA_PATH.format(chunk_index=chunk, file_index=file)


def video_path(video_key: str, chunk: int, file: int) -> str:
    return VIDEO_PATH.format(video_key=video_key, chunk_index=chunk, file_index=file)


def episodes_path(chunk: int, file: int) -> str:
    return EPISODES_PATH.format(chunk_index=chunk, file_index=file)


def next_file(chunk: int, file: int, chunks_size: int) -> tuple[int, int]:
    """LeRobot's rule: files 0..chunks_size-1 in a chunk, then the next chunk."""
    return (chunk + 1, 0) if file == chunks_size - 1 else (chunk, file + 1)


# --- features <-> Arrow ----------------------------------------------------------------------
def is_visual(feature: Mapping[str, Any]) -> bool:
    return feature["dtype"] in ("video", "image")


def arrow_type(name: str, feature: Mapping[str, Any]) -> pa.DataType:
    """The column type LeRobot (via HF datasets) expects: scalars for shape [1], fixed-size lists for vectors."""
    dtype, shape = feature["dtype"], list(feature["shape"])
    if dtype == "image":
        return IMAGE_STRUCT
    if dtype not in _SCALAR_TYPES:
        raise DatasetSchemaError(f"feature {name!r} has dtype {dtype!r} which has no parquet column; "
                                 f"valid: {', '.join(_SCALAR_TYPES)}, image")
    if shape == [1]:
        return _SCALAR_TYPES[dtype]
    if len(shape) != 1:
        raise DatasetSchemaError(f"feature {name!r} has shape {shape}; only vectors (n,) are supported")
    return pa.list_(_SCALAR_TYPES[dtype], shape[0])


def data_schema(features: Mapping[str, Mapping[str, Any]]) -> pa.Schema:
    """The schema of every data parquet file: every non-video feature, in feature order."""
    fields = [pa.field(name, arrow_type(name, ft)) for name, ft in features.items() if ft["dtype"] != "video"]
    return pa.schema(fields, metadata={"huggingface": json.dumps(hf_features(features))})


def hf_features(features: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """The ``huggingface`` schema metadata LeRobot's own writer stores (HF datasets' feature types)."""
    out: dict[str, Any] = {}
    for name, ft in features.items():
        if ft["dtype"] == "video":
            continue
        if ft["dtype"] == "image":
            out[name] = {"_type": "Image"}
        elif list(ft["shape"]) == [1]:
            out[name] = {"dtype": ft["dtype"], "_type": "Value"}
        else:
            out[name] = {"feature": {"dtype": ft["dtype"], "_type": "Value"}, "length": ft["shape"][0],
                         "_type": "List"}
    return {"info": {"features": out}}


def to_arrow(name: str, feature: Mapping[str, Any], values: np.ndarray) -> pa.Array:
    """A (T, n) numeric array (or (T,) / (T, 1) for shape [1]) as the column of ``feature``."""
    typ = arrow_type(name, feature)
    arr = np.ascontiguousarray(values, dtype=np.dtype(feature["dtype"]))
    if pa.types.is_fixed_size_list(typ):
        return pa.FixedSizeListArray.from_arrays(_wrap(arr.reshape(-1), typ.value_type), typ.list_size)
    return _wrap(arr.reshape(-1), typ)


def _wrap(flat: np.ndarray, typ: pa.DataType) -> pa.Array:
    """``pa.array(flat, type=typ)`` for a 1-D numeric array, built from its buffer.

    The same array, without nulls; but ``pa.array`` on an ndarray imports pandas the first time (0.2-0.4 s
    CPU), which was a third of a spawned datagen worker's start-up.
    """
    if pa.types.is_boolean(typ):
        data = np.packbits(flat, bitorder="little")  # Arrow booleans are bits, least significant first
    else:
        data = np.ascontiguousarray(flat)
    return pa.Array.from_buffers(typ, len(flat), [None, pa.py_buffer(data)])


def from_arrow(name: str, feature: Mapping[str, Any], column: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """The column of a numeric feature as a (T, *shape) numpy array."""
    if isinstance(column, pa.ChunkedArray):
        column = column.combine_chunks()
    n = len(column)
    shape = tuple(feature["shape"])
    dtype = np.dtype(feature["dtype"])
    if pa.types.is_fixed_size_list(column.type) or pa.types.is_list(column.type):
        flat = column.flatten().to_numpy(zero_copy_only=False)
    else:
        flat = column.to_numpy(zero_copy_only=False)
    if flat.size != n * int(np.prod(shape)):
        raise DatasetSchemaError(f"column {name!r} holds {flat.size} values for {n} rows of shape {list(shape)}")
    return flat.astype(dtype, copy=False).reshape((n, *shape))


# --- tasks.parquet: the task strings are the pandas index ----------------------------------
def tasks_table(tasks: list[str]) -> pa.Table:
    """``meta/tasks.parquet`` as pandas writes a DataFrame indexed by ``task`` (LeRobot reads ``df.index``)."""
    pandas_meta = {
        "index_columns": ["task"],
        "column_indexes": [{"name": None, "field_name": None, "pandas_type": "unicode", "numpy_type": "object",
                            "metadata": {"encoding": "UTF-8"}}],
        "columns": [
            {"name": "task_index", "field_name": "task_index", "pandas_type": "int64", "numpy_type": "int64",
             "metadata": None},
            {"name": "task", "field_name": "task", "pandas_type": "unicode", "numpy_type": "object", "metadata": None},
        ],
        "attributes": {}, "creator": {"library": "pyarrow", "version": pa.__version__}, "pandas_version": "2.2.3",
    }
    schema = pa.schema([("task_index", pa.int64()), ("task", pa.string())],
                       metadata={"pandas": json.dumps(pandas_meta)})
    return pa.table({"task_index": np.arange(len(tasks), dtype=np.int64), "task": tasks}, schema=schema)


def read_tasks(path: Path) -> list[str]:
    """Task strings ordered by task_index, from a tasks.parquet written by us or by LeRobot."""
    table = read_parquet(path)
    pandas_meta = json.loads((table.schema.metadata or {}).get(b"pandas", b"{}"))
    index_cols = [c for c in pandas_meta.get("index_columns", []) if isinstance(c, str)]
    col = index_cols[0] if index_cols else "task"
    if col not in table.column_names or "task_index" not in table.column_names:
        raise DatasetFileError(path, f"expected a 'task_index' column and the task strings as the pandas index, "
                                     f"found columns {table.column_names}")
    order = np.argsort(table.column("task_index").to_numpy())
    tasks = [str(t) for t in np.asarray(table.column(col).to_pylist(), dtype=object)[order]]
    if sorted(table.column("task_index").to_pylist()) != list(range(len(tasks))):
        raise DatasetFileError(path, "task_index must be 0..n-1")
    return tasks


def read_parquet(path: Path, columns: list[str] | None = None) -> pa.Table:
    """A parquet file, or a DatasetFileError naming it (missing, truncated, corrupt)."""
    if not path.is_file():
        raise DatasetFileError(path, "missing")
    try:
        return pq.read_table(path, columns=columns)
    except (pa.ArrowException, OSError, ValueError) as exc:
        raise DatasetFileError(path, f"unreadable parquet ({exc})") from exc


def read_json(path: Path) -> Any:
    if not path.is_file():
        raise DatasetFileError(path, "missing")
    try:
        return json.loads(path.read_text())
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DatasetFileError(path, f"not valid JSON ({exc})") from exc
