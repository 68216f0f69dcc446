"""French and German of the fifteenth pass, first part (issue #17 item 5; the classes of fresh_fr_de_27, the
fourteenth session's final, now seen: Marseille, formal French, learners of French; Bavarian, Amtsdeutsch, learners
of German).

Openers: "Vite,", "Allez zou,", "Oh bonjour toi !", a small-talk question from a closed list ("Tu travailles dur
aujourd'hui ?", "Na, heute schon fleißig gewesen?"), Bavarian "So, des basst.", "Feierabend,". Closings (never with a
"?"): Marseille "vé", "té", "c'est pas sorcier" ("vé" and "c'est pas sorcier" after words with no verb may point at a
cube already there: refused). Reasons: "j'ai pas le temps", "on a une démo dans dix minutes", formal "Um zeitnahe
Erledigung wird gebeten." Words: "je vous prierais de", "édifier une tour", "... et le X pour couronner le tout" (the
top), "euh" right after an order word or "et" (elsewhere it may correct what was said), "le cube X là, ...", "prend"
opening a clause (prends), "coté" (côté), "à l'exception notable du", "tu me le poses", the place said before "le cube
le plus loin de vous"; Bavarian "bittschön", "in Mülleimer nei", "den vordern Würfel" (the frontmost), "fahr hoam in
dei Grundstellung", "Der X kann weg. Ab in den Müll damit." (both sentences), "Es wird um die Errichtung eines Turmes
ersucht:", "ist ... zu verlagern", a learner's "in Mülleimer machst", "oben drauf auf grüne", "dne" (den).
Each plans exactly over colour triples; each negated never runs what it forbids; near misses refuse or ask.
"""

from __future__ import annotations

import pytest
from planner_asserts import asks, cube_scene, filled_moves_nothing, moves_nothing
from test_planner_fresh12_words import plan
from test_translation_spoken import _TRIPLES, assert_negated_never_runs, assert_plans_exactly

from policies.planner import Plan

_PLANS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # French
    ("Vite, mets le cube {x} dans la poubelle stp, j'ai pas le temps", ("x>bin",)),
    ("Oh, tu me prends le {x} et tu me le poses sur le pad, vé, c'est pas sorcier !", ("x>pad",)),
    ("Pardon, le cube {x} là, vous pouvez me le jeter à la poubelle ? Il traîne depuis ce matin.", ("x>bin",)),
    ("Je vous prierais d'édifier une petite tour : le cube {x} à la base, le {y} par-dessus, et le {z} pour couronner "
     "le tout.", ("y>x", "z>y")),
    ("Alors... d'abord tu prends le cube {x} et tu le mets sur le cube {y}, et après, euh, tu retournes à ta position "
     "de départ.", ("x>y", "home")),
    ("Le {x}, tu me le touches pas, hein, sinon ça va mal se passer ! Tu mets juste le {y} à droite, peuchère.",
     ("y>right",)),
    ("tu peux mettre le cube {x} du coté gauche stp ?", ("x>left",)),
    ("Le {x} sur le pad, vite fait, on a une démo dans dix minutes.", ("x>pad",)),
    ("Allez zou, mets tous les cubes à la poubelle, on fait le ménage, té !", ("all>bin",)),
    ("Allez zou, tous les cubes à la poubelle, on fait le ménage, té !", ("all>bin",)),  # "té" after a reason
    ("Veuillez déplacer l'ensemble des cubes sur le côté droit, à l'exception notable du cube {x}.", ("rest>right",)),
    ("Oh bonjour toi ! Tu travailles dur aujourd'hui ? Bon, si ça te dérange pas, tu pourrais poser le cube {x} sur "
     "le {y} ? Merci, t'es adorable.", ("x>y",)),
    ("prend le cub {x} et pose le sur le {y} stp", ("x>y",)),
    # German
    ("Servus! Den {X} Würfel, den tuast ma bittschön in Mülleimer nei.", ("x>bin",)),
    ("Der {XB}e Würfel kann weg. Ab in den Müll damit, bitte.", ("x>bin",)),
    ("Bevor du {XB}e Würfel in Mülleimer machst, schieb erst den {Y} Würfel nach links, ja?", ("push:y:left", "x>bin")),
    ("Der {XB}e Würfel ist auf die rechte Tischseite zu verlagern. Um zeitnahe Erledigung wird gebeten.",
     ("x>right",)),
    ("So, des basst. Feierabend, fahr hoam in dei Grundstellung.", ("home",)),
    ("Guten Morgen! Na, heute schon fleißig gewesen? Ich hätte da eine kleine Bitte: Könntest du den {X} Würfel auf "
     "den {Y} stellen? Das wäre super, danke dir!", ("x>y",)),
    ("leg den {X} Würfel auf dne {Y}", ("x>y",)),
)


