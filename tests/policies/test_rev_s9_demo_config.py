"""REV s9 G7: RLConfig's demo_* fields reach the model build_model makes (a config field that never reaches DemoSAC
would make a bench variant run another method under its name)."""

from __future__ import annotations

from pathlib import Path

import pytest

from policies.demo_replay import DemoSAC
from policies.object_goal_env import make_object_goal_env
from policies.rl import build_model, train_seeds, vectorize
from policies.rl_config import RLConfig
from sim.datagen.config import DatagenConfig
from sim.datagen.driver import run_datagen

PUSH = "armstack/Push-v0"


@pytest.fixture(scope="module")
def push_demos(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demos") / "push_full"
    run_datagen(DatagenConfig(env_id=PUSH, robot="panda", episodes=1, workers=1, obs=("state",), cameras=(), seed=5,
                              full_episodes=True, out=str(out)), progress=False)
    return out


@pytest.mark.parametrize("fields", [{"demo_bc_filter": False, "demo_bc_weight": 1.5},
                                    {"demo_bc_weight": 3.0, "demo_pretrain_steps": 7, "demo_ratio": 0.25}])
def test_the_demo_fields_of_the_config_reach_the_model(push_demos: Path, fields: dict[str, object]) -> None:
    config = RLConfig.from_dict({"env_id": PUSH, "demos": str(push_demos), "action_mode": "full", "net_arch": [16],
                                 "batch_size": 32, "learning_starts": 150, "progress_bar": False, **fields})
    env = vectorize(lambda: make_object_goal_env(PUSH, action_mode="full"), *train_seeds(config), normalize_obs=True)
    try:
        model = build_model(config, env)
        assert isinstance(model, DemoSAC)
        assert model.bc_filter is config.demo_bc_filter and model.bc_weight == config.demo_bc_weight
        assert model.pretrain_steps == config.demo_pretrain_steps
        assert model.replay_buffer.demo_ratio == config.demo_ratio  # type: ignore[union-attr]
    finally:
        env.close()
