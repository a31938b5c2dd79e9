"""What a word is, defined once (as scikit-learn's ``build_analyzer`` is for its vectorizers).

A **token** is a match of :data:`narrative.segment.TOKEN_RE`: a word with inner hyphens or apostrophes
(``pro-Russian``, ``it's``) or a single punctuation mark. A **word** is a token that is not punctuation.
Every count that is "per word" uses this definition: the lexicon rates' per-1,000 denominator
(:meth:`narrative.lexicons.Lexicon.count`), the frame scorer's and the classifiers' n-grams
(:class:`Analyzer` as a vectorizer's ``analyzer``), log-odds term counts
(:func:`narrative.compare.words.term_counts`), documents' ``n_words`` and the words a stream counts
(:func:`count_words`), the duplicate pass's shingles (:func:`narrative.dedup.shingles`) and the
word sets that join claims into threads (:mod:`narrative.threads`).

Examples
--------
>>> words("Kyiv's forces “held the line,” he said.")
["kyiv's", 'forces', 'held', 'the', 'line', 'he', 'said']
>>> word_count(["held", "the", "line", ",", "”"])
3
>>> count_words("Peace -- at last."), len("Peace -- at last.".split())
(3, 4)
>>> Analyzer(ngram_range=(1, 2))("Held the line.")
['held', 'the', 'line', 'held the', 'the line']
>>> from sklearn.feature_extraction.text import TfidfVectorizer
>>> TfidfVectorizer(analyzer=build_analyzer((1, 1))).fit(["It's over."]).get_feature_names_out().tolist()
["it's", 'over']
"""
from __future__ import annotations

import re
from itertools import filterfalse
from typing import Iterable

from .segment import TOKEN_RE, lower_words, words as tokens

__all__ = ["Analyzer", "build_analyzer", "count_words", "english_stopwords", "is_word", "word_count", "words"]


def english_stopwords() -> frozenset[str]:
    """scikit-learn's English stopword list (318 words), shipped as ``data/english_stopwords.txt`` so that the
    comparison, the place gazetteer and the threads do not import scikit-learn (~1.5 s) for a word list.

    >>> {"the", "because"} <= english_stopwords(), "kyiv" in english_stopwords()
    (True, False)
    """
    global _STOPWORDS
    if _STOPWORDS is None:
        from .infra.datafiles import data_lines

        _STOPWORDS = frozenset(data_lines("english_stopwords.txt"))
    return _STOPWORDS


_STOPWORDS: frozenset[str] | None = None


def is_word(token: str) -> bool:
    """Whether a token is a word (``TOKEN_RE``'s ``\\w+...`` branch), not a punctuation mark."""
    head = token[:1]
    return head.isalnum() or head == "_"


class _PunctuationMemo(dict):
    """token -> 1 if it is punctuation, memoised (``map(memo.__getitem__, tokens)`` runs in C)."""

    def __missing__(self, token: str) -> int:
        value = self[token] = 0 if is_word(token) else 1
        return value


_PUNCTUATION = _PunctuationMemo()


def word_count(toks: list[str]) -> int:
    """The number of words among ``toks`` (tokens as :func:`narrative.segment.words` makes them)."""
    return len(toks) - sum(map(_PUNCTUATION.__getitem__, toks))


def lower_tokens_counted(text: str) -> tuple[list[str], int]:
    """``(lower_words(text), its number of words)`` in one pass: :func:`narrative.segment.lower_words`'s
    loop, counting punctuation only in the pieces that hold some (the lexicon's per-1,000 denominator at
    the matcher's speed; ``word_count(lower_words(text))`` costs a second pass over every token).

    >>> lower_tokens_counted("Peace, they said -- at last.")
    (['peace', ',', 'they', 'said', '-', '-', 'at', 'last', '.'], 5)
    """
    lowered = text.lower()
    if len(lowered) != len(text):
        toks = lower_words(text)
        return toks, word_count(toks)
    out: list[str] = []
    mixed: list[str] = []  # the tokens of pieces with punctuation: only these can be punctuation
    keep, split, also, findall = out.append, out.extend, mixed.extend, TOKEN_RE.findall
    ends = 0  # "word," and "word.": one word and one mark, split without the regular expression
    for piece in lowered.split():
        if piece.isalnum():
            keep(piece)
        elif piece[-1] in _END_MARKS and piece[:-1].isalnum():
            keep(piece[:-1])
            keep(piece[-1])
            ends += 1
        else:
            found = findall(piece)
            split(found)
            also(found)
    return out, len(out) - ends - sum(map(_PUNCTUATION.__getitem__, mixed))


