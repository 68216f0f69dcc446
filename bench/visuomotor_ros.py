"""Pick-and-place of an image policy through ROS on the simulated arm, beside the same policy in simulation.

Prints one JSON object to stdout (progress to stderr). ROS: ``armstack-bridge`` runs the checkpoint (``policy``)
and feeds it the camera topics it names (``robot.camera_input``); ``armstack-sim-arm`` publishes those cameras
(``camera: front,wrist`` at the checkpoint's image size, shadows on, as the env renders) and ground truth on
``scene/objects`` (the bridge's ``task_success``; the policy never reads it). Per scene seed N: the bridge is
stopped (``~/stop``), a fresh sim arm starts with ``seed`` N (the arm at home, the layout and goal the sim arm draws
for N; the old arm's stream lost, the bridge's stop sends nothing more, so the new arm stays at home until the
re-arm resumes at its measured pose: ``new_arm`` counts what reached it before, ROB s21), the goal goes to
``~/instruction`` as a JSON task goal, the bridge is re-armed, and the policy runs for the
env's step limit (140 policy steps, counted in the bridge's tick log: a tick held in DEGRADED takes no step) or
until the bridge reports success; success is the sim's ground truth afterwards (``placed``). A stop the loaded
host causes by itself (``TIMING_FAULTS``) is re-armed up to ``MAX_TIMING_STOPS`` times and counted.

Simulation: the env (``randomization none``, the sim arm's scene) laid out and given the goal as the sim arm does
for seed N, the same step limit. The checkpoint's own held-out figure (default randomisation) is ``armstack eval``.

Run: ``MUJOCO_GL=egl python bench/visuomotor_ros.py --policy runs/vm/best [--scenes 20] [--seed-start 0]``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from robot.ros_rig.bridge_rig import LOADED_HOST, TIMING_FAULTS, BridgeRig
from robot.ros_rig.perception_loop import placed
from robot.ros_rig.processes import REPO_ROOT, NodeProcess, RosProbe, allocate_domain_id

MAX_STEPS = 140
"""PickPlace's step limit (sim.tasks.pick_place.PickPlaceTask.max_steps) at the 20 Hz policy rate."""
MAX_TIMING_STOPS = 10
"""Stops a starved host causes by itself that an episode re-arms (the arm holds meanwhile; policy steps are
counted, not wall time, so a pause costs the policy nothing but the scene's drift)."""
LOADED_RIG = {"stale_periods": 60.0, "policy_start_timeout_s": 170.0}
"""On top of LOADED_HOST: a 0.6 s gap in the joint states stops the arm (a shared 2-core box at load 15 starves
the double's process for 0.3 s several times a minute); the policy's process may take 170 s to start, within the
180 s the rig waits for the bridge's first tick (the bridge's 120 s default was too short twice at load 24-25 in
session 16: the bridge exited before its first tick)."""


def rig_params(tmp: Path, policy: str, cameras: tuple[str, ...], size: tuple[int, int], *,
               camera_rate_hz: float = 20.0, **bridge: Any) -> Path:
    """``launch/config/panda.yaml`` for an image policy: the bridge runs ``policy`` (no planner, loaded-host
    limits, ``bridge`` on top), the sim arm publishes ``cameras`` at ``size`` (height, width) as the env renders
    them (shadows on) and ground truth on ``scene/objects``."""
    from robot.planner_process import NO_PLANNER

    data = yaml.safe_load((REPO_ROOT / "launch" / "config" / "panda.yaml").read_text())
    data.pop("armstack_perception", None)
    # Joint states at 100 Hz, not the panda file's 250: on a loaded 2-core box the double's process (physics, two
    # cameras) then keeps its rate, and the bridge expects what it sends.
    data["armstack_sim_arm"]["ros__parameters"].update(
        camera=",".join(cameras), camera_width=int(size[1]), camera_height=int(size[0]),
        camera_rate_hz=float(camera_rate_hz), camera_shadows=True, publish_objects=True, publish_rate_hz=100.0)
    data["armstack_bridge"]["ros__parameters"].update(policy=str(policy), planner=NO_PLANNER,
                                                      expected_state_rate_hz=100.0,
                                                      **{**LOADED_HOST, **LOADED_RIG, **bridge})
    path = tmp / "visuomotor_rig.yaml"
    path.write_text(yaml.safe_dump(data))
    return path


