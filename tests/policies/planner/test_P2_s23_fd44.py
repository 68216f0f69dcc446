"""French and German of the personas of fresh_fr_de_44 and the seen French/German misses (issue #17 item 5,
twenty-third pass), each a closed family a speaker uses again, with its negated, asked and near-miss twins refused:

- German: the cube said first and left alone with "du"/"Sie" after the verb ("Den roten Würfel lässt du bitte in
  Ruhe, schieb nur den grünen ..."), "nur" right after an imperative before its cube, Bavarian "zerst" (zuerst), a
  haste word as a sentence of its own after the request ("... . SCHNELL!!!", as English "... . FAST!!!");
- French: "tu touches surtout pas au jaune, mais le bleu, tu peux me le mettre ..." (the spaced "surtout", the "mais"
  before a whole dislocation, the "me" before the pronoun after a modal), "tu m'attrapes le cube", "le cube du fond"
  (the farthest), "quand t'as fini," (then), "Mon p'tit," / "Hopla mon petit," as the address, "merci là";
- Belgian "tu sais <infinitive> ?" (can you) anywhere in its sentence, "du coup," opening, a learner's
  self-introduction ("Ich lerne Deutsch erst seit zwei Monate, Entschuldigung für Fehler."), German "hinüberlegen",
  "draufstellst", "den" as the pronoun right before a place ("nimm den Würfel und mach den in die Tonne"), "yalla";
- a request in two telegraphic sentences ("Le violet. Sur le pad. Vite fait.", "Lila. Pad."), read as the one
  sentence with no verb;
- reasons of haste ("j'ai un client qui m'attend en bas, moi", "ich muss in die Vorlesung");
- REV s22 R13 (P1's English convention of s23): a goal with no verb asked with "?" stays asked with "s'il te plaît" /
  "bitte" in it;
- small talk closed by "egal"/"bref" keeps a part that says someone is present (REV s22 residue, REV s23 R3).
"""

from __future__ import annotations

import pytest
from planner_asserts import cube_scene, filled_moves_nothing, filled_plans, moves_nothing, plans_as
from test_planner_fresh12_words import plan
from test_translation_spoken import _TRIPLES

from policies.planner import Clarification


