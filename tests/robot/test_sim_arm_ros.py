"""``armstack-sim-arm`` as a separate process over real DDS: rates, names, commands, scene resets, faults."""

from __future__ import annotations

import itertools
import json
import math
import subprocess
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("rclpy")

from geometry_msgs.msg import PoseArray
from rclpy.qos import DurabilityPolicy, QoSProfile, ReliabilityPolicy
from sensor_msgs.msg import JointState
from std_msgs.msg import Bool, Float64MultiArray, String
from trajectory_msgs.msg import JointTrajectory, JointTrajectoryPoint

from robot.recording_summary import summarize_recording
from robot.ros_rig.processes import BIN_DIR, REPO_ROOT, NodeProcess, RosProbe, allocate_domain_id
from sim.robots import PANDA, UR5E

CONFIG = REPO_ROOT / "launch" / "config"
EVENTS_QOS = QoSProfile(depth=200, reliability=ReliabilityPolicy.RELIABLE, durability=DurabilityPolicy.TRANSIENT_LOCAL)
STARTUP_S = 40.0  # importing MuJoCo and building the scene on a loaded 2-core box, plus discovery


def _stamp(msg: Any) -> float:
    return float(msg.header.stamp.sec + 1e-9 * msg.header.stamp.nanosec)


def _events(store: list[tuple[float, String]]) -> list[dict[str, Any]]:
    return [json.loads(m.data) for _, m in store]


def _started(probe: RosProbe, proc: NodeProcess, topic: str = "joint_states") -> None:
    assert probe.wait_for_messages(topic, 5, STARTUP_S, proc), f"no {topic}; node output:\n{proc.output()}"


def _joint(store: list[tuple[float, JointState]], index: int) -> float:
    return float(store[-1][1].position[index])


