"""stats.bh gives scipy.stats.false_discovery_control's q-values exactly (it no longer imports scipy.stats)."""
import numpy as np
import pytest
from scipy.stats import false_discovery_control

from narrative.stats import bh


@pytest.mark.parametrize("seed", range(20))
def test_bh_equals_scipy_bit_for_bit(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 60))
    p = rng.random(n) ** 3
    if seed % 2:  # permutation p-values: many ties at the floor 1 / (n_perm + 1)
        p = np.round(p * 50) / 1001 + 1 / 1001
    assert np.array_equal(bh(p), false_discovery_control(p, method="bh"))


def test_bh_small_and_bad_input():
    assert bh([0.3]).tolist() == [0.3]
    assert bh([]).tolist() == []
    with pytest.raises(ValueError):
        bh([0.2, 1.5])
    with pytest.raises(ValueError):
        bh([0.2, float("nan")])
