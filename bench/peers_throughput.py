"""Peer simulators' throughput, measured the way ``sim_throughput.py`` measures armstack.

Runs in its own venv (the peers need mujoco 3.3.x), so it imports nothing from armstack:

    python3 -m venv /tmp/peers-venv
    /tmp/peers-venv/bin/pip install "mujoco==3.3.*" gymnasium-robotics robosuite pyyaml
    MUJOCO_GL=egl /tmp/peers-venv/bin/python bench/peers_throughput.py --quick

(pyyaml lets ``sim_throughput.py --peers-python`` also run armstack on that venv's mujoco.)

Prints one JSON object: gymnasium-robotics FetchPickAndPlace-v4 (native 25 Hz control, and 20 Hz with
25 substeps) and robosuite Lift with a Panda at control_freq=20 (state only, and one 128x128 camera), each
beside bare ``mj_step`` calls on the same model. A peer that fails to import or run is reported with
its error, never with made-up numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

os.environ.setdefault("MUJOCO_GL", "egl")  # read once, when mujoco is first imported

METHOD = (
    "Random actions, uniform over the action space, drawn before the timed call. Each env.step is timed "
    "alone (perf_counter_ns); reset is timed apart. After each episode every step is replayed on a scratch "
    "MjData of the same MjModel: the state recorded before the env.step (mjSTATE_INTEGRATION) plus the ctrl "
    "and mocap targets the env left after it are loaded (untimed), and mj_step(model, data, nstep=substeps) "
    "alone is timed. Fetch drives its arm by mocap, so its replay is exact (replay_exact: the fraction of "
    "steps whose replayed qpos equals the env's bit for bit); robosuite recomputes its torques before each "
    "of its 25 substeps, so its replay holds the last torques for the whole control step: the same model "
    "and step count on a near trajectory. FetchPickAndPlace at 20 Hz: n_substeps set to 25 after "
    "construction (the constructor fixes 20; step() and dt read the attribute). The camera run's bare "
    "baseline is physics only. Median of `repeats` repeats over the same seeds."
)


@dataclass
class LoopTimes:
    steps: int = 0
    episodes: int = 0
    env_ns: int = 0
    bare_ns: int = 0
    reset_ns: int = 0
    exact: int = 0


def log(msg: str) -> None:
    print(f"[peers {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def run_loop(reset: Callable[[int], None], step: Callable[[Any], bool], sample: Callable[[], Any],
             physics: Callable[[], tuple[Any, Any]], nstep: int, steps: int, seed: int) -> LoopTimes:
    """Drive an env for ``steps`` control steps; replay each episode as bare mj_step calls.

    ``physics`` returns the env's (MjModel, MjData) after a reset: robosuite rebuilds them at every reset.
    """
    import mujoco
    import numpy as np

    spec = mujoco.mjtState.mjSTATE_INTEGRATION
    states: list[Any] = []
    inputs: list[tuple[Any, Any, Any]] = []
    qpos: list[Any] = []
    t = LoopTimes()
    clock = time.perf_counter_ns
    while t.steps < steps:
        t0 = clock()
        reset(seed + t.episodes)
        t.reset_ns += clock() - t0
        t.episodes += 1
        model, data = physics()
        scratch = mujoco.MjData(model)
        states.clear()
        inputs.clear()
        qpos.clear()
        done = False
        while t.steps < steps and not done:
            state = np.empty(mujoco.mj_stateSize(model, spec))
            mujoco.mj_getState(model, data, state, spec)
            action = sample()
            t0 = clock()
            done = step(action)
            t.env_ns += clock() - t0
            states.append(state)
            # What the env set inside step() before stepping: ctrl, and the mocap target that drives Fetch's arm.
            inputs.append((data.ctrl.copy(), data.mocap_pos.copy(), data.mocap_quat.copy()))
            qpos.append(data.qpos.copy())
            t.steps += 1
        for state, (ctrl, mocap_pos, mocap_quat), q in zip(states, inputs, qpos, strict=True):
            mujoco.mj_setState(model, scratch, state, spec)
            scratch.ctrl[:] = ctrl
            scratch.mocap_pos[:] = mocap_pos
            scratch.mocap_quat[:] = mocap_quat
            t0 = clock()
            mujoco.mj_step(model, scratch, nstep=nstep)
            t.bare_ns += clock() - t0
            t.exact += int(np.array_equal(scratch.qpos, q))
    return t


def per_s(steps: int, ns: int) -> float:
    return round(steps / (ns * 1e-9), 1) if ns > 0 else 0.0


def summarize(runs: list[LoopTimes], **extra: Any) -> dict[str, Any]:
    ratios = [r.env_ns / r.bare_ns for r in runs]
    mid = runs[ratios.index(statistics.median_low(ratios))]
    return {
        "env_steps_per_s": per_s(mid.steps, mid.env_ns),
        "bare_physics_steps_per_s": per_s(mid.steps, mid.bare_ns),
        "ratio_env_over_bare": round(mid.env_ns / mid.bare_ns, 3),
        "env_ms_per_step": round(mid.env_ns * 1e-6 / mid.steps, 4),
        "bare_ms_per_step": round(mid.bare_ns * 1e-6 / mid.steps, 4),
        "reset_ms": round(mid.reset_ns * 1e-6 / mid.episodes, 3),
        "steps": mid.steps,
        "episodes": mid.episodes,
        "replay_exact": round(mid.exact / mid.steps, 4),
        "ratio_per_repeat": [round(x, 3) for x in ratios],
        "env_steps_per_s_per_repeat": [per_s(r.steps, r.env_ns) for r in runs],
        **extra,
    }


def bench_fetch(n_substeps: int | None, steps: int, repeats: int, seed: int) -> dict[str, Any]:
    import gymnasium as gym
    import gymnasium_robotics

    gym.register_envs(gymnasium_robotics)
    env = gym.make("FetchPickAndPlace-v4")
    u: Any = env.unwrapped
    if n_substeps is not None:
        u.n_substeps = n_substeps  # the constructor fixes 20; step() and dt read the attribute
    env.action_space.seed(seed)

    def reset(s: int) -> None:
        env.reset(seed=s)

    def step(action: Any) -> bool:
        _, _, terminated, truncated, _ = env.step(action)
        return bool(terminated or truncated)

    def loop(n: int) -> LoopTimes:
        return run_loop(reset, step, env.action_space.sample, lambda: (u.model, u.data), u.n_substeps, n, seed)

    loop(min(50, steps))
    runs = [loop(steps) for _ in range(repeats)]
    env.close()
    return summarize(runs, n_substeps=u.n_substeps, control_hz=round(1.0 / u.dt, 3),
                     physics_hz=round(1.0 / u.model.opt.timestep, 3),
                     note="native control is 25 Hz (20 substeps of 2 ms); 20 Hz is n_substeps=25")


def bench_robosuite(camera: bool, steps: int, repeats: int, seed: int) -> dict[str, Any]:
    import numpy as np
    import robosuite

    kwargs: dict[str, Any] = {
        "robots": "Panda", "has_renderer": False, "control_freq": 20, "ignore_done": False,
        "has_offscreen_renderer": camera, "use_camera_obs": camera,
    }
    if camera:
        kwargs.update(camera_names="agentview", camera_heights=128, camera_widths=128)
    env = robosuite.make("Lift", **kwargs)
    low, high = env.action_spec
    rng = np.random.default_rng(seed)
    nstep = round(env.control_timestep / env.model_timestep)

    def reset(s: int) -> None:
        env.reset()  # robosuite's reset takes no seed; the actions' rng is seeded

    def step(action: Any) -> bool:
        _, _, done, _ = env.step(action)
        return bool(done)

    def sample() -> Any:
        return rng.uniform(low, high)

    def loop(n: int) -> LoopTimes:
        return run_loop(reset, step, sample, lambda: (env.sim.model._model, env.sim.data._data), nstep, n, seed)

    loop(min(20, steps))
    runs = [loop(steps) for _ in range(repeats)]
    env.close()
    extra: dict[str, Any] = {"control_hz": env.control_freq, "n_substeps": nstep,
                             "physics_hz": round(1.0 / env.model_timestep, 3), "horizon": env.horizon}
    result = summarize(runs, **extra)
    if camera:
        result.update(camera="agentview", image_size=[128, 128], frames_per_s=result["env_steps_per_s"])
    return result


def attempt(name: str, fn: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """The measurement, or the reason it could not be made."""
    log(f"{name} ...")
    try:
        result = fn()
    except Exception as exc:  # any peer failure is a result to report
        log(f"{name} failed: {exc}")
        return {"error": f"{type(exc).__name__}: {exc}", "traceback_tail": traceback.format_exc()[-1500:]}
    log(f"{name}: {result['env_steps_per_s']} steps/s, ratio {result['ratio_env_over_bare']}")
    return result


def versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for mod in ("mujoco", "gymnasium", "gymnasium_robotics", "robosuite", "numpy"):
        try:
            out[mod] = __import__(mod).__version__
        except Exception as exc:  # report, do not fail
            out[mod] = f"unavailable: {type(exc).__name__}: {exc}"
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true")
    p.add_argument("--steps", type=int)
    p.add_argument("--repeats", type=int)
    p.add_argument("--rgb-steps", type=int)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--no-rgb", action="store_true")
    args = p.parse_args(argv)
    steps = args.steps or (300 if args.quick else 2000)
    repeats = args.repeats or (1 if args.quick else 3)
    rgb_steps = args.rgb_steps or (30 if args.quick else 300)
    seed = args.seed
    result: dict[str, Any] = {"versions": versions(), "mujoco_gl": os.environ.get("MUJOCO_GL", ""),
                              "method": METHOD, "driver": "random actions"}
    result["fetch_pick_and_place_25hz_native"] = attempt(
        "FetchPickAndPlace-v4 (25 Hz)", lambda: bench_fetch(None, steps, repeats, seed))
    result["fetch_pick_and_place_20hz"] = attempt(
        "FetchPickAndPlace-v4 (20 Hz)", lambda: bench_fetch(25, steps, repeats, seed))
    result["robosuite_lift_panda"] = attempt(
        "robosuite Lift Panda", lambda: bench_robosuite(False, steps, repeats, seed))
    if args.no_rgb:
        result["robosuite_lift_panda_rgb128"] = {"skipped": "--no-rgb"}
    else:
        result["robosuite_lift_panda_rgb128"] = attempt(
            "robosuite Lift Panda, 128x128 camera", lambda: bench_robosuite(True, rgb_steps, 1, seed))
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
