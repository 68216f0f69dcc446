"""Simulator throughput: env steps/s per task and robot beside the bare physics of the same model.

Prints one JSON object to stdout (progress goes to stderr). For every robot and task the env is driven
by the scripted expert and by random actions; each episode is then replayed as bare ``mj_step`` calls on
the same compiled model from the recorded states, so ``ratio_env_over_bare`` is the env's cost over the
physics it wraps (target: at most 1.3 in state mode). Also: 128x128 RGB frames/s beside bare
``mujoco.Renderer`` calls, and, when ``--peers-python`` names a venv with mujoco 3.3.x, gymnasium-robotics
and robosuite, the same figures for FetchPickAndPlace-v4 and robosuite Lift (see ``peers_throughput.py``).

Run from the repository root: ``make bench``, or ``MUJOCO_GL=egl python bench/sim_throughput.py --quick``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sim.render import select_gl_backend

select_gl_backend()  # before anything imports mujoco

import gymnasium as gym  # noqa: E402
import mujoco  # noqa: E402
import numpy as np  # noqa: E402

import sim  # noqa: E402

TARGET_RATIO = 1.3
RGB_TASK = "armstack/PickPlace-v0"
RGB_CAMERAS: tuple[tuple[str, ...], ...] = (("front",), ("front", "wrist"))
PEERS_SCRIPT = Path(__file__).with_name("peers_throughput.py")
PEERS_TIMEOUT_S = 1800
_STATE_SPEC = mujoco.mjtState.mjSTATE_INTEGRATION

METHOD = (
    "Per robot, task and driver (scripted expert, re-created after every reset; or uniform random actions), "
    "episodes run from seeds seed, seed+1, ... until `steps` control steps are done, resetting on "
    "termination or truncation. Each env.step call on the gym.make env (wrappers included) is timed alone "
    "with perf_counter_ns (wall) and thread_time_ns (this thread's CPU time); expert.act() and reset() are "
    "timed apart and not part of env_steps_per_s. Right after every env.step, that step is replayed as bare "
    "physics on the same MjData of the same compiled model: the mjSTATE_INTEGRATION state from before the "
    "step and the env's ctrl are loaded (untimed) and mujoco.mj_step(model, data, nstep=n_substeps) alone is "
    "timed with the same two clocks. replay_exact is the fraction of steps whose replayed state equals the "
    "env's bit for bit (the replay then leaves the env exactly where its step did), i.e. the bare baseline did "
    "exactly the env's physics, on memory the env's step has just warmed. Env and bare timings alternate step "
    "by step, so load on the machine falls on both alike; the CPU-time ratio also leaves out the time other "
    "processes ran. The whole set is repeated `repeats` times with the same seeds and the median repeat (by "
    "wall ratio) is reported; per-repeat ratios are listed. RGB: obs_mode='rgb', 128x128, the same loop, with "
    "bare mujoco.Renderer(model, 128, 128) update_scene+render calls on the env's own MjData after every step "
    "(one repeat). frames_per_s = env steps/s x cameras. Peers run in their own venv "
    "(bench/peers_throughput.py) with their own loop and replay; see their own method string."
)


@dataclass(frozen=True, kw_only=True)
class BenchConfig:
    """What one benchmark run measures."""

    steps: int
    repeats: int
    rgb_steps: int
    robots: tuple[str, ...]
    tasks: tuple[str, ...]
    seed: int
    rgb: bool
    quick: bool

    def __post_init__(self) -> None:
        if self.steps < 1 or self.repeats < 1 or self.rgb_steps < 1:
            raise ValueError(f"steps, repeats and rgb_steps must be >= 1, got {self.steps}, {self.repeats}, "
                             f"{self.rgb_steps}")
        for robot in self.robots:
            if robot not in sim.ROBOTS:
                raise ValueError(f"unknown robot {robot!r}; valid: {sorted(sim.ROBOTS)}")
        for task in self.tasks:
            if task not in sim.ENV_IDS.values():
                raise ValueError(f"unknown task {task!r}; valid: {sorted(sim.ENV_IDS.values())}")


@dataclass
class LoopTimes:
    """Nanosecond totals of one pass over `steps` control steps."""

    steps: int = 0
    episodes: int = 0
    env_ns: int = 0
    bare_ns: int = 0
    env_cpu_ns: int = 0
    bare_cpu_ns: int = 0
    act_ns: int = 0
    reset_ns: int = 0
    render_ns: int = 0
    exact: int = 0


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def machine_info() -> dict[str, Any]:
    cpu_model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu_model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True, timeout=10,
                                cwd=Path(__file__).resolve().parent).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit = ""
    return {
        "cpu_count": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "cpu_model": cpu_model,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "mujoco_version": mujoco.__version__,
        "numpy_version": np.__version__,
        "gymnasium_version": gym.__version__,
        "mujoco_gl": os.environ.get("MUJOCO_GL", ""),
        "loadavg_at_start": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
        "git_commit": commit,
    }


def gl_renderer_name(renderer: Any) -> str:
    """The OpenGL renderer string (e.g. llvmpipe means software rendering), or '' when unknown."""
    try:
        from OpenGL import GL

        renderer._gl_context.make_current()
        return bytes(GL.glGetString(GL.GL_RENDERER)).decode()
    except Exception:  # only informative
        return ""


def run_loop(env: gym.Env[Any, Any], driver: str, steps: int, seed: int,
             bare_renderer: Any = None, cameras: tuple[str, ...] = ()) -> LoopTimes:
    """Drive ``env`` for ``steps`` control steps, replaying every step at once as bare physics (see METHOD)."""
    u: Any = env.unwrapped
    m, d, n_sub = u.model, u.data, u.n_substeps
    size = mujoco.mj_stateSize(m, _STATE_SPEC)
    before, after, replayed = np.empty(size), np.empty(size), np.empty(size)
    rng = np.random.default_rng(seed)
    t = LoopTimes()
    clock, cpu = time.perf_counter_ns, time.thread_time_ns
    while t.steps < steps:
        t0 = clock()
        env.reset(seed=seed + t.episodes)
        expert = u.expert() if driver == "expert" else None
        t.reset_ns += clock() - t0
        t.episodes += 1
        while t.steps < steps:
            mujoco.mj_getState(m, d, before, _STATE_SPEC)
            t0 = clock()
            action = expert.act() if expert is not None else rng.uniform(-1.0, 1.0, 5).astype(np.float32)
            c1, t1 = cpu(), clock()
            _, _, terminated, truncated, _ = env.step(action)
            t2, c2 = clock(), cpu()
            t.act_ns += t1 - t0
            t.env_ns += t2 - t1
            t.env_cpu_ns += c2 - c1
            if bare_renderer is not None:
                t0 = clock()
                for cam in cameras:
                    bare_renderer.update_scene(d, camera=cam)
                    bare_renderer.render()
                t.render_ns += clock() - t0
            # The same physics alone, at once and on the same memory: from the state before the step, with
            # the ctrl the env computed. An exact replay recomputes everything the step did, bit for bit, so
            # the env carries on from where its own step left it.
            mujoco.mj_getState(m, d, after, _STATE_SPEC)
            ctrl, warnings = d.ctrl.copy(), d.warning.number.copy()
            mujoco.mj_setState(m, d, before, _STATE_SPEC)
            d.ctrl[:] = ctrl
            c1, t1 = cpu(), clock()
            mujoco.mj_step(m, d, nstep=n_sub)
            t2, c2 = clock(), cpu()
            t.bare_ns += t2 - t1
            t.bare_cpu_ns += c2 - c1
            d.warning.number[:] = warnings  # the env's divergence check reads these counters
            mujoco.mj_getState(m, d, replayed, _STATE_SPEC)
            if np.array_equal(replayed, after):
                t.exact += 1
            else:  # not the env's physics: counted (replay_exact), and the env's own state put back
                mujoco.mj_setState(m, d, after, _STATE_SPEC)
            t.steps += 1
            if terminated or truncated:
                break
    return t


def per_s(steps: int, ns: int) -> float:
    return round(steps / (ns * 1e-9), 1) if ns > 0 else 0.0


def ms(ns: float, steps: int) -> float:
    return round(ns * 1e-6 / max(steps, 1), 4)


def summarize(runs: list[LoopTimes]) -> dict[str, Any]:
    """The median repeat (by env/bare ratio) with the spread over repeats."""
    ratios = [r.env_ns / r.bare_ns for r in runs]
    mid = runs[ratios.index(statistics.median_low(ratios))]
    return {
        "env_steps_per_s": per_s(mid.steps, mid.env_ns),
        "bare_physics_steps_per_s": per_s(mid.steps, mid.bare_ns),
        "ratio_env_over_bare": round(mid.env_ns / mid.bare_ns, 3),
        "ratio_env_over_bare_cpu": round(mid.env_cpu_ns / mid.bare_cpu_ns, 3),
        "env_ms_per_step": ms(mid.env_ns, mid.steps),
        "bare_ms_per_step": ms(mid.bare_ns, mid.steps),
        "overhead_ms_per_step": ms(mid.env_ns - mid.bare_ns, mid.steps),
        "reset_ms": ms(mid.reset_ns, mid.episodes),
        "steps": mid.steps,
        "episodes": mid.episodes,
        "replay_exact": round(mid.exact / mid.steps, 4),
        "ratio_per_repeat": [round(x, 3) for x in ratios],
        "ratio_cpu_per_repeat": [round(r.env_cpu_ns / r.bare_cpu_ns, 3) for r in runs],
        "env_steps_per_s_per_repeat": [per_s(r.steps, r.env_ns) for r in runs],
        "_act_ms": ms(mid.act_ns, mid.steps),
    }


def bench_state(cfg: BenchConfig) -> dict[str, Any]:
    ids = {task: env_id for env_id, task in sim.ENV_IDS.items()}
    out: dict[str, Any] = {}
    for robot in cfg.robots:
        out[robot] = {}
        for task in cfg.tasks:
            env = gym.make(ids[task], robot=robot, randomization="default")
            u: Any = env.unwrapped
            run_loop(env, "expert", min(50, cfg.steps), cfg.seed)  # warm-up: caches, first-step checks
            by_driver: dict[str, list[LoopTimes]] = {"expert": [], "random": []}
            for _ in range(cfg.repeats):
                for driver, runs in by_driver.items():
                    runs.append(run_loop(env, driver, cfg.steps, cfg.seed))
            expert = summarize(by_driver["expert"])
            random = summarize(by_driver["random"])
            expert["expert_ms_per_step"] = expert.pop("_act_ms")
            random["action_sampling_ms_per_step"] = random.pop("_act_ms")
            expert.update(n_substeps=u.n_substeps, control_hz=round(u.control_hz, 3),
                          physics_hz=round(1.0 / float(u.model.opt.timestep), 3),
                          realtime_factor=round(expert["env_steps_per_s"] * u.control_dt, 1),
                          random_actions=random)
            out[robot][task] = expert
            log(f"state {robot}/{task}: expert {expert['env_steps_per_s']} steps/s ratio "
                f"{expert['ratio_env_over_bare']}, random {random['env_steps_per_s']} steps/s ratio "
                f"{random['ratio_env_over_bare']}")
            env.close()
    return out


def bench_rgb(cfg: BenchConfig) -> dict[str, Any]:
    out: dict[str, Any] = {"task": RGB_TASK.split("/")[1], "image_size": [128, 128], "driver": "expert"}
    for robot in cfg.robots:
        out[robot] = {}
        for cams in RGB_CAMERAS:
            key = "+".join(cams)
            try:
                env = gym.make(RGB_TASK, robot=robot, obs_mode="rgb", cameras=cams, image_size=128,
                               randomization="default")
                u: Any = env.unwrapped
                renderer = mujoco.Renderer(u.model, 128, 128)
                out.setdefault("gl_renderer", gl_renderer_name(renderer))
                run_loop(env, "expert", min(10, cfg.rgb_steps), cfg.seed, renderer, cams)
                t = run_loop(env, "expert", cfg.rgb_steps, cfg.seed, renderer, cams)
                renderer.close()
                env.close()
            except Exception as exc:  # a missing GL platform is a result to report, not a crash
                out[robot][key] = {"error": f"{type(exc).__name__}: {exc}"}
                log(f"rgb {robot}/{key}: {exc}")
                continue
            bare_both = t.bare_ns + t.render_ns
            out[robot][key] = {
                "cameras": len(cams),
                "env_steps_per_s": per_s(t.steps, t.env_ns),
                "frames_per_s": round(per_s(t.steps, t.env_ns) * len(cams), 1),
                "bare_render_frames_per_s": per_s(t.steps * len(cams), t.render_ns),
                "bare_physics_steps_per_s": per_s(t.steps, t.bare_ns),
                "bare_physics_plus_render_steps_per_s": per_s(t.steps, bare_both),
                "ratio_env_over_bare_physics_plus_render": round(t.env_ns / bare_both, 3),
                "env_ms_per_step": ms(t.env_ns, t.steps),
                "bare_render_ms_per_step": ms(t.render_ns, t.steps),
                "bare_physics_ms_per_step": ms(t.bare_ns, t.steps),
                "steps": t.steps,
                "replay_exact": round(t.exact / t.steps, 4),
            }
            log(f"rgb {robot}/{key}: {out[robot][key]['frames_per_s']} frames/s")
    return out


def run_json(cmd: list[str], env: dict[str, str]) -> dict[str, Any]:
    """The JSON object a child benchmark printed, or {"error": why not}."""
    log(" ".join(cmd))
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=PEERS_TIMEOUT_S, env=env)
    except (OSError, subprocess.SubprocessError) as exc:
        return {"error": f"{type(exc).__name__}: {exc}"}
    if proc.returncode != 0:
        return {"error": f"exit {proc.returncode}: {proc.stderr[-2000:]}"}
    try:
        result: dict[str, Any] = json.loads(proc.stdout)
    except json.JSONDecodeError as exc:
        return {"error": f"unreadable output ({exc}): {proc.stdout[-500:]}"}
    return result


def bench_peers(python: str, cfg: BenchConfig) -> dict[str, Any]:
    """The peers in their venv, and armstack's panda/pick_place on that venv's mujoco (same-version figures)."""
    env = {**os.environ, "MUJOCO_GL": os.environ.get("MUJOCO_GL") or "egl"}
    common = ["--steps", str(cfg.steps), "--repeats", str(cfg.repeats), "--seed", str(cfg.seed)]
    cmd = [python, str(PEERS_SCRIPT), *common, "--rgb-steps", str(cfg.rgb_steps)]
    result = run_json([*cmd, "--no-rgb"] if not cfg.rgb else cmd, env)
    result["python"] = python
    # Needs pyyaml in that venv besides the peers; armstack itself accepts mujoco >= 3.3.
    root = str(Path(__file__).resolve().parents[1])
    own = run_json([python, str(Path(__file__).resolve()), *common, "--no-rgb", "--no-peers", "--robots", "panda",
                    "--tasks", "pick_place"],
                   {**env, "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))})
    if "error" in own:
        result["armstack_same_mujoco"] = own
    else:
        result["armstack_same_mujoco"] = {"mujoco_version": own["machine"]["mujoco_version"],
                                          "panda_pick_place": own["state"]["panda"]["pick_place"]}
    return result


def headline(state: dict[str, Any], peers: dict[str, Any]) -> dict[str, Any]:
    rows = [(robot, task, r) for robot, tasks in state.items() for task, r in tasks.items()]
    if not rows:
        return {}
    worst = max(rows, key=lambda row: max(row[2]["ratio_env_over_bare"],
                                          row[2]["random_actions"]["ratio_env_over_bare"]))
    worst_ratio = max(worst[2]["ratio_env_over_bare"], worst[2]["random_actions"]["ratio_env_over_bare"])
    summary: dict[str, Any] = {
        "target_ratio_env_over_bare": TARGET_RATIO,
        "worst_ratio_env_over_bare": worst_ratio,
        "worst_case": f"{worst[0]}/{worst[1]}",
        "meets_target": worst_ratio <= TARGET_RATIO,
        # The same rows in thread CPU time: the time other processes ran on the machine left out.
        "worst_ratio_env_over_bare_cpu": max(
            max(r["ratio_env_over_bare_cpu"], r["random_actions"]["ratio_env_over_bare_cpu"]) for _, _, r in rows),
        "min_env_steps_per_s": min(r["env_steps_per_s"] for _, _, r in rows),
        "median_env_steps_per_s": statistics.median(r["env_steps_per_s"] for _, _, r in rows),
    }
    summary["meets_target_cpu"] = summary["worst_ratio_env_over_bare_cpu"] <= TARGET_RATIO
    # Peers are driven by random actions: compare with armstack's panda/pick_place under random actions.
    ours = {"": state.get("panda", {}).get("pick_place"),
            "_same_mujoco": peers.get("armstack_same_mujoco", {}).get("panda_pick_place")}
    for name in ("fetch_pick_and_place_20hz", "robosuite_lift_panda"):
        peer = peers.get(name, {})
        for suffix, row in ours.items():
            if row and "env_steps_per_s" in peer:
                ratio = row["random_actions"]["env_steps_per_s"] / peer["env_steps_per_s"]
                summary[f"speedup_vs_{name}{suffix}"] = round(ratio, 2)
    return summary


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true", help="a short run (smoke test): few hundred steps, 1 repeat")
    p.add_argument("--steps", type=int, help="control steps per robot, task, driver and repeat (default 2000)")
    p.add_argument("--repeats", type=int, help="repeats; the median is reported (default 3)")
    p.add_argument("--rgb-steps", type=int, help="control steps per RGB configuration (default 300)")
    p.add_argument("--robots", default=",".join(sim.ROBOTS), help="comma-separated robots")
    p.add_argument("--tasks", default=",".join(sim.ENV_IDS.values()), help="comma-separated tasks")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--no-rgb", action="store_true", help="skip the RGB section")
    p.add_argument("--peers-python", default=os.environ.get("ARMSTACK_PEERS_PYTHON"),
                   help="python of a venv with mujoco 3.3.x, gymnasium-robotics and robosuite "
                        "(default: $ARMSTACK_PEERS_PYTHON)")
    p.add_argument("--no-peers", action="store_true", help="skip the peers even when a python is given")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        cfg = BenchConfig(
            steps=args.steps or (200 if args.quick else 2000),
            repeats=args.repeats or (1 if args.quick else 3),
            rgb_steps=args.rgb_steps or (10 if args.quick else 300),
            robots=tuple(r for r in args.robots.split(",") if r),
            tasks=tuple(t for t in args.tasks.split(",") if t),
            seed=args.seed, rgb=not args.no_rgb, quick=args.quick,
        )
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    result: dict[str, Any] = {"benchmark": "sim_throughput", "config": asdict(cfg), "machine": machine_info(),
                              "method": METHOD}
    state = bench_state(cfg)
    rgb = bench_rgb(cfg) if cfg.rgb else {"skipped": "--no-rgb"}
    if args.no_peers:
        peers: dict[str, Any] = {"skipped": "--no-peers"}
    elif not args.peers_python:
        peers = {"skipped": "no --peers-python or ARMSTACK_PEERS_PYTHON given"}
    else:
        peers = bench_peers(args.peers_python, cfg)
    if hasattr(os, "getloadavg"):  # other work on the machine skews every figure: say how much there was
        result["machine"]["loadavg_at_end"] = list(os.getloadavg())
    result.update(summary=headline(state, peers), state=state, rgb=rgb, peers=peers,
                  wall_s=round(time.perf_counter() - started, 1))
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
