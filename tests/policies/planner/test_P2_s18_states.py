"""A German state said as one clause of a sentence (issue #17 item 5, eighteenth pass; A1 s17 H111 residue, s18 H129,
a false execution on main bcac79f), and the requests beside it that still plan exactly.

The family: a nominative noun phrase of the closed lexicon (article or "alle"/"beide", colour adjectives in any
ending, a word for the cube; "Roter Würfel" without article), the adverbs a state takes ("jetzt", "wieder", "oben",
"obendrauf", "bitte"), a mark or none, then a place in the dative (im, am, beim, aufm, in/auf/an/neben/unter/hinter/
vor/bei/über dem or der, "auf blauem"), "drauf"/"drin" repeating it: the whole clause, in any clause of the sentence,
after an opener or an order word, beside an order. The accusative says the way ("Der rote Würfel in den Müll.",
"auf den blauen", "in die Mülltonne") and plans; a state to reach with its own verb ("Am Ende soll ... im Mülleimer
liegen und der rote auf dem Pad.", d12-047), a tower described level by level ("in der Mitte"), and a cube named by
where it is before the way it goes stay as they were.
"""

from __future__ import annotations

import pytest
from planner_asserts import filled_moves_nothing, filled_plans
from test_translation_spoken import _TRIPLES


@pytest.mark.parametrize("template", [
    # the feminine and other datives, regions
    "Der {XB}e Würfel in der Mülltonne.",
    "Der {XB}e Würfel auf der Matte.",
    "Der {XB}e Würfel auf der Unterlage.",
    "Der {XB}e Würfel im linken Bereich.",
    "Der {XB}e Würfel auf der rechten Seite.",
    "Der {XB}e Würfel am linken Rand.",
    "Der {XB}e Würfel neben dem {YB}en.",
    # an adverb or a mark between the cube and its place
    "Der {XB}e Würfel jetzt im Müll.",
    "Der {XB}e Würfel wieder im Müll.",
    "Der {XB}e Würfel, im Müll.",
    "Der {XB}e Würfel - im Müll.",
    "Der {XB}e Würfel bitte im Müll.",
    "Der {XB}e Würfel oben auf dem Pad.",
    "Der {XB}e Würfel oben auf dem {YB}en drauf.",
    "Der {XB}e Würfel obendrauf auf dem {YB}en.",
    "Der {XB}e ganz oben auf dem {YB}en.",
    # no article, an adjective in the dative
    "{XB}er Würfel auf {YB}em.",
    "{XB}er Würfel auf {YB}em Würfel.",
    # an opener or an order word first
    "Und der {XB}e Würfel im Müll.",
    "Dann der {XB}e Würfel im Müll.",
    "Jetzt der {XB}e Würfel im Müll.",
    "Zuerst der {XB}e Würfel im Müll.",
    "Bitte, der {XB}e Würfel im Müll.",
    "Toll, der {XB}e Würfel im Müll!",
    # two state clauses, a state beside an order
    "Der {XB}e Würfel im Müll, der {YB}e auf dem Pad.",
    "Der {XB}e Würfel im Müll und der {YB}e auf dem Pad.",
    "Der {XB}e im Müll, der {YB}e im Müll.",
    "Der {XB}e Würfel im Müll, der {YB}e auf dem {XB}en.",
    "Der {XB}e Würfel im Müll, dann geh nach Hause.",
    "Der {XB}e Würfel im Müll, leg den {Y} aufs Pad.",
    "Leg den {Y} aufs Pad, der {XB}e Würfel im Müll.",
    "Der {XB}e Würfel im Müll. Der {YB}e auf dem Pad.",
])
def test_a_state_said_as_a_clause_is_refused(template: str) -> None:
    filled_moves_nothing(template)


@pytest.mark.parametrize("triple", _TRIPLES, ids="-".join)
@pytest.mark.parametrize(("template", "spec"), [
    # the accusative: the way to the place, in every clause
    ("Der {XB}e Würfel in den Müll.", ("x>bin",)),
    ("Der {XB}e Würfel in die Mülltonne.", ("x>bin",)),
    ("Den {X} Würfel auf den {Y}.", ("x>y",)),
    ("{XB}er Würfel in den Müll.", ("x>bin",)),
    ("Den {X} in den Müll, den {Y} aufs Pad.", ("x>bin", "y>pad")),
    ("Zuerst den {X} Würfel in den Müll, dann den {Y} aufs Pad.", ("x>bin", "y>pad")),
    ("Der {XB}e Würfel kommt in den Müll.", ("x>bin",)),
    # a state to reach with its own verb (d12-047's frame)
    ("Am Ende soll der {XB}e Würfel im Mülleimer liegen und der {YB}e auf dem Pad.", ("x>bin", "y>pad")),
    # a dative place after a verb of action: where the cube goes
    ("Park den {X} mal auf dem Pad.", ("x>pad",)),
    ("Leg den {X} Würfel oben auf den {Y}.", ("x>y",)),
])
def test_the_way_to_a_place_still_plans(template: str, spec: tuple[str, ...], triple: tuple[str, str, str]) -> None:
    filled_plans(template, spec, triple)


@pytest.mark.parametrize("triple", _TRIPLES[:2], ids="-".join)
def test_a_tower_described_level_by_level_still_builds(triple: tuple[str, str, str]) -> None:
    # "in der Mitte" is a level of the tower, not a place the middle cube is in
    filled_plans("Bau einen Turm: der {XB}e unten, der {YB}e in der Mitte, der {ZB}e oben.",
                 ("y>x", "z>y"), triple)
