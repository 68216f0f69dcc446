"""SAC+HER on armstack Push, PickPlace and Stack beside FetchPush / FetchPickAndPlace, and residual RL on BC.

Prints one JSON object to stdout (progress goes to stderr). Each pair (armstack task, Fetch peer) trains from
scratch with identical hyperparameters (``CONFIG`` over ``policies.rl_config.RLConfig``'s defaults) for
``--steps`` env steps, every row at once so all see the same background load, and pauses at each of
``--eval-at`` to evaluate the deterministic policy on the same ``--eval-episodes`` held-out episode seeds:
success rate (``info["is_success"]`` at the episode's last step) with a 95% Wilson interval. Targets (issue 19):
Push >= 80% and PickPlace >= 50% held-out within the step budget.

The ``residual_*`` groups are the BC-initialised route (reported apart, never as RL from scratch): SAC learns a
residual on the shipped BC policy's translation (``policies.residual_goal_env``, settings per variant in
``RESIDUAL_VARIANTS``, learnt by ``policies.residual_sac.ResidualSAC``), its
actor starting at a zero residual, so the evaluation at step 0 is the BC policy alone on the same held-out
episodes, and every later one shows what RL changed. ``--base-policy`` starts them from another BC checkpoint:
success here is read at an episode's last step, and the shipped policy, cloned from episodes that stop at the
first success, reaches the pad in 39 of 40 held-out Push episodes but is still there at step 140 in 11 (it
goes on pushing); a base cloned from full-length expert episodes holds it (issue 19 notes, R2).

Every row runs in its own ``python -O`` process (bench/rl_reach.py says why ``-O``: a gymnasium-robotics assert
that mujoco 4's enums fail); learning CPU time is reported beside wall time, and each row also times its bare
goal-env step (random actions) so that the per-step cost ratio armstack/Fetch can be split into env and update.
Run niced on a shared machine: ``MUJOCO_GL=egl nice -n 15 .venv/bin/python bench/rl_tasks.py``; ``--quick`` is a
smoke run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
import traceback
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere
os.environ.setdefault("MUJOCO_GL", "egl")

from bench.rl_reach import int_list, load_average, versions
from policies.rl_config import PRETRAINED_BASE, RESIDUAL_RECIPE

# row -> (armstack env id or None, Fetch id or None); the Fetch ids are gymnasium-robotics 1.4's.
ROWS: dict[str, tuple[str | None, str | None]] = {
    "armstack_push": ("armstack/Push-v0", None),
    "fetch_push": (None, "FetchPush-v4"),
    "armstack_pick_place": ("armstack/PickPlace-v0", None),
    "fetch_pick_and_place": (None, "FetchPickAndPlace-v4"),
    "armstack_stack": ("armstack/Stack-v0", None),
    # BC-initialised, never RL from scratch: SAC learns a residual on the shipped BC policy.
    "armstack_push_bc_residual": ("armstack/Push-v0", None),
    "armstack_pick_place_bc_residual": ("armstack/PickPlace-v0", None),
    "armstack_stack_bc_residual": ("armstack/Stack-v0", None),
    # From scratch with expert demonstrations mixed into every batch (policies.demo_replay), never BC-initialised.
    "armstack_push_demos": ("armstack/Push-v0", None),
    "armstack_pick_place_demos": ("armstack/PickPlace-v0", None),
}
RESIDUAL_ROWS = ("armstack_push_bc_residual", "armstack_pick_place_bc_residual", "armstack_stack_bc_residual")
DEMO_ROWS = ("armstack_push_demos", "armstack_pick_place_demos")
# --pairs names -> rows; an (armstack, Fetch) pair also gets the per-step cost ratios.
GROUPS: dict[str, tuple[str, ...]] = {
    "push": ("armstack_push", "fetch_push"), "pick_place": ("armstack_pick_place", "fetch_pick_and_place"),
    "stack": ("armstack_stack",), "residual_push": ("armstack_push_bc_residual",),
    "residual_pick_place": ("armstack_pick_place_bc_residual",), "residual_stack": ("armstack_stack_bc_residual",),
    "demos_push": ("armstack_push_demos",), "demos_pick_place": ("armstack_pick_place_demos",)}
TARGETS = {"armstack_push": 0.8, "armstack_pick_place": 0.5, "armstack_push_bc_residual": 0.8,
           "armstack_pick_place_bc_residual": 0.5, "armstack_push_demos": 0.8, "armstack_pick_place_demos": 0.5}
# The residual rows (policies.residual_goal_env, learnt by policies.residual_sac.ResidualSAC): RLConfig fields per
# variant, "recipe" being RLConfig's own residual defaults (RESIDUAL_RECIPE). "h8" is the first try (session 4):
# a residual that can cancel any BC translation, a light penalty, a short critic burn-in and SAC's own actor.
RESIDUAL_VARIANTS: dict[str, dict[str, Any]] = {
    "recipe": dict(RESIDUAL_RECIPE),
    "h8": {"residual_scale": 1.0, "residual_penalty": 0.1, "residual_pull": 0.0, "residual_log_std": -1.0,
           "actor_burn_in": 2_000, "actor_lr_scale": 1.0},
    # The recipe less one of its parts, or with one changed (docs/measured_defaults.md "Residual RL").
    "no_pull": {**RESIDUAL_RECIPE, "residual_pull": 0.0},
    "full_actor_lr": {**RESIDUAL_RECIPE, "actor_lr_scale": 1.0},
    "scale_0.2": {**RESIDUAL_RECIPE, "residual_scale": 0.2},
    "dense": {**RESIDUAL_RECIPE, "reward_type": "dense"},
}
# The demo rows (policies.demo_replay): RLConfig fields per variant. The agent commands the env's full action: the
# experts turn the wrist (dyaw), which the xyz / xyzg modes hold at 0, so their demos fit no other mode.
DEMO_VARIANTS: dict[str, dict[str, Any]] = {
    "rlpd": {"demo_ratio": 0.5, "demo_bc_weight": 0.0},  # symmetric sampling alone (RLPD)
    "rlpd_bc": {"demo_ratio": 0.5, "demo_bc_weight": 2.0},  # and the Q-filtered BC term (Nair et al., 2018)
    # and, before the first env step, PRETRAIN_STEPS updates on the demos alone (a BC-cloned actor, its critic and the
    # demos' observation statistics: AWAC / Cal-QL's offline-to-online start), with a BC weight that lets the clone
    # form (2 gave 0/20 validation successes after 2,000 pretraining updates, 10 gave 2/20); one episode of random
    # actions (learning_starts 140, Push's max_steps) instead of 1,000 steps, since the actor already acts.
    "rlpd_bc_pre": {"demo_ratio": 0.5, "demo_bc_weight": 10.0, "demo_pretrain_steps": 5_000, "learning_starts": 140},
    # rlpd_bc_pre's control: its BC weight and learning_starts without the pretraining, so a row difference between
    # the two is the pretraining's (against rlpd_bc, three settings differ at once: REV s9 G6).
    "rlpd_bc10": {"demo_ratio": 0.5, "demo_bc_weight": 10.0, "learning_starts": 140},
    # the same with the BC term unfiltered online too (TD3+BC's regulariser): rlpd_bc_pre fell from the clone's 3/20
    # to 0/20 by 2,500 online steps, as if the Q-filter dropped the BC rows once the critic overrated the actor.
    # Measured 2026-12-06 (seed 0, niced at load 12-17): this one 3/20 -> 2/20 (2.5k) -> 8/20 (5k); rlpd_bc_pre
    # 0/20 at 2.5k-10k, 1/20 at 15k and 20k (/work/team/notes9/R1.md). Session 10 (seeds 0 and 2 to 10k, evaluated
    # every 1,250 steps, niced at load 12-20): held out at 10k 9/20 and 6/20; at the point 20 validation episodes
    # chose, 9/20 (5k) and 2/20 (3.75k): the curves swing by 15-25 points between points, and validation at one point
    # hardly predicts held-out there (/work/team/notes10/R1.md). PickPlace, session 11 (data/pick_place_full400: the
    # same datagen flags, 400 episodes; seeds 0 and 1 to 10k, 40 held-out + 40 validation episodes, niced at load
    # 14-19): the clone already passes the 50% target, 30/40 and 34/40; at 10k 32/40 and 34/40 (pooled 66/80 vs the
    # clones' 64/80, Fisher p = 0.84): online RL keeps the clone, no gain measured. It dips first: at 2.5k 30, 24 and
    # (seed 2, stopped there) 22 of 40, pooled 76/120 vs the three clones' 97/120, p = 0.004 (/work/team/notes11/R2.md).
    "rlpd_bc_pre_nofilter": {"demo_ratio": 0.5, "demo_bc_weight": 10.0, "demo_bc_filter": False,
                             "demo_pretrain_steps": 5_000, "learning_starts": 140},
    # rlpd_bc_pre_nofilter's matched control: the same without the pretraining, so a row difference between the two
    # is the pretraining's with the filter off (session 9 measured it with a bench copy holding this one entry).
    "rlpd_bc10_nofilter": {"demo_ratio": 0.5, "demo_bc_weight": 10.0, "demo_bc_filter": False,
                           "learning_starts": 140},
    # rlpd_bc_pre_nofilter with its BC weight falling linearly to 0 over the first 10,000 online steps: does the
    # clone's pull hold the agent back once it does better than the demos (seed 1 peaked at 70% at 7.5k, then fell
    # to 25-35% by 10k-20k under the constant weight)? Measured session 11 (seed 0, 40 held-out + 40 validation
    # episodes, niced at load 12-18, /work/team/notes11/R1.md): no, the opposite. Both rows score the clone's 7/40 at
    # step 1; at 10k (the weight decayed to 0) this one 0/40 held out and 0/40 validation (1/40 even reach the pad),
    # rlpd_bc_pre_nofilter 16/40 and 6/40 (pooled 0/80 vs 22/80, Fisher p < 1e-6): without the pull the agent loses
    # the clone, as rlpd_bc_pre did when its Q-filter dropped the BC rows. Not the default. Seed 1 (this row alone,
    # --steps 5000): clone 4/40, at 5k (weight halved) 5/40 held out, 2/40 validation: no gain by half-way either.
    "rlpd_bc_pre_nofilter_decay": {"demo_ratio": 0.5, "demo_bc_weight": 10.0, "demo_bc_filter": False,
                                   "demo_pretrain_steps": 5_000, "learning_starts": 140,
                                   "demo_bc_decay_steps": 10_000},
    # rlpd_bc_pre_nofilter without the past actions in the observation (observe_actions 0; the env default of 2 is
    # Reach's, for its action latency): cloned from the expert's smooth actions, a policy that sees its last two
    # actions learns to repeat them (the copycat shortcut of BC with history, Wen et al., 2020). Session 12, the clone
    # alone after 5,000 pretraining updates, seed 0, 40 held-out Push episodes: 19/40 without them against 7/40 with
    # them (the plain BC loss without SAC's actor terms: 21/40 against 10/40), though with them the clone fits the
    # demo actions more closely (per-dim MSE 0.003-0.010 against 0.005-0.012) (/work/team/notes12/R1.md). Bench,
    # seeds 0 and 1 against rlpd_bc_pre_nofilter, 40 held-out episodes, niced at load 12-23: step 1 (the clones) 19, 17
    # against 7, 4; 5k 17, 23 against 18, 10; 10k 24, 24 against 16, 2 (pooled 48/80 against 18/80, paired McNemar
    # p = 5e-6); online RL against its own clone (with_demos_vs_clone), pooled at 10k 29 gained, 17 lost, p = 0.10.
    "rlpd_bc_pre_nofilter_noact": {"demo_ratio": 0.5, "demo_bc_weight": 10.0, "demo_bc_filter": False,
                                   "demo_pretrain_steps": 5_000, "learning_starts": 140, "observe_actions": 0},
    # rlpd_bc_pre_nofilter_noact with the goal frame (RLConfig.goal_frame: the TCP quaternion and the BC policies'
    # task frame of the cube and the goal, recomputed for HER's relabelled goals). Session 13, the clone alone (5,000
    # pretraining updates, seed 0, 40 held-out Push episodes): the 8 task-frame features added score 28/40 against
    # the noact clone's 19/40. Bench, seeds 0 and 1, 40 held-out episodes, niced at load 12-19: step 1 (the clones)
    # 32, 25; 5k 24, 22; 10k 34, 27 (85% [71, 93] and 67.5% [52, 80]; pooled 61/80, 76% [66, 84]); against noact
    # on the same episodes, pooled clones 57/80 vs 36/80 (paired McNemar p = 0.0015), 10k 61/80 vs 48/80 (p = 0.053).
    # Seed 2: 30, 30, 30 of 40; three seeds at 10k 91/120, 75.8% [67, 83] (clones 87/120) (/work/team/notes13/R1.md).
    "rlpd_bc_pre_nofilter_noact_frame": {"demo_ratio": 0.5, "demo_bc_weight": 10.0, "demo_bc_filter": False,
                                         "demo_pretrain_steps": 5_000, "learning_starts": 140, "observe_actions": 0,
                                         "goal_frame": True},
}
# Session 14: the frame row with the BC policies' training recipe, one part at a time and all together (the Push
# clone carries the frame row's figure; online RL adds nothing measurable to it): their feature noise (0.05 on the
# normalised inputs, here of the BC term), a learning rate annealed to 0 over the pretraining (their one-cycle
# schedule ends so), their depth (3 x 256). Measured, frame_bc_recipe's clones (--steps 1, 100 held-out episodes, seeds
# 0-2, niced at load 15-23): 79, 82, 85 of 100, pooled 82.0% [77.3, 85.9] (validation 250/300); on the first 40
# episodes, the frame row's block, 28, 31, 32 against its 32, 25, 30 (91/120 vs 87/120, Fisher p = 0.66): no gain shown
# yet. Seed 0's frame-row clone on the same 100 episodes: 80 against 79 (McNemar p = 1.0; validation 72 against 85,
# p = 0.047) (/work/team/notes14/R1.md). 207 s of CPU per clone (the frame row's: 126 s). Session 15, the frame row's
# clones on the same blocks, seeds 1 and 2: 82 and 81 (pooled with seed 0 243/300, 81.0% [76.2, 85.0]) against
# frame_bc_recipe's 82 and 85: pooled 38 episodes won by the frame row, 41 by the recipe, paired McNemar p = 0.82
# (validation 234 against 250, p = 0.11): the recipe adds nothing measurable. The frame row at 10k online steps
# (--eval-at 10000 --eval-episodes 100 --no-clone-point, seeds 0 and 1, load 16-26): 72 and 67 of 100, pooled 139/200,
# 69.5% [62.8, 75.5], against the same seeds' clones 162/200 on the same episodes: 26 won, 49 lost, paired McNemar
# p = 0.011 (validation 135 against 157, p = 0.018): online RL loses to the clone here (/work/team/notes15/R1.md).
_FRAME = DEMO_VARIANTS["rlpd_bc_pre_nofilter_noact_frame"]
DEMO_VARIANTS.update({
    "frame_noise": {**_FRAME, "demo_bc_noise": 0.05},
    "frame_anneal": {**_FRAME, "demo_pretrain_anneal": True},
    "frame_deep": {**_FRAME, "net_arch": (256, 256, 256)},
    "frame_bc_recipe": {**_FRAME, "demo_bc_noise": 0.05, "demo_pretrain_anneal": True,
                        "net_arch": (256, 256, 256)},
    # Session 16: online RL lowered the frame row's clone (above); the cheap remedies of residual RL, one each: the
    # actor online at a tenth of SAC's rate (critic and entropy whole), or frozen for the first 2,500 env steps while
    # the critic learns the online data. The frame row's curve, seed 1 (--steps 10000 --eval-at 2500,5000,10000
    # --eval-episodes 100, niced at load 24-33): held out 82 (clone), 58, 56, 67 of 100 (validation 85, 64, 57, 71):
    # the loss comes in the first 2,500 online steps (10 gained, 34 lost, McNemar p = 0.0004), partly recovered by 10k;
    # validation keeps the clone. frame_slow_actor, seed 1 (--steps 10000 --eval-at 10000 --eval-episodes 100
    # --no-clone-point): 81/100 at 10k (validation 79) against the clone's 82 on the same episodes (13 gained, 14
    # lost, p = 1.0) and the frame row's 67 at 10k (26 gained, 12 lost, p = 0.034): it keeps the clone, no gain.
    # The seed-1 clone trained twice here has bit-identical weights (weights_sha256) and the same succeeded episodes
    # as session 15's; the frame row's 10k point too (/work/team/notes16/R1.md). Session 17, frame_burn_in, seed 1
    # (--steps 10000 --eval-at 5000,10000 --eval-episodes 100, stopped after the 5k point by the load): its clone
    # bit-identical again (964a069ad023); at 5,000 env steps (2,500 after the actor unfreezes) 49/100 held out
    # [39.4, 58.7], validation 49: against the clone 9 gained, 42 lost (p = 3e-6), against the frame row at 5k (56)
    # 20 / 27 (p = 0.38), at 2.5k (58, as many actor steps) 17 / 26 (p = 0.22): a warmed critic does not keep the
    # clone; the slow actor does (/work/team/notes17/R1.md). Session 18, frame_slow_actor seed 2 (--steps 10000
    # --eval-at 5000,10000 --eval-episodes 100, the clone point on; load 11-18, 0.1 core): its clone (step 1) 81/100
    # held out, validation 77, weights_sha256 fb86fe366fdf, succeeding on exactly session 15's seed-2 clone episodes
    # (held out and validation), so the seed-2 clone reproduces too; 167 s learn CPU, 1281 s wall. The 5k and 10k
    # points did not land before the session's end (/work/team/notes18/R1.md). Session 19, the same seed-2 command
    # with --no-clone-point (load 14-20, autogroup priority): 5k 77/100 held out (validation 82), 10k 81/100 [72.2,
    # 87.5] (validation 86; weights 5c87fc8d463d, 598 s learn CPU), against session 18's seed-2 clone on the same
    # episodes: 5k 12 gained / 16 lost (p = 0.57), 10k 13 / 13 (p = 1.0; validation 18 / 9, p = 0.12). Seeds 1 and 2
    # pooled at 10k: 162/200 = 81.0% [75.0, 85.8] against their clones' 163/200 (26 gained, 27 lost, p = 1.0): the slow
    # actor keeps the clone on both seeds and adds nothing (/work/team/notes19/R1.md).
    "frame_slow_actor": {**_FRAME, "demo_actor_lr_scale": 0.1},
    "frame_burn_in": {**_FRAME, "demo_actor_burn_in": 2_500},
    # Session 22: frame_slow_actor with 10,000 pretraining updates, the recipe policies/rl_recipes/push_demos_1200.yaml
    # (run on 1,200 expert episodes, data/push_full1200). `armstack train rl` seeds 0-2: policy/ = the step-0 clone on
    # each (validation keeps it), held out 93, 89, 93 of 100 (275/300 = 91.7% [88.0, 94.3]); the last models 277/300
    # (19 gained, 17 lost against the clones, p = 0.87). Clones (--steps 1), seeds 0 and 1, held out / validation of
    # 200: 400 demos at 5,000 updates 155 / 161, at 10,000 184 / 168 (held out p = 5.7e-5), 1,200 demos at 10,000
    # 182 / 185 (validation p = 0.012 against 400 demos): the pretraining length carries the held-out gain, the demos
    # the validation one (/work/team/notes22/R1.md).
    "frame_slow_actor_pre10k": {**_FRAME, "demo_actor_lr_scale": 0.1, "demo_pretrain_steps": 10_000},
})
DEMO_ACTION_MODE = "full"
# rl-baselines3-zoo's Fetch settings where the budget allows (gamma 0.95, lr 1e-3, tau 0.05, HER future x4,
# normalised observations), with a 256x256 network and batch 256 (zoo: 512x512x512 and 2048 over 1M steps).
# Two past actions in every row, as measured before session 12 (RLConfig's default for a run with demos is 0 since,
# which the demo variant rlpd_bc_pre_nofilter_noact measures).
CONFIG: dict[str, Any] = {"net_arch": [256, 256], "batch_size": 256, "buffer_size": 200_000,
                          "learning_starts": 1_000, "progress_bar": False, "observe_actions": 2}
ENV_STEP_SAMPLE = 1_000  # random-action goal-env steps each row times before training
SHORT_STEP_SAMPLE = 50  # ... in a run shorter than that (--quick)

METHOD = (
    "Per row, in its own `python -O` subprocess: SB3 SAC with HerReplayBuffer (future strategy, 4 sampled goals), "
    "MultiInputPolicy, torch.set_num_threads(1), one env in a DummyVecEnv, identical hyperparameters in both rows "
    "of a pair (under `config`). armstack rows: policies.goal_env.make_goal_env (Push: agent commands dx, dy, dz "
    "with the fingers held closed; PickPlace: dx, dy, dz, gripper; yaw rate 0; last 2 actions observed; "
    "randomisation 'default'; episodes of the task's 140 steps, never ended early). Fetch rows: gymnasium-robotics "
    "FetchPush-v4 / FetchPickAndPlace-v4 (50-step episodes), unmodified. Training episode k is reset with seed "
    "seed*100000+k, evaluation episode k with 2000000000+k. model.learn runs in chunks up to each eval_at step; "
    "then eval_episodes deterministic held-out episodes; success = info['is_success'] at the last step. "
    "learn_wall_s / learn_cpu_s cover model.learn only; env_step_us is one goal-env step with random actions, "
    "timed before training. Every row runs at once (all under the same load) unless --one-pair-at-a-time. "
    "Residual rows (row@variant; the bare row is the recipe): policies.residual_sac.ResidualSAC on "
    "policies.residual_goal_env over the BC policy of base_policy ('pretrained': the task's shipped base, "
    "policies.rl_config.PRETRAINED_BASES), "
    "RLConfig fields of RESIDUAL_VARIANTS; evaluated at step 0 "
    "too (a zero residual: BC alone) and, at every point, also on eval_episodes validation episodes (seeds "
    "2500000000+k; before 2026-12-06 1500000000+k, which from k=7 were policies.evaluate's selection seeds); "
    "best_by_validation is the point with the highest validation success (the earliest of equals) "
    "with its held-out success: the checkpoint a run keeps, chosen without the held-out episodes. "
    f"Demo rows (row@variant; policies.demo_replay.DemoSAC with SAC+HER, sparse reward): action_mode "
    f"'{DEMO_ACTION_MODE}' (the Push row too: dx, dy, dz, gripper, yaw rate, since the experts turn the wrist), "
    "a demo_ratio share of each batch drawn from the row's dataset (an armstack datagen --full-episodes folder, "
    "its content SHA-256 under demos_resolved) and the rest from the agent's own buffer, plus a Q-filtered BC term "
    "of weight demo_bc_weight (every demo row with demo_bc_filter False; falling linearly to 0 over "
    "demo_bc_decay_steps online steps where set; the actor's online learning rate times demo_actor_lr_scale, and 0 "
    "before demo_actor_burn_in env steps, where set); demo_pretrain_steps > 0: that many updates on demo-only batches "
    "(BC term unfiltered, observation normaliser started from the demos) before the first env step, and a point at "
    "step 1 "
    "(pretrained_alone: the pretrained actor before any online update); per variant: "
    + "; ".join(f"{name}: " + ", ".join(f"{k} {value}" for k, value in v.items())
                for name, v in DEMO_VARIANTS.items())
    + "; evaluated, and validated for best_by_validation, as the residual rows."
)


def cpu_description() -> dict[str, Any]:
    """The processor and the CPU kernels torch picked for it: two runs of one command on the same code and data can
    still differ in their last bits across machines (session 16: the clone reproduces bit for bit within a machine),
    so every report names where it ran."""
    import torch

    cpuinfo = Path("/proc/cpuinfo")
    lines = cpuinfo.read_text().splitlines() if cpuinfo.is_file() else []
    model = next((line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")), None)
    return {"model": model or platform.processor() or None,
            "torch_capability": torch.backends.cpu.get_cpu_capability()}


def log(msg: str) -> None:
    print(f"[rl_tasks {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def row_factory(row: str, config: Any) -> Any:
    """A zero-argument env factory for ``row``."""
    arm_id, fetch_id = ROWS[row]
    if fetch_id is None:  # the config's base_policy makes it a residual env
        import dataclasses

        from policies.rl import make_armstack_env

        arm_config = dataclasses.replace(config, env_id=str(arm_id))
        return lambda: make_armstack_env(arm_config)

    def make_fetch() -> Any:
        import gymnasium as gym
        import gymnasium_robotics

        gym.register_envs(gymnasium_robotics)
        return gym.make(fetch_id)

    return make_fetch


def env_step_us(factory: Any, steps: int) -> float:
    """Microseconds per goal-env step under random actions (resets excluded)."""
    env = factory()
    env.reset(seed=0)
    env.action_space.seed(0)
    spent, done = 0.0, 0
    while done < steps:
        action = env.action_space.sample()
        t0 = time.perf_counter()
        _, _, terminated, truncated, _ = env.step(action)
        spent += time.perf_counter() - t0
        done += 1
        if terminated or truncated:
            env.reset()
    env.close()
    return round(spent / steps * 1e6, 1)


def residual_config(row: str, config_json: dict[str, Any], variant: str, base_policy: str = PRETRAINED_BASE) -> Any:
    """The RLConfig of a residual row: ``base_policy`` (the shipped BC policy by default), the variant's settings."""
    from policies.rl_config import RLConfig

    if variant not in RESIDUAL_VARIANTS:
        raise ValueError(f"unknown residual variant {variant!r}; valid: {', '.join(RESIDUAL_VARIANTS)}")
    return RLConfig.from_dict({**config_json, "env_id": ROWS[row][0], "base_policy": base_policy,
                               **RESIDUAL_VARIANTS[variant]})


