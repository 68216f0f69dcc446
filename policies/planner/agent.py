"""The closed-loop agent: plan, execute step by step, verify each step's effect, retry, replan.

One loop (``execute``) for the simulator and the arm: it runs on any ``sim.skills.SkillWorld``, the
``TabletopEnv`` here (``Agent``) or the bridge's arm (``robot.agent_runner``), and both give the same report.

Each step runs the scripted skill controller (``sim.skills``) or a policy checkpoint conditioned on
the step's own instruction, chosen per skill by ``AgentConfig.skill_policies``. A policy sees the observation
``sim.observation_contract`` builds for the step's task goal (``skill_goal``), from the world's scene, so it
gets the same dict in simulation and on the arm. After a step the
scene state is re-derived from the simulator and compared with the skill's symbolic effect; a step
that failed is retried once from the observed state, then the agent replans from that state,
at most ``max_replans`` times: what is left of the checked plan (``repair_plan``), never a new reading of the
words. A retry whose precondition no longer holds (the cube fell out of the hand) is not run: the agent replans
at once, in its place (``replans_in_place_of_retry``, not counted against ``max_replans`` but bounded by it
separately, and counted in ``retries``; see ``AgentConfig``). Cubes the world reports missing (``observed_state``)
are not in the state it plans over.
The report is plain JSON.
"""

from __future__ import annotations

import functools
import queue
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

import mujoco
import numpy as np

from policies.planner.errors import PlannerError
from policies.planner.plan import Plan, PlanResult, Refusal, Step, result_to_json
from policies.planner.planner import DEFAULT_BACKEND, Planner
from policies.planner.scene_state import SceneState
from policies.planner.sim_scene import scene_state_from_env
from policies.planner.skills import apply_step, check_plan, final_state, step_error, step_instruction
from sim.config_io import load_config
from sim.control import ACTION_DIM, ControllerConfig
from sim.env import TabletopEnv
from sim.observation_contract import SKILL_TASKS, observe, skill_goal
from sim.randomize import RANDOMIZATION_LEVELS
from sim.robots import ROBOTS
from sim.scene import CAMERAS
from sim.scene_view import SceneView
from sim.skills import (
    SKILL_ARGS,
    ExecutionStoppedError,
    SkillController,
    SkillError,
    SkillOutcome,
    SkillWorld,
    make_skill,
    run_skill,
)
from sim.skills.base import StepHook


class AgentConfigError(PlannerError, ValueError):
    """An agent configuration that cannot be used as given."""


POLICY_SPEED_FRACTION = 0.35
"""The bridge's command gate lets a command move each joint at most half its velocity limit
(``robot.params.BridgeParams.gate_velocity_scale``). A learned skill trained at full speed in simulation is clipped
there joint by joint, off its direction and slower than it learned (the Push policy's pushes took up to three times
the steps they take in simulation, and one ended in a velocity-limit stop); scaled in both worlds, it moves alike in
both. Below the gate's 0.5: the controller's step also closes the lag between its target and the measured pose, which
on the arm adds to the action's own pace (at 0.5 the gate still cut short 19 of 57 policy periods of one push, and the
fingers came down on the cube's top: 4 tracking-error stops in 9 layouts; at 0.35, 3 of 163 periods), as the
scripted push keeps 0.35."""


