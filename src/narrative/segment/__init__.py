"""Sentences and tokens with character offsets into the original text.

Sentences come from NLTK's Punkt algorithm (Kiss & Strunk 2006) built
offline from an abbreviation list shipped as package data
(``narrative/data/abbreviations.txt``), so "Gen.", "Lt." and "U.S." do not
end a sentence and no model is downloaded. Tokens are words (letters/digits
with inner hyphens or apostrophes) or single punctuation marks.

Every span satisfies ``text[start:end] == span``.

Examples
--------
>>> from narrative.segment import split_sentences, tokenize
>>> text = "Gen. Valery Gerasimov met Mr. Putin. He said it was over."
>>> [text[a:b] for a, b in split_sentences(text)]
['Gen. Valery Gerasimov met Mr. Putin.', 'He said it was over.']
>>> [text[a:b] for a, b in tokenize(text, 37, 57)][:3]
['He', 'said', 'it']
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

import pandas as pd

from ..infra.datafiles import data_lines
from ..schema import SENTENCES, TOKENS
from .marks import CLOSING_MARKS, INNER_CLOSING, INNER_OPENING, OUTER_CLOSING, OUTER_OPENING

#: a word with inner hyphens/apostrophes, or one non-space, non-word character
TOKEN_RE = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """The shipped abbreviation list (lower case, no final period; read once a process: :func:`glued_starts`
    asks for it on every document with a stop run into a capital)."""
    return frozenset(data_lines("abbreviations.txt"))


@lru_cache(maxsize=1)
def sentence_tokenizer():
    """A Punkt tokenizer that knows the shipped abbreviations (cached; see :mod:`narrative.segment.punkt`)."""
    from .punkt import memo_punkt  # NLTK is imported only where sentences are split (~2 s per process)

    return memo_punkt(abbreviations())


def plain_punkt():
    """NLTK's own Punkt with the same parameters, unmemoised (the reference in tests and the bench)."""
    from .punkt import plain

    return plain(abbreviations())


#: a sentence end run into the next sentence, as machine translation and scraping leave them: a stop and a
#: capitalised word ("the war.The minister said", "NATO.Stoltenberg", "World War II.The station"), also with the
#: quotation mark that the stop closes between them ('… at any time."Russia responded'); the exact conditions (two
#: letters or digits before the stop, a closing mark, no URL or abbreviation) are :func:`glued_starts`
_STOP_CAPITAL = re.compile(r"[.!?][" + re.escape(CLOSING_MARKS) + r"]?[A-Z]")
#: how far :func:`glued_starts` looks either side of a stop for the token it ends (a URL, an abbreviation): a
#: longer run without spaces is scraped text, and an unbounded search would make one scan per stop (quadratic)
TOKEN_REACH = 200


@lru_cache(maxsize=1)
def dotted_names() -> frozenset[str]:
    """Names with a dot between capitalised parts (``narrative/data/dotted_names.txt``)."""
    return frozenset(data_lines("dotted_names.txt"))


_SPACE = re.compile(r"\s")
#: a blank line (paragraph break): the next sentence starts after it
_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n\s*")
#: a line that opens with a quotation ("― Sonya Herridge\n“During the debate …"): a new sentence,
#: even after a line with no final stop (a signature, a caption)
_QUOTE_LINE = re.compile(r"\n[ \t]*(?=[" + re.escape("".join(sorted(OUTER_OPENING))) + r"][A-Z])")


def _alnum(c: str) -> bool:
    return "a" <= c <= "z" or "A" <= c <= "Z" or "0" <= c <= "9"


#: what a token around a stop is stripped of before it is looked up: a bracket and the quotation marks
#: (:mod:`.marks`) that open it, and the punctuation and marks that close it
_TOKEN_OPENERS = "(" + "".join(sorted(OUTER_OPENING | INNER_OPENING))
_TOKEN_CLOSERS = ".,;:!?)" + "".join(sorted(OUTER_CLOSING | INNER_CLOSING))


