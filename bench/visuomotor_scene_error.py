"""Where a pretrained object head (``python -m policies.visuomotor.pretrain``) is wrong on rendered scenes, by frame
kind: at the reset pose, at random joint poses, along the expert's path, with the instructed cube in the hand.

Pretraining reports one mean over its validation frames; a policy fails where the head fails on the frames its
own rollout shows (session 9: the cube in the hand). This prints JSON: per kind the mean error (cm) of each
target, and the goal's error spread (median, p90, the share of frames over 10 cm: a goal read from the wrong
word, pad for bin, lands 20-40 cm off; a goal located loosely lands a few cm off) and, per instruction text, the
goal's mean error and share over 10 cm (``goal_by_text``: the words or the place named), and where the files record
the places (``scenes.PLACE_NAMES``), the goal's error per place named (``goal_by_place``: pad or bin) beside what
knowing only the place gives (``prior_cm``: the goal at its mean position over these frames; for the bin, the mean of
its side, y < 0 or > 0, which the bin's draw fixes to within a few cm). With ``--report-half`` only the
odd-indexed scenes of the files count: the half of pretraining's val files that chose nothing (its
``val_object_cm``; the even-indexed half chose ``best/``). Scene indices run on across the files, so this matches
pretraining's halves only when ``--scenes`` lists its ``--val`` files in the same order. Files saved before frame
kinds were recorded cannot be mixed with newer ones (``load_scene_frames`` refuses: render them again).

Where the files record the TCP (``scenes.SceneFrames.tcp``) and the head is a heatmap head, ``by_height`` bins the
frames with the instructed cube on the table by the TCP's height above that cube (session 16's bins, cm) and gives
the cube's own channel's error there: in the table plane (median, mean), its mean signed x (+: toward the front camera)
and z, its image error (pixels), and ``at_true_height_cm``, the plane error with the channel's pixel lifted at the
cube's true height (what is left of the error when the learned height is right: the pixel's share). Session 16 read
these along the policy's rollouts: 1.5 cm over 25 cm, 3.1 cm within 3 cm; ``--approach-frames`` scenes give the same
bins on the expert's descent with the cube moved under the hand.

    MUJOCO_GL=egl python bench/visuomotor_scene_error.py --encoder runs/enc/best --scenes data/v2_scenes/val300.npz
"""

from __future__ import annotations

import argparse
import itertools
import json
from typing import Any

import numpy as np
import torch

from policies.checkpoint import read_checkpoint
from policies.errors import CheckpointError, TrainConfigError
from policies.text import shared_encoder
from policies.visuomotor.heatmap import HeatmapHead
from policies.visuomotor.network import VisuomotorACT
from policies.visuomotor.pretrain import (
    OBJECT_ENCODER_ADAPTER,
    channel_pixel_errors,
    channel_truth,
    errors_by_kind,
    frame_errors,
)
from policies.visuomotor.scenes import FRAME_KINDS, PLACE_NAMES, load_scene_frames

HEIGHT_BINS_CM = (-1.0, 3.0, 6.0, 10.0, 15.0, 25.0, 100.0)
"""``by_height`` bin edges: the TCP's height above the instructed cube's centre (session 16's runs/v2s16/height.py)."""
ON_TABLE_M = 0.01
"""``by_height`` reads frames whose instructed cube is within this of its lowest height in the scene (on the table):
a lifted cube is read from the TCP by the policy (``held_at_tcp``), not from the image."""
GOAL_WRONG_CM = 10.0
"""A goal error above this is read as the wrong target (pad and bin stand 20-40 cm apart), not a loose one."""


