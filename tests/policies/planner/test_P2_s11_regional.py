"""Regional, elderly and texting French and German (issue #17 item 5, eleventh pass; classes of fresh_fr_de_18, seen,
and of the dev split fresh_fr_de_19, whose failures the lead posted).

Quebec French ("heille", "s'a" for "sur la", "merci service"), Belgian/Swiss French ("une fois" as a filler, "ça joue
?", "voir" after an imperative, "lui, il reste là" after "sauf"), texting ("px", "jveux", "je veux plus rien sur la
table" as a heading), polite questions through a dislocated object and a modal ("le bleu, vous pouvez me le percher
..."), "à votre gauche" (the robot's own left), "regrouper"/"rassembler" at a place, the subjunctive "construisiez",
a place said before the cube it names by its place, "avant de ..., d'abord ...", "le cube qui est sur le dessus",
"le cube qui est du côté droit", "pas besoin de le soulever" after a push. Austrian, Swiss and southern German:
"geben" for put, "zügeln", "zuoberst", "Mistkübel", "Geh bitte," and "Ach ja," as openers, "mein Lieber"/"mein
Schatz", "gäll", "Merci und adieu", "Tisch leer räumen" as a heading, "von dir wegschieben", "von dir aus gesehen",
"die Seite vom Tisch", "schön brav", "obendrauf auf", "der Würfel, der links liegt" (the cubes on that side), "nur den
gelben, den lass stehen" (an exclusion), why a kept cube is kept ("der bleibt für später"), "ich weiß nicht, wie die
Farbe heißt, aber". Each plans exactly over colour triples; each negated never runs what it forbids; near misses
refuse or ask.
"""

from __future__ import annotations

import pytest
from planner_asserts import filled_never_plans, filled_plans
from test_translation_spoken import _PLANNER, _TRIPLES, _expected, _fill, _negated_at_each_verb, _scene

from policies.planner import Clarification, Plan

