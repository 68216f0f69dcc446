"""French and German classes the ninth session's final refused (issue #17 item 5, tenth pass), read as classes.

A tower's list said with its order ("dans cet ordre", "dans l'ordre suivant", "in dieser Reihenfolge") and its
direction said otherwise ("von oben nach unten gelesen", "en partant du haut", "en commençant par le bas", "de la base
au sommet", "unten angefangen"); "them" naming the cubes of the list after the colon ("Empile-les ... :", "Staple
sie ...:"). A misspelt verb read through the two commonest slips, a letter left out or two letters swapped ("legn",
"schib", "lgee", "psoe", "empil", "deplce"), only where every lexicon word one edit away is that one verb and the typo
is no word of its own. Each plans exactly over colour triples; negated, said without a direction, after cubes already
named, or one slip from two verbs or from a word of its own, it never runs.
"""

from __future__ import annotations

import pytest
from planner_asserts import filled_never_plans, filled_plans
from test_translation_spoken import _TRIPLES

from policies.planner.translation import _REAL_WORDS_NEAR_VERBS, TranslationError, translate

# x on top, y in the middle, z at the bottom
_TOWER = ("y>z", "x>y")
_TOWERS: tuple[str, ...] = (
    "Empile-les de haut en bas dans cet ordre : {x}, {y}, {z}.",
    "Empile-les dans l'ordre suivant, en partant du haut : {x}, {y}, {z}.",
    "empile-les dans cet ordre, de bas en haut : {z}, {y}, {x}",
    "Construis une tour en commençant par le bas : {z}, {y}, {x}.",
    "Fais une tour de la base au sommet : {z}, {y}, {x}.",
    "Superpose-les du sommet à la base, dans l'ordre : {x}, {y}, {z}.",
    "Mach mir einen Turm, von oben nach unten gelesen: {XB}, {YB}, {ZB}.",
    "Staple sie von unten nach oben gelesen: {ZB}, {YB}, {XB}.",
    "Bau einen Turm in dieser Reihenfolge von oben nach unten: {XB}, {YB}, {ZB}.",
    "Bau einen Turm, unten angefangen: {ZB}, {YB}, {XB}.",
    "Staple die Würfel in folgender Reihenfolge, von oben angefangen: {XB}, {YB}, {ZB}.",
)


@pytest.mark.parametrize("triple", _TRIPLES, ids="-".join)
@pytest.mark.parametrize("template", _TOWERS)
def test_a_tower_list_said_with_its_order_and_direction_plans_exactly(template: str,
                                                                      triple: tuple[str, str, str]) -> None:
    filled_plans(template, _TOWER, triple)


@pytest.mark.parametrize("template", [
    # no direction: which end the list starts from is not said
    "Empile-les dans cet ordre : {x}, {y}, {z}.",
    "Staple sie in dieser Reihenfolge: {XB}, {YB}, {ZB}.",
    "Bau einen Turm der Reihe nach: {XB}, {YB}, {ZB}.",
    # negated
    "Ne les empile pas de haut en bas dans cet ordre : {x}, {y}, {z}.",
    "Staple sie nicht von oben nach unten gelesen: {XB}, {YB}, {ZB}.",
    "N'empile pas les cubes en partant du haut : {x}, {y}, {z}.",
    "Bau keinen Turm von oben nach unten gelesen: {XB}, {YB}, {ZB}.",
    # "them" after cubes already named, a choice in the list, a direction said twice the other way
    "Jette le {x} et le {y}, puis empile-les de haut en bas : {x}, {y}.",
    "Leg den {X} und den {Y} weg, dann staple sie von oben nach unten gelesen: {XB}, {YB}.",
    "Empile-les de haut en bas dans cet ordre : {x} ou {y}, {z}.",
    "Empile-les de haut en bas, en commençant par le bas : {x}, {y}, {z}.",
])
def test_a_tower_list_without_direction_negated_or_after_named_cubes_never_runs(template: str) -> None:
    filled_never_plans(template)


