"""What every skill controller provides, and the loop that runs one on a world (the sim env or the bridge) within a
step budget."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from sim.errors import SimError
from sim.scene_view import SceneView
from sim.skills.world import SkillWorld

# The goal must hold on this many consecutive control steps: a cube bouncing through the target
# region for one tick is not a placement.
SETTLE_STEPS = 3
MAX_RESTING_SPEED = 0.03  # m/s: a released cube still moving faster than this has not settled


class SkillError(SimError, ValueError):
    """A skill that cannot be built: unknown skill, missing or unknown arguments, names not in the scene."""


class SkillController(Protocol):
    """A closed-loop scripted skill on the true scene state, with its own success predicate.

    ``unmet`` reads only the scene (never the controller's phase), so the same predicate judges a
    learned policy that drives the arm instead of ``act``.
    """

    name: str
    args: Mapping[str, str]
    budget: int
    """Control steps the skill may take before it counts as failed."""

    def precondition_error(self) -> str | None:
        """Why the skill cannot start in the scene as it is now, else None."""
        ...

    def act(self) -> np.ndarray: ...

    def unmet(self) -> str | None:
        """What is still missing from the skill's goal in the scene now; None when the goal holds."""
        ...


@dataclass(frozen=True, kw_only=True)
class SkillOutcome:
    """How one skill run ended; ``reason`` says why it failed (empty on success)."""

    skill: str
    args: Mapping[str, str] = field(default_factory=dict)
    success: bool
    reason: str = ""
    steps: int = 0
    duration_s: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {"skill": self.skill, "args": dict(self.args), "success": self.success, "reason": self.reason,
                "steps": self.steps, "duration_s": round(self.duration_s, 4)}


Actor = Callable[[dict[str, Any]], np.ndarray]
StepHook = Callable[[Any], None]
"""Called with the world after every step (the sim agent renders video frames here)."""


def run_skill(env: SkillWorld, skill: SkillController, *, obs: dict[str, Any] | None = None,
              actor: Actor | None = None, budget: int | None = None, on_step: StepHook | None = None,
              ) -> tuple[SkillOutcome, dict[str, Any] | None]:
    """Run ``skill`` until its goal has held for ``SETTLE_STEPS`` steps, its budget runs out or physics diverges.

    ``actor`` (a policy's ``act``) replaces the scripted ``skill.act`` and is fed the latest observation
    ``obs``; the skill's predicate judges either. A skill with a ``clearing_action`` (the placements) takes over
    from the policy once the policy's part is done and only the gripper's retreat is missing. Returns the outcome
    and the last observation.
    """
    start = time.perf_counter()
    budget = skill.budget if budget is None else budget
    if budget < 1:
        raise SkillError(f"a skill's step budget must be >= 1, got {budget}")
    if actor is not None and obs is None:
        raise SkillError("a policy actor needs the current observation (obs)")

    def outcome(success: bool, reason: str, steps: int) -> SkillOutcome:
        return SkillOutcome(skill=skill.name, args=dict(skill.args), success=success, reason=reason, steps=steps,
                            duration_s=time.perf_counter() - start)

    error = skill.precondition_error()
    if error is not None:
        return outcome(False, f"precondition failed: {error}", 0), obs
    held = 0
    missing: str | None = "not started"
    clearing: Callable[[], np.ndarray | None] = getattr(skill, "clearing_action", lambda: None)
    for step in range(1, budget + 1):
        if actor is None:
            action = skill.act()
        else:
            retreat = clearing()
            action = retreat if retreat is not None else np.asarray(actor(obs or {}), dtype=np.float64)
        obs, _, _, _, info = env.step(action)
        if on_step is not None:
            on_step(env)
        if info.get("physics_diverged"):
            return outcome(False, "physics diverged (the simulator reset the scene)", step), obs
        # A cube the skill acts on that the world no longer perceives (the bridge: perception lost it) has only a
        # remembered pose: acting on it for the rest of the budget would chase a memory.
        lost = sorted(set(getattr(env.unwrapped, "missing_objects", ())) & set(skill.args.values()))
        if lost:
            return outcome(False, f"the {lost[0]} is missing: it is no longer perceived", step), obs
        missing = skill.unmet()
        held = held + 1 if missing is None else 0
        if held >= SETTLE_STEPS:
            return outcome(True, "", step), obs
    return outcome(False, f"step budget of {budget} control steps ran out: {missing}", budget), obs


def object_speed(view: SceneView, name: str) -> float:
    """Linear speed of a free cube (m/s)."""
    adr = view.object_dadr[name]
    return float(np.linalg.norm(view.data.qvel[adr : adr + 3]))


def held_objects(view: SceneView) -> list[str]:
    """Cubes both finger pads touch now, with the pads apart by at least the cube's half size: closed fingers that
    push a cube touch one face with both pads (14 mm apart on both robots), which is no grasp; a grasp holds
    the pads 38-59 mm apart on a 43 mm cube. Seen without this: a pushed cube read as held, and the next plan
    refused ("cannot push while holding"), in simulation and through the bridge's mirror alike."""
    pairs = view.contact_pairs()
    a, b = (view.data.geom_xpos[g] for g in view.finger_geoms)
    apart = float(np.linalg.norm(a - b))
    return [n for n in view.object_names if view.is_grasped(n, pairs) and apart >= view.object_half(n)]
