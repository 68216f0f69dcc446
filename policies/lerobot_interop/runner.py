"""Run ``side.py`` in LeRobot's own venv and read back its JSON.

LeRobot 0.6.1 needs Python >= 3.12 and torch < 2.12, armstack's venv is Python 3.11 with torch 2.13: the two
never share a process. ``tests/interop/make_lerobot_venv.sh`` builds the venv; ``ARMSTACK_LEROBOT_PYTHON``
points at another interpreter that has lerobot installed. The script runs by its path, so the LeRobot venv
needs nothing of armstack: what it must know of armstack's datasets (keys, action names, cameras) it is given on
its command line (``armstack_layout``), read from armstack's registries.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

from policies.errors import PolicyError

REPO = Path(__file__).resolve().parents[2]
SIDE = Path(__file__).with_name("side.py")
DEFAULT_PYTHON = REPO / ".venv-lerobot" / "bin" / "python"
LEROBOT_VERSION = "0.6.1"
_MARK = "ARMSTACK_INTEROP_JSON "


class LeRobotSideError(PolicyError):
    """The LeRobot side failed; the message carries the tail of its output."""


def lerobot_python() -> Path | None:
    """The interpreter of LeRobot's venv, or None when there is none (the interop tier then skips)."""
    given = os.environ.get("ARMSTACK_LEROBOT_PYTHON")
    path = Path(given) if given else DEFAULT_PYTHON
    return path if path.is_file() else None


def _run(program: list[str], what: str, home: Path, timeout: float, nice: int) -> subprocess.CompletedProcess[str]:
    """``program`` under nice, one thread, offline (nothing is downloaded), HF caches in ``home``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update({"HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1", "HF_HOME": str(home / "hf"),
                "HF_LEROBOT_HOME": str(home / "lerobot"), "WANDB_MODE": "disabled", "OMP_NUM_THREADS": "1",
                "MKL_NUM_THREADS": "1", "TOKENIZERS_PARALLELISM": "false"})
    try:
        proc = subprocess.run(["nice", "-n", str(nice), *program], capture_output=True, text=True, timeout=timeout,
                              env=env, check=False)
    except subprocess.TimeoutExpired as exc:
        raise LeRobotSideError(f"{what}: no result within {timeout:.0f} s") from exc
    if proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).splitlines()[-40:])
        raise LeRobotSideError(f"{what} exited {proc.returncode}:\n{tail}")
    return proc


def _python() -> Path:
    python = lerobot_python()
    if python is None:
        raise LeRobotSideError(f"no LeRobot venv at {DEFAULT_PYTHON}: run tests/interop/make_lerobot_venv.sh")
    return python


def armstack_layout() -> dict[str, Any]:
    """What ``side.py`` needs of an armstack dataset, from the registries: the state and action keys the image
    policy reads, the env's action names (``sim.dataset.env_spec.ACTION_NAMES``) and the image policy's default
    cameras' keys. Passed as ``side.py --layout``, so the script in LeRobot's venv holds no copy of them."""
    from policies.visuomotor.config import VisuomotorConfig
    from policies.visuomotor.data import ACTION_KEY, STATE_KEY
    from sim.dataset.env_spec import ACTION_NAMES
    from sim.dataset.schema import CAMERA_PREFIX

    cameras = VisuomotorConfig.cameras  # the dataclass field's default
    return {"state": STATE_KEY, "action": ACTION_KEY, "action_names": list(ACTION_NAMES),
            "cameras": [CAMERA_PREFIX + c for c in cameras]}


def run_side(args: list[str], *, home: Path, timeout: float = 900.0, nice: int = 15) -> dict[str, Any]:
    """``side.py ARGS`` in LeRobot's venv, given armstack's dataset layout; its JSON result."""
    what = f"lerobot side.py {' '.join(args)}"
    layout = ["--layout", json.dumps(armstack_layout())]
    proc = _run([str(_python()), str(SIDE), *layout, *args], what, home, timeout, nice)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith(_MARK)]
    if not lines:
        raise LeRobotSideError(f"{what} printed no result:\n" + "\n".join(proc.stdout.splitlines()[-20:]))
    result: dict[str, Any] = json.loads(lines[-1][len(_MARK):])
    return result


def run_lerobot_command(name: str, args: list[str], *, home: Path, timeout: float = 900.0, nice: int = 15) -> str:
    """LeRobot's console script ``name`` (e.g. ``lerobot-train``) with ``args``, as a researcher types it; its log."""
    script = _python().parent / name
    if not script.is_file():
        raise LeRobotSideError(f"{script}: LeRobot's venv has no command {name!r}")
    proc = _run([str(_python()), str(script), *args], f"{name} {' '.join(args)}", home, timeout, nice)
    return proc.stdout + proc.stderr
