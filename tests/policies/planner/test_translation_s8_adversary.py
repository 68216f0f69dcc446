"""French and German readings the session-8 adversary (A1, notes8/A1_findings.md) showed to run a request the words
forbid or to plan it wrongly, each with several variants in both languages, with and without accents: a sentence
before the request dropped unless a word was on an open blocklist (F1), "nicht X, sondern Y ... X auch" (F4),
"hattest" corrected to "hättest" (F13), a push "nach vorne, zu dir hin" (F8), "de son côté gauche" (F20), "before
that" after a sequence of ranked steps (F21) and a cube discarded first then moved again (F6). Each is refused, and
the harmless sentences and plain requests beside them still plan.
"""

from __future__ import annotations

import pytest

from policies.planner import Plan, SceneState, make_planner

_PLANNER = make_planner("parser")
_SCENE = SceneState.from_json({"objects": [{"name": f"{c}_cube", "kind": "cube", "color": c}
                                           for c in ("red", "blue", "green")],
                               "regions": ["left", "right", "bin", "pad"]})


def _steps(text: str) -> list[str] | None:
    result = _PLANNER.plan(text, _SCENE)
    if not isinstance(result, Plan):
        return None
    return [f"{s.skill}:{','.join(str(v) for v in s.args.values())}" for s in result.steps]


_RED_TO_BIN = ["pick:red_cube", "place_in:bin"]

# F1: a sentence that forbids, cancels, reports, quotes, jokes, speaks to someone else, says a person is by the arm or
# that the speaker waits or does it is not dropped; only the closed list of harmless preambles is
_LEADING = (
    "C'est interdit", "C'est interdit ici", "C'est dangereux", "C'est annulé", "C'est annule", "C'est déjà fait",
    "C'est deja fait", "C'est faux", "C'est une blague", "C'est un exemple", "C'est une citation", "C'est une question",
    "On a déjà fini", "On a deja fini", "Je plaisante", "On fait semblant", "Nous rigolons", "Je cite",
    "Je lis un exemple", "Je traduis", "J'ai dit", "Je disais", "J'ai écrit", "J'ai ecrit", "Je parle à Paul",
    "Je parle a Paul", "Je m'adresse à mon collègue", "Je suis blessé", "Je suis blesse", "Je vais le faire",
    "Je suis contre", "J'attends", "On attend le chef", "Nous sommes en pause", "Je prépare une fausse démo",
)
_LEADING_DE = (
    "Das ist verboten", "Das ist gefährlich", "Das ist gefaehrlich", "Das ist abgesagt", "Das ist schon erledigt",
    "Das ist falsch", "Das ist ein Fehler", "Das ist ein Witz", "Das ist ein Beispiel", "Das ist ein Zitat",
    "Das ist eine Frage", "Es ist verboten", "Wir haben das schon gemacht", "Ich zitiere", "Ich schreibe ein Beispiel",
    "Ich lese vor", "Ich übersetze gerade", "Ich uebersetze gerade", "Wir üben Sätze", "Ich habe gesagt", "Ich sagte",
    "Ich schrieb", "Ich rede mit Paul", "Ich spreche mit meinem Kollegen", "Ich meine Paul",
    "Ich stehe direkt neben dem Arm", "Ich steh direkt daneben", "Ich bin noch im Arbeitsbereich", "Ich bin verletzt",
    "Ich blute", "Ich mach das gleich selbst", "Ich bin dagegen", "Ich würde warten", "Ich wuerde warten",
    "Ich warte noch", "Wir warten auf den Chef", "Ich bin unsicher", "Wir machen Pause",
)


@pytest.mark.parametrize("sentence", _LEADING)
@pytest.mark.parametrize("sep", [" : ", ". "])
def test_a_french_sentence_outside_the_harmless_list_before_a_request_is_refused(sentence: str, sep: str) -> None:
    assert _steps(f"{sentence}{sep}jette le rouge.") is None
    assert _steps(f"{sentence}{sep}tu peux mettre le cube rouge dans la poubelle ?") is None


@pytest.mark.parametrize("sentence", _LEADING_DE)
@pytest.mark.parametrize("sep", [": ", ". ", " – "])
def test_a_german_sentence_outside_the_harmless_list_before_a_request_is_refused(sentence: str, sep: str) -> None:
    assert _steps(f"{sentence}{sep}wirf den roten weg.") is None
    assert _steps(f"{sentence}{sep}kannst du den roten Würfel in den Eimer legen?") is None


