"""Pick-and-place through ROS where the expert gets object poses only from perception of rendered images.

Three processes over real DDS, one ROS_DOMAIN_ID: ``armstack-sim-arm`` (front camera, colour + depth, no
ground truth on ``scene/objects``), ``armstack-perception`` (colour + depth; cubes, pad and bin), and
``armstack-bridge`` (scripted expert). Success is the bridge's and the sim's ground truth's, both
(``robot.ros_rig.PerceptionLoop.episode``). The multi-seed figure is ``bench/perception_loop.py``'s; here three
fixed seeds, two of which must succeed, which a loop that does not work (wrong places, a held cube torn from
the grasp by a late pose, a cube lost in the bin) does not reach.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

pytest.importorskip("rclpy")

from robot.ros_rig.perception_loop import PerceptionLoop, write_params
from robot.ros_rig.processes import allocate_domain_id

SEEDS = (0, 1, 3)  # fixed: pad and bin targets, different cubes
EPISODE_TIMEOUT_S = 40.0


@pytest.mark.ros
@pytest.mark.xdist_group("bridge_ros")
def test_pick_and_place_succeeds_on_perceived_poses_only(tmp_path: Path) -> None:
    with allocate_domain_id() as domain, \
            PerceptionLoop(domain, write_params(tmp_path), measure_latency=False) as loop:
        loop.wait_ready()
        # Only the perception node publishes scene/objects: the sim's ground truth never reaches the bridge.
        # Discovery fills in a remote publisher's node name a little after the publisher itself: wait for it.
        deadline = time.monotonic() + 15.0
        while True:
            names = {p.node_name for p in loop.probe.node.get_publishers_info_by_topic("/scene/objects")}
            if (names and "_NODE_NAME_UNKNOWN_" not in names) or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        assert names == {"armstack_perception"}, names
        episodes = []
        for seed in SEEDS:
            episodes.append(loop.episode(seed, timeout=EPISODE_TIMEOUT_S))
            if sum(e.success for e in episodes) >= 2:
                break  # the bar is met: spare the CI box the last episode
        report = [e.to_dict() for e in episodes]
        assert sum(e.success for e in episodes) >= 2, f"{report}\n{loop.output()}"
        # A success the bridge saw on perceived poses is one the simulator confirms.
        assert not any(e.bridge_success and not e.truth_success for e in episodes), report
        # Every pose message carries the stamp of the image it came from, as its scene JSON does.
        # (A stamp of the node's own clock would match none; a message lost on this busy probe may miss one.)
        scene_stamps = {json.loads(m.data)["stamp"] for _, m in loop.scenes}
        matched = sum(s in scene_stamps for s in loop.pose_stamps)
        assert loop.pose_stamps and matched >= 0.9 * len(loop.pose_stamps), (matched, len(loop.pose_stamps))
