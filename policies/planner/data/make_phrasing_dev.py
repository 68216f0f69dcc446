"""Writes ``dev_phrasing.jsonl``: the development split for the language people use (issue #17 items 2, 5).

    python -m policies.planner.data.make_phrasing_dev

Each record carries a ``kind`` (idiom_bin, tower_up, quantifier, ...) for the benchmark's per-kind tables.
This split is the one looked at while extending phrasing.py; ``heldout_phrasing.jsonl`` (English) and its
French/German records were written before the parser was read and are only reported, never tuned on.
Plans over several objects follow the scene's object order; a refusal's gold reason is its class only.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

OUT = Path(__file__).with_name("dev_phrasing.jsonl")
_Y = (0.24, 0.08, -0.08, -0.24, 0.16, -0.16, 0.0)


def scene(objs: Sequence[str | tuple[str, float]], *, positions: bool = True,
          regions: tuple[str, ...] = ("left", "right", "bin", "pad")) -> dict[str, Any]:
    out = []
    for i, o in enumerate(objs):
        colour, y = (o, _Y[i]) if isinstance(o, str) else o
        entry: dict[str, Any] = {"name": f"{colour}_cube", "kind": "cube", "color": colour}
        if positions:
            entry["position"] = [round(0.45 + 0.03 * i, 3), y, 0.022]
        out.append(entry)
    return {"objects": out, "regions": list(regions)}


def plan(*steps: tuple[str, ...]) -> dict[str, Any]:
    out: list[dict[str, Any]] = []
    for s in steps:
        if s[0] == "pick":
            out.append({"skill": "pick", "args": {"object": f"{s[1]}_cube"}})
        elif s[0] == "in":
            out.append({"skill": "place_in", "args": {"region": s[1]}})
        elif s[0] == "on":
            out.append({"skill": "place_on", "args": {"object": f"{s[1]}_cube"}})
        elif s[0] == "home":
            out.append({"skill": "go_home", "args": {}})
    return {"status": "ok", "steps": out}


def mv(c: str, r: str) -> tuple[tuple[str, ...], ...]:
    return (("pick", c), ("in", r))


def st(c: str, t: str) -> tuple[tuple[str, ...], ...]:
    return (("pick", c), ("on", t))


def refused(reason: str) -> dict[str, Any]:
    return {"status": "refused", "reason": reason}


def ask(*cands: str) -> dict[str, Any]:
    return {"status": "clarify", "reason": "which one?", "candidates": [f"{c}_cube" for c in cands]}


RGB = ["red", "green", "blue"]
RECORDS: list[tuple[str, str, dict[str, Any], dict[str, Any]]] = [
    ("idiom_bin", "get rid of the green cube", scene(RGB), plan(*mv("green", "bin"))),
    ("idiom_bin", "throw the blue cube away", scene(RGB), plan(*mv("blue", "bin"))),
    ("idiom_bin", "toss the red cube in the trash", scene(RGB), plan(*mv("red", "bin"))),
    ("idiom_bin", "please dispose of the yellow block", scene(["yellow", "red"]), plan(*mv("yellow", "bin"))),
    ("idiom_bin", "throw out the orange cube", scene(["orange", "blue"]), plan(*mv("orange", "bin"))),
    ("idiom_bin", "chuck the purple cube into the rubbish", scene(["purple", "green"]), plan(*mv("purple", "bin"))),
    ("idiom_pad", "pop the red cube on the pad", scene(RGB), plan(*mv("red", "pad"))),
    ("idiom_pad", "park the green block on the landing pad", scene(RGB), plan(*mv("green", "pad"))),
    ("idiom_stack", "put the blue cube atop the red cube", scene(RGB), plan(*st("blue", "red"))),
    ("idiom_stack", "plonk the green cube on top of the blue one", scene(RGB), plan(*st("green", "blue"))),
    ("idiom_stack", "put the red cube beneath the green cube", scene(RGB), plan(*st("green", "red"))),
    ("idiom_stack", "set the yellow cube so that it rests on the red cube", scene(["red", "yellow"]),
     plan(*st("yellow", "red"))),
    ("tower_up", "build a tower: blue at the bottom, then red, then green", scene(RGB),
     plan(*st("red", "blue"), *st("green", "red"))),
    ("tower_up", "bottom to top: red, blue", scene(RGB), plan(*st("blue", "red"))),
    ("tower_up", "make a tower with the green cube on the bottom, the blue cube in the middle and the red cube "
     "on top", scene(RGB), plan(*st("blue", "green"), *st("red", "blue"))),
    ("tower_up", "start with the yellow cube, then the red cube, and finish with the blue cube on top",
     scene(["red", "yellow", "blue"]), plan(*st("red", "yellow"), *st("blue", "red"))),
    ("tower_down", "stack them from top to bottom: green, blue, red", scene(RGB),
     plan(*st("blue", "red"), *st("green", "blue"))),
    ("tower_down", "tower with red on top, blue in the middle and green at the bottom", scene(RGB),
     plan(*st("blue", "green"), *st("red", "blue"))),
    ("tower_down", "the blue cube on top of the green cube, which is on top of the red cube", scene(RGB),
     plan(*st("green", "red"), *st("blue", "green"))),
    ("tower_down", "a tower with yellow highest and purple lowest", scene(["purple", "yellow"]),
     plan(*st("yellow", "purple"))),
    ("tower_down", "build a tower with the red cube on top and the blue cube on top", scene(RGB),
     refused("impossible")),
    ("quantifier", "put every cube in the bin", scene(["red", "blue"]), plan(*mv("red", "bin"), *mv("blue", "bin"))),
    ("quantifier", "move all the blocks to the pad except the blue one", scene(RGB),
     plan(*mv("red", "pad"), *mv("green", "pad"))),
    ("quantifier", "put all cubes except the red one in the bin", scene(RGB),
     plan(*mv("green", "bin"), *mv("blue", "bin"))),
    ("quantifier", "put the green cube in the bin and the rest on the pad", scene(RGB),
     plan(*mv("green", "bin"), *mv("red", "pad"), *mv("blue", "pad"))),
    ("quantifier", "get rid of everything except the yellow cube", scene(["yellow", "red", "blue"]),
     plan(*mv("red", "bin"), *mv("blue", "bin"))),
    ("quantifier", "put every cube except the pink one in the bin", scene(RGB), refused("absent")),
    ("quantifier", "pick up all the cubes", scene(RGB), refused("impossible")),
    ("quantifier", "put both blocks on the pad", scene(["green", "orange"]),
     plan(*mv("green", "pad"), *mv("orange", "pad"))),
    ("relative", "put the rightmost cube in the bin", scene([("red", 0.2), ("green", -0.2), ("blue", 0.0)]),
     plan(*mv("green", "bin"))),
    ("relative", "move the cube on the far left to the pad", scene([("red", 0.0), ("green", -0.2), ("blue", 0.2)]),
     plan(*mv("blue", "pad"))),
    ("relative", "put the cube next to the red cube in the bin",
     scene([("red", 0.2), ("green", 0.1), ("blue", -0.2)]), plan(*mv("green", "bin"))),
    ("relative", "put the block next to the pad in the bin", scene(RGB), refused("impossible")),
    ("relative", "put the blue cube in the bin, then put the same cube on the pad", scene(RGB),
     plan(*mv("blue", "bin"), *mv("blue", "pad"))),
    ("relative", "put the middle cube on the pad", scene([("red", 0.2), ("green", -0.2), ("blue", 0.0)]),
     plan(*mv("blue", "pad"))),
    ("relative", "put the rightmost cube in the bin", scene(RGB, positions=False), refused("impossible")),
    ("negation", "put the green cube on the pad but don't touch the red cube", scene(RGB),
     plan(*mv("green", "pad"))),
    ("negation", "don't put the red cube on the pad, put it in the bin", scene(RGB), plan(*mv("red", "bin"))),
    ("negation", "put the red cube on the green cube, not on the blue cube", scene(RGB), plan(*st("red", "green"))),
    ("negation", "put the blocks on the pad but leave the green one alone", scene(RGB),
     plan(*mv("red", "pad"), *mv("blue", "pad"))),
    ("negation", "put the red cube in the bin but do not touch the red cube", scene(RGB), refused("impossible")),
    ("negation", "stack the blue cube on the red cube but do not move the red cube", scene(RGB),
     plan(*st("blue", "red"))),
    ("negation", "put the green cube on the pad and don't pick up the red cube", scene(RGB), plan(*mv("green", "pad"))),
    ("negation", "don't move the blue cube, put the blue cube in the bin", scene(RGB), refused("impossible")),
    ("order", "after you put the red cube on the pad, put the blue cube in the bin", scene(RGB),
     plan(*mv("red", "pad"), *mv("blue", "bin"))),
    ("order", "once the green cube is on the pad, put the red cube in the bin", scene(RGB),
     plan(*mv("green", "pad"), *mv("red", "bin"))),
    ("order", "put the blue cube on the pad, but first put the red cube in the bin", scene(RGB),
     plan(*mv("red", "bin"), *mv("blue", "pad"))),
    ("chatty", "hey, could you please put the green cube in the bin? thank you", scene(RGB),
     plan(*mv("green", "bin"))),
    ("chatty", "hello robot! I'd love for the red cube to be on the pad", scene(RGB), plan(*mv("red", "pad"))),
    ("chatty", "um, so, like, can you grab the blue cube", scene(RGB), plan(("pick", "blue"))),
    ("chatty", "the yellow cube belongs in the bin", scene(["yellow", "red"]), plan(*mv("yellow", "bin"))),
    ("chatty", "go back to your home position when you're done moving the green cube to the pad", scene(RGB),
     plan(*mv("green", "pad"), ("home",))),
    ("typo_case", "put the red cube in teh bin", scene(RGB), plan(*mv("red", "bin"))),
    ("typo_case", "PICK UP THE GREEN CUBE", scene(RGB), plan(("pick", "green"))),
    ("typo_case", "stak the bleu cube on the red cube", scene(RGB), plan(*st("blue", "red"))),
    ("typo_case", "plz put the yelow cube on the pad", scene(["yellow", "red"]), plan(*mv("yellow", "pad"))),
    ("typo_case", "Put The Red Cube In The Bin.", scene(RGB), plan(*mv("red", "bin"))),
    ("typo_case", "put the green cube inn the bin", scene(RGB), plan(*mv("green", "bin"))),
    ("chatty", "please, put the red cube on the pad", scene(RGB), plan(*mv("red", "pad"))),
    ("chatty", "ok, now, put the blue cube in the bin, please.", scene(RGB), plan(*mv("blue", "bin"))),
    ("refuse", "put the green cube on the red cube and the red cube on the green cube", scene(RGB),
     refused("impossible")),
    ("refuse", "throw the blue cube at me", scene(RGB), refused("unsafe")),
    ("refuse", "throw the red cube out of the window", scene(RGB), refused("unsafe")),
    ("refuse", "put the black cube on the pad", scene(RGB), refused("absent")),
    ("clarify", "put the block on the pad", scene(["red", "blue"]), ask("red", "blue")),
    ("clarify", "put the cube that is not blue in the bin", scene(RGB), ask("red", "green")),
    ("clarify", "put the cube that isn't green in the bin", scene(["green", "blue"]), plan(*mv("blue", "bin"))),
    ("clarify", "grab any of the cubes", scene(RGB), ask("red", "green", "blue")),
    ("fr", "mets le cube vert sur le cube rouge", scene(RGB), plan(*st("green", "red"))),
    ("fr", "jette le cube bleu", scene(RGB), plan(*mv("blue", "bin"))),
    ("de", "leg den grünen Würfel auf den roten Würfel", scene(RGB), plan(*st("green", "red"))),
    ("de", "nimm den blauen Würfel", scene(RGB), plan(("pick", "blue"))),
    # --- added with the second pass on issue #17 (the kinds the independent split still failed on)
    ("quantifier", "every cube into the left region, except green", scene([*RGB, "yellow"]),
     plan(*mv("red", "left"), *mv("blue", "left"), *mv("yellow", "left"))),
    ("quantifier", "could you put each of the cubes on the pad, leaving out the red one?", scene(RGB),
     plan(*mv("green", "pad"), *mv("blue", "pad"))),
    ("quantifier", "put every cube except the blue one in the bin, then go home", scene(RGB),
     plan(*mv("red", "bin"), *mv("green", "bin"), ("home",))),
    ("quantifier", "all the cubes except the red and the green go on the pad please",
     scene(["red", "green", "blue", "orange"]), plan(*mv("blue", "pad"), *mv("orange", "pad"))),
    ("quantifier", "put the red cube on the pad, then put all the cubes in the bin", scene(RGB),
     refused("unclear")),
    ("quantifier", "put all the cubes in the bin and the green one on the pad", scene(RGB), refused("unclear")),
    ("chatty", "so for this task I need the green cube resting on the red cube, then you can go home", scene(RGB),
     plan(*st("green", "red"), ("home",))),
    ("chatty", "ok, the blue cube - I'd like it in the bin if you don't mind? cheers", scene(RGB),
     plan(*mv("blue", "bin"))),
    ("chatty", "hi there! grab the red cube and put it on the pad. thanks a lot.", scene(RGB),
     plan(*mv("red", "pad"))),
    ("chatty", "please, you take the blue cube and you put it in the right zone, thank you so much", scene(RGB),
     plan(*mv("blue", "right"))),
    ("idiom_bin", "get rid of the red cube - just bin it", scene(RGB), plan(*mv("red", "bin"))),
    ("idiom_bin", "put the green cube over in the left-hand area and head back home", scene(RGB),
     plan(*mv("green", "left"), ("home",))),
    ("tower_up", "a tower out of red, green and blue, with blue on the bottom, green in the middle and red at the "
     "very top", scene(RGB), plan(*st("green", "blue"), *st("red", "green"))),
    ("tower_up", "tower of four: bottom yellow, then red, then blue, top green", scene([*RGB, "yellow"]),
     plan(*st("red", "yellow"), *st("blue", "red"), *st("green", "blue"))),
    ("tower_down", "tower of three: green at the very top, red at the very bottom, blue in between", scene(RGB),
     plan(*st("blue", "red"), *st("green", "blue"))),
    ("tower_down", "make a tower: top blue, then green, bottom red", scene(RGB),
     plan(*st("green", "red"), *st("blue", "green"))),
    ("order", "put the green cube on the blue cube, then take it off again and put it on the pad", scene(RGB),
     plan(*st("green", "blue"), ("pick", "green"), ("in", "pad"))),
    ("order", "go home last; first put the red cube in the bin, and second put the blue cube on the pad", scene(RGB),
     plan(*mv("red", "bin"), *mv("blue", "pad"), ("home",))),
    ("order", "put the green cube on the pad. before you put the red cube in the bin, push the blue cube forward",
     scene(RGB), {"status": "ok", "steps": [*plan(*mv("green", "pad"))["steps"],
                                            {"skill": "push", "args": {"object": "blue_cube", "direction": "forward"}},
                                            *plan(*mv("red", "bin"))["steps"]]}),
    ("order", "after you've put the red cube in the bin, go home. before all that, put the blue cube on the pad",
     scene(RGB), plan(*mv("blue", "pad"), *mv("red", "bin"), ("home",))),
    ("order", "first put the green cube on the pad; second put the green cube in the bin; second go home",
     scene(RGB), refused("unclear order")),
    ("tower_up", "start with the blue cube, put the red cube on it, then finish with the green cube on top",
     scene(RGB), plan(*st("red", "blue"), *st("green", "red"))),
    ("negation", "push the red cube to the right. do not pick anything up.", scene(RGB),
     {"status": "ok", "steps": [{"skill": "push", "args": {"object": "red_cube", "direction": "right"}}]}),
    ("negation", "put the red cube in the bin, and don't pick anything up", scene(RGB), refused("impossible")),
    ("negation", "put the blue cube in the left zone; the red cube you must leave alone", scene(RGB),
     plan(*mv("blue", "left"))),
    ("negation", "put the red cube on the green one, but never touch the blue cube, and don't go home afterwards",
     scene(RGB), plan(*st("red", "green"))),
    ("negation", "put the green cube in the bin and go home, but don't go home", scene(RGB), refused("impossible")),
    ("clarify", "put one of the cubes in the bin - not the green one", scene(["green", "red"]),
     plan(*mv("red", "bin"))),
    ("clarify", "put one of the cubes in the bin, not the green one", scene(RGB), ask("red", "blue")),
    ("clarify", "put the cube on the pad", scene(RGB), ask("red", "green", "blue")),
    ("relative", "put the leftmost cube in the bin", scene(RGB), plan(*mv("red", "bin"))),
    ("relative", "put the cube that's furthest to the right on the pad", scene(RGB), plan(*mv("blue", "pad"))),
    ("quantifier", "put both the green and the blue cube on the pad", scene(RGB),
     plan(*mv("green", "pad"), *mv("blue", "pad"))),
    ("chatty", "green cube onto the pad please", scene(RGB), plan(*mv("green", "pad"))),
    ("relative", "put the cube on the far right on the pad", scene(RGB), plan(*mv("blue", "pad"))),
    ("relative", "put the green cube on the pad, then put the one you just moved in the bin", scene(RGB),
     plan(*mv("green", "pad"), *mv("green", "bin"))),
    ("relative", "put the cube next to the bin on the pad", scene(RGB), refused("unknown position")),
    ("relative", "put the cube next to the bin on the pad", {**scene(RGB), "landmarks": {"bin": [0.5, -0.3, 0.0]}},
     plan(*mv("blue", "pad"))),
    ("relative", "pick up the leftmost cube", scene(RGB, positions=False), refused("unknown position")),
    ("fr", "ne touche pas au cube rouge et mets le cube bleu dans le bac", scene(RGB), plan(*mv("blue", "bin"))),
    ("fr", "avant de mettre le cube vert dans le bac, pose le cube rouge sur la plateforme", scene(RGB),
     plan(*mv("red", "pad"), *mv("green", "bin"))),
    ("fr", "mets tous les cubes sauf le bleu sur la plateforme", scene(RGB),
     plan(*mv("red", "pad"), *mv("green", "pad"))),
    ("fr", "ne mets pas le cube rouge dans le bac", scene(RGB), refused("nothing to plan")),
    ("fr", "mets le cube rouge dans le bac sauf si le bac est plein", scene(RGB), refused("unknown words")),
    ("fr", "mets le cube dans le bac", scene(RGB), ask("red", "green", "blue")),
    ("de", "bevor du den grünen Würfel in den Behälter legst, leg den roten Würfel auf das Pad", scene(RGB),
     plan(*mv("red", "pad"), *mv("green", "bin"))),
    ("de", "leg alle Würfel außer dem blauen auf das Pad", scene(RGB), plan(*mv("red", "pad"), *mv("green", "pad"))),
    ("de", "fass den roten Würfel nicht an und leg den grünen Würfel in den Behälter", scene(RGB),
     plan(*mv("green", "bin"))),
    ("de", "leg keinen Würfel in den Behälter", scene(RGB), refused("unknown words")),
    ("de", "leg den Würfel in den Behälter", scene(RGB), ask("red", "green", "blue")),
    # --- third pass (issue #17, H4b): colloquial French/German verbs, contractions, subject clauses, "ohne ... zu"
    ("fr", "je voudrais que tu mettes le cube vert dans la poubelle", scene(RGB), plan(*mv("green", "bin"))),
    ("fr", "peux-tu poser le cube bleu sur la plateforme, s'il te plaît ?", scene(RGB), plan(*mv("blue", "pad"))),
    ("fr", "range le cube rouge dans le bac", scene(RGB), plan(*mv("red", "bin"))),
    ("fr", "construis une tour avec le cube rouge en bas, le cube vert au milieu et le cube bleu en haut",
     scene(RGB), plan(*st("green", "red"), *st("blue", "green"))),
    ("fr", "mets le cube rouge dans le bac sans toucher le cube bleu", scene(RGB), plan(*mv("red", "bin"))),
    ("fr", "je veux que le cube bleu soit sur la plateforme", scene(RGB), plan(*mv("blue", "pad"))),
    ("fr", "pourrais-tu mettre le cube rouge sur le vert ?", scene(RGB), plan(*st("red", "green"))),
    ("fr", "pose le cube rouge sur le cube bleu puis pose le cube vert dessus", scene(RGB),
     plan(*st("red", "blue"), *st("green", "red"))),
    ("fr", "je voudrais que tu ne mettes pas le cube rouge dans le bac", scene(RGB), refused("nothing to plan")),
    ("fr", "je ne veux pas que tu mettes le cube rouge dans le bac", scene(RGB), refused("unknown words")),
    ("fr", "mets le cube rouge dans le bac, puis le vert sur la plateforme, et enfin retourne à la position "
     "initiale", scene(RGB), plan(*mv("red", "bin"), *mv("green", "pad"), ("home",))),
    ("de", "leg den roten Würfel aufs Pad", scene(RGB), plan(*mv("red", "pad"))),
    ("de", "ich möchte, dass du den grünen Würfel in den Behälter legst", scene(RGB), plan(*mv("green", "bin"))),
    ("de", "kannst du den roten Würfel auf den blauen legen?", scene(RGB), plan(*st("red", "blue"))),
    ("de", "könntest du bitte den blauen Würfel ins Pad legen", scene(RGB), plan(*mv("blue", "pad"))),
    ("de", "pack den grünen Würfel in den Eimer", scene(RGB), plan(*mv("green", "bin"))),
    ("de", "leg den roten Würfel auf den blauen und stell den grünen drauf", scene(RGB),
     plan(*st("red", "blue"), *st("green", "red"))),
    ("de", "leg den roten Würfel in den Behälter, ohne den blauen Würfel zu berühren", scene(RGB),
     plan(*mv("red", "bin"))),
    ("de", "leg den roten Würfel in den Behälter, ohne den blauen Würfel anzufassen", scene(RGB),
     plan(*mv("red", "bin"))),
    ("de", "bau einen Turm mit dem roten Würfel unten, dem grünen in der Mitte und dem blauen oben", scene(RGB),
     plan(*st("green", "red"), *st("blue", "green"))),
    ("de", "leg zuerst den roten Würfel in den Behälter und dann den grünen aufs Pad", scene(RGB),
     plan(*mv("red", "bin"), *mv("green", "pad"))),
    ("de", "nachdem du den grünen Würfel aufs Pad gelegt hast, leg den roten in den Behälter", scene(RGB),
     plan(*mv("green", "pad"), *mv("red", "bin"))),
    ("de", "kannst du den roten Würfel nicht in den Behälter legen", scene(RGB), refused("nothing to plan")),
    ("de", "ich möchte nicht, dass du den roten Würfel in den Behälter legst", scene(RGB), refused("unknown words")),
    ("de", "ich möchte, dass du den roten Würfel nicht in den Behälter legst", scene(RGB),
     refused("nothing to plan")),
    # English, the same pass: chatty wrappers, sequence connectors, "only after", distances from the robot
    ("chatty", "Go ahead and put the red cube in the bin", scene(RGB), plan(*mv("red", "bin"))),
    ("chatty", "could you be a star and put the blue cube on the pad?", scene(RGB), plan(*mv("blue", "pad"))),
    ("chatty", "do me a favor and stack the green cube on the red cube", scene(RGB), plan(*st("green", "red"))),
    ("chatty", "I'd appreciate it if you could put the green cube in the bin", scene(RGB), plan(*mv("green", "bin"))),
    ("chatty", "go ahead and don't put the red cube in the bin", scene(RGB), refused("nothing to plan")),
    ("sequence", "First put the red cube in the bin, next put the green cube on the pad, and lastly go home",
     scene(RGB), plan(*mv("red", "bin"), *mv("green", "pad"), ("home",))),
    ("sequence", "put the blue cube on the pad, and afterwards put the red cube in the bin", scene(RGB),
     plan(*mv("blue", "pad"), *mv("red", "bin"))),
    ("sequence", "put the red cube in the bin, next the blue cube on the pad, and lastly the green cube on the red "
     "cube", scene(RGB), plan(*mv("red", "bin"), *mv("blue", "pad"), *st("green", "red"))),
    ("sequence", "put the green cube in the bin. once that's done, put the red cube on the pad. to finish, go home",
     scene(RGB), plan(*mv("green", "bin"), *mv("red", "pad"), ("home",))),
    ("sequence", "put the red cube in the bin and afterwards don't go home", scene(RGB), refused("unclear")),
    ("order", "put the red cube in the bin only after you put the blue cube on the pad", scene(RGB),
     plan(*mv("blue", "pad"), *mv("red", "bin"))),
    ("relative", "put the cube closest to the robot in the bin", scene(RGB), plan(*mv("green", "bin"))),
    ("relative", "put the cube farthest from the robot on the pad", scene(RGB), ask("red", "blue")),
    ("relative", "put the cube farthest from the robot on the pad",
     scene([("red", 0.0), ("green", 0.2), ("blue", -0.24)]), plan(*mv("blue", "pad"))),
    ("relative", "put the cube nearest to the blue cube in the bin", scene(RGB), plan(*mv("green", "bin"))),
    ("relative", "put the leftmost cube in the bin", scene([("red", 0.1), ("green", 0.1), ("blue", -0.1)]),
     ask("red", "green")),
    ("relative", "put the nearest cube to you on the pad", scene(RGB, positions=False), refused("unknown position")),
    ("chatty", "Hey there buddy, mind popping the red cube into the bin for me? Much appreciated!", scene(RGB),
     plan(*mv("red", "bin"))),
    ("chatty", "ok so basically I just need the green cube over on the pad, thanks", scene(RGB),
     plan(*mv("green", "pad"))),
    ("chatty", "sorry to bother you, but could you put the blue cube on the pad?", scene(RGB),
     plan(*mv("blue", "pad"))),
    ("chatty", "Would you please put the red cube in the bin? That'd be great.", scene(RGB), plan(*mv("red", "bin"))),
    ("chatty", "hmm, let me think... put the green cube on the red cube I guess", scene(RGB),
     plan(*st("green", "red"))),
    ("chatty", "When you have a sec, stack the blue cube onto the green one", scene(RGB), plan(*st("blue", "green"))),
    ("chatty", "Can you help me out? Put the red cube in the bin.", scene(RGB), plan(*mv("red", "bin"))),
    ("chatty", "Hi! So the task is: put the blue cube on the pad. Thanks!", scene(RGB), plan(*mv("blue", "pad"))),
    ("chatty", "okay robot, time to work: red cube goes in the bin", scene(RGB), plan(*mv("red", "bin"))),
    ("chatty", "Let's have the red cube on the pad, shall we?", scene(RGB), plan(*mv("red", "pad"))),
    ("chatty", "the red cube should not go in the bin, the green cube goes on the pad", scene(RGB), refused("unclear")),
    ("chatty", "mind not putting the red cube in the bin", scene(RGB), refused("unclear")),
    ("relative", "put the second cube from the left in the bin", scene(RGB), plan(*mv("green", "bin"))),
    ("relative", "put the third cube from the right on the pad", scene([("red", 0.2), ("green", -0.2), ("blue", 0.0)]),
     plan(*mv("red", "pad"))),
    ("relative", "put the second cube from the left in the bin", scene([("red", 0.2), ("green", 0.0), ("blue", 0.0)]),
     ask("green", "blue")),
    ("relative", "put the red cube on the pad, then put the last cube you moved in the bin", scene(RGB),
     plan(*mv("red", "pad"), *mv("red", "bin"))),
    ("relative", "move the last cube you touched to the pad", scene(RGB), refused("nothing moved")),
    ("relative", "put the cube nearest you in the bin", scene(RGB), plan(*mv("green", "bin"))),
    ("order", "prior to putting the red cube in the bin, put the blue cube on the pad", scene(RGB),
     plan(*mv("blue", "pad"), *mv("red", "bin"))),
    ("order", "put the red cube in the bin. Before you do that, put the blue cube on the pad.", scene(RGB),
     plan(*mv("blue", "pad"), *mv("red", "bin"))),
    ("order", "as soon as the red cube is in the bin, put the green cube on the pad", scene(RGB),
     plan(*mv("red", "bin"), *mv("green", "pad"))),
    ("order", "put the green cube on the pad after the red cube goes in the bin", scene(RGB),
     plan(*mv("red", "bin"), *mv("green", "pad"))),
    ("sequence", "first the red cube in the bin, then the green cube on the pad", scene(RGB),
     plan(*mv("red", "bin"), *mv("green", "pad"))),
    ("sequence", "Step 1: put the red cube in the bin. Step 2: put the green cube on the pad. Step 3: go home.",
     scene(RGB), plan(*mv("red", "bin"), *mv("green", "pad"), ("home",))),
    ("sequence", "1. put the red cube in the bin 2. put the green cube on the pad", scene(RGB),
     plan(*mv("red", "bin"), *mv("green", "pad"))),
    ("sequence", "2. put the green cube on the pad 1. put the red cube in the bin", scene(RGB), refused("unclear")),
    ("sequence", "red cube in the bin, green cube on the pad, then go home", scene(RGB),
     plan(*mv("red", "bin"), *mv("green", "pad"), ("home",))),
    ("sequence", "put the red cube in the bin and the green cube on the pad, in that order", scene(RGB),
     plan(*mv("red", "bin"), *mv("green", "pad"))),
    ("sequence", "don't put the red cube in the bin, the green cube on the pad", scene(RGB), refused("unclear")),
    ("sequence", "the red cube on the blue cube, the blue cube on the red cube", scene(RGB), refused("impossible")),
    ("sequence", "put the red cube on the pad, the green cube on the red cube, and the blue cube on the green cube",
     scene(RGB), plan(*mv("red", "pad"), *st("green", "red"), *st("blue", "green"))),
    ("fr", "mets le cube vert dans la zone de gauche", scene(RGB), plan(*mv("green", "left"))),
    ("fr", "pose le cube rouge du côté droit", scene(RGB), plan(*mv("red", "right"))),
    ("fr", "mets d'abord le cube rouge dans le bac, ensuite le cube vert sur la plateforme", scene(RGB),
     plan(*mv("red", "bin"), *mv("green", "pad"))),
    ("fr", "mets le cube rouge dans le bac, après ça retourne à ta position initiale", scene(RGB),
     plan(*mv("red", "bin"), ("home",))),
    ("fr", "ne mets pas d'abord le cube rouge dans le bac, mets le cube vert sur la plateforme", scene(RGB),
     refused("unclear")),
    ("de", "Leg den roten Würfel nach links", scene(RGB), plan(*mv("red", "left"))),
    ("de", "als erstes leg den roten Würfel in den Behälter, danach den grünen aufs Pad", scene(RGB),
     plan(*mv("red", "bin"), *mv("green", "pad"))),
    ("de", "leg den blauen Würfel oben auf den roten", scene(RGB), plan(*st("blue", "red"))),
    ("de", "leg den roten Würfel in den Behälter und zum Schluss fahr in die Ausgangsposition", scene(RGB),
     plan(*mv("red", "bin"), ("home",))),
    ("de", "leg den roten Würfel nicht nach links", scene(RGB), refused("nothing to plan")),
    ("fr", "range tout dans la poubelle", scene(RGB), plan(*mv("red", "bin"), *mv("green", "bin"), *mv("blue", "bin"))),
    ("fr", "jette tout sauf le cube rouge", scene(RGB), plan(*mv("green", "bin"), *mv("blue", "bin"))),
    ("de", "wirf alles außer dem roten Würfel weg", scene(RGB), plan(*mv("green", "bin"), *mv("blue", "bin"))),
    ("de", "bau einen Turm: der rote unten, der grüne in der Mitte, der blaue oben", scene(RGB),
     plan(*st("green", "red"), *st("blue", "green"))),
    ("fr", "empile les cubes: le rouge en bas, puis le vert, puis le bleu", scene(RGB),
     plan(*st("green", "red"), *st("blue", "green"))),
    ("quantifier", "chuck all the cubes in the trash except the blue one", scene(RGB),
     plan(*mv("red", "bin"), *mv("green", "bin"))),
    ("quantifier", "put the red one in the bin and all the others on the pad", scene(RGB),
     plan(*mv("red", "bin"), *mv("green", "pad"), *mv("blue", "pad"))),
    ("idiom_pad", "pop the red cube onto the landing zone", scene(RGB), plan(*mv("red", "pad"))),
    ("idiom_bin", "place the blue cube in the recycle bin", scene(RGB), plan(*mv("blue", "bin"))),
    ("idiom_stack", "sit the blue cube on the green cube", scene(RGB), plan(*st("blue", "green"))),
    ("idiom_stack", "pile the red cube on the blue one", scene(RGB), plan(*st("red", "blue"))),
    ("idiom_stack", "don't pile the red cube on the blue one", scene(RGB), refused("nothing to plan")),
    ("de", "stapel die Würfel von unten nach oben: rot, grün, blau", scene(RGB), refused("unknown words")),
]


def main() -> None:
    with OUT.open("w") as fh:
        for i, (kind, instruction, sc, gold) in enumerate(RECORDS):
            rec = {"id": f"dev_phrasing-{i:03d}", "split": "dev_phrasing", "kind": kind, "instruction": instruction,
                   "scene": sc, "gold": gold}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(RECORDS)} records to {OUT}")


if __name__ == "__main__":
    main()
