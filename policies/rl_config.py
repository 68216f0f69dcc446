"""The configuration of one Stable-Baselines3 run on an armstack env (validated, YAML-loadable)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from policies.action_modes import action_mode
from policies.errors import TrainConfigError

ALGOS = ("sac", "ppo")
DEVICES = ("cpu", "cuda", "auto")
GOAL_STRATEGIES = ("future", "final", "episode")
MAX_OBSERVED_ACTIONS = 4  # past actions in the observation: 'strong' randomisation delays actions up to 2 steps
# Training episode k uses seed ``seed * TRAIN_SEED_STRIDE + k``; evaluation episode k uses ``EVAL_SEED_BASE + k``.
# With seed < MAX_SEED and fewer than TRAIN_SEED_STRIDE training episodes the two sets never meet.
TRAIN_SEED_STRIDE = 100_000
MAX_SEED = 10_000
EVAL_SEED_BASE = 2_000_000_000
# Validation episodes (choosing a checkpoint, bench/rl_tasks.py) use ``VALIDATION_SEED_BASE + k``: apart from both,
# from policies.evaluate's blocks (its selection seeds start at 1_500_000_007) and from the visuomotor scenes (3e9).
VALIDATION_SEED_BASE = 2_500_000_000
# The envs a residual run (``base_policy``) can wrap, each with the shipped BC checkpoint (a folder of
# policies/pretrained/) that base_policy "pretrained" names there. The goal envs read success at the last step,
# so the base must hold the result: the tabletop policy does for PickPlace and Stack (95% and 100% held out), but
# on Push it was cloned from episodes that stop at the first success and pushes on (27.5% at the last step);
# panda_push_full_bc, cloned from full-length episodes (datagen --full-episodes), holds it (90%; issue 19,
# policies/pretrained/README.md).
PRETRAINED_BASES: dict[str, str] = {"armstack/Push-v0": "panda_push_full_bc",
                                    "armstack/PickPlace-v0": "panda_tabletop_bc",
                                    "armstack/Stack-v0": "panda_tabletop_bc"}
RESIDUAL_ENV_IDS = tuple(PRETRAINED_BASES)
# What "pretrained" named on an env before its shipped base changed (Push: until 9c61b25, 2026-12-05). A run saved
# before runs recorded their base (policies.rl.BASE_RECORD) that names "pretrained" there cannot show which base it
# started from, so it is not resumed against today's.
PRETRAINED_BASES_BEFORE: dict[str, str] = {"armstack/Push-v0": "panda_tabletop_bc"}
PRETRAINED_BASE = "pretrained"  # base_policy naming the env's shipped base, PRETRAINED_BASES[env_id]
REWARD_TYPES = ("sparse", "dense")  # policies.goal_env's, named here without importing the envs
DEMO_ENV_IDS = ("armstack/Push-v0", "armstack/PickPlace-v0", "armstack/Stack-v0")  # policies.object_goal_env's
# RLConfig's demo_* defaults: RLPD's symmetric sampling (half of every batch from the demos), no BC term, no
# pretraining on the demos before the first env step.
DEMO_DEFAULTS: dict[str, Any] = {"demo_ratio": 0.5, "demo_bc_weight": 0.0, "demo_pretrain_steps": 0,
                                 "demo_bc_filter": True, "demo_bc_decay_steps": 0, "demo_bc_noise": 0.0,
                                 "demo_pretrain_anneal": False, "demo_actor_lr_scale": 1.0, "demo_actor_burn_in": 0}
MAX_BC_NOISE = 1.0
MAX_PRETRAIN_STEPS = 1_000_000
MAX_BC_DECAY_STEPS = 100_000_000


# The residual recipe (RLConfig's residual_* and actor_* defaults): bench/rl_tasks.py's chosen variant.
RESIDUAL_RECIPE: dict[str, Any] = {"residual_scale": 0.5, "residual_penalty": 0.1, "residual_pull": 1.0,
                                   "residual_log_std": -2.0, "actor_burn_in": 3_000, "actor_lr_scale": 0.1}


def _valid_ent_coef(value: object) -> bool:
    if not isinstance(value, str):
        return False
    number = value.removeprefix("auto").removeprefix("_") if value.startswith("auto") else value
    if number == "" and value == "auto":
        return True
    try:
        return float(number) > 0
    except ValueError:
        return False


def check_residual_sac(*, burn_in_steps: Any, actor_lr_scale: Any, zero_pull: Any, initial_log_std: Any) -> None:
    """Refuse a setting ``policies.residual_sac.ResidualSAC`` cannot use, naming its RLConfig field (the config
    and the constructor share this check)."""
    if not isinstance(burn_in_steps, int) or isinstance(burn_in_steps, bool) or burn_in_steps < 0:
        raise TrainConfigError(f"actor_burn_in must be a whole number of env steps >= 0, got {burn_in_steps!r}")
    if not _number(actor_lr_scale) or not 0.0 < actor_lr_scale <= 1.0:
        raise TrainConfigError(f"actor_lr_scale must be in (0, 1] (a fraction of learning_rate), "
                               f"got {actor_lr_scale!r}")
    if not _number(zero_pull) or not 0.0 <= zero_pull <= 100.0:
        raise TrainConfigError(f"residual_pull must be in [0, 100], got {zero_pull!r}")
    if not _number(initial_log_std) or not -5.0 <= initial_log_std <= 0.0:
        raise TrainConfigError(f"residual_log_std must be in [-5, 0] (std exp(-5)..1 before the tanh), "
                               f"got {initial_log_std!r}")


def check_pretrain_steps(steps: Any, bc_weight: Any) -> None:
    """Refuse a pretraining ``policies.demo_replay.DemoSAC`` cannot do, naming its RLConfig fields (the config and
    the model share this check)."""
    if not isinstance(steps, int) or isinstance(steps, bool) or not 0 <= steps <= MAX_PRETRAIN_STEPS:
        raise TrainConfigError(f"demo_pretrain_steps must be a whole number in 0..{MAX_PRETRAIN_STEPS}, "
                               f"got {steps!r}")
    if steps and not bc_weight:
        raise TrainConfigError("demo_pretrain_steps needs demo_bc_weight > 0: the pretraining clones the demos "
                               "(without a BC term the actor would follow a critic that has seen only demo actions)")


def check_bc_decay_steps(steps: Any, bc_weight: Any) -> None:
    """Refuse a BC-weight schedule ``policies.demo_replay.DemoSAC`` cannot follow, naming its RLConfig fields."""
    if not isinstance(steps, int) or isinstance(steps, bool) or not 0 <= steps <= MAX_BC_DECAY_STEPS:
        raise TrainConfigError(f"demo_bc_decay_steps must be a whole number of env steps in 0..{MAX_BC_DECAY_STEPS} "
                               f"(0: the BC weight stays constant), got {steps!r}")
    if steps and not bc_weight:
        raise TrainConfigError("demo_bc_decay_steps needs demo_bc_weight > 0: it schedules the BC term's weight")


def check_bc_noise(noise: Any, anneal: Any, bc_weight: Any, pretrain_steps: Any) -> None:
    """Refuse a BC-input noise or a pretraining schedule ``policies.demo_replay.DemoSAC`` cannot use, naming its
    RLConfig fields."""
    if not _number(noise) or not 0.0 <= noise <= MAX_BC_NOISE:
        raise TrainConfigError(f"demo_bc_noise must be in [0, {MAX_BC_NOISE:g}] (a std in normalised units), "
                               f"got {noise!r}")
    if noise and not bc_weight:
        raise TrainConfigError("demo_bc_noise needs demo_bc_weight > 0: it perturbs the BC term's inputs")
    if not isinstance(anneal, bool):
        raise TrainConfigError(f"demo_pretrain_anneal must be true or false, got {anneal!r}")
    if anneal and not pretrain_steps:
        raise TrainConfigError("demo_pretrain_anneal needs demo_pretrain_steps > 0: it schedules the pretraining's "
                               "learning rate")


def check_demo_actor(lr_scale: Any, burn_in: Any) -> None:
    """Refuse an online actor schedule ``policies.demo_replay.DemoSAC`` cannot follow, naming its RLConfig fields."""
    if not _number(lr_scale) or not 0.0 < lr_scale <= 1.0:
        raise TrainConfigError(f"demo_actor_lr_scale must be in (0, 1] (a fraction of learning_rate), got {lr_scale!r}")
    if not isinstance(burn_in, int) or isinstance(burn_in, bool) or not 0 <= burn_in <= MAX_BC_DECAY_STEPS:
        raise TrainConfigError(f"demo_actor_burn_in must be a whole number of env steps in 0..{MAX_BC_DECAY_STEPS}, "
                               f"got {burn_in!r}")


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value == value


@dataclass(frozen=True, kw_only=True)
class RLConfig:
    """One RL run: the env, the algorithm and its hyperparameters, evaluation and checkpoint cadence.

    The defaults are rl-baselines3-zoo's FetchReach SAC+HER settings with a faster start (``ent_coef``
    "auto_0.1", fewer warm-up steps), the HER paper's ``tau`` 0.05, the TCP translation as the action and the
    last two actions in the observation; the runs behind each choice are in docs/measured_defaults.md
    ("Reinforcement learning")."""

    env_id: str = "armstack/Reach-v0"
    algo: str = "sac"
    her: bool = True
    steps: int = 10_000
    seed: int = 0
    robot: str = "panda"
    randomization: str = "default"
    net_arch: tuple[int, ...] = (64, 64)
    learning_rate: float = 1e-3
    gamma: float = 0.95
    tau: float = 0.05
    batch_size: int = 256
    buffer_size: int = 100_000
    learning_starts: int = 500
    train_freq: int = 1
    gradient_steps: int = 1
    ent_coef: str = "auto_0.1"
    n_sampled_goal: int = 4
    goal_selection_strategy: str = "future"
    normalize_obs: bool = True
    action_mode: str | None = None
    """A mode of ``policies.action_modes.ACTION_MODES``; None: the goal env's own (``xyz`` for Reach and Push,
    ``xyzg``, the gripper as a 4th dim, for PickPlace and Stack)."""
    observe_actions: int | None = None
    """Past agent actions in the observation (0..4). None (the default) resolves when the config is made (the config,
    its ``observed_actions`` and config.json hold the number): 2, for Reach's randomised action latency
    (docs/measured_defaults.md), and 0 in a run with demos: a policy cloned from an expert's slowly changing actions
    while it sees its own last ones learns to repeat them (the copycat shortcut). Push, 2 seeds x 40 held-out
    episodes: the clone after 5,000 pretraining updates 36/80 without them against 11/80 with them, 48/80 against
    18/80 after 10k online steps (paired McNemar p < 1e-5 both; bench/rl_tasks.py's rlpd_bc_pre_nofilter_noact,
    docs/measured_defaults.md). An explicit value outside 0..4 (-1 included) is refused."""
    goal_frame: bool = False
    """Push, PickPlace, Stack: the observation also holds the TCP quaternion and the task frame of the cube and the
    goal (TCP along and across the cube-to-goal line, height, distance, tool yaw against the line and the cube:
    ``policies.observation``'s features of the BC policies). The frame depends on the goal, so HER's relabelled rows
    get it recomputed for their new goal (``policies.demo_replay.GoalFrameHerReplayBuffer``)."""
    physics_sleep: bool | None = None
    """None: on for Reach, off for Push, PickPlace and Stack, whose cubes the arm must move (why: docs/
    measured_defaults.md). True for a cube task is refused."""
    reward_type: str | None = None
    """None: sparse with HER, dense (the task's named reward terms) without; "dense" with HER also works."""
    base_policy: str | None = None
    """Residual RL on a BC checkpoint (a folder ``policies.load`` reads, or "pretrained": the env's shipped base,
    ``PRETRAINED_BASES``): SAC learns a correction of its dx, dy, dz (``policies.residual_goal_env``) with
    ``policies.residual_sac.ResidualSAC``. None: RL from scratch; the ``residual_*`` and ``actor_*`` fields below
    apply only with a base policy. Their defaults are the recipe bench/rl_tasks.py chose (docs/measured_defaults.md
    "Residual RL")."""
    residual_scale: float = RESIDUAL_RECIPE["residual_scale"]
    """The residual's reach: the agent's [-1, 1] action times this is added to the base's dx, dy, dz."""
    residual_penalty: float = RESIDUAL_RECIPE["residual_penalty"]
    """Reward cost per step of the squared residual (its sum over dx, dy, dz)."""
    residual_pull: float = RESIDUAL_RECIPE["residual_pull"]
    """Weight of the actor-loss term pulling the deterministic residual toward 0 (``ResidualSAC.zero_pull``)."""
    residual_log_std: float = RESIDUAL_RECIPE["residual_log_std"]
    """The fresh actor's exploration std (log, before the tanh); its mean starts at a zero residual."""
    actor_burn_in: int = RESIDUAL_RECIPE["actor_burn_in"]
    """Env steps during which the actor stays frozen and the critic alone learns."""
    actor_lr_scale: float = RESIDUAL_RECIPE["actor_lr_scale"]
    """The actor's learning rate as a fraction of ``learning_rate`` (critic and entropy keep it whole)."""
    demos: str | None = None
    """SAC+HER that learns from expert demonstrations (``policies.demo_replay``): an armstack dataset folder of the
    same env, robot and randomisation made with ``datagen --full-episodes``, its transitions rebuilt as the goal env's
    and mixed into every batch. None: no demos; the ``demo_*`` fields apply only with demos."""
    demo_ratio: float = DEMO_DEFAULTS["demo_ratio"]
    """The share of every SAC batch drawn from the demos (the rest from the online, HER-relabelled buffer)."""
    demo_bc_weight: float = DEMO_DEFAULTS["demo_bc_weight"]
    """Weight of the actor's Q-filtered behaviour-cloning term on the demo rows (Nair et al., 2018); 0: none."""
    demo_bc_filter: bool = DEMO_DEFAULTS["demo_bc_filter"]
    """True: the BC term counts a demo row only where the critic rates the demo action above the actor's (the
    Q-filter); False: every demo row (a plain BC regulariser, as TD3+BC's), so a critic that overrates the actor's
    own actions cannot switch it off."""
    demo_pretrain_steps: int = DEMO_DEFAULTS["demo_pretrain_steps"]
    """Gradient steps on demo-only batches before the first env step (BC term unfiltered): the actor starts as a
    behaviour clone, the critic as its value, the observation normaliser from the demos' statistics; 0: none."""
    demo_bc_decay_steps: int = DEMO_DEFAULTS["demo_bc_decay_steps"]
    """Env steps of the run (every env step, the ``learning_starts`` random ones included) over which the BC term's
    weight falls linearly from ``demo_bc_weight`` to 0 (the pretraining keeps it whole); 0: constant."""
    demo_bc_noise: float = DEMO_DEFAULTS["demo_bc_noise"]
    """Std of Gaussian noise added to the normalised observation of the demo rows the BC term's actor sees (every
    key; pretraining and online), as ``policies.bc.BCConfig.feature_noise`` (0.05) does for the BC policies: the
    clone learns to act from states a little off the expert's path; 0: none."""
    demo_pretrain_anneal: bool = DEMO_DEFAULTS["demo_pretrain_anneal"]
    """True: the pretraining's learning rate (actor, critic, entropy) falls linearly from ``learning_rate`` to 0
    over ``demo_pretrain_steps`` (as the BC policies' one-cycle schedule ends), so the clone is a settled iterate
    rather than one step of a constant-rate walk; online training then runs at ``learning_rate``."""
    demo_actor_lr_scale: float = DEMO_DEFAULTS["demo_actor_lr_scale"]
    """The actor's online learning rate as a fraction of ``learning_rate`` (the critic, the entropy coefficient and
    the pretraining keep it whole): a pretrained clone moves more slowly while its critic learns the online data."""
    demo_actor_burn_in: int = DEMO_DEFAULTS["demo_actor_burn_in"]
    """Env steps of the run (the ``learning_starts`` random ones included) during which the actor's online learning
    rate is 0: the critic alone learns from the online data first, as residual RL's burn-in; 0: none."""
    ppo_n_steps: int = 1024
    n_envs: int = 1
    """Training envs, each in its own worker process when > 1 (SB3 ``SubprocVecEnv``), each on its own block of
    the run's training seeds. SAC then takes ``gradient_steps`` per vector step, i.e. per ``n_envs`` env steps."""
    eval_every: int = 2_000
    eval_episodes: int = 20
    checkpoint_every: int = 5_000
    torch_threads: int = 1
    device: str = "cpu"
    progress_bar: bool = True

    def __post_init__(self) -> None:
        if self.algo not in ALGOS:
            raise TrainConfigError(f"unknown algo {self.algo!r}; valid options: {', '.join(ALGOS)}")
        if self.her and self.algo != "sac":
            raise TrainConfigError(f"--her needs an off-policy algorithm (sac), got algo {self.algo!r}")
        if self.device not in DEVICES:
            raise TrainConfigError(f"unknown device {self.device!r}; valid options: {', '.join(DEVICES)} "
                                   "(small MLPs train faster on the CPU)")
        if self.goal_selection_strategy not in GOAL_STRATEGIES:
            raise TrainConfigError(f"unknown goal_selection_strategy {self.goal_selection_strategy!r}; "
                                   f"valid options: {', '.join(GOAL_STRATEGIES)}")
        if self.action_mode is not None:
            action_mode(self.action_mode)  # null: the env's own
        if self.observe_actions is None:
            object.__setattr__(self, "observe_actions", 0 if self.demos is not None else 2)  # the field's doc
        if not isinstance(self.observe_actions, int) or isinstance(self.observe_actions, bool) \
                or not 0 <= self.observe_actions <= MAX_OBSERVED_ACTIONS:
            raise TrainConfigError(f"observe_actions must be a whole number in 0..{MAX_OBSERVED_ACTIONS} (or null: 0 "
                                   f"with demos, 2 without), got {self.observe_actions!r}")
        if self.physics_sleep is not None and not isinstance(self.physics_sleep, bool):
            raise TrainConfigError(f"physics_sleep must be true or false (or null: on for Reach only), "
                                   f"got {self.physics_sleep!r}")
        if not (0 <= self.seed < MAX_SEED):
            raise TrainConfigError(f"seed must be in [0, {MAX_SEED}), got {self.seed!r}")
        positive = ("steps", "batch_size", "buffer_size", "train_freq", "gradient_steps", "n_sampled_goal",
                    "ppo_n_steps", "n_envs", "eval_every", "eval_episodes", "checkpoint_every", "torch_threads")
        for name in positive:
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise TrainConfigError(f"{name} must be a whole number >= 1, got {value!r}")
        if not isinstance(self.learning_starts, int) or self.learning_starts < 0:
            raise TrainConfigError(f"learning_starts must be a whole number >= 0, got {self.learning_starts!r}")
        if not self.net_arch or any(not isinstance(w, int) or w < 1 for w in self.net_arch):
            raise TrainConfigError(f"net_arch must be a non-empty list of layer widths >= 1, got {self.net_arch!r}")
        if not (0.0 < self.learning_rate < 1.0):
            raise TrainConfigError(f"learning_rate must be in (0, 1), got {self.learning_rate!r}")
        if not _valid_ent_coef(self.ent_coef):
            raise TrainConfigError(f"ent_coef must be 'auto', 'auto_<initial value>' or a number > 0 as a string, "
                                   f"got {self.ent_coef!r}")
        if not (0.0 < self.tau <= 1.0):
            raise TrainConfigError(f"tau (target-network update rate) must be in (0, 1], got {self.tau!r}")
        if not (0.0 < self.gamma <= 1.0):
            raise TrainConfigError(f"gamma must be in (0, 1], got {self.gamma!r}")
        if self.reward_type is not None and self.reward_type not in REWARD_TYPES:
            raise TrainConfigError(f"unknown reward_type {self.reward_type!r}; valid options: "
                                   f"{', '.join(REWARD_TYPES)} (or null: sparse with HER, dense without)")
        if not isinstance(self.goal_frame, bool):
            raise TrainConfigError(f"goal_frame must be true or false, got {self.goal_frame!r}")
        if self.goal_frame and (self.env_id not in DEMO_ENV_IDS or self.base_policy is not None):
            raise TrainConfigError(f"goal_frame is for the cube goal envs ({', '.join(DEMO_ENV_IDS)}) without a "
                                   f"base policy, got env_id {self.env_id!r}, base_policy {self.base_policy!r}")
        self._check_residual()
        self._check_demos()

    def _check_demos(self) -> None:
        if self.demos is None:
            changed = sorted(k for k, v in DEMO_DEFAULTS.items() if getattr(self, k) != v)
            if changed:
                raise TrainConfigError(f"{', '.join(changed)}: for a run with demos only; set demos (a dataset "
                                       "folder) or leave them out")
            return
        # Only the type here: a resumed run takes its demos from its replay buffer, so its dataset folder may have
        # moved since; build_model checks the folder for a new run.
        if not isinstance(self.demos, str) or not self.demos:
            raise TrainConfigError(f"demos {self.demos!r} is not a folder (an armstack dataset made with "
                                   "datagen --full-episodes)")
        if self.env_id not in DEMO_ENV_IDS:
            raise TrainConfigError(f"demos need one of {', '.join(DEMO_ENV_IDS)}, got env_id {self.env_id!r}")
        if self.algo != "sac" or not self.her or self.env_reward_type != "sparse":
            raise TrainConfigError("demos train with sac, her and the sparse reward, got "
                                   f"algo {self.algo!r}, her {self.her!r}, reward_type {self.env_reward_type!r}")
        if self.base_policy is not None:
            raise TrainConfigError("demos are for RL from scratch; a residual run (base_policy) takes none")
        if not _number(self.demo_ratio) or not 0.0 < self.demo_ratio < 1.0:
            raise TrainConfigError(f"demo_ratio must be in (0, 1), got {self.demo_ratio!r}")
        if not _number(self.demo_bc_weight) or not 0.0 <= self.demo_bc_weight <= 100.0:
            raise TrainConfigError(f"demo_bc_weight must be in [0, 100], got {self.demo_bc_weight!r}")
        check_pretrain_steps(self.demo_pretrain_steps, self.demo_bc_weight)
        check_bc_decay_steps(self.demo_bc_decay_steps, self.demo_bc_weight)
        check_bc_noise(self.demo_bc_noise, self.demo_pretrain_anneal, self.demo_bc_weight, self.demo_pretrain_steps)
        check_demo_actor(self.demo_actor_lr_scale, self.demo_actor_burn_in)
        if not isinstance(self.demo_bc_filter, bool):
            raise TrainConfigError(f"demo_bc_filter must be true or false, got {self.demo_bc_filter!r}")

    def _check_residual(self) -> None:
        if self.base_policy is None:
            changed = sorted(k for k, v in RESIDUAL_RECIPE.items() if getattr(self, k) != v)
            if changed:
                raise TrainConfigError(f"{', '.join(changed)}: for a residual run only; set base_policy "
                                       f"(a BC checkpoint folder or {PRETRAINED_BASE!r}) or leave them out")
            return
        if not isinstance(self.base_policy, str) or not self.base_policy:
            raise TrainConfigError(f"base_policy must be a checkpoint folder or {PRETRAINED_BASE!r}, "
                                   f"got {self.base_policy!r}")
        if self.base_policy != PRETRAINED_BASE and not Path(self.base_policy).is_dir():
            raise TrainConfigError(f"base_policy {self.base_policy!r} is not a folder (a BC checkpoint, or "
                                   f"{PRETRAINED_BASE!r} for the shipped one)")
        if self.env_id not in RESIDUAL_ENV_IDS:
            raise TrainConfigError(f"a residual run (base_policy) needs one of {', '.join(RESIDUAL_ENV_IDS)}, "
                                   f"got env_id {self.env_id!r}")
        if self.algo != "sac":
            raise TrainConfigError(f"a residual run (base_policy) trains with sac, got algo {self.algo!r}")
        if self.action_mode is not None:
            raise TrainConfigError(f"a residual run's action is its (dx, dy, dz) correction: leave action_mode "
                                   f"out, got {self.action_mode!r}")
        if not _number(self.residual_scale) or not 0.0 < self.residual_scale <= 2.0:
            raise TrainConfigError(f"residual_scale must be in (0, 2], got {self.residual_scale!r}")
        if not _number(self.residual_penalty) or not 0.0 <= self.residual_penalty <= 1.0:
            raise TrainConfigError(f"residual_penalty must be in [0, 1], got {self.residual_penalty!r}")
        check_residual_sac(burn_in_steps=self.actor_burn_in, actor_lr_scale=self.actor_lr_scale,
                           zero_pull=self.residual_pull, initial_log_std=self.residual_log_std)

    @property
    def base_policy_dir(self) -> Path | None:
        """The base policy's checkpoint folder (the env's shipped one for "pretrained"); None: RL from scratch."""
        if self.base_policy is None:
            return None
        if self.base_policy == PRETRAINED_BASE:
            from policies.pretrained import PRETRAINED_DIR

            return PRETRAINED_DIR / PRETRAINED_BASES[self.env_id]  # env_id is a residual env (_check_residual)
        return Path(self.base_policy)

    @property
    def env_reward_type(self) -> str:
        """The env's reward: ``reward_type``, or sparse with HER and dense without."""
        return self.reward_type or ("sparse" if self.her else "dense")

    def to_dict(self) -> dict[str, Any]:
        return {k: list(v) if isinstance(v, tuple) else v for k, v in dataclasses.asdict(self).items()}

    @property
    def observed_actions(self) -> int:
        """``observe_actions`` as resolved: a number from the moment the config is made (``__post_init__``)."""
        if self.observe_actions is None:  # only a config changed behind __post_init__'s back
            raise TrainConfigError("observe_actions was not resolved: make the config through RLConfig(...)")
        return self.observe_actions

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RLConfig:
        from sim.config_io import from_mapping
        from sim.errors import ConfigError

        try:
            return from_mapping(cls, data, where="rl config")
        except ConfigError as exc:  # unknown keys: report them as this package's error
            raise TrainConfigError(str(exc)) from exc

    @classmethod
    def from_yaml(cls, path: str | Path, **overrides: Any) -> RLConfig:
        """Load a YAML mapping of fields (unknown keys rejected); ``overrides`` win over the file."""
        from sim.config_io import load_yaml
        from sim.errors import ConfigError

        try:
            data = load_yaml(path) or {}
        except ConfigError as exc:
            raise TrainConfigError(str(exc)) from exc
        if not isinstance(data, dict):
            raise TrainConfigError(f"{path}: expected a mapping of RLConfig fields, got {type(data).__name__}")
        return cls.from_dict({**data, **overrides})
