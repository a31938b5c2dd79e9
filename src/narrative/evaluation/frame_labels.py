"""Hand-labelled frames: drawing the sample, reading the labels, scoring lexicon and agreement.

Labels live in ``data/annotations/`` (see its GUIDELINES.md): one CSV row per
claim with ``labels`` = the frame categories a careful reader sees in it,
``;``-joined (empty: none). The same file format serves the multi-label
frames classifier in :mod:`narrative.model`.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Sequence

import numpy as np
import pandas as pd
from sklearn.metrics import cohen_kappa_score

from ..errors import InputError
from ..lexicons import Lexicon, load_lexicon

SAMPLE_COLUMNS = ("item", "claim_id", "doc_id", "side", "text")

#: the tuning / locked split of every frame-labelled set, by article (``data/annotations/README.md``):
#: an article is locked when the first 32 bits of sha256(SPLIT_SALT + ":" + its key) / 2**32 fall
#: below LOCKED_SHARE; its key is the file name (war news) or the ``doc_id`` (press releases)
SPLIT_SALT = "narrative-frames-split-1"
LOCKED_SHARE = 0.3
PARTS = ("tuning", "locked", "all")


def split_part(key: str) -> str:
    """``"locked"`` or ``"tuning"``: the part of the split an article's labels belong to.

    >>> split_part("20230227T124500Z_PL_en_2b60578727.txt"), split_part("putin-5335201271")
    ('locked', 'tuning')
    """
    digest = hashlib.sha256(f"{SPLIT_SALT}:{key}".encode("utf-8")).hexdigest()
    return "locked" if int(digest[:8], 16) / 2 ** 32 < LOCKED_SHARE else "tuning"


def article_keys(labels: pd.DataFrame) -> pd.Series:
    """Each labelled row's article: ``file`` (offset labels) or ``doc_id`` (labels with text)."""
    for column in ("file", "doc_id"):
        if column in labels.columns:
            return labels[column].astype(str)
    raise ValueError("labels need a 'file' or 'doc_id' column to be split by article")


def select_part(labels: pd.DataFrame, part: str) -> pd.DataFrame:
    """The rows of ``labels`` in ``part`` (``tuning``, ``locked`` or ``all``), index reset."""
    if part not in PARTS:
        raise ValueError(f"unknown part {part!r}; choose from {', '.join(PARTS)}")
    if part == "all":
        return labels.reset_index(drop=True)
    return labels[article_keys(labels).map(split_part) == part].reset_index(drop=True)


def draw_sample(claims: pd.DataFrame, *, per_side: dict[str, int], seed: int = 0, min_tokens: int = 6,
                max_tokens: int = 60) -> pd.DataFrame:
    """A reproducible stratified sample of self claims for annotation (columns SAMPLE_COLUMNS)."""
    pool = claims[claims["quote_type"] == "self"].copy()
    n_tok = pool["content"].str.split().str.len()
    pool = pool[(n_tok >= min_tokens) & (n_tok <= max_tokens)]
    parts = []
    for side, n in per_side.items():
        part = pool[pool["side"] == side]
        parts.append(part.sample(n=min(n, len(part)), random_state=seed))
    sample = pd.concat(parts).sample(frac=1.0, random_state=seed).reset_index(drop=True)
    sample.insert(0, "item", np.arange(1, len(sample) + 1))
    return sample.rename(columns={"content": "text"})[list(SAMPLE_COLUMNS)]


def read_labels(path: str | Path, categories: Sequence[str]) -> pd.DataFrame:
    """A labels CSV as a 0/1 matrix (one column per category) beside its item, side and text."""
    try:
        frame = pd.read_csv(path, keep_default_na=False, dtype={"labels": str},
                            sep="\t" if str(path).endswith(".tsv") else ",")
    except FileNotFoundError:
        raise InputError(str(path), None, "no such labels file") from None
    except UnicodeDecodeError:
        raise InputError(str(path), None, "labels file is not UTF-8 text") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        from ..corpus import csv_error

        raise csv_error(Path(path), exc) from None
    if "labels" not in frame.columns:
        raise InputError(str(path), None, "no 'labels' column")
    out = frame.copy()
    for row, value in enumerate(frame["labels"], start=2):
        unknown = {v for v in value.split(";") if v} - set(categories)
        if unknown:
            raise InputError(str(path), row, f"unknown label(s) {', '.join(sorted(unknown))}")
    for cat in categories:
        out[cat] = frame["labels"].map(lambda v, c=cat: int(c in v.split(";")))
    return out


#: columns of a labels file kept as offsets into texts read at run time (``warnews-dev-frames.tsv``)
OFFSET_COLUMNS = ("file", "start", "end", "side", "labels")
#: the same with the speaker's span too (a blind coder's sheet of claims: the content span is the labelled text)
SPAN_COLUMNS = ("file", "speaker_start", "speaker_end", "content_start", "content_end", "side", "labels")
#: a blind coder's sheet of machine-drawn candidates: ``keep`` (yes: a claim by the slot's speaker) and ``reason``
#: before the side and labels; only the kept rows are labelled items
CANDIDATE_COLUMNS = ("file", "speaker_start", "speaker_end", "content_start", "content_end", "keep", "reason", "side",
                     "labels")
#: the same with the coder's ``speaker`` (the true speaker, named as the coder read it) after ``reason``
#: (round three's sheets, ``warnews-dev-round3-train-coderD.tsv``)
CANDIDATE_SPEAKER_COLUMNS = CANDIDATE_COLUMNS[:7] + ("speaker",) + CANDIDATE_COLUMNS[7:]


