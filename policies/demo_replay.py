"""SAC+HER that learns from expert demonstrations: a fixed demo buffer mixed into every batch, and an optional
Q-filtered behaviour-cloning term on the actor.

SAC+HER from scratch finds no success on Push or PickPlace within the tens of thousands of steps these machines
afford (published Fetch runs need about 1M). The standard cure is to let the learner see the expert's transitions
from the first update:

- ``DemoHerReplayBuffer``: SB3's ``HerReplayBuffer`` whose ``sample`` draws ``demo_ratio`` of every batch from a
  fixed buffer of demo transitions and the rest from the online buffer (HER-relabelled as usual): RLPD's symmetric
  sampling (Ball et al., 2023) at ``demo_ratio`` 0.5. Demo transitions keep their own goals (the expert reached
  them); their observations pass through the same ``VecNormalize`` as the online ones.
- ``DemoSAC``: SB3's SAC whose actor loss gains ``bc_weight`` x the squared distance between the deterministic
  action and the demo action, counted only where the critic rates the demo action above the actor's (the Q-filter
  of Nair et al., 2018, "Overcoming Exploration in RL with Demonstrations"); ``bc_filter`` False counts every
  demo row (TD3+BC's plain regulariser). ``bc_weight`` 0 is plain SAC. ``bc_decay_steps`` > 0 lowers the weight
  linearly to 0 over that many env steps of the run (``num_timesteps``: every env step, the ``learning_starts``
  random ones included; the pretraining keeps it whole): the clone's pull fades as the agent's own experience grows.
  ``pretrain_steps`` > 0 first takes that many gradient steps on demo-only batches, with the BC term unfiltered
  (the critic knows nothing yet to filter by), before the first env step: the actor starts as a behaviour clone and
  the critic as its value (the offline-to-online start of AWAC, Nair et al., 2020, and Cal-QL), and the observation
  normaliser starts from the demos' statistics so the pretrained networks see the inputs they were trained on.
  ``pretrain_anneal`` lowers the pretraining's learning rate linearly to 0 (``PRETRAIN_ANNEAL_CHUNK`` updates at a
  rate); ``bc_noise`` > 0 adds Gaussian noise of that std to the normalised observations the BC term's actor sees.
  Online, ``actor_lr_scale`` < 1 runs the actor at that fraction of SAC's learning rate and ``actor_burn_in`` holds
  it at 0 for the run's first env steps (the critic and the entropy coefficient keep SAC's rate), so a pretrained
  clone moves more slowly, or only once its critic has learnt from the online data.

Demo transitions come from an armstack dataset (``armstack datagen --full-episodes``) read back with
``sim.dataset.reader.DatasetReader`` and rebuilt into the goal env's observations with the function the env itself
uses (``policies.object_goal_env.object_goal_observation``): the same cube and TCP velocities, the same past agent
actions. The agent's action is the logged env action on the goal env's action dims; a dataset whose actions use a
dim the env's action mode holds at another value (the Push expert turns the wrist: ``dyaw``) is refused, naming
the mode that fits. The sparse reward is the env's own ``compute_reward`` on the logged next observation.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch
from stable_baselines3 import SAC, HerReplayBuffer
from stable_baselines3.common.type_aliases import DictReplayBufferSamples

from policies.errors import TrainConfigError
from policies.rl_config import check_bc_decay_steps, check_bc_noise, check_demo_actor, check_pretrain_steps

_STATE, _ENV, _IDS, _ACTION = "observation.state", "observation.environment_state", "observation.goal_ids", "action"
_POSE = 7  # an object's pose in observation.environment_state: x, y, z, qw, qx, qy, qz
_HELD_TOLERANCE = 1e-6
PRETRAIN_ANNEAL_CHUNK = 25  # pretraining updates at one learning rate under demo_pretrain_anneal


@dataclass(frozen=True, kw_only=True)
class DemoTransitions:
    """Goal-env transitions of a demo dataset, one row each (the last frame of an episode has no next observation,
    so an episode of T frames gives T - 1 transitions)."""

    observations: dict[str, np.ndarray]
    next_observations: dict[str, np.ndarray]
    actions: np.ndarray
    rewards: np.ndarray
    episode_seeds: tuple[int, ...]
    episode_starts: np.ndarray  # the row of each episode's first transition
    source: dict[str, Any]  # the dataset folder and its manifest hashes

    def __len__(self) -> int:
        return int(self.actions.shape[0])


def _episode_env_observations(frames: dict[str, np.ndarray]) -> list[dict[str, Any]]:
    """The env observation of every frame, from the dataset's columns (``sim.datagen.episode.state_vector`` and
    ``environment_vector`` wrote them: joints, joint velocities, TCP pose, gripper; object poses, goal)."""
    state, env, ids = frames[_STATE], frames[_ENV], frames[_IDS]
    n = (state.shape[1] - 8) // 2  # 2n joint values, a 7-d TCP pose, the finger opening
    objects = (env.shape[1] - 3) // _POSE
    return [{"joint_pos": s[:n], "joint_vel": s[n:2 * n], "ee_pose": s[2 * n:2 * n + 7], "gripper": s[2 * n + 7:],
             "object_poses": e[:objects * _POSE].reshape(objects, _POSE), "goal_pos": e[objects * _POSE:],
             "object_id": int(i[1])} for s, e, i in zip(state, env, ids, strict=True)]


def episode_goal_observations(frames: dict[str, np.ndarray], agent_actions: np.ndarray, observe_actions: int,
                              control_hz: float, goal_frame: bool = False) -> list[dict[str, np.ndarray]]:
    """The goal-env observation before each logged action and after the last one's predecessor: frame t's
    observation sees the agent actions t-1, t-2, ... (most recent first), as ``ObjectGoalEnv`` builds them."""
    from policies.object_goal_env import object_goal_observation

    width = agent_actions.shape[1]
    past = np.zeros(observe_actions * width, np.float32)
    previous = None
    out = []
    for t, env_obs in enumerate(_episode_env_observations(frames)):
        if t > 0 and observe_actions:
            past[width:] = past[:-width].copy()
            past[:width] = agent_actions[t - 1]
        goal_obs, previous = object_goal_observation(env_obs, previous, past, np.float32(control_hz), goal_frame)
        out.append(goal_obs)
    return out


def _dataset_config(root: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    try:
        manifest = json.loads((root / "manifest.json").read_text())
    except (OSError, ValueError) as exc:
        raise TrainConfigError(f"demos {root}: no readable manifest.json, not a finished armstack dataset "
                               f"({exc})") from None
    config = manifest.get("config") if isinstance(manifest, dict) else None
    if not isinstance(config, dict):
        raise TrainConfigError(f"demos {root}: its manifest.json has no datagen config")
    return manifest, config


def load_demo_transitions(root: str | Path, env: Any, *, robot: str, randomization: str) -> DemoTransitions:
    """Every transition of the dataset at ``root`` as ``env`` (an ``ObjectGoalEnv``) would have produced it.

    Refused in one line: a dataset of another env, robot or randomisation, one whose episodes stop at the first
    success (the goal env runs to max_steps and reads success there: ``datagen --full-episodes``), or one whose
    actions use an env action dim ``env``'s action mode holds at another value."""
    from sim.dataset.errors import DatasetError
    from sim.dataset.layout import ARMSTACK_EPISODES_PATH
    from sim.dataset.reader import DatasetReader

    root = Path(root)
    manifest, made = _dataset_config(root)
    wanted = {"env_id": env.env_id, "robot": robot, "randomization": randomization}
    for key, value in wanted.items():
        if made.get(key) != value:
            raise TrainConfigError(f"demos {root}: made with {key} {made.get(key)!r}, the run has {value!r}")
    if made.get("full_episodes") is not True:
        raise TrainConfigError(f"demos {root}: episodes stop at the first success; the goal env runs to max_steps "
                               "and reads success there: generate them with armstack datagen --full-episodes")
    if float(made.get("action_noise") or 0.0) != 0.0:
        raise TrainConfigError(f"demos {root}: made with action_noise {made['action_noise']}: the logged actions "
                               "are the expert's labels, not the actions that ran")
    dims = list(env.action_dims)
    held = np.array([0.0, 0.0, 0.0, 0.0, env.spec_task.held_gripper], np.float32)  # ObjectGoalEnv's held dims
    hz = float(env.unwrapped.control_hz)
    columns: dict[str, list[Any]] = {"obs": [], "next": [], "actions": []}
    seeds: list[int] = []
    starts: list[int] = []
    rows = 0
    try:
        with DatasetReader(root) as reader:
            metas = [json.loads(line) for line in
                     reader.checked_file(ARMSTACK_EPISODES_PATH).read_text().splitlines() if line.strip()]
            for k in range(reader.num_episodes):
                frames = reader.episode(k, [_STATE, _ENV, _IDS, _ACTION])
                logged = np.asarray(frames[_ACTION], np.float32)
                _check_held(logged, dims, held, env.action_mode, root, k)
                agent = logged[:, dims]
                goal_obs = episode_goal_observations(frames, agent, env.observe_actions, hz, env.goal_frame)
                columns["obs"].extend(goal_obs[:-1])
                columns["next"].extend(goal_obs[1:])
                columns["actions"].append(agent[:-1])
                starts.append(rows)
                rows += len(goal_obs) - 1
                seeds.append(int(metas[k]["seed"]))
    except TrainConfigError:
        raise
    except (DatasetError, OSError, KeyError, IndexError, ValueError) as exc:
        raise TrainConfigError(f"demos {root}: cannot read it back ({exc})") from None
    if rows == 0:
        raise TrainConfigError(f"demos {root}: no transitions (episodes of one frame or none)")
    obs = {key: np.stack([o[key] for o in columns["obs"]]) for key in env.observation_space.spaces}
    nxt = {key: np.stack([o[key] for o in columns["next"]]) for key in env.observation_space.spaces}
    rewards = np.asarray(env.compute_reward(nxt["achieved_goal"], nxt["desired_goal"], None), np.float32)
    source = {"dir": str(root.resolve()), "content_sha256": manifest.get("content_sha256"),
              "manifest_sha256": manifest.get("manifest_sha256"), "episodes": len(seeds), "transitions": rows}
    return DemoTransitions(observations=obs, next_observations=nxt, actions=np.concatenate(columns["actions"]),
                           rewards=rewards, episode_seeds=tuple(seeds), episode_starts=np.array(starts),
                           source=source)


