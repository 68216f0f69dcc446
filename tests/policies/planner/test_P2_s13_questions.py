"""French and German questions whether the robot does something (issue #17 item 5, thirteenth pass; fr_de_questions).

"Schiebst du den roten Würfel nach links?", "Du legst den roten in den Müll?", "Tu pousses le cube rouge à gauche ?",
"Est-ce que tu mets ...?", "Mets-tu ...?" ask whether; English refuses "do you push ...?" and "you push ...?", and so
are these refused, with a message that says it is a question. The same sentence carrying a closed mark of a request
(the ethical "me", "bitte"/"mal", "stp", a tag "ok ?"/"d'accord ?"/"une fois ?", "Dis," before it, thanks after
it; German "ja?"/"gell?" only after an imperative, not after a statement said with "du": fourteenth pass, A1 s14 H57)
is the spoken request the seen splits hold ("Tu me mets le rouge dans le bac ?", "Dis, ..., tu poses le vert
du côté gauche ? Merci"), and plans exactly; negated, it never runs what it forbids.
"""

from __future__ import annotations

from functools import partial

import pytest
from test_translation_spoken import _PLANNER, _TRIPLES, _fill, _scene, assert_negated_never_runs, assert_plans_exactly

from policies.planner import Refusal
from policies.planner.fr_de_questions import question_asked
from policies.planner.translation import _action_verb

_QUESTIONS = (
    # German: the verb first, "du"/"ihr"/"Sie" after it
    "Schiebst du den {X} Würfel nach links?",
    "Legst du den {X} in den Müll?",
    "Stellst du den {X} auf den {Y}?",
    "Legen Sie den {X} Würfel in den Müll?",
    "Schiebt ihr den {X} nach rechts?",
    "Fährst du in die Ausgangsposition zurück?",
    "Schibst du den {X} Würfel nach links?",  # a typo of the verb, read as the verb
    # ... the subject first or the object first, said with "?"
    "Du legst den {X} in den Müll?",
    "Den {X} legst du in den Müll?",
    "Ihr legt den {X} in den Müll?",
    # ... a tag that asks whether it is so, an opener that announces a question, a "doch" of confirmation
    "Schiebst du den {X} Würfel nach links, oder?",
    "Du legst den {X} in den Müll, nicht wahr?",
    "Sag mal, legst du den {X} in den Müll?",
    "Du legst doch den {X} in den Müll?",
    # ... a question after a request
    "Kannst du den {X} in den Müll legen? Schiebst du dann den {Y} nach links?",
    "Bevor du den {Y} schiebst, legst du den {X} in den Müll?",
    # French: "tu"/"vous" and the verb, said with "?"
    "Tu pousses le cube {x} à gauche ?",
    "Tu mets le {x} dans le bac ?",
    "Vous mettez le {x} sur le {y} ?",
    "Le {x}, tu le mets dans le bac ?",
    "Tu retournes à ta position de départ ?",
    "Tu vas mettre le {x} dans le bac ?",
    "Tu poses le {y} à gauche puis tu mets le {x} dans le bac ?",
    "Tu peux mettre le {x} dans le bac ? Tu pousses le {y} à gauche ?",
    # ... "est-ce que" and the inverted verb, whatever else is said
    "Est-ce que tu mets le {x} dans le bac ?",
    "Est-ce que tu me mets le {x} dans le bac ?",
    "Mets-tu le {x} dans le bac ?",
    "Pousses-tu le cube {x} à gauche ?",
    # ... a tag that asks whether it is so
    "Tu mets le {x} dans le bac, n'est-ce pas ?",
    "Tu mets le {x} dans le bac, non ?",
    "Tu mets le {x} dans le bac, oui ?",
    "Tu mets le {x} dans le bac, hein ?",
    # thanks said before the question are no mark of a request (A1 s13 H49 residue)
    "Danke, schiebst du den {X} Würfel nach links?",
    "Merci, tu pousses le cube {x} à gauche ?",
    "Merci beaucoup, tu mets le {x} dans le bac ?",
)


@pytest.mark.parametrize("template", _QUESTIONS)
def test_a_question_whether_the_robot_does_it_is_refused(template: str) -> None:
    x, y, z = _TRIPLES[0]
    text = _fill(template, x, y, z)
    result = _PLANNER.plan(text, _scene(x, y, z))
    assert isinstance(result, Refusal), (text, result)


