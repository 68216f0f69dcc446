"""The configuration of one data-generation run; everything that shapes the dataset's content."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

import numpy as np

from sim.dataset.schema import STORAGE_MODES
from sim.errors import ConfigError, UnknownNameError
from sim.randomize import RANDOMIZATION_LEVELS
from sim.robots import ROBOTS
from sim.scene import CAMERAS, SceneConfig

BACKENDS = ("local", "ray")
STORAGE = STORAGE_MODES  # the dataset layer's registry: what the writer can store
OBS_KINDS = ("state", "rgb", "depth")
"""depth: per camera, integer millimetres beside the RGB frames (a 16-bit PNG per frame; sim.dataset.depth)."""
# Fields that change how a run executes but not what it produces: a resumed run may change them.
EXECUTION_FIELDS = ("workers", "backend", "ray_address", "out")
RECOVERY_ENV = "armstack/PickPlace-v0"
MAX_RECOVERY_OFFSET = 0.15
"""The farthest a placing recovery lowers from the place (m): beyond, it is a new carry, not a correction."""
MAX_GRASP_RECOVERY_OFFSET = 0.08
"""The farthest a grasp recovery descends from the object (m): beyond, it is a new approach, not a correction."""
GRASP_RECOVERY_SPREAD = np.pi / 12
"""A grasp recovery's offset is turned by up to this (rad) from the hand's x axis: at 5 cm, 1.3 cm along the
fingers' closing line, so the open fingers (4.7 cm either side of the TCP) clear a 4.4 cm cube."""
MAX_WORKERS = 10_000
"""Ray tasks in flight are twice this; local worker processes are bounded by the machine (backends.check_workers)."""


