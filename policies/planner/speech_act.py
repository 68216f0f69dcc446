"""Is the instruction a request to the robot at all? One guard for every backend, before anything is planned.

The parser reads from the action verb on, and the model plans whatever it is handed; neither asks what kind of
sentence the verb stands in. So "I forbid you to bin red", "did you bin red?", "he put red in the bin",
"imagine you bin red", "bin red, just kidding", "make sure red isn't in the bin" and 'the label says "bin red"'
all ran as orders (notes5/ADV.md, issue 17). ``speech_act_refusal`` reads the speech act of each sentence and
the negating words the backends skip, and refuses, naming the words, where the instruction is not a plain
request: a question, a report or the user's own action, a hypothesis, a retraction or correction, a statement
of what is (or can, will, may be), a prohibition or negation the parser does not read (misspelt too), a quote,
or two people's requests. 'X or Y' between objects asks which (a ``Clarification`` where the scene has both).

It is lexical and deliberately narrow: polite wrappers ("could you ...?", "would you mind ...", "if it isn't too
much trouble", "I'd like you to", "my colleague asked me to") and what the parser reads ("don't touch X",
"without moving X", "leave X alone", "not X but Y", order words) are left to the parser and the checker.
Pure logic over words; no model.
"""

from __future__ import annotations

import re

from policies.planner import lexicon as lx
from policies.planner.dialect import in_standard_english
from policies.planner.mentions import repaired
from policies.planner.openers import REQUEST_WORDS, free_opener
from policies.planner.plan import Clarification, Refusal
from policies.planner.register import STATED_CLAUSE, without_small_talk_before_anyway
from policies.planner.scene_state import SceneState

_COLOURS = "|".join(sorted(lx.COLOR_WORDS, key=len, reverse=True))
# (REV s23 R9: a cube named by its place too, "The leftmost cube goes in the bin?", "The middle one belongs ...?")
_NP_WORD = (rf"(?:the|a|an|this|that|both|all|{_COLOURS}|cubes?|blocks?|bricks?|ones?|balls?|objects?|and|,|leftmost|"
            r"rightmost|middle|centre|center|front|rear|nearest|closest|furthest|farthest|top|topmost|uppermost|"
            r"bottom|lowest|remaining|lone|every|each|single|whole|two|three|four|five|six|[2-6]|of)")
# A sentence that opens on a noun phrase of the scene ("red", "the red and the blue cube", "it", "they").
# (P1 s24, REV s24 R1: a number or "every single" before the noun, "the whole lot", "all of them": "The three cubes go
# in the bin?", "All of them should go on the pad?")
_NP_START = (rf"^(?:{_NP_WORD}\s+)*?(?:{_COLOURS}|cubes?|blocks?|bricks?|ones?|it|they|both|(?<=whole )lot|"
             r"(?<=of )them)\b")
_MOTION = (r"(?:put|placed|moved|binned|threw|thrown|tossed|chucked|dropped|stacked|pushed|picked|trashed|dumped|built|"
           r"set|ditched|slid|parked|discarded|disposed|got rid|junked|scrapped|carried|lifted|grabbed|took)")
_MOTION_BASE = (r"(?:put|place|move|bin|throw|toss|chuck|drop|stack|push|pick|trash|dump|set|ditch|slide|park|build|"
                r"discard|dispose|get rid|junk|scrap|carry|lift|grab|take)")

# Polite frames and fillers that hold a negation or a question form but ask for the action: removed before the
# negation and question rules read the words.
_POLITE = (
    # only with its "not": "if it's too much bother, could you ..." is a condition (A1 s8 F12), read, hence refused
    r"if (?:it|that)(?:(?:'s| is) not| isn't| is not| wouldn't be| would not be| won't be| will not be| ain't)"
    r" (?:too much )?(?:trouble|bother|a bother|a problem|an issue|too much to ask)",
    r"if you (?:don't|do not|wouldn't|would not) mind", r"(?:would|do|will) you (?:not )?mind", r"wouldn't mind",
    r"why (?:don't|do not|not) (?:you|we)", r"no (?:rush|hurry|pressure|worries|problem)", r"(?:don't|do not) forget",
    r"not too (?:fast|quickly|hard)", r"nothing (?:fancy|special|else|more)",
    r"(?:that|which|who) (?:isn't|is not|aren't|are not)",  # "the cube that isn't green": parser's
    r"(?:wouldn't|would not|isn't|is not) it (?:be )?(?:lovely|nice|great|good|better|grand)",
    # "I wonder whether you could sit the blue cube on the green one" (f18-006): a polite request, not a hypothesis
    r"(?:i|we) (?:was |were |am |'m )?wonder(?:ing)? (?:if|whether) (?:you|u) (?:could|would|can|might|will)",
    # a teacher's "Can we put the green block in the bin?" (f23-046, f23-058): the request, before a verb read
    rf"(?:can|could) we(?: please| just| now| maybe)?(?= (?:{_MOTION_BASE}|pop|sit|build|make)\b)",
)
_POLITE_RE = re.compile(r"\b(?:" + "|".join(_POLITE) + r")\b")

# (pattern, why) over the whole instruction; the first that matches refuses.
# Closings said of a job done: more praise, a laugh, a call for the next job (the "you put ..." report below)
_DONE_CLOSER = (r"keep up the (?:good|great) work|keep it up|keep going|way to go|nicely done|(?:so |i'?m )?proud of "
                r"(?:you|ya)|next(?: one| please| up| job)?|lol|lmao|lmfao|rofl|ha(?:ha)+|hehe+|good stuff|sweet|cool|"
                r"perfect|excellent|awesome|brilliant|amazing|love it|beautiful|splendid|marvell?ous|wonderful|"
                r"fantastic|superb|lovely|top job|job done|there we go|there you go|atta ?(?:boy|girl)|"
                r"good (?:boy|girl|"
                r"lad|lass)|yay|woo+(?:hoo+)?|nice|great|sorted|done|bingo|boom|sick|epic|legend|yes+|finally|"
                r"at (?:long )?last|👍+|👏+|🙌|:-?\)|:-?d|xd")

# the robot's acts as gerunds (the said-back screen and the progressive below)
_ACT_GERUND = (r"putting|placing|binning|pushing|moving|stacking|building|going|heading|homing|returning|picking|"
               r"dropping|tossing|throwing|dumping|trashing|chucking|ditching|parking|setting|sliding|lifting|getting|"
               r"taking|sending|shoving|nudging|popping|sticking|carrying|bringing|grabbing|shifting|lowering|raising")

# A cube or cubes said as a goal's subject, with no verb ("red", "the red cube", "all the cubes", "everything", "both")
_GOAL_NP = (rf"(?:the\s+)?(?:{_COLOURS})\b(?:\s+(?:cube|block|one))?|all\s+(?:(?:of\s+)?the\s+)?(?:cubes|blocks)|"
            r"everything|both(?:\s+(?:the\s+)?(?:cubes|blocks))?")
# Interjections of surprise, dismay, relief or amusement: before a verbless goal they remark on a state found
_DISMAY = (r"uh[- ]?oh|oh,? look|look|argh+|ugh+|wow+|whoa+|hmm+|ah+|oh+|oops|whoops|yikes|huh|great|typical|seriously|"
           r"not again|oh (?:dear|my|boy|man|god|gosh|no|wow)|omg|jeez|geez|gee|gosh|golly|blimey|crikey|cor|aw+|meh|"
           r"phew|whew|yay|yippee|hooray|hurray|lol|lmao|ha(?:ha)+|he(?:he)+|heh|hah|damn|dang|darn|drat|bugger|crap|"
           r"ooh+|wowza|yikes|dear me|good grief|goodness|my goodness|bloody hell|eek")

# No verb, "please" or modal in the rest of the sentence ("the bin" / "a bin" is no verb): a verbless goal
_NO_REQUEST_WORD = (rf"(?![^.!?;]*(?<!the )(?<!a )(?<!in )(?<!into )(?<!to )(?<!inside )\b(?:{_MOTION_BASE}|please|"
                    r"pls|plz|can|could|would|will|shall|must|should|need|want|let|go|get|make|leave|keep|bring|send|return|head|come)\b)")
# ... no verb of an order, "please" or "let's" (a label of information before a stated goal: "FYI: the red cube
# should go / needs to go / goes in the bin." all say how it is to be, one reading, REV s23 medium; "should be put"
# is no order); a negation makes it an exclusion the parser reads ("Note: the yellow cube is the control and must not
# be moved. Push the red cube forward.", seen fi67-070)
_NO_ORDER_WORD = (rf"(?![^.!?;]*(?<!the )(?<!a )(?<!in )(?<!into )(?<!to )(?<!inside )(?<!be )\b(?:{_MOTION_BASE}|"
                  r"please|pls|plz|kindly|let|get|make|leave|keep|bring|send|return|head|come|not|never)\b)"
                  r"(?![^.!?;]*n't\b)")
# What a verbless goal opens on, as the H143 remark screen reads it (a colour, a quantifier, home, a cube by its place
# or rank): shared by the note label and the closings after a verbless goal (P1 s23, REV s23 R2)
# (REV s23 R12/R14) an address or greeting before a screen's opener ("Robot, wow, everything in the bin.", "Hey robot,
# initial state: ..."), and an exclusion before the goal ("Wow, apart from the green one, all the blocks on the left
# side.", "FYI: except for red, everything in the bin.")
# (P1 s24, REV s23 R19 and the s23 final read: not a list of openers but openers.py's structural cut, the one unasked's
# hedge screen uses: any one to four words naming no cube, colour, place or action, up to a mark, "Morning, / Erm, /
# Listen up, / Alright robot, / Robot! / Hi there, ..."; here with no word of request either, as these screens read
# a request from a verb, "please" or a modal after the opener ("Please, red in the bin, yes." asks)
_ADDRESS_FIRST = rf"(?:{free_opener(REQUEST_WORDS)})*"
_EXCLUSION_FIRST = (r"(?:(?:apart from|except(?: for)?|other than|aside from|besides|save for|excluding|barring|bar)"
                    r"\s+[^,.!?;:]{1,40},\s*)?")
# (REV s23 R8: plural nouns, a number, "the (whole) lot", "them all" too; P1 s24: "the rest", "the others", which
# planned after a first goal where a colour refused: "Put red on the pad. The rest in the bin, yes.")
_GOAL_OPENS = (r"(?:the\s+(?:rest|others|other\s+(?:cubes|blocks|bricks|ones))\b|"
               rf"(?:the\s+)?(?:{_COLOURS}|everything|all|both|home|every|each|(?:whole\s+)?lot|back\s+home|leftmost|"
               rf"rightmost|them\s+all|an?\s+(?:{_COLOURS})|(?:back\s+)?at\s+home|"
               r"(?:(?:middle|centre|center|front|back|rear|far|near|nearest|closest|furthest|farthest|left|right|"
               r"leftmost|rightmost|top|topmost|uppermost|bottom|lowest|highest|first|last|second|third|other|"
               r"remaining|lone|single|big|small|little|two|three|four|five|six|[2-6])\s+)?"
               r"(?:cube|cubes|block|blocks|brick|bricks|one|ones))\b)")
# A sentence that opens on a verbless goal after its openers, no verb, "please", modal or stated verb in it ("Morning,
# except for red, everything in the bin"): what the closings below remark on
_VERBLESS_GOAL_FIRST = (rf"(?:^|[.!?;]\s*){_ADDRESS_FIRST}"
                        r"(?:(?:ok|okay|right|alright|so|now|and|then|well|oh)\s*,?\s+)*"
                        rf"{_EXCLUSION_FIRST}(?={_GOAL_OPENS}){_NO_REQUEST_WORD}(?![^.!?;]*\b(?:please|pls|plz|needs?|"
                        r"goes|go|going|belongs?|must|should|has to|have to|ought|wants?)\b)")
_DASHED_OPENER = re.compile(r"^((?:(?:well|ok|okay|so|um+|uh+|er+m?|hmm+|sorry|oh|ah|wow|hey|hi|hello|right(?: then)?|"
                            r"alright|now|and|look|listen|yes|yeah|no|actually|please|anyway|then|also|excuse me)"
                            r"\s*,?\s*)+?)\s*(?:[—–]+|-+(?=\s))\s*")
_FIRST_PERSON_HEDGE = r"(?:i think|i guess|i suppose|i reckon|i believe|i'?d say|i'?d guess|i assume|i imagine)"
# The heads of a report, a log or a checklist entry (P1 s20, A1 s19 H148)
_REPORT_HEAD = (r"(?:results?|outcomes?|status(?:\s+update)?|update|summary|recap|log|report|observations?|findings?|"
                r"verdict|output|state|conclusion|readout)")
# An order after a status line's label, its verb first and its own object pronoun ("Red cube: put it in the bin.")
_LABEL_ORDER = (r"(?:please\s+)?(?:put|move|place|drop|pop|stick|bin|trash|push|stack|set|take|bring|shift|slide|lift|"
                r"pick up|get rid of|dump|ditch)\s+(?:it|this one|that one)\b")

