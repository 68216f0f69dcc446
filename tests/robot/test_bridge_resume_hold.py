"""A resume whose policy reset fails holds at the newest trusted reading, not at the one its tick began with
(REV s18-R4), tick by tick: BridgeCore and the simulated arm on one clock (``Loop``).

A PolicyProcess whose child is busy answers a reset only at its deadline (``policy_deadline_s``, 200 ms in the DDS
rig) and raises: the tick that resumed waited that long inside ``policy.reset()``, and the node holds its lock
meanwhile, so the joint states that arrived during the wait reach the core only after the tick. Before the fix that
tick still sent the resume's hold at the position measured before the wait, 200 ms late: an arm re-armed while it
still settled after a stop was pulled back by what it moved meanwhile (0.016 rad in ROB's s18 run). Now the tick
sends nothing, and the resume's hold goes out from the first trusted reading received after the reset returned.
"""

from __future__ import annotations

import time
from typing import Any

import numpy as np
from test_bridge_core import SUB, Loop

from robot.policy_process import PolicyDeadlineError
from robot.safety import Mode

BLOCK_S = 0.2
"""How long the failing reset waits (the rig's policy_deadline_s), in wall time and on the loop's clock alike."""


class BusyPolicy:
    """Acts (a steady move: the arm is in motion when stopped); once ``busy`` is set, its reset waits ``BLOCK_S``
    while the world goes on (``during_reset``: the loop's arm moves and publishes), then raises as a PolicyProcess
    past its deadline does; the next reset succeeds."""

    def __init__(self) -> None:
        self.busy = False
        self.during_reset: Any = None

    def act(self, obs: dict) -> np.ndarray:
        return np.array([1.0, 0.0, 0.0, 0.0, 0.0])

    def reset(self) -> None:
        if not self.busy:
            return
        self.busy = False
        time.sleep(BLOCK_S)
        self.during_reset()
        raise PolicyDeadlineError(f"the policy process did not answer within {BLOCK_S * 1e3:.0f} ms")


def test_a_resume_whose_reset_fails_holds_at_a_reading_received_after_the_reset() -> None:
    loop = Loop(policy_deadline_s=1.0)
    core = loop.core
    policy = BusyPolicy()
    core.policy = policy
    loop.run(0.8)
    assert core.on_instruction("put the red cube in the bin", loop.t) is not None
    loop.run(0.3)  # the policy moves the arm
    assert core.supervisor.mode == Mode.NOMINAL and loop.results[-1].command.source == "policy"
    core.stop(loop.t)
    loop.react(loop.t)
    loop.run(0.03)  # re-armed 30 ms after the stop: the arm still moving toward the stop's hold
    ok, why = core.rearm(loop.t)
    assert ok, why
    late: list[Any] = []

    def world_during_reset() -> None:
        """The arm moves on and publishes while the tick waits; the node's lock holds those readings back."""
        t0 = loop.t
        for i in range(1, round(BLOCK_S / SUB) + 1):
            at = round(t0 + i * SUB, 9)
            loop.arm.advance(at)
            late.extend((s, at) for s in loop.arm.faults.filter(loop.arm.sample(int(at * 1e9)), at))

    policy.busy, policy.during_reset = True, world_during_reset
    before = core.monitor.trusted
    assert before is not None
    failed = loop.step()  # the resume: its reset waits BLOCK_S and fails
    t0 = loop.t
    assert any(f.detail.startswith("policy reset: ") and f.kind.id == "policy_deadline" for f in failed.faults)
    assert failed.mode == Mode.DEGRADED, failed.mode
    assert failed.command is None, (failed.command, "the resume's hold from the reading taken before the reset")
    # After the tick: the readings that waited for the lock, then the loop's clock goes on from the reset's end.
    for s, at in late:
        core.on_joint_state(s.names, s.position, s.velocity, s.effort, s.stamp_ns * 1e-9, at)
        assert loop.react(at) is None  # no fallback: nothing to send between ticks
    # The control thread, late, may take the lock again before any later reading is delivered: its tick has only
    # the readings from during the reset, as old as its wait, and sends nothing either.
    seen = len(loop.results)
    loop._send(core.tick(round(t0 + BLOCK_S, 9)))
    assert loop.results[-1].command is None, loop.results[-1].record
    loop.k += round(BLOCK_S / 0.01)
    loop.sub_t = round(t0 + BLOCK_S, 9)
    res = loop.until(lambda r: r.command is not None, 0.5)
    assert res is not None, [r.record for r in loop.results[seen:]]
    trusted = core.monitor.trusted
    assert trusted is not None and trusted.received > t0 + BLOCK_S - 1e-9, (trusted.received, t0)
    assert res.command.source == "resume" and res.mode == Mode.DEGRADED, res.record
    assert np.array_equal(res.command.arm, trusted.position), (res.command.arm, trusted.position)
    moved = float(np.abs(trusted.position - before.position).max())
    assert moved > 1e-4, moved  # the arm moved during the reset: the old hold would have pulled it back so far
    # Every tick between the failed reset and that hold sent nothing; no policy command until a reset succeeded.
    assert all(r.command is None for r in loop.results[seen:-1]), [r.record for r in loop.results[seen:]]
    assert loop.until(lambda r: r.command is not None and r.command.source == "policy", 3.0) is not None
    print(f"the arm moved {moved:.4f} rad during the {BLOCK_S:.1f} s reset; held at the reading received "
          f"{trusted.received - t0:.3f} s after the resume's tick")
    core.close()
