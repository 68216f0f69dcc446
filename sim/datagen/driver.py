"""The data-generation driver: plan attempts, resume, schedule workers, commit the dataset.

Determinism: attempt k always uses ``attempt_seed(seed, k)``, and the dataset is the first
``episodes`` successful attempts in attempt order, so the content does not depend on the number
of workers, the backend or how often the run was killed and resumed.
"""

from __future__ import annotations

import errno
import json
import shutil
import sys
import time
from collections import Counter
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from tqdm import tqdm

from sim.datagen.backends import check_workers, make_backend
from sim.datagen.config import DatagenConfig
from sim.datagen.shards import WORK_DIR, scan_shards, shard_name, shard_root, write_json_atomic
from sim.errors import ConfigError, SimError

RUN_FILE = "run.json"
MANIFEST = "manifest.json"


class DatagenError(SimError):
    """A data-generation run that cannot start or cannot finish."""


def _bytes_per_frame(config: DatagenConfig) -> float:
    # Measured on 128x128 renders (bench/datagen.py): ~0.9 KB of state per frame, H.264 frames of a
    # few KB, PNG frames of ~20 KB; 16-bit depth PNGs at most their raw 2 bytes a pixel (~0.25 at 64x64,
    # bench/depth_storage.py). Pessimistic on purpose.
    state = 1200.0
    pixels = config.image_size * config.image_size
    per_camera = pixels * 3 * (0.08 if config.storage == "video" else 0.7) + (pixels * 2.0 if config.depth else 0.0)
    return state + per_camera * len(config.active_cameras)


def estimate_bytes(config: DatagenConfig, frames_per_episode: int = 150, done_shards: int = 0,
                   shard_bytes: int = 0) -> int:
    """Disk still needed: the shards not yet written plus the committed dataset, with a margin.

    A resumed run has ``done_shards`` of its episodes' shards on disk already (``shard_bytes`` in all): only the
    missing ones are written, and the commit needs about their size again, not a guess.
    """
    per_episode = frames_per_episode * _bytes_per_frame(config)
    missing = max(0, config.episodes - done_shards)
    return int(2.2 * missing * per_episode + 1.1 * shard_bytes + 64 * 1024)


def check_disk_space(out: Path, config: DatagenConfig, done_shards: int = 0, shard_bytes: int = 0) -> None:
    probe = out
    while not probe.exists():
        probe = probe.parent
    free = shutil.disk_usage(probe).free
    need = estimate_bytes(config, done_shards=done_shards, shard_bytes=shard_bytes)
    if free < need:
        what = (f"{config.episodes} episodes" if not done_shards else
                f"the {max(0, config.episodes - done_shards)} missing of {config.episodes} episodes and the commit")
        raise DatagenError(f"not enough free disk space at {probe}: about {need / 1e6:.1f} MB needed for "
                           f"{what}, {free / 1e6:.1f} MB free; free space or choose another --out")


def _read_json(path: Path, what: str) -> Any:
    try:
        return json.loads(path.read_text())
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DatagenError(f"{path}: unreadable {what} ({exc}); choose another --out or remove it") from exc


def inspect_out_dir(out: Path, config: DatagenConfig) -> str:
    """'new', 'resume' or 'complete', writing nothing; refuses a folder that holds something else."""
    if out.exists() and not out.is_dir():
        raise DatagenError(f"--out {out} is a file, not a folder; choose a new or empty folder")
    for parent in out.parents:
        if parent.exists() and not parent.is_dir():
            raise DatagenError(f"--out {out} is under {parent}, which is a file, not a folder")
        if parent.exists():
            break
    run_file = out / WORK_DIR / RUN_FILE
    manifest = out / MANIFEST
    if manifest.is_file():
        doc = _read_json(manifest, "dataset manifest")
        stored = doc.get("content_config") if isinstance(doc, dict) else None
        if stored != config.content_fields():
            raise DatagenError(f"{out} already holds a different dataset (its manifest was made with another "
                               "configuration); choose another --out")
        return "complete"
    if run_file.is_file():
        doc = _read_json(run_file, "run record")
        stored = doc.get("config") if isinstance(doc, dict) else None
        if not isinstance(stored, dict):
            raise DatagenError(f"{run_file}: not a datagen run record; remove {out / WORK_DIR} or choose another --out")
        if stored != config.content_fields():
            changed = sorted(k for k in config.content_fields() if stored.get(k) != config.content_fields()[k])
            raise DatagenError(f"{out} holds an unfinished run with a different configuration "
                               f"(differs in: {', '.join(changed)}); re-run it with the same arguments or choose "
                               "another --out")
        return "resume"
    if out.exists() and any(out.iterdir()):
        raise DatagenError(f"{out} is not empty and holds no armstack dataset; choose an empty or new --out")
    return "new"


