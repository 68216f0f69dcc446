"""Session 7's adversarial pass on the planner (issue #17, first invariant): each test is a class of instructions
that some backend once planned against the words (a forbidden or retracted action run, the wrong cube moved, the
steps in the wrong order), kept with its variants once fixed. Refusing is always allowed where a test says
``not touches``; a plan against the words never is. Findings: /work/team/notes7/A1_findings.md (F1 ... F9)."""

from __future__ import annotations

import pytest
from test_planner_fresh12_words import SCENE, mv, plan, scene, touches

from policies.planner import Plan, Refusal, make_planner

PAIRS = (("red", "blue"), ("green", "yellow"), ("blue", "red"))
FR = {"red": "rouge", "blue": "bleu", "green": "vert", "yellow": "jaune"}
DE = {"red": "roten", "blue": "blauen", "green": "grünen", "yellow": "gelben"}
THREE = scene("red", "green", "blue")  # red leftmost (y 0.24), green, blue rightmost


def in_order(text: str, *moves: tuple[str, str]) -> None:
    """``text`` plans exactly ``moves`` in this order, or is refused; never the same moves in another order."""
    result = plan(text)
    want = [s for colour, where in moves for s in mv(colour, where)]
    assert not isinstance(result, Plan) or [str(s) for s in result.steps] == want, (text, result)


# --------------- F1 (English ec0a273, French/German dd9e5ab): a later clause said to go first runs first, never last
@pytest.mark.parametrize(("x", "y"), PAIRS)
@pytest.mark.parametrize("form", [
    "put the {x} cube in the bin, but place the {y} cube on the pad first",
    "put the {x} cube in the bin but put the {y} cube on the pad first",
    "put the {x} cube in the bin, place the {y} cube on the pad first",
    "put the {x} cube in the bin and place the {y} cube on the pad first",
    "put the {x} cube in the bin - but do place the {y} cube on the pad first",
    "put the {x} cube in the bin, but start by placing the {y} cube on the pad",
    "put the {x} cube in the bin, but begin by placing the {y} cube on the pad",
    "place the {y} cube on the pad, after which put the {x} cube in the bin",
    "mets le cube {fx} dans la poubelle, mais pose le cube {fy} sur le pad d'abord",
    "mets le cube {fx} dans la poubelle et pose le cube {fy} sur le pad d'abord",
    "mets le cube {fx} dans la poubelle, pose d'abord le cube {fy} sur le pad",
    "leg den {dx} Würfel in den Eimer, aber leg den {dy} Würfel zuerst aufs Pad",
    "leg den {dx} Würfel in den Eimer und leg den {dy} Würfel zuerst aufs Pad"])
def test_a_later_clause_said_first_runs_first(form: str, x: str, y: str) -> None:
    text = form.format(x=x, y=y, fx=FR[x], fy=FR[y], dx=DE[x], dy=DE[y])
    in_order(text, (y, "pad"), (x, "bin"))


# ------------------------------- F3 (French/German, dd9e5ab): "not that, <another cube>" corrects, never runs the first
@pytest.mark.parametrize(("x", "y"), PAIRS)
@pytest.mark.parametrize("form", [
    "mets le cube {fx} dans la poubelle, pas ça, le {fy}", "mets le cube {fx} dans la poubelle, pas le, le {fy}",
    "leg den {dx} Würfel in den Eimer, nicht den, den {dy}", "leg den {dx} Würfel in den Eimer, nicht das, den {dy}",
    "leg den {dx} Würfel in den Eimer, nicht diesen, den {dy}",
    "leg den {dx} Würfel in den Eimer, den nicht, den {dy}"])
def test_a_negated_pointer_then_a_cube_is_a_correction_in_french_and_german(form: str, x: str, y: str) -> None:
    assert not touches(plan(form.format(fx=FR[x], fy=FR[y], dx=DE[x], dy=DE[y])), x)



# --------------------------- F9 (fe079b4): "but the red one" with nothing more, and a whole wish negated, plan nothing
@pytest.mark.parametrize("x", ["red", "blue", "green"])
@pytest.mark.parametrize("form", ["leg alle Würfel in den Eimer, aber den {dx}",
                                  "leg alle Würfel aufs Pad, aber den {dx}",
                                  "mets tous les cubes dans la poubelle, mais le {fx}",
                                  "mets tous les cubes sur le pad, mais le {fx}"])
def test_but_the_cube_with_nothing_more_is_not_an_exclusion(form: str, x: str) -> None:
    result = plan(form.format(dx=DE[x], fx=FR[x]))
    assert isinstance(result, Refusal), result


