"""French and German classes the eleventh and twelfth fresh splits refused (issue #17 item 5, ninth pass), read as
classes: a polite frame with "zu" infinitives ("Wärst du so lieb, X zu legen?", "Ich möchte Sie bitten, X zu legen,
Y zu setzen und sich danach in die Ausgangsstellung zu begeben"), the cube just named ("genau diesen Würfel",
"exactement ce cube", "ce même cube"), a verbless return ("und zum Schluss zurück in die Ausgangsposition", "et pour
finir retour à la position de départ"), an order word after its verb ("mets ensuite le rouge"), French polite frames
("serais-tu assez gentil pour", "je vous saurais gré de", "auriez-vous l'amabilité de saisir X afin de le déposer"),
the future perfect ("lorsque vous aurez poussé X, ..."), "tu sais poser ... ?", "ça joue ?", "Hallo du fleißiger
Roboter", "pas trop fort" / "nicht zu fest", a tower or a state said with "soll" ("Am Ende soll ein Turm dastehen:",
"Am Ende soll der grüne Würfel im Eimer liegen"). Each plans exactly over colour triples, casual and formal, with and
without accents or umlauts; negated at each verb or with "pas"/"nicht" after any word it never runs what is forbidden.
A step said to come last with another step said after it ("Mets le rouge à la poubelle à la fin, et pose le bleu
...", "Fahr am Ende nach Hause und leg ...") is refused: read in the order said it ran the last step first.
"""

from __future__ import annotations

import pytest
import test_translation_s8 as s8
import test_translation_spoken as spoken
from test_translation_spoken import _PLANNER, _TRIPLES, _fill, _scene

from policies.planner import Clarification, Plan

