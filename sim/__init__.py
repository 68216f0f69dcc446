"""armstack simulator: MuJoCo tabletop scenes of real arms as Gymnasium environments.

Importing ``sim`` registers ``armstack/Reach-v0``, ``armstack/Push-v0``,
``armstack/PickPlace-v0``, ``armstack/Stack-v0`` and ``armstack/Tabletop-v0``; ``register_task`` adds more
(``ENV_IDS`` and ``TASKS`` are the live registry).
"""

from sim.render import select_gl_backend

select_gl_backend()  # before anything imports mujoco

from sim.control import ACTION_DIM, ControllerConfig, DiffIKController, validate_action  # noqa: E402
from sim.env import TabletopEnv  # noqa: E402
from sim.errors import (  # noqa: E402
    ConfigError,
    InvalidActionError,
    ModelUnavailableError,
    RenderError,
    SimError,
    UnknownNameError,
)
from sim.randomize import RANDOMIZATION_LEVELS, Randomization  # noqa: E402
from sim.robots import PANDA, ROBOTS, UR5E, RobotSpec, get_robot  # noqa: E402
from sim.scene import SceneConfig, build_scene  # noqa: E402
from sim.tasks import ENV_IDS, SB3_ENV_IDS, TASKS, load_task_modules, register_task  # noqa: E402
from sim.vector import make_vector_env  # noqa: E402

load_task_modules()  # tasks named in ARMSTACK_TASK_MODULES (sim.tasks.registry)

__all__ = [
    "ACTION_DIM",
    "ENV_IDS",
    "PANDA",
    "RANDOMIZATION_LEVELS",
    "ROBOTS",
    "SB3_ENV_IDS",
    "TASKS",
    "UR5E",
    "ConfigError",
    "ControllerConfig",
    "DiffIKController",
    "InvalidActionError",
    "ModelUnavailableError",
    "Randomization",
    "RenderError",
    "RobotSpec",
    "SceneConfig",
    "SimError",
    "TabletopEnv",
    "UnknownNameError",
    "build_scene",
    "get_robot",
    "make_vector_env",
    "register_task",
    "validate_action",
]
