"""The symbolic scene state read from the simulator: objects, what the gripper holds, what rests on what.

Regions are geometric (``sim.skills.regions``): the bin, the pad, and the left/right halves of the
table. An object resting on another cube is ``on`` that cube, in the bin too (so the cube under it is never
taken for free to pick; ``SceneState.rests_on`` still finds it in the bin); otherwise it is ``on`` its region;
a held object rests on nothing; an object on the bare table outside every region (the middle strip) is absent
from ``on``.
"""

from __future__ import annotations

from typing import Any

from policies.planner.scene_state import SceneObject, SceneState
from sim.skills import held_objects, region_names, region_of, resting_on


def scene_state_from_env(env: Any) -> SceneState:
    """Derive the planner's ``SceneState`` from a ``TabletopEnv`` (or any env whose ``unwrapped`` is one)."""
    view = env.unwrapped.view
    names = view.object_names
    pairs = view.contact_pairs()
    held = held_objects(view)
    holding = held[0] if held else None
    on: dict[str, str] = {}
    for name in names:
        if name == holding:
            continue
        base = next((b for b in names if b not in (name, holding) and resting_on(view, name, b, pairs)), None)
        support = base if base is not None else region_of(view, name)
        if support is not None:
            on[name] = support
    objects = tuple(
        SceneObject(name=n, kind=n.split("_", 1)[1], color=n.split("_", 1)[0],
                    position=tuple(round(float(x), 4) for x in view.object_pos(n)))  # type: ignore[arg-type]
        for n in names
    )
    regions = region_names(view)
    # The bin and the pad have a place on the table ("the cube next to the bin"); left and right are halves.
    landmarks = {r: tuple(round(float(x), 4) for x in pos) for r, pos in
                 (("bin", getattr(view, "bin_pos", None)), ("pad", getattr(view, "pad_pos", None)))
                 if r in regions and pos is not None}
    return SceneState(objects=objects, regions=regions, holding=holding, on=_break_cycles(on),
                      landmarks=landmarks)  # type: ignore[arg-type]


def _break_cycles(on: dict[str, str]) -> dict[str, str]:
    """Contact noise cannot make two cubes rest on each other; keep the lower one's relation out."""
    for a, b in list(on.items()):
        if on.get(b) == a:
            on.pop(b)
    return on
