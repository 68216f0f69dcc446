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

from policies.planner.fr_de_lexicon import DE, FR

# what does not wait for the speaker, in the frame of haste: anything but a cube, a colour or the robot
_NOT_WAITER = (r"(?:cubes?|blocs?|briques?|rouge|vert|verte|bleu|bleue|jaune|violet|violette|orange|rose|robot|bras|"
               r"pad|poubelle|bac)\b")
# ... nor, in a comparison of what a cube is worth ("aussi précieux que la Coupe Stanley"), a place, an order or a
# negation
_NOT_VALUED = (r"(?:gauche|droite|table|tapis|plateforme|corbeille|cible|zone|côté|pas|plus|jamais|rien|sauf|puis|"
               r"ensuite|avant|après|et|ou|mais|tous|tout|toutes|autres?)\b")
# a word after "der gehört" that is no one's name: where a cube belongs ("der gehört weg / dahin / in den Müll")
_NOT_A_NAME = (r"(?:weg|hin|dahin|dorthin|hierhin|daher|hierher|rein|raus|rüber|nach|in|ins|auf|aufs|zu|zum|zur|"
               r"nicht|nich|net|ned|dem|der|den|die|das|da|dort|hier|woanders|eigentlich|auch|zusammen|mir|uns|dir|"
               r"euch|ihnen|ihm|ihr|sich)\b")
_NOT_WAITER_DE = (r"(?:würfel|block|klotz|baustein|klötze|blöcke|roboter|arm|greifer|pad|müll|eimer|mülleimer|tonne|"
                  r"rot|grün|blau|gelb|lila|orange|rosa|violett|feuerwehr|polizei|notarzt|notärztin|krankenwagen|"
                  r"rettung|sanitäter|arzt|ärztin)[a-zäöüß]*\b")
_INTENSIFIER_FR = r"(?:(?:gavé|très|super|vraiment|hyper|trop|grave|assez|un peu|absolument|encore) )?"
# "on en a (encore) besoin (pour la démo de cet après-midi)": what the cube is needed for, a closed list (twentieth
# pass: "la/le/l'" and the occasion of this afternoon, fresh_fr_de_33/37)
_NEEDED_FOR_FR = (rf"(?:j' ?en ai|on en a|nous en avons) {_INTENSIFIER_FR}besoin"
                  r"(?: pour (?:mon|ma|notre|un|une|la|le|l' ?) ?(?:projet|expérience|démo|démonstration|manip|manipe|"
                  r"maquette|tp|cours|test|essai)(?: de (?:cet aprèm|cet après-midi))?)?")
