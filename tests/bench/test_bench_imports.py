"""bench/ stands on the packages, never on tests/: what a bench shares with the tests lives in the package."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _test_imports(path: Path) -> list[str]:
    """Imports of ``tests`` (or of a top-level test helper found by putting tests/ on sys.path) in ``path``."""
    benches = {p.stem for p in (ROOT / "bench").glob("*.py")}  # bench/ is sys.path[0] for a script: its own win
    helpers = ({p.stem for p in (ROOT / "tests").rglob("*.py")} - benches) | {"tests"}
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            names = []
        found += [f"{path.name}:{getattr(node, 'lineno', 0)} imports {n}" for n in names if n.split(".")[0] in helpers]
        # A path into tests/ (sys.path entries, runpy, importlib by file) is the same dependency by another road.
        if isinstance(node, ast.Constant) and node.value == "tests":
            found.append(f"{path.name}:{node.lineno} names the tests folder")
    return found


def test_no_bench_script_imports_from_tests() -> None:
    scripts = sorted((ROOT / "bench").glob("*.py"))
    assert scripts, "no bench scripts found"
    offenders = [hit for path in scripts for hit in _test_imports(path)]
    assert not offenders, offenders


def test_the_scan_sees_an_import_from_tests(tmp_path: Path) -> None:
    script = tmp_path / "bench_x.py"
    script.write_text('import sys\nsys.path.insert(0, str(ROOT / "tests" / "robot"))\nfrom ros_procs_x import a\n'
                      "from tests.robot import b\n")
    hits = _test_imports(script)
    assert any("names the tests folder" in h for h in hits) and any("imports tests.robot" in h for h in hits)
