"""Load frozen dataclass configs from mappings and YAML, rejecting unknown keys."""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeVar

import yaml

from sim.errors import ConfigError

T = TypeVar("T")


def _coerce(value: Any, annotation: Any) -> Any:
    origin = typing.get_origin(annotation)
    if origin is tuple and isinstance(value, list):
        return tuple(_coerce(v, a) for v, a in zip(value, _tuple_args(annotation, len(value)), strict=True))
    return value


def _tuple_args(annotation: Any, n: int) -> tuple[Any, ...]:
    args = typing.get_args(annotation)
    if len(args) == 2 and args[1] is Ellipsis:
        return (args[0],) * n
    if len(args) != n:
        return (Any,) * n
    return args


_SCALARS: dict[Any, tuple[type, ...]] = {int: (int,), float: (int, float), str: (str,), bool: (bool,)}


def type_mismatch(value: Any, annotation: Any) -> str | None:
    """What ``value`` should have been, when it does not fit a scalar ``annotation`` (``int``, ``float``, ``str``,
    ``bool``, their optional forms and unions, tuples of them); None when it fits or the annotation is another kind.

    ``True`` is no ``int`` here: in YAML it is a yes/no, never a count.
    """
    if annotation in _SCALARS:
        ok = isinstance(value, _SCALARS[annotation]) and (annotation is bool or not isinstance(value, bool))
        return None if ok else annotation.__name__
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        wants = [type_mismatch(value, a) for a in args if a is not type(None)]
        if any(w is None for w in wants):
            return None
        return " or ".join([*(w for w in wants if w), *(["null"] if type(None) in args else [])])
    if origin is tuple and isinstance(value, (tuple, list)):
        for v, a in zip(value, _tuple_args(annotation, len(value)), strict=True):
            want = type_mismatch(v, a)
            if want is not None:
                return f"a list of {want}"
        return None
    return None


def _type_errors(cls: type, kwargs: Mapping[str, Any]) -> list[str]:
    hints = typing.get_type_hints(cls)
    out = []
    for key, value in kwargs.items():
        want = type_mismatch(value, hints.get(key, Any))
        if want is not None:
            out.append(f"{key} must be {want}, got {type(value).__name__} {value!r}")
    return out


def from_mapping(cls: type[T], data: Mapping[str, Any], *, where: str = "", check_types: bool = False) -> T:
    """Build dataclass ``cls`` from ``data``; unknown keys are an error that lists the valid ones.

    ``check_types`` refuses scalar values of the wrong type (``epochs: "many"``) before the dataclass's own
    checks run, naming the field and the type it takes; without it, a comparison that fails on a wrong type is
    still reported that way.
    """
    if not isinstance(data, Mapping):
        raise ConfigError(f"{where or cls.__name__}: expected a mapping, got {type(data).__name__}")
    fields = {f.name: f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    unknown = sorted(set(data) - set(fields))
    if unknown:
        raise ConfigError(
            f"{where or cls.__name__}: unknown key(s) {', '.join(map(repr, unknown))}; "
            f"valid keys: {', '.join(sorted(fields))}"
        )
    hints = typing.get_type_hints(cls)
    kwargs = {k: _coerce(v, hints.get(k, Any)) for k, v in data.items()}
    if check_types and (wrong := _type_errors(cls, kwargs)):
        raise ConfigError(f"{where or cls.__name__}: {'; '.join(wrong)}")
    try:
        return cls(**kwargs)
    except TypeError as exc:
        wrong = _type_errors(cls, kwargs)
        raise ConfigError(f"{where or cls.__name__}: {'; '.join(wrong) if wrong else exc}") from exc


def load_yaml(path: str | Path) -> Any:
    """Parse a YAML file with a clear error for a missing or malformed file."""
    path = Path(path)
    if path.is_dir():
        raise ConfigError(f"config file {path} is a folder, not a YAML file")
    if not path.is_file():
        raise ConfigError(f"config file {path} does not exist")
    try:
        return yaml.safe_load(path.read_text())
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: invalid YAML: {exc}") from exc
