"""The plan checker: it simulates preconditions and effects and refuses, with the reason, what cannot run."""

from __future__ import annotations

import pytest

from policies.planner import SKILLS, Plan, SceneState, Step, check_plan, final_state, step_instruction

SCENE = SceneState.from_json({"objects": [{"name": f"{c}_cube", "kind": "cube", "color": c}
                                          for c in ("red", "green", "blue")],
                              "regions": ["left", "right", "bin", "pad"]})


def plan(*steps: tuple[str, dict[str, str]]) -> Plan:
    return Plan(steps=tuple(Step(skill=s, args=a) for s, a in steps))


def test_a_valid_stack_plan_passes_and_its_effects_hold() -> None:
    p = plan(("pick", {"object": "red_cube"}), ("place_on", {"object": "blue_cube"}),
             ("pick", {"object": "green_cube"}), ("place_in", {"region": "bin"}), ("go_home", {}))
    assert check_plan(SCENE, p) is None
    end = final_state(SCENE, p)
    assert end.holding is None and dict(end.on) == {"red_cube": "blue_cube", "green_cube": "bin"}


@pytest.mark.parametrize(("steps", "words"), [
    ((("pick", {"object": "purple_cube"}),), "no purple cube"),                       # absent object
    ((("pick", {"object": "red_cube"}), ("place_on", {"object": "red_cube"})), "on itself"),   # self-stacking
    ((("pick", {"object": "red_cube"}), ("pick", {"object": "blue_cube"})), "already holds"),
    ((("place_in", {"region": "bin"}),), "holds nothing"),
    ((("pick", {"object": "red_cube"}), ("place_in", {"region": "drawer"})), "no region 'drawer'"),
    ((("push", {"object": "red_cube", "direction": "up"}),), "direction 'up'"),
    ((("fly", {}),), "unknown skill 'fly'"),
    ((("pick", {"thing": "red_cube"}),), "takes arguments (object)"),
    ((("pick", {"object": "red_cube"}), ("place_on", {"object": "blue_cube"}), ("pick", {"object": "blue_cube"})),
     "under the red cube"),
])
def test_checker_refuses_with_the_failing_step(steps: tuple, words: str) -> None:
    refusal = check_plan(SCENE, plan(*steps))
    assert refusal is not None and words in refusal.reason, refusal
    assert refusal.reason.startswith(f"step {len(steps)} ")


def test_stacking_on_the_held_object_is_refused() -> None:
    holding = SceneState(objects=SCENE.objects, regions=SCENE.regions, holding="red_cube")
    refusal = check_plan(holding, plan(("place_on", {"object": "red_cube"})))
    assert refusal is not None and "itself" in refusal.reason
    refusal = check_plan(holding, plan(("pick", {"object": "blue_cube"}), ("place_on", {"object": "red_cube"})))
    assert refusal is not None and "already holds the red cube" in refusal.reason


def test_step_instructions_read_like_the_sim_task_templates() -> None:
    held = SceneState(objects=SCENE.objects, regions=SCENE.regions, holding="red_cube")
    assert step_instruction(Step(skill="pick", args={"object": "red_cube"}), SCENE) == "pick up the red cube"
    assert step_instruction(Step(skill="place_in", args={"region": "bin"}), held) == "put the red cube in the bin"
    assert step_instruction(Step(skill="place_on", args={"object": "blue_cube"}), held) == \
        "put the red cube on the blue cube"
    assert step_instruction(Step(skill="push", args={"object": "red_cube", "direction": "left"}), SCENE) == \
        "push the red cube left"
    assert set(SKILLS) == {"pick", "place_on", "place_in", "push", "go_home"}
