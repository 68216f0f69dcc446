"""One skill registry: the planner plans exactly the skills, arguments and directions the simulator runs."""

from __future__ import annotations

from policies.planner import DIRECTIONS, SKILLS
from sim.skills import SKILL_ARGS
from sim.skills.push import DIRECTIONS as PUSH_DIRECTIONS


def test_the_planners_skills_are_the_simulators() -> None:
    assert list(SKILLS) == list(SKILL_ARGS)
    for name, spec in SKILLS.items():
        assert tuple(arg for arg, _ in spec.args) == SKILL_ARGS[name], name
        assert all(arg == kind for arg, kind in spec.args), name  # make_skill reads an argument's name as its type
    assert tuple(PUSH_DIRECTIONS) == DIRECTIONS
