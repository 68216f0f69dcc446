"""The false executions the fourteenth session left open on main (README Status, REV s14 R10 residue, A1 s14 H61
residue), each closed as a class in speech_act.py:

- what the arm, "you", "it", the speaker or a cube WOULD, COULD or MIGHT do, its subject opening the clause ("The arm
  would return home.", "The robot could go home.", "Then you'd put the red cube in the bin."): a supposition or a
  description, no order; "would you ...?", "could it ...?", "if you could ...", "I wonder whether you could ..." and
  "you can go home now" still ask (seen golds);
- a "You put ..." statement closed by praise, a laugh or a call for the next job ("... Keep up the good work.",
  "... Lol!", "... Next!"): a remark on a job done; thanks alone keeps the learner's order (a bare "You put the red
  cube in the bin." plans by the team's convention), and "please" before it keeps the request;
- the same praise after a goal said with no verb ("Red in the bin. Keep up the good work.").

Convention on laughter (stated in notes15/P1.md): a laugh closing an imperative request ("Put the red cube in the
bin. Lol!", "... haha") does not make it a joke: seven seen records by independent writers close a plain request
with "lol"/"haha" and their gold plans it (fi30-023, f22-001, f27-001, fd26-025, indep9-043, indep11-059,
dev_words_s5-052). A word that takes the request back ("jk", "just kidding", "kidding") refuses.
"""

from __future__ import annotations

import pytest
from planner_asserts import S3, plan
from test_planner_fresh12_words import mv, steps

from policies.planner import Plan, Refusal

HOME = ["go_home()"]


def refused(text: str) -> None:
    """A refusal: no plan at all, not even going home (moves_nothing lets a go_home plan through)."""
    result = plan(text, S3)
    assert isinstance(result, Refusal), (text, result)


# ------------------------------------------------------------- would / could / might statements
@pytest.mark.parametrize("text", [
    "The arm would return home.",
    "The robot would go home.",
    "The arm would go back home.",
    "The robot would go to its home position.",
    "The robot would return to home position.",
    "The arm would then return home.",
    "Then the arm would return home.",
    "And then the robot would go home.",
    "The arm could return home.",
    "The robot could go home.",
    "The arm might return home.",
    "The arm'd go home.",
    "Your arm would go home.",
    "The gripper would go back home.",
    "You would go home.",
    "You'd go home.",
    "Then you'd go back home.",
    "It would go home.",
    "It'd go home.",
    "I would go home.",
    "We would go home.",
    "You would put the red cube in the bin.",
    "You'd put the red cube in the bin.",
    "You could put the red cube in the bin.",
    "You might put the red cube in the bin.",
    "Then you would stack the red cube on the blue cube.",
    "The red cube could go in the bin.",
    "The red one might go on the pad.",
    "Red would end up in the bin.",
    "It would sit on the pad.",
    "The robot would push the red cube left.",
    "The arm would pick up the red cube and put it in the bin.",
    "Put the red cube in the bin, and the arm would return home.",
    "Put the red cube in the bin. The arm would return home.",
    "Put the red cube in the bin, then you would go home.",
    "Ok, the arm would return home.",
    "So the robot would go home.",
    "Well, you would put the red cube in the bin.",
])
def test_what_would_or_could_be_done_is_no_order(text: str) -> None:
    refused(text)


