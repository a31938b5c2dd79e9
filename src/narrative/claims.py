"""Who claims what: attribution relations (source, cue, content) per document.

``extract_claims(documents, actors)`` returns one row per claim with the
columns of :data:`narrative.schema.CLAIMS`; every offset indexes the
document's original text, so ``text[start:end]`` equals each span.

Method (rule-based, parser-free, after the PARC/PolNeAR notion of an
attribution: Pareti 2016; Newell et al. 2018):

1. sentences (Punkt) are merged while a quotation is open, so a quote that
   spans sentences is one unit; quote marks are paired by a small state
   machine (straight, curly and guillemets) that closes an unbalanced quote
   at the end of its sentence instead of swallowing the document;
2. cues come from ``narrative/data/cues.csv`` (with their stance); a verb
   used as a noun ("Russia's claims") or negated ("has not commented") is
   not a cue; weak cues ("thanked", "shows") need "that", a colon, a quote
   or a known actor as subject;
3. the source is the noun phrase left of the cue (skipping adverbs, time
   phrases and an appositive between commas), or right of it in inversions
   ("said Peskov") and after "according to"; pronouns resolve to the most
   recent compatible named speaker;
4. the content is what follows the cue (skipping "that", time phrases, a
   "told X" object) or, for a cue at the end ("…,” Putin said."), what
   precedes the source; a cue whose source sits inside another claim's
   content is nested under it (``parent_claim_id``);
5. units with no cue are claims of the document's own voice (``self``): the
   publisher of a press release, else the journalist.

Known limits: no syntactic parse, so long-distance subjects and
discontinuous contents are approximated; ``narrative eval-attribution``
measures how well on PolNeAR.

Examples
--------
>>> import pandas as pd
>>> docs = pd.DataFrame({"doc_id": ["d"], "source": ["news"],
...     "text": ["Kremlin spokesman Dmitry Peskov said the troops had shown “exceptional courage.” "
...              "He claimed the city was taken."]})
>>> c = extract_claims(docs)
>>> c[["speaker", "actor", "side", "cue", "cue_stance", "quote_type"]].values.tolist()
[['Kremlin spokesman Dmitry Peskov', 'Dmitry Peskov', 'kremlin', 'said', 'neutral', 'mixed'], ['He', 'Dmitry Peskov', 'kremlin', 'claimed', 'distancing', 'indirect']]
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import accumulate, compress, count
from operator import attrgetter, sub
from typing import Iterator

import pandas as pd

from .actors import Actor, Actors, load_actors
from .schema import CLAIMS, OTHER_SIDE
from .segment import TOKEN_RE, lower_words, split_sentences

JOURNALIST = "journalist"
AUTHOR = "(author)"

OPEN_CLOSE = {"“": "”", "«": "»", "„": "“"}
CLOSERS = {"”", "»"}
QUOTE_RE = re.compile('[“”«»„"]')
PRONOUNS = {"he": "m", "she": "f", "they": None, "we": None, "i": None, "it": None}


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    """The word lists in ``narrative/data/claim_words.yaml`` (read once; package data, no side effects)."""
    import yaml

    text = resources.files("narrative").joinpath("data/claim_words.yaml").read_text("utf-8")
    return {k: frozenset(v) for k, v in yaml.safe_load(text).items()}


_W = _words()
SKIP_LEFT, WEEKDAYS, TIME_PREPS = _W["skip_left"], _W["weekdays"], _W["time_preps"]
NOUN_MARKERS, NEGATIONS, WEAK_CUES = _W["noun_markers"], _W["negations"], _W["weak_cues"]
SPEAKER_WORDS, SEQUENTIAL = _W["speaker_words"], _W["sequential"]
HEAD_WORDS = SPEAKER_WORDS - _W["speaker_modifiers"]
#: cues whose source may be the nearest known actor to their left ("said"/"says" never take it)
_NEAREST_ACTOR_CUES = (WEAK_CUES | {"added", "announced", "claimed", "warned"}) - {"said", "says"}


@dataclass
class Claim:
    doc_id: str
    claim_id: str
    parent_claim_id: str
    speaker: str
    speaker_start: int
    speaker_end: int
    actor: str
    side: str
    cue: str
    cue_start: int
    cue_end: int
    cue_stance: str
    content: str
    content_start: int
    content_end: int
    quote_type: str
    hedges: list[str] = field(default_factory=list)


# -- data files -------------------------------------------------------------
def _data_lines(name: str) -> list[str]:
    text = resources.files("narrative").joinpath(f"data/{name}").read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def cue_lexicon() -> dict[tuple[str, ...], tuple[str, str]]:
    """``cue tokens -> (stance, kind)`` from ``narrative/data/cues.csv``."""
    out = {}
    for line in _data_lines("cues.csv")[1:]:
        cue, stance, kind = line.split(",")
        out[tuple(TOKEN_RE.findall(cue.lower()))] = (stance, kind)
    return out


@lru_cache(maxsize=1)
def cue_index() -> dict[str, list[tuple[tuple[str, ...], str, str]]]:
    """First token -> the cues ``(tokens, stance, kind)`` starting with it, longest first."""
    index: dict[str, list] = {}
    for key, (stance, kind) in cue_lexicon().items():
        index.setdefault(key[0], []).append((key, stance, kind))
    for cues in index.values():
        cues.sort(key=lambda c: -len(c[0]))
    return index


@lru_cache(maxsize=2)
def hedge_pattern(loose: bool = False) -> re.Pattern:
    """Journalist hedges as whole words; ``loose`` drops the right boundary (a superset, used as a prefilter)."""
    phrases = sorted(_data_lines("journalist_hedges.txt"), key=len, reverse=True)
    right = "" if loose else r"(?![\w-])"
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(p) for p in phrases) + ")" + right, re.IGNORECASE)


@lru_cache(maxsize=1)
def _hedge_phrases() -> tuple[str, ...]:
    return tuple(p.lower() for p in _data_lines("journalist_hedges.txt"))


def _occurrences(text: str, phrase: str) -> Iterator[int]:
    """Start of every (possibly overlapping) occurrence of ``phrase`` in ``text``."""
    i = text.find(phrase)
    while i >= 0:
        yield i
        i = text.find(phrase, i + 1)


#: characters that re.IGNORECASE equates with an ASCII letter although lower() does not map them to it
_CASE_ODDITIES = ("\u0130", "\u0131", "\u017f", "\u212a")


def _unit_hedges(text: str, spans: list[tuple[int, int]]) -> list[list[str]]:
    """Hedges found in each unit, as the strict pattern finds them within the unit.

    Fast and exact: a document whose lower-cased text contains no hedge phrase as a
    substring has none (checked in C, no regex); otherwise the loose pattern, tried
    only where a phrase occurs, finds the units that can hold one (every unit match
    lies in or inside a loose match) and only those are searched.
    """
    lowered = text.lower()
    odd = any(c in text for c in _CASE_ODDITIES)
    if not odd and not any(p in lowered for p in _hedge_phrases()):
        return [[] for _ in spans]
    if odd or len(lowered) != len(text):
        loose = [m.span() for m in hedge_pattern(loose=True).finditer(text)]
    else:  # a match can only start where a phrase occurs in the lower-cased text: try the regex there only
        loose, free, at = [], 0, hedge_pattern(loose=True).match
        for i in sorted({i for p in _hedge_phrases() for i in _occurrences(lowered, p)}):
            if i >= free and (m := at(text, i)) is not None:
                loose.append(m.span())
                free = m.end()
    strict = hedge_pattern()
    loose_starts, loose_ends = [s for s, _e in loose], [e for _s, e in loose]  # disjoint, in order

    def touched(a: int, b: int) -> bool:  # some loose match has s < b and e > a
        return bisect_right(loose_ends, a) < bisect_left(loose_starts, b)

    return [sorted({m.group(0).lower() for m in strict.finditer(text, a, b)}) if touched(a, b) else []
            for a, b in spans]


# -- quotes and units -------------------------------------------------------
def quote_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """``(open, close)`` offsets of each quotation (marks included) in ``text[start:end]``.

    Curly quotes and guillemets pair by direction; straight double quotes
    toggle. An opening mark that is never closed yields no span (callers
    treat the quote as ending with its sentence). Never raises.

    >>> quote_spans('He said "no" and “yes” and «oui».')
    [(8, 12), (17, 22), (27, 32)]
    """
    end = len(text) if end is None else end
    spans, open_at, want = [], None, None
    for m in QUOTE_RE.finditer(text, start, end):
        i, ch = m.start(), m.group(0)
        if open_at is None:
            if ch in OPEN_CLOSE:
                open_at, want = i, OPEN_CLOSE[ch]
            elif ch == '"':
                open_at, want = i, '"'
        elif ch == want or (want == "”" and ch == '"') or (want == '"' and ch == "”"):
            spans.append((open_at, i + 1))
            open_at = None
        elif ch in OPEN_CLOSE and want != '"' and ch != want:
            open_at, want = i, OPEN_CLOSE[ch]  # a new opening before a close: the old one was unbalanced
    return spans


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


#: longest unit (characters) that an open quotation may grow by merging sentences. Real quotes stay
#: far below: the longest unit is 2,170 characters in 324 war-news articles and 3,417 in PolNeAR.
#: Longer "quotes" are pairing artefacts (one demo release pairs curly marks 11,000 characters
#: apart and made a 62,862-character unit); the cap bounds the work and the output per unit, so
#: extraction stays linear in document length, in time and memory, whatever the quote marks do
MAX_UNIT = 20_000


def units(text: str) -> list[tuple[int, int]]:
    """Sentences, merged while a quotation that starts in one continues into the next."""
    sents = split_sentences(text)
    quotes = quote_spans(text)
    opens = [q0 for q0, _q1 in quotes]
    out: list[list[int]] = []
    for a, b in sents:
        # quotations are disjoint and ordered: only the last one opening before the unit's end can cross it
        k = bisect_left(opens, out[-1][1]) - 1 if out else -1
        if (k >= 0 and quotes[k][0] >= out[-1][0] and out[-1][1] < quotes[k][1] and quotes[k][1] > a
                and b - out[-1][0] <= MAX_UNIT):
            out[-1][1] = b
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


# -- cue finding ------------------------------------------------------------
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


_PIECE_RE = re.compile(r"\s*(?:" + TOKEN_RE.pattern + ")")
#: tokens made only of closing punctuation (what may follow a content-final cue)
_CLOSING = frozenset('.!?”"»')


def _is_name(word: str) -> bool:
    return word[:1].isupper() and word[:1].isalpha()


def _skip_time_left(low: list[str], j: int) -> int:
    """Skip adverbs and time phrases ('on Monday', 'last week') leftwards; return new j."""
    while j >= 0:
        w = low[j]
        if w in SKIP_LEFT:
            j -= 1
        elif w in WEEKDAYS and j >= 1 and low[j - 1] in TIME_PREPS:
            j -= 2
        elif w in WEEKDAYS and j >= 2 and low[j - 2] in TIME_PREPS:
            j -= 3
        else:
            break
    return j


def _left_np(toks: Toks, j: int, stop: int) -> tuple[int, int] | None:
    """Token range [i0, i1] of the speaker noun phrase ending at or before j."""
    low, words = toks.low, toks.text
    j = _skip_time_left(low, j)
    if j < stop:
        return None
    if low[j] == ",":  # appositive: "Kovalenko, head of ..., warned"
        k = j - 1
        while k >= stop and low[k] not in (",", "“", '"', "”"):
            k -= 1
        if k >= stop + 1 and low[k] == ",":
            j = k - 1
        else:
            return None
    if low[j] in PRONOUNS:
        return (j, j)
    i = j
    while i >= stop:
        w = low[i]
        if _is_name(words[i]) or w in SPEAKER_WORDS or w.endswith(("’s", "'s")) or w in ("-", "."):
            i -= 1
            continue
        break
    i += 1
    while i <= j and low[i] in ("of", "and", "-", ".", "'s", "’s"):
        i += 1
    if i > j:
        return None
    if not (_is_name(words[j]) or low[j] in HEAD_WORDS):
        return None
    # a sentence-initial capitalised function word is not a name
    if i == stop and low[i] in ("the", "a", "an") and i == j:
        return None
    return (i, j)


def _right_np(toks: Toks, i: int, end: int) -> tuple[int, int] | None:
    """Speaker NP right of the cue (inversion: 'said Peskov', 'according to X')."""
    low, words = toks.low, toks.text
    j = i
    while j < end and (_is_name(words[j]) or low[j] in SPEAKER_WORDS or low[j] in ("’s", "'s")
                       or low[j] in PRONOUNS and j == i):
        j += 1
    if j == i:
        return None
    return (i, j - 1)


def _subject(toks: Toks, start: int, stop: int) -> tuple[int, int] | None:
    """The first name or pronoun noun phrase in tokens start..stop-1 (the clause subject)."""
    low, words = toks.low, toks.text
    i = start
    while i < stop and not (_is_name(words[i]) or low[i] in PRONOUNS):
        i += 1
    if i >= stop:
        return None
    j = i
    while j + 1 < stop and (_is_name(words[j + 1]) or low[j + 1] in ("’s", "'s")):
        j += 1
    return (i, j)


def _is_noun_use(lows: list[str], i: int) -> bool:
    if i == 0:
        return False
    prev = lows[i - 1]
    return prev in NOUN_MARKERS or prev.endswith(("’s", "'s"))


def _negated(lows: list[str], i: int) -> bool:
    return not NEGATIONS.isdisjoint(lows[max(0, i - 3):i])


def _find_cues(lows: list[str]) -> list[tuple[int, int, str, str]]:
    """``(first token, last token, stance, kind)`` of each cue in a unit's lower-cased tokens, left to right.

    >>> _find_cues(["he", "did", "not", "say", "so", ",", "according", "to", "them"])
    [(6, 7, 'neutral', 'preposition')]
    """
    index = cue_index()
    out, free, n_toks = [], 0, len(lows)
    # only the positions holding a cue's first word are visited (picked in C)
    for i in compress(count(), map(index.__contains__, lows)):
        if i < free:  # inside the previous cue
            continue
        for key, stance, kind in index[lows[i]]:
            n = len(key)
            if n == 1 or (i + n <= n_toks and tuple(lows[i + 1:i + n]) == key[1:]):
                if kind == "verb" and n == 1 and (_is_noun_use(lows, i) or _negated(lows, i)):
                    break
                out.append((i, i + n - 1, stance, kind))
                free = i + n
                break
    return out


# -- content ----------------------------------------------------------------
def _skip_right(low: list[str], i: int, end: int, cue: str) -> int:
    """Skip what sits between a cue and its content: time phrases, 'that', colon, 'told X that'."""
    while i < end:
        w = low[i]
        if w in ("that", ":", ",") or w in SKIP_LEFT:
            i += 1
        elif w in TIME_PREPS and i + 1 < end and low[i + 1] in WEEKDAYS:
            i += 2
        elif w in TIME_PREPS and i + 2 < end and low[i + 2] in WEEKDAYS:
            i += 3
        elif w in ("in", "to") and i + 1 < end and low[i + 1] in ("a", "reporters", "journalists"):
            # "in a statement", "to reporters"
            k = i + 1
            while k < end and low[k] not in ("that", ",", ":") and k - i < 5:
                k += 1
            if k < end and low[k] in ("that", ",", ":"):
                i = k + 1
            else:
                break
        else:
            break
    if cue in ("told", "tells", "tell", "informed", "inform", "informs", "assured", "warned", "urged", "asked"):
        # object NP then 'that': "informed President Putin during a visit ... that ..."
        for k in range(i, min(end, i + 25)):
            if low[k] == "that":
                return k + 1
            if low[k] in ('“', '"', "«", ":", ";"):
                break
    return i


def _strip_span(text: str, a: int, b: int, quotes: Quotes) -> tuple[int, int]:
    """Trim spaces and separators; drop the marks of an exactly quoted content and a final period outside quotes."""
    while a < b and text[a] in " \t\n,:;—–-":
        a += 1
    while b > a and text[b - 1] in " \t\n,;—–-":
        b -= 1
    if (a, b) in quotes:
        a, b = a + 1, b - 1
        while b > a and text[b - 1] in " ,":
            b -= 1
    elif b > a and text[b - 1] == "." and not quotes.inside(b - 1):
        b -= 1
    return a, b


def _quote_type(a: int, b: int, quotes: Quotes) -> str:
    inside = quotes.overlapping(a, b)
    if not inside:
        return "indirect"
    if any(q0 <= a and b <= q1 for q0, q1 in inside):
        return "direct"
    return "mixed"


# -- the extractor ----------------------------------------------------------
def own_voice(source: str, side: str | None, actors: Actors) -> tuple[str, str]:
    """Who speaks in a document's unattributed sentences: its publisher (actors file), else the
    source with the document's own side when the corpus gives one, else the journalist."""
    publisher = actors.publisher(source)
    if publisher:
        return publisher.name, publisher.side
    if side and side != OTHER_SIDE:
        return source, side
    return AUTHOR, JOURNALIST


