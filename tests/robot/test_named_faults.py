"""One table of which fault the bridge names for each injection (``robot.fault_injection.NAMED_FAULT``), read by
the drills and benches instead of a copy each; tied here to the injector, the fault registry and the bridge tests."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from robot.fault_injection import DRIVER_FAULTS, FAULTS, NAMED_FAULT
from robot.safety.faults import FAULTS_BY_ID, SENSOR_FAULTS, Severity


def test_every_injection_names_a_registered_fault_kind() -> None:
    assert list(NAMED_FAULT) == list(FAULTS)
    assert set(NAMED_FAULT.values()) <= set(FAULTS_BY_ID), set(NAMED_FAULT.values()) - set(FAULTS_BY_ID)
    # Corrupted readings are sensor faults; a driver's own stop is an emergency the arm already took.
    for name in ("stale", "freeze", "nan", "jump", "latency"):
        assert FAULTS_BY_ID[NAMED_FAULT[name]] in SENSOR_FAULTS, name
    for name in {n for names in DRIVER_FAULTS.values() for n in names}:
        assert FAULTS_BY_ID[NAMED_FAULT[name]].severity is Severity.EMERGENCY, name


def test_the_table_is_what_the_bridge_core_tests_observe() -> None:
    """``tests/robot/test_bridge_core.py`` injects each fault into a real bridge core and asserts the kind it names."""
    path = Path(__file__).with_name("test_bridge_core.py")
    spec = importlib.util.spec_from_file_location("bridge_core_cases", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert len(module.FAULT_CASES) >= 9
    for payload, kind, _ in module.FAULT_CASES:
        assert NAMED_FAULT[payload["fault"]] == kind.id, payload


def test_the_rigs_timing_faults_are_registered_kinds() -> None:
    from robot.ros_rig.bridge_rig import TIMING_FAULTS

    assert set(FAULTS_BY_ID) >= TIMING_FAULTS, TIMING_FAULTS - set(FAULTS_BY_ID)
