"""`armstack demo`: the end-to-end demo on embedded defaults (no network, no GPU).

1. Scripted experts in randomised scenes, every task, both robots: success rates and videos.
2. A small language-annotated RGB dataset in the LeRobot v3.0 layout, verified, read back, montage.
3. A state dataset from the experts (``BC_EPISODES`` Tabletop episodes, the four tasks mixed), an
   instruction-conditioned BC policy trained on it, evaluated on held-out seeds with a video and a JSON report.
4. An instruction planned by the embedded language model and executed skill by skill in simulation,
   with the agent's report and a video.

Each section prints what it made; ``out/demo/report.json`` gathers them.
"""

from __future__ import annotations

import json
import os
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

DEMO_INSTRUCTION = "put the red cube on the blue one, then put the green cube in the bin"
BC_EPISODES = 800
BC_EPOCHS = 40
"""The demo's own BC run. Four tasks from one dataset are data-bound, not epoch-bound: on the same held-out seeds
(100 episodes, seed block 2) 150 episodes x 60 epochs scored 5/40 (block 1), 600 x 40 80/100 (push 56%), 800 x 40
91/100 (push 80%, 184/200 over blocks 0-2), 1,200 x 40 95/100 at half as much again. 800 x 40 keeps datagen,
training and both evaluations within about 3 minutes on 2 cores."""


def _policy_section(out_dir: Path, episodes: int, epochs: int, eval_episodes: int) -> dict[str, Any]:
    from policies.bc import BCConfig, train_bc
    from policies.evaluate import evaluate_policy, format_report, write_report
    from policies.policy import load
    from sim.datagen import DatagenConfig, format_summary, run_datagen

    data = out_dir / "bc_dataset"
    print(f"\ngenerating {episodes} state episodes for behaviour cloning into {data} ...")
    summary = run_datagen(DatagenConfig(env_id="armstack/Tabletop-v0", robot="panda", episodes=episodes, workers=2,
                                        obs=("state",), cameras=(), seed=1, out=str(data)))
    print(format_summary(summary))
    run = out_dir / "bc_run"
    print(f"\ntraining an instruction-conditioned BC policy ({epochs} epochs) into {run} ...")
    # One thread, as the shipped recipe trains: a 0.3M-parameter MLP gains little from two, and two threads on a
    # busy machine (load 11-27) waited on each other for 60-130 s an epoch, against 2 s for one at load 11.
    train = train_bc(BCConfig(data=str(data), out=str(run), epochs=epochs, eval_every=0, hidden=256, depth=3,
                              threads=1))
    print(f"loss curve: {run / 'loss_curve.png'}   TensorBoard: {run / 'tb'}")
    policy = load(run / "best")
    seeds = (policy.spec.data or {}).get("seeds", [])
    print(f"\nevaluating on held-out seeds ({eval_episodes} per task) ...")
    report = evaluate_policy(policy, env_id="armstack/Tabletop-v0", robot="panda", episodes=eval_episodes,
                             exclude_seeds=seeds, video=out_dir / "bc_policy.mp4", failure_videos=2)
    write_report(report, out_dir / "bc_eval.json")
    print(format_report(report))
    print(f"video: {out_dir / 'bc_policy.mp4'}   report: {out_dir / 'bc_eval.json'}")
    from policies.pretrained import PANDA_TABLETOP_BC

    shipped = load(PANDA_TABLETOP_BC)
    episodes = (shipped.spec.data or {}).get("episodes", "?")
    print(f"\nfor comparison, the shipped policy trained on {episodes} expert episodes ({PANDA_TABLETOP_BC}):")
    shipped_report = evaluate_policy(shipped, env_id="armstack/Tabletop-v0", robot="panda", episodes=eval_episodes,
                                     exclude_seeds=(shipped.spec.data or {}).get("seeds", []))
    print(format_report(shipped_report))
    return {"dataset": str(data), "train": train,
            "eval": {k: report[k] for k in ("success_rate", "ci95", "tasks", "videos")},
            "shipped_eval": {k: shipped_report[k] for k in ("success_rate", "ci95", "tasks")}}


