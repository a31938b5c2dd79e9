"""Choosing and checking a frame scorer on codebook labels: the labelled sets, cross-validation grouped
by article, the locked part, per-category P/R/F1 with article-bootstrap intervals.

The labelled sets (``data/annotations/README.md``; texts read at run time, never stored):

* ``warnews``: 330 war-news claims, the project's first pass (``data/annotations/warnews-dev-frames.tsv``);
* ``warnews-coder2``: a second coder's labels of the same spans (``../shared/eval/warnews-dev/labels``);
* ``press``: 400 press-release claims coded by the codebook (``../shared/eval/press-releases``, CC BY texts).

Each set is split by article (:func:`narrative.lexicons.validate.split_part`). A scorer is trained on the
tuning part of all three (the war-news claims once with each coder's labels) and scored against each set:
:func:`cross_validate` (5 folds grouped by article, on the tuning part) to choose, :func:`locked_check`
(trained on the whole tuning part, scored on the locked part) once at the end.
"""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

import numpy as np
import pandas as pd
from sklearn.model_selection import GroupKFold

from . import stats
from .framescorer import SCORERS, FrameScorer
from .lexicons import load_lexicon
from .lexicons.validate import article_keys, lexicon_hits, read_labels, read_offset_labels, select_part

#: the sets and where they live, relative to the project root (``shared`` is ``../shared``)
SETS = {
    "warnews": ("data/annotations/warnews-dev-frames.tsv", "warnews-dev"),
    "warnews-coder2": ("{shared}/eval/warnews-dev/labels/frames-coder2.tsv", "warnews-dev"),
    "press": ("{shared}/eval/press-releases/frames-codebook.tsv", None),
}
#: the sets a scorer is trained on (the war-news spans once per coder)
TRAIN_SETS = ("warnews", "warnews-coder2", "press")


def load_sets(root: str | Path = ".", shared: str | Path | None = None, part: str = "all") -> dict[str, pd.DataFrame]:
    """The labelled sets (``text``, ``side``, ``group`` = article, a 0/1 column per category), in ``part``."""
    root = Path(root).resolve()
    shared = Path(shared) if shared is not None else root.parent / "shared"
    cats = list(load_lexicon().categories)
    out = {}
    for name, (path, texts) in SETS.items():
        path = Path(path.format(shared=shared)) if "{shared}" in path else root / path
        table = read_offset_labels(path, shared / "eval" / texts / "articles", cats) if texts else read_labels(path, cats)
        table = select_part(table, part)
        table["group"] = article_keys(table).to_numpy()
        out[name] = table
    return out


def training_rows(sets: dict[str, pd.DataFrame], rows: dict[str, np.ndarray]) -> pd.DataFrame:
    return pd.concat([sets[n].iloc[rows[n]] for n in TRAIN_SETS], ignore_index=True)


def predictions(train: pd.DataFrame, test: pd.DataFrame, cats: Sequence[str], **params) -> dict[str, np.ndarray]:
    """0/1 predictions of every scorer of :data:`SCORERS` on ``test``, the classifier fitted on ``train``."""
    lex = lexicon_hits(test["text"].tolist(), None, test["side"].tolist()).reindex(columns=list(cats), fill_value=0)
    lex = lex.to_numpy()
    clf = FrameScorer(**params).fit(train[["text", "side"]], train[list(cats)]).predict(test[["text", "side"]])
    clf = clf[list(cats)].to_numpy()
    return {"lexicon": lex, "classifier": clf, "union": np.maximum(lex, clf)}


