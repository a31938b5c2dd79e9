"""The English word lists the perspective rules read (:mod:`.perspective`, :mod:`.sides`, :mod:`.negation`):
closed-class words (auxiliaries, determiners, prepositions, clause ends) and the verb and noun stems of gains,
harms, resistance, answers, plans and talks. Nothing here is particular to one conflict or one codebook: that
is data in ``perspective.csv`` (``side``, ``role``, ``marker`` rows and the other word lists).

A tuple is a list of stems, matched with ``str.startswith``; a frozenset a list of whole words.
"""
#: achievement words that, done by the adversary, are its offensive (aggression): "the enemy plans to capture"
GAINS = ("captur", "seiz", "took", "take", "taken", "taking", "advanc", "gain", "retook", "retaken", "recaptur",
         "broke", "break", "breakthrough", "win", "won")
#: determiners before a participle used as an adjective ("the seized plant")
DETERMINERS = frozenset({"the", "a", "an", "these", "those", "all", "its", "their"})
#: gain words that take back what was one's own: their object's side is the doer's ("recaptured Ukrainian villages")
REGAINS = ("retook", "retaken", "recaptur", "regain", "re-")
#: resistance words whose object is the adversary's attack ("repelled the assault")
REPELS = ("repel", "repuls", "fend", "beat back", "beaten back", "thwart", "foil", "withstood", "withstand", "stopp",
          "shot down", "intercept", "resist", "held off", "hold off", "rebuff")
#: harm verbs: with the adversary before them in the active voice, the adversary did the harm, to others ("the
#: militants killed three civilians": casualties and aggression, G4, G6), not suffered it ("enemy soldiers were killed")
HARMS = ("kill", "wound", "injur", "tortur", "murder", "maim", "execut", "abduct", "rape", "deport", "besieg")
#: weapons as a passive's subject: their side's marker is the doer's ("Russian missiles were launched at the city")
WEAPONS = frozenset("""missile missiles rocket rockets shell shells drone drones bomb bombs projectile projectiles
munition munitions artillery aircraft jets planes helicopters warships ships tanks guns""".split())
#: cessation verbs: a negator before one negates the stopping, not the frame word after it ("did not stop shelling")
CEASE = frozenset({"stop", "stops", "stopped", "stopping", "cease", "ceased", "ceasing", "halt", "halted", "end"})
#: the holder's own verbs of loss or suffering: a trouble after them is the holder's ("suffered heavy losses", "lost")
OWN_VERBS = ("suffer", "sustain", "incur", "lost", "los", "took", "taken")
#: a word and the one after it that make a trouble after them the outcome its holder suffered, as ``OWN_VERBS`` do
#: ("the assault ended in heavy losses", "the offensive failed with losses": the attacker's own; v2.9.1)
OWN_ENDINGS = frozenset({("ended", "in"), ("ended", "with"), ("ends", "in"), ("ends", "with"), ("end", "in"),
                         ("end", "with"), ("ending", "in"), ("ending", "with"), ("failed", "with"), ("fails", "with")})
#: words between a side marker and a trouble that leave the marker the trouble's own ("the enemy's heavy losses")
TROUBLE_MODIFIERS = frozenset({"heavy", "military", "army", "own", "combat", "huge", "massive", "significant", "serious",
                               "catastrophic", "staggering", "enormous", "colossal", "mounting", "new"})
#: a trouble word that is itself the holder's verb ("the enemy attacked and lost 200 men")
LOSING = frozenset({"lost", "lose", "loses", "losing"})
#: forms of "be" between an attack word and a trouble: the attack is the trouble's holder ("the offensive is bogged down")
BE = frozenset({"is", "are", "was", "were", "been", "being", "remains", "remain"})
#: past participles of attack verbs that do not end in -ed/-en (a passive's verb: "were struck", "was hit")
STRONG_PARTICIPLES = frozenset({"struck", "hit", "shot", "bombed", "blown"})
#: auxiliaries of a passive ("200 enemy soldiers were killed": the enemy's losses)
PASSIVE = frozenset({"was", "were", "been", "be", "being", "is", "are", "got", "get"})
#: words before the own side's attack that make it a plan, threat or readiness, no success yet ("we plan to
#: strike", "we are ready to strike"; §3 achievement: the speaker's side succeeds)
PLANS = frozenset("""plan plans planned planning intend intends intended intending threaten threatens threatened
threatening threat ready prepared prepare prepares preparing will would could might may can shall 'll ’ll going want
wants wanted aim aims aiming vow vows vowed promise promises promised capable""".split())
#: words before an attack phrase that make it the attack answered, the adversary's ("forced to answer the shelling",
#: "in response to the strikes"); not when "with" follows them ("responded with strikes": the answer itself)
ANSWERS = ("answer", "respond", "response", "retaliat", "reply", "replied", "replies", "revenge", "aveng")
#: answer nouns and adjectives: they name the answered attack only before "to"/"for"/"against" ("in response to the
#: strikes"); else they name the answer itself ("our retaliatory strikes hit their depots")
ANSWER_KINDS = frozenset({"retaliatory", "retaliation", "response", "responses", "reply", "revenge"})
#: a marker only ever an object, never the doer of what follows it ("to destroy us, to destroy Ukrainians": the second
#: destroying is not ours; v2.9)
OBJECT_FORMS = frozenset({"us"})
#: words before a side marker that make it a place or a target, not the doer ("For Ukraine, the attack ...", "a win
#: in Ukraine"); "by" is left out (the passive's agent)
PREPOSITIONS = frozenset("""in on at for to against into onto over near from with about toward towards across inside
within upon around throughout of""".split())
#: words after an attack phrase that begin a new clause: the object search stops there ("the depot was destroyed,
#: when enemy troops withdrew": the enemy is no object of the destruction)
NEW_CLAUSE = frozenset({",", "when", "after", "as", "which", "who", "that", "while", "because", "since", "if", "before",
                        "until", "unless", "where", "whom", "whose", "although", "though"})
#: words before a casualty word that make the harm possible, not concrete (G5: "thousands could be killed"); a
#: modal before "have" is a hedged past ("may have killed"), concrete harm still
HYPOTHETICAL = frozenset("""could would might may can will shall 'll ’ll if unless risk risks risking threaten
threatens threatened threatening potential potentially possible possibly""".split())
#: belief verbs whose negation scopes over the clause they introduce ("we do not expect that ...")
BELIEFS = frozenset({"expect", "think", "believe", "see", "consider", "anticipate"})
#: words after a frame word that introduce a denial of it by someone else ("..., which the Kremlin denied")
DENIED_BY = frozenset({"which", "something", "claims", "allegations", "accusations", "charges", "claim", "allegation",
                       "accusation", "charge", "assertion", "assertions"})
#: success words that beside talks mean progress in talks (diplomacy)
SUCCESS = ("success", "progress", "breakthrough", "achiev", "accomplish")
#: the talks a success can be progress in (not gratitude, aid or sanctions)
TALKS = ("negotiat", "talk", "dialogue", "diplomac", "summit", "meeting", "agree", "ceasefire", "cease-fire", "truce",
         "peace", "mediat", "conversation", "consultation", "contacts", "relations", "cooperation", "deal", "accord")
#: gratitude words: diplomacy when aimed at partners, legitimacy when aimed at soldiers
GRATITUDE = ("thank", "gratitude", "grateful")
#: words that end the clause a negator, a denial or an agent is looked for in
CLAUSE_END = frozenset({".", ";", ":", "!", "?", "but", "while", "whereas", "insisting", "saying", "“", "”", '"'})
