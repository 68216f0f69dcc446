"""Negations and order words, read at token level before the clauses are parsed.

``read_structure`` cuts negative clauses ("don't touch the red cube", "without moving the blue one", "not
the green cube", "leave the red cube alone") out of the token list and puts the positive clauses in the
order they are to run ("before you A, B" and "B before A" run B then A; "A, but first B" runs B then A).
Where a negation or an order word stands somewhere it cannot be read completely, it returns the refusal
reason instead: a plan that ignores "don't" or "before" runs what the words forbid.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from policies.planner import lexicon as lx
from policies.planner.request import NEGATION_MARKERS, ORDER_MARKERS

NOT = "NOT"
_CONNECTORS = frozenset({",", "and", "but", "please", "also", "just", "so"})
_ENDS = frozenset({";", ".", "!", "?"})
_SUBJECTS = frozenset({"you", "we", "i", "have", "has", "are", "finished", "done", "finish", "you've", "you're"})
_PRONOUNS = frozenset({"it", "them", "that", "this", "other", "SAME"})
# The negation and order words (request.py) that no construction below reads; their presence is a refusal,
# never a guess. "before", "after" and "once" stay listed: only the one occurrence _reorder reads is cut out.
_READ = frozenset({"not", "don't", "dont", "never", "without", "then", "first", "finally", "next", "afterwards",
                   "leave"})
_UNREAD = frozenset(m for m in NEGATION_MARKERS + ORDER_MARKERS if " " not in m) - _READ
_UNREAD_PAIRS = (*(tuple(m.split()) for m in NEGATION_MARKERS + ORDER_MARKERS
                   if " " in m and m not in ("but not", "do n't")), ("rather", "than"), ("in", "place"))
_LEAVE_ALONE = (("alone",), ("untouched",), ("undisturbed",), ("where", "it", "is"), ("in", "place"),
                ("as", "it", "is"), ("as", "is"))
# "keep X where it is": X may not move (a cube may still be put on it); "keep X untouched": not touched at all.
_KEEP_STILL = (("where", "it", "is"), ("where", "it", "was"), ("where", "it", "stands"), ("in", "place"),
               ("in", "its", "place"), ("as", "it", "is"), ("still",), ("put",), ("there",), ("stationary",),
               ("unmoved",), ("where", "they", "are"), ("in", "their", "place"), ("as", "they", "are"))
_KEEP_UNTOUCHED = (("untouched",), ("undisturbed",), ("alone",))
# Verbs of a constraint clause ("leave X alone", "keep X where it is"): they start a clause of their own.
_CONSTRAINT_VERBS = frozenset({"leave", "keep"})


@dataclass(frozen=True)
class Structure:
    """Positive clauses' tokens in execution order, negative clauses' tokens (after the negation word)."""

    groups: tuple[tuple[str, ...], ...]
    negatives: tuple[tuple[str, ...], ...]
    reordered: bool


def _is_break(toks: Sequence[str], i: int, verbs: frozenset[str]) -> bool:
    """Whether a clause ends before ``toks[i]`` (a sentence end, a break phrase, a connector before a verb)."""
    t = toks[i]
    if t in _ENDS or any(tuple(toks[i:i + len(p)]) == p for p in lx.CLAUSE_BREAKS):
        return True
    if t in (",", "and", "but"):
        j = i + 1
        while j < len(toks) and toks[j] in _CONNECTORS:
            j += 1
        return j < len(toks) and (toks[j] in verbs or toks[j] == NOT or toks[j] in ("go", "return", "SAME") or
                                  toks[j] in _CONSTRAINT_VERBS)
    return False


def _ends_negation(toks: Sequence[str], j: int) -> bool:
    """A negative clause ends only at a comma, "but" or a sentence end, never at "and" or "then": in "don't
    A and then B" the negation may reach B, so such an instruction is refused, not guessed."""
    k = j
    while k < len(toks) and toks[k] in _CONNECTORS | _ENDS:
        if toks[k] == "and":  # "never touch X, and don't go home": a second negation ends the first
            return toks[j] == "," and next((t for t in toks[k:] if t not in _CONNECTORS), "") == NOT
        k += 1
    if k < len(toks) and any(tuple(toks[k:k + len(p)]) == p for p in lx.CLAUSE_BREAKS):
        return False
    return toks[j] in (",", "but", *_ENDS)


