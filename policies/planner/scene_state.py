"""The symbolic scene the planner reasons over: objects, regions, what is held and what rests on what.

``SceneState`` is the SCENE.json of ``armstack plan`` and the state the agent derives from the simulator.
Directions follow the robot's viewpoint: "left" is +y, "forward" is +x (away from the base).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from policies.planner.errors import PlannerError


class SceneError(PlannerError, ValueError):
    """A scene description that cannot be used: bad names, duplicates, unknown keys, inconsistent relations."""


_WORD = re.compile(r"^[a-z][a-z0-9]*$")
_SCENE_KEYS = ("objects", "regions", "holding", "on", "landmarks")
_OBJECT_KEYS = ("name", "kind", "color", "position")
# One object on another, from positions alone: their footprints overlap along each table axis (centres nearer than
# the two half-widths of 4.4 cm cubes, 2.2 + 2.2 cm, plus slack for perception), so a cube resting off-centre or
# diagonally on another counts (a Euclidean 2.2 cm radius missed one at (2.1, 2.1) cm); the upper one's centre about
# the two half-heights higher (4.4 cm, with slack for perception).
_CUBE_HALF_M = 0.022
_STACK_XY_M = 2 * _CUBE_HALF_M + 0.003
_STACK_DZ_M = (2 * _CUBE_HALF_M - 0.014, 2 * _CUBE_HALF_M + 0.016)


@dataclass(frozen=True, kw_only=True)
class SceneObject:
    """One graspable object; its name is always ``<color>_<kind>`` (e.g. ``red_cube``)."""

    name: str
    kind: str
    color: str
    position: tuple[float, float, float] | None = None

    def __post_init__(self) -> None:
        for label, value in (("kind", self.kind), ("color", self.color)):
            if not isinstance(value, str) or not _WORD.match(value):
                raise SceneError(f"object {self.name!r}: {label} {value!r} must be one lowercase word (a-z, 0-9)")
        if self.name != f"{self.color}_{self.kind}":
            raise SceneError(f"object name {self.name!r} must be '<color>_<kind>', here {self.color}_{self.kind!s}")
        if self.position is not None:
            pos = tuple(self.position)
            if len(pos) != 3 or not all(isinstance(v, int | float) and math.isfinite(v) for v in pos):
                raise SceneError(f"object {self.name!r}: position {self.position!r} must be 3 finite numbers")
            object.__setattr__(self, "position", tuple(float(v) for v in pos))

    @property
    def description(self) -> str:
        """The English noun phrase, e.g. "red cube"."""
        return f"{self.color} {self.kind}"


@dataclass(frozen=True, kw_only=True)
class SceneState:
    """Objects present, table regions, the held object and the support relation ``on`` (object -> support).

    Objects standing on the bare table (no region) are absent from ``on``; a held object rests on nothing.
    ``landmarks`` places the regions that have a place (the bin, the pad) for "the cube next to the bin".
    """

    objects: tuple[SceneObject, ...]
    regions: tuple[str, ...]
    holding: str | None = None
    on: Mapping[str, str] = field(default_factory=dict, hash=False)
    landmarks: Mapping[str, tuple[float, float, float]] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "objects", tuple(self.objects))
        object.__setattr__(self, "regions", tuple(self.regions))
        names = [o.name for o in self.objects]
        dup = sorted({n for n in names if names.count(n) > 1})
        if dup:
            raise SceneError(f"duplicate object name(s) {', '.join(dup)}; each object must appear once")
        for region in self.regions:
            if not isinstance(region, str) or not _WORD.match(region):
                raise SceneError(f"region {region!r} must be one lowercase word (e.g. bin, pad, left, right)")
            if region in names:
                raise SceneError(f"region {region!r} has the same name as an object")
        if len(set(self.regions)) != len(self.regions):
            raise SceneError(f"duplicate region in {list(self.regions)}")
        if self.holding is not None and self.holding not in names:
            raise SceneError(f"holding {self.holding!r} is not an object of the scene; objects: {', '.join(names)}")
        on = dict(self.on)
        supports = set(names) | set(self.regions)
        for obj, support in on.items():
            if obj not in names:
                raise SceneError(f"'on' names {obj!r}, which is not an object; objects: {', '.join(names)}")
            if support not in supports:
                raise SceneError(f"'on': {obj} rests on {support!r}, which is neither an object nor a region; "
                                 f"valid: {', '.join(sorted(supports))}")
            if support == obj:
                raise SceneError(f"'on': {obj} cannot rest on itself")
            if obj == self.holding:
                raise SceneError(f"'on': {obj} is held, so it rests on nothing")
            if support == self.holding:
                raise SceneError(f"'on': {obj} rests on {support}, which is held")
        for start in on:  # a support chain must end on the table or a region, never loop
            seen, cur = {start}, on[start]
            while cur in on:
                if cur in seen:
                    raise SceneError(f"'on' has a cycle through {cur}")
                seen.add(cur)
                cur = on[cur]
        object.__setattr__(self, "on", MappingProxyType(on))
        landmarks: dict[str, tuple[float, float, float]] = {}
        for region, pos in dict(self.landmarks).items():
            if region not in self.regions:
                raise SceneError(f"landmark {region!r} is not a region; regions: {', '.join(self.regions)}")
            if not isinstance(pos, list | tuple) or len(pos) != 3 or not all(
                    isinstance(v, int | float) and math.isfinite(v) for v in pos):
                raise SceneError(f"landmark {region!r}: position {pos!r} must be 3 finite numbers")
            landmarks[region] = (float(pos[0]), float(pos[1]), float(pos[2]))
        object.__setattr__(self, "landmarks", MappingProxyType(landmarks))

    # ----------------------------------------------------------------- queries
    @property
    def names(self) -> tuple[str, ...]:
        return tuple(o.name for o in self.objects)

    def get(self, name: str) -> SceneObject:
        for o in self.objects:
            if o.name == name:
                return o
        raise SceneError(f"no object {name!r} in the scene; objects: {', '.join(self.names) or '(none)'}")

    def has(self, name: str) -> bool:
        return name in self.names

    def rests_on(self, name: str, support: str) -> bool:
        """``name`` rests on ``support``: directly, or, where ``support`` is a region, on a pile of objects standing
        in it (a cube on a cube in the bin is in the bin; ``on`` records the cube it rests on, so the one under it
        is never taken for free)."""
        below, seen = self.on.get(name), {name}
        while below is not None and below != support and self.has(below) and not self.has(support) \
                and below not in seen:
            seen.add(below)
            below = self.on.get(below)
        return below == support

    def objects_on(self, support: str) -> tuple[str, ...]:
        """Names of the objects resting directly on ``support``."""
        return tuple(o for o, s in self.on.items() if s == support)

    def is_clear(self, name: str) -> bool:
        """Nothing rests on ``name``."""
        return not self.objects_on(name)

    def stacked_from_positions(self) -> dict[str, str]:
        """Object -> the object it rests on, read from positions (footprints overlapping on each table axis, one
        cube's height above), for the objects that ``on`` does not place and the gripper does not hold."""
        placed = [o for o in self.objects if o.position is not None and o.name not in self.on and
                  o.name != self.holding]
        below = [o for o in self.objects if o.position is not None and o.name != self.holding]
        out: dict[str, str] = {}
        for a in placed:
            for b in below:
                if a is not b and a.position and b.position and \
                        abs(a.position[0] - b.position[0]) < _STACK_XY_M and \
                        abs(a.position[1] - b.position[1]) < _STACK_XY_M and \
                        _STACK_DZ_M[0] < a.position[2] - b.position[2] < _STACK_DZ_M[1]:
                    out[a.name] = b.name
        return out

    def with_position_stacks(self) -> SceneState:
        """This scene with ``on`` completed from positions: a perception-built scene gives positions only, and
        a cube with another on top must not be picked (fresh split indep7-065). ``on`` wins where it speaks."""
        derived = self.stacked_from_positions()
        if not derived:
            return self
        try:
            return self.replace(holding=self.holding, on={**self.on, **derived})
        except SceneError:  # positions that read as a loop are noise: keep the scene as given
            return self

    def stacks(self) -> tuple[tuple[str, ...], ...]:
        """The scene's stacks of objects, each bottom first: from ``on`` where it says so, else from positions (an
        object within a cube's footprint of another and one cube's height above it), so "leave the stack alone"
        names what a perception-built scene shows stacked (fresh split indep6-030)."""
        above = {o: s for o, s in self.on.items() if self.has(s)}
        above.update({o: s for o, s in self.stacked_from_positions().items() if o not in above})
        out = []
        for bottom in (n for n in self.names if n in above.values() and n not in above):
            chain = [bottom]
            while len(nxt := [o for o, s in above.items() if s == chain[-1]]) == 1 and nxt[0] not in chain:
                chain.append(nxt[0])
            out.append(tuple(chain))
        return tuple(out)

    def replace(self, *, holding: str | None, on: Mapping[str, str]) -> SceneState:
        return SceneState(objects=self.objects, regions=self.regions, holding=holding, on=on, landmarks=self.landmarks)

    # ------------------------------------------------------------------- JSON
    @classmethod
    def from_json(cls, data: Any) -> SceneState:
        """Parse the SCENE.json mapping; unknown keys, bad names and inconsistent relations raise ``SceneError``."""
        if not isinstance(data, Mapping):
            raise SceneError(f"a scene must be a JSON object, got {type(data).__name__}")
        _reject_unknown(data, _SCENE_KEYS, "scene")
        raw_objects = data.get("objects")
        if not isinstance(raw_objects, list):
            raise SceneError(f"scene 'objects' must be a list of objects, got {raw_objects!r}")
        objects = []
        for i, raw in enumerate(raw_objects):
            if not isinstance(raw, Mapping):
                raise SceneError(f"scene objects[{i}] must be an object with keys {', '.join(_OBJECT_KEYS)}")
            _reject_unknown(raw, _OBJECT_KEYS, f"objects[{i}]")
            missing = [k for k in ("name", "kind", "color") if k not in raw]
            if missing:
                raise SceneError(f"scene objects[{i}] lacks {', '.join(missing)}")
            pos = raw.get("position")
            if pos is not None and not isinstance(pos, list | tuple):
                raise SceneError(f"objects[{i}].position {pos!r} must be a list of 3 numbers")
            objects.append(SceneObject(name=raw["name"], kind=raw["kind"], color=raw["color"],
                                       position=tuple(pos) if pos is not None else None))  # type: ignore[arg-type]
        regions = data.get("regions", [])
        if not isinstance(regions, list):
            raise SceneError(f"scene 'regions' must be a list of names, got {regions!r}")
        holding = data.get("holding")
        if holding is not None and not isinstance(holding, str):
            raise SceneError(f"scene 'holding' must be an object name or null, got {holding!r}")
        on = data.get("on", {})
        if not isinstance(on, Mapping) or not all(isinstance(k, str) and isinstance(v, str) for k, v in on.items()):
            raise SceneError(f"scene 'on' must map object names to support names, got {on!r}")
        landmarks = data.get("landmarks", {})
        if not isinstance(landmarks, Mapping):
            raise SceneError(f"scene 'landmarks' must map region names to positions, got {landmarks!r}")
        return cls(objects=tuple(objects), regions=tuple(regions), holding=holding, on=dict(on),
                   landmarks=dict(landmarks))

    def to_json(self) -> dict[str, Any]:
        objects: list[dict[str, Any]] = []
        for o in self.objects:
            entry: dict[str, Any] = {"name": o.name, "kind": o.kind, "color": o.color}
            if o.position is not None:
                entry["position"] = list(o.position)
            objects.append(entry)
        out: dict[str, Any] = {"objects": objects, "regions": list(self.regions)}
        if self.holding is not None:
            out["holding"] = self.holding
        if self.on:
            out["on"] = dict(self.on)
        if self.landmarks:
            out["landmarks"] = {r: list(p) for r, p in self.landmarks.items()}
        return out


def _reject_unknown(data: Mapping[str, Any], valid: tuple[str, ...], where: str) -> None:
    unknown = sorted(set(data) - set(valid))
    if unknown:
        raise SceneError(f"{where}: unknown key(s) {', '.join(map(repr, unknown))}; valid keys: {', '.join(valid)}")
