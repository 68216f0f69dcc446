"""French and German classes the ninth and tenth fresh splits refused (issue #17 item 5, eighth pass), read as
classes: "tout le reste" / "alles andere" / "den Rest", a direction said twice ("vers l'avant, loin de vous"), a cube
taken off another ("nimm den gelben vom roten runter", "enlève le jaune du rouge", checked against the scene), a
sentence about the speaker before the request ("Ich räum grad auf – kannst du ..."), "avant ça" / "vorher", a left
dislocation after a clause join ("puis celui que tu viens de déplacer, tu le mets ..."), the spoken "l'" ("tu me
l'poses"), closings with a time ("c'est tout pour aujourd'hui"), "le cube du dessus", "hau ... drauf", "nen Turm",
"drüber", a cube named by where it is as a subject ("der Würfel, der am weitesten weg ist, kommt ..."), "Hallo du",
"nicht X, sondern Y", "... und der andere soll auch rein" / "le bleu aussi", typos in the phrase rules' words ("nach
hasue"). Each plans exactly over colour triples, casual and formal, with and without accents; its negated forms and
the readings whose words the scene contradicts never run.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import test_translation_spoken as spoken
from test_translation_spoken import _PLANNER, _TRIPLES, _expected, _fill, _negated_at_each_verb, _scene

from policies.planner import Clarification, Plan, SceneState, make_planner

_PLANS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # the rest
    ("Pose le {x} sur le pad et tout le reste dans la poubelle.", ("x>pad", "rest>bin")),
    ("pose le {x} sur le pad et les cubes restants dans la poubelle stp", ("x>pad", "rest>bin")),
    ("Mets le cube {x} sur le pad, et tout ce qui reste à la poubelle.", ("x>pad", "rest>bin")),
    ("Leg den {X} aufs Pad und alles andere in den Eimer.", ("x>pad", "rest>bin")),
    ("Legen Sie den {X} Würfel auf das Pad und den Rest in den Mülleimer.", ("x>pad", "rest>bin")),
    ("Leg den {X} Würfel aufs Pad, der Rest kommt in den Eimer.", ("x>pad", "rest>bin")),
    ("leg den {X} aufs pad und alle anderen in den eimer", ("x>pad", "rest>bin")),
    # a push's direction said twice
    ("Pouvez-vous pousser le cube {x} vers l'avant, loin de vous ?", ("push:x:forward",)),
    ("pousse le {x} en avant, loin de toi", ("push:x:forward",)),
    ("Schieb den {X} Würfel nach vorne, weg von dir.", ("push:x:forward",)),
    ("Schieben Sie den {X} Würfel nach vorn, von Ihnen weg.", ("push:x:forward",)),
    ("Schieb den {X} nach hinten, zu dir her.", ("push:x:backward",)),
    # a sentence about the speaker before the request
    ("Hallo! Ich räum grad ein bisschen auf – kannst du mir den {X} Würfel auf die rechte Seite stellen? Danke dir!",
     ("x>right",)),
    ("Ich hab gleich Besuch, kannst du den {X} Würfel in den Eimer werfen?", ("x>bin",)),
    ("Wir machen heute eine Vorführung. Legen Sie bitte den {X} Würfel auf den {Y}.", ("x>y",)),
    ("Ich bereite eine Demo vor: leg bitte den {X} Würfel auf den {Y}.", ("x>y",)),
    ("Je fais un peu de rangement : mets le cube {x} à droite, s'il te plaît.", ("x>right",)),
    ("Bonjour ! Je prépare une démo pour des visiteurs. Pourriez-vous poser le cube {x} sur le {y} ?", ("x>y",)),
    ("je range un peu - tu peux mettre le {x} dans la poubelle ?", ("x>bin",)),
    # "avant ça", "vorher": the clause after it first
    ("Mets le {x} dans la poubelle, mais avant ça, pousse le {y} vers la droite.", ("push:y:right", "x>bin")),
    ("Jette le {x}, mais avant cela pose le {y} sur le pad.", ("y>pad", "x>bin")),
    ("Mets le {x} sur le pad, et après ça, jette le {y}.", ("x>pad", "y>bin")),
    ("Leg den {X} in den Eimer, aber vorher schieb den {Y} nach rechts.", ("push:y:right", "x>bin")),
    ("Leg den {X} in den Eimer, aber davor noch den {Y} aufs Pad.", ("y>pad", "x>bin")),
    # a left dislocation after a clause join, its comma left out
    ("Mets le {x} sur le {y}, puis celui que tu viens de déplacer, tu le mets dans la poubelle.", ("x>y", "x>bin")),
    ("Mets le {x} à gauche, et le {y} tu le fous dans la poubelle.", ("x>left", "y>bin")),
    ("Pose le {x} sur le pad, puis le {y}, tu le jettes.", ("x>pad", "y>bin")),
    # the spoken "l'" before a consonant
    ("Le {x}, tu me l'poses sur le {y}, ok ?", ("x>y",)),
    # closings with a time
    ("Retourne en position initiale, c'est tout pour aujourd'hui.", ("home",)),
    ("Mets le {x} dans la poubelle, ce sera tout pour le moment.", ("x>bin",)),
    ("Fahr in die Ausgangsposition, das war's für heute.", ("home",)),
    # "hau ... drauf", "nen Turm", "drüber"
    ("hau den {X} klotz auf den {Y} drauf", ("x>y",)),
    ("Hau den {X} aufs Pad.", ("x>pad",)),
    ("Bau mal nen Turm: unten {ZB}, drüber {YB}, ganz oben {XB}.", ("y>z", "x>y")),
    # greetings to "du", "nicht X, sondern Y"
    ("Hallo du! Sei so lieb und pack den {X} Würfel auf den {Y}, ja? Danke dir!", ("x>y",)),
    ("Nicht den {Z}, sondern den {X} Würfel auf den {Y} legen.", ("x>y",)),
    ("Leg nicht den {Z}, sondern den {X} in den Eimer.", ("x>bin",)),
    # the request before said again for another cube
    ("Mets le {x} dans la poubelle, et le {y} aussi.", ("x>bin", "y>bin")),
    ("Pose le {x} sur le pad, puis le {y} aussi.", ("x>pad", "y>pad")),
    ("Leg den {X} in den Eimer und den {Y} auch.", ("x>bin", "y>bin")),
    ("Leg den {X} in den Eimer. Der {Y} soll auch rein.", ("x>bin", "y>bin")),
    ("Leg den {X} aufs Pad. Der {Y} soll auch drauf.", ("x>pad", "y>pad")),
    # a politeness question as a sentence of its own; a first-person sentence before a comma and the request's verb
    ("Salut ! Tu pourrais me rendre un petit service ? Pose le cube {x} sur le {y}. Merci !", ("x>y",)),
    ("On a fini, retourne à ta place.", ("home",)),
    ("Coucou ! Ça te dirait de poser le {x} sur le {y} ? Merci !", ("x>y",)),
    ("Moin! Hast du Lust, den {X} auf den {Y} zu stellen? Danke!", ("x>y",)),
    ("Pose donc le {x} par-dessus le {y}.", ("x>y",)),
    # "une fois X jeté", "pas avant d'avoir", "nicht bevor", "als letztes": the order said otherwise
    ("Une fois le {x} jeté, pose le {y} sur le {z}.", ("x>bin", "y>z")),
    ("Pose le {y} sur le {z}, mais pas avant d'avoir jeté le {x}.", ("x>bin", "y>z")),
    ("Leg den {Y} auf den {Z}, aber nicht bevor du den {X} weggeworfen hast.", ("x>bin", "y>z")),
    ("Leg den {X} als letztes in den Eimer, zuerst aber den {Y} aufs Pad.", ("y>pad", "x>bin")),
    # ordinals, "seulement ensuite", "erst danach"
    ("En premier le {x} à droite, en second le {y} à gauche.", ("x>right", "y>left")),
    ("Premièrement, pose le {x} sur le {y}. Deuxièmement, retourne à ta position initiale.", ("x>y", "home")),
    ("Pose le {y} sur le pad, et seulement ensuite jette le {x}.", ("y>pad", "x>bin")),
    ("Als Erstes den {X} nach rechts, als Zweites den {Y} nach links.", ("x>right", "y>left")),
    ("Erstens: leg den {X} auf den {Y}. Zweitens: fahr in die Ausgangsposition.", ("x>y", "home")),
    ("Leg den {Y} aufs Pad und erst danach wirf den {X} weg.", ("y>pad", "x>bin")),
    # keeping one cube where it is, the others binned; the table cleared as the heading of its request
    ("Garde le {x} où il est et jette les autres.", ("rest>bin",)),
    ("Lass den {X}, wo er ist, und wirf die anderen weg.", ("rest>bin",)),
    ("Vide la table : tous les cubes dans la poubelle.", ("all>bin",)),
    ("Räum den Tisch ab: alle Würfel in den Eimer.", ("all>bin",)),
    ("Na gut, alle Würfel in den Müll.", ("all>bin",)),
    # a dislocation with "y" after a sentence; exclusions listed before a separable verb's particle; a tower's order
    ("Le {y}, tu n'y touches pas. Le {x}, tu le mets dans la poubelle.", ("x>bin",)),
    ("Wirf alles außer dem {Y} und dem {Z} weg.", ("x>bin",)),
    ("Wirf alles weg außer dem {Y} und dem {Z}.", ("x>bin",)),
    ("Empile les cubes dans cet ordre : le {z}, puis le {y}, puis le {x} au-dessus.", ("y>z", "x>y")),
    ("Stapel die Würfel in dieser Reihenfolge: unten {ZB}, dann {YB}, oben {XB}.", ("y>z", "x>y")),
    # typos in the words of the phrase rules
    ("leg den {X} wuerfel auf das pad und dann fahr nach hasue", ("x>pad", "home")),
    ("Retourne en positon initiale.", ("home",)),
    # the robot's own side said otherwise; all the way to a side
    ("Mets le {x} de ton côté gauche.", ("x>left",)),
    ("Leg den {X} links von dir hin.", ("x>left",)),
    ("Stell den {X} nach ganz rechts.", ("x>right",)),
    ("Schieb den {X} Würfel zur Seite nach links.", ("push:x:left",)),
    ("Déplace le {x} complètement à droite.", ("x>right",)),
    # a list of objects whose place is said once, after the last
    ("Mets le {x}, le {y} et le {z} dans la poubelle.", ("x>bin", "y>bin", "z>bin")),
    ("Leg den {X}, den {Y} und den {Z} in den Eimer.", ("x>bin", "y>bin", "z>bin")),
    # a preposition or article typed one letter off
    ("mets le {x} dnas la poubelle stp", ("x>bin",)),
    ("pose le {x} srur le {y}", ("x>y",)),
    ("leg den {X} in deen eimer", ("x>bin",)),
)


@pytest.mark.parametrize("triple", _TRIPLES, ids="-".join)
@pytest.mark.parametrize(("template", "spec"), _PLANS, ids=[t for t, _ in _PLANS])
def test_an_eighth_pass_construction_plans_exactly(template: str, spec: tuple[str, ...],
                                                   triple: tuple[str, str, str]) -> None:
    spoken.test_spoken_french_and_german_plans_exactly(template, spec, triple)


# Requests with no verb of the lexicon: their negations are written out in _NEVER_PLANNED.
_NO_LEXICON_VERB = frozenset({"Retourne en positon initiale.", "Fahr in die Ausgangsposition, das war's für heute.",
                              "Hau den {X} aufs Pad.", "Vide la table : tous les cubes dans la poubelle.",
                              "Na gut, alle Würfel in den Müll.",
                              "En premier le {x} à droite, en second le {y} à gauche.",
                              "Als Erstes den {X} nach rechts, als Zweites den {Y} nach links."})


@pytest.mark.parametrize(("template", "spec"), _PLANS, ids=[t for t, _ in _PLANS])
def test_each_verb_of_an_eighth_pass_construction_negated_never_runs(template: str, spec: tuple[str, ...]) -> None:
    x, y, z = _TRIPLES[0]
    text = _fill(template, x, y, z)
    negated = _negated_at_each_verb(text.lower())
    assert negated or template in _NO_LEXICON_VERB, template
    for variant in negated:
        result = _PLANNER.plan(variant, _scene(x, y, z))
        # a negated verb may leave the other clauses to run, never its own: nothing planned, or a plan that is not
        # the request's
        assert not isinstance(result, Plan) or [str(s) for s in result.steps] != _expected(spec, x, y, z), (
            variant, result)


def _is_part_of(steps: list[str], expected: list[str]) -> bool:
    """Whether ``steps`` are some of ``expected``'s pick-and-place pairs or pushes, in order, and fewer of them."""
    pairs = [tuple(expected[i:i + 2]) if expected[i].startswith("pick") else (expected[i],)
             for i in range(len(expected)) if not (i and expected[i - 1].startswith("pick"))]
    done = [tuple(steps[i:i + 2]) if steps[i].startswith("pick") else (steps[i],)
            for i in range(len(steps)) if not (i and steps[i - 1].startswith("pick"))]
    it = iter(pairs)
    return len(done) < len(pairs) and all(any(d == p for p in it) for d in done)


