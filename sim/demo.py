"""The simulator's sections of `armstack demo` (``armstack.demo`` runs the whole pipeline).

``expert_section``: scripted experts in randomised scenes for every task and robot (success rates and
one rendered rollout per task). ``dataset_section``: a small language-annotated dataset in the LeRobot
v3.0 layout, verified and read back, with a montage video of a few of its episodes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from tqdm import tqdm

from sim.render_cli import make_env, render_rollouts
from sim.rollout import run_episode
from sim.tasks import ENTRIES, TASK_NAMES

DEMO_TASKS = tuple(ENTRIES[name].env_id for name in TASK_NAMES)
"""Every built-in task's env id, from the task registry (tasks registered later are not the demo's)."""


def expert_section(out_dir: Path, episodes: int, robots: tuple[str, ...]) -> list[dict[str, Any]]:
    results = []
    for robot in robots:
        for env_id in DEMO_TASKS:
            env = make_env(env_id, robot=robot, randomization="default")
            outcomes = [run_episode(env, 1000 + s).success
                        for s in tqdm(range(episodes), desc=f"{robot} {env_id}", unit="ep", leave=False)]
            env.close()
            name = env_id.split("/")[1].removesuffix("-v0").lower()
            video = out_dir / f"{robot}_{name}.mp4"
            render_rollouts(env_id, robot, episodes=1, out=video, seed=1000)
            rate = float(np.mean(outcomes))
            results.append({"robot": robot, "env": env_id, "success_rate": rate, "episodes": episodes,
                            "video": str(video)})
            print(f"{robot:6s} {env_id:24s} expert success {rate:6.1%} over {episodes} randomised seeds"
                  f"   video: {video}")
    return results


def dataset_section(out_dir: Path, episodes: int) -> dict[str, Any]:
    from sim.datagen import DatagenConfig, format_summary, run_datagen
    from sim.dataset import DatasetReader, verify_dataset, view_episodes

    root = out_dir / "dataset"
    config = DatagenConfig(env_id="armstack/Tabletop-v0", robot="panda", episodes=episodes, workers=2,
                           obs=("state", "rgb"), cameras=("front", "wrist"), image_size=128, seed=0, out=str(root))
    print(f"\ngenerating {episodes} language-annotated episodes (LeRobot v3.0 layout) into {root} ...")
    summary = run_datagen(config)
    print(format_summary(summary))
    report = verify_dataset(root)
    print(f"verify: {'ok' if report.ok else report.format()}")
    with DatasetReader(root) as reader:
        batch = next(reader.batches(32, keys=["observation.state", "action"], seed=0))
        shown = list(range(min(3, reader.num_episodes)))
        tasks = [reader.task(k) for k in shown]
    print(f"read back: a batch of {batch['action'].shape[0]} frames, state {batch['observation.state'].shape[1:]} "
          f"and action {batch['action'].shape[1:]}; episodes: " + "; ".join(f'"{t}"' for t in tasks))
    montage = view_episodes(root, shown, out_dir / "dataset_episodes.mp4")
    print(f"montage of episodes {shown}: {montage}")
    return {"dataset": str(root), "summary": summary, "verified": report.ok, "montage": str(montage)}
