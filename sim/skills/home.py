"""go_home(): bring the tool back to the robot's home position and unwind the wrist, keeping any held cube.

Run by the Reach task's policy (``sim.observation_contract.skill_goal``: the home TCP position is its goal,
``goal_point``), the policy moves the tool; the wrist's unwinding, which no task's policy learned, is the scripted
controller's, before the policy moves (a Reach policy saw the wrist at its home angle only), and so is the finish
once the tool is within the Reach task's success distance of home (``clearing_action``, ``HANDOVER_DISTANCE``): a
Reach policy learned to come that close, no closer, and go_home verifies 2 cm (``HOME_TOLERANCE``). The policy must
have seen markers around the home position: the shipped ``policies/pretrained/panda_reach_home_bc`` (Panda) and
``policies/pretrained/ur5e_reach_home_bc`` (UR5e) were trained under the randomisation level ``reach_home`` (markers up
to z 0.55 m and back to x 0.25 m; the Panda's home TCP is at (0.31, 0, 0.49), the UR5e's at (0.49, 0.13, 0.33)).
Measured with ``bench/agent.py --require-skill go_home`` (30 instructions, the other skills scripted): each verified
30 of 30 go_home steps from seed 5000 and 30 of 30 from seed 6000, as the scripted controller did. With the hand-over
at 2 cm the UR5e policy verified 29 of 31 attempts in each block (one scene each where it stops 2.2-2.3 cm from home,
twice). ``panda_tabletop_bc``, whose markers lay at x 0.35-0.65 m, z 0.06-0.30 m, verifies none (0 of 60 attempts,
9-20 cm short). Unwinding first counts: a reach-home policy from 2,000 episodes verified 18 of 30 first attempts
without it (some drifting 0.5 m away), 25 of 30 with it.
"""

from __future__ import annotations

from collections.abc import Mapping

import mujoco
import numpy as np

from sim.experts.motion import move_action
from sim.experts.pick_place import CLOSE, OPEN
from sim.scene_view import SceneView
from sim.skills.base import held_objects
from sim.skills.wrist import Wrist
from sim.tasks.reach import SUCCESS_DISTANCE

HOME_TOLERANCE = 0.02  # m
WRIST_TOLERANCE = 0.1  # rad of the last arm joint from its home angle
HANDOVER_DISTANCE = SUCCESS_DISTANCE
"""The policy hands the tool to the scripted finish this close to home (m): a Reach policy learned to come within the
Reach task's success distance, which is wider than ``HOME_TOLERANCE``, so it may stop for good between the two."""


def home_tcp(view: SceneView) -> np.ndarray:
    """TCP position at the robot's home joint angles (forward kinematics on a scratch state)."""
    data = mujoco.MjData(view.model)
    data.qpos[view.arm_q] = view.scene.robot.home
    mujoco.mj_kinematics(view.model, data)
    return data.site_xpos[view.tcp_id].copy()


class GoHomeSkill:
    """Move the TCP straight to its home position while turning the last joint back to its home angle.

    The yaw is steered by the last joint, not by the tool yaw (see ``sim.skills.wrist``). The gripper
    stays closed on a held cube, else opens.
    """

    name = "go_home"
    budget = 140

    def __init__(self, view: SceneView, max_pos_step: float) -> None:
        self.view, self.step_size = view, max_pos_step
        self.args: Mapping[str, str] = {}
        self.home = home_tcp(view)
        self.wrist = Wrist(view)
        self.grip = CLOSE if held_objects(view) else OPEN
        self._finishing = False
        self._start = view.tcp_pos.copy()
        self._unwinding = True

    @property
    def goal_point(self) -> np.ndarray:
        """The home TCP position: a policy's ``goal_pos``."""
        return self.home.copy()

    def clearing_action(self) -> np.ndarray | None:
        """The scripted action first while the wrist is wound beyond ``WRIST_TOLERANCE`` (the tool holds where it
        was, the wrist unwinds: a Reach policy saw the wrist at home only) and again once the tool is within
        ``HANDOVER_DISTANCE`` of home (kept from then on), else None: the policy moves the tool."""
        if self._unwinding:
            if abs(self.wrist.error()) > WRIST_TOLERANCE:
                a = self.act()
                a[:3] = move_action(self.view, self._start, self.step_size)
                return a
            self._unwinding = False
        if not self._finishing and float(np.linalg.norm(self.view.tcp_pos - self.home)) > HANDOVER_DISTANCE:
            return None
        self._finishing = True
        return self.act()

    def precondition_error(self) -> str | None:
        return None

    def act(self) -> np.ndarray:
        a = np.zeros(5)
        a[:3] = move_action(self.view, self.home, self.step_size)
        a[3] = self.wrist.unwind_action()
        a[4] = self.grip
        return a

    def unmet(self) -> str | None:
        miss = float(np.linalg.norm(self.view.tcp_pos - self.home))
        if miss > HOME_TOLERANCE:
            return f"the tool is {miss:.3f} m from home"
        if abs(self.wrist.error()) > WRIST_TOLERANCE:
            return f"the wrist is {self.wrist.error():.2f} rad from its home angle"
        return None
