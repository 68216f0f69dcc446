"""Object mentions and their grounding: "the crimson block", "it", "the other one", "the cube left of the
blue one", "the cube on the pad" -> object names in the scene, or an ``UngroundedError`` with the reason.

Where a mention could name several objects, the error carries them as candidates, so the planner asks
which one is meant instead of guessing.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from policies.planner import lexicon as lx
from policies.planner.scene_state import SceneObject, SceneState

# Words that carry nothing for the plan, dropped wherever a mention or clause is read.
FILLERS = frozenset({"please", "could", "you", "can", "would", "kindly", "up", "down", "a", "an", "bit", "little",
                      "over", "now", "carefully", "gently", "just", "then", "and", "go", "robot", "arm", "slightly",
                      "but"})
_NEAR_TIE_M = 0.02  # two objects closer to the anchor than this apart in distance are equally "next to" it
HALF_MARGIN_M = 0.05  # a cube farther than this from the table's centre line (y = 0) stands on its left or right half
# (also how a cube is said to be where it is, and "presently" beside "currently": "the cube presently resting upon the
# green cube", seen fi48-013; "the one perched / stacked / situated on ...", s18 family D1)
RELATIVE_FILLERS = frozenset({"that", "which", "is", "sitting", "resting", "lying", "standing", "currently", "placed",
                              "presently", "perched", "stacked", "situated", "located", "positioned", "balanced",
                              "sat"})


@dataclass(frozen=True)
class Ref:
    """An object mention before grounding."""

    kind: str  # color | it | them | other | held | generic | side_of | extreme | on | moved | not_color | near | top |
    # lone
    color: str | None = None
    noun: str | None = None
    side: str | None = None
    anchor: Ref | None = None
    support: str | None = None  # a region name, or None when ``anchor`` is the support object
    text: str = ""
    second: Ref | None = None  # "between" names two anchors: ``anchor`` and this one
    half: bool = False  # "extreme": said as a place on that half of the table ("the cube on the left side")


@dataclass
class Context:
    """What grounding needs across clauses: the simulated state and the objects mentioned so far."""

    state: SceneState
    mentioned: list[str] = field(default_factory=list)
    last_primary: str | None = None
    last_target: str | None = None
    # Objects the words exclude ("not the orange one", "don't touch X"): "a cube" / "the cube" never names them.
    excluded: frozenset[str] = frozenset()


class UngroundedError(Exception):
    """A mention that names nothing in the scene; carries the refusal reason, and the objects it could name
    where it names several (then the planner asks which one)."""

    def __init__(self, reason: str, candidates: Sequence[str] = ()) -> None:
        super().__init__(reason)
        self.candidates = tuple(candidates)


def _strip_det(toks: Sequence[str]) -> list[str]:
    # "any cube" names one cube the speaker leaves open: asked, as "a cube" is
    return [t for t in toks if (t not in lx.DETERMINERS and t != "any") or len(toks) == 1]


def parse_object(toks: Sequence[str]) -> Ref | None:
    """Parse a whole token span as one object mention, or None."""
    toks = [t for t in toks if t not in FILLERS]
    text = " ".join(toks)
    if toks in (["it"], ["that"], ["this"]):
        return Ref("it", text=text)
    if toks == ["them"]:  # several objects: never grounded as "it", the last one named (A1 s9 G8)
        return Ref("them", text=text)
    if toks == ["HELD"]:
        return Ref("held", text=text)
    if toks == ["justmoved"]:  # "the one you just moved" (phrasing.py)
        return Ref("moved", text="the one you just moved")
    toks = _strip_det(toks)
    if not toks:
        return None
    if toks[0] in ("other", "another", "different"):  # "another cube": one not mentioned yet, asked where several are
        rest = toks[1:]
        if len(rest) <= 1 and (not rest or rest[0] in lx.KIND_WORDS):
            return Ref("other", noun=lx.KIND_WORDS.get(rest[0]) if rest else None, text=text)
        return None
    if toks[0] in _EXTREMES and len(toks) == 2 and toks[1] in lx.KIND_WORDS:
        if toks[0] in ("nearestbase", "farthestbase"):
            text = f"the {toks[1]} {'closest to' if toks[0] == 'nearestbase' else 'farthest from'} the robot"
        elif "#" in _EXTREMES[toks[0]]:
            at = 4 if toks[0].startswith("left") else 5
            text = f"the {toks[0][at:]} {toks[1]} from the {toks[0][:at]}"
        return Ref("extreme", side=_EXTREMES[toks[0]], noun=lx.KIND_WORDS[toks[1]], text=text)
    if toks[0] in ("lefthalf", "righthalf") and len(toks) == 2 and toks[1] in lx.KIND_WORDS:
        side = toks[0].removesuffix("half")
        return Ref("extreme", side=side, noun=lx.KIND_WORDS[toks[1]], support=side, half=True,
                   text=f"the {toks[1]} on the {side} side")
    if toks[0] in ("left", "right") and len(toks) == 2 and toks[1] in lx.KIND_WORDS:
        # "put the left one in the bin": the leftmost (asked where a cube stands in that region, see ground)
        return Ref("extreme", side=toks[0], noun=lx.KIND_WORDS[toks[1]], support=toks[0], text=text)
    # "the top cube" (phrasing.py writes "topmost"); "top cube" said with no article, as a terse speaker does ("top
    # cube goes on the pad", fi48-019; "Top one in the bin.", fi54-001): the same cube (asked among two stacks' tops)
    # (one cube: "top cubes" stays unread, A1 s19 low)
    top = toks[0] == "topmost" or (toks[0] == "top" and not toks[-1].endswith("s"))
    if top and len(toks) == 2 and toks[1] in lx.KIND_WORDS:
        return Ref("top", noun=lx.KIND_WORDS[toks[1]], text=f"the top {toks[1]}")
    if toks[0].startswith("non") and toks[0][3:] in lx.COLOR_WORDS and len(toks) == 2 and toks[1] in lx.KIND_WORDS:
        # "the cube that isn't red" (phrasing.py writes "nonred cube")
        return Ref("not_color", color=lx.COLOR_WORDS[toks[0][3:]], noun=lx.KIND_WORDS[toks[1]],
                   text=text.replace("non", "non-", 1))
    color = lx.COLOR_WORDS.get(toks[0])
    head = toks[1:] if color else toks
    if not head:  # "the red"
        return Ref("color", color=color, text=text) if color else None
    if head[0] not in lx.KIND_WORDS:
        return None
    noun = lx.KIND_WORDS[head[0]]
    base = Ref("color", color=color, noun=noun, text=text) if color else Ref("generic", noun=noun, text=text)
    rest = head[1:]
    if not rest:
        return base
    # relative clauses: "left of <np>", "on <region|np>", "that is on top of <np>"; "the cube that is (to the) left
    # of the green one" reads as "the cube left of ..." (fresh split indep8-052)
    rest = [t for t in rest if t not in RELATIVE_FILLERS and t != "that's"]
    if rest[:2] == ["to", "the"] and rest[2:3] in (["left"], ["right"]):
        rest = rest[2:]
    if rest[:1] in (["at"], ["on"]) and rest[1:2] in (["left"], ["right"]) and rest[2:3] == ["of"]:
        rest = rest[1:]  # "the cube that is at the left of the blue cube" (fi30-041; the article is dropped above)
    if rest[:2] == ["in", "between"]:
        rest = rest[1:]
    if len(rest) >= 3 and rest[0] == "between":  # "the cube (in) between the red one and the blue one"
        ends = [(parse_object(rest[1:k]), parse_object(rest[k:])) for k in range(2, len(rest))]
        ends = [(a, b) for a, b in ends if a is not None and b is not None and a.kind == b.kind == "color"]
        if len(ends) == 1:
            return Ref("between", noun=noun, color=color, anchor=ends[0][0], second=ends[0][1], text=text)
        return None
    if tuple(rest) in _LONE:  # "the cube that's on its own", "the cube which is standing alone" (fi55-026, fi56-005)
        return Ref("lone", noun=noun, color=color, text=text)
    at_edge = _at_edge(rest)
    if at_edge is not None:  # "the one at the very back", "the cube that's on the far right" (f19-030, f19-048)
        # ("on the left / right" said plainly, not "far", "very" or "most": that half of the table, as phrasing's
        # "lefthalf" where it rewrites it: two or more cubes there, and not every cube, are asked among, A1 s18 H128)
        # ("at the left" too, REV s18-R7: no superlative in it either)
        plain = at_edge in ("left", "right") and rest[:1] in (["on"], ["at"]) and \
            not {"far", "very", "most"} & set(rest)
        return Ref("extreme", side=at_edge, noun=noun, color=color, support=at_edge if at_edge in ("left", "right")
                   else None, half=plain, text=text)
    if len(rest) >= 3 and rest[0] in ("left", "right") and rest[1] == "of":
        anchor = parse_object(rest[2:])
        return Ref("side_of", noun=noun, color=color, side=rest[0], anchor=anchor, text=text) if anchor else None
    if len(rest) >= 2 and rest[0] in ("beside", "near", "by"):  # "the cube next to the blue one / the bin"
        region = parse_region(rest[1:])
        anchor = None if region else parse_object(rest[1:])
        if region or anchor:
            return Ref("near", noun=noun, color=color, support=region, anchor=anchor, text=text)
    if rest and rest[0] in ("on", "in", "inside", "ontop"):
        region = parse_region(rest[1:])
        if region:
            return Ref("on", noun=noun, color=color, support=region, text=text)
        anchor = parse_object(rest[1:])
        if anchor:
            return Ref("on", noun=noun, color=color, anchor=anchor, text=text)
    return None


# A cube said to stand by itself, after the relative fillers ("sitting", "standing", "that's", "which is") are dropped:
# one in no stack, neither under nor on another object (dev_s19 fi55-026, fi56-005; seen fi50-000); asked among two
# or more such
_LONE = frozenset({("on", "its", "own"), ("by", "itself"), ("alone",), ("all", "alone"), ("all", "by", "itself"),
                   ("all", "on", "its", "own"), ("on", "its", "lonesome"), ("apart",), ("by", "its", "lonesome")})


# Where a cube stands at the table's edge, said after it: "at the (very) back", "on the far right" -> the extreme's side
# (the back is farthest along the arm's forward axis, as phrasing's "the cube at the back" -> "frontmost").
_EDGES = {"back": "forward", "rear": "forward", "front": "backward", "left": "left", "right": "right"}


def _at_edge(rest: Sequence[str]) -> str | None:
    """The extreme side ``rest`` names ("at the very back", "on the far right"), or None."""
    words = [t for t in rest if t not in ("the", "very", "far", "most")]
    if len(words) == 2 and words[0] in ("at", "on", "in") and words[1] in _EDGES and \
            (words[1] not in ("left", "right") or words[0] != "in"):
        return _EDGES[words[1]]
    return None


_EXTREMES = {"leftmost": "left", "rightmost": "right", "frontmost": "forward", "backmost": "backward",
             "middle": "middle", "nearestbase": "near_base", "farthestbase": "far_base",
             **{f"{side}{nth}": f"{side}#{rank}" for side in ("left", "right")
                for nth, rank in (("second", 2), ("third", 3))}}


def parse_region(toks: Sequence[str]) -> str | None:
    toks = _strip_det([t for t in toks if t not in FILLERS])
    for region, phrases in lx.REGION_PHRASES.items():
        if tuple(toks) in phrases:
            return region
    return None


def parse_direction(toks: Sequence[str]) -> str | None:
    # "far", "very far", "way over": a distance the push's one short step does not go, so unread (A1 s9 G9)
    toks = [t for t in toks if t not in FILLERS and t not in lx.DETERMINERS and t not in ("to", "toward", "towards")]
    if len(toks) == 1:
        return lx.DIRECTION_WORDS.get(toks[0])
    if len(toks) == 2 and toks[0] == "back" and toks[1] == "backward":  # "back toward the robot" (phrasing.py)
        return "backward"
    if len(toks) == 2 and toks[1] in ("side", "ward"):
        return lx.DIRECTION_WORDS.get(toks[0])
    return None


def _noun_phrase(ref: Ref) -> str:
    return ref.text.replace("HELD", "the held object") or ref.kind


def ground(ref: Ref, ctx: Context, *, alternatives: bool = True) -> list[str]:
    """Object names ``ref`` may denote (several only where language is genuinely ambiguous)."""
    try:
        return _ground(ref, ctx, alternatives=alternatives)
    except UngroundedError as exc:
        # a question by place never offers a cube the words exclude ("Don't touch the red cube; put the cube next to
        # the green one in the bin" asked "red or blue?", A1 s9 G30): the rest, or the one left
        rest = [c for c in exc.candidates if c not in ctx.excluded]
        if ref.kind in ("near", "side_of", "extreme", "between") and len(exc.candidates) > 1 and \
                len(rest) < len(exc.candidates):
            if len(rest) == 1:
                return rest
            if rest:
                raise UngroundedError(str(exc), rest) from exc
        raise


def _ground(ref: Ref, ctx: Context, *, alternatives: bool = True) -> list[str]:
    state = ctx.state
    if ref.kind == "it":
        options = [n for n in (ctx.last_primary, ctx.last_target) if n] if alternatives else [ctx.last_primary]
        options = [n for n in options if n] or ([state.holding] if state.holding else [])
        if not options:
            # "stick it on the purple cube" with nothing mentioned: asked, naming the objects it could be (fresh
            # splits indep5, indep6-078); with one such object it is still refused, as nothing names it
            could = [o.name for o in state.objects if o.name not in ctx.excluded]
            raise UngroundedError(f"it is unclear what '{ref.text}' refers to: nothing was mentioned before",
                                  could if len(could) > 1 else ())
        return list(dict.fromkeys(options))
    if ref.kind == "them":
        raise UngroundedError("'them' names several objects, and a step moves one: say each cube ('put the red cube "
                              "and the blue cube on the pad')")
    if ref.kind == "held":
        if state.holding is None:
            raise UngroundedError("the gripper holds nothing")
        return [state.holding]
    if ref.kind == "moved":
        if ctx.last_primary is None:
            raise UngroundedError("'the one you just moved' names nothing: no object was moved before it in "
                                  "this instruction")
        return [ctx.last_primary]
    pool = [o for o in state.objects if ref.noun is None or o.kind == ref.noun]
    if ref.color is not None:
        pool = [o for o in pool if o.color == ref.color]
        if not pool:
            noun = ref.noun or "object"
            raise UngroundedError(f"there is no {ref.color} {noun} in the scene (objects: {', '.join(state.names)})")
    if ref.kind == "generic" and ctx.excluded:
        pool = [o for o in pool if o.name not in ctx.excluded]
        if not pool:
            raise UngroundedError(f"'{ref.text}' names nothing: the instruction excludes every {ref.noun or 'object'}")
    if ref.kind == "not_color":
        rest = [o.name for o in state.objects if (ref.noun is None or o.kind == ref.noun) and o.color != ref.color]
        if len(rest) != 1:
            raise UngroundedError(f"'{ref.text}' is ambiguous: it could be {', '.join(rest) or 'nothing'}", rest)
        return rest
    if ref.kind == "other":
        # "leave the green cube alone and put the other one on the pad": the negation names green, so with two
        # cubes "the other one" is the second (fresh split indep5-019)
        rest = [o.name for o in pool if o.name not in ctx.mentioned and o.name not in ctx.excluded]
        if len(rest) != 1:
            raise UngroundedError(f"'{ref.text}' is ambiguous: {len(rest)} objects were not mentioned yet", rest)
        return rest
    if ref.kind == "extreme" and ref.side == "middle":
        placed = sorted((o for o in pool if o.position is not None), key=lambda o: (o.position or (0.0, 0.0))[1])
        if len(placed) != len(pool) or not pool:
            raise UngroundedError(f"'{ref.text}' needs object positions, which the scene does not give")
        if len(placed) % 2 == 0:
            mid = [o.name for o in placed[len(placed) // 2 - 1:len(placed) // 2 + 1]]
            raise UngroundedError(f"'{ref.text}' is ambiguous: {len(placed)} objects have no single middle one", mid)
        return [placed[len(placed) // 2].name]
    if ref.kind == "near":
        if ref.support is not None:
            apos = state.landmarks.get(ref.support)
            if apos is None:
                raise UngroundedError(f"'{ref.text}': the scene gives no position for the {ref.support}, so what is "
                                      f"next to it is unknown")
            anchor = ref.support
            pool = [o for o in pool if not state.rests_on(o.name, ref.support)]  # next to the bin, not in it
        elif ref.anchor is not None and ref.anchor.kind == "it" and ctx.mentioned:
            # "stack the green cube on whichever cube is nearest to it": "it" is the object last named, the one moved
            anchor = ctx.mentioned[-1]
            apos = state.get(anchor).position
        else:
            anchor = ground(ref.anchor, ctx, alternatives=False)[0]  # type: ignore[arg-type]
            apos = state.get(anchor).position
        if apos is None or any(o.position is None for o in pool):
            raise UngroundedError(f"'{ref.text}' needs object positions, which the scene does not give")
        dist = sorted((math.dist((o.position or apos)[:2], apos[:2]), o.name) for o in pool if o.name != anchor)
        if not dist:
            raise UngroundedError(f"there is no object next to the {anchor.replace('_', ' ')}")
        near = [n for d, n in dist if d - dist[0][0] < _NEAR_TIE_M]
        if len(near) > 1:
            raise UngroundedError(f"'{ref.text}' is ambiguous: {', '.join(near)} are equally close", near)
        return near
    if ref.kind == "extreme" and ref.support is not None and any(state.rests_on(o.name, ref.support)
                                                                 for o in state.objects):
        # "the cube on the right" where a cube stands in the right region: that one, or the rightmost?
        raise UngroundedError(f"'{ref.text}': the cube in the {ref.support} region or the {ref.support}most one is "
                              f"unclear")
    if ref.kind == "extreme" and ref.half:
        # "the cube on the left side of the table" where two or more cubes stand on that half and others do not
        # (phrasing.py writes "the lefthalf cube" then): the words name that group, not its outermost one (f26-057,
        # red and yellow both on the left); asked among them
        sign = 1.0 if ref.side == "left" else -1.0
        half = [o.name for o in pool if o.position is not None and sign * o.position[1] > HALF_MARGIN_M]
        if 1 < len(half) < len(pool):
            raise UngroundedError(f"'{ref.text}' is ambiguous: {', '.join(half)} are all on the {ref.side} side", half)
        if ref.color is not None and len(pool) == 1 and not half:
            # "the blue cube on the left" with one blue cube: the words say where that cube stands, and it stands
            # elsewhere (the other half, or the middle): not the cube they describe (A1 s18 H135); with two blue cubes
            # it is the one of them farther that way, read below
            raise UngroundedError(f"'{ref.text}': the {ref.color} {ref.noun or 'object'} is not on the {ref.side} side "
                                  f"of the table")
    if ref.kind == "extreme":
        placed = [o for o in pool if o.position is not None]
        if len(placed) != len(pool) or not pool:
            raise UngroundedError(f"'{ref.text}' needs object positions, which the scene does not give")
        # "closest to the robot" measures from the base (the scene's origin) in the table's plane
        end, _, nth = (ref.side or "").partition("#")
        rank = int(nth) - 1 if nth else 0  # "the second cube from the left": index 1 counted from that side
        if end in ("near_base", "far_base"):
            sign = -1.0 if end == "near_base" else 1.0
            scores = sorted(((sign * math.hypot(*(o.position or (0.0, 0.0))[:2]), o.name) for o in placed),
                            reverse=True)
        else:
            axis, sign = {"left": (1, 1.0), "right": (1, -1.0), "forward": (0, 1.0)}.get(end, (0, -1.0))
            scores = sorted(((sign * (o.position or (0.0, 0.0, 0.0))[axis], o.name) for o in placed), reverse=True)
        if rank >= len(scores):
            raise UngroundedError(f"'{ref.text}': there are only {len(scores)} such objects")
        tied = [n for v, n in scores if abs(scores[rank][0] - v) < _NEAR_TIE_M]
        if len(tied) > 1:  # two objects equally far out: ask, never pick one by the scene's order
            raise UngroundedError(f"'{ref.text}' is ambiguous: {', '.join(tied)} are level", tied)
        return tied
    if ref.kind == "between" and ref.anchor is not None and ref.second is not None:
        return _between(ref, pool, ctx)
    if ref.kind == "side_of" and ref.anchor is not None and ref.side is not None:
        anchor = ground(ref.anchor, ctx, alternatives=False)[0]
        apos = state.get(anchor).position
        sign = 1.0 if ref.side == "left" else -1.0  # left is +y from the robot's viewpoint
        if apos is None or any(o.position is None for o in pool):
            raise UngroundedError(f"'{ref.text}' needs object positions, which the scene does not give")
        side = sorted((sign * ((o.position or apos)[1] - apos[1]), o.name) for o in pool if o.name != anchor)
        side = [s for s in side if s[0] > 0]
        if not side:
            raise UngroundedError(f"there is no object {ref.side} of the {anchor.replace('_', ' ')}")
        names = [n for _, n in side]
        level = [n for d, n in side if d - side[0][0] < _NEAR_TIE_M]
        if len(level) > 1:  # two cubes as far out on that side: asked, never picked by name (A1 s9, G1)
            raise UngroundedError(f"'{ref.text}' is ambiguous: {', '.join(level)} are as far {ref.side} of the "
                                  f"{anchor.replace('_', ' ')}", level)
        if len(names) > 1 and not all(_in_line(state, anchor, names[0], far) for far in names[1:]):
            # two cubes on that side, not in a row with the anchor: "the cube left of the blue one" names neither
            # more than the other, so it is asked (fresh_fr_de_11 d11-023); in a row it is the next one along
            raise UngroundedError(f"'{ref.text}' is ambiguous: {', '.join(names)} are all {ref.side} of the "
                                  f"{anchor.replace('_', ' ')}", names)
        return names[:1]
    if ref.kind == "top":
        # "the top cube" names the one cube resting on another; with two stacks it is asked, never guessed
        # (fresh split indep8-076: the model picked one of two)
        upper = {high for stack in state.stacks() for high in stack[1:]}
        tops = [o.name for o in pool if (state.on.get(o.name) in state.names or o.name in upper)
                and state.is_clear(o.name)]
        if len(tops) != 1:
            raise UngroundedError(f"'{ref.text}' is ambiguous: {len(tops)} objects are on top of others"
                                  if tops else f"'{ref.text}' names nothing: no object is on top of another", tops)
        return tops
    if ref.kind == "lone":
        stacked = {name for stack in state.stacks() for name in stack}
        lone = [o.name for o in pool if o.name not in stacked and state.on.get(o.name) not in state.names]
        if len(lone) != 1:
            raise UngroundedError(f"'{ref.text}' is ambiguous: {', '.join(lone)} stand on their own" if lone else
                                  f"'{ref.text}' names nothing: every {ref.noun or 'object'} is in a stack", lone)
        return lone
    if ref.kind == "on":
        support = ref.support
        if support is None and ref.anchor is not None:
            support = ground(ref.anchor, ctx, alternatives=False)[0]
        # an object on another: from ``on``, or from positions where the scene gives only those (scene_state.stacks)
        shown = {(low, high) for stack in state.stacks() for low, high in itertools.pairwise(stack)}
        found = [o.name for o in pool if state.on.get(o.name) == support or (support, o.name) in shown]
        if len(found) != 1:
            where = (support or "?").replace("_", " ")
            raise UngroundedError(f"'{ref.text}': {len(found)} objects rest on the {where}, need exactly one")
        return found
    # color or generic
    names = [o.name for o in pool]
    if len(names) != 1:
        raise UngroundedError(f"'{_noun_phrase(ref)}' is ambiguous: it could be {', '.join(names) or 'nothing'}",
                              names)
    return names


def _on_segment(p: Sequence[float], a: Sequence[float], b: Sequence[float]) -> bool:
    """Whether ``p`` stands between ``a`` and ``b`` in the table's plane: its foot on the segment joining them falls
    strictly inside it, and it is closer to that segment than a quarter of the segment's length."""
    span = (b[0] - a[0], b[1] - a[1])
    length2 = span[0] ** 2 + span[1] ** 2
    if length2 == 0.0:
        return False
    t = ((p[0] - a[0]) * span[0] + (p[1] - a[1]) * span[1]) / length2
    off = abs((p[0] - a[0]) * span[1] - (p[1] - a[1]) * span[0]) / math.sqrt(length2)
    return 0.0 < t < 1.0 and off < 0.25 * math.sqrt(length2)


