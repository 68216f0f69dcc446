"""Per-instruction latency of the default planner (llama_cpp, model in the loop) pinned to one CPU core.

    python bench/planner_latency.py [--devset a.jsonl,b.jsonl] [--limit N] [--core K] [--stress N]
        [--decoder rank|grammar]

The process pins itself to one core (``os.sched_setaffinity``, what ``taskset -c K`` does) before anything
loads, with one llama.cpp thread and one torch thread, then plans every record of the given splits with
``make_planner("llama_cpp")`` as the agent and ``armstack plan`` do (the whole-plan checker included).
``--stress N`` starts N busy-looping processes pinned to the same core, so the planner gets about 1/(N+1) of
it: a loaded core on demand, beside whatever load the host already has (reported). One warm-up instruction
(the first call loads the sentence encoder) is timed apart. Prints one JSON object: p50/p95/p99/max per
instruction, the share of instructions that reached the model (any model call) and their own p50/p95, and the
same in CPU time of this process (what the load does not change: the wall time is about CPU time / share of core).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT / "policies" / "planner" / "data"
DEFAULT_SPLITS = (DATA / "devset.jsonl", DATA / "dev_phrasing.jsonl")
_SPIN = "import os, sys; os.sched_setaffinity(0, {int(sys.argv[1])})\nwhile True: pass"


def percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    s = sorted(values)
    return round(s[min(len(s) - 1, round(q / 100 * (len(s) - 1)))], 1)


def figures(ms: list[float]) -> dict[str, Any]:
    return {"n": len(ms), "p50_ms": percentile(ms, 50), "p95_ms": percentile(ms, 95), "p99_ms": percentile(ms, 99),
            "max_ms": round(max(ms), 1) if ms else None, "mean_ms": round(sum(ms) / len(ms), 1) if ms else None}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--devset", default=",".join(str(p) for p in DEFAULT_SPLITS), help="comma-separated JSONL files")
    ap.add_argument("--limit", type=int, default=0, help="first N records (0: all)")
    ap.add_argument("--core", type=int, default=None, help="CPU core to pin to (default: the last one allowed)")
    ap.add_argument("--stress", type=int, default=0, help="busy processes sharing the core (0: host load only)")
    ap.add_argument("--decoder", choices=("rank", "grammar"), default=None,
                    help="the fallback's decoder (default: data/model_fallback.yaml's)")
    args = ap.parse_args()
    allowed = sorted(os.sched_getaffinity(0))
    core = args.core if args.core is not None else allowed[-1]
    if core not in allowed:
        raise SystemExit(f"core {core} is not one this process may use ({allowed})")
    os.sched_setaffinity(0, {core})  # before torch and llama.cpp start their threads
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ[var] = "1"
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    spinners = [subprocess.Popen([sys.executable, "-c", _SPIN, str(core)]) for _ in range(args.stress)]
    try:
        report = measure(args, core)
    finally:
        for proc in spinners:
            proc.terminate()
            proc.wait(timeout=10)
    print(json.dumps(report, indent=2))


def measure(args: argparse.Namespace, core: int) -> dict[str, Any]:
    import torch

    from policies.planner.fallback import load_fallback_config
    from policies.planner.planner import make_planner
    from policies.planner.scene_state import SceneState

    torch.set_num_threads(1)
    paths = [Path(p) for p in args.devset.split(",") if p.strip()]
    recs = [json.loads(line) for p in paths for line in p.read_text().splitlines() if line.strip()]
    if args.limit > 0:
        recs = recs[: args.limit]
    load_before = [round(x, 2) for x in os.getloadavg()]
    t0 = time.perf_counter()
    options: dict[str, Any] = {}
    if args.decoder is not None:
        options["fallback_config"] = load_fallback_config(decoder=args.decoder)
    planner = make_planner("llama_cpp", n_threads=1, **options)
    load_s = time.perf_counter() - t0
    stats = planner.backend.stats  # type: ignore[attr-defined]
    warm = recs[0]
    t0 = time.perf_counter()
    planner.plan(warm["instruction"], SceneState.from_json(warm["scene"]))
    first_ms = (time.perf_counter() - t0) * 1000
    all_ms: list[float] = []
    model_ms: list[float] = []
    parser_ms: list[float] = []
    model_cpu_ms: list[float] = []  # CPU time of this process (one core, one thread): independent of the load
    all_cpu_ms: list[float] = []
    for i, rec in enumerate(recs):
        state = SceneState.from_json(rec["scene"])
        calls = stats.model_calls
        c0 = time.process_time()
        t0 = time.perf_counter()
        planner.plan(rec["instruction"], state)
        dt = (time.perf_counter() - t0) * 1000
        cpu = (time.process_time() - c0) * 1000
        all_ms.append(dt)
        all_cpu_ms.append(cpu)
        (model_ms if stats.model_calls > calls else parser_ms).append(dt)
        if stats.model_calls > calls:
            model_cpu_ms.append(cpu)
        if (i + 1) % 100 == 0:
            print(f"{i + 1}/{len(recs)}", file=sys.stderr, flush=True)
    return {
        "backend": "llama_cpp", "decoder": planner.backend.fallback_config.decoder,  # type: ignore[attr-defined]
        "devset": [str(p.relative_to(ROOT)) if p.is_relative_to(ROOT) else str(p) for p in paths],
        "core": core, "stress_processes": args.stress, "cpu_count": os.cpu_count(),
        "load_average_start": load_before, "load_average_end": [round(x, 2) for x in os.getloadavg()],
        "load_s": round(load_s, 2), "first_call_ms": round(first_ms, 1),
        "per_instruction": figures(all_ms),
        "reached_model": {"share": round(len(model_ms) / len(all_ms), 4) if all_ms else None, **figures(model_ms)},
        "parser_only_instructions": figures(parser_ms),
        "cpu_per_instruction": figures(all_cpu_ms), "cpu_reached_model": figures(model_cpu_ms),
        "model_calls": stats.model_calls, "model_call_ms": figures([x * 1000 for x in stats.per_call]),
        "under_2s_share": round(sum(m <= 2000 for m in all_ms) / len(all_ms), 4) if all_ms else None,
    }


if __name__ == "__main__":
    main()
