"""Simulated arm + bridge: ``ros2 launch launch/sim.launch.py robot:=panda [policy:=DIR] [record:=out/run.mcap]``.

Starts ``armstack-sim-arm`` (MuJoCo arm, table and cubes behaving like a ros2_control position system) and
``armstack-bridge`` (fault monitor, fallback supervisor, command gate, policy or planner), both reading
``config/<robot>.yaml`` next to this file. The executables are the console scripts that ``pip install armstack``
puts on PATH. Launch arguments override the file's ``controller``, ``policy``,
``policy_start_timeout_s`` and ``record`` parameters.

``perception:=true`` puts perception in the loop: ``config/overlay/perception_loop.yaml`` is read after the
robot's file (the sim arm renders its front camera with depth and stops publishing its ground truth on
``scene/objects``) and ``armstack-perception`` starts, so the policy sees only poses perceived in the images.
"""

from launch import LaunchDescription  # type: ignore[attr-defined]  # mypy here sees the launch/ folder
from launch.actions import DeclareLaunchArgument
from launch.conditions import IfCondition
from launch.substitutions import (
    LaunchConfiguration,
    PathJoinSubstitution,
    PythonExpression,
    TextSubstitution,
    ThisLaunchFileDir,
)
from launch_ros.actions import Node
from launch_ros.parameter_descriptions import ParameterValue

# The robots, driver profiles and controllers come from armstack's own tables (installed next to this file):
# robot/launch_tables.py, derived from robot/vendor_profiles.py and robot/sim_models.py. It imports no
# simulator, torch or rclpy.
from robot.launch_tables import CONTROLLER_OF, DRIVER_OF, PROFILE_CHOICES, ROBOTS


def generate_launch_description() -> LaunchDescription:
    robot = LaunchConfiguration("robot")
    # The driver profile: 'auto' picks the robot's vendor driver; its overlay (config/overlay/<profile>.yaml) is
    # read after the robot's file (for 'generic' the robot's file again, which changes nothing).
    profile = PythonExpression([f"{DRIVER_OF!r}['", robot, "'] if '", LaunchConfiguration("profile"),
                                "' == 'auto' else '", LaunchConfiguration("profile"), "'"])
    profile_file = PathJoinSubstitution([ThisLaunchFileDir(), "config", "overlay",
                                         [profile, TextSubstitution(text=".yaml")]])
    controller_value = PythonExpression(["'", LaunchConfiguration("controller"), "' or ",
                                         f"{CONTROLLER_OF!r}['", profile, "']"])  # '' = the profile's
    profile_overlay = PythonExpression(["'", profile_file, "' if '", profile, "' != 'generic' else '",
                                        LaunchConfiguration("params_file"), "'"])
    namespace = LaunchConfiguration("namespace")
    params_file = LaunchConfiguration("params_file")
    controller = ParameterValue(controller_value, value_type=str)
    perception = LaunchConfiguration("perception")
    # With perception:=false the robot's own file is read a second time, which changes nothing.
    overlay = PythonExpression(["'", PathJoinSubstitution([ThisLaunchFileDir(), "config", "overlay",
                                                           "perception_loop.yaml"]),
                                "' if '", perception, "'.lower() == 'true' else '", params_file, "'"])
    return LaunchDescription([
        DeclareLaunchArgument("robot", default_value="panda", choices=ROBOTS,
                              description="which arm the sim models and the bridge drives"),
        DeclareLaunchArgument("profile", default_value="generic", choices=PROFILE_CHOICES,
                              description="driver profile: ur, franka, generic (the sim arm's), auto (the robot's)"),
        DeclareLaunchArgument("controller", default_value="",
                              description="ros2_control controller ('' = the profile's)"),
        DeclareLaunchArgument("policy", default_value="expert",
                              description="'expert' (scripted) or a policy checkpoint directory"),
        DeclareLaunchArgument("policy_start_timeout_s", default_value="120.0",
                              description="s the policy checkpoint's process may take to start, else the bridge "
                                          "exits (a heavily loaded host may need more)"),
        DeclareLaunchArgument("record", default_value="",
                              description="MCAP file the bridge records to ('' = no recording)"),
        DeclareLaunchArgument("namespace", default_value="", description="namespace of the nodes and their topics"),
        DeclareLaunchArgument("perception", default_value="false", choices=["true", "false"],
                              description="true: object poses from armstack-perception on the sim's rendered "
                                          "camera, not the sim's ground truth"),
        DeclareLaunchArgument(
            "params_file",
            default_value=PathJoinSubstitution([ThisLaunchFileDir(), "config",
                                                [robot, TextSubstitution(text=".yaml")]]),
            description="ROS 2 parameter file with armstack_sim_arm and armstack_bridge sections"),
        Node(
            executable="armstack-sim-arm",
            name="armstack_sim_arm",
            namespace=namespace,
            parameters=[params_file, overlay, profile_overlay, {"controller": controller}],
            output="screen",
        ),
        Node(
            executable="armstack-perception",
            name="armstack_perception",
            namespace=namespace,
            parameters=[params_file, overlay],
            condition=IfCondition(perception),
            output="screen",
        ),
        Node(
            executable="armstack-bridge",
            name="armstack_bridge",
            namespace=namespace,
            parameters=[params_file, overlay, profile_overlay, {
                "controller": controller,
                "policy": ParameterValue(LaunchConfiguration("policy"), value_type=str),
                "policy_start_timeout_s": ParameterValue(LaunchConfiguration("policy_start_timeout_s"),
                                                         value_type=float),
                "record": ParameterValue(LaunchConfiguration("record"), value_type=str),
            }],
            output="screen",
        ),
    ])
