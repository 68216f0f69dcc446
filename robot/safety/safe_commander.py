"""SafeCommander: what to command in each supervisor mode, always through the command gate.

=========== ==================================================================================================
NOMINAL     the policy's joint targets (or a hold when it has none); the first tick after a re-arm or resume
            commands exactly the measured position, so nothing jumps to a target from before the stop
DEGRADED    the scripted backup: ``retreat`` targets when the bridge supplies them (up along z via the IK on
            the mirror), else a hold at the position trusted when DEGRADED began
SAFE_STOP   hold at the position trusted when the stop began (a controlled stop, category 2): the gate's
            maximum step ramps the command there; the gripper keeps its last command (a held cube stays held)
ESTOP       one hold at the trusted position on entry, then nothing: commanding stops (category 0/1), and a
            re-arm restarts from the measured state
=========== ==================================================================================================

While the supervisor does not trust the measurements (from a sensor-integrity fault until a re-arm), every mode
above gives way to a *freeze*: the command stays exactly the last one sent before the fault (in ESTOP, once, then
nothing), with no lead toward the measured position and no new hold taken from a reading on a mode change. A
frozen command is a function of what was known before the fault only, so an offset, stuck or mis-stamped
reading cannot move the arm (category 1; issue #15). Before anything was ever commanded there is nothing to
freeze, and nothing is sent until a re-arm.

A *lost stream* (the joint states went silent past the stale bound: ``stream_lost``) is frozen the same way, but sent
like an ESTOP's hold: the frozen command once (with the jerk-limited gate: the brake until at rest), then nothing
until a re-arm, whatever the mode does meanwhile. Readings that come back after such a gap may be a restarted or
replaced driver's (a technician restarting the driver under a running bridge; a bench replacing the simulated arm):
streaming the hold taken from the old stream's readings to it would pull the new arm toward the old one's pose
(ROB s21: 1.16 rad, velocity_limit at 4.3 rad/s). The driver keeps its last command meanwhile, so the same driver
sees no difference; the re-arm starts from the new stream's measured position, as after an ESTOP.

With a jerk-limited gate (a driver profile with acceleration and jerk limits: franka) a command cannot stop in
one period without a reflex, so every stop -- SAFE_STOP, ESTOP and the freeze -- is the gate's brake
(:meth:`~robot.safety.command_gate.CommandGate.stop`): the command decelerates to rest within the limits and
holds where it came to rest (category 1). The brake is a function of the commands sent before the stop only; in
ESTOP it is sent until the command is at rest, then nothing. A DEGRADED hold (no retreat) brakes the same way
rather than turn back to the position trusted on entry, and an idle policy holds where its last command was
heading, so the arm neither stops short nor overshoots.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from robot.safety.command_gate import CommandGate, GateResult
from robot.safety.joint_state import JointState
from robot.safety.supervisor import Mode


@dataclass(frozen=True, kw_only=True)
class Command:
    """One gated command: arm joint targets, finger position (m), the mode that chose it, what the gate changed."""

    arm: np.ndarray
    gripper: float
    mode: Mode
    changed: tuple[str, ...]
    source: str
    """policy, hold, retreat, resume or estop_hold."""
    velocity: np.ndarray | None = None
    acceleration: np.ndarray | None = None
    """The jerk-limited gate's velocity and acceleration at ``arm`` (None without it)."""


