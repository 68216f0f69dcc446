"""``armstack plan --batch``: a bad line gets an error result naming it, the batch goes on, the exit status is 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from armstack.cli import main

SCENE = {"objects": [{"name": f"{c}_cube", "kind": "cube", "color": c} for c in ("red", "green", "blue")],
         "regions": ["left", "right", "bin", "pad"]}


def test_bad_lines_are_reported_in_place_and_the_batch_goes_on(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    scene = tmp_path / "scene.json"
    scene.write_text(json.dumps(SCENE))
    lines = [json.dumps({"instruction": "grab the green cube"})] * 47
    lines[29] = json.dumps({"instruction": ""})  # line 30: what stopped a 47-line batch after 29 results
    lines[34] = "not json"
    lines[39] = json.dumps({"instruction": "grab the red cube", "scene": {"objects": 3}})
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(lines) + "\n\n")
    assert main(["plan", "--scene", str(scene), "--backend", "rules", "--batch", str(batch)]) == 2
    captured = capsys.readouterr()
    results = [json.loads(x) for x in captured.out.splitlines()]
    assert len(results) == 47
    errors = {r["line"]: r for r in results if r["status"] == "error"}
    assert sorted(errors) == [30, 35, 40]
    assert all(r["error"].startswith(f"{batch}:{n}: ") for n, r in errors.items())
    assert "non-empty" in errors[30]["error"] and "not JSON" in errors[35]["error"]
    assert all(r["status"] == "ok" for i, r in enumerate(results, start=1) if i not in errors)
    err = [x for x in captured.err.splitlines() if x.strip()]
    assert len(err) == 1 and "3 batch line(s) failed" in err[0] and f"{batch}:30" in err[0]


def test_a_clean_batch_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scene = tmp_path / "scene.json"
    scene.write_text(json.dumps(SCENE))
    batch = tmp_path / "batch.jsonl"
    batch.write_text(json.dumps({"instruction": "grab the blue cube"}) + "\n")
    assert main(["plan", "--scene", str(scene), "--backend", "rules", "--batch", str(batch)]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "ok"


def test_a_batch_path_that_is_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scene = tmp_path / "scene.json"
    scene.write_text(json.dumps(SCENE))
    assert main(["plan", "--scene", str(scene), "--backend", "rules", "--batch", str(tmp_path)]) == 2
    assert "is a folder, not a file" in capsys.readouterr().err
