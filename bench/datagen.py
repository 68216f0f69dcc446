"""Data-factory throughput: episodes/min, frames/s and bytes/frame of ``run_datagen``, 1 worker vs 2.

Prints one JSON object to stdout (progress goes to stderr). Scenarios: state only; state + 128x128 RGB
from two cameras stored as video; the same stored as PNG images. Each runs end to end (expert, env,
open-loop replay, shard write, commit) with 1 and 2 workers, beside the floor it cannot beat: the bare
``mj_step`` calls and bare ``mujoco.Renderer`` calls of the same episodes' states, measured in the same
run. Targets: 2 workers >= 1.8x one worker; the 1-worker pipeline <= 1.5x (bare physics + rendering).

Run from the repository root: ``MUJOCO_GL=egl python bench/datagen.py`` (``--quick`` for a smoke run).
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import contextlib
import dataclasses
import functools
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from unittest import mock

from sim_throughput import gl_renderer_name, log, machine_info  # bench/ is sys.path[0] when run as a script

from sim.render import select_gl_backend

select_gl_backend()  # before anything imports mujoco

import mujoco  # noqa: E402
import numpy as np  # noqa: E402
import pyarrow as pa  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402

import sim.datagen.backends as backends  # noqa: E402
import sim.datagen.driver as driver  # noqa: E402
import sim.datagen.episode as episode  # noqa: E402
import sim.datagen.shards as shards  # noqa: E402
import sim.dataset.shard as shard  # noqa: E402
import sim.dataset.stats as stats  # noqa: E402
from sim.datagen import DatagenConfig, run_datagen  # noqa: E402
from sim.dataset import DatasetReader  # noqa: E402
from sim.dataset.env_spec import STATE_SPEC  # noqa: E402
from sim.env import TabletopEnv  # noqa: E402
from sim.errors import SimError  # noqa: E402

TARGET_SPEEDUP = 1.8
TARGET_RATIO = 1.5
SCENARIOS: dict[str, dict[str, Any]] = {
    "state": {"obs": ("state",), "storage": "video"},
    "rgb_video": {"obs": ("state", "rgb"), "storage": "video"},
    "rgb_image": {"obs": ("state", "rgb"), "storage": "image"},
}

METHOD = (
    "Each scenario calls sim.datagen.run_datagen(DatagenConfig(env_id, episodes, workers, obs, cameras, "
    "image_size, storage, seed), progress=False) into a fresh folder and times it end to end (wall_s, "
    "perf_counter; cpu_s from os.times() of this process and its reaped children). 1 worker runs in this "
    "process (InlineBackend); 2 workers are this (driver) process and one spawned process (LocalBackend: the "
    "driver runs queued attempts itself while it would otherwise wait; attempts_by_process counts who ran "
    "what; state-only workers are forked from the driver, rendering ones spawned: sim.datagen.backends."
    "start_method); runs alternate 1, 2, 1, 2, ... "
    "and the median repeat by frames_per_s is reported. Every run uses the same seed, so all datasets of a "
    "scenario must hold identical data and video files (identical_content, by SHA-256 from the manifest). "
    "frames are the dataset's frames (control steps of kept episodes); failed attempts cost time but add no "
    "frames. The attempt function is wrapped (same process or worker) to time each attempt and, on a "
    "worker's first attempt, its warm-up (env build, first reset with GL context), which is counted in "
    "worker_startup_s with the process spawn; steady_frames_per_s excludes it. "
    "This process is warmed up the same way before any timing. In 1-worker runs env.reset/step/_images, "
    "mujoco.mj_step, expert.act, replay_open_loop, write_episode_shard (write_shard), encode_video/encode_png, "
    "image_stats and "
    "run_attempt are wrapped with perf_counter timers (a few us per frame, within run-to-run noise) and "
    "exclusive times are reported per kept frame (breakdown_1_worker; replay.* is the open-loop replay, which "
    "runs on the attempts whose index is a multiple of DatagenConfig.replay_every, default 10: "
    "open_loop_replay_episodes counts them). "
    "scaling: speedup_2_over_1 = cores_used_2_over_1 x cpu_ms_per_frame_1_over_2 exactly; speedup_per_repeat "
    "pairs repeat i of each. Floor: after each 1-worker run, on its dataset (all frames in state runs, up to "
    "`floor_frames` with RGB; read back with DatasetReader) the env is reset with the episode's seed (the "
    "same randomised model) and, per frame k, the stored mjSTATE_INTEGRATION "
    "state k is loaded into a scratch MjData with the ctrl of state k+1 (untimed), mujoco.mj_step(model, "
    "data, nstep=n_substeps) is timed (floor_replay_exact: the result equals stored state k+1 bit for bit), "
    "then mujoco.Renderer(model, H, W) update_scene+render for each camera on that data is timed: the "
    "physics and the renders the env did for that frame, of the same model: RGB runs render with "
    "DatagenConfig's shadow_size and msaa_samples (512 and 0 unless --shadow-size/--msaa-samples say otherwise; "
    "datagen_config shows them), and so does the floor's Renderer. pipeline_over_floor = 1-worker wall per frame / "
    "(bare physics + bare render per frame); pipeline_cpu_over_floor_cpu is the same in CPU time (os.times of "
    "the 1-worker run / process_time around the bare calls), which the others' load on a shared machine does "
    "not inflate the way it does wall time. bytes are the committed files (manifest), per frame; per "
    "camera from the mp4 files or the parquet image column."
)


@dataclass(frozen=True, kw_only=True)
class BenchConfig:
    """What one benchmark run measures."""

    scenarios: tuple[str, ...]
    episodes: dict[str, int]
    repeats: dict[str, int]
    workers: dict[str, tuple[int, ...]]
    floor_frames: int
    cameras: tuple[str, ...]
    image_size: int
    env_id: str
    seed: int
    quick: bool
    shadow_size: int | None = None
    msaa_samples: int | None = None

    def __post_init__(self) -> None:
        for name in self.scenarios:
            if name not in SCENARIOS:
                raise ValueError(f"unknown scenario {name!r}; valid: {', '.join(SCENARIOS)}")
            if self.episodes[name] < 1 or self.repeats[name] < 1:
                raise ValueError(f"{name}: episodes and repeats must be >= 1")
        if self.floor_frames < 2:
            raise ValueError(f"floor_frames must be >= 2, got {self.floor_frames}")

    def datagen(self, name: str, workers: int, out: Path) -> DatagenConfig:
        s = SCENARIOS[name]
        config = DatagenConfig(env_id=self.env_id, episodes=self.episodes[name], workers=workers, obs=s["obs"],
                               cameras=self.cameras, image_size=self.image_size, storage=s["storage"],
                               seed=self.seed, out=str(out))
        # None keeps DatagenConfig's render settings.
        return dataclasses.replace(config, shadow_size=self.shadow_size or config.shadow_size,
                                   msaa_samples=config.msaa_samples if self.msaa_samples is None else self.msaa_samples)


# --- timing inside attempts (this process or a worker) --------------------------------------------------
_WARM: set[tuple[Any, ...]] = set()


def warm_up(config: DatagenConfig, driver: bool = False) -> float:
    """Build the env and open its GL context (and, for the driver, import what the commit imports); seconds."""
    t0 = time.perf_counter()
    env = episode.env_for(config)
    env.reset(seed=0)  # every attempt resets with its own seed: this only creates the renderer
    if driver:
        # pyarrow imports pandas on its first pa.array (~0.4 s): the commit does that once per process.
        # Workers never do (sim.dataset.layout builds columns from buffers), so their warm-up must not.
        pa.array(np.zeros(1))
    _WARM.add(_warm_key(config))
    return time.perf_counter() - t0


def _warm_key(config: DatagenConfig) -> tuple[Any, ...]:
    return (config.obs, config.active_cameras, config.image_size)


def timed_attempt(config: DatagenConfig, attempt: int) -> dict[str, Any]:
    """``generate_to_shard`` with wall-clock stamps (comparable across processes) and the worker's warm-up."""
    enter = time.time()
    warm = 0.0 if _warm_key(config) in _WARM else warm_up(config)
    start = time.time()
    result = shards.generate_to_shard(config, attempt)
    return {**result, "_bench": {"pid": os.getpid(), "enter": enter, "start": start, "end": time.time(),
                                 "warm_s": warm}}


