"""Optional high-fidelity robot models from MuJoCo Menagerie.

Menagerie models cannot be downloaded here, so this path only reads a local checkout named by
``MENAGERIE_ROOT`` (a folder of robot folders). The built-in models stay the default.
"""

from __future__ import annotations

import os
from pathlib import Path

import mujoco

from sim.errors import ModelUnavailableError, UnknownNameError

MENAGERIE_FILES = {
    "panda": "franka_emika_panda/panda.xml",
    "ur5e": "universal_robots_ur5e/ur5e.xml",
}


def menagerie_path(robot: str, root: str | os.PathLike[str] | None = None) -> Path:
    """The MJCF path of ``robot`` inside a Menagerie checkout, or an error saying how to get one."""
    if robot not in MENAGERIE_FILES:
        raise UnknownNameError("menagerie robot", robot, MENAGERIE_FILES)
    root = root if root is not None else os.environ.get("MENAGERIE_ROOT")
    if not root:
        raise ModelUnavailableError(
            "MuJoCo Menagerie is not available: set MENAGERIE_ROOT to a local clone of "
            "github.com/google-deepmind/mujoco_menagerie (models are not downloaded at run time), "
            "or use the built-in models (model_source='builtin')"
        )
    path = Path(root) / MENAGERIE_FILES[robot]
    if not path.is_file():
        raise ModelUnavailableError(f"{path} does not exist: MENAGERIE_ROOT={root!s} holds no {robot} model")
    return path


def load_menagerie_spec(robot: str, root: str | os.PathLike[str] | None = None) -> mujoco.MjSpec:
    """Load the Menagerie MJCF of ``robot`` as an MjSpec for inspection or high-fidelity rendering."""
    return mujoco.MjSpec.from_file(str(menagerie_path(robot, root)))
