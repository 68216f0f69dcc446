"""Calibration instructions for the language-model fallback's acceptance rule (split ``tune``).

Written for issue #5 before any figure was measured on them, the way users talk: paraphrases, typos,
synonyms, indirect requests, multi-step tasks, and negatives, among them requests no parser reads that
must be refused ("do a little dance"). The fallback's thresholds are chosen on this split with the
``negative`` and ``fresh`` splits, never on ``heldout``. Conventions as in heldout_probe.py: "left" is +y,
"forward" is away from the base; "tray"/"trash" name the bin, "mat" names the pad.
"""

from __future__ import annotations

from typing import Any

from policies.planner.data.heldout_probe import HOME, Steps, _pick, _push, _put, _scene, _stack

# Yellow leftmost (+y), purple in the middle, orange rightmost.
T3 = _scene((("yellow", 0.5, 0.16), ("purple", 0.47, 0.0), ("orange", 0.53, -0.16)))
# Four cubes: blue leftmost, then red, green, yellow rightmost.
T4 = _scene((("blue", 0.46, 0.24), ("red", 0.54, 0.08), ("green", 0.5, -0.08), ("yellow", 0.48, -0.24)))
# The gripper holds the purple cube.
TH = _scene((("yellow", 0.5, 0.16), ("purple", 0.47, 0.0), ("orange", 0.53, -0.16)), holding="purple_cube")
# The blue cube stands on the yellow cube.
TON = _scene((("yellow", 0.5, -0.1), ("red", 0.48, 0.12), ("blue", 0.5, -0.1)), on={"blue_cube": "yellow_cube"})
TON["objects"][2]["position"][2] = 0.066
# Two cubes.
T2 = _scene((("green", 0.5, 0.1), ("red", 0.5, -0.1)))

TUNE: tuple[tuple[str, dict[str, Any], Steps | str], ...] = (
    # indirect and polite
    ("could i get the purple cube in the bin please", T3, _put("purple", "bin")),
    ("do me a favour and pick up the orange block", T3, _pick("orange")),
    ("the yellow cube should go on the pad", T3, _put("yellow", "pad")),
    ("i want the green block sitting on the red block", T4, _stack("green", "red")),
    ("mind grabbing the blue cube?", T4, _pick("blue")),
    ("let's get the red cube over to the left side", T4, _put("red", "left")),
    ("you can put the orange cube in the trash now", T3, _put("orange", "bin")),
    ("it'd help if you pushed the purple block forward", T3, _push("purple", "forward")),
    # typos
    ("pikc up the yelow cube", T3, _pick("yellow")),
    ("put the oragne block in teh bin", T3, _put("orange", "bin")),
    ("stakc the green cube on the bleu cube", T4, _stack("green", "blue")),
    ("puhs the red cube to the rigth", T4, _push("red", "right")),
    ("plz put the purpel one on the pad", T3, _put("purple", "pad")),
    ("grab the gren block", T4, _pick("green")),
    # synonyms
    ("toss the golden brick into the tray", T3, _put("yellow", "bin")),
    ("set the navy block on the scarlet block", T4, _stack("blue", "red")),
    ("lift the amber cube", T3, _pick("orange")),
    ("shove the lime block to the left", T4, _push("green", "left")),
    ("place the lavender cube on the mat", T3, _put("purple", "pad")),
    ("deposit the crimson cube in the garbage", T2, _put("red", "bin")),
    ("fetch the sky blue block", T4, _pick("blue")),
    ("nudge the violet cube away from you", T3, _push("purple", "forward")),
    ("pull the lemon cube towards you", T3, _push("yellow", "backward")),
    # free word order and ellipsis
    ("the orange block, into the bin with it", T3, _put("orange", "bin")),
    ("yellow cube on the purple cube", T3, _stack("yellow", "purple")),
    ("green to the right side", T4, _put("green", "right")),
    ("onto the pad with the red cube", T2, _put("red", "pad")),
    ("purple cube, pick it up", T3, _pick("purple")),
    # references
    ("take the block in the middle and put it on the pad", T3, _put("purple", "pad")),
    ("drop that in the bin", TH, [("place_in", {"region": "bin"})]),
    ("put what you're holding on the orange cube", TH, [("place_on", {"object": "orange_cube"})]),
    ("lay it down on the left side", TH, [("place_in", {"region": "left"})]),
    ("take the cube off the yellow one and put it on the pad", TON, _put("blue", "pad")),
    ("put the green cube in the bin and then the other one on the pad", T2, _put("green", "bin") + _put("red", "pad")),
    ("grab the leftmost block", T4, _pick("blue")),
    ("move the cube furthest right onto the pad", T4, _put("yellow", "pad")),
    ("put the cube to the right of the yellow one in the bin", T3, _put("purple", "bin")),
    ("pick up the red cube and put it on top of the green one", T2, _stack("red", "green")),
    # multi-step
    ("put the yellow cube in the bin, then put the orange cube on the pad", T3,
     _put("yellow", "bin") + _put("orange", "pad")),
    ("stack the red block on the blue block and then go home", T4, _stack("red", "blue") + HOME),
    ("first push the green cube left, then pick up the yellow cube", T4, _push("green", "left") + _pick("yellow")),
    ("put the purple cube on the pad. afterwards the yellow one on the purple one.", T3,
     _put("purple", "pad") + _stack("yellow", "purple")),
    ("move the orange cube to the right side and head back home", T3, _put("orange", "right") + HOME),
    ("put both the blue and the green cube in the bin", T4, _put("blue", "bin") + _put("green", "bin")),
    ("pick up the red one, set it on the green one, then return home", T2, _stack("red", "green") + HOME),
    ("stack orange on purple, then yellow on orange", T3, _stack("orange", "purple") + _stack("yellow", "orange")),
    # plain requests in other words
    ("go to your resting position", T3, HOME),
    ("back to home, please", T4, HOME),
    ("push the blue cube backwards a bit", T4, _push("blue", "backward")),
    ("place the green block onto the yellow block", T4, _stack("green", "yellow")),
    # negatives: requests no parser reads, nothing to do on this table
    ("do a little dance", T3, "impossible"),
    ("tidy up the kitchen", T4, "impossible"),
    ("what colour is the middle cube?", T3, "impossible"),
    ("paint the red cube blue", T4, "impossible"),
    ("make the yellow cube bigger", T3, "impossible"),
    ("water the plants please", T2, "impossible"),
    ("sing me a song", T4, "impossible"),
    ("tell me a joke about cubes", T3, "impossible"),
    # negatives: absent
    ("could you pick up the pink block", T3, "absent"),
    ("put the blue cube on the pad", T3, "absent"),
    ("grab the cup and put it in the bin", T4, "absent"),
    ("stack the purple cube on the white one", T3, "absent"),
    # negatives: impossible goals, unsafe
    ("put the green cube on the green cube", T2, "impossible"),
    ("stack the yellow cube on the purple cube", TH, "impossible"),
    ("put the red cube in the microwave", T4, "impossible"),
    ("hurl the orange cube across the room", T3, "unsafe"),
    ("hand the blue cube to the person next to you", T4, "unsafe"),
)


def tune_records() -> list[dict[str, Any]]:
    """The tune split as devset records (ids ``tune-NNN`` are assigned by ``make_devset.build``)."""
    out = []
    for text, scene, gold in TUNE:
        g = ({"status": "refused", "reason": gold} if isinstance(gold, str) else
             {"status": "ok", "steps": [{"skill": s, "args": a} for s, a in gold]})
        out.append({"split": "tune", "instruction": text, "scene": scene, "gold": g})
    return out