@pytest.mark.parametrize(("template", "spec"), _PLANS, ids=[t for t, _ in _PLANS])
def test_a_negation_said_after_any_word_of_an_eighth_pass_construction_never_runs(template: str,
                                                                                  spec: tuple[str, ...]) -> None:
    """"pas" or "nicht" after each word in turn (A1's check): wherever it lands it negates something, so nothing is
    planned, or (a sentence of two requests, one negated: "... et le bleu tu le fous pas dans la poubelle") only the
    other request runs, never the negated one nor anything not asked."""
    x, y, z = "red", "blue", "green"
    words = _fill(template, x, y, z).split()
    negation = "pas" if spoken.language_of(" ".join(words)) == "fr" else "nicht"
    expected = _expected(spec, x, y, z)
    for i in range(len(words)):
        text = " ".join([*words[:i + 1], negation, *words[i + 1:]])
        result = _PLANNER.plan(text, _scene(x, y, z))
        assert not isinstance(result, Plan) or _is_part_of([str(s) for s in result.steps], expected), (text, result)


_NEVER_PLANNED = (
    # the rest, negated
    "Pose le {x} sur le pad et tout le reste pas dans la poubelle.",
    "Leg den {X} aufs Pad und alles andere nicht in den Eimer.",
    "Hau den {X} nicht aufs Pad.",
    # a direction said twice that contradicts itself, or the speaker's place
    "Schieb den {X} nach hinten, von dir weg.",
    "Pousse le {x} vers l'arrière, loin de toi.",
    "Pousse le {x} vers l'avant, vers moi.",
    # a sentence before the request that names a cube, negates, or speaks to the robot
    "Ich brauche den {X} noch – kannst du alle Würfel in den Eimer werfen?",
    "Ich mag den {X} nicht. Wirf ihn weg.",
    "Ich räum nicht auf – kannst du den {X} in den Eimer legen?",
    "Ich glaube, du solltest warten. Leg den {X} in den Eimer.",
    "J'ai besoin du {x} : jette tous les cubes.",
    "Je ne sais pas trop : mets le {x} dans la poubelle.",
    "Je crois que tu devrais attendre. Mets le {x} dans la poubelle.",
    # "the same" after a negation, or where the place said does not fit the request's
    "Ne mets pas le {x} dans la poubelle, le {y} aussi.",
    "Leg den {X} nicht in den Eimer, den {Y} auch.",
    "Leg den {X} aufs Pad. Der {Y} soll auch rein.",
    "Leg den {X} in den Eimer, den {Y} auch nicht.",
    # "nicht X, sondern Y" with a second negation
    "Nicht den {Z}, sondern den {X} Würfel nicht auf den {Y} legen.",
    # a hedge before the request (the English reader refuses it too); an order word's negation kept with its verb
    "Je crois, mets le {x} dans la poubelle.",
    "Je ne suis pas sûr : mets le {x} dans la poubelle.",
    "Ich glaube, leg den {X} in den Eimer.",
    "Ne le jette pas avant d'avoir posé le {y} sur le {z}.",
    "Une fois le {y} posé, ne jette pas le {x}.",
    "Nicht den {X}, sondern den {X} auf den {Y} legen.",  # the same cube refused and asked for
    "En premier le {x} pas à droite, en second le {y} à gauche.",  # a verbless clause after a negation
    "Als Erstes den {X} nicht nach rechts, als Zweites den {Y} nach links.",
    "Wirf alles außer dem {Y} und dem {Z} nicht weg.",
    "Mets le cube {x} juste à côté dans la poubelle.",  # beside what: "juste" is dropped, never the place
    "Le {y}, tu y touches. Le {x}, tu le mets dans la poubelle.",
    "Hast du Lust, den {X} nicht auf den {Y} zu stellen?",
    # a typo one letter from two verbs ("pose", "pousse") is not guessed
    "pouse le {x} vers l'avant stp",
    # a conjunction one letter from an article is never read as one ("dès" as "des", "denn" as "den")
    "Dès que le {y} est posé, mets le {x} dans la poubelle.",
    "Leg den {X} in den Eimer, denn der {Y} ist kaputt.",
)