# ... said after a request that puts the cube somewhere, only with what it is needed for (a bare "j'en ai besoin" after
# "mets le rouge à gauche" stays unread: a keep reason, s12 pin)
_NEEDED_FOR_FR_PURPOSE = _NEEDED_FOR_FR[:-1]  # the last group, "pour ...", no longer optional
_REASONS: dict[str, dict[str, str]] = {
    "fr": {
        "discard": (r"(?:on |je |nous |j' ?)(?:n' ?)?en (?:a|ai|avons) (?:plus|pu) (?:besoin|l' ?usage)|"
                    r"(?:on|je|nous) (?:n' ?)?en (?:veut|veux|voulons) (?:plus|pu)|"
                    r"(?:il|elle|y|ça|ils|elles)\s*(?:ne |n' ?)?(?:me |nous )?(?:sert|servent) (?:plus |pu |pus )?"
                    # sixteenth pass (fresh_fr_de_30): Quebec "y sert pu à rien pantoute" (at all)
                    r"(?:à|a) rien(?: (?:pantoute|du tout|de rien))?(?:\s*,?\s*(?:ce|cette) (?:machin|truc|bidule|cube|"
                    # nineteenth pass (fresh_fr_de_36): the subject said again after the reason with no comma ("il
                    # sert à rien ce machin")
                    r"bloc))?|"
                    r"(?:il|elle) a fait son temps(?:\s*,\s*(?:celui|celle)-là)?"),
        "in_the_way": (r"(?:il|elle) (?:me |nous )?(?:gêne|encombre|traîne)(?: (?:là|ici))?(?: au milieu)?"
                       # fifteenth pass (fresh_fr_de_28): "il gêne la caméra"
                       r"(?: (?:la caméra|le passage|le bras|le capteur))?"
                       # fourteenth pass (fresh_fr_de_26): "Il traîne là depuis tantôt, une fois."
                       r"(?: depuis (?:tantôt|ce matin|hier|longtemps|des heures|un moment|tout à l' ?heure))?|"
                       r"(?:il|elle) est (?:dans le chemin|dans les jambes|dans mes jambes)(?: (?:là|ici))?|"
                       # thirteenth pass: "il est trop collé à ta base"
                       r"(?:il|elle) est (?:trop |un peu |beaucoup )?(?:collé|collée|près|proche) (?:à|de) "
                       r"(?:ta|votre|la) base|"
                       # sixteenth pass (fresh_fr_de_30, its German twin): where the cube stands is the trouble, the
                       # edge of the table ("il est trop près du bord"); no word of it is open
                       r"(?:il|elle) (?:est|me semble) (?:un peu |beaucoup |bien |vraiment )?(?:trop |bien trop )"
                       r"(?:près|proche) (?:du bord|de la bordure|de l' ?arête|du coin)(?: de la table)?|"
                       # seventeenth pass (fresh_fr_de_31): too near the speaker, who stands at the robot ("il est
                       # beaucoup trop près de moi là")
                       r"(?:il|elle) (?:est|me semble) (?:un peu |beaucoup |bien |vraiment )?(?:trop |bien trop )"
                       r"(?:près|proche) de (?:moi|nous)(?: (?:là|ici))?|"
                       r"(?:il|elle) est (?:un peu |beaucoup |vraiment )?trop (?:au bord|sur le bord)"
                       r"(?: de la table)?|"
                       # twenty-fourth pass (fresh_fr_de_46): where it stands looks wrong ("il est trop chelou là où il
                       # est", "elle est mal placée")
                       r"(?:il|elle) est (?:un peu |vraiment |trop |super )?(?:chelou|mal placé|mal placée|mal mis|"
                       r"mal mise)(?: là où (?:il|elle) est)?"),
        "room": (r"(?:j' ?ai|on a|nous avons) besoin de (?:la )?place(?: (?:au milieu|sur la table|ici))?|"
                 # twentieth pass (fresh_fr_de_38): "on va voir clair" (we will see clearly: room made)
                 r"on (?:va|pourra|y) (?:y )?voir (?:plus )?clair|"
                 # twenty-first pass (fresh_fr_de_29/39, the twin of "ich muss hier rechts wischen"): cleaning where
                 # the cube stood ("je dois passer la lavette ici"), a closed list of cloths and of places
                 r"(?:je dois|il faut que je|faut que je|je vais) passer (?:la lavette|la serpillière|la serpillère|"
                 r"le chiffon|l' ?éponge|un coup de (?:chiffon|lavette|éponge))(?: (?:ici|là|à droite|à gauche|au "
                 r"milieu|sur la table))?|"
                 # nineteenth pass (fresh_fr_de_36): cleaning the table ("(il) faut que je nettoie la table"), the
                 # preamble's words (fr_de_wrappers) said after the request
                 r"(?:(?:il )?faut que je|je dois|on doit) (?:nettoie|nettoyer|passe le chiffon sur|passer le chiffon "
                 r"sur) (?:la table|ici|le plan de travail)|"
                 r"comme ça c' ?est (?:a bissel |un peu |bien |plus )?rangé|"
                 # twenty-first pass (fresh_fr_de_40): "..., que ça fasse propre" (so it looks tidy), "pour que ce
                 # soit propre / rangé / nickel": the tidy result, a closed list of adjectives
                 r"(?:pour )?qu(?:e |' ?)(?:ça|ca|ce|tout) (?:fasse|soit|fassent|soient) (?:(?:bien|plus|un peu) )?"
                 r"(?:propre|rangé|net|nickel|clean)|comme ça c' ?est (?:bien |plus )?(?:propre|nickel)|"
                 # fourteenth pass (fresh_fr_de_26): "..., on fait du ménage" (we are tidying up)
                 # (twenty-third pass, fresh_fr_de_44: "... ? On fait le ménage avant la démo de demain.": what the
                 # tidying is for, a closed list of events; the day names the event, the tidying is now)
                 r"on fait (?:du|le|un peu de) ménage(?: avant (?:la démo|la démonstration|la visite|la présentation|"
                 r"l' ?inspection)(?: (?:de demain|de ce soir|de cet après-midi|de cet aprèm|de tout à l' ?heure))?)?|"
                 r"on range(?: un peu| tout)?|"
                 # seventeenth pass (fresh_fr_de_32): "On fait place nette (comme après le coup de feu)." (a chef's
                 # rush hour: a closed simile)
                 r"on fait place nette(?: comme après (?:le coup de feu|le service|la fête|une fête))?|"
                 # thirteenth pass: "comme ça ils font une jolie petite maison" (what the stack looks like)
                 r"comme ça (?:ils|elles) font une (?:jolie |belle )?(?:petite )?(?:maison|tour|pile)|"
                 r"il (?:me|nous) faut de la place(?: (?:au milieu|sur la table|ici))?|"
                 # eighteenth pass (fresh_fr_de_34): the place closes for the day ("..., on ferme le labo"): a closed
                 # noun of the workplace
                 r"on (?:ferme|va fermer|range et on ferme)(?: (?:le|la|l' ?) ?(?:labo|laboratoire|atelier|salle|"
                 r"boutique|magasin|bureau|local|hangar|garage))?(?: pour (?:aujourd' ?hui|ce soir|la journée))?"),
        "urgent": (rf"c' ?est {_INTENSIFIER_FR}(?:urgent|pressé)|"
                   # fourteenth pass (fresh_fr_de_26): "..., je suis à la bourre"
                   r"je suis (?:(?:un peu|très|super|grave|trop) )?(?:à la bourre|en retard|pressée?)|"
                   r"(?:mon|ma|notre) (?:tp|td|cours|réunion|démo|examen|exam|bus|train|pause) (?:commence|part) "
                   r"dans (?:deux|trois|cinq|dix|quinze|vingt|quelques) minutes|"
                   # fifteenth pass (fresh_fr_de_27): "j'ai pas le temps", "on a une démo dans dix minutes"
                   r"(?:j' ?ai|je n' ?ai|on a|on n' ?a) (?:pas|plus|pas trop|pas vraiment|vraiment pas) le temps|"
                   # twenty-third pass (fresh_fr_de_44): someone of the speaker's waits ("j'ai un client qui m'attend
                   # en bas, moi"): a closed noun of a visitor, waiting, never a cube
                   r"(?:j' ?ai|on a) (?:un|une|des|mon|ma|mes|notre|nos) (?:client|cliente|clients|patient|patiente|"
                   r"rendez-vous|rdv|visiteur|visiteurs|livreur) qui (?:m' ?|nous )?(?:attend|attendent)"
                   r"(?: (?:en bas|dehors|à côté|à l' ?accueil|au comptoir))?(?:,? moi)?|"
                   r"(?:on a|j' ?ai|nous avons) (?:une|un|ma|mon|notre) (?:démo|réunion|cours|tp|td|examen|visite|"
                   r"rdv|rendez-vous|présentation) dans (?:deux|trois|cinq|dix|quinze|vingt|quelques) minutes|"
                   # twentieth pass (fresh_fr_de_38): "j'ai cours dans 5 min" (no article; minutes in figures)
                   r"(?:j' ?ai|on a|nous avons) (?:cours|tp|td|réunion|exam|examen|partiel) dans (?:[1-9]|[1-5][0-9]|"
                   r"deux|trois|cinq|dix|quinze|vingt|quelques) ?(?:minutes|min)|"
                   # twenty-first pass (fresh_fr_de_40): the speaker's appointment at a clock time today ("on fait
                   # une démo à 14h", "j'ai une réunion à 9 h 30", "on a un cours cet aprèm"): a closed verb, a closed
                   # noun, a time of today in figures or words (tomorrow, tonight: a later run, as REV s19-R6)
                   r"(?:on (?:fait|a)|j' ?ai|nous (?:avons|faisons)) (?:une|un|ma|mon|notre) (?:démo|démonstration|"
                   r"réunion|cours|tp|td|examen|visite|rdv|rendez-vous|présentation|répétition) (?:(?:à|vers|dès) "
                   r"(?:(?:[0-9]|1[0-9]|2[0-3]) ?h(?: ?[0-5][0-9])?|midi)|cet (?:après-midi|aprèm|aprem))|"
                   # sixteenth pass (fresh_fr_de_30): the family of haste, a closed frame ("et vite, que la pêche elle
                   # attend pas": something of the speaker's that does not wait, one noun, never a cube; "on n'a pas
                   # toute la journée", "j'ai pas que ça à faire")
                   r"(?:(?:et )?vite\s*,\s*)?(?:que|parce que|car) (?:la|le|les|mon|ma|mes|notre|nos) "
                   rf"(?!{_NOT_WAITER})[a-zà-ÿ]+(?: (?:elle|il|ils|elles))? (?:n' ?)?(?:attend|attendent) pas|"
                   r"(?:on|j' ?ai|je n' ?ai|on n' ?a|j' ?) ?(?:a |ai )?(?:pas|plus) toute la (?:journée|nuit|soirée)|"
                   r"(?:j' ?ai|je n' ?ai|j') ?(?:ai )?pas (?:que )?ça à faire|(?:et )?que ça saute|"
                   # seventeenth pass (fresh_fr_de_31): an event of the speaker's is soon ("Vite, le défilé est dans
                   # une heure !"): one open noun, never a cube, a colour or the robot, a closed time
                   r"(?:(?:et )?vite\s*[,!]\s*)?(?:le|la|l' ?|mon|ma|notre) "
                   rf"(?!{_NOT_WAITER})[a-zà-ÿ]+ (?:est|commence|démarre|arrive|part) dans (?:une|deux|trois|cinq|dix|"
                   r"quinze|vingt|trente|quelques) (?:heures?|minutes?|secondes)"),
        "keep": (r"(?:j' ?ai|je viens de|on a) (?:juste |bien )?(?:nettoyé|nettoyer|essuyé|essuyer|rangé|ranger|"
                 r"dégagé|dégager|lavé|laver) (?:autour|tout autour|à côté|la table autour)|"  # (fresh_fr_de_34)
                 rf"{_NEEDED_FOR_FR}|"
                 # twenty-first pass (fresh_fr_de_40, fd31-007, fd33-014): what the kept cube is worth to the speaker
                 # ("y'est aussi précieux que la Coupe Stanley", "c'est sacré", "c'est mon grand cru"): a closed list
                 # of words of value; a comparison names no cube, colour or place (two words at most)
                 r"(?:(?:lui|elle)\s*,?\s*)?(?:(?:il|elle) est|y ?' ?est|c' ?est) "
                 r"(?:(?:trop|très|super|vraiment|tellement|aussi|plus) )?(?:précieux|précieuse|sacré|sacrée|fragile|"
                 r"rare|cher|chère|important|importante)"
                 rf"(?: (?:que|qu' ?) ?(?:la|le|l' ?|les|mon|ma|un|une) ?(?!{_NOT_WAITER}|{_NOT_VALUED})[a-zà-ÿ]+"
                 rf"(?: (?!{_NOT_WAITER}|{_NOT_VALUED})[a-zà-ÿ]+)?)?|"
                 r"c' ?est (?:mon|ma|notre) (?:grand cru|trésor|chouchou|préféré|préférée|bébé|porte-bonheur|"
                 r"fétiche)|"
                 r"(?:(?:lui|elle)\s*,?\s*)?(?:il|elle|qui) reste (?:là|ici|où (?:il|elle) est|en place)|"
                 # twentieth pass (fresh_fr_de_38): Quebec "lui y'est correct là" (it is fine where it is)
                 r"(?:(?:lui|elle)\s*,?\s*)?(?:il|elle|y) ?' ?est (?:correct|correcte|ben correct|parfait|bien) "
                 r"(?:là|ici|où (?:il|elle) est|comme ça)|"
                 r"(?:(?:celui-là|celle-là|lui|elle)\s*,?\s*)?(?:tu|vous) (?:le|la) (?:laisses|laissez) "
                 r"(?:tranquille|là|où (?:il|elle) est|en place)|"
                 r"(?:(?:lui|elle)\s*,?\s*)?je (?:le|la) garde|"
                 r"c' ?est (?:celui|celle) de (?:mon|ma) (?:neveu|nièce|fils|fille|frère|sœur|soeur|collègue|chef|"
                 r"petit-fils|petite-fille)(?: (?!(?:pas|plus|jamais|non|mais|et|ou|puis|ensuite|demain|après|avant|"
                 r"aussi)\b)[a-zà-ÿ]+)?|"  # thirteenth pass: "... de mon petit-fils Yann" (a name after it)
                 r"(?:il|elle) est (?:déjà |bien )?(?:calibré|calibrée|réglé|réglée) (?:là|ici|comme ça)?|"
                 # seventeenth pass (fresh_fr_de_32): how finely it is set ("il est réglé au micron près")
                 r"(?:il|elle) est (?:déjà |bien )?(?:calibré|calibrée|réglé|réglée|ajusté|ajustée) (?:au|à la) "
                 r"(?:micron|millimètre|mm|dixième|poil|seconde)(?: près)?|"
                 # fourteenth pass (fresh_fr_de_25): "je l'ai réglé au dixième" (the speaker set it up)
                 r"je (?:l' ?ai|viens de (?:le|la)) (?:réglé|réglée|calibré|calibrée|régler|calibrer)"
                 r"(?: (?:au dixième|au millimètre|au poil|ce matin|hier|tout à l' ?heure))?|"
                 # thirteenth pass: whose it is ("il appartient à l'équipe d'à côté"), what touching it would do
                 # ("..., hein, sinon tout va dégringoler")
                 r"(?:(?:il|elle) (?:m' ?|nous )?appartient|c' ?est (?:celui|celle)) (?:à|de) (?:l' ?équipe|"
                 r"l' ?autre (?:équipe|groupe)|mon (?:collègue|voisin|binôme)|ma (?:collègue|voisine))"
                 r"(?: d' ?à côté)?|"
                 r"sinon (?:tout|ça|la pile|la tour|tout le reste) va (?:dégringoler|tomber|s' ?écrouler|"
                 r"s' ?effondrer|se renverser)|"
                 # sixteenth pass (fresh_fr_de_30): a threat of the speaker's temper ("..., hein, sinon je m'énerve !")
                 r"sinon (?:je (?:m' ?énerve|me fâche|vais me fâcher|vais m' ?énerver|me mets en colère)|"
                 r"ça va (?:barder|chauffer)|gare à toi)|"
                 # twenty-fourth pass (fresh_fr_de_46): the speaker's annoyance ("..., c'est relou sinon")
                 r"c' ?est (?:relou|chiant|pénible|galère) sinon|sinon c' ?est (?:relou|chiant|pénible|la galère)"),
        "as_they_are": r"(?:et )?(?:laisse|laissez) (?:les|tous les) cubes (?:comme ils sont|où ils sont|tranquilles)",
        # thirteenth pass: a cube the speaker used before ("Celui que j'ai utilisé tantôt."), said after a request
        # whose cube is open: the planner cannot see what was used and asks which cube (it is no colour it could read)
        "earlier": (r"(?:celui|celle) (?:que j' ?ai (?:utilisé|pris|touché|déplacé|posé|eu)|d' ?avant|de tout à "
                    r"l' ?heure)(?: (?:tantôt|tout à l' ?heure|avant|hier|ce matin|la dernière fois))?"),
        # sixteenth pass (fresh_fr_de_30): what a stack looks like, a simile after a request that stacks ("Mets le
        # cube orange par-dessus le jaune, là, tsé, comme une p'tite tour."): nothing open, no cube named
        "stack_shape": (r"(?:(?:là|tsé|tu sais|genre)\s*,\s*)*(?:comme|en) (?:une |un )?(?:p' ?tite |petite |jolie |"
                        r"belle |mini-?)?(?:tour|pile|tourelle|colonne|bonhomme de neige)"),
        # sixteenth pass (fresh_fr_de_30): what the request lets "us" start ("..., qu'on puisse commencer la
        # réunion", "pour qu'on puisse commencer"): a closed verb and a closed noun, after a request
        "purpose": (r"(?:pour )?qu' ?on puisse (?:commencer|démarrer|attaquer|continuer|reprendre)"
                    r"(?: (?:la|le|notre|ma|mon|l' ?) ?(?:réunion|cours|démo|tp|td|expérience|manip|séance|travail|"
                    r"atelier|visite|présentation))?|"
                    # twenty-fourth pass (fresh_fr_de_46): "..., qu'on puisse passer à la suite" (move on)
                    r"(?:pour )?qu' ?on (?:puisse )?passer à la suite"),
        # "C'est juste pour voir, hein, je ne veux rien casser.": why the speaker asks, after a request
        "why_asked": (r"c' ?est (?:juste|seulement|simplement) pour voir(?:\s*,\s*(?:hein|quoi))?(?:\s*,\s*je ne veux "
                      r"rien casser)?"),
        # thirteenth pass: what the speaker does with the cube where it is put ("faut que je le scanne pour mon labo
        # de physique"): after a request that puts it somewhere other than the bin
        # twentieth pass (fresh_fr_de_33/37): the cube put where it is needed ("vous me le mettez du côté gauche,
        # on en a besoin pour la démo de cet après-midi"), never binned (_agrees)
        "use": (rf"{_NEEDED_FOR_FR_PURPOSE}|"
                # twentieth pass (fresh_fr_de_38): "C'est pour montrer à ma fille." (shown to someone, a closed list)
                r"c' ?est pour (?:le |la |les )?montrer à (?:ma|mon|mes|la|le|les|des) (?:fille|fils|enfants|"
                r"petite-fille|petit-fils|neveu|nièce|collègues?|chef|cheffe|client|cliente|clients|visiteurs|"
                r"élèves|étudiants|classe|mari|femme|parents)|"
                r"(?:le client|la cliente|les clients|le chef|la cheffe|mon chef|ma cheffe|le prof|la prof|les "
                r"visiteurs|les enfants) (?:veut|veulent|voudrait|voudraient|doit|doivent) (?:le|la) "
                r"(?:voir|regarder|photographier)|"  # eighteenth pass: the twin of "Der Kunde möchte ihn sehen."
                r"(?:(?:il )?faut que je (?:le|la) (?:scanne|photographie|prenne en photo|mesure|pèse|filme)|"
                # fourteenth pass (fresh_fr_de_25): "Je dois le scanner juste après."
                r"je dois (?:le|la) (?:scanner|photographier|prendre en photo|mesurer|peser|filmer))"
                r"(?: (?:juste |tout de suite )?(?:après|ensuite))?"
                r"(?: pour (?:mon|ma|le|la|notre) (?:labo|tp|td|cours|projet|thèse|rapport|expérience|mémoire)"
                r"(?: de (?:physique|chimie|bio|biologie|robotique|maths|mécanique))?)?"),
    },
    "de": {
        "discard": (r"(?:der|die|das|er|sie|es) (?:gehört|ghört|kann) weg|"
                    # twenty-first pass (fresh_fr_de_40): "der ghört in'n Mülleimer" (it belongs in the bin) after a
                    # request that bins it (_agrees), a closed list of bins
                    r"(?:der|die|das|er|sie|es) (?:gehört|ghört|g' ?hört) (?:(?:eh|doch|sowieso|halt|ja) )?(?:in den|"
                    r"in die|in'n|in ' ?n|in|ins|inne|in d' ?) ?(?:müll|mülleimer|eimer|abfall|abfalleimer|tonne|"
                    r"kübel|mistkübel|chübel|abfallbehälter)|"
                    # thirteenth pass: Viennese "der is eh scho ganz zerkratzt" (wear that makes a cube worth
                    # binning; "der ist kaputt" may say the bin is broken, which would forbid the request, and stays
                    # unread)
                    r"(?:der|die|das|er|sie|es) (?:ist|is) (?:eh |eh schon |eh scho |schon |scho )?"
                    r"(?:ganz |total |völlig |eh )?(?:zerkratzt|verkratzt|angeschlagen)|"
                    # fifteenth pass (fresh_fr_de_28): Hamburg "der is eh Schiet" (rubbish anyway)
                    r"(?:der|die|das|er|sie|es) (?:ist|is) (?:eh |sowieso |doch )?(?:schiet|schrott|mist|müll)|"
                    r"(?:den|die|das) brauch(?:e|en)? (?:ich|wir|ma) (?:nicht mehr|nich mehr|nimmer|nimma|net mehr|"
                    r"ned mehr)|(?:der|die|das) wird nicht mehr gebraucht"),
        "in_the_way": (r"(?:der|die|das|er|sie|es) (?:steht|liegt|ist) (?:da |hier )?(?:mir |uns )?(?:total |voll )?"
                       r"im weg(?: rum| herum)?|(?:der|die|das) stört (?:da|hier|mich)?|"
                       r"(?:rechts|links|da|hier) (?:is|ist|steht|liegt) (?:er|sie|es|der|die|das) im weg|"
                       # sixteenth pass (fresh_fr_de_30): too near the edge ("der steht mir zu nah am Rand"); no word
                       # of it is open
                       r"(?:der|die|das|er|sie|es) (?:steht|liegt|ist|is) (?:da |hier )?(?:mir |uns )?"
                       r"(?:(?:viel|etwas|ein bisschen|ein bissl|arg|echt|ganz schön) )?zu (?:nah|nahe|dicht) "
                       r"(?:am|an der|an die) (?:rand|kante|tischkante|tischrand|ecke)"),
        "room": (r"(?:wir|ich) räum(?:e|en)? (?:heute |gerade |grad |jetzt |hier )*auf|"  # (fresh_fr_de_26)
                 # twenty-first pass (fresh_fr_de_37): cleaning where the cubes stood ("ich muss hier rechts
                 # wischen"), the preamble's words (fr_de_wrappers) said after the request; the side said is checked
                 # against the side the request fills (_agrees)
                 r"(?:ich|wir) (?:muss|müssen) (?:(?:hier|da|mal|kurz|feucht|rechts|links|in der mitte) )*"
                 r"(?:wischen|putzen|sauber machen|durchwischen|abwischen)|"
                 # twentieth pass (fresh_fr_de_38): "wir baun eh neu auf" (we build it all up again)
                 r"(?:wir|ich) (?:bauen|baun|baue|bau) (?:eh |gleich |dann |nachher |sowieso |jetzt )*"
                 r"(?:alles |das |den tisch )?neu auf|"
                 # nineteenth pass (fresh_fr_de_36): cleaning where the cubes stand ("ich muss hier wischen"), the
                 # preamble's words (fr_de_wrappers) said after the request
                 r"(?:ich|wir|i) (?:muss|müssen|mua|muass) (?:(?:hier|da|jetzt|gleich|grad|gerade|mal|kurz) )*"
                 r"(?:feucht |nass )?(?:wischen|putzen|durchwischen|sauber machen|saubermachen)|"
                 r"(?:das tischerl|das tischchen|den tisch|die mitte|die tischmitte) brauch(?:e|en)? (?:ich|wir|ma) "
                 r"(?:in der mitte )?frei|(?:ich|wir) brauch(?:e|en)? (?:da |hier )?platz(?: in der mitte)?|"
                 # eighteenth pass (fresh_fr_de_34): the side where room is needed ("ich brauch rechts Platz")
                 r"(?:ich|wir|i|ma) brauch(?:e|en)? (?:(?:da|hier|jetzt|grad|gerade) )?(?:rechts|links|vorne|hinten|"
                 r"auf der (?:rechten|linken) seite|in der mitte) (?:(?:etwas|ein bisschen|mehr) )?platz"),
        "urgent": (r"(?:es|das) (?:ist|is) (?:echt |sehr |ziemlich )?(?:dringend|eilig)|es eilt|"
                   # fifteenth pass (fresh_fr_de_27): formal "Um zeitnahe Erledigung wird gebeten."
                   r"um (?:zeitnahe|baldige|rasche|umgehende|zügige|schnelle) erledigung wird gebeten|"
                   # twentieth pass (fresh_fr_de_29/38): the speaker's next appointment, a closed list ("Danke, ich bin
                   # gleich im Meeting.", "ich muss gleich ins Meeting")
                   r"(?:danke,? )?(?:ich bin|ich muss|wir sind|wir müssen|muss) (?:gleich|sofort|jetzt|dann) "
                   r"(?:im|ins|in die|in der|zum|zur) (?:meeting|besprechung|termin|vorlesung|seminar|sitzung|"
                   r"labor|konferenz|call)|"
                   # twenty-third pass, round 2 (seen fd45-035): the break that comes soon ("..., gleich is Mittag!"),
                   # a closed list of breaks
                   r"(?:gleich|bald) (?:ist|is) (?:mittag|mittagspause|pause|schichtende)|"
                   r"(?:es |jetzt )?(?:ist|is) (?:gleich|bald) (?:mittag|mittagspause|pause|schichtende)|"
                   # twenty-third pass (fd42-037): ... with no time word ("Zack, zack – ich muss in die Vorlesung.")
                   r"(?:ich muss|wir müssen) (?:noch )?(?:in die|ins|zur|zum) (?:meeting|besprechung|termin|vorlesung|"
                   r"seminar|sitzung|konferenz)|"
                   # twenty-first pass: the twin of "on fait une démo à 14h" ("wir haben um 14 Uhr eine Demo", "ich
                   # hab um halb drei ein Meeting", "wir machen heute Nachmittag eine Vorführung")
                   r"(?:ich|wir) (?:hab|habe|haben|mach|mache|machen) "
                   r"(?:um (?:(?:[0-9]|1[0-9]|2[0-3])(?:[.:][0-5][0-9])? uhr|halb [a-zäöü]+)|heute nachmittag|gleich) "
                   r"(?:eine|ein|einen|'ne|'n) (?:demo|vorführung|"
                   r"meeting|besprechung|termin|vorlesung|seminar|sitzung|präsentation|führung)|"
                   # sixteenth pass (fresh_fr_de_30): "ick hab nich den janzen Tach Zeit" (Berlin) and its standard
                   # and southern forms: the family of haste, no word of it open
                   r"(?:(?:aber|aba) (?:zackig|dalli|fix|hurtig|flott|schnell)\s*,?\s*)?"
                   r"(?:ich|ick|i|wir) (?:hab|habe|hab'|hob|haben|ham) (?:(?:doch|ja|auch) )?(?:nicht|nich|net|ned) "
                   r"(?:den|'n) (?:ganzen|janzen) (?:tag|tach|nachmittag|abend) zeit|"
                   # seventeenth pass (fresh_fr_de_32): the twin of "que la pêche elle attend pas" ("..., die
                   # Barkasse wartet nich"): something of the speaker's that does not wait, one noun, never a cube
                   rf"(?:die|der|das|mein|meine|unser|unsere) (?!{_NOT_WAITER_DE})[a-zäöüß]+ (?:wartet|warten) "
                   r"(?:nicht|nich|net|ned)"),
        # thirteenth pass: "eben da, wo er hingehört" (where the request puts it is where it belongs)
        "belongs": r"(?:eben |genau |gleich )?(?:da|dort|dahin|dorthin)\s*,?\s*wo (?:er|sie|es) hingehört",
        # thirteenth pass: "(und) lassen Sie die Würfel, wie sie sind" after the arm's return alone
        # sixteenth pass: the German twin of "qu'on puisse commencer" ("..., damit wir anfangen können")
        "purpose": (r"damit (?:wir|ich) (?:mit (?:der|dem) (?:besprechung|sitzung|demo|vorführung|versuch|"
                    r"präsentation|unterricht) )?(?:anfangen|beginnen|loslegen|weitermachen) (?:können|kann)"),
        "stack_shape": (r"(?:so )?(?:wie|als) (?:ein |so ein |so'n )?(?:kleiner |kleines |schöner |richtiger )?"
                        r"(?:turm|türmchen|stapel|männchen|schneemann)"),
        "as_they_are": (r"(?:und )?(?:lass|lasst|lassen sie) (?:die|alle) (?:würfel|klötze|blöcke)\s*,?\s*"
                        r"(?:wie sie sind|wo sie sind|in ruhe|stehen|liegen)"),
        # seventeenth pass (fresh_fr_de_32): what the speaker does next ("..., ich will ein Foto machen")
        # seventeenth pass (fresh_fr_de_32): how it will look ("da sieht das gleich schicker aus")
        "looks": (r"(?:da|dann|so) sieht (?:das|dos|des|es) (?:(?:gleich|glei|viel|dann|doch) )*(?:schicker|schöner|"
                  r"besser|hübscher|ordentlicher|netter) aus"),
        "use": (r"(?:ich|wir) (?:will|wollen|möchte|möchten) (?:(?:davon|dann) )?(?:ein|'n|nen) (?:foto|bild) machen|"
                # eighteenth pass (fresh_fr_de_34): someone wants to see the cube where it is put ("Der Kunde möchte
                # ihn sehen."): a closed noun of who, a closed verb of looking
                r"(?:der kunde|die kundin|die kunden|der chef|die chefin|mein chef|meine chefin|der besuch|die "
                r"besucher|der professor|die professorin|mein kollege|meine kollegin|die kinder|die gäste) "
                r"(?:möchte|will|wollen|möchten|soll|sollen) (?:ihn|sie|es) (?:(?:gleich|nachher|dann|mal) )?"
                r"(?:sehen|anschauen|angucken|anschaun|begutachten|fotografieren)|"
                # twenty-first pass (fresh_fr_de_39): the speaker shows it to someone, the twin of "C'est pour le
                # montrer à ma fille." ("Ich möchte ihn gleich den Gästen zeigen."), the same closed nouns of who
                r"(?:ich|wir) (?:möchte|möchten|will|wollen|muss|müssen) (?:ihn|sie|es|den|die|das) (?:(?:gleich|"
                r"nachher|dann|mal|kurz) )*(?:den gästen|den kunden|der kundin|dem kunden|dem chef|der chefin|meinem "
                r"chef|meiner chefin|den besuchern|dem besuch|den kindern|meiner tochter|meinem sohn|meinen kindern|"
                r"den kollegen|meinem kollegen|meiner kollegin|den studenten|den studierenden|der klasse|den schülern|"
                r"dem professor|der professorin) (?:zeigen|vorführen)"),
        "keep": (r"(?:der|die|das|er|sie|es) (?:ist|is) (?:gerade|grad|frisch|schon) (?:kalibriert|justiert|"
                 # twenty-first pass: the twin of "y'est précieux" ("der ist mir heilig", "der ist wertvoll")
                 r"ausgerichtet|eingemessen|vermessen)|(?:der|die|das|er|sie|es) (?:ist|is) (?:mir |uns )?(?:(?:sehr|"
                 r"echt|total|so|ganz) )?(?:heilig|wertvoll|kostbar|zerbrechlich|empfindlich|teuer|wichtig)|"
                 r"(?:der|die|das|er|sie|es) (?:ist|is) (?:gerade|grad|frisch|schon) (?:kalibriert|justiert|"
                 r"ausgerichtet|eingemessen|vermessen)|(?:der|die|das|er|sie|es) bleibt(?: (?:hier|da|stehen|liegen|"
                 r"für später))?|"
                 # thirteenth pass: the cube named again ("Den roten brauche ich noch für die Kalibrierung."): the
                 # colour must be the one the clause before forbids or excepts (_agrees)
                 r"(?:den|die|das)(?: (?:rot|grün|blau|gelb|lila|violett|orange|rosa|pink)[a-zäöü]*)? "
                 r"brauch(?:e|en)? (?:ich|ick|i|wir|ma) (?:noch|no)(?: (?:hier|da))?"  # (fd33-033: "noch hier")
                 r"(?: für (?:die|den|das) (?:kalibrierung|demo|vorführung|messung|präsentation|test|versuch))?|"
                 r"(?:der|die|das) (?:ist|is) für (?:die|den|das) (?:demo|vorführung|präsentation|test|versuch)"
                 r"(?: (?:nachher|später|morgen))?|"
                 # fourteenth pass (fresh_fr_de_25): "der ist für den Investor-Call reserviert" (kept for something:
                 # the one word of what it is kept for is open, said only after the clause that forbids the cube)
                 r"(?:der|die|das) (?:ist|is) (?:(?:schon |noch )?für (?:die|den|das) [a-zäöüß]+(?:-[a-zäöüß]+)? )?"
                 r"(?:reserviert|vorgesehen|eingeplant)|"
                 # sixteenth pass (fresh_fr_de_30): whose it is ("der gehört Jonas", "der gehört meiner Kollegin"),
                 # French "il appartient à ..." above: one open word, a name, never a word of a place or a move
                 r"(?:der|die|das) (?:gehört|ghört|gehöat) (?:(?:doch|noch|schon) )?(?:mir|uns|dem chef|der chefin|"
                 r"(?:meinem|meiner|unserem|unserer) (?:kollegen|kollegin|sohn|tochter|chef|chefin|nachbarn|nachbarin)|"
                 rf"(?!{_NOT_A_NAME})[a-zäöüß]+)"),
    },
}
_NEGATION = {
    "fr": re.compile(r"\b(?:ne|n'|pas|jamais|sauf|sans|excepté|exception|hormis|rien|aucun|aucune|plus|personne)\b|"
                     r"n' ?"),
    "de": re.compile(r"\b(?:nicht|nich|ned|net|nie|niemals|kein[a-z]*|außer|ausser|ohne|bis auf|lass[a-z]*|"
                     r"nix|nichts)\b"),
}
# The words of an exception (the cubes it names are left where they are; the request is made all the same)
_EXCEPTION = {"fr": re.compile(r"\b(?:sauf|excepté|hormis)\b|\bà l' ?exception\b"),
              "de": re.compile(r"\b(?:außer|ausser|bis auf)\b")}
