"""Where attempts run: worker processes on this machine, or Ray tasks on a local runtime or cluster."""

from __future__ import annotations

import collections
import concurrent.futures as cf
import multiprocessing
import os
import sys
import threading
from dataclasses import dataclass
from typing import Any, Protocol

from sim.datagen.config import DatagenConfig
from sim.datagen.episode import env_for
from sim.datagen.shards import generate_to_shard, warm_worker
from sim.errors import ConfigError


class Backend(Protocol):
    def submit(self, attempt: int) -> Any: ...

    def wait_any(self, handles: list[Any]) -> list[tuple[Any, dict[str, Any]]]: ...

    def close(self) -> None: ...


def worker_threads(workers: int) -> dict[str, str]:
    """Thread limits for a process that shares the machine with ``workers - 1`` other attempt runners.

    The workers are the parallelism: a BLAS or OpenMP pool per worker only oversubscribes the cores, and
    llvmpipe (software GL, when EGL has no GPU) hands every frame to its rasteriser threads, which under
    a loaded machine wait for a core at each hand-off. A value the user set is kept.
    """
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    per_worker = max(1, cores // max(workers, 1))
    limits = {name: "1" for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}
    # LP_NUM_THREADS=0 rasterises in the rendering thread itself (no hand-offs).
    limits["LP_NUM_THREADS"] = "0" if per_worker == 1 else str(per_worker)
    return {k: os.environ.get(k, v) for k, v in limits.items()}


def _exit_with_driver(driver: int, period: float = 0.5) -> None:
    """End this worker when the driver process is gone (killed by PID, not by process group).

    A pool worker otherwise waits for its next attempt forever (a forked one even holds the pool's pipes open
    itself), and with it the multiprocessing resource tracker, which exits once no process holds its pipe.
    """
    import time

    while True:
        time.sleep(period)
        if os.getppid() != driver:  # re-parented: the driver died
            os._exit(1)


def _init_worker(limits: dict[str, str], driver: int | None = None) -> None:
    if driver is not None:
        if os.getppid() != driver:
            os._exit(1)
        threading.Thread(target=_exit_with_driver, args=(driver,), name="exit-with-driver", daemon=True).start()
    os.environ.setdefault("MUJOCO_GL", "egl")
    os.environ.setdefault("PYOPENGL_PLATFORM", os.environ["MUJOCO_GL"])
    # llvmpipe reads LP_NUM_THREADS when this worker makes its first renderer, after this. The BLAS limits
    # only reach libraries loaded later: numpy's OpenBLAS may be up already (spawn re-imports __main__), but
    # its pool stays asleep on the IK's 6x7 solves. The driver, a worker too, keeps its own environment:
    # changing it would change the caller's later renderers.
    os.environ.update(limits)


class InlineBackend:
    """Runs attempts in this process (one worker: no process start-up, simplest debugging)."""

    def __init__(self, config: DatagenConfig) -> None:
        self.config = config

    def submit(self, attempt: int) -> Any:
        return generate_to_shard(self.config, attempt)

    def wait_any(self, handles: list[Any]) -> list[tuple[Any, dict[str, Any]]]:
        return [(h, h) for h in handles]

    def close(self) -> None:
        return None


@dataclass
class _Job:
    """An attempt handed to LocalBackend: queued, in the pool (``future``) or run by the driver."""

    attempt: int
    future: cf.Future[dict[str, Any]] | None = None


def start_method(config: DatagenConfig) -> str:
    """How LocalBackend starts its worker processes: ``fork`` for state-only runs, ``spawn`` with cameras.

    A forked worker is a copy of the driver: no interpreter start and no imports (a spawned worker spent
    ~0.5-0.8 s on them, while the driver ran alone: a third of a 40-episode state-only run on 2 cores), and
    it inherits the env the driver built. A GL context does not survive a fork (llvmpipe's rasteriser threads
    and the EGL display state stay behind), so workers that render are spawned and open their own.
    """
    if config.rgb or "fork" not in multiprocessing.get_all_start_methods():
        return "spawn"
    return "fork"


class LocalBackend:
    """``workers`` processes run attempts: this (driver) process and ``workers - 1`` started ones (see start_method).

    Attempts wait in one queue. A spawned worker gets the next one the moment it finishes (a callback on
    the pool's result thread), and the driver runs the next one itself whenever it has no result to
    collect. A spawned worker needs seconds to start (imports, env build, GL context): it first runs
    ``warm_worker`` and gets attempts only after that, so no attempt waits on a start-up while the
    driver could run it (with the driver idle and attempts queued behind start-ups, 2 workers ran 1.6x
    one). No attempt sits queued inside the pool, so at the end of a run nobody waits on an attempt an
    idle process could have run, and a worker still starting when the run ends is stopped, not awaited.
    """

    def __init__(self, config: DatagenConfig) -> None:
        self.config = config
        self.spawned = config.workers - 1
        method = start_method(config)
        if method == "fork":
            env_for(config)  # the driver needs it anyway; built before the fork, the workers have it too
        self.pool = cf.ProcessPoolExecutor(max_workers=self.spawned, mp_context=multiprocessing.get_context(method),
                                           initializer=_init_worker,
                                           initargs=(worker_threads(config.workers), os.getpid()))
        self.lock = threading.RLock()  # the pool's result thread dispatches too (_finished)
        self.queue: collections.deque[_Job] = collections.deque()
        self.unreported: list[_Job] = []  # sent to the pool, result not yet handed to the driver
        self.closed = False
        # Every slot starts busy with a start-up. (With more than one spawned worker, a fast one may take two
        # start-ups and a slow one none: it then starts up inside its first attempt, as before.)
        self.running = self.starting = self.spawned
        for _ in range(self.spawned):
            self.pool.submit(warm_worker, config).add_done_callback(self._started)

    def submit(self, attempt: int) -> Any:
        job = _Job(attempt)
        with self.lock:
            self.queue.append(job)
        self._dispatch()
        return job

    def _dispatch(self) -> None:
        with self.lock:
            while not self.closed and self.queue and self.running < self.spawned:
                job = self.queue.popleft()
                job.future = self.pool.submit(generate_to_shard, self.config, job.attempt)
                self.running += 1
                self.unreported.append(job)
                job.future.add_done_callback(self._finished)

    def _finished(self, _: cf.Future[Any]) -> None:
        with self.lock:
            self.running -= 1
        self._dispatch()

    def _started(self, future: cf.Future[Any]) -> None:
        with self.lock:
            self.starting -= 1
        self._finished(future)  # a failed start-up frees its slot too: the attempts sent there report the error

    def _collect(self, block: bool) -> list[tuple[Any, dict[str, Any]]]:
        with self.lock:
            futures = [j.future for j in self.unreported if j.future is not None]
        if not futures:
            return []
        done, _ = cf.wait(futures, timeout=None if block else 0, return_when=cf.FIRST_COMPLETED)
        with self.lock:
            finished = [j for j in self.unreported if j.future in done]
            self.unreported = [j for j in self.unreported if j.future not in done]
        return [(j, j.future.result()) for j in finished if j.future is not None]

    def wait_any(self, handles: list[Any]) -> list[tuple[Any, dict[str, Any]]]:
        results = self._collect(block=False)
        if results:
            return results
        with self.lock:
            job = self.queue.popleft() if self.queue else None
        if job is None:
            return self._collect(block=True)
        return [(job, generate_to_shard(self.config, job.attempt)), *self._collect(block=False)]

    def close(self) -> None:
        with self.lock:
            self.closed = True
            self.queue.clear()
            only_starting = self.running == self.starting
        if only_starting:
            # Nothing but start-ups left (a short run): they write nothing, so stop them instead of waiting.
            processes = list((getattr(self.pool, "_processes", None) or {}).values())
            self.pool.shutdown(wait=False, cancel_futures=True)
            for process in processes:
                process.terminate()
        # Wait for running attempts: they must not write shards after the driver cleans up.
        self.pool.shutdown(wait=True, cancel_futures=True)


class RayBackend:
    """Attempts as Ray tasks: a local Ray runtime, or the cluster at ``ray_address``.

    On a cluster the output folder must be on storage every node can write (each task writes
    its own shard there), and armstack must be installed on every node.
    """

    def __init__(self, config: DatagenConfig) -> None:
        try:
            import ray
        except ImportError as exc:
            raise ConfigError("--backend ray needs Ray: pip install 'ray>=2.9'") from exc
        self.ray = ray
        self.config = config
        if not ray.is_initialized():
            if config.ray_address:
                join_ray_cluster(ray, config.ray_address)
            else:
                # "local": a fresh runtime of our own, never a cluster someone started on this machine.
                ray.init(address="local", num_cpus=config.workers, include_dashboard=False, log_to_driver=False,
                         runtime_env={"env_vars": {"MUJOCO_GL": os.environ.get("MUJOCO_GL", "egl")}})
        self._task = ray.remote(num_cpus=1, max_retries=2)(generate_to_shard)

    def submit(self, attempt: int) -> Any:
        return self._task.remote(self.config, attempt)

    def wait_any(self, handles: list[Any]) -> list[tuple[Any, dict[str, Any]]]:
        ready, _ = self.ray.wait(handles, num_returns=1)
        return [(h, self.ray.get(h)) for h in ready]

    def close(self) -> None:
        if self.ray.is_initialized() and not self.config.ray_address:
            self.ray.shutdown()


HTTP2_PREFACE = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"
HTTP2_EMPTY_SETTINGS = b"\x00\x00\x00\x04\x00\x00\x00\x00\x00"  # length 0, type SETTINGS, no flags, stream 0
HTTP2_SETTINGS = 0x04
RAY_CONNECT_TIMEOUT_S = 3.0
"""How long ``--ray-address`` gets to accept a TCP connection: ``ray.init`` itself retried for ~21 s."""


def check_ray_address(address: str, timeout: float = RAY_CONNECT_TIMEOUT_S) -> None:
    """Fail fast, naming the address, when nothing listens at a ``host:port`` (or ``ray://host:port``) address.

    ``auto`` and other forms are left to Ray.
    """
    import socket

    target = address.removeprefix("ray://")
    host, sep, port = target.rpartition(":")
    if not sep or not port.isdigit() or not host:
        return
    host = host.strip("[]")
    try:
        with socket.create_connection((host, int(port)), timeout=timeout) as conn:
            # Ray's GCS (and Ray Client) speak gRPC: an HTTP/2 server answers the connection preface with its
            # SETTINGS frame. Anything else (an HTTP/1 proxy, another service) held ray.init for minutes.
            conn.sendall(HTTP2_PREFACE + HTTP2_EMPTY_SETTINGS)
            reply = b""
            while len(reply) < 9:
                chunk = conn.recv(9 - len(reply))
                if not chunk:
                    break
                reply += chunk
    except OSError as exc:
        reason = "timed out" if isinstance(exc, TimeoutError) else (exc.strerror or str(exc))
        raise ConfigError(f"--ray-address {address}: no Ray cluster answers at {host}:{port} ({reason} after "
                          f"at most {timeout:.0f} s); start one (ray start --head) or omit --ray-address for a "
                          "local runtime") from exc
    if len(reply) < 9 or reply[3] != HTTP2_SETTINGS:
        raise ConfigError(f"--ray-address {address}: something answers at {host}:{port}, but not a Ray cluster "
                          f"(no gRPC/HTTP-2 reply: {reply[:40]!r}); check the address (the head's GCS port, "
                          "6379 by default) or omit --ray-address for a local runtime")


def join_ray_cluster(ray: Any, address: str, timeout: float = RAY_CONNECT_TIMEOUT_S) -> None:
    """``ray.init(address)``, failing within seconds with one line when no Ray cluster answers there.

    Ray retries for ~20 s, logging a line per try from its C++ core straight to fd 2: those lines are held back
    while it connects, replayed when it succeeds, and the last one names the cause when it fails.
    """
    import logging
    import tempfile

    check_ray_address(address, timeout)
    wait_var = "RAY_gcs_server_port_wait_time_s"  # Ray's own budget of ~1 s connection tries
    wait_before = os.environ.get(wait_var)
    if wait_before is None:
        os.environ[wait_var] = str(max(1, round(timeout)))
    failure: BaseException | None = None
    with tempfile.TemporaryFile() as held:
        sys.stderr.flush()
        saved = os.dup(2)
        os.dup2(held.fileno(), 2)
        try:
            ray.init(address=address, log_to_driver=False, logging_level=logging.WARNING)
        except (ConnectionError, RuntimeError, ValueError, TimeoutError) as exc:
            failure = exc
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)
            if wait_before is None:
                os.environ.pop(wait_var, None)
        held.seek(0)
        logged = held.read().decode(errors="replace")
    if failure is None:
        if logged:
            sys.stderr.write(logged)
        return
    last = [line.split("] ", 1)[-1] for line in logged.splitlines() if line.strip()]
    if any(word in f"{failure}{logged}" for word in ("AuthToken", "Unauthenticated")):
        # Ray 2.5x+ heads turn token authentication on, and a driver given an explicit address sends its token
        # only when RAY_AUTH_MODE=token says so (Ray will not hand a secret to whatever listens there).
        raise ConfigError(f"--ray-address {address}: the cluster requires token authentication; run with "
                          "RAY_AUTH_MODE=token (the token is read from RAY_AUTH_TOKEN, RAY_AUTH_TOKEN_PATH or "
                          "~/.ray/auth_token, which `ray start --head` writes on the head)") from failure
    cause = f"; Ray's last log line: {last[-1][:200]}" if last else ""
    raise ConfigError(f"--ray-address {address}: cannot join a Ray cluster there ({str(failure).splitlines()[0]}"
                      f"{cause}); start one (ray start --head) or omit --ray-address for a local runtime"
                      ) from failure


WORKERS_PER_CORE = 4
"""Local worker processes allowed per core: past one per core they only share it (each holds an env and, with
cameras, a GL context: ~150 MB); ``--workers 100000`` forked until the machine ran out of memory."""


def check_workers(config: DatagenConfig) -> None:
    """Refuse more local worker processes than this machine can run (Ray tasks go to a cluster: not bounded here)."""
    if config.backend != "local":
        return
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    limit = WORKERS_PER_CORE * cores
    if config.workers > limit:
        raise ConfigError(f"--workers {config.workers} is more than this machine can run: at most {limit} "
                          f"({WORKERS_PER_CORE} per core, {cores} cores); one per core is the fastest")


def make_backend(config: DatagenConfig) -> Backend:
    if config.backend == "ray":
        return RayBackend(config)
    if config.workers == 1:
        return InlineBackend(config)
    return LocalBackend(config)
