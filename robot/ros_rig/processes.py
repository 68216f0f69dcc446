"""Real DDS between processes, for tests and benches: domain ids, node subprocesses, and an in-process probe node.

- :func:`allocate_domain_id` hands out a ROS_DOMAIN_ID no other live test process on this machine holds (a
  lock file per id, reclaimed when its owner process is gone), so pytest-xdist workers, benches and other
  engineers' test runs never hear each other. Use it as a context manager: ``with allocate_domain_id() as domain: ...``.
- :class:`NodeProcess` starts a console-script node (``armstack-sim-arm``, ``armstack-bridge``, ...) with a
  params file in that domain, stops it with SIGINT (then SIGTERM, then SIGKILL), and keeps its output so a
  failing test can show it (:meth:`NodeProcess.output`).
- :class:`RosProbe` is an rclpy node in the calling process, on its own context in the same domain, that
  subscribes, records what arrives with arrival times, publishes, and waits for discovery.

Discovery takes a moment and the first messages are lost: wait for a publisher/subscriber match (or for a
first message) before asserting anything.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Keep discovery on this host: faster, and tests never talk to other machines on the network.
os.environ.setdefault("ROS_AUTOMATIC_DISCOVERY_RANGE", "LOCALHOST")

DOMAIN_RANGE = range(1, 101)  # Fast DDS maps domains 0..101 to ports; 0 is the default domain people use
_LOCK_DIR = Path(tempfile.gettempdir()) / "armstack_ros_domains"
REPO_ROOT = Path(__file__).resolve().parents[2]  # the checkout: nodes run there, launch/config is read there
BIN_DIR = Path(sys.executable).parent


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError as exc:
        return exc.errno == errno.EPERM
    return True


@contextlib.contextmanager
def allocate_domain_id() -> Iterator[int]:
    """A ROS_DOMAIN_ID held by this process until the block ends (unique across processes on this host)."""
    _LOCK_DIR.mkdir(exist_ok=True)
    offset = (os.getpid() * 7) % len(DOMAIN_RANGE)  # spread start points so parallel workers rarely collide
    for k in range(len(DOMAIN_RANGE)):
        domain = DOMAIN_RANGE[(offset + k) % len(DOMAIN_RANGE)]
        lock = _LOCK_DIR / f"{domain}.lock"
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            try:
                owner = int(lock.read_text() or "0")
            except (OSError, ValueError):
                continue
            if owner and not _pid_alive(owner):
                with contextlib.suppress(OSError):
                    lock.unlink()  # a crashed run left it; the next pass of the loop may take it
            continue
        with os.fdopen(fd, "w") as f:
            f.write(str(os.getpid()))
        try:
            yield domain
        finally:
            with contextlib.suppress(OSError):
                lock.unlink()
        return
    raise RuntimeError(f"no free ROS_DOMAIN_ID in {DOMAIN_RANGE}; stale locks in {_LOCK_DIR}?")


def ros_env(domain: int) -> dict[str, str]:
    """The environment for a node subprocess in ``domain`` (headless MuJoCo, unbuffered output)."""
    env = dict(os.environ)
    env.update(ROS_DOMAIN_ID=str(domain), ROS_AUTOMATIC_DISCOVERY_RANGE="LOCALHOST", PYTHONUNBUFFERED="1",
               MUJOCO_GL=env.get("MUJOCO_GL", "egl"), RCUTILS_COLORIZED_OUTPUT="0")
    return env


@dataclass
class NodeProcess:
    """A node started from its console script in its own process (use as a context manager)."""

    script: str
    domain: int
    params_file: str | Path | None = None
    ros_args: Sequence[str] = ()
    args: Sequence[str] = ()
    _proc: subprocess.Popen[bytes] | None = field(default=None, init=False)
    _log: Any = field(default=None, init=False)

    def command(self) -> list[str]:
        cmd = [str(BIN_DIR / self.script), *self.args]
        ros = list(self.ros_args)
        if self.params_file is not None:
            ros = ["--params-file", str(self.params_file), *ros]
        return cmd + (["--ros-args", *ros] if ros else [])

    def start(self) -> NodeProcess:
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 - lives as long as the process; closed in stop()
        self._proc = subprocess.Popen(self.command(), env=ros_env(self.domain), cwd=REPO_ROOT,
                                      stdout=self._log, stderr=subprocess.STDOUT)
        return self

    def __enter__(self) -> NodeProcess:
        return self.start() if self._proc is None else self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def pid(self) -> int | None:
        """The node process's id (None before ``start``)."""
        return None if self._proc is None else self._proc.pid

    @property
    def returncode(self) -> int | None:
        return None if self._proc is None else self._proc.poll()

    def alive(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def wait(self, timeout: float) -> int:
        """Wait for the process to exit by itself; its exit code."""
        assert self._proc is not None, "start() first"
        return self._proc.wait(timeout=timeout)

    def stop(self, timeout: float = 15.0) -> int | None:
        """SIGINT, then SIGTERM, then SIGKILL (each after ``timeout`` s); the exit code.

        The timeout is generous: on a loaded box a node may need seconds to finish writing a recording.
        """
        proc = self._proc
        if proc is None:
            return None
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGKILL):
            if proc.poll() is not None:
                break
            proc.send_signal(sig)
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=timeout)
        return proc.wait()

    def output(self) -> str:
        """Everything the process wrote to stdout and stderr so far."""
        if self._log is None:
            return ""
        self._log.flush()
        self._log.seek(0)
        return str(self._log.read().decode(errors="replace"))


