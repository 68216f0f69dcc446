"""The tick's cost of the joint velocities a task's policy observes is logged beside its inference, not in it.

``BridgeCore._env_velocity`` runs ``EnvServo`` on the tick thread before each learned policy step (about 0.8 ms,
up to 17 ms on a loaded host: REV session 7). The tick log carries it as ``env_velocity_ms`` and /diagnostics'
policy check as ``env_velocity_ms``; ``policy_ms``, which the policy's deadline judges, stays the inference's alone.
"""

from __future__ import annotations

import time
from typing import Any

import numpy as np
from test_bridge_core import Loop

SLOW_S = 0.02
"""What the servo is made to take here: more than the policy ever does, so the two times cannot be mixed up."""


class Constant:
    """A task's learned policy that moves the hand forward."""

    def act(self, obs: dict[str, Any]) -> np.ndarray:
        return np.array([0.5, 0.0, 0.0, 0.0, 0.0])

    def reset(self) -> None:
        pass


def test_the_servos_time_is_logged_per_policy_tick_and_kept_out_of_the_inference_time() -> None:
    loop = Loop("panda", seed=2)
    core = loop.core
    try:
        loop.run(0.6)
        core.policy = Constant()
        servo = core._servo
        velocity = servo.velocity
        calls: list[float] = []

        def slow(*args: Any) -> np.ndarray:
            calls.append(time.perf_counter())
            time.sleep(SLOW_S)
            return velocity(*args)

        servo.velocity = slow  # type: ignore[method-assign,assignment]
        assert core.on_instruction("put the red cube in the bin", loop.t) is not None
        since = len(loop.results)
        loop.run(0.5)
        ticks = [r.record for r in loop.results[since:] if r.record.get("kind") == "tick"]
        policy = [t for t in ticks if t["policy_ms"] is not None]
        assert len(policy) >= 8 and len(calls) >= len(policy) - 1  # every policy tick after the first ran the servo
        assert all(t["env_velocity_ms"] is None for t in ticks if t["policy_ms"] is None)
        served = [t for t in policy if t["env_velocity_ms"] >= SLOW_S * 1e3]
        assert len(served) >= len(calls)  # every servo call is in its tick's env_velocity_ms
        # ... and none in policy_ms (the median: a loaded host may stall one inference as long)
        assert float(np.median([t["policy_ms"] for t in served])) < SLOW_S * 1e3, [t["policy_ms"] for t in served]
        assert core.supervisor.mode.name == "NOMINAL"
        values = next(c.values for c in core.check_statuses(loop.t, []) if c.name == "policy")
        assert float(values["env_velocity_ms"]) >= SLOW_S * 1e3
    finally:
        core.close()
