"""The demo runs every built-in task, read from the task registry."""

from __future__ import annotations

import gymnasium as gym

from sim.demo import DEMO_TASKS
from sim.tasks import ENTRIES, ENV_IDS, TASK_NAMES


def test_the_demo_runs_every_built_in_task_by_its_registered_env_id() -> None:
    assert len(DEMO_TASKS) == len(TASK_NAMES) == 4
    assert [ENV_IDS[env_id] for env_id in DEMO_TASKS] == list(TASK_NAMES)
    assert all(env_id in gym.registry and ENTRIES[ENV_IDS[env_id]].env_id == env_id for env_id in DEMO_TASKS)
