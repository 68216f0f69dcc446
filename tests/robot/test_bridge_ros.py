"""``armstack-bridge`` and ``armstack-sim-arm`` as separate processes over real DDS, one ROS_DOMAIN_ID each test.

One process pair per test is faulted, cleared and re-armed many times (starting processes is the slow
part). Timing is judged on the bridge's own tick log (``tick_log``: node-clock time of every tick, its
faults with the time each criterion was met, and when the command was published), never on this test's
wall clock.
"""

from __future__ import annotations

import json
import math
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml

pytest.importorskip("rclpy")

from sensor_msgs.msg import JointState
from std_msgs.msg import Bool, Float64MultiArray, String
from std_srvs.srv import Trigger
from trajectory_msgs.msg import JointTrajectory

from robot.params import load_bridge_params
from robot.ros_rig.bridge_rig import LOADED_HOST, TIMING_FAULTS, BridgeRig, latched_qos, read_ticks
from robot.ros_rig.processes import REPO_ROOT, NodeProcess, RosProbe, allocate_domain_id
from robot.safety import CommandGate
from sim.robots import get_robot

CONFIG = REPO_ROOT / "launch" / "config"
EVENTS_QOS = latched_qos()
LOADED_BOX = LOADED_HOST  # the names the other ROS tests import from here
PERIOD = 0.01
# (payload, faults that may explain the stop, whether a re-arm is needed)
FAULTS: list[tuple[dict[str, Any], set[str], bool]] = [
    ({"fault": "stale"}, {"stale_state"}, True),
    ({"fault": "freeze"}, {"frozen_state", "stale_state"}, True),
    ({"fault": "nan"}, {"nonfinite_state"}, True),
    ({"fault": "jump", "magnitude": 0.3}, {"state_jump"}, True),
    ({"fault": "effort_spike"}, {"effort_limit"}, True),
    ({"fault": "latency", "delay": 0.6}, {"stale_state"}, True),
    ({"fault": "drop", "rate": 0.8}, {"state_rate", "stale_state"}, False),
    ({"fault": "estop"}, {"estop"}, True),
    ({"fault": "estop_heartbeat"}, {"estop_heartbeat"}, True),
]


def _params_file(tmp: Path, robot: str = "panda", **bridge: Any) -> Path:
    data = yaml.safe_load((CONFIG / f"{robot}.yaml").read_text())
    data["armstack_bridge"]["ros__parameters"].update(bridge)
    path = tmp / f"{robot}.yaml"
    path.write_text(yaml.safe_dump(data))
    return path


class Rig(BridgeRig):
    """Sim arm + bridge processes (generic profile) and a probe wired to their topics; ``rearm`` re-arms as a
    technician does (waits until ready, retries, then NOMINAL)."""

    def __init__(self, probe: RosProbe, arm: NodeProcess, bridge: NodeProcess) -> None:
        super().__init__(probe, bridge, arm)
        self.objects = probe.subscribe(String, "scene/objects")
        for topic in ("armstack_sim_arm/scene_reset", "armstack_bridge/instruction"):
            probe.publisher(String, topic)
        probe.publisher(JointState, "joint_states")

    def rearm(self) -> None:
        self.rearm_when_ready()


def _check_log(ticks: list[dict[str, Any]], gate: CommandGate) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Every command (ticks and reactions between them, in the order published) inside the gate's envelope;
    returns (previous entry, first non-nominal entry) per episode."""
    prev: np.ndarray | None = None
    episodes: list[tuple[dict[str, Any], dict[str, Any]]] = []
    mode = "SAFE_STOP"  # the bridge starts stopped
    for before, t in zip([ticks[0], *ticks], ticks, strict=False):
        if t["cmd"] is not None:
            cmd = np.array(t["cmd"])
            assert np.isfinite(cmd).all() and math.isfinite(t["gripper"])
            if t["source"] == "resume":
                np.testing.assert_array_equal(cmd, np.clip(t["measured"], gate.lower, gate.upper))
            else:
                assert prev is not None and gate.within_envelope(prev, cmd), (t["tick"], prev, cmd)
            prev = cmd
        if mode == "NOMINAL" and t["mode"] != "NOMINAL":
            episodes.append((before, t))
        mode = t["mode"]
    return episodes


def _task_goal(reset: dict) -> str:
    """The scene's task as a JSON task goal: this test is about the safety loop around one scripted task;
    free words go to the planner's agent (panda.yaml: planner llama_cpp), which test_bridge_agent_ros.py covers."""
    return json.dumps({key: reset[key] for key in ("object", "target", "instruction")} | {"task": "pick_place"})


