"""Stable-Baselines3 training on armstack envs: SAC (optionally with HER) or PPO, seeded, evaluated, logged.

A run directory holds ``config.json`` (a residual run's also records the base policy it resolved, with its files'
SHA-256: ``BASE_RECORD``), TensorBoard logs (``tb/``), resume points (``checkpoints/``: SB3's own
model zip every ``checkpoint_every`` steps, the latest replay buffer and observation statistics, and
``resume.json`` naming them with the step count; ``train_rl(..., resume=True)`` continues a killed run from
there), the best checkpoint by success on the validation episodes (``best/``, ``policies.rl_validation``: a run
that starts from a policy is evaluated at step 0 too, so best/ can keep it; their curve in ``evaluations.npz``, the
episodes it was made on in ``EVALUATION_RECORD``),
``learning_curve.png``, ``metrics.json`` and two armstack checkpoints (``policies.rl_export``): ``policy/``, the
policy a user runs, exported from ``best/``'s model when the run kept one (else from the last model), and
``final_policy/``, exported from the last model. Before (issue 19), ``policy/`` was the last model: on Push from
demonstrations online SAC lowers the behaviour clone it starts from, so the recipe's user got the eroded policy
while ``best/`` held the clone. ``metrics.json`` names which (``policy_from``) and holds both on the held-out episodes
(``best_eval``, ``final_eval``: the same episodes, so they pair; ``held_out="policy"``, a sweep's trial, evaluates
only the one ``policy_from`` names). Training, validation and held-out episode seeds are
disjoint by construction (``policies.rl_config``); the held-out ones only report, they choose nothing.
"""

from __future__ import annotations

import functools
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gymnasium as gym
import numpy as np

from policies.errors import TrainConfigError
from policies.rl_config import (
    EVAL_SEED_BASE,
    PRETRAINED_BASE,
    PRETRAINED_BASES,
    PRETRAINED_BASES_BEFORE,
    TRAIN_SEED_STRIDE,
    VALIDATION_SEED_BASE,
    RLConfig,
)


class EpisodeSeeds(gym.Wrapper[Any, Any, Any, Any]):
    """Resets episode k with seed ``first + k % count``, whatever seed the caller passes.

    SB3 resets its envs without seeds after the first episode; this makes every episode reproducible, and
    lets every evaluation round replay the same held-out episodes (any ``count`` consecutive resets cover
    the ``count`` seeds once, even with the extra reset a vector env does after the last episode). Every reset
    and step info names the episode's seed (``episode_seed``), so an evaluation can say which episodes succeeded.
    """

    def __init__(self, env: gym.Env[Any, Any], first: int, count: int) -> None:
        super().__init__(env)
        self.first, self.count, self.resets = first, count, 0
        self.episode_seed: int | None = None

    def reset(self, *, seed: int | None = None, options: dict[str, Any] | None = None) -> tuple[Any, dict[str, Any]]:
        del seed
        self.episode_seed = self.first + self.resets % self.count
        self.resets += 1
        obs, info = self.env.reset(seed=self.episode_seed, options=options)
        info["episode_seed"] = self.episode_seed
        return obs, info

    def step(self, action: Any) -> tuple[Any, Any, bool, bool, dict[str, Any]]:
        obs, reward, terminated, truncated, info = self.env.step(action)
        info["episode_seed"] = self.episode_seed
        return obs, reward, terminated, truncated, info


def train_seeds(config: RLConfig) -> tuple[int, int]:
    """(first seed, count) of the training episodes."""
    return config.seed * TRAIN_SEED_STRIDE, TRAIN_SEED_STRIDE


def eval_seeds(config: RLConfig) -> tuple[int, int]:
    """(first seed, count) of the evaluation episodes: the same held-out set at every evaluation."""
    return EVAL_SEED_BASE, config.eval_episodes


def validation_seeds(config: RLConfig) -> tuple[int, int]:
    """(first seed, count) of the validation episodes (choosing a checkpoint): apart from training and held-out."""
    return VALIDATION_SEED_BASE, config.eval_episodes


def make_armstack_env(config: RLConfig) -> gym.Env[Any, Any]:
    """The env a run trains on: the task's goal-conditioned env (``policies.goal_env.make_goal_env``) with a sparse
    reward for SAC+HER, the same with a dense reward otherwise (Push, PickPlace, Stack: the sum of the task's named
    ``reward_terms``, see ``policies.object_goal_env``)."""
    from policies.goal_env import GOAL_ENV_IDS, make_goal_env

    base = config.base_policy_dir
    if base is not None:  # residual RL on a BC policy
        from policies.residual_goal_env import make_residual_goal_env

        if config.physics_sleep:
            raise TrainConfigError(f"physics_sleep is for Reach only, not the residual run's {config.env_id}")
        return make_residual_goal_env(config.env_id, base, robot=config.robot, randomization=config.randomization,
                                      residual_scale=config.residual_scale, residual_penalty=config.residual_penalty,
                                      observe_actions=config.observed_actions, reward_type=config.env_reward_type)
    sleep = config.physics_sleep if config.physics_sleep is not None else config.env_id in GOAL_ENV_IDS
    return make_goal_env(config.env_id, robot=config.robot, randomization=config.randomization,
                         reward_type=config.env_reward_type, action_mode=config.action_mode,
                         observe_actions=config.observed_actions, physics_sleep=sleep, goal_frame=config.goal_frame)


