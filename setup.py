"""colcon's ament_python build runs setup.py; the metadata lives in pyproject.toml."""

from setuptools import setup

setup()
