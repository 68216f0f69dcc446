"""Language-model ranking over grounded options (SayCan-style), shared by the llama_cpp and openai backends.

The model never writes a plan freely (the 270M model cannot; see ENVIRONMENT.md). Two modes:

``hybrid`` (default)  the semantic parser grounds the instruction and proposes every reading that passes the
                      checker; with one reading it is the plan, with several the model ranks whole plans by
                      log-likelihood after retrieved worked examples. When the parser cannot read the
                      instruction at all (``ParseResult.unread``; not a reasoned refusal), the model plans it
                      step by step (``fallback.py``) after the grounding screen (``grounding_guard.py``), over
                      only the options the instruction's words license (``licence.py``), with a margin
                      against ``infeasible``; the finished plan must cover what the words ask for and agree
                      with a sentence-embedding ranking of the licensed plans (``agreement.py``), or it is
                      refused. The prompt's fixed head is evaluated once and its KV cache restored per call.
                      The fallback's decoder (data/model_fallback.yaml): ``rank`` (default) scores licensed
                      steps; ``grammar`` decodes the whole plan under a GBNF grammar of the licensed names
                      (grammar.py). On the dev splits ranking was right more often and faster (bench/planner.py:
                      grammar decoding stops after the first clause where ranking is held to the coverage).
``saycan``            the model plans step by step alone: at each step it ranks every grounded action whose
                      precondition holds, plus ``done`` and ``infeasible``. Object references are still
                      grounded first (an absent or unsafe request is refused before the model runs).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from policies.planner.errors import PlannerError
from policies.planner.fallback import (
    FIXED_EXAMPLES,
    INFEASIBLE,
    REFUSAL_EXAMPLES,
    FallbackConfig,
    FallbackTrace,
    rank_steps,
)
from policies.planner.grammar import Vocabulary, plan_grammar, read_plan
from policies.planner.grounding_guard import screen
from policies.planner.licence import Licence, acceptance_error, licence_for
from policies.planner.pairing import Pairing, read_pairing, step_fits
from policies.planner.phrasing import without_reassurance
from policies.planner.plan import Plan, PlanResult, Refusal, Step
from policies.planner.safety import unsafe_reason
from policies.planner.scene_state import SceneState
from policies.planner.semantic_parser import parse
from policies.planner.skills import DIRECTIONS, MAX_PLAN_STEPS, apply_step, step_error

MODES = ("hybrid", "saycan")
HEADER = ("A robot arm turns instructions into skill calls. Skills: pick(object), place_on(object), "
          "place_in(region), push(object, direction), go_home(). A plan ends with done; "
          "a request that cannot be done safely is infeasible.\n\n")

FALLBACK_HEAD = HEADER + REFUSAL_EXAMPLES + FIXED_EXAMPLES


class Scorer(Protocol):
    """Log-likelihood of each continuation after a shared prefix (the prefix is evaluated once)."""

    def score(self, prefix: str, continuations: Sequence[str]) -> list[float]: ...


@dataclass
class RankingStats:
    """What the model decided, for the benchmark: calls, candidates scored, seconds spent in the model."""

    model_calls: int = 0
    options_scored: int = 0
    model_seconds: float = 0.0
    decided_by_model: int = 0
    per_call: list[float] = field(default_factory=list)
    fallback_calls: int = 0  # unread instructions handed to the fallback
    screened_refusals: int = 0  # of those, refused by the grounding screen before the model ran
    first_margins: list[float] = field(default_factory=list)  # first step's lead over 'infeasible', per call
    licence_refusals: int = 0  # unread instructions refused by the licence (before or after the model ran)
    agreement_refusals: int = 0  # model plans refused because the sentence embedding preferred another plan


def step_text(step: Step) -> str:
    return f"{step.skill}({', '.join(step.args.values())})"


def plan_text(steps: Sequence[Step]) -> str:
    return "; ".join(step_text(s) for s in steps)


def scene_text(state: SceneState) -> str:
    text = f"Objects: {', '.join(state.names)}. Regions: {', '.join(state.regions)}."
    if state.holding:
        text += f" Holding: {state.holding}."
    if state.on:
        text += " " + " ".join(f"{o} is on {s}." for o, s in state.on.items())
    return text


def grounded_steps(state: SceneState) -> list[Step]:
    """Every step whose arguments exist and whose precondition holds in ``state``."""
    steps = [Step(skill="go_home", args={})]
    for name in state.names:
        steps.append(Step(skill="pick", args={"object": name}))
        steps.append(Step(skill="place_on", args={"object": name}))
        steps.extend(Step(skill="push", args={"object": name, "direction": d}) for d in DIRECTIONS)
    steps.extend(Step(skill="place_in", args={"region": r}) for r in state.regions)
    return [s for s in steps if step_error(state, s) is None]


class RankingBackend:
    """A planner backend on any ``Scorer``; ``name`` is the backend name the benchmark reports.

    ``fallback`` hands instructions the parser cannot read to the model (on in the llama_cpp and openai
    backends). Unlicensed, it ran 18 wrong plans on the devset; under the licence and acceptance rule it runs
    almost none (bench/planner.py), so it is the default. An uncalibrated scorer (openai's multiple choice)
    has no margin: there only the licence and the acceptance checks guard the model's plan.
    """

    def __init__(self, scorer: Scorer, *, name: str, mode: str = "hybrid", examples: int = 3,
                 retriever: object | None = None, fallback: bool = False,
                 fallback_config: FallbackConfig | None = None) -> None:
        if mode not in MODES:
            raise PlannerError(f"unknown planner mode {mode!r}; valid modes: {', '.join(MODES)}")
        if not 0 <= examples <= 8:
            raise PlannerError(f"examples must be 0..8 worked examples in the prompt, got {examples}")
        self.scorer = scorer
        self.name = name
        self.mode = mode
        self.n_examples = examples
        self._retriever = retriever
        self.fallback = fallback
        self.fallback_config = fallback_config if fallback_config is not None else FallbackConfig()
        # Log-likelihood scorers give margins in nats; a multiple-choice scorer only names its choice.
        self.calibrated = bool(getattr(scorer, "calibrated", True))
        self.stats = RankingStats()
        self._encoder: object | None = None  # MiniLM, loaded on the first fallback plan to compare
        pin = getattr(scorer, "pin", None)
        if fallback and mode == "hybrid" and self.calibrated and pin is not None:
            pin(FALLBACK_HEAD)  # evaluated once here; restored on each fallback call

    # ------------------------------------------------------------------ prompt
    def _examples_text(self, instruction: str) -> str:
        if self.n_examples == 0:
            return ""
        if self._retriever is None:
            from policies.planner.retrieval import ExampleRetriever

            self._retriever = ExampleRetriever()
        parts = []
        for ex in self._retriever.nearest(instruction, self.n_examples):  # type: ignore[attr-defined]
            parts.append(f"Objects: {', '.join(ex.objects)}.\nInstruction: {ex.instruction}\n"
                         f"Plan: {plan_text(ex.plan.steps)}; done\n\n")
        return "".join(parts)

    def _prompt(self, instruction: str, state: SceneState, preamble: str = "") -> str:
        return (HEADER + preamble + self._examples_text(instruction) + f"{scene_text(state)}\nInstruction: "
                f"{instruction.strip()}\nPlan:")

    def _score(self, prefix: str, options: Sequence[str]) -> list[float]:
        t0 = time.perf_counter()
        scores = self.scorer.score(prefix, options)
        dt = time.perf_counter() - t0
        self.stats.model_calls += 1
        self.stats.options_scored += len(options)
        self.stats.model_seconds += dt
        self.stats.per_call.append(dt)
        return scores

    # ----------------------------------------------------------------- propose
    def propose(self, instruction: str, state: SceneState) -> PlanResult:
        unsafe = unsafe_reason(without_reassurance(instruction))
        if unsafe:
            return Refusal(reason=unsafe)
        parsed = parse(instruction, state)
        if self.mode == "saycan":
            return self._saycan(instruction, state, parsed.refusal)
        if parsed.refusal is not None:
            if parsed.unread and self.fallback:
                return self._fallback(instruction, state)
            # The first reading, unchecked, is what this backend proposed: the checker's refusal is counted.
            return parsed.raw if parsed.raw is not None else parsed.refusal
        if len(parsed.candidates) == 1:
            return parsed.candidates[0]
        prompt = self._prompt(instruction, state)
        options = [f" {plan_text(p.steps)}; done" for p in parsed.candidates]
        scores = self._score(prompt, options)
        self.stats.decided_by_model += 1
        return parsed.candidates[max(range(len(scores)), key=scores.__getitem__)]

    def _fallback(self, instruction: str, state: SceneState) -> PlanResult:
        self.stats.fallback_calls += 1
        screened = screen(instruction, state)
        if screened.refusal is not None:
            self.stats.screened_refusals += 1
            return screened.refusal
        licence = licence_for(screened.text, state)
        if licence.question:
            self.stats.licence_refusals += 1
            return Refusal(reason="the instruction is a question, not a request to move anything")
        if not (licence.objects or licence.home or (state.holding and licence.regions)):
            # Nothing the arm could act on is named ("do a little dance"): the model must not pick something.
            self.stats.licence_refusals += 1
            return Refusal(reason="could not understand the instruction: it names no object, place or home "
                                  f"in this scene (objects: {', '.join(state.names)})")
        unmet = licence.unplaceable()
        # Which object the words send where (read as the checker reads it, from the instruction as given): a step
        # against it would be refused after the model chose it, so it is never offered.
        pairing = read_pairing(instruction, state)
        if unmet is not None or pairing.condition is not None:  # no plan the model writes could be accepted
            self.stats.licence_refusals += 1
            return Refusal(reason=unmet or str(pairing.condition))
        # The fixed head first, the scene and instruction last: only they are evaluated per instruction.
        prompt = FALLBACK_HEAD + f"{scene_text(state)}\nInstruction: {screened.text.strip()}\nPlan:"
        self.stats.decided_by_model += 1
        if pairing.ambiguity is not None:
            pairing = Pairing({})

        def fitting(current: SceneState) -> list[Step]:
            return [s for s in grounded_steps(current) if step_fits(pairing, current, s)]

        def options(current: SceneState) -> list[Step]:
            # Only steps whose every argument the instruction names: the model orders and completes them.
            return [s for s in fitting(current) if licence.allows(s)]

        # A multiple-choice scorer (openai) only names its choice, so it has no margin: its answer must still
        # not be 'infeasible', and the licence, coverage and agreement checks below guard it as they guard the
        # embedded model (on the tune, negative and fresh splits they, not the margin, refused every
        # negative that reached the model).
        cfg = self.fallback_config if self.calibrated else replace(self.fallback_config, margin=0.0)
        if cfg.decoder == "grammar" and hasattr(self.scorer, "generate"):
            trace = self._generate(prompt, state, licence, cfg)
        else:
            trace = rank_steps(self._score, prompt, state, options, cfg, max_steps=licence.step_cap(),
                               covered=lambda steps: licence.uncovered(steps) is None)
        if trace.first_margin is not None:
            self.stats.first_margins.append(trace.first_margin)
        if isinstance(trace.result, Plan):
            why = acceptance_error(trace.result.steps, licence)
            if why is not None:
                self.stats.licence_refusals += 1
            elif self.fallback_config.agreement:
                why = self._agreement(screened.text, state, licence, trace.result.steps, fitting)
                if why is not None:
                    self.stats.agreement_refusals += 1
            if why is not None:
                return Refusal(reason=f"the language model's plan {plan_text(trace.result.steps)} is not accepted: "
                                      f"{why}")
        return trace.result

    def _generate(self, prompt: str, state: SceneState, licence: Licence, cfg: FallbackConfig) -> FallbackTrace:
        """The whole plan decoded under the grammar of the licensed names, refused below the margin.

        The margin is the one ``rank_steps`` uses (the first step's skill against ``infeasible``, one short
        scoring call on the cached prompt), so one threshold, chosen on the development splits, serves both.
        """
        vocab = Vocabulary(objects=tuple(n for n in state.names if n in licence.objects),
                           targets=tuple(n for n in state.names if n in licence.targets),
                           regions=tuple(r for r in state.regions if r in licence.regions),
                           directions=tuple(d for d in DIRECTIONS if licence.push and d in licence.directions),
                           home=licence.home, lone_pick=licence.pick_verb)
        grammar = plan_grammar(vocab, holding=state.holding is not None,
                               max_steps=max(1, min(cfg.max_steps, licence.step_cap())))
        t0 = time.perf_counter()
        written = self.scorer.generate(prompt, grammar)  # type: ignore[attr-defined]
        dt = time.perf_counter() - t0
        self.stats.model_calls += 1
        self.stats.model_seconds += dt
        self.stats.per_call.append(dt)
        result = read_plan(written.text)
        if not isinstance(result, Plan):
            return FallbackTrace(Refusal(reason="the language model wrote 'infeasible'"), None)
        head = f" {result.steps[0].skill}("
        lead, stop = self._score(prompt, [head, INFEASIBLE])
        margin = lead - stop
        if margin < cfg.margin:
            return FallbackTrace(Refusal(
                reason=f"the language model is unsure: its plan {plan_text(result.steps)} leads 'infeasible' by "
                       f"{margin:.1f} nats, below the margin of {cfg.margin}"), margin)
        return FallbackTrace(result, margin)

    def _agreement(self, text: str, state: SceneState, licence: Licence, steps: Sequence[Step],
                   steps_of: Callable[[SceneState], list[Step]] = grounded_steps) -> str | None:
        from policies.planner.agreement import agreement_error, licensed_plans

        if self._encoder is None:
            from policies.text import shared_encoder

            self._encoder = shared_encoder()
        # The alternatives are the plans the model could have been offered (licensed, keeping to the pairing).
        alternatives = licensed_plans(state, licence, steps_of, licence.step_cap())
        return agreement_error(text, steps, alternatives, self._encoder)

    def _saycan(self, instruction: str, state: SceneState, refusal: Refusal | None) -> PlanResult:
        # Grounding first: a mention that names nothing present is refused before the model may guess.
        if refusal is not None and refusal.reason.startswith(("there is no", "the gripper holds nothing")):
            return refusal
        prompt = self._prompt(instruction, state)
        steps: list[Step] = []
        current = state
        self.stats.decided_by_model += 1
        for _ in range(MAX_PLAN_STEPS):
            options = grounded_steps(current)
            prefix = prompt + (f" {plan_text(steps)};" if steps else "")
            # Two stages (skill, then its arguments) keep the options short: each scored token costs a pass
            # through the 262k-word output layer, and whole-step options would multiply those passes.
            skills = list(dict.fromkeys(s.skill for s in options))
            heads = [f" {k}(" for k in skills] + [" done", " infeasible"]
            scores = self._score(prefix, heads)
            head = heads[max(range(len(heads)), key=scores.__getitem__)]
            if head == " done":
                break
            if head == " infeasible":
                return Refusal(reason="the model ranked 'infeasible' highest")
            same = [s for s in options if s.skill == head.strip(" (")]
            if len(same) > 1:
                tails = [f"{', '.join(s.args.values())});" for s in same]
                tail_scores = self._score(prefix + head, tails)
                chosen = same[max(range(len(tails)), key=tail_scores.__getitem__)]
            else:
                chosen = same[0]
            steps.append(chosen)
            current = apply_step(current, chosen)
        if not steps:
            return Refusal(reason="the model ranked 'done' first: nothing to do")
        return Plan(steps=tuple(steps))
