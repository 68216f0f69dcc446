"""French and German shapes that say back, report or ask instead of requesting (issue #17 item 5, sixteenth pass; A1
s16 H93, H94, H95, H98, all old on d46b999): each family refused, and the request beside it still planned.

- H93: a clause whose verb is a past participle with no auxiliary reports what was done ("Den roten Würfel in den
  Müll gelegt.", "... schon ... weggeworfen, oder?", "Mis le cube rouge dans la poubelle.");
- H94: an obligation asked ("Il faut mettre le cube rouge dans la poubelle ? Merci.", "Du musst ... legen? Danke.");
- H95: "voilà" (there, done) around a goal with no verb ("Le cube rouge dans la poubelle, voilà.", "Et voilà, ...");
- H98: a tag said as a sentence of its own after a goal with no verb ("Le cube rouge dans la poubelle. Hein ?",
  ". D'accord ?", "Den roten Würfel in den Müll. Ja?"), as English "Red in the bin. Okay?" (H87).
"""

from __future__ import annotations

import pytest
from planner_asserts import filled_moves_nothing, filled_plans
from test_translation_spoken import _TRIPLES


@pytest.mark.parametrize("template", [
    # H93
    "Den {X} Würfel in den Müll gelegt.",
    "Den {X} Würfel schon in den Müll gelegt, oder?",
    "Der {XB}e Würfel in den Müll gelegt.",
    "Den {X} Würfel in den Müll gelegt? Danke.",
    "Alle Würfel in den Müll gelegt.",
    "Den {X} Würfel auf den {Y} gestellt.",
    "Den {X} Würfel nach links geschoben.",
    "Den {X} Würfel weggeworfen.",
    "Den {X} Würfel aufs Pad hingelegt, danke.",
    "Mis le cube {x} dans la poubelle.",
    "Déjà posé le cube {x} sur le {y}.",
    "Jeté le cube {x} à la poubelle, merci.",
    # H94
    "Il faut mettre le cube {x} dans la poubelle ?",
    "Il faut mettre le cube {x} dans la poubelle ? Merci.",
    "Il faudrait mettre le cube {x} dans la poubelle ?",
    "Tu dois mettre le cube {x} dans la poubelle ?",
    "Du musst den {X} Würfel in den Müll legen? Danke.",
    "Musst du den {X} Würfel in den Müll legen?",
    # H95
    "Le cube {x} dans la poubelle, voilà.",
    "Le cube {x} dans la poubelle. Voilà.",
    "Le cube {x} dans la poubelle, voilà. Merci.",
    "Et voilà, le cube {x} dans la poubelle.",
    "Tout dans la poubelle, voilà.",
    # H98
    "Le cube {x} dans la poubelle. Hein ?",
    "Le cube {x} dans la poubelle. D'accord ?",
    "Le cube {x} dans la poubelle. Ok ?",
    "Le {x} sur le {y}. Hein ? Merci.",
    "Den {X} Würfel in den Müll. Ja?",
    "Den {X} Würfel in den Müll. Gell?",
    "Den {X} Würfel in den Müll. Oder?",
])
def test_a_report_an_obligation_asked_or_a_goal_asked_back_is_refused(template: str) -> None:
    filled_moves_nothing(template)


@pytest.mark.parametrize("triple", _TRIPLES, ids="-".join)
@pytest.mark.parametrize(("template", "spec"), [
    ("Leg den {X} Würfel in den Müll.", ("x>bin",)),
    ("Nachdem du den {X} Würfel in den Müll gelegt hast, schieb den {Y} nach links.", ("x>bin", "push:y:left")),
    ("Mets le cube {x} dans la poubelle.", ("x>bin",)),
    ("Il faut mettre le cube {x} dans la poubelle.", ("x>bin",)),
    ("Alors voilà, mets le cube {x} dans la poubelle.", ("x>bin",)),
    ("Mets le cube {x} dans la poubelle. D'accord ?", ("x>bin",)),
    ("Le cube {x} dans la poubelle. Merci.", ("x>bin",)),
    ("Fahr zurück in die Ausgangsposition.", ("home",)),
])
def test_the_request_beside_them_plans_exactly(template: str, spec: tuple[str, ...],
                                               triple: tuple[str, str, str]) -> None:
    filled_plans(template, spec, triple)