class RecordingBackend:
    """Wraps the driver's backend: keeps every result with its arrival time, also those the driver drops."""

    def __init__(self, inner: Any, sink: list[dict[str, Any]]) -> None:
        self.inner, self.sink = inner, sink
        self.handles: list[Any] = []
        self.seen: set[int] = set()

    def submit(self, attempt: int) -> Any:
        handle = self.inner.submit(attempt)
        self.handles.append(handle)
        return handle

    def wait_any(self, handles: list[Any]) -> list[tuple[Any, dict[str, Any]]]:
        out: list[tuple[Any, dict[str, Any]]] = self.inner.wait_any(handles)
        for handle, result in out:
            self.seen.add(id(handle))
            self.sink.append(result)
        return out

    def close(self) -> None:
        self.inner.close()
        for h in self.handles:  # attempts still running when enough episodes were in: wasted work
            f = getattr(h, "future", h)  # LocalBackend hands out jobs that hold the pool's future
            if isinstance(f, cf.Future) and id(h) not in self.seen and f.done() and not f.cancelled() \
                    and f.exception() is None:
                self.sink.append({**f.result(), "dropped": True})


class Profiler:
    """Exclusive perf_counter times of wrapped calls; calls inside ``replay_open_loop`` get a ``replay.`` prefix."""

    def __init__(self) -> None:
        self.seconds: defaultdict[str, float] = defaultdict(float)
        self.calls: Counter[str] = Counter()
        self._children: list[float] = []
        self._prefix = ""

    def wrap(self, fn: Callable[..., Any], key: str, prefix: str | None = None) -> Callable[..., Any]:
        @functools.wraps(fn)
        def timed(*args: Any, **kwargs: Any) -> Any:
            name, outer = self._prefix + key, self._prefix
            if prefix is not None:
                self._prefix = prefix
            self._children.append(0.0)
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                dt = time.perf_counter() - t0
                self._prefix = outer
                self.seconds[name] += dt - self._children.pop()
                self.calls[name] += 1
                if self._children:
                    self._children[-1] += dt
        return timed

    @contextlib.contextmanager
    def installed(self) -> Iterator[None]:
        targets: list[tuple[Any, str, str, str | None]] = [
            (shards, "run_attempt", "run_attempt", None), (episode, "replay_open_loop", "replay", "replay."),
            (TabletopEnv, "reset", "env_reset", None), (TabletopEnv, "step", "env_step", None),
            (TabletopEnv, "_images", "render", None), (mujoco, "mj_step", "mj_step", None),
            (shard, "write_episode_shard", "write_shard", None), (shard, "encode_video", "encode_video", None),
            (shard, "encode_png", "encode_png", None), (stats, "image_stats", "image_stats", None)]
        orig_expert = TabletopEnv.expert

        def expert(env: TabletopEnv) -> Any:
            ex = orig_expert(env)
            ex.act = self.wrap(ex.act, "expert_act")
            return ex

        with contextlib.ExitStack() as stack:
            for owner, attr, key, prefix in targets:
                stack.enter_context(mock.patch.object(owner, attr, self.wrap(getattr(owner, attr), key, prefix)))
            stack.enter_context(mock.patch.object(TabletopEnv, "expert", expert))
            yield


