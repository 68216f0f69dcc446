"""LeRobot's normalisation statistics: per episode, and combined over a dataset.

Follows ``lerobot.datasets.compute_stats``: vectors get per-dimension stats of shape (D,); images
and videos per-channel stats of shape (3, 1, 1) in [0, 1] from at most ~100 evenly spaced frames; depth maps
one channel's, (1, 1, 1) in millimetres;
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
_Q = np.array(list(QUANTILES.values()))


def sample_indices(length: int, min_samples: int = 100, max_samples: int = 10_000, power: float = 0.75) -> np.ndarray:
    """The frames LeRobot samples from an episode for image statistics (all of them up to 100)."""
    n = max(min(min_samples, length), min(int(length**power), max_samples))
    return np.unique(np.round(np.linspace(0, length - 1, n)).astype(int))


def column_quantiles(x: np.ndarray) -> np.ndarray:
    """``np.quantile(x, list(QUANTILES.values()), axis=0)`` of a (T, D) float64 array, T > 1, bit for bit.

    np.quantile partitions every column around each of up to 12 ranks: ~0.5 ms for a state-only episode's
    ~300 columns, the largest part of a worker's shard write; one sort of the columns costs a tenth. The
    interpolation is numpy's "linear" rule computed as numpy computes it (virtual index (T - 1) q, then
    a + (b - a) g, or b - (b - a) (1 - g) from g = 0.5 on). Sorted or partitioned, a column's values at
    the ranks are the same numbers, and the same bits unless it holds a -0.0 (equal to 0.0, so their
    order is open) or a NaN: those columns take np.quantile itself.
    """
    n = len(x)
    virtual = (n - 1) * _Q  # < n - 1 for every q < 1: always a next rank
    below = np.floor(virtual)
    gamma = (virtual - below)[:, None]
    rank = below.astype(np.intp)
    ordered = np.sort(x, axis=0)
    a, b = ordered[rank], ordered[rank + 1]
    diff = b - a
    out = a + diff * gamma
    np.subtract(b, diff * (1 - gamma), out=out, where=gamma >= 0.5)
    odd = (np.signbit(x) & (x == 0)).any(axis=0) | np.isnan(ordered[-1])  # NaN sorts last
    if odd.any():
        out[:, odd] = np.quantile(x[:, odd], _Q, axis=0)
    return out


def _stats(x: np.ndarray, axis: int | tuple[int, ...], count: int, extreme_dtype: np.dtype[Any]) -> Stats:
    xf = x.astype(np.float64, copy=False)
    out: Stats = {"min": x.min(axis=axis).astype(extreme_dtype), "max": x.max(axis=axis).astype(extreme_dtype),
                  "mean": xf.mean(axis=axis), "std": xf.std(axis=axis), "count": np.array([count], dtype=np.int64)}
    # One sample has no spread: LeRobot reports the mean for every quantile.
    if count < 2:
        qs: Any = [out["mean"]] * len(QUANTILES)
    else:
        qs = column_quantiles(xf) if axis == 0 and xf.ndim == 2 else np.quantile(xf, _Q, axis=axis)
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


def shifted_stats(stats: Stats, offset: int) -> Stats:
    """``vector_stats(np.arange(offset, offset + n))`` from ``stats = vector_stats(np.arange(n))``, bit for bit.

    The ``index`` column of each episode is its frame indices plus where it starts: one sort per episode length
    serves them all. Exact while the sums stay below 2**53: every value, sum and deviation from the mean is
    then a whole or half number, the mean and the interpolated quantiles of ``arange(n)`` are exact (so adding
    ``offset`` rounds once, as computing them directly does) and the deviations, hence the std, are the same.
    """
    out = {key: value.copy() for key, value in stats.items()}
    for key in ("min", "max", "mean", *QUANTILES):
        out[key] = out[key] + np.asarray(offset, dtype=out[key].dtype)
    return out


def episode_vector_stats(arrays: Mapping[str, np.ndarray]) -> dict[str, Stats]:
    """``vector_stats`` of every (T, D) array of one episode, bit for bit, in a few numpy calls for all of them.

    A quantile, mean or std call costs ~0.1 ms whatever its width, so the features share their calls: every
    column (float64) sits in one (T, D) array for min, max and the quantiles, which are order statistics and
    the same numbers in any layout. Mean and std are sums, whose order depends on the layout: each column of
    a C-ordered (T, D > 1) array is summed over its rows in row order, which is what ``vector_stats`` does
    for a vector too; a (T, 1) array is one contiguous run that numpy sums pairwise, so the (T, 1) features
    are reduced as the rows of their transposed (k, T) block (each row contiguous, summed pairwise the same way).
    Integer extremes are taken from the int64 values themselves, as ``vector_stats`` does.
    """
    wide = {k: np.asarray(v).reshape(len(v), -1) for k, v in arrays.items()}
    if not wide:
        return {}
    length = len(next(iter(wide.values())))
    if any(len(v) != length for v in wide.values()):
        return {k: vector_stats(v) for k, v in arrays.items()}  # not one episode: nothing to share
    joined = np.concatenate([v.astype(np.float64, copy=False) for v in wide.values()], axis=1)
    spans, start = {}, 0
    for key, v in wide.items():
        spans[key], start = slice(start, start + v.shape[1]), start + v.shape[1]
    scalars = [k for k, v in wide.items() if v.shape[1] == 1]
    lo, hi = joined.min(axis=0), joined.max(axis=0)
    mean, std = joined.mean(axis=0), joined.std(axis=0)
    if scalars:
        columns = [spans[k].start for k in scalars]
        runs = np.ascontiguousarray(joined[:, columns].T)  # (k, T): one contiguous row per (T, 1) feature
        mean[columns], std[columns] = runs.mean(axis=1), runs.std(axis=1)
    # One sample has no spread: LeRobot reports the mean for every quantile.
    qs = column_quantiles(joined) if length > 1 else np.stack([mean] * len(QUANTILES))
    count = np.array([length], dtype=np.int64)
    out: dict[str, Stats] = {}
    for key, x in wide.items():
        span = spans[key]
        if x.dtype == bool:
            extremes = lo[span].astype(bool), hi[span].astype(bool)
        elif x.dtype.kind in "iu":  # exact for any int64, as vector_stats' own reduction
            extremes = x.min(axis=0).astype(np.int64), x.max(axis=0).astype(np.int64)
        else:
            extremes = lo[span].copy(), hi[span].copy()
        stats: Stats = {"min": extremes[0], "max": extremes[1], "mean": mean[span].copy(), "std": std[span].copy(),
                        "count": count.copy()}
        for i, name in enumerate(QUANTILES):
            stats[name] = qs[i, span].copy()
        out[key] = stats
    return out


def _channel_stats(values: np.ndarray, levels: int = 256) -> dict[str, float]:
    """Exact stats of unsigned integer values below ``levels`` from their histogram (np.quantile's linear rule),
    much faster than sorting."""
    counts = np.bincount(values, minlength=levels).astype(np.float64)
    grid = np.arange(len(counts), dtype=np.float64)
    n = counts.sum()
    mean = float((counts * grid).sum() / n)
    out = {"min": float(np.flatnonzero(counts)[0]), "max": float(np.flatnonzero(counts)[-1]), "mean": mean,
           "std": float(np.sqrt((counts * (grid - mean) ** 2).sum() / n))}
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


def depth_stats(frames: np.ndarray) -> Stats:
    """Stats of (T, H, W) uint16 depth frames over every pixel of every frame, in millimetres, each of shape
    (1, 1, 1): one channel, as LeRobot keeps a depth map's (not scaled to [0, 1]); ``count`` is T.

    Every frame, not the ~100 sampled for RGB: a 65536-bin histogram of all of them costs ~1 ms per 100 frames
    at 64x64, and the quantiles are then exact.
    """
    if frames.dtype != np.uint16 or frames.ndim != 3:
        raise ValueError(f"depth frames are (T, H, W) uint16 millimetres, got {frames.shape} {frames.dtype}")
    channel = _channel_stats(frames.reshape(-1), levels=1 << 16)
    out: Stats = {k: np.array([v], dtype=np.float64).reshape(1, 1, 1) for k, v in channel.items()}
    out["count"] = np.array([len(frames)], dtype=np.int64)
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
