"""French and German of the fourteenth pass, second part (issue #17 item 5; the classes of the dev split
fresh_fr_de_26: Quebec, Belgian, Swiss, Parisian office French; Bavarian, Berlin, Swiss and texting German).
Openers: "Pardon,", "Toi le robot,", "On s'arrête là pour aujourd'hui, merci à tous.", "Petite manip rapide avant ma
réunion, si ça ne te dérange pas :", "ey robo", Berlin "Kiek ma,". Closings: Quebec "..., c'est correct", Belgian
"..., une fois", "Tu me sauves la vie", "Ça joue comme ça", "..., schnell bitte" (none with a "?"). Words: "garer"
(park: put, a place must be said; "tu me gares ... ? Merci"), "sru" (sur), "tu sais me débarrasser du X ?", "On fait
une tour ? Le X en bas, ..." (the levels must follow), "(à gauche du point de vue du robot)" repeating the side said,
"der oben drauf liegt" (the top cube: asked where there are two), "der zuvorderst liegt" (the frontmost, as English),
"in die rechte Zone", "'n Stückchen", "schubs ma", Berlin words only where a Berlin word marks the text ("uff det
Pad", "jelben", "leg'n", "lässte ma in Ruhe"), "Den X brauch ma nimmer, der g'hört in den Mistkübel." (both clauses),
", ja? Nur den X ..." (the tag of agreement ends the request's sentence; "nur" opening a placing sentence with no
negation). Reasons: "Il traîne là depuis tantôt", "on fait du ménage", "je suis à la bourre", "wir räumen heute auf"
(also after an exception). Each plans exactly over colour triples; each negated never runs what it forbids; near
misses, questions and reports refuse or ask.
"""

from __future__ import annotations

import pytest
from planner_asserts import asks, cube_scene, filled_moves_nothing, moves_nothing
from test_translation_spoken import _TRIPLES, assert_negated_never_runs, assert_plans_exactly

_PLANS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # French
    ("Dis, tu sais me débarrasser du cube {x} ? Il traîne là depuis tantôt, une fois.", ("x>bin",)),
    ("On fait une tour ? Le {x} en bas, le {y} au milieu et le {z} tout en haut.", ("y>x", "z>y")),
    ("Pardon, vous pouvez mettre le cube {x} sur le côté droit ?", ("x>right",)),
    ("Tu me gares le cube {x} sur le pad ? Merci.", ("x>pad",)),
    ("Envoye, mets tous les blocs dans la zone de gauche, on fait du ménage.", ("all>left",)),
    ("Placez tous les cubes sur le pad, à l'exception du {x}. Ça joue comme ça, merci.", ("rest>pad",)),
    ("Bon, on s'arrête là pour aujourd'hui, merci à tous. Toi le robot, tu peux retourner à ta position d'origine.",
     ("home",)),
    ("Bonjour toi ! Petite manip rapide avant ma réunion, si ça ne te dérange pas : tu pourrais poser le cube {x} sur "
     "le cube {y} ? Tu me sauves la vie, merci !", ("x>y",)),
    ("mets le cube {x} sru le {y} stp, je suis a la bourre", ("x>y",)),
    ("Heille, mets le {x} dans la poubelle, c'est correct.", ("x>bin",)),
    # German
    ("Servus! Den {X} Würfel brauch ma nimmer, der g'hört in den Mistkübel.", ("x>bin",)),
    ("Stell den {X} Würfel auf den {Y}, aber erst nachdem du den {Z} in die rechte Zone gelegt hast.",
     ("z>right", "x>y")),
    ("ey robo erst den {X} in den müll dann den {Y} aufs pad und dann ab in deine startposition",
     ("x>bin", "y>pad", "home")),
    ("Den {Z} lässte ma schön in Ruhe, ja? Nur den {X} uff den {Y} druff.", ("x>y",)),
    ("Kiek ma, leg den {X} uff det Pad, wa?", ("x>pad",)),
    ("Schubs ma den {X} Würfel 'n Stückchen nach rechts, wa?", ("push:x:right",)),
    ("Alle Würfel außer dem {X} bitte in den Mülleimer, wir räumen heute auf.", ("rest>bin",)),
    ("leg bitte den {X} Würfel auf den {Y}, schnell bitte", ("x>y",)),
)


@pytest.mark.parametrize("triple", _TRIPLES, ids="-".join)
@pytest.mark.parametrize(("template", "spec"), _PLANS, ids=[t for t, _ in _PLANS])
def test_a_request_plans_exactly(template: str, spec: tuple[str, ...], triple: tuple[str, str, str]) -> None:
    assert_plans_exactly(template, spec, triple)


@pytest.mark.parametrize(("template", "spec"), _PLANS, ids=[t for t, _ in _PLANS])
def test_each_verb_of_it_negated_never_runs(template: str, spec: tuple[str, ...]) -> None:
    assert_negated_never_runs(template, spec)


_TWO_STACKS = cube_scene(("red", [0.48, 0.12, 0.022]), ("green", [0.48, 0.12, 0.066]), ("blue", [0.55, -0.1, 0.022]),
                         ("yellow", [0.55, -0.1, 0.066]))


