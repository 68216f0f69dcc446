"""Worked examples nearest to an instruction (MiniLM sentence embeddings), for the model's prompt.

The example bank (``data/examples.jsonl``) holds only seen phrasings in other scenes, never the evaluated
unseen paraphrases. Its embeddings are cached in one file under the user cache, keyed by the SHA-256 of
the bank's content, so they are computed once per bank version.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from policies.planner.errors import PlannerError
from policies.planner.plan import Plan, result_from_json

EXAMPLES_PATH = Path(__file__).resolve().parent / "data" / "examples.jsonl"


@dataclass(frozen=True, kw_only=True)
class WorkedExample:
    instruction: str
    objects: tuple[str, ...]
    plan: Plan


def load_examples(path: str | Path = EXAMPLES_PATH) -> tuple[WorkedExample, ...]:
    path = Path(path)
    if not path.is_file():
        raise PlannerError(f"worked-example file {path} does not exist")
    out = []
    for lineno, line in enumerate(path.read_text().splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            plan = result_from_json(rec["gold"])
        except (json.JSONDecodeError, KeyError) as exc:
            raise PlannerError(f"{path}:{lineno}: not a worked example ({exc})") from exc
        if isinstance(plan, Plan):
            out.append(WorkedExample(instruction=rec["instruction"],
                                     objects=tuple(o["name"] for o in rec["scene"]["objects"]), plan=plan))
    if not out:
        raise PlannerError(f"{path} holds no worked examples")
    return tuple(out)


def _cache_dir() -> Path:
    base = os.environ.get("ARMSTACK_CACHE") or os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "armstack" / "planner-retrieval"


class ExampleRetriever:
    """``nearest(instruction, k)``: the k worked examples with the most similar instruction (cosine)."""

    def __init__(self, examples: tuple[WorkedExample, ...] | None = None, *, encoder: Any = None,
                 cache_dir: str | Path | None = None) -> None:
        self.examples = examples if examples is not None else load_examples()
        if encoder is None:
            from policies.text import TextEncoder

            encoder = TextEncoder()
        self.encoder = encoder
        self.cache_dir = Path(cache_dir) if cache_dir is not None else _cache_dir()
        self._bank = self._bank_embeddings()

    def _bank_embeddings(self) -> np.ndarray:
        texts = [e.instruction for e in self.examples]
        digest = hashlib.sha256("\n".join(texts).encode()).hexdigest()[:24]
        path = self.cache_dir / f"examples-{digest}.npy"
        try:
            bank = np.load(path)
            if bank.shape[0] == len(texts) and np.isfinite(bank).all():
                return bank
        except (OSError, ValueError):
            pass
        bank = np.asarray(self.encoder.encode(texts), dtype=np.float32)
        try:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.partial")
            with open(tmp, "wb") as fh:
                np.save(fh, bank)
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only cache only costs time
        return bank

    def nearest(self, instruction: str, k: int = 3) -> list[WorkedExample]:
        query = np.asarray(self.encoder.encode([instruction]), dtype=np.float32)[0]
        sims = self._bank @ query
        out: list[WorkedExample] = []
        for i in np.argsort(-sims, kind="stable"):  # distinct phrasings: a repeated example teaches nothing
            example = self.examples[int(i)]
            if all(e.instruction != example.instruction for e in out):
                out.append(example)
            if len(out) == k:
                break
        return out
