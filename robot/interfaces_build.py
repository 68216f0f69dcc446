"""Build the vendor interface packages in interfaces/ and install them into this Python environment.

``python -m robot.interfaces_build`` generates control_msgs, controller_manager_msgs, franka_msgs and
ur_dashboard_msgs (the subsets kept in interfaces/, byte-for-byte upstream), and armstack's own
armstack_interfaces, with the rosidl generators and ament_cmake from the ``ros-*`` wheels, so the same types go on
the wire as with the vendors' drivers. The build lands in a cache folder keyed by the hash of the definitions, the
generator versions and the interpreter, ``~/.cache/armstack/ros_interfaces/<key>`` (``ARMSTACK_CACHE`` moves the
root), and is installed as one wheel laid out like the ``ros-*`` wheels: shared libraries in ``<prefix>/lib`` (on
the loader path the wheels' bootstrapper sets), Python packages in site-packages, the ament index in
``<prefix>/share``. Nothing needs sourcing afterwards.

On a machine with apt ROS 2 the vendor packages come from apt (ros-jazzy-control-msgs, ...): run nothing here.
A second run with the same key does nothing but check that the installed wheel is the cached one.
"""

from __future__ import annotations

import argparse
import base64
import csv
import fcntl
import hashlib
import importlib.metadata as md
import io
import os
import shutil
import subprocess
import sys
import sysconfig
import time
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from robot.errors import RobotError

REPO_ROOT = Path(__file__).resolve().parent.parent
INTERFACES_DIR = REPO_ROOT / "interfaces"
#: Built in this order; none depends on another.
PACKAGES = ("control_msgs", "controller_manager_msgs", "franka_msgs", "ur_dashboard_msgs", "armstack_interfaces")
DIST_NAME = "armstack_ros_interfaces"
BUILD_COMMAND = f"{Path(sys.executable).name} -m robot.interfaces_build  (or: make interfaces)"
_DEFINITION_SUFFIXES = (".msg", ".srv", ".action", ".txt", ".xml", ".cmake")


class InterfacesBuildError(RobotError):
    """The vendor interface packages could not be generated or installed."""


def definition_files() -> list[Path]:
    """Every file the generated code depends on, in a stable order."""
    return sorted(p for p in INTERFACES_DIR.rglob("*") if p.is_file() and p.suffix in _DEFINITION_SUFFIXES)


def _generator_versions() -> list[str]:
    names = sorted(d.metadata["Name"].lower() for d in md.distributions()
                   if d.metadata["Name"] and d.metadata["Name"].lower().startswith(("ros-rosidl", "ros-ament",
                                                                                       "ros-rclpy", "ros-rcl-")))
    return [f"{name}=={md.version(name)}" for name in sorted(set(names))]


def build_key() -> str:
    """Hash of the definitions, the generator and runtime wheel versions, the interpreter and the platform."""
    digest = hashlib.sha256()
    for path in definition_files():
        digest.update(str(path.relative_to(INTERFACES_DIR)).encode() + b"\0" + path.read_bytes() + b"\0")
    for line in [*_generator_versions(), sys.version, sysconfig.get_platform()]:
        digest.update(line.encode() + b"\n")
    return digest.hexdigest()[:16]


def cache_root() -> Path:
    base = Path(os.environ.get("ARMSTACK_CACHE", Path.home() / ".cache" / "armstack"))
    return base / "ros_interfaces"


def _wheel_tag() -> str:
    abi = f"cp{sys.version_info.major}{sys.version_info.minor}"
    return f"{abi}-{abi}-{sysconfig.get_platform().replace('-', '_').replace('.', '_')}"


def wheel_path(key: str) -> Path:
    return cache_root() / key / f"{DIST_NAME}-1.0+{key}-{_wheel_tag()}.whl"


def _build_env() -> dict[str, str]:
    prefix = sys.prefix
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env["AMENT_PREFIX_PATH"] = os.pathsep.join(p for p in (prefix, env.get("AMENT_PREFIX_PATH", "")) if p)
    env["CMAKE_PREFIX_PATH"] = os.pathsep.join(p for p in (prefix, env.get("CMAKE_PREFIX_PATH", "")) if p)
    env.setdefault("CMAKE_BUILD_PARALLEL_LEVEL", str(os.cpu_count() or 2))
    return env


def _run(cmd: Sequence[str], *, log: Path, env: dict[str, str]) -> None:
    with log.open("ab") as out:
        out.write(("$ " + " ".join(cmd) + "\n").encode())
        out.flush()
        result = subprocess.run(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, check=False)
    if result.returncode != 0:
        tail = log.read_text(errors="replace").splitlines()[-25:]
        raise InterfacesBuildError(f"{cmd[0]} exited {result.returncode}; log {log}:\n" + "\n".join(tail))


def _cmake_build(package: str, *, work: Path, prefix: Path, log: Path) -> None:
    if shutil.which("cmake") is None:
        raise InterfacesBuildError("cmake is not on PATH; install it (apt-get install cmake g++) and rerun")
    env = _build_env()
    build_dir = work / "build" / package
    _run(["cmake", "-S", str(INTERFACES_DIR / package), "-B", str(build_dir),
          f"-DCMAKE_INSTALL_PREFIX={prefix}", f"-DCMAKE_PREFIX_PATH={sys.prefix}",
          f"-DPython3_EXECUTABLE={sys.executable}", "-DBUILD_TESTING=OFF", "-DCMAKE_BUILD_TYPE=Release",
          f"-DCMAKE_PROJECT_INCLUDE={INTERFACES_DIR / 'cmake' / 'pypi_wheel_paths.cmake'}"], log=log, env=env)
    _run(["cmake", "--build", str(build_dir)], log=log, env=env)
    _run(["cmake", "--install", str(build_dir)], log=log, env=env)


