"""The bridge's ``~/execute_instruction`` action over real DDS: ``armstack-bridge`` (parser planner) and
``armstack-sim-arm`` as separate processes, the goal sent from this test's node with an rclpy ActionClient.

One process pair: a clarify and a refused instruction (nothing moves), a two-step pick-and-place (feedback per
step, a succeeded result with the agent's report, a second goal rejected meanwhile) judged on the sim arm's
ground truth, a goal cancelled mid-run (the agent stops, the result says ``stopped``), then one stopped by a fault
(aborted, the report says where) and a goal while disarmed (rejected, with the reason on ``~/events``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

pytest.importorskip("rclpy")

from action_msgs.msg import GoalStatus
from sensor_msgs.msg import JointState
from test_bridge_ros import LOADED_BOX, Rig, _params_file

from robot.ros_interfaces import ExecuteInstruction
from robot.ros_rig.processes import NodeProcess, RosProbe, allocate_domain_id

ACTION = "armstack_bridge/execute_instruction"


class Goal:
    """One goal's feedback, acceptance and result, filled in as the probe spins."""

    def __init__(self, rig: Rig, client: Any, text: str) -> None:
        self.rig = rig
        self.feedback: list[Any] = []
        self.handle: Any = None
        self.result: Any = None
        self.status: int | None = None
        future = client.send_goal_async(ExecuteInstruction.Goal(instruction=text),
                                        feedback_callback=lambda fb: self.feedback.append(fb.feedback))
        assert rig.probe.spin_until(future.done, 20.0, rig.bridge), f"no answer to {text!r}\n{rig.output()}"
        self.handle = future.result()
        if self.handle.accepted:
            self.handle.get_result_async().add_done_callback(self._done)

    def _done(self, future: Any) -> None:
        self.status, self.result = future.result().status, future.result().result

    def wait(self, timeout: float) -> Any:
        ok = self.rig.probe.spin_until(lambda: self.result is not None, timeout, self.rig.bridge)
        assert ok, f"no result within {timeout} s; feedback {self.feedback}\n{self.rig.output()}"
        return self.result


def _cube(rig: Rig, name: str) -> np.ndarray:
    objects = json.loads(rig.objects[-1][1].data)["objects"]
    return np.array(next(o for o in objects if o["name"] == name)["position"])


def _rejections(rig: Rig) -> list[str]:
    return [e["reason"] for e in rig.bridge_events() if e["event"] == "instruction_rejected"]


@pytest.mark.ros
@pytest.mark.xdist_group("bridge_ros")
def test_an_instruction_goal_reports_each_step_and_ends_with_the_agents_report(tmp_path: Path) -> None:
    params = _params_file(tmp_path, planner="parser", **LOADED_BOX)
    with allocate_domain_id() as domain, RosProbe(domain) as probe, \
            NodeProcess("armstack-sim-arm", domain, params) as arm, \
            NodeProcess("armstack-bridge", domain, params) as bridge:
        from rclpy.action import ActionClient

        rig = Rig(probe, arm, bridge)
        joints = probe.subscribe(JointState, "joint_states")
        client: Any = ActionClient(probe.node, ExecuteInstruction, ACTION)
        assert probe.spin_until(client.server_is_ready, 30.0, bridge), f"no action server\n{rig.output()}"
        rig.armed_at_startup()
        assert probe.spin_until(lambda: bool(rig.objects), 10.0, arm)

        # Questions and refusals come back as such, and the arm stays where it is.
        before = np.array(joints[-1][1].position)
        for text, expected in (("pick up the cube", "clarify"), ("twirl the red cube around", "refused")):
            goal = Goal(rig, client, text)
            assert goal.handle.accepted, f"{text!r} rejected\n{rig.output()}"
            result = goal.wait(20.0)
            assert (result.status, result.success, goal.status) == (expected, False, GoalStatus.STATUS_ABORTED)
            assert result.reason and json.loads(result.report_json)["steps"] == []
            assert not [f for f in goal.feedback if f.skill], "a step ran for an instruction that was not planned"
        probe.spin_for(0.3)
        assert np.abs(np.array(joints[-1][1].position) - before).max() < 0.01, "the arm moved"

        # A two-step pick-and-place: feedback for each step, the report as the result; a goal meanwhile is rejected.
        red0 = _cube(rig, "red_cube")
        goal = Goal(rig, client, "put the red cube on the blue one")
        assert goal.handle.accepted, rig.output()
        second = Goal(rig, client, "put the green cube in the bin")
        assert not second.handle.accepted, "a second goal was accepted while one runs"
        result = goal.wait(40.0)
        report = json.loads(result.report_json)
        assert (result.status, result.success, goal.status) == ("succeeded", True, GoalStatus.STATUS_SUCCEEDED), \
            f"{result.reason}\n{rig.output()}"
        assert report["status"] == "succeeded" and report["world"] == "bridge"
        steps = [(f.step_index, f.skill, f.state) for f in goal.feedback if f.skill]
        assert steps == [(i, s["skill"], "succeeded") for i, s in enumerate(report["steps"])], steps
        assert [s for _, s, _ in steps] == ["pick", "place_on"] and goal.feedback[0].steps_total == 2
        assert json.loads(goal.feedback[-1].args_json) == report["steps"][-1]["args"]
        probe.spin_for(0.5)
        red, blue = _cube(rig, "red_cube"), _cube(rig, "blue_cube")  # the sim's ground truth
        assert np.linalg.norm(red[:2] - blue[:2]) < 0.03 and red[2] > blue[2] + 0.03, (red0, red, blue)

        # A cancel stops the agent where it is: the goal ends canceled, the report says stopped and where.
        goal = Goal(rig, client, "put the green cube in the bin")
        assert goal.handle.accepted, rig.output()
        assert probe.spin_until(lambda: any(f.state == "planned" for f in goal.feedback), 20.0, bridge)
        probe.spin_for(0.5)  # into the first skill
        cancel = goal.handle.cancel_goal_async()
        assert probe.spin_until(cancel.done, 10.0, bridge)
        result = goal.wait(20.0)
        report = json.loads(result.report_json)
        assert (result.status, result.success, goal.status) == ("stopped", False, GoalStatus.STATUS_CANCELED), \
            f"{result.reason}\n{rig.output()}"
        assert "stopped during step 1" in report["failure"] and "cancelled" in result.reason
        # A fault mid-skill (an e-stop) stops the agent: the goal is aborted and the report says where it stopped.
        goal = Goal(rig, client, "put the green cube in the bin")
        assert goal.handle.accepted, f"the bridge is not free again after a cancel\n{rig.output()}"
        assert probe.spin_until(lambda: any(f.state == "planned" for f in goal.feedback), 20.0, bridge)
        probe.spin_for(0.5)
        rig.send("armstack_sim_arm/inject", {"fault": "estop"}, confirm="inject")
        result = goal.wait(20.0)
        report = json.loads(result.report_json)
        assert (result.status, result.success, goal.status) == ("stopped", False, GoalStatus.STATUS_ABORTED), \
            f"{result.reason}\n{rig.output()}"
        assert "stopped during step 1" in report["failure"] and "estop" in report["failure"], report["failure"]
        # Disarmed by the stop: a goal now is rejected, and the reason is on ~/events as for the one above.
        rejected = Goal(rig, client, "put the green cube in the bin")
        assert not rejected.handle.accepted
        assert probe.spin_until(lambda: len(_rejections(rig)) >= 2, 5.0, bridge), rig.output()
        busy, disarmed = _rejections(rig)[-2:]
        assert "another instruction is running" in busy and "not armed" in disarmed, (busy, disarmed)