_RULES: tuple[tuple[str, str], ...] = (
    # Prohibitions and warnings the parser skips: the verb after them is what must NOT happen.
    (r"\b(?:forbid|forbids|forbidden|prohibit\w*|ban|banned|disallow\w*|object to|refuse to let|"
     r"not allowed|not permitted)\b", "forbids the action"),
    (r"(?:'s|\b(?:is|was|would be|will be|seems|sounds|be))(?: \w+)? (?:dangerous|unsafe|risky|a mistake|"
     r"a bad idea|a terrible idea|wrong|prohibited|illegal|pointless|unnecessary|stupid|silly)\b",
     "calls the action a mistake"),
    # Misspelt or informal negations and retractions: never mapped onto nothing.
    (r"\b(?:do|does|did|please|should|must|would|will|can|could|i|you) (?:nto|nit|mot|bot|noot|nor|ot|nt)\b",
     "holds a misspelt 'not'"),
    (r"\b(?:nevr|neve|nver|nevar|nevre|neva|nvr)\b", "holds a misspelt 'never'"),
    (r"\b(?:nope|nah|nvm|nevermind|never mind|hardly|barely|scarcely)\b", "holds a negation or retraction"),
    (r"\b(?:jk|j/k|kidding|joking|just a joke)\b", "is said as a joke"),
    # (a pause after "and" / "then" opens the next clause: "... and then uh the blue one on the left", f16-019)
    (rf"\b(?:{_COLOURS})\b[^.;?!]{{0,60}}?\b(?:sorry|oops|whoops|(?<!then )(?<!and )(?:er|erm|um|umm|uh|uhm|well)|"
     rf"actually)\b,? "
     rf"(?:i mean |i meant |the |a )?(?:{_COLOURS})\b", "corrects itself"),
    (r"\b(?:oops|whoops|abort|aborted)\b", "corrects itself"),
    # a radio operator's closing asked ("... Report complete?", "Confirm done?"): whether it is done already
    (r"\b(?:report|confirm|advise)(?: (?:when|once))? (?:complete|completed|done|finished)\s*\?",
     "asks whether it is done"),
    # a checklist line marked done ("Done: put red in the bin", "put red in the bin - done", A1 session 7, F17); "done,
    # go home" closes a request
    # (A1 s10 H12: only where going home is all that follows: "Done: go home after putting ..." reports that done)
    (r"^(?:already )?(?:done|finished|completed|complete)\s*[:\-–—,.!](?!\s*(?:now |so |then |just )?(?:go|head|return)"
     r"(?: back)?(?: to)?(?: your| the)? home(?: position| pose)?\s*[.!]?\s*$)|"
     r"[:\-–—(\[]\s*(?:done|finished|completed)\s*[\])]?\s*[.!]?$", "reports a task as done"),
    (r"\b(?:actually|on second thought|wait|hmm|oh)\s*,?\s*(?:i|we) (?:will|do|shall|might|may|need|want|would)\b",
     "takes back what it said"),
    # "put the red cube, I misspoke, the blue cube, in the bin", "..., not that, blue" (A1 session 7, F3)
    (r"\b(?:misspoke|misspoken|misspeak|mis-spoke|misspelled|misspelt|let me rephrase|slip of the tongue)\b|"
     r"\bnot (?:that|this|the|those|these)\s*[,;.:!-]", "corrects itself"),
    # "build a tower: red at the bottom, ..., reversed", "put red on blue, vice versa" (A1 session 7, F4): a reversal
    # the planner does not read would run the words the other way round
    (r"\b(?:reversed?|reversing|in reverse|upside[- ]down|(?:the )?other way (?:round|around)|vice versa|inverted?|"
     r"inverting|flip(?:ped|ping)?|swap(?:ped|ping)?|opposite|backwards order)\b",
     "asks for a reversal the planner does not read"),
    (r"\b(?:i mean|i meant|or rather|rather than that|correction|my mistake|my bad|scratch that)\b",
     "corrects itself"),
    # "then again," / "on the other hand," (A1 s14 H52: "Put the red cube on the pad\nThen again, bin it."): the words
    # after it weigh against the words before, no order
    (r"\b(?:then again|on the other hand)\s*,", "corrects itself"),
    (r"\b(?:undo|scrap|scratch|disregard|belay|abort|erase|delete|reverse|ignore|forget|cancel|drop)"
     r" (?:that|this|it all|all that|everything)\s*(?:[,.;!]|$|and|go|then|park)",
     "takes a request back"),
    (r"\b(?:that|this|it|those|these)(?:'s| is| are| was)(?: \w+)? (?:not needed|no longer needed|not necessary|"
     r"unnecessary|no good|not what i wanted|wrong)\b", "takes a request back"),
    (r"\b(?:not needed|no longer needed) (?:any ?more|now)\b", "takes a request back"),
    (r"\bwarned (?:you|me|us)\b", "is a warning, not a request"),
    (r"^(?:wrong|no wait|wait no)\b|[.,;] *(?:wrong|no wait|wait no)\b", "takes a request back"),
    # Negations the parser does not read: a wish, a report or a question about not doing it.
    (r"\b(?:didn't|did not|wouldn't|would not|isn't|is not|aren't|are not|wasn't|was not|weren't|were not|"
     r"haven't|have not|hasn't|has not|hadn't|had not|couldn't|could not|nobody|no one|noone|no-one|"
     r"none of|rather not|stays? off|stay out|is off|be off|are off|disagree|i doubt|doubt)\b",
     "negates or doubts the action"),
    # Hypotheses and explanations: nothing is asked to move.
    # (an "I suppose" set off by a comma or closing is the speaker's hedge, as "I guess" is: "Put the red cube in the
    # bin, I suppose.", P1 s21 H159; "I suppose you could put ..." stays a supposition)
    (r"\b(?:imagine|imagining|(?<!\bi )suppose|"
     r"i suppose(?!\s*(?:[,.!;]|$))|"
     r"supposing|pretend|hypothetical\w*|theoretically|in theory|what if|"
     r"what happens|what would happen|let's say|if you were to|explain|describe how|tell me how|"
     r"trash talk|used to|was going to|were going to|thought about|thought of|whether|"
     r"great idea|just what i needed|yeah right|oh great|already did|already done|already have|had asked|"
     r"had told|had wanted)\b", "is not a request to act now"),
    # Reports: someone other than the robot does or did it, or the user will.
    (r"\b(?:i|we|he|she|they|someone|somebody|everyone|everybody|the robot|my \w+|our \w+|the \w+ guy)"
     r"(?: just| already| then| also| first)? (?:saw|watched|noticed|seen|heard)\b", "reports what was seen"),
    # (not the robot a team lead has do it, "Let's have the robot put ...", P1 s23: phrasing reads it as the request)
    (rf"(?<!let's have )(?<!lets have )\b(?:i|we|he|she|they|someone|somebody|everyone|everybody|the robot|my \w+|"
     rf"our \w+)(?:'ve| have| had)?(?: just| already| then| also)? "
     rf"{_MOTION}\b(?! (?:you|me|us)\b)", "reports an action, it does not ask for one"),
    # ... the robot named otherwise at a clause's start ("The arm put the red cube in the bin.", "The robot arm put
    # ...?", "Bot put ...", A1 s17 H106); what it can or will do, said of it ("The robot can put the red cube in the
    # bin.", "Robot can put ...?", "The arm will push ..."): a statement or a question of ability, no request ("Can the
    # robot put ...?" and "Robot, can you put ...?" ask: the polite frame is read before this)
    # (the arm "parked" or "homed" after a goal is its state, as "Arm homed." is: f19-021, f27-050)
    (rf"(?:^|[.!?;:]\s*|\b(?:oh|wow|look|ok|okay|well|so|hey|yes|yeah|see)\s*,?\s+)(?:(?:the|this|that|your|our) )?"
     rf"(?:robot arm|robot|arm|bot|machine|gripper)(?:'s| has| had)?(?: just| already| then| also| finally)? "
     rf"(?!parked|homed|returned|stowed){_MOTION}\b", "reports an action, it does not ask for one"),
    (rf"(?:^|[.!?;:]\s*|\b(?:and|so|but|then|oh|wow|look|ok|okay)\s*,?\s+)(?:(?:the|this|that|your|our) )?"
     rf"(?:robot arm|robot|arm|bot|machine)(?:'ll| can| could| will| would| may| might| is able to| is going to)"
     rf"(?: (?:just|easily|also|now|then|already|probably|definitely))? {_MOTION_BASE}\b",
     "says what the robot can or will do, it does not ask for it"),
    # ... or what "you" are doing, said back ("You are putting the red cube in the bin?", "So you're pushing ...",
    # A1 s17 H107): a progressive of the robot's act at a clause's start describes or asks, it does not order
    # (also after "now" / "see" / "well" / "right": "Now you are putting the red cube in the bin.", A1 s17 H107 residue)
    (rf"(?:^|[.!?;:]\s*|\b(?:and|so|but|oh|wow|look|ok|okay|now|see|well|right|hey)\s*,?\s+)"
     rf"(?:you|u|ya|ye)(?:'re| are| r)"
     rf"(?: (?:just|now|already|still|really|currently|actually))? (?:{_ACT_GERUND})\b",
     "says what the robot is doing, it does not ask for it"),
    # ... or narrated as it happens ("There goes the red cube into the bin.", "Down goes ...", "Up goes the red cube
    # onto the blue one.", "There, red in the bin.", A1 s17 H109): what is seen done
    (rf"(?:^|[.!?;:]\s*)(?:(?:and|so|oh|wow|look)\s*,?\s+)?(?:there|down|up|in|off|away|over|out|here)\s+"
     rf"(?:goes|go|went)\b|(?:^|[.!?;:]\s*)(?:(?:and|so|oh|well|look)\s*,?\s+)?there\s*[,!.:;\-–—]+\s*"
     rf"(?:(?:{_GOAL_NP})\s+(?:in|into|on|onto|atop)\b|(?:back )?home\b)",
     "narrates what is seen done, it does not ask for it"),
    # ... or a state found, remarked on: an interjection of surprise or dismay before a verbless goal ("Uh oh, red in
    # the bin.", "Oh look, red in the bin.", "Wow, red in the bin!", A1 s17 H120), or a verbless goal "again" ("Red
    # in the bin again!"): what is there, not what to do
    # (any interjection of a closed class, one or more: "Oh dear / Blimey / Jeez / Phew / Yay / Meh / Lol, red in the
    # bin.", "Oh, blimey, all the cubes in the bin.", A1 s17 H120 residue; "Finally, red in the bin." may be a
    # sequence's last step and "Okay, red in the bin." orders: neither is one)
    # (REV s23: any goal the H143 screen reads, "The leftmost cube on the pad again.")
    (rf"(?:^|[.!?;:]\s*)(?:(?:the\s+)?(?:{_COLOURS})\b(?:\s+(?:cube|block|one))?|(?={_GOAL_OPENS})[^.!?;]*?)"
     rf"\s+(?:in|into|on|onto|atop|inside)\s+(?:the\s+)?[a-z]+(?:\s+(?:cube|block|one|side))?\s+again\b",
     "remarks on a state found, it does not ask for it"),
    # ... and so does any verbless clause the parser would read as a goal after such an interjection, not only "<cube>
    # <place>": a tower by its roles, a list, an exclusion, home ("Blimey, red at the bottom, blue in the middle, green
    # on top.", "Yay, red and blue in the bin.", "Phew, home.", "Ha, red in the bin.", A1 s19 H143, which built the
    # tower in the simulator); a verb, "please" or a modal in the clause makes it a request again ("Wow, please put
    # ...", "Look, could you ...")
    # (P1 s20: the H120 rule's "<interjection>, <cube(s)> [is] in/on ..." folded in as the first branch, verbs or not
    # later in the sentence; REV s20 R1: a dash, ";" or ":" after the interjection, and goals opening on "every",
    # "each", "the cubes", "the lot", "back home", "in/into/onto ..." ("Wow, every cube in the bin.", "Phew, back
    # home.", "Wow - red at the bottom, ...", "Wow, into the bin with red."); "bin" after "in" / "into" / "to" is no
    # verb ("Blimey, red and blue in bin.")
    # (A1 s20 H153: also "from" ("Wow, from the bottom: red, blue, green."), an emoticon for the comma ("Wow :) red in
    # the bin."), "and" / "now" / "so" after the interjection, "well well", "woo"; REV s20 R1 residue: "the three
    # cubes", "the one on the left", "the leftmost cube", "bottom to top: ...", "back to home"; REV s21: "them all", an
    # indefinite cube ("a red cube"), "(back) at home", "the robot / arm (back) home")
    (rf"(?:^|[.!?;:]\s*){_ADDRESS_FIRST}(?:(?:{_DISMAY}|ha|there|so there|well,? well(?:,? well)?|woo+)"
     rf"\s*(?:[,!.…;:]|\s[\-–—]|\s*:-?[)(opd]+)+\s*)+(?:(?:and|now|so|then|well)\s*[,.]?\s+)*"
     rf"(?:(?:(?:a|the|this|that)\s+)?tower\s*:\s*)?{_EXCLUSION_FIRST}"
     rf"(?:(?={_GOAL_NP}(?:'s|'re|\s+is|\s+are)?\s+(?:in|into|on|onto|atop|inside)\b)|"
     rf"(?=(?:the\s+)?(?:{_COLOURS}|everything|all|both|home|every|each|cubes|blocks|bricks|(?:whole\s+)?lot|"
     rf"back\s+home|in|into|onto|"
     rf"inside|from|(?:two|three|four|five|six|[2-6])\s+(?:cubes|blocks)|one\s+(?:on|at|in)\s+the|leftmost|rightmost|"
     rf"(?:bottom|top)\s+to\s+(?:top|bottom)|back\s+to\s+home|them\s+all|an?\s+(?:{_COLOURS})|"
     rf"(?:back\s+)?at\s+home|(?:robot|arm)\s+(?:back\s+)?(?:at\s+)?home|"
     # (P1 s22, REV s22 R6/R11: a cube by its position before it or a place after it, "Wow, (the) top cube to the
     # bin.", "Wow, the middle one in the bin.", "Wow, the cube at the back / on the left in the bin."; a closed list of
     # position words: a French "Oh, le cube jaune, là, zou, ..." is no English goal, seen fd25-000)
     rf"(?:(?:middle|centre|center|front|back|rear|far|near|nearest|closest|furthest|farthest|left|right|leftmost|"
     rf"rightmost|top|topmost|uppermost|bottom|lowest|highest|first|last|second|third|other|remaining|lone|single|big|"
     rf"small|little)\s+)?(?:cube|cubes|block|blocks|brick|bricks|one|ones))\b){_NO_REQUEST_WORD})[^.!?;]*[a-z]",
     "remarks on a state found, it does not ask for it"),
    # (P1 s23, REV s22 low) ... or after it: a verbless goal closed by a yes, a laugh or a habit ("Red in the bin,
    # yes.", "Red in the bin, ha.", "Red in the bin, as usual."): agreement that it is so, a laugh at it, how it always
    # is, as the sixty other closings after a verbless goal ("apparently", "I saw", "oops") are refused; after a verb or
    # "please" it closes a request ("Put the red cube in the bin, yes.", "Red in the bin please, as usual.", "The green
    # cube needs to go in the bin, whenever ur ready, no rush lol", test_planner_fresh9_words), and the
    # only seen golds of the closing have a verb ("Every single block goes into the trash can, all of them, yes!",
    # fi31-025)
    # (REV s23 R2: any goal the H143 screen reads, "The cube on the left in the bin, yes."; the closing as a sentence
    # of its own, "Red in the bin. Ha."; an emoticon after it, "Red in the bin, yes :)")
    # (never after a colon: "Let's build it from the top down: green crowns the tower, ... Yes." builds, fi55-039; the
    # tower's closers are towers.py's)
    (rf"{_VERBLESS_GOAL_FIRST}[^.!?;]*?[a-z]\s*[,;.!\-–—]\s*(?:as usual|as per usual|as ever|yes|yeah|yep|yup|ha|"
     rf"hah|ha(?:ha)+|he(?:he)+|"
     rf"lol|lmao)\s*[.!]*(?:\s*[:;]-?[)(dpD]+)*\s*$",
     "remarks on a state (a yes, a laugh or 'as usual' after no verb), it does not ask for it"),
    # (P1 s24, REV s23 medium) ... and "again" / "once more" closing a verbless goal with a comma or none, to a place
    # too ("Red on the pad, again!", "The leftmost cube on the pad, again!", "Red to the left again.", "Everything in
    # the bin once more."): found there again, or asked to be again, no seen gold says which; "Red on the pad again."
    # is refused above (a state found). An order keeps it ("Put red on the pad again.", "Red on the pad again,
    # please." is refused above as before)
    (rf"{_VERBLESS_GOAL_FIRST}[^.!?;]*?[a-z]\s*(?:[,;\-–—]\s*)?(?:again|once more|once again|yet again)\s*[.!]*"
     rf"(?:\s*[:;]-?[)(dpD]+)*\s*$", "remarks on a state found again, it does not ask for it"),
    # (P1 s20, A1 s17/s19 H144) an interjection of surprise or pointing ("Oh", "Ah", "Look", "There", "Wow", "Ah,
    # now") before the declarative "you put ..." remarks on what was done: "Oh, you put the red cube in the bin." (a
    # bare "You put the red cube in the bin." and "Okay, you put ..." still order, as the seen golds read them)
    (rf"^(?:(?:{_DISMAY}|there|so there|now)\s*(?:[,!.…;:]|\s[\-–—])+\s*)+(?:you|ye|u|ya)\s+{_MOTION}\b",
     "remarks on what the robot did, it does not ask for it"),
    # (P1 s20) a hedge before the radio's closing "Over." ("Red cube in the bin, I think. Over."): the hedge is the
    # request's last word, as without the closing (a guess)
    (r",?\s*\b(?:i think|i guess|i suppose|i believe|i reckon|maybe|probably|perhaps)\s*[.!]+\s*"
     r"(?:over(?: and out)?|out|roger)\s*[.!]*\s*$", "ends on a hedge: a guess, not a request"),
    # (P1 s20, A1 s17 H137) what a robot, an arm or robots in general would or could do, asked ("Would a robot put the
    # red cube in the bin?", "Could an arm ...?", "Er, would a robot ...?"): a question about robots, no request
    (r"(?:^|[.!?;,]\s*)(?:(?:er+m?|um+|so|well|hey|and)\s*,?\s+)*(?:would|could|can|will|might|does|do|should) "
     r"(?:a|an|any|one|the average|your average|some) (?:robot|arm|robot arm|machine|bot)s?\b|"
     r"(?:^|[.!?;,]\s*)(?:(?:er+m?|um+|so|well|hey|and)\s*,?\s+)*(?:would|could|can|will|might|do|should) "
     r"(?:robots|arms|machines|bots)\b",
     "asks what a robot in general would do, it does not ask this robot"),
    # (P1 s20, A1 s17 H137) a request CLOSED by a time that "it" names and no plan can check ("Put the red cube in the
    # bin when it's done.", "... once it's finished.", "... after it is ready."): waiting on what? ("..., and once that
    # is done put ..." orders the steps, seen golds; "when you're done" / "when you're ready" are the robot's own time)
    (r"\b(?:when|once|after|as soon as|until|whenever) (?:it|they)(?:'s|'re| is| are| has| have)?"
     r"(?: been| all| completely| fully)? (?:done|finished|ready|over|complete|completed|dry|cool|cooled|free|clear|"
     r"empty|settled|stopped|charged|loaded|set)\s*[.!]*\s*$",
     "waits on a time the words do not say, which no plan can check"),
    # what the robot has just done, said back to it ("Wow, you just put the red cube in the bin.", "Och, ye jist pit
    # the red yin in the bin. That's you done.", REV s12 R1); "could you just put ..." asks
    (rf"(?:^|[.!?;,]\s*|\b(?:wow|hey|look|oh|so|and|but|see|och|aye)\s*,?\s+)(?:you|ye|u)(?:'ve| have)?\s+"
     rf"(?:just|already|jist)\s+{_MOTION}\b", "reports what the robot did, it does not ask for it"),
    # ... or "just now" after it (a moment ago: "You put the red cube in the bin just now.", "You just now put ...",
    # A1 s13 H48)
    (rf"\b(?:you|ye|u|ya)\s+(?:just now\s+{_MOTION}\b|{_MOTION}\b[^.!?;]*\bjust now\b)",
     "reports what the robot did, it does not ask for it"),
    # ... or "just now" with "put" or "set" and no subject, where the sentence asks back ("Put the red cube in the bin
    # just now, né?": register.py keeps "just now" only there) or opens on it ("Just now put the red cube in the bin."):
    # the same past as "You put ... just now" (A1 s13 H48 residue); "Pop it in the bin just now, né?" asks (SA "soon")
    # (behind any opener a comma closes: "Right, / Sir, / Prithee, put ... just now, né?", A1 s14 H64; "please put ...
    # just now, né?" keeps its request: register.py drops "just now" there)
    (r"(?:^|[.!?;,:]\s*)(?:(?:ja|ok|okay|so|and|then|listen|hey|howzit|right|um+|uh+|now|well|oh)\s*,?\s*)*"
     r"(?:put|set)\b[^.!?;]*\bjust now\b|"
     r"(?:^|[.!?;,]\s*)just now\s*,?\s+(?:put|set)\b", "reports what the robot did, it does not ask for it"),
    # ... or said in a regular or irregular past no request uses, opening a clause ("You relocated the green cube to the
    # left region.", P3 s14; "Wow, you shifted ..."); "the one you moved" names a cube, "after you've moved ..." orders
    (r"(?:^|[.!?;,:]\s*|\b(?:wow|hey|look|oh|so|and|but|see|well|yes|yeah|ok|okay|then|now)\s*,?\s+)(?:you|ye|u|ya)\s+"
     r"(?:(?:just|already|then|also|really|actually|finally|successfully|carefully)\s+)*(?:relocated|transferred|"
     r"shifted|carried|lifted|deposited|positioned|conveyed|transported|stuck|popped|plonked|shoved|nudged|slid|brought|"
     r"took|threw|moved|placed|stacked|dropped|pushed|binned|trashed|dumped|ditched|tossed|chucked|discarded|grabbed|"
     r"picked|parked|returned|went|disposed|scrapped|junked|sent|built|rebuilt|homed|assembled|constructed)\b",
     "reports what the robot did, it does not ask for it"),
    # ... or said with no subject, a past opening a sentence ("Built a tower with red on top of blue.", "Homed.",
    # "Homed the arm.", "Okay, binned the red cube.", A1 s16 H105): no request opens on a past; "Arm homed." (a state,
    # seen convention) and "the one you stacked" open on no such past
    (r"(?:^|[.!?;:]\s*)(?:(?:ok|okay|alright|so|and|then|wow|look|yes|yeah|yep|well|oh|done|there|right)\s*[,.!]?\s*)*"
     r"(?:(?:just|already|finally|successfully)\s+)?(?:built|rebuilt|homed|binned|stacked|parked|pushed|placed|"
     r"dropped|threw|tossed|chucked|trashed|dumped|shoved|nudged|lifted|moved|assembled|constructed)\b",
     "reports what the robot did, it does not ask for it"),
    # ... or in the Hiberno-English "after" perfect ("You're after putting the red cube in the bin, go home now." = you
    # have just put it; "You're just after binning ...", "We're after ...", A1 s16 H100): a report of a done act, and
    # the whole instruction is refused rather than the act run again ("After putting ..., go home." orders)
    (r"\b(?:you|ye|u|ya|we|he|she|they|it|i)(?:'re|'s|'m| are| is| am| was| were| r)\s+"
     r"(?:(?:just|only|only just|already|now)\s+)?after\s+[a-z]+ing\b",
     "reports what was just done (\"you're after doing\" = you have just done it), it does not ask for it"),
    # ... or said with a causative past ("You let the red cube go into the bin.", "You made / had / got the red one
    # drop into the bin", A1 s15) or with any regular past in -ed before the cube it moved ("You raised the red cube
    # and put it in the bin.", "You hoisted / tipped / lowered the red one ..."): what was done, not an order; "could
    # you let ...", "you can let ...", "the one you moved" and "you need ..." are no such clause
    (rf"(?:^|[.!?;,:]\s*|\b(?:wow|hey|look|oh|so|and|but|see|well|yes|yeah|ok|okay|then|now|yesterday|earlier|today)"
     r"\s*,?\s+)(?:you|ye|u|ya)\s+(?:(?:just|already|then|also|really|actually|finally|successfully|carefully|gently|"
     rf"nicely|kindly)\s+)*(?:(?:let|made|had|got|allowed|helped)\s+(?:the|that|this|it|them|those|these|both|all|"
     rf"every|each|{_COLOURS})\b[^.!?;]*?\b(?:to\s+)?(?:go|drop|fall|slide|travel|land|sink|drift|glide|move|roll|"
     rf"tumble|end up|rest|sit|settle|be|come)\b|(?!\w*eed\b)[a-z]{{2,}}ed\s+(?:(?:the|that|this|those|these|both|"
     rf"all|every|each)\s+)?(?:(?:{_COLOURS})\b|(?:cube|block|one|brick)s?\b|(?:it|them)\s+(?:up|down|off|over|and|"
     r"into|onto|in|on|to|back)\b))",
     "reports what the robot did, it does not ask for it"),
    # ... or "you put / you set" (the same past as the imperative) followed by praise of it done ("You put the red cube
    # in the bin. Good work!", "..., you're a star.", REV s14 R10)
    (r"(?:^|[.!?;,:]\s*|\b(?:wow|hey|look|oh|so|and|but|see|well|yes|yeah|ok|okay)\s*,?\s+)(?:you|ye|u|ya)\s+"
     r"(?:put|set)\b.*?[,;.!?]\s*(?:(?:and|oh|wow|so)\s*,?\s*)?(?:good|great|nice|excellent|brilliant|perfect|"
     r"awesome|fantastic|lovely|superb) (?:work|job|one|robot|bot|boy|girl|stuff|effort)\b|"
     r"(?:^|[.!?;,:]\s*)(?:you|ye|u|ya)\s+(?:put|set)\b.*?[,;.!?]\s*(?:well done|you(?:'re| are) (?:a|the) (?:star|"
     r"legend|gem|champ|best)|that'?s it(?! for)|that'?s (?:the|a) (?:way|spot)|bravo|nailed it|good on (?:you|ya))\b",
     "praises what the robot did, it does not ask for it again"),
    # ... or closed by more praise, a laugh or a call for the next job, the whole rest of the text ("You put the red
    # cube in the bin. Keep up the good work.", "... Lol!", "... Next!", REV s14 R10 residue): said of a job done. A
    # closing of thanks alone keeps the learner's order ("You put the red cube in the bin, thanks."); "next" opening
    # more words is the learner's next step ("First you put ..., next you put ...")
    # (any verb a "you" statement uses, A1 17:37: "You pop / move / stack ... Keep up the good work.")
    (rf"(?:^|[.!?;,:]\s*|\b(?:wow|hey|look|oh|so|and|but|see|well|yes|yeah|ok|okay)\s*,?\s+)(?:you|ye|u|ya)\s+"
     rf"(?:(?:just|already|then|also|really|actually)\s+)*(?:{_MOTION_BASE}|{'|'.join(sorted(lx.MOTION_VERBS))}|pop|"
     r"bring|go|return|park|stick|plonk|bung|shove|lob|sling|plop|shift|slide|nudge|deposit|relocate|transfer|dump|"
     rf"ditch|chuck|toss|stow)\b[^.!?;]*?(?:[,;.!?]\s*|\s+(?=(?:{_DONE_CLOSER})(?:\W|$)))"
     rf"(?:(?:and|oh|wow|so|thanks|thank you|ta|cheers)\s*[,;.!]*\s*)*(?:{_DONE_CLOSER})(?!\w)"
     rf"(?:\s*[,;.!]+\s*(?:{_DONE_CLOSER}|thanks|thank you|ta|cheers)(?!\w))*"
     r"[\s,;.!]*$",
     "remarks on what the robot did, it does not ask for it again"),
    # ... or "again" after it, not asked by a modal ("Howzit! You put the red cube in the bin again.", A1 s13 H48/H49)
    (rf"(?<!\bcould )(?<!\bcan )(?<!\bwould )(?<!\bwill )(?<!\bmight )\b(?:you|ye|u|ya)\s+{_MOTION}\b[^.!?;]*\bagain\b",
     "reports what the robot did, it does not ask for it"),
    # ... or "again" before it ("Once again, you put the red cube in the bin.", A1 s13 H48 residue)
    (rf"\b(?:once )?again\s*,?\s+(?:you|ye|u|ya)\s+{_MOTION}\b", "reports what the robot did, it does not ask for it"),
    (rf"\b(?:i|we)(?:'m| am|'re| are| will|'ll| shall| want to| would like to|'d like to| need to| have to| "
     rf"going to| am going to| plan to| intend to)(?: going to| gonna)? (?:go ahead and )?{_MOTION_BASE}\b",
     "names what the speaker will do"),
    (rf"\blet me {_MOTION_BASE}\b", "names what the speaker will do"),
    # the speaker or someone else going home ("Put the red cube in the bin before I head on home.", "... after I go
    # home", "Once we head home, ...", A1 s16 H99): where they go, no step of the robot's ("..., then head on home",
    # "before you go home" stay the robot's)
    # "could we go home?" after "Can we put ...?" is the inclusive request frame (test_planner_s9_shapes), not the
    # speaker leaving: a modal asking before "we" keeps it the robot's step
    (r"\b(?:i|(?<!\bcould )(?<!\bcan )(?<!\bshall )(?<!\bwould )(?<!\bwill )(?<!\bshould )we|he|she|they|someone|"
     r"somebody|everyone|everybody|the boss|my \w+|our \w+)(?:'ll| will|'m| am|'re| are|"
     r" shall| can| must| have to| need to| want to)?(?: going to| gonna)?(?: just| then| finally| all)? (?:go|goes|"
     r"went|head|heads|headed|get|gets|got|return|returns|returned|leave|leaves|going|heading|getting)"
     r"(?: on| back| off)? home\b", "names where someone else goes, not a step of the robot's"),
    # leave to go home asked back or hedged ("You can go home?", "You may return home, I think.", as "The arm is to
    # return home?" / "..., I think." are, A1 s14 H60): whether it may, not that it should; "You can go home now."
    # dismisses (seen golds)
    (r"(?:^|[.!?;,:]\s*)(?:(?:and|then|so|ok|okay|well|now)\s*,?\s+)*(?:you|u|ya|ye) (?:can|may|could)"
     r"(?: (?:now|just|then|also|probably|maybe))* (?:go|return|head|retire|withdraw|get)\b[^.;!?]*?(?:\?|"
     r"\b(?:i think|i guess|i suppose|i believe|i reckon|i assume|i imagine|i'?d say|i'?m thinking|maybe|probably|"
     r"perhaps)\b)", "asks or guesses whether it may go, it does not tell it to"),
    # an obligation asked back ("You have to put the red cube in the bin?", "You should put ...?", "I need you to put
    # ...?", A1 s16 H94): whether it must be done, no request
    (r"(?:^|[.!?;,]\s*)(?:(?:so|and|then|ok|okay|now|wait)\s*,?\s+)*(?:(?:you|u|ya|ye) (?:really |still |also )?"
     r"(?:have to|must|need to|should|ought to|'ve got to|have got to|gotta|got to)|i (?:really |still |also )?"
     r"(?:need|want) (?:you|u|ya) to|"
     # (P1 s19, A1 H149: the service script's frames asked back, "I'll need you to put ...?", "I'm required to ask
     # you to put ..., yeah?")
     r"(?:i'?ll|i will|we'?ll|we will)(?: (?:now|just|also|first|then))? need (?:you|u|ya) to|"
     r"(?:i'?m|i am|we'?re|we are) (?:required|obliged|supposed|meant|asked) to (?:ask|request|tell) (?:you|u|ya) to)"
     r"\b(?:[^.!?…]|\.{2,}|…)*\?",
     "asks whether it must be done, it does not request it"),
    # a hedge asked back after the request ("Put the red cube in the bin, I think?", A1 s15 H70): unsure whether
    (r"[,;]?\s*\b(?:i think|i guess|i suppose|i believe|i reckon|i assume|i imagine|i'?d say|i'?d guess|maybe|perhaps|"
     r"probably)\s*\?[?!]*\s*$",
     "asks whether it should be done, it does not request it"),
    # a question answered by a checklist's or a radio's closing ("Red cube in the bin? Set.", "Put the red cube in the
    # bin? Confirm.", A1 s15 H88): asked, then said to be done or confirmed, no order
    (r"\?\s*(?:(?:and|ok|okay)\s*,?\s*)?(?:set|check|checked|confirm|confirmed|checklist complete|roger|wilco|out|"
     r"over and out|easy|done|affirmative)\s*[.!]*\s*$", "asks, then says it is done or confirmed: no order"),
    # a telegraphic "<thing>, <place>" asked back or hedged ("Arm, home position?", "Red cube, bin, yeah?", "Arm,
    # home position, I think.", A1 s15 H79, old), or the arm said to be at home ("Arm in home position."): whether it
    # is so, no order
    (rf"(?:^|[.!?;:]\s*)(?:the )?(?:arm|robot|(?:{_COLOURS})(?: cube| block| one)?)\s*,\s*(?:the )?"
     r"(?:home(?: position)?|"
     r"bin|pad|landing pad|left(?: side)?|right(?: side)?)\b[^.!;]*?(?:\?|\b(?:i think|i guess|i suppose|i believe|"
     r"maybe|probably|perhaps)\b)", "asks whether it is so, it does not request it"),
    # a status line: a cube, a colon, then where it is ("Red cube: on the pad.", "Blue: in the bin.", A1 s17 H123: the
    # model planned it): a state, as a checklist says it; "Red cube: bin." and "Blue cube: to the pad." send it there
    # (A1 s18 H139, the model planned them: any other words after the colon are a status too, "Red cube: back in the
    # bin.", "Red cube: moving / put / could go into the bin.", "Red cube: into the bin, OK.": only the bare place,
    # with or without a direction, orders, as the parser reads it)
    # "Green cube: hands off." is a constraint beside the order, not a status (the s8 pins read it so)
    # (P1 s19, REV s18 R8: an order after the label, its verb first and its own object pronoun, is no status: "Red
    # cube: put it in the bin.", "Blue: move it to the pad, please."; "Red cube: you put it ...", "Red cube: don't put
    # it ...", "Red cube: put into the bin." (no object: a participle) stay status lines)
    # (P1 s19, A1 s18 H139 residue: a speaker's or a list's label before the status line is still one: "A: red cube:
    # into the bin.", "You: red cube: into the bin.", "Step 2: red cube: on the pad." -- the model planned them)
    (rf"(?:^|[.!?;]\s*)(?:[a-z]+(?:\s+\d+)?\s*:\s*)?(?:{_GOAL_NP})\s*:\s*(?!hands off\b)"
     rf"(?!{_LABEL_ORDER})"
     r"(?!(?:(?:to|into|onto)\s+)?(?:the\s+)?(?:bin|trash|pad)"
     r"(?:\s*[.!]+)?\s*(?:$|(?<=[.!])\s|;|,?\s*then\b))[a-z]", "states where a cube is, as a status line: no order"),
    # (P1 s20, A1 s19 H148: the model planned them) ... and after a label of any word, even the bare place is a status
    # line: two labels in a row are a log's or a checklist's entry ("Result: red cube: bin.", "Step 2: red cube: pad.",
    # "Robot: red cube: bin."); one label ("Red cube: bin.", "Robot: home.") still orders
    (rf"(?:^|[.!?;]\s*)[a-z]+(?:\s+\d+)?\s*:\s*(?:{_GOAL_NP})\s*:\s*(?!hands off\b)(?!{_LABEL_ORDER})[a-z]",
     "states where a cube is, as a status line: no order"),
    # (P1 s20, A1 s19 H148) a report's head ("Result", "Outcome", "Status", "Update", "Summary", "Log" ...) before a
    # verbless goal says what was found ("Result, red in the bin.", "Outcome: red and blue on the pad.", "Status:
    # everything in the bin."), as an interjection does (H143 below); a verb, "please" or a modal makes it a request.
    # A final or end state is the goal's ("Final state: the red cube is on the blue cube ...", the s10 convention,
    # seen golds "End state: ...", "Desired end state: ..."): it plans
    (rf"(?:^|[.!?;]\s*)(?!(?:the\s+)?(?:final|end)\s+state\b)"
     rf"(?:(?:the|final|end|current|latest|quick|test|run|my)\s+)*{_REPORT_HEAD}"
     # its mark: a comma, colon or dash; a full stop, "!", ";" or "..." (REV s20 R3: "Result. Red in the bin."); none
     # after a head that is no verb ("Result red in the bin.")
     rf"(?:\s*[,:\-–—.!;…]+\s*|(?<!update)(?<!log)(?<!report)(?<!output)(?<!state)\s+)"
     rf"(?:(?:the\s+)?(?:{_COLOURS})(?:\s+(?:cube|block|one))?\s*:\s*)?"
     rf"(?=(?:the\s+)?(?:{_COLOURS}|everything|all|both|home|(?:top|topmost|uppermost|bottom)\s+(?:cube|block|one))\b)"
     rf"{_NO_REQUEST_WORD}[^.!?;]*[a-z]",
     "reports a state found, it does not ask for it"),
    # (P1 s22, REV s22 R4) a label naming the state things start from ("Initial state: red in the bin.", "Starting
    # position: home.", "Setup: red in the bin, blue on the pad."), or a note for information ("FYI: red in the bin.",
    # "Heads up: everything in the bin."), before a verbless goal: how the scene is, no order ("FYI: put ..." still
    # orders, phrasing's label rule, f14-000's family)
    (rf"(?:^|[.!?;]\s*){_ADDRESS_FIRST}(?:the\s+|my\s+|our\s+)?(?:(?:initial|start|starting|original|previous|old|"
     rf"current|present|"
     rf"beginning)\s+(?:state|states|position|positions|pose|configuration|layout|set-?up|arrangement|scene|situation)|"
     rf"set-?up|initial|start|starting|"
     # (REV s22 R4 residue: "Quick heads up: / Friendly heads up: / Quick FYI: ...")
     # (P1 s23: a note is the same class, "Note: / Side note: / Quick note: everything in the bin."; the seen golds
     # put a note only before an order: "Shift note: ..., chuck it in the bin." f14-000, "Safety note: ... Push ..."
     # f25-031)
     rf"(?:(?:just |a |one )?(?:quick|small|little|friendly|brief|short|general|side|shift|safety|handover|final)"
     rf"\s+)?(?:fyi|f\.y\.i\.?|for your information|heads[- ]up|notes?|memo))\s*[,:\-–—.!;…]+\s*"
     rf"{_EXCLUSION_FIRST}(?={_GOAL_OPENS})(?:{_NO_REQUEST_WORD}|{_NO_ORDER_WORD})[^.!?;]*[a-z]",
     "says how the scene is (a start state or a note), it does not ask for it"),
    (r"(?:^|[.!?;:]\s*)(?:the |my |your )?(?:arm|robot)(?: is|'s)? (?:in|at) (?:the |its |your )?(?:home|rest|resting)"
     r"(?: position| pose)?\s*[.!]*\s*$", "states where the arm is, it does not ask it to move"),
    # a goal said in the passive, then hedged ("The cube positioned nearest the robot must be deposited in the bin, I
    # think.", A1 s14 H68): a guess, as the same said of a named cube is
    (r"\b(?:must|shall|should|is to|are to|has to|have to|needs to|need to|ought to)(?: \w+)? be [a-z]+(?:ed|put|set)\b"
     r"[^.;!?]*?,?\s*\b(?:i think|i guess|i suppose|i believe|i reckon|i assume|i imagine|i'?d say|i'?m thinking|maybe|"
     r"probably|perhaps)\s*[.!]*\s*$", "says where a cube goes as a guess, not as a request"),
    # what would be ("Red would go in the bin.", A1 s14 H61): a supposition, no request
    # (of a cube only: "it would be nice to have ...", dev_words_s5-084, and "it would be great if ..." ask)
    (rf"(?:^|[.!?;,]\s*)(?:the )?(?:{_COLOURS})(?: cube| block| one)? would (?:go|sit|end up|belong)\b",
     "says what would be, it does not ask for it"),
    # ... or what the arm, "you", "it", the speaker or a cube would, could or might do, the subject opening its clause
    # ("The arm would return home.", "The robot could go home.", "Then you'd put the red cube in the bin.", "It
    # would go home.", REV s14 / A1 s14 H61 residue): a supposition or a description, no order. The subject opens no
    # clause in "if you would/could ...", "I wonder whether you could ...", "same as you'd stack bales" (seen golds:
    # they ask or compare); "would you ...?" / "could it ...?" ask; "you can go home now" dismisses (seen golds), and
    # so does "then you could/might ..." after a request (phrasing.py reads it as "then")
    (rf"(?:^|[.!?;,:]\s*|\b(?:and|but|or|so|after which|whereupon|before|after|once|when|until)\s+)"
     rf"(?:(?:and|then|so|but|now|ok|okay|well|oh|finally|next|after that|"
     rf"afterwards)\s*,?\s+)*(?!(?<=\bthen )(?:you|u|ye|ya) (?:could|might)\b)"
     rf"(?:(?:the |your |this |that )?(?:arm|robot|manipulator|gripper|machine|bot)|you|ye|u|ya|it|he|she|they|we|i|"
     rf"this|that|(?:the )?(?:{_COLOURS})(?: cube| block| one)?)(?:'d| would| could| might)(?:n't| not)?"
     rf"(?: (?:then|also|just|probably|maybe|simply|now|next|finally|first|quickly|gently|carefully|happily))*"
     rf" (?:{_MOTION_BASE}|{'|'.join(sorted(lx.MOTION_VERBS))}|go|return|head|come|end up|sit|belong|pop|stick|bring|"
     r"send|shift|plonk|bung|shove|lob|sling|plop|slide|nudge|deposit|relocate|transfer|stash|drive|travel|retreat|"
     r"retire|rest|park|tidy|clear|build|make|home|land|balance|perch|settle|stand|lay)\b",
     "says what would or could be, it does not ask for it"),
    # leave asked for the speaker to act ("Can I move the blue cube to the right?", A1 s14 H55); "can we put ...?" is a
    # teacher's request to the robot (f23-046) and "could I ask you to ..." asks the robot
    # (any few words between but "you": "Can I pls stack ...", "Could I kindly move ...", A1 s14 H55 residue)
    (rf"\b(?:can|could|may|might|shall|should) i(?: (?!you\b)[a-z']+){{0,3}}? (?:{_MOTION_BASE}|pop|stick|shift|lift|"
     rf"slide|toss|nudge|shove|tip|deposit|relocate|transfer|plonk)\b",
     "asks leave for the speaker to act, not for the robot"),
    # what the speaker was told or asked to do ("I was told to put the red cube in the bin.", A1 s14 H54), as "he told
    # me to ..." is; "I was asked to have the orange one put in the bin" (dev_words_s5-056) passes the task on
    (r"\b(?:i|we)(?:'ve| have| had)? (?:was|were|been|got|get|am|are|'m|'re) (?:told|asked|instructed|ordered|"
     r"supposed|meant|expected|required) to\b(?! have\b)(?! (?:ask|request|tell) (?:you|u) to\b)",
     "reports what the speaker was told to do, not a request to the robot"),
    (rf"\bi (?:can|could|should|must|might|may)(?: just| also| then| probably)? {_MOTION_BASE}\b",
     "names what the speaker can or should do"),  # A1 session 7, F12 ("could I put ..." asks leave: a question)
    (rf"\b(?:before|after|once|when|while|until|as soon as) (?:i|we|he|she|they|someone|somebody|my \w+)"
     rf"(?:'ve|'ll| have| will)? (?:\w+ )?{_MOTION}\b", "names what someone else will do"),
    # (P1 s19, A1 s18 H139 residue: the model planned it) a speaker's label opening the text, a letter or a person
    # ("A: red cube: into the bin.", "You: red cube: into the bin.", "Me: put the red cube in the bin.", "User: ...",
    # "Q: ..."): a transcript of what someone said, not said to the robot; "Robot: ..." / "Arm: ..." address it
    (r"^(?:[a-z]|you|me|i|we|user|operator|speaker|person|human|him|her|he|she|they|them|someone|somebody|tech|"
     r"technician|customer|student|teacher|boss|client|caller)\s*:\s*\S",
     "is labelled with who said it, a transcript, not a request to the robot"),
    # (P1 s19, A1 s18 H140: the model binned both) a verbless sentence naming two or more cubes, then "it" in the next
    # sentence ("The red cube and the blue cube. Put it in the bin.", "The red cube, the blue cube. Bin it.", "Red and
    # blue. Put it on the pad."): "it" is one cube and which one is unclear; "them" / "both" name them all (read on)
    # (P1 s20, A1 s19 H140w: the model binned both) also after a comma or a dash, and "this" / "that" ("The red cube
    # and the blue cube, put it in the bin.", "The red cube and the blue cube. Put this in the bin.")
    (rf"(?:^|[.!?;]\s*)(?:(?:ok|okay|so|right|now|and)\s*,?\s*)*(?:the\s+)?(?:{_COLOURS})(?:\s+(?:cube|block|one))?"
     rf"(?:\s*(?:,|and|,\s*and|&)\s*(?:the\s+)?(?:{_COLOURS})(?:\s+(?:cube|block|one))?)+"
     r"(?:\s+(?:cubes|blocks|ones))?\s*(?:[.!;:,]|\s[\-–—])+\s*(?:[a-z]+\s+){0,4}?(?:it|that|this)\b",
     "names several cubes, then 'it': which one it means is unclear"),
    # A programmer's "not" glued to a word ("Red cube !bin", "Put the red cube !in the bin.", "red != bin", "Red cube
    # -bin", "~red", A1 s20 H155): read as punctuation, the word it negates would run (no seen record writes so)
    # (glued: a French "Bonjour ! Est-ce que ..." spaces its "!" as punctuation)
    (r"(?:^|[\s(,:;])[!~][a-z]|!=|[a-z]![a-z]|(?<=[a-z0-9,)]) +-(?=[a-z])",
     "marks a word with a programmer's 'not' ('!', '-', '~')"),
    # A label that makes what follows a supposition, an example or a fallback, not a request for now ("Scenario: put
    # ...", "Plan B: put ...", "Example: ...", "Worst case: ...", A1 s20 H154); a task's label ("Task: / Exercise: /
    # Drill: put ...") still asks (phrasing._LABEL_NOUNS)
    (r"(?:^|[.!?;]\s*)(?:(?:a|an|the|one|another|my|our|your|possible|hypothetical|test|sample|practice|imaginary|"
     r"alternative|backup|fallback)\s+)*(?:scenarios?|hypotheticals?|hypothetically|examples?|e\.g\.|for (?:example|"
     r"instance)|plan (?:b|c|d|two|three|2|3)|contingency(?: plan)?|fallback(?: plan)?|backup(?: plan)?|worst case|"
     r"best case|what[- ]if|imagine|suppose|"
     # (P1 s22, REV s22 R4: a guess, "Could be: red on blue.", "Would be: ...")
     r"(?:could|would|might|may) be)"
     r"(?:\s*#?\s*\d{1,3}|\s+(?:one|two|three|[a-d]))?\s*[:\-–—]",
     "frames what follows as a supposition, an example or a fallback"),
    # (P1 s21, A1 s21 H171) a first-person hedge softens an ORDER only (H159's convention): set off before a verbless
    # goal, a state or "you <verb>" ("I reckon, the red cube in the bin.", "I think, red in the bin.", "I'd say, you put
    # the red cube in the bin."), or closing "you <verb> ..." ("You put the red cube in the bin, I reckon."), it says
    # what the speaker believes is so or was done
    (rf"(?:^|[.!?;]\s*)(?:(?:so|and|well|um+|uh+|er+m?|ok|okay|oh|hmm+)\s*,?\s+)*{_FIRST_PERSON_HEDGE}"
     # (P1 s22: also a sentence of its own, "I think. Red in the bin.")
     rf"\s*(?:[,;:.!…]|\s[-–—])+\s*(?!(?:(?:please|just|now|then|so|and|first|ok|okay)\s*,?\s+)*"
     rf"(?:{_MOTION_BASE}|stick|pop|bin|chuck|toss|stack|go|return|head|can|could|would|will|let)\b"
     # (... or thanks closing the words: "Put the red cube in the bin. I think. Thanks.")
     rf"|(?:thanks|thank you|cheers|ta|sorry)\s*[.!]*\s*$)[a-z]",
     "hedges a belief about a state or an act, not an order"),
    # (P1 s22, REV s22 R2) a first-person hedge set off before an order asked back ("I'd say, put the red cube in the
    # bin?"): unsure whether, as "..., I think?" is; a polite "could you ...?" after the hedge asks as always, and "I
    # think the purple cube belongs in the bin, could you ...?" (seen phrasing-067) sets nothing off
    (rf"(?:^|[.!?;]\s*)(?:(?:so|and|well|um+|uh+|er+m?|ok|okay|oh|hmm+)\s*,?\s+)*{_FIRST_PERSON_HEDGE}"
     rf"\s*(?:(?:[,;:.!…]|\s[-–—])\s*)+(?=[a-z])(?!(?:please\s+)?(?:can|could|would|will)\s+(?:you|u|ya|ye|"
     rf"it|the robot|the arm)\b)[^.!?;]*\?",
     "asks whether it should be done, it does not request it"),
    (rf"(?:^|[.!?;]\s*)(?:(?:so|and|oh|ok|okay|well)\s*,?\s+)*(?:you|u|ya|ye)\s+(?!(?:can|could|would|will|may|might|"
     rf"should|must)\b)[a-z]+\b[^.!?;]*?,?\s*\b{_FIRST_PERSON_HEDGE}\s*[.!]*\s*$",
     "hedges a belief about what was done, not an order"),
    # Quotes: the words are mentioned, not used.
    (r"[\"“”«»]|(?:^|\s)'[a-z][^']*[a-z]'(?=\s|$|[.,;!?])", "quotes words instead of asking"),
)
_RULES_RE = tuple((re.compile(p), why) for p, why in _RULES)