def create_out_dir(out: Path, config: DatagenConfig) -> list[Path]:
    """Make the work folder of a new run and its run record; returns the folders made (removed if it is refused)."""
    made = [p for p in (*reversed(out.parents), out) if not p.exists()]
    try:
        shard_root(out).mkdir(parents=True, exist_ok=True)
        write_json_atomic(out / WORK_DIR / RUN_FILE, {"config": config.content_fields(), "started": time.time()})
    except OSError as exc:
        remove_new_run(out, made)
        raise DatagenError(f"cannot create the dataset folder --out {out}: {exc.strerror or exc}") from exc
    return made


def remove_new_run(out: Path, made: list[Path]) -> None:
    """Undo ``create_out_dir`` for a run that wrote no shard: a refused run leaves nothing behind."""
    shutil.rmtree(out / WORK_DIR, ignore_errors=True)
    for folder in reversed(made):
        try:
            folder.rmdir()  # only if still empty
        except OSError:
            break


def _disk_error(exc: OSError, out: Path, during: str) -> DatagenError:
    where = exc.filename or out
    hint = ("free space, then re-run the same command: it resumes" if exc.errno == errno.ENOSPC
            else "re-run the same command to resume once it is fixed")
    return DatagenError(f"{during} failed at {where}: {exc.strerror or exc}; {hint}")


def _contiguous_successes(done: dict[int, dict[str, Any]]) -> tuple[int, list[int]]:
    """How far attempts are finished without a gap, and the successes in that prefix."""
    k = 0
    successes: list[int] = []
    while k in done:
        if done[k]["success"]:
            successes.append(k)
        k += 1
    return k, successes


def run_datagen(config: DatagenConfig, progress: bool = True) -> dict[str, Any]:
    """Generate (or resume, or confirm) the dataset of ``config``; returns the summary.

    Refused runs (bad --out, too little disk, an unreachable Ray cluster) leave nothing behind; a run that fails
    while writing (ENOSPC, a dead worker) keeps its shards and resumes from them.
    """
    out = Path(config.out)
    state = inspect_out_dir(out, config)
    if state == "complete":
        stored: dict[str, Any] = _read_json(out / MANIFEST, "dataset manifest").get("summary", {})
        if (out / WORK_DIR).exists():  # a run killed between its manifest and its clean-up
            shutil.rmtree(out / WORK_DIR)
        print(f"{out}: dataset already complete ({stored.get('episodes', '?')} episodes); nothing to do",
              file=sys.stderr)
        return stored
    check_workers(config)
    root = shard_root(out)
    done = scan_shards(root) if state == "resume" else {}
    kept = [r["shard"] for r in done.values() if r["success"] and r.get("shard") is not None][: config.episodes]
    made = create_out_dir(out, config) if state == "new" else []  # before the disk check: it names unwritable places
    try:
        check_disk_space(out, config, done_shards=len(kept), shard_bytes=sum(_shard_bytes(s) for s in kept))
        return _generate_and_commit(config, out, done, progress)
    except OSError as exc:
        if isinstance(exc, SimError):
            raise
        if made and not _has_shards(root):
            remove_new_run(out, made)
        raise _disk_error(exc, out, "writing a shard" if exc.errno is not None else "data generation") from exc
    except BrokenProcessPool as exc:
        raise DatagenError(f"a datagen worker process died ({exc}); re-run the same command to resume") from exc
    except BaseException:
        if made and not _has_shards(root):
            remove_new_run(out, made)  # refused before any shard (e.g. Ray unreachable): leave nothing behind
        raise


def _shard_bytes(shard: Any) -> int:
    return sum(int(f["bytes"]) for f in shard.files.values())


def _has_shards(root: Path) -> bool:
    return root.is_dir() and any(not p.name.startswith(".") for p in root.iterdir())