@pytest.mark.parametrize("triple", _TRIPLES, ids="-".join)
@pytest.mark.parametrize(("template", "spec"), _PLANS, ids=[t for t, _ in _PLANS])
def test_a_request_plans_exactly(template: str, spec: tuple[str, ...], triple: tuple[str, str, str]) -> None:
    assert_plans_exactly(template, spec, triple)


@pytest.mark.parametrize(("template", "spec"), _PLANS, ids=[t for t, _ in _PLANS])
def test_each_verb_of_it_negated_never_runs(template: str, spec: tuple[str, ...]) -> None:
    assert_negated_never_runs(template, spec)


_RYP = cube_scene(("red", [0.42, 0.14, 0.022]), ("yellow", [0.6, 0.12, 0.022]), ("purple", [0.5, -0.05, 0.022]))


@pytest.mark.parametrize("text", [
    "Es wird um die Errichtung eines Turmes ersucht: zuoberst der gelbe Würfel, darunter der rote, zuunterst der "
    "violette Würfel.",
    "Mach bitte rote Würfel oben drauf auf lila, danke.",
])
def test_formal_and_learner_german_towers(text: str) -> None:
    expected = (["pick(object=red_cube)", "place_on(object=purple_cube)", "pick(object=yellow_cube)",
                 "place_on(object=red_cube)"] if "Turm" in text else
                ["pick(object=red_cube)", "place_on(object=purple_cube)"])
    result = plan(text, _RYP)
    assert isinstance(result, Plan) and [str(s) for s in result.steps] == expected, (text, result)


def test_the_place_said_before_the_cube_farthest_from_the_robot() -> None:
    scene = cube_scene(("red", [0.45, 0.12, 0.022]), ("blue", [0.62, -0.05, 0.022]), ("green", [0.5, -0.16, 0.022]))
    text = "Auriez-vous l'obligeance de déposer dans la poubelle le cube qui se trouve le plus loin de vous ?"
    result = plan(text, scene)
    assert isinstance(result, Plan) and [str(s) for s in result.steps] == [
        "pick(object=blue_cube)", "place_in(region=bin)"], result
    for near in ("Ne déposez pas dans la poubelle le cube le plus loin de vous.",
                 "Avez-vous déposé dans la poubelle le cube le plus loin de vous ?",
                 "Vous déposez dans la poubelle le cube le plus loin de vous ?"):
        moves_nothing(near, scene)


def test_the_front_cube_is_asked_for_where_two_are_level() -> None:
    scene = cube_scene(("red", [0.4, 0.12, 0.022]), ("yellow", [0.4, -0.12, 0.022]), ("green", [0.6, 0.0, 0.022]))
    asks("Servus! Den vordern Würfel, den tuast ma bittschön in Mülleimer nei.", scene, {"red_cube", "yellow_cube"})
    moves_nothing("Den vordern Würfel nicht in den Mülleimer.", scene)


