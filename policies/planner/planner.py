"""The ``Planner`` protocol and ``make_planner``: every backend's output passes ``check_plan`` before it leaves.

Backends (imported lazily, so choosing ``rules`` never loads a model):
``llama_cpp`` (default; embedded Gemma 3 270M ranking grounded candidates), ``openai`` (the same ranking over
any OpenAI-compatible completions endpoint), ``rules`` (plain string matching, the baseline).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from policies.planner.errors import PlannerError
from policies.planner.plan import Plan, PlanResult, Refusal
from policies.planner.scene_state import SceneState
from policies.planner.skills import check_plan

BACKENDS = ("llama_cpp", "openai", "rules", "parser")


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
        raw = self.backend.propose(instruction, state)
        if isinstance(raw, Refusal):
            return Outcome(result=raw, raw=raw, raw_valid=True)
        refusal = check_plan(state, raw)
        if refusal is not None:
            return Outcome(result=Refusal(reason=f"plan rejected by the checker: {refusal.reason}"), raw=raw,
                           raw_valid=False)
        return Outcome(result=Plan(steps=raw.steps), raw=raw, raw_valid=True)


def make_planner(backend: str = "llama_cpp", **options: Any) -> CheckedPlanner:
    """A planner on ``backend`` (one of ``BACKENDS``); options go to the backend (model path, URL, ...)."""
    if backend == "rules":
        from policies.planner.rules_backend import RulesBackend

        return CheckedPlanner(RulesBackend(**options))
    if backend == "llama_cpp":
        from policies.planner.llama_backend import LlamaBackend

        return CheckedPlanner(LlamaBackend(**options))
    if backend == "openai":
        from policies.planner.openai_backend import OpenAIBackend

        return CheckedPlanner(OpenAIBackend(**options))
    if backend == "parser":
        from policies.planner.parser_backend import ParserBackend

        return CheckedPlanner(ParserBackend(**options))
    raise UnknownBackendError(f"unknown planner backend {backend!r}; valid backends: {', '.join(BACKENDS)}")
