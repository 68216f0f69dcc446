"""Export a trained Stable-Baselines3 actor to the armstack checkpoint format, and the policy that runs it.

Only the deterministic actor is kept, as plain tensors: SAC's ``latent_pi`` + ``mu`` followed by tanh (the
mean of its squashed Gaussian), or PPO's ``policy_net`` + ``action_net`` followed by a clip to [-1, 1] (what
``predict(deterministic=True)`` returns). The observation adapter ``reach_goal_v1`` turns the *env*
observation into the goal-env observation the actor was trained on (``policies.goal_env.goal_observation``),
flattened in the key order SB3's ``CombinedExtractor`` used; ``object_goal_v1`` does the same for Push, PickPlace
and Stack (``policies.object_goal_env.object_goal_observation``; the policy keeps the last cube and TCP positions
for their velocities, so it acts on one env at a time). An actor trained on a subset of the env action
(``action_mode="xyz"``) is padded to the env's 5-d action with the values its goal env holds, recorded
in ``policy.json`` (``action.agent_dims``, ``action.fixed``), so the policy drives the env and the arm directly.
``residual_goal_v1`` runs a residual run's actor (``armstack train rl --base-policy``) on top of the BC base
policy its checkpoint carries in ``base/``, composing the two as ``policies.residual_goal_env`` does.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn

from policies.action_modes import ENV_ACTION_NAMES
from policies.checkpoint import PolicySpec, save_checkpoint
from policies.errors import CheckpointError, PolicyError, TrainConfigError
from policies.goal_env import FIXED_ACTION, JOINT_VEL_SCALE, agent_action_dims, goal_observation
from policies.networks import ACTIVATIONS, MlpActor
from policies.rl_config import RLConfig

ARCHITECTURE = "sb3_mlp_actor"
ADAPTER = "reach_goal_v1"
OBJECT_ADAPTER = "object_goal_v1"  # Push, PickPlace, Stack: policies.object_goal_env.object_goal_observation
RESIDUAL_ADAPTER = "residual_goal_v1"  # a residual actor on the BC base it carries: policies.residual_goal_env
BASE_DIR = "base"  # where a residual export keeps its base policy's checkpoint
RESIDUAL_DIMS = (0, 1, 2)  # the env action parts a residual corrects (dx, dy, dz); yaw and gripper are the base's
_ENV_KEYS = ("ee_pose", "joint_pos", "joint_vel", "goal_pos")
_OBJECT_ENV_KEYS = ("ee_pose", "gripper", "object_poses", "object_id", "joint_pos", "joint_vel", "goal_pos")


def _linears(module: nn.Module) -> list[nn.Linear]:
    return [m for m in module.modules() if isinstance(m, nn.Linear)]


def _activation_name(module: nn.Module) -> str:
    for name, cls in ACTIVATIONS.items():
        if any(isinstance(m, cls) for m in module.modules()):
            return name
    raise CheckpointError(f"cannot export an actor whose activation is none of {', '.join(ACTIVATIONS)}")


def actor_from_sb3(model: Any) -> tuple[MlpActor, list[str]]:
    """The deterministic actor of an SB3 SAC or PPO ``MultiInputPolicy``, and its input key order."""
    from stable_baselines3 import PPO, SAC

    policy = model.policy
    if isinstance(model, SAC):
        extractor, latent, head, output = policy.actor.features_extractor, policy.actor.latent_pi, \
            policy.actor.mu, "tanh"
    elif isinstance(model, PPO):
        extractor, latent, head, output = policy.pi_features_extractor, policy.mlp_extractor.policy_net, \
            policy.action_net, "clip"
    else:
        raise TrainConfigError(f"cannot export a {type(model).__name__}; valid algorithms: SAC, PPO")
    if any(True for _ in extractor.parameters()):
        raise TrainConfigError("cannot export a policy with a learned feature extractor (images); "
                               "only flattening Dict observations is supported")
    keys = list(extractor.extractors.keys())
    hidden = _linears(latent)
    in_dim = hidden[0].in_features if hidden else head.in_features
    actor = MlpActor(in_dim=in_dim, hidden=[lin.out_features for lin in hidden], out_dim=head.out_features,
                     activation=_activation_name(latent) if hidden else "relu", output=output)
    with torch.no_grad():
        for dst, src in zip(_linears(actor), [*hidden, head], strict=True):
            dst.weight.copy_(src.weight.detach().cpu())
            dst.bias.copy_(src.bias.detach().cpu())
    return actor.eval(), keys


def normalization_stats(obs_normalizer: Any | None) -> dict[str, Any]:
    """``VecNormalize``'s observation statistics as JSON (per key mean and variance, clip, epsilon)."""
    if obs_normalizer is None:
        return {"joint_vel_scale": JOINT_VEL_SCALE, "obs": None}
    rms = obs_normalizer.obs_rms
    return {"joint_vel_scale": JOINT_VEL_SCALE, "clip_obs": float(obs_normalizer.clip_obs),
            "epsilon": float(obs_normalizer.epsilon),
            "obs": {k: {"mean": np.asarray(v.mean, np.float64).ravel().tolist(),
                        "var": np.asarray(v.var, np.float64).ravel().tolist()} for k, v in rms.items()}}


