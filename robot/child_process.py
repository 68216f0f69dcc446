"""A worker in a spawned child process, asked over a pipe with a deadline: what the bridge runs beside it.

The bridge's safety monitor must outlive whatever can crash natively (llama.cpp, torch) or block (a model
that overruns). ``ChildWorker`` owns one such child: ``ask`` sends a request and waits for the matching
answer until a deadline; a dead child is ``ChildCrashedError`` naming the signal, an overrun is
``ChildTimeoutError``. Spawned, not forked: the parent holds DDS threads, which a fork would copy broken.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from policies.planner.model_selftest import describe_exit
from robot.errors import RobotError


class ChildProcessError(RobotError, RuntimeError):
    """The child process failed; the message says how."""


class ChildCrashedError(ChildProcessError):
    """The child died (a native crash, a kill) before it answered."""


class ChildTimeoutError(ChildProcessError):
    """The child did not answer within the deadline."""


class ChildWorker:
    """One child running ``target(conn, *args)``; the target first sends ``{"ready": True}`` or
    ``{"error": ...}``, then answers each ``(seq, request)`` with ``(seq, reply)``."""

    def __init__(self, target: Callable[..., None], args: tuple[Any, ...], *, name: str) -> None:
        self._target, self._args, self.name = target, args, name
        self._ctx = mp.get_context("spawn")
        self._proc: Any = None
        self._conn: Connection | None = None
        self._seq = 0

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self.alive else None

    @property
    def alive(self) -> bool:
        return self._proc is not None and self._proc.is_alive()

    def start(self, timeout_s: float) -> None:
        """Spawn the child and wait for its ready message (ChildProcessError if it cannot start)."""
        self.stop()
        parent, child = self._ctx.Pipe()
        self._proc = self._ctx.Process(target=self._target, args=(child, *self._args), name=self.name, daemon=True)
        self._proc.start()
        child.close()
        self._conn = parent
        try:
            reply = self._wait(time.monotonic() + timeout_s, "starting", lambda m: isinstance(m, dict))
        except ChildTimeoutError:
            self.stop()  # a child still loading would go on taking a core for an answer nobody waits for
            raise
        if "error" in reply:
            self.stop()
            raise ChildProcessError(f"{self.name} could not start: {reply['error']}")

    def send(self, request: Any) -> int:
        """Send a request without waiting; its sequence number (to ``wait`` for)."""
        if self._conn is None or not self.alive:
            raise ChildCrashedError(f"{self.name} is not running")
        self._seq += 1
        with contextlib.suppress(OSError):  # a child already gone: wait() reports how it ended
            self._conn.send((self._seq, request))
        return self._seq

    def wait(self, seq: int, deadline: float, doing: str) -> Any:
        """The answer to request ``seq``; answers to earlier (abandoned) requests are dropped."""
        reply = self._wait(deadline, doing, lambda m: isinstance(m, tuple) and m[0] == seq)
        return reply[1]

    def ask(self, request: Any, timeout_s: float, doing: str) -> Any:
        return self.wait(self.send(request), time.monotonic() + timeout_s, doing)

    def _wait(self, deadline: float, doing: str, wanted: Callable[[Any], bool]) -> Any:
        assert self._conn is not None and self._proc is not None
        while True:
            remaining = deadline - time.monotonic()
            try:
                while self._conn.poll(min(max(remaining, 0.0), 0.01)):
                    message = self._conn.recv()
                    if wanted(message):
                        return message
            except (EOFError, OSError):
                pass  # the child closed its end: judged below by its exit code
            if not self._proc.is_alive():
                self._proc.join(1.0)
                code = self._proc.exitcode
                self.stop()
                raise ChildCrashedError(f"{self.name} died while {doing}: {describe_exit(code)}")
            if time.monotonic() >= deadline:
                raise ChildTimeoutError(f"{self.name} did not answer within the deadline while {doing}")

    def stop(self) -> None:
        """Kill the child (idempotent)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._proc is not None:
            if self._proc.is_alive():
                self._proc.kill()
            self._proc.join(2.0)
            self._proc = None