@pytest.mark.parametrize("triple", _TRIPLES[:2], ids="-".join)
@pytest.mark.parametrize(("template", "spec"), [
    # German: the cube left alone, said first
    ("Den {X} Würfel lässt du bitte in Ruhe, schieb nur den {Y} ein Stück nach vorne.", ("push:y:forward",)),
    ("Den {X} lassen Sie bitte liegen, legen Sie den {Y} in den Müll.", ("y>bin",)),
    ("Schieb nur den {Y} nach vorne.", ("push:y:forward",)),
    ("Leg nur den {X} in den Müll.", ("x>bin",)),
    # Bavarian "zerst"
    ("Zerst legst den {X} Würfel aufs Pad, dann den {Y} in d'Tonne, und zum Schluss fahrst wieder in "
     "d'Ausgangsstellung, passt?", ("x>pad", "y>bin", "home")),
    # the haste word as a sentence of its own
    ("Leg den {X} in den Müll. SCHNELL!!!", ("x>bin",)),
    ("Leg den {X} in den Müll. Schnell bitte.", ("x>bin",)),
    # French: the prohibition, then the cube said first after "mais"
    ("Alors, tu touches surtout pas au cube {x}, mais le {y}, tu peux me le mettre sur le côté droit, s'il te "
     "plaît. Merci vielmal.", ("y>right",)),
    ("Tu touches surtout pas au {x}, mets le {y} sur le pad.", ("y>pad",)),
    ("Le {x}, tu peux me le mettre sur le côté droit.", ("x>right",)),
    ("Mets le {x} sur le pad, mais le {y}, tu le mets dans la poubelle.", ("x>pad", "y>bin")),
    ("Mets le {x} sur le pad, mais le {y}, tu le mets pas dans la poubelle.", ("x>pad",)),  # the negation kept
    ("Bon, tu m'attrapes le {x} et tu me le mets à la poubelle, vite fait, j'ai un client qui m'attend en bas, moi.",
     ("x>bin",)),
    # "quand t'as fini," before the next step
    ("Pourrais-tu pousser le bloc {x} vers la droite, pis après ça mettre le {y} dans la poubelle ? Quand t'as fini, "
     "retourne à ta position de départ, merci là.", ("push:x:right", "y>bin", "home")),
    ("Pousse le {x} vers la droite, et quand tu as fini, mets le {y} dans la poubelle.", ("push:x:right", "y>bin")),
    # the address
    ("Mon p'tit, pose donc le cube {x} par-dessus le {y}, veux-tu ?", ("x>y",)),
    ("Hopla mon petit, d'abord tu poses le cube {x} sur le {y}, ensuite tu pousses le {z} vers l'avant.",
     ("x>y", "push:z:forward")),
    # telegraphic
    ("Le {x}. Sur le pad. Vite fait.", ("x>pad",)),
    ("Le cube {x}. Dans la poubelle !", ("x>bin",)),
    ("Le {x}. Pad.", ("x>pad",)),
    ("Den {X}. Aufs Pad. Zack, zack.", ("x>pad",)),
    ("Den {X} Würfel. In den Müll!", ("x>bin",)),
    ("Leg den {X} aufs Pad, ich muss in die Vorlesung.", ("x>pad",)),
    # Belgian "tu sais <infinitive> ?" (can you) before another sentence or after a clause of its own
    ("Dis, tu sais mettre le cube {x} sur le {y} ? Mais d'abord, tu pousses le {y} un peu vers l'avant, hein, une "
     "fois.", ("push:y:forward", "x>y")),
    ("Dis, avant de mettre le cube {x} sur le pad, tu sais jeter le {y} à la poubelle ? Merci, hein, à tantôt.",
     ("y>bin", "x>pad")),
    # German: "hinüberlegen", "draufstellst", "den" as the pronoun before a place, "yalla"
    ("Würden Sie den {X} Würfel bitte auf die linke Seite hinüberlegen? Merci.", ("x>left",)),
    ("Bevor du den {X} auf den {Y} draufstellst, schieb den {Z} ein bisschen nach rechts.",
     ("push:z:right", "x>y")),
    ("Ey, nimm ma den {X} und mach den in die Tonne, yalla.", ("x>bin",)),
    ("Nimm den {X} und leg den aufs Pad.", ("x>pad",)),
    # a learner's self-introduction before the request
    ("Guten Morgen, Roboter! Ich lerne Deutsch erst seit zwei Monate, Entschuldigung für Fehler. Kannst du bitte den "
     "{X} Würfel auf den {Y} stellen? Danke schön!", ("x>y",)),
    ("Bonjour ! J'apprends le français depuis deux mois, désolé pour les fautes. Tu peux mettre le {x} dans la "
     "poubelle ?", ("x>bin",)),
    # "du coup," and the tidying before the demo
    ("Euh, du coup, tu peux poser le {x} sur le pad, s'il te plaît ?", ("x>pad",)),
    ("Tu peux mettre le {x} dans la poubelle ? On fait le ménage avant la démo de demain.", ("x>bin",)),
    # R13: an order asked with please still plans
    ("Mets le {x} dans la poubelle, s'il te plaît ?", ("x>bin",)),
    ("Leg den {X} in die Kiste, bitte?", ("x>bin",)),
    ("Den {X} in die Kiste, bitte.", ("x>bin",)),
])
def test_the_family_plans(template: str, spec: tuple[str, ...], triple: tuple[str, str, str]) -> None:
    filled_plans(template, spec, triple)


