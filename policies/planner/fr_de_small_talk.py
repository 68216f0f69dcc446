"""French and German small talk the speaker closes before the request with "bref" / "trêve de bavardage" / "mais
passons" or "egal" / "jedenfalls" / "genug geplaudert" (issue #17 item 5, twenty-second pass), the twin of English
"..., anyway, put ..." (register.without_small_talk_before_anyway).

Writers of every split open with their day before the request: "Bon, grosse journée, la manip d'hier a encore planté
et le café est froid... bref. Tu peux me poser ...", "la matinée a été fort chargée au ministère, mais passons.",
"Boah, heute hat die Mensa schon wieder zu, voll nervig. Egal. Kannste mal ...", "Ma femme dit que je parle trop,
elle a sûrement raison. Bon, trêve de bavardage : auriez-vous l'amabilité de ...". The words before the marker are
taken off only where EVERY part of them (between marks) holds a topic of small talk from a closed list (the day, the
night or the week; coffee; the weather; the work, the lab's experiment, a meeting, a lecture; the commute; the
speaker's trade and years; the speaker talking too much; the robot's precision admired) and NO part holds a word
that could bear on the request: a cube, a colour, a place or side, any verb of action or word of order, quantity or
negation of the lexicon, the arm or the robot, a hand, a person or a relative in the room (REV s22 R16; s23: a client,
a neighbour, a guest, a delivery man: "ein Kunde / mein Nachbar ist im Labor, egal, ..."; anyone or anything said
to be in the lab, here or near the speaker, REV s23 R3: "der Hausmeister / mein Hund ist im Labor"), a hazard, a
stop or a wait, a time that defers ("demain", "morgen"), a condition, someone's instruction, make-believe. Any other
preamble is read as said, hence refused where unread (a refusal is safe; a dropped "Attention, mon fils est juste à
côté." never is).
"""

from __future__ import annotations

import re

from policies.planner.fr_de_lexicon import DE, FR, VERBS_EN

# the marker that closes the small talk, after a mark of its own
_MARKER = {
    "fr": re.compile(r"(?:(?<=[.!?…,;])|(?<=\.\.\.))\s*(?:(?:enfin|bon|alors|mais|ah|oh|allez|bref)\s*,?\s+)*"
                     r"(?:bref|trêve de (?:bavardage|bavardages|plaisanteries)|(?:mais )?passons|"
                     r"revenons à nos moutons|assez (?:parlé|bavardé)(?: de moi)?|(?:mais )?je m' ?égare)"
                     r"(?![a-zà-ÿ'])(?!\s*\?)\s*[,.!:;…]*\s*"),
    "de": re.compile(r"(?:(?<=[.!?…,;])|(?<=\.\.\.))\s*(?:(?:aber|naja|na ja|ach|na|jedenfalls|also)\s*,?\s+)*"
                     r"(?:egal|ejal|wurscht|wurst|jedenfalls|wie auch immer|genug (?:geplaudert|gequatscht|"
                     r"geschwätzt|von mir)|lange rede,? kurzer sinn|(?:aber )?ich schweife ab)"
                     r"(?![a-zäöüß'])(?!\s*\?)\s*[,.!:;…–—-]*\s*"),
}

# A topic of small talk: a part must hold one (a closed list)
_TOPIC = {
    "fr": re.compile(r"\b(?:journée|matinée|soirée|nuit|semaine|week-end|lundi|vendredi|café|cafés|thé|chaleur|"
                     r"canicule|pluie|pleut|neige|météo|manip|manipe|expérience|réunion|réunions|cours|examen|partiel|"
                     r"tp|garage|atelier|bureau|ministère|boulot|chantier|usine|périph|bus|métro|train|tram|bouchons?|"
                     r"embouteillages?|retard|septante|huitante|nonante|ans|parle trop|bavard|bavarde|précision|"
                     r"impressionne|impressionnant|impressionnante|mouvements|montres|horlogerie|"
                     # a judgement of it ("c'était l'enfer", "quelle galère")
                     r"galère|enfer|horrible|épuisant|épuisante|crevé|crevée|fatigué|fatiguée|dingue)\b"),
    "de": re.compile(r"\b(?:tag|morgen|nacht|woche|wochenende|montag|freitag|kaffee|tee|mensa|kantine|wetter|hitze|"
                     r"kalt|regen|regnet|schnee|meeting|meetings|besprechung|vorlesung|seminar|prüfung|klausur|büro|"
                     r"drucker|labor|werkstatt|schicht|baustelle|stau|zug|bahn|bus|verspätung|stress|ferien|urlaub|"
                     r"rede zu viel|quatsche zu viel|präzision|beeindruckt|beeindruckend|"
                     # a judgement of it ("voll nervig", "echt anstrengend")
                     r"nervig|anstrengend|stressig|müde)\b"),
}

