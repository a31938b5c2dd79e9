"""Exact and near-duplicate documents: syndicated copies, re-scraped pages, one article six times.

Each copy counted as an independent document narrows every bootstrap interval falsely, so a
researcher needs to see them. Method (Broder 1997; Leskovec, Rajaraman & Ullman, *Mining of
Massive Datasets*, ch. 3):

* a document's word 5-shingles (lower-cased words, :mod:`narrative.analyzer`) are summarised by a 128-permutation
  MinHash signature (``datasketch``), so memory is 1 KB a document whatever its length;
* locality-sensitive hashing over signature bands proposes candidate pairs in time linear in
  the number of documents; a pair is a duplicate when its estimated Jaccard similarity is at
  least ``threshold`` (default 0.8); texts equal after folding case and spacing are exact
  duplicates (similarity 1);
* duplicates form groups (connected components); each group keeps one document, the earliest by
  date, else the first read, and every other member names it in ``duplicate_of``.

On the 324 war-news development articles the similarities of real pairs are 0.97-1.0 and the next
highest pair is 0.30, so the default threshold sits in a wide gap.

Example
-------
>>> import pandas as pd
>>> text = "Russian forces shelled the city overnight, the regional governor said on Monday. " * 3
>>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "date": ["2022-03-02", "2022-03-01", ""],
...                      "text": [text, text.upper(), "An unrelated report about talks in Istanbul."]})
>>> find_duplicates(docs)[["doc_id", "duplicate_of", "similarity"]].values.tolist()
[['a', 'b', 1.0], ['b', '', 1.0], ['c', '', 0.0]]
"""
from __future__ import annotations

import hashlib
import struct
from functools import lru_cache
from typing import Iterable

import numpy as np
import pandas as pd

from .analyzer import words as analyzer_words