_ROW_ANGLE = math.radians(35.0)  # cubes seen from the anchor within this angle of each other stand in one row


def _in_line(state: SceneState, anchor: str, near: str, far: str) -> bool:
    """Whether ``near`` and ``far`` stand in one row outward from ``anchor`` (seen from it, their directions differ
    by less than ``_ROW_ANGLE``): there "the cube left of the anchor" is the next one along, ``near``."""
    a, n, f = (state.get(name).position for name in (anchor, near, far))
    if a is None or n is None or f is None:
        return False
    u, v = (n[0] - a[0], n[1] - a[1]), (f[0] - a[0], f[1] - a[1])
    norms = math.hypot(*u) * math.hypot(*v)
    return norms > 0.0 and (u[0] * v[0] + u[1] * v[1]) / norms > math.cos(_ROW_ANGLE)


def _between(ref: Ref, pool: Sequence[SceneObject], ctx: Context) -> list[str]:
    """The one object of ``pool`` standing between the two anchors (``_on_segment``); several are asked."""
    ends = [ground(r, ctx, alternatives=False)[0] for r in (ref.anchor, ref.second) if r is not None]
    if ends[0] == ends[1]:
        raise UngroundedError(f"'{ref.text}' names the same object twice")
    a, b = (ctx.state.get(n).position for n in ends)
    if a is None or b is None or any(o.position is None for o in pool):
        raise UngroundedError(f"'{ref.text}' needs object positions, which the scene does not give")
    found = [o.name for o in pool if o.name not in ends and _on_segment(o.position or a, a, b)]
    if len(found) != 1:
        raise UngroundedError(f"'{ref.text}' is ambiguous: it could be {', '.join(found)}" if found else
                              f"'{ref.text}' names nothing: no object stands between them", found)
    return found


