"""The conftest guard that refuses ``--dist loadgroup`` where pytest would dissolve the ROS tests' groups."""

import importlib.util
from pathlib import Path

import pytest

# by path: tests/interop has a conftest.py too, so "import conftest" may name either one
_SPEC = importlib.util.spec_from_file_location("armstack_tests_conftest", Path(__file__).with_name("conftest.py"))
assert _SPEC is not None and _SPEC.loader is not None
_CONFTEST = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(_CONFTEST)
loadgroup_dissolves = _CONFTEST.loadgroup_dissolves


@pytest.mark.parametrize(
    ("version", "dissolves"),
    [("9.1.1", False), ("8.4.2", False), ("9.2", True), ("9.2.0", True), ("9.2.0.dev340", True), ("9.2.0rc1", True),
     ("10.0.0", True)],
)
def test_loadgroup_guard_counts_pre_releases_of_9_2(version: str, dissolves: bool) -> None:
    assert loadgroup_dissolves(version) is dissolves


def test_the_pinned_pytest_groups() -> None:
    # constraints.txt pins the pytest CI runs; the guard must let it through or no ROS test runs at all
    assert not loadgroup_dissolves(pytest.__version__)
