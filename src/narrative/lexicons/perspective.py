"""Perspective rules of the frame lexicon (codebook G3, G4): who acts, whose losses, negation.

The word lists live in ``perspective.csv`` (negators, denial verbs, side markers, soldier words), and so does
what is particular to one conflict and one codebook: the belligerent sides and their adversaries (``side`` rows)
and the categories the rules turn hits into (``role`` rows); the code here names only roles;
:meth:`Perspective.judge` turns one lexicon match into the speaker's frame, and
:meth:`Perspective.progress_in_talks` reads matches beside each other. The rules are described,
with examples, in ``narrative/lexicons/README.md``.

>>> view = default_perspective()
>>> words = "our forces struck enemy depots".split()
>>> view.judge(words, 2, 1, ("attack",), "ukraine")
(('achievement',), 'own side')
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

from ..infra.datafiles import data_path

#: what decided a hit's categories: the phrase's own (``lexicon``); the agent of an attack phrase
#: (``own side`` → achievement, ``adversary`` → aggression, ``no agent`` → aggression); an
#: adversary's losses or troubles claimed by a belligerent (``adversary's losses`` → achievement);
#: gratitude aimed at soldiers (``honours soldiers`` → legitimacy, not diplomacy); success beside
#: talks (``progress in talks`` → diplomacy); an adversary's capture or advance claimed by a belligerent
#: (``adversary's gain`` → aggression, its other successes count for nothing); the attack a resistance
#: verb repels (``repelled attack`` → aggression, "our units repelled the assault"); the attack a side answers
#: (``answered attack`` → aggression, "we were forced to answer the shelling"); harm the adversary does to others
#: (``adversary's harm`` → casualties and aggression, "the militants killed three civilians")
RULES = ("lexicon", "own side", "adversary", "no agent", "adversary's losses", "honours soldiers", "progress in talks",
         "adversary's gain", "repelled attack", "answered attack", "adversary's harm")
#: achievement words that, done by the adversary, are its offensive (aggression): "the enemy plans to capture"
_GAINS = ("captur", "seiz", "took", "take", "taken", "taking", "advanc", "gain", "retook", "retaken", "recaptur",
          "broke", "break", "breakthrough", "win", "won")
#: determiners before a participle used as an adjective ("the seized plant")
_DETERMINERS = frozenset({"the", "a", "an", "these", "those", "all", "its", "their"})
#: gain words that take back what was one's own: their object's side is the doer's ("recaptured Ukrainian villages")
_REGAINS = ("retook", "retaken", "recaptur", "regain", "re-")
#: resistance words whose object is the adversary's attack ("repelled the assault")
_REPELS = ("repel", "repuls", "fend", "beat back", "beaten back", "thwart", "foil", "withstood", "withstand", "stopp",
           "shot down", "intercept", "resist", "held off", "hold off", "rebuff")
#: harm verbs: with the adversary before them in the active voice, the adversary did the harm, to others ("the
#: militants killed three civilians": casualties and aggression, G4, G6), not suffered it ("enemy soldiers were killed")
_HARMS = ("kill", "wound", "injur", "tortur", "murder", "maim", "execut", "abduct", "rape", "deport", "besieg")
#: weapons as a passive's subject: their side's marker is the doer's ("Russian missiles were launched at the city")
_WEAPONS = frozenset("""missile missiles rocket rockets shell shells drone drones bomb bombs projectile projectiles
munition munitions artillery aircraft jets planes helicopters warships ships tanks guns""".split())
#: cessation verbs: a negator before one negates the stopping, not the frame word after it ("did not stop shelling")
_CEASE = frozenset({"stop", "stops", "stopped", "stopping", "cease", "ceased", "ceasing", "halt", "halted", "end"})
#: the holder's own verbs of loss or suffering: a trouble after them is the holder's ("suffered heavy losses", "lost")
_OWN_VERBS = ("suffer", "sustain", "incur", "lost", "los", "took", "taken")
#: a trouble word that is itself the holder's verb ("the enemy attacked and lost 200 men")
_LOSING = frozenset({"lost", "lose", "loses", "losing"})
#: forms of "be" between an attack word and a trouble: the attack is the trouble's holder ("the offensive is bogged down")
_BE = frozenset({"is", "are", "was", "were", "been", "being", "remains", "remain"})
#: past participles of attack verbs that do not end in -ed/-en (a passive's verb: "were struck", "was hit")
_STRONG_PARTICIPLES = frozenset({"struck", "hit", "shot", "bombed", "blown"})
#: auxiliaries of a passive ("200 enemy soldiers were killed": the enemy's losses)
_PASSIVE = frozenset({"was", "were", "been", "be", "being", "is", "are", "got", "get"})
#: words before the own side's attack that make it a plan, threat or readiness, no success yet ("we plan to
#: strike", "we are ready to strike"; §3 achievement: the speaker's side succeeds)
_PLANS = frozenset("""plan plans planned planning intend intends intended intending threaten threatens threatened
threatening threat ready prepared prepare prepares preparing will would could might may can shall 'll ’ll going want
wants wanted aim aims aiming vow vows vowed promise promises promised capable""".split())
#: words before an attack phrase that make it the attack answered, the adversary's ("forced to answer the shelling",
#: "in response to the strikes"); not when "with" follows them ("responded with strikes": the answer itself)
_ANSWERS = ("answer", "respond", "response", "retaliat", "reply", "replied", "replies", "revenge", "aveng")
#: answer nouns and adjectives: they name the answered attack only before "to"/"for"/"against" ("in response to the
#: strikes"); else they name the answer itself ("our retaliatory strikes hit their depots")
_ANSWER_KINDS = frozenset({"retaliatory", "retaliation", "response", "responses", "reply", "revenge"})
#: words before a side marker that make it a place or a target, not the doer ("For Ukraine, the attack ...", "a win
#: in Ukraine"); "by" is left out (the passive's agent)
#: a marker only ever an object, never the doer of what follows it ("to destroy us, to destroy Ukrainians": the second
#: destroying is not ours; v2.9)
_OBJECT_FORMS = frozenset({"us"})
_PREPOSITIONS = frozenset("""in on at for to against into onto over near from with about toward towards across inside
within upon around throughout of""".split())
#: words after an attack phrase that begin a new clause: the object search stops there ("the depot was destroyed,
#: when enemy troops withdrew": the enemy is no object of the destruction)
_NEW_CLAUSE = frozenset({",", "when", "after", "as", "which", "who", "that", "while", "because", "since", "if", "before",
                         "until", "unless", "where", "whom", "whose", "although", "though"})
#: words before a casualty word that make the harm possible, not concrete (G5: "thousands could be killed"); a
#: modal before "have" is a hedged past ("may have killed"), concrete harm still
_HYPOTHETICAL = frozenset("""could would might may can will shall 'll ’ll if unless risk risks risking threaten
threatens threatened threatening potential potentially possible possibly""".split())
#: belief verbs whose negation scopes over the clause they introduce ("we do not expect that ...")
_BELIEFS = frozenset({"expect", "think", "believe", "see", "consider", "anticipate"})
#: words after a frame word that introduce a denial of it by someone else ("..., which the Kremlin denied")
_DENIED_BY = frozenset({"which", "something", "claims", "allegations", "accusations", "charges", "claim", "allegation",
                        "accusation", "charge", "assertion", "assertions"})
#: pseudo-categories of a lexicon file: ``block`` phrases are matched (so they consume their words)
#: and count for nothing; ``attack`` phrases become achievement or aggression by perspective
BLOCK, ATTACK = "block", "attack"
#: success words that beside talks mean progress in talks (diplomacy)
_SUCCESS = ("success", "progress", "breakthrough", "achiev", "accomplish")
#: the talks a success can be progress in (not gratitude, aid or sanctions)
_TALKS = ("negotiat", "talk", "dialogue", "diplomac", "summit", "meeting", "agree", "ceasefire", "cease-fire", "truce",
          "peace", "mediat", "conversation", "consultation", "contacts", "relations", "cooperation", "deal", "accord")
#: gratitude words: diplomacy when aimed at partners, legitimacy when aimed at soldiers
_GRATITUDE = ("thank", "gratitude", "grateful")
#: words that end the clause a negator, a denial or an agent is looked for in
_CLAUSE_END = frozenset({".", ";", ":", "!", "?", "but", "while", "whereas", "insisting", "saying", "“", "”", '"'})
#: the roles of ``role`` rows in ``perspective.csv`` (each names one category, ``troubles`` and ``negatable`` several)
ROLES = ("own attack", "adversary attack", "troubles", "gratitude", "honours", "defence", "talks", "negatable", "harm")


@dataclass(frozen=True)
class Perspective:
    """Negators, denial verbs and side markers (``perspective.csv``): what turns a lexicon match
    into the speaker's frame (codebook G3, G4)."""

    negators: frozenset
    denials: frozenset
    markers: dict  # word -> own | adversary | kremlin | ukraine | west
    forces: frozenset = frozenset()  # soldiers: gratitude to them honours them (legitimacy)
    adversaries: dict = None  # belligerent side -> the sides (markers) that are its adversary
    roles: dict = None  # role (:data:`ROLES`) -> its category (a tuple for troubles and negatable)
    lookback: frozenset = frozenset()  # denial and belief verbs: a text with one is read further back (set here)
    nonparties: frozenset = frozenset()  # speaker sides with no own side in the war (``nonparty`` rows: ``other``)
    pronouns: frozenset = frozenset()  # "they", "them", "their": the adversary as the holder of a plight (v2.8)
    plights: tuple = ()  # how a poor-position phrase begins ("demoralis", "heavy losses"): a pronoun holder counts (v2.8)
    negatable: frozenset = field(init=False, default=frozenset())  # roles["negatable"], set here (codebook G3)
    belligerents: frozenset = field(init=False, default=frozenset())  # the sides with adversaries, set here

    def denials_in(self, words: list[str]) -> frozenset:
        """The denial and belief verbs a text holds (found once per text: with one, the look-back for
        negation is longer, :meth:`negated`); empty (false) for most texts."""
        return frozenset(self.lookback.intersection(words))

    def __post_init__(self):
        object.__setattr__(self, "lookback", self.denials | _BELIEFS)
        missing = set(ROLES) - set(self.roles or {})
        if missing:
            raise ValueError(f"perspective rules need the roles {', '.join(sorted(missing))}")
        # the categories a negator or a denial before the phrase cancels; the others (diplomacy, legitimacy,
        # disinformation, hedges, boosters) hold in a negated or denying clause ("talks are impossible")
        object.__setattr__(self, "negatable", frozenset(self.roles["negatable"]))
        object.__setattr__(self, "belligerents", frozenset(self.adversaries or {}))

    def is_adversary(self, marker: str, side: str | None) -> bool:
        """Whether a marker names the adversary of a speaker of ``side`` (``adversary``, or a side its
        ``side`` row lists)."""
        return marker == "adversary" or marker in (self.adversaries or {}).get(side, ())

    def is_own(self, marker: str, side: str | None) -> bool:
        """Whether a marker names the speaker's own side (``own``, or a belligerent's own side by name)."""
        return marker == "own" or (side in self.belligerents and marker == side)

    def may_change(self, pattern: tuple[str, ...], cats: tuple[str, ...]) -> bool:
        """Whether :meth:`judge` can turn a hit of a phrase (its token ``pattern`` and listed ``cats``) into
        anything but ``(cats, "lexicon")``: an attack phrase, a negatable or trouble category, or gratitude.

        >>> view = default_perspective()
        >>> view.may_change(("talks",), ("diplomacy",)), view.may_change(("thank*",), ("diplomacy",))
        (False, True)
        """
        if ATTACK in cats or not self.negatable.isdisjoint(cats) or not set(self.roles["troubles"]).isdisjoint(cats):
            return True
        head = pattern[0].rstrip("*")
        return self.roles["gratitude"] in cats and any(head.startswith(g) or g.startswith(head) for g in _GRATITUDE)

    def judge(self, words: list[str], i: int, n: int, cats: tuple[str, ...], side: str | None,
              denials: bool = True) -> tuple[tuple[str, ...], str] | None:
        """The categories and the rule (:data:`RULES`) of the hit ``words[i:i+n]`` with its listed
        ``cats``, for a speaker of ``side``; None when negation or a denial cancels it.
        ``denials``: whether the text holds a denial verb (:meth:`denials_in`)."""
        rule, role = "lexicon", self.roles
        gain, hostile, troubles = role["own attack"], role["adversary attack"], role["troubles"]
        if ATTACK in cats:
            answered = self.answered(words, i)  # "forced to answer the shelling": the answered attack is hostile
            # "we are under constant shelling": the one under the attack is its target, not its doer (v2.9)
            targeted = "under" in words[max(0, i - 2):i]
            agent = None if answered or targeted else self.agent(words, i, n)
            if agent is None:
                target, rule = hostile, "answered attack" if answered else "no agent"
            elif agent.startswith("object:"):  # "struck enemy depots": the object's enemy acts
                mine = self.is_adversary(agent[7:], side)
                target, rule = (gain, "own side") if mine else (hostile, "adversary")
            elif self.is_own(agent, side):
                target, rule = gain, "own side"
            else:
                target, rule = hostile, "adversary" if self.is_adversary(agent, side) else "no agent"
            if target == gain and self._before(words, i, 4, _PLANS):  # "we plan to strike": no success yet
                cats = tuple(c for c in cats if c != ATTACK)
                if not cats:
                    return None
            cats = tuple(dict.fromkeys(target if c == ATTACK else c for c in cats))
        elif cats == (gain,) and side in self.belligerents and self.adversarys_gain(words, i, n, side):
            # the adversary's success is not the speaker's: its captures and advances are its offensive
            if not words[i].startswith(_GAINS):
                return None
            cats, rule = (hostile,), "adversary's gain"
        elif cats == (role["defence"],) and side in self.belligerents and self.adversary_defends(words, i, side):
            # the adversary's defence or resistance is not the speaker's (G4: its own side's defending is resistance;
            # "the Ukrainian people's resistance" in a Kremlin claim, "NATO's deterrent"; v2.9)
            return None
        elif side in self.belligerents and not set(troubles).isdisjoint(cats) \
                and self.is_adversary(self.holder(words, i, n, self.is_plight(words, i, n)) or "", side):
            active = words[i].endswith("ing") or _PASSIVE.isdisjoint(words[max(0, i - 3):i])  # "were killing": active
            if words[i].startswith(_HARMS) and active \
                    and not any(w[:1].isdigit() for w in words[max(0, i - 4):i]):
                # "the militants killed three civilians": the adversary did the harm (G4, G6), to others (not a
                # passive, nor a count of its dead: "30,000 Russian soldiers killed")
                cats, rule = tuple(dict.fromkeys(cats + (hostile,))), "adversary's harm"
            else:  # the enemy's losses and troubles claimed by a belligerent are its achievement (codebook §3)
                cats = tuple(dict.fromkeys(gain if c in troubles else c for c in cats))
                rule = "adversary's losses"
        elif role["gratitude"] in cats and words[i].startswith(_GRATITUDE) and self.to_forces(words, i, n):
            cats = tuple(dict.fromkeys(role["honours"] if c == role["gratitude"] else c for c in cats))
            rule = "honours soldiers"
        if role["harm"] in cats and self.hypothetical(words, i):  # "thousands could be killed": no concrete harm (G5)
            cats = tuple(c for c in cats if c != role["harm"])
            if not cats:
                return None
        negatable = self.negatable
        if not negatable.isdisjoint(cats) and self.negated(words, i, denials, n):
            cats = tuple(c for c in cats if c not in negatable)
            if not cats:
                return None
        return cats, rule

    def adversarys_gain(self, words: list[str], i: int, n: int, side: str | None) -> bool:
        """Whether the success word ``words[i:i+n]`` is the adversary's: its doer is the adversary, or (a capture or an
        advance word with no doer) its object is the speaker's own side ("the seized Ukrainian power plant" for a
        Ukrainian speaker: the adversary seized it; "recaptured Ukrainian villages" stays the own side's; v2.9).

        >>> view = default_perspective()
        >>> view.adversarys_gain("the seized ukrainian plant".split(), 1, 1, "ukraine")
        True
        >>> view.adversarys_gain("recaptured ukrainian villages".split(), 0, 1, "ukraine")
        False
        >>> view.adversarys_gain("we fear for the seized ukrainian plant".split(), 4, 1, "ukraine")
        True
        """
        if i and words[i - 1] in _DETERMINERS and words[i].endswith(("ed", "en")):
            # "the seized Ukrainian plant": a participle before its noun, whose doer is not the clause's subject
            m = self._first_marker(words, range(i + n, min(len(words), i + n + 4)), stops=_NEW_CLAUSE)
            agent = "object:" + m if m else None
        else:
            agent = self.agent(words, i, n)
        if agent is None:
            return False
        if agent.startswith("object:"):
            return words[i].startswith(_GAINS) and not words[i].startswith(_REGAINS) and self.is_own(agent[7:], side)
        return self.is_adversary(agent, side)

    def adversary_defends(self, words: list[str], i: int, side: str | None) -> bool:
        """Whether the resistance word at ``words[i]`` is done by the speaker's adversary: its side marker in the 5
        words before, in the same stretch (no comma between), not after a preposition, and no passive right before
        the word ("the enemy was driven out" is the own side's doing; v2.9).

        >>> view = default_perspective()
        >>> view.adversary_defends("the ukrainian army continues to resist".split(), 5, "kremlin")
        True
        >>> view.adversary_defends("the enemy was driven out".split(), 3, "ukraine")
        False
        >>> view.adversary_defends("which the enemy considers targets , are holding on".split(), 7, "ukraine")
        False
        """
        if i and words[i - 1] in _PASSIVE and words[i].endswith(("ed", "en", "wn")):
            return False
        m = self._first_marker(words, range(i - 1, max(-1, i - 6), -1), doers=True, stops=frozenset({","}))
        return m is not None and self.is_adversary(m, side)

    def repelled_attacks(self, words: list[str], hits: list[tuple]) -> list[tuple]:
        """``hits`` with each attack phrase read as the own side's (``own side``) that follows a resistance
        word within 3 tokens in its clause turned into aggression: what is repelled is the adversary's
        attack ("our units were able to repel the assault")."""
        defence, gain, hostile = self.roles["defence"], self.roles["own attack"], self.roles["adversary attack"]
        repels = [i + n for i, n, _index, cats, _rule in hits if defence in cats and words[i].startswith(_REPELS)]
        if not repels:
            return hits
        out = []
        for i, n, index, cats, rule in hits:
            if rule == "own side" and any(0 <= i - end <= 3 and _CLAUSE_END.isdisjoint(words[end:i]) for end in repels):
                cats, rule = tuple(dict.fromkeys(hostile if c == gain else c for c in cats)), "repelled attack"
            out.append((i, n, index, cats, rule))
        return out

    def caused_troubles(self, words: list[str], hits: list[tuple], listed: Callable[[int], tuple]) -> list[tuple]:
        """``hits`` with each trouble read as the adversary's losses (``adversary's losses``) that follows an
        aggression hit within 6 tokens in its clause read back as its listed categories: the harm the adversary's attack
        did ("Russian strikes caused casualties", "Russia's aggression and numerous casualties": the casualties are not
        Russia's losses), unless the holder's own verb of suffering stands between ("the enemy attacked and suffered
        heavy losses"), the trouble word is the holder's verb ("lost"), or a form of "be" makes the attack the trouble's
        holder ("the Russian offensive is bogged down"); v2.9. ``listed``: a hit's phrase index -> the
        categories its lexicon row lists."""
        hostile, harm = self.roles["adversary attack"], self.roles["harm"]
        # an aggression hit that is itself a side marker ("the occupiers") names the holder, it is no attack
        ends = [i + n for i, n, _index, cats, _rule in hits if hostile in cats and self._marker(words[i]) is None]
        if not ends:
            return hits
        out = []
        for i, n, index, cats, rule in hits:
            if rule == "adversary's losses" and words[i] not in _LOSING and any(
                    0 <= i - end <= 6 and _CLAUSE_END.isdisjoint(words[end:i]) and _BE.isdisjoint(words[end:i])
                    and not any(w.startswith(_OWN_VERBS) for w in words[end:i]) for end in ends):
                cats, rule = tuple(c for c in listed(index) if c not in (ATTACK, BLOCK)), "lexicon"
                if harm in cats and self.hypothetical(words, i):
                    cats = tuple(c for c in cats if c != harm)
                if not cats:
                    continue
            out.append((i, n, index, cats, rule))
        return out

    def third_party(self, words: list[str], hits: list[tuple], side: str | None) -> list[tuple]:
        """``hits`` without the own-success category of a bare success word said by a speaker with no own side in
        the war (``nonparty`` rows: ``other``): a third party's success word counts only when a side marker names
        whose success it is ("Ukraine will prevail", "we won"), not bare ("a quick win is unlikely"; G4)."""
        if side not in self.nonparties:
            return hits
        gain = self.roles["own attack"]
        out = []
        for i, n, index, cats, rule in hits:
            if gain in cats and rule == "lexicon" and self.doer(words, i, n) is None:
                cats = tuple(c for c in cats if c != gain)
                if not cats:
                    continue
            out.append((i, n, index, cats, rule))
        return out

    def progress_in_talks(self, words: list[str], hits: list[tuple]) -> list[tuple]:
        """``hits`` (as :meth:`narrative.lexicons.Lexicon._judged` makes them) with each success word
        beside a word of talks turned into diplomacy ("very successful rounds of negotiations":
        progress in talks is diplomacy, not achievement, codebook §3)."""
        diplomacy, gain = self.roles["talks"], self.roles["own attack"]
        talks = [i for i, _n, _index, cats, _rule in hits if diplomacy in cats and words[i].startswith(_TALKS)]
        if not talks:
            return hits
        out = []
        for i, n, index, cats, rule in hits:
            if cats == (gain,) and rule == "lexicon" and words[i].startswith(_SUCCESS) and any(
                    t != i and abs(t - i) <= 6 and _CLAUSE_END.isdisjoint(words[min(i, t):max(i, t)]) for t in talks):
                cats, rule = (diplomacy,), "progress in talks"
            out.append((i, n, index, cats, rule))
        return out

    @staticmethod
    def _before(words: list[str], i: int, window: int, wanted: frozenset) -> bool:
        """Whether one of ``wanted`` stands in the ``window`` words before ``i``, in its clause."""
        for k in range(i - 1, max(-1, i - window - 1), -1):
            if words[k] in _CLAUSE_END:
                return False
            if words[k] in wanted:
                return True
        return False

    @staticmethod
    def answered(words: list[str], i: int) -> bool:
        """Whether an answer word stands in the 3 words before the attack phrase at ``i`` in its clause, with no
        "with" between ("forced to answer the shelling", "in response to the strikes"; not "responded with strikes").

        >>> Perspective.answered("we were forced to answer the shelling".split(), 6)
        True
        >>> Perspective.answered("we responded with strikes".split(), 3)
        False
        >>> Perspective.answered("our retaliatory strikes will be fast".split(), 2)
        False
        """
        for k in range(i - 1, max(-1, i - 4), -1):
            if words[k] in _CLAUSE_END or words[k] == "with":
                return False
            if words[k].startswith(_ANSWERS):  # a noun or adjective only as "response to", "retaliation for"
                return words[k] not in _ANSWER_KINDS or words[k + 1] in ("to", "for", "against")
        return False

    @staticmethod
    def hypothetical(words: list[str], i: int) -> bool:
        """Whether a modal or a word of possibility stands in the 3 words before ``i`` in its clause, not before
        "have" ("thousands could be killed", "would leave hundreds dead"; "may have killed" is past harm, hedged).

        >>> Perspective.hypothetical("thousands could be killed".split(), 3)
        True
        >>> Perspective.hypothetical("the strike may have killed twenty".split(), 4)
        False
        """
        for k in range(i - 1, max(-1, i - 4), -1):
            if words[k] in _CLAUSE_END:
                return False
            if words[k] in _HYPOTHETICAL and words[k + 1] not in ("have", "'ve", "’ve"):
                return True
        return False

    def to_forces(self, words: list[str], i: int, n: int) -> bool:
        """Whether a soldier word follows ``words[i:i+n]`` within 8 words in its clause ("thanked the
        commanders and military personnel")."""
        for k in range(i + n, min(len(words), i + n + 8)):
            if words[k] in _CLAUSE_END:
                return False
            if words[k] in self.forces:
                return True
        return False

    def negated(self, words: list[str], i: int, denials: bool = True, n: int = 1) -> bool:
        """A negator within 3 words before ``i``, a denial verb within 12, or a negated belief verb
        within 9 ("we do not expect that their army has regained"), in the same clause; or, after the
        hit ``words[i:i+n]``, a denial of it by someone else ("..., which the Kremlin has repeatedly
        denied"). ``denials=False``: the text has no denial or belief verb (:meth:`denials_in`), so only
        the 3 words before are read (a set: the verbs the text holds, :meth:`denials_in`)."""
        if denials is True:
            deny = believe = True
        else:
            deny = bool(denials) and not self.denials.isdisjoint(denials)
            believe = bool(denials) and not _BELIEFS.isdisjoint(denials)
        for k in range(i - 1, max(-1, i - (13 if deny else 10 if believe else 4)), -1):
            w = words[k]
            if w in _CLAUSE_END:
                break
            if (k >= i - 3 and self._negator(w)) or (deny and w in self.denials):
                if not _CEASE.isdisjoint(words[k + 1:i]):  # "did not stop shelling": it goes on (v2.9)
                    return False
                return not (w == "not" and k + 1 < len(words) and words[k + 1] == "only")
            if believe and k >= i - 9 and w in _BELIEFS and k and (self._negator(words[k - 1]) or
                                                       k > 1 and self._negator(words[k - 2])):
                return True
        if deny:
            for k in range(i + n, min(len(words), i + n + 8)):
                if words[k] in _CLAUSE_END:
                    break
                if words[k] in _DENIED_BY:
                    return any(w in self.denials for w in words[k + 1:k + 8])
        return False

    def _negator(self, w: str) -> bool:
        return w in self.negators or w.endswith(("n't", "n’t"))

    def doer(self, words: list[str], i: int, n: int) -> str | None:
        """The side marker of the one who does ``words[i:i+n]``: after "by", else the nearest before it
        in its clause (8 words); never its object's (unlike :meth:`agent`)."""
        agent = self.agent(words, i, n)
        return None if agent is None or agent.startswith("object:") else agent

    def _marker(self, w: str) -> str | None:
        m = self.markers.get(w)
        if m is None and w.endswith(("'s", "’s")):
            m = self.markers.get(w[:-2])
        return m

    def agent(self, words: list[str], i: int, n: int) -> str | None:
        """The side marker of the action at ``words[i:i+n]``: after "by" in a passive, else the nearest
        one before it in its clause (8 words), else of its object (4 words after, "struck enemy
        depots": the agent is the enemy's enemy)."""
        end = min(len(words), i + n + 5)
        for k in range(i + n, end):
            if words[k] == "by":
                for j in range(k + 1, min(len(words), k + 5)):
                    m = self._marker(words[j])
                    if m:
                        return m
                break
            if words[k] in _CLAUSE_END:
                break
        m = self._first_marker(words, range(i - 1, max(-1, i - 9), -1), doers=True)
        if m:
            # a passive with no "by": the marker before names the one the attack befell ("our positions were shelled",
            # "the enemy was routed": the object, whose enemy acts; v2.9)
            return "object:" + m if self._passive_before(words, i) and _WEAPONS.isdisjoint(words[max(0, i - 4):i]) else m
        m = self._first_marker(words, range(i + n, min(len(words), i + n + 4)), stops=_NEW_CLAUSE)
        return "object:" + m if m else None

    @staticmethod
    def _passive_before(words: list[str], i: int) -> bool:
        """Whether ``words[i]`` is a past participle after a passive auxiliary (one adverb may stand between:
        "were heavily shelled").

        >>> Perspective._passive_before("our positions were shelled".split(), 3)
        True
        >>> Perspective._passive_before("we shelled their positions".split(), 1)
        False
        """
        w = words[i]
        if not (w.endswith(("ed", "en", "wn")) or w in _STRONG_PARTICIPLES):
            return False
        return i > 0 and (words[i - 1] in _PASSIVE or i > 1 and words[i - 1].endswith("ly") and words[i - 2] in _PASSIVE)

    def _first_marker(self, words: list[str], positions, doers: bool = False, stops: frozenset = frozenset(),
                      marker: Callable[[str], str | None] | None = None) -> str | None:
        """The first side marker at ``positions`` (in the order given) before the clause ends (or a word of
        ``stops``); ``doers``: a marker right after a preposition is passed over ("For Ukraine, the attack ...":
        a place or a target, not who acts); ``marker``: the word -> marker function (default :meth:`_marker`)."""
        marker = marker or self._marker
        for k in positions:
            w = words[k]
            if w in _CLAUSE_END or w in stops:
                return None
            m = marker(w)
            if m and not (doers and (w in _OBJECT_FORMS or k and words[k - 1] in _PREPOSITIONS)):
                return m
        return None

    def is_plight(self, words: list[str], i: int, n: int) -> bool:
        """Whether ``words[i:i+n]`` name a poor position: they begin as a ``plight`` row does ("heavy losses")."""
        return " ".join(words[i:i + n]).startswith(self.plights)

    def holder(self, words: list[str], i: int, n: int, plight: bool = False) -> str | None:
        """Whose losses or troubles ``words[i:i+n]`` are: the nearest side marker before them in the
        clause (5 words: "Russia has lost", "the enemy's losses"), else one after "of"/"among"
        ("losses of the occupiers"). ``plight``: the words name a poor position ("demoralised", "collapsing",
        ``plight`` rows), where "they"/"them"/"their" (``pronoun`` rows) name the adversary and "for" also
        introduces the holder ("they are demoralised", "the front is collapsing for them": codebook §3
        achievement, the enemy's poor position; v2.8).

        >>> view = default_perspective()
        >>> view.holder("the front is collapsing for them".split(), 3, 1, plight=True)
        'adversary'
        >>> view.holder("the front is collapsing for them".split(), 3, 1) is None
        True
        """
        marker = self._marker if not plight else lambda w: self._marker(w) or (
            "adversary" if w in self.pronouns else None)
        m = self._first_marker(words, range(i - 1, max(-1, i - 6), -1), marker=marker)
        if m:
            return m
        k = i + n
        if k + 1 < len(words) and (words[k] in ("of", "among") or plight and words[k] == "for"):
            for j in range(k + 1, min(len(words), k + 4)):
                m = marker(words[j])
                if m:
                    return m
        return None