@pytest.mark.parametrize("triple", _TRIPLES[:2], ids="-".join)
@pytest.mark.parametrize("template", _NEVER_PLANNED)
def test_an_eighth_pass_construction_negated_or_contradicted_never_runs(template: str,
                                                                         triple: tuple[str, str, str]) -> None:
    spoken.test_a_negated_spoken_construction_never_runs(template, triple)


@pytest.mark.parametrize("triple", _TRIPLES[:2], ids="-".join)
@pytest.mark.parametrize("template", [
    "Mets le {y} dans la poubelle, mais avant ça, ne pousse pas le {x} vers la droite.",
    "Leg den {Y} in den Eimer, aber vorher schieb den {X} nicht nach rechts.",
    "Pose le {y} sur le pad et tout le reste dans la poubelle, sauf le {x}.",
])
def test_a_negated_clause_beside_an_eighth_pass_construction_keeps_its_cube_untouched(
        template: str, triple: tuple[str, str, str]) -> None:
    x, y, z = triple
    text = _fill(template, x, y, z)
    result = _PLANNER.plan(text, _scene(x, y, z))
    if isinstance(result, Plan):
        assert f"{x}_cube" not in {v for s in result.steps for v in s.args.values()}, (text, result)


def _stacked(top: str, below: str, other: str, *more: tuple[str, str]) -> SceneState:
    """``top`` standing on ``below``, ``other`` on the table; ``more``: further (top, below) stacks."""
    objects = [{"name": f"{below}_cube", "kind": "cube", "color": below, "position": [0.5, 0.05, 0.022]},
               {"name": f"{top}_cube", "kind": "cube", "color": top, "position": [0.5, 0.05, 0.066]},
               {"name": f"{other}_cube", "kind": "cube", "color": other, "position": [0.42, -0.15, 0.022]}]
    for i, (t, b) in enumerate(more):
        objects += [{"name": f"{b}_cube", "kind": "cube", "color": b, "position": [0.6, 0.2 - 0.1 * i, 0.022]},
                    {"name": f"{t}_cube", "kind": "cube", "color": t, "position": [0.6, 0.2 - 0.1 * i, 0.066]}]
    return SceneState.from_json({"objects": objects, "regions": ["left", "right", "bin", "pad"]})


