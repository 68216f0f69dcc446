"""Sentence shapes session 10 reads (issue #17 item 2), each a family beside the variants that must still refuse: a
list announced by its count ("Three jobs. ..."), a step asked "again", a remark beside a request (an interjection,
praise of how the robot moves, "watch this", "watch out, it's heavy", "I'd love to watch it go"), a farewell after it
("catch you later"), a learner's negation after its object ("Orange one do not move."), a topic and where "it" goes
("We're done with the orange cube, so it can go in the trash."), a wish with a participle of placing ("I'd like the
purple cube piled onto the orange cube"), a first visit said as an aside, a "safety note:" label, a learner's "and
after <verb>" (f26-048 ran going home first), "the cube on the left side" where two cubes stand on that half
(f26-057 took the leftmost; asked now)."""

from __future__ import annotations

import pytest
from test_planner_fresh12_words import mv, plan, refused, scene, steps

from policies.planner import Clarification, Plan, SceneState

S3 = scene("red", "blue", "green")
HOME = ["go_home()"]


def _at(*cubes: tuple[str, float, float]) -> SceneState:
    return SceneState.from_json({"objects": [
        {"name": f"{c}_cube", "kind": "cube", "color": c, "position": [x, y, 0.022]} for c, x, y in cubes],
        "regions": ["left", "right", "bin", "pad"]})


# ------------------------------------------------------------- a list announced by its count
@pytest.mark.parametrize("frame", ["Three jobs.", "Three jobs:", "I've got three tasks for you:",
                                   "Here are three things:", "three steps -", "Just three things."])
def test_a_counted_list_is_its_steps(frame: str) -> None:
    text = f"{frame} Red into the bin. Blue onto green. Then back to your home position."
    assert steps(text, S3) == mv("red", "bin") + mv("blue", "green") + HOME


@pytest.mark.parametrize("text", ["Two things: red in the bin, blue on green.",
                                  "two jobs: put red in the bin and blue on green"])
def test_a_counted_list_by_commas_and_and(text: str) -> None:
    assert steps(text, S3) == mv("red", "bin") + mv("blue", "green")


@pytest.mark.parametrize("text", [
    "Three jobs. Red into the bin. Blue onto green.",  # the count disagrees with the steps
    "Two jobs: red in the bin, blue on green, then go home.",
    "Two jobs. Put red in the bin. Don't put red in the bin.",  # a contradiction stays one
    "Three jobs, none of them now. Red into the bin. Blue onto green. Then go home.",
])
def test_a_counted_list_never_hides_a_disagreement_or_a_contradiction(text: str) -> None:
    refused(text, S3)


