"""The CLI's datagen names come from the registries: the config refuses what they lack, naming the valid ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from armstack.cli import build_parser, main
from sim.datagen.config import BACKENDS, STORAGE
from sim.scene import CAMERAS


@pytest.mark.parametrize(("flag", "registry"), [("--backend", BACKENDS), ("--storage", STORAGE)])
def test_an_unknown_backend_or_storage_is_refused_with_the_registrys_names(
        flag: str, registry: tuple[str, ...], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "data"
    assert main(["datagen", "--episodes", "1", "--out", str(out), flag, "nope"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "'nope'" in err and all(name in err for name in registry), err
    assert not out.exists()  # refused before anything was written


def test_every_registered_backend_and_storage_parses_and_the_cameras_help_lists_the_scenes(
        capsys: pytest.CaptureFixture[str]) -> None:
    for backend in BACKENDS:
        for storage in STORAGE:
            args = build_parser().parse_args(["datagen", "--out", "x", "--backend", backend, "--storage", storage])
            assert (args.backend, args.storage) == (backend, storage)
    with pytest.raises(SystemExit):
        build_parser().parse_args(["datagen", "--help"])
    assert "comma list of " + ", ".join(CAMERAS) in " ".join(capsys.readouterr().out.split())
