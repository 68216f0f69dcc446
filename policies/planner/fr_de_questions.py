"""French and German questions whether the robot does something, refused as English refuses them (issue #17 item 5).

A French or German sentence ending in "?" whose verb of action is said with its subject "tu"/"vous"/"du"/"Sie"
asks whether the robot does it: "Schiebst du den roten Würfel nach links?", "Du legst den roten in den Müll?",
"Tu pousses le cube rouge à gauche ?", "Est-ce que tu mets le rouge dans le bac ?", "Mets-tu le rouge ...?". English
refuses "do you push the red cube left?" and "you push the red cube left?" as questions; read word by word the
German verb-first question lost its subject and became a command ("push the red cube toward left?").

Both languages also say a request this way, and writers do: "Tu me mets le rouge dans le bac ? Merci.",
"..., tu me l'poses sur le jaune, ok ?", "..., vous le mettez sur le bleu une fois ?", "Dis, ..., tu poses le vert à
gauche ? Merci", "Schiebst du mal/bitte den roten nach links?", "..., den stellst du bitte auf den roten, ja?". Such a
sentence is a request only where it carries one of these closed marks of a request (the ethical dative "me" alone
was one until the fifteenth pass, A1 s15 H77): "bitte"/"mal" (German), "s'il te plaît"/"stp", a tag that asks for
agreement with a request ("ok ?", "d'accord ?", "une fois ?", "gell?", "ja?"), "dis"/"allez" before it, or thanks
after it. A tag that asks whether
something is so ("non ?", "n'est-ce pas ?", "oder?", "nicht wahr?") marks a question. A modal frame ("tu peux",
"pourriez-vous", "kannst du", "würden Sie") is read where it was before, as a polite request.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_SENTENCE = re.compile(r"[^.!?…]*[.!?…]+|[^.!?…]+$")

# Where a clause starts: the sentence's start, a comma or colon, a joining word
_FR_CLAUSE = r"(?:^|[,;:]\s*|\b(?:et|puis|ensuite|alors|mais|donc|bon|ben|oh|eh)\s+)"
_FR_CLITICS = r"(?:(?:me|moi|te|le|la|les|lui|leur|y|en|nous|vous)\s+|[mtl]'\s*)*"
_FR_SUBJECT_VERB = re.compile(rf"{_FR_CLAUSE}(?P<subj>tu|vous|t')\s*(?:ne\s+|n'\s*)?(?P<clitics>{_FR_CLITICS})"
                              r"(?P<verb>[a-zà-ÿ]+)\b")
_FR_INVERTED = re.compile(r"\b(?P<verb>[a-zà-ÿ]+)-(?:t-)?(?:tu|vous)\b")
_FR_EST_CE = re.compile(r"\best-ce qu(?:e\s+|'\s*)(?P<subj>tu|vous)\s*(?:ne\s+|n'\s*)?(?P<clitics>"
                        rf"{_FR_CLITICS})(?P<verb>[a-zà-ÿ]+)\b")
# A French verb that frames the request (can, could, know how, want, would be kind): the frame asks politely
_FR_MODALS = frozenset({"peux", "pourrais", "pouvez", "pourriez", "sais", "saurais", "savez", "sauriez", "veux",
                        "voudrais", "voulez", "voudriez", "serais", "seriez", "px", "pourras", "pourrez"})
_FR_REQUEST_MARK = re.compile(r"\b(?:s'il (?:te|vous) pla[iî]t|stp|svp|steuplait|merci)\b|"
                              r"(?:^|[,;:]\s*)(?:oh\s+)?(?:dis|dites|allez)\b|"
                              # sixteenth pass (fresh_fr_de_30): "..., capito ?" / "compris ?" (understood?) after
                              # an instruction in the present asks that it be taken in, as "d'accord ?" does
                              r"[,\s](?:ok|okay|d'accord|une fois|gell|capito|compris|c'est compris)\s*[?!]+\s*$")

# Around a verbless goal only a word of a request marks one: a tag ("Tout dans la poubelle, d'accord ?", "Der rote
# Würfel in den Mülleimer, ja?") asks to confirm a state, as English "Everything in the bin, ok?" (REV s14 R7).
# Sixteenth pass: thanks are no such word, in the sentence or after it ("Le cube rouge dans la poubelle ? Merci.",
# "Den roten Würfel in den Müll? Danke.", "..., merci ?"): one thanks for an answer as well as for a deed, and English
# refuses "The red cube in the bin? Thanks." and "..., thanks?" (P1's speech_act, session 13's H51); "please" is one.
_FR_GOAL_MARK = re.compile(r"\b(?:s'il (?:te|vous) pla[iî]t|stp|svp|steuplait)\b")
_DE_GOAL_MARK = re.compile(r"\b(?:bitte|bittschön|bitteschön|mal)\b")

_DE_CLAUSE = r"(?:^|[,;:]\s*|\b(?:und|dann|danach|also|na|so|jetzt|nun)\s+)"
_DE_SUBORDINATORS = frozenset({"bevor", "nachdem", "wenn", "falls", "dass", "ob", "wie", "sobald", "während", "als",
                               "weil", "damit", "wo", "was", "der", "die", "das", "den", "dem"})
_DE_VERB_SUBJECT = re.compile(r"(?P<before>[a-zäöüß]+\s+)?(?P<verb>[a-zäöüß]+)\s+(?P<subj>du|ihr|sie)\b")
_DE_SUBJECT_VERB = re.compile(rf"{_DE_CLAUSE}(?P<subj>du|ihr)\s+(?P<verb>[a-zäöüß]+)\b")
# fourteenth pass: the southern question whose "du" is left out after its verb ("Tuast ma den roten in d'Tonne?",
# "Legst ma den roten aufs Pad?"): a clause opening on a verb of the second person with no subject after it
_DE_BARE_SECOND = re.compile(rf"{_DE_CLAUSE}(?P<verb>[a-zäöüß]+st)\b(?!\s+(?:du|ihr|sie)\b)")
# seventeenth pass (A1 s17 residue): the "ihr" form (or the third person) first with "?" and no subject ("Entsorgt den
# roten?", "Legt den roten in den Müll, oder?", "Bewegt den roten aufs Pad?") asks whether it is done, as the bare
# second person does; the "ihr" imperative said with a full stop or "!" is a request (test_P2_s17_states)
_DE_BARE_PLURAL = re.compile(rf"{_DE_CLAUSE}(?P<verb>[a-zäöüß]+t)\b(?!\s+(?:du|ihr|sie|er|es)\b)")
# ... and the northern and Berlin verb with its "du" glued on ("Schiebste den roten nach links?": schiebst du)
# (also after a fronted object: "Den roten legste in den Müll, wa?", A1 s14 residue)
_DE_GLUED_DU = re.compile(rf"{_DE_CLAUSE}(?:(?:den|die|das|dem) [a-zäöüß]+(?: (?:würfel|block|klotz|baustein))? )?"
                          r"(?P<verb>[a-zäöüß]+st)e\b")
_DE_RESUMED = re.compile(r"(?:^|[,;:]\s*)(?:den|die|das|der) [a-zäöüß]+(?: (?:würfel|block|klotz|baustein))?"
                         r"(?: da| dort)?\s*,\s*(?:den|die|das|der) (?P<verb>[a-zäöüß]+?)(?: du|ste)\b")
_DE_MODALS = frozenset({"kannst", "könntest", "würdest", "wärst", "magst", "möchtest", "willst", "kann", "könnte",
                        "würde", "wäre", "können", "könnten", "würden", "wären", "mögen", "möchten", "wollen",
                        "könnt", "könntet", "würdet", "wärt", "kanst", "kannste", "könntste"})
_DE_REQUEST_WORD = re.compile(r"\b(?:bitte|bittschön|bitteschön|mal|danke|dankeschön|merci)\b")
_DE_REQUEST_MARK = re.compile(rf"{_DE_REQUEST_WORD.pattern}|[,\s](?:ja|gell|gelle|okay|ok|woll)\s*[?!]+\s*$")
# "Sag mal, ...", "hör mal": the "mal" of an opener that announces a question, no mark of the request
_DE_OPENER_MAL = re.compile(r"\b(?:sag|sagen sie|sag du|hör|hören sie|schau|guck|moment)\s+mal\b")
# Thanks said first, before the question ("Danke, schiebst du ...?", "Merci, tu pousses ... ?"): no mark of the
# request that follows (A1 s13 H49 residue); thanks after it, or in the next sentence, are
_THANKS_FIRST = re.compile(r"^\s*(?:(?:danke|dankeschön|vielen dank|merci)(?: (?:schön|sehr|dir|ihnen|beaucoup|bien))?"
                           r"\s*[,!:;]\s*)+")
# Thanks in the sentence after the question: "Tu poses le vert à gauche ? Merci."
_THANKS_AFTER = {"fr": re.compile(r"^\s*(?:oh\s+|ah\s+)?merci\b"),
                 "de": re.compile(r"^\s*(?:oh\s+|ah\s+)?(?:danke|dankeschön|vielen dank|merci)\b")}
# Sixteenth pass: a tag that asks whether a statement is so ("hein ?", "non ?", "n'est-ce pas ?"; German after a
# statement of "du": any tag, A1 s14 H57) keeps it a question whatever thanks follow ("Tu mets le rouge dans la
# poubelle, hein ? Merci.", "Den roten, den stellst du auf die linke Seite, ja? Danke."), as English "You put the
# red cube in the bin, right? Thanks." is refused; a tag of consent ("ok ?", "d'accord ?") marks a request (above)
_CONFIRMING_TAG = {"fr": re.compile(r"[,\s](?:hein|non|oui|n'est-ce pas|c'est ça|c'est bien ça|pas vrai|vrai|"
                                    r"si j'ai bien compris|hein quoi)\s*\?[?!]*\s*$"),
                   "de": re.compile(r"[,\s](?:ja|jo|gell|gelle|gelt|gäll|gälled|ne|nä|nech|oder|odr|oder nicht|"
                                    r"nicht wahr|gell nicht|okay|ok|wa|woll|nu|einverstanden|richtig|stimmt(?:'?s)?|"
                                    r"oder wie|ne wahr)\s*\?[?!]*\s*$")}


# fourteenth pass: where a cube goes, said with a rising "?" and no verb of action ("Le rouge dans la poubelle ?", "Le
# rouge va dans la poubelle ?", "Der rote gehört in den Mistkübel?", "Alle Würfel gehören in den Müll?") asks whether
# it goes there, as English "Red in the bin?" and "Everything in the bin?" do; read word by word it was planned. A
# mark of a request ("bitte", "s'il te plaît", "ja?", thanks after it) keeps it a request, as above.
# The cube may be said anywhere in the sentence, behind any opener or particle ("Zou, le cube rouge dans la poubelle
# ?", "Salut, ...": A1 s14 H56; "Nur / Jetzt / Zuerst den roten in den Müll?": H59); the sentence holds no verb of
# action and no modal frame ("Kannst du den roten in den Müll?" asks for the request itself).
_GOAL_SUBJECT = {"fr": re.compile(r"\b(?:tous les|toutes les|tout|le|la|les|l'|ce|cette)(?:\b|(?<=')\s*)"),
                 "de": re.compile(r"\b(?:der|die|das|den|alle|alles|sämtliche|beide)\b")}
_GOAL_PLACE = {"fr": re.compile(r"\b(?:dans|sur|à|au|aux|vers|en)\b"),
               "de": re.compile(r"\b(?:in|ins|auf|aufs|nach|zu|zum|zur|neben)\b")}


def _goal_asked(sentence: str, lang: str, verb_meaning: Callable[[str], str | None]) -> bool:
    """A sentence opening on a cube, saying where it goes with no verb of action (a verb of going aside)."""
    if not _GOAL_SUBJECT[lang].search(sentence) or not _GOAL_PLACE[lang].search(sentence):
        return False
    words = re.findall(r"[a-zà-ÿß]+(?:-[a-zà-ÿß]+)*", sentence)
    if set(words) & (_FR_MODALS | _DE_MODALS | {"peux-tu", "pouvez-vous", "pourrais-tu", "pourriez-vous"}):
        return False
    if set(words) & {"lass", "lasse", "lassen", "lasst", "laisse", "laissez", "laisses"}:
        return False  # "Den roten lass ma schön in Ruhe, ja?": a verb that keeps the cube, no goal said of it
    # a verb with its "du" glued on ("Schiebste den roten nach links, wa?": Berlin "schiebst du") is a verb too
    return not any(verb_meaning(v) not in (None, "go") for w in re.findall(r"[a-zà-ÿß]+", sentence)
                   for v in ((w, w[:-1]) if lang == "de" and w.endswith("ste") else (w,)))


# Seventeenth pass (A1 s16 residue): a bare infinitive asked ("Mettre le rouge sur le bleu ?", "Et jeter le rouge ?",
# "Den roten in den Müll legen?", "Den roten entsorgen?") echoes a request to doubt it ("put it on the blue? me?"), as
# a goal with no verb asked does (above); a modal frame ("tu peux mettre ... ?", "kannst du ... legen?") or "please"
# in it makes it a request. French: the sentence opens on the infinitive (after "et", "alors", "bon", "donc", "oh",
# "euh"); German: the sentence's last verb of action is an infinitive, and no subject, auxiliary or "zu" is said.
_FR_INFINITIVE_FIRST = re.compile(r"^(?:(?:et|alors|bon|donc|oh|euh|ah|hein|mais|ou)\s*,?\s*)*"
                                  r"(?:(?:me|moi|le|la|les|lui|y|en)\s+|[ml]'\s*)*(?P<verb>[a-zà-ÿ]+(?:er|re|ir))\b")
_DE_FINITE = re.compile(r"\b(?:du|ihr|sie|ich|wir|er|es|man|ist|sind|bist|hast|hat|haben|wird|werden|"
                        r"zu(?! (?:mir|uns|dir|ihm|ihr|ihnen|dem|der|den|einem|einer)\b))\b")
# ... and the doubt said after a question with no modal frame ("Mets le rouge sur le bleu ? J'aimerais bien voir ça !",
# "Den roten auf den blauen? Das möchte ich sehen!": I'd like to see you try); after "tu pourrais ... ?" or "könntest
# du ... ?" it is the wish to watch (fresh_fr_de_30's seen golds; fd31-015 "J'aimerais voir comment il s'y prend."), a
# closing (WATCH: translation's closings read the same words)
WATCH = {"fr": (r"(?:j' ?aimerais|je voudrais|j' ?adorerais) (?:bien |tellement |trop )?voir "
                r"(?:ça|comment (?:il|elle|tu|vous) (?:s' ?y prend|t' ?y prends|vous y prenez|fait|fais|faites))"),
         "de": r"das (?:würde|möchte|will) ich (?:gern |gerne |so gern |so gerne )?(?:mal )?sehen"}
_DOUBT = {"fr": re.compile(rf"^(?:(?:ah|oh|ben|bah|eh bien)\s*,?\s*)?{WATCH['fr']}\s*[.!?]*$"),
          "de": re.compile(rf"^(?:(?:na|ach|also)\s*,?\s*)?{WATCH['de']}\s*[.!?]*$")}
_FRAMES = _FR_MODALS | _DE_MODALS | {"peux-tu", "pouvez-vous", "pourrais-tu", "pourriez-vous", "sauriez-vous"}


def _infinitive_asked(sentence: str, lang: str, verb_meaning: Callable[[str], str | None]) -> bool:
    """A sentence asking a bare infinitive of action, with no modal frame, subject or finite verb (see above)."""
    if not sentence.rstrip().endswith("?") or set(re.findall(r"[a-zà-ÿß]+(?:-[a-zà-ÿß]+)*", sentence)) & _FRAMES:
        return False
    if lang == "fr":
        m = _FR_INFINITIVE_FIRST.match(sentence)
        return m is not None and verb_meaning(m["verb"]) not in (None, "go")
    words = re.findall(r"[a-zäöüß]+", sentence)
    verbs = [w for w in words if verb_meaning(w)]
    return bool(verbs) and verbs[-1].endswith("en") and not _DE_FINITE.search(sentence)


def question_asked(text: str, lang: str, verb_meaning: Callable[[str], str | None]) -> str | None:
    """The sentence of ``text`` (lower case, French ``fr`` or German ``de``) that asks whether the robot does an
    action (see the module docstring), else None. ``verb_meaning``: the lexicon's English for a word where it is a
    verb of action ("schiebst" -> "push"), else None."""
    sentences = [s.strip() for s in _SENTENCE.findall(text) if s.strip()]
    for k, sentence in enumerate(sentences):
        if k > 0 and _DOUBT[lang].match(sentence) and "?" in sentences[k - 1] and not set(
                re.findall(r"[a-zà-ÿß]+(?:-[a-zà-ÿß]+)*", sentences[k - 1])) & _FRAMES:
            return f"{sentences[k - 1]} {sentence}"
        if "?" not in sentence:
            continue
        after = sentences[k + 1] if k + 1 < len(sentences) else ""
        sentence = _THANKS_FIRST.sub("", sentence)
        asked = _french_question(sentence, verb_meaning) if lang == "fr" else _german_question(sentence, verb_meaning)
        # "Sag mal, der rote ...?", "Dis-moi, le rouge dans la poubelle ?": an opener that announces a question is
        # no mark of a request here (A1 s14 H66 and its French twin)
        marked = _FR_GOAL_MARK.search(sentence) if lang == "fr" else \
            _DE_GOAL_MARK.search(_DE_OPENER_MAL.sub(" ", sentence))
        # no verb: thanks after it do not make it a request (sixteenth pass), and neither does "please" in it
        # (twenty-third pass, REV s22 R13, the English convention of P1 s23: "Le rouge dans la poubelle, s'il te plaît
        # ?", "S'il te plaît, le rouge dans la poubelle ?", "Den roten in die Kiste, bitte?", "Bitte, alle Würfel in den
        # Müll?" ask, as "Red in the bin, please?" does; no seen gold has the shape); an order asked with please ("Mets
        # le rouge dans la poubelle, s'il te plaît ?", "Leg den roten in die Kiste, bitte?") still plans. German "mal"
        # is left a mark as before ("Erst mal den blauen aufs Pad, dann ..., ja?", seen gold d17-007)
        mal = lang == "de" and re.search(r"\bmal\b", _DE_OPENER_MAL.sub(" ", sentence))
        if asked is None and not mal and _goal_asked(sentence, lang, verb_meaning):
            asked = "goal"
        if asked is None and not marked and _OBLIGED[lang].search(sentence):
            asked = "obliged"
        if asked is None and not marked and _infinitive_asked(sentence, lang, verb_meaning):
            asked = "infinitive"  # "Mettre le rouge sur le bleu ?": thanks after it do not make it a request
        if k > 0 and _LONE_TAG[lang].match(sentence):
            before = _THANKS_FIRST.sub("", sentences[k - 1])
            before_marked = _FR_GOAL_MARK.search(before) if lang == "fr" else \
                _DE_GOAL_MARK.search(_DE_OPENER_MAL.sub(" ", before))
            if not before_marked and _goal_asked(before, lang, verb_meaning):
                return f"{sentences[k - 1]} {sentence}"
        if asked and not (asked == "rising" and _THANKS_AFTER[lang].search(after)
                          and not _CONFIRMING_TAG[lang].search(sentence)):
            return sentence
    return None


# fifteenth pass (REV s15-R7): a verb of the second person closing the clause with its "du" left out, before "?" or a
# tag ("Den roten Würfel in Mülleimer machst?", "Den roten Würfel in den Mülleimer legst, ja?" / "gell?" / "oder?" /
# "nicht wahr?") says back what the listener does and asks whether it is so, as "Den roten Würfel machst du weg?"
# does with its subject; read word by word it planned. No mark of a request makes it one.
_DE_TAG = (r"(?:ja|jo|gell|gelle|gelt|gäll|gälled|ne|nä|nech|oder|odr|oder nicht|nicht wahr|gell nicht|okay|ok|wa|"
           r"woll|nu|einverstanden|richtig|stimmt(?:'?s)?|oder wie|ne wahr)")
_DE_ASKED_BACK = re.compile(rf"(?:^|[,;:–—-])\s*(?P<clause>[^,;:–—?]*?)\b(?P<verb>[a-zäöüß]+st)\s*"
                            rf"(?:\?|,\s*{_DE_TAG}\s*[?!.]*)\s*$")


# sixteenth pass (A1 s16 H98): a tag said as a sentence of its own after a goal with no verb ("Le cube rouge dans la
# poubelle. Hein ?", ". D'accord ?", "Den roten Würfel in den Müll. Ja?") asks to confirm it, as English "Red in the
# bin. Okay?" (H87) does; after a verb of request ("Mets le rouge dans la poubelle. D'accord ?") it asks nothing
_LONE_TAG = {"fr": re.compile(r"^(?:et\s+|alors\s+)?(?:hein|d'accord|ok|okay|non|oui|c'est ça|c'est bien ça|"
                              r"n'est-ce pas|pas vrai|compris|capito|ça va|ça marche|ça joue|c'est bon|vu)\s*\?[?!]*$"),
             "de": re.compile(rf"^(?:und\s+)?{_DE_TAG}\s*\?[?!]*$")}
# (A1 s16 H94) an obligation asked ("Il faut mettre le cube rouge dans la poubelle ?", "Du musst den roten Würfel in
# den Müll legen?") asks whether it must be done, as English "You have to put ...?"; thanks after it change nothing,
# "please" in it makes it a request
_OBLIGED = {"fr": re.compile(r"\b(?:il faut|il faudrait|faut|faudrait|tu dois|vous devez|tu devrais|vous devriez|"
                             r"on doit|on devrait|dois-tu|devez-vous)\b"),
            "de": re.compile(r"\b(?:du musst|ihr müsst|sie müssen|du sollst|ihr sollt|du solltest|sie sollten|"
                             r"musst du|müssen sie|sollst du|solltest du|man muss|man sollte|muss man)\b")}


def asked_back(text: str, verb_meaning: Callable[[str], str | None]) -> str | None:
    """The sentence of German ``text`` (lower case) whose clause ends on a verb of the second person with no "du",
    before "?" or a tag (see above), else None."""
    for sentence in (s.strip() for s in _SENTENCE.findall(text) if s.strip()):
        m = _DE_ASKED_BACK.search(sentence)
        if m and m["verb"] not in _DE_MODALS and verb_meaning(m["verb"]) and \
                not re.search(r"\b(?:du|ihr)\b", m["clause"]):
            return sentence
    return None


# (A1 s16 H93) a clause whose verb is a past participle with no auxiliary reports what was done ("Den roten Würfel in
# den Müll gelegt.", "... schon ... weggeworfen, oder?", "Mis le cube rouge dans la poubelle."), as English "Red cube
# binned." would; a German participle of the lexicon ("gelegt", "weggeworfen", "hingestellt") in a clause with no
# auxiliary, modal, "würde" or "zu" of its own; a French one opening its sentence (after "déjà", "bon", "et", "voilà")
# with no auxiliary in the sentence
_DE_PARTICIPLE = re.compile(r"\b(?:weg|ab|hin|auf|hoch|rein|rüber|runter|zurück|um|drauf|her|nach|an)?"
                            r"ge(?!hen\b|ben\b|bt\b|ht\b)[a-zäöüß]{2,}(?:t|en)\b")
_DE_AUXILIARY = re.compile(r"\b(?:hab|habe|hast|hat|haben|habt|ist|is|sind|bist|seid|sei|wird|werden|wirst|wurde|"
                           r"wurden|worden|soll|sollst|sollen|sollte|solltest|muss|musst|müssen|kann|kannst|können|"
                           r"könnte|könntest|könnten|bleibt|bleiben|möchte|will|wollen|willst|würde|würden|würdest|darf|darfst|"
                           r"dürfen|gehört|zu(?! (?:mir|uns|dir|ihm|ihr|ihnen|dem|der|den|einem|einer)\b))\b")
_FR_PARTICIPLE_FIRST = re.compile(r"^(?:(?:déjà|bon|et|alors|hop|voilà|et voilà)\s*,?\s*)*(?P<p>[a-zà-ÿ]+)\b")
_FR_SUBJECT_PARTICIPLE = re.compile(r"(?:^|[,;:]\s*|\b(?:et|puis|alors)\s+)(?:tu|vous|je|j'|on|il|elle|nous|toi|moi)\s*"
                                    r"(?:(?:l'|le|la|les|me|m'|lui|y|en)\s*)*"
                                    r"(?P<p>[a-zà-ÿ]+(?:é|ée|és|ées)|mis|mise|mises)\b")
_FR_AUXILIARY = re.compile(r"\b(?:ai|as|a|avons|avez|ont|est|sont|été|être|soit|soient|sera|seront|faut|dois|doit|"
                           r"devez)\b")


# Seventeenth pass (A1 s16 residue): the participles without "ge-" of verbs with an inseparable prefix or in "-ieren"
# ("entsorgt", "bewegt", "platziert", "weggeräumt" has its ge-) are also the "ihr" present and imperative ("Entsorgt
# den roten!", "Ihr entsorgt den roten."). German grammar tells them apart by place: the imperative and the present
# stand first or second in the clause, and after an object said first ("Den roten entsorgt.", "Den roten aufs Pad
# bewegt.") with no subject "ihr" the form is the participle of a report, as "Den roten Würfel in den Müll gelegt." is
# (the participle as an order, "Aufgepasst!", takes no object). Read so: such a form after another word of its clause
# that is no opener or order word, in a clause with no auxiliary, "ihr" or subordinator.
_DE_PARTICIPLE_NO_GE = re.compile(r"\b(?:weg|ab|hin|auf|hoch|rein|rüber|runter|zurück|um|drauf|her|nach|an)?"
                                  r"(?:(?:be|ent|er|ver|zer|emp|miss)[a-zäöüß]{2,}t|[a-zäöüß]{2,}iert)\b")
_DE_CLAUSE_LEAD = frozenset({"bitte", "dann", "danach", "und", "jetzt", "nun", "so", "also", "mal", "zuerst", "erst",
                             "zuletzt", "schließlich", "anschließend", "gleich", "sofort", "einfach", "aber", "los",
                             "hey", "ok", "okay", "na", "ja", "noch", "schnell", "bitteschön", "bittschön",
                             "folgendes", "aufgabe", "achtung", "auftrag"})
# eighteenth pass (REV s17-R4): the particles that hurry or soften an order before the "ihr" imperative ("Mal eben
# entsorgt den roten.", "Kurz bewegt den blauen aufs Pad."); "eben" only after "mal" ("Eben entsorgt ..." = just now,
# a report), and not in a sentence asked with "?" ("Mal eben entsorgt den roten?" asks whether it is done, A1 s18 H132)
_DE_ORDER_PARTICLES = frozenset({"kurz", "doch", "nochmal", "einmal"})
_DE_NOT_PARTICIPLE = re.compile(r"\b(?:ihr|dass|wenn|falls|bevor|nachdem|sobald|weil|damit|ob|während)\b")


def _no_ge_participle(clause: str, verb_meaning: Callable[[str], str | None], asked: bool = False) -> bool:
    if _DE_NOT_PARTICIPLE.search(clause):
        return False
    leads = _DE_CLAUSE_LEAD if asked else _DE_CLAUSE_LEAD | _DE_ORDER_PARTICLES
    for m in _DE_PARTICIPLE_NO_GE.finditer(clause):
        # the words since the last "und"/"dann"/"aber"/"oder" of the clause: "Entsorgt den roten und bewegt den blauen
        # aufs Pad." is two imperatives (REV s17-R4); "Den roten und den blauen entsorgt." still has its object first
        before = re.split(r"\b(?:und|dann|danach|aber|oder)\b", clause[:m.start()])[-1]
        if not asked:
            before = re.sub(r"\bmal eben\b", "mal", before)
        if verb_meaning(m[0]) not in (None, "go") and set(re.findall(r"[a-zäöüß]+", before)) - leads:
            return True
    return False


def reported_done(text: str, lang: str, verb_meaning: Callable[[str], str | None]) -> str | None:
    """The sentence of ``text`` (lower case) whose verb of action is a past participle with no auxiliary (see
    above), else None."""
    for sentence in (s.strip() for s in _SENTENCE.findall(text) if s.strip()):
        if lang == "de":  # clause by clause: an auxiliary of another clause ("..., du bist ein Schatz") is not its own
            if any(not _DE_AUXILIARY.search(clause) and
                   any(verb_meaning(m[0]) not in (None, "go") for m in _DE_PARTICIPLE.finditer(clause))
                   for clause in re.split(r"[,;:–—]|\s-\s", sentence)):
                return sentence
            # a colon does not part a participle from its object ("Den roten Würfel: entsorgt!", a checklist)
            asked = re.search(r"\?[?!.…\s]*$", sentence) is not None  # "?", "?!", "? !" (A1 s18 H132)
            if any(not _DE_AUXILIARY.search(clause) and _no_ge_participle(clause, verb_meaning, asked)
                   for clause in re.split(r"[,;–—]|\s-\s", sentence)):
                return sentence
            continue
        # seventeenth pass (A1 s17 H112): a subject before the participle with no auxiliary ("Tu mis le cube rouge
        # dans la poubelle.", "Je posé le rouge sur le bleu.", "On l'a ..." has its "a")
        if any(verb_meaning(said["p"]) for said in _FR_SUBJECT_PARTICIPLE.finditer(sentence)) and \
                not _FR_AUXILIARY.search(sentence):
            return sentence
        m = _FR_PARTICIPLE_FIRST.match(sentence)
        if m and re.fullmatch(r"[a-zà-ÿ]+(?:é|ée|és|ées)|mis|mise|mises", m["p"]) and verb_meaning(m["p"]) and \
                not _FR_AUXILIARY.search(sentence):
            return sentence
    return None


def _french_question(sentence: str, verb_meaning: Callable[[str], str | None]) -> str | None:
    """"inverted" or "est-ce" (a question whatever else is said), "rising" (a declarative said with "?" and no mark
    of a request), else None."""
    for m in _FR_INVERTED.finditer(sentence):
        if m["verb"] not in _FR_MODALS and verb_meaning(m["verb"]):
            return "inverted"
    for m in _FR_EST_CE.finditer(sentence):
        if m["verb"] not in _FR_MODALS and verb_meaning(m["verb"]):
            return "est-ce"
    # A French tag of agreement after a statement said with "tu"/"vous" stays a request ("Alors, vous mettez le cube
    # rouge dans le bac et vous retournez en position initiale, ok ?", a seen gold of fresh_fr_de_6): French gives
    # instructions in the present this way, where German "Du legst ..., ja?" asks to confirm (A1 s14 H57/H59)
    if _FR_REQUEST_MARK.search(sentence):
        return None
    # fifteenth pass (A1 s15 H77): the ethical dative alone ("Tu me mets le cube rouge dans la poubelle ?", "Le cube
    # rouge, tu me le poses sur le pad ?") no longer marks a request: it asks as the same words without "me" do; with
    # thanks after it, "s'il te plaît" or a tag of agreement it is one ("Tu me gares le cube bleu sur le pad ? Merci.",
    # every seen gold of this shape carries such a mark)
    for m in _FR_SUBJECT_VERB.finditer(sentence):
        if m["verb"] not in _FR_MODALS and verb_meaning(m["verb"]):
            return "rising"
    return None


def _german_question(sentence: str, verb_meaning: Callable[[str], str | None]) -> str | None:
    """"rising" where the sentence's action verb is said with "du"/"ihr"/"Sie" and no mark of a request, else
    None."""
    if _DE_REQUEST_WORD.search(_DE_OPENER_MAL.sub(" ", sentence)):
        return None
    # fourteenth pass (A1 s14 H57): a tag of agreement ("ja?", "gell?") after a statement said with "du" ("Du legst
    # den roten Würfel in die Tonne, gell?") asks to confirm what is stated, as English "you put ..., yeah?"; after an
    # imperative ("Leg den roten in die Tonne, gell?") it keeps the request
    du_statement = _DE_SUBJECT_VERB.search(sentence) is not None or any(
        m["verb"] not in _DE_MODALS and verb_meaning(m["verb"]) for m in _DE_GLUED_DU.finditer(sentence)) or any(
        m["subj"] == "du" and (m["before"] or "").strip() not in _DE_SUBORDINATORS for m in
        _DE_VERB_SUBJECT.finditer(sentence))
    # fifteenth pass: the same statement after a cube said first and taken up again ("Den roten, den stellst du auf
    # die linke Seite, ja?": "den stellst du" is the main clause, no relative one, which puts its verb last); old, it
    # planned. The northern "man" after the glued "du" ("den stellste man rüber ..., ne?") is "mal", a request
    for m in _DE_RESUMED.finditer(sentence):
        if verb_meaning(m["verb"]) and not re.search(r"\b[a-zäöüß]+(?:st du|ste) man\b", sentence):
            return "rising"
    if _DE_REQUEST_MARK.search(sentence) and not du_statement:
        return None
    for m in _DE_VERB_SUBJECT.finditer(sentence):
        before = (m["before"] or "").strip()
        if before in _DE_SUBORDINATORS and m["subj"] != "sie":
            continue  # "bevor du ...": the verb of "du" closes the clause, this is no verb before its subject
        if m["subj"] == "sie" and not m["verb"].endswith("n"):
            continue  # "leg sie in den Müll": "sie" is "them" after an imperative; the polite "Sie" follows "legen"
        if m["verb"] not in _DE_MODALS and verb_meaning(m["verb"]):
            return "rising"
    for m in _DE_SUBJECT_VERB.finditer(sentence):
        if m["verb"] not in _DE_MODALS and verb_meaning(m["verb"]):
            return "rising"
    for m in (*_DE_BARE_SECOND.finditer(sentence), *_DE_BARE_PLURAL.finditer(sentence)):
        if m["verb"] not in _DE_MODALS and verb_meaning(m["verb"]):
            return "rising"
    for m in _DE_GLUED_DU.finditer(sentence):  # "Schiebste den roten nach links?" (schiebst du; old: it pushed)
        if m["verb"] not in _DE_MODALS and verb_meaning(m["verb"]):
            return "rising"
    return None


# Seventeenth pass (A1 s16 residue): a state described with no verb of action, in two closed forms. French "voilà"/
# "voici" presenting where a cube is ("Voilà le cube rouge dans la poubelle.", "Le rouge, voilà, dans la poubelle.",
# "Le rouge sur le bleu, voici."), as "..., voilà." after a goal does (s16 H95); German a cube and a place in the
# dative, where a thing is, not where it goes ("Der rote Würfel im Müll.", "So, der rote auf dem Pad.": "in den
# Müll", "aufs Pad" say the way to it; "Der rote auf dem blauen drauf." the same, "drauf" only repeating the "auf":
# A1 s17 H127). Only the whole sentence in that form: a state to reach with its verb ("Am
# Ende soll der grüne Würfel im Mülleimer liegen.", "Alors voilà, j'ai encore ... à contrôler", seen golds) is read
# as before.
_FR_PLACE_WORD = r"(?:dans|sur|à|au|aux|en|par-dessus)"
_FR_PRESENTATIVE = re.compile(
    rf"^(?:(?:et|alors|bon|oh|ah|tiens)\s*,?\s*)*(?:voilà|voila|voici)\s+(?:le|la|les|l'|tous|toutes|tout)\b[^,;:]*?"
    rf"\b{_FR_PLACE_WORD}\b|"
    rf"^(?:le|la|les|l'|tous|toutes|tout)\b[^,;:]*?,\s*(?:voilà|voila|voici)\s*[,:]\s*{_FR_PLACE_WORD}\b|"
    rf"^(?:le|la|les|l'|tous|toutes|tout)\b[^,;:]*?\b{_FR_PLACE_WORD}\b[^,;:]*?,\s*(?:voilà|voila|voici)\s*[.!]*$")
_DE_DATIVE_STATE = re.compile(
    r"^(?:(?:so|also|okay|ok|gut|wow|super|toll|na|ja)\s*[,!]?\s*)?(?:(?:der|die|das|alle|beide|sämtliche)\s+)?"
    r"(?:[a-zäöüß]+\s+){0,2}(?:im|aufm|auf dem|in dem|auf der|in der|neben dem|neben der)\s+(?:[a-zäöüß]+\s+)?"
    r"(?:müll|mülleimer|eimer|tonne|kübel|mistkübel|behälter|abfall[a-zäöüß]*|pad|zielfläche|kiste|box|korb|"
    r"papierkorb|[a-zäöüß]*seite|ecke|würfel|klotz|block|rot[a-z]*|grün[a-z]*|blau[a-z]*|gelb[a-z]*|lila[a-z]*|"
    r"orange[a-z]*|violett[a-z]*)(?:\s+(?:drauf|darauf|obendrauf|oben|drin|drinnen))?"
    r"\s*(?:,\s*(?:danke|danke schön|dankeschön|bitte)\s*)?[.!]*$")


def state_described(text: str, lang: str, verb_meaning: Callable[[str], str | None]) -> str | None:
    """The sentence of ``text`` (lower case) that describes where a cube is with no verb of action (see above), else
    None."""
    for sentence in (s.strip(" ,;:") for s in _SENTENCE.findall(text) if s.strip(" ,;:")):
        if any(verb_meaning(w) for w in re.findall(r"[a-zà-ÿß]+", sentence)):
            continue
        if (_FR_PRESENTATIVE if lang == "fr" else _DE_DATIVE_STATE).search(sentence):
            return sentence
    return None