# Statements of what is, was, or can/will/may be: a noun phrase, then a copula and a place or a participle
# ("red is in the bin", "red has been placed on the pad"), or a modal of possibility before a passive ("red can be
# binned"); "red goes in the bin" and "red needs to/should/must be binned" are wishes the parser reads.
_ADVERB = r"(?:\s+(?:already|still|now|currently|usually|also|just|safely|probably|then))?"
_PARTICIPLES = r"(?!(?:red|need|bed|shed|speed)\b)\w+ed|put|set|thrown|done|gone|stacked|binned"  # not "it's red"
_PARTICIPLE = rf"(?:{_PARTICIPLES})"
_STATE_RE = re.compile(
    _NP_START + _ADVERB + r"(?:(?:'s|'re|\s+(?:is|are|was|were|has been|have been|had been|went|usually goes|"
    r"usually go|always goes|always go))" + _ADVERB + r"\s+(?!(?:in|at) the (?:middle|bottom|top|base)\b)"
    r"(?!in (?:my|the|your|our) way\b)"
    r"(?:in|on|inside|into|onto|at|atop|off|next|beside|under|near|out|over|left|right|" + _PARTICIPLES +
    r")|\s+(?:can|could|will|may|might|'ll)" + _ADVERB +
    r"\s+(?:be|get)" + _ADVERB + r"\s+" + _PARTICIPLE + r")\b")
