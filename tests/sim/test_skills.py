"""Scripted skills on the tabletop env: each reaches its goal in randomised scenes on both arms, judged by
predicates read from the scene; a skill whose precondition fails reports failure without moving."""

from collections.abc import Iterator

import numpy as np
import pytest

from sim.env import TabletopEnv
from sim.skills import (
    SkillError,
    free_spot,
    held_objects,
    make_skill,
    region_names,
    region_of,
    resting_on,
    run_skill,
)
from sim.skills.push import DIRECTIONS

# Per-seed checks with wide measured margins (Intel Xeon, Sapphire Rapids, AVX-512/AMX; seeds 0..29 on both arms,
# plain and with a relative 1e-6 perturbation of every action: the same outcome on every seed, values within
# 1 mm): lifted cube >= 0.104 m (line 0.06); a pick from a stack leaves the lower cube within 0.0001 m of the
# table (line 0.005); every place_in and place_on succeeded; a push moves its cube >= 0.061 m the commanded way
# (line 0.05) and keeps it within 0.0012 m of the table (line 0.01); go_home ends <= 0.034 m from home (line
# 0.05) after places >= 0.206 m away (line 0.05). The push skill reports failure on panda seeds 5, 8, 11 and
# ur5e 3, 26 under both runs (a property of those layouts, not of rounding); seeds 0..2 push on both arms.
SEEDS = (0, 1, 2)
ROBOTS = ("panda", "ur5e")


@pytest.fixture(scope="module", params=ROBOTS)
def env(request: pytest.FixtureRequest) -> Iterator[TabletopEnv]:
    e = TabletopEnv(task="pick_place", robot=request.param, max_steps=10**9, terminate_on_success=False)
    yield e
    e.close()


def run(env: TabletopEnv, skill: str, **args: str) -> tuple[bool, str, int]:
    controller = make_skill(env.view, skill, args, env.controller.config.max_pos_step)
    outcome, _ = run_skill(env, controller)
    return outcome.success, outcome.reason, outcome.steps


def reset(env: TabletopEnv, seed: int) -> None:
    env.reset(seed=seed)


@pytest.mark.parametrize("seed", SEEDS)
def test_pick_then_place_on_stacks_the_cube(env: TabletopEnv, seed: int) -> None:
    reset(env, seed)
    ok, why, _ = run(env, "pick", object="red_cube")
    assert ok, why
    assert held_objects(env.view) == ["red_cube"]
    assert env.view.object_pos("red_cube")[2] > 0.06  # lifted, not dragged
    ok, why, _ = run(env, "place_on", object="blue_cube")
    assert ok, why
    assert resting_on(env.view, "red_cube", "blue_cube") and not held_objects(env.view)


@pytest.mark.parametrize("seed", (3, 4))
def test_pick_from_a_stack_lifts_only_the_top_cube(env: TabletopEnv, seed: int) -> None:
    reset(env, seed)
    assert run(env, "pick", object="red_cube")[0]
    assert run(env, "place_on", object="blue_cube")[0]
    ok, why, _ = run(env, "pick", object="red_cube")
    assert ok, why
    # Long finger pads closed at the top cube's centre would pinch the cube below as well.
    assert abs(env.view.object_pos("blue_cube")[2] - env.view.object_half("blue_cube")) < 0.005
    assert held_objects(env.view) == ["red_cube"]


@pytest.mark.parametrize("region", ["bin", "pad", "left", "right"])
@pytest.mark.parametrize("seed", SEEDS)
def test_place_in_each_region(env: TabletopEnv, seed: int, region: str) -> None:
    reset(env, seed)
    cube = env.view.object_names[seed % 3]
    ok, why, _ = run(env, "pick", object=cube)
    assert ok, why
    ok, why, _ = run(env, "place_in", region=region)
    assert ok, why
    assert region_of(env.view, cube) == region
    assert not held_objects(env.view)