def _seeded_monitor(make_env: Callable[[], gym.Env[Any, Any]], first_seed: int, count: int) -> gym.Env[Any, Any]:
    from stable_baselines3.common.monitor import Monitor

    return Monitor(EpisodeSeeds(make_env(), first_seed, count), info_keywords=("is_success",))


def vectorize(make_env: Callable[[], gym.Env[Any, Any]], first_seed: int, count: int, *,
              normalize_obs: bool = False, training: bool = True, n_envs: int = 1) -> Any:
    """A vector env with episode seeds and SB3's ``Monitor`` (episode returns, success).

    One env: a ``DummyVecEnv`` over seeds ``first_seed ..+count``. ``n_envs`` > 1: a ``SubprocVecEnv`` (spawned
    workers) whose env i runs its own block of ``count // n_envs`` of those seeds, so no two envs replay an
    episode. ``normalize_obs`` adds ``VecNormalize`` (running mean/std of every observation key, rewards
    untouched: HER recomputes them from the raw goals); ``training=False`` freezes its statistics (evaluation).
    """
    from stable_baselines3.common.vec_env import DummyVecEnv, SubprocVecEnv, VecNormalize

    if n_envs < 1 or count < n_envs:
        raise TrainConfigError(f"n_envs must be in 1..{count}, got {n_envs}")
    block = count // n_envs
    factories: list[Callable[[], gym.Env[Any, Any]]] = [
        functools.partial(_seeded_monitor, make_env, first_seed + i * block, block) for i in range(n_envs)]
    env = DummyVecEnv(factories) if n_envs == 1 else SubprocVecEnv(factories, start_method="spawn")
    if normalize_obs:
        return VecNormalize(env, training=training, norm_obs=True, norm_reward=False)
    return env


def build_model(config: RLConfig, env: Any, tensorboard_log: str | None = None) -> Any:
    """The SB3 model for ``config`` on vector env ``env`` (Dict observations: ``MultiInputPolicy``)."""
    if config.demos is not None and not Path(config.demos).is_dir():  # a new run: a resume has them in its buffer
        raise TrainConfigError(f"demos {config.demos!r} is not a folder (an armstack dataset made with "
                               "datagen --full-episodes)")
    from stable_baselines3 import PPO, SAC, HerReplayBuffer

    common: dict[str, Any] = {"learning_rate": config.learning_rate, "gamma": config.gamma, "seed": config.seed,
                              "device": config.device, "tensorboard_log": tensorboard_log, "verbose": 0,
                              "policy_kwargs": {"net_arch": list(config.net_arch)}}
    if config.algo == "ppo":
        return PPO("MultiInputPolicy", env, n_steps=config.ppo_n_steps,
                   batch_size=min(config.batch_size, config.ppo_n_steps), **common)
    her: dict[str, Any] = {}
    if config.her:
        try:
            horizon = int(max(env.get_attr("max_steps")))
        except AttributeError:  # not an armstack env: SB3 reports it itself
            horizon = 0
        # Every env must have finished an episode: learning_starts counts the steps of all of them together.
        needed = horizon * int(env.num_envs)
        if config.learning_starts < needed:
            raise TrainConfigError(f"learning_starts {config.learning_starts} is shorter than one episode "
                                   f"({horizon} steps) in each of the {env.num_envs} training env(s): HER can only "
                                   f"sample finished episodes; use >= {needed}")
        from policies.demo_replay import GoalFrameHerReplayBuffer

        her = {"replay_buffer_class": GoalFrameHerReplayBuffer if config.goal_frame else HerReplayBuffer,
               "replay_buffer_kwargs": {"n_sampled_goal": config.n_sampled_goal,
                                        "goal_selection_strategy": config.goal_selection_strategy}}
    sac: dict[str, Any] = {"buffer_size": config.buffer_size, "batch_size": config.batch_size,
                           "learning_starts": config.learning_starts, "train_freq": config.train_freq,
                           "tau": config.tau, "gradient_steps": config.gradient_steps,
                           "ent_coef": _ent_coef(config.ent_coef), **her, **common}
    if config.demos is not None:  # RLConfig allows them with SAC+HER only
        from policies.demo_replay import DemoHerReplayBuffer, DemoSAC, load_demo_transitions

        probe = make_armstack_env(config)
        try:
            demos = load_demo_transitions(config.demos, probe, robot=config.robot,
                                          randomization=config.randomization)
        finally:
            probe.close()
        sac["replay_buffer_class"] = DemoHerReplayBuffer
        sac["replay_buffer_kwargs"] = {**sac["replay_buffer_kwargs"], "demo_ratio": config.demo_ratio,
                                       "goal_frame": config.goal_frame}
        return DemoSAC("MultiInputPolicy", env, demos=demos, bc_weight=config.demo_bc_weight,
                       pretrain_steps=config.demo_pretrain_steps, bc_filter=config.demo_bc_filter,
                       bc_decay_steps=config.demo_bc_decay_steps, bc_noise=config.demo_bc_noise,
                       pretrain_anneal=config.demo_pretrain_anneal, actor_lr_scale=config.demo_actor_lr_scale,
                       actor_burn_in=config.demo_actor_burn_in, **sac)
    if config.base_policy is not None:
        from policies.residual_sac import ResidualSAC

        return ResidualSAC("MultiInputPolicy", env, burn_in_steps=config.actor_burn_in,
                           actor_lr_scale=config.actor_lr_scale, zero_pull=config.residual_pull,
                           initial_log_std=config.residual_log_std, **sac)
    return SAC("MultiInputPolicy", env, **sac)


