"""The switch-off's acknowledgement thread (robot.bridge_node): the quiet period after the last arm commands is
kept when waiting for their acknowledgement fails, and a node that stopped spinning gets no task from it."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("rclpy")

import rclpy
from rclpy.executors import SingleThreadedExecutor

from robot.bridge_node import BridgeNode
from robot.controller_watch import QUIET_S, SwitchRequest
from robot.params import BridgeParams
from robot.ros_rig.processes import allocate_domain_id


@pytest.fixture
def node() -> Iterator[tuple[BridgeNode, SingleThreadedExecutor]]:
    with allocate_domain_id() as domain:
        context = rclpy.Context()
        rclpy.init(domain_id=domain, context=context)
        executor = SingleThreadedExecutor(context=context)
        bridge = BridgeNode(BridgeParams(robot="fr3", profile="franka", arm_on_start=False), context=context)
        executor.add_node(bridge)
        try:
            yield bridge, executor
        finally:
            bridge.stop()
            executor.shutdown()
            bridge.destroy_node()
            rclpy.shutdown(context=context)


def _spin_until(executor: SingleThreadedExecutor, done: Any, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while not done() and time.monotonic() < end:
        executor.spin_once(timeout_sec=0.02)
    return bool(done())


@pytest.mark.ros
def test_a_failed_acknowledgement_wait_keeps_the_quiet_period_and_a_stopped_node_gets_no_switch_task(
        node: tuple[BridgeNode, SingleThreadedExecutor]) -> None:
    bridge, executor = node
    watch = bridge.watch
    assert watch is not None

    def no_acknowledgements(timeout: object) -> bool:
        raise RuntimeError("this middleware does not acknowledge")

    bridge.arm_pub.wait_for_all_acked = no_acknowledgements  # type: ignore[method-assign,assignment]
    bridge.start()
    request = SwitchRequest(controller=bridge.params.controller, activate=False, cause=("operator_stop",))
    began = bridge._now()
    bridge._start_switch(request)
    assert _spin_until(executor, lambda: watch.switches == 1, 10.0)
    event = watch.last_switch
    assert event is not None and "no controller manager" in event["message"], event  # the switch went out...
    assert event["t_request"] - began >= QUIET_S, event  # ...after the quiet period, though the wait raised
    assert event["commands_acked"] is False

    bridge.stop()  # shut down: nothing may be handed to the executor any more
    bridge._start_switch(request)
    assert _spin_until(executor, lambda: watch.switches == 2, 10.0)
    _spin_until(executor, lambda: False, 0.3)  # a task handed over regardless would run here
    assert watch.switches == 2 and watch.last_switch is not None
    assert watch.last_switch["message"] == "shut down before the switch-off", watch.last_switch
