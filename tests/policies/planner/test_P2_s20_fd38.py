"""French and German of the personas of fresh_fr_de_38 (issue #17 item 5, twentieth pass), each a closed family a
speaker uses again, with its negated, asked and near-miss twins refused:

- reasons: the speaker's next appointment ("Danke, ich bin gleich im Meeting.", "ich muss gleich ins Meeting"), a
  rebuild ("wir baun eh neu auf") after a request, showing it to someone ("C'est pour montrer à ma fille.") after a
  request that puts the cubes elsewhere than the bin (an exception is no negation there), Quebec "lui y'est correct
  là" (it is fine where it is) after a prohibition of that cube;
- closings: "Besten Dank (für die prompte Ausführung).", "C'est pas compliqué dêh.";
- Quebec: the question particle "-tu" after a modal ("tu peux-tu me le mettre ... ?"), "parke" (park: put, a place
  said), a contrast ("Mais / Par contre") opening the sentence before the cube it takes up;
- French texting: colours spelt as said ("rouj", "jone", "oranj");
- batch 4: minutes in figures in the appointment ("j'ai cours dans 5 min"), a push with its verb last toward or away
  from the robot ("zu dir schieben", "von dir weg schieben") and how far after it ("Nur un pochino, bitte."), the
  in-the-way reason said between the cube and its request ("Le cube jaune-là, il gêne au milieu. Mets-le ..."), "on
  va voir clair" (room), Berlin "denn" (dann) before an article and "fährste" (fährst du).
"""

from __future__ import annotations

import pytest
from planner_asserts import filled_moves_nothing, filled_plans
from test_translation_spoken import _TRIPLES


@pytest.mark.parametrize("triple", _TRIPLES[:2], ids="-".join)
@pytest.mark.parametrize(("template", "spec"), [
    ("Könnten Sie den {X} obendrauf auf den {Y} setzen? Danke, ich bin gleich im Meeting.", ("x>y",)),
    ("Leg den {X} bitte aufs Pad, ich muss gleich ins Meeting.", ("x>pad",)),
    ("kannst du alle würfel in den müll räumen? wir baun eh neu auf", ("all>bin",)),
    ("Bonjour ! Tu peux mettre tous les cubes à droite, sauf le {x} ? C'est pour montrer à ma fille.", ("rest>right",)),
    ("Mets le {x} sur le pad, c'est pour le montrer à mon fils.", ("x>pad",)),
    ("Bitte sämtliche Würfel ausser dem {X} auf die linke Seite bringen. Besten Dank für die prompte Ausführung.",
     ("rest>left",)),
    ("Touche pas au bloc {x}, lui y'est correct là. Mais le {y}, tu peux-tu me le mettre su'l côté gauche, mon chum ?",
     ("y>left",)),
    ("Ne touche pas au {x}. Par contre le {y}, pose-le sur le pad.", ("y>pad",)),
    ("Mets le {x} dans la poubelle. C'est pas compliqué dêh.", ("x>bin",)),
    ("Parke-moi le {x} su'l pad.", ("x>pad",)),
    # batch 4: minutes in figures in the appointment, a verb-final push toward or away from the robot and how far,
    # the reason said between the cube and its request (in the way), Berlin "denn" (dann) and "fährste"
    ("tu peux poser le {x} sur le pad ? j'ai cours dans 5 min", ("x>pad",)),
    ("Kannst du den {X} Würfel ein bisschen zu dir schieben? Nur un pochino, bitte.", ("push:x:backward",)),
    ("Kannst du den {X} Würfel von dir weg schieben?", ("push:x:forward",)),
    ("Le cube {x}-là, il gêne au milieu dêh. Mets-le du côté gauche, on va voir clair.", ("x>left",)),
    ("Den {X} Würfel, der steht im Weg. Schieb ihn nach links.", ("push:x:left",)),
    ("Pass uff: erst den {X} Würfel uff den {Y}, denn den {Z} nach rechts schieben, und danach fährste zurück in die "
     "Home-Position. Feierabend, wa.", ("x>y", "push:z:right", "home")),
])
def test_the_family_plans(template: str, spec: tuple[str, ...], triple: tuple[str, str, str]) -> None:
    filled_plans(template, spec, triple)


def test_colours_spelt_as_said() -> None:
    filled_plans("mets le cub rouj sur le {y} stp mercii", ("x>y",), ("red", "blue", "green"))
    filled_plans("mets le cube jone sur le {y}", ("x>y",), ("yellow", "red", "purple"))


@pytest.mark.parametrize("template", [
    # reasons never make a negation, a question or the wrong place a request
    "Leg den {X} nicht aufs Pad, ich muss gleich ins Meeting.",
    "Du hast den {X} aufs Pad gelegt. Danke, ich bin gleich im Meeting.",
    "Tu peux mettre tous les cubes dans la poubelle, sauf le {x} ? C'est pour montrer à ma fille.",
    "Ne mets pas le {x} à droite. C'est pour montrer à ma fille.",
    "Mets le {x} à droite. C'est pour montrer à mon voisin du dessus.",
    "Mets le {x} sur le pad, lui y'est correct là.",
    # closings: asked or after a negation
    "Mets le {x} dans la poubelle. C'est pas compliqué dêh ?",
    "Ne mets pas le {x} dans la poubelle. C'est pas compliqué dêh.",
    "Leg den {X} nicht auf die linke Seite. Besten Dank.",
    # the particle and the contrast keep what is asked
    "Tu peux-tu ne pas mettre le {x} su'l pad ?",
    "Ne touche pas au {x}. Mais le {x}, mets-le sur le pad.",
    "Parke-moi le {x}.",
    # batch 4 twins
    "tu peux poser le {x} sur le pad dans 5 min ? j'ai cours",
    "ne pose pas le {x} sur le pad ? j'ai cours dans 5 min",
    "Kannst du den {X} Würfel nicht zu dir schieben?",
    "Kannst du den {X} Würfel zu dir schieben? Nur ein bisschen?",
    "Kannst du den {X} Würfel in den Müll legen? Nur un pochino, bitte.",
    "Le cube {x}, il gêne au milieu. Ne le mets pas du côté gauche.",
    "Le cube {x}, il gêne au milieu. Mets le {y} du côté gauche.",
    "Le cube {x}, il gêne au milieu. Tu le mets du côté gauche ?",
    "Ne mets pas le {x} du côté gauche, on va voir clair.",
    "Fährste zurück in die Home-Position?",
])
def test_the_twins_move_nothing(template: str) -> None:
    filled_moves_nothing(template)
