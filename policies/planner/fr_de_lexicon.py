"""The closed bilingual lexicon of the domain (issue #17 item 5): every French and German word the translation reads,
with its English, and the colours of both languages. Split out of translation.py (seventeenth pass); a word outside
these tables refuses the whole instruction there."""

from __future__ import annotations

LANGUAGE_NAMES = {"fr": "French", "de": "German"}

COLOURS_FR = {"rouge": "red", "vert": "green", "bleu": "blue", "jaune": "yellow", "violet": "purple",
               "orange": "orange", "rose": "pink", "blanc": "white", "blanche": "white", "noir": "black",
               "gris": "grey", "grise": "grey", "mauve": "purple", "pourpre": "purple", "orangé": "orange",
               "lilas": "purple"}
FR: dict[str, str] = {
    **{f"{c}{end}": e for c, e in COLOURS_FR.items() for end in ("", "s", "e", "es")},
    "verte": "green", "violette": "purple", "violettes": "purple", "bleue": "blue",
    "le": "the", "la": "the", "les": "the", "l": "the", "un": "a", "une": "a", "des": "the", "du": "of the",
    "ce": "this", "cet": "this", "cette": "this",
    "cube": "cube", "cubes": "cubes", "bloc": "block", "blocs": "blocks", "brique": "block", "briques": "blocks",
    "objet": "object", "objets": "objects",
    "mettes": "put", "mettiez": "put", "poses": "put", "posiez": "put", "ranges": "put", "places": "put",
    "déposes": "put", "jettes": "discard", "empiles": "stack", "déplaces": "move", "pousses": "push",
    "prennes": "take", "construis": "build", "construisez": "build", "construire": "build", "construises": "build",
    "fais": "build", "faites": "build", "tour": "tower", "soit": "to be", "soient": "to be", "want": "want",
    "i": "i", "could": "could", "top": "top", "you": "you", "middle": "middle", "bottom": "bottom", "on": "on",
    "of": "of", "at": "at", "in": "in", "beaucoup": "", "avec": "with", "ça": "that", "cela": "that",
    "droit": "right", "ta": "your", "ton": "your", "votre": "your", "voilà": "",
    "mets": "put", "mettez": "put", "mettre": "put", "mis": "put", "place": "put", "placez": "put",
    "placer": "put", "placé": "put", "pose": "put", "posez": "put", "poser": "put", "posé": "put",
    "dépose": "put", "déposez": "put", "déposer": "put", "déplace": "move", "déplacez": "move",
    "déplacer": "move", "déplacé": "move", "range": "put", "rangez": "put", "ranger": "put",
    "prends": "take", "prenez": "take", "prendre": "take", "pris": "take", "saisis": "grab", "saisissez": "grab",
    "attrape": "grab", "attrapez": "grab", "ramasse": "pick up", "ramassez": "pick up", "soulève": "lift",
    "soulevez": "lift", "empile": "stack", "empilez": "stack", "empiler": "stack", "empilé": "stack",
    "pousse": "push", "poussez": "push", "pousser": "push", "poussé": "push", "glisse": "slide",
    "glissez": "slide", "jette": "discard", "jetez": "discard", "jeter": "discard", "jeté": "discard",
    "touche": "touch", "touchez": "touch", "toucher": "touch", "bouge": "move", "bougez": "move",
    "bouger": "move", "retourne": "return", "retournez": "return", "retourner": "return", "reviens": "return",
    "revenez": "return", "revenir": "return", "va": "go", "allez": "go", "aller": "go", "rentre": "go",
    "sur": "on", "dans": "in", "à": "to", "au": "to the", "aux": "to the", "vers": "toward", "en": "in",
    "dessus": "top", "de": "of", "d": "of", "entre": "between",
    "bac": "bin", "poubelle": "bin", "corbeille": "bin", "boîte": "box", "boite": "box", "caisse": "box",
    "plateforme": "pad", "plate-forme": "pad", "tapis": "mat", "cible": "target", "pad": "pad", "plaque": "pad",
    "panier": "basket", "conteneur": "container", "superpose": "stack", "superposez": "stack",
    "superposer": "stack", "fiche": "put", "fichez": "put", "même": "same", "milieu": "middle",
    "finalement": "finally", "except": "except", "same": "same",
    "closest-to-the-robot": "closest to the robot", "farthest-from-the-robot": "farthest from the robot",
    "the-one-you-just-moved": "the one you just moved", "throw-to-me": "throw to me", "the-rest": "the rest",
    "gauche": "left", "droite": "right", "côté": "side", "zone": "area", "partie": "part",
    "avant": "front", "arrière": "back", "moi": "me", "toi": "you",
    "position": "position", "initiale": "initial", "départ": "start", "maison": "home", "repos": "rest",
    "pas": "not",  # "..., pas le bleu" (a "ne ... pas" is read by _FR_PHRASES first)
    "et": "and", "puis": "then", "ensuite": "then", "enfin": "finally", "après": "after", "avoir": "",
    "mais": "but", "ou": "or", "aussi": "also",
    "sans": "without", "tous": "all", "toutes": "all", "tout": "everything", "chaque": "every", "sauf": "except",
    "excepté": "except",
    "reste": "rest", "autres": "others", "autre": "other", "deux": "two",
    "il": "it", "elle": "it", "lui": "it", "celui": "the one", "celle": "the one",
    "please": "please", "merci": "thanks", "bonjour": "hello", "salut": "hi", "svp": "please", "stp": "please",
    "veuillez": "please", "peux-tu": "could you", "pouvez-vous": "could you", "tu": "you", "vous": "you",
    "doucement": "gently", "soigneusement": "gently", "maintenant": "now", "ensemble": "",
    "balance": "discard", "balancez": "discard", "débarrasse": "discard",
    "débarrassez": "discard", "vire": "discard", "virez": "discard", "virer": "discard", "balancer": "discard",
    "débarrasser": "discard", "fous": "put", "foutre": "put",
    "foutez": "put", "pile": "tower", "trois": "three", "quatre": "four",
    "from-top-to-bottom": "from top to bottom", "from-bottom-to-top": "from bottom to top", "below": "below",
    "in-this-order": "in this order",
    **{w: w for w in ("do", "not", "never", "first", "before", "home", "the", "both", "it", "leftmost", "rightmost",
                      "beside", "discard", "finally")},  # the English that _FR_PHRASES writes
    # sixth pass: the spoken forms fresh writers used ("met" for "mets", "tu retournes", colloquial verbs) and the
    # English that _FR_SPOKEN writes
    "met": "put", "remets": "put", "remettez": "put", "remettre": "put", "retournes": "return", "vas": "go",
    "rentres": "go", "rentrez": "go", "rentrer": "go", "touches": "touch", "bouges": "move", "glisses": "slide",
    "attrapes": "grab", "superposes": "stack", "balances": "discard", "vires": "discard", "colle": "put",
    "collez": "put", "coller": "put", "colles": "put", "fout": "put", "fourre": "put", "fourrez": "put",
    "flanque": "put", "flanquez": "put", "bazarde": "discard", "bazardez": "discard", "bazarder": "discard",
    "décale": "push", "décalez": "push", "décaler": "push", "plutôt": "instead",
    "direct": "", "directement": "", "rangé": "put", "rangée": "put", "déposé": "put", "déposée": "put",
    "posée": "put", "mise": "put", "placée": "put", "jetée": "discard", "poussée": "push", "déplacée": "move",
    "rapidement": "quickly", "vite": "quickly", "lentement": "slowly",
    "jetiez": "discard", "poussiez": "push", "déposiez": "put", "déplaciez": "move", "empiliez": "stack",
    "preniez": "take", "rangiez": "put", "remettes": "put", "remettiez": "put", "retourniez": "return",
    "reveniez": "return", "reviennes": "return",
    "white": "white", "one": "one", "same-with": "SAMEWITH",
    "ds": "in", "pls": "please", "plz": "please", "bcp": "",  # typed in a hurry: "dans", "s'il te plaît", "beaucoup"
    "sa": "its", "son": "its", "them": "them", "them-all": "them all", "that-is-not": "that is not",
    "one-on-the-other": "one on the other",
    # eighth pass: the English that the rules below write
    "that-is-on-the": "that is on the", "before-that": "before that", "after-that": "after that",
    "clear-the-table": "clear the table", "donc": "",  # "pose donc le bleu ...": an imperative's filler
    "juste": "",  # "juste à gauche du vert": right next to it
    "the-other-one": "the other one", "mets-elided": "put",
    # ninth pass: the grasp infinitives of a polite frame ("auriez-vous l'amabilité de saisir X afin de le déposer")
    "saisir": "grab", "attraper": "grab", "ramasser": "pick up", "that-one": "that one",
    # misspellings of the bin two letters off, said as often as the word ("dan la poubel")
    "poubel": "bin", "poubell": "bin",
    # tenth pass: Quebec French ("Pogne le cube orange pis empile-le sur le vert", "aux vidanges", "cale le bleu sur le
    # pad"): grab, the bin, put (a place must be said)
    "pogne": "grab", "pognes": "grab", "pognez": "grab", "pogner": "grab", "vidanges": "bin",
    "cale": "put", "calez": "put", "caler": "put", "cales": "put",
    # thirteenth pass: Quebec "droper" (drop: a place must be said)
    "drope": "put", "dropez": "put", "droper": "put", "droppe": "put", "droppez": "put",
    "dégage": "put", "dégagez": "put",  # "dégage-le à la poubelle" (get it out to the bin; a place must be said)
    # eleventh pass: the subjunctive after "que vous" ("je souhaiterais que vous construisiez une tour"), and "gather"
    # said of cubes, which puts them together at the place said ("regroupez les cubes à gauche"; with no place it
    # stays refused)
    "construisiez": "build", "on-the-gauche-side": "on the left side", "on-the-droit-side": "on the right side",
    "on-the-droite-side": "on the right side",
    # Quebec "garrocher"/"pitcher" (to throw: into the bin it is the bin idiom, elsewhere a throw, refused), "aux
    # ordures", "à la benne" (the bin); texting "ms" (mais), "vs" (vous), "dc" (donc)
    "garroche": "throw", "garrochez": "throw", "garrocher": "throw", "pitche": "throw", "pitchez": "throw",
    "pitcher": "throw", "ordures": "bin", "benne": "bin",
    "ms": "but", "vs": "you", "dc": "",
    "regagne": "return", "regagnez": "return", "regagner": "return", "simplement": "",
    "délicatement": "gently", "prudemment": "gently", "gentiment": "",
    "soulever": "lift", "lever": "lift", "without-lifting-it": "without lifting it", "perche": "put", "perchez": "put",
    "percher": "put", "perches": "put", "juche": "put", "juchez": "put", "jucher": "put", "hisse": "put",
    "hissez": "put", "hisser": "put", "regroupe": "put", "regroupez": "put", "regrouper": "put", "rassemble": "put",
    "rassemblez": "put", "rassembler": "put", "regroupes": "put", "rassembles": "put",
    # fourteenth pass (fresh_fr_de_25): "amener" (bring: a place must be said, as "bring" in English), "poze" (pose
    # spelt as said, a teenager's "z")
    "amène": "bring", "amènes": "bring", "amenez": "bring", "amener": "bring",
    "poze": "put", "pozes": "put", "pozez": "put", "pozer": "put",
    # fifteenth pass (fresh_fr_de_27): "édifier une tour" (formal: build)
    "édifie": "build", "édifiez": "build", "édifier": "build",
    # fourteenth pass (fresh_fr_de_26): "garer" (park: a place must be said), "sru" (sur, two letters swapped)
    "gare": "put", "gares": "put", "garez": "put", "garer": "put", "sru": "on",
    # twentieth pass (fresh_fr_de_38): Quebec/Alsace "parke" (park, as "gare": a place must be said); the colours
    # spelt as said, in texting ("le cub rouj", "jone", "oranj")
    "parke": "put", "parkez": "put", "parker": "put",
    "rouj": "red", "rouje": "red", "jone": "yellow", "oranj": "orange", "oranje": "orange",
}
GERMAN_COLOURS = {"rot": "red", "grün": "green", "gruen": "green", "blau": "blue", "gelb": "yellow",
                   "lila": "purple", "violett": "purple", "orange": "orange", "orang": "orange", "rosa": "pink",
                   "pink": "pink", "weiß": "white", "weiss": "white", "schwarz": "black", "grau": "grey",
                   "purpur": "purple", "purpurn": "purple"}
