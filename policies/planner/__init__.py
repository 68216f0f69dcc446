"""The language-model planner: instruction + symbolic scene -> checked plan of skills, or a refusal.

Importing this package is light (no llama, torch or sentence-transformers); backends load on first use.
"""

from policies.planner.errors import PlannerError
from policies.planner.plan import Clarification, Plan, PlanResult, Refusal, Step, result_from_json, result_to_json
from policies.planner.planner import BACKENDS, DEFAULT_BACKEND, CheckedPlanner, Planner, make_planner
from policies.planner.scene_state import SceneError, SceneObject, SceneState
from policies.planner.skills import DIRECTIONS, SKILLS, SkillSpec, check_plan, final_state, step_instruction

__all__ = [
    "BACKENDS",
    "DEFAULT_BACKEND",
    "DIRECTIONS",
    "SKILLS",
    "CheckedPlanner",
    "Clarification",
    "Plan",
    "PlanResult",
    "Planner",
    "PlannerError",
    "Refusal",
    "SceneError",
    "SceneObject",
    "SceneState",
    "SkillSpec",
    "Step",
    "check_plan",
    "final_state",
    "make_planner",
    "result_from_json",
    "result_to_json",
    "step_instruction",
]
