"""AgentRun: one instruction through the shared agent loop on the arm, in a thread of its own.

The loop is ``policies.planner.agent.execute``, the one the simulator runs: plan over the perceived scene,
run the plan skill by skill (``sim.skills``, the same controllers), verify each step, retry, replan. Here its
world is a ``BridgeWorld`` fed by the control tick, and its planner the bridge's planner process. Every plan
and step attempt is reported as it happens (``on_event``: the node publishes it as feedback); the run ends
with the same JSON report the simulated agent writes.

A skill that ``AgentConfig.skill_policies`` gives a checkpoint runs that policy, as in simulation; here it answers
from a process of its own (``robot.policy_process``: torch beside the safety monitor could crash it), started at
the skill's first use and kept for later instructions (``SkillPolicies``).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from robot.agent_world import BridgeWorld
from robot.child_process import ChildCrashedError, ChildProcessError, ChildTimeoutError

EventSink = Callable[[dict[str, Any]], None]
SKILL_POLICY_DEADLINE_S = 0.5
"""A skill policy's answer may take this long (s): the agent's thread waits, not the control tick, which holds the
arm meanwhile; an overrun stops the skill (the report says so)."""
SKILL_POLICY_START_S = 120.0
"""A checkpoint's process (torch, the text encoder) must be up within this (s), unless told otherwise: the bridge
passes its ``policy_start_timeout_s`` (the same processes, the same loaded host)."""


class SkillPolicies:
    """The skills' checkpoints, each in a ``PolicyProcess`` started at its first use and kept for later runs."""

    def __init__(self, robot: str, *, deadline_s: float = SKILL_POLICY_DEADLINE_S,
                 start_timeout_s: float = SKILL_POLICY_START_S) -> None:
        self.robot, self.deadline_s, self.start_timeout_s = robot, float(deadline_s), float(start_timeout_s)
        self._processes: dict[str, Any] = {}
        self._lock = threading.Lock()

    def actor(self, path: str, text: str) -> Callable[[dict[str, Any]], np.ndarray]:
        """``act(obs)`` of the checkpoint at ``path`` for the step worded ``text`` (the agent's ActorFactory); a
        policy that fails or overruns raises ``ExecutionStoppedError``, so the report names the step."""
        from robot.policy_process import PolicyProcess
        from sim.skills import ExecutionStoppedError

        try:
            with self._lock:
                process = self._processes.get(path)
                if process is None:
                    process = PolicyProcess(path, deadline_s=self.deadline_s, hang_s=max(2.0, 4 * self.deadline_s),
                                            start_timeout_s=self.start_timeout_s, robot=self.robot)
                    self._processes[path] = process
            process.reset()
        except ChildProcessError as exc:
            raise ExecutionStoppedError(f"the skill's policy {path} could not start: {exc}") from exc

        def act(obs: dict[str, Any]) -> np.ndarray:
            try:
                return process.act({**obs, "instruction": text})
            except ChildProcessError as exc:
                raise ExecutionStoppedError(f"the skill's policy failed: {exc}") from exc

        return act

    def close(self) -> None:
        with self._lock:
            for process in self._processes.values():
                process.close()
            self._processes.clear()


_SHARED: dict[tuple[str, float], SkillPolicies] = {}
_SHARED_LOCK = threading.Lock()


def shared_skill_policies(robot: str, start_timeout_s: float = SKILL_POLICY_START_S) -> SkillPolicies:
    """The bridge process's one ``SkillPolicies`` for ``robot`` and start bound: an instruction reuses the processes
    the last one started (one bridge per process, as the node runs)."""
    key = (robot, float(start_timeout_s))
    with _SHARED_LOCK:
        if key not in _SHARED:
            _SHARED[key] = SkillPolicies(robot, start_timeout_s=start_timeout_s)
        return _SHARED[key]


class AgentRun:
    """Plans and executes ``instruction`` on ``world`` with ``planner``; ``start`` it, then ``join`` for the report."""

    def __init__(self, instruction: str, *, planner: Any, world: BridgeWorld, config: Any,
                 on_event: EventSink | None = None, ready_timeout_s: float = 5.0,
                 skill_policies: SkillPolicies | None = None) -> None:
        self.instruction = instruction
        self.planner = planner
        self.world = world
        self.config = config
        self.skill_policies = skill_policies
        """Runs the checkpoints ``config.skill_policies`` names (default: the process's shared one)."""
        self.report: dict[str, Any] | None = None
        self.planner_error: str | None = None
        """Set when the planner's process died or overran: the bridge's ``planner_process`` fault."""
        self._on_event = on_event
        self._ready_timeout_s = ready_timeout_s
        self._thread = threading.Thread(target=self._run, name="agent", daemon=True)
        self._finished = threading.Event()

    def start(self) -> AgentRun:
        self._thread.start()
        return self

    @property
    def finished(self) -> bool:
        return self._finished.is_set()

    def join(self, timeout_s: float | None = None) -> dict[str, Any] | None:
        """The report once the run has ended (None if it is still running after ``timeout_s``)."""
        self._finished.wait(timeout_s)
        return self.report

    def stop(self, reason: str) -> None:
        """End the run where it is: the skill's next control step raises ``ExecutionStoppedError(reason)`` (the
        arm holds, as after any stop of the agent) and the report says ``stopped`` and in which step."""
        if self.world.active:
            self.world.interrupt(reason)

    def _event(self, event: dict[str, Any]) -> None:
        if self._on_event is not None:
            self._on_event(event)

    def _run(self) -> None:
        from policies.planner.agent import execute
        from sim.skills import ExecutionStoppedError

        began = time.perf_counter()
        try:
            self.world.wait_ready(self._ready_timeout_s)
            actor = None
            if self.config.skill_policies:
                actor = (self.skill_policies or shared_skill_policies(self.config.robot)).actor
            self.report = execute(self.world, self.planner, self.instruction, self.config, feedback=self._event,
                                  actor=actor, context={"seed": None, "world": "bridge"})
        except (ChildCrashedError, ChildTimeoutError) as exc:
            self.planner_error = str(exc)
            self.report = self._failed("planner_failed", f"the planner's process failed: {exc}", began)
        except ExecutionStoppedError as exc:  # stopped before the first plan
            self.report = self._failed("stopped", f"stopped before the plan ran: {exc}", began)
        except Exception as exc:  # a planner backend error: the instruction fails, the bridge carries on
            self.report = self._failed("failed", f"planning failed: {type(exc).__name__}: {exc}", began)
        finally:
            self.world.finish()
            if self.report is not None:
                self._event({"event": "report", **self.report})
            self._finished.set()

    def _failed(self, status: str, failure: str, began: float) -> dict[str, Any]:
        return {"instruction": self.instruction, "robot": self.config.robot, "seed": None, "world": "bridge",
                "success": False, "status": status, "failure": failure, "plans": [], "steps": [],
                "durations": {"total_s": round(time.perf_counter() - began, 4)}}


def outcome(report: dict[str, Any]) -> tuple[str, str]:
    """(status, reason) of a finished run for a technician: the report's status, except that a plan the planner
    answered with a question is ``clarify`` (the report files it under ``refused``); the reason is the report's
    failure (or the question)."""
    status = str(report.get("status", "failed"))
    reason = str(report.get("failure", ""))
    plan = report.get("plan")
    if status == "refused" and isinstance(plan, dict) and plan.get("status") == "clarify":
        status = "clarify"
        reason = str(plan.get("reason", reason))
    return status, reason
