"""A driver restarted (or an arm replaced) under a running bridge, tick by tick: BridgeCore and the simulated arm on
one clock (``Loop``), the old arm's joint states gone silent past the stale bound, then a new arm at its own start
pose publishing, while the e-stop heartbeat goes on (an e-stop device of its own).

ROB s21 (notes21/ROB.md, bench/visuomotor_ros.py, which replaces the sim arm under a live bridge per scene): the stop
froze its command at the old arm's hold and streamed it to the new arm, which was pulled 1.16 rad toward the old
arm's pose (velocity_limit at 4.3 rad/s), and the re-arm, which waits for readings that agree with the frozen
command, came only once the new arm had been pulled onto it. Now a lost stream's stop sends its frozen command once,
then nothing until a re-arm; the new arm stays at its start pose and the re-arm resumes at ITS measured position.
"""

from __future__ import annotations

import numpy as np
from test_bridge_core import Loop

from robot.bridge_core import TickResult
from robot.safety import FaultKind, Mode
from robot.sim_arm import SimArm, SimArmConfig

GAP_S = 1.0
"""Between the old stream's last reading and the new arm's first (a restart; the bench's took 1.0-1.4 s)."""


def _arm_q(arm: SimArm) -> np.ndarray:
    return np.array(arm.data.qpos[arm.view.arm_q])


def _moved_away(loop: Loop) -> None:
    """The old arm works on a pick-and-place (its expert) until it is well away from the home pose."""
    loop.run(0.6)
    assert loop.core.on_instruction(loop.arm.goal["instruction"], loop.t) is not None
    home = np.array(loop.arm.spec.home)
    assert loop.until(lambda r: bool(np.abs(_arm_q(loop.arm) - home).max() > 0.3), 20.0) is not None
    assert loop.core.supervisor.mode == Mode.NOMINAL


def _restart(loop: Loop, seed: int) -> SimArm:
    """The old arm's stream stops for good; ``GAP_S`` later a new arm (at home, scene ``seed``) publishes."""
    loop.inject({"fault": "stale"})
    loop.run(GAP_S)
    assert FaultKind.STALE_STATE in {f.kind for r in loop.results[-100:] for f in r.faults}
    loop.arm = SimArm(SimArmConfig(robot="panda", seed=seed))
    return loop.arm


def _commands(results: list[TickResult]) -> list[TickResult]:
    return [r for r in results if r.command is not None]


def _from_the_loss(loop: Loop, since: int) -> list[TickResult]:
    """The results from the first that found the stream stale on."""
    k = next(i for i in range(since, len(loop.results))
             if FaultKind.STALE_STATE in {f.kind for f in loop.results[i].faults})
    return loop.results[k:]


def _rearm_at_the_new_arms_pose(loop: Loop, new: SimArm, start: np.ndarray) -> None:
    """Ready to re-arm on the new arm's own readings (none has to agree with an old command); the resume commands
    exactly its measured position, and the task goes on from there with no fault (the bench's new arm had
    tracking_error and velocity_limit)."""
    assert loop.until(lambda r: loop.core.rearm_blocker(loop.t) is None, 2.0) is not None, loop.core.rearm_blocker(
        loop.t)
    ok, why = loop.core.rearm(loop.t)
    assert ok, why
    res = loop.step()
    assert res.command is not None and res.command.source == "resume", res.record
    measured = loop.core.monitor.trusted
    assert measured is not None and measured.received > 0
    np.testing.assert_allclose(res.command.arm, measured.position, atol=0)
    assert np.abs(res.command.arm - start).max() < 1e-3, res.command.arm - start
    seen = len(loop.results)
    loop.run(0.5)
    assert loop.core.supervisor.mode == Mode.NOMINAL
    assert not [f.kind for r in loop.results[seen:] for f in r.faults]


