"""The ``Planner`` protocol and ``make_planner``: every backend's output is checked whole before it leaves.

``CheckedPlanner`` refuses a plan that cannot run step by step (``check_plan``) or that contradicts the words
(``words_error``: negations, exclusions, stated order, goals left unmet, contradictory goals), so no backend,
the model's fallback included, hands the agent a plan that moves what the instruction forbids.

``BACKEND_CLASSES`` is the one registry of backends; ``armstack plan``, ``armstack run``, the agent and the
bridge's ``planner`` parameter take their names and their default (``DEFAULT_BACKEND``) from it. Backends are
imported lazily, so choosing ``rules`` never loads a model: ``llama_cpp`` (default; embedded Gemma 3 270M
ranking grounded candidates), ``openai`` (the same ranking over any OpenAI-compatible completions endpoint),
``parser`` (the semantic parser alone), ``rules`` (plain string matching over a closed vocabulary, the
baseline; it refuses every other word).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from policies.planner import lexicon as lx
from policies.planner.errors import PlannerError
from policies.planner.pairing import pairing_error
from policies.planner.phrasing import in_english
from policies.planner.plan import Clarification, Plan, PlanResult, Refusal
from policies.planner.request import marked_words, request_error
from policies.planner.scene_state import SceneState
from policies.planner.semantic_parser import parse
from policies.planner.skills import check_plan
from policies.planner.speech_act import speech_act_refusal

BACKEND_CLASSES: dict[str, tuple[str, str]] = {
    "llama_cpp": ("policies.planner.llama_backend", "LlamaBackend"),
    "openai": ("policies.planner.openai_backend", "OpenAIBackend"),
    "rules": ("policies.planner.rules_backend", "RulesBackend"),
    "parser": ("policies.planner.parser_backend", "ParserBackend"),
}
"""Backend name -> (module, class), imported on first use."""
BACKENDS = tuple(BACKEND_CLASSES)
DEFAULT_BACKEND = "llama_cpp"
MODEL_BACKENDS = ("llama_cpp", "openai")
"""The backends that rank with a language model (they take ``mode``, ``fallback`` and a model)."""



def _colour_clash(state: SceneState) -> Refusal | None:
    """A refusal where a scene object's colour is a word the planner reads as another colour (A1 s10 H13).

    In a scene of cyan and blue cubes "put the cyan cube in the bin" binned the blue one: the lexicon reads
    "cyan" as blue. Every instruction in such a scene could name the wrong cube, so none is planned.
    """
    for obj in state.objects:
        read_as = lx.COLOR_WORDS.get(obj.color)
        if read_as is not None and read_as != obj.color:
            return Refusal(reason=f"the scene's {obj.name} has a colour the planner reads as {read_as} "
                                  f"('{obj.color}' is a word for {read_as}), so a request could move the wrong "
                                  f"cube: nothing is planned; name scene colours from red, green, blue, yellow, "
                                  f"orange and purple")
    return None

class UnknownBackendError(PlannerError, KeyError):
    """A backend name that ``make_planner`` does not know."""

    def __str__(self) -> str:
        return str(self.args[0])


@runtime_checkable
class Planner(Protocol):
    """Turns an instruction and the current scene into a checked plan or a refusal."""

    def plan(self, instruction: str, state: SceneState) -> PlanResult: ...


class Backend(Protocol):
    """What a backend proposes before the checker sees it (may be invalid: that is what we measure)."""

    name: str

    def propose(self, instruction: str, state: SceneState) -> PlanResult: ...


@dataclass(frozen=True)
class Outcome:
    """A checked result with the backend's raw proposal beside it (for the benchmark's validity figures)."""

    result: PlanResult
    raw: PlanResult
    raw_valid: bool


class CheckedPlanner:
    """Wraps a backend: its proposal reaches the caller only if ``check_plan`` accepts it."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self.name = backend.name

    def plan(self, instruction: str, state: SceneState) -> PlanResult:
        return self.plan_outcome(instruction, state).result

    def plan_outcome(self, instruction: str, state: SceneState) -> Outcome:
        if not isinstance(instruction, str) or not instruction.strip():
            raise PlannerError(f"the instruction must be a non-empty string, got {instruction!r}")
        state = state.with_position_stacks()  # every backend and the checker see what stands on what
        clash = _colour_clash(state)
        if clash is not None:
            return Outcome(result=clash, raw=clash, raw_valid=True)
        not_asked = speech_act_refusal(instruction, state)  # a question, report, retraction ...: nothing to plan
        if not_asked is None:
            # The screen's rules are English: a French or German instruction is screened again as translated
            # ("unten Rot oder Blau, oben Grün" asks which one, as its English does).
            lang, english, untranslatable = in_english(instruction)
            if lang != "en" and untranslatable is None:
                not_asked = speech_act_refusal(english, state, translated=True)
        if not_asked is not None:
            return Outcome(result=not_asked, raw=not_asked, raw_valid=True)
        raw = self.backend.propose(instruction, state)
        if isinstance(raw, Refusal):
            return Outcome(result=raw, raw=raw, raw_valid=True)
        why = words_error(instruction, state, raw)  # the words first: their reason says more than a step's
        if isinstance(why, Clarification):  # the words name several objects: ask, whatever the backend chose
            return Outcome(result=why, raw=raw, raw_valid=False)
        refusal = check_plan(state, raw) if why is None else None
        why = refusal.reason if refusal is not None else why
        if why is not None:
            return Outcome(result=Refusal(reason=f"plan rejected by the checker: {why}"), raw=raw, raw_valid=False)
        return Outcome(result=Plan(steps=raw.steps), raw=raw, raw_valid=True)


def words_error(instruction: str, state: SceneState, plan: Plan) -> str | Clarification | None:
    """Why ``plan`` contradicts the words of ``instruction`` (checked whole, before any step), else None.

    The semantic parser reads the instruction into requests (ordered milestones, exclusions): the plan
    must meet one of them. Where the words read as a refusal (a contradiction, an unreadable negation or
    order word, an absent object) no plan may run; where they name several objects, the answer is the
    parser's question. Where the parser cannot read the words at all, a plan (the model's) may run only if
    they hold no negation, exclusion or order word, and it sends each object where the words pair it
    (pairing.py: "the orange cube in the bin and the blue one on the pad" is not blue -> bin).
    """
    parsed = parse(instruction, state)
    if parsed.requests:
        errors = [request_error(state, plan, r) for r in parsed.requests]
        return None if None in errors else errors[0]
    if isinstance(parsed.refusal, Clarification):
        return parsed.refusal
    if parsed.refusal is not None and not parsed.unread:
        return parsed.refusal.reason
    marks = marked_words(instruction)
    if marks:
        return (f"the instruction says {', '.join(repr(m) for m in marks)}, which the parser could not read "
                f"completely: a plan could do what the words exclude or in the wrong order")
    return pairing_error(instruction, state, plan.steps)


def make_planner(backend: str = DEFAULT_BACKEND, **options: Any) -> CheckedPlanner:
    """A planner on ``backend`` (one of ``BACKENDS``); options go to the backend (model path, URL, ...)."""
    if not isinstance(backend, str) or backend not in BACKEND_CLASSES:
        raise UnknownBackendError(f"unknown planner backend {backend!r}; valid backends: {', '.join(BACKENDS)}")
    module, cls = BACKEND_CLASSES[backend]
    return CheckedPlanner(getattr(importlib.import_module(module), cls)(**options))
