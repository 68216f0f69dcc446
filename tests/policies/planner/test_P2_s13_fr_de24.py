"""French and German of the thirteenth pass (issue #17 item 5; the classes of the dev split fresh_fr_de_24: a Quebec
student, an Alsatian teacher, a Viennese worker, a Swiss clerk, a Belgian grandmother). Words: Quebec "drope" (put:
a place must be said), Swiss "parkieren" (put), "enlève X et mets-le ..." (take it there; "enlève X" alone stays
unread), "le petit vert" (one size of cube: fondness), "toutes les cubes", "steh'n", "monte-moi une pile avec les
trois :" (a tower, its count kept), "kommt der orange aufs Pad" (where a cube goes, not in a question), "den grünen
Würfel gib in Mistkübel" (the object before its imperative), "jeden Würfel, der hier rumliegt" (every cube).
Fillers: "Hopla", "Also hopla:", "Feierabend für heute.", ", Oida", "on fait le ménage avant la fin du cours :",
"fais bien attention," before a prohibition, "pour l'éloigner de toi" after a push (forward), "ne touche pas au
rouge juste à côté", "au rebut" (the bin), a flaw said of the cube before a request to bin it ("Le cube rouge a un
coin ébréché, tu peux le mettre au rebut ?"), a compliment heard from a grandchild. Reasons (fr_de_reasons), each
taken off only where it agrees: "faut que je le scanne pour mon labo" (not after the bin), "comme ça ils font une
jolie petite maison", "il est trop collé à ta base", "der is eh scho ganz zerkratzt" (after the bin), "il appartient
à l'équipe d'à côté", "sinon tout va dégringoler", "der ist frisch eingemessen", "Den roten brauche ich noch" (the
excepted cube, by its colour), "lassen Sie die Würfel, wie sie sind" (after the arm's return alone), "C'est juste
pour voir", "Celui que j'ai utilisé tantôt" (after a request whose cube is open: the planner asks). Each plans
exactly over colour triples; each negated never runs what it forbids; near misses refuse or ask. And the same
classes in seen records: "alles" as the object a final verb goes before ("kannst du alles außer dem roten in den
Müll tun pls"), "pls" closing German, "mal 'n Stück" (ein), "zu dir ran" (toward the robot), "eben da, wo er
hingehört" (said of the place the request puts a cube), "tu n'y touches surtout pas", a keep reason naming the
grandchild ("c'est celui de mon petit-fils Yann"), "Tu veux bien ranger X ?" followed by a sentence (could you: as
"please ...?" the English screen read a question whether), "Bon le vert il sert à rien, dégage-le à la poubelle"
(the uselessness said before a request to the bin that takes the cube up), "dégage" (put: a place must be said), "Ma
Doue,", "Sois gentil, mon petit, ..." (a vocative between clauses). Each plans exactly over colour triples; each
negated never runs what it forbids; near misses refuse or ask.
"""

from __future__ import annotations

import pytest
from planner_asserts import filled_never_plans
from test_translation_spoken import _PLANNER, _TRIPLES, _scene, assert_negated_never_runs, assert_plans_exactly

from policies.planner import Clarification, SceneState

