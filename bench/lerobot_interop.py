"""LeRobot's own ACT against armstack's visuomotor policy, trained on the same armstack RGB dataset on this machine.

Prints one JSON object: the LeRobot version (its own venv, see tests/interop/make_lerobot_venv.sh), the steps
trained by each, their losses step by step, and the time per training step (forward, backward, optimizer) of each
with their ratio, in wall and in CPU seconds (on a shared machine wall time includes waiting for a core).
LeRobot's wall time is what its training loop logs per step (``updt_s``, its ``data_s`` beside it) and its CPU
time that of its ``update_policy`` call; armstack's is the same work in ``train_visuomotor``'s step (augment,
network, masked L1, backward, clip, AdamW), timed here on the in-memory frames the trainer holds. Both run with
one torch thread under ``nice``; the losses are not comparable across the two (ACT: L1 + 10 * KL of its VAE;
armstack: masked L1 of the chunk), the times are.

    MUJOCO_GL=egl python bench/lerobot_interop.py [--episodes 3] [--steps 10] [--batch-size 8] [--policy act]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from policies.lerobot_interop import lerobot_python, run_side


def _armstack_steps(data: Path, steps: int, batch_size: int, chunk: int, seed: int) -> dict[str, Any]:
    """``train_visuomotor``'s step on ``data`` with its default network and augmentation, timed per step."""
    import torch
    from torch import nn

    from policies.text import shared_encoder
    from policies.visuomotor.config import VisuomotorConfig
    from policies.visuomotor.data import load_image_demonstrations
    from policies.visuomotor.network import VisuomotorACT
    from policies.visuomotor.train import augment, masked_l1

    torch.set_num_threads(1)
    torch.manual_seed(seed)
    config = VisuomotorConfig(data=str(data), out="-", batch_size=batch_size, chunk=chunk, threads=1, seed=seed)
    demos = load_image_demonstrations(data, config.cameras, chunk)
    text = torch.from_numpy(shared_encoder().encode(list(demos.texts)))
    mean, std = demos.proprio.mean(axis=0), np.maximum(demos.proprio.std(axis=0), 1e-3)
    images = torch.from_numpy(demos.images)
    proprio = torch.from_numpy(((demos.proprio - mean) / std).astype(np.float32))
    chunks, mask, ti = torch.from_numpy(demos.chunks), torch.from_numpy(demos.mask), torch.from_numpy(demos.text_index)
    net = VisuomotorACT(cameras=len(config.cameras), channels=3, proprio_dim=proprio.shape[1], text_dim=text.shape[1],
                        out_dim=chunks.shape[2], chunk=chunk, width=config.width, grid=config.grid,
                        layers=config.layers, heads=config.heads)
    opt = torch.optim.AdamW(net.parameters(), lr=config.lr, weight_decay=config.weight_decay)
    gen = torch.Generator().manual_seed(seed)
    losses, seconds, cpu = [], [], []
    for _ in range(steps):
        idx = torch.randint(0, len(images), (batch_size,), generator=gen)
        start, start_cpu = time.perf_counter(), time.thread_time()
        loss = masked_l1(net(augment(images[idx], config, gen), proprio[idx], text[ti[idx]]), chunks[idx], mask[idx])
        opt.zero_grad(set_to_none=True)
        loss.backward()
        nn.utils.clip_grad_norm_(net.parameters(), 10.0)
        opt.step()
        seconds.append(time.perf_counter() - start)
        cpu.append(time.thread_time() - start_cpu)
        losses.append(round(float(loss.detach()), 4))
    return {"policy": "armstack visuomotor_act (default width 128, 2 layers)", "torch": torch.__version__,
            "steps": steps, "batch_size": batch_size, "chunk": chunk, "losses": losses,
            "step_s": [round(s, 4) for s in seconds], "step_s_median": round(float(np.median(seconds)), 4),
            "step_cpu_s_median": round(float(np.median(cpu)), 4),
            "params": sum(p.numel() for p in net.parameters())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None, help="an armstack RGB dataset (default: generate one)")
    parser.add_argument("--episodes", type=int, default=3)
    parser.add_argument("--image-size", type=int, default=64)
    parser.add_argument("--steps", type=int, default=10)
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--chunk", type=int, default=10)
    parser.add_argument("--policy", choices=("act", "diffusion"), default="act", help="LeRobot's policy")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if min(args.episodes, args.steps, args.batch_size, args.chunk) < 1 or args.episodes < 2:
        parser.error("--episodes must be >= 2 and --steps, --batch-size, --chunk >= 1")
    if lerobot_python() is None:
        parser.error("no LeRobot venv: run tests/interop/make_lerobot_venv.sh (or set ARMSTACK_LEROBOT_PYTHON)")
    os.environ.setdefault("MUJOCO_GL", "egl")
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="lerobot_interop_") as tmp:
        work = Path(tmp)
        data_info: dict[str, Any]
        if args.data:
            data = Path(args.data)
            data_info = {"root": str(data), "generated": False}
        else:
            from sim.datagen import DatagenConfig, run_datagen

            data = work / "armstack_rgb"
            start = time.perf_counter()
            run_datagen(DatagenConfig(env_id="armstack/PickPlace-v0", robot="panda", episodes=args.episodes,
                                      workers=1, obs=("state", "rgb"), cameras=("front", "wrist"),
                                      image_size=args.image_size, seed=args.seed, out=str(data)), progress=False)
            data_info = {"root": "(temporary)", "generated": True, "episodes": args.episodes,
                         "image_size": args.image_size, "datagen_s": round(time.perf_counter() - start, 1)}
        data_info["frames"] = json.loads((data / "meta" / "info.json").read_text())["total_frames"]
        lr = run_side(["train", str(data), str(work / "lerobot_run"), "--policy", args.policy, "--steps",
                       str(args.steps), "--batch-size", str(args.batch_size), "--chunk", str(args.chunk),
                       "--seed", str(args.seed)], home=work)
        ours = _armstack_steps(data, args.steps, args.batch_size, args.chunk, args.seed)
    update = np.array([s for s in lr["update_s"] if s is not None], float)
    fetch = np.array([s for s in lr["data_s"] if s is not None], float)
    lerobot = {"policy": f"lerobot {args.policy}", "lerobot": lr["lerobot"], "torch": lr["torch"],
               "python": lr["python"], "steps": lr["steps"], "batch_size": lr["batch_size"],
               "chunk": lr["actions_predicted"],
               "losses": lr["losses"], "update_s": lr["update_s"],
               "update_s_median": round(float(np.median(update)), 4),
               "update_cpu_s_median": round(float(np.median(lr["update_cpu_s"])), 4),
               "data_s_median": round(float(np.median(fetch)), 4), "params": lr["reloaded"]["params"],
               "input_features": lr["input_features"], "run_s": lr["seconds"],
               "reloaded_action_finite": lr["reloaded"]["finite"]}
    result = {
        "bench": "lerobot_interop", "lerobot_version": lr["lerobot"], "data": data_info,
        "lerobot": lerobot, "armstack": ours,
        "step_time_ratio_lerobot_over_armstack": round(lerobot["update_s_median"] / ours["step_s_median"], 2),
        "step_cpu_ratio_lerobot_over_armstack": round(lerobot["update_cpu_s_median"] / ours["step_cpu_s_median"], 2),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "nice": os.nice(0), "torch_threads": 1,
                    "load_before": [round(x, 2) for x in load_before],
                    "load_after": [round(x, 2) for x in os.getloadavg()]},
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    os.nice(max(0, 15 - os.nice(0)))  # at least nice 15: a measurement must not take the cores from tests beside it
    sys.exit(main())
