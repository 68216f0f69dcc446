"""French and German written to trip the translation into running what the words forbid, restrict or leave open
(issue #17 item 0 and 5, sixth pass): each case was a plan before its fix. A garbled, forbidden or ambiguous request
is refused or asked, never planned; the sensible neighbours of each case still plan exactly.
"""

from __future__ import annotations

import pytest
from test_translation_spoken import _PLANS  # the spoken constructions that plan, each a template over colours
from test_translation_spoken import _fill as _fill_spoken

from policies.planner import Plan, SceneState, make_planner
from policies.planner.phrasing import language_of

_PLANNER = make_planner("parser")
_YS = (0.24, 0.08, -0.08, -0.24)


def _scene(*colours: str) -> SceneState:
    return SceneState.from_json({"objects": [
        {"name": f"{c}_cube", "kind": "cube", "color": c, "position": [0.45 + 0.03 * i, _YS[i], 0.022]}
        for i, c in enumerate(colours)], "regions": ["left", "right", "bin", "pad"]})


_FR_M = {"red": "rouge", "blue": "bleu", "green": "vert", "yellow": "jaune"}
_FR_F = {"red": "rouge", "blue": "bleue", "green": "verte", "yellow": "jaune"}
_DE = {"red": "roten", "blue": "blauen", "green": "grünen", "yellow": "gelben"}
_DE_BARE = {"red": "Rot", "blue": "Blau", "green": "Grün", "yellow": "Gelb"}
_TRIPLES = (("red", "blue", "green"), ("green", "yellow", "red"), ("blue", "red", "yellow"))


def _fill(template: str, x: str, y: str, z: str) -> str:
    return template.format(x=_FR_M[x], y=_FR_M[y], z=_FR_M[z], xf=_FR_F[x], X=_DE[x], Y=_DE[y], Z=_DE[z],
                           XB=_DE_BARE[x], YB=_DE_BARE[y], ZB=_DE_BARE[z])


# Each was planned before its fix (what it ran in brackets).
_NEVER_PLANNED = (
    # "weder" was one letter from "wieder" (read as nothing), so "neither ... nor" became a list [x and y to the bin]
    "Weder den {X} noch den {Y} in den Eimer.",
    "Leg weder den {X} noch den {Y} Würfel in den Eimer.",
    "Wirf weder den {X} noch den {Y} weg.",
    "Leg den Würfel, der weder {XB} noch {YB} ist, in den Eimer.",
    # a word read as nothing between two cubes made them a list ["noch": both to the bin]
    "Leg den {X} noch den {Y} in den Eimer.",
    # a negated German clause and a verbless one after "und" [the second cube to the bin]
    "Leg nicht den {X} und den {Y} in den Eimer.",
    "Leg den {X} nicht in den Eimer und den {Y} aufs Pad.",
    "Wirf den {X} nie weg, und den {Y} in den Eimer.",
    "Fass keinen an und den {Y} in den Eimer.",
    # a digit dropped by the tokenizer ["les 2 cubes": every cube]
    "Mets les 2 cubes dans la poubelle.",
    "Leg die 2 Würfel in den Eimer.",
    "Mets le 2e cube dans la poubelle.",
    # "/" is an "or" [both]; a symbol that says no after the request [ran]
    "Mets le {x}/{y} dans la poubelle.",
    "Leg den {X}/{Y} in den Eimer.",
    "Mets le {x} dans la poubelle ❌",
    "Leg den {X} in den Eimer 🚫",
    "Mets le {x} dans la poubelle ≠ le {y}.",
    # a tower level with a choice or two cubes [all three stacked]
    "Bau einen Turm: unten {XB} oder {YB}, oben {ZB}.",
    "Bau einen Turm: unten {XB}, darauf {YB} oder {ZB}.",
    "Bau einen Turm: unten {XB} und {YB}, oben {ZB}.",
    "Stapel die Würfel so: unten der {X}, darüber der {Y} oder der {Z}.",
    "Construis une tour avec le {x} en bas et le {y} ou le {z} en haut.",
    "Fais une tour : le {x} en bas, puis le {y} ou le {z}.",
    # ", enfin" corrects what was said [both to the bin]
    "Mets le {x}, enfin le {y}, dans la poubelle.",
    "Mets le {x}, enfin, le {y} dans la poubelle.",
    "Mets le {x} dans la poubelle, enfin sur le tapis.",
    # a dislocated object and a pronoun that cannot stand for it [the object planned]
    "Le {x} et le {y}, tu le mets dans la poubelle.",
    "Les cubes, tu le mets dans la poubelle.",
    "Le {x}, tu la mets dans la poubelle.",
    "La brique {xf}, tu le mets dans la poubelle.",
    "Le cube {x}, mets-la dans la poubelle.",
    "Le cube {x}, mets-les dans la poubelle.",
    # a plural relative read as one cube to ask about ["die Würfel, die nicht rot sind": one of them]
    "Leg die Würfel, die nicht {XB} sind, in den Eimer.",
    "Wirf die Würfel, die nicht {XB} sind, weg.",
    # a word of its own, or a colour outside the lexicon, "corrected" into a colour [the blue or green cube moved]
    "Leg den braunen Würfel in den Eimer.",
    "Leg den Braunen aufs Pad.",
    "Mets le verre dans le bac.",
    "Schieb den {X} weit nach links.",
    "Leg den {X} in den Eimer, weil er stört.",
    # a past tense with its umlaut "restored" into a wish ["musste" (had to) read as "müsste" (should)]
    "Der {X} musste in den Eimer.",
    "Der {X} Wurfel musste aufs Pad.",
    "Du musstest den {X} wegwerfen.",
)


