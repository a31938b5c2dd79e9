"""The parser-free rule extractor (``method="rules"``): fast, with nesting.

After the PARC/PolNeAR notion of an attribution (Pareti 2016; Newell et al. 2018):

1. units: sentences merged while a quotation is open (:mod:`.quotes`);
2. cues from the cue lexicon (:mod:`.cues`) kept by the profile, a colon before a
   quotation ("Podolyak: “…”") and a dash that signs one ("“…” ― Sonya Herridge"); weak cues ("thanked", "shows") need "that", a colon, a
   quote or a known actor as subject (the ``attribution`` profile drops that test);
   all-capitals units (headlines) have none;
3. the source: the noun phrase around the cue, a participle's or a coordinated verb's
   subject (:mod:`.speakers`), resolved in the document (:mod:`narrative.speakers`);
4. the content: what follows the cue (skipping "that", time phrases, a "told X"
   object) or, for a cue at the end ("…,” Putin said.", "…, Lukashenko said in an
   interview."), what precedes the source; a cue whose source sits inside another
   claim's content is nested under it (``parent_claim_id``);
5. a unit that is one quotation right after an attributed unit continues that claim
   (same speaker and cue): a quote paragraph, the second piece of "“…,” he said. “…”";
6. other units with no cue are claims of the document's own voice (``self``).

Known limits: no syntactic parse, so long-distance subjects and discontinuous
contents are approximated; ``narrative eval-attribution`` measures how well.
"""
from __future__ import annotations

from bisect import bisect_left
from typing import Iterator

from ..speakers.actors import Actors
from ..segment import lower_words
from ..segment.marks import CLOSING_MARKS, LINE_DASHES, OUTER_CLOSING, OUTER_OPENING
from .acts import ACCUSATIONS, act_object, act_only, act_verb, hearer_only, object_end
from .asides import (ASPECT, BOUNDARY, HEARER_CUES, OBJECT_PRONOUNS, OPENERS, PASSIVE_ADVERBS, RELAY,
                     statement_source,
                     anaphor_ends, anaphoric, as_noted, aspect_cue_follows, clause_follows, paired_dash,
                     title_before, before_aspect, dependent, quoted_as, relayed_np,
                     reported_aside, share_participle_sources, topic_only)
from .boilerplate import Boilerplate
from .boilerplate import boilerplate as default_boilerplate
from .contents import (ATTITUDES, BE_FORMS, CALL_FORMS, DESCRIBED_AS_WINDOW, FINITE, INFINITIVE_CUES,
                       SUBJECT_PRONOUNS, TRAILING_SOURCE_MIN_START, WH_WORDS, characterises, infinitive, no_content,
                       noun_object, trailing_source)
from .cues import (Cue, after_comma, content_start, cue_index, find_cues, head_words, nearest_actor_cues,
                   participle_cues, participles, words)
from .document import DocumentView, Extractor, Resources
from .finish import Draft, Drafts
from .parsed import DEFAULT_MODE, MODES, revise
from .quoted import clip_quoted, quoted_cue
from .quotes import CLOSING_QUOTES, DASHES, Quotes
from .records import Candidate, Claim
from .speakers import (PRONOUNS, clause_subject, is_name, left_np, nearest_subject, opener, participle_subject,
                       past_possessive, phrase_np, possessive, right_np, subject)
from .tokens import Toks


def _named_source(cand: Candidate, toks) -> bool:
    """Whether a candidate's source names a speaker; a possessive ends its source at the phrase it opens. "the
    Kremlin’s top adviser Yury Ushakov … but added": the adviser; "Putin’s assumptions … respond", "downplay Russia's
    failures expressing thanks": a possessive alone is no source, nor is a sentence opener ("Likewise, while …,
    encouraged", "But … defend")."""
    s1 = cand.source_last
    if possessive(toks.text[s1]):
        s1 = past_possessive(toks, s1, cand.cue_first if s1 < cand.cue_first else len(toks))
        if s1 is None:
            return False
        cand.source_last = s1
    return not (cand.source_first == s1 and opener(toks.text[s1]))


def _holds_its_source(cand: Candidate, toks) -> bool:
    """A content that holds its own source is no claim ("They are only justifying themselves and denying.":
    a cue verb ending a coordination, with nothing said)."""
    return cand.content_start <= toks.start[cand.source_first] < cand.content_end


class _Unit:
    """One unit of a document while its cues are read: tokens, and the last known actor before a cue."""

    __slots__ = ("view", "u", "text", "a", "b", "toks", "last_word")

    def __init__(self, view: DocumentView, u: int) -> None:
        self.view, self.u, self.text = view, u, view.text
        self.a, self.b = view.units[u]
        self.toks = view.tokens(u)
        # the last token that is not closing punctuation: a cue at or after it has its content before it
        self.last_word = self.toks.last_word()

    def last_actor_before(self, actors: Actors, at: int) -> tuple[int, int] | None:
        """Token range of the last known actor mention in the unit ending before offset ``at``."""
        mentions = [m for m in self.view.unit_mentions(self.u) if m[1] <= at]
        if not mentions:
            return None
        m0, m1, _actor = mentions[-1]
        starts = self.toks.start
        k0, k1 = bisect_left(starts, m0), bisect_left(starts, m1)
        return (k0, k1 - 1) if k1 > k0 else None


