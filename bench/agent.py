"""End-to-end agent benchmark: held-out multi-step instructions, planned, executed in randomised sim scenes.

Prints one JSON object to stdout (progress goes to stderr). For each of ``--n`` seeds the scene of that
seed is built (randomised layout and dynamics) and one multi-step instruction is composed over its cubes
from templates written for this benchmark only (not the planner's development set or example bank), with
its gold plan. Every backend then runs the same (instruction, seed) list through ``Agent.run``: plan,
execute step by step with the scripted skills, verify each step from the scene, retry once, replan (at
most ``--max-replans``). Reported per backend: success rate (the agent reports success and the goal
facts of the gold plan, i.e. what it makes hold or holds, hold in the final scene), the agent's own
success flag beside it, exact first-plan match against gold, refusals, replans, and seconds per
instruction (total, planning). ``oracle`` executes the gold plan itself (its replans go to
the ``rules`` planner): the execution ceiling that separates planning errors from execution errors.
``rules`` (string matching) is the baseline the model backends are compared against. ``--skill-policy`` runs a
skill as a checkpoint, ``--require-skill`` keeps only instructions whose gold plan uses a skill (seeds go on until
there are ``--n``), and ``step_attempts`` counts each skill's attempts and verified ones by executor (policy or
scripted): a learned skill against its scripted controller on the same instructions.

Run from the repository root: ``MUJOCO_GL=egl python bench/agent.py --n 50``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from dataclasses import dataclass
from typing import Any

from sim.render import select_gl_backend

select_gl_backend()  # before anything imports mujoco

import mujoco  # noqa: E402
import numpy as np  # noqa: E402

from policies.checkpoint import read_spec  # noqa: E402
from policies.errors import CheckpointError  # noqa: E402
from policies.planner import (  # noqa: E402
    DIRECTIONS,
    Plan,
    PlanResult,
    SceneState,
    Step,
    check_plan,
    final_state,
    make_planner,
    result_to_json,
)
from policies.planner.agent import Agent, AgentConfig, AgentConfigError, verify_effect  # noqa: E402
from policies.planner.sim_scene import scene_state_from_env  # noqa: E402
from sim.env import TabletopEnv  # noqa: E402
from sim.skills import SKILL_ARGS, make_skill  # noqa: E402
from sim.skills.regions import REGIONS, SIDES  # noqa: E402

TARGET_SUCCESS = 0.8

# Sub-goal templates, written for this benchmark (held out from the planner's data).
BIN = ("put the {a} cube into the bin", "drop the {a} block in the bin", "get the {a} cube into the grey bin")
PAD = ("set the {a} cube on the pad", "place the {a} block onto the white pad", "put the {a} cube on the pad")
STACK = ("stack the {a} cube on the {b} cube", "put the {a} block on top of the {b} block",
         "place the {a} cube onto the {b} one")
SIDE = ("move the {a} cube to the {s} side of the table", "put the {a} block on the {s} side",
        "place the {a} cube on the {s} half of the table")
PUSH = ("push the {a} cube {d}", "slide the {a} block {d}")
HOME = ("go home", "return to the home pose", "go back home")
JOINERS = (", then ", " and then ", ". After that, ", ", and after that ")


@dataclass(frozen=True)
class Episode:
    seed: int
    instruction: str
    gold: Plan


def _color(name: str) -> str:
    return name.split("_", 1)[0]


def compose(rng: np.random.Generator, state: SceneState, env: TabletopEnv) -> Episode | None:
    """One multi-step instruction over the scene's cubes with its gold plan, or None if this draw is invalid."""
    cubes = list(state.names)
    rng.shuffle(cubes)
    n_goals = 2 if rng.random() < 0.7 else 3
    parts: list[str] = []
    steps: list[Step] = []
    used: set[str] = set()
    kinds = ["bin", "pad", "stack", "side", "push"]
    for k in range(n_goals):
        kind = kinds[int(rng.integers(len(kinds)))]
        free = [c for c in cubes if c not in used]
        if not free:
            return None
        a = free[0]
        if kind == "push":
            if k > 0:
                return None  # the layout at the start decides whether a push is feasible: pushes come first
            d = DIRECTIONS[int(rng.integers(len(DIRECTIONS)))]
            skill = make_skill(env.view, "push", {"object": a, "direction": d}, env.controller.config.max_pos_step)
            if skill.precondition_error() is not None:
                return None
            parts.append(PUSH[int(rng.integers(len(PUSH)))].format(a=_color(a), d=d))
            steps.append(Step(skill="push", args={"object": a, "direction": d}))
        elif kind == "stack":
            if len(free) < 2:
                return None
            b = free[1]
            parts.append(STACK[int(rng.integers(len(STACK)))].format(a=_color(a), b=_color(b)))
            steps += [Step(skill="pick", args={"object": a}), Step(skill="place_on", args={"object": b})]
            used.add(b)
        else:
            region = {"bin": "bin", "pad": "pad"}.get(kind) or SIDES[int(rng.integers(len(SIDES)))]
            if state.on.get(a) == region:
                return None  # already there: a goal that holds from the start measures nothing
            if region == "pad" and any(s.args.get("region") == "pad" for s in steps):
                return None  # one pad: a second cube on it is not a goal the pad can hold
            templates = {"bin": BIN, "pad": PAD}.get(kind, SIDE)
            parts.append(templates[int(rng.integers(len(templates)))].format(a=_color(a), s=region))
            steps += [Step(skill="pick", args={"object": a}), Step(skill="place_in", args={"region": region})]
        used.add(a)
    if rng.random() < 0.3:
        parts.append(HOME[int(rng.integers(len(HOME)))])
        steps.append(Step(skill="go_home", args={}))
    text = parts[0]
    for p in parts[1:]:
        joiner = JOINERS[int(rng.integers(len(JOINERS)))]
        text += joiner + p
    gold = Plan(steps=tuple(steps))
    if check_plan(state, gold) is not None:
        return None
    return Episode(seed=-1, instruction=text, gold=gold)


