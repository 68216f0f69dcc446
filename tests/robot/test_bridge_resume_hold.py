"""A tick that waited on the policy commands from a reading received after the wait, not from the one it began with
(REV s18-R4 and its class, ROB s19 open 1), tick by tick: BridgeCore and the simulated arm on one clock (``Loop``).

A PolicyProcess whose child is busy answers only at its deadline (``policy_deadline_s``, 200 ms in the DDS rig): the
tick waits that long inside ``policy.reset()`` or ``policy.act()``, and the node holds its lock meanwhile, so the
joint states that arrived during the wait reach the core only after the tick. A hold taken from the tick's reading
then pulls an arm that moved meanwhile back by what it moved (0.016 rad in ROB's s18 run). Each tick below waits
``BLOCK_S`` while the loop's arm moves and publishes, those readings are delivered after the tick, and an overdue tick
has only them: both send nothing, and the command goes out from the first trusted reading received after the wait:

- a resume whose reset fails (b4ba1ac): the resume's hold, DEGRADED;
- a resume whose reset succeeds slowly: the resume's hold, NOMINAL, then the policy acts;
- an act past its deadline (``policy_deadline``, DEGRADED): DEGRADED's hold; until then the arm goes on toward the
  policy's last command (no command replaces it: where the arm was heading);
- a new goal's pending reset retried by its first policy tick that fails after its wait: DEGRADED's hold.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from test_bridge_core import SUB, Loop

from robot.bridge_core import TickResult
from robot.policy_process import PolicyDeadlineError
from robot.safety import Mode
from robot.safety.joint_state import JointState

BLOCK_S = 0.2
"""How long a blocked call waits (the rig's policy_deadline_s), in wall time and on the loop's clock alike."""
LATE = PolicyDeadlineError(f"the policy process did not answer within {BLOCK_S * 1e3:.0f} ms")


class WorldPolicy:
    """Acts a steady move (the arm is in motion); ``on_reset`` / ``on_act``, when set, run once inside the next call
    (``blocking``: wait while the world goes on, then raise or return). Logs "act" and "reset" for calls that
    returned."""

    def __init__(self) -> None:
        self.on_reset: Callable[[], None] | None = None
        self.on_act: Callable[[], None] | None = None
        self.log: list[str] = []

    def act(self, obs: dict) -> np.ndarray:
        hook, self.on_act = self.on_act, None
        if hook is not None:
            hook()
        self.log.append("act")
        return np.array([1.0, 0.0, 0.0, 0.0, 0.0])

    def reset(self) -> None:
        hook, self.on_reset = self.on_reset, None
        if hook is not None:
            hook()
        self.log.append("reset")


def _raise(error: Exception) -> Callable[[], None]:
    def hook() -> None:
        raise error
    return hook


class Blocked:
    """A call that waits ``BLOCK_S`` while the loop's arm moves and publishes (the node's lock holds those readings
    back: ``late``), then raises ``error`` (None: returns)."""

    def __init__(self, loop: Loop, error: Exception | None) -> None:
        self.loop, self.error = loop, error
        self.late: list[tuple[Any, float]] = []
        self.t0: float | None = None

    def __call__(self) -> None:
        loop = self.loop
        time.sleep(BLOCK_S)
        self.t0 = t0 = loop.t
        for i in range(1, round(BLOCK_S / SUB) + 1):
            at = round(t0 + i * SUB, 9)
            loop.arm.advance(at)
            self.late.extend((s, at) for s in loop.arm.faults.filter(loop.arm.sample(int(at * 1e9)), at))
        if self.error is not None:
            raise self.error

    def after(self, last_sent: np.ndarray) -> tuple[TickResult, JointState]:
        """After the blocked tick: the readings that waited for the lock, then an overdue tick with only them (the
        control thread, late, may take the lock before any later reading is delivered), then the loop goes on from
        the wait's end. Both send nothing, and the arm's controller keeps ``last_sent``; returns the first command
        and the reading it was taken at."""
        loop, core, t0 = self.loop, self.loop.core, self.t0
        assert t0 is not None, "the blocked call never ran"
        for s, at in self.late:
            core.on_joint_state(s.names, s.position, s.velocity, s.effort, s.stamp_ns * 1e-9, at)
            assert loop.react(at) is None  # no fallback: nothing to send between ticks
        seen = len(loop.results)
        loop._send(core.tick(round(t0 + BLOCK_S, 9)))
        assert loop.results[-1].command is None, loop.results[-1].record
        assert np.array_equal(loop.arm.arm_target, last_sent)
        loop.k += round(BLOCK_S / 0.01)
        loop.sub_t = round(t0 + BLOCK_S, 9)
        res = loop.until(lambda r: r.command is not None, 0.5)
        assert res is not None, [r.record for r in loop.results[seen:]]
        assert all(r.command is None for r in loop.results[seen:-1]), [r.record for r in loop.results[seen:]]
        trusted = core.monitor.trusted
        assert trusted is not None and trusted.received > t0 + BLOCK_S - 1e-9, (trusted.received, t0)
        assert res.record["received"] == trusted.received
        return res, trusted


def _moving(loop: Loop | None = None) -> tuple[Loop, WorldPolicy]:
    """The bridge (``loop``, else the panda loop) with ``WorldPolicy`` moving the arm under a goal."""
    loop = Loop(policy_deadline_s=1.0) if loop is None else loop
    policy = WorldPolicy()
    loop.core.policy = policy
    loop.run(0.8)
    assert loop.core.on_instruction("put the red cube in the bin", loop.t) is not None
    loop.run(0.3)
    assert loop.core.supervisor.mode == Mode.NOMINAL and loop.results[-1].command.source == "policy"
    return loop, policy


def _degraded_hold(loop: Loop, res: TickResult, blocked: Blocked) -> tuple[float, JointState]:
    """The tick ``res`` whose policy call failed after ``blocked``'s wait, and what follows: that tick sends nothing,
    and in it (and the overdue tick) the arm's controller keeps the policy's last command, where the arm was heading
    (it went on toward it during the call too, as it does until the hold replaces it); then DEGRADED's hold at the
    first reading received after the call. How far the arm moved from the tick's reading to it, and that reading."""
    last = loop.prev_cmd
    assert res.command is None, (res.command, "DEGRADED's hold from the reading taken before the call")
    assert last is not None and np.array_equal(loop.arm.arm_target, last)
    hold, trusted = blocked.after(last)
    assert hold.command.source == "hold" and hold.mode == Mode.DEGRADED, hold.record
    assert not hold.command.changed and np.array_equal(hold.command.arm, trusted.position), hold.record
    moved = float(np.abs(trusted.position - np.array(res.record["measured"])).max())
    assert moved > 1e-4, moved  # the old hold would have pulled the arm back so far
    return moved, trusted


