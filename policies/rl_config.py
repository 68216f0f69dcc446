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

    The defaults are the rl-baselines3-zoo settings for FetchReach with SAC+HER (net [64, 64],
    lr 1e-3, gamma 0.95, batch 256, 4 sampled goals with the ``future`` strategy, observations normalised
    with running statistics), with fewer warm-up steps and SAC's entropy coefficient starting at 0.1 instead
    of 1 (``ent_coef="auto_0.1"``, still tuned automatically): in a 10k-step budget the default spends the
    first thousands of steps near-random while the coefficient decays. The target networks move at
    ``tau=0.05`` a gradient step, the HER paper's polyak 0.95, not SB3's 0.005 (targets averaged over the last
    ~20 critic updates instead of ~200: they track the critic ten times faster), and armstack Reach was at
    45/43/3% on seeds 0/1/2 after 5k steps and 94/99/97% after 10k (bench/rl_reach.py, 100 held-out
    episodes); with 0.05, 100/93/87/98/96% after 5k and 100/99/99/98/97% after 10k on seeds 0-4 (FetchReach,
    in the same runs: 100% from 2k steps on, as with 0.005). The rate costs nothing: the same update either way.

    Two armstack-specific defaults (bench/rl_reach.py measures them; the figures in this paragraph were taken
    with SB3's tau 0.005): the agent commands the TCP translation
    only (``action_mode="xyz"``, FetchReach's choice; a free yaw wound the wrist to its limit), and it sees its
    last two actions (``observe_actions=2``): Reach's randomised one-step action latency otherwise leaves the
    policy blind to the command in flight, and it oscillates around the marker in delayed episodes (seed 0,
    100 held-out episodes at 10k steps: 82% with the full action, 77% xyz only, 94% xyz + previous action).
    One past action says what is in flight but not whether this episode delays it, nor how hard the
    (randomised-gain) arm answers it. With one (seeds 0 and 2, 200 held-out episodes at 10k steps: 96%, 88%),
    24 of the 32 failures had reached the marker and then circled it in a 4-step cycle some 4 cm wide, all in
    delayed episodes and 18 at above-nominal actuator gain; 6 of the other 8 hovered 3-5 cm off goals lower
    than 8 cm. No failure was a timeout (the farthest goal was first reached by step 30 of 60) or at a joint
    limit (at the last step every joint was at least 0.18 rad inside its range).
    Two past actions: 96/99/97.5% on seeds 0/1/2 (94/99/97% on the first 100, bench/rl_reach.py's episodes);
    three: 97.5% on seed 0 but 83% on seed 1 (bench, 100 episodes): the spread between training seeds at 10k
    steps is as large as the difference, so two, the smallest history that covers the delay, stays.
    The Reach env runs with MuJoCo island sleeping (``physics_sleep`` None or True, ``SceneConfig.physics_sleep``): the
    cubes on the table, which Reach never needs, stop being integrated while they rest. An env step costs ~40%
    less; trajectories move by ~1e-11 m (bench/rl_reach_envstep.py measures both rows' env steps).
    Tried and not kept: gamma 0.98 (79% on seed 2: the arm ran off to the workspace edge), half the updates
    with twice the batch (``train_freq=2, batch_size=512``: 25% less learn CPU, 69.5% on seed 0).
    """

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
    """None: on for Reach, off for Push, PickPlace and Stack, whose cubes the arm must move: with sleeping on, the
    scripted experts' Push success fell from 8/8 to 6/8 episodes and PickPlace's from 8/8 to 7/8 (seeds 0-7) with
    no step saved. True for a cube task is refused."""
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
