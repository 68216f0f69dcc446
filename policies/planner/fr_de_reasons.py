"""Why a French or German request is made, said after it, taken off where it agrees with the request (issue #17
item 5, twelfth pass).

Writers close a request with its reason: "Tu peux me virer le cube vert à la poubelle ? On n'en a plus besoin.",
"Schieb den orangen Klotz nach rechts, der steht da im Weg rum.", "..., sauf le violet, j'en ai besoin pour mon
projet.", "Den blauen bitte nicht bewegen, der ist gerade kalibriert." A reason says nothing the steps need, yet read
word by word it was refused. Each reason here is a closed form (no word of it is open, so none can forbid, cancel,
warn or name another step) of one of five kinds, and is taken off only where its kind agrees with the request:

- discard ("on n'en a plus besoin", "der g'hört weg"): after a request to the bin, with no negation in it;
- in the way ("il gêne", "der steht im Weg rum") and room needed ("das Tischerl brauch ma in der Mitte frei", "j'ai
  besoin de place"): after a request with no negation in it;
- urgency ("c'est urgent", "mon TP commence dans cinq minutes"): after a request with no negation in it;
- keep ("j'en ai besoin pour mon projet", "der ist gerade kalibriert", "der bleibt hier"): right after the clause
  that forbids or excepts the cube (its last clause holds the negation or the exception); after a request that moves
  the cube it would contradict it.

Any other sentence after a request is read, and refused where its words are not in the lexicon. Only the end of the
instruction is looked at, one reason after another ("c'est urgent, mon TP commence dans cinq minutes").
"""

from __future__ import annotations

import re

