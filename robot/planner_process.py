"""The bridge's planner in a process of its own: the safety monitor never shares a process with a model.

A language-model backend is native code (llama.cpp) that can segfault, and it can take seconds; in the
bridge's process a crash would end the fault monitor and the supervisor with it, leaving the last command
standing. ``PlannerProcess`` runs ``make_planner(backend)`` in a spawned child: a dead child is
``PlannerCrashedError`` naming the signal, a child that overruns ``timeout_s`` is killed and is
``PlannerTimeoutError``; the bridge turns both into the ``planner_process`` fault. The next request starts a
fresh child.
"""

from __future__ import annotations

import threading
import time
from multiprocessing.connection import Connection
from typing import Any

from policies.planner.planner import BACKENDS, DEFAULT_BACKEND
from robot.child_process import ChildCrashedError, ChildProcessError, ChildTimeoutError, ChildWorker

NO_PLANNER = "none"
PLANNER_BACKENDS = (*BACKENDS, NO_PLANNER)
"""The bridge's ``planner`` parameter: a ``policies.planner`` backend (the planner's registry), or none (words
are task instructions)."""
DEFAULT_PLANNER = DEFAULT_BACKEND
"""The bridge plans with ``armstack plan``'s default backend."""

PlannerProcessError = ChildProcessError
PlannerCrashedError = ChildCrashedError
PlannerTimeoutError = ChildTimeoutError


def _serve(conn: Connection, backend: str, options: dict[str, Any]) -> None:
    """The child: build the planner once, then answer ``(seq, (instruction, scene_json))`` until EOF."""
    from policies.planner.plan import result_to_json
    from policies.planner.planner import make_planner
    from policies.planner.scene_state import SceneState

    try:
        planner = make_planner(backend, **options)
    except Exception as exc:  # reported to the parent, which refuses the instruction with it
        conn.send({"error": f"{type(exc).__name__}: {exc}"})
        return
    conn.send({"ready": True})
    while True:
        try:
            seq, (instruction, scene) = conn.recv()
        except EOFError:
            return
        reply: dict[str, Any]
        try:
            reply = {"result": result_to_json(planner.plan(instruction, SceneState.from_json(scene)))}
        except Exception as exc:  # a planner error is an answer, not a crash
            reply = {"error": f"{type(exc).__name__}: {exc}"}
        conn.send((seq, reply))


class PlannerProcess:
    """``plan(instruction, state)`` answered by a child process; thread-safe (one request at a time)."""

    def __init__(self, backend: str, *, timeout_s: float = 60.0, options: dict[str, Any] | None = None) -> None:
        if not timeout_s > 0:
            raise PlannerProcessError(f"planner timeout_s must be > 0, got {timeout_s!r}")
        self.backend = backend
        self.timeout_s = float(timeout_s)
        self._worker = ChildWorker(_serve, (backend, dict(options or {})), name=f"the {backend} planner process")
        self._lock = threading.Lock()

    @property
    def pid(self) -> int | None:
        """The child's PID while it runs (to watch it, or for a test to kill it)."""
        return self._worker.pid

    def plan(self, instruction: str, state: Any) -> Any:
        """The checked plan, refusal or clarification for ``instruction`` over ``state`` (a SceneState)."""
        from policies.planner.errors import PlannerError
        from policies.planner.plan import result_from_json

        with self._lock:
            deadline = time.monotonic() + self.timeout_s
            try:
                if not self._worker.alive:
                    self._worker.start(self.timeout_s)
                seq = self._worker.send((instruction, state.to_json()))
                reply = self._worker.wait(seq, deadline, f"planning {instruction[:60]!r}")
            except ChildTimeoutError as exc:
                self._worker.stop()
                raise PlannerTimeoutError(f"{exc} ({self.timeout_s:g} s); its process was killed") from None
        if "error" in reply:
            raise PlannerError(reply["error"])
        return result_from_json(reply["result"])

    def close(self) -> None:
        """Stop the child (idempotent)."""
        with self._lock:
            self._worker.stop()