# A slot said again after a break, in its place (dev_s16 fi46-010/-032/-037/-040/-060/-077): "set the orange cube on
# top of the red... the purple, I mean, the purple one", "move every cube to the left side... to the right side, I
# mean", "except the green... except the yellow, sorry", "the orange underneath it... no, sorry, the purple underneath
# it", "the one nearest to me... nearest to you, I should say... on the pad", "on the... oh dear, what's the word... on
# the other one". The repair Y follows a break ("..."; a dash is speech_act.self_corrected's) with a word of repair
# before or after it (a pause alone may be the next step: "Push the red cube left... right." stays unread, A1 H102),
# and matches the words just before the break, X, from the last word of X that opens Y: either word for word but one
# slot word (a colour, a side, a place, a person, a way) or X cut short ("on the") and Y completing it. Y replaces X.
# Nothing is repaired where the words negate, where two breaks repair, or where Y is any other shape ("put red on the
# blue... the green on the pad").
_REPAIR_WORDS = (r"(?:no+|nope|sorry|oops|wait|oh dear|oh|er+m?|u+m+|u+h+|hmm+|actually|i mean|i meant|correction|"
                 r"what'?s the word|what is the word|how do you say|let me see|let's see)")
_REPAIR_BREAK = re.compile(r"(?P<gap>\s*(?:\.{2,}|…)\s*)"
                           rf"(?P<said>(?:{_REPAIR_WORDS}\b\s*[,.!?…\-–—]*\s*)*)")
