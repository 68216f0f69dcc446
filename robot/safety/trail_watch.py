"""TrailWatch: does the arm trail its commands by no more than the command gate assumes?

The gate's lead bound takes a joint's command to lead its measured position by at most one control period and
``lead_time`` of its motion (``CommandGate.rest_lead`` at the gate's velocity); more lead is the arm held back. An arm
whose position control (or whose joint-state stream) trails by more than that is taken for held whenever it moves
near the gate's velocity: the plain gate slows its command and flags ``lead``, the jerk-limited gate parks it and it
moves stop-and-go, out of step with the other joints. Nothing unsafe, so no fault and no stop: a diagnostic
(``/diagnostics`` ``armstack_bridge: command_gate``, WARN) that names the joint, its trail and the ``gate_lead_time``
to set, once it has lasted ``TRAIL_HOLD_S`` of motion.

A joint is judged at a tick while its command moves at ``MIN_SPEED_SHARE`` of the gate's velocity or more: its trail
(``lead_s``) is how long ago the command was where the arm reads now, found among the commands of the latest run that
moved one way (a turn, or an arm that overshot its commands, has no time shift to read; braking to rest is below the
speed). Time counts only on the ticks judged, so a contact that stalls a joint (a few ticks of growing lead, then its
command at rest) is no trail. Measured through the bridge core on the simulated Panda (``Loop``, pick-and-place seeds
3, 11, 20; plain and franka-limited gate): 0.008-0.023 s against the default 0.04, never reported; with the joint
states delayed 0.02 / 0.03 / 0.06 s (``latency``), 0.04 / 0.05 / 0.08 s, reported from 0.03 s on -- where the
franka-limited gate first holds free joints (47 ticks in seed 3's task).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from robot.safety.command_gate import MAX_LEAD_TIME, CommandGate

MIN_SPEED_SHARE = 0.5
"""A joint is judged while its command moves at least this share of the gate's velocity."""

HISTORY = 52
"""Commands searched back for where the arm reads (0.51 s at 100 Hz: past ``MAX_LEAD_TIME`` and one period)."""

TRAIL_HOLD_S = 0.3
"""Seconds of judged motion, trailing (or not) in a row, before the watch reports (or clears) a trail."""


class TrailWatch:
    """Per joint, whether the measured arm trails the commands by more than ``gate`` assumes (see the module)."""

    def __init__(self, gate: CommandGate, *, hold_s: float = TRAIL_HOLD_S) -> None:
        self.period = gate.config.control_period
        self.lead_time = gate.config.lead_time
        self.bound_s = gate.rest_lead / gate.velocity_limit
        """Per joint, the lead (s of motion at the command's speed) the gate takes for free motion: one period and
        ``lead_time``, or less where ``max_lead`` caps the bound (more where ``min_lead`` raises it)."""
        self.min_step = MIN_SPEED_SHARE * gate.velocity_limit * self.period
        """Per joint, the least step between the last two commands that is judged."""
        self.hold_s = hold_s
        n = gate.robot.n_arm
        self.lead_s = np.full(n, np.nan)
        """The latest judged lead (s) per joint (NaN: not judged since the reset)."""
        self.peak_s = np.full(n, np.nan)
        """The largest judged lead (s) per joint since the reset."""
        self._over = np.zeros(n)
        self._under = np.zeros(n)
        self.trailing = np.zeros(n, dtype=bool)
        """The joints reported as trailing."""

    def observe(self, measured: Sequence[float] | np.ndarray, commands: Sequence[Sequence[float]] | np.ndarray) -> None:
        """One tick: ``measured``, the trusted position the gate is about to judge against the last command sent, and
        ``commands``, the commands of the ticks before, one control period apart, oldest first, that last one last
        (at least two; ``HISTORY`` at most are searched). Plain Python over the joints: a few microseconds a tick
        where the vectorised search took 0.2-0.4 ms on the loaded 2-core box."""
        c = commands[-HISTORY:]
        latest, before = c[-1], c[-2]
        hold = self.hold_s - 1e-9
        for j in range(len(latest)):
            step = float(latest[j]) - float(before[j])
            if abs(step) < self.min_step[j]:
                continue  # not judged: slow, braking or standing
            sign, m = (1.0 if step > 0 else -1.0), float(measured[j])
            lead: float | None = 0.0 if (float(latest[j]) - m) * sign <= 0.0 else None  # at or past the command
            back = 1
            while lead is None and back < len(c):
                # The segment from the command ``back`` ticks before the latest to the one after it, within the
                # latest run that moved one way: where the command passed the reading, interpolated.
                a, b = float(c[-1 - back][j]), float(c[-back][j])
                if (b - a) * sign <= 0.0:
                    break  # the run ends (a turn, a stand) before the reading: no time shift to read
                if (a - m) * sign <= 0.0:
                    lead = (back - 1 + (b - m) / (b - a)) * self.period
                back += 1
            if lead is None:
                continue  # beyond the run (an arm that overshot, or trails past the history): not judged
            self.lead_s[j] = lead
            self.peak_s[j] = lead if not lead <= self.peak_s[j] else self.peak_s[j]  # NaN-safe max
            if lead > self.bound_s[j]:
                self._over[j] += self.period
                self._under[j] = 0.0
            else:
                self._under[j] += self.period
                self._over[j] = 0.0
            if self._over[j] >= hold:
                self.trailing[j] = True
            elif self._under[j] >= hold:
                self.trailing[j] = False

    def status(self, joint_names: tuple[str, ...] | list[str]) -> tuple[bool, str, dict[str, str]]:
        """(trailing, a one-line message, values) for the diagnostic."""
        def fmt(values: np.ndarray) -> str:
            return ",".join("-" if np.isnan(x) else f"{x:.3f}" for x in values)

        values = {"lead_s": fmt(self.lead_s), "peak_lead_s": fmt(self.peak_s), "bound_s": fmt(self.bound_s),
                  "gate_lead_time_s": f"{self.lead_time:g}", "hold_s": f"{self.hold_s:g}"}
        if not self.trailing.any():
            return False, "ok: the arm follows its commands within the gate's lead", values
        worst = max(np.flatnonzero(self.trailing), key=lambda j: float(self.peak_s[j]))
        names = ", ".join(joint_names[j] for j in np.flatnonzero(self.trailing))
        trail = float(self.peak_s[worst]) - self.period
        advice = (f"set gate_lead_time to about {trail:.3f} s" if trail <= MAX_LEAD_TIME else
                  f"more than gate_lead_time may be ({MAX_LEAD_TIME:g} s): check the arm's servo and stream")
        message = (f"{names} trailing the commands: {joint_names[worst]} reads where its command was up to "
                   f"{self.peak_s[worst]:.3f} s before, the gate takes {self.bound_s[worst]:.3f} s (one period and "
                   f"gate_lead_time {self.lead_time:g} s), so it counts as held and moves slower; {advice} "
                   f"(launch/README.md)")
        return True, message, values