def export_sb3_policy(model: Any, config: RLConfig, out_dir: str | Path, *,
                      metrics: dict[str, Any] | None = None, obs_normalizer: Any | None = None) -> Path:
    """Write ``model``'s actor as an armstack checkpoint directory that ``policies.load`` reads.

    ``obs_normalizer``: the ``VecNormalize`` the model was trained behind, whose statistics the policy applies.
    """
    from policies.goal_env import GOAL_ENV_IDS, make_goal_env
    from policies.object_goal_env import OBJECT_GOAL_TASKS

    cube_task = OBJECT_GOAL_TASKS.get(config.env_id)
    if config.env_id not in GOAL_ENV_IDS and cube_task is None:
        raise TrainConfigError(f"export covers the goal envs {', '.join((*GOAL_ENV_IDS, *OBJECT_GOAL_TASKS))}; a "
                               f"policy trained on {config.env_id} stays an SB3 model (final_model.zip)")
    action_mode = config.action_mode or (cube_task.default_action_mode if cube_task else "xyz")
    # The env action parts the agent leaves alone, as its goal env holds them.
    held = FIXED_ACTION if cube_task is None else {"dyaw": 0.0, "gripper": cube_task.held_gripper}
    actor, keys = actor_from_sb3(model)
    dims = agent_action_dims(action_mode)
    env = make_goal_env(config.env_id, robot=config.robot, randomization="none", action_mode=action_mode,
                        observe_actions=config.observed_actions, goal_frame=config.goal_frame)
    try:
        spec = _actor_spec(actor, keys, env, config, adapter=ADAPTER if cube_task is None else OBJECT_ADAPTER,
                           env_keys=_ENV_KEYS if cube_task is None else _OBJECT_ENV_KEYS,
                           action={"agent_dims": dims, "fixed": {k: v for k, v in held.items()
                                                                 if ENV_ACTION_NAMES.index(k) not in dims}},
                           obs_normalizer=obs_normalizer, metrics=metrics,
                           observation={"goal_frame": True} if config.goal_frame else None)
    finally:
        env.close()
    if actor.mean.out_features != len(dims):
        raise TrainConfigError(f"the actor outputs {actor.mean.out_features} actions; action_mode "
                               f"{action_mode!r} commands {len(dims)}: was it trained with another action_mode?")
    return save_checkpoint(out_dir, actor, spec)


