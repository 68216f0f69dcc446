"""Regional French and German of the domain (issue #17 item 5, tenth pass; classes of fresh_fr_de_16, a dev split).

Quebec French: "pis" (puis), "pogne" (grab), "aux vidanges" (the bin), "caler" (put), "su'l" (sur le), "j'veux",
"retourne à ta place" (home), "Salut mon chum", "merci ben", "t'es un boss", a closing "..., là". Austrian, Swiss
and Bavarian German: "Würferl", "Türmchen", "Kehricht", "ned"/"net"/"nich" (nicht), "a bissl", "von sich weg" and
"zu sich" of the formal "Sie", "auf'n", "Seit'n", "Tischseite", "ganz oben/unten" in a tower, "Grüezi mitenand",
"Vergelt's Gott", "Das war's für heute" before the last request, "..., passt", "Ned hochheben" after a push (a lift
the push must not make). Each plans exactly over colour triples; each negated never runs what it forbids, and "ned"
is a negation wherever it stands.
"""

from __future__ import annotations

import pytest
from planner_asserts import filled_never_plans, filled_plans
from test_translation_spoken import _PLANNER, _TRIPLES, _expected, _fill, _negated_at_each_verb, _scene

from policies.planner import Plan

_PLANS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Pogne le cube {x} pis empile-le sur le {y}, là.", ("x>y",)),
    ("Pogne le {x} pis mets-le su'l pad.", ("x>pad",)),
    ("Le bloc le plus à gauche, pogne-le pis mets-le sur le {y}.", ("x>y",)),
    ("Mets-moi le cube {x} aux vidanges.", ("x>bin",)),
    ("Tu peux me caler le {x} sur le pad ? merci t'es un boss", ("x>pad",)),
    ("Salut mon chum ! Mets le cube {x} sur le {y}. Merci ben !", ("x>y",)),
    ("Mets le {x} à gauche pis retourne à ta place.", ("x>left", "home")),
    ("Schieben Sie bitte den {X} Würfel ein Stück von sich weg.", ("push:x:forward",)),
    ("Schieben Sie den {X} Würfel zu sich.", ("push:x:backward",)),
    ("{XB}en a bissl nach rechts schieben. Ned hochheben.", ("push:x:right",)),
    ("Den Würfel ganz rechts bitte in den Kehricht.", ("z>bin",)),
    ("Würden Sie bitte so lieb sein und das {X} Würferl auf das Pad legen. Vergelt's Gott.", ("x>pad",)),
    ("Grüezi mitenand! Wären Sie so gut, den {X} Würfel auf den {Y} zu stellen? Merci.", ("x>y",)),
    ("Den {X} auf die linke Seit'n.", ("x>left",)),
    ("Bitte alle Würfel auf die rechte Tischseite legen.", ("all>right",)),
    ("Leg den {X} auf'n {Y}, passt.", ("x>y",)),
    ("Das war's für heute, vielen Dank. Würden Sie jetzt bitte wieder in Ihre Grundstellung zurückfahren?",
     ("home",)),
    ("Bauen Sie mir ein Türmchen, von oben nach unten: der {XB} ganz oben, darunter der {YB} und ganz unten der "
     "{ZB}.", ("y>z", "x>y")),
)


@pytest.mark.parametrize("triple", _TRIPLES, ids="-".join)
@pytest.mark.parametrize(("template", "spec"), _PLANS, ids=[t for t, _ in _PLANS])
def test_a_regional_word_of_the_domain_plans_exactly(template: str, spec: tuple[str, ...],
                                                     triple: tuple[str, str, str]) -> None:
    x, y, z = triple
    if "{X} Würferl" in template:  # the neuter "das rote Würferl"
        template = template.replace("{X} Würferl", {"red": "rote", "green": "grüne", "blue": "blaue", "yellow": "gelbe",
                                                     "purple": "lila"}[x] + " Würferl")
    text = _fill(template, x, y, z)  # x stands leftmost, z rightmost ("ganz rechts")
    result = _PLANNER.plan(text, _scene(x, y, z))
    assert isinstance(result, Plan), (text, result)
    assert [str(s) for s in result.steps] == _expected(spec, x, y, z), text