_BIN = {
    "fr": re.compile(r"\b(?:poubelle|poubel|bac|corbeille|vidanges|ordures|benne|jette|jetez|jeter|vire|virez|virer|"
                     r"balance|balancez|débarrasse|débarrassez|"
                     # twentieth pass (fresh_fr_de_35/37): the discard verbs with no place ("Tu peux te débarrasser
                     # du cube vert stp ? Il sert plus à rien.", "den grünen Würfel bitte entsorgen, den brauchen wir
                     # nicht mehr")
                     r"débarrasser|bazarde|bazardez|bazarder)\b"),
    "de": re.compile(r"\b(?:eimer|mülleimer|müll|mistkübel|tonne|mülltonne|abfall|abfalleimer|behälter|kübel|"
                     r"wirf|werfen|weg|entsorgen|entsorg|entsorge|entsorgst|"
                     # twenty-first pass: the discard verbs with "weg" glued ("den kannst du wegschmeißen")
                     r"wegschmeißen|wegschmeissen|wegwerfen|wegschmeiß|wegschmeiss)\b"),
}
# A colour word's stem, French or German ("roten", "rouge"): a reason that names a cube names the one it is about
_COLOUR = re.compile(r"\b(rouge|vert|bleu|jaune|violet|orange|rose|noir|blanc|gris|rot|grün|gruen|blau|gelb|lila|"
                     r"violett|schwarz|weiß|weiss|rosa|pink|grau)[a-zäöüàâçéèêëîïôûù]*")
