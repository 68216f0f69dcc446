"""Joint torque as the motor current that Universal_Robots_ROS2_Driver publishes in ``joint_states`` effort.

The UR driver fills the effort state interface from RTDE's ``actual_current``: each joint's motor current in A,
not a torque (ur_robot_driver docs, usage/utility_controllers.rst: "The effort field contains the currents
reported by the joints and not the actual efforts in a physical sense"; src/hardware_interface.cpp reads
``actual_current`` into the joint efforts). Later drivers can report ``actual_current_as_torque`` instead
(PolyScope >= 5.23 / 10.11, ``use_currents_as_efforts:=false``, driver PR #1551), and that torque is gravity
compensated; the backport to the released distributions (PR #1918) keeps currents by default, which the UR
double reproduces.

UR publishes no torque constants for its joints (Universal_Robots_ROS2_Driver issue #794 asked for one and got
no number). The constants below are therefore an assumption of the double, not UR figures: current = joint
torque / (k_t * N), with the strain-wave gear ratio N = 101 and a motor constant k_t of the order of a frameless
servo motor of that joint size. They only give the double's effort stream the driver's unit and a plausible
magnitude (a few A); nothing safety-related may rest on them, which is why the bridge's ``ur`` profile leaves
its N m effort limits off and says so in ``/diagnostics`` (``robot.vendor_profiles``, ``effort_is_torque``).
"""

from __future__ import annotations

from collections.abc import Sequence

from robot.errors import ParameterError

GEAR_RATIO = 101.0
"""Strain-wave gear ratio assumed for every UR joint."""
MOTOR_TORQUE_CONSTANT = {"size3": 0.125, "size1": 0.07}
"""Assumed motor torque constants (N m/A at the motor shaft) per UR e-Series joint size (not UR figures)."""
TORQUE_PER_AMP: dict[str, tuple[float, ...]] = {
    # UR5e: base, shoulder and elbow are size-3 joints (150 N m), the three wrists size-1 joints (28 N m).
    "ur5e": tuple(MOTOR_TORQUE_CONSTANT[size] * GEAR_RATIO for size in ("size3",) * 3 + ("size1",) * 3),
}
"""Joint-side torque per A of motor current (N m/A), per robot, arm joints in driver order."""


def torque_per_amp(robot: str) -> tuple[float, ...]:
    """The joint-side N m per A of each arm joint of ``robot``; an unknown robot lists the known ones."""
    try:
        return TORQUE_PER_AMP[robot]
    except KeyError:
        raise ParameterError(f"no motor current model for robot {robot!r}; known: {', '.join(TORQUE_PER_AMP)}") \
            from None


def torque_to_current(effort: Sequence[float], per_amp: Sequence[float]) -> list[float]:
    """Motor currents (A) for the joint torques ``effort`` (N m), one per entry of ``per_amp``."""
    if len(effort) != len(per_amp):
        raise ValueError(f"{len(effort)} joint torques for {len(per_amp)} joints")
    return [tau / k for tau, k in zip(effort, per_amp, strict=True)]