def _cut_negatives(toks: list[str], verbs: frozenset[str]) -> tuple[list[str], list[tuple[str, ...]]] | str:
    """Positive tokens and the negative clauses cut out of them; a refusal reason where NOT is mid-clause."""
    out: list[str] = []
    negatives: list[tuple[str, ...]] = []
    i = 0
    while i < len(toks):
        if toks[i] != NOT:
            out.append(toks[i])
            i += 1
            continue
        before = [t for t in out if t not in _CONNECTORS]
        k = len(out)
        while k > 0 and out[k - 1] in _CONNECTORS:
            k -= 1
        if before and out[k - 1] not in _ENDS and not (k < len(out) and out[k] in (",", "and", "but")):
            return (f"the negation in '{' '.join(toks).replace(NOT, 'not')}' stands inside a clause: "
                    f"it is unclear what it excludes")
        j = i + 1
        while j < len(toks) and not _is_break(toks, j, verbs):
            j += 1
        if j < len(toks) and toks[j] == "afterwards" and all(t in _ENDS for t in toks[j + 1:]):
            j = len(toks)  # "and don't go home afterwards": the closing word belongs to the negation
        if j < len(toks) and not _ends_negation(toks, j):
            return (f"'not {' '.join(toks[i + 1:j])}' is followed by '{toks[j]}': whether the negation reaches "
                    f"the next clause too is unclear")
        negatives.append(tuple(toks[i + 1:j]))
        del out[k:]
        out.append(";")
        i = j
    # "leave the red cube alone": a positive-looking clause that forbids touching
    clauses: list[list[str]] = [[]]
    for idx, t in enumerate(out):
        if _is_break(out, idx, verbs) and clauses[-1]:
            clauses.append([])
        clauses[-1].append(t)
    kept: list[str] = []
    for clause in clauses:
        words = [t for t in clause if t not in _CONNECTORS and t not in _ENDS]
        if words and words[0] == "leave":
            tail = next((p for p in _LEAVE_ALONE if tuple(words[-len(p):]) == p), None)
            if tail is not None:
                negatives.append(("touch", *words[1:-len(tail)]))
                kept.append(";")
                continue
        if words and words[0] == "keep":  # any other "keep" stays unread (request.py lists it): a refusal
            tail = next((p for p in _KEEP_UNTOUCHED + _KEEP_STILL if tuple(words[-len(p):]) == p), None)
            if tail is not None and len(words) > len(tail) + 1:
                negatives.append(("touch" if tail in _KEEP_UNTOUCHED else "move", *words[1:-len(tail)]))
                kept.append(";")
                continue
        kept.extend(clause)
    return kept, negatives


def _strip(toks: Sequence[str]) -> list[str]:
    toks = list(toks)
    while toks and (toks[0] in _CONNECTORS or toks[0] in _ENDS or toks[0] in _SUBJECTS):
        toks.pop(0)
    while toks and (toks[-1] in _CONNECTORS or toks[-1] in _ENDS):
        toks.pop()
    return toks


def _has_break(toks: Sequence[str]) -> bool:
    return any(t in _ENDS or any(tuple(toks[j:j + len(p)]) == p for p in lx.CLAUSE_BREAKS)
               for j, t in enumerate(toks))


def _before_all_that(toks: list[str]) -> tuple[int, int] | None:
    """(index of "before", index after "that") for "A. Before (all) that, B" starting a sentence, else None."""
    for i, t in enumerate(toks):
        if t != "before":
            continue
        k = i + 1 + (toks[i + 1:i + 2] == ["all"])
        if toks[k:k + 1] not in (["that"], ["this"]):
            continue
        j = i
        while j > 0 and toks[j - 1] in _CONNECTORS - {","}:
            j -= 1
        if j > 0 and toks[j - 1] in _ENDS:
            return j, _skip_asides(toks, k + 1)
    return None


