"""What the planner's per-session test files assert again and again, kept in one place: a scene of cubes built from
(colour, position) pairs, a request that must move nothing, and a request that must ask which cube it means; and, for
the French and German templates of test_translation_spoken ("Mets le {x} sur le {y}.", "Leg den {X} in den Müll."),
the same filled with a triple of cubes in their scene; a tower's steps, and a request that plans exactly given steps.
New session test files import these instead of copying them."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from test_planner_fresh12_words import mv, plan, steps
from test_translation_spoken import _PLANNER, _TRIPLES, _expected, _fill, _scene

from policies.planner import Clarification, Plan, SceneState

REGIONS = ["left", "right", "bin", "pad"]


def cube_scene(*cubes: tuple[str, list[float]], on: dict[str, str] | None = None) -> SceneState:
    """Cubes named by colour at the given positions; `on` states stacking where the heights alone would not."""
    data: dict = {"objects": [{"name": f"{c}_cube", "kind": "cube", "color": c, "position": p} for c, p in cubes],
                  "regions": REGIONS}
    if on:
        data["on"] = on
    return SceneState.from_json(data)


S3 = cube_scene(("red", [0.45, 0.1, 0.022]), ("blue", [0.55, -0.12, 0.022]), ("green", [0.38, -0.02, 0.022]))


def moves_nothing(text: str, state: SceneState = S3) -> None:
    """A refusal, a clarification, or a plan that only goes home: no cube may move."""
    result = plan(text, state)
    assert not isinstance(result, Plan) or all(s.skill == "go_home" for s in result.steps), (text, result)


def tower(*colours: str) -> list[str]:
    """The steps that build a tower of these cubes, bottom first: each one up is picked and placed on the one below."""
    return [step for below, above in pairwise(colours) for step in mv(above, below)]


def plans_as(text: str, want: list[str], state: SceneState = S3) -> None:
    """``text`` plans exactly the steps ``want`` (as strings) in ``state``."""
    assert steps(text, state) == want, text


def asks(text: str, state: SceneState, candidates: set[str]) -> None:
    """A clarification naming exactly these objects (full names, e.g. "red_cube")."""
    result = plan(text, state)
    assert isinstance(result, Clarification), (text, result)
    assert set(result.candidates) == candidates, (text, result)


def _filled(template: str, triple: tuple[str, str, str], prepare: Callable[[str, str], str] | None) -> str:
    """``template`` with ``prepare(template, x)`` applied first (a placeholder of a test file's own), then filled."""
    x, y, z = triple
    return _fill(prepare(template, x) if prepare else template, x, y, z)


def filled_plans(template: str, spec: tuple[str, ...], triple: tuple[str, str, str] = _TRIPLES[0],
                 prepare: Callable[[str, str], str] | None = None) -> None:
    """A French/German ``template`` filled with ``triple`` plans exactly ``spec`` (test_translation_spoken._expected)
    in the scene of those three cubes."""
    text = _filled(template, triple, prepare)
    result = _PLANNER.plan(text, _scene(*triple))
    assert isinstance(result, Plan), (text, result)
    assert [str(s) for s in result.steps] == _expected(spec, *triple), text


def filled_never_plans(template: str, prepare: Callable[[str, str], str] | None = None) -> None:
    """A French/German ``template`` filled with the first triple plans nothing at all (not even going home)."""
    text = _filled(template, _TRIPLES[0], prepare)
    result = _PLANNER.plan(text, _scene(*_TRIPLES[0]))
    assert not isinstance(result, Plan), (text, result)


def filled_moves_nothing(template: str) -> None:
    """A French/German ``template`` filled with the first triple moves no cube in their scene (moves_nothing)."""
    moves_nothing(_filled(template, _TRIPLES[0], None), _scene(*_TRIPLES[0]))
