"""Publish a MuJoCo camera of the simulated arm as a camera driver would: ``<camera>/image_raw`` + ``camera_info``.

Owned by a node (the sim arm instantiates it); rendering runs on a thread of its own, which creates the GL
context and does every render, so the context lives in one thread. Not in a timer of the node's executor: a
render takes tens of milliseconds (more on a loaded box), and the arm's command callbacks waiting behind it
arrive in a burst, so the position target jumps and the joints overshoot (velocity_limit faults in the
bridge). The shared MjData is copied under the caller's lock (microseconds) and rendered from the copy, so a
render never holds up the physics thread either.
"""

from __future__ import annotations

import threading
import time
from contextlib import AbstractContextManager, nullcontext
from typing import Any

import mujoco
import numpy as np
from rclpy.node import Node
from rclpy.qos import QoSProfile, ReliabilityPolicy
from sensor_msgs.msg import CameraInfo, Image

from robot.perception.image_codec import camera_info_fields, image_to_fields
from robot.perception.sim_camera import SimCamera


class SimCameraPublisher:
    """Renders ``camera`` of ``model``/``data`` at ``rate_hz`` and ``size`` (width, height) and publishes it.

    Topics (relative to ``node``): ``<camera>/image_raw`` (rgb8), ``<camera>/camera_info``, and with
    ``depth=True`` ``<camera>/depth/image_raw`` (16UC1, millimetres; 0 = unknown, as RealSense and Azure Kinect
    drivers publish it). Frame id ``<camera>_optical_frame``.
    """

    def __init__(self, node: Node, model: mujoco.MjModel, data: mujoco.MjData, camera: str, rate_hz: float = 10.0,
                 size: tuple[int, int] = (640, 480), lock: threading.Lock | None = None, depth: bool = False,
                 supersample: int = 1, shadows: bool = True) -> None:
        if not 0.1 <= rate_hz <= 60.0:
            raise ValueError(f"camera rate must be in [0.1, 60] Hz, got {rate_hz}")
        self.node, self.model, self.data, self.camera = node, model, data, camera
        self.size, self.depth, self.supersample = size, depth, supersample
        self._lock: AbstractContextManager[Any] = lock if lock is not None else nullcontext()
        self._renderer: SimCamera | None = None
        self._snapshot = mujoco.MjData(model)
        if not shadows:
            # Lights are visual only: physics on the shared model is unaffected.
            model.light_castshadow[:] = 0
        # Reliable with a short queue, like most camera drivers: matches reliable and best-effort subscribers.
        qos = QoSProfile(depth=2, reliability=ReliabilityPolicy.RELIABLE)
        self.image_pub = node.create_publisher(Image, f"{camera}/image_raw", qos)
        self.info_pub = node.create_publisher(CameraInfo, f"{camera}/camera_info", qos)
        self.depth_pub = node.create_publisher(Image, f"{camera}/depth/image_raw", qos) if depth else None
        self.frame_id = f"{camera}_optical_frame"
        self.published = 0
        self.period = 1.0 / rate_hz
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"camera_{camera}", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        deadline = time.monotonic()
        try:
            while not self._stop.is_set() and self.node.context.ok():
                deadline += self.period
                try:
                    self._publish_once()
                except Exception as exc:  # a dead camera must be visible (perception reports no_frames)
                    if self.node.context.ok() and not self._stop.is_set():
                        self.node.get_logger().error(f"camera {self.camera}: stopped: {exc!r}")
                    return
                # A frame more than a period late is skipped, not rendered in a burst to catch up.
                deadline = max(deadline, time.monotonic())
                self._stop.wait(max(0.0, deadline - time.monotonic()))
        finally:
            if self._renderer is not None:
                self._renderer.close()
                self._renderer = None

    def _publish_once(self) -> None:
        if self._renderer is None:  # created in the camera thread, which then does all the rendering
            self._renderer = SimCamera(self.model, self.camera, *self.size, supersample=self.supersample)
        stamp = self.node.get_clock().now().to_msg()
        with self._lock:
            mujoco.mj_copyData(self._snapshot, self.model, self.data)
            camera = self._renderer.camera_model()
        rgb = self._renderer.render_rgb(self._snapshot)
        depth = _millimetres(self._renderer.render_depth(self._snapshot)) if self.depth_pub is not None else None
        # Depth first: a subscriber pairing by stamp then usually holds the depth when the colour frame comes.
        for pub, array, encoding in ((self.depth_pub, depth, "16UC1"), (self.image_pub, rgb, "rgb8")):
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
        """Stop the camera thread (it closes its renderer); safe to call twice."""
        self._stop.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout=5.0)


def _millimetres(depth_m: np.ndarray) -> np.ndarray:
    """16UC1 depth: half the bytes of 32FC1. Camera subscribers are best effort, and a large sample is lost
    whole when one fragment is: at 320x240 on a loaded 2-core box 32FC1 frames arrived at 6.5 Hz of 7.5."""
    mm = np.round(depth_m * 1000.0)
    return np.where((mm > 0) & (mm < 65535), mm, 0).astype(np.uint16)