def _actor_spec(actor: MlpActor, keys: list[str], env: Any, config: RLConfig, *, adapter: str,
                env_keys: tuple[str, ...], action: dict[str, Any], obs_normalizer: Any | None,
                metrics: dict[str, Any] | None, observation: dict[str, Any] | None = None,
                data: dict[str, Any] | None = None, training: dict[str, Any] | None = None) -> PolicySpec:
    """The spec of ``actor`` trained on ``env`` (its inputs checked against ``env``'s observation); the
    ``action``, ``observation`` and ``training`` entries given are added to the common ones."""
    obs_space: Any = env.observation_space
    unknown = [k for k in keys if k not in obs_space.spaces]
    if unknown:
        raise TrainConfigError(f"the actor reads observation keys {unknown} that {config.env_id}'s goal env lacks "
                               f"(it has {list(obs_space.spaces)}): was it trained on another env?")
    widths = {k: int(np.prod(obs_space[k].shape)) for k in keys}
    linears = _linears(actor)
    if sum(widths.values()) != linears[0].in_features:
        raise TrainConfigError(f"the actor takes {linears[0].in_features} inputs; the goal observation of "
                               f"{config.env_id} has {widths}: was it trained on another env?")
    base: Any = env.unwrapped
    return PolicySpec(
        architecture=ARCHITECTURE,
        arch_params={"in_dim": linears[0].in_features, "hidden": [lin.out_features for lin in linears[:-1]],
                     "out_dim": actor.mean.out_features,
                     "activation": _activation_name(actor.latent) if len(actor.latent) else "relu",
                     "output": actor.output},
        observation={"adapter": adapter, "env_id": config.env_id, "robot": config.robot,
                     "past_actions": config.observe_actions, "arm_joints": list(base.scene.robot.arm_joints),
                     "keys": keys, "widths": widths, "env_keys": list(env_keys), **(observation or {})},
        action={"dim": int(base.action_space.shape[0]), "low": -1.0, "high": 1.0, "names": list(ENV_ACTION_NAMES),
                **action},
        normalization=normalization_stats(obs_normalizer),
        robot=config.robot,
        control_hz=float(base.control_hz),
        data=data,
        training={"algorithm": f"{config.algo}{'+her' if config.her else ''}", "framework": "stable-baselines3",
                  "config": config.to_dict(), "metrics": metrics or {}, **(training or {})},
    )


def export_residual_policy(model: Any, config: RLConfig, out_dir: str | Path, *,
                           metrics: dict[str, Any] | None = None, obs_normalizer: Any | None = None) -> Path:
    """Write a residual run's actor with its base policy as one checkpoint directory (``residual_goal_v1``).

    The base checkpoint (``config.base_policy_dir``) is copied into ``<out_dir>/base/``, so the export stands alone
    wherever it is copied and ``policies.load`` checks the base's SHA-256 as for any checkpoint. The actor's
    inputs are checked against ``ResidualGoalEnv``'s observation (the goal env's, then the base's 5-d action);
    ``residual_scale`` is recorded in ``action``. The directory appears whole or not at all.
    """
    from policies.checkpoint import SPEC, WEIGHTS
    from policies.residual_goal_env import make_residual_goal_env

    base_dir = config.base_policy_dir
    if base_dir is None:
        raise TrainConfigError("not a residual run (no base_policy): export it with export_sb3_policy")
    actor, keys = actor_from_sb3(model)
    env = make_residual_goal_env(config.env_id, base_dir, robot=config.robot, randomization="none",
                                 residual_scale=config.residual_scale, residual_penalty=config.residual_penalty,
                                 observe_actions=config.observed_actions)
    base_spec = env.base_policy.spec
    try:
        spec = _actor_spec(actor, keys, env, config, adapter=RESIDUAL_ADAPTER, env_keys=_OBJECT_ENV_KEYS,
                           action={"agent_dims": list(RESIDUAL_DIMS), "residual_scale": float(config.residual_scale)},
                           obs_normalizer=obs_normalizer, metrics=metrics, observation={"base_policy": BASE_DIR},
                           data=base_spec.data,  # the base's training episodes: evaluations exclude their seeds
                           training={"base_policy": {"source": str(config.base_policy),
                                                     "adapter": base_spec.observation["adapter"]}})
    finally:
        env.close()
    if actor.mean.out_features != len(RESIDUAL_DIMS):
        raise TrainConfigError(f"the actor outputs {actor.mean.out_features} actions; a residual actor outputs "
                               f"{len(RESIDUAL_DIMS)} (dx, dy, dz): was it trained on another env?")
    out = Path(out_dir)
    out.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".staging", dir=out.parent))
    try:
        staged = save_checkpoint(stage / out.name, actor, spec)
        # Only the checkpoint itself (a BC run folder also holds logs and plots); a base's own base/ goes along.
        shutil.copytree(base_dir, staged / BASE_DIR,
                        ignore=lambda _dir, names: [n for n in names if n not in (SPEC, WEIGHTS, BASE_DIR)])
        if out.exists():
            os.replace(out, stage / "replaced")
        os.replace(staged, out)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return out


