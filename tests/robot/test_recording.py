"""MCAP recording with rosbag2-compatible schemas, and ``armstack recording summary``."""

from __future__ import annotations

import json
import math
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest

from robot.recording import Recorder, RecordingError, message_definition, normalise_type
from robot.recording_summary import summarize_recording

MS = 1_000_000


def test_schema_text_is_the_rosbag2_concatenation() -> None:
    text = message_definition("diagnostic_msgs/msg/DiagnosticArray")
    assert text.startswith("# This message is used") or text.splitlines()[0].startswith("#")
    blocks = text.split("=" * 80 + "\n")
    names = [b.splitlines()[0] for b in blocks[1:]]
    assert set(names) == {"MSG: std_msgs/Header", "MSG: builtin_interfaces/Time",
                          "MSG: diagnostic_msgs/DiagnosticStatus", "MSG: diagnostic_msgs/KeyValue"}
    assert normalise_type("std_msgs/String") == normalise_type("std_msgs/msg/String") == ("std_msgs", "String")
    with pytest.raises(RecordingError, match="pkg/msg/Type"):
        normalise_type("JointState")
    with pytest.raises(RecordingError, match=r"no definition of std_msgs/msg/Nope.*install"):
        message_definition("std_msgs/msg/Nope")


def _write_run(path: Path) -> None:
    rclpy_msgs = pytest.importorskip("sensor_msgs.msg")
    from diagnostic_msgs.msg import DiagnosticArray, DiagnosticStatus

    with Recorder(path) as rec:
        for k in range(101):  # 100 Hz for 1 s, with a 200 ms hole at 0.5 s (a stale stream)
            if 50 < k < 70:
                continue
            js = rclpy_msgs.JointState(name=["j1", "j2"], position=[0.1 * k, math.nan if k == 80 else 0.0])
            js.header.stamp.nanosec = k * 10 * MS
            rec.write("/joint_states", "sensor_msgs/msg/JointState", js, k * 10 * MS)
            if k % 2 == 0:
                rec.write("/arm_controller/commands", "std_msgs/msg/Float64MultiArray",
                          {"data": np.array([0.1 * k, 0.0])}, k * 10 * MS + 1)
        events = [(0, {"event": "transition", "from": "IDLE", "to": "NOMINAL", "cause": "start"}),
                  (520, {"event": "fault", "kind": "stale_state", "severity": "stop", "category": 2, "t": 5.2}),
                  (521, {"event": "transition", "from": "NOMINAL", "to": "SAFE_STOP", "cause": "stale_state"})]
        for ms, event in events:
            rec.write("/armstack_bridge/events", "std_msgs/String", {"data": json.dumps(event)}, ms * MS)
        for ms, state in ((0, "NOMINAL"), (300, "NOMINAL"), (521, "SAFE_STOP")):
            rec.write("/armstack_bridge/state", "std_msgs/msg/String", state, ms * MS)  # plain str shorthand
        for ms, level in ((0, DiagnosticStatus.OK), (100, DiagnosticStatus.OK), (522, DiagnosticStatus.ERROR)):
            diag = DiagnosticArray(status=[DiagnosticStatus(level=level, name="armstack_bridge: joint_states",
                                                            message="stale" if level != DiagnosticStatus.OK else "")])
            rec.write("/diagnostics", "diagnostic_msgs/msg/DiagnosticArray", diag, ms * MS)
        rec.write("/estop", "std_msgs/msg/Bool", {"data": True}, 900 * MS)