def _ent_coef(value: str) -> str | float:
    return value if value.startswith("auto") else float(value)


def evaluate_success(model: Any, env: Any, episodes: int) -> dict[str, Any]:
    """Deterministic rollouts of ``model`` on vector env ``env``: success rate (at the last step) and returns.

    Beside it, ``reached``/``reached_rate``: the episodes successful at any step. The goal envs never end an
    episode on success, so a policy that reaches the goal and then leaves it counts there and not in
    ``success_rate``; ``armstack eval`` ends an episode at its first success and so counts ``reached`` (issue 19:
    the tabletop BC on goal Push, 97.5% reached, 27.5% at the last step). With observation normalisation the
    training env's current statistics are copied to ``env`` first. ``succeeded_seeds``: the seeds of the episodes
    that succeeded (sorted; with ``EpisodeSeeds``' env), so two policies evaluated on the same block can be compared
    episode by episode (a paired test: ``policies.compare.mcnemar_exact``).
    """
    from stable_baselines3.common.evaluation import evaluate_policy
    from stable_baselines3.common.vec_env import sync_envs_normalization

    if model.get_vec_normalize_env() is not None:
        sync_envs_normalization(model.get_env(), env)

    successes: list[bool] = []
    succeeded_seeds: list[int] = []
    reached: list[bool] = []
    reaching = [False] * env.num_envs  # per sub-env: has its current episode succeeded at some step yet

    def record(local: dict[str, Any], _globals: dict[str, Any]) -> None:
        i, success = local["i"], bool(local["info"].get("is_success", False))
        reaching[i] = reaching[i] or success
        if local["done"]:
            successes.append(success)
            if success and local["info"].get("episode_seed") is not None:
                succeeded_seeds.append(int(local["info"]["episode_seed"]))
            reached.append(reaching[i])
            reaching[i] = False

    returns, lengths = evaluate_policy(model, env, n_eval_episodes=episodes, deterministic=True,
                                       return_episode_rewards=True, callback=record, warn=False)
    assert isinstance(returns, list) and isinstance(lengths, list)  # return_episode_rewards=True
    return {"episodes": len(successes), "successes": int(sum(successes)),
            "success_rate": float(np.mean(successes)) if successes else 0.0, "succeeded_seeds": sorted(succeeded_seeds),
            "reached": int(sum(reached)), "reached_rate": float(np.mean(reached)) if reached else 0.0,
            "mean_return": float(np.mean(returns)), "mean_length": float(np.mean(lengths))}


def weights_sha256(model: Any) -> str:
    """SHA-256 of what a trained SB3 model acts and learns from: every tensor of its policy (actor, critics, target
    critics; names sorted), SAC's entropy coefficient and, with observation normalisation, the running statistics.
    Equal digests mean bit-identical weights, so two runs of one command can be compared without their files (issue
    19: reproducible training; the bench reports it at every evaluation point)."""
    import hashlib

    digest = hashlib.sha256()

    def add(name: str, value: Any) -> None:
        array = np.ascontiguousarray(value.detach().cpu().numpy() if hasattr(value, "detach") else value)
        digest.update(f"{name}:{array.dtype.str}:{array.shape}".encode())
        digest.update(array.tobytes())

    for name, tensor in sorted(model.policy.state_dict().items()):
        add(name, tensor)
    if getattr(model, "log_ent_coef", None) is not None:
        add("log_ent_coef", model.log_ent_coef)
    normalizer = model.get_vec_normalize_env()
    if normalizer is not None and normalizer.norm_obs:
        stats = normalizer.obs_rms
        for key in sorted(stats) if isinstance(stats, dict) else [None]:
            rms = stats[key] if key is not None else stats
            for part in ("mean", "var", "count"):
                add(f"obs_rms/{key}/{part}", np.asarray(getattr(rms, part), np.float64))
    return digest.hexdigest()


