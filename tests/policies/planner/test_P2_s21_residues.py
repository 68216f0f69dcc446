"""French and German residues of the twentieth session's gates (issue #17 item 5, twenty-first pass), each a
convention said once for all three languages, with its twins:

- "how far" said in a clause of its own after the request (un peu / un petit coup / un poil / légèrement; ein bisschen /
  ein wenig / ein Stück / un pochino) is the length of a push: read only when the last verb of action before it is a
  push; after a put ("Leg den roten nach links. Nur ein bisschen.") it asks for a small move, not the side region,
  and is refused, as "Mets le rouge un peu à gauche" already was (A1 s20 low);
- haste (A1 H157): a bare word of haste closing a request plans in every language, as the seen golds of all three say
  ("vite", "schnell bitte", "quick pls", "asap"); a speed asked for beyond the arm's own (le plus vite possible, à
  toute vitesse, so schnell wie möglich, mit Vollgas, as fast as you can) is refused, French, German and English alike;
- an imperative with "?" is a request in French as in English ("Mets le rouge à droite ?", "Put the red cube on the
  right?"); the "tu" statement asked with "?" stays a question, refused;
- (A1 s21 H172) a greeting or an address before a word of surprise is looked through by the surprise screen ("Mon
  homme, oh, le rouge dans la poubelle." refuses as "Oh, le rouge dans la poubelle." does);
- (A1 s21 H173) the robot's view said as a correction is never asked ("..., je veux dire du point de vue du robot ?");
- "zu Ihnen / euch hin" is the robot addressed formally or in the plural (the eighteenth pass's reading of "Ihnen" and
  "euch" wherever "dir" is read): toward the robot, as "zu dir hin".
"""

from __future__ import annotations

import pytest
from planner_asserts import S3, filled_moves_nothing, filled_plans, moves_nothing, plans_as


@pytest.mark.parametrize(("template", "spec"), [
    ("Pousse le {x} à gauche, genre juste un petit coup.", ("push:x:left",)),
    ("Schieb den {X} nach links. Nur ein bisschen.", ("push:x:left",)),
    ("Schieb den {X} Würfel nach rechts, nur ein wenig.", ("push:x:right",)),
    ("Pousse le {x} vers l'avant, juste un peu.", ("push:x:forward",)),
    ("Leg den {X} nach rechts und schieb den {Y} nach links. Nur ein bisschen.", ("x>right", "push:y:left")),
])
def test_how_far_after_a_push_plans(template: str, spec: tuple[str, ...]) -> None:
    filled_plans(template, spec)


@pytest.mark.parametrize("template", [
    "Leg den {X} nach links. Nur ein bisschen.",
    "Mets le {x} à gauche, genre juste un petit coup.",
    "Mets le {x} à gauche, juste un peu.",
    "Stell den {X} nach rechts, ein wenig.",
    "Mets le {x} à droite, un poil.",
    "Mets le {x} à droite. Légèrement.",
    "Den {X} nach links, nur ein bisschen.",
    "Le {x} à gauche, juste un peu.",
    # a push said first, the put last: the "how far" goes with the put
    "Schieb den {X} nach links und leg den {Y} nach rechts. Nur ein bisschen.",
    "Pousse le {x} à gauche puis mets le {y} à droite, juste un peu.",
    # the push negated or asked keeps refusing
    "Schieb den {X} nicht nach links. Nur ein bisschen.",
    "Tu pousses le {x} à gauche ? Juste un peu.",
])
def test_how_far_after_a_put_moves_nothing(template: str) -> None:
    filled_moves_nothing(template)


@pytest.mark.parametrize(("template", "spec"), [
    ("Mets le {x} dans la poubelle, vite.", ("x>bin",)),
    ("Mets le {x} dans la poubelle, rapidement.", ("x>bin",)),
    ("Leg den {X} in den Müll, schnell.", ("x>bin",)),
    ("leg bitte den {X} Würfel auf den {Y}, schnell bitte", ("x>y",)),
])
def test_a_bare_word_of_haste_closing_a_request_plans(template: str, spec: tuple[str, ...]) -> None:
    filled_plans(template, spec)