@pytest.mark.parametrize(("x", "y"), PAIRS)
def test_a_negated_wish_then_its_pronoun_is_refused_not_asked(x: str, y: str) -> None:
    for text in (f"je ne voudrais pas que tu prennes le {FR[x]} et que tu le mettes dans la poubelle",
                 f"je voudrais que tu ne prennes pas le {FR[x]} et que tu le mettes dans la poubelle"):
        assert isinstance(plan(text), Refusal), text


# ----------------------------- F7 (fe079b4, French/German): a push "towards me" was refused (the speaker's place
# unknown); since ec2b0e7 (session 17) it follows English "towards me" and the seen golds: backward, toward the robot's
# base, where the operator stands at the front ("forward towards me" still refuses, test_P2_s17_speaker)
@pytest.mark.parametrize("text", ["pousse le rouge vers moi", "pousse le cube rouge vers moi",
                                  "schieb den roten zu mir", "schieb den roten Würfel zu mir"])
def test_a_push_towards_the_speaker_is_backward_in_french_and_german(text: str) -> None:
    result = plan(text)
    assert isinstance(result, Plan), (text, result)
    assert [str(s) for s in result.steps] == ["push(object=red_cube, direction=backward)"], (text, result)


# ------------------ F4 (16a8834, the default backend): a reversal said after the request never lets the model plan it
@pytest.fixture(scope="module")
def default_planner():  # type: ignore[no-untyped-def]
    pytest.importorskip("llama_cpp")
    return make_planner("llama_cpp", examples=2)


@pytest.mark.slow
@pytest.mark.xdist_group("llama_model")
@pytest.mark.parametrize("text", ["put red on blue, vice versa", "stack red on blue, upside down",
                                  "put red on blue, inverted", "put the red cube on the blue cube, and vice versa"])
def test_a_reversal_word_never_lets_the_model_plan_the_words_unreversed(default_planner, text: str) -> None:  # type: ignore[no-untyped-def]
    result = default_planner.plan(text, SCENE)
    assert not isinstance(result, Plan) or [str(s) for s in result.steps] == mv("blue", "red"), (text, result)


# ------------------------------------ F2 (ec0a273): words before a clause's verb are read or the clause is refused
LEADS = ("quit", "cease to", "abstain from", "refuse to", "decline to", "desist from", "undo", "halt", "postpone",
         "regret", "xyzzy", "do noth", "do knot", "do note", "d0nt", "why would you", "who told you to", "did you",
         "have you", "should you", "how dare you", "I must", "I should", "maybe I should", "I can", "I could")


@pytest.mark.parametrize("lead", LEADS)
@pytest.mark.parametrize(("x", "y"), PAIRS[:2])
def test_words_before_the_verb_that_the_parser_does_not_read_never_run_it(lead: str, x: str, y: str) -> None:
    for ask in (f"put the {x} cube in the bin", f"push the {x} cube left", f"stack the {x} cube on the {y} cube"):
        assert not touches(plan(f"{lead} {ask}"), x), (lead, ask)
        assert not touches(plan(f"put the {y} cube on the pad, then {lead} {ask}"), x), (lead, ask)


@pytest.mark.parametrize(("x", "y"), PAIRS)
def test_the_rules_backend_never_runs_what_the_speaker_says_they_can_do(x: str, y: str) -> None:
    rules = make_planner("rules")
    for text in (f"i can put the {x} cube in the bin", f"i could put the {x} cube in the bin",
                 f"i can put the {x} cube in the bin then you put the {y} cube on the pad"):
        assert not touches(rules.plan(text, SCENE), x), text


# ------------------------------------------- F3 (ec0a273, English): a correction is never read as a list or ignored
@pytest.mark.parametrize(("x", "y"), PAIRS)
@pytest.mark.parametrize("form", ["put the {x} cube in the bin, not that, {y}", "put {x} in the bin... not that, {y}",
                                  "put the {x} cube in the bin, not this, the {y} one",
                                  "put the {x} cube in the bin, not the, the {y}",
                                  "put the {x} cube, I misspoke, the {y} cube, in the bin",
                                  "put {x}, I misspoke, {y} in the bin", "put the {x} - I misspoke, {y} - in the bin"])
def test_a_correction_never_runs_the_cube_it_takes_back(form: str, x: str, y: str) -> None:
    assert not touches(plan(form.format(x=x, y=y)), x)


# ----------------------------------- F4 (ec0a273): a spelled-out tower then a reversal is never built as first said
@pytest.mark.parametrize("reversal", ["reversed", "upside down", "the other way round", "but flip it", "but reverse it",
                                      "inverted"])
def test_a_tower_then_a_reversal_is_never_built_as_first_said(reversal: str) -> None:
    for text, said in ((f"build a tower: red at the bottom, blue in the middle, green on top, {reversal}",
                        mv("blue", "red") + mv("green", "blue")),
                       (f"build a tower with red at the bottom and green at the top, {reversal}", mv("green", "red"))):
        result = plan(text)
        assert not isinstance(result, Plan) or [str(s) for s in result.steps] != said, (text, result)


