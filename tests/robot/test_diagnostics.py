"""One diagnostic status per monitor check, tick by tick: which check tripped, why, against what threshold."""

from __future__ import annotations

from robot.safety import FaultKind
from robot.safety.diagnostics import CHECKS, ERROR, OK, WARN, check_statuses
from robot.safety.faults import Fault
from robot.safety.monitor_config import MonitorConfig


def test_every_fault_kind_belongs_to_exactly_one_check() -> None:
    kinds = [k for group in CHECKS.values() for k in group]
    assert sorted(k.id for k in kinds) == sorted(k.id for k in FaultKind)


def test_a_tripped_check_is_named_with_its_detail_and_threshold_and_the_others_stay_ok() -> None:
    config = MonitorConfig(jump_rad=0.1)
    faults = [Fault(kind=FaultKind.STATE_JUMP, since=1.0, detail="joint 0 moved 0.300 rad in 4 ms"),
              Fault(kind=FaultKind.POLICY_DEADLINE, since=1.0, detail="inference took 41.0 ms")]
    statuses = {s.name: s for s in check_statuses(faults, config, extra={FaultKind.PLANNER_PROCESS: "killed"},
                                                  measured={"joint_states": {"age_s": "0.004"}})}
    assert list(statuses) == list(CHECKS)
    joints = statuses["joint_states"]
    assert joints.level == ERROR and joints.message == "state_jump: joint 0 moved 0.300 rad in 4 ms"
    assert joints.values["jump_rad"] == "0.1" and joints.values["age_s"] == "0.004"
    assert joints.values["active"] == "state_jump"
    assert statuses["policy"].level == WARN and "policy_deadline" in statuses["policy"].message
    assert statuses["planner"].level == ERROR and statuses["planner"].message == "planner_process: killed"
    assert all(s.level == OK and s.message == "ok" for n, s in statuses.items()
               if n not in ("joint_states", "policy", "planner"))
