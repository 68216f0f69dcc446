"""Run regression scenes and golden replays; write report.json, junit.xml and a video per failing scene.

Who acts is a property of the scene: ``actor: expert`` scenes run the scripted expert and check the
simulator and the experts; ``actor: policy`` scenes run the checkpoint given as ``policy`` and are
skipped (reported as such) without one.
"""

from __future__ import annotations

import dataclasses
import importlib
import json
import os
import platform
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from tqdm import tqdm

from sim.env import TabletopEnv
from sim.errors import ConfigError, RenderError, SimError
from sim.provenance import git_commit, versions
from sim.regression.golden import GOLDEN_DIR, GoldenResult, golden_files, replay_golden
from sim.regression.scene_spec import RegressionScene, load_scenes
from sim.render import write_video
from sim.rollout import Policy, run_episode

POLICY_LOADER = "policies.load"
"""``module.function`` that turns a checkpoint path into a Policy (issue #4 adds it)."""


def load_policy(path: str | Path) -> Policy:
    """A Policy from a checkpoint directory, through ``POLICY_LOADER``; SimError while there is none."""
    module_name, func_name = POLICY_LOADER.rsplit(".", 1)
    try:
        loader = getattr(importlib.import_module(module_name), func_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise  # the loader exists but one of its own imports is missing: show that
        loader = None
    except AttributeError:
        loader = None
    if loader is None:
        raise SimError(f"policy checkpoints are not supported yet: issue #4 adds {POLICY_LOADER} "
                       f"(asked to load {path})")
    policy: Policy = loader(Path(path))
    return policy


@dataclass(frozen=True, kw_only=True)
class EpisodeOutcome:
    seed: int
    success: bool
    steps: int
    duration_s: float
    instruction: str
    physics_diverged: bool = False


@dataclass(frozen=True, kw_only=True)
class SceneResult:
    """What one scene did: every episode's outcome and the verdict against its threshold."""

    scene: RegressionScene
    episodes: tuple[EpisodeOutcome, ...] = ()
    duration_s: float = 0.0
    provenance: dict[str, Any] = field(default_factory=dict)
    skipped: str | None = None
    """Why the scene did not run (a policy scene without a policy), or None."""
    video: str | None = None
    video_error: str | None = None

    @property
    def success_rate(self) -> float:
        return sum(e.success for e in self.episodes) / len(self.episodes) if self.episodes else 0.0

    @property
    def passed(self) -> bool:
        return self.skipped is not None or self.success_rate >= self.scene.min_success_rate

    @property
    def failed_seeds(self) -> list[int]:
        return [e.seed for e in self.episodes if not e.success]

    @property
    def status(self) -> str:
        return "skipped" if self.skipped else ("passed" if self.passed else "failed")

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.scene.name, "status": self.status, "passed": self.passed, "skipped": self.skipped,
            "success_rate": self.success_rate, "min_success_rate": self.scene.min_success_rate,
            "episodes": len(self.episodes), "successes": sum(e.success for e in self.episodes),
            "failed_seeds": self.failed_seeds,
            "failures": [dataclasses.asdict(e) for e in self.episodes if not e.success],
            "duration_s": round(self.duration_s, 3),
            "episode_durations_s": [round(e.duration_s, 4) for e in self.episodes],
            "video": self.video, "video_error": self.video_error,
            "config": self.scene.to_dict(), "provenance": self.provenance,
        }


def _make_env(scene: RegressionScene, render: bool = False) -> TabletopEnv:
    return TabletopEnv(task=scene.task_name, robot=scene.robot, randomization=scene.randomization,
                       max_steps=scene.max_steps, render_mode="rgb_array" if render else None)