@pytest.mark.ros
def test_sim_arm_streams_state_follows_commands_and_resets_the_scene() -> None:
    with allocate_domain_id() as domain, RosProbe(domain) as probe, \
            NodeProcess("armstack-sim-arm", domain, CONFIG / "panda.yaml") as proc:
        states = probe.subscribe(JointState, "joint_states")
        estops = probe.subscribe(Bool, "estop")
        objects = probe.subscribe(String, "scene/objects")
        poses = probe.subscribe(PoseArray, "scene/object_poses")
        stats = probe.subscribe(String, "armstack_sim_arm/stats")
        events = probe.subscribe(String, "armstack_sim_arm/events", EVENTS_QOS)
        probe.publisher(Float64MultiArray, "arm_controller/commands")
        probe.publisher(JointTrajectory, "arm_controller/joint_trajectory")
        probe.publisher(String, "armstack_sim_arm/scene_reset")
        _started(probe, proc)
        # Each reader is matched on its own (DDS discovery per reader): the rates and contents below read them all.
        for topic in ("estop", "scene/objects", "scene/object_poses"):
            assert probe.wait_for_messages(topic, 1, 10.0, proc), f"the probe's {topic} reader got nothing in 10 s"

        # Rate (by the publisher's stamps: this process may handle them late) and content.
        n0, e0 = len(states), len(estops)
        probe.spin_for(2.5)
        stamps = [_stamp(m) for _, m in states[n0:]]
        assert all(b > a for a, b in itertools.pairwise(stamps))
        window = [s for s in stamps if s <= stamps[0] + 2.0]
        rate = (len(window) - 1) / (window[-1] - window[0])
        # What arrives here depends on this process keeping up on a shared 2-core box; the node's own
        # account of its publishing (~/stats) must show the configured rate.
        assert rate > 120.0, f"joint_states received at {rate:.0f} Hz (250 configured)"
        # The schedule (median period) must be the configured one. The achieved rate drops when the process
        # is starved of CPU, as ros2_control's loop does (a tick more than a period late is skipped, not
        # burst out): the bound leaves room for a 2-core box shared with other jobs.
        assert probe.spin_until(lambda: bool(stats) and json.loads(stats[-1][1].data)["published"] > 500, 5.0, proc)
        own = json.loads(stats[-1][1].data)
        assert 125.0 < own["rate_hz"] < 275.0 and 3.5 < own["period_ms_p50"] < 5.0, own
        assert (len(estops) - e0) / 2.5 >= 10.0 and not any(m.data for _, m in estops)
        msg = states[-1][1]
        assert tuple(msg.name) == PANDA.all_joints
        assert len(msg.position) == len(msg.velocity) == len(msg.effort) == 9
        scene = json.loads(objects[-1][1].data)
        assert [o["name"] for o in scene["objects"]] == ["red_cube", "green_cube", "blue_cube"]
        assert len(poses[-1][1].poses) == 3

        # A position command moves joint 1; a trajectory (names in another order) moves joint 7.
        assert probe.wait_for_subscriber("arm_controller/commands", 10.0, proc)
        target = list(msg.position[:7])
        target[0] += 0.3
        probe.publish(Float64MultiArray, "arm_controller/commands", Float64MultiArray(data=target))
        assert probe.spin_until(lambda: abs(_joint(states, 0) - target[0]) < 0.02, 5.0), _joint(states, 0)
        assert probe.wait_for_subscriber("arm_controller/joint_trajectory", 10.0, proc)
        target[6] -= 0.4
        order = list(reversed(range(7)))
        traj = JointTrajectory(joint_names=[PANDA.arm_joints[i] for i in order],
                               points=[JointTrajectoryPoint(positions=[target[i] for i in order])])
        probe.publish(JointTrajectory, "arm_controller/joint_trajectory", traj)
        assert probe.spin_until(lambda: abs(_joint(states, 6) - target[6]) < 0.02, 5.0), _joint(states, 6)
        assert abs(_joint(states, 0) - target[0]) < 0.02  # the last target holds

        # A command for the wrong robot is refused with a reason, and the arm holds.
        probe.publish(Float64MultiArray, "arm_controller/commands", Float64MultiArray(data=[0.0] * 6))
        assert probe.spin_until(lambda: any(e["event"] == "rejected" for e in _events(events)), 5.0)
        assert "expected 7 values, got 6" in next(e for e in _events(events) if e["event"] == "rejected")["reason"]

        # A scene reset moves the cubes and says what task it sampled.
        before = [o["position"] for o in json.loads(objects[-1][1].data)["objects"]]
        assert probe.wait_for_subscriber("armstack_sim_arm/scene_reset", 10.0, proc)
        probe.publish(String, "armstack_sim_arm/scene_reset", String(data='{"seed": 3, "task": "pick_place"}'))
        assert probe.spin_until(lambda: any(e["event"] == "scene_reset" for e in _events(events)), 5.0)
        probe.spin_for(0.3)
        after = [o["position"] for o in json.loads(objects[-1][1].data)["objects"]]
        assert max(math.dist(a, b) for a, b in zip(after, before, strict=True)) > 0.01
        reset = next(e for e in _events(events) if e["event"] == "scene_reset")
        assert reset["seed"] == 3 and reset["object"] in ("red_cube", "green_cube", "blue_cube")
        assert proc.alive(), proc.output()
        rc = proc.stop()
        assert rc == 0, f"exit code {rc}\n{proc.output()}"


def _gap(times: list[float]) -> float:
    return max((b - a for a, b in itertools.pairwise(times)), default=0.0)


