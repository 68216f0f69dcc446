"""Hostile ROS input: oversize payloads are refused before they are parsed or planned (pure, tick by tick)."""

from __future__ import annotations

import pytest

from robot.safety.input_validation import (
    MAX_INSTRUCTION_CHARS,
    MAX_JOINTS,
    MAX_OBJECTS_CHARS,
    InputError,
    JointMap,
    check_instruction_size,
    parse_objects,
)


def test_an_instruction_of_a_megabyte_is_refused_unread() -> None:
    check_instruction_size("put the red cube in the bin")
    with pytest.raises(InputError, match=f"at most {MAX_INSTRUCTION_CHARS}"):
        check_instruction_size("put the red cube in the bin " * 40_000)


def test_a_megabyte_scene_is_refused_before_json_parsing() -> None:
    with pytest.raises(InputError, match=f"at most {MAX_OBJECTS_CHARS}"):
        parse_objects('{"objects": [' + ", ".join(['{"name": "red_cube"}'] * 60_000) + "]}")


def test_a_joint_state_with_a_million_names_is_refused_before_indexing() -> None:
    jm = JointMap(arm=("j1",), fingers=())
    names = [f"j{k}" for k in range(1_000_000)]
    with pytest.raises(InputError, match=f"at most {MAX_JOINTS}"):
        jm.parse(names, [0.0] * len(names), [], [], 0.0, 0.0)
