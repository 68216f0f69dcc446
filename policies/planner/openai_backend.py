"""The ``openai`` backend: the same option ranking over any OpenAI-compatible completions endpoint.

Scores are a multiple choice: the options are listed under letters after the prompt and the model answers
one letter at temperature 0. No ``logprobs``: a llama_cpp.server needs ``logits_all`` for them, which runs
Gemma's 262k-word output layer over every prompt token (tens of seconds per request on 2 cores), and its
``echo`` path sorts the whole vocabulary in Python per token. ``python -m llama_cpp.server --logits_all
false`` serves this on loopback.
URL, model and key come from options or the environment (``ARMSTACK_OPENAI_BASE_URL``,
``ARMSTACK_OPENAI_MODEL``, ``ARMSTACK_OPENAI_API_KEY``).
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from collections.abc import Sequence
from typing import Any

from policies.planner.errors import PlannerError
from policies.planner.fallback import FallbackConfig
from policies.planner.ranking import RankingBackend

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class EndpointError(PlannerError, RuntimeError):
    """The OpenAI-compatible endpoint is unreachable or answered something unusable."""


class OpenAIScorer:
    """Continuation log-likelihoods from an OpenAI-compatible completions endpoint."""

    calibrated = False  # the scores only rank the chosen letter first: no margin in nats

    def __init__(self, base_url: str, model: str, api_key: str = "", timeout_s: float = 60.0) -> None:
        if not base_url.startswith(("http://", "https://")):
            raise PlannerError(f"openai base URL {base_url!r} must start with http:// or https:// "
                               "(e.g. http://127.0.0.1:8000/v1)")
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.api_key = api_key
        self.timeout_s = timeout_s

    def _post(self, payload: dict[str, Any]) -> dict[str, Any]:
        headers = {"Content-Type": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        req = urllib.request.Request(f"{self.base_url}/completions", data=json.dumps(payload).encode(),
                                     headers=headers, method="POST")
        try:
            with urllib.request.urlopen(req, timeout=self.timeout_s) as resp:
                return dict(json.loads(resp.read()))
        except urllib.error.HTTPError as exc:
            body = exc.read().decode(errors="replace")[:300]
            raise EndpointError(f"{self.base_url}/completions answered HTTP {exc.code}: {body}") from exc
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise EndpointError(f"cannot reach {self.base_url}/completions: {exc}") from exc

    def score(self, prefix: str, continuations: Sequence[str]) -> list[float]:
        if len(continuations) > len(LETTERS):
            raise PlannerError(f"{len(continuations)} options exceed the {len(LETTERS)} letters of a multiple choice")
        listing = "".join(f"{LETTERS[i]}) {c.strip()}\n" for i, c in enumerate(continuations))
        prompt = f"{prefix} ...\nWhich continuation is right?\n{listing}Answer:"
        answer = self._post({"model": self.model, "prompt": prompt, "max_tokens": 2, "temperature": 0.0})
        try:
            text = str(answer["choices"][0]["text"])
        except (KeyError, IndexError, TypeError) as exc:
            raise EndpointError(f"the endpoint returned no completion: {str(answer)[:200]}") from exc
        letter = text.strip()[:1].upper()
        chosen = LETTERS.index(letter) if letter and letter in LETTERS[: len(continuations)] else -1
        # The chosen letter scores 0; the rest keep their listing order (the parser's preference) below it.
        # With no usable letter the first option wins, which in hybrid mode is the parser's first reading.
        return [0.0 if i == chosen else -1.0 - i for i in range(len(continuations))]


class OpenAIBackend(RankingBackend):
    """Ranking backend over an endpoint; options: base_url, model, api_key, timeout_s, mode, examples."""

    def __init__(self, *, base_url: str | None = None, model: str | None = None, api_key: str | None = None,
                 timeout_s: float = 60.0, mode: str = "hybrid", examples: int = 3,
                 retriever: object | None = None, fallback: bool = True,
                 fallback_config: FallbackConfig | None = None) -> None:
        url = base_url or os.environ.get("ARMSTACK_OPENAI_BASE_URL")
        if not url:
            raise PlannerError("the openai backend needs an endpoint: set ARMSTACK_OPENAI_BASE_URL "
                               "(e.g. http://127.0.0.1:8000/v1) or pass base_url")
        name = model or os.environ.get("ARMSTACK_OPENAI_MODEL") or "default"
        key = api_key if api_key is not None else os.environ.get("ARMSTACK_OPENAI_API_KEY", "")
        super().__init__(OpenAIScorer(url, name, key, timeout_s), name="openai", mode=mode, examples=examples,
                         retriever=retriever, fallback=fallback, fallback_config=fallback_config)
