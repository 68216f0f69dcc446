"""Load frozen dataclass configs from mappings and YAML, rejecting unknown keys: the one config loader.

Every config of sim, datagen, policies, the planner and the ROS nodes is built by ``from_mapping`` (a parsed
mapping, e.g. a ROS parameter section) or ``load_config`` (a YAML file with overrides on top). A package
passes its own error class as ``error``: the loader's messages are the same everywhere, raised as that class.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

import yaml

from sim.errors import ConfigError, SimError

T = TypeVar("T")


def _is_list(value: Any) -> bool:
    # YAML and JSON give lists; rclpy gives array.array for a numeric array parameter set over the wire.
    return isinstance(value, Sequence) and not isinstance(value, (str, bytes, tuple))


def _coerce(value: Any, annotation: Any) -> Any:
    """Lists become the tuples a frozen dataclass holds (also in ``tuple[...] | None`` fields)."""
    origin = typing.get_origin(annotation)
    if origin is tuple and _is_list(value):
        return tuple(_coerce(v, a) for v, a in zip(value, _tuple_args(annotation, len(value)), strict=True))
    if origin in (typing.Union, types.UnionType) and _is_list(value):
        tuples = [a for a in typing.get_args(annotation) if typing.get_origin(a) is tuple]
        return _coerce(value, tuples[0]) if len(tuples) == 1 else value
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
    if origin is tuple and not isinstance(value, (tuple, list)):
        return "a list"
    if origin is tuple:
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


def from_mapping(cls: type[T], data: Mapping[str, Any], *, where: str = "", check_types: bool = False,
                 error: type[Exception] = ConfigError) -> T:
    """Build dataclass ``cls`` from ``data``; unknown keys are an error that lists the valid ones.

    ``check_types`` refuses scalar values of the wrong type (``epochs: "many"``) before the dataclass's own
    checks run, naming the field and the type it takes; without it, a comparison that fails on a wrong type is
    still reported that way. ``error`` is the caller's error class: the loader's errors, and any ``SimError`` the
    dataclass's own checks raise (an unknown robot or task), are raised as it with the same message; the
    dataclass's other errors pass unchanged.
    """
    try:
        return _build(cls, data, where or cls.__name__, check_types)
    except SimError as exc:
        if error is ConfigError or isinstance(exc, error):
            raise
        raise error(str(exc)) from exc


def _build(cls: type[T], data: Mapping[str, Any], where: str, check_types: bool) -> T:
    if not isinstance(data, Mapping):
        raise ConfigError(f"{where}: expected a mapping, got {type(data).__name__}")
    fields = {f.name: f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    unknown = sorted(set(data) - set(fields), key=str)
    if unknown:
        raise ConfigError(
            f"{where}: unknown key(s) {', '.join(map(repr, unknown))}; valid keys: {', '.join(sorted(fields))}"
        )
    hints = typing.get_type_hints(cls)
    kwargs = {k: _coerce(v, hints.get(k, Any)) for k, v in data.items()}
    if check_types and (wrong := _type_errors(cls, kwargs)):
        raise ConfigError(f"{where}: {'; '.join(wrong)}")
    try:
        return cls(**kwargs)
    except TypeError as exc:
        wrong = _type_errors(cls, kwargs)
        raise ConfigError(f"{where}: {'; '.join(wrong) if wrong else exc}") from exc


def load_yaml(path: str | Path, *, error: type[Exception] = ConfigError) -> Any:
    """Parse a YAML file with a clear error (raised as ``error``) for a missing or malformed file."""
    path = Path(path)
    if path.is_dir():
        raise error(f"config file {path} is a folder, not a YAML file")
    if not path.is_file():
        raise error(f"config file {path} does not exist")
    try:
        return yaml.safe_load(path.read_text())
    except yaml.YAMLError as exc:
        raise error(f"{path}: invalid YAML: {exc}") from exc


def load_config(cls: type[T], path: str | Path | None, overrides: Mapping[str, Any] | None = None, *,
                where: str = "", check_types: bool = False, error: type[Exception] = ConfigError) -> T:
    """``cls`` from the YAML mapping in ``path`` (None or an empty file: defaults), ``overrides`` on top.

    Errors name ``where`` (default: the file) and are raised as ``error``, as in ``from_mapping``.
    """
    data: dict[str, Any] = {}
    if path is not None:
        loaded = load_yaml(path, error=error)
        if loaded is not None and not isinstance(loaded, Mapping):
            raise error(f"{path}: expected a mapping of {cls.__name__} fields, got {type(loaded).__name__}")
        data.update(loaded or {})
    data.update(overrides or {})
    return from_mapping(cls, data, where=where or str(path or cls.__name__), check_types=check_types, error=error)
