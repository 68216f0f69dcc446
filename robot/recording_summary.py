"""Summarise an MCAP recording: timeline of state transitions, faults and e-stops, command counts, joint-state rate.

Topics are recognised by their last name component, so namespaced recordings work: ``.../events``
(std_msgs/String, one JSON object per transition or fault), ``.../state`` (std_msgs/String), ``.../diagnostics``
(diagnostic_msgs/DiagnosticArray: level changes per status), ``.../estop`` (std_msgs/Bool: changes),
``.../joint_states`` (rate and gaps, from log times), ``<controller>/joint_trajectory`` and ``.../commands``
(counts). Only the few timeline topics are decoded, so long recordings summarise quickly.
"""

from __future__ import annotations

import itertools
import json
import math
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from robot.recording import RecordingError

_LEVELS = {0: "OK", 1: "WARN", 2: "ERROR", 3: "STALE"}
_QUIET_KEYS = ("t", "stamp", "time")  # the timeline prints its own time column


@dataclass(frozen=True, kw_only=True)
class TimelineEntry:
    """One line of the timeline: seconds since the recording began, the topic, what kind, and the detail."""

    t: float
    topic: str
    kind: str
    detail: str


@dataclass(kw_only=True)
class RecordingSummary:
    """What ``armstack recording summary`` reports (``as_dict`` for JSON)."""

    path: str
    duration_s: float
    messages: int
    topics: dict[str, dict[str, Any]]
    joint_states: dict[str, dict[str, float]]
    commands: dict[str, int]
    faults: dict[str, int]
    timeline: list[TimelineEntry] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _topic_role(topic: str) -> str:
    last = topic.rstrip("/").rsplit("/", 1)[-1]
    if last in ("events", "state", "diagnostics", "estop", "joint_states"):
        return last
    if last in ("joint_trajectory", "commands"):
        return "command"
    return ""