def demo_config(row: str, config_json: dict[str, Any], variant: str, demos: dict[str, str]) -> Any:
    """The RLConfig of a demo row: the task's dataset from ``demos`` (env id -> folder), the variant's settings."""
    from policies.rl_config import RLConfig

    if variant not in DEMO_VARIANTS:
        raise ValueError(f"unknown demo variant {variant!r}; valid: {', '.join(DEMO_VARIANTS)}")
    env_id = str(ROWS[row][0])
    if env_id not in demos:
        raise ValueError(f"row {row} needs a demo dataset for {env_id} (--demos-push / --demos-pick-place)")
    return RLConfig.from_dict({**config_json, "env_id": env_id, "demos": demos[env_id],
                               "action_mode": DEMO_ACTION_MODE, **DEMO_VARIANTS[variant]})


def best_by_validation(curve: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The evaluation point with the highest validation success (the earliest of equals): the checkpoint a run
    would keep, chosen without the held-out episodes, with its held-out success."""
    points = [p for p in curve if "validation" in p]
    if not points:
        return None
    best = max(points, key=lambda p: (p["validation"]["success_rate"], -p["env_steps"]))
    return {"env_steps": best["env_steps"], "validation_success_rate": best["validation"]["success_rate"],
            "success_rate": best["success_rate"], "successes": best["successes"], "episodes": best["episodes"],
            "ci95": best["ci95"]}


def with_clone_point(eval_at: list[int]) -> list[int]:
    """A pretrained demo row's evaluation points: step 1 (the clone: the first learn call pretrains, then takes one
    env step) and then ``eval_at``'s later ones; ``--steps 1`` evaluates the clone alone, once."""
    return [1, *(p for p in eval_at if p > 1)]


