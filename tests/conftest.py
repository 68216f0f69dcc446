"""Shared test setup: headless rendering and the env registrations."""

import os

os.environ.setdefault("MUJOCO_GL", "egl")
os.environ.setdefault("PYOPENGL_PLATFORM", os.environ["MUJOCO_GL"])

import sim  # noqa: F401 - registers armstack/* ids
