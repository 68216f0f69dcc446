"""Stable-Baselines3-ready views of the armstack envs: every observation a numpy array, nothing to configure.

SB3's ``MultiInputPolicy`` takes a Dict of Box and Discrete spaces; the env's ``instruction`` is a Gymnasium
``Text`` and its ``object_poses`` a 2-d Box. ``SB3Observation`` turns the instruction into a fixed-length
array of character codes (0 pads; 1.. index ``sim.env.INSTRUCTION_CHARSET``), flattens the cube poses and
hands every Box out as float32. Each registered task also has an ``armstack/<Name>-SB3-v0`` id built this
way (``sb3_env_id``), so ``SAC("MultiInputPolicy", gym.make("armstack/Reach-SB3-v0"))`` trains unchanged.
"""

from __future__ import annotations

from typing import Any

import gymnasium as gym
import numpy as np
from gymnasium import spaces

from sim.env import INSTRUCTION_CHARSET, MAX_INSTRUCTION
from sim.tasks.registry import sb3_env_id

_CODES = {c: i + 1 for i, c in enumerate(INSTRUCTION_CHARSET)}


def encode_instruction(text: str, length: int = MAX_INSTRUCTION) -> np.ndarray:
    """Character codes of ``text`` (1.. in ``INSTRUCTION_CHARSET`` order), zero-padded to ``length``."""
    out = np.zeros(length, np.uint8)
    codes = [_CODES[c] for c in text[:length] if c in _CODES]
    out[: len(codes)] = codes
    return out


def decode_instruction(codes: np.ndarray) -> str:
    return "".join(INSTRUCTION_CHARSET[int(c) - 1] for c in np.asarray(codes).reshape(-1) if int(c) > 0)


class SB3Observation(gym.ObservationWrapper[dict[str, Any], np.ndarray, dict[str, Any]],
                     gym.utils.RecordConstructorArgs):
    """Instruction as character codes (Box uint8), cube poses flat, every other Box float32; Discrete ids kept."""

    def __init__(self, env: gym.Env[dict[str, Any], np.ndarray]) -> None:
        gym.utils.RecordConstructorArgs.__init__(self)
        gym.ObservationWrapper.__init__(self, env)
        source = env.observation_space
        assert isinstance(source, spaces.Dict)
        out: dict[str, spaces.Space[Any]] = {}
        for key, space in source.spaces.items():
            if isinstance(space, spaces.Text):
                out[key] = spaces.Box(0, len(INSTRUCTION_CHARSET), (MAX_INSTRUCTION,), np.uint8)
            elif isinstance(space, spaces.Box) and space.dtype != np.uint8:
                out[key] = spaces.Box(-np.inf, np.inf, (int(np.prod(space.shape)),), np.float32)
            else:
                out[key] = space
        self.observation_space = spaces.Dict(out)

    def observation(self, observation: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        assert isinstance(self.observation_space, spaces.Dict)
        for key, space in self.observation_space.spaces.items():
            value = observation[key]
            if key == "instruction":
                out[key] = encode_instruction(value)
            elif isinstance(space, spaces.Box) and space.dtype == np.float32:
                out[key] = np.asarray(value, np.float32).reshape(-1)
            else:
                out[key] = value
        return out


__all__ = ["SB3Observation", "decode_instruction", "encode_instruction", "make_sb3_env", "sb3_env_id"]


def make_sb3_env(env_id: str, **kwargs: Any) -> SB3Observation:
    """Gymnasium entry point of the ``-SB3-`` ids: the armstack env ``env_id`` wrapped in ``SB3Observation``."""
    import sim  # noqa: F401 - registers the armstack ids (in a vector env's worker too)

    return SB3Observation(gym.make(env_id, disable_env_checker=True, **kwargs))
