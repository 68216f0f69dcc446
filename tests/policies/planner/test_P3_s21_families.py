"""Session 21, English meaning (issue #17): seen families (fresh_independent_38-57) and dev fi61/fi62 classes, each a
closed form with its negated, asked, reported, hedged and near-miss twins.

- F-LET (seen fi47-021, fi47-060, fi50-045, fi50-022, fi51-059, fi57-051, fi57-067, fi38-010): a cube let, allowed or
  invited to rest, sit or lie on a cube or in a place is put there; where it already rests there the plan is empty
  (nothing moves, as "keep X on Y" reads). Only as an order, with no hedge and no "?" unless "can/could you" asks it.
- M2 (dev fi61-070 "the cube that reposes upon the green one", fi62-027 "The cube that rides upon the red one's
  back"): a relative clause with a finite verb of resting (sits / rests / lies / stands / perches / reposes / rides on
  X) is "that is on X"; the cube's "back" is the cube.
- M3 (dev fi62-019, fi62-057, fi61-079): "take each (and every) cube and put / keep it <place>" is every cube put
  there; a quantified topic before a comma asked for by "<verb> them <place>" ("All the cubes but the yellow one,
  gather them onto the left side") is the verb over the quantifier; the reach said again after the request ("both.
  yes both.", "No cube should be left out.") adds nothing; asked or hedged it refuses (A1 H170).
- R-THAT (seen fi57-058 "the one sitting on the red one, can you put that in the bin", fi49-014 "The cube which is
  nearest to you, kindly keep it on the pad."): a topic said first, then "that" as "it"; "keep it <place>" as put.
"""

from __future__ import annotations

import pytest
from planner_asserts import S3, cube_scene, moves_nothing, plans_as
from test_planner_fresh12_words import mv, plan

from policies.planner import Plan

STACK = cube_scene(("red", [0.45, 0.1, 0.066]), ("blue", [0.45, 0.1, 0.022]), ("green", [0.38, -0.02, 0.022]),
                   on={"red_cube": "blue_cube"})


@pytest.mark.parametrize(("text", "want"), [
    ("Let the red cube rest on the blue cube.", mv("red", "blue")),
    ("Let the red cube sit atop the blue one.", mv("red", "blue")),
    ("Let the red cube rest on the pad.", mv("red", "pad")),
    ("Let the red cube rest on the blue one.", mv("red", "blue")),
    ("Allow the red cube to rest upon the green cube.", mv("red", "green")),
    ("Invite the cube closest to you to rest upon the pad.", mv("green", "pad")),
    ("Lift the red cube and let it rest in the bin.", mv("red", "bin")),
    ("Please let the green cube lie gently on the pad.", mv("green", "pad")),
    ("First put the red cube on the pad, then let the blue one rest on top of it.",
     mv("red", "pad") + mv("blue", "red")),
    ("Could you let the red cube rest on the blue cube?", mv("red", "blue")),
])
def test_a_cube_let_rest_somewhere_is_put_there(text: str, want: list[str]) -> None:
    plans_as(text, want, S3)


def test_a_cube_let_rest_where_it_already_rests_moves_nothing() -> None:
    result = plan("Let the red cube rest on the blue cube.", STACK)
    assert isinstance(result, Plan) and not result.steps, result


@pytest.mark.parametrize("text", [
    "Don't let the red cube rest on the blue cube.", "Never let the red cube rest on the blue cube.",
    "Let the red cube not rest on the blue cube.",
    "You let the red cube rest on the blue cube.", "I let the red cube rest on the blue cube.",
    "We let the red cube rest on the blue cube.", "Did you let the red cube rest on the blue cube?",
    "Let the red cube rest on the blue cube?", "Maybe let the red cube rest on the blue cube.",
    "Let the red cube rest on the blue cube, I think.", "Let the red cube rest on the blue cube, I guess.",
    "Perhaps let the red cube rest on the pad.",
    "Let the red cube rest.", "Let the red cube settle on the pad.", "Let the red cube rest, undisturbed.",
    "Let the red cube rest near the blue cube.", "Let the red cube rest on the table.",
    # A1 s21 H166: what could be, never an order
    "You could let the red one rest in the bin.", "You could let the red one sit on the blue.",
    "You could allow the red one to rest on the blue.", "You could just let the red one rest in the bin.",
    "You might let the red one rest in the bin.", "You should let the red one rest in the bin.",
])
def test_let_rest_twins_move_nothing(text: str) -> None:
    moves_nothing(text, S3)


