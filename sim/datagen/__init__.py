"""Synthetic data factory: experts in randomised scenes -> LeRobot v3.0 datasets, resumable."""

from sim.datagen.config import DatagenConfig, attempt_seed
from sim.datagen.driver import DatagenError, format_summary, run_datagen

__all__ = ["DatagenConfig", "DatagenError", "attempt_seed", "format_summary", "run_datagen"]
