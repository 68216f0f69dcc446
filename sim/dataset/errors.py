"""Errors of the dataset layer: every message names the file or value at fault and what was expected."""

from __future__ import annotations

from pathlib import Path

from sim.errors import SimError, UnknownNameError


class DatasetError(SimError):
    """Base class of every error raised by ``sim.dataset``."""


class DatasetSchemaError(DatasetError, ValueError):
    """A spec, record or shard that does not fit the dataset's schema (wrong keys, shapes, dtypes)."""


class DatasetFileError(DatasetError, OSError):
    """A dataset or shard file that is missing, truncated, corrupt or inconsistent with its metadata."""

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")

    def __str__(self) -> str:  # OSError would otherwise format its args as (errno, strerror)
        return f"{self.path}: {self.problem}"

    def __reduce__(self) -> tuple[type[DatasetFileError], tuple[Path, str]]:  # survives worker processes
        return (type(self), (self.path, self.problem))


class UnknownDatasetNameError(UnknownNameError, DatasetSchemaError):
    """A name (storage mode, encoder, preset, dtype, feature) that the dataset layer does not know."""

    def __reduce__(self) -> tuple[type[UnknownDatasetNameError], tuple[str, object, list[str]]]:
        return (type(self), (self.kind, self.name, self.valid))
