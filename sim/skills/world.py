"""What a skill runs against: the interface the sim env and the bridge both provide.

A skill reads the scene through ``view`` (a ``SceneView``: measured arm state and object poses, from the
simulator's truth or, on the bridge, from the driver and perception written into the arm mirror) and sends
one 5-d EE-delta action per control period through ``step``. ``TabletopEnv`` is one such world; the bridge's
is ``robot.agent_world.BridgeWorld``. Nothing else of either is used, so a skill cannot tell them apart.
"""

from __future__ import annotations

from typing import Any, Protocol

import numpy as np

from sim.control import ControllerConfig
from sim.errors import SimError
from sim.scene_view import SceneView


class ExecutionStoppedError(SimError, RuntimeError):
    """The world stopped taking actions mid-skill (on the arm: a fault, an operator stop); the message says why."""


class _HasConfig(Protocol):
    @property
    def config(self) -> ControllerConfig: ...


class SkillWorld(Protocol):
    """The scene and the command sink a skill runs on.

    A world whose object poses come from perception may also name, in ``unwrapped.missing_objects``, the cubes it
    no longer perceives (their pose in ``view`` is a memory): a skill acting on one ends, and the agent plans
    without them. The simulator perceives everything and has no such attribute."""

    @property
    def view(self) -> SceneView: ...

    @property
    def control_dt(self) -> float: ...

    @property
    def controller(self) -> _HasConfig:
        """The EE-delta controller: its ``config.max_pos_step`` scales a skill's moves."""
        ...

    @property
    def unwrapped(self) -> Any:
        """The world itself (Gymnasium's convention): ``unwrapped.view`` is the scene."""
        ...

    def step(self, action: np.ndarray) -> tuple[dict[str, Any], float, bool, bool, dict[str, Any]]:
        """Apply one action for one control period; Gymnasium's step tuple (``info["physics_diverged"]`` in sim).
        Raises ``ExecutionStoppedError`` when the world no longer takes actions."""
        ...
