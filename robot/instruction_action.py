"""The bridge's ``~/execute_instruction`` action (armstack_interfaces/action/ExecuteInstruction).

The same agent run as free words on ``~/instruction`` (``robot.agent_runner.AgentRun``), with what a topic cannot
give: a goal is accepted or rejected with a reason, each plan and step comes back as feedback, the result carries
the agent's JSON report, and a cancel stops the agent. The node decides admission and starts the run (it owns the
core and its locks); this module only speaks the action.

The node spins a SingleThreadedExecutor, so nothing here blocks it: the execute callback is a coroutine that
awaits a future, and a timer in the executor's thread drains the agent's events into feedback, forwards a cancel
and settles the future once the run has ended (the agent itself runs in its own thread).
"""

from __future__ import annotations

import collections
import json
from collections.abc import Callable
from typing import Any

from rclpy.action import ActionServer, CancelResponse, GoalResponse
from rclpy.callback_groups import MutuallyExclusiveCallbackGroup, ReentrantCallbackGroup
from rclpy.node import Node
from rclpy.task import Future

from robot.agent_runner import AgentRun, EventSink, outcome

#: How often the executor looks at a running goal (feedback, cancel, end).
POLL_PERIOD_S = 0.05


class InstructionActionServer:
    """Serves ``~/execute_instruction`` on ``node``.

    ``admit(text)`` returns why a goal is rejected (None: accepted, and the node holds its one-instruction slot
    until ``release``); ``start(text, on_event)`` starts the agent's run; ``release(run)`` ends the goal's hold
    (``run`` None when it never started); ``on_reject(text, reason)`` hears each rejection."""

    def __init__(self, node: Node, action_type: Any, *, admit: Callable[[str], str | None],
                 start: Callable[[str, EventSink], AgentRun], release: Callable[[AgentRun | None], None],
                 on_reject: Callable[[str, str], None] | None = None, name: str = "~/execute_instruction") -> None:
        self._node, self._type = node, action_type
        self._admit, self._start, self._release, self._on_reject = admit, start, release, on_reject
        self._events: collections.deque[dict[str, Any]] = collections.deque()
        self._run: AgentRun | None = None
        self._goal: Any = None
        self._done: Future | None = None
        self._steps_total = 0
        self.rejections: list[str] = []
        """Why each rejected goal was rejected, in order (also logged)."""
        self._server = ActionServer(node, action_type, name, execute_callback=self._execute,
                                    goal_callback=self._on_goal, cancel_callback=self._on_cancel,
                                    callback_group=ReentrantCallbackGroup())
        node.create_timer(POLL_PERIOD_S, self._poll, callback_group=MutuallyExclusiveCallbackGroup())

    def _on_goal(self, request: Any) -> GoalResponse:
        reason = self._admit(request.instruction)
        if reason is None:
            return GoalResponse.ACCEPT
        self.rejections.append(reason)
        self._node.get_logger().warning(f"~/execute_instruction rejected: {reason}")
        if self._on_reject is not None:
            self._on_reject(request.instruction, reason)
        return GoalResponse.REJECT

    def _on_cancel(self, goal_handle: Any) -> CancelResponse:
        return CancelResponse.ACCEPT  # _poll stops the run; the goal ends canceled with the agent's report

    async def _execute(self, goal_handle: Any) -> Any:
        text = goal_handle.request.instruction
        run: AgentRun | None = None
        try:
            self._events.clear()
            self._steps_total = 0
            run = self._start(text, self._events.append)
            self._run, self._goal, self._done = run, goal_handle, Future()
            await self._done
            report = run.report or {}
        finally:
            self._run = self._goal = self._done = None
            self._release(run)
        status, reason = outcome(report)
        if goal_handle.is_cancel_requested and status == "stopped":
            goal_handle.canceled()
        elif status == "succeeded":
            goal_handle.succeed()
        else:
            goal_handle.abort()
        return self._type.Result(success=status == "succeeded", status=status, reason=reason,
                                 report_json=json.dumps(report, default=str))

    def _poll(self) -> None:
        run, goal, done = self._run, self._goal, self._done
        if run is None or goal is None or done is None:
            return
        while self._events:
            feedback = self._feedback(self._events.popleft())
            if feedback is not None:
                goal.publish_feedback(feedback)
        if goal.is_cancel_requested and not run.finished:
            run.stop("cancelled through ~/execute_instruction")
        if run.finished and not self._events and not done.done():
            done.set_result(True)

    def _feedback(self, event: dict[str, Any]) -> Any:
        """The action's feedback for one agent event: a plan sets the step count, a step attempt reports itself."""
        kind = event.get("event")
        if kind == "plan":
            result = event.get("result") or {}
            self._steps_total = len(result.get("steps") or [])
            state = "planned" if event.get("why") == "initial" else "replanned"
            return self._type.Feedback(step_index=0, steps_total=self._steps_total, skill="", args_json="{}",
                                       state=state if result.get("status") == "ok" else str(result.get("status")))
        if kind == "step":
            if event.get("success") and event.get("verified"):
                state = "succeeded"
            elif str(event.get("reason", "")).startswith("stopped"):
                state = "stopped"
            else:
                state = "failed"
            return self._type.Feedback(step_index=max(0, int(event.get("number", 1)) - 1),
                                       steps_total=self._steps_total, skill=str(event.get("skill", "")),
                                       args_json=json.dumps(event.get("args", {}), default=str), state=state)
        return None
