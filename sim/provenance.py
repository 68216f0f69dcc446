"""What a rollout needs to be reproduced: versions, a hash of the compiled model, configs, seeds."""

from __future__ import annotations

import hashlib
import subprocess
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import mujoco
import numpy as np


def model_sha256(model: mujoco.MjModel) -> str:
    """SHA-256 of the compiled model's binary form (MJB): changes with any parameter or MuJoCo layout."""
    buf = np.zeros(mujoco.mj_sizeModel(model), dtype=np.uint8)
    mujoco.mj_saveModel(model, None, buf)
    return hashlib.sha256(buf.tobytes()).hexdigest()


@lru_cache(maxsize=1)
def armstack_version() -> str:
    try:
        return metadata.version("armstack")
    except metadata.PackageNotFoundError:
        return "0+unknown"


@lru_cache(maxsize=1)
def git_commit() -> str:
    """The commit of the source tree, or 'unknown' outside a git checkout."""
    try:
        out = subprocess.run(["git", "rev-parse", "HEAD"], cwd=Path(__file__).resolve().parent,
                             capture_output=True, text=True, timeout=5, check=True)
        return out.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def versions() -> dict[str, str]:
    import gymnasium

    return {"mujoco": mujoco.__version__, "gymnasium": gymnasium.__version__, "numpy": np.__version__,
            "armstack": armstack_version()}