def _wheel_members(prefix: Path, key: str) -> Iterator[tuple[str, Path]]:
    """(name in the wheel, file) for the install prefix, in the ``ros-*`` wheels' layout."""
    site = prefix / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" / "site-packages"
    data = f"{DIST_NAME}-1.0+{key}.data/data"
    for path in sorted(prefix.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        if path.is_relative_to(site):
            yield path.relative_to(site).as_posix(), path
        else:
            yield f"{data}/{path.relative_to(prefix).as_posix()}", path


def _write_wheel(prefix: Path, key: str, target: Path) -> None:
    dist_info = f"{DIST_NAME}-1.0+{key}.dist-info"
    metadata = (f"Metadata-Version: 2.1\nName: {DIST_NAME}\nVersion: 1.0+{key}\n"
                "Summary: vendor ROS interfaces generated from armstack's interfaces/ (" + ", ".join(PACKAGES) + ")\n")
    wheel = f"Wheel-Version: 1.0\nGenerator: robot.interfaces_build\nRoot-Is-Purelib: false\nTag: {_wheel_tag()}\n"
    records: list[tuple[str, str, str]] = []
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        def add(name: str, payload: bytes, mode: int = 0o644) -> None:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = (0o100000 | mode) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, payload)
            sha = base64.urlsafe_b64encode(hashlib.sha256(payload).digest()).rstrip(b"=").decode()
            records.append((name, f"sha256={sha}", str(len(payload))))

        for name, path in _wheel_members(prefix, key):
            add(name, path.read_bytes(), 0o755 if os.access(path, os.X_OK) else 0o644)
        add(f"{dist_info}/METADATA", metadata.encode())
        add(f"{dist_info}/WHEEL", wheel.encode())
        record = io.StringIO()
        writer = csv.writer(record, lineterminator="\n")
        writer.writerows([*records, (f"{dist_info}/RECORD", "", "")])
        zf.writestr(zipfile.ZipInfo(f"{dist_info}/RECORD", date_time=(1980, 1, 1, 0, 0, 0)), record.getvalue())


def build(key: str, *, log_stream: io.TextIOBase | None = None) -> Path:
    """Build the wheel for ``key`` into the cache unless it is there; returns its path. Atomic: a partial
    build never looks finished."""
    target = wheel_path(key)
    if target.is_file():
        return target
    final = target.parent
    work = final.with_name(final.name + ".partial")
    shutil.rmtree(work, ignore_errors=True)
    (work / "dist").mkdir(parents=True)
    log = work / "build.log"
    prefix = work / "install"
    for package in PACKAGES:
        started = time.monotonic()
        _cmake_build(package, work=work, prefix=prefix, log=log)
        if log_stream is not None:
            print(f"  {package}: {time.monotonic() - started:.1f} s", file=log_stream, flush=True)
    partial_wheel = work / "dist" / target.name
    _write_wheel(prefix, key, partial_wheel)
    final.mkdir(parents=True, exist_ok=True)
    shutil.copy2(log, final / "build.log")
    os.replace(partial_wheel, target)
    shutil.rmtree(work, ignore_errors=True)
    return target


def installed_key() -> str | None:
    """The key of the wheel installed in this environment, or None."""
    try:
        version = md.version(DIST_NAME)
    except md.PackageNotFoundError:
        return None
    return version.partition("+")[2] or None


def install(wheel: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall",
                             str(wheel)], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise InterfacesBuildError(f"pip could not install {wheel}: {result.stderr.strip()[-2000:]}")


def import_check() -> str:
    """Import every generated package in a fresh interpreter (the way every other process will)."""
    code = ("from rclpy.type_support import check_for_type_support\n"
            "from robot.ros_interfaces import interface_types\n"
            "for t in interface_types().values():\n    check_for_type_support(t)\n"
            "print('ok')\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    if result.returncode != 0 or "ok" not in result.stdout:
        raise InterfacesBuildError(f"the installed interfaces do not import: {result.stderr.strip()[-1500:]}")
    return "ok"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m robot.interfaces_build", description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="rebuild even when the cache holds this key")
    parser.add_argument("--print-key", action="store_true", help="print the build key and exit")
    args = parser.parse_args(argv)
    key = build_key()
    if args.print_key:
        print(key)
        return 0
    if installed_key() == key and wheel_path(key).is_file() and not args.force:
        print(f"ros interfaces {key}: installed")
        return 0
    cache_root().mkdir(parents=True, exist_ok=True)
    try:
        # One builder per machine: two checkouts (or make -j) building the same key wait for each other.
        with (cache_root() / ".lock").open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if args.force:
                shutil.rmtree(wheel_path(key).parent, ignore_errors=True)
            started = time.monotonic()
            cached = wheel_path(key).is_file()
            if not cached:
                print(f"building ROS interfaces {', '.join(PACKAGES)} ({key}) ...", flush=True)
            wheel = build(key, log_stream=sys.stdout)  # type: ignore[arg-type]
            built_s = time.monotonic() - started
            install(wheel)
            import_check()
    except InterfacesBuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    how = "cached" if cached else f"built in {built_s:.1f} s"
    print(f"ros interfaces {key}: {how}, installed from {wheel}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
