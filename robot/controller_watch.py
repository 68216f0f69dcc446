"""ControllerWatch: the command controller seen through the controller manager, and the bridge's own switch-off.

Two jobs around one controller (the profile's command controller, e.g. ``scaled_joint_trajectory_controller``):

* **Watch.** While armed, the node polls ``controller_manager/list_controllers``; :meth:`ControllerWatch.verdict`
  turns each answer into a driver fault when the controller stopped taking commands behind the bridge's back
  (``ros2 control switch_controllers --deactivate``, a driver restart): a category-1 stop whose fault stays
  active, so a re-arm waits, until the controller runs again.
* **Switch-off on a stop** (``stop_deactivates_controller``). A category-0/1 stop (IEC 60204-1 9.2.2: bring to
  rest, then remove power) ends with the controller deactivated through ``switch_controller`` (STRICT),
  ``delay_s`` after the stop: the stop's hold command (the last trusted target, never a new reading) brings
  the arm to rest first, then no controller executes anything until the arm request switches it on again.
  From :data:`QUIET_S` before the request on, the bridge publishes no arm command (an inactive controller takes
  none; a real JTC ignores them, the doubles count them as rejected).

Pure logic, no rclpy: the node feeds it results and answers and sends what it asks for; times are the node clock.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from robot.safety.faults import Fault, FaultKind
from robot.safety.supervisor import Mode

CONTROLLER_FAULT = FaultKind.CONTROLLER_INACTIVE
"""The fault for a command controller that is not active while armed: the driver executes no commands, as in a
robot mode that does not run them (ESTOP: one hold, then nothing; category 1), but its own kind, so a technician
sees a controller to activate rather than a robot mode to fix. The detail names the controller."""
MANAGER_GONE_FAULT = FaultKind.DRIVER_STATUS
"""The fault for a controller manager that stopped offering ``list_controllers`` while armed (driver restart)."""
STOP_CATEGORY = 1
"""Stops of this IEC 60204-1 category or lower end with the controller switched off."""
QUIET_S = 0.05
"""The bridge falls silent this long before it sends a switch-off: a command already on its way (a topic, another
DDS channel than the service's, and late on a loaded host) then reaches the controller before the switch does."""
NO_ANSWER = "did not answer within"
"""How the node's ``list_controllers`` reason starts when the manager is offered but slow (no verdict then)."""


class SwitchState(enum.Enum):
    """Where the bridge's own switch-off stands."""

    ON = "on"
    """Not switched off by the bridge (the controller manager may still report it inactive: the watch judges)."""
    DUE = "due"
    """A category-0/1 stop was seen; the switch-off goes out at :attr:`ControllerWatch.due_at`."""
    SWITCHING_OFF = "switching_off"
    OFF = "off"
    """Switched off by the bridge's stop; the arm request switches it on again."""


@dataclass(frozen=True, kw_only=True)
class SwitchRequest:
    """A switch the node sends: the controller, on or off, and the stop behind it (for the measurement)."""

    controller: str
    activate: bool
    cause: tuple[str, ...] = ()
    """Ids of the category-0/1 faults of the stop (empty for a switch-on)."""
    fault_since: float | None = None
    """Earliest ``since`` of those faults (node clock): when the first criterion was met."""
    stop_at: float | None = None
    """When the bridge saw the stop."""


class ControllerWatch:
    """The command controller's state as the bridge knows it, and its switch-off on a category-0/1 stop."""

    def __init__(self, controller: str, *, deactivate_on_stop: bool, delay_s: float) -> None:
        self.controller, self.deactivate_on_stop, self.delay_s = controller, deactivate_on_stop, delay_s
        self.state = SwitchState.ON
        self.due_at: float | None = None
        self._request: SwitchRequest | None = None
        self.listed: str | None = None
        """The controller's state in the latest ``list_controllers`` answer (None: none yet or no answer)."""
        self.last_switch: dict[str, Any] | None = None
        """The latest switch's event (request, answer, timings), for diagnostics."""
        self.switches = 0
        """Switches answered so far: a ``list_controllers`` answer to a request sent before the latest one is
        out of date (replies on different services may arrive out of order)."""

    @property
    def switched_off(self) -> bool:
        """The bridge switches or has switched the controller off."""
        return self.state in (SwitchState.SWITCHING_OFF, SwitchState.OFF)

    def silent(self, now: float) -> bool:
        """No arm command may be published at ``now``: the controller is (being) switched off, or its switch-off
        goes out within :data:`QUIET_S`."""
        return self.switched_off or (self.state == SwitchState.DUE and self.due_at is not None
                                     and now >= self.due_at - QUIET_S)

    # --- the stop ------------------------------------------------------------------------------------
    def on_result(self, now: float, *, armed: bool, mode: Mode, faults: Sequence[Fault]) -> None:
        """After each tick or reaction: a stop (SAFE_STOP or ESTOP) with a fault of category 0 or 1 schedules the
        switch-off ``delay_s`` later. A controller the manager already reports inactive is left alone (the
        watch's own fault: switching it off again would be refused)."""
        if not (self.deactivate_on_stop and armed and mode >= Mode.SAFE_STOP) or self.state != SwitchState.ON:
            return
        if self.listed is not None and self.listed != "active":
            return
        severe = [f for f in faults if f.kind.category <= STOP_CATEGORY]
        if not severe:
            return
        self.state, self.due_at = SwitchState.DUE, now + max(self.delay_s, QUIET_S)
        self._request = SwitchRequest(controller=self.controller, activate=False,
                                      cause=tuple(dict.fromkeys(f.kind.id for f in severe)),
                                      fault_since=min(f.since for f in severe), stop_at=now)

    def due(self, now: float, *, mode: Mode) -> SwitchRequest | None:
        """The switch-off to send now (once), or None. A stop re-armed before its delay ran out sends nothing."""
        if self.state != SwitchState.DUE or self.due_at is None or now < self.due_at:
            return None
        request, self._request, self.due_at = self._request, None, None
        if mode < Mode.SAFE_STOP or request is None:
            self.state = SwitchState.ON
            return None
        self.state = SwitchState.SWITCHING_OFF
        return request

    def switched(self, request: SwitchRequest, *, ok: bool, message: str, t_request: float,
                 t_done: float) -> dict[str, Any]:
        """The controller manager's answer to ``request``; returns the ``controller_switch`` event. A refused
        switch-off leaves the controller on and the stop's hold command flowing again; one the manager did not
        answer in time may still apply, so the bridge stays silent (the arm request asks the manager)."""
        self.switches += 1
        if request.activate:
            self.state = SwitchState.ON if ok else SwitchState.OFF
        else:
            self.state = SwitchState.OFF if ok or NO_ANSWER in message else SwitchState.ON
        if ok:
            self.listed = "active" if request.activate else "inactive"
        event: dict[str, Any] = {
            "event": "controller_switch", "t": t_done, "controller": request.controller, "active": request.activate,
            "ok": ok, "message": message, "t_request": t_request, "t_done": t_done,
            "cause": list(request.cause), "fault_since": request.fault_since, "stop_at": request.stop_at}
        self.last_switch = event
        return event

    def switch_off_again(self, now: float) -> None:
        """After an arm request that switched the controller on and was then refused: silent at once, and the
        switch-off goes out :data:`QUIET_S` later, as for the stop's own."""
        self.state, self.due_at = SwitchState.DUE, now + QUIET_S
        self._request = SwitchRequest(controller=self.controller, activate=False, cause=("arm_request_refused",),
                                      stop_at=now)

    def switch_on(self, states: dict[str, str] | str) -> SwitchRequest | None:
        """The switch-on an arm request sends first, when the bridge's stop switched the controller off and the
        manager (``states``, its latest answer) does not report it running already."""
        if self.state != SwitchState.OFF:
            return None
        if isinstance(states, dict) and states.get(self.controller) == "active":
            self.state = SwitchState.ON  # switched on by someone else (or a late switch-off never applied)
            return None
        return SwitchRequest(controller=self.controller, activate=True)

    def rearmed(self) -> None:
        """An accepted arm request: a switch-off still waiting for its delay is dropped."""
        if self.state == SwitchState.DUE:
            self.state, self.due_at, self._request = SwitchState.ON, None, None

    # --- the watch -----------------------------------------------------------------------------------
    def verdict(self, states: dict[str, str] | str) -> tuple[FaultKind, str] | bool | None:
        """What a ``list_controllers`` answer (states by name, or why there is none) says: a fault and its
        detail, None (the controller runs, or the bridge's own stop switched it off), or False when the answer
        says nothing new (no answer in time: a loaded host; the previous verdict stands)."""
        if isinstance(states, str):
            if NO_ANSWER in states:
                return False
            self.listed = None
            return MANAGER_GONE_FAULT, f"{states}: the driver's controllers are unknown (driver restarting?)"
        state = states.get(self.controller)
        self.listed = state
        if state == "active":
            return None
        if state == "inactive" and self.state in (SwitchState.SWITCHING_OFF, SwitchState.OFF):
            return None
        if state is None:
            return CONTROLLER_FAULT, (f"{self.controller} is not loaded (loaded: {', '.join(states) or 'none'}): "
                                      f"the driver executes no commands")
        return CONTROLLER_FAULT, (f"{self.controller} is {state} while armed: the driver executes no commands "
                                  f"(ros2 control switch_controllers --activate {self.controller}, then re-arm)")

    def summary(self) -> dict[str, str]:
        """The values a technician reads in the ``controller`` diagnostic status."""
        last = self.last_switch
        return {"controller": self.controller, "listed": self.listed or "unknown", "switch": self.state.value,
                "stop_deactivates_controller": str(self.deactivate_on_stop).lower(),
                "stop_deactivate_delay_s": f"{self.delay_s:g}",
                "last_switch": "none" if last is None else
                f"{'on' if last['active'] else 'off'} {'ok' if last['ok'] else 'refused: ' + last['message']} "
                f"({(last['t_done'] - last['t_request']) * 1e3:.1f} ms)"}
