"""``armstack plan`` prints one JSON result (or one per line with --batch); user errors exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from armstack.cli import main

SCENE = {"objects": [{"name": f"{c}_cube", "kind": "cube", "color": c} for c in ("red", "green", "blue")],
         "regions": ["left", "right", "bin", "pad"]}


@pytest.fixture
def scene_file(tmp_path: Path) -> Path:
    path = tmp_path / "scene.json"
    path.write_text(json.dumps(SCENE))
    return path


def test_plan_prints_one_json_object(scene_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "--scene", str(scene_file), "--backend", "rules", "put the red cube on the blue cube"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out == {"status": "ok", "steps": [{"skill": "pick", "args": {"object": "red_cube"}},
                                             {"skill": "place_on", "args": {"object": "blue_cube"}}]}


def test_batch_writes_one_result_per_line(scene_file: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(json.dumps({"instruction": t}) for t in
                               ("grab the green cube", "put the purple cube in the bin", "throw the red cube")))
    assert main(["plan", "--scene", str(scene_file), "--backend", "rules", "--batch", str(batch)]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [x["status"] for x in lines] == ["ok", "refused", "refused"]
    assert "no purple cube" in lines[1]["reason"] and lines[2]["reason"].startswith("unsafe request")


def test_bad_inputs_exit_2_with_a_message(scene_file: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    bad_scene = tmp_path / "bad.json"
    bad_scene.write_text(json.dumps({**SCENE, "tables": 1}))
    assert main(["plan", "--scene", str(bad_scene), "--backend", "rules", "grab the red cube"]) == 2
    assert "unknown key(s) 'tables'" in capsys.readouterr().err
    assert main(["plan", "--scene", str(scene_file), "--backend", "rules"]) == 2
    assert "either one INSTRUCTION or --batch" in capsys.readouterr().err
    batch = tmp_path / "b.jsonl"
    batch.write_text(json.dumps({"text": "grab the red cube"}))
    assert main(["plan", "--scene", str(scene_file), "--backend", "rules", "--batch", str(batch)]) == 2
    assert "b.jsonl:1" in capsys.readouterr().err


@pytest.mark.parametrize("text", ["put the cube in the bin", "mets le cube dans le bac",
                                  "leg den Würfel in den Behälter"])
def test_an_ambiguous_instruction_prints_a_question_naming_the_candidates(
        scene_file: Path, capsys: pytest.CaptureFixture[str], text: str) -> None:
    assert main(["plan", "--scene", str(scene_file), "--backend", "parser", text]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["status"] == "clarify" and out["candidates"] == ["red_cube", "green_cube", "blue_cube"]
    assert out["reason"].startswith("which one do you mean: the red cube, the green cube or the blue cube?")
