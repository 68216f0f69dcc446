"""The language probe suite (bench/language_probe.py): what each probe asks, and that success is judged against
the goal the rewritten instruction states, with the privileged keys frozen at the original goal."""

from __future__ import annotations

import json
import os
import runpy
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import gymnasium as gym
import numpy as np
import pytest

from sim.tasks import TaskGoal

ROOT = Path(__file__).resolve().parents[2]
probe = SimpleNamespace(**runpy.run_path(str(ROOT / "bench" / "language_probe.py"), run_name="language_probe"))

OBJECTS = ("red_cube", "green_cube", "blue_cube")
GOAL = TaskGoal(task="pick_place", instruction="put the red cube in the bin", object="red_cube", target="bin")


def test_rewrites_keep_or_change_the_goal_as_the_words_do() -> None:
    assert probe.rewrite("original", GOAL, OBJECTS, 0) == GOAL
    para = probe.rewrite("paraphrase", GOAL, OBJECTS, 0)
    assert (para.object, para.target) == ("red_cube", "bin") and para.instruction != GOAL.instruction
    syn = probe.rewrite("colour_synonym", GOAL, OBJECTS, 0)
    assert (syn.object, syn.target) == ("red_cube", "bin") and "crimson" in syn.instruction
    assert "red" not in syn.instruction
    swap = probe.rewrite("target_swap", GOAL, OBJECTS, 0)
    assert swap.target == "target_pad" and swap.object == "red_cube" and "pad" in swap.instruction
    other = probe.rewrite("colour_swap", GOAL, OBJECTS, 1)
    assert other.object == "blue_cube" and other.target == "bin" and "blue" in other.instruction


class _Expert:
    """The scripted expert of the env's current goal, made at each reset: it follows the new goal, not the words."""

    def __init__(self, env: Any) -> None:
        self.env = env
        self.expert: Any = None

    def reset(self) -> None:
        self.expert = self.env.expert()

    def __call__(self, obs: dict[str, Any]) -> np.ndarray:
        return np.asarray(self.expert.act())


class _Recorder:
    """Holds still and records the goal keys it is shown."""

    def __init__(self) -> None:
        self.seen: list[tuple[Any, ...]] = []

    def __call__(self, obs: dict[str, Any]) -> np.ndarray:
        self.seen.append((tuple(np.round(obs["goal_pos"], 6)), obs["object_id"], obs["target_id"], obs["instruction"]))
        return np.array([0.0, 0.0, 0.0, 0.0, 1.0], np.float32)


@pytest.mark.slow
def test_success_is_judged_against_the_new_goal_with_privileged_keys_frozen() -> None:
    env: Any = gym.make("armstack/PickPlace-v0", robot="panda").unwrapped
    env.max_steps = 140
    # The expert of the swapped goal succeeds: the judge is the new goal, not the env's sampled one.
    assert probe.run_probe(env, _Expert(env), 1_000_000_007, "target_swap", 0)
    rec = _Recorder()
    env.max_steps = 3
    assert not probe.run_probe(env, rec, 1_000_000_007, "target_swap", 0)
    env.reset(seed=1_000_000_007, options={"task": "pick_place"})
    first = env._observation()
    assert {s[:3] for s in rec.seen} == {(tuple(np.round(first["goal_pos"], 6)), first["object_id"],
                                          first["target_id"])}
    assert all(s[3] == probe.rewrite("target_swap", env.goal, OBJECTS, 0).instruction for s in rec.seen)


@pytest.mark.slow
def test_bench_prints_its_table() -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
           "MUJOCO_GL": os.environ.get("MUJOCO_GL", "egl")}
    proc = subprocess.run([sys.executable, "bench/language_probe.py", "--seeds", "1"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(proc.stdout)
    (row,) = report["policies"]
    assert set(row["probes"]) == set(probe.PROBES)
    for cell in row["probes"].values():
        assert cell["episodes"] == 1 and cell["ci95"][0] <= cell["rate"] <= cell["ci95"][1]
