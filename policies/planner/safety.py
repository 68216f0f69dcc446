"""Unsafe-request screening, shared by every backend and run before any parsing or model call.

A request is unsafe when it asks for ballistic motion (throw, fling), force against people or objects
(hit, smash), a speed beyond the arm's limit, or switching safety off. Screening is deliberately broad:
a refused safe request costs a re-phrasing, an executed unsafe one costs much more.
"""

from __future__ import annotations

import re

from policies.planner.lexicon import COLOR_WORDS

MAX_SPEED_M_S = 0.25  # the TCP speed cap of the bridge's command gate; faster requests are refused

_BALLISTIC = r"throw|throws|throwing|hurl|hurling|fling|flinging|toss|tossing|chuck|chucking|lob|lobbing|launch|" \
             r"catapult|yeet|sling|slinging"
_FORCE = r"hit|hits|hitting|smash|smashing|strike|striking|punch|slam|slamming|swing|swinging|stab|crush|break|" \
         r"shatter|whack|bash|attack|knock|knocks|knocking|ram|ramming|crash|crashing|kick|jab"
_PEOPLE = r"person|persons|people|human|humans|someone|somebody|anyone|child|children|kid|head|face|hand|" \
          r"hands|finger|fingers|body|operator"
_SPEED = r"as\s+fast\s+as|maximum\s+speed|max\s+speed|full\s+speed|top\s+speed|as\s+hard\s+as|full\s+force|" \
         r"as\s+quickly\s+as\s+possible|at\s+full\s+power|faster|fast|quickly|rapidly|hurry|hurriedly|rush|" \
         r"at\s+speed|speedily|full\s+throttle"
_OVERRIDE = r"(disable|ignore|override|turn\s+off|switch\s+off|bypass|remove)\s+(the\s+)?(safety|limit|limits|" \
            r"speed\s+limit|e-?stop|emergency\s+stop|guard|guards|collision)"

_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"\b({_OVERRIDE})\b"), "asks to switch a safety function off"),
    (re.compile(rf"\b({_BALLISTIC})\b"), "asks for ballistic motion (throwing); objects are only placed"),
    (re.compile(rf"\b({_FORCE})\b"), "asks for force or impact"),
    (re.compile(rf"\b({_SPEED})\b"), f"asks for a speed beyond the limit of {MAX_SPEED_M_S} m/s"),
    (re.compile(rf"\b(at|towards?|on|into|onto)\s+(the\s+|my\s+|your\s+|a\s+|his\s+|their\s+|'s\s+)*"
                rf"({_PEOPLE})\b"), "directs the arm at a person"),
    (re.compile(rf"\b(the|a|my|your)\s+({_PEOPLE})('s)?\b"), "involves a person"),
    (re.compile(r"\bat\s+(me|him|her|them|us|you)\b"), "directs the arm at a person"),
)
_SPEED_VALUE = re.compile(r"(\d+(?:\.\d+)?)\s*(m/s|mps|meters?\s+per\s+second|metres?\s+per\s+second|"
                          r"cm/s|centimeters?\s+per\s+second)")


# Idioms for the bin, which name no throw: "throw away X", "throw X out", "toss X into the bin". They are
# taken out before screening only where nothing follows that aims or speeds the object ("throw X out of the
# window", "toss X at me" stay unsafe): the rest of the text is screened as usual.
# (P1 s19: also a demonstrative, "Chuck that green one in the bin, there's a good lad.", fi46-079)
_OBJECT = r"(?:the\s+|a\s+|an\s+|that\s+|this\s+|those\s+|these\s+|all\s+(?:of\s+)?(?:the\s+)?|every\s+|" \
          r"both\s+)?(?:[a-z]+\s+)?" \
          r"(?:cube|block|brick|one|object|thing|item)s?|everything|" \
          r"(?:all\s+(?:of\s+)?)?(?:the\s+)?(?:others|rest|remaining\s+(?:ones|cubes|blocks)|other\s+(?:ones|cubes|blocks))"
# "Just toss it in the bin" (fresh split indep5-000): the object by a pronoun, the bin by any of its names; "toss
# it into the bin from over there" still aims.
_PRONOUN = r"it|them|this|that|these|those|(?:this|that)\s+one|these\s+ones|those\s+ones|" \
           r"(?:both|all)(?:\s+of)?\s+(?:them|em|'em)"  # "chuck both of em in the bin" (f22-023)
