"""The duplicate pass before streaming: which documents of a corpus copy another one (exact or near).

The documents' MinHash signatures are pure functions of their texts, so with ``jobs > 1`` they are computed
chunk by chunk on worker processes (:func:`signed_chunk`) and added to one index in reading order
(:class:`narrative.dedup.DuplicateIndex`): the same index, so the same duplicates, as one process gives.
"""
from __future__ import annotations

from ..corpus import Columns, RawChunk, UniqueIds, parse_chunk, raw_chunks
from .stream import CHUNK_DOCS, map_chunks


def duplicate_ids(paths, columns: Columns | None = None, *, jobs: int = 1, chunk_docs: int | None = None) -> frozenset:
    """The ids of the documents that duplicate another one of the corpus (exact or near, see
    :func:`narrative.dedup.find_duplicates`; the kept one of each group is left out of the set).

    With ``jobs > 1`` the documents' signatures are computed chunk by chunk on a local pool of ``jobs``
    worker processes (:func:`signed_chunk`) and added to the index here in reading order: the same index,
    so the same set, as one process gives."""
    from ..corpus import iter_chunks
    from ..dedup import DuplicateIndex, duplicate_ids as ids_of_duplicates

    if jobs <= 1:
        return ids_of_duplicates(iter_chunks(paths, columns=columns))
    from functools import partial

    index, unique = DuplicateIndex(), UniqueIds()
    try:
        for _raw, (read_ids, dates, signed) in map_chunks(partial(signed_chunk, columns=columns),
                                                          raw_chunks(paths, chunk_docs=chunk_docs or CHUNK_DOCS["local"]),
                                                          jobs=jobs):
            for doc_id, date, (key, sig) in zip(unique(read_ids), dates, signed):
                index.add_signed(doc_id, key, sig, date)
        return index.duplicate_ids()
    finally:
        index.close()


def signed_chunk(raw: RawChunk, columns: Columns | None = None) -> tuple[list[str], list[str], list[tuple]]:
    """A raw chunk's documents as ``(ids as read, dates, document signatures)``
    (:func:`narrative.dedup.document_signature`), for :func:`duplicate_ids` on worker processes."""
    from ..dedup import document_signature

    docs = parse_chunk(raw, columns)
    dates = docs["date"] if "date" in docs.columns else [""] * len(docs)
    return (docs["doc_id"].tolist(), [str(d or "") for d in dates],
            [document_signature(str(text)) for text in docs["text"]])
