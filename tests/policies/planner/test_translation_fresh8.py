"""French and German classes the seventh and eighth fresh splits refused (issue #17 item 5, seventh pass), read as
classes: a cube its colour names described by where it lies ("le jaune qui est juste à côté", "den gelben, der gleich
daneben liegt"), the wish "j'aimerais bien que tu prennes X et que tu le poses ...", "erst nachdem"/"seulement après"
(only after), a verbless quantifier with its exclusion ("alle Würfel außer dem blauen bitte auf die linke Seite"),
"ich hätte da mal eine kleine Bitte:", "das wäre super", typed politeness ("bitee"), a relative clause said after the
place ("leg den Würfel aufs Pad, der nicht rot ist"), "le jaune, tu me le mets ...", "schieb X von dir weg", a tower
said from the top down ("darunter", "en dessous"). Each plans exactly over colour triples; its negated forms never
run; a tower whose relative levels go against its direction is refused.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import test_translation_adversarial as adversarial
import test_translation_spoken as spoken
from test_translation_spoken import _PLANNER, _TRIPLES, _expected, _fill, _negated_at_each_verb, _scene

from policies.planner import Clarification, Plan, SceneState, make_planner

_PLANS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # a cube its colour names, described by where it lies, with no landmark: the description is dropped
    ("Pose le cube {x} sur le {y}, mais sans toucher au {z} qui est juste à côté.", ("x>y",)),
    ("Mets le {x} qui est juste à côté dans la poubelle.", ("x>bin",)),
    ("Pose le cube {x} qui se trouve là sur le {y}.", ("x>y",)),
    ("Leg den {X} Würfel auf den {Y}, aber ohne den {Z}, der gleich daneben liegt, zu berühren.", ("x>y",)),
    ("Leg den {X}, der direkt daneben steht, in den Eimer.", ("x>bin",)),
    # the wish said again before each coordinated verb, its politeness around it
    ("J'aimerais bien que tu prennes le cube {x} et que tu le poses sur le {y}.", ("x>y",)),
    ("Je voudrais que vous preniez le cube {x} et que vous le posiez dans le bac.", ("x>bin",)),
    ("Je voudrais que tu mettes le {x} dans le bac, puis que tu poses le {y} sur le {z}.", ("x>bin", "y>z")),
    ("Bonjour ! Alors voilà, si ça ne te dérange pas trop, mets le cube {x} dans la poubelle. Merci beaucoup, t'es "
     "un amour !", ("x>bin",)),
    # "only after": the order is the "after" alone
    ("Wirf den {X} in den Mülleimer, aber erst nachdem du den {Y} Würfel auf den {Z} gelegt hast.", ("y>z", "x>bin")),
    ("Erst nachdem du den {Y} Würfel auf den {Z} gelegt hast, wirf den {X} in den Eimer.", ("y>z", "x>bin")),
    ("Leg den {X} erst in den Eimer, nachdem du den {Y} auf den {Z} gelegt hast.", ("y>z", "x>bin")),
    ("Jette le {x} à la poubelle, mais seulement après avoir posé le {y} sur le {z}.", ("y>z", "x>bin")),
    # a verbless quantifier with its exclusion
    ("Alle Würfel außer dem {X} bitte auf die linke Seite.", ("rest>left",)),
    ("Sämtliche Würfel außer dem {X} bitte in den Eimer.", ("rest>bin",)),
    # "ich hätte da mal eine kleine Bitte:", "das wäre super"
    ("Guten Morgen! Ich hätte da mal eine kleine Bitte: Wenn Sie gerade Zeit haben, würden Sie den {X} Würfel auf "
     "den {Y} setzen? Das wäre super, vielen Dank!", ("x>y",)),
    ("Eine Bitte noch: leg den {X} Würfel in den Eimer. Das wäre echt nett.", ("x>bin",)),
    # politeness typed in a hurry
    ("leg den {X} wüfel in den mülleimer bitee", ("x>bin",)),
    ("Leg den {X} Würfel bittte aufs Pad.", ("x>pad",)),
    # a relative clause said after the place, taken back to its noun
    ("Kannst du den Würfel in den Eimer legen, der {YB} ist?", ("y>bin",)),
    ("Leg bitte den Würfel aufs Pad, der {ZB} ist.", ("z>pad",)),
    # left dislocation with "me" before the pronoun
    ("Le {x}, tu me le mets sur le pad.", ("x>pad",)),
    ("La brique {xf}, tu me la mets dans le bac.", ("x>bin",)),
    # pushed away from the robot
    ("Schieb den {X} Würfel ein Stück von dir weg.", ("push:x:forward",)),
    ("Schieb den {X} Würfel vom Roboter weg.", ("push:x:forward",)),
    # a tower said from the top down, or one level "on it"
    ("Bau einen Turm: ganz oben {XB}, darunter {YB}, ganz unten {ZB}.", ("y>z", "x>y")),
    ("Bau einen Turm: oben der {X}, darunter der {Y}, darunter der {Z}.", ("y>z", "x>y")),
    ("Fais une tour : le {x} en haut, en dessous le {y}, puis le {z} tout en bas.", ("y>z", "x>y")),
    ("Fais une tour : le {z} en bas, le {y} dessus, puis le {x} en haut.", ("y>z", "x>y")),
    # an order word said after its clause's object leads its clause
    ("Leg den {Y} Würfel zuerst aufs Pad, dann den {X} in den Eimer.", ("y>pad", "x>bin")),
    ("Leg den {X} Würfel in den Eimer, aber leg den {Y} zuerst aufs Pad.", ("y>pad", "x>bin")),
    ("Den {Y} legst du zuerst aufs Pad, dann den {X} in den Eimer.", ("y>pad", "x>bin")),
    ("Leg den {Y} aufs Pad und den {X} zuletzt in den Eimer.", ("y>pad", "x>bin")),
    ("Mets le {y} d'abord sur le pad, puis le {x} dans le bac.", ("y>pad", "x>bin")),
    ("Mets le cube {x} dans la poubelle, mais pose le cube {y} sur le pad d'abord.", ("y>pad", "x>bin")),
    ("Pose le {y} sur le pad en premier, puis le {x} dans le bac.", ("y>pad", "x>bin")),
    # "aber (nicht) den X (nicht)": after every cube an exclusion, after one cube a constraint
    ("Leg alle Würfel in den Eimer, aber den {X} nicht.", ("rest>bin",)),
    ("Leg alle Würfel in den Eimer, aber nicht den {X}.", ("rest>bin",)),
    ("Leg den {Y} in den Eimer, aber den {X} nicht.", ("y>bin",)),
    # the pad's names with their colour or "cible"; pointing and fillers; "tu me mets"; "ce serait super si"
    ("Range le cube {x} sur la zone cible.", ("x>pad",)),
    ("Dépose le {x} sur le tapis blanc.", ("x>pad",)),
    ("Leg den {X} auf die weiße Fläche.", ("x>pad",)),
    ("Le cube {x}, là, mets-le sur le tapis.", ("x>pad",)),
    ("Tu me mets le {x} dans le bac ? Merci.", ("x>bin",)),  # the "me" alone asks since the fifteenth pass (H77)
    ("Ce serait super si tu pouvais mettre le {x} dans la poubelle.", ("x>bin",)),
    ("Bon ben, jette le {x} quoi.", ("x>bin",)),
    ("Tu den {X} in den Eimer, ja?", ("x>bin",)),
    ("Guten Abend, könnten Sie bitte den {X} Würfel in den Eimer legen? Vielen Dank im Voraus.", ("x>bin",)),
    ("Leg mir mal den {X} aufs Pad.", ("x>pad",)),
    ("Kannst du mir den {X} Würfel in den Eimer schmeißen?", ("x>bin",)),
    # the object said after its place
    ("Mets à la poubelle le cube {x}.", ("x>bin",)),
    ("Pose sur le {y} le cube {x}.", ("x>y",)),
    ("Stell auf das Pad den {X} Würfel.", ("x>pad",)),
    # the cube as the subject of "aller", the state wished for
    ("Tous les cubes sauf le {x} vont dans la poubelle.", ("rest>bin",)),
    ("Le {x} va sur le pad.", ("x>pad",)),
    ("Alle Würfel außer dem {X} und dem {Y} kommen in den Eimer.", ("z>bin",)),
    ("Ich möchte, dass der {X} Würfel auf dem {Y} liegt.", ("x>y",)),
    # bin idioms: "weg mit", "ab in den Müll mit", a separable verb closing a list of objects
    ("Weg mit dem {X} Würfel.", ("x>bin",)),
    ("Ab in den Müll mit dem {X} Würfel!", ("x>bin",)),
    ("Wirf den {X} und den {Y} weg.", ("x>bin", "y>bin")),
    # a push whose verb closes the clause; "avant de jeter"
    ("Den {X} bitte ganz nach rechts schieben.", ("push:x:right",)),
    ("Den {X} nach links schieben.", ("push:x:left",)),
    ("Avant de jeter le {x}, pose le {y} sur le pad.", ("y>pad", "x>bin")),
    ("Après avoir jeté le {x}, pose le {y} sur le pad.", ("x>bin", "y>pad")),
    ("Fais une pile : le {z}, puis le {y} par-dessus, puis le {x} tout en haut.", ("y>z", "x>y")),
    # toward and away from the robot
    ("Pousse le {x} loin de toi.", ("push:x:forward",)),
    ("Schieb den {X} zu dir her.", ("push:x:backward",)),
    # a plural dislocated object and its plural pronoun
    ("Le {x} et le {y}, tu les mets dans la poubelle.", ("x>bin", "y>bin")),
    # verbless clauses with "à la", a discard repeated through "puis", "mets tout" (everything) on a side
    ("Le {x} à la poubelle, le {y} sur le pad.", ("x>bin", "y>pad")),
    ("Jette le {x} puis le {y} puis le {z}.", ("x>bin", "y>bin", "z>bin")),
    ("Mets tout à gauche sauf le {x}.", ("rest>left",)),
    ("Mets le {x} dans la partie droite de la table.", ("x>right",)),
    # "ta position" alone, "retour à la maison"
    ("D'abord le {x} dans la poubelle, ensuite le {y} sur le {z}, et pour finir retourne à ta position.",
     ("x>bin", "y>z", "home")),
    ("Retour à la maison !", ("home",)),
    # German relatives on a side and a landmark, "einen der Würfel" (asked below), "darfst du", openers, "Hälfte"
    ("Wirf alles weg bis auf den {X}.", ("rest>bin",)),
    ("Den {X} darfst du in den Eimer werfen.", ("x>bin",)),
    ("Würdest du so nett sein und den {X} Würfel in den Eimer legen?", ("x>bin",)),
    ("Hey Robo, leg mal den {X} in den Eimer.", ("x>bin",)),
    ("Also, pass auf: Leg den {X} in den Eimer.", ("x>bin",)),
    ("Kurze Bitte: den {X} in den Eimer.", ("x>bin",)),
    ("Mach bitte Folgendes: leg den {X} in den Eimer.", ("x>bin",)),
    ("Pack den {X} oben drauf auf den {Y}.", ("x>y",)),
    ("Leg den {X} auf die linke Hälfte.", ("x>left",)),
    ("Robot, mets le {x} dans la poubelle.", ("x>bin",)),
    # a separable verb closing a list said with "dann"; "the same with" another cube
    ("Wirf den {X}, dann den {Y}, dann den {Z} weg.", ("x>bin", "y>bin", "z>bin")),
    ("Mets le {x} dans la poubelle, puis fais pareil avec le {y}.", ("x>bin", "y>bin")),
    ("Mets le {x} sur le pad, pareil pour le {y}.", ("x>pad", "y>pad")),
    ("Leg den {X} in den Eimer und mach dasselbe mit dem {Y}.", ("x>bin", "y>bin")),
    ("Schieb den {X} nach links und dann genauso mit dem {Y}.", ("push:x:left", "push:y:left")),
    # a verbless clause after a push is a push (it was read as a put onto the side)
    ("Schieb den {X} nach links und den {Y} nach rechts.", ("push:x:left", "push:y:right")),
    ("Schieb den {X} nach links, dann den {Y} in den Eimer.", ("push:x:left", "y>bin")),
    ("Schieb den {X} nach links, dann den {Y} nach rechts und den {Z} nach vorne.",
     ("push:x:left", "push:y:right", "push:z:forward")),
    # fillers and closings, participles, the state wished for after a politeness question
    ("Allez, hop, le {x} direct à la poubelle !", ("x>bin",)),
    ("Après avoir rangé le {x} dans le bac, mets le {y} sur le {z}.", ("x>bin", "y>z")),
    ("Coucou le robot ! J'aurais besoin que tu mettes le {x} dans la poubelle, s'il te plaît. Bisous !", ("x>bin",)),
    ("Hallo! Hätten Sie kurz Zeit? Ich bräuchte den {X} Würfel auf dem {Y}. Vielen Dank!", ("x>y",)),
    ("Leg den {X} in den Eimer. Tschüss!", ("x>bin",)),
    # a long side or home word typed with one letter wrong
    ("Schieb den {X} Würfel nach rechst.", ("push:x:right",)),
    ("Pousse le cube {x} vers la driote.", ("push:x:right",)),
    ("Leg den {X} auf die linek Seite und fahr dann zurück in die Ausgangspositon.", ("x>left", "home")),
    # pleasantries as sentences of their own, openers, "ce serait possible de", "wäre es möglich, ... zu legen"
    ("Bonjour, j'espère que tu vas bien ! Pourrais-tu mettre le cube {x} dans la poubelle ? Merci d'avance !",
     ("x>bin",)),
    ("Salut mon petit robot, tu veux bien poser le {x} sur le {y} ? Ce serait vraiment sympa.", ("x>y",)),
    ("Bonjour ! Dis-moi, est-ce que ce serait possible de mettre le cube {x} sur le pad ? Merci mille fois !",
     ("x>pad",)),
    ("Coucou ! Alors, aujourd'hui j'aimerais que tu ranges le cube {x} dans le bac. Merci !", ("x>bin",)),
    ("Excuse-moi de te déranger, mais tu pourrais jeter le {x} à la poubelle ?", ("x>bin",)),
    ("Hello ! Petite demande : mets le {x} sur le {y}, s'il te plaît.", ("x>y",)),
    ("Je te serais reconnaissant de poser le {x} sur le pad.", ("x>pad",)),
    ("Hallo! Ich hoffe, es geht dir gut. Könntest du bitte den {X} Würfel in den Eimer legen? Danke im Voraus!",
     ("x>bin",)),
    ("Hey, kleiner Roboter! Würdest du mir den {X} Würfel auf den {Y} stellen? Das wäre echt lieb.", ("x>y",)),
    ("Guten Morgen! Wäre es möglich, den {X} Würfel aufs Pad zu legen? Vielen Dank!", ("x>pad",)),
    ("Servus! Heute hätte ich gern, dass du den {X} Würfel in die Kiste legst. Danke!", ("x>bin",)),
    ("Entschuldigung, könntest du den {X} Würfel bitte in den Müll werfen?", ("x>bin",)),
    ("Ich wäre dir sehr dankbar, wenn du den {X} Würfel aufs Pad legen könntest.", ("x>pad",)),
)


@pytest.mark.parametrize("triple", _TRIPLES, ids="-".join)
@pytest.mark.parametrize(("template", "spec"), _PLANS, ids=[t for t, _ in _PLANS])
def test_a_seventh_pass_construction_plans_exactly(template: str, spec: tuple[str, ...],
                                                   triple: tuple[str, str, str]) -> None:
    spoken.test_spoken_french_and_german_plans_exactly(template, spec, triple)


# Requests said without a verb of the lexicon (verbless, "aller", "kommen", "liegen", "weg mit"): their negations are
# written out in _NEVER_PLANNED.
_NO_LEXICON_VERB = frozenset({
    "Alle Würfel außer dem {X} bitte auf die linke Seite.", "Sämtliche Würfel außer dem {X} bitte in den Eimer.",
    "Tous les cubes sauf le {x} vont dans la poubelle.", "Le {x} va sur le pad.",
    "Alle Würfel außer dem {X} und dem {Y} kommen in den Eimer.", "Ich möchte, dass der {X} Würfel auf dem {Y} liegt.",
    "Weg mit dem {X} Würfel.", "Ab in den Müll mit dem {X} Würfel!", "Le {x} à la poubelle, le {y} sur le pad.",
    "Retour à la maison !", "Kurze Bitte: den {X} in den Eimer.",
    "Hallo! Hätten Sie kurz Zeit? Ich bräuchte den {X} Würfel auf dem {Y}. Vielen Dank!",
    "Mets le {x} sur le pad, pareil pour le {y}."})


@pytest.mark.parametrize(("template", "spec"), _PLANS, ids=[t for t, _ in _PLANS])
def test_each_verb_of_a_seventh_pass_construction_negated_never_runs(template: str, spec: tuple[str, ...]) -> None:
    x, y, z = _TRIPLES[0]
    text = _fill(template, x, y, z)
    # the helper reads lower-case verbs: a verb that opens a sentence is negated too
    negated = _negated_at_each_verb(text.lower())
    assert negated or template in _NO_LEXICON_VERB, template  # negated in _NEVER_PLANNED
    for text in negated:
        result = _PLANNER.plan(text, _scene(x, y, z))
        assert not isinstance(result, Plan), (text, result)


# Each class negated where people say the negation, or garbled where the new reading must not guess.
_NEVER_PLANNED = (
    "Ne mets pas le {x} qui est juste à côté dans la poubelle.",
    "Leg den {X}, der direkt daneben steht, nicht in den Eimer.",
    "Mets le {x} juste à côté.",  # no "qui": a destination next to something unsaid, not a description
    "J'aimerais bien que tu ne prennes pas le cube {x} et que tu le poses sur le {y}.",
    "J'aimerais bien que tu prennes le cube {x} et que tu ne le poses pas sur le {y}.",
    "J'aimerais bien que tu prennes le cube {x} et que tu le poses pas sur le {y}.",
    "Si ça ne te dérange pas trop, ne mets pas le cube {x} dans la poubelle.",
    "Si ça te dérange pas trop, mets pas le cube {x} dans la poubelle.",
    "Wirf den {X} nicht in den Mülleimer, aber erst nachdem du den {Y} Würfel auf den {Z} gelegt hast.",
    "Wirf den {X} in den Mülleimer, aber erst nachdem du den {Y} Würfel nicht auf den {Z} gelegt hast.",
    "Erst nachdem du den {Y} Würfel auf den {Z} gelegt hast, wirf den {X} nicht in den Eimer.",
    "Ne jette pas le {x} à la poubelle, mais seulement après avoir posé le {y} sur le {z}.",
    "Alle Würfel außer dem {X} bitte nicht auf die linke Seite.",
    "Nicht alle Würfel außer dem {X} bitte in den Eimer.",
    "Ich hätte da mal eine kleine Bitte: würden Sie den {X} Würfel nicht auf den {Y} setzen? Das wäre super.",
    "Eine Bitte noch: leg den {X} Würfel nicht in den Eimer. Das wäre echt nett.",
    "leg den {X} wüfel nicht in den mülleimer bitee",
    "Kannst du den Würfel nicht in den Eimer legen, der {YB} ist?",
    "Le {x}, tu ne me le mets pas sur le pad.",
    "Le {x}, tu me le mets pas sur le pad.",
    "Le {x}, tu me la mets sur le pad.",  # the pronoun does not agree: what it stands for is not guessed
    "Schieb den {X} Würfel nicht von dir weg.",
    "Leg den {X} Würfel von dir weg.",  # only a push goes "away"
    "Bau keinen Turm: ganz oben {XB}, darunter {YB}, ganz unten {ZB}.",
    "Ne fais pas de tour : le {x} en haut, en dessous le {y}, puis le {z} tout en bas.",
    # relative levels against the tower's direction: "below" the bottom, "on" the top
    "Bau einen Turm: ganz unten {XB}, darunter {YB}, ganz oben {ZB}.",
    "Bau einen Turm: ganz oben der {X}, darauf der {Y}, ganz unten der {Z}.",
    "Bau einen Turm: darauf der {X}, ganz unten der {Y}.",
    "Fais une tour : le {x} en bas, en dessous le {y}, puis le {z} en haut.",
    "Mets le {x} et le {y} d'abord dans le bac, puis le {z} sur le tapis.",  # "first" inside a list: not guessed
    "Leg nicht alle Würfel in den Eimer, aber den {X} nicht.",
    "Leg den {Y} aufs Pad, den {X} nicht in den Eimer.",
    # a negation of nothing takes back what was said before it (A1 session 7, F3): never the first request
    "Mets le cube {x} dans la poubelle, pas ça, le {y}.",
    "Mets le {x} dans la poubelle, pas le, le {y}.",
    "Mets le {x} dans la poubelle, pas cela, le {y}.",
    "Mets le {x} dans la poubelle, pas un, le {y}.",
    "Mets le {x} dans la poubelle, pas, le {y}.",
    "Leg den {X} Würfel in den Eimer, nicht den, den {Y}.",
    "Leg den {X} Würfel in den Eimer, nicht das, den {Y}.",
    "Leg den {X} Würfel in den Eimer, nicht diesen, den {Y}.",
    "Leg den {X} in den Eimer, doch nicht, den {Y}.",
    "Leg den {X} in den Eimer, nicht, den {Y}.",
    "Leg den {X} in den Eimer, aber bitte nicht.",
    "Ne mets pas à la poubelle le cube {x}.",
    "Tous les cubes sauf le {x} ne vont pas dans la poubelle.",
    "Le {x} ne va pas sur le pad.",
    "Ce serait super si tu pouvais ne pas mettre le {x} dans la poubelle.",
    "Tu ne me mets pas le {x} dans le bac ?",
    "Tu me jettes le {x} ?",  # thrown to the speaker, not the bin idiom
    "Wirf mir den {X} Würfel.",
    "Wirf den {X} Würfel auf den {Y}.",  # a throw onto a cube is no bin idiom
    "Wirf den {X} und den {Y} nicht weg.",
    "Stell nicht auf das Pad den {X} Würfel.",
    "Ich möchte, dass der {X} Würfel nicht auf dem {Y} liegt.",
    "Ich möchte nicht, dass der {X} Würfel auf dem {Y} liegt.",
    "Den {X} nicht nach links schieben.",
    "Avant de ne pas jeter le {x}, pose le {y} sur le pad.",
    "Tu den {X} nicht in den Eimer, ja?",
    "Weg mit dem {X} Würfel nicht.",
    "Ab in den Müll mit dem {X} Würfel nicht!",
    "Alle Würfel außer dem {X} und dem {Y} kommen nicht in den Eimer.",
    "Le {x} ne va jamais sur le pad.",
    # "but" and a cube with nothing more (A1 s7 F9): unfinished, never "but not"
    "Leg alle Würfel in den Eimer, aber den {X}.",
    "Mets tous les cubes dans la poubelle, mais le {x}.",
    # a pronoun right after a negated clause names the negated cube (A1 s7 F9)
    "Je ne voudrais pas que tu prennes le {x} et que tu le mettes dans la poubelle.",
    "Je voudrais que tu ne prennes pas le {x} et que tu le mettes dans la poubelle.",
    # the speaker's place for a put is not known (A1 s7 F7); a push toward the speaker is backward since the
    # seventeenth pass, as English reads "push it towards me" (test_P2_s17_speaker)
    "Mets le {x} vers moi.",
    "Leg den {X} zu mir.",
    "Schieb den {X} Würfel von mir weg.",
    # a pronoun after a clause about several cubes, or a plural pronoun for one cube (A1 s7 F10)
    "Jette tous les cubes sauf le {x}, puis mets-le sur le pad.",
    "Jette tous les cubes sauf le {x}, puis mets-les sur le pad.",
    "Wirf alle Würfel außer dem {X} weg und leg ihn dann aufs Pad.",
    "Prends le {x} et les mets dans le bac.",
    "Le {x}, tu les mets dans la poubelle.",
    "Ne jette pas le {x} puis le {y}.",
    "Le {x} pas à la poubelle, le {y} sur le pad.",
    "Ne retourne pas à ta position.",
    "Mets pas tout à gauche sauf le {x}.",
    "Ne retourne jamais à la maison !",
    # spoken "ne ... plus" without "ne" (A1 s7 F13)
    "Mets plus le {x} dans la poubelle.",
    "Mets le {y} sur le pad, puis mets plus le {x} dans la poubelle.",
    "Tu mets plus le {x} dans la poubelle.",
    "Den {X} darfst du niemals in den Eimer werfen.",
    "Wirf alles nicht weg bis auf den {X}.",
    "Wirf den {X}, dann den {Y} nicht weg.",
    # "the same" after a negation, negated itself, or after more than one clause
    "Ne mets pas le {x} dans la poubelle et fais pareil avec le {y}.",
    "Mets le {x} dans la poubelle et ne fais pas pareil avec le {y}.",
    "Leg den {X} nicht in den Eimer und mach dasselbe mit dem {Y}.",
    "Mets le {x} dans le bac, le {z} sur le pad et fais pareil avec le {y}.",
    "Schieb den {X} nicht nach links und den {Y} nach rechts.",  # the second clause may share the negation
    "Schieb den {X} nach links und den {Y} nicht nach rechts.",
    "Ich bräuchte den {X} Würfel nicht auf dem {Y}.",
    "Le {x} direct pas à la poubelle !",
    "Leg den {X} auf die linse Seite.",  # a word of its own is never a side
    "Bonjour, j'espère que tu vas bien ! Ne mets pas le cube {x} dans la poubelle.",
    "Est-ce que ce serait possible de ne pas mettre le cube {x} sur le pad ?",
    "Wäre es möglich, den {X} Würfel nicht aufs Pad zu legen?",
    "Ich wäre dir sehr dankbar, wenn du den {X} Würfel nicht aufs Pad legen könntest.",
    "Entschuldigung, könntest du den {X} Würfel bitte nicht in den Müll werfen?",
    "Schieb den {X} nach noch links und den {Y} nach rechts.",  # garbled: the verbless side is not guessed a put
    # "the same" after two requests: which one is unclear (A1 s7 F20)
    "Mets le {x} dans la poubelle et pose le {z} sur le pad, fais pareil avec le {y}.",
    "Leg den {X} in den Eimer und den {Z} aufs Pad, mach dasselbe mit dem {Y}.",
)


@pytest.mark.parametrize("triple", _TRIPLES[:2], ids="-".join)
@pytest.mark.parametrize("template", _NEVER_PLANNED)
def test_a_seventh_pass_construction_negated_or_garbled_never_runs(template: str,
                                                                    triple: tuple[str, str, str]) -> None:
    spoken.test_a_negated_spoken_construction_never_runs(template, triple)


@pytest.mark.parametrize("triple", _TRIPLES[:2], ids="-".join)
@pytest.mark.parametrize("template", [
    "Pose le cube {y} sur le {z}, mais sans toucher au {x} qui est juste à côté.",
    "Leg den {Y} Würfel in den Eimer, aber ohne den {X}, der gleich daneben liegt, anzufassen.",
])
def test_a_described_cube_in_a_constraint_stays_untouched(template: str, triple: tuple[str, str, str]) -> None:
    x, y, z = triple
    text = _fill(template, x, y, z)
    result = _PLANNER.plan(text, _scene(x, y, z))
    assert isinstance(result, Plan), (text, result)
    assert f"{x}_cube" not in {v for s in result.steps for v in s.args.values()}, (text, result)


@pytest.mark.parametrize("triple", _TRIPLES, ids="-".join)
def test_a_relative_clause_after_the_place_names_the_cube_or_asks(triple: tuple[str, str, str]) -> None:
    """"Leg bitte den Würfel aufs Pad, der nicht X ist": asked between the two others, planned with one other, never
    planned negated; after a second cube named by its colour the relative may be that cube's, so it is not moved."""
    x, y, z = triple
    text = _fill("Leg bitte den Würfel aufs Pad, der nicht {XB} ist.", x, y, z)
    asked = _PLANNER.plan(text, _scene(x, y, z))
    assert isinstance(asked, Clarification) and set(asked.candidates) == {f"{y}_cube", f"{z}_cube"}, (text, asked)
    one = _PLANNER.plan(text, _scene(x, y))
    assert isinstance(one, Plan) and [str(s) for s in one.steps] == _expected(("y>pad",), x, y, z), (text, one)
    negated = text.replace("aufs Pad", "nicht aufs Pad")
    assert not isinstance(_PLANNER.plan(negated, _scene(x, y)), Plan), negated
    attached = _fill("Leg den Würfel auf den {Y}, der nicht {XB} ist.", x, y, z)
    assert not isinstance(_PLANNER.plan(attached, _scene(x, y, z)), Plan), attached


