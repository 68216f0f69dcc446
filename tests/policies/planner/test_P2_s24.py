"""French and German of the twenty-fourth pass (issue #17 item 5), each a closed family a speaker uses again, with its
negated, asked, hedged, reported and near-miss twins refused:

- the place meant said before the one excluded, of a cube named by its colour alone ("Den roten bitte nicht in den
  Müll, sondern aufs Pad.", "Mets le rouge sur le pad, pas dans la poubelle."), read as the same words with the cube's
  noun ("Den roten Würfel ...") were (translation._BARE_CUBE_NOT_THERE);
- Belgian "tu sais <infinitive> ..., s'il te plaît ?" (the closing no longer takes the "?" that makes it a request
  away), and the reason "On range." said alone after a request (fresh_fr_de_46, seen fd43-016);
- German "Außer dem roten bitte alle Würfel in den Eimer.": the exclusion said first with no comma (fresh_fr_de_46);
- a tower by its levels with no word for it, its bottom named and "obendrauf" last ("Ganz unten kommt der lila Würfel
  hin, darauf der blaue, und obendrauf der grüne.", fresh_fr_de_46);
- the French future of "vous"/"tu" as an order ("Vous poserez le cube rouge sur le violet, mais d'abord ...", "vous me
  mettrez ... Exécution !", seen fd45-004, fresh_fr_de_46);
- fillers, addresses, closings and reasons of the seen fd45 and the dev fresh_fr_de_46 personas, each a closed phrase:
  Quebec "Genre," and "..., tsé" (seen fd45-005), "..., vas-y", "Frère,", "..., c'est relou sinon" after a
  prohibition, "..., qu'on puisse passer à la suite", "..., il est trop chelou là où il est", the football simile
  "comme une passe au centre"; German "Kumpel,", "Passt scho,", "des war's für heit.", "n Stück", "..., dat passt
  schon";
- P2 s23's open list (seen fd45): "steuplé" / "siouplé" (please), a learner's "(Bitte,) du kannst ... stellen?" read as
  "kannst du ... stellen?", "huckepack auf den gelben, also einfach obendrauf", "Cube jaune, direction le pad".
"""

from __future__ import annotations

import pytest
from planner_asserts import filled_moves_nothing, filled_plans, moves_nothing, plans_as, tower
from test_translation_spoken import _TRIPLES, _scene


@pytest.mark.parametrize("triple", _TRIPLES[:2], ids="-".join)
@pytest.mark.parametrize(("template", "spec"), [
    ("Den {X} bitte nicht in den Müll, sondern aufs Pad.", ("x>pad",)),
    ("Den {X} bitte nicht in die Tonne, sondern aufs Pad stellen.", ("x>pad",)),
    ("Den {X} nicht in den Müll, sondern auf die linke Seite.", ("x>left",)),
    ("Leg den {X} nicht in den Müll, sondern auf den {Y}.", ("x>y",)),
    ("Den {X} bitte nicht in den Müll, sondern aufs Pad, danke.", ("x>pad",)),
    ("Mets le {x} non pas dans la poubelle mais sur le pad.", ("x>pad",)),
    ("Ne mets pas le {x} dans la poubelle mais sur le pad, s'il te plaît.", ("x>pad",)),
    ("Mets le {x} sur le pad, pas dans la poubelle.", ("x>pad",)),
    ("Mets le {x} à droite, pas sur le pad.", ("x>right",)),
    ("Mets le {x} sur le {y}, pas dans la poubelle.", ("x>y",)),
])
def test_the_bare_colour_not_there_plans(template: str, spec: tuple[str, ...], triple: tuple[str, str, str]) -> None:
    filled_plans(template, spec, triple)


