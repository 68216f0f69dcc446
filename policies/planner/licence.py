"""What the words of an instruction license the language model's plan to touch, and the acceptance rule.

The fallback hands the 270M model instructions the parser could not read. Left free, it runs confident wrong
plans (issue #5: 18 on the devset): "away from you" became a push to the left, "into the bin" a place on the
right side, "do a little dance" a push. So every argument of a step must be licensed by a word of the
instruction (a colour or position word for an object, a region word for a place, a direction word for a push,
a verb for a push or going home), options outside the licence are never offered to the model, and the finished
plan must cover what the words ask for (each named object moved, each named place used). What is not licensed
is refused with the reason: a refusal costs a re-phrasing, a wrong plan moves the arm.
Pure logic over words and the symbolic scene; no model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from policies.planner import lexicon as lx
from policies.planner.plan import Step
from policies.planner.scene_state import SceneState
from policies.planner.speech_act import speech_act_refusal

_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|[^a-z\s]")
BIN_WORDS = frozenset({"bin", "trash", "basket", "container", "bucket", "garbage", "rubbish", "waste"})
PAD_WORDS = frozenset({"pad", "mat", "platform", "target", "square"})
# Push verbs by stem, so "pushed", "sliding", "nudges" count too; "pull" pushes towards the base.
_PUSH_STEMS = ("push", "slid", "nudg", "shov", "pull", "drag", "bump", "pok", "scoot", "roll")
_SIDE_NOUNS = frozenset({"side", "half", "area", "region", "part", "hand"})  # "right-hand side"
_SMALL_MOVE = frozenset({"bit", "little", "slightly", "tad", "touch", "smidge", "inch", "inches", "cm", "few"})
_PICK_VERBS = lx.PICK_VERBS | frozenset({"picks", "grabs", "lifts", "takes", "fetching", "hold", "holding", "pickup"})
# "rest" and "start" alone are no home ("put the rest in the bin", "start with the red cube"): only before
# "pose"/"position", like "initial" and "ready".
HOME_WORDS = frozenset({"home", "resting", "started"})
_HOME_BEFORE_POSE = frozenset({"rest", "start", "starting", "initial", "ready", "resting"})
_RESTS_ON = frozenset({"on", "onto", "upon", "atop", "in", "inside", "within", "against", "beside", "next", "near"})
FORWARD_WORDS = frozenset({"forward", "forwards", "away", "ahead", "further"})
BACKWARD_WORDS = frozenset({"back", "backward", "backwards", "closer", "nearer"})
_SUPERLATIVE = frozenset({"furthest", "farthest", "far", "most", "very"})
_CENTRE = frozenset({"middle", "center", "centre", "central"})
_OTHER = frozenset({"other", "another", "remaining", "rest"})
_ANCHOR_PREPS = frozenset({"of", "off", "from", "beside", "next", "near", "by", "besides"})
_DEST_ON = frozenset({"on", "onto", "atop", "top", "ontop", "upon"})  # "rest it upon the green cube"
# A question asks about the scene; nothing in it licenses moving the arm ("what colour is the middle cube?").
_QUESTION_WORDS = frozenset({"what", "which", "why", "who", "whose", "when", "where", "how"})


@dataclass(frozen=True)
class Licence:
    """The objects, regions and directions the words name, the skills they ask for, and what must be covered.

    ``objects``: objects a step may touch; ``targets``: those named after "on" (place_on destinations);
    ``required_objects``: named by colour as a thing to move or a
    destination (not as an anchor, "the cube off the red one"), so the plan must touch each; ``regions`` and
    ``directions``: the places and push directions named; ``side_words``: left/right words, each covered by
    a place_in or a push in that direction; ``push``/``home``/``pick_verb``: a push verb / a home word / a
    pick verb was used (a plan that ends holding an object needs one: "make the yellow cube bigger" does not
    ask to pick it up).
    """

    objects: frozenset[str]
    required_objects: frozenset[str]
    regions: frozenset[str]
    directions: frozenset[str]
    side_words: frozenset[str]
    push: bool
    home: bool
    targets: frozenset[str]
    side_place: bool
    pick_verb: bool
    question: bool
    # Objects every colour mention of which is right after "on"/"onto"/"on top of", or an anchor ("next to red"): where
    # a cube goes or is, never what moves ("grab the one at the back and stack it on the yellow cube": the model
    # picked yellow and stopped).
    destinations_only: frozenset[str] = frozenset()
    # The verbs said, by the skill each asks for ("pick", "place", "push"), one entry per verb as written: every one
    # must be accounted for by a step of its skill ("pick up the red cube and put it down" ran the pick alone, A1
    # s9 G10). A verb whose clause sends the arm home ("move back home") is no place or pick.
    verbs: tuple[tuple[str, str], ...] = ()
    # "the stack", "that stack": a group of cubes said as one object, which no step moves whole.
    group_noun: str | None = None

    def allows(self, step: Step) -> bool:
        """True when every argument of ``step`` is named by the instruction."""
        if step.skill == "go_home":
            return self.home
        if step.skill == "place_in":
            return step.args.get("region") in self.regions
        if step.skill == "place_on":
            return step.args.get("object") in self.targets
        if step.args.get("object") in self.destinations_only:
            return False  # a pick or push of what the words name only as a place to stack on
        if step.skill == "push":
            return self.push and step.args.get("object") in self.objects and step.args.get("direction") in \
                self.directions
        return step.args.get("object") in self.objects  # pick

    def uncovered(self, steps: Sequence[Step]) -> str | None:
        """What the words ask for that ``steps`` leave out, as a phrase for the refusal; None when covered."""
        touched = {s.args["object"] for s in steps if "object" in s.args}
        missing = sorted(self.required_objects - touched)
        if missing:
            return f"it does not touch {', '.join(missing)}"
        placed = {s.args["region"] for s in steps if s.skill == "place_in"}
        pushed = {s.args["direction"] for s in steps if s.skill == "push"}
        for region in sorted(self.regions - self.side_words):
            if region not in placed:
                return f"it never places anything in the {region}"
        for side in sorted(self.side_words):
            if side not in placed and side not in pushed:
                return f"it never uses the {side} the instruction names"
            if side in placed and not self.side_place:
                # "... to the right" without a place verb or "side" may mean a push ("puhs the red cube to
                # the rigth" became pick and place on the tune split): refuse rather than guess.
                return f"'{side}' could be a push direction or the {side} side: say 'put' or '{side} side'"
        for d in sorted(self.directions - self.side_words):
            if self.push and d not in pushed:
                return f"it never pushes {d}"
        if self.push and not pushed:
            return "it has no push although the instruction asks for one"
        if self.home and not any(s.skill == "go_home" for s in steps):
            return "it never goes home although the instruction asks to"
        carrying = False
        for i, s in enumerate(steps):
            if s.skill == "go_home" and carrying and any(t.skill in ("place_in", "place_on") for t in steps[i + 1:]):
                # Seen on the tune split (openai): pick, go_home, place_in. Home ends a task; it never splits one.
                return "it goes home while carrying an object it places afterwards"
            if s.skill == "pick":
                carrying = True
            elif s.skill in ("place_in", "place_on"):
                carrying = False
        unsaid = self._unaccounted_verb(steps)
        if unsaid is not None:
            return unsaid
        if steps and steps[-1].skill == "pick" and not self.pick_verb:
            return "it ends holding an object, and the instruction has no verb asking to pick one up"
        return None

    def _unaccounted_verb(self, steps: Sequence[Step]) -> str | None:
        """A verb with fewer steps of its skill in the plan than the words say it ("put" twice, one place)."""
        done = {"pick": sum(s.skill == "pick" for s in steps), "push": sum(s.skill == "push" for s in steps),
                "place": sum(s.skill in ("place_in", "place_on") for s in steps)}
        for skill in ("place", "push", "pick"):
            said = [w for w, k in self.verbs if k == skill]
            if len(said) > done[skill]:
                return (f"the words say {', '.join(repr(w) for w in said)}, and the plan has "
                        f"{done[skill] or 'no'} {skill} step{'' if done[skill] == 1 else 's'} for "
                        f"{'it' if len(said) == 1 else 'them'}")
        return None

    def unplaceable(self) -> str | None:
        """Why no plan can cover the words before any model runs: a place verb with no place or cube to put it on
        named ("pick up the red cube and put it down", "drop it"), or a stack named as one thing ("put the stack in
        the bin": the model binned the two upper cubes and left the base), else None."""
        if self.group_noun is not None:
            return (f"'{self.group_noun}' names several cubes as one thing, and the plan moves them one by one: name "
                    "each cube and where it goes")
        placing = [w for w, k in self.verbs if k == "place"]
        if placing and not self.regions and not self.targets:
            return (f"'{placing[0]}' names no place: say where it goes (a region such as the bin or the pad, or a "
                    "cube to stack on)")
        return None

    def step_cap(self) -> int:
        """The most steps a plan over these words can need: pick and place per movable object, plus home."""
        return max(1, 2 * len(self.objects) + int(self.home))


_BETWEEN_ON_AND_OBJECT = frozenset({"the", "a", "an", "top", "of", "to"})


def _right_after_on(toks: list[str], i: int) -> bool:
    """Whether the colour at ``i`` follows "on"/"onto"/"on top of" with only those words between (a destination)."""
    j = i - 1
    while j >= 0 and toks[j] in _BETWEEN_ON_AND_OBJECT:
        j -= 1
    return j >= 0 and toks[j] in _DEST_ON


def tokens_of(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'"))


def licence_for(text: str, state: SceneState) -> Licence:
    """The licence of an instruction (typos already corrected by the grounding screen) in ``state``."""
    toks = tokens_of(text)
    n = len(toks)
    named: set[str] = set()
    anchors: set[str] = set()
    for i, t in enumerate(toks):
        colour = lx.COLOR_WORDS.get(t)
        if colour is None or (t, toks[i + 1] if i + 1 < n else "") in _REGION_PAIRS:
            continue
        names = {o.name for o in state.objects if o.color == colour}
        named |= names
        # "the cube off the red one", "left of the blue one": the colour locates another object.
        if _ANCHOR_PREPS & set(toks[max(0, i - 3): i]) and not _DEST_ON & set(toks[max(0, i - 3): i]):
            anchors |= names
    objects = set(named)
    words = set(toks)
    # Destinations: objects named within three words after "on"/"onto"/"on top of" ("put it on the pad" names
    # no object to stack on, "the cube off the yellow one" names the yellow cube as no destination).
    targets = {o.name for i, t in enumerate(toks) if t in lx.COLOR_WORDS and _DEST_ON & set(toks[max(0, i - 4): i])
               for o in state.objects if o.color == lx.COLOR_WORDS[t]}
    by_y = sorted(state.objects, key=lambda o: o.position[1] if o.position is not None else 0.0)
    if by_y and all(o.position is not None for o in state.objects):
        if words & _CENTRE and len(by_y) >= 3 and len(by_y) % 2 == 1:
            objects.add(by_y[len(by_y) // 2].name)
        if "leftmost" in words or _superlative_side(toks, "left"):
            objects.add(by_y[-1].name)  # left is +y
        if "rightmost" in words or _superlative_side(toks, "right"):
            objects.add(by_y[0].name)
    if words & {"top", "off", "stack"} and state.on:
        objects |= set(state.on)  # "the top cube", "the cube off the red one": an object resting on another
    if words & _OTHER:
        rest = [o.name for o in state.objects if o.name not in named]
        if len(rest) == 1:
            objects.add(rest[0])
    # "on the other one", "on the middle cube": a position word after "on" makes that object a destination.
    if any(t in _DEST_ON and (_OTHER | _CENTRE | {"leftmost", "rightmost"}) & set(toks[i + 1: i + 4])
           for i, t in enumerate(toks)):
        targets |= objects - named
    if len(state.objects) == 1:
        objects.add(state.objects[0].name)
    regions: set[str] = set()
    sides: set[str] = set()
    for i, t in enumerate(toks):
        if _is_source(toks, i):  # "take red out of the bin", "move red away from the pad": where it was, not goes
            continue
        if t in BIN_WORDS or (t == "box" and {"in", "into", "inside"} & set(toks[max(0, i - 3): i])):
            regions.add("bin")
        elif t in PAD_WORDS:
            regions.add("pad")
        elif t in ("left", "right") and not _side_is_position(toks, i):
            sides.add(t)
    regions |= sides
    directions = set(sides)
    if words & FORWARD_WORDS:
        directions.add("forward")
    if words & BACKWARD_WORDS or _towards_base(toks) or any(t.startswith("pull") for t in toks):
        directions.add("backward")
    push = any(t.startswith(_PUSH_STEMS) for t in toks)
    # "the blue cube resting on the pad" says where a cube rests, not that the arm goes home (the model added a go_home)
    home = any(t in HOME_WORDS and not (t == "resting" and i + 1 < n and toks[i + 1] in _RESTS_ON)
               for i, t in enumerate(toks)) or any(t in _HOME_BEFORE_POSE and i + 1 < n
                                                   and toks[i + 1] in ("pose", "position") for i, t in enumerate(toks))
    regions &= set(state.regions)
    # An object every mention of which is a destination or an anchor ("the cube next to the red one": the model moved
    # red) is never moved; anchored is the window the anchors above are read with.
    moved = {o.name for i, t in enumerate(toks) if t in lx.COLOR_WORDS and not _right_after_on(toks, i)
             and not _ANCHOR_PREPS & set(toks[max(0, i - 3): i]) for o in state.objects if o.color == lx.COLOR_WORDS[t]}
    # "the top cube of the stack", "off the stack" locate a cube: only the stack as the thing moved is refused
    group = next((f"{toks[i - 1]} {t}" for i, t in enumerate(toks) if t in ("stack", "stacks") and i > 0
                  and toks[i - 1] in lx.DETERMINERS | {"whole", "entire", "my", "your"}
                  and (i < 2 or toks[i - 2] not in ("of", "off", "from"))), None)
    return Licence(objects=frozenset(objects), required_objects=frozenset(named - anchors), verbs=_verbs(toks),
                   group_noun=group,
                   regions=frozenset(regions), directions=frozenset(directions if push else set()),
                   side_words=frozenset(sides & set(state.regions)), push=push, home=home,
                   targets=frozenset(targets & objects),
                   # "move red a bit right" is a small move, not the right side (the model placed it there)
                   side_place=bool(words & (lx.PLACE_VERBS | _SIDE_NOUNS)) and not (words & _SMALL_MOVE
                                                                                   and not words & _SIDE_NOUNS),
                   pick_verb=bool(words & _PICK_VERBS), destinations_only=frozenset((targets | anchors) - moved),
                   # A question, report, retraction ... (speech_act.py) licenses nothing either, whoever calls.
                   question=(bool(toks) and toks[0] in _QUESTION_WORDS) or speech_act_refusal(text) is not None)


_REGION_PAIRS = frozenset(p for phrases in lx.REGION_PHRASES.values() for p in phrases if len(p) == 2)
_VERB_CLAUSE_ENDS = frozenset({",", ".", ";", ":", "!", "?", "-", "and", "then"})


def _verbs(toks: list[str]) -> tuple[tuple[str, str], ...]:
    """(verb as written, skill it asks for) for each pick, place or push verb in ``toks``. A verb of a home phrase
    ("rest pose", "start position") or whose clause names home and no object ("move back home") is left out: the
    licence's home word asks for go_home."""
    out: list[tuple[str, str]] = []
    for i, t in enumerate(toks):
        push = t.startswith(_PUSH_STEMS) and t not in lx.PLACE_VERBS
        skill = "push" if push else "place" if t in lx.PLACE_VERBS else "pick" if t in _PICK_VERBS else None
        if skill is None:
            continue
        after = toks[i + 1] if i + 1 < len(toks) else ""
        before = toks[i - 1] if i > 0 else ""
        if (t in _HOME_BEFORE_POSE and after in ("pose", "position")) or (t == "position" and before in
                                                                          _HOME_BEFORE_POSE):
            continue
        end = next((j for j in range(i + 1, len(toks)) if toks[j] in _VERB_CLAUSE_ENDS), len(toks))
        clause = toks[i + 1:end]
        if set(clause) & HOME_WORDS and not any(w in lx.COLOR_WORDS or w in lx.KIND_WORDS or w in ("it", "them")
                                                 for w in clause):
            continue
        out.append((t, skill))
    return tuple(out)


def _is_source(toks: list[str], i: int) -> bool:
    """Whether the region word at ``toks[i]`` follows "from", "off" or "out of" (determiners between)."""
    j = i - 1
    while j >= 0 and (toks[j] in lx.DETERMINERS or toks[j] in ("white", "grey", "gray", "trash", "waste", "target")):
        j -= 1
    return j >= 0 and (toks[j] in ("from", "off") or (toks[j] == "of" and j > 0 and toks[j - 1] == "out"))


def _superlative_side(toks: list[str], side: str) -> bool:
    """"furthest right", "farthest to the right", "far left": the side word locates an object."""
    return any(t == side and _SUPERLATIVE & set(toks[max(0, i - 3): i]) for i, t in enumerate(toks))


def _side_is_position(toks: list[str], i: int) -> bool:
    """"furthest left", "left of the blue one", "the left cube": the side word locates an object, no place."""
    after = toks[i + 1] if i + 1 < len(toks) else ""
    return bool(_SUPERLATIVE & set(toks[max(0, i - 3): i])) or after in ("of", "most") or after in lx.KIND_WORDS


def _towards_base(toks: list[str]) -> bool:
    return any(t in ("toward", "towards") and i + 1 < len(toks) and toks[i + 1] in ("me", "you", "us", "yourself",
                                                                                     "the")
               and (toks[i + 1] != "the" or "base" in toks[i + 2: i + 4]) for i, t in enumerate(toks))


def acceptance_error(steps: Sequence[Step], licence: Licence) -> str | None:
    """Why a finished fallback plan must not run (an unlicensed step, or words it leaves out); None: accept."""
    if licence.question:
        return "the instruction is a question, not a request to move anything"
    for s in steps:
        if not licence.allows(s):
            return f"the step {s} is not named by the instruction"
    return licence.uncovered(steps)
