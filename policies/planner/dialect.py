"""Scots said to the robot, in the English the planner reads: "Pit the blue yin in the bin", "Dinnae pit the red yin
in the bin", "Stick the wee red yin on tap o' the green yin", "Then awa' hame" (fresh split f27: one writer in six).

A closed lexicon, word for word, applied only where a word that is Scots and no English word marks the instruction
("yin", "oan", "dinnae", "hame", ...): "pit", "tap", "wee" or "fur" alone are English (or a typo) and stay as they
are. Negations map to negations ("dinnae" -> "don't", "cannae" -> "can't", "nae" -> "no"), so the screens and the
parser read them as they read English; a Scots word outside the lexicon stays, unread, hence refused.
Pure logic over words.
"""

from __future__ import annotations

import re
from typing import Any

from policies.planner.lexicon import COLOR_WORDS
from policies.planner.register import in_plain_register

# Words only Scots uses (none an English word): one of them marks the instruction as Scots.
_MARKERS = frozenset({"yin", "yins", "oan", "dinnae", "cannae", "wouldnae", "couldnae", "isnae", "disnae", "didnae",
                      "gonnae", "hame", "awa'", "awa", "intae", "forrit", "baith", "efter", "ye've", "whit", "ah've",
                      "doon", "oot", "fae", "ower", "tae", "startin'", "twiddlin'", "nae", "an'", "yer", "dae", "jist"})
# ("noo" is no sure mark: English chat writes it for a drawn-out "no", REV s23 R10; with a mark above it is "now")
# Scots -> English, word for word (apostrophes kept as written: "o'", "an'", "awa'").
_WORDS = {
    "yin": "one", "yins": "ones", "pit": "put", "oan": "on", "intae": "into", "tae": "to", "tap": "top", "o'": "of",
    "doon": "down", "fur": "for", "dinnae": "don't", "cannae": "can't", "wouldnae": "wouldn't", "couldnae": "couldn't",
    "isnae": "isn't", "disnae": "doesn't", "didnae": "didn't", "nae": "no", "ye": "you", "ye've": "you've",
    "yer": "your", "efter": "after", "baith": "both", "hame": "home", "ower": "over", "forrit": "forward",
    "gie": "give", "ah": "i", "ah've": "i've", "ah'm": "i'm", "ma": "my", "whit": "what", "aye": "yes", "naw": "no",
    "an'": "and",
    "oot": "out", "fae": "from", "dae": "do", "haw": "hey", "startin'": "starting", "wee": "", "awa'": "away",
    "awa": "away", "jist": "just", "noo": "now", "yin's": "one's", "och": "oh", "hale": "whole",
}
# Phrases first: "gonnae ...?" asks (could you), "awa' hame" / "awa' back" goes, "they cubes" are the cubes,
# "dae us a favour" is "do me a favour", "that's you" (you're done), "startin' spot" (the starting position).
_PHRASES = (
    (r"\bgonnae\b(?: no\b)?", lambda m: "could you not" if m.group(0).endswith("no") else "could you"),
    (r"\bawa'?\s+(?=hame\b|back\b|home\b)", "go "),
    (r"\bthey (cubes|blocks|yins|ones)\b", r"the \1"),  # "baith o' they cubes": both of the cubes
    (r"\bdae us a favour\b", "do me a favour"),
    (r"\s*,?\s*\bnae bother\b", ""),  # "no trouble at all": a closing, nothing asked
    (r"\bthat'?s you(?: done)?\b", "you're done"),  # "right, that's you (done), pal": the work is done
    # "dinnae fash wi' the green yin" (fi34-031): don't bother with it, i.e. leave it alone (only after the negation)
    (r"\bdinnae fash(?: yersel'?| yourself)? (?:wi'?|with|aboot|about) ((?:the|that|this) (?:[a-z]+ )?(?:yin|one|cube|"
     r"block)|(?:the|that|this) [a-z]+|it)\b", r"leave \1 alone"),
    (r"\s*,\s*(?:hen|son)(?=\s*[,.!?]|$)", ""),  # "hen", "son", a Scots address ("..., hen.")
    (r"\bstartin'? spot\b", "starting position"),
    # a verb's "-in'" ("clutterin'", "restin' spot", fi34): "-ing" (after the phrases that read it as written)
    (r"\b([a-z]{2,})in'(?=[\s,.!?;]|$)", r"\1ing"),
)