def _candidate(unit: _Unit, cue: Cue, quotes: Quotes, actors: Actors,
               relaxed: bool = False) -> Candidate | None:
    """The attribution a cue anchors in its unit, or None when it has no source or fails the weak-cue test."""
    c0, c1, stance, kind = cue
    text, toks = unit.text, unit.toks
    starts, ends, low, n_toks = toks.start, toks.end, toks.low, len(toks)
    cue_text = text[starts[c0]:ends[c1]]
    if kind == "colon":  # Podolyak: “Russia will not dictate the terms.”
        np_range = left_np(toks, c0 - 1, 0)
        if np_range is None or np_range[0] != 0 and low[np_range[0] - 1] not in (",", "–", "—", "-"):
            return None
        return Candidate(c0, c1, stance, np_range[0], np_range[1], ends[c1], unit.b, cue_text)
    if kind == "dash":  # “…” ― Sonya Herridge: the signature is the source, the quotation before it the content
        np_range = right_np(toks, c1 + 1, n_toks)
        if np_range is None or np_range[1] < unit.last_word and low[np_range[1] + 1] != ",":
            return None
        before = quotes.last_ending_by(starts[c0])
        if before is None or before[1] <= unit.a:
            return None
        return Candidate(c0, c1, stance, np_range[0], np_range[1], max(unit.a, before[0]), starts[c0], cue_text)
    if kind == "preposition" and low[c0] == "in" and low[c0 + 1] in ("his", "her", "their"):
        # "In his opinion, …": the possessive is the source
        if c1 + 1 >= n_toks or low[c1 + 1] != ",":
            return None
        return Candidate(c0, c1, stance, c0 + 1, c0 + 1, ends[c1 + 1], unit.b, cue_text)
    if kind == "preposition":  # according to X, ...
        np_range = right_np(toks, c1 + 1, n_toks)
        if np_range is None and c1 + 1 < n_toks and low[c1 + 1] in OBJECT_PRONOUNS:
            np_range = (c1 + 1, c1 + 1)  # "According to him, …": the pronoun's referent speaks
        if np_range is None or np_range[1] + 1 < n_toks and low[np_range[1] + 1] not in _AFTER_SOURCE:
            # "according to an investigation by the outlet Important Stories, …": a phrase the word lists miss
            np_range = phrase_np(toks, c1 + 1, n_toks) or np_range
        if np_range is None:
            return None
        s0, s1 = np_range
        if s1 + 2 < n_toks and low[s1 + 1] == ",":  # "according to the governor, Oleh Syniehubov, ..."
            k = s1 + 2
            while k < n_toks and is_name(toks.text[k]):
                k += 1
            if k > s1 + 2 and k < n_toks and low[k] == ",":
                s1 = k - 1
        before, after = (unit.a, starts[c0]), (ends[s1], unit.b)
        ca, cb = after if (after[1] - after[0]) > (before[1] - before[0]) else before
        if (ca, cb) == after and s1 + 2 < n_toks and low[s1 + 1] == "," and dependent(low[s1 + 2]) \
                and before[1] - before[0] > 0 and text[before[0]:before[1]].strip(" ,"):
            ca, cb = before  # "… 50 km, according to the navy, making them …": the clause before
        return Candidate(c0, c1, stance, s0, s1, ca, cb, cue_text)
    cue_low = low[c0]
    if kind == "verb" and c0 >= 1 and text[starts[c0]].isupper() and low[c0 - 1] not in OPENERS:
        return None  # "the United States", "member States": a capitalised cue word inside a sentence is a name
    passive = c0 >= 1 and (low[c0 - 1] in BE_FORMS
                           or c0 >= 2 and low[c0 - 1] in PASSIVE_ADVERBS and low[c0 - 2] in BE_FORMS)
    if kind == "verb" and passive and (cue_low.endswith("ed") or cue_low in _IMPERSONAL_PARTICIPLES):
        it = c0 - 2 if low[c0 - 1] in BE_FORMS else c0 - 3
        source = statement_source(toks, it, right_np) if it >= 1 and low[it] == "it" \
            and c1 + 2 < n_toks and low[c1 + 1] in ("that", ":") else None
        if source is not None:  # "In the note of the Swiss embassy, it was declared that …": the statement's source
            return Candidate(c0, c1, stance, source[0], source[1], starts[c1 + 2], unit.b, cue_text)
    if kind == "verb" and cue_low.endswith("ed") and passive:
        # "was condemned by the UN", "is also accused of": a passive, whose speaker is the by-agent, if any
        agent = right_np(toks, c1 + 2, n_toks) if c1 + 2 < n_toks and low[c1 + 1] == "by" else None
        if agent is None or not is_name(toks.text[agent[1]]) and low[agent[1]] not in head_words():
            return None
        # "The envoy has been described by the minister as a friend": the agent's characterisation ("as …"),
        # else the passive clause before "by" ("The move was criticised by the opposition.")
        after = agent[1] + 1
        if after + 1 < n_toks and low[after] == "as":
            return Candidate(c0, c1, stance, agent[0], agent[1], starts[after], unit.b, cue_text)
        return Candidate(c0, c1, stance, agent[0], agent[1], unit.a, starts[c1 + 1], cue_text)
    if kind == "verb" and (cue_low in RELAY and relayed_np(toks, c1 + 1) is not None
                           or cue_low in ASPECT and aspect_cue_follows(low, c1 + 1)):
        return None  # "TASS quoted Peskov as saying …", "he went on saying …": the cue after carries the claim
    relayed = quoted_as(toks, c0) if kind == "verb" else None
    if relayed is not None:  # "TASS quoted Peskov as saying that …": the quoted speaker's claim
        k = content_start(low, c1 + 1, n_toks, cue_low)
        return Candidate(c0, c1, stance, relayed[0], relayed[1], starts[k] if k < n_toks else unit.b, unit.b,
                         cue_text)
    # a participle after a comma never has its subject right before it ("…, condemning")
    np_range = left_np(toks, before_aspect(low, c0) - 1, 0) if kind != "participle" else None
    if np_range is None and kind == "verb" and c0 >= 2 and low[c0 - 1] == "who" and clause_follows(toks, c1):
        # "… Nikki Haley, who tweeted that …", "officials who noted that …": the relative's antecedent (not "people
        # who defend the state": a relative with a noun object is no attribution)
        np_range = left_np(toks, c0 - 3 if low[c0 - 2] == "," else c0 - 2, 0)
    dashed = c0 >= 1 and low[c0 - 1] in LINE_DASHES
    left = np_range
    if dashed:  # "…, not only the northern towns - said the general.": a dash before the cue inverts it
        opening = paired_dash(low, c0 - 1)
        np_range = left_np(toks, opening - 1, 0) if opening is not None else None
        # "Xi and Lukashenko – a close ally of Putin – vowed …": an aside between dashes, the subject before it
        dashed = np_range is None
    detached = False  # the source is not next to the cue: a participle's or a coordinated verb's subject
    if np_range is None and cue_low.endswith("ing") and after_comma(low, c0):
        # "Putin met the troops, saying ...": the participle's subject opens the clause
        if kind == "participle":  # ", condemning …": read past an opening "In this regard,"
            np_range, detached = participle_subject(toks, c0 - 1, quotes.inside), True
        else:
            np_range, detached = subject(toks, 0, c0 - 1, quotes.inside), True
    conj = c0 - 1
    while conj >= 1 and low[conj] in words().skip_left and low[conj] not in ("then",):
        conj -= 1  # "Beijing opposes it and has said …", "… but also warned …": an auxiliary or adverb between
    if np_range is None and conj >= 0 and low[conj] in ("and", "but") and kind == "verb":
        # "Ramaphosa acknowledged the toll but insisted ...": the coordinated verb's subject
        np_range = clause_subject(toks, conj) or nearest_subject(toks, conj - 1, quotes.inside)
        detached = True
    inverted = False
    if np_range is None:
        np_range = right_np(toks, c1 + 1, n_toks)
        if np_range is None and c0 >= 2 and (low[c0 - 1] in OUTER_CLOSING or dashed
                                             or low[c0 - 1] == "," and low[c0 - 2] in OUTER_CLOSING):
            # "“…,” tweeted the exiled dissident Mikhail Khodorkovsky": an inversion after a quotation
            np_range = phrase_np(toks, c1 + 1, n_toks, final=True)
        inverted = np_range is not None
        if np_range is None and left is not None:
            np_range = left
    if np_range is None and cue_low in nearest_actor_cues():
        # "Putin visited troops and thanked them": nearest known actor to the left
        np_range = unit.last_actor_before(actors, starts[c0])
    if np_range is None:
        return None
    s0, s1 = np_range
    # "The ministry condemned the strike", "called for talks": an object-only speech act (:mod:`.acts`)
    act = _act(toks, c1, cue_low) if not inverted and kind in ("verb", "participle") and act_verb(cue_low) else None
    if act is None and act_only(cue_low):
        return None  # "put forward troops": another sense
    if act is None and not relaxed and c0 == c1 and cue_low in words().weak_cues \
            and not _weak_cue_holds(unit, c1, s0, s1, quotes, actors):
        return None  # a multi-word cue ("called on") is never weak
    sa = starts[c0] if detached else starts[min(s0, c0)]
    if not detached and s0 < c0 and s0 >= 1 and low[s0 - 1] == "as":
        sa = starts[s0 - 1]  # "…, as TASS noted.": the content ends before "as"
    # only the last quotation ending by the source can end right before it, and only one that closes in
    # this unit: "…” He said this was done “…”" after another sentence's quotation has its content after the cue
    before = quotes.last_ending_by(sa)
    # ... or the quotation that closed the sentence before when the unit is only the attribution ("“Will we hold?”
    # the commander said.": Punkt ends a sentence after "?”")
    quote_before = _quote_before(unit, before, sa, max(c1, s1) >= unit.last_word)
    at_end = c1 >= unit.last_word and not inverted and not quote_before
    if at_end and not detached and BOUNDARY.isdisjoint(low[:s0]):
        return None  # "He added that Moscow would respond.": an intransitive verb, not "…, Peskov said."
    aside = (not detached and s0 >= TRAILING_SOURCE_MIN_START and low[s0 - 1] in BOUNDARY and c1 + 2 < n_toks
             and low[c1 + 1] == "," and low[c1 + 2] in _AFTER_ASIDE)
    # "…, the state news agency said, as the talks began …": a reporting aside, the content before it
    # "- We will hold, - she said in July.": the source after the dash that closes a dash-led line of speech
    line = _closed_line(unit, starts[s0 - 1]) if s0 >= 1 and low[s0 - 1] in LINE_DASHES else None
    if inverted or quote_before or at_end or aside or trailing_source(low, s0, c1, n_toks) \
            or line is not None and no_content(low, c1 + 1, n_toks):
        # content precedes: "“…,” Putin said." / "…, said Peskov." / "…, Lukashenko said in an interview."
        ca, cb = unit.a, sa
        if line is not None:  # "….- We will hold, - she said": the words before the line are not hers
            ca = max(ca, line)
        title = title_before(low, s0) if not inverted and not detached else None
        if title is not None:  # "…, the governor of the region, Oleh Syniehubov, said": the title is no content
            cb = starts[title]
    else:
        k = content_start(low, c1 + 1, n_toks, cue_low)
        if (k > unit.last_word or no_content(low, k, n_toks)) \
                and (_dash_led(low, s0) or s0 == 0 and _quote_before(unit, before, sa, True)):
            # "- she said in July." after "- Will it hold?", "she said on Friday." after "“We hold!”": only
            # circumstances after the cue, the speech that closed the sentence before is the content (drafts)
            return Candidate(c0, c1, stance, s0, s1, unit.a, sa, cue_text)
        if k == c1 + 1 and k < n_toks and low[k] in ("this", "so") and anaphor_ends(low, k + 1, n_toks):
            # "Juri Ratas said this at a joint briefing …": "this" is the sentence before (see drafts)
            return Candidate(c0, c1, stance, s0, s1, starts[k], ends[k], cue_text)
        if act is not None:  # the object (to the unit's end) is what was said
            end = object_end(low, act)
            return Candidate(c0, c1, stance, s0, s1, starts[act], starts[end] if end < n_toks else unit.b, cue_text,
                             act=cue_low not in ACCUSATIONS)
        if not relaxed and hearer_only(low, cue_low, k) and not quotes.opening_in(starts[k], unit.b):
            return None  # "Zelensky urged him.": a directive's hearer is not what was said
        if not relaxed and cue_low in HEARER_CUES and topic_only(low, c1 + 1, n_toks):
            # the hearer's object from the cue on: "told outlets that he was concerned about …" says a clause
            return None  # "told the meeting participants about the reforms": a topic, no claim said
        if not relaxed and k == c1 + 1 and noun_object(low, k, cue_low) \
                and not quotes.opening_in(starts[min(k, n_toks - 1)], unit.b):
            return None  # "announced the death of ten generals", "emphasised their willingness": no claim said
        if no_content(low, k, n_toks) and not quotes.opening_in(starts[min(k, n_toks - 1)], unit.b) \
                and not (cue_low in INFINITIVE_CUES and infinitive(low, k, n_toks)) \
                and not (cue_low in CALL_FORMS and characterises(low, k, n_toks, OUTER_OPENING)):  # "called this a …"
            if s0 >= 2 and low[s0 - 1] == "as" and low[s0 - 2] == ",":
                # "… owing to, as the agency writes, the worsening weather": the clause before the aside
                return Candidate(c0, c1, stance, s0, s1, unit.a, starts[s0 - 2], cue_text)
            if s0 < 2 or low[s0 - 1] not in BOUNDARY:
                return None if not relaxed else Candidate(c0, c1, stance, s0, s1, starts[k], unit.b, cue_text)
            # "…, the chief executive said in the annual report.": only circumstances after the cue, the content before
            return Candidate(c0, c1, stance, s0, s1, unit.a, sa, cue_text)
        ca, cb = (starts[k] if k < n_toks else unit.b), unit.b
    return Candidate(c0, c1, stance, s0, s1, ca, cb, cue_text)