_REPAIR_AFTER = re.compile(r"^\s*,?\s*(?:i mean|i meant|sorry|i should say|or rather|rather|that is)\b\s*"
                           r"(?:[,!]\s*)?")
_SLOT_KINDS: dict[str, str] = {
    **{c: "colour" for c in lx.COLOR_WORDS},
    **{w: "place" for w in ("left", "right", "bin", "pad", "trash", "forward", "backward", "forwards", "backwards",
                            "front", "back")},
    **{w: "person" for w in ("me", "you", "us", "robot")},
    **{w: "rank" for w in ("nearest", "closest", "farthest", "furthest", "leftmost", "rightmost")},
    **{w: "level" for w in ("top", "bottom", "middle")},
}
_PREPOSITIONS = frozenset({"in", "into", "on", "onto", "to", "inside", "upon", "atop"})
_FILLER_TAIL = frozenset({"one", "cube", "block", "brick", "side"})
_OPEN_WORDS = frozenset({"the", "a", "on", "in", "onto", "into", "to", "of", "at", "upon", "atop"})
_NEGATING = re.compile(r"\b(?:not|don't|dont|never|no longer|without|nor|neither)\b|n't\b")


def _repairs(slip: list[str], said: list[str]) -> bool:
    """Whether ``said`` says ``slip`` again with one slot word changed (a preposition may change with a place), or
    completes ``slip`` cut short."""
    if len(slip) < len(said) and said[:len(slip)] == slip and slip[-1] in _OPEN_WORDS:
        return True
    a = ["PREP" if w in _PREPOSITIONS else w for w in slip if w not in _FILLER_TAIL]
    b = ["PREP" if w in _PREPOSITIONS else w for w in said if w not in _FILLER_TAIL]
    if len(a) != len(b) or not a:
        return False
    changed = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(changed) == 1 and _SLOT_KINDS.get(changed[0][0], "?") == _SLOT_KINDS.get(changed[0][1], "!")


