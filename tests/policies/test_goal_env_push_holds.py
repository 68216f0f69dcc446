"""Goal-conditioned Push judges success at the episode's last step: what a BC base for residual RL must learn.

The goal env never ends an episode on success (HER), and the bench reads ``info["is_success"]`` at the last of
the task's 140 steps. The shipped BC policy was cloned from datagen episodes that stop at the first success: it
reaches the pad in 39 of 40 held-out episodes but holds the cube there at step 140 in 11 (it goes on pushing).
The scripted expert's own episodes, run to the end, hold it (it retreats once the cube is on the pad), so a base
cloned from such full episodes holds it too (bench/rl_tasks.py ``--base-policy``; issue 19 notes).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from bench import rl_tasks
from policies.goal_env import make_goal_env


@pytest.mark.parametrize("seed", [0, 1])
def test_the_scripted_push_expert_holds_the_cube_to_the_last_step_of_a_goal_env_episode(seed: int) -> None:
    env = make_goal_env("armstack/Push-v0", action_mode="full")
    base: Any = env.unwrapped
    env.reset(seed=seed)
    expert = base.expert()
    successes: list[bool] = []
    truncated = False
    while not truncated:
        _, reward, terminated, truncated, info = env.step(expert.act().astype(np.float32))
        assert not terminated
        successes.append(bool(info["is_success"]))
    assert len(successes) == base.max_steps == 140
    first = successes.index(True)
    assert first < 100  # reached well before the end ...
    assert successes[-1] and reward == 0.0  # ... and still on the pad, resting, at the last step
    assert expert.phase == "retreat"  # what the expert does after it: lift the closed fingers away


def test_a_base_policy_folder_reaches_the_residual_config_and_a_missing_one_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from policies.rl_config import PRETRAINED_BASE

    config_json = {"steps": 400, "eval_every": 400, "eval_episodes": 1}
    shipped = rl_tasks.residual_config("armstack_push_bc_residual", config_json, "recipe")
    assert shipped.base_policy == PRETRAINED_BASE
    chosen = rl_tasks.residual_config("armstack_push_bc_residual", config_json, "recipe", str(tmp_path))
    assert chosen.base_policy == str(tmp_path)
    missing = tmp_path / "no_such_checkpoint"
    assert rl_tasks.main(["--pairs", "residual_push", "--base-policy", str(missing)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "no_such_checkpoint" in err and "not a checkpoint folder" in err
    assert not missing.exists()
