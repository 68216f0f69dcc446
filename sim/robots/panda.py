"""Franka Emika Panda constants (franka_ros2 joint names, datasheet limits).

Limits and inertial values follow Franka's published robot specification and the
dynamics identification used by franka_description / MuJoCo Menagerie.
"""

from __future__ import annotations

from sim.robots.spec import RobotSpec

PANDA = RobotSpec(
    name="panda",
    arm_joints=tuple(f"panda_joint{i}" for i in range(1, 8)),
    gripper_joints=("panda_finger_joint1", "panda_finger_joint2"),
    lower=(-2.8973, -1.7628, -2.8973, -3.0718, -2.8973, -0.0175, -2.8973),
    upper=(2.8973, 1.7628, 2.8973, -0.0698, 2.8973, 3.7525, 2.8973),
    velocity_limits=(2.1750, 2.1750, 2.1750, 2.1750, 2.6100, 2.6100, 2.6100),
    effort_limits=(87.0, 87.0, 87.0, 87.0, 12.0, 12.0, 12.0),
    home=(0.0, -0.785, 0.0, -2.356, 0.0, 1.571, 0.785),
    kp=(4500.0, 4500.0, 3500.0, 3500.0, 2000.0, 2000.0, 2000.0),
    kv=(90.0, 90.0, 70.0, 70.0, 40.0, 40.0, 40.0),
    gripper_open=0.04,
    gripper_closed=0.0,
    gripper_force=20.0,
    gripper_velocity=0.1,
    base_body="panda_link0",
    hand_body="panda_hand",
    finger_geoms=("panda_leftfinger_pad", "panda_rightfinger_pad"),
)

# Link inertials: mass (kg), centre of mass (m), principal inertia (kg m^2).
LINK_INERTIALS: dict[str, tuple[float, tuple[float, float, float], tuple[float, float, float]]] = {
    "panda_link0": (0.629769, (-0.041018, -0.00014, 0.049974), (0.00315, 0.00388, 0.004285)),
    "panda_link1": (4.970684, (0.003875, 0.002081, -0.04762), (0.70337, 0.70661, 0.009117)),
    "panda_link2": (0.646926, (-0.003141, -0.02872, 0.003495), (0.007962, 0.02811, 0.025995)),
    "panda_link3": (3.228604, (0.027518, 0.039252, -0.066502), (0.037242, 0.036155, 0.01083)),
    "panda_link4": (3.587895, (-0.05317, 0.104419, 0.027454), (0.025853, 0.019552, 0.028323)),
    "panda_link5": (1.225946, (-0.011953, 0.041065, -0.038437), (0.035549, 0.029474, 0.008627)),
    "panda_link6": (1.666555, (0.060149, -0.014117, -0.010517), (0.001964, 0.004354, 0.005433)),
    "panda_link7": (0.735522, (0.010517, -0.004252, 0.061597), (0.012516, 0.010027, 0.004815)),
    "panda_hand": (0.73, (-0.01, 0.0, 0.03), (0.001, 0.0025, 0.0017)),
}
