"""A second, independent signal on the fallback's plan: sentence-embedding agreement with the instruction.

The language model's plan is accepted only if, among every plan the instruction's licence allows (licence.py:
each argument named by a word, everything named covered), its English rendering is the one closest to the
instruction in MiniLM embedding space (the encoder retrieval.py uses). The two signals fail differently: the
270M model reads token likelihoods after a prompt, the encoder compares whole sentences, so a plan both rank
first is far less likely to be a wrong one (the issue's "a wrong plan that runs is worse than a refusal").
Where the licence allows one plan only there is nothing to compare and the check passes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from policies.planner.fallback import repeats_itself
from policies.planner.licence import Licence, acceptance_error
from policies.planner.plan import Step
from policies.planner.scene_state import SceneState
from policies.planner.skills import apply_step, step_error

MAX_ALTERNATIVES = 48
# Cosine similarity by which another plan must beat the model's to refuse it. On the gold plans of the tune
# and fresh splits that have same-length alternatives (12), MiniLM ranked the right plan below another by at
# most 0.003 ("the yellow one on the purple one" against "the yellow cube on the pad"): it binds objects to
# places weakly, so only a clear preference counts.
TOLERANCE = 0.01
_REGION_TEXT = {"bin": "in the bin", "pad": "on the pad", "left": "on the left side", "right": "on the right side"}
_DIRECTION_TEXT = {"left": "to the left", "right": "to the right", "forward": "forward, away from you",
                   "backward": "backward, towards you"}


def _noun(name: str) -> str:
    return name.replace("_", " ")


def render(steps: Sequence[Step]) -> str:
    """The plan as one English request, e.g. "put the red cube in the bin, then go home"."""
    parts: list[str] = []
    i = 0
    while i < len(steps):
        s = steps[i]
        nxt = steps[i + 1] if i + 1 < len(steps) else None
        if s.skill == "pick" and nxt is not None and nxt.skill in ("place_in", "place_on"):
            where = (_REGION_TEXT.get(nxt.args["region"], f"in the {nxt.args['region']}") if nxt.skill == "place_in"
                     else f"on the {_noun(nxt.args['object'])}")
            parts.append(f"put the {_noun(s.args['object'])} {where}")
            i += 2
            continue
        if s.skill == "pick":
            parts.append(f"pick up the {_noun(s.args['object'])}")
        elif s.skill == "place_in":
            parts.append(f"put it {_REGION_TEXT.get(s.args['region'], 'in the ' + s.args['region'])}")
        elif s.skill == "place_on":
            parts.append(f"put it on the {_noun(s.args['object'])}")
        elif s.skill == "push":
            parts.append(f"push the {_noun(s.args['object'])} {_DIRECTION_TEXT[s.args['direction']]}")
        else:
            parts.append("go home")
        i += 1
    return ", then ".join(parts)


def licensed_plans(state: SceneState, licence: Licence, steps_of: Any, cap: int) -> list[tuple[Step, ...]]:
    """Every accepted plan over licensed steps (each object moved once, home once), at most MAX_ALTERNATIVES."""
    out: list[tuple[Step, ...]] = []

    def extend(plan: tuple[Step, ...], current: SceneState) -> None:
        if len(out) >= MAX_ALTERNATIVES:
            return
        if plan and acceptance_error(plan, licence) is None:
            out.append(plan)
        if len(plan) >= cap:
            return
        for step in steps_of(current):
            if licence.allows(step) and step_error(current, step) is None and not repeats_itself(plan, step):
                extend((*plan, step), apply_step(current, step))

    extend((), state)
    return out


def _content(steps: Sequence[Step]) -> tuple[str, ...]:
    return tuple(sorted(str(s) for s in steps))


def agreement_error(instruction: str, plan: Sequence[Step], alternatives: Sequence[Sequence[Step]],
                    encoder: Any) -> str | None:
    """None unless another plan's rendering is closer to ``instruction`` than ``plan``'s by over TOLERANCE.

    Only alternatives of the same length that bind objects, places or directions differently are compared:
    sentence embeddings barely see clause order (0.943 against 0.941 for the two orders of "put both the red
    and the blue cube in the bin", fresh split), and they favour a plan that also moves an object the
    instruction names only as an anchor ("the cube off the yellow one", tune split); the order and the
    length are the model's and the licence's to decide. MiniLM sees little of which object goes where, so
    this check catches gross disagreements (another object or place altogether), not swapped bindings.
    """
    mine = _content(plan)
    others = [tuple(a) for a in alternatives if len(a) == len(plan) and _content(a) != mine]
    if not others:
        return None
    texts = [render(plan), *(render(a) for a in others)]
    vecs = np.asarray(encoder.encode([instruction, *texts]), dtype=np.float32)
    sims = vecs[1:] @ vecs[0]
    best = int(np.argmax(sims[1:]))
    if sims[1 + best] > sims[0] + TOLERANCE:
        return (f"the sentence embedding prefers another plan ({render(others[best])!r}, similarity "
                f"{sims[1 + best]:.3f} against {sims[0]:.3f})")
    return None
