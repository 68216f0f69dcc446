"""The clock check of tick-stamped trajectories: do the bridge's and the driver's clocks agree?

A JointTrajectory stamped with the bridge's tick time (``trajectory_stamp: tick``) is sampled by the controller on
its own clock. If the controller's clock is behind the bridge's by more than the delivery time, the trajectory's
time zero lies in the controller's future: JTC writes no command for those cycles and the joints stall (a jerk far
beyond franka's limits at speed). If it is ahead, the points already due are skipped. Either way the streams stop
meaning what the bridge planned, so the arm request refuses unless the clocks agree.

What the bridge can measure is ``arrival - stamp`` of the driver's joint states: the driver stamps them with the
controller manager's cycle time (joint_state_broadcaster), the bridge's middleware notes the arrival on the
bridge's clock. That is the clock offset (bridge minus driver) plus the delivery time; the least of it over a
window is the offset plus the fastest delivery, a fraction of a millisecond on one host. The check passes when
that least value lies within ``[-max_offset, max_offset]``: a larger value is a bridge clock ahead (or a delivery
that is never fast), a negative one a bridge clock behind. Run both on one host, or synchronise the clocks (PTP,
chrony) -- or use ``trajectory_stamp: arrival``, which needs no common clock.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass

WINDOW_S = 2.0
"""How long a window of joint-state arrivals the least ``arrival - stamp`` is taken over."""
MIN_SAMPLES = 20
"""Fewer joint states in the window than this give no verdict (the check says so and refuses)."""


@dataclass(frozen=True, kw_only=True)
class ClockVerdict:
    """Whether the clocks agree, what was measured, and the detail a technician reads."""

    ok: bool
    detail: str
    least_offset_s: float | None = None
    """The least ``arrival - stamp`` in the window (s); None when not measured."""
    samples: int = 0
    max_offset_s: float = 0.0


class ClockOffset:
    """The least ``arrival - stamp`` of the driver's joint states over the last :data:`WINDOW_S` (arrival time),
    in O(1) amortised per message (a monotonic deque)."""

    def __init__(self, max_offset_s: float) -> None:
        if not (math.isfinite(max_offset_s) and max_offset_s > 0):
            raise ValueError(f"clock check: max_offset_s must be a positive number of seconds, got {max_offset_s!r}")
        self.max_offset_s = max_offset_s
        self._window: deque[tuple[float, float]] = deque()  # (arrival, arrival - stamp), increasing offsets
        self._count: deque[float] = deque()  # arrivals in the window
        self.unstamped = 0
        self.unmeasured = 0

    def add(self, stamp: float, arrival: float | None) -> None:
        """One joint state: its header stamp (s, driver clock) and its arrival on the bridge's clock (None: the
        middleware gave no reception time, e.g. simulated time)."""
        if arrival is None:
            self.unmeasured += 1
            return
        if stamp <= 0.0:
            self.unstamped += 1
            return
        offset = arrival - stamp
        while self._window and self._window[-1][1] >= offset:
            self._window.pop()
        self._window.append((arrival, offset))
        self._count.append(arrival)
        self._drop_before(arrival - WINDOW_S)

    def _drop_before(self, since: float) -> None:
        while self._window and self._window[0][0] < since:
            self._window.popleft()
        while self._count and self._count[0] < since:
            self._count.popleft()

    def verdict(self, now: float) -> ClockVerdict:
        """The check at ``now`` (bridge clock)."""
        self._drop_before(now - WINDOW_S)
        limit = self.max_offset_s
        n = len(self._count)
        if n < MIN_SAMPLES:
            why = ("the joint states carry no header stamp" if self.unstamped and not n else
                   "the middleware gives no reception time (simulated time?)" if self.unmeasured and not n else
                   f"{n} stamped joint states in the last {WINDOW_S:g} s, at least {MIN_SAMPLES} needed")
            return ClockVerdict(ok=False, samples=n, max_offset_s=limit,
                                detail=f"clock offset not measured: {why}; trajectory_stamp tick needs it "
                                       f"(or use trajectory_stamp arrival)")
        least = self._window[0][1]
        base = (f"joint_states arrive {least * 1e3:+.2f} ms after their stamps at least ({n} in {WINDOW_S:g} s), "
                f"within +-{limit * 1e3:g} ms allowed (clock_offset_max_s)")
        if -limit <= least <= limit:
            return ClockVerdict(ok=True, detail=base, least_offset_s=least,
                                samples=n, max_offset_s=limit)
        side = "ahead of" if least > 0 else "behind"
        return ClockVerdict(ok=False, least_offset_s=least, samples=n, max_offset_s=limit,
                            detail=f"{base.replace('within', 'not within', 1)}: the bridge's clock is {side} the "
                                   f"driver's (or delivery is slow); synchronise the clocks (one host, PTP, chrony) "
                                   f"or use trajectory_stamp arrival")