# "..., hein, sinon tout va dégringoler"; fourteenth pass: a colon before the reason ("vous n'y touchez pas : je l'ai
# réglé au dixième")
# fifteenth pass (fresh_fr_de_28): typed with no comma after "stp"/"svp"/"bitte" ("... stp jsuis en retard")
_SEPARATOR = r"(?P<sep>[,;:.!?]|\s[-–—]|(?<=\bstp)\s|(?<=\bsvp)\s|(?<=\bbitte)\s)\s*(?:(?:hein|quoi)\s*,\s*)?"
# "... zurück und lassen Sie die Würfel, wie sie sind": this kind alone is also joined by "and"
_SEPARATORS = {"as_they_are": r"(?P<sep>[,;.!?]|\s(?=und |et ))\s*"}
_COMPILED = {lang: {kind: re.compile(rf"{_SEPARATORS.get(kind, _SEPARATOR)}(?:{pattern})\s*[.!]*\s*$")
                    for kind, pattern in kinds.items()}
             for lang, kinds in _REASONS.items()}
_PLACE = {"fr": re.compile(r"\b(?:sur|dans|à gauche|à droite|pad|poubelle|bac)\b"),
          "de": re.compile(r"\b(?:auf|aufs|in|ins|nach links|nach rechts|pad)\b")}
