"""The semantic parser alone, no model: the ``parser`` backend and the benchmark's ``parser_only`` row.

It shows what the deterministic parser decides by itself (and serves where no model is installed): the first
reading that passes the checker, and a refusal wherever the hybrid backend would consult the model.
"""

from __future__ import annotations

from policies.planner.phrasing import without_reassurance
from policies.planner.plan import PlanResult, Refusal
from policies.planner.safety import unsafe_reason
from policies.planner.scene_state import SceneState
from policies.planner.semantic_parser import parse
from policies.planner.skills import check_plan


class ParserBackend:
    """Unsafe screen, then the parser's first checked reading; unread instructions are refused."""

    name = "parser"

    def propose(self, instruction: str, state: SceneState) -> PlanResult:
        unsafe = unsafe_reason(without_reassurance(instruction))
        if unsafe:
            return Refusal(reason=unsafe)
        parsed = parse(instruction, state)
        if parsed.refusal is not None:
            # The raw reading goes on only where the step checker refuses it too (the benchmark counts those);
            # a reading refused for what the words forbid or leave unmet is refused here, with that reason.
            if parsed.raw is not None and check_plan(state, parsed.raw) is not None:
                return parsed.raw
            return parsed.refusal
        return parsed.candidates[0]