class ReachGoalPolicy:
    """Runs an exported SB3 actor on env observations (single or batched); stateless and deterministic."""

    def __init__(self, spec: PolicySpec, network: nn.Module) -> None:
        self.spec, self.network = spec, network
        obs = spec.observation
        try:
            self.keys = [str(k) for k in obs["keys"]]
            self.widths = {str(k): int(v) for k, v in obs["widths"].items()}
            self.n_arm = len(obs["arm_joints"])
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise CheckpointError(f"policy.json: malformed {ADAPTER} observation spec {obs!r}: {exc}") from exc
        if sorted(self.keys) != sorted(self.widths):
            raise CheckpointError(f"policy.json: observation keys {self.keys} differ from widths {self.widths}")
        self.dim, self.agent_dims, self.fill = self._action_layout(spec.action, network)
        # Trained with its previous actions in the observation (policies.goal_env): remembered between calls.
        try:
            self.past_actions = int(obs.get("past_actions", 0))
        except (TypeError, ValueError) as exc:
            raise CheckpointError(f"policy.json: past_actions must be a whole number: {exc}") from exc
        self._past: np.ndarray | None = None
        norm = spec.normalization
        if norm.get("joint_vel_scale") != JOINT_VEL_SCALE:
            raise CheckpointError(f"policy.json: joint_vel_scale {norm.get('joint_vel_scale')!r}; "
                                  f"this armstack's {ADAPTER} adapter uses {JOINT_VEL_SCALE}")
        self.stats: dict[str, tuple[np.ndarray, np.ndarray]] | None = None
        if norm.get("obs") is not None:
            try:
                self.clip, eps = float(norm["clip_obs"]), float(norm["epsilon"])
                self.stats = {k: (np.asarray(norm["obs"][k]["mean"], np.float64),
                                  np.sqrt(np.asarray(norm["obs"][k]["var"], np.float64) + eps)) for k in self.keys}
            except (KeyError, TypeError, ValueError) as exc:
                raise CheckpointError(f"policy.json: malformed observation normalization: {exc}") from exc
            for k, (mean, std) in self.stats.items():
                if mean.shape != (self.widths[k],) or std.shape != mean.shape or not np.isfinite(mean).all() \
                        or not np.isfinite(std).all():
                    raise CheckpointError(f"policy.json: normalization of {k!r} must hold {self.widths[k]} finite "
                                          f"means and variances")

    @staticmethod
    def _action_layout(action: dict[str, Any], network: nn.Module) -> tuple[int, list[int], np.ndarray]:
        """(env action size, indices the actor writes, the env action with the fixed parts filled in)."""
        try:
            dim = int(action["dim"])
            names = [str(n) for n in action.get("names", ENV_ACTION_NAMES)]
            dims = [int(i) for i in action.get("agent_dims", range(dim))]  # older exports: the full action
            fixed = {str(k): float(v) for k, v in action.get("fixed", {}).items()}
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise CheckpointError(f"policy.json: malformed action spec {action!r}: {exc}") from exc
        out = getattr(network, "mean", None)
        if len(names) != dim or sorted(set(dims)) != dims or not all(0 <= i < dim for i in dims) \
                or not isinstance(out, nn.Linear) or out.out_features != len(dims):
            raise CheckpointError(f"policy.json: action spec {action!r} does not match the network's "
                                  f"{getattr(out, 'out_features', '?')} outputs")
        missing = [names[i] for i in range(dim) if i not in dims and names[i] not in fixed]
        if missing:
            raise CheckpointError(f"policy.json: action parts {missing} are neither commanded nor fixed")
        fill = np.array([fixed.get(names[i], 0.0) for i in range(dim)], dtype=np.float32)
        return dim, dims, fill

    def reset(self) -> None:
        """Forget the previous actions (a new episode starts from none, as the goal env does)."""
        self._past = None

    env_keys: tuple[str, ...] = _ENV_KEYS

    def _goal_obs(self, obs: dict[str, Any], past: np.ndarray | None) -> dict[str, np.ndarray]:
        """The goal-env observation (batched along the first axis) the actor was trained on."""
        return goal_observation({k: np.atleast_2d(np.asarray(obs[k], np.float32)) for k in _ENV_KEYS}, past)

    def _check_obs(self, obs: dict[str, Any]) -> tuple[bool, int]:
        """(a single observation?, batch size) of an env observation this policy can act on; refuses others."""
        missing = [k for k in self.env_keys if k not in obs]
        if missing:
            raise PolicyError(f"observation lacks {missing}; this policy needs {list(self.env_keys)}")
        joint_pos = np.asarray(obs["joint_pos"])
        if joint_pos.shape[-1] != self.n_arm or joint_pos.ndim not in (1, 2):
            raise PolicyError(f"observation joint_pos has shape {joint_pos.shape}; the policy was trained on robot "
                              f"{self.spec.robot!r} with {self.n_arm} arm joints")
        return joint_pos.ndim == 1, joint_pos.reshape(-1, self.n_arm).shape[0]

    def _run_actor(self, goal_obs: dict[str, np.ndarray]) -> np.ndarray:
        """The actor's (B, out) output on a batched goal-env observation, normalised as ``VecNormalize`` did."""
        parts = [goal_obs[k].reshape(goal_obs[k].shape[0], -1) for k in self.keys]
        if self.stats is not None:  # as VecNormalize does it: in float64, then clipped
            parts = [np.clip((p - self.stats[k][0]) / self.stats[k][1], -self.clip, self.clip)
                     for p, k in zip(parts, self.keys, strict=True)]
        x = np.concatenate(parts, axis=1)
        if not np.isfinite(x).all():
            raise PolicyError("observation holds non-finite values: refusing to act on them")
        with torch.inference_mode():
            out: np.ndarray = self.network(torch.from_numpy(np.ascontiguousarray(x, dtype=np.float32))).numpy()
        if getattr(self.network, "output", None) == "tanh":
            # SB3's predict maps a squashed action onto the action Box [-1, 1], which rounds about half of the
            # values by one float32 ulp; the same arithmetic here gives the env the very action it was trained and
            # evaluated with (a Push rollout's outcome can turn on one ulp of contact).
            out = np.float32(-1.0) + 0.5 * (out + np.float32(1.0)) * np.float32(2.0)
        return out

    def act(self, obs: dict[str, Any]) -> np.ndarray:
        single, batch = self._check_obs(obs)
        past = None
        if self.past_actions:
            if self._past is None or self._past.shape[0] != batch:  # first call, or another batch: no history
                self._past = np.zeros((batch, self.past_actions * len(self.agent_dims)), np.float32)
            past = self._past
        agent = self._run_actor(self._goal_obs(obs, past))
        out = np.repeat(self.fill[None], agent.shape[0], axis=0)
        out[:, self.agent_dims] = agent
        if past is not None:  # most recent first, as policies.goal_env keeps them
            self._past = np.concatenate([agent.astype(np.float32), past[:, : -agent.shape[1]]], axis=1)
        return out[0] if single else out

    __call__ = act


