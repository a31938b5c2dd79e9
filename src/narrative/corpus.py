"""Read a corpus into one validated ``documents`` DataFrame.

Supported inputs: CSV, JSONL, Parquet, a single ``.txt`` file, or a directory
holding any of these (read in sorted path order, hidden files skipped).
The result has exactly the columns of :data:`narrative.schema.DOCUMENTS`::

    doc_id  stable id: the id column if there is one, a .txt file's stem, or
            ``<file stem>-<first 10 hex of sha1(text)>`` so ids survive reordering
    source  the ``source`` column, else the file stem (``putin`` for putin.csv)
    side    the ``side`` column, else ``sides[source]``, else ``"other"``
    date    as written in the file (ISO 8601 recommended), "" when absent
    title   the title/headline column, a .txt file's stem, or ""
    text    the text exactly as read (offsets everywhere index this string)

Every problem with an input file raises :class:`narrative.errors.InputError`
naming the file, the line/row and the problem. Input files are only read.

Examples
--------
>>> from narrative.corpus import load_corpus
>>> docs = load_corpus(["data/raw/press-releases"])           # doctest: +SKIP
>>> docs.columns.tolist()                                     # doctest: +SKIP
['doc_id', 'source', 'side', 'date', 'title', 'text']
"""
from __future__ import annotations

import hashlib
import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Mapping, Sequence

import pandas as pd

from .errors import InputError
from .schema import DOCUMENTS, OTHER_SIDE

log = logging.getLogger(__name__)

#: chunk size that reads each file in one piece (``load_corpus``)
WHOLE_FILE = 1 << 40

SUFFIXES = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet", ".txt": "txt"}
BINARY_PROBE = 8192


@dataclass(frozen=True)
class Columns:
    """Which input column feeds each documents column.

    ``None`` means: take the first candidate present (see ``CANDIDATES``).
    A name given explicitly must exist, else the file is rejected.
    """

    text: str | None = None
    title: str | None = None
    date: str | None = None
    side: str | None = None
    source: str | None = None
    id: str | None = None


CANDIDATES = {
    "text": ("text", "body", "content"),
    "title": ("title", "headline"),
    "date": ("date", "published", "published_at", "datetime"),
    "side": ("side",),
    "source": ("source",),
    "id": ("doc_id", "id"),
}