@pytest.mark.parametrize("template", [
    # asked (a goal with no verb), hedged, reported
    "Den {X} bitte nicht in den Müll, sondern aufs Pad?",
    "Den {X} nicht in den Müll, sondern aufs Pad, oder?",
    "Den {X} vielleicht nicht in den Müll, sondern aufs Pad.",
    "Den {X} nicht in den Müll, sondern aufs Pad, glaube ich.",
    "Er hat gesagt, den {X} nicht in den Müll, sondern aufs Pad.",
    "Mets le {x} sur le pad, pas dans la poubelle, je crois.",
    "Il a dit de mettre le {x} sur le pad, pas dans la poubelle.",
    "Peut-être le {x} sur le pad, pas dans la poubelle.",
    # the same place twice (a contradiction), the second place negated too, another cube second, two cubes
    "Den {X} nicht aufs Pad, sondern aufs Pad.",
    "Mets le {x} sur le pad, pas sur le pad.",
    "Den {X} nicht in den Müll, sondern nicht aufs Pad.",
    "Den {X} nicht in den Müll, sondern den {Y} aufs Pad.",
    "Den {X} und den {Y} nicht in den Müll, sondern aufs Pad.",
    # a second request after it (whether the negation reaches it), a deferral, a slip taken back
    "Den {X} nicht in den Müll, sondern aufs Pad, dann den {Y} in den Müll.",
    "Den {X} nicht in den Müll, sondern aufs Pad, aber erst morgen.",
    "Den {X} nicht in den Müll, sondern aufs Pad – nein, doch in den Müll.",
])
def test_the_bare_colour_twins_move_nothing(template: str) -> None:
    filled_moves_nothing(template)


@pytest.mark.parametrize("triple", _TRIPLES[:2], ids="-".join)
@pytest.mark.parametrize(("template", "spec"), [
    # "tu sais <infinitive> ..., s'il te plaît ?", "On range."
    ("Tu sais mettre le {x} dans la poubelle, s'il te plaît ?", ("x>bin",)),
    ("Tu sais mettre le {x} dans la poubelle, s'il te plaît ? On range, là.", ("x>bin",)),
    ("Tu peux mettre le {x} dans la poubelle ? On range.", ("x>bin",)),
    ("Mets le {x} dans la poubelle, on range.", ("x>bin",)),
    # the exclusion first with no comma
    ("Außer dem {X} bitte alle Würfel in den Eimer.", ("rest>bin",)),
    ("Außer dem {X} alle Würfel auf die linke Seite.", ("rest>left",)),
    ("Bis auf den {X} bitte alle Würfel in den Eimer.", ("rest>bin",)),
    # the future as an order
    ("Vous poserez le cube {x} sur le {y}.", ("x>y",)),
    ("Vous me mettrez le {x} dans la poubelle. Exécution !", ("x>bin",)),
    ("Tu poseras le {x} sur le pad, puis tu jetteras le {y}.", ("x>pad", "y>bin")),
    ("Vous poserez le cube {x} sur le {y}, mais d'abord le {z} dans la poubelle, s'il vous plaît. Ça joue ?",
     ("z>bin", "x>y")),
    ("Avant de déposer le {y} sur le pad, vous me mettrez le {x} à la poubelle.", ("x>bin", "y>pad")),
    ("Mets le {x} dans la poubelle. Exécution !", ("x>bin",)),
])
def test_the_fd46_family_plans(template: str, spec: tuple[str, ...], triple: tuple[str, str, str]) -> None:
    filled_plans(template, spec, triple)


