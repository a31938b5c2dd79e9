import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from narrative.compare.frames import frame_differences, frame_profile
from narrative.compare.words import log_odds_dirichlet, term_counts

A = "the quick brown fox jumps over the lazy pig"
B = "the lazy purple pig jumps over the lazier donkey"


def test_monroe_check_exact():
    t = log_odds_dirichlet(term_counts([A]), term_counts([B]), prior=0.05)
    assert len(t) == 11
    assert round(t.loc["brown", "z"], 5) == 0.68942
    assert round(t.loc["purple", "z"], 5) == -0.68942
    assert t.loc["the", "z"] == 0.0
    assert t.loc["brown", "count_a"] == 1 and t.loc["brown", "count_b"] == 0


def test_counts_merge_by_addition():
    whole = term_counts([A, B])
    parts = term_counts([A]).add(term_counts([B]), fill_value=0).astype("int64")
    pd.testing.assert_series_equal(whole, parts, check_names=False)


counts = st.lists(st.integers(0, 50), min_size=10, max_size=10).map(lambda v: dict(zip("abcdefghij", v)))


@settings(max_examples=60, deadline=None)
@given(counts, counts, st.floats(0.01, 5))
def test_log_odds_antisymmetric(a, b, prior):
    a, b = pd.Series(a, dtype="int64"), pd.Series(b, dtype="int64")
    ab = log_odds_dirichlet(a, b, prior=prior)
    ba = log_odds_dirichlet(b, a, prior=prior)
    np.testing.assert_allclose(ab["z"].sort_index(), -ba["z"].sort_index(), atol=1e-12)


def _scores(seed=1):
    rng = np.random.default_rng(seed)
    rows = []
    for side, mean in (("kremlin", 3.0), ("ukraine", 1.0)):
        for d in range(30):
            for c in range(4):
                rows.append({"doc_id": f"{side}{d}", "side": side, "achievement": rng.poisson(mean), "hedge": rng.poisson(1.0)})
    return pd.DataFrame(rows)


def test_frame_differences_detects_real_gap_and_is_deterministic():
    s = _scores()
    d1 = frame_differences(s, ["achievement", "hedge"], a="kremlin", b="ukraine", n_boot=500, n_perm=500, seed=3)
    d2 = frame_differences(s, ["achievement", "hedge"], a="kremlin", b="ukraine", n_boot=500, n_perm=500, seed=3)
    pd.testing.assert_frame_equal(d1, d2)
    ach = d1.set_index("category").loc["achievement"]
    assert ach["ci_low"] < ach["diff"] < ach["ci_high"]
    assert ach["ci_low"] > 1.0 and ach["q"] < 0.01
    hedge = d1.set_index("category").loc["hedge"]
    assert hedge["ci_low"] < 0 < hedge["ci_high"] or hedge["q"] > 0.05


def test_frame_profile_ci_contains_mean():
    p = frame_profile(_scores(), ["achievement", "hedge"], n_boot=300)
    assert ((p["ci_low"] <= p["mean"]) & (p["mean"] <= p["ci_high"])).all()
    assert set(p["side"]) == {"kremlin", "ukraine"}


def test_blockwise_bootstrap_and_permutations_equal_one_block(monkeypatch):
    """Memory stays bounded by resampling in blocks; the draws, CIs and p-values do not change."""
    import numpy as np

    from narrative.compare import frames as C
    from narrative import stats

    rng = np.random.default_rng(3)
    scores = pd.DataFrame({"doc_id": [f"d{i // 3}" for i in range(300)],
                           "side": ["a" if i < 150 else "b" for i in range(300)],
                           "x": rng.poisson(2, 300).astype(float), "y": rng.poisson(1, 300).astype(float)})
    whole = C.frame_differences(scores, ["x", "y"], a="a", b="b", n_boot=300, n_perm=300, seed=1)
    profile = C.frame_profile(scores, ["x", "y"], n_boot=300, seed=1)
    monkeypatch.setattr(stats, "BLOCK_CELLS", 7 * 50)  # blocks of 7 resamples over 50 documents
    pd.testing.assert_frame_equal(C.frame_differences(scores, ["x", "y"], a="a", b="b", n_boot=300, n_perm=300, seed=1), whole)
    pd.testing.assert_frame_equal(C.frame_profile(scores, ["x", "y"], n_boot=300, seed=1), profile)
