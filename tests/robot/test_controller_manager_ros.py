"""The driver double's controller manager and the bridge's "controllers active" preflight, on real DDS (issue 15
item 6).

The UR double offers ``controller_manager/list_controllers`` and ``switch_controller`` with the driver's
controllers; the bridge's arm request asks it and refuses, naming the controller, while the command controller
is inactive: after a ``controller_inactive`` fault and after a switch that deactivated it. STRICT switches that
cannot apply are refused whole, as ros2_control's controller manager does.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("rclpy")

from test_bridge_ros import LOADED_BOX
from test_vendor_doubles import CI_RATES, VendorRig, bindings_missing, vendor_params

from robot.msg_types import MissingInterfaceError, import_interface
from robot.ros_rig.processes import NodeProcess, RosProbe, allocate_domain_id
from robot.vendor_profiles import PROFILES

pytestmark = [pytest.mark.ros, pytest.mark.slow, pytest.mark.xdist_group("bridge_ros")]

COMMAND = PROFILES["ur"].controller


def _types() -> tuple[Any, Any]:
    try:
        return (import_interface("controller_manager_msgs/srv/ListControllers"),
                import_interface("controller_manager_msgs/srv/SwitchController"))
    except MissingInterfaceError as exc:
        pytest.skip(f"controller_manager_msgs bindings not built here: {exc}")


def _call(rig: VendorRig, srv_type: Any, name: str, request: Any) -> Any:
    client = rig.clients.get(name) or rig.clients.setdefault(name, rig.probe.node.create_client(srv_type, name))
    assert rig.probe.spin_until(client.service_is_ready, 20.0), f"{name} not offered\n{rig.output()}"
    future = client.call_async(request)
    assert rig.probe.spin_until(future.done, 10.0), f"{name} timed out\n{rig.output()}"
    return future.result()


def _refusal(rig: VendorRig) -> str:
    """Stop the bridge, then ask to arm until the preflight itself answers (not the supervisor's wait)."""
    assert rig.call("armstack_bridge/stop").success
    messages = []
    for _ in range(20):
        rig.wait_state(lambda s: s.get("rearm_ready"), 20.0, "rearm_ready")
        response = rig.rearm()
        assert not response.success, f"armed with the command controller inactive: {response.message}"
        if "preflight failed" in response.message:
            return str(response.message)
        messages.append(response.message)
        rig.probe.spin_for(0.3)
    raise AssertionError(messages)


def test_preflight_refuses_to_arm_while_the_command_controller_is_inactive(tmp_path: Path) -> None:
    list_t, switch_t = _types()
    if bindings_missing("ur"):
        pytest.skip(f"vendor bindings not built here: {bindings_missing('ur')}")
    params = vendor_params(tmp_path, "ur", "ur5e", rate=CI_RATES["ur"], **LOADED_BOX)
    with allocate_domain_id() as domain, RosProbe(domain) as probe, \
            NodeProcess("armstack-sim-arm", domain, params) as arm, \
            NodeProcess("armstack-bridge", domain, params) as bridge:
        rig = VendorRig(probe, bridge)
        rig.arm = arm

        def states() -> dict[str, str]:
            answer = _call(rig, list_t, "controller_manager/list_controllers", list_t.Request())
            return {c.name: c.state for c in answer.controller}

        def switch(activate: list[str], deactivate: list[str]) -> Any:
            request = switch_t.Request(activate_controllers=activate, deactivate_controllers=deactivate,
                                       strictness=2)
            return _call(rig, switch_t, "controller_manager/switch_controller", request)

        # The driver's controllers as its launch leaves them: the command controller active, the others idle.
        listed = states()
        assert listed[COMMAND] == "active" and listed["forward_position_controller"] == "inactive", listed
        assert {"joint_state_broadcaster", "io_and_status_controller", "speed_scaling_state_broadcaster"} <= {
            n for n, s in listed.items() if s == "active"}, listed
        rig.arm_until_accepted()

        # A fault leaves the command controller inactive: the arm request names it.
        rig.send("armstack_sim_arm/inject", {"fault": "controller_inactive"}, "inject")
        assert states()[COMMAND] == "inactive"
        message = _refusal(rig)
        assert "controllers:" in message and f"{COMMAND} is inactive" in message, message
        rig.send("armstack_sim_arm/clear", {}, "clear")
        assert states()[COMMAND] == "active"
        rig.arm_until_accepted()

        # The same through the controller manager's own switch (ros2 control switch_controllers --deactivate).
        off = switch([], [COMMAND])
        assert off.ok, off.message
        assert states()[COMMAND] == "inactive"
        assert any(json.loads(m.data) == {"event": "switch_controller", "controller": COMMAND, "active": False}
                   for _, m in rig.arm_events)
        message = _refusal(rig)
        assert f"{COMMAND} is inactive" in message, message
        # STRICT: a switch that cannot apply whole changes nothing.
        again = switch(["forward_position_controller"], [COMMAND])
        assert not again.ok and f"{COMMAND} is not active" in again.message, again.message
        assert states()["forward_position_controller"] == "inactive"
        unknown = switch(["no_such_controller"], [])
        assert not unknown.ok and "no_such_controller is not loaded" in unknown.message
        on = switch([COMMAND], [])
        assert on.ok, on.message
        assert states()[COMMAND] == "active"
        rig.arm_until_accepted()
        rig.wait_state(lambda s: s.get("mode") == "NOMINAL", 10.0, "NOMINAL with the controller active again")
