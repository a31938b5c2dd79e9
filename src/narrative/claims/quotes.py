"""Quotation marks and the units claims are read in.

Quote marks are paired by :func:`narrative.segment.marks.quote_spans` (every convention's
outer marks; an unclosed quotation ends at its paragraph) and read back here with O(log n)
lookups (:class:`Quotes`); sentences (Punkt) are merged into one
unit while a quotation is open, so a quote that spans sentences is one unit.

:func:`speech` finds a document's lines of speech opened by a dash (an interview's answers, "- We will hold
- he said"; :func:`narrative.segment.marks.speech_lines`): with its quotations, its quoted speech (the document
view's ``quoted``), whose names are what was said, not who speaks next, and whose cues are the quoted speaker's
own words.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache

from ..segment import split_sentences
from ..segment.marks import (MAX_SIGNATURE, OUTER_CLOSING, QUOTE_MARKS, SPEECH_DASHES, attribution_length, quote_spans,
                             speech_lines)
from .cues import cue_lexicon
from .records import QuoteType

#: the marks and the pairing live in :mod:`narrative.segment.marks` (one definition for every rule)
DASHES = SPEECH_DASHES
CLOSING_QUOTES = OUTER_CLOSING
#: what a content is trimmed of at its start and its end (:meth:`Quotes.strip`)
_LEAD, _TRAIL = frozenset(" \t\n,:;—–-"), frozenset(" \t\n,;—–-")


class Quotes:
    """The quotations of one document (disjoint, in text order) with O(log n) lookups, so
    per-cue and per-claim questions cost the same in a 50 MB document as in a short one.

    >>> q = Quotes(quote_spans('a “b” c “d” e'))
    >>> q.overlapping(0, 6), q.opening_in(5, 13), q.last_ending_by(9), q.inside(3)
    ([(2, 5)], True, (2, 5), True)
    """

    __slots__ = ("spans", "starts", "ends", "_set")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = [q0 for q0, _q1 in spans]
        self.ends = [q1 for _q0, q1 in spans]
        self._set = set(spans)

    def __contains__(self, span) -> bool:
        return span in self._set

    def overlapping(self, a: int, b: int) -> list[tuple[int, int]]:
        """Quotations with ``q0 < b`` and ``q1 > a``."""
        return self.spans[bisect_right(self.ends, a):bisect_left(self.starts, b)]

    def opening_in(self, a: int, b: int) -> bool:
        """Whether a quotation opens at an offset in ``[a, b)``."""
        k = bisect_left(self.starts, a)
        return k < len(self.starts) and self.starts[k] < b

    def last_ending_by(self, x: int) -> tuple[int, int] | None:
        """The last quotation with ``q1 <= x``."""
        k = bisect_right(self.ends, x) - 1
        return self.spans[k] if k >= 0 else None

    def inside(self, x: int) -> bool:
        """Whether ``q0 < x < q1`` for some quotation."""
        k = bisect_left(self.starts, x) - 1
        return k >= 0 and x < self.ends[k]

    def quote_type(self, a: int, b: int) -> QuoteType:
        """``direct`` (all inside one quotation), ``mixed`` (partly quoted) or ``indirect``."""
        inside = self.overlapping(a, b)
        if not inside:
            return "indirect"
        if any(q0 <= a and b <= q1 for q0, q1 in inside):
            return "direct"
        return "mixed"

    def strip(self, text: str, a: int, b: int) -> tuple[int, int]:
        """``text[a:b]`` trimmed of spaces and separators, without the marks of an exactly quoted
        content and without a final period outside quotes."""
        while a < b and text[a] in _LEAD:
            a += 1
        while b > a and text[b - 1] in _TRAIL:
            b -= 1
        if (a, b) in self:
            a, b = a + 1, b - 1
            while b > a and text[b - 1] in " ,":
                b -= 1
        elif b > a and text[b - 1] == "." and not self.inside(b - 1):
            b -= 1
        return a, b


#: longest unit (characters) that an open quotation may grow by merging sentences. Real quotes stay
#: far below: the longest unit is 2,170 characters in 324 war-news articles and 3,417 in PolNeAR.
#: Longer "quotes" are pairing artefacts (one demo release pairs curly marks 11,000 characters
#: apart and made a 62,862-character unit); the cap bounds the work and the output per unit, so
#: extraction stays linear in document length, in time and memory, whatever the quote marks do
MAX_UNIT = 20_000


def units(text: str, quotes: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Sentences, merged while a quotation that starts in one continues into the next
    (``quotes``: the text's :func:`quote_spans`, when known already).

    >>> t = 'He said: “We hold. We stay.” Then he left.'
    >>> [t[a:b] for a, b in units(t)]
    ['He said: “We hold. We stay.”', 'Then he left.']
    >>> t = "“We hold.”\\n― Ana Ruiz\\n“We stay.”"
    >>> [t[a:b] for a, b in units(t)]
    ['“We hold.”\\n― Ana Ruiz', '“We stay.”']
    """
    sents = split_sentences(text)
    quotes = quote_spans(text) if quotes is None else quotes
    opens = [q0 for q0, _q1 in quotes]
    out: list[list[int]] = []
    for a, b in sents:
        # quotations are disjoint and ordered: only the last one opening before the unit's end can cross it
        k = bisect_left(opens, out[-1][1]) - 1 if out else -1
        if (k >= 0 and quotes[k][0] >= out[-1][0] and out[-1][1] < quotes[k][1] and quotes[k][1] > a
                and b - out[-1][0] <= MAX_UNIT):
            out[-1][1] = b
        elif out and text[a] in DASHES and b - a <= MAX_SIGNATURE and text[out[-1][1] - 1] in CLOSING_QUOTES:
            out[-1][1] = b  # a signature line ("“…” \n― Sonya Herridge") belongs to the quotation it signs
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


