"""A short run of the embedded model in a child process, before any process of ours depends on it.

llama.cpp is native code: a kernel that does not suit the CPU (the AVX-512/AMX kernels of a ``-march=native``
build segfault on Sapphire Rapids Xeons in ``ggml_backend_amx_mul_mat``) kills the whole process without a
Python exception. The planner, the agent, the demo and the bridge must not die that way, so the model first
loads and evaluates a prompt in a child; a crash there becomes ``ModelCrashedError`` naming the signal and
how to rebuild. A passing result is remembered on disk per (llama.cpp library, model file, CPU), so only the
first use on a machine pays for it (about 1 s).
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from policies.planner.errors import ModelUnavailableError

# The install builds this (Makefile: LLAMA_CMAKE_ARGS); a wheel built with -march=native is what crashes.
REBUILD_HINT = ("rebuild llama-cpp-python portably: `make install-llm` in the armstack checkout, or "
                "CMAKE_ARGS=\"-DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_AVX512=OFF "
                "-DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF\" pip install --force-reinstall "
                "--no-cache-dir --no-deps llama-cpp-python==0.3.36; meanwhile use --backend parser")

# Evaluates a batch (the prompt: batched matrix products, where the AMX kernels run) and then one token with
# logits for every position (the scorer's path), and checks the logits are finite.
_PROBE = r"""
import json, sys, time
import numpy as np
from llama_cpp import Llama, llama_print_system_info
t0 = time.perf_counter()
llm = Llama(model_path=sys.argv[1], n_ctx=512, n_threads=1, n_threads_batch=1, logits_all=True, verbose=False)
prompt = ("Objects: red_cube, green_cube, blue_cube.\nInstruction: put the red cube on the blue one, "
          "then put the green cube in the bin\nPlan:")
tokens = llm.tokenize(prompt.encode(), add_bos=True, special=False)
llm.eval(tokens)
llm.eval(llm.tokenize(b" pick", add_bos=False, special=False))
finite = bool(np.isfinite(np.asarray(llm.scores[: llm.n_tokens])).all())
info = llama_print_system_info()
print(json.dumps({"tokens": llm.n_tokens, "finite": finite, "seconds": time.perf_counter() - t0,
                  "system_info": info.decode() if isinstance(info, bytes) else str(info)}))
"""


class ModelCrashedError(ModelUnavailableError):
    """The embedded model crashed or misbehaved in its self-test: the planner will not load it in-process."""


@dataclass(frozen=True, kw_only=True)
class SelfTestResult:
    """``ok``: the child evaluated the prompt with finite logits; ``detail``: why not, or the build's CPU
    features; ``seconds``: wall time of the child (start, import, load, evaluation)."""

    ok: bool
    seconds: float
    detail: str
    returncode: int | None
    cached: bool = False


def describe_exit(returncode: int | None) -> str:
    """'killed by SIGSEGV (signal 11)' for a negative return code, 'exit status N' otherwise."""
    if returncode is None:
        return "timed out"
    if returncode < 0:
        try:
            name = signal.Signals(-returncode).name
        except ValueError:
            name = "an unknown signal"
        return f"killed by {name} (signal {-returncode})"
    return f"exit status {returncode}"


def run_child(code: str, args: list[str], *, timeout: float) -> tuple[int | None, str, str, float]:
    """Run ``python -c code args`` with the thread counts pinned; (return code or None on timeout, out, err, s)."""
    env = dict(os.environ, OMP_NUM_THREADS="1")
    start = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                              timeout=timeout, env=env, check=False)
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout.decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
        err = exc.stderr.decode() if isinstance(exc.stderr, bytes) else (exc.stderr or "")
        return None, out, err, time.perf_counter() - start
    return proc.returncode, proc.stdout, proc.stderr, time.perf_counter() - start


def _library_fingerprint() -> str:
    """Identifies the installed llama.cpp build and this CPU: a rebuild or another machine re-runs the test."""
    import importlib.util

    parts: list[str] = []
    spec = importlib.util.find_spec("llama_cpp")
    if spec is not None and spec.origin:
        lib_dir = Path(spec.origin).parent / "lib"
        for lib in sorted(lib_dir.glob("*.so*")) if lib_dir.is_dir() else []:
            st = lib.stat()
            parts.append(f"{lib.name}:{st.st_size}:{st.st_mtime_ns}")
    try:
        cpu = [line for line in Path("/proc/cpuinfo").read_text().splitlines()
               if line.startswith(("model name", "flags"))][:2]
    except OSError:
        cpu = []
    return hashlib.sha256("\n".join(parts + cpu).encode()).hexdigest()


def _cache_file() -> Path:
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return root / "armstack" / "model_selftest.json"


def _cache_key(model_path: Path) -> str:
    st = model_path.stat()
    return f"{_library_fingerprint()}:{model_path.resolve()}:{st.st_size}:{st.st_mtime_ns}"


def _read_cache() -> dict[str, dict[str, object]]:
    try:
        data = json.loads(_cache_file().read_text())
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _remember(key: str, result: SelfTestResult) -> None:
    path = _cache_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = _read_cache()
        data[key] = asdict(result)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, indent=1))
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home only costs the next process another self-test


def run_model_selftest(model_path: str | Path, *, timeout: float = 120.0, use_cache: bool = True,
                       probe: str = _PROBE) -> SelfTestResult:
    """Load ``model_path`` and evaluate a short prompt in a child process; never raises for a crash."""
    path = Path(model_path)
    if not path.is_file():
        return SelfTestResult(ok=False, seconds=0.0, detail=f"model file {path} does not exist", returncode=None)
    key = _cache_key(path)
    if use_cache and probe is _PROBE:
        hit = _read_cache().get(key)
        if isinstance(hit, dict) and hit.get("ok") is True:
            return SelfTestResult(ok=True, seconds=float(str(hit.get("seconds", 0.0))),
                                  detail=str(hit.get("detail", "")), returncode=0, cached=True)
    code, out, err, seconds = run_child(probe, [str(path)], timeout=timeout)
    if code != 0:
        tail = " | ".join(err.strip().splitlines()[-3:])
        detail = f"the model's self-test child was {describe_exit(code)}" + (f": {tail}" if tail else "")
        return SelfTestResult(ok=False, seconds=seconds, detail=detail, returncode=code)
    try:
        report = json.loads(out.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return SelfTestResult(ok=False, seconds=seconds, detail=f"unreadable self-test output: {out[-200:]!r}",
                              returncode=code)
    if not report.get("finite"):
        return SelfTestResult(ok=False, seconds=seconds, detail="the model produced non-finite logits",
                              returncode=code)
    features = [f.split(" = ")[0].split(":")[-1].strip() for f in str(report.get("system_info", "")).split("|")
                if f.strip().endswith("= 1")]
    result = SelfTestResult(ok=True, seconds=round(seconds, 3),
                            detail=f"{report.get('tokens')} tokens evaluated; CPU kernels: {' '.join(features)}",
                            returncode=0)
    if probe is _PROBE:
        _remember(key, result)
    return result


@functools.lru_cache(maxsize=4)
def _checked(path: str) -> SelfTestResult:
    return run_model_selftest(path)


def ensure_model_works(model_path: str | Path) -> SelfTestResult:
    """The self-test's result for ``model_path`` (once per process); ``ModelCrashedError`` when it failed."""
    result = _checked(str(Path(model_path).resolve()))
    if not result.ok:
        _checked.cache_clear()  # a rebuild in between must be seen by the next attempt
        raise ModelCrashedError(f"the embedded planner model is unusable on this machine: {result.detail}. "
                                f"{REBUILD_HINT}")
    return result