def run_scene(scene: RegressionScene, policy: Policy | None = None, progress: tqdm | None = None) -> SceneResult:
    """Run every seed of ``scene``; ``policy`` acts in ``actor: policy`` scenes (skipped without one)."""
    if scene.actor == "policy" and policy is None:
        return SceneResult(scene=scene, skipped="actor is policy and no --policy checkpoint was given")
    actor = policy if scene.actor == "policy" else None
    start = time.perf_counter()
    env = _make_env(scene)
    outcomes = []
    try:
        provenance = {k: v for k, v in env.provenance().items() if k != "seed"}
        for seed in scene.seed_list:
            t = time.perf_counter()
            r = run_episode(env, seed, actor)
            outcomes.append(EpisodeOutcome(seed=seed, success=r.success, steps=r.steps, instruction=r.instruction,
                                           duration_s=time.perf_counter() - t,
                                           physics_diverged=bool(r.info.get("physics_diverged", False))))
            if progress is not None:
                progress.update(1)
    finally:
        env.close()
    return SceneResult(scene=scene, episodes=tuple(outcomes), duration_s=time.perf_counter() - start,
                       provenance=provenance)


def record_failure_video(scene: RegressionScene, seed: int, path: Path, policy: Policy | None = None) -> Path:
    """Re-run ``seed`` of ``scene`` with rendering on and write the episode to ``path`` (mp4)."""
    env = _make_env(scene, render=True)
    try:
        result = run_episode(env, seed, policy if scene.actor == "policy" else None, render=True)
        return write_video(path, result.frames, fps=env.control_hz)
    finally:
        env.close()


# --- reports ---------------------------------------------------------------------------------
def _write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.partial")
    tmp.write_text(text)
    os.replace(tmp, path)


def junit_xml(results: list[SceneResult], golden: list[GoldenResult], run_info: dict[str, Any]) -> str:
    """One testcase per scene and per golden file; ``failure`` below threshold or on drift."""
    suites = ET.Element("testsuites", name="armstack regression")
    suite = ET.SubElement(suites, "testsuite", name="armstack.regression", timestamp=run_info["started"],
                          hostname=platform.node(), tests=str(len(results) + len(golden)),
                          failures=str(sum(not r.passed for r in results) + sum(not g.passed for g in golden)),
                          skipped=str(sum(r.skipped is not None for r in results)), errors="0",
                          time=f"{sum(r.duration_s for r in results) + sum(g.duration_s for g in golden):.3f}")
    props = ET.SubElement(suite, "properties")
    for key, value in {**run_info["versions"], "git_commit": run_info["git_commit"],
                       "policy": run_info["policy"] or "expert"}.items():
        ET.SubElement(props, "property", name=key, value=str(value))
    for r in results:
        s = r.scene
        case = ET.SubElement(suite, "testcase", name=s.name, classname=f"regression.{s.robot}.{s.task_name}",
                             time=f"{r.duration_s:.3f}")
        if r.skipped is not None:
            ET.SubElement(case, "skipped", message=r.skipped)
            continue
        summary = (f"success rate {r.success_rate:.3f} ({sum(e.success for e in r.episodes)}/{len(r.episodes)}) "
                   f"{'>=' if r.passed else '<'} min_success_rate {s.min_success_rate}")
        if not r.passed:
            failure = ET.SubElement(case, "failure", message=summary, type="BelowSuccessThreshold")
            failure.text = "\n".join(
                [f"seed {e.seed}: failed after {e.steps} steps{' (physics diverged)' if e.physics_diverged else ''}"
                 f" - {e.instruction}" for e in r.episodes if not e.success]
                + ([f"video of seed {r.failed_seeds[0]}: {r.video}"] if r.video else [])
                + ([f"no video: {r.video_error}"] if r.video_error else []))
        out = [summary, f"failed seeds: {r.failed_seeds}"]
        if r.video:
            out.append(f"[[ATTACHMENT|{r.video}]]")
        ET.SubElement(case, "system-out").text = "\n".join(out)
    for g in golden:
        case = ET.SubElement(suite, "testcase", name=g.name, classname="regression.golden",
                             time=f"{g.duration_s:.3f}")
        if not g.passed:
            ET.SubElement(case, "failure", message=g.message, type="GoldenDrift").text = json.dumps(g.to_dict(),
                                                                                                    indent=1)
        ET.SubElement(case, "system-out").text = g.message
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"