def run(encoder: str, scenes: list[str], report_half: bool = False) -> dict[str, Any]:
    try:
        spec, net = read_checkpoint(encoder)
        frames = load_scene_frames(scenes)
    except (OSError, ValueError, CheckpointError, TrainConfigError) as exc:
        raise SystemExit(f"error: {exc}") from None
    if spec.observation.get("adapter") != OBJECT_ENCODER_ADAPTER or not isinstance(net, VisuomotorACT):
        raise SystemExit(f"error: {encoder} is not a pretrained object encoder ({OBJECT_ENCODER_ADAPTER})")
    if list(frames.cameras) != list(spec.observation["cameras"]) or \
            list(frames.images.shape[-2:]) != list(spec.observation["image_size"]):
        raise SystemExit(f"error: the scenes are {list(frames.cameras)} at {list(frames.images.shape[-2:])}; the "
                         f"encoder reads {spec.observation['cameras']} at {spec.observation['image_size']}")
    if list(frames.object_names) != list(net.object_names or []):
        raise SystemExit("error: the scenes' object targets differ from the encoder's")
    torch.set_num_threads(1)
    keep = frames.scene_of_frame % 2 == 1 if report_half else np.ones(len(frames.images), bool)
    text = torch.from_numpy(shared_encoder().encode(list(frames.texts)))[torch.from_numpy(frames.text_index[keep])]
    errors = frame_errors(net, torch.from_numpy(frames.images[keep]), text, torch.from_numpy(frames.objects[keep]))
    names = [n.rsplit(".", 1)[0] for n in frames.object_names[::3]]
    goal = errors[:, names.index("goal")].numpy()
    return {"encoder": encoder, "scenes": scenes, "report_half": report_half, "frames": len(errors),
            "mean": round(float(errors.mean()), 2),
            "per_target": {n: round(float(v), 2) for n, v in zip(names, errors.mean(dim=0), strict=True)},
            "by_kind": errors_by_kind(errors, None if frames.kind is None else frames.kind[keep], names),
            "goal": {"median": round(float(np.median(goal)), 2), "p90": round(float(np.percentile(goal, 90)), 2),
                     f"share_over_{GOAL_WRONG_CM:g}cm": round(float(np.mean(goal > GOAL_WRONG_CM)), 4),
                     f"mean_at_or_under_{GOAL_WRONG_CM:g}cm": round(float(goal[goal <= GOAL_WRONG_CM].mean()), 2)
                     if np.any(goal <= GOAL_WRONG_CM) else None},
            "goal_by_text": _goal_by_text(goal, frames.text_index[keep], frames.texts),
            "goal_by_place": None if frames.places is None else
            _goal_by_place(goal, frames.objects[keep], frames.places[keep], frames.object_names),
            "pixel_by_kind": _pixel_by_kind(net, frames, keep),
            "by_height": by_height(net, frames, keep)}


def by_height(net: VisuomotorACT, frames: Any, keep: np.ndarray) -> dict[str, dict[str, float]] | None:
    """Per ``HEIGHT_BINS_CM`` bin of the TCP's height above the instructed cube (frames with the cube on the table),
    the instructed cube's own heatmap channel's errors (see the module doc); None without a heatmap head, places or
    recorded TCP positions."""
    head = net.objects
    if not isinstance(head, HeatmapHead) or frames.places is None or frames.tcp is None:
        return None
    ins = frames.object_names.index("instructed.x")
    z = frames.objects[:, ins + 2]
    rest = np.full(len(frames.seeds), np.inf)
    np.minimum.at(rest, frames.scene_of_frame, z)
    rows = keep & (z < rest[frames.scene_of_frame] + ON_TABLE_M)  # on the table: lifted cubes are held_at_tcp's
    if frames.kind is not None:
        rows &= frames.kind != FRAME_KINDS.index("hand")
    truth = channel_truth(head, frames)[rows]
    instructed = torch.from_numpy(frames.objects[rows, ins:ins + 3])
    channel = (truth[:, :len(head.cubes)] - instructed[:, None]).norm(dim=-1).argmin(dim=-1)
    images = torch.from_numpy(frames.images[rows])
    net.eval()
    with torch.inference_mode():
        parts = [head.channel_pixels(net.encoder_inputs(images[i:i + 256])[net.heatmap_camera][:, :3])[:2]
                 for i in range(0, len(images), 256)]
    net.train()
    pixels, height = torch.cat([p for p, _ in parts]), torch.cat([h for _, h in parts])
    pick = torch.arange(len(channel))
    px, h = pixels[pick, channel], height[pick, channel]
    point = head.calibration.lift(px, h)
    at_truth = head.calibration.lift(px, instructed[:, 2].to(px.dtype))
    err = 100.0 * (point - instructed)
    plane = err[:, :2].norm(dim=-1).numpy()
    true_h = 100.0 * (at_truth - instructed)[:, :2].norm(dim=-1).numpy()
    pix = (px - head.calibration.project(instructed.to(px.dtype))).norm(dim=-1).numpy()
    above = 100.0 * (frames.tcp[rows, 2] - frames.objects[rows, ins + 2])
    out = {}
    for lo, hi in itertools.pairwise(HEIGHT_BINS_CM):
        m = (above >= lo) & (above < hi)
        if m.any():
            out[f"{lo:g}-{hi:g}"] = {"frames": int(m.sum()), "median_cm": round(float(np.median(plane[m])), 2),
                                     "mean_cm": round(float(plane[m].mean()), 2),
                                     "signed_x_cm": round(float(err[m, 0].mean()), 2),
                                     "signed_z_cm": round(float(err[m, 2].mean()), 2),
                                     "pixel_median": round(float(np.median(pix[m])), 2),
                                     "at_true_height_cm": round(float(np.median(true_h[m])), 2)}
    return out