@pytest.mark.parametrize("triple", _TRIPLES, ids="-".join)
def test_a_wish_with_two_requests_keeps_each_negation_to_its_own_clause(triple: tuple[str, str, str]) -> None:
    """"J'aimerais que tu mettes X sur Y et que tu retournes ...": both run; with one of the two negated, the other
    alone may run, never the negated one."""
    x, y, z = triple
    both = "J'aimerais que tu mettes le {x} sur le {y} et que tu retournes à ta position de départ."
    result = _PLANNER.plan(_fill(both, x, y, z), _scene(x, y, z))
    assert isinstance(result, Plan) and [str(s) for s in result.steps] == _expected(("x>y", "home"), x, y, z)
    for negated, allowed in (
            (both.replace("tu mettes", "tu ne mettes pas"), ("home",)),
            (both.replace("tu mettes", "tu mettes pas"), ("home",)),
            (both.replace("tu retournes", "tu ne retournes pas"), ("x>y",)),
            (both.replace("tu retournes", "tu retournes pas"), ("x>y",))):
        result = _PLANNER.plan(_fill(negated, x, y, z), _scene(x, y, z))
        assert not isinstance(result, Plan) or [str(s) for s in result.steps] == _expected(allowed, x, y, z), (
            negated, result)


DATA = Path(__file__).resolve().parents[3] / "policies" / "planner" / "data"
# Exact match of the parser on the seventh and eighth French/German splits after this pass (0.825 and 0.9 before it);
# a floor, never lowered.
SPLIT_FLOORS = {"fresh_fr_de_7": 1.0, "fresh_fr_de_8": 1.0}


