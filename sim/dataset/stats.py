"""LeRobot's normalisation statistics: per episode, and combined over a dataset.

Follows ``lerobot.datasets.compute_stats``: vectors get per-dimension stats of shape (D,); images
and videos per-channel stats of shape (3, 1, 1) in [0, 1] from at most ~100 evenly spaced frames;
``count`` is ``[n]``. Combining episodes weights means, variances and quantiles by count (the
quantiles are approximate, as in LeRobot's ``aggregate_stats``); min and max are exact.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pyarrow as pa

QUANTILES = {"q01": 0.01, "q10": 0.10, "q50": 0.50, "q90": 0.90, "q99": 0.99}
STAT_KEYS = ("min", "max", "mean", "std", "count", *QUANTILES)
Stats = dict[str, np.ndarray]


def sample_indices(length: int, min_samples: int = 100, max_samples: int = 10_000, power: float = 0.75) -> np.ndarray:
    """The frames LeRobot samples from an episode for image statistics (all of them up to 100)."""
    n = max(min(min_samples, length), min(int(length**power), max_samples))
    return np.unique(np.round(np.linspace(0, length - 1, n)).astype(int))


def _stats(x: np.ndarray, axis: int | tuple[int, ...], count: int, extreme_dtype: np.dtype[Any]) -> Stats:
    xf = x.astype(np.float64, copy=False)
    out: Stats = {"min": x.min(axis=axis).astype(extreme_dtype), "max": x.max(axis=axis).astype(extreme_dtype),
                  "mean": xf.mean(axis=axis), "std": xf.std(axis=axis), "count": np.array([count], dtype=np.int64)}
    # One sample has no spread: LeRobot reports the mean for every quantile.
    qs = np.quantile(xf, list(QUANTILES.values()), axis=axis) if count > 1 else [out["mean"]] * len(QUANTILES)
    for key, value in zip(QUANTILES, qs, strict=True):
        out[key] = np.array(value, dtype=np.float64)
    return out


def vector_stats(values: np.ndarray) -> Stats:
    """Stats of a (T, D) (or (T,)) numeric array; min/max keep the data's kind (bool, int64, float64)."""
    x = values.reshape(len(values), -1)
    kind = np.dtype(bool) if x.dtype == bool else np.dtype(np.int64) if x.dtype.kind in "iu" else np.dtype(np.float64)
    return _stats(x, 0, len(x), kind)


def constant_stats(value: int, length: int) -> Stats:
    """``vector_stats(np.full(length, value))`` without the sorting: every stat of a constant is the constant.

    Exact, not approximate: a sum of ``length`` copies of a small integer is exact in float64, so numpy's
    mean is the value itself and its std 0.
    """
    v = np.array([value], dtype=np.int64)
    out: Stats = {"min": v, "max": v.copy(), "mean": v.astype(np.float64), "std": np.zeros(1),
                  "count": np.array([length], dtype=np.int64)}
    for key in QUANTILES:
        out[key] = v.astype(np.float64)
    return out


def episode_vector_stats(arrays: Mapping[str, np.ndarray]) -> dict[str, Stats]:
    """``vector_stats`` of every (T, D) array of one episode, the vectors (D > 1) in one pass.

    A quantile, mean or std call costs ~0.1 ms whatever its width: one call over the concatenated
    columns instead of one per feature. The numbers are ``vector_stats``' bit for bit: each column of a
    C-ordered (T, D) array is reduced over its rows in row order, whatever D is. A (T, 1) array is not
    (numpy sums a contiguous vector pairwise), so those keep their own call.
    """
    out: dict[str, Stats] = {}
    wide = {k: np.asarray(v).reshape(len(v), -1) for k, v in arrays.items()}
    vectors = [k for k, v in wide.items() if v.shape[1] > 1 and v.dtype != bool]
    for key in wide:
        if key not in vectors:
            out[key] = vector_stats(arrays[key])
    if not vectors:
        return out
    length = len(wide[vectors[0]])
    joined = np.concatenate([wide[k].astype(np.float64, copy=False) for k in vectors], axis=1)
    both = _stats(joined, 0, length, np.dtype(np.float64))
    start = 0
    for key in vectors:
        x = wide[key]
        span = slice(start, start + x.shape[1])
        start += x.shape[1]
        stats = {k: (v if k == "count" else v[span].copy()) for k, v in both.items()}
        if x.dtype.kind in "iu":  # vector_stats keeps integer extremes as int64 (exact below 2**53)
            stats["min"], stats["max"] = stats["min"].astype(np.int64), stats["max"].astype(np.int64)
        out[key] = stats
    return out