_MODAL = re.compile(r"\b(?:can|could|will|may|might)\b|'ll\b")
# A fault of a cube said before it is thrown away ("The yellow cube is chipped, please dispose of it.", P1 s22 dev
# fi64-069; phrasing reads it as "the red cube's got a chipped corner, chuck it in the bin", f14-000): no state the
# request is about, only where the very next words dispose of "it" (a closed list of faults and of disposals)
_FAULT_THEN_DISPOSAL = re.compile(
    rf"(?:^|[.!?;]\s*)(?:(?:the|that|this) )?(?:{_COLOURS}) (?:cube|block|brick|one)(?:'s| is| has been| got)"
    r"(?: (?:a bit|a little|badly|all|totally|really|so|just))? (?:chipped|cracked|broken|damaged|dented|scratched|"
    r"faulty|defective|contaminated|dirty|filthy|worn|ruined|bent|sticky|"
    # (P1 s23, dev fi68-000/fi67-060/fi68-058/fi68-032, register's junk verdicts)
    r"deprecated|obsolete|surplus to requirements|surplus|spoilt|spoiled|had its (?:fifteen|15) minutes(?: of fame)?)"
    r"(?:\s*,\s*(?:we|i) (?:do not|don'?t|won'?t|will not) need it(?: again| any ?more)?)?\s*(?:[,;.!—–]|\s-)+\s*"
    r"(?:(?:so|please|kindly|just|then|go ahead and)\s+)*(?:dispose of|bin|ditch|trash|scrap|chuck|toss|throw|dump|"
    r"get rid of|discard) "
    r"it\b(?![^.!?;]*\?)")