def _generate_and_commit(config: DatagenConfig, out: Path, done: dict[int, dict[str, Any]], progress: bool
                         ) -> dict[str, Any]:
    from sim.dataset import commit_dataset, spec_for_env

    root = shard_root(out)
    start = time.perf_counter()
    resumed = len(done)
    _, successes = _contiguous_successes(done)
    bar = tqdm(total=config.episodes, desc="datagen", unit="ep", disable=not progress, dynamic_ncols=True,
               initial=min(len([a for a, r in done.items() if r["success"]]), config.episodes))
    backend = make_backend(config)
    try:
        next_attempt = 0
        below = 0  # successes among the finished attempts before next_attempt
        in_flight: list[Any] = []
        while True:
            prefix, successes = _contiguous_successes(done)
            if len(successes) >= config.episodes:
                break
            if prefix >= config.max_attempts and not in_flight:
                raise DatagenError(f"only {len(successes)} of {config.episodes} episodes succeeded in "
                                   f"{config.max_attempts} attempts; the expert fails too often in this setting")
            # Should every running attempt succeed, a later one could not be selected: start it only when
            # that bound leaves the dataset short (at the end of a run this spared up to 2*workers-1 attempts).
            while (len(in_flight) < 2 * config.workers and next_attempt < config.max_attempts
                   and below + len(in_flight) < config.episodes):
                if next_attempt not in done:
                    in_flight.append(backend.submit(next_attempt))
                elif done[next_attempt]["success"]:
                    below += 1
                next_attempt += 1
            if not in_flight:
                continue
            for handle, result in backend.wait_any(in_flight):
                in_flight.remove(handle)
                done[int(result["attempt"])] = result
                if result["success"]:
                    below += 1
                    bar.update(1)
                bar.set_postfix(failed=sum(1 for r in done.values() if not r["success"]))
    finally:
        backend.close()
        bar.close()
    selected = successes[: config.episodes]
    gen_seconds = time.perf_counter() - start
    first_failures = [a for a in range(selected[-1] + 1) if not done[a]["success"]]
    attempted = selected[-1] + 1
    kept_by_task = Counter(done[a]["task"] for a in selected)
    failed_by_task = Counter(done[a]["task"] for a in first_failures)
    replay = [bool(done[a]["replay_success"]) for a in selected if done[a].get("replay_success") is not None]
    summary: dict[str, Any] = {
        "episodes": len(selected), "attempts": attempted, "failed": len(first_failures),
        "kept_by_task": dict(sorted(kept_by_task.items())), "failed_by_task": dict(sorted(failed_by_task.items())),
        "expert_success_rate": len(selected) / attempted,
        # Over the replay sample (DatagenConfig.replay_every), so its size is published beside it. None when the
        # sample is empty, and always under DART noise: the stored actions are labels, not what ran.
        "open_loop_replay_success_rate": sum(replay) / len(replay) if replay else None,
        "open_loop_replay_episodes": len(replay),
        "open_loop_replay_sample": (f"kept episodes whose attempt index is a multiple of {config.replay_every}"
                                    if config.action_noise == 0 else "none: DART-noise labels"),
        "frames": sum(int(done[a]["length"]) for a in selected),
        "generation_seconds": round(gen_seconds, 2), "resumed_attempts": resumed,
    }
    # A killed commit may have left parts of a dataset: nothing without a manifest counts.
    for part in ("data", "videos", "meta"):
        if (out / part).exists():
            shutil.rmtree(out / part)
    from sim.datagen.episode import env_for

    spec = spec_for_env(env_for(config), cameras=config.active_cameras, image_size=config.image_size,
                        storage=config.storage, depth=config.depth)
    t0 = time.perf_counter()
    # The shards as their workers returned them (or scan_shards read them, hashes checked): the commit reads no
    # shard metadata again. A local worker's shard cannot have changed since it was hashed unless the OS
    # crashed, which would have stopped this driver too; on a Ray cluster another node wrote it: hash it again.
    shards = [done[a].get("shard") or root / shard_name(a) for a in selected]
    commit_summary = commit_dataset(shards, spec, out, verify_shards=config.backend == "ray",
                                    extra_meta={"config": config.to_dict(),
                                                "content_config": config.content_fields(), "summary": summary})
    summary["commit_seconds"] = round(time.perf_counter() - t0, 2)
    summary.update({k: v for k, v in commit_summary.items() if k not in summary})
    shutil.rmtree(out / WORK_DIR)
    return summary


def format_summary(summary: dict[str, Any]) -> str:
    replay = summary["open_loop_replay_success_rate"]
    n_replay = summary.get("open_loop_replay_episodes", 0)
    lines = [f"episodes kept {summary['episodes']} of {summary['attempts']} attempts "
             f"(expert success {summary['expert_success_rate']:.1%}, open-loop replay success "
             + (f"{replay:.1%} of {n_replay} sampled episodes)" if replay is not None
                else f"n/a: 0 episodes in the sample, {summary.get('open_loop_replay_sample', '?')})")]
    for task, kept in summary["kept_by_task"].items():
        lines.append(f"  {task:12s} kept {kept:5d}  failed {summary['failed_by_task'].get(task, 0):5d}")
    if "bytes" in summary:
        lines.append(f"size {summary['bytes'] / 1e6:.1f} MB, {summary['frames']} frames")
    return "\n".join(lines)


def parse_list(value: str, what: str) -> tuple[str, ...]:
    items = tuple(v.strip() for v in value.split(",") if v.strip())
    if not items:
        raise ConfigError(f"{what} must name at least one item")
    return items


def parse_offsets(value: str, what: str = "--place-recovery-offset") -> tuple[float, float]:
    """``--place-recovery-offset`` / ``--grasp-recovery-offset`` ``low,high`` in metres (DatagenConfig checks the
    range)."""
    items = parse_list(value, what)
    try:
        numbers = tuple(float(v) for v in items)
    except ValueError:
        raise ConfigError(f"{what} must be two distances in metres, got {value!r}") from None
    if len(numbers) != 2:
        raise ConfigError(f"{what} must be two distances in metres (low,high), got {value!r}")
    return numbers[0], numbers[1]
