"""Session 10's English meaning readings (issue #17) and the adversary's findings in them (A1 s10)."""

from __future__ import annotations

import pytest
from planner_asserts import S3, moves_nothing
from test_planner_fresh12_words import mv, plan, steps

from policies.planner import Plan, SceneState

S5 = SceneState.from_json({"objects": [
    {"name": f"{c}_cube", "kind": "cube", "color": c, "position": [0.4 + 0.05 * i, -0.2 + 0.1 * i, 0.022]}
    for i, c in enumerate(("red", "blue", "green", "yellow", "orange"))], "regions": ["left", "right", "bin", "pad"]})


# ------------------------------------------------------------- A1 s10 H1: "then X too" after a quantifier
@pytest.mark.parametrize("text", [
    "Bin all cubes other than the red one, then the red one too.",
    "Bin all cubes other than the red one, then the red one as well.",
    "Bin all cubes other than the red one and then the red one too.",
    "Bin all cubes other than the red one and the red one too.",
    "Throw away every cube but red, then red too.",
    "Put every cube except the blue one on the left, then the blue one also.",
])
@pytest.mark.parametrize("state", [S3, S5])
def test_the_same_again_after_a_quantifier_is_never_copied_into_its_clauses(text: str, state: SceneState) -> None:
    """'do the same with X' (phrasing's reading of 'then X too') after the quantifier's place was copied into each
    expanded clause, so X ran second; it is refused as 'then X' after a quantifier is."""
    moves_nothing(text, state)


def test_a_quantifier_with_a_full_clause_after_it_still_plans() -> None:
    assert steps("Bin all cubes other than the red one, then put the red one in the bin too.", S3) == \
        mv("blue", "bin") + mv("green", "bin") + mv("red", "bin")
    assert steps("Put every cube except the red one in the bin, then go home.", S3) == \
        [*mv("blue", "bin"), *mv("green", "bin"), "go_home()"]
    assert steps("Put every cube except the red one in the bin.", S3) == mv("blue", "bin") + mv("green", "bin")


# ------------------------------------------------------------- an exception said again: "except X, and not Y"
@pytest.mark.parametrize("text", [
    "Put all the cubes in the bin except the red one, and not the blue one either.",
    "Put every cube except red in the bin, and not blue.",
    "Put every cube except red in the bin, and not blue either.",
    "Put every cube in the bin except the red one and not the blue one.",
    "Put every cube in the bin, but not the red one and not the blue one.",
    "Put every cube in the bin, and not the blue one or the red one.",
    # an exception closed by commas (P3 s14; it refused before, read through an unread ", in")
    "Put every cube except the red one, and not the blue one, in the bin.",
])
def test_a_bare_not_after_an_exception_adds_to_it(text: str) -> None:
    assert steps(text, S3) == mv("green", "bin")


