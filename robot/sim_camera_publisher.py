"""Publish a MuJoCo camera of the simulated arm as a camera driver would: ``<camera>/image_raw`` + ``camera_info``.

Owned by a node (the sim arm instantiates it); rendering runs in a timer callback of that node's executor,
so the GL context lives in one thread. The shared MjData is copied under the caller's lock (microseconds) and
rendered from the copy, so a render (tens of milliseconds) never holds up the physics thread.
"""

from __future__ import annotations

import threading
from contextlib import AbstractContextManager, nullcontext
from typing import Any

import mujoco
from rclpy.node import Node
from rclpy.qos import QoSProfile, ReliabilityPolicy
from sensor_msgs.msg import CameraInfo, Image

from robot.perception.image_codec import camera_info_fields, image_to_fields
from robot.perception.sim_camera import SimCamera


class SimCameraPublisher:
    """Renders ``camera`` of ``model``/``data`` at ``rate_hz`` and ``size`` (width, height) and publishes it.

    Topics (relative to ``node``): ``<camera>/image_raw`` (rgb8), ``<camera>/camera_info``, and with
    ``depth=True`` ``<camera>/depth/image_raw`` (32FC1, metres). Frame id ``<camera>_optical_frame``.
    """

    def __init__(self, node: Node, model: mujoco.MjModel, data: mujoco.MjData, camera: str, rate_hz: float = 10.0,
                 size: tuple[int, int] = (640, 480), lock: threading.Lock | None = None, depth: bool = False,
                 supersample: int = 1) -> None:
        if not 0.1 <= rate_hz <= 60.0:
            raise ValueError(f"camera rate must be in [0.1, 60] Hz, got {rate_hz}")
        self.node, self.model, self.data, self.camera = node, model, data, camera
        self.size, self.depth, self.supersample = size, depth, supersample
        self._lock: AbstractContextManager[Any] = lock if lock is not None else nullcontext()
        self._renderer: SimCamera | None = None
        self._snapshot = mujoco.MjData(model)
        # Reliable with a short queue, like most camera drivers: matches reliable and best-effort subscribers.
        qos = QoSProfile(depth=2, reliability=ReliabilityPolicy.RELIABLE)
        self.image_pub = node.create_publisher(Image, f"{camera}/image_raw", qos)
        self.info_pub = node.create_publisher(CameraInfo, f"{camera}/camera_info", qos)
        self.depth_pub = node.create_publisher(Image, f"{camera}/depth/image_raw", qos) if depth else None
        self.frame_id = f"{camera}_optical_frame"
        self.published = 0
        self.timer = node.create_timer(1.0 / rate_hz, self.publish_once)

    def publish_once(self) -> None:
        if self._renderer is None:  # created in the executor's thread, which then does all the rendering
            self._renderer = SimCamera(self.model, self.camera, *self.size, supersample=self.supersample)
        stamp = self.node.get_clock().now().to_msg()
        with self._lock:
            mujoco.mj_copyData(self._snapshot, self.model, self.data)
            camera = self._renderer.camera_model()
        rgb = self._renderer.render_rgb(self._snapshot)
        depth = self._renderer.render_depth(self._snapshot) if self.depth_pub is not None else None
        for pub, array, encoding in ((self.image_pub, rgb, "rgb8"), (self.depth_pub, depth, "32FC1")):
            if pub is None or array is None:
                continue
            msg = Image(**image_to_fields(array, encoding))
            msg.header.stamp, msg.header.frame_id = stamp, self.frame_id
            pub.publish(msg)
        info = CameraInfo(**camera_info_fields(camera))
        info.header.stamp, info.header.frame_id = stamp, self.frame_id
        self.info_pub.publish(info)
        self.published += 1

    def close(self) -> None:
        self.node.destroy_timer(self.timer)
        if self._renderer is not None:
            self._renderer.close()
            self._renderer = None
