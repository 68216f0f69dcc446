"""A ros2_control controller manager's two services a technician's tools and the bridge use, for a driver double.

``<prefix>/list_controllers`` (controller_manager_msgs/srv/ListControllers): every loaded controller with its
name, type, state (``active`` / ``inactive``) and claimed interfaces. ``<prefix>/switch_controller``
(controller_manager_msgs/srv/SwitchController) with the jazzy controller manager's rules: strictness 0 means
BEST_EFFORT; STRICT refuses the whole switch when a name is not loaded, a controller to activate is active
already or one to deactivate is not active; BEST_EFFORT skips those; deactivations happen before activations.

Plain state with two callbacks into the owner: ``forced_inactive()`` names controllers a fault holds inactive
(a driver that stopped them), ``on_switch(name, active)`` tells the owner a controller changed state so it
can stop executing that controller's commands.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Any

from rclpy.node import Node

from robot.ros_interfaces import ControllerState, ListControllers, SwitchController

STRICT = 2
BEST_EFFORT = 1


@dataclass(frozen=True, kw_only=True)
class LoadedController:
    """A controller the manager has loaded: its name, plugin type, whether it starts active, what it claims."""

    name: str
    type: str
    active: bool = True
    claimed_interfaces: tuple[str, ...] = ()


class ControllerManagerServer:
    """``list_controllers`` and ``switch_controller`` under ``prefix`` (the manager's node name by default)."""

    def __init__(self, node: Node, controllers: Sequence[LoadedController], *, prefix: str = "controller_manager",
                 forced_inactive: Callable[[], Collection[str]] = tuple,
                 on_switch: Callable[[str, bool], None] | None = None) -> None:
        self.node = node
        self.controllers = {c.name: c for c in controllers}
        self.active = {c.name: c.active for c in controllers}
        self._forced, self._on_switch = forced_inactive, on_switch
        self.switches: list[tuple[tuple[str, ...], tuple[str, ...], bool]] = []
        """Each switch request: (activate, deactivate, ok)."""
        self._services = [
            node.create_service(ListControllers, f"{prefix}/list_controllers", self._list),
            node.create_service(SwitchController, f"{prefix}/switch_controller", self._switch),
        ]

    def is_active(self, name: str) -> bool:
        return self.active.get(name, False) and name not in self._forced()

    def _list(self, request: Any, response: Any) -> Any:
        response.controller = [
            ControllerState(name=c.name, type=c.type, state="active" if self.is_active(c.name) else "inactive",
                            claimed_interfaces=list(c.claimed_interfaces) if self.is_active(c.name) else [])
            for c in self.controllers.values()]
        return response

    def _switch(self, request: Any, response: Any) -> Any:
        activate, deactivate = tuple(request.activate_controllers), tuple(request.deactivate_controllers)
        strict = request.strictness == STRICT
        problems: list[str] = []
        todo_off = []
        for name in deactivate:
            if name not in self.controllers:
                problems.append(f"controller {name} is not loaded")
            elif not self.is_active(name):
                problems.append(f"controller {name} is not active")
            else:
                todo_off.append(name)
        todo_on = []
        for name in activate:
            if name not in self.controllers:
                problems.append(f"controller {name} is not loaded")
            elif self.active[name] and name not in todo_off:
                problems.append(f"controller {name} is already active")
            else:
                todo_on.append(name)
        if strict and problems:
            response.ok, response.message = False, "; ".join(problems)
        else:
            for name, state in [*((n, False) for n in todo_off), *((n, True) for n in todo_on)]:
                self.active[name] = state
                if self._on_switch is not None:
                    self._on_switch(name, state)
            response.ok = True
            response.message = "; ".join(f"skipped: {p}" for p in problems)
        self.switches.append((activate, deactivate, bool(response.ok)))
        return response

    def destroy(self) -> None:
        for service in self._services:
            self.node.destroy_service(service)
