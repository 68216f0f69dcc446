"""A push toward the speaker in French and German, read as English reads "push the red cube towards me" (issue #17
item 5, seventeenth pass): the speaker stands at the robot (the writers' brief, README; seen golds fi43-062,
fd31-033), so "vers moi", "vers nous", "dans ma direction", "zu mir (her/rüber)", "in meine Richtung" after a push
are backward; "nach vorne zu mir" (forward and towards the robot at once) refuses as English "forward towards me"
does, and a place toward the speaker for a put ("Leg den roten zu mir.") stays refused. Negated, questioned and
reported pushes refuse.
"""

from __future__ import annotations

import pytest
from planner_asserts import filled_moves_nothing, filled_plans
from test_translation_spoken import _TRIPLES


@pytest.mark.parametrize("triple", _TRIPLES, ids="-".join)
@pytest.mark.parametrize("template", [
    "Pousse le {x} vers moi.",
    "Pousse le cube {x} vers nous.",
    "Pousse le {x} un peu vers moi, s'il te plaît.",
    "Pousse le {x} dans ma direction.",
    "Pousse le {x} vers l'arrière, vers moi.",
    "Glisse le {x} vers moi.",
    "Schieb den {X} zu mir.",
    "Schieb den {X} zu mir her.",
    "Schieb den {X} zu mir rüber.",
    "Schieb den {X} nach hinten, zu mir her.",
    "Schieb den {X} in meine Richtung.",
])
def test_a_push_toward_the_speaker_is_backward(template: str, triple: tuple[str, str, str]) -> None:
    filled_plans(template, ("push:x:backward",), triple)


@pytest.mark.parametrize("triple", _TRIPLES, ids="-".join)
def test_the_push_beside_another_request_keeps_its_order(triple: tuple[str, str, str]) -> None:
    filled_plans("Schieb den {X} zu mir und leg den {Y} in den Müll.", ("push:x:backward", "y>bin"), triple)


@pytest.mark.parametrize("template", [
    # forward and toward the speaker at once (English "push it forward towards me" refuses)
    "Pousse le {x} vers l'avant, vers moi.",
    "Schieb den {X} nach vorne zu mir.",
    # a place toward the speaker, not a push
    "Mets le {x} vers moi.",
    "Leg den {X} zu mir.",
    # negated, questioned, reported
    "Ne pousse pas le {x} vers moi.",
    "Schieb den {X} nicht zu mir.",
    "Tu pousses le {x} vers moi ?",
    "Schiebst du den {X} zu mir?",
    "Den {X} zu mir geschoben.",
    "Den {X} zu mir schieben?",
])
def test_the_near_misses_move_nothing(template: str) -> None:
    filled_moves_nothing(template)
