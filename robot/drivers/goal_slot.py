"""One active goal per action server, finished from the controller's update tick, as ros2_control does.

rclpy runs an ``async`` execute callback as a task: it awaits a future that the server's periodic ``update``
resolves (succeed, abort, cancel). A new goal preempts the active one, which ends first. Everything runs on
the node's executor thread, so no locks are needed with a single-threaded executor.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rclpy.action.server import ServerGoalHandle
from rclpy.task import Future

#: How a goal ends: "succeed", "abort" or "canceled", and the Result message.
Ending = tuple[str, Any]


class GoalSlot:
    """Holds the active goal handle and the future its execute task awaits."""

    def __init__(self, on_preempt: Callable[[], Any]) -> None:
        self._on_preempt = on_preempt  # -> the Result the preempted goal ends with
        self.handle: ServerGoalHandle | None = None
        self._future: Future | None = None

    def accepted(self, handle: ServerGoalHandle) -> None:
        """handle_accepted_callback: end the active goal (aborted, as JTC) and start this one."""
        if self.handle is not None:
            self.finish("abort", self._on_preempt())
        self.handle = handle
        self._future = Future()
        handle.execute()

    async def execute(self, handle: ServerGoalHandle) -> Any:
        """execute_callback: wait for ``finish`` to settle this goal."""
        future = self._future
        if handle is not self.handle or future is None:  # preempted before it ran
            handle.abort()
            return self._on_preempt()
        kind, result = await future  # type: ignore[misc]  # rclpy's Future.__await__ is untyped
        if kind == "succeed":
            handle.succeed()
        elif kind == "canceled":
            handle.canceled()
        else:
            handle.abort()
        return result

    def finish(self, kind: str, result: Any) -> None:
        """Settle the active goal with ``kind`` ("succeed", "abort", "canceled") and ``result``."""
        future, self._future, self.handle = self._future, None, None
        if future is not None and not future.done():
            future.set_result((kind, result))

    @property
    def cancel_requested(self) -> bool:
        return self.handle is not None and self.handle.is_cancel_requested
