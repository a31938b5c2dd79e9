"""Reporting cues, the word lists around them, and journalist hedges (all package data).

Cues come from ``narrative/data/cues.csv`` (with their stance); a verb used as
a noun ("Russia's claims") or negated ("has not commented") is not a cue. The
word lists of ``narrative/data/claim_words.yaml`` are read on first use, not on
import.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count
from typing import Iterator, Literal, NamedTuple

from ..infra.datafiles import data_lines, data_text
from ..segment import TOKEN_RE
from ..segment.marks import OUTER_CLOSING, OUTER_OPENING


@dataclass(frozen=True)
class Words:
    """The word lists of ``claim_words.yaml`` (see its header for each one's role)."""

    skip_left: frozenset[str]
    weekdays: frozenset[str]
    time_preps: frozenset[str]
    noun_markers: frozenset[str]
    negations: frozenset[str]
    weak_cues: frozenset[str]
    speaker_words: frozenset[str]
    speaker_modifiers: frozenset[str]
    sequential: frozenset[str]

    @property
    def head_words(self) -> frozenset[str]:
        """Speaker words that can head a speaker noun phrase."""
        return self.speaker_words - self.speaker_modifiers

    @property
    def nearest_actor_cues(self) -> frozenset[str]:
        """Cues whose source may be the nearest known actor to their left ("said"/"says" never take it)."""
        return (self.weak_cues | {"added", "announced", "claimed", "warned"}) - {"said", "says"}


@lru_cache(maxsize=1)
def words() -> Words:
    """The claim extractor's word lists (read once, on first use)."""
    import yaml

    spec = yaml.safe_load(data_text("claim_words.yaml"))
    return Words(**{name: frozenset(spec[name]) for name in Words.__dataclass_fields__})


@lru_cache(maxsize=1)
def _derived() -> tuple[frozenset[str], frozenset[str]]:
    w = words()
    return w.head_words, w.nearest_actor_cues


def head_words() -> frozenset[str]:
    return _derived()[0]


def nearest_actor_cues() -> frozenset[str]:
    return _derived()[1]


#: which cues each profile keeps (the ``act`` column of cues.csv)
#: what counts as a claim: speech acts only, or also beliefs and evidence (PolNeAR)
Profile = Literal["speech", "attribution"]
PROFILES = {"speech": frozenset({"speech"}), "attribution": frozenset({"speech", "cognition", "evidence"})}


def check_profile(profile: str) -> str:
    if profile not in PROFILES:
        raise ValueError(f"profile must be one of {tuple(PROFILES)}, not {profile!r}")
    return profile


@lru_cache(maxsize=2)
def cue_lexicon(profile: str = "attribution") -> dict[tuple[str, ...], tuple[str, str]]:
    """``cue tokens -> (stance, kind)`` from ``narrative/data/cues.csv``, for the cues a profile keeps
    (``speech``: speech acts; ``attribution``: also beliefs and evidence)."""
    acts = PROFILES[check_profile(profile)]
    out = {}
    for line in data_lines("cues.csv")[1:]:
        cue, stance, kind, act = line.split(",")
        if act in acts:
            out[tuple(TOKEN_RE.findall(cue.lower()))] = (stance, kind)
    return out


@lru_cache(maxsize=2)
def cue_index(profile: str = "attribution") -> dict[str, list[tuple[tuple[str, ...], str, str]]]:
    """First token -> the cues ``(tokens, stance, kind)`` starting with it, longest first."""
    index: dict[str, list] = {}
    for key, (stance, kind) in cue_lexicon(profile).items():
        index.setdefault(key[0], []).append((key, stance, kind))
    for cues in index.values():
        cues.sort(key=lambda c: -len(c[0]))
    return index


def is_noun_use(lows: list[str], i: int) -> bool:
    """Whether the cue word at ``i`` is used as a noun ("the claims", "Russia's claims")."""
    if i == 0:
        return False
    prev = lows[i - 1]
    if prev in OUTER_CLOSING and i >= 2 and lows[i].endswith("s"):
        prev = lows[i - 2]  # "in “multiple” reports": the word before the quotation mark
    if prev == "to" and i >= 2 and lows[i - 2] in _ASPECT_BEFORE_TO:
        return False  # "went on to say", "continued to insist": a verb
    if prev in _PLURAL_MARKERS and lows[i].endswith("s"):
        # "in several reports", "multiple statements", "media reports": a plural noun; but a name ending in News,
        # Press or Media before "that" or the unit's end is a source ("Sky News reports that", "…, Fox News claims.")
        return not (prev in _NAME_TAILS and (i + 1 == len(lows) or lows[i + 1] in _VERB_FOLLOWERS))
    return prev in words().noun_markers or prev.endswith(("’s", "'s"))


#: words before a plural cue word that make it a noun ("several reports", "media claims"), not a verb
_PLURAL_MARKERS = frozenset({"several", "many", "multiple", "numerous", "some", "other", "recent", "various",
                             "conflicting", "unconfirmed", "unverified", "initial", "earlier", "media", "news",
                             "press", "two", "three", "four", "five"})


#: plural markers that also end an outlet's name ("Sky News", "the Associated Press", "Meduza Media")
_NAME_TAILS = frozenset({"media", "news", "press"})
#: what follows a reporting verb, not a plural noun ("… reports that", "…, Fox News claims.")
_VERB_FOLLOWERS = frozenset({"that", ".", ",", ";", ":", "!", "?"})


#: words before "to" that make the cue after it a verb ("went on to say", "continued to insist")
_ASPECT_BEFORE_TO = frozenset({"on", "continued", "continues", "proceeded", "proceeds", "went", "hastened",
                               "expected", "due", "set", "going"})  # "is expected to tell the summit: …"


def negated(lows: list[str], i: int) -> bool:
    """Whether a negation stands within the three tokens before ``i``."""
    return not words().negations.isdisjoint(lows[max(0, i - 3):i])


#: what a cue is: a word of the lexicon (``verb``, ``noun``, ``preposition``: "according to"), the
#: participle of a lexicon verb after a comma (``participle``: "…, condemning the strategy") or
#: punctuation the rules read as one (``colon``: "Podolyak: “…”"; ``dash``: "“…” ― Sonya Herridge")
CueKind = Literal["verb", "noun", "preposition", "participle", "colon", "dash"]
#: the reporter's stance a cue carries (CODEBOOK H1)
Stance = Literal["neutral", "distancing", "endorsing"]


class Cue(NamedTuple):
    """A cue in a unit: its first and last token (indices into the unit's tokens), stance and kind."""

    first: int
    last: int
    stance: Stance
    kind: CueKind


def find_cues(lows: list[str], profile: str = "attribution") -> list[Cue]:
    """The :class:`Cue` of each cue in a unit's lower-cased tokens, left to right.

    >>> find_cues(["he", "did", "not", "say", "so", ",", "according", "to", "them"])
    [Cue(first=6, last=7, stance='neutral', kind='preposition')]
    >>> find_cues(["they", "believe", "that", "it", "works"], "speech")
    []
    """
    index = cue_index(profile)
    out, free, n_toks = [], 0, len(lows)
    # only the positions holding a cue's first word are visited (picked in C)
    for i in compress(count(), map(index.__contains__, lows)):
        if i < free:  # inside the previous cue
            continue
        for key, stance, kind in index[lows[i]]:
            n = len(key)
            if n == 1 or (i + n <= n_toks and tuple(lows[i + 1:i + n]) == key[1:]):
                if kind == "verb" and (is_noun_use(lows, i) or n == 1 and negated(lows, i)):
                    break  # "Russia's claims", "has not commented", "requested the call on invasion fears"
                out.append(Cue(i, i + n - 1, stance, kind))
                free = i + n
                break
    return out


@lru_cache(maxsize=2)
def participles(profile: str = "attribution") -> dict[str, str]:
    """``-ing form -> stance`` of the lexicon's verbs whose -ing form the lexicon leaves out (they are too
    often adjectival: "the resolution condemning the invasion"): a cue only right after a comma, where
    the participle's subject is the clause's ("The embassy sent a note, condemning …"). Formed from a
    past form whose base the lexicon also holds ("condemned"/"condemn" → "condemning", "deplored"/"deplore"
    → "deploring").

    >>> participles("speech")["condemning"]
    'neutral'
    """
    lexicon = {k[0]: v for k, v in cue_lexicon(profile).items() if len(k) == 1 and v[1] == "verb"}
    out = {}
    for word, (stance, _kind) in lexicon.items():
        if not word.endswith("ed"):
            continue
        for base in (word[:-2], word[:-1]):  # "condemned" → "condemn", "deplored" → "deplore"
            if base in lexicon or base + "s" in lexicon:
                form = (base[:-1] if base.endswith("e") and not base.endswith("ee") else base) + "ing"
                if form not in lexicon and form not in _NOT_PARTICIPLE_CUES:
                    out[form] = stance
    return out


#: -ing forms of lexicon verbs that after a comma are mostly no speech act ("…, blasting a residential block",
#: "…, echoing comments from …", "…, posting a video")
_NOT_PARTICIPLE_CUES = frozenset({"blasting", "echoing", "posting"})


def participle_cues(lows: list[str], profile: str = "attribution") -> list[Cue]:
    """:func:`participles` right after a comma, as cues of kind ``participle``.

    >>> participle_cues(["the", "embassy", "sent", "a", "note", ",", "condemning", "it"], "speech")
    [Cue(first=6, last=6, stance='neutral', kind='participle')]
    """
    forms = participles(profile)
    return [Cue(i, i, forms[w], "participle") for i, w in enumerate(lows) if w in forms and after_comma(lows, i)]


def after_comma(lows: list[str], i: int) -> bool:
    """Whether token ``i`` follows a comma, or an -ly adverb right after one ("…, repeatedly saying that …").

    >>> after_comma([",", "saying"], 1), after_comma([",", "repeatedly", "saying"], 2), after_comma(["he", "saying"], 1)
    (True, True, False)
    """
    return i >= 1 and (lows[i - 1] == "," or i >= 2 and lows[i - 2] == "," and lows[i - 1].endswith("ly")
                       and lows[i - 1].isalpha() and lows[i - 1] not in _NOT_ADVERBS)


#: words ending in -ly that are no adverbs before a participle
_NOT_ADVERBS = frozenset({"only", "early", "july", "italy", "family", "ally", "rally", "supply", "reply", "fly"})


#: prepositions that open the medium or hearer of a cue ("in a statement", "on Telegram", "to reporters")
_MEDIUM_PREPS = frozenset({"in", "to", "on", "via", "during", "at", "after", "through"})
#: the longest such phrase before its "that", comma or colon, in tokens
MEDIUM_WINDOW = 7
#: words that show the phrase is the content itself ("on Monday the army said …")
_CLAUSE_WORDS = frozenset("is are was were has have had will would could can should must may might did does do "
                          "said says".split())
def _medium_end(low: list[str], i: int, end: int) -> int | None:
    """The token after a medium or hearer phrase that starts at ``i`` and ends at "that", a colon or (after
    "in"/"to") a comma ("said on Telegram that …", "wrote in a statement: …"), else None."""
    t = low[i]
    if t not in _MEDIUM_PREPS or i + 1 >= end or low[i + 1] in ("that", ","):
        return None
    k = i + 1
    while k < end and low[k] not in ("that", ",", ":") and k - i < MEDIUM_WINDOW and low[k] not in _CLAUSE_WORDS:
        k += 1
    if k < end and low[k] in ("that", ",", ":") and (low[k] != "," or t in ("in", "to")):
        return k + 1
    return None


#: tokens after an object cue ("informed President Putin during a visit … that …") searched for "that"
OBJECT_THAT_WINDOW = 25
_OBJECT_CUES = frozenset({"told", "tells", "tell", "informed", "inform", "informs", "assured", "warned", "urged", "asked"})


def content_start(low: list[str], i: int, end: int, cue: str) -> int:
    """The first content token after a cue: skips time phrases, 'that', a colon, 'in a statement',
    'to reporters' and, after 'told'-like cues, the object up to 'that'."""
    w = words()
    while i < end:
        t = low[i]
        if t in ("that", ":", ",") or t in w.skip_left:
            i += 1
        elif (k := _medium_end(low, i, end)) is not None:
            i = k  # "in a statement", "to reporters", "on Telegram", "in its morning update" up to "that", ",", ":"
        elif t in w.time_preps and i + 1 < end and low[i + 1] in w.weekdays:
            i += 2
        elif t in w.weekdays and i + 1 < end and low[i + 1] == "that":
            i += 2  # "announced Monday that …": a bare time word, then the clause
        elif t in w.time_preps and i + 2 < end and low[i + 2] in w.weekdays:
            i += 3
        else:
            break
    if cue in _OBJECT_CUES:
        # object NP then 'that': "informed President Putin during a visit ... that ..."
        for k in range(i, min(end, i + OBJECT_THAT_WINDOW)):
            if low[k] == "that" or low[k] == ":" and k + 1 < end:  # "told the G7 leaders in a meeting: …"
                return k + 1
            if low[k] in OUTER_OPENING or low[k] == ";":
                break
    return i


# -- journalist hedges ("if true", "could not be independently verified") ---------------------
@lru_cache(maxsize=2)
def hedge_pattern(loose: bool = False) -> re.Pattern:
    """Journalist hedges as whole words; ``loose`` drops the right boundary (a superset, used as a prefilter)."""
    phrases = sorted(data_lines("journalist_hedges.txt"), key=len, reverse=True)
    right = "" if loose else r"(?![\w-])"
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(p) for p in phrases) + ")" + right, re.IGNORECASE)