def learn_with_evaluations(model: Any, eval_env: Any, eval_at: list[int], episodes: int, *,
                           report: Callable[[dict[str, Any]], None] | None = None,
                           callback: Any = None, validation_env: Any = None) -> list[dict[str, Any]]:
    """Train ``model`` up to each step count of ``eval_at`` in turn and evaluate it there (``evaluate_success``
    plus its 95% Wilson interval, ``ci95``); one point per evaluation with the model's ``weights_sha256`` (taken
    before the evaluation), the cumulative learning wall and CPU
    seconds (``model.learn`` only), the evaluation's own wall time (``eval_wall_s``) and the evaluations' wall
    time so far (``eval_wall_s_total``). A step count at or below the model's own evaluates without training
    (0: the untrained policy). ``callback``: an SB3 callback for every ``model.learn`` chunk. ``validation_env``:
    each point also evaluates there (``validation``: its successes, rate and interval), on episodes apart from
    ``eval_env``'s, to choose a checkpoint without looking at the held-out ones. The benches' learning curves."""
    from policies.evaluate import wilson_interval

    curve: list[dict[str, Any]] = []
    learn_s = learn_cpu_s = eval_s = 0.0
    for stop in eval_at:
        if stop > model.num_timesteps:
            t0, c0 = time.perf_counter(), time.process_time()
            model.learn(total_timesteps=stop - model.num_timesteps, reset_num_timesteps=False, progress_bar=False,
                        callback=callback)
            learn_s += time.perf_counter() - t0
            learn_cpu_s += time.process_time() - c0
        weights = weights_sha256(model)
        t0 = time.perf_counter()
        result = evaluate_success(model, eval_env, episodes)
        lo, hi = wilson_interval(result["successes"], result["episodes"])
        validation: dict[str, Any] = {}
        if validation_env is not None:
            checked = evaluate_success(model, validation_env, episodes)
            v_lo, v_hi = wilson_interval(checked["successes"], checked["episodes"])
            validation = {"validation": {**{k: checked[k] for k in ("episodes", "successes", "success_rate",
                                                                    "reached_rate", "succeeded_seeds")},
                                         "ci95": [round(v_lo, 4), round(v_hi, 4)]}}
        spent = time.perf_counter() - t0
        eval_s += spent
        point = {"env_steps": int(model.num_timesteps), "weights_sha256": weights, "learn_wall_s": round(learn_s, 2),
                 "learn_cpu_s": round(learn_cpu_s, 2), "eval_wall_s": round(spent, 2),
                 "eval_wall_s_total": round(eval_s, 2), **result, "ci95": [round(lo, 4), round(hi, 4)], **validation}
        curve.append(point)
        if report is not None:
            report(point)
    return curve


RESUME_FILE = "resume.json"
# Fields a resumed run may change: they do not touch what is learnt.
_RESUMABLE_CHANGES = frozenset({"progress_bar"})
BASE_RECORD = "base_policy_resolved"
"""The key of a residual run's config.json that records its base: the folder ``base_policy`` resolved to and the
SHA-256 of its ``model.safetensors`` and ``policy.json``. "pretrained" names whatever base the env ships now
(``rl_config.PRETRAINED_BASES``), so the name alone cannot tell a resume that the base changed under the run."""


DEMOS_RECORD = "demos_resolved"
"""The key of a run-with-demos' config.json that records the dataset its demos came from (folder, manifest and
content SHA-256, episodes, transitions). A resume does not read the dataset again: the demos travel in the replay
buffer (``policies.demo_replay``)."""


EVALUATION_RECORD = "evaluation_seeds.json"
"""The file of a run directory that names the episode block (first seed, count) its ``evaluations.npz`` and
``best/`` were made on. Runs before 2bd323d evaluated on the held-out episodes and wrote none; resuming such a run
moves those aside and starts the curve and ``best/`` afresh (``_restart_foreign_evaluations``), so a resumed run
never compares validation results with held-out ones."""

FINAL_POLICY = "final_policy"
"""The run directory's export of the last model. ``policy/`` is the policy a user runs: ``best/``'s model (chosen
on the validation episodes) when the run kept one, else the last model; ``metrics.json``'s ``policy_from`` says
which, and ``best_eval`` / ``final_eval`` hold both on the same held-out episodes."""


def base_record(config: RLConfig) -> dict[str, str] | None:
    """What ``BASE_RECORD`` holds for ``config`` now; None for RL from scratch."""
    import hashlib

    from policies.checkpoint import SPEC, WEIGHTS

    base = config.base_policy_dir
    if base is None:
        return None
    digests = {}
    for key, name in (("weights_sha256", WEIGHTS), ("policy_json_sha256", SPEC)):
        try:
            with open(base / name, "rb") as f:
                digests[key] = hashlib.file_digest(f, "sha256").hexdigest()
        except OSError as exc:
            raise TrainConfigError(f"base_policy {config.base_policy!r} ({base}): cannot read its {name} "
                                   f"({exc.strerror})") from None
    return {"dir": str(base.resolve()), **digests}