# Nigerian Pidgin English (fi34: "Abeg, carry the yellow block go put am for the pad", "Oya, first carry the orange cube
# go the left side"): marked only by words no English sentence uses ("abeg", "oya", "comot", "how body", "hope say",
# an object "am" after a verb). Then "abeg" is "please", "oya" a "come on" that asks nothing, "put am" is "put it",
# "carry X go <place>" is "take X to <place>", "go put" is "and put", "for the pad" is "on the pad" ("for" is
# Pidgin's one preposition of place), "comot" ("out") says nothing the place said next does not, "help me put" is
# "please put" and "when you get chance" is "when you get a chance". Negations ("no put am", "make you no touch am")
# have no mapping here and stay unread.
_PIDGIN = re.compile(r"\b(?:abeg|biko|please na|oya|comot|wetin|una|abi|how body|hope say|(?:put|carry|keep|drop|take|"
                     r"move|push|leave|bring) am|wey dey|"
                     # (s17 D-S4: the serial "carry X go <place>" marks it alone, fi50-017)
                     r"carry (?:the|that|this) [a-z]+ (?:one|cube|block) go(?= (?:to |for )?the\b))\b")
# A subject before the verb ("You carry the red cube go the bin?", "I don put am for the pad") asks or reports: the
# text is left unmapped, hence unread (A1 s12 b94)
_PIDGIN_SUBJECT = re.compile(r"\b(?:you|i|we|they|he|she|e)(?: (?:don|go|dey|bin|just))? (?:carry|put|take|move|keep|"
                             r"drop|bring|push)\b")
_PIDGIN_PLACE = r"(?=the (?:bin|trash|dustbin|pad|left side|right side|left|right)\b)"
_PIDGIN_PHRASES = (
    (r"\babeg\b\s*,?\s*", "please "),
    # (s17 F4: the Igbo "biko" and "please na" are "please" as "abeg" is)
    (r"\bbiko\b\s*,?\s*", "please "),
    (r"\bplease na\b", "please"),
    # (s17 D-S4: "wey dey" is "that is" in a relative, "the cube wey dey on top of the red one", fi50-046; "no touch X"
    # forbids as "don't touch X" does, fi50-029, only of touching and disturbing: "no put am" stays unread)
    (r"\bwey dey\b", "that is"),
    (r"(^|[.!?,;]\s*|\bplease\s+)no (touch|disturb|move) (?=(?:the|that|this|am)\b)", r"\1don't \2 "),
    (r"(^|[.!?,]\s*)oya\b\s*,?\s*", r"\1"),
    (r"\bhow body\s*\?+\s*", ""),
    (r"\bi hope say you (?:rest|rested|sleep|slept) well\b", "i hope you slept well"),
    (r"\bi hope say (?=you\b)", "i hope "),
    (r"\bwhen you get chance\b", "when you get a chance"),
    (r"\bhelp me (?=(?:put|carry|move|take|keep|drop|bring|place)\b)", "please "),
    (r"\b(put|carry|keep|drop|take|move|push|leave|bring) am\b", r"\1 it"),
    (r"\bgo (?=(?:put|keep|drop|place|set)\b)", "and "),
    (rf"\bgo (?:to |for )?{_PIDGIN_PLACE}", "to "),
    (r"\bfor (?=the (?:bin|trash|dustbin)\b)", "in "),
    (r"\bfor (?=the (?:pad|left side|right side|left|right)\b)", "on "),
    # (only with a place after it, never after a subject: "You carry the red cube go the bin?" asks, "carry the red
    # cube go." names no place, A1 s12 b94)
    (r"(?<!\byou )(?<!\bi )(?<!\bwe )(?<!\bthey )(?<!\bhe )(?<!\bshe )\bcarry\b(?=[^.,;!?]*\b(?:to|on|in|and put|"
     r"and keep|and drop|comot)\b)", "take"),
    (r"\s*\bcomot\b", ""),  # "carry that cube comot, put am for ...": out of its place, to the place said next
)
_PIDGIN_COMPILED = tuple((re.compile(pattern), repl) for pattern, repl in _PIDGIN_PHRASES)


