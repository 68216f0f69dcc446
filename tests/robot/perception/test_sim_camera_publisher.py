"""SimCameraPublisher: the sim arm's camera as a driver would publish it (Image + CameraInfo over DDS)."""

from __future__ import annotations

import threading

import mujoco
import numpy as np
import pytest

from robot.perception.image_codec import camera_model_from_info, image_from_fields
from robot.perception.sim_camera import SimCamera
from sim.scene import build_scene


@pytest.mark.ros
def test_publishes_rendered_images_with_matching_camera_info() -> None:
    pytest.importorskip("rclpy")
    from sensor_msgs.msg import CameraInfo, Image

    from robot.ros_rig.processes import RosProbe, allocate_domain_id
    from robot.sim_camera_publisher import SimCameraPublisher

    scene = build_scene()
    data = mujoco.MjData(scene.model)
    mujoco.mj_forward(scene.model, data)
    with allocate_domain_id() as domain, RosProbe(domain) as probe:
        images = probe.subscribe(Image, "front/image_raw")
        infos = probe.subscribe(CameraInfo, "front/camera_info")
        depths = probe.subscribe(Image, "front/depth/image_raw")
        publisher = SimCameraPublisher(probe.node, scene.model, data, "front", rate_hz=5.0, size=(320, 240),
                                       lock=threading.Lock(), depth=True, shadows=False)
        assert probe.spin_until(lambda: len(images) >= 2 and len(infos) >= 2 and len(depths) >= 2, 30.0)
        publisher.close()
        # The camera has its own thread, so the node's executor is free for the arm's commands; closed, it stops.
        assert not publisher._thread.is_alive()
        count = len(images)
        probe.spin_for(0.5)
        assert len(images) == count
    msg, info = images[-1][1], infos[-1][1]
    assert (msg.encoding, msg.width, msg.height, msg.header.frame_id) == ("rgb8", 320, 240, "front_optical_frame")
    assert info.header.stamp == msg.header.stamp
    # Registered depth: same stamp as its colour frame (the perception node pairs them by stamp), millimetres.
    depth_msg = next(d for _, d in depths if d.header.stamp == msg.header.stamp)
    depth = image_from_fields(depth_msg.encoding, depth_msg.height, depth_msg.width, depth_msg.step, depth_msg.data)
    assert depth_msg.encoding == "16UC1" and depth.shape == (240, 320) and 500 < float(np.median(depth)) < 3000
    rgb = image_from_fields(msg.encoding, msg.height, msg.width, msg.step, msg.data)
    with SimCamera(scene.model, "front", 320, 240) as cam:
        assert np.array_equal(rgb, cam.render_rgb(data))
        expected = cam.camera_model()
    assert camera_model_from_info("front", info.width, info.height, info.k, info.d, info.distortion_model) == \
        expected


def test_camera_options_of_the_sim_arm_are_validated() -> None:
    from robot.errors import ParameterError
    from robot.sim_arm_config import SimArmConfig

    for name in ("camera_depth", "camera_shadows", "publish_ground_truth"):
        with pytest.raises(ParameterError, match=f"{name} must be true or false"):
            SimArmConfig(**{name: "yes"})  # type: ignore[arg-type]