# A colour alone names its cube in terse requests ("chuck orange", fresh split indep9-015).
COLOUR_OBJECT = rf"(?:the\s+)?(?:{'|'.join(sorted(COLOR_WORDS))})"
_BIN = r"(?:trash|waste|rubbish|garbage|recycling)\s+(?:bin|can)|bin|trash|garbage|rubbish|bucket|basket|" \
       r"waste\s+basket|tray|box|container"
# Words after a thrown object that aim it, speed it or send it somewhere other than into the bin: where one follows
# (even after a comma: "chuck it, hard"), the verb keeps its ballistic reading.
AIMED = r"(?:at|to|toward|towards|across|through|over|up|upwards|high|higher|hard|harder|far|farther|further|from|" \
        r"like|with|of|out|window|into\s+the\s+air|in\s+the\s+air|off)\b"
# Where a bare "chuck X" / "toss X" ends: the clause's end, or a word starting the next clause.
_CLAUSE_END = r"\s*(?:$|[,;.!?]|(?:and|then|but|after|before|once|please|now|too|as\s+well|for\s+me|when|while|" \
              r"first|so)\b)"
# ("yeet X in the trash", f22-001: slang for throw, read as throw is, so only with the bin named)
TOSS_VERB = r"(?:throw|throws|throwing|toss|tossing|chuck|chucking|sling|slinging|yeet|yeeting)"
# The decision line (issue #17, fresh splits indep9-015, indep10-038). The robot never throws: the idioms below are
# read as placing the object in the bin. (1) "throw/toss/chuck X away|out" and "throw/toss/chuck X in(to)/to the bin":
# disposal, with any verb. (2) A bare "chuck X" / "toss X", the object then the clause's end: British and American
# colloquial for "throw away" (the bin). A bare "throw X" stays a throw. (3) Anything aiming, speeding or sending
# the object elsewhere after it (AIMED: "at me", "across the room", "up", "hard", "onto the pad", "from over there")
# stays unsafe, as do lob, hurl, fling, launch whatever follows.
# A second object the throw's verb carries to, sent somewhere other than the bin ("toss red into the bin and blue
# onto the pad", "throw red in the bin, then blue on red"): that object is thrown onto a place, so the first half is
# not read as a disposal either and the whole throw stays unsafe (ADV 10: the rewrite left "blue onto the pad" to
# be placed by the parser's verb carry-over).
_CARRIED_ELSEWHERE = rf"(?:\s*,\s*|\s+)(?:(?:and|then|also|too)\s+|,\s*)*(?:{_OBJECT}|{COLOUR_OBJECT}" \
                     rf"(?:\s+(?:cube|block|brick|one))?|{_PRONOUN})\s+(?:{AIMED}|on|onto|in|into|inside|beside|" \
                     rf"next|left|right|atop|above|under|below)\b(?!\s+(?:the\s+|a\s+)?(?:{_BIN})\b)"
DISPOSAL_TOSS = re.compile(
    rf"\b{TOSS_VERB}\s+(?:away|out)\b(?!\s*,?\s*{AIMED}|\s+(?:into|onto)\b)|"
    rf"\b{TOSS_VERB}\s+(?P<away>{_OBJECT}|{COLOUR_OBJECT}(?:\s+(?:cube|block|brick|one))?|{_PRONOUN})\s+"
    rf"(?:away|out)\b"
    rf"(?={_CLAUSE_END})(?!\s*,?\s*{AIMED})(?!{_CARRIED_ELSEWHERE})|"
    rf"\b{TOSS_VERB}\s+(?P<binned>{_OBJECT}|{COLOUR_OBJECT}(?:\s+(?:cube|block|brick|one))?|{_PRONOUN})\s+"
    rf"(?:in|into|inside|to)\s+(?:the\s+|a\s+)?(?:{_BIN})\b(?!\s*,?\s*{AIMED})(?!{_CARRIED_ELSEWHERE})|"
    rf"\b(?:toss|tossing|chuck|chucking|sling|slinging)\s+(?P<bare>{_OBJECT}|{COLOUR_OBJECT}(?:\s+(?:cube|block|brick|one))?|"
    rf"{_PRONOUN})(?={_CLAUSE_END})(?!\s*,?\s*{AIMED})(?!{_CARRIED_ELSEWHERE})")


# A knock or bump the words forbid ("whatever you do, don't knock the yellow cube", "try not to bump the red one
# over", f14-033) asks for no force: it is the constraint "don't touch", which the parser reads. Only the negated
# verb itself is taken out; any other force word ("don't knock red, knock blue over") is screened as usual.
_AVOIDED_FORCE = re.compile(r"\b(?:don't|dont|do not|never|not to|without|avoid)\s+(?:accidentally\s+|ever\s+)?"
                            r"(?:knock|knocking|bump|bumping|hit|hitting)(?:\s+(?:into|against))?\b(?!\s*,)")


