"""What LeRobot's side script knows of armstack's datasets it is given by the runner, from the registries (fast
tier: runs without LeRobot's venv). The lerobot tier checks the dataset it writes with it."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from policies.lerobot_interop.runner import SIDE, armstack_layout
from policies.visuomotor.config import VisuomotorConfig
from policies.visuomotor.data import ACTION_KEY, IMAGE_PREFIX, STATE_KEY
from sim.dataset.env_spec import ACTION_NAMES, record_features


def _side_main() -> object:
    spec = importlib.util.spec_from_file_location("lerobot_side", SIDE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # imports only the standard library at the top: LeRobot is imported on use
    return module.main


def test_the_layout_is_the_registries_and_matches_what_armstack_records() -> None:
    layout = armstack_layout()
    assert layout == {"state": STATE_KEY, "action": ACTION_KEY, "action_names": list(ACTION_NAMES),
                      "cameras": [IMAGE_PREFIX + c for c in VisuomotorConfig.cameras]}
    recorded = {f.name: f for f in record_features(("j1",), ("red_cube",), ("time",))}
    assert list(recorded[layout["action"]].names or ()) == layout["action_names"] and layout["state"] in recorded
    json.dumps(layout)  # it travels on side.py's command line


def test_the_side_script_holds_no_layout_of_its_own(capsys: pytest.CaptureFixture[str]) -> None:
    main = _side_main()
    with pytest.raises(SystemExit) as stopped:
        main(["write", "/nonexistent"])  # type: ignore[operator]
    assert stopped.value.code == 2 and "--layout" in capsys.readouterr().err
    source = Path(SIDE).read_text()
    for literal in (*ACTION_NAMES, STATE_KEY, IMAGE_PREFIX):
        assert f'"{literal}"' not in source, literal
