"""``armstack train rl``'s best/ (policies.rl_validation, issue 19): a run that starts from a policy is evaluated at
step 0, after its pretraining, so best/ can keep the clone when online training never beats it; best/ is ranked by
success at the last step (mean return where an env reports no success), a tie keeping the earlier checkpoint; a
resume neither evaluates step 0 again nor forgets the rank of the evaluations it keeps."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import policies
from policies.rl import build_model, train_rl, train_seeds, validation_seeds, vectorize, weights_sha256
from policies.rl_config import RLConfig
from policies.rl_validation import RANKED_BY, ValidationEvaluations, drop_best_past, rank, read_best

PUSH = "armstack/Push-v0"


def _frozen_clone_run(demos: Path, **fields: Any) -> RLConfig:
    """The frame row shrunk (16-unit net, 30 pretraining updates) with its actor frozen for the whole run
    (demo_actor_burn_in) and no observation normaliser: every evaluation of it acts exactly as the clone, so online
    training never beats it and every evaluation ties with step 0. Episodes of 140 steps; one evaluation episode
    at 0, 140 and 280 env steps."""
    return RLConfig.from_dict({"env_id": PUSH, "demos": str(demos), "action_mode": "full", "net_arch": [16],
                               "batch_size": 32, "learning_starts": 140, "progress_bar": False, "observe_actions": 0,
                               "goal_frame": True, "demo_ratio": 0.5, "demo_bc_weight": 10.0, "demo_bc_filter": False,
                               "demo_pretrain_steps": 30, "demo_actor_burn_in": 1_000, "normalize_obs": False,
                               "steps": 280, "eval_every": 140, "eval_episodes": 1, "checkpoint_every": 150,
                               "buffer_size": 2_000, **fields})


def _saved_step(model_zip: Path) -> int:
    with zipfile.ZipFile(model_zip) as archive:
        return int(json.loads(archive.read("data"))["num_timesteps"])


def test_best_ranks_by_success_and_keeps_the_earlier_of_equals(tmp_path: Path) -> None:
    """The rank a resumed run restores from evaluations.npz is the one the evaluations ranked by: success first
    (a higher return does not beat more successes), the earliest of equal successes (not the higher return)."""
    from policies.goal_env import make_goal_env

    np.savez(tmp_path / "evaluations.npz", timesteps=np.array([0, 100, 200, 300]),
             results=np.array([[-90.0, -90.0], [-20.0, -20.0], [-95.0, -95.0], [-30.0, -30.0]]),
             ep_lengths=np.full((4, 2), 60), successes=np.array([[1, 0], [0, 1], [1, 1], [1, 1]], dtype=bool))
    callback = ValidationEvaluations(make_goal_env(), eval_freq=100)
    callback.resume(tmp_path / "evaluations.npz", 300, 1)
    assert callback.best_rank == 1.0 and callback.best_mean_reward == -95.0  # step 200, not 300's higher return
    callback.resume(tmp_path / "evaluations.npz", 100, 1)
    assert callback.best_rank == 0.5 and callback.best_mean_reward == -90.0  # step 0 (the clone), not 100's return
    without = tmp_path / "no_success.npz"
    np.savez(without, timesteps=np.array([0, 100]), results=np.array([[-9.0], [-3.0]]), ep_lengths=np.full((2, 1), 60))
    callback = ValidationEvaluations(make_goal_env(), eval_freq=100)
    callback.resume(without, 100, 1)
    assert callback.best_rank == -3.0  # no success reported: the return ranks
    assert rank(0.5, -10.0) == 0.5 and rank(None, -10.0) == -10.0
    assert "success_rate" in RANKED_BY and "earlier" in RANKED_BY


def test_a_pretrained_run_evaluates_the_clone_at_step_0_and_best_keeps_it(tmp_path: Path, push_demos: Path) -> None:
    """Before: the first evaluation came at eval_every steps, so best/ never held the clone, and SB3 ranked by mean
    return."""
    out = tmp_path / "run"
    run = train_rl(_frozen_clone_run(push_demos), out)
    curve = run.metrics["eval_curve"]
    assert curve["timesteps"] == [0, 140, 280]
    data = np.load(out / "evaluations.npz")
    assert np.all(data["results"] == data["results"][0])  # the frozen actor acts as the clone at every evaluation
    # best/ holds step 0 (the clone), its record says so, and metrics.json repeats it
    assert _saved_step(out / "best" / "best_model.zip") == 0
    best = json.loads((out / "best" / "best.json").read_text())
    assert best["env_steps"] == 0 and best["ranked_by"] == RANKED_BY
    assert best["success_rate"] == curve["success_rate"][0] and best["mean_return"] == curve["mean_return"][0]
    assert run.metrics["best"] == best and run.metrics["best_ranked_by"] == RANKED_BY
    assert not (out / "best" / "vecnormalize.pkl").exists()  # this run has no normaliser
    # best/policy is the exported clone: armstack loads it, and its weights are the final (frozen) actor's
    clone, final = policies.load(out / "best" / "policy"), policies.load(out / "policy")
    assert clone.spec.observation["adapter"] == final.spec.observation["adapter"]
    assert (out / "best" / "policy" / "model.safetensors").read_bytes() == \
        (out / "policy" / "model.safetensors").read_bytes()


def test_a_resumed_pretrained_run_keeps_its_step_0_evaluation_and_best(tmp_path: Path, push_demos: Path) -> None:
    """The run's resume point is at 150: the resumed run keeps the evaluations at 0 and 140, makes 280 again (a tie
    with the kept best: best/ stays at step 0, so the rank was restored), and neither pretrains nor evaluates step 0
    again."""
    out = tmp_path / "run"
    config = _frozen_clone_run(push_demos)
    train_rl(config, out, export=False)
    before = (out / "best" / "best_model.zip").read_bytes()
    resumed = train_rl(config, out, export=False, resume=True)
    assert resumed.metrics["resumed_from_env_steps"] == 150
    assert resumed.metrics["eval_curve"]["timesteps"] == [0, 140, 280]
    assert (out / "best" / "best_model.zip").read_bytes() == before
    assert resumed.metrics["best"]["env_steps"] == 0


def _export_of(folder: Path) -> dict[str, Any]:
    """What an armstack export acts with: its weights' digest and its observation statistics."""
    spec = json.loads((folder / "policy.json").read_text())
    return {"weights_sha256": spec["weights_sha256"], "normalization": spec["normalization"]}