def test_recording_round_trips_through_rclpy_and_summarises(tmp_path: Path) -> None:
    path = tmp_path / "run.mcap"
    _write_run(path)
    from mcap.reader import make_reader
    from rclpy.serialization import deserialize_message
    from sensor_msgs.msg import JointState

    with path.open("rb") as f:
        reader = make_reader(f)
        assert reader.get_header().profile == "ros2"
        schemas = {s.name: s.encoding for s in reader.get_summary().schemas.values()}  # type: ignore[union-attr]
        assert schemas["sensor_msgs/msg/JointState"] == "ros2msg"
        msgs = [(c.topic, m) for _, c, m in reader.iter_messages() if c.topic == "/joint_states"]
    assert all(c.message_encoding == "cdr" for c in reader.get_summary().channels.values())  # type: ignore[union-attr]
    # What rosbag2 would play back: rclpy deserialises our CDR into the same message.
    decoded = deserialize_message(msgs[3][1].data, JointState)
    assert list(decoded.name) == ["j1", "j2"] and decoded.position[0] == pytest.approx(0.3)
    assert decoded.header.stamp.nanosec == 30 * MS

    s = summarize_recording(path)
    assert s.topics["/joint_states"]["count"] == 82 and s.commands == {"/arm_controller/commands": 42}
    rate = s.joint_states["/joint_states"]
    assert rate["max_gap_ms"] == pytest.approx(200.0) and rate["period_ms_p50"] == pytest.approx(10.0)
    assert s.faults == {"stale_state": 1}
    kinds = [(round(e.t, 3), e.kind) for e in s.timeline]
    assert kinds == [(0.0, "transition"), (0.0, "state"), (0.0, "diagnostics"), (0.52, "fault"), (0.521, "transition"),
                     (0.521, "state"), (0.522, "diagnostics"), (0.9, "estop")]
    details = [e.detail for e in s.timeline]
    assert "NOMINAL -> SAFE_STOP" in details and "armstack_bridge: joint_states: ERROR stale" in details


def _armstack(*args: str) -> subprocess.CompletedProcess[str]:
    # A real process: the console script as a technician runs it (and a clean sys.path).
    return subprocess.run([str(Path(sys.executable).parent / "armstack"), *args], capture_output=True, text=True,
                          timeout=120, check=False)


def test_cli_prints_summary_and_json_and_rejects_non_recordings(tmp_path: Path) -> None:
    path = tmp_path / "run.mcap"
    _write_run(path)
    result = _armstack("recording", "summary", str(path))
    assert result.returncode == 0, result.stderr
    assert "longest gap 200.0 ms" in result.stdout
    assert "stale_state x1" in result.stdout and "NOMINAL -> SAFE_STOP" in result.stdout
    result = _armstack("recording", "summary", str(path), "--json")
    data = json.loads(result.stdout)
    assert data["messages"] == 82 + 42 + 3 + 3 + 3 + 1 and len(data["timeline"]) == 8
    (tmp_path / "junk.mcap").write_text("not an mcap file")
    for bad, needle in ((tmp_path / "junk.mcap", "not a readable MCAP"), (tmp_path / "none.mcap", "does not exist")):
        result = _armstack("recording", "summary", str(bad))
        assert result.returncode == 2 and needle in result.stderr and "Traceback" not in result.stderr


def test_concurrent_writers_and_closed_recorder(tmp_path: Path) -> None:
    path = tmp_path / "threads.mcap"
    rec = Recorder(path)

    def writer(k: int) -> None:
        for i in range(200):
            rec.write(f"/t{k}", "std_msgs/msg/String", {"data": f"{k}:{i}"}, i * MS)

    threads = [threading.Thread(target=writer, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with pytest.raises(RecordingError, match="does not fit std_msgs/msg/Float64"):
        rec.write("/bad", "std_msgs/msg/Float64", {"data": "not a number"}, 0)
    with pytest.raises(RecordingError, match="expected an rclpy message or a dict"):
        rec.write("/bad", "std_msgs/msg/Float64", 3.0, 0)
    rec.close()
    rec.close()
    with pytest.raises(RecordingError, match="closed"):
        rec.write("/t0", "std_msgs/msg/String", {"data": "late"}, 0)
    s = summarize_recording(path)
    assert {t: i["count"] for t, i in s.topics.items()} == {f"/t{k}": 200 for k in range(4)}


def test_background_recorder_writes_everything_queued_and_reports_failures_at_close(tmp_path: Path) -> None:
    from sensor_msgs.msg import JointState

    path = tmp_path / "bg.mcap"
    rec = Recorder(path, background=True)
    for k in range(300):
        rec.write("/joint_states", "sensor_msgs/msg/JointState", JointState(name=["a"], position=[float(k)]), k * MS)
    rec.close()
    s = summarize_recording(path)
    assert s.topics["/joint_states"]["count"] == 300
    assert s.joint_states["/joint_states"]["rate_hz"] == pytest.approx(1000.0)

    bad = Recorder(tmp_path / "bad.mcap", background=True)
    bad.write("/x", "std_msgs/msg/Float64", {"data": 1.0}, 0)
    bad.write("/x", "std_msgs/msg/Float64", {"data": "not a number"}, 1)
    with pytest.raises(RecordingError, match="does not fit std_msgs/msg/Float64"):
        bad.close()
    assert summarize_recording(tmp_path / "bad.mcap").topics["/x"]["count"] == 1
