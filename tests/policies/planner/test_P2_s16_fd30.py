"""French and German of fresh_fr_de_30 (issue #17 item 5, sixteenth pass), by family, each with its negated,
questioned, reported and near-miss variants refused.

Families read (each a closed form):
- reasons closing a sentence (fr_de_reasons): haste ("et vite, que la pêche elle attend pas", "on n'a pas toute la
  journée", "ick hab nich den janzen Tach Zeit"), the cube too near the edge ("der steht mir zu nah am Rand", "il est
  trop près du bord"), whose it is ("der gehört Jonas", after the clause that excepts it), "y sert pu à rien
  pantoute", a threat of temper after a prohibition ("sinon je m'énerve"), what the request lets us start ("qu'on
  puisse commencer la réunion", "damit wir anfangen können"), what a stack looks like after a request that stacks
  ("comme une p'tite tour", "wie ein kleiner Turm"); a reason may now close any sentence, not only the last one;
- openers and closings: Marseille exclamations ("Oh fan de chichourle !", "Bonne mère !"), Viennese "Habe die Ehre!",
  "Ey Meister,", "Schau her:", "wow,", a visitor's small talk (a first visit, a relative who works or studies here,
  "ich rede schon wieder zu viel", "c'est toi le fameux robot ?", "mon neveu m'a tellement parlé de toi"), "..., zou !",
  "..., tsé", "..., capito ?", "..., wenn S' so freundlich wären", "J'aimerais bien voir ça !", "Das würde ich gern mal
  sehen.", a learner's "Ich hoffe, ich sage richtig.";
- words and frames: "c'te" (ce), "hernach" (danach), "schmeiß'n" (schmeiß ihn), "X nehmen und auf die rechte Seite
  legen" (the second infinitive's object left out), "On va se faire une petite tour : ...", "Tout ça, tu me le mets à
  droite".
"""

from __future__ import annotations

import pytest
from planner_asserts import cube_scene, filled_moves_nothing, filled_plans
from test_planner_fresh12_words import plan
from test_translation_spoken import _TRIPLES, assert_negated_never_runs

from policies.planner import Clarification, Plan
from policies.planner.fr_de_reasons import without_reason