#: the windows and thresholds of the rules, in tokens or characters
#: tokens after a weak cue in which "that" makes it a cue ("thanked them for … that …")
WEAK_CUE_THAT_WINDOW = 25
#: characters of a unit tested for a headline, and the letters an all-capitals headline has at least
HEADLINE_PREFIX, HEADLINE_MIN_LETTERS = 300, 12
#: how many units back the attributed claim may stand that a sourceless "As noted, …" continues
AS_NOTED_UNITS = 2
#: a quotation paragraph holds at least this many spaces (three words): shorter ones continue nothing
QUOTED_PIECE_MIN_SPACES = 2




#: participles without -ed of an impersonal passive that reports a statement ("it was written that …")
_IMPERSONAL_PARTICIPLES = frozenset({"written", "said"})
#: words after "said," that continue the sentence past a reporting aside ("…, the agency said, as …")
_AFTER_ASIDE = frozenset({"as", "although", "though", "while", "whereas", "which", "but", "even"})
#: what may follow a source phrase after "according to" (else the phrase goes on: see :func:`.speakers.phrase_np`)
_AFTER_SOURCE = frozenset({",", ".", ";", ":", "!", "?", "and", "but", "in", "on", "at", "that", "who"}) | OUTER_CLOSING


def _act(toks: Toks, c1: int, cue_low: str) -> int | None:
    """The first token of an act cue's object that is its content (:func:`.acts.act_object`), or None."""
    low = toks.low
    k = content_start(low, c1 + 1, len(low), cue_low)
    word = toks.text[k] if k < len(low) else ""
    return act_object(low, c1, k, name=word[:1].isupper() and not word.endswith(("'s", "’s")))