_PLANS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # a polite frame whose request is a "zu" infinitive, or several
    ("Hallo Roboter! Wärst du so lieb, den {X} Würfel auf die rechte Seite zu legen? Danke dir!", ("x>right",)),
    ("Wären Sie so freundlich, den {X} Würfel auf den {Y} zu stellen?", ("x>y",)),
    ("waerst du so nett, den {X} wuerfel aufs pad zu legen", ("x>pad",)),
    ("Würdest du so lieb sein, den {X} in den Eimer zu legen und danach nach Hause zu fahren?", ("x>bin", "home")),
    ("Ich möchte Sie höflich bitten, zunächst den {X} Würfel in den Abfallbehälter zu legen, anschließend den {Y} "
     "Würfel auf den {Z} zu setzen und sich danach wieder in Ihre Ausgangsstellung zu begeben.",
     ("x>bin", "y>z", "home")),
    ("Ich möchte dich bitten, den {X} aufs Pad zu legen.", ("x>pad",)),
    ("Hast du kurz Zeit, den {X} auf den {Y} zu stellen?", ("x>y",)),
    # the cube just named
    ("Schieb den {X} Würfel ein Stück von dir weg und leg danach genau diesen Würfel in den Mülleimer.",
     ("push:x:forward", "x>bin")),
    ("Schieb den {X} nach links und leg dann ebendiesen Würfel auf den {Y}.", ("push:x:left", "x>y")),
    ("Pousse le cube {x} vers l'avant, puis mets exactement ce cube à la poubelle.", ("push:x:forward", "x>bin")),
    ("pousse le {x} vers la droite et pose ensuite ce meme cube sur le {y}", ("push:x:right", "x>y")),
    # a verbless return after a join
    ("Zuerst den {X} Würfel nach rechts schieben, dann den {Y} auf die linke Seite stellen und zum Schluss zurück in "
     "die Ausgangsposition.", ("push:x:right", "y>left", "home")),
    ("Leg den {X} in den Eimer und zum Schluss zurück in die Grundstellung.", ("x>bin", "home")),
    ("Mets le {x} à la poubelle et pour finir retour à la position de départ.", ("x>bin", "home")),
    ("pose le {x} sur le {y}, puis retour en position initiale", ("x>y", "home")),
    # an order word after its verb
    ("Pousse le cube {x} vers l'avant et mets ensuite le {y} à la poubelle.", ("push:x:forward", "y>bin")),
    ("Jette le {x}, pose ensuite le {y} sur le {z} et reviens enfin à ta position de départ.",
     ("x>bin", "y>z", "home")),
    # French polite frames, a grasp whose purpose is the put
    ("Auriez-vous l'amabilité de saisir le cube {x} afin de le déposer dans la poubelle, puis de placer ensuite le "
     "cube {y} sur le cube {z}, et enfin de revenir à votre position de repos ?", ("x>bin", "y>z", "home")),
    ("Prends le {x} pour le mettre sur le pad.", ("x>pad",)),
    ("Serais-tu assez gentil pour mettre le cube {x} à la poubelle ?", ("x>bin",)),
    ("Seriez-vous assez aimable pour poser le cube {x} sur le {y} ?", ("x>y",)),
    ("Je vous saurais gré de poser le cube {x} sur le pad.", ("x>pad",)),
    # the future perfect: after it
    ("Lorsque vous aurez poussé le cube {x} loin de vous, je vous saurais gré de retourner à votre position "
     "d'origine.", ("push:x:forward", "home")),
    ("Quand tu auras mis le {x} dans la poubelle, pose le {y} sur le {z}.", ("x>bin", "y>z")),
    ("Dès que tu auras jeté le {x}, pose le {y} sur le pad.", ("x>bin", "y>pad")),
    ("une fois que tu auras jete le {x}, pose le {y} sur le pad", ("x>bin", "y>pad")),
    # a question of ability, greetings
    ("Dis, tu sais poser le {x} à gauche, mais seulement après avoir mis le {y} sur le pad ?", ("y>pad", "x>left")),
    ("Salut, ça joue ? Tu pourrais poser le cube {x} sur le pad ? Merci vielmal.", ("x>pad",)),
    ("Hallo du fleißiger Roboter! Könntest du den {X} Würfel auf die linke Seite stellen? Danke dir!", ("x>left",)),
    # a remark on the day before the request
    ("Coucou ! Journée chargée ici… Si tu as deux secondes, tu pourrais mettre le cube {x} sur le pad ? Tu es un "
     "amour, merci !", ("x>pad",)),
    ("Grosse journée ! Mets le {x} dans la poubelle.", ("x>bin",)),
    ("Hallo! Mir ist heute echt langweilig, aber egal – könntest du den {X} Würfel auf die linke Seite stellen?",
     ("x>left",)),
    ("Langer Tag heute. Leg den {X} in den Eimer.", ("x>bin",)),
    # a move said to be done by pushing
    ("Déplace le cube {x} vers la droite en le poussant, sans le soulever.", ("push:x:right",)),
    ("deplace le {x} a gauche en le poussant", ("push:x:left",)),
    ("Beweg den {X} Würfel nach links, indem du ihn schiebst, ohne ihn hochzuheben.", ("push:x:left",)),
    # fresh_fr_de_14: a misspelt bin, a tag "gell" (never "gelb"), "so, dass" after a count, an order word after the
    # object of a later clause, the cube just pushed
    ("met le cube {x} dan la poubel stp", ("x>bin",)),
    ("Tu mal den {X} in den Mülleimer, gell.", ("x>bin",)),
    ("Leg den {X} aufs Pad, gelle!", ("x>pad",)),
    ("Stapel die drei Würfel so, dass {XB} oben liegt, {YB} in der Mitte und {ZB} unten.", ("y>z", "x>y")),
    ("Schieb den {X} nach rechts und wirf den, den du gerade geschoben hast, danach in den Mülleimer.",
     ("push:x:right", "x>bin")),
    ("Schieb den {X} nach rechts und leg den {Y} danach aufs Pad.", ("push:x:right", "y>pad")),
    # smileys of thanks stay silent
    ("Mets le cube {x} dans la poubelle, merci 😊", ("x>bin",)),
    ("Leg den {X} aufs Pad, danke 👍", ("x>pad",)),
    # how hard to push
    ("pousse le cube {x} vers toi stp, pas trop fort", ("push:x:backward",)),
    ("Schieb den {X} zu dir, aber nicht zu fest.", ("push:x:backward",)),
    # a tower said with "soll", or by each cube's level after "so, dass" / "de sorte que"
    ("Am Ende soll ein Turm dastehen: unten {ZB}, darauf {YB}, ganz oben {XB}.", ("y>z", "x>y")),
    ("Staple die Würfel so, dass {XB} oben liegt, {YB} in der Mitte und {ZB} ganz unten.", ("y>z", "x>y")),
    ("Empile les cubes de sorte que le {x} soit en haut, le {y} au milieu et le {z} en bas.", ("y>z", "x>y")),
    ("À la fin je veux une tour de trois cubes : le {z} tout en bas, le {y} au milieu et le {x} au sommet.",
     ("y>z", "x>y")),
    # two cubes to stack and which one is on top (or below)
    ("Superpose le cube {x} et le cube {y}, avec le {x} par-dessus.", ("x>y",)),
    ("empile le {y} et le {x}, le {y} en dessous", ("x>y",)),
    ("Stapel den {X} und den {Y} Würfel übereinander, mit dem {X} oben.", ("x>y",)),
    ("stapel den {Y} und den {X}, den {Y} unten", ("x>y",)),
    # a verbless clause after a push, to a place no push reaches: the put writers mean
    ("Zuerst den {X} Würfel nach vorne schieben, danach den {Y} aufs Pad.", ("push:x:forward", "y>pad")),
    ("Pousse le {x} vers la droite, puis le {y} dans la poubelle.", ("push:x:right", "y>bin")),
    ("Schieb den {X} nach rechts und dann den {Y} aufs Pad.", ("push:x:right", "y>pad")),
    # every cube to one place but one cube to another: that cube is excepted, never binned and taken out (A1 s9 G21)
    ("Mets tous les cubes dans la poubelle, mais le {x} sur le pad.", ("rest>bin", "x>pad")),
    ("jette tous les cubes, mais le {x} a gauche", ("rest>bin", "x>left")),
    ("Leg alle Würfel in den Eimer, aber den {X} aufs Pad.", ("rest>bin", "x>pad")),
    ("Wirf alle Würfel weg, aber den {X} auf die rechte Seite.", ("rest>bin", "x>right")),
    # the softener of a polite question
    ("Könntest du vielleicht den {X} Würfel auf die linke Seite stellen? Danke dir!", ("x>left",)),
    ("tu pourrais peut-être poser le {x} sur le {y} ?", ("x>y",)),
    # a state to reach after "je voudrais que"
    ("À la fin, je voudrais que le cube {x} soit sur le {y} et que le {z} se retrouve dans le bac.",
     ("x>y", "z>bin")),
    ("J'aimerais que le {x} soit a gauche.", ("x>left",)),
    ("À la fin, le cube {x} doit être sur le {y} et le {z} dans le bac.", ("x>y", "z>bin")),
    ("le {x} doit se retrouver a la poubelle", ("x>bin",)),
    ("Fais en sorte que le cube {x} soit sur le {y}.", ("x>y",)),
    ("Le {x} doit être posé sur le {y}.", ("x>y",)),
    ("Je voudrais voir le cube {x} sur le {y} et le {z} dans le bac.", ("x>y", "z>bin")),
    # the "moi" of "for me" before an object with its place; a box for the bin
    ("Balance-moi le cube {x} à la poubelle.", ("x>bin",)),
    ("mets-moi le {x} sur le {y} stp", ("x>y",)),
    ("Grüezi! Wären Sie so freundlich, den {X} Würfel in die Kiste zu legen? Merci vielmal.", ("x>bin",)),
)


