"""One left/right convention (robot's view, left is +y): the example PlaceBeside task's side signs and the table
halves of ``sim.skills.regions`` (``SIDES``, ``side_of``) name the same sides with the same signs."""

from __future__ import annotations

import importlib

from sim.skills.regions import HALF_MARGIN, SIDES, side_of
from sim.tasks import TASKS, unregister_task


def test_place_beside_uses_the_regions_sides_and_signs() -> None:
    registered = "place_beside" in TASKS
    place_beside = importlib.import_module("sim.tasks.place_beside")  # importing registers the task
    try:
        assert tuple(place_beside.SIDES) == SIDES
        for side, sign in place_beside.SIDES.items():
            assert side_of(sign * (HALF_MARGIN + 0.05)) == side
    finally:
        if not registered:
            unregister_task("place_beside")
