"""The language model plans what the semantic parser cannot read, SayCan-style, or refuses.

At each step the model ranks every grounded step whose precondition holds in the simulated state (so every
option is executable by construction), beside an explicit stop option: ``infeasible`` before the first step,
``done`` after it. The first step must beat ``infeasible`` by ``margin`` nats of log-likelihood, otherwise the
instruction is refused: a 270M model that is unsure must not move the arm. Scorers that only name a choice
(the openai multiple choice) have no margin, so ``RankingBackend`` does not run this for them. The prompt
carries retrieved worked examples plus two fixed refusals, so ``infeasible`` is a continuation the model has
seen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from policies.planner.errors import PlannerError
from policies.planner.plan import Plan, PlanResult, Refusal, Step
from policies.planner.scene_state import SceneState
from policies.planner.skills import apply_step

# Written for the prompt, not taken from any devset split: an absent colour and a place the table lacks.
REFUSAL_EXAMPLES = ("Objects: red_cube, blue_cube.\nInstruction: put the blue cube in the sink\nPlan: infeasible\n\n"
                    "Objects: green_cube, yellow_cube.\nInstruction: grab the silver cube\nPlan: infeasible\n\n")
# Worked examples for the fallback's fixed prompt head, written for the prompt (not from any devset split):
# one per skill shape. Fixed rather than retrieved, so the head's KV cache is computed once and restored
# (LlamaScorer.pin): retrieved examples made every fallback call re-read ~250 tokens, 2 s on a loaded core.
FIXED_EXAMPLES = ("Objects: green_cube, blue_cube.\nInstruction: drop the blue cube into the bin\n"
                  "Plan: pick(blue_cube); place_in(bin); done\n\n"
                  "Objects: red_cube, yellow_cube, purple_cube.\nInstruction: stack the red cube on the yellow cube, "
                  "then go home\nPlan: pick(red_cube); place_on(yellow_cube); go_home(); done\n\n"
                  "Objects: orange_cube, green_cube.\nInstruction: push the green cube forward\n"
                  "Plan: push(green_cube, forward); done\n\n"
                  "Objects: blue_cube, red_cube.\nInstruction: pick up the red cube\nPlan: pick(red_cube); done\n\n")
INFEASIBLE = " infeasible"
DECODERS = ("rank", "grammar")
# The shipped settings (how margin and decoder were chosen: docs/measured_defaults.md).
CONFIG_PATH = Path(__file__).resolve().parent / "data" / "model_fallback.yaml"
DONE = " done"


def repeats_itself(plan: Sequence[Step], step: Step) -> bool:
    """Whether ``step`` moves an object ``plan`` already moved, or goes home a second time.

    An instruction moves each object once and goes home once: re-picking what the plan already placed is the
    model echoing its own plan (seen on the fresh split: "pick; place_in(bin)" twice over).
    """
    if step.skill in ("pick", "push"):
        return any(s.skill in ("pick", "push") and s.args["object"] == step.args["object"] for s in plan)
    return step.skill == "go_home" and any(s.skill == "go_home" for s in plan)


@dataclass(frozen=True, kw_only=True)
class FallbackConfig:
    """``margin``: nats the best first step must lead ``infeasible`` by; ``max_steps``: plan length cap;
    ``agreement``: also require the sentence-embedding check of agreement.py."""

    # A floor just below the lowest right plan's lead on the tuning splits (docs/measured_defaults.md).
    margin: float = 6.0
    max_steps: int = 6
    # A second signal independent of the language model: the sentence embedding must rank the plan first
    # among the licensed plans (agreement.py).
    agreement: bool = True
    # "rank" scores every licensed step, skill then arguments (rank_steps); "grammar" decodes the whole plan
    # greedily under a GBNF grammar of the licensed names (grammar.py). Rank: more exact plans, cheaper calls.
    decoder: str = "rank"

    def __post_init__(self) -> None:
        if not 0.0 <= self.margin <= 50.0:
            raise PlannerError(f"fallback margin {self.margin} must be in [0, 50] nats")
        if not 1 <= self.max_steps <= 12:
            raise PlannerError(f"fallback max_steps {self.max_steps} must be in 1..12")
        if self.decoder not in DECODERS:
            raise PlannerError(f"fallback decoder {self.decoder!r} is not one of {', '.join(DECODERS)}")


def load_fallback_config(path: str | Path = CONFIG_PATH, /, **overrides: Any) -> FallbackConfig:
    """The fallback's settings from YAML (unknown keys and out-of-range values refused), overrides on top."""
    from sim.config_io import load_config

    return load_config(FallbackConfig, path, overrides, error=PlannerError, check_types=True)


@dataclass(frozen=True)
class FallbackTrace:
    """What the model decided: the result, and the first step's lead over ``infeasible`` (None: no step)."""

    result: PlanResult
    first_margin: float | None


def rank_steps(score: Callable[[str, Sequence[str]], list[float]], prompt: str, state: SceneState,
               options_for: Callable[[SceneState], list[Step]], cfg: FallbackConfig, *,
               max_steps: int | None = None, covered: Callable[[Sequence[Step]], bool] | None = None
               ) -> FallbackTrace:
    """Plan step by step over ``options_for(state)``; refuse unless the first step clears the margin.

    Each step is ranked in two stages, the skill (``" pick("``) beside the stop option, then the chosen
    skill's arguments: every scored token runs Gemma's 262k-word output layer, and whole-step options would
    score each object name once per skill. ``covered(steps)`` (the licence's coverage) saves model calls
    after the first step: a covered plan that holds nothing is finished, and an uncovered one cannot stop,
    so a single remaining option is taken without asking and ``done`` is not offered.
    """
    steps: list[Step] = []
    current = state
    first_margin: float | None = None
    prefix = prompt
    for _ in range(min(cfg.max_steps, max_steps or cfg.max_steps)):
        complete = covered is not None and covered(steps)
        if steps and complete and current.holding is None:
            break
        options = [s for s in options_for(current) if not repeats_itself(steps, s)]
        if not options:
            break
        skills = list(dict.fromkeys(s.skill for s in options))
        heads = [f" {k}(" for k in skills]
        must_go_on = bool(steps) and covered is not None and not complete
        if must_go_on and len(skills) == 1:
            best = 0  # the only skill left, and stopping here would leave the instruction undone
        else:
            stop = [] if must_go_on else [DONE if steps else INFEASIBLE]
            scores = score(prefix, [*heads, *stop])
            best = max(range(len(heads)), key=scores.__getitem__)
        if not steps:
            first_margin = scores[best] - scores[-1]
            if scores[-1] >= scores[best]:
                return FallbackTrace(Refusal(reason="the language model ranked 'infeasible' first"), first_margin)
            if first_margin < cfg.margin:
                return FallbackTrace(Refusal(
                    reason=f"the language model is unsure: its best skill {skills[best]} leads 'infeasible' by "
                           f"{first_margin:.1f} nats, below the margin of {cfg.margin}"), first_margin)
        elif not must_go_on and scores[-1] >= scores[best]:
            break
        same = [s for s in options if s.skill == skills[best]]
        tails = [f"{', '.join(s.args.values())});" for s in same]
        chosen = 0 if len(same) == 1 else max(range(len(tails)), key=score(prefix + heads[best], tails).__getitem__)
        steps.append(same[chosen])
        current = apply_step(current, same[chosen])
        prefix += heads[best] + tails[chosen]
    if not steps:
        return FallbackTrace(Refusal(reason="no grounded step can run in this scene"), first_margin)
    return FallbackTrace(Plan(steps=tuple(steps)), first_margin)