@pytest.mark.parametrize(("text", "want", "state"), [
    ("the one sitting on the blue one, can you put that in the bin", mv("red", "bin"), STACK),
    ("The one sitting on the blue one, can you put that in the bin?", mv("red", "bin"), STACK),
    ("The one on top of the blue one, put that on the pad.", mv("red", "pad"), STACK),
    ("The red one, put that in the bin.", mv("red", "bin"), S3),
    ("The red one, put that on the blue one.", mv("red", "blue"), S3),
    ("The cube nearest to you, kindly keep it on the pad.", mv("green", "pad"), S3),
    ("The cube nearest to you, keep it on the pad.", mv("green", "pad"), S3),
    ("The red cube, kindly keep that on the pad.", mv("red", "pad"), S3),
])
def test_a_topic_asked_for_by_that_or_kept_somewhere(text: str, want: list[str], state) -> None:
    plans_as(text, want, state)


@pytest.mark.parametrize("text", [
    "The red one, don't put that in the bin.", "The red one, you put that in the bin?",
    "The red one, did you put that in the bin?", "The red one, maybe put that in the bin.",
    "The red one, I put that in the bin.", "The red one, put that there.",
    "The red cube, don't keep it on the pad.", "The red cube, can you keep it on the pad?",
    "The red cube, kindly keep it on the pad, I think.", "The red cube, kindly keep it on the pad?",
    "The red cube, kindly keep it on the pad and bin the blue one.", "The red cube, I keep it on the pad.",
    "The red cube, we'll keep it on the pad.", "The red cube, keep it away from the pad.",
])
def test_topic_that_and_keep_twins_move_nothing(text: str) -> None:
    moves_nothing(text, S3)


@pytest.mark.parametrize("text", [
    "Put the cube that sits on the blue one in the bin.", "Put the cube that rests upon the blue one in the bin.",
    "Put the cube that reposes upon the blue one in the bin.", "Put the cube which lies on the blue one in the bin.",
    "Put the cube that perches on top of the blue one in the bin.",
    "Put the cube that stands atop the blue one in the bin.",
    "Put the cube that rides upon the blue one's back in the bin.",
    "The cube that rides upon the blue one's back, set it down in the bin.",
    "Take up the cube that reposes upon the blue one and put it in the bin.",
])
def test_a_relative_verb_of_resting_names_the_cube_on_top(text: str) -> None:
    plans_as(text, mv("red", "bin"), STACK)


@pytest.mark.parametrize("text", [
    "The red cube sits on the blue one.", "The red cube rides upon the blue one's back.",
    "Put the cube that sits next to the blue one in the bin.",
    "Put the cube that doesn't sit on the blue one in the bin.",
    "Did you put the cube that sits on the blue one in the bin?",
    "Don't put the cube that sits on the blue one in the bin.",
    "Put the cube that sits on the blue one in the bin, maybe.", "I put the cube that sits on the blue one in the bin.",
])
def test_relative_resting_twins_move_nothing(text: str) -> None:
    moves_nothing(text, STACK)


FOUR = cube_scene(("red", [0.45, 0.15, 0.022]), ("blue", [0.55, -0.12, 0.022]), ("green", [0.38, -0.02, 0.022]),
                  ("yellow", [0.6, 0.1, 0.022]))
TWO = cube_scene(("yellow", [0.48, -0.08, 0.022]), ("purple", [0.58, -0.15, 0.022]))


