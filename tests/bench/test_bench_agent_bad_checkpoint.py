"""bench/agent.py refuses a --skill-policy checkpoint it cannot run on --robot in one line, before any scene."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.agent import main

PRETRAINED = Path(__file__).resolve().parents[2] / "policies" / "pretrained"


@pytest.mark.parametrize(("robot", "checkpoint", "message"), [
    ("ur5e", "panda_reach_home_bc", "trained for robot 'panda', not --robot 'ur5e'"),
    ("panda", "ur5e_reach_home_bc", "trained for robot 'ur5e', not --robot 'panda'"),
    ("panda", "no_such_checkpoint", "not a checkpoint directory"),
])
def test_a_checkpoint_for_another_robot_or_none_is_one_line(capsys: pytest.CaptureFixture[str], robot: str,
                                                            checkpoint: str, message: str) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--n", "1", "--backends", "", "--robot", robot, "--skill-policy",
              f"go_home={PRETRAINED / checkpoint}"])
    assert exit_info.value.code == 2
    out, err = capsys.readouterr()
    assert out == ""  # no JSON: nothing was run
    assert err.count("\n") == 1 and ": error: --skill-policy go_home: " in err  # no traceback
    assert message in err
