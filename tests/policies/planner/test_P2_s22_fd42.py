"""French and German of the personas of fresh_fr_de_42 (issue #17 item 5, twenty-second pass), each a closed family a
speaker uses again, with its negated, asked and near-miss twins refused:

- a dash between a prohibition (or any clause) and a request opening on its verb is the clause break it is spoken as
  ("Den gelben bitte nicht anfassen – schieb einfach den lila ...", "Ne touche pas le bleu – mets le rouge ..."): the
  same plan as with ";" or ".";
- German "bitte" before a clause with no verb ("Bitte alle Würfel in die Kiste, nur den grünen nicht."), as after it;
- Bavarian "des war's für heut," before the arm's return home, "fahr'n S'" (fahren Sie), "z'ruck" (zurück);
- Swabian function words (mark: "ond", "obe", "unte", "mol"): "mach mer mol en Turm, gell: unte dr grüne ..., in dr
  Mitte dr blaue ond ganz obe dr rote";
- French "comme base" (as the base) in a tower's levels;
- a watchmaker's simile after the request ("Avec soin, comme on remonte une montre.", "wie man eine Uhr aufzieht");
- Marseille "Oh con," before a request, and "Le cube vert, il sert plus à rien, débarrasse-m'en" (rid me of it: the
  cube said first, taken up through "en");
- Quebec "tasse-le à droite" (shift it over: a move), an address of the closed class right before "pas trop fort
  (là)";
- "..., vite fait bien fait, wesh." closing a request.
"""

from __future__ import annotations

import pytest
from planner_asserts import filled_moves_nothing, filled_plans
from test_translation_spoken import _TRIPLES


@pytest.mark.parametrize("triple", _TRIPLES[:2], ids="-".join)
@pytest.mark.parametrize(("template", "spec"), [
    # the dash before a request
    ("Den {X} Würfel bitte nicht anfassen – schieb einfach den {Y} Würfel ein Stück von dir weg.",
     ("push:y:forward",)),
    ("Den {X} bitte nicht anfassen – leg den {Y} aufs Pad.", ("y>pad",)),
    ("Ne touche pas le {x} – mets le {y} sur le pad.", ("y>pad",)),
    ("Leg den {X} in den Müll – dann leg den {Y} aufs Pad.", ("x>bin", "y>pad")),
    # "bitte" before the verbless clause
    ("Bitte alle Würfel in die Kiste, nur den {X} nicht.", ("rest>bin",)),
    ("Bitte den {X} in den Müll.", ("x>bin",)),
    # Bavarian
    ("So, des war's für heut, bitte fahr'n S' wieder in Ihre Grundstellung z'ruck – Feierabend!", ("home",)),
    ("Das war's für heute, fahren Sie bitte zurück in die Grundstellung.", ("home",)),
    ("Leg'n S' den {X} in den Müll.", ("x>bin",)),
    # French tower with "comme base"
    ("Fais-moi une tour avec le {x} tout en haut, le {y} juste en dessous et le {z} comme base, stp.",
     ("y>z", "x>y")),
    # the watchmaker's simile
    ("Mettez le {x} sur le pad. Avec soin, comme on remonte une montre.", ("x>pad",)),
    ("Mets le {x} dans la poubelle. Merci bien, c'est un plaisir.", ("x>bin",)),
    ("Mets le {x} sur le {y}, comme on remonte une montre.", ("x>y",)),
    ("Leg den {X} auf den {Y}, wie man eine Uhr aufzieht.", ("x>y",)),
    # Marseille
    ("Oh con, le cube {x}, il sert plus à rien, débarrasse-m'en, té !", ("x>bin",)),
    ("Le cube {x}, il gêne, débarrasse-m'en.", ("x>bin",)),
    ("Oh con, mets le {x} dans la poubelle.", ("x>bin",)),
    # Quebec
    ("Le {x}, tasse-le à droite, envoye !", ("x>right",)),
    ("Pousse le {x} vers toi, mon chum, pas trop fort là.", ("push:x:backward",)),
    # closings
    ("Le {x}, sur le pad, vite fait bien fait, wesh.", ("x>pad",)),
    ("Mets le {x} sur le pad, wesh.", ("x>pad",)),
])
def test_the_family_plans(template: str, spec: tuple[str, ...], triple: tuple[str, str, str]) -> None:
    filled_plans(template, spec, triple)


