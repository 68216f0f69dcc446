"""The planner's data files and the generators that write them (``make_devset``, ``make_phrasing_dev``, probes).

``SCENE_COLOURS`` and ``SCENE_REGIONS`` are what the generated scenes were built from. They stay literals, frozen
with the records: the generators rewrite the committed gold files byte for byte (a test checks ``make_devset``),
so a colour or region the simulator gains later must not reshuffle them. A test ties both to the registries
(``sim.scene.COLORS``, the planner lexicon's colours, ``sim.skills.regions.REGIONS``): every colour and region the
records use is one the simulator and the planner know, in the registry's order.
"""

SCENE_COLOURS = ("red", "green", "blue", "yellow", "purple", "orange")
SCENE_REGIONS = ("left", "right", "bin", "pad")
