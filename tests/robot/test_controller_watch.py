"""The command controller's watch and the bridge's own switch-off on a category-0/1 stop, without ROS (issue 15
items 1 and 6); tests/robot/test_controller_manager_ros.py runs both against the UR double over DDS."""

from __future__ import annotations

from robot.controller_watch import CONTROLLER_FAULT, NO_ANSWER, QUIET_S, ControllerWatch, SwitchState
from robot.driver_status import DriverStatus
from robot.safety.faults import Fault, FaultKind
from robot.safety.supervisor import Mode
from robot.vendor_profiles import PROFILES

CTL = "scaled_joint_trajectory_controller"


def _watch(*, on: bool = True, delay: float = 0.3) -> ControllerWatch:
    watch = ControllerWatch(CTL, deactivate_on_stop=on, delay_s=delay)
    assert watch.verdict({CTL: "active"}) is None
    return watch


def _stop(watch: ControllerWatch, now: float, *kinds: FaultKind, mode: Mode = Mode.SAFE_STOP) -> None:
    watch.on_result(now, armed=True, mode=mode, faults=[Fault(kind=k, since=now - 0.01) for k in kinds])


def test_a_category_1_stop_switches_the_controller_off_after_the_delay_and_once() -> None:
    watch = _watch()
    _stop(watch, 10.0, FaultKind.STATE_JUMP)
    assert watch.state == SwitchState.DUE and not watch.silent(10.2)  # the hold brings the arm to rest first
    # Silent a moment before the request: a command on its way arrives before the switch does, never after.
    assert watch.silent(10.3 - QUIET_S) and watch.due(10.29, mode=Mode.SAFE_STOP) is None
    request = watch.due(10.3, mode=Mode.SAFE_STOP)
    assert request is not None and not request.activate and request.controller == CTL
    assert request.cause == ("state_jump",) and request.fault_since == 9.99 and request.stop_at == 10.0
    assert watch.silent(10.3) and watch.switched_off
    assert watch.due(11.0, mode=Mode.SAFE_STOP) is None
    _stop(watch, 10.4, FaultKind.STATE_JUMP)  # the next ticks of the same stop schedule nothing more
    event = watch.switched(request, ok=True, message="", t_request=10.3, t_done=10.31)
    assert event["event"] == "controller_switch" and event["active"] is False and event["ok"] is True
    assert event["cause"] == ["state_jump"] and event["t_done"] == 10.31 and event["fault_since"] == 9.99
    assert watch.state == SwitchState.OFF and watch.listed == "inactive"
    # The bridge's own switch-off is no fault of the driver.
    assert watch.verdict({CTL: "inactive"}) is None
    on = watch.switch_on({CTL: "inactive"})
    assert on is not None and on.activate
    watch.switched(on, ok=True, message="", t_request=12.0, t_done=12.01)
    assert watch.state == SwitchState.ON and not watch.silent(12.02) and watch.switch_on({}) is None
    # An arm request that switched it on and was then refused switches it off again: silent at once, the
    # request a moment later.
    watch.switch_off_again(12.1)
    assert watch.silent(12.1) and watch.due(12.1, mode=Mode.SAFE_STOP) is None
    again = watch.due(12.1 + QUIET_S, mode=Mode.SAFE_STOP)
    assert again is not None and not again.activate and again.cause == ("arm_request_refused",)
    watch.switched(again, ok=True, message="", t_request=12.2, t_done=12.21)
    assert watch.state == SwitchState.OFF and watch.switch_on("no answer") is not None
    # Someone switched it on meanwhile: nothing to send, and the bridge's commands flow again.
    assert watch.switch_on({CTL: "active"}) is None and watch.state == SwitchState.ON


def test_a_switch_off_the_manager_did_not_answer_keeps_the_bridge_silent() -> None:
    watch = _watch()
    _stop(watch, 1.0, FaultKind.STATE_JUMP)
    request = watch.due(1.3, mode=Mode.SAFE_STOP)
    assert request is not None
    watch.switched(request, ok=False, message=f"/controller_manager/switch_controller {NO_ANSWER} 2 s",
                   t_request=1.3, t_done=3.3)
    assert watch.state == SwitchState.OFF and watch.silent(3.3)  # it may still apply