def _slip_before(clause: list[str], said: list[str]) -> list[str] | None:
    """The words of ``clause`` that ``said`` repairs: from the last word that opens ``said`` (a preposition for a
    preposition), or the last word alone where ``said`` is one slot word of its kind ("left... right")."""
    opens = {said[0]} | (_PREPOSITIONS if said[0] in _PREPOSITIONS else set())
    starts = [k for k, w in enumerate(clause) if w in opens]
    if starts and _repairs(clause[starts[-1]:], said):
        return clause[starts[-1]:]
    if len(said) == 1 and clause and _repairs(clause[-1:], said):
        return clause[-1:]
    return None


def repaired(text: str) -> str | None:
    """``text`` (lower case) with its one repaired slot put in place of the slip (above); None where it holds none."""
    if _NEGATING.search(text):
        return None
    found: list[tuple[int, int, str]] = []
    aligned = 0
    for brk in _REPAIR_BREAK.finditer(text):
        tail = text[brk.end():]
        said_m = re.match(r"[a-z' ]+", tail)
        if said_m is None:
            continue
        said = said_m.group(0).split()
        if not said:
            continue
        before = text[:brk.start()]
        slip = _slip_before(re.split(r"[,;:.!?…]", before)[-1].split(), said)
        if slip is None:
            continue
        aligned += 1
        rest = tail[said_m.end():]
        after = _REPAIR_AFTER.match(rest)
        if after is not None:
            rest = rest[after.end():]
            # the repair said once more in apposition ("the purple, I mean, the purple one"): once
            again = re.match(r"(?:the |a )?([a-z]+)(?: (?:one|cube|block|brick))?(?=\s*(?:$|[,.;!?…]))", rest)
            if again is not None and again.group(1) in said:
                rest = rest[again.end():]
        # ... or confirmed in a sentence of its own ("on the... hmm, on the yellow one. Yeah, the yellow.", f23-061)
        confirmed = re.match(r"\s*[.!]\s*(?:yeah|yes|yep|yup|right|exactly)\s*,?\s*(?:the |a )?([a-z]+)(?: (?:one|cube|"
                             r"block|brick))?\s*(?=[.!]|$)", rest)
        if confirmed is not None and confirmed.group(1) in said and _SLOT_KINDS.get(confirmed.group(1)):
            rest = rest[confirmed.end():]
        if not brk.group("said") and after is None:
            continue  # "left... right", "on the green... the blue" with no word of repair: the next step, or a repair?
        rest = re.sub(r"^\s*(?:\.{2,}|…)\s*(?=[a-z])", " ", rest)
        slip_at = len(before) - len(" ".join(slip)) if before.endswith(" ".join(slip)) else None
        if slip_at is None:
            continue
        found.append((slip_at, len(text) - len(rest), " ".join(said)))
    if len(found) != 1 or aligned != 1:
        return None
    start, end, said_words = found[0]
    rest = text[end:] if text[end:][:1] in ",.;!?" else " " + text[end:].lstrip()
    return re.sub(r"\s+", " ", f"{text[:start]}{said_words}{rest}").strip()
