"""Bridge parameters: the shipped files load, bad values and unknown keys are refused with a reason, and the
node exits with code 2 and a clear message on a missing or invalid parameter file (before starting ROS)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from robot.errors import ParameterError
from robot.params import BridgeParams, bridge_params_from_mapping, load_bridge_params

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "launch" / "config"
BRIDGE = Path(sys.executable).parent / "armstack-bridge"


@pytest.mark.parametrize("robot", ["panda", "ur5e", "fr3"])
def test_shipped_parameter_files_load(robot: str) -> None:
    params = load_bridge_params([str(CONFIG / f"{robot}.yaml")])
    assert params.robot == robot and params.control_rate_hz == 100.0
    arm, fingers = params.joint_names()
    assert len(arm) in (6, 7) and len(fingers) == 2
    assert params.monitor_config().control_period == pytest.approx(0.01)


@pytest.mark.parametrize(("values", "match"), [
    ({"control_rate_hz": 5}, "control_rate_hz must be a number in"),
    ({"command_interface": "velocity"}, "command_interface must be one of position, trajectory"),
    ({"robot": "kuka"}, "unknown robot 'kuka'; valid: panda, ur5e, fr3"),
    ({"policy": "/no/such/dir"}, "neither 'expert' nor an existing checkpoint directory"),
    ({"estop_heartbeat": "yes"}, "estop_heartbeat must be true or false"),
    ({"frozen_repeats": 2.5}, "frozen_repeats must be an integer"),
    ({"policy_rate_hz": 50.0, "control_rate_hz": 20.0}, "must not exceed control_rate_hz"),
    ({"controller": "/abs"}, "relative topic name"),
    ({"bogus": 1}, "unknown key\\(s\\) 'bogus'; valid keys: "),
    ({"stop_deactivates_controller": True}, "stop_deactivates_controller needs a profile with a controller manager "
                                            "\\(ur, franka\\), not 'generic'"),
    ({"calibration_max_age_days": 0.0}, "calibration_max_age_days must be a number in \\[0.01, 3650.0\\]"),
    ({"controller_watch_hz": 100.0}, "controller_watch_hz must be a number in \\[0.0, 50.0\\]"),
    ({"stop_deactivate_delay_s": -1.0}, "stop_deactivate_delay_s must be a number in"),
    ({"calibration_file": 3}, "calibration_file must be a file path or ''"),
    ({"trajectory_stamp": "tick"}, "trajectory_stamp tick needs command_interface trajectory, got 'position'"),
    ({"trajectory_stamp": "tick", "command_interface": "trajectory", "clock_offset_max_s": 0.005},
     "clock_offset_max_s \\(0.005 s\\) must be below 0.005 s: the stream's horizon \\(1.5 control periods\\)"),
    ({"trajectory_stamp": "tick", "command_interface": "trajectory", "control_rate_hz": 500.0},
     "clock_offset_max_s \\(0.002 s\\) must be below 0.001 s"),
    ({"trajectory_stamp": "tick", "command_interface": "trajectory", "profile": "ur", "robot": "ur5e",
      "arm_on_start": False}, "trajectory_stamp tick is not for the 'ur' profile: its scaled_joint_trajectory"),
    ({"robot_calibration_file": "/tmp/kinematics.yaml"}, "the 'generic' profile has no user kinematic calibration"),
    ({"robot_calibration_file": "/tmp/kinematics.yaml", "profile": "franka", "arm_on_start": False},
     "the 'franka' profile has no user kinematic calibration \\(only ur\\)"),
])
def test_bad_parameters_are_refused_with_a_reason(values: dict, match: str) -> None:
    with pytest.raises(ParameterError, match=match):
        bridge_params_from_mapping(values)


def test_tick_stamps_and_robot_calibration_are_accepted_where_they_mean_something() -> None:
    franka = load_bridge_params([str(CONFIG / "fr3.yaml"), str(CONFIG / "overlay" / "franka.yaml")])
    assert franka.trajectory_stamp == "tick" and franka.command_interface == "trajectory"
    ur = bridge_params_from_mapping({"profile": "ur", "robot": "ur5e", "arm_on_start": False,
                                     "robot_calibration_file": "/tmp/kinematics.yaml"})
    assert ur.robot_calibration_file == "/tmp/kinematics.yaml"


def test_whole_numbers_are_accepted_for_rates() -> None:
    assert bridge_params_from_mapping({"control_rate_hz": 200}).control_period == pytest.approx(0.005)
    assert BridgeParams().sim_model == "panda" and BridgeParams(robot="fr3").sim_model == "panda"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BRIDGE), *args], capture_output=True, text=True, timeout=120, check=False, cwd=ROOT)


def test_missing_or_invalid_parameter_file_exits_2_with_a_clear_message(tmp_path: Path) -> None:
    proc = _run("--ros-args", "--params-file", str(tmp_path / "missing.yaml"))
    assert proc.returncode == 2, proc.stderr
    assert "missing.yaml' does not exist" in proc.stderr and "Traceback" not in proc.stderr
    bad = tmp_path / "bad.yaml"
    data = yaml.safe_load((CONFIG / "panda.yaml").read_text())
    data["armstack_bridge"]["ros__parameters"]["stale_period"] = 3  # a typo of stale_periods
    bad.write_text(yaml.safe_dump(data))
    proc = _run("--ros-args", "--params-file", str(bad))
    assert proc.returncode == 2 and "unknown key(s) 'stale_period'" in proc.stderr and "stale_periods" in proc.stderr