@pytest.mark.ros
def test_injected_faults_are_visible_on_the_topics(tmp_path: Path) -> None:
    recording = tmp_path / "arm.mcap"
    extra = tmp_path / "record.yaml"  # a second parameter file overrides the first, as launch files do
    extra.write_text(f"/**:\n  ros__parameters:\n    record: {recording}\n")
    with allocate_domain_id() as domain, RosProbe(domain) as probe, \
            NodeProcess("armstack-sim-arm", domain, CONFIG / "panda.yaml", ros_args=["--params-file", str(extra)]) \
            as proc:
        # The estop faults come first, before this process takes on the 250 Hz joint states: the heartbeat
        # has no stamp, so its silence is judged by arrival times, which a backlog here would smear.
        estops = probe.subscribe(Bool, "estop")
        events = probe.subscribe(String, "armstack_sim_arm/events", EVENTS_QOS)
        states: list[tuple[float, JointState]] = []
        probe.publisher(String, "armstack_sim_arm/inject")
        probe.publisher(String, "armstack_sim_arm/clear")
        probe.publisher(Float64MultiArray, "arm_controller/commands")
        _started(probe, proc, "estop")
        assert probe.wait_for_subscriber("armstack_sim_arm/inject", 10.0, proc)

        def inject(payload: dict[str, Any], watch: float) -> list[JointState]:
            """Inject, then return the joint states handled until one stamped ``watch`` s after the injection."""
            # The node's "inject" event confirms delivery (the first samples after discovery can be lost)
            # and gives the injection time on the node's clock, against which the stamps are judged.
            seen = len([e for e in _events(events) if e["event"] == "inject"])
            start = max(0, len(states) - 1)  # the last state before the injection: a gap starts there
            for _ in range(4):
                probe.publish(String, "armstack_sim_arm/inject", String(data=json.dumps(payload)))
                if probe.spin_until(lambda: len([e for e in _events(events) if e["event"] == "inject"]) > seen, 1.0):
                    break
            t_end = [e for e in _events(events) if e["event"] == "inject"][-1]["t"] + watch
            if not probe.is_subscribed("joint_states"):
                probe.spin_for(watch)
                return []
            assert probe.spin_until(lambda: _stamp(states[-1][1]) > t_end, 10.0 + watch, proc), proc.output()
            end = next(i for i in range(start, len(states)) if _stamp(states[i][1]) > t_end)
            return [m for _, m in states[start : end + 1]]

        e0 = len(estops)
        inject({"fault": "estop"}, 0.5)
        assert any(m.data for _, m in estops[e0:])
        probe.publish(String, "armstack_sim_arm/clear", String(data=""))
        probe.spin_for(0.5)
        assert not estops[-1][1].data
        e1 = len(estops)
        inject({"fault": "estop_heartbeat", "duration": 0.6}, 1.2)
        assert _gap([t for t, _ in estops[e1 - 1 :]]) > 0.45  # from the last heartbeat before the fault

        states = probe.subscribe(JointState, "joint_states")
        assert probe.wait_for_messages("joint_states", 5, 10.0, proc)
        msgs = inject({"fault": "stale", "duration": 0.6}, 1.0)
        assert _gap([_stamp(m) for m in msgs]) > 0.45 and len(msgs) > 20  # silent for the fault, then streaming
        msgs = inject({"fault": "nan", "duration": 0.4}, 0.8)
        assert any(math.isnan(m.position[0]) for m in msgs) and math.isfinite(msgs[-1].position[0])
        base = states[-1][1].position[2]
        msgs = inject({"fault": "jump", "joint": "panda_joint3", "magnitude": 0.5, "duration": 0.4}, 0.8)
        assert any(abs(m.position[2] - base - 0.5) < 0.01 for m in msgs)
        msgs = inject({"fault": "freeze", "duration": 0.4}, 0.8)
        stamps = [_stamp(m) for m in msgs]
        assert max(stamps.count(s) for s in stamps) > 20  # the same stamp (and values) again and again
        msgs = inject({"fault": "effort_spike", "joint": 1, "duration": 0.4}, 0.8)
        assert any(m.effort[1] > PANDA.effort_limits[1] for m in msgs)
        # drop: about half of the samples go missing. The node counts what it withheld (this process may be
        # too starved to judge rates by arrival); the stream shows the holes.
        msgs = inject({"fault": "drop", "rate": 0.5, "duration": 1.0}, 1.4)
        assert probe.spin_until(lambda: any(e["event"] == "clear" and e["fault"] == "drop" for e in _events(events)),
                                5.0)
        cleared_drop = next(e for e in _events(events) if e["event"] == "clear" and e["fault"] == "drop")
        assert cleared_drop["samples"] > 20 and 0.25 < cleared_drop["affected"] / cleared_drop["samples"] < 0.75
        t_drop = [e for e in _events(events) if e["event"] == "inject"][-1]["t"]
        inside = [m for m in msgs if t_drop < _stamp(m) < t_drop + 1.0]
        assert len(inside) <= cleared_drop["samples"] - cleared_drop["affected"] + 2
        # latency: samples keep their stamps and arrive late; those held back when it ends are never sent.
        msgs = inject({"fault": "latency", "delay": 0.3, "duration": 0.6}, 1.2)
        assert 0.2 < _gap([_stamp(m) for m in msgs]) < 0.45

        log = _events(events)
        injected = list(dict.fromkeys(e["fault"] for e in log if e["event"] == "inject"))  # a retry repeats one
        assert injected == ["estop", "estop_heartbeat", "stale", "nan", "jump", "freeze", "effort_spike", "drop",
                            "latency"]
        cleared = {(e["fault"], e["reason"]) for e in log if e["event"] == "clear"}
        assert ("estop", "clear") in cleared and ("stale", "expired") in cleared
        probe.publish(String, "armstack_sim_arm/inject", String(data='{"fault": "melt"}'))
        assert probe.spin_until(lambda: any(e["event"] == "rejected" for e in _events(events)), 5.0)
        probe.publish(Float64MultiArray, "arm_controller/commands", Float64MultiArray(data=list(PANDA.home)))
        probe.publish(Float64MultiArray, "arm_controller/commands", Float64MultiArray(data=[math.nan] * 7))
        assert probe.spin_until(lambda: sum(e["event"] == "rejected" for e in _events(events)) >= 2, 5.0)
        assert proc.alive(), proc.output()
        rc = proc.stop()
        assert rc == 0, f"exit code {rc}\n{proc.output()}"

    # The arm's own recording: what it published and received, the rejected command included.
    summary = summarize_recording(recording)
    assert summary.commands == {"/arm_controller/commands": 2}
    assert summary.joint_states["/joint_states"]["max_gap_ms"] > 450  # the stale fault
    assert set(summary.faults) == set(injected)
    assert [e.detail for e in summary.timeline if e.topic == "/estop"] == ["released", "asserted", "released"]


