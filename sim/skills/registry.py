"""The skill registry: build a scripted controller for ``skill(args)`` on a scene, with named errors."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from sim.scene_view import SceneView
from sim.skills.base import SkillController, SkillError
from sim.skills.home import GoHomeSkill
from sim.skills.pick import PickSkill
from sim.skills.place import place_in, place_on
from sim.skills.push import DIRECTIONS, PushSkill
from sim.skills.regions import region_names

Factory = Callable[[SceneView, Mapping[str, str], float, bool], SkillController]
"""(scene, arguments, max_pos_step, for_policy) -> the controller; ``for_policy``: a learned policy drives the arm
and the controller only judges it (its precondition, predicate, ``goal_point`` and ``clearing_action``)."""

SKILL_ARGS: dict[str, tuple[str, ...]] = {
    "pick": ("object",),
    "place_on": ("object",),
    "place_in": ("region",),
    "push": ("object", "direction"),
    "go_home": (),
}

SKILL_FACTORIES: dict[str, Factory] = {
    "pick": lambda v, a, s, p: PickSkill(v, a["object"], s),
    "place_on": lambda v, a, s, p: place_on(v, a["object"], s),
    "place_in": lambda v, a, s, p: place_in(v, a["region"], s),
    "push": lambda v, a, s, p: PushSkill(v, a["object"], a["direction"], s, for_policy=p),
    "go_home": lambda v, a, s, p: GoHomeSkill(v, s),
}


def make_skill(view: SceneView, skill: str, args: Mapping[str, str], max_pos_step: float, *,
               for_policy: bool = False) -> SkillController:
    """The scripted controller of ``skill`` with ``args``; SkillError names any bad skill, argument or name.
    ``for_policy``: the controller judges a learned policy's run (a push then aims where the Push policy learned
    to, ``sim.skills.push``)."""
    if skill not in SKILL_FACTORIES:
        raise SkillError(f"unknown skill {skill!r}; valid skills: {', '.join(SKILL_FACTORIES)}")
    expected = SKILL_ARGS[skill]
    if sorted(args) != sorted(expected):
        raise SkillError(f"skill {skill} takes arguments ({', '.join(expected)}), got ({', '.join(args)})")
    valid: dict[str, tuple[str, ...]] = {"object": view.object_names, "region": region_names(view),
                                         "direction": tuple(DIRECTIONS)}
    for name in expected:
        if args[name] not in valid[name]:
            raise SkillError(f"skill {skill}: {name} {args[name]!r} is not in this scene; "
                             f"valid: {', '.join(valid[name])}")
    return SKILL_FACTORIES[skill](view, args, max_pos_step, for_policy)
