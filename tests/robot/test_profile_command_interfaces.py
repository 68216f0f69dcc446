"""Each driver profile commands through an interface the bridge's ``command_interface`` parameter accepts."""

from __future__ import annotations

from robot.params import COMMAND_INTERFACES, BridgeParams
from robot.vendor_profiles import PROFILES


def test_every_profiles_command_interface_is_one_the_bridge_accepts() -> None:
    assert {p.command_interface for p in PROFILES.values()} == set(COMMAND_INTERFACES)
    for profile in PROFILES.values():
        params = BridgeParams(robot=profile.robots[0], profile=profile.name, arm_on_start=False,
                              command_interface=profile.command_interface)
        assert params.command_interface == profile.command_interface
