"""The generated vendor interfaces: same fields as interfaces/, and they cross real DDS between two processes.

The echo side runs this file as a script in its own process (``python test_vendor_interfaces.py echo``): it
republishes every message it receives and serves FollowJointTrajectory and GripperCommand goals by returning
what it was sent, so a round trip exercises serialisation in both directions through the generated C
typesupport.
"""

from __future__ import annotations

import contextlib
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from robot import ros_interfaces

INTERFACES_DIR = Path(__file__).resolve().parents[2] / "interfaces"
INTERFACE_TYPES = ros_interfaces.interface_types()
MESSAGES = {name: cls for name, cls in INTERFACE_TYPES.items() if "/msg/" in name}

_PRIMITIVE_IDL = {"bool": "boolean", "byte": "octet", "char": "uint8", "float32": "float", "float64": "double",
                  "string": "string"}


def _idl_type(field_type: Any, package: str) -> str:
    """rosidl_adapter's parsed type -> the type string the generated class reports."""
    if field_type.is_primitive_type():
        base = _PRIMITIVE_IDL.get(field_type.type, field_type.type)
        if field_type.type == "string" and field_type.string_upper_bound:
            base = f"string<{field_type.string_upper_bound}>"
    else:
        base = f"{field_type.pkg_name or package}/{field_type.type}"
    if not field_type.is_array:
        return base
    if field_type.array_size is None:
        return f"sequence<{base}>"
    if field_type.is_upper_bound:
        return f"sequence<{base}, {field_type.array_size}>"
    return f"{base}[{field_type.array_size}]"


def _spec_sections(name: str) -> list[tuple[str, Any]]:
    """(suffix, parsed section) of one definition file in interfaces/: ("", msg), Request/Response or
    Goal/Result/Feedback."""
    from rosidl_adapter.parser import parse_action_string, parse_message_string, parse_service_string

    package, kind, type_name = name.split("/")
    text = (INTERFACES_DIR / package / kind / f"{type_name}.{kind}").read_text()
    if kind == "msg":
        return [("", parse_message_string(package, type_name, text))]
    if kind == "srv":
        service = parse_service_string(package, type_name, text)
        return [("Request", service.request), ("Response", service.response)]
    action = parse_action_string(package, type_name, text)
    return [("Goal", action.goal), ("Result", action.result), ("Feedback", action.feedback)]


@pytest.mark.parametrize("name", sorted(INTERFACE_TYPES))
def test_generated_fields_and_constants_match_the_definitions(name: str) -> None:
    cls = INTERFACE_TYPES[name]
    package = name.split("/")[0]
    for suffix, spec in _spec_sections(name):
        generated = getattr(cls, suffix) if suffix else cls
        expected = {f.name: _idl_type(f.type, package) for f in spec.fields}
        assert generated.get_fields_and_field_types() == expected, f"{name} {suffix}"
        assert list(generated.get_fields_and_field_types()) == [f.name for f in spec.fields]
        for constant in spec.constants:
            assert getattr(generated, constant.name) == constant.value, f"{name}.{constant.name}"


def test_a_missing_package_names_itself_and_the_build_command() -> None:
    with pytest.raises(ros_interfaces.InterfacesMissingError, match=r"ur_msgs/msg/IOStates.*make interfaces"):
        ros_interfaces.load("ur_msgs/msg/IOStates")
    with pytest.raises(AttributeError, match="FollowJointTrajectory"):
        ros_interfaces.FollowJointTrajectoryy  # noqa: B018 - the attribute access is the test
    assert ros_interfaces.FollowJointTrajectory is INTERFACE_TYPES["control_msgs/action/FollowJointTrajectory"]


def test_the_build_key_follows_the_definitions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from robot import interfaces_build

    copy = tmp_path / "interfaces"
    shutil.copytree(INTERFACES_DIR, copy)
    monkeypatch.setattr(interfaces_build, "INTERFACES_DIR", copy)
    key = interfaces_build.build_key()
    assert key == interfaces_build.build_key() and len(key) == 16
    assert interfaces_build.installed_key() == key, "the installed build is stale: run make interfaces"
    with (copy / "ur_dashboard_msgs" / "msg" / "SafetyMode.msg").open("a") as f:
        f.write("uint8 EXTRA=14\n")
    assert interfaces_build.build_key() != key


def test_the_definitions_on_disk_are_all_generated() -> None:
    on_disk = {f"{p.parts[-3]}/{p.parts[-2]}/{p.stem}" for p in INTERFACES_DIR.glob("*/*/*")
               if p.suffix in (".msg", ".action", ".srv")}
    assert on_disk == set(INTERFACE_TYPES)