#: the most characters read next to a quotation: between it and the source right after it ("”, " and spaces: a
#: longer gap is never only spaces and a comma, and the bound keeps each cue from reading the text back to the
#: last quotation), and back from it for the end of the sentence before it
QUOTE_GAP = 40


def _opens_sentence(text: str, at: int) -> bool:
    """Whether the quotation opening at ``at`` starts its sentence (the text or a line starts there, or a stop or a
    closing mark ends what comes before it): its words are nobody's yet ("“Will the line hold?” the commander
    said."), unlike those of "Zelensky said: “We will win.”" or "The sign read “Closed.”"."""
    head = text[max(0, at - QUOTE_GAP):at].rstrip(" \t")
    if not head:
        return at <= QUOTE_GAP
    return head[-1] in ".!?…\n" or head[-1] in OUTER_CLOSING


def _quote_before(unit: _Unit, before: tuple[int, int] | None, at: int, attribution_only: bool) -> bool:
    """Whether the quotation ``before`` (the last ending by offset ``at``) is what the source at ``at`` said: only
    spaces or a comma lie between them, and it closes in ``unit`` or, when ``unit`` is only the attribution
    (``attribution_only``), it closed the sentence before and opened that sentence, so no one said it yet
    (:func:`_opens_sentence`). The cheap tests come first and the gap read is bounded (:data:`QUOTE_GAP`)."""
    if before is None or at - before[1] > QUOTE_GAP:
        return False
    if before[1] <= unit.a and not attribution_only:
        return False
    if unit.text[before[1]:at].strip() not in ("", ","):
        return False
    return before[1] > unit.a or _opens_sentence(unit.text, before[0])


