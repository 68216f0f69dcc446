"""Session 18, P1, family D1 (dev fi52/fi53 first-run misses, all refused on main bcac79f): colour around a complete
request, each a closed class a person uses again, and the frames beside them that must still refuse.

- after an order, a call to act or watch ("Let's see it!", "Make it happen!", "Go on then!", "Work your magic!",
  "Execute.", ". Over."), praise, thanks and blessings, some misspelt ("Good listening!", "Lovely touch!", "ez clap",
  "Bless you.", "Diolch.", "Thank yuo!"), the speaker's reason of a closed shape ("It's in my way.", "we're
  resetting"), a hedge about the wording ("I hope that's the right word for it.", "I think that's everything, sorry.");
- after a MODAL ask ("Could you ...?", "Can it ...?", "Would you mind ...?") the same closings, the wish to watch ("I'd
  love to see it do that.") and "That's all I need."; after a bare order asked ("Put the red cube in the bin?
  Lovely.") or a question ("Did you ...?") they may doubt, mock or say it is done, and refuse ("Put the red cube in the
  bin? I'd love to see that!" planned on main: I'd like to see you try, as P2 reads French and German);
- the arm addressed at the very start ("Arm, pick up ... Over.", fi52-002) and the Welsh "Now then cariad," (fi52-001);
- "when you've got a sec" as "when you get a sec" (fi53-051);
- "can/could it <verb>" behind any run of fillers ("ooh can it grab ...?", "Um, could it maybe put ...?", fi52-007,
  fi35-052, fi45-043) and leave asked as it closes ("... Is that allowed?", "...? If that's allowed?").
"""

from __future__ import annotations

import pytest
from planner_asserts import S3, moves_nothing, plans_as
from test_planner_fresh12_words import mv


@pytest.mark.parametrize("text", [
    "Put the red cube in the bin. Let's see it!",
    "Put the red cube in the bin, let's see it!",
    "Put the red cube in the bin. Make it happen!",
    "Put the red cube in the bin. Go on then!",
    "Put the red cube in the bin — go on, lovely touch!",
    "Put the red cube in the bin. Good listening!",
    "Put the red cube in the bin, ez clap",
    "Put the red cube in the bin, there's a good robot.",
    "Put the red cube in the bin, bless you.",
    "Put the red cube in the bin. Diolch.",
    "Put the red cube in the bin. Thank yuo!",
    "Put the red cube in the bin. Over.",
    "Put the red cube in the bin. Execute.",
    "Put the red cube in the bin. Show me what you've got!",
    "Put the red cube in the bin. Work your magic!",
    "Put the red cube in the bin, please. It's in my way.",
    "can you put the red cube in the bin, we're resetting",
    "Put the red cube in the bin. I hope that's the right word for it.",
    "Put the red cube in the bin. I think that's everything, sorry.",
    "Could you put the red cube in the bin? Lovely.",
    "Could you put the red cube in the bin? Good listening!",
    "Can you put the red cube in the bin? It's in my way.",
    "Could you put the red cube in the bin, please? It's in my way.",
    "Would you mind putting the red cube in the bin? I'd love to see it do that.",
    "Could you put the red cube in the bin? I'd love to see it do that.",
    "Could it put the red cube in the bin? I'd love to see that.",
    "Could you please put the red cube in the bin? Diolch.",
    "Could you put the red cube in the bin? Thank yuo!",
    "Can you put the red cube in the bin? That's all I need.",
    "Hi! Could you put the red cube in the bin? Cheers, mate.",
    "Arm, put the red cube in the bin.",
    "Arm, put the red cube in the bin. Over.",
    "Arm: put the red cube in the bin.",
    "Hey arm, put the red cube in the bin.",
    "Now then cariad, put the red cube in the bin.",
    "Put the red cube in the bin, cariad.",
    "Hey, when you've got a sec, put the red cube in the bin.",
    "When you have a moment, put the red cube in the bin.",
    "Um, could it maybe put the red cube in the bin?",
    "ooh can it grab the red cube and put it in the bin?",
    "Wow, can it put the red cube in the bin?",
    "Um, could it put the red cube in the bin? Is that allowed?",
    "Could you put the red cube in the bin? If that's allowed?",
])
def test_colour_around_a_request_is_dropped(text: str) -> None:
    plans_as(text, mv("red", "bin"), S3)


@pytest.mark.parametrize("text", [
    "Put the red cube in the bin? I'd love to see that!",
    "Put the red cube in the bin? I'd love to see it do that.",
    "Put the red cube in the bin? Lovely.",
    "Put the red cube in the bin? Good listening!",
    "Put the red cube in the bin? Let's see it!",
    "Did you put the red cube in the bin? Good listening!",
    "Did you put the red cube in the bin? Lovely.",
    "Could you not put the red cube in the bin? Lovely.",
    "Could you have put the red cube in the bin? Lovely.",
    "Couldn't you put the red cube in the bin? Lovely.",
    "Could you put the red cube in the bin? Just kidding.",
    "Could you put the red cube in the bin? It's glued down.",
    "Could you put the red cube in the bin? It's hot.",
    "Could you put the red cube in the bin? Actually, the blue one.",
    "Could you put the red cube in the bin? Never mind.",
    "Can you put the red cube in the bin? Set.",
    "Could you put the red cube in the bin? Don't, though.",
    "You put the red cube in the bin? Make it happen!",
    "Red cube in the bin? Let's see it!",
    "Red cube in the bin. Good listening!",
    "You put the red cube in the bin. Bless you.",
    "You put the red cube in the bin. Let's see it!",
    "The arm put the red cube in the bin. Make it happen!",
    "Don't put the red cube in the bin. Go on then!",
    "Put the red cube in the bin. It's in the way of the pad.",
    "Arm, don't put the red cube in the bin.",
    "Arm, did you put the red cube in the bin?",
    "Put the red cube, arm, in the bin.",
    "Put the red cube and the arm in the bin.",
    "Put the red cube in the bin. Let's not.",
    "Put the red cube in the bin, I'd love to see you try.",
    "When you've got a sec, you put the red cube in the bin?",
    "When you've got a sec, don't put the red cube in the bin.",
    "Um, could it not put the red cube in the bin?",
    "Um, it could maybe put the red cube in the bin.",
    "Um, could it have put the red cube in the bin?",
    "Did it put the red cube in the bin?",
    "Could it maybe put the red cube in the bin? I doubt it.",
    "Did you put the red cube in the bin? Is that allowed?",
    "Right arm, put the red cube in the bin.",
    "Left arm, put the red cube in the bin.",
    "Put the red cube in the bin. They're in my way.",
])
def test_the_frames_beside_them_still_refuse(text: str) -> None:
    moves_nothing(text)
