"""Record ROS 2 messages to MCAP, readable by ``ros2 bag`` (rosbag2 MCAP storage) and Foxglove; no rclpy needed.

Usage (the bridge records joint states, commands, faults, state and diagnostics this way)::

    from robot.recording import Recorder

    with Recorder("out/run.mcap") as rec:
        rec.write("/joint_states", "sensor_msgs/msg/JointState", joint_state_msg, stamp_ns)
        rec.write("/armstack_bridge/events", "std_msgs/msg/String", {"data": json.dumps(event)}, stamp_ns)

- ``topic``: the resolved topic name (as ``ros2 bag`` shows it).
- ``msg_type``: ``pkg/msg/Type`` (``pkg/Type`` is accepted too).
- ``msg``: an rclpy message object or a plain dict with the message's fields (nested dicts for nested
  messages, lists or numpy arrays for arrays). Missing fields take their ROS defaults. For
  ``std_msgs/msg/String`` a plain ``str`` is accepted too; anything else is an error, never an empty message.
- ``stamp_ns``: log time in nanoseconds on the recording node's clock (ROS time); also used as publish time.

Schemas are the ``ros2msg`` text that rosbag2 writes (the type's ``.msg`` followed by every dependency after a
line of 80 ``=`` and ``MSG: pkg/Type``), built from the ``.msg`` files installed under
``<prefix>/share/<pkg>/msg/`` (``AMENT_PREFIX_PATH`` and this Python's prefix); messages are CDR, as rosbag2
stores them (rclpy messages through rclpy's own serialiser). Writing is thread-safe. ``Recorder(path,
background=True)`` makes ``write`` only queue the message (do not modify it afterwards) and encodes and writes
on its own thread: use it from a real-time loop. ``close()`` (or leaving the ``with`` block) writes what is
queued and the summary; a file cut short by a crash still holds every chunk written before it.
"""

from __future__ import annotations

import array
import os
import queue
import re
import sys
import threading
from pathlib import Path
from types import TracebackType
from typing import Any

from robot.errors import RobotError

PRIMITIVES = frozenset({"bool", "byte", "char", "float32", "float64", "int8", "uint8", "int16", "uint16", "int32",
                        "uint32", "int64", "uint64", "string", "wstring"})
_SEPARATOR = "=" * 80


class RecordingError(RobotError):
    """A message type without an installed definition, a message that does not fit it, or an unusable file."""


def normalise_type(msg_type: str) -> tuple[str, str]:
    """(package, type name) from ``pkg/msg/Type`` or ``pkg/Type``."""
    parts = msg_type.strip("/").split("/")
    if len(parts) == 3 and parts[1] == "msg":
        return parts[0], parts[2]
    if len(parts) == 2:
        return parts[0], parts[1]
    raise RecordingError(f"message type {msg_type!r} is not of the form pkg/msg/Type (e.g. sensor_msgs/msg/JointState)")


def share_dirs() -> list[Path]:
    """Where installed ``.msg`` files are looked for: each ``AMENT_PREFIX_PATH`` entry, then this prefix."""
    prefixes = [p for p in os.environ.get("AMENT_PREFIX_PATH", "").split(os.pathsep) if p]
    prefixes += [sys.prefix]
    return [Path(p) / "share" for p in dict.fromkeys(prefixes)]


def _find_msg(package: str, name: str) -> str:
    for share in share_dirs():
        path = share / package / "msg" / f"{name}.msg"
        if path.is_file():
            return path.read_text()
    raise RecordingError(f"no definition of {package}/msg/{name}: looked for {package}/msg/{name}.msg under "
                         f"{', '.join(map(str, share_dirs()))} (install the ros-{package.replace('_', '-')} wheel "
                         "or source a ROS 2 install)")


def _dependencies(package: str, text: str) -> list[tuple[str, str]]:
    deps = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        field_type = re.split(r"[\[<\s]", line, maxsplit=1)[0]
        if field_type in PRIMITIVES:
            continue
        if "/" in field_type:
            pkg, _, name = field_type.partition("/")
            deps.append((pkg, name.rsplit("/", 1)[-1]))
        elif field_type == "Header":
            deps.append(("std_msgs", "Header"))
        else:
            deps.append((package, field_type))
    return deps


def message_definition(msg_type: str) -> str:
    """The rosbag2 ``ros2msg`` schema text of ``msg_type`` (its definition followed by all dependencies)."""
    package, name = normalise_type(msg_type)
    main = _find_msg(package, name)
    parts, seen = [main], {(package, name)}
    queue = _dependencies(package, main)
    while queue:
        dep = queue.pop(0)
        if dep in seen:
            continue
        seen.add(dep)
        text = _find_msg(*dep)
        parts.append(f"{_SEPARATOR}\nMSG: {dep[0]}/{dep[1]}\n{text}")
        queue.extend(_dependencies(dep[0], text))
    return "\n".join(p.rstrip("\n") for p in parts) + "\n"