def _pixel_by_kind(net: VisuomotorACT, frames: Any, keep: np.ndarray) -> dict[str, dict[str, float]] | None:
    """A heatmap head's image error (pixels) per frame kind and channel (each cube, pad, bin): what the soft-argmax
    finds before the lift (None for the regression head, or files without places)."""
    if not isinstance(net.objects, HeatmapHead) or frames.places is None:
        return None
    err = channel_pixel_errors(net, torch.from_numpy(frames.images[keep]), channel_truth(net.objects, frames)[keep])
    return errors_by_kind(err, None if frames.kind is None else frames.kind[keep], net.objects.channels) or \
        {"all": {c: round(float(v), 2) for c, v in zip(net.objects.channels, err.mean(dim=0), strict=True)}}


def _goal_by_place(goal: np.ndarray, targets: np.ndarray, places: np.ndarray,
                   object_names: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    """Per place (the one whose position is the frame's goal target), the goal error (mean, median, share over
    ``GOAL_WRONG_CM``) and ``prior_cm``, the error of the place's mean position (per side for the bin)."""
    g = object_names.index("goal.x")
    where = targets[:, g:g + 3]
    named = np.where(np.linalg.norm(where[:, :2] - places[:, 0:2], axis=1)
                     <= np.linalg.norm(where[:, :2] - places[:, 3:5], axis=1), 0, 1)
    rows = {}
    for i, place in enumerate(n.split(".")[0] for n in PLACE_NAMES[::3]):
        m = named == i
        if not m.any():
            continue
        groups = [m] if place != "bin" else [m & (where[:, 1] < 0), m & (where[:, 1] >= 0)]
        prior = np.concatenate([np.linalg.norm(where[s] - where[s].mean(axis=0), axis=1) for s in groups if s.any()])
        rows[place] = {"frames": int(m.sum()), "mean": round(float(goal[m].mean()), 2),
                       "median": round(float(np.median(goal[m])), 2),
                       f"share_over_{GOAL_WRONG_CM:g}cm": round(float(np.mean(goal[m] > GOAL_WRONG_CM)), 4),
                       "prior_cm": round(100.0 * float(prior.mean()), 2)}
    return rows


def _goal_by_text(goal: np.ndarray, text_index: np.ndarray, texts: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    """Per instruction wording, the goal error (mean, share over ``GOAL_WRONG_CM``, frames): whether the words or the
    place named is what the head finds hard."""
    rows = {}
    for i, words in enumerate(texts):
        g = goal[text_index == i]
        if g.size:
            rows[words] = {"frames": int(g.size), "mean": round(float(g.mean()), 2),
                           f"share_over_{GOAL_WRONG_CM:g}cm": round(float(np.mean(g > GOAL_WRONG_CM)), 4)}
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--encoder", required=True, help="a pretrained encoder folder (RUN/best)")
    parser.add_argument("--scenes", nargs="+", required=True, help="scene-frames .npz files")
    parser.add_argument("--report-half", action="store_true", help="only the odd-indexed scenes (no choice saw them)")
    args = parser.parse_args()
    print(json.dumps(run(args.encoder, args.scenes, args.report_half)))


if __name__ == "__main__":
    main()
