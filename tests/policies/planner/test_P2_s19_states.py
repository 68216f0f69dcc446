"""German states said with the words a person adds to them (issue #17 item 5, nineteenth pass; A1 s18 lows, REV s18-R6).

The family of the H129 screen (fr_de_statements.state_clause), widened by closed classes a speaker uses again: order
words said first as the state's opener ("Zum Schluss / Als erstes / Am Ende der rote Würfel im Müll."), manner words
between the cube and its place ("direkt", "genau", "schön", "sauber", "mittig"), an exception after "alle" ("Alle
(Würfel) außer dem roten im Müll.", "bis auf den roten"), and a cube named by where it is before where it is ("Der
rote Würfel neben dem blauen auf dem Pad."): each is where cubes are, no request, and moves nothing. The way to a
place (accusative) still plans with the same words, and a way word is never read as a word of the place (REV s18-R6:
"Der rote Würfel neben dem blauen aufs Pad." names the cube by its place, then says where it goes). A word of praise or
"Na" before "du <verb>", also with "und", remarks on what is done ("Na, du legst ...", "Toll, und du legst ...").
"""

from __future__ import annotations

import pytest
from planner_asserts import filled_moves_nothing, filled_plans
from test_translation_spoken import _TRIPLES


@pytest.mark.parametrize("template", [
    # order words said first
    "Zum Schluss der {XB}e Würfel im Müll.",
    "Als erstes der {XB}e Würfel im Müll.",
    "Als Letztes der {XB}e Würfel auf dem Pad.",
    "Am Ende der {XB}e Würfel im Müll.",
    "Zu guter Letzt der {XB}e auf dem {YB}en.",
    "Zunächst der {XB}e Würfel im Müll, dann der {YB}e auf dem Pad.",
    "Und zum Schluss der {XB}e Würfel im Müll.",
    # manner words between the cube and its place
    "Der {XB}e Würfel direkt auf dem {YB}en.",
    "Der {XB}e Würfel schön auf dem {YB}en.",
    "Der {XB}e Würfel genau auf dem {YB}en.",
    "Der {XB}e Würfel sauber im Müll.",
    "Der {XB}e Würfel mittig auf dem Pad.",
    "Der {XB}e Würfel direkt neben dem {YB}en.",
    "Der {XB}e Würfel jetzt ganz ordentlich auf dem Pad.",
    # an exception after "alle"
    "Alle Würfel außer dem {YB}en im Müll.",
    "Alle außer dem {YB}en im Müll.",
    "Alle Würfel bis auf den {YB}en im Müll.",
    "Alle Würfel, außer dem {YB}en, auf dem Pad.",
    "Alle Würfel im Müll außer dem {YB}en.",
    "Alle Würfel im Müll bis auf den {YB}en.",
    "Der {XB}e Würfel zuletzt im Müll.",
    # a cube named by its place, then its place
    "Der {XB}e Würfel neben dem {YB}en auf dem Pad.",
    "Der {XB}e Würfel neben dem {YB}en im Müll.",
    # the asked and negated twins of the requests below
    "Zum Schluss der {XB}e Würfel im Müll?",
    "Der {XB}e Würfel direkt auf dem {YB}en?",
    "Der {XB}e Würfel nicht direkt auf dem {YB}en.",
    "Alle Würfel außer dem {YB}en nicht im Müll.",
])
def test_a_state_with_an_opener_a_manner_word_or_an_exception_moves_nothing(template: str) -> None:
    filled_moves_nothing(template)


@pytest.mark.parametrize("template", [
    "Na, du legst den {X} in den Müll.",
    "Toll, und du legst den {X} in den Müll.",
    "Na sowas, du legst den {X} aufs Pad.",
    "Super, und ihr schiebt den {X} nach links.",
])
def test_a_remark_on_what_is_done_moves_nothing(template: str) -> None:
    filled_moves_nothing(template)


@pytest.mark.parametrize("triple", _TRIPLES[:2], ids="-".join)
@pytest.mark.parametrize(("template", "spec"), [
    # the accusative: the way, with the same openers, manner words and exceptions
    ("Zum Schluss den {X} Würfel in den Müll.", ("x>bin",)),
    ("Als Letztes den {X} in den Müll.", ("x>bin",)),
    ("Der {XB}e Würfel direkt auf den {Y}.", ("x>y",)),
    ("Alle Würfel außer dem {XB}en in den Müll.", ("rest>bin",)),
    # REV s18-R6: a cube named by where it is, then the way it goes
    ("Der {XB}e Würfel neben dem {YB}en aufs Pad.", ("x>pad",)),
    ("Der {XB}e Würfel neben dem {YB}en auf das Pad.", ("x>pad",)),
    ("Der {XB}e Würfel neben dem {YB}en aufs Pad, bitte.", ("x>pad",)),
    # a statement that says when stays an instruction going on
    ("Na, du legst jetzt den {X} in den Müll.", ("x>bin",)),
    ("Du legst den {X} in den Müll.", ("x>bin",)),
])
def test_the_way_with_the_same_words_still_plans(template: str, spec: tuple[str, ...],
                                                 triple: tuple[str, str, str]) -> None:
    filled_plans(template, spec, triple)


@pytest.mark.parametrize("triple", _TRIPLES[:2], ids="-".join)
@pytest.mark.parametrize(("template", "spec"), [
    # "kommt" after an order word of more than one word or a late one: where a cube goes, as after "dann"
    ("Zum Schluss kommt der {XB}e Würfel in den Müll.", ("x>bin",)),
    ("Am Ende kommt der {XB}e aufs Pad.", ("x>pad",)),
    ("Als Erstes kommt der {XB}e aufs Pad, dann der {YB}e in den Müll.", ("x>pad", "y>bin")),
    ("Leg den {Y} aufs Pad. Zum Schluss kommt der {XB}e in den Müll.", ("y>pad", "x>bin")),
])
def test_kommt_after_an_order_word_plans(template: str, spec: tuple[str, ...], triple: tuple[str, str, str]) -> None:
    filled_plans(template, spec, triple)


@pytest.mark.parametrize("template", [
    "Zum Schluss kommt der {XB}e Würfel in den Müll?",
    "Zum Schluss kommt der {XB}e Würfel nicht in den Müll.",
    "Zum Schluss kam der {XB}e Würfel in den Müll.",
    "Zum Schluss ist der {XB}e Würfel in den Müll gekommen.",
    "Zum Schluss kommt der {XB}e im Müll an.",
    "Zuletzt kommt der {XB}e in den Müll, und leg den {Y} aufs Pad.",
])
def test_kommt_after_an_order_word_asked_negated_or_reported_moves_nothing(template: str) -> None:
    filled_moves_nothing(template)