@pytest.mark.parametrize("split", sorted(SPLIT_FLOORS))
def test_the_seventh_and_eighth_split_never_run_a_wrong_plan(split: str) -> None:
    from bench.planner import run_backend

    recs = [json.loads(line) for line in (DATA / f"{split}.jsonl").read_text().splitlines() if line.strip()]
    assert len(recs) >= 40 and {r["split"] for r in recs} == {split}
    scores = run_backend(make_planner("parser"), recs, split, max_failures=len(recs))["splits"][split]
    assert scores["false_executions"] == 0 and scores["wrong_plans"] == 0, scores
    assert scores["exact_match"] >= SPLIT_FLOORS[split], scores


# Red leftmost and nearest the robot's base, blue right of it, green farthest right.
_ROW = {"objects": [{"name": "red_cube", "kind": "cube", "color": "red", "position": [0.40, 0.20, 0.022]},
                    {"name": "blue_cube", "kind": "cube", "color": "blue", "position": [0.50, 0.05, 0.022]},
                    {"name": "green_cube", "kind": "cube", "color": "green", "position": [0.55, -0.10, 0.022]}],
        "regions": ["left", "right", "bin", "pad"]}


@pytest.mark.parametrize(("text", "expected"), [
    ("Mets le cube qui est à gauche du bleu dans la poubelle.", ["pick(object=red_cube)", "place_in(region=bin)"]),
    ("Jette celui qui est tout à gauche.", ["pick(object=red_cube)", "place_in(region=bin)"]),
    ("Mets le cube qui est à droite du bleu sur le pad.", ["pick(object=green_cube)", "place_in(region=pad)"]),
    ("Leg den Würfel, der links vom blauen liegt, in den Eimer.", ["pick(object=red_cube)", "place_in(region=bin)"]),
])
def test_a_cube_named_by_where_it_lies_in_a_relative_clause(text: str, expected: list[str]) -> None:
    result = _PLANNER.plan(text, SceneState.from_json(_ROW))
    assert isinstance(result, Plan) and [str(s) for s in result.steps] == expected, (text, result)
    negated = text.replace("Mets le", "Ne mets pas le").replace("Jette", "Ne jette pas").replace(
        "in den Eimer", "nicht in den Eimer")
    assert not isinstance(_PLANNER.plan(negated, SceneState.from_json(_ROW)), Plan), negated
    for one_of in ("Mets un des cubes sur le pad.", "Leg einen der Würfel aufs Pad."):
        asked = _PLANNER.plan(one_of, SceneState.from_json(_ROW))
        assert isinstance(asked, Clarification), (one_of, asked)