@pytest.mark.parametrize("text", [
    "Heille, pogne celui d'en haut pis mets-le dans la poubelle, c'est correct.",
    "Kannst du den Würfel, der oben drauf liegt, in den Mülleimer tun?",
    "Kiek ma, nimm doch ma den Würfel und leg'n uff det Pad, wa?",
])
def test_a_cube_the_words_leave_open_is_asked_for(text: str) -> None:
    candidates = {"red_cube", "green_cube", "blue_cube", "yellow_cube"} if "nimm" in text else {"green_cube",
                                                                                                 "yellow_cube"}
    asks(text, _TWO_STACKS, candidates)


def test_the_frontmost_cube_is_the_one_nearest_the_robot() -> None:
    from test_planner_fresh12_words import plan

    scene = cube_scene(("red", [0.56, 0.1, 0.022]), ("blue", [0.4, -0.05, 0.022]), ("green", [0.62, -0.16, 0.022]))
    result = plan("Legen Sie bitte den Würfel, der zuvorderst liegt, in den Abfallkübel. Merci.", scene)
    assert [str(s) for s in result.steps] == ["pick(object=blue_cube)", "place_in(region=bin)"], result
    moves_nothing("Legen Sie bitte den Würfel, der zuvorderst liegt, nicht in den Abfallkübel.", scene)
    moves_nothing("Liegt der Würfel zuvorderst im Abfallkübel?", scene)
    # the robot's view, in brackets after the side it repeats
    text = "Déposez dans la poubelle le cube qui se trouve le plus à gauche (à gauche du point de vue du robot). Merci."
    left = cube_scene(("red", [0.45, -0.15, 0.022]), ("blue", [0.55, 0.18, 0.022]), ("green", [0.62, 0.02, 0.022]))
    assert [str(s) for s in plan(text, left).steps] == ["pick(object=blue_cube)", "place_in(region=bin)"]
    moves_nothing(text.replace("(à gauche", "(à droite"), left)
    moves_nothing(text.replace("Déposez", "Ne déposez pas"), left)


@pytest.mark.parametrize("template", [
    # openers and closings alone, or around a negated, questioned or reported request
    "Pardon.",
    "Pardon, vous avez mis le cube {x} sur le côté droit ?",
    "Toi le robot, tu as mis le {x} dans le bac.",
    "Bon, on s'arrête là pour aujourd'hui, merci à tous.",
    "On s'arrête là. Ne retourne pas à ta position d'origine.",
    "Petite manip rapide avant ma réunion : ne pose pas le cube {x} sur le cube {y}.",
    "Tu me sauves la vie, merci !",
    "Mets le {x} dans la poubelle, c'est correct ?",
    "Tu as mis le {x} dans la poubelle, c'est correct.",
    "Heille, mets pas le {x} dans la poubelle, c'est correct.",
    "ey robo den {X} nicht in den müll",
    "Kiek ma, leg'n {X} nich uff det Pad.",
    "Leg den {X} Würfel nicht auf den {Y}, schnell bitte.",
    # a word that needs a place; a question or report made of it
    "Gare le cube {x}.",
    "Tu gares le cube {x} sur le pad ?",
    "Tu as garé le cube {x} sur le pad.",
    "tu sais me débarrasser du cube {x}.",
    "Tu sais pas me débarrasser du cube {x} ?",
    # a tower suggested with no levels, or questioned levels
    "On fait une tour ?",
    "On fait une tour ? Le {x} en bas ?",
    # the robot's view said of another side than the one before it
    "Déposez dans la poubelle le cube le plus à gauche (à droite du point de vue du robot).",
    # Berlin words where no Berlin word marks the text; a Berlin request negated or asked
    "Nur den {X} nicht auf den {Y}.",
    "Den {Z} lässte ma in Ruhe, oder? Nur den {X} uff den {Y} druff.",
    "Den {Z} lässte ma in Ruhe, ja? Nur den {X} nich uff den {Y} druff.",
    "Den {Z} lässte ma in Ruhe, ja?",
    "Schubs ma den {X} Würfel 'n Stückchen nich nach rechts.",
    # "no longer needed, it belongs in the bin" said of another cube, negated, or without its second clause
    "Den {X} Würfel brauch ma nimmer.",
    "Den {X} Würfel brauch ma nimmer, der g'hört nicht in den Mistkübel.",
    "Den {X} Würfel brauch ma noch, der g'hört in den Mistkübel.",
    # where a cube goes said with a rising "?" and no mark of a request (an old false execution: it planned)
    "Der {XB}e g'hört in den Mistkübel?",
    "Der {XB}e gehört in den Müll?",
    "Alle Würfel gehören in den Müll?",
    "Den {X} in den Müll?",
    "Der {XB}e soll aufs Pad?",
    "Le {x} dans la poubelle ?",
    "Le {x} va dans la poubelle ?",
    "Tous les cubes vont sur le pad ?",
    "Alors, le cube {x} sur le {y} ?",
    # ... behind an opener (A1 s14 H56; "Salut, ..." planned on main too)
    "Zou, le cube {x} dans la poubelle ?",
    "Wesh, le cube {x} dans la poubelle ?",
    "Oh collègue, le {x} sur le {y} ?",
    "Salut, le cube {x} dans la poubelle ?",
    # a statement said with "du" and a tag of agreement asks to confirm it (A1 s14 H57, old)
    "Du legst den {X} Würfel in die Tonne, gell?",
    "Du legst den {X} Würfel in die Tonne, ja?",
    "Den {X} stellst du auf den {Y}, ja?",
    # ... and with the Berlin "du" glued on ("schiebste": old, it pushed)
    "Schiebste den {X} nach links?",
    "Schiebste den {X} nach links, wa?",
    "Legste den {X} in den Müll?",
    # "Sag mal," opens a question, it marks no request (A1 s14 H66, old)
    "Sag mal, den {X} Würfel in die Tonne?",
    "Sag mal, der {XB}e gehört in den Müll?",
    # ... behind a particle (A1 s14 H59)
    "Nur den {X} in den Müll?",
    "Nur den {X} auf den {Y} drauf?",
    "Jetzt den {X} in den Müll?",
    "Zuerst den {X} in den Müll?",
    # reasons after a request they do not fit
    "Ne mets pas le cube {x} sur le {y}, je suis à la bourre.",
    "Mets le {x} dans la poubelle, on fait pas du ménage.",
    "Alle Würfel außer dem {X} bitte nicht in den Mülleimer, wir räumen heute auf.",
    "Wir räumen heute auf.",
    "Le {x} traîne là depuis tantôt.",
    # a zone with no side
    "Stell den {X} Würfel in die Zone.",
])
def test_a_near_miss_is_refused(template: str) -> None:
    filled_moves_nothing(template)


