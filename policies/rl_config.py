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
    observe_actions: int = 2
    physics_sleep: bool | None = None
    """None: on for Reach, off for Push, PickPlace and Stack, whose cubes the arm must move (why: docs/
    measured_defaults.md). True for a cube task is refused."""
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
        if not isinstance(self.observe_actions, int) or isinstance(self.observe_actions, bool) \
                or not 0 <= self.observe_actions <= MAX_OBSERVED_ACTIONS:
            raise TrainConfigError(f"observe_actions must be a whole number in 0..{MAX_OBSERVED_ACTIONS}, "
                                   f"got {self.observe_actions!r}")
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

    def to_dict(self) -> dict[str, Any]:
        return {k: list(v) if isinstance(v, tuple) else v for k, v in dataclasses.asdict(self).items()}

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