def _acts_again(loop: Loop, policy: WorldPolicy, *, reset_first: bool) -> None:
    """The policy commands again; with ``reset_first``, only after a reset that succeeded (one failed before)."""
    n = len(policy.log)
    assert loop.until(lambda r: r.command is not None and r.command.source == "policy", 3.0) is not None
    if reset_first:
        after = policy.log[n:]
        assert "reset" in after and after.index("reset") < after.index("act"), policy.log


@pytest.mark.parametrize("fails", [True, False], ids=["reset_fails", "reset_slow"])
def test_a_resume_whose_reset_waits_holds_at_a_reading_received_after_the_reset(fails: bool) -> None:
    loop, policy = _moving()
    core = loop.core
    core.stop(loop.t)
    loop.react(loop.t)
    loop.run(0.03)  # re-armed 30 ms after the stop: the arm still moving toward the stop's hold
    ok, why = core.rearm(loop.t)
    assert ok, why
    blocked = policy.on_reset = Blocked(loop, LATE if fails else None)
    assert loop.prev_cmd is not None
    res = loop.step()  # the resume: its reset waits BLOCK_S, then fails or succeeds
    resets = [f for f in res.faults if f.detail.startswith("policy reset: ")]
    assert [f.kind.id for f in resets] == (["policy_deadline"] if fails else []), res.faults
    assert res.mode == (Mode.DEGRADED if fails else Mode.NOMINAL), res.mode
    assert res.command is None, (res.command, "the resume's hold from the reading taken before the reset")
    hold, trusted = blocked.after(loop.prev_cmd)
    assert hold.command.source == "resume" and hold.mode == res.mode, hold.record
    assert np.array_equal(hold.command.arm, trusted.position), (hold.command.arm, trusted.position)
    moved = float(np.abs(trusted.position - np.array(res.record["measured"])).max())
    assert moved > 1e-4, moved  # the arm moved during the reset: the old hold would have pulled it back so far
    _acts_again(loop, policy, reset_first=fails)
    print(f"the arm moved {moved:.4f} rad during the {BLOCK_S:.1f} s reset; held at the reading received "
          f"{trusted.received - (blocked.t0 or 0.0):.3f} s after the resume's tick")
    core.close()


