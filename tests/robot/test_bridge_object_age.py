"""A pose perception has not measured for ``object_max_age_s`` (its ``age`` on scene/objects: perception keeps a cube
something nearer hides at its remembered place) is no measurement for the bridge (REV S3): the mirror does not take
it, and the bridge's own loss and hiding rules decide as for a cube the message lacks."""

from __future__ import annotations

import json

import numpy as np
import pytest

from robot.bridge_core import BridgeCore
from robot.params import BridgeParams
from robot.safety import InputError, parse_objects

IDENTITY = [1.0, 0.0, 0.0, 0.0]


def _objects(poses: dict[str, tuple[tuple[float, float, float], float]]) -> str:
    return json.dumps({"stamp": 0.0, "frame": "base", "objects": [
        {"name": n, "kind": "cube", "position": list(p), "quaternion": IDENTITY, "confidence": 1.0, "age": age}
        for n, (p, age) in poses.items()]})


def _feed(core: BridgeCore, blue: tuple[tuple[float, float, float], float], t0: float, seconds: float) -> float:
    t = t0
    for _ in range(round(seconds / 0.05)):
        core.on_objects(_objects({"blue_cube": blue, "red_cube": ((0.40, 0.2, 0.022), 0.0),
                                  "green_cube": ((0.58, 0.1, 0.022), 0.0)}), t)
        core.tick(t + 0.01)
        t += 0.05
    return t


def test_a_pose_older_than_object_max_age_s_is_not_a_measurement() -> None:
    core = BridgeCore(BridgeParams(robot="panda", planner="none", object_max_age_s=2.0), start=0.0)
    try:
        v = core.mirror.view
        t = _feed(core, ((0.45, -0.15, 0.022), 0.0), 0.0, 0.1)
        t = _feed(core, ((0.46, -0.15, 0.022), 1.5), t, 0.1)  # a memory younger than the limit: still taken
        assert np.allclose(v.object_pos("blue_cube"), (0.46, -0.15, 0.022), atol=1e-6)
        # Served on and on at a place nothing measured for 3 s and more (a person took it while something nearer
        # covered its place): the mirror keeps its own pose, and nothing hides it there, so it is missing.
        t = _feed(core, ((0.50, -0.15, 0.022), 3.0), t, 1.0)
        assert np.allclose(v.object_pos("blue_cube"), (0.46, -0.15, 0.022), atol=1e-6)
        assert core.missing_objects == {"blue_cube"}
        _feed(core, ((0.50, -0.15, 0.022), 0.0), t, 0.1)  # measured again: found, where it is
        assert core.missing_objects == frozenset()
        assert np.allclose(v.object_pos("blue_cube"), (0.50, -0.15, 0.022), atol=1e-6)
    finally:
        core.close()


@pytest.mark.parametrize("age", [-0.1, "1", None, True, float("nan")])
def test_a_bad_age_is_refused_in_one_line(age: object) -> None:
    text = json.dumps({"objects": [{"name": "red_cube", "position": [0.5, 0, 0.022], "age": age}]})
    with pytest.raises(InputError, match="red_cube: age must be"):
        parse_objects(text)


def test_an_age_is_read_and_a_missing_one_is_zero() -> None:
    _, _, ages = parse_objects(json.dumps({"objects": [
        {"name": "red_cube", "position": [0.5, 0, 0.022], "age": 0.7},
        {"name": "blue_cube", "position": [0.4, 0, 0.022]}]}))
    assert ages == {"red_cube": 0.7, "blue_cube": 0.0}


def test_object_max_age_s_out_of_range_is_refused() -> None:
    from robot.errors import ParameterError

    with pytest.raises(ParameterError, match="object_max_age_s"):
        BridgeParams(object_max_age_s=0.0)


def _silence(core: BridgeCore, t0: float, seconds: float, events: list[dict[str, object]] | None = None) -> float:
    t = t0
    for _ in range(round(seconds / 0.05)):
        out = core.tick(t + 0.01)
        if events is not None:
            events.extend(out.events)
        t += 0.05
    return t


def test_a_silent_scene_ages_each_pose_from_its_own_measurement() -> None:
    """Silence loses a pose once it is older than object_max_age_s counted from when it was measured (its arrival
    less its age), not from the last message: a pose served 1.9 s old is lost 0.1 s into the silence, a fresh one
    at the bound (REV F2)."""
    core = BridgeCore(BridgeParams(robot="panda", planner="none", object_max_age_s=2.0), start=0.0)
    try:
        t = _feed(core, ((0.45, -0.15, 0.022), 1.9), 0.0, 0.2)
        t = _silence(core, t, 0.3)
        assert core.missing_objects == {"blue_cube"}
        t = _silence(core, t, 1.4)  # the others, measured fresh, are still within the bound
        assert core.missing_objects == {"blue_cube"}
        _silence(core, t, 0.5)
        assert core.missing_objects == {"blue_cube", "red_cube", "green_cube"}
    finally:
        core.close()


def test_a_cube_lost_in_silence_stays_missing_when_the_first_message_back_lacks_it() -> None:
    """The first message after a silence brings back what it reports, and nothing it lacks: a cube someone took
    away meanwhile is never served at its old pose (REV F1)."""
    core = BridgeCore(BridgeParams(robot="panda", planner="none", object_max_age_s=2.0), start=0.0)
    try:
        t = _feed(core, ((0.45, -0.15, 0.022), 0.0), 0.0, 0.2)
        t = _silence(core, t, 3.0)
        assert core.missing_objects == {"blue_cube", "red_cube", "green_cube"}
        core.on_objects(_objects({"red_cube": ((0.40, 0.2, 0.022), 0.0), "green_cube": ((0.58, 0.1, 0.022), 0.0)}), t)
        found = [e for e in core.tick(t + 0.01).events if e.get("event") == "object_found"]
        assert core.missing_objects == {"blue_cube"}
        assert {e["object"] for e in found} == {"red_cube", "green_cube"}
    finally:
        core.close()


def test_a_bound_below_the_loss_grace_does_not_lose_cubes_between_messages() -> None:
    """Messages every 0.2 s with object_max_age_s at 0.1 s: the silence between two messages is no loss (the bound
    is never below OBJECT_LOSS_GRACE_S), so the cubes do not flap lost and found (REV F7)."""
    core = BridgeCore(BridgeParams(robot="panda", planner="none", object_max_age_s=0.1), start=0.0)
    try:
        t = 0.0
        events: list[dict[str, object]] = []
        for _ in range(15):
            core.on_objects(_objects({"blue_cube": ((0.45, -0.15, 0.022), 0.0), "red_cube": ((0.40, 0.2, 0.022), 0.0),
                                      "green_cube": ((0.58, 0.1, 0.022), 0.0)}), t)
            t = _silence(core, t, 0.2, events)
            assert core.missing_objects == frozenset()
        assert not [e for e in events if e.get("event") == "object_lost"]
        _silence(core, t, 0.6, events)  # a real silence past the grace still loses them
        assert core.missing_objects == {"blue_cube", "red_cube", "green_cube"}
        assert len([e for e in events if e.get("event") == "object_lost"]) == 3
    finally:
        core.close()
