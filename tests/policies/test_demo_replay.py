"""SAC+HER from demonstrations (policies.demo_replay): real datagen episodes read back and replayed in the goal env,
the mixed batches, the Q-filtered BC term, the config's refusals and a resumed run."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import numpy as np
import pytest
import torch

from policies.demo_replay import DemoHerReplayBuffer, DemoSAC, load_demo_transitions
from policies.errors import TrainConfigError
from policies.object_goal_env import make_object_goal_env
from policies.rl import build_model, train_rl, train_seeds, vectorize
from policies.rl_config import RLConfig

PUSH = "armstack/Push-v0"


# push_demos (tests/policies/conftest.py): two expert Push episodes run to max_steps


def _config(demos: Path, **fields: object) -> RLConfig:
    base = {"env_id": PUSH, "demos": str(demos), "action_mode": "full", "net_arch": [16], "batch_size": 32,
            "learning_starts": 150, "eval_every": 100_000, "eval_episodes": 1, "progress_bar": False,
            "observe_actions": 2}  # the envs below are make_object_goal_env's default
    return RLConfig.from_dict({**base, **fields})


# 0: bench/rl_tasks.py's rlpd_bc_pre_nofilter_noact; goal_frame: its _frame variant (the task frame of the BC policies)
@pytest.mark.parametrize(("observe_actions", "goal_frame"), [(2, False), (0, False), (0, True)])
def test_a_demo_transition_replayed_in_the_goal_env_gives_the_logged_next_observation(push_demos: Path,
                                                                                     observe_actions: int,
                                                                                     goal_frame: bool) -> None:
    env = make_object_goal_env(PUSH, action_mode="full", observe_actions=observe_actions, goal_frame=goal_frame)
    demos = load_demo_transitions(push_demos, env, robot="panda", randomization="default")
    n_arm = (demos.observations["observation"].shape[1] - 20 - 5 * observe_actions - 12 * goal_frame) // 2
    assert n_arm == 7  # the Panda's joints: the width holds exactly observe_actions past 5-d actions
    assert len(demos.episode_seeds) == 2 and len(demos) == demos.source["transitions"]
    assert demos.source["content_sha256"]
    for episode, seed in enumerate(demos.episode_seeds):
        first = int(demos.episode_starts[episode])
        last = int(demos.episode_starts[episode + 1]) if episode + 1 < len(demos.episode_seeds) else len(demos)
        obs, _ = env.reset(seed=seed)
        for key in obs:
            np.testing.assert_allclose(obs[key], demos.observations[key][first], atol=1e-6)
        for row in range(first, last):
            obs, reward, *_ = env.step(demos.actions[row])
            for key in obs:  # velocities and past actions included: the observation the env itself builds
                np.testing.assert_allclose(obs[key], demos.next_observations[key][row], atol=1e-6, err_msg=key)
            assert reward == demos.rewards[row]
    assert (demos.rewards == 0.0).any() and (demos.rewards == -1.0).any()  # the expert reaches the pad
    env.close()


def test_demos_that_do_not_fit_the_run_are_refused_in_one_line(push_demos: Path, tmp_path: Path) -> None:
    xyz = make_object_goal_env(PUSH)  # holds dyaw at 0; the Push expert turns the wrist
    with pytest.raises(TrainConfigError, match=r"dyaw .*action_mode 'xyz' holds at 0.*\(full\)"):
        load_demo_transitions(push_demos, xyz, robot="panda", randomization="default")
    xyz.close()
    env = make_object_goal_env(PUSH, action_mode="full")
    with pytest.raises(TrainConfigError, match="randomization 'default', the run has 'strong'"):
        load_demo_transitions(push_demos, env, robot="panda", randomization="strong")
    with pytest.raises(TrainConfigError, match=r"no readable manifest\.json"):
        load_demo_transitions(tmp_path, env, robot="panda", randomization="default")
    env.close()
    with pytest.raises(TrainConfigError, match=r"demo_ratio.*set demos"):
        RLConfig(env_id=PUSH, demo_ratio=0.25)
    with pytest.raises(TrainConfigError, match="sac, her and the sparse reward"):
        _config(push_demos, her=False)
    with pytest.raises(TrainConfigError, match="residual run"):
        _config(push_demos, base_policy="pretrained", action_mode=None)
    with pytest.raises(TrainConfigError, match=r"demo_ratio must be in \(0, 1\)"):
        _config(push_demos, demo_ratio=1.0)
    with pytest.raises(TrainConfigError, match="demos need one of"):
        _config(push_demos, env_id="armstack/Reach-v0", action_mode=None)
    with pytest.raises(TrainConfigError, match="is not a folder"):  # checked when a new run builds its model
        build_model(_config(tmp_path / "nosuch"), None)
    with pytest.raises(TrainConfigError, match="demo_pretrain_steps needs demo_bc_weight > 0"):
        _config(push_demos, demo_pretrain_steps=100)
    with pytest.raises(TrainConfigError, match=r"demo_pretrain_steps must be a whole number in 0\.\.1000000"):
        _config(push_demos, demo_pretrain_steps=-1, demo_bc_weight=1.0)
    with pytest.raises(TrainConfigError, match=r"demo_pretrain_steps: for a run with demos only"):
        RLConfig(env_id=PUSH, demo_pretrain_steps=10)
    with pytest.raises(TrainConfigError, match=r"demo_bc_filter: for a run with demos only"):
        RLConfig(env_id=PUSH, demo_bc_filter=False)
    with pytest.raises(TrainConfigError, match=r"demo_bc_filter must be true or false"):
        _config(push_demos, demo_bc_filter="no")
    with pytest.raises(TrainConfigError, match=r"demo_bc_decay_steps: for a run with demos only"):
        RLConfig(env_id=PUSH, demo_bc_decay_steps=1_000)
    with pytest.raises(TrainConfigError, match="demo_bc_decay_steps needs demo_bc_weight > 0"):
        _config(push_demos, demo_bc_decay_steps=1_000)
    for bad in (-1, 2.5, True, "1000"):
        with pytest.raises(TrainConfigError, match=r"demo_bc_decay_steps must be a whole number of env steps"):
            _config(push_demos, demo_bc_weight=1.0, demo_bc_decay_steps=bad)


@pytest.mark.parametrize("fields", [{"demo_bc_filter": False, "demo_bc_weight": 1.5},
                                    {"demo_bc_weight": 3.0, "demo_pretrain_steps": 7, "demo_ratio": 0.25},
                                    {"demo_bc_weight": 2.0, "demo_bc_decay_steps": 500},
                                    {"demo_bc_weight": 2.0, "demo_bc_noise": 0.05, "demo_pretrain_steps": 7,
                                     "demo_pretrain_anneal": True}])
def test_the_demo_fields_of_the_config_reach_the_model(push_demos: Path, fields: dict[str, object]) -> None:
    # a field that never reached DemoSAC would make a bench variant run another method under its name (REV s9 G7)
    config = _config(push_demos, **fields)
    env = vectorize(lambda: make_object_goal_env(PUSH, action_mode="full"), *train_seeds(config), normalize_obs=True)
    try:
        model = build_model(config, env)
        assert isinstance(model, DemoSAC)
        assert model.bc_filter is config.demo_bc_filter and model.bc_weight == config.demo_bc_weight
        assert model.pretrain_steps == config.demo_pretrain_steps
        assert model.bc_decay_steps == config.demo_bc_decay_steps
        assert model.bc_noise == config.demo_bc_noise and model.pretrain_anneal is config.demo_pretrain_anneal
        assert model.replay_buffer.demo_ratio == config.demo_ratio  # type: ignore[union-attr]
    finally:
        env.close()


def test_the_bc_weight_falls_linearly_over_the_decay_steps_and_scales_the_bc_gradient(push_demos: Path) -> None:
    config = _config(push_demos, demo_bc_weight=4.0, demo_bc_filter=False, demo_bc_decay_steps=1_000)
    env = vectorize(lambda: make_object_goal_env(PUSH, action_mode="full"), *train_seeds(config), normalize_obs=True)
    try:
        model = build_model(config, env)
        assert isinstance(model, DemoSAC) and isinstance(model.replay_buffer, DemoHerReplayBuffer)
        model.learn(total_timesteps=1)  # sets up the logger the BC term records to; below learning_starts
        model.replay_buffer.demo_only = True
        model.replay_buffer.sample(16, model.get_vec_normalize_env())  # the demo rows the BC term reads
        model.replay_buffer.demo_only = False

        def bc_gradient(env_steps: int, pretraining: bool = False) -> torch.Tensor:
            model.num_timesteps, model.pretraining = env_steps, pretraining
            model.actor.optimizer.zero_grad(set_to_none=False)
            model._add_bc(None, None, None)
            model.pretraining = False
            return torch.cat([p.grad.flatten().clone() for p in model.actor.parameters() if p.grad is not None])

        weights = {}
        for steps in (0, 250, 500, 1_000, 5_000):
            model.num_timesteps = steps
            weights[steps] = model.bc_weight_now()
        assert weights == {0: 4.0, 250: 3.0, 500: 2.0, 1_000: 0.0, 5_000: 0.0}
        full = bc_gradient(0)
        assert full.abs().sum() > 0
        torch.testing.assert_close(bc_gradient(750), 0.25 * full)  # one loss, scaled by the weight of the step
        assert bc_gradient(1_000).abs().sum() == 0  # decayed out: no BC gradient at all
        torch.testing.assert_close(bc_gradient(5_000, pretraining=True), full)  # pretraining keeps it whole
    finally:
        env.close()


def test_a_resumed_run_goes_on_with_the_bc_weight_schedule(push_demos: Path, tmp_path: Path) -> None:
    """REV s10 R3: the schedule and the step count it reads travel with the saved model (train_rl resumes with
    reset_num_timesteps=False), so a run killed half-way resumes at half the weight, not at the whole."""
    config = _config(push_demos, demo_bc_weight=4.0, demo_bc_filter=False, demo_bc_decay_steps=1_000)
    env = vectorize(lambda: make_object_goal_env(PUSH, action_mode="full"), *train_seeds(config), normalize_obs=True)
    try:
        model = build_model(config, env)
        model.learn(total_timesteps=1)
        model.num_timesteps = 500  # as a run killed at its resume point half-way through the decay
        assert model.bc_weight_now() == 2.0
        model.save(tmp_path / "model.zip")
        model.save_replay_buffer(tmp_path / "buffer.pkl")
        loaded = DemoSAC.load(tmp_path / "model.zip", env=env)  # as train_rl's _load_resume_point
        loaded.load_replay_buffer(tmp_path / "buffer.pkl")
        assert loaded.bc_decay_steps == 1_000 and loaded.bc_weight == 4.0 and not loaded.pretraining
        assert loaded.num_timesteps == 500 and loaded.bc_weight_now() == 2.0
        loaded.learn(total_timesteps=1, reset_num_timesteps=False)  # as train_rl's resume: the count goes on
        assert loaded.num_timesteps == 501 and loaded.bc_weight_now() == pytest.approx(4.0 * (1 - 501 / 1_000))
        loaded.learn(total_timesteps=1)  # a fresh count (a new run) would start the schedule over
        assert loaded.num_timesteps == 1 and loaded.bc_weight_now() == pytest.approx(4.0 * (1 - 1 / 1_000))
    finally:
        env.close()



def test_bc_noise_and_the_pretraining_anneal_are_refused_where_they_cannot_apply(push_demos: Path) -> None:
    for field, value in (("demo_bc_noise", 0.05), ("demo_pretrain_anneal", True)):
        with pytest.raises(TrainConfigError, match=rf"{field}: for a run with demos only"):
            RLConfig(env_id=PUSH, **{field: value})  # type: ignore[arg-type]
    with pytest.raises(TrainConfigError, match="demo_bc_noise needs demo_bc_weight > 0"):
        _config(push_demos, demo_bc_noise=0.05)
    for bad in (-0.1, 1.5, True, "0.05", float("nan")):
        with pytest.raises(TrainConfigError, match=r"demo_bc_noise must be in \[0, 1\]"):
            _config(push_demos, demo_bc_weight=1.0, demo_bc_noise=bad)
    with pytest.raises(TrainConfigError, match="demo_pretrain_anneal needs demo_pretrain_steps > 0"):
        _config(push_demos, demo_bc_weight=1.0, demo_pretrain_anneal=True)
    with pytest.raises(TrainConfigError, match="demo_pretrain_anneal must be true or false"):
        _config(push_demos, demo_bc_weight=1.0, demo_pretrain_steps=5, demo_pretrain_anneal="yes")


def test_bc_noise_perturbs_only_the_bc_terms_inputs(push_demos: Path) -> None:
    """demo_bc_noise (the BC policies' feature noise, session 14): the BC gradient is taken on noisy copies of the
    demo rows' normalised observations; the rows themselves (which the critic also learns from) stay as sampled."""
    config = _config(push_demos, demo_bc_weight=4.0, demo_bc_filter=False, demo_bc_noise=0.05)
    env = vectorize(lambda: make_object_goal_env(PUSH, action_mode="full"), *train_seeds(config), normalize_obs=True)
    try:
        model = build_model(config, env)
        assert isinstance(model, DemoSAC) and isinstance(model.replay_buffer, DemoHerReplayBuffer)
        model.learn(total_timesteps=1)  # the logger the BC term records to; below learning_starts
        model.replay_buffer.demo_only = True
        model.replay_buffer.sample(16, model.get_vec_normalize_env())
        model.replay_buffer.demo_only = False
        assert model.replay_buffer.last_demo is not None
        sampled = {k: v.clone() for k, v in model.replay_buffer.last_demo[0].items()}

        def bc_gradient(noise: float, seed: int) -> torch.Tensor:
            model.bc_noise = noise
            torch.manual_seed(seed)
            model.actor.optimizer.zero_grad(set_to_none=False)
            model._add_bc(None, None, None)
            return torch.cat([p.grad.flatten().clone() for p in model.actor.parameters() if p.grad is not None])

        clean = bc_gradient(0.0, 0)
        torch.testing.assert_close(bc_gradient(0.0, 1), clean)  # no noise: no randomness in the term
        noisy, again, other = bc_gradient(0.05, 0), bc_gradient(0.05, 0), bc_gradient(0.05, 1)
        torch.testing.assert_close(noisy, again)  # the seeded torch generator draws it: runs repeat
        assert not torch.allclose(noisy, clean) and not torch.allclose(noisy, other)
        # small noise, a small change: the gradient still points where the clean one does
        assert float(torch.nn.functional.cosine_similarity(noisy, clean, dim=0)) > 0.9
        for key, value in model.replay_buffer.last_demo[0].items():
            assert torch.equal(value, sampled[key]), key
    finally:
        env.close()


def test_with_bc_noise_the_q_filter_judges_the_clean_rows(push_demos: Path) -> None:
    """REV s14 R11: the Q-filter keeps a demo row where the critic prefers the demo action to the actor's own, both
    judged on the clean row; the noise reaches the BC gradient only. Read row by row (the kept count of a one-row
    batch), the rows kept with a large noise are those kept without it, whatever the noise draws."""
    config = _config(push_demos, demo_bc_weight=4.0, demo_bc_noise=1.0)  # demo_bc_filter: True by default
    env = vectorize(lambda: make_object_goal_env(PUSH, action_mode="full"), *train_seeds(config), normalize_obs=True)
    try:
        model = build_model(config, env)
        assert isinstance(model, DemoSAC) and isinstance(model.replay_buffer, DemoHerReplayBuffer)
        assert model.bc_filter and not model.pretraining
        model.learn(total_timesteps=1)  # the logger the BC term records to; below learning_starts
        model.replay_buffer.demo_only = True
        model.replay_buffer.sample(96, model.get_vec_normalize_env())
        model.replay_buffer.demo_only = False
        assert model.replay_buffer.last_demo is not None
        obs, actions = model.replay_buffer.last_demo

        def kept_rows(noise: float, seed: int) -> list[int]:
            model.bc_noise = noise
            torch.manual_seed(seed)
            kept = []
            for row in range(actions.shape[0]):
                model.replay_buffer.last_demo = ({k: v[row:row + 1] for k, v in obs.items()}, actions[row:row + 1])
                before = model.bc_kept_rows
                model._add_bc(None, None, None)
                kept.append(model.bc_kept_rows - before)
            return kept

        clean = kept_rows(0.0, 0)
        assert 0 < sum(clean) < len(clean)  # the filter drops some rows and keeps others: the test can tell
        for seed in (0, 1, 2):
            assert kept_rows(1.0, seed) == clean, seed
    finally:
        env.close()


def test_an_annealed_pretraining_lowers_the_learning_rate_linearly_to_zero(push_demos: Path) -> None:
    """demo_pretrain_anneal: every pretraining update of the actor, the critic and the entropy coefficient runs at
    learning_rate x (1 - updates done / pretrain_steps) in chunks of PRETRAIN_ANNEAL_CHUNK; online ones at the full
    rate; without it every update runs at learning_rate."""
    from policies.demo_replay import PRETRAIN_ANNEAL_CHUNK

    steps = 4 * PRETRAIN_ANNEAL_CHUNK
    for anneal in (True, False):
        config = _config(push_demos, demo_bc_weight=2.0, demo_pretrain_steps=steps, demo_pretrain_anneal=anneal,
                         learning_starts=140)
        env = vectorize(lambda: make_object_goal_env(PUSH, action_mode="full"), *train_seeds(config),
                        normalize_obs=True)
        try:
            model = build_model(config, env)
            assert isinstance(model, DemoSAC)
            rates: dict[str, list[float]] = {"actor": [], "critic": [], "entropy": []}
            for name, optimizer in (("actor", model.actor.optimizer), ("critic", model.critic.optimizer),
                                    ("entropy", model.ent_coef_optimizer)):
                optimizer.register_step_pre_hook(
                    lambda opt, *_, seen=rates[name]: seen.append(opt.param_groups[0]["lr"]))
            model.learn(total_timesteps=142)  # pretrains, then 140 random steps and 2 online updates
            assert model.pretrained_steps == steps and model._n_updates == steps + 2
            lr = config.learning_rate
            expected = [lr * (1 - k // PRETRAIN_ANNEAL_CHUNK * PRETRAIN_ANNEAL_CHUNK / steps) if anneal else lr
                        for k in range(steps)] + [lr, lr]
            for name, seen in rates.items():
                assert seen == pytest.approx(expected, rel=1e-9), name
        finally:
            env.close()


@pytest.mark.slow
def test_batches_mix_demos_and_the_bc_term_pulls_the_actor_to_them(push_demos: Path) -> None:
    config = _config(push_demos, demo_ratio=0.25, demo_bc_weight=100.0, steps=300)
    env = vectorize(lambda: make_object_goal_env(PUSH, action_mode="full"), *train_seeds(config), normalize_obs=True)
    model = build_model(config, env)
    buffer = model.replay_buffer
    assert isinstance(model, DemoSAC) and isinstance(buffer, DemoHerReplayBuffer)
    demos = buffer.demos
    assert demos is not None

    def bc_error() -> float:
        obs = buffer._normalize_obs(dict(demos.observations), model.get_vec_normalize_env())
        with torch.no_grad():
            mean, _, _ = model.actor.get_action_dist_params(model.policy.obs_to_tensor(obs)[0])
        return float((torch.tanh(mean) - torch.as_tensor(demos.actions)).pow(2).sum(dim=1).mean())

    model.learn(total_timesteps=config.learning_starts)
    before = bc_error()
    model.learn(total_timesteps=150, reset_num_timesteps=False)
    after = bc_error()
    # SAC alone halves it in these 150 updates (3.9 -> 2.0 on the 400-episode set); the BC term takes it to 0.75.
    assert after < 0.3 * before, (before, after)
    assert 0 < model.bc_kept_rows < model.bc_rows  # the Q-filter keeps some demo rows and drops others

    for _ in range(5):  # the Q-filter keeps exactly the rows the critic rates the demo action above the actor's
        buffer.sample(64, model.get_vec_normalize_env())
        assert buffer.last_demo is not None
        obs, acts = buffer.last_demo
        with torch.no_grad():
            own = torch.tanh(model.actor.get_action_dist_params(obs)[0])
            q_demo = torch.min(torch.cat(model.critic(obs, acts), dim=1), dim=1).values
            q_own = torch.min(torch.cat(model.critic(obs, own), dim=1), dim=1).values
        kept = model.bc_kept_rows
        model._add_bc(None, None, None)
        assert model.bc_kept_rows - kept == int((q_demo > q_own).sum()), (int((q_demo > q_own).sum()), len(acts))
    model.bc_filter = False  # unfiltered (demo_bc_filter false): every demo row counts
    kept = model.bc_kept_rows
    model._add_bc(None, None, None)
    assert model.bc_kept_rows - kept == len(acts) == 16  # the quarter of a 64-row batch drawn from the demos
    batch = buffer.sample(32, model.get_vec_normalize_env())
    online, demo_rows = batch.actions[:24].numpy(), batch.actions[24:].numpy()
    # The last quarter are demo actions (the expert's gripper is closed, +1, on Push); the rest the agent's own.
    assert all((np.abs(demos.actions - a).max(axis=1) < 1e-7).any() for a in demo_rows)
    assert not any((np.abs(demos.actions - a).max(axis=1) < 1e-7).any() for a in online)
    assert buffer.last_demo is not None and buffer.last_demo[1].shape[0] == 8
    assert torch.equal(batch.dones[24:], torch.zeros(8, 1))
    env.close()


@pytest.mark.slow
def test_pretraining_clones_the_demos_before_the_first_env_step_and_is_not_repeated(push_demos: Path,
                                                                                   tmp_path: Path) -> None:
    config = _config(push_demos, demo_bc_weight=5.0, demo_pretrain_steps=200, steps=300)
    env = vectorize(lambda: make_object_goal_env(PUSH, action_mode="full"), *train_seeds(config), normalize_obs=True)
    model = build_model(config, env)
    buffer, normalizer = model.replay_buffer, model.get_vec_normalize_env()
    assert isinstance(model, DemoSAC) and isinstance(buffer, DemoHerReplayBuffer) and buffer.demos is not None
    demos = buffer.demos
    for key, stats in normalizer.obs_rms.items():  # the normaliser starts from the demos' statistics
        np.testing.assert_allclose(stats.mean, demos.observations[key].mean(axis=0), atol=1e-4, err_msg=key)

    def bc_error() -> float:
        obs = buffer._normalize_obs(dict(demos.observations), normalizer)
        with torch.no_grad():
            mean, _, _ = model.actor.get_action_dist_params(model.policy.obs_to_tensor(obs)[0])
        return float((torch.tanh(mean) - torch.as_tensor(demos.actions)).pow(2).sum(dim=1).mean())

    before = bc_error()
    model.learn(total_timesteps=1)  # pretrains first; one env step, far below learning_starts: no online update
    assert model._n_updates == 200 and model.pretrained_steps == 200 and model.num_timesteps == 1
    assert bc_error() < 0.3 * before, (before, bc_error())
    assert model.bc_rows == 0  # pretraining's BC rows are unfiltered and not counted as the online Q-filter's
    assert not buffer.demo_only and not model.pretraining
    buffer.demo_only = True  # a pretraining batch: demo rows only (the online buffer holds one step)
    batch = buffer.sample(16, normalizer)
    buffer.demo_only = False
    assert all((np.abs(demos.actions - a).max(axis=1) < 1e-7).any() for a in batch.actions.numpy())
    model.save(tmp_path / "model.zip")
    model.save_replay_buffer(tmp_path / "buffer.pkl")
    loaded = DemoSAC.load(tmp_path / "model.zip", env=env)
    loaded.load_replay_buffer(tmp_path / "buffer.pkl")
    assert loaded.pretrained_steps == 200 and loaded.pretrain_steps == 200
    loaded.learn(total_timesteps=1, reset_num_timesteps=False)  # a resumed run does not pretrain again
    assert loaded._n_updates == 200 and loaded.num_timesteps == 2
    env.close()


@pytest.mark.slow
def test_a_run_with_demos_records_them_and_resumes_with_its_demos(push_demos: Path, tmp_path: Path) -> None:
    out, demos = tmp_path / "run", tmp_path / "push_full"
    shutil.copytree(push_demos, demos)
    config = _config(demos, steps=450, checkpoint_every=300, buffer_size=2_000)
    train_rl(config, out, export=False)
    saved = json.loads((out / "config.json").read_text())
    assert saved["demos"] == str(demos) and saved["demo_ratio"] == 0.5 and saved["action_mode"] == "full"
    manifest = json.loads((push_demos / "manifest.json").read_text())
    assert saved["demos_resolved"]["content_sha256"] == manifest["content_sha256"]
    assert saved["demos_resolved"]["episodes"] == 2
    assert json.loads((out / "checkpoints" / "resume.json").read_text())["env_steps"] == 300
    # The demos travel in the replay buffer: the resumed run samples them (it would fail without) from step 300,
    # and needs no dataset folder (moved since).
    shutil.move(str(demos), str(tmp_path / "archived"))
    run = train_rl(config, out, export=False, resume=True)
    assert run.metrics["resumed_from_env_steps"] == 300 and run.metrics["env_steps"] == 450
    assert json.loads((out / "config.json").read_text()) == saved
    with pytest.raises(TrainConfigError, match=r"demo_ratio 0\.5 in the run, 0\.25 given"):
        train_rl(dataclasses.replace(config, demo_ratio=0.25), out, export=False, resume=True)


def test_a_run_with_demos_sees_no_past_actions_by_default(push_demos: Path) -> None:
    """The copycat default (RLConfig.observe_actions): 0 with demos, 2 without; the number is what config.json
    records, so a resume or a later change of the rule cannot change a run's observation."""
    config = RLConfig.from_dict({"env_id": PUSH, "demos": str(push_demos), "action_mode": "full"})
    assert config.observe_actions == 0 and config.to_dict()["observe_actions"] == 0
    assert RLConfig.from_dict(config.to_dict()) == config
    assert RLConfig(env_id=PUSH).observe_actions == 2 and RLConfig().observe_actions == 2
    assert RLConfig.from_dict({"env_id": PUSH, "demos": str(push_demos), "observe_actions": 2}).observe_actions == 2
    assert RLConfig(observe_actions=None).observe_actions == 2 and RLConfig(observe_actions=None).observed_actions == 2
    for bad in (-1, -2, 5):  # -1 is no sentinel: an explicit value outside 0..4 is refused, naming the range
        with pytest.raises(TrainConfigError, match=r"observe_actions must be a whole number in 0\.\.4"):
            RLConfig(observe_actions=bad)
    with pytest.raises(TrainConfigError, match="observe_actions"):
        RLConfig.from_dict({"env_id": PUSH, "demos": str(push_demos), "observe_actions": -1})
    with pytest.raises(TrainConfigError, match="observe_actions"):
        RLConfig(observe_actions=True)