# --- one run ---------------------------------------------------------------------------------------------
def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def dataset_bytes(root: Path, frames: int) -> dict[str, Any]:
    """Committed bytes per frame: total, per part, per camera, and the data parquet per column."""
    files = json.loads((root / "manifest.json").read_text())["files"]
    parts: Counter[str] = Counter()
    cameras: Counter[str] = Counter()
    for rel, entry in files.items():
        top = rel.split("/")[0]
        parts[top] += int(entry["bytes"])
        if top == "videos":
            cameras[rel.split("/")[1]] += int(entry["bytes"])
    columns: Counter[str] = Counter()
    for rel in files:
        if rel.startswith("data/") and rel.endswith(".parquet"):
            meta = pq.ParquetFile(root / rel).metadata
            names = sorted(meta.schema.to_arrow_schema().names, key=len, reverse=True)
            for g in range(meta.num_row_groups):
                for c in range(meta.num_columns):
                    col = meta.row_group(g).column(c)
                    path = col.path_in_schema
                    owner = next((n for n in names if path == n or path.startswith(n + ".")), path)
                    columns[owner] += col.total_compressed_size
    for key in list(columns):
        if key.startswith("observation.images."):
            cameras[key] += columns[key]
    per = lambda n: round(n / max(frames, 1), 1)  # noqa: E731
    return {"total": sum(parts.values()), "per_frame": per(sum(parts.values())),
            "per_frame_by_part": {k: per(v) for k, v in sorted(parts.items())},
            "per_frame_by_camera": {k: per(v) for k, v in sorted(cameras.items())},
            "data_per_frame_by_column": {k: per(v) for k, v in columns.most_common()}}