@lru_cache(maxsize=1)
def _hedge_phrases() -> tuple[str, ...]:
    return tuple(p.lower() for p in data_lines("journalist_hedges.txt"))


def _occurrences(text: str, phrase: str) -> Iterator[int]:
    """Start of every (possibly overlapping) occurrence of ``phrase`` in ``text``."""
    i = text.find(phrase)
    while i >= 0:
        yield i
        i = text.find(phrase, i + 1)


#: characters that re.IGNORECASE equates with an ASCII letter although lower() does not map them to it
_CASE_ODDITIES = ("\u0130", "\u0131", "\u017f", "\u212a")


def unit_hedges(text: str, spans: list[tuple[int, int]]) -> list[list[str]]:
    """Hedges found in each unit, as the strict pattern finds them within the unit.

    Fast and exact: a document whose lower-cased text contains no hedge phrase as a
    substring has none (checked in C, no regex); otherwise the loose pattern, tried
    only where a phrase occurs, finds the units that can hold one (every unit match
    lies in or inside a loose match) and only those are searched.
    """
    from bisect import bisect_left, bisect_right

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


def with_next(hedges_in: list[list[str]], u: int) -> list[str]:
    """A unit's hedges and the next unit's ("… captured the town. This could not be verified.")."""
    if not hedges_in[u] and (u + 1 == len(hedges_in) or not hedges_in[u + 1]):
        return []  # most units of a document with a hedge: no set to build
    if u + 1 < len(hedges_in):
        return sorted(set(hedges_in[u]) | set(hedges_in[u + 1]))
    return sorted(set(hedges_in[u]))
