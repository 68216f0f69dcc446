"""The work folder of a run: one shard per finished attempt, written atomically by the worker."""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import time
from pathlib import Path
from typing import Any

from sim.datagen.config import DatagenConfig
from sim.datagen.episode import env_for, run_attempt
from sim.dataset.schema import DatasetSpec

WORK_DIR = ".datagen"
SHARDS = "shards"
_SHARD = re.compile(r"^attempt-(\d{7})(\.shard)?$")  # a folder, or one file (sim.dataset.shard.FLAT_SUFFIX)
_FAILED = re.compile(r"^attempt-(\d{7})\.failed\.json$")


def shard_root(out: Path) -> Path:
    return out / WORK_DIR / SHARDS


def shard_name(attempt: int) -> str:
    return f"attempt-{attempt:07d}"


def write_json_atomic(path: Path, payload: Any, sync: bool = True) -> None:
    """Write-then-rename; ``sync=False`` for failure markers, which the resume scan checks (see scan_shards)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.partial")
    tmp.write_text(json.dumps(payload, indent=2, sort_keys=True))
    if sync:
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
    os.replace(tmp, path)


def warm_worker(config: DatagenConfig) -> None:
    """A spawned worker's start-up, before its first attempt: imports (done by unpickling this call), the
    env build and, with cameras, the GL context (made by the first reset; each attempt resets with its own
    seed, so this one leaves no trace in the data)."""
    env_for(config).reset(seed=0)


_SPECS: dict[tuple[Any, ...], DatasetSpec] = {}


def _spec_for(config: DatagenConfig) -> DatasetSpec:
    """The dataset spec of ``config``'s env, built once per worker: naming the MuJoCo state's ~240 entries took
    ~0.3 ms per attempt, and the model's structure (all the names depend on) never changes between attempts."""
    from sim.dataset import spec_for_env

    env = env_for(config)
    key = (id(env), config.active_cameras, config.depth, config.image_size, config.storage)  # env_for keeps them
    if key not in _SPECS:
        _SPECS[key] = spec_for_env(env, cameras=config.active_cameras, image_size=config.image_size,
                                   storage=config.storage, depth=config.depth)
    return _SPECS[key]


def generate_to_shard(config: DatagenConfig, attempt: int) -> dict[str, Any]:
    """Worker entry point: run one attempt and leave exactly one complete shard (or failure marker)."""
    from sim.dataset.shard import write_episode_shard

    root = shard_root(Path(config.out))
    result = run_attempt(config, attempt)
    if result.record is None:
        write_json_atomic(root / f"{shard_name(attempt)}.failed.json", result.summary, sync=False)
        return result.summary
    spec = _spec_for(config)
    start = time.perf_counter()
    shard = write_episode_shard(result.record, spec, root / shard_name(attempt))
    # The Shard travels back with the result, so the driver's commit needs not read the shard again.
    return {**result.summary, "write_seconds": round(time.perf_counter() - start, 4), "shard": shard}


def scan_shards(root: Path) -> dict[int, dict[str, Any]]:
    """Finished attempts found on disk (a resumed run skips them); leftovers of killed writes are removed.

    Shards are written without fsync (see sim.dataset.shard): one an OS crash left short or corrupt fails
    ``read_shard``'s size and SHA-256 checks here and is removed, so its attempt runs again (a fresh run
    has nothing to scan; a resumed one hashes what it keeps).
    """
    from sim.dataset import DatasetError, read_shard

    done: dict[int, dict[str, Any]] = {}
    if not root.is_dir():
        return done
    for entry in root.iterdir():
        if entry.name.startswith("."):
            # A temp file or folder of a write that was killed: never complete, so start it over.
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
            continue
        try:
            if m := _SHARD.match(entry.name):
                shard = read_shard(entry, verify=True)
                done[int(m.group(1))] = {**shard.meta, "success": True, "shard": shard}
            elif m := _FAILED.match(entry.name):
                done[int(m.group(1))] = json.loads(entry.read_text())
        except (DatasetError, ValueError, OSError) as exc:
            print(f"{entry}: damaged ({exc}); its attempt runs again", file=sys.stderr)
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
    return done
