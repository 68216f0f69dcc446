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


def run_demo(out_dir: Path, episodes: int = 20, robots: tuple[str, ...] = ("panda", "ur5e")) -> dict[str, Any]:
    out_dir.mkdir(parents=True, exist_ok=True)
    report: dict[str, Any] = {"robots": list(robots), "results": []}
    start = time.perf_counter()
    for robot in robots:
        for env_id in DEMO_TASKS:
            env = make_env(env_id, robot=robot, randomization="default")
            outcomes = [run_episode(env, 1000 + s).success
                        for s in tqdm(range(episodes), desc=f"{robot} {env_id}", unit="ep", leave=False)]
            env.close()
            name = env_id.split("/")[1].removesuffix("-v0").lower()
            video = out_dir / f"{robot}_{name}.mp4"
            render_rollouts(env_id, robot, episodes=2, out=video, seed=1000)
            rate = float(np.mean(outcomes))
            report["results"].append({"robot": robot, "env": env_id, "success_rate": rate, "episodes": episodes,
                                      "video": str(video)})
            print(f"{robot:6s} {env_id:24s} expert success {rate:6.1%} over {episodes} randomised seeds"
                  f"   video: {video}")
    report["seconds"] = round(time.perf_counter() - start, 1)
    tmp = out_dir / ".report.json.partial"
    tmp.write_text(json.dumps(report, indent=2))
    os.replace(tmp, out_dir / "report.json")
    print(f"report: {out_dir / 'report.json'}  ({report['seconds']} s)")
    return report