def load_corpus(
    paths: Sequence[str | Path] | str | Path,
    *,
    columns: Columns | None = None,
    sides: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Load one or more corpus paths into a documents DataFrame.

    Parameters
    ----------
    paths : path or list of paths
        Files (csv, jsonl, parquet, txt) or directories of them.
    columns : Columns, optional
        Column mapping, e.g. ``Columns(text="body")``.
    sides : mapping, optional
        ``source -> side`` for files without a side column, e.g.
        ``{"putin": "kremlin", "zelenskyy": "ukraine"}``.

    Raises
    ------
    InputError
        Missing file or column, malformed CSV/JSON, non-UTF-8 or binary
        content, or an empty corpus.
    """
    chunks = list(iter_chunks(paths, chunk_docs=WHOLE_FILE, columns=columns, sides=sides))
    if not chunks:
        shown = ", ".join(str(p) for p in _as_list(paths))
        raise InputError(shown, None, "empty corpus: no documents with text")
    return pd.concat(chunks, ignore_index=True)


def input_files(paths: Sequence[str | Path] | str | Path) -> list[Path]:
    """The files :func:`load_corpus` would read, in reading order."""
    return list(_expand(paths))


def _as_list(paths) -> list[Path]:
    if isinstance(paths, (str, Path)):
        return [Path(paths)]
    return [Path(p) for p in paths]


def _expand(paths) -> Iterator[Path]:
    for path in _as_list(paths):
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                raise InputError(str(path), None, "directory holds no .csv, .jsonl, .parquet or .txt files")
            yield from found
        elif path.is_file():
            if path.suffix.lower() not in SUFFIXES:
                raise InputError(str(path), None, f"unsupported file type {path.suffix!r} (use csv, jsonl, parquet or txt)")
            yield path
        else:
            raise InputError(str(path), None, "no such file or directory")


def check_text_file(path: Path, block: int = 1 << 22) -> None:
    """Raise InputError unless ``path`` is UTF-8 text without NUL bytes; reads in blocks (constant memory)."""
    import codecs

    decoder = codecs.getincrementaldecoder("utf-8")()
    lines, offset = 1, 0
    with path.open("rb") as handle:
        first = True
        for data in iter(lambda: handle.read(block), b""):
            if first and b"\x00" in data[:BINARY_PROBE]:
                raise InputError(str(path), None, "binary file (NUL bytes), not UTF-8 text")
            first = False
            nul = data.find(b"\x00")
            if nul >= 0:  # text never holds NUL: a corrupt or partly binary file
                raise InputError(str(path), lines + data.count(b"\n", 0, nul),
                                 f"NUL byte at offset {offset + nul} (binary data in a text file)", "line")
            try:
                decoder.decode(data)
            except UnicodeDecodeError as exc:
                # exc.start indexes decoder-buffered bytes + this block; locate it in this block
                pending = len(exc.object) - len(data)
                at = max(0, exc.start - pending)
                line = lines + data.count(b"\n", 0, at)
                raise InputError(str(path), line, f"not valid UTF-8 (byte 0x{exc.object[exc.start]:02x} at offset "
                                 f"{offset + at})", "line") from None
            lines += data.count(b"\n")
            offset += len(data)
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            raise InputError(str(path), lines, "not valid UTF-8 (truncated character at the end)", "line") from None


def _read_text(path: Path) -> str:
    check_text_file(path)
    return path.read_bytes().decode("utf-8-sig")


def csv_error(path: Path, exc: Exception) -> InputError:
    """A pandas CSV parser error as a one-line InputError naming the line."""
    match = re.search(r"line (\d+)", str(exc))
    line = int(match.group(1)) if match else None
    detail = str(exc).splitlines()[-1].strip()
    detail = re.sub(r"^Error tokenizing data\. C error: ", "", detail)
    detail = re.sub(r"^Expected (\d+) fields in line \d+, saw (\d+)", r"expected \1 fields, saw \2", detail)
    return InputError(str(path), line, f"malformed CSV: {detail}", "line")


def jsonl_record(path: Path, number: int, line: str) -> dict | None:
    """One JSON-lines record (with its line number in ``__row__``), None for a blank line."""
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(str(path), number, f"malformed JSON: {exc.msg} at column {exc.colno}", "line") from None
    if not isinstance(record, dict):
        raise InputError(str(path), number, f"expected a JSON object, got {type(record).__name__}", "line")
    record["__row__"] = number
    return record


def _pick(raw: pd.DataFrame, path: Path, role: str, given: str | None, required: bool) -> str | None:
    if given is not None:
        if given not in raw.columns:
            have = ", ".join(str(c) for c in raw.columns if c != "__row__")
            raise InputError(str(path), None, f"no column {given!r} for {role} (columns: {have})")
        return given
    for candidate in CANDIDATES[role]:
        if candidate in raw.columns:
            return candidate
    if required:
        have = ", ".join(str(c) for c in raw.columns if c != "__row__")
        wanted = ", ".join(CANDIDATES[role])
        raise InputError(str(path), None, f"no {role} column (looked for {wanted}; columns: {have}); name it with --{role}-column")
    return None


def _column_text(raw: pd.DataFrame, name: str | None, default: str = "") -> pd.Series:
    if name is None:
        return pd.Series([default] * len(raw), index=raw.index, dtype=object)
    return raw[name].map(lambda v: default if v is None or (isinstance(v, float) and pd.isna(v)) else str(v))


def _to_documents(raw: pd.DataFrame, path: Path, columns: Columns, sides: Mapping[str, str], first_row: int) -> pd.DataFrame:
    text_col = _pick(raw, path, "text", columns.text, required=True)
    rows = raw["__row__"] if "__row__" in raw.columns else pd.Series(range(first_row, first_row + len(raw)), index=raw.index)
    for position, value in zip(rows, raw[text_col]):
        if value is not None and not isinstance(value, (str, float)):
            raise InputError(str(path), int(position), f"text column {text_col!r} holds {type(value).__name__}, not text")
    text = _column_text(raw, text_col)
    source = _column_text(raw, _pick(raw, path, "source", columns.source, False), path.stem)
    source = source.where(source != "", path.stem)
    side_col = _pick(raw, path, "side", columns.side, False)
    side = _column_text(raw, side_col)
    side = side.where(side != "", source.map(lambda s: sides.get(s, OTHER_SIDE)))
    id_col = _pick(raw, path, "id", columns.id, False)
    if id_col is not None:
        doc_id = _column_text(raw, id_col)
    else:
        doc_id = text.map(lambda t: f"{path.stem}-{hashlib.sha1(t.encode('utf-8')).hexdigest()[:10]}")
    docs = pd.DataFrame({
        "doc_id": doc_id,
        "source": source,
        "side": side,
        "date": _column_text(raw, _pick(raw, path, "date", columns.date, False)),
        "title": _column_text(raw, _pick(raw, path, "title", columns.title, False)),
        "text": text,
    }, columns=list(DOCUMENTS))
    empty = docs["text"].str.strip() == ""
    if empty.any():
        log.warning("%s: skipped %d rows with empty text (first at row %d)", path, int(empty.sum()), int(rows[empty].iloc[0]))
        docs = docs[~empty]
    return docs.reset_index(drop=True)


# -- reading, whole or in chunks -------------------------------------------
@dataclass
class RawChunk:
    """A piece of one input file, read but not yet parsed into documents.

    The cheap half of reading (lines of a JSONL file; a CSV/Parquet reader's raw
    table) happens where the corpus is; :func:`parse_chunk`, the costly half
    (JSON decoding, column mapping, ids), can run in a worker process.
    """

    path: Path
    kind: str
    data: object  # jsonl: list of lines; otherwise a raw DataFrame
    first_row: int


class UniqueIds:
    """Makes doc ids unique across a corpus in reading order: the n-th repeat of ``x`` becomes ``x-n``."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def __call__(self, doc_ids) -> list[str]:
        out = []
        for doc_id in doc_ids:
            n = self.seen.get(doc_id, 0) + 1
            self.seen[doc_id] = n
            out.append(doc_id if n == 1 else f"{doc_id}-{n}")
        return out


def iter_chunks(paths, *, chunk_docs: int = 2000, columns: Columns | None = None,
                sides: Mapping[str, str] | None = None) -> Iterator[pd.DataFrame]:
    """Documents tables of at most ``chunk_docs`` rows, in reading order, with globally unique doc ids."""
    unique = UniqueIds()
    for raw in raw_chunks(paths, chunk_docs=chunk_docs):
        chunk = parse_chunk(raw, columns, sides)
        chunk["doc_id"] = unique(chunk["doc_id"])
        if len(chunk):
            yield chunk


def raw_chunks(paths, *, chunk_docs: int = 2000) -> Iterator[RawChunk]:
    """The files of ``paths`` in pieces of at most ``chunk_docs`` records, read but not parsed.

    Checks what needs the whole file (UTF-8, CSV structure, Parquet magic) and
    raises :class:`InputError` for it here.
    """
    for path in _expand(paths):
        try:
            yield from _file_chunks(path, chunk_docs)
        except OSError as exc:  # no permission, an I/O error: one line naming the file
            raise InputError(str(path), None, f"cannot read: {exc.strerror or exc}") from None


def parse_chunk(raw: RawChunk, columns: Columns | None = None, sides: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The documents of one raw chunk, with doc ids as read (:class:`UniqueIds` makes them unique)."""
    columns, sides = columns or Columns(), sides or {}
    if raw.kind == "txt":
        return _to_documents(raw.data, raw.path, Columns(text="text", title="title", id="doc_id"), sides, raw.first_row)
    if raw.kind == "jsonl":
        records = [r for number, line in enumerate(raw.data, start=raw.first_row)
                   if (r := jsonl_record(raw.path, number, line)) is not None]
        return _to_documents(pd.DataFrame.from_records(records), raw.path, columns, sides, first_row=1)
    return _to_documents(raw.data, raw.path, columns, sides, first_row=raw.first_row)


def _file_chunks(path: Path, size: int) -> Iterator[RawChunk]:
    kind = SUFFIXES[path.suffix.lower()]
    if kind == "txt":
        raw = pd.DataFrame({"doc_id": [path.stem], "title": [path.stem], "text": [_read_text(path)],
                            "source": [path.parent.name or path.stem]})
        yield RawChunk(path, kind, raw, 1)
    elif kind == "csv":
        check_text_file(path)
        try:
            reader = pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False, chunksize=size,
                                 encoding="utf-8-sig")
            row = 2
            for raw in reader:
                yield RawChunk(path, kind, raw, row)
                row += len(raw)
        except pd.errors.EmptyDataError:
            raise InputError(str(path), None, "empty CSV file (no header)") from None
        except pd.errors.ParserError as exc:
            raise csv_error(path, exc) from None
    elif kind == "jsonl":
        check_text_file(path)
        lines, records, first = [], 0, 1
        with path.open(encoding="utf-8-sig") as handle:
            for number, line in enumerate(handle, start=1):
                lines.append(line)
                records += not line.isspace()
                if records == size:
                    yield RawChunk(path, kind, lines, first)
                    lines, records, first = [], 0, number + 1
        if records:
            yield RawChunk(path, kind, lines, first)
    else:
        import pyarrow.parquet as pq

        with path.open("rb") as handle:
            if handle.read(4) != b"PAR1":
                raise InputError(str(path), None, "not a Parquet file (missing PAR1 magic bytes)")
        try:
            batches = pq.ParquetFile(path).iter_batches(batch_size=size)
        except Exception as exc:  # pyarrow raises several unrelated types
            raise InputError(str(path), None, f"unreadable Parquet file: {exc}") from None
        row = 1
        for batch in batches:
            raw = batch.to_pandas()
            yield RawChunk(path, kind, raw, row)
            row += len(raw)


def fingerprint(paths: Iterable[Path]) -> dict[str, str]:
    """sha256 of each file, keyed by its path as given (for run manifests)."""
    out = {}
    for path in paths:
        digest = hashlib.sha256()
        with Path(path).open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        out[str(path)] = digest.hexdigest()
    return out