@dataclass(frozen=True, kw_only=True)
class DatagenConfig:
    """``armstack datagen`` arguments. Episode k of the dataset is the k-th successful attempt."""

    env_id: str = "armstack/Tabletop-v0"
    robot: str = "panda"
    episodes: int = 10
    workers: int = 1
    obs: tuple[str, ...] = ("state",)
    cameras: tuple[str, ...] = ("front", "wrist")
    image_size: int = 128
    randomization: str = "default"
    seed: int = 0
    out: str = "out/dataset"
    backend: str = "local"
    ray_address: str | None = None
    storage: str = "video"
    max_attempts_factor: float = 3.0
    """Give up when this many times ``episodes`` attempts have not produced enough successes."""
    replay_every: int = 10
    """Open-loop replay (reset with the attempt's seed, apply the stored actions blindly) runs on the attempts
    whose index is a multiple of this: a deterministic sample, the same for any worker count or resume. The
    replay re-simulates the whole episode (docs/measured_defaults.md); the sample's size is published beside
    its success rate. 1 replays every episode."""
    action_noise: float = 0.0
    """DART-style noise: the env executes the expert's action plus N(0, action_noise) on dx, dy, dz, dyaw,
    while ``action`` records the expert's own (clean) action. The closed-loop expert then demonstrates
    recoveries from the states a learned policy drifts into. 0 records exactly what was executed."""

    shadow_size: int = 512
    """Shadow map size of the offscreen renders (``sim.scene.SceneConfig.shadow_size``; the scene's own default is
    2048): the map is rendered at its own size whatever the image's, so a small one makes small frames cheap
    under software GL (docs/measured_defaults.md)."""
    full_episodes: bool = False
    """Run every episode to the task's max_steps (terminate_on_success=False), the expert's moves after the first
    success (Push: the retreat) recorded; an episode is kept when it is a success at its last step. The episodes
    of the goal-conditioned envs (policies.goal_env) run so, and a policy cloned from episodes that stopped at the
    first success has never seen what comes after it (issue 19: the shipped BC holds the cube at step 140 in 27.5%
    of held-out Push episodes, one cloned from full episodes in 90%)."""
    place_recovery: float = 0.0
    """PickPlace only: the share of attempts whose expert shows a placing recovery (``sim.experts.PlacingRecovery``):
    it carries the cube over a point ``place_recovery_offset`` m off the place (short of it on the carry's way,
    turned by up to +-45 degrees), lowers there, then, low, moves to the place and releases. The recorded action is
    the expert's correction throughout (on the detour the env executes the detour's own action, as under
    ``action_noise``). Drawn per attempt from its own stream; 0 (the default) changes nothing: same actions, same
    bytes, same content hash."""
    place_recovery_offset: tuple[float, float] = (0.02, 0.08)
    """The range (m) the recovery's offset from the place is drawn from, uniformly."""
    grasp_recovery: float = 0.0
    """PickPlace only: the share of attempts whose expert shows a grasp recovery (``sim.experts.GraspRecovery``): the
    open hand descends ``grasp_recovery_offset`` m off the cube, on either side across the fingers' closing line
    (turned by up to ``GRASP_RECOVERY_SPREAD``), then, low and open, moves onto it and grasps. The recorded action
    is the correction (the approach and descent onto the cube; the env executes the detour), as for
    ``place_recovery``. Drawn per attempt from its own stream,
    independent of the placing recovery's; 0 (the default) changes nothing: same actions, bytes and content hash."""
    grasp_recovery_offset: tuple[float, float] = (0.02, 0.05)
    """The range (m) the grasp recovery's offset from the cube is drawn from, uniformly."""
    grasp_recovery_slide: float = 1.0
    """The grasp recovery's executed speed while, low after the detour, the open hand is still beside the cube
    (``GraspRecovery.slide``, 0 < slide <= 1; the label stays the full-speed correction): 0.3 holds the hand low and
    open beside the cube about three times as many frames. 1 (the default) leaves a grasp recovery as it was: same
    actions, bytes and content hash."""
    msaa_samples: int = 0
    """Multisamples per pixel (``SceneConfig.msaa_samples``; MuJoCo's default is 4). Off, object edges are
    aliased (one-pixel steps) and frames are cheaper under software GL (docs/measured_defaults.md)."""

    def __post_init__(self) -> None:
        import sim

        if self.env_id not in sim.ENV_IDS:
            raise UnknownNameError("env id", self.env_id, sim.ENV_IDS)
        if self.robot not in ROBOTS:
            raise UnknownNameError("robot", self.robot, ROBOTS)
        if self.episodes < 1:
            raise ConfigError(f"--episodes must be >= 1, got {self.episodes}")
        if not 1 <= self.workers <= MAX_WORKERS:
            raise ConfigError(f"--workers must be between 1 and {MAX_WORKERS}, got {self.workers}")
        for kind in self.obs:
            if kind not in OBS_KINDS:
                raise UnknownNameError("observation kind", kind, OBS_KINDS)
        if "state" not in self.obs:
            raise ConfigError(f"--obs must include 'state' (the state is always recorded), got {','.join(self.obs)}")
        if self.depth and not self.rgb:
            raise ConfigError("--obs depth needs rgb too (--obs state,rgb,depth): the env renders depth beside the RGB "
                              "frames of the same cameras")
        if self.rgb:
            if not self.cameras:
                raise ConfigError("--obs rgb needs at least one camera in --cameras")
            for cam in self.cameras:
                if cam not in CAMERAS:
                    raise UnknownNameError("camera", cam, CAMERAS)
            if len(set(self.cameras)) != len(self.cameras):
                raise ConfigError(f"--cameras lists a camera twice: {','.join(self.cameras)}")
        if not 16 <= self.image_size <= 640:
            raise ConfigError(f"--image-size must be between 16 and 640, got {self.image_size}")
        if self.randomization not in RANDOMIZATION_LEVELS:
            raise UnknownNameError("randomization level", self.randomization, RANDOMIZATION_LEVELS)
        if not 0.0 <= self.action_noise <= 1.0:
            raise ConfigError(f"--action-noise must be between 0 and 1, got {self.action_noise}")
        if isinstance(self.replay_every, bool) or not isinstance(self.replay_every, int) or self.replay_every < 1:
            raise ConfigError(f"--replay-every must be an integer >= 1, got {self.replay_every!r}")
        if not isinstance(self.full_episodes, bool):  # a config file's "no" or 1 would read as true
            raise ConfigError(f"full_episodes must be true or false, got {self.full_episodes!r}")
        self._check_place_recovery()
        if not 0 <= self.seed < 2**63:
            raise ConfigError(f"--seed must be a non-negative integer, got {self.seed}")
        if self.backend not in BACKENDS:
            raise UnknownNameError("backend", self.backend, BACKENDS)
        if self.ray_address is not None and self.backend != "ray":
            raise ConfigError("--ray-address only applies to --backend ray")
        if self.storage not in STORAGE:
            raise UnknownNameError("storage", self.storage, STORAGE)
        if self.max_attempts_factor < 1.0:
            raise ConfigError(f"max_attempts_factor must be >= 1, got {self.max_attempts_factor}")
        self.scene_config()  # validates shadow_size and msaa_samples with the scene's own rules

    def _check_place_recovery(self) -> None:
        self._check_recovery("--place-recovery", self.place_recovery, self.place_recovery_offset,
                             MAX_RECOVERY_OFFSET, "its expert places one cube")
        self._check_recovery("--grasp-recovery", self.grasp_recovery, self.grasp_recovery_offset,
                             MAX_GRASP_RECOVERY_OFFSET, "its expert grasps one cube")
        slide = self.grasp_recovery_slide
        if isinstance(slide, bool) or not isinstance(slide, (int, float)) or not 0.0 < slide <= 1.0:
            raise ConfigError(f"--grasp-recovery-slide must be a speed factor 0 < slide <= 1, got {slide!r}")
        if slide != 1.0 and self.grasp_recovery == 0:
            raise ConfigError("--grasp-recovery-slide needs --grasp-recovery > 0 (it slows the grasp recovery's slide)")

    def _check_recovery(self, flag: str, p: Any, rng: Any, most: float, why: str) -> None:
        if isinstance(p, bool) or not isinstance(p, (int, float)) or not 0.0 <= p <= 1.0:
            raise ConfigError(f"{flag} must be a share between 0 and 1, got {p!r}")
        if (len(rng) != 2 or not all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in rng)
                or not 0.0 < rng[0] <= rng[1] <= most):
            raise ConfigError(f"{flag}-offset must be two distances 0 < low <= high <= {most} m, got {list(rng)}")
        if p > 0 and self.env_id != RECOVERY_ENV:
            raise ConfigError(f"{flag} applies to {RECOVERY_ENV} ({why}), not {self.env_id}")

    def scene_config(self) -> SceneConfig:
        """The scene of this run's env. The render settings only apply with cameras: a state-only run keeps the
        scene's defaults, so its model (and the model hash in its episodes' meta) is the plain scene's."""
        if not self.rgb:
            return SceneConfig(robot=self.robot)
        return SceneConfig(robot=self.robot, shadow_size=self.shadow_size, msaa_samples=self.msaa_samples)

    @property
    def rgb(self) -> bool:
        return "rgb" in self.obs

    @property
    def depth(self) -> bool:
        return "depth" in self.obs

    @property
    def obs_mode(self) -> str:
        """The env's obs_mode for this run: ``rgbd`` with depth, ``rgb`` with cameras, else ``state``."""
        return "rgbd" if self.depth else "rgb" if self.rgb else "state"

    @property
    def active_cameras(self) -> tuple[str, ...]:
        return self.cameras if self.rgb else ()

    def replays(self, attempt: int) -> bool:
        """Whether ``attempt`` is in the open-loop replay sample (never under DART noise or placing recoveries: the
        recorded actions are labels, not what ran; see ``action_noise``)."""
        return (self.action_noise == 0 and self.place_recovery == 0 and self.grasp_recovery == 0
                and attempt % self.replay_every == 0)

    @property
    def max_attempts(self) -> int:
        return int(np.ceil(self.episodes * self.max_attempts_factor))

    def content_fields(self) -> dict[str, Any]:
        """The fields that determine the dataset's content (a resumed run must match them)."""
        d = dataclasses.asdict(self)
        for name in EXECUTION_FIELDS:
            d.pop(name)
        d["obs"], d["cameras"] = list(self.obs), list(self.active_cameras)
        if not self.full_episodes:  # the default: earlier datasets keep their content fields and hashes
            d.pop("full_episodes")
        self._drop_default_recovery(d)
        if not self.rgb:  # nothing is rendered: the render settings shape nothing
            d.pop("shadow_size")
            d.pop("msaa_samples")
        return d

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["obs"], d["cameras"] = list(self.obs), list(self.cameras)
        if not self.full_episodes:  # as content_fields: a default run's manifest is as before
            d.pop("full_episodes")
        self._drop_default_recovery(d)
        return d

    def _drop_default_recovery(self, d: dict[str, Any]) -> None:
        """Without placing recoveries their fields are left out: earlier datasets keep their manifests and hashes."""
        if self.place_recovery == 0:
            d.pop("place_recovery")
            d.pop("place_recovery_offset")
        else:
            d["place_recovery_offset"] = list(self.place_recovery_offset)
        if self.grasp_recovery == 0:
            d.pop("grasp_recovery")
            d.pop("grasp_recovery_offset")
        else:
            d["grasp_recovery_offset"] = list(self.grasp_recovery_offset)
        if self.grasp_recovery_slide == 1.0:  # the default: session 20's grasp-recovery datasets keep their hashes
            d.pop("grasp_recovery_slide")

    def recovery_for(self, seed: int) -> dict[str, float] | None:
        """The placing recovery of the attempt with reset seed ``seed`` (its distance and angle), or None; drawn
        from a stream of its own, so the attempts' seeds and every other draw are unchanged."""
        if self.place_recovery == 0:
            return None
        rng = np.random.default_rng([seed, 0x9EC0])
        if rng.random() >= self.place_recovery:
            return None
        lo, hi = self.place_recovery_offset
        return {"distance": float(rng.uniform(lo, hi)), "angle": float(rng.uniform(-np.pi / 4, np.pi / 4))}

    def grasp_recovery_for(self, seed: int) -> dict[str, float] | None:
        """The grasp recovery of the attempt with reset seed ``seed`` (its distance and world direction), or None;
        drawn from a stream of its own (independent of the placing recovery's and of every other draw)."""
        if self.grasp_recovery == 0:
            return None
        rng = np.random.default_rng([seed, 0x6A5B])
        if rng.random() >= self.grasp_recovery:
            return None
        lo, hi = self.grasp_recovery_offset
        side = 0.0 if rng.random() < 0.5 else np.pi
        return {"distance": float(rng.uniform(lo, hi)),
                "angle": float(side + rng.uniform(-GRASP_RECOVERY_SPREAD, GRASP_RECOVERY_SPREAD))}


def attempt_seed(base_seed: int, attempt: int) -> int:
    """The reset seed of attempt ``attempt``: independent of worker count and scheduling."""
    return int(np.random.SeedSequence([base_seed, attempt]).generate_state(1, dtype=np.uint64)[0] >> 1)