@pytest.mark.parametrize("text", [
    "Je fais un peu de rangement : jette le rouge.",
    "Je range un peu - jette le rouge.",
    "Je prépare une démo pour des visiteurs. Jette le rouge.",
    "Je prepare une demo pour des visiteurs. Jette le rouge.",
    "Ich räum grad auf – kannst du den roten in den Eimer werfen?",
    "Ich raeum grad ein bisschen auf – wirf den roten weg.",
    "Ich hab gleich Besuch, kannst du den roten in den Eimer werfen?",
    "Ich bereite eine Demo vor: wirf den roten weg.",
    "Wir machen heute eine Vorführung. Wirf den roten weg.",
])
def test_a_harmless_preamble_is_still_dropped(text: str) -> None:
    assert _steps(text) == _RED_TO_BIN


# F4: the cube "nicht X, sondern Y" excludes is named again after it: a contradiction, never binned
@pytest.mark.parametrize("text", [
    "Leg nicht den grünen, sondern den roten in den Eimer, und den grünen auch.",
    "Leg nicht den gruenen, sondern den roten in den Eimer, und den gruenen auch.",
    "Wirf nicht den grünen, sondern den roten weg. Den grünen auch.",
    "Wirf nicht den grunen, sondern den roten weg. Den grunen auch.",
    "Wirf nicht den grünen Würfel, sondern den roten weg, der grüne soll auch rein.",
    "Legen Sie nicht den grünen, sondern den roten in den Eimer, und den grünen auch.",
])
def test_a_cube_excluded_by_nicht_sondern_and_named_again_is_refused(text: str) -> None:
    assert _steps(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("Leg nicht den grünen, sondern den roten in den Eimer.", _RED_TO_BIN),
    ("Leg nicht den grünen, sondern den roten in den Eimer, und den blauen auch.",
     [*_RED_TO_BIN, "pick:blue_cube", "place_in:bin"]),
])
def test_nicht_sondern_without_the_excluded_cube_again_still_plans(text: str, expected: list[str]) -> None:
    assert _steps(text) == expected


# F13: a past form is never corrected into its polite subjunctive
@pytest.mark.parametrize("text", [
    "Hattest du Lust, den roten in den Eimer zu werfen?",
    "hattest du lust, den roten in den eimer zu werfen",
    "Hattest du Zeit, den roten in den Eimer zu werfen?",
    "Hatten Sie Lust, den roten Würfel in den Eimer zu werfen?",
])
def test_a_question_about_the_past_is_not_corrected_into_a_request(text: str) -> None:
    assert _steps(text) is None


@pytest.mark.parametrize("text", ["Hättest du Lust, den roten in den Eimer zu werfen?",
                                  "Haettest du Lust, den roten in den Eimer zu werfen?"])
def test_the_polite_subjunctive_still_asks(text: str) -> None:
    assert _steps(text) == _RED_TO_BIN


# F8: a second direction after a comma is read with the first, never dropped
@pytest.mark.parametrize("text", [
    "Schieb den roten nach vorne, zu dir hin.",
    "Schieb den roten nach vorne, zu dir.",
    "Schieb den roten nach vorn, zu dir her.",
    "Schieb den roten nach links, zu dir hin.",
    "Schieben Sie den roten Würfel nach rechts, zu Ihnen hin.",
    "Pousse le rouge vers l'avant, vers toi.",
])
def test_a_push_with_two_directions_after_a_comma_is_refused(text: str) -> None:
    assert _steps(text) is None


@pytest.mark.parametrize(("text", "direction"), [
    ("Schieb den roten nach hinten, zu dir hin.", "backward"),
    ("Schieb den roten zu dir.", "backward"),
    ("Schieb den roten nach vorne, von dir weg.", "forward"),
])
def test_a_push_direction_said_twice_the_same_way_still_plans(text: str, direction: str) -> None:
    assert _steps(text) == [f"push:red_cube,{direction}"]


# F20: "son côté" is someone's side, not the robot's
@pytest.mark.parametrize("text", ["Mets le rouge de son côté gauche.", "Mets le rouge de son cote gauche.",
                                  "Pose le rouge sur son côté droit.", "mets le cube rouge de son coté droit"])
def test_his_or_her_side_is_refused(text: str) -> None:
    assert _steps(text) is None


@pytest.mark.parametrize("text", ["Mets le rouge de ton côté gauche.", "Mettez le rouge de votre cote gauche."])
def test_the_robots_own_side_still_plans(text: str) -> None:
    assert _steps(text) == ["pick:red_cube", "place_in:left"]


