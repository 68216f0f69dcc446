"""The tables the launch files read: robots, driver profiles and their controllers, derived from the registries.

``launch/sim.launch.py`` and ``launch/real.launch.py`` import this module (armstack is installed next to them)
instead of mirroring :data:`robot.vendor_profiles.PROFILES` and :data:`robot.sim_models.SIM_MODELS`. A launch
file imports it while ``ros2 launch`` starts, so it stays light: no simulator (MuJoCo), torch or rclpy
(``tests/robot/test_launch_files.py`` measures what it imports).
"""

from __future__ import annotations

from robot.errors import ParameterError
from robot.sim_models import SIM_MODELS
from robot.vendor_profiles import GENERIC, PROFILES

AUTO = "auto"


def _vendor_driver(robot: str) -> str:
    """The profile of the robot's own vendor driver: the one profile besides the sim arm's that drives it."""
    found = [p.name for p in PROFILES.values() if p is not GENERIC and robot in p.robots]
    if len(found) != 1:
        raise ParameterError(f"profile {AUTO}: robot {robot!r} needs exactly one vendor driver profile, has {found}")
    return found[0]


ROBOTS: list[str] = list(SIM_MODELS)
"""The ``robot`` argument's choices: the robots the sim arm models and the bridge drives."""
PROFILE_CHOICES: list[str] = [AUTO, *PROFILES]
"""The ``profile`` argument's choices: a driver profile, or ``auto`` (the robot's vendor driver)."""
DRIVER_OF: dict[str, str] = {robot: _vendor_driver(robot) for robot in ROBOTS}
"""robot -> the driver profile ``profile:=auto`` picks."""
CONTROLLER_OF: dict[str, str] = {name: profile.controller for name, profile in PROFILES.items()}
"""profile -> its command controller (the ``controller`` argument's default, '')."""