def _check_held(logged: np.ndarray, dims: list[int], held: np.ndarray, mode: str, root: Path, episode: int) -> None:
    from policies.action_modes import ENV_ACTION_NAMES

    for d in range(logged.shape[1]):
        if d in dims:
            continue
        worst = float(np.max(np.abs(logged[:, d] - held[d])))
        if worst > _HELD_TOLERANCE:
            raise TrainConfigError(
                f"demos {root}: episode {episode}'s actions set {ENV_ACTION_NAMES[d]} (up to {worst:.3g} from "
                f"{held[d]:g}), which action_mode {mode!r} holds at {held[d]:g}; use an action_mode that commands "
                f"it (full)")


def with_goal_frame(obs: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """A batch of goal-env observations whose goal frame (``policies.object_goal_env.refresh_goal_frame``) is
    computed for its own ``desired_goal``: after HER relabelling, the frame of the goal the row now has."""
    from policies.object_goal_env import refresh_goal_frame

    return {**obs, "observation": refresh_goal_frame(obs["observation"], obs["desired_goal"])}


class GoalFrameHerReplayBuffer(HerReplayBuffer):
    """SB3's ``HerReplayBuffer`` for a goal env with ``goal_frame`` on: every sampled batch's goal frame is
    recomputed for its (possibly relabelled) desired goal before normalisation, so HER stays correct although the
    observation depends on the goal (a row sampled with its own goal is unchanged, bit for bit)."""

    def _normalize_obs(self, obs: Any, env: Any = None) -> Any:  # type: ignore[override]
        return super()._normalize_obs(with_goal_frame(obs), env)


class DemoHerReplayBuffer(HerReplayBuffer):
    """``HerReplayBuffer`` whose batches take ``demo_ratio`` of their rows from fixed demo transitions (module doc).

    The demos are set after construction (``set_demos``; ``DemoSAC`` does it), so they stay out of the model's
    saved constructor arguments; they travel with the buffer (``save_replay_buffer`` pickles them), so a resumed
    run mixes in the very transitions it started with. ``last_demo`` holds the demo rows of the latest batch for
    ``DemoSAC``'s BC term."""

    def __init__(self, *args: Any, demo_ratio: float = 0.5, goal_frame: bool = False, **kwargs: Any) -> None:
        if not isinstance(demo_ratio, (int, float)) or isinstance(demo_ratio, bool) or not 0.0 < demo_ratio < 1.0:
            raise TrainConfigError(f"demo_ratio must be in (0, 1), got {demo_ratio!r}")
        super().__init__(*args, **kwargs)
        self.demo_ratio = float(demo_ratio)
        self.goal_frame = bool(goal_frame)  # as GoalFrameHerReplayBuffer: the frame follows a relabelled goal
        self.demo_only = False  # DemoSAC's pretraining: whole batches from the demos
        self.demos: DemoTransitions | None = None
        self.last_demo: tuple[dict[str, torch.Tensor], torch.Tensor] | None = None

    def set_demos(self, demos: DemoTransitions) -> None:
        """Mix ``demos`` into every batch from now on (refused unless they fit the env's spaces)."""
        shapes = {k: v.shape[1:] for k, v in demos.observations.items()}
        if shapes != {k: tuple(v) for k, v in self.obs_shape.items()}:
            raise TrainConfigError(f"demo observations {shapes} do not match the env's {self.obs_shape}")
        if demos.actions.shape[1:] != (self.action_dim,):
            raise TrainConfigError(f"demo actions have {demos.actions.shape[1]} dims, the env's {self.action_dim}")
        self.demos = demos

    def _normalize_obs(self, obs: Any, env: Any = None) -> Any:  # type: ignore[override]
        if getattr(self, "goal_frame", False):  # absent from a buffer pickled before it existed
            obs = with_goal_frame(obs)
        return super()._normalize_obs(obs, env)

    def __getstate__(self) -> dict[str, Any]:
        state = super().__getstate__()
        state["last_demo"] = None
        state["demo_only"] = False
        return state

    def sample(self, batch_size: int, env: Any = None) -> DictReplayBufferSamples:  # type: ignore[override]
        if self.demos is None:
            raise TrainConfigError("DemoHerReplayBuffer has no demos: set_demos first (a loaded model gets them "
                                   "back with load_replay_buffer)")
        demo_only = getattr(self, "demo_only", False)  # absent from a buffer pickled before it existed
        n_demo = batch_size if demo_only else round(self.demo_ratio * batch_size)
        rows = np.random.randint(0, len(self.demos), size=n_demo)
        obs = self._normalize_obs({k: v[rows] for k, v in self.demos.observations.items()}, env)
        nxt = self._normalize_obs({k: v[rows] for k, v in self.demos.next_observations.items()}, env)
        assert isinstance(obs, dict) and isinstance(nxt, dict)
        demo_obs = {k: self.to_torch(v) for k, v in obs.items()}
        demo_actions = self.to_torch(self.demos.actions[rows])
        self.last_demo = (demo_obs, demo_actions)
        rewards = self._normalize_reward(self.demos.rewards[rows].reshape(-1, 1), env)
        dones = torch.zeros((n_demo, 1), device=demo_actions.device)
        if demo_only:
            return DictReplayBufferSamples(observations=demo_obs, actions=demo_actions,
                                           next_observations={k: self.to_torch(v) for k, v in nxt.items()},
                                           dones=dones, rewards=self.to_torch(rewards))
        online = super().sample(batch_size - n_demo, env)
        return DictReplayBufferSamples(
            observations={k: torch.cat((online.observations[k], demo_obs[k])) for k in demo_obs},
            actions=torch.cat((online.actions, demo_actions)),
            next_observations={k: torch.cat((online.next_observations[k], self.to_torch(nxt[k]))) for k in nxt},
            dones=torch.cat((online.dones, dones)),
            rewards=torch.cat((online.rewards, self.to_torch(rewards))))


class DemoSAC(SAC):
    """SB3 SAC with a (by default Q-filtered) behaviour-cloning term on the demo rows of each batch and an optional
    pretraining on the demos alone (module doc); ``bc_weight``, ``bc_filter``, ``bc_decay_steps``,
    ``pretrain_steps`` and ``pretrained_steps`` (those done) are saved with the model, so a resumed run does not
    pretrain again and goes on with its schedule. Needs ``DemoHerReplayBuffer`` (it reads the demo rows the buffer
    kept)."""

    def __init__(self, *args: Any, demos: DemoTransitions | None = None, bc_weight: float = 0.0,
                 pretrain_steps: int = 0, bc_filter: bool = True, bc_decay_steps: int = 0, bc_noise: float = 0.0,
                 pretrain_anneal: bool = False, actor_lr_scale: float = 1.0, actor_burn_in: int = 0,
                 **kwargs: Any) -> None:
        if not isinstance(bc_weight, (int, float)) or isinstance(bc_weight, bool) or not 0.0 <= bc_weight <= 100.0:
            raise TrainConfigError(f"demo_bc_weight must be in [0, 100], got {bc_weight!r}")
        check_pretrain_steps(pretrain_steps, bc_weight)
        check_bc_decay_steps(bc_decay_steps, bc_weight)
        check_bc_noise(bc_noise, pretrain_anneal, bc_weight, pretrain_steps)
        check_demo_actor(actor_lr_scale, actor_burn_in)
        self.actor_lr_scale, self.actor_burn_in = float(actor_lr_scale), int(actor_burn_in)
        self.bc_weight, self.bc_filter, self.bc_decay_steps = float(bc_weight), bool(bc_filter), bc_decay_steps
        self.bc_noise, self.pretrain_anneal = float(bc_noise), pretrain_anneal
        self.pretrain_lr_factor = 1.0  # the share of learning_rate the pretraining's current updates run at
        self.pretrain_steps, self.pretrained_steps = pretrain_steps, 0
        self.pretraining = False
        self.bc_rows = self.bc_kept_rows = 0  # demo rows the BC term has seen online, and those the Q-filter kept
        super().__init__(*args, **kwargs)
        if demos is not None:  # None: SB3's load, whose load_replay_buffer brings the buffer and its demos back
            if not isinstance(self.replay_buffer, DemoHerReplayBuffer):
                raise TrainConfigError("DemoSAC needs replay_buffer_class=DemoHerReplayBuffer")
            self.replay_buffer.set_demos(demos)
            normalizer = self.get_vec_normalize_env()
            if pretrain_steps and normalizer is not None and normalizer.norm_obs:
                for key, stats in normalizer.obs_rms.items():
                    stats.update(demos.observations[key].astype(np.float64))

    def _setup_learn(self, *args: Any, **kwargs: Any) -> Any:
        setup = super()._setup_learn(*args, **kwargs)  # the logger the updates record to exists from here on
        if self.pretrained_steps < self.pretrain_steps:
            self.pretrain()
        return setup

    def pretrain(self) -> None:
        """The gradient steps on demo-only batches still due (``pretrain_steps``), the BC term unfiltered."""
        assert isinstance(self.replay_buffer, DemoHerReplayBuffer)
        self.pretraining = self.replay_buffer.demo_only = True
        try:
            # One call at a constant rate; annealed, chunks at falling rates. pretrain_anneal is absent from a
            # model saved before it existed.
            anneal = getattr(self, "pretrain_anneal", False)
            while self.pretrained_steps < self.pretrain_steps:
                left = self.pretrain_steps - self.pretrained_steps
                chunk = min(PRETRAIN_ANNEAL_CHUNK, left) if anneal else left
                self.pretrain_lr_factor = 1.0 - self.pretrained_steps / self.pretrain_steps
                self.train(gradient_steps=chunk, batch_size=self.batch_size)
                self.pretrained_steps += chunk
        finally:
            self.pretraining = self.replay_buffer.demo_only = False
            self.pretrain_lr_factor = 1.0
        self.pretrained_steps = self.pretrain_steps

    def _update_learning_rate(self, optimizers: Any) -> None:
        """SAC's rate, times ``pretrain_lr_factor`` while an annealed pretraining runs; online, the actor's times
        ``actor_lr_scale``, and 0 before ``actor_burn_in`` env steps."""
        super()._update_learning_rate(optimizers)
        if self.pretraining and getattr(self, "pretrain_anneal", False):
            for optimizer in optimizers if isinstance(optimizers, list) else [optimizers]:
                for group in optimizer.param_groups:
                    group["lr"] *= self.pretrain_lr_factor
        if not self.pretraining:
            for group in self.actor.optimizer.param_groups:
                group["lr"] *= self.actor_lr_factor()

    def actor_lr_factor(self) -> float:
        """The share of SAC's learning rate the actor's online updates run at now (both fields are absent from a
        model saved before they existed: 1)."""
        if self.num_timesteps < getattr(self, "actor_burn_in", 0):
            return 0.0
        return getattr(self, "actor_lr_scale", 1.0)

    def _excluded_save_params(self) -> list[str]:
        return [*super()._excluded_save_params(), "pretraining"]

    def _setup_model(self) -> None:
        super()._setup_model()
        self.actor.optimizer.register_step_pre_hook(self._add_bc)

    def _add_bc(self, _optimizer: Any, _args: Any, _kwargs: Any) -> None:
        """Before the actor's optimiser step: add the gradient of the Q-filtered BC loss to the SAC actor-loss
        gradient already there (one loss, one step)."""
        demo = getattr(self.replay_buffer, "last_demo", None)
        weight = self.bc_weight_now()
        if not self.pretraining:
            self.logger.record("train/bc_weight", weight)
        if weight == 0.0 or demo is None:
            return
        obs, actions = demo
        noise = getattr(self, "bc_noise", 0.0)  # absent from a model saved before it existed
        seen = {k: v + noise * torch.randn_like(v) for k, v in obs.items()} if noise else obs
        mean, _, _ = self.actor.get_action_dist_params(seen)
        own = torch.tanh(mean)
        with torch.no_grad():
            filtered = self.bc_filter and not self.pretraining
            if filtered:  # the critic judges the actor's action on the demo state itself
                clean = own if seen is obs else torch.tanh(self.actor.get_action_dist_params(obs)[0])
                q_demo = torch.min(torch.cat(self.critic(obs, actions), dim=1), dim=1).values
                q_own = torch.min(torch.cat(self.critic(obs, clean), dim=1), dim=1).values
                keep = (q_demo > q_own).float()
            else:
                keep = torch.ones(actions.shape[0], device=actions.device)
        if not self.pretraining:
            self.bc_rows += int(keep.numel())
            self.bc_kept_rows += int(keep.sum())
            self.logger.record("train/bc_kept_fraction", float(keep.mean()))
        loss = (keep * (own - actions).pow(2).sum(dim=1)).mean()
        (weight * loss).backward()

    def bc_weight_now(self) -> float:
        """The BC term's weight at this point: ``bc_weight`` while pretraining or without a schedule, else falling
        linearly to 0 at ``bc_decay_steps`` env steps (``num_timesteps``, the random ``learning_starts`` steps
        included; a resumed run goes on from its saved count)."""
        if self.pretraining or not self.bc_decay_steps:
            return self.bc_weight
        return self.bc_weight * max(0.0, 1.0 - self.num_timesteps / self.bc_decay_steps)


__all__ = ["DemoHerReplayBuffer", "DemoSAC", "DemoTransitions", "GoalFrameHerReplayBuffer", "episode_goal_observations",
           "load_demo_transitions", "with_goal_frame"]
