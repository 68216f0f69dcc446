"""BridgeWorld: the arm as the agent's skills see it, the bridge's side of ``sim.skills.SkillWorld``.

The agent loop (``policies.planner.agent.execute``) runs in a thread of its own, since planning takes
seconds; the bridge's control tick stays in charge of every command. The two meet here:

* the agent's ``step(action)`` leaves one 5-d EE-delta action and waits for a tick to ``take`` it (turning it into
  joint targets through the gate as any policy action);
* the last tick of the action's period (``BridgeCore._run_agent``: 40 ms of the 50 ms at the default rates)
  ``serve``s the state measured then as the action's result, and ``step`` returns with it, as the env's step returns
  the state after its control period: a skill computes its next action from what its last one did, never from the
  state before the arm moved for it. It does so while the arm finishes the period, and the tick that starts the next
  period takes the action, waiting a bounded time (``BridgeCore.agent_wait_s``) if it is not there yet; one that
  comes later is taken by a later tick (its period starts there), and the arm holds meanwhile;
* every other tick ``serve``s its state too (measured joints, perceived cubes, pad, bin, the cubes perception has
  lost), which ``wait_ready`` loads for the first plan; the agent's own copy of the mirror loads a state before
  ``step`` returns: skills never read a mirror the tick is writing;
* an action is void, never taken, when it was computed from a state older than what the bridge now knows: a cube
  perception has lost since that state (the action would chase a memory), or a state from before a pause
  (``void_pending``: DEGRADED and its resume restart the arm's target from the measured pose, and a step computed
  before then may point anywhere). Its ``step`` returns at once with the state measured now and no joint velocity,
  so a skill ends on the loss, or computes its next action from where the arm is;
* a fault, an operator stop or the bridge closing ``interrupt``s: the waiting ``step`` raises
  ``ExecutionStoppedError`` and the agent reports the step it stopped in.

The mirror is kinematic: the arm's joint velocities a skill's policy observes (``sim.observation_contract``) are
the env's, for the motion the arm measured over the action's period (``EnvServo``). The env's joint_vel is MuJoCo's
``qvel`` when its step returns: its controller's joint target is held for the whole control period, the arm's
position servo is near it by the period's end and slowing down, and the velocity it observes there is about a
quarter of the period's mean (steady move at the default speed fraction: 0.24-0.27 rad/s against 1.04 rad/s, joint
norm). The arm behind the bridge moves steadily instead (the gate ramps its command tick by tick), so neither its
mean velocity over the period nor the driver's velocity at the period's end (both about 1.08 rad/s for that move) is
what the policy was trained on.

No rclpy here: the tick-by-tick tests drive it exactly as the node does.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

import mujoco
import numpy as np

from robot.env_servo import EnvServo
from robot.safety.arm_mirror import ArmMirror
from sim.control import ACTION_DIM, ControllerConfig
from sim.scene_view import SceneView
from sim.skills import ExecutionStoppedError

MIN_ELAPSED_SHARE = 0.5
"""The least share of the policy period taken as the time from an action's take to its result (``_velocity``)."""


class _Controller:
    """What a skill reads of the controller: its configuration (the step sizes)."""

    def __init__(self, config: ControllerConfig) -> None:
        self.config = config


@dataclass(frozen=True)
class _Snapshot:
    """One tick's state for the agent: the mirror's ``qpos``, the pad's, bin's and goal's places, the cubes perception
    has lost, when the joints were measured (node clock, s; None: not known), and its place in the order served."""

    qpos: np.ndarray
    places: np.ndarray
    missing: frozenset[str]
    at: float | None
    seq: int