_PLANS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # reasons
    ("Allez, bouge-moi le {x} sur la gauche, et vite, que la pêche elle attend pas !", ("x>left",)),
    ("Mets le cube {x} dans la poubelle, on n'a pas toute la journée.", ("x>bin",)),
    ("Pose le {x} sur le {y}, que le bus il attend pas.", ("x>y",)),
    ("Schieb den {X} Würfel ein Stück nach links, bitte, der steht mir zu dicht am Rand.", ("push:x:left",)),
    ("Pousse le cube {x} vers la droite, il est trop près du bord.", ("push:x:right",)),
    ("Alle Würfel uff die rechte Seite, aba zackig, ick hab nich den janzen Tach Zeit!", ("all>right",)),
    ("Leg den {X} Würfel in den Müll, ich hab nicht den ganzen Tag Zeit.", ("x>bin",)),
    ("Räum bitte alles in den Mülleimer, nur den {X} nicht, der gehört Jonas.", ("rest>bin",)),
    ("Débarrasse-moi de c'te cube {x}-là, y sert pu à rien pantoute.", ("x>bin",)),
    ("Allez, s'il vous plaît, le cube {x} sur le pad, qu'on puisse commencer la réunion.", ("x>pad",)),
    ("Leg den {X} Würfel aufs Pad, damit wir anfangen können.", ("x>pad",)),
    ("Mets le cube {x} par-dessus le {y}, là, tsé, comme une p'tite tour.", ("x>y",)),
    ("Stell den {X} Würfel auf den {Y}, wie ein kleiner Turm.", ("x>y",)),
    ("Le {x}, tu me le touches pas, hein, sinon je m'énerve ! Le {y}, par contre, tu me le poses sur le {z}.",
     ("y>z",)),
    # openers, closings, visitors
    ("Oh fan de chichourle ! Pose le {x} sur le pad, zou !", ("x>pad",)),
    ("Bonne mère ! Mets le {x} dans la poubelle.", ("x>bin",)),
    ("Habe die Ehre! Zuerst bitte den {X} Würfel auf den {Y}, und hernach den {Z} in den Mistkübel, wenn S' so "
     "freundlich wären.", ("x>y", "z>bin")),
    ("Schau her: leg den {X} Würfel in den Müll.", ("x>bin",)),
    ("Bonjour ! Alors c'est toi le fameux robot ? Mon neveu m'a tellement parlé de toi... Bon, si ça ne te dérange "
     "pas, tu pourrais poser le cube {x} sur le {y} ? J'aimerais bien voir ça !", ("x>y",)),
    ("Hallo! Wow, ich war noch nie in so einem Labor. Meine Tochter macht hier übrigens ihre Masterarbeit... ach, ich "
     "rede schon wieder zu viel. Könntest du vielleicht den {X} Würfel auf die linke Seite stellen? Das würde ich gern "
     "mal sehen.", ("x>left",)),
    ("Hallo! Ich bin nur zu Besuch hier, meine Tochter arbeitet im Labor nebenan, und sie hat gesagt, ich darf dir "
     "auch mal was sagen. Also... würdest du vielleicht den {X} Würfel auf den {Y} setzen? Das wär ja toll!", ("x>y",)),
    ("Roboter, kannst du den {X} Würfel nehmen und auf die rechte Seite legen? Ich hoffe, ich sage richtig.",
     ("x>right",)),
    ("Könnten Sie den {X} Würfel nehmen und in den Müll werfen?", ("x>bin",)),
    # frames
    ("On va se faire une petite tour : le {x} en bas, ensuite le {y}, et le {z} tout en haut. Merci !",
     ("y>x", "z>y")),
    ("Tout ça, tu me le mets à droite, sauf le {x}, lui il reste où il est, capito ?", ("rest>right",)),
    ("Tu mets le cube {x} dans la poubelle, compris ?", ("x>bin",)),
)


@pytest.mark.parametrize("triple", _TRIPLES, ids="-".join)
@pytest.mark.parametrize(("template", "spec"), _PLANS, ids=[t for t, _ in _PLANS])
def test_a_request_plans_exactly(template: str, spec: tuple[str, ...], triple: tuple[str, str, str]) -> None:
    filled_plans(template, spec, triple)


@pytest.mark.parametrize(("template", "spec"), _PLANS, ids=[t for t, _ in _PLANS])
def test_each_verb_of_it_negated_never_runs(template: str, spec: tuple[str, ...]) -> None:
    assert_negated_never_runs(template, spec)