@pytest.mark.parametrize("template", [
    # the cube left alone: asked, tagged, negated, the same cube then moved
    "Den {X} Würfel lässt du in Ruhe? Schieb den {Y} nach vorne.",
    "Den {X} Würfel lässt du in Ruhe, oder? Schieb den {Y} nach vorne.",
    "Den {X} Würfel lässt du nicht in Ruhe, schieb den {Y} nach vorne.",
    "Den {X} lässt du in Ruhe, schieb den {X} nach vorne.",
    # "nur": not only, before "nicht"
    "Schieb nur den {Y} nicht nach vorne.",
    "Schieb nicht nur den {Y} nach vorne.",
    # the haste word: before the request, intensified, asked, after a negated request
    "SCHNELL!!! Leg den {X} in den Müll.",
    "Leg den {X} in den Müll. Ganz schnell!",
    "Leg den {X} in den Müll. So schnell wie möglich!",
    "Leg den {X} in den Müll. Schnell?",
    "Leg den {X} in den Müll? Schnell!",
    "Leg den {X} nicht in den Müll. Schnell!",
    # French: the dislocation after "mais" asked, "me" after a negated modal
    "Mets le {x} sur le pad, mais le {y}, tu le mets où ?",
    "Le {x}, tu peux pas me le mettre sur le côté droit ?",
    "Tu mets surtout pas le {x} dans la poubelle.",
    # "quand t'as fini" first, before a negated step
    "Quand t'as fini, retourne à ta position de départ.",
    "Quand t'as fini, mets le {x} dans la poubelle.",
    # telegraphic: asked, negated, hedged, tagged, two cubes, corrected, a state
    "Le {x}. Sur le pad ?",
    "Le {x} ? Sur le pad.",
    "Le {x}. Pas sur le pad.",
    "Le {x}. Sur le pad, je crois.",
    "Le {x}. Sur le pad. D'accord ?",
    "Le {x}. Le {y}. Sur le pad.",
    "Le {x}. Sur le pad. Non, le {y}.",
    "Den {X}. Aufs Pad?",
    "Den {X}. Nicht aufs Pad.",
    "Den {X}. Aufs Pad, oder?",
    "Der {X}. Im Müll.",
    # "tu sais": a statement, negated, said by the speaker, a clause of knowing
    "Tu sais mettre le cube {x} sur le {y}.",
    "Tu sais pas mettre le cube {x} sur le {y} ?",
    "Je sais mettre le cube {x} sur le {y} ?",
    "Tu sais que tu mets le cube {x} sur le {y} ?",
    # "den" before a place: no cube named, negated
    "Leg den in die Tonne.",
    "Nimm den {X} und leg den nicht in die Tonne.",
    "Leg den {X} in die Tonne, yalla?",
    # the learner's introduction before a negated or asked goal; "du coup" before one
    "Ich lerne Deutsch seit drei Monaten. Leg den {X} nicht in den Müll.",
    "Ich lerne Deutsch seit drei Monaten. Den {X} in den Müll?",
    "Du coup, le {x} sur le pad ?",
    "Du coup, ne mets pas le {x} sur le pad.",
    # the tidying said for a later time alone
    "Tu peux mettre le {x} dans la poubelle ? On fait le ménage demain.",
    # the reasons negated
    "Leg den {X} aufs Pad, ich muss nicht in die Vorlesung.",
    "Mets le {x} dans la poubelle, j'ai un client qui attend pas.",
    # R13: a goal with no verb asked with please
    "Le {x} dans la poubelle, s'il te plaît ?",
    "S'il te plaît, le {x} dans la poubelle ?",
    "Le {x} dans la poubelle, s'il vous plaît ?",
    "Le {x} dans la poubelle stp ?",
    "Tous les cubes dans la poubelle, s'il te plaît ?",
    "Den {X} in die Kiste, bitte?",
    "Bitte, alle Würfel in den Müll?",
    "Bitte, den {X} Würfel auf den {Y}?",
    "Alle Würfel in die Kiste, bitte?",
    # ... with thanks after it (pinned as plans in test_P2_s14_fd26 / test_P2_s16_thanks until this pass)
    "Le cube {x} dans la poubelle, s'il te plaît ? Merci.",
    "Le {x} sur le {y}, stp ? Merci !",
    "Den {X} Würfel in den Müll, bitte? Danke.",
    "Den {X} in den Müll, bitte?",
    # small talk: someone present keeps it (REV s22 residue, REV s23 R3)
    "Stressiger Tag, ein Kunde ist im Labor, egal, leg den {X} Würfel in den Müll.",
    "Stressiger Tag, mein Nachbar ist im Labor, egal, leg den {X} Würfel in den Müll.",
    "Stressiger Tag, der Hausmeister ist im Labor, egal, leg den {X} Würfel in den Müll.",
    "Stressiger Tag, mein Hund ist heute mit im Labor, egal, leg den {X} Würfel in den Müll.",
    "Stressiger Tag, die Putzfrau ist hier, egal, leg den {X} Würfel in den Müll.",
    "Grosse journée, mon voisin est au labo, bref, mets le {x} dans la poubelle.",
    "Grosse journée, le concierge est au labo, bref, mets le {x} dans la poubelle.",
    # ... doing anything in the room (REV s23 R3 residue)
    "Stressiger Tag, mein Hund schläft im Labor, egal, leg den {X} Würfel in den Müll.",
    "Stressiger Tag, der Hausmeister putzt im Labor, egal, leg den {X} Würfel in den Müll.",
    "Grosse journée, mon chien dort à l'atelier, bref, mets le {x} dans la poubelle.",
])
def test_the_twins_move_nothing(template: str) -> None:
    filled_moves_nothing(template)


