"""bench/rl_tasks.py runs end to end with ``--quick`` and prints the JSON the README's RL table is read from."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_quick_rl_tasks_bench_prints_the_residual_rows_and_the_table() -> None:
    env = {**os.environ, "MUJOCO_GL": os.environ.get("MUJOCO_GL", "egl"),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.run([sys.executable, "bench/rl_tasks.py", "--quick", "--pairs", "residual_push",
                           "--residual-variants", "h8"], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(proc.stdout)  # stdout holds the JSON alone; progress goes to stderr

    assert report["bench"] == "rl_tasks" and report["method"]
    assert report["config"]["steps"] == 400 and report["eval_at"] == [400]
    assert report["residual_variants"] == {"h8": {"residual_scale": 1.0, "residual_penalty": 0.1,
                                                  "residual_pull": 0.0, "residual_log_std": -1.0,
                                                  "actor_burn_in": 2_000, "actor_lr_scale": 1.0}}
    group = report["pairs"]["residual_push"]
    assert set(group) == {"armstack_push_bc_residual@h8", "load_average_1min"}  # the recipe's row is not asked for
    row = group["armstack_push_bc_residual@h8"]
    assert "stopped" not in row, row
    # Step 0 is the BC policy alone (a zero residual), then the trained residual; both on held-out and
    # validation episodes, and the kept checkpoint is one of the evaluated points.
    assert [p["env_steps"] for p in row["curve"]] == [0, 400] and row["env_steps"] == 400
    for point in row["curve"]:
        assert point["episodes"] == 1 and point["validation"]["episodes"] == 1
        lo, hi = point["ci95"]
        assert 0.0 <= lo <= point["success_rate"] <= hi <= 1.0
    # each point names its weights: the critic learnt between them (the h8 actor is still frozen at 400)
    assert len({p["weights_sha256"] for p in row["curve"]}) == 2
    assert report["cpu"]["torch_capability"]  # where it ran: the last bits of a run may differ across CPUs
    kept = row["best_by_validation"]
    assert kept["env_steps"] in {p["env_steps"] for p in row["curve"]}
    assert row["base_policy_alone"] == row["curve"][0]
    assert row["learn_cpu_s"] > 0 and row["env_step_us"] > 0
    assert list(row["residual_variant"]) == ["h8"]
    push = report["table"]["push"]
    assert set(push["bc_residual_success_at"]) == {"h8"} and set(push["bc_residual_best_by_validation"]) == {"h8"}
    assert push["bc_policy_alone"]["env_steps"] == 0 and push["from_scratch_success_at"] is None
    headline = report["headline"]["armstack_push_bc_residual@h8"]
    assert headline["target"] == 0.8
    assert headline["meets_target"] == (headline["best_by_validation"]["success_rate"] >= 0.8)


def test_an_unknown_residual_variant_is_refused_before_anything_runs(capsys: pytest.CaptureFixture[str]) -> None:
    sys.path.insert(0, str(ROOT))
    from bench.rl_tasks import best_by_validation, main

    assert main(["--pairs", "residual_push", "--residual-variants", "recipe,bogus"]) == 2
    assert "unknown residual variants" in capsys.readouterr().err
    # The kept checkpoint is the best on validation episodes, the earliest of equals, never the held-out best.
    curve = [{"env_steps": s, "success_rate": r, "successes": int(r * 20), "episodes": 20, "ci95": [0, 1],
              "validation": {"success_rate": v}} for s, r, v in ((0, 0.25, 0.3), (2000, 0.9, 0.3), (4000, 0.4, 0.5),
                                                                 (6000, 0.5, 0.5))]
    kept = best_by_validation(curve)
    assert kept is not None and kept["env_steps"] == 4000 and kept["success_rate"] == 0.4


def test_demo_rows_need_their_dataset_and_a_known_variant(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from bench.rl_tasks import main, row_keys

    assert main(["--pairs", "demos_push"]) == 2
    assert "demos_push needs --demos-push" in capsys.readouterr().err
    assert main(["--pairs", "demos_push", "--demos-push", str(tmp_path), "--demo-variants", "rlpd,bogus"]) == 2
    assert "unknown demo variants" in capsys.readouterr().err
    # Demo rows are always named by variant; the residual rows keep the recipe's bare name.
    assert row_keys("demos_push", ["recipe"], ("rlpd", "rlpd_bc")) == ["armstack_push_demos@rlpd",
                                                                       "armstack_push_demos@rlpd_bc"]
    assert row_keys("residual_push", ["recipe", "h8"]) == ["armstack_push_bc_residual",
                                                          "armstack_push_bc_residual@h8"]


def test_the_method_says_how_the_demo_rows_run() -> None:
    sys.path.insert(0, str(ROOT))
    from bench.rl_tasks import METHOD

    assert "Demo rows" in METHOD and "action_mode 'full'" in METHOD and "demos_resolved" in METHOD
    assert "rlpd: demo_ratio 0.5, demo_bc_weight 0.0" in METHOD
    assert "rlpd_bc: demo_ratio 0.5, demo_bc_weight 2.0" in METHOD


def test_every_demo_variant_is_a_valid_run_config_named_in_full_in_the_method(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from bench.rl_tasks import CONFIG, DEMO_VARIANTS, METHOD, demo_config

    for name, fields in DEMO_VARIANTS.items():
        config = demo_config("armstack_push_demos", CONFIG, name, {"armstack/Push-v0": str(tmp_path)})
        assert all(getattr(config, key) == value for key, value in fields.items()), name
        assert f"{name}: " + ", ".join(f"{k} {v}" for k, v in fields.items()) in METHOD
    pretrained = demo_config("armstack_push_demos", CONFIG, "rlpd_bc_pre", {"armstack/Push-v0": str(tmp_path)})
    assert pretrained.demo_pretrain_steps > 0 and pretrained.learning_starts < CONFIG["learning_starts"]
    assert "2500000000+k" in METHOD and "pretrained_alone" in METHOD
    # the pretrained row has a control that differs from it in the pretraining alone (REV s9 G6)
    assert DEMO_VARIANTS["rlpd_bc10"] == {k: v for k, v in DEMO_VARIANTS["rlpd_bc_pre"].items()
                                          if k != "demo_pretrain_steps"}
    # ... and so has its unfiltered form, which differs from rlpd_bc10 in the filter alone
    assert DEMO_VARIANTS["rlpd_bc10_nofilter"] == {k: v for k, v in DEMO_VARIANTS["rlpd_bc_pre_nofilter"].items()
                                                   if k != "demo_pretrain_steps"}
    assert DEMO_VARIANTS["rlpd_bc10_nofilter"] == {**DEMO_VARIANTS["rlpd_bc10"], "demo_bc_filter": False}
    assert demo_config("armstack_push_demos", CONFIG, "rlpd_bc10_nofilter",
                       {"armstack/Push-v0": str(tmp_path)}).demo_bc_filter is False
    # the copycat control: rlpd_bc_pre_nofilter less the past actions in the observation, nothing else
    assert DEMO_VARIANTS["rlpd_bc_pre_nofilter_noact"] == {**DEMO_VARIANTS["rlpd_bc_pre_nofilter"],
                                                           "observe_actions": 0}
    assert demo_config("armstack_push_demos", CONFIG, "rlpd_bc_pre_nofilter", {"armstack/Push-v0": str(tmp_path)}
                       ).observe_actions == 2
    # the goal frame: the noact row plus the frame, nothing else
    assert DEMO_VARIANTS["rlpd_bc_pre_nofilter_noact_frame"] == {**DEMO_VARIANTS["rlpd_bc_pre_nofilter_noact"],
                                                                 "goal_frame": True}
    assert demo_config("armstack_push_demos", CONFIG, "rlpd_bc_pre_nofilter_noact_frame",
                       {"armstack/Push-v0": str(tmp_path)}).goal_frame is True


def test_two_demo_variants_are_compared_episode_by_episode_on_the_held_out_seeds() -> None:
    sys.path.insert(0, str(ROOT))
    from bench.rl_tasks import paired_with_first

    def point(steps: int, seeds: list[int], episodes: int = 40) -> dict[str, object]:
        return {"env_steps": steps, "episodes": episodes, "successes": len(seeds), "succeeded_seeds": seeds}

    constant = {"curve": [point(1, [1, 2]), point(10_000, [1, 2, 3, 4, 5])]}
    # at 10k: 3 and 4 solved by both, 1, 2, 5 only by the reference, 6..16 only by this one (11)
    decay = {"curve": [point(1, [1, 2]), point(10_000, [3, 4, *range(6, 17)])]}
    old = {"curve": [{k: v for k, v in point(10_000, [1]).items() if k != "succeeded_seeds"}]}  # before the field
    out = paired_with_first({"constant": constant, "decay": decay, "old": old, "other_block": {
        "curve": [point(10_000, [1], episodes=20)]}})
    assert out is not None and out["reference"] == "constant"
    assert out["decay"]["1"] == {"episodes": 40, "reference_only": 0, "this_only": 0, "both": 2, "mcnemar_p": 1.0}
    at_10k = out["decay"]["10000"]
    assert (at_10k["reference_only"], at_10k["this_only"], at_10k["both"]) == (3, 11, 2)
    assert at_10k["mcnemar_p"] == pytest.approx(0.0574, abs=1e-4)  # 2 * P(X <= 3), X ~ Bin(14, 1/2)
    assert out["old"] is None and out["other_block"] is None  # no seeds, or other episodes: nothing to pair
    assert paired_with_first({"constant": constant}) is None


def test_online_points_are_compared_with_the_clone_episode_by_episode() -> None:
    sys.path.insert(0, str(ROOT))
    from bench.rl_tasks import paired_with_clone, table

    def point(steps: int, seeds: list[int], episodes: int = 40) -> dict[str, object]:
        return {"env_steps": steps, "episodes": episodes, "successes": len(seeds), "succeeded_seeds": seeds}

    # the clone solves 1..4; at 5k online RL keeps 1, 2 and adds 5..14 (10); at 10k it keeps all four, adds none
    curve = [point(1, [1, 2, 3, 4]), point(5_000, [1, 2, *range(5, 15)]), point(10_000, [1, 2, 3, 4])]
    out = paired_with_clone(curve)
    assert out is not None and set(out) == {"5000", "10000"}  # the clone is not paired with itself
    assert (out["5000"]["reference_only"], out["5000"]["this_only"], out["5000"]["both"]) == (2, 10, 2)
    assert out["5000"]["mcnemar_p"] == pytest.approx(0.0386, abs=1e-4)  # 2 * P(X <= 2), X ~ Bin(12, 1/2)
    assert out["10000"] == {"episodes": 40, "reference_only": 0, "this_only": 0, "both": 4, "mcnemar_p": 1.0}
    # no clone (a row without pretraining), or a clone evaluated before succeeded_seeds: nothing to pair
    assert paired_with_clone(curve[1:]) is None
    assert paired_with_clone([{k: v for k, v in curve[0].items() if k != "succeeded_seeds"}, *curve[1:]]) is None
    report = table({"demos_push": {"armstack_push_demos@pre": {"curve": curve},
                                   "armstack_push_demos@scratch": {"curve": curve[1:]}}})
    assert report["push"]["with_demos_vs_clone"] == {"pre": out, "scratch": None}


@pytest.mark.parametrize(("recipe_file", "row", "variant", "goal_frame", "pretrain"), [
    ("push_demos_frame.yaml", "armstack_push_demos", "rlpd_bc_pre_nofilter_noact_frame", True, 5_000),
    ("push_demos_1200.yaml", "armstack_push_demos", "frame_slow_actor_pre10k", True, 10_000),
    ("pick_place_demos.yaml", "armstack_pick_place_demos", "rlpd_bc_pre_nofilter_noact", False, 5_000)])
def test_a_recipe_file_is_the_bench_row_it_reports(tmp_path: Path, recipe_file: str, row: str, variant: str,
                                                   goal_frame: bool, pretrain: int) -> None:
    """policies/rl_recipes/<task>_demos*.yaml, which `armstack train rl --config` reads, trains what the bench's demo
    row trained: every field but the bench's evaluation and logging ones."""
    sys.path.insert(0, str(ROOT))
    from bench.rl_tasks import CONFIG, ROWS, demo_config
    from policies.rl_config import RLConfig

    recipe = RLConfig.from_yaml(ROOT / "policies" / "rl_recipes" / recipe_file, demos=str(tmp_path))
    bench = demo_config(row, {**CONFIG, "steps": 10_000}, variant, {str(ROWS[row][0]): str(tmp_path)})
    own = {"eval_every", "eval_episodes", "progress_bar"}  # the bench evaluates in its own loop, without a bar
    differ = {k for k, v in recipe.to_dict().items() if k not in own and bench.to_dict()[k] != v}
    assert differ == set(), differ
    assert recipe.env_id == ROWS[row][0] and recipe.goal_frame is goal_frame
    assert recipe.observe_actions == 0 and recipe.demo_pretrain_steps == pretrain and recipe.steps == 10_000