def run_row(row: str, config_json: dict[str, Any], eval_at: list[int], variant: str = "recipe",
            base_policy: str = PRETRAINED_BASE, demos: dict[str, str] | None = None,
            clone_point: bool = True) -> dict[str, Any]:
    """Train and evaluate one row in this process; the row's JSON. ``clone_point`` False: a pretrained demo row
    skips the evaluation of its clone (step 1), for a run whose clone was measured apart on the same seeds."""
    import torch

    from policies.rl import build_model, eval_seeds, learn_with_evaluations, train_seeds, validation_seeds, vectorize
    from policies.rl_config import RLConfig

    residual, demo = row in RESIDUAL_ROWS, row in DEMO_ROWS
    if residual:
        config = residual_config(row, config_json, variant, base_policy)
    elif demo:
        config = demo_config(row, config_json, variant, demos or {})
    else:
        config = RLConfig.from_dict(config_json)
    torch.set_num_threads(config.torch_threads)
    factory = row_factory(row, config)
    step_us = env_step_us(factory, ENV_STEP_SAMPLE if config.steps >= ENV_STEP_SAMPLE else SHORT_STEP_SAMPLE)
    train_env = vectorize(factory, *train_seeds(config), normalize_obs=config.normalize_obs)
    eval_env = vectorize(factory, *eval_seeds(config), normalize_obs=config.normalize_obs, training=False)
    validation_env = None
    if residual:  # a zero residual at step 0: the BC policy alone; validation episodes choose the checkpoint
        eval_at = [0, *eval_at]
    pretrained = demo and config.demo_pretrain_steps > 0
    if pretrained and clone_point:  # the first learn call pretrains, then takes one env step: the clone
        eval_at = with_clone_point(eval_at)
    if residual or demo:
        validation_env = vectorize(factory, *validation_seeds(config), normalize_obs=config.normalize_obs,
                                   training=False)
    model = build_model(config, train_env)

    def report(point: dict[str, Any]) -> None:
        point["load_average_1min"], point["env_step_us"] = load_average(), step_us
        print(json.dumps({"checkpoint": point}), flush=True)  # kept if the row is stopped early
        checked = f", validation {point['validation']['success_rate']:.2f}" if "validation" in point else ""
        log(f"{row}{'@' + variant if residual or demo else ''}: {point['env_steps']} steps, success "
            f"{point['success_rate']:.2f} {point['ci95']}{checked}, learn {point['learn_wall_s']:.0f} s wall, "
            f"{point['learn_cpu_s']:.0f} s CPU, load {load_average()}")

    curve = learn_with_evaluations(model, eval_env, eval_at, config.eval_episodes, report=report,
                                   validation_env=validation_env)
    for env in (train_env, eval_env, validation_env):
        if env is not None:
            env.close()
    final = curve[-1]
    return {"env": ROWS[row][0] or ROWS[row][1], "seed": config.seed, "env_steps": final["env_steps"],
            "residual_variant": {variant: RESIDUAL_VARIANTS[variant]} if residual else None,
            "base_policy": base_policy if residual else None,
            "demo_variant": {variant: DEMO_VARIANTS[variant]} if demo else None,
            "demos": config.demos, "action_mode": config.action_mode,
            "demos_resolved": model.replay_buffer.demos.source if demo else None,  # folder, content SHA-256, ...
            "final_success_rate": final["success_rate"], "final_ci95": final["ci95"],
            "eval_episodes": config.eval_episodes, "learn_wall_s": final["learn_wall_s"],
            "learn_cpu_s": final["learn_cpu_s"], "eval_wall_s": final["eval_wall_s_total"],
            "env_steps_per_s_learning": round(final["env_steps"] / final["learn_wall_s"], 1),
            "env_step_us": step_us, "base_policy_alone": curve[0] if residual else None,
            "pretrained_alone": curve[0] if pretrained and clone_point else None,
            "best_by_validation": best_by_validation(curve),
            "success_at": {str(p["env_steps"]): p["success_rate"] for p in curve},
            "curve": curve}


