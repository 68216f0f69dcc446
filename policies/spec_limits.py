"""Bounds on every number in a ``policy.json``, checked before any of them sizes an allocation.

A checkpoint is data from elsewhere: ``arch_params.hidden: 10000000`` once allocated 5.7 GB before a 400 TB
request failed with a traceback. Known fields have tight bounds (the shipped policy is far inside them);
every other number must be finite and at most ``ANY_NUMBER`` in size, and every list at most ``ANY_LIST`` long.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Any

from policies.errors import CheckpointError

MAX_SPEC_BYTES = 64 * 1024 * 1024
"""policy.json size limit (a 1M-episode dataset's seed list is ~20 MB)."""
MAX_PARAMETERS = 50_000_000
"""Network size limit (200 MB of float32); the shipped BC policy has ~0.3 M."""
ANY_NUMBER = 1e15
ANY_LIST = 10_000_000


@dataclass(frozen=True)
class Bound:
    low: float
    high: float
    integer: bool = False
    max_items: int | None = None
    """For a field that may be a list of such numbers (``hidden`` of an SB3 actor): its longest length."""


_DIM = Bound(1, 65_536, integer=True)
FIELD_BOUNDS: dict[str, Bound] = {
    "format_version": Bound(0, 1_000, integer=True),
    "control_hz": Bound(0.1, 1_000),
    "arch_params.in_dim": _DIM,
    "arch_params.text_dim": Bound(1, 4_096, integer=True),
    "arch_params.out_dim": Bound(1, 256, integer=True),
    "arch_params.hidden": Bound(1, 16_384, integer=True, max_items=64),
    "arch_params.depth": Bound(1, 64, integer=True),
    "arch_params.text_proj": Bound(1, 4_096, integer=True),
    "observation.text_dim": Bound(1, 4_096, integer=True),
    "observation.past_actions": Bound(0, 64, integer=True),
    "observation.widths.*": _DIM,
    "action.dim": Bound(1, 256, integer=True),
    "action.agent_dims": Bound(0, 255, integer=True, max_items=256),
    "action.low": Bound(-1e6, 1e6),
    "action.high": Bound(-1e6, 1e6),
    "action.fixed.*": Bound(-1e6, 1e6),
    "normalization.mean": Bound(-1e9, 1e9, max_items=65_536),
    "normalization.std": Bound(0, 1e9, max_items=65_536),
    "normalization.clip_obs": Bound(0, 1e6),
    "normalization.epsilon": Bound(0, 1),
    "normalization.joint_vel_scale": Bound(0, 1e6),
    "normalization.obs.*.mean": Bound(-1e12, 1e12, max_items=65_536),
    "normalization.obs.*.var": Bound(0, 1e12, max_items=65_536),
    "data.seeds": Bound(0, 2**64, integer=True, max_items=ANY_LIST),
    "data.episodes": Bound(0, 1e12, integer=True),
    "data.frames": Bound(0, 1e15, integer=True),
}
"""Field path (keys joined by '.', '*' for any key) -> bound of its number, or of each number in its list."""


def _bound_for(path: str) -> Bound | None:
    for pattern, bound in FIELD_BOUNDS.items():
        if fnmatchcase(path, pattern):
            return bound
    return None


def _check_number(where: str, value: Any, bound: Bound | None) -> None:
    if isinstance(value, bool):
        if bound is not None:
            raise CheckpointError(f"policy.json: {where} = {value!r}; expected a number in "
                                  f"[{bound.low:g}, {bound.high:g}]")
        return
    if not math.isfinite(value):
        raise CheckpointError(f"policy.json: {where} = {value!r}; every number must be finite")
    if bound is None:
        if abs(value) > ANY_NUMBER:
            raise CheckpointError(f"policy.json: {where} = {value!r} exceeds the bound {ANY_NUMBER:g} on any number")
        return
    if bound.integer and not isinstance(value, int):
        raise CheckpointError(f"policy.json: {where} = {value!r}; expected a whole number in "
                              f"[{bound.low:g}, {bound.high:g}]")
    if not bound.low <= value <= bound.high:
        raise CheckpointError(f"policy.json: {where} = {value!r} is outside its bound [{bound.low:g}, {bound.high:g}]")


def check_spec_numbers(doc: Any, path: str = "", bound: Bound | None = None) -> None:
    """Raise a CheckpointError naming the field, its value and its bound for the first number out of bounds."""
    if isinstance(doc, dict):
        for key, value in doc.items():
            sub = f"{path}.{key}" if path else str(key)
            check_spec_numbers(value, sub, _bound_for(sub))
    elif isinstance(doc, list):
        limit = bound.max_items if bound is not None and bound.max_items is not None else ANY_LIST
        if bound is not None and bound.max_items is None and any(isinstance(v, (int, float)) for v in doc):
            raise CheckpointError(f"policy.json: {path} is a list; expected one number in "
                                  f"[{bound.low:g}, {bound.high:g}]")
        if len(doc) > limit:
            raise CheckpointError(f"policy.json: {path} holds {len(doc)} items; the bound is {limit}")
        for i, value in enumerate(doc):
            check_spec_numbers(value, f"{path}[{i}]", bound)
    elif isinstance(doc, (int, float)):
        _check_number(path or "(top level)", doc, bound)
    elif bound is not None:
        kind = "a whole number" if bound.integer else "a number"
        raise CheckpointError(f"policy.json: {path} = {doc!r}; expected {kind} in [{bound.low:g}, {bound.high:g}]")


def check_parameter_count(count: int, architecture: str) -> None:
    if count > MAX_PARAMETERS:
        raise CheckpointError(f"policy.json: architecture {architecture!r} with these arch_params has {count:,} "
                              f"parameters; the bound is {MAX_PARAMETERS:,}")
