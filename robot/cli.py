"""Subcommands of ``armstack`` contributed by this package (registered from ``armstack.cli``)."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    """Add this package's subcommands to the ``armstack`` parser's subparsers."""
    del sub


_ = argparse