# Questions: an inverted auxiliary or a wh-word at a sentence's start (after a leading filler), or a verbless
# sentence ending in '?' ("red on pad?"). Polite requests ("could you ...?", "would you mind ...", "how about
# ...", "..., ok?") and a request said with a rising '?' ("pop the blue cube on the left?") are not.
_FILLER = r"(?:(?:ok|okay|so|hey|hi|well|and|robot|right|alright|now|also|oh|please|whenever you're ready|" \
          r"in your own time|when you can|quick question)\b[, ]*)*"
_QUESTION_START = re.compile(
    rf"^{_FILLER}(?:did|does|didn't|doesn't|is(?! it (?:possible|ok|okay|alright|fine)| there any chance)|"
    rf"are(?! you (?:able|willing|free))|was|were|isn't|aren't|has|hasn't|haven't|had|should i|shall i|do i|do we|"
    rf"must i|did i|why(?! (?:don't|not))|who|whom|whose|where|which|what(?! (?:i|we|about)\b)|how(?! about)|"
    rf"should you|do you(?! (?:mind|want to|think you could))|have (?:you|we|i))\b")
_POLITE_QUESTION = re.compile(
    r"\b(?:(?:can|could|would|will|won't|may|might)(?: i| we)? (?:you|it|they|ask|get|have|request)|"
    r"mind|is it (?:possible|ok|okay|alright)|how about|what about|any chance|care to|fancy|shall we|let's|"
    rf"(?:can|could) we (?:please |just |now |maybe )?(?={_MOTION_BASE}\b|pop\b|sit\b|go\b|build\b|make\b)|"
    r"if (?:that|it)(?:'s| is) (?:alright|ok|okay|fine)|(?:would|wouldn't|isn't) it (?:be )?(?:lovely|nice|great|"
    r"good|better|grand)|i (?:wonder|was wondering)|why not|"
    r"(?:ok|okay|alright|right|yeah|yes|please)\s*\?)")
