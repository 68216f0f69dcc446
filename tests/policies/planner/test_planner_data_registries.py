"""The planner data generators' frozen colours and regions agree with the registries they were taken from."""

from __future__ import annotations

import json
from pathlib import Path

from policies.planner.data import SCENE_COLOURS, SCENE_REGIONS, make_devset, make_phrasing_dev
from policies.planner.data.fresh_probe import fresh_records
from policies.planner.data.heldout_probe import heldout_records
from policies.planner.data.tune_probe import tune_records
from policies.planner.lexicon import COLOR_WORDS
from sim.scene import COLORS
from sim.skills.regions import REGIONS

DATA = Path(make_devset.__file__).parent


def _in_registry_order(used: tuple[str, ...], registry: tuple[str, ...]) -> bool:
    return tuple(name for name in registry if name in used) == used


def test_the_frozen_scene_colours_and_regions_are_the_registries() -> None:
    assert _in_registry_order(SCENE_COLOURS, tuple(COLORS)), (SCENE_COLOURS, tuple(COLORS))
    assert set(SCENE_COLOURS) <= set(COLOR_WORDS.values())  # every one is a colour the parser reads by its name
    assert all(COLOR_WORDS[c] == c for c in SCENE_COLOURS)
    assert _in_registry_order(SCENE_REGIONS, REGIONS), (SCENE_REGIONS, REGIONS)
    assert make_devset.COLORS == SCENE_COLOURS and make_devset.REGIONS == SCENE_REGIONS


def test_every_generated_scene_uses_only_the_frozen_colours_and_regions() -> None:
    dev, examples = make_devset.build()
    scenes = [r["scene"] for r in (*dev, *examples, *fresh_records(), *heldout_records(), *tune_records())]
    scenes += [scene for _, _, scene, _ in make_phrasing_dev.RECORDS]
    assert len(scenes) > 1000
    for scene in scenes:
        assert _in_registry_order(tuple(scene["regions"]), SCENE_REGIONS), scene["regions"]
        for obj in scene["objects"]:
            assert obj["color"] in SCENE_COLOURS and obj["name"] == f"{obj['color']}_cube", obj


def test_the_committed_generated_files_name_only_registry_colours_and_regions() -> None:
    for name in ("devset.jsonl", "examples.jsonl", "dev_phrasing.jsonl"):
        for line in (DATA / name).read_text().splitlines():
            scene = json.loads(line)["scene"]
            assert set(scene["regions"]) <= set(REGIONS), (name, scene["regions"])
            assert {o["color"] for o in scene["objects"]} <= set(COLORS), (name, scene["objects"])
