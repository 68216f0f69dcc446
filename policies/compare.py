"""Two policies side by side on the same evaluation episodes, with a paired significance test.

Both policies run the same (task, seed) episodes, so each episode is a pair of outcomes. The exact McNemar
test asks whether the episodes only one policy solves lean one way more than chance would make them:
with ``b`` episodes only A solves and ``c`` only B solves, the two-sided p-value is the binomial test of
``b`` successes in ``b + c`` trials at 1/2 (scipy's ``binomtest``). Episodes both solve or both fail
carry no information about the difference and do not enter.
"""

from __future__ import annotations

from typing import Any

from policies.errors import TrainConfigError

COMPARE_SCHEMA = "armstack-compare/1"


def mcnemar_exact(a_only: int, b_only: int) -> float:
    """Two-sided exact McNemar p-value from the discordant counts (1.0 when there are none)."""
    from scipy.stats import binomtest

    n = a_only + b_only
    if n == 0:
        return 1.0
    return float(binomtest(a_only, n, 0.5, alternative="two-sided").pvalue)


def _paired(log_a: list[dict[str, Any]], log_b: list[dict[str, Any]]) -> dict[tuple[str, int], tuple[bool, bool]]:
    a = {(e["task"], int(e["seed"])): bool(e["success"]) for e in log_a}
    b = {(e["task"], int(e["seed"])): bool(e["success"]) for e in log_b}
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


def compare_reports(report_a: dict[str, Any], report_b: dict[str, Any], *, alpha: float = 0.05) -> dict[str, Any]:
    """Per task and overall: both success rates, the discordant episodes and the exact McNemar p-value."""
    pairs = _paired(report_a["episodes_log"], report_b["episodes_log"])
    tasks = sorted({task for task, _ in pairs})
    per_task = {task: _summary([v for (t, _), v in pairs.items() if t == task]) for task in tasks}
    overall = _summary(list(pairs.values()))
    return {"schema": COMPARE_SCHEMA, "env": report_a["env"], "robot": report_a["robot"],
            "randomization": report_a["randomization"], "seeds": report_a["seeds"], "alpha": alpha,
            "a": report_a.get("policy"), "b": report_b.get("policy"), "tasks": per_task, "overall": overall,
            "significant": overall["p_value"] < alpha}


def format_comparison(result: dict[str, Any]) -> str:
    """A Markdown table: one row per task and one overall."""
    lines = [f"A: {result['a']}", f"B: {result['b']}",
             f"{result['env']} ({result['robot']}, randomization {result['randomization']}), seeds "
             f"{result['seeds']['first']}..{result['seeds']['last']}, exact McNemar test on paired episodes", "",
             "| task | episodes | A | B | B - A | only A | only B | p |", "|---|---:|---:|---:|---:|---:|---:|---:|"]
    rows = [*result["tasks"].items(), ("all", result["overall"])]
    for task, r in rows:
        lines.append(f"| {task} | {r['episodes']} | {r['a_rate']:.1%} | {r['b_rate']:.1%} | {r['difference']:+.1%} "
                     f"| {r['a_only']} | {r['b_only']} | {r['p_value']:.3g} |")
    return "\n".join(lines)