def _dash_led(low: list[str], s0: int) -> bool:
    """Whether the source (first token ``s0``) opens its unit right after a line dash: an attribution line of its
    own ("- she asked in July.")."""
    return s0 == 1 and low[0] in LINE_DASHES


def _closed_line(unit: _Unit, dash: int) -> int | None:
    """The start of the dash-led line of speech that the dash at offset ``dash`` closes ("- We will hold, - she
    said"), or None (a dash of an aside: "… policies – I said this before – a number …")."""
    spans = unit.view.quoted.overlapping(dash, dash + 1)
    if spans and spans[0][1] == dash + 1 and spans[0][0] < dash and unit.text[spans[0][0]] in LINE_DASHES:
        return spans[0][0]
    return None


def _closes_speech(text: str, quotation: tuple[int, int], at: int) -> bool:
    """Whether a quotation ending before offset ``at`` ends what was said (its words end in a stop, a comma, "?" or
    "!", or a comma follows it: "“Why?” asked Lavrov", "“We agree,” she said"), not a quoted name ("our “Diia” state
    service")."""
    inner = text[quotation[0]:quotation[1]].rstrip(CLOSING_MARKS + " ")
    return inner[-1:] in ",.?!…" or text[quotation[1]:at].strip() == ","


def _weak_cue_holds(unit: _Unit, c1: int, s0: int, s1: int, quotes: Quotes, actors: Actors) -> bool:
    """A weak cue ("thanked", "shows") is a cue when "that" or a colon follows, or when a known
    actor or pronoun says it with a quotation or a "that" soon after."""
    text, toks = unit.text, unit.toks
    low, n_toks = toks.low, len(toks)
    nxt = low[c1 + 1] if c1 + 1 < n_toks else ""
    if nxt == "that" and low[c1] in CALL_FORMS:  # "called that a lie", not "called that number again": a determiner
        return characterises(low, c1 + 1, n_toks, OUTER_OPENING)
    if nxt in ("that", ":"):
        return True
    k = content_start(low, c1 + 1, n_toks, "")
    skipped = low[c1 + 1:k - 1]
    if c1 + 1 < k <= n_toks and low[k - 1] in ("that", ":") and not {",", "and", "but"} & set(skipped) \
            and not find_cues(skipped, "speech"):
        return True  # "reported last week that …", "noted in a statement that …": circumstances, then "that"
    if reported_aside(low, c1, s0, s1, unit.last_word):
        return True  # "…, NHK reported.", "As Interfax reported, …", "…, reports TASS.": the content is the rest
    if _dash_led(low, s0) and (c1 >= unit.last_word or no_content(low, c1 + 1, n_toks)):
        return True  # "- Will it hold?\n- she asked.": an attribution line opened by a dash, the speech before it
    first = toks.start[min(s0, c1)]
    before = quotes.last_ending_by(first)
    if _quote_before(unit, before, first, max(c1, s1) >= unit.last_word) and _closes_speech(text, before, first):
        return True  # "“Why should we talk?” asked Lavrov.", "“…,” she asked.": the quotation before is what was asked
    if low[c1] in INFINITIVE_CUES and infinitive(low, c1 + 1, n_toks):
        return True  # "Ukraine demands to unblock …", "vowed to respond": a directive's or commissive's content
    if low[c1].startswith("describ") and "as" in low[c1 + 2:c1 + 2 + DESCRIBED_AS_WINDOW]:
        return True  # "described the new cabinet as “spin”": the characterisation is the claim
    if low[c1] in CALL_FORMS and characterises(low, c1 + 1, n_toks, OUTER_OPENING):
        return True  # "called the strike a war crime", "called it absurd": what the speaker calls it is the claim
    if nxt in ATTITUDES and c1 + 2 < n_toks and (low[c1 + 2] == "that" or low[c1 + 2] in ("about", "over")
                                                 and c1 + 3 < n_toks and low[c1 + 3] in WH_WORDS):
        return True  # "expressed concern that …", "voiced hope about how …": an attitude with its clause
    if nxt in SUBJECT_PRONOUNS and c1 + 2 < n_toks and (low[c1 + 2] in FINITE or low[c1 + 2].endswith("ed")):
        return True  # "the captain reported he was surrounded": a clause with its subject, "that" left out
    known = actors.resolve(text[toks.start[s0]:toks.end[s1]]) is not None or low[s0] in PRONOUNS
    return known and (quotes.opening_in(toks.end[c1], unit.b) or "that" in low[c1 + 1:c1 + 1 + WEAK_CUE_THAT_WINDOW])