# x stands leftmost (y = 0.24), y next (0.08): both on the robot's left side; z alone on the right (-0.08)
_PLANS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # French
    ("Heille, mets le cube {x} s'a cible, là.", ("x>pad",)),
    ("Vous me posez le {x} par-dessus le {y}, merci service.", ("x>y",)),
    ("Je souhaiterais que vous construisiez une tour : le cube {x} à la base, le {y} par-dessus, et le {z} tout en "
     "haut.", ("y>x", "z>y")),
    ("Veuillez regrouper l'ensemble des cubes du côté droit de la table, je vous prie.", ("all>right",)),
    ("Rassemblez tous les cubes dans la poubelle.", ("all>bin",)),
    ("Mets toute les cubes dans' poubelle sauf le {x}, genre.", ("rest>bin",)),
    ("Poussez voir le cube {x} vers la droite.", ("push:x:right",)),
    ("Pourriez-vous déposer sur le pad le cube situé le plus à votre gauche ?", ("x>pad",)),
    ("Avant de mettre le cube {x} dans la poubelle, déposez d'abord le {y} sur la zone cible.", ("y>pad", "x>bin")),
    ("Vous pouvez mettre le {x} sur le {y}, s'il vous plaît ? Ça joue ?", ("x>y",)),
    ("tu px mettre le cube {x} sur la zone cible stp? merci bcp", ("x>pad",)),
    ("Le {x}, vous pouvez me le percher par-dessus le {y}, s'il vous plaît ?", ("x>y",)),
    ("Le cube {x}, tu peux le mettre dans la poubelle ?", ("x>bin",)),
    ("jveux plus rien sur la table, mets tous les cubes a la poubelle stp", ("all>bin",)),
    ("Rangez-moi une fois tous les cubes à droite, sauf le {x} : lui, il reste là.", ("rest>right",)),
    ("Mets une fois le cube {x} dans la poubelle.", ("x>bin",)),
    ("Le cube qui est du côté droit de la table, là, vous le mettez sur le {x} une fois ?", ("z>x",)),
    ("pousse le {x} vers l'avant stp, pas besoin de le soulever", ("push:x:forward",)),
    ("Ce cube {x}-là, mets-le dans la poubelle.", ("x>bin",)),
    ("Bonjour, j'espère que votre journée se passe bien. Nous réorganisons un peu le plan de travail ce matin ; si "
     "cela ne vous dérange pas, j'aimerais que le cube {x} se retrouve sur le cube {y}. Merci infiniment, c'est très "
     "aimable à vous.", ("x>y",)),
    ("Mets le {x} à ta gauche.", ("x>left",)),
    # German
    ("Stell den {X} auf den {Y}, aber vorher gib den {Y} bitte auf die rechte Seite.", ("y>right", "x>y")),
    ("Gib bitte alle Würfel bis auf den {X} aufs Pad.", ("rest>pad",)),
    ("Kannst du den {X} Würfel in den Mistkübel geben?", ("x>bin",)),
    ("Geben Sie den {X} Würfel auf den {Y}.", ("x>y",)),
    ("Geh bitte, stapel den {X} auf den {Y} drauf, ja?", ("x>y",)),
    ("Tisch leer räumen, alles in den Müll.", ("all>bin",)),
    ("{XB}en nach rechts schieben. {YB}en von dir wegschieben.", ("push:x:right", "push:y:forward")),
    ("Passt, danke dir. Fahr jetzt bitte zurück in deine Ausgangsstellung.", ("home",)),
    ("Grüß Gott, mein Lieber. Wärst du bitte so freundlich und würdest den {X} Würfel in den Mistkübel geben? Das "
     "brauchen wir nimmer.", ("x>bin",)),
    ("Grüezi. Tun Sie bitte den {X} Würfel zuoberst auf den {Y}. Merci vielmal.", ("x>y",)),
    ("Zuerst stellst du mir bitte den {X} Würfel auf die rechte Seite vom Tisch, dann den {Y} obendrauf auf den {X}, "
     "und danach fährst du schön brav zurück in deine Ausgangsstellung. Danke vielmals.", ("x>right", "y>x", "home")),
    ("Grüezi, zügeln Sie bitte alle Würfel auf die linke Tischseite, das wäre grossartig.", ("all>left",)),
    ("Sei so gut und räum alle Würfel in den Mistkübel, nur den {X}, den lass mir bitte stehen, der gefällt mir so "
     "gut.", ("rest>bin",)),
    ("Stellen Sie den {Y} Würfel auf den {Z}. Den {X} bitte nicht anfassen, der bleibt für später.", ("y>z",)),
    ("Ich weiss nicht, wie die Farbe heisst, aber nehmen Sie bitte den Würfel, der ganz rechts liegt, und tun Sie ihn "
     "in den Abfalleimer.", ("z>bin",)),
    ("Den Würfel, der von dir aus gesehen ganz links liegt, den stellst du bitte auf den {Z}, ja? Danke, mein Schatz.",
     ("x>z",)),
    ("Schieben Sie den {X} Würfel bitte ein wenig nach rechts, aber nicht hochheben, gäll.", ("push:x:right",)),
    ("So, das wär's für heute. Fahren Sie bitte zurück in die Ruheposition. Merci und adieu.", ("home",)),
    ("Ach ja, und den {X} Würfel, den tust du mir bitte in den Mistkübel.", ("x>bin",)),
    ("Den Würfel, der rechts liegt, bitte in den Eimer.", ("z>bin",)),
    # beyond the dev records: Quebec openers and verbs, texting, Belgian farewells; Berlin "-ste", modal particles,
    # Swiss and Austrian openers and farewells
    ("Envoye, garroche le {x} dans la poubelle.", ("x>bin",)),
    ("Tsé, mets le cube {x} sur le {y}.", ("x>y",)),
    ("Vous savez, mettez le {x} aux ordures, à tantôt.", ("x>bin",)),
    ("mets ts les cubes ds la poubelle ms pas le {x}", ("rest>bin",)),
    ("mets tte les cubes ds la poubelle sauf le {x}", ("rest>bin",)),
    ("Bonjour mon petit, mets le {x} sur le {y}, vous êtes bien aimable.", ("x>y",)),
    ("Legste den {X} bitte aufs Pad?", ("x>pad",)),
    ("Kannste den {X} in den Eimer legen?", ("x>bin",)),
    # fourteenth pass (A1 s14 H57 class): "Schiebste den X nach links, wa?" with no mark of a request asks to confirm,
    # and is refused (test_P2_s14_fd26); with "mal" it is a request
    ("Schiebste mal den {X} nach links, wa?", ("push:x:left",)),
    ("Leg halt den {X} in den Eimer.", ("x>bin",)),
    ("Äxgüsi, stell fei den {X} auf den {Y}. Baba.", ("x>y",)),
    # a tower wished for by someone else, its levels said as where each cube should be, in the next sentence
    ("Ach, mein Enkel hätte so gern einen Turm. Ganz oben soll der {XB}e Würfel sein, darunter der {YB}e, und ganz "
     "unten der {ZB}e. Wärst du so lieb? Vergelt's Gott.", ("y>z", "x>y")),
    ("Meine Tochter möchte einen Turm. Unten soll der {XB}e sein, darüber der {YB}e und oben der {ZB}e.",
     ("y>x", "z>y")),
    ("Mon petit-fils voudrait une tour. Le {x} en bas, le {y} au milieu et le {z} en haut.", ("y>x", "z>y")),
    # the bin idiom said of a dislocated cube, taken up by "s'en débarrasser"
    ("Ce cube {x}-là, il est bon pour la poubelle. Tu peux t'en débarrasser une fois ?", ("x>bin",)),
    ("Le {x}, vous pouvez vous en débarrasser ?", ("x>bin",)),
    # polite frames and manner words of the elderly writers
    ("Soyez gentil, mettez le {x} sur le {y}.", ("x>y",)),
    ("Alors sois sympa et mets le {x} dans la poubelle.", ("x>bin",)),
    ("Pourriez-vous avoir la gentillesse de déposer délicatement le {x} sur le {y} ?", ("x>y",)),
    ("Ayez l'obligeance de mettre le {x} dans la poubelle.", ("x>bin",)),
    ("Faudrait mettre le {x} dans la poubelle.", ("x>bin",)),
    ("Tätest du bitte den {X} in den Eimer legen?", ("x>bin",)),
    ("Wenn's recht ist, leg den {X} behutsam auf den {Y}.", ("x>y",)),
    ("Leg den {X} in den Eimer, wennst magst.", ("x>bin",)),
    ("Könnten Sie freundlicherweise den {X} Würfel auf das Pad legen?", ("x>pad",)),
    ("Le cube qui est tout à gauche, mets-le dans la poubelle.", ("x>bin",)),
    ("Mets celui qui est à droite sur le {x}.", ("z>x",)),
    ("Débarrasse-moi de ce cube {x}, veux-tu ?", ("x>bin",)),
    ("Pose le {x} sur la zone blanche, mon petit robot.", ("x>pad",)),
    ("Leg den {X} in den Eimer, kleiner Roboter.", ("x>bin",)),
    ("Bevor du zurückfährst, leg den {X} aufs Pad.", ("x>pad", "home")),
    ("Erst den {X} aufs Pad, dann den {Y} nach rechts schieben.", ("x>pad", "push:y:right")),
    ("Juche le {x} sur le {y}, thx.", ("x>y",)),
    ("Hisse le {x} sur le {y}.", ("x>y",)),
    ("Türmen Sie den {X} auf den {Y}.", ("x>y",)),
    ("Kannst du den {X} auf den {Y} türmen? thx", ("x>y",)),
    # fresh_fr_de_20 (mid-session) classes: English words in German, Bavarian forms, "sans le soulever" first
    ("Kannst du mal den {X} Cube aufs Target-Pad moven?", ("x>pad",)),
    ("Push den {X} Cube mal nach vorne.", ("push:x:forward",)),
    ("Olle Würfel in den Mülleimer.", ("all>bin",)),
    ("Den {X} Würfel tuast ma auf die linke Seitn vom Tisch, gell.", ("x>left",)),
    ("Bevor du den {X} in den Mülleimer tust, stellst mir zuerst den {Y} auf die Zielfläche.", ("y>pad", "x>bin")),
    ("Servus Meister, den {X} Würfel stellst ma bitte auf die Zielfläche, gell?", ("x>pad",)),
    ("Sans le soulever, veuillez simplement pousser le cube {x} vers votre gauche.", ("push:x:left",)),
    ("Je vous prie de placer la totalité des cubes dans la corbeille.", ("all>bin",)),
    ("oh pose le {x} sur le {y} stp, vite fé", ("x>y",)),
    ("Pourriez-vous saisir le cube situé le plus à gauche, de votre point de vue, et le poser sur le {z} ?", ("x>z",)),
)


