"""The bridge's ``~/instruction`` reader takes its task names and place targets from the task registry."""

from __future__ import annotations

import json

import pytest

from robot.safety.input_validation import InputError, parse_instruction
from sim.tasks import PLACE_TARGETS, TASKS

OBJECTS = ("red_cube", "green_cube")


@pytest.mark.parametrize("target", [*PLACE_TARGETS, "green_cube"])
def test_every_registered_place_target_and_object_is_a_target(target: str) -> None:
    goal = parse_instruction(json.dumps({"task": "pick_place", "object": "red_cube", "target": target}),
                             objects=OBJECTS, default_task="pick_place")
    assert goal.target == target and goal.task in TASKS


def test_an_unknown_target_or_task_lists_the_registrys_names() -> None:
    with pytest.raises(InputError, match=f"unknown target 'shelf'; valid: {', '.join((*OBJECTS, *PLACE_TARGETS))}$"):
        parse_instruction('{"task": "pick_place", "object": "red_cube", "target": "shelf"}', objects=OBJECTS,
                          default_task="pick_place")
    with pytest.raises(InputError, match=f"unknown task 'wave'; valid: {', '.join(TASKS)}$"):
        parse_instruction('{"task": "wave"}', objects=OBJECTS, default_task="pick_place")
    # The English fallback's targets are registered place targets too.
    for text in ("put the red cube in the bin", "put the green cube on the pad"):
        assert parse_instruction(text, objects=OBJECTS, default_task="pick_place").target in PLACE_TARGETS
