"""Per-episode stats as shards store them: each array's dtype, shape and bytes (base64) in JSON."""

from __future__ import annotations

import base64
from typing import Any

import numpy as np

from sim.dataset import stats as st
from sim.dataset.errors import DatasetSchemaError
from sim.dataset.files import to_json_text

# Stats travel as the bytes of their arrays (base64) with dtype and shape: exact like JSON numbers, but JSON's
# float repr of ~10 stats x ~270 dimensions per episode was ~3 ms, a tenth of a state-only episode's cost.
_STAT_DTYPES = ("<f8", "<i8", "|b1")  # what sim.dataset.stats produces: float64, int64 counts/extremes, bools


def stored_stats(stats: dict[str, st.Stats]) -> dict[str, st.Stats]:
    """The stats as a shard stores them, and as ``stats_from_json`` reads them back: float64, int64 or bool."""
    out: dict[str, st.Stats] = {}
    for name, d in stats.items():
        out[name] = {}
        for key, value in d.items():
            arr = np.asarray(value)
            if arr.dtype.str not in _STAT_DTYPES:  # as JSON numbers would come back: float64, int64 or bool
                arr = np.asarray(arr.tolist())
            out[name][key] = np.ascontiguousarray(arr)
    return out


def stats_to_json(stats: dict[str, st.Stats]) -> dict[str, dict[str, Any]]:
    """``stored_stats`` output as JSON: each array's dtype, shape and base64 bytes."""
    return {name: {key: {"dtype": arr.dtype.str, "shape": list(arr.shape),
                         "data": base64.b64encode(arr.tobytes()).decode("ascii")} for key, arr in d.items()}
            for name, d in stats.items()}


def stored_stats_json(stats: dict[str, st.Stats], what: str) -> tuple[dict[str, st.Stats], str]:
    """``stored_stats`` and the compact JSON text of its ``stats_to_json``."""
    stored = stored_stats(stats)
    return stored, to_json_text(stats_to_json(stored), what, compact=True)


def stats_from_json(data: dict[str, dict[str, Any]]) -> dict[str, st.Stats]:
    out: dict[str, st.Stats] = {}
    for name, d in data.items():
        out[name] = {}
        for key, value in d.items():
            if value.get("dtype") not in _STAT_DTYPES:
                raise DatasetSchemaError(f"stat {name}/{key}: dtype {value.get('dtype')!r}, expected one of "
                                         f"{', '.join(_STAT_DTYPES)}")
            raw = base64.b64decode(value["data"])
            out[name][key] = np.frombuffer(raw, dtype=np.dtype(value["dtype"])).reshape(value["shape"]).copy()
    return out
