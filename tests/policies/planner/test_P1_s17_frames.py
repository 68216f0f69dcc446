"""Session 17, P1: shape families read as frames (issue 17), each with its negated, questioned, reported and hedged
twins refused. A frame probe over the s14-s16 dev failures found the record fixes held but the families did not:

- F1 ask frames, a subject and a modal (or a fixed invitation) right before a verb the planner reads, at a clause's
  start: "could you possibly/perhaps ...", "are you able/willing to ...", "will you be able to ...", "can/could I get
  you to ...", "is there any chance you could ...?", "how about you ...", "(it's) time (for you) to ...", "would you
  like/care to ...", and asked only ("?"): "(do you) wanna ...?", "care to ...?", "do you want to ...?", "fancy
  <verb>ing ...?"; "go on (then), ..." before an order;
- F2 sentences of colour after a complete order (closed classes): one-word approvals ("Lovely.", "Perfect, thanks."),
  the manner of a careful hand ("Carefully.", "Easy does it.", "Take your time."), encouragement ("Off you go.",
  "You've got this.", "There you go."), the cube's fate or character ("Poor thing.", "It's had a rough week.", "It's
  seen better days.", "Bye-bye, little cube."), the speaker's state ("I'm knackered."), addresses (", robot.", ",
  sir.", ", my friend."); never a state of the cube or the place ("It's glued down.", "It's already in the bin."), a
  correction or a retraction, and never after a report or a verbless goal;
- F3 a question that only opens the talk, before the request, at the very start (closed classes: readiness or
  attention "Are you ready?", "You there?", "Can you hear me?"; a moment "Got a sec?"; a favour not yet named "Could
  you do me a favour?", "Can I ask a favour?", "Mind if I ask you something?"; health, name or identity "How are
  you?", "What's your name?", "Is this the robot arm?"; never a teaser, "Guess what?", which news follows); what
  follows is read as said, so a
  negation, a report or a question after it still refuses, and a question about a cube, a place or the arm's state
  keeps the whole refused;
- F4 addresses and discourse particles closing a request, between marks (kin and street addresses "uncle", "aunty",
  "guv", "me old mucker", "y'all"; "there's a dear"; particles "innit", "you know", "like", "ah", "sha",
  "jor"; Nigerian "biko", "please na" before it); never after a report or a statement, never before more words, and
  a particle never before "?" (", innit?" asks to confirm, as ", right?" does);
- "Red cube: bin." (a colon after the cube, as "Red cube, bin."): the model planned it where the parser refused
  (s16 residue); now every backend has the parser's reading.
"""

from __future__ import annotations

import pytest
from planner_asserts import S3, moves_nothing
from test_planner_fresh12_words import mv, steps

F1_PLANS = [
    "Is there any chance you could put the red cube in the bin?",
    "Could you possibly put the red cube in the bin?",
    "Could you perhaps put the red cube in the bin, please?",
    "Are you able to put the red cube in the bin?",
    "Are you willing to put the red cube in the bin?",
    "Can I get you to put the red cube in the bin?",
    "Could we get you to put the red cube in the bin?",
    "How about you put the red cube in the bin?",
    "How about you just put the red cube in the bin?",
    "Time to put the red cube in the bin.",
    "It's time to put the red cube in the bin.",
    "Okay, time to put the red cube in the bin.",
    "Right, it's time for you to put the red cube in the bin.",
    "Would you like to put the red cube in the bin?",
    "Would you care to put the red cube in the bin?",
    "Care to put the red cube in the bin?",
    "Wanna put the red cube in the bin?",
    "You wanna put the red cube in the bin?",
    "Do you wanna put the red cube in the bin?",
    "Do you want to put the red cube in the bin?",
    "Fancy putting the red cube in the bin?",
    "Go on, put the red cube in the bin.",
    "Go on then, put the red cube in the bin.",
    "Go on and put the red cube in the bin.",
]