@pytest.mark.parametrize("triple", _TRIPLES, ids="-".join)
@pytest.mark.parametrize(("template", "spec"), _PLANS, ids=[t for t, _ in _PLANS])
def test_a_ninth_pass_construction_plans_exactly(template: str, spec: tuple[str, ...],
                                                 triple: tuple[str, str, str]) -> None:
    spoken.test_spoken_french_and_german_plans_exactly(template, spec, triple)


@pytest.mark.parametrize(("template", "spec"), _PLANS, ids=[t for t, _ in _PLANS])
def test_each_verb_of_a_ninth_pass_construction_negated_never_runs(template: str, spec: tuple[str, ...]) -> None:
    x, y, z = _TRIPLES[0]
    text = _fill(template, x, y, z)
    for variant in spoken._negated_at_each_verb(text.lower()):
        result = _PLANNER.plan(variant, _scene(x, y, z))
        assert not isinstance(result, Plan) or [str(s) for s in result.steps] != spoken._expected(spec, x, y, z), (
            variant, result)


@pytest.mark.parametrize(("template", "spec"), _PLANS, ids=[t for t, _ in _PLANS])
def test_a_negation_said_after_any_word_of_a_ninth_pass_construction_never_runs(template: str,
                                                                                spec: tuple[str, ...]) -> None:
    s8.test_a_negation_said_after_any_word_of_an_eighth_pass_construction_never_runs(template, spec)