def read_run_config(out: Path) -> tuple[dict[str, Any], dict[str, str] | None]:
    """A run's config.json: (its RLConfig fields, its ``BASE_RECORD`` or None: RL from scratch, or a residual run
    saved before runs recorded their base)."""
    try:
        saved = json.loads((out / "config.json").read_text())
    except (OSError, ValueError) as exc:
        raise TrainConfigError(f"cannot resume {out}: no readable config.json ({exc})") from None
    if not isinstance(saved, dict):
        raise TrainConfigError(f"cannot resume {out}: its config.json is not a mapping of RLConfig fields")
    record = saved.pop(BASE_RECORD, None)
    saved.pop(DEMOS_RECORD, None)  # what the run's demos were; they come back with its replay buffer
    if record is not None and not (isinstance(record, dict) and all(isinstance(v, str) for v in record.values())):
        raise TrainConfigError(f"cannot resume {out}: {BASE_RECORD} in its config.json must be a mapping of strings "
                               f"(folder and SHA-256s), got {record!r}")
    return saved, record


def check_run_base(out: Path, config: RLConfig, record: dict[str, str] | None) -> dict[str, str] | None:
    """Refuse to go on with a residual run whose base is not the one it started from; the base's record now.

    A run without a record (saved before runs recorded their base) goes on unless it names "pretrained" on an env
    whose shipped base has changed since (``PRETRAINED_BASES_BEFORE``): which base it started from is unknown."""
    now = base_record(config)
    if now is None:
        return None
    if record is None:
        before = PRETRAINED_BASES_BEFORE.get(config.env_id)
        if config.base_policy == PRETRAINED_BASE and before is not None:
            raise TrainConfigError(
                f"cannot resume {out}: it did not record its base policy, and 'pretrained' on {config.env_id} was "
                f"{before} before issue 19 and is {PRETRAINED_BASES[config.env_id]} now; set base_policy in its "
                f"config.json to the folder it started from (policies/pretrained/{before} or "
                f"policies/pretrained/{PRETRAINED_BASES[config.env_id]})")
        return now
    if (record.get("weights_sha256"), record.get("policy_json_sha256")) != (now["weights_sha256"],
                                                                           now["policy_json_sha256"]):
        raise TrainConfigError(
            f"cannot resume {out}: it started from the base policy in {record.get('dir')} (weights "
            f"{str(record.get('weights_sha256'))[:12]}...), and base_policy {config.base_policy!r} is now "
            f"{now['dir']} (weights {now['weights_sha256'][:12]}...): a residual learnt on one base does not fit "
            "another; start a new run, or give the base it started from")
    return now


def _atomic_write_text(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text)
    os.replace(tmp, path)


def save_resume_point(model: Any, checkpoints: Path, algo: str) -> dict[str, Any]:
    """Save what a killed run needs to go on: the SB3 model, its replay buffer (SAC) and observation statistics,
    and the training envs' episode counters; ``resume.json``, written last, names them (a kill mid-save leaves the
    previous point whole). Older replay buffers are removed (one can weigh hundreds of MB); model zips stay."""
    checkpoints.mkdir(parents=True, exist_ok=True)
    steps = int(model.num_timesteps)
    files: dict[str, str | None] = {"model": f"{algo}_{steps}_steps.zip", "replay_buffer": None, "vecnormalize": None}
    model.save(checkpoints / f".{files['model']}.tmp.zip")
    os.replace(checkpoints / f".{files['model']}.tmp.zip", checkpoints / str(files["model"]))
    if getattr(model, "replay_buffer", None) is not None:
        files["replay_buffer"] = f"replay_buffer_{steps}_steps.pkl"
        model.save_replay_buffer(checkpoints / ".replay_buffer.tmp.pkl")
        os.replace(checkpoints / ".replay_buffer.tmp.pkl", checkpoints / str(files["replay_buffer"]))
    normalizer = model.get_vec_normalize_env()
    if normalizer is not None:
        files["vecnormalize"] = f"vecnormalize_{steps}_steps.pkl"
        normalizer.save(str(checkpoints / ".vecnormalize.tmp.pkl"))
        os.replace(checkpoints / ".vecnormalize.tmp.pkl", checkpoints / str(files["vecnormalize"]))
    state = {"env_steps": steps, **files,
             "episode_resets": [int(n) for n in model.get_env().env_method("get_wrapper_attr", "resets")]}
    _atomic_write_text(checkpoints / RESUME_FILE, json.dumps(state, indent=2))
    for old in checkpoints.glob("replay_buffer_*_steps.pkl"):
        if old.name != files["replay_buffer"]:
            old.unlink()
    return state


def _resume_checkpoints(every: int, checkpoints: Path, algo: str) -> Any:
    """An SB3 callback that saves a resume point whenever ``every`` more env steps have run."""
    from stable_baselines3.common.callbacks import BaseCallback

    class ResumePoints(BaseCallback):
        def _on_training_start(self) -> None:
            self.last = self.model.num_timesteps

        def _on_step(self) -> bool:
            if self.model.num_timesteps - self.last >= every:
                save_resume_point(self.model, checkpoints, algo)
                self.last = self.model.num_timesteps
            return True

    return ResumePoints()