def _goal_text(reset: dict[str, Any]) -> str:
    return json.dumps({"task": "pick_place", "object": reset["object"], "target": reset["target"],
                       "instruction": reset["instruction"]})


def _faults(rig: BridgeRig, since: int) -> list[str]:
    return [f"{e.get('kind')}: {e.get('detail', '')}"[:200] for e in rig.bridge_events()[since:]
            if e.get("event") == "fault"]


class PolicySteps:
    """Policy steps the bridge took (its tick log: ticks that ran the policy and produced an action, no policy_*
    fault), read incrementally."""

    def __init__(self, path: Path) -> None:
        self.path, self._offset, self.count = path, 0, 0

    def update(self) -> int:
        if self.path.is_file():
            with open(self.path) as f:
                f.seek(self._offset)
                chunk = f.read()
            done = chunk[: chunk.rfind("\n") + 1]  # a line being written is read next time
            self._offset += len(done.encode())
            self.count += sum('"policy_ms": null' not in line and '"kind": "tick"' in line
                              and '"kind": "policy_' not in line for line in done.splitlines())
        return self.count


def new_arm_start(ticks: Path, offset: int, since: float) -> dict[str, Any]:
    """What the bridge sent a scene's new arm before its re-arm, from the tick log (records from byte ``offset``):
    the commands between the first record with a reading received after ``since`` (node clock: the new arm's start)
    and the first ``resume`` after it, and how far the resume's position (the measured one) lies from that first
    reading. ROB s21: a stop's frozen hold streamed to the new arm pulled it 1.07-1.16 rad toward the last scene's
    pose (the lost stream's stop now sends nothing more); both 0 when nothing reached it."""
    with open(ticks) as f:
        f.seek(offset)
        records = [json.loads(line) for line in f.read().splitlines() if line.strip().endswith("}")]
    first = next((i for i, r in enumerate(records) if r.get("received") is not None and r["received"] >= since), None)
    if first is None:
        return {"commands_before_rearm": None, "moved_rad": None}
    resume = next((i for i in range(first, len(records)) if records[i].get("source") == "resume"), len(records))
    sent = sum(r.get("cmd") is not None for r in records[first:resume])
    moved = (max(abs(a - b) for a, b in zip(records[resume]["cmd"], records[first]["measured"], strict=True))
             if resume < len(records) else None)
    return {"commands_before_rearm": sent, "moved_rad": None if moved is None else round(moved, 4)}


LIFT_M = 0.03
"""A cube whose centre rose this much above where it started was picked up (partial progress, both worlds)."""


def lifted(heights: list[float]) -> bool:
    return bool(heights) and max(heights) - heights[0] > LIFT_M


def _height(scene: dict[str, Any], obj: str) -> float:
    return float(next(o for o in scene["objects"] if o["name"] == obj)["position"][2])


