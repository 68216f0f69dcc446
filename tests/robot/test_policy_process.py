"""The bridge's policy runs in its own process: an overrun or a crash there is an error the tick survives."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import gymnasium as gym
import numpy as np
import pytest

from policies.policy import load
from policies.pretrained import PANDA_TABLETOP_BC
from robot.child_process import ChildCrashedError, ChildProcessError
from robot.policy_process import PolicyDeadlineError, PolicyProcess, PolicyUnavailableError

pytestmark = pytest.mark.xdist_group("bc_pretrained")


def _observations(n: int) -> list[dict[str, np.ndarray]]:
    env = gym.make("armstack/Tabletop-v0", robot="panda").unwrapped
    obs, _ = env.reset(seed=5)
    out = [obs]
    for _ in range(n - 1):
        obs, *_ = env.step(env.expert().act())
        out.append(obs)
    env.close()
    return out


def test_actions_match_the_policy_in_process_and_survive_overrun_and_kill() -> None:
    observations = _observations(3)
    local = load(PANDA_TABLETOP_BC)
    local.reset()
    expected = [np.asarray(local.act(o)) for o in observations]
    policy = PolicyProcess(str(PANDA_TABLETOP_BC), deadline_s=0.5, hang_s=5.0)
    try:
        policy.reset()
        got = policy.act(observations[0])
        # Same network, same inputs; thread counts may differ between the processes, so not bit-for-bit.
        np.testing.assert_allclose(got, expected[0], atol=1e-5)

        policy.deadline_s = 1e-6  # no answer can come this fast: an overrun, raised at once
        began = time.monotonic()
        with pytest.raises(PolicyDeadlineError, match=r"did not answer within|answered after"):
            policy.act(observations[1])
        assert time.monotonic() - began < 0.1
        time.sleep(0.3)  # the late answer arrives and must be dropped, not returned for the next request
        policy.deadline_s = 0.5
        np.testing.assert_allclose(policy.act(observations[2]), expected[2], atol=1e-5)

        pid = policy.pid
        assert pid is not None and pid != os.getpid()
        os.kill(pid, signal.SIGSEGV)
        time.sleep(0.1)
        with pytest.raises((ChildCrashedError, PolicyUnavailableError)):
            policy.act(observations[0])
        # Replaced in the background; the tick is never blocked by the start-up.
        began = time.monotonic()
        with pytest.raises(PolicyUnavailableError):
            policy.act(observations[0])
        assert time.monotonic() - began < 0.1
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                action = policy.act(observations[0])
                break
            except PolicyUnavailableError:
                time.sleep(0.2)
        else:
            pytest.fail("the policy process was not restarted within 120 s")
        assert policy.pid not in (None, pid)
        assert action.shape == expected[0].shape and np.isfinite(action).all()
    finally:
        policy.close()


def test_a_checkpoint_that_cannot_load_stops_the_start(tmp_path: Path) -> None:
    with pytest.raises(ChildProcessError, match="could not start"):
        PolicyProcess(str(tmp_path), deadline_s=0.03)
    with pytest.raises(ChildProcessError, match="deadline_s <= hang_s"):
        PolicyProcess(str(tmp_path), deadline_s=2.0, hang_s=1.0)


def test_an_instruction_missing_from_the_embedding_cache_is_acted_on_without_a_restart(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # An empty cache: the child embeds this instruction itself. Before the encoder was loaded at start-up, that first
    # action loaded it (seconds) past hang_s, the child was replaced, and each new child did the same: never an action.
    monkeypatch.setenv("ARMSTACK_CACHE", str(tmp_path / "cache"))
    obs = dict(_observations(1)[0], instruction="set the red cube down gently on the pad, then wait")
    policy = PolicyProcess(str(PANDA_TABLETOP_BC), deadline_s=0.2, hang_s=1.0)
    try:
        pid = policy.pid
        outcomes: list[str] = []
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and "action" not in outcomes:
            try:
                assert np.isfinite(policy.act(obs)).all()
                outcomes.append("action")
            except (PolicyDeadlineError, PolicyUnavailableError) as exc:  # an overrun on a loaded box holds a tick
                outcomes.append(type(exc).__name__)
            time.sleep(0.05)
        assert "action" in outcomes and "PolicyUnavailableError" not in outcomes, outcomes[-10:]
        assert policy.pid == pid  # never judged hung, never replaced
        assert any((tmp_path / "cache").rglob("*.npy"))  # it was embedded in the child, not read from a cache
    finally:
        policy.close()