_OPEN_CUBE = {"fr": re.compile(r"\ble (?:cube|bloc)\b"), "de": re.compile(r"\bden (?:würfel|klotz|block)\b")}
# The arm's return home, and any word of a cube or of all of them (a request that moves one)
_HOME = {"fr": re.compile(r"\b(?:position (?:de départ|initiale|de repos)|retourne|retournez|reviens|revenez|rentre|"
                          r"rentrez)\b"),
         "de": re.compile(r"\b(?:ausgangsposition|grundstellung|ruheposition|startposition|zurück)\b")}
_CUBE = {"fr": re.compile(r"\b(?:cubes?|blocs?|briques?|tous|toutes|tout|le|la|les|l')\b|"
                          r"\b(?:rouge|vert|bleu|jaune|violet|orange|rose)"),
         "de": re.compile(r"\b(?:würfel|klotz|klötze|block|blöcke|baustein|alle|alles)\b|"
                          r"\b(?:rot|grün|blau|gelb|lila|violett|orange|rosa)")}


def _agrees(kind: str, request: str, lang: str, reason: str) -> bool:
    negated = _NEGATION[lang].search(request) is not None
    if kind == "discard":
        return not negated and _BIN[lang].search(request) is not None
    if kind == "keep":  # the clause just before the reason forbids or excepts the cube, the one it names if any
        last = re.split(r"[,;.!?:]|\b(?:mais|aber|et|und|puis|dann)\b", request.rstrip(" ,;.!?"))[-1]
        named = {m[1] for m in _COLOUR.finditer(reason)}
        return _NEGATION[lang].search(last) is not None and named <= {m[1] for m in _COLOUR.finditer(last)}
    if kind == "as_they_are":  # only the arm's return is asked: it leaves every cube where it is
        return not negated and _HOME[lang].search(request) is not None and _CUBE[lang].search(request) is None
    if kind == "belongs":  # said of the place the request puts a cube
        return not negated and _PLACE[lang].search(request) is not None
    if kind == "earlier":  # the request names no cube of its own ("dépose le cube sur le pad"): the planner asks
        return not negated and _OPEN_CUBE[lang].search(request) is not None and _COLOUR.search(request) is None
    if kind == "stack_shape":  # the request stacks one cube on another (sixteenth pass)
        return not negated and re.search(r"\b(?:sur (?:le|la|l')|par-dessus|dessus|empile|empilez|auf den|auf die|"
                                         r"aufeinander|drauf|obendrauf|staple|stapeln)\b", request) is not None
    if kind == "use":  # the cube is put where it is used, not binned (twentieth pass: an exception is no negation,
        # "Tu peux mettre tous les cubes à droite, sauf le rouge ? C'est pour montrer à ma fille.")
        return _NEGATION[lang].search(_EXCEPTION[lang].sub(" ", request)) is None and \
            _BIN[lang].search(request) is None
    if kind == "in_the_way" and re.search(r"\b(?:de (?:moi|nous)|(?:mir|uns) zu)\b", reason) and re.search(
            r"\b(?:vers (?:moi|nous)|dans (?:ma|notre) direction|vers l' ?arrière|en arrière|zu (?:mir|uns)|"
            r"nach hinten|in (?:meine|unsere) richtung)\b", request):
        return False  # seventeenth pass (A1 s17): too near the speaker, yet pushed toward them
    if kind == "room" and any(re.search(side, reason) and re.search(side, request) for side in (
            r"\b(?:rechts|rechte[nrs]?|droite?)\b", r"\b(?:links|linke[nrs]?|gauche)\b")):
        return False  # eighteenth pass: room needed on the side the request fills
    if kind in ("room", "urgent"):  # fourteenth pass: a request with an exception is still one ("Alle Würfel außer
        # dem blauen bitte in den Mülleimer, wir räumen heute auf.")
        return _NEGATION[lang].search(_EXCEPTION[lang].sub(" ", request)) is None
    return not negated


