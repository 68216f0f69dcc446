"""French and German of the fourteenth pass, first part (issue #17 item 5; the classes of the seen split
fresh_fr_de_25 that still refused: a Parisian teenager, a Marseille fisherman, a Jura watchmaker, a Bavarian
mechanic, a Berlin founder). Openers: Swiss "Adieu !" (hello), "wesh", "Oh collègue,", "zou", German "Morgen!" (only
with its "!": "Morgen, leg ..." may be tomorrow), "Danke, das reicht für heute.". Closings: "..., tranquille, sans te
presser", "..., t'as bien travaillé", "... ? genre en mode pile tu vois", "..., passt scho", "..., wa", "..., aber
gemütlich, gell", "..., dann is a Ruah" (none takes a "?" with it). Words: "amener" (bring: a place must be said),
"poze" (spelt as said), Bavarian "heid", "in d'Tonne", "räum ma"; "par contre"/"en revanche" (a contrast), "..., vas-y
frérot, ...", "le jaune il bouge pas" (a prohibition said of the cube, never before "?"). Reasons: "Je dois le
scanner juste après." (not after the bin), "Il me sert plus à rien, ce machin." (after the bin), "je l'ai réglé au
dixième" and "der ist für den Investor-Call reserviert" (only after the clause that forbids the cube), a reason
after a colon. Each plans exactly over colour triples; each negated never runs what it forbids; near misses,
questions and reports refuse.
"""

from __future__ import annotations

import pytest
from planner_asserts import filled_moves_nothing
from test_translation_spoken import _TRIPLES, assert_negated_never_runs, assert_plans_exactly

_PLANS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # French
    ("Adieu ! Mettez voir le cube {x} sur le côté droit de la table, ça joue ?", ("x>right",)),
    ("wesh tu peux caler le {x} sur le {y} ? genre en mode pile tu vois", ("x>y",)),
    ("Wesh frérot, mets le {x} dans le bac.", ("x>bin",)),
    ("Oh collègue, pousse-moi un peu le cube {x} vers la droite, tranquille, sans te presser.", ("push:x:right",)),
    ("Bon, d'abord tu me poses le {x} sur le côté droit, ensuite tu mets le {y} par-dessus, et après tu rentres à la "
     "maison, peuchère, t'as bien travaillé.", ("x>right", "y>x", "home")),
    ("On a fini la manip, tu peux mettre tout les cubes à la poubelle.", ("all>bin",)),
    ("Tu peux amener le cube {x} sur la cible ? Je dois le scanner juste après.", ("x>pad",)),
    ("Posez le cube {x} sur le {y}, s'il vous plaît. Le {z}, par contre, vous n'y touchez pas : je l'ai réglé au "
     "dixième.", ("x>y",)),
    ("Mets le {x} sur le {y}. En revanche, ne touche pas au {z}.", ("x>y",)),
    ("poze le cube {x} sur le {y} stp", ("x>y",)),
    ("Tous les cubes sur le pad sauf le {x}, vas-y frérot, le {x} il bouge pas.", ("rest>pad",)),
    ("Oh, le cube {x}, là, zou, à la poubelle ! Il me sert plus à rien, ce machin.", ("x>bin",)),
    # German
    ("Servus! Den {X} Würfel, den tuast ma in d'Tonne, der g'hört weg, passt scho.", ("x>bin",)),
    ("So, Feierabend für heid. Räum ma alle Würfel in'n Müll, dann is a Ruah.", ("all>bin",)),
    ("Schieb den {X} Würfel a bisserl von dir weg, aber gemütlich, gell.", ("push:x:forward",)),
    ("Danke, das reicht für heute. Fahr bitte wieder in deine Grundstellung.", ("home",)),
    ("Morgen! Sei so lieb und leg mir den {X} Würfel aufs Pad, ja? Danke dir!", ("x>pad",)),
    ("Kannste mal den {X} Würfel aufs Pad moven? Den {Y} aber nicht anfassen, der ist für den Investor-Call "
     "reserviert, wa.", ("x>pad",)),
)


@pytest.mark.parametrize("triple", _TRIPLES, ids="-".join)
@pytest.mark.parametrize(("template", "spec"), _PLANS, ids=[t for t, _ in _PLANS])
def test_a_request_plans_exactly(template: str, spec: tuple[str, ...], triple: tuple[str, str, str]) -> None:
    assert_plans_exactly(template, spec, triple)