@pytest.mark.parametrize(("text", "want"), [
    # asked (the modal before its subject), permitted, or framed by "if" / "whether": seen golds ask with these
    ("Would you go home?", HOME),
    ("Would you go home, please?", HOME),
    ("Would the arm return home?", HOME),
    ("Would you put the red cube in the bin?", mv("red", "bin")),
    ("Could it put the red cube in the bin?", mv("red", "bin")),
    ("You can go home now.", HOME),
    ("That's all for today, you can go back home now.", HOME),
    ("The arm can go home now.", HOME),
    ("if you could put the blue cube on the red cube that would be brilliant", mv("blue", "red")),
    ("I wonder whether you could sit the blue cube on top of the green one.", mv("blue", "green")),
    ("It would be great if you put the red cube in the bin.", mv("red", "bin")),
    ("I would like you to put the red cube in the bin.", mv("red", "bin")),
    ("I'd appreciate it if you could put the green cube in the bin", mv("green", "bin")),
    ("Return home.", HOME),
])
def test_asked_permitted_or_framed_modals_still_plan(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


# ------------------------------------------------------------- "You put ..." then praise, a laugh, "next"
@pytest.mark.parametrize("text", [
    "You put the red cube in the bin. Keep up the good work.",
    "You put the red cube in the bin, keep up the good work.",
    "You put the red cube in the bin. Keep it up!",
    "You put the red cube in the bin. Next!",
    "You put the red cube in the bin. Next one!",
    "You put the red cube in the bin. Next please.",
    "You put the red cube in the bin. Thank you, next!",
    "You put the red cube in the bin, next.",
    "You put red on the pad. Next!",
    "You put the red cube in the bin. Lol!",
    "You put the red cube in the bin. Haha",
    "You put the red cube in the bin! Haha!",
    "You put the red cube in the bin, lmao.",
    "You put the red cube in the bin. Awesome!",
    "You put the red cube in the bin. Perfect.",
    "You put the red cube in the bin. Nicely done.",
    "You put the red cube in the bin. Brilliant!",
    "You put the red cube in the bin. Proud of you.",
    "You put the red cube in the bin. Way to go!",
    "You put the red cube in the bin. Sweet.",
    "You put the red cube in the bin. Cool.",
    "You put the red cube in the bin. Excellent, thanks!",
    "You put the red cube in the bin. Done.",
    "You set the red cube on the pad. Next please!",
    "You put the red cube in the bin, then went home. Cool.",
    "Wow, you put the red cube in the bin. Nice!",
    "Ok you put the red cube in the bin. Great!",
    "You put the red cube in the bin. Nice one.",
    "You put the red cube in the bin. Good work!",
])
def test_a_you_put_statement_closed_by_praise_a_laugh_or_next_is_a_remark(text: str) -> None:
    refused(text)


@pytest.mark.parametrize("text", [
    "Red in the bin. Keep up the good work.",
    "Red in the bin. Nicely done!",
    "The red cube on the pad. Way to go!",
    "Red in the bin. Proud of you.",
])
def test_praise_after_a_verbless_goal_is_a_remark(text: str) -> None:
    refused(text)


@pytest.mark.parametrize(("text", "want"), [
    # thanks alone, "please", a request verb, a question, a later step: the request stands
    ("You put the red cube in the bin.", mv("red", "bin")),
    ("You put the red cube in the bin. Thanks!", mv("red", "bin")),
    ("You put the red cube in the bin, thank you.", mv("red", "bin")),
    ("You set the blue cube on the pad, thanks.", mv("blue", "pad")),
    ("Please you put the red cube in the bin. Next!", mv("red", "bin")),
    ("First you put the red cube in the bin, next you put the blue cube on the pad.",
     mv("red", "bin") + mv("blue", "pad")),
    ("Put the red cube in the bin. Next!", mv("red", "bin")),
    ("Put the red cube in the bin. Keep up the good work.", mv("red", "bin")),
    ("Please put red in the bin. Keep up the good work.", mv("red", "bin")),
    ("Red in the bin, please. Keep up the good work.", mv("red", "bin")),
    ("Could you put the red cube in the bin? Next!", mv("red", "bin")),
    # a laugh closing an imperative request keeps it (seen golds, the module docstring)
    ("Put the red cube in the bin. Lol!", mv("red", "bin")),
    ("Put the red cube in the bin. Haha!", mv("red", "bin")),
    ("Put the red cube in the bin, lol.", mv("red", "bin")),
])
def test_a_request_closed_by_thanks_praise_or_a_laugh_still_plans(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


@pytest.mark.parametrize("text", [
    "Put the red cube in the bin. Jk!",
    "Put the red cube in the bin. Just kidding!",
    "Put the red cube in the bin. Kidding!",
    "Put the red cube in the bin lol jk",
])
def test_a_request_taken_back_as_a_joke_refuses(text: str) -> None:
    assert not isinstance(plan(text, S3), Plan), text


# ------------------------------------------------------------- A1 s15 H70, H73 and minor (17:49 / 17:50)
@pytest.mark.parametrize("text", [
    # a hedge asked back after the request (H70)
    "Put the red cube in the bin, I think?",
    "put red in bin i think?",
    "Stack red on blue, I guess?",
    "Put every cube in the bin, I think?",
    "Put the red cube in the bin, maybe?",
    # the would-statement after "and", "after which", "before" with no comma (H73)
    "Put the red cube in the bin and the arm would return home.",
    "Put the red cube in the bin and then the arm would return home.",
    "Put the red cube in the bin, after which the arm would return home.",
    "Put the red cube in the bin before the arm would return home.",
    "Put the red cube in the bin and you would go home.",
    "Put the red cube in the bin and you could go home.",
    # more verbs (minor)
    "The robot would home.",
    "The robot would land the red cube on the pad.",
    "The robot would balance the red cube on the blue cube.",
])
def test_a1_s15_residues_refuse(text: str) -> None:
    refused(text)


@pytest.mark.parametrize(("text", "want"), [
    ("Put the red cube in the bin, ok?", mv("red", "bin")),
    ("I wonder whether you could put the red cube in the bin.", mv("red", "bin")),
    ("Put the red cube in the bin, I think.", mv("red", "bin")),
])
def test_requests_near_the_residues_still_plan(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


# ------------------------------------------------------------- A1 s15 H78, H79 and the 18:05 note
@pytest.mark.parametrize("text", [
    # "Excuse me?" / "Pardon me?" echo an order in disbelief; "Duck!" warns (H78)
    "Excuse me? Put the red cube in the bin?",
    "Put the red cube in the bin? Excuse me?",
    "Put the red cube in the bin. Pardon me?",
    "Put the red cube in the bin. Excuse me.",
    "Duck! Put the red cube in the bin.",
    "Put the red cube in the bin. Duck!",
    # a closing asked back asks first (H78, 18:05)
    "Put the red cube in the bin. Out?",
    "Put the red cube in the bin. Easy?",
    "Item two: put the red cube in the bin. Confirm?",
    "Red cube in the bin. Set?",
    "Put the red cube in the bin. Quick?",
    # a telegraphic "<thing>, <place>" asked back, hedged, or the arm said to be at home (H79, old)
    "Arm, home position?",
    "Arm, home position, I think.",
    "Arm in home position.",
    "Red cube, bin, yeah?",
    "Red cube, left side, maybe.",
])
def test_a1_s15_h78_h79_refuse(text: str) -> None:
    refused(text)


@pytest.mark.parametrize(("text", "want"), [
    ("Excuse me. Put the red cube in the bin.", mv("red", "bin")),
    ("Excuse me, put the red cube in the bin.", mv("red", "bin")),
    ("Put the red cube in the bin, me duck.", mv("red", "bin")),
    ("Red cube, bin it.", mv("red", "bin")),
    ("Final item: arm, home position. Checklist complete.", HOME),
])
def test_the_same_words_said_plainly_still_plan(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


# ------------------------------------------------------------- A1 s15 H80 (18:0x): a convention, kept
@pytest.mark.parametrize(("text", "want"), [
    # a softener before the whole request is politeness (test_planner_s9_shapes, since s9; it plans on 8458c17 in
    # English), and Patois says the same as English
    ("Maybe put the red cube in the bin.", mv("red", "bin")),
    ("Maybe put di red cube inna di bin.", mv("red", "bin")),
    ("Maybe you could put the red cube in the bin?", mv("red", "bin")),
])
def test_a_softener_before_the_whole_request_plans_in_english_and_patois(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


@pytest.mark.parametrize("text", [
    # a hedge on one step of several stays refused (phrasing's hedged step)
    "Put the red cube in the bin, and maybe put the blue cube on the pad.",
    "Put di red cube inna di bin, and maybe put di blue cube pon di pad.",
])
def test_a_hedged_later_step_refuses(text: str) -> None:
    refused(text)


# ------------------------------------------------------------- A1 s15 H88, H90 (18:3x-18:56)
@pytest.mark.parametrize("text", [
    # a question answered by a checklist's closing says it is done (H88)
    "Red cube in the bin? Set.",
    "Red cube in bin? Set.",
    "Red on blue? Set.",
    "Stack configuration, top to bottom: red, blue, green? Confirm.",
    "Put the red cube in the bin? Confirm.",
    "Put the red cube in the bin? Check.",
    # "gg" praises a job done before a report or a verbless goal (H90)
    "gg, you put the red cube in the bin.",
    "gg, red in the bin.",
])
def test_a1_s15_h88_h90_refuse(text: str) -> None:
    refused(text)


@pytest.mark.parametrize(("text", "want"), [
    ("Item two: blue cube onto the red cube. Set.", mv("blue", "red")),
    ("Put the red cube in the bin. Check.", mv("red", "bin")),
    ("gg, now stack the red cube on the blue one", mv("red", "blue")),
])
def test_the_checklist_and_gg_readings_still_plan(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want
