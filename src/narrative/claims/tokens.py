"""A unit's tokens as parallel lists with document offsets (the extractors' working form)."""
from __future__ import annotations

import re
from itertools import accumulate
from operator import sub

from ..segment import TOKEN_RE
from ..segment.marks import OUTER_CLOSING

_PIECE_RE = re.compile(r"\s*(?:" + TOKEN_RE.pattern + ")")
#: tokens made only of closing punctuation (what may follow a content-final cue)
CLOSING = frozenset(".!?") | OUTER_CLOSING


class Toks:
    """The tokens of ``text[a:b]`` (:data:`narrative.segment.TOKEN_RE`) as parallel lists ``start``,
    ``end``, ``text`` and ``low`` (lower case).

    Why not an object per token: built with one ``findall`` and C-level maps, it
    is ~5x cheaper, and the extractor builds tokens for every unit with a cue.
    Each piece ``\\s*token`` is one token with the whitespace before it, so running
    sums of the piece lengths are the token ends.

    >>> t = Toks("He said: “no.”", 3, 14)
    >>> t.text, t.start, t.end
    (['said', ':', '“', 'no', '.', '”'], [3, 7, 9, 10, 12, 13], [7, 8, 10, 12, 13, 14])
    """

    __slots__ = ("start", "end", "text", "low")

    def __init__(self, text: str, a: int, b: int) -> None:
        pieces = _PIECE_RE.findall(text, a, b)
        ends = list(accumulate(map(len, pieces), initial=a))
        del ends[0]
        self.text = list(map(str.lstrip, pieces))  # str.isspace and the regex's \s are the same test
        self.start = list(map(sub, ends, map(len, self.text)))
        self.end = ends
        self.low = list(map(str.lower, self.text))

    def __len__(self) -> int:
        return len(self.text)

    def last_word(self) -> int:
        """Index of the last token that is not closing punctuation (-1 if none)."""
        low = self.low
        return next((k for k in range(len(low) - 1, -1, -1) if low[k] not in CLOSING), -1)