def read_resume_point(out: Path, config: RLConfig) -> dict[str, Any]:
    """The run's last resume point; refuses a run made with another config (naming the fields), a residual run
    whose base policy changed (``check_run_base``) or one with no resume point saved."""
    saved, record = read_run_config(out)
    given = config.to_dict()
    changed = sorted(k for k in set(saved) | set(given) if k not in _RESUMABLE_CHANGES and saved.get(k) != given.get(k))
    if changed:
        raise TrainConfigError(f"cannot resume {out} with another config: "
                               + ", ".join(f"{k} {saved.get(k)!r} in the run, {given.get(k)!r} given" for k in changed))
    now = check_run_base(out, config, record)
    if record is None and now is not None:  # a run from before the record: what it goes on with from here
        _atomic_write_text(out / "config.json", json.dumps({**saved, BASE_RECORD: now}, indent=2))
    try:
        state: dict[str, Any] = json.loads((out / "checkpoints" / RESUME_FILE).read_text())
    except (OSError, ValueError):
        raise TrainConfigError(f"cannot resume {out}: no resume point saved yet (one every "
                               f"{config.checkpoint_every} steps); start it again with a new --out") from None
    return state


def _algo_class(config: RLConfig) -> Any:
    """The SB3 class that loads a model zip of ``config``'s run (a resume point, ``best/``)."""
    from stable_baselines3 import PPO, SAC

    if config.demos is not None:  # the demos come back inside the replay buffer
        from policies.demo_replay import DemoSAC

        return DemoSAC
    if config.base_policy is not None:
        from policies.residual_sac import ResidualSAC

        return ResidualSAC
    return PPO if config.algo == "ppo" else SAC


def _load_resume_point(config: RLConfig, state: dict[str, Any], checkpoints: Path, train_env: Any,
                       tensorboard_log: str) -> tuple[Any, Any]:
    """(model, training env) as they were at the resume point ``state``."""
    from stable_baselines3.common.vec_env import VecNormalize

    if state.get("vecnormalize"):
        train_env = VecNormalize.load(str(checkpoints / state["vecnormalize"]), train_env.venv)
    model = _algo_class(config).load(checkpoints / state["model"], env=train_env, device=config.device,
                                     tensorboard_log=tensorboard_log)
    if state.get("replay_buffer"):
        model.load_replay_buffer(checkpoints / state["replay_buffer"])  # the killed episode is cut off
    resets = state.get("episode_resets") or []
    for i, count in enumerate(resets[: train_env.num_envs]):
        train_env.env_method("set_wrapper_attr", "resets", count, indices=[i])  # no training episode replayed
    return model, train_env


def _write_evaluation_record(out: Path, seeds: tuple[int, int]) -> None:
    _atomic_write_text(out / EVALUATION_RECORD, json.dumps({"first_seed": seeds[0], "count": seeds[1]}))


def _restart_foreign_evaluations(out: Path, seeds: tuple[int, int], resumed_at: int) -> dict[str, Any] | None:
    """Before a resume: if the run's ``evaluations.npz`` and ``best/`` were not made on ``seeds`` (the run's
    validation episodes), or it does not say on which (``EVALUATION_RECORD`` missing: a run from before 2bd323d,
    which evaluated on the held-out episodes), move them into ``evaluations_before_<resumed_at>/`` so the resumed
    run starts its curve and ``best/`` afresh, and record the seeds it evaluates on from here. Returns what was
    done (for ``metrics.json``), or None when the record matches."""
    try:
        recorded = json.loads((out / EVALUATION_RECORD).read_text())
        was = [int(recorded["first_seed"]), int(recorded["count"])]
    except (OSError, ValueError, KeyError, TypeError):
        was = None
    if was == list(seeds):
        return None
    aside = out / f"evaluations_before_{resumed_at}"
    moved = [name for name in ("evaluations.npz", "best") if (out / name).exists()]
    if moved:
        aside.mkdir(exist_ok=True)
        for name in moved:
            os.replace(out / name, aside / name)
    _write_evaluation_record(out, seeds)
    return {"resumed_at": resumed_at, "were_on_seeds": was, "now_on_seeds": list(seeds),
            "moved_to": aside.name if moved else None}


@dataclass(frozen=True, kw_only=True)
class RLRun:
    """What a finished run produced."""

    out_dir: Path
    model_path: Path
    metrics: dict[str, Any]
    policy_dir: Path | None  # the policy metrics.json's policy_from names: best/'s model when the run kept one
    final_policy_dir: Path | None = None  # the last model's export


HELD_OUT = ("both", "policy")
"""What ``train_rl`` evaluates on the held-out episodes: "both" (the last model, ``final_eval``, and ``best/``,
``best_eval``) or "policy" (only the checkpoint ``policy_from`` names; the other figure is None)."""