@pytest.mark.parametrize("triple", _TRIPLES, ids="-".join)
@pytest.mark.parametrize("template", _NEVER_PLANNED)
def test_a_forbidden_ambiguous_or_garbled_request_is_never_planned(template: str,
                                                                   triple: tuple[str, str, str]) -> None:
    text = _fill(template, *triple)
    result = _PLANNER.plan(text, _scene(*triple))
    assert not isinstance(result, Plan), (text, result)


def _steps(*moves: tuple[str, str]) -> list[str]:
    out: list[str] = []
    for what, where in moves:
        out.append(f"pick(object={what}_cube)")
        out.append(f"place_in(region={where})" if where in ("bin", "pad") else f"place_on(object={where}_cube)")
    return out


# The sensible neighbours of the cases above still plan exactly ("x", "y", "z" stand for the triple's colours).
_STILL_PLANNED = (
    ("Den {X} Würfel legst du nicht in den Eimer, sondern aufs Pad.", (("x", "pad"),)),
    ("Fass den {X} nicht an und leg den {Y} in den Eimer.", (("y", "bin"),)),
    ("Leg den {X} in den Eimer und den {Y} aufs Pad.", (("x", "bin"), ("y", "pad"))),
    ("Mets le {x} dans la poubelle, puis le {y} sur le tapis, et enfin le {z} sur le {x}.",
     (("x", "bin"), ("y", "pad"), ("z", "x"))),
    ("Bau einen Turm: unten {XB}, darauf {YB}, oben {ZB}.", (("y", "x"), ("z", "y"))),
    ("Fais une tour : en haut le {x}, au milieu le {y}, en bas le {z}.", (("y", "z"), ("x", "y"))),
    ("Fais une tour : en haut le {x}, en bas le {y}.", (("x", "y"),)),
    ("Le cube {x}, tu le mets dans le bac.", (("x", "bin"),)),
    ("La brique {xf}, mets-la sur le tapis.", (("x", "pad"),)),
    ("Le {x}, mets-le sur le {y}.", (("x", "y"),)),
    ("Mets le cube {x} dans la poubelle, merci 🙂", (("x", "bin"),)),
    ("Leg den {X} Würfel in den Eimer - danke!", (("x", "bin"),)),
)


@pytest.mark.parametrize("triple", _TRIPLES, ids="-".join)
@pytest.mark.parametrize(("template", "moves"), _STILL_PLANNED, ids=[t for t, _ in _STILL_PLANNED])
def test_the_sensible_neighbours_still_plan_exactly(template: str, moves: tuple[tuple[str, str], ...],
                                                    triple: tuple[str, str, str]) -> None:
    names = dict(zip("xyz", triple, strict=True))
    text = _fill(template, *triple)
    result = _PLANNER.plan(text, _scene(*triple))
    assert isinstance(result, Plan), (text, result)
    expected = _steps(*((names[w], names.get(p, p)) for w, p in moves))
    assert [str(s) for s in result.steps] == expected, text



@pytest.mark.parametrize(("template", "spec"), _PLANS, ids=[t for t, _ in _PLANS])
def test_a_negation_said_anywhere_in_a_spoken_construction_never_runs(template: str,
                                                                      spec: tuple[str, ...]) -> None:
    """"pas" or "nicht" after each word in turn (after the verb, the object, a politeness formula, a place...):
    wherever it lands, it negates something the request asked, so nothing is planned."""
    x, y, z = "red", "blue", "green"
    words = _fill_spoken(template, x, y, z).split()
    negation = "pas" if language_of(" ".join(words)) == "fr" else "nicht"
    for i in range(len(words)):
        text = " ".join([*words[:i + 1], negation, *words[i + 1:]])
        result = _PLANNER.plan(text, _scene(x, y, z))
        assert not isinstance(result, Plan), (text, result)
