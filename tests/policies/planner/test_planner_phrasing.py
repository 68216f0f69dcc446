"""The language people use (issue #17 items 2 and 5): idioms, towers, quantifiers, relative references,
wrappers, typos, French and German; each read behind the whole-request check, or refused.

The held-out phrasing split is only measured (bench/planner.py); here its file is pinned, so an edit after
the parser was read shows up, and the development split is the regression floor.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policies.planner import Plan, Refusal, SceneState, make_planner, result_from_json
from policies.planner.phrasing import correct_typo, language_of, rewrite
from policies.planner.plan import Clarification, Step
from policies.planner.planner import words_error
from policies.planner.safety import unsafe_reason
from policies.planner.skills import check_plan, final_state

DATA = Path(__file__).resolve().parents[3] / "policies" / "planner" / "data"
HELDOUT_SHA256 = "d5f32379abcb01a716a193a38e7b8bd7214ce4f781ca2d7dc4a97a50e3d5a0a0"
COLOURS = ("red", "green", "blue", "yellow", "orange", "purple")


def scene(colours: tuple[str, ...] = ("red", "green", "blue"), *, positions: bool = True) -> SceneState:
    ys = (0.24, 0.08, -0.08, -0.24, 0.16, -0.16)
    return SceneState.from_json({"objects": [
        {"name": f"{c}_cube", "kind": "cube", "color": c, **({"position": [0.5, ys[i], 0.022]} if positions else {})}
        for i, c in enumerate(colours)], "regions": ["left", "right", "bin", "pad"]})


def plan_of(text: str, state: SceneState) -> list[str]:
    result = make_planner("parser").plan(text, state)
    assert isinstance(result, Plan), (text, result)
    return [str(s) for s in result.steps]


def moves(*pairs: tuple[str, str]) -> list[str]:
    out = []
    for obj, dest in pairs:
        out.append(f"pick(object={obj}_cube)")
        out.append(f"place_in(region={dest})" if dest in ("bin", "pad") else f"place_on(object={dest}_cube)")
    return out


def test_the_heldout_split_is_the_file_written_before_the_parser_was_read() -> None:
    assert hashlib.sha256((DATA / "heldout_phrasing.jsonl").read_bytes()).hexdigest() == HELDOUT_SHA256


def test_the_development_split_plans_exactly_and_never_runs_a_refused_record() -> None:
    recs = [json.loads(line) for line in (DATA / "dev_phrasing.jsonl").read_text().splitlines()]
    planner = make_planner("parser")
    exact = 0
    for rec in recs:
        state, gold = SceneState.from_json(rec["scene"]), result_from_json(rec["gold"])
        result = planner.plan(rec["instruction"], state)
        if not isinstance(gold, Plan):
            assert not isinstance(result, Plan), rec["instruction"]
        exact += result == gold if isinstance(gold, Plan) else (
            not isinstance(gold, Clarification) or isinstance(result, Clarification))
    assert exact / len(recs) >= 0.9


# ------------------------------------------------------------------------------------------- idioms
@pytest.mark.parametrize(("text", "expected"), [
    ("get rid of the red cube", moves(("red", "bin"))),
    ("throw away the blue cube", moves(("blue", "bin"))),
    ("throw the green cube out", moves(("green", "bin"))),
    ("toss the red cube into the trash", moves(("red", "bin"))),
    ("park the blue cube on the landing pad", moves(("blue", "pad"))),
    ("put the red cube atop the green cube", moves(("red", "green"))),
    ("put the red cube underneath the blue cube", moves(("blue", "red"))),
])
def test_idioms_for_the_bin_the_pad_and_stacking(text: str, expected: list[str]) -> None:
    assert plan_of(text, scene()) == expected


@pytest.mark.parametrize("text", ["throw the red cube at the window", "throw the red cube out of the window",
                                  "throw away the red cube as fast as you can", "toss the red cube to me"])
def test_a_throw_that_is_not_the_bin_idiom_stays_unsafe(text: str) -> None:
    assert unsafe_reason(text) is not None
    assert isinstance(make_planner("parser").plan(text, scene()), Refusal)


# ------------------------------------------------------------------------------------------- towers
@given(st.permutations(COLOURS[:4]).map(lambda p: tuple(p[:3])))
@settings(max_examples=30, deadline=None)
def test_a_tower_described_either_way_is_the_same_plan_and_builds_that_tower(order: tuple[str, ...]) -> None:
    bottom, middle, top = order
    state = scene(tuple(sorted(COLOURS[:4])))
    up = plan_of(f"build a tower: {bottom} at the bottom, then {middle}, then {top}", state)
    down = plan_of(f"from top to bottom: {top}, {middle}, {bottom}", state)
    roles = plan_of(f"{top} on top, {middle} in the middle and {bottom} at the bottom", state)
    assert up == down == roles == moves((middle, bottom), (top, middle))
    steps = tuple(Step(skill=s.split("(")[0], args=dict([s[s.index("(") + 1:-1].split("=")])) for s in up)
    end = final_state(state, Plan(steps=steps))
    assert end.on[f"{top}_cube"] == f"{middle}_cube" and end.on[f"{middle}_cube"] == f"{bottom}_cube"


@pytest.mark.parametrize("text", ["build a tower with red on top and blue on top",
                                  "a tower: red at the bottom, then red",
                                  "a tower with the pink cube at the bottom, then the red cube"])
def test_a_tower_whose_order_is_unclear_is_refused(text: str) -> None:
    assert isinstance(make_planner("parser").plan(text, scene()), Refusal)


# -------------------------------------------------------------------------------------- quantifiers
@given(st.integers(2, 5).flatmap(lambda n: st.tuples(st.just(n), st.sets(st.integers(0, n - 1), max_size=n - 1))),
       st.sampled_from(["bin", "pad"]))
@settings(max_examples=40, deadline=None)
def test_every_cube_except_moves_exactly_the_rest_in_scene_order(case: tuple[int, set[int]], dest: str) -> None:
    n, left_out = case
    colours = COLOURS[:n]
    state = scene(colours)
    excluded = " and ".join(f"the {colours[i]} one" for i in sorted(left_out))
    text = f"put every cube {'except ' + excluded + ' ' if left_out else ''}in the {dest}"
    expected = moves(*((c, dest) for i, c in enumerate(colours) if i not in left_out))
    assert plan_of(text, state) == expected


@pytest.mark.parametrize("text", [
    "put every cube except the pink one in the bin",  # the exclusion names nothing in the scene
    "put all four cubes in the bin",  # a count the scene (three cubes) does not match
    "pick up all the cubes",  # one gripper
    "put every cube in the bin except the red one and then go home and every cube on the pad",
])
def test_a_quantifier_not_read_completely_is_refused_for_every_backend(text: str) -> None:
    state = scene()
    assert isinstance(make_planner("parser").plan(text, state), Refusal)
    # and a model's plan that moves one cube is refused by the whole-request check
    one = Plan(steps=(Step(skill="pick", args={"object": "green_cube"}),
                      Step(skill="place_in", args={"region": "bin"})))
    assert words_error(text, state, one) is not None


def test_the_rest_names_the_objects_not_mentioned() -> None:
    assert plan_of("put the green cube on the pad and the rest in the bin", scene()) == \
        moves(("green", "pad"), ("red", "bin"), ("blue", "bin"))


def test_a_quantifier_over_more_objects_than_one_plan_may_move_is_refused() -> None:
    six = scene(COLOURS)
    result = make_planner("parser").plan("put all the cubes in the bin", six)  # 12 steps: the limit
    assert isinstance(result, Plan) and check_plan(six, result) is None
    seven = SceneState(objects=(*six.objects, *scene(("white",)).objects), regions=six.regions)
    assert isinstance(make_planner("parser").plan("put all the cubes in the bin", seven), Refusal)


def test_a_negated_object_is_left_out_of_the_quantifier() -> None:
    assert plan_of("put the cubes in the bin but leave the green one alone", scene()) == \
        moves(("red", "bin"), ("blue", "bin"))


# -------------------------------------------------------------------------------- relative references
def test_relative_references_where_the_scene_has_positions() -> None:
    state = scene()  # red y=0.24 (leftmost), green 0.08, blue -0.08 (rightmost)
    assert plan_of("put the leftmost cube in the bin", state) == moves(("red", "bin"))
    assert plan_of("put the cube on the far right on the pad", state) == moves(("blue", "pad"))
    assert plan_of("put the middle cube in the bin", state) == moves(("green", "bin"))
    assert plan_of("put the cube next to the red cube in the bin", state) == moves(("green", "bin"))
    assert plan_of("put the red cube on the pad, then put the one you just moved in the bin", state) == \
        moves(("red", "pad"), ("red", "bin"))


@pytest.mark.parametrize(("text", "positions"), [
    ("put the leftmost cube in the bin", False), ("put the cube next to the red cube in the bin", False),
    ("put the cube next to the bin on the pad", True), ("put the one you just moved in the bin", True),
])
def test_a_relative_reference_the_scene_cannot_ground_is_refused_or_asked(text: str, positions: bool) -> None:
    assert isinstance(make_planner("parser").plan(text, scene(positions=positions)), Refusal)


def test_an_exclusion_that_leaves_several_objects_asks_which() -> None:
    result = make_planner("parser").plan("put the cube that isn't red on the pad", scene())
    assert isinstance(result, Clarification) and set(result.candidates) == {"green_cube", "blue_cube"}


# --------------------------------------------------------------------------------- wrappers and typos
@pytest.mark.parametrize(("text", "expected"), [
    ("hey robot, could you be a dear and put the red cube in the bin? thanks!", moves(("red", "bin"))),
    ("I'd love for the blue cube to end up on the pad", moves(("blue", "pad"))),
    ("PUT THE GREEN CUBE IN THE BIN", moves(("green", "bin"))),
    ("pu the red cueb in teh bin", moves(("red", "bin"))),
    ("stak the bleu cube on the red cube", moves(("blue", "red"))),
])
def test_wrappers_casing_and_typos(text: str, expected: list[str]) -> None:
    assert plan_of(text, scene()) == expected


@pytest.mark.parametrize("word", ["pink", "sitting", "any", "hand", "ontop", "rests", "the", "bin"])
def test_a_word_that_is_english_is_not_corrected(word: str) -> None:
    assert correct_typo(word) == word


def test_a_misspelling_close_to_two_words_is_left_alone() -> None:
    assert correct_typo("plase") == "plase"  # place or please


# ---------------------------------------------------------------------------------------- languages
@pytest.mark.parametrize(("text", "english"), [
    ("mets le cube rouge dans le bac", "put the red cube in the bin"),
    ("prends le cube jaune", "pick up the yellow cube"),
    ("leg den roten Würfel in den Behälter", "put the red cube in the bin"),
    ("nimm den gelben Würfel", "pick up the yellow cube"),
    ("ne touche pas au cube jaune, mets le cube rouge sur la plateforme",
     "don't touch the yellow cube, put the red cube on the pad"),
    ("fass den gelben Würfel nicht an und leg den roten Würfel auf das Pad",
     "don't touch the yellow cube, put the red cube on the pad"),
    ("avant de mettre le cube rouge dans le bac, pose le cube jaune sur la plateforme",
     "before you put the red cube in the bin, put the yellow cube on the pad"),
    ("bevor du den roten Würfel in den Behälter legst, leg den gelben Würfel auf das Pad",
     "before you put the red cube in the bin, put the yellow cube on the pad"),
    ("mets le cube rouge dans le bac puis retourne à la position initiale", "put the red cube in the bin then go home"),
    ("prends le cube rouge et le mets sur le cube jaune", "pick up the red cube and put it on the yellow cube"),
    ("nimm den roten Würfel und leg ihn auf den gelben", "pick up the red cube and put it on the yellow cube"),
    ("mets le cube rouge dans le bac, pas le jaune", "put the red cube in the bin, not the yellow one"),
    ("leg den roten Würfel in den Behälter und dann fahr zurück in die Ausgangsposition",
     "put the red cube in the bin then go home"),
])
def test_french_and_german_plan_as_the_english_they_say(text: str, english: str) -> None:
    state = scene(("red", "yellow", "green"))
    expected = make_planner("parser").plan(english, state)
    assert isinstance(expected, Plan)
    assert make_planner("parser").plan(text, state) == expected
    assert isinstance(make_planner("rules").plan(text, state), Refusal)  # the closed-vocabulary baseline refuses


@pytest.mark.parametrize(("text", "language", "word"), [
    ("ne mets aucun cube dans le bac", "French", "ne"),
    ("mets le cube rouge dans le bac sauf si le bac est plein", "French", "si"),
    ("leg keinen Würfel in den Behälter", "German", "keinen"),
    ("leg den roten Würfel in den Behälter, falls er frei ist", "German", "falls"),
])
def test_a_french_or_german_word_outside_the_lexicon_refuses_the_whole_instruction(
        text: str, language: str, word: str) -> None:
    state = scene(("red", "yellow"))
    result = make_planner("parser").plan(text, state)
    assert isinstance(result, Refusal) and not isinstance(result, Plan)
    assert result.reason.startswith(f"{language} is not supported") and repr(word) in result.reason
    one = Plan(steps=(Step(skill="pick", args={"object": "red_cube"}), Step(skill="place_in", args={"region": "bin"})))
    assert words_error(text, state, one) is not None  # no backend's plan may run, the model's included


@pytest.mark.parametrize("text", ["ne mets pas le cube rouge dans le bac", "leg den roten Würfel nicht in den Behälter",
                                  "ne touche jamais au cube rouge"])
def test_a_french_or_german_negation_plans_nothing(text: str) -> None:
    state = scene(("red", "yellow"))
    assert isinstance(make_planner("parser").plan(text, state), Refusal)
    red_in_bin = Plan(steps=(Step(skill="pick", args={"object": "red_cube"}),
                             Step(skill="place_in", args={"region": "bin"})))
    assert words_error(text, state, red_in_bin) is not None


def test_no_english_devset_instruction_is_taken_for_another_language() -> None:
    for path in ("devset.jsonl", "examples.jsonl", "dev_phrasing.jsonl"):
        for line in (DATA / path).read_text().splitlines():
            rec = json.loads(line)
            if rec.get("kind") not in ("fr", "de"):
                assert language_of(rec["instruction"]) == "en", rec["instruction"]


@pytest.mark.parametrize(("text", "lang"), [("Tu pourrais jeter le cube orange ?", "fr"),
                                            ("Va en position de repos.", "fr"),
                                            ("leg den rechten Block aufs Pad", "de"),
                                            ("Kannst du den Klotz in die Kiste legen?", "de")])
def test_a_short_french_or_german_request_is_not_taken_for_english(text: str, lang: str) -> None:
    # Taken for English, these were refused as unreadable instead of going through the lexicon.
    assert language_of(text) == lang


def test_rewrite_leaves_plain_english_as_it_is() -> None:
    text = "put the red cube on the blue cube, then go home"
    assert rewrite(text, scene()).text == text


# ------------------------------------------------------------------------------ "don't move" vs "don't touch"
def test_dont_move_forbids_moving_the_object_but_not_stacking_on_it() -> None:
    state = scene()
    assert plan_of("put the red cube on the green cube and do not move the green cube", state) == \
        moves(("red", "green"))
    for text in ("put the red cube on the green cube and don't touch the green cube",
                 "don't move the green cube, put the green cube in the bin"):
        assert isinstance(make_planner("parser").plan(text, state), Refusal), text
    moving_it = Plan(steps=(Step(skill="pick", args={"object": "green_cube"}),
                            Step(skill="place_on", args={"object": "red_cube"})))
    assert words_error("put the blue cube in the bin and do not move the green cube", state, moving_it) is not None


@pytest.mark.parametrize("text", ["please, put the red cube in the bin",
                                  "ok, now, put the red cube in the bin, please."])
def test_a_clause_of_politeness_alone_is_dropped(text: str) -> None:
    assert plan_of(text, scene()) == moves(("red", "bin"))


# ------------------------------------------------------------------- random scenes, whole-request checks
@st.composite
def stacked_scene(draw: st.DrawFn) -> SceneState:
    """3 to 5 cubes, some stacked, some in the bin or on the pad, perhaps one held."""
    colours = draw(st.lists(st.sampled_from(COLOURS), min_size=3, max_size=5, unique=True))
    names = [f"{c}_cube" for c in colours]
    on: dict[str, str] = {}
    clear = list(names)
    for name in names:
        where = draw(st.sampled_from(["table", "table", "bin", "pad", "cube"]))
        if where == "cube":
            below = [n for n in clear if n != name and on.get(n) != "bin" and not _above(on, n, name)]
            if below:
                support = draw(st.sampled_from(below))
                on[name] = support
                clear.remove(support)
        elif where != "table":
            on[name] = where
    tops = [n for n in names if n in clear and n in on] or [n for n in names if n in clear and n not in on]
    holding = draw(st.sampled_from([None, *tops])) if tops else None
    if holding is not None:
        on.pop(holding, None)
    return SceneState.from_json({"objects": [{"name": f"{c}_cube", "kind": "cube", "color": c} for c in colours],
                                 "regions": ["left", "right", "bin", "pad"], "on": on,
                                 **({"holding": holding} if holding else {})})


def _above(on: dict[str, str], start: str, target: str) -> bool:
    cur: str | None = start
    while cur is not None:
        if cur == target:
            return True
        cur = on.get(cur)
    return False


@settings(max_examples=60, deadline=None)
@given(state=stacked_scene(), data=st.data())
def test_quantifiers_and_towers_in_random_scenes_run_step_by_step_and_do_what_they_say(
        state: SceneState, data: st.DataObject) -> None:
    """Issue #17 item 1 over the new constructions: whatever the scene (stacks, a held cube), an accepted plan is
    executable step by step and its final state is what the words say; otherwise nothing runs."""
    names = list(state.names)
    excluded = data.draw(st.sampled_from(names))
    region = data.draw(st.sampled_from(["bin", "pad", "left"]))
    tower = data.draw(st.permutations(names))[:3]
    noun = {n: n.replace("_", " ") for n in names}
    form = data.draw(st.integers(min_value=0, max_value=2))
    text = (f"put every cube except the {noun[excluded]} in the {region}" if region != "left" else
            f"put every cube except the {noun[excluded]} on the left side",
            f"build a tower with the {noun[tower[0]]} at the bottom, then the {noun[tower[1]]}, then the "
            f"{noun[tower[2]]}",
            f"mets tous les cubes sauf le {excluded.split('_')[0]} dans le bac")[form]
    if form == 2:
        text = text.replace(excluded.split("_")[0], {"red": "rouge", "green": "vert", "blue": "bleu",
                                                     "yellow": "jaune", "orange": "orange",
                                                     "purple": "violet"}[excluded.split("_")[0]])
        region = "bin"
    result = make_planner("parser").plan(text, state)
    if not isinstance(result, Plan):
        return
    assert check_plan(state, result) is None, (text, result)
    end = final_state(state, result)
    if form == 1:
        assert end.on.get(tower[1]) == tower[0] and end.on.get(tower[2]) == tower[1], (text, result)
        # A tower that already stands needs no step, and a cube held beside it is none of the words' business.
        assert end.holding is None or (not result.steps and end.holding == state.holding), (text, result)
    else:
        # A cube on a pile standing in the region is in it (SceneState.rests_on): it need not move.
        assert all(end.rests_on(n, region) for n in names if n != excluded), (text, state.to_json(), result)
        assert all(excluded not in s.args.values() for s in result.steps), (text, result)


# ------------------------------------------------------- distances from the robot, ties, sequence connectors
def _placed(*cubes: tuple[str, float, float]) -> SceneState:
    return SceneState.from_json({"objects": [{"name": f"{c}_cube", "kind": "cube", "color": c,
                                              "position": [x, y, 0.022]} for c, x, y in cubes],
                                 "regions": ["left", "right", "bin", "pad"]})


def test_closest_to_the_robot_is_measured_from_the_base_not_along_one_axis() -> None:
    # red is nearest along x, but green (at y = 0) is nearer to the base at the origin
    state = _placed(("red", 0.40, 0.30), ("green", 0.45, 0.0), ("blue", 0.60, -0.1))
    assert plan_of("put the cube closest to the robot in the bin", state) == moves(("green", "bin"))
    assert plan_of("put the cube farthest from the robot on the pad", state) == moves(("blue", "pad"))


def test_an_extreme_shared_by_two_cubes_asks_which_one() -> None:
    state = _placed(("red", 0.45, 0.1), ("green", 0.55, 0.1), ("blue", 0.5, -0.1))
    result = make_planner("parser").plan("put the leftmost cube in the bin", state)
    assert isinstance(result, Clarification) and set(result.candidates) == {"red_cube", "green_cube"}


@pytest.mark.parametrize("text", [
    "put the red cube in the bin, next put the green cube on the pad, and lastly go home",
    "put the red cube in the bin and afterwards put the green cube on the pad. to finish, go home",
    "go ahead and put the red cube in the bin. once that's done, put the green cube on the pad, then go home",
])
def test_sequence_connectors_keep_the_spoken_order(text: str) -> None:
    assert plan_of(text, scene()) == [*moves(("red", "bin"), ("green", "pad")), "go_home()"]


@pytest.mark.parametrize(("text", "expected"), [
    ("je voudrais que tu mettes le cube vert dans la poubelle", moves(("green", "bin"))),
    ("construis une tour avec le cube rouge en bas, le cube vert au milieu et le cube bleu en haut",
     moves(("green", "red"), ("blue", "green"))),
    ("ich möchte, dass du den grünen Würfel aufs Pad legst", moves(("green", "pad"))),
    ("kannst du den roten Würfel in den Behälter legen, ohne den blauen Würfel anzufassen", moves(("red", "bin"))),
    ("leg zuerst den roten Würfel in den Behälter und dann den grünen drauf", moves(("red", "bin"), ("green", "red"))),
])
def test_colloquial_french_and_german(text: str, expected: list[str]) -> None:
    assert plan_of(text, scene()) == expected


@pytest.mark.parametrize("text", [
    "je voudrais que tu ne mettes pas le cube rouge dans le bac",
    "kannst du den roten Würfel nicht in den Behälter legen",
    "ich möchte nicht, dass du den roten Würfel in den Behälter legst",
])
def test_negated_polite_french_and_german_plan_nothing(text: str) -> None:
    assert not isinstance(make_planner("parser").plan(text, scene()), Plan)


def test_the_second_cube_from_a_side_is_counted_and_a_tie_asks() -> None:
    state = _placed(("red", 0.5, 0.2), ("green", 0.5, -0.2), ("blue", 0.5, 0.0))
    assert plan_of("put the second cube from the left in the bin", state) == moves(("blue", "bin"))
    assert plan_of("put the third cube from the right on the pad", state) == moves(("red", "pad"))
    tied = _placed(("red", 0.5, 0.2), ("green", 0.45, 0.0), ("blue", 0.55, 0.0))
    result = make_planner("parser").plan("put the second cube from the left in the bin", tied)
    assert isinstance(result, Clarification) and set(result.candidates) == {"green_cube", "blue_cube"}


@pytest.mark.parametrize("text", [
    "first the red cube in the bin, then the green cube on the pad",
    "Step 1: put the red cube in the bin. Step 2: put the green cube on the pad.",
    "prior to putting the green cube on the pad, put the red cube in the bin",
    "put the green cube on the pad. Before you do that, put the red cube in the bin.",
])
def test_gapped_numbered_and_prior_clauses_keep_their_order(text: str) -> None:
    assert plan_of(text, scene()) == moves(("red", "bin"), ("green", "pad"))


@pytest.mark.parametrize("text", [
    "2. put the green cube on the pad 1. put the red cube in the bin",  # labels out of order: never reordered
    "don't put the red cube in the bin, the green cube on the pad",  # the negation's reach is unclear
])
def test_unclear_numbering_or_gapped_negation_is_refused(text: str) -> None:
    assert not isinstance(make_planner("parser").plan(text, scene()), Plan)
