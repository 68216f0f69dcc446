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


def remarked_doing(text: str, lang: str, verb_meaning: Callable[[str], str | None]) -> str | None:
    """The German clause of ``text`` (lower case) that remarks on what the robot is doing (see above), else None."""
    if lang != "de":
        return None
    for m in _DE_REMARKED.finditer(text):
        if verb_meaning(m["verb"]) not in (None, "go") and not _DE_GOING_ON.search(m["rest"]):
            return m[0].strip(" ,;:")
    return None


# Nineteenth pass (A1 s19 H145): a German sentence that opens with the verb of "du" ("Legst du den roten in den
# Müll.", "Schiebst du den roten nach links.", "Gehst du nach Hause.") is a question typed without its mark (asked
# with "?" it is refused as a question, fr_de_questions), never an order; "Legst du bitte/mal ..." asks it as a request
# and is left to the rules as before.
_DE_VERB_FIRST = re.compile(r"(?:^|[.!;:]\s*)(?P<verb>[a-zäöüß]+st) du\b(?!\s+(?:bitte|mal|mir mal|mir bitte|doch)\b)"
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
