"""How far a policy gets in each held-out PickPlace episode, and where it first closes the gripper.

``armstack eval`` says which episodes fail; this says where they fail. It replays the eval's episodes (the same
env construction, seeds and reset as ``policies.evaluate.evaluate_policy``, so the successes match the eval's)
and reads the simulator's truth at every step to mark the phases reached, in order:

    approached  the open hand came within ``--near`` cm (horizontally) of the instructed cube, at most 10 cm above it
    closed      the policy commanded the gripper shut (action[-1] > 0)
    grasped     both finger pads held the instructed cube (``SceneView.is_grasped``), or it was lifted (a grasp on
                its corners does not read as held)
    lifted      the instructed cube rose 2 cm above where it started
    carried     lifted, it came within ``--near`` cm (horizontally) of the goal
    lowered     carried, it came down within 4 cm above the goal's height
    released    the episode succeeded (the cube released on the goal)

At the first close it records the hand-to-cube offset (TCP minus the cube's centre, cm, in the world frame,
along/across the front camera's view direction, and in the hand's frame: ``finger_cm`` along the line the fingers
close on, ``palm_cm`` across it), the TCP's height above the cube's centre, the yaw error to the
nearest grasp yaw, the nearest other cube, and whether the cube had been pushed (moved > 1 cm) or tipped (> 15
degrees) before it. Each failure that never lifts gets one class (first match):

    no_close       never commanded a close
    tipped         the cube was tipped over before the first close
    wrong_cube     at the first close the hand was nearer another cube than the instructed one
    high           at the first close the TCP was over 3 cm above the cube's centre (never descended)
    beside         at the first close the hand was more than ``--beside`` cm (horizontally) off the cube's centre
    yaw            closed low over the cube with the fingers turned over 20 degrees from its faces
    on_not_held    closed low, centred and square on the cube, yet no grasp, or a grasp that did not lift it

and each lifted failure one of: dropped (lost before carried), not_carried, not_lowered, not_released.
Prints JSON (episodes, phase counts, classes, first-close medians per outcome).

    MUJOCO_GL=egl python bench/visuomotor_phases.py --policy RUN/best --episodes 50
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections.abc import Callable
from typing import Any

import gymnasium as gym
import numpy as np

import policies
import sim  # noqa: F401 - registers the env ids
from policies.errors import PolicyError
from policies.evaluate import EVAL_SEED_BASE, eval_seeds

PHASES = ("approached", "closed", "grasped", "lifted", "carried", "lowered", "released")
NEVER_LIFTED = ("no_close", "tipped", "wrong_cube", "high", "beside", "yaw", "on_not_held")
LIFTED = ("dropped", "not_carried", "not_lowered", "not_released")
LIFT_M, LOWERED_M, TIPPED_DEG, HIGH_M, YAW_DEG = 0.02, 0.04, 15.0, 0.03, 20.0


def _tilt_deg(quat: np.ndarray) -> float:
    """The angle between the cube's z axis and the world's, folded so that a cube on any face reads 0."""
    w, x, y, z = quat
    rot = np.array([[1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)],
                    [2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)],
                    [2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)]])
    up = float(np.max(np.abs(rot[2])))  # the axis nearest the world's z, whichever face is down
    return math.degrees(math.acos(min(1.0, up)))


def _wrap90(a: float) -> float:
    return (a + math.pi / 4) % (math.pi / 2) - math.pi / 4


def classify(row: dict[str, Any], beside_cm: float) -> str:
    """The failure class of one episode (``None``-free: call only for failures)."""
    if row["phase"] in ("lifted", "carried", "lowered"):
        return {"lifted": "not_carried", "carried": "not_lowered", "lowered": "not_released"}[row["phase"]] \
            if not row["dropped"] else "dropped"
    close = row["first_close"]
    if close is None:
        return "no_close"
    if close["tipped_before"]:
        return "tipped"
    if close["nearest_other_cm"] < close["xy_cm"]:
        return "wrong_cube"
    if close["height_cm"] > 100 * HIGH_M:
        return "high"
    if close["xy_cm"] > beside_cm:
        return "beside"
    if abs(close["yaw_err_deg"]) > YAW_DEG:
        return "yaw"
    return "on_not_held"


def run(policy_dir: str, episodes: int, env_id: str, near_cm: float, beside_cm: float,
        wrap: Callable[[Any], Any] | None = None) -> dict[str, Any]:
    """The phases of ``episodes`` held-out episodes; ``wrap`` (bench/visuomotor_close_cue.py) may put a probe around
    the loaded policy (it must keep ``spec``, ``env_kwargs``, ``reset`` and the call)."""
    try:
        policy = policies.load(policy_dir)
    except PolicyError as exc:
        raise SystemExit(f"error: {exc}") from None
    if wrap is not None:
        policy = wrap(policy)
    env_kwargs = {**getattr(policy, "env_kwargs", {}), "terminate_on_success": True}
    env: Any = gym.make(env_id, robot=policy.spec.robot, randomization="default", **env_kwargs).unwrapped
    view = env.view
    names = list(view.scene.object_names)
    cam_id = env.model.camera("front").id if "front" in [env.model.camera(i).name
                                                          for i in range(env.model.ncam)] else -1
    rows = []
    start = time.perf_counter()
    for seed in eval_seeds(episodes, base=EVAL_SEED_BASE):
        getattr(policy, "reset", lambda: None)()
        obs, info = env.reset(seed=seed, options={"task": "pick_place"})
        target = info.get("target")
        cube = names[int(obs["object_id"])]
        start_pos = view.object_pos(cube).copy()
        goal = np.asarray(obs["goal_pos"], dtype=float).copy()
        if cam_id >= 0:  # the front camera's view direction on the table: "along" is away from the camera
            fwd = -env.data.cam_xmat[cam_id].reshape(3, 3)[:, 2]
            along = fwd[:2] / max(float(np.linalg.norm(fwd[:2])), 1e-9)
        else:
            along = np.array([1.0, 0.0])
        across = np.array([-along[1], along[0]])
        reached: dict[str, int | None] = {p: None for p in PHASES}
        first_close: dict[str, Any] | None = None
        closes, dropped, max_z, steps, success, was_closed = 0, False, float(start_pos[2]), 0, False, False
        while True:
            tcp, pos = view.tcp_pos.copy(), view.object_pos(cube).copy()
            action = np.asarray(policy(obs))
            closing = bool(action[-1] > 0)
            rel = tcp - pos
            if reached["approached"] is None and not closing and np.linalg.norm(rel[:2]) < near_cm / 100 \
                    and rel[2] < 0.10:
                reached["approached"] = steps
            if closing and not was_closed:
                closes += 1
            if closing and first_close is None:
                reached["closed"] = steps
                yaw = view.tcp_yaw  # the fingers close along the TCP's y axis
                others = [float(np.linalg.norm(tcp[:2] - view.object_pos(n)[:2])) for n in names if n != cube]
                first_close = {
                    "step": steps, "xy_cm": round(100 * float(np.linalg.norm(rel[:2])), 2),
                    "along_cm": round(100 * float(rel[:2] @ along), 2),
                    "across_cm": round(100 * float(rel[:2] @ across), 2),
                    "dx_cm": round(100 * float(rel[0]), 2), "dy_cm": round(100 * float(rel[1]), 2),
                    "finger_cm": round(100 * float(rel[:2] @ np.array([-math.sin(yaw), math.cos(yaw)])), 2),
                    "palm_cm": round(100 * float(rel[:2] @ np.array([math.cos(yaw), math.sin(yaw)])), 2),
                    "height_cm": round(100 * float(rel[2]), 2),
                    "yaw_err_deg": round(math.degrees(_wrap90(view.tcp_yaw - view.object_yaw(cube))), 1),
                    "nearest_other_cm": round(100 * min(others), 2) if others else math.inf,
                    "pushed_cm": round(100 * float(np.linalg.norm(pos[:2] - start_pos[:2])), 2),
                    "tipped_before": _tilt_deg(view.object_quat(cube)) > TIPPED_DEG,
                    "opening": round(view.gripper_opening, 3)}
            was_closed = closing
            obs, _, terminated, truncated, info = env.step(action)
            steps += 1
            pos = view.object_pos(cube)
            held = view.is_grasped(cube)
            lifted_now = pos[2] > start_pos[2] + LIFT_M  # only a hand raises a cube 2 cm (tipping: < 1 cm)
            if (held or lifted_now) and reached["grasped"] is None:  # a grasp on the corners reads not held
                reached["grasped"] = steps
            if lifted_now and reached["lifted"] is None:
                reached["lifted"] = steps
            max_z = max(max_z, float(pos[2]))
            if reached["lifted"] is not None:
                if reached["carried"] is None and lifted_now and np.linalg.norm(pos[:2] - goal[:2]) < near_cm / 100:
                    reached["carried"] = steps
                if reached["carried"] is not None and reached["lowered"] is None and pos[2] < goal[2] + LOWERED_M:
                    reached["lowered"] = steps
                if reached["carried"] is None and not held and not lifted_now:
                    dropped = True
            success = bool(info.get("is_success", False))
            if terminated or truncated:
                break
        if success:
            reached["released"] = steps
        phase = "none"
        for p in PHASES:
            if reached[p] is not None:
                phase = p
        final = view.object_pos(cube)
        row: dict[str, Any] = {
            "seed": seed, "target": target, "cube": cube, "success": success, "steps": steps,
            "phase": phase, "reached": reached, "closes": closes, "dropped": dropped and reached["carried"] is None,
            "first_close": first_close,
            "max_lift_cm": round(100 * (max_z - float(start_pos[2])), 2),
            "final_cube_to_goal_xy_cm": round(100 * float(np.linalg.norm(final[:2] - goal[:2])), 2)}
        if not success:
            row["class"] = classify(row, beside_cm)
        rows.append(row)
        print(json.dumps({"seed": seed, "phase": phase, "class": row.get("class")}), flush=True, file=sys.stderr)
    fails = [r for r in rows if not r["success"]]
    classes = {c: sum(r.get("class") == c for r in fails) for c in NEVER_LIFTED + LIFTED}
    by_target: dict[str, dict[str, int]] = {}
    for r in fails:
        t = by_target.setdefault(str(r["target"]), {})
        t[r["class"]] = t.get(r["class"], 0) + 1

    def medians(sel: list[dict[str, Any]]) -> dict[str, Any]:
        closes = [r["first_close"] for r in sel if r["first_close"] is not None]
        if not closes:
            return {"n": 0}
        return {"n": len(closes), **{k: round(float(np.median([c[k] for c in closes])), 2)
                                     for k in ("xy_cm", "along_cm", "across_cm", "height_cm", "step")},
                **{f"abs_{k}": round(float(np.median([abs(c[k]) for c in closes])), 2)
                   for k in ("finger_cm", "palm_cm", "yaw_err_deg")}}

    never = [r for r in rows if r["reached"]["lifted"] is None]
    return {"policy": policy_dir, "env": env_id, "episodes": len(rows),
            "seeds": {"first": rows[0]["seed"], "last": rows[-1]["seed"]},
            "successes": sum(r["success"] for r in rows),
            "phase_counts": {p: sum(r["reached"][p] is not None for r in rows) for p in PHASES},
            "never_lifted": [r["seed"] for r in never], "classes": classes, "classes_by_target": by_target,
            "first_close_median": {"success": medians([r for r in rows if r["success"]]),
                                   "lifted": medians([r for r in rows if r["reached"]["lifted"] is not None]),
                                   "never_lifted": medians(never)},
            "params": {"near_cm": near_cm, "beside_cm": beside_cm, "lift_cm": 100 * LIFT_M,
                       "high_cm": 100 * HIGH_M, "tipped_deg": TIPPED_DEG,
                       "yaw_deg": YAW_DEG},
            "seconds": round(time.perf_counter() - start, 1), "rows": rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--policy", required=True)
    parser.add_argument("--episodes", type=int, default=50)
    parser.add_argument("--env", default="armstack/PickPlace-v0")
    parser.add_argument("--near", type=float, default=3.0, help="cm: approached / carried within this (xy)")
    parser.add_argument("--beside", type=float, default=2.5, help="cm: a close further off the cube is beside it")
    args = parser.parse_args()
    if args.episodes < 1 or args.near <= 0 or args.beside <= 0:
        parser.error("--episodes, --near and --beside must be positive")
    print(json.dumps(run(args.policy, args.episodes, args.env, args.near, args.beside)))


if __name__ == "__main__":
    main()
