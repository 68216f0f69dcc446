"""Interop with LeRobot's own code, which runs in its own venv (lerobot 0.6.1 needs Python >= 3.12, torch < 2.12).

``run_side`` runs ``side.py`` (LeRobot's reader, writer and training loop) in that venv and returns its JSON,
``run_lerobot_command`` one of LeRobot's own commands (``lerobot-train ...``) and returns its log;
``lerobot_python`` finds the venv (``.venv-lerobot``, built by ``tests/interop/make_lerobot_venv.sh``, or
``ARMSTACK_LEROBOT_PYTHON``). Used by the interop test tier and ``bench/lerobot_interop.py``.
"""

from policies.lerobot_interop.runner import (
    LEROBOT_VERSION,
    LeRobotSideError,
    lerobot_python,
    run_lerobot_command,
    run_side,
)

__all__ = ["LEROBOT_VERSION", "LeRobotSideError", "lerobot_python", "run_lerobot_command", "run_side"]