# A state to reach said with "soll ... liegen": the nominative of the colour (never purple's "lila")
_NOMINATIVE = {"red": "rote", "green": "grüne", "blue": "blaue", "yellow": "gelbe"}


@pytest.mark.parametrize(("x", "y", "z"), [("red", "blue", "green"), ("green", "yellow", "red"),
                                           ("yellow", "red", "blue")], ids=lambda c: str(c))
@pytest.mark.parametrize(("template", "spec"), [
    ("Am Ende soll der {X} Würfel im Mülleimer liegen und der {Y} auf dem Pad.", ("x>bin", "y>pad")),
    ("Der {X} Würfel soll im Eimer landen.", ("x>bin",)),
    ("Der {X} soll am Ende auf der linken Seite stehen.", ("x>left",)),
    ("zum schluss soll der {X} wuerfel im muelleimer liegen", ("x>bin",)),
    ("Am Ende soll der {X} Würfel auf dem {YD} liegen.", ("x>y",)),
    ("Ich möchte, dass der {X} Würfel im Eimer liegt und der {Y} auf dem Pad.", ("x>bin", "y>pad")),
    ("am ende will ich, dass der {X} auf dem {YD} liegt", ("x>y",)),
    ("Sorg dafür, dass der {X} Würfel im Eimer liegt.", ("x>bin",)),
    ("Am Ende will ich den {YD} Würfel im Eimer sehen.", ("y>bin",)),
])
def test_a_state_said_with_soll_is_the_put_that_reaches_it(template: str, spec: tuple[str, ...], x: str, y: str,
                                                           z: str) -> None:
    text = template.format(X=_NOMINATIVE[x], Y=_NOMINATIVE[y], YD=spoken._DE[y])
    if "wuerfel" in text:
        text = text.replace("ü", "ue")
    result = _PLANNER.plan(text, _scene(x, y, z))
    assert isinstance(result, Plan), (text, result)
    assert [str(s) for s in result.steps] == spoken._expected(spec, x, y, z), text