def ros_episode(rig: BridgeRig, probe: RosProbe, domain: int, params: Path, seed: int,
                scenes: list[tuple[float, Any]], steps: PolicySteps) -> dict[str, Any]:
    from std_msgs.msg import String

    began = time.monotonic()
    out: dict[str, Any] = {"seed": seed, "success": False, "bridge_success": False, "timing_stops": [],
                           "image_faults": 0, "failure": ""}
    if rig.arm is not None:
        if rig.state().get("mode") == "NOMINAL":
            rig.call(f"{rig.BRIDGE}/stop")  # no command from the last goal reaches the next scene's arm
        rig.arm.stop()
    offset = steps.path.stat().st_size if steps.path.is_file() else 0
    arm_started = time.time()  # the node clock (ROS time is the system clock here)
    rig.arm = NodeProcess("armstack-sim-arm", domain, params, ros_args=["-p", f"seed:={seed}"]).start()
    reset = rig.send(f"{rig.ARM}/scene_reset", {"seed": seed, "task": "pick_place"}, confirm="scene_reset", tries=60)
    out.update(object=reset["object"], target=reset["target"], instruction=reset["instruction"])
    n_events = len(rig.events)
    # The first scene waits for the bridge (its policy's process loads torch and the text encoder).
    rig.wait_state(lambda s: s.get("tick", 0) > 0, 180.0, "the bridge to run")
    probe.wait_for_subscriber(f"{rig.BRIDGE}/instruction", 30.0, rig.bridge)
    for _ in range(10):  # discovery may lose the first message
        probe.publish(String, f"{rig.BRIDGE}/instruction", String(data=_goal_text(reset)))
        if probe.spin_until(lambda: rig.state().get("object") == reset["object"]
                            and rig.state().get("target") == reset["target"], 2.0):
            break
    else:
        raise RuntimeError(f"the bridge did not take the goal; last state {rig.state()}")
    if rig.state().get("mode") != "NOMINAL":
        rig.rearm_when_ready(tries=10)
    first = steps.update()
    n_scenes = len(scenes)
    # Each stretch between timing stops has 120 s to succeed or use up the steps; such a stop is re-armed.
    done = rig.spin_rearming(lambda: bool(rig.state().get("task_success")) or steps.update() - first >= MAX_STEPS,
                             120.0, out["timing_stops"], MAX_TIMING_STOPS, renew=True)
    state = rig.state()
    if state.get("task_success"):
        out["bridge_success"] = True
    elif done:
        out["failure"] = "no success within the step limit"
    elif state.get("mode") in ("SAFE_STOP", "ESTOP"):
        causes = state["last_transition"]["faults"]
        late = set(causes) <= TIMING_FAULTS and len(out["timing_stops"]) < MAX_TIMING_STOPS
        out["failure"] = f"stopped by {causes}" + (" (not ready to re-arm within 120 s)" if late else "")
    else:
        out["failure"] = f"no progress; last state {state}"
    faults = _faults(rig, n_events)
    out["image_faults"] = sum("CameraImageError" in f for f in faults)
    out["faults"] = faults[:5]
    out["steps"] = steps.update() - first
    out["lifted"] = lifted([_height(json.loads(m.data), reset["object"]) for _, m in scenes[n_scenes:]])
    n = len(scenes)
    probe.spin_until(lambda: len(scenes) >= n + 10, 3.0)  # the released cube settles
    if scenes:
        out["success"] = placed(json.loads(scenes[-1][1].data), reset["object"], reset["target"])
    out["new_arm"] = new_arm_start(steps.path, offset, arm_started)
    out["seconds"] = round(time.monotonic() - began, 1)
    return out


def run_ros(policy: str, seeds: list[int], camera_rate_hz: float, policy_deadline_s: float) -> dict[str, Any]:
    from std_msgs.msg import String

    from robot.camera_input import ImageInputSpec

    spec = ImageInputSpec.of_checkpoint(policy)
    if spec is None:
        raise SystemExit(f"{policy}: the checkpoint names no cameras; this bench measures image policies")
    episodes = []
    with tempfile.TemporaryDirectory() as tmp, allocate_domain_id() as domain, \
            RosProbe(domain, name="visuomotor_ros_probe") as probe:
        ticks = Path(tmp) / "ticks.jsonl"
        params = rig_params(Path(tmp), policy, spec.cameras, spec.size, camera_rate_hz=camera_rate_hz,
                            policy_deadline_s=policy_deadline_s, tick_log=str(ticks))
        steps = PolicySteps(ticks)
        bridge = NodeProcess("armstack-bridge", domain, params).start()
        rig = BridgeRig(probe, bridge)
        scenes = probe.subscribe(String, "scene/objects", 50)
        for topic in (f"{rig.ARM}/scene_reset", f"{rig.BRIDGE}/instruction"):
            probe.publisher(String, topic)
        try:
            for seed in seeds:
                try:
                    ep = ros_episode(rig, probe, domain, params, seed, scenes, steps)
                except Exception as exc:  # one scene's rig failure is reported, the others still run
                    ep = {"seed": seed, "success": False, "failure": f"rig: {type(exc).__name__}: {str(exc)[:300]}"}
                episodes.append(ep)
                print(f"ros seed {seed}: {ep.get('success')} {ep.get('failure', '')[:120]}", file=sys.stderr)
        finally:
            if rig.arm is not None:
                rig.arm.stop()
            bridge.stop()
    return {"episodes": episodes, **summarise(episodes)}