def to_plain(msg: Any) -> Any:
    """An rclpy message (or numpy/array values) as plain dicts and lists the MCAP encoder takes."""
    if hasattr(msg, "get_fields_and_field_types"):
        return {field: to_plain(getattr(msg, field)) for field in msg.get_fields_and_field_types()}
    if isinstance(msg, dict):
        return {k: to_plain(v) for k, v in msg.items()}
    if isinstance(msg, bytes):  # rclpy gives a ``byte`` field (e.g. DiagnosticStatus.level) as one byte
        return msg[0] if len(msg) == 1 else list(msg)
    if isinstance(msg, list | tuple | array.array):
        return [to_plain(v) for v in msg]
    if hasattr(msg, "tolist"):  # numpy arrays and scalars
        return msg.tolist()
    return msg


class Recorder:
    """An MCAP file of ROS 2 messages; see the module docstring for the ``write`` contract."""

    def __init__(self, path: str | Path, *, background: bool = False) -> None:
        from mcap.writer import Writer

        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._file = self.path.open("wb")
        except OSError as exc:
            raise RecordingError(f"cannot write the recording {self.path}: {exc}") from exc
        self._writer: Writer | None = Writer(self._file)
        self._writer.start(profile="ros2", library="armstack robot.recording (mcap)")
        self._schemas: dict[str, int] = {}
        self._encoders: dict[str, Any] = {}
        self._channels: dict[str, int] = {}
        self._lock = threading.Lock()
        self._sequence: dict[str, int] = {}
        self.closed = False
        self.count = 0
        # Background mode: ``write`` only queues; a thread encodes and writes, so a real-time loop never waits
        # on serialisation (a few hundred microseconds a message on a loaded machine). Messages must not be
        # modified after they are handed over. A failure is raised by the next ``write`` or by ``close``.
        self._queue: queue.SimpleQueue[tuple[str, str, Any, int] | None] | None = None
        self._error: RecordingError | None = None
        self._thread: threading.Thread | None = None
        if background:
            self._queue = queue.SimpleQueue()
            self._thread = threading.Thread(target=self._drain, name="mcap_recorder", daemon=True)
            self._thread.start()

    def __enter__(self) -> Recorder:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def _encode(self, key: str, msg: Any) -> bytes:
        if hasattr(msg, "get_fields_and_field_types"):
            # An rclpy message: its own C serialiser is exact and some 30x faster than the dynamic encoder.
            from rclpy.serialization import serialize_message

            return bytes(serialize_message(msg))
        encoder = self._encoders.get(key)
        if encoder is None:
            from mcap_ros2._dynamic import serialize_dynamic

            encoder = self._encoders[key] = serialize_dynamic(key, message_definition(key))[key]
        return bytes(encoder(to_plain(msg)))

    def write(self, topic: str, msg_type: str, msg: Any, stamp_ns: int) -> None:
        """Append one message (thread-safe); in background mode, queue it."""
        package, name = normalise_type(msg_type)
        key = f"{package}/msg/{name}"
        if isinstance(msg, str) and key == "std_msgs/msg/String":
            msg = {"data": msg}  # the one shorthand: JSON events and states are written as plain text
        elif not isinstance(msg, dict) and not hasattr(msg, "get_fields_and_field_types"):
            raise RecordingError(f"{topic}: expected an rclpy message or a dict of {key} fields, "
                                 f"got {type(msg).__name__}")
        if self._error is not None:
            raise self._error
        if self.closed:
            raise RecordingError(f"recording {self.path} is closed; cannot write {topic}")
        if self._queue is not None:
            self._queue.put((topic, key, msg, int(stamp_ns)))
            return
        self._write(topic, key, msg, int(stamp_ns))

    def _drain(self) -> None:
        assert self._queue is not None
        while (item := self._queue.get()) is not None:
            if self._error is None:
                try:
                    self._write(*item)
                except RecordingError as exc:
                    self._error = exc

    def _write(self, topic: str, key: str, msg: Any, stamp_ns: int) -> None:
        with self._lock:
            if self._writer is None:
                raise RecordingError(f"recording {self.path} is closed; cannot write {topic}")
            try:
                data = self._encode(key, msg)
            except (ValueError, TypeError, KeyError, AttributeError) as exc:
                raise RecordingError(f"{topic}: message does not fit {key}: {exc}") from exc
            if key not in self._schemas:
                self._schemas[key] = self._writer.register_schema(key, "ros2msg", message_definition(key).encode())
            channel = self._channels.get(topic)
            if channel is None:
                channel = self._channels[topic] = self._writer.register_channel(
                    topic=topic, message_encoding="cdr", schema_id=self._schemas[key])
            seq = self._sequence.get(topic, 0)
            self._writer.add_message(channel_id=channel, log_time=stamp_ns, publish_time=stamp_ns,
                                     sequence=seq, data=data)
            self._sequence[topic] = seq + 1
            self.count += 1

    def close(self) -> None:
        """Write what is queued, then the summary, and close the file (idempotent).

        Raises the error that stopped a background recording, if one did (the file still holds what came
        before it).
        """
        if self.closed:
            return
        self.closed = True
        if self._queue is not None and self._thread is not None:
            self._queue.put(None)
            self._thread.join()
        with self._lock:
            writer, self._writer = self._writer, None
            if writer is not None:
                writer.finish()
                self._file.close()
        if self._error is not None:
            raise self._error
