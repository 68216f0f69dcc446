"""EnvServo: the joint velocities the env's policy observation would carry after a motion the arm measured.

The env's joint_vel (``sim.observation_contract``) is MuJoCo's ``qvel`` when its step returns: its controller's joint
target is held for the whole control period, the arm's position servo is near it by the period's end and slowing
down, and the velocity it observes there is about a quarter of the period's mean. The arm behind the bridge moves
steadily instead (the gate ramps its command tick by tick), so neither its mean velocity over a period nor the
driver's velocity at the period's end is what a policy trained in the env reads. Both of the bridge's policy paths
serve this instead: the agent's skills (``robot.agent_world``) and a task's policy (``robot.bridge_core``). Never a
safety check: those read the driver's velocity.
"""

from __future__ import annotations

import copy

import mujoco
import numpy as np

from sim.scene_view import SceneView


class EnvServo:
    """The env's arm over one control period (``sim.env.TabletopEnv.step``: one joint target held for the period,
    the model's position actuators, physics at its timestep), for the joint velocities the env would observe at the
    end of a motion the arm measured.

    ``velocity(start, start_velocity, end, fingers)`` finds the joint target that takes the env's arm from ``start``
    (moving at ``start_velocity``: the velocity the env ended its previous period with) to ``end`` in one period,
    and returns the arm's ``qvel`` there. The target is found by shooting: it starts at ``end`` and moves by what
    the arm fell short of, until the miss is below ``tolerance`` rad or after ``rounds`` rounds (a small step is
    about 97% covered within a period, so two or three rounds do; a large one saturates the actuators' force limits
    and converges slower, but a miss of 1e-4 rad changes the velocity by about 0.003 rad/s). Contacts are off: the
    measured end already holds what the scene did to the arm (a blocked arm measures no motion and reads about
    none). Only the nominal model: the env draws actuator gains and joint damping per episode (``sim.randomize``),
    so its own readings spread by about 10% around these."""

    def __init__(self, view: SceneView, *, control_dt: float, tolerance: float = 1e-4, rounds: int = 4) -> None:
        # A copy of the scene's model (the env's: ``sim.scene``), not a new build: the bridge makes one per agent
        # run on the node's thread, and a copy takes well under a millisecond.
        self._model = copy.copy(view.model)
        self._model.opt.disableflags |= int(mujoco.mjtDisableBit.mjDSBL_CONTACT)
        self._data = mujoco.MjData(self._model)
        self._arm_q, self._arm_v, self._grip_q = view.arm_q, view.arm_v, view.grip_q
        self._n_arm = view.scene.robot.n_arm
        # The env's substeps per control period (sim.env: round(1 / (control_hz * timestep))).
        self.substeps = max(1, round(control_dt / float(self._model.opt.timestep)))
        self._tolerance, self._rounds = float(tolerance), int(rounds)

    def velocity(self, start: np.ndarray, start_velocity: np.ndarray, end: np.ndarray,
                 fingers: np.ndarray) -> np.ndarray:
        m, d, n = self._model, self._data, self._n_arm
        target = np.array(end, dtype=np.float64)
        for _ in range(self._rounds):
            mujoco.mj_resetData(m, d)
            d.qpos[self._arm_q] = start
            d.qvel[self._arm_v] = start_velocity
            d.qpos[self._grip_q] = fingers
            d.ctrl[:n] = target
            d.ctrl[n:] = float(np.mean(fingers))
            mujoco.mj_step(m, d, nstep=self.substeps)
            miss = end - d.qpos[self._arm_q]
            if float(np.abs(miss).max()) < self._tolerance:
                break
            target += miss
        return d.qvel[self._arm_v].copy()
