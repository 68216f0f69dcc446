"""The interop tier: checks against LeRobot's own code, run in its own venv (see test_lerobot_interop.py)."""

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "lerobot: interop with LeRobot's own code in .venv-lerobot (optional tier)")
