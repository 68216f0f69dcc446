"""Built-in MJCF model of the Franka Emika Panda from primitive geoms.

Body frames follow Franka's kinematic chain (the frames of franka_description and MuJoCo
Menagerie): link offsets 0.333 / 0.316 / 0.0825 / 0.384 / 0.088 / 0.107 m.
"""

from __future__ import annotations

import mujoco

from sim.robots.mjcf import actuators, arm_joint, inertial, keyframe, robot_defaults
from sim.robots.panda import LINK_INERTIALS, PANDA

TCP_OFFSET = 0.1034  # hand frame to the centre of the finger pads (m)


def panda_xml() -> str:
    s, I = PANDA, LINK_INERTIALS  # noqa: E741 - mirrors the datasheet's notation
    return f"""
<mujoco model="panda">
  <compiler angle="radian" autolimits="true"/>
  <option integrator="implicitfast"/>
  {robot_defaults(s, "panda", "0.95 0.95 0.95 1")}
  <worldbody>
    <body name="panda_link0" childclass="panda">
      {inertial(I, "panda_link0")}
      <geom name="panda_link0_c" type="cylinder" size="0.075 0.07" pos="-0.03 0 0.07"/>
      <body name="panda_link1" pos="0 0 0.333" gravcomp="1">
        {inertial(I, "panda_link1")}
        {arm_joint(s, 0, "0 0 1")}
        <geom type="capsule" fromto="0 0 -0.2 0 0 -0.05" size="0.06"/>
        <body name="panda_link2" quat="1 -1 0 0" gravcomp="1">
          {inertial(I, "panda_link2")}
          {arm_joint(s, 1, "0 0 1")}
          <geom type="capsule" fromto="0 0 -0.06 0 0 0.06" size="0.06"/>
          <geom type="capsule" fromto="0 -0.05 0 0 -0.2 0" size="0.06"/>
          <body name="panda_link3" pos="0 -0.316 0" quat="1 1 0 0" gravcomp="1">
            {inertial(I, "panda_link3")}
            {arm_joint(s, 2, "0 0 1")}
            <geom type="capsule" fromto="0 0 -0.12 0 0 -0.03" size="0.055"/>
            <body name="panda_link4" pos="0.0825 0 0" quat="1 1 0 0" gravcomp="1">
              {inertial(I, "panda_link4")}
              {arm_joint(s, 3, "0 0 1")}
              <geom type="capsule" fromto="0 0 -0.055 0 0 0.055" size="0.055"/>
              <geom type="capsule" fromto="-0.02 0.05 0 -0.07 0.13 0" size="0.05"/>
              <body name="panda_link5" pos="-0.0825 0.384 0" quat="1 -1 0 0" gravcomp="1">
                {inertial(I, "panda_link5")}
                {arm_joint(s, 4, "0 0 1")}
                <geom type="capsule" fromto="0 0 -0.24 0 0 -0.1" size="0.05"/>
                <geom type="capsule" fromto="0 0.08 -0.1 0 0.08 -0.02" size="0.04"/>
                <body name="panda_link6" quat="1 1 0 0" gravcomp="1">
                  {inertial(I, "panda_link6")}
                  {arm_joint(s, 5, "0 0 1")}
                  <geom type="capsule" fromto="0 0 -0.03 0 0 0.01" size="0.05"/>
                  <geom type="capsule" fromto="0.02 0 0 0.088 0 0" size="0.04"/>
                  <body name="panda_link7" pos="0.088 0 0" quat="1 1 0 0" gravcomp="1">
                    {inertial(I, "panda_link7")}
                    {arm_joint(s, 6, "0 0 1")}
                    <geom type="cylinder" fromto="0 0 0.0 0 0 0.1" size="0.045"/>
                    <body name="panda_hand" pos="0 0 0.107" quat="0.9238795 0 0 -0.3826834" gravcomp="1">
                      {inertial(I, "panda_hand")}
                      <geom name="panda_hand_c" type="box" size="0.025 0.1 0.028" pos="0 0 0.03"/>
                      <site name="tcp" pos="0 0 {TCP_OFFSET}" size="0.005" rgba="1 0 0 0.5" group="4"/>
                      <camera name="wrist" pos="0.07 0 0.03" xyaxes="0 1 0 0.79 0 0.61" fovy="75"/>
                      <body name="panda_leftfinger" pos="0 0 0.0584" gravcomp="1">
                        <inertial mass="0.015" pos="0 0.01 0.03" diaginertia="2.4e-06 2.4e-06 1.2e-06"/>
                        <joint name="{s.gripper_joints[0]}" class="panda_finger" axis="0 1 0"/>
                        <geom name="panda_leftfinger_pad" class="panda_finger" type="box"
                              size="0.0095 0.007 0.027" pos="0 0.007 0.027"/>
                      </body>
                      <body name="panda_rightfinger" pos="0 0 0.0584" gravcomp="1">
                        <inertial mass="0.015" pos="0 -0.01 0.03" diaginertia="2.4e-06 2.4e-06 1.2e-06"/>
                        <joint name="{s.gripper_joints[1]}" class="panda_finger" axis="0 -1 0"/>
                        <geom name="panda_rightfinger_pad" class="panda_finger" type="box"
                              size="0.0095 0.007 0.027" pos="0 -0.007 0.027"/>
                      </body>
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


def build_panda_spec() -> mujoco.MjSpec:
    """A fresh, uncompiled MjSpec of the Panda with its gripper, base at the origin."""
    return mujoco.MjSpec.from_string(panda_xml())