@pytest.mark.ros
def test_robot_choice_and_namespaces_give_the_drivers_joint_names() -> None:
    with allocate_domain_id() as domain, RosProbe(domain) as probe, \
            NodeProcess("armstack-sim-arm", domain, CONFIG / "ur5e.yaml", ros_args=["-r", "__ns:=/u"]) as ur, \
            NodeProcess("armstack-sim-arm", domain, CONFIG / "fr3.yaml", ros_args=["-r", "__ns:=/f"]) as fr3:
        probe.subscribe(JointState, "/u/joint_states")
        probe.subscribe(JointState, "/f/joint_states")
        _started(probe, ur, "/u/joint_states")
        _started(probe, fr3, "/f/joint_states")
        assert tuple(probe.received["/u/joint_states"][-1][1].name) == UR5E.all_joints
        fr3_names = tuple(probe.received["/f/joint_states"][-1][1].name)
        assert fr3_names == tuple(n.replace("panda_", "fr3_") for n in PANDA.all_joints)


def _run_node(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN_DIR / "armstack-sim-arm"), *args], capture_output=True, text=True, timeout=60,
                          cwd=REPO_ROOT, check=False)


def test_missing_or_invalid_params_file_exits_2_with_a_clear_message(tmp_path: Path) -> None:
    result = _run_node("--ros-args", "--params-file", str(tmp_path / "nope.yaml"))
    assert result.returncode == 2, result.stderr
    assert "nope.yaml" in result.stderr and "does not exist" in result.stderr and "Traceback" not in result.stderr
    bad = tmp_path / "bad.yaml"
    bad.write_text("armstack_sim_arm:\n  ros__parameters:\n    robot: kuka\n")
    result = _run_node("--ros-args", "--params-file", str(bad))
    assert result.returncode == 2 and "unknown robot 'kuka'" in result.stderr and "Traceback" not in result.stderr

