"""The bridge's learned policy in a process of its own, answering each control tick within its deadline.

Torch inference is native code that can crash, and a network can overrun; in the bridge's process either
would stop the tick that runs the safety monitor. ``PolicyProcess`` loads the checkpoint in a spawned
child and asks it for one action per tick, waiting at most ``deadline_s``. An overrun raises
``PolicyDeadlineError`` at once (the bridge's ``policy_deadline`` fault holds the arm); the late answer is
dropped when it comes. A child that stays busy past ``hang_s``, or dies, is replaced in the background, and
``act`` raises ``PolicyUnavailableError`` until the new one is ready: the tick never waits for a start-up.
"""

from __future__ import annotations

import threading
import time
from multiprocessing.connection import Connection
from typing import Any

import numpy as np

from robot.child_process import ChildCrashedError, ChildProcessError, ChildTimeoutError, ChildWorker

START_TIMEOUT_S = 120.0
"""How long (s) a policy's child may take to load its checkpoint and answer ready, at start-up and after a restart
(the bridge's ``policy_start_timeout_s``)."""


class PolicyDeadlineError(ChildTimeoutError):
    """The policy did not answer within the tick's deadline."""


class PolicyUnavailableError(ChildProcessError):
    """The policy's process is (re)starting or failed to start."""


def _serve(conn: Connection, policy_dir: str, robot: str | None) -> None:
    """The child: load the checkpoint, then answer ``(seq, ("act", obs) | ("reset", None))`` until EOF."""
    import torch

    torch.set_num_threads(1)  # one core for inference; the parent's control loop keeps the other
    from policies.policy import load

    try:
        policy = load(policy_dir) if robot is None else load(policy_dir, robot=robot)
        # The sentence encoder loads in seconds: inside the first action for a new instruction it was a "hang", and
        # each replacement child hung the same way, so an instruction not yet in the embedding cache never acted.
        # Loaded here, within start_timeout_s, a new instruction costs one encoder pass.
        warm = getattr(policy, "warm", None)
        if warm is not None:
            warm()
    except Exception as exc:  # reported to the parent, which refuses to start the policy with it
        conn.send({"error": f"{type(exc).__name__}: {exc}"})
        return
    conn.send({"ready": True})
    while True:
        try:
            seq, (op, obs) = conn.recv()
        except EOFError:
            return
        try:
            if op == "reset":
                policy.reset()
                conn.send((seq, {"ok": True}))
            else:
                conn.send((seq, {"action": np.asarray(policy.act(obs), dtype=np.float64)}))
        except Exception as exc:  # a raising policy is an answer: the bridge's policy_crash fault
            conn.send((seq, {"error": f"{type(exc).__name__}: {exc}"}))


class PolicyProcess:
    """``act(obs)`` and ``reset()`` of the checkpoint at ``policy_dir``, answered by a child process."""

    def __init__(self, policy_dir: str, *, deadline_s: float, hang_s: float = 1.0,
                 start_timeout_s: float = START_TIMEOUT_S, robot: str | None = None) -> None:
        if not 0 < deadline_s <= hang_s:
            raise ChildProcessError(f"need 0 < deadline_s <= hang_s, got {deadline_s!r} and {hang_s!r}")
        self.policy_dir, self.deadline_s, self.hang_s = policy_dir, float(deadline_s), float(hang_s)
        self.start_timeout_s = float(start_timeout_s)
        self.robot = robot
        self._worker = self._new_worker()
        self._worker.start(start_timeout_s)  # at node start-up: a checkpoint that cannot load stops it here
        self._busy_since: float | None = None  # an abandoned request still computing in the child
        self._busy_seq = 0
        self._restarting: threading.Thread | None = None
        self._lock = threading.Lock()

    def _new_worker(self) -> ChildWorker:
        return ChildWorker(_serve, (self.policy_dir, self.robot), name=f"the policy process ({self.policy_dir})")

    @property
    def pid(self) -> int | None:
        return self._worker.pid

    def _restart_in_background(self) -> None:
        self._worker.stop()
        self._busy_since = None

        def start() -> None:
            worker = self._new_worker()
            try:
                worker.start(self.start_timeout_s)
            except ChildProcessError:
                return  # act() keeps raising PolicyUnavailableError; the next act() tries again
            with self._lock:
                self._worker = worker

        self._restarting = threading.Thread(target=start, name="policy_restart", daemon=True)
        self._restarting.start()

    def _request(self, op: str, obs: Any) -> dict[str, Any]:
        with self._lock:
            if self._restarting is not None and self._restarting.is_alive():
                raise PolicyUnavailableError(f"{self._worker.name} is restarting")
            if not self._worker.alive:
                self._restart_in_background()
                raise PolicyUnavailableError(f"{self._worker.name} is not running; restarting it")
            busy_since = self._busy_since
            if busy_since is not None:
                # The child is still on an abandoned request: its answer must come before a new one can.
                try:
                    self._worker.wait(self._busy_seq, time.monotonic(), "finishing a late answer")
                    self._busy_since = None
                except ChildTimeoutError:
                    if time.monotonic() - busy_since > self.hang_s:
                        self._restart_in_background()
                        raise PolicyUnavailableError(f"{self._worker.name} hung for more than {self.hang_s:g} s; "
                                                     "restarting it") from None
                    raise PolicyDeadlineError(f"{self._worker.name} is still computing a late answer") from None
            seq = self._worker.send((op, obs))
            sent = time.monotonic()
            try:
                reply: dict[str, Any] = self._worker.wait(seq, sent + self.deadline_s, op)
                if time.monotonic() - sent > self.deadline_s:  # came, but late (the pipe's poll rounds up)
                    raise PolicyDeadlineError(f"{self._worker.name} answered after its "
                                              f"{self.deadline_s * 1e3:.3g} ms deadline")
            except PolicyDeadlineError:
                raise
            except ChildTimeoutError:
                self._busy_since, self._busy_seq = time.monotonic(), seq
                raise PolicyDeadlineError(f"{self._worker.name} did not answer within "
                                          f"{self.deadline_s * 1e3:.1f} ms") from None
            except ChildCrashedError:
                self._restart_in_background()
                raise
        if "error" in reply:
            raise ChildProcessError(f"the policy raised {reply['error']}")
        return reply

    def act(self, obs: dict[str, Any]) -> np.ndarray:
        """The action for ``obs``; PolicyDeadlineError past ``deadline_s``, ChildCrashedError if it died."""
        return np.asarray(self._request("act", obs)["action"], dtype=np.float64)

    def reset(self) -> None:
        self._request("reset", None)

    def close(self) -> None:
        with self._lock:
            self._worker.stop()
