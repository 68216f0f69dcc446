"""Shared test setup: headless rendering and the env registrations."""

import os

import pytest

os.environ.setdefault("MUJOCO_GL", "egl")
os.environ.setdefault("PYOPENGL_PLATFORM", os.environ["MUJOCO_GL"])

import sim  # noqa: F401 - registers armstack/* ids


def pytest_configure(config: pytest.Config) -> None:
    """Refuse ``--dist loadgroup`` where it would not group. The ROS rigs (xdist_group "bridge_ros") each need the
    2-core CI box to themselves; pytest 9.2 keys node ids on ``Node._id`` while pytest-xdist 3.8 groups by renaming
    ``Node._nodeid``, so the groups silently dissolved and two rigs ran at once (the stale_state stops of CI's ROS
    failures in sessions 15-16). A worker's own check would only crash it without a message: check here."""
    if config.getoption("dist", "no") != "loadgroup":
        return
    from importlib.metadata import version

    from packaging.version import Version

    if Version(pytest.__version__) >= Version("9.2") and Version(version("pytest-xdist")) <= Version("3.8.0"):
        raise pytest.UsageError(
            f"pytest {pytest.__version__} with pytest-xdist {version('pytest-xdist')}: --dist loadgroup would not "
            "group tests (xdist_group), the ROS tests would run two rigs at once; install the pins in constraints.txt")