def test_a_stop_streams_no_hold_from_the_old_arm_to_a_restarted_driver() -> None:
    """The bench's sequence: an operator stop (SAFE_STOP holds the old arm's pose), then the arm is replaced."""
    loop = Loop(seed=3)
    _moved_away(loop)
    old_pose = _arm_q(loop.arm)
    loop.core.stop(loop.t)
    loop.run(0.2)
    before_loss = len(loop.results)
    new = _restart(loop, seed=4)
    start = _arm_q(new)
    assert np.abs(start - old_pose).max() > 0.3  # the hold the stop took is far from the new arm
    first_new = len(loop.results)
    loop.run(1.0)
    # From the loss on: the freeze's one command (the last one again, the old driver keeps it anyway), then nothing,
    # before and after the new stream's first readings.
    lost = _commands(_from_the_loss(loop, before_loss))
    assert len(lost) == 1 and lost[0].command is not None and lost[0].command.source == "hold", [
        (r.record["t"], r.command.source if r.command else None) for r in lost]
    assert not _commands(loop.results[first_new:])
    assert not loop.core.commander.commanding
    trusted = loop.core.monitor.trusted
    assert trusted is not None and trusted.received >= loop.results[first_new].record["t"] - 0.01  # the new arm's
    np.testing.assert_allclose(_arm_q(new), start, atol=1e-6)  # nothing pulled it
    assert loop.core.supervisor.mode == Mode.SAFE_STOP  # latched until re-armed
    _rearm_at_the_new_arms_pose(loop, new, start)


def test_a_stream_lost_while_the_policy_moves_sends_one_frozen_hold_then_nothing_to_the_new_arm() -> None:
    """No stop before the loss: the stale reaction freezes the command once (category 1), and nothing follows."""
    loop = Loop(seed=3)
    _moved_away(loop)
    before_loss = len(loop.results)
    new = _restart(loop, seed=5)
    start = _arm_q(new)
    first_new = len(loop.results)
    loop.run(1.0)
    lost = _commands(_from_the_loss(loop, before_loss))
    assert len(lost) == 1 and lost[0].record["kind"] == "reaction", [r.record for r in lost]
    assert lost[0].command is not None and lost[0].command.source == "hold"
    assert not _commands(loop.results[first_new:])
    np.testing.assert_allclose(_arm_q(new), start, atol=1e-6)
    _rearm_at_the_new_arms_pose(loop, new, start)


def test_an_estop_before_the_loss_sends_nothing_more_when_the_stream_comes_back() -> None:
    """The heartbeat lost first (ESTOP: one hold, then nothing), then the stream: the loss adds no command, and no
    later mode change sends the frozen one again."""
    loop = Loop(seed=3)
    _moved_away(loop)
    loop.inject({"fault": "estop_heartbeat"})
    assert loop.until(lambda r: r.mode == Mode.ESTOP, 1.0) is not None
    loop.run(0.2)
    before_loss = len(loop.results)
    loop.inject({"fault": "stale"})
    loop.run(GAP_S)
    new = SimArm(SimArmConfig(robot="panda", seed=6))
    loop.arm = new  # its heartbeat is back with it
    start = _arm_q(new)
    loop.run(1.0)
    assert not _commands(loop.results[before_loss:])
    np.testing.assert_allclose(_arm_q(new), start, atol=1e-6)
    _rearm_at_the_new_arms_pose(loop, new, start)


def test_a_silence_after_an_encoder_offset_never_lets_the_offset_readings_be_trusted() -> None:
    """REV s21 R4 on 9023326: a lasting 0.3 rad offset of joint 0 (STATE_JUMP) freezes the command; a 0.2 s silence of
    the same stream after it latched the lost stream's stop, and with nothing commanded the offset readings became
    consistent on their own: the re-arm was accepted and its resume sat 0.3 rad from the true joint. A stream lost
    after an earlier sensor fault keeps the frozen command as the readings' reference: the re-arm stays refused."""
    loop = Loop(seed=3)
    _moved_away(loop)
    loop.inject({"fault": "jump", "joint": 0, "magnitude": 0.3})  # lasting: the encoder now reads 0.3 rad off
    assert loop.until(lambda r: not loop.core.supervisor.measurements_trusted, 1.0) is not None
    loop.run(0.3)
    seen = len(loop.results)
    loop.inject({"fault": "stale", "duration": 0.2})  # a short silence of the same (offset) stream
    loop.run(2.4)  # far longer than clear_hold
    assert FaultKind.STALE_STATE in {f.kind for r in loop.results[seen:] for f in r.faults}
    assert not _commands(_from_the_loss(loop, seen))[1:]  # the lost stream's stop: nothing after its one command
    why = loop.core.rearm_blocker(loop.t)
    assert why is not None, "re-arm ready on offset readings"
    ok, why = loop.core.rearm(loop.t)
    assert not ok, why