def run_sim(policy_path: str, seeds: list[int]) -> dict[str, Any]:
    import gymnasium as gym
    import mujoco
    import numpy as np

    import sim  # noqa: F401  (registers the envs)
    from policies.policy import load
    from sim.tasks import get_task
    from sim.tasks.base import sample_layout

    policy: Any = load(policy_path, robot="panda")
    env: Any = gym.make("armstack/PickPlace-v0", robot="panda", randomization="none", **policy.env_kwargs)
    u = env.unwrapped
    episodes = []
    for seed in seeds:
        began = time.monotonic()
        env.reset(seed=seed)
        # As SimArm._layout draws seed N: the layout, then the goal, from one fresh generator.
        rng = np.random.default_rng(seed)
        sample_layout(rng, u.view)
        u.goal = get_task("pick_place").sample_goal(rng, u.view)
        mujoco.mj_forward(u.model, u.data)
        u.controller.reset(u.data)
        obs = u._observation()
        policy.reset()
        success, steps = False, 0
        heights = [float(u.view.object_pos(u.goal.object)[2])]
        for steps in range(1, MAX_STEPS + 1):  # noqa: B007 - steps is reported
            obs, _, terminated, truncated, info = env.step(policy(obs))
            heights.append(float(u.view.object_pos(u.goal.object)[2]))
            if info.get("is_success"):
                success = True
                break
            if terminated or truncated:
                break
        episodes.append({"seed": seed, "object": u.goal.object, "target": u.goal.target, "success": success,
                         "lifted": lifted(heights), "steps": steps, "seconds": round(time.monotonic() - began, 1)})
        print(f"sim seed {seed}: {success}", file=sys.stderr)
    env.close()
    return {"episodes": episodes, **summarise(episodes)}


def summarise(episodes: list[dict[str, Any]]) -> dict[str, Any]:
    from policies.evaluate import wilson_interval

    n, k = len(episodes), sum(bool(e.get("success")) for e in episodes)
    lo, hi = wilson_interval(k, n) if n else (0.0, 0.0)
    return {"successes": k, "scenes": n, "success_rate": k / n if n else 0.0, "ci95": [round(lo, 4), round(hi, 4)],
            "lifted": sum(bool(e.get("lifted")) for e in episodes)}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--policy", required=True, help="an image-policy checkpoint directory (policy.json names cameras)")
    p.add_argument("--scenes", type=int, default=20)
    p.add_argument("--seed-start", type=int, default=0)
    p.add_argument("--camera-rate", type=float, default=20.0, help="the sim arm's camera rate (Hz)")
    p.add_argument("--policy-deadline", type=float, default=0.05,
                   help="the bridge's policy_deadline_s (panda.yaml: 0.03; a loaded shared box needs more)")
    p.add_argument("--skip-ros", action="store_true")
    p.add_argument("--skip-sim", action="store_true")
    args = p.parse_args(argv)
    seeds = list(range(args.seed_start, args.seed_start + args.scenes))
    began = time.monotonic()
    sim_result = None if args.skip_sim else run_sim(args.policy, seeds)
    ros_result = None if args.skip_ros else run_ros(args.policy, seeds, args.camera_rate, args.policy_deadline)
    import os

    print(json.dumps({"policy": args.policy, "seeds": [seeds[0], seeds[-1]], "camera_rate_hz": args.camera_rate,
                      "policy_deadline_s": args.policy_deadline,
                      "sim": sim_result, "ros": ros_result, "seconds": round(time.monotonic() - began, 1),
                      "load_average": list(os.getloadavg())}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