def iter_claims(doc_id: str, text: str, source: str, actors: Actors, side: str | None = None) -> Iterator[Claim]:
    """Yield the claims of one document in text order."""
    own_actor, own_side = own_voice(source, side, actors)
    quotes = Quotes(quote_spans(text))
    last: dict[str, Actor] = {}  # gender/kind -> most recent resolved speaker
    spans = units(text)
    hedges_in = _unit_hedges(text, spans)
    number = 0
    any_hedges = any(hedges_in)
    first_words = cue_index().keys()
    for u, (ua, ub) in enumerate(spans):
        hedges = sorted(set(hedges_in[u]) | set(hedges_in[u + 1] if u + 1 < len(spans) else [])) if any_hedges else []
        found = []
        unit = text[ua:ub]
        # candidate detection on lower-cased words; tokens with offsets only for units holding a cue
        lows = lower_words(unit)
        cues = _find_cues(lows) if not first_words.isdisjoint(lows) else []
        if cues:
            toks = Toks(text, ua, ub)
            starts, ends, low, n_toks = toks.start, toks.end, toks.low, len(toks)
            # the last token that is not closing punctuation: a cue at or after it has its content before it
            last_word = next((k for k in range(n_toks - 1, -1, -1) if low[k] not in _CLOSING), -1)
            unit_mentions = None  # known actors in the unit, found once if a cue needs them
        for c0, c1, stance, kind in cues:
            cue_text = text[starts[c0]:ends[c1]]
            cue_low = low[c0]
            if kind == "preposition":  # according to X, ...
                np_range = _right_np(toks, c1 + 1, n_toks)
                if np_range is None:
                    continue
                s0, s1 = np_range
                before = (ua, starts[c0])
                after = (ends[s1], ub)
                ca, cb = after if (after[1] - after[0]) > (before[1] - before[0]) else before
                found.append([c0, c1, stance, s0, s1, ca, cb, cue_text])
                continue
            np_range = _left_np(toks, c0 - 1, 0)
            if np_range is None and cue_low.endswith("ing") and c0 >= 1 and low[c0 - 1] == ",":
                # "Putin met the troops, saying ...": the participle's subject opens the clause
                np_range = _subject(toks, 0, c0 - 1)
            inverted = False
            if np_range is None:
                np_range = _right_np(toks, c1 + 1, n_toks)
                inverted = np_range is not None
            if np_range is None and cue_low in _NEAREST_ACTOR_CUES:
                # "Putin visited troops and thanked them": nearest known actor to the left
                if unit_mentions is None:
                    unit_mentions = actors.matches(unit)
                    mention_ends = [m1 for _m0, m1, _a in unit_mentions]
                # the last mention that ends before the cue (the unit is scanned once, not once per cue)
                k_last = bisect_right(mention_ends, starts[c0] - ua) - 1
                if k_last >= 0:
                    m0, m1, _actor = unit_mentions[k_last]
                    k0, k1 = bisect_left(starts, ua + m0), bisect_left(starts, ua + m1)
                    if k1 > k0:
                        np_range = (k0, k1 - 1)
            if np_range is None:
                continue
            s0, s1 = np_range
            if cue_low in WEAK_CUES:
                nxt = low[c1 + 1] if c1 + 1 < n_toks else ""
                quoted_next = quotes.opening_in(ends[c1], ub)
                known = actors.resolve(text[starts[s0]:ends[s1]]) is not None or low[s0] in PRONOUNS
                that_soon = "that" in low[c1 + 1:c1 + 26]
                if not (nxt in ("that", ":") or (known and (quoted_next or that_soon))):
                    continue
            sa = starts[min(s0, c0)]
            # only the last quotation ending by the source can end right before it
            before = quotes.last_ending_by(sa)
            quote_before = before is not None and text[before[1]:sa].strip() in ("", ",")
            if inverted or quote_before or c1 >= last_word:
                # content precedes: "“…,” Putin said." / "…, said Peskov."
                ca, cb = ua, starts[min(s0, c0)]
            else:
                k = _skip_right(low, c1 + 1, n_toks, cue_low)
                ca, cb = (starts[k] if k < n_toks else ub), ub
            found.append([c0, c1, stance, s0, s1, ca, cb, cue_text])
        if not found:
            yield Claim(doc_id, f"{doc_id}:{number}", "", "", -1, -1, own_actor, own_side, "", -1, -1, "neutral",
                        unit.strip(), ua + (len(unit) - len(unit.lstrip())), ua + len(unit.rstrip()), "self", hedges)
            number += 1
            continue
        # nesting and truncation between cues of one unit
        parents: list[int | None] = [None] * len(found)
        for k in range(1, len(found)):
            prev = found[k - 1]
            s0 = found[k][3]
            src_start = starts[s0]
            if prev[5] <= src_start < prev[6] and found[k][5] >= prev[5]:
                between = low[bisect_left(starts, prev[5]):bisect_left(starts, src_start)]
                pairs = set(zip(between, between[1:]))
                if set(between) & SEQUENTIAL or (",", "and") in pairs or (",", "but") in pairs:
                    prev[6] = min(prev[6], src_start)
                else:
                    parents[k] = k - 1
        ids = []
        for k, (c0, c1, stance, s0, s1, ca, cb, cue_text) in enumerate(found):
            sa, sb = starts[s0], ends[s1]
            speaker = text[sa:sb]
            actor = _resolve(speaker, actors, last)
            a, b = _strip_span(text, ca, cb, quotes)
            if b <= a:
                a, b = ca, ca
            claim_id = f"{doc_id}:{number}"
            ids.append(claim_id)
            number += 1
            parent = ids[parents[k]] if parents[k] is not None else ""
            yield Claim(doc_id, claim_id, parent, speaker, sa, sb,
                        actor.name if actor else speaker, actor.side if actor else OTHER_SIDE,
                        cue_text, starts[c0], ends[c1], stance, text[a:b], a, b,
                        _quote_type(a, b, quotes), hedges)