# ------------------------------------------------------------- a step asked again
@pytest.mark.parametrize(("text", "want"), [
    ("Put the red cube in the bin again.", mv("red", "bin")),
    ("Could you put the red cube in the bin again please?", mv("red", "bin")),
    ("push the red cube left once more", ["push(object=red_cube, direction=left)"]),
    ("put red on the pad again, then blue in the bin", mv("red", "pad") + mv("blue", "bin")),
    ("Hello again! Put the red cube on the blue cube.", mv("red", "blue")),
])
def test_a_step_asked_again_is_the_step(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


@pytest.mark.parametrize("text", ["Put red on the pad, then do it again.", "Put red on the pad. Again.",
                                  "Put red on the pad and again, blue.", "don't put the red cube in the bin again",
                                  "Then again, put red in the bin? not sure."])
def test_again_without_its_step_stays_unread(text: str) -> None:
    result = plan(text, S3)
    assert not isinstance(result, Plan) or not any("bin" in str(s) for s in result.steps), (text, result)


# ------------------------------------------------------------- remarks and farewells beside a request
@pytest.mark.parametrize("text", [
    "Morning! Coffee machine's broken again, ugh. Anyway, drop the red cube into the bin. Cheers!",
    "Ugh. Put the red cube in the bin.",
    "Watch this: put the red cube in the bin.",
    "Watch out, it's heavy. Put the red cube in the bin.",
    "Put the red cube in the bin - careful, it's a bit heavy.",
    "Put the red cube in the bin. See ya tomorrow!",
    "Put the red cube in the bin. Catch you later!",
    "Put the red cube in the bin, bye for now.",
    "Put the red cube in the bin. I'd love to watch it go.",
])
def test_a_remark_or_farewell_beside_a_request_adds_nothing(text: str) -> None:
    assert steps(text, S3) == mv("red", "bin")


def test_praise_of_how_it_moves_adds_nothing() -> None:
    text = "Oh wow, it moves so smoothly. Would you mind pushing the red cube a little to the right? I'd love to " \
           "watch it go."
    assert steps(text, S3) == ["push(object=red_cube, direction=right)"]


@pytest.mark.parametrize("text", [
    "Watch out, it's hot. Put the red cube in the bin.",  # a hazard stays, read, hence refused
    "Watch out, my hand is there. Put the red cube in the bin.",
    "Careful, someone is behind you. Put the red cube in the bin.",
    "Put the red cube in the bin. Catch you later, don't do it yet.",
    "Ugh, no. Put the red cube in the bin.",
    "Put the red cube in the bin. Wow.",  # after the request, an interjection may stop or warn (A1 s10 H8)
    "Put the red cube in the bin. I'd love to watch you not do it.",
    "Put the red cube in the bin. Catch you later!!! Actually don't.",
])
def test_a_hazard_or_a_retraction_beside_a_request_still_refuses(text: str) -> None:
    refused(text, S3)


# ------------------------------------------------------------- a learner's negation after its object
@pytest.mark.parametrize(("text", "want"), [
    ("The red cube, put it on the blue cube please. Green one do not move.", mv("red", "blue")),
    ("Green one not move. Put red in the bin.", mv("red", "bin")),
    ("Put red in the bin. Green don't move.", mv("red", "bin")),
    ("Put red in the bin, green cube no move.", mv("red", "bin")),
    ("The blue one must not move. Red in the bin.", mv("red", "bin")),
])
def test_a_negation_after_its_object_is_a_constraint(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


@pytest.mark.parametrize("text", [
    "Green one do not move. Put green in the bin.",  # the constraint holds against the request
    "Put green in the bin. Green cube do not move.",
    "Green cube won't move. Put red in the bin.",  # a report, not a rule
    "Green cube can't move. Put red in the bin.",
    "Red one do not move? Put blue in the bin.",
])
def test_a_negation_after_its_object_never_runs_against_itself(text: str) -> None:
    result = plan(text, S3)
    assert not isinstance(result, Plan) or "pick(object=green_cube)" not in [str(s) for s in result.steps], text
    if "won't" not in text and "can't" not in text and "?" not in text:
        refused(text, S3)


# ------------------------------------------------------------- a topic, then where "it" goes
@pytest.mark.parametrize(("text", "want"), [
    ("We're done with the red cube, so it can go in the trash.", mv("red", "bin")),
    ("We're done with the red cube. It can go in the trash.", mv("red", "bin")),
    ("As for the red one, it goes on the pad.", mv("red", "pad")),
    ("We don't need the red cube anymore, so it can go in the bin.", mv("red", "bin")),
])
def test_a_topic_then_where_it_goes(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


@pytest.mark.parametrize("text", [
    "We're done with the red cube, so it can't go in the trash.",
    "We're done with the red cube, so it can go in the trash?",
    "We're not done with the red cube, so it can go in the trash.",
    "We're done with the red cube, so it can go anywhere.",
])
def test_a_topic_with_a_negation_or_a_question_refuses(text: str) -> None:
    refused(text, S3)


# ------------------------------------------------------------- a wish with a participle of placing
@pytest.mark.parametrize(("text", "want"), [
    ("I'd like the red cube piled onto the blue cube.", mv("red", "blue")),
    ("I want the red cube dropped in the bin.", mv("red", "bin")),
    ("We'd like the red one parked on the pad please.", mv("red", "pad")),
])
def test_a_wish_with_a_participle_of_placing(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


@pytest.mark.parametrize("text", ["I'd like the red cube not piled onto the blue cube.",
                                  "I'd hate the red cube piled onto the blue cube."])
def test_a_wish_negated_or_against_still_refuses(text: str) -> None:
    refused(text, S3)


# ------------------------------------------------------------- a first visit; a safety note
@pytest.mark.parametrize("lead", [
    "Hi! Hope your day's going well. It's my first time seeing one of these robots up close -",
    "This is my first time here.", "It's my first visit."])
def test_a_first_visit_is_an_aside(lead: str) -> None:
    assert steps(f"{lead} Could you put the red cube on the blue cube?", S3) == mv("red", "blue")


@pytest.mark.parametrize("text", [
    "This is my first time seeing the red cube. Put the red cube on the blue cube.",
    "It's my first time doing this, put the red cube on the blue cube first and then green in bin first",
])
def test_a_first_that_orders_or_names_a_cube_stays(text: str) -> None:
    refused(text, S3)


def test_a_safety_note_label_keeps_its_constraint() -> None:
    assert steps("Safety note: leave the red cube alone. Push the blue cube forward.", S3) == \
        ["push(object=blue_cube, direction=forward)"]
    refused("Safety note: leave the blue cube alone. Push the blue cube forward.", S3)


# ------------------------------------------------------------- a learner's "and after <verb>"
def test_and_after_a_verb_is_afterwards() -> None:
    assert steps("Put the yellow cube in the bin and after go to home position.", scene("yellow", "green")) == \
        mv("yellow", "bin") + HOME
    assert steps("Put the red cube in the bin, and after put the green one on the pad.", S3) == \
        mv("red", "bin") + mv("green", "pad")
    # "after you ..." keeps its order reading
    assert steps("Put the red cube in the bin after you put the green one on the pad.", S3) == \
        mv("green", "pad") + mv("red", "bin")
    refused("Put the yellow cube in the bin and after don't go home.", scene("yellow", "green"))


# ------------------------------------------------------------- "the cube on the left side" naming a group
F57 = _at(("red", 0.45, 0.15), ("yellow", 0.56, 0.2), ("blue", 0.5, -0.15))


@pytest.mark.parametrize("text", [
    "Would you kindly place the cube on the left side of the table onto the pad?",
    "put the cube on the left in the bin", "put the cube that is on the left side on the pad",
    "the cube on the left, put it in the bin"])
def test_the_cube_on_a_side_where_two_stand_there_is_asked(text: str) -> None:
    result = plan(text, F57)
    assert isinstance(result, Clarification), (text, result)
    assert set(result.candidates) == {"red_cube", "yellow_cube"}


def test_the_cube_on_a_side_where_one_stands_there_or_all_do() -> None:
    one = _at(("red", 0.45, 0.15), ("yellow", 0.56, -0.2), ("blue", 0.5, -0.1))
    assert steps("put the cube on the left in the bin", one) == mv("red", "bin")
    both = _at(("red", 0.45, 0.2), ("yellow", 0.56, 0.08))  # all on that half: the outermost of them
    assert steps("put the cube on the left in the bin", both) == mv("red", "bin")
    assert steps("put the leftmost cube in the bin", F57) == mv("yellow", "bin")


# ------------------------------------------------------------- "but only after <a cube's state>" (P3's request)
S5 = scene("red", "blue", "green", "yellow", "orange")


@pytest.mark.parametrize(("text", "want"), [
    ("Put the green cube on the yellow one, but only after the orange cube has gone into the bin.",
     mv("orange", "bin") + mv("green", "yellow")),
    ("Put the green cube on the right side, but only after the orange cube has gone on top of the blue one.",
     mv("orange", "blue") + mv("green", "right")),
    ("Place the blue cube on the red one, but only once the green one is on the pad.",
     mv("green", "pad") + mv("blue", "red")),
    ("Only once the green one is on the pad, place the blue cube on the red one.",
     mv("green", "pad") + mv("blue", "red")),
    ("Put the green cube on the pad and everything else in the bin.",
     mv("green", "pad") + mv("red", "bin") + mv("blue", "bin") + mv("yellow", "bin") + mv("orange", "bin")),
])
def test_only_after_a_state_is_that_step_first(text: str, want: list[str]) -> None:
    assert steps(text, S5) == want


@pytest.mark.parametrize("text", [
    "Place the blue cube on the red one, but only when the green one is on the pad.",
    "Place the blue cube on the red one, but only if the green one is on the pad.",
    "Place the blue cube on the red one, but not until the green one is on the pad.",
    "Place the blue cube on the red one, but only after the green one is not on the pad.",
    "Place the blue cube on the pad, but only after the blue one is on the red one.",
    "Place the blue cube on the red one, just after the green one is on the pad.",
    "Place the blue cube on the red one, but only after someone has put the green one on the pad.",
    "Don't place the blue cube on the red one, but only after the green one is on the pad.",
    "Put everything else in the bin and the green cube on the pad.",
])
def test_only_when_a_negated_state_or_a_later_rest_still_refuses(text: str) -> None:
    refused(text, S5)