def in_plain_pidgin(text: str) -> str:
    """``text`` (lower case) with its Nigerian Pidgin forms in English, where such a form marks it; else as it is."""
    if not _PIDGIN.search(text) or _PIDGIN_SUBJECT.search(text):
        return text
    for pattern, repl in _PIDGIN_COMPILED:
        text = pattern.sub(repl, text)
    return " ".join(text.split())


# Yorkshire (fi37: "pop t' red 'un on top o' t' blue 'un for us", "Bin t' lot bar t' red 'un", "then tha can go 'ome,
# lad"): marked only by its clipped article "t'" or its "'un" ("one") standing as words, which no English sentence
# writes (a quote's apostrophe closes a word, it never stands after a lone "t"). Then "t'" is "the", "'un(s)" "one(s)",
# "o'" "of", "ovver" "over", "tha"/"thee" "you", "thy" "your", "'ome" "home". Negations ("nowt", "niver") have no
# mapping here and stay unread, hence refused.
# (P1 s20, dev fi59: "Grab t'cube next to t'red un an' put it in t'bin, will tha?", "Stick t'yellow un atop t'red un",
# "Gi' t'blue un a push to t'left, lad.") the article is also written joined to its word ("t'bin"), which no English
# word begins with, and "un(s)" without its apostrophe after a colour ("t'red un", "that green un's"); "gi'" is
# "give", "will tha?" / "will thee?" closing a request is "will you?"
_YORKSHIRE = re.compile(r"(?:^|(?<=[\s,;:(]))(?:t'(?=\s|[a-z])|'uns?(?=[\s,;:.!?)']|$))")
_YORKSHIRE_WORDS = {"t'": "the", "'un": "one", "'uns": "ones", "o'": "of", "ovver": "over", "tha": "you",
                    "thee": "you", "thy": "your", "'ome": "home", "gi'": "give"}
_YORKSHIRE_WORD = re.compile(r"(?:^|(?<=[\s,;:(]))(?:t'|'uns?|o'|ovver|tha|thee|thy|'ome|gi')(?=[\s,;:.!?)']|$)")
_YORKSHIRE_JOINED = re.compile(r"(?:^|(?<=[\s,;:(]))t'(?=[a-z])")
_YORKSHIRE_UN = re.compile(rf"\b((?:{'|'.join(COLOR_WORDS)}|top|bottom|other|middle|left|right|nearest|furthest|"
                           r"farthest|closest|last|first|same|big|little|small|wee)) uns?(?=[\s,;:.!?)']|$)")


def in_plain_yorkshire(text: str) -> str:
    """``text`` (lower case) with its Yorkshire words in English, where "t'" or "'un" marks it; else as it is. "Ah"
    before a word, no mark between, is "I" ("Ah put t' red 'un in t' bin." reports the speaker's act, REV s14 R1);
    "Ah, ..." stays the interjection."""
    if not _YORKSHIRE.search(text):
        return text
    text = re.sub(r"(?:^|(?<=[\s,;:.!?(]))ah(?='|\s+[a-z])", "i", text)
    text = _YORKSHIRE_UN.sub(lambda m: f"{m.group(1)} one" + ("s" if m.group(0).endswith("s") else ""),
                             _YORKSHIRE_JOINED.sub("t' ", text))
    return _YORKSHIRE_WORD.sub(lambda m: _YORKSHIRE_WORDS[m.group(0)], text)


