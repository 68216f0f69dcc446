"""``VisuomotorConfig``: the settings of ``armstack train visuomotor``, from YAML and the command line."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from policies.errors import TrainConfigError
from policies.visuomotor.data import PROPRIO_KEYS
from policies.visuomotor.heatmap import HELD_OPENING
from sim.config_io import load_config

POOLS = ("avg", "keypoints")
"""How an encoder's conv map becomes tokens (policies.visuomotor.network.ConvEncoder)."""
EXECUTIONS = ("chunk", "ensemble")
"""chunk: run a predicted chunk open loop, then predict again; ensemble: predict every step and average the
predictions made for this step by the last ``chunk`` calls with weights exp(-ensemble_decay * age) (ACT)."""


@dataclass(frozen=True, kw_only=True)
class VisuomotorConfig:
    data: str
    """One armstack dataset folder recorded with ``--obs state,rgb`` and the cameras below."""
    extra_data: tuple[str, ...] = ()
    """More dataset folders of the same features, their episodes appended after ``data``'s (``max_episodes`` caps
    ``data`` only), e.g. placing-recovery demonstrations (``armstack datagen --place-recovery``) beside the plain
    ones; the train/validation split is drawn over all episodes."""
    out: str
    cameras: tuple[str, ...] = ("front", "wrist")
    depth: tuple[str, ...] = ()
    """Cameras whose depth is a 4th encoder channel (each one of ``cameras``; the dataset must have been recorded
    with ``--obs state,rgb,depth``). Empty: RGB only, and depth in the observation is ignored."""
    depth_clip_mm: int = 2000
    """Depth beyond this (the floor far off, the background past the far plane) reads as this many millimetres."""
    seed: int = 0
    steps: int = 3000
    batch_size: int = 64
    lr: float = 3e-4
    weight_decay: float = 1e-4
    chunk: int = 10
    """Actions predicted per call (ACT's k)."""
    execution: str = "ensemble"
    execute_steps: int = 0
    """With ``execution: chunk``, actions run before predicting again (0: the whole chunk)."""
    ensemble_decay: float = 0.1
    width: int = 128
    grid: int = 4
    layers: int = 2
    heads: int = 4
    shift_pixels: int = 4
    """Random shift augmentation: pad by this many pixels (edge replicate) and crop back at a random offset."""
    colour_jitter: float = 0.2
    """Per-sample brightness and contrast factors drawn from [1 - j, 1 + j], and per-channel gains from
    [1 - j/2, 1 + j/2]: lighting and colour the training scenes did not show."""
    proprio_dropout: float = 0.0
    """Probability that a training sample's proprioception is replaced by the training mean (0 after
    normalisation). Proprioception of a demonstration reveals the actions already taken (joint velocity is the
    last action), so without it the network learns to continue the trajectory and ignore the images; zeroing it
    on some samples makes the image tokens carry where the cube is. Never applied at validation or when acting."""
    proprio: tuple[str, ...] = PROPRIO_KEYS
    """The proprioception groups the network reads, a subset of joint_pos, joint_vel, ee_pose, gripper in that
    order. joint_vel is the last action (one step of action latency), the copycat signal: leaving it out makes
    the network find the motion in the images."""
    pool: str = "avg"
    """How each camera's conv map becomes ``grid * grid`` tokens: ``avg`` (average pool to a grid) or
    ``keypoints`` (spatial softmax: expected coordinates and attended features of learned keypoints)."""
    object_loss: float = 0.0
    """Weight of the auxiliary loss (smooth L1 on coordinates normalised by the training frames) that makes the
    image tokens predict every object's and the goal's position and the instructed object's, supervised by the
    dataset's ``observation.environment_state`` (training only; 0: no object head)."""
    object_token: bool = False
    """Feed the object head's prediction (from the images) to the decoder as one more token; needs object_loss."""
    decoder_images: bool = True
    """The decoder cross-attends to the image tokens. False: only to proprioception, the instruction and the object
    token, so the images reach the actions only as the object head's positions (needs object_token)."""
    relative_token: bool = False
    """One more decoder token: each object-head position minus the TCP position read from proprioception (both in
    metres), the offset a servo onto the cube acts on. Needs object_token and ee_pose in proprio."""
    held_at_tcp: bool = False
    """Once the finger opening (proprioception) says the hand holds a cube, the object head's instructed cube (and,
    for the heatmap head, its colour's channel) is the TCP position from proprioception, not the image's (a lifted
    cube is hidden by the fingers: session 12's heatmap head put it 7.4 cm off along the expert's path, 25 cm in
    the hand). Needs relative_token and gripper in proprio."""
    held_opening: tuple[float, float] = HELD_OPENING
    """The finger openings (1 open, 0 closed) strictly between which the hand holds a cube."""
    hard_choice: bool = False
    """The instructed cube and the goal are the heatmap head's channel of the instruction's most likely cube and
    place, not the softmax mix (~0.9 on the named cube mixes in the others 10-30 cm away: session 16 measured the
    instructed cube 2.3 cm off at reset where the named cube's own channel was 1.5 cm off), in training and when
    acting (recorded in policy.json's ``action``). Needs the heatmap head (init_encoder). Measured (session 16,
    Panda PickPlace, the 50 held-out seeds of ``armstack eval --episodes 50``): only at act time on session 15's
    seed 1, 9/50 against 16/50 (the decoder reads every cube's channel and had learned to undo the mix)."""
    object_memory: bool = False
    """Each heatmap channel is the mean of the head's positions over the latest steps in which the hand was clear of
    that object (policies.visuomotor.object_memory: the TCP more than ``memory_height_m`` above it or
    ``memory_radius_m`` away in the table plane), kept while the hand is near: the fingers spoil the front image
    where the grasp is decided (session 16: 1.5 cm with the hand high, 3.1 cm within 3 cm of the cube, drifting
    toward the camera). In training (along each demonstration, read once from the frozen head) and when acting
    (recorded in policy.json's ``action``): a decoder trained on the drifting positions and served remembered ones
    stopped short of the cube (session 16). Needs the heatmap head, freeze_encoder and ee_pose in proprio.
    Measured (session 16, seed 1, the same 50 held-out seeds), both with hard_choice: at act time only 11/50, in
    training and acting 12/50 (val L1 0.0705 against 0.0790), against 16/50 without: not better; off by default."""
    memory_height_m: float = 0.2
    memory_radius_m: float = 0.1
    init_from: str | None = None
    """A visuomotor checkpoint folder whose weights start a new run (fine-tuning); its arch_params must match. The
    run keeps its proprioception normalisation (the weights read inputs in it), not the new data's. With
    init_encoder (and freeze_encoder) the checkpoint must have been trained from that same encoder: the head is
    built and frozen from init_encoder, then every weight is the checkpoint's. Ignored when resuming (last/ holds
    the weights then)."""
    init_encoder: str | None = None
    """A pretrained object encoder (``python -m policies.visuomotor.pretrain``: encoders, FiLM and object head
    trained on rendered scenes) whose weights start this run's image encoders, FiLM and (with object_loss) object
    head; its cameras, image size, width, grid and pool must match."""
    freeze_encoder: bool = False
    """Keep the init_encoder weights fixed: the demonstrations' few scenes cannot make the encoder memorise them."""
    val_fraction: float = 0.1
    max_episodes: int | None = None
    success_tail: int | None = None
    """Keep each episode's frames up to its first success and this many more (None: every frame). For a dataset made
    with ``datagen --full-episodes``, which runs each episode to max_steps: PickPlace's expert releases the cube a few
    frames before the first success, then rises and holds still with the gripper open. Datasets cut at the first
    success teach "open" on ~5 frames per episode (session 13: the policy carried the cube over the bin and never
    let go); the whole tail is ~65 frames of holding still, half the frames."""
    log_every: int = 50
    save_every: int = 500
    """Steps between saves of last/ (and the optimizer state resume reads)."""
    eval_episodes: int = 0
    """Held-out simulator episodes per task at the end (0: none; ``armstack eval`` measures the checkpoint)."""
    eval_env: str = "armstack/PickPlace-v0"
    randomization: str = "default"
    threads: int = 2
    verify_data: bool = True

    def __post_init__(self) -> None:
        if not isinstance(self.data, str) or not self.data:
            raise TrainConfigError(f"data must name one dataset folder, got {self.data!r}")
        if not self.cameras or len(set(self.cameras)) != len(self.cameras):
            raise TrainConfigError(f"cameras must name one or more distinct cameras, got {list(self.cameras)}")
        if len(set(self.depth)) != len(self.depth) or any(c not in self.cameras for c in self.depth):
            raise TrainConfigError(f"depth must name distinct cameras among {list(self.cameras)}, "
                                   f"got {list(self.depth)}")
        if not 100 <= self.depth_clip_mm <= 65535:
            raise TrainConfigError(f"depth_clip_mm must be in [100, 65535], got {self.depth_clip_mm}")
        for name in ("steps", "batch_size", "chunk", "width", "grid", "layers", "heads", "log_every", "save_every",
                     "threads"):
            if getattr(self, name) < 1:
                raise TrainConfigError(f"{name} must be >= 1, got {getattr(self, name)}")
        if self.chunk > 100:
            raise TrainConfigError(f"chunk must be at most 100 actions, got {self.chunk}")
        if self.width % self.heads or self.width % 8 or self.width < 16 or self.width > 1024:
            raise TrainConfigError(f"width must be a multiple of 8 and of heads ({self.heads}) in [16, 1024], "
                                   f"got {self.width}")
        if self.execution not in EXECUTIONS:
            raise TrainConfigError(f"execution {self.execution!r}; valid: {', '.join(EXECUTIONS)}")
        if not 0 <= self.execute_steps <= self.chunk:
            raise TrainConfigError(f"execute_steps must be in [0, chunk={self.chunk}], got {self.execute_steps}")
        if not (self.lr > 0 and math.isfinite(self.lr)):
            raise TrainConfigError(f"lr must be a positive number, got {self.lr}")
        if not 0 <= self.shift_pixels <= 32 or not 0 <= self.colour_jitter < 1:
            raise TrainConfigError("shift_pixels must be in [0, 32] and colour_jitter in [0, 1)")
        if not (0.0 < self.val_fraction < 0.5):  # best/ is chosen on validation loss: it needs held-out episodes
            raise TrainConfigError(f"val_fraction must be in (0, 0.5): best/ is kept by validation loss, "
                                   f"got {self.val_fraction}")
        if self.max_episodes is not None and self.max_episodes < 2:
            raise TrainConfigError(f"max_episodes must be >= 2 (or unset for all), got {self.max_episodes}")
        if self.success_tail is not None and self.success_tail < 0:
            raise TrainConfigError(f"success_tail must be >= 0 frames (or unset for all), got {self.success_tail}")
        if not 0.0 <= self.proprio_dropout < 1.0:
            raise TrainConfigError(f"proprio_dropout must be in [0, 1), got {self.proprio_dropout}")
        if not self.proprio or any(k not in PROPRIO_KEYS for k in self.proprio) or \
                tuple(k for k in PROPRIO_KEYS if k in self.proprio) != tuple(self.proprio):
            raise TrainConfigError(f"proprio must be distinct groups of {list(PROPRIO_KEYS)} in that order, "
                                   f"got {list(self.proprio)}")
        if self.pool not in POOLS:
            raise TrainConfigError(f"pool {self.pool!r}; valid: {', '.join(POOLS)}")
        if not (0.0 <= self.object_loss <= 100.0 and math.isfinite(self.object_loss)):
            raise TrainConfigError(f"object_loss must be in [0, 100], got {self.object_loss}")
        if self.object_token and not self.object_loss:
            raise TrainConfigError("object_token needs object_loss > 0 (the token is the supervised object head)")
        if not self.decoder_images and not self.object_token:
            raise TrainConfigError("decoder_images: false needs object_token (the decoder would see no image)")
        if self.relative_token and (not self.object_token or "ee_pose" not in self.proprio):
            raise TrainConfigError("relative_token needs object_token and ee_pose in proprio (object minus TCP)")
        if self.relative_token and self.proprio_dropout:
            raise TrainConfigError("relative_token reads the TCP from proprioception; proprio_dropout would feed it "
                                   "the mean TCP (set proprio_dropout: 0)")
        if self.held_at_tcp and (not self.relative_token or "gripper" not in self.proprio):
            raise TrainConfigError("held_at_tcp needs relative_token (the TCP from proprioception) and gripper in "
                                   "proprio (the finger opening says whether a cube is held)")
        if len(self.held_opening) != 2 or not 0.0 <= self.held_opening[0] < self.held_opening[1] <= 1.0:
            raise TrainConfigError(f"held_opening must be two openings 0 <= low < high <= 1, "
                                   f"got {list(self.held_opening)}")
        if not (0.0 < self.memory_height_m <= 1.0 and 0.0 < self.memory_radius_m <= 1.0):
            raise TrainConfigError(f"memory_height_m and memory_radius_m must be in (0, 1] metres, got "
                                   f"{self.memory_height_m}, {self.memory_radius_m}")
        if self.object_memory and not self.freeze_encoder:
            raise TrainConfigError("object_memory reads the head once per frame before training: it needs "
                                   "freeze_encoder")
        if self.object_memory and "ee_pose" not in self.proprio:
            raise TrainConfigError("object_memory reads the TCP from proprioception: it needs ee_pose in proprio")
        if (self.object_memory or self.hard_choice) and not (self.object_token and self.init_encoder):
            raise TrainConfigError("object_memory and hard_choice act on the heatmap head's positions: they need "
                                   "object_token and a heatmap init_encoder")
        if self.init_encoder is not None and self.init_from is not None and not self.freeze_encoder:
            raise TrainConfigError("init_encoder and init_from both start the weights; give one (or, to fine-tune a "
                                   "checkpoint trained on that frozen encoder, add freeze_encoder)")
        if isinstance(self.extra_data, str) or not all(isinstance(d, str) and d for d in self.extra_data):
            raise TrainConfigError(f"extra_data must be a list of dataset folders, got {self.extra_data!r}")
        if self.freeze_encoder and self.init_encoder is None:
            raise TrainConfigError("freeze_encoder needs init_encoder (a random encoder would stay random)")
        if self.init_encoder is not None and self.depth:
            raise TrainConfigError("init_encoder encoders are RGB only; drop depth or init_encoder")
        if self.eval_episodes < 0 or self.ensemble_decay < 0:
            raise TrainConfigError("eval_episodes and ensemble_decay must be >= 0")


def load_visuomotor_config(path: str | Path | None, **overrides: Any) -> VisuomotorConfig:
    """A VisuomotorConfig from a YAML file (unknown keys rejected) with command-line overrides (None: unset) on
    top; ``cameras`` and ``depth`` given as comma lists (``--cameras front,wrist``) are split."""
    given = {k: v for k, v in overrides.items() if v is not None}
    for key in ("cameras", "depth", "proprio", "extra_data"):
        if isinstance(given.get(key), str):
            given[key] = tuple(c for c in given[key].split(",") if c)
    return load_config(VisuomotorConfig, path, given, where=str(path or "visuomotor config"), check_types=True,
                       error=TrainConfigError)