@pytest.mark.parametrize("text", [
    "Stressiger Tag, der Kaffee ist kalt, egal, leg den roten Würfel in den Müll.",
    "Grosse journée, le café est froid, bref, mets le rouge dans la poubelle.",
    "Stressiger Tag im Labor, egal, leg den roten Würfel in den Müll.",  # the day spent there
    "Grosse journée à l'atelier, bref, mets le rouge dans la poubelle.",
])
def test_small_talk_with_no_one_present_still_drops(text: str) -> None:
    filled_plans(text, ("x>bin",))


# "le cube du fond" / "celui du fond": the farthest from the robot; two at the same distance ask which (seen fd23-019,
# fd29-034, fd33-002)
_BACK_TIE = cube_scene(("red", [0.62, 0.12, 0.022]), ("blue", [0.42, 0.0, 0.022]), ("green", [0.62, -0.12, 0.022]))
_BACK_ONE = cube_scene(("red", [0.62, 0.0, 0.022]), ("blue", [0.42, 0.1, 0.022]), ("green", [0.45, -0.12, 0.022]))


@pytest.mark.parametrize("text", [
    "Pousse le cube du fond vers la gauche.",
    "Celui du fond, tu peux le mettre sur le pad ?",
    "Dis, tu sais pousser le cube du fond vers la gauche, une fois ?",
])
def test_the_cube_at_the_back_asks_on_a_tie(text: str) -> None:
    result = plan(text, _BACK_TIE)
    assert isinstance(result, Clarification), (text, result)
    assert set(result.candidates) == {"red_cube", "green_cube"}


def test_the_cube_at_the_back_is_the_farthest() -> None:
    plans_as("Pousse le cube du fond vers la gauche.", ["push(object=red_cube, direction=left)"], _BACK_ONE)


@pytest.mark.parametrize("text", [
    "Ne pousse pas le cube du fond vers la gauche.",
    "Tu pousses le cube du fond vers la gauche ?",
    "Mets le rouge au fond de la poubelle.",
    "Pousse le cube du fond à gauche vers la droite.",
])
def test_the_cube_at_the_back_twins_move_nothing(text: str) -> None:
    moves_nothing(text, _BACK_ONE)
