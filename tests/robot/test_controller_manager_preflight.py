"""The "controllers active" preflight check and the ``controller_inactive`` driver fault, without ROS (issue 15
item 6); tests/robot/test_controller_manager_ros.py runs them against the double over DDS."""

from __future__ import annotations

import pytest

from robot.fault_injection import FaultInjectionError, FaultInjector
from robot.preflight import PreflightInputs, controller_problems, refusal, run_preflight
from robot.vendor_profiles import PROFILES

JOINTS = ("a", "b")


def _checks(missing: list[str]) -> dict[str, tuple[bool, str]]:
    inputs = PreflightInputs(expected_joints=JOINTS, received_joints=JOINTS, rate_hz=500.0, expected_rate_hz=500.0,
                             min_rate_fraction=0.5, missing=missing)
    return {c.name: (c.ok, c.detail) for c in run_preflight(inputs)}


def test_an_inactive_or_unloaded_command_controller_fails_its_own_check_by_name() -> None:
    states = {"joint_state_broadcaster": "active", "scaled_joint_trajectory_controller": "inactive"}
    assert controller_problems("joint_state_broadcaster", states) == []
    checks = _checks(["no publisher on /joint_states",
                      *controller_problems("scaled_joint_trajectory_controller", states)])
    assert checks["driver_topics"] == (False, "no publisher on /joint_states")
    ok, detail = checks["controllers"]
    assert not ok and detail.startswith("scaled_joint_trajectory_controller is inactive, not active")
    assert "--activate scaled_joint_trajectory_controller" in detail
    missing = controller_problems("fr3_arm_controller", states)
    why = refusal(run_preflight(PreflightInputs(expected_joints=JOINTS, received_joints=JOINTS, rate_hz=1.0,
                                                expected_rate_hz=0.0, min_rate_fraction=0.5, missing=missing)))
    assert why is not None and "controllers: fr3_arm_controller is not loaded (loaded: joint_state_broadcaster, " \
        "scaled_joint_trajectory_controller)" in why, why
    no_answer = controller_problems("x", "no controller manager: /controller_manager/list_controllers not offered")
    assert _checks(list(no_answer))["controllers"][1].startswith("no controller manager")
    assert "controllers" not in _checks([])


def test_every_driver_profile_lists_its_command_controller_and_the_fault_is_theirs_only() -> None:
    for name in ("ur", "franka"):
        profile = PROFILES[name]
        assert (profile.controller, True) in {(n, a) for n, _t, a in profile.controllers}
        injector = FaultInjector(names=JOINTS, n_arm=2, effort_limits=(1.0, 1.0), profile=name)
        injector.inject({"fault": "controller_inactive"}, 0.0)
        assert injector.halted_by == "controller_inactive"  # the arm holds and ignores commands
        injector.clear(1.0)
        assert injector.halted_by is None
    assert PROFILES["generic"].controllers == ()
    generic = FaultInjector(names=JOINTS, n_arm=2, effort_limits=(1.0, 1.0), profile="generic")
    with pytest.raises(FaultInjectionError, match="controller_inactive is a fault of the 'ur' or 'franka'"):
        generic.inject({"fault": "controller_inactive"}, 0.0)
    ur = FaultInjector(names=JOINTS, n_arm=2, effort_limits=(1.0, 1.0), profile="ur")
    with pytest.raises(FaultInjectionError, match=r"valid here: .*controller_inactive"):
        ur.inject({"fault": "reflex"}, 0.0)
