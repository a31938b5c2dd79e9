"""narrative.estimate: prediction-powered estimates checked against hand formulas, ppi_py, and
coverage on synthetic data with known truth and a biased tool."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from narrative.estimate import ppi
from support import resampled_estimates

Z = ppi.Z95


# -- hand-computed reference values (the papers' formulas written out with plain sums) -----------
Y = np.array([1, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1, 1], float)          # gold on the 12 coded rows
F_CODED = np.array([1, 0, 1, 0, 0, 1, 1, 1, 1, 0, 1, 0], float)    # the tool on the same rows
F_UNCODED = np.tile([1, 0, 1, 0, 0.], 12)                           # the tool on 60 more rows


def _design(n_coded=12, n_uncoded=60):
    return ppi.Design.simple(np.r_[np.ones(n_coded, bool), np.zeros(n_uncoded, bool)])


def test_mean_matches_the_ppi_formula_by_hand():
    """PPI (Angelopoulos et al. 2023, eq. 1) with lambda = 1, and the classical interval with lambda = 0."""
    n, m = len(Y), len(F_UNCODED)
    y = np.r_[Y, np.zeros(m)]
    f = np.r_[F_CODED, F_UNCODED]
    theta = F_UNCODED.sum() / m + sum(Y[i] - F_CODED[i] for i in range(n)) / n
    rect = Y - F_CODED
    var = sum((r - rect.mean()) ** 2 for r in rect) / (n - 1) / n + \
        sum((v - F_UNCODED.mean()) ** 2 for v in F_UNCODED) / (m - 1) / m
    plain = ppi.mean(y, f, _design(), lam=1.0)
    assert plain.estimate == pytest.approx(theta, abs=1e-12)
    assert plain.se == pytest.approx(np.sqrt(var), abs=1e-12)
    classical = ppi.mean(y, f, _design(), lam=0.0)
    assert classical.estimate == pytest.approx(Y.mean(), abs=1e-12)
    assert classical.hi - classical.lo == pytest.approx(2 * Z * Y.std(ddof=1) / np.sqrt(n), abs=1e-12)


def test_tuned_lambda_minimises_the_estimated_variance():
    """PPI++ §2: lambda* = Cov(Y, f) / n / (Var(f) / n + Var_unlabelled(f) / m), clipped to [0, 1]."""
    n, m = len(Y), len(F_UNCODED)
    est = ppi.mean(np.r_[Y, np.zeros(m)], np.r_[F_CODED, F_UNCODED], _design())
    by_hand = (np.cov(Y, F_CODED)[0, 1] / n) / (F_CODED.var(ddof=1) / n + F_UNCODED.var(ddof=1) / m)
    assert est.lam == pytest.approx(np.clip(by_hand, 0, 1), abs=1e-12)
    grid = [ppi.mean(np.r_[Y, np.zeros(m)], np.r_[F_CODED, F_UNCODED], _design(), lam=v).se for v in np.linspace(0, 1, 101)]
    assert est.se <= min(grid) + 1e-12


def test_ratio_is_the_delta_method_by_hand():
    """theta = E[a] / E[b]: the ratio of two PPI means with one lambda, variance of the linearised score."""
    rng = np.random.default_rng(3)
    n, m = 40, 200
    b_y = (rng.random(n + m) < 0.4).astype(float)
    a_y = b_y * (rng.random(n + m) < 0.5)
    b_f = np.where(rng.random(n + m) < 0.8, b_y, 1 - b_y)
    a_f = b_f * np.where(rng.random(n + m) < 0.8, a_y, 1 - a_y)
    coded = np.r_[np.ones(n, bool), np.zeros(m, bool)]
    lam = 0.6
    est = ppi.ratio(ppi.Ratio(a_y, b_y, a_f, b_f), ppi.Design.simple(coded), lam=lam)
    c, u = slice(0, n), slice(n, n + m)
    num = lam * a_f[u].mean() + (a_y[c] - lam * a_f[c]).mean()
    den = lam * b_f[u].mean() + (b_y[c] - lam * b_f[c]).mean()
    theta = num / den
    r_y, r_f = (a_y - theta * b_y) / den, (a_f - theta * b_f) / den
    var = np.var(r_y[c] - lam * r_f[c], ddof=1) / n + lam ** 2 * np.var(r_f[u], ddof=1) / m
    assert est.estimate == pytest.approx(theta, abs=1e-12)
    assert est.se == pytest.approx(np.sqrt(var), abs=1e-12)


def test_strata_weight_each_stratum_by_its_size():
    """Two strata coded at different rates: the estimate is sum_h N_h/N * theta_h (inverse inclusion
    probabilities), the variance sum_h (N_h/N)^2 var_h; the unweighted mean of the coded rows is not."""
    rng = np.random.default_rng(5)
    strata = np.r_[np.zeros(900, int), np.ones(100, int)]
    y = np.r_[rng.random(900) < 0.1, rng.random(100) < 0.8].astype(float)
    f = y.copy()
    coded = np.zeros(1000, bool)
    coded[:50] = True          # 50 of 900
    coded[900:950] = True      # 50 of 100
    est = ppi.mean(y, f, ppi.Design(strata, coded), lam=0.0)
    by_hand = 0.9 * y[:50].mean() + 0.1 * y[900:950].mean()
    var = 0.81 * y[:50].var(ddof=1) / 50 + 0.01 * y[900:950].var(ddof=1) / 50
    assert est.estimate == pytest.approx(by_hand, abs=1e-12)
    assert est.se == pytest.approx(np.sqrt(var), abs=1e-12)
    assert abs(y[coded].mean() - y.mean()) > 0.2       # why the weights matter


# -- the same data through ppi_py (Angelopoulos et al.'s package), when it is installed -----------
def test_against_ppi_py():
    ppi_py = pytest.importorskip(
        "ppi_py", reason="ppi-python is not installed: it is not a dependency (it pulls numba, llvmlite and "
                         "statsmodels, about 200 MB and 2 minutes to install); `pip install ppi-python` to run this")
    rng = np.random.default_rng(11)
    n, m = 80, 700
    y = (rng.random(n + m) < 0.3).astype(float)
    f = np.where(rng.random(n + m) < 0.85, y, 1 - y)
    coded = np.r_[np.ones(n, bool), np.zeros(m, bool)]
    for lam in (0.0, 0.5, 1.0):
        ours = ppi.mean(y, f, ppi.Design.simple(coded), lam=lam, ddof=0)
        lo, hi = ppi_py.ppi_mean_ci(y[:n], f[:n], f[n:], alpha=0.05, lam=lam)
        assert ours.lo == pytest.approx(float(np.ravel(lo)[0]), abs=1e-9)
        assert ours.hi == pytest.approx(float(np.ravel(hi)[0]), abs=1e-9)
        point = ppi_py.ppi_mean_pointestimate(y[:n], f[:n], f[n:], lam=lam)
        assert ours.estimate == pytest.approx(float(np.ravel(point)[0]), abs=1e-12)
    # power tuning: the same choice up to how the tool's variance is pooled (theirs: coded + uncoded)
    tuned = ppi.mean(y, f, ppi.Design.simple(coded), ddof=0)
    lo, hi = ppi_py.ppi_mean_ci(y[:n], f[:n], f[n:], alpha=0.05)
    assert tuned.hi - tuned.lo == pytest.approx(float(np.ravel(hi)[0] - np.ravel(lo)[0]), rel=0.02)
    assert tuned.estimate == pytest.approx(float(np.ravel(ppi_py.ppi_mean_pointestimate(y[:n], f[:n], f[n:]))[0]),
                                           abs=0.01)


# -- coverage on synthetic data: known truth, a tool with known biased error rates ----------------
SIDES = np.array(["kremlin", "ukraine", "other"])


def _synthetic(rng, n_rows=2000):
    """A population with true sides, frames and distancing, and a tool that errs in known, biased ways:
    30% of kremlin and 35% of ukraine claims go to other, 10% of other to kremlin; frames found 80% of
    the time with 15% false alarms; distancing found 60% with 10% false alarms; 10% are not claims."""
    side = rng.choice(3, n_rows, p=[.3, .25, .45])
    confusion = np.array([[.7, 0, .3], [0, .65, .35], [.1, .05, .85]])
    tool_side = (rng.random(n_rows)[:, None] > np.cumsum(confusion[side], 1)).sum(1)
    prevalence = {"aggression": [.2, .5, .3], "diplomacy": [.4, .3, .5]}
    gold = {k: rng.random(n_rows) < np.array(v)[side] for k, v in prevalence.items()}
    tool = {k: np.where(g, rng.random(n_rows) < .8, rng.random(n_rows) < .15) for k, g in gold.items()}
    attributed = rng.random(n_rows) < .7
    dist = attributed & (rng.random(n_rows) < np.array([.4, .2, .2])[side])
    tool_dist = attributed & np.where(dist, rng.random(n_rows) < .6, rng.random(n_rows) < .1)
    is_claim = rng.random(n_rows) < .9
    join = lambda d, i: ";".join(k for k in prevalence if d[k][i])
    tool_table = pd.DataFrame({"side": SIDES[tool_side], "frames": [join(tool, i) for i in range(n_rows)],
                               "distanced": tool_dist.astype(int), "attributed": attributed.astype(int)})
    gold_table = pd.DataFrame({"is_claim": is_claim.astype(float), "side": SIDES[side],
                               "frames": [join(gold, i) for i in range(n_rows)], "distanced": dist.astype(float)})
    return tool_table, gold_table, list(prevalence)


def coverage(tool, gold, categories, coded, *, claim_coded=True, distanced=True):
    """Per quantity: (truth, naive, coverage, mean width PPI++, mean width coded-only) over the rows of ``coded``."""
    return resampled_estimates(tool, gold, categories, ppi.Design.simple(np.ones(len(gold), bool)), ppi.Design.simple(coded),
                               claim_coded=claim_coded, dims={"side": True, "frames": True, "distanced": distanced})


def test_synthetic_coverage_holds_for_every_quantity_while_the_naive_estimate_is_off():
    rng = np.random.default_rng(2026)
    tool, gold, categories = _synthetic(rng)
    coded = np.argsort(rng.random((1000, len(gold))), axis=1) < 300     # 1,000 samples of 300 coded claims
    table = coverage(tool, gold, categories, coded)
    assert len(table) == 12
    for q, (truth, naive, cov, width, alone) in table.items():
        assert cov >= 0.93, (q, cov)
        assert width <= alone * 1.0 + 1e-9, (q, width, alone)    # power tuning: never wider than coded-only
    # the tool's bias shows in the naive figures: side shares, prevalence and the differences
    errors = {q: abs(naive - truth) for q, (truth, naive, *_rest) in table.items()}
    assert errors["share:other"] > 0.08 and errors["difference:aggression"] > 0.1
    assert errors["distanced:difference"] > 0.08
    assert sum(e > 0.03 for e in errors.values()) >= 10


def test_a_perfect_tool_gives_the_census_and_a_useless_one_the_coded_claims_alone():
    rng = np.random.default_rng(7)
    tool, gold, categories = _synthetic(rng, 1500)
    coded = np.argsort(rng.random((200, len(gold))), axis=1) < 200
    perfect = gold[["side", "frames"]].assign(distanced=gold["distanced"].astype(int),
                                             attributed=tool["attributed"])
    table = coverage(perfect, gold.assign(is_claim=1.0), categories, coded)
    for q, (truth, naive, cov, width, alone) in table.items():
        assert naive == pytest.approx(truth, abs=1e-12)
        assert width < 0.5 * alone, q               # the tool's labels do the work
    noise = tool.assign(side=rng.choice(SIDES, len(tool)), frames="", distanced=0)
    table = coverage(noise, gold, categories, coded)
    for q, (truth, naive, cov, width, alone) in table.items():
        assert width == pytest.approx(alone, rel=0.05), q   # lambda near 0: the coded claims alone
