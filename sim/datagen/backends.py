"""Where attempts run: worker processes on this machine, or Ray tasks on a local runtime or cluster."""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import os
from typing import Any, Protocol

from sim.datagen.config import DatagenConfig
from sim.datagen.shards import generate_to_shard
from sim.errors import ConfigError


class Backend(Protocol):
    def submit(self, attempt: int) -> Any: ...

    def wait_any(self, handles: list[Any]) -> list[tuple[Any, dict[str, Any]]]: ...

    def close(self) -> None: ...


def _init_worker() -> None:
    os.environ.setdefault("MUJOCO_GL", "egl")
    os.environ.setdefault("PYOPENGL_PLATFORM", os.environ["MUJOCO_GL"])
    # One physics thread per worker: the workers are the parallelism.
    os.environ.setdefault("OMP_NUM_THREADS", "1")


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


class LocalBackend:
    """A pool of ``workers`` spawned processes, each keeping its environment between attempts."""

    def __init__(self, config: DatagenConfig) -> None:
        self.config = config
        self.pool = cf.ProcessPoolExecutor(max_workers=config.workers, mp_context=multiprocessing.get_context("spawn"),
                                           initializer=_init_worker)

    def submit(self, attempt: int) -> Any:
        return self.pool.submit(generate_to_shard, self.config, attempt)

    def wait_any(self, handles: list[Any]) -> list[tuple[Any, dict[str, Any]]]:
        done, _ = cf.wait(handles, return_when=cf.FIRST_COMPLETED)
        return [(h, h.result()) for h in done]

    def close(self) -> None:
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
                ray.init(address=config.ray_address, log_to_driver=False)
            else:
                ray.init(num_cpus=config.workers, include_dashboard=False, log_to_driver=False,
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


def make_backend(config: DatagenConfig) -> Backend:
    if config.backend == "ray":
        return RayBackend(config)
    if config.workers == 1:
        return InlineBackend(config)
    return LocalBackend(config)
