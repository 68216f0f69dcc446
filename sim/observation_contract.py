"""The policy observation, built in one place from a scene state: the sim env and the bridge both call it.

A checkpoint trained in simulation runs on the arm unchanged only if both sides hand it the same dict for
the same state. Both therefore build it here, from the same readings: measured arm joints and velocities,
finger positions, the TCP frame, cube poses (truth in the env, perception on the arm), the goal and its ids
(``sim.tasks.goal_ids``) and the instruction. ``VERSION`` names this layout; checkpoints record the version
they were trained on (``policies.observation.ObservationLayout.contract``) and refuse any other.

A skill of the agent runs as a learned policy through the same function: ``skill_goal`` names the task goal
whose policy does what the skill does (placing the held cube on another is a stack goal, in the bin, on the
pad or on a table half a pick-and-place goal), so a skill's policy sees in simulation and on the arm the ids,
goal position and instruction it was trained with for that task.

Version history: 1 -- the keys below, as the env has produced them since the first datasets.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import mujoco
import numpy as np

from sim.scene_view import SceneView
from sim.skills.regions import SIDES
from sim.tasks import TaskGoal, get_task, goal_ids
from sim.tasks.base import phrase
from sim.tasks.pick_place import PAD_TEMPLATES

VERSION = 1
"""Bump on any change of a key, a shape, a unit, an order or an id: old checkpoints then refuse to load."""

STATE_KEYS = ("joint_pos", "joint_vel", "ee_pose", "gripper", "object_poses", "goal_pos", "task_id", "object_id",
              "target_id", "instruction")
"""Every key of a state observation (image keys come on top in the env's rgb and rgbd modes)."""


SKILL_TASKS: dict[str, str] = {"pick": "pick_place", "place_on": "stack", "place_in": "pick_place", "push": "push",
                               "go_home": "reach"}
"""Skills a task policy can run, and the task it runs them as: a pick is a pick-and-place's first phase (no target:
the skill's own predicate ends it once the cube is lifted); a push in a direction is a Push-task push onto a point
along it, go_home a reach of the home TCP position, a placement on the left or right half a pick-and-place onto
the pad at the skill's free spot (the skill's ``goal_point`` is their ``goal_pos``: see ``observe``). A go_home
holding a cube has no task goal (a reach policy opens the fingers)."""
_REGION_TARGETS = {"bin": "bin", "pad": "target_pad"}


def skill_goal(skill: str, args: Mapping[str, str], *, holding: str | None, instruction: str) -> TaskGoal | None:
    """The task goal a policy pursues for ``skill(args)`` with ``holding`` in the gripper, conditioned on the
    step's ``instruction`` (a push, a go_home and a side placement on their task's first template); None when no
    task's goal is the skill's (see ``SKILL_TASKS``), a placement holds nothing, a push holds something or a
    go_home holds a cube."""
    if skill == "pick":
        return TaskGoal(task=SKILL_TASKS[skill], instruction=instruction, object=args.get("object"))
    if skill in ("push", "go_home"):
        if holding is not None:
            return None
        # In the task's own words, not the step's: "push the red cube left" names a direction the Push policy
        # never heard (it goes by goal_pos). With the step's words the shipped BC policy pushed 5 of 10 scenes
        # (seeds 100-109) to their goal, with "push the red cube onto the pad" 8 of 10.
        task = get_task(SKILL_TASKS[skill])
        obj = args.get("object")
        # The first template, filled as the task fills it (a one-template draw takes no randomness).
        words = phrase(np.random.default_rng(0), task.templates[:1], **({"obj": obj} if obj is not None else {}))
        return TaskGoal(task=task.name, instruction=words, object=obj,
                        target="target_pad" if skill == "push" else "goal_marker")
    if holding is None or skill not in SKILL_TASKS:
        return None
    if skill == "place_in" and args.get("region") in SIDES:
        # A pad placement whose place is the skill's spot (its goal_point), in the pad's words: the policy never
        # heard "the left side".
        words = phrase(np.random.default_rng(0), PAD_TEMPLATES[:1], obj=holding)
        return TaskGoal(task=SKILL_TASKS[skill], instruction=words, object=holding, target="target_pad")
    if skill == "place_on":
        target: str | None = args.get("object")
    else:
        target = _REGION_TARGETS.get(args.get("region", ""))
    if target is None or target == holding:
        return None
    return TaskGoal(task=SKILL_TASKS[skill], instruction=instruction, object=holding, target=target)


def noise_size(n_arm: int, n_obj: int) -> int:
    """How many values observation noise perturbs: joint positions, the TCP pose and the cube poses."""
    return n_arm + 7 + 7 * n_obj


def build_observation(*, joint_pos: np.ndarray, joint_vel: np.ndarray, finger_qpos: Sequence[float],
                      gripper_open: float, tcp_pos: np.ndarray, tcp_xmat: np.ndarray, object_qpos: np.ndarray,
                      goal_pos: np.ndarray, ids: tuple[int, int, int], instruction: str,
                      noise: np.ndarray | None = None) -> dict[str, Any]:
    """The observation dict from raw readings.

    ``finger_qpos``: each finger joint's opening (m); the gripper key is their mean over ``gripper_open`` (1
    open .. 0 closed). ``tcp_xmat``: the TCP's 3x3 rotation (row-major, 9 values). ``object_qpos``: every
    cube's free-joint position and quaternion wxyz, cube after cube. ``noise`` (``noise_size`` values) is
    added to joint positions, TCP pose and cube poses in that order. Every array is freshly allocated: a
    caller may keep or modify what it gets.
    """
    quat = np.empty(4)
    mujoco.mju_mat2Quat(quat, np.asarray(tcp_xmat, dtype=np.float64).reshape(9))
    # Runs every env step, after mj_step has pushed this code out of the CPU caches: few numpy calls count more
    # than few flops. One concatenate into a fresh buffer, one add for the noise, keys as views of it.
    grip = [float(g) for g in finger_qpos]
    state = np.concatenate(((sum(grip) / len(grip) / gripper_open,), joint_vel, joint_pos, tcp_pos, quat,
                            np.asarray(object_qpos, dtype=np.float64).reshape(-1)))
    n = len(joint_pos)
    if noise is not None:
        noisy = state[1 + n :]
        np.add(noisy, noise, out=noisy)
    task_id, object_id, target_id = ids
    return {
        "joint_pos": state[1 + n : 1 + 2 * n],
        "joint_vel": state[1 : 1 + n],
        "ee_pose": state[1 + 2 * n : 8 + 2 * n],
        "gripper": state[:1],
        "object_poses": state[8 + 2 * n :].reshape(-1, 7),
        "goal_pos": np.array(goal_pos, dtype=np.float64),
        "task_id": task_id,
        "object_id": object_id,
        "target_id": target_id,
        "instruction": instruction,
    }


def observe(view: SceneView, goal: TaskGoal, *, joint_vel: np.ndarray | None = None,
            noise: np.ndarray | None = None, goal_pos: np.ndarray | None = None) -> dict[str, Any]:
    """The observation of the scene ``view`` shows, for ``goal``.

    ``joint_vel``: measured arm joint velocities; None reads the scene's own (the env's physics). The bridge
    passes the driver's, since its mirror is kinematic and has none. ``goal_pos``: the point the goal stands for
    when it is not the task's place (a push's end point, the home position: a skill's ``goal_point``); None reads
    the task's own (the pad, the marker, the bin, a cube).
    """
    d = view.data
    tcp_pos, tcp_xmat = view.tcp_frame_now()  # after an env's mj_step its frames lag the joints (as the env reads)
    return build_observation(
        joint_pos=d.qpos[view.arm_q], joint_vel=d.qvel[view.arm_v] if joint_vel is None else joint_vel,
        finger_qpos=d.qpos[view.grip_q].tolist(), gripper_open=view.scene.robot.gripper_open,
        tcp_pos=tcp_pos, tcp_xmat=tcp_xmat, object_qpos=d.qpos[view.objects_q],
        goal_pos=get_task(goal.task).goal_position(view, goal) if goal_pos is None else goal_pos,
        ids=goal_ids(goal, view.scene.object_names),
        instruction=goal.instruction, noise=noise)
