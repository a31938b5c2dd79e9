"""PPI's moments over 0/1 labels: rows counted per pattern give the sums of one product over every row, bit for bit."""
import numpy as np
import pytest

from narrative.estimate.ppi import Design, Moments, label_patterns


def _direct(basis, design):
    """The moments as one product over every row (the definition)."""
    pairs = (basis[:, :, None] * basis[:, None, :]).reshape(len(basis), -1)
    both = np.concatenate([basis, pairs], axis=1)
    b = basis.shape[1]
    out = []
    for w, c, u in design.groups():
        parts = []
        for mask in (c, u):
            m = mask.astype(float)
            s = m @ both
            parts.append((m.sum(-1), s[..., :b], s[..., b:].reshape(s.shape[:-1] + (b, b))))
        out.append((w, parts[0], parts[1]))
    return out


@pytest.mark.parametrize("n, b", [(5000, 4), (20000, 8), (300, 12)])
def test_pattern_counts_give_the_products_bit_for_bit(n, b):
    rng = np.random.default_rng(n)
    basis = (rng.random((n, b)) < rng.random(b)).astype(float)
    design = Design(rng.integers(0, 3, n), rng.random(n) < 0.05)
    rows, index = label_patterns(basis)
    assert index is not None and len(rows) <= 2 ** b and np.array_equal(rows[index], basis)
    for (w1, c1, u1), (w2, c2, u2) in zip(Moments(basis, design).groups, _direct(basis, design)):
        assert w1 == w2
        for ours, theirs in ((c1, c2), (u1, u2)):
            for a, z in zip(ours, theirs):
                assert np.array_equal(a, z)


def test_values_other_than_0_and_1_take_the_product_over_every_row():
    rng = np.random.default_rng(1)
    basis = rng.random((400, 4)).round(2)
    design = Design.simple(rng.random(400) < 0.2)
    assert label_patterns(basis)[1] is None
    for (_w, c1, u1), (_w2, c2, u2) in zip(Moments(basis, design).groups, _direct(basis, design)):
        for a, z in zip(c1 + u1, c2 + u2):
            assert np.array_equal(a, z)


@pytest.mark.parametrize("bits", [1, 4, 8, 20, 21, 40])
def test_distinct_keys_are_numpy_unique_with_its_inverse(bits):
    from narrative.estimate.ppi import _distinct

    rng = np.random.default_rng(bits)
    keys = rng.integers(0, min(1 << bits, 1 << 30), 3000, dtype=np.int64) << max(0, bits - 30)
    distinct, index = _distinct(keys, bits)
    want_distinct, want_index = np.unique(keys, return_inverse=True)
    assert distinct.dtype == want_distinct.dtype and index.dtype == want_index.dtype
    assert np.array_equal(distinct, want_distinct) and np.array_equal(index, want_index)
