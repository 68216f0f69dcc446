"""A1 s19 H144/H145 (German side) and the simile lows of batch 1 (issue #17 item 5, nineteenth pass).

- A pointing or approving word before a German statement of what the robot does is a remark on what is seen ("Guck
  mal, du legst ...", "Gut so, du legst ...", "Na, du legst ..."), as "Toll, du legst ..." already was; the bare
  statement and one that says when stay instructions.
- A German sentence that opens with the verb of "du" and no "?" ("Legst du den roten in den Müll.") is a question typed
  without its mark, never an order; "Legst du bitte/mal ..." and the modal "Kannst du ... legen." are left as before.
- A simile with a fall ("wie ein Ei vom Dach") or a turn upside down ("wie man sich auf den Kopf stellt") is read.
French "Oh, tu ..." stays a request: the seen gold fd27-001 ("Oh, tu me prends celui du dessus et tu me le poses sur
le pad") asks which cube, as a request does.
"""

from __future__ import annotations

import pytest
from planner_asserts import filled_moves_nothing, filled_plans
from test_translation_spoken import _TRIPLES


@pytest.mark.parametrize("template", [
    "Guck mal, du legst den {X} in den Müll.",
    "Schau mal, du schiebst den {X} nach links.",
    "Gut so, du legst den {X} aufs Pad.",
    "Siehste, du legst den {X} in den Müll.",
    "Legst du den {X} in den Müll.",
    "Schiebst du den {X} nach links.",
    "Gehst du nach Hause.",
    "Leg den {Y} aufs Pad. Legst du dann den {X} in den Müll.",
    "Legst du den {X} in den Müll?",
    "Leg den {X} auf den {Y}, wie ein Ei vom Dach.",
    "Leg den {X} auf den {Y}, wie man sich auf den Kopf stellt.",
])
def test_remarks_unmarked_questions_and_falls_move_nothing(template: str) -> None:
    filled_moves_nothing(template)


@pytest.mark.parametrize("triple", _TRIPLES[:2], ids="-".join)
@pytest.mark.parametrize(("template", "spec"), [
    ("Du legst den {X} in den Müll.", ("x>bin",)),
    ("Legst du bitte den {X} in den Müll.", ("x>bin",)),
    ("Zuerst legst du den {X} in den Müll, dann schiebst du den {Y} nach links.", ("x>bin", "push:y:left")),
    ("Guck mal, leg den {X} in den Müll.", ("x>bin",)),
    ("Leg den {X} auf den {Y}, wie ein Hütchen auf den Kopf.", ("x>y",)),
])
def test_the_requests_beside_them_still_plan(template: str, spec: tuple[str, ...],
                                             triple: tuple[str, str, str]) -> None:
    filled_plans(template, spec, triple)