@pytest.mark.parametrize("text", [
    "Put the red cube in the bin, quick.",
    "Put the red cube in the bin real quick.",
])
def test_the_english_twin_of_haste_plans(text: str) -> None:
    plans_as(text, ["pick(object=red_cube)", "place_in(region=bin)"], S3)


@pytest.mark.parametrize("template", [
    "Mets le {x} dans la poubelle, le plus vite possible.",
    "Mets le {x} dans la poubelle, très vite.",
    "Mets le {x} dans la poubelle à toute vitesse.",
    "Mets le {x} dans la poubelle, super vite.",
    "Mets le {x} dans la poubelle aussi vite que possible.",
    "Leg den {X} in den Müll, so schnell wie möglich.",
    "Leg den {X} in den Müll, ganz schnell.",
    "Leg den {X} in den Müll, sehr schnell.",
    "Leg den {X} in den Müll, mit Vollgas.",
    "Leg den {X} in den Müll, so schnell du kannst.",
    # haste kept, the request negated or asked
    "Ne mets pas le {x} dans la poubelle, vite.",
    "Tu mets le {x} dans la poubelle, vite ?",
    "Leg den {X} nicht in den Müll, schnell.",
    "Mets le {x} dans la poubelle, vite ?",
])
def test_a_speed_beyond_the_arm_or_a_twin_moves_nothing(template: str) -> None:
    filled_moves_nothing(template)


@pytest.mark.parametrize("text", [
    "Put the red cube in the bin as fast as you can.",
    "Put the red cube in the bin, very quickly.",
])
def test_the_english_twin_of_a_speed_beyond_the_arm_moves_nothing(text: str) -> None:
    moves_nothing(text)


def test_an_imperative_with_a_question_mark_is_a_request_in_french_as_in_english() -> None:
    filled_plans("Mets le {x} à droite ?", ("x>right",))
    filled_plans("Mets le {x} à droite ? C'est pour le montrer à ma fille.", ("x>right",))
    plans_as("Put the red cube on the right?", ["pick(object=red_cube)", "place_in(region=right)"], S3)
    filled_moves_nothing("Tu mets le {x} à droite ? C'est pour le montrer à ma fille.")
    filled_moves_nothing("Ne mets pas le {x} à droite ? C'est pour le montrer à ma fille.")


@pytest.mark.parametrize("template", ["Schieb den {X} zu dir hin.", "Schieb den {X} zu Ihnen hin.",
                                      "Schieb den {X} zu euch hin."])
def test_toward_the_robot_addressed_formally_or_in_the_plural(template: str) -> None:
    filled_plans(template, ("push:x:backward",))


@pytest.mark.parametrize("template", [
    "Mon homme, oh, le {x} dans la poubelle.",
    "Mon ami, oh, le {x} dans la poubelle.",
    "Mon chéri, oh, le {x} dans la poubelle.",
    "Bonjour mon ami, ah, le {x} dans la poubelle.",
    "Mon homme, ah, tous les cubes dans la poubelle.",
    "Mein Lieber, ach, der {X} unten, der {Y} in der Mitte, der {Z} oben.",
    "Pousse le {x} à gauche, je veux dire du point de vue du robot ?",
    "Schieb den {X} nach rechts, also aus Sicht des Roboters?",
])
def test_an_address_before_surprise_or_an_asked_view_moves_nothing(template: str) -> None:
    filled_moves_nothing(template)


def test_an_address_before_a_request_still_plans() -> None:
    filled_plans("Mon ami, mets le {x} dans la poubelle.", ("x>bin",))
    filled_plans("Kannst du den {X} von dir aus gesehen nach links schieben?", ("push:x:left",))
