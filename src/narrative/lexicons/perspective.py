"""Perspective rules of the frame lexicon (codebook G3, G4): who acts, whose losses, negation.

The word lists live in ``perspective.csv`` (negators, denial verbs, side markers, soldier words), and so does
what is particular to one conflict and one codebook: the belligerent sides and their adversaries (``side`` rows)
and the categories the rules turn hits into (``role`` rows); the code here names only roles;
:meth:`Perspective.judge` turns one lexicon match into the speaker's frame, and
:meth:`Perspective.progress_in_talks` (with :meth:`~Perspective.repelled_attacks`,
:meth:`~Perspective.caused_troubles`, :meth:`~Perspective.third_party`) reads matches beside each other.
The rules are described, with examples, in ``narrative/lexicons/README.md``.

The parts it reads with live beside it: :mod:`.sides` (who acts and whose: agents, holders, the adversary's
gains and defences), :mod:`.negation` (negators, denials, possibility) and :mod:`.grammar` (the English
word lists all three read).

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
from .grammar import (BE, BELIEFS, CLAUSE_END, GAINS, GRATITUDE, HARMS, LOSING, OWN_ENDINGS, OWN_VERBS, PASSIVE, PLANS,
                      REPELS, SUCCESS, TALKS)
from .negation import Negation
from .sides import Sides

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
#: pseudo-categories of a lexicon file: ``block`` phrases are matched (so they consume their words)
#: and count for nothing; ``attack`` phrases become achievement or aggression by perspective
BLOCK, ATTACK = "block", "attack"
#: the roles of ``role`` rows in ``perspective.csv`` (each names one category, ``troubles`` and ``negatable`` several)
ROLES = ("own attack", "adversary attack", "troubles", "gratitude", "honours", "defence", "talks", "negatable", "harm")


@dataclass(frozen=True)
class Perspective(Sides, Negation):
    """Negators, denial verbs and side markers (``perspective.csv``): what turns a lexicon match
    into the speaker's frame (codebook G3, G4). Who acts and whose (:class:`~.sides.Sides`) and what
    cancels a hit (:class:`~.negation.Negation`) are read by its parts."""

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
    doers: dict = None  # phrase -> the doer it needs (``doer`` rows: ``any`` side marker, or the ``own`` side; v2.9.2)
    negatable: frozenset = field(init=False, default=frozenset())  # roles["negatable"], set here (codebook G3)
    cues: frozenset = field(init=False, default=frozenset())  # negators, denial and belief verbs (set here)
    belligerents: frozenset = field(init=False, default=frozenset())  # the sides with adversaries, set here

    def __post_init__(self):
        object.__setattr__(self, "lookback", self.denials | BELIEFS)
        object.__setattr__(self, "cues", self.negators | self.lookback)  # a word :meth:`negated` reads before a hit
        missing = set(ROLES) - set(self.roles or {})
        if missing:
            raise ValueError(f"perspective rules need the roles {', '.join(sorted(missing))}")
        # the categories a negator or a denial before the phrase cancels; the others (diplomacy, legitimacy,
        # disinformation, hedges, boosters) hold in a negated or denying clause ("talks are impossible")
        object.__setattr__(self, "negatable", frozenset(self.roles["negatable"]))
        object.__setattr__(self, "belligerents", frozenset(self.adversaries or {}))

    def may_change(self, pattern: tuple[str, ...], cats: tuple[str, ...]) -> bool:
        """Whether :meth:`judge` can turn a hit of a phrase (its token ``pattern`` and listed ``cats``) into
        anything but ``(cats, "lexicon")``: an attack phrase, a negatable or trouble category, or gratitude.

        >>> view = default_perspective()
        >>> view.may_change(("talks",), ("diplomacy",)), view.may_change(("thank*",), ("diplomacy",))
        (False, True)
        """
        if ATTACK in cats or not self.negatable.isdisjoint(cats) or not set(self.roles["troubles"]).isdisjoint(cats) \
                or " ".join(pattern) in (self.doers or {}):
            return True
        head = pattern[0].rstrip("*")
        return self.roles["gratitude"] in cats and any(head.startswith(g) or g.startswith(head) for g in GRATITUDE)

    def judge(self, words: list[str], i: int, n: int, cats: tuple[str, ...], side: str | None,
              denials: bool = True) -> tuple[tuple[str, ...], str] | None:
        """The categories and the rule (:data:`RULES`) of the hit ``words[i:i+n]`` with its listed
        ``cats``, for a speaker of ``side``; None when negation or a denial cancels it.
        ``denials``: whether the text holds a denial verb (:meth:`denials_in`)."""
        rule, role = "lexicon", self.roles
        gain, hostile, troubles = role["own attack"], role["adversary attack"], role["troubles"]
        if not self.has_doer(words, i, n, side):  # "the storm inflicted damage": no doer, no frame (v2.9.2)
            return None
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
            if target == gain and self._before(words, i, 4, PLANS):  # "we plan to strike": no success yet
                cats = tuple(c for c in cats if c != ATTACK)
                if not cats:
                    return None
            cats = tuple(dict.fromkeys(target if c == ATTACK else c for c in cats))
        elif cats == (gain,) and side in self.belligerents and self.adversarys_gain(words, i, n, side):
            # the adversary's success is not the speaker's: its captures and advances are its offensive
            if not words[i].startswith(GAINS):
                return None
            cats, rule = (hostile,), "adversary's gain"
        elif cats == (role["defence"],) and side in self.belligerents and self.adversary_defends(words, i, side):
            # the adversary's defence or resistance is not the speaker's (G4: its own side's defending is resistance;
            # "the Ukrainian people's resistance" in a Kremlin claim, "NATO's deterrent"; v2.9)
            return None
        elif side in self.belligerents and not set(troubles).isdisjoint(cats) \
                and self.is_adversary(self.holder(words, i, n, self.is_plight(words, i, n)) or "", side):
            active = words[i].endswith("ing") or PASSIVE.isdisjoint(words[max(0, i - 3):i])  # "were killing": active
            if words[i].startswith(HARMS) and active \
                    and not any(w[:1].isdigit() for w in words[max(0, i - 4):i]):
                # "the militants killed three civilians": the adversary did the harm (G4, G6), to others (not a
                # passive, nor a count of its dead: "30,000 Russian soldiers killed")
                cats, rule = tuple(dict.fromkeys(cats + (hostile,))), "adversary's harm"
            else:  # the enemy's losses and troubles claimed by a belligerent are its achievement (codebook §3)
                cats = tuple(dict.fromkeys(gain if c in troubles else c for c in cats))
                rule = "adversary's losses"
        elif role["gratitude"] in cats and words[i].startswith(GRATITUDE) and self.to_forces(words, i, n):
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

    def has_doer(self, words: list[str], i: int, n: int, side: str | None) -> bool:
        """Whether the hit ``words[i:i+n]`` has the doer its ``doer`` row needs (true for a phrase with no such row):
        ``any``, a side marker as its agent (:meth:`~.sides.Sides.agent`: "the storm inflicted damage" has none, "our
        artillery inflicted damage" and "inflicted damage on Ukrainian towns" have one), or ``own``, the speaker's own
        side as its doer (:meth:`~.sides.Sides.doer`: "we will endure", not "the high prices will endure"); v2.9.2.

        >>> view = default_perspective()
        >>> view.has_doer("the storm inflicted damage".split(), 2, 1, "ukraine")
        False
        >>> view.has_doer("our people will endure".split(), 2, 2, "ukraine")
        True
        """
        if not self.doers:
            return True
        need = self.doers.get(words[i] if n == 1 else " ".join(words[i:i + n]))
        if need is None:
            return True
        if need == "own":
            doer = self.doer(words, i, n)
            return doer is not None and self.is_own(doer, side)
        return self.agent(words, i, n) is not None

    @staticmethod
    def _before(words: list[str], i: int, window: int, wanted: frozenset) -> bool:
        """Whether one of ``wanted`` stands in the ``window`` words before ``i``, in its clause."""
        for k in range(i - 1, max(-1, i - window - 1), -1):
            if words[k] in CLAUSE_END:
                return False
            if words[k] in wanted:
                return True
        return False

    def repelled_attacks(self, words: list[str], hits: list[tuple]) -> list[tuple]:
        """``hits`` with each attack phrase read as the own side's (``own side``) that follows a resistance
        word within 3 tokens in its clause turned into aggression: what is repelled is the adversary's
        attack ("our units were able to repel the assault")."""
        defence, gain, hostile = self.roles["defence"], self.roles["own attack"], self.roles["adversary attack"]
        repels = [i + n for i, n, _index, cats, _rule in hits if defence in cats and words[i].startswith(REPELS)]
        if not repels:
            return hits
        out = []
        for i, n, index, cats, rule in hits:
            if rule == "own side" and any(0 <= i - end <= 3 and CLAUSE_END.isdisjoint(words[end:i]) for end in repels):
                cats, rule = tuple(dict.fromkeys(hostile if c == gain else c for c in cats)), "repelled attack"
            out.append((i, n, index, cats, rule))
        return out

    def caused_troubles(self, words: list[str], hits: list[tuple], listed: Callable[[int], tuple],
                        side: str | None = None) -> list[tuple]:
        """``hits`` with each trouble read as the adversary's losses (``adversary's losses``) that follows an
        aggression hit within 6 tokens in its clause read back as its listed categories: the harm the adversary's attack
        did ("Russian strikes caused casualties", "Russia's aggression and numerous casualties": the casualties are not
        Russia's losses), unless the holder's own verb of suffering stands between ("the enemy attacked and suffered
        heavy losses"), the trouble word is the holder's verb ("lost"), or a form of "be" makes the attack the trouble's
        holder ("the Russian offensive is bogged down"); v2.9. Nor when an outcome the attacker suffered stands between
        ("the assault ended in heavy losses", "the offensive failed with losses": ``OWN_ENDINGS``), and a trouble that
        carries its own side marker (:meth:`~.sides.Sides.own_holder`: "Russian losses", "heavy losses for the
        occupiers") is that marker's: the adversary's stays the speaker's achievement, any other side's is its listed
        categories (v2.9.1). ``listed``: a hit's phrase index -> the categories its lexicon row lists; ``side``: the
        speaker's.

        >>> view = default_perspective()
        >>> words = "the russian assault ended in heavy losses for the russian army".split()
        >>> hits = [(2, 1, 0, ("aggression",), "adversary"), (5, 2, 1, ("achievement",), "adversary's losses")]
        >>> view.caused_troubles(words, hits, lambda index: ("casualties",), "ukraine")[1][3]
        ('achievement',)
        """
        if not any(hit[4] == "adversary's losses" for hit in hits):  # the only rule it reads back: most texts have none
            return hits
        hostile, harm = self.roles["adversary attack"], self.roles["harm"]
        # an aggression hit that is itself a side marker ("the occupiers") names the holder, it is no attack
        ends = [i + n for i, n, _index, cats, _rule in hits if hostile in cats and self.marker_of(words[i]) is None]
        if not ends:
            return hits
        out = []
        for i, n, index, cats, rule in hits:
            if rule == "adversary's losses" and words[i] not in LOSING and any(
                    0 <= i - end <= 6 and CLAUSE_END.isdisjoint(words[end:i]) and BE.isdisjoint(words[end:i])
                    and not any(w.startswith(OWN_VERBS) for w in words[end:i])
                    and not any((words[k], words[k + 1]) in OWN_ENDINGS for k in range(end, i - 1)) for end in ends):
                own = self.own_holder(words, i, n)
                if own is not None and self.is_adversary(own, side):  # "Russian losses": the adversary's, as judged
                    out.append((i, n, index, cats, rule))
                    continue
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
        talks = [i for i, _n, _index, cats, _rule in hits if diplomacy in cats and words[i].startswith(TALKS)]
        if not talks:
            return hits
        out = []
        for i, n, index, cats, rule in hits:
            if cats == (gain,) and rule == "lexicon" and words[i].startswith(SUCCESS) and any(
                    t != i and abs(t - i) <= 6 and CLAUSE_END.isdisjoint(words[min(i, t):max(i, t)]) for t in talks):
                cats, rule = (diplomacy,), "progress in talks"
            out.append((i, n, index, cats, rule))
        return out




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
                       plights=tuple(sorted(pick("plight"))),
                       doers={r["word"]: r["value"] for r in rows if r["kind"] == "doer"})


def is_adversary(marker: str, side: str | None) -> bool:
    """Whether a side marker (``perspective.csv``) names the adversary of a speaker of ``side``."""
    return default_perspective().is_adversary(marker, side)


def is_own(marker: str, side: str | None) -> bool:
    """Whether a side marker names the speaker's own side (``we``, or the speaker's side by name)."""
    return default_perspective().is_own(marker, side)
