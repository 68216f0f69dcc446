"""A simile's words are read as a closed vocabulary (issue #17 item 5, nineteenth pass; A1 s19 H141, H142).

fr_de_reasons.without_simile takes "comme ..."/"wie ein ..." off a request only when every word of it is a function
word, a word of gentle manner or an everyday image of something set down or stacked with care (the seen similes and
their kind: a hat, a bridge, a cup on its saucer, a batch of bread, a barrel, a cherry on the cake). Anything else stays
and is refused unread: the speech act said as a simile (a hypothesis, a question, an example, a test, a dream), speed
or force (a rocket, a brute, a hammer, swatting a fly), a person (on my hand), a return or a mirror (a boomerang, a
pendulum, a mirror image). English refuses each of these ("hypothetically", "as fast as you can", "like a boomerang").
"""

from __future__ import annotations

import pytest
from planner_asserts import filled_moves_nothing, filled_plans
from test_translation_spoken import _TRIPLES


@pytest.mark.parametrize("template", [
    # the speech act (H141 a)
    "Mets le {x} sur le {y}, comme une hypothèse.",
    "Mets le {x} sur le {y}, comme une question.",
    "Mets le {x} sur le {y}, comme un exemple.",
    "Mets le {x} sur le {y}, comme une simulation.",
    "Mets le {x} sur le {y}, comme dans mes rêves.",
    "Leg den {X} auf den {Y}, wie ein Vorschlag.",
    "Leg den {X} auf den {Y}, wie eine Frage.",
    "Leg den {X} auf den {Y}, wie ein Test.",
    # speed or force (H141 b)
    "Pousse le {x} à gauche, comme une fusée.",
    "Mets le {x} sur le {y}, comme une brute.",
    "Mets le {x} sur le {y}, comme on écrase une mouche.",
    "Mets le {x} dans la poubelle, comme un boulet de canon.",
    "Mets le {x} sur le {y}, comme un pont qui s'effondre.",
    "Schieb den {X} nach links, wie eine Rakete.",
    "Leg den {X} auf den {Y}, wie ein Hammer.",
    "Leg den {X} auf den {Y}, wie man eine Fliege erschlägt.",
    # a person
    "Mets le {x} sur le {y}, comme sur ma main.",
    "Mets le {x} sur le {y}, comme dans la main de Paul.",
    "Leg den {X} auf den {Y}, wie ein Hut auf meinen Kopf.",
    # a return or a mirror (H142)
    "Pousse le {x} vers l'avant, comme un boomerang.",
    "Pousse le {x} vers l'avant, comme un yo-yo.",
    "Mets le {x} sur le {y}, comme dans un miroir.",
    "Schieb den {X} nach links, wie ein Pendel.",
    "Leg den {X} auf den {Y}, wie ein Spiegelbild.",
])
def test_a_simile_outside_the_closed_images_moves_nothing(template: str) -> None:
    filled_moves_nothing(template)


@pytest.mark.parametrize("triple", _TRIPLES[:2], ids="-".join)
@pytest.mark.parametrize(("template", "spec"), [
    ("Mets le {x} sur le {y}, comme un pont.", ("x>y",)),
    ("Mets le {x} sur le {y}, comme un petit chapeau.", ("x>y",)),
    ("Mets le {x} sur le {y}, comme une cerise sur le gâteau.", ("x>y",)),
    ("Vous me posez le {x} par-dessus le {y}, comme la tasse sur la soucoupe !", ("x>y",)),
    ("Fous le {x} à la poubelle comme une fournée ratée !", ("x>bin",)),
    ("Pousse le {x} à gauche, tout doucement, comme on roule une barrique.", ("push:x:left",)),
    ("Leg den {X} auf den {Y}, wie ein Hütchen auf den Kopf.", ("x>y",)),
    ("Leg den {X} auf den {Y}, wie eine Kirsche auf die Torte.", ("x>y",)),
    ("Leg den {X} auf den {Y}, wie einen Deckel.", ("x>y",)),
])
def test_a_simile_of_the_closed_images_still_plans(template: str, spec: tuple[str, ...],
                                                   triple: tuple[str, str, str]) -> None:
    filled_plans(template, spec, triple)