@pytest.mark.parametrize("seed", SEEDS)
def test_push_moves_the_cube_the_commanded_way(env: TabletopEnv, seed: int) -> None:
    reset(env, seed)
    view = env.view
    step = env.controller.config.max_pos_step
    # The first cube/direction whose precondition holds in this layout (the bin or a cube may block others).
    choice = next((c, d) for c in view.object_names for d in DIRECTIONS
                  if make_skill(view, "push", {"object": c, "direction": d}, step).precondition_error() is None)
    cube, direction = choice
    start = view.object_pos(cube)[:2].copy()
    ok, why, _ = run(env, "push", object=cube, direction=direction)
    assert ok, (cube, direction, why)
    moved = view.object_pos(cube)[:2] - start
    assert float(moved @ np.array(DIRECTIONS[direction])) > 0.05, moved
    assert abs(view.object_pos(cube)[2] - view.object_half(cube)) < 0.01  # slid, not lifted


@pytest.mark.parametrize("seed", SEEDS)
def test_go_home_returns_the_tool_after_a_placement(env: TabletopEnv, seed: int) -> None:
    reset(env, seed)
    home_tcp = env.view.tcp_pos.copy()  # reset puts the arm near home (joint jitter of 0.03 rad)
    assert run(env, "pick", object="green_cube")[0]
    assert run(env, "place_in", region="bin")[0]
    assert np.linalg.norm(env.view.tcp_pos - home_tcp) > 0.05
    ok, why, _ = run(env, "go_home")
    assert ok, why
    assert np.linalg.norm(env.view.tcp_pos - home_tcp) < 0.05


def test_place_while_holding_nothing_fails_without_moving(env: TabletopEnv) -> None:
    reset(env, 0)
    qpos = env.data.qpos.copy()
    for skill, args in (("place_on", {"object": "blue_cube"}), ("place_in", {"region": "bin"})):
        ok, why, steps = run(env, skill, **args)
        assert not ok and steps == 0
        assert "holds nothing" in why
    assert np.array_equal(env.data.qpos, qpos)


def test_preconditions_on_held_and_covered_cubes(env: TabletopEnv) -> None:
    reset(env, 1)
    assert run(env, "pick", object="red_cube")[0]
    ok, why, _ = run(env, "pick", object="green_cube")
    assert not ok and "already holds the red_cube" in why
    ok, why, _ = run(env, "push", object="green_cube", direction="left")
    assert not ok and "holding the red_cube" in why
    ok, why, _ = run(env, "place_on", object="red_cube")
    assert not ok and "on itself" in why
    assert run(env, "place_on", object="blue_cube")[0]
    ok, why, _ = run(env, "pick", object="blue_cube")
    assert not ok and "red_cube rests on the blue_cube" in why


def test_a_skill_that_runs_out_of_budget_fails(env: TabletopEnv) -> None:
    reset(env, 2)
    controller = make_skill(env.view, "pick", {"object": "blue_cube"}, env.controller.config.max_pos_step)
    outcome, _ = run_skill(env, controller, budget=5)
    assert not outcome.success and outcome.steps == 5 and "budget" in outcome.reason


def test_free_spot_keeps_clear_of_cubes_bin_and_pad(env: TabletopEnv) -> None:
    for seed in range(6):
        reset(env, seed)
        view = env.view
        for side in ("left", "right"):
            spot = free_spot(view, side)
            assert spot is not None
            assert (spot[1] > 0.08) if side == "left" else (spot[1] < -0.08)
            for cube in view.object_names:
                assert np.linalg.norm(spot - view.object_pos(cube)[:2]) >= 0.1
            assert np.any(np.abs(spot - view.bin_pos[:2]) > 0.1)
            assert np.any(np.abs(spot - view.pad_pos[:2]) > 0.06)


def test_unknown_skill_or_names_raise_skill_error(env: TabletopEnv) -> None:
    reset(env, 0)
    step = env.controller.config.max_pos_step
    with pytest.raises(SkillError, match="valid skills: pick"):
        make_skill(env.view, "throw", {}, step)
    with pytest.raises(SkillError, match="takes arguments"):
        make_skill(env.view, "pick", {"obj": "red_cube"}, step)
    with pytest.raises(SkillError, match="purple_cube"):
        make_skill(env.view, "pick", {"object": "purple_cube"}, step)
    with pytest.raises(SkillError, match="valid: left, right, bin, pad"):
        make_skill(env.view, "place_in", {"region": "shelf"}, step)
    assert region_names(env.view) == ("left", "right", "bin", "pad")
