"""The env's action names: sim.dataset.env_spec.ACTION_NAMES is the one table; policies.action_modes keeps a copy
because it must stay free of the simulator's imports (the RL config module reads it)."""

from __future__ import annotations

import subprocess
import sys


def test_action_modes_names_are_the_dataset_contracts() -> None:
    from policies.action_modes import ENV_ACTION_NAMES
    from sim.dataset.env_spec import ACTION_NAMES

    assert ENV_ACTION_NAMES == ACTION_NAMES


def test_action_modes_imports_no_simulator() -> None:
    code = "import sys, policies.action_modes; print('mujoco' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "False"
