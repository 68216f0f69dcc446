"""The joint velocities a skill's ``step`` returns, from the measurement stamps the bridge serves, tick by tick.

``BridgeWorld`` driven exactly as ``BridgeCore._run_agent`` drives it (serve, take, serve the result), with chosen
stamps and measured joints, against ``EnvServo`` run on the same motion by hand:

* the motion is scaled from the measured span to the policy period, but a span under half the period is read as
  half (the result is served at the period's last tick, never sooner than half its ticks after the take: a shorter
  span is the driver's stamps bunched, and dividing by it served an unbounded velocity);
* a step starts the servo at the velocity the last one returned when the next action was taken within a period of
  that result, and from rest after a longer hold (a plan, a late action), as the env's arm would be.
"""

from __future__ import annotations

import threading

import numpy as np
import pytest

from robot.agent_world import BridgeWorld
from robot.env_servo import EnvServo
from robot.params import BridgeParams
from robot.safety.arm_mirror import ArmMirror
from sim.control import ControllerConfig

DT = 0.05  # the policy period (20 Hz)
MOVE = np.array([0.0, 0.03, 0.0, -0.04, 0.0, 0.02, 0.0])
"""One period's measured motion (rad): about the default speed fraction's steady move on the Panda."""


class Driven:
    """A ``BridgeWorld`` with an agent thread sending ``steps`` zero actions, and the velocities each returned."""

    def __init__(self, steps: int) -> None:
        params = BridgeParams(robot="panda")
        self.world = BridgeWorld(params.sim_model, cubes=params.cubes, controller=ControllerConfig(), control_dt=DT)
        self.mirror = ArmMirror(params.sim_model, cubes=params.cubes)
        self.servo = EnvServo(self.mirror.view, control_dt=DT)
        v = self.mirror.view
        self.q = v.data.qpos[v.arm_q].copy()
        self.fingers = v.data.qpos[v.grip_q].copy()
        self.returned: list[np.ndarray] = []
        self._done = threading.Condition()
        self.thread = threading.Thread(target=self._agent, args=(steps,), daemon=True)
        self.thread.start()

    def _agent(self, steps: int) -> None:
        world = self.world
        world.wait_ready(10.0)
        for _ in range(steps):
            world.step(np.zeros(5))
            with self._done:
                self.returned.append(world.view.data.qvel[world.view.arm_v].copy())
                self._done.notify_all()
        world.finish()

    def period(self, take_at: float | None, result_at: float | None, moved: np.ndarray) -> np.ndarray:
        """One action's period as the core runs it: the take tick's state, the action taken, the arm moved by
        ``moved``, the result served; returns the velocities the agent's step came back with."""
        world, mirror = self.world, self.mirror
        n = len(self.returned)
        mirror.set_arm(self.q, self.fingers)
        world.serve(mirror, at=take_at)
        assert world.take(10.0) is not None
        self.q = self.q + moved
        mirror.set_arm(self.q, self.fingers)
        world.serve(mirror, took=True, at=result_at)
        with self._done:
            assert self._done.wait_for(lambda: len(self.returned) > n, 10.0)
        return self.returned[-1]


@pytest.mark.parametrize("span", [0.04, 0.025, 0.004, 1e-6, 0.0, None])
def test_the_period_motion_is_scaled_by_a_span_of_at_least_half_the_period(span: float | None) -> None:
    driven = Driven(1)
    start = driven.q.copy()
    served = driven.period(10.0, None if span is None else 10.0 + span, MOVE)
    # None: no stamps, the motion is the period's; otherwise scaled to the period, never by more than 1 / 0.5.
    scale = 1.0 if span is None else DT / max(span, 0.5 * DT)
    want = driven.servo.velocity(start, np.zeros(7), start + MOVE * scale, driven.fingers)
    np.testing.assert_allclose(served, want, rtol=1e-9, atol=1e-12)
    bound = driven.servo.velocity(start, np.zeros(7), start + MOVE * 2.0, driven.fingers)
    assert np.linalg.norm(served) <= np.linalg.norm(bound) + 1e-9, (span, served)
    driven.thread.join(10.0)


@pytest.mark.parametrize(("held", "carried"), [(0.01, True), (0.04, True), (0.05, False), (0.3, False)])
def test_the_next_period_starts_moving_unless_the_arm_held_a_period(held: float, carried: bool) -> None:
    driven = Driven(2)
    first_start = driven.q.copy()
    first = driven.period(10.0, 10.04, MOVE)
    np.testing.assert_allclose(
        first, driven.servo.velocity(first_start, np.zeros(7), first_start + MOVE * DT / 0.04, driven.fingers),
        rtol=1e-9, atol=1e-12)
    start = driven.q.copy()
    second = driven.period(10.04 + held, 10.08 + held, MOVE)
    want = driven.servo.velocity(start, first if carried else np.zeros(7), start + MOVE * DT / 0.04, driven.fingers)
    other = driven.servo.velocity(start, np.zeros(7) if carried else first, start + MOVE * DT / 0.04, driven.fingers)
    np.testing.assert_allclose(second, want, rtol=1e-9, atol=1e-12)
    assert float(np.abs(want - other).max()) > 0.05  # the start velocity matters here: the check can fail
    driven.thread.join(10.0)
