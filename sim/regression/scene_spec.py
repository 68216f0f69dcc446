"""Regression scenes: a named, fixed-seed set of episodes and the success rate they must reach.

One scene per YAML file; the scene's name is the file's stem (``panda_pick_place.yaml`` holds the scene
``panda_pick_place``), so names are unique by construction and a report line leads straight to its file.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sim import ENV_IDS
from sim.config_io import from_mapping, load_yaml
from sim.errors import ConfigError, SimError, UnknownNameError
from sim.randomize import RANDOMIZATION_LEVELS
from sim.robots import ROBOTS
from sim.tasks import TASKS

BUILTIN_SCENE_DIR = Path(__file__).resolve().parent / "scenes"
ACTORS = ("expert", "policy")
TASK_NAMES = (*TASKS, "tabletop")
ENV_ID_TASKS: dict[str, str] = ENV_IDS  # env id -> task, as registered by ``sim``
MAX_EPISODES = 10_000
_NAME = re.compile(r"^[a-z0-9][a-z0-9_\-]*$")


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@dataclass(frozen=True, kw_only=True)
class RegressionScene:
    """Who acts in which env on which seeds, and the success rate below which the scene fails.

    Seeds come either as an explicit ``seeds`` list or as ``seed_start`` + ``episodes`` (a range).
    ``task`` is a task name (reach, push, pick_place, stack, tabletop) or an env id such as
    ``armstack/PickPlace-v0``. ``actor`` is ``expert`` (the scripted expert) or ``policy`` (the
    checkpoint given to ``armstack regress --policy``).
    """

    name: str
    task: str
    robot: str = "panda"
    randomization: str = "default"
    seeds: tuple[int, ...] | None = None
    seed_start: int | None = None
    episodes: int | None = None
    actor: str = "expert"
    min_success_rate: float
    max_steps: int | None = None
    description: str = ""

    def __post_init__(self) -> None:
        where = f"regression scene {self.name!r}"
        if not isinstance(self.name, str) or not _NAME.match(self.name):
            raise ConfigError(f"regression scene name must be lower-case letters, digits, '_' or '-', "
                              f"got {self.name!r}")
        if self.task not in TASK_NAMES and self.task not in ENV_ID_TASKS:
            raise UnknownNameError(f"task in {where}", self.task, (*TASK_NAMES, *ENV_ID_TASKS))
        if self.robot not in ROBOTS:
            raise UnknownNameError(f"robot in {where}", self.robot, ROBOTS)
        if self.randomization not in RANDOMIZATION_LEVELS:
            raise UnknownNameError(f"randomization level in {where}", self.randomization, RANDOMIZATION_LEVELS)
        if self.actor not in ACTORS:
            raise UnknownNameError(f"actor in {where}", self.actor, ACTORS)
        rate = self.min_success_rate
        if isinstance(rate, bool) or not isinstance(rate, (int, float)) or not (0.0 <= rate <= 1.0):
            raise ConfigError(f"{where}: min_success_rate must be a number in [0, 1], got {rate!r}")
        if self.max_steps is not None and (not _is_int(self.max_steps) or self.max_steps < 1):
            raise ConfigError(f"{where}: max_steps must be a whole number >= 1, got {self.max_steps!r}")
        if not isinstance(self.description, str):
            raise ConfigError(f"{where}: description must be text, got {self.description!r}")
        self._validate_seeds(where)

    def _validate_seeds(self, where: str) -> None:
        ranged = self.seed_start is not None or self.episodes is not None
        if self.seeds is not None and ranged:
            raise ConfigError(f"{where}: give either seeds (a list) or seed_start + episodes, not both")
        if self.seeds is None and not ranged:
            raise ConfigError(f"{where}: no seeds; give seeds (a list) or seed_start + episodes")
        if self.seeds is not None:
            if not isinstance(self.seeds, tuple) or not self.seeds:
                raise ConfigError(f"{where}: seeds must be a non-empty list of whole numbers, got {self.seeds!r}")
            bad = [s for s in self.seeds if not _is_int(s) or s < 0]
            if bad:
                raise ConfigError(f"{where}: seeds must be whole numbers >= 0, got {bad!r}")
            if len(set(self.seeds)) != len(self.seeds):
                dupes = sorted({s for s in self.seeds if self.seeds.count(s) > 1})
                raise ConfigError(f"{where}: seeds repeat {dupes!r}; a repeated seed is the same episode")
            if len(self.seeds) > MAX_EPISODES:
                raise ConfigError(f"{where}: at most {MAX_EPISODES} seeds, got {len(self.seeds)}")
            return
        if self.seed_start is None or self.episodes is None:
            raise ConfigError(f"{where}: seed_start and episodes go together; got seed_start={self.seed_start!r}, "
                              f"episodes={self.episodes!r}")
        if not _is_int(self.seed_start) or self.seed_start < 0:
            raise ConfigError(f"{where}: seed_start must be a whole number >= 0, got {self.seed_start!r}")
        if not _is_int(self.episodes) or not (1 <= self.episodes <= MAX_EPISODES):
            raise ConfigError(f"{where}: episodes must be a whole number in [1, {MAX_EPISODES}], "
                              f"got {self.episodes!r}")

    @property
    def task_name(self) -> str:
        """The task, with an env id resolved to its task name."""
        return ENV_ID_TASKS.get(self.task, self.task)

    @property
    def env_id(self) -> str:
        return next(env_id for env_id, task in ENV_ID_TASKS.items() if task == self.task_name)

    @property
    def seed_list(self) -> tuple[int, ...]:
        """The episodes' seeds, in the order they run."""
        if self.seeds is not None:
            return self.seeds
        start, n = self.seed_start or 0, self.episodes or 0  # both set: checked in __post_init__
        return tuple(range(start, start + n))

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (what a report carries to say how it was made)."""
        data = dataclasses.asdict(self)
        if self.seeds is not None:
            data["seeds"] = list(self.seeds)
        return data


def scene_from_mapping(data: Any, *, where: str = "regression scene") -> RegressionScene:
    """A scene from parsed YAML; unknown keys and bad values are ConfigErrors naming ``where``."""
    try:
        return from_mapping(RegressionScene, data, where=where)
    except ConfigError:
        raise
    except SimError as exc:  # an unknown name: keep the valid options, add where it came from
        raise ConfigError(f"{where}: {exc}") from exc


def load_scene(path: str | Path) -> RegressionScene:
    """Load one scene YAML; its name is the file stem (a ``name`` key, if present, must match)."""
    path = Path(path)
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: a regression scene is a mapping of keys, got {type(data).__name__}")
    if data.get("name", path.stem) != path.stem:
        raise ConfigError(f"{path}: name {data['name']!r} differs from the file name {path.stem!r}; "
                          "a scene is named after its file")
    return scene_from_mapping({**data, "name": path.stem}, where=str(path))


def scene_files(scene_dir: str | Path | None = None) -> list[Path]:
    """The scene YAMLs in ``scene_dir`` (default: the built-in ones), sorted by name."""
    directory = Path(scene_dir) if scene_dir is not None else BUILTIN_SCENE_DIR
    if not directory.is_dir():
        raise ConfigError(f"regression scene folder {directory} " + ("is a file, not a folder" if directory.exists()
                                                                     else "does not exist"))
    files = sorted([*directory.glob("*.yaml"), *directory.glob("*.yml")], key=lambda p: p.stem)
    if not files:
        raise ConfigError(f"no regression scene YAMLs (*.yaml) in {directory}")
    stems = [p.stem for p in files]
    dupes = sorted({s for s in stems if stems.count(s) > 1})
    if dupes:
        raise ConfigError(f"{directory}: scenes {dupes} exist as both .yaml and .yml")
    return files


def load_scenes(scene_dir: str | Path | None = None, names: list[str] | tuple[str, ...] | None = None
                ) -> list[RegressionScene]:
    """All scenes in ``scene_dir`` (default: built-in), or only ``names``, in the order given."""
    files = {p.stem: p for p in scene_files(scene_dir)}
    if not names:
        return [load_scene(p) for p in files.values()]
    for n in names:
        if n not in files:
            raise UnknownNameError("regression scene", n, files)
    return [load_scene(files[n]) for n in dict.fromkeys(names)]

