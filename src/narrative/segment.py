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
import string
from functools import lru_cache
from importlib import resources

import pandas as pd
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from .schema import SENTENCES, TOKENS

#: a word with inner hyphens/apostrophes, or one non-space, non-word character
TOKEN_RE = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")


def abbreviations() -> frozenset[str]:
    """The shipped abbreviation list (lower case, no final period)."""
    text = resources.files("narrative").joinpath("data/abbreviations.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


#: the characters NLTK's boundary-realignment pattern can start with
_REALIGN_FIRST = frozenset("\"')]}\u2018\u2019\u201c\u201d\xab\xbb")

#: a candidate break whose neighbours are plain words: ``said. The``
_PLAIN_CONTEXT = re.compile(r"([A-Za-z]{2,})([.?!])(\s+)([A-Za-z]+)((?:['’][a-z]+)?,?)")


class _MemoPunkt(PunktSentenceTokenizer):
    """Punkt with its per-candidate decision memoised (same output, ~3x faster).

    Why: NLTK re-tokenises and re-annotates the few words around every ``.?!``.
    With fixed parameters (abbreviations only, no learned orthography) that
    decision is a function of the context string, and for a plain word before
    the mark and a plain word after it, only whether the first is an
    abbreviation and the case of the second matter; so such contexts share one
    canonical key, and the decision itself is always Punkt's own.
    """

    _CACHE_LIMIT = 200_000

    def __init__(self, params: PunktParameters) -> None:
        super().__init__(params)
        self._abbrevs = params.abbrev_types
        self._decisions: dict[str, bool] = {}

    def _key(self, context: str) -> str:
        m = _PLAIN_CONTEXT.fullmatch(context)
        if m is None or m.group(1).lower() in self._abbrevs:
            return context
        nxt = "Aa" if m.group(4)[0].isupper() else "aa"
        return "xx" + m.group(2) + m.group(3) + nxt + m.group(5)

    def span_tokenize(self, text: str, realign_boundaries: bool = True):
        """NLTK's ``span_tokenize``: the same candidates, contexts, decisions and realignment, in
        two loops over lists instead of three chained generators."""
        spans = self._break_spans(text)
        return iter(self._realigned(text, spans) if realign_boundaries else spans)

    def _break_spans(self, text: str) -> list[tuple[int, int]]:
        # NLTK's _match_potential_end_contexts and _slices_from_text fused: the word before each
        # candidate comes from rfind (in C, over only the whitespace characters the text holds)
        # instead of a Python scan; the candidate pattern is NLTK's, compiled with re (below)
        spaces = [c for c in string.whitespace if c in text]
        only = spaces[0] if len(spaces) == 1 else None
        rfind, decide = text.rfind, self.text_contains_sentbreak
        out = []
        last_break = prev_start = prev_stop = 0
        prev = None
        for match in [*_period_context(self._lang_vars).finditer(text), None]:
            if match is not None:
                here = match.start()
                if only is not None:
                    k = rfind(only, prev_stop, here)
                else:
                    k = max([rfind(c, prev_stop, here) for c in spaces], default=-1)
                word_start = k + 1 if k > prev_stop else prev_start
                if prev is None or prev_stop > word_start:  # the previous candidate overlaps this word
                    prev, prev_start, prev_stop = match, word_start, here
                    continue
            if prev is not None:
                after, nxt = prev.group("after_tok", "next_tok")
                if decide(text[prev_start:prev_stop] + prev.group() + after):
                    out.append((last_break, prev.end()))
                    last_break = prev.start("next_tok") if nxt else prev.end()
            if match is not None:
                prev, prev_start, prev_stop = match, word_start, here
        out.append((last_break, len(text.rstrip())))  # the last sentence without trailing whitespace
        return out

    def _realigned(self, text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        # NLTK's _realign_boundaries, minus the regex call (and slice copy) when the next sentence
        # cannot start with one of the closing marks the realignment pattern begins with
        out, realign, last = [], 0, len(spans) - 1
        for k, (a, b) in enumerate(spans):
            a += realign
            m = None
            if k < last:
                a2, b2 = spans[k + 1]
                if text[a2:a2 + 1] in _REALIGN_FIRST:
                    m = self._lang_vars.re_boundary_realignment.match(text[a2:b2])
            if m:
                out.append((a, a2 + len(m.group(0).rstrip())))
                realign = m.end()
            else:
                realign = 0
                if a < b:
                    out.append((a, b))
        return out

    def text_contains_sentbreak(self, text: str) -> bool:
        try:  # contexts repeat ("said. The"): the exact string first, then its canonical key
            return self._decisions[text]
        except KeyError:
            pass
        key = self._key(text)
        value = self._decisions.get(key)
        if value is None:
            value = self._decisions[key] = super().text_contains_sentbreak(key)
        if len(self._decisions) > self._CACHE_LIMIT:
            self._decisions.clear()
        self._decisions[text] = value
        return value


@lru_cache(maxsize=4)
def _period_context(lang_vars) -> re.Pattern:
    """NLTK's candidate pattern compiled with ``re`` instead of the ``regex`` module behind NLTK's
    time-limited wrapper (linear pattern; ~2x faster). ``regex``'s ``\\s`` excludes U+001C-U+001F,
    which ``re``'s includes, so the classes are spelled out to match exactly the same text."""
    pattern = lang_vars.period_context_re().pattern
    classes = {r"\s": r"[^\S\x1c-\x1f]", r"\S": r"[\S\x1c-\x1f]"}
    pattern = re.sub(r"\\[sS]", lambda m: classes[m.group()], pattern)
    return re.compile(pattern, re.UNICODE | re.VERBOSE)


def _punkt_parameters() -> PunktParameters:
    params = PunktParameters()
    params.abbrev_types = set(abbreviations())
    return params


@lru_cache(maxsize=1)
def sentence_tokenizer() -> PunktSentenceTokenizer:
    """A Punkt tokenizer that knows the shipped abbreviations (cached)."""
    params = _punkt_parameters()
    assert "xx" not in params.abbrev_types  # the canonical word of _MemoPunkt
    return _MemoPunkt(params)


def plain_punkt() -> PunktSentenceTokenizer:
    """NLTK's own Punkt with the same parameters, unmemoised (the reference in tests and the bench)."""
    return PunktSentenceTokenizer(_punkt_parameters())


def split_sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence in ``text``."""
    return list(sentence_tokenizer().span_tokenize(text))


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
