"""fresh_fr_de_31 (the sixteenth session's French/German final, seen since) read as families (issue #17 item 5,
seventeenth pass), each with its near misses refused:

- the speaker's nearest and farthest ("le cube le plus proche de moi", "der Würfel, der mir am nächsten ist"): the
  speaker stands at the robot, as English "the cube nearest to me" is read (fd31-011);
- German left dislocation taken up by a pronoun after an imperative ("Den grünen Klotz, schieb den mal nach hinten.",
  Swabian "Des grüne Klötzle, schieb des amol a bissle nach hinta, zu mir her. Bassd scho.", fd31-033), with Swabian
  "amol", "hinta"/"vorna", "Klötzle" and "Bassd scho." as a sentence after a request;
- "Oh cool!" before a request, "parken" after a modal (fd31-034);
- a term of endearment first ("Darling, ..."), haste said as an event that is soon ("Vite, le défilé est dans une
  heure !", fd31-001); too near the speaker as a reason ("il est beaucoup trop près de moi là", fd31-013);
- the wish to watch "J'aimerais voir comment il s'y prend." after a modal question (fd31-015); after a bare infinitive
  asked it doubts (refused).
"""

from __future__ import annotations

import pytest
from planner_asserts import filled_moves_nothing, filled_plans
from test_translation_spoken import _TRIPLES


@pytest.mark.parametrize("triple", _TRIPLES, ids="-".join)
@pytest.mark.parametrize(("template", "spec"), [
    ("Den {X} Klotz, schieb den mal nach hinten.", ("push:x:backward",)),
    ("Des {XB}e Klötzle, schieb des amol a bissle nach hinta, zu mir her. Bassd scho.", ("push:x:backward",)),
    ("Den {X} Würfel, leg ihn in den Müll.", ("x>bin",)),
    ("Den {X} Würfel, stell den bitte auf den {Y}.", ("x>y",)),
    ("Oh cool! Kannst du den {X} Würfel mal aufs Pad parken?", ("x>pad",)),
    ("Darling, le cube {x}, tu me le poses sur le pad. Vite, le défilé est dans une heure !", ("x>pad",)),
    ("Pousse le {x} vers l'avant, il est beaucoup trop près de moi là.", ("push:x:forward",)),
    ("Est-ce que vous pourriez poser le {x} par-dessus le {y} ? J'aimerais voir comment il s'y prend.", ("x>y",)),
])
def test_the_families_plan_exactly(template: str, spec: tuple[str, ...], triple: tuple[str, str, str]) -> None:
    filled_plans(template, spec, triple)


@pytest.mark.parametrize("template", [
    # the dislocated cube asked, negated, reported
    "Den {X} Würfel, legst du den in den Müll?",
    "Den {X} Würfel, leg den bitte nicht in den Müll.",
    "Den {X} Klotz, den mal nach hinten geschoben.",
    "Den {X} Klotz nach hinten. Bassd scho.",
    # the imperative names another cube, or two are said first (A1 s17 H119)
    "Den {X} Würfel, leg den {Y} in den Müll.",
    "Den {X} Würfel, schieb den {Y} nach links.",
    "Den {X} Würfel und den {Y}, leg ihn in den Müll.",
    "Den {X} Klotz, schieb den {Y} Würfel nach hinten.",
    # a reason that contradicts or stands alone
    "Ne pousse pas le {x}, il est beaucoup trop près de moi là.",
    "Le {x} est beaucoup trop près de moi.",
    "Pousse le {x} vers moi, il est trop près de moi.",
    "Le {x} dans la poubelle. Vite, le {x} est dans une heure.",
    # the doubt after an infinitive asked
    "Mettre le {x} sur le {y} ? J'aimerais voir comment il s'y prend.",
    # the speaker's nearest, negated
    "Ne prends pas le cube le plus proche de moi.",
])
def test_the_near_misses_move_nothing(template: str) -> None:
    filled_moves_nothing(template)


@pytest.mark.parametrize("whose", ["moi", "toi"])
def test_the_speakers_nearest_is_the_robots_nearest(whose: str) -> None:
    # the first triple's scene: y is nearest the robot's base, for the robot's words and the speaker's
    filled_plans(f"Prends le cube le plus proche de {whose} et pose-le sur le pad, s'il te plaît.", ("y>pad",))
    filled_plans(f"Nimm den Würfel, der {'mir' if whose == 'moi' else 'dir'} am nächsten ist, und leg ihn aufs Pad.",
                 ("y>pad",))
