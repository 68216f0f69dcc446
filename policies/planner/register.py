"""Informal registers said to the robot, in the plain English the planner reads: how people address it ("..., matey.",
"..., sweetie?", "be a good lad and ..."), tags that ask nothing more ("..., savvy?", "..., would ye."), texting's
intensifiers ("fr", "af", "lowkey", "straight up"), closings after the request ("That's the job done.", "Do the
needful.", "Thanks and regards.", "Yay, well done!"), a learner's "no move X" for "don't move X", and the constraints a
push or a request already keeps ("..., no need to pick it up", "don't touch X, it's mine").

Every rule drops words that ask nothing or maps a form onto the English form with the same meaning; none removes a
negation it does not keep elsewhere, and none adds an action. Applied before the speech-act screen and the parser
read the instruction (``dialect.in_standard_english``), so both read the same words. Pure logic over text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from policies.planner import lexicon as lx

_COLOURS = "|".join(sorted(lx.COLOR_WORDS, key=len, reverse=True))
_END = r"(?=\s*(?:[,;.!?]|$))"
_ONE = rf"(?:(?:the|that|this) (?:{_COLOURS})(?: (?:one|cube|block))?|it)"
# How people address the robot, said as a part of its own ("..., matey.", "Ahoy there, old friend."); "man", "love" or
# "dear" only between marks, never as words of a clause
_ADDRESS = (r"(?:matey|mate|me hearty|sweetie|sweetheart|sweetie pie|honey|hun|darling|dear|love|pet|lad|laddie|lass|"
            r"(?:my )?good man|old (?:friend|chap|pal|buddy|son)|chap|champ|kiddo|fella|big guy|bud|buddy|pal|bro|fam|"
            r"dude|my man|little buddy|little guy|boss|chief|cap'?n|captain|sailor)")
# Tags that ask for nothing more after a request: "..., savvy?", "..., would ye.", "..., will ya?"
_TAGS = (r"(?:savvy|would (?:ye|ya|you|u)|will (?:ye|ya|you|u)|wouldja|wouldya|couldja|couldya|willya|yeah|ok|okay|"
         r"alright|eh|got it|capisce|yes!|yay)")
# Closings after the request: praise, thanks, "job done"; each a whole part of its own
_CLOSING = (r"(?:that'?s the job done|job done|do the needful|that'?s it(?: for (?:that one|this one|now|today))?|"
            r"(?:thanks|thank you) and (?:kind |best |warm )?regards|(?:kind |best |warm )?regards|"
            r"thanking you(?: in advance)?|yay|yippee|hooray|well done|good job|great job|nice job|nice one|"
            r"good work|great work|super|you(?:'re| are) (?:so |very |really )?kind|god bless(?: you)?|"
            r"we(?:'re| are) (?:square|even)|gg|ggs|"
            r"you(?:'re| are) a (?:star|legend|gem)|ur a (?:star|legend|gem)|moving on|carry on|"
            r"at (?:the|your) earliest(?: convenience)?|thanking you in adva[a-z]*|lol|shh+|next|"
            r"no other (?:motion|movement|action|step|move)s? (?:is|are) (?:required|needed|necessary|wanted)|"
            r"nice and (?:gentle|gently|soft|softly|easy|slow|slowly|careful|carefully|steady|smooth|smoothly))")
# ... after a mark or "and"; only these few also after a bare space ("... thanks moving on"; never "lol":
# a laugh may say it was a joke, A1 s9-s10 H5)
# "Keep up the good work!" keeps its "good work"
_TRAILING = (r"(?:shh+|moving on|at (?:the|your) earliest(?: convenience)?|thanking you"
             r"(?: in adva[a-z]*)?|nice and (?:gentle|gently|soft|softly|easy|slow|slowly|careful|carefully|steady))")
_LEAD = r"(?:(?:and|honestly|really|basically|so|yeah|well|ok|okay)\s*,?\s+)"
_CLOSINGS = re.compile(rf"(?:\s*[,;.!?]\s*{_LEAD}*(?:{_CLOSING})|\s+{_LEAD}+(?:{_CLOSING})|\s+{_TRAILING})"
                       rf"(?:\s*[,;.!]*\s*(?:{_CLOSING}|{_ADDRESS}))*[\s,;.!?]*$", re.IGNORECASE)

# Dropped only around a request (an imperative, ``_IMPERATIVE``): after a verbless placement the same words make a
# report or an exclamation of it ("Red cube in the bin af.", "Red cube in the bin... good work, matey.", A1 s11 H29).
_INTENSIFIERS = r"\s*\b(?:fr|for real|af|no cap|deadass|lowkey|highkey|tbh|bruh|omg)\b(?!')"
# a streamer's audience, said after the request: "..., chat is betting on this" (fi34-040)
_AUDIENCE = (r"(?<=[a-z])\s*,?\s*(?:and )?(?:the )?(?:chat|stream|viewers|everyone|my viewers)(?:'s| is| are) "
             r"(?:betting|counting) on (?:this|it|you)\s*[.!]*\s*$")
_ADDRESSED = (rf"(^|[,;.!?]\s*)(?:(?:ahoy|oi|yo|ay|ayy|hey|hi|hello|howdy|alright|morning|ok|okay|right|well|now)\s*"
              rf"(?:there\s*)?,?\s*)?{_ADDRESS}{_END}")
_REQUEST_ONLY = frozenset((_INTENSIFIERS, _ADDRESSED, _AUDIENCE))

# "don't lay a finger on the red cube": "don't touch the red cube" (the idiom negated, of a cube)
NEGATED_FINGER = (rf"\b(don'?t|dont|do not|never|not)\s+(?:even\s+)?lay a (?:single )?finger on\s+"
                  rf"((?:the|that|this) (?:{_COLOURS})(?: (?:cube|block|one))?)(?=\s*(?:[,;.!]|$))")

_DROPPED_G = re.compile(r"in'(?=\s|$)")  # "sittin'": "sitting"


def _pointed(m: re.Match[str]) -> str:
    """"See the one on toppa the green one? Move that one ...": the request, of the cube the question pointed at; left
    as it is where the rest of the sentence names a colour the pointer names ("See the one on the blue one? Move
    that one onto the blue one.": a cube onto the one it rests on, A1 s12 b91)."""
    rest = re.split(r"[.;!?]", m.string[m.end():], maxsplit=1)[0]
    if set(re.findall(rf"\b(?:{_COLOURS})\b", m.group(1))) & set(re.findall(rf"\b(?:{_COLOURS})\b", rest)):
        return m.group(0)
    return f"{m.group(2)} {_DROPPED_G.sub('ing', m.group(1))}"

_RULES: tuple[tuple[str, str | Callable[[re.Match[str]], str]], ...] = (
    # Filipino English's "po", a particle of respect after any word ("Hello po!", "Can I request po that you ...",
    # "... the blue one po.", fi35): it asks, forbids and names nothing, so it goes wherever it stands
    (r"\s*\bpo\b(?!['-])", ""),
    # New York's "on toppa" ("plant the red one right on toppa the blue one", fi35-009): "on top of"
    (r"\btoppa\b", "top of"),
    # "Lemme see ya plant the red one on ...": the request itself, where a motion verb follows at once ("don't let
    # me see you put ..." keeps its "don't")
    (rf"\b(?:lemme|let me) see (?:ya|you|ye|u) (?=(?:{'|'.join(sorted(lx.MOTION_VERBS))}|plant|pop|stick|bin)\b)", ""),
    (r"\bplant (?=(?:the|it|that|this)\b)", "put "),
    # "right on top of", "right onto": "right" says exactly there, no side (only before these places)
    # (only after the cube it places: "the cube on the right in the bin", "furthest right onto" keep their side)
    (rf"\b(one|cube|block|{_COLOURS}) right (?=on top of\b|onto\b|into\b|atop\b|in the bin\b)", r"\1 "),
    # thanks for what was before the request ("Thank you for waiting.", fi35-054), a sentence of its own
    (r"(^|[.!?]\s*)(?:thank you|thanks)(?: so much| very much)? for (?:waiting|your patience|being patient|your time)"
     r"\s*[.!]+\s*", r"\1"),
    # "Can I request that you transfer ...", "I'd like to request that the blue cube be placed ...": a request's
    # polite frame, as "please"; a day's frame before it ("For today, I'd like to request ...", fi35-054)
    (r"(^|[.!?]\s*)for (?:today|this session)\s*,\s*(?=(?:i'?d|i would) like to request\b|(?:can|could|may) i "
     r"request\b)", r"\1"),
    (r"\b(?:(?:can|could|may) i (?:please )?request|(?:i'?d|i would) like to request)(?: (?:that|if))?"
     r"(?= (?:you|the|it)\b)", "please"),
    (r"\bplease you (?=(?:" + "|".join(sorted(lx.MOTION_VERBS)) + r")\b)", "please "),
    # texting's intensifiers: "trash it fr", "ugly af", "lowkey the purple one", "is straight up trash"
    (_INTENSIFIERS, ""),
    (r"\b(is|'s|are) straight up\b", r"\1"),
    # the robot addressed: "be a good lad and put ...", "can you be a big helper and put ..."
    (r"\bbe an? (?:(?:good|dear|darling|big|little|nice|kind|great|sweet|love|star)\s+)*(?:lad|lass|boy|girl|robot|"
     r"helper|sport|dear|pal|friend|one|bot)\s+and\s+", ""),
    (r"\bwould (?:ya|ye|you|u) ever\b", "would you"),  # Irish "would you ever ..." asks politely
    (_ADDRESSED, r"\1"),
    (_AUDIENCE, ""),
    # a cube called by a persona's noun after its colour: "the blue lad", "the yellow fella"
    (rf"\b({_COLOURS}) (?:lad|fella|feller|fellow|guy|chap|boyo|yoke|dude)\b", r"\1 one"),
    # "that orange cube is trash, ..." at a sentence's start: the cube itself, as "the"
    (rf"(^[\s,;]*(?:(?:oh|och|ah|well|so|ok|okay|right)\s*,?\s*)?|[.!?]\s*)(?:that|this) "
     rf"(?=(?:{_COLOURS}) (?:cube|block|one)\b)", r"\1the "),
    (rf"\b((?:the|that) (?:{_COLOURS}) (?:one|cube|block)) there\b(?=\s*[,;!?])", r"\1"),
    # a disposal said as done before the next step: "After you've binned the blue one, ...", a learner's "After
    # you've the blue one binned, ..." (fi31-016); "after you've got the green one over on the right side" (fi30-016)
    (rf"\byou(?:'ve| have) (?:(?:binned|trashed|ditched|dumped|scrapped|thrown away|thrown out) ({_ONE})|({_ONE}) "
     r"(?:binned|trashed|ditched|dumped|scrapped|thrown away|thrown out))(?=\s*(?:[,;.!?]|$|\s(?:put|place|move|"
     r"push|stack|go|then)\b))",
     lambda m: f"you've put {m.group(1) or m.group(2)} in the bin"),
    (rf"\byou(?:'ve| have) got(?:ten)? ({_ONE}) (?:over )?(on|onto|to|into|in)\b", r"you've put \1 \2"),
    # a sailor's shout before the request: "Heave ho! Shove the blue cube ..."
    (r"^\s*(?:heave[- ]ho|yo[- ]ho(?:[- ]ho)?|ahoy|avast)(?: there)?\s*[!.,]+\s*(?=[a-z])", ""),
    # "Red one's garbage": the cube is garbage, as said before a disposal of "it"
    (r"\b(one|cube|block)'s (?=(?:just |only |pure |total )?(?:garbage|junk|scrap|rubbish|trash|useless|broken)\b)",
     r"\1 is "),
    # ... or "dead weight", "just cluttering the place up" (fi35-002, fi34-001): unwanted, as "junk" says
    # (only before a disposal: "The red cube is cluttering the place up. Put it on the pad." stays unread, A1 s12 b94)
    (r"\b(one|cube|block)(?:'s| is) (?:just |only )?(?:dead weight|cluttering (?:up )?the (?:place|table|bench|lab|"
     r"workspace)(?: up)?)(?=\s*[.!;]\s*[^.!?]*\b(?:bin|trash|rubbish|garbage|get rid of|dispose|discard|ditch)\b)",
     r"\1 is junk"),
    # "okay next item blue cube over to the pad": a list's next entry announced
    (r"^(?:ok(?:ay)?\s*,?\s*)?next (?:item|up|one|task|thing|job)\s*[:,-]?\s*(?=[a-z])", ""),
    (r"\b(kindly|please|pls|can you|could you|would you)\s+plase\b", r"\1 place"),
    # a negation after a place, its comma left out: "purple in the bin don't move anything else"
    # (only after a place: "Orange one do not move." is a learner's negation of its object, f25-030)
    (r"(\b(?:in|into|on|onto|to) (?:the )?(?:bin|pad|trash|left side|right side|left|right))\s+"
     r"(?=(?:don'?t|dont|do not|never)\s+(?:move|touch)\b)", r"\1, "),
    # "do NOT lay a finger on the red cube" (fi34-032): the idiom for "touch", only negated and of a cube (the unsafe
    # screen reads it so too: phrasing.without_reassurance); "lay a finger on" anything else stays a person's finger
    (NEGATED_FINGER, r"\1 touch \2"),
    # a learner's "please no move the purple cube": "don't move"; "its mine" after a negated touch is its reason
    (r"\b(?:please\s+)?no\s+(move|touch|push|lift|pick|grab|shift)\b", r"don't \1"),
    (rf"(\b(?:don'?t|dont|do not|never) (?:touch|move) (?:the |that |this )?(?:{_COLOURS})?(?: (?:cube|block|one))?)"
     r"\s*,?\s*(?:(?:it'?s|its|it is|that'?s|that is) (?:(?:all |only )?mine|his|hers|ours|theirs|sleeping|asleep|"
     r"resting|fragile|delicate|precious|special|lucky|my favou?rite|perfect|fine where it is|fine|"
     # what the cube is to the lab or the audience ("it's our calibration reference", fi35-031; "chat made it the
     # mascot", fi34-033): a role from a closed list, which says why it stays
     r"(?:our|my|the|the lab'?s|everyone'?s) (?:(?:calibration|reference|position|lucky|test|control|team|official) )?"
     r"(?:reference|mascot|marker|landmark|baseline|datum|fiducial|control|anchor|favou?rite|prototype|sample))|"
     r"(?:chat|we|they|everyone|the (?:team|class|kids|stream)) (?:made|voted|named) it (?:the|our|their) "
     r"(?:official )?(?:mascot|favou?rite|champion|pet)|"
     r"(?:it'?s|it has|its) (?:been|gone) through (?:a lot|enough|so much|plenty))" + _END +
     # (never where "it" follows: "Don't touch the red cube, it's mine. Put it in the bin." keeps its question)
     r"(?!.*\b(?:it|that one|this one)\b)", r"\1"),
    # a contrast with the clause before, said after a place at the very end ("don't move the blue one, ... green cube
    # to the left side tho", fi34-033): nothing more is asked. Only after a prohibition, on a later clause that is a
    # verbless placement or opens on an imperative verb: "you put the red cube in the bin tho" is a complaint (A1 s12
    # H36), "Wow, red cube in the bin tho" an exclamation
    (rf"(\b(?:don'?t|dont|do not|never) (?:touch|move) [^.;!?,]+(?:[.;!?,][^?]*?)?"
     rf"[.;!?,]\s*(?:(?:the )?(?:{_COLOURS}) (?:cube|block|one)|(?:please |just )?(?:put|move|place|stick|set|shift) "
     r"[^.;!?,]*?)\s+(?:in|into|on|onto|to) (?:the )?(?:bin|pad|trash|left side|right side))\s*,?\s+(?:tho|though)"
     r"\s*[.!]*\s*$", r"\1"),
    # "dont move red ok, just push ...": "ok" before the comma that ends a clause asks nothing
    (r"(?<=[a-z])\s+(?:ok|okay)\s*(?=,)", ""),
    # a push never lifts: "..., no need to pick it up" / "don't lift her" keep nothing the push does not
    (r"\s*,?\s*(?:there'?s |there is )?no need to (?:pick|lift|raise) (?:it|her|him)(?: up)?" + _END,
     ", without lifting it"),
    (r"\b(don'?t|do not|never) (lift|pick up|raise) (?:her|him)\b", r"\1 \2 it"),
    # sides said as a sailor says them
    (r"\b(?:the )?starboard(?: side)?\b", "the right side"),
    (r"\b(?:the )?port(?: side|-side)\b", "the left side"),
    # "Move the red one to port, your left, that is." (fi35-030): "to port" at a clause's end is the left side, and
    # "your left(, that is)" after it says the same side again
    (r"\bto port(?=\s*(?:[,;.!]|$))", "to the left side"),
    (r"\b(to the (left|right) side)\s*,\s*(?:i mean |that is,? )?your \2(?: side| hand side)?(?:\s*,\s*that is)?"
     r"(?=\s*(?:[.!]|$))", r"\1"),
    # a prohibition said again in other words: "Leave the purple cube be, she's not to be touched." (fi35-030); only
    # right after "leave X be/alone" or "don't touch/move X", of the same cube ("she", "it")
    (rf"(\b(?:leave (?:the |that |this )?(?:{_COLOURS})(?: (?:cube|block|one))? (?:be|alone)|(?:don'?t|do not|never) "
     rf"(?:touch|move) (?:the |that |this )?(?:{_COLOURS})(?: (?:cube|block|one))?))\s*,\s*(?:she|he|it)(?:'s| is) "
     r"not to be (?:touched|moved|disturbed)(?=\s*[.;!]|\s*$)", r"\1"),
    (r"\bstow\b(?= (?:the|that|this|it)\b)", "put"),
    # a learner's adjective after its noun: "put the cube yellow up on the cube blue" (fi30-008)
    (rf"\b(the|a) (cube|block|brick) ({_COLOURS})\b(?! (?:cube|block|brick|one)s?\b)", r"\1 \3 \2"),
    # "while I think of it", "as discussed (in yesterday's meeting)": a frame before the request, nothing asked
    (r"(^|[,;.!?]\s*)(?:while i think of it|while i remember|before i forget|as discussed|as agreed|as mentioned|"
     r"as per (?:our|my) (?:chat|conversation|discussion|email))(?: (?:in|at|during|on) (?:the |our |my )?"
     r"(?:yesterday'?s |today'?s |last |this morning'?s |the )?(?:meeting|call|chat|email|stand-?up|session))?\s*,\s*",
     r"\1"),
    # the day's work declared done before going home: "That's grand for today, go on back to your resting spot."
    (rf"^(?:that'?ll do|that will do|that'?s (?:grand|great|enough|all|it|plenty|lovely|brilliant|us done))"
     rf"(?: for (?:today|now|the day|tonight))?(?:\s*,?\s*{_ADDRESS})?(?:\s*[,.!;])+\s*"
     rf"(?=(?:(?:now|so|and|please)\s+)*(?:go|head|return|back|get back)\b[^,;.!?]*\b"
     rf"(?:home|rest(?:ing)? (?:spot|place|"
     rf"position|pose)|starting position|start position)\b[^,;.!?]*[.!]*\s*$)", ""),
    (r"\bgo on back\b", "go back"),
    # home said as a place to rest or a configuration: "your resting spot", "its home configuration"
    (r"\b(?:resting|rest) (?:spot|place)\b", "resting position"),
    (r"\bhome (?:configuration|config|pose position)\b", "home position"),
    (r"\b(?:the|your|its) manipulator\b", "the arm"),
    # an activity announced before the request it names ("Time to clean up, friends! Every block goes ..."): only a
    # whole part, and only where a request follows
    (r"^[\s,]*(?:ok(?:ay)?\s*,?\s*)?(?:(?:it'?s |it is )?(?:tidy|clean)[- ]?up time|time to (?:tidy|clean) up)"
     r"(?:\s*,?\s*(?:friends|everyone|folks|guys|kids))?\s*[!.,]+\s*(?=\S)", ""),
    # how exact the result must be, said after the request: "positional tolerances are not critical", "it doesn't have
    # to be perfect": nothing about which action runs
    (r"\s*[,;.]\s*(?:(?:the|but|and) )?(?:positional |placement |position )?(?:tolerances?|precision|accuracy|"
     r"exactness|alignment|placement|positioning) (?:is|are) not (?:critical|important|crucial|essential|a concern|"
     r"an issue|a big deal)" + _END, ""),
    (r"\s*[,;.]\s*(?:(?:but|and) )?it (?:doesn'?t|does not|need not|needn'?t) (?:have to |need to )?be "
     r"(?:perfect|exact|precise|perfectly (?:aligned|centred|centered|straight))" + _END, ""),
    # a quantifier said again as an apposition: "Every single block goes into the trash can, all of them, yes!"
    # (also after "the (whole) lot": "Clear the hale lot intae the bin, son, every last one o' them.", fi34-024)
    (r"(\b(?:every|all|each|the whole lot|the lot)\b[^,;.!?]*?)\s*,\s*(?:all of them|every one of them|"
     r"every single one|each of them|"
     r"the lot|all of 'em|all of em)\b(?:\s*,\s*(?:yes|yeah|yep))?" + _END, r"\1"),
    # why, said after the request: "... please we're clearing the bench"
    (r"\s*,?\s*(?:because |as |since |'?cause )?(?:we'?re|we are|i'?m|i am) (?:clearing|cleaning|tidying|emptying)"
     r"(?: up| off| out)?(?: the (?:bench|table|lab|workspace|desk|area|place|room|space))?\s*[.!]*\s*$", ""),
    # order words said formally: "Thereafter revert to home position."
    (r"\b(?:thereafter|subsequently)\b", "then"),
    (r"\brevert (?=to (?:the |your |its )?(?:home|rest|resting|starting|start|initial)\b)", "return "),
    # a numbered list written "(1) ..., (2) ...": the "1) ..." the parser reads; "Execute in this order:" opens it
    (r"(^|[\s:;,.])\((\d)\)\s*", r"\1\2) "),
    (r"(^|[.!?]\s*)(?:please )?(?:execute|perform|carry out|run|do)"
     r"(?: (?:these|the following|the steps|the tasks|this))?(?: (?:steps|tasks|actions))? in "
     r"(?:this|the following|the given|the listed) order\s*:\s*(?=1\))", r"\1"),
    # a greeting or a rest before going home: "G'day!", "Take a breather and head back home."
    (r"(^|[,;.!?]\s*)g'?day(?: (?:mate|there|all))?" + _END + r"[,;.!?]*\s*", r"\1"),
    (r"\b(?:take|have) a (?:quick |little |well-earned |well earned )?(?:breather|rest|break|breath|nap) and "
     r"(?=(?:go|head|return|get)(?: back)? (?:to )?(?:your )?home\b)", ""),
    # why, said after the request, of the cube it moves: "could you shift the purple one to the left side, it's blocking
    # the camera on the right" (fi35-043); only these obstructions, of "it", at the very end
    (r"(\b(?:in|into|on|onto|to) (?:the )?(?:bin|pad|left side|right side))\s*,?\s*(?:because |since |as |'cause )?"
     r"(?:it'?s|it is) (?:blocking|obstructing|in front of|in the way of) (?:the|my|our) (?:camera|view|line of sight)"
     r"(?: (?:on|to) the (?:left|right))?\s*[.!]*\s*$", r"\1"),
    # what the request tests, said after it: "can you balance the orange cube on the purple one? want to see if the
    # grip is precise enough" (fi35-010); only the robot's own precision, never a condition on the scene
    (r"([?.!])\s*(?:i |we )?(?:just )?(?:want|wanna|wanted|'d like|would like) to (?:see|check|test|find out) "
     r"(?:if|whether|how) (?:the|your|its) (?:grip|gripper|grasp|placement|precision|accuracy|arm)(?: is| are)? "
     r"(?:(?:precise|accurate|good|steady|gentle|careful) enough|(?:precise|accurate|good|steady))\s*[.!]*\s*$", r"\1"),
    # the bin said fine after a disposal that names no other place: "Can you get rid of the yellow one for me? Bin's
    # fine." (fi35-000)
    (r"^((?:(?!\b(?:pad|left|right|side|not|don'?t|never|no)\b)[^.!?])*\b(?:get rid of|dispose of|discard|throw "
     r"away|throw out|bin|trash|ditch)\b[^.!?]*[.!?])\s*(?:the )?(?:bin'?s|bin is|the bin is) (?:fine|ok|okay|good|"
     r"perfect|great)\s*[.!]*\s*$", r"\1"),
    # a push slides, never lifts: "without lifting her" (fi35-045)
    (r"\bwithout (lifting|raising|picking up) (?:her|him)\b", r"without \1 it"),
    # a cube pointed at by a question, then acted on as "that one": "See the one sittin' on toppa the green one? Move
    # that one over to the right side." (fi35-038): the request, of the cube the question named. The question names
    # it with a closed set of words (no negation, no other clause); anything else stays a question, refused
    (rf"^(?:(?:hey|oh|ok|okay|so)\s*,?\s*)?(?:(?:do )?(?:you |ya )?see|(?:ya|you) see) (the (?:(?:{_COLOURS}) )?"
     rf"(?:one|cube|block)(?: (?:sitting|sittin'|resting|restin'|stacked|that'?s|that is|on|onto|top|of|ontop|"
     rf"the|one|cube|block|{_COLOURS}))*)\s*(?:there|over there)?\s*\?\s*"
     rf"((?:please )?(?:move|put|take|grab|place|stick|shift|pop|set)) (?:that one|that cube|that block|that|it)\b",
     _pointed),
    # telegraphic: the cube, the verb, the place, each a sentence of its own ("Orange cube. Discard. Bin.", fi34-002);
    # only the whole instruction, a disposal only to the bin, a move only to the pad or a side ("Bin. Bin.", "Move.
    # Bin." refuse, A1 s12 b91)
    (rf"^\s*((?:the )?(?:{_COLOURS}) (?:cube|block|one))\s*[.:]\s*(?:discard|trash|dispose|ditch|scrap)\s*[.:]\s*"
     r"(?:(?:in|into|to) )?(?:the )?(?:bin|trash|trash can|garbage)\s*[.!]*\s*$", r"put \1 in the bin"),
    (rf"^\s*((?:the )?(?:{_COLOURS}) (?:cube|block|one))\s*[.:]\s*(?:move|put|place|shift)\s*[.:]\s*"
     r"(?:(?:in|into|to|on|onto) )?(?:the )?(pad|left side|right side)\s*[.!]*\s*$", r"put \1 on the \2"),
    # a professor's request: "Let the green cube come to rest upon the pad; that, I submit, is where it belongs."
    # (fi35-006): "let X come to rest on Y" is "put X on Y", and the closing says only that the place is right
    # (only "come to rest": "Let the red cube rest on the pad" may leave it where it is, A1 s12 b91)
    (rf"(^|[.;!?]\s*)(?:please )?let ((?:the|that|this) (?:{_COLOURS}) (?:cube|block|one)) come to rest"
     r" (?:up)?on\b", r"\1put \2 on"),
    (r"(\b(?:in|into|on|onto) (?:the )?(?:bin|pad|left side|right side|(?:" + _COLOURS + r") (?:cube|block|one)))"
     r"\s*[;,.]\s*(?:that|there)\s*,?\s*(?:(?:i|we) (?:submit|think|believe|reckon|would argue|suspect|daresay)"
     r"\s*,?\s*)?(?:is|'s) (?:where|the place) (?:it|she|he) (?:belongs|should be|ought to be)\s*[.!]*\s*$", r"\1"),
    # "ot" between the cube and its place ("mvoe the purlpe cube ot the pad thx", fi35-058): a transposed "to", the only
    # reading there ("not the pad" names no thing to keep still); after a verb or a modal it stays a misspelt "not"
    (r"\b(cube|block|one|it)\s+ot\s+(?=the (?:pad|bin|left side|right side|left|right)\b)", r"\1 to "),
    # a streamer's audience decided the request: "ok chat voted, the cube goes in the trash. do it bot" (fi34-003);
    # the go-ahead after it asks for what was said
    (r"^(?:(?:ok|okay|alright|so)\s*,?\s*)?(?:the )?chat (?:voted|decided|has spoken)\s*[,:.!]\s*(?=[a-z])", ""),
    (r"([.!])\s*(?:ok(?:ay)?\s*,?\s*)?do it(?:\s*,?\s*(?:bot|robot|now))?\s*[.!]*\s*$", r"\1"),
    # a favour announced before the request: "I have a small favor for you:"
    (r"(^|[.!?]\s*)(?:i(?:'ve)? (?:have |got )?|i've got )an? (?:small |little |quick |tiny )?(?:favou?r|request|job|"
     r"task) (?:for you|to ask(?: of you)?|to ask you)\s*[:,.!-]\s*", r"\1"),
)


# Requests are recognised by an imperative verb opening a clause or after a polite frame: closings and tags are dropped
# only after one, so "Red cube in the bin, job done." (a report) and "You put the red cube in the bin, eh?" (a question)
# stay unread (A1 s11 H29). Chat before "anyway," and similes after a request are not dropped at all: a keep-list of
# what they may not say let "Somebody's finger is in the gripper. Anyway, put ..." through (A1 s11 H31, H32).
_VERBS = "|".join(sorted(v for v in lx.MOTION_VERBS if not v.endswith("ing")))
# (not "carry on" / "moving on": a closing that says to go on, not a request)
_IMPERATIVE = re.compile(rf"(?:^|[,;.!?:]\s*|\b(?:please|pls|kindly|can (?:you|u)|could (?:you|u)|would (?:you|ya|ye|u)"
                         rf"(?: ever)?|will (?:you|u)|and|just|now|then)\s+)"
                         rf"(?:{_VERBS}|go|head|return|stack|bin|trash|ditch|stow|give|pop|stick|chuck|toss|plase)\b(?!\s+on\s*(?:[,;.!?]|$))",
                         re.IGNORECASE)
_TAG = re.compile(rf"\s*,\s*{_TAGS}\s*[?!.]*\s*$", re.IGNORECASE)


_LETTER = re.compile(r"[a-z]", re.IGNORECASE)
_DANGLING_COMMA = re.compile(r"\s*,\s*(?=[.!?]|$)")
_LEADING_MARKS = re.compile(r"^[\s,;.!?]+")


# Compiled once: as strings they would share re's cache of 512 patterns with phrasing.py's hundreds and evict them,
# which made planning five times slower (measured 7.6 -> 37 ms per instruction before this).
_COMPILED = tuple((re.compile(pattern, re.IGNORECASE), repl) for pattern, repl in _RULES)


def in_plain_register(text: str) -> str:
    """``text`` with its informal register in the plain English the parser reads (see the module doc)."""
    request = _IMPERATIVE.search(text) is not None
    out = text
    for pattern, repl in _COMPILED:
        if request or pattern.pattern not in _REQUEST_ONLY:
            out = pattern.sub(repl, out)
    closed = out
    if request:
        closed = _TAG.sub("", closed)
        closed = _CLOSINGS.sub("", closed) if _LETTER.search(_CLOSINGS.sub("", closed)) else closed
    if closed == text:
        return text
    closed = _DANGLING_COMMA.sub("", _LEADING_MARKS.sub("", closed))
    return " ".join(closed.split())
