"""French and German of the fifteenth pass, second part (issue #17 item 5; the classes of the dev split
fresh_fr_de_28: Lyon, Swiss-French, Senegalese French, an Arabic-speaking learner; Hamburg, Saxon, formal German).

Saxon German, written back only where a Saxon word marks the text ("Nu gugge ma: bevor de dän rodn Wärfel uffn blaun
stellst, duste erschtma dän grien in dän Müllgorb, gelle?"; "ni" is "nicht"). Hamburg: "Moin Digger!", "den X da,
den ...", "stellste man" (mal), "inne Tonne kloppen", "der is eh Schiet" (after a request to the bin), ", ne?
<next sentence>", "Nich schubsen, richtig hinstellen." (after a put with no push). Formal: "Bitte folgenden Turm
aufbauen, von oben nach unten spezifiziert: ... Der X Würfel bleibt als Basis an seiner Position." (X must be the
bottom of the list), "nach vorne schieben, also von Ihnen weg. Nicht greifen, nur schieben.", "auf den ganz linken"
(the leftmost cube). A cleaning preamble ("je passe la serpillère…", "ich muss hier mal feucht wischen –"), "kurz"
before a place. Senegalese "Grand, on dit quoi ?", "Waaw,", "..., dé", thanks "Jërëjëf", "Choukran", Swiss "...,
adieu !", "Prends X, tu le mets à droite" (the next step said with "tu"), "le Y là, tu le poses", "il est calibré ;"
after a prohibition, "par contre" with no comma, "par-dessus l'orange", "il gêne la caméra", "jsuis en retard" after
"stp" with no comma, "met le ds la poubelle". Safety, old on main: "Den roten, den stellst du auf die linke Seite,
ja?" (the cube said first and taken up by "den") planned; it asks to confirm, as "Du stellst ..., ja?" (A1 s14 H57).
"""

from __future__ import annotations

import pytest
from planner_asserts import cube_scene, filled_moves_nothing, moves_nothing
from test_planner_fresh12_words import plan
from test_translation_spoken import _TRIPLES, assert_negated_never_runs, assert_plans_exactly

from policies.planner import Plan

_PLANS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # French
    ("Grand, on dit quoi ? Prends d'abord le cube {x}, tu le mets à droite, ensuite le {y} là, tu le poses sur le "
     "{z}. Jërëjëf !", ("x>right", "y>z")),
    ("Ne touche surtout pas au {x}, il est calibré ; le {y} par contre tu peux le ranger sur le pad.", ("y>pad",)),
    ("Le cube {x}, tu le déplaces à la gauche s'il te plaît. Choukran !", ("x>left",)),
    ("pousse le {x} un peu vers la droite stp, il gêne la caméra", ("push:x:right",)),
    ("Waaw, le cube {x} qui est là-bas, dépose-le sur le pad, dé. Merci hein.", ("x>pad",)),
    ("Tu me mets le {x} par-dessus le {y} ? Merci !", ("x>y",)),
    ("mets le cube {x} sur le {y} stp jsuis en retard", ("x>y",)),
    ("Bonjour, vous me posez le cube {x} sur le pad, s'il vous plaît ? Merci, adieu !", ("x>pad",)),
    ("Pardon, je passe la serpillère… vous pouvez mettre le cube {x} sur le côté droit ?", ("x>right",)),
    ("prend le cube {x} et met le ds la poubelle", ("x>bin",)),
    # German
    ("Moin Digger! Den {X} Klotz da, den kannste inne Tonne kloppen, der is eh Schiet.", ("x>bin",)),
    ("Den {X} da, den stellste man rüber auf die linke Seite, ne? Nich schubsen, richtig hinstellen.", ("x>left",)),
    ("Den {X} Würfel bitte nach vorne schieben, also von Ihnen weg. Nicht greifen, nur schieben.",
     ("push:x:forward",)),
    ("Entschuldigung, ich muss hier mal feucht wischen – können Sie den {X} Würfel kurz nach rechts stellen?",
     ("x>right",)),
)


@pytest.mark.parametrize("triple", _TRIPLES, ids="-".join)
@pytest.mark.parametrize(("template", "spec"), _PLANS, ids=[t for t, _ in _PLANS])
def test_a_request_plans_exactly(template: str, spec: tuple[str, ...], triple: tuple[str, str, str]) -> None:
    assert_plans_exactly(template, spec, triple)


@pytest.mark.parametrize(("template", "spec"), _PLANS, ids=[t for t, _ in _PLANS])
def test_each_verb_of_it_negated_never_runs(template: str, spec: tuple[str, ...]) -> None:
    assert_negated_never_runs(template, spec)


_RBG = cube_scene(("red", [0.45, 0.1, 0.022]), ("blue", [0.55, -0.12, 0.022]), ("green", [0.5, 0.16, 0.022]))