# ---- filling every field with a value that differs from its default -------------------------------------

def _value(slot: Any, seed: int) -> Any:
    from rosidl_parser import definition as d

    if isinstance(slot, d.AbstractNestedType):
        size = slot.size if isinstance(slot, d.Array) else min(2, getattr(slot, "maximum_size", 2))
        return [_value(slot.value_type, seed + k) for k in range(size)]
    if isinstance(slot, d.NamespacedType):
        module = __import__(".".join(slot.namespaces), fromlist=[slot.name])
        return fill(getattr(module, slot.name)(), seed)
    if isinstance(slot, d.AbstractGenericString):
        return f"s{seed}"
    if isinstance(slot, d.BasicType):
        if slot.typename == "boolean":
            return seed % 2 == 0
        if slot.typename in ("float", "double"):
            return 0.25 + seed
        if slot.typename == "octet":
            return bytes([seed % 200 + 1])
        lo = -1 if slot.typename.startswith("int") else 1
        return lo * (seed % 100 + 1)
    raise TypeError(f"no filler for {slot!r}")


def fill(msg: Any, seed: int = 1) -> Any:
    """``msg`` with every field set, seeded so that two fields rarely hold the same value."""
    for k, (field, slot) in enumerate(zip(msg.get_fields_and_field_types(), msg.SLOT_TYPES, strict=True)):
        setattr(msg, field, _value(slot, seed * 31 + k))
    return msg


# ---- the echo process ------------------------------------------------------------------------------------

def _topic(name: str) -> str:
    return name.replace("/", "_")


def echo_main() -> None:
    import rclpy
    from rclpy.action import ActionServer
    from rclpy.executors import MultiThreadedExecutor

    rclpy.init()
    node = rclpy.create_node("vendor_interfaces_echo")
    pubs = {}
    for name, cls in MESSAGES.items():
        pubs[name] = node.create_publisher(cls, f"out/{_topic(name)}", 10)
        node.create_subscription(cls, f"in/{_topic(name)}", pubs[name].publish, 10)

    FJT = ros_interfaces.FollowJointTrajectory
    GC = ros_interfaces.GripperCommand

    def follow(handle: Any) -> Any:
        feedback = FJT.Feedback(joint_names=handle.request.trajectory.joint_names)
        feedback.desired = handle.request.trajectory.points[-1]
        handle.publish_feedback(feedback)
        handle.succeed()
        tolerances = ",".join(t.name for t in handle.request.goal_tolerance)
        return FJT.Result(error_code=FJT.Result.SUCCESSFUL, error_string=tolerances)

    def grip(handle: Any) -> Any:
        cmd = handle.request.command
        handle.publish_feedback(GC.Feedback(position=cmd.position, effort=cmd.max_effort))
        handle.succeed()
        return GC.Result(position=cmd.position, effort=cmd.max_effort, stalled=False, reached_goal=True)

    def switch(request: Any, response: Any) -> Any:
        response.ok = True
        response.message = (f"{','.join(request.activate_controllers)}|{','.join(request.deactivate_controllers)}|"
                            f"{request.strictness}|{request.activate_asap}|{request.timeout.sec}")
        return response

    def list_controllers(_request: Any, response: Any) -> Any:
        return fill(response, seed=11)

    servers = [ActionServer(node, FJT, "arm/follow_joint_trajectory", follow),
               ActionServer(node, GC, "gripper/gripper_cmd", grip),
               node.create_service(ros_interfaces.SwitchController, "controller_manager/switch_controller", switch),
               node.create_service(ros_interfaces.ListControllers, "controller_manager/list_controllers",
                                   list_controllers)]
    executor = MultiThreadedExecutor()
    executor.add_node(node)
    with contextlib.suppress(KeyboardInterrupt, rclpy.executors.ExternalShutdownException):
        executor.spin()
    del servers


@pytest.fixture(scope="module")
def echo() -> Any:
    from robot.ros_rig.processes import NodeProcess, RosProbe, allocate_domain_id

    with allocate_domain_id() as domain:
        node = NodeProcess(script=Path(sys.executable).name, domain=domain, args=[__file__, "echo"])
        with node as proc, RosProbe(domain, "vendor_interfaces_test") as probe:
            yield probe, proc


