"""The patterns around a cue that decide its source and content beyond the noun phrase next to it.

The rule extractor (:mod:`.rules`) asks these of a unit's lower-cased tokens: whether a weak cue and its source
stand apart as a reporting aside ("…, NHK reported.", "As Interfax reported, …", "…, reports TASS."), whether a cue
relays another's words ("TASS quoted Peskov as saying"), carries on an aspect verb ("went on to say"), has an
anaphoric content that is the sentence before ("That's according to X", "X said this at a briefing"), shares the
source of the cue before it (a participle after a comma), or names only a topic ("told X about Y").

>>> reported_aside("kishida 's trip is the first , nhk reported .".split(), 8, 7, 7, 8)
True
>>> before_aspect("peskov went on to say that".split(), 4)
1
>>> anaphoric("That's"), anaphoric("The troops left")
(True, False)
"""
from __future__ import annotations

from ..segment.marks import LINE_DASHES, OUTER_CLOSING, OUTER_OPENING
from .contents import CIRCUMSTANCE, FINITE, TRAILING_SOURCE_MIN_START, no_content, trailing_source
from .cues import after_comma, content_start, cue_index, find_cues, head_words
from .records import Candidate
from .speakers import right_np
from .tokens import Toks

#: what separates a content from a source after it ("…, Peskov said.", "“…” he said.")
BOUNDARY = frozenset({",", ":", "’"}) | OUTER_CLOSING | LINE_DASHES  # not ', an apostrophe ("Rus'")

#: adverbs between a passive's "be" and its participle ("is also accused of")
PASSIVE_ADVERBS = frozenset({"also", "widely", "repeatedly", "often", "frequently", "now", "still", "reportedly",
                              "allegedly", "already", "previously", "further"})
#: tokens after which a capitalised word may still be a cue (a new sentence or quotation inside the unit)
OPENERS = frozenset({".", "!", "?", ":", ";"}) | LINE_DASHES | OUTER_OPENING
#: cues with a hearer object ("told the participants about …")
HEARER_CUES = frozenset({"told", "tells", "tell", "informed", "informs", "briefed", "briefs"})


def topic_only(low: list[str], k: int, n_toks: int) -> bool:
    """Whether a hearer cue's object is followed by "about" and a topic, with no "that", colon or quotation
    ("told the meeting participants about important steps": a topic-only report is no claim)."""
    window = low[k:min(n_toks, k + OBJECT_TOPIC_WINDOW)]
    if "about" not in window:
        return False
    rest = set(low[k:])
    return not (rest & {"that", ":"} or rest & OUTER_OPENING)


#: tokens after a hearer cue in which "about" makes its object a topic
OBJECT_TOPIC_WINDOW = 8
#: object pronouns that name a source after "according to" ("According to him, …")
OBJECT_PRONOUNS = frozenset({"him", "her", "them"})


def dependent(word: str) -> bool:
    """A word that opens a dependent phrase, no main clause: a participle or a relative ("making", "which")."""
    return word.endswith("ing") or word in ("which", "who", "whom", "whose", "where", "while", "as")


#: cues that relay another's words ("TASS quoted Peskov as saying", "cited officials as saying")
RELAY = frozenset("quoted quotes quote quoting cited cites cite citing".split())
#: verbs that carry on a cue after them ("went on saying", "continued to insist")
ASPECT = frozenset("went goes go continued continues proceeded proceeds expected due set going".split())
#: the longest speaker phrase between a relay cue and "as saying", in tokens
RELAY_NP_MAX = 12


def relayed_np(toks: Toks, i: int) -> tuple[int, int] | None:
    """The speaker phrase from token ``i`` when "as" and an -ing cue follow it ("quoted [the Russian Defence
    Ministry] as saying"), else None."""
    low = toks.low
    np_range = right_np(toks, i, min(len(low), i + RELAY_NP_MAX))
    if np_range is None:
        return None
    k = np_range[1] + 1
    if k + 1 < len(low) and low[k] == "as" and low[k + 1].endswith("ing") and low[k + 1] in cue_index("speech"):
        return np_range
    return None