@pytest.mark.ros
@pytest.mark.xdist_group("bridge_ros")
def test_every_injected_fault_is_caught_within_a_period_and_pick_and_place_succeeds(tmp_path: Path) -> None:
    log = tmp_path / "ticks.jsonl"
    params = _params_file(tmp_path, tick_log=str(log), **LOADED_BOX)
    with allocate_domain_id() as domain, RosProbe(domain) as probe, \
            NodeProcess("armstack-sim-arm", domain, params) as arm, \
            NodeProcess("armstack-bridge", domain, params) as bridge:
        rig = Rig(probe, arm, bridge)
        rig.armed_at_startup()
        for topic in ("armstack_sim_arm/inject", "armstack_bridge/instruction"):
            assert probe.wait_for_subscriber(topic, 20.0, bridge)

        # Faults, each cleared and recovered from, on one process pair.
        for payload, kinds, needs_rearm in FAULTS:
            rig.send("armstack_sim_arm/inject", payload, confirm="inject")
            # A milder fault may show first (a delayed stream first looks thin): wait for the expected one.
            rig.wait_state(lambda s, k=kinds: s.get("mode") != "NOMINAL" and bool(
                set(s["faults"]) & k or set(s["last_transition"]["faults"]) & k), 5.0, f"{payload} to be detected")
            probe.spin_for(0.3)
            rig.send("armstack_sim_arm/clear", "{}", confirm="clear")
            if needs_rearm:
                assert rig.state()["mode"] != "NOMINAL", "a latched stop resumed without a re-arm"
                rig.rearm()
            else:
                rig.wait_state(lambda s: s.get("mode") == "NOMINAL", 5.0, "DEGRADED to resume by itself")
        # An operator stop through the service.
        assert rig.call("armstack_bridge/stop").success
        rig.wait_state(lambda s: s.get("mode") == "SAFE_STOP", 2.0, "the operator stop")
        rig.rearm()

        # A fault-free pick-and-place through ROS with the scripted expert.
        rig.send("armstack_sim_arm/scene_reset", {"seed": 3, "task": "pick_place"}, confirm="scene_reset")
        reset = [json.loads(m.data) for _, m in rig.arm_events if json.loads(m.data)["event"] == "scene_reset"][-1]
        probe.publish(String, "armstack_bridge/instruction", String(data=_task_goal(reset)))
        rig.wait_state(lambda s: s.get("task") == "pick_place", 5.0, "the instruction to be taken")
        # On a loaded shared box the host itself can starve a process long enough for a genuine timing fault
        # (late joint states or heartbeat): re-arm after those, as a technician would, and go on. Any other
        # fault fails the test; tests/robot/test_bridge_core.py shows the strictly fault-free run.
        timing_stops: list[list[str]] = []
        assert rig.spin_rearming(lambda: rig.state().get("task_success"), 60.0, timing_stops, 3, renew=True), \
            f"no task success; timing stops re-armed: {timing_stops}\n{rig.output()}"
        # Ground truth from the sim arm agrees: the cube lies at its target. Judged on a scene the sim stamped after
        # this probe saw the success (the probe handles each topic's messages late and in bursts on a loaded host: the
        # last one received may show the cube still on its way).
        success_seen = probe.node.get_clock().now().nanoseconds * 1e-9
        assert probe.spin_until(lambda: bool(rig.objects) and json.loads(rig.objects[-1][1].data)["stamp"]
                                >= success_seen, 10.0, arm), \
            f"no scene/objects stamped after the success in 10 s ({len(rig.objects)} received)\n{rig.output()}"
        objects = json.loads(rig.objects[-1][1].data)
        cube = next(o for o in objects["objects"] if o["name"] == reset["object"])
        place = objects["places"]["bin" if reset["target"] == "bin" else "pad"]
        assert math.dist(cube["position"][:2], place[:2]) < 0.075, (cube, place)

        # A stuck joint shows as a tracking error while the expert moves the arm.
        rig.send("armstack_sim_arm/scene_reset", {"seed": 5, "task": "pick_place"}, confirm="scene_reset")
        reset = [json.loads(m.data) for _, m in rig.arm_events if json.loads(m.data)["event"] == "scene_reset"][-1]
        probe.publish(String, "armstack_bridge/instruction", String(data=_task_goal(reset)))
        probe.spin_for(0.3)
        rig.send("armstack_sim_arm/inject", {"fault": "stuck", "joint": 0}, confirm="inject")

        def stuck_stop() -> bool:
            state = rig.state()
            stopped = state.get("mode") in ("SAFE_STOP", "ESTOP")
            return stopped and "tracking_error" in state["last_transition"]["faults"]

        # A starved host can stop the arm on another timing fault first (see above): re-armed, and the arm moves on.
        stuck_stops: list[list[str]] = []
        assert rig.spin_rearming(stuck_stop, 15.0, stuck_stops, 2, renew=True), \
            f"the stuck joint was not detected; timing stops re-armed: {stuck_stops}\n{rig.output()}"
        rig.send("armstack_sim_arm/clear", "{}", confirm="clear")
        rig.rearm()
        probe.spin_for(0.5)

    ticks = read_ticks(log)
    bridge_params = load_bridge_params([str(params)])
    gate = CommandGate(get_robot(bridge_params.sim_model), bridge_params.gate_config())
    episodes = _check_log(ticks, gate)
    assert len(episodes) >= len(FAULTS) + 2
    assert {first.get("kind") for _, first in episodes} >= {"reaction"}, "no fault was met between ticks"
    for _before, first in episodes:
        assert first["cmd"] is not None and first["source"] in ("hold", "estop_hold", "retreat"), first
        if not first["faults"]:
            assert first["kind"] == "reaction", first  # the operator stop holds from the service call
            continue
        since = min(f["since"] for f in first["faults"])
        # Criterion met (the arrival of the message that showed it, or a deadline) -> safe command published:
        # within one control period, less only the time the host kept the bridge from running (``lateness``:
        # an input waiting for the executor, a deadline wake-up or a tick starting late), which depends on
        # the load of a shared CI box and is measured as is by bench/bridge.py.
        assert first["t_pub"] - since <= PERIOD + max(0.0, first["lateness"]), first