# Singlish (fi38: "Eh, the red one ah, you put on the pad can? Thanks ah.", "Can help me stack one tower?", "First you
# take the blue one put inside the bin, then the purple one put on top of the green one, after that go home lor."):
# marked only by its particles ("lah", "lor", "leh", "hor", "sia", "thanks ah") or a closing "can?" / "can or not?",
# none an English word in those places. Then the particles are dropped, "X, can?" asks for X, a cube said first and then
# what "you" do with it ("the red one ah, you put on the pad") is that request, "can help me <verb>" is "<verb>", and
# serial verbs ("take the blue one put inside the bin") are "take ... and put it ...". "Meh" (doubt) and negations have
# no mapping: they stay unread, hence refused.
_SINGLISH = re.compile(r"\b(?:lah|lor|leh|hor|sia|aiyo|aiyah)\b|\b(?:thanks|thank you) ah\b|"
                       r"(?<=[a-z])\s*,?\s*can(?: or not| anot)?\s*\?|"
                       r"^\s*can help me\b")
_SINGLISH_VERB = r"(?:put|place|move|shift|take|bring|carry|stack|push|set)"
_SINGLISH_PLACE = r"(?:inside|in|into|on top of|onto|on|to)"
_SINGLISH_PHRASES = tuple((re.compile(pattern), repl) for pattern, repl in (
    (r"\s*,?\s*\b(?:lah|lor|leh|hor|sia)\b", ""),
    (r"\b(thanks|thank you|ok|okay|one|cube|block)\s+ah\b", r"\1"),
    (r"^(?:eh|hey|oi)\s*,?\s*", ""),
    (r"^\s*can help me (?=[a-z])", "can you "),
    (r"\bone tower\b", "a tower"),
    # "the red one, you put on the pad, can?": the request, of the cube said first
    (rf"^((?:the|that|this) [a-z]+ (?:one|cube|block))\s*,\s*(?:you\s+)?({_SINGLISH_VERB})\s+({_SINGLISH_PLACE})\s+"
     r"(?=the\b)", r"\2 \1 \3 "),
    # serial verbs: "(first) (you) take the blue one put inside the bin", "then the purple one put on top of the green"
    (rf"(^|[,;.]\s*|\b(?:first|then|and|after that)\s+)(?:you\s+)?(take|grab|pick up) ((?:the|that|this) [a-z]+ "
     rf"(?:one|cube|block)) (put|place|move|set) ({_SINGLISH_PLACE}) (?=the\b)", r"\1\2 \3 and \4 it \5 "),
    (rf"(\b(?:then|and then|after that|next)\s+)((?:the|that|this) [a-z]+ (?:one|cube|block)) ({_SINGLISH_VERB}) "
     rf"({_SINGLISH_PLACE}) (?=the\b)", r"\1\3 \2 \4 "),
    (r"(?<=[a-z])\s*,?\s*can(?: or not| anot)?\s*\?", "?"),
))


def _rewritten(text: str, marker: re.Pattern[str], phrases: tuple[tuple[re.Pattern[str], Any], ...]) -> str:
    """``text`` with ``phrases`` applied in order where ``marker`` marks it (single-spaced); else as it is."""
    if not marker.search(text):
        return text
    for pattern, repl in phrases:
        text = pattern.sub(repl, text)
    return " ".join(text.split())