#: marks that often end a word's whitespace piece ("said," "war."): :func:`lower_tokens_counted` splits them off directly
_END_MARKS = frozenset(",.;:!?)")


def count_words(text: str, block: int = 1 << 20) -> int:
    """The number of words in ``text``, read a block of about ``block`` characters at a time (cut at
    whitespace, never inside a word), so a 50 MB document never becomes one list of millions of tokens.

    >>> count_words("one  two, three"), count_words("ab, cd ef", block=4)
    (3, 3)
    """
    n, a, end = 0, 0, len(text)
    while a < end:
        b = min(end, a + block)
        while b < end and not text[b].isspace():
            b += 1
        n += _piece_words(text[a:b].split())
        a = b
    return n


class _PieceWords(dict):
    """whitespace piece with punctuation -> its number of words (:data:`WORD_RE` matches), memoised;
    emptied when it holds :data:`_PIECES_MAX` pieces (memory stays bounded on any corpus)."""

    def __missing__(self, piece: str) -> int:
        if len(self) >= _PIECES_MAX:
            self.clear()
        value = self[piece] = len(WORD_RE.findall(piece))
        return value


_PIECES_MAX = 200_000
_PIECE_WORDS = _PieceWords()


def _piece_words(pieces: list[str]) -> int:
    """The words of whitespace pieces, without building their tokens: a piece that ``isalnum`` is one word
    (as in :func:`narrative.segment.words`), the others count their :data:`WORD_RE` matches (memoised: "said,"
    recurs). The same count as ``word_count(tokens(" ".join(pieces)))``, ~2x faster (``narrative claims``
    counts every document's words)."""
    odd = list(filterfalse(str.isalnum, pieces))
    return len(pieces) - len(odd) + sum(map(_PIECE_WORDS.__getitem__, odd))


#: the word branch of :data:`narrative.segment.TOKEN_RE`: its matches are exactly TOKEN_RE's word tokens
#: (a punctuation token is one character, so it never hides the start of a word)
WORD_RE = re.compile(TOKEN_RE.pattern.split("|")[0])


def words(text: str, lowercase: bool = True) -> list[str]:
    """The words of ``text`` in order, lower-cased unless ``lowercase=False``: the tokens of
    :func:`narrative.segment.words` that are words (:func:`is_word`), found by :data:`WORD_RE` in one pass.

    >>> text = "Kyiv's pro-Western forces -- “held” _it_!"
    >>> words(text) == [t.lower() for t in tokens(text) if is_word(t)]
    True
    """
    if not lowercase:
        return WORD_RE.findall(text)
    lowered = text.lower()
    if len(lowered) == len(text):
        return WORD_RE.findall(lowered)
    return [w.lower() for w in WORD_RE.findall(text)]


class Analyzer:
    """Text → terms: the words of :func:`words`, then their n-grams joined by one space.

    A picklable callable for ``TfidfVectorizer(analyzer=...)`` or ``HashingVectorizer(analyzer=...)``.

    Parameters
    ----------
    ngram_range : (int, int), default=(1, 1)
    lowercase : bool, default=True
    """

    def __init__(self, ngram_range: tuple[int, int] = (1, 1), lowercase: bool = True) -> None:
        low, high = ngram_range
        if not 1 <= low <= high:
            raise ValueError(f"ngram_range must be (low, high) with 1 <= low <= high, got {ngram_range!r}")
        self.ngram_range = (int(low), int(high))
        self.lowercase = lowercase

    def __call__(self, text: str) -> list[str]:
        return ngrams(words(text, self.lowercase), self.ngram_range)

    def __repr__(self) -> str:
        return f"Analyzer(ngram_range={self.ngram_range!r}, lowercase={self.lowercase!r})"

    def __eq__(self, other) -> bool:
        return isinstance(other, Analyzer) and (self.ngram_range, self.lowercase) == (other.ngram_range, other.lowercase)

    def __hash__(self) -> int:
        return hash((self.ngram_range, self.lowercase))


def ngrams(terms: list[str], ngram_range: tuple[int, int]) -> list[str]:
    """The ``low``..``high``-grams of ``terms``, unigrams first (scikit-learn's order)."""
    low, high = ngram_range
    out = list(terms) if low == 1 else []
    for n in range(max(2, low), high + 1):
        out += [" ".join(terms[i:i + n]) for i in range(len(terms) - n + 1)]
    return out


def build_analyzer(ngram_range: tuple[int, int] = (1, 1), lowercase: bool = True) -> Analyzer:
    """The one analyser (see the module docstring) for these settings."""
    return Analyzer(ngram_range, lowercase)


def total_words(texts: Iterable[str]) -> int:
    """Words in all ``texts``."""
    return sum(len(words(t)) for t in texts)