# Set phrases of small talk whose words would otherwise keep it ("ma femme dit que je parle trop": a report, but of
# the speaker's talking; "je dois dire que": a filler): taken out before the keep words are looked for
_FRAME = {
    "fr": re.compile(r"\b(?:(?:ma|mon) (?:femme|mari|fille|fils|mère|père|chef|collègue|copine|copain) (?:dit|trouve|"
                     r"me dit|répète) (?:toujours |souvent )?que je (?:parle|cause|bavarde) trop|"
                     r"(?:elle|il) a (?:sûrement |sans doute |bien |peut-être )?raison|je dois dire que|"
                     r"depuis (?:[a-zé-]+ )?(?:ans|années)|il y a (?:[a-zé-]+ )?(?:ans|années))\b"),
    "de": re.compile(r"\b(?:(?:meine|mein) (?:frau|mann|tochter|sohn|mutter|chef|chefin) (?:sagt|meint) "
                     r"(?:immer |oft )?,? ?ich (?:rede|quatsche) zu viel|"
                     r"(?:sie|er) hat (?:sicher |wohl |bestimmt )?recht|"
                     r"ich muss sagen)\b"),
}

# Words that keep a part (it may bear on the request): beside every word the lexicon reads as a cube, a colour, a
# place, a verb of action or a word of order, quantity or negation
_KEEPS = {
    "fr": frozenset(re.split(r"\s+", """
        ne n pas jamais rien personne aucun aucune sans sauf si quand lorsque avant après puis ensuite demain tard
        bientôt plus attends attendez attendre attention danger dangereux feu fumée brûle brûlé main mains doigt doigts
        bras pince robot machine enfant enfants gamin gamins bébé quelqu quelqu'un personnes gens élève élèves visiteur
        visiteurs table côté près proche devant derrière ici zone tout tous toutes chaque autre autres reste dit dis
        disent dites demande demandé interdit interdite règle consigne ordre ordres stop arrête arrêtez arrêter pause
        blague plaisante rigole faux test teste essai imagine imaginons semblant tombe tombé tombée cassé cassée casse
        bouge bouger touche toucher touché cube cubes bloc blocs brique briques poubelle bac pad tapis cible gauche
        droite tour pile
        fils fille filles femme mari collègue collègues copain copine ami amie amis frère sœur soeur neveu nièce père
        mère chef patron patronne stagiaire étudiant étudiante étudiants classe famille
        client cliente clients clientes voisin voisine voisins voisines invité invitée invités visite patient patiente
        livreur livreuse technicien technicienne""".strip())),
    "de": frozenset(re.split(r"\s+", """
        nicht nich net ned nie niemals kein keine keinen keiner nichts ohne außer ausser wenn falls bevor nachdem dann
        danach zuerst später morgen gleich warte warten wart halt stopp stop achtung vorsicht gefahr gefährlich feuer
        rauch brennt hand hände finger arm greifer roboter maschine kind kinder baby jemand leute person personen
        schüler besucher tisch seite neben nah nahe vor hinter hier da dort alle alles jeder jede jeden andere anderen
        rest sagt gesagt sagen verboten regel anweisung befehl pause witz spaß scherz falsch test teste versuch stell
        fällt gefallen kaputt bewegen beweg anfassen berühren würfel klotz klötze block baustein müll eimer tonne pad
        links rechts turm stapel
        sohn tochter frau mann kollege kollegin kollegen chef chefin freund freundin bruder schwester vater mutter
        praktikant praktikantin student studentin studenten klasse familie
        kunde kundin kunden nachbar nachbarin nachbarn gast gäste besuch besucherin patient patientin lieferant
        paketbote techniker technikerin""".strip())),
}
_DOMAIN_EN = frozenset({*VERBS_EN, "build", "cube", "cubes", "block", "blocks", "bin", "trash", "box", "pad", "left",
                        "right", "side", "red", "green", "blue", "yellow", "purple", "orange", "pink", "not", "never",
                        "without", "except", "then", "first", "before", "after", "finally", "all", "every",
                        "everything", "both", "rest", "others", "other", "it", "them", "home", "tower", "please"})
