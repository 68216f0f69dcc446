"""Errors raised by the planner (bad scenes, unavailable backends)."""

from __future__ import annotations

from policies.errors import PolicyError


class PlannerError(PolicyError):
    """Base class of every error raised by ``policies.planner``."""


class ModelUnavailableError(PlannerError, RuntimeError):
    """The embedded model cannot be used: llama-cpp-python or the model file is missing, or it crashed."""