def _agent_section(out_dir: Path, instruction: str) -> dict[str, Any]:
    from policies.planner.agent import run_instruction
    from policies.planner.errors import ModelUnavailableError

    print(f'\nplanning and executing: "{instruction}" (embedded Gemma 3 270M through llama.cpp) ...')
    try:
        report: dict[str, Any] = run_instruction(instruction, robot="panda", seed=7, video=out_dir / "agent.mp4")
    except ModelUnavailableError as exc:
        # The parser plans what it reads and refuses the rest, so the demo still shows the agent; the report
        # and the console say loudly that the model was not used and why.
        warning = f"WARNING: planner model unusable, fell back to the parser backend: {exc}"
        print(f"\n{'!' * 100}\n{warning}\n{'!' * 100}\n")
        report = run_instruction(instruction, robot="panda", seed=7, video=out_dir / "agent.mp4", backend="parser")
        report["planner_warning"] = warning
    path = out_dir / "agent_report.json"
    path.write_text(json.dumps(report, indent=2, default=str) + "\n")
    print(json.dumps({k: report.get(k) for k in ("plan", "success", "replans", "backend")}, default=str))
    print(f"video: {out_dir / 'agent.mp4'}   report: {path}")
    return report


def _run_part(name: str, failed: list[dict[str, str]], make: Callable[[], Any]) -> Any:
    """Run one section; a failure is recorded by name (and printed in full) and the demo goes on."""
    try:
        return make()
    except Exception as exc:  # the demo reports every part it could not finish, then exits non-zero
        traceback.print_exc()
        failed.append({"part": name, "error": f"{type(exc).__name__}: {exc}"})
        print(f"\nFAILED: demo part '{name}': {type(exc).__name__}: {exc}\n", file=sys.stderr)
        return {"failed": f"{type(exc).__name__}: {exc}"}


def run_demo(out_dir: Path, episodes: int = 5, robots: tuple[str, ...] | None = None,
             dataset_episodes: int = 8, bc_episodes: int | None = None, bc_epochs: int | None = None,
             eval_episodes: int = 5, instruction: str | None = DEMO_INSTRUCTION) -> dict[str, Any]:
    from sim.demo import dataset_section, expert_section
    from sim.robots import ROBOTS

    instruction = DEMO_INSTRUCTION if instruction is None else instruction
    bc_episodes = BC_EPISODES if bc_episodes is None else bc_episodes
    bc_epochs = BC_EPOCHS if bc_epochs is None else bc_epochs
    robots = tuple(ROBOTS) if robots is None else robots
    out_dir.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    failed: list[dict[str, str]] = []
    experts = _run_part("experts", failed, lambda: expert_section(out_dir, episodes, robots))
    report: dict[str, Any] = {"robots": list(robots), "results": experts}
    if dataset_episodes > 0:
        report["dataset"] = _run_part("dataset", failed, lambda: dataset_section(out_dir, dataset_episodes))
        if isinstance(report["dataset"], dict) and report["dataset"].get("verified") is False:
            failed.append({"part": "dataset", "error": "the demo dataset did not verify"})
    if bc_episodes > 0:
        report["policy"] = _run_part("policy", failed,
                                     lambda: _policy_section(out_dir, bc_episodes, bc_epochs, eval_episodes))
    if instruction:
        report["agent"] = _run_part("agent", failed, lambda: _agent_section(out_dir, instruction))
    report["failed_parts"] = failed
    report["seconds"] = round(time.perf_counter() - start, 1)
    tmp = out_dir / ".report.json.partial"
    tmp.write_text(json.dumps(report, indent=2, default=str))
    os.replace(tmp, out_dir / "report.json")
    print(f"\nreport: {out_dir / 'report.json'}  ({report['seconds']} s)")
    if failed:
        print("demo FAILED in: " + ", ".join(f"{f['part']} ({f['error']})" for f in failed), file=sys.stderr)
    return report
