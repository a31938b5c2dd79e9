"""Labelled files: rows of file names, offsets and labels, and their split by article.

Annotations are kept as file names, character offsets and labels; the texts are read from their
folder at run time (:func:`offset_rows`, the one reader every gold and labels file goes through).
Every labelled set over the same articles is split the same way into a tuning and a locked part
(:func:`article_part`, :func:`split_gold`; ``data/annotations/split/README.md``).

Regenerate the split files: ``python -m narrative.evaluation.labels OUT_DIR GOLD.tsv...``.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import InputError


def offset_rows(path: str | Path, texts: str | Path, columns: tuple[str, ...]):
    """Rows of a tab-separated annotation file whose first column names a file in ``texts``
    (annotations kept as file names, offsets and labels, the texts read at run time): yields
    ``(row number, file name, its text, the other fields)``. The header must be ``columns``; a
    bad header, a short row or a missing text raises :class:`InputError` naming file and row."""
    import csv
    import io

    from ..infra.datafiles import confined, user_text

    path, texts = Path(path), Path(texts)
    bodies: dict[str, str] = {}
    reader = csv.reader(io.StringIO(user_text(path, what="gold or labels file"), newline=""), delimiter="\t")
    header = next(reader, None)
    if header is None or tuple(header) != tuple(columns):
        raise InputError(str(path), 1, f"the header must be {', '.join(columns)} (tab-separated)")
    for n, row in enumerate(reader, start=2):
        if len(row) != len(columns):
            raise InputError(str(path), n, f"expected {len(columns)} tab-separated fields, found {len(row)}")
        name, *fields = row
        source = confined(texts, name, source=path, row=n)
        stem = Path(name).stem
        if stem not in bodies:
            if not source.is_file():
                raise InputError(str(path), n, f"no text {source}")
            try:
                bodies[stem] = user_text(source, what="text")
            except InputError as exc:
                raise InputError(str(path), n, f"{source}: {exc.problem}") from None
        yield n, name, bodies[stem], fields


#: share of articles (by hashed file name) held out as the locked part of every labelled set
LOCKED_SHARE = 40
_SPLIT_SALT = "narrative-split-2026:"


def article_part(name: str) -> str:
    """``"tuning"`` or ``"locked"`` for an article file name: a deterministic split by article (the
    SHA-256 of the salted file name, first 8 hex digits, modulo 100, below :data:`LOCKED_SHARE` is
    locked), so every labelled set over the same articles is split the same way.

    >>> article_part("20220128T094500Z_PL_en_283eee190d.txt") in ("tuning", "locked")
    True
    >>> article_part("a.txt") == article_part("a.txt")
    True
    """
    import hashlib

    digest = hashlib.sha256((_SPLIT_SALT + Path(name).name).encode("utf-8")).hexdigest()
    return "locked" if int(digest[:8], 16) % 100 < LOCKED_SHARE else "tuning"


def split_gold(path: str | Path, out_dir: str | Path) -> dict[str, int]:
    """Write ``<stem>.tuning.tsv`` and ``<stem>.locked.tsv`` (rows split by :func:`article_part` of
    their ``file`` column, header kept) into ``out_dir``; returns the row count of each part."""
    lines = Path(path).read_text("utf-8").splitlines()
    header, body = lines[0], lines[1:]
    parts: dict[str, list[str]] = {"tuning": [], "locked": []}
    for line in body:
        parts[article_part(line.split("\t", 1)[0])].append(line)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for part, rows in parts.items():
        (out / f"{Path(path).stem}.{part}.tsv").write_text("\n".join([header, *rows]) + "\n", "utf-8")
    return {part: len(rows) for part, rows in parts.items()}


if __name__ == "__main__":  # python -m narrative.evaluation.labels OUT_DIR GOLD.tsv...
    import sys

    for gold in sys.argv[2:]:
        print(gold, split_gold(gold, sys.argv[1]))
