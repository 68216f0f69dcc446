"""`armstack demo`: the end-to-end demo on embedded defaults (no network, no GPU).

At this stage: scripted experts in randomised scenes for every task, success rates measured
over several seeds, and one rendered rollout per task written to mp4.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

import numpy as np
from tqdm import tqdm

from sim.render_cli import make_env, render_rollouts
from sim.rollout import run_episode

DEMO_TASKS = ("armstack/Reach-v0", "armstack/Push-v0", "armstack/PickPlace-v0", "armstack/Stack-v0")


def run_demo(out_dir: Path, episodes: int = 10, robot: str = "panda") -> dict[str, Any]:
    out_dir.mkdir(parents=True, exist_ok=True)
    report: dict[str, Any] = {"robot": robot, "tasks": {}}
    start = time.perf_counter()
    for env_id in DEMO_TASKS:
        env = make_env(env_id, robot=robot, randomization="default")
        outcomes = [run_episode(env, 1000 + s).success
                    for s in tqdm(range(episodes), desc=f"{env_id} expert", unit="ep", leave=False)]
        env.close()
        name = env_id.split("/")[1].removesuffix("-v0").lower()
        video = out_dir / f"{name}.mp4"
        render_rollouts(env_id, robot, episodes=1, out=video, seed=1000)
        report["tasks"][env_id] = {"success_rate": float(np.mean(outcomes)), "episodes": episodes,
                                   "video": str(video)}
        print(f"{env_id:24s} expert success {np.mean(outcomes):6.1%} over {episodes} seeds   video: {video}")
    report["seconds"] = round(time.perf_counter() - start, 1)
    tmp = out_dir / ".report.json.partial"
    tmp.write_text(json.dumps(report, indent=2))
    os.replace(tmp, out_dir / "report.json")
    print(f"report: {out_dir / 'report.json'}  ({report['seconds']} s)")
    return report
