"""AgentRun: one instruction through the shared agent loop on the arm, in a thread of its own.

The loop is ``policies.planner.agent.execute``, the one the simulator runs: plan over the perceived scene,
run the plan skill by skill (``sim.skills``, the same controllers), verify each step, retry, replan. Here its
world is a ``BridgeWorld`` fed by the control tick, and its planner the bridge's planner process. Every plan
and step attempt is reported as it happens (``on_event``: the node publishes it as feedback); the run ends
with the same JSON report the simulated agent writes.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from robot.agent_world import BridgeWorld
from robot.child_process import ChildCrashedError, ChildTimeoutError

EventSink = Callable[[dict[str, Any]], None]


class AgentRun:
    """Plans and executes ``instruction`` on ``world`` with ``planner``; ``start`` it, then ``join`` for the report."""

    def __init__(self, instruction: str, *, planner: Any, world: BridgeWorld, config: Any,
                 on_event: EventSink | None = None, ready_timeout_s: float = 5.0) -> None:
        self.instruction = instruction
        self.planner = planner
        self.world = world
        self.config = config
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
            self.report = execute(self.world, self.planner, self.instruction, self.config, feedback=self._event,
                                  context={"seed": None, "world": "bridge"})
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
