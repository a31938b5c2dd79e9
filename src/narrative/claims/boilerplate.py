"""Site furniture ("Advertisement", "Read also", newsletter sign-ups) that must not become claims.

A line of the document (text between line breaks, stripped) that matches one of the patterns
of ``narrative/data/boilerplate.txt`` as a whole, ignoring case, is boilerplate; a unit lying
wholly inside boilerplate lines yields no claim, not even a ``self`` one. Offsets are untouched:
the text is never edited, only skipped.

>>> t = "Kyiv said the attack failed.\\nAdvertisement\\nREAD ALSO: Ten things to know\\nMoscow denied it."
>>> [t[a:b] for a, b in Boilerplate().spans(t)]
['Advertisement', 'READ ALSO: Ten things to know']

A headline is furniture too (:func:`is_headline`): a short line (:data:`MAX_HEADLINE_WORDS`) of a
document of more than one line, with no final stop, no quotation mark, no reporting cue,
not a list item, not inside a quotation and holding none; a colon may stand in it ("Mayor Roe: The bridge will
open in May", a sub-headline naming whom it sums up: not a transcript turn, whose sentences end with a stop). Bylines, photo credits and "… contributed
to this report" lines are patterns of the data file.

>>> t = "Kyiv holds the line\\nBy Jane Roe\\nKyiv said the attack failed.\\nPhoto: Reuters"
>>> [t[a:b] for a, b in Boilerplate().spans(t)]
['Kyiv holds the line', 'By Jane Roe', 'Photo: Reuters']
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path

from ..errors import InputError
from ..infra.datafiles import data_lines
from ..segment import TOKEN_RE
from ..segment.marks import LINE_DASHES, QUOTE_MARKS
from .cues import find_cues

_LINE = re.compile(r"[^\n]+")
#: longer lines are article text whatever they contain (a news site's promotion block is one line of ~1,500)
MAX_LINE = 3000
#: a sentence that shares its line with article text is furniture only when short ("Click here to
#: subscribe …"): longer ones are not tested, which keeps the test off the extractor's hot path
MAX_SENTENCE = 160
#: what a long furniture line carries (a site's newsletter block runs to ~1,500 characters on one
#: line, an editor's note on an opinion piece's author to ~300); other long lines are not tested at all
_LONG_FURNITURE = ("newsletter", "privacy", "subscri", "sign up", "recaptcha", "topics of interest", "s note",
                   "s' note", "s’ note")
#: what a short furniture sentence inside a line of article text carries ("Click here to subscribe")
_SENTENCE_FURNITURE = ("click", "tap here", "subscri", "newsletter", "sign up", "advertis", "read also", "read more",
                       "read the full", "video", "main page", "home page", "submit", "opinion", "topics of interest")


#: a headline has at most this many words ("Kyiv holds the line"); longer lines without a stop are text
MAX_HEADLINE_WORDS = 14
#: what ends a line that is a sentence or leads into one (a headline has none of these at its end)
_FINAL = frozenset(".!?…:;,")
#: what makes a short line more than a headline: a dash cue, a double quotation mark (single ones are
#: apostrophes too: a quotation of those is found by the quotation spans; "Podolyak: “…”" is a colon cue)
_NOT_HEADLINE = (frozenset(QUOTE_MARKS) - {"'", "’", "‘"}) | {"―", "—", "–"}
#: a list item ("- more air defence", "2) the grain corridor") is part of the text around it
_LIST_ITEM = re.compile(r"(?:[-*•·▪]|\d{1,2}[.)])\s")


def is_headline(line: str) -> bool:
    """Whether a stripped line reads as a headline (no final stop, short, no quotation or cue).

    >>> is_headline("Kyiv holds the line"), is_headline("Kyiv holds the line."), is_headline("Zelensky says Kyiv holds")
    (True, False, False)
    >>> is_headline("Mayor Roe: The bridge will open in May"), is_headline("Mayor Roe: “The bridge will open”")
    (True, False)
    """
    if not line or line[-1] in _FINAL or _LIST_ITEM.match(line) or not _NOT_HEADLINE.isdisjoint(line):
        return False
    tokens = TOKEN_RE.findall(line.lower())
    words = sum(1 for t in tokens if t[0].isalnum())
    return 0 < words <= MAX_HEADLINE_WORDS and not find_cues(tokens)


def _marked(text: str, marks: tuple[str, ...]) -> bool:
    """Whether the lower-cased text holds a mark: ``in`` per mark runs in C (a regex alternation of
    literals scans character by character, a case-blind one slower still)."""
    low = text.lower()
    return any(mark in low for mark in marks)


def _present(text: str, marks: tuple[str, ...]) -> tuple[str, ...]:
    """The marks the lower-cased text holds: the only ones a piece of it can hold (each character lower-cases
    alone, but for a Greek final sigma, which is no mark's), so a unit is tested for these only."""
    low = text.lower()
    return tuple(mark for mark in marks if mark in low)


class Boilerplate:
    """The shipped patterns, plus a user's file of more (one regular expression a line, ``#`` comments)."""

    def __init__(self, extra: str | Path | None = None) -> None:
        patterns = list(data_lines("boilerplate.txt"))
        if extra is not None:
            try:
                lines = Path(extra).read_text("utf-8").splitlines()
            except (OSError, UnicodeDecodeError) as exc:
                raise InputError(str(extra), None, f"cannot read boilerplate patterns: {exc}") from None
            for number, line in enumerate(lines, start=1):
                pattern = line.strip()
                if not pattern or pattern.startswith("#"):
                    continue
                try:
                    re.compile(pattern)
                except re.error as exc:
                    raise InputError(str(extra), number, f"invalid pattern {pattern!r}: {exc}", "line") from None
                patterns.append(pattern)
        self.pattern = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)

    def is_boilerplate_sentence(self, sentence: str) -> bool:
        """Whether a sentence that shares its line with article text is furniture as a whole: only a
        short one (:data:`MAX_SENTENCE`) carrying a furniture mark is tested (the extractor's hot path)."""
        return self._furniture_sentence(sentence, _SENTENCE_FURNITURE)

    def _furniture_sentence(self, sentence: str, marks: tuple[str, ...]) -> bool:
        stripped = sentence.strip()
        return (0 < len(stripped) <= MAX_SENTENCE and _marked(stripped, marks)
                and self.pattern.fullmatch(stripped) is not None)

    def sentences(self, text: str, units: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The units that are furniture sentences (:meth:`is_boilerplate_sentence`), each tested for the marks
        the document holds only."""
        marks = _present(text, _SENTENCE_FURNITURE)
        if not marks:
            return []  # no furniture mark anywhere in the document (5 of 6 demo releases): nothing to test
        return [(a, b) for a, b in units if b - a <= MAX_SENTENCE and self._furniture_sentence(text[a:b], marks)]

    def spans(self, text: str, quotes=None) -> list[tuple[int, int]]:
        """``(start, end)`` of each boilerplate line (stripped), in text order: the pattern lines and,
        in a document of more than one line, the headlines (:func:`is_headline`) that do not lie inside
        a quotation of ``quotes`` (a :class:`.quotes.Quotes`; ``None``: the document has none)."""
        out = []
        headlines = "\n" in text.strip()
        full = self.pattern.fullmatch
        long_marks = _marked(text, _LONG_FURNITURE)  # once per document: most have no promotion block
        for m in _LINE.finditer(text):
            line = m.group(0)
            if len(line) > MAX_SENTENCE and not long_marks:
                continue
            stripped = line.strip()
            if len(stripped) > MAX_SENTENCE and not _marked(stripped, _LONG_FURNITURE):
                continue  # a long line is article text unless it carries a promotion block's marks
            if not stripped or len(stripped) > MAX_LINE:
                continue
            a = m.start() + (len(line) - len(line.lstrip()))
            if full(stripped) or (headlines and len(stripped) <= MAX_SENTENCE and is_headline(stripped)
                                  and not (quotes is not None and (quotes.inside(a) or quotes.overlapping(a, a + len(stripped))))
                                  and not _attributed(text, m.end())):
                out.append((a, a + len(stripped)))
        return out


#: a line that opens with a dash and a word: in "…\n\n- wrote the head of the council." the line before is speech
_DASH_LINE = re.compile(r"\s*[" + re.escape("".join(sorted(LINE_DASHES))) + r"][ \t]+(?=\w)")


def _attributed(text: str, end: int) -> bool:
    """Whether the next line after offset ``end`` is an attribution set on its own line: a dash and a lower-case
    word ("- wrote the head of the council."), so the short line before it is what was said, not a headline."""
    m = _DASH_LINE.match(text, end)
    return m is not None and text[m.end()].islower()


@lru_cache(maxsize=4)
def boilerplate(extra: str | None = None) -> Boilerplate:
    """The patterns (cached per extra file)."""
    return Boilerplate(extra)


def without(units: list[tuple[int, int]], spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """The units with boilerplate lines cut out: a unit that holds one (a quotation merged across
    paragraphs, say) becomes its pieces before and after it; pieces of only spaces are dropped."""
    if not spans:
        return units
    starts = [a for a, _b in spans]
    out = []
    for a, b in units:
        k = max(0, bisect_right(starts, a) - 1)
        at = a
        while k < len(spans) and spans[k][0] < b:
            s0, s1 = spans[k]
            if s1 > at:
                if s0 > at and text[at:s0].strip():
                    out.append(_trimmed(text, at, s0))
                at = max(at, s1)
            k += 1
        if at < b and text[at:b].strip():
            out.append(_trimmed(text, at, b) if at > a else (a, b))
    return out


def _trimmed(text: str, a: int, b: int) -> tuple[int, int]:
    piece = text[a:b]
    return a + len(piece) - len(piece.lstrip()), a + len(piece.rstrip())