def test_policy_is_the_kept_checkpoint_and_final_policy_the_last_model(tmp_path: Path, push_demos: Path) -> None:
    """What a user runs after train rl (policy/) is best/'s checkpoint, not the last model: before, policy/ was the
    last model, so on the Push recipe the user got the policy online SAC had eroded while best/ held the clone.
    The actor learns online here (no burn-in) and the observation normaliser moves, so the last model differs from
    every evaluated one (SAC updates after the last evaluation). Both are evaluated on the same held-out episodes
    (best_eval, final_eval); metrics.json's policy_from names the checkpoint. A resume keeps it so."""
    out = tmp_path / "run"
    config = _frozen_clone_run(push_demos, normalize_obs=True, demo_actor_burn_in=0)
    for resume in (False, True):
        run = train_rl(config, out, resume=resume)
        metrics = json.loads((out / "metrics.json").read_text())
        assert metrics["resumed_from_env_steps"] == (150 if resume else None)
        best = metrics["best"]
        assert best is not None and best["env_steps"] in (0, 140, 280)
        assert {k: metrics["policy_from"][k] for k in ("checkpoint", "env_steps", "held_out")} == \
            {"checkpoint": "best", "env_steps": best["env_steps"], "held_out": "best_eval"}
        assert run.policy_dir == out / "policy" and run.final_policy_dir == out / "final_policy"
        assert _export_of(out / "policy") == _export_of(out / "best" / "policy")  # weights and statistics
        assert _export_of(out / "final_policy") != _export_of(out / "policy")
        assert policies.load(out / "policy").spec.observation["adapter"] == "object_goal_v1"
        assert metrics["policy_from"]["weights_sha256"] != metrics["weights_sha256"]
        for name in ("best_eval", "final_eval"):
            held_out = metrics[name]
            assert held_out["episodes"] == config.eval_episodes
            assert set(held_out["succeeded_seeds"]) <= set(range(*_block(metrics["eval_seeds"])))