def data_hashes(root: Path) -> dict[str, str]:
    files = json.loads((root / "manifest.json").read_text())["files"]
    return {rel: e["sha256"] for rel, e in files.items() if rel.startswith(("data/", "videos/"))}


def run_once(config: DatagenConfig) -> tuple[dict[str, Any], Profiler | None]:
    """One end-to-end run_datagen; the result row and, for 1 worker, the profiler of its calls."""
    results: list[dict[str, Any]] = []
    prof = Profiler() if config.workers == 1 else None
    make = driver.make_backend
    with contextlib.ExitStack() as stack:
        stack.enter_context(mock.patch.object(backends, "generate_to_shard", timed_attempt))
        stack.enter_context(mock.patch.object(driver, "make_backend", lambda c: RecordingBackend(make(c), results)))
        if prof is not None:
            stack.enter_context(prof.installed())
        load0, cpu0, t0, wall0 = os.getloadavg()[0], _cpu(), time.time(), time.perf_counter()
        summary = run_datagen(config, progress=False)
        wall, cpu = time.perf_counter() - wall0, _cpu() - cpu0
    frames, eps, gen = int(summary["frames"]), int(summary["episodes"]), float(summary["generation_seconds"])
    stamps = [r["_bench"] for r in results]
    first: dict[int, dict[str, Any]] = {}
    for s in sorted(stamps, key=lambda s: s["start"]):
        first.setdefault(s["pid"], s)
    startup = max((s["start"] - t0 for s in first.values()), default=0.0)
    busy = sum(s["end"] - s["start"] for s in stamps)
    used = [r for r in results if r["attempt"] < summary["attempts"]]
    cams = len(config.active_cameras)
    row: dict[str, Any] = {
        "workers": config.workers, "episodes": eps, "frames": frames, "attempts": summary["attempts"],
        "attempts_run": len(results), "attempts_wasted_after_enough": sum(r["attempt"] >= summary["attempts"]
                                                                           for r in results),
        "failed_attempt_frames": sum(int(r["length"]) for r in used if not r["success"]),
        "failed_attempts_s": round(sum(r["_bench"]["end"] - r["_bench"]["start"] for r in used if not r["success"]), 3),
        "wasted_attempts_s": round(sum(r["_bench"]["end"] - r["_bench"]["start"] for r in results
                                       if r["attempt"] >= summary["attempts"]), 3),
        "wall_s": round(wall, 3), "generation_s": gen, "commit_s": summary["commit_seconds"],
        "commit_timings_s": summary.get("commit_timings", {}),
        "episodes_per_min": round(60 * eps / wall, 2), "frames_per_s": round(frames / wall, 2),
        "camera_frames_per_s": round(cams * frames / wall, 2),
        "worker_startup_s": round(startup, 3), "worker_warmup_s": [round(s["warm_s"], 3) for s in first.values()],
        "steady_frames_per_s": round(frames / max(wall - startup, 1e-9), 2),
        "worker_busy_share": round(busy / (config.workers * gen), 3),
        "cpu_s": round(cpu, 2), "cores_used": round(cpu / wall, 2), "cpu_ms_per_frame": round(1e3 * cpu / frames, 3),
        "ms_per_frame": round(1e3 * wall / frames, 3),
        "expert_success_rate": round(summary["expert_success_rate"], 3),
        "open_loop_replay_success_rate": (None if summary["open_loop_replay_success_rate"] is None
                                          else round(summary["open_loop_replay_success_rate"], 3)),
        "open_loop_replay_episodes": summary["open_loop_replay_episodes"],
        "attempts_by_process": sorted(Counter(s["pid"] for s in stamps).values(), reverse=True),
        "loadavg_1min_start_end": [round(load0, 2), round(os.getloadavg()[0], 2)],
    }
    return row, prof