# -------------------------- F5, F11 (ec0a273): a reason that is taken back, or "we don't need that" (the action itself)
@pytest.mark.parametrize("x", ["red", "blue", "green"])
@pytest.mark.parametrize("form", ["get rid of {x}, I will not be needing it, actually I will",
                                  "push {x} left? we don't need that", "put {x} in the bin? we don't need that",
                                  "put {x} on the pad, we don't need this",
                                  "put {x} in the bin - we don't need that anymore",
                                  "put {x} in the bin; we no longer need that",
                                  "put {x} in the bin, I don't need that"])
def test_a_retracted_reason_or_an_unneeded_action_never_runs(form: str, x: str) -> None:
    assert not touches(plan(form.format(x=x)), x)


# --------------------------------------- F6 (ec0a273): two colours before one singular cube name no cube, never two
@pytest.mark.parametrize(("x", "y"), PAIRS)
def test_two_colours_before_one_cube_are_never_two_cubes(x: str, y: str) -> None:
    for text in (f"put the {x} {y} cube in the bin", f"put the {y} {x} cube on the pad"):
        result = plan(text)
        assert not isinstance(result, Plan), (text, result)


# ---------------------------- F10 (ec0a273): a pronoun after a quantifier with an exclusion never names its last cube
@pytest.mark.parametrize("x", ["red", "blue"])
@pytest.mark.parametrize("pronoun", ["it", "them"])
def test_a_pronoun_after_a_quantified_clause_is_refused(x: str, pronoun: str) -> None:
    result = plan(f"put every cube except {x} in the bin, then put {pronoun} on the pad")
    assert isinstance(result, Refusal), result


# ----------------------------------- F14 (ec0a273): a terse tower giving two cubes one level is refused, never stacked
@pytest.mark.parametrize("text", ["build a tower: red bottom, blue top, green middle, yellow top",
                                  "build a tower: red bottom, blue top, yellow top",
                                  "build a tower: red bottom, yellow bottom, blue middle, green top",
                                  "build a tower: red bottom, blue middle, green middle, yellow top"])
def test_a_terse_tower_with_a_level_said_twice_is_refused(text: str) -> None:
    assert isinstance(plan(text), Refusal), text


# ------------------------------------- F13 (4dbd433, French): spoken "plus" (no more) is a negation, never "please"
@pytest.mark.parametrize(("x", "y"), PAIRS)
@pytest.mark.parametrize("form", ["mets plus le {fx} dans la poubelle", "tu mets plus le {fx} dans la poubelle",
                                  "jette plus le {fx}", "pousse plus le {fx} à gauche",
                                  "empile plus le {fx} sur le {fy}",
                                  "mets le {fy} sur le pad, puis mets plus le {fx} dans la poubelle"])
def test_spoken_plus_never_runs_the_verb(form: str, x: str, y: str) -> None:
    assert not touches(plan(form.format(fx=FR[x], fy=FR[y])), x)


# ----- F8 (ec0a273), F19, F21, F22 (5deea55), the default backend: words that pick cubes out, corrections, retractions,
# reports and misspelt negations the parser cannot read are refused with a reason; the model never plans through them
@pytest.mark.slow
@pytest.mark.xdist_group("llama_model")
@pytest.mark.parametrize(("text", "kept"), [
    ("put any cube but red in the bin", "red"), ("put the non-red cube in the bin", "red"),
    ("put the cube besides blue in the bin", "blue"), ("put the cube unlike red in the bin", "red"),
    ("push the cube that ain't blue left", "blue"), ("put the cube between red and blue in the bin", "red"),
    ("put red anywhere but the bin", "red"), ("put the red cube in the bin, red stays put", "red"),
    ("nothing goes in the bin; put red in the bin", "red"), ("put red in the bin zero times", "red"),
    ("put the non-leftmost cube in the bin", "red"), ("put any cube but the leftmost in the bin", "red"),
    ("put red, err blue in the bin", "red"), ("put green make that yellow in the bin", "green"),
    ("put red or better blue in the bin", "red"), ("push red left better blue", "red"),
    ("stack the red cube on blue, undo", "red"), ("move the blue cube to the left side, changed my mind", "blue"),
    ("push the blue cube left, psych", "blue"), ("do noth bin red", "red"), ("quit trying to bin green", "green"),
    ("move every cube w/o green in the trash", "green"),
    ("move the red cube to the left side, blue is out of bounds", "blue"), ("put red in the bin, nto blue", "blue"),
    ("put red in the bin, npt blue", "blue"), ("put red in the bin, noot blue", "blue"),
    ("put the cubes that aren't red in the bin", "red"), ("put the blue cube on the pad, I'll do the red one", "red"),
    ("put red in the bin, that would be bad", "red"), ("Example: put red in the bin", "red"),
    ("red is standing on blue", "red"), ("bin the purple cube, we're keeping it", "purple"),
    ("the red cube has the blue cube on it, chuck it in the bin", "blue"),
    ("put the red-orange cube in the bin", "orange")])
