"""llama.cpp builds on this CPU: does each run the planner model, and how fast? JSON out.

    python bench/model_portability.py [--build NAME=SITE_DIR ...] [--repeats 5]

``installed`` is the llama-cpp-python in this environment (the portable wheel `make install` builds); each
``--build`` is another build unpacked with ``pip install --target SITE_DIR`` (e.g. pip's default native
build), put first on PYTHONPATH for its runs. Every run is a fresh child process (so a crash is a result,
not the end of the bench) that loads Gemma 3 270M and evaluates the planner's fixed prompt head (about 250
tokens, one thread), then 20 single-token steps. Reported per build: CPU kernels, crashes by signal, the
self-test's wall time (what the planner pays once per machine), prompt and token rates, and each rate as a
ratio to the installed build's in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from policies.planner.fallback import FIXED_EXAMPLES, REFUSAL_EXAMPLES  # noqa: E402
from policies.planner.llama_backend import default_model_path  # noqa: E402
from policies.planner.model_selftest import describe_exit, run_model_selftest  # noqa: E402

_RUN = r"""
import json, sys, time
from llama_cpp import Llama, llama_print_system_info
llm = Llama(model_path=sys.argv[1], n_ctx=2048, n_threads=1, n_threads_batch=1, verbose=False)
tokens = llm.tokenize(sys.argv[2].encode(), add_bos=True, special=False)
t0 = time.perf_counter()
llm.eval(tokens)
t1 = time.perf_counter()
for _ in range(20):
    llm.eval([int(llm.scores[llm.n_tokens - 1].argmax())])
t2 = time.perf_counter()
print(json.dumps({"prompt_tokens": len(tokens), "prompt_tok_s": len(tokens) / (t1 - t0), "gen_tok_s": 20 / (t2 - t1),
                  "system_info": llama_print_system_info().decode()}))
"""


def _child(site: str | None, args: list[str]) -> tuple[int, str, str]:
    env = dict(os.environ, OMP_NUM_THREADS="1")
    if site:
        env["PYTHONPATH"] = site + os.pathsep + env.get("PYTHONPATH", "")
    proc = subprocess.run([sys.executable, "-c", _RUN, *args], capture_output=True, text=True, env=env,
                          timeout=600, check=False)
    return proc.returncode, proc.stdout, proc.stderr


def measure(name: str, site: str | None, model: Path, prompt: str, repeats: int) -> dict[str, Any]:
    runs, crashes = [], []
    for _ in range(repeats):
        rc, out, _err = _child(site, [str(model), prompt])
        if rc != 0:
            crashes.append(describe_exit(rc))
            continue
        runs.append(json.loads(out.strip().splitlines()[-1]))
    row: dict[str, Any] = {"build": name, "runs": repeats, "crashed": len(crashes), "crash_kinds": sorted(set(crashes))}
    if runs:
        info = runs[0]["system_info"]
        row["kernels"] = [f.split(" = ")[0].split(":")[-1].strip() for f in info.split("|")
                          if f.strip().endswith("= 1")]
        row["prompt_tokens"] = runs[0]["prompt_tokens"]
        row["prompt_tok_s_median"] = round(statistics.median(r["prompt_tok_s"] for r in runs), 1)
        row["gen_tok_s_median"] = round(statistics.median(r["gen_tok_s"] for r in runs), 1)
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", action="append", default=[], help="NAME=SITE_DIR of another llama-cpp-python build")
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    model = default_model_path()
    prompt = ("Plan each instruction as skill steps, or say infeasible.\n\n" + FIXED_EXAMPLES + REFUSAL_EXAMPLES
              + "Objects: red_cube, green_cube, blue_cube.\nInstruction: put the red cube on the blue one, then put "
                "the green cube in the bin\nPlan:")
    selftests = [run_model_selftest(model, use_cache=False) for _ in range(args.repeats)]
    rows = [measure("installed", None, model, prompt, args.repeats)]
    for spec in args.build:
        name, _, site = spec.partition("=")
        rows.append(measure(name, site, model, prompt, args.repeats))
    base = rows[0]
    for row in rows[1:]:
        for key in ("prompt_tok_s_median", "gen_tok_s_median"):
            if key in row and key in base:
                row[key.replace("_median", "_ratio_to_installed")] = round(row[key] / base[key], 3)
    print(json.dumps({
        "cpu": next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                     if line.startswith("model name")), "?"),
        "selftest": {"ok": sum(r.ok for r in selftests), "runs": len(selftests),
                     "seconds_median": round(statistics.median(r.seconds for r in selftests), 3),
                     "seconds_max": round(max(r.seconds for r in selftests), 3)},
        "builds": rows}, indent=2))


if __name__ == "__main__":
    main()