@dataclass(frozen=True, kw_only=True)
class AgentConfig:
    """How the agent executes plans. ``skill_policies`` maps a skill name to a checkpoint directory
    (run with ``policies.load``; the skills of ``sim.observation_contract.SKILL_TASKS``); skills not named there
    run their scripted controller, as does a step no task goal describes (a go_home holding a cube)."""

    robot: str = "panda"
    randomization: str = "default"
    max_replans: int = 2
    """Replans after a step failed its retries or undid an earlier step. A replan made in place of a retry that
    could not start (its precondition no longer holds: the report's ``retry_skipped``) is not one of these; up to
    ``max_replans`` more of those may run, so a run replans at most ``2 * max_replans`` times in all
    (``replans_in_place_of_retry`` counts them)."""
    step_retries: int = 1
    """Retries of a failed step. The report's ``retries`` counts the retries run and those skipped for a replan in
    their place (``replans_in_place_of_retry``); a skipped retry past that bound is a replan of ``max_replans``
    and is not counted. Each skipped retry's step entry says why (``retry_skipped``)."""
    skill_policies: Mapping[str, str] = field(default_factory=dict)
    skill_budgets: Mapping[str, int] = field(default_factory=dict)
    """Control steps per skill run, overriding each skill's own budget."""
    policy_speed_fraction: float = POLICY_SPEED_FRACTION
    """A learned skill's move (its action's position and yaw parts) is scaled down, all by one factor, until the joint
    speeds it asks for are within this fraction of the velocity limits (``within_joint_speed``); 1.0: not scaled."""
    video_camera: str = "front"
    video_size: tuple[int, int] = (320, 240)
    video_every: int = 2
    """Render every n-th control step (software rendering costs more than the physics): 10 fps at 2."""

    def __post_init__(self) -> None:
        if self.robot not in ROBOTS:
            raise AgentConfigError(f"unknown robot {self.robot!r}; valid: {', '.join(ROBOTS)}")
        if self.randomization not in RANDOMIZATION_LEVELS:
            raise AgentConfigError(f"unknown randomization {self.randomization!r}; "
                                   f"valid: {', '.join(RANDOMIZATION_LEVELS)}")
        for name in ("max_replans", "step_retries"):
            value = getattr(self, name)
            if not isinstance(value, int) or not 0 <= value <= 20:
                raise AgentConfigError(f"{name} must be a whole number from 0 to 20, got {value!r}")
        for label, mapping in (("skill_policies", self.skill_policies), ("skill_budgets", self.skill_budgets)):
            unknown = sorted(set(mapping) - set(SKILL_ARGS))
            if unknown:
                raise AgentConfigError(f"{label} names unknown skill(s) {', '.join(unknown)}; "
                                       f"valid skills: {', '.join(SKILL_ARGS)}")
        no_goal = sorted(set(self.skill_policies) - set(SKILL_TASKS))
        if no_goal:
            raise AgentConfigError(f"skill_policies names {', '.join(no_goal)}, which no task policy can run (no task "
                                   f"goal to condition it on); skills a policy can run: {', '.join(SKILL_TASKS)}")
        fraction = self.policy_speed_fraction
        if isinstance(fraction, bool) or not isinstance(fraction, int | float) or not 0.05 <= fraction <= 1.0:
            raise AgentConfigError(f"policy_speed_fraction must be a number from 0.05 to 1.0, got {fraction!r}")
        for skill, budget in self.skill_budgets.items():
            if not isinstance(budget, int) or budget < 1:
                raise AgentConfigError(f"skill_budgets[{skill!r}] must be a whole number >= 1, got {budget!r}")
        for skill, path in self.skill_policies.items():
            if not isinstance(path, str) or not path:
                raise AgentConfigError(f"skill_policies[{skill!r}] must be a checkpoint directory, got {path!r}")
        if self.video_camera not in CAMERAS:
            raise AgentConfigError(f"unknown video_camera {self.video_camera!r}; valid: {', '.join(CAMERAS)}")
        if not isinstance(self.video_every, int) or not 1 <= self.video_every <= 100:
            raise AgentConfigError(f"video_every must be a whole number from 1 to 100, got {self.video_every!r}")
        size = self.video_size
        if not isinstance(size, tuple) or len(size) != 2 or not all(
                isinstance(v, int) and not isinstance(v, bool) for v in size):
            raise AgentConfigError(f"video_size must be [width, height] in whole pixels, got {size!r}")
        w, h = size
        if not (16 <= w <= 1280 and 16 <= h <= 1280):
            raise AgentConfigError(f"video_size must be between 16 and 1280 pixels, got {self.video_size!r}")
        object.__setattr__(self, "skill_policies", MappingProxyType(dict(self.skill_policies)))
        object.__setattr__(self, "skill_budgets", MappingProxyType(dict(self.skill_budgets)))

    def to_json(self) -> dict[str, Any]:
        return {"robot": self.robot, "randomization": self.randomization, "max_replans": self.max_replans,
                "step_retries": self.step_retries, "skill_policies": dict(self.skill_policies),
                "skill_budgets": dict(self.skill_budgets), "policy_speed_fraction": self.policy_speed_fraction,
                "video_camera": self.video_camera,
                "video_size": list(self.video_size), "video_every": self.video_every}