def _each(place: str, state, spared: str | None = None) -> list[str]:
    return [step for o in state.objects if o.color != spared for step in mv(o.color, place)]


@pytest.mark.parametrize(("text", "want", "state"), [
    ("Kindly take each and every cube and keep it on the pad, okay? No cube should be left out.", _each("pad", FOUR),
     FOUR),
    ("Take every cube and put it on the pad.", _each("pad", FOUR), FOUR),
    ("Take each cube and put it in the bin.", _each("bin", FOUR), FOUR),
    ("Put every cube on the pad. No cube should be left out.", _each("pad", S3), S3),
    ("Put every cube on the pad. Don't leave any out.", _each("pad", S3), S3),
    ("move both of them to the left. both. yes both.", _each("left", TWO), TWO),
    ("Move both cubes to the left. Both. I said both.", _each("left", TWO), TWO),
    ("All the cubes but the red one, gather them onto the left side.", _each("left", S3, "red"), S3),
    ("All the cubes except the red one, please put them on the left side.", _each("left", S3, "red"), S3),
    ("Every cube except the blue one, move them to the right side.", _each("right", S3, "blue"), S3),
])
def test_quantifier_frames_plan_every_cube(text: str, want: list[str], state) -> None:
    plans_as(text, want, state)


@pytest.mark.parametrize(("text", "state"), [
    ("Take all the cubes and put it in the bin.", FOUR), ("Don't take each cube and put it in the bin.", FOUR),
    ("Did you take each cube and put it in the bin?", FOUR), ("Maybe take each cube and put it in the bin.", FOUR),
    ("I take each cube and put it in the bin.", FOUR), ("Take each cube and put it on the red one.", FOUR),
    ("Put every cube except the red one on the pad. No cube should be left out.", S3),
    ("Put the red cube on the pad. No cube should be left out.", S3),
    ("Put every cube on the pad. No cube should be left out?", S3),
    ("Put every cube on the pad. Some cubes should be left out.", S3), ("Put every cube on the pad. Not all.", S3),
    ("move both of the cubes to the left. both. yes both.", S3),
    ("All the cubes but the red one, don't put them on the left side.", S3),
    ("All the cubes but the red one, did you put them on the left side?", S3),
    ("All the cubes but the red one, maybe put them on the left side.", S3),
    ("All the cubes but the red one, I put them on the left side.", S3),
    ("All the cubes but the red one, put them on the left side, I think.", S3),
    ("All the cubes but the red one, put them on the left side?", S3),
    ("All the cubes are red, put them on the left side.", S3),
])
def test_quantifier_frame_twins_move_nothing(text: str, state) -> None:
    moves_nothing(text, state)


@pytest.mark.parametrize("text", [
    "I need a stack of three for the grasp test: blue as the base, then green, and the red one at the top.",
    "Build a tower for the demo: blue at the bottom, green in the middle, red on top.",
    "Make a pile of three for the photo, blue at the bottom, green in the middle, red on top.",
    "Build a tower: the blue cube as its foundation, the green laid upon it, and the red crowning the whole.",
    "For the stacking test: blue goes at the very bottom, put the green cube on the blue, and the red one ends up "
    "highest.",
])
def test_a_tower_for_an_occasion_or_laid_upon_builds(text: str) -> None:
    plans_as(text, mv("green", "blue") + mv("red", "green"), S3)