_PLANS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # French
    ("Heille, drope le cube {x} sur la zone cible, faut que je le scanne pour mon labo de physique.", ("x>pad",)),
    ("Oh dis, tu serais gentil de poser le petit {x} sur le {y}, comme ça ils font une jolie petite maison, hein.",
     ("x>y",)),
    ("Monte-moi une pile avec les trois : le {x} à la base, le {y} au milieu et le {z} au sommet.", ("y>x", "z>y")),
    ("Bon ben, on fait le ménage avant la fin du cours : mets-moi toutes les cubes dans la poubelle, là.",
     ("all>bin",)),
    ("Range tous les cubes sur la cible sauf le {x}, il appartient à l'équipe d'à côté.", ("rest>pad",)),
    ("Le cube {x}, tu le mets dans la poubelle, mais fais bien attention, ne touche surtout pas au {y} juste à côté, "
     "hein, sinon tout va dégringoler.", ("x>bin",)),
    ("Pousse un peu le {x} pour l'éloigner de toi, il est trop collé à ta base.", ("push:x:forward",)),
    ("Hopla, mets le {x} dans le bac.", ("x>bin",)),
    ("Enlève le {x} et mets-le à la poubelle.", ("x>bin",)),
    ("Retourne à ta position de départ et laisse les cubes comme ils sont.", ("home",)),
    ("Le cube {x} a un coin ébréché, tu peux le mettre au rebut ?", ("x>bin",)),
    ("Bonjour mon petit robot ! Ma petite-fille m'a dit que tu savais faire plein de choses. Tu pourrais mettre une "
     "fois le cube {x} sur le {y} ? C'est juste pour voir, hein, je ne veux rien casser. Merci bien, tu es un amour.",
     ("x>y",)),
    # German
    ("Geh bitte, den {X} Würfel gib in Mistkübel, der is eh scho ganz zerkratzt, Oida.", ("x>bin",)),
    ("Parkieren Sie bitte den {X} Würfel oben auf dem {Y}, danke.", ("x>y",)),
    ("Also hopla: bevor du den {Y} auf die rechte Tischseite stellst, kommt der {XB}e aufs Pad.", ("x>pad", "y>right")),
    ("Der {XB}e kommt aufs Pad.", ("x>pad",)),
    ("Kanst du bitte jeden Würfel der hier rumliegt aufs Pad legen?", ("all>pad",)),
    ("Bitte alle Würfel ausser dem {X} in den Abfallkübel räumen. Den {X} brauche ich noch für die Kalibrierung.",
     ("rest>bin",)),
    ("Stell den {X} auf den {Y}, aber lass den {Z} in Ruhe, der ist frisch eingemessen.", ("x>y",)),
    ("Feierabend für heute. Fahren Sie den Arm bitte in die Ausgangsposition zurück und lassen Sie die Würfel, wie sie "
     "sind.", ("home",)),
    ("Den {X} lass steh'n, und den {Y} gib in Müll, bitte.", ("y>bin",)),
    ("Räum den {Y} in den Mistkübel, aber den {X} lass stehen.", ("y>bin",)),
    # the same classes in the seen splits' records (d16, d17, fd23)
    ("kannst du alles außer dem {X} in den müll tun pls", ("rest>bin",)),
    ("Kannst du alles in den Müll tun?", ("all>bin",)),
    ("Schubs den {X} Würfel mal 'n Stück zu dir ran.", ("push:x:backward",)),
    ("Park den {X} mal auf dem Pad, eben da, wo er hingehört.", ("x>pad",)),
    ("Tu veux bien ranger le cube {x} dans la poubelle ? Mais le {y}, tu n'y touches surtout pas, c'est celui de mon "
     "petit-fils Yann.", ("x>bin",)),
    ("Mets le {x} dans la poubelle. Le {y}, tu n'y touches surtout pas.", ("x>bin",)),
    ("Bon le {x} il sert à rien, dégage-le à la poubelle stp.", ("x>bin",)),
    ("Sois gentil, mon petit, mets le {x} aux ordures.", ("x>bin",)),
    ("Ma Doue, mets le {x} sur le {y}.", ("x>y",)),
)


@pytest.mark.parametrize("triple", _TRIPLES, ids="-".join)
@pytest.mark.parametrize(("template", "spec"), _PLANS, ids=[t for t, _ in _PLANS])
def test_a_request_plans_exactly(template: str, spec: tuple[str, ...], triple: tuple[str, str, str]) -> None:
    assert_plans_exactly(template, spec, triple)


@pytest.mark.parametrize(("template", "spec"), _PLANS, ids=[t for t, _ in _PLANS])
def test_each_verb_of_it_negated_never_runs(template: str, spec: tuple[str, ...]) -> None:
    assert_negated_never_runs(template, spec)


