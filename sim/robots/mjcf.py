"""Small helpers that emit MJCF fragments from robot constants."""

from __future__ import annotations

from sim.robots.spec import RobotSpec

InertialTable = dict[str, tuple[float, tuple[float, float, float], tuple[float, float, float]]]


def vec(values: tuple[float, ...] | list[float]) -> str:
    return " ".join(f"{v:.10g}" for v in values)


def inertial(table: InertialTable, body: str) -> str:
    mass, com, diag = table[body]
    return f'<inertial mass="{mass}" pos="{vec(com)}" diaginertia="{vec(diag)}"/>'


def arm_joint(spec: RobotSpec, index: int, axis: str) -> str:
    name = spec.arm_joints[index]
    lo, hi = spec.lower[index], spec.upper[index]
    return (
        f'<joint name="{name}" axis="{axis}" range="{lo:.10g} {hi:.10g}" '
        f'actuatorfrcrange="{-spec.effort_limits[index]:.10g} {spec.effort_limits[index]:.10g}"/>'
    )


def actuators(spec: RobotSpec) -> str:
    """Joint position servos (like ros2_control position interfaces) for arm and fingers."""
    lines = []
    for i, joint in enumerate(spec.arm_joints):
        lines.append(
            f'<position name="{joint}" joint="{joint}" kp="{spec.kp[i]:.10g}" kv="{spec.kv[i]:.10g}" '
            f'ctrlrange="{spec.lower[i]:.10g} {spec.upper[i]:.10g}" '
            f'forcerange="{-spec.effort_limits[i]:.10g} {spec.effort_limits[i]:.10g}"/>'
        )
    for joint in spec.gripper_joints:
        lines.append(
            f'<position name="{joint}" joint="{joint}" kp="2000" kv="40" '
            f'ctrlrange="{spec.gripper_closed:.10g} {spec.gripper_open:.10g}" '
            f'forcerange="{-spec.gripper_force:.10g} {spec.gripper_force:.10g}"/>'
        )
    return "\n    ".join(lines)


def keyframe(spec: RobotSpec) -> str:
    q = list(spec.home) + [spec.gripper_open] * len(spec.gripper_joints)
    return f'<keyframe><key name="home" qpos="{vec(q)}" ctrl="{vec(q)}"/></keyframe>'


# Robot geoms collide with the world and objects (contype 2 vs conaffinity 1) but not with
# each other: self-collision is checked separately, by distance queries, where it matters.
ROBOT_DEFAULTS = """
  <default>
    <default class="{cls}">
      <joint armature="0.1" damping="1.0"/>
      <geom contype="2" conaffinity="1" group="2" rgba="{rgba}" density="0" condim="3" friction="1 0.005 0.0001"/>
      <default class="{cls}_finger">
        <joint type="slide" armature="0.01" damping="5" range="{grip_lo} {grip_hi}"/>
        <geom condim="4" friction="1.5 0.02 0.0001" solref="0.005 1" solimp="0.95 0.99 0.001" rgba="0.2 0.2 0.2 1"/>
      </default>
    </default>
  </default>
"""


def robot_defaults(spec: RobotSpec, cls: str, rgba: str) -> str:
    return ROBOT_DEFAULTS.format(
        cls=cls, rgba=rgba, grip_lo=f"{spec.gripper_closed:.10g}", grip_hi=f"{spec.gripper_open:.10g}"
    )