_TAKEN_OFF = (
    ("Nimm den {X} Würfel vom {Y} runter und leg ihn aufs Pad.", "pad"),
    ("Nehmen Sie bitte den {X} Würfel vom {Y} herunter und stellen Sie ihn auf die linke Seite.", "left"),
    ("nimm den {X} vom {Y} und leg ihn in den eimer", "bin"),
    ("Heb den {X} vom {Y} runter und leg ihn auf die rechte Seite.", "right"),
    ("Leg den {X}, der auf dem {Y} liegt, in den Eimer.", "bin"),
    ("Enlève le {x} du {y} et mets-le sur le pad.", "pad"),
    ("Retirez le cube {x} du cube {y} et posez-le à gauche.", "left"),
    ("Prends le {x} qui est sur le {y} et jette-le.", "bin"),
    ("enleve le {x} de dessus le {y} et pose le a droite", "right"),
)


@pytest.mark.parametrize("triple", _TRIPLES, ids="-".join)
@pytest.mark.parametrize(("template", "where"), _TAKEN_OFF, ids=[t for t, _ in _TAKEN_OFF])
def test_a_cube_taken_off_another_plans_where_it_stands_there_and_never_elsewhere(
        template: str, where: str, triple: tuple[str, str, str]) -> None:
    """"nimm den gelben vom roten runter", "enlève le jaune du rouge": planned where the cube stands on the other one;
    where it does not (the words and the scene disagree), or the sentence is negated, nothing runs."""
    x, y, z = triple
    text = _fill(template, x, y, z)
    if "wurfel" in text or "enleve" in text:
        text = text.replace("ü", "u")
    result = _PLANNER.plan(text, _stacked(x, y, z))
    assert isinstance(result, Plan), (text, result)
    assert [str(s) for s in result.steps] == [f"pick(object={x}_cube)", f"place_in(region={where})"], text
    assert not isinstance(_PLANNER.plan(text, _stacked(x, z, y)), Plan), text  # x stands on the third cube
    assert not isinstance(_PLANNER.plan(text, _scene(x, y, z)), Plan), text  # x stands on the table
    for negated in _negated_at_each_verb(text.lower()):
        assert not isinstance(_PLANNER.plan(negated, _stacked(x, y, z)), Plan), negated


