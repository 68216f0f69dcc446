"""Built-in MJCF model of the Universal Robots UR5e from primitive geoms.

Body frames follow the UR5e kinematic chain as laid out in MuJoCo Menagerie's model
(shoulder 0.163, upper arm 0.425, forearm 0.392, wrist offsets 0.138/-0.131/0.127/0.1/0.1 m).
"""

from __future__ import annotations

import mujoco

from sim.robots.mjcf import actuators, arm_joint, inertial, keyframe, robot_defaults
from sim.robots.ur5e import LINK_INERTIALS, UR5E

TCP_OFFSET = 0.155  # flange to the centre of the finger pads (m)


def ur5e_xml() -> str:
    s, I = UR5E, LINK_INERTIALS  # noqa: E741
    return f"""
<mujoco model="ur5e">
  <compiler angle="radian" autolimits="true"/>
  <option integrator="implicitfast"/>
  {robot_defaults(s, "ur5e", "0.7 0.75 0.8 1")}
  <worldbody>
    <body name="base" childclass="ur5e">
      {inertial(I, "base")}
      <geom name="base_c" type="cylinder" size="0.075 0.045" pos="0 0 0.045"/>
      <body name="shoulder_link" pos="0 0 0.163" gravcomp="1">
        {inertial(I, "shoulder_link")}
        {arm_joint(s, 0, "0 0 1")}
        <geom type="capsule" fromto="0 0 -0.06 0 0 0.06" size="0.06"/>
        <body name="upper_arm_link" pos="0 0.138 0" quat="1 0 1 0" gravcomp="1">
          {inertial(I, "upper_arm_link")}
          {arm_joint(s, 1, "0 1 0")}
          <geom type="capsule" fromto="0 -0.06 0 0 0.06 0" size="0.06"/>
          <geom type="capsule" fromto="0 0 0.05 0 0 0.38" size="0.05"/>
          <body name="forearm_link" pos="0 -0.131 0.425" gravcomp="1">
            {inertial(I, "forearm_link")}
            {arm_joint(s, 2, "0 1 0")}
            <geom type="capsule" fromto="0 -0.04 0 0 0.06 0" size="0.05"/>
            <geom type="capsule" fromto="0 0 0.05 0 0 0.36" size="0.038"/>
            <body name="wrist_1_link" pos="0 0 0.392" quat="1 0 1 0" gravcomp="1">
              {inertial(I, "wrist_1_link")}
              {arm_joint(s, 3, "0 1 0")}
              <geom type="capsule" fromto="0 0.03 0 0 0.1 0" size="0.04"/>
              <body name="wrist_2_link" pos="0 0.127 0" gravcomp="1">
                {inertial(I, "wrist_2_link")}
                {arm_joint(s, 4, "0 0 1")}
                <geom type="capsule" fromto="0 0 0.03 0 0 0.07" size="0.04"/>
                <body name="wrist_3_link" pos="0 0 0.1" gravcomp="1">
                  {inertial(I, "wrist_3_link")}
                  {arm_joint(s, 5, "0 1 0")}
                  <geom type="cylinder" fromto="0 0.04 0 0 0.1 0" size="0.032"/>
                  <body name="gripper_base" pos="0 0.1 0" quat="-1 1 0 0" gravcomp="1">
                    {inertial(I, "gripper_base")}
                    <geom name="gripper_base_c" type="cylinder" size="0.04 0.03" pos="0 0 0.03"/>
                    <geom name="gripper_palm_c" type="box" size="0.022 0.055 0.022" pos="0 0 0.085"/>
                    <site name="tcp" pos="0 0 {TCP_OFFSET}" size="0.005" rgba="1 0 0 0.5" group="4"/>
                    <camera name="wrist" pos="0.08 0 0.06" xyaxes="0 1 0 0.809 0 0.588" fovy="75"/>
                    <body name="gripper_left_finger" pos="0 0 0.11" gravcomp="1">
                      <inertial mass="0.03" pos="0 0.01 0.04" diaginertia="5e-06 5e-06 2e-06"/>
                      <joint name="{s.gripper_joints[0]}" class="ur5e_finger" axis="0 1 0"/>
                      <geom name="gripper_left_pad" class="ur5e_finger" type="box"
                            size="0.011 0.007 0.03" pos="0 0.007 0.035"/>
                    </body>
                    <body name="gripper_right_finger" pos="0 0 0.11" gravcomp="1">
                      <inertial mass="0.03" pos="0 -0.01 0.04" diaginertia="5e-06 5e-06 2e-06"/>
                      <joint name="{s.gripper_joints[1]}" class="ur5e_finger" axis="0 -1 0"/>
                      <geom name="gripper_right_pad" class="ur5e_finger" type="box"
                            size="0.011 0.007 0.03" pos="0 -0.007 0.035"/>
                    </body>
                  </body>
                </body>
              </body>
            </body>
          </body>
        </body>
      </body>
    </body>
  </worldbody>
  <actuator>
    {actuators(s)}
  </actuator>
  {keyframe(s)}
</mujoco>
"""


def build_ur5e_spec() -> mujoco.MjSpec:
    """A fresh, uncompiled MjSpec of the UR5e with a parallel gripper, base at the origin."""
    return mujoco.MjSpec.from_string(ur5e_xml())