@pytest.mark.parametrize("template", [
    "Am Ende soll der {X} Würfel nicht im Mülleimer liegen.",
    "Am Ende soll der {X} Würfel im Mülleimer liegen und der {Y} nicht auf dem Pad.",
    "Der {X} Würfel soll auf keinen Fall im Eimer landen.",
    "Ich möchte nicht, dass der {X} Würfel im Eimer liegt.",
    "Ich möchte, dass der {X} Würfel nicht im Eimer liegt.",
    "Ich möchte, dass der {X} Würfel im Eimer liegt und der {Y} nicht auf dem Pad.",
    "Paul möchte, dass der {X} Würfel im Eimer liegt.",
    "Ich will den {YD} Würfel nicht im Eimer sehen.",
    "Sorg dafür, dass der {X} Würfel nicht im Eimer liegt.",
    "Der {X} Würfel soll im Eimer liegen bleiben.",
    "Der {X} Würfel soll im Eimer liegen?",
    "Der {X} Würfel soll im Eimer liegen, hat Paul gesagt.",
    "Der {X} Würfel sollte im Eimer liegen, aber er liegt nicht drin.",
    "Am Ende soll der {X} Würfel auf dem {Y} Pad liegen.",
])
def test_a_state_said_with_soll_negated_or_reported_never_runs(template: str) -> None:
    x, y, z = "red", "blue", "green"
    text = template.format(X=_NOMINATIVE[x], Y=_NOMINATIVE[y], YD=spoken._DE[y])
    assert not isinstance(_PLANNER.plan(text, _scene(x, y, z)), Plan), text


