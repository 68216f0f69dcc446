"""Universal Robots UR5e constants (ur_robot_driver joint names, datasheet limits).

Kinematics follow the published UR5e DH parameters (d1 0.1625, a2 -0.425, a3 -0.3922,
d4 0.1333, d5 0.0997, d6 0.0996); the gripper is a generic parallel gripper of
Robotiq 2F-85 size and stroke.
"""

from __future__ import annotations

import math

from sim.robots.spec import RobotSpec

TWO_PI = 2.0 * math.pi

UR5E = RobotSpec(
    name="ur5e",
    arm_joints=(
        "shoulder_pan_joint",
        "shoulder_lift_joint",
        "elbow_joint",
        "wrist_1_joint",
        "wrist_2_joint",
        "wrist_3_joint",
    ),
    gripper_joints=("gripper_left_finger_joint", "gripper_right_finger_joint"),
    lower=(-TWO_PI, -TWO_PI, -math.pi, -TWO_PI, -TWO_PI, -TWO_PI),
    upper=(TWO_PI, TWO_PI, math.pi, TWO_PI, TWO_PI, TWO_PI),
    velocity_limits=(math.pi,) * 6,
    effort_limits=(150.0, 150.0, 150.0, 28.0, 28.0, 28.0),

    home=(0.0, -1.5708, 1.5708, -1.5708, -1.5708, 0.0),
    kp=(5000.0, 5000.0, 5000.0, 1000.0, 1000.0, 1000.0),
    kv=(200.0, 200.0, 200.0, 30.0, 30.0, 30.0),
    gripper_open=0.0425,
    gripper_closed=0.0,
    gripper_force=20.0,
    gripper_velocity=0.15,
    base_body="base",
    hand_body="gripper_base",
    finger_geoms=("gripper_left_pad", "gripper_right_pad"),
)

LINK_INERTIALS: dict[str, tuple[float, tuple[float, float, float], tuple[float, float, float]]] = {
    "base": (4.0, (0.0, 0.0, 0.0), (0.00443333, 0.00443333, 0.0072)),
    "shoulder_link": (3.761, (0.0, 0.0, 0.0), (0.0102675, 0.0102675, 0.00666)),
    "upper_arm_link": (8.058, (0.0, 0.0, 0.2125), (0.133886, 0.133886, 0.0151074)),
    "forearm_link": (2.846, (0.0, 0.0, 0.196), (0.0311796, 0.0311796, 0.004095)),
    "wrist_1_link": (1.37, (0.0, 0.127, 0.0), (0.0025599, 0.0025599, 0.0021942)),
    "wrist_2_link": (1.3, (0.0, 0.0, 0.1), (0.0025599, 0.0025599, 0.0021942)),
    "wrist_3_link": (0.365, (0.0, 0.0771, 0.0), (0.000132134, 0.000132134, 9.90863e-05)),
    "gripper_base": (0.65, (0.0, 0.0, 0.05), (0.0012, 0.0012, 0.0008)),
}
