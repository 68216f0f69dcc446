"""Render speed of the scene's cameras at the quality small images used to get (before) and get now (after).

Prints one JSON object to stdout (progress goes to stderr). Before = ``sim.render.FULL_QUALITY`` (2048 shadow
map, 4x MSAA: what every renderer of the default scene used before ``QUALITY_BY_SIZE``, and still what the
env's observations get for images over 160 pixels); after = ``quality_for_size(size)``. Measured in the same
run, same machine state:

- ``render``: the states of one expert episode (Tabletop, panda, seed 0) rendered by 1 and 2 worker processes
  at once, each with its own renderer and the thread limits datagen gives its workers
  (``sim.datagen.backends.worker_threads``), alternating the front and wrist cameras. frames/s is all workers'
  frames over the wall time from a common start; ``cpu_ms_per_frame`` is the rendering process's CPU time.
- ``env_rgb``: env steps/s of ``armstack/Tabletop-v0`` with ``obs_mode="rgb"`` and both cameras, the scripted
  expert acting: what RGB evaluation and datagen pay per step, render and physics together.
- ``OUT/render_compare.png``: three states of the episode, per camera: before | after | 8x |after - before|.

Run from the repository root: ``MUJOCO_GL=egl python bench/render_speed.py [--quick]``.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from sim.render import select_gl_backend

select_gl_backend()  # before anything imports mujoco

import numpy as np  # noqa: E402

from sim.render import FULL_QUALITY, RenderQuality, quality_for_size  # noqa: E402

ENV_ID = "armstack/Tabletop-v0"
CAMERAS = ("front", "wrist")
SEED = 0


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def episode_states(frames: int) -> tuple[Any, list[np.ndarray]]:
    """A state-only Tabletop env after ``reset(seed=SEED)`` and the integration states of its expert's episode
    (cycled to ``frames``): every worker renders the same scenes."""
    import gymnasium as gym
    import mujoco

    import sim  # noqa: F401 - registers the ids

    env: Any = gym.make(ENV_ID, obs_mode="state").unwrapped
    env.reset(seed=SEED)
    expert = env.expert()
    spec = mujoco.mjtState.mjSTATE_INTEGRATION
    states = []
    for _ in range(frames):
        state = np.empty(mujoco.mj_stateSize(env.model, spec))
        mujoco.mj_getState(env.model, env.data, state, spec)
        states.append(state)
        _, _, terminated, truncated, _ = env.step(expert.act())
        if terminated or truncated:
            break
    return env, [states[i % len(states)] for i in range(frames)]


def render_states(env: Any, states: list[np.ndarray], renderer: Any) -> list[np.ndarray]:
    import mujoco

    spec = mujoco.mjtState.mjSTATE_INTEGRATION
    images = []
    for i, state in enumerate(states):
        mujoco.mj_setState(env.model, env.data, state, spec)
        mujoco.mj_forward(env.model, env.data)
        renderer.update_scene(env.data, camera=CAMERAS[i % len(CAMERAS)])
        images.append(renderer.render())
    return images


def _render_worker(quality: dict[str, int], size: int, frames: int, workers: int, barrier: Any, results: Any) -> None:
    from sim.datagen.backends import worker_threads

    os.environ.update(worker_threads(workers))  # read when this process makes its first GL context, below
    from sim.render import make_renderer

    env, states = episode_states(frames)
    renderer = make_renderer(env.model, size, size, RenderQuality(**quality))
    render_states(env, states[:2], renderer)  # warm-up: shader compilation, first uploads
    barrier.wait()
    wall, cpu = time.perf_counter(), time.process_time()
    render_states(env, states, renderer)
    results.put((time.perf_counter(), time.perf_counter() - wall, time.process_time() - cpu, frames))
    renderer.close()


def measure_render(quality: RenderQuality, size: int, frames: int, workers: int) -> dict[str, Any]:
    ctx = multiprocessing.get_context("spawn")
    barrier, results = ctx.Barrier(workers + 1), ctx.Queue()
    procs = [ctx.Process(target=_render_worker, args=(asdict(quality), size, frames, workers, barrier, results))
             for _ in range(workers)]
    for p in procs:
        p.start()
    barrier.wait()  # every worker has built its env and renderer
    start = time.perf_counter()
    rows = [results.get(timeout=600) for _ in procs]
    for p in procs:
        p.join()
        if p.exitcode != 0:
            raise RuntimeError(f"a render worker exited with {p.exitcode}")
    wall = max(end for end, *_ in rows) - start
    total = sum(n for *_, n in rows)
    return {"workers": workers, "frames": total, "wall_s": round(wall, 3), "frames_per_s": round(total / wall, 1),
            "cpu_ms_per_frame": round(1e3 * sum(cpu for _, _, cpu, _ in rows) / total, 2)}


def _env_worker(quality: dict[str, int] | None, size: int, steps: int, results: Any) -> None:
    import gymnasium as gym

    import sim  # noqa: F401
    from sim.scene import SceneConfig

    scene = SceneConfig() if quality is None else SceneConfig(shadow_size=quality["shadow_size"],
                                                              msaa_samples=quality["msaa_samples"])
    env: Any = gym.make(ENV_ID, obs_mode="rgb", cameras=CAMERAS, image_size=size, scene=scene).unwrapped
    env.reset(seed=SEED)
    expert, done, seed = env.expert(), 0, SEED
    env.step(expert.act())  # warm-up: the renderer is made by the first observation
    start = time.perf_counter()
    while done < steps:
        _, _, terminated, truncated, _ = env.step(expert.act())
        done += 1
        if terminated or truncated:
            seed += 1
            env.reset(seed=seed)
            expert = env.expert()
    results.put(time.perf_counter() - start)
    env.close()


def measure_env(quality: RenderQuality | None, size: int, steps: int) -> dict[str, Any]:
    """Env steps/s; ``quality`` None is the default scene (quality chosen per image size)."""
    ctx = multiprocessing.get_context("spawn")
    results = ctx.Queue()
    proc = ctx.Process(target=_env_worker, args=(None if quality is None else asdict(quality), size, steps, results))
    proc.start()
    seconds = results.get(timeout=600)
    proc.join()
    return {"steps": steps, "wall_s": round(seconds, 3), "steps_per_s": round(steps / seconds, 1)}


def write_compare(path: Path, size: int, after: RenderQuality) -> dict[str, float]:
    """The side-by-side image; returns the mean and 99th percentile of |after - before| over its pixels."""
    import cv2

    from sim.render import make_renderer, prepare_output_file, tile

    env, states = episode_states(200)
    picks = [states[0], states[len(states) // 2], states[-1]]
    rows, diffs = [], []
    for quality in (FULL_QUALITY, after):
        renderer = make_renderer(env.model, size, size, quality)
        rows.append([render_states(env, [s] * len(CAMERAS), renderer) for s in picks])  # every camera per state
        renderer.close()
    cells = []
    for before_row, after_row in zip(*rows, strict=True):
        line = []
        for cam in range(len(CAMERAS)):
            b, a = before_row[cam].astype(np.int16), after_row[cam].astype(np.int16)
            diff = np.abs(a - b)
            diffs.append(diff)
            line += [b.astype(np.uint8), a.astype(np.uint8), np.clip(diff * 8, 0, 255).astype(np.uint8)]
        cells.append(tile(line))
    grid = np.repeat(np.repeat(tile(cells, columns=1), 2, axis=0), 2, axis=1)  # 2x: pixels stay visible
    header = np.full((28, grid.shape[1], 3), 255, np.uint8)
    for i, camera in enumerate(CAMERAS):
        for j, label in enumerate((f"{camera}: before {FULL_QUALITY.shadow_size}/{FULL_QUALITY.msaa_samples}x",
                                   f"after {after.shadow_size}/{after.msaa_samples}x", "8x |diff|")):
            x = (3 * i + j) * 2 * size + 4
            cv2.putText(header, label, (x, 19), cv2.FONT_HERSHEY_SIMPLEX, 0.4 * size / 128, (0, 0, 0), 1, cv2.LINE_AA)
    image = np.concatenate([header, grid])
    path = prepare_output_file(path, "comparison image")
    ok, png = cv2.imencode(".png", image[..., ::-1])
    if not ok:
        raise RuntimeError("PNG encoding of the comparison image failed")
    tmp = path.with_name(f".{path.name}.partial")
    tmp.write_bytes(png.tobytes())
    os.replace(tmp, path)
    every = np.concatenate([d.ravel() for d in diffs])
    return {"mean_abs_diff": round(float(every.mean()), 3), "p99_abs_diff": float(np.percentile(every, 99)),
            "max_abs_diff": int(every.max())}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default="128", help="image sizes (square), comma-separated")
    p.add_argument("--frames", type=int, default=120, help="frames each render worker renders")
    p.add_argument("--env-steps", type=int, default=120, help="env steps per env_rgb measurement")
    p.add_argument("--workers", default="1,2", help="render worker counts, comma-separated")
    p.add_argument("--out", default="out/render_speed", help="folder for render_compare.png")
    p.add_argument("--quick", action="store_true", help="tiny sizes: a smoke run, not a measurement")
    args = p.parse_args(argv)
    if args.quick:
        args.sizes, args.frames, args.env_steps, args.workers = "64", 6, 6, "1"
    try:
        args.sizes = [int(s) for s in args.sizes.split(",")]
        args.workers = [int(w) for w in args.workers.split(",")]
    except ValueError:
        p.error("--sizes and --workers take comma-separated integers")
    if not all(16 <= s <= 640 for s in args.sizes) or not all(w >= 1 for w in args.workers):
        p.error("--sizes must be between 16 and 640, --workers >= 1")
    if args.frames < 2 or args.env_steps < 1:
        p.error("--frames must be >= 2 and --env-steps >= 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    result: dict[str, Any] = {"benchmark": "render_speed", "method": __doc__.split("\n\n", 1)[1].strip(),
                              "machine": {"cpu_count": os.cpu_count(), "loadavg_at_start": os.getloadavg()},
                              "sizes": {}}
    for size in args.sizes:
        after = quality_for_size(size, size)
        row: dict[str, Any] = {"before": asdict(FULL_QUALITY), "after": asdict(after), "render": {}, "env_rgb": {}}
        for workers in args.workers:
            runs = {}
            for name, quality in (("before", FULL_QUALITY), ("after", after)):
                log(f"{size}px: {workers} worker(s) render at {name} quality")
                runs[name] = measure_render(quality, size, args.frames, workers)
            runs["speedup"] = round(runs["after"]["frames_per_s"] / runs["before"]["frames_per_s"], 2)
            row["render"][str(workers)] = runs
        log(f"{size}px: rgb env steps")
        steps = {"before": measure_env(FULL_QUALITY, size, args.env_steps),
                 "after": measure_env(None, size, args.env_steps)}
        steps["speedup"] = round(steps["after"]["steps_per_s"] / steps["before"]["steps_per_s"], 2)
        row["env_rgb"] = steps
        image = Path(args.out) / (f"render_compare_{size}.png" if len(args.sizes) > 1 else "render_compare.png")
        row["compare"] = {"image": str(image), **write_compare(image, size, after)}
        result["sizes"][str(size)] = row
    result["machine"]["loadavg_at_end"] = os.getloadavg()
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
