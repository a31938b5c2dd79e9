"""What cancels a lexicon hit or its harm (codebook G3, G5): negators, denial verbs, negated beliefs, and
possibility, read for :class:`narrative.lexicons.perspective.Perspective`.

:meth:`Negation.negated`: a negator just before the hit, a denial verb or a negated belief verb further back in its
clause, or a denial of it after it ("..., which the Kremlin denied"); :meth:`Negation.denials_in` finds once per
text whether the longer look-back is needed; :meth:`Negation.hypothetical`: harm that is possible, not concrete
("thousands could be killed"). It reads the perspective's ``negators``, ``denials`` and ``lookback``
(``perspective.csv``) and the grammar of :mod:`.grammar`.
"""
from __future__ import annotations

from .grammar import BELIEFS, CEASE, CLAUSE_END, DENIED_BY, HYPOTHETICAL


class Negation:
    """The negation readings of a :class:`~narrative.lexicons.perspective.Perspective` (a part of it, with no
    state of its own: the negators and denial verbs are the perspective's fields)."""

    def denials_in(self, words: list[str]) -> frozenset:
        """The denial and belief verbs a text holds (found once per text: with one, the look-back for
        negation is longer, :meth:`negated`); empty (false) for most texts."""
        return frozenset(self.lookback.intersection(words))

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
            believe = bool(denials) and not BELIEFS.isdisjoint(denials)
        negators, lo = self.negators, max(0, i - (12 if deny else 9 if believe else 3))
        # most hits have no cue word before them (a negator, denial or belief verb: ``cues``), and then the loop
        # below finds nothing, so it is skipped (a word ending in "n't" is a negator too: looked for in the words joined)
        window = words[lo:i]
        joined = "" if not self.cues.isdisjoint(window) else " ".join(window)
        back = range(i - 1, lo - 1, -1) if not joined or "n't" in joined or "n’t" in joined else ()
        for k in back:
            w = words[k]
            if w in CLAUSE_END:
                break
            # a negator (:meth:`_negator`, inlined: this loop runs for most judged hits)
            if (k >= i - 3 and (w in negators or w.endswith(("n't", "n’t")))) or (deny and w in self.denials):
                if not CEASE.isdisjoint(words[k + 1:i]):  # "did not stop shelling": it goes on (v2.9)
                    return False
                return not (w == "not" and k + 1 < len(words) and words[k + 1] == "only")
            if believe and k >= i - 9 and w in BELIEFS and k and (self._negator(words[k - 1]) or
                                                       k > 1 and self._negator(words[k - 2])):
                return True
        if deny and not DENIED_BY.isdisjoint(words[i + n:i + n + 8]):
            for k in range(i + n, min(len(words), i + n + 8)):
                if words[k] in CLAUSE_END:
                    break
                if words[k] in DENIED_BY:
                    return any(w in self.denials for w in words[k + 1:k + 8])
        return False

    def _negator(self, w: str) -> bool:
        return w in self.negators or w.endswith(("n't", "n’t"))

    @staticmethod
    def hypothetical(words: list[str], i: int) -> bool:
        """Whether a modal or a word of possibility stands in the 3 words before ``i`` in its clause, not before
        "have" ("thousands could be killed", "would leave hundreds dead"; "may have killed" is past harm, hedged).

        >>> Negation.hypothetical("thousands could be killed".split(), 3)
        True
        >>> Negation.hypothetical("the strike may have killed twenty".split(), 4)
        False
        """
        for k in range(i - 1, max(-1, i - 4), -1):
            if words[k] in CLAUSE_END:
                return False
            if words[k] in HYPOTHETICAL and words[k + 1] not in ("have", "'ve", "’ve"):
                return True
        return False