@pytest.mark.parametrize("template", [
    # a reason that does not agree with the request before it, or is negated
    "Jette le {x} à la poubelle, faut que je le scanne.",
    "Ne drope pas le {x} sur la zone cible, faut que je le scanne.",
    "Drope le cube {x} sur la zone cible, faut que je le jette.",
    "Ne pose pas le {x} sur le {y}, comme ça ils font une jolie petite maison.",
    "Ne pousse pas le {x}, il est trop collé à ta base.",
    "Le cube {x}, tu le mets dans la poubelle, sinon tout va dégringoler.",
    "Range le {x} sur la cible, il appartient à l'équipe d'à côté.",
    "Range tous les cubes sur la cible sauf le {x}, il appartient pas à l'équipe d'à côté.",
    "Mets le {x} dans le bac et laisse les cubes comme ils sont.",
    "Den {X} Würfel gib nicht in den Mistkübel, der is eh scho ganz zerkratzt.",
    "Den {X} Würfel gib in den Mistkübel, der is nicht zerkratzt.",
    "Leg den {X} aufs Pad, der is eh scho ganz zerkratzt.",
    "Leg den {X} in den Eimer, der ist kaputt.",  # "der" may be the bin, and a broken bin takes nothing
    "Alle außer dem {X} in den Müll. Den {Y} brauche ich noch.",
    "Leg den {X} in den Müll. Den {X} brauche ich noch.",
    "Alle außer dem {X} in den Müll. Den anderen brauche ich noch.",
    "Stell den {X} auf den {Y}, der ist frisch eingemessen.",
    "Leg den {X} in den Müll und lassen Sie die Würfel, wie sie sind.",
    "Fahren Sie zurück und lassen Sie die Würfel nicht, wie sie sind.",
    # a flaw said of the cube before a request that is not to the bin, negated, or about another cube
    "Le cube {x} a un coin ébréché, tu peux le mettre sur le pad ?",
    "Le cube {x} a un coin ébréché, tu ne peux pas le mettre au rebut ?",
    "Le cube {x} a un coin ébréché, tu peux pas le mettre au rebut ?",
    "Le cube {x} a un coin ébréché, tu peux mettre le {y} au rebut ?",
    "Le cube {x} a un coin ébréché.",
    # a compliment, or why the speaker asks, with no request or after a negated one
    "Ma petite-fille m'a dit que tu savais faire plein de choses.",
    "Ma petite-fille m'a dit que tu savais faire plein de choses. Ne mets pas le {x} sur le {y}.",
    "C'est juste pour voir.",
    "Ne mets pas le {x} sur le {y}. C'est juste pour voir.",
    "Mets le {x} sur le {y}. C'est juste pour voir, je ne veux rien casser, mais attends.",
    # the cube used before, after a request that names a cube of its own or is negated
    "Peux-tu me déposer le cube {x} sur le pad ? Celui que j'ai utilisé tantôt.",
    "Ne dépose pas le cube sur le pad. Celui que j'ai utilisé tantôt.",
    # a word read only where its place is said; a size that may tell the cubes apart
    "Drope le cube {x}.",
    "Enlève le {x}.",
    "Pose le plus petit cube sur le {y}.",
    "Pose le petit sur le {y}.",
    # "pour l'éloigner de toi" after no push; "fais bien attention" before no prohibition
    "Mets le {x} dans la poubelle pour l'éloigner de toi.",
    "Mets le {x} dans la poubelle, mais fais bien attention.",
    "Mets le {x} dans la poubelle, mais fais bien attention, touche le {y} juste à côté.",
    # a filler alone; a heading before a negated request
    "Hopla.",
    "Feierabend für heute.",
    "Bon ben, on fait le ménage avant la fin du cours : ne mets pas les cubes dans la poubelle.",
    # where a cube goes, asked, negated or said of no cube
    "Kommt der {XB}e aufs Pad?",
    "Der {XB}e kommt aufs Pad, oder?",
    "Also hopla: bevor du den {Y} auf die rechte Seite stellst, kommt der {XB}e nicht aufs Pad.",
    "Der nächste kommt aufs Pad.",
    "Das kommt aufs Pad.",
    # the object before its verb, negated or asked with "du"; "every cube" restricted otherwise
    "Den {X} gib nicht in den Müll.",
    "Den {X} lass nicht stehen, und den {Y} gib in Müll.",
    "Den {X} gibst du in den Müll?",
    "Kanst du bitte jeden Würfel der hier nicht rumliegt aufs Pad legen?",
    "Parkieren Sie bitte den {X} Würfel nicht auf dem {Y}.",
    "Parkieren Sie den {X} Würfel auf dem {Y}?",
    # a tower whose count is not the number of its levels
    "Monte-moi une pile avec les quatre : le {x} à la base, le {y} au milieu et le {z} au sommet.",
    "J'aimerais une petite tour avec ces quatre cubes : le {x} à la base, le {y} au milieu et le {z} au sommet.",
    # the seen classes' near misses
    "Park den {X} mal nicht auf dem Pad, eben da, wo er hingehört.",
    "Eben da, wo er hingehört.",
    "Tu veux bien ranger le cube {x} dans la poubelle ? Mais le {y}, tu n'y touches surtout pas, c'est celui de mon "
    "petit-fils pas.",
    "Tu veux bien ranger le cube {x} dans la poubelle, c'est celui de mon petit-fils Yann.",
    "Le {x}, tu n'y touches surtout pas, mets-le dans la poubelle.",
    "Tu veux bien ranger le cube {x} dans la poubelle ? Non, attends.",
    "Tu veux bien ne pas ranger le cube {x} dans la poubelle ?",
    "Kannst du alles nicht in den Müll tun?",
    "Kannst du nicht alles in den Müll tun?",
    "Schubs den {X} Würfel nicht mal 'n Stück zu dir ran.",
    # the cube's uselessness said before a request that does not bin it up through "le", or with none
    "Le {x} il sert à rien, dégage-le.",
    "Le {x} il sert à rien, mets le {y} à la poubelle.",
    "Ce cube {x}-là ne sert plus à rien. Mets-le sur le pad.",
    "Ce cube {x}-là ne sert plus à rien. Ne le mets pas aux ordures.",
    "Ce cube {x}-là ne sert plus à rien.",
    "Dégage le {x}.",
])
def test_a_near_miss_is_refused(template: str) -> None:
    filled_never_plans(template)


