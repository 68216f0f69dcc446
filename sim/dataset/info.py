"""A JSON-ready overview of a dataset: counts, features, tasks, provenance and generation statistics."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from sim.dataset.layout import ARMSTACK_EPISODES_PATH, INFO_PATH, MANIFEST_PATH, read_json
from sim.dataset.reader import DatasetReader


def dataset_info(root: str | Path) -> dict[str, Any]:
    """What ``armstack dataset info`` prints. Works on any v3.0 dataset; our extras appear when present."""
    root = Path(root)
    # Files are hashed against a manifest when there is one; without it (a LeRobot-made or unfinished dataset)
    # the overview still shows, with "complete": false.
    reader = DatasetReader(root, verify=(root / MANIFEST_PATH).is_file())
    info = read_json(root / INFO_PATH)
    per_task = Counter(reader.task(k) for k in range(reader.num_episodes))
    out: dict[str, Any] = {
        "root": str(root), "codebase_version": info["codebase_version"], "robot_type": info.get("robot_type"),
        "fps": reader.fps, "episodes": reader.num_episodes, "frames": reader.num_frames,
        "seconds": round(reader.num_frames / reader.fps, 2), "tasks": len(reader.tasks),
        "episodes_per_task": dict(per_task.most_common()),
        "features": {k: {"dtype": f["dtype"], "shape": f["shape"]} for k, f in reader.features.items()},
        "cameras": list(reader.video_keys + reader.image_keys), "depth": list(reader.depth_keys),
    }
    if (root / MANIFEST_PATH).is_file():
        manifest = read_json(root / MANIFEST_PATH)
        out["complete"] = True
        out["bytes"] = sum(int(f["bytes"]) for f in manifest.get("files", {}).values())
        out["armstack"] = manifest.get("armstack")
        for key in ("config", "summary", "counts", "timings"):
            if key in manifest:
                out[key] = manifest[key]
    else:
        out["complete"] = False
    log = root / ARMSTACK_EPISODES_PATH
    if log.is_file():
        rows = [json.loads(line) for line in log.read_text().splitlines() if line.strip()]
        out["episodes_per_task_name"] = dict(Counter(str(r.get("task")) for r in rows).most_common())
        if rows and all("success" in r for r in rows):
            out["success_rate"] = sum(bool(r["success"]) for r in rows) / len(rows)
    reader.close()
    return out
