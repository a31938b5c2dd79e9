"""A proportion's interval (a share, a prevalence): Wilson's score interval with the prediction-powered
estimate's effective sample size (:meth:`narrative.estimate.ppi.Estimate.proportion_interval`)."""
from __future__ import annotations

import numpy as np
import pytest
from scipy.special import stdtrit

from narrative.estimate import ppi


def test_the_interval_solves_wilsons_score_equation():
    """lo and hi are the roots of (p - theta)^2 = q^2 theta (1 - theta) / n_eff, n_eff = p (1 - p) / se^2."""
    for p, se, df in ((0.3, 0.08, 11.0), (0.05, 0.03, 40.0), (0.9, 0.02, None)):
        est = ppi.Estimate(p, se, 0.4, 60, df, None if df is None else int(df) + 1)
        lo, hi = est.proportion_interval()
        n_eff, q = p * (1 - p) / se ** 2, est.quantile
        for theta in (lo, hi):
            assert (p - theta) ** 2 == pytest.approx(q * q * theta * (1 - theta) / n_eff, rel=1e-9)
        assert 0 <= lo < p < hi <= 1


def test_no_coded_claim_with_the_label_is_not_a_point():
    """0 of 13 coded claims carry the frame: the Wald interval is [0, 0]; Wilson's is [0, q^2 / (13 + q^2)]
    with the t quantile of 12 degrees of freedom; 13 of 13 mirrors it."""
    q = stdtrit(12.0, 0.975)
    for p, (lo_want, hi_want) in ((0.0, (0.0, q * q / (13 + q * q))), (1.0, (13 / (13 + q * q), 1.0))):
        est = ppi.Estimate(p, 0.0, 0.0, 60, 12.0, 13)
        assert est.lo == est.hi == p
        lo, hi = est.proportion_interval()
        assert (lo, hi) == (pytest.approx(lo_want, abs=1e-12), pytest.approx(hi_want, abs=1e-12))


def test_a_rare_frame_of_a_small_side_is_covered():
    """Population 5,000 claims, 20% of them one side's, 10% of those carry a frame; the tool finds the side
    and the frame with errors; 1,000 sheets of 60 (about 12 coded claims of that side): Wilson's interval
    covers the population's prevalence in >= 0.93 of them, the Wald interval visibly less often, and it
    stays narrower than the coded claims' own (lambda = 0) Wilson interval."""
    rng = np.random.default_rng(26)
    n_pop = 5000
    side = rng.random(n_pop) < 0.2
    frame = side & (rng.random(n_pop) < 0.1)
    side_f = np.where(rng.random(n_pop) < 0.9, side, ~side)
    frame_f = np.where(rng.random(n_pop) < 0.85, frame, rng.random(n_pop) < 0.05) & side_f
    truth = frame.sum() / side.sum()
    coded = np.argsort(rng.random((1000, n_pop)), axis=1) < 60
    est = ppi.ratio(ppi.Ratio(frame.astype(float), side.astype(float), frame_f.astype(float),
                              side_f.astype(float)), ppi.Design.simple(coded))
    lo, hi = est.proportion_interval()
    alone_lo, alone_hi = ppi.ratio(ppi.Ratio(frame.astype(float), side.astype(float), frame_f.astype(float),
                                             side_f.astype(float)), ppi.Design.simple(coded), lam=0.0).proportion_interval()
    assert np.mean(hi - lo) < 0.8 * np.mean(alone_hi - alone_lo)
    wilson = np.mean((lo <= truth) & (truth <= hi))
    wald = np.mean((est.lo <= truth) & (truth <= est.hi))
    assert wilson >= 0.93, wilson
    assert wald < wilson - 0.03, (wald, wilson)