def load_agent_config(path: str | Path, **overrides: Any) -> AgentConfig:
    """An ``AgentConfig`` from YAML (unknown keys rejected), with keyword overrides on top."""
    return load_config(AgentConfig, path, overrides, error=AgentConfigError)


def verify_effect(before: SceneState, expected: SceneState, observed: SceneState) -> str | None:
    """Whether ``observed`` shows what ``expected`` asserts beyond ``before``; the mismatch, else None.

    Checked: what the gripper holds, and every support relation the effect sets. Relations an effect
    only removes (a pushed cube leaving its region) are not claims about where the object ends up.
    """
    if observed.holding != expected.holding:
        return (f"expected the gripper to hold {_noun(expected.holding)}, "
                f"observed it holding {_noun(observed.holding)}")
    for obj, support in expected.on.items():
        if before.on.get(obj) != support and not observed.rests_on(obj, support):
            where = observed.on.get(obj) or ("the gripper" if observed.holding == obj else "the table")
            return f"expected the {_noun(obj)} on the {_noun(support)}, observed it on {_noun(where)}"
    return None


def _noun(name: str | None) -> str:
    return "nothing" if name is None else name.replace("_", " ")


AfterStep = Callable[[Any, int, Step, bool], None]
"""Called after every step attempt with (world, step number, step, verified): tests perturb the scene here."""
Relayout = Callable[[TabletopEnv], None]


class Agent:
    """Runs instructions in randomised sim scenes with one planner; the env is built once and reused."""

    def __init__(self, planner: Planner, config: AgentConfig | None = None) -> None:
        self.planner = planner
        self.config = config if config is not None else AgentConfig()
        cfg = self.config
        # Skills bound their own runs; the env's episode limit and success termination do not apply.
        self.env = TabletopEnv(task="pick_place", robot=cfg.robot, randomization=cfg.randomization,
                               max_steps=10**9, terminate_on_success=False, render_mode="rgb_array",
                               render_camera=cfg.video_camera, render_size=cfg.video_size)
        self._policies: dict[str, Any] = {}

    def close(self) -> None:
        self.env.close()

    def run(self, instruction: str, seed: int = 0, video: str | Path | None = None,
            after_step: AfterStep | None = None, relayout: Relayout | None = None) -> dict[str, Any]:
        """Plan and execute ``instruction`` in the scene of ``seed``; the JSON report (see module doc).

        ``relayout`` is called with the env after its reset and lays the scene out otherwise (a benchmark puts
        the layout the ROS rig's simulated arm draws for the same seed here, so both worlds get the same scene)."""
        if video is None:
            return self._run(instruction, seed, None, after_step, relayout)
        with _VideoStream(Path(video), fps=self.env.control_hz / self.config.video_every) as stream:
            report = self._run(instruction, seed, stream, after_step, relayout)
        report["video"] = str(video)
        return report

    # ------------------------------------------------------------------ internals
    def _run(self, instruction: str, seed: int, stream: _VideoStream | None,
             after_step: AfterStep | None, relayout: Relayout | None) -> dict[str, Any]:
        env, cfg = self.env, self.config
        obs: dict[str, Any] | None = env.reset(seed=seed)[0]
        if relayout is not None:
            relayout(env)
            obs = None  # the reset's observation shows the old layout
        frame_hook = None
        if stream is not None:
            stream.put(env.render())
            tick = [0]

            def frame_hook(e: Any) -> None:
                tick[0] += 1
                if tick[0] % cfg.video_every == 0:
                    stream.put(e.render())

        report = execute(env, self.planner, instruction, cfg, obs=obs, on_step=frame_hook, after_step=after_step,
                         actor=self._actor, context={"seed": seed})
        report["video"] = None
        return report

    def _actor(self, path: str, text: str) -> Callable[[dict[str, Any]], np.ndarray]:
        if path not in self._policies:
            from policies import load

            self._policies[path] = load(path, robot=self.config.robot)
        policy = self._policies[path]
        if hasattr(policy, "reset"):
            policy.reset()

        def act(obs: dict[str, Any]) -> np.ndarray:
            return np.asarray(policy.act({**obs, "instruction": text}), dtype=np.float64)

        return act


ActorFactory = Callable[[str, str], Callable[[dict[str, Any]], np.ndarray]]
"""(checkpoint path, step instruction) -> the policy's act, for skills ``AgentConfig.skill_policies`` names."""
Feedback = Callable[[dict[str, Any]], None]
"""Called with each plan (``{"event": "plan", ...}``) and each step attempt (``{"event": "step", ...}``)."""


