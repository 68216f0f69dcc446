"""Sentences that say a request again: dropped where everything they say is what the request's plan does.

People repeat themselves, a drill sergeant or a tired parent most ("Push the green one to the right. To the right.",
"Both of them on the pad. Both cubes. On the pad, the both of them.", "Put the blue one on the left. Then the green one
on the left as well. Blue first, then the green. Both on the left.", "Make a pile. The blue one at the bottom, then the
orange, then the red on top. Blue, orange, red. Blue at the bottom.": dev_s17 fi49). A sentence after the first, with
no verb and no word outside a closed list (colours, cube nouns, places, ways, tower roles, "first"/"then", "both",
"all", "as well"), is a restatement only where every part of it holds in the plan read from the other sentences:
each colour names a cube the plan moves or stacks on, each place or way is one the plan sends that cube to, a role
("X at the bottom", "X on top") is X's place in the tower built, an order ("X first, then Y"; a bare list "X, Y, Z")
is the order the plan moves them in or the tower's order, "both" is two cubes moved, "all" every cube. Anything else
("Red." after a request that moves only blue, "Right." after a push left) leaves the instruction refused as before.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence

from policies.planner import lexicon as lx
from policies.planner.plan import Step
from policies.planner.scene_state import SceneState

_WORDS = frozenset(re.findall(r"[a-z]+", """
    the a one ones cube cubes block blocks both all of them each every to on in into onto at pad bin left right
    side hand forward forwards backward backwards bottom base top middle very first then and
    """))  # (never "too", "again", "as well": they ask for more than the plan does, A1 s17 H124 notes)
_PLACES = {"pad": "pad", "bin": "bin", "left": "left", "right": "right", "forward": "forward",
           "forwards": "forward", "backward": "backward", "backwards": "backward"}
_MAX_SENTENCES = 6


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.findall(r"[^.!?]+[.!?]*", text) if s.strip(" .!?")]


def _candidate(sentence: str) -> bool:
    """A sentence that may say a request again: closed words only, no question, some content."""
    words = re.findall(r"[a-z]+", sentence.lower())
    return "?" not in sentence and bool(words) and all(w in _WORDS or w in lx.COLOR_WORDS for w in words) and \
        any(w in lx.COLOR_WORDS or w in _PLACES or w in ("both", "all", "bottom", "top", "base") for w in words)


def _tower(steps: Sequence[Step]) -> list[str]:
    """The cubes of the one stack the plan builds, bottom first; [] if none or more than one."""
    on = {}
    held = None
    for step in steps:
        if step.skill == "pick":
            held = str(step.args["object"])
        elif step.skill == "place_on" and held:
            on[held] = str(step.args["object"])
    bases = {b for b in on.values() if b not in on}
    if len(bases) != 1:
        return []
    order = [bases.pop()]
    while True:
        above = [c for c, b in on.items() if b == order[-1]]
        if len(above) != 1:
            return order if len(order) == len(on) + 1 and not above else []
        order.append(above[0])


def _holds(sentence: str, steps: Sequence[Step], state: SceneState) -> bool:
    """Whether everything ``sentence`` says is what ``steps`` do (module doc)."""
    said = sentence.lower()
    words = re.findall(r"[a-z]+", said)
    by_colour = {o.color: o.name for o in state.objects}
    colours = [lx.COLOR_WORDS[w] for w in words if w in lx.COLOR_WORDS]
    if any(c not in by_colour for c in colours):
        return False
    cubes = [by_colour[c] for c in colours]
    moved = [str(s.args["object"]) for s in steps if s.skill in ("pick", "push")]
    first_moves = list(dict.fromkeys(moved))
    targets = {str(s.args["object"]) for s in steps if s.skill == "place_on"}
    tower = _tower(steps)
    if any(c not in moved and c not in targets for c in cubes):
        return False
    places = {_PLACES[w] for w in words if w in _PLACES}
    went: dict[str, set[str]] = {}
    held = None
    for s in steps:
        if s.skill == "pick":
            held = str(s.args["object"])
        elif s.skill == "place_in" and held:
            went.setdefault(held, set()).add(str(s.args["region"]))
        elif s.skill == "push":
            went.setdefault(str(s.args["object"]), set()).add(str(s.args["direction"]))
    for place in places:  # each place said is where the cubes said (or, with none said, every cube moved) went
        if not all(place in went.get(c, set()) for c in (cubes or first_moves)):
            return False
    if ("both" in words and len(first_moves) != 2) or (re.search(r"\b(?:all|every|each)\b", said) and \
            len(first_moves) != len(state.objects)):
        return False
    roles = re.findall(r"\b(bottom|base|top|middle)\b", said)
    if roles:
        if not tower or len(colours) != len(roles):
            return False
        spots = {"bottom": 0, "base": 0, "top": len(tower) - 1}
        for cube, role in zip(cubes, roles, strict=True):  # ("blue at the bottom, then orange, then red on top")
            if (role == "middle" and not 0 < tower.index(cube) < len(tower) - 1) or \
                    (role != "middle" and tower.index(cube) != spots[role]):
                return False
    elif "first" in words:  # "Blue first." / "Blue first, then the green.": the plan moves them in that order
        if not cubes or cubes != first_moves[:len(cubes)]:  # (A1 s17 H124: "... . Blue first." with red moved first)
            return False
    elif len(cubes) > 1:  # an order: "blue, then the green", a bare list "blue, orange, red"
        if re.search(r"\b(?:on|onto)\b", said) or len(set(cubes)) != len(cubes):
            return False
        order = [c for c in first_moves if c in cubes]
        if cubes not in (order, tower, tower[::-1]):
            return False
    # the cubes said are all the cubes the plan moves (or moves and stacks on): a lone colour after a request that
    # moves more may narrow it ("Put all the cubes in the bin. Red.")
    return roles != [] or not cubes or set(cubes) in (set(first_moves), set(first_moves) | targets)


def restated(instruction: str, state: SceneState,
             plan_alone: Callable[[str], tuple[Sequence[Step], ...]]) -> str | None:
    """``instruction`` without the sentences that say it again (module doc), else None. ``plan_alone(text)`` gives the
    steps of every reading of a text; a way of leaving sentences out counts where the rest has one reading and every
    sentence left out holds in it, and every way that counts must give the same plan."""
    sentences = _sentences(instruction)
    if not 2 <= len(sentences) <= _MAX_SENTENCES:
        return None
    optional = [i for i, s in enumerate(sentences) if i > 0 and _candidate(s)]
    found: dict[tuple[Step, ...], str] = {}
    for k in range(1, len(optional) + 1):
        for dropped in itertools.combinations(optional, k):
            kept = " ".join(s for i, s in enumerate(sentences) if i not in dropped)
            readings = plan_alone(kept)
            if len(readings) > 1:
                return None  # (a reading to choose: nothing is left out)
            if readings and all(_holds(sentences[i], readings[0], state) for i in dropped):
                found.setdefault(tuple(readings[0]), kept)
    return next(iter(found.values())) if len(found) == 1 else None


def narrows(word: str, before: str) -> bool:
    """Whether a sentence of one colour ``word`` ("Red.") after the sentence ``before`` may narrow it rather than say it
    again: ``before`` names another colour too ("Put the red and blue cubes in the bin. Red.", A1 s18 H130). Then it is
    not dropped as an echo (phrasing._echoes), and it stays only where ``restated`` finds it holds in the plan."""
    colour = lx.COLOR_WORDS.get(word)
    said = {lx.COLOR_WORDS[w] for w in re.findall(r"[a-z]+", before.lower()) if w in lx.COLOR_WORDS}
    return colour is not None and bool(said - {colour})