class BridgeWorld:
    """One agent run's view of the arm (``view``) and its command sink (``step``); thread-safe between the agent's
    thread and the control tick."""

    def __init__(self, sim_model: str, *, cubes: tuple[str, ...], controller: ControllerConfig, control_dt: float,
                 step_timeout_s: float = 30.0) -> None:
        self._mirror = ArmMirror(sim_model, controller=controller, cubes=cubes)
        self._servo = EnvServo(self._mirror.view, control_dt=control_dt)
        self._controller = _Controller(controller)
        self._control_dt = float(control_dt)
        self._step_timeout_s = float(step_timeout_s)
        self._cond = threading.Condition()
        self._action: np.ndarray | None = None
        self._snapshot: _Snapshot | None = None
        """The latest tick's state (the first plan is made over it)."""
        self._taken: _Snapshot | None = None
        """The state the action now running was taken in (None: none is running)."""
        self._result: tuple[_Snapshot, _Snapshot | None] | None = None
        """The state at the end of the last action's period, with the state its action was taken in (None: void)."""
        self._ended: tuple[_Snapshot, np.ndarray] | None = None
        """The agent's thread's own: the last step's result and the joint velocities it returned with."""
        self._missing: frozenset[str] = frozenset()
        self._loaded: _Snapshot | None = None
        """The state the agent's mirror loaded last (its thread's own): what its next action is computed from."""
        self._basis: _Snapshot | None = None
        """The state the pending action was computed from."""
        self._seq = 0
        self._fresh_from = 0
        """An action computed from a state served before this one (``_Snapshot.seq``) is void."""
        self._served = 0
        self._stopped: str | None = None
        self._done = False
        self._moving = np.array([self._mirror.view.pad_body, self._mirror.view.bin_body, self._mirror.view.goal_body])

    # --- the SkillWorld the agent's thread sees ---------------------------------------------------
    @property
    def view(self) -> SceneView:
        return self._mirror.view

    @property
    def control_dt(self) -> float:
        return self._control_dt

    @property
    def controller(self) -> _Controller:
        return self._controller

    @property
    def unwrapped(self) -> BridgeWorld:
        return self

    @property
    def missing_objects(self) -> frozenset[str]:
        """Cubes perception has lost (``BridgeCore.missing_objects``) as of the state loaded last: their pose in the
        view is a memory, and the agent leaves them out of its scene state (``policies.planner.agent``)."""
        return self._missing

    def wait_ready(self, timeout_s: float) -> None:
        """Block until the tick has served a first snapshot (the scene the plan is made over)."""
        with self._cond:
            if not self._cond.wait_for(lambda: self._snapshot is not None or self._stopped is not None, timeout_s):
                raise ExecutionStoppedError(f"no arm state from the bridge within {timeout_s:g} s")
            self._raise_if_stopped()
            snapshot = self._snapshot
        assert snapshot is not None
        self._load(snapshot)

    def step(self, action: np.ndarray) -> tuple[dict[str, Any], float, bool, bool, dict[str, Any]]:
        """Hand ``action`` to the next tick and return once its period has run, with the scene as measured at its
        end and the joints' velocities over it."""
        a = np.asarray(action, dtype=np.float64).reshape(ACTION_DIM).copy()
        with self._cond:
            self._raise_if_stopped()
            self._action, self._basis = a, self._loaded
            self._cond.notify_all()  # a tick may be waiting for it
            served = self._served
            if not self._cond.wait_for(lambda: self._served != served or self._stopped is not None,
                                       self._step_timeout_s):
                self._stopped = f"no control tick ran an action within {self._step_timeout_s:g} s"
            self._raise_if_stopped()
            result = self._result
        assert result is not None
        snapshot, taken = result
        # A void step's action never ran: the arm held, as an env's arm at rest.
        qvel = np.zeros(self._mirror.scene.robot.n_arm) if taken is None else self._velocity(taken, snapshot)
        self._ended = (snapshot, qvel)
        self._load(snapshot)
        self._mirror.data.qvel[self._mirror.view.arm_v] = qvel
        return {}, 0.0, False, False, {}

    def _velocity(self, taken: _Snapshot, result: _Snapshot) -> np.ndarray:
        """The joint velocities the env would observe after the period from ``taken`` to ``result`` (``EnvServo``).
        The result is served before the period is over (its last tick): the motion is carried on at the rate measured
        to the period's full length. The env starts a period moving as it ended the last one; so does this, unless
        the arm held for a period or more in between (a plan, a void step), where the env's arm would be at rest.

        The time between the two measurements is taken as at least half the period: the result is served at the
        period's last tick, never earlier than half its ticks after the take (``BridgeCore._run_agent``: one of two,
        four of five), so a shorter span means the driver's stamps bunched (a batch of samples stamped together),
        not a faster arm, and scaling by it would serve a velocity without bound. The extrapolation is thus at most
        twice the measured motion. A longer span (a stalled tick) is real time and scales the motion down."""
        v = self._mirror.view
        dt = self._control_dt
        elapsed = dt if result.at is None or taken.at is None else max(result.at - taken.at, MIN_ELAPSED_SHARE * dt)
        start = taken.qpos[v.arm_q]
        end = start + (result.qpos[v.arm_q] - start) * (dt / elapsed)
        before = np.zeros_like(start)
        if self._ended is not None:
            last, qvel = self._ended
            held = None if last.at is None or taken.at is None else taken.at - last.at
            if held is None or held < dt:
                before = qvel
        return self._servo.velocity(start, before, end, taken.qpos[v.grip_q])

    def finish(self) -> None:
        """The agent is done: ticks stop waiting for actions."""
        with self._cond:
            self._done = True
            self._cond.notify_all()

    def _raise_if_stopped(self) -> None:
        if self._stopped is not None:
            raise ExecutionStoppedError(self._stopped)

    def _load(self, snapshot: _Snapshot) -> None:
        m, d = self._mirror.model, self._mirror.data
        self._loaded = snapshot
        self._missing = snapshot.missing
        d.qpos[:] = snapshot.qpos
        for body, pos in zip(self._moving, snapshot.places, strict=True):
            if body >= 0:
                m.body_pos[body] = pos
        mujoco.mj_kinematics(m, d)
        mujoco.mj_comPos(m, d)
        mujoco.mj_collision(m, d)

    @property
    def actions_run(self) -> int:
        """How many of the agent's actions have run their period."""
        with self._cond:
            return self._served

    # --- the control tick's side ----------------------------------------------------------------------
    @property
    def active(self) -> bool:
        """Whether the agent may still send actions (not finished, not stopped)."""
        with self._cond:
            return not self._done and self._stopped is None

    def take(self, wait_s: float) -> np.ndarray | None:
        """The agent's pending action, waiting up to ``wait_s`` for one (None: it is planning or verifying, or its
        skill is still computing, or the action was void). Its period starts in the state ``serve``d last, which
        voids it when that state lacks a cube the one the action was computed from had (perception lost it
        meanwhile: the action's result, served a tick before, did not know), or when a ``void_pending`` came
        after the state it was computed from; its ``step`` then returns with the state served last."""
        with self._cond:
            if wait_s > 0:  # a zero wait never hands the lock (and the GIL) to the agent's thread
                self._cond.wait_for(lambda: self._action is not None or self._done or self._stopped is not None,
                                    wait_s)
            action, self._action = self._action, None
            if self._done or self._stopped is not None:
                return None  # an action left behind by a stopped or finished run is no command
            now = self._snapshot
            if action is not None and now is not None:
                basis = self._basis
                seq, missing = (0, frozenset[str]()) if basis is None else (basis.seq, basis.missing)
                if seq < self._fresh_from or now.missing - missing:
                    self._end_period(now)
                    return None
                self._taken = now
            return action

    def serve(self, mirror: ArmMirror, *, took: bool = False, missing: frozenset[str] = frozenset(),
              at: float | None = None) -> None:
        """Publish the tick's mirror state to the agent. ``took``: the action taken last has run its period, and
        this state, its result, is what the ``step`` waiting for it returns with (a tick that ends no period only
        refreshes the state). ``missing``: the cubes perception has lost, whose mirror poses are memories. ``at``:
        when the joints were measured (the period's motion is scaled to the policy period by the time between its
        two states; taken as one policy period when either time is not known)."""
        qpos, places = self._measured(mirror)
        with self._cond:
            snapshot = self._snapshot = self._next(qpos, places, missing, at)
            if took:
                taken = self._taken
                if taken is None:
                    raise RuntimeError("a period ended for an action that was never taken")
                self._result = (snapshot, taken)
                self._taken = None
                self._served += 1
            self._cond.notify_all()

    def void_pending(self, mirror: ArmMirror, *, missing: frozenset[str] = frozenset(),
                     at: float | None = None) -> None:
        """The arm's target restarts from the measured pose (a pause: DEGRADED, or the resume from it): serve this
        tick's state (as ``serve``), void every action computed from an earlier state, and end the step in flight
        now: an action waiting to be taken is dropped, one whose period the pause cut short ends here, and its
        ``step`` returns with this state and no joint velocity."""
        qpos, places = self._measured(mirror)
        with self._cond:
            snapshot = self._snapshot = self._next(qpos, places, missing, at)
            self._fresh_from = snapshot.seq
            if self._action is not None or self._taken is not None:
                self._action = None
                self._end_period(snapshot)
            self._cond.notify_all()

    @staticmethod
    def _measured(mirror: ArmMirror) -> tuple[np.ndarray, np.ndarray]:
        v = mirror.view
        places = np.array([mirror.model.body_pos[b] if b >= 0 else np.zeros(3)
                           for b in (v.pad_body, v.bin_body, v.goal_body)])
        return mirror.data.qpos.copy(), places

    def _next(self, qpos: np.ndarray, places: np.ndarray, missing: frozenset[str], at: float | None) -> _Snapshot:
        """The next snapshot in the order served (under the lock)."""
        self._seq += 1
        return _Snapshot(qpos, places, frozenset(missing), at, self._seq)

    def _end_period(self, snapshot: _Snapshot) -> None:
        """The step in flight returns with ``snapshot``, its action void (under the lock)."""
        self._result = (snapshot, None)
        self._taken = None
        self._served += 1
        self._cond.notify_all()

    def interrupt(self, reason: str) -> None:
        """Stop the run: a waiting or later ``step`` raises ``ExecutionStoppedError(reason)``."""
        with self._cond:
            if self._stopped is None and not self._done:
                self._stopped = reason
            self._cond.notify_all()