class RosProbe:
    """An rclpy node in the test process on its own context in ``domain`` (use as a context manager)."""

    def __init__(self, domain: int, name: str = "test_probe") -> None:
        import rclpy
        from rclpy.executors import SingleThreadedExecutor

        self.context = rclpy.Context()
        rclpy.init(context=self.context, domain_id=domain)
        self.node = rclpy.create_node(name, context=self.context)
        self.executor = SingleThreadedExecutor(context=self.context)
        self.executor.add_node(self.node)
        self.received: dict[str, list[tuple[float, Any]]] = {}
        self._publishers: dict[str, Any] = {}
        self._subscriptions: dict[str, Any] = {}

    def __enter__(self) -> RosProbe:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.executor.shutdown()
        self.node.destroy_node()
        self.context.try_shutdown()

    def subscribe(self, msg_type: Any, topic: str, qos: Any = 1000) -> list[tuple[float, Any]]:
        """Record every message on ``topic`` as (monotonic time handled, message); returns the live list.

        On a loaded machine this process may handle a 250 Hz stream late and in bursts: judge timing by the
        messages' header stamps where they have one (the deep default queue keeps them all).
        """
        store = self.received.setdefault(topic, [])
        self._subscriptions[topic] = self.node.create_subscription(
            msg_type, topic, lambda msg: store.append((time.monotonic(), msg)), qos)
        return store

    def is_subscribed(self, topic: str) -> bool:
        return topic in self._subscriptions

    def unsubscribe(self, topic: str) -> None:
        """Stop listening to ``topic`` (frees this process for timing-sensitive slower topics)."""
        self.node.destroy_subscription(self._subscriptions.pop(topic))

    def publisher(self, msg_type: Any, topic: str, qos: Any = 10) -> Any:
        if topic not in self._publishers:
            self._publishers[topic] = self.node.create_publisher(msg_type, topic, qos)
        return self._publishers[topic]

    def publish(self, msg_type: Any, topic: str, msg: Any) -> None:
        self.publisher(msg_type, topic).publish(msg)

    def spin_for(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            self.executor.spin_once(timeout_sec=min(0.02, left))

    def spin_until(self, predicate: Callable[[], bool], timeout: float,
                   proc: NodeProcess | None = None) -> bool:
        """Spin until ``predicate()`` holds (True) or ``timeout`` passes or ``proc`` exits (False)."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if predicate():
                return True
            if proc is not None and not proc.alive():
                return False
            self.executor.spin_once(timeout_sec=0.02)
        return predicate()

    def wait_for_messages(self, topic: str, count: int = 1, timeout: float = 20.0,
                          proc: NodeProcess | None = None) -> bool:
        """Wait until ``count`` messages on a subscribed ``topic`` have arrived."""
        store = self.received[topic]
        return self.spin_until(lambda: len(store) >= count, timeout, proc)

    def wait_for_subscriber(self, topic: str, timeout: float = 20.0, proc: NodeProcess | None = None) -> bool:
        """Wait until a publisher of ours on ``topic`` is matched by a subscriber (discovery done)."""
        pub = self._publishers[topic]
        return self.spin_until(lambda: pub.get_subscription_count() > 0, timeout, proc)

    def wait_for_topic(self, topic: str, timeout: float = 20.0, proc: NodeProcess | None = None) -> bool:
        """Wait until some node publishes ``topic`` (seen in the graph)."""
        fq = topic if topic.startswith("/") else f"/{topic}"
        return self.spin_until(lambda: bool(self.node.get_publishers_info_by_topic(fq)), timeout, proc)
