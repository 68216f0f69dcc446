"""``armstack-perception``: object poses from a camera as a ROS 2 node (thin wiring around ``robot.perception``).

Subscribes ``camera/image_raw`` (sensor_msgs/Image, rgb8 or bgr8), ``camera/camera_info`` (CameraInfo), and
optionally a registered depth image; names are parameters (``image_topic``, ``camera_info_topic``,
``depth_topic``) and relative, so launch files remap them to a real driver's topics. Publishes, per
processed frame and stamped with the image's stamp:

- ``scene/objects`` (std_msgs/String): ``{"stamp", "frame": "base", "objects": [{"name", "kind", "color",
  "position", "quaternion" (w, x, y, z), "confidence", "age"}], "regions"}``; objects never seen are absent;
  with ``places`` configured also ``"places": {"pad": [x, y, z], "bin": [x, y, z]}`` (those located so far),
  the layout of the sim arm's ground truth; ``stamp`` is the image's header stamp (s);
- ``scene/object_poses`` (geometry_msgs/PoseArray, frame ``base``): one pose per object of that JSON, in the
  same order;
- ``~/events`` (String, one JSON object each, transient-local): ``no_camera_info`` (images arrive but no
  CameraInfo yet: nothing is published), ``bad_image`` / ``bad_camera_info`` (encoding, size, intrinsics),
  ``old_frame`` (older than ``max_frame_age_s`` on the node clock), ``no_depth`` (colour frames whose depth
  image never came), ``no_frames`` (no image for ``max(1 s, 4 x max_frame_age_s)``), ``perception_stale`` (an
  object in ``required_objects`` unseen for ``stale_frames`` frames) and ``perception_ok`` when it clears.

``~/required`` (String, a JSON list of object names) sets the objects the current skill needs.
Parameters are declared ROS parameters (``robot.node_params``): ``-p name:=value`` overrides the file;
``max_frame_age_s`` changes live with ``ros2 param set``, the rest are read-only.
Run: ``armstack-perception --ros-args --params-file launch/config/panda.yaml``.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Sequence
from typing import Any

from geometry_msgs.msg import Pose, PoseArray
from rclpy.node import Node
from rclpy.qos import DurabilityPolicy, QoSProfile, ReliabilityPolicy, qos_profile_sensor_data
from sensor_msgs.msg import CameraInfo, Image
from std_msgs.msg import String

from robot.errors import RobotError
from robot.node_params import DeclaredParameters, dataclass_values, params_files
from robot.node_runner import spin_node
from robot.perception.calibration_file import load_calibration
from robot.perception.camera_model import CameraModel
from robot.perception.errors import CameraInfoError, PerceptionError
from robot.perception.image_codec import camera_model_from_info, image_from_fields
from robot.perception.node_params import (
    DESCRIPTIONS,
    LIVE,
    NODE_NAME,
    PerceptionNodeParams,
    load_node_params,
    perception_params_from_dict,
)
from robot.perception.pipeline import Perception

EVENT_REPEAT_S = 2.0  # a persisting condition is re-reported at most this often
PAIR_QUEUE = 4  # colour frames waiting for their depth image (and depth images kept), by stamp


def _stamp_s(msg: Any) -> float:
    return float(msg.header.stamp.sec) + 1e-9 * float(msg.header.stamp.nanosec)


class PerceptionNode(Node):
    """Runs the perception pipeline on each camera frame and publishes the scene."""

    def __init__(self, params: PerceptionNodeParams) -> None:
        """``params`` as read from the parameter files; ``-p`` overrides apply on top (a bad one raises
        ``ParameterError``)."""
        super().__init__(NODE_NAME)
        values, hints = dataclass_values(params.perception, params.topics)
        self._declared = DeclaredParameters(
            self, values, hints, build=perception_params_from_dict, descriptions=DESCRIPTIONS, ranges={},
            live=LIVE, on_change=self._on_params,
            flatten=lambda p: dataclass_values(p.perception, p.topics)[0])
        self.params = params = self._declared.value
        config, topics = params.perception, params.topics
        self._calibrated: CameraModel | None = None
        self._base_from_camera = params.camera_pose_matrix()
        if config.calibration_file:
            calib = load_calibration(config.calibration_file, camera=config.camera)
            self._calibrated = calib.camera
            if self._base_from_camera is None:
                if calib.mount_kind != "eye_to_hand" or calib.mount is None:
                    raise CameraInfoError(f"{config.calibration_file}: mount {calib.mount_kind!r} gives no fixed "
                                          "camera pose; set camera_pose (eye-in-hand needs the arm's pose)")
                self._base_from_camera = calib.mount
        self._camera: CameraModel | None = self._calibrated
        self._perception: Perception | None = Perception(config, self._calibrated) if self._calibrated else None
        self._required: tuple[str, ...] = config.required_objects
        self._depth: dict[float, Any] = {}
        self._waiting: dict[float, Image] = {}
        self.unpaired = 0
        self._last_event: dict[str, float] = {}
        self._stale = False
        self.frames = 0
        self._last_image_ns = self.get_clock().now().nanoseconds

        events_qos = QoSProfile(depth=100, reliability=ReliabilityPolicy.RELIABLE,
                                durability=DurabilityPolicy.TRANSIENT_LOCAL)
        self.objects_pub = self.create_publisher(String, "scene/objects", 10)
        self.poses_pub = self.create_publisher(PoseArray, "scene/object_poses", 10)
        self.events_pub = self.create_publisher(String, "~/events", events_qos)
        self.create_subscription(Image, topics.image_topic, self._on_image, qos_profile_sensor_data)
        self.create_subscription(CameraInfo, topics.camera_info_topic, self._on_info, qos_profile_sensor_data)
        if topics.depth_topic:
            self.create_subscription(Image, topics.depth_topic, self._on_depth, qos_profile_sensor_data)
        self.create_subscription(String, "~/required", self._on_required, 10)
        self.create_timer(0.5, self._check_frames)
        self.get_logger().info(f"perception ({config.method}) on camera {config.camera!r}: {topics.image_topic}, "
                               f"objects {', '.join(config.object_names)}")

    def _on_params(self, params: PerceptionNodeParams) -> None:
        """A ``ros2 param set`` of a live parameter, validated already: used from the next frame."""
        self.params = params
        self.get_logger().info(f"parameters changed: max_frame_age_s={params.topics.max_frame_age_s}")

    # --- events -----------------------------------------------------------------------------------
    def _event(self, kind: str, force: bool = False, **fields: Any) -> None:
        now = time.monotonic()
        if not force and now - self._last_event.get(kind, -EVENT_REPEAT_S) < EVENT_REPEAT_S:
            return
        self._last_event[kind] = now
        payload = {"event": kind, **fields}
        if kind != "perception_ok":
            self.get_logger().warning(json.dumps(payload))
        self.events_pub.publish(String(data=json.dumps(payload)))

    def _check_frames(self) -> None:
        # A dead camera publishes nothing, so staleness is also judged here, on the node clock.
        silent_s = (self.get_clock().now().nanoseconds - self._last_image_ns) * 1e-9
        if silent_s > max(1.0, 4 * self.params.topics.max_frame_age_s):
            self._event("no_frames", silent_s=round(silent_s, 2), topic=self.params.topics.image_topic)

    # --- inputs -----------------------------------------------------------------------------------
    def _on_required(self, msg: String) -> None:
        try:
            names = json.loads(msg.data)
            if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
                raise ValueError("expected a JSON list of object names")
            unknown = sorted(set(names) - set(self.params.perception.object_names))
            if unknown:
                raise ValueError(f"unknown objects {unknown}; valid: {list(self.params.perception.object_names)}")
        except ValueError as exc:
            self._event("bad_required", force=True, reason=str(exc))
            return
        self._required = tuple(names)
        if self._perception is not None:
            self._perception.required = self._required

    def _on_info(self, msg: CameraInfo) -> None:
        config = self.params.perception
        try:
            camera = camera_model_from_info(config.camera, msg.width, msg.height, msg.k, msg.d, msg.distortion_model)
            if self._calibrated is not None:
                if (camera.width, camera.height) != (self._calibrated.width, self._calibrated.height):
                    raise CameraInfoError(
                        f"CameraInfo is {camera.width}x{camera.height} but {config.calibration_file} calibrates "
                        f"{self._calibrated.width}x{self._calibrated.height}")
                return  # the calibration file's intrinsics take precedence over the driver's
        except PerceptionError as exc:
            self._event("bad_camera_info", reason=str(exc))
            return
        if camera != self._camera:
            self._camera = camera
            self._perception = Perception(config, camera)
            self._perception.required = self._required

    def _on_depth(self, msg: Image) -> None:
        stamp = _stamp_s(msg)
        self._depth[stamp] = msg
        while len(self._depth) > PAIR_QUEUE:
            self._depth.pop(next(iter(self._depth)))
        waiting = self._waiting.pop(stamp, None)
        if waiting is not None:
            self._process(waiting)

    def _on_image(self, msg: Image) -> None:
        self._last_image_ns = self.get_clock().now().nanoseconds
        stamp = _stamp_s(msg)
        if self.params.topics.depth_topic and self.params.perception.use_depth and stamp not in self._depth:
            # Colour and depth travel as two messages: hold the colour frame until its depth (same stamp)
            # arrives, rather than process it without depth. Unpaired frames age out of the short queue.
            self._waiting[stamp] = msg
            while len(self._waiting) > PAIR_QUEUE:
                self._waiting.pop(next(iter(self._waiting)))
                self.unpaired += 1
                self._event("no_depth", reason=f"colour frames without a depth image of the same stamp on "
                                               f"{self.params.topics.depth_topic}: dropped", dropped=self.unpaired)
            return
        self._process(msg)

    def _process(self, msg: Image) -> None:
        if self._perception is None or self._camera is None or self._base_from_camera is None:
            self._event("no_camera_info", reason=f"no CameraInfo on {self.params.topics.camera_info_topic} yet: "
                                                 "frames are dropped, nothing is published")
            return
        stamp = _stamp_s(msg)
        age = self.get_clock().now().nanoseconds * 1e-9 - stamp
        if age > self.params.topics.max_frame_age_s:
            self._event("old_frame", age_s=round(age, 3), limit_s=self.params.topics.max_frame_age_s)
            return
        try:
            image = image_from_fields(msg.encoding, msg.height, msg.width, msg.step, msg.data, msg.is_bigendian)
            depth, depth_encoding = None, "32FC1"
            depth_msg = self._depth.get(stamp)
            if depth_msg is not None:
                depth = image_from_fields(depth_msg.encoding, depth_msg.height, depth_msg.width, depth_msg.step,
                                          depth_msg.data, depth_msg.is_bigendian)
                depth_encoding = depth_msg.encoding
            result = self._perception.process(image, msg.encoding, stamp, self._base_from_camera, depth,
                                              depth_encoding)
        except PerceptionError as exc:
            self._event("bad_image", reason=str(exc))
            return
        self.frames += 1
        scene = result.scene()
        self.objects_pub.publish(String(data=json.dumps(scene)))
        poses = PoseArray()
        poses.header.stamp = msg.header.stamp
        poses.header.frame_id = "base"
        for obj in scene["objects"]:
            pose = Pose()
            pose.position.x, pose.position.y, pose.position.z = (float(v) for v in obj["position"])
            w, x, y, z = (float(v) for v in obj["quaternion"])
            pose.orientation.w, pose.orientation.x, pose.orientation.y, pose.orientation.z = w, x, y, z
            poses.poses.append(pose)
        self.poses_pub.publish(poses)
        if result.fault is not None:
            self._stale = True
            self._event("perception_stale", objects=list(result.fault.objects), message=result.fault.message)
        elif self._stale:
            self._stale = False
            self._event("perception_ok", force=True)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    files = params_files(argv)
    try:
        if not files:
            raise RobotError("no parameter file: pass --ros-args --params-file launch/config/<robot>.yaml")
        params = load_node_params(*files)
    except RobotError as exc:
        print(f"armstack-perception: error: {exc}", file=sys.stderr)
        return 2
    return spin_node(lambda: PerceptionNode(params), argv, script="armstack-perception", user_errors=(RobotError,))


if __name__ == "__main__":
    sys.exit(main())