# F21: "before that" after ranked steps does not say which step it precedes
@pytest.mark.parametrize("text", [
    "Premièrement, jette le rouge. Deuxièmement, "
    "pose le bleu sur le pad, mais avant ça, pousse le vert vers la gauche.",
    "Premierement, jette le rouge. Deuxiemement, "
    "pose le bleu sur le pad, mais avant ca, pousse le vert vers la gauche.",
    "En premier, jette le rouge, en second, pose le bleu sur le pad, mais avant ça, pousse le vert vers la gauche.",
    "D'abord jette le rouge, ensuite pose le bleu sur le pad, mais avant ça, pousse le vert vers la gauche.",
    "Als Erstes wirf den roten weg, als Zweites leg den blauen aufs Pad, aber vorher schieb den grünen nach links.",
    "Als Erstes wirf den roten weg, als Zweites leg den blauen aufs Pad, und vorher schieb den gruenen nach links.",
    "Erstens: wirf den roten weg. Zweitens: leg den blauen aufs Pad, aber vorher schieb den grünen nach links.",
    "Zuerst wirf den roten weg, dann leg den blauen aufs Pad, aber vorher schieb den grünen nach links.",
])
def test_before_that_after_a_ranked_sequence_is_refused(text: str) -> None:
    assert _steps(text) is None


@pytest.mark.parametrize("text", ["Wirf den roten weg, aber vorher schieb den grünen nach links.",
                                  "Jette le rouge, mais avant ça, pousse le vert vers la gauche."])
def test_before_that_after_a_single_request_still_plans(text: str) -> None:
    assert _steps(text) == ["push:green_cube,left", *_RED_TO_BIN]


# F6 (French/German part): the cube discarded first is not moved again after it
@pytest.mark.parametrize("text", ["Une fois le rouge jeté, pose le rouge sur le pad.",
                                  "Une fois le rouge jete, pose-le sur le pad.",
                                  "Une fois le cube rouge jeté, mets le cube rouge à droite."])
def test_a_cube_moved_again_after_being_discarded_is_refused(text: str) -> None:
    assert _steps(text) is None


def test_another_cube_after_the_discarded_one_still_plans() -> None:
    assert _steps("Une fois le rouge jeté, pose le bleu sur le pad.") == [*_RED_TO_BIN, "pick:blue_cube",
                                                                          "place_in:pad"]


# the twelfth French/German dev split (round 2): regional words read as the request they frame
@pytest.mark.parametrize(("text", "expected"), [
    ("Servus! Gib bitte den roten Würfel in den Mistkübel.", _RED_TO_BIN),
    ("gib den roten wurfel in den mistkubel", _RED_TO_BIN),
    ("Geben Sie den roten Würfel aufs Pad.", ["pick:red_cube", "place_in:pad"]),
    ("Grüezi, würden Sie bitte den roten Würfel aufs Pad stellen? Merci vielmal.", ["pick:red_cube", "place_in:pad"]),
    ("Grüß Gott, leg den roten in den Eimer, danke vielmal.", _RED_TO_BIN),
    ("Dis, mets une fois le cube rouge à la poubelle, hein.", _RED_TO_BIN),
    ("pose une fois le rouge sur le pad, merci vielmal", ["pick:red_cube", "place_in:pad"]),
])
def test_a_regional_word_around_a_request_plans(text: str, expected: list[str]) -> None:
    assert _steps(text) == expected


@pytest.mark.parametrize("text", [
    "Gib den roten nicht in den Mistkübel.", "Gib mir den roten.", "Ne mets pas une fois le rouge à la poubelle.",
    "Ne jette pas le rouge, hein.", "Gib nie den roten in den Eimer.",
])
def test_a_regional_word_around_a_negated_or_unread_request_never_runs(text: str) -> None:
    assert _steps(text) is None


_TOWER = SceneState.from_json({"objects": [{"name": f"{c}_cube", "kind": "cube", "color": c}
                                           for c in ("green", "orange", "purple")],
                               "regions": ["left", "right", "bin", "pad"]})


@pytest.mark.parametrize(("text", "expected"), [
    ("fais une tour du haut vers le bas: vert, orange, violet", ["orange_cube:purple_cube", "green_cube:orange_cube"]),
    ("Fais une tour du bas vers le haut : vert, orange, violet", ["orange_cube:green_cube", "purple_cube:orange_cube"]),
])
def test_a_french_tower_direction_said_with_vers_reads_as_de_haut_en_bas(text: str, expected: list[str]) -> None:
    result = _PLANNER.plan(text, _TOWER)
    assert isinstance(result, Plan)
    picks = [s.args["object"] for s in result.steps if s.skill == "pick"]
    places = [s.args["object"] for s in result.steps if s.skill == "place_on"]
    assert [f"{a}:{b}" for a, b in zip(picks, places, strict=True)] == expected


@pytest.mark.parametrize("text", [
    "ne fais pas de tour du haut vers le bas: vert, orange, violet",
    "fais une tour du haut vers le bas: vert, orange, violet, du bas vers le haut: violet, orange, vert",
])
def test_a_french_tower_direction_negated_or_said_twice_is_refused(text: str) -> None:
    assert not isinstance(_PLANNER.plan(text, _TOWER), Plan)