def _parents(found: list[Candidate], toks: Toks) -> list[int | None]:
    """Nesting between the candidates of one unit: a source inside the previous content is nested
    under it, unless a sequential word ("but", ";", ", and") separates them (then the previous
    content ends there)."""
    parents: list[int | None] = [None] * len(found)
    starts, low, sequential = toks.start, toks.low, words().sequential
    for k in range(1, len(found)):
        prev, here = found[k - 1], found[k]
        src_start = starts[here.source_first]
        conj = _conjunction_before(low, here.cue_first)
        if conj is not None and src_start < prev.content_start < starts[conj] < prev.content_end \
                and here.source_first <= prev.source_last:
            # "Russia denounced the hysteria but said …", "X said he believed “…” and invoked …": a coordinated cue
            # of the same speaker ends the first content at the conjunction
            prev.content_end = starts[conj]
            continue
        if prev.content_start <= src_start < prev.content_end and here.content_start >= prev.content_start:
            between = low[bisect_left(starts, prev.content_start):bisect_left(starts, src_start)]
            pairs = set(zip(between, between[1:]))
            first = bisect_left(starts, src_start)
            coordinated = first > 0 and low[first - 1] in ("and", "but") and is_name(toks.text[here.source_first])
            if coordinated:  # "... “not on the agenda” and Lavrov said ...": the first content ends before "and"
                prev.content_end = min(prev.content_end, starts[first - 1])
            elif set(between) & sequential or (",", "and") in pairs or (",", "but") in pairs:
                prev.content_end = min(prev.content_end, src_start)
            else:
                parents[k] = k - 1
    return parents