_VERB = re.compile(rf"\b(?:{_MOTION_BASE}|{_MOTION}|{'|'.join(sorted(lx.MOTION_VERBS))}"
                   r"|pop|bring|go|return|park|hand|give|throw|toss|clear|tidy|arrange|swap|sort|line|make|"
                   r"build|need|want|like|goes|belongs?|sit|sitting)\b")
# A '?' after a statement asks whether, it does not request (A1 s12 H39): the statement has no verb once "bin" as a
# noun is set aside ("Everything in the bin?"), or "you" opens it before the verb ("You put the red cube in the bin?",
# "You take red to the bin?"); "?!" asks as "?" does. A rising request still opens on its verb ("pop the blue cube on
# the left?") or a polite frame ("can u ...?").
# (P1 s24: "the rest" is no verb "rest" either: "Red on the pad. The rest in the bin?" asks, as "... Blue in the bin?")
_BIN_NOUN = re.compile(r"\b(?:the|a|in|into|to|inside)\s+(?:\w+\s+)?bin\b|\bthe\s+rest\b")
_YOU_STATE = re.compile(rf"^{_FILLER}(?:(?:and|so|then|but)\s+)*(?:you|u|ya|ye)\s+(?:(?:just|already|then|also|really|"
                        rf"actually|did|do)\s+)*(?:{_MOTION_BASE}|{_MOTION}|{'|'.join(sorted(lx.MOTION_VERBS))}|"
                        r"pop|bring|go|return|park|hand|give|stick|get|take|plonk|bung|shove|lob|sling|plop|shift|"
                        r"slide|nudge|deposit|relocate|transfer)\b")
# ("?" then a stop is asked too: "red in the bin?.", REV s23 R15)
_ASKED = re.compile(r"\?[!?.…]*$")
# "please" asked at a sentence's end, with a tag said before it ("..., ok please?", REV s23 R1)
_PLEASE_ASKED = re.compile(r"(?:\b(?:ok|okay|alright|right|yeah|yes)\s*,?\s*)?\b(?:please|pls|plz)\s*(?=\?)")
# ... which makes a request only of a verb of action: not a wish or a liking ("I want", "like"), nor a statement of
# where a cube goes or belongs ("Red goes in the bin, please?", REV s23 R1)
_ACTION_VERB = re.compile(rf"\b(?:{_MOTION_BASE}|{_MOTION}|{'|'.join(sorted(lx.MOTION_VERBS))}"
                          r"|pop|bring|go|return|park|hand|give|throw|toss|clear|tidy|arrange|swap|sort|line|make|"
                          r"build)\b")
# "bin" / "trash" ending a clause it does not open is the place, as after "the" ("Top cube: bin?", "Red cube, bin?",
# "Top one bin?", "Red cube bin please?": a goal asked, REV s23 R6/R1); "Bin it?" opens on it, a verb
_BIN_LAST = re.compile(r"(?<=[a-z:,])(\s*[:,]?\s+|\s*[:,]\s*)(?:bin|trash)\b(?=\s*(?:[,;]|$))")
_INFORMAL_VERB = re.compile(r"\b(?:stick|pop|chuck|toss|plonk|bung|ditch|dump|shove|haul|lob|sling|whack|plop|"
                            r"scoot|stack|bin|trash|nudge|shift)\b(?!\s*(?:[,.!?]|$))")
# ... also after an order word ("Move the purple cube onto the pad. After that the orange one goes in the bin?", A1 s13
# H45): the statement is the same question whether or not "then" / "after that" opens it
_LATER_WORDS = r"after that|afterwards?|after which|after this|subsequently|next|finally|lastly"
_ORDER_WORDS = rf"so|and|then|but|{_LATER_WORDS}|and then"
_ORDER_LEAD = re.compile(rf"^(?:(?:{_ORDER_WORDS})\s*,?\s*)+")
# The openers a request may stand behind (greetings, addresses, interjections, thanks and apologies, order words), set
# aside before the question screens read a clause's first words
_OPENERS = re.compile(rf"^(?:(?:{_ORDER_WORDS}|first(?: thing| things first| of all| off)?|to start|to begin|before "
                      r"anything else|anyway|listen|look|mate|hello|hi|hey|yo|oi|good (?:morning|afternoon|evening)|"
                      r"morning|sorry|thanks|thank you|cheers|um+|uh+|er+m?|hmm+|sir|madam|buddy|pal|robot|ok|okay|"
                      r"right|righto|well|oh|now|also|please|ja|howzit|eh|alright|like|honestly)\b\s*[,!.:;-]*\s*)+")
# ... or inside the sentence ("Move the purple cube onto the pad and then the orange one goes in the bin?"), also of a
# quantified rest ("After that all the others go in the bin?")
_ORDER_THEN_STATED = re.compile(rf"\b(?:then|{_LATER_WORDS})\s*,?\s+(?:{_NP_WORD}\s+)*?"
                                rf"(?:{_COLOURS}|cubes?|blocks?|bricks?|ones?|it|"
                                rf"they|both|others|the rest|everything)\b(?:\s+\w+)?\s+(?:goes|go|should|must|needs?|"
                                rf"has to|have to|is|are|will|can|belongs?)\b")
# ... and a tag after such a statement asks for a confirmation ("You put the red cube in the bin, yeah?"). Tags are of
# two kinds: an AGREEMENT tag asks whether the hearer agrees and, after a request, asks nothing more ("Put red in the
# bin, ok?"); a CONFIRMATION tag asks to have a belief confirmed, after a verb too ("Put the red cube on the right
# side, right?" moved the cube, its tag read as part of the place, A1 s15 H85). ("correct?" / "true?" confirm as
# well; they stay with the agreement tags here, where the parser refuses them after a request anyway, so that this
# split changes nothing.)
_AGREEMENT_TAGS = r"yeah|yes|yep|yup|ya|yah|ok|okay|alright|eh|no|innit|aye|correct|true|ja|hey|n[ée]"
_CONFIRMATION_TAGS = r"right"
_CONFIRM_TAG = re.compile(rf",?\s*\b(?:{_AGREEMENT_TAGS}|{_CONFIRMATION_TAGS})\s*\?[!?]*$")
_CONFIRMATION_TAG = re.compile(rf",\s*(?:{_CONFIRMATION_TAGS})\s*\?[!?]*\s*$")
_PLEASE = re.compile(r"\b(?:please|pls|plz|kindly)\b")
_KEEP_PUT = re.compile(rf"^keep (?:the |that |this )?(?:{_COLOURS}) (?:cube|block|one) (?:on|in) (?:the )?(?:pad|bin|"
                       rf"left side|right side|(?:{_COLOURS})(?: (?:cube|block|one))?)$")
_PRAISED = re.compile(r"[,;.!?]\s*(?:(?:and|oh|wow|so)\s*,?\s*)?(?:(?:good|great|nice|excellent|brilliant|perfect|"
                      r"awesome|fantastic|lovely|superb) (?:work|job|one|robot|bot|boy|girl|stuff|effort)|well done|"
                      r"you(?:'re| are) (?:a|the) (?:star|legend|gem|champ|best)|bravo|nailed it|"
                      r"good on (?:you|ya)|keep up the (?:good|great) work|keep it up|nicely done|way to go|"
                      r"(?:so |i'?m )?proud of (?:you|ya))\b")
# (not "that's it": "..., and that's it for now" closes a request, dev_words_s5-133)
_WISHED = re.compile(r"\b(?:i|we)(?:'d| would)? (?:like|love|want|need)\b|\b(?:i|we)'?d (?:like|love)\b|"
                     r"\bwhat (?:i|we) (?:need|want)\b|\ball (?:i|we)(?:'d| would)? (?:like|want|need)\b")
_REQUEST_SAID = re.compile(rf"(?:^|[,;.!?:]\s*|\b(?:please|pls|kindly|just|now|then|and|you|could|can|would|will)\s+)"
                           rf"(?:{_MOTION_BASE}|{'|'.join(sorted(lx.MOTION_VERBS))}|pop|stick|bin|go|head|return|stack|"
                           r"chuck|toss|shift|bring|send|relocate|transfer|tidy|clear|build|make)\b")
_TAG_SAID = re.compile(r",\s*(?:yeah|yes|yep|yup|ya|yah|right|eh|no|innit|aye|ja|hey|n[ée]|ha+|haha+|lol|lmao|hehe+)"
                       r"\s*[.!]*\s*$")
_TOPIC = re.compile(rf"\b(?:{_COLOURS}|{_MOTION_BASE}|{_MOTION}|cubes?|blocks?|bricks?|ones?|it|them|bin|pad|"
                    r"trash|box|left|right|arm|home|gripper)\b")
# Words of French or German: their questions are polite requests (the language screen decides the rest).
_FOREIGN = re.compile(r"\b(?:tu|vous|du|sie|bitte|würfel|le|la|les|den|dem|das|une|sur|auf|dans|s'il)\b|-tu\b|-vous\b")
_SENTENCE = re.compile(r"[^.!?;]+[.!?;]*")
_OR_OBJECTS = re.compile(rf"\b(?:either )?(?:the )?({_COLOURS})\b(?: [a-z]+){{0,4}}?,? or (?:else )?(?:the |a )?"
                         rf"({_COLOURS})\b")
_OR_PLACES = re.compile(r"\b(?:in|into|on|onto) (?:the )?(?:bin|pad|trash|box|mat|left|right)\b[^,.]*?,? or "
                        r"(?:in|into|on|onto|to) (?:the )?(?:bin|pad|trash|box|mat|left|right)\b")
_USELESS = re.compile(r"\b(?:it|that|this|those|these)(?:'s| is| are) (?:\w+ )?(?:useless|pointless)\b")
_DISPOSAL = re.compile(r"\b(?:bin|trash|throw|toss|chuck|dispose|get rid|ditch|dump|discard|garbage|rubbish|junk|"
                       r"scrap|waste)")
_REPORTER = re.compile(r"^(?:my|our|his|her|their) \w+|^(?:he|she|they|someone|somebody)\b")
_UNDER_NEGATION = re.compile(r"\b(?:don't|dont|do not|never|without|not|no|avoid|neither|nor|leave|keep|except|"
                             r"excluding|apart from|other than|besides|but)\b")
_REPORTED = re.compile(r"\b(?:told|asked|wants|wanted|said|says|would like|requested)(?: (?:me|us|you))? to\b")


def normalise(text: str) -> str:
    text = in_standard_english(text.lower().replace("’", "'").replace("‘", "'"))  # Scots words in English
    return re.sub(r"\s+", " ", text).strip()


