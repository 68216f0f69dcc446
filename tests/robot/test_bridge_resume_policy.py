"""A resume restarts the task policy with the IK (REV S1): an action chunk, or an ensemble's history, predicted
before a stop or pause is never served after it. The bridge and the simulated arm on one clock (``Loop``)."""

from __future__ import annotations

import numpy as np
from test_bridge_core import Loop

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