@pytest.mark.parametrize("text", ["Mets le cube du dessus dans la poubelle.", "Jette celui du dessus.",
                                  "mets le cube du haut dans la poubelle stp"])
def test_the_top_cube_is_the_one_on_the_only_stack_or_asked_between_two(text: str) -> None:
    one = _PLANNER.plan(text, _stacked("red", "blue", "green"))
    assert isinstance(one, Plan) and [str(s) for s in one.steps] == ["pick(object=red_cube)",
                                                                      "place_in(region=bin)"], (text, one)
    two = _PLANNER.plan(text, _stacked("red", "blue", "green", ("yellow", "purple")))
    assert isinstance(two, Clarification) and set(two.candidates) == {"red_cube", "yellow_cube"}, (text, two)
    negated = text.replace("Mets", "Ne mets pas").replace("mets", "mets pas").replace("Jette", "Ne jette pas")
    assert not isinstance(_PLANNER.plan(negated, _stacked("red", "blue", "green")), Plan), negated


# The yellow cube farthest from the robot's base, the red nearest; the green between them.
_ROW: dict[str, Any] = {
    "objects": [{"name": "red_cube", "kind": "cube", "color": "red", "position": [0.40, 0.05, 0.022]},
                {"name": "yellow_cube", "kind": "cube", "color": "yellow", "position": [0.64, -0.10, 0.022]},
                {"name": "green_cube", "kind": "cube", "color": "green", "position": [0.50, 0.20, 0.022]}],
    "regions": ["left", "right", "bin", "pad"]}


