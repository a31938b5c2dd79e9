"""The statistics every comparison uses, written once: cluster bootstrap, permutation test,
Benjamini–Hochberg, and bootstrap intervals for macro-F1.

Rows (claims) are clustered in documents (or articles): resampling and permuting whole clusters
keeps the dependence between claims of one document out of the intervals and p-values.
Resampling weights and permutation masks are built in blocks of at most :data:`BLOCK_CELLS`
cells, so memory stays bounded however many documents there are, with the same random draws
as one call.

Examples
--------
>>> rng = np.random.default_rng(0)
>>> sums, counts = np.array([[2.0], [4.0], [6.0]]), np.array([1.0, 1.0, 1.0])
>>> boot = cluster_bootstrap_means(rng, sums, counts, n_boot=200)
>>> boot.shape, bool(2.0 <= boot.min() and boot.max() <= 6.0)
((200, 1), True)
>>> [round(float(q), 3) for q in bh([0.01, 0.04, 0.03])]
[0.03, 0.04, 0.04]
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterator, Sequence

import numpy as np

#: cells (resamples x clusters) of one block of bootstrap weights or permutation masks: 4M floats, 32 MB
BLOCK_CELLS = 4_000_000


def blocks(total: int, width: int) -> Iterator[int]:
    """Block sizes adding up to ``total`` with at most :data:`BLOCK_CELLS` cells of ``width``."""
    step = max(1, BLOCK_CELLS // max(width, 1))
    for start in range(0, total, step):
        yield min(step, total - start)


def bootstrap_weights(rng: np.random.Generator, n_clusters: int, n_boot: int) -> Iterator[np.ndarray]:
    """Blocks of resampling weights: row r counts how often each cluster is drawn in resample r
    (``n_clusters`` draws with replacement); the same draws as one ``multinomial(size=n_boot)``."""
    p = np.full(n_clusters, 1 / n_clusters)
    for size in blocks(n_boot, n_clusters):
        yield rng.multinomial(n_clusters, p, size=size).astype(float)


def cluster_bootstrap_means(rng: np.random.Generator, sums: np.ndarray, counts: np.ndarray,
                            n_boot: int) -> np.ndarray:
    """``n_boot`` resampled ratio means ``Σ w·sums / Σ w·counts`` (clusters drawn with replacement):
    one row per resample, one column per column of ``sums`` (clusters x categories)."""
    return np.vstack([(w @ sums) / (w @ counts)[:, None] for w in bootstrap_weights(rng, len(counts), n_boot)])


def percentile_interval(samples: np.ndarray, level: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """The percentile interval of resampled statistics (per column)."""
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(samples, [tail, 100 - tail], axis=0)
    return low, high


def permutation_pvalues(rng: np.random.Generator, sums: np.ndarray, counts: np.ndarray, n_a: int,
                        observed: np.ndarray, n_perm: int) -> np.ndarray:
    """Two-sided permutation p-values of a difference of ratio means: the first ``n_a`` clusters
    form group a; group labels are shuffled between clusters ``n_perm`` times; ``p = (extreme + 1) /
    (n_perm + 1)``, so the smallest possible p (the permutation floor) is ``1 / (n_perm + 1)``."""
    n = len(counts)
    extreme = np.zeros(sums.shape[1], dtype=int)
    for size in blocks(n_perm, n):
        masks = np.zeros((size, n), dtype=float)
        for i in range(size):
            masks[i, rng.permutation(n)[:n_a]] = 1.0
        perm_a = (masks @ sums) / (masks @ counts)[:, None]
        perm_b = ((1 - masks) @ sums) / ((1 - masks) @ counts)[:, None]
        extreme += (np.abs(perm_a - perm_b) >= np.abs(observed) - 1e-12).sum(0)
    return (extreme + 1) / (n_perm + 1)


def bh(p: Sequence[float]) -> np.ndarray:
    """Benjamini–Hochberg adjusted p-values (q-values): ``scipy.stats.false_discovery_control(p, method="bh")``
    step for step (the same operations, so the same floats; a test compares them), without importing
    scipy.stats (~1-2 s) for it.

    >>> bh([0.5, 0.6, 0.1, 0.001]).tolist()
    [0.6, 0.6, 0.2, 0.004]
    """
    ps = np.asarray(p, dtype=float).ravel()
    if not np.all(ps == np.clip(ps, 0.0, 1.0)):
        raise ValueError("`ps` must include only numbers between 0 and 1.")
    if ps.size <= 1:
        return ps
    m = ps.shape[-1]
    order = np.argsort(ps, kind="stable")
    ps = ps[order] * (m / np.arange(1, m + 1, dtype=ps.dtype))  # the ordered p times m / rank
    np.minimum.accumulate(ps[::-1], out=ps[::-1])  # a smaller q further up the order carries down
    out = np.empty_like(ps)
    out[order] = ps
    return np.clip(out, 0.0, 1.0)


def _cluster_index(groups) -> tuple[np.ndarray, int]:
    _uniq, g = np.unique(np.asarray(groups), return_inverse=True)
    return g, int(g.max()) + 1 if len(g) else 0


def macro_f1_resamples(y, pred, groups, weights: np.ndarray) -> np.ndarray:
    """Macro-F1 of each resample (rows of ``weights``: how often each group is drawn), exactly as
    ``f1_score(average="macro", zero_division=0)`` on the resampled rows: over the labels present
    in that resample's truth or predictions. Per-group confusion counts summed by one matrix
    product per block, ~100x faster than calling f1_score per resample."""
    y, pred = np.asarray(y), np.asarray(pred)
    labels = np.unique(np.concatenate([y, pred]))
    g, n_groups = _cluster_index(groups)
    yi, pi = np.searchsorted(labels, y), np.searchsorted(labels, pred)
    tp = np.zeros((n_groups, len(labels))); fp = np.zeros_like(tp); fn = np.zeros_like(tp)
    hit = yi == pi
    np.add.at(tp, (g[hit], yi[hit]), 1)
    np.add.at(fp, (g[~hit], pi[~hit]), 1)
    np.add.at(fn, (g[~hit], yi[~hit]), 1)
    TP, FP, FN = weights @ tp, weights @ fp, weights @ fn
    denom = 2 * TP + FP + FN
    f1 = np.divide(2 * TP, denom, out=np.zeros_like(TP), where=denom > 0)
    present = denom > 0  # the label occurs in this resample's truth or predictions
    return (f1 * present).sum(1) / np.maximum(present.sum(1), 1)


@lru_cache(maxsize=4)
def seeded_weights(seed: int, n_clusters: int, n_boot: int) -> tuple[np.ndarray, ...]:
    """The blocks of :func:`bootstrap_weights` of a fresh generator seeded ``seed``, made once per process
    and read-only: every model and setting of a cross-validation draws the same resamples of the same
    documents (the side task's 8 intervals drew 1000 x 1,700 multinomial counts each, ~0.2 s a time)."""
    out = tuple(bootstrap_weights(np.random.default_rng(seed), n_clusters, n_boot))
    for block in out:
        block.flags.writeable = False
    return out


def macro_f1_interval(y, pred, groups, n_boot: int, seed: int) -> tuple[float, float]:
    """95% percentile interval of macro-F1 resampling groups (documents) with replacement."""
    _g, n_groups = _cluster_index(groups)
    scores = np.concatenate([macro_f1_resamples(y, pred, groups, w) for w in seeded_weights(seed, n_groups, n_boot)])
    low, high = percentile_interval(scores)
    return float(low), float(high)


def multilabel_macro_f1_resamples(labels: np.ndarray, pred: np.ndarray, g: np.ndarray,
                                  weights: np.ndarray) -> np.ndarray:
    """Macro-F1 over label columns of each resample (sklearn's ``average="macro"``,
    ``zero_division=0``: every column counts, an unused one as 0)."""
    n_groups = weights.shape[1]
    tp = np.zeros((n_groups, labels.shape[1])); fp = np.zeros_like(tp); fn = np.zeros_like(tp)
    np.add.at(tp, g, (labels == 1) & (pred == 1))
    np.add.at(fp, g, (labels == 0) & (pred == 1))
    np.add.at(fn, g, (labels == 1) & (pred == 0))
    TP, FP, FN = weights @ tp, weights @ fp, weights @ fn
    denom = 2 * TP + FP + FN
    f1 = np.divide(2 * TP, denom, out=np.zeros_like(TP), where=denom > 0)
    return f1.mean(axis=1)


def multilabel_macro_f1_interval(labels: np.ndarray, pred: np.ndarray, g: np.ndarray,
                                 weights: np.ndarray) -> tuple[float, float]:
    """95% percentile interval of multi-label macro-F1 over the given resampling weights."""
    low, high = percentile_interval(multilabel_macro_f1_resamples(labels, pred, g, weights))
    return float(low), float(high)
