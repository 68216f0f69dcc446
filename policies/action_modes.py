"""The action modes of the goal-conditioned RL envs: which parts of the env's 5-d action the agent commands.

The one registry of them: ``policies.rl_config`` validates against it, ``policies.goal_env`` (Reach) and
``policies.object_goal_env`` (Push, PickPlace, Stack) build their action spaces from it, and
``policies.rl_export`` records the dims it names. The parts the agent does not command are held at values each
goal env chooses for its task (Reach: yaw rate 0, gripper open; Push: fingers closed). No heavy imports: the
config module reads it.
"""

from __future__ import annotations

from dataclasses import dataclass

from policies.errors import TrainConfigError

ENV_ACTION_NAMES = ("dx", "dy", "dz", "dyaw", "gripper")  # the armstack env's action, in order


@dataclass(frozen=True, kw_only=True)
class ActionMode:
    """One action mode: the env action indices the agent commands, in the order of the agent's action."""

    name: str
    dims: tuple[int, ...]
    meaning: str


ACTION_MODES: dict[str, ActionMode] = {mode.name: mode for mode in (
    ActionMode(name="xyz", dims=(0, 1, 2), meaning="the agent moves the TCP; yaw rate and gripper held"),
    ActionMode(name="xyzg", dims=(0, 1, 2, 4), meaning="the agent moves the TCP and commands the gripper; yaw "
                                                      "rate held"),
    ActionMode(name="full", dims=(0, 1, 2, 3, 4), meaning="the env's 5-d action unchanged"),
)}


def action_mode(name: object) -> ActionMode:
    """The registered mode ``name``; a clear error naming every mode otherwise."""
    mode = ACTION_MODES.get(name) if isinstance(name, str) else None
    if mode is None:
        meanings = "; ".join(f"{m.name}: {m.meaning}" for m in ACTION_MODES.values())
        raise TrainConfigError(f"unknown action_mode {name!r}; valid options: {', '.join(ACTION_MODES)} ({meanings})")
    return mode


__all__ = ["ACTION_MODES", "ENV_ACTION_NAMES", "ActionMode", "action_mode"]