def train_rl(config: RLConfig, out_dir: str | Path, *, make_env: Callable[[], gym.Env[Any, Any]] | None = None,
             export: bool = True, resume: bool = False, held_out: str = "both") -> RLRun:
    """Train ``config`` into ``out_dir``; returns the paths and the held-out evaluations (``metrics``).

    ``make_env`` replaces the armstack env factory (the benchmark trains the same way on FetchReach).
    ``resume``: ``out_dir`` is a killed run of the same ``config`` (anything else is refused): training goes on
    from its last resume point (model, replay buffer, observation statistics, step count) to ``config.steps``.
    ``held_out`` (``HELD_OUT``): "policy" skips the held-out evaluation nobody reads in a run that reports only the
    policy it delivers (a sweep's trial, ``policies.ray_sweep``): ``final_eval`` is None when ``best/`` is kept,
    ``best_eval`` None when it is not (as with "both").
    """
    import torch
    from stable_baselines3.common.callbacks import CallbackList

    from policies.rl_validation import RANKED_BY, ValidationEvaluations, read_best

    if held_out not in HELD_OUT:
        raise TrainConfigError(f"held_out must be one of {', '.join(HELD_OUT)}, got {held_out!r}")
    out = Path(out_dir)
    state: dict[str, Any] | None = None
    if resume:
        state = read_resume_point(out, config)
    elif out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise TrainConfigError(f"run directory {out} is not an empty directory; give a new --out (or resume it)")
    factory = make_env if make_env is not None else functools.partial(make_armstack_env, config)
    factory().close()  # the env's own refusals (a task with no goal-conditioned version, ...) before any write

    threads = torch.get_num_threads()
    torch.set_num_threads(config.torch_threads)  # small MLPs: thread hand-offs cost more than they save
    try:
        train_env = vectorize(factory, *train_seeds(config), normalize_obs=config.normalize_obs,
                              n_envs=config.n_envs)
        eval_env = vectorize(factory, *eval_seeds(config), normalize_obs=config.normalize_obs, training=False)
        # best/ is chosen on validation episodes: choosing on the held-out ones would make the final figure the
        # maximum of noisy draws from the very seeds it reports on.
        val_env = vectorize(factory, *validation_seeds(config), normalize_obs=config.normalize_obs, training=False)
        try:
            if state is None:
                model = build_model(config, train_env, tensorboard_log=str(out / "tb"))
            else:
                model, train_env = _load_resume_point(config, state, out / "checkpoints", train_env, str(out / "tb"))
        except BaseException:
            train_env.close()
            eval_env.close()
            val_env.close()
            raise
        # A refused run leaves no folder: it is made once the envs and the model are built.
        out.mkdir(parents=True, exist_ok=True)
        if state is None:
            record = base_record(config)
            saved = config.to_dict() if record is None else {**config.to_dict(), BASE_RECORD: record}
            demos = getattr(getattr(model, "replay_buffer", None), "demos", None)  # PPO has no buffer
            if demos is not None:
                saved[DEMOS_RECORD] = demos.source
            _atomic_write_text(out / "config.json", json.dumps(saved, indent=2))
            _write_evaluation_record(out, validation_seeds(config))
        restarted = None
        if state is not None:
            restarted = _restart_foreign_evaluations(out, validation_seeds(config), int(state["env_steps"]))
        exports = export and make_env is None
        evaluations = ValidationEvaluations(
            val_env, at_start=starts_from_a_policy(config),
            export_best=functools.partial(_export_best, config) if exports else None,
            n_eval_episodes=config.eval_episodes, eval_freq=config.eval_every, log_path=str(out),
            best_model_save_path=str(out / "best"), deterministic=True, verbose=0)
        if state is not None:
            evaluations.resume(out / "evaluations.npz", int(state["env_steps"]), config.n_envs)
        callbacks = CallbackList([evaluations,
                                  _resume_checkpoints(config.checkpoint_every, out / "checkpoints", config.algo)])
        start = time.perf_counter()
        model.learn(total_timesteps=config.steps - model.num_timesteps, callback=callbacks,
                    progress_bar=config.progress_bar, tb_log_name=config.algo, reset_num_timesteps=state is None)
        train_s = time.perf_counter() - start
        weights = weights_sha256(model)  # names the saved model and statistics: equal for two runs of one command
        model_path = out / "final_model.zip"
        model.save(model_path)
        if config.normalize_obs:
            train_env.save(str(out / "vecnormalize.pkl"))  # SB3's own format, to resume; the export holds JSON
        final = evaluate_success(model, eval_env, config.eval_episodes) \
            if held_out == "both" or not _holds_best(config, out / "best") else None
        train_env.close()
        eval_env.close()
        val_env.close()
        # best/ on the same held-out episodes: the policy a user gets (policy/) when the run kept one.
        kept = _load_best(config, factory, out / "best")
        best_eval = None if kept is None else evaluate_success(kept[0], kept[1], config.eval_episodes)
    finally:
        torch.set_num_threads(threads)

    curve = read_eval_curve(out / "evaluations.npz")
    best = read_best(out / "best")
    policy_from = ({"checkpoint": "final", "env_steps": int(model.num_timesteps), "held_out": "final_eval",
                    "weights_sha256": weights}
                   if kept is None or best is None else  # best is read again: the record _load_best took
                   {"checkpoint": "best", "env_steps": int(best["env_steps"]), "held_out": "best_eval",
                    "weights_sha256": weights_sha256(kept[0])})
    metrics = {"train_wall_s": train_s, "env_steps": int(model.num_timesteps), "weights_sha256": weights,
               "final_eval": final, "best_eval": best_eval, "policy_from": policy_from,
               "resumed_from_env_steps": None if state is None else int(state["env_steps"]),
               "evaluations_restarted": restarted,
               "eval_curve": curve, "best": best, "best_ranked_by": RANKED_BY,
               "eval_seeds": list(eval_seeds(config)),
               "validation_seeds": list(validation_seeds(config)), "train_seeds": list(train_seeds(config))}
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))
    plot_learning_curve(curve, out / "learning_curve.png", title=f"{config.algo}{'+her' if config.her else ''} "
                                                                  f"{config.env_id}")
    policy_dir = final_policy_dir = None
    # Every armstack goal env has an observation adapter (policies.rl_export); a residual run's export carries its
    # base policy. policy/ is the policy that metrics.json's policy_from names (best/'s model when the run kept one),
    # final_policy/ the last model's.
    try:
        if exports:
            stats = train_env if config.normalize_obs else None
            final_policy_dir = _export(config, model, out / FINAL_POLICY, metrics, stats)
            policy_dir = _export(config, model, out / "policy", metrics, stats) if kept is None else \
                _export(config, kept[0], out / "policy", metrics, kept[1] if config.normalize_obs else None)
    finally:
        if kept is not None:
            kept[1].close()
    return RLRun(out_dir=out, model_path=model_path, metrics=metrics, policy_dir=policy_dir,
                 final_policy_dir=final_policy_dir)


