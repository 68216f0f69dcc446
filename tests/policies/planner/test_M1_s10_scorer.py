"""The llama.cpp scorer evaluates every option of a call in one decode (M1 s10; slow: loads the real model).

Each option runs in a sequence of its own over the prompt's shared KV cache; the numbers must be the ones each
option gets alone (no option sees another's tokens), the cache must hold exactly the prompt afterwards, and the
pinned head's shared start is restored for prompts that share only part of it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("llama_cpp")
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("llama_model")]

from policies.planner.llama_backend import PARALLEL_SEQUENCES, LlamaScorer  # noqa: E402
from policies.planner.ranking import FALLBACK_HEAD, HEADER  # noqa: E402

# Scores move with the batch shape llama.cpp's quantised kernels see (measured up to 0.62 nats on a sum over five
# tokens, 0.1-0.3 typically, on the 2-core Xeon); an option that saw another option's tokens moves by whole nats.
TOL = 1.0
PROMPT = (FALLBACK_HEAD + "Objects: red_cube, green_cube, blue_cube. Regions: left, right, bin, pad.\n"
          "Instruction: push the green cube to the left\nPlan: push(")
PUSHES = [f"{o}_cube, {d});" for o in ("red", "green", "blue") for d in ("left", "right", "forward", "backward")]


@pytest.fixture(scope="module")
def scorer() -> LlamaScorer:
    s = LlamaScorer()
    s.pin(FALLBACK_HEAD)
    return s


@pytest.fixture
def decodes(scorer: LlamaScorer) -> Iterator[list[int]]:
    """Count llama_decode calls (their batch sizes) while a test runs."""
    seen: list[int] = []
    ctx: Any = scorer.llm._ctx
    original = ctx.decode

    def counting(batch: Any) -> None:
        seen.append(int(batch.batch.n_tokens))
        original(batch)

    ctx.decode = counting
    yield seen
    ctx.decode = original


def test_all_options_go_through_the_model_in_one_decode(scorer: LlamaScorer, decodes: list[int]) -> None:
    scorer.score(PROMPT, PUSHES)
    assert len(decodes) == 1  # one decode per option before this session: 12 calls
    # The shared prompt start is held, so only its new tokens and each option's distinct tokens are evaluated.
    assert decodes[0] < 120


def test_each_option_scores_as_it_does_alone(scorer: LlamaScorer) -> None:
    together = scorer.score(PROMPT, PUSHES)
    alone = [scorer.score(PROMPT, [p])[0] for p in PUSHES]
    assert together == pytest.approx(alone, abs=TOL)
    assert max(range(len(PUSHES)), key=together.__getitem__) == PUSHES.index("green_cube, left);")
    # An option's siblings do not change its score beyond rounding: beside a junk option or beside all others.
    beside_junk = [scorer.score(PROMPT, [p, " zebra quantum"])[0] for p in PUSHES[:4]]
    assert beside_junk == pytest.approx(together[:4], abs=TOL)


def test_options_sharing_tokens_and_empty_options(scorer: LlamaScorer) -> None:
    opts = [" pick(red_cube); place_in(bin); done", " pick(red_cube); place_in(pad); done", " pick(red_cube)", "",
            " infeasible"]
    scores = scorer.score("Instruction: put the red cube in the bin\nPlan:", opts)
    assert scores[3] == 0.0  # an empty option has no tokens to score
    alone = [scorer.score("Instruction: put the red cube in the bin\nPlan:", [o])[0] for o in opts]
    assert scores == pytest.approx(alone, abs=TOL)
    assert scores[0] > scores[1]  # the words say bin
    # A strict prefix of an option scores at least as high as the option (log-probabilities are <= 0).
    assert scores[2] >= scores[0] - TOL


def test_more_options_than_sequences_are_scored_in_several_decodes(scorer: LlamaScorer, decodes: list[int]) -> None:
    many = [f" pick({c}_cube); place_in({r}); done" for c in ("red", "green", "blue", "yellow", "orange", "purple",
                                                               "white", "black", "pink", "grey", "brown", "teal")
            for r in ("bin", "pad", "left", "right", "tray", "box")]
    assert len(many) > PARALLEL_SEQUENCES - 1
    scores = scorer.score("Instruction: put the red cube in the bin\nPlan:", many)
    assert len(decodes) >= 2
    sample = [0, 1, 40, len(many) - 1]
    alone = [scorer.score("Instruction: put the red cube in the bin\nPlan:", [many[i]])[0] for i in sample]
    assert [scores[i] for i in sample] == pytest.approx(alone, abs=TOL)
    assert max(range(len(many)), key=scores.__getitem__) == 0


def test_the_cache_holds_the_prompt_only_after_a_call(scorer: LlamaScorer) -> None:
    other = "Objects: blue_cube.\nInstruction: drop the blue cube in the bin\nPlan:"
    scorer.score(PROMPT, PUSHES)
    warm = scorer.score(other, [" pick(blue_cube);", " infeasible"])
    held = scorer.llm.n_tokens
    assert list(scorer.llm.input_ids[:held]) == scorer._tokens(other, bos=True)
    scorer.llm.reset()
    cold = scorer.score(other, [" pick(blue_cube);", " infeasible"])
    assert warm == pytest.approx(cold, abs=TOL)


def test_a_prompt_sharing_the_header_restores_that_part_of_the_pinned_head(scorer: LlamaScorer,
                                                                            decodes: list[int]) -> None:
    ranking = (HEADER + "Objects: red_cube, blue_cube.\nInstruction: bin the red cube\nPlan: pick(red_cube); "
               "place_in(bin); done\n\nObjects: red_cube, green_cube.\nInstruction: put the red cube in the bin\nPlan:")
    opts = [" pick(red_cube); place_in(bin); done", " pick(green_cube); place_in(bin); done"]
    scorer.score(PROMPT, PUSHES)  # the cache holds the fallback prompt, which shares the header
    decodes.clear()
    restored = scorer.score(ranking, opts)
    shared = next(i for i, (a, b) in enumerate(zip(scorer._pinned[0], scorer._tokens(ranking, bos=True),  # type: ignore[index]
                                                      strict=False)) if a != b)
    assert shared >= len(scorer._tokens(HEADER, bos=True)) - 1
    total = len(scorer._tokens(ranking, bos=True))
    assert sum(decodes) <= total - shared + 30  # the header was restored, not evaluated again
    scorer.llm.reset()
    cold = scorer.score(ranking, opts)
    assert restored == pytest.approx(cold, abs=TOL)
    assert restored[0] > restored[1]


def test_a_long_new_prompt_is_evaluated_before_the_options(scorer: LlamaScorer) -> None:
    long_prompt = HEADER + "".join(f"Objects: red_cube, blue_cube.\nInstruction: example {i}: put the red cube in "
                                   f"the bin\nPlan: pick(red_cube); place_in(bin); done\n\n" for i in range(12)) + \
        "Objects: red_cube, blue_cube.\nInstruction: put the blue cube in the bin\nPlan:"
    assert len(scorer._tokens(long_prompt, bos=True)) > scorer.llm.n_batch // 2
    scorer.llm.reset()
    opts = [" pick(blue_cube); place_in(bin); done", " pick(red_cube); place_in(bin); done"]
    cold = scorer.score(long_prompt, opts)  # the prompt first, alone, then the options
    assert scorer.llm.n_tokens == len(scorer._tokens(long_prompt, bos=True))
    held = scorer.score(long_prompt, opts)  # the prompt held: only the options are evaluated
    assert cold == pytest.approx(held, abs=TOL)
    assert cold[0] != cold[1]