F1_REFUSED = [
    # negated
    "Are you not able to put the red cube in the bin?",
    "Aren't you able to put the red cube in the bin?",
    "Could you possibly not put the red cube in the bin?",
    "Can I get you to not put the red cube in the bin?",
    "How about you don't put the red cube in the bin?",
    "It's not time to put the red cube in the bin.",
    "Time to not put the red cube in the bin.",
    "Would you like to not put the red cube in the bin?",
    "Don't wanna put the red cube in the bin?",
    "Wanna not put the red cube in the bin?",
    "Fancy not putting the red cube in the bin?",
    "Care to not put the red cube in the bin?",
    "Go on, don't put the red cube in the bin.",
    "Is there no chance you could put the red cube in the bin?",
    "There's no chance you could put the red cube in the bin.",
    # questioned (whether, not a request) or asked of the past
    "Were you able to put the red cube in the bin?",
    "Were you willing to put the red cube in the bin?",
    "Could you possibly have put the red cube in the bin?",
    "Is it time to put the red cube in the bin?",
    "It's time to put the red cube in the bin?",
    "Is there any chance you put the red cube in the bin?",
    "Is there any chance you could have put the red cube in the bin?",
    "Is there any chance the red cube is in the bin?",
    "Would you have liked to put the red cube in the bin?",
    "You wanted to put the red cube in the bin?",
    "Would you like me to put the red cube in the bin?",
    "Can I put the red cube in the bin?",
    # reported or the speaker's own
    "You were able to put the red cube in the bin.",
    "I got you to put the red cube in the bin.",
    "It was time to put the red cube in the bin.",
    "I wanna put the red cube in the bin.",
    "You wanna put the red cube in the bin.",
    "Go on, I put the red cube in the bin.",
    # hedged before the frame, or taken back after it
    "Maybe it's time to put the red cube in the bin.",
    "I think it's time to put the red cube in the bin.",
    "It's about time you put the red cube in the bin.",
    "Could you possibly put the red cube in the bin? Just kidding.",
    "How about you put the red cube in the bin, or not?",
    "Time to put the red cube in the bin... or is it?",
]


@pytest.mark.parametrize("text", F1_PLANS)
def test_f1_ask_frames_plan_the_request(text: str) -> None:
    assert steps(text, S3) == mv("red", "bin")


@pytest.mark.parametrize("text", F1_REFUSED)
def test_f1_negated_questioned_reported_hedged_twins_move_nothing(text: str) -> None:
    moves_nothing(text)


F2_AFTER = [
    "Lovely.", "Perfect, thanks.", "Brilliant!", "Great.", "Awesome, thanks.", "Cool.", "Sweet.", "Lovely, ta.",
    "Carefully.", "Carefully, please.", "Nice and slowly.", "Easy does it.", "Slow and steady.", "Take your time.",
    "Off you go.", "Go for it.", "You've got this.", "There we go.", "I'll wait.", "Good robot.",
    "Poor thing.", "Poor little thing.", "It's had a rough week.", "It's seen better days.",
    "Bye-bye, little cube.", "Rest in peace.", "I'm knackered.", "I'm so tired.",
]


@pytest.mark.parametrize("after", F2_AFTER)
def test_f2_colour_after_a_complete_order_is_dropped(after: str) -> None:
    assert steps(f"Put the red cube in the bin. {after}", S3) == mv("red", "bin")


@pytest.mark.parametrize("text", [
    "Put the red cube in the bin, robot.",
    "Put the red cube in the bin, sir.",
    "Put the red cube in the bin, my friend.",
    "Robot, put the red cube in the bin, there you go.",
    "Could you put the red cube in the bin, please? Thank you.",
])
def test_f2_addresses_and_encouragement_after_the_order(text: str) -> None:
    assert steps(text, S3) == mv("red", "bin")