_NEVER_PLANNED = (
    # a polite frame around a negated or past request
    "Wärst du so lieb, den {X} Würfel nicht in den Eimer zu legen?",
    "Warst du so lieb, den {X} Würfel in den Eimer zu legen?",
    "Ich möchte dich bitten, den {X} nicht in den Eimer zu legen und den {Y} aufs Pad zu legen.",
    "Serais-tu assez gentil pour ne pas mettre le cube {x} à la poubelle ?",
    "Je vous saurais gré de ne pas poser le cube {x} sur le pad.",
    # a step said to come last (or afterwards) with another step said after it
    "Mets le {x} à la poubelle à la fin, et pose le {y} sur le pad.",
    "Mets le {x} à la poubelle en dernier, et pose le {y} sur le pad.",
    "Mets le {x} à la poubelle ensuite, et pose le {y} sur le pad.",
    "Retourne à ta position de départ à la fin et mets le {x} à la poubelle.",
    "Reviens finalement à ta position, puis jette le {x}.",
    "Leg den {X} in den Eimer am Ende und leg den {Y} aufs Pad.",
    "Leg den {X} in den Eimer schließlich und den {Y} aufs Pad.",
    "Leg den {X} in den Eimer danach, und leg den {Y} aufs Pad.",
    "Fahr am Ende in die Ausgangsposition und leg den {X} in den Eimer.",
    "Fahr zum Schluss nach Hause, dann wirf den {X} weg.",
    # the cube "just named" when none was; "ce cube" after a push stays a question, never a guess
    "Leg genau diesen Würfel in den Eimer.",
    "Mets exactement ce cube à la poubelle.",
    # a push's purpose is not read as a put; a statement of ability is not a request
    "Pousse le {x} pour le mettre à gauche.",
    "Tu sais poser le {x} à gauche.",
    # an order word after a negated verb
    "Ne mets pas ensuite le {x} à la poubelle.",
    "Pousse le {y} vers l'avant et ne mets pas ensuite le {x} à la poubelle.",
    # a state, a tower by levels or a "for me" negated, out of the lexicon or with no place
    "Balance-moi le cube {x}.",
    "Je voudrais que le cube {x} ne soit pas dans le bac.",
    "Je voudrais que le {x} soit à gauche du {y}.",
    "Je voudrais que le {x} soit dans le bac, a dit Paul.",
    "Le {x} ne doit pas être dans le bac.",
    "Le {x} doit être dans le bac ?",
    "Le {x} doit être dans le bac et le {y} pas sur le pad.",
    "Ne fais pas en sorte que le {x} soit dans le bac.",
    "Je ne voudrais pas voir le {x} dans le bac.",
    "Je voudrais voir le {x} dans le bac, pas le {y}.",
    "Paul dit que le {x} doit être dans le bac.",
    "Empile les cubes de sorte que le {x} ne soit pas en haut, le {y} au milieu et le {z} en bas.",
    "Superpose le cube {x} et le cube {y}, avec le {z} par-dessus.",
    "Superpose le cube {x} et le cube {y}, avec le {x} pas par-dessus.",
    "Stapel den {X} und den {Y}, den {Z} oben.",
    "Stapel den {X} und den {Y}, den {X} nicht oben.",
    "À la fin je veux une tour de trois cubes : le {z} pas en bas, le {y} au milieu et le {x} au sommet.",
    "Vielleicht leg den {X} in den Eimer.",
    "Peut-être pose le {x} sur le pad.",
    "Il ne doit plus rester aucun cube sur la table : tout part à gauche.",
    "Il ne doit plus rester aucun cube sur la table : ne jette pas le {x}.",
    "Tout ne part pas à la poubelle.",
    "Am Ende soll kein Würfel mehr auf dem Tisch liegen: den {X} nicht in den Eimer.",
    # "them" after two cubes: read as the last cube alone it moved one of the two (A1 s9 G8); refused
    "Jette le {x} et le {y}, puis mets-les sur le pad.",
    "Mets le {x} et le {y} sur le pad, puis pousse-les vers la gauche.",
    "Wirf den {X} und den {Y} weg, dann leg sie auf die Matte.",
    "Leg den {X} und den {Y} aufs Pad und schieb sie dann nach links.",
    # a verbless clause to a side after a push: a push or a put (A1 s9 G14); refused
    "Pousse le {x} à droite et le {y} à gauche.",
    "pousse le {x} vers la droite, puis le {y} sur le cote gauche",
    # ... or joined by a bare "et"/"und": the verb gapped, the push shared (A1 s9 G14)
    "Pousse le {x} à droite et le {y} dans la poubelle.",
    "Schieb den {X} nach rechts und den {Y} in den Eimer.",
    # "the same cube" after two cubes does not say which (A1 s9 G17)
    "Schieb den {X} nach rechts, den {Y} nach links, und leg dann genau diesen Würfel in den Eimer.",
    "Jette le {x} et le {y}, puis pose exactement ce cube sur le {z}.",
    "Jette le {x} et le {y}, puis pose le même cube sur le {z}.",
    "Wirf den {X} und den {Y} weg und leg dann denselben Würfel aufs Pad.",
    # a cube binned, then moved again (A1 s8 F6, s9 G18)
    "Ich möchte Sie bitten, zuerst den {X} Würfel in den Eimer zu legen, anschließend den {X} auf den {Y} zu setzen.",
    "Jette le {x}, puis pose-le sur le {y}.",
    "Mets le {x} dans la poubelle et ensuite pose le {x} sur le {y}.",
    "Wirf den {X} weg und stell ihn dann auf den {Y}.",
    "Jette le {x}. Mets-le sur le tapis.",
    "Wirf den {X} weg. Dann leg ihn aufs Pad.",
    # an old plan, not a goal (A1 s9 G19)
    "Le cube {x} devait être sur le {y}.",
    "Le cube {x} devait être sur le {y} et le {z} dans le bac.",
    "Le cube {x} devait se retrouver dans le bac.",
    # a remark on the day with a negation or another word is read, and refused
    "Mir ist nicht langweilig. Leg den {X} in den Eimer.",
    "Langer Tag, Paul ist verletzt. Leg den {X} in den Eimer.",
    "Journée chargée, ne mets pas le {x} dans la poubelle.",
    "Journée chargée pour Paul : mets le {x} dans la poubelle.",
    # a push all the way to a side: a push is one short step (A1 s9 G9c)
    "Pousse le {x} tout à gauche.",
    "Pousse le {x} complètement à droite.",
    "pousse le {x} a fond vers la droite",
    "Pousse le {x} le plus loin possible vers l'avant.",
    "Schieb den {X} ganz nach links.",
    "Schieb den {X} ganz links hin.",
    "Schieb den {X} so weit wie möglich nach rechts.",
    "Mets tous les cubes dans la poubelle, mais le {x} pas sur le pad.",
    "Leg alle Würfel in den Eimer, aber den {X} nicht aufs Pad.",
    "Ne déplace pas le cube {x} vers la droite en le poussant.",
    "Déplace le cube {x} vers la droite sans le pousser.",
    "Beweg den {X} nicht nach links, indem du ihn schiebst.",
    "Schieb den {X} nach rechts und leg den {Y} danach nicht aufs Pad.",
    "Leg den {X} danach in den Eimer und leg den {Y} aufs Pad.",
    # a laugh, a wink or a tick after the request (A1 s9 G29): read, hence refused
    "Jette le {x} 😂",
    "Wirf den {X} weg 😂",
    "Leg den {X} in den Eimer 😉",
    "Mets le {x} dans la poubelle ✅",
    # a move toward a place or part of the way (A1 s9 G24): never the put into it
    "Déplace le {x} vers la poubelle.",
    "Beweg den {X} zum Eimer hin.",
    "Déplace le {x} un peu à gauche.",
    "deplace le {x} legerement vers la gauche",
    "Beweg den {X} ein bisschen nach links.",
    "Beweg den {X} in Richtung Pad.",
    # the future perfect of a negated step
    "Lorsque vous n'aurez pas poussé le cube {x}, retournez à votre position d'origine.",
)


