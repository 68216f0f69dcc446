"""Planner output: a plan of grounded skill steps, or a refusal with its reason, and their JSON form."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from policies.planner.errors import PlannerError


class PlanFormatError(PlannerError, ValueError):
    """A plan or result JSON object that does not follow the schema."""


@dataclass(frozen=True, kw_only=True)
class Step:
    """One skill call with its arguments by name, e.g. ``pick(object="red_cube")``."""

    skill: str
    args: Mapping[str, str] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        if not isinstance(self.skill, str) or not self.skill:
            raise PlanFormatError(f"step skill must be a non-empty string, got {self.skill!r}")
        if not isinstance(self.args, Mapping) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in self.args.items()):
            raise PlanFormatError(f"step {self.skill}: args must map names to strings, got {self.args!r}")
        object.__setattr__(self, "args", MappingProxyType(dict(self.args)))

    def __hash__(self) -> int:
        return hash((self.skill, tuple(sorted(self.args.items()))))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Step) and self.skill == other.skill and dict(self.args) == dict(other.args)

    def __str__(self) -> str:
        return f"{self.skill}({', '.join(f'{k}={v}' for k, v in self.args.items())})"

    def to_json(self) -> dict[str, Any]:
        return {"skill": self.skill, "args": dict(self.args)}


@dataclass(frozen=True, kw_only=True)
class Plan:
    """An ordered sequence of steps (checked with ``skills.check_plan`` before anything moves)."""

    steps: tuple[Step, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "steps", tuple(self.steps))


@dataclass(frozen=True, kw_only=True)
class Refusal:
    """The planner declines: absent object, impossible goal, unsafe request, or not understood."""

    reason: str


@dataclass(frozen=True, kw_only=True)
class Clarification(Refusal):
    """The planner asks instead of guessing: ``reason`` is the question, ``candidates`` the objects it could
    mean. It is a ``Refusal`` to everything that executes plans, so nothing moves until the user answers."""

    candidates: tuple[str, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "candidates", tuple(self.candidates))
        if len(self.candidates) < 2 or not all(isinstance(c, str) and c for c in self.candidates):
            raise PlanFormatError(f"a clarification names two or more candidates, got {self.candidates!r}")


PlanResult = Plan | Refusal


def result_to_json(result: PlanResult) -> dict[str, Any]:
    """``{"status": "ok", "steps": [...]}``, ``{"status": "refused", "reason": ...}`` or
    ``{"status": "clarify", "reason": question, "candidates": [...]}``."""
    if isinstance(result, Plan):
        return {"status": "ok", "steps": [s.to_json() for s in result.steps]}
    if isinstance(result, Clarification):
        return {"status": "clarify", "reason": result.reason, "candidates": list(result.candidates)}
    return {"status": "refused", "reason": result.reason}


def result_from_json(data: Any) -> PlanResult:
    """Parse the JSON form of ``result_to_json``; anything else raises ``PlanFormatError``."""
    if not isinstance(data, Mapping):
        raise PlanFormatError(f"a plan result must be a JSON object, got {type(data).__name__}")
    status = data.get("status")
    if status == "refused":
        _only(data, ("status", "reason"))
        reason = data.get("reason")
        if not isinstance(reason, str) or not reason:
            raise PlanFormatError(f"a refusal needs a non-empty 'reason' string, got {reason!r}")
        return Refusal(reason=reason)
    if status == "clarify":
        _only(data, ("status", "reason", "candidates"))
        reason, candidates = data.get("reason"), data.get("candidates")
        if not isinstance(reason, str) or not reason or not isinstance(candidates, list):
            raise PlanFormatError(f"a clarification needs a 'reason' question and a 'candidates' list, got {data!r}")
        return Clarification(reason=reason, candidates=tuple(candidates))
    if status == "ok":
        _only(data, ("status", "steps"))
        steps = data.get("steps")
        if not isinstance(steps, list):
            raise PlanFormatError(f"'steps' must be a list, got {steps!r}")
        parsed = []
        for i, raw in enumerate(steps):
            if not isinstance(raw, Mapping):
                raise PlanFormatError(f"steps[{i}] must be an object with 'skill' and 'args', got {raw!r}")
            _only(raw, ("skill", "args"), f"steps[{i}]")
            parsed.append(Step(skill=raw.get("skill"), args=raw.get("args", {})))  # type: ignore[arg-type]
        return Plan(steps=tuple(parsed))
    raise PlanFormatError(f"'status' must be 'ok', 'refused' or 'clarify', got {status!r}")


def _only(data: Mapping[str, Any], valid: tuple[str, ...], where: str = "result") -> None:
    unknown = sorted(set(data) - set(valid))
    if unknown:
        raise PlanFormatError(f"{where}: unknown key(s) {', '.join(map(repr, unknown))}; "
                              f"valid keys: {', '.join(valid)}")
