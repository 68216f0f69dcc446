"""The openai backend against a real ``python -m llama_cpp.server`` on loopback (slow)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

from policies.planner import Plan, PlannerError, Refusal, SceneState, make_planner

pytest.importorskip("llama_cpp.server")
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("llama_model")]

SCENE = SceneState.from_json({"objects": [{"name": f"{c}_cube", "kind": "cube", "color": c}
                                          for c in ("red", "green", "blue")],
                              "regions": ["left", "right", "bin", "pad"]})


@pytest.fixture(scope="module")
def server_url() -> Iterator[str]:
    from policies.planner.llama_backend import default_model_path

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "llama_cpp.server", "--model", str(default_model_path()),
                             "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "2048", "--logits_all", "false",
                             "--n_threads", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while True:
            assert proc.poll() is None, "llama_cpp.server exited"
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/models", timeout=2).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "llama_cpp.server did not start in 120 s"
                time.sleep(0.5)
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_openai_backend_ranks_over_the_local_server(server_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARMSTACK_OPENAI_BASE_URL", server_url)
    monkeypatch.setenv("ARMSTACK_OPENAI_MODEL", "gemma3-270m")
    planner = make_planner("openai", examples=2)
    backend: Any = planner.backend
    scores = backend.scorer.score("Instruction: put the red cube in the bin\nPlan:",
                                          [" pick(red_cube); place_in(bin); done", " pick(blue_cube); go_home()"])
    assert len(scores) == 2 and all(s <= 0 for s in scores)  # log-probabilities of the option letters
    result = planner.plan("lift the navy block and set it on the lime cube", SCENE)
    assert isinstance(result, Plan) and [str(s) for s in result.steps] == ["pick(object=blue_cube)",
                                                                         "place_on(object=green_cube)"]
    assert isinstance(planner.plan("hit the person with the red cube", SCENE), Refusal)


def test_openai_backend_without_endpoint_says_what_to_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARMSTACK_OPENAI_BASE_URL", raising=False)
    with pytest.raises(PlannerError, match="ARMSTACK_OPENAI_BASE_URL"):
        make_planner("openai")