# (P1 s24, REV s23 medium + s24 R12: one convention) a group of people called at the sentence's start, then an order:
# the people in the room are told ("Guys, put ...", "Everybody, push ...", "Kids, ..."); no seen gold has it; the seen
# golds call a group only after the request ("..., folks!", fi51-052) or before "let's" / "here's the plan:" / "watch"
# (fi68-048, dev_phrasing-290, fi64-026), which plan. Read on the words as said: register.py drops "guys, / team, /
# folks," as an address before the other screens look.
_GROUP_TOLD = re.compile(
    rf"(?:^|[.!?;]\s*)(?:(?:hey|hi|hello|ok|okay|alright|all right|right|so|now)(?:\s+there)?\s*,?\s*)*(?:guys|team|"
    rf"everyone|"
    rf"everybody|folks|people|gang|y'?all|you all|all of you|lads|boys|girls|kids|class|students|children)"
    rf"\s*[,:!\-–—]+\s*(?:(?:please|now|just)\s+)*(?:{_MOTION_BASE}|pop|stick|grab|go|head|return|shove|bring|get|"
    rf"move|build|slide|nudge|shift"
    # (lead s24, REV s24 R10 residue, high) ... or a goal with no verb, told to them the same way ("Right everyone,
    # everything in the bin, yes.", "Guys, red in the bin.")
    rf"|everything|all|both|each|every|them|the|{_COLOURS})\b")


def speech_act_refusal(instruction: str, state: SceneState | None = None, *,
                       translated: bool = False) -> Refusal | None:
    """A refusal (or a ``Clarification``) where ``instruction`` is not a plain request to act; else None.

    ``translated``: the English of a French or German instruction, where "you put ...?" renders a request ("Tu me
    mets le rouge dans le bac ?"), not a question whether.
    """
    told = _GROUP_TOLD.search(instruction.lower())
    if told is not None:
        return Refusal(reason=f"the instruction is not a plain request: {told.group(0).strip()!r} tells the people in "
                              "the room what to do, not the robot; nothing is planned")
    text = normalise(instruction)
    why = speech_act_error(text, translated=translated)
    if why is not None:
        words, reason = why
        return Refusal(reason=f"the instruction is not a plain request: {words!r} {reason}; "
                              "nothing is planned, please say only what the robot should do")
    return _either_or(text, state)


# A self-correction inside one slot of the request (f16-048..050): "put the red no the blue cube in the bin", "move the
# orange cube to the left side wait no the right side", "stack purple on the green sorry I mean on the yellow cube".
# The corrected words replace the slip only where both are the same kind (a cube for a cube right after the verb, a
# place for a place right after the object) and nothing in the instruction negates: "put red on blue, no, green on
# the pad" or "don't put red, no, blue in the bin" stay refused.
_CUBE_SAID = rf"(?:the |a )?(?:{_COLOURS})(?: (?:cube|block|brick|one))?"
_WHERE_SAID = rf"(?:the )?(?:bin|pad|trash|left(?: side)?|right(?: side)?|(?:{_COLOURS})(?: (?:cube|block|brick|one))?)"
_SLIP = r"(?:\s*[,\-–—]?\s*(?:no+|nope|sorry|oops|wait|i mean|i meant|or rather|actually|correction|my bad|er+m?|" \
        r"uh+|um+)\b)+\s*[,\-–—]?\s*"
_CORRECTING = re.compile(r"\b(?:no+|nope|sorry|oops|wait|mean|meant|rather|actually|correction|bad)\b")
# (the cube corrected mid-clause, before its place: "bin red, sorry I mean blue" is a retraction, refused)
# (the correction between dashes too: "Drop the green - no wait, the orange one - onto the pad", f23-044)
_CUBE_SLIP = re.compile(rf"\b({_MOTION_BASE}|stack|place|move|put|set)\s+({_CUBE_SAID})({_SLIP})({_CUBE_SAID})\b"
                        r"(?:\s*[\-–—]+)?(?=\s+(?:in|into|on|onto|to|on top of)\b)")
_PLACE_SLIP = re.compile(rf"\b({_CUBE_SAID})\s+(in|into|on|onto|to|on top of)\s+({_WHERE_SAID})({_SLIP})"
                         rf"(?:(in|into|on|onto|to|on top of)\s+)?({_WHERE_SAID})\b"
                         r"(?!\s+(?:in|into|on|onto|to|too|as well|also)\b)")
# ... the cube of a disposal, said after it, where the disposal is said again of "it" ("Get rid of the yellow- sorry,
# the orange cube, just bin it.", f26-003); "bin red, sorry I mean blue" alone stays a retraction, refused
_DISPOSAL_SLIP = re.compile(rf"\b(get rid of|dispose of|bin|trash|ditch|dump|discard|chuck|toss|throw away|"
                            rf"throw out)\s+"
                            rf"({_CUBE_SAID})({_SLIP})({_CUBE_SAID})\b(?=\s*,\s*(?:(?:just|and|then|so)\s+)*"
                            r"(?:bin|trash|ditch|dump|toss|chuck|throw|get rid of|put|drop) (?:it|that one)\b)")
# ... a whole step said again with one slot changed ("move the blue cube to the pad - no wait, the red cube to the pad",
# f26-007): the second step, where it keeps the first's place (or its cube)
_STEP_SLIP = re.compile(rf"\b({_MOTION_BASE}|stack|place|move|put|set)\s+({_CUBE_SAID})\s+"
                        rf"(in|into|on|onto|to|on top of)\s+"
                        rf"({_WHERE_SAID})({_SLIP})({_CUBE_SAID})\s+(in|into|on|onto|to|on top of)\s+({_WHERE_SAID})\b")
# ... a tower's level said again with another cube ("red at the bottom - sorry, purple at the bottom", f26-014)
_LEVEL_SLIP = re.compile(rf"\b({_CUBE_SAID})\s+(at the bottom|on the bottom|at the top|on top|in the middle)({_SLIP})"
                         rf"({_CUBE_SAID})\s+\2\b")
_NEGATING = re.compile(r"\b(?:not|don't|dont|never|no longer|without|nor|neither|except|but not)\b|n't\b")


def _same(a: str, b: str) -> bool:
    """Whether two mentions name the same cube or place ("the red cube", "red"; "the left", "left side")."""
    def key(s: str) -> str:
        return re.sub(r"\b(?:the|a|cube|block|brick|one|side)\b", " ", s).split()[0] if s.strip() else s
    return key(a) == key(b)


def self_corrected(text: str) -> str | None:
    """``text`` (lower case) with its one self-correction made, as above; None where it holds none to make."""
    if repaired(text) is not None:  # a slot said again after "..." (mentions.repaired, P3 s16)
        return repaired(text)
    if _NEGATING.search(text):
        return None
    step = [m for m in _STEP_SLIP.finditer(text) if _CORRECTING.search(m.group(5))]
    if len(step) == 1:  # one slot changed, the other said again the same
        m = step[0]
        same_place = _same(m.group(4), m.group(8))
        if same_place != _same(m.group(2), m.group(6)):
            rest = text[:m.start()] + f"{m.group(1)} {m.group(6)} {m.group(7)} {m.group(8)}" + text[m.end():]
            return None if _CORRECTING.search(rest) else rest
        return None
    found = [(m, "cube") for m in _CUBE_SLIP.finditer(text)] + [(m, "place") for m in _PLACE_SLIP.finditer(text)] + \
        [(m, "cube") for m in _DISPOSAL_SLIP.finditer(text)] + [(m, "level") for m in _LEVEL_SLIP.finditer(text)]
    found = [(m, kind) for m, kind in found if _CORRECTING.search(m.group(4 if kind == "place" else 3))]
    if len(found) != 1:
        return None
    m, kind = found[0]
    if kind == "level":
        fixed = f"{m.group(4)} {m.group(2)}"
    elif kind == "cube":
        fixed = f"{m.group(1)} {m.group(4)}"
    else:
        slip_is_cube = bool(re.search(r"\b(?:cube|block|brick|one)$", m.group(3))) or not re.search(
            r"\b(?:bin|pad|trash|left|right|side)\b", m.group(3))
        said_is_cube = not re.search(r"\b(?:bin|pad|trash|left|right|side)\b", m.group(6))
        if slip_is_cube != said_is_cube:
            return None
        if len(re.findall(rf"\b{re.escape(m.group(3))}\b", text[:m.end(3)])) > 1:
            return None  # "red in the bin and blue in the bin, sorry, on the pad": which clause it corrects is unclear
        fixed = f"{m.group(1)} {m.group(5) or m.group(2)} {m.group(6)}"
    rest = text[:m.start()] + fixed + text[m.end():]
    return None if _CORRECTING.search(rest) else rest


# Why a disposed object goes, said as a learner says it ("throw away the green cube, it is not more needed", f16-000):
# a reason for the disposal before it in its sentence, not a retraction of another request.
_DISPOSAL_REASON = re.compile(r"(\b(?:throw (?:it |them )?away|throw out|bin|trash|get rid of|dispose of|discard|"
                              r"ditch)\b[^.;!?]*?[,;.?!]\s*)(?:(?:as|since|because)\s+)?(?:it|that|this)(?:'s| is) "
                              r"(?:not (?:more|longer|any ?more)|no (?:more|longer)) (?:needed|required)\b")


# Hearsay about the building, a closed form said as small talk ("Hope the calibration went fine yesterday, I heard the
# lab was freezing.", f21-051): no report of anything done to the scene. phrasing.py drops the same form as an aside;
# any other "I heard ..." stays a report ("I heard you put the red cube in the bin").
HEARSAY_ASIDE = (r"(?:i (?:heard|hear)|apparently|they (?:say|said|told me)) (?:that )?(?:the|our) (?:lab|office|"
                 r"building|room|workshop|heating|weather|canteen) (?:was|is|got|has been|had been|went) "
                 r"(?:really |so |totally |absolutely |pretty |quite )?(?:freezing|cold|chilly|boiling|hot|warm|"
                 r"stuffy|quiet)"
                 r"(?: (?:yesterday|today|last night|this morning|all day|all week|again|over the weekend))?")
_HEARSAY = re.compile(rf"(?<![a-z'])(?:{HEARSAY_ASIDE})(?=\s*(?:[,;.!?]|$))")
# What the speaker does once the request is done, a closed form after it ("After that I'll grab a coffee and check the
# logs", f21-051; "we'll photograph the table afterwards", f21-074): no action on the scene; "after that I'll put the
# red cube in the bin" names one and stays a report of what the speaker will do. phrasing.py drops the same form.
SPEAKER_AFTERWARDS = (
    r"(?:(?:after that|afterwards|then|meanwhile|in the meantime|later),? )?(?:i|we)(?:'ll| will|'m going to|"
    r"'re going to| am going to| are going to) (?:(?:grab|get|make|have|go for|go get) (?:a |some |my )?(?:coffee|tea|"
    r"lunch|break|snack|bite(?: to eat)?)(?: and (?:check|read|look (?:at|over)|go through) (?:the|my) (?:logs|emails?|"
    r"results|data|notes|messages))?|(?:photograph|film|take (?:a )?(?:photo|picture|pic)s? of) (?:the|our) (?:table|"
    r"setup|set-up|scene|result|layout|arrangement|workspace)|"
    # coming back for it later ("Go to home position and wait there only, I will come back after lunch.", fi41-074;
    # "Kindly keep that block on the pad, I will collect it after some time.", fi41-056)
    r"(?:come|be) back (?:after (?:lunch|the meeting|my break)|later|soon|in a (?:bit|while|minute|few minutes))|"
    r"collect it (?:after some time|later|in a (?:bit|while)|after (?:lunch|the meeting)))"
    r"(?: (?:afterwards|after|later|then|after that))?")
# A rhetorical question closing a request ("... Can we do it?", f23-010; "Is that really so hard?", f23-013): the
# request stands; phrasing.py drops the same closing.
# (one list with phrasing's rule that drops it for the parser; s17 D-S1: "Sorry, is that okay to ask?", fi50-074)
CLOSING_QUESTION_SAID = (r"(?:can (?:we|you) do (?:it|that|this)(?: (?:now|together))?|"
                         r"is (?:that|it) (?:really )?(?:so|that|too) (?:hard|difficult)|"
                         r"(?:sorry,? )?is (?:that|this|it) (?:ok|okay|alright|all right|fine)(?: to ask| with you)?|"
                         # asking leave as it closes ("Um, could it pick up ...? Is that allowed?", fi45-043; "...? If
                         # that's allowed?", fi35-052; s18)
                         r"(?:is (?:that|this|it)|if (?:that|this|it)(?:'s| is)) (?:allowed|permitted|ok(?:ay)?|"
                         r"alright|all right|fine))")
_CLOSING_QUESTION = re.compile(rf"(?<=[.!?])\s*{CLOSING_QUESTION_SAID}\s*\?[\s?!]*$")
# A question of small talk in a closed form, a sentence of its own ("Hey, how's it going? Put ...").
_SMALL_TALK_QUESTION = re.compile(r"(?:^|(?<=[.!?]))\s*(?:(?:hey|hi|hello|hiya|morning|so|oh),?\s+)?(?:how'?s it going|"
                                  r"how are you(?: doing)?(?: today)?|how'?s your day(?: going)?|how have you been|"
                                  r"how'?s everything|how are things|what'?s up|how you doing)\s*\?+")
