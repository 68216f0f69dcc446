"""Regional greetings, thanks and fillers of the fifteenth pass (issue #17 item 5), each a closed form read only where
it says nothing of the request: Luxembourgish "Moien!" (hello), "merci villmols" (thanks a lot), "Äddi!" (bye) after
the request; Kölsch "ens" (mal) right after an imperative; Swabian "a bissle" (ein bisschen); French "Ça marche !"
(all right) after a request (after words with no verb it may report a state, and is refused). Each plans exactly over
colour triples; each negated never runs what it forbids; questions, reports and verbless goals refuse.
"""

from __future__ import annotations

import pytest
from planner_asserts import filled_moves_nothing
from test_translation_spoken import _TRIPLES, assert_negated_never_runs, assert_plans_exactly

_PLANS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Moien! Leg den {X} Würfel in den Mülleimer, merci villmols.", ("x>bin",)),
    ("Leg den {X} Würfel auf den {Y}. Äddi!", ("x>y",)),
    ("Leg ens den {X} Würfel in den Mülleimer.", ("x>bin",)),
    ("Schieb den {X} Würfel a bissle nach links.", ("push:x:left",)),
    ("Mettez le cube {x} dans la poubelle. Ça marche !", ("x>bin",)),
    ("Mettez le cube {x} sur le {y}, ça marche ?", ("x>y",)),
)


@pytest.mark.parametrize("triple", _TRIPLES, ids="-".join)
@pytest.mark.parametrize(("template", "spec"), _PLANS, ids=[t for t, _ in _PLANS])
def test_a_request_plans_exactly(template: str, spec: tuple[str, ...], triple: tuple[str, str, str]) -> None:
    assert_plans_exactly(template, spec, triple)


@pytest.mark.parametrize(("template", "spec"), _PLANS, ids=[t for t, _ in _PLANS])
def test_each_verb_of_it_negated_never_runs(template: str, spec: tuple[str, ...]) -> None:
    assert_negated_never_runs(template, spec)


@pytest.mark.parametrize("template", [
    "Moien! Hast du den {X} Würfel in den Mülleimer gelegt?",
    "Äddi!",
    "Legst du ens den {X} Würfel in den Mülleimer?",
    "Le cube {x} dans la poubelle, ça marche ?",
    "Le cube {x} dans la poubelle. Ça marche !",
    "Tu mets le cube {x} dans la poubelle, ça marche ?",
    "Ça marche !",
])
def test_a_near_miss_is_refused(template: str) -> None:
    filled_moves_nothing(template)