def make_episodes(n: int, seed0: int, robot: str, randomization: str, require_skill: str | None = None,
                  require_regions: tuple[str, ...] = ()) -> list[Episode]:
    """One instruction per seed from ``seed0`` on; with ``require_skill``, only instructions whose gold plan uses
    that skill, with ``require_regions`` only those whose gold plan places a cube in one of them, seeds going on past
    ``seed0 + n`` (at most ``20 n`` seeds) until there are ``n``."""
    env = TabletopEnv(task="pick_place", robot=robot, randomization=randomization, max_steps=10**9,
                      terminate_on_success=False)
    episodes: list[Episode] = []
    filtered = require_skill is not None or bool(require_regions)
    seeds = range(seed0, seed0 + (20 * n if filtered else n))
    for seed in seeds:
        if len(episodes) == n:
            break
        env.reset(seed=seed)  # the agent resets with the same seed: the same scene
        state = scene_state_from_env(env)
        rng = np.random.default_rng(seed)
        for _ in range(200):
            ep = compose(rng, state, env)
            if ep is not None and _uses(ep.gold, require_skill, require_regions):
                episodes.append(Episode(seed=seed, instruction=ep.instruction, gold=ep.gold))
                break
    env.close()
    return episodes


def _uses(plan: Plan, skill: str | None, regions: tuple[str, ...]) -> bool:
    """Whether ``plan`` runs ``skill`` (None: any) and places a cube in one of ``regions`` (empty: anywhere)."""
    return (skill is None or any(s.skill == skill for s in plan.steps)) and (
        not regions or any(s.skill == "place_in" and s.args.get("region") in regions for s in plan.steps))


class OraclePlanner:
    """Returns the gold plan for the instruction; replans (from a changed scene) go to the rules planner."""

    name = "oracle"

    def __init__(self, gold: dict[str, Plan]) -> None:
        self.gold = gold
        self.rules = make_planner("rules")
        self._initial: set[str] = set()

    def plan(self, instruction: str, state: SceneState) -> PlanResult:
        if instruction not in self._initial:
            self._initial.add(instruction)
            return self.gold[instruction]
        return self.rules.plan(instruction, state)