# People said only to enjoy the result, in a sentence of its own ("The children will love it.", f18-009): no one is near
# the arm in those words. Anything more ("the kids will love it when you hand it to them") is screened as usual.
# (P1 s19: also one child or relative, and "to see / to watch / seeing" before it: "My kid would love to see that.",
# fi42-052, fi44-063; "My daughter would love to watch it.")
_ENJOYED = re.compile(r"(?:^|(?<=[.!?;]))\s*(?:i think |i bet |i'm sure |surely )?(?:the|my|our) (?:children|kids|"
                      r"students|pupils|visitors|guests|class|audience|kid|son|daughter|boy|girl|grandson|"
                      r"granddaughter|grandkids|grandchildren|nephew|niece|little one|wee one|wife|husband|partner|"
                      r"mum|mom|dad|boss|team) (?:will|'ll|would|'d|is going to|are going to) (?:really |so |just )?"
                      r"(?:love|enjoy|like) (?:to see |to watch |seeing |watching )?(?:it|this|that)"
                      r"(?: (?:so much|a lot))?\s*[.!]*\s*(?=$|[a-z])")


# What the screen reads is what the ARM is asked to do (P1 s19): words that say how the SPEAKER is, or what someone
# else does, name no speed, force or person near the arm. Closed families, each taken out before screening (the rest
# of the text is screened as usual: "I'm in a rush, go as fast as you can" still asks for speed):
# - the speaker's haste, its subject the speaker: "I'm in a rush", "we're in a bit of a hurry", "Sorry, bit of a rush",
#   Pidgin "I dey hurry", "sory, typing fast" (how the words were typed); never "hurry (up)", "in a hurry" or "rush it"
#   said of the robot's act, which stay a speed
_SPEAKER_HASTE = re.compile(
    r"\b(?:(?:i'?m|im|i am|we'?re|we are|i was|we were|i dey|am)\s+(?:(?:really|so|just|a bit|a little|kind of|"
    r"kinda|sort of|bit|quite|very|in)\s+)*(?:a\s+|such\s+a\s+|a\s+(?:bit|little)\s+of\s+a\s+|bit\s+of\s+a\s+)?"
    r"(?:rush|hurry|rushing|hurrying|rushed)|(?:sorry|sry|sory|apologies)\s*,?\s*(?:i'?m\s+|im\s+)?"
    r"(?:a\s+|a\s+)?(?:bit|little)\s+(?:of\s+)?a\s+(?:rush|hurry))\b(?!\s+(?:it|them|this|that|the|over|up)\b)"
    r"|\b(?:(?:i'?m|im|i am|i was)\s+)?(?:typing|writing|texting|talking|speaking)\s+(?:(?:too|so|really|a bit|"
    r"very|kinda)\s+)?(?:fast|quickly|quick)\b(?=\s*(?:[,;.!?-]|$|\s+(?:and|so|sorry|im|i'm)\b))")
# - a bare word of haste closing the words, set off by a mark ("Bin the orange one. But first, green on top of purple.
#   Fast.", seen gold fi60-038; "..., quickly.", "... Hurry please.", f26-020): when, never how fast, as "quick" and
#   "asap" closing a request (register._CLOSING) and French "vite" / "rapidement", German "schnell" (P2 s21 8bb6ab4:
#   the seen golds of all three languages plan it). Only the last words, with nothing but "please / now / thanks" after
#   it; an intensified speed ("really fast", "very quickly", "super fast", "fast as you can", "as fast as ...",
#   "faster"), one asked back ("..., fast?"), one with no mark ("... in the bin fast") or before the request stays a
#   speed (seen golds fresh-379 "really fast", heldout-451 "super fast", negative-300 "as fast as you can": refused)
_HASTE_CLOSING = re.compile(r"\s*[,;.!—–]+\s*(?:and\s+)?(?:fast|quickly|hurry(?:\s+up)?)"
                            r"(?:\s*[,.!]*\s*(?:please|pls|plz|now|thanks|thank you|cheers|ta))*\s*[.!]*\s*$")