@pytest.mark.parametrize("template", [
    # openers, closings and reasons alone, or around a negated, questioned or reported request
    "Vite !",
    "Vite, tu as mis le {x} dans la poubelle ?",
    "Vite, le {x} dans la poubelle ?",
    "Allez zou ?",
    "Tu travailles dur aujourd'hui ?",
    "Tu travailles dur aujourd'hui ? Tu as mis le {x} dans la poubelle ?",
    "Tu as bien dormi ? Ne mets pas le {x} dans la poubelle.",
    "Tu travailles dur aujourd'hui ? Le {x} dans la poubelle ?",
    "Oh bonjour toi ! Tu as mis le {x} dans la poubelle ?",
    "Mets le {x} sur le pad, c'est pas sorcier ?",
    "Tu as mis le {x} sur le pad, c'est pas sorcier.",
    "Ne mets pas le {x} sur le pad, vé.",
    "Mets le {x} sur le pad, té ?",
    "J'ai pas le temps.",
    "Ne mets pas le {x} dans la poubelle, j'ai pas le temps.",
    "Mets le {x} dans la poubelle, j'ai pas le temps ?",
    "Mets le {x} dans la poubelle sauf si on a une démo dans dix minutes.",
    "Na, heute schon fleißig gewesen?",
    "Na, heute schon fleißig gewesen? Du hast den {X} in den Müll gelegt.",
    "Heute schon fleißig gewesen? Leg den {X} nicht in den Müll.",
    "So, des basst.",
    "So, des basst? Fahr in die Grundstellung.",
    "So, des basst. Fahr nicht in die Grundstellung.",
    "Feierabend, fahr nicht in die Grundstellung.",
    "Um zeitnahe Erledigung wird gebeten.",
    "Leg den {X} nicht auf die rechte Seite. Um zeitnahe Erledigung wird gebeten.",
    # a verdict or a pointing "vé" after words with no verb may say where a cube already is
    "Le {x} sur le pad, c'est pas sorcier.",
    "Le {x} sur le pad, vé.",
    "Le {x} sur le pad, vé ?",
    # ... and "té" (A1 s15 H76), also behind a filler
    "Le {x} sur le pad, té.",
    "Le {x} dans la poubelle, té.",
    "Le cube {x} dans la poubelle, té.",
    "Le {x} sur le {y}, té !",
    "Le {x} sur le pad, hein, té.",
    "Tous les cubes à la poubelle, té !",
    # "euh" elsewhere than after an order word may correct what was said before it
    "Mets le {x}, euh, le {y} dans la poubelle.",
    "Et après, euh, tu as mis le {x} dans la poubelle ?",
    # a dislocated cube pointed at, asked, negated or reported
    "Le cube {x} là ?",
    "Le cube {x} là, tu l'as jeté à la poubelle ?",
    "Le cube {x} là, ne le jette pas à la poubelle.",
    # "prend" with its subject (a report), negated
    "il prend le cube {x} et le pose sur le {y}",
    "on prend le cube {x} et on le pose sur le {y}",
    "prend pas le cube {x} et pose-le sur le {y}",
    "prend le cube {x} dans la poubelle",  # alone, a word of its own (s10): read only before another imperative
    "Tu as mis le cube {x} du coté gauche ?",
    # the threat after a prohibition, after a request, asked, or beside a request for the forbidden cube
    "Le {x}, tu le touches pas, hein, sinon ça va mal se passer !",
    "Mets le {x} dans la poubelle, hein, sinon ça va mal se passer !",
    "Tu touches pas le {x}, hein ?",
    "Le {x}, tu le touches pas, hein, sinon ça va mal se passer ! Tu mets le {x} à droite.",
    # the crown of a tower negated or asked
    "Construis une tour : le {x} en bas, le {y} au milieu, et ne mets pas le {z} pour couronner le tout.",
    "Construis une tour : le {x} en bas, le {y} au milieu, et le {z} pour couronner le tout ?",
    "Je vous prierais de ne pas mettre le {x} dans la poubelle.",
    # the "me" before the object's pronoun: negated, asked, or before "jettes" (thrown to the speaker)
    "Tu me prends le {x} et tu me le poses pas sur le pad.",
    "Tu me prends le {x} et tu me le jettes.",
    # German: the front cube negated, reported
    "Den vordern Würfel, den tuast ma bittschön nicht in Mülleimer nei.",
    "Hast du den vordern Würfel in den Mülleimer nei getan?",
    # "kann weg" alone, negated, asked, with another place or another cube
    "Der {XB}e Würfel kann weg.",
    "Der {XB}e Würfel kann weg, bitte.",
    "Der {XB}e Würfel kann nicht weg. Ab in den Müll damit.",
    "Der {XB}e Würfel kann weg? Ab in den Müll damit.",
    "Der {XB}e Würfel kann weg. Nicht in den Müll damit.",
    "Der {XB}e Würfel kann weg. Ab in den Müll damit?",
    "Der {XB}e Würfel kann weg. Ab aufs Pad damit.",
    "Der {XB}e Würfel kann weg und der {YB} auch. Ab in den Müll damit.",
    # the formal tower with no levels, in the past, negated; the formal move negated, past, asked
    "Es wird um die Errichtung eines Turmes ersucht.",
    "Es wurde um die Errichtung eines Turmes ersucht: zuoberst der {XB}e Würfel, darunter der {ZB}e.",
    "Es wird nicht um die Errichtung eines Turmes ersucht: zuoberst der {XB}e Würfel, darunter der {ZB}e.",
    "Der {XB}e Würfel ist nicht auf die rechte Tischseite zu verlagern.",
    "Der {XB}e Würfel war auf die rechte Seite zu verlagern.",
    "Der {XB}e Würfel ist auf die rechte Seite zu verlagern?",
    # a learner's "machst" asked, negated
    "Machst du den {X} in den Mülleimer?",
    "Mach den {X} nicht in den Mülleimer.",
    "Mach bitte {XB}e Würfel nicht oben drauf auf den {Y}.",
    # Bavarian "hoam" alone, reported
    "Fahr hoam.",
    "Bist du hoam in dei Grundstellung gefahren?",
    "hast du den {X} auf dne {Y} gelegt?",
    "leg den {X} nicht auf dne {Y}",
])
def test_a_near_miss_is_refused(template: str) -> None:
    filled_moves_nothing(template)
