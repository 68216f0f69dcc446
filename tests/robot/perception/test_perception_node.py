"""The perception node: parameter files checked up front; over DDS, rendered frames in, true poses out."""

from __future__ import annotations

import json
from pathlib import Path

import mujoco
import numpy as np
import pytest
import yaml
from perception_scenes import body_pose, hide_goal_marker, make_view_randomizer

from robot.errors import ParameterError
from robot.perception.node_params import NODE_NAME, load_node_params
from robot.perception.pose_math import matrix_to_quat
from robot.perception.sim_camera import SimCamera
from sim.scene import Scene

STARTUP_S = 40.0


def _write_params(path: Path, **params: object) -> Path:
    path.write_text(yaml.safe_dump({NODE_NAME: {"ros__parameters": params}}))
    return path


def test_parameter_files_are_validated_before_any_ros_call(tmp_path: Path) -> None:
    from robot.perception_node import main

    assert main(["armstack-perception", "--ros-args", "--params-file", str(tmp_path / "none.yaml")]) == 2
    bad = _write_params(tmp_path / "bad.yaml", camera="front", camera_pose=[0, 0, 1, 1, 0, 0, 0], fov=45)
    with pytest.raises(ParameterError, match=r"unknown parameter.*fov; valid:.*camera_pose"):
        load_node_params(bad)
    assert main(["armstack-perception", "--ros-args", "--params-file", str(bad)]) == 2
    no_pose = _write_params(tmp_path / "no_pose.yaml", camera="front")
    with pytest.raises(ParameterError, match="camera's pose in the base frame is unknown"):
        load_node_params(no_pose)
    params = load_node_params(_write_params(tmp_path / "ok.yaml", camera="front", object_names=["red_cube"],
                                            camera_pose=[1.0, 0.0, 0.5, 1, 0, 0, 0]))
    assert params.perception.object_names == ("red_cube",)
    expected = np.array([[1, 0, 0, 1.0], [0, 1, 0, 0], [0, 0, 1, 0.5], [0, 0, 0, 1]])
    assert np.allclose(np.asarray(params.camera_pose_matrix()), expected)


@pytest.mark.ros
def test_node_publishes_true_poses_from_rendered_frames(marker_scene: Scene, tmp_path: Path) -> None:
    pytest.importorskip("rclpy")
    from geometry_msgs.msg import PoseArray
    from rclpy.qos import DurabilityPolicy, QoSProfile, ReliabilityPolicy
    from sensor_msgs.msg import CameraInfo, Image
    from std_msgs.msg import String

    from robot.perception.image_codec import camera_info_fields, image_to_fields
    from robot.ros_rig.processes import NodeProcess, RosProbe, allocate_domain_id

    model, data = marker_scene.model, mujoco.MjData(marker_scene.model)
    hide_goal_marker(model)
    make_view_randomizer("overhead", (0.45, 0.45), (70.0, 70.0))(model, data, np.random.default_rng(1))
    with SimCamera(model, "overhead", 640, 480, supersample=4) as cam:
        rgb, pose, camera = cam.render_rgb(data), cam.camera_pose(data), cam.camera_model()
    camera_pose = [*pose[:3, 3].tolist(), *matrix_to_quat(pose[:3, :3]).tolist()]
    params = _write_params(tmp_path / "perception.yaml", camera="overhead",
                           object_names=list(marker_scene.object_names), camera_pose=camera_pose,
                           image_topic="overhead/image_raw", camera_info_topic="overhead/camera_info",
                           max_frame_age_s=10.0)
    events_qos = QoSProfile(depth=100, reliability=ReliabilityPolicy.RELIABLE,
                            durability=DurabilityPolicy.TRANSIENT_LOCAL)
    with allocate_domain_id() as domain, NodeProcess("armstack-perception", domain, params) as proc, \
            RosProbe(domain) as probe:
        poses = probe.subscribe(PoseArray, "scene/object_poses")
        scenes = probe.subscribe(String, "scene/objects")
        events = probe.subscribe(String, f"/{NODE_NAME}/events", events_qos)
        probe.publisher(Image, "overhead/image_raw")
        probe.publisher(CameraInfo, "overhead/camera_info")
        assert probe.wait_for_subscriber("overhead/image_raw", STARTUP_S, proc), proc.output()

        def send(with_info: bool) -> float:
            stamp = probe.node.get_clock().now()
            image = Image(**image_to_fields(rgb, "rgb8"))
            image.header.stamp, image.header.frame_id = stamp.to_msg(), "overhead_optical_frame"
            if with_info:
                info = CameraInfo(**camera_info_fields(camera))
                info.header = image.header
                probe.publish(CameraInfo, "overhead/camera_info", info)
                probe.spin_for(0.1)
            probe.publish(Image, "overhead/image_raw", image)
            return stamp.nanoseconds * 1e-9

        # Frames without CameraInfo: a fault event, and no poses (never a guess).
        for _ in range(40):  # the first frames may go before the node's reader has matched ours
            send(with_info=False)
            if probe.spin_until(lambda: any("no_camera_info" in m.data for _, m in events), 0.3, proc):
                break
        assert any("no_camera_info" in m.data for _, m in events), proc.output()
        assert poses == []
        sent: list[float] = []
        for _ in range(20):
            sent.append(send(with_info=True))
            if probe.spin_until(lambda: len(poses) > 0 and len(scenes) > 0, 1.0, proc):
                break
        assert poses, proc.output()
    msg = poses[-1][1]
    scene = json.loads(scenes[-1][1].data)
    names = [o["name"] for o in scene["objects"]]
    assert names == list(marker_scene.object_names) and msg.header.frame_id == "base"
    stamp = msg.header.stamp.sec + 1e-9 * msg.header.stamp.nanosec
    assert any(abs(stamp - s) < 1e-6 for s in sent)  # stamped with the image it came from
    for name, p in zip(names, msg.poses, strict=True):
        truth, _ = body_pose(model, data, name)
        assert np.linalg.norm(np.array([p.position.x, p.position.y, p.position.z]) - truth) <= 0.005, name
