"""narrative.stats against scipy and scikit-learn, resample by resample."""
from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import f1_score

from narrative import stats


def _resampled_rows(groups: np.ndarray, weights_row: np.ndarray) -> np.ndarray:
    """The row indices a weights row stands for: each group's rows repeated as often as it was drawn."""
    _u, g = np.unique(groups, return_inverse=True)
    members = [np.flatnonzero(g == k) for k in range(g.max() + 1)]
    return np.concatenate([np.repeat(members[k], int(c)) for k, c in enumerate(weights_row)])


def test_cluster_bootstrap_means_are_the_means_of_resampled_rows():
    rng = np.random.default_rng(4)
    sums, counts = rng.poisson(3, (40, 3)).astype(float), rng.integers(1, 5, 40).astype(float)
    boot = stats.cluster_bootstrap_means(np.random.default_rng(9), sums, counts, n_boot=50)
    weights = np.vstack(list(stats.bootstrap_weights(np.random.default_rng(9), 40, 50)))
    for row, w in zip(boot, weights):
        idx = np.repeat(np.arange(40), w.astype(int))
        np.testing.assert_allclose(row, sums[idx].sum(0) / counts[idx].sum())


def test_permutation_pvalues_match_scipys_exact_test():
    """8 documents, 4 a side: scipy enumerates all 70 splits; 20,000 random permutations agree."""
    from scipy.stats import permutation_test

    x = np.array([1.0, 2.5, 3.0, 4.5, 2.0, 6.0, 7.5, 8.0])
    sums, counts = x[:, None], np.ones(8)
    observed = np.array([x[:4].mean() - x[4:].mean()])
    ours = stats.permutation_pvalues(np.random.default_rng(0), sums, counts, 4, observed, 20_000)[0]
    exact = permutation_test((x[:4], x[4:]), lambda a, b: a.mean() - b.mean(), permutation_type="independent",
                             n_resamples=np.inf, alternative="two-sided").pvalue
    assert ours == pytest.approx(exact, abs=0.01)


def test_the_permutation_floor_is_one_over_n_plus_one():
    sums = np.array([[0.0], [0.0], [0.0], [10.0], [10.0], [10.0]] * 5)
    p = stats.permutation_pvalues(np.random.default_rng(0), sums, np.ones(30), 15, np.array([-10.0]), 99)
    assert p[0] == pytest.approx(1 / 100)


def test_bh_is_the_textbook_step_up():
    p = np.array([0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, 0.212, 0.216])
    m = len(p)
    order = np.argsort(p)
    ranked = np.minimum.accumulate((p[order] * m / np.arange(1, m + 1))[::-1])[::-1]
    expected = np.empty(m)
    expected[order] = np.minimum(ranked, 1)
    np.testing.assert_allclose(stats.bh(p), expected)


def test_macro_f1_resamples_equal_sklearn_per_resample():
    """Including labels that occur only in predictions (sklearn counts them, with F1 0)."""
    rng = np.random.default_rng(2)
    y = rng.choice(["a", "b", "c"], 120)
    pred = np.where(rng.random(120) < 0.6, y, rng.choice(["a", "b", "c", "d"], 120))
    groups = np.arange(120) // 4
    weights = np.vstack(list(stats.bootstrap_weights(np.random.default_rng(5), 30, 100)))
    ours = stats.macro_f1_resamples(y, pred, groups, weights)
    for score, w in zip(ours, weights):
        idx = _resampled_rows(groups, w)
        assert score == pytest.approx(f1_score(y[idx], pred[idx], average="macro", zero_division=0))


def test_macro_f1_interval_bug_case_six_groups():
    """The review's 6-group example: a label predicted but never true must count, as in sklearn."""
    y = np.array(["k", "k", "u", "u", "k", "u", "k", "u", "k", "k", "u", "u"])
    pred = np.array(["k", "k", "u", "o", "k", "u", "o", "u", "k", "k", "u", "u"])
    groups = np.repeat(np.arange(6), 2)
    low, high = stats.macro_f1_interval(y, pred, groups, n_boot=400, seed=0)
    weights = np.vstack(list(stats.bootstrap_weights(np.random.default_rng(0), 6, 400)))
    reference = [f1_score(y[idx], pred[idx], average="macro", zero_division=0)
                 for idx in (_resampled_rows(groups, w) for w in weights)]
    assert (low, high) == pytest.approx(tuple(np.percentile(reference, [2.5, 97.5])))


def test_multilabel_macro_f1_resamples_equal_sklearn():
    rng = np.random.default_rng(1)
    labels, pred = rng.integers(0, 2, (300, 10)), rng.integers(0, 2, (300, 10))
    labels[:, 3] = pred[:, 3] = 0  # a label nobody uses: zero_division=0 as in sklearn
    g = np.arange(300) // 3
    weights = np.vstack(list(stats.bootstrap_weights(rng, 100, 200)))
    ours = stats.multilabel_macro_f1_resamples(labels, pred, g, weights)
    for score, w in zip(ours, weights):
        idx = _resampled_rows(g, w)
        assert score == pytest.approx(f1_score(labels[idx], pred[idx], average="macro", zero_division=0))


def test_blocks_give_the_same_draws(monkeypatch):
    whole = np.vstack(list(stats.bootstrap_weights(np.random.default_rng(3), 50, 30)))
    monkeypatch.setattr(stats, "BLOCK_CELLS", 7 * 50)
    parts = list(stats.bootstrap_weights(np.random.default_rng(3), 50, 30))
    assert [len(p) for p in parts] == [7, 7, 7, 7, 2]
    np.testing.assert_array_equal(np.vstack(parts), whole)
