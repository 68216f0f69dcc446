"""Reproducible RL from demos (issue 19 item 3): the same run twice gives bit-identical weights, which
policies.rl.weights_sha256 (reported at every bench evaluation point) tells apart to one ulp; and the online actor
schedule of policies.demo_replay.DemoSAC (demo_actor_lr_scale, demo_actor_burn_in)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
import torch

from policies.demo_replay import DemoSAC
from policies.errors import TrainConfigError
from policies.object_goal_env import make_object_goal_env
from policies.rl import build_model, eval_seeds, learn_with_evaluations, train_seeds, vectorize, weights_sha256
from policies.rl_config import RLConfig

PUSH = "armstack/Push-v0"


def _frame_row(demos: Path, **fields: Any) -> RLConfig:
    """bench/rl_tasks.py's frame row (rlpd_bc_pre_nofilter_noact_frame) shrunk: a 16-unit net, 30 pretraining
    updates, 140 random steps, then online updates."""
    return RLConfig.from_dict({"env_id": PUSH, "demos": str(demos), "action_mode": "full", "net_arch": [16],
                               "batch_size": 32, "learning_starts": 140, "progress_bar": False, "observe_actions": 0,
                               "goal_frame": True, "demo_ratio": 0.5, "demo_bc_weight": 10.0, "demo_bc_filter": False,
                               "demo_pretrain_steps": 30, **fields})


def _env(config: RLConfig, seeds: tuple[int, int], training: bool = True) -> Any:
    return vectorize(lambda: make_object_goal_env(PUSH, action_mode="full", observe_actions=0, goal_frame=True),
                     *seeds, normalize_obs=True, training=training)


def _run(config: RLConfig) -> tuple[list[dict[str, Any]], dict[str, torch.Tensor]]:
    """The bench's loop: the clone (step 1) and 40 online updates later (step 180), one held-out episode each."""
    train_env, eval_env = _env(config, train_seeds(config)), _env(config, eval_seeds(config), training=False)
    try:
        model = build_model(config, train_env)
        curve = learn_with_evaluations(model, eval_env, [1, 180], 1)
        return curve, {k: v.clone() for k, v in model.policy.state_dict().items()}
    finally:
        train_env.close()
        eval_env.close()


def test_the_same_demo_run_twice_gives_bit_identical_weights(push_demos: Path) -> None:
    first, second = _run(_frame_row(push_demos)), _run(_frame_row(push_demos))
    other = _run(_frame_row(push_demos, seed=1))
    assert first[1].keys() == second[1].keys()
    assert all(torch.equal(first[1][k], second[1][k]) for k in first[1])
    assert [p["weights_sha256"] for p in first[0]] == [p["weights_sha256"] for p in second[0]]
    assert [p["env_steps"] for p in first[0]] == [1, 180]
    clone, online = (p["weights_sha256"] for p in first[0])
    assert clone != online  # the online updates moved the weights, and the digest saw it
    # another training seed: other weights at both points, so equal digests above are not a constant
    assert all(p["weights_sha256"] != q["weights_sha256"] for p, q in zip(first[0], other[0], strict=True))


def test_the_weights_digest_sees_one_ulp_of_any_weight_and_the_normaliser(push_demos: Path) -> None:
    config = _frame_row(push_demos)
    env = _env(config, train_seeds(config))
    try:
        model = build_model(config, env)
        digest = weights_sha256(model)
        for name, tensor in model.policy.state_dict().items():  # actor, critic and target critic alike
            with torch.no_grad():
                was = tensor.view(-1)[0].item()
                tensor.view(-1)[0] = float(np.nextafter(np.float32(was), np.float32(np.inf)))
                assert weights_sha256(model) != digest, name
                tensor.view(-1)[0] = was
        assert weights_sha256(model) == digest
        with torch.no_grad():
            model.log_ent_coef += 1e-3
        assert weights_sha256(model) != digest
        with torch.no_grad():
            model.log_ent_coef -= 1e-3
        stats = model.get_vec_normalize_env().obs_rms["observation"]
        stats.count += 1.0
        assert weights_sha256(model) != digest
    finally:
        env.close()


def test_the_online_actor_runs_at_its_scaled_rate_and_stays_still_through_the_burn_in(push_demos: Path) -> None:
    """Pretraining at SAC's rate; online, the actor's updates at 0 before demo_actor_burn_in env steps and at
    demo_actor_lr_scale x SAC's rate after; the critic's at SAC's rate throughout. Through the burn-in the actor's
    weights do not move while the critic's do."""
    config = _frame_row(push_demos, demo_actor_lr_scale=0.5, demo_actor_burn_in=150)
    env = _env(config, train_seeds(config))
    try:
        model = build_model(config, env)
        assert isinstance(model, DemoSAC) and (model.actor_lr_scale, model.actor_burn_in) == (0.5, 150)
        rates: dict[str, list[float]] = {"actor": [], "critic": []}
        for name, optimizer in (("actor", model.actor.optimizer), ("critic", model.critic.optimizer)):
            optimizer.register_step_pre_hook(lambda opt, *_, seen=rates[name]: seen.append(opt.param_groups[0]["lr"]))
        model.learn(total_timesteps=1)  # pretrains; one random env step
        actor = {k: v.clone() for k, v in model.actor.state_dict().items()}
        critic = {k: v.clone() for k, v in model.critic.state_dict().items()}
        model.learn(total_timesteps=148, reset_num_timesteps=False)  # online updates after env steps 141..149
        assert all(torch.equal(actor[k], v) for k, v in model.actor.state_dict().items())
        assert not all(torch.equal(critic[k], v) for k, v in model.critic.state_dict().items())
        model.learn(total_timesteps=11, reset_num_timesteps=False)  # ... after env steps 150..160
        assert not all(torch.equal(actor[k], v) for k, v in model.actor.state_dict().items())
        lr = config.learning_rate
        assert rates["actor"] == pytest.approx([lr] * 30 + [0.0] * 9 + [0.5 * lr] * 11, rel=1e-12)
        assert rates["critic"] == pytest.approx([lr] * 50, rel=1e-12)
    finally:
        env.close()


def test_the_actor_schedule_is_refused_where_it_cannot_apply(push_demos: Path) -> None:
    for field, value in (("demo_actor_lr_scale", 0.1), ("demo_actor_burn_in", 2_500)):
        with pytest.raises(TrainConfigError, match=rf"{field}: for a run with demos only"):
            RLConfig(env_id=PUSH, **{field: value})  # type: ignore[arg-type]
    for bad in (0.0, -0.1, 1.5, True, "0.1", float("nan")):
        with pytest.raises(TrainConfigError, match=r"demo_actor_lr_scale must be in \(0, 1\]"):
            _frame_row(push_demos, demo_actor_lr_scale=bad)
    for bad in (-1, 2.5, True, "10"):
        with pytest.raises(TrainConfigError, match="demo_actor_burn_in must be a whole number of env steps"):
            _frame_row(push_demos, demo_actor_burn_in=bad)
    assert _frame_row(push_demos).to_dict()["demo_actor_lr_scale"] == 1.0  # the default leaves the actor at SAC's rate