def run_rows(rows: list[str], config_json: dict[str, Any], eval_at: list[int],
             stop_after_s: float | None = None, base_policy: str = PRETRAINED_BASE,
             demos: dict[str, str] | None = None, clone_point: bool = True) -> dict[str, Any]:
    """Each row in a child ``python -O`` (progress on the shared stderr), all at once.

    A child prints a JSON line per evaluation and its row's JSON last. A row still running after
    ``stop_after_s`` seconds (or on Ctrl-C) is stopped and reported with the evaluations it finished.
    """
    procs = {}
    for key in rows:  # a row, or row@variant for a residual variant
        row, _, variant = key.partition("@")
        cmd = [sys.executable, "-O", str(Path(__file__).resolve()), "--row", row, "--variant", variant or "recipe",
               "--config-json", json.dumps(config_json), "--eval-at", ",".join(map(str, eval_at)),
               "--base-policy", base_policy, "--demos-json", json.dumps(demos or {}),
               *([] if clone_point else ["--no-clone-point"])]
        procs[key] = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    deadline = time.monotonic() + stop_after_s if stop_after_s is not None else None
    results: dict[str, Any] = {}
    for row, proc in procs.items():
        try:
            out, _ = proc.communicate(timeout=None if deadline is None else max(1.0, deadline - time.monotonic()))
            stopped = None
        except (subprocess.TimeoutExpired, KeyboardInterrupt) as exc:
            proc.terminate()
            out, _ = proc.communicate()
            stopped = "stopped at --stop-after-s" if isinstance(exc, subprocess.TimeoutExpired) else "interrupted"
        lines = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
        final = [line["row"] for line in lines if "row" in line]
        if proc.returncode == 0 and final:
            results[row] = final[0]
            continue
        curve = [line["checkpoint"] for line in lines if "checkpoint" in line]
        results[row] = {"stopped": stopped or f"row process exited {proc.returncode}; see its stderr",
                        "env_steps": curve[-1]["env_steps"] if curve else 0,
                        "final_success_rate": curve[-1]["success_rate"] if curve else None,
                        "final_ci95": curve[-1]["ci95"] if curve else None,
                        "env_step_us": curve[-1]["env_step_us"] if curve else None,
                        "learn_wall_s": curve[-1]["learn_wall_s"] if curve else None,
                        "learn_cpu_s": curve[-1]["learn_cpu_s"] if curve else None,
                        "success_at": {str(p["env_steps"]): p["success_rate"] for p in curve}, "curve": curve}
    return results


