"""Who acts and whose it is (codebook G4): the side markers around a lexicon hit, read for
:class:`narrative.lexicons.perspective.Perspective`.

:class:`Sides` finds the side marker of the one who does an action (:meth:`Sides.agent`, :meth:`Sides.doer`: after
"by" in a passive, else before it in its clause, else of its object), of the one whose losses or troubles a hit
names (:meth:`Sides.holder`), whether a success or a defence is the adversary's (:meth:`Sides.adversarys_gain`,
:meth:`Sides.adversary_defends`), whether an attack is the one answered (:meth:`Sides.answered`) and whether
gratitude goes to soldiers (:meth:`Sides.to_forces`). It reads the markers, sides and word lists of
``perspective.csv`` held by the :class:`~narrative.lexicons.perspective.Perspective` it is part of (``markers``,
``adversaries``, ``belligerents``, ``forces``, ``pronouns``, ``plights``), and the grammar of :mod:`.grammar`.
"""
from __future__ import annotations

from typing import Callable

from .grammar import (ANSWER_KINDS, ANSWERS, CLAUSE_END, DETERMINERS, GAINS, NEW_CLAUSE, OBJECT_FORMS, PASSIVE,
                      PREPOSITIONS, REGAINS, STRONG_PARTICIPLES, TROUBLE_MODIFIERS, WEAPONS)