def _block(seeds: list[int]) -> tuple[int, int]:
    return seeds[0], seeds[0] + seeds[1]


def test_the_step_0_evaluation_changes_nothing_learnt(tmp_path: Path, push_demos: Path) -> None:
    """With the observation normaliser (the recipe's case: the evaluation copies its statistics) and online actor
    updates: the same weights after 180 env steps with and without the evaluation at step 0."""
    config = _frozen_clone_run(push_demos, normalize_obs=True, demo_actor_burn_in=0)
    digests = []
    for at_start in (True, False):
        train_env = vectorize(_env_factory(), *train_seeds(config), normalize_obs=True)
        val_env = vectorize(_env_factory(), *validation_seeds(config), normalize_obs=True, training=False)
        try:
            model = build_model(config, train_env)
            callback = ValidationEvaluations(val_env, at_start=at_start, n_eval_episodes=1, eval_freq=10_000,
                                             log_path=str(tmp_path / str(at_start)))
            model.learn(total_timesteps=180, callback=callback)
            assert callback.evaluations_timesteps == ([0] if at_start else [])
            digests.append(weights_sha256(model))
        finally:
            train_env.close()
            val_env.close()
    assert digests[0] == digests[1]


def _env_factory() -> Any:
    from policies.object_goal_env import make_object_goal_env

    return lambda: make_object_goal_env(PUSH, action_mode="full", observe_actions=0, goal_frame=True)


@pytest.mark.parametrize(("files", "kept"), [
    ({"model_at": 100, "record_at": 100, "stats": True, "policy": "policy"}, True),  # whole, before the resume point
    ({"model_at": 300, "record_at": 300, "stats": True, "policy": "policy"}, False),  # saved past the resume point
    ({"model_at": 100, "record_at": None, "stats": True, "policy": "policy"}, False),  # killed before its record
    ({"model_at": 100, "record_at": None, "stats": False, "policy": None}, True),  # from before best.json: model alone
    # REV s17-R2: normalize_obs false (no statistics), killed while exporting best/policy: the new model beside the
    # previous best's export, or beside the export's leftover temporary folder, and no record
    ({"model_at": 100, "record_at": None, "stats": False, "policy": "policy"}, False),
    ({"model_at": 100, "record_at": None, "stats": False, "policy": ".policy.x1y2.partial"}, False),
])
def test_a_resume_drops_a_best_saved_past_its_point_or_left_half_saved(tmp_path: Path, files: dict[str, Any],
                                                                        kept: bool) -> None:
    from stable_baselines3 import SAC

    from policies.goal_env import make_goal_env

    best = tmp_path / "best"
    model = SAC("MultiInputPolicy", make_goal_env(), policy_kwargs={"net_arch": [8]}, learning_starts=0)
    model.num_timesteps = files["model_at"]
    model.save(best / "best_model.zip")
    if files["stats"]:
        (best / "vecnormalize.pkl").write_bytes(b"stats")
    if files["record_at"] is not None:
        (best / "best.json").write_text(json.dumps({"env_steps": files["record_at"]}))
    if files["policy"] is not None:
        (best / files["policy"]).mkdir()
        (best / files["policy"] / "policy.json").write_text("{")
    drop_best_past(best, 200)
    assert (best / "best_model.zip").is_file() == kept
    assert sorted(p.name for p in best.iterdir()) == (sorted(n for n in ("best_model.zip", files["policy"],
                                                                         "vecnormalize.pkl" if files["stats"] else None,
                                                                         "best.json" if files["record_at"] else None)
                                                             if n) if kept else [])
    assert (read_best(best) is not None) == (kept and files["record_at"] is not None)
