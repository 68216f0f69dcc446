"""French and German statements that are no request (issue #17 item 5, eighteenth pass): where a cube is, said as one
clause of a sentence, and what the robot is doing, remarked on. fr_de_questions.py holds the questions, the reports
with a participle and the whole-sentence states; the screens here are read beside them in translation.py.

- A German state as a clause (A1 s17 H111 residue, s18 H129, a false execution on main bcac79f): a nominative noun
  phrase of the closed lexicon (an article or "alle"/"beide", colour adjectives in any ending, a word for the cube; no
  article: "Roter Würfel"), the adverbs a state takes ("jetzt", "wieder", "schon", "oben", "obendrauf", "bitte"), a
  mark or none, then a preposition in the dative (im, am, beim, aufm, in/auf/an/neben/unter/hinter/vor/bei/über dem or
  der, "auf"/"in"/"neben" before an adjective in -em: "auf blauem") and its place, "drauf"/"drin" repeating it: the
  whole clause, in any clause of the sentence ("Der rote Würfel im Müll, der blaue auf dem Pad.", "Der rote Würfel im
  Müll, dann geh nach Hause.", "Und der rote Würfel jetzt im Müll."). The accusative says the way to a place ("in den
  Müll", "auf den blauen", "in die Tonne") and is read as before. Not read so: a sentence that says the state as a goal
  with its own verb ("Am Ende soll der grüne Würfel im Mülleimer liegen und der rote auf dem Pad.", d12-047), a tower
  described level by level ("Turm: ... der grüne in der Mitte"; "in der Mitte", "am nächsten", "am weitesten", "am
  Ende" are no place), a noun phrase in the accusative ("den roten auf dem blauen"), and a cube named by where it is
  before the way it goes ("Der Würfel auf dem roten, in den Müll.").
- A German statement of what the robot does after a word of praise or surprise (A1 s17 low residue): "Toll, du legst
  den roten in den Müll.", "Wow, ihr schiebt den blauen nach links." remark on what is being done, as English "Great,
  you put the red cube in the bin." does (refused there); the bare statement "Du legst den roten in den Müll." stays
  an instruction (the German present of orders), and so does one that says when ("Super, du legst jetzt ...", "...,
  und dann legst du ...": an instruction going on).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from policies.planner.fr_de_lexicon import DE_COLOUR_FORMS

_SENTENCE = re.compile(r"[^.!?…]*[.!?…]+|[^.!?…]+$")

_DE_STATE_ADJ = rf"(?:(?:{'|'.join(sorted(DE_COLOUR_FORMS, key=len, reverse=True))})(?:e|er|es)?|andere|kleine|große)"
_DE_STATE_NOUN = r"(?:würfel|wuerfel|wurfel|würfl|würferl|klötzle|klötzchen|klotz|block|baustein|cube|teil)"
# Nineteenth pass (A1 s18 lows): the order words said before a state as its opener ("Zum Schluss / Als erstes der rote
# Würfel im Müll."), the manner words said between the cube and its place ("Der rote Würfel direkt / genau / schön auf
# dem blauen."), an exception after "alle" ("Alle (Würfel) außer dem roten im Müll.", "bis auf den roten"), and a cube
# named by where it is before where it is ("Der rote Würfel neben dem blauen auf dem Pad."): each still a state. A way
# word is never a word of the place (REV s18-R6: "Der rote Würfel neben dem blauen aufs Pad." names the cube by its
# place, then says the way: a request).
_DE_STATE_OPENER = (r"und|dann|danach|jetzt|nun|zuerst|erst|zuletzt|schließlich|anschließend|bitte|so|also|okay|ok|gut|"
                    r"wow|super|toll|na|ja|zunächst|zuallererst|hinterher|später|endlich|sofort|gleich|"
                    r"zum (?:schluss|ende)|am (?:schluss|ende|anfang)|zu guter letzt|"
                    r"als (?:erstes|erster|zweites|drittes|nächstes|letztes|letzter|allererstes)")
_DE_STATE_ADVERB = (r"jetzt|wieder|schon|bereits|bitte|noch|ganz oben|oben|obendrauf|nun|endlich|auch|mal|gleich|"
                    r"immer noch|direkt|genau|gerade|schön|sauber|ordentlich|mittig|exakt|einfach|brav|vorsichtig|"
                    r"sanft|hübsch|fein|ruhig|fest|ganz|sicher|dann|zuerst|zuletzt|am ende|zum schluss")
_DE_EXCEPT = r"(?:\s*,?\s*(?:außer|ausser|bis auf|ohne)\s+(?:dem|den|der|die|das)\s+[a-zäöüß]+(?:\s+[a-zäöüß]+)?\s*,?)"
_DE_WAY_WORD = r"(?:in|ins|auf|aufs|nach|zum|zur|weg|rein|rauf|runter|rüber|hin)\b"
_DE_DATIVE_PLACE = (r"(?:im|am|beim|aufm|vom|(?:in|auf|an|neben|unter|hinter|vor|bei|über) (?:dem|der)|"
                    r"(?:auf|in|neben)(?=\s+[a-zäöüß]+em\b))"
                    r"\s+(?!(?:mitte|nächsten|weitesten|äußersten|ende|anfang|schluss)\b)"
                    rf"(?:(?!{_DE_WAY_WORD}|im\b|am\b)[a-zäöüß]+\s+){{0,2}}?(?!{_DE_WAY_WORD})[a-zäöüß]+")
_DE_STATE_CLAUSE = re.compile(
    r"(?:^|[,;:–—]\s*|\s-\s*|\b(?:und|aber|dann|danach)\s+)"
    rf"(?:(?:{_DE_STATE_OPENER})\s*[,!:]?\s*)*"
    rf"(?:(?:(?:der|die|das|alle|beide|sämtliche|ein|eine|dieser|diese|dieses)\s+)?"
    rf"(?:(?:{_DE_STATE_ADJ})\s+){{0,2}}(?:(?:{_DE_STATE_ADJ})|{_DE_STATE_NOUN})|(?:alle|beide|sämtliche)(?={_DE_EXCEPT}))"
    rf"(?:{_DE_EXCEPT})?"
    rf"(?:\s*[,–—-]\s*|\s+)(?:(?:{_DE_STATE_ADVERB})\s*,?\s+)*"
    rf"{_DE_DATIVE_PLACE}(?:\s+{_DE_DATIVE_PLACE})?"
    r"(?:\s+(?:drauf|darauf|obendrauf|oben|drin|drinnen|jetzt|schon|wieder|bitte))*"
    rf"(?:{_DE_EXCEPT})?"
    r"(?=\s*(?:[,;:.!?–—]|\s-\s|\b(?:und|dann|danach|aber)\b|$))"
    r"(?!\s*[,–—-]?\s*(?:in den|in die|ins|auf den|auf die|aufs|nach|zum|zur|weg|rein|rauf|runter)\b)")
# A verb that makes a state the goal of its clause ("... soll im Mülleimer liegen"), and, said before "und" or a
# comma, of the clauses it governs by gapping ("... liegen und der rote auf dem Pad"). A verb of motion with its own
# way ("der blaue kommt aufs Pad") governs nothing beside it (REV s18-R5: it exempted a state clause next to it).
_DE_STATE_FRAME = re.compile(r"\b(?:soll|sollen|sollte|sollten|muss|müssen|liegt|liegen|steht|stehen|sitzt|sitzen|"
                             r"hockt|hocken|ist|sind|bleibt|bleiben|sehen|haben|hätte|wäre|will|möchte|landet|"
                             r"landen)\b")
_DE_MOTION_FRAME = re.compile(r"\b(?:kommt|kommen|gehört|gehören)\b")
# a tower said level by level, anywhere in the sentence
_DE_TOWER_WORD = re.compile(r"\b(?:turm|türmchen|stapel)\b")
_DE_CLAUSE_END = re.compile(r"[,;:.!?…–—]|\s-\s|\b(?:und|dann|danach|aber)\b")


def state_clause(text: str, lang: str, verb_meaning: Callable[[str], str | None]) -> str | None:
    """The German sentence of ``text`` (lower case) with a clause that says where a cube is (see above), else None."""
    if lang != "de":
        return None
    for sentence in (s.strip(" ,;:") for s in _SENTENCE.findall(text) if s.strip(" ,;:")):
        if _DE_TOWER_WORD.search(sentence):
            continue
        for m in _DE_STATE_CLAUSE.finditer(sentence):
            if any(verb_meaning(w) for w in re.findall(r"[a-zäöüß]+", m[0])):
                continue
            rest = sentence[m.end():]
            own = m[0] + rest[:end.start()] if (end := _DE_CLAUSE_END.search(rest)) else m[0] + rest
            before = sentence[:m.start()]
            if _DE_STATE_FRAME.search(own) or _DE_MOTION_FRAME.search(own) or _DE_STATE_FRAME.search(before):
                continue  # the state is the goal its own verb, or a state verb before it, says
            return sentence
    return None


_DE_REMARK = (r"(?:toll|super|wow|klasse|prima|spitze|genial|cool|bravo|sehr gut|gut gemacht|wunderbar|perfekt|"
              r"schön|geil|krass|nice|top|stark|oh|ah|ach|oje|oha|hoppla|huch|boah|ui|mensch|aha|ach so|ah so|sieh an|"
              r"na|na sowas|na so was|na also|na schau|"
              # nineteenth pass (A1 s19 H144): pointing or approval before the statement ("Guck mal, du legst ...")
              r"guck mal|kuck mal|schau mal|sieh mal|siehste|siehst du|gut so|ah jetzt|aha jetzt)")
_DE_REMARKED = re.compile(rf"(?:^|[.!?;]\s*)(?P<remark>{_DE_REMARK})\s*[,!.:–—-]+\s*(?:und\s+)?(?P<subj>du|ihr|sie)\s+"
                          r"(?P<verb>[a-zäöüß]+)\b(?P<rest>[^.!?;]*)")
_DE_GOING_ON = re.compile(r"\b(?:jetzt|nun|dann|danach|als nächstes|gleich|bitte|mal|noch|zuerst|erst|bitteschön)\b")


# Twentieth pass (A1 s19 residues): after a word of surprise or pointing (never praise: "Super, jetzt legst du ..." may
# praise the last step and give the next), the statement remarks on what is seen even when it says "now" ("Ah, jetzt
# legst du den roten in den Müll.", "Guck mal, du legst jetzt ...", "Oh, da schiebst du den blauen nach links."; a bare
# "Na," stays an instruction going on, s19 pin "Na, du legst jetzt den roten in den Müll."): the
# family is the closed class of those words before "jetzt/nun/gerade/da/schon/wieder <verb>st du" or "du <verb>st".
_DE_SURPRISE = (r"(?:oh|ah|ach|oje|oha|hoppla|huch|boah|ui|mensch|aha|ach so|ah so|sieh an|wow|na sowas|na so was|"
                r"na schau|guck mal|kuck mal|schau mal|sieh mal|siehste|siehst du|ah jetzt|aha jetzt)")
_DE_SURPRISED_NOW = re.compile(rf"(?:^|[.!?;]\s*){_DE_SURPRISE}\s*[,!.:–—-]+\s*(?P<said>(?:und\s+)?"
                               r"(?:(?:jetzt|nun|gerade|grad|da|schon|wieder|so)\s+(?P<verb>[a-zäöüß]+)\s+(?:du|ihr)\b|"
                               r"(?:du|ihr)\s+(?P<verb2>[a-zäöüß]+)\b)[^.!?;]*)")


# Twentieth pass (A1 s19 H144, French): "voilà" (there, done) and pointing ("regarde", "tiens") before a statement of
# what the robot does ("Voilà, tu mets le rouge dans la poubelle.", "Regarde, tu pousses le bleu à gauche.") remark on
# it; "tu me ..." (done for the speaker: "Oh, tu me prends ... et tu me le poses ...", fd27-001) and "maintenant/
# ensuite/après/puis" (the next step) stay requests, as does "Oh/Ah, tu ..." (fd27-001).
_FR_REMARKED = re.compile(r"(?:^|[.!?;]\s*)(?:et )?(?:voilà|regarde|regardez|tiens|tenez)\s*[,!.:–—-]+\s*(?:et\s+)?"
                          r"(?P<said>(?:tu|vous)\s+(?P<verb>[a-zà-ÿ]+)\b[^.!?;]*)")
_FR_GOING_ON = re.compile(r"\b(?:maintenant|ensuite|après|puis|d' ?abord|s' ?il (?:te|vous) pla[iî]t|stp|svp)\b")


def remarked_doing(text: str, lang: str, verb_meaning: Callable[[str], str | None]) -> str | None:
    """The French or German clause of ``text`` (lower case) that remarks on what the robot is doing (see above), else
    None."""
    if lang == "fr":
        for m in _FR_REMARKED.finditer(text):
            if verb_meaning(m["verb"]) is not None and not _FR_GOING_ON.search(m["said"]):
                return m[0].strip(" ,;:")
        return None
    if lang != "de":
        return None
    for m in _DE_REMARKED.finditer(text):
        if verb_meaning(m["verb"]) not in (None, "go") and not _DE_GOING_ON.search(m["rest"]):
            return m[0].strip(" ,;:")
    for m in _DE_SURPRISED_NOW.finditer(text):
        # (going home too: "Ah, jetzt gehst du nach Hause."); "bitte"/"mal" ask it ("Ah, jetzt legst du bitte ...")
        if verb_meaning(m["verb"] or m["verb2"]) is not None and not re.search(r"\b(?:bitte|mal)\b", m["said"]):
            return m[0].strip(" ,;:")
    return None


# Nineteenth pass (A1 s19 H145): a German sentence that opens with the verb of "du" ("Legst du den roten in den
# Müll.", "Schiebst du den roten nach links.", "Gehst du nach Hause.") is a question typed without its mark (asked
# with "?" it is refused as a question, fr_de_questions), never an order; "Legst du bitte/mal ..." asks it as a request
# and is left to the rules as before.
# Twentieth pass (A1 s19 residue): the spoken "legste" (legst du) is the same sentence ("Legste den roten in den
# Müll.").
_DE_VERB_FIRST = re.compile(r"(?:^|[.!;:]\s*)(?P<verb>[a-zäöüß]+st)(?: du\b|e\b)"
                            r"(?!\s+(?:bitte|mal|mir mal|mir bitte|doch)\b)"
                            r"[^.!?;]*")


def verb_first_told(text: str, lang: str, verb_meaning: Callable[[str], str | None]) -> str | None:
    """The German sentence of ``text`` (lower case) that opens with a verb of action of "du" (see above), else None."""
    if lang != "de":
        return None
    for m in _DE_VERB_FIRST.finditer(text):
        # asked with "?" it is a question (fr_de_questions), or a request marked as one ("Legst du ...? Danke!")
        if verb_meaning(m["verb"]) is not None and not text[m.end():].lstrip().startswith("?"):
            return m[0].strip(" ,;:.!")
    return None


# Twentieth pass (REV s19-R4): "Läuft!" (deal) closes an order ("Leg den roten aufs Pad. Läuft!", "Zuerst schiebst du
# ..., und dann packst du ... . Läuft!", fd36-025: an instruction going on); after a bare statement of what the robot
# does ("Du legst den roten aufs Pad. Läuft!") it approves of what is happening, the mirror of "Super, du legst ...".
_DE_LAEUFT = re.compile(r"[.!]\s*läuft\s*[.!]*\s*$")
_DE_TOLD = re.compile(r"(?:^|[.!?;,:]\s*)(?:(?:und|aber)\s+)?(?:(?:du|ihr)\s+(?P<verb>[a-zäöüß]+)|"
                      r"(?P<verb2>[a-zäöüß]+st)(?:\s+du\b|e\b))[^.!?;]*")


def approved_told(text: str, lang: str, verb_meaning: Callable[[str], str | None]) -> str | None:
    """The German statement of what the robot does that "Läuft!" closes in ``text`` (lower case), else None."""
    if lang != "de" or not (end := _DE_LAEUFT.search(text)):
        return None
    told = [m for m in _DE_TOLD.finditer(text[:end.start()]) if verb_meaning(m["verb"] or m["verb2"]) is not None]
    if told and not any(_DE_GOING_ON.search(m[0]) for m in told):
        return told[0][0].strip(" ,;:")
    return None


# Twentieth pass (A1 s20 H163, the French/German twin of English H143 in speech_act.py): a word of surprise, relief or
# dismay before words with no verb of action remarks on a state found, whatever the goal's shape ("Ach, der rote
# unten, der blaue in der Mitte, der grüne oben.", "Oh, tous les cubes dans la poubelle.", "Ah, à la maison."): the
# same words with a verb plan ("Ach, leg den roten in den Müll."). These still ask: "s'il te plaît"/"bitte" and the
# words below, a next step ("Oh, et maintenant le bleu sur le rouge.", "Ah, jetzt den blauen ..."), and a German
# accusative object, which names what an elided verb moves ("Ach, den roten in den Müll."; cubes are masculine, so
# "den" is never the nominative). A bare "Na," ("well") stays an opener, as English "Well," (the s19 pin "Na, du
# legst jetzt ...").
_FR_SURPRISE = (r"(?:oh+|ah+|aïe|ouf|oups|zut|mince|punaise|purée|waouh|wouah|ouah|(?:oh|ouh|oula) là(?: là)?|"
                r"ça alors|la vache|youpi|hourra|(?:ah |eh |hé )?bah|(?:hé|eh) ben|ben dis donc|oh non|ah non|"
                # twenty-second pass (fresh_fr_de_42): Marseille "Oh con," / "Oh cong," (oh man)
                r"(?:oh|ah|eh|hé|oh putain) cong?)")
_SURPRISED_BEFORE = {
    "fr": re.compile(rf"\s*{_FR_SURPRISE}\s*[,!.:…–—-]+\s*"
                     r"(?!\s*(?:et\s+)?(?:maintenant|ensuite|après|puis|d' ?abord)\b)(?P<rest>.*)$"),
    "de": re.compile(rf"\s*{_DE_SURPRISE}\s*[,!.:…–—-]+\s*"
                     r"(?!\s*(?:und\s+)?(?:jetzt|nun|dann|danach|als nächstes|zuerst|erst|den|einen|diesen)\b)"
                     r"(?P<rest>.*)$")}
# A greeting or an address said first, a closed class (fr_de_wrappers.OPENINGS has them): looked through before a word
# of surprise
_ADDRESS_FIRST = {
    "fr": re.compile(r"^\s*(?:(?:bonjour|salut|coucou|bonsoir|hey|hello|yo|wesh|heille|té|allez|bon|alors|eh|hé)\b"
                     r"\s*,?\s*)?"
                     r"(?:(?:mon|ma|mes) (?:petit |petite |cher |chère |beau |belle |grand |grande )?[a-zà-ÿ'-]+|chef|"
                     r"darling|chéri|chérie|frérot|khouya|khoya|khey|sahbi|habibi|habibti|l' ?ami|collègue|"
                     r"moussaillon|matelot|toi|(?:le |mon )?(?:petit )?robot|bonjour|salut|coucou|bonsoir|hey|hello|"
                     r"yo|wesh|heille|té)\s*[,!]+\s*"),
    "de": re.compile(r"^\s*(?:(?:hallo|hi|hey|moin|servus|grüezi|grüß gott|ey|na)\b\s*,?\s*)?"
                     r"(?:(?:mein|meine) (?:lieber |liebe |guter |gute |kleiner |kleine )?[a-zäöüß]+|meister|chef|"
                     r"kumpel|alter|digga|digger|jung|junge|bruder|brudi|kollege|keule|atze|schatz|schatzerl|leute|"
                     r"(?:du )?(?:kleiner |lieber )?(?:roboter|robo)|hallo|hi|hey|moin|servus|grüezi|grüß gott|"
                     r"guten (?:morgen|tag|abend))\s*[,!]+\s*"),
}


# What still asks: "please", a modal or a wish ("Ach, mein Enkel hätte so gern einen Turm. Ganz oben soll der grüne
# Würfel sein, ...", fd19-005), and a word that urges the move on ("Oh, le cube jaune, là, zou, à la poubelle !",
# fd25-000; "allez", "hop", "los")
_ASKED = re.compile(r"(?<![a-zà-ÿß])(?:s' ?il (?:te|vous) pla[iî]t|stp|svp|bitte|bitteschön|"
                    r"peux|pouvez|pourrais|pourriez|veux|voudrais|voudriez|aimerais|aimerait|faut|faudrait|dois|devrais|"
                    r"soll|sollst|sollen|sollte|solltest|möchte|möchtest|hätte|hätt|will|willst|kannst|könntest|"
                    r"würdest|wärst|magst|zou|allez|hop|hopp|los|vas-y)(?![a-zà-ÿß])")


def surprised_at_state(text: str, lang: str, verb_meaning: Callable[[str], str | None]) -> str | None:
    """The words after a word of surprise that opens ``text`` (lower case) when none of them is a verb of action (see
    above), else None."""
    if lang not in _SURPRISED_BEFORE:
        return None
    m = _SURPRISED_BEFORE[lang].match(text)
    # twenty-first pass (A1 s21 H172): a greeting or an address said before the word of surprise ("Mon homme, oh, le
    # rouge dans la poubelle.", "Bonjour mon ami, ah, ...") is looked through
    opened = text
    while m is None and (shorter := _ADDRESS_FIRST[lang].sub("", opened, count=1)) != opened:
        opened = shorter
        m = _SURPRISED_BEFORE[lang].match(opened)
    if m is None or not m["rest"].strip(" .!") or _ASKED.search(m["rest"]):
        return None
    if any(verb_meaning(w) is not None for w in re.findall(r"[a-zà-ÿß]+", m["rest"])):
        return None
    return m["rest"].strip(" ,;:.!")