@pytest.mark.parametrize(("text", "want"), [
    ("Put every cube in the bin, and not blue.", mv("red", "bin") + mv("green", "bin")),
    ("Put every cube on the pad, not the blue one.", mv("red", "pad") + mv("green", "pad")),
    ("Put every cube in the bin and not the blue one, then go home.", [*mv("red", "bin"), *mv("green", "bin"),
                                                                         "go_home()"]),
])
def test_a_bare_not_after_a_quantifier_is_its_exception(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


@pytest.mark.parametrize("text", [
    "Put every cube except red in the bin, and don't touch blue.",  # a negated verb: a clause of its own (indep6-033)
    "Put every cube except red in the bin, and not blue or green.",  # nothing left to move
    "Put every cube except red in the bin, and not the purple one.",  # absent
    "Put every cube except red in the bin, and not blue or not.",
])
def test_an_exception_that_contradicts_or_names_nothing_still_refuses(text: str) -> None:
    moves_nothing(text)


# ------------------------------------------------------------- A1 s10 H2: "go home, <words> <verb> X ..."
@pytest.mark.parametrize("text", [
    "Go home, Bob will put the red cube in the bin.",
    "Go home, the technician will put the red cube in the bin.",
    "Go to your home pose, the intern will place the red cube in the bin.",
    "Go home, I'd have put the red cube in the bin.",
    "Go home, tomorrow put the red cube in the bin.",
    "Go home, or put the red cube in the bin.",
    "Go home or put the red cube in the bin.",
    "Go home, otherwise put the red cube in the bin.",
    "Return home, I'd put the red cube in the bin.",
    "Go home put the red cube in the bin.",
    "Put the red cube in the bin, go home, Bob will put the blue cube on the pad.",
])
def test_words_after_a_home_clause_are_read_or_refused_never_dropped(text: str) -> None:
    """The home clause and every word before the verb were dropped and the placement ran (A1 s10 H2)."""
    moves_nothing(text)


@pytest.mark.parametrize(("text", "want"), [
    ("Go home, please put the red cube in the bin.", ["go_home()", *mv("red", "bin")]),
    ("Go home, then please put the red cube in the bin.", ["go_home()", *mv("red", "bin")]),
    ("Go back home, put the red cube in the bin.", ["go_home()", *mv("red", "bin")]),
    ("Return to your home position, then put the red cube in the bin.", ["go_home()", *mv("red", "bin")]),
    ("Go to the home position and then position the red cube on the pad.", ["go_home()", *mv("red", "pad")]),
    ("Put the red cube in the bin and return to your home position.", [*mv("red", "bin"), "go_home()"]),
    ("Go home, don't put the red cube in the bin.", ["go_home()"]),
])
def test_a_home_clause_before_a_request_plans_both_in_order(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


# ------------------------------------------------------------- dev1 (f27): a final state described, read as its goals
S5_NAMES = ("red", "blue", "green", "yellow", "orange")


@pytest.mark.parametrize(("text", "want"), [
    ("In the configuration I'm after, the red cube has been disposed of in the bin and everything else is as it is "
     "now.", mv("red", "bin")),
    ("In the goal state the green cube should be resting directly on the blue cube.",
     ["pick(object=green_cube)", "place_on(object=blue_cube)"]),
    ("Desired result: every single cube that's on the table right now ends up in the bin.",
     [s for c in S5_NAMES for s in mv(c, "bin")]),
    ("Final state: all cubes on the pad apart from the orange one, which should remain untouched.",
     [s for c in S5_NAMES[:4] for s in mv(c, "pad")]),
    ("In the final layout the yellow cube sits on the robot's left side of the table and the blue cube on its right "
     "side.", mv("yellow", "left") + mv("blue", "right")),
    ("Target state: green cube in the bin, and the arm parked back in its home configuration.",
     [*mv("green", "bin"), "go_home()"]),
    ("Final state: the red cube is on the blue cube and the blue cube is on the green cube.",
     ["pick(object=blue_cube)", "place_on(object=green_cube)", "pick(object=red_cube)", "place_on(object=blue_cube)"]),
])
def test_a_final_state_frame_reads_where_cubes_are_as_where_they_end(text: str, want: list[str]) -> None:
    assert steps(text, S5) == want


@pytest.mark.parametrize("text", [
    "The red cube is in the bin.",  # no frame: a statement
    "The red cube has been disposed of in the bin.",
    "Final state: the red cube is not in the bin.",  # a negated state
    "Final state: red on blue and blue on red.",  # a cycle
    "Final state: the red cube is in the bin and the red cube is on the pad.",  # two places
    "In the final layout the red cube sits on the blue cube, Bob will do it.",
    "Final state: the purple cube is in the bin.",  # absent
])
def test_without_the_frame_or_with_what_cannot_hold_nothing_moves(text: str) -> None:
    moves_nothing(text, S5)


# ------------------------------------------------------------- dev1: the exception's cube said to stay
@pytest.mark.parametrize(("text", "kept"), [
    ("Everything in the bin except the green one — the green stays.", "green"),
    ("Everything in the bin except the green one. The green stays.", "green"),
    ("Put all cubes on the pad apart from the orange one, which should remain untouched.", "orange"),
    ("Put every cube in the bin, the green one stays put.", "green"),
    ("Put every cube in the bin. The green one stays.", "green"),
    ("Please put all of the cubes on the left side, with the exception of the orange cube.", "orange"),
])
def test_the_cube_said_to_stay_is_left_out(text: str, kept: str) -> None:
    result = plan(text, S5)
    assert isinstance(result, Plan), (text, result)
    moved = {s.args["object"] for s in result.steps if s.skill == "pick"}
    assert moved == {f"{c}_cube" for c in S5_NAMES} - {f"{kept}_cube"}, (text, result)


@pytest.mark.parametrize("text", [
    "Everything in the bin except the green one — the red stays.",  # another cube said to stay: contradictory
    "Everything in the bin except the green one. The red one stays.",
    "Put every cube in the bin, which should remain untouched.",  # which cube?
    "Put every cube in the bin except red and blue, which should stay.",
    "Please put all of the cubes on the left side, with the exception of the purple cube.",  # absent
])
def test_a_stay_that_contradicts_or_names_no_one_cube_is_refused(text: str) -> None:
    moves_nothing(text, S5)


# ------------------------------------------------------------- dev1 (f27-023): "every cube (that's) on the table"
STACKED = SceneState.from_json({"objects": [
    {"name": "blue_cube", "kind": "cube", "color": "blue", "position": [0.42, 0.15, 0.022]},
    {"name": "green_cube", "kind": "cube", "color": "green", "position": [0.55, -0.05, 0.066]},
    {"name": "red_cube", "kind": "cube", "color": "red", "position": [0.55, -0.05, 0.022]}],
    "regions": ["left", "right", "bin", "pad"]})


@pytest.mark.parametrize("text", [
    "Desired result: every single cube that's on the table right now ends up in the bin.",
    "Put every cube on the table in the bin.",
    "Bin all the cubes that are on the table right now.",
])
def test_a_cube_on_a_stack_is_on_the_table(text: str) -> None:
    assert steps(text, STACKED) == mv("blue", "bin") + mv("green", "bin") + mv("red", "bin")


def test_a_cube_in_a_region_is_not_said_to_be_on_the_table() -> None:
    on_pad = SceneState(objects=STACKED.objects, regions=STACKED.regions, on={"blue_cube": "pad"})
    moves_nothing("Put every cube on the table in the bin.", on_pad)


@pytest.mark.parametrize(("text", "place"), [
    ("Clear the whole table, buddy. All three cubes, into the trash.", "bin"),
    ("Clear the table. All the cubes, into the bin.", "bin"),
    ("All cubes, into the bin.", "bin"),
    ("All three cubes, on the pad.", "pad"),
])
def test_a_verbless_quantifier_with_a_comma_before_its_place(text: str, place: str) -> None:
    assert steps(text, S3) == mv("red", place) + mv("blue", place) + mv("green", place)


@pytest.mark.parametrize("text", [
    "Clear the table. All the cubes, onto the pad.",  # clearing is not the pad
    "All four cubes, into the bin.",  # the count does not match
    "All cubes, not into the bin.",
])
def test_a_verbless_quantifier_that_disagrees_moves_nothing(text: str) -> None:
    moves_nothing(text)


# ------------------------------------------------------------- A1 s10 H17: a pick verb and where the cube is said to be
@pytest.mark.parametrize("text", [
    "Pick up the red cube in the bin.", "Grab the red cube in the bin.", "Hold the red cube in the bin.",
    "Lift the red cube on the pad.", "Grab the red cube on top of the blue cube.", "Snatch the red cube on the pad.",
])
def test_a_pick_verb_with_a_static_place_names_where_the_cube_is(text: str) -> None:
    """Red is on the table: the false premise was read as a placement and threw red into the bin (A1 s10 H17)."""
    moves_nothing(text)


def test_a_pick_verb_with_a_true_premise_picks_and_motion_words_still_place() -> None:
    red_binned = SceneState(objects=S3.objects, regions=S3.regions, on={"red_cube": "bin"})
    assert steps("Pick up the red cube in the bin.", red_binned) == ["pick(object=red_cube)"]
    assert steps("Lift the red cube onto the pad.", S3) == mv("red", "pad")
    assert steps("Take the red cube to the bin.", S3) == mv("red", "bin")
    assert steps("Get the red cube in the bin.", S3) == mv("red", "bin")
    assert steps("Pick up the red cube and put it in the bin.", S3) == mv("red", "bin")


# ------------------------------------------------------------- A1 s10 H11: a tower beside markup or an arm label
TOWER = "Build a tower with green at the bottom, then blue, then red."


@pytest.mark.parametrize("frame", ["~~{}~~", "<s>{}</s>", "- [x] {}", "[ ] {}", "(x) {}", "// {}", "# {}", "> {}",
                                   "* {}", "Left arm: {}", "Arm 2: {}"])
def test_a_tower_beside_markup_or_an_arm_label_is_not_built(frame: str) -> None:
    moves_nothing(frame.format(TOWER))


def test_a_plain_tower_and_one_with_its_direction_in_brackets_are_built() -> None:
    assert steps(TOWER, S3) == ["pick(object=blue_cube)", "place_on(object=green_cube)", "pick(object=red_cube)",
                                "place_on(object=blue_cube)"]
    assert steps("Build a tower (bottom to top): green, blue, red.", S3) == steps(TOWER, S3)


@pytest.mark.parametrize("text", [
    "Put the blue cube on the pad and go home, Bob will put the red cube in the bin.",
    "Put the blue cube on the pad and go home, tomorrow put the red cube in the bin.",
    "Put the blue cube on the pad and go home, or put the red cube in the bin.",
    "Put the blue cube on the pad and return home, the intern will put the red cube in the bin.",
    "Push blue left and go home, Bob will put the red cube in the bin.",
    "Put the blue cube on the pad and go home Bob will put the red cube in the bin.",
])
def test_words_after_a_home_clause_that_ends_a_request_are_read_or_refused(text: str) -> None:
    """A1 s10 H2 remainder: the home phrase ended a clause that began with another request."""
    moves_nothing(text)


def test_a_request_then_home_then_a_polite_request_plans_all_three() -> None:
    assert steps("Put the blue cube on the pad and go home, please put the red cube in the bin.", S3) == \
        [*mv("blue", "pad"), "go_home()", *mv("red", "bin")]
    assert steps("Put the blue cube on the pad and the red cube in the bin.", S3) == \
        mv("blue", "pad") + mv("red", "bin")


# ------------------------------------------------------------- dev1 (f26-013): a tower listed in a learner's words
BYR = SceneState.from_json({"objects": [
    {"name": f"{c}_cube", "kind": "cube", "color": c, "position": [0.4 + 0.05 * i, -0.2 + 0.1 * i, 0.022]}
    for i, c in enumerate(("blue", "yellow", "red"))], "regions": ["left", "right", "bin", "pad"]})
BLUE_YELLOW_RED = ["pick(object=yellow_cube)", "place_on(object=blue_cube)", "pick(object=red_cube)",
                   "place_on(object=yellow_cube)"]


@pytest.mark.parametrize("text", [
    "Make one tower with the three cubes. First the blue down, after the yellow, after the red on top.",
    "Make one tower with the three cubes. First the blue down, then the yellow, then the red on top.",
    "Make a tower. First the blue, after the yellow, after the red on top.",
    "Make a tower: first the blue at the bottom, after the yellow, after the red.",
])
def test_a_tower_listed_first_then_after_is_built_bottom_up(text: str) -> None:
    assert steps(text, BYR) == BLUE_YELLOW_RED


@pytest.mark.parametrize("text", [
    "Build a tower from top to bottom: first red, then yellow, then blue.",  # two directions
    "Build a tower, top to bottom: first the red, after the yellow, after the blue.",
    "Make a tower. First the blue down, after put the yellow, after the red on top.",  # a verb: a clause
    "Make a tower. First the blue down, after the yellow, after the red on top. After go home.",
    "Make a tower. First the blue down, after the yellow, after the yellow on top.",
    "Make a tower. Don't put the blue down, after the yellow, after the red on top.",
])
def test_a_learner_tower_list_that_disagrees_or_holds_a_clause_is_refused(text: str) -> None:
    moves_nothing(text, BYR)


# ------------------------------------------------------------- mid1 (f28-021): every cube said again
@pytest.mark.parametrize("text", ["All the cubes in the bin. Every single one.",
                                  "Put every cube in the bin. All of them!",
                                  "Put all the cubes in the bin. Each and every one."])
def test_every_cube_said_again_after_the_quantifier(text: str) -> None:
    assert steps(text, S3) == mv("red", "bin") + mv("blue", "bin") + mv("green", "bin")


@pytest.mark.parametrize("text", ["Put the red cube in the bin. Every single one.",
                                  "All the cubes except red in the bin. Every single one.",
                                  "All the cubes in the bin. Every single one except red."])
def test_every_one_said_after_one_cube_or_an_exception_is_refused(text: str) -> None:
    moves_nothing(text)


# ------------------------------------------------------------- A1 s10 H19: "push it back" after moving it
@pytest.mark.parametrize("text", [
    "Push the red cube left, then push it back.", "Push red right, then push it back.", "Push red left. Push it back.",
    "Push the red cube left and push it back.", "Push red left, then slide it back.",
    "Push red left, then push red back.", "Put red on the pad, then push it back.",
])
def test_push_it_back_after_moving_it_is_refused_with_its_reason(text: str) -> None:
    result = plan(text, S3)
    assert not isinstance(result, Plan) and "back where it was" in result.reason, (text, result)


@pytest.mark.parametrize(("text", "want"), [
    ("Push the red cube back.", ["push(object=red_cube, direction=backward)"]),
    ("Push red left and blue back.", ["push(object=red_cube, direction=left)",
                                      "push(object=blue_cube, direction=backward)"]),
    ("Push red left, then push it backward.", ["push(object=red_cube, direction=left)",
                                               "push(object=red_cube, direction=backward)"]),
])
def test_back_alone_or_of_another_cube_is_backward(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


# ------------------------------------------------------------- A1 s10 H25: a place lent to a cube the words give none
@pytest.mark.parametrize("text", [
    "Move the red cube and put the blue one in the bin.", "Move the red cube. Then put the blue one in the bin.",
    "Move the red cube; put the blue one in the bin.", "Move red. Blue in the bin.",
    "Shift the red cube and put the blue one on the pad.", "Move the red cube but put the blue one in the bin.",
    "Relocate the red cube, then put the blue one in the bin.",
    "Déplace le rouge et mets le bleu dans la poubelle.", "Beweg den roten. Dann leg den blauen in den Eimer.",
])
def test_a_cube_with_no_place_never_borrows_the_next_requests_place(text: str) -> None:
    moves_nothing(text)


def test_a_place_said_once_for_two_cubes_in_one_sentence_still_serves_both() -> None:
    assert steps("Place the red cube and then the blue cube on the pad.", S3) == mv("red", "pad") + mv("blue", "pad")
    assert steps("Put the red cube and the blue one in the bin.", S3) == mv("red", "bin") + mv("blue", "bin")
