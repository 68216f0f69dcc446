"""The perception node's flat parameter section, split into its two configs by the one config loader."""

from __future__ import annotations

import pytest

from robot.errors import ParameterError
from robot.perception.node_params import NODE_NAME, perception_params_from_dict

POSE = [0, 0, 1, 1, 0, 0, 0]


@pytest.mark.parametrize(("params", "message"), [
    ({"camera_pose": 5}, "camera_pose must be a list, got int 5"),
    ({"camera_pose": POSE, "confirm_frames": "x"}, "confirm_frames must be int, got str 'x'"),
    ({"camera_pose": POSE, "max_frame_age_s": "a"}, "max_frame_age_s must be float, got str 'a'"),
    ({"camera_pose": POSE, "use_depth": 1}, "use_depth must be bool, got int 1"),
    ({"camera_pose": POSE, "method": "lidar"}, "unknown perception method 'lidar'"),
    ({"camera_pose": POSE, "fov": 45}, "unknown parameter(s) fov; valid:"),
])
def test_a_bad_parameter_is_one_line_naming_it(params: dict[str, object], message: str) -> None:
    with pytest.raises(ParameterError) as info:
        perception_params_from_dict(params)
    assert str(info.value).startswith(f"{NODE_NAME}: ") and message in str(info.value)


def test_lists_become_tuples_and_whole_numbers_pass_as_floats() -> None:
    params = perception_params_from_dict({"camera_pose": POSE, "regions": ["bin"], "max_frame_age_s": 1})
    assert params.topics.camera_pose == tuple(POSE) and params.perception.regions == ("bin",)
    assert params.topics.max_frame_age_s == 1
