"""Trajectory commands a JointTrajectoryController accepts whatever the delivery delay (issue 15 item 5).

The simulated arm drops a stamped trajectory that already ended when it arrived, as ros2_controllers' JTC
does; the bridge sends zero-stamped points (start on arrival) with a 1.5-period horizon.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from builtin_interfaces.msg import Duration
from std_msgs.msg import String
from test_bridge_ros import EVENTS_QOS, LOADED_BOX, Rig, _params_file
from trajectory_msgs.msg import JointTrajectory, JointTrajectoryPoint

from robot.ros_rig.processes import NodeProcess, RosProbe, allocate_domain_id

pytestmark = [pytest.mark.ros, pytest.mark.slow, pytest.mark.xdist_group("bridge_ros")]


def _rejected(events: list[tuple[float, String]]) -> list[dict[str, object]]:
    return [e for e in (json.loads(m.data) for _, m in events)
            if e.get("event") == "rejected" and "joint_trajectory" in str(e.get("topic"))]


def test_stamped_late_trajectories_are_dropped_and_the_bridges_never_are(tmp_path: Path) -> None:
    params = _params_file(tmp_path, command_interface="trajectory", **LOADED_BOX)
    with allocate_domain_id() as domain, RosProbe(domain) as probe, \
            NodeProcess("armstack-sim-arm", domain, params) as arm, \
            NodeProcess("armstack-bridge", domain, params) as bridge:
        rig = Rig(probe, arm, bridge)
        arm_events = probe.subscribe(String, "armstack_sim_arm/events", EVENTS_QOS)
        sent = probe.subscribe(JointTrajectory, "arm_controller/joint_trajectory")
        rig.armed_at_startup()
        # The stretch counts what this probe's trajectory reader receives: matched first (DDS discovery per reader).
        assert probe.spin_until(lambda: bool(sent), 10.0, bridge), \
            f"the probe received no arm_controller/joint_trajectory in 10 s of an armed bridge\n{rig.output()}"
        # Load both cores for the bridge's stretch: delivery then takes longer than a control period.
        hogs = [subprocess.Popen([sys.executable, "-c", "import time\nt=time.time()\nwhile time.time()-t<12: pass"])
                for _ in range(2)]
        try:
            seen = len(sent)
            probe.spin_for(8.0)
        finally:
            for h in hogs:
                h.wait(30)
        commands = sent[seen:]
        assert len(commands) > 200, len(commands)
        assert all(m.header.stamp.sec == 0 and m.header.stamp.nanosec == 0 for _, m in commands)
        assert all(m.points[0].time_from_start.nanosec >= 10_000_000 for _, m in commands)  # >= one 10 ms period
        assert _rejected(arm_events) == [], _rejected(arm_events)
        print(f"bridge trajectories under load: {len(commands)} sent, 0 rejected")
        # What the controller drops: a point stamped a second ago with a 10 ms horizon.
        stale = JointTrajectory(joint_names=list(commands[-1][1].joint_names),
                                points=[JointTrajectoryPoint(positions=list(commands[-1][1].points[0].positions),
                                                             time_from_start=Duration(sec=0, nanosec=10_000_000))])
        ns = time.time_ns() - 1_000_000_000
        stale.header.stamp.sec, stale.header.stamp.nanosec = divmod(ns, 1_000_000_000)
        pub = probe.publisher(JointTrajectory, "arm_controller/joint_trajectory")
        assert probe.spin_until(lambda: (pub.publish(stale), bool(_rejected(arm_events)))[1], 10.0), rig.output()
        assert "before it arrived" in str(_rejected(arm_events)[0]["reason"])