def _conjunction_before(low: list[str], c0: int) -> int | None:
    """The token of "and"/"but" right before a cue at ``c0``, past adverbs and auxiliaries ("and has also said"),
    or None."""
    k, skip = c0 - 1, words().skip_left
    while k >= 0 and low[k] in skip:
        k -= 1
    return k if k >= 1 and low[k] in ("and", "but") else None


def _colon_cues(lows: list[str]) -> list[Cue]:
    """A colon that opens a quotation ("Podolyak: “…”") as a cue of kind ``colon``."""
    return [Cue(i, i, "neutral", "colon") for i in range(1, len(lows) - 1)
            if lows[i] == ":" and lows[i + 1] in OUTER_OPENING]


def _dash_cues(lows: list[str]) -> list[Cue]:
    """A dash that signs a quotation ("“…” ― Sonya Herridge") as a cue of kind ``dash``."""
    return [Cue(i, i, "neutral", "dash") for i in range(1, len(lows) - 1)
            if lows[i] in DASHES and lows[i - 1] in CLOSING_QUOTES]


def _headline(text: str, ua: int, ub: int) -> bool:
    """An all-capitals unit ("US ADMIRAL SAYS"): a headline or a link, not an attribution."""
    piece = text[ua:min(ub, ua + HEADLINE_PREFIX)]
    return piece == piece.upper() and sum(c.isalpha() for c in piece) >= HEADLINE_MIN_LETTERS


def _line_before(view: DocumentView, u: int, out: list[Draft]) -> tuple[int, int] | None:
    """The content of the unit before ``u`` when it is one line of speech (:attr:`.document.DocumentView.quoted`) or
    a whole line of its own that holds no attribution (an outlet's quotation set as a paragraph), else None."""
    text, (pa, pb), ua = view.text, view.units[u - 1], view.units[u][0]
    if text[pb:ua].strip() or out and out[-1].unit == u - 1:
        return None  # not the words right before (a headline left out between), or already attributed
    a, b = view.quotes.strip(text, pa, pb)
    spans = view.quoted.overlapping(pa, pb)
    if len(spans) == 1 and pa <= spans[0][0] <= pa + 1 and pb <= spans[0][1] <= ua + 1:
        return (a, b) if b > a else None  # a dash line closed by the attribution's dash ("- Will it hold? - she asked")
    whole_line = (a == 0 or text[a - 1] == "\n") and "\n" in text[b:ua]
    return (a, b) if whole_line and b > a else None


def _quoted_piece(text: str, ua: int, ub: int, quotes: Quotes) -> tuple[int, int] | None:
    """The content of a unit that is one quotation and nothing else but a final stop (a quote
    paragraph, or the second piece of "“…,” he said. “…”"), or None."""
    a, b = ua, ub
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    inside = quotes.overlapping(a, b)
    if len(inside) != 1:
        return None
    q0, q1 = inside[0]
    # the quotation opens at the unit's start and closes at its end: a unit inside a longer (or an
    # unclosed) quotation is not a piece of its own
    if not (a <= q0 <= a + 1 and b - 2 <= q1 <= b) or text[q0:q1].count(" ") < QUOTED_PIECE_MIN_SPACES:
        return None
    return quotes.strip(text, q0, q1)


