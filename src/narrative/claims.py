"""Who claims what: attribution relations (source, cue, content) per document.

``extract_claims(documents, actors)`` returns one row per claim with the
columns of :data:`narrative.schema.CLAIMS`; every offset indexes the
document's original text. Sentences that attribute nothing are claims of the
document's own voice (quote_type ``self``): the publisher for press releases
(``actors.publisher(source)``), else the journalist (side ``journalist``).
"""
from __future__ import annotations

from dataclasses import astuple, dataclass, field
from typing import Iterator

import pandas as pd

from .actors import Actors, load_actors
from .schema import CLAIMS, OTHER_SIDE
from .segment import split_sentences

JOURNALIST = "journalist"


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


def iter_claims(doc_id: str, text: str, source: str, actors: Actors) -> Iterator[Claim]:
    """Yield the claims of one document in text order."""
    publisher = actors.publisher(source)
    actor, side = (publisher.name, publisher.side) if publisher else ("(author)", JOURNALIST)
    for number, (start, end) in enumerate(split_sentences(text)):
        yield Claim(doc_id, f"{doc_id}:{number}", "", "", -1, -1, actor, side, "", -1, -1, "neutral",
                    text[start:end], start, end, "self", [])


def extract_claims(documents: pd.DataFrame, actors: Actors | None = None) -> pd.DataFrame:
    """One row per claim (:data:`narrative.schema.CLAIMS`) for a documents table."""
    actors = actors or load_actors()
    rows = []
    for doc_id, text, source in zip(documents["doc_id"], documents["text"], documents["source"]):
        rows.extend(astuple(c) for c in iter_claims(doc_id, text, source, actors))
    return pd.DataFrame(rows, columns=list(CLAIMS))
