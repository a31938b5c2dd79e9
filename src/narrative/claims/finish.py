"""The finishing step every extractor shares: drafts → :class:`.records.Claim` rows.

An extractor reads a :class:`.document.DocumentView` and returns :class:`Drafts`: the
attributions it found, as offsets into the text, in the order they are to be numbered. This
module does the rest, the same way for every extractor:

* **nesting bound**: a draft whose content would lie under :data:`MAX_NESTING` kept contents of
  its unit is left out (counted in :attr:`Drafts.capped`); real news rarely nests beyond three
  ("Peskov said that Gerasimov informed Putin that …"), and an unbounded chain of "X said that"
  or of nested quotation marks would make output quadratic in the text;
* **continuation**: a draft that continues the previous attributed claim (a quote paragraph,
  the second piece of "“…,” he said. “…”") takes its speaker, actor and cue;
* **speakers**: each mention resolved in text order by the document's one resolver;
* **self claims**: every unit no draft covers is a claim of the document's own voice, or of the
  transcript turn it lies in ("Alexander Lukashenko: …", "Question: …"; :mod:`.turns`);
* **publisher side**: every claim records the side of the document's own voice (``publisher_side``);
* **numbering** (``doc_id:n`` in text order), **quote types** (from the document's quotations) and
  **hedges** (the unit's and the next unit's journalist hedges);
* :class:`Claim` built by keyword.

>>> from narrative.claims.document import DocumentView, Resources
>>> view = DocumentView("d", "Peskov said the city was taken. Talks resumed.", "news", None, Resources())
>>> d = Drafts([Draft(0, [(12, 30)], speaker=(0, 6), cue=(7, 11), cue_text="said")])
>>> [(c.claim_id, c.actor, c.content, c.quote_type) for c in finish(view, d)]
[('d:0', 'Dmitry Peskov', 'the city was taken', 'indirect'), ('d:1', '(author)', 'Talks resumed.', 'self')]
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field, replace
from typing import Iterator

import numpy as np

from ..schema import OTHER_SIDE, UNKNOWN_SIDE
from .cues import Stance
from .records import Claim, QuoteType

# ``DocumentView`` in the annotations is :class:`narrative.claims.document.DocumentView`; it is not
# imported here, since the view calls this finishing step (no import cycle)

#: how many claims' contents may lie over one character of a unit: a top-level claim and three
#: levels of nesting. A deeper draft is left out and counted (``attrs["nesting_capped"]`` of
#: :func:`narrative.claims.extract_claims`, and a warning)
MAX_NESTING = 4



@dataclass(slots=True)
class Draft:
    """One attribution before it is finished: its unit (the index into the view's units where it is
    reported), its content pieces (one row each; a discontinuous content has several) and, unless it
    ``continues`` the previous attributed claim, its speaker and cue spans (``-1`` when none).
    ``parent`` indexes the draft (in the same :class:`Drafts`) whose content it is nested in."""

    unit: int
    pieces: list[tuple[int, int]]
    speaker: tuple[int, int] = (-1, -1)
    cue: tuple[int, int] = (-1, -1)
    cue_text: str = ""
    stance: Stance = "neutral"
    parent: int | None = None
    continues: bool = False
    quote_type: QuoteType | None = None  # None: from the document's quotations


@dataclass
class Drafts:
    """An extractor's drafts for one document, and the units they cover (default: their own
    units): a unit no draft covers becomes a self claim."""

    items: list[Draft]
    covered: set[int] | None = None
    #: drafts left out by the nesting bound (set by :func:`bound_nesting`)
    capped: int = 0
    _bounded: bool = field(default=False, repr=False)

    def covered_units(self) -> set[int]:
        return self.covered if self.covered is not None else {d.unit for d in self.items}


def bound_nesting(drafts: Drafts, units: list[tuple[int, int]]) -> Drafts:
    """Leave out each draft whose content would lie under :data:`MAX_NESTING` kept contents of its
    unit, or that would be nested :data:`MAX_NESTING` levels deep (in draft order, so the outer
    claims stay), re-pointing ``parent`` to the nearest kept ancestor. Linear in the kept contents'
    length: a character is covered at most ``MAX_NESTING`` times. Idempotent."""
    if drafts._bounded:
        return drafts
    cover: dict[int, np.ndarray] = {}
    per_unit: dict[int, list[Draft]] = {}  # unit -> its kept drafts
    kept: list[Draft] = []
    new_index: dict[int, int] = {}
    parent_of: dict[int, int | None] = {}
    capped = 0
    depth: dict[int, int] = {}  # kept draft -> its nesting level (0: top)
    for k, d in enumerate(drafts.items):
        parent_of[k] = d.parent
        p = d.parent
        while p is not None and p not in new_index:
            p = parent_of[p]
        level = 0 if p is None else depth[p] + 1
        if level >= MAX_NESTING:
            capped += 1
            continue
        same_unit = per_unit.setdefault(d.unit, [])
        if same_unit and not d.continues:  # the first draft of a unit is always kept
            ua, ub = units[d.unit]
            arr = cover.get(d.unit)
            if arr is None:
                arr = cover[d.unit] = np.zeros(ub - ua, dtype=np.uint8)
                for earlier in same_unit:
                    _add(arr, earlier.pieces, ua, ub)
            if any(b > a and arr[max(a, ua) - ua:max(min(b, ub), ua) - ua].max(initial=0) >= MAX_NESTING
                   for a, b in d.pieces):
                capped += 1
                continue
            _add(arr, d.pieces, ua, ub)
        elif d.unit in cover:
            _add(cover[d.unit], d.pieces, *units[d.unit])
        new_index[k] = len(kept)
        depth[k] = level
        kept.append(d)
        same_unit.append(d)
    if capped:  # parents as indices into the kept drafts (new records: the input is not changed)
        for k, i in new_index.items():
            p = parent_of[k]
            while p is not None and p not in new_index:
                p = parent_of[p]
            kept[i] = replace(kept[i], parent=None if p is None else new_index[p])
    return Drafts(kept, drafts.covered, drafts.capped + capped, True)


def _add(arr: np.ndarray, pieces: list[tuple[int, int]], ua: int, ub: int) -> None:
    for a, b in pieces:
        a, b = max(a, ua), min(b, ub)
        if b > a:
            arr[a - ua:b - ua] += 1


def finish(view: "DocumentView", drafts: Drafts) -> Iterator[Claim]:
    """The claims of one document in text order: ``drafts`` (bounded, resolved, numbered) and a self
    claim for every unit they do not cover. ``drafts.capped`` counts what the bound left out."""
    drafts = bound_nesting(drafts, view.units)
    text, doc_id, quotes = view.text, view.doc_id, view.quotes
    hedges_of = view.hedges
    by_unit: dict[int, list[int]] = {}
    for k, d in enumerate(drafts.items):
        by_unit.setdefault(d.unit, []).append(k)
    covered = drafts.covered_units()
    ids: list[str] = [""] * len(drafts.items)
    turns = view.turns
    resolver = view.resolver if drafts.items or any(turns) else None
    number = 0
    last: Claim | None = None
    voice: dict[int, tuple[str, str, str]] = {}  # a turn's start -> (actor, side, side_source)
    for u, (ua, ub) in enumerate(view.units):
        hedges = hedges_of(u)
        turn = turns[u]
        if turn is not None and turn.start not in voice:  # resolved where the marker is, in text order
            voice[turn.start] = _turn_voice(resolver, text, turn, (ua, ub))
        for k in by_unit.get(u, ()):
            d = drafts.items[k]
            if d.continues and last is not None:
                for a, b in d.pieces:
                    if b <= a or text[a:b].isspace():
                        continue
                    last = Claim(**{**last.__dict__, "claim_id": f"{doc_id}:{number}", "content": text[a:b],
                                    "content_start": a, "content_end": b, "quote_type": d.quote_type or "direct",
                                    "hedges": hedges})
                    resolver.said(a, b)
                    ids[k] = last.claim_id
                    number += 1
                    yield last
                continue
            pieces = [(a, b) for a, b in d.pieces if not text[a:b].isspace() and b > a]
            if not pieces:  # nothing to report (an extractor may leave a draft empty): never a claim without content
                continue
            sa, sb = d.speaker
            speaker = text[sa:sb] if sa >= 0 else ""
            whole = (pieces[0][0], pieces[-1][1])
            actor, side, side_source = resolver.decide(speaker, sa, whole) if speaker else (speaker, UNKNOWN_SIDE,
                                                                                             "unknown")
            if turn is not None and side_source == "publisher" and voice[turn.start][1] != view.own_side:
                actor, side, side_source = voice[turn.start][0], voice[turn.start][1], "coreference"  # another's "I"
            parent = ids[d.parent] if d.parent is not None else ""
            for a, b in pieces:
                claim = Claim(doc_id=doc_id, claim_id=f"{doc_id}:{number}", parent_claim_id=parent,
                              speaker=speaker, speaker_start=sa, speaker_end=sb, actor=actor, side=side,
                              cue=d.cue_text, cue_start=d.cue[0], cue_end=d.cue[1], cue_stance=d.stance,
                              content=text[a:b], content_start=a, content_end=b,
                              quote_type=d.quote_type or quotes.quote_type(a, b), hedges=hedges,
                              side_source=side_source, publisher_side=view.own_side)
                if not ids[k]:
                    ids[k] = claim.claim_id
                number += 1
                last = claim
                yield claim
        if u not in covered:
            raw = text[ua:ub]
            lead = len(raw) - len(raw.lstrip())
            if turn is None:
                speaker, (sa, sb) = "", (-1, -1)
                actor, side, side_source = view.own_actor, view.own_side, "publisher"
            else:  # a transcript turn's: its speaker's self claim
                speaker, (sa, sb) = text[turn.start:turn.end], (turn.start, turn.end)
                actor, side, side_source = voice[turn.start]
            yield Claim(doc_id=doc_id, claim_id=f"{doc_id}:{number}", parent_claim_id="", speaker=speaker,
                        speaker_start=sa, speaker_end=sb, actor=actor, side=side, cue="",
                        cue_start=-1, cue_end=-1, cue_stance="neutral", content=raw.strip(),
                        content_start=ua + lead, content_end=ua + len(raw.rstrip()), quote_type="self",
                        hedges=hedges, side_source=side_source, publisher_side=view.own_side)
            number += 1
    view.capped += drafts.capped


def _turn_voice(resolver, text: str, turn, unit: tuple[int, int]) -> tuple[str, str, str]:
    """``(actor, side, side_source)`` of a transcript turn's speaker: a role word ("Question",
    "Journalist") is a journalist's or moderator's (``other``, ``role``); a name is resolved by the
    document's resolver like any speaker (the publisher's own leader keeps the publisher's side)."""
    speaker = text[turn.start:turn.end]
    if turn.role:
        return speaker, OTHER_SIDE, "role"
    return resolver.decide(speaker, turn.start, unit)


def unit_of(units: list[tuple[int, int]], offset: int) -> int:
    """The index of the unit holding ``offset`` (the last starting at or before it)."""
    return bisect_right([a for a, _b in units], offset) - 1