@pytest.mark.parametrize("template", [
    # "tu sais" said, not asked; negated; another person; a report of knowing
    "Tu sais mettre le {x} dans la poubelle, s'il te plaît.",
    "Tu sais mettre le {x} dans la poubelle.",
    "Tu sais pas mettre le {x} dans la poubelle, s'il te plaît ?",
    "Il sait mettre le {x} dans la poubelle, s'il te plaît ?",
    "Tu sais qu'il faut mettre le {x} dans la poubelle, s'il te plaît ?",
    # "on range" with a cube of its own
    "Mets le {x} dans la poubelle, on range le {y}.",
    # the exclusion first: asked, negated, hedged, reported, two cubes excluded
    "Außer dem {X} bitte alle Würfel in den Eimer?",
    "Außer dem {X} bitte alle Würfel in den Eimer, oder?",
    "Außer dem {X} bitte nicht alle Würfel in den Eimer.",
    "Außer dem {X} vielleicht alle Würfel in den Eimer.",
    "Außer dem {X} alle Würfel in den Eimer, glaube ich.",
    "Er sagt, außer dem {X} alle Würfel in den Eimer.",
    "Außer dem {X} und dem {Y} alle Würfel in den Eimer.",
    # ... and a place in the dative, where the cubes are (a state; REV s24 R9)
    "Außer dem {X} alle Würfel im Eimer.",
    "Außer dem {X} bitte alle Würfel im Eimer.",
    "Außer dem {X} alle Würfel im Müll.",
    "Außer dem {X} alle Würfel auf dem Pad.",
    "Außer dem {X} bitte alle Würfel auf dem Pad.",
    "Außer dem {X} alle Würfel in der Tonne.",
    # the future: asked, negated (with and without "ne"), deferred, conditioned, said of another, hedged, reported
    "Vous poserez le cube {x} sur le {y} ?",
    "Vous ne poserez pas le cube {x} sur le {y}.",
    "Vous poserez pas le cube {x} sur le {y}.",
    "Tu poseras jamais le {x} sur le {y}.",
    "Demain, vous poserez le cube {x} sur le {y}.",
    "Plus tard, vous poserez le cube {x} sur le {y}.",
    "Vous poserez le cube {x} sur le {y} demain.",
    "Quand il sera là, vous poserez le cube {x} sur le {y}.",
    "Si vous voulez, vous poserez le cube {x} sur le {y}.",
    "Il posera le cube {x} sur le {y}.",
    "Vous poserez peut-être le cube {x} sur le {y}.",
    "Vous poserez le cube {x} sur le {y}, je pense.",
    "Il a dit que vous poserez le cube {x} sur le {y}.",
    # "Exécution" asked, in the request's sentence, denied
    "Mets le {x} dans la poubelle. Exécution ?",
    "Mets le {x} dans la poubelle, exécution !",
    "Mets le {x} dans la poubelle. Pas d'exécution !",
    "Exécution !",
])
def test_the_fd46_twins_move_nothing(template: str) -> None:
    filled_moves_nothing(template)


_TOWER_SCENE = _scene("purple", "blue", "green")


@pytest.mark.parametrize("text", [
    "Ganz unten kommt der lila Würfel hin, darauf der blaue, und obendrauf der grüne.",
    "Ganz unten der lila Würfel, darauf der blaue, und obendrauf der grüne.",
    "Ganz unten der lila Würfel, darauf der blaue, und ganz oben der grüne.",
])
def test_a_tower_by_its_levels_with_no_word_for_it_is_built(text: str) -> None:
    plans_as(text, tower("purple", "blue", "green"), _TOWER_SCENE)


@pytest.mark.parametrize("text", [
    "Ganz unten der lila Würfel, darauf der blaue, und obendrauf der grüne?",
    "Ganz unten der lila Würfel, darauf der blaue, und obendrauf nicht der grüne.",
    "Ganz unten der lila Würfel, darauf der blaue, und obendrauf der grüne, glaube ich.",
    "Ganz unten ist der lila Würfel, darauf der blaue, und obendrauf der grüne.",
])
def test_a_tower_by_its_levels_twins_move_nothing(text: str) -> None:
    moves_nothing(text, _TOWER_SCENE)


