"""Errors raised by the policies package (training, checkpoints, evaluation)."""

from __future__ import annotations


class PolicyError(Exception):
    """Base class of every error raised by ``policies``."""


class CheckpointError(PolicyError):
    """A checkpoint that cannot be loaded: missing files, tampered weights, another robot or layout."""


class TrainConfigError(PolicyError, ValueError):
    """A training or evaluation configuration that cannot be used as given."""
