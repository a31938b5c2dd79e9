"""Frame rates of two groups: differences with cluster-bootstrap CIs, permutation p-values and
Benjamini–Hochberg q, and each group's profile with CIs. Rows (claims or documents) are clustered
by ``doc_id``; per-document sums (:func:`doc_sums`) merge by addition across chunks.

>>> import pandas as pd
>>> scores = pd.DataFrame({"doc_id": ["d1", "d2", "d3", "d4"], "side": ["a", "a", "b", "b"],
...                        "resistance": [2.0, 4.0, 0.0, 1.0]})
>>> t = frame_differences(scores, ["resistance"], a="a", b="b", n_boot=50, n_perm=50)
>>> t[["category", "mean_a", "mean_b", "diff", "n_a", "with_b"]].values.tolist()
[['resistance', 3.0, 0.5, 2.5, 2, 1]]
"""
from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from .. import stats

DIFF_COLUMNS = ("category", "mean_a", "mean_b", "diff", "ci_low", "ci_high", "p", "q", "n_docs_a", "n_docs_b",
                "n_a", "n_b", "with_a", "with_b")
#: prefix of the per-document count of rows with at least one hit of a category (:func:`doc_sums`)
WITH = "with:"


def _doc_sums(frame: pd.DataFrame, categories: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    grouped = frame.groupby("doc_id", sort=True)
    return grouped[list(categories)].sum().to_numpy(float), grouped.size().to_numpy(float)


def doc_sums(scores: pd.DataFrame, categories: Sequence[str], *, by: str = "side") -> pd.DataFrame:
    """Per group and document: the category sums, ``n_rows`` and, as ``with:<category>``, the rows
    with at least one hit (raw counts beside the rates; all mergeable across chunks)."""
    cats = list(categories)
    flags = (scores[cats] > 0).astype(int).rename(columns=lambda c: WITH + c)
    frame = pd.concat([scores[[by, "doc_id"] + cats], flags], axis=1)
    grouped = frame.groupby([by, "doc_id"], sort=True)
    return grouped[cats + list(flags.columns)].sum().join(grouped.size().rename("n_rows")).reset_index()


def frame_differences(scores: pd.DataFrame, categories: Sequence[str], *, by: str = "side", a: str, b: str,
                      n_boot: int = 2000, n_perm: int = 2000, seed: int = 0) -> pd.DataFrame:
    """Mean frame rate of group ``a`` minus group ``b`` for each category.

    Rows of ``scores`` (claims or documents) are clustered by ``doc_id``: the
    95% CI is a percentile bootstrap that resamples documents within each
    group; the p-value is a two-sided permutation test that shuffles group
    labels between documents; ``q`` is Benjamini–Hochberg over the categories.
    Deterministic for a given ``seed``. Beside each rate: ``n_a``/``n_b``, the rows (claims or
    documents) of each group, and ``with_a``/``with_b``, those with at least one hit.

    A q-value at the permutation floor: with ``n_perm`` permutations the smallest p-value is
    ``1 / (n_perm + 1)`` (0.0005 for 2,000), so several categories can share the same smallest q;
    it means "no permutation was as extreme", not an exact probability: raise ``n_perm`` to
    resolve them.
    """
    return differences_from_sums(doc_sums(scores, categories, by=by), categories, by=by, a=a, b=b,
                                 n_boot=n_boot, n_perm=n_perm, seed=seed)


def differences_from_sums(sums: pd.DataFrame, categories: Sequence[str], *, by: str = "side", a: str, b: str,
                          n_boot: int = 2000, n_perm: int = 2000, seed: int = 0) -> pd.DataFrame:
    """:func:`frame_differences` from per-document sums (:func:`doc_sums`), e.g. merged from chunks."""
    rng = np.random.default_rng(seed)
    part_a, part_b = sums[sums[by] == a].sort_values("doc_id"), sums[sums[by] == b].sort_values("doc_id")
    if part_a.empty or part_b.empty:
        raise ValueError(f"need rows for both {by}={a!r} and {by}={b!r}")
    sums_a, n_a = part_a[list(categories)].to_numpy(float), part_a["n_rows"].to_numpy(float)
    sums_b, n_b = part_b[list(categories)].to_numpy(float), part_b["n_rows"].to_numpy(float)
    mean_a, mean_b = sums_a.sum(0) / n_a.sum(), sums_b.sum(0) / n_b.sum()
    observed = mean_a - mean_b
    diffs = stats.cluster_bootstrap_means(rng, sums_a, n_a, n_boot) - stats.cluster_bootstrap_means(rng, sums_b, n_b, n_boot)
    low, high = stats.percentile_interval(diffs)
    p = stats.permutation_pvalues(rng, np.vstack([sums_a, sums_b]), np.concatenate([n_a, n_b]), len(n_a), observed,
                                  n_perm)
    q = stats.bh(p)
    with_cols = [WITH + c for c in categories]
    has_with = all(c in sums.columns for c in with_cols)
    with_a = part_a[with_cols].to_numpy(int).sum(0) if has_with else np.full(len(categories), -1)
    with_b = part_b[with_cols].to_numpy(int).sum(0) if has_with else np.full(len(categories), -1)
    out = pd.DataFrame({"category": list(categories), "mean_a": mean_a, "mean_b": mean_b, "diff": observed,
                        "ci_low": low, "ci_high": high, "p": p, "q": q,
                        "n_docs_a": len(n_a), "n_docs_b": len(n_b), "n_a": int(n_a.sum()), "n_b": int(n_b.sum()),
                        "with_a": with_a, "with_b": with_b}, columns=list(DIFF_COLUMNS))
    out["_effect"] = -np.abs(observed) / np.maximum(high - low, 1e-12)
    out = out.sort_values(["q", "_effect", "category"], kind="mergesort").drop(columns="_effect")
    return out.reset_index(drop=True)


def frame_profile(scores: pd.DataFrame, categories: Sequence[str], *, by: str = "side",
                  n_boot: int = 1000, seed: int = 0) -> pd.DataFrame:
    """Mean rate per group and category with a 95% cluster-bootstrap CI
    (documents resampled within each group). Columns: side (the ``by`` values),
    category, mean, ci_low, ci_high, n_docs, n_rows.
    """
    rng = np.random.default_rng(seed)
    rows = []
    for group, part in scores.groupby(by, sort=True):
        sums, counts = _doc_sums(part, categories)
        low, high = stats.percentile_interval(stats.cluster_bootstrap_means(rng, sums, counts, n_boot))
        mean = sums.sum(0) / counts.sum()
        for j, cat in enumerate(categories):
            rows.append((group, cat, mean[j], low[j], high[j], len(counts), len(part)))
    return pd.DataFrame(rows, columns=["side", "category", "mean", "ci_low", "ci_high", "n_docs", "n_rows"])