def format_table(results: list[SceneResult], golden: list[GoldenResult]) -> str:
    """A fixed-width summary for people reading a terminal or a CI log."""
    rows = [("scene", "robot", "task", "random", "actor", "success", "min", "time", "status")]
    for r in results:
        s = r.scene
        ok = sum(e.success for e in r.episodes)
        rows.append((s.name, s.robot, s.task_name, s.randomization, s.actor,
                     f"{ok}/{len(r.episodes)} {r.success_rate:.2f}" if r.episodes else "-",
                     f"{s.min_success_rate:.2f}", f"{r.duration_s:.1f}s", r.status.upper()))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    for g in golden:
        lines.append(f"golden {g.name}: {'PASSED' if g.passed else 'FAILED'}  {g.message}")
    return "\n".join(lines)


def run_regression(scene_dir: Path | str | None = None, out_dir: Path | str = Path("out/regression"),
                   policy: str | Path | Policy | None = None, names: list[str] | None = None, *,
                   golden_dir: Path | str | None = GOLDEN_DIR, videos: bool = True,
                   stdout: TextIO | None = None) -> dict[str, Any]:
    """Run the scenes (default: built-in; ``names`` selects some) and write the reports to ``out_dir``.

    ``policy`` is a checkpoint path (loaded with ``load_policy``) or a callable Policy; it acts in the
    ``actor: policy`` scenes. On a full built-in run (no ``scene_dir``, no ``names``) the golden
    trajectories in ``golden_dir`` are replayed too (None skips them). Returns the JSON report, whose
    ``passed`` is True when every scene meets its threshold and no golden replay drifted.
    """
    started = datetime.now(UTC).isoformat(timespec="seconds")
    t0 = time.perf_counter()
    out = Path(out_dir)
    scenes = load_scenes(scene_dir, names)
    actor: Policy | None = load_policy(policy) if isinstance(policy, (str, Path)) else policy
    if actor is not None and not any(s.actor == "policy" for s in scenes):
        raise ConfigError(f"a policy was given but none of the selected scenes ({', '.join(s.name for s in scenes)})"
                          " has actor: policy; add such a scene YAML or select one with --scene")
    results: list[SceneResult] = []
    total = sum(len(s.seed_list) for s in scenes)
    with tqdm(total=total, desc="regression", unit="ep", file=sys.stderr, dynamic_ncols=True,
              mininterval=0.5 if sys.stderr.isatty() else 10.0) as bar:
        for scene in scenes:
            bar.set_postfix_str(scene.name)
            results.append(run_scene(scene, actor, progress=bar))
    if videos:
        for i, r in enumerate(results):
            if r.passed or not r.failed_seeds:
                continue
            seed = r.failed_seeds[0]
            try:
                path = record_failure_video(r.scene, seed, out / "videos" / f"{r.scene.name}_seed{seed}.mp4", actor)
                results[i] = dataclasses.replace(r, video=str(path))
            except RenderError as exc:  # no GL here: the verdict still stands, the report says why no video
                results[i] = dataclasses.replace(r, video_error=str(exc))
    full_run = scene_dir is None and not names  # the built-in gate: scenes and physics together
    golden = [replay_golden(p) for p in golden_files(golden_dir)] if golden_dir is not None and full_run else []

    run_info = {"started": started, "versions": versions(), "git_commit": git_commit(),
                "policy": None if actor is None else str(policy), "python": platform.python_version(),
                "platform": platform.platform(), "machine": platform.machine()}
    passed = all(r.passed for r in results) and all(g.passed for g in golden)
    report: dict[str, Any] = {
        "passed": passed, "duration_s": round(time.perf_counter() - t0, 3), **run_info,
        "scene_dir": str(scene_dir) if scene_dir is not None else "built-in",
        "scenes": [r.to_dict() for r in results], "golden": [g.to_dict() for g in golden],
    }
    _write_text(out / "report.json", json.dumps(report, indent=2, default=str) + "\n")
    _write_text(out / "junit.xml", junit_xml(results, golden, run_info))
    stream = stdout if stdout is not None else sys.stdout
    print(format_table(results, golden), file=stream)
    print(f"{'PASSED' if passed else 'FAILED'}: reports in {out}/ (report.json, junit.xml)", file=stream)
    return report