def _load_best(config: RLConfig, factory: Callable[[], gym.Env[Any, Any]],
               folder: Path) -> tuple[Any, Any] | None:
    """(model, held-out vector env behind best/'s own observation statistics) of the run's ``best/``, or None when it
    holds no whole checkpoint (no evaluation yet, or a resume dropped it and nothing replaced it)."""
    from stable_baselines3.common.vec_env import VecNormalize

    from policies.rl_validation import BEST_MODEL, BEST_STATS

    if not _holds_best(config, folder):
        return None
    env = vectorize(factory, *eval_seeds(config))
    try:
        if config.normalize_obs:
            env = VecNormalize.load(str(folder / BEST_STATS), env)
            env.training, env.norm_reward = False, False  # saved from the training env: frozen here
        return _algo_class(config).load(folder / BEST_MODEL, env=env, device=config.device), env
    except BaseException:
        env.close()
        raise


def _holds_best(config: RLConfig, folder: Path) -> bool:
    """Whether the run's ``best/`` holds a whole checkpoint (its record and model, and its observation statistics
    where the run normalises): the one ``_load_best`` loads and ``policy/`` exports."""
    from policies.rl_validation import BEST_STATS, read_best

    return read_best(folder) is not None and (not config.normalize_obs or (folder / BEST_STATS).is_file())


def _export(config: RLConfig, model: Any, folder: Path, metrics: dict[str, Any] | None,
            obs_normalizer: Any | None) -> Path:
    """The armstack checkpoint of ``model`` (behind ``obs_normalizer``'s statistics) in ``folder``."""
    from policies.rl_export import export_residual_policy, export_sb3_policy

    exporter = export_sb3_policy if config.base_policy is None else export_residual_policy
    return exporter(model, config, folder, metrics=metrics, obs_normalizer=obs_normalizer)


def starts_from_a_policy(config: RLConfig) -> bool:
    """Whether the run's step 0 is a policy worth keeping, evaluated before the first env step (issue 19): the
    behaviour clone of a run pretrained on demos, or a residual run's BC base (its actor starts at zero)."""
    return (config.demos is not None and config.demo_pretrain_steps > 0) or config.base_policy is not None


def _export_best(config: RLConfig, model: Any, folder: Path) -> None:
    """``best/policy``: the armstack checkpoint of the model ``best/`` holds, with its observation statistics."""
    _export(config, model, folder, None, model.get_vec_normalize_env() if config.normalize_obs else None)


def read_eval_curve(path: Path) -> dict[str, list[float]]:
    """Timesteps, mean return and success rate of each evaluation round EvalCallback saved."""
    if not path.is_file():
        return {"timesteps": [], "mean_return": [], "success_rate": []}
    data = np.load(path)
    successes = data["successes"] if "successes" in data.files else np.zeros_like(data["results"])
    return {"timesteps": [int(t) for t in data["timesteps"]],
            "mean_return": [float(r) for r in data["results"].mean(axis=1)],
            "success_rate": [float(s) for s in np.asarray(successes, dtype=float).mean(axis=1)]}


def plot_learning_curve(curve: dict[str, list[float]], path: Path, *, title: str) -> Path:
    """Success rate and mean return of the validation evaluations against env steps (PNG, no display)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (ax_s, ax_r) = plt.subplots(1, 2, figsize=(9, 3.5))
    ax_s.plot(curve["timesteps"], curve["success_rate"], marker="o")
    ax_s.set(xlabel="env steps", ylabel="success rate (validation seeds)", ylim=(-0.05, 1.05), title=title)
    ax_r.plot(curve["timesteps"], curve["mean_return"], marker="o", color="tab:orange")
    ax_r.set(xlabel="env steps", ylabel="mean return")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path