@pytest.mark.parametrize("text", [
    "Build a tower for my brother: blue at the bottom, green in the middle, red on top.",
    "Don't build a tower for the demo: blue at the bottom, green in the middle, red on top.",
    "I built a stack for the grasp test: blue at the bottom, green in the middle, red on top.",
    "Build a tower for the demo yesterday: blue at the bottom, green in the middle, red on top.",
    "Did you build a tower for the demo: blue at the bottom, green in the middle, red on top?",
    "Maybe build a tower for the demo: blue at the bottom, green in the middle, red on top.",
    "The green was laid upon the blue.",
    "For my brother: blue at the bottom, green in the middle, red on top.",
    "For the stacking test, I built: blue at the bottom, green in the middle, red on top.",
    # A1 s21 H175: an interjection before the occasion, and occasions past, failed, unreal or to come
    "Wow, a tower for the demo: blue at the bottom, green, red on top.",
    "Wow, for the demo: blue at the bottom, green, red on top.",
    "Oh, for the demo: blue at the bottom, green, red on top.",
    "For the failed test: blue at the bottom, green, red on top.",
    "A tower for the imaginary test: blue at the bottom, green, red on top.",
    "Build a tower for tomorrow's demo: blue at the bottom, green, red on top.",
    "For the last test: blue at the bottom, green in the middle, red on top.",
    "For the cancelled demo: blue at the bottom, green in the middle, red on top.",
])
def test_tower_occasion_twins_move_nothing(text: str) -> None:
    moves_nothing(text, S3)


@pytest.mark.parametrize(("text", "want"), [
    ("I would have every cube save the red one removed to the right-hand side.", _each("right", S3, "red")),
    ("I want every cube except the red one moved to the right side.", _each("right", S3, "red")),
    ("We need every cube except the blue one taken to the left side.", _each("left", S3, "blue")),
])
def test_a_wish_for_quantified_cubes_moved_somewhere_plans(text: str, want: list[str]) -> None:
    plans_as(text, want, S3)


@pytest.mark.parametrize("text", [
    "I don't want every cube except the red one moved to the right side.",
    "I wouldn't have every cube save the red one removed to the right-hand side.",
    "Would I have every cube save the red one removed to the right-hand side?",
    "He would have every cube save the red one removed to the right-hand side.",
    "I would have moved every cube except the red one to the right side.",
    "I would have every cube save the red one removed to the right-hand side, if I could.",
    "I think I would have every cube save the red one removed to the right-hand side.",
    "I would have every cube save the red one removed to the right-hand side?",
    "I would have every cube save the red one removed from the right-hand side.",
    "I would have had every cube save the red one removed to the right-hand side.",
    "Maybe I want every cube except the red one moved to the right side.",
    "I want every cube except the red one moved to the right side, I guess.",
])
def test_wished_quantifier_twins_move_nothing(text: str) -> None:
    moves_nothing(text, S3)


@pytest.mark.parametrize("text", [
    # A1 s21 H168 / H169: a tower shown with what it is for or its count is still a tower shown
    "That tower for the demo: red at the bottom, blue, green on top.",
    "The tower of three: red at the bottom, blue, green on top.",
    "That stack of three: red at the bottom, blue, green on top.",
    "This tower for the grasp test - red at the bottom, blue in the middle, green on top.",
    "The stack for the demo: red at the bottom, blue in the middle, green on top.",
])
def test_a_tower_shown_with_its_occasion_or_count_moves_nothing(text: str) -> None:
    moves_nothing(text, S3)


@pytest.mark.parametrize(("text", "state"), [
    # A1 s21 H170: the reach said again, asked or hedged
    ("Put every cube in the bin. All?", S3), ("Put every cube on the pad. All, I think.", S3),
    ("Put all the cubes in the bin. All. Yes, all.", S3),
    ("Put every cube on the pad. No cube should be left out, I think.", S3),
    ("Put every cube on the pad. No cube should be left out?", S3),
    ("Put every cube in the bin. Every single one, I guess.", S3),
    ("Put all the cubes in the bin, all of them?", S3),
    ("move both of them to the left. both?", TWO), ("move both of them to the left. both. yes both, I think.", TWO),
    ("Move both cubes to the left, both of them, I think.", TWO),
])
def test_the_reach_said_again_asked_or_hedged_moves_nothing(text: str, state) -> None:
    moves_nothing(text, state)


@pytest.mark.parametrize("text", [
    "Put every cube in the bin. Every single one.", "Put every cube in the bin, every single one, please.",
    "Could you put all the cubes in the bin, all of them?",
])
def test_the_reach_said_again_plainly_plans(text: str) -> None:
    plans_as(text, _each("bin", S3), S3)
