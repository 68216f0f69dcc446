"""French and German shapes that report, describe or doubt instead of requesting (issue #17 item 5, seventeenth pass;
the A1 s16 residues, each closed as its family), and the requests beside them that still plan exactly.

- German participles without "ge-" (inseparable prefix or "-ieren": "entsorgt", "bewegt", "platziert"): after an
  object said first, with no auxiliary, "ihr" or subordinator, the participle of a report ("Den roten entsorgt.",
  "Den roten aufs Pad bewegt."), as "Den roten in den Müll gelegt." is since s16; first in its clause the same form is
  the "ihr" imperative ("Entsorgt den roten!"), which plans; asked with "?" and no "bitte" it asks whether it is done
  ("Entsorgt den roten?"). A colon does not part the participle from its object ("Den roten Würfel: entsorgt!").
  French: a subject before a participle with no auxiliary ("Tu mis le cube rouge dans la poubelle.").
- A state described with no verb of action: French "voilà"/"voici" presenting where a cube is ("Voilà le cube rouge
  dans la poubelle.", "Le rouge, voilà, dans la poubelle."), German a place in the dative ("Der rote Würfel im Müll.",
  "So, der rote auf dem Pad."); the accusative says the way to it ("Der rote Würfel in den Müll." plans).
- A bare infinitive asked ("Mettre le rouge sur le bleu ?", "Den roten in den Müll legen?") echoes a request to doubt
  it; a modal frame or "please" makes it one. The doubt "J'aimerais bien voir ça !" / "Das möchte ich sehen!" after a
  question with no modal frame ("Mets le rouge sur le bleu ? J'aimerais bien voir ça !"); after "tu pourrais ... ?"
  it is the wish to watch (fd30's seen golds), a closing.
"""

from __future__ import annotations

import pytest
from planner_asserts import filled_moves_nothing, filled_plans
from test_translation_spoken import _TRIPLES


@pytest.mark.parametrize("template", [
    # participles without ge-, a report (and its questioned, thanked, quantified, opened variants)
    "Den {X} entsorgt.",
    "Den {X} Würfel entsorgt.",
    "Den {X} aufs Pad bewegt.",
    "Den {X} auf den {Y} platziert.",
    "Den {X} Würfel schon entsorgt, danke.",
    "Den {X} entsorgt? Danke.",
    "Den {X} entsorgt, oder?",
    "Alle Würfel entsorgt.",
    "Wow, den {X} entsorgt!",
    "Super, den {X} Würfel auf die linke Seite bewegt.",
    "Den {X} nach links bewegt, und den {Y} entsorgt.",
    "Den {X} zu mir geschoben.",
    "Den {X} Würfel zum Pad geschoben.",
    # ... after a colon, a checklist (A1 s17 residue)
    "Den {X} Würfel: entsorgt!",
    "{XB}er Würfel: entsorgt.",
    # the "ihr" form first and asked (A1 s17 residue), as the bare second person ("Legst ma ...?") is
    "Entsorgt den {X}?",
    "Entsorgt den {X}, oder?",
    "Bewegt den {X} aufs Pad?",
    "Legt den {X} in den Müll?",
    # French: a subject before a participle with no auxiliary (A1 s17 H112)
    "Tu mis le cube {x} dans la poubelle.",
    "Je posé le {x} sur le {y}.",
    "Alors tu jeté le {x} ?",
    # the ge- twin, s16's closed form, still refused
    "Den {Y} auf den {X} gestapelt.",
    # a state described: French presentative
    "Voilà le cube {x} dans la poubelle.",
    "Voilà le {x} sur le {y}.",
    "Le {x}, voilà, dans la poubelle.",
    "Et voilà le cube {x} sur le pad.",
    "Voici le cube {x} dans la poubelle.",
    "Voilà le cube {x} dans la poubelle. Merci.",
    # ... German dative place
    "Der {XB}e Würfel im Müll.",
    "So, der {XB}e auf dem Pad.",
    "Der {XB}e Würfel im Müll, danke.",
    "Alle Würfel im Müll.",
    "{XB}er Würfel im Müll.",
    "{XB}er Würfel auf dem Pad, danke.",
    # ... with the adverb that only repeats the place (A1 s17 H127)
    "Der {XB}e Würfel auf dem {YB}en drauf.",
    "Der {XB}e auf dem {YB}en drauf.",
    "{XB}er Würfel auf dem {YB}en drauf.",
    "Der {XB}e Würfel im Müll drin.",
    # a bare infinitive asked
    "Mettre le {x} sur le {y} ? J'aimerais bien voir ça !",
    "Mettre le {x} sur le {y} ?",
    "Mettre le cube {x} dans la poubelle ? Merci.",
    "Et jeter le {x} ?",
    "Pousser le {x} à gauche ?",
    "Den {X} in den Müll legen?",
    "Den {X} entsorgen?",
    "Den {X} in den Müll legen, oder?",
    "Den {X} zu mir schieben?",
    "Den {X} auf den {Y} legen? Danke.",
    # the doubt after a question with no modal frame
    "Mets le {x} sur le {y} ? J'aimerais bien voir ça !",
    "Le {x} sur le {y} ? J'aimerais bien voir ça !",
    "Leg den {X} auf den {Y}? Das möchte ich sehen!",
    "Den {X} auf den {Y}? Das würde ich gern mal sehen.",
])
def test_a_report_a_state_or_a_doubting_question_is_refused(template: str) -> None:
    filled_moves_nothing(template)


