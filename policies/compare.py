"""Two policies side by side on the same evaluation episodes, with a paired significance test.

Both policies run the same (task, seed) episodes, so each episode is a pair of outcomes. The exact McNemar
test asks whether the episodes only one policy solves lean one way more than chance would make them:
with ``b`` episodes only A solves and ``c`` only B solves, the two-sided p-value is the binomial test of
``b`` successes in ``b + c`` trials at 1/2 (scipy's ``binomtest``). Episodes both solve or both fail
carry no information about the difference and do not enter.

With ``hold`` both run every episode to the task's max_steps and success is read at the last step
(``policies.evaluate.evaluate_policy``); the same episodes are then also paired on success at some step
(``reached``), the default's metric, so one run gives both.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from policies.errors import TrainConfigError
from policies.evaluate import EVAL_SEED_BASE, success_meaning

COMPARE_SCHEMA = "armstack-compare/1"


def mcnemar_exact(a_only: int, b_only: int) -> float:
    """Two-sided exact McNemar p-value from the discordant counts (1.0 when there are none)."""
    from scipy.stats import binomtest

    n = a_only + b_only
    if n == 0:
        return 1.0
    return float(binomtest(a_only, n, 0.5, alternative="two-sided").pvalue)


def _paired(log_a: list[dict[str, Any]], log_b: list[dict[str, Any]],
            outcome: str = "success") -> dict[tuple[str, int], tuple[bool, bool]]:
    a = {(e["task"], int(e["seed"])): bool(e[outcome]) for e in log_a}
    b = {(e["task"], int(e["seed"])): bool(e[outcome]) for e in log_b}
    if set(a) != set(b):
        raise TrainConfigError(f"the two evaluations ran different episodes ({len(set(a) ^ set(b))} not in both): "
                               "compare needs the same env, tasks and seeds")
    return {key: (a[key], b[key]) for key in sorted(a)}


def _summary(pairs: list[tuple[bool, bool]]) -> dict[str, Any]:
    a_only = sum(x and not y for x, y in pairs)
    b_only = sum(y and not x for x, y in pairs)
    n = len(pairs)
    a_ok, b_ok = sum(x for x, _ in pairs), sum(y for _, y in pairs)
    return {"episodes": n, "a_successes": a_ok, "b_successes": b_ok, "a_rate": a_ok / n, "b_rate": b_ok / n,
            "difference": (b_ok - a_ok) / n, "a_only": a_only, "b_only": b_only,
            "p_value": mcnemar_exact(a_only, b_only)}


def _paired_summaries(report_a: dict[str, Any], report_b: dict[str, Any], outcome: str) -> dict[str, Any]:
    pairs = _paired(report_a["episodes_log"], report_b["episodes_log"], outcome)
    tasks = sorted({task for task, _ in pairs})
    return {"tasks": {task: _summary([v for (t, _), v in pairs.items() if t == task]) for task in tasks},
            "overall": _summary(list(pairs.values()))}


def compare_reports(report_a: dict[str, Any], report_b: dict[str, Any], *, alpha: float = 0.05) -> dict[str, Any]:
    """Per task and overall: both success rates, the discordant episodes and the exact McNemar p-value.

    Both reports must count success the same way (``success_at``); with ``last_step`` (``hold``) the result also
    pairs the episodes on ``reached`` (success at some step)."""
    success_at = {r.get("success_at", "any_step") for r in (report_a, report_b)}
    if len(success_at) != 1:
        raise TrainConfigError("the two evaluations count success differently (one with --hold, one without): "
                               "compare needs the same metric")
    paired = _paired_summaries(report_a, report_b, "success")
    result = {"schema": COMPARE_SCHEMA, "env": report_a["env"], "robot": report_a["robot"],
              "randomization": report_a["randomization"], "seeds": report_a["seeds"], "alpha": alpha,
              "success_at": success_at.pop(), "a": report_a.get("policy"), "b": report_b.get("policy"), **paired,
              "significant": paired["overall"]["p_value"] < alpha}
    if result["success_at"] == "last_step":
        result["reached"] = _paired_summaries(report_a, report_b, "reached")
    return result


def compare_policies(policy_a: Callable[[dict[str, Any]], np.ndarray], policy_b: Callable[[dict[str, Any]], np.ndarray],
                     *, env_id: str, robot: str, episodes: int, randomization: str = "default",
                     seed_base: int = EVAL_SEED_BASE, hold: bool = False, alpha: float = 0.05, progress: bool = True,
                     names: tuple[str | None, str | None] = (None, None)) -> dict[str, Any]:
    """Evaluate two loaded policies on the same episodes and compare them (``compare_reports``), each report under
    ``result["reports"]``. Neither is scored on an episode either was trained on: both run the seeds outside both
    datasets. ``hold``: success at the last step of full-length episodes (``evaluate_policy``)."""
    from policies.evaluate import evaluate_policy

    exclude = [s for p in (policy_a, policy_b) for s in _data_seeds(p)]
    reports = []
    for policy, name in zip((policy_a, policy_b), names, strict=True):
        report = evaluate_policy(policy, env_id=env_id, robot=robot, episodes=episodes, randomization=randomization,
                                 exclude_seeds=exclude, progress=progress, seed_base=seed_base, hold=hold)
        report["policy"] = name
        reports.append(report)
    result = compare_reports(*reports, alpha=alpha)
    result["reports"] = reports
    return result


def _data_seeds(policy: Any) -> list[int]:
    """The episode seeds of a loaded policy's training data (none for a bare callable)."""
    spec = getattr(policy, "spec", None)
    return [int(s) for s in ((spec.data if spec is not None else None) or {}).get("seeds", [])]


def format_comparison(result: dict[str, Any]) -> str:
    """A Markdown table: one row per task and one overall."""
    lines = [f"A: {result['a']}", f"B: {result['b']}",
             f"{result['env']} ({result['robot']}, randomization {result['randomization']}), seeds "
             f"{result['seeds']['first']}..{result['seeds']['last']}, exact McNemar test on paired episodes", "",
             f"{success_meaning(result)}:", *_table(result)]
    if "reached" in result:
        lines += ["", "reached at some step (the same episodes):", *_table(result["reached"])]
    return "\n".join(lines)


def _table(paired: dict[str, Any]) -> list[str]:
    lines = ["| task | episodes | A | B | B - A | only A | only B | p |", "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for task, r in [*paired["tasks"].items(), ("all", paired["overall"])]:
        lines.append(f"| {task} | {r['episodes']} | {r['a_rate']:.1%} | {r['b_rate']:.1%} | {r['difference']:+.1%} "
                     f"| {r['a_only']} | {r['b_only']} | {r['p_value']:.3g} |")
    return lines