class RulesExtractor(Extractor):
    """The rule extractor on a :class:`.document.DocumentView` (see the module docstring).

    ``profile``: ``speech`` (speech acts only, the default) or ``attribution`` (also beliefs and
    evidence, the PolNeAR sense; weak cues need no quotation or "that")."""

    name = "rules"

    def __init__(self, resources: Resources, profile: str = "speech", speakers: str = DEFAULT_MODE,
                 **options) -> None:
        super().__init__(resources, profile, **options)
        if speakers not in MODES:
            raise ValueError(f"speakers must be one of {MODES}, not {speakers!r}")
        #: which rule speakers the parse of their unit replaces (:mod:`.parsed`)
        self.speakers = speakers

    def drafts(self, view: DocumentView) -> Drafts:
        text, quotes, actors, profile = view.text, view.quotes, view.actors, self.profile
        parses: dict = {}
        first_words = cue_index(profile).keys()
        participle_words = participles(profile).keys()
        relaxed = profile == "attribution"
        out: list[Draft] = []
        attributed_unit = -2  # the last unit with an attribution: a quotation right after continues it
        moved: set[int] = set()  # units whose cue's content is the quotation unit before them
        for u, (ua, ub) in enumerate(view.units):
            # candidate detection on lower-cased words; tokens with offsets only for units holding a cue
            raw = text[ua:ub]
            lows = lower_words(raw)
            cues = find_cues(lows, profile) if not first_words.isdisjoint(lows) else []
            if "," in raw and not participle_words.isdisjoint(lows):
                cues = sorted(cues + participle_cues(lows, profile))
            if ":" in raw:  # substring tests on the text are cheaper than on its tokens
                cues = sorted(cues + _colon_cues(lows))
            if "―" in raw or "—" in raw or "–" in raw:
                cues = sorted(cues + _dash_cues(lows))
            if cues and _headline(text, ua, ub):
                cues = []
            found: list[Candidate] = []
            if cues:
                unit = _Unit(view, u)
                quoted = view.quoted
                found = [c for c in (_candidate(unit, cue, quotes, actors, relaxed) for cue in cues)
                         if c is not None and not quoted_cue(c, unit.toks, quoted, actors, text)]
                found = [c for c in (clip_quoted(c, unit.toks, text, quoted) for c in found)
                         if c is not None and not _holds_its_source(c, unit.toks)]
                revise(found, unit.toks, text, ua, ub, self.speakers, quoted.inside, parses)
                share_participle_sources(found, unit.toks)
                found = [c for c in found if _named_source(c, unit.toks)]
            if not found:
                if attributed_unit == u - 1:
                    piece = _quoted_piece(text, ua, ub, quotes)
                    if piece is not None:  # "“…,” he said. “…”": the quotation goes on, the speaker too
                        out.append(Draft(u, [piece], continues=True, quote_type="direct"))
                        attributed_unit = u
                        continue
                if cues and 0 <= attributed_unit >= u - AS_NOTED_UNITS and (k := as_noted(lows, cues[0])) is not None:
                    # "… Dzheppar emphasized. As noted, it is important that …": the speaker before goes on
                    toks = unit.toks
                    out.append(Draft(u, [quotes.strip(text, toks.start[k], ub)], continues=True,
                                     quote_type="indirect"))
                    attributed_unit = u
                continue
            toks = unit.toks
            parents = _parents(found, toks)
            first = len(out)
            for k, cand in enumerate(found):
                a, b = quotes.strip(text, cand.content_start, cand.content_end)
                home = u
                if b <= a and u > 0 and cand.content_start <= ua + 1:
                    # “We will hold!” insists the commander.: the quotation closed its own sentence (unit) before
                    piece = _quoted_piece(text, *view.units[u - 1], quotes)
                    if piece is None and text[ua] in LINE_DASHES:
                        # "- Will it hold?\n- she asked.", "… until spring\n\n- wrote the head of the council.": an
                        # attribution line that opens with a dash says who spoke the line of speech or the line before
                        piece = _line_before(view, u, out)
                    if piece is not None:
                        if out and out[-1].unit == u - 1 and out[-1].continues:
                            out.pop()  # not the previous speaker's quote paragraph: this cue's content
                            first = min(first, len(out))
                        (a, b), home = piece, u - 1
                        moved.add(u)
                if b > a and u > 0 and anaphoric(text[a:b]):
                    # "… left the city. That's according to the General Staff.": the sentence before
                    piece = quotes.strip(text, *view.units[u - 1])
                    if piece[1] > piece[0]:
                        if out and out[-1].unit == u - 1 and out[-1].continues:
                            out.pop()
                            first = min(first, len(out))
                        (a, b), home = piece, u - 1
                        moved.add(u)
                if b <= a:
                    a, b = cand.content_start, cand.content_start
                out.append(Draft(home, [(a, b)], speaker=(toks.start[cand.source_first], toks.end[cand.source_last]),
                                 cue=(toks.start[cand.cue_first], toks.end[cand.cue_last]), cue_text=cand.cue_text,
                                 stance=cand.stance, parent=None if parents[k] is None else first + parents[k],
                                 quote_type="act" if cand.act and quotes.quote_type(a, b) == "indirect" else None))
            attributed_unit = u
        return Drafts(out, {d.unit for d in out} | moved if moved else None)


class ParseSpeakersExtractor(RulesExtractor):
    """The rules with every verb cue's speaker phrase read from the parse where it is confident
    (:mod:`.parsed`, ``speakers="parse"``): better cut speaker strings, about ten times slower on news."""

    name = "rules-parse"

    def __init__(self, resources: Resources, profile: str = "speech", speakers: str = "parse", **options) -> None:
        super().__init__(resources, profile, speakers, **options)


def iter_claims(doc_id: str, text: str, source: str, actors: Actors, side: str | None = None,
                boilerplate: Boilerplate | None = None, skipped: list | None = None,
                profile: str = "speech") -> Iterator[Claim]:
    """Yield the claims of one document in text order (the rules on a fresh view). Boilerplate lines
    (:mod:`.boilerplate`) yield no claim; their ``(start, end)`` are appended to ``skipped`` when given."""
    resources = Resources(actors, boilerplate or default_boilerplate())
    extractor = RulesExtractor(resources, profile)
    view = extractor.view(doc_id, text, source, side)
    if skipped is not None:
        skipped.extend(view.furniture)
    yield from extractor.claims(view)