# Verbs that may open the main clause after an order word's clause with no comma ("before you bin red put green
# on the pad"): plain action verbs only, never words that are also nouns or particles here ("rest", "hold", "get").
_BOUNDARY_VERBS = frozenset({"put", "place", "set", "drop", "move", "stack", "push", "slide", "nudge", "shove", "pick",
                             "grab", "take", "lift", "discard", "shift", "bring", "go", "return", "relocate"})


def _comma_free_split(rest: Sequence[str], verbs: frozenset[str]) -> tuple[list[str], list[str]] | None:
    """(order clause, main clause) of "before/after [you] A B" written without a comma, where the boundary is
    unambiguous: the clause opens with a verb, exactly one more verb follows (a plain action verb, or "go"/"return"
    before "home"/"back") and each side keeps words after its verb; else None (refused as today)."""
    words = list(rest)
    while words and words[0] in _SUBJECTS:
        words.pop(0)
    action = verbs | {"go", "return"}
    at = [k for k, t in enumerate(words) if t in action]
    if len(at) != 2 or at[0] != 0 or at[1] < 2 or at[1] >= len(words) - 1 or words[at[1]] not in _BOUNDARY_VERBS:
        return None
    if words[at[1]] in ("go", "return") and words[at[1] + 1] not in ("home", "back", "to"):
        return None
    if any(t in _CONNECTORS or t in _ENDS or t in ("to", "then") for t in words[at[1] - 1:at[1]]):
        return None  # "... in the bin and put ...", "... to put ...": not a bare boundary
    # a polite lead before the second verb opens the main clause ("after you've binned the green cube could you push
    # the yellow one forward", dev_s14 fi40-006, P3): only these closed leads, with words of the first clause before
    cut = at[1]
    for lead in _POLITE_LEADS:
        if cut - len(lead) > 1 and tuple(words[cut - len(lead):cut]) == lead:
            cut -= len(lead)
            break
    return words[:cut], words[cut:]


_POLITE_LEADS = (("could", "you", "please"), ("can", "you", "please"), ("would", "you", "please"),
                 ("could", "you"), ("can", "you"), ("would", "you"), ("will", "you"), ("please",))


# Contrast words standing alone between an order phrase and its clause ("Before that, though, put ..."): they
# carry nothing for the plan.
_ASIDES = frozenset({"though", "however", "anyway"})


def _moved(toks: Sequence[str]) -> set[str]:
    """The colours said before the first place word of a clause: the cubes it moves ("put the green one on red")."""
    # (the tokens spell "on top of" as "ontop": "put the yellow one on top of the red one" moves yellow only, dev_s22
    # fi64-001)
    at = next((j for j, t in enumerate(toks) if t in ("on", "in", "onto", "into", "to", "inside", "at", "ontop", "atop",
                                                      "upon")), len(toks))
    return {lx.COLOR_WORDS[t] for t in toks[:at] if t in lx.COLOR_WORDS}


def _skip_asides(toks: Sequence[str], k: int) -> int:
    """The index after the commas and contrast words from ``k`` on ("before that, though, B": B's start)."""
    while k < len(toks) and (toks[k] == "," or toks[k] in _ASIDES):
        k += 1
    return k


def _late_starts(toks: Sequence[str]) -> list[int]:
    """Where "start/begin (off) by/with" opens a clause after other words of the request (never at its head)."""
    out = []
    for i, t in enumerate(toks):
        if t not in ("start", "begin") or not _strip(toks[:i]):
            continue
        k = i + 2 if toks[i + 1:i + 2] == ["off"] else i + 1
        # ("start with the yellow one" names no step: a tower's base, or nothing the clause reads)
        if toks[k:k + 1] == ["by"] or (toks[k:k + 1] == ["with"] and toks[k + 1:k + 2] and toks[k + 1].endswith("ing")):
            out.append(i)
    return out