def compare(arm: dict[str, Any], fetch: dict[str, Any]) -> dict[str, Any]:
    """Per-step cost ratios armstack/Fetch (learning wall and CPU time per env step, bare env step)."""
    def per_step(row: dict[str, Any], key: str) -> float | None:
        return row[key] / row["env_steps"] if row.get(key) and row.get("env_steps") else None

    out: dict[str, Any] = {}
    for key in ("learn_wall_s", "learn_cpu_s"):
        a, f = per_step(arm, key), per_step(fetch, key)
        out[f"{key}_per_step_ratio_armstack_over_fetch"] = round(a / f, 3) if a and f else None
    a_us, f_us = arm.get("env_step_us"), fetch.get("env_step_us")
    out["env_step_ratio_armstack_over_fetch"] = round(a_us / f_us, 3) if a_us and f_us else None
    return out


def paired(reference: list[dict[str, Any]], other: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Two rows' held-out evaluations episode by episode, at each step count both evaluated at on the same episodes
    (``succeeded_seeds``): the episodes only the reference solved, only the other, both, and the exact McNemar
    p-value of the difference (a paired test: the rows share the held-out seeds). None without such a point."""
    from policies.compare import mcnemar_exact

    points = {p["env_steps"]: p for p in reference if "succeeded_seeds" in p}
    out: dict[str, Any] = {}
    for point in other:
        ref = points.get(point["env_steps"])
        if ref is None or "succeeded_seeds" not in point or ref["episodes"] != point["episodes"]:
            continue
        a, b = set(ref["succeeded_seeds"]), set(point["succeeded_seeds"])
        out[str(point["env_steps"])] = {"episodes": point["episodes"], "reference_only": len(a - b),
                                        "this_only": len(b - a), "both": len(a & b),
                                        "mcnemar_p": round(mcnemar_exact(len(a - b), len(b - a)), 4)}
    return out or None


def paired_with_first(rows: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    """``paired`` for each variant of ``rows`` (variant -> row JSON) against the first; None for fewer than two."""
    if len(rows) < 2:
        return None
    first, *others = rows
    return {"reference": first, **{v: paired(rows[first].get("curve") or [], rows[v].get("curve") or [])
                                   for v in others}}


def paired_with_clone(curve: list[dict[str, Any]]) -> dict[str, Any] | None:
    """A pretrained demo row's later held-out points against its clone (the point at step 1, before any online
    update), episode by episode: what online RL added to the clone or took from it (``paired``, the clone as the
    reference). None without a step-1 point that names its succeeded seeds."""
    clone = next((p for p in curve if p["env_steps"] == 1 and "succeeded_seeds" in p), None)
    if clone is None:
        return None
    later = [p for p in curve if p["env_steps"] > 1]
    return paired([{**clone, "env_steps": p["env_steps"]} for p in later], later)


def row_keys(group: str, variants: list[str], demo_variants: tuple[str, ...] = ("rlpd",)) -> list[str]:
    """The result keys of a group: its rows, a residual row once per variant (``row@variant``, the recipe bare),
    a demo row once per demo variant (always ``row@variant``)."""
    keys: list[str] = []
    for row in GROUPS[group]:
        if row in DEMO_ROWS:
            keys.extend(f"{row}@{v}" for v in demo_variants)
        elif row in RESIDUAL_ROWS:
            keys.extend(row if v == "recipe" else f"{row}@{v}" for v in variants)
        else:
            keys.append(row)
    return keys


def table(pairs: dict[str, Any]) -> dict[str, Any]:
    """Per task: the BC policy alone, each residual variant (with the checkpoint validation chose), RL from scratch
    and the Fetch peer, success against env steps."""
    rows = {key: result for group in pairs.values() for key, result in group.items()
            if key.partition("@")[0] in ROWS}
    out: dict[str, Any] = {}
    for task, scratch, fetch in (("push", "armstack_push", "fetch_push"),
                                 ("pick_place", "armstack_pick_place", "fetch_pick_and_place"),
                                 ("stack", "armstack_stack", None)):
        residuals = {key.partition("@")[2] or "recipe": result for key, result in rows.items()
                     if key.partition("@")[0] == f"{scratch}_bc_residual"}
        base = next((r.get("base_policy_alone") for r in residuals.values() if r.get("base_policy_alone")), None)
        demo_rows = {key.partition("@")[2]: result for key, result in rows.items()
                     if key.partition("@")[0] == f"{scratch}_demos"}
        entry = {"bc_policy_alone": base,
                 "bc_residual_success_at": {v: r.get("success_at") for v, r in residuals.items()} or None,
                 "bc_residual_best_by_validation": {v: r.get("best_by_validation") for v, r in residuals.items()}
                 or None,
                 "from_scratch_success_at": rows.get(scratch, {}).get("success_at"),
                 "with_demos_success_at": {v: r.get("success_at") for v, r in demo_rows.items()} or None,
                 "with_demos_best_by_validation": {v: r.get("best_by_validation") for v, r in demo_rows.items()}
                 or None,
                 # each demo variant against the first one asked for, episode by episode on the held-out seeds
                 "with_demos_paired": paired_with_first(demo_rows),
                 # each pretrained demo variant's online points against its own clone, episode by episode
                 "with_demos_vs_clone": {v: paired_with_clone(r.get("curve") or []) for v, r in demo_rows.items()}
                 or None,
                 "fetch_success_at": rows.get(fetch, {}).get("success_at") if fetch else None}
        if any(v is not None for v in entry.values()):
            out[task] = entry
    return out


def meets_target(key: str, result: dict[str, Any]) -> bool | None:
    """Whether the row's kept policy reaches its task's target: the final one, or for a residual row the
    checkpoint validation chose (its held-out success); None when the task has no target."""
    target = TARGETS.get(key.partition("@")[0])
    if target is None:
        return None
    kept = result.get("best_by_validation") or {"success_rate": result.get("final_success_rate")}
    return (kept.get("success_rate") or 0.0) >= target


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--steps", type=int, default=20_000, help="env steps per row")
    p.add_argument("--eval-at", type=int_list, default=[5_000, 10_000, 15_000, 20_000],
                   help="comma-separated env step counts to evaluate at (those beyond --steps are dropped)")
    p.add_argument("--eval-episodes", type=int, default=20, help="held-out episodes per evaluation")
    p.add_argument("--seed", type=int, default=0, help="training seed")
    p.add_argument("--pairs", default="push,pick_place",
                   help=f"comma-separated subset of {', '.join(GROUPS)} (residual_*: SAC on a residual over the "
                        "shipped BC policy, BC-initialised, reported apart)")
    p.add_argument("--one-pair-at-a-time", dest="together", action="store_false",
                   help="run the pairs one after the other (default: every row at once, all under the same load)")
    p.add_argument("--stop-after-s", type=float, default=None,
                   help="stop rows still training after this many seconds; they report the evaluations they made")
    p.add_argument("--residual-variants", default="recipe",
                   help=f"residual rows to run, comma-separated: {', '.join(RESIDUAL_VARIANTS)} (RESIDUAL_VARIANTS)")
    p.add_argument("--base-policy", default=PRETRAINED_BASE,
                   help="the BC checkpoint folder the residual rows start from ('pretrained': each task's shipped "
                        "base, policies.rl_config.PRETRAINED_BASES)")
    p.add_argument("--demo-variants", default="rlpd",
                   help=f"demo rows to run, comma-separated: {', '.join(DEMO_VARIANTS)} (DEMO_VARIANTS)")
    p.add_argument("--demos-push", default=None,
                   help="the demos_push rows' dataset (armstack datagen --env armstack/Push-v0 --full-episodes)")
    p.add_argument("--demos-pick-place", default=None,
                   help="the demos_pick_place rows' dataset (datagen --env armstack/PickPlace-v0 --full-episodes)")
    p.add_argument("--no-clone-point", dest="clone_point", action="store_false",
                   help="pretrained demo rows: skip the clone's evaluation at step 1 (measured apart, e.g. with "
                        "--steps 1 and the same seed; the held-out and validation episodes do not depend on it)")
    p.add_argument("--quick", action="store_true", help="smoke run: 400 steps, one evaluation of 1 episode")
    p.add_argument("--row", help=argparse.SUPPRESS)
    p.add_argument("--variant", default="recipe", help=argparse.SUPPRESS)
    p.add_argument("--config-json", help=argparse.SUPPRESS)
    p.add_argument("--demos-json", default="{}", help=argparse.SUPPRESS)
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.row:  # child process: one row, JSON on stdout
        try:
            print(json.dumps({"row": run_row(args.row, json.loads(args.config_json), args.eval_at, args.variant,
                                             args.base_policy, json.loads(args.demos_json), args.clone_point)}))
        except Exception:
            traceback.print_exc()
            return 1
        return 0

    from policies.rl_config import RLConfig

    names = GROUPS
    chosen = [n for n in args.pairs.split(",") if n]
    if not chosen or any(n not in names for n in chosen):
        print(f"unknown pairs {chosen}; valid: {', '.join(names)}", file=sys.stderr)
        return 2
    variants = [v for v in args.residual_variants.split(",") if v]
    if not variants or any(v not in RESIDUAL_VARIANTS for v in variants):
        print(f"unknown residual variants {variants}; valid: {', '.join(RESIDUAL_VARIANTS)}", file=sys.stderr)
        return 2
    demo_variants = tuple(v for v in args.demo_variants.split(",") if v)
    if not demo_variants or any(v not in DEMO_VARIANTS for v in demo_variants):
        print(f"unknown demo variants {list(demo_variants)}; valid: {', '.join(DEMO_VARIANTS)}", file=sys.stderr)
        return 2
    demos = {env_id: str(path) for env_id, path, demo_group in
             (("armstack/Push-v0", args.demos_push, "demos_push"),
              ("armstack/PickPlace-v0", args.demos_pick_place, "demos_pick_place")) if demo_group in chosen and path}
    for demo_group, flag, env_id in (("demos_push", "--demos-push", "armstack/Push-v0"),
                                     ("demos_pick_place", "--demos-pick-place", "armstack/PickPlace-v0")):
        if demo_group in chosen and (env_id not in demos or not Path(demos[env_id]).is_dir()):
            print(f"{demo_group} needs {flag}: a dataset folder (armstack datagen --full-episodes)", file=sys.stderr)
            return 2
    if args.base_policy != PRETRAINED_BASE and not Path(args.base_policy).is_dir():
        print(f"--base-policy {args.base_policy!r} is not a checkpoint folder (or {PRETRAINED_BASE!r})",
              file=sys.stderr)
        return 2
    if args.quick:
        steps, eval_at, episodes, fields = 400, [400], 1, {**CONFIG, "learning_starts": 200, "net_arch": [16],
                                                           "batch_size": 32}
    else:
        steps, episodes, fields = args.steps, args.eval_episodes, CONFIG
        eval_at = sorted({p for p in args.eval_at if 0 < p < steps} | {steps})
    config_json = RLConfig.from_dict({**fields, "steps": steps, "eval_every": steps, "eval_episodes": episodes,
                                      "seed": args.seed}).to_dict()
    started = time.perf_counter()
    pairs: dict[str, Any] = {}
    batches = [chosen] if args.together else [[n] for n in chosen]
    for batch in batches:
        rows = [key for n in batch for key in row_keys(n, variants, demo_variants)]
        load_start = load_average()
        log(f"rows {rows} at once: {steps} steps each, evaluated at {eval_at}; load {load_start}")
        results = run_rows(rows, config_json, eval_at, args.stop_after_s, args.base_policy, demos,
                           args.clone_point)
        for n in batch:
            loads = {"load_average_1min": {"start": load_start, "end": load_average()}}
            group = {key: results[key] for key in row_keys(n, variants, demo_variants)}
            if len(names[n]) == 2:  # (armstack, Fetch)
                group.update(compare(*group.values()))
            pairs[n] = {**group, **loads}
    headline = {key: {"success_at": pair[key].get("success_at"), "final_ci95": pair[key].get("final_ci95"),
                      "best_by_validation": pair[key].get("best_by_validation"),
                      "target": TARGETS.get(key.partition("@")[0]),
                      "meets_target": meets_target(key, pair[key])}
                for pair in pairs.values() for key in pair if key.partition("@")[0] in ROWS}
    print(json.dumps({"bench": "rl_tasks", "method": METHOD, "config": config_json,
                      "residual_variants": {v: RESIDUAL_VARIANTS[v] for v in variants},
                      "base_policy": args.base_policy,
                      "demo_variants": {v: DEMO_VARIANTS[v] for v in demo_variants}, "demos": demos,
                      "eval_at": eval_at, "table": table(pairs),
                      "headline": headline, "pairs": pairs, "total_wall_s": round(time.perf_counter() - started, 1),
                      "versions": versions(), "cpu_count": os.cpu_count(), "machine": platform.machine(),
                      "cpu": cpu_description()}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
