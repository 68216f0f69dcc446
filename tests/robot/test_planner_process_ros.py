"""Killing the bridge's planner process mid-instruction, over DDS: a named fault and a stop, never a dead bridge."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from diagnostic_msgs.msg import DiagnosticArray, DiagnosticStatus
from std_msgs.msg import String
from test_bridge_ros import LOADED_BOX, Rig, _params_file

from robot.ros_rig.processes import NodeProcess, RosProbe, allocate_domain_id

pytestmark = [pytest.mark.ros, pytest.mark.slow]


def _spawned_children(pid: int) -> set[int]:
    """Children of ``pid`` started by multiprocessing's spawn (not its resource tracker)."""
    kids: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        for kid in (task / "children").read_text().split():
            try:
                cmdline = Path(f"/proc/{kid}/cmdline").read_bytes()
            except OSError:
                continue
            if b"spawn_main" in cmdline:
                kids.add(int(kid))
    return kids


def test_a_planner_process_killed_mid_instruction_is_a_fault_with_a_stop(tmp_path: Path) -> None:
    params = _params_file(tmp_path, planner="parser", **LOADED_BOX)
    with allocate_domain_id() as domain, RosProbe(domain) as probe, \
            NodeProcess("armstack-sim-arm", domain, params) as arm, \
            NodeProcess("armstack-bridge", domain, params) as bridge:
        rig = Rig(probe, arm, bridge)
        diagnostics = probe.subscribe(DiagnosticArray, "diagnostics")
        rig.armed_at_startup()
        assert probe.wait_for_subscriber("armstack_bridge/instruction", 20.0, bridge)
        assert bridge._proc is not None
        bridge_pid = bridge._proc.pid
        before = _spawned_children(bridge_pid)
        probe.publish(String, "armstack_bridge/instruction",
                      String(data="put the red cube on the blue cube, then put the green cube in the bin"))
        # The bridge spawns its planner's process for the first instruction: kill it while it is answering.
        planner_pid = None
        deadline = time.monotonic() + 20
        while planner_pid is None and time.monotonic() < deadline:
            new = _spawned_children(bridge_pid) - before
            planner_pid = min(new) if new else None
            time.sleep(0.002)
        assert planner_pid is not None, rig.output()
        os.kill(planner_pid, signal.SIGKILL)
        state = rig.wait_state(lambda s: "planner_process" in s.get("faults", []), 20.0, "the planner_process fault")
        assert state["mode"] == "SAFE_STOP" and state["task"] is None, state
        assert state["last_transition"]["faults"] == ["planner_process"]
        assert "SIGKILL" in state["last_transition"]["cause"], state
        assert bridge.alive, rig.output()
        assert probe.spin_until(lambda: any("planner_process" in st.message for _, m in diagnostics[-5:]
                                            for st in m.status), 5.0), "no planner_process on /diagnostics"
        # One status per check: the planner's is an error naming the signal, the joint-state check is no error.
        checks = {st.name: st for st in diagnostics[-1][1].status}
        assert checks["armstack_bridge: planner"].level == DiagnosticStatus.ERROR, checks["armstack_bridge: planner"]
        assert "SIGKILL" in checks["armstack_bridge: planner"].message
        # A starved host may warn of the joint-state rate (a WARNING fault, CI at load); the planner's death must
        # not make that check an error.
        assert checks["armstack_bridge: joint_states"].level in (DiagnosticStatus.OK, DiagnosticStatus.WARN), \
            checks["armstack_bridge: joint_states"]
        assert probe.spin_until(lambda: any(e.get("fault") == "planner_process" for e in rig.bridge_events()),
                                10.0), rig.bridge_events()
        # The operator re-arms; the next instruction gets a fresh planner process and runs.
        rig.rearm()
        assert "planner_process" not in rig.state()["faults"]
        probe.publish(String, "armstack_bridge/instruction", String(data="put the green cube in the bin"))
        # With a planner, words go to the agent: a fresh planner process plans them and the skills start.
        rig.wait_state(lambda s: s.get("agent") is not None, 30.0, "the next instruction to start")
        assert probe.spin_until(lambda: any(e.get("event") == "agent_plan" for e in rig.bridge_events()), 30.0), \
            rig.bridge_events()
        plan = next(e for e in rig.bridge_events() if e.get("event") == "agent_plan")
        assert [s["skill"] for s in plan["result"]["steps"]] == ["pick", "place_in"], plan