@pytest.mark.parametrize("triple", _TRIPLES, ids="-".join)
@pytest.mark.parametrize(("template", "spec"), _PLANS, ids=[t for t, _ in _PLANS])
def test_a_regional_or_elderly_request_plans_exactly(template: str, spec: tuple[str, ...],
                                                      triple: tuple[str, str, str]) -> None:
    filled_plans(template, spec, triple)


@pytest.mark.parametrize(("template", "spec"), _PLANS, ids=[t for t, _ in _PLANS])
def test_each_verb_of_it_negated_never_runs(template: str, spec: tuple[str, ...]) -> None:
    x, y, z = _TRIPLES[0]
    text = _fill(template, x, y, z)
    variants = _negated_at_each_verb(text)
    for variant in variants:
        result = _PLANNER.plan(variant, _scene(x, y, z))
        assert not isinstance(result, Plan) or [str(s) for s in result.steps] != _expected(spec, x, y, z), (
            variant, result)


@pytest.mark.parametrize("template", [
    # "geben" with no place hands a cube over; "gib acht" is a warning
    "Gib mir den {X} Würfel.",
    "Gib den {X} Würfel.",
    "Gib acht auf den {X} Würfel.",
    "Gib den {X} Würfel nicht in den Eimer.",
    # a reason why a cube stays, after a request that moves it, contradicts it
    "Leg den {X} in den Eimer, der bleibt hier.",
    "Stell den {X} auf den {Y}, der gefällt mir so gut.",
    # "lass stehen" negated is no exclusion ("..., aber den {X} lass stehen" after one cube's request is the request
    # and a cube left where it is since the thirteenth pass: test_P2_s13_fr_de24.py)
    "Räum alle Würfel in den Mistkübel, nur den {X}, den lass nicht stehen.",
    # the heading with anything but the cubes' place after its comma
    "Tisch leer räumen, aber den {X} lassen.",
    "Tisch leer räumen, dann fahr zurück.",
    # "wegschieben" with no direction
    "Den {X} wegschieben.",
    # "Geh bitte" before the arm's own return keeps its verb; before nothing it is no request
    "Geh bitte, nicht zurück.",
    # "Ach" with no request
    "Ach, mein Enkel hätte so gern einen Turm.",
    # the speaker's left, a "voir" with nothing after it
    "Pousse le {x} à ma gauche.",
    "Poussez voir.",
    # a push with a lift the words forbid, or a put said not to lift
    "Mets le {x} dans la poubelle, pas besoin de le soulever.",
    "pousse le {x} vers l'avant, pas besoin de le pousser",
    # "regrouper" with no place
    "Regroupez les cubes.",
    "Ne regroupez pas les cubes à gauche.",
    # "lui, il bouge" is no exclusion said again
    "Rangez tous les cubes à droite, sauf le {x} : lui, il bouge.",
    # a heading with nothing after it
    "jveux plus rien sur la table.",
    # "avant de ..., ne ... pas d'abord"
    "Avant de mettre le cube {x} dans la poubelle, ne dépose pas d'abord le {y} sur le pad.",
    # the pronoun of another gender after the modal
    "La brique {xf}, tu peux me le mettre sur le {y} ?",
    "Le {x}, vous pouvez pas le mettre sur le {y} ?",
    # "une fois que" keeps its order word
    "Une fois que tu as mis le {x} dans la poubelle.",
    # a throw anywhere but into the bin; "Halt!" after a request is a stop; "erste" is no "-ste" verb
    "Garroche le {x} sur le {y}.",
    "Leg den {X} in den Eimer. Halt!",
    "Bitte halt den {X} und leg den {Y} in den Eimer.",
    # a push said once at the end may be the verb of the verbless clause before it
    "Erst den {X} nach links, dann den {Y} nach rechts schieben.",
    "Hisse le {x}.",
    "Oh non, pose le {x} sur le {y}.",
    "Push den {X} Cube.",
    "Sans le soulever, ne pousse pas le {x} vers la gauche.",
    "Bevor du den {X} in den Mülleimer tust, stellst mir nicht den {Y} auf die Zielfläche.",
    # a time or a negation beside a wished tower; "pas une fois" is no Belgian filler
    "Mon petit-fils voudrait une tour mais pas maintenant : le {x} en bas, le {y} au milieu et le {z} en haut.",
    "Mein Enkel hätte gern einen Turm, aber nicht jetzt. Oben soll der {XB}e sein, darunter der {YB}e, und unten der "
    "{ZB}e.",
    "Mets le {x} dans la poubelle, pas une fois.",
    "Geh bitte, das ist doch Unsinn. Leg den {X} in den Eimer.",
    "Türm den {X}.",
    "Mets le {x} dans la poubelle, tu veux pas ?",
    "Bevor du zurückfährst, leg den {X} nicht aufs Pad.",
    "Halt den {X} fest und leg den {Y} in den Eimer.",
    "Leg die erste in den Eimer.",
    "Bonjour mon petit.",
    # a tower sentence before another request; a level negated
    "Bau einen Turm. Leg den {X} in den Eimer.",
    "Sois gentil.",
    "Tätest du den {X} nicht in den Eimer legen?",
    "Faudrait pas mettre le {x} dans la poubelle.",
    "Ce cube {x}, il est bon pour la poubelle.",
    "Ce cube {x}, il est bon pour la poubelle. Tu peux ne pas t'en débarrasser ?",
    "Mein Enkel hätte gern einen Turm. Oben soll der {XB}e Würfel nicht sein, darunter der {YB}e, und unten der {ZB}e.",
])
def test_a_near_miss_is_refused(template: str) -> None:
    filled_never_plans(template)