@pytest.mark.parametrize("template", [
    # haste, edge, owner, purpose, shape reasons after a negated, questioned or reported request, or not agreeing
    "Ne bouge pas le {x} sur la gauche, et vite, que la pêche elle attend pas !",
    "Tu as mis le cube {x} dans la poubelle, on n'a pas toute la journée ?",
    "Pose le {x} sur le {y}, que le {z} il attend pas.",
    "Schieb den {X} Würfel nicht nach links, der steht mir zu nah am Rand.",
    "Hast du den {X} Würfel nach links geschoben? Der steht mir zu nah am Rand.",
    "Räum bitte alles in den Mülleimer, der {XB}e gehört Jonas.",
    "Räum bitte alles in den Mülleimer, nur den {X} nicht, der gehört weg.",
    "Räum bitte alles in den Mülleimer, nur den {X} nicht, der gehört dahin.",
    "Leg den {X} Würfel aufs Pad, der gehört Jonas.",
    "Mets le cube {x} dans la poubelle, comme une p'tite tour.",
    "Ne mets pas le cube {x} par-dessus le {y}, comme une p'tite tour.",
    "Mets le cube {x} dans la poubelle, sinon je m'énerve !",
    "Ne mets pas le cube {x} sur le pad, qu'on puisse commencer la réunion.",
    "Mets le cube {x} sur le pad, qu'on puisse commencer le {y}.",
    "Leg den {X} Würfel nicht aufs Pad, damit wir anfangen können.",
    # the visitor's frames followed by no request, a negated or reported one, or open words
    "Bonjour ! Alors c'est toi le fameux robot ?",
    "Mon neveu m'a tellement parlé de toi... Ne pose pas le cube {x} sur le {y}.",
    "Mon neveu a posé le cube {x} sur le {y}. Tu pourrais le mettre dans la poubelle ?",
    "Meine Tochter steht neben dem Arm. Könntest du den {X} Würfel auf die linke Seite stellen?",
    "Ich war noch nie in so einem Labor. Hast du den {X} Würfel auf die linke Seite gestellt?",
    "Meine Tochter macht hier übrigens ihre Masterarbeit. Leg den {X} Würfel nicht auf die linke Seite.",
    # openers/closings with no request, a question or a negation
    "Oh fan de chichourle !",
    "Oh fan de chichourle ! Tu as posé le {x} sur le pad ?",
    "Habe die Ehre! Den {X} Würfel nicht in den Mistkübel, wenn S' so freundlich wären.",
    "Schau her: der {XB}e Würfel liegt im Müll.",
    "Pose le {x} sur le pad, zou ?",
    "Tu mets le cube {x} dans la poubelle, compris ou pas ?",
    "Tu as mis le cube {x} dans la poubelle, capito ?",
    "Tout ça, tu me le mets pas à droite, capito ?",
    "Tout ça, tu me l'as mis à droite ?",
    "On a fait une petite tour : le {x} en bas, ensuite le {y}, et le {z} tout en haut.",
    "On va pas se faire une petite tour : le {x} en bas, ensuite le {y}, et le {z} tout en haut.",
    "Kannst du den {X} Würfel nehmen und nicht in den Müll werfen?",
    "Hast du den {X} Würfel genommen und in den Müll geworfen?",
])
def test_a_negated_questioned_reported_or_near_miss_variant_is_refused(template: str) -> None:
    filled_moves_nothing(template)


_STACKS = cube_scene(("red", [0.45, 0.1, 0.022]), ("yellow", [0.45, 0.1, 0.066]), ("blue", [0.56, -0.1, 0.022]),
                     ("green", [0.56, -0.1, 0.066]))
_TWO = cube_scene(("red", [0.47, 0.1, 0.022]), ("blue", [0.58, -0.08, 0.022]))


@pytest.mark.parametrize(("text", "scene", "candidates"), [
    ("Oh fan de chichourle ! Celui du dessus, là, prends-le-moi et pose-le sur le pad, zou !", _STACKS,
     {"yellow_cube", "green_cube"}),
    ("Ey Meister, nimm ma den Würfel da und schmeiß'n in'n Müll, wa?", _TWO, {"red_cube", "blue_cube"}),
])
def test_a_cube_the_words_leave_open_is_asked_for(text: str, scene: object, candidates: set[str]) -> None:
    result = plan(text, scene)  # type: ignore[arg-type]
    assert isinstance(result, Clarification), (text, result)
    assert set(result.candidates) == candidates, (text, result)


def test_schmeiss_n_negated_never_runs() -> None:
    result = plan("Ey Meister, nimm ma den roten Würfel da und schmeiß'n nicht in'n Müll, wa?", _TWO)
    assert not isinstance(result, Plan) or "place_in(region=bin)" not in [str(s) for s in result.steps], result


def test_the_edge_reason_is_taken_off_the_german_request() -> None:
    # "nah" itself is held by the English screen of the raw text (P1's speech_act, told in notes16/P1.md)
    assert without_reason("schieb den orangen würfel ein stück nach links, bitte, der steht mir zu nah am rand.",
                          "de") == "schieb den orangen würfel ein stück nach links, bitte."
