"""armstack is a ROS 2 package: colcon builds it, and the ament index finds its launch, config and nodes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NODES = {"bridge_node": "robot.bridge_node", "sim_arm_node": "robot.sim_arm_node",
         "perception_node": "robot.perception_node"}


def test_package_xml_is_format_3_ament_python_with_the_project_version() -> None:
    root = ET.parse(ROOT / "package.xml").getroot()
    assert root.tag == "package" and root.get("format") == "3"
    assert root.findtext("name") == "armstack"
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert root.findtext("version") == version
    assert root.findtext("export/build_type") == "ament_python"
    deps = {e.text for e in root.findall("exec_depend")}
    assert {"rclpy", "sensor_msgs", "trajectory_msgs", "diagnostic_msgs", "launch_ros"} <= deps


def test_every_entry_point_script_runs_the_console_script_of_its_node() -> None:
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    for name, module in NODES.items():
        text = (ROOT / "ros_entry" / name).read_text()
        assert os.access(ROOT / "ros_entry" / name, os.X_OK), name
        assert text.startswith("#!/usr/bin/env python3") and f"from {module} import main" in text
        assert f"{module}:main" in scripts.values()


@pytest.mark.slow
def test_colcon_builds_an_install_the_ament_index_resolves(tmp_path: Path) -> None:
    colcon = shutil.which("colcon") or str(Path(sys.executable).parent / "colcon")
    if not Path(colcon).exists():
        pytest.skip("colcon is not installed (pip install colcon-core colcon-ros colcon-python-setup-py)")
    src = tmp_path / "src"
    # A copy of the package files only: colcon must not write build output into the checkout.
    shutil.copytree(ROOT, src / "armstack", ignore=shutil.ignore_patterns(
        ".venv", ".git", "out", "tests", "bench", "build", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis"))
    proc = subprocess.run([colcon, "build", "--base-paths", str(src), "--build-base", str(tmp_path / "build"),
                           "--install-base", str(tmp_path / "install")], cwd=tmp_path, capture_output=True,
                          text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    prefix = tmp_path / "install" / "armstack"
    env = dict(os.environ, AMENT_PREFIX_PATH=str(prefix))
    probe = ("from ament_index_python.packages import get_package_share_directory, get_package_prefix\n"
             "print(get_package_share_directory('armstack')); print(get_package_prefix('armstack'))")
    share, found_prefix = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True,
                                         check=True).stdout.split()
    assert Path(found_prefix) == prefix
    share_dir = Path(share)
    # What `ros2 launch armstack sim.launch.py robot:=ur5e` reads.
    for rel in ("package.xml", "launch/sim.launch.py", "launch/real.launch.py", "launch/config/panda.yaml",
                "launch/config/ur5e.yaml", "launch/config/fr3.yaml", "launch/config/overlay/perception_loop.yaml"):
        assert (share_dir / rel).is_file(), rel
    # What `ros2 run armstack bridge_node` executes: <prefix>/lib/armstack/<name>, executable.
    for name in NODES:
        exe = prefix / "lib" / "armstack" / name
        assert exe.is_file() and os.access(exe, os.X_OK), exe
    assert (prefix / "share" / "ament_index" / "resource_index" / "packages" / "armstack").is_file()