def glued_starts(text: str) -> list[int]:
    """Offsets where a sentence run into the one before it starts (no space after its stop: "…the war.The
    minister said"), in order: the one definition of such a sentence end, which :func:`split_sentences` cuts at
    and coreference reads as a sentence start. Two letters or digits come before the stop ("U.S.Army" is no end),
    the capitalised word after it has a lower-case second letter (or is "A" or "I": "… in Iran.A senior aide"),
    and the stop is never inside a URL, an e-mail address, an abbreviation Punkt knows ("Gen.") or a listed dotted
    name. A quotation mark between the stop and the word is the end of a quotation the stop ends ("…, he said,
    “it is over.”The talks"): a closing mark (” or »), a straight one after an odd number of them on its line, or
    a “ that closes a German „ on its line (else it opens an English quotation). Each stretch of the text is read
    a bounded number of times (the marks are counted as the stops go by, the token around a stop is looked for
    at most :data:`TOKEN_REACH` characters away), so the time grows linearly with the text.

    >>> t = 'It grew.The end came in NATO.Bondar left. He said "it is over."Talks ended.'
    >>> [t[k:k + 4] for k in glued_starts(t)]
    ['The ', 'Bond', 'Talk']
    """
    cuts = []
    n = len(text)
    known, dotted = abbreviations(), dotted_names()
    # the marks on the line before the current stop, kept as the stops go by (each stretch of text read once):
    # how many straight marks, and where the last „ and the last “ or ” stand
    pos = line_start = straight = 0
    low = high = -1
    for m in _STOP_CAPITAL.finditer(text):
        stop, at = m.start(), m.end() - 1  # the stop and the capital letter
        if not (stop >= 2 and _alnum(text[stop - 1]) and _alnum(text[stop - 2]) and at + 1 < n
                and ("a" <= text[at + 1] <= "z" or text[at] in "AI" and text[at + 1] == " " and at + 2 < n
                     and "a" <= text[at + 2] <= "z")):
            continue
        mark = text[stop + 1] if at - stop == 2 else ""
        if mark in ('"', "“"):
            nl = text.rfind("\n", pos, stop)
            if nl >= 0:
                line_start, straight, low, high = nl + 1, 0, -1, -1
            begin = max(pos, line_start)
            straight += text.count('"', begin, stop)
            low = max(low, text.rfind("„", begin, stop))
            high = max(high, text.rfind("“", begin, stop), text.rfind("”", begin, stop))
            pos = stop
            if mark == '"' and straight % 2 == 0:
                continue  # '… it ended."Next …': a straight mark that opens a quotation
            if mark == "“" and low <= high:
                continue  # '… it ended.“Next …': an English opening mark, not the German closing one („…“)
        reach = max(0, stop - TOKEN_REACH)
        left = max(text.rfind(c, reach, stop) for c in " \t\n\r") + 1 or reach
        space = _SPACE.search(text, stop, stop + TOKEN_REACH)
        token = text[left:space.start() if space else min(n, stop + TOKEN_REACH)].lstrip(_TOKEN_OPENERS)
        word = token.split(".")[0].lower() if "." in token else ""
        if ("/" in token or "@" in token or "www" in token.lower() or word in known
                or token.rstrip(_TOKEN_CLOSERS) in dotted):
            continue
        cuts.append(at)
    return cuts


