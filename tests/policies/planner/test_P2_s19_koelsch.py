"""Kölsch written back in full before translation (issue #17 item 5, nineteenth pass; the Cologne personas of
fresh_fr_de_21/29/31/34, the largest family of the French/German seen failures): fr_de_colloquial._KOELSCH, read only
where a word found only in Kölsch marks the text ("dä", "kütt", "jröne", "jääle", "rude", "bovve", "fott", "domet",
"nit", "litt"). "dä" is "der" as the subject of its clause (before kommt/kann/muss/soll) and "den" elsewhere (Kölsch
says the dative "däm"): "op dä jääle drop" is "auf den gelben drauf", the way. With the German frames it meets: a cube
said to go somewhere with "kommt" (also with "jetzt" between), and "<cube> muss/kann weg – ab in die Tonne damit".
"""

from __future__ import annotations

import pytest
from planner_asserts import S3, moves_nothing, plans_as

_RED_ON_GREEN = ["pick(object=red_cube)", "place_on(object=green_cube)"]
_GREEN_BIN = ["pick(object=green_cube)", "place_in(region=bin)"]
_GREEN_PAD = ["pick(object=green_cube)", "place_in(region=pad)"]


@pytest.mark.parametrize(("text", "want"), [
    ("Pack ens dä rude Würfel oben op dä jröne drop, Jeck!", _RED_ON_GREEN),
    ("Dä jröne Würfel kütt jetz op et Pad, bitte.", _GREEN_PAD),
    ("Un jetz dä rude Würfel bovve op dä jröne drop, bitte!", _RED_ON_GREEN),
    ("Kölle Alaaf! Dä jröne Würfel muss wech – ab in de Tonne damit, Jeck!", _GREEN_BIN),
    ("Alaaf! Dä jröne Würfel, dä kann wech – ab in de Tonne domet!", _GREEN_BIN),
    ("Schubs dä blaue Würfel ens jet nach links, nit hochheben, nur schubsen!",
     ["push(object=blue_cube, direction=left)"]),
    # the same frames in standard German
    ("Der grüne Würfel muss weg – ab in die Tonne damit!", _GREEN_BIN),
    ("Der grüne Würfel kommt jetzt aufs Pad.", _GREEN_PAD),
])
def test_koelsch_plans_as_german_reads_it(text: str, want: list[str]) -> None:
    plans_as(text, want, S3)


@pytest.mark.parametrize("text", [
    "Pack dä rude Würfel nit op dä jröne!",
    "Dä jröne Würfel kütt nit op et Pad, bitte.",
    "Kütt dä jröne Würfel op et Pad?",
    "Dä jröne Würfel muss nit wech – ab in de Tonne damit!",
    "Dä jröne Würfel muss wech – ab in de Tonne damit?",
    "Dä jröne Würfel muss wech.",
    "Der grüne Würfel muss weg.",
    "Der grüne Würfel muss nicht weg – ab in die Tonne damit!",
    # a state stays a state ("däm": the dative)
    "Dä rude Würfel op däm jröne.",
    "Dä rude Würfel litt op däm jröne.",
])
def test_koelsch_negated_asked_or_placeless_moves_nothing(text: str) -> None:
    moves_nothing(text, S3)