def _reorder(toks: list[str], verbs: frozenset[str] = frozenset()) -> tuple[list[list[str]], bool] | str:
    """Groups of tokens in execution order for "before"/"after"/"first"; a refusal reason if unreadable."""
    whole = _before_all_that(toks)
    if whole is not None:  # "A (which may order itself). Before all that, B": B, then A as read on its own
        at, after = whole
        tail, head = _strip(toks[after:]), _strip(toks[:at])
        if not tail or not head or _has_break(tail):
            return "'before that' beside further clauses: cannot tell which actions it orders"
        inner = _reorder(head, verbs)
        if isinstance(inner, str):
            return inner
        return [tail, *inner[0]], True
    order_at = [i for i, t in enumerate(toks) if t in ("before", "after", "once")
                and not (toks[i + 1:i + 2] == ["that"] and t != "before")]
    firsts = [i for i, t in enumerate(toks) if t == "first"]
    # "A, then B. But start by C" / "..., and begin by C": a start said after other clauses puts its clause first, as
    # "first" does (it was read in the words' order: C ran last); the start words stay before C for the parser
    firsts += [i for i in _late_starts(toks) if i not in firsts]
    if len(order_at) + (1 if firsts and _strip(toks[:firsts[0]]) else 0) > 1 or len(firsts) > 1:
        return "more than one order word ('before', 'after', 'first'): the order of the steps is unclear"
    if order_at:
        i = order_at[0]
        if toks[i] == "once" and toks[i + 1:i + 2] == [","]:  # "put green on the pad once, red in the bin" (A1 F6)
            return "'once,' may say how often, not when: the order of the steps is unclear"
        # The order word orders the clauses of its own sentence; the sentences before and after it keep their
        # places ("A. Before you B, C." runs A, C, B; read whole, C would have run last).
        start = max((j + 1 for j in range(i) if toks[j] in _ENDS), default=0)
        end = next((j for j in range(i, len(toks)) if toks[j] in _ENDS), len(toks))
        if (start > 0 or end < len(toks)) and not (toks[i + 1:i + 2] in (["that"], ["this"]) and toks[i] == "before"):
            inner = _reorder(toks[start:end], verbs)
            if isinstance(inner, str):
                return inner
            earlier, later = _strip(toks[:start]), _strip(toks[end:])
            return [g for g in (earlier, *inner[0], later) if g], True
        word = toks[i]
        head = _strip(toks[:i])
        if toks[i + 1:i + 2] in (["that"], ["this"]):  # "A, but before that B": B runs first
            # ("but before that happens, B", fi34-015: the event is A itself)
            k = i + 3 if toks[i + 2:i + 4] in (["happens", ","], ["happen", ","]) else i + 2
            tail = _strip(toks[_skip_asides(toks, k):])
            if not head or not tail:
                return f"'{word} that' has no clause to refer to"
            if k == i + 3 and _moved(tail) & _moved(head):  # "before that happens" of the cube the clause moves
                return f"'{word} that happens' moves the same cube again: which place is meant is unclear"
            # "First A, then B, but before that C" (C before B, after A?) and "A, but B before that, then C" ("that"
            # after its own clause): which clause it names is unclear (A1 s8 F21, F9)
            if _has_break(head) or _has_break(tail) or "," in head:
                return f"'{word} that' beside a sequence of clauses: cannot tell which action it names"
            return [tail, head], True
        if not head:  # "before you A, B" / "after you A, B"
            rest = toks[i + 1:]
            split = None if "," in rest else _comma_free_split(rest, verbs)
            if "," not in rest and split is None:
                return f"'{word} ...' needs a comma to end its clause: cannot tell which actions it orders"
            if split is not None:
                sub, main = _strip(split[0]), _strip(split[1])
            else:
                c = rest.index(",")
                sub, main = _strip(rest[:c]), _strip(rest[c + 1:])
                if word in ("after", "once") and main[:1] == ["then"] and main[1:2] != [","]:
                    # "After you have put A, then B" (dev_s22 fi64-001): "then" opening the main clause after the
                    # "after" clause says the same order again; "before you A, then B" stays unread
                    main = main[1:]
        else:  # "B before you A" / "B after you A"
            sub, main = _strip(toks[i + 1:]), head
        if not sub or not main:
            return f"'{word}' has no clause on one side: cannot tell which actions it orders"
        if any(_has_break(side) for side in (sub, main)):  # "before you A, then B, C": which does it order?
            return f"'{word}' beside a sequence of clauses: cannot tell which actions it orders"
        if word in ("once", "after") and _moved(sub) & _moved(main):
            # "once the green cube is in the bin, put the green one on the pad": the state made first is undone by
            # the next step on the same cube; a careful person asks, never detours through the bin (A1 s8 F6)
            return f"'{word}' moves the same cube again: which place is meant is unclear"
        return ([main, sub] if word == "before" else [sub, main]), True  # "once" orders as "after" does
    if firsts and _strip(toks[:firsts[0]]):  # "A, but first B": B runs first
        f = firsts[0]
        said_before = [t for t in toks[:f] if t not in _CONNECTORS]
        if toks[f] != "first" and said_before[-1] in ("then", "next", "finally", "lastly", "afterwards", "later"):
            # "A. Then start by B": "then" puts B after A, the start before it
            return f"'{said_before[-1]} {toks[f]}': the order of the steps is unclear"
        tail = toks[f + 1:] if toks[f] == "first" else toks[f:]
        if _has_break(tail):
            return "'first' in the middle of several clauses: the order of the steps is unclear"
        if toks[f] != "first" and _moved(tail) & _moved(toks[:f]):
            # "Put the red cube in the bin. Start by putting the red one on the pad." (as "once"/"after" below)
            return f"'{toks[f]} by' moves the same cube again: which place is meant is unclear"
        return [_strip(tail), _strip(toks[:f])], True
    if "finally" in toks:
        f = toks.index("finally")
        tail = toks[f + 1:]
        if _has_break(tail):
            return "'finally' is followed by further clauses: the order of the steps is unclear"
    return [toks], False