_WORD_EDGES = "".join(sorted(QUOTE_MARKS)) + ".,;:!?()"


def attribution_clause(words: list[str]) -> bool:
    """Whether the clause after a dash inside a line of speech is its attribution: at most
    :data:`narrative.segment.marks.ATTRIBUTION_WORDS` words (:data:`~narrative.segment.marks.NAMED_ATTRIBUTION_WORDS`
    when the first is capitalised), one of them a cue word of the lexicon ("he said", "admits patient Ana Ruiz",
    "Zelensky told reporters"; not "and it may", nor "Europe and the United States condemned the strikes").

    >>> [attribution_clause(c.split()) for c in ("admits patient Ana Ruiz", "and it may", "Zelensky told reporters",
    ...                                          "Europe and the United States condemned the strikes",
    ...                                          "the third largest in the world")]
    [True, False, True, False, False]
    """
    if not attribution_length(words):
        return False
    verbs = _cue_verbs()
    return any(w.lower().strip(_WORD_EDGES) in verbs for w in words)


@lru_cache(maxsize=1)
def _cue_verbs() -> frozenset[str]:
    """The one-word speech verbs of the cue lexicon ("said", "admits"; not the "in" of "in his opinion")."""
    return frozenset(key[0] for key, (_stance, kind) in cue_lexicon("speech").items() if len(key) == 1 and kind == "verb")


def speech(text: str, quotations: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A document's dash-led lines of speech (:func:`narrative.segment.marks.speech_lines`), each closing before a
    clause that :func:`attribution_clause` accepts (``quotations``: the text's :func:`quote_spans`).

    >>> t = "Intro.\\n– (Russian President Vladimir), Putin wants a long war.\\n- We hold - says the commander."
    >>> [t[a:b] for a, b in speech(t, quote_spans(t))]
    ['– (Russian President Vladimir), Putin wants a long war.', '- We hold -']
    """
    return speech_lines(text, quotations, attribution_clause)