def _resolve(speaker: str, actors: Actors, last: dict[str, Actor]) -> Actor | None:
    """Resolve a mention; pronouns take the most recent compatible named speaker."""
    low = speaker.lower()
    if low in PRONOUNS:
        gender = PRONOUNS[low]
        if low in ("he", "she"):
            return last.get(gender) or last.get("person")
        if low in ("they", "it"):
            return last.get("institution") or last.get("person")
        return last.get("person")
    actor = actors.resolve(speaker)
    if actor is not None:
        if actor.kind == "person":
            last["person"] = actor
            if actor.gender:
                last[actor.gender] = actor
        else:
            last["institution"] = actor
    return actor


METHODS = ("rules", "crf")


def extract_claims(documents: pd.DataFrame, actors: Actors | None = None, *, method: str = "rules",
                   model=None) -> pd.DataFrame:
    """One row per claim (:data:`narrative.schema.CLAIMS`) for a documents table.

    ``method="rules"`` is this module's extractor; ``method="crf"`` uses the
    trained labeller of :mod:`narrative.attribution` (``model``: its file,
    default the shipped one), which finds more attributions but no nesting.
    """
    actors = actors or load_actors()
    if method == "crf":
        from .attribution import Labeller, iter_claims_crf

        labeller = Labeller(model)
        produce = lambda d, t, s, side: iter_claims_crf(d, t, s, actors, labeller, side)
    elif method == "rules":
        produce = lambda d, t, s, side: iter_claims(d, t, s, actors, side)
    else:
        raise ValueError(f"method must be one of {METHODS}, not {method!r}")
    rows, parts = [], []
    row_of = attrgetter(*CLAIMS)
    sides = documents["side"] if "side" in documents.columns else [None] * len(documents)
    for doc_id, text, source, side in zip(documents["doc_id"], documents["text"], documents["source"], sides):
        for claim in produce(doc_id, text, source, side):
            rows.append(row_of(claim))
            if len(rows) == _ROWS_PER_PART:  # a long document's claims: compact columns, not millions of objects
                parts.append(pd.DataFrame(rows, columns=list(CLAIMS)))
                rows = []
    if not parts:
        return pd.DataFrame(rows, columns=list(CLAIMS))
    parts.append(pd.DataFrame(rows, columns=list(CLAIMS)))
    return pd.concat(parts, ignore_index=True)


#: claims held as Python objects before they become DataFrame columns
_ROWS_PER_PART = 20_000