def cross_validate(sets: dict[str, pd.DataFrame], *, n_splits: int = 5, n_boot: int = 1000, seed: int = 0,
                   **params) -> pd.DataFrame:
    """Out-of-fold predictions by 5 folds grouped by article (the same folds for the war-news spans of
    both coders), scored against each set: :func:`score` rows with a ``set`` column."""
    cats = list(load_lexicon().categories)
    groups = np.asarray(sorted(set().union(*(set(t["group"]) for t in sets.values()))))
    fold_of = {g: k for k, (_tr, te) in enumerate(GroupKFold(n_splits=n_splits).split(groups, groups=groups))
               for g in groups[te]}
    preds = {name: {s: np.zeros((len(t), len(cats)), dtype=int) for s in SCORERS} for name, t in sets.items()}
    for k in range(n_splits):
        train_rows = {n: np.flatnonzero(t["group"].map(fold_of).to_numpy() != k) for n, t in sets.items()}
        train = training_rows(sets, train_rows)
        for name, table in sets.items():
            if name == "warnews-coder2":
                continue  # the same texts as warnews: its predictions are those
            test = np.flatnonzero(table["group"].map(fold_of).to_numpy() == k)
            for s, p in predictions(train, table.iloc[test], cats, **params).items():
                preds[name][s][test] = p
    preds["warnews-coder2"] = preds["warnews"]
    return pd.concat([score(sets[n], preds[n], cats, n_boot=n_boot, seed=seed).assign(set=n) for n in sets],
                     ignore_index=True)


def locked_check(tuning: dict[str, pd.DataFrame], locked: dict[str, pd.DataFrame], *, n_boot: int = 1000,
                 seed: int = 0, **params) -> pd.DataFrame:
    """Every scorer trained on the whole tuning part and scored on the locked part (look once)."""
    cats = list(load_lexicon().categories)
    train = training_rows(tuning, {n: np.arange(len(t)) for n, t in tuning.items()})
    out = []
    for name, table in locked.items():
        out.append(score(table, predictions(train, table, cats, **params), cats, n_boot=n_boot, seed=seed).assign(set=name))
    return pd.concat(out, ignore_index=True)


def score(table: pd.DataFrame, preds: dict[str, np.ndarray], cats: Sequence[str], *, n_boot: int = 1000,
          seed: int = 0) -> pd.DataFrame:
    """Per scorer and category: support, precision, recall, F1, each with a 95% interval from resampling
    articles (``group``) with replacement; a ``macro`` row (mean F1 over the categories)."""
    y = table[list(cats)].to_numpy().astype(int)
    _u, g = np.unique(table["group"].to_numpy(), return_inverse=True)
    weights = np.vstack(list(stats.bootstrap_weights(np.random.default_rng(seed), int(g.max()) + 1, n_boot)))
    rows = []
    for name, pred in preds.items():
        tp, fp, fn = (np.zeros((int(g.max()) + 1, len(cats))) for _ in range(3))
        np.add.at(tp, g, (y == 1) & (pred == 1)); np.add.at(fp, g, (y == 0) & (pred == 1))
        np.add.at(fn, g, (y == 1) & (pred == 0))
        full = [m.sum(0) for m in (tp, fp, fn)]
        boot = [weights @ m for m in (tp, fp, fn)]
        point, resampled = _prf(*full), _prf(*boot)
        for j, cat in enumerate(cats):
            row = {"scorer": name, "class": cat, "support": int(y[:, j].sum())}
            for m, value, draws in zip(("precision", "recall", "f1"), point, resampled):
                low, high = np.nanpercentile(draws[:, j], [2.5, 97.5]) if np.isfinite(draws[:, j]).any() else (np.nan,) * 2
                row.update({m: value[j], f"{m}_low": low, f"{m}_high": high})
            rows.append(row)
        macro = np.nan_to_num(resampled[2]).mean(1)
        low, high = np.percentile(macro, [2.5, 97.5])
        rows.append({"scorer": name, "class": "macro", "support": int(y.sum()), "f1": float(np.nan_to_num(point[2]).mean()),
                     "f1_low": low, "f1_high": high})
    return pd.DataFrame(rows)


def _prf(tp, fp, fn):
    with np.errstate(divide="ignore", invalid="ignore"):
        precision = tp / (tp + fp)
        recall = tp / (tp + fn)
        f1 = np.where(2 * tp + fp + fn > 0, 2 * tp / (2 * tp + fp + fn), np.nan)
    f1 = np.where(np.isnan(f1), 0.0, f1)  # a category absent from truth and predictions scores 0 (sklearn's zero_division)
    return precision, recall, f1