def quoted_as(toks: Toks, c0: int) -> tuple[int, int] | None:
    """For an -ing cue right after "as", the speaker a relay cue before it names ("TASS quoted Peskov as
    saying"), else None."""
    low = toks.low
    if c0 < 3 or low[c0 - 1] != "as" or not low[c0].endswith("ing"):
        return None
    for k in range(c0 - 2, max(-1, c0 - 2 - RELAY_NP_MAX), -1):
        if low[k] in RELAY:
            np_range = relayed_np(toks, k + 1)
            return np_range if np_range is not None and np_range[1] == c0 - 2 else None
        if low[k] in (",", ";", ":") or low[k] in OUTER_OPENING:
            return None
    return None


def aspect_cue_follows(low: list[str], i: int) -> bool:
    """Whether a cue follows an aspect verb ("went on saying", "continued to insist") from token ``i``."""
    if i < len(low) and low[i] == "on":
        i += 1
    if i < len(low) and low[i] == "to":
        i += 1
    return i < len(low) and low[i] in cue_index("speech") and low[i] not in ASPECT


def before_aspect(low: list[str], c0: int) -> int:
    """The first token of an aspect verb phrase before a cue ("Savinykh [went on] saying", "Peskov
    [continued to] insist"), or ``c0`` when there is none."""
    k = c0 - 1
    if k >= 1 and low[k] == "to":
        k -= 1
    if k >= 1 and low[k] == "on" and low[k - 1] in ASPECT:
        return k - 1
    if k >= 0 and k < c0 - 1 and low[k] in ASPECT or k == c0 - 1 and low[k] in ASPECT and low[c0].endswith("ing"):
        return k
    return c0


def reported_aside(low: list[str], c1: int, s0: int, s1: int, last_word: int) -> bool:
    """Whether a weak cue and its source stand apart from the content as a reporting aside: after a quotation
    ("“…,” he noted"), at the end of the unit after a comma or dash ("…, NHK reported.", "…, an RBC correspondent reports.", "…, as TASS noted."), an
    inverted "…, reports TASS." at the end, or an "as" clause closed by a comma ("As Interfax reported, …")."""
    if s0 > c1:  # inverted: "…, reports TASS."
        return s1 >= last_word and c1 >= 1 and low[c1 - 1] in BOUNDARY and not find_cues(low[:c1 - 1], "speech")
    if s0 >= 2 and (low[s0 - 1] in OUTER_CLOSING or low[s0 - 1] == "," and low[s0 - 2] in OUTER_CLOSING):
        return True  # "“…,” Landsbergis posted on Twitter": the quotation before is the content
    before = s0 - 1 if s0 >= 1 and low[s0 - 1] != "as" else s0 - 2
    if c1 >= last_word or trailing_source(low, before + 1, c1, len(low)):  # "…, TASS reported on Monday."
        # "…, the minister wrote on Telegram, a TASS correspondent reports.": the agency relays the cue
        # before it (CODEBOOK S4), no claim of its own
        return before >= TRAILING_SOURCE_MIN_START - 1 and low[before] in BOUNDARY \
            and not find_cues(low[:before], "speech")
    return s0 >= 1 and low[s0 - 1] == "as" and c1 + 1 < len(low) and low[c1 + 1] == ","


def paired_dash(low: list[str], k: int) -> int | None:
    """The dash that opens an aside closed by the dash at ``k`` ("Xi and Lukashenko – a close ally of Putin –
    vowed"), within :data:`DASH_ASIDE_MAX` tokens and with no quotation mark or stop between; else None.

    >>> paired_dash("xi – an ally of putin – vowed".split(), 5), paired_dash("it is over – said he".split(), 3)
    (1, None)
    """
    for i in range(k - 1, max(0, k - DASH_ASIDE_MAX) - 1, -1):
        w = low[i]
        if w in LINE_DASHES:
            return i if i >= 1 and k - i > 1 else None
        if w in OUTER_OPENING or w in OUTER_CLOSING or w in (".", "!", "?", ";", ":"):
            return None
    return None


#: the longest aside between two dashes before a cue, in tokens
DASH_ASIDE_MAX = 12


def as_noted(low: list[str], cue) -> int | None:
    """The first content token of a unit that opens with a sourceless "As <cue>," ("As noted, …", "As added,
    …", "As pointed out, …"), whose speaker is the previous claim's; else None.

    >>> from narrative.claims.cues import find_cues
    >>> low = "as noted , the summit matters .".split()
    >>> as_noted(low, find_cues(low, "speech")[0])
    3
    """
    k = cue.last + 1
    if cue.first != 1 or low[0] != "as" or cue.kind != "verb" or k + 1 >= len(low) or low[k] != ",":
        return None
    return k + 1