@pytest.mark.parametrize(("text", "expected"), [
    ("Nu gugge ma: bevor de dän rodn Wärfel uffn blaun stellst, duste erschtma dän grien in dän Müllgorb, gelle?",
     ["pick(object=green_cube)", "place_in(region=bin)", "pick(object=red_cube)", "place_on(object=blue_cube)"]),
    ("Dän rodn Wärfel, dän machste ma obendruff uffn blaun, nu?",
     ["pick(object=red_cube)", "place_on(object=blue_cube)"]),
    ("Gugge ma, stell dän grien Wärfel uff dän rodn, nu?", ["pick(object=green_cube)", "place_on(object=red_cube)"]),
    # the leftmost cube (green, at the robot's far left) as the place
    ("Nimm mal den roten Würfel und stell ihn auf den ganz linken.",
     ["pick(object=red_cube)", "place_on(object=green_cube)"]),
])
def test_saxon_and_the_leftmost_cube(text: str, expected: list[str]) -> None:
    result = plan(text, _RBG)
    assert isinstance(result, Plan) and [str(s) for s in result.steps] == expected, (text, result)


_GOP = cube_scene(("green", [0.45, 0.1, 0.022]), ("orange", [0.55, -0.12, 0.022]), ("purple", [0.5, 0.16, 0.022]))


@pytest.mark.parametrize("text", [
    "Bitte folgenden Turm aufbauen, von oben nach unten spezifiziert: Grün, Orange, Violett. Der violette Würfel "
    "bleibt als Basis an seiner Position.",
    "Bitte folgenden Turm aufbauen, von unten nach oben: Violett, Orange, Grün. Der violette Würfel bleibt an seiner "
    "Position.",
])
def test_a_formal_tower_whose_base_stays(text: str) -> None:
    result = plan(text, _GOP)
    assert isinstance(result, Plan) and [str(s) for s in result.steps] == [
        "pick(object=orange_cube)", "place_on(object=purple_cube)", "pick(object=green_cube)",
        "place_on(object=orange_cube)"], (text, result)


@pytest.mark.parametrize("text", [
    # the cube said to stay is not the base, or the tower is negated, or the sentence stands alone
    "Bitte folgenden Turm aufbauen, von oben nach unten spezifiziert: Grün, Orange, Violett. Der grüne Würfel bleibt "
    "als Basis an seiner Position.",
    "Bitte folgenden Turm aufbauen, von unten nach oben: Violett, Orange, Grün. Der orange Würfel bleibt an seiner "
    "Position.",
    "Bitte folgenden Turm aufbauen, von oben nach unten: Grün, Orange, Violett. Der violette Würfel bleibt nicht an "
    "seiner Position.",
    "Bitte folgenden Turm nicht aufbauen, von oben nach unten: Grün, Orange, Violett.",
    "Der violette Würfel bleibt als Basis an seiner Position.",
    "Tu me mets le vert par-dessus l'orange, tu l'as fait ?",
    "Ne mets pas le vert par-dessus l'orange.",
])
def test_a_formal_tower_near_miss_is_refused(text: str) -> None:
    moves_nothing(text, _GOP)


def test_the_french_place_over_an_elided_colour() -> None:
    result = plan("Tu me mets le vert par-dessus l'orange ? Merci !", _GOP)
    assert isinstance(result, Plan) and [str(s) for s in result.steps] == [
        "pick(object=green_cube)", "place_on(object=orange_cube)"], result


