"""The one task registry: tasks, their env ids and their scripted experts, open to tasks added at run time.

``register_task`` adds a task (anything with the ``sim.tasks.base.Task`` methods), binds its expert factory,
registers its Gymnasium id and, when asked, adds it to the ``armstack/Tabletop-v0`` mix. The env's
``task_id`` space and every list of tasks read this registry, so no core table is edited to add a task.

Envs built in worker processes (``sim.make_vector_env``, datagen) import the task's module there: a task
registers itself when its module is imported, so it must live in an importable module (not ``__main__``).
"""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import gymnasium as gym

from sim.errors import ConfigError, UnknownNameError
from sim.scene_view import SceneView
from sim.tasks.base import Expert, Task, TaskGoal

ExpertFactory = Callable[[Task, SceneView, TaskGoal, float], Expert]
"""``(task, view, goal, max_pos_step)`` -> an expert for one episode."""

TABLETOP = "tabletop"
TABLETOP_ENV_ID = "armstack/Tabletop-v0"
_NAME = re.compile(r"[a-z][a-z0-9_]{0,31}")
_ENV_ID = re.compile(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+-v\d+")
_TASK_METHODS = ("sample_goal", "goal_position", "reward_terms")
BUILTIN_ENV_IDS = ("armstack/Reach-v0", "armstack/Push-v0", "armstack/PickPlace-v0", "armstack/Stack-v0",
                   TABLETOP_ENV_ID)


@dataclass(frozen=True)
class TaskEntry:
    """One registered task: the task, its expert factory, its env id and whether Tabletop samples it."""

    task: Task
    expert: ExpertFactory
    env_id: str
    tabletop: bool


TASKS: dict[str, Task] = {}
"""Registered tasks by name, in registration order (``task_id`` is the index here)."""
ENTRIES: dict[str, TaskEntry] = {}
ENV_IDS: dict[str, str] = {}
"""Gymnasium id -> task name (``tabletop`` for the mixed env)."""
SB3_ENV_IDS: dict[str, str] = {}
"""Stable-Baselines3-ready id (``sim.sb3``) -> the env id it wraps."""


def default_env_id(name: str) -> str:
    """``armstack/<CamelCase>-v0`` of a task name: ``pick_place`` -> ``armstack/PickPlace-v0``."""
    return "armstack/" + "".join(part.capitalize() for part in name.split("_")) + "-v0"


def register_task(task: Task, *, expert: ExpertFactory, env_id: str | None = None, tabletop: bool = False,
                  entry_point: str | Callable[..., Any] | None = None) -> str:
    """Register ``task`` with its ``expert`` factory; returns its Gymnasium id (``default_env_id`` unless given).

    ``tabletop``: ``armstack/Tabletop-v0`` samples it too (that changes which task a Tabletop seed draws, so
    the built-in mix stays as it is unless a task asks). ``entry_point``: the Gymnasium one (default: an env
    that imports the task's module first, see ``make_registered_env``). Registering a name or id twice is an
    error.
    """
    name = getattr(task, "name", None)
    if not isinstance(name, str) or not _NAME.fullmatch(name) or name == TABLETOP:
        raise ConfigError(f"task name must be lower_snake_case (at most 32 characters, not {TABLETOP!r}), "
                          f"got {name!r}")
    if name in TASKS:
        raise ConfigError(f"task {name!r} is already registered")
    missing = [m for m in _TASK_METHODS if not callable(getattr(task, m, None))]
    if missing:
        raise ConfigError(f"task {name!r} lacks {', '.join(missing)} (see sim.tasks.base.Task)")
    max_steps = getattr(task, "max_steps", None)
    if not isinstance(max_steps, int) or isinstance(max_steps, bool) or max_steps < 1:
        raise ConfigError(f"task {name!r}: max_steps must be a whole number >= 1, got {max_steps!r}")
    templates = getattr(task, "templates", None)
    if not isinstance(templates, tuple) or not templates or not all(isinstance(t, str) and t for t in templates):
        raise ConfigError(f"task {name!r}: templates must be a non-empty tuple of instruction strings")
    if not callable(expert):
        raise ConfigError(f"task {name!r}: expert must be a factory (task, view, goal, max_pos_step) -> expert")
    env_id = env_id if env_id is not None else default_env_id(name)
    if not _ENV_ID.fullmatch(env_id):
        raise ConfigError(f"env id must look like 'namespace/Name-v0', got {env_id!r}")
    if env_id in ENV_IDS or env_id in gym.registry:
        raise ConfigError(f"env id {env_id!r} is already registered")
    TASKS[name] = task
    ENTRIES[name] = TaskEntry(task=task, expert=expert, env_id=env_id, tabletop=bool(tabletop))
    ENV_IDS[env_id] = name
    kwargs: dict[str, Any] = {"task": name}
    if entry_point is None:
        entry_point, kwargs["task_module"] = make_registered_env, type(task).__module__
    gym.register(id=env_id, entry_point=entry_point, kwargs=kwargs)  # type: ignore[arg-type]
    register_sb3_variant(env_id)
    return env_id


def sb3_env_id(env_id: str) -> str:
    """``armstack/Reach-v0`` -> ``armstack/Reach-SB3-v0``."""
    name, _, version = env_id.rpartition("-v")
    return f"{name}-SB3-v{version}"


def register_sb3_variant(env_id: str) -> str:
    """Register ``armstack/<Name>-SB3-v0`` for ``env_id`` (see ``sim.sb3``); returns it."""
    variant = sb3_env_id(env_id)
    if variant not in gym.registry:
        gym.register(id=variant, entry_point="sim.sb3:make_sb3_env", kwargs={"env_id": env_id})
    SB3_ENV_IDS[variant] = env_id
    return variant


def unregister_task(name: str) -> None:
    """Remove a task that ``register_task`` added (and its env id); the built-in ones stay."""
    entry = ENTRIES.get(name)
    if entry is None:
        raise UnknownNameError("task", name, TASKS)
    if entry.env_id in BUILTIN_ENV_IDS:
        raise ConfigError(f"task {name!r} is built in and cannot be removed")
    del TASKS[name], ENTRIES[name], ENV_IDS[entry.env_id]
    gym.registry.pop(entry.env_id, None)
    for variant in [v for v, base in SB3_ENV_IDS.items() if base == entry.env_id]:
        del SB3_ENV_IDS[variant]
        gym.registry.pop(variant, None)


def make_registered_env(task: str, task_module: str, **kwargs: Any) -> Any:
    """Gymnasium entry point of a task registered from outside ``sim.tasks``: imports ``task_module`` first
    (it registers the task) in a process that has not, such as a vector env's spawned worker."""
    if task not in TASKS:
        importlib.import_module(task_module)
    from sim.env import TabletopEnv

    return TabletopEnv(task=task, **kwargs)


TASK_MODULES_ENV = "ARMSTACK_TASK_MODULES"
"""Comma-separated modules that register tasks, imported with ``sim``: the command line, datagen and every
worker process then know them (``ARMSTACK_TASK_MODULES=sim.tasks.place_beside armstack datagen ...``)."""


def load_task_modules(spec: str | None = None) -> list[str]:
    """Import the task modules named in ``spec`` (default: the ``ARMSTACK_TASK_MODULES`` variable)."""
    text = os.environ.get(TASK_MODULES_ENV, "") if spec is None else spec
    names = [n.strip() for n in text.split(",") if n.strip()]
    for name in names:
        try:
            importlib.import_module(name)
        except ImportError as exc:
            raise ConfigError(f"{TASK_MODULES_ENV}: cannot import task module {name!r} ({exc})") from exc
    return names


def get_task(name: str) -> Task:
    if name not in TASKS:
        raise UnknownNameError("task", name, TASKS)
    return TASKS[name]


def task_names() -> tuple[str, ...]:
    """Every registered task, in ``task_id`` order."""
    return tuple(TASKS)


def tabletop_tasks() -> tuple[str, ...]:
    """The tasks ``armstack/Tabletop-v0`` samples from, in registration order."""
    return tuple(name for name, entry in ENTRIES.items() if entry.tabletop)


def make_expert(goal: TaskGoal, view: SceneView, max_pos_step: float) -> Expert:
    """The registered expert of ``goal.task`` for one episode in the scene ``view`` shows."""
    entry = ENTRIES.get(goal.task)
    if entry is None:
        raise UnknownNameError("task", goal.task, TASKS)
    return entry.expert(entry.task, view, goal, max_pos_step)
