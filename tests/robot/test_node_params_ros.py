"""Declared parameters over real DDS: ``-p`` overrides the file and is what runs, read back through the node's
parameter services; a bad value is refused with a reason at runtime and ends start-up with exit status 2."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

pytest.importorskip("rclpy")

from rcl_interfaces.msg import Parameter as ParameterMsg
from rcl_interfaces.msg import ParameterType, ParameterValue
from rcl_interfaces.srv import DescribeParameters, GetParameters, SetParameters
from std_msgs.msg import String

from robot.ros_rig.processes import BIN_DIR, REPO_ROOT, NodeProcess, RosProbe, allocate_domain_id, ros_env

PANDA = REPO_ROOT / "launch" / "config" / "panda.yaml"
STARTUP_S = 60.0  # MuJoCo import and scene build for the arm, both processes on a loaded 2-core box


def _call(probe: RosProbe, proc: NodeProcess, srv: Any, name: str, request: Any) -> Any:
    client: Any = probe.node.create_client(srv, name)
    try:
        assert probe.spin_until(client.service_is_ready, STARTUP_S, proc), f"no {name}; output:\n{proc.output()}"
        future = client.call_async(request)
        assert probe.spin_until(future.done, 20.0, proc), f"{name} did not answer; output:\n{proc.output()}"
        return future.result()
    finally:
        probe.node.destroy_client(client)


def _get(probe: RosProbe, proc: NodeProcess, node: str, *names: str) -> list[Any]:
    values = _call(probe, proc, GetParameters, f"/{node}/get_parameters", GetParameters.Request(names=list(names)))
    out = []
    for v in values.values:
        out.append({ParameterType.PARAMETER_DOUBLE: v.double_value, ParameterType.PARAMETER_BOOL: v.bool_value,
                    ParameterType.PARAMETER_STRING: v.string_value}[v.type])
    return out


def _set(probe: RosProbe, proc: NodeProcess, node: str, name: str, value: float | bool | str) -> tuple[bool, str]:
    if isinstance(value, bool):
        pv = ParameterValue(type=ParameterType.PARAMETER_BOOL, bool_value=value)
    elif isinstance(value, float):
        pv = ParameterValue(type=ParameterType.PARAMETER_DOUBLE, double_value=value)
    else:
        pv = ParameterValue(type=ParameterType.PARAMETER_STRING, string_value=value)
    request = SetParameters.Request(parameters=[ParameterMsg(name=name, value=pv)])
    (result,) = _call(probe, proc, SetParameters, f"/{node}/set_parameters", request).results
    return bool(result.successful), str(result.reason)


@pytest.mark.ros
def test_command_line_overrides_are_what_runs_and_bad_sets_are_refused_with_a_reason() -> None:
    with allocate_domain_id() as domain, RosProbe(domain) as probe, \
            NodeProcess("armstack-sim-arm", domain, PANDA, ros_args=["-p", "publish_rate_hz:=125.0"]) as arm, \
            NodeProcess("armstack-bridge", domain, PANDA, ros_args=["-p", "control_rate_hz:=123.0"]) as bridge:
        stats = probe.subscribe(String, "armstack_sim_arm/stats")
        assert _get(probe, bridge, "armstack_bridge", "control_rate_hz", "policy_rate_hz") == [123.0, 20.0]
        assert _get(probe, arm, "armstack_sim_arm", "publish_rate_hz", "estop_rate_hz") == [125.0, 20.0]
        # ... and they run: the arm's loop targets 8 ms, the bridge says so at start-up.
        assert probe.wait_for_messages("armstack_sim_arm/stats", 1, STARTUP_S, arm), arm.output()
        assert json.loads(stats[-1][1].data)["target_period_ms"] == pytest.approx(8.0)
        assert probe.spin_until(lambda: "123 Hz control" in bridge.output(), 20.0, bridge), bridge.output()

        described = _call(probe, bridge, DescribeParameters, "/armstack_bridge/describe_parameters",
                          DescribeParameters.Request(names=["control_rate_hz", "perception_timeout_s"]))
        rate, timeout = described.descriptors
        assert rate.read_only and rate.description and not timeout.read_only
        assert (rate.floating_point_range[0].from_value, rate.floating_point_range[0].to_value) == (10.0, 1000.0)
        assert (timeout.floating_point_range[0].from_value, timeout.floating_point_range[0].to_value) == (0.0, 60.0)

        ok, reason = _set(probe, bridge, "armstack_bridge", "control_rate_hz", 200.0)
        assert not ok and "read-only" in reason and "control_rate_hz" in reason
        ok, reason = _set(probe, bridge, "armstack_bridge", "perception_timeout_s", 100.0)
        assert not ok and "perception_timeout_s" in reason and "60.0" in reason and "100.0" in reason, reason
        ok, reason = _set(probe, bridge, "armstack_bridge", "task", "juggle")
        assert not ok and "unknown task 'juggle'; valid:" in reason, reason
        ok, reason = _set(probe, bridge, "armstack_bridge", "perception_timeout_s", 2.0)
        assert ok, reason
        assert _get(probe, bridge, "armstack_bridge", "perception_timeout_s") == [2.0]

        ok, reason = _set(probe, arm, "armstack_sim_arm", "publish_rate_hz", 5000.0)
        assert not ok and "read-only" in reason, reason
        ok, reason = _set(probe, arm, "armstack_sim_arm", "estop_heartbeat", False)
        assert ok, reason
        assert _get(probe, arm, "armstack_sim_arm", "estop_heartbeat") == [False]
        assert bridge.alive() and arm.alive(), bridge.output() + arm.output()


@pytest.mark.ros
@pytest.mark.parametrize(("script", "override", "needles"), [
    ("armstack-bridge", "control_rate_hz:=5.0", ["control_rate_hz", "[10.0, 1000.0]", "5.0"]),
    ("armstack-bridge", "stale_period:=3.0", ["unknown parameter(s) 'stale_period'", "stale_periods"]),
    # What the launch files' policy_start_timeout_s argument sets.
    ("armstack-bridge", "policy_start_timeout_s:=0.5", ["policy_start_timeout_s", "[1.0, 3600.0]", "0.5"]),
    ("armstack-bridge", "stop_deactivates_controller:=true",
     ["stop_deactivates_controller needs a profile with a controller manager (ur, franka), not 'generic'"]),
    ("armstack-sim-arm", "publish_rate_hz:=5000.0", ["publish_rate_hz", "[1.0, 1000.0]", "5000.0"]),
    ("armstack-perception", "max_frame_age_s:=100.0", ["max_frame_age_s", "(0, 60]", "100.0"]),
])
def test_a_bad_command_line_value_exits_2_with_one_line(script: str, override: str, needles: list[str]) -> None:
    with allocate_domain_id() as domain:
        proc = subprocess.run([str(BIN_DIR / script), "--ros-args", "--params-file", str(PANDA), "-p", override],
                              capture_output=True, text=True, timeout=120, check=False, cwd=REPO_ROOT,
                              env=ros_env(domain))
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert proc.returncode == 2 and len(lines) == 1, proc.stderr
    assert lines[0].startswith(f"{script}: error: ") and all(n in lines[0] for n in needles), lines[0]


def test_the_bridge_does_not_import_the_simulated_arm_for_its_parameters() -> None:
    code = "import sys, robot.bridge_node; assert 'robot.sim_arm_node' not in sys.modules; " \
           "assert 'robot.sim_arm' not in sys.modules"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False,
                          cwd=REPO_ROOT)
    assert proc.returncode == 0, proc.stderr
