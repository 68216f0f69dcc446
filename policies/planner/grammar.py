"""The plan DSL as a llama.cpp GBNF grammar over one scene's names, its reader, and a matcher on the model's vocabulary.

The model writes plans in the prompt's format, ``" pick(red_cube); place_in(bin); done"`` or ``" infeasible"``.
``plan_grammar`` builds the grammar of exactly those strings from the skill registry's calls (skills.SKILLS)
and the names a scene (or the instruction's licence) allows, so constrained decoding cannot emit an unknown
skill, an absent object, a malformed call or a place with an empty gripper. The grammar knows names and the
gripper, not where objects stand: whether each step can run is still the whole-plan checker's
(planner.CheckedPlanner) to decide.

``GrammarMatcher`` is llama.cpp's own grammar sampler (``llama_sampler_init_grammar``) on a vocabulary: it
says which tokens the grammar allows next and advances over the chosen one, for the decoder
(llama_backend.LlamaScorer.generate) and for checking that a text is in the grammar (``accepts``).
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from policies.planner.errors import PlannerError
from policies.planner.fallback import INFEASIBLE
from policies.planner.plan import Plan, PlanResult, Refusal, Step
from policies.planner.scene_state import SceneState
from policies.planner.skills import DIRECTIONS, MAX_PLAN_STEPS, SKILLS

DONE = "; done"
_TOKEN_DATA = np.dtype([("id", np.int32), ("logit", np.float32), ("p", np.float32)], align=True)
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")  # what a scene name may be for the grammar (and the DSL) to quote it
_STEP = re.compile(r"^\s*([a-z_]+)\(([^()]*)\)\s*$")


@dataclass(frozen=True, kw_only=True)
class Vocabulary:
    """The names each argument type may take; an empty type removes every skill that needs it."""

    objects: tuple[str, ...]
    targets: tuple[str, ...]  # place_on destinations
    regions: tuple[str, ...]
    directions: tuple[str, ...]
    home: bool = True
    lone_pick: bool = True  # a plan may end holding what it picked ("pick up the red cube")

    def __post_init__(self) -> None:
        for name in (*self.objects, *self.targets, *self.regions, *self.directions):
            if not _NAME.match(name):
                raise PlannerError(f"name {name!r} cannot appear in a plan: use lower-case letters, digits and _")

    @classmethod
    def of_scene(cls, state: SceneState) -> Vocabulary:
        return cls(objects=state.names, targets=state.names, regions=state.regions, directions=DIRECTIONS)


def _alternatives(names: Iterable[str]) -> str:
    return " | ".join(f'"{n}"' for n in names)


def _call(skill: str, *rules: str) -> str:
    """A skill call in the DSL, ``" push(" object ", " direction ")"``, checked against the registry."""
    spec = SKILLS[skill]
    if len(rules) != len(spec.args):
        raise PlannerError(f"skill {skill} takes {len(spec.args)} argument(s), the grammar gave {len(rules)}")
    args = ' ", " '.join(rules)
    return f'" {skill}(" {args} ")"' if rules else f'" {skill}()"'


def plan_grammar(vocab: Vocabulary, *, holding: bool = False, max_steps: int = MAX_PLAN_STEPS,
                 refusal: bool = True) -> str:
    """GBNF for ``" infeasible"`` (when ``refusal``) or a plan over ``vocab`` ending in ``; done``.

    The grammar follows the gripper: a pick is followed by a place (a lone pick only ends a plan, and only
    when ``vocab.lone_pick``), a place needs something held (``holding``: the scene starts with an object in
    the gripper, so the plan may start by placing it), and pushes and going home happen with an empty hand.
    So a decoded plan is well-formed and names only ``vocab``'s names; preconditions that depend on where
    objects are (a clear top, an object under another) remain the checker's.
    """
    if not 1 <= max_steps <= MAX_PLAN_STEPS:
        raise PlannerError(f"max_steps {max_steps} must be in 1..{MAX_PLAN_STEPS}")
    rules = {"object": vocab.objects, "target": vocab.targets, "region": vocab.regions,
             "direction": vocab.directions}
    places = ([_call("place_on", "target")] if vocab.targets else []) + \
        ([_call("place_in", "region")] if vocab.regions else [])
    tasks = []
    if vocab.objects and places:
        tasks.append('pick ";" place')
    if vocab.objects and vocab.directions:
        tasks.append(_call("push", "object", "direction"))
    if vocab.home:
        tasks.append(_call("go_home"))
    lone = vocab.lone_pick and bool(vocab.objects)
    body = []
    if tasks:
        body.append(f'task (";" task){{0,{max_steps - 1}}}' + (' (";" pick)?' if lone else ""))
    if lone:
        body.append("pick")
    if holding:
        plan = 'place (";" free)?' if places and body else ("place" if places else "")
    else:
        plan = "free" if body else ""
    alternatives = ([f'"{INFEASIBLE}"'] if refusal else []) + ([f'plan "{DONE}"'] if plan else [])
    if not alternatives:
        raise PlannerError("the grammar allows nothing: no step is possible and refusal is off")
    lines = [f"root ::= {' | '.join(alternatives)}"]
    if plan:
        lines.append(f"plan ::= {plan}")
    if body:
        lines.append(f"free ::= {' | '.join(body)}")
    if tasks:
        lines.append(f"task ::= {' | '.join(tasks)}")
    if vocab.objects:
        lines.append(f'pick ::= {_call("pick", "object")}')
    if places:
        lines.append(f"place ::= {' | '.join(places)}")
    lines.extend(f"{rule} ::= {_alternatives(values)}" for rule, values in rules.items() if values)
    return "\n".join(lines) + "\n"


def read_plan(text: str) -> PlanResult:
    """The plan (or refusal) a grammar-constrained text spells; a malformed text is a ``PlannerError``."""
    body = text.strip()
    if body == INFEASIBLE.strip():
        return Refusal(reason="the language model wrote 'infeasible'")
    if not body.endswith("done"):
        raise PlannerError(f"plan text {text!r} does not end with 'done'")
    steps = []
    for part in [p for p in body[: -len("done")].split(";") if p.strip()]:
        match = _STEP.match(part)
        if match is None or match.group(1) not in SKILLS:
            raise PlannerError(f"plan text {text!r}: {part.strip()!r} is not a skill call")
        spec = SKILLS[match.group(1)]
        values = [v.strip() for v in match.group(2).split(",")] if match.group(2).strip() else []
        if len(values) != len(spec.args):
            raise PlannerError(f"plan text {text!r}: {spec.name} takes {len(spec.args)} argument(s)")
        steps.append(Step(skill=spec.name, args={arg: v for (arg, _), v in zip(spec.args, values, strict=True)}))
    if not steps:
        raise PlannerError(f"plan text {text!r} has no step")
    return Plan(steps=tuple(steps))


class GrammarMatcher:
    """llama.cpp's grammar sampler over ``vocab`` (a ``llama_vocab`` pointer): allowed tokens, then advance."""

    def __init__(self, vocab: Any, grammar: str) -> None:
        import llama_cpp

        self._lib = llama_cpp
        self._vocab = vocab
        self._sampler = llama_cpp.llama_sampler_init_grammar(vocab, grammar.encode("utf-8"), b"root")
        if not self._sampler:
            raise PlannerError("llama.cpp could not parse the plan grammar")

    def close(self) -> None:
        if self._sampler:
            self._lib.llama_sampler_free(self._sampler)
            self._sampler = None

    def __del__(self) -> None:
        self.close()

    def allowed(self, tokens: Sequence[int]) -> np.ndarray:
        """A boolean mask over ``tokens``: which the grammar lets come next."""
        lib = self._lib
        data = np.zeros(len(tokens), dtype=_TOKEN_DATA)  # llama_token_data: id, logit, p
        data["id"] = np.asarray(tokens, dtype=np.int32)
        array = lib.llama_token_data_array(data=data.ctypes.data_as(ctypes.POINTER(lib.llama_token_data)),
                                           size=len(tokens), selected=-1, sorted=False)
        lib.llama_sampler_apply(self._sampler, ctypes.byref(array))
        return np.asarray(np.isfinite(data["logit"]))

    def first_allowed(self, scores: np.ndarray, chunk: int = 256) -> int | None:
        """The highest-scoring token the grammar allows (``scores``: one logit per token id); None if none.

        The grammar allows a handful of the 262k tokens and the model's favourites are usually among them,
        so the top ``chunk`` nearly always decides; the rest is sorted and checked only when it does not.
        """
        top = np.argpartition(-scores, min(chunk, len(scores) - 1))[:chunk]
        top = top[np.argsort(-scores[top], kind="stable")]
        mask = self.allowed(top.tolist())
        if mask.any():
            return int(top[int(np.argmax(mask))])
        order = np.argsort(-scores, kind="stable")
        rest = order[~np.isin(order, top)]
        mask = self.allowed(rest.tolist())
        return int(rest[int(np.argmax(mask))]) if mask.any() else None

    def accept(self, token: int) -> None:
        self._lib.llama_sampler_accept(self._sampler, int(token))

    def accepts(self, tokens: Sequence[int]) -> bool:
        """Whether the grammar allows ``tokens`` in order and is complete after them (end of text allowed)."""
        for tok in tokens:
            if not self.allowed([tok])[0]:
                return False
            self.accept(tok)
        eog = [t for t in (self._lib.llama_vocab_eos(self._vocab), self._lib.llama_vocab_eot(self._vocab)) if t >= 0]
        return bool(self.allowed(eog).any())


def load_vocabulary(model_path: str) -> Any:
    """The ``llama_vocab`` of a GGUF file, loading the vocabulary only (no weights); kept for the process."""
    import llama_cpp

    params = llama_cpp.llama_model_default_params()
    params.vocab_only = True
    llama_cpp.llama_backend_init()
    model = llama_cpp.llama_model_load_from_file(model_path.encode("utf-8"), params)
    if not model:
        raise PlannerError(f"llama.cpp could not read the vocabulary of {model_path}")
    _KEPT.append(model)
    return llama_cpp.llama_model_get_vocab(model)


_KEPT: list[Any] = []  # vocab-only models stay loaded: their vocab pointers are handed out