def split_sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence in ``text``: Punkt's sentences, also cut at a blank line
    (a heading or a site's furniture never runs into the next paragraph) and where a sentence
    runs into the next one without a space ("…the war.The minister said…").

    >>> t = "Shelling continued in the war.The minister said talks were over."
    >>> [t[a:b] for a, b in split_sentences(t)]
    ['Shelling continued in the war.', 'The minister said talks were over.']
    """
    spans = list(sentence_tokenizer().span_tokenize(text))
    cuts = glued_starts(text) if _STOP_CAPITAL.search(text) else []
    if "\n" in text:  # a blank line ends a sentence ("Advertisement\n\nThe Kremlin said ...")
        cuts = sorted(set(cuts) | {m.end() for m in _PARAGRAPH.finditer(text)}
                      | {m.end() for m in _QUOTE_LINE.finditer(text)})
    if not cuts:
        return _bounded(text, spans)
    out = []
    for a, b in spans:
        k = bisect_right(cuts, a)
        while k < len(cuts) and cuts[k] < b:
            cut = cuts[k]
            piece = text[a:cut].strip()
            if piece and out and not piece.strip(CLOSING_MARKS):  # '… “it is over.”Talks': the mark Punkt put
                out[-1] = (out[-1][0], a + len(text[a:cut].rstrip()))  # after the stop closes the sentence
            elif piece:
                out.append((a, a + len(text[a:cut].rstrip())))
            a = cut
            k += 1
        out.append((a, b))
    return _bounded(text, out)


#: longest sentence (characters). Real ones stay far below (1,114 in the 1,796 demo press releases);
#: a "sentence" longer than this is scraped text without stops (lines of links, a table, a feed), which
#: would make one unit whose every cue's content runs to its end (quadratic output)
MAX_SENTENCE = 3_000
_LINE_BREAK = re.compile(r"\n\s*")


def _bounded(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with every sentence longer than :data:`MAX_SENTENCE` cut at its line breaks, and a
    line still longer at the last whitespace before the limit (or at the limit, in a text without any)."""
    if all(b - a <= MAX_SENTENCE for a, b in spans):
        return spans
    out = []
    for a, b in spans:
        if b - a <= MAX_SENTENCE:
            out.append((a, b))
            continue
        starts = [a] + [m.end() for m in _LINE_BREAK.finditer(text, a, b) if m.end() < b]
        for line_start, line_end in zip(starts, starts[1:] + [b]):
            x = line_start
            line_end = x + len(text[x:line_end].rstrip())
            while line_end - x > MAX_SENTENCE:
                cut = max(text.rfind(" ", x + 1, x + MAX_SENTENCE), text.rfind("\n", x + 1, x + MAX_SENTENCE))
                cut = cut if cut > x else x + MAX_SENTENCE
                out.append((x, x + len(text[x:cut].rstrip())))
                x = cut
                while x < line_end and text[x].isspace():
                    x += 1
            if line_end > x:
                out.append((x, line_end))
    return out


def words(text: str) -> list[str]:
    """The tokens of ``text`` as strings: exactly ``TOKEN_RE.findall(text)``, ~1.5x faster.

    Why hand-written: most whitespace-separated pieces are a single word
    (``str.isalnum`` is the same test as the regex's ``\\w`` minus "_"), so only
    the pieces with punctuation go through the regex.

    >>> words("Troops “continue to deter” attacks, it's said.")
    ['Troops', '“', 'continue', 'to', 'deter', '”', 'attacks', ',', "it's", 'said', '.']
    """
    out: list[str] = []
    keep, split = out.append, out.extend
    findall = TOKEN_RE.findall
    for piece in text.split():
        if piece.isalnum():
            keep(piece)
        else:
            split(findall(piece))
    return out


def lower_words(text: str) -> list[str]:
    """``[w.lower() for w in words(text)]``, lower-casing the text once when that keeps its
    length (it does not for e.g. "İ", whose lower case is two characters).

    >>> lower_words("The Kremlin SAID")
    ['the', 'kremlin', 'said']
    """
    lowered = text.lower()
    if len(lowered) == len(text):
        return words(lowered)
    return [w.lower() for w in words(text)]


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of each token in ``text[start:end]``, as offsets into ``text``."""
    end = len(text) if end is None else end
    return [m.span() for m in TOKEN_RE.finditer(text, start, end)]


def sentences(documents: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence: :data:`narrative.schema.SENTENCES`."""
    rows = []
    for doc_id, text in zip(documents["doc_id"], documents["text"]):
        for sent_id, (a, b) in enumerate(split_sentences(text)):
            rows.append((doc_id, sent_id, a, b, text[a:b]))
    return pd.DataFrame(rows, columns=list(SENTENCES))


def tokens(documents: pd.DataFrame) -> pd.DataFrame:
    """One row per token: :data:`narrative.schema.TOKENS`."""
    rows = []
    for doc_id, text in zip(documents["doc_id"], documents["text"]):
        tok_id = 0
        for sent_id, (a, b) in enumerate(split_sentences(text)):
            for s, e in tokenize(text, a, b):
                rows.append((doc_id, sent_id, tok_id, s, e, text[s:e]))
                tok_id += 1
    return pd.DataFrame(rows, columns=list(TOKENS))
