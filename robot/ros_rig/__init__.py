"""A harness for real DDS on one host: start the simulated arm, bridge and perception nodes as processes on a
ROS_DOMAIN_ID of their own, and probe them from the calling process (processes.py), drive the bridge and the
sim arm or a vendor driver's double from that probe (bridge_rig.py), or run perception in the loop
(perception_loop.py).

Used by the ROS tests (few seeds, assertions) and by the benches (many seeds, JSON), so both drive the nodes
the same way. It runs the console scripts of this checkout and reads ``launch/config`` from it. rclpy loads
only when a probe or loop is built.
"""

from __future__ import annotations

from robot.ros_rig.bridge_rig import (
    LOADED_HOST,
    TIMING_FAULTS,
    BridgeRig,
    RigTimeoutError,
    latched_qos,
    read_ticks,
    vendor_params_file,
)
from robot.ros_rig.perception_loop import (
    OVERLAY,
    RELAXED_BRIDGE,
    Episode,
    PerceptionLoop,
    placed,
    write_params,
)
from robot.ros_rig.processes import BIN_DIR, REPO_ROOT, NodeProcess, RosProbe, allocate_domain_id, ros_env

__all__ = [
    "BIN_DIR",
    "LOADED_HOST",
    "OVERLAY",
    "RELAXED_BRIDGE",
    "REPO_ROOT",
    "TIMING_FAULTS",
    "BridgeRig",
    "Episode",
    "NodeProcess",
    "PerceptionLoop",
    "RigTimeoutError",
    "RosProbe",
    "allocate_domain_id",
    "latched_qos",
    "placed",
    "read_ticks",
    "ros_env",
    "vendor_params_file",
    "write_params",
]
