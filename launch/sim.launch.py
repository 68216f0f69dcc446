"""Simulated arm + bridge: ``ros2 launch launch/sim.launch.py robot:=panda [policy:=DIR] [record:=out/run.mcap]``.

Starts ``armstack-sim-arm`` (MuJoCo arm, table and cubes behaving like a ros2_control position system) and
``armstack-bridge`` (fault monitor, fallback supervisor, command gate, policy or planner), both reading
``config/<robot>.yaml`` next to this file. The executables are the console scripts that ``pip install armstack``
puts on PATH. Launch arguments override the file's ``controller``, ``policy`` and ``record`` parameters.
"""

from launch import LaunchDescription  # type: ignore[attr-defined]  # mypy here sees the launch/ folder
from launch.actions import DeclareLaunchArgument
from launch.substitutions import LaunchConfiguration, PathJoinSubstitution, TextSubstitution, ThisLaunchFileDir
from launch_ros.actions import Node
from launch_ros.parameter_descriptions import ParameterValue

ROBOTS = ["panda", "ur5e", "fr3"]


def generate_launch_description() -> LaunchDescription:
    robot = LaunchConfiguration("robot")
    namespace = LaunchConfiguration("namespace")
    params_file = LaunchConfiguration("params_file")
    controller = ParameterValue(LaunchConfiguration("controller"), value_type=str)
    return LaunchDescription([
        DeclareLaunchArgument("robot", default_value="panda", choices=ROBOTS,
                              description="which arm the sim models and the bridge drives"),
        DeclareLaunchArgument("controller", default_value="arm_controller",
                              description="ros2_control controller name: <controller>/commands or /joint_trajectory"),
        DeclareLaunchArgument("policy", default_value="expert",
                              description="'expert' (scripted) or a policy checkpoint directory"),
        DeclareLaunchArgument("record", default_value="",
                              description="MCAP file the bridge records to ('' = no recording)"),
        DeclareLaunchArgument("namespace", default_value="", description="namespace of both nodes and their topics"),
        DeclareLaunchArgument(
            "params_file",
            default_value=PathJoinSubstitution([ThisLaunchFileDir(), "config",
                                                [robot, TextSubstitution(text=".yaml")]]),
            description="ROS 2 parameter file with armstack_sim_arm and armstack_bridge sections"),
        Node(
            executable="armstack-sim-arm",
            name="armstack_sim_arm",
            namespace=namespace,
            parameters=[params_file, {"controller": controller}],
            output="screen",
        ),
        Node(
            executable="armstack-bridge",
            name="armstack_bridge",
            namespace=namespace,
            parameters=[params_file, {
                "controller": controller,
                "policy": ParameterValue(LaunchConfiguration("policy"), value_type=str),
                "record": ParameterValue(LaunchConfiguration("record"), value_type=str),
            }],
            output="screen",
        ),
    ])
