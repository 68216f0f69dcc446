"""A resume restarts the task policy with the IK (REV S1): an action chunk, or an ensemble's history, predicted
before a stop or pause is never served after it. The bridge and the simulated arm on one clock (``Loop``)."""

from __future__ import annotations

import numpy as np
import pytest
from test_bridge_core import Loop

from robot.child_process import ChildCrashedError
from robot.policy_process import PolicyDeadlineError, PolicyUnavailableError
from robot.safety import Mode


class ChunkedPolicy:
    """Raises on its first call (a camera gap, a crash: the bridge goes DEGRADED and resumes by itself), then acts;
    logs its calls and resets in order."""

    def __init__(self) -> None:
        self.log: list[str] = []

    def act(self, obs: dict) -> np.ndarray:
        self.log.append("act")
        if self.log.count("act") == 1:
            raise RuntimeError("no fresh frame")
        return np.zeros(5)

    def reset(self) -> None:
        self.log.append("reset")


def test_a_resume_resets_the_policy_before_its_next_action() -> None:
    loop = Loop()
    policy = ChunkedPolicy()
    loop.core.policy = policy
    loop.run(0.8)
    loop.core.on_instruction("put the red cube in the bin", loop.t)
    assert loop.until(lambda r: r.mode == Mode.DEGRADED, 0.2)
    failed_at = len(policy.log)
    assert loop.until(lambda r: r.mode == Mode.NOMINAL and policy.log.count("act") >= 2, 3.0)
    after = policy.log[failed_at:]
    assert "reset" in after and after.index("reset") < after.index("act"), policy.log
    loop.core.close()


class FailingReset:
    """With ``raise_first``, raises on its first action (the bridge goes DEGRADED and resumes by itself); once
    ``fails`` is set (after the first action, or by the test) its reset raises ``error`` that many times before one
    succeeds: a PolicyProcess whose child is busy on a late answer, or restarting after a crash. Logs "act", "reset"
    and "reset failed" in order."""

    def __init__(self, error: Exception, *, fails_after_act: int = 0, raise_first: bool = True) -> None:
        self.error, self.fails_after_act, self.raise_first = error, fails_after_act, raise_first
        self.fails = 0
        self.log: list[str] = []

    def act(self, obs: dict) -> np.ndarray:
        self.log.append("act")
        if self.log.count("act") == 1:
            self.fails, self.fails_after_act = self.fails_after_act, 0
            if self.raise_first:
                raise RuntimeError("no fresh frame")
        return np.zeros(5)

    def reset(self) -> None:
        if self.fails > 0:
            self.fails -= 1
            self.log.append("reset failed")
            raise self.error
        self.log.append("reset")


def _acts_only_after_a_reset(log: list[str]) -> bool:
    """After each failed reset, the next action comes only after a reset that succeeded."""
    pending = False
    for entry in log:
        if entry == "reset failed":
            pending = True
        elif entry == "reset":
            pending = False
        elif pending:
            return False
    return True


RESET_ERRORS = [
    (PolicyDeadlineError("the policy process is still computing a late answer"), "policy_deadline"),
    (PolicyUnavailableError("the policy process is restarting"), "policy_crash"),
    (ChildCrashedError("the policy process died"), "policy_crash"),
    (RuntimeError("reset raised"), "policy_crash"),
]


@pytest.mark.parametrize(("error", "kind"), RESET_ERRORS, ids=["deadline", "unavailable", "crashed", "raising"])
def test_a_reset_that_fails_on_resume_is_a_policy_fault_and_the_policy_acts_only_after_a_reset(
        error: Exception, kind: str) -> None:
    # FLK s15: BridgeCore.tick called policy.reset() on a resume without a try; a PolicyProcess busy or restarting
    # raised out of the tick, which dropped its command and events ("bridge tick failed") and lost the resume.
    loop = Loop()
    policy = FailingReset(error, fails_after_act=2)
    loop.core.policy = policy
    loop.run(0.8)
    loop.core.on_instruction("put the red cube in the bin", loop.t)
    assert loop.until(lambda r: r.mode == Mode.DEGRADED, 0.2)
    seen = len(loop.results)
    # Each resume's reset fails (twice): every such tick returns, with the fault, DEGRADED, and no command: the
    # resume's hold waits for a reading received after the reset (test_bridge_resume_hold.py), then goes out.
    failed = [loop.until(lambda r: any(f.detail.startswith("policy reset: ") for f in r.faults), 3.0)
              for _ in range(2)]
    loop.run(0.05)  # the last one's hold too
    for res in failed:
        assert res is not None, policy.log
        fault = next(f for f in res.faults if f.detail.startswith("policy reset: "))
        assert fault.kind.id == kind and str(error) in fault.detail, fault
        assert res.mode == Mode.DEGRADED and res.command is None, res
        at = next(i for i, r in enumerate(loop.results) if r is res)
        after = next(r for r in loop.results[at:] if r.command is not None)
        assert after.command.source == "resume", after
        assert any(e.get("event") == "transition" and e["to"] == "DEGRADED" for e in res.events), res.events
    assert loop.until(lambda r: r.mode == Mode.NOMINAL and policy.log.count("act") >= 3, 3.0), policy.log
    assert policy.log.count("reset failed") == 2 and _acts_only_after_a_reset(policy.log), policy.log
    # No policy command went out between the first failed reset and the reset that succeeded.
    ok_at = policy.log.index("reset", policy.log.index("reset failed"))
    assert "act" not in policy.log[policy.log.index("reset failed"):ok_at], policy.log
    sources = [r.command.source for r in loop.results[seen:] if r.command is not None]
    assert "policy" in sources, sources
    loop.core.close()


def test_a_reset_that_fails_on_a_new_goal_is_retried_before_the_first_action() -> None:
    loop = Loop()
    policy = FailingReset(PolicyDeadlineError("the policy process is still computing a late answer"),
                          raise_first=False)
    loop.core.policy = policy
    loop.run(0.8)
    policy.log, policy.fails = [], 2
    loop.core.on_instruction("put the red cube in the bin", loop.t)  # the first failure: the goal is taken
    assert loop.core.goal is not None and policy.log == ["reset failed"]
    # The first policy tick retries it before acting (the second failure: a policy fault, DEGRADED); after the
    # resume one succeeds, and only then does the policy act.
    seen = len(loop.results)
    res = loop.until(lambda r: any(f.detail.startswith("policy reset: ") for f in r.faults), 0.2)
    assert res is not None and res.mode == Mode.DEGRADED and policy.log == ["reset failed"] * 2, policy.log
    assert any(e.get("event") == "policy_reset_failed" for r in loop.results[seen:] for e in r.events)
    assert loop.until(lambda r: policy.log.count("act") >= 2, 3.0), policy.log
    assert policy.log[:3] == ["reset failed", "reset failed", "reset"] and _acts_only_after_a_reset(policy.log)
    loop.core.close()