def _two_stacks() -> SceneState:
    return SceneState.from_json({"objects": [
        {"name": "blue_cube", "kind": "cube", "color": "blue", "position": [0.45, 0.12, 0.022]},
        {"name": "red_cube", "kind": "cube", "color": "red", "position": [0.45, 0.12, 0.066]},
        {"name": "yellow_cube", "kind": "cube", "color": "yellow", "position": [0.58, -0.1, 0.022]},
        {"name": "green_cube", "kind": "cube", "color": "green", "position": [0.58, -0.1, 0.066]}],
        "regions": ["left", "right", "bin", "pad"]})


@pytest.mark.parametrize(("text", "scene", "candidates"), [
    ("Enlève le cube du dessus et mets-le à la poubelle.", _two_stacks(), {"red_cube", "green_cube"}),
    ("Den roten lass steh'n, und den andern gib in Müll, bitte.", _scene("red", "green", "blue"),
     {"green_cube", "blue_cube"}),
    ("Peux-tu me déposer le cube sur le pad, là ? Celui que j'ai utilisé tantôt.", _scene("red", "blue", "purple"),
     {"red_cube", "blue_cube", "purple_cube"}),
])
def test_a_cube_the_words_leave_open_is_asked_for(text: str, scene: SceneState, candidates: set[str]) -> None:
    result = _PLANNER.plan(text, scene)
    assert isinstance(result, Clarification), result
    assert set(result.candidates) == candidates
