"""The instructed cube's error along the expert's own path, from the image alone and with a held cube at the TCP.

A heatmap object head (``object_head: heatmap``) finds cubes on the table to 1.5-1.9 cm but loses a lifted one
(session 12: 7.4 cm along the path, 25 cm in the hand). A real arm reports its finger opening and its joint readings,
and so where its TCP is: ``held_at_tcp`` (policies.visuomotor.heatmap.hold_at_tcp) puts the instructed cube there
while the opening says a cube is held. This reads a pretrained encoder on every frame of the first ``--episodes``
episodes of a demonstration dataset (frames the encoder never saw: pretraining renders its own scenes) and prints JSON:
per phase (``open``: approaching with the hand open; ``held``: the rule's frames; ``closed_empty``: fingers shut on
nothing) and for the frames where the instructed cube is lifted (2 cm or more above its first height), the mean error
(cm) of the instructed cube and of its colour's channel, from the image alone (``image``) and with the rule
(``held_at_tcp``). Nothing of the simulator reaches the rule: the TCP and the opening are the dataset's
``observation.state`` (proprioception), the truth only scores.

    MUJOCO_GL=egl python bench/visuomotor_held_error.py --encoder runs/v2s12/hm_d/best \\
        --data data/v2_pp_rgb64_500 --episodes 50
"""

from __future__ import annotations

import argparse
import json
from typing import Any

import numpy as np
import torch

from policies.checkpoint import read_checkpoint
from policies.errors import CheckpointError, TrainConfigError
from policies.text import shared_encoder
from policies.visuomotor.data import PROPRIO_KEYS, load_image_demonstrations
from policies.visuomotor.heatmap import HELD_OPENING, HeatmapHead, held_mask, hold_at_tcp
from policies.visuomotor.network import VisuomotorACT
from policies.visuomotor.pretrain import OBJECT_ENCODER_ADAPTER

LIFTED_M = 0.02
"""A cube this far above its height in the episode's first frame is lifted."""


def _errors(metres: torch.Tensor, truth: np.ndarray, groups: list[str], group: str) -> np.ndarray:
    at = groups.index(group)
    return 100.0 * np.linalg.norm(metres.numpy()[:, 3 * at:3 * at + 3] - truth[:, 3 * at:3 * at + 3], axis=1)