@pytest.mark.parametrize("template", [
    "Bitte den Würfel, der links liegt, auf das Pad stellen.",
    "Den Würfel, der links liegt, den stellst du auf den {Z}.",
    # (with the Belgian "une fois" of the seen record fd19-020: without a mark of a request the "vous le mettez ... ?"
    # is a question, refused since the thirteenth pass, test_P2_s13_questions.py)
    "Le cube qui est du côté gauche, vous le mettez sur le {z} une fois ?",
    "Würfel neben dem {Y} in den Müll.",
    "Pourriez-vous prendre le cube qui est posé sur le dessus et le mettre à la corbeille ?",
    "Kannst du den da bitte in den Mistkübel geben?",
    # "qui est à gauche" is the left side (two cubes there), before a comma too; "tout à gauche" is the leftmost
    "Le cube qui est à gauche, mets-le dans la poubelle.",
    "Mets celui qui est à gauche dans la poubelle.",
])
def test_a_cube_the_words_leave_open_is_asked_for(template: str) -> None:
    x, y, z = _TRIPLES[0]
    text = _fill(template, x, y, z)
    scene = _scene(x, y, z)
    if "dessus" in text:  # two stacks: two cubes on top
        from policies.planner import SceneState
        scene = SceneState.from_json({"objects": [
            {"name": "red_cube", "kind": "cube", "color": "red", "position": [0.45, 0.2, 0.022]},
            {"name": "blue_cube", "kind": "cube", "color": "blue", "position": [0.45, 0.2, 0.066]},
            {"name": "green_cube", "kind": "cube", "color": "green", "position": [0.55, -0.2, 0.022]},
            {"name": "yellow_cube", "kind": "cube", "color": "yellow", "position": [0.55, -0.2, 0.066]}],
            "regions": ["left", "right", "bin", "pad"]})
    result = _PLANNER.plan(text, scene)
    assert isinstance(result, Clarification), (text, result)