def test_only_category_0_and_1_stops_of_an_armed_bridge_switch_off() -> None:
    watch = _watch()
    _stop(watch, 1.0, FaultKind.OPERATOR_STOP)  # category 2: power stays, the hold goes on
    _stop(watch, 1.0, FaultKind.POSITION_LIMIT, FaultKind.TRACKING_ERROR)
    watch.on_result(1.0, armed=True, mode=Mode.DEGRADED, faults=[Fault(kind=FaultKind.STALE_STATE, since=1.0)])
    watch.on_result(1.0, armed=False, mode=Mode.SAFE_STOP, faults=[Fault(kind=FaultKind.STALE_STATE, since=1.0)])
    assert watch.state == SwitchState.ON
    _stop(watch, 1.0, FaultKind.ESTOP, mode=Mode.ESTOP)  # category 0
    assert watch.state == SwitchState.DUE
    off = _watch(on=False)
    _stop(off, 1.0, FaultKind.STATE_JUMP)
    assert off.state == SwitchState.ON  # stop_deactivates_controller false: the hold alone


def test_a_stop_re_armed_before_its_delay_or_a_refused_switch_leaves_the_controller_on() -> None:
    watch = _watch(delay=1.0)
    _stop(watch, 1.0, FaultKind.STALE_STATE)
    watch.rearmed()
    assert watch.state == SwitchState.ON and watch.due(5.0, mode=Mode.NOMINAL) is None
    _stop(watch, 6.0, FaultKind.STALE_STATE)
    assert watch.due(7.0, mode=Mode.NOMINAL) is None and watch.state == SwitchState.ON  # resumed meanwhile
    _stop(watch, 8.0, FaultKind.STALE_STATE)
    request = watch.due(9.0, mode=Mode.SAFE_STOP)
    assert request is not None
    event = watch.switched(request, ok=False, message=f"controller {CTL} is not active", t_request=9.0, t_done=9.1)
    assert not event["ok"] and watch.state == SwitchState.ON and not watch.silent(9.1)
    assert "refused" in watch.summary()["last_switch"]


def test_a_controller_stopped_behind_the_bridges_back_is_a_named_driver_fault_until_it_runs_again() -> None:
    watch = _watch()
    fault = watch.verdict({CTL: "inactive", "joint_state_broadcaster": "active"})
    assert isinstance(fault, tuple) and fault[0] == CONTROLLER_FAULT
    assert f"{CTL} is inactive while armed" in fault[1] and f"--activate {CTL}" in fault[1]
    _stop(watch, 1.0, CONTROLLER_FAULT, mode=Mode.ESTOP)
    assert watch.state == SwitchState.ON  # already inactive: no switch-off to send
    missing = watch.verdict({"joint_state_broadcaster": "active"})
    assert isinstance(missing, tuple) and "is not loaded (loaded: joint_state_broadcaster)" in missing[1]
    gone = watch.verdict("no controller manager: /controller_manager/list_controllers not offered")
    assert isinstance(gone, tuple) and gone[0] == FaultKind.DRIVER_STATUS
    assert watch.verdict(f"/controller_manager/list_controllers {NO_ANSWER} 2 s") is False  # no news
    assert watch.verdict({CTL: "active"}) is None

    status = DriverStatus(PROFILES["ur"])
    status.on_controller(fault, 5.0)
    status.on_controller(fault, 5.2)
    (found,) = status.faults(9.0)  # polled, not streamed: no silence criterion
    assert found.kind == CONTROLLER_FAULT and found.since == 5.0  # the same verdict keeps its start
    assert found.detail.startswith("controller_manager/list_controllers: ") and CTL in found.detail
    assert "controller_manager/list_controllers" not in status.summary()  # the preflight asks the manager itself
    status.on_controller(None, 9.5)
    assert status.faults(9.6) == [] and status.controller_fault is None