@pytest.mark.parametrize("triple", _TRIPLES, ids="-".join)
@pytest.mark.parametrize(("template", "spec"), [
    # the "ihr" imperative: the same form first in its clause
    ("Entsorgt den {X}!", ("x>bin",)),
    ("Bitte entsorgt den {X} Würfel.", ("x>bin",)),
    ("Bewegt den {X} aufs Pad.", ("x>pad",)),
    ("Achtung: entsorgt den {X}!", ("x>bin",)),
    ("Entsorgt bitte den {X}?", ("x>bin",)),
    ("Platziert den {X} auf dem Pad.", ("x>pad",)),
    # the infinitive of instructions, said with a full stop
    ("Den {X} entsorgen.", ("x>bin",)),
    ("Den {X} aufs Pad bewegen.", ("x>pad",)),
    ("Mettre le {x} sur le {y}.", ("x>y",)),
    # a participle with its auxiliary (a clause of time)
    ("Nachdem du den {X} entsorgt hast, leg den {Y} aufs Pad.", ("x>bin", "y>pad")),
    # the accusative: the way to the place
    ("Der {XB}e Würfel in den Müll.", ("x>bin",)),
    ("Den {X} in den Müll.", ("x>bin",)),
    # "voilà" before or after a request with its verb
    ("Voilà, mets le cube {x} dans la poubelle.", ("x>bin",)),
    ("Mets le cube {x} dans la poubelle, voilà.", ("x>bin",)),
    # an infinitive asked with "please" or a modal frame
    ("Mettre le {x} sur le {y}, s'il te plaît ?", ("x>y",)),
    ("Den {X} bitte in den Müll legen?", ("x>bin",)),
    ("Kannst du den {X} in den Müll legen?", ("x>bin",)),
    ("Wärst du so lieb, den {X} in den Müll zu legen?", ("x>bin",)),
    # the wish to watch after a modal frame (fd30-018, fd30-038) or a statement
    ("Tu pourrais poser le {x} sur le {y} ? J'aimerais bien voir ça !", ("x>y",)),
    ("Könntest du den {X} auf den {Y} legen? Das würde ich gern mal sehen.", ("x>y",)),
    ("Mets le {x} sur le {y}. J'aimerais bien voir ça !", ("x>y",)),
])
def test_the_request_beside_them_plans_exactly(template: str, spec: tuple[str, ...],
                                               triple: tuple[str, str, str]) -> None:
    filled_plans(template, spec, triple)