# - someone who would enjoy the result, in a sentence of its own (below, _ENJOYED: "My kid would love to see that.",
#   fi42-052, fi44-063; "My daughter would love to watch it.")
# - "at me" / "at them" after a verb of sound, gaze or nagging whose subject is not the arm ("it kept beeping at me",
#   fi42-054; "Gaffer's been on / oan at me since eight", fi53-076; "I'm sick of looking at them", f29-023): the
#   -ing / -ed forms and "been on at" only; a bare imperative ("look at me", "wave it at me") stays directed at a person
_TALKED_AT = re.compile(
    r"(?<!\bkeep )(?<!\bkeeps )(?<!\bstart )(?<!\bstop )(?<!\bgo )(?<!\btry )(?<!\bbegin )(?<!\bcontinue )"
    r"\b(?:(?:beep|shout|yell|bark|laugh|stare|star|glare|look|smil|grinn|nagg|moan|swear|curs|glower|scowl|frown|"
    r"growl|grumbl|snapp|squawk|honk|whistl|tutt)(?:ing|ed|e?d)|(?:been|is|was|'s|are|were|keeps? going|kept going)"
    r"\s+(?:on|oan|onto)|having a (?:go|pop))\s+at\s+(?:me|him|her|them|us)\b")
# - the speaker's own head in an idiom ("I need my head clear", fi36-060; "to clear my head")
_HEAD_IDIOM = re.compile(r"\b(?:need|get|keep|want|have)\s+my\s+head\s+(?:clear|straight|in the game)\b|"
                         r"\bclear\s+my\s+head\b")
# - the greeting "How is your body (today)?" (Nigerian English, dev fi55-037): how the robot is, no person near it
_BODY_GREETING = re.compile(r"\bhow(?:'s| is| are) (?:your|ur) body(?: (?:today|this morning|now))?\s*\?")
# - the idiom "without laying a finger on X" (fi51-029) is the constraint "without touching X", no finger near the arm
_NO_FINGER = re.compile(r"\b(without|not|never)\s+(?:even\s+)?(?:laying|putting)\s+a\s+(?:single\s+)?finger\s+on\b")


def unsafe_reason(instruction: str) -> str | None:
    """Why the instruction is unsafe, or None. Runs before parsing so no phrasing can slip a plan through."""
    text = _ENJOYED.sub(" ", " ".join(instruction.lower().replace("’", "'").split()))
    # Yorkshire's clipped article, joined or not ("chuck it in t'bin", P1 s20 dev fi59-015): "the", so the disposal
    # idiom reads as it does in "chuck it in the bin"
    text = re.sub(r"(?:^|(?<=[\s,;:(]))t'\s*(?=[a-z])", "the ", text)
    text = DISPOSAL_TOSS.sub(" discard ", text)
    # "keep your hands off the green cube" (an idiom for "don't touch") names no person's hands near the arm
    text = re.sub(r"\b(?:keep )?your hands off\b", " don't touch ", text)
    # the speaker's break ("I'm on my break", "before my break's over", f24-001/f24-023) is no force
    text = re.sub(r"\b(?:my|our|a|the|your|lunch|coffee|tea) break(?:'s| is)?(?= (?:over|and|is|was|so|now|ends?)\b|"
                  r"\s*(?:[-–—,.!?;]|$))", " pause ", text)
    # "I need a hand - could you ..." asks for help: no hand near the arm (a closed list of the idiom's forms)
    text = re.sub(r"\b(?:i|we) (?:need|could use|could do with) a (?:quick |little )?hand(?: here)?"
                  r"(?=\s*(?:[-–—,.!?:]|$))|\b(?:can|could|would) you (?:give|lend) (?:me|us) a hand"
                  r"(?=\s*(?:[-–—,.!?:]|\s+(?:and|with this)\b))", " help ", text)
    text = _AVOIDED_FORCE.sub(" don't touch ", text)
    text = _SPEAKER_HASTE.sub(" ", text)
    text = _HASTE_CLOSING.sub(".", text)
    text = _TALKED_AT.sub(" ", text)
    text = _HEAD_IDIOM.sub(" ", text)
    text = _BODY_GREETING.sub(" ", text)
    text = _NO_FINGER.sub(r"\1 touching", text)
    for match in _SPEED_VALUE.finditer(text):
        value = float(match.group(1)) / (100.0 if match.group(2).startswith("c") else 1.0)
        if value > MAX_SPEED_M_S:
            return f"unsafe request: {match.group(0)!r} exceeds the speed limit of {MAX_SPEED_M_S} m/s"
    for pattern, why in _RULES:
        found = pattern.search(text)
        if found:
            return f"unsafe request: {found.group(0)!r} {why}"
    return None