def execute(world: SkillWorld, planner: Any, instruction: str, config: AgentConfig, *,
            obs: dict[str, Any] | None = None, on_step: StepHook | None = None, after_step: AfterStep | None = None,
            actor: ActorFactory | None = None, feedback: Feedback | None = None,
            context: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Plan ``instruction`` over the scene ``world`` shows, run it skill by skill, verify, retry and replan.

    The one agent loop: the sim agent runs it on a ``TabletopEnv``, the bridge on the arm
    (``robot.agent_world.BridgeWorld``). ``planner`` is anything with ``plan(instruction, SceneState)``. A world
    that stops taking actions mid-skill (a fault on the arm) ends the run with status ``stopped`` and the step
    it stopped in. Returns the JSON report (module doc); ``context`` keys (the seed) go into its head.
    """
    t_start = time.perf_counter()
    cfg = config
    initial = observed_state(world)
    plans: list[dict[str, Any]] = []
    step_log: list[dict[str, Any]] = []
    plan_s = 0.0

    def tell(event: dict[str, Any]) -> None:
        if feedback is not None:
            feedback(event)

    def recorded(why: str, make: Callable[[], PlanResult]) -> PlanResult:
        """The plan ``make`` returns, logged in the report and told to ``feedback`` with its time."""
        nonlocal plan_s
        t = time.perf_counter()
        result = make()
        dt = time.perf_counter() - t
        plan_s += dt
        plans.append({"why": why, "result": result_to_json(result), "plan_s": round(dt, 4)})
        tell({"event": "plan", **plans[-1]})
        return result

    result = recorded("initial", lambda: planner.plan(instruction, initial))
    report: dict[str, Any] = {
        "instruction": instruction, "robot": cfg.robot, **dict(context or {}),
        "planner": getattr(planner, "name", None) or getattr(planner, "backend", None) or type(planner).__name__,
        "config": cfg.to_json(), "initial_state": initial.to_json(), "plan": result_to_json(result),
        # Cubes the world no longer perceives, left out of initial_state (observed_state): why a plan lacks them.
        "missing_objects": sorted(getattr(world.unwrapped, "missing_objects", ())),
    }
    goal: SceneState | None = final_state(initial, result) if isinstance(result, Plan) else None
    replans, retries, sim_steps = 0, 0, 0
    in_place_of_retry = 0  # replans made instead of a retry whose precondition no longer held
    status, failure = "succeeded", ""
    state = initial
    pending: list[Step] = list(result.steps) if isinstance(result, Plan) else []
    if isinstance(result, Refusal):
        status, failure = "refused", result.reason
    number = 0
    achieved: dict[str, str] = {}  # support relations verified steps set, until a later step moves the object
    done: list[Step] = []  # the verified steps, in the order they ran, across replans
    while pending:
        step = pending[0]
        number += 1
        verified, reason = False, ""
        lost: str | None = None  # why a retry could not start: the step's precondition no longer holds
        for attempt in range(1 + cfg.step_retries):
            if attempt > 0:
                lost = _precondition_lost(world, step, state)
                if lost is not None:
                    step_log[-1]["retry_skipped"] = lost
                    break
                retries += 1
            before = state
            try:
                entry, obs, verified, reason = _attempt(world, cfg, step, state, obs, on_step, actor)
            except ExecutionStoppedError as exc:
                entry = {"skill": step.skill, "args": dict(step.args), "success": False, "verified": False,
                         "reason": f"stopped: {exc}", "steps": None, "duration_s": None}
                status, failure = "stopped", f"stopped during step {number} {step}: {exc}"
            entry.update(number=number, attempt=attempt + 1)
            step_log.append(entry)
            tell({"event": "step", **entry})
            if status == "stopped":
                break
            sim_steps += entry["steps"]
            state = observed_state(world)
            if after_step is not None:
                after_step(world, number, step, verified)
                state = observed_state(world)
            if verified:
                break
        if status == "stopped":
            break
        why = f"step {number} {step} failed: {reason}"
        if lost is not None:
            why += f"; not retried, its precondition no longer holds: {lost}"
        if verified:
            pending.pop(0)
            done.append(step)
            achieved = _update_achieved(achieved, before, apply_step(before, step))
            # A step can succeed and still undo an earlier one (a stack knocked over on the way):
            # that is replanned at once, not retried, since the step itself did what it should.
            broken = _broken_fact(achieved, state)
            if broken is None:
                continue
            step_log[-1]["disturbed"] = broken
            why = f"after step {number} {step}: {broken}"
        # A replan in place of a retry that could not start is the step's retry, not one of max_replans (a place
        # that ran out of steps and dropped the cube picks it again); at most max_replans of those too.
        if lost is not None and in_place_of_retry < cfg.max_replans:
            in_place_of_retry += 1
            retries += 1
        elif replans - in_place_of_retry >= cfg.max_replans:
            status, failure = "failed", f"{why}; {replans - in_place_of_retry} replans are spent"
            break
        replans += 1
        undone = {o for o, support in achieved.items() if not state.rests_on(o, support)}
        new = recorded(why, functools.partial(repair_plan, state, done, pending, undone))
        if isinstance(new, Refusal):
            status, failure = "failed", f"replanning ({why}) was refused: {new.reason}"
            break
        pending = list(new.steps)
        achieved = {o: support for o, support in achieved.items() if o not in undone}

    final = observed_state(world)
    goal_error = verify_effect(initial, goal, final) if goal is not None else "no plan"
    if status == "succeeded" and goal_error is not None:
        status, failure = "failed", f"every step ran, but the goal does not hold: {goal_error}"
    report.update({
        "plans": plans, "steps": step_log, "replans": replans, "replans_in_place_of_retry": in_place_of_retry,
        "retries": retries,
        "goal": _goal_facts(initial, goal) if goal is not None else None,
        "goal_holds": goal_error is None, "final_state": final.to_json(),
        "success": status == "succeeded", "status": status, "failure": failure,
        "durations": {"plan_s": round(plan_s, 4), "total_s": round(time.perf_counter() - t_start, 4),
                      "sim_steps": sim_steps, "sim_time_s": round(sim_steps * world.control_dt, 3)},
    })
    return report


_PLACES = ("place_on", "place_in")


def repair_plan(state: SceneState, done: list[Step], pending: list[Step], broken: set[str]) -> PlanResult:
    """What is left of the checked plan, from the observed ``state``: the placements ``done`` made whose effect was
    since undone (``broken``: the objects no longer where a verified step put them), in the order they ran, then the
    ``pending`` steps (the failed one first), with the pick of a placement whose cube fell out of the hand.

    A replan never reads the words again: a push that already ran would run twice (pushes leave no fact to check
    them against), and a reference by place ("the leftmost cube") would name another cube once the scene has moved
    (A1 s10 H21). Objects stay the ones the first plan grounded; the result is checked like any plan, and a
    remainder that cannot run from what is observed is refused with the reason, never replaced by a new reading.
    """
    steps: list[Step] = []
    last_milestone: dict[str, int] = {}  # object -> index in done of its last pick that a placement followed
    for i, step in enumerate(done[:-1]):
        if step.skill == "pick" and done[i + 1].skill in _PLACES:
            last_milestone[step.args["object"]] = i
    for i in sorted(last_milestone[o] for o in broken if o in last_milestone):
        obj = done[i].args["object"]
        if state.holding != obj:
            steps.append(done[i])
        steps.append(done[i + 1])
    picked = next((s.args["object"] for s in reversed(done) if s.skill == "pick"), None)
    if pending and pending[0].skill in _PLACES and picked is not None and state.holding != picked:
        steps.append(Step(skill="pick", args={"object": picked}))
    steps += pending
    plan = Plan(steps=tuple(steps))
    refusal = check_plan(state, plan)
    if refusal is not None:
        return Refusal(reason=f"the rest of the plan cannot run from the observed scene: {refusal.reason}")
    return plan


def observed_state(world: SkillWorld) -> SceneState:
    """The planner's scene state of ``world``, without the cubes the world reports missing.

    A world may name cubes it no longer perceives in ``missing_objects`` (the bridge: perception lost them, and the
    mirror only remembers where they were); planning and verifying over a remembered pose would act on a cube that
    may not be there, so they are left out, as if the scene had none: a step naming one fails its precondition and
    a replan has to do without it (or is refused, naming it). A held cube is never missing: the hand has it.
    """
    state = scene_state_from_env(world)
    missing = set(getattr(world.unwrapped, "missing_objects", ())) - {state.holding}
    if not missing:
        return state
    return SceneState(objects=tuple(o for o in state.objects if o.name not in missing), regions=state.regions,
                      holding=state.holding, landmarks=state.landmarks,
                      on={o: s for o, s in state.on.items() if o not in missing and s not in missing})


def _precondition_lost(world: SkillWorld, step: Step, state: SceneState) -> str | None:
    """Why ``step`` cannot start in ``state`` (the symbolic precondition, then the skill's own on the scene), else
    None: a retry that cannot start is not run."""
    symbolic = step_error(state, step)
    if symbolic is not None:
        return symbolic
    try:
        return make_skill(world.view, step.skill, step.args, world.controller.config.max_pos_step).precondition_error()
    except SkillError as exc:
        return str(exc)


def _attempt(world: SkillWorld, cfg: AgentConfig, step: Step, state: SceneState, obs: dict[str, Any] | None,
             on_step: StepHook | None, actor: ActorFactory | None,
             ) -> tuple[dict[str, Any], dict[str, Any] | None, bool, str]:
    """Run one step once; returns its log entry, the last observation, whether it verified, and why not."""
    text = step_instruction(step, state)
    policy_path = cfg.skill_policies.get(step.skill)
    entry: dict[str, Any] = {"skill": step.skill, "args": dict(step.args), "instruction": text,
                             "executor": f"policy:{policy_path}" if policy_path else "scripted"}
    symbolic = step_error(state, step)
    if symbolic is not None:
        entry.update(success=False, verified=False, reason=f"precondition does not hold: {symbolic}", steps=0,
                     duration_s=0.0)
        return entry, obs, False, entry["reason"]
    if policy_path and actor is None:
        raise AgentConfigError(f"skill_policies names a checkpoint for {step.skill}, but this world runs no policies")
    expected = apply_step(state, step)
    goal = skill_goal(step.skill, step.args, holding=state.holding, instruction=text) if policy_path else None
    try:
        skill = make_skill(world.view, step.skill, step.args, world.controller.config.max_pos_step,
                           for_policy=goal is not None)
    except SkillError as exc:
        entry.update(success=False, verified=False, reason=str(exc), steps=0, duration_s=0.0)
        return entry, obs, False, str(exc)
    act: Callable[[dict[str, Any]], np.ndarray] | None = None
    if policy_path and actor is not None and goal is not None:
        policy = actor(policy_path, goal.instruction)
        if goal.instruction != text:
            entry["policy_instruction"] = goal.instruction
        view = world.view
        # A push's end point or the home position; None: the task's own place (sim.observation_contract.observe).
        point: np.ndarray | None = getattr(skill, "goal_point", None)

        controller, fraction = world.controller.config, cfg.policy_speed_fraction

        def act(_: dict[str, Any]) -> np.ndarray:
            # Built from the world's scene for the step's goal, never the env's own episode goal: the same dict
            # in simulation and on the arm (sim.observation_contract).
            action = policy(observe(view, goal, goal_pos=point))
            if fraction >= 1.0:  # the controller keeps within the full limits itself
                return action
            return within_joint_speed(action, view, controller, world.control_dt, fraction)

        obs = observe(view, goal, goal_pos=point)
        if point is not None:
            entry["goal_pos"] = [round(float(x), 4) for x in point]
    elif policy_path:
        entry["executor"] = f"scripted (no task goal for a policy to run {step})"
    outcome: SkillOutcome
    outcome, obs = run_skill(world, skill, obs=obs, actor=act, budget=_budget(cfg, skill), on_step=on_step)
    mismatch = verify_effect(state, expected, observed_state(world))
    verified = outcome.success and mismatch is None
    reason = outcome.reason or (mismatch or "")
    entry.update(success=outcome.success, verified=verified, reason=reason, steps=outcome.steps,
                 duration_s=round(outcome.duration_s, 4))
    return entry, obs, verified, reason


def within_joint_speed(action: np.ndarray, view: SceneView, controller: ControllerConfig, control_dt: float,
                       fraction: float) -> np.ndarray:
    """``action`` with its move (position and yaw, not the gripper) scaled by the one factor that brings the joint
    speeds it asks for within ``fraction`` of the robot's velocity limits; unchanged when they already are.

    The joint speeds are those the EE-delta controller's damped least-squares step (``sim.control``) gives for the
    action's Cartesian velocity at the arm's pose now: the steady pace of a held action, which the command gate on
    the arm would otherwise clip joint by joint."""
    # Clipped first, as both worlds' controllers clip it: the direction kept is the one the policy moved in training.
    a = np.clip(np.asarray(action, dtype=np.float64).reshape(ACTION_DIM), -1.0, 1.0)
    move = np.array([*(a[:3] * controller.max_pos_step), 0.0, 0.0, a[3] * controller.max_yaw_step])
    if not np.any(move):
        return a
    m, d = view.model, view.data
    jacp, jacr = np.zeros((3, m.nv)), np.zeros((3, m.nv))
    mujoco.mj_jacSite(m, d, jacp, jacr, view.tcp_id)
    jac = np.vstack([jacp, jacr])[:, view.arm_v]
    dq = jac.T @ np.linalg.solve(jac @ jac.T + controller.damping**2 * np.eye(6), move)
    cap = np.asarray(view.scene.robot.velocity_limits) * fraction * control_dt
    ratio = float(np.max(np.abs(dq) / cap))
    if ratio > 1.0:
        a[:4] /= ratio
    return a


def _budget(cfg: AgentConfig, skill: SkillController) -> int:
    return int(cfg.skill_budgets.get(skill.name, skill.budget))


def run_instruction(instruction: str, *, robot: str = "panda", seed: int = 0, video: str | Path | None = None,
                    backend: str = DEFAULT_BACKEND, config: AgentConfig | None = None,
                    **planner_options: Any) -> dict[str, Any]:
    """One-shot: plan ``instruction`` with ``backend``, execute it in the scene of ``seed``; the JSON report."""
    from policies.planner.planner import make_planner

    cfg = config if config is not None else AgentConfig(robot=robot)
    if cfg.robot != robot:
        raise AgentConfigError(f"config robot {cfg.robot!r} differs from robot {robot!r}")
    agent = Agent(make_planner(backend, **planner_options), cfg)
    try:
        report = agent.run(instruction, seed=seed, video=video)
    finally:
        agent.close()
    report["backend"] = backend
    return report


def _update_achieved(achieved: dict[str, str], before: SceneState, expected: SceneState) -> dict[str, str]:
    """Relations of objects the step moved are replaced by what the step set; the others stand."""
    moved = {o for o in before.names if before.on.get(o) != expected.on.get(o) or expected.holding == o}
    kept = {o: s for o, s in achieved.items() if o not in moved}
    kept.update({o: expected.on[o] for o in moved if o in expected.on})
    return kept


def _broken_fact(achieved: Mapping[str, str], observed: SceneState) -> str | None:
    for obj, support in achieved.items():
        if not observed.rests_on(obj, support):
            now = observed.on.get(obj) or ("the gripper" if observed.holding == obj else "the table")
            return f"the {_noun(obj)} no longer rests on the {_noun(support)} (observed on {_noun(now)})"
    return None


def _goal_facts(initial: SceneState, goal: SceneState) -> dict[str, Any]:
    return {"holding": goal.holding,
            "on": {o: s for o, s in goal.on.items() if initial.on.get(o) != s}}


class _VideoStream:
    """Frames go to an encoder thread through a bounded queue, so a long run never holds its whole video."""

    def __init__(self, path: Path, fps: float) -> None:
        self.path, self.fps = path, fps
        self._queue: queue.Queue[np.ndarray | None] = queue.Queue(maxsize=64)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._encode, daemon=True)

    def _frames(self) -> Iterator[np.ndarray]:
        while (frame := self._queue.get()) is not None:
            yield frame

    def _encode(self) -> None:
        from sim.render import write_video

        try:
            write_video(self.path, self._frames(), fps=self.fps)
        except BaseException as exc:  # handed to the caller's thread in __exit__
            self._error = exc
            while self._queue.get() is not None:  # keep draining so the producer never blocks
                pass

    def put(self, frame: np.ndarray | None) -> None:
        if frame is not None and self._error is None:
            self._queue.put(np.array(frame, copy=True))

    def __enter__(self) -> _VideoStream:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._queue.put(None)
        self._thread.join()
        if self._error is not None and exc[0] is None:
            raise self._error