class Sides:
    """The side-marker readings of a :class:`~narrative.lexicons.perspective.Perspective` (a part of it, with no
    state of its own: the markers and sides are the perspective's fields)."""

    def is_adversary(self, marker: str, side: str | None) -> bool:
        """Whether a marker names the adversary of a speaker of ``side`` (``adversary``, or a side its
        ``side`` row lists)."""
        return marker == "adversary" or marker in (self.adversaries or {}).get(side, ())

    def is_own(self, marker: str, side: str | None) -> bool:
        """Whether a marker names the speaker's own side (``own``, or a belligerent's own side by name)."""
        return marker == "own" or (side in self.belligerents and marker == side)

    def marker_of(self, w: str) -> str | None:
        """The side marker a word is (``perspective.csv`` ``marker`` rows), or its possessive's ("Russia's")."""
        m = self.markers.get(w)
        if m is None and w.endswith(("'s", "’s")):
            m = self.markers.get(w[:-2])
        return m

    def _first_marker(self, words: list[str], positions, doers: bool = False, stops: frozenset = frozenset(),
                      marker: Callable[[str], str | None] | None = None) -> str | None:
        """The first side marker at ``positions`` (in the order given) before the clause ends (or a word of
        ``stops``); ``doers``: a marker right after a preposition is passed over ("For Ukraine, the attack ...":
        a place or a target, not who acts); ``marker``: the word -> marker function (default :meth:`marker_of`)."""
        marker = marker or self.marker_of
        for k in positions:
            w = words[k]
            if w in CLAUSE_END or w in stops:
                return None
            m = marker(w)
            if m and not (doers and (w in OBJECT_FORMS or k and words[k - 1] in PREPOSITIONS)):
                return m
        return None

    def agent(self, words: list[str], i: int, n: int) -> str | None:
        """The side marker of the action at ``words[i:i+n]``: after "by" in a passive, else the nearest
        one before it in its clause (8 words), else of its object (4 words after, "struck enemy
        depots": the agent is the enemy's enemy)."""
        end = min(len(words), i + n + 5)
        for k in range(i + n, end):
            if words[k] == "by":
                for j in range(k + 1, min(len(words), k + 5)):
                    m = self.marker_of(words[j])
                    if m:
                        return m
                break
            if words[k] in CLAUSE_END:
                break
        m = self._first_marker(words, range(i - 1, max(-1, i - 9), -1), doers=True)
        if m:
            # a passive with no "by": the marker before names the one the attack befell ("our positions were shelled",
            # "the enemy was routed": the object, whose enemy acts; v2.9)
            return "object:" + m if self._passive_before(words, i) and WEAPONS.isdisjoint(words[max(0, i - 4):i]) else m
        m = self._first_marker(words, range(i + n, min(len(words), i + n + 4)), stops=NEW_CLAUSE)
        return "object:" + m if m else None

    @staticmethod
    def _passive_before(words: list[str], i: int) -> bool:
        """Whether ``words[i]`` is a past participle after a passive auxiliary (one adverb may stand between:
        "were heavily shelled").

        >>> Sides._passive_before("our positions were shelled".split(), 3)
        True
        >>> Sides._passive_before("we shelled their positions".split(), 1)
        False
        """
        w = words[i]
        if not (w.endswith(("ed", "en", "wn")) or w in STRONG_PARTICIPLES):
            return False
        return i > 0 and (words[i - 1] in PASSIVE or i > 1 and words[i - 1].endswith("ly") and words[i - 2] in PASSIVE)

    def doer(self, words: list[str], i: int, n: int) -> str | None:
        """The side marker of the one who does ``words[i:i+n]``: after "by", else the nearest before it
        in its clause (8 words); never its object's (unlike :meth:`agent`)."""
        agent = self.agent(words, i, n)
        return None if agent is None or agent.startswith("object:") else agent

    def holder(self, words: list[str], i: int, n: int, plight: bool = False) -> str | None:
        """Whose losses or troubles ``words[i:i+n]`` are: the nearest side marker before them in the
        clause (5 words: "Russia has lost", "the enemy's losses"), else one after "of"/"among"
        ("losses of the occupiers"). ``plight``: the words name a poor position ("demoralised", "collapsing",
        ``plight`` rows), where "they"/"them"/"their" (``pronoun`` rows) name the adversary and "for" also
        introduces the holder ("they are demoralised", "the front is collapsing for them": codebook §3
        achievement, the enemy's poor position; v2.8), unless the pronoun's antecedent in the claim names another side
        (:meth:`antecedent`: "our crews held on, but they are running low on fuel" is the own side's; v2.9.1).

        >>> from narrative.lexicons.perspective import default_perspective
        >>> view = default_perspective()
        >>> view.holder("the front is collapsing for them".split(), 3, 1, plight=True)
        'adversary'
        >>> view.holder("the front is collapsing for them".split(), 3, 1) is None
        True
        """
        marker = self.marker_of if not plight else lambda w: self.marker_of(w) or (
            "pronoun" if w in self.pronouns else None)
        at = [-1]  # the position of the word read last: where a pronoun stands

        def read(positions):
            for k in positions:
                at[0] = k
                yield k
        m = self._first_marker(words, read(range(i - 1, max(-1, i - 6), -1)), marker=marker)
        if not m:
            k = i + n
            if k + 1 < len(words) and (words[k] in ("of", "among") or plight and words[k] == "for"):
                for j in range(k + 1, min(len(words), k + 4)):
                    m = marker(words[j])
                    if m:
                        at[0] = j
                        break
        # a pronoun names the side of its antecedent (v2.9.1; the adversary with none, v2.8)
        return self.antecedent(words, at[0]) if m == "pronoun" else m

    #: first-person markers: never the antecedent of "they" ("we held, but they fled": another group)
    _FIRST_PERSON = frozenset({"we", "us", "ours"})

    def antecedent(self, words: list[str], k: int) -> str:
        """The side of the pronoun ``words[k]`` ("they", ``pronoun`` rows): the nearest side marker before it in the
        claim, other pronouns and "we"/"us" passed over ("our brigades fought bravely, but they are running low on
        shells": the own side, ``own``); with none, the adversary (a bare "they are demoralised"; v2.9.1).

        >>> from narrative.lexicons.perspective import default_perspective
        >>> view = default_perspective()
        >>> view.antecedent("our units held , but they withdrew".split(), 5)
        'own'
        >>> view.antecedent("they withdrew".split(), 0)
        'adversary'
        """
        for j in range(k - 1, -1, -1):
            w = words[j]
            if w in self._FIRST_PERSON:
                continue
            m = self.marker_of(w)
            if m:
                return m
        return "adversary"

    def own_holder(self, words: list[str], i: int, n: int) -> str | None:
        """The side marker the trouble ``words[i:i+n]`` carries itself, not read from the clause around it: a marker
        right before it (or before one modifier, ``TROUBLE_MODIFIERS``: "Russian losses", "the enemy's heavy losses"),
        else one in the 3 words after "for"/"of"/"among" right after it ("heavy losses for the occupiers"); v2.9.1.

        >>> from narrative.lexicons.perspective import default_perspective
        >>> view = default_perspective()
        >>> view.own_holder("and russian losses are mounting".split(), 2, 1)
        'kremlin'
        >>> view.own_holder("russian strikes caused casualties".split(), 3, 1) is None
        True
        """
        if i and (m := self.marker_of(words[i - 1])):
            return m
        if i > 1 and words[i - 1] in TROUBLE_MODIFIERS and (m := self.marker_of(words[i - 2])):
            return m
        k = i + n
        if k + 1 < len(words) and words[k] in ("for", "of", "among"):
            for j in range(k + 1, min(len(words), k + 4)):
                if words[j] in CLAUSE_END:
                    break
                if m := self.marker_of(words[j]):
                    return m
        return None

    def is_plight(self, words: list[str], i: int, n: int) -> bool:
        """Whether ``words[i:i+n]`` name a poor position: they begin as a ``plight`` row does ("heavy losses")."""
        return " ".join(words[i:i + n]).startswith(self.plights)

    def adversarys_gain(self, words: list[str], i: int, n: int, side: str | None) -> bool:
        """Whether the success word ``words[i:i+n]`` is the adversary's: its doer is the adversary, or (a capture or an
        advance word with no doer) its object is the speaker's own side ("the seized Ukrainian power plant" for a
        Ukrainian speaker: the adversary seized it; "recaptured Ukrainian villages" stays the own side's; v2.9).

        >>> from narrative.lexicons.perspective import default_perspective
        >>> view = default_perspective()
        >>> view.adversarys_gain("the seized ukrainian plant".split(), 1, 1, "ukraine")
        True
        >>> view.adversarys_gain("recaptured ukrainian villages".split(), 0, 1, "ukraine")
        False
        >>> view.adversarys_gain("we fear for the seized ukrainian plant".split(), 4, 1, "ukraine")
        True
        """
        if i and words[i - 1] in DETERMINERS and words[i].endswith(("ed", "en")):
            # "the seized Ukrainian plant": a participle before its noun, whose doer is not the clause's subject
            m = self._first_marker(words, range(i + n, min(len(words), i + n + 4)), stops=NEW_CLAUSE)
            agent = "object:" + m if m else None
        else:
            agent = self.agent(words, i, n)
        if agent is None:
            return False
        if agent.startswith("object:"):
            return words[i].startswith(GAINS) and not words[i].startswith(REGAINS) and self.is_own(agent[7:], side)
        return self.is_adversary(agent, side)

    def adversary_defends(self, words: list[str], i: int, side: str | None) -> bool:
        """Whether the resistance word at ``words[i]`` is done by the speaker's adversary: its side marker in the 5
        words before, in the same stretch (no comma between), not after a preposition, and no passive right before
        the word ("the enemy was driven out" is the own side's doing; v2.9).

        >>> from narrative.lexicons.perspective import default_perspective
        >>> view = default_perspective()
        >>> view.adversary_defends("the ukrainian army continues to resist".split(), 5, "kremlin")
        True
        >>> view.adversary_defends("the enemy was driven out".split(), 3, "ukraine")
        False
        >>> view.adversary_defends("which the enemy considers targets , are holding on".split(), 7, "ukraine")
        False
        """
        if i and words[i - 1] in PASSIVE and words[i].endswith(("ed", "en", "wn")):
            return False
        m = self._first_marker(words, range(i - 1, max(-1, i - 6), -1), doers=True, stops=frozenset({","}))
        return m is not None and self.is_adversary(m, side)

    @staticmethod
    def answered(words: list[str], i: int) -> bool:
        """Whether an answer word stands in the 3 words before the attack phrase at ``i`` in its clause, with no
        "with" between ("forced to answer the shelling", "in response to the strikes"; not "responded with strikes").

        >>> Sides.answered("we were forced to answer the shelling".split(), 6)
        True
        >>> Sides.answered("we responded with strikes".split(), 3)
        False
        >>> Sides.answered("our retaliatory strikes will be fast".split(), 2)
        False
        """
        for k in range(i - 1, max(-1, i - 4), -1):
            if words[k] in CLAUSE_END or words[k] == "with":
                return False
            if words[k].startswith(ANSWERS):  # a noun or adjective only as "response to", "retaliation for"
                return words[k] not in ANSWER_KINDS or words[k + 1] in ("to", "for", "against")
        return False

    def to_forces(self, words: list[str], i: int, n: int) -> bool:
        """Whether a soldier word follows ``words[i:i+n]`` within 8 words in its clause ("thanked the
        commanders and military personnel")."""
        for k in range(i + n, min(len(words), i + n + 8)):
            if words[k] in CLAUSE_END:
                return False
            if words[k] in self.forces:
                return True
        return False
