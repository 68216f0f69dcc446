"""What every task provides, and the scene layout sampler they share."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from sim.scene import BIN_HALF, BIN_WALL, COLORS, PAD_HALF, SHAPES
from sim.scene_view import SceneView

# Where objects may be placed on the table (m, robot base frame = world frame).
REGION_LOW = np.array([0.36, -0.26])
REGION_HIGH = np.array([0.64, 0.26])


@dataclass(frozen=True, kw_only=True)
class TaskGoal:
    """One episode's goal: which objects are involved and the instruction that names them."""

    task: str
    instruction: str
    object: str | None = None
    target: str | None = None
    """The place: ``target_pad``, ``bin``, ``goal_marker`` or another object's name."""
    extras: dict[str, float] = field(default_factory=dict)


class Expert(Protocol):
    """A scripted controller for one episode: the next action from the true scene state."""

    def act(self) -> np.ndarray: ...


class Task(Protocol):
    """A small declarative task: goal distribution, goal position, success and reward terms, language.

    Its scripted expert is bound to it when it is registered (``sim.tasks.register_task``).
    """

    name: str
    max_steps: int
    templates: tuple[str, ...]

    def sample_goal(self, rng: np.random.Generator, view: SceneView) -> TaskGoal: ...

    def goal_position(self, view: SceneView, goal: TaskGoal) -> np.ndarray: ...

    def reward_terms(self, view: SceneView, goal: TaskGoal) -> dict[str, float]:
        """Named reward terms, computed once per step; the ``success`` term (1.0 or 0.0) is the success flag."""
        ...


def color_of(object_name: str) -> str:
    return object_name.split("_", 1)[0]


CASUAL_NOUNS = {"cube": "block", "cylinder": "cylinder", "sphere": "ball"}
"""The word a template's ``{obj:block}`` uses for each shape (``block`` only fits a cube)."""


@dataclass(frozen=True)
class ObjectPhrase:
    """An object as a template names it: ``{obj}`` is 'yellow cylinder', ``{obj:block}`` 'yellow cylinder' (a
    cube: 'red block'), ``{obj:colour}`` 'yellow' (as in 'put it on the {base:colour} one')."""

    color: str
    shape: str

    def __format__(self, spec: str) -> str:
        if spec == "":
            return f"{self.color} {self.shape}"
        if spec == "block":
            return f"{self.color} {CASUAL_NOUNS[self.shape]}"
        if spec == "colour":
            return self.color
        raise ValueError(f"unknown object format {spec!r} in a template; valid: '', 'block', 'colour'")


def phrase(rng: np.random.Generator, templates: tuple[str, ...], **names: str) -> str:
    """Fill a randomly chosen template; object names (``<colour>_<shape>``) fill ``{obj}`` fields as
    ``ObjectPhrase``s, other values (a side, a direction) as they are."""
    template = templates[int(rng.integers(len(templates)))]
    return template.format(**{k: _phrase_value(v) for k, v in names.items()})


def _phrase_value(value: str) -> ObjectPhrase | str:
    color, _, shape = value.partition("_")
    return ObjectPhrase(color, shape) if color in COLORS and shape in SHAPES else value


ROLLING_SHAPES = ("sphere",)
REST_SPEED = 0.02
"""m/s: a rolling shape counts as placed only below this speed (one rolling through the pad is not on it). A cube
or an upright cylinder stops when let go, and its checks stay as they were."""


def settled(view: SceneView, name: str) -> bool:
    """Whether ``name`` is not rolling away: always for shapes that do not roll, else slower than REST_SPEED."""
    if view.object_shape(name) not in ROLLING_SHAPES:
        return True
    adr = view.object_dadr[name]
    return math.hypot(*view.data.qvel[adr : adr + 3].tolist()) < REST_SPEED


def _far_enough(p: np.ndarray, placed: list[tuple[np.ndarray, float]], radius: float) -> bool:
    return all(np.linalg.norm(p - q) >= radius + r for q, r in placed)


def sample_layout(rng: np.random.Generator, view: SceneView) -> None:
    """Place bin, pad and cubes at random, non-overlapping spots inside the region; cubes get a yaw."""
    m, d = view.model, view.data
    placed: list[tuple[np.ndarray, float]] = []

    def draw(radius: float, low: np.ndarray = REGION_LOW, high: np.ndarray = REGION_HIGH) -> np.ndarray:
        for _ in range(1000):
            p = rng.uniform(low + radius * 0.5, high - radius * 0.5)
            if _far_enough(p, placed, radius):
                placed.append((p, radius))
                return p
        raise RuntimeError("could not place objects without overlap")  # region far too small

    if view.bin_body >= 0:
        # The bin stands at either side of the region so that cubes keep the middle.
        side = 1.0 if rng.random() < 0.5 else -1.0
        y = side * rng.uniform(0.2, 0.26)
        p = np.array([rng.uniform(0.42, 0.58), y])
        placed.append((p, BIN_HALF + BIN_WALL + 0.01))
        m.body_pos[view.bin_body, :2] = p
    if view.pad_body >= 0:
        m.body_pos[view.pad_body, :2] = draw(PAD_HALF * 1.5)
    for name in view.object_names:
        half = view.object_half(name)
        xy = draw(0.05)
        adr = view.object_qadr[name]
        yaw = rng.uniform(-math.pi / 4, math.pi / 4)
        d.qpos[adr : adr + 3] = (xy[0], xy[1], half)
        d.qpos[adr + 3 : adr + 7] = (math.cos(yaw / 2), 0.0, 0.0, math.sin(yaw / 2))
        d.qvel[view.object_dadr[name] : view.object_dadr[name] + 6] = 0.0
