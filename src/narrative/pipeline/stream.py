"""Streaming: a corpus in chunks, stage functions per chunk, counts that merge by addition.

Memory grows with the vocabulary and the number of documents' aggregates,
not with the text: each chunk's documents, claims and scores are written
out and dropped. The reading process only cuts the files into raw chunks
(lines, raw tables); :func:`process_raw` parses each and runs
:func:`process_chunk` on it, the same functions on every backend:

* ``local`` with ``jobs=1``: in this process;
* ``local`` with ``jobs>1``: a pool of worker processes (both cores by default);
* ``dask``: a ``distributed`` cluster: ``scheduler="tcp://host:8786"`` for a
  running one, or none to start a ``LocalCluster`` with ``jobs`` workers.

Results come back in input order on every backend, so outputs are
byte-identical across backends and job counts.

Examples
--------
>>> from narrative.pipeline.stream import run_stream
>>> result = run_stream(["data/raw/press-releases"], stages=("claims", "counts"), jobs=2)  # doctest: +SKIP
>>> result.counts["kremlin"].head()                                                         # doctest: +SKIP
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterator, Sequence

import numpy as np
import pandas as pd

from ..corpus import Columns, RawChunk, UniqueIds, parse_chunk, raw_chunks
from ..errors import InputError, ParameterError

STAGES = ("claims", "frames", "counts")  # and "evidence" (with frames), "scores" (frame scores alone: no sums)
BACKENDS = ("local", "dask")
#: default documents per chunk, per backend
CHUNK_DOCS = {"local": 2000, "dask": 5000}


# -- the stage function -----------------------------------------------------
@lru_cache(maxsize=4)
def _actors(path: str | None):
    from ..speakers.actors import load_actors

    return load_actors(path)


@lru_cache(maxsize=4)
def _lexicon(path: str | None):
    from ..lexicons import load_lexicon

    return load_lexicon(path)


@dataclass
class ChunkResult:
    claims: pd.DataFrame | None = None
    scores: pd.DataFrame | None = None
    counts: dict[str, pd.Series] = field(default_factory=dict)
    doc_sums: pd.DataFrame | None = None
    stance_sums: pd.DataFrame | None = None  # reporter's stance: per group and document (compare.stance_sums)
    evidence: pd.DataFrame | None = None
    words: int = 0
    n_claims: int = 0
    boilerplate: int = 0  # boilerplate lines and sentences left out of the claims
    doc_ids: list[str] = field(default_factory=list)  # the chunk's documents, in order
    read_ids: list[str] = field(default_factory=list)  # their ids as read, before de-duplication
    dropped: int = 0  # documents of the chunk left out as duplicates of others


#: ``--by outlet`` is the documents' ``source`` column (the outlet or publisher)
BY_ALIASES = {"outlet": "source", "publisher": "source"}


def group_column(table: pd.DataFrame, docs: pd.DataFrame, by: str) -> pd.DataFrame:
    """``table`` with the grouping column ``by``: its own column, else the document's (``source``,
    ``date``, ``title``; ``outlet`` is ``source``) joined by ``doc_id``."""
    name = BY_ALIASES.get(by, by)
    if by in table.columns:
        return table
    if name in table.columns:
        return table.assign(**{by: table[name]})
    if name in docs.columns:
        return table.assign(**{by: table["doc_id"].map(dict(zip(docs["doc_id"], docs[name].astype(str))))})
    raise ParameterError("--by", f"no column {by!r} in the claims or the documents (claims: speaker, actor, "
                                 "side, cue, quote_type, ...; documents: source or outlet, date, title)")


def process_chunk(docs: pd.DataFrame, stages: Sequence[str] = STAGES, *, actors: str | None = None,
                  lexicon: str | None = None, method: str = "rules", profile: str = "speech", level: str = "claim",
                  sentiment: bool = True, keep: Sequence[str] = ("claims", "scores"), by: str = "side",
                  words: bool = True) -> ChunkResult:
    """Run the requested stages on one documents chunk (pure: same input, same output).

    ``keep`` names the row tables to send back (``claims``, ``scores``); the
    rest are summarised (counts, per-document sums, the reporter's stance) and dropped on the
    worker. ``by`` is the column counts and sums are grouped by (:func:`group_column`). ``words``: count the
    documents' words (:attr:`ChunkResult.words`; 0 when False: a pass over every document's text that only
    a progress bar or a words/s figure reads).
    """
    from ..claims import extract_claims
    from ..analyzer import count_words

    if "frames" in stages or "counts" in stages:  # scikit-learn and SciPy load only when needed (~1 s)
        from ..compare.frames import doc_sums
        from ..compare.words import term_counts
        from ..features import evidence, frame_scores

    result = ChunkResult(words=sum(map(count_words, docs["text"])) if words else 0)
    cast = _actors(actors)
    table, text_col = docs.assign(claim_id=""), "text"
    if "claims" in stages or level == "claim":
        result.claims = extract_claims(docs, cast, method=method, profile=profile)
        if level == "claim":
            table, text_col = result.claims, "content"
    if by != "side" and ("frames" in stages or "counts" in stages):
        table = group_column(table, docs, by)
    if "stance" in stages and result.claims is not None:
        from ..compare.stance import stance_sums

        claims = table if level == "claim" and by in table.columns else group_column(result.claims, docs, by)
        result.stance_sums = stance_sums(claims, by=by)
    if "scores" in stages and "frames" not in stages:  # the rows of frame_scores only (the suite's notebook 01)
        from ..features import frame_scores, scores_and_evidence

        if "evidence" in stages:  # one lexicon pass for both
            offset = "content_start" if level == "claim" else None
            result.scores, result.evidence = scores_and_evidence(table, text_column=text_col, lexicon=_lexicon(lexicon),
                                                                 sentiment=sentiment, offset_column=offset)
        else:
            result.scores = frame_scores(table, text_column=text_col, lexicon=_lexicon(lexicon), sentiment=sentiment)
    if "frames" in stages:
        id_columns = ("doc_id", "claim_id", "side") if level == "claim" else ("doc_id", "side")
        if by not in id_columns:
            id_columns += (by,)
        lex = _lexicon(lexicon)
        result.scores = frame_scores(table, text_column=text_col, lexicon=lex, keep=id_columns, sentiment=sentiment)
        result.doc_sums = doc_sums(result.scores, list(lex.categories), by=by)
        if "evidence" in stages:
            offset = "content_start" if level == "claim" else None
            result.evidence = evidence(table, text_column=text_col, lexicon=lex, offset_column=offset)
    if "counts" in stages:
        for side, part in table.groupby(by, sort=True):
            result.counts[str(side)] = term_counts(part[text_col])
    result.n_claims = 0 if result.claims is None else len(result.claims)
    result.boilerplate = 0 if result.claims is None else int(result.claims.attrs.get("boilerplate_skipped", 0))
    result.doc_ids = docs["doc_id"].tolist()
    if "claims" not in stages or "claims" not in keep:
        result.claims = None
    if "scores" not in keep:
        result.scores = None
    return result


def process_raw(raw: RawChunk, doc_ids: list[str] | None = None, *, columns: Columns | None = None,
                sides: dict[str, str] | None = None, drop: frozenset = frozenset(), **options) -> ChunkResult:
    """Parse a raw chunk and run :func:`process_chunk` on it, where the chunk is processed (so a
    worker, not the process reading the corpus, pays for JSON decoding and column mapping).

    Ids repeated within the chunk get the reader's ``-n`` suffixes; ``doc_ids`` replaces them with
    the corpus-wide unique ids when an id was already seen in an earlier chunk (see :func:`run_stream`).
    """
    docs = parse_chunk(raw, columns, sides)
    read_ids = docs["doc_id"].tolist()
    docs["doc_id"] = doc_ids if doc_ids is not None else UniqueIds()(read_ids)
    assigned = docs["doc_id"].tolist()
    if drop:  # duplicates of documents kept elsewhere in the corpus (see pipeline.duplicates.duplicate_ids)
        docs = docs[~docs["doc_id"].isin(drop).to_numpy()].reset_index(drop=True)
    result = process_chunk(docs, **options) if len(docs) else ChunkResult()
    # every document of the chunk, left out or not: the reader's id bookkeeping must see them all
    result.read_ids, result.doc_ids = read_ids, assigned
    result.dropped = len(assigned) - len(docs)
    return result


# -- backends ----------------------------------------------------------------
def _ordered(submit: Callable, gather: Callable, chunks: Iterator, in_flight: int) -> Iterator[tuple]:
    """Submit chunks with at most ``in_flight`` pending; yield ``(chunk, result)`` in submission order."""
    pending: deque = deque()
    for chunk in chunks:
        pending.append((chunk, submit(chunk)))
        if len(pending) >= in_flight:
            chunk, future = pending.popleft()
            yield chunk, gather(future)
    while pending:
        chunk, future = pending.popleft()
        yield chunk, gather(future)


def map_chunks(fn: Callable, chunks: Iterator, *, backend: str = "local", jobs: int = 2,
               scheduler: str | None = None) -> Iterator[tuple]:
    """``(chunk, fn(chunk))`` for each chunk on the chosen backend, in order, bounded memory."""
    if backend not in BACKENDS:
        raise InputError("--backend", None, f"unknown backend {backend!r}; choose from {', '.join(BACKENDS)}")
    if backend == "local" and jobs <= 1:
        for chunk in chunks:
            yield chunk, fn(chunk)
        return
    if backend == "local":
        from ..infra.parallel import process_pool

        with process_pool(jobs) as pool:
            yield from _ordered(lambda c: pool.submit(fn, c), lambda f: f.result(), chunks, 2 * jobs)
        return
    import dask
    from distributed import Client, LocalCluster

    cluster = None
    if not scheduler:
        # no dashboard here, so no statistical profiler in the workers and a slower system monitor:
        # measured on an idle 2-worker cluster: 3.2 -> 1.8 CPU-s per worker-minute, 3.9 -> 2.7 in this process
        with dask.config.set({"distributed.worker.profile.enabled": False,
                              "distributed.admin.system-monitor.interval": "2s"}):
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None)
    client = Client(scheduler or cluster)
    try:
        workers = max(1, len(client.scheduler_info()["workers"]))
        yield from _ordered(lambda c: client.submit(fn, c, pure=False), lambda f: f.result(), chunks, 2 * workers)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


@dataclass
class StreamResult:
    documents: int = 0
    words: int = 0
    claims: int = 0
    boilerplate: int = 0
    counts: dict[str, pd.Series] = field(default_factory=dict)
    doc_sums: list[pd.DataFrame] = field(default_factory=list)
    stance_sums: list[pd.DataFrame] = field(default_factory=list)

    def merged_doc_sums(self) -> pd.DataFrame:
        return pd.concat(self.doc_sums, ignore_index=True) if self.doc_sums else pd.DataFrame()

    def merged_stance_sums(self) -> pd.DataFrame:
        return pd.concat(self.stance_sums, ignore_index=True) if self.stance_sums else pd.DataFrame()


#: rows converted to text at a time when a table is written
_WRITE_ROWS = 20_000


class _Appender:
    """Write DataFrame chunks to one CSV/JSONL file, header once, committed at the end
    (:class:`narrative.infra.files.AtomicFile`: renamed into place, or written through to a device)."""

    def __init__(self, path: Path | None, fmt: str, *, stdout: bool = False):
        import sys

        from ..infra.files import AtomicFile

        self.fmt, self.header, self.file, self.parquet = fmt, True, None, None
        self.empty: pd.DataFrame | None = None  # parquet: an empty first chunk, kept until a chunk has rows
        if fmt == "parquet" and path is None and stdout:
            from ..errors import OutputError

            raise OutputError("-", "parquet needs an output file (-o NAME.parquet); standard output takes csv or jsonl")
        if path is not None:
            self.file = AtomicFile(path, binary=fmt == "parquet")
            self.write_text = self.file.write
        elif stdout:
            self.write_text = sys.stdout.write
        else:
            self.write_text = None

    def write(self, frame: pd.DataFrame) -> None:
        from ..infra.tables import csv_text

        if self.write_text is None or frame is None:
            return
        if self.fmt == "parquet":  # one row group per chunk, the first chunk's schema for all
            import pyarrow as pa
            import pyarrow.parquet as pq

            if self.parquet is None and len(frame) == 0:  # no rows, no column types: the schema waits for rows
                self.empty = frame
                return
            if self.parquet is None:
                table = pa.Table.from_pandas(frame, preserve_index=False)
                self.parquet = pq.ParquetWriter(self.file.handle, table.schema)
            else:
                table = pa.Table.from_pandas(frame, schema=self.parquet.schema, preserve_index=False)
            self.parquet.write_table(table)
            return
        for a in range(0, max(len(frame), 1), _WRITE_ROWS):  # slices: no whole-table string in memory
            part = frame.iloc[a:a + _WRITE_ROWS]
            if self.fmt == "csv":
                self.write_text(csv_text(part, header=self.header))
            else:
                text = part.to_json(orient="records", lines=True, force_ascii=False)
                self.write_text(text if text.endswith("\n") or not text else text + "\n")
            self.header = False

    def close(self, ok: bool) -> None:
        if ok and self.parquet is None and self.empty is not None and self.file is not None:
            import pyarrow as pa  # only empty chunks: a file of their columns
            import pyarrow.parquet as pq

            table = pa.Table.from_pandas(self.empty, preserve_index=False)
            self.parquet = pq.ParquetWriter(self.file.handle, table.schema)
            self.parquet.write_table(table)
        if self.parquet is not None:
            self.parquet.close()
        if self.file is not None:
            self.file.commit() if ok else self.file.abort()


def run_stream(paths, *, stages: Sequence[str] = STAGES, backend: str = "local", jobs: int = 2,
               scheduler: str | None = None, chunk_docs: int | None = None, columns: Columns | None = None,
               actors: str | None = None, lexicon: str | None = None, method: str = "rules",
               profile: str = "speech", level: str = "claim", claims_out: Path | None = None, scores_out: Path | None = None,
               fmt: str = "csv", sentiment: bool = True, progress: Callable[[StreamResult], None] | None = None,
               evidence_out: Path | None = None, stdout: str | None = None,
               drop_ids: frozenset = frozenset(), by: str = "side", scores_fmt: str | None = None,
               words: bool = True) -> StreamResult:
    """Stream a corpus through the stages; write claims/scores as they come; merge counts.

    ``stdout="claims"`` or ``"scores"`` writes that table to standard output when no file is given;
    ``scores_fmt``: the scores' and the evidence's format when it is not ``fmt`` (the evidence's default: csv),
    e.g. ``parquet`` (full-precision floats). ``words=False`` leaves :attr:`StreamResult.words` at 0 (no pass
    over the text to count them: ``narrative claims`` without a progress bar, notebook 01).
    ``chunk_docs`` defaults to :data:`CHUNK_DOCS` for the backend (Dask's per-task overhead favours
    larger chunks: 5,000 documents scaled better from 1 to 2 workers than 2,000 in our measurements).
    """
    chunk_docs = chunk_docs or CHUNK_DOCS[backend if backend in CHUNK_DOCS else "local"]
    from functools import partial

    # the actors the chunks are extracted with (one read: in this process with jobs=1, and the local pool's
    # forked workers inherit it)
    sides = _actors(actors).source_sides()
    keep = tuple(name for name, out in (("claims", claims_out), ("scores", scores_out))
                 if out is not None or stdout == name)
    fn = partial(process_raw, columns=columns, sides=sides, drop=frozenset(drop_ids), stages=tuple(stages),
                 actors=actors, lexicon=lexicon,
                 method=method, profile=profile, level=level, sentiment=sentiment, keep=keep, by=by, words=words)
    result = StreamResult()
    pending: dict[str, list[pd.Series]] = {}  # per side: chunk counts not yet summed
    unique = UniqueIds()
    ok = False
    files: list[_Appender] = []
    try:
        claims_file = _Appender(claims_out, fmt, stdout=stdout == "claims")
        files.append(claims_file)
        scores_file = _Appender(scores_out, scores_fmt or fmt, stdout=stdout == "scores")
        files.append(scores_file)
        evidence_file = _Appender(evidence_out, scores_fmt or "csv")
        files.append(evidence_file)
        chunks = raw_chunks(paths, chunk_docs=chunk_docs)
        for raw, part in map_chunks(fn, chunks, backend=backend, jobs=jobs, scheduler=scheduler):
            doc_ids = unique(part.read_ids)
            if doc_ids != part.doc_ids:  # an id seen in an earlier chunk (rare): redo this chunk, here
                part = fn(raw, doc_ids)
            result.documents += len(doc_ids) - part.dropped
            result.words += part.words
            result.claims += part.n_claims
            result.boilerplate += part.boilerplate
            if part.claims is not None:
                claims_file.write(part.claims)
            if part.scores is not None:
                scores_file.write(part.scores)
            if part.doc_sums is not None:
                result.doc_sums.append(part.doc_sums)
            if part.stance_sums is not None:
                result.stance_sums.append(part.stance_sums)
            if part.evidence is not None:
                evidence_file.write(part.evidence)
            for side, counts in part.counts.items():
                pending.setdefault(side, []).append(counts)
                if len(pending[side]) >= _MERGE_EVERY:
                    pending[side] = [_summed(pending[side])]
            if progress:
                progress(result)
        result.counts = {side: _summed(parts) for side, parts in sorted(pending.items())}
        if result.documents == 0:
            shown = ", ".join(str(p) for p in ([paths] if isinstance(paths, (str, Path)) else paths))
            raise InputError(shown, None, "empty corpus: no documents with text")
        ok = True
    finally:
        for file in files:
            file.close(ok)
    return result


#: chunk counts summed in one step every this many chunks (one aligned add per chunk cost the client
#: ~3 CPU-s on 200k documents; memory stays bounded by this many vocabularies per side)
_MERGE_EVERY = 32


def _summed(parts: list[pd.Series]) -> pd.Series:
    """Term counts added up, sorted by term (what ``a.add(b, fill_value=0)`` chains give, in one step)."""
    if len(parts) == 1:
        return parts[0]
    joined = pd.concat(parts)
    codes, terms = pd.factorize(joined.index, sort=True)
    totals = np.zeros(len(terms), dtype="int64")
    np.add.at(totals, codes, joined.to_numpy(dtype="int64"))  # exact integer sums (no float weights)
    return pd.Series(totals, index=terms)