# sixteenth pass (fresh_fr_de_30): a sentence before the last one closed by its own reason ("Le rouge, tu me le touches
# pas, hein, sinon je m'énerve ! Le bleu, par contre, tu me le poses sur le jaune."): each sentence ended by "." or "!"
# is looked at as the end of an instruction of its own, its reason checked against that sentence alone
_SENTENCE_END = re.compile(r"(?<=[.!])\s+(?=\S)")


# Twentieth pass (fresh_fr_de_29/31/36: "Le cube bleu, on n'en a plus besoin, tu peux le balancer à la poubelle ?",
# "Ce cube jaune-là, ça ne sert plus à rien. Balance-le dans la poubelle.", "Den gelben Würfl, den brauch ma nimmer.
# Schmeiß'n weg, in'n Müll."): the cube named first, the reason it goes said of it, then the request that takes it up
# with a pronoun. The reason is taken off only between a bare noun phrase of the cube (an article or demonstrative, a
# colour, a word for the cube) and a request to the bin with a pronoun and no negation; the request then reads as the
# dislocation it is ("Le cube bleu, tu peux le balancer à la poubelle ?").
_TOPIC = {"fr": r"(?:le|la|ce|cet|cette|l' ?)\s*(?:(?:petit|petite|gros|grosse|ti) )?(?:(?:cube|bloc) )?"
                r"[a-zà-ÿ]+(?:-là)?(?: (?:cube|bloc)(?:-là)?)?",
          "de": r"(?:den|der|dor|dän)\s+(?:[a-zäöüß]+ )?(?:würfel|würfl|klotz|klötzle|block|baustein)(?: da)?|"
                r"(?:den|der) [a-zäöüß]+(?: da)?"}