_FRENCH_TEMPLATES = [t for t, _ in (*spoken._PLANS, *_PLANS) if spoken.language_of(_fill(t, *_TRIPLES[0])) == "fr"]


@pytest.mark.parametrize("template", _FRENCH_TEMPLATES)
def test_spoken_no_more_after_any_french_verb_never_runs(template: str) -> None:
    """Spoken "mets plus le rouge ..." (ne ... plus without "ne"; A1 s7 F13: "plus" was corrected into "pls", please)
    after each verb of every French construction, sixth pass and this one."""
    x, y, z = _TRIPLES[0]
    text = _fill(template, x, y, z)
    for m in re.finditer(r"[A-Za-zÀ-ÿ]+", text):
        meaning = spoken._FR_LEXICON.get(m[0].lower(), "").split()
        if meaning and meaning[0] in spoken._VERB_MEANINGS:
            negated = f"{text[:m.end()]} plus{text[m.end():]}"
            assert not isinstance(_PLANNER.plan(negated, _scene(x, y, z)), Plan), negated


@pytest.mark.parametrize(("template", "spec"), _PLANS, ids=[t for t, _ in _PLANS])
def test_a_negation_said_after_any_word_of_a_seventh_pass_construction_never_runs(template: str,
                                                                                 spec: tuple[str, ...]) -> None:
    """"pas" or "nicht" after each word in turn, as the adversarial pass checks the sixth pass's constructions."""
    adversarial.test_a_negation_said_anywhere_in_a_spoken_construction_never_runs(template, spec)