def _loose_pronoun(group: Sequence[str]) -> bool:
    """A pronoun whose object is not named earlier in its own group (reordering moves what it refers to);
    "the other one" and "do the same" depend on every mention, so they are always loose."""
    for j, t in enumerate(group):
        if t in ("other", "SAME") or (t in _PRONOUNS and not any(w in lx.KIND_WORDS for w in group[:j])):
            return True
    return False


def _without_asides(toks: list[str]) -> list[str]:
    """``toks`` without a contrast word set off by a comma after an order word or a clause start ("but first,
    though, ...", "After that, though, ..."): it carries nothing for the plan. "though" joining a clause ("... though
    the blue one is on it") is kept, and refused as unread."""
    starts = {",", *_ENDS, "first", "then", "that", "this", "next", "finally", "afterwards"}
    return [t for i, t in enumerate(toks) if not (t in _ASIDES and (i == 0 or toks[i - 1] in starts) and
                                                  toks[i + 1:i + 2] == [","])]


def read_structure(toks: list[str], verbs: frozenset[str]) -> Structure | str:
    """Negative clauses and ordered positive groups of ``toks`` (NOT marks negations), or a refusal reason."""
    cut = _cut_negatives(_without_asides(toks), verbs)
    if isinstance(cut, str):
        return cut
    positive, negatives = cut
    for neg in negatives:
        bad = next((t for t in neg if t in ("before", "after", "first", "then", "finally", NOT)), None)
        if bad is not None:
            return f"'{bad}' inside the negated clause 'not {' '.join(neg)}': what it forbids is unclear"
        if not neg:
            return "a negation with nothing after it"
    ordered = _reorder(positive, verbs)
    if isinstance(ordered, str):
        return ordered
    groups, reordered = ordered
    if reordered and any(_loose_pronoun(g) for g in groups):
        return "a pronoun ('it', 'that', 'the other one') in a reordered instruction: what it names is unclear"
    for g in groups:
        for j, t in enumerate(g):
            if t in _UNREAD and not (t == "once" and tuple(g[j:j + 4]) == ("once", "that", "is", "done")) and \
                    not (t == "after" and tuple(g[j + 1:j + 2]) == ("that",)):
                return f"the word '{t}' changes which actions are meant or their order, and cannot be read here"
            pair = next((p for p in _UNREAD_PAIRS if tuple(g[j:j + len(p)]) == p), None)
            if pair is not None:
                return f"'{' '.join(pair)}' changes which actions are meant, and cannot be read here"
    for neg in negatives:
        for j, t in enumerate(neg):
            if t in _UNREAD or any(tuple(neg[j:j + len(p)]) == p for p in _UNREAD_PAIRS):
                return f"'{t}' inside the negated clause 'not {' '.join(neg)}' cannot be read"
    return Structure(tuple(tuple(g) for g in groups if g), tuple(negatives), reordered)