@pytest.mark.ros
@pytest.mark.xdist_group("vendor_interfaces")
def test_every_message_round_trips_between_processes(echo: Any) -> None:
    probe, proc = echo
    sent = {}
    for k, (name, cls) in enumerate(sorted(MESSAGES.items())):
        probe.subscribe(cls, f"out/{_topic(name)}")
        probe.publisher(cls, f"in/{_topic(name)}")
        sent[name] = fill(cls(), seed=k + 3)
    for name in sent:
        assert probe.wait_for_subscriber(f"in/{_topic(name)}", timeout=30.0), f"no echo subscriber for {name}"
    # Discovery of the echo's publishers may lag its subscriptions: resend until each message has come back.
    deadline = time.monotonic() + 30.0
    while time.monotonic() < deadline and proc.alive():
        missing = [n for n in sent if not probe.received[f"out/{_topic(n)}"]]
        if not missing:
            break
        for name in missing:
            probe.publish(MESSAGES[name], f"in/{_topic(name)}", sent[name])
        probe.spin_for(0.3)
    for name, msg in sent.items():
        received = probe.received[f"out/{_topic(name)}"]
        assert received, f"{name} never came back"
        assert received[-1][1] == msg, name
        assert received[-1][1] != MESSAGES[name](), f"{name}: the filled message equals the default one"


def _send_goal(probe: Any, client: Any, goal: Any) -> tuple[Any, list[Any]]:
    feedback: list[Any] = []
    assert client.wait_for_server(timeout_sec=30.0)
    future = client.send_goal_async(goal, feedback_callback=lambda fb: feedback.append(fb.feedback))
    assert probe.spin_until(future.done, 30.0)
    handle = future.result()
    assert handle.accepted
    result_future = handle.get_result_async()
    assert probe.spin_until(result_future.done, 30.0)
    probe.spin_for(0.2)  # feedback published before the result may be handled after it
    return result_future.result(), feedback


@pytest.mark.ros
@pytest.mark.xdist_group("vendor_interfaces")
def test_follow_joint_trajectory_goal_round_trips(echo: Any) -> None:
    from rclpy.action import ActionClient

    probe, _ = echo
    FJT = ros_interfaces.FollowJointTrajectory
    goal = fill(FJT.Goal(), seed=5)
    client: Any = ActionClient(probe.node, FJT, "arm/follow_joint_trajectory")
    result, feedback = _send_goal(probe, client, goal)
    assert result.status == 4  # action_msgs/GoalStatus.STATUS_SUCCEEDED
    assert result.result.error_code == FJT.Result.SUCCESSFUL
    assert result.result.error_string == ",".join(t.name for t in goal.goal_tolerance)
    assert feedback and list(feedback[-1].joint_names) == list(goal.trajectory.joint_names)
    assert feedback[-1].desired == goal.trajectory.points[-1]


@pytest.mark.ros
@pytest.mark.xdist_group("vendor_interfaces")
def test_gripper_command_goal_round_trips(echo: Any) -> None:
    from rclpy.action import ActionClient

    probe, _ = echo
    GC = ros_interfaces.GripperCommand
    goal = GC.Goal(command=ros_interfaces.GripperCommandMsg(position=0.031, max_effort=42.0))
    client: Any = ActionClient(probe.node, GC, "gripper/gripper_cmd")
    result, feedback = _send_goal(probe, client, goal)
    assert (result.result.position, result.result.effort, result.result.reached_goal) == (0.031, 42.0, True)
    assert feedback and (feedback[-1].position, feedback[-1].effort) == (0.031, 42.0)


@pytest.mark.ros
@pytest.mark.xdist_group("vendor_interfaces")
def test_controller_manager_services_round_trip(echo: Any) -> None:
    probe, _ = echo
    sc = ros_interfaces.SwitchController
    switch = probe.node.create_client(sc, "controller_manager/switch_controller")
    listing = probe.node.create_client(ros_interfaces.ListControllers, "controller_manager/list_controllers")
    assert switch.wait_for_service(timeout_sec=30.0) and listing.wait_for_service(timeout_sec=30.0)
    request = sc.Request(activate_controllers=["forward_position_controller"],
                         deactivate_controllers=["scaled_joint_trajectory_controller"], strictness=sc.Request.STRICT,
                         activate_asap=True)
    request.timeout.sec = 3
    future = switch.call_async(request)
    assert probe.spin_until(future.done, 30.0)
    assert future.result().ok
    assert future.result().message == "forward_position_controller|scaled_joint_trajectory_controller|2|True|3"
    future = listing.call_async(ros_interfaces.ListControllers.Request())
    assert probe.spin_until(future.done, 30.0)
    expected = fill(ros_interfaces.ListControllers.Response(), seed=11)
    assert future.result() == expected and len(expected.controller) == 2


if __name__ == "__main__" and sys.argv[1:] == ["echo"]:
    echo_main()
