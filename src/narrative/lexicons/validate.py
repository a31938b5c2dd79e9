"""Hand-labelled frames: drawing the sample, reading the labels, scoring lexicon and agreement.

Labels live in ``data/annotations/`` (see its GUIDELINES.md): one CSV row per
claim with ``labels`` = the frame categories a careful reader sees in it,
``;``-joined (empty: none). The same file format serves the multi-label
frames classifier in :mod:`narrative.model`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

import numpy as np
import pandas as pd
from sklearn.metrics import cohen_kappa_score

from ..errors import InputError
from . import Lexicon, load_lexicon

SAMPLE_COLUMNS = ("item", "claim_id", "doc_id", "side", "text")


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
        frame = pd.read_csv(path, keep_default_na=False, dtype={"labels": str})
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


def lexicon_hits(texts: Sequence[str], lexicon: Lexicon | None = None) -> pd.DataFrame:
    """1 where the lexicon finds at least one phrase of a category in a text."""
    lexicon = lexicon or load_lexicon()
    rows = []
    for text in texts:
        _n, totals = lexicon.count(text)
        rows.append({c: int(totals.get(c, 0) > 0) for c in lexicon.categories})
    return pd.DataFrame(rows, columns=list(lexicon.categories))


def lexicon_validation(labels: pd.DataFrame, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """Per category: support (labelled positives), predicted positives, precision, recall, F1 of the lexicon."""
    lexicon = lexicon or load_lexicon()
    pred = lexicon_hits(labels["text"].tolist(), lexicon)
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
    both = first.merge(second, on="item", suffixes=("_1", "_2"))
    rows = []
    for cat in categories:
        a, b = both[f"{cat}_1"], both[f"{cat}_2"]
        kappa = cohen_kappa_score(a, b) if len(set(a) | set(b)) > 1 else float("nan")
        rows.append({"category": cat, "n": len(both), "agree": float((a == b).mean()), "kappa": kappa,
                     "positives_1": int(a.sum()), "positives_2": int(b.sum())})
    return pd.DataFrame(rows)