DUPLICATE_COLUMNS = ("doc_id", "duplicate_of", "similarity")
SHINGLE = 5
NUM_PERM = 128
THRESHOLD = 0.8
#: SQLite page cache of the duplicate index (MB): the index's memory, whatever the corpus size
CACHE_MB = 32


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    """The document's word k-shingles (lower case), as UTF-8 bytes for hashing (each word encoded
    once: the UTF-8 of words joined by spaces is their UTF-8 joined by spaces)."""
    words = [w.encode("utf-8") for w in analyzer_words(text)]
    if len(words) < k:
        return {b" ".join(words)} if words else set()
    return {b" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}


_FIRST_U32 = struct.Struct("<I").unpack_from


def sha1_32(data: bytes) -> int:
    """``datasketch.hashfunc.sha1_hash32`` (the first 4 bytes of SHA-1, little-endian), without a slice
    and a ``struct.unpack`` per shingle: half its time, the same values."""
    return _FIRST_U32(hashlib.sha1(data).digest())[0]


def _fingerprint(text: str) -> str:
    return hashlib.sha1(" ".join(text.lower().split()).encode("utf-8")).hexdigest()


@lru_cache(maxsize=4)
def _hasher(num_perm: int):
    """``(MinHash class, its permutations, scheme, hash function)`` for ``num_perm``: made once a process."""
    from datasketch import MinHash
    from datasketch.hashfunc import sha1_hash32

    template = MinHash(num_perm=num_perm, seed=1)
    hashfunc = sha1_32 if template.hashfunc is sha1_hash32 else template.hashfunc  # the scheme's own
    return MinHash, template.permutations, template.scheme, hashfunc


def minhash_signature(text: str, num_perm: int = NUM_PERM) -> np.ndarray | None:
    """The text's MinHash signature of its word shingles (``num_perm`` uint32 values), None without a word."""
    grams = shingles(text)
    if not grams:
        return None
    minhash_class, permutations, scheme, hashfunc = _hasher(num_perm)
    minhash = minhash_class(num_perm=num_perm, seed=1, permutations=permutations, scheme=scheme, hashfunc=hashfunc)
    minhash.update_batch(list(grams))
    return minhash.hashvalues.astype(np.uint32)


def document_signature(text: str, num_perm: int = NUM_PERM) -> tuple[str, np.ndarray | None]:
    """``(exact-text key, MinHash signature or None)`` of one document: what :meth:`DuplicateIndex.add_signed`
    takes, computed in any process (a pure function of the text).

    >>> key, sig = document_signature("Russian forces shelled the city overnight, the governor said.")
    >>> len(key), sig.dtype.name, len(sig)
    (40, 'uint32', 128)
    """
    return _fingerprint(text), minhash_signature(text, num_perm)


class DuplicateIndex:
    """Documents added one at a time (streaming); :meth:`table` or :meth:`duplicates` at the end.

    Memory does not grow with the corpus: the LSH buckets (one 64-bit key per band and
    document), the signatures (512 bytes a document), the exact-text fingerprints and the ids
    live in an SQLite file in a temporary directory (``directory``, default the system's),
    removed by :meth:`close` or when the index is collected; in memory are only the pairs found
    (which grow with the duplicates) and SQLite's page cache (:data:`CACHE_MB`).
    """

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM, directory: str | None = None) -> None:
        import sqlite3
        import tempfile

        from datasketch import MinHashLSH

        self.threshold, self.num_perm = threshold, num_perm
        lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)  # its band count and width for this threshold
        self._bands = [(k * lsh.r, (k + 1) * lsh.r) for k in range(lsh.b)]
        self._mult = np.random.default_rng(7).integers(1, 2 ** 63, size=num_perm, dtype=np.uint64) | np.uint64(1)
        self._starts = np.array([a for a, _b in self._bands], dtype=np.intp)
        self._band_ids = np.arange(len(self._bands), dtype=np.uint64)
        self._dir = tempfile.TemporaryDirectory(prefix="narrative-dedup-", dir=directory)
        self._db = sqlite3.connect(f"{self._dir.name}/index.sqlite", isolation_level=None)
        for pragma in ("journal_mode=OFF", "synchronous=OFF", "temp_store=FILE", f"cache_size=-{CACHE_MB * 1024}"):
            self._db.execute(f"PRAGMA {pragma}")
        self._db.executescript(
            "BEGIN; CREATE TABLE docs (i INTEGER PRIMARY KEY, doc_id TEXT, date TEXT);"
            "CREATE TABLE exact (key BLOB PRIMARY KEY, i INTEGER) WITHOUT ROWID;"
            "CREATE TABLE bands (key INTEGER, i INTEGER); CREATE INDEX band_key ON bands (key);"
            "CREATE TABLE sigs (i INTEGER PRIMARY KEY, sig BLOB);")
        self.n = 0
        self._pairs: list[tuple[int, int, float]] = []

    def _band_keys(self, sig: np.ndarray) -> list[int]:
        """One 64-bit key per band (a multiply-add hash of its values, wrapping modulo 2**64; a
        collision only proposes a pair the full signature then rejects)."""
        used = self._bands[-1][1]  # b * r values: the last few of the signature are in no band
        sums = np.add.reduceat(sig[:used].astype(np.uint64) * self._mult[:used], self._starts) + self._band_ids
        return sums.view(np.int64).tolist()

    def add(self, doc_id: str, text: str, date: str = "") -> None:
        """Add one document (its signature computed here)."""
        key = _fingerprint(text)
        self.add_signed(doc_id, key, lambda: minhash_signature(text, self.num_perm), date)

    def add_signed(self, doc_id: str, key: str, signature, date: str = "") -> None:
        """Add one document by its :func:`document_signature` ``(key, signature)``, computed anywhere (a worker
        process): the same index as :meth:`add` of its text. ``signature`` may be a callable that computes it
        (called only when the text is not an exact copy of one added before)."""
        db, i = self._db, self.n
        self.n += 1
        db.execute("INSERT INTO docs VALUES (?, ?, ?)", (i, doc_id, date))
        if db.execute("INSERT OR IGNORE INTO exact VALUES (?, ?)", (key, i)).rowcount == 0:
            # the same text (case and spacing folded)
            self._pairs.append((db.execute("SELECT i FROM exact WHERE key = ?", (key,)).fetchone()[0], i, 1.0))
            return
        sig = signature() if callable(signature) else signature
        if sig is None:  # no word: no shingle
            return
        keys = self._band_keys(sig)
        marks = ",".join("?" * len(keys))
        rows = db.execute(f"SELECT i, sig FROM sigs WHERE i IN (SELECT i FROM bands WHERE key IN ({marks})) "
                          "ORDER BY i", keys).fetchall()
        if rows:
            others = np.frombuffer(b"".join(sig_bytes for _j, sig_bytes in rows), dtype=np.uint32).reshape(len(rows), -1)
            similarity = np.count_nonzero(others == sig, axis=1) / len(sig)
            self._pairs.extend((j, i, float(sim)) for (j, _b), sim in zip(rows, similarity) if sim >= self.threshold)
        db.executemany("INSERT INTO bands VALUES (?, ?)", [(k, i) for k in keys])
        db.execute("INSERT INTO sigs VALUES (?, ?)", (i, sig.tobytes()))

    def duplicates(self) -> dict[int, tuple[int, float]]:
        """``{document: (the document its group keeps, similarity)}`` for every duplicate, and
        ``(itself, 1.0)`` for the kept one of each group; unique documents are absent."""
        parent: dict[int, int] = {}

        def find(x: int) -> int:
            root = x
            while parent.get(root, root) != root:
                root = parent[root]
            while parent.get(x, x) != root:
                parent[x], x = root, parent[x]
            return root

        for a, b, _s in self._pairs:
            parent[find(a)] = find(b)
        members: dict[int, list[int]] = {}
        for i in {x for a, b, _s in self._pairs for x in (a, b)}:
            members.setdefault(find(i), []).append(i)
        best: dict[tuple[int, int], float] = {}
        for a, b, s in self._pairs:
            best[(a, b)] = best[(b, a)] = max(s, best.get((a, b), 0.0))
        out: dict[int, tuple[int, float]] = {}
        for group in members.values():
            dates = {i: pd.to_datetime(self._db.execute("SELECT date FROM docs WHERE i = ?", (i,)).fetchone()[0] or None,
                                       utc=True, errors="coerce", format="mixed") for i in group}
            dated = [i for i in group if not pd.isna(dates[i])]
            keep = min(dated, key=lambda i: (dates[i], i)) if dated else min(group)
            out[keep] = (keep, 1.0)
            for i in group:
                if i != keep:
                    out[i] = (keep, best.get((i, keep)) or max(best.get((i, j), 0.0) for j in group if j != i))
        return out

    def duplicate_ids(self) -> frozenset:
        """The ids of the documents a group does not keep (what a statistic leaves out)."""
        dupes = [i for i, (keep, _s) in self.duplicates().items() if i != keep]
        ids = set()
        for a in range(0, len(dupes), 500):
            part = dupes[a:a + 500]
            ids.update(d for (d,) in self._db.execute(
                f"SELECT doc_id FROM docs WHERE i IN ({','.join('?' * len(part))})", part))
        return frozenset(ids)

    def table(self) -> pd.DataFrame:
        """One row per document (:data:`DUPLICATE_COLUMNS`), in the order added."""
        found = self.duplicates()
        ids = [d for (d,) in self._db.execute("SELECT doc_id FROM docs ORDER BY i")]
        duplicate_of, similarity = [""] * len(ids), np.zeros(len(ids))
        for i, (keep, s) in found.items():
            similarity[i] = s
            if i != keep:
                duplicate_of[i] = ids[keep]
        return pd.DataFrame({"doc_id": ids, "duplicate_of": duplicate_of, "similarity": similarity.round(4)},
                            columns=list(DUPLICATE_COLUMNS))

    def close(self) -> None:
        """Remove the index file."""
        self._db.close()
        self._dir.cleanup()