# ... or be a greeting, an address or an interjection alone
_ALONE = {
    "fr": re.compile(r"^(?:(?:bon|ben|bah|oh|ah|eh|là|oh là là|ah là là|pfff*|ouf|bref|alors|voilà|vous savez|tu sais|"
                     r"salut|bonjour|coucou|toi|mon ami|mon chum|haha|hihi|lol|enfin|franchement|bon ben|et|mais)"
                     r"\s*[,!]*\s*)+$"),
    "de": re.compile(r"^(?:(?:na|naja|ach|oh|ah|boah|puh|uff|mann|mensch|haha|hihi|lol|hallo|hi|hey|moin|servus|"
                     r"tach|jo|ja|also|ehrlich|echt|ey|du|und|aber)\s*[,!]*\s*)+$"),
}
# The room, or the speaker's side, where someone may be: one list per language, shared by _PRESENT and _ROOM below
_ROOM_WORDS = {
    "fr": r"au labo|au laboratoire|à l' ?atelier|dans l' ?atelier|dans le labo|dans la salle|dans la pièce|ici|à côté|"
          r"avec moi|près de moi|derrière moi",
    "de": r"im labor|in der werkstatt|im raum|im zimmer|hier|nebenan|bei mir|neben mir|mit mir|hinter mir",
}
# ... and someone (or something) said to be present, in the room or near it (REV s23 R3: "der Hausmeister / mein Hund /
# ein Handwerker ist im Labor, egal, ..."): whoever it is, the part may bear on the request (a person by the arm), kept.
# After a verb of being, the room words also take "there" and "upstairs / downstairs" ("là", "en bas"; "da", "unten")
_PRESENT = {
    "fr": re.compile(r"\b(?:est|sont|reste|restent|attend|attendent|travaille|travaillent|passe|passent|vient|"
                     r"viennent|arrive|arrivent|traîne|traînent|joue|jouent)\b[^,;.!?]*\b(?:"
                     + _ROOM_WORDS["fr"] + r"|là|en bas|en haut)\b"),
    "de": re.compile(r"\b(?:ist|sind|bleibt|bleiben|wartet|warten|arbeitet|arbeiten|kommt|kommen|steht|stehen|sitzt|"
                     r"sitzen|läuft|laufen|schaut|schauen|guckt|gucken|spielt|spielen)\b[^,;.!?]*\b(?:"
                     + _ROOM_WORDS["de"] + r"|da|dort|unten|oben)\b"),
}
# ... or someone doing anything in the room (REV s23 R3 residue: "mein Hund schläft im Labor", "der Hausmeister putzt im
# Labor", "mon chien dort à l'atelier"): the room said after any word but a topic's own noun ("Stressiger Tag im
# Labor", "une grosse journée à l'atelier" still drop: the day spent there)
_ROOM = {
    "fr": re.compile(r"(?:^|(?<=\s))(?P<before>[a-zà-ÿ']+)\s+(?:" + _ROOM_WORDS["fr"] + r")\b"),
    "de": re.compile(r"(?:^|(?<=\s))(?P<before>[a-zäöüß']+)\s+(?:" + _ROOM_WORDS["de"] + r")\b"),
}


def _someone_in_the_room(part: str, lang: str) -> bool:
    return any(not _TOPIC[lang].fullmatch(m["before"]) for m in _ROOM[lang].finditer(part))


_MOST_WORDS = 45


def without_small_talk_before_bref(text: str, lang: str) -> str:
    """``text`` (lower case) without the small talk closed by "bref" / "egal" (above) before its request, where every
    part of it holds a topic of small talk and none bears on the request; else ``text``."""
    m = _MARKER[lang].search(text)
    if m is None or not re.search(r"[a-zà-ÿß]", text[m.end():]):
        return text
    said = text[:m.start()]
    if re.search(r"[^\sa-zà-ÿß0-9.,!?;:'\"()\-–—…]", said) or len(said.split()) > _MOST_WORDS:
        return text
    lexicon = FR if lang == "fr" else DE
    parts = [p.strip() for p in re.split(r"\s*(?:[,;:!?]|\.+|…|\s[-–—]\s)\s*", said) if p.strip()]
    if not parts:
        return text
    for part in parts:
        bare = _FRAME[lang].sub(" ", part)
        words = re.findall(r"[a-zà-ÿß]+(?:'[a-zà-ÿß]+)?", bare)
        meanings = {e for w in words for e in lexicon.get(w, "").split()}
        if _ALONE[lang].match(part):
            continue
        if (not _TOPIC[lang].search(part) and not _FRAME[lang].search(part)) or \
                set(words) & _KEEPS[lang] or meanings & _DOMAIN_EN or _PRESENT[lang].search(bare) or \
                _someone_in_the_room(bare, lang):
            return text
    return text[m.end():]
