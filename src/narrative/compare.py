"""Compare two sides: weighted log-odds of words, and frame-rate differences
with cluster-bootstrap CIs, permutation p-values and Benjamini–Hochberg q.

Examples
--------
>>> import pandas as pd
>>> a = term_counts(["the quick brown fox jumps over the lazy pig"])
>>> b = term_counts(["the lazy purple pig jumps over the lazier donkey"])
>>> t = log_odds_dirichlet(a, b, prior=0.05)
>>> round(float(t.loc["brown", "z"]), 5), round(float(t.loc["purple", "z"]), 5), float(t.loc["the", "z"])
(0.68942, -0.68942, 0.0)
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable, Sequence

import numpy as np
import pandas as pd

from . import stats
from .segment import words

LOG_ODDS_COLUMNS = ("count_a", "count_b", "delta", "var", "z")
DIFF_COLUMNS = ("category", "mean_a", "mean_b", "diff", "ci_low", "ci_high", "p", "q", "n_docs_a", "n_docs_b")


def term_counts(texts: Iterable[str], *, lowercase: bool = True, words_only: bool = True) -> pd.Series:
    """Token counts of ``texts`` as a Series indexed by term, sorted by term.

    Counts from different chunks merge by addition
    (``a.add(b, fill_value=0)``), so a corpus can be counted in pieces.
    """
    counter: Counter[str] = Counter()
    for text in texts:
        counter.update(words(text.lower() if lowercase else text))
    if words_only:  # punctuation tokens are single characters: drop them once, not per text
        for term in [t for t in counter if not (t[0].isalnum() or t[0] == "_")]:
            del counter[term]
    series = pd.Series(counter, dtype="int64")
    return series.sort_index()


def log_odds_dirichlet(counts_a: pd.Series, counts_b: pd.Series, prior: float | pd.Series = 0.01) -> pd.DataFrame:
    """Weighted log-odds ratio with an informative Dirichlet prior.

    Monroe, Colaresi & Quinn (2008), "Fightin' Words", *Political Analysis*
    16(4), eq. 16–22. With y the term counts, n the totals, α the prior per
    term and α0 = Σα over the joint vocabulary::

        δ = log[(y_a+α)/(n_a+α0−y_a−α)] − log[(y_b+α)/(n_b+α0−y_b−α)]
        var = 1/(y_a+α) + 1/(y_b+α),   z = δ / √var

    ``prior`` is a scalar α per term or a Series of prior counts (e.g. from a
    background corpus; terms missing from it get the smallest positive α).
    Returns a DataFrame indexed by term, sorted by z descending then term.
    """
    vocab = counts_a.index.union(counts_b.index)
    y_a = counts_a.reindex(vocab, fill_value=0).astype(float)
    y_b = counts_b.reindex(vocab, fill_value=0).astype(float)
    if isinstance(prior, pd.Series):
        alpha = prior.reindex(vocab).astype(float)
        floor = alpha[alpha > 0].min() if (alpha > 0).any() else 0.01
        alpha = alpha.fillna(floor).clip(lower=floor)
    else:
        if prior <= 0:
            raise ValueError("prior must be positive")
        alpha = pd.Series(float(prior), index=vocab)
    alpha0 = float(alpha.sum())
    n_a, n_b = float(y_a.sum()), float(y_b.sum())
    delta = (np.log((y_a + alpha) / (n_a + alpha0 - y_a - alpha))
             - np.log((y_b + alpha) / (n_b + alpha0 - y_b - alpha)))
    var = 1.0 / (y_a + alpha) + 1.0 / (y_b + alpha)
    out = pd.DataFrame({"count_a": y_a.astype("int64"), "count_b": y_b.astype("int64"),
                        "delta": delta, "var": var, "z": delta / np.sqrt(var)})
    out.index.name = "term"
    return out.sort_values(["z"], ascending=False, kind="mergesort")


def top_terms(table: pd.DataFrame, k: int = 20) -> pd.DataFrame:
    """The k most a-leaning and k most b-leaning terms, with a ``leans`` column."""
    top_a = table.nlargest(k, "z").assign(leans="a")
    top_b = table.nsmallest(k, "z").assign(leans="b")
    return pd.concat([top_a, top_b])


def _doc_sums(frame: pd.DataFrame, categories: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    grouped = frame.groupby("doc_id", sort=True)
    return grouped[list(categories)].sum().to_numpy(float), grouped.size().to_numpy(float)


def doc_sums(scores: pd.DataFrame, categories: Sequence[str], *, by: str = "side") -> pd.DataFrame:
    """Per group and document: the category sums and ``n_rows`` (mergeable across chunks)."""
    grouped = scores.groupby([by, "doc_id"], sort=True)
    return grouped[list(categories)].sum().join(grouped.size().rename("n_rows")).reset_index()


def frame_differences(scores: pd.DataFrame, categories: Sequence[str], *, by: str = "side", a: str, b: str,
                      n_boot: int = 2000, n_perm: int = 2000, seed: int = 0) -> pd.DataFrame:
    """Mean frame rate of group ``a`` minus group ``b`` for each category.

    Rows of ``scores`` (claims or documents) are clustered by ``doc_id``: the
    95% CI is a percentile bootstrap that resamples documents within each
    group; the p-value is a two-sided permutation test that shuffles group
    labels between documents; ``q`` is Benjamini–Hochberg over the categories.
    Deterministic for a given ``seed``.
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
    out = pd.DataFrame({"category": list(categories), "mean_a": mean_a, "mean_b": mean_b, "diff": observed,
                        "ci_low": low, "ci_high": high, "p": p, "q": q,
                        "n_docs_a": len(n_a), "n_docs_b": len(n_b)}, columns=list(DIFF_COLUMNS))
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


def weekly_rates(scores: pd.DataFrame, dates: pd.Series, categories: Sequence[str], *, by: str = "side") -> pd.DataFrame:
    """Weekly mean frame rate per group with a normal 95% CI over documents.

    ``dates`` maps doc_id → date string. Returns long format: week, group,
    category, mean, ci_low, ci_high, n_docs.
    """
    when = pd.to_datetime(scores["doc_id"].map(dates), utc=True, errors="coerce", format="mixed")
    frame = scores.assign(week=when.dt.tz_localize(None).dt.to_period("W-SUN").dt.start_time).dropna(subset=["week"])
    per_doc = frame.groupby(["week", by, "doc_id"])[list(categories)].mean().reset_index()
    long = per_doc.melt(id_vars=["week", by, "doc_id"], value_vars=list(categories), var_name="category")
    g = long.groupby(["week", by, "category"])["value"]
    out = g.agg(mean="mean", sd="std", n_docs="count").reset_index()
    half = 1.96 * out["sd"].fillna(0) / np.sqrt(out["n_docs"])
    out["ci_low"], out["ci_high"] = out["mean"] - half, out["mean"] + half
    return out.drop(columns="sd").rename(columns={by: "group"})