def _fill(index: DuplicateIndex, documents) -> DuplicateIndex:
    chunks = [documents] if isinstance(documents, pd.DataFrame) else documents
    for chunk in chunks:
        dates = chunk["date"] if "date" in chunk.columns else [""] * len(chunk)
        for doc_id, text, date in zip(chunk["doc_id"], chunk["text"], dates):
            index.add(str(doc_id), str(text), str(date or ""))
    return index


def duplicate_ids(documents: pd.DataFrame | Iterable[pd.DataFrame], *, threshold: float = THRESHOLD) -> frozenset:
    """The ids of the documents that duplicate one a group keeps (see :func:`find_duplicates`),
    without building the one-row-per-document table: memory grows with the duplicates, not the corpus."""
    index = DuplicateIndex(threshold=threshold)
    try:
        return _fill(index, documents).duplicate_ids()
    finally:
        index.close()


def find_duplicates(documents: pd.DataFrame | Iterable[pd.DataFrame], *, threshold: float = THRESHOLD) -> pd.DataFrame:
    """``doc_id, duplicate_of, similarity`` for a documents table (or chunks of one).

    ``duplicate_of`` is empty for a document that is kept (unique, or the one its group keeps);
    ``similarity`` is the estimated Jaccard similarity of word 5-shingles with the kept
    document (1 for the kept one of a group, 0 for a unique document).
    """
    index = DuplicateIndex(threshold=threshold)
    try:
        return _fill(index, documents).table()
    finally:
        index.close()