def anaphoric(content: str) -> bool:
    """Whether a content is only a pronoun and a verb that point at the sentence before ("That's", "This is")."""
    return content.strip(" ,.").lower().replace("’", "'") in ANAPHORIC_CONTENTS


ANAPHORIC_CONTENTS = frozenset({"that's", "that is", "this is", "that was", "this was", "that's all", "this", "so"})


def anaphor_ends(low: list[str], k: int, n_toks: int) -> bool:
    """Whether nothing but circumstances follows an anaphoric object ("said this [at a briefing on Tuesday],
    Ukrinform reports."): the unit ends, or a preposition, a time word or a comma comes first and no clause
    follows (no_content)."""
    if k >= n_toks or low[k] in (".", ",", ";") or low[k] in OUTER_CLOSING:
        return True
    return no_content(low, k, n_toks) or low[k] in CIRCUMSTANCE and ("," in low[k:] and not FINITE & set(low[k:]))


def share_participle_sources(found: list[Candidate], toks: Toks) -> None:
    """A participle after a comma ("Ukraine's foreign ministry condemned the strike, saying …") has the
    source of the cue before it in the unit, and ends that cue's content at the comma."""
    starts, low = toks.start, toks.low
    for k in range(1, len(found)):
        prev, here = found[k - 1], found[k]
        c0 = here.cue_first
        if not (after_comma(low, c0) and low[c0].endswith("ing")) or here.cue_last > c0:
            continue
        if prev.source_last < prev.cue_first < c0 and prev.content_start < starts[c0] <= prev.content_end:
            here.source_first, here.source_last = prev.source_first, prev.source_last
            prev.content_end = starts[c0 - 1 if low[c0 - 1] == "," else c0 - 2]


def title_before(low: list[str], s0: int) -> int | None:
    """The first token of a title phrase between commas right before a source in apposition ("…, [the governor of
    the region], Oleh Syniehubov, said"), else None."""
    if s0 < 3 or low[s0 - 1] != ",":
        return None
    k = s0 - 2
    while k > 0 and low[k] != "," and s0 - k <= TITLE_MAX:
        k -= 1
    if k <= 0 or low[k] != "," or low[k + 1] not in ("the", "a", "an") or not head_words() & set(low[k + 1:s0 - 1]):
        return None
    return k + 1


#: the longest title phrase in apposition before a name, in tokens
TITLE_MAX = 9


def clause_follows(toks: Toks, c1: int) -> bool:
    """Whether "that", a colon or a quotation opens right after the cue at ``c1`` (past circumstances)."""
    low, n_toks = toks.low, len(toks)
    k = content_start(low, c1 + 1, n_toks, "")
    return c1 + 1 < k <= n_toks and low[k - 1] in ("that", ":") or k < n_toks and low[k] in OUTER_OPENING


#: nouns of a written statement whose source an impersonal passive reports ("In the statement of the ministry, it was
#: stated that …")
STATEMENT_NOUNS = frozenset("""statement statements message communique communiqué report summary announcement release
letter post note document resolution declaration readout transcript""".split())
#: words that may follow a statement's source ("In the note of the Swiss embassy about the visit, …")
_AFTER_STATEMENT_SOURCE = frozenset("on about in at during with to for after from regarding concerning".split())
#: the most tokens between "In" and the statement noun ("In the official summary of …")
STATEMENT_NOUN_WINDOW = 4


def statement_source(toks, stop: int, np_right) -> tuple[int, int] | None:
    """The source phrase of an opening "In <a statement> of/by/from <source>," before token ``stop`` (the "it" of an
    impersonal passive: "In the note of the Swiss embassy about the visit, it was declared that …" is the embassy's
    claim), else None. ``np_right`` reads the phrase (:func:`.speakers.right_np`)."""
    low = toks.low
    if not low or low[0] != "in":
        return None
    for k in range(1, min(stop, 2 + STATEMENT_NOUN_WINDOW)):
        if low[k] in STATEMENT_NOUNS and k + 2 < stop and low[k + 1] in ("of", "by", "from"):
            comma = low.index(",", k + 2) if "," in low[k + 2:stop] else stop
            found = np_right(toks, k + 2, comma)
            after = found[1] + 1 if found is not None else comma
            if after < comma and low[after].isalpha() and low[after] not in _AFTER_STATEMENT_SOURCE:
                return None  # "In the record of the Tuesday meeting, …": the phrase goes on, no source
            return found
        if low[k] == ",":
            return None
    return None