@pytest.mark.parametrize(("template", "spec"), _PLANS, ids=[t for t, _ in _PLANS])
def test_each_verb_of_it_negated_never_runs(template: str, spec: tuple[str, ...]) -> None:
    assert_negated_never_runs(template, spec)


@pytest.mark.parametrize("template", [
    # an opener or closing alone, or with a negated, questioned or reported request
    "Adieu !",
    "Adieu ! Ne mettez pas le cube {x} sur le côté droit.",
    "Adieu, vous avez mis le cube {x} sur le côté droit ?",
    "Wesh, t'as calé le {x} sur le {y} ?",
    "wesh tu caler pas le {x} sur le {y}",
    "Oh collègue, tu as poussé le cube {x} vers la droite, tranquille, sans te presser.",
    "Oh collègue, pousse pas le cube {x} vers la droite, tranquille.",
    "Pousse le cube {x} vers la droite, sans te presser contre le {y}.",
    "Pousse le cube {x} vers la droite, tranquille ?",
    "T'as bien travaillé.",
    "Tu as mis le {x} sur le {y}, t'as bien travaillé.",
    "Mets le {x} sur le {y}, t'as bien travaillé ?",
    "Mets le {x} sur le {y}, tu vois ?",
    "Morgen leg den {X} Würfel aufs Pad.",
    "Morgen, leg den {X} Würfel aufs Pad.",
    "Morgen! Leg den {X} Würfel nicht aufs Pad.",
    "Danke, das reicht für heute.",
    "Danke, das reicht für heute. Fahr nicht in deine Grundstellung.",
    "Das reicht nicht. Leg den {X} Würfel aufs Pad.",
    "Den {X} Würfel, den tuast ma ned in d'Tonne, passt scho.",
    "Tuast ma den {X} Würfel in d'Tonne?",
    "Legst ma den {X} Würfel aufs Pad?",
    "Du hast den {X} Würfel in d'Tonne getan, passt scho.",
    "Leg den {X} Würfel in d'Tonne, passt scho?",
    "Räum ma alle Würfel ned in'n Müll, dann is a Ruah.",
    "Räumen wir alle Würfel in'n Müll?",
    "Schieb den {X} Würfel ned von dir weg, aber gemütlich, gell.",
    "Du schiebst den {X} Würfel von dir weg, aber gemütlich, gell?",
    "Du legst den {X} Würfel aufs Pad, wa?",
    # a word that needs its place, a spelling that is two words
    "Tu peux amener le cube {x} ?",
    "Amène le cube {x}.",
    "N'amène pas le cube {x} sur la cible.",
    "pouze le cube {x} sur le {y}",
    # reasons that do not agree with the request, or are said after no prohibition
    "Mets le cube {x} à la poubelle. Je dois le scanner juste après.",
    "Tu peux amener le cube {x} sur la cible ? Je dois le jeter juste après.",
    "Ne mets pas le cube {x} sur la cible. Je dois le scanner juste après.",
    "Posez le cube {x} sur le {y}. Je l'ai réglé au dixième.",
    "Posez le cube {x} sur le {y} : je l'ai réglé au dixième.",
    "Den {X} Würfel aufs Pad legen, der ist für den Investor-Call reserviert.",
    "Den {X} Würfel aufs Pad legen. Den {Y} nicht anfassen, der {X}e ist für die Demo reserviert.",
    "Le cube {x}, zou, sur le pad ! Il me sert plus à rien, ce machin.",
    "Le cube {x}, zou, pas à la poubelle ! Il me sert plus à rien, ce machin.",
    "Il me sert plus à rien, ce machin.",
    # a contrast before a request said of the cube it contrasts with; a prohibition said as a question
    "Mets le {x} sur le {y}. Par contre, mets le {y} dans le bac.",
    "Par contre, mets le {x} sur le pad. Jette-le.",  # A1 s14 H65: nothing said before to contrast with
    "Par contre, mets le {x} sur le pad.",
    "Posez le cube {x} sur le {y}. Le {x}, par contre, vous n'y touchez pas.",
    "Mets le {x} sur le pad, le {x} il bouge pas.",
    "Tous les cubes sur le pad, le {x} il bouge pas ?",
    "Le {x} il bouge pas.",
])
def test_a_near_miss_is_refused(template: str) -> None:
    filled_moves_nothing(template)
