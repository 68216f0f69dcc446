"""Deterministic semantic parser: instruction -> candidate grounded plans, or a refusal with its reason.

It splits the instruction into clauses, reads each as an action (pick / place / push / home) over object
mentions ("the crimson block", "it", "the other one", "the cube left of the blue one", "the cube on the
pad"), grounds every mention in the scene and builds the plan while simulating the effects. Where the
language is ambiguous (what "it" refers to, where an object phrase ends) it returns every reading that
grounds; a ranker (the language model) chooses among them. A mention that does not ground is a refusal,
never a guess.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from policies.planner import lexicon as lx
from policies.planner.plan import Plan, Refusal, Step
from policies.planner.scene_state import SceneState
from policies.planner.skills import apply_step, check_plan, step_error

MAX_CANDIDATES = 8

# Phrases rewritten before parsing: the held object, idioms that carry no meaning for the plan.
_REWRITES: tuple[tuple[str, str], ...] = (
    (r"\b(the (cube|block|one|object|thing) (that )?you are holding|what you are holding|what you hold|"
     r"the held (cube|block|object)|the (cube|block|object) in (the|your) (gripper|hand))\b", " HELD "),
    (r"\bbuild a tower by\b", " "),
    (r"\bbuild a tower with\b", " stack "),
    (r"\btake hold of\b", " take "),
    (r"\b(off|from) the table\b", " "),
    (r"\bof the table\b", " "),
    (r"\bdo the same with\b", " SAME "),
    (r"\bto the (left|right) of\b", r" \1 of "),
    (r"\bon top of\b", " ontop "),
    (r"\btoward(s)? me\b", " backward "),
)
_FILLERS = frozenset({"please", "could", "you", "can", "would", "kindly", "up", "down", "a", "an", "bit", "little",
                      "over", "now", "carefully", "gently", "just", "then", "and", "go", "robot", "arm", "slightly"})
_DEST_PREPS = frozenset({"on", "onto", "in", "into", "inside", "to", "toward", "towards", "ontop", "at"})
_REL_FILLERS = frozenset({"that", "which", "is", "sitting", "resting", "lying", "standing", "currently", "placed"})
_VERBS = lx.PICK_VERBS | lx.PLACE_VERBS | lx.PUSH_VERBS


# ----------------------------------------------------------------------------------------- mentions
@dataclass(frozen=True)
class Ref:
    """An object mention before grounding."""

    kind: str  # color | it | other | held | generic | side_of | extreme | on
    color: str | None = None
    noun: str | None = None
    side: str | None = None
    anchor: Ref | None = None
    support: str | None = None  # a region name, or None when ``anchor`` is the support object
    text: str = ""


@dataclass(frozen=True)
class Action:
    verb: str  # pick | place | push | home | same
    obj: Ref | None = None
    region: str | None = None
    target: Ref | None = None
    direction: str | None = None


@dataclass
class Context:
    """What grounding needs across clauses: the simulated state and the objects mentioned so far."""

    state: SceneState
    mentioned: list[str] = field(default_factory=list)
    last_primary: str | None = None
    last_target: str | None = None


class UngroundedError(Exception):
    """A mention that names nothing in the scene; carries the refusal reason."""


def _tokens(text: str) -> list[str]:
    text = " " + text.lower().replace("’", "'") + " "
    for pattern, repl in _REWRITES:
        text = re.sub(pattern, repl, text)
    text = re.sub(r"([,;:.!?])", r" \1 ", text)
    return [t for t in text.split() if t]


def _strip_det(toks: Sequence[str]) -> list[str]:
    return [t for t in toks if t not in lx.DETERMINERS or len(toks) == 1]


def parse_object(toks: Sequence[str]) -> Ref | None:
    """Parse a whole token span as one object mention, or None."""
    toks = [t for t in toks if t not in _FILLERS]
    text = " ".join(toks)
    if toks in (["it"], ["that"], ["this"], ["them"]):
        return Ref("it", text=text)
    if toks == ["HELD"]:
        return Ref("held", text=text)
    toks = _strip_det(toks)
    if not toks:
        return None
    if toks[0] == "other":
        rest = toks[1:]
        if len(rest) <= 1 and (not rest or rest[0] in lx.KIND_WORDS):
            return Ref("other", noun=lx.KIND_WORDS.get(rest[0]) if rest else None, text=text)
        return None
    if toks[0] in ("leftmost", "rightmost", "frontmost", "backmost") and len(toks) == 2 and toks[1] in lx.KIND_WORDS:
        side = {"leftmost": "left", "rightmost": "right", "frontmost": "forward", "backmost": "backward"}[toks[0]]
        return Ref("extreme", side=side, noun=lx.KIND_WORDS[toks[1]], text=text)
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
    # relative clauses: "left of <np>", "on <region|np>", "that is on top of <np>"
    if len(rest) >= 3 and rest[0] in ("left", "right") and rest[1] == "of":
        anchor = parse_object(rest[2:])
        return Ref("side_of", noun=noun, color=color, side=rest[0], anchor=anchor, text=text) if anchor else None
    rest = [t for t in rest if t not in _REL_FILLERS]
    if rest and rest[0] in ("on", "in", "inside", "ontop"):
        region = parse_region(rest[1:])
        if region:
            return Ref("on", noun=noun, color=color, support=region, text=text)
        anchor = parse_object(rest[1:])
        if anchor:
            return Ref("on", noun=noun, color=color, anchor=anchor, text=text)
    return None


def parse_region(toks: Sequence[str]) -> str | None:
    toks = _strip_det([t for t in toks if t not in _FILLERS])
    for region, phrases in lx.REGION_PHRASES.items():
        if tuple(toks) in phrases:
            return region
    return None


def parse_direction(toks: Sequence[str]) -> str | None:
    toks = [t for t in toks if t not in _FILLERS and t not in lx.DETERMINERS and t not in ("to", "toward", "towards")]
    if len(toks) == 1:
        return lx.DIRECTION_WORDS.get(toks[0])
    if len(toks) == 2 and toks[1] in ("side", "ward"):
        return lx.DIRECTION_WORDS.get(toks[0])
    return None


# ------------------------------------------------------------------------------------------ clauses
def split_clauses(toks: list[str]) -> list[list[str]]:
    """Cut at clause breaks ("then", "after that", ";") and at "and"/"," before a verb or "the other"."""
    clauses: list[list[str]] = [[]]
    i = 0
    while i < len(toks):
        brk = next((p for p in lx.CLAUSE_BREAKS if tuple(toks[i:i + len(p)]) == p), None)
        if brk:
            clauses.append([])
            i += len(brk)
            continue
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if t in (";", ":", ".", "!", "?"):
            clauses.append([])
        elif t in (",", "and"):
            after = toks[i + 1:i + 3]
            if nxt in _VERBS or nxt in ("SAME", ",", "and") or after == ["the", "other"] or nxt == "other":
                clauses.append([])
            elif t == "and":
                clauses[-1].append(t)
        else:
            clauses[-1].append(t)
        i += 1
    return [c for c in clauses if c]


def parse_clause(toks: list[str], previous: Action | None) -> list[Action]:
    """Every reading of one clause (empty: not understood)."""
    if any(tuple(toks[i:i + len(p)]) == p for p in lx.HOME_PHRASES for i in range(len(toks))) and not any(
            t in lx.KIND_WORDS or t in lx.COLOR_WORDS for t in toks):
        return [Action("home")]
    if toks and toks[0] == "SAME":
        obj = parse_object(toks[1:])
        if obj is None or previous is None or previous.verb in ("home", "same"):
            return []
        return [Action(previous.verb, obj=obj, region=previous.region, target=previous.target,
                       direction=previous.direction)]
    verb_at = next((i for i, t in enumerate(toks) if t in _VERBS), None)
    if verb_at is None:
        if previous is None or previous.verb not in ("place", "push"):
            return []
        verb_class, body = previous.verb, toks  # "... and the other one in the bin": the verb carries over
    else:
        v = toks[verb_at]
        verb_class = "push" if v in lx.PUSH_VERBS else "pick" if v in lx.PICK_VERBS else "place"
        body = toks[verb_at + 1:]
    body = [t for t in body if t not in _FILLERS and t not in (",",)]
    readings: list[Action] = []
    if verb_class == "push":
        for p in range(len(body) - 1, 0, -1):
            direction = parse_direction(body[p:])
            obj = parse_object(body[:p])
            if direction and obj:
                readings.append(Action("push", obj=obj, direction=direction))
        if readings:
            return readings
        verb_class = "place"  # "push the red cube onto the pad": a region goal, reached by pick and place
    if verb_class == "pick":
        obj = parse_object(body)
        if obj:
            readings.append(Action("pick", obj=obj))
    for p, t in enumerate(body):
        if t not in _DEST_PREPS or p == 0:
            continue
        obj = parse_object(body[:p])
        if obj is None:
            continue
        region = parse_region(body[p + 1:])
        if region:
            readings.append(Action("place", obj=obj, region=region))
            continue
        target = parse_object(body[p + 1:])
        if target and t in ("on", "onto", "ontop", "to"):
            readings.append(Action("place", obj=obj, target=target))
    return readings


# ---------------------------------------------------------------------------------------- grounding
def _noun_phrase(ref: Ref) -> str:
    return ref.text.replace("HELD", "the held object") or ref.kind


def ground(ref: Ref, ctx: Context, *, alternatives: bool = True) -> list[str]:
    """Object names ``ref`` may denote (several only where language is genuinely ambiguous)."""
    state = ctx.state
    if ref.kind == "it":
        options = [n for n in (ctx.last_primary, ctx.last_target) if n] if alternatives else [ctx.last_primary]
        options = [n for n in options if n] or ([state.holding] if state.holding else [])
        if not options:
            raise UngroundedError(f"it is unclear what '{ref.text}' refers to: nothing was mentioned before")
        return list(dict.fromkeys(options))
    if ref.kind == "held":
        if state.holding is None:
            raise UngroundedError("the gripper holds nothing")
        return [state.holding]
    pool = [o for o in state.objects if ref.noun is None or o.kind == ref.noun]
    if ref.color is not None:
        pool = [o for o in pool if o.color == ref.color]
        if not pool:
            noun = ref.noun or "object"
            raise UngroundedError(f"there is no {ref.color} {noun} in the scene (objects: {', '.join(state.names)})")
    if ref.kind == "other":
        rest = [o.name for o in pool if o.name not in ctx.mentioned]
        if len(rest) != 1:
            raise UngroundedError(f"'{ref.text}' is ambiguous: {len(rest)} objects were not mentioned yet")
        return rest
    if ref.kind == "extreme":
        axis, sign = {"left": (1, 1.0), "right": (1, -1.0), "forward": (0, 1.0)}.get(ref.side or "", (0, -1.0))
        placed = [o for o in pool if o.position is not None]
        if len(placed) != len(pool) or not pool:
            raise UngroundedError(f"'{ref.text}' needs object positions, which the scene does not give")
        return [max(placed, key=lambda o: sign * (o.position or (0.0, 0.0, 0.0))[axis]).name]
    if ref.kind == "side_of" and ref.anchor is not None and ref.side is not None:
        anchor = ground(ref.anchor, ctx, alternatives=False)[0]
        apos = state.get(anchor).position
        sign = 1.0 if ref.side == "left" else -1.0  # left is +y from the robot's viewpoint
        if apos is None or any(o.position is None for o in pool):
            raise UngroundedError(f"'{ref.text}' needs object positions, which the scene does not give")
        side = [(sign * ((o.position or apos)[1] - apos[1]), o.name) for o in pool if o.name != anchor]
        side = [s for s in side if s[0] > 0]
        if not side:
            raise UngroundedError(f"there is no object {ref.side} of the {anchor.replace('_', ' ')}")
        return [min(side)[1]]
    if ref.kind == "on":
        support = ref.support
        if support is None and ref.anchor is not None:
            support = ground(ref.anchor, ctx, alternatives=False)[0]
        found = [o.name for o in pool if state.on.get(o.name) == support]
        if len(found) != 1:
            where = (support or "?").replace("_", " ")
            raise UngroundedError(f"'{ref.text}': {len(found)} objects rest on the {where}, need exactly one")
        return found
    # color or generic
    names = [o.name for o in pool]
    if len(names) != 1:
        raise UngroundedError(f"'{_noun_phrase(ref)}' is ambiguous: it could be {', '.join(names) or 'nothing'}")
    return names


def _steps_for(action: Action, obj: str | None, target: str | None, state: SceneState) -> list[Step]:
    if action.verb == "home":
        return [Step(skill="go_home", args={})]
    if obj is None:
        return []
    if action.verb == "pick":
        return [] if state.holding == obj else [Step(skill="pick", args={"object": obj})]
    if action.verb == "push":
        return [Step(skill="push", args={"object": obj, "direction": action.direction or ""})]
    if state.holding != obj and state.on.get(obj) == (action.region or target):
        return []  # already there: a replan from the re-observed scene skips what is done
    steps = [] if state.holding == obj else [Step(skill="pick", args={"object": obj})]
    if action.region is not None:
        return [*steps, Step(skill="place_in", args={"region": action.region})]
    return [*steps, Step(skill="place_on", args={"object": target or ""})]


def _realise(actions: Sequence[Action], state: SceneState) -> list[Plan]:
    """All plans for one reading of the clauses (several where "it" is ambiguous)."""
    plans: list[tuple[list[Step], Context]] = [([], Context(state=state))]
    for action in actions:
        nxt: list[tuple[list[Step], Context]] = []
        for steps, ctx in plans:
            objs: list[str | None] = list(ground(action.obj, ctx)) if action.obj else [None]
            for obj in objs:
                local = Context(state=ctx.state, mentioned=[*ctx.mentioned, *([obj] if obj else [])],
                                last_primary=ctx.last_primary, last_target=ctx.last_target)
                targets: list[str | None] = list(ground(action.target, local)) if action.target else [None]
                for target in targets:
                    new = _steps_for(action, obj, target, ctx.state)
                    s = ctx.state
                    for step in new:
                        if step_error(s, step) is None:
                            s = apply_step(s, step)
                    mentioned = [*local.mentioned, *([target] if target else [])]
                    nxt.append(([*steps, *new], Context(state=s, mentioned=mentioned, last_primary=obj or
                                                        ctx.last_primary, last_target=target)))
        plans = nxt[:MAX_CANDIDATES]
    return [Plan(steps=tuple(steps)) for steps, _ in plans]


@dataclass(frozen=True)
class ParseResult:
    """Readings that pass the checker (best first), or else a refusal; ``raw`` is the first reading found.

    ``unread`` marks a refusal because a clause matched no known construction (as opposed to a reasoned
    refusal: a mention that grounds to nothing, an impossible goal): only those may go to the model.
    """

    candidates: tuple[Plan, ...]
    refusal: Refusal | None
    raw: Plan | None = None
    unread: bool = False


def parse(instruction: str, state: SceneState) -> ParseResult:
    clauses = split_clauses(_tokens(instruction))
    if not clauses:
        return ParseResult((), Refusal(reason="the instruction is empty"))
    per_clause: list[list[Action]] = []
    previous: Action | None = None
    for clause in clauses:
        readings = parse_clause(clause, previous)
        if not readings:
            return ParseResult((), Refusal(reason=f"could not understand '{' '.join(clause)}': no known action "
                                                  f"over the objects ({', '.join(state.names)}) and regions "
                                                  f"({', '.join(state.regions)})"), unread=True)
        per_clause.append(readings)
        previous = readings[0]
    valid: list[Plan] = []
    first_plan: Plan | None = None
    first_error: str | None = None
    for combo in itertools.islice(itertools.product(*per_clause), 64):
        try:
            plans = _realise(combo, state)
        except UngroundedError as exc:
            first_error = first_error or str(exc)
            continue
        for plan in plans:
            first_plan = first_plan or plan
            if not plan.steps:
                continue
            if check_plan(state, plan) is None and plan not in valid:
                valid.append(plan)
    if valid:
        return ParseResult(tuple(valid[:MAX_CANDIDATES]), None, raw=valid[0])
    if first_plan is not None and first_plan.steps:
        checked = check_plan(state, first_plan)
        reason = checked.reason if checked else "no reading of the instruction gives a plan"
        return ParseResult((), Refusal(reason=reason), raw=first_plan)
    if first_plan is not None and first_error is None:  # every reading is already satisfied in this scene
        return ParseResult((first_plan,), None, raw=first_plan)
    return ParseResult((), Refusal(reason=first_error or "no reading of the instruction gives a plan"))
