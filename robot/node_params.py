"""Declared ROS 2 parameters for armstack's nodes, validated by the nodes' own config dataclasses.

Each node reads its section of the ``--params-file`` files before ROS starts (unknown keys and bad values
refused there, exit status 2), then :class:`DeclaredParameters` declares every field of its frozen config
with a descriptor (description, range, read-only) and builds the config from the declared values, so a
``-p name:=value`` override is what runs. Ranges come from the config modules (``robot.params.RANGES``,
``robot.sim_arm_config.RANGES``); the config's ``__post_init__`` stays the one validation, at start-up and
for ``ros2 param set``: a refused set answers ``successful=False`` with the reason. Parameters outside
``live`` are read-only: the node built its loop, monitor or publishers from them at start-up.
"""

from __future__ import annotations

import math
import typing
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import fields, is_dataclass
from typing import Any, Generic, TypeVar

from rcl_interfaces.msg import FloatingPointRange, IntegerRange, ParameterDescriptor, SetParametersResult
from rclpy.node import Node
from rclpy.parameter import Parameter

from robot.errors import ParameterError

__all__ = ["DeclaredParameters", "dataclass_values", "params_files"]

T = TypeVar("T")
_ROS_TYPES: dict[Any, Parameter.Type] = {
    bool: Parameter.Type.BOOL, int: Parameter.Type.INTEGER, float: Parameter.Type.DOUBLE,
    str: Parameter.Type.STRING, tuple[str, ...]: Parameter.Type.STRING_ARRAY,
    tuple[float, ...]: Parameter.Type.DOUBLE_ARRAY, tuple[int, ...]: Parameter.Type.INTEGER_ARRAY,
}


def params_files(argv: Sequence[str]) -> list[str]:
    """The ``--params-file`` arguments inside the ``--ros-args`` part of ``argv``, in order (no rclpy needed)."""
    files, in_ros = [], False
    for i, arg in enumerate(argv):
        if arg == "--ros-args":
            in_ros = True
        elif arg == "--":
            in_ros = False
        elif in_ros and arg == "--params-file" and i + 1 < len(argv):
            files.append(argv[i + 1])
    return files


def dataclass_values(*configs: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """Field values and type annotations of one or more config dataclass instances, flat by field name."""
    values: dict[str, Any] = {}
    hints: dict[str, Any] = {}
    for config in configs:
        assert is_dataclass(config), "configs are dataclass instances"
        types = typing.get_type_hints(type(config))
        for f in fields(config):
            values[f.name] = getattr(config, f.name)
            hints[f.name] = types[f.name]
    return values, hints


def _to_ros(value: Any, annotation: Any) -> Any:
    """The value as rclpy stores it for a field of ``annotation`` (whole numbers as floats, tuples as lists)."""
    if annotation is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, tuple | list):
        if annotation == tuple[float, ...]:
            return [float(v) if isinstance(v, int) and not isinstance(v, bool) else v for v in value]
        return list(value)
    return value


class DeclaredParameters(Generic[T]):
    """Declares a node's parameters and keeps its config built from them.

    ``values`` and ``hints`` are the config's fields (as read from the parameter files) and their types;
    ``build`` turns a flat mapping into the validated config (raising :class:`ParameterError`);
    ``ranges`` are inclusive numeric bounds; ``live`` the names a running node applies at once;
    ``on_change`` gets each newly accepted config; ``flatten`` maps a config back to ``values``' names (a config
    of one dataclass needs none). The node's overrides (``--params-file``, ``-p``) are
    validated with ``build`` before any parameter is declared: a bad one raises :class:`ParameterError`.
    """

    def __init__(self, node: Node, values: Mapping[str, Any], hints: Mapping[str, Any], *,
                 build: Callable[[dict[str, Any]], T], descriptions: Mapping[str, str],
                 ranges: Mapping[str, tuple[float, float]], live: Collection[str] = (),
                 on_change: Callable[[T], None] | None = None,
                 flatten: Callable[[T], dict[str, Any]] | None = None) -> None:
        self._node, self._hints, self._build, self._on_change = node, dict(hints), build, on_change
        flat = flatten or (lambda config: dataclass_values(config)[0])
        # An empty list in a parameter file reaches rclpy untyped (NOT_SET): the file's own reading stands.
        overrides = {name: p.value for name, p in self._overrides(node).items() if p.type_ != Parameter.Type.NOT_SET}
        unknown = sorted(n for n in overrides if n not in values and not node.has_parameter(n))
        if unknown:
            raise ParameterError(f"{node.get_name()}: unknown parameter(s) {', '.join(map(repr, unknown))} "
                                 f"(--params-file or -p); valid: {', '.join(sorted(values))}")
        merged = {**values, **{n: v for n, v in overrides.items() if n in values}}
        self.value: T = build({n: _to_ros(v, self._hints[n]) for n, v in merged.items()})
        current = flat(self.value)
        self._names = tuple(values)
        for name in self._names:
            descriptor = self._descriptor(name, current[name], descriptions, ranges, name in live)
            # Overrides were applied above, through the config's validation, with its messages.
            node.declare_parameter(name, _to_ros(current[name], self._hints[name]), descriptor, ignore_override=True)
        node.add_on_set_parameters_callback(self._validate)
        node.add_post_set_parameters_callback(self._apply)

    @staticmethod
    def _overrides(node: Node) -> dict[str, Parameter[Any]]:
        # rclpy keeps the --params-file and -p values for this node here; there is no public accessor.
        return dict(getattr(node, "_parameter_overrides", {}))

    def _descriptor(self, name: str, value: Any, descriptions: Mapping[str, str],
                    ranges: Mapping[str, tuple[float, float]], live: bool) -> ParameterDescriptor:
        annotation = self._hints[name]
        descriptor = ParameterDescriptor(
            name=name, description=descriptions.get(name, name.replace("_", " ")),
            read_only=not live,
            additional_constraints="" if live else "read-only: set at start-up (--params-file or -p name:=value)")
        kind = _ROS_TYPES.get(annotation)
        if kind is not None:
            descriptor.type = kind.value
        if isinstance(value, tuple | list) and not value:
            descriptor.dynamic_typing = True  # rclpy cannot type an empty list's default; the config checks it
        if name in ranges:
            low, high = ranges[name]
            if annotation is int:
                descriptor.integer_range = [IntegerRange(from_value=int(low), to_value=int(high), step=0)]
            else:
                descriptor.floating_point_range = [FloatingPointRange(from_value=float(low), to_value=float(high),
                                                                      step=0.0)]
        return descriptor

    def current(self) -> dict[str, Any]:
        """The declared values by name."""
        return {name: self._node.get_parameter(name).value for name in self._names}

    def _validate(self, changed: list[Parameter[Any]]) -> SetParametersResult:
        ours = {p.name: p.value for p in changed if p.name in self._names}
        if not ours:
            return SetParametersResult(successful=True)
        for name, value in ours.items():
            if isinstance(value, float) and not math.isfinite(value):
                return SetParametersResult(successful=False, reason=f"{name} must be finite, got {value!r}")
        try:
            self._build({**self.current(), **ours})
        except ParameterError as exc:
            return SetParametersResult(successful=False, reason=str(exc))
        return SetParametersResult(successful=True)

    def _apply(self, changed: list[Parameter[Any]]) -> None:
        if not any(p.name in self._names for p in changed):
            return
        self.value = self._build(self.current())
        if self._on_change is not None:
            self._on_change(self.value)