@pytest.mark.parametrize("template", [
    # the dash: the request negated, a dash before no verb
    "Den {X} bitte nicht anfassen – schieb den {Y} nicht nach vorne.",
    "Ne touche pas le {x} – ne mets pas le {y} sur le pad.",
    "Schieb den {X} nach links – nicht den {Y}.",
    "Leg den {X} – nein, den {Y} – in den Müll.",
    # "bitte" before a state, a negation, a question of another form
    "Bitte nicht alle Würfel in die Kiste.",
    "Bitte der rote Würfel im Müll.",
    "Alle Würfel in die Kiste?",
    # ... and asked (REV s22 R13: "?" after a verbless goal asks, "bitte" first does not make it an order)
    "Bitte alle Würfel in die Kiste?",
    "Bitte den {X} in die Kiste?",  # ("... in den Müll?" plans on HEAD: R13's open clash)
    "Bitte alle Würfel in die Kiste, nur den {X} nicht?",
    "Bitte alle Würfel in die Kiste, nur den {X} nicht, oder?",
    # "des war's" before another request, or asked
    "So, das war's, leg den {X} in den Müll.",
    "Das war's, fahren Sie zurück in die Grundstellung?",
    # Swabian: a negated tower, an accusative "dr" left unread
    "Mach mer mol koin Turm: unte dr grüne Würfel, in dr Mitte dr blaue ond ganz obe dr rote.",
    "Leg mol dr {X} uff dr {Y}.",
    # "comme base" alone, negated
    "Mets le {x} comme base.",
    "Fais-moi une tour avec le {x} tout en haut, le {y} juste en dessous et pas le {z} comme base.",
    # the simile: reversed, naming a cube
    "Mets le {x} sur le {y}, comme on remonte une montre à l'envers.",
    "Mets le {x} sur le {y}, comme on remonte le {z}.",
    # Marseille: a state after the surprise, the bin idiom alone, negated
    "Oh con, le {x} dans la poubelle.",
    "Débarrasse-m'en.",
    "Le cube {x}, ne m'en débarrasse pas.",
    "Le cube {x}, il sert plus à rien, débarrasse-m'en du {y}.",
    # Quebec: negated, no object pronoun, asked
    "Le {x}, ne le tasse pas à droite.",
    "Tasse le {x} à droite.",
    "Le {x}, tasse-le à droite ?",
    "Ne pousse pas le {x} vers toi, mon chum, pas trop fort là.",
    # "c'est un plaisir" after an infinitive or a goal is their subject, "ce fut" a report (REV s22 R18)
    "Mettre le cube {x} dans la poubelle, c'est un plaisir.",
    "Pousser le cube {x} à gauche, c'est un vrai plaisir.",
    "Mettre le {x} sur le {y}, ce fut un plaisir.",
    "Le cube {x} dans la poubelle, c'est un plaisir.",
    # "das war's," before the return home only as the last request
    "Das war's, bitte fahr zurück in die Grundstellung – und leg den {X} in den Müll.",
    # closings after a state, asked
    "Le {x} est sur le pad, vite fait bien fait, wesh.",
    "Le {x}, sur le pad, vite fait bien fait, wesh ?",
])
def test_the_twins_move_nothing(template: str) -> None:
    filled_moves_nothing(template)


@pytest.mark.parametrize("text", [
    "Mach mer mol en Turm, gell: unte dr grüne Würfel, in dr Mitte dr blaue ond ganz obe dr rote.",
    "Mach mer mol en Turm: unte dr grüne Würfel, in dr Mitte dr blaue Würfel ond obe dr rote Würfel.",
])
def test_a_swabian_tower_plans(text: str) -> None:
    filled_plans(text, ("y>x", "z>y"), ("green", "blue", "red"))


# The Berlin discard reason with the cube as its object, taken up by the request ("Den jelben Würfel brauchen wa nich
# mehr, den kannste inne Tonne kloppen."): read only before a request to the bin that takes the cube up again
@pytest.mark.parametrize("template", [
    "Den {X} Würfel brauchen wir nicht mehr, den kannst du in die Tonne kloppen.",
    "Den {X} Würfel brauchen wir nicht mehr, den kannst du wegschmeißen.",
])
def test_the_cube_not_needed_goes_to_the_bin(template: str) -> None:
    filled_plans(template, ("x>bin",))