_INTENSIFIER_FR = r"(?:(?:gavé|très|super|vraiment|hyper|trop|grave|assez|un peu|absolument|encore) )?"
_REASONS: dict[str, dict[str, str]] = {
    "fr": {
        "discard": (r"(?:on |je |nous |j' ?)(?:n' ?)?en (?:a|ai|avons) (?:plus|pu) (?:besoin|l' ?usage)|"
                    r"(?:on|je|nous) (?:n' ?)?en (?:veut|veux|voulons) (?:plus|pu)|"
                    r"(?:il|elle|y|ça|ils|elles)\s*(?:ne |n' ?)?(?:me |nous )?(?:sert|servent) (?:plus |pu |pus )?"
                    r"(?:à|a) rien|"
                    r"(?:il|elle) a fait son temps(?:\s*,\s*(?:celui|celle)-là)?"),
        "in_the_way": (r"(?:il|elle) (?:me |nous )?(?:gêne|encombre|traîne)(?: (?:là|ici))?(?: au milieu)?|"
                       r"(?:il|elle) est (?:dans le chemin|dans les jambes|dans mes jambes)(?: (?:là|ici))?"),
        "room": (r"(?:j' ?ai|on a|nous avons) besoin de (?:la )?place(?: (?:au milieu|sur la table|ici))?|"
                 r"comme ça c' ?est (?:a bissel |un peu |bien |plus )?rangé|"
                 r"il (?:me|nous) faut de la place(?: (?:au milieu|sur la table|ici))?"),
        "urgent": (rf"c' ?est {_INTENSIFIER_FR}(?:urgent|pressé)|"
                   r"(?:mon|ma|notre) (?:tp|td|cours|réunion|démo|examen|exam|bus|train|pause) (?:commence|part) "
                   r"dans (?:deux|trois|cinq|dix|quinze|vingt|quelques) minutes"),
        "keep": (rf"(?:j' ?en ai|on en a|nous en avons) {_INTENSIFIER_FR}besoin"
                 r"(?: pour (?:mon|ma|notre|un|une) (?:projet|expérience|démo|manip|maquette|tp|cours|test))?|"
                 r"(?:il|elle|qui) reste (?:là|ici|où (?:il|elle) est|en place)|"
                 r"(?:(?:celui-là|celle-là|lui|elle)\s*,?\s*)?(?:tu|vous) (?:le|la) (?:laisses|laissez) "
                 r"(?:tranquille|là|où (?:il|elle) est|en place)|"
                 r"(?:(?:lui|elle)\s*,?\s*)?je (?:le|la) garde|"
                 r"c' ?est (?:celui|celle) de (?:mon|ma) (?:neveu|nièce|fils|fille|frère|sœur|soeur|collègue|chef|"
                 r"petit-fils|petite-fille)|"
                 r"(?:il|elle) est (?:déjà |bien )?(?:calibré|calibrée|réglé|réglée) (?:là|ici|comme ça)?"),
    },
    "de": {
        "discard": (r"(?:der|die|das|er|sie|es) (?:gehört|ghört|kann) weg|"
                    r"(?:den|die|das) brauch(?:e|en)? (?:ich|wir|ma) (?:nicht mehr|nich mehr|nimmer|nimma|net mehr|"
                    r"ned mehr)|(?:der|die|das) wird nicht mehr gebraucht"),
        "in_the_way": (r"(?:der|die|das|er|sie|es) (?:steht|liegt|ist) (?:da |hier )?(?:mir |uns )?(?:total |voll )?"
                       r"im weg(?: rum| herum)?|(?:der|die|das) stört (?:da|hier|mich)?|"
                       r"(?:rechts|links|da|hier) (?:is|ist|steht|liegt) (?:er|sie|es|der|die|das) im weg"),
        "room": (r"(?:das tischerl|das tischchen|den tisch|die mitte|die tischmitte) brauch(?:e|en)? (?:ich|wir|ma) "
                 r"(?:in der mitte )?frei|(?:ich|wir) brauch(?:e|en)? (?:da |hier )?platz(?: in der mitte)?"),
        "urgent": r"(?:es|das) (?:ist|is) (?:echt |sehr |ziemlich )?(?:dringend|eilig)|es eilt",
        "keep": (r"(?:der|die|das|er|sie|es) (?:ist|is) (?:gerade|grad|frisch|schon) (?:kalibriert|justiert|"
                 r"ausgerichtet)|(?:der|die|das|er|sie|es) bleibt (?:hier|da|stehen|liegen|für später)|"
                 r"(?:den|die|das) brauch(?:e|en)? (?:ich|ick|i|wir|ma) (?:noch|no)|"
                 r"(?:der|die|das) (?:ist|is) für (?:die|den|das) (?:demo|vorführung|präsentation|test|versuch)"
                 r"(?: (?:nachher|später|morgen))?"),
    },
}
_NEGATION = {
    "fr": re.compile(r"\b(?:ne|n'|pas|jamais|sauf|sans|excepté|exception|hormis|rien|aucun|aucune|plus|personne)\b|"
                     r"n' ?"),
    "de": re.compile(r"\b(?:nicht|nich|ned|net|nie|niemals|kein[a-z]*|außer|ausser|ohne|bis auf|lass[a-z]*|"
                     r"nix|nichts)\b"),
}
_BIN = {
    "fr": re.compile(r"\b(?:poubelle|poubel|bac|corbeille|vidanges|ordures|benne|jette|jetez|jeter|vire|virez|virer|"
                     r"balance|balancez|débarrasse|débarrassez)\b"),
    "de": re.compile(r"\b(?:eimer|mülleimer|müll|mistkübel|tonne|mülltonne|abfall|abfalleimer|behälter|kübel|"
                     r"wirf|werfen|weg)\b"),
}
_SEPARATOR = r"(?P<sep>[,;.!?]|\s[-–—])\s*"
_COMPILED = {lang: {kind: re.compile(rf"{_SEPARATOR}(?:{pattern})\s*[.!]*\s*$") for kind, pattern in kinds.items()}
             for lang, kinds in _REASONS.items()}


def _agrees(kind: str, request: str, lang: str) -> bool:
    negated = _NEGATION[lang].search(request) is not None
    if kind == "discard":
        return not negated and _BIN[lang].search(request) is not None
    if kind == "keep":  # the clause just before the reason forbids or excepts the cube
        last = re.split(r"[,;.!?:]|\b(?:mais|aber|et|und|puis|dann)\b", request.rstrip(" ,;.!?"))[-1]
        return _NEGATION[lang].search(last) is not None
    return not negated


def without_reason(text: str, lang: str) -> str:
    """``text`` (lower case) less the reasons said at its end that agree with the request before them."""
    for _ in range(3):
        for kind, pattern in _COMPILED.get(lang, {}).items():
            m = pattern.search(text)
            if m is not None and m.start() > 0 and _agrees(kind, text[:m.start()], lang):
                sep = m["sep"].strip()
                text = text[:m.start()] + ("." if sep in (",", "-", "–", "—") else sep)
                break
        else:
            return text
    return text