def test_an_act_past_its_deadline_holds_at_a_reading_received_after_the_act() -> None:
    loop, policy = _moving()
    core = loop.core
    blocked = policy.on_act = Blocked(loop, LATE)
    res = loop.until(lambda r: r.faults != [], 0.1)  # the next policy tick: its act waits BLOCK_S, then fails
    assert res is not None and blocked.t0 is not None
    assert [f.kind.id for f in res.faults] == ["policy_deadline"] and res.mode == Mode.DEGRADED, res.faults
    assert loop.results[-2].command.source == "policy", loop.results[-2].record
    moved, trusted = _degraded_hold(loop, res, blocked)
    _acts_again(loop, policy, reset_first=True)  # DEGRADED resumes by itself once the fault cleared
    print(f"the arm moved {moved:.4f} rad during the {BLOCK_S:.1f} s act; DEGRADED held at the reading received "
          f"{trusted.received - blocked.t0:.3f} s after the act's tick")
    core.close()


def test_a_new_goals_reset_retried_and_failing_after_its_wait_holds_at_a_reading_received_after_it() -> None:
    loop, policy = _moving()
    core = loop.core
    policy.on_reset = _raise(LATE)  # the new goal's reset fails at once: pending, retried by its first policy tick
    assert core.on_instruction("put the blue cube in the bin", loop.t) is not None
    assert core.goal is not None and core.goal.object == "blue_cube" and policy.on_reset is None
    blocked = policy.on_reset = Blocked(loop, LATE)
    res = loop.until(lambda r: r.faults != [], 0.1)  # that retry waits BLOCK_S, then fails
    assert res is not None and blocked.t0 is not None
    assert [f.detail.startswith("policy reset: ") for f in res.faults] == [True], res.faults
    assert res.mode == Mode.DEGRADED, res.record
    _degraded_hold(loop, res, blocked)
    _acts_again(loop, policy, reset_first=True)
    core.close()


def test_a_degraded_that_brakes_does_not_wait_after_a_late_act() -> None:
    # A jerk-limited gate (franka's limits): DEGRADED brakes from the commands sent before, reading no measurement, so
    # the late act's own tick sends the brake at once; waiting would only leave the arm without it for longer.
    from test_jerk_filter_bridge import franka_loop

    loop, policy = _moving(franka_loop(1))
    core = loop.core
    blocked = policy.on_act = Blocked(loop, LATE)
    res = loop.until(lambda r: r.faults != [], 0.1)
    assert res is not None and blocked.t0 is not None and res.mode == Mode.DEGRADED, res
    assert res.command is not None and res.command.source == "hold", res.record
    assert core.gate.filter is not None and not core.gate.filter.at_rest  # braking from the policy's motion
    core.close()


def test_a_resume_whose_first_act_fails_still_sends_the_resume_from_a_reading_after_it() -> None:
    # The tick that ends a resume's wait and acts at once (every tick a policy tick here): its act fails. The command
    # that waits is still the resume's (the gate reset at the measured position), not DEGRADED's hold from the gate's
    # last command before the stop.
    loop, policy = _moving(Loop(policy_deadline_s=1.0, policy_rate_hz=100.0))
    core = loop.core
    core.stop(loop.t)
    loop.react(loop.t)
    loop.run(0.5)
    ok, why = core.rearm(loop.t)
    assert ok, why
    policy.on_act = _raise(LATE)
    # The resume's reset asked the policy: its command waits for a newer reading; the tick that has one acts at once.
    res = loop.until(lambda r: r.faults != [] or r.command is not None, 0.1)
    assert res is not None and loop.results[-2].command is None, loop.results[-2].record
    assert [f.kind.id for f in res.faults] == ["policy_deadline"] and res.command is None, res.record
    hold = loop.until(lambda r: r.command is not None, 0.1)
    assert hold is not None and hold.command.source == "resume" and hold.mode == Mode.DEGRADED, hold.record
    assert hold.record["received"] > res.record["t"], (hold.record, res.record)
    assert np.array_equal(hold.command.arm, np.array(hold.record["measured"])), hold.record
    core.close()