# Every inflected form of a colour: "orange", "orangen", "orangene", "orangefarbenen", "orangefarbig", "lilanen"
# (colloquial "lila" and "orange" take endings on an added "n"), the "-farben"/"-farbig" compounds of each.
DE_COLOUR_FORMS: dict[str, str] = {
    f"{stem}{end}": english
    for colour, english in GERMAN_COLOURS.items()
    # the added "n" only after a vowel ("lilanen", "orangenen", "rosanen"): "blaun" would put "braun" (brown) one
    # letter from blue, and a brown cube asked for would be the blue one
    for stem in (colour, *([f"{colour}n"] if colour[-1] in "aeiou" else []), f"{colour}farben", f"{colour}farbig",
                 f"{colour}farbn")
    for end in ("", "e", "en", "er", "es", "em")}
DE: dict[str, str] = {
    **DE_COLOUR_FORMS,
    "der": "the", "die": "the", "das": "the", "den": "the", "dem": "the", "des": "the", "ein": "a",
    "eine": "a", "einen": "a", "einem": "a", "diesen": "this", "dieser": "this", "dieses": "this",
    "würfel": "cube", "wuerfel": "cube", "würfeln": "cubes", "block": "block", "klotz": "block",
    "klötze": "blocks", "baustein": "block", "bausteine": "blocks", "objekt": "object",
    "leg": "put", "lege": "put", "legen": "put", "legt": "put", "legst": "put", "gelegt": "put",
    "stell": "put", "stelle": "put", "stellen": "put", "stellst": "put", "gestellt": "put",
    "setz": "put", "setze": "put", "setzen": "put", "setzt": "put", "gesetzt": "put", "pack": "put",
    "packe": "put", "packst": "put", "gepackt": "put", "platziere": "put", "platzier": "put",
    "platzierst": "put", "platziert": "put", "tu": "put", "tue": "put", "bring": "bring", "bringe": "bring",
    "beweg": "move", "bewege": "move", "bewegst": "move", "bewegt": "move",
    "nimm": "take", "nehmen": "take", "nimmst": "take", "genommen": "take", "greif": "grab", "greife": "grab",
    "hol": "fetch", "hole": "fetch", "heb": "lift", "hebe": "lift",
    "stapel": "stack", "staple": "stack", "stapele": "stack", "stapeln": "stack", "stapelst": "stack",
    "gestapelt": "stack", "schieb": "push", "schiebe": "push", "schieben": "push", "schiebst": "push",
    "geschoben": "push", "schubs": "push", "drück": "push", "drücke": "push",
    "wirf": "throw", "werfe": "throw", "fass": "touch", "fasse": "touch", "berühr": "touch", "berühre": "touch",
    "berühren": "touch", "fahr": "go", "fahre": "go", "geh": "go", "gehe": "go", "kehr": "go", "kehre": "go",
    "auf": "on", "in": "in", "ins": "in the", "im": "in the", "nach": "toward", "zu": "to", "zum": "to the",
    "zur": "to the", "neben": "beside", "von": "of", "vom": "of the", "oben": "on top",
    "behälter": "bin", "behaelter": "bin", "eimer": "bin", "mülleimer": "bin",
    "mistkübel": "bin", "abfallkübel": "bin", "abfalleimer": "bin",
    "müll": "trash", "tonne": "bin", "korb": "basket", "kiste": "box", "box": "box", "kasten": "box",
    "pad": "pad", "ablage": "pad", "matte": "mat", "plattform": "platform", "ziel": "target",
    "links": "left", "rechts": "right", "linke": "left", "linken": "left", "rechte": "right",
    "rechten": "right", "seite": "side", "bereich": "area", "vorne": "front", "vorn": "front",
    "hinten": "back", "mir": "me",
    "ausgangsposition": "home", "startposition": "home", "grundstellung": "home", "ruheposition": "home",
    "grundposition": "home", "zurück": "back",
    "und": "and", "dann": "then", "danach": "after that", "anschließend": "then", "zuerst": "first",
    "erst": "first", "zuletzt": "finally", "schließlich": "finally", "abschließend": "finally",
    "bevor": "before", "nachdem": "after", "aber": "but", "oder": "or", "auch": "also",
    "alle": "all the", "allen": "all the", "jeden": "every", "jeder": "every", "jedes": "every",
    "außer": "except", "ausser": "except", "beide": "both", "beiden": "both", "übrigen": "others",
    "anderen": "other", "andere": "other",
    # a cube is "ihn"; "sie" as an object is plural ("leg sie aufs Pad" after two cubes: them, never the last one)
    "ihn": "it", "sie": "them", "es": "it",
    "schnell": "quickly", "langsam": "slowly",
    "bitte": "please", "danke": "thanks", "hallo": "hello", "vorsichtig": "gently", "jetzt": "now",
    "mal": "", "du": "you", "könntest": "could", "ihr": "you",
    "do": "do", "not": "not", "never": "never", "touch": "touch", "discard": "discard", "pick": "pick",
    "up": "up", "leftmost": "leftmost", "rightmost": "rightmost",
    # contractions and pronominal adverbs ("aufs Pad", "stell ihn drauf": on the one just mentioned)
    "aufs": "on the", "ans": "to the", "am": "at the", "drauf": "on it", "darauf": "on it",
    "obendrauf": "on top of it", "obenauf": "on top of", "mit": "with",
    "aus": "out of", "alles": "everything", "rein": "", "hinein": "", "hin": "", "ohne": "without",
    # colloquial verbs, their infinitives and the forms a verb-final clause ends with
    "packen": "put", "packt": "put", "tun": "put", "werfen": "throw", "wirfst": "throw", "bau": "build",
    "baue": "build", "bauen": "build", "baust": "build", "gebaut": "build", "turm": "tower",
    "stapelt": "stack", "schiebt": "push", "nimmt": "take", "greifen": "grab", "greifst": "grab",
    "holen": "fetch", "heben": "lift", "hebst": "lift", "bringen": "bring", "bringst": "bring",
    "bewegen": "move", "berührst": "touch", "platzieren": "put", "ablegen": "put", "hochheben": "pick up",
    "aufheben": "pick up", "wegwerfen": "discard", "anfassen": "touch", "würdest": "could", "kannst": "could",
    "könnten": "could", "können": "could",
    "anzufassen": "touch", "anzurühren": "touch", "wegzuwerfen": "discard", "aufzuheben": "pick up",
    "hochzuheben": "pick up", "unten": "at the bottom", "ganz": "very", "mitte": "middle", "unterste": "bottom",
    "oberste": "top",
    "oberen": "top", "unteren": "bottom", "obersten": "top", "untersten": "bottom",
    "vordersten": "frontmost", "zone": "area",  # fourteenth pass (fresh_fr_de_26)
    "hey": "hey", "hi": "hi", "mach": "put", "mache": "put",
    "schmeiß": "throw", "schmeiss": "throw", "schmeiße": "throw", "schmeisse": "throw",
    "entsorg": "discard", "entsorge": "discard", "entsorgen": "discard", "entsorgst": "discard",
    "gebracht": "put", "home-position": "home", "homeposition": "home", "home": "home",
    "vier": "four", "drei": "three", "zwei": "two",
    "from-top-to-bottom": "from top to bottom", "from-bottom-to-top": "from bottom to top",
    "in-this-order": "in this order",
    # issue 17 item 5, fourth pass: "räum X in den Behälter", bin and pad nouns, formal and modal forms,
    # subordinate-clause participles, "sämtliche", relative references written by _DE_PHRASES
    "räum": "put", "räume": "put", "räumen": "put", "räumst": "put", "geräumt": "put",
    "papierkorb": "bin", "mülltonne": "bin", "abfall": "trash", "abfallbehälter": "bin", "müllbehälter": "bin",
    "abfalltonne": "bin", "kübel": "bin", "müllkorb": "bin", "abfallkorb": "bin",
    "unterlage": "pad", "ablagefläche": "pad", "zielfläche": "pad", "zielfeld": "pad", "zielbereich": "target",
    "würden": "could", "würde": "could", "wegwirfst": "discard", "wegwirft": "discard", "weggeworfen": "discard",
    "entsorgt": "discard", "weggeräumt": "discard", "wegräumst": "discard", "geworfen": "throw",
    "geschmissen": "throw", "schmeißt": "throw", "abgelegt": "put", "abgestellt": "put", "hingelegt": "put",
    "hingestellt": "put", "draufgelegt": "put", "draufgestellt": "put", "draufgesetzt": "put",
    "sämtliche": "all the", "sämtlichen": "all the", "jede": "every", "einzelnen": "", "einzelne": "",
    "gleichen": "same", "selben": "same", "denselben": "the same", "dieselbe": "the same", "dasselbe": "the same",
    "mittlere": "middle", "mittleren": "middle", "mittlerer": "middle", "mittleres": "middle",
    "doch": "", "einfach": "", "kurz": "", "noch": "", "gerne": "", "gern": "", "dir": "you",
    "ausgangsstellung": "home", "ausgangslage": "home", "ruhestellung": "home", "startstellung": "home",
    "nullstellung": "home", "heimposition": "home", "grundhaltung": "home",
    "fahren": "go", "gehen": "go", "kehren": "go", "schmeißen": "throw", "schmeissen": "throw", "fassen": "touch",
    "drücken": "push", "machen": "put", "machst": "put",  # fifteenth pass: a learner's "in Mülleimer machst"
    "one": "one", "leg-elided": "put",
    "closest-to-the-robot": "closest to the robot", "farthest-from-the-robot": "farthest from the robot",
    "the-one-you-just-moved": "the one you just moved", "middle": "middle", "the-rest": "the rest",
    # sixth pass: the declarative instruction ("danach fährst du ..."), colloquial verbs, possessives before the home
    # position, and the English that _DE_SPOKEN writes
    "fährst": "go", "gehst": "go", "kehrst": "go", "tust": "put", "fasst": "touch", "schubse": "push",
    "schubst": "push", "schubsen": "push", "stups": "push", "stupse": "push", "stupst": "push", "stupsen": "push",
    "hau": "throw", "haust": "throw", "hauen": "throw", "deine": "your", "deinen": "your", "deiner": "your",
    "ihre": "your", "seine": "its", "wieder": "", "einmal": "", "eben": "",
    "wegschmeißen": "discard", "wegschmeissen": "discard", "wegräumen": "discard", "wegtun": "discard",
    "darüber": "on it", "darunter": "below it", "drunter": "below it", "verschieb": "push", "verschiebe": "push",
    "verschieben": "push", "verschiebst": "push",
    "wegmachen": "discard", "hinlegen": "put", "hinstellen": "put", "drauflegen": "put", "draufstellen": "put",
    "draufsetzen": "put", "abstellen": "put", "zurückfahren": "go", "zurückkehren": "go", "zurückgehen": "go",
    # twenty-third pass (fresh_fr_de_44): "auf die linke Seite hinüberlegen / rüberlegen" (lay it over there), the
    # "du" forms of the verbs put on top ("bevor du den gelben auf den roten draufstellst")
    "hinüberlegen": "put", "rüberlegen": "put", "hinüberstellen": "put", "rüberstellen": "put",
    "draufstellst": "put", "drauflegst": "put", "draufsetzt": "put",
    "i-want": "i want", "to-be": "to be", "same-with": "SAMEWITH", "one-of-the-cubes": "one of the cubes",
    "hälfte": "half",
    "them-all": "them all", "the-other": "the other", "another": "another", "that-is-not": "that is not",
    "one-on-the-other": "one on the other",
    # eighth pass: colloquial articles ("Bau mal nen Turm"), "drüber" (on it), and the English the rules below write
    "nen": "a", "nem": "a", "ner": "a", "drüber": "on it", "that-is-on-the": "that is on the",
    "before-that": "before that", "same-with-in": "SAMEWITHIN", "same-with-on": "SAMEWITHON",
    "clear-the-table": "clear the table", "direkt": "",  # "direkt links vom grünen"
    # tenth pass: Austrian and Swiss words of the domain ("das blaue Würferl", "ein Türmchen", "in den Kehricht")
    # thirteenth pass: Swiss "parkieren" (park: put, a place must be said)
    "parkieren": "put", "parkier": "put", "parkiere": "put", "parkierst": "put", "parken": "put", "park": "put",
    "parkst": "put",
    "würferl": "cube", "würfelchen": "cube", "türmchen": "tower", "kehricht": "bin", "güsel": "bin",
    "andern": "other", "rüber": "", "hinüber": "",
    # sixteenth pass (fresh_fr_de_30): Austrian "hernach" (afterwards), Bavarian "umi"/"ummi" (over there)
    "hernach": "after that", "umi": "", "ummi": "",
    "after-the": "after the", "is-in-the": "is in the", "is-on-the": "is on the",  # written by _state_reached_first
    # eleventh pass: Austrian and southern "geben" for put ("gib den lila auf die rechte Seite", "in den Mistkübel
    # geben"); with no place ("gib mir den roten") it hands over, which nothing reads, and stays refused
    "gib": "put", "gibst": "put", "geben": "put", "gebt": "put", "gegeben": "put",
    # Swiss "zügeln" (to move house): move the cubes to the place said ("zügeln Sie beide Würfel auf die linke Seite")
    "on-the-links-side": "on the left side", "on-the-rechts-side": "on the right side",
    "behutsam": "gently", "sachte": "gently", "sacht": "gently", "sanft": "gently", "freundlicherweise": "",
    "netterweise": "", "liebenswürdigerweise": "",
    # eleventh pass, fresh_fr_de_20 (mid-session): English words in German ("den orangen Cube aufs Target-Pad
    # moven", "in die Bin", "Push den blauen ..."), Bavarian "olle" (alle), "fahrst" (fährst)
    "cube": "cube", "cubes": "cubes", "bin": "bin", "target-pad": "pad", "moven": "move", "move": "move",
    "movst": "move", "push": "push", "pushen": "push", "pls": "please", "olle": "all the", "fahrst": "go",
    # "türm den roten auf den blauen": pile it up, stack
    "türm": "stack", "türme": "stack", "türmen": "stack", "türmst": "stack", "getürmt": "stack",
    "zurückfährst": "go", "zurückkehrst": "go", "zurückgehst": "go",  # "bevor du zurückfährst, ..."
    "zügle": "put", "zügel": "put", "zügeln": "put", "zügelst": "put", "gezügelt": "put",
}
# The English verbs of action the lexicon's verbs translate into
VERBS_EN = frozenset({"put", "move", "take", "grab", "pick", "lift", "stack", "push", "slide", "discard", "touch",
                       "return", "go", "fetch", "bring", "throw"})