@pytest.mark.parametrize(("template", "spec"), _PLANS, ids=[t for t, _ in _PLANS])
def test_each_verb_of_a_regional_request_negated_never_runs(template: str, spec: tuple[str, ...]) -> None:
    x, y, z = _TRIPLES[0]
    text = _fill(template.replace("{X} Würferl", "rote Würferl"), x, y, z)
    for variant in _negated_at_each_verb(text):
        result = _PLANNER.plan(variant, _scene(x, y, z))
        assert not isinstance(result, Plan) or [str(s) for s in result.steps] != _expected(spec, x, y, z), (
            variant, result)


@pytest.mark.parametrize("template", [
    # "ned"/"net"/"nich" are "nicht" wherever they stand
    "Leg den {X} ned in den Eimer.",
    "Leg den {X} net auf den {Y}.",
    "den {X} nich aufs Pad legen",
    "Schieben Sie den {X} Würfel ned von sich weg.",
    "Den {X} ned auf die linke Seit'n.",
    # the verbs negated
    "Ne pogne pas le {x}, pis mets le {y} aux vidanges.",
    "Cale pas le {x} sur le pad.",
    "Ne mets pas le {x} aux vidanges.",
    # a "là" that says where is no closing; "tant pis" is no "then"
    "Pogne le {x} pis mets-le là.",
    "Mets le {x} dans la poubelle, tant pis pour le {y}.",
    # a push said with a lift after it, or the lift of another cube
    "Leg den {X} auf den {Y}. Nicht hochheben.",
])
def test_a_regional_negation_or_a_near_miss_never_runs(template: str) -> None:
    x, y, z = _TRIPLES[0]
    text = _fill(template, x, y, z)
    result = _PLANNER.plan(text, _scene(x, y, z))
    assert not isinstance(result, Plan) or all(x not in str(s) for s in result.steps), (text, result)


# A state the robot reaches first ("Nachdem der Rote aufm Pad liegt, ...", d16-036), and a reason said after the
# request from a closed list ("..., y sert pu à rien", "..., der ghört weg"), an adverb before a place ("schön aufs
# Pad"), "rüber".
_NOMINATIVE = {"red": "Rote", "green": "Grüne", "blue": "Blaue", "yellow": "Gelbe", "purple": "Lila"}


def _nominative(template: str, x: str) -> str:
    """"{N}": the cube x in the nominative ("Der {N} Würfel")."""
    return template.replace("{N}", _NOMINATIVE[x])
_MORE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Nachdem der {N} aufm Pad liegt, schiebst den {Y} nach links.", ("x>pad", "push:y:left")),
    ("Schieb den {Y} nach links, nachdem der {N} auf dem Pad liegt.", ("x>pad", "push:y:left")),
    ("Sobald der {N} Würfel im Eimer ist, leg den {Y} auf den {Z}.", ("x>bin", "y>z")),
    ("Nachdem der {N} auf der linken Seite liegt, schieb den {Y} nach rechts.", ("x>left", "push:y:right")),
    ("Mets-moi le cube {x} aux vidanges, y sert pu à rien.", ("x>bin",)),
    ("Pousse le cube {x} un peu vers toi, y'est trop loin.", ("push:x:backward",)),
    ("Vire-moi tous les cubes dans la poubelle, j'veux plus rien voir sur la table.", ("all>bin",)),
    ("Leg den {X} in den Eimer, der ghört weg.", ("x>bin",)),
    ("Schieb den {X} zu dir, der ist zu weit weg.", ("push:x:backward",)),
    ("Das {N} Würferl bitte nicht in den Mistkübel, sondern schön auf das Pad legen, bitte.", ("x>pad",)),
    ("Den {X} auf die linke Seit'n rüber.", ("x>left",)),
)