F2_REFUSED = [
    # a state of the cube or the place, a warning, a correction or a retraction beside the order
    "Put the red cube in the bin. It's glued down.",
    "Put the red cube in the bin. It's hot.",
    "Put the red cube in the bin. It's stuck.",
    "Put the red cube in the bin. It's already in the bin.",
    "Put the red cube in the bin. Actually the blue one.",
    "Put the red cube in the bin. Just kidding.",
    "Put the red cube in the bin. Never mind.",
    "Put the red cube in the bin. Poor thing, it's stuck.",
    "Put the red cube in the bin. Carefully, it's hot.",
    "Put the red cube in the bin. Gently, it's fragile.",
    "Put the red cube in the bin. Great, the bin is full.",
    "Put the red cube in the bin. There you go, done.",
    "Put the red cube in the bin. Good robot, now stop.",
    # negated or questioned colour
    "Put the red cube in the bin. Not carefully.",
    "Put the red cube in the bin. I'm not tired.",
    "Put the red cube in the bin. It's not my favourite.",
    "Put the red cube in the bin. It hasn't had a rough week.",
    "Put the red cube in the bin. Is it shy?",
    "Put the red cube in the bin. Perfect?",
    "Put the red cube in the bin. Carefully?",
    "Put the red cube in the bin. You've got this?",
    # a near miss: more than colour
    "Put the red cube in the bin. I'm tired of it.",
    "Put the red cube in the bin. I'll wait until tomorrow.",
    "Put the red cube in the bin. Off you go home.",
    "Put the red cube in the bin. Go for it later.",
    "Put the red cube in the bin. Bye bye blue cube.",
    # sarcasm, a reason not to, a question of the future (A1 s17)
    "Put the red cube in the bin. Great, just great.",
    "Put the red cube in the bin. Great. Just great.",
    "Put the red cube in the bin. Perfect, just perfect.",
    "Put the red cube in the bin. Oh great.",
    "Put the red cube in the bin. Oh wonderful.",
    "Put the red cube in the bin. It's my favourite.",
    "Will you be able to put the red cube in the bin?",
    "Put the red cube in the bin. Slowly, then quickly.",
    # after a report, a verbless goal, a question or a negation: no order to close
    "You put the red cube in the bin. Perfect.",
    "I put the red cube in the bin. Great.",
    "The red cube is in the bin. Perfect.",
    "Red cube in the bin. Perfect.",
    "Red cube in the bin? Perfect.",
    "Did you put the red cube in the bin? Lovely.",
    "Don't put the red cube in the bin. Perfect.",
    "Don't put the red cube in the bin. Carefully.",
    "Perfect. Done.",
    "Lovely.",
    "Carefully.",
]


@pytest.mark.parametrize("text", F2_REFUSED)
def test_f2_warnings_corrections_and_twins_move_nothing(text: str) -> None:
    moves_nothing(text)


@pytest.mark.parametrize("text", ["Red cube: bin.", "Red cube: bin", "red: bin.", "Red cube: pad."])
def test_a_colon_after_the_cube_reads_as_the_comma_does(text: str) -> None:
    assert steps(text, S3) == steps(text.replace(":", ","), S3)
    assert steps(text, S3) in (mv("red", "bin"), mv("red", "pad"))


@pytest.mark.parametrize("text", [
    "Red cube: bin?",
    "Red cube: not bin.",
    "Red cube: bin. Just kidding.",
    "Red cube: binned.",
    "Red cube: already in the bin.",
    "Status: red cube: bin.",
    "Red cube: bin. Red cube: stays where it is.",
    "Red cube: bin or pad.",
    "Don't. Red cube: bin.",
    "Red cube: never the bin.",
    # a status line (A1 s17)
    "Red cube: in the bin.",
    "Red: in the bin.",
    "Red cube: on the pad.",
    # "Red cube: into the bin." (a direction after the colon) plans since b9bd433, as "Red cube: bin." does:
    # test_P1_s18_residues pins it
])
def test_a_colon_label_questioned_negated_or_reported_moves_nothing(text: str) -> None:
    moves_nothing(text)


def test_the_model_backend_reads_the_colon_as_the_parser_does() -> None:
    """The words check every backend's plan passes now reads "Red cube: bin." as the parser does: a plan that sends
    the red cube elsewhere is rejected for any backend."""
    from policies.planner.plan import Plan, Step
    from policies.planner.planner import words_error

    def red_to(region: str) -> Plan:
        return Plan(steps=(Step(skill="pick", args={"object": "red_cube"}),
                           Step(skill="place_in", args={"region": region})))

    assert words_error("Red cube: bin.", S3, red_to("bin")) is None
    assert words_error("Red cube: bin.", S3, red_to("pad")) is not None


@pytest.mark.parametrize("text", [
    "How are you? Put the red cube in the bin.",
    "How are you doing today? Could you put the red cube in the bin?",
    "How's it going? Put the red cube in the bin please.",
    "Oh wow, is this the robot arm? Neat. Could you put the red cube in the bin?",
    "Is this the robot? Could you put the red cube in the bin?",
    "Are you the new robot? Put the red cube in the bin, please.",
    "Are you ready? Put the red cube in the bin.",
    "Ready? Put the red cube in the bin.",
    "You ready? Put the red cube in the bin.",
    "Are you awake? Put the red cube in the bin.",
    "Can you hear me? Put the red cube in the bin.",
    "Got a sec? Put the red cube in the bin.",
    "Have you got a minute? Could you put the red cube in the bin?",
    "You busy? Put the red cube in the bin when you can.",
    "Hello? Put the red cube in the bin.",
    "Anyone home? Put the red cube in the bin.",
    "Wanna help me out? Put the red cube in the bin.",
    "Could you do me a favour? Put the red cube in the bin.",
    "Can I ask a favour? Put the red cube in the bin.",
    "Mind if I ask you something? Could you put the red cube in the bin?",
    "Ok robot, you there? Put the red cube in the bin.",
    "Hi robot! How are you? Put the red cube in the bin.",
])
def test_f3_an_opening_question_before_the_request(text: str) -> None:
    assert steps(text, S3) == mv("red", "bin")