_TYPOS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("bitte den {X} wurfel auf den {Y} legn", ("x>y",)),  # d15-023, a letter left out of a verb-final "legen"
    ("Kannst du den {X} Würfel in den Eimer legn?", ("x>bin",)),
    ("kannst du den {X} auf den {Y} stelen", ("x>y",)),
    ("schib den {X} nach rechts", ("push:x:right",)),
    ("lgee den {X} in den Eimer", ("x>bin",)),
    ("Zuerst den {X} aufs Pad legn, dann den {Y} nach links schiebn.", ("x>pad", "push:y:left")),
    ("psoe le {x} sur le {y}", ("x>y",)),
    ("empil le cube {x} sur le {y} stp", ("x>y",)),
    ("deplce le {x} sur le pad", ("x>pad",)),
    ("mest le {x} dans la poubelle", ("x>bin",)),
    ("Pousse le {x} vers la gauche, puis psoe le {y} sur le pad.", ("push:x:left", "y>pad")),
)


@pytest.mark.parametrize("triple", _TRIPLES, ids="-".join)
@pytest.mark.parametrize(("template", "spec"), _TYPOS, ids=[t for t, _ in _TYPOS])
def test_a_verb_a_letter_short_or_with_two_letters_swapped_is_read(template: str, spec: tuple[str, ...],
                                                                    triple: tuple[str, str, str]) -> None:
    filled_plans(template, spec, triple)


@pytest.mark.parametrize("template", [
    # the misspelt verb negated: nothing runs
    "den {X} nicht auf den {Y} legn",
    "Kannst du den {X} Würfel nicht in den Eimer legn?",
    "schib den {X} nicht nach rechts",
    "lgee den {X} nicht in den Eimer",
    "ne psoe pas le {x} sur le {y}",
    "psoe pas le {x} sur le {y}",
    "n'empil pas le cube {x} sur le {y}",
    "ne deplce jamais le {x} sur le pad",
    # one slip from two verbs ("pouse": pose or pousse; "baun": bauen or the colour "blaun"), a word of its own
    # ("prend": a report, "mots": words, "rage", "lest", "stellt"), a letter added or changed ("schrieb": wrote,
    # "liegt": lies), a verb outside the closed list ("wrif": a throw)
    "pouse le {x} vers l'avant",
    "Turm baun: unten {ZB}, dann {YB}, oben {XB}.",
    "il prend le {x}",
    "mots le {x} dans la poubelle",
    "rage le {x} sur le {y}",
    "lest den {X} auf den {Y}",
    "er stellt den {X} auf den {Y}",
    "schrieb den {X} nach rechts",
    "liegt den {X} in den Eimer",
    "wrif den {X} in den Eimer",
])
def test_a_misspelt_verb_negated_ambiguous_or_a_word_of_its_own_never_runs(template: str) -> None:
    filled_never_plans(template)


@pytest.mark.parametrize("word", sorted(_REAL_WORDS_NEAR_VERBS))
def test_a_word_of_its_own_one_slip_from_a_verb_is_never_read_as_the_verb(word: str) -> None:
    lang = "fr" if word in ("bogue", "bogues", "boue", "boues", "bougre", "construise", "délacer", "emplie", "emplies",
                            "faite", "faits", "flaque", "mette", "pendre", "pends", "prend", "prenne", "rage", "rager",
                            "rages", "ragez", "ragiez", "ragé", "ragée", "rang", "rangs", "remet", "remette", "saisi",
                            "saisisse", "vies", "decale", "delacer", "epile", "epiler", "epiles", "epilez", "epiliez",
                            "jetes", "metre", "ragee", "soulee") else "de"
    text = f"{word} le rouge dans la poubelle" if lang == "fr" else f"{word} den roten in den Eimer"
    with pytest.raises(TranslationError):
        translate(text, lang)