def run(encoder: str, data: str, episodes: int, bounds: tuple[float, float] = HELD_OPENING,
        batch: int = 256) -> dict[str, Any]:
    try:
        spec, net = read_checkpoint(encoder)
        demos = load_image_demonstrations(data, tuple(spec.observation.get("cameras", ())), 1, max_episodes=episodes,
                                          proprio=PROPRIO_KEYS, objects=True)
    except (OSError, ValueError, CheckpointError, TrainConfigError) as exc:
        raise SystemExit(f"error: {exc}") from None
    if spec.observation.get("adapter") != OBJECT_ENCODER_ADAPTER or not isinstance(net, VisuomotorACT) or \
            not isinstance(net.objects, HeatmapHead):
        raise SystemExit(f"error: {encoder} is not a pretrained heatmap object encoder ({OBJECT_ENCODER_ADAPTER})")
    if list(demos.object_names) != list(net.object_names):
        raise SystemExit(f"error: the dataset's object targets {list(demos.object_names)[:4]}... differ from the "
                         f"encoder's {list(net.object_names)[:4]}...")
    names = list(demos.state_names)
    ee_at, grip_at = names.index("ee.x"), names.index("gripper.opening")
    torch.set_num_threads(1)
    head = net.objects
    groups = list(dict.fromkeys(n.rsplit(".", 1)[0] for n in net.object_names))
    table = torch.from_numpy(shared_encoder().encode(list(demos.texts)))
    text = table[torch.from_numpy(demos.text_index)]
    image_parts, rule_parts, held_parts, own = [], [], [], []
    mean, std = torch.tensor(net.object_mean), torch.tensor(net.object_std)
    with torch.inference_mode():
        for start in range(0, len(demos.images), batch):
            sl = slice(start, start + batch)
            metres = net.predict_objects(torch.from_numpy(demos.images[sl]), text[sl]) * std + mean
            proprio = torch.from_numpy(demos.proprio[sl])
            held = held_mask(proprio[:, grip_at], bounds)
            weights = head.choice_logits(text[sl])[0].softmax(dim=-1)
            image_parts.append(metres)
            rule_parts.append(hold_at_tcp(metres, groups, proprio[:, ee_at:ee_at + 3], held, weights, head.cubes))
            held_parts.append(held.numpy())
            own.append(weights.argmax(dim=-1).numpy())
    image, rule = torch.cat(image_parts), torch.cat(rule_parts)
    held_np, own_np = np.concatenate(held_parts) > 0.5, np.concatenate(own)
    opening = demos.proprio[:, grip_at]
    truth = demos.objects
    inst = groups.index("instructed")
    z = truth[:, 3 * inst + 2]
    first = np.zeros(len(z))
    for ep in np.unique(demos.episode_of_frame):
        sel = demos.episode_of_frame == ep
        first[sel] = z[sel][0]
    lifted = z - first >= LIFTED_M
    phases = {"all": np.ones(len(z), bool), "open": opening >= bounds[1], "held": held_np,
              "closed_empty": opening <= bounds[0], "lifted": lifted, "lifted_not_held": lifted & ~held_np}
    # The instructed cube's own channel: the cube the instruction's choice picks (its argmax) in each frame.
    own_truth = np.stack([truth[i, 3 * groups.index(head.cubes[c]):3 * groups.index(head.cubes[c]) + 3]
                          for i, c in enumerate(own_np)])

    def own_error(metres: torch.Tensor) -> np.ndarray:
        m = metres.numpy()
        return 100.0 * np.linalg.norm(np.stack([m[i, 3 * groups.index(head.cubes[c]):3 * groups.index(head.cubes[c])
                                                     + 3] for i, c in enumerate(own_np)]) - own_truth, axis=1)

    errors = {"image": {"instructed": _errors(image, truth, groups, "instructed"), "own_channel": own_error(image),
                        "goal": _errors(image, truth, groups, "goal")},
              "held_at_tcp": {"instructed": _errors(rule, truth, groups, "instructed"), "own_channel": own_error(rule),
                              "goal": _errors(rule, truth, groups, "goal")}}
    out: dict[str, Any] = {"encoder": encoder, "data": data, "episodes": int(demos.source["episodes"]),
                           "frames": len(z), "held_opening": list(bounds),
                           "choice_right": round(float(np.mean(own_np == _instructed_cube(truth, groups, head.cubes))),
                                                 4)}
    for phase, sel in phases.items():
        row: dict[str, Any] = {"frames": int(sel.sum())}
        if sel.any():
            for how, errs in errors.items():
                row[how] = {k: round(float(v[sel].mean()), 2) for k, v in errs.items()}
            row["held_at_tcp"]["instructed_p90"] = round(float(np.percentile(errors["held_at_tcp"]["instructed"][sel],
                                                                             90)), 2)
        out[phase] = row
    return out


def _instructed_cube(truth: np.ndarray, groups: list[str], cubes: list[str]) -> np.ndarray:
    """Which cube channel the instructed target is, frame by frame (the one at the instructed position)."""
    inst = groups.index("instructed")
    dist = np.stack([np.linalg.norm(truth[:, 3 * groups.index(c):3 * groups.index(c) + 3]
                                    - truth[:, 3 * inst:3 * inst + 3], axis=1) for c in cubes], axis=1)
    return dist.argmin(axis=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--encoder", required=True, help="a pretrained heatmap object encoder (its best/ folder)")
    parser.add_argument("--data", required=True, help="an armstack RGB dataset with the encoder's cameras")
    parser.add_argument("--episodes", type=int, default=50, help="the dataset's first N episodes")
    args = parser.parse_args()
    if args.episodes < 2:
        raise SystemExit(f"error: --episodes must be >= 2, got {args.episodes}")
    print(json.dumps(run(args.encoder, args.data, args.episodes), indent=1))


if __name__ == "__main__":
    main()