def test_the_model_never_plans_what_the_words_exclude_or_take_back(  # type: ignore[no-untyped-def]
        default_planner, text: str, kept: str) -> None:
    assert not touches(default_planner.plan(text, SCENE), kept), text


# -------------- F17 (f54f6ce, the default backend): a request labelled done is a report the model never plans
@pytest.mark.slow
@pytest.mark.xdist_group("llama_model")
@pytest.mark.parametrize("text", ["Finished: put red in the bin", "put red in the bin - done",
                                  "put red in the bin (done)", "put red in the bin [done]",
                                  "Completed: put red in the bin", "already finished: put red in the bin"])
def test_the_model_never_plans_a_request_reported_done(default_planner, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not touches(default_planner.plan(text, THREE), "red"), text


# ----------------- F7, F12, F15 (0096e77, English): the speaker's place and the speaker's own action are never planned,
# and a correction of a place that two clauses said is refused, never applied to one of them
# (P3 s16: the writers' spec puts the person at the robot, and seen gold fi43-062 plans "a little push towards me":
# a push towards or away from the speaker is read as towards or away from the robot, where F7 refused it)
@pytest.mark.parametrize("text", ["push the green cube toward me", "push the green cube away from me",
                                  "push the green cube towards me", "push the green cube toward us"])
def test_a_push_relative_to_the_speaker_is_relative_to_the_robot(text: str) -> None:
    assert plan(text) == plan(text.replace(" me", " the robot").replace(" us", " the robot")), text


@pytest.mark.parametrize(("x", "y"), PAIRS)
def test_what_the_speaker_can_do_after_and_is_never_planned(x: str, y: str) -> None:
    for text in (f"put {y} on the pad and I can put the {x} cube in the bin",
                 f"put {y} on the pad and I could put the {x} cube in the bin"):
        assert not touches(plan(text), x), text


@pytest.mark.parametrize(("x", "y"), PAIRS)
def test_a_correction_of_a_place_said_twice_is_refused(x: str, y: str) -> None:
    for text in (f"put {x} in the bin and {y} in the bin, sorry, on the pad",
                 f"put {x} in the bin, {y} in the bin, sorry, on the pad"):
        in_order(text, (x, "pad"), (y, "pad"))


# ---------- F16, F17, F18, F20 (5deea55, 74d613a): colour families never crash, checklist labels and asides that keep
# the cube never run, and "the same with" after two requests is refused in every language
@pytest.mark.parametrize("text", ["put the warm-coloured cube on the cool-coloured cube",
                                  "put the cool-coloured cube in the bin, not the warm-coloured one",
                                  "put the non-warm-coloured cube in the bin"])
def test_two_colour_families_or_a_negated_one_never_raise(text: str) -> None:
    for state in (scene("red", "blue"), SCENE):
        assert not isinstance(plan(text, state), Plan), text  # raised PlanFormatError before 5deea55


def test_a_colour_family_never_offers_the_cube_it_excludes() -> None:
    result = plan("put the warm-coloured cube, not red, in the bin")
    assert not touches(result, "red") and "red_cube" not in getattr(result, "candidates", ()), result


@pytest.mark.parametrize("x", ["red", "blue"])
@pytest.mark.parametrize("form", ["Done: put {x} in the bin", "done: put the {x} cube on the pad",
                                  "done, put {x} in the bin", "done. put {x} in the bin",
                                  "put {x} in the bin: done", "Done - put {x} in the bin"])
def test_a_checklist_line_marked_done_never_runs(form: str, x: str) -> None:
    assert not touches(plan(form.format(x=x)), x)


@pytest.mark.parametrize("aside", ["'s staying", "'s sticking around", "'s untouchable", "'s taboo", "'s precious",
                                   "'s to be kept", "'s a keeper", "'s keeping", "'s important", "'s for the demo",
                                   " is important", " is fine", " is the one we need"])
def test_an_aside_that_keeps_the_cube_never_lets_it_be_binned(aside: str) -> None:
    assert not touches(plan(f"the red cube{aside}, chuck it in the bin"), "red")


@pytest.mark.parametrize("text", [
    "put red in the bin and green on the pad, do the same with blue",
    "put red in the bin, then green on the pad, do the same with blue",
    "mets le rouge dans la poubelle et pose le vert sur le pad, fais pareil avec le bleu",
    "leg den roten in den Eimer und den grünen aufs Pad, mach dasselbe mit dem blauen"])
def test_the_same_with_after_two_requests_is_refused(text: str) -> None:
    assert not touches(plan(text), "blue"), text
