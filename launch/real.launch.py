"""Bridge only, against a real ros2_control arm: ``ros2 launch launch/real.launch.py robot:=fr3 policy:=DIR``.

The arm's driver and controllers (franka_ros2, ur_robot_driver) run separately and must provide
``joint_states``, a position controller (``<controller>/commands`` or ``<controller>/joint_trajectory``, as
``command_interface`` in the parameter file says), the gripper controller and an ``estop`` relay publishing
std_msgs/Bool (see launch/README.md). Remap the bridge's inputs with ``joint_states_topic`` and ``estop_topic``
when the driver publishes them elsewhere (e.g. ``/franka/joint_states``).

``perception:=true`` also starts ``armstack-perception`` on a real camera driver's topics (``image_topic``,
``camera_info_topic``, optional registered ``depth_topic``; defaults are RealSense's) with the intrinsics and
hand-eye result of ``armstack calibrate`` (``calibration_file``); it publishes ``scene/objects`` for the bridge.
Nothing else may publish ``scene/objects`` then. The bridge gets the same ``calibration_file``: its arm request
refuses a file that is missing, unreadable or older than ``calibration_max_age_days``.
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
    params_file = LaunchConfiguration("params_file")
    return LaunchDescription([
        DeclareLaunchArgument("robot", default_value="panda", choices=ROBOTS,
                              description="which arm the bridge drives"),
        DeclareLaunchArgument("profile", default_value="auto", choices=PROFILE_CHOICES,
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
        DeclareLaunchArgument("namespace", default_value="", description="namespace of the bridge and its topics"),
        DeclareLaunchArgument("joint_states_topic", default_value="joint_states",
                              description="where the arm's driver publishes sensor_msgs/JointState"),
        DeclareLaunchArgument("estop_topic", default_value="estop",
                              description="where the e-stop relay publishes std_msgs/Bool (true = stop)"),
        DeclareLaunchArgument(
            "params_file",
            default_value=PathJoinSubstitution([ThisLaunchFileDir(), "config",
                                                [robot, TextSubstitution(text=".yaml")]]),
            description="ROS 2 parameter file with the armstack_bridge (and armstack_perception) sections"),
        DeclareLaunchArgument("perception", default_value="false", choices=["true", "false"],
                              description="true: object poses from armstack-perception on a real camera"),
        DeclareLaunchArgument("image_topic", default_value="camera/color/image_raw",
                              description="the camera driver's sensor_msgs/Image (rgb8/bgr8)"),
        DeclareLaunchArgument("camera_info_topic", default_value="camera/color/camera_info",
                              description="the camera driver's sensor_msgs/CameraInfo"),
        DeclareLaunchArgument("depth_topic", default_value="",
                              description="registered depth image (16UC1 mm or 32FC1 m); '' = table-plane mode"),
        DeclareLaunchArgument("calibration_file", default_value="",
                              description="armstack calibrate intrinsics|handeye YAML ('' = CameraInfo and the "
                                          "file's camera_pose)"),
        Node(
            executable="armstack-perception",
            name="armstack_perception",
            namespace=LaunchConfiguration("namespace"),
            parameters=[params_file, {
                "image_topic": ParameterValue(LaunchConfiguration("image_topic"), value_type=str),
                "camera_info_topic": ParameterValue(LaunchConfiguration("camera_info_topic"), value_type=str),
                "depth_topic": ParameterValue(LaunchConfiguration("depth_topic"), value_type=str),
                "calibration_file": ParameterValue(LaunchConfiguration("calibration_file"), value_type=str),
            }],
            condition=IfCondition(LaunchConfiguration("perception")),
            output="screen",
        ),
        Node(
            executable="armstack-bridge",
            name="armstack_bridge",
            namespace=LaunchConfiguration("namespace"),
            parameters=[params_file, profile_overlay, {
                "controller": ParameterValue(controller_value, value_type=str),
                "policy": ParameterValue(LaunchConfiguration("policy"), value_type=str),
                "policy_start_timeout_s": ParameterValue(LaunchConfiguration("policy_start_timeout_s"),
                                                         value_type=float),
                "record": ParameterValue(LaunchConfiguration("record"), value_type=str),
                # The same file the perception node applies: the arm request checks it loads and its age.
                "calibration_file": ParameterValue(LaunchConfiguration("calibration_file"), value_type=str),
            }],
            remappings=[("joint_states", LaunchConfiguration("joint_states_topic")),
                        ("estop", LaunchConfiguration("estop_topic"))],
            output="screen",
        ),
    ])