# --- the floor: bare physics and bare rendering of the same states -------------------------------------
def floor(config: DatagenConfig, max_frames: int) -> dict[str, Any]:
    """Bare mj_step and Renderer calls on the stored states of ``config.out``'s dataset (see METHOD)."""
    env = episode.env_for(config)
    m, n_sub = env.model, env.n_substeps
    lines = (Path(config.out) / "meta/armstack_episodes.jsonl").read_text().splitlines()
    seeds = [int(json.loads(line)["seed"]) for line in lines]
    scratch, nxt = mujoco.MjData(m), mujoco.MjData(m)
    w, h = env.image_size
    renderer = mujoco.Renderer(m, h, w) if config.active_cameras else None
    got = np.empty(mujoco.mj_stateSize(m, STATE_SPEC))
    physics_ns = render_ns = physics_cpu_ns = render_cpu_ns = steps = exact = 0
    clock, cpu = time.perf_counter_ns, time.process_time_ns
    with DatasetReader(Path(config.out)) as reader:
        for k, seed in enumerate(seeds):
            if steps >= max_frames:
                break
            states = reader.episode(k, keys=["env_state"])["env_state"]
            env.reset(seed=seed)  # the episode's randomised model
            if renderer is not None and k == 0:
                renderer.update_scene(env.data, camera=config.active_cameras[0])
                renderer.render()  # first-frame uploads are not per-frame cost
            for i in range(min(len(states) - 1, max_frames - steps)):
                mujoco.mj_setState(m, scratch, states[i], STATE_SPEC)
                mujoco.mj_setState(m, nxt, states[i + 1], STATE_SPEC)
                scratch.ctrl[:] = nxt.ctrl
                c0, t0 = cpu(), clock()
                mujoco.mj_step(m, scratch, nstep=n_sub)
                t1, c1 = clock(), cpu()
                for cam in config.active_cameras if renderer is not None else ():
                    renderer.update_scene(scratch, camera=cam)  # type: ignore[union-attr]
                    renderer.render()  # type: ignore[union-attr]
                t2, c2 = clock(), cpu()
                physics_ns, render_ns, steps = physics_ns + t1 - t0, render_ns + t2 - t1, steps + 1
                physics_cpu_ns, render_cpu_ns = physics_cpu_ns + c1 - c0, render_cpu_ns + c2 - c1
                mujoco.mj_getState(m, scratch, got, STATE_SPEC)
                exact += int(np.array_equal(got, states[i + 1]))
    out: dict[str, Any] = {"frames": steps, "bare_physics_ms_per_frame": round(physics_ns * 1e-6 / steps, 4),
           "bare_render_ms_per_frame": round(render_ns * 1e-6 / steps, 4),
           "bare_render_ms_per_camera_frame": round(render_ns * 1e-6 / steps / max(len(config.active_cameras), 1), 4),
           "floor_ms_per_frame": round((physics_ns + render_ns) * 1e-6 / steps, 4),
           # CPU time (this process, all threads: llvmpipe's too) is what a loaded machine does not inflate:
           # the wall-clock floor and pipeline run minutes apart, under whatever load the others put on.
           "bare_physics_cpu_ms_per_frame": round(physics_cpu_ns * 1e-6 / steps, 4),
           "bare_render_cpu_ms_per_frame": round(render_cpu_ns * 1e-6 / steps, 4),
           "floor_cpu_ms_per_frame": round((physics_cpu_ns + render_cpu_ns) * 1e-6 / steps, 4),
           "floor_replay_exact": round(exact / steps, 4)}
    if renderer is not None:
        out["gl_renderer"] = gl_renderer_name(renderer)
        renderer.close()
    return out


# --- a scenario ------------------------------------------------------------------------------------------
def breakdown(prof: Profiler, row: dict[str, Any]) -> dict[str, Any]:
    """Exclusive ms per kept frame of each timed part, plus what the timers do not cover."""
    frames = row["frames"]
    ms = {k: 1e3 * v / frames for k, v in prof.seconds.items()}
    attempts = sum(v for k, v in prof.seconds.items() if k not in ("write_shard", "encode_video", "encode_png",
                                                                  "image_stats"))
    writes = sum(prof.seconds.get(k, 0.0) for k in ("write_shard", "encode_video", "encode_png", "image_stats"))
    ms["driver_and_shard_bookkeeping"] = 1e3 * (row["generation_s"] - attempts - writes) / frames
    ms["commit"] = 1e3 * row["commit_s"] / frames
    ms["outside_generation_and_commit"] = 1e3 * (row["wall_s"] - row["generation_s"] - row["commit_s"]) / frames
    total = sum(ms.values())
    return {"ms_per_frame": {k: round(v, 3) for k, v in sorted(ms.items(), key=lambda kv: -kv[1])},
            "share": {k: round(v / total, 3) for k, v in sorted(ms.items(), key=lambda kv: -kv[1])},
            "calls": dict(sorted(prof.calls.items()))}