_TOPIC_REASON = {(lang, kind): re.compile(rf"(?:^|(?<=[.!?])\s+)(?P<topic>{_TOPIC[lang]})\s*[,.]\s*"
                                          rf"(?:{_REASONS[lang][kind]})(?:\s*,?\s*(?:dêh|deh|hein))?\s*[,.!]\s*"
                                          r"(?P<rest>[^.!?]+[.!?]*)\s*$")
                 for lang in ("fr", "de") for kind in ("discard", "in_the_way")}
_RESUMED = {"fr": re.compile(r"\b(?:le|la|l')\s*(?=[a-zà-ÿ])|-(?:le|la)\b|-(?:m' ?|moi-)en\b"),  # "débarrasse-m'en"
            "de": re.compile(r"\b(?:ihn|den|dn|es)\b|' ?n\b")}


# twenty-second pass (fresh_fr_de_42, Berlin: "Den jelben Würfel brauchen wa nich mehr, den kannste inne Tonne
# kloppen."): the cube said first as the object of the discard reason itself, then taken up by the request; read as the
# cube said first with the reason after it ("Den gelben Würfel, den brauchen wir nicht mehr, den kannst du ..."), which
# the topic reason below takes off only before a request to the bin that takes the cube up again
_DE_TOPIC_NOT_NEEDED = re.compile(r"^(?P<topic>\s*den\s+(?:[a-zäöüß]+ )?(?:würfel|würfl|klotz|block|baustein)) "
                                  r"(?P<reason>brauch(?:e|en)? (?:ich|wir|ma|wa) (?:nicht|nich|net|ned) mehr)\s*,\s*"
                                  r"(?=(?:den|ihn)\b)")


def _without_topic_reason(text: str, lang: str) -> str:
    if lang == "de":
        text = _DE_TOPIC_NOT_NEEDED.sub(lambda m: f"{m['topic']}, den {m['reason'].replace(' wa ', ' wir ')}, ", text)
    for kind in ("discard", "in_the_way"):  # twentieth pass: "Le cube jaune-là, il gêne au milieu. Mets-le ..." (fd38)
        m = _TOPIC_REASON[lang, kind].search(text) if (lang, kind) in _TOPIC_REASON else None
        if m is None or _COLOUR.search(m["topic"]) is None or len(m["topic"].split()) > 5:
            continue
        rest = m["rest"]
        if (kind == "discard" and _BIN[lang].search(rest) is None) or _NEGATION[lang].search(rest) is not None or \
                _RESUMED[lang].search(rest) is None or _COLOUR.search(rest) is not None:
            continue
        return f"{text[:m.start('topic')]}{m['topic']}, {rest}"
    return text


def without_reason(text: str, lang: str) -> str:
    """``text`` (lower case) less the reasons said at the end of it, or of one of its sentences, that agree with the
    request before them in that sentence, and a reason said between the cube named first and its request."""
    text = _without_topic_reason(text, lang)
    sentences = _SENTENCE_END.split(_without_final_reason(text, lang))  # a reason may be a sentence of its own
    return " ".join([_without_final_reason(s, lang) for s in sentences[:-1]] + sentences[-1:])


def _without_final_reason(text: str, lang: str) -> str:
    """``text`` (lower case) less the reasons said at its end that agree with the request before them."""
    for _ in range(3):
        for kind, pattern in _COMPILED.get(lang, {}).items():
            m = pattern.search(text)
            if m is not None and m.start() > 0 and _agrees(kind, text[:m.start()], lang, m[0]):
                sep = m["sep"].strip()
                text = text[:m.start()] + ("." if sep in (",", ":", "-", "–", "—") else sep)
                break
        else:
            return text
    return text


# Eighteenth pass (fresh_fr_de_25-34: "..., délicatement, comme on pose un pont de balancier", "fous-le à la poubelle
# comme une fournée ratée", "vous me le posez par-dessus le jaune, comme la tasse sur la soucoupe", "comme sur un
# podium", "comme on roule une barrique"): a simile says how the request is to be done, never what: "comme"/"wie"
# and an article, "on"/"man" or a preposition, up to the next mark. It is taken off only when none of its words
# names a cube, a colour, a place or region (any lexicon word of those: "comme des pâtons sur la plaque" keeps its
# "plaque", a pad), a quantity, an order or a negation; such a simile is read, and refused ("comme le rouge", "wie
# den blauen", "comme avant" are no simile of this form).
_SIMILE = {"fr": re.compile(r"(?P<sep>\s*[,—–-]?\s*)\bcomme (?P<body>(?:on|un|une|des|le|la|les|l' ?|sur|dans|au|"
                            r"quand)\b[^,;.!?—–:…]*)"),
           # German only with "ein"/"man" ("wie die Farbe heißt" asks a question, "wie der rote" names a cube)
           "de": re.compile(r"(?P<sep>\s*[,—–-]?\s*)\b(?:so )?wie (?P<body>(?:man|ein|eine|einen|einem|einer)\b"
                            r"[^,;.!?—–:…]*)")}
_SIMILE_BLOCKS = frozenset({"red", "green", "blue", "yellow", "purple", "orange", "pink", "white", "black", "grey",
                            "cube", "cubes", "block", "blocks", "object", "objects", "bin", "box", "pad", "mat",
                            "target", "basket", "container", "trash", "left", "right", "side", "area", "part",
                            "front", "back", "home", "position", "not", "never", "without", "except", "then",
                            "first", "before", "after", "finally", "all", "every", "everything", "both", "rest",
                            "others", "other", "it", "the one", "two", "three", "four", "tower", "instead", "also"})
_NEGATED_WORD = re.compile(r"\b(?:ne|n'|pas|jamais|rien|plus|aucun|aucune|sans|sauf|nicht|nie|kein[a-z]*|ohne|außer|"
                           r"ausser|nichts|"
                           # a reversal of what is asked ("comme un pont à l'envers", "wie ein Turm, nur umgekehrt"):
                           # A1 s18 H138, lower
                           r"envers|renvers[a-zé]*|invers[a-zé]*|retourn[a-zé]*|recul[a-z]*|umgekehrt[a-z]*|"
                           r"verkehrt[a-z]*|rückwärts|andersrum|kopfüber)\b|n' ?")