def test_a_clone_only_row_evaluates_the_clone_once() -> None:
    """--steps 1 (session 14's clone ablations): the pretrained row's clone point is step 1, which --steps 1 also
    asks for; it is evaluated once, not twice."""
    sys.path.insert(0, str(ROOT))
    from bench.rl_tasks import with_clone_point

    assert with_clone_point([1]) == [1]
    assert with_clone_point([5_000, 10_000]) == [1, 5_000, 10_000]
    assert with_clone_point([1, 2_500]) == [1, 2_500]



def test_a_pretrained_demo_row_skips_its_clone_point_when_asked_and_learns_the_same(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--no-clone-point (session 15's 10k rows, whose clones were measured with --steps 1 on the same seeds): the
    row pretrains all the same and is evaluated at the asked points only; pretrained_alone is then None. Evaluating
    the clone between two learning chunks changes nothing learnt: the last point's weights are bit-identical."""
    sys.path.insert(0, str(ROOT))
    from bench import rl_tasks
    from sim.datagen.config import DatagenConfig
    from sim.datagen.driver import run_datagen

    demos = tmp_path / "push_full"
    run_datagen(DatagenConfig(env_id="armstack/Push-v0", robot="panda", episodes=1, workers=1, obs=("state",),
                              cameras=(), seed=5, full_episodes=True, out=str(demos)), progress=False)
    tiny = {**rl_tasks.DEMO_VARIANTS["rlpd_bc_pre_nofilter_noact_frame"], "demo_pretrain_steps": 3}
    monkeypatch.setitem(rl_tasks.DEMO_VARIANTS, "tiny_pre", tiny)
    config = {**rl_tasks.CONFIG, "net_arch": [16], "batch_size": 32, "learning_starts": 140, "steps": 142,
              "eval_every": 142, "eval_episodes": 1}
    rows = {clone_point: rl_tasks.run_row("armstack_push_demos", config, [142], "tiny_pre",
                                          demos={"armstack/Push-v0": str(demos)}, clone_point=clone_point)
            for clone_point in (True, False)}
    for clone_point, row in rows.items():
        assert [p["env_steps"] for p in row["curve"]] == ([1, 142] if clone_point else [142])
        assert (row["pretrained_alone"] == row["curve"][0]) if clone_point else row["pretrained_alone"] is None
        assert row["env_steps"] == 142 and all(p["validation"]["episodes"] == 1 for p in row["curve"])
    clone, online = rows[True]["curve"]
    assert clone["weights_sha256"] != online["weights_sha256"]  # the two online updates moved the weights
    assert online["weights_sha256"] == rows[False]["curve"][0]["weights_sha256"]
    assert rl_tasks.parse_args(["--no-clone-point"]).clone_point is False and rl_tasks.parse_args([]).clone_point
