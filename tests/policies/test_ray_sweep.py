"""Sweeps on Ray give what the same work gives locally, episode for episode."""

from __future__ import annotations

import pytest

from policies.errors import TrainConfigError
from policies.evaluate import evaluate_policy, seed_block_base
from policies.ray_sweep import EXPERT, eval_sweep, grid, plan_eval_jobs, rl_search, summarize


def test_grid_is_every_combination_in_a_fixed_order() -> None:
    assert grid({"tau": [0.05, 0.01], "gamma": [0.95]}) == [{"gamma": 0.95, "tau": 0.05}, {"gamma": 0.95, "tau": 0.01}]


def test_planned_jobs_cover_the_episodes_armstack_eval_runs() -> None:
    jobs = plan_eval_jobs(EXPERT, env_id="armstack/Tabletop-v0", robot="panda", episodes=3, seed_block=1, chunks=5)
    episodes = [e for j in jobs for e in j.episodes]
    assert len(jobs) == 5 and len(episodes) == 12 == len(set(episodes))
    first = seed_block_base(1)
    assert {s for _, s in episodes} == {first, first + 1, first + 2}
    assert [t for t, _ in episodes[::3]] == ["reach", "push", "pick_place", "stack"]


def test_summary_counts_per_task() -> None:
    s = summarize([{"task": "a", "seed": 1, "success": True, "steps": 4},
                   {"task": "a", "seed": 2, "success": False, "steps": 6},
                   {"task": "b", "seed": 1, "success": True, "steps": 2}])
    assert (s["successes"], s["episodes"]) == (2, 3)
    assert s["tasks"]["a"]["success_rate"] == 0.5 and s["tasks"]["a"]["mean_length"] == 5.0


def test_a_bad_search_space_is_refused_before_any_training() -> None:
    with pytest.raises(TrainConfigError, match="nope"):
        rl_search({"steps": 100}, {"nope": [1]}, use_ray=False)
    with pytest.raises(TrainConfigError, match="workers"):
        eval_sweep([EXPERT], env_id="armstack/Reach-v0", robot="panda", episodes=1, workers=0, use_ray=False)


@pytest.mark.slow
def test_ray_sweep_gives_the_local_outcomes_episode_for_episode() -> None:
    kwargs = {"env_id": "armstack/Reach-v0", "robot": "panda", "episodes": 3, "seed_blocks": [2]}
    local = eval_sweep([EXPERT], use_ray=False, **kwargs)  # type: ignore[arg-type]
    remote = eval_sweep([EXPERT], workers=2, **kwargs)  # type: ignore[arg-type]
    assert remote["runs"][0]["episodes_log"] == local["runs"][0]["episodes_log"]
    direct = evaluate_policy(None, env_id="armstack/Reach-v0", robot="panda", episodes=3, progress=False,
                             seed_base=seed_block_base(2))
    assert local["runs"][0]["episodes_log"] == direct["episodes_log"]