class SafeCommander:
    """Picks the desired target for the mode and gates it; remembers the hold position of the current stop."""

    def __init__(self, gate: CommandGate) -> None:
        self.gate = gate
        self._mode: Mode | None = None
        self._hold: tuple[np.ndarray, float] | None = None
        self._estop_sent = False
        self._frozen = False
        self._lost = False
        """The joint-state stream was lost since the last re-arm (see the module docstring)."""
        self._lost_sent = False
        """The lost stream's one command went out (the brake: came to rest): nothing more until a re-arm."""
        self._lost_clean = False
        """The stream was lost while its readings were still trusted (the loss withdrew the trust; no earlier sensor
        fault froze the command)."""
        self.last: Command | None = None

    @property
    def commanding(self) -> bool:
        """False once an ESTOP hold or a lost stream's command went out (or before any trusted state): nothing is
        being sent."""
        return self.last is not None and not (self._mode == Mode.ESTOP and self._estop_sent) and not self._lost_sent

    @property
    def reference(self) -> Command | None:
        """The command the readings are judged against (tracking, and the consistent run a re-arm after a sensor
        fault needs): the last one sent while commanding, none after an ESTOP's hold or a lost stream's stop. But a
        stream lost after an earlier sensor fault (an encoder offset froze the command, then the stream fell silent)
        keeps that frozen command as the reference: a silence must not let offset readings be trusted again (REV s21
        R4); only a stream lost while its readings were trusted may come back at another pose (a restarted driver)."""
        if self._lost_sent and not self._lost_clean:
            return self.last
        return self.last if self.commanding else None

    def command(self, mode: Mode, trusted: JointState | None, *, resumed: bool = False,
                nominal: tuple[np.ndarray, float] | None = None,
                retreat: tuple[np.ndarray, float] | None = None,
                measurements_trusted: bool = True, stream_lost: bool = False,
                loss_withdrew_trust: bool = False) -> Command | None:
        """The command for this tick, or None when nothing may be sent (no trusted state yet, ESTOP, a lost stream's
        stop after its one command, or nothing commanded yet while the measurements are not trusted).

        ``measurements_trusted``: the supervisor's :attr:`~robot.safety.supervisor.Supervisor.measurements_trusted`;
        False freezes the command (see the module docstring); ``resumed`` (a re-arm) ends the freeze and a lost
        stream's stop. ``stream_lost``: the joint states are stale now (latched until a re-arm);
        ``loss_withdrew_trust``: the stale stream is what withdrew the supervisor's trust (no other sensor fault
        came first: :attr:`reference`)."""
        if resumed:
            self._lost = self._lost_sent = False
        elif stream_lost and self.last is not None and not self._lost:
            # Latched: the readings that come back may be another driver's. Nothing more goes out if nothing was
            # being sent (an ESTOP's hold already went out).
            self._lost, self._lost_sent = True, not self.commanding
            self._lost_clean = loss_withdrew_trust and not self._frozen
        if trusted is None:
            return None
        entered = mode != self._mode
        self._mode = mode
        if not measurements_trusted and not resumed:
            return self._freeze(mode, entered)
        if self._frozen:
            self._frozen, entered = False, True  # trust came back: take the hold afresh
        grip_now = self.gate.prev_gripper if self.gate.prev is not None else trusted.gripper
        if self.gate.prev is None or resumed:
            # A re-arm or first command starts from where the arm is, not from an old target.
            self.gate.reset(trusted.position, trusted.gripper)
            self._hold = (trusted.position.copy(), trusted.gripper)
            self._estop_sent = mode == Mode.ESTOP  # in ESTOP this is the one hold, then nothing
            return self._send(self.gate.apply(trusted.position, trusted.gripper), mode, "resume")
        if entered:
            self._estop_sent = False
            self._hold = (trusted.position.copy(), grip_now)
        assert self._hold is not None  # set by the first command and on every mode change
        hold_arm, hold_grip = self._hold
        if self.gate.filter is not None and mode >= Mode.SAFE_STOP:
            return self._brake(mode, hold_grip)
        if mode == Mode.ESTOP:
            if self._estop_sent:
                return None
            self._estop_sent = True
            return self._send(self.gate.apply(hold_arm, hold_grip, trusted.position), mode, "estop_hold")
        if mode == Mode.NOMINAL and nominal is not None:
            return self._send(self.gate.apply(nominal[0], nominal[1], trusted.position), mode, "policy")
        if mode == Mode.DEGRADED and retreat is not None:
            return self._send(self.gate.apply(retreat[0], retreat[1], trusted.position), mode, "retreat")
        if mode == Mode.NOMINAL and self.last is not None and self.last.source == "policy":
            # The policy went idle: stay at its last command (where the arm is heading), no step back; with the
            # jerk-limited filter the command is still on its way, so hold where the filter comes to rest.
            heading = self.last.arm if self.gate.filter is None else self.gate.filter.heading
            self._hold = (heading.copy(), self.last.gripper)
            hold_arm, hold_grip = self._hold
        if self.gate.filter is not None and mode == Mode.DEGRADED:
            # The position trusted on entry lies behind a moving command: holding there would turn the arm back.
            return self._send(self.gate.stop(hold_grip), mode, "hold")
        return self._send(self.gate.apply(hold_arm, hold_grip, trusted.position), mode, "hold")

    def _freeze(self, mode: Mode, entered: bool) -> Command | None:
        """The frozen command: the last one sent before the measurements lost trust, and nothing else."""
        prev = self.gate.prev
        if prev is None:
            return None  # never commanded: no target known without a reading, so send nothing
        if not self._frozen:
            self._frozen = True
            self._hold = (prev.copy(), self.gate.prev_gripper)
        if entered:
            self._estop_sent = False
        assert self._hold is not None  # set just above on the first frozen tick
        hold_arm, hold_grip = self._hold
        if self._lost:
            return self._lost_stop(mode, hold_arm, hold_grip)
        if self.gate.filter is not None:
            return self._brake(mode, hold_grip)
        if mode == Mode.ESTOP:
            if self._estop_sent:
                return None
            self._estop_sent = True
            return self._send(self.gate.apply(hold_arm, hold_grip), mode, "estop_hold")
        # No ``measured``: the gate's lead toward a reading is exactly what walked the arm after a jump.
        return self._send(self.gate.apply(hold_arm, hold_grip), mode, "hold")

    def _lost_stop(self, mode: Mode, hold_arm: np.ndarray, hold_grip: float) -> Command | None:
        """A lost stream's stop: the frozen command once (the jerk-limited gate: its brake until at rest), then
        nothing, across mode changes, until a re-arm."""
        if self._lost_sent:
            return None
        source = "estop_hold" if mode == Mode.ESTOP else "hold"
        if self.gate.filter is not None:
            result = self.gate.stop(hold_grip)
            self._lost_sent = self.gate.filter.at_rest
            return self._send(result, mode, source)
        self._lost_sent = True
        return self._send(self.gate.apply(hold_arm, hold_grip), mode, source)

    def _brake(self, mode: Mode, gripper: float) -> Command | None:
        """A stop through the jerk-limited gate: brake to rest, then hold there (in ESTOP: then nothing)."""
        if mode == Mode.ESTOP:
            if self._estop_sent:
                return None
            result = self.gate.stop(gripper)
            assert self.gate.filter is not None  # only called with the filter
            self._estop_sent = self.gate.filter.at_rest
            return self._send(result, mode, "estop_hold")
        return self._send(self.gate.stop(gripper), mode, "hold")

    def _send(self, result: GateResult, mode: Mode, source: str) -> Command:
        cmd = Command(arm=result.arm, gripper=result.gripper, mode=mode, changed=result.changed, source=source,
                      velocity=result.velocity, acceleration=result.acceleration)
        self.last = cmd
        return cmd
