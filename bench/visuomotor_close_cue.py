"""What makes an image policy close its gripper: the cube between the fingers, or time and pose?

Every image policy so far closes at step 25-28 of a held-out PickPlace episode, whatever the hand's offset from the
cube (bench/visuomotor_phases.py), and so do the demonstrations. This replays the phase bench's episodes (the eval's
seeds, env and reset; the same per-episode phases and classes) with the policy wrapped:

    --variant none    the rollout unchanged; near the grasp (step <= --cf-max-t, the TCP under 6 cm above the
                      instructed cube, the fingers still open: opening >= 0.95, so ``held_at_tcp`` is off) the
                      decoder's CURRENT gripper command (the first action of this step's chunk) is also computed with
                      the instructed cube's heatmap channel moved to each of --offsets cm from the TCP along the
                      hand's x axis, from the same images, proprioception and instruction (the rollout uses none)
    --variant slowS   every executed motion (dx, dy, dz, dyaw) scaled by S; the gripper not: the same path, slower
    --variant delayN  the arm held still, gripper open, for the first N steps; the policy is called every step (its
                      chunks enter the temporal ensemble) but its actions are not run
    --reactive        act without the temporal ensemble: each step the first action of a fresh chunk
                      (``execution: chunk``, ``execute_steps: 1``), whatever the checkpoint records

It prints the phase bench's JSON plus ``close_cue``: the first close's step and height (cm above the cube's centre)
per episode and their medians; with counterfactuals, the first step each offset's command would close (> 0) and how
many steps it lags the centred cube's. Only the rollout's observation (proprioception, images, instruction) reaches
the network; the simulator's cube pose is read for the report only.

    MUJOCO_GL=egl python bench/visuomotor_close_cue.py --policy RUN/best --episodes 50 [--variant slow0.5]
"""

from __future__ import annotations

import argparse
import json
import math
from typing import Any

import numpy as np
import torch
import visuomotor_phases as phases

HEIGHT_M = 0.06
OPEN_BELOW_HELD = 0.95  # policies.visuomotor.heatmap.HELD_OPENING's upper bound: fingers open above it


def _yaw(quat_wxyz: np.ndarray) -> float:
    w, x, y, z = quat_wxyz
    return math.atan2(2 * (w * z + x * y), 1 - 2 * (y * y + z * z))


class CloseCueProbe:
    """Wraps a ``VisuomotorPolicy``: runs the variant and records, per step, the executed gripper command, the TCP's
    height and offset from the instructed cube and (near the grasp) the counterfactual gripper commands."""

    def __init__(self, inner: Any, variant: str, offsets_cm: tuple[float, ...], cf_max_t: int,
                 reactive: bool) -> None:
        if reactive:
            inner.execution, inner.execute_steps = "chunk", 1
        self.inner, self.offsets, self.cf_max_t = inner, offsets_cm, cf_max_t
        self.spec, self.env_kwargs = inner.spec, inner.env_kwargs
        self.delay = int(variant[5:]) if variant.startswith("delay") else 0
        self.slow = float(variant[4:]) if variant.startswith("slow") else 1.0
        self.counterfactual = variant == "none" and bool(offsets_cm)
        self.t = 0
        self.episode: list[dict[str, Any]] = []
        self.log: list[list[dict[str, Any]]] = []

    def reset(self) -> None:
        if self.episode:
            self.log.append(self.episode)
        self.episode, self.t = [], 0
        self.inner.reset()

    def _record(self, obs: dict[str, Any]) -> dict[str, Any]:
        tcp = np.asarray(obs["ee_pose"], float).reshape(-1)
        cube = np.asarray(obs["object_poses"], float).reshape(-1, 7)[int(obs["object_id"]), :3]
        opening = float(np.asarray(obs["gripper"], float).reshape(-1)[0])
        rec: dict[str, Any] = {"t": self.t, "h_cm": round(100 * float(tcp[2] - cube[2]), 2),
                               "xy_cm": round(100 * float(np.linalg.norm(tcp[:2] - cube[:2])), 2),
                               "opening": round(opening, 3)}
        if (not self.counterfactual or self.t > self.cf_max_t or tcp[2] - cube[2] > HEIGHT_M
                or opening < OPEN_BELOW_HELD):
            return rec
        net = self.inner.network
        with torch.inference_mode():
            images, proprio, text, depth = self.inner.inputs(obs)
            points = net.heatmap_points(images, depth)
            i = int(net.objects.choice_weights(text)[0][0].argmax())  # the instructed cube's channel
            yaw = _yaw(tcp[3:7])
            axis = np.array([math.cos(yaw), math.sin(yaw)])
            grips = {}
            for off in self.offsets:
                p = points.clone()
                p[0, i, 0] = float(tcp[0] + axis[0] * off / 100)
                p[0, i, 1] = float(tcp[1] + axis[1] * off / 100)
                grips[f"{off:g}"] = round(float(net(images, proprio, text, depth, points=p)[0, 0, -1]), 3)
        rec["cf_grip"] = grips
        return rec

    def __call__(self, obs: dict[str, Any]) -> np.ndarray:
        rec = self._record(obs)
        action = np.asarray(self.inner(obs), dtype=np.float32).copy()
        rec["grip"] = round(float(action[-1]), 3)
        if self.t < self.delay:
            action = np.zeros_like(action)
            action[-1] = -1.0
        elif self.slow != 1.0:
            action[:-1] *= self.slow
        self.episode.append(rec)
        self.t += 1
        return action