# A topic-comment request with no article ("Yellow one stack on purple one can or not?"): read only where the text asks
# for it by "can?" / "can or not?", "lah" or thanks, and no particle asks the listener to agree or doubts it ("Blue one
# put inside bin hor?" / "leh?" / "lor." may say it is done, A1 s15 H81)
_SINGLISH_ASKS = re.compile(r"\bcan(?: or not| anot)?\s*\?|\blah\b|\b(?:thanks|thank you)(?: ah)?\b")
_SINGLISH_DOUBTS = re.compile(r"\b(?:hor|leh|lor|sia|meh|liao|already)\b")
_SINGLISH_TOPIC = tuple((re.compile(pattern), repl) for pattern, repl in (
    # ... also with no article, at any sentence's start, the place bare ("Yellow one stack on purple one can or not?",
    # fi44-021; "Don't disturb the purple one ah. Orange one put on top of green can?", fi44-035; "Red cube put on the
    # pad can or not?", fi33-006; "Eh robot, blue one put inside bin", fi44-069): the request, of the cube said first
    # (also a later clause after a comma and an order word: "Blue one put in bin first, after that red one put on pad,
    # then go back home lah.", fi53-023; s18)
    (rf"((?:^|[.!?;]\s*|,\s*(?:after that|and then|then|next|and|den)\s*,?\s*)(?:(?:eh|hey|oi)\s*,?\s*)?"
     rf"(?:robot\s*,\s*)?)((?:the |that |this )?[a-z]+ "
     rf"(?:one|cube|block))\s*,?\s*"
     rf"(?:you\s+)?({_SINGLISH_VERB})\s+({_SINGLISH_PLACE})\s+(?!you\b|me\b|it\b)", r"\1\3 \2 \4 "),
    (r"\b(inside|into|in) (bin|pad)\b", r"\1 the \2"),
    # (P1 s22) "<cube> go <place> can?" ("Yellow one go pad can?", dev fi65-067): the cube goes there, as "<cube> put on
    # pad can?" does; only a bare place noun after "go (to)", never "go home" or a cube
    (r"((?:^|[.!?;]\s*|,\s*(?:after that|and then|then|next|and|den)\s*,?\s*)(?:(?:eh|hey|oi)\s*,?\s*)?"
     r"(?:robot\s*,\s*)?)((?:the |that |this )?[a-z]+ (?:one|cube|block))\s*,?\s*go\s+(?:to\s+)?(?:the\s+)?"
     r"(pad|bin|left side|right side)(?=\s*(?:[,.;!?]|$|\bcan\b|\blah\b))", r"\1move \2 to the \3"),
))


def in_plain_singlish(text: str) -> str:
    """``text`` (lower case) with its Singlish forms in English, where a particle or a "can?" tag marks it."""
    if _SINGLISH.search(text) and _SINGLISH_ASKS.search(text) and not _SINGLISH_DOUBTS.search(text):
        for pattern, repl in _SINGLISH_TOPIC:
            text = pattern.sub(repl, text)
    return _rewritten(text, _SINGLISH, _SINGLISH_PHRASES)