def test_the_berlin_cube_not_needed_goes_to_the_bin() -> None:
    filled_plans("Den jelben Würfel brauchen wa nich mehr, den kannste inne Tonne kloppen.", ("x>bin",),
                 ("yellow", "red", "green"))


@pytest.mark.parametrize("template", [
    "Den {X} Würfel brauchen wir nicht mehr, den kannst du aufs Pad legen.",
    "Den {X} Würfel brauchen wir nicht mehr, den kannst du nicht in die Tonne kloppen.",
    "Den {X} Würfel brauchen wir nicht mehr, leg den {Y} in die Tonne.",
    "Den {X} Würfel brauchen wir nicht mehr.",
])
def test_the_cube_not_needed_twins_move_nothing(template: str) -> None:
    filled_moves_nothing(template)


# Small talk closed by "bref" / "trêve de bavardage" / "mais passons" / "egal" before the request
# (fr_de_small_talk.py): every part holds a topic of small talk, none a word that may bear on the request
@pytest.mark.parametrize("template", [
    "Bonjour ! Vous savez, dans mon atelier de La Chaux-de-Fonds, on assemble des mouvements depuis septante ans, et "
    "je dois dire que votre précision m'impressionne beaucoup. Ma femme dit que je parle trop, elle a sûrement raison. "
    "Bon, trêve de bavardage : auriez-vous l'amabilité de poser le cube {x} sur le cube {y} ? Merci bien, c'est un "
    "plaisir.",
    "Salut toi ! Bon, grosse journée, la manip d'hier a encore planté et le café est froid... bref. Tu peux me poser "
    "le cube {x} sur le {y} ? Merci, t'es un amour.",
    "Quelle journée, le périph c'était l'enfer ce matin, mais passons. Pose le {x} sur le {y}, s'il te plaît.",
    "Boah, heute hat die Mensa schon wieder zu, voll nervig. Egal. Kannste mal eben den {X} Würfel auf den {Y} "
    "stellen? Danke dir, bist 'n Schatz.",
    "Der Kaffee ist kalt und das Meeting war stressig. Jedenfalls: leg bitte den {X} auf den {Y}.",
])
def test_small_talk_before_its_marker_plans(template: str) -> None:
    filled_plans(template, ("x>y",))


@pytest.mark.parametrize("template", [
    # a part with no topic of small talk, or one that bears on the request: a person near the table, a hazard, a time
    # that defers, a cube, a negation, someone's instruction, a wait
    "Grosse journée, mon fils est juste à côté... bref. Tu peux me poser le cube {x} sur le {y} ?",
    "Grosse journée, attention au café... bref. Tu peux me poser le cube {x} sur le {y} ?",
    "Grosse journée demain... bref. Tu peux me poser le cube {x} sur le {y} ?",
    "J'ai une question. Bref, tu peux me poser le cube {x} sur le {y} ?",
    "Le cube {x}, sur le pad. Bref, tu peux me poser le cube {x} sur le {y} ?",
    "Grosse journée, le café est froid, on ne touche pas au {z}. Bref, pose le {x} sur le {y}.",
    "Mon collègue m'a dit d'attendre la réunion. Bref, pose le {x} sur le {y}.",
    "Grosse journée, le café est froid. Bref, ne pose pas le {x} sur le {y}.",
    "Heute ist der Kaffee kalt, und mein Kind steht am Tisch. Egal. Leg den {X} auf den {Y}.",
    "Heute ist der Kaffee kalt. Egal? Leg den {X} auf den {Y}.",
    "Grosse journée, le café est froid... bref ? Pose le {x} sur le {y}.",
    "Der Kaffee ist kalt, der Chef hat gesagt, warte. Egal. Leg den {X} auf den {Y}.",
    "Der Kaffee ist kalt, der Drucker brennt. Egal. Leg den {X} auf den {Y}.",
    # a relative or a colleague said in the room (REV s22 R16)
    "Grosse journée, mon fils est à l'atelier avec moi, bref, mets le {x} sur le {y}.",
    "Grosse journée, mon collègue est à l'atelier, bref, mets le {x} sur le {y}.",
    "Stressiger Tag, mein Sohn ist heute mit im Labor, egal, leg den {X} auf den {Y}.",
])
def test_small_talk_twins_move_nothing(template: str) -> None:
    filled_moves_nothing(template)