def _pct(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


def run_backend(backend: str, episodes: list[Episode], config: AgentConfig) -> dict[str, Any]:
    t0 = time.perf_counter()
    try:
        planner: Any = OraclePlanner({e.instruction: e.gold for e in episodes}) if backend == "oracle" \
            else make_planner(backend)
        agent = Agent(planner, config)
    except Exception as exc:  # a backend that cannot start is reported, not fatal to the others
        return {"error": f"{type(exc).__name__}: {exc}"}
    rows = []
    attempts: dict[str, dict[str, int]] = {}  # "skill executor" -> attempts, verified (a policy's or scripted)
    by_region: dict[str, dict[str, int]] = {}  # "region executor" -> the same, for place_in steps
    for k, ep in enumerate(episodes):
        if isinstance(planner, OraclePlanner):
            planner._initial.discard(ep.instruction)
        report = agent.run(ep.instruction, seed=ep.seed)
        for entry in report["steps"]:
            kind = "policy" if str(entry.get("executor", "")).startswith("policy:") else "scripted"
            tally = attempts.setdefault(f"{entry['skill']} {kind}", {"attempts": 0, "verified": 0})
            tally["attempts"] += 1
            tally["verified"] += bool(entry["verified"])
            if entry["skill"] == "place_in":  # one policy runs every region: each region's own figure
                tally = by_region.setdefault(f"{entry['args'].get('region')} {kind}", {"attempts": 0, "verified": 0})
                tally["attempts"] += 1
                tally["verified"] += bool(entry["verified"])
        exact = report["plan"] == result_to_json(ep.gold)
        initial = SceneState.from_json(report["initial_state"])
        gold_miss = verify_effect(initial, final_state(initial, ep.gold),
                                  SceneState.from_json(report["final_state"]))
        success = bool(report["success"]) and gold_miss is None
        rows.append({"seed": ep.seed, "instruction": ep.instruction, "success": success,
                     "agent_success": report["success"], "gold_goal_miss": gold_miss,
                     "status": report["status"], "exact_plan": exact, "replans": report["replans"],
                     "retries": report["retries"], "total_s": report["durations"]["total_s"],
                     "plan_s": report["durations"]["plan_s"], "sim_steps": report["durations"]["sim_steps"],
                     "failure": report["failure"], "n_gold_steps": len(ep.gold.steps)})
        print(f"[{backend}] {k + 1}/{len(episodes)} {report['status']:<9} goal={success!s:<5} exact={exact!s:<5} "
              f"replans={report['replans']} {report['durations']['total_s']:.2f}s  {ep.instruction}",
              file=sys.stderr, flush=True)
    agent.close()
    n = len(rows)
    total = [r["total_s"] for r in rows]
    plan = [r["plan_s"] for r in rows]
    executed = [r for r in rows if r["exact_plan"]]
    return {
        "instructions": n,
        "success_rate": sum(r["success"] for r in rows) / n,
        "agent_reported_success_rate": sum(r["agent_success"] for r in rows) / n,
        "exact_plan_rate": sum(r["exact_plan"] for r in rows) / n,
        "success_rate_given_exact_plan": (sum(r["success"] for r in executed) / len(executed)) if executed else None,
        "refusals": sum(r["status"] == "refused" for r in rows),
        "replans_total": sum(r["replans"] for r in rows),
        "instructions_with_replans": sum(r["replans"] > 0 for r in rows),
        "retries_total": sum(r["retries"] for r in rows),
        "seconds_per_instruction": {"mean": statistics.fmean(total), "p50": _pct(total, 50), "p95": _pct(total, 95)},
        "planning_seconds_per_instruction": {"mean": statistics.fmean(plan), "p50": _pct(plan, 50),
                                             "p95": _pct(plan, 95)},
        "sim_steps_per_instruction": statistics.fmean([r["sim_steps"] for r in rows]),
        "step_attempts": dict(sorted(attempts.items())),
        "place_in_attempts_by_region": dict(sorted(by_region.items())),
        "wall_s": time.perf_counter() - t0,
        "failures": [{k: r[k] for k in ("seed", "instruction", "status", "failure", "gold_goal_miss")}
                     for r in rows if not r["success"]],
    }


def skill_policy_error(skill_policies: dict[str, str], robot: str) -> str | None:
    """One line on the first ``--skill-policy`` checkpoint that is unreadable or was trained for another robot than
    ``robot``, else None (its spec only: the agent loads the weights)."""
    for skill, path in skill_policies.items():
        try:
            trained_for = read_spec(path).robot
        except CheckpointError as exc:
            return f"--skill-policy {skill}: {exc}"
        if trained_for != robot:
            return f"--skill-policy {skill}: {path} was trained for robot {trained_for!r}, not --robot {robot!r}"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=50, help="instructions (one randomised scene each)")
    parser.add_argument("--backends", default="rules,llama_cpp", help="comma list of rules, llama_cpp, openai")
    parser.add_argument("--no-oracle", action="store_true", help="skip executing the gold plans")
    parser.add_argument("--robot", default="panda")
    parser.add_argument("--randomization", default="default")
    parser.add_argument("--seed", type=int, default=5000, help="first scene seed (held out: tests use small seeds)")
    parser.add_argument("--max-replans", type=int, default=2)
    parser.add_argument("--show-episodes", action="store_true", help="include every instruction's row")
    parser.add_argument("--skill-policy", action="append", default=[], metavar="SKILL=DIR",
                        help="run SKILL as the policy checkpoint DIR (AgentConfig.skill_policies); repeatable")
    parser.add_argument("--policy-speed-fraction", type=float, default=AgentConfig.policy_speed_fraction,
                        help="a learned skill's moves are slowed, direction kept, to joint speeds within this fraction "
                             "of the limits, the bridge's command gate's (AgentConfig.policy_speed_fraction); 1.0: "
                             "full speed, as trained")
    parser.add_argument("--require-skill", default=None, choices=sorted(SKILL_ARGS),
                        help="only instructions whose gold plan uses this skill (e.g. to measure it as a policy)")
    parser.add_argument("--require-region", default="", metavar="R1,R2",
                        help="only instructions whose gold plan places a cube in one of these regions (left, right, "
                             "bin, pad)")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("--n must be >= 1")
    skill_policies = dict(entry.partition("=")[::2] for entry in args.skill_policy)
    try:
        config = AgentConfig(robot=args.robot, randomization=args.randomization, max_replans=args.max_replans,
                             skill_policies=skill_policies, policy_speed_fraction=args.policy_speed_fraction)
    except AgentConfigError as exc:
        parser.error(str(exc))
    error = skill_policy_error(skill_policies, args.robot)
    if error is not None:  # before composing the instructions, not at the first policy step minutes later
        parser.exit(2, f"{parser.prog}: error: {error}\n")
    regions = tuple(r.strip() for r in args.require_region.split(",") if r.strip())
    unknown = sorted(set(regions) - set(REGIONS))
    if unknown:
        parser.error(f"--require-region: unknown region(s) {', '.join(unknown)}; valid: {', '.join(REGIONS)}")
    episodes = make_episodes(args.n, args.seed, args.robot, args.randomization, args.require_skill, regions)
    print(f"{len(episodes)} instructions composed", file=sys.stderr, flush=True)
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    if not args.no_oracle:
        backends = ["oracle", *backends]
    results = {b: run_backend(b, episodes, config) for b in backends}
    summary = {"target_success_rate": TARGET_SUCCESS}
    for b, r in results.items():
        if "success_rate" in r:
            summary[f"{b}_meets_target"] = r["success_rate"] >= TARGET_SUCCESS
    out: dict[str, Any] = {
        "benchmark": "agent",
        "method": (__doc__ or "").split("\n\n")[1].replace("\n", " "),
        "config": {**vars(args), "agent": config.to_json()},
        "machine": {"cpu_count": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(),
                    "mujoco_version": mujoco.__version__, "loadavg_at_end": list(os.getloadavg())},
        "instructions": [{"seed": e.seed, "instruction": e.instruction, "gold": result_to_json(e.gold)}
                         for e in episodes] if args.show_episodes else len(episodes),
        "backends": results,
        "summary": summary,
    }
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
