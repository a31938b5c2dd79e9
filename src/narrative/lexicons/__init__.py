"""Frame lexicons shipped as data files, and a fast phrase matcher over tokens.

A lexicon file is a CSV with columns ``category,phrase,weight,note`` (see
``narrative/lexicons/README.md`` for each category's definition and
provenance). Matching rule, applied identically to phrases and text:

* text is lower-cased and split with :data:`narrative.segment.TOKEN_RE`;
* a phrase token ending in ``*`` matches any token that starts with it
  (``deter*`` matches deter, deters, deterred, deterrence);
* at each position the longest phrase (in tokens) wins; matches never overlap;
  a phrase listed under several categories counts for each of them.

Why hand-written: a dictionary keyed by first token, memoised per distinct
token, is many times faster than a regex alternation of hundreds of phrases
(``narrative bench`` measures both).

Examples
--------
>>> from narrative.lexicons import load_lexicon
>>> lex = load_lexicon()
>>> text = "Ukrainian forces continue to deter enemy attacks despite the difficult situation."
>>> [(h.categories, text[h.start:h.end]) for h in lex.find(text)][:3]
[(('resistance',), 'deter'), (('aggression',), 'attacks'), (('adversity',), 'difficult situation')]
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count as counter, islice
from pathlib import Path
from typing import NamedTuple

from ..analyzer import lower_tokens_counted
from ..errors import InputError
from ..infra.datafiles import data_path
from ..segment import TOKEN_RE, lower_words
from .context import ContextRule, apply_context, default_context
from .perspective import ATTACK, BLOCK, RULES, Perspective, default_perspective

__all__ = ["ATTACK", "BLOCK", "Entry", "Hit", "Lexicon", "Perspective", "RULES", "default_lexicon_path",
           "default_perspective", "load_lexicon"]

COLUMNS = ("category", "phrase", "weight", "note")


class Hit(NamedTuple):
    """One lexicon match: character offsets into the text searched, and the rule that decided its
    categories (:data:`RULES`)."""

    start: int
    end: int
    phrase: str
    categories: tuple[str, ...]
    weight: float
    rule: str = "lexicon"


#: very frequent words: a phrase that begins with one and goes on with a rarer word is looked for from that
#: rarer word ("of course" from "course"), so the scan passes over every "of" in C (:meth:`Lexicon._scan`)
_FREQUENT = frozenset("""of the a an and or to in on at by for from with as is are was were be been it its this that
these those we our us they their them he his she her i my you your have has had do did does not no if what will would
can could very one said possible need want new end take all more about so but which who also than up out just only
other some any into over after there should must may might me now""".split())
#: words before "may" that make it the month (and a number before or after it does)
_MONTH_BEFORE = frozenset("in of on by since until till from through early late mid mid- last next this".split())


@dataclass(frozen=True)
class Entry:
    category: str
    phrase: str
    pattern: tuple[str, ...]
    weight: float


class _StartIndex(dict):
    """token -> candidate phrase indices, computed on first sight of a token."""

    def __init__(self, compute):
        super().__init__()
        self._compute = compute

    def __missing__(self, token):
        value = self[token] = self._compute(token)
        return value


class Lexicon:
    """A set of categorised phrases with a token-based longest-match finder."""

    def __init__(self, entries: list[Entry], name: str = "lexicon", perspective: Perspective | None = None,
                 context: dict[str, list[ContextRule]] | None = None) -> None:
        self.entries = entries
        self.name = name
        listed = [e.category for e in entries if e.category != BLOCK]
        if ATTACK in listed:  # an attack phrase becomes one of these two (the perspective's roles)
            roles = (perspective or default_perspective()).roles
            listed += [roles["own attack"], roles["adversary attack"]]
        self.categories = tuple(c for c in dict.fromkeys(listed) if c != ATTACK)
        #: negation, denial and side markers (None: phrases count as listed, as in lexicon v1)
        self.perspective = perspective
        # phrase pattern -> its entries (a phrase may sit in several categories)
        grouped: dict[tuple[str, ...], list[Entry]] = {}
        for entry in entries:
            grouped.setdefault(entry.pattern, []).append(entry)
        self._phrases = [
            (pattern, group[0].phrase, tuple(dict.fromkeys(e.category for e in group)), max(e.weight for e in group))
            for pattern, group in grouped.items()
        ]
        self._exact_first: dict[str, list[int]] = {}
        self._prefix_first: dict[int, dict[str, list[int]]] = {}  # prefix length -> prefix -> phrases
        for index, (pattern, *_rest) in enumerate(self._phrases):
            head = pattern[0]
            if head.endswith("*"):
                self._prefix_first.setdefault(len(head) - 1, {}).setdefault(head[:-1], []).append(index)
            else:
                self._exact_first.setdefault(head, []).append(index)
        #: second word -> the phrases looked for from it (their frequent first word is the word before it)
        self._anchored: dict[str, list[int]] = {}
        for head in self._anchor_heads():
            for index in self._exact_first.pop(head):
                self._anchored.setdefault(self._phrases[index][0][1], []).append(index)
        for indices in self._anchored.values():
            indices.sort(key=lambda i: -len(self._phrases[i][0]))
        #: context blockers (``context.csv``) by phrase index: rules that read the word before or after a hit
        self.context = context or {}
        self._context = {index: self.context[phrase.lower()] for index, (_p, phrase, *_r) in enumerate(self._phrases)
                         if phrase.lower() in self.context}
        #: phrases no perspective rule can change (their judging is skipped: most hits are of these)
        self._plain = frozenset(index for index, (pattern, _phrase, cats, _w) in enumerate(self._phrases)
                                if perspective is not None and not perspective.may_change(pattern, cats))
        self._starts = _StartIndex(self._first_candidates)
        self._seconds = _StartIndex(self._second_words)
        self.max_len = max((len(p[0]) for p in self._phrases), default=0)

    def __getstate__(self) -> dict:
        """Pickle without the per-token match memo: it only caches, and it grows with every text
        seen (a fitted featurizer went from 37 KB to 165 KB after transforming 300 texts)."""
        state = self.__dict__.copy()
        del state["_starts"], state["_seconds"]
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._starts = _StartIndex(self._first_candidates)
        self._seconds = _StartIndex(self._second_words)

    # -- matching ---------------------------------------------------------
    def _anchor_heads(self) -> list[str]:
        """The frequent first words (:data:`_FREQUENT`) whose phrases are all looked for from their second word:
        every phrase it begins has a whole, not frequent, second word, and no prefix phrase matches the word."""
        heads = []
        for head, indices in self._exact_first.items():
            patterns = [self._phrases[i][0] for i in indices]
            if head in _FREQUENT and all(len(p) >= 2 and not p[1].endswith("*") and p[1] not in _FREQUENT
                                         for p in patterns) and \
                    not any(len(head) >= n and head[:n] in prefixes for n, prefixes in self._prefix_first.items()):
                heads.append(head)
        return heads

    def _first_candidates(self, token: str) -> tuple[int, ...]:
        """Indices of phrases whose first token matches ``token``, longest first, after ``~index`` of each phrase
        looked for from ``token`` as its second word (:attr:`_anchored`)."""
        by_prefix: list[int] = []
        for length, prefixes in self._prefix_first.items():  # one lookup per prefix length, not per prefix
            if len(token) >= length:
                by_prefix += prefixes.get(token[:length], ())
        found = list(self._exact_first.get(token, ())) + sorted(by_prefix)
        found.sort(key=lambda i: -len(self._phrases[i][0]))
        return tuple(~i for i in self._anchored.get(token, ())) + tuple(found)

    def _second_words(self, token: str) -> frozenset | None:
        """The next words one of the phrases ``token`` begins needs, when every such phrase is two or more tokens
        long with a whole word second (None: no such filter)."""
        patterns = [self._phrases[i][0] for i in self._starts[token] if i >= 0]
        if not patterns or any(len(p) < 2 or p[1].endswith("*") for p in patterns):
            return None
        return frozenset(p[1] for p in patterns)

    def _scan(self, words: list[str]):
        """Yield ``(token index, length, phrase index)`` of each longest, non-overlapping match.

        One C-level pass (``compress`` over ``map`` of the self-filling start index)
        picks the tokens that can begin a phrase; the rest of the text costs one
        dict lookup and no Python bytecode.
        """
        starts, seconds, phrases, n_words = self._starts, self._seconds, self._phrases, len(words)
        free = 0
        for i in compress(counter(), map(starts.__getitem__, words)):
            word = words[i]
            found = starts[word]
            if found[0] < 0 and free < i:  # phrases whose frequent first word is the one before ("of" "course")
                head, matched = words[i - 1], False
                for anchored in found:
                    if anchored >= 0:
                        break
                    pattern = phrases[~anchored][0]
                    n = len(pattern)
                    if pattern[0] != head or i - 1 + n > n_words:
                        continue
                    for k in range(2, n):
                        want, token = pattern[k], words[i - 1 + k]
                        if token != want and not (want[-1] == "*" and token.startswith(want[:-1])):
                            break
                    else:
                        yield i - 1, n, ~anchored
                        free, matched = i - 1 + n, True
                        break
                if matched:
                    continue
            if i < free:
                continue
            second = seconds[word]  # "very": every phrase it begins needs one of a few next words ("very clear")
            if second is not None and (i + 1 == n_words or words[i + 1] not in second):
                continue
            for index in found:
                if index < 0:
                    continue
                pattern = phrases[index][0]
                n = len(pattern)
                if i + n > n_words:
                    continue
                for k in range(1, n):  # explicit loop: ~3x cheaper than all() over a generator here
                    want, token = pattern[k], words[i + k]
                    if token != want and not (want[-1] == "*" and token.startswith(want[:-1])):
                        break
                else:
                    yield i, n, index
                    free = i + n
                    break

    def _judged(self, words: list[str], side: str | None) -> list[tuple]:
        """``(token index, length, phrase index, categories, rule)`` of each hit that counts: blockers
        and the month "May" dropped, then, with a perspective, each hit judged by its rules
        (:meth:`narrative.lexicons.perspective.Perspective.judge`)."""
        view, phrases, context, plain = self.perspective, self._phrases, self._context, self._plain
        denials = None  # the text's denial verbs (:meth:`~.negation.Negation.denials_in`), found at the first judged hit
        hits = []
        for i, n, index in self._scan(words):
            cats = phrases[index][2]
            if BLOCK in cats:
                continue
            if n == 1 and words[i] == "may" and (i and (words[i - 1] in _MONTH_BEFORE or words[i - 1][:1].isdigit())
                                                  or i + 1 < len(words) and words[i + 1][:1].isdigit()):
                continue  # the month ("in May", "May 9", "on 6 May"), not the modal verb
            if index in context:
                cats = apply_context(context[index], words, i, n, cats)
                if not cats:
                    continue
            rule = "lexicon"
            if view is not None and index not in plain:
                if denials is None:  # once per text, and only for a text with a hit to judge: denials are rare
                    denials = view.denials_in(words)
                judged = view.judge(words, i, n, cats, side, denials)
                if judged is None:
                    continue
                cats, rule = judged
            hits.append((i, n, index, cats, rule))
        if view is None or not hits:  # the rules below read hits beside each other: none, nothing to read
            return hits
        hits = view.caused_troubles(words, view.repelled_attacks(words, hits), lambda index: phrases[index][2], side)
        return view.third_party(words, view.progress_in_talks(words, hits), side)

    def find(self, text: str, start: int = 0, end: int | None = None, side: str | None = None) -> list[Hit]:
        """Every hit in ``text[start:end]``, with offsets into ``text``; ``side``: the speaker's side,
        for perspective (see :meth:`count`)."""
        end = len(text) if end is None else end
        found = list(self._judged(lower_words(text[start:end]), side))
        if not found:
            return []
        # offsets only up to the last hit; list() drains the C iterator without a Python loop per token
        last = max(i + n for i, n, *_rest in found)
        matches = list(islice(TOKEN_RE.finditer(text, start, end), last))
        hits = []
        for i, n, index, cats, rule in found:
            _pattern, phrase, _cats, weight = self._phrases[index]
            hits.append(Hit(matches[i].start(), matches[i + n - 1].end(), phrase, cats, weight, rule))
        return hits

    def count(self, text: str, side: str | None = None) -> tuple[int, dict[str, float]]:
        """``(n_words, {category: weighted hits})`` without computing offsets (fast path); words are
        tokens that are not punctuation (:mod:`narrative.analyzer`), the rates' per-1,000 denominator.

        ``side`` is the speaker's side (``kremlin``, ``ukraine``, other or None): with a perspective,
        "our forces struck" and "struck enemy depots" are achievement, "the enemy struck" aggression;
        for a belligerent, "the enemy lost two battalions" is achievement, not casualties.

        >>> lex = load_lexicon()
        >>> lex.count("Our forces struck enemy depots.", "ukraine")[1]
        {'achievement': 1.0}
        >>> lex.count("The enemy struck our city and did not capture the bridge.", "ukraine")[1]
        {'aggression': 1.0}
        """
        words, n_words = lower_tokens_counted(text)
        totals: dict[str, float] = {}
        phrases = self._phrases
        for _i, _n, index, cats, _rule in self._judged(words, side):
            weight = phrases[index][3]
            for cat in cats:
                totals[cat] = totals.get(cat, 0.0) + weight
        return n_words, totals

    def __repr__(self) -> str:
        return f"Lexicon({self.name!r}, {len(self.entries)} phrases, {len(self.categories)} categories)"


def default_lexicon_path():
    return data_path("frames.csv", "lexicons")


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """Read a lexicon CSV (the shipped ``frames.csv`` when ``path`` is None).

    The parsed lexicon is shared while the file is unchanged (same path, size and
    modification time), so its per-token match memo survives the refits of
    cross-validation; a :class:`Lexicon` is never modified after construction.
    """
    if path is None:
        return _load_cached(None, None)
    try:
        stat = Path(path).stat()
    except OSError:
        stat = None
    key = (str(Path(path).resolve()), stat.st_size, stat.st_mtime_ns) if stat else None
    return _load_cached(str(path), key) if key else _read_lexicon(path)


@lru_cache(maxsize=16)
def _load_cached(path: str | None, _key) -> Lexicon:
    return _read_lexicon(path)


def _read_lexicon(path: str | Path | None) -> Lexicon:
    where = str(path) if path is not None else "narrative/lexicons/frames.csv"
    try:
        raw = Path(path).read_bytes() if path is not None else default_lexicon_path().read_bytes()
        text = raw.decode("utf-8-sig")
    except FileNotFoundError:
        raise InputError(where, None, "no such lexicon file") from None
    except UnicodeDecodeError as exc:
        raise InputError(where, raw.count(b"\n", 0, exc.start) + 1, "lexicon is not UTF-8 text") from None
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in ("category", "phrase") if c not in (reader.fieldnames or [])]
    if missing:
        raise InputError(where, 1, f"lexicon header lacks {', '.join(missing)} (need {','.join(COLUMNS)})")
    entries = []
    for row_number, row in enumerate(reader, start=2):
        category = (row.get("category") or "").strip()
        phrase = (row.get("phrase") or "").strip()
        if not category or not phrase:
            raise InputError(where, row_number, "empty category or phrase")
        weight_text = (row.get("weight") or "1").strip() or "1"
        try:
            weight = float(weight_text)
        except ValueError:
            raise InputError(where, row_number, f"weight {weight_text!r} is not a number") from None
        pattern = tuple(t for t in TOKEN_RE.findall(phrase.lower().replace("*", "\u2217")))
        pattern = tuple(t.replace("\u2217", "*") for t in pattern)
        pattern = _attach_stars(pattern)
        if not pattern:
            raise InputError(where, row_number, f"phrase {phrase!r} has no tokens")
        entries.append(Entry(category, phrase, pattern, weight))
    if not entries:
        raise InputError(where, None, "lexicon has no entries")
    # the shipped perspective rules apply to lexicons that use its categories (``attack``, or any
    # of the negatable action categories); a lexicon of other categories counts its phrases as listed
    uses = {e.category for e in entries} & (default_perspective().negatable | {ATTACK})
    return Lexicon(entries, name=Path(where).name, perspective=default_perspective() if uses else None,
                   context=default_context() if uses else None)


def _attach_stars(pattern: tuple[str, ...]) -> tuple[str, ...]:
    """TOKEN_RE splits ``deter*`` into ``deter``, ``*``: glue the star back on."""
    out: list[str] = []
    for token in pattern:
        if token == "*" and out:
            out[-1] += "*"
        else:
            out.append(token)
    return tuple(out)