def summarise(rows: list[dict[str, Any]], log: list[list[dict[str, Any]]], offsets: tuple[float, ...]
              ) -> dict[str, Any]:
    closes = [r["first_close"] for r in rows if r["first_close"] is not None]
    out: dict[str, Any] = {"first_close": {
        "n": len(closes),
        "step_median": float(np.median([c["step"] for c in closes])) if closes else None,
        "step_range": [min(c["step"] for c in closes), max(c["step"] for c in closes)] if closes else None,
        "height_cm_median": float(np.median([c["height_cm"] for c in closes])) if closes else None,
        "height_cm_p10_p90": [float(np.percentile([c["height_cm"] for c in closes], q)) for q in (10, 90)]
        if closes else None,
        "share_over_3cm": round(float(np.mean([c["height_cm"] > 3 for c in closes])), 3) if closes else None}}
    if not offsets or not any("cf_grip" in e for ep in log for e in ep):
        return out
    keys = [f"{o:g}" for o in offsets]
    first: dict[str, list[int | None]] = {k: [] for k in keys}
    for ep in log:
        cf = [e for e in ep if "cf_grip" in e]
        for k in keys:
            hit = [e["t"] for e in cf if e["cf_grip"][k] > 0]
            first[k].append(hit[0] if hit else None)
    base = first[keys[0]]
    cue: dict[str, Any] = {"offsets_cm": list(offsets), "episodes": len(log), "first_close_step_if_cube_at": {}}
    for k in keys:
        got = [s for s in first[k] if s is not None]
        lag = [s - b for s, b in zip(first[k], base, strict=True) if s is not None and b is not None]
        cue["first_close_step_if_cube_at"][k] = {
            "closes": len(got), "median": float(np.median(got)) if got else None,
            "range": [min(got), max(got)] if got else None,
            "lag_vs_first_offset": {"share_0": round(float(np.mean(np.array(lag) == 0)), 3),
                                    "share_le1": round(float(np.mean(np.array(lag) <= 1)), 3), "n": len(lag)}
            if lag else None}
    out["counterfactual"] = cue
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--policy", required=True)
    parser.add_argument("--episodes", type=int, default=50)
    parser.add_argument("--env", default="armstack/PickPlace-v0")
    parser.add_argument("--variant", default="none", help="none, slowS (0 < S <= 1) or delayN (N >= 1 steps)")
    parser.add_argument("--offsets", default="0,2,4,6", help="cm: counterfactual cube offsets (--variant none)")
    parser.add_argument("--cf-max-t", type=int, default=45, help="counterfactuals up to this step")
    parser.add_argument("--reactive", action="store_true", help="no temporal ensemble: a fresh chunk every step")
    parser.add_argument("--steps", action="store_true", help="also print every step's record (large)")
    args = parser.parse_args()
    v = args.variant
    try:
        ok = v == "none" or (v.startswith("slow") and 0 < float(v[4:]) <= 1) or (v.startswith("delay")
                                                                                  and int(v[5:]) >= 1)
        offsets = tuple(float(x) for x in args.offsets.split(",") if x)
    except ValueError:
        ok = False
    if not ok or args.episodes < 1:
        parser.error(f"--variant {v!r}: none, slowS with 0 < S <= 1, or delayN with N >= 1; --episodes >= 1")
    holder: list[CloseCueProbe] = []

    def wrap(policy: Any) -> CloseCueProbe:
        if not hasattr(policy, "network") or not hasattr(policy, "inputs"):
            raise SystemExit("error: the close-cue probe needs a visuomotor policy (its network and inputs)")
        holder.append(CloseCueProbe(policy, v, offsets, args.cf_max_t, args.reactive))
        return holder[0]

    result = phases.run(args.policy, args.episodes, args.env, 3.0, 2.5, wrap=wrap)
    probe = holder[0]
    probe.reset()
    result.update({"variant": v, "reactive": args.reactive,
                   "close_cue": summarise(result["rows"], probe.log, offsets if v == "none" else ())})
    if args.steps:
        result["steps_log"] = probe.log
    print(json.dumps(result))


if __name__ == "__main__":
    main()
