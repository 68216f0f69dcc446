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

from policies.planner.register import in_plain_register

# Words only Scots uses (none an English word): one of them marks the instruction as Scots.
_MARKERS = frozenset({"yin", "yins", "oan", "dinnae", "cannae", "wouldnae", "couldnae", "isnae", "disnae", "didnae",
                      "gonnae", "hame", "awa'", "awa", "intae", "forrit", "baith", "efter", "ye've", "whit", "ah've",
                      "doon", "oot", "fae", "ower", "tae", "startin'", "twiddlin'", "nae", "an'", "yer", "dae"})
# Scots -> English, word for word (apostrophes kept as written: "o'", "an'", "awa'").
_WORDS = {
    "yin": "one", "yins": "ones", "pit": "put", "oan": "on", "intae": "into", "tae": "to", "tap": "top", "o'": "of",
    "doon": "down", "fur": "for", "dinnae": "don't", "cannae": "can't", "wouldnae": "wouldn't", "couldnae": "couldn't",
    "isnae": "isn't", "disnae": "doesn't", "didnae": "didn't", "nae": "no", "ye": "you", "ye've": "you've",
    "yer": "your", "efter": "after", "baith": "both", "hame": "home", "ower": "over", "forrit": "forward",
    "gie": "give", "ah": "i", "ah've": "i've", "ah'm": "i'm", "ma": "my", "whit": "what", "aye": "yes", "naw": "no",
    "an'": "and",
    "oot": "out", "fae": "from", "dae": "do", "haw": "hey", "startin'": "starting", "wee": "", "awa'": "away",
    "awa": "away",
}
# Phrases first: "gonnae ...?" asks (could you), "awa' hame" / "awa' back" goes, "they cubes" are the cubes,
# "dae us a favour" is "do me a favour", "that's you" (you're done), "startin' spot" (the starting position).
_PHRASES = (
    (r"\bgonnae\b(?: no\b)?", lambda m: "could you not" if m.group(0).endswith("no") else "could you"),
    (r"\bawa'?\s+(?=hame\b|back\b|home\b)", "go "),
    (r"\bthey (cubes|blocks|yins|ones)\b", r"the \1"),  # "baith o' they cubes": both of the cubes
    (r"\bdae us a favour\b", "do me a favour"),
    (r"\s*,?\s*\bnae bother\b", ""),  # "no trouble at all": a closing, nothing asked
    (r"\bthat'?s you\b", "you're done"),  # "right, that's you, pal": the work is done
    (r"\bstartin'? spot\b", "starting position"),
)


def is_scots(text: str) -> bool:
    """Whether a word only Scots uses marks ``text`` (lower case)."""
    return any(w in _MARKERS for w in re.findall(r"[a-z']+", text))


def in_standard_english(text: str) -> str:
    """``text`` with its Scots words in English (lower case), where it is marked as Scots; else as it is; then its
    informal register in plain English (register.py)."""
    if not is_scots(text.lower().replace("’", "'")):
        return in_plain_register(text)
    text = text.lower().replace("’", "'")
    for pattern, repl in _PHRASES:
        text = re.sub(pattern, repl, text)
    out = re.sub(r"[a-z]+(?:'[a-z]+)?'?", lambda m: _WORDS.get(m.group(0), m.group(0)), text)
    return in_plain_register(" ".join(out.split()))