@pytest.mark.parametrize(("text", "cube"), [
    ("Der Würfel, der am weitesten von dir weg ist, kommt in den Müll.", "yellow"),
    ("Der Wurfel, der dem Roboter am nachsten ist, kommt in den Eimer.", "red"),
    ("Der Würfel, der am weitesten vom Roboter entfernt ist, soll in den Eimer.", "yellow"),
])
def test_a_cube_named_by_where_it_is_as_the_subject_of_kommen(text: str, cube: str) -> None:
    result = _PLANNER.plan(text, SceneState.from_json(_ROW))
    assert isinstance(result, Plan) and [str(s) for s in result.steps] == [f"pick(object={cube}_cube)",
                                                                           "place_in(region=bin)"], (text, result)
    negated = text.replace("kommt in", "kommt nicht in").replace("soll in", "soll nicht in")
    assert not isinstance(_PLANNER.plan(negated, SceneState.from_json(_ROW)), Plan), negated


# Red leftmost, blue right of it, green farthest right.
_ROW3: dict[str, Any] = {
    "objects": [{"name": "red_cube", "kind": "cube", "color": "red", "position": [0.40, 0.20, 0.022]},
                {"name": "blue_cube", "kind": "cube", "color": "blue", "position": [0.50, 0.05, 0.022]},
                {"name": "green_cube", "kind": "cube", "color": "green", "position": [0.55, -0.10, 0.022]}],
    "regions": ["left", "right", "bin", "pad"]}


