"""``policy_start_timeout_s``: how long the bridge's policy process may take to start (torch, the checkpoint, the
sentence encoder). A wrong value is refused with its name and range, in the parameter file as in code; the shipped
parameter files, both launch files and the bridge agree on the default; and the bridge's policy process is bounded
by it: a policy that does not start in time stops the start with a message naming the parameter, its child not left
running (it was, loading on, before session 17)."""

from __future__ import annotations

import ast
import contextlib
import math
import multiprocessing
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from robot.errors import ParameterError, RobotError
from robot.params import BridgeParams, bridge_params_from_mapping, load_bridge_params
from robot.policy_process import START_TIMEOUT_S

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "launch" / "config"
BRIDGE = Path(sys.executable).parent / "armstack-bridge"
RANGE = r"policy_start_timeout_s must be a number in \[1\.0, 3600\.0\], got "


@pytest.mark.parametrize("bad", [0.0, 0.5, -120.0, 3601.0, math.nan, math.inf, "300", True, None])
def test_a_wrong_start_timeout_is_refused_naming_the_parameter_and_its_range(bad: object) -> None:
    with pytest.raises(ParameterError, match=RANGE + re.escape(repr(bad))):
        bridge_params_from_mapping({"policy_start_timeout_s": bad})


def test_the_bounds_and_whole_numbers_are_accepted() -> None:
    for good in (1.0, 3600.0, 300):
        assert bridge_params_from_mapping({"policy_start_timeout_s": good}).policy_start_timeout_s == good


def test_a_wrong_start_timeout_in_the_parameter_file_exits_2_before_ros_starts(tmp_path: Path) -> None:
    data = yaml.safe_load((CONFIG / "panda.yaml").read_text())
    data["armstack_bridge"]["ros__parameters"]["policy_start_timeout_s"] = 0.0
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(data))
    proc = subprocess.run([str(BRIDGE), "--ros-args", "--params-file", str(bad)], capture_output=True, text=True,
                          timeout=120, check=False, cwd=ROOT)
    assert proc.returncode == 2, proc.stderr
    assert "policy_start_timeout_s must be a number in [1.0, 3600.0], got 0.0" in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr


def _launch_default_and_type(name: str) -> tuple[str, str]:
    """The launch argument's default and the ``value_type`` its bridge override is read as."""
    tree = ast.parse((ROOT / "launch" / name).read_text())
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)]
    declared = next(c for c in calls if c.func.id == "DeclareLaunchArgument"  # type: ignore[attr-defined]
                    and ast.literal_eval(c.args[0]) == "policy_start_timeout_s")
    default = next(ast.literal_eval(k.value) for k in declared.keywords if k.arg == "default_value")
    override = next(v for d in ast.walk(tree) if isinstance(d, ast.Dict) for k, v in zip(d.keys, d.values, strict=True)
                    if isinstance(k, ast.Constant) and k.value == "policy_start_timeout_s")
    assert isinstance(override, ast.Call)
    value_type = next(k.value for k in override.keywords if k.arg == "value_type")
    assert isinstance(value_type, ast.Name)
    return default, value_type.id


@pytest.mark.parametrize("launch", ["sim.launch.py", "real.launch.py"])
def test_the_files_the_launch_files_and_the_bridge_agree_on_the_default(launch: str) -> None:
    assert BridgeParams().policy_start_timeout_s == START_TIMEOUT_S == 120.0
    for robot in ("panda", "ur5e", "fr3"):
        assert load_bridge_params([str(CONFIG / f"{robot}.yaml")]).policy_start_timeout_s == START_TIMEOUT_S
    default, value_type = _launch_default_and_type(launch)
    assert float(default) == START_TIMEOUT_S and value_type == "float"  # a ROS double, as the node declares it


def test_a_policy_that_does_not_start_in_time_names_the_parameter_and_leaves_no_child(tmp_path: Path) -> None:
    pytest.importorskip("rclpy")
    from robot.bridge_node import load_policy

    # A checkpoint whose policy.json is a pipe nobody writes: the child's load blocks for good on opening it, as a
    # start slower than any timeout would, and the timeout is what ends the wait.
    slow = tmp_path / "slow_checkpoint"
    slow.mkdir()
    os.mkfifo(slow / "policy.json")
    before = {p.pid for p in multiprocessing.active_children()}
    began = time.monotonic()
    with pytest.raises(RobotError, match=r"policy '.*slow_checkpoint' did not start within policy_start_timeout_s "
                                         r"\(2 s; a loaded host may need more\): .* while starting"):
        load_policy(BridgeParams(policy=str(slow), policy_start_timeout_s=2.0))
    assert 2.0 <= time.monotonic() - began < 30.0  # the parameter's 2 s bounded the wait, not the default 120 s
    try:
        # active_children: the running ones (finished children are reaped first).
        left = [p.pid for p in multiprocessing.active_children() if p.pid not in before]
        assert not left, f"the timed-out policy child {left} is still running"
    finally:
        with contextlib.suppress(OSError):  # unblock a child left reading the pipe, so that it ends
            os.close(os.open(slow / "policy.json", os.O_WRONLY | os.O_NONBLOCK))



def test_the_agents_skill_policies_start_within_the_bridges_policy_start_timeout(tmp_path: Path) -> None:
    """A skill's checkpoint (``skill_policies``) starts its process at the skill's first use: the same torch, text
    encoder and host as the bridge's policy, under the same bound (it was a fixed 120 s, SKILL_POLICY_START_S)."""
    from test_bridge_core import Loop

    from robot.agent_runner import SKILL_POLICY_START_S
    from sim.skills import ExecutionStoppedError

    assert SKILL_POLICY_START_S == START_TIMEOUT_S  # the default of both
    slow = tmp_path / "slow_checkpoint"
    slow.mkdir()
    os.mkfifo(slow / "policy.json")  # blocks the child's load for good (as above)
    loops = [Loop("panda", seed=3, planner="rules"), Loop("panda", seed=3, planner="rules", policy_start_timeout_s=2.0)]
    before = {p.pid for p in multiprocessing.active_children()}
    try:
        default, skills = (loop.core.start_agent("put the red cube in the bin", 0.0).skill_policies for loop in loops)
        assert default is not None and default.start_timeout_s == START_TIMEOUT_S
        assert skills is not None and skills.start_timeout_s == 2.0
        began = time.monotonic()
        with pytest.raises(ExecutionStoppedError, match=r"the skill's policy .*slow_checkpoint could not start"):
            skills.actor(str(slow), "put the red cube in the bin")
        assert 2.0 <= time.monotonic() - began < 30.0  # the bridge's 2 s bounded the wait, not 120 s
        left = [p.pid for p in multiprocessing.active_children() if p.pid not in before]
        assert not left, f"the timed-out skill policy child {left} is still running"
    finally:
        for loop in loops:
            loop.core.close()
        with contextlib.suppress(OSError):
            os.close(os.open(slow / "policy.json", os.O_WRONLY | os.O_NONBLOCK))