# An old register, said for effect (fi40: "Prithee, gentle machine, lay the purple cube upon the red one.", "Set thou
# the purple cube upon the pad", "Lay every cube save the green one within the bin, I beseech thee.", "Take the cube
# that standeth farthest from thee"): marked only by words no plain request uses ("prithee", "thee", "thou", "thy",
# "yon", "beseech", "-eth" verbs of standing). Then "prithee" and "I pray / beseech thee" are "please", an address
# ("gentle machine") is dropped, "thee" is "you", "thy"/"thine" "your", "yon" "that", "upon" "on", "within the bin"
# "in the bin", "standeth" "stands", "<verb> thou" the verb, and "<verb> not" (its negation said after the verb:
# "Touch not the red cube") is "don't <verb>", so the negation is read as any other. Anything else stays unread, hence
# refused.
_ARCHAIC = re.compile(r"\b(?:prithee|thee|thou|thy|thine|yon|beseech|standeth|sitteth|resteth|lieth)\b")
_ARCHAIC_VERB = r"(?:lay|set|put|place|move|touch|take|lift|push|bin|stack|raise|bring|carry|shift)"
_ARCHAIC_PHRASES = tuple((re.compile(pattern), repl) for pattern, repl in (
    (r"\s*,?\s*\bi (?:pray|beseech) (?:thee|you)\b\s*(?=[,.;:!?]|$)", " please"),
    (r"^\s*i (?:pray|beseech) (?:thee|you)\s*,\s*", "please, "),
    (r"\bprithee\b", "please"),
    (r"(^|,\s*)(?:o\s+)?(?:gentle|good|kind|noble|dear|trusty|faithful) (?:machine|robot|servant|friend|automaton|"
     r"contraption)\s*(?=,)", r"\1"),
    (rf"\b({_ARCHAIC_VERB}) thou\b", r"\1"),
    (rf"\b({_ARCHAIC_VERB}) (?:thou )?not\b", r"don't \1"),
    (r"\byon\b", "that"),
    (r"\bupon\b", "on"),
    (r"\bwithin (?=the (?:bin|trash|box|basket)\b)", "in "),
    (r"\b(stand|sit|rest|li)eth\b", lambda m: {"li": "lies"}.get(m.group(1), m.group(1) + "s")),
    (r"\bthee\b", "you"),
    (r"\b(?:thy|thine)\b", "your"),
    (r"\bthou\b", "you"),
    (r",\s*,", ","),
))


def in_plain_archaic(text: str) -> str:
    """``text`` (lower case) with its old register in plain English, where one of its words marks it; else as it is."""
    return _rewritten(text, _ARCHAIC, _ARCHAIC_PHRASES).strip(" ,") if _ARCHAIC.search(text) else text


# Jamaican Patois (fi33, fi39, fi43: "Put di green one pon di red one, den tek di blue one an' put it inna di bin.",
# "Di cube weh deh closest to yuh, put it inna di bin.", "Carry di blue cube go pon di pad, yuh hear?"): marked only by
# words no English sentence uses ("di", "pon", "inna", "yuh", "likkle", "weh", "wey", "nuh", "cyaan", "siddung",
# "gwaan", "odda", "tek", "fi mi"). Then, word for word: "di" the, "pon" on, "inna" in, "tek" take, "den" then, "an'" /
# "an" (before no vowel) and, "odda" other, "dung" down, "lef" leave, "jus'" just, "gi" give, "mek" make, "dat" that,
# "yuh" you, "likkle" little, "everyting" everything, "'cept" except, "fi mi" for me, "mi" I before a verb (so "Mi put
# ..." reports, as "I put ..." does) and me elsewhere; "pon top a" on top of, "a di bottom/top/middle" at the ..., "one
# / all / none a" ... of, "weh/wey deh" / "weh siddung" that is, "X dem" (a plural) X, "carry X go pon/inna" take X
# to, "go put" and put. Negations map to negations ("nuh <verb>" don't, "cyaan" can't, "nutten" nothing, "neva"
# never); a "nuh" before no verb has no mapping and stays unread, hence refused.
_PATOIS = re.compile(r"\b(?:di|pon|inna|yuh|yuhself|likkle|weh|wey|nuh|cyaan|siddung|gwaan|odda|tek|bredda|pickney|"
                     r"nutten|everyting)\b|\bfi mi\b")
_PATOIS_VERB = r"(?:put|tek|take|carry|move|push|touch|lef|leave|stack|drop|dump|want|waan|need|like|gi|give|mek|shift)"
_PATOIS_SUBJECT = {"yuh": "you are", "yu": "you are", "unu": "you are", "mi": "i am", "wi": "we are", "im": "he is",
                   "shi": "she is", "dem": "they are"}
_PATOIS_GERUND = {"put": "putting", "tek": "taking", "take": "taking", "carry": "carrying", "move": "moving",
                  "push": "pushing", "touch": "touching", "lef": "leaving", "leave": "leaving", "stack": "stacking",
                  "drop": "dropping", "dump": "dumping", "want": "wanting", "waan": "wanting", "need": "needing",
                  "like": "liking", "gi": "giving", "give": "giving", "mek": "making", "shift": "shifting"}