@pytest.mark.parametrize(("text", "cube", "where"), [
    ("Nimm den Würfel rechts neben dem blauen und leg ihn in den Eimer.", "green", "bin"),
    ("Leg den Würfel links neben dem blauen aufs Pad.", "red", "pad"),
    ("Mets le cube voisin du rouge dans la poubelle.", "blue", "bin"),
])
def test_a_cube_named_as_the_neighbour_of_another(text: str, cube: str, where: str) -> None:
    result = _PLANNER.plan(text, SceneState.from_json(_ROW3))
    assert isinstance(result, Plan) and [str(s) for s in result.steps] == [f"pick(object={cube}_cube)",
                                                                           f"place_in(region={where})"], (text, result)
    for negated in _negated_at_each_verb(text.lower()):
        assert not isinstance(_PLANNER.plan(negated, SceneState.from_json(_ROW3)), Plan), negated


@pytest.mark.parametrize(("text", "expected"), [
    ("Jette le jaune puis l'autre.", ["yellow>bin", "red>bin"]),
    ("Mets le jaune dans la poubelle, et l'autre aussi.", ["yellow>bin", "red>bin"]),
    ("Pack den gelben in den Eimer. Und der andere soll auch rein.", ["yellow>bin", "red>bin"]),
    ("Jette le jaune. L'autre aussi.", ["yellow>bin", "red>bin"]),
    ("Le jaune à gauche, et l'autre tu le fous dans la poubelle.", ["yellow>left", "red>bin"]),
])
def test_the_other_cube_of_two_after_a_request(text: str, expected: list[str]) -> None:
    """"der andere", "l'autre": the one cube left of two; among three it is asked, never guessed."""
    two = SceneState.from_json({"objects": _ROW["objects"][:2], "regions": ["left", "right", "bin", "pad"]})
    result = _PLANNER.plan(text, two)
    steps = [s for e in expected for s in (f"pick(object={e.split('>')[0]}_cube)",
                                           f"place_in(region={e.split('>')[1]})")]
    assert isinstance(result, Plan) and [str(s) for s in result.steps] == steps, (text, result)
    assert not isinstance(_PLANNER.plan(text, SceneState.from_json(_ROW)), Plan), text


DATA = Path(__file__).resolve().parents[3] / "policies" / "planner" / "data"


def test_the_ninth_french_german_split_plans_every_record_and_never_wrongly() -> None:
    """fresh_fr_de_9 (final split of session 7, now seen): 0.90 exact before this pass; a floor, never lowered."""
    from bench.planner import run_backend

    recs = [json.loads(line) for line in (DATA / "fresh_fr_de_9.jsonl").read_text().splitlines() if line.strip()]
    assert len(recs) >= 40 and {r["split"] for r in recs} == {"fresh_fr_de_9"}
    scores = run_backend(make_planner("parser"), recs, "fresh_fr_de_9", max_failures=len(recs))["splits"][
        "fresh_fr_de_9"]
    assert scores["false_executions"] == 0 and scores["wrong_plans"] == 0, scores
    assert scores["exact_match"] >= 1.0, scores
