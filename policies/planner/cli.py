"""``armstack plan``: instruction + SCENE.json -> one JSON plan or refusal (``--batch``: one per line)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def _load_json(path: Path, what: str) -> Any:
    from policies.planner.errors import PlannerError

    _check_file(path, what)
    try:
        return json.loads(path.read_text())
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise PlannerError(f"{what} {path} is not valid JSON: {exc}") from exc
    except OSError as exc:
        raise PlannerError(f"{what} {path} cannot be read: {exc.strerror or exc}") from exc


def _check_file(path: Path, what: str) -> None:
    from policies.planner.errors import PlannerError

    if path.is_dir():
        raise PlannerError(f"{what} {path} is a folder, not a file")
    if not path.is_file():
        raise PlannerError(f"{what} {path} does not exist")


GGUF_MAGIC = b"GGUF"


def _check_gguf(path: Path) -> None:
    """A --model for llama_cpp must be a GGUF file: anything else made the model's self-test blame the build."""
    from policies.planner.errors import PlannerError

    _check_file(path, "--model")
    try:
        with open(path, "rb") as f:
            magic = f.read(4)
    except OSError as exc:
        raise PlannerError(f"--model {path} cannot be read: {exc.strerror or exc}") from exc
    if magic != GGUF_MAGIC:
        raise PlannerError(f"--model {path} is not a GGUF model file (it does not start with {GGUF_MAGIC!r}); "
                           "give a .gguf path, or omit --model for the embedded model")


def _plan_line(planner: Any, state: Any, path: Path, lineno: int, line: str) -> dict[str, Any]:
    """One batch line's result, or a PlannerError naming the line."""
    from policies.planner.errors import PlannerError
    from policies.planner.plan import result_to_json
    from policies.planner.scene_state import SceneState

    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        raise PlannerError(f"{path}:{lineno}: not JSON: {exc}") from exc
    if not isinstance(rec, dict) or not isinstance(rec.get("instruction"), str) or set(rec) - {"instruction", "scene"}:
        raise PlannerError(f"{path}:{lineno}: each line must be {{\"instruction\": \"...\"}} "
                           f"(optionally with \"scene\"), got {line.strip()[:80]}")
    try:
        line_state = SceneState.from_json(rec["scene"]) if "scene" in rec else state
        result: dict[str, Any] = result_to_json(planner.plan(rec["instruction"], line_state))
    except PlannerError as exc:
        raise PlannerError(f"{path}:{lineno}: {exc}") from exc
    return result


def _cmd_plan(args: argparse.Namespace) -> int:
    from policies.planner.errors import PlannerError
    from policies.planner.plan import result_to_json
    from policies.planner.planner import MODEL_BACKENDS, make_planner
    from policies.planner.scene_state import SceneState

    if (args.instruction is None) == (args.batch is None):
        raise PlannerError("give either one INSTRUCTION or --batch FILE.jsonl, not both or neither")
    state = SceneState.from_json(_load_json(Path(args.scene), "scene file"))
    options: dict[str, Any] = {}
    if args.backend in MODEL_BACKENDS:
        options["mode"] = args.mode
        options["fallback"] = not args.no_fallback
    if args.model and args.backend == "llama_cpp":
        _check_gguf(Path(args.model))
    if args.model and args.backend in MODEL_BACKENDS:
        options["model_path" if args.backend == "llama_cpp" else "model"] = args.model
    planner = make_planner(args.backend, **options)  # the model loads once, also for a batch
    if args.instruction is not None:
        print(json.dumps(result_to_json(planner.plan(args.instruction, state))))
        return 0
    path = Path(args.batch)
    _check_file(path, "batch file")
    # One bad line does not stop the batch: it gets an error result naming its line, and the exit status says so.
    try:
        text = path.read_text()
    except (OSError, UnicodeDecodeError) as exc:
        raise PlannerError(f"batch file {path} cannot be read as text: {exc}") from exc
    failed: list[int] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            result = _plan_line(planner, state, path, lineno, line)
        except PlannerError as exc:
            failed.append(lineno)
            result = {"status": "error", "line": lineno, "error": str(exc)}
        print(json.dumps(result), flush=True)
    if failed:
        shown = ", ".join(f"{path}:{n}" for n in failed[:10]) + (" ..." if len(failed) > 10 else "")
        raise PlannerError(f"{len(failed)} batch line(s) failed (their results have status 'error'): {shown}")
    return 0


def register(sub: Any) -> None:
    """Add ``armstack plan`` to the ``armstack`` parser's subparsers."""
    from policies.planner.planner import BACKENDS, DEFAULT_BACKEND
    from policies.planner.ranking import MODES

    p = sub.add_parser("plan", help="plan an instruction over a scene: checked skill steps or a refusal (JSON)")
    p.add_argument("instruction", nargs="?", help="e.g. \"put the red cube in the bin\"")
    p.add_argument("--scene", required=True, help="SCENE.json: objects (<color>_<kind>), regions, holding, on")
    p.add_argument("--batch", help="FILE.jsonl with one {\"instruction\": ...} per line; one result per line (a bad "
                                   "line gets {\"status\": \"error\", \"line\": N, ...} and the exit status is 2)")
    p.add_argument("--backend", default=DEFAULT_BACKEND, choices=BACKENDS,
                   help="llama_cpp (embedded Gemma 3 270M), openai (ARMSTACK_OPENAI_BASE_URL), rules, "
                        "parser (the semantic parser alone, no model); default: %(default)s")
    p.add_argument("--mode", default="hybrid", choices=MODES,
                   help="hybrid: parser grounds, model ranks readings and plans (licensed) what the parser cannot "
                        "read; saycan: model ranks every grounded step")
    p.add_argument("--model", default=None, help="llama_cpp: a .gguf path; openai: the model name")
    p.add_argument("--no-fallback", action="store_true",
                   help="refuse what the parser cannot read instead of letting the model plan it (licensed)")
    p.set_defaults(func=_cmd_plan)


_ = sys