@pytest.mark.parametrize("triple", _TRIPLES, ids="-".join)
@pytest.mark.parametrize(("template", "spec"), _MORE, ids=[t for t, _ in _MORE])
def test_a_state_reached_first_or_a_reason_after_the_request_plans_exactly(template: str, spec: tuple[str, ...],
                                                                           triple: tuple[str, str, str]) -> None:
    filled_plans(template, spec, triple, _nominative)


@pytest.mark.parametrize("template", [
    # a state negated, a condition ("wenn": if), a state of no place the lexicon knows
    "Nachdem der {N} nicht aufm Pad liegt, schiebst den {Y} nach links.",
    "Wenn der {N} aufm Pad liegt, schieb den {Y} nach links.",
    "Falls der {N} im Eimer ist, leg den {Y} auf den {Z}.",
    "Nachdem der {N} aufm Pad liegt, schieb den {Y} nicht nach links.",
    # the request negated: the reason changes nothing
    "Ne mets pas le cube {x} aux vidanges, y sert pu à rien.",
    "Leg den {X} nicht in den Eimer, der ghört weg.",
    # a reason followed by more words, or one outside the closed list
    "Mets le {x} à la poubelle, y sert pu à rien, mais pas tout de suite.",
    "Mets le {x} à la poubelle, il est cassé.",
    "Leg den {X} in den Eimer, der ghört weg, oder doch nicht.",
    "Leg den {X} in den Eimer, der ist kaputt.",
])
def test_a_state_or_reason_negated_conditional_or_outside_the_list_never_runs(template: str) -> None:
    filled_never_plans(template, _nominative)


# fresh_fr_de_17 (mid-session dev): French typed as a text message ("tt", "avc", "le +", "mrc", "c bon t'as fini")
# and formal German "Nominalstil" ("Der Würfel ist auf den gelben zu setzen", "Sämtliche auf dem Tisch befindlichen
# Würfel sind ... abzulegen", "Mit Ausnahme des blauen Würfels sind alle Würfel ... zu verbringen").
_TEXTED_AND_FORMAL: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("met tt les cubes a droite stp", ("all>right",)),
    ("tu peux pousser le cube {x} vers la droite stp mrc", ("push:x:right",)),
    ("c bon t'as fini, retourne a ta place de depart", ("home",)),
    ("prends le cube le + a gauche et mets-le ds la poubelle", ("x>bin",)),
    ("Der {N} Würfel ist auf den {Y} Würfel zu setzen.", ("x>y",)),
    ("Zunächst ist der {N} Würfel nach links zu schieben.", ("push:x:left",)),
    ("Sämtliche auf dem Tisch befindlichen Würfel sind auf der Zielfläche abzulegen.", ("all>pad",)),
    ("Mit Ausnahme des {X} Würfels sind alle Würfel auf die rechte Tischseite zu verbringen.", ("rest>right",)),
    ("Der {N} Würfel ist in den Abfallbehälter zu legen.", ("x>bin",)),
)


@pytest.mark.parametrize("triple", _TRIPLES, ids="-".join)
@pytest.mark.parametrize(("template", "spec"), _TEXTED_AND_FORMAL, ids=[t for t, _ in _TEXTED_AND_FORMAL])
def test_a_texted_or_formal_request_plans_exactly(template: str, spec: tuple[str, ...],
                                                   triple: tuple[str, str, str]) -> None:
    filled_plans(template, spec, triple, _nominative)


@pytest.mark.parametrize("template", [
    "ne met pas tt les cubes a droite stp",
    "c bon, ne pousse pas le cube {x} vers la droite mrc",
    "Der {N} Würfel ist nicht auf den {Y} Würfel zu setzen.",
    "Der {N} Würfel ist keinesfalls in den Abfallbehälter zu legen.",
    "Der {N} Würfel ist schwer zu heben.",
    "Mit Ausnahme des {X} Würfels sind alle Würfel nicht auf die rechte Tischseite zu verbringen.",
    "Der {N} Würfel war auf den {Y} Würfel zu setzen.",
])
def test_a_texted_or_formal_request_negated_or_reported_never_runs(template: str) -> None:
    filled_never_plans(template, _nominative)