@pytest.mark.parametrize("triple", _TRIPLES[:2], ids="-".join)
@pytest.mark.parametrize("template", _NEVER_PLANNED)
def test_a_ninth_pass_construction_negated_or_out_of_order_never_runs(template: str,
                                                                       triple: tuple[str, str, str]) -> None:
    spoken.test_a_negated_spoken_construction_never_runs(template, triple)


@pytest.mark.parametrize("template", [
    "D'abord mets le {x} à la poubelle, puis le {y} sur le pad et enfin retourne à ta position.",
    "Mets le {x} à la poubelle et enfin pose le {y} sur le pad et retourne à ta position.",
    "Leg den {X} in den Eimer und zum Schluss leg den {Y} aufs Pad und fahr nach Hause.",
])
def test_a_last_group_of_steps_said_last_still_plans_in_order(template: str) -> None:
    x, y, z = _TRIPLES[0]
    result = _PLANNER.plan(_fill(template, x, y, z), _scene(x, y, z))
    assert isinstance(result, Plan), (template, result)
    assert [str(s) for s in result.steps] == spoken._expected(("x>bin", "y>pad", "home"), x, y, z)


@pytest.mark.parametrize("text", [
    "À la fin, il ne doit plus rester aucun cube sur la table : tout part à la poubelle.",
    "il ne doit plus rester aucun cube sur la table : tout va dans le bac",
    "Am Ende soll kein Würfel mehr auf dem Tisch liegen: alle Würfel in den Eimer.",
])
def test_a_table_left_empty_bins_every_cube(text: str) -> None:
    x, y, z = _TRIPLES[1]
    result = _PLANNER.plan(text, _scene(x, y, z))
    assert isinstance(result, Plan), (text, result)
    assert [str(s) for s in result.steps] == spoken._expected(("all>bin",), x, y, z)


@pytest.mark.parametrize("text", [
    "Pousse celui-là vers la gauche.",
    "Mets celle-ci dans la poubelle.",
    "pousse ce cube-là vers la droite",
    "Kannst du den Würfel da nach rechts schieben?",
    "Schieb den da nach links.",
    "Leg diesen dort in den Eimer.",
])
def test_a_cube_pointed_at_asks_which(text: str) -> None:
    x, y, z = _TRIPLES[0]
    result = _PLANNER.plan(text, _scene(x, y, z))
    assert isinstance(result, Clarification), (text, result)
    assert set(result.candidates) == {f"{c}_cube" for c in (x, y, z)}, (text, result)