@pytest.mark.parametrize("triple", _TRIPLES[:2], ids="-".join)
@pytest.mark.parametrize(("template", "spec"), [
    ("Genre, pogne le {x} pis mets-le à droite, tsé.", ("x>right",)),
    ("Mets le {x} à droite, tsé.", ("x>right",)),
    ("Mets le {x} à droite, vas-y.", ("x>right",)),
    ("Frère, mets le {x} à gauche.", ("x>left",)),
    ("Le {y} tu le touches pas, c'est relou sinon. Pousse juste le {x} vers la gauche, vas-y.", ("push:x:left",)),
    ("Mets le {x} sur le pad, qu'on puisse passer à la suite.", ("x>pad",)),
    ("Frère, le cube {x} là, mets-le sur le côté gauche, il est trop chelou là où il est.", ("x>left",)),
    ("Pousse le {x} vers l'avant, loin de toi, comme une passe au centre !", ("push:x:forward",)),
    ("Kumpel, schieb ma den {X} n Stück nach vorne, weg von dir, dat passt schon.", ("push:x:forward",)),
    ("Passt scho, fahr wieder in deine Grundstellung.", ("home",)),
    ("Passt scho, des war's für heit. Fahr wieder hoam in deine Grundstellung, gell.", ("home",)),
])
def test_the_personas_plan(template: str, spec: tuple[str, ...], triple: tuple[str, str, str]) -> None:
    filled_plans(template, spec, triple)


@pytest.mark.parametrize("template", [
    # asked, negated
    "Genre, pogne le {x} pis mets-le à droite, tsé ?",
    "Genre, le {x} à droite ?",
    "Genre, ne mets pas le {x} à droite.",
    "Mets le {x} à droite, vas-y ?",
    "Mets le {x} à droite, vas-y !?",
    "Frère, le {x} à gauche ?",
    # the annoyance after a request that forbids nothing; the purpose and the trouble after a negated or asked request
    "Mets le {x} à gauche, c'est relou sinon.",
    "Ne mets pas le {x} sur le pad, qu'on puisse passer à la suite.",
    "Mets le {x} sur le pad, qu'on puisse passer à la suite ?",
    "Ne mets pas le {x} à gauche, il est trop chelou là où il est.",
    "Mets le {x} à gauche, il est trop chelou là où il est ?",
    # a simile naming a cube or a side
    "Pousse le {x} comme une passe au {y}.",
    "Pousse le {x} vers l'avant, comme une passe à gauche.",
    # German: asked, negated, "n Stück" with no direction, the day's end before another kind of sentence
    "Kumpel, der {X} aufs Pad?",
    "Kumpel, schieb den {X} nicht nach vorne.",
    "Schieb mal den {X} n Stück nach vorne, dat passt schon?",
    "Schieb mal den {X} n Stück.",
    "Passt scho, der {X} aufs Pad?",
    "Des war's für heit, leg den {X} in den Müll.",
    # "Exécution" typed "!?" (REV s24 low)
    "Mets le {x} dans la poubelle. Exécution!?",
])
def test_the_personas_twins_move_nothing(template: str) -> None:
    filled_moves_nothing(template)


# the seen fd45 misses of P2 s23's open list: "steuplé", a learner's "du kannst ... ?", "huckepack", "direction"
@pytest.mark.parametrize("triple", _TRIPLES[:2], ids="-".join)
@pytest.mark.parametrize(("template", "spec"), [
    ("Mets le {x} sur le pad steuplé.", ("x>pad",)),
    ("Mets le {x} sur le pad, siouplé.", ("x>pad",)),
    ("Bitte, du kannst den {X} Würfel auf die rechte Seite stellen? Danke schön.", ("x>right",)),
    ("Du kannst den {X} in den Müll legen?", ("x>bin",)),
    ("Setzen Sie bitte den {X} Würfel huckepack auf den {Y}, also einfach obendrauf.", ("x>y",)),
    ("Setz den {X} huckepack auf den {Y}.", ("x>y",)),
    ("Cube {x}, direction le pad, et que ça saute !", ("x>pad",)),
    ("Le {x}, direction la poubelle.", ("x>bin",)),
    ("Prends le {x}, direction le pad.", ("x>pad",)),
])
def test_the_s23_open_list_plans(template: str, spec: tuple[str, ...], triple: tuple[str, str, str]) -> None:
    filled_plans(template, spec, triple)


