"""`armstack render`: scripted-expert rollouts rendered offscreen to one mp4."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import gymnasium as gym
import numpy as np

from sim.env import TabletopEnv
from sim.errors import ConfigError, UnknownNameError
from sim.render import prepare_output_file, write_video
from sim.rollout import run_episode


def caption(frame: np.ndarray, text: str) -> np.ndarray:
    """Draw ``text`` on a dark band at the bottom of ``frame`` (OpenCV's Hershey font)."""
    import cv2

    out = frame.copy()
    h, w = out.shape[:2]
    band = max(18, h // 14)
    out[h - band :] = (0.35 * out[h - band :]).astype(np.uint8)
    scale = band / 30.0
    (tw, _), _ = cv2.getTextSize(text, cv2.FONT_HERSHEY_SIMPLEX, scale, 1)
    scale *= min(1.0, (w - 12) / max(tw, 1))  # shrink long instructions to fit the width
    cv2.putText(out, text, (6, h - band // 3), cv2.FONT_HERSHEY_SIMPLEX, scale, (255, 255, 255), 1, cv2.LINE_AA)
    return out


def make_env(env_id: str, **kwargs: Any) -> TabletopEnv:
    import sim

    if env_id not in sim.ENV_IDS:
        raise UnknownNameError("env id", env_id, sim.ENV_IDS)
    env = gym.make(env_id, **kwargs)
    return env.unwrapped  # type: ignore[return-value]


def render_rollouts(env_id: str, robot: str, episodes: int, out: Path, seed: int = 0,
                    randomization: str = "default", size: tuple[int, int] = (480, 360),
                    camera: str = "front") -> dict[str, Any]:
    """Render ``episodes`` expert episodes one after another into ``out``; returns a summary."""
    if episodes < 1:
        raise ConfigError(f"episodes must be >= 1, got {episodes}")
    prepare_output_file(out, "--out")
    env = make_env(env_id, robot=robot, randomization=randomization, render_mode="rgb_array",
                   render_camera=camera, render_size=size)
    frames: list[np.ndarray] = []
    results = []
    try:
        for k in range(episodes):
            result = run_episode(env, seed + k, render=True)
            label = f"{result.instruction}  [{'success' if result.success else 'fail'}]"
            frames.extend(caption(f, label) for f in result.frames)
            frames.extend([frames[-1]] * 10)  # hold the last frame half a second
            results.append({"seed": seed + k, "task": result.task, "instruction": result.instruction,
                            "success": result.success, "steps": result.steps})
    finally:
        env.close()
    write_video(out, frames, fps=env.control_hz)
    return {"video": str(out), "episodes": results,
            "success_rate": float(np.mean([r["success"] for r in results]))}
