"""The bridge's planner runs in its own process: killing it mid-instruction is a named error, not our death."""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from policies.planner.errors import PlannerError
from policies.planner.plan import Plan, Refusal
from policies.planner.scene_state import SceneObject, SceneState
from robot.errors import ParameterError
from robot.planner_process import PlannerCrashedError, PlannerProcess, PlannerProcessError, PlannerTimeoutError

SCENE = SceneState(objects=tuple(SceneObject(name=f"{c}_cube", kind="cube", color=c) for c in ("red", "green", "blue")),
                   regions=("bin", "pad"))


def test_plans_in_a_child_and_survives_its_kill_between_requests() -> None:
    planner = PlannerProcess("parser", timeout_s=60)
    try:
        result = planner.plan("put the red cube in the bin", SCENE)
        assert isinstance(result, Plan) and [s.skill for s in result.steps] == ["pick", "place_in"]
        pid = planner.pid
        assert pid is not None and pid != os.getpid()
        os.kill(pid, signal.SIGKILL)
        time.sleep(0.2)
        # The next request notices the dead child and starts a fresh one.
        assert isinstance(planner.plan("put the blue cube on the green cube", SCENE), Plan)
        assert planner.pid not in (None, pid)
        assert isinstance(planner.plan("paint the red cube blue", SCENE), Refusal)
    finally:
        planner.close()


def test_killing_the_planner_mid_instruction_is_a_crash_named_by_signal() -> None:
    # The child is killed while it builds its planner and plans: the parent must answer, not hang or die.
    planner = PlannerProcess("parser", timeout_s=60)
    errors: list[BaseException] = []

    def ask() -> None:
        try:
            planner.plan("put the red cube in the bin", SCENE)
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=ask)
    thread.start()
    deadline = time.monotonic() + 30
    while planner.pid is None and time.monotonic() < deadline:
        time.sleep(0.005)
    assert planner.pid is not None
    os.kill(planner.pid, signal.SIGSEGV)
    thread.join(30)
    planner.close()
    assert not thread.is_alive()
    assert len(errors) == 1 and isinstance(errors[0], PlannerCrashedError), errors
    assert "killed by SIGSEGV (signal 11)" in str(errors[0])


def test_an_overrun_is_killed_and_named() -> None:
    # A deadline shorter than a spawned interpreter's start-up: the child cannot answer in time.
    planner = PlannerProcess("parser", timeout_s=0.01)
    with pytest.raises(PlannerTimeoutError, match=r"within the deadline.*\(0.01 s\); its process was killed"):
        planner.plan("put the red cube in the bin", SCENE)
    assert planner.pid is None
    planner.close()


def test_a_backend_that_cannot_start_and_planner_errors_are_reported() -> None:
    with pytest.raises(PlannerProcessError, match="could not start: UnknownBackendError"):
        PlannerProcess("no_such_backend").plan("put the red cube in the bin", SCENE)
    planner = PlannerProcess("parser")
    try:
        with pytest.raises(PlannerError, match="non-empty string"):
            planner.plan("   ", SCENE)
    finally:
        planner.close()
    with pytest.raises(PlannerProcessError, match="timeout_s must be > 0"):
        PlannerProcess("parser", timeout_s=0)


def test_the_bridge_plans_with_the_backends_and_default_of_armstack_plan() -> None:
    # One registry: the bridge's parameter, `armstack plan` and make_planner name the same backends and default.
    import inspect

    from armstack.cli import build_parser
    from policies.planner.planner import BACKENDS, DEFAULT_BACKEND, make_planner
    from robot.params import BridgeParams, bridge_params_from_mapping
    from robot.planner_process import NO_PLANNER, PLANNER_BACKENDS

    plan_args = build_parser().parse_args(["plan", "--scene", "SCENE.json", "x"])
    assert BridgeParams().planner == plan_args.backend == DEFAULT_BACKEND
    assert inspect.signature(make_planner).parameters["backend"].default == DEFAULT_BACKEND
    assert set(PLANNER_BACKENDS) == {*BACKENDS, NO_PLANNER}
    for name in PLANNER_BACKENDS:
        assert bridge_params_from_mapping({"planner": name}).planner == name
    with pytest.raises(ParameterError, match=r"unknown planner 'gpt'; valid: llama_cpp, openai, rules, parser, none"):
        bridge_params_from_mapping({"planner": "gpt"})
