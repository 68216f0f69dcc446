"""fresh_fr_de_32 (this session's French/German dev split) read as families (issue #17 item 5, seventeenth pass), each
with its near misses refused:

- openers: "Pardon monsieur le robot,", "Désolée de te déranger,", a vocative ("mon ami,", "Darling,"), "Surtout,",
  an Italian learner's "Allora…"/"Scusa…", an event that is soon said first ("Bon, démo dans cinq minutes."), a long
  night before "bref" (a closed frame, as English small talk before "anyway"), Saxon "Nu (gugge ma),", "Also:", "Schicht
  is vorbei.";
- closings: West African "dêh", "et qu'on n'en parle plus", "grazie (mille)", "vite" (hurry), "aber zack zack",
  "tschüss denn";
- reasons: "il est réglé au micron près" (kept cube), "on fait place nette (comme après le coup de feu)", "die Barkasse
  wartet nich" (the German twin of s16's haste frame), "ich will ein Foto machen", "da sieht das gleich schicker aus";
- words: "le cube qui est en haut" (the top one), "là-bas" after a superlative of distance, Italian "e poi" and colours,
  Saxon "obndruff", "uff'n", Bavarian "tuasch", "außer'm", "ab aufs Pad damit" after the cube said first, "ab in die
  Grundstellung (mit dir)", "X drauflegen" with no place (on the cube just named), "Nicht hochheben, nur schieben."
  after a question.
"""

from __future__ import annotations

import pytest
from planner_asserts import filled_moves_nothing, filled_plans
from test_translation_spoken import _TRIPLES


@pytest.mark.parametrize("triple", _TRIPLES, ids="-".join)
@pytest.mark.parametrize(("template", "spec"), [
    ("Pardon monsieur le robot, je dois passer le chiffon. Vous pouvez déplacer le cube {x} sur le côté droit ?",
     ("x>right",)),
    ("Coucou ! Désolée de te déranger, j'ai passé une nuit horrible avec ma manip, bref… tu pourrais poser le cube {x} "
     "sur le cube {y} ? Merci, t'es un amour.", ("x>y",)),
    ("Surtout, ne touchez pas au cube {y} : il est réglé au micron près. Déposez simplement le {x} dans la corbeille, "
     "s'il vous plaît.", ("x>bin",)),
    ("Bon, démo dans cinq minutes. Le cube {x} sur le pad, s'il vous plaît, et qu'on n'en parle plus.", ("x>pad",)),
    ("Allora… d'abord tu prends le cube {x} et tu le mets sur le pad, e poi… après, le cube {y}, tu le mets à gauche. "
     "Grazie mille !", ("x>pad", "y>left")),
    ("met le cube {x} dans la poubelle vite stp", ("x>bin",)),
    ("Allez, les trois cubes, tous à la poubelle ! On fait place nette comme après le coup de feu.", ("all>bin",)),
    ("Mon ami, pose le {x} sur le {y}, dêh.", ("x>y",)),
    ("Also: erst den {X} ein Stück nach links schieben, danach den {Y} drauflegen und dann zurück in die "
     "Ausgangsposition.", ("push:x:left", "y>x", "home")),
    ("Kannst du den {X} Würfel ein Stück nach rechts schieben? Nicht hochheben, nur schieben.", ("push:x:right",)),
    ("Moin moin! Den {X} Klotz mal rüber auf die linke Seite, aber zügig, die Barkasse wartet nich.", ("x>left",)),
    ("Alle Würfel aufs Pad legen, ich will ein Foto machen.", ("all>pad",)),
    ("So, Feierabend, Schicht is vorbei. Ab in die Grundstellung mit dir, tschüss denn!", ("home",)),
    ("Nu, setz ma den {X} Würfel obndruff uff'n {Y}, da sieht dos glei schicker aus.", ("x>y",)),
    ("Den {X} Würfel, ab aufs Pad damit, aber zack zack.", ("x>pad",)),
])
def test_the_families_plan_exactly(template: str, spec: tuple[str, ...], triple: tuple[str, str, str]) -> None:
    filled_plans(template, spec, triple)


@pytest.mark.parametrize("template", [
    # a reason that does not agree with the request, or stands alone
    "Mets le {x} dans la poubelle, il est réglé au micron près.",
    "Ne mets pas le {x} sur le pad, on fait place nette.",
    "Den {X} nicht aufs Pad legen, die Barkasse wartet nich.",
    "Den {X} auf die linke Seite, der Würfel wartet nicht.",
    # the new words negated, asked, reported
    "Ne mets pas le cube {x} dans la poubelle vite.",
    "Den {X} Würfel, ab aufs Pad damit? Oder nicht?",
    "Nicht den {X} drauflegen.",
    "Den {X} drauflegen?",
    "Den {X} Würfel obndruff gelegt.",
    "Tu as mis le cube {x} dans la poubelle, dêh.",
    # the small-talk frame with another sentence: read, hence refused
    "J'ai passé une nuit horrible, bref… le robot est cassé.",
])
def test_the_near_misses_move_nothing(template: str) -> None:
    filled_moves_nothing(template)