class ObjectGoalPolicy(ReachGoalPolicy):
    """An exported SB3 actor of Push, PickPlace or Stack on env observations (one env at a time): it remembers
    the cube and TCP positions of the last call for their velocities, as ``policies.object_goal_env`` does."""

    env_keys = _OBJECT_ENV_KEYS

    def __init__(self, spec: PolicySpec, network: nn.Module) -> None:
        super().__init__(spec, network)
        self.control_hz = float(spec.control_hz)
        self.goal_frame = spec.observation.get("goal_frame", False)  # absent: exported before it existed
        if not isinstance(self.goal_frame, bool):
            raise CheckpointError(f"policy.json: observation.goal_frame must be true or false, got {self.goal_frame!r}")
        self._previous: np.ndarray | None = None

    def reset(self) -> None:
        """Forget the previous actions and positions (a new episode)."""
        super().reset()
        self._previous = None

    def _goal_obs(self, obs: dict[str, Any], past: np.ndarray | None) -> dict[str, np.ndarray]:
        from policies.object_goal_env import object_goal_observation

        if np.asarray(obs["joint_pos"]).ndim != 1:
            raise PolicyError(f"the {OBJECT_ADAPTER} policy acts on one env observation at a time (it tracks "
                              "velocities between calls), got a batch")
        history = past[0] if past is not None else np.zeros(0, np.float32)
        goal_obs, self._previous = object_goal_observation(obs, self._previous, history, self.control_hz,
                                                           self.goal_frame)
        return {k: v[None] for k, v in goal_obs.items()}