# Faults of the readings themselves (issue #15): each must freeze the command, so the arm does not move at all.
SENSOR_INJECTIONS: list[tuple[dict[str, Any], set[str]]] = [
    ({"fault": "jump", "joint": 0, "magnitude": 0.3}, {"state_jump"}),
    ({"fault": "nan"}, {"nonfinite_state"}),
    ({"fault": "freeze"}, {"frozen_state", "stale_state"}),
    ({"fault": "stale"}, {"stale_state"}),
    ({"fault": "latency", "delay": 0.6}, {"stale_state"}),
]


@pytest.mark.ros
@pytest.mark.xdist_group("bridge_ros")
def test_joint_state_faults_freeze_the_command_and_the_arm_does_not_move(tmp_path: Path) -> None:
    """The panda sim arm and bridge over DDS, armed and holding; each fault of the readings is injected for
    1.5 s, cleared and re-armed. A 0.3 rad offset of joint 0's reading used to make the command and the arm chase
    it (1.0 rad in about a second); now every command after the fault is the last one before it (a stream gone
    stale: sent once, then nothing until the re-arm), and the
    arm's true position (the reading less the known offset while the jump is on, the reading once cleared)
    stays where it was."""
    log = tmp_path / "ticks.jsonl"
    params = _params_file(tmp_path, tick_log=str(log), **LOADED_BOX)
    with allocate_domain_id() as domain, RosProbe(domain) as probe, \
            NodeProcess("armstack-sim-arm", domain, params) as arm, \
            NodeProcess("armstack-bridge", domain, params) as bridge:
        rig = Rig(probe, arm, bridge)
        joints = probe.subscribe(JointState, "joint_states")
        commands = probe.subscribe(Float64MultiArray, "arm_controller/commands")
        rig.armed_at_startup()
        assert probe.wait_for_subscriber("armstack_sim_arm/inject", 20.0, bridge)
        # The bridge armed on the arm's joint states, but the probe's own reader may be matched later (DDS discovery
        # per reader): the CI on 682e60b found it still empty here (IndexError on joints[-1]).
        assert probe.spin_until(lambda: bool(joints), 10.0, arm), "the probe received no joint state in 10 s"
        # So may its command reader: each injection counts the commands sent after it (> 50 frozen ones).
        assert probe.spin_until(lambda: bool(commands), 10.0, bridge), \
            f"the probe received no arm command in 10 s of an armed bridge (reader not matched?)\n{rig.output()}"
        moved: dict[str, float] = {}
        for payload, kinds in SENSOR_INJECTIONS:
            probe.spin_for(0.3)
            before = np.array(joints[-1][1].position[:7])
            seen_joints, seen_cmds, seen_events = len(joints), len(commands), len(rig.events)
            rig.send("armstack_sim_arm/inject", payload, confirm="inject")
            state = rig.wait_state(lambda s: s.get("mode") != "NOMINAL" and not s.get("measurements_trusted"), 5.0,
                                   f"{payload} to stop the bridge")
            assert set(state["last_transition"]["faults"]) & (kinds | TIMING_FAULTS), state
            probe.spin_for(1.5)
            if payload["fault"] == "jump":
                # The injector adds exactly the magnitude: the reading less it is the arm's true position.
                offset = np.zeros(7)
                offset[0] = payload["magnitude"]
                readings = np.array([m.position[:7] for _, m in joints[seen_joints:]])
                shown = int(np.argmax(readings[:, 0] - before[0] > 0.5 * offset[0]))  # the first offset sample
                truth = readings[shown:] - offset
                assert len(truth) > 100 and np.abs(truth - before).max() < 2e-3, np.abs(truth - before).max()
            sent = np.array([m.data for _, m in commands[seen_cmds:]])
            assert len(sent) > 0 and np.ptp(sent, axis=0).max() < 1e-9, np.ptp(sent, axis=0)  # one frozen command
            # A stream lost past the stale bound: the frozen command once, then nothing until the re-arm (what comes
            # back may be a restarted driver's, ROB s21); any other fault of the readings: the frozen one streamed.
            lost = any(e.get("event") == "fault" and e.get("kind") == "stale_state"
                       for e in rig.bridge_events()[seen_events:])
            if lost:
                assert not rig.fresh_state()["commanding"], rig.state()
            else:
                assert len(sent) > 50, len(sent)
            rig.send("armstack_sim_arm/clear", "{}", confirm="clear")
            rig.rearm()
            probe.spin_for(0.3)
            after = np.array(joints[-1][1].position[:7])
            moved[payload["fault"]] = float(np.abs(after - before).max())
        print("true joint motion per fault (rad):", moved)
        assert max(moved.values()) < 2e-3, moved
    ticks = read_ticks(log)
    bridge_params = load_bridge_params([str(params)])
    gate = CommandGate(get_robot(bridge_params.sim_model), bridge_params.gate_config())
    episodes = _check_log(ticks, gate)
    assert len(episodes) >= len(SENSOR_INJECTIONS)  # and any stop the loaded host caused by itself
    injected = [json.loads(m.data) for _, m in rig.arm_events]
    injected = [e for e in injected if e["event"] == "inject"]
    for _before, first in episodes:
        earlier = [e for e in injected if e["t"] <= first["t_pub"]]  # retried sends inject again: the latest
        if not earlier:
            continue  # a stop the loaded host caused before the first injection (re-armed at start-up)
        event = earlier[-1]
        if not first["faults"] or first["t_pub"] - event["t"] > 1.0:
            continue  # not this injection's stop
        since = min(f["since"] for f in first["faults"])
        print(f"{event['fault']}: {[f['kind'] for f in first['faults']]}, first safe command "
              f"{1e3 * (first['t_pub'] - since):.2f} ms after the criterion, {1e3 * (first['t_pub'] - event['t']):.1f} "
              f"ms after the injection ({first['kind']})")


