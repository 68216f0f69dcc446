"""Shared test setup: headless rendering and the env registrations."""

import os

import pytest

os.environ.setdefault("MUJOCO_GL", "egl")
os.environ.setdefault("PYOPENGL_PLATFORM", os.environ["MUJOCO_GL"])

import sim  # noqa: F401 - registers armstack/* ids


def loadgroup_dissolves(pytest_version: str) -> bool:
    """True where pytest keys node ids on ``Node._id`` (9.2 on), so xdist's loadgroup cannot group. The release is
    compared, not the version: a pre-release (9.2.0.dev340) already has the change but compares below "9.2". No
    pytest-xdist release groups under it yet (pytest-xdist#1388 is unmerged), so the xdist version is not consulted."""
    from packaging.version import Version

    return Version(pytest_version).release >= (9, 2)


def pytest_configure(config: pytest.Config) -> None:
    """Refuse ``--dist loadgroup`` where it would not group. The ROS rigs (xdist_group "bridge_ros") each need the
    2-core CI box to themselves; pytest 9.2 keys node ids on ``Node._id`` while pytest-xdist 3.8 groups by renaming
    ``Node._nodeid``, so the groups silently dissolved and two rigs ran at once (the stale_state stops of CI's ROS
    failures in sessions 15-16). A worker's own check would only crash it without a message: check here."""
    if config.getoption("dist", "no") != "loadgroup":
        return
    from importlib.metadata import version

    if loadgroup_dissolves(pytest.__version__):
        raise pytest.UsageError(
            f"pytest {pytest.__version__} with pytest-xdist {version('pytest-xdist')}: --dist loadgroup would not "
            "group tests (xdist_group), the ROS tests would run two rigs at once; install the pins in constraints.txt")