@pytest.mark.parametrize("template", [
    # "steuplé" after a goal with no verb, asked (the R13 convention), and after a prohibition alone
    "Le {x} sur le pad steuplé ?",
    "Ne mets pas le {x} sur le pad steuplé.",
    # "du kannst": said, not asked; negated; another person; reported; hedged; taken back
    "Du kannst den {X} in den Müll legen.",
    "Du kannst den {X} nicht in den Müll legen?",
    "Bitte, du kannst den {X} nie in den Müll legen?",
    "Er kann den {X} in den Müll legen?",
    "Ich weiß, du kannst den {X} in den Müll legen?",
    "Du kannst den {X} in den Müll legen, glaube ich?",
    "Du kannst den {X} in den Müll legen? Nein, lass.",
    # "huckepack" with no place; "also obendrauf" after another place, negated, asked
    "Setz den {X} huckepack.",
    "Setz den {X} nicht huckepack auf den {Y}.",
    "Leg den {X} in den Müll, also einfach obendrauf.",
    "Setz den {X} auf den {Y}, also nicht obendrauf.",
    "Setz den {X} auf den {Y}, also einfach obendrauf?",
    # "direction": asked, negated, alone, hedged, deferred
    "Le {x}, direction la poubelle ?",
    "Le {x}, pas direction la poubelle.",
    "Direction la poubelle.",
    "Le {x}, direction la poubelle, je crois.",
    "Le {x}, direction la poubelle, demain.",
])
def test_the_s23_open_list_twins_move_nothing(template: str) -> None:
    filled_moves_nothing(template)


@pytest.mark.parametrize("template", [
    # a lone "?" or a "please"/"thanks" asked as a sentence of its own after a goal with no verb asks it (REV s24 R4/R8,
    # their French and German twins), as "..., s'il te plaît ?" does; telegraphic too
    "Le {x} sur le pad. S'il te plaît ?",
    "Le {x} sur le pad ! S'il vous plaît ?",
    "Le {x} sur le pad. Stp ?",
    "Le {x} sur le pad. Merci ?",
    "Le {x} dans la poubelle. ?",
    "Le {x}. Sur le pad. S'il te plaît ?",
    "Le {x}. Sur le pad. ?",
    "Den {X} aufs Pad. Bitte?",
    "Den {X} aufs Pad. Danke?",
    "Der {X} in den Müll. ?",
    "Den {X}. Aufs Pad. Bitte?",
])
def test_a_goal_asked_in_a_sentence_of_its_own_moves_nothing(template: str) -> None:
    filled_moves_nothing(template)


@pytest.mark.parametrize("triple", _TRIPLES[:2], ids="-".join)
@pytest.mark.parametrize(("template", "spec"), [
    # an order asked so still plans (the convention: an order asked with please plans)
    ("Mets le {x} sur le pad. S'il te plaît ?", ("x>pad",)),
    ("Leg den {X} aufs Pad. Bitte?", ("x>pad",)),
])
def test_an_order_asked_in_a_sentence_of_its_own_plans(template: str, spec: tuple[str, ...],
                                                        triple: tuple[str, str, str]) -> None:
    filled_plans(template, spec, triple)


@pytest.mark.parametrize("template", [
    # REV s24 R13: "Tu sais, / Vous savez," before a goal with no verb asked; a cube and a bare place asked with a tag
    "Tu sais, le {x} à la poubelle ?",
    "Tu sais, le {x} à la poubelle, s'il te plaît ?",
    "Vous savez, le {x} à la poubelle ?",
    "Le {x}, poubelle, s'il te plaît ?",
    "Le {x}, poubelle, hein ?",
    "Bon, le {x}, poubelle, hein ?",
    "Den {X}, Müll, bitte?",
    # R14 residue: thanks after the asked "please"; the learner's statement order said in surprise
    "Den {X} aufs Pad. Bitte ? Danke.",
    "Du kannst den {X} Würfel in den Müll legen?!",
])
def test_rev_s24_r13_r14_twins_move_nothing(template: str) -> None:
    filled_moves_nothing(template)
