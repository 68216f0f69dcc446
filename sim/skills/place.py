"""place_on(object) and place_in(region): put the held cube down, built on the experts' pick-and-place motion.

The motion starts in its lift phase (the cube is already in the gripper), carries the cube over
the target, lowers, releases and retreats; if the cube slips out on the way it re-grasps it.

Run by a task's policy (``sim.observation_contract.skill_goal``), a placement on a cube is a Stack goal, in the bin or
on the pad a pick-and-place goal at the task's own place; on a table half it is a pick-and-place goal onto the pad
whose place is the free spot the skill chose (``goal_point``, the policy's ``goal_pos``): the pad lies flat on the
table, where the spot is.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np

from sim.experts.motion import move_action
from sim.experts.pick_place import PickAndPlaceMotion
from sim.scene import BIN_HEIGHT, BIN_WALL
from sim.scene_view import SceneView
from sim.skills.base import MAX_RESTING_SPEED, held_objects, object_speed
from sim.skills.regions import SIDES, bin_spot, free_spot, region_of, resting_on

Target = Callable[[], np.ndarray]
"""Where the held cube's centre is released, re-read every step (a cube to stack on may move)."""

GRIPPER_CLEARANCE = 0.04  # m between the released cube's top and the TCP before the skill counts as done
BIN_RELEASE_DROP = 0.03  # released above the bin floor, as the pick-and-place expert does


class PlaceSkill:
    """Carry the held cube to its target and release it; ``placed`` names what is still wrong, or None."""

    def __init__(self, view: SceneView, name: str, args: Mapping[str, str], max_pos_step: float, *,
                 target_for: Callable[[str], Target | None], placed: Callable[[str], str | None],
                 blocked: Callable[[str], str | None] = lambda held: None, carry_height: float = 0.0,
                 release_drop: float = 0.006, budget: int = 220, spot_is_goal: bool = False) -> None:
        self.view, self.name, self.budget = view, name, budget
        self.motion_step = max_pos_step
        self._clearing = False
        self._target: Target | None = None
        self._spot_is_goal = spot_is_goal
        self.args: Mapping[str, str] = dict(args)
        held = held_objects(view)
        self.held: str | None = held[0] if held else None
        self.motion: PickAndPlaceMotion | None = None
        self._placed = placed
        if self.held is None:
            self._error: str | None = "the gripper holds nothing to place"
            return
        self._error = blocked(self.held)
        if self._error is not None:
            return
        target = target_for(self.held)
        if target is None:
            self._error = f"no free spot for the {self.held} in region {args.get('region')}"
            return
        self._target = target
        self.motion = PickAndPlaceMotion(view, self.held, target, max_pos_step, carry_height=carry_height,
                                         release_drop=release_drop)
        self.motion.phase = "lift"  # the cube is already in the gripper

    @property
    def goal_point(self) -> np.ndarray | None:
        """Where the held cube's centre goes, a policy's ``goal_pos``, for a placement on a table half (no task has
        that place: see the module's docstring); None for the others (the task's own place) or without a spot."""
        if not self._spot_is_goal or self._target is None:
            return None
        return np.array(self._target(), dtype=float)

    def precondition_error(self) -> str | None:
        return self._error

    def act(self) -> np.ndarray:
        if self.motion is None:
            raise RuntimeError(f"{self.name} cannot act: {self._error}")
        return self.motion.act()

    def unmet(self) -> str | None:
        missing = self._placement_unmet()
        if missing is not None:
            return missing
        if self._clear_height() > self.view.tcp_pos[2]:
            return "the gripper has not cleared the cube"
        return None

    def clearing_action(self) -> np.ndarray | None:
        """Straight up with open fingers once the cube is placed and released but the gripper is still low, else None.

        A learned placement ends there: task policies learn from episodes that end at the release, so they hover
        over the cube; the skill's predicate (and the next skill) wants the gripper clear of it."""
        if self.held is None or self._placement_unmet() is not None:
            self._clearing = False
            return None
        v = self.view
        if not self._clearing and self._clear_height() <= v.tcp_pos[2]:
            return None
        # Kept once begun: handed back at the clearance line, a policy that hovers would come down again.
        self._clearing = True
        a = np.zeros(5)
        a[:3] = move_action(v, np.array([*v.tcp_pos[:2], self._clear_height() + 0.02]), self.motion_step)
        a[4] = 1.0
        return a

    def _clear_height(self) -> float:
        assert self.held is not None
        v = self.view
        return float(v.object_pos(self.held)[2] + v.object_half(self.held) + GRIPPER_CLEARANCE)

    def _placement_unmet(self) -> str | None:
        if self.held is None:
            return "nothing was held"
        v = self.view
        if v.is_grasped(self.held):
            return f"the {self.held} is still in the gripper"
        wrong = self._placed(self.held)
        if wrong is not None:
            return wrong
        if object_speed(v, self.held) > MAX_RESTING_SPEED:
            return f"the {self.held} is still moving"
        return None


def place_on(view: SceneView, target: str, max_pos_step: float) -> PlaceSkill:
    """Stack the held cube on ``target`` (the release point follows the target if it moves)."""

    def blocked(held: str) -> str | None:
        if held == target:
            return f"cannot put the {held} on itself"
        on_top = [o for o in view.object_names if o not in (target, held) and resting_on(view, o, target)]
        return f"the {on_top[0]} already rests on the {target}" if on_top else None

    def target_for(held: str) -> Target:
        lift = np.array([0.0, 0.0, view.object_half(target) + view.object_half(held)])
        return lambda: view.object_pos(target) + lift

    def placed(held: str) -> str | None:
        return None if resting_on(view, held, target) else f"the {held} does not rest on the {target}"

    return PlaceSkill(view, "place_on", {"object": target}, max_pos_step, target_for=target_for, placed=placed,
                      blocked=blocked)


def place_in(view: SceneView, region: str, max_pos_step: float) -> PlaceSkill:
    """Put the held cube in the bin, on the pad, or at a free spot on the left/right half of the table."""

    def placed(held: str) -> str | None:
        got = region_of(view, held)
        return None if got == region else f"the {held} is in region {got or 'none'}, not {region}"

    args = {"region": region}
    if region == "bin":
        return PlaceSkill(view, "place_in", args, max_pos_step, placed=placed, carry_height=BIN_HEIGHT,
                          release_drop=BIN_RELEASE_DROP, target_for=lambda held: _fixed(
                              np.array([*bin_spot(view, held), BIN_WALL + view.object_half(held)])))
    if region == "pad":
        return PlaceSkill(view, "place_in", args, max_pos_step, placed=placed,
                          target_for=lambda held: _fixed(view.pad_pos + np.array([0.0, 0.0, view.object_half(held)])))
    if region not in SIDES:
        raise ValueError(f"unknown region {region!r}")

    def spot(held: str) -> Target | None:
        # Chosen once, when the skill starts: the spot must not wander as the arm passes other cubes.
        xy = free_spot(view, region, moving=held)
        return None if xy is None else _fixed(np.array([xy[0], xy[1], view.object_half(held)]))

    return PlaceSkill(view, "place_in", args, max_pos_step, placed=placed, target_for=spot, spot_is_goal=True)


def _fixed(point: np.ndarray) -> Target:
    p = np.array(point, dtype=float)
    return lambda: p