def _rate(times_ns: list[int]) -> dict[str, float]:
    if len(times_ns) < 2:
        return {"count": float(len(times_ns))}
    gaps = sorted(b - a for a, b in itertools.pairwise(times_ns))
    span = (times_ns[-1] - times_ns[0]) * 1e-9
    return {"count": float(len(times_ns)), "rate_hz": (len(times_ns) - 1) / span if span > 0 else math.inf,
            "period_ms_p50": gaps[len(gaps) // 2] * 1e-6,
            "period_ms_p99": gaps[min(len(gaps) - 1, int(0.99 * len(gaps)))] * 1e-6,
            "max_gap_ms": gaps[-1] * 1e-6}


def _event_entry(data: str) -> tuple[str, str, str | None]:
    """(kind, detail, fault name or None) of one ``events`` message."""
    try:
        obj = json.loads(data)
    except json.JSONDecodeError:
        return "event", f"(not JSON) {data[:120]}", None
    if not isinstance(obj, dict):
        return "event", json.dumps(obj)[:160], None
    kind = str(obj.get("event") or obj.get("type") or obj.get("kind") or "event")
    detail = json.dumps({k: v for k, v in obj.items() if k not in _QUIET_KEYS and k != "event"},
                        separators=(",", ":"))
    # The bridge logs {"event": "fault", "kind": "stale_state", ...}; the sim arm {"event": "inject", "fault": ...}.
    fault = obj.get("fault") if obj.get("fault") is not None else obj.get("kind") if kind == "fault" else None
    counted = str(fault) if fault is not None and kind in ("inject", "fault") else None
    return kind, detail[:200], counted


def summarize_recording(path: str | Path) -> RecordingSummary:
    """Read the MCAP file at ``path`` and summarise it."""
    from mcap.exceptions import McapError
    from mcap.reader import make_reader
    from mcap_ros2.decoder import DecoderFactory

    path = Path(path)
    if not path.is_file():
        raise RecordingError(f"recording {path} does not exist")
    topics: dict[str, dict[str, Any]] = {}
    times: dict[str, list[int]] = {}
    commands: Counter[str] = Counter()
    faults: Counter[str] = Counter()
    timeline: list[tuple[int, str, str, str]] = []
    last_state: dict[str, str] = {}
    last_levels: dict[tuple[str, str], int] = {}
    last_estop: dict[str, bool] = {}
    first = last = None
    count = 0
    decoder = DecoderFactory()
    decoders: dict[int, Any] = {}
    try:
        with path.open("rb") as f:
            reader = make_reader(f)
            for schema, channel, message in reader.iter_messages(log_time_order=True):
                count += 1
                t = message.log_time
                first = t if first is None else min(first, t)
                last = t if last is None else max(last, t)
                topic = channel.topic
                info = topics.setdefault(topic, {"type": schema.name if schema else "", "count": 0})
                info["count"] += 1
                role = _topic_role(topic)
                if role == "joint_states":
                    times.setdefault(topic, []).append(t)
                elif role == "command":
                    commands[topic] += 1
                if role not in ("events", "state", "diagnostics", "estop") or schema is None:
                    continue
                if schema.id not in decoders:
                    decoders[schema.id] = decoder.decoder_for(channel.message_encoding, schema)
                decode = decoders[schema.id]
                if decode is None:
                    continue
                msg = decode(message.data)
                if role == "events":
                    kind, detail, fault = _event_entry(str(msg.data))
                    timeline.append((t, topic, kind, detail))
                    if fault is not None:
                        faults[fault] += 1
                elif role == "state":
                    state = str(msg.data)
                    if last_state.get(topic) != state:
                        previous = last_state.get(topic)
                        last_state[topic] = state
                        timeline.append((t, topic, "state", state if previous is None else f"{previous} -> {state}"))
                elif role == "estop":
                    value = bool(msg.data)
                    if last_estop.get(topic) != value:
                        last_estop[topic] = value
                        timeline.append((t, topic, "estop", "asserted" if value else "released"))
                else:
                    for status in msg.status:
                        level = status.level if isinstance(status.level, int) else int.from_bytes(status.level)
                        key = (topic, status.name)
                        if last_levels.get(key) != level:
                            last_levels[key] = level
                            text = f"{status.name}: {_LEVELS.get(level, str(level))} {status.message}"
                            timeline.append((t, topic, "diagnostics", text.strip()))
    except (McapError, OSError, ValueError, EOFError) as exc:
        raise RecordingError(f"{path} is not a readable MCAP recording: {exc}") from exc
    start = first or 0
    return RecordingSummary(
        path=str(path), duration_s=((last or 0) - start) * 1e-9, messages=count, topics=topics,
        joint_states={topic: _rate(ts) for topic, ts in times.items()}, commands=dict(commands),
        faults=dict(faults),
        timeline=[TimelineEntry(t=(t - start) * 1e-9, topic=topic, kind=kind, detail=detail)
                  for t, topic, kind, detail in sorted(timeline, key=lambda e: e[0])],
    )


def format_summary(summary: RecordingSummary, max_lines: int = 200) -> str:
    """The human-readable report: header, rates, command counts, faults, then the timeline."""
    lines = [f"recording {summary.path}: {summary.duration_s:.2f} s, {summary.messages} messages, "
             f"{len(summary.topics)} topics"]
    for topic, info in sorted(summary.topics.items()):
        lines.append(f"  {topic:<44} {info['type']:<40} {info['count']:>8}")
    for topic, rate in summary.joint_states.items():
        if "rate_hz" in rate:
            lines.append(f"joint states {topic}: {rate['rate_hz']:.1f} Hz, period p50 {rate['period_ms_p50']:.2f} ms, "
                         f"p99 {rate['period_ms_p99']:.2f} ms, longest gap {rate['max_gap_ms']:.1f} ms")
    lines.append("commands: " + (", ".join(f"{t} {n}" for t, n in sorted(summary.commands.items())) or "none"))
    lines.append("faults: " + (", ".join(f"{f} x{n}" for f, n in sorted(summary.faults.items())) or "none"))
    lines.append(f"timeline ({len(summary.timeline)} entries):")
    for entry in summary.timeline[:max_lines]:
        lines.append(f"  {entry.t:9.3f} s  {entry.kind:<12} {entry.detail}   [{entry.topic}]")
    if len(summary.timeline) > max_lines:
        lines.append(f"  ... {len(summary.timeline) - max_lines} more (use --json for all)")
    return "\n".join(lines)