def _channel_stats(values: np.ndarray) -> dict[str, float]:
    """Exact stats of uint8 values from their histogram (np.quantile's linear rule), much faster than sorting."""
    counts = np.bincount(values, minlength=256).astype(np.float64)
    levels = np.arange(256, dtype=np.float64)
    n = counts.sum()
    mean = float((counts * levels).sum() / n)
    out = {"min": float(np.flatnonzero(counts)[0]), "max": float(np.flatnonzero(counts)[-1]), "mean": mean,
           "std": float(np.sqrt((counts * (levels - mean) ** 2).sum() / n))}
    cum = np.cumsum(counts)
    for key, q in QUANTILES.items():
        rank = (n - 1) * q
        lo, hi = np.searchsorted(cum, np.floor(rank), side="right"), np.searchsorted(cum, np.ceil(rank), side="right")
        out[key] = float(lo + (hi - lo) * (rank - np.floor(rank)))
    return out


def image_stats(frames: np.ndarray) -> Stats:
    """Per-channel stats of (T, H, W, 3) uint8 frames, scaled to [0, 1], each of shape (3, 1, 1)."""
    sample = frames[sample_indices(len(frames))]
    h, w = sample.shape[1:3]
    if max(h, w) >= 300:  # LeRobot downsamples large images to ~150 px before the stats
        step = int(max(h, w) / 150)
        sample = sample[:, ::step, ::step]
    channels = [_channel_stats(np.ascontiguousarray(sample[..., c]).reshape(-1)) for c in range(3)]
    out: Stats = {k: np.array([ch[k] for ch in channels]).reshape(3, 1, 1) / 255.0 for k in channels[0]}
    out["count"] = np.array([len(sample)], dtype=np.int64)
    return out


def aggregate(stats_list: Sequence[Mapping[str, np.ndarray]]) -> Stats:
    """Combine per-episode stats of one feature (LeRobot's ``aggregate_feature_stats``)."""
    if not stats_list:
        raise ValueError("no statistics to aggregate")
    counts = np.array([int(np.asarray(s["count"]).reshape(-1)[0]) for s in stats_list], dtype=np.float64)
    total = counts.sum()
    means = np.stack([np.asarray(s["mean"], dtype=np.float64) for s in stats_list])
    w = counts.reshape((-1,) + (1,) * (means.ndim - 1))
    mean = (means * w).sum(axis=0) / total
    var = np.stack([np.asarray(s["std"], dtype=np.float64) ** 2 for s in stats_list])
    variance = ((var + (means - mean) ** 2) * w).sum(axis=0) / total
    out: Stats = {
        "min": np.min(np.stack([np.asarray(s["min"]) for s in stats_list]), axis=0),
        "max": np.max(np.stack([np.asarray(s["max"]) for s in stats_list]), axis=0),
        "mean": mean, "std": np.sqrt(variance), "count": np.array([int(total)], dtype=np.int64),
    }
    for key in QUANTILES:
        out[key] = (np.stack([np.asarray(s[key], dtype=np.float64) for s in stats_list]) * w).sum(axis=0) / total
    return out


def to_json(stats: Mapping[str, Mapping[str, np.ndarray]]) -> dict[str, dict[str, Any]]:
    return {feat: {k: np.asarray(v).tolist() for k, v in st.items()} for feat, st in stats.items()}


def from_json(data: Mapping[str, Mapping[str, Any]]) -> dict[str, Stats]:
    return {feat: {k: np.asarray(v) for k, v in st.items()} for feat, st in data.items()}


def arrow_type(stat: str, value: np.ndarray) -> pa.DataType:
    """The column type of ``stats/<feature>/<stat>`` in meta/episodes, as LeRobot writes it."""
    if stat == "count":
        base: pa.DataType = pa.int64()
    elif value.dtype == bool:
        base = pa.bool_()
    elif value.dtype.kind in "iu":
        base = pa.int64()
    else:
        base = pa.float64()
    for _ in range(max(value.ndim, 1)):
        base = pa.list_(base)
    return base
