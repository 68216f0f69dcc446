"""A reference by place said without its article is read by the pairing check as with it (mid-session split
fresh_independent_28, f28-058: "Please take top cube and put on pad." with two stacks; the parser could not read
it and the model took the red cube, where the words leave red and green open)."""

import pytest

from policies.planner.pairing import read_pairing
from policies.planner.scene_state import SceneState


def _scene(stacks: int) -> SceneState:
    objects = [{"name": "blue_cube", "kind": "cube", "color": "blue", "position": [0.45, 0.12, 0.022]},
               {"name": "red_cube", "kind": "cube", "color": "red", "position": [0.45, 0.12, 0.066]},
               {"name": "yellow_cube", "kind": "cube", "color": "yellow", "position": [0.58, -0.1, 0.022]}]
    on = {"red_cube": "blue_cube"}
    if stacks == 2:
        objects.append({"name": "green_cube", "kind": "cube", "color": "green", "position": [0.58, -0.1, 0.066]})
        on["green_cube"] = "yellow_cube"
    return SceneState.from_json({"objects": objects, "regions": ["left", "right", "bin", "pad"], "on": on})


@pytest.mark.parametrize("text", ["Please take top cube and put on pad.", "take top cube, put on pad",
                                  "Please take the top cube and put it on the pad."])
def test_the_top_cube_with_two_stacks_pairs_nothing_and_says_why(text: str) -> None:
    pairing = read_pairing(text, _scene(2))
    assert pairing.ambiguity is not None and "top cube" in pairing.ambiguity


@pytest.mark.parametrize("text", ["Please take top cube and put on pad.",
                                  "Please take the top cube and put it on the pad."])
def test_the_top_cube_with_one_stack_is_paired_with_its_place(text: str) -> None:
    pairing = read_pairing(text, _scene(1))
    assert pairing.ambiguity is None and pairing.destinations.get("red_cube") == ("pad",)