def read_offset_labels(path: str | Path, texts: str | Path, categories: Sequence[str], *,
                       unit: str = "sentence") -> pd.DataFrame:
    """A labels file of ``file, start, end, side, labels`` rows (tab-separated; no text stored), of
    :data:`SPAN_COLUMNS` rows, or of :data:`CANDIDATE_COLUMNS` / :data:`CANDIDATE_SPEAKER_COLUMNS` rows (only those
    kept), as :func:`read_labels` returns it, each ``text`` cut from ``texts/<file>`` at run time (the content span).

    A candidate sheet's content span is a crude machine cut and its coder coded the claim the sentence carries, so
    with ``unit="sentence"`` (the default) a candidate's ``text`` is the sentence (:func:`narrative.segment.split_sentences`)
    holding its speaker slot and content; ``unit="span"`` keeps the cut. Other files' spans are the labelled text."""
    from ..segment import split_sentences
    from .labels import offset_rows

    if unit not in ("sentence", "span"):
        raise ValueError(f"unit must be 'sentence' or 'span', not {unit!r}")

    with open(path, encoding="utf-8", errors="replace") as handle:
        header = tuple(handle.readline().rstrip("\r\n").split("\t"))
    columns = header if header in (SPAN_COLUMNS, CANDIDATE_COLUMNS, CANDIDATE_SPEAKER_COLUMNS) else OFFSET_COLUMNS
    rows, sentences = [], {}
    candidate = columns in (CANDIDATE_COLUMNS, CANDIDATE_SPEAKER_COLUMNS)
    for n, name, body, fields in offset_rows(path, texts, columns):
        if candidate:
            if fields[4] != "yes":
                continue
            slot = fields[:2]
            fields = fields[:4] + fields[-2:]  # the offsets, then side and labels
        start, end, side, labels = (fields[2], fields[3], fields[4], fields[5]) if columns != OFFSET_COLUMNS else fields
        try:
            a, b = int(start), int(end)
        except ValueError:
            raise InputError(str(path), n, f"offsets {start!r}, {end!r} are not integers") from None
        if not 0 <= a < b <= len(body):
            raise InputError(str(path), n, f"offsets {a}-{b} lie outside {name} ({len(body)} characters)")
        unknown = {v for v in labels.split(";") if v} - set(categories)
        if unknown:
            raise InputError(str(path), n, f"unknown label(s) {', '.join(sorted(unknown))}")
        text = body[a:b]
        if candidate and unit == "sentence":
            try:
                lo, hi = min(a, int(slot[0])), max(b, int(slot[1]))
            except ValueError:
                raise InputError(str(path), n, f"speaker offsets {slot[0]!r}, {slot[1]!r} are not integers") from None
            if name not in sentences:
                sentences[name] = split_sentences(body)
            inside = [(s0, e0) for s0, e0 in sentences[name] if s0 < hi and e0 > lo]
            text = body[inside[0][0]:inside[-1][1]] if inside else text
        rows.append({"item": f"{name}:{a}-{b}", "file": name, "start": a, "end": b, "side": side, "text": text, "labels": labels})
    out = pd.DataFrame(rows, columns=["item", "file", "start", "end", "side", "text", "labels"])
    for cat in categories:
        out[cat] = out["labels"].map(lambda v, c=cat: int(c in v.split(";")))
    return out


def lexicon_hits(texts: Sequence[str], lexicon: Lexicon | None = None, sides: Sequence[str] | None = None) -> pd.DataFrame:
    """1 where the lexicon finds at least one phrase of a category in a text (``sides``: each
    speaker's side, for perspective; see :meth:`narrative.lexicons.Lexicon.count`)."""
    lexicon = lexicon or load_lexicon()
    sides = [None] * len(texts) if sides is None else list(sides)
    rows = []
    for text, side in zip(texts, sides):
        _n, totals = lexicon.count(text, side)
        rows.append({c: int(totals.get(c, 0) > 0) for c in lexicon.categories})
    return pd.DataFrame(rows, columns=list(lexicon.categories))


def lexicon_validation(labels: pd.DataFrame, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """Per category: support (labelled positives), predicted positives, precision, recall, F1 of the
    lexicon; a ``side`` column, when present, is the speaker's side the lexicon scores from."""
    lexicon = lexicon or load_lexicon()
    pred = lexicon_hits(labels["text"].tolist(), lexicon, labels["side"].tolist() if "side" in labels else None)
    rows = []
    for cat in lexicon.categories:
        y, p = labels[cat].to_numpy(), pred[cat].to_numpy()
        tp = int(((y == 1) & (p == 1)).sum())
        precision = tp / p.sum() if p.sum() else float("nan")
        recall = tp / y.sum() if y.sum() else float("nan")
        f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
        rows.append({"category": cat, "support": int(y.sum()), "predicted": int(p.sum()),
                     "precision": precision, "recall": recall, "f1": f1})
    return pd.DataFrame(rows)


def agreement(first: pd.DataFrame, second: pd.DataFrame, categories: Sequence[str]) -> pd.DataFrame:
    """Cohen's kappa per category between two label passes over the same items (joined on ``item``)."""
    both = first.drop_duplicates("item").merge(second.drop_duplicates("item"), on="item", suffixes=("_1", "_2"))
    rows = []
    for cat in categories:
        a, b = both[f"{cat}_1"], both[f"{cat}_2"]
        kappa = cohen_kappa_score(a, b) if len(set(a) | set(b)) > 1 else float("nan")
        rows.append({"category": cat, "n": len(both), "agree": float((a == b).mean()), "kappa": kappa,
                     "positives_1": int(a.sum()), "positives_2": int(b.sum())})
    return pd.DataFrame(rows)