_AFTERWARDS = re.compile(rf"(?<=[.!?;,])\s*(?:{SPEAKER_AFTERWARDS})(?=\s*(?:[,;.!?]|$))")


# A tag said as a sentence of its own is the tag of the sentence before: "Red in the bin. Okay?" asks as "Red in the
# bin, okay?" does ("Set?" too: "Red cube in the bin. Set?" ran on the model, A1 s15 H87, H89).
# (after any mark, thanks after it too: "Everything in the bin. Okay? Thanks.", "Red in the bin; okay?", "Red in the
# bin... okay?" binned the cubes, REV s15-R9)
# (P1 s24, REV s24 R8: "please?" too, "Red in the bin. Please?" asks as "Red in the bin, please?" does)
_LONE_TAG = re.compile(r"(?:[.!;…]|\.\.\.)\s*((?:please|pls|plz|kindly|yeah|yes|yep|yup|ya|yah|right|ok|okay|"
                       r"alright|eh|innit|aye|correct|true|set)\s*\?[!?]*)"
                       r"(?:\s*(?:thanks|thank you|thx|ty|cheers|ta|please|pls)\s*[.!]*)?\s*$")


# Sentences after the last question that name nothing of the scene ("Thanks.", "Appreciate it.", "See ya.", "Much
# obliged.", "Cheers mate."): a closing, which must not hide the question or tag before it from the screens ("Red in
# the bin. Okay? Appreciate it.", "Put the red cube on the right side, right? Thanks.", "Put the red cube in the bin, I
# think? See ya.", A1 s16 H96)
_AFTER_ASKED = re.compile(r"(?<=\?)[!?]*((?:\s*[^.!?…]+(?:[.!…]+|$))+)\s*$")
_SCENE_SAID = re.compile(rf"\b(?:{_COLOURS}|cubes?|blocks?|bricks?|bin|pad|trash|left|right|home|arm|gripper|"
                         rf"tower|stack|{_MOTION_BASE}|{_MOTION}|pop|stick|go|return|push|not|don't|never|no)\b")

# An acknowledgement said back, what the one doing it says ("Okay, putting the red cube in the bin.", "Alright, binning
# the red cube.", "On it, pushing ...") or a transcript line of the robot's own words ("Robot: putting the red cube in
# the bin.", "Robot: okay, ..."), A1 s16 H103: an ack word or a speaker label, then a gerund of the robot's act. A bare
# gerund stays a request (seen gold "binning orange pls"; "Putting the red cube in the bin."), and so does the same
# with "please" ("Okay, putting the red cube in the bin please.", checked where this is used)
_ACK = (r"ok|okay|k|kk|alright|all right|sure|sure thing|on it|roger|roger that|will do|copy|copy that|got it|"
        r"understood|wilco|affirmative|righto|right away|no problem|you got it|as you wish|certainly|of course")
# (also a log line with no colon, "Robot putting red cube in bin.", "The arm putting ...", A1 s17 H108)
_SAID_BACK = re.compile(rf"(?:^|[.!?;]\s+)(?:(?:the )?(?:robot arm|robot|arm|bot|assistant|panda)"
                        rf"\s*(?:[:;,>|\-–—…]+|\.{{2,}}|\s(?:is|'s)\b)?\s*(?:(?:{_ACK})\b\s*[,.!:;\-–—]*\s*)?|(?:{_ACK})\b\s*[,.!:;\-–—]*\s*)(?:(?:now|just)\s+)?"
                        rf"(?:{_ACT_GERUND})\b")


# A "?" standing alone after a stop asks what the sentence before it said ("Red in the bin. ?", "Green, pad. ??", REV
# s24 R4), as "?." does (s23 R15): in English it is joined to that sentence
_LONE_ASKED = re.compile(r"(?<=[a-z0-9)])\s*[.!…]+\s*(\?[?!.…]*)(?=\s*$|\s+[a-z])")


def _as_screened(text: str, *, translated: bool) -> str:
    """``text`` (normalised) as the screens read it: small talk before "anyway", a small-talk question and a closing
    question set aside, a closing after the last question cut off, and (in English) a tag said as a sentence of its
    own joined to the sentence before it ("Red in the bin. Okay?" -> "Red in the bin, okay?")."""
    text = _SMALL_TALK_QUESTION.sub(" ", _CLOSING_QUESTION.sub("", without_small_talk_before_anyway(text)))
    closing = _AFTER_ASKED.search(text)
    if closing and not _SCENE_SAID.search(closing.group(1)):
        text = text[:closing.start(1)]
    return text if translated else _LONE_TAG.sub(r", \1", _LONE_ASKED.sub(r"\1", text))


def speech_act_error(text: str, *, translated: bool = False) -> tuple[str, str] | None:
    """(the words, why) for the first rule ``text`` (normalised) meets, else None."""
    text = _as_screened(text, translated=translated)
    # an opener set off by a dash is set off as by a comma ("Well — you put ...?", "Um, sorry — could a robot ...?",
    # A1 s21 H177): the screens below read the clause after it from its start
    text = _DASHED_OPENER.sub(lambda m: m.group(1).rstrip(" ,") + ", ", text)
    m = None if translated else _CONFIRMATION_TAG.search(text)
    if m:
        return text[:m.start()].strip(" ,.;"), "asks to have it confirmed, it does not request it"
    m = _SAID_BACK.search(text)
    if m and not _PLEASE.search(text):
        return m.group(0).strip(" ,.;"), "is the robot's acknowledgement said back, it does not ask for anything"
    plain = _POLITE_RE.sub(" ", _DISPOSAL_REASON.sub(r"\1", self_corrected(text) or text))
    plain = _AFTERWARDS.sub(" ", _HEARSAY.sub(" ", plain))
    for pattern, why in _RULES_RE:
        m = pattern.search(plain)
        if m:
            return m.group(0).strip(" ,.;"), why
    # praise after a goal said with no verb of request ("Red in the bin. Good work!", "All the cubes in the bin. That's
    # it.", A1 s14 note with REV R10): it is done, said back; "please" or a verb of request keeps it a request
    m = _PRAISED.search(plain)
    # (a polite frame or a wish asks: "would you mind ...? You're a star.", f24-044)
    if m and not _REQUEST_SAID.search(plain[:m.start()]) and not _PLEASE.search(plain) and \
            not _POLITE_QUESTION.search(text) and not _POLITE_RE.search(text) and not _WISHED.search(text):
        return m.group(0).strip(" ,.;!"), "praises what is done, it does not ask for it"
    m = _USELESS.search(plain)
    if m and not _DISPOSAL.search(plain):
        return m.group(0), "says the request is useless: nothing asks to throw anything away"
    if len(_REPORTED.findall(plain)) >= 2:
        return "; ".join(_REPORTED.findall(plain)), "passes on several people's requests: which one holds?"
    faulted = _FAULT_THEN_DISPOSAL.search(text)
    for sentence in _SENTENCE.findall(text):
        s = sentence.strip()
        body = s.rstrip(".!?; ")
        if not body or _FOREIGN.search(body):
            continue
        lead = _POLITE_RE.sub(" ", body).strip(" ,")
        clauses = [c.strip() for c in lead.split(",")]
        # After the first clause only a modal ("..., blue can be binned too"): "..., blue is in the middle" is a role.
        m = next(filter(None, [_STATE_RE.search(clauses[0])] + [
            x for x in (_STATE_RE.search(c) for c in clauses[1:]) if x and _MODAL.search(x.group(0))]), None)
        if m and faulted and m.group(0) in faulted.group(0):
            m = None
        if m:
            return m.group(0), "states where a cube is (or could be), not what to do: say 'put ...' to move it"
        if not _TOPIC.search(body):
            continue  # small talk ("how are you today?"): no object, place or action named, nothing to plan
        if _QUESTION_START.search(lead):
            return body, "is a question, not a request"
        # (the screens read the clause after its openers: "Listen, / Mate, / First thing, you put the red cube in the
        # bin?", A1 s13 H49)
        bare = lead if translated else _OPENERS.sub("", lead)  # (a translation keeps its order words: d17-007)
        if _ASKED.search(s) and not translated and _YOU_STATE.match(bare) and _CONFIRM_TAG.search(s):
            return body, "asks whether it was done, it does not request it"
        # ... also said with a full stop or a laugh: South African "..., hey." is the tag itself ("You put red in the
        # bin, hey.", REV s14 R6), as "..., eh." / ", innit." / ", ha." / ", lol." are
        if not translated and _YOU_STATE.match(bare) and _TAG_SAID.search(s):
            return body, "asks or remarks whether it was done, it does not request it"
        # a confirmation tag after a statement with no verb asks whether it is so, as a bare '?' does ("Everything in
        # the bin, ok?", "Back home, yeah?", a tower described then ", right?", A1 s13 H51); after a request it asks
        # nothing ("Put red in the bin, ok?")
        if _ASKED.search(s) and _CONFIRM_TAG.search(s) and not translated:
            stated = _OPENERS.sub("", _CONFIRM_TAG.sub("", s).strip(" ,")).strip(" ,")
            # (of the scene only: "Long week, right?" is small talk, f20-041; a verb of any register makes it a request:
            # "Stick the wee red yin on tap o' the green yin, aye?", f27-007)
            # ("bin" after "in the" is the place, no verb: "Red in the bin and blue on the pad, yeah?", A1 s14 H53)
            # (Indian English "keep X on the pad" is "put", read by the parser only as the whole request, before
            # ", ok?" / ", okay?" alone: "Keep the green block on the pad, okay?", fi41-053, P3 s15)
            kept = _KEEP_PUT.match(stated) is not None and re.search(r",\s*(?:ok|okay)\s*\?+$", s) is not None
            # ("bin" closing a clause it does not open is the place here too: "Top cube: bin, ok?", REV s23 R18)
            placed = _BIN_LAST.sub(r"\1", _BIN_NOUN.sub(" ", stated))
            if stated and _TOPIC.search(stated) and not _VERB.search(placed) and \
                    not _INFORMAL_VERB.search(placed) and not kept:
                return body, "asks whether it is so, it does not request it"
            # ... and after a clause that states what is done or where a cube goes ("First you put the red cube in the
            # bin, yeah?", "The red cube goes in the bin, ok?", "Put green on the pad, then the red one goes in the
            # bin, right?"), as a bare '?' does; "please" keeps a learner's request ("Please, the red cube, you put it
            # in the trash, yes?", f26-000)
            if STATED_CLAUSE.search(stated) and not _PLEASE.search(s):
                return body, "states what is done and asks for agreement, it does not request it"
        if not _ASKED.search(s):
            continue
        # "please" asked at the end makes a request of an ORDER asked ("Put the red cube in the bin, please?"), not of a
        # goal said with no verb: "Red in the bin, please?" asks whether it is so, as "Red in the bin?" and "Please,
        # red in the bin?" do (REV s22 R13, one convention; no seen gold has the shape). English only: French and German
        # follow it in their own screens (P2).
        if _POLITE_QUESTION.search(_PLEASE_ASKED.sub("", s)) or \
                (_PLEASE_ASKED.search(s) and (translated or _ACTION_VERB.search(
                    _BIN_LAST.sub(r"\1", _BIN_NOUN.sub(" ", _PLEASE.sub(" ", bare)))))):
            continue
        # (also a later clause that opens on the cube: "we're done with red, so it can go in the bin?")
        # (an opener of any kind before the statement, not only a listed one: "Kindly, you put the red cube in the
        # bin?", "Ma'am, you put ...?", A1 s13 H49 residue)
        you_stated = _YOU_STATE.match(bare) or any(_YOU_STATE.match(c) for c in clauses[1:])
        if not _VERB.search(_BIN_LAST.sub(r"\1", _BIN_NOUN.sub(" ", bare))) or (you_stated and not translated) or \
                re.search(_NP_START, bare) or _REPORTER.search(lead) or _ORDER_THEN_STATED.search(lead) or \
                (STATED_CLAUSE.search(lead) and not translated) or \
                any(re.search(_NP_START, re.sub(r"^(?:(?:so|and|then|but)\s+)+", "", c)) for c in clauses[1:]) or \
                _TOPIC.search(text[text.index(s) + len(s):]):
            # "red on pad?", "red has to be binned?", "my colleague asked me to bin red?"
            return body, "is a question, not a request"
    return None


def _either_or(text: str, state: SceneState | None) -> Refusal | None:
    m = _OR_OBJECTS.search(text)
    if m and _UNDER_NEGATION.search(re.split(r"[.;!?]", text[:m.start()])[-1]):
        m = None  # "don't touch the green cube or the blue one" excludes both: the parser reads it
    if m:
        colours = {lx.COLOR_WORDS[m.group(1)], lx.COLOR_WORDS[m.group(2)]}
        names = tuple(o.name for o in state.objects if o.color in colours) if state is not None else ()
        question = f"which one do you mean: {m.group(0)!r}?"
        if len(names) >= 2:
            return Clarification(reason=question, candidates=names)
        return Refusal(reason=f"the instruction names alternatives, {m.group(0)!r}: {question}")
    m = _OR_PLACES.search(text)
    if m:
        return Refusal(reason=f"the instruction names alternative places, {m.group(0)!r}: which one do you mean?")
    return None
