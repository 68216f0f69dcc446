"""`armstack train bc` on a dataset with cameras says that BC does not read them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policies.cli import _say_bc_ignores_cameras


def _dataset(root: Path, features: dict) -> Path:
    (root / "meta").mkdir(parents=True)
    (root / "meta" / "info.json").write_text(json.dumps({"codebase_version": "v3.0", "features": features}))
    return root


def test_camera_streams_are_named_and_state_only_data_is_silent(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    rgb = _dataset(tmp_path / "rgb", {"observation.state": {"dtype": "float32", "shape": [20]},
                                      "observation.images.front": {"dtype": "video", "shape": [64, 64, 3]}})
    state = _dataset(tmp_path / "state", {"observation.state": {"dtype": "float32", "shape": [20]}})
    _say_bc_ignores_cameras([str(state)])
    assert capsys.readouterr().err == ""
    damaged = _dataset(tmp_path / "damaged", {})
    (damaged / "meta" / "info.json").write_text("{not json")
    _say_bc_ignores_cameras([str(rgb), str(tmp_path / "absent"), str(damaged)])
    err = capsys.readouterr().err
    assert "observation.images.front" in err and "train visuomotor" in err