@lru_cache(maxsize=1)
def default_perspective() -> Perspective:
    """The shipped ``perspective.csv``."""
    rows = list(csv.DictReader(io.StringIO(data_path("perspective.csv", "lexicons").read_text("utf-8"))))
    pick = lambda kind: frozenset(r["word"] for r in rows if r["kind"] == kind)
    listed = lambda value: tuple(v for v in value.split(";") if v)
    roles = {r["word"]: listed(r["value"]) for r in rows if r["kind"] == "role"}
    roles = {k: v if k in ("troubles", "negatable") else v[0] for k, v in roles.items()}
    return Perspective(pick("negator"), pick("denial"), {r["word"]: r["value"] for r in rows if r["kind"] == "marker"},
                       pick("forces"), {r["word"]: listed(r["value"]) for r in rows if r["kind"] == "side"}, roles,
                       nonparties=pick("nonparty"), pronouns=pick("pronoun"),
                       plights=tuple(sorted(pick("plight"))))


def is_adversary(marker: str, side: str | None) -> bool:
    """Whether a side marker (``perspective.csv``) names the adversary of a speaker of ``side``."""
    return default_perspective().is_adversary(marker, side)


def is_own(marker: str, side: str | None) -> bool:
    """Whether a side marker names the speaker's own side (``we``, or the speaker's side by name)."""
    return default_perspective().is_own(marker, side)
