"""Fresh phrasings written after the parser was frozen, never used to tune it (split ``fresh``).

They measure how far the hand-written lexicon and grammar generalise; failures here are expected and
reported, not fixed by adding these words.
Scene for all: red, green, blue cubes at y = +0.16, 0, -0.16 (red is leftmost); regions left, right, bin, pad.
"""

from __future__ import annotations

from typing import Any

from policies.planner.data import SCENE_REGIONS

FRESH: tuple[tuple[str, list[tuple[str, dict[str, str]]] | str], ...] = (
    ("could you please pick the green cube up for me", [("pick", {"object": "green_cube"})]),
    ("i would like the blue block in the bin", [("pick", {"object": "blue_cube"}), ("place_in", {"region": "bin"})]),
    ("red cube into the bin please", [("pick", {"object": "red_cube"}), ("place_in", {"region": "bin"})]),
    ("stick the green cube on top of the red one",
     [("pick", {"object": "green_cube"}), ("place_on", {"object": "red_cube"})]),
    ("put the cherry block onto the emerald block",
     [("pick", {"object": "red_cube"}), ("place_on", {"object": "green_cube"})]),
    ("clear the table by putting the red cube in the bin",
     [("pick", {"object": "red_cube"}), ("place_in", {"region": "bin"})]),
    ("grab the blue cube. put it on the pad.",
     [("pick", {"object": "blue_cube"}), ("place_in", {"region": "pad"})]),
    ("move the green cube onto the pad and then go home",
     [("pick", {"object": "green_cube"}), ("place_in", {"region": "pad"}), ("go_home", {})]),
    ("slide the blue cube to the left a little", [("push", {"object": "blue_cube", "direction": "left"})]),
    ("push the red block away from you", [("push", {"object": "red_cube", "direction": "forward"})]),
    ("take the cube in the middle and put it in the bin",
     [("pick", {"object": "green_cube"}), ("place_in", {"region": "bin"})]),
    ("put the cube right of the red one on the pad",
     [("pick", {"object": "green_cube"}), ("place_in", {"region": "pad"})]),
    ("pick up the block furthest to the right", [("pick", {"object": "blue_cube"})]),
    ("stack the red cube on the green cube, then the blue cube on the red cube",
     [("pick", {"object": "red_cube"}), ("place_on", {"object": "green_cube"}), ("pick", {"object": "blue_cube"}),
      ("place_on", {"object": "red_cube"})]),
    ("put both the red and the blue cube in the bin",
     [("pick", {"object": "red_cube"}), ("place_in", {"region": "bin"}), ("pick", {"object": "blue_cube"}),
      ("place_in", {"region": "bin"})]),
    ("drop the green one in the box", [("pick", {"object": "green_cube"}), ("place_in", {"region": "bin"})]),
    ("return to home pose", [("go_home", {})]),
    ("place the blue cube on the right side of the table",
     [("pick", {"object": "blue_cube"}), ("place_in", {"region": "right"})]),
    ("lift the red cube, then place it onto the blue cube",
     [("pick", {"object": "red_cube"}), ("place_on", {"object": "blue_cube"})]),
    ("hand the red cube to me", "unsafe"),
    # Issue #17: "throw away" is an idiom for the bin, not a throw (it was gold "unsafe" until then).
    ("throw away the green cube", [("pick", {"object": "green_cube"}), ("place_in", {"region": "bin"})]),
    ("put the pink cube in the bin", "absent"),
    ("stack the white block on the red block", "absent"),
    ("put the green cube on the green cube", "impossible"),
    ("put the red cube in the oven", "impossible"),
    ("wave hello", "impossible"),
    ("knock the blue cube off the table", "unsafe"),
    ("put the red cube in the bin really fast", "unsafe"),
    ("pick up the teal cube", "absent"),
    ("ram the green cube into the red cube", "unsafe"),
)


def fresh_records() -> list[dict[str, Any]]:
    scene = {"objects": [{"name": f"{c}_cube", "kind": "cube", "color": c, "position": [0.5, y, 0.022]}
                         for c, y in (("red", 0.16), ("green", 0.0), ("blue", -0.16))],
             "regions": list(SCENE_REGIONS)}
    out = []
    for text, gold in FRESH:
        g = ({"status": "refused", "reason": gold} if isinstance(gold, str) else
             {"status": "ok", "steps": [{"skill": s, "args": a} for s, a in gold]})
        out.append({"split": "fresh", "instruction": text, "scene": scene, "gold": g})
    return out
