"""The bridge's planner in a process of its own: the safety monitor never shares a process with a model.

A language-model backend is native code (llama.cpp) that can segfault, and it can take seconds; in the
bridge's process a crash would end the fault monitor and the supervisor with it, leaving the last command
standing. ``PlannerProcess`` runs ``make_planner(backend)`` in a spawned child (spawn, not fork: the parent
holds DDS threads) and talks to it over a pipe. A dead child is ``PlannerCrashedError`` naming the signal, a
child that overruns ``timeout_s`` is killed and is ``PlannerTimeoutError``; both are ``RobotError``s the
bridge turns into the ``planner_process`` fault. The next request starts a fresh child.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import threading
import time
from multiprocessing.connection import Connection
from typing import Any

from robot.errors import RobotError


class PlannerProcessError(RobotError, RuntimeError):
    """The planner's process failed; the message says how."""


class PlannerCrashedError(PlannerProcessError):
    """The planner's process died (a native crash, a kill) before it answered."""


class PlannerTimeoutError(PlannerProcessError):
    """The planner's process did not answer within its deadline and was killed."""


def _serve(conn: Connection, backend: str, options: dict[str, Any]) -> None:
    """The child: build the planner once, then answer ``(instruction, scene_json)`` requests until EOF."""
    from policies.planner.plan import result_to_json
    from policies.planner.planner import make_planner
    from policies.planner.scene_state import SceneState

    try:
        planner = make_planner(backend, **options)
    except Exception as exc:  # reported to the parent as this request's error; the child then exits
        conn.send({"error": f"{type(exc).__name__}: {exc}"})
        return
    conn.send({"ready": True})
    while True:
        try:
            instruction, scene = conn.recv()
        except EOFError:
            return
        try:
            conn.send({"result": result_to_json(planner.plan(instruction, SceneState.from_json(scene)))})
        except Exception as exc:  # a planner error is an answer, not a crash
            conn.send({"error": f"{type(exc).__name__}: {exc}"})


class PlannerProcess:
    """``plan(instruction, state)`` answered by a child process; thread-safe (one request at a time)."""

    def __init__(self, backend: str, *, timeout_s: float = 60.0, options: dict[str, Any] | None = None) -> None:
        if not timeout_s > 0:
            raise PlannerProcessError(f"planner timeout_s must be > 0, got {timeout_s!r}")
        self.backend = backend
        self.timeout_s = float(timeout_s)
        self.options = dict(options or {})
        self._ctx = mp.get_context("spawn")
        self._proc: Any = None
        self._conn: Connection | None = None
        self._lock = threading.Lock()

    @property
    def pid(self) -> int | None:
        """The child's PID while it runs (to watch it, or for a test to kill it)."""
        return self._proc.pid if self._proc is not None and self._proc.is_alive() else None

    def _start(self, deadline: float) -> Connection:
        parent, child = self._ctx.Pipe()
        self._proc = self._ctx.Process(target=_serve, args=(child, self.backend, self.options),
                                       name=f"armstack-planner-{self.backend}", daemon=True)
        self._proc.start()
        child.close()
        self._conn = parent
        reply = self._receive(deadline, "starting")
        if "error" in reply:
            self._stop()
            raise PlannerProcessError(f"the {self.backend} planner could not start: {reply['error']}")
        return parent

    def _receive(self, deadline: float, doing: str) -> dict[str, Any]:
        from policies.planner.model_selftest import describe_exit

        assert self._conn is not None and self._proc is not None
        while True:
            remaining = deadline - time.monotonic()
            try:
                if self._conn.poll(min(max(remaining, 0.0), 0.05)):
                    reply: dict[str, Any] = self._conn.recv()
                    return reply
            except (EOFError, OSError):
                pass  # the child closed its end: judged below by its exit code
            if not self._proc.is_alive():
                self._proc.join(1.0)
                code = self._proc.exitcode
                self._stop()
                raise PlannerCrashedError(f"the {self.backend} planner process died while {doing}: "
                                          f"{describe_exit(code)}")
            if remaining <= 0:
                self._stop()
                raise PlannerTimeoutError(f"the {self.backend} planner did not answer within {self.timeout_s:g} s "
                                          f"while {doing}; its process was killed")

    def plan(self, instruction: str, state: Any) -> Any:
        """The checked plan, refusal or clarification for ``instruction`` over ``state`` (a SceneState)."""
        from policies.planner.errors import PlannerError
        from policies.planner.plan import result_from_json

        with self._lock:
            deadline = time.monotonic() + self.timeout_s
            conn = self._conn if self._proc is not None and self._proc.is_alive() else self._start(deadline)
            assert conn is not None
            with contextlib.suppress(OSError):  # a child already gone: _receive reports how it ended
                conn.send((instruction, state.to_json()))
            reply = self._receive(deadline, f"planning {instruction[:60]!r}")
        if "error" in reply:
            raise PlannerError(reply["error"])
        return result_from_json(reply["result"])

    def _stop(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._proc is not None:
            if self._proc.is_alive():
                self._proc.kill()
            self._proc.join(2.0)
            self._proc = None

    def close(self) -> None:
        """Stop the child (idempotent)."""
        with self._lock:
            self._stop()