@pytest.mark.parametrize(("template", "spec"), [
    # where a cube goes, said with "?" and a tag after a verb ("bitte"/"s'il te plaît" with a goal of no verb asks since
    # the twenty-third pass, REV s22 R13: "Den {X} in den Müll, bitte?" is pinned refused in test_P2_s23_fd44)
    ("Leg den {X} Würfel in die Tonne, gell?", ("x>bin",)),
    ("Den {X} stellst du bitte auf den {Y}, ja?", ("x>y",)),
    ("Tu me mets le {x} dans la poubelle, d'accord ?", ("x>bin",)),
    ("Mets le {x} dans la poubelle, d'accord ?", ("x>bin",)),
])
def test_a_goal_asked_with_a_mark_of_a_request_plans(template: str, spec: tuple[str, ...]) -> None:
    assert_plans_exactly(template, spec, _TRIPLES[0])


@pytest.mark.parametrize("template", [
    # a verdict after words with no verb may say the cube already is there (a report)
    "Le {x} dans le bac, c'est correct.",
    "Le {x} sur le pad. Ça joue comme ça.",
    "Le {x} sur le pad, ça joue comme ça, merci.",
    "Der {XB}e Würfel auf dem Pad, passt scho.",
    "Der {XB}e im Müll, passt so.",
    # a hypothetical said of the robot or of a cube (A1 s14 H61's German twin, old)
    "Der {XB}e würde in den Müll gehen.",
    "Du würdest den {X} in die Tonne legen.",
    "Den {X} in die Tonne, und du würdest den {Y} aufs Pad legen.",
    # the Berlin "-ste" verb after a fronted object asks; French openers of a question before a verbless goal
    "Den {X} schiebste nach links?",
    "Den {X} legste in den Müll, wa?",
    "Dis-moi, le {x} dans la poubelle ?",
    "Dites, le {x} dans la poubelle ?",
    "Dis donc, le {x} dans la poubelle ?",
    # a verbless goal with thanks after its "?" (sixteenth pass: as English "The red cube in the bin? Thanks.")
    "Le {x} dans la poubelle ? Merci.",
    # a verbless goal with a tag of confirmation (REV s14 R7, old)
    "Tout dans la poubelle, d'accord ?",
    "Tout dans la poubelle, ok ?",
    "Le cube {x} dans la poubelle, d'accord ?",
    "Der {XB} Würfel in den Mülleimer, ja?",
    "Der {XB} Würfel in den Mülleimer, gell?",
    "Den {X} Würfel in den Mülleimer, okay?",
])
def test_a_report_hypothetical_or_question_in_disguise_is_refused(template: str) -> None:
    filled_moves_nothing(template)


@pytest.mark.parametrize(("template", "spec"), [
    ("Mets le {x} dans le bac, c'est correct.", ("x>bin",)),
    ("Leg den {X} aufs Pad, passt scho.", ("x>pad",)),
    ("Den {X} Würfel aufs Pad, passt.", ("x>pad",)),  # the accusative: an elided verb moves it (d16-052)
    ("Würdest du den {X} in die Tonne legen?", ("x>bin",)),
    ("Den {X} legste mal in den Müll, wa?", ("x>bin",)),
    ("Dis, tu mets le {x} dans le bac ?", ("x>bin",)),
])
def test_the_same_words_around_a_request_plan(template: str, spec: tuple[str, ...]) -> None:
    assert_plans_exactly(template, spec, _TRIPLES[0])