# Nineteenth pass (A1 s19 H141, H142): a simile's body is read too, as a closed vocabulary: it is taken off only when
# every word of it is a function word, a word of gentle manner ("petit", "vieux", "ratée", "on pose", "on range",
# "qui dort", "klein", "legt") or an everyday image of something set down or stacked with care (a hat, a bridge, a cup
# on its saucer, a batch of bread, a barrel, a stork on the chimney, cheeses in the cellar, a hat on a head: the seen
# similes and their kind). Anything else stays, and is refused unread: the speech act ("comme une hypothèse / une
# question / un exemple / un test", "wie ein Vorschlag"), speed or force ("comme une fusée / une brute / on écrase une
# mouche", "wie eine Rakete / ein Hammer"), a person ("comme sur ma main / dans la main de Paul"), a return or a
# mirror ("comme un boomerang / un miroir", "wie ein Pendel / ein Spiegelbild").
_SIMILE_WORDS = {
    "fr": frozenset({
        # function words
        "on", "un", "une", "des", "le", "la", "les", "l", "sur", "dans", "au", "aux", "à", "de", "du", "d", "en",
        "qui", "que", "qu", "quand", "se", "s", "par", "dessus", "pour", "avec", "et",
        # gentle manner
        "petit", "petite", "petits", "petites", "p", "tite", "ptite", "vieux", "vieille", "vieil", "grand", "grande",
        "beau", "belle", "bel", "joli", "jolie", "ratée", "raté", "ratés", "bouchonné", "bien", "tout", "toute",
        "doucement", "délicatement", "soigneusement", "pose", "posé", "posée", "range", "rangé", "rangés", "rangées",
        "roule", "met", "empile", "empilé", "empilés", "dort", "dorment", "repose", "aligné", "alignés", "alignées",
        "sage", "sages", "calme", "tranquille", "bon", "bonne", "vrai", "vraie",
        # everyday images of something set down or stacked with care
        "chapeau", "chapeaux", "bonnet", "couvercle", "pont", "ponts", "balancier", "rouage", "pyramide", "cerise",
        "gâteau", "sandwich", "tasse", "soucoupe", "assiette", "assiettes", "fournée", "pâton", "pâtons", "pain",
        "pains", "tablier", "vin", "bouteille", "bouteilles", "barrique", "tonneau", "caisse", "caisses", "cageot",
        "cageots", "poisson", "poissons", "port", "muret", "murets", "mur", "maquis", "brebis", "mouton", "moutons",
        "tomme", "tommes", "fromage", "fromages", "cave", "cigogne", "cheminée", "toit", "nid", "œuf", "oeuf",
        "œufs", "oeufs", "crêpe", "crêpes", "livre", "livres", "étagère", "rayon", "podium", "marche", "château",
        "cartes", "étoile", "sapin", "vase", "bocal", "pot", "pots", "linge", "tête", "conteneur", "conteneurs",
        "palette", "palettes",
        # twenty-second pass (fresh_fr_de_42, a watchmaker): "comme on remonte une montre" (as one winds a watch)
        "remonte", "montre", "horloge",
        # twenty-fourth pass (fresh_fr_de_46, a football fan): "comme une passe au centre" (a pass into the middle)
        "passe", "centre", "ballon", "tir"}),
    "de": frozenset({
        # function words
        "man", "ein", "eine", "einen", "einem", "einer", "eines", "der", "die", "das", "den", "dem", "des", "auf",
        # (no "vom"/"von": a fall from somewhere, "wie ein Ei vom Dach"; no "sich": "wie man sich auf den Kopf
        # stellt", upside down; A1 s19 lows)
        "aufs", "im", "in", "ins", "am", "an", "zum", "zur", "mit", "über", "es", "so",
        # gentle manner
        "klein", "kleine", "kleinen", "kleiner", "kleines", "alt", "alte", "alten", "alter", "altes", "schön",
        "schöne", "schönen", "hübsch", "hübsches", "legt", "setzt", "stellt", "stapelt", "schläft", "schlafend",
        "vorsichtig", "sanft", "sauber", "ordentlich", "brav", "richtiger", "richtiges", "echter", "echtes",
        # everyday images of something set down or stacked with care
        "hut", "hütchen", "mütze", "deckel", "brücke", "pyramide", "kirsche", "sahnehäubchen", "torte", "kuchen",
        "tasse", "untertasse", "teller", "brot", "brötchen", "storch", "nest", "dach", "kiste", "kisten",
        "schachtel", "buch", "bücher", "regal", "kopf", "krone", "stern", "christbaum", "tannenbaum", "baum", "ei",
        "eier", "pfannkuchen", "kartenhaus", "fass", "weinfass", "käse", "käselaib", "bierdeckel", "kranz",
        "sockel", "podest", "treppchen", "siegertreppchen", "schaf", "schafe", "container", "containern",
        # twentieth pass (REV s19-R5): "wie man einen Hut aufsetzt"
        "aufsetzt", "aufsetzen",
        "palette", "paletten",
        # twenty-second pass: the watch of the French twin ("wie man eine Uhr aufzieht")
        "uhr", "aufzieht"}),
}


# Twentieth pass (REV s19-R5): the image of the bin itself, waste thrown away ("comme un déchet / une ordure / on jette
# un déchet", "wie man Abfall / einen alten Lappen wegwirft"), is a simile of the bin only: read so where the request
# before it names the bin and no other place ("Mets le rouge dans la poubelle, comme un déchet."), never after another
# place ("Pose le rouge sur le bleu, comme un déchet." stays unread, refused). And putting on a hat ("wie man einen Hut
# aufsetzt") joins the hat of the stacking images.
_SIMILE_BIN_WORDS = {"fr": frozenset({"déchet", "déchets", "ordure", "ordures", "détritus", "jette", "jeter",
                                      "jetterait", "papier", "papiers", "épluchure", "épluchures", "vieux", "vieille",
                                      "vieilles", "chiffon", "mouchoir", "emballage"}),
                     "de": frozenset({"abfall", "müll", "wegwirft", "wegschmeißt", "wegschmeisst", "lappen", "papier",
                                      "taschentuch", "verpackung", "kaugummi", "bananenschale"})}

_SIMILE_BIN_BODY = {"fr": frozenset({"on", "un", "une", "des", "le", "la", "les", "l", "qui", "que", "qu", "et",
                                     "petit", "petite", "petits", "petites", "vieux", "vieil", "vieille", "vieilles"}),
                    "de": frozenset({"man", "ein", "eine", "einen", "einem", "einer", "es", "so", "alt", "alte",
                                     "alten", "alter", "altes", "klein", "kleine", "kleinen", "kleines"})}

# the waste itself: a bin simile names one ("comme un déchet", "wie man Abfall wegwirft")
_SIMILE_WASTE = {"fr": frozenset({"déchet", "déchets", "ordure", "ordures", "détritus", "papier", "papiers",
                                  "épluchure", "épluchures", "chiffon", "mouchoir", "emballage"}),
                 "de": frozenset({"abfall", "müll", "lappen", "papier", "taschentuch", "verpackung", "kaugummi",
                                  "bananenschale"})}


def without_simile(text: str, lang: str) -> str:
    """``text`` (lower case) less the similes said inside or after the request (see above)."""
    lexicon = FR if lang == "fr" else DE

    def dropped(m: re.Match[str]) -> str:
        words = re.findall(r"[a-zà-ÿß]+(?:-[a-zà-ÿß]+)*", m["body"])
        meanings = {part for w in words for part in lexicon.get(w, "").split()}
        allowed = _SIMILE_WORDS[lang]
        before = {part for w in re.findall(r"[a-zà-ÿß]+", text[:m.start()]) for part in lexicon.get(w, "").split()}
        if set(words) & _SIMILE_BIN_WORDS[lang]:
            if not before & {"bin", "trash"} or before & {"pad", "on", "onto", "left", "right", "push"}:
                return m[0]
            # only the waste and how it is thrown, never where to or over what (A1 s20 H156: "comme on jette un déchet
            # par-dessus le mur", "wie man Abfall über das Dach wegwirft" stay unread)
            allowed = _SIMILE_BIN_BODY[lang] | _SIMILE_BIN_WORDS[lang] | \
                {w for w in words if lexicon.get(w) in ("bin", "trash")}
            if not set(words) & _SIMILE_WASTE[lang] and not any(lexicon.get(w) in ("bin", "trash") for w in words):
                return m[0]  # "comme on jette un vieux", "wie man einen Alten wegwirft": a person (A1 s20 low)
            meanings -= {"bin", "trash"}  # "comme des ordures", "wie man Abfall wegwirft": the waste, not a place
        elif {"aufsetzt", "aufsetzen"} & set(words) and (
                "on" not in before or before & {"bin", "trash", "pad", "left", "right", "push"}):
            return m[0]  # a hat put on: a stacking image only (A1 s20 H156 low)
        if _NEGATED_WORD.search(m["body"]) or meanings & _SIMILE_BLOCKS or {"left", "right"} & meanings or \
                not set(words) <= allowed:
            return m[0]
        # (its comma kept only before more words: "..., avec soin, comme on remonte une montre." closes on its mark)
        return "," if m["sep"].strip() and not re.match(r"\s*(?:[.!…]|$)", text[m.end():]) else ""
    return _SIMILE[lang].sub(dropped, text)