class ResidualGoalPolicy(ObjectGoalPolicy):
    """A residual SAC actor on the BC base policy its checkpoint carries (``base/``), composed as
    ``policies.residual_goal_env.ResidualGoalEnv`` composes them; one env at a time.

    The base acts on the env observation; the actor sees the goal-env observation with the base's 5-d action
    appended, and its (dx, dy, dz) times ``residual_scale`` is added to the base's, the sum clipped to [-1, 1];
    the base's yaw and gripper commands pass through. The previous actions it observes are these composed env
    actions (the wrapped goal env runs the full action), not the actor's outputs.
    """

    def __init__(self, spec: PolicySpec, network: nn.Module, checkpoint_dir: Path) -> None:
        super().__init__(spec, network)
        try:
            scale = float(spec.action["residual_scale"])
        except (KeyError, TypeError, ValueError) as exc:
            raise CheckpointError(f"policy.json: a {RESIDUAL_ADAPTER} action spec needs a numeric residual_scale: "
                                  f"{exc}") from exc
        if not 0.0 < scale <= 2.0:  # ResidualGoalEnv's own bound
            raise CheckpointError(f"policy.json: residual_scale must be in (0, 2], got {scale!r}")
        self.residual_scale = np.float32(scale)
        base_dir = Path(checkpoint_dir) / BASE_DIR
        if not base_dir.is_dir():
            raise CheckpointError(f"{checkpoint_dir}: the residual policy's base policy ({BASE_DIR}/) is missing")
        from policies.policy import load

        self.base = load(base_dir, robot=spec.robot)
        if int(self.base.spec.action.get("dim", -1)) != self.dim:
            raise CheckpointError(f"{base_dir}: the base policy's action has {self.base.spec.action.get('dim')} "
                                  f"values; the residual composes the env's {self.dim}")

    @staticmethod
    def _action_layout(action: dict[str, Any], network: nn.Module) -> tuple[int, list[int], np.ndarray]:
        """(env action size, the parts the residual corrects, zeros): the rest of the action is the base's."""
        try:
            dim, dims = int(action["dim"]), [int(i) for i in action["agent_dims"]]
        except (KeyError, TypeError, ValueError) as exc:
            raise CheckpointError(f"policy.json: malformed action spec {action!r}: {exc}") from exc
        out = getattr(network, "mean", None)
        if dim != len(ENV_ACTION_NAMES) or dims != list(RESIDUAL_DIMS) or not isinstance(out, nn.Linear) \
                or out.out_features != len(dims):
            raise CheckpointError(f"policy.json: a {RESIDUAL_ADAPTER} policy corrects env action parts "
                                  f"{list(RESIDUAL_DIMS)} of {len(ENV_ACTION_NAMES)}; the spec has {action!r} and "
                                  f"the network {getattr(out, 'out_features', '?')} outputs")
        return dim, dims, np.zeros(dim, np.float32)

    def reset(self) -> None:
        """A new episode: no previous actions or positions, and the base policy starts afresh too."""
        super().reset()
        self.base.reset()

    def act(self, obs: dict[str, Any]) -> np.ndarray:
        from policies.object_goal_env import object_goal_observation

        single, _ = self._check_obs(obs)
        if not single:
            raise PolicyError(f"the {RESIDUAL_ADAPTER} policy acts on one env observation at a time (it tracks "
                              "velocities between calls), got a batch")
        base = np.asarray(self.base.act(obs), np.float32).reshape(-1)
        if base.shape != (self.dim,):
            raise PolicyError(f"the base policy returned an action of shape {base.shape}, not ({self.dim},)")
        past = self._past if self._past is not None else np.zeros((1, self.past_actions * self.dim), np.float32)
        goal_obs, previous = object_goal_observation(obs, self._previous, past[0], self.control_hz)
        goal_obs["observation"] = np.concatenate((goal_obs["observation"], base))
        residual = self._run_actor({k: v[None] for k, v in goal_obs.items()})[0]
        out = base.copy()
        out[:3] = np.clip(base[:3] + self.residual_scale * residual, -1.0, 1.0)
        self._previous = previous
        self._past = np.concatenate((out, past[0]))[None, : past.shape[1]]  # most recent first
        return out

    __call__ = act
