"""NLTK's Punkt sentence splitter, memoised and with its candidate loop fused (same output).

Used through :func:`narrative.segment.sentence_tokenizer`; a module of its own
so that importing :mod:`narrative.segment` (words, offsets) does not import
NLTK, whose package import pulls in most of NLTK and SciPy's statistics.
"""
from __future__ import annotations

import importlib
import importlib.util
import os
import re
import string
import sys
import types
from functools import lru_cache


def _import_punkt():
    """NLTK's own ``nltk.tokenize.punkt`` module, imported without running ``nltk/__init__.py``,
    which imports most of NLTK and SciPy's statistics (1.3 s of every command's start-up here,
    0.06 s this way). Why: the sentence splitter is the one piece of NLTK claim extraction needs.

    Stand-in package modules for ``nltk`` and ``nltk.tokenize`` exist only while the module loads.
    Afterwards every ``nltk`` module it loaded is taken out of ``sys.modules`` again (this module
    keeps its references), so a later ``import nltk`` (VADER, the NLTK data path) initialises the
    real package from scratch, as if nothing had been imported.
    """
    if "nltk" in sys.modules:  # NLTK is already imported for real
        return importlib.import_module("nltk.tokenize.punkt")
    spec = importlib.util.find_spec("nltk")
    if spec is None or not spec.submodule_search_locations:
        return importlib.import_module("nltk.tokenize.punkt")
    package = types.ModuleType("nltk")
    package.__path__ = list(spec.submodule_search_locations)
    tokenize = types.ModuleType("nltk.tokenize")
    tokenize.__path__ = [os.path.join(package.__path__[0], "tokenize")]
    before = set(sys.modules)
    sys.modules["nltk"], sys.modules["nltk.tokenize"] = package, tokenize
    try:
        return importlib.import_module("nltk.tokenize.punkt")
    finally:
        for name in set(sys.modules) - before:
            if name == "nltk" or name.startswith("nltk."):
                del sys.modules[name]


_punkt = _import_punkt()
PunktParameters, PunktSentenceTokenizer = _punkt.PunktParameters, _punkt.PunktSentenceTokenizer

#: the characters NLTK's boundary-realignment pattern can start with
_REALIGN_FIRST = frozenset("\"')]}\u2018\u2019\u201c\u201d\xab\xbb")

#: a candidate break whose neighbours are plain words: ``said. The``, ``2014. In``, ``Durrës. “We``,
#: ``them."``, ``de-escalation. Anti-war``, ``18,453. And``, ``free. Definitely.`` (a word of letters, hyphenated
#: or not, or a number, the mark, then whitespace and a word or number that may open with a quotation mark and end
#: in one mark, or one of the marks NLTK's candidate pattern takes instead of a next word)
_NUMBER = r"[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+"
_LETTERS = r"[^\W\d_]+(?:-[^\W\d_]+)*"
_PLAIN_CONTEXT = re.compile(rf"({_LETTERS}|{_NUMBER})([.?!])(?:([^\S\x1c-\x1f]+)([\"“«„‘']?)({_LETTERS}|{_NUMBER})"
                            r"((?:['’][a-z]+)?[,.!?:;]?)|([)\";}\]*:@'({\[‘’“”«»!?]))")


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
        if m is None:
            return context
        word, mark, space, quote, nxt, tail, after = m.groups()
        if "0" <= word[0] <= "9":  # NLTK types every number alike ("##number##"), and none is an abbreviation
            word = "00"
        elif len(word) < 2 or word.lower() in self._abbrevs or word.lower().rsplit("-", 1)[-1] in self._abbrevs:
            return context  # an initial, or an abbreviation (NLTK also asks about the part after a hyphen)
        else:  # two or more letters: no initial, no number; only whether it is an abbreviation matters
            word = "xx"
        if after is not None:
            return word + mark + after
        first = nxt[0]
        if "0" <= first <= "9":
            nxt = "00"  # a number after the mark: neither case
        elif first.isupper() or first.islower():
            nxt = "Aa" if first.isupper() else "aa"  # only the case of the next word's first letter is read
        else:
            return context  # a letter without case: NLTK's orthographic test reads it otherwise
        return word + mark + space + quote + nxt + tail

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
        # (and with the pattern compiled by ``re``, matched in place: no slice of the next sentence)
        out, realign, last = [], 0, len(spans) - 1
        match = _realignment(self._lang_vars).match
        for k, (a, b) in enumerate(spans):
            a += realign
            m = None
            if k < last:
                a2, b2 = spans[k + 1]
                if text[a2:a2 + 1] in _REALIGN_FIRST:
                    m = match(text, a2, b2)
            if m:
                out.append((a, a2 + len(m.group(0).rstrip())))
                realign = m.end() - a2
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
    return re.compile(_re_classes(lang_vars.period_context_re().pattern), re.UNICODE | re.VERBOSE)


@lru_cache(maxsize=4)
def _realignment(lang_vars) -> re.Pattern:
    """NLTK's boundary-realignment pattern compiled with ``re`` (as :func:`_period_context`; matched with
    ``pos``/``endpos``, where ``$`` matches at ``endpos`` as at the end of NLTK's slice)."""
    compiled = lang_vars.re_boundary_realignment
    return re.compile(_re_classes(compiled.pattern), re.UNICODE | (re.MULTILINE if compiled.flags & 8 else 0))


def _re_classes(pattern: str) -> str:
    """A ``regex`` pattern's ``\\s`` and ``\\S`` spelled for ``re`` (``regex``'s ``\\s`` excludes U+001C-U+001F)."""
    classes = {r"\s": r"[^\S\x1c-\x1f]", r"\S": r"[\S\x1c-\x1f]"}
    return re.sub(r"\\[sS]", lambda m: classes[m.group()], pattern)


def _parameters(abbreviations) -> PunktParameters:
    params = PunktParameters()
    params.abbrev_types = set(abbreviations)
    return params


def memo_punkt(abbreviations) -> PunktSentenceTokenizer:
    """The memoised Punkt for an abbreviation list."""
    params = _parameters(abbreviations)
    # the canonical words of _MemoPunkt
    assert "xx" not in params.abbrev_types and not any(a.isdigit() for a in params.abbrev_types)
    return _MemoPunkt(params)


def plain(abbreviations) -> PunktSentenceTokenizer:
    """NLTK's own Punkt with the same parameters, unmemoised."""
    return PunktSentenceTokenizer(_parameters(abbreviations))