@pytest.mark.parametrize("template", [
    # "Nich schubsen, richtig hinstellen." after a push, a push beside the put, asked, alone
    "Stell den {X} auf die linke Seite und schieb den {Y} nach rechts. Nicht schubsen, richtig hinstellen.",
    "Schieb den {X} nach links. Nicht schubsen, richtig hinstellen.",
    "Stell den {X} auf die linke Seite. Nicht schubsen, richtig hinstellen?",
    "Nicht schubsen, richtig hinstellen.",
    # "Nicht greifen, nur schieben." after a put, alone; the push forward negated; "also von Ihnen weg" after another
    # direction
    "Leg den {X} Würfel in den Müll. Nicht greifen, nur schieben.",
    "Nicht greifen, nur schieben.",
    "Den {X} Würfel nicht nach vorne schieben. Nicht greifen, nur schieben.",
    "Den {X} Würfel bitte nach hinten schieben, also von Ihnen weg.",
    # the cube said first and taken up by "den", with a tag and no mark of a request (old: it planned)
    "Den {X}, den stellst du auf die linke Seite, ja?",
    "Den {X}, den stellst du auf die linke Seite, ne?",
    "Den {X} da, den stellste rüber auf die linke Seite, ne?",
    "Den {X}, den legst du in den Müll?",
    "Man stellt den {X} auf die linke Seite, ne?",
    "Den {X} da, den stellste man nich auf die linke Seite, ne?",
    # Hamburg: negated, a reason that does not fit, alone
    "Moin Digger! Den {X} Klotz, den kannste nich inne Tonne kloppen, der is eh Schiet.",
    "Der is eh Schiet.",
    "Leg den {X} nicht in die Tonne, der is eh Schiet.",
    "Leg den {X} auf das Pad, der is eh Schiet.",
    "Nimm mal den {X} Würfel und stell ihn nicht auf den ganz linken.",
    "Stell den {X} auf den ganz linken Rand.",
    # a cleaning preamble alone, around a negated request, or about a cube
    "Entschuldigung, ich muss hier mal feucht wischen – stellen Sie den {X} Würfel nicht nach rechts.",
    "Ich muss hier mal feucht wischen.",
    "Ich muss den {X} Würfel feucht wischen – stell ihn nach rechts.",
    "Je passe la serpillère… ne mettez pas le cube {x} sur le côté droit.",
    "Je passe la serpillère…",
    "Je passe le {x} à la serpillère… mets-le sur le pad.",
    # "Prends X, tu le mets ..." negated, asked, reported
    "Prends d'abord le cube {x}, tu le mets pas à droite.",
    "Prends le cube {x}, tu le mets à droite ?",
    "Tu as pris le cube {x}, tu le mets à droite.",
    # the kept cube: after a request, the request negated, the kept cube moved after all
    "Mets le {x} dans la poubelle, il est calibré ; le {y} par contre tu peux le ranger sur le pad.",
    "Ne touche pas au {x}, il est calibré ; le {y} par contre tu peux pas le ranger sur le pad.",
    "Ne touche pas au {x}, il est calibré ; le {x} par contre tu peux le ranger sur le pad.",
    # Senegalese and Swiss words alone, around a question or a negation
    "Grand, on dit quoi ?",
    "Grand, on dit quoi ? Tu as mis le {x} sur le pad ?",
    "Waaw, ne mets pas le {x} sur le pad.",
    "Le {x} sur le pad, dé ?",
    "Adieu !",
    "pousse le {x} vers la droite stp, il gêne pas la caméra",
    "ne pousse pas le {x} vers la droite stp, il gêne la caméra",
    "ne mets pas le {x} sur le {y} stp jsuis en retard",
    "mets le {x} sur le {y} stp jsuis pas en retard",
    "il met le {x} ds la poubelle",
    "met le pas ds la poubelle",
    # the ethical "me" alone no longer marks a request (A1 s15 H77); a preamble hides no question (A1 s15 H82)
    "Le cube {x}, tu me le poses sur le pad ?",
    "Tu me mets le cube {x} dans la poubelle ?",
    "Le cube {x}, tu me le mets dans la poubelle, hein ?",
    "Ich muss hier mal feucht wischen – den {X} Würfel in den Müll?",
    "Ich muss hier mal feucht wischen – du legst den {X} Würfel in den Müll?",
    "Ich muss hier mal feucht wischen – du legst den {X} Würfel in den Müll, ja?",
    "Ich muss hier mal feucht wischen – legst du den {X} Würfel in den Müll?",
    "Ich muss hier mal feucht wischen – der {XB}e gehört in den Müll?",
    "Je passe la serpillère… tu mets le cube {x} sur le côté droit ?",
    # Saxon negated, reported, verbless with "?"
    "Nu gugge ma: bevor de dän rodn Wärfel uffn blaun stellst, duste dän grien ni in dän Müllgorb, gelle?",
    "Dän rodn Wärfel, dän machste ma nich obendruff uffn blaun, nu?",
    "Hast de dän rodn Wärfel uffn blaun gestellt?",
    "Dän rodn Wärfel uffn blaun?",
])
def test_a_near_miss_is_refused(template: str) -> None:
    filled_moves_nothing(template)


@pytest.mark.parametrize(("template", "spec"), [
    # the same statement with a mark of a request plans
    ("Den {X}, den stellst du bitte auf die linke Seite, ja?", ("x>left",)),
    ("Den {X}, den stellst du mal auf die linke Seite, ja?", ("x>left",)),
    ("Den {X}, den stellst du auf die linke Seite.", ("x>left",)),
    ("Den {X} Würfel, den tust du bitte in den Mülleimer.", ("x>bin",)),
    ("Den {X} Würfel, den kannst du in die Tonne werfen.", ("x>bin",)),
    ("Tu me mets le cube {x} dans la poubelle ? Merci.", ("x>bin",)),
    ("Tu me mets le cube {x} dans la poubelle, s'il te plaît ?", ("x>bin",)),
    ("Le cube {x}, tu me le poses sur le pad, d'accord ?", ("x>pad",)),
    ("Ich muss hier mal feucht wischen – leg den {X} Würfel in den Müll.", ("x>bin",)),
])
def test_the_cube_said_first_with_a_mark_of_a_request_plans(template: str, spec: tuple[str, ...]) -> None:
    assert_plans_exactly(template, spec, _TRIPLES[0])