def median_row(rows: list[dict[str, Any]]) -> dict[str, Any]:
    ordered = sorted(rows, key=lambda r: r["frames_per_s"])
    mid = dict(ordered[(len(ordered) - 1) // 2])
    mid["frames_per_s_per_repeat"] = [r["frames_per_s"] for r in rows]
    mid["steady_frames_per_s_per_repeat"] = [r["steady_frames_per_s"] for r in rows]
    return mid


def bench_scenario(cfg: BenchConfig, name: str, tmp: Path) -> dict[str, Any]:
    rows: dict[int, list[dict[str, Any]]] = {w: [] for w in cfg.workers[name]}
    floors: list[dict[str, Any]] = []
    breakdowns: list[dict[str, Any]] = []
    reference: dict[str, str] | None = None
    identical = True
    sizes: dict[str, Any] = {}
    warm = warm_up(cfg.datagen(name, 1, tmp / "warm"), driver=True)
    for rep in range(cfg.repeats[name]):
        for workers in cfg.workers[name]:
            config = cfg.datagen(name, workers, tmp / f"{name}-w{workers}-r{rep}")
            row, prof = run_once(config)
            hashes = data_hashes(Path(config.out))
            sizes = sizes if rep or workers != 1 else dataset_bytes(Path(config.out), row["frames"])
            reference = reference if reference is not None else hashes
            identical = identical and hashes == reference
            if prof is not None:
                breakdowns.append(breakdown(prof, row))
                # Bare physics alone is cheap: all frames, so that a scheduling hiccup cannot skew it.
                fl = floor(config, cfg.floor_frames if config.rgb else 10**9)
                fl["pipeline_over_floor"] = round(row["ms_per_frame"] / fl["floor_ms_per_frame"], 3)
                fl["pipeline_cpu_over_floor_cpu"] = round(row["cpu_ms_per_frame"] / fl["floor_cpu_ms_per_frame"], 3)
                floors.append(fl)
            rows[workers].append(row)
            log(f"{name} w={workers} rep {rep}: {row['frames_per_s']} frames/s ({row['frames']} frames, "
                f"{row['wall_s']} s, startup {row['worker_startup_s']} s, load {row['loadavg_1min_start_end']})")
            shutil.rmtree(config.out)
    runs = {str(w): median_row(r) for w, r in rows.items()}
    out: dict[str, Any] = {"datagen_config": {k: v for k, v in cfg.datagen(name, 1, tmp).to_dict().items()
                                              if k not in ("workers", "out")},
                           "in_process_warmup_s": round(warm, 3), "identical_content": identical, "bytes": sizes,
                           "runs": runs}
    if "1" in runs and "2" in runs:
        speedup = runs["2"]["frames_per_s"] / runs["1"]["frames_per_s"]
        steady = runs["2"]["steady_frames_per_s"] / runs["1"]["steady_frames_per_s"]
        cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
        paired = [b["frames_per_s"] / a["frames_per_s"] for a, b in zip(rows[1], rows[2], strict=True)]
        out["scaling"] = {"speedup_2_over_1": round(speedup, 3), "efficiency": round(speedup / 2, 3),
                          "speedup_per_repeat": [round(x, 3) for x in paired],
                          "steady_speedup_2_over_1": round(steady, 3),
                          # speedup = (cores busy, 2 vs 1 worker) x (CPU per frame, 1 vs 2 workers), exactly.
                          "cores_used_2_over_1": round(runs["2"]["cores_used"] / runs["1"]["cores_used"], 3),
                          "cores_left_by_1_worker": round(cpus - runs["1"]["cores_used"], 2),
                          "cpu_ms_per_frame_1_over_2": round(runs["1"]["cpu_ms_per_frame"]
                                                             / runs["2"]["cpu_ms_per_frame"], 3),
                          "target_speedup": TARGET_SPEEDUP, "meets_target": speedup >= TARGET_SPEEDUP}
    if floors:
        ratios = [f["pipeline_over_floor"] for f in floors]
        k = ratios.index(statistics.median_low(ratios))
        out["floor"] = {**floors[k], "pipeline_over_floor_per_repeat": ratios,
                        "pipeline_cpu_over_floor_cpu_per_repeat": [f["pipeline_cpu_over_floor_cpu"] for f in floors],
                        "target_ratio": TARGET_RATIO,
                        "meets_target": floors[k]["pipeline_over_floor"] <= TARGET_RATIO}
        out["breakdown_1_worker"] = breakdowns[k]
    return out


def headline(scenarios: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, s in scenarios.items():
        one = s["runs"].get("1", {})
        out[name] = {"frames_per_s_1w": one.get("frames_per_s"), "episodes_per_min_1w": one.get("episodes_per_min"),
                     "frames_per_s_2w": s["runs"].get("2", {}).get("frames_per_s"),
                     "speedup_2_over_1": s.get("scaling", {}).get("speedup_2_over_1"),
                     "steady_speedup_2_over_1": s.get("scaling", {}).get("steady_speedup_2_over_1"),
                     "pipeline_over_floor": s.get("floor", {}).get("pipeline_over_floor"),
                     "pipeline_cpu_over_floor_cpu": s.get("floor", {}).get("pipeline_cpu_over_floor_cpu"),
                     "cores_used_1w": one.get("cores_used"),
                     "bytes_per_frame": s["bytes"].get("per_frame"),
                     "identical_content": s["identical_content"]}
    return out


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true", help="a smoke run: a few episodes, one repeat")
    p.add_argument("--scenarios", default=",".join(SCENARIOS), help="comma-separated: " + ", ".join(SCENARIOS))
    p.add_argument("--state-episodes", type=int, help="episodes per state-only run (default 40)")
    p.add_argument("--rgb-episodes", type=int, help="episodes per rgb_video run (default 24)")
    p.add_argument("--image-episodes", type=int, help="episodes per rgb_image run (default 6; 1 worker only)")
    p.add_argument("--state-repeats", type=int, help="repeats of the state-only runs (default 3)")
    p.add_argument("--rgb-repeats", type=int, help="repeats of the rgb_video runs (default 1)")
    p.add_argument("--floor-frames", type=int,
                   help="frames of the bare physics + render floor of RGB runs (default 300; state: all)")
    p.add_argument("--cameras", default="front,wrist")
    p.add_argument("--image-size", type=int, default=128)
    p.add_argument("--env-id", default="armstack/Tabletop-v0")
    p.add_argument("--shadow-size", type=int, help="shadow map texels of RGB runs (default: DatagenConfig's, 512)")
    p.add_argument("--msaa-samples", type=int, help="multisamples per pixel of RGB runs (default: DatagenConfig's, 0)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--tmp", default=None, help="folder for the datasets (default: the system temp folder)")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    q = args.quick
    try:
        cfg = BenchConfig(
            scenarios=tuple(s for s in args.scenarios.split(",") if s),
            episodes={"state": args.state_episodes or (4 if q else 40),
                      "rgb_video": args.rgb_episodes or (2 if q else 24),
                      "rgb_image": args.image_episodes or (1 if q else 6)},
            repeats={"state": args.state_repeats or (1 if q else 3), "rgb_video": args.rgb_repeats or 1,
                     "rgb_image": 1},
            workers={"state": (1, 2), "rgb_video": (1, 2), "rgb_image": (1,)},
            floor_frames=args.floor_frames or (20 if q else 300),
            cameras=tuple(c for c in args.cameras.split(",") if c), image_size=args.image_size,
            env_id=args.env_id, seed=args.seed, quick=q, shadow_size=args.shadow_size,
            msaa_samples=args.msaa_samples)
        for name in cfg.scenarios:
            cfg.datagen(name, 1, Path("x"))  # DatagenConfig validates env id, cameras and size
    except (ValueError, KeyError, SimError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    result: dict[str, Any] = {"benchmark": "datagen", "config": asdict(cfg), "machine": machine_info(),
                              "method": METHOD, "targets": {"speedup_2_over_1": TARGET_SPEEDUP,
                                                            "pipeline_over_floor": TARGET_RATIO}}
    scenarios: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="armstack-bench-datagen-", dir=args.tmp) as tmp:
        for name in cfg.scenarios:
            scenarios[name] = bench_scenario(cfg, name, Path(tmp))
    result["machine"]["loadavg_at_end"] = list(os.getloadavg())
    result.update(summary=headline(scenarios), scenarios=scenarios, wall_s=round(time.perf_counter() - started, 1))
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