_PATOIS_PHRASES = tuple((re.compile(pattern), repl) for pattern, repl in (
    (r"\bwah gwaan\b", "hello"),
    (r"(?:^|(?<=[.!?]))\s*bless up\s*[.!]*\s*$", ""),
    (r"\bfi mi\b", "for me"),
    (rf"\bnuh (?={_PATOIS_VERB}\b)", "don't "),
    (r"\bcyaan\b", "can't"),
    (r"\bneva\b", "never"),
    (r"\bnutten\b", "nothing"),
    # the progressive "a" + verb after a subject ("Yuh a put di red cube inna di bin." = you are putting: said of what
    # is being done, A1 s17 H110; "Mi a put ..." = I am putting): read as the English progressive, a report
    # (the subject opening its clause: "gi mi a push" is no progressive)
    (rf"(^|[,;:.!?]\s*|\b(?:an'?|and|so|den|then|now|look|wow)\s+)(yuh|yu|unu|mi|wi|im|shi|dem) a ({_PATOIS_VERB})\b",
     lambda m: f"{m.group(1)}{_PATOIS_SUBJECT[m.group(2)]} {_PATOIS_GERUND[m.group(3)]}"),
    (r"(^|[,;:.!?]\s*|\b(?:an'?|and|so|den|then)\s+)mi (?=(?:nuh |don't |did |a )?[a-z]+)", r"\1i "),
    (r"\bmi\b", "me"),
    (r"\b(?:weh|wey) (?:deh|siddung|sit|a sit)\b", "that is"),
    (r"\b(?:weh|wey)\b", "that"),
    (r"\bdeh so\b", "there"),
    (r"\btop a\b", "top of"),
    (r"\ba di (?=(?:bottom|top|base|middle|back|front)\b)", "at the "),
    (r"\b(one|all|none|each|every one|both) a (?=(?:di|dem)\b)", r"\1 of "),
    (r"\b(cube|block|one)s? dem\b", r"\1s"),
    (r"\b(?:carry|tek|take|bring) ((?:di|dat|dis) [a-z]+(?: (?:cube|block|one))?) go (?:pon|inna|to) (?=di\b)",
     r"take \1 to "),
    (r"\bgo (?=put\b)", "and "),
    (r"\bcarry\b(?=[^.,;!?]*\b(?:and|an'?) put\b)", "take"),
    # a tag asking for attention after the request ("..., yuh hear?", fi33-005); also closing a sentence before the
    # next ("Lef' di purple one alone, yuh hear? Jus' put ...", P1 s20 dev fi59-017)
    (r"\s*,?\s*\byuh hear\s*\?+\s*$", ""),
    (r"\s*,\s*\byuh hear\s*\?+\s+(?=[a-z])", ". "),
    # (P1 s20, dev fi59) "nuh" closing an order after a comma is its softener ("Set di red cube dung pon di pad, nuh."),
    # only where the sentence opens on its verb (an imperative), never after a subject ("Yuh put di red cube inna di
    # bin, nuh." asks or remarks, A1 s20 H160), a question or a negation ("a wah yuh a do, nuh?" stays)
    (r"(^|[.!]\s+)(?!(?:(?:so|and|an'?|now|den|then)\s+)*(?:yuh|yu|you|u|ya|ye|mi|me|i|wi|we|dem|im|shi|unu|they|he|"
     rf"she|it|dat|dis|di|the|a|an|{'|'.join(COLOR_WORDS)})\b)(?![^.!?]*\b(?:nuh|don't|never|not|cyaan|can't)\b[^.!?]*,\s*nuh\b)"
     # ... nor where a subject stands later, after a word ("Oh / Yes / Jus now / Maybe yuh put ..., nuh.", REV s20 R4)
     r"(?![^.!?]*(?<!\bfi )(?<!\bfor )(?<!\bto )(?<!\bgi )(?<!\bgive )(?<!\bwid )(?<!\bwith )\b(?:yuh|yu|you|u|ya|ye|"
     r"wi|we|dem|unu|they|he|she|im|shi|i)\b[^.!?]*,\s*nuh\b)([^.!?]*?)"
     r"\s*,\s*nuh\s*([.!]*)\s*$", r"\1\2\3"),
    # the order of a question's subject and modal ("Yuh can move di green cube ova to di lef' side fi mi?" = can you
    # move ...?), at the sentence's start only
    (r"(^|[.!]\s+)(?:yuh|yu) (can|could|would|will) (?=[a-z]+ (?:di|dat|dis|de|the)\b[^.!]*\?\s*$)", r"\1\2 you "),
    # "lef'" is "left" as a side ("di lef' side", "to di lef'"), else "leave" ("Lef' di purple one alone"); "firs'
    # ting" is "first thing", "ova" "over"
    (r"\b(di|the|to|pon) lef'(?=\s+side\b|\s*[.,;!?]|\s*$)", r"\1 left"),
    (r"\bfirs' ting\b", "first thing"),
    (r"\bput (it|dem|them) dung\b", r"put \1 down"),
    (r"\ban'|\ban(?= (?![aeiou])[a-z])", "and"),
    (r"(?<![a-z])'cept\b", "except"),
))
_PATOIS_WORDS = {"di": "the", "pon": "on", "inna": "in", "tek": "take", "den": "then", "odda": "other", "dung": "down",
                 "lef": "leave", "lef'": "leave", "ova": "over", "jus'": "just", "jus": "just", "gi": "give",
                 "mek": "make", "dat": "that",
                 "dis": "this",
                 "yuh": "you", "yuhself": "yourself", "likkle": "little", "everyting": "everything", "dem": "them",
                 "yeh": "yeah", "yow": "yo", "bredda": "brother"}


