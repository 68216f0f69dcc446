"""Sentence shapes of session 10's dev splits (fresh_independent_26/27, issue #17 item 2), each a family beside the
variants that must still refuse: Scots said to the robot (dialect.py), a teacher's "Let's ask the robot to ...",
texting's "1" for "one", arrows for any noun phrase and written back to front, a self-correction of a disposal's cube,
of a whole step or of a tower's level, a word said again to stress it ("... to the pad. Red.", "the right side. Your
right."), "instead" after a negated step, "there" after its place, a demonstrative before a colour, a closing tag
("..., aye?"), "done. go home.", wishes "I should like X on Y" / "X to rest on Y", and learner and texting negations."""

from __future__ import annotations

import pytest
from test_planner_fresh12_words import mv, refused, scene, steps

from policies.planner.dialect import in_standard_english, is_scots

S3 = scene("red", "blue", "green")
HOME = ["go_home()"]


# ------------------------------------------------------------- Scots
@pytest.mark.parametrize(("text", "want"), [
    ("Haw, gonnae bin that wee red yin fur me?", mv("red", "bin")),
    ("Right, pal, plonk the red yin doon on the pad there, nae bother.", mv("red", "pad")),
    ("Stick the wee red yin on tap o' the green yin, aye?", mv("red", "green")),
    ("Efter ye've pit the red yin in the bin, stick the blue yin oan the pad.", mv("red", "bin") + mv("blue", "pad")),
    ("Right. Pit the blue yin in the bin. Then the red yin oan tap o' the green. Then awa' hame.",
     mv("blue", "bin") + mv("red", "green") + HOME),
    ("Dinnae pit the red yin in the bin. Pit it oan the pad instead.", mv("red", "pad")),
    ("Shift the red yin ower tae the right-hand side o' the table.", mv("red", "right")),
    ("Gie the blue yin a wee shove forrit.", ["push(object=blue_cube, direction=forward)"]),
])
def test_scots_reads_as_english(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


@pytest.mark.parametrize("text", [
    "Dinnae pit the red yin on the pad.",  # a negation stays one
    "Haw, gonnae no bin that wee red yin fur me?",
    "Ah pit the red yin in the bin.",  # the speaker's own action
    "Ah'll pit the red yin in the bin.",
    "Stick the wee red yin on tap o' the green yin, naw.",
    "Pit the red yin in the bin an' dinnae touch the blue yin. Pit the blue yin oan the pad.",
])
def test_scots_negations_and_reports_still_refuse(text: str) -> None:
    refused(text, S3)


def test_scots_is_read_only_where_a_scots_word_marks_it() -> None:
    assert not is_scots("put the red cube in the pit")
    assert in_standard_english("put the red cube in the pit") == "put the red cube in the pit"
    assert in_standard_english("Pit the red yin in the bin") == "put the red one in the bin"


# ------------------------------------------------------------- a teacher's "let's ask the robot to"
@pytest.mark.parametrize("frame", ["Let's ask the robot to", "Shall we ask the robot to", "Let's ask it nicely to"])
def test_lets_ask_the_robot_is_the_request(frame: str) -> None:
    assert steps(f"{frame} put the green block on the red block!", S3) == mv("green", "red")


@pytest.mark.parametrize("text", ["Let's ask the robot not to put the green block on the red block!",
                                  "Let's not ask the robot to put the green block on the red block.",
                                  "Let's ask the robot whether it can put the green block on the red block."])
def test_lets_ask_never_hides_a_negation_or_a_question(text: str) -> None:
    refused(text, S3)


# ------------------------------------------------------------- texting's "1"; arrows
@pytest.mark.parametrize(("text", "want"), [
    ("move the red 1 to the left side", mv("red", "left")),
    ("pur the rd 1 in teh bin", mv("red", "bin")),
    ("green cube -> garbage", mv("green", "bin")),
    ("all cubes -> bin", mv("red", "bin") + mv("blue", "bin") + mv("green", "bin")),
    ("all but blue -> pad", mv("red", "pad") + mv("green", "pad")),
    ("pad <- red. leave blue alone.", mv("red", "pad")),
    ("leftmost cube -> bin", mv("red", "bin")),
    ("red => left, blue -> pad", mv("red", "left") + mv("blue", "pad")),
])
def test_texting_and_arrows(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


@pytest.mark.parametrize("text", ["not red -> bin", "red -> bin? no", "don't put red -> bin",
                                  "pad <- red. leave red alone.", "put the red 1. in the bin"])
def test_arrows_and_texting_never_hide_a_negation(text: str) -> None:
    refused(text, S3)


# ------------------------------------------------------------- self-corrections and words said again
@pytest.mark.parametrize(("text", "want"), [
    ("Get rid of the red— sorry, the green cube, just bin it.", mv("green", "bin")),
    ("move the blue cube to the pad, no wait, the red cube to the pad", mv("red", "pad")),
    ("Okay, move the blue cube to the pad — no wait, the red cube to the pad. Red.", mv("red", "pad")),
    ("Stack all of them into one tower, red at the bottom — sorry, green at the bottom, then blue, then red.",
     mv("blue", "green") + mv("red", "blue")),
    ("Put the red cube on the left — no, right, the right side. Your right.", mv("red", "right")),
    ("Put the red cube in the bin. Red.", mv("red", "bin")),
])
def test_a_self_correction_runs_the_corrected_words(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


@pytest.mark.parametrize("text", [
    "move the blue cube to the pad, no wait, the red cube to the bin",  # two slots changed: a new request
    "move the blue cube to the pad, no wait, don't move the red cube to the pad",
    "Get rid of the red— sorry, not the green cube.",
    "Put the red cube on the pad. Blue.",  # a word that names something new
    "Put the red cube on the left, the right side.",
    "Put the red cube in the bin. Put it on the pad instead.",  # "instead" without a negation corrects
    "Don't put the red cube in the bin. Put it in the bin instead.",
])
def test_a_correction_that_changes_more_or_contradicts_refuses(text: str) -> None:
    refused(text, S3)


# ------------------------------------------------------------- learner and texting shapes
@pytest.mark.parametrize(("text", "want"), [
    ("Please, the red cube, you put it in the trash, yes?", mv("red", "bin")),
    ("Would you kindly dispose of the blue cube? It is no longer needed.", mv("blue", "bin")),
    ("I should like the red cube on the blue cube.", mv("red", "blue")),
    ("I would like the red cube to rest on top of the green cube, if you please.", mv("red", "green")),
    ("Put the red cube up on the blue cube, like one on top the other.", mv("red", "blue")),
    ("The green one, I need it on the target. On the pad, please.", mv("green", "pad")),
    ("Put the green cube in the trash, but the red cube no, don't touch the red.", mv("green", "bin")),
    ("dont touch the blue 1 just put the red on the pad", mv("red", "pad")),
    ("put blue on top of green ngl itd look sick", mv("blue", "green")),
    ("done. go home.", HOME),
    ("Let's ask the robot to go back home now. Bye-bye, robot, time for a rest!", HOME),
])
def test_learner_and_texting_shapes(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


@pytest.mark.parametrize("text", [
    "Please, the red cube, you don't put it in the trash, yes?",
    "Would you kindly dispose of the blue cube? It is still needed.",
    "Put the green cube in the trash, but the red cube no, don't touch the blue.",
    "dont touch the red 1 just put the red on the pad",
    "done. don't go home.",
])
def test_learner_and_texting_negations_still_refuse(text: str) -> None:
    refused(text, S3)


# ------------------------------------------------------------- the adversary's session-10 findings on these shapes
@pytest.mark.parametrize("text", [
    # H8: a cry after the request may stop or warn; only sighs before it are remarks
    "Put the red cube in the bin. Whoa, whoa!", "Put the red cube in the bin — whoa!",
    "Whoa, whoa, put the red cube in the bin.",
    "Put the red cube in the bin. Ah!", "Put the red cube in the bin. Argh!", "Put the red cube in the bin. Oh!",
    "Put the red cube in the bin. Sigh.",
    # H10: "watch me" announces the speaker's demonstration; "look at this" points at a state
    "Watch me, put the red cube in the bin.", "Watch me: put the red cube in the bin.",
    "Look at this, the red cube in the bin.",
    # H12: "Done:" before more than going home reports it done
    "Done: Go home after you've put the green cube on the blue one.",
    "Done: go home after putting the red cube in the bin.",
    "Done: go home, but first put the red cube in the bin.", "Done! Go home after putting the red cube in the bin.",
    # H3: "X but Y" between two cubes
    "Put the red cube but the blue cube in the bin.", "Put the red cube, but the blue cube, on the pad.",
    "Put red but green on the pad.", "Stack red but blue on green.",
    # H2 remainder: words before the verb after "... and go home,"
    "Put the blue cube on the pad and go home, Bob will put the red cube in the bin.",
    "Put the blue cube on the pad and go home, tomorrow put the red cube in the bin.",
    "Put the blue cube on the pad and go home, or put the red cube in the bin.",
    "Push blue left and go home, Bob will put the red cube in the bin.",
    "Go home, dropping the red cube in the bin.",
])
def test_adversary_s10_shapes_refuse(text: str) -> None:
    refused(text, S3)


@pytest.mark.parametrize(("text", "want"), [
    ("done. go home.", HOME),
    ("Put the blue cube on the pad and go home, please put the red cube in the bin.",
     mv("blue", "pad") + HOME + mv("red", "bin")),
    ("Go home, having put the red cube in the bin.", mv("red", "bin") + HOME),
    # H7: "after," / "before," as adverbs
    ("Put the red cube in the bin, and after, put the blue one on the pad.", mv("red", "bin") + mv("blue", "pad")),
    ("Put the red cube in the bin, after, put the blue one on the pad.", mv("red", "bin") + mv("blue", "pad")),
    ("Put the red cube in the bin and after, the blue one on the pad.", mv("red", "bin") + mv("blue", "pad")),
    ("Put the red cube in the bin, and immediately after, put the blue one on the pad.",
     mv("red", "bin") + mv("blue", "pad")),
    ("Put the red cube in the bin, and before, put the blue one on the pad.", mv("blue", "pad") + mv("red", "bin")),
    ("Put the red cube in the bin, but just before, put the blue one on the pad.",
     mv("blue", "pad") + mv("red", "bin")),
    ("haha, put the red cube in the bin", mv("red", "bin")),
])
def test_adversary_s10_shapes_read(text: str, want: list[str]) -> None:
    assert steps(text, S3) == want


# ------------------------------------------------------------- mid-session (f28) shapes, and the adversary's H4
S5 = scene("red", "blue", "green", "yellow", "orange")


@pytest.mark.parametrize(("text", "want"), [
    ("Please push the green cube gently towards the back of the table.",
     ["push(object=green_cube, direction=forward)"]),
    ("push the green cube towards the front of the table", ["push(object=green_cube, direction=backward)"]),
    ("nudge the green cube a bit to the back", ["push(object=green_cube, direction=backward)"]),  # (seen convention)
    ("Kindly dispose of the yellow cube into the trash bin only.", mv("yellow", "bin")),
    ("First, red cube to left side. After that, blue cube on red cube. Last, go home.",
     mv("red", "left") + mv("blue", "red") + HOME),
    ("Please move red cube to right side of table.", mv("red", "right")),
    ("Blue to the right. Yellow to the left. Go.", mv("blue", "right") + mv("yellow", "left")),
    ("Without disturbing yellow cube, kindly stack orange cube on blue cube.", mv("orange", "blue")),
    ("Shove the blue cube right — to your right, not mine!", ["push(object=blue_cube, direction=right)"]),
    ("um, could you like, move the red cube to the pad", mv("red", "pad")),
])
def test_mid_session_shapes(text: str, want: list[str]) -> None:
    assert steps(text, S5) == want


@pytest.mark.parametrize("text", [
    "Don't put red in the bin. Go.", "Put red in the bin. Last, don't go home.",
    "Put the red cube in the bin only if you can.", "Shove the blue cube right - to your right, not left!",
    "You like the red cube in the bin.", "You like red in the bin.",  # a taste, not a request (A1 s10 H4)
    "The gripper died. Put the red cube in the bin.", "My colleague died. Put the red cube in the bin.",
])
def test_mid_session_near_misses_refuse(text: str) -> None:
    refused(text, S5)
