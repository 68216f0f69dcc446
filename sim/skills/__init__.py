"""Scripted closed-loop skills on the tabletop env: pick, place_on, place_in, push, go_home.

Each skill is a controller with a precondition, a success predicate read from the scene and a step
budget; ``run_skill`` drives one (or a learned policy judged by its predicate) on a ``SkillWorld``: the
``TabletopEnv`` or the bridge's arm.
"""

from sim.skills.base import SETTLE_STEPS, SkillController, SkillError, SkillOutcome, held_objects, run_skill
from sim.skills.regions import HALF_MARGIN, SIDES, free_spot, region_names, region_of, resting_on
from sim.skills.registry import SKILL_ARGS, SKILL_FACTORIES, make_skill
from sim.skills.world import ExecutionStoppedError, SkillWorld

__all__ = [
    "HALF_MARGIN", "SETTLE_STEPS", "SIDES", "SKILL_ARGS", "SKILL_FACTORIES", "ExecutionStoppedError", "SkillController",
    "SkillError", "SkillOutcome", "SkillWorld", "free_spot", "held_objects", "make_skill", "region_names", "region_of",
    "resting_on", "run_skill",
]