@pytest.mark.parametrize("text", [
    # what follows is read as said
    "Ready? Don't put the red cube in the bin.",
    "How are you? I put the red cube in the bin.",
    "Got a sec? I put the red cube in the bin.",
    "Could you do me a favour? Don't put the red cube in the bin.",
    "Could you do me a favour? Never mind.",
    "Can I ask a favour? Did you put the red cube in the bin?",
    "Ready? Red cube in the bin?",
    "How are you? Put the red cube in the bin? Just kidding.",
    "Guess what? I put the red cube in the bin.",
    "Know what? Don't.",
    # a teaser announces news (A1 s17 H114)
    "Guess what? Red cube in the bin.",
    "Guess what? All the cubes in the bin.",
    "Guess what? Home.",
    "You know what? Red cube in the bin.",
    "Know what? Put the red cube in the bin.",
    "Are you there? Are you there? The red cube is in the bin.",
    "Ready? Set. Go.",
    "Are you busy? If not, put the red cube in the bin.",
    "You ready? Put the red cube in the bin if the bin is empty.",
    "Are you ready? Or not? Put the red cube in the bin.",
    # not an opener: a question about a cube, a place or the arm, or the request asked
    "Is the red cube in the bin? Put it on the pad.",
    "Is the bin full? Put the red cube in the bin.",
    "Is the red cube glued? Put the red cube in the bin.",
    "Are you broken? Put the red cube in the bin.",
    "Is anyone near the bin? Put the red cube in the bin.",
    "Are you ready to put the red cube in the bin?",
    "Is this the robot that put the red cube in the bin?",
    "Are you ready for the red cube in the bin?",
    "Ready for the bin? Put the red cube in the bin.",
])
def test_f3_twins_move_nothing(text: str) -> None:
    moves_nothing(text)


@pytest.mark.parametrize("text", [
    "Put the red cube in the bin, innit.",
    "Put the red cube in the bin, you know.",
    "Put the red cube in the bin, like.",
    "Put the red cube in the bin, ah.",
    "Put the red cube in the bin, sha.",
    "Put the red cube in the bin, jor.",
    "Put the red cube in the bin, uncle.",
    "Put the red cube in the bin, aunty.",
    "Put the red cube in the bin, guv.",
    "Put the red cube in the bin, me old mucker.",
    "Put the red cube in the bin, y'all.",
    "Put the red cube in the bin, there's a dear.",
    "Biko, put the red cube in the bin.",
    "Please na, put the red cube in the bin.",
    "Could you put the red cube in the bin, uncle?",
])
def test_f4_addresses_and_particles_closing_a_request(text: str) -> None:
    assert steps(text, S3) == mv("red", "bin")


@pytest.mark.parametrize("text", [
    "You put the red cube in the bin, innit?",
    "You put the red cube in the bin, innit.",
    "The red cube's in the bin, innit.",
    "Red cube in the bin, innit?",
    "Put the red cube in the bin, like I said.",
    "Put the red cube in the bin, ah no.",
    "Put the red cube in the bin, you know, the blue one.",
    "Put the red cube in the bin, you know I won't.",
    # a particle before "?" asks to confirm, as ", right?" does (A1 s17 H122)
    "Put the red cube in the bin, innit?",
    "Put the red cube on the right side, init?",
    "Push the red cube left, innit?",
    "Put the red cube in the bin, you know?",
    "Put the red cube in the bin, y'know?",
    "Put the red cube in the bin, like?",
    "Don't put the red cube in the bin, innit.",
    "Don't put the red cube in the bin, uncle.",
    "I put the red cube in the bin, guv.",
    "Did you put the red cube in the bin, aunty?",
    "Biko, don't put the red cube in the bin.",
    "Please na, don't put the red cube in the bin.",
    "You put the red cube in the bin, there's a dear.",
    "Put the red cube in the bin, like, no.",
    "Put the red cube in the bin, sha, or not.",
    "Put the red cube in the bin, ah, wait.",
])
def test_f4_twins_move_nothing(text: str) -> None:
    moves_nothing(text)
