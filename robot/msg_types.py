"""ROS 2 interface classes by their wire name (``package/msg/Type``), for the vendor profiles' status topics.

Vendor packages (ur_dashboard_msgs, franka_msgs, control_msgs) are not on PyPI: their Python bindings are
generated in the repository (``robot/ros_interfaces.py``, when built) or come from an apt ROS install. A type
that cannot be imported is reported by name, so the preflight can say which binding is missing.
"""

from __future__ import annotations

import importlib
from typing import Any

from robot.errors import RobotError
from robot.ros_interfaces import ROS_NAMES, InterfacesMissingError, load


class MissingInterfaceError(RobotError):
    """A message or action type whose Python binding is not installed."""


def import_interface(name: str) -> Any:
    """The class of ``package/msg/Type`` (or ``srv``, ``action``); MissingInterfaceError names what is absent."""
    try:
        package, kind, type_name = name.split("/")
    except ValueError:
        raise MissingInterfaceError(f"{name!r} is not a ROS interface name like 'std_msgs/msg/Bool'") from None
    if name in ROS_NAMES.values():  # a vendor type: the one place that knows how it is built or installed
        try:
            return load(name)
        except InterfacesMissingError as exc:
            raise MissingInterfaceError(f"{name}: Python binding not installed ({exc})") from None
    try:
        return getattr(importlib.import_module(f"{package}.{kind}"), type_name)
    except (ImportError, AttributeError) as exc:
        raise MissingInterfaceError(f"{name}: Python binding not installed ({type(exc).__name__}: {exc})") from None
