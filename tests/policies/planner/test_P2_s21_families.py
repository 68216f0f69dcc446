"""French and German families of the seen splits not read before (issue #17 item 5, twenty-first pass), each a closed
form a speaker uses again, with its negated, asked and near-miss twins refused:

- a compliment to the listener closing the request ("Merci, t'es un chou.", "t'es un amour", "vous êtes un ange";
  "Danke dir, bist 'n Schatz.", "du bist echt der MVP", "Wäre echt nice."), a closed list of nouns, never with "?";
- Haitian Creole and Quebec "ti" (petit) before the cube or its colour ("le ti cube jaune"), as "le petit vert";
- "coiffer X avec Y" (cap X with Y): Y goes on X, only as an order or after a modal ("Pourriez-vous coiffer le cube
  bleu avec le rouge ?"); "tu coiffes ...", negated or reported stay unread;
- the German twin of the showing reason ("Ich möchte ihn gleich den Gästen zeigen.") after a request that puts the cube
  elsewhere than the bin, the closed nouns of who;
- cleaning where the cubes stood as a reason after the request ("ich muss hier rechts wischen", "je dois passer la
  lavette à droite") and before it ("Excusez-moi, je dois passer la lavette ici, vous pouvez ..."); never when the
  request fills the side being cleaned.
"""

from __future__ import annotations

import pytest
from planner_asserts import filled_moves_nothing, filled_plans
from test_translation_spoken import _TRIPLES


@pytest.mark.parametrize("triple", _TRIPLES[:2], ids="-".join)
@pytest.mark.parametrize(("template", "spec"), [
    ("Tu peux me coller le cube {x} par-dessus le {y}? Ça joue, merci t'es un chou.", ("x>y",)),
    ("Mets le {x} dans la poubelle, vous êtes un ange.", ("x>bin",)),
    ("Kannst du mal eben den {X} Würfel auf den {Y} stellen? Danke dir, bist 'n Schatz.", ("x>y",)),
    ("Kannst du mal den {X} Würfel aufs Pad legen? Wäre echt nice.", ("x>pad",)),
    ("Leg den {X} in den Müll. Du bist echt der Beste.", ("x>bin",)),
    ("Mets le ti cube {x} par-dessus le {y}, mèsi.", ("x>y",)),
    ("Avant de mettre le ti cube {x} sur le pad, mets le cube {y} dans la poubelle, souple.", ("y>bin", "x>pad")),
    ("Pourriez-vous coiffer le cube {x} avec le {y}, comme un petit chapeau ?", ("y>x",)),
    ("Coiffe le {x} avec le {y}, puis mets le {z} dans la poubelle.", ("y>x", "z>bin")),
    ("Könnten Sie den {X} Würfel kurz aufs Pad legen? Ich möchte ihn gleich den Gästen zeigen.", ("x>pad",)),
    ("Leg den {X} auf den {Y}, ich möchte ihn meiner Tochter zeigen.", ("x>y",)),
    ("Räum bitte alle Würfel auf die linke Seite, ich muss hier rechts wischen.", ("all>left",)),
    ("Mets le {x} à gauche, je dois passer la lavette à droite.", ("x>left",)),
    ("Excusez-moi, je dois passer la lavette ici, vous pouvez mettre le cube {x} sur le côté gauche ?", ("x>left",)),
])
def test_the_family_plans(template: str, spec: tuple[str, ...], triple: tuple[str, str, str]) -> None:
    filled_plans(template, spec, triple)


@pytest.mark.parametrize("template", [
    # compliments keep what is asked
    # (a question with thanks after it is a polite request, HEAD's convention: "Tu mets ... ? Merci." plans; the
    # compliment alone is no thanks)
    "Tu mets le {x} dans la poubelle ? T'es un chou.",
    "Ne mets pas le {x} dans la poubelle, t'es un chou.",
    "Legst du den {X} in den Müll? Bist 'n Schatz.",
    "Leg den {X} nicht in den Müll, bist 'n Schatz.",
    "Leg den {X} aufs Pad. Wäre echt nice?",
    "Der {X} ist auf dem Pad. Wäre echt nice.",
    # "ti" is only "petit"
    "Mets le ti {x} là-bas.",
    "Ne mets pas le ti cube {x} sur le {y}.",
    # coiffer: asked, negated, reported, no colour
    "Tu coiffes le {x} avec le {y} ?",
    "Tu me coiffe le {x} avec le {y} ?",
    "Ne coiffe pas le {x} avec le {y}.",
    "Tu as coiffé le {x} avec le {y}.",
    "Coiffe le {x} avec un chapeau.",
    # the showing reason: binned, negated, asked, someone outside the closed list
    "Leg den {X} in den Müll, ich möchte ihn meiner Tochter zeigen.",
    "Leg den {X} nicht aufs Pad, ich möchte ihn meiner Tochter zeigen.",
    "Legst du den {X} aufs Pad? Ich möchte ihn meiner Tochter zeigen.",
    "Leg den {X} aufs Pad, ich möchte ihn meinem Nachbarn zeigen.",
    # cleaning: the side the request fills, negated
    "Räum bitte alle Würfel auf die rechte Seite, ich muss hier rechts wischen.",
    "Räum bitte nicht alle Würfel auf die linke Seite, ich muss hier rechts wischen.",
    "Mets le {x} à droite, je dois passer la lavette à droite.",
    "Ne mets pas le {x} à gauche, je dois passer la lavette ici.",
])
def test_the_twins_move_nothing(template: str) -> None:
    filled_moves_nothing(template)