def in_plain_patois(text: str) -> str:
    """``text`` (lower case) with its Jamaican Patois words in English, where one of its words marks it; else as it
    is."""
    if not _PATOIS.search(text):
        return text
    for pattern, repl in _PATOIS_PHRASES:
        text = pattern.sub(repl, text)
    text = re.sub(r"[a-z]+'?", lambda m: _PATOIS_WORDS.get(m.group(0), m.group(0)), text)
    return " ".join(text.split())


def is_scots(text: str) -> bool:
    """Whether a word only Scots uses marks ``text`` (lower case)."""
    return any(w in _MARKERS for w in re.findall(r"[a-z']+", text))


def in_standard_english(text: str) -> str:
    """``text`` with its Scots words in English (lower case), where it is marked as Scots; else as it is; then its
    informal register in plain English (register.py)."""
    if _PIDGIN.search(text.lower()):
        text = in_plain_pidgin(text.lower().replace("’", "'"))
    if _SINGLISH.search(text.lower().replace("’", "'")):
        text = in_plain_singlish(text.lower().replace("’", "'"))
    if _YORKSHIRE.search(text.lower().replace("’", "'")):
        text = in_plain_yorkshire(text.lower().replace("’", "'"))
    if _PATOIS.search(text.lower().replace("’", "'")):
        text = in_plain_patois(text.lower().replace("’", "'"))
    if _ARCHAIC.search(text.lower().replace("’", "'")):
        text = in_plain_archaic(text.lower().replace("’", "'"))
    if not is_scots(text.lower().replace("’", "'")):
        return in_plain_register(text)
    text = text.lower().replace("’", "'")
    for pattern, repl in _PHRASES:
        text = re.sub(pattern, repl, text)
    out = re.sub(r"[a-z]+(?:'[a-z]+)?'?", lambda m: _WORDS.get(m.group(0), m.group(0)), text)
    return in_plain_register(" ".join(out.split()))
