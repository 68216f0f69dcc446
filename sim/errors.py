"""Errors raised by the simulator package.

Every message names the bad value and, where there is a finite set, the valid options.
"""

from __future__ import annotations

from collections.abc import Iterable


class SimError(Exception):
    """Base class of every error raised by ``sim``."""


class UnknownNameError(SimError, KeyError):
    """A name (robot, task, camera, scene, ...) that is not registered."""

    def __init__(self, kind: str, name: object, valid: Iterable[str]) -> None:
        self.kind = kind
        self.name = name
        self.valid = sorted(valid)
        super().__init__(f"unknown {kind} {name!r}; valid options: {', '.join(self.valid)}")

    def __str__(self) -> str:  # KeyError would otherwise quote the whole message
        return str(self.args[0])


class ConfigError(SimError, ValueError):
    """A configuration value or file that cannot be used as given."""


class InvalidActionError(SimError, ValueError):
    """An action of the wrong shape or with non-finite values."""


class RenderError(SimError, RuntimeError):
    """Offscreen rendering is not available or failed."""


class ModelUnavailableError(SimError, FileNotFoundError):
    """An optional model source (e.g. MuJoCo Menagerie) is not installed here."""
