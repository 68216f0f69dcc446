"""Words the semantic parser knows: colour and kind synonyms, verbs, regions, directions.

Hand-written (not learned). Every word that maps to something is listed here, so a reader can see exactly
what the deterministic parser covers and what is left to the language model.
"""

from __future__ import annotations

COLOR_WORDS: dict[str, str] = {
    "red": "red", "crimson": "red", "scarlet": "red", "ruby": "red", "cherry": "red",
    "green": "green", "lime": "green", "emerald": "green", "olive": "green",
    "blue": "blue", "navy": "blue", "azure": "blue", "cobalt": "blue", "cyan": "blue",
    "yellow": "yellow", "golden": "yellow", "gold": "yellow", "lemon": "yellow",
    "purple": "purple", "violet": "purple", "lilac": "purple", "lavender": "purple", "magenta": "purple",
    "orange": "orange", "amber": "orange", "tangerine": "orange",
}
# Nouns naming a graspable object; "one"/"thing" take the kind of the scene's objects.
KIND_WORDS: dict[str, str | None] = {
    "cube": "cube", "cubes": "cube", "block": "cube", "blocks": "cube", "brick": "cube", "bricks": "cube",
    "one": None, "piece": None, "object": None, "thing": None, "item": None,
}
PICK_VERBS = frozenset({"pick", "grab", "grasp", "lift", "take", "get", "hold", "snatch", "collect", "raise",
                        "fetch", "picking", "grabbing", "taking", "lifting"})
PLACE_VERBS = frozenset({"put", "place", "set", "drop", "move", "deposit", "stack", "lay", "rest", "relocate",
                         "shift", "transfer", "bring", "carry", "build", "putting", "placing", "stacking",
                         "leave", "position", "store", "moving", "setting", "dropping", "deliver", "delivering"})
PUSH_VERBS = frozenset({"push", "slide", "nudge", "shove", "pushing", "sliding", "shoving", "nudging", "shunt",
                        "shunting"})
# Every verb that moves a cube: the union the clause, polite-frame and guard readers test a word against.
MOTION_VERBS = PICK_VERBS | PLACE_VERBS | PUSH_VERBS
# Multi-word names of regions, longest first when matched. "box" means the bin (sim's PickPlace template).
REGION_PHRASES: dict[str, tuple[tuple[str, ...], ...]] = {
    "bin": (("trash", "bin"), ("waste", "bin"), ("grey", "bin"), ("gray", "bin"), ("bin",), ("basket",),
            ("container",), ("box",), ("bucket",), ("trash",), ("tray",), ("waste", "receptacle"), ("receptacle",)),
    "pad": (("white", "pad"), ("target", "pad"), ("target", "area"), ("target", "zone"), ("white", "square"), ("pad",),
            ("mat",), ("target",), ("platform",)),
    "left": (("left", "side"), ("left", "half"), ("left", "area"), ("left", "region"), ("left", "part")),
    "right": (("right", "side"), ("right", "half"), ("right", "area"), ("right", "region"), ("right", "part")),
}
DIRECTION_WORDS: dict[str, str] = {
    "left": "left", "leftward": "left", "leftwards": "left",
    "right": "right", "rightward": "right", "rightwards": "right",
    "forward": "forward", "forwards": "forward", "front": "forward", "away": "forward", "ahead": "forward",
    "backward": "backward", "backwards": "backward", "back": "backward", "toward me": "backward",
}
HOME_PHRASES: tuple[tuple[str, ...], ...] = (
    ("home",), ("resting", "pose"), ("rest", "pose"), ("rest", "position"), ("start", "position"),
    ("starting", "position"), ("initial", "pose"), ("initial", "position"), ("ready", "pose"),
)
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "those", "these"})
# Words that end one clause and start the next ("..., then ...").
CLAUSE_BREAKS: tuple[tuple[str, ...], ...] = (
    ("and", "once", "that", "is", "done"), ("once", "that", "is", "done"), ("and", "after", "that"),
    ("after", "that"), ("and", "then"), ("and", "finally"), ("followed", "by"), ("afterwards",), ("then",),
    ("next",), ("finally",), ("first",),
)