def _joint_state(names: list[str], position: list[float], stamp: float) -> JointState:
    msg = JointState()
    msg.header.stamp.sec, msg.header.stamp.nanosec = divmod(int(stamp * 1e9), 1_000_000_000)
    msg.name, msg.position = names, position
    msg.velocity = [0.0] * len(position)
    msg.effort = [0.0] * len(position)
    return msg


@pytest.mark.ros
@pytest.mark.xdist_group("bridge_ros")
def test_bad_input_gives_a_fault_or_an_event_never_a_crash(tmp_path: Path) -> None:
    log = tmp_path / "ticks.jsonl"
    # The probe stands in for the arm: no heartbeat and a slower, burstier stream than a real arm.
    mcap_path = tmp_path / "run.mcap"
    params = _params_file(tmp_path, tick_log=str(log), estop_heartbeat=False, expected_state_rate_hz=0.0,
                          stale_periods=50.0, clear_hold_s=0.2, command_interface="trajectory", record=str(mcap_path))
    spec = get_robot("panda")
    names = list(spec.all_joints)
    home = list(spec.home) + [spec.gripper_open] * 2
    with allocate_domain_id() as domain, RosProbe(domain) as probe, \
            NodeProcess("armstack-bridge", domain, params) as bridge:
        states = probe.subscribe(String, "armstack_bridge/state")
        events = probe.subscribe(String, "armstack_bridge/events", EVENTS_QOS)
        commands = probe.subscribe(JointTrajectory, "arm_controller/joint_trajectory")
        for topic in ("armstack_bridge/instruction", "scene/objects"):
            probe.publisher(String, topic)
        probe.publisher(JointState, "joint_states")
        probe.publisher(Bool, "estop")
        rearm: Any = probe.node.create_client(Trigger, "armstack_bridge/rearm")
        noise = [0.0]

        def pump(seconds: float, until: Any = None) -> bool:
            """Publish a healthy joint state every 10 ms (noise: a real stream never repeats exactly)."""
            end = time.monotonic() + seconds
            while time.monotonic() < end:
                noise[0] += 1e-7
                healthy = _joint_state(names, [q + noise[0] for q in home], stamp_now())
                probe.publish(JointState, "joint_states", healthy)
                probe.publish(Bool, "estop", Bool(data=False))  # released; recorded in the MCAP with the rest
                probe.spin_for(0.01)
                if until is not None and until():
                    return True
            return until is None

        def state() -> dict[str, Any]:
            return json.loads(states[-1][1].data) if states else {}

        def invalid_events() -> list[dict[str, Any]]:
            decoded = (json.loads(m.data) for _, m in events)
            return [e for e in decoded if e["event"] == "fault" and e["kind"] == "invalid_state"]

        def rearm_when_ready(label: str) -> None:
            """Re-arm once ready; again if the loaded host starved the stream in between (a stale_state flaring
            up between the ready state and the call), as a technician would."""
            replies = []
            for _ in range(5):
                assert pump(5.0, lambda: state().get("rearm_ready")), f"{label}: {state()}\n{bridge.output()}"
                assert rearm.wait_for_service(timeout_sec=5.0)
                future: Any = rearm.call_async(Trigger.Request())
                assert pump(5.0, future.done), label
                replies.append(future.result().message)
                if future.result().success:
                    break
            assert future.result().success, f"{label}: re-arm refused {replies}\n{bridge.output()}"
            assert pump(5.0, lambda: state().get("mode") == "NOMINAL"), f"{label}: {state()}\n{bridge.output()}"

        def stamp_now() -> float:
            return float(probe.node.get_clock().now().nanoseconds * 1e-9)

        assert probe.wait_for_subscriber("joint_states", 40.0, bridge), bridge.output()
        assert pump(40.0, lambda: state().get("mode") == "NOMINAL"), f"{state()}\n{bridge.output()}"
        assert probe.wait_for_subscriber("armstack_bridge/instruction", 10.0, bridge)

        # Malformed JSON and unknown names on the string topics: events, and the bridge keeps running.
        for topic, text in (("armstack_bridge/instruction", "{oops"), ("scene/objects", "not json"),
                            ("armstack_bridge/instruction", '{"task": "pick_place", "object": "pink_cube"}')):
            probe.publish(String, topic, String(data=text))
        assert pump(5.0, lambda: len([1 for _, m in events if json.loads(m.data)["event"] == "bad_input"]) >= 3)
        bad = [json.loads(m.data) for _, m in events if json.loads(m.data)["event"] == "bad_input"]
        assert {e["topic"] for e in bad} == {"~/instruction", "scene/objects"}
        assert any("pink_cube" in e["error"] and "valid" in e["error"] for e in bad)
        assert state()["mode"] == "NOMINAL"

        for label, msg in (
                ("wrong joint names", _joint_state([n.replace("panda", "fr3") for n in names], home, stamp_now())),
                ("wrong-length arrays", _joint_state(names, home[:4], stamp_now())),
                ("out-of-order stamps", _joint_state(names, home, stamp_now() - 5.0))):
            seen = len(invalid_events())
            probe.publish(JointState, "joint_states", msg)
            assert pump(5.0, lambda n=seen: len(invalid_events()) > n), f"{label}: {state()}\n{bridge.output()}"
            assert pump(2.0, lambda: state().get("mode") == "SAFE_STOP"), f"{label}: {state()}\n{bridge.output()}"
            rearm_when_ready(label)
        # Issue #20: one message stamped an hour ahead used to make every later one "out of order" (invalid_state
        # for ever, until a restart). Now it is a bad_stamp that clears with the next good sample, and re-arming works.
        def bad_stamps() -> list[dict[str, Any]]:
            decoded = (json.loads(m.data) for _, m in events)
            return [e for e in decoded if e["event"] == "fault" and e["kind"] == "bad_stamp"]

        probe.publish(JointState, "joint_states", _joint_state(names, home, stamp_now() + 3600.0))
        assert pump(5.0, lambda: bool(bad_stamps())), state()
        assert "ahead" in bad_stamps()[0]["detail"]
        assert pump(5.0, lambda: state().get("mode") == "SAFE_STOP"), state()
        assert pump(5.0, lambda: state().get("rearm_ready")), state()
        assert "invalid_state" not in state()["faults"], state()
        rearm_when_ready("future stamp")
        details = [e["detail"] for e in invalid_events()]
        assert any("missing joint(s) panda_joint1" in d for d in details), details
        assert any("out of order" in d for d in details), details
        assert commands, "the bridge never commanded"
        assert list(commands[-1][1].joint_names) == list(spec.arm_joints)
        assert bridge.alive(), bridge.output()
        assert bridge.stop() == 0, bridge.output()
    bridge_params = load_bridge_params([str(params)])
    gate = CommandGate(get_robot(bridge_params.sim_model), bridge_params.gate_config())
    _check_log(read_ticks(log), gate)
    # The MCAP recording holds what the bridge saw and did, with rosbag2 schemas.
    from mcap.reader import make_reader

    with mcap_path.open("rb") as f:
        summary = make_reader(f).get_summary()
    assert summary is not None
    topics = {c.topic: summary.schemas[c.schema_id].name for c in summary.channels.values()}
    assert topics["/joint_states"] == "sensor_msgs/msg/JointState"
    assert topics["/arm_controller/joint_trajectory"] == "trajectory_msgs/msg/JointTrajectory"
    assert {"/armstack_bridge/events", "/armstack_bridge/state", "/diagnostics", "/gripper_controller/commands"} \
        <= set(topics)
    assert topics["/estop"] == "std_msgs/msg/Bool"  # the e-stop stream is in the recording too