@pytest.mark.parametrize("text", [
    "Schiebst du den roten Würfel nach links?", "Tu pousses le cube rouge à gauche ?",
    "Est-ce que tu mets le rouge dans le bac ?", "Mets-tu le rouge dans le bac ?"])
def test_the_refusal_says_it_is_a_question(text: str) -> None:
    result = _PLANNER.plan(text, _scene("red", "blue", "green"))
    assert isinstance(result, Refusal) and "is a question whether the robot does it" in result.reason, result


_REQUESTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # German: "bitte", "mal", a tag of agreement, thanks after
    ("Schiebst du bitte den {X} Würfel nach links?", ("push:x:left",)),
    ("Schiebst du mal den {X} Würfel nach rechts?", ("push:x:right",)),
    ("Legst du den {X} in den Müll? Danke!", ("x>bin",)),
    ("Den {X} stellst du bitte auf den {Y}, ja?", ("x>y",)),
    # German statements and modal frames, as before
    ("Du legst den {X} in den Müll.", ("x>bin",)),
    ("Kannst du den {X} in den Müll legen?", ("x>bin",)),
    ("Würden Sie bitte den {X} Würfel auf den {Y} stellen?", ("x>y",)),
    # French: "stp", a tag of agreement, "Dis,", thanks after (the ethical "me" alone no longer: A1 s15 H77)
    ("Tu me mets le {x} dans le bac ? Merci.", ("x>bin",)),
    ("Tu mets le {x} dans le bac, d'accord ?", ("x>bin",)),
    ("Tu mets le {x} dans le bac, ok ?", ("x>bin",)),
    ("Tu mets le {x} dans le bac stp ?", ("x>bin",)),
    ("Dis, tu mets le {x} dans le bac ?", ("x>bin",)),
    ("Tu mets le {x} dans le bac ? Merci !", ("x>bin",)),
    ("Le cube {x}, vous le mettez sur le {y} une fois ?", ("x>y",)),
    ("Dis, avant de mettre le {x} à la poubelle, tu poses le {y} du côté gauche ? Merci, t'es un gone.",
     ("y>left", "x>bin")),
    # French statements and modal frames, as before
    ("Allez, tu me poses le {x} sur la zone cible.", ("x>pad",)),
    ("Est-ce que tu peux mettre le {x} dans le bac ?", ("x>bin",)),
    ("Tu sais mettre le cube {x} sur le pad ?", ("x>pad",)),
    ("Mets le {x} dans le bac ?", ("x>bin",)),
)


@pytest.mark.parametrize("triple", _TRIPLES, ids="-".join)
@pytest.mark.parametrize(("template", "spec"), _REQUESTS, ids=[t for t, _ in _REQUESTS])
def test_a_marked_request_plans_exactly(template: str, spec: tuple[str, ...], triple: tuple[str, str, str]) -> None:
    assert_plans_exactly(template, spec, triple)


@pytest.mark.parametrize(("template", "spec"), _REQUESTS, ids=[t for t, _ in _REQUESTS])
def test_each_verb_of_it_negated_never_runs(template: str, spec: tuple[str, ...]) -> None:
    assert_negated_never_runs(template, spec)


@pytest.mark.parametrize(("text", "lang", "asked"), [
    ("schiebst du den roten nach links?", "de", "schiebst du den roten nach links?"),
    ("kannst du den roten in den müll legen? legst du den blauen aufs pad?", "de", "legst du den blauen aufs pad?"),
    ("leg sie in den müll?", "de", None),  # "sie" after an imperative is "them"
    ("bevor du den blauen schiebst, leg den roten in den müll.", "de", None),  # no "?"
    ("tu mets le rouge dans le bac ?", "fr", "tu mets le rouge dans le bac ?"),
    ("tu peux mettre le rouge dans le bac ?", "fr", None),
    ("tu me mets le rouge dans le bac ?", "fr", "tu me mets le rouge dans le bac ?"),  # fifteenth pass, A1 s15 H77
])
def test_question_asked(text: str, lang: str, asked: str | None) -> None:
    assert question_asked(text, lang, partial(_action_verb, lang=lang)) == asked
