"""The work folder of a run: one shard per finished attempt, written atomically by the worker."""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from pathlib import Path
from typing import Any

from sim.datagen.config import DatagenConfig
from sim.datagen.episode import env_for, run_attempt

WORK_DIR = ".datagen"
SHARDS = "shards"
_SHARD = re.compile(r"^attempt-(\d{7})$")
_FAILED = re.compile(r"^attempt-(\d{7})\.failed\.json$")


def shard_root(out: Path) -> Path:
    return out / WORK_DIR / SHARDS


def shard_name(attempt: int) -> str:
    return f"attempt-{attempt:07d}"


def write_json_atomic(path: Path, payload: Any) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.partial")
    tmp.write_text(json.dumps(payload, indent=2, sort_keys=True))
    with open(tmp, "rb") as f:
        os.fsync(f.fileno())
    os.replace(tmp, path)


def generate_to_shard(config: DatagenConfig, attempt: int) -> dict[str, Any]:
    """Worker entry point: run one attempt and leave exactly one complete shard (or failure marker)."""
    from sim.dataset import spec_for_env, write_shard

    root = shard_root(Path(config.out))
    result = run_attempt(config, attempt)
    if result.record is None:
        write_json_atomic(root / f"{shard_name(attempt)}.failed.json", result.summary)
        return result.summary
    env = env_for(config)
    spec = spec_for_env(env, cameras=config.active_cameras, image_size=config.image_size, storage=config.storage)
    start = time.perf_counter()
    write_shard(result.record, spec, root / shard_name(attempt))
    return {**result.summary, "write_seconds": round(time.perf_counter() - start, 4)}


def scan_shards(root: Path) -> dict[int, dict[str, Any]]:
    """Finished attempts found on disk (a resumed run skips them); leftovers of killed writes are removed."""
    done: dict[int, dict[str, Any]] = {}
    if not root.is_dir():
        return done
    for entry in root.iterdir():
        if entry.name.startswith("."):
            # A temp file or folder of a write that was killed: never complete, so start it over.
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
            continue
        if m := _SHARD.match(entry.name):
            meta = json.loads((entry / "meta.json").read_text())
            done[int(m.group(1))] = {**meta, "success": True}
        elif m := _FAILED.match(entry.name):
            done[int(m.group(1))] = json.loads(entry.read_text())
    return done
