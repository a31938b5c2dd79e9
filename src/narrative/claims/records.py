"""The records the extractors build: a :class:`Candidate` while a unit is read, a :class:`Claim` out."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from .cues import Stance

#: how a claim's content relates to the document's quotations (``self``: the document's own voice)
QuoteType = Literal["direct", "mixed", "indirect", "self", "act"]


@dataclass
class Claim:
    """One row of :data:`narrative.schema.CLAIMS` (same fields, same order)."""

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
    cue_stance: "Stance"
    content: str
    content_start: int
    content_end: int
    quote_type: QuoteType
    hedges: list[str] = field(default_factory=list)
    side_source: str = ""  # how the side was decided: one of narrative.schema.SIDE_SOURCES
    publisher_side: str = ""  # the side of the document's own voice (narrative.schema.CLAIMS)


@dataclass(slots=True)
class Candidate:
    """An attribution found in one unit, before nesting and resolution.

    Token indices (``cue_first``..``cue_last``, ``source_first``..``source_last``) index the
    unit's :class:`narrative.claims.tokens.Toks`; ``content_start``/``content_end`` are character
    offsets into the document (the content may still be trimmed).
    """

    cue_first: int
    cue_last: int
    stance: "Stance"
    source_first: int
    source_last: int
    content_start: int
    content_end: int
    cue_text: str
    #: an object-only speech act ("condemned the strike", :mod:`.acts`): quote type ``act`` unless quoted
    act: bool = False
