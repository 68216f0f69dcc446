"""Negations, exclusions and order words (issue #17): read, or the instruction is refused.

The devset property: negated and reordered variants of every devset record through the parser and rules
backends; no accepted plan performs a negated action, touches an excluded object or breaks a stated order.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policies.planner import Plan, Refusal, SceneState, Step, make_planner, result_from_json
from policies.planner.fallback import FallbackConfig
from policies.planner.planner import CheckedPlanner
from policies.planner.ranking import RankingBackend
from policies.planner.rules_backend import RulesBackend
from policies.planner.skills import apply_step

SCENE = SceneState.from_json({"objects": [
    {"name": "red_cube", "kind": "cube", "color": "red", "position": [0.5, 0.16, 0.02]},
    {"name": "green_cube", "kind": "cube", "color": "green", "position": [0.5, 0.0, 0.02]},
    {"name": "blue_cube", "kind": "cube", "color": "blue", "position": [0.5, -0.16, 0.02]}],
    "regions": ["left", "right", "bin", "pad"]})
DEVSET = Path(__file__).resolve().parents[3] / "policies" / "planner" / "data" / "devset.jsonl"
DEV_PHRASING = DEVSET.with_name("dev_phrasing.jsonl")
BACKENDS = ("parser", "rules")


def steps(result: object) -> list[str]:
    assert isinstance(result, Plan), result
    return [str(s) for s in result.steps]


# ------------------------------------------------------------------------------- the cases
@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("text", [
    "do not put the red cube in the bin", "don't put the red cube in the bin", "never put the red cube in the bin",
    "put the red cube in the bin and don't put the red cube in the bin",
    "never touch the red cube; put the red cube in the bin",
    "put the red cube not in the bin",
    "put the red cube on the blue cube and the blue cube on the red cube",
    "put the red cube on the blue cube, then put the blue cube on the red cube",
    "stack the red cube on the blue cube and don't touch the blue cube",
    # a region is no object, a cube no support of itself, a tower's role words must name its places
    "put the bin on top of the red cube", "put the green cube on itself",
    "tower of three: blue at the very top, red in the middle, green in between",
])
def test_negated_contradictory_or_unreadable_requests_are_refused(backend: str, text: str) -> None:
    assert isinstance(make_planner(backend).plan(text, SCENE), Refusal), (backend, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("don't touch the red cube, put the green cube in the bin", ["pick(object=green_cube)", "place_in(region=bin)"]),
    ("put the green cube in the bin without touching the red cube",
     ["pick(object=green_cube)", "place_in(region=bin)"]),
    ("put the green cube in the bin, but leave the red cube alone",
     ["pick(object=green_cube)", "place_in(region=bin)"]),
    ("put the red cube in the bin, not the blue cube", ["pick(object=red_cube)", "place_in(region=bin)"]),
    ("don't put the red cube in the bin, put the red cube on the pad",
     ["pick(object=red_cube)", "place_in(region=pad)"]),
    ("before you put the red cube in the bin, put the green cube on the pad",
     ["pick(object=green_cube)", "place_in(region=pad)", "pick(object=red_cube)", "place_in(region=bin)"]),
    ("put the red cube in the bin after you put the green cube on the pad",
     ["pick(object=green_cube)", "place_in(region=pad)", "pick(object=red_cube)", "place_in(region=bin)"]),
    ("put the red cube in the bin before you put the green cube on the pad",
     ["pick(object=red_cube)", "place_in(region=bin)", "pick(object=green_cube)", "place_in(region=pad)"]),
    ("put the red cube in the bin, but first put the green cube on the pad",
     ["pick(object=green_cube)", "place_in(region=pad)", "pick(object=red_cube)", "place_in(region=bin)"]),
    ("put the red cube in the bin, but before that put the green cube on the pad",
     ["pick(object=green_cube)", "place_in(region=pad)", "pick(object=red_cube)", "place_in(region=bin)"]),
    ("after you go home, put the red cube in the bin", ["go_home()", "pick(object=red_cube)", "place_in(region=bin)"]),
    # an order word orders its own sentence: the push was run after the bin (the whole text read as "A before B")
    ("put the green cube on the pad. before you put the red cube in the bin, push the blue cube forward",
     ["pick(object=green_cube)", "place_in(region=pad)", "push(object=blue_cube, direction=forward)",
      "pick(object=red_cube)", "place_in(region=bin)"]),
    ("after you put the red cube in the bin, go home. before all that, push the blue cube forward",
     ["push(object=blue_cube, direction=forward)", "pick(object=red_cube)", "place_in(region=bin)", "go_home()"]),
    ("go home last; first put the red cube in the bin, and second put the green cube on the pad",
     ["pick(object=red_cube)", "place_in(region=bin)", "pick(object=green_cube)", "place_in(region=pad)", "go_home()"]),
])
def test_parser_reads_negations_and_order_words(text: str, expected: list[str]) -> None:
    assert steps(make_planner("parser").plan(text, SCENE)) == expected


@pytest.mark.parametrize(("text", "words"), [
    ("do not put the red cube in the bin", "only says what not to do"),
    ("put the red cube in the bin and don't put the red cube in the bin", "contradictory"),
    ("put the red cube on the blue cube and the blue cube on the red cube", "cycle"),
    ("put the red cube not in the bin", "inside a clause"),
    ("put the red cube in the bin unless the blue cube is on the pad", "'unless'"),
    ("before you put it in the bin, pick up the red cube", "pronoun"),
    ("put the red cube in the bin, but first put the green cube on the pad, then go home", "order"),
])
def test_refusals_say_which_words_were_not_read(text: str, words: str) -> None:
    result = make_planner("parser").plan(text, SCENE)
    assert isinstance(result, Refusal) and words in result.reason, result


def test_rules_backend_refuses_every_negation_and_order_word_it_cannot_read() -> None:
    rules = RulesBackend()
    for text in ("don't touch the red cube, put the green cube in the bin",
                 "before you put the red cube in the bin, put the green cube on the pad",
                 "put the green cube in the bin without touching the red cube",
                 "put the red cube in the bin, put the green cube on the pad",
                 "push the red cube to the green cube"):
        assert isinstance(rules.propose(text, SCENE), Refusal), text
    assert isinstance(rules.propose("first put the red cube in the bin, then go home", SCENE), Plan)


class _EagerScorer:
    """A stand-in language model that is always sure of the first option: the worst case for a guard."""

    def score(self, prefix: str, continuations: Sequence[str]) -> list[float]:
        return [100.0 if i == 0 else 0.0 for i in range(len(continuations))]


def test_a_model_plan_for_an_impossible_request_is_refused_whole() -> None:
    red_in_bin = Plan(steps=(Step(skill="pick", args={"object": "red_cube"}),
                             Step(skill="place_in", args={"region": "bin"})))
    from policies.planner.planner import words_error

    assert "is a place, not an object" in str(words_error("put the bin on top of the red cube", SCENE, red_in_bin))


def test_the_model_fallback_cannot_run_a_plan_past_words_the_parser_could_not_read() -> None:
    backend = RankingBackend(_EagerScorer(), name="eager", fallback=True, examples=0,
                             fallback_config=FallbackConfig(margin=0.0, agreement=False))
    planner = CheckedPlanner(backend)
    for text in ("please refrain from moving the red cube and bin the green one",
                 "kindly bin the green one, and the red one never"):
        raw = backend.propose(text, SCENE)
        result = planner.plan(text, SCENE)
        assert isinstance(result, Refusal), (text, raw, result)


# ------------------------------------------------------------------------- the devset property
@cache
def _records() -> list[dict[str, object]]:
    """Every devset and English development-phrasing record with a plan (the phrasing split's towers,
    quantifiers, idioms and chatty requests get the same negated and reordered variants)."""
    recs = [json.loads(x) for path in (DEVSET, DEV_PHRASING) for x in path.read_text().splitlines() if x.strip()]
    return [r for r in recs if r["gold"]["status"] == "ok" and r.get("kind") not in ("fr", "de")]  # type: ignore[index]


def _clean(text: str) -> str:
    return text.strip().rstrip(".!?").strip()


def _moved(plan: Plan) -> set[str]:
    return {s.args["object"] for s in plan.steps if s.skill in ("pick", "push")}


def _trajectory(state: SceneState, plan: Plan) -> list[SceneState]:
    out = [state]
    for step in plan.steps:
        out.append(apply_step(out[-1], step))
    return out


def _new_facts(state: SceneState, plan: Plan) -> set[tuple[str, str]]:
    end = _trajectory(state, plan)[-1]
    return {(o, s) for o, s in end.on.items() if state.on.get(o) != s}


Check = Callable[[SceneState, Plan], str | None]


def _never_makes(facts: set[tuple[str, str]], pushes: set[Step]) -> Check:
    def check(state: SceneState, plan: Plan) -> str | None:
        made = {(o, s) for st_ in _trajectory(state, plan)[1:] for o, s in st_.on.items() if state.on.get(o) != s}
        if made & facts:
            return f"makes the negated fact(s) {sorted(made & facts)}"
        if set(plan.steps) & pushes:
            return "runs the negated push"
        return None
    return check


def _never_touches(obj: str) -> Check:
    def check(state: SceneState, plan: Plan) -> str | None:
        return f"touches the excluded {obj}" if any(obj in s.args.values() for s in plan.steps) else None
    return check


def _never_runs(skill: str) -> Check:
    def check(state: SceneState, plan: Plan) -> str | None:
        return f"runs a forbidden {skill} step" if any(s.skill == skill for s in plan.steps) else None
    return check


def _in_order(first: Callable[[SceneState, Sequence[Step]], bool], second: set[str] | None) -> Check:
    """``first`` holds (on the state and steps so far) before the first step of the second part, which moves
    an object of ``second`` (None: the second part is going home)."""
    def check(state: SceneState, plan: Plan) -> str | None:
        states = _trajectory(state, plan)
        for k, step in enumerate(plan.steps):
            starts = step.skill == "go_home" if second is None else (
                step.skill in ("pick", "push") and step.args["object"] in second)
            if starts:
                return None if first(states[k], plan.steps[:k]) else f"step {k + 1} {step} runs before its turn"
        return None
    return check


def _facts_hold(facts: set[tuple[str, str]], held: str | None = None) -> Callable[[SceneState, Sequence[Step]], bool]:
    def holds(state: SceneState, done: Sequence[Step]) -> bool:
        return all(state.on.get(o) == s for o, s in facts) and (held is None or state.holding == held)
    return holds


def _went_home(state: SceneState, done: Sequence[Step]) -> bool:
    return any(s.skill == "go_home" for s in done)


def _variants(rec: dict[str, object]) -> list[tuple[str, Check | None]]:
    """(instruction, check on an accepted plan; None: must be refused) for one devset record."""
    scene = SceneState.from_json(rec["scene"])
    gold = result_from_json(rec["gold"])
    assert isinstance(gold, Plan)
    text = _clean(str(rec["instruction"]))
    facts = _new_facts(scene, gold)
    pushes = {s for s in gold.steps if s.skill == "push"}
    moved = _moved(gold)
    end = _trajectory(scene, gold)[-1]
    out: list[tuple[str, Check | None]] = []
    # A negation reaches the end of its sentence: "don't A. B" still asks for B, so the whole-record negations
    # are made of one-sentence records only.
    single = not any(c in text for c in ".;!?")
    for neg in ("do not", "don't", "never") if single else ():
        out.append((f"{neg} {text}", None))  # nothing is left to do: refused
    idle = [o for o in scene.names if o not in moved and o != scene.holding and scene.is_clear(o)
            and all(o not in s.args.values() for s in gold.steps)]
    others = f"put the {idle[0].replace('_', ' ')} on the pad" if idle else None
    if others is not None and (facts or pushes) and single:
        negated = _never_makes(facts, pushes)
        out += [(f"don't {text}, {others}", negated), (f"{others}, but never {text}", negated)]
    for obj in sorted({v for s in gold.steps for k, v in s.args.items() if k == "object"}):
        noun = obj.replace("_", " ")
        out += [(f"don't touch the {noun}, {text}", _never_touches(obj)),
                (f"{text} without touching the {noun}", _never_touches(obj))]
    if idle:
        noun = idle[0].replace("_", " ")
        out += [(f"{text}, but leave the {noun} alone", _never_touches(idle[0])),
                (f"don't touch the {noun}, {text}", _never_touches(idle[0]))]
    if others is not None and idle:
        pad = _facts_hold({(idle[0], "pad")})
        gold_done = _facts_hold({(o, s) for o, s in end.on.items() if (o, s) in facts}, end.holding)
        out += [(f"before you {text}, {others}", _in_order(pad, moved)),
                (f"{text} after you {others}", _in_order(pad, moved)),
                (f"{text}, but first {others}", _in_order(pad, moved)),
                (f"after you {text}, {others}", _in_order(gold_done, {idle[0]})),
                (f"{text} before you {others}", _in_order(gold_done, {idle[0]}))]
    # negations over every object: a skill the plan must not contain
    out += [(f"{text}, and do not pick anything up", _never_runs("pick")),
            (f"{text}, and don't push anything", _never_runs("push")),
            (f"{text}, but don't go home afterwards", _never_runs("go_home"))]
    if not any(s.skill == "go_home" for s in gold.steps):
        if others is not None:  # the order word of the second sentence orders that sentence only
            out += [(f"{others}. before you {text}, go home", _in_order(_went_home, moved))]
        out += [(f"before you {text}, go home", _in_order(_went_home, moved)),
                (f"go home, but first {text}", _in_order(_facts_hold(facts, end.holding), None))]
    return out


@pytest.mark.parametrize("backend", BACKENDS)
def test_no_accepted_variant_of_any_devset_record_contradicts_its_words(backend: str) -> None:
    planner = make_planner(backend)
    checked = accepted = 0
    bad: list[str] = []
    for rec in _records():
        scene = SceneState.from_json(rec["scene"])
        for text, check in _variants(rec):
            checked += 1
            result = planner.plan(text, scene)
            if isinstance(result, Refusal):
                continue
            accepted += 1
            why = "accepted a purely negated request" if check is None else check(scene, result)
            if why is not None:
                bad.append(f"{rec['id']} {text!r}: {why}: {[str(s) for s in result.steps]}")
    assert checked > 5 * len(_records())
    assert not bad, "\n".join(bad[:20])
    if backend == "parser":  # the parser reads most variants rather than refusing them all
        assert accepted > checked // 3, (accepted, checked)  # 3 of ~12 variants are purely negated


@settings(max_examples=40, deadline=None)
@given(index=st.integers(min_value=0, max_value=10**6), backend=st.sampled_from(BACKENDS),
       neg=st.sampled_from(["don't", "do not", "never", "please don't", "Don't", "DO NOT"]))
def test_a_negated_devset_instruction_is_never_run(index: int, backend: str, neg: str) -> None:
    one_sentence = [r for r in _records() if not any(c in _clean(str(r["instruction"])) for c in ".;!?")]
    rec = one_sentence[index % len(one_sentence)]
    scene = SceneState.from_json(rec["scene"])
    text = f"{neg} {_clean(str(rec['instruction']))}"
    assert isinstance(make_planner(backend).plan(text, scene), Refusal), text


# --------------------------------------------------------------------------- French and German
_COLOURS_FR = {"red": "rouge", "green": "vert", "blue": "bleu", "yellow": "jaune", "purple": "violet",
               "orange": "orange"}
_COLOURS_DE = {"red": "roten", "green": "grünen", "blue": "blauen", "yellow": "gelben", "purple": "lila",
               "orange": "orangen"}


@settings(max_examples=40, deadline=None)
@given(colours=st.lists(st.sampled_from(sorted(_COLOURS_FR)), min_size=3, max_size=4, unique=True),
       german=st.booleans(), form=st.integers(min_value=0, max_value=3))
def test_french_and_german_negations_and_order_words_are_kept(colours: list[str], german: bool, form: int) -> None:
    """Random scenes and the same four constructions in either language: a negated action is never run, an
    excluded cube never touched, a stated order never broken (or the instruction is refused)."""
    scene = SceneState.from_json({"objects": [{"name": f"{c}_cube", "kind": "cube", "color": c} for c in colours],
                                  "regions": ["left", "right", "bin", "pad"]})
    a, b = colours[0], colours[1]
    if german:
        x, y = (f"den {_COLOURS_DE[c]} Würfel" for c in (a, b))
        text = (f"leg {x} nicht in den Behälter",
                f"fass {x} nicht an und leg {y} in den Behälter",
                f"bevor du {x} in den Behälter legst, leg {y} auf das Pad",
                f"leg alle Würfel außer dem {_COLOURS_DE[a]} in den Behälter")[form]
    else:
        x, y = (f"le cube {_COLOURS_FR[c]}" for c in (a, b))
        text = (f"ne mets pas {x} dans le bac",
                f"ne touche pas au cube {_COLOURS_FR[a]}, mets {y} dans le bac",
                f"avant de mettre {x} dans le bac, pose {y} sur la plateforme",
                f"mets tous les cubes sauf le {_COLOURS_FR[a]} dans le bac")[form]
    result = make_planner("parser").plan(text, scene)
    if form == 0:
        assert isinstance(result, Refusal), (text, result)
        return
    assert isinstance(result, Plan), (text, result)
    touched = {v for s in result.steps for v in s.args.values()}
    if form in (1, 3):
        assert f"{a}_cube" not in touched, (text, steps(result))
    if form == 3:
        assert {o for o in scene.names if o != f"{a}_cube"} <= touched, (text, steps(result))
    if form == 2:
        picks = [s.args["object"] for s in result.steps if s.skill == "pick"]
        assert picks == [f"{b}_cube", f"{a}_cube"], (text, steps(result))


# ------------------------------------------------------------------------------ ambiguity asks
@pytest.mark.parametrize(("text", "candidates"), [
    ("put the cube in the bin", ("red_cube", "green_cube", "blue_cube")),
    ("don't touch the cube, put the red cube in the bin", ("red_cube", "green_cube", "blue_cube")),
    ("put the red cube on the pad and the other one in the bin", ("green_cube", "blue_cube")),
])
def test_an_ambiguous_mention_asks_which_object_naming_the_candidates(text: str, candidates: tuple[str, ...]) -> None:
    from policies.planner import Clarification, result_to_json

    result = make_planner("parser").plan(text, SCENE)
    assert isinstance(result, Clarification) and result.candidates == candidates, result
    data = result_to_json(result)
    assert data["status"] == "clarify" and data["candidates"] == list(candidates)
    assert all(c.replace("_", " ") in data["reason"] for c in candidates)
    assert result_from_json(data) == result


# ------------------------------------------------------------- "and" states no order, "then" does
_JOINS_UNORDERED = ("{a} and {b}", "{a}, and {b}")
_JOINS_ORDERED = ("{a}, then {b}", "{a} and then {b}", "first {a}, then {b}", "{a}. {b}", "{a}; {b}",
                  "{a}, and after that {b}", "{a} before you {b}", "after you {a}, {b}", "{a}, next {b}")


@settings(max_examples=30, deadline=None)
@given(colours=st.lists(st.sampled_from(["red", "green", "blue", "yellow", "purple"]), min_size=3, max_size=4,
                        unique=True),
       ordered=st.booleans(), join=st.integers(min_value=0, max_value=20), second_verb=st.booleans())
def test_stacking_goals_are_reordered_only_where_the_words_state_no_order(
        colours: list[str], ordered: bool, join: int, second_verb: bool) -> None:
    """"A on B and B on C" (only C-first can run): planned in a feasible order, every goal met at the end; with
    an order word ("then", "first", "before", a sentence break) the stated order is kept, so it is refused."""
    scene = SceneState.from_json({"objects": [{"name": f"{c}_cube", "kind": "cube", "color": c,
                                               "position": [0.45 + 0.03 * i, 0.2 - 0.1 * i, 0.02]}
                                              for i, c in enumerate(colours)],
                                  "regions": ["left", "right", "bin", "pad"]})
    x, y, z = colours[:3]
    first = f"put the {x} cube on the {y} cube"
    second = f"{'put ' if second_verb or ordered else ''}the {y} cube on the {z} cube"
    forms = _JOINS_ORDERED if ordered else _JOINS_UNORDERED
    text = forms[join % len(forms)].format(a=first, b=second)
    for backend in BACKENDS:
        result = make_planner(backend).plan(text, scene)
        if ordered or backend == "rules":
            assert isinstance(result, Refusal), (backend, text, result)
            if backend == "parser":  # the refusal gives its reason: the stated order, not the goals, is at fault
                assert "order the words state" in result.reason, (text, result)
            continue
        end = _trajectory(scene, result)[-1]  # type: ignore[arg-type]
        assert end.on.get(f"{x}_cube") == f"{y}_cube" and end.on.get(f"{y}_cube") == f"{z}_cube", (text, result)
        assert steps(result) == [f"pick(object={y}_cube)", f"place_on(object={z}_cube)",
                                 f"pick(object={x}_cube)", f"place_on(object={y}_cube)"]
    # a contradiction stays one whatever the join
    cycle = f"put the {x} cube on the {y} cube and the {y} cube on the {x} cube"
    assert isinstance(make_planner("parser").plan(cycle, scene), Refusal)


@pytest.mark.parametrize(("text", "expected"), [
    # the bin idiom's destination ends its own clause, not the instruction
    ("get rid of the red one and put the green cube atop the blue block",
     ["pick(object=red_cube)", "place_in(region=bin)", "pick(object=green_cube)", "place_on(object=blue_cube)"]),
    ("throw away the green cube and the blue cube",
     ["pick(object=green_cube)", "place_in(region=bin)", "pick(object=blue_cube)", "place_in(region=bin)"]),
    ("never put anything on the red cube. put the green cube on the blue cube",
     ["pick(object=green_cube)", "place_on(object=blue_cube)"]),
    ("move the red cube to the left and the blue cube to the right",
     ["pick(object=red_cube)", "place_in(region=left)", "pick(object=blue_cube)", "place_in(region=right)"]),
    ("push the red cube to the left", ["push(object=red_cube, direction=left)"]),
    ("put the green cube on the pad once you've moved the red cube to the right",
     ["pick(object=red_cube)", "place_in(region=right)", "pick(object=green_cube)", "place_in(region=pad)"]),
])
def test_parser_reads_the_new_constructions(text: str, expected: list[str]) -> None:
    assert steps(make_planner("parser").plan(text, SCENE)) == expected


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("text", [
    "don't put anything on the red cube, put the green cube on the red cube",
    "never put anything on the red cube. put the green cube on the red cube",
    "no rush, but throw the red cube at me",  # "no rush" is dropped before the screen, nothing else is
    "no rush, put the red cube in the bin as fast as possible",
    "what I'd like, before you touch the green cube, is for the red cube to end up on the pad",
    "what I'd like, and don't touch the blue cube, is for the blue cube to end up on the pad",
    "get rid of the red one, and never touch the red one",
])
def test_the_new_constructions_keep_their_negations_and_the_unsafe_screen(backend: str, text: str) -> None:
    assert isinstance(make_planner(backend).plan(text, SCENE), Refusal), (backend, text)
