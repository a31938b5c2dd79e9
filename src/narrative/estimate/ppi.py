"""Prediction-powered estimates of means, ratios and their differences, for stratified samples.

The population is every row of a claims table (``N`` rows). Each row has the tool's labels; a
random sample of rows (simple, or stratified: a simple random sample within each stratum) also
has a coder's labels. The estimators here combine the two so that the interval stays valid however
wrong the tool is, and is narrower the better the tool is.

**Mean** (prediction-powered inference, Angelopoulos, Bates, Fannjiang, Jordan, Zrnic, *Science*
382, 2023, eq. 1; with power tuning, PPI++, Angelopoulos, Duchi, Zrnic, arXiv:2311.01453, 2023,
§2). In stratum ``h`` with ``n_h`` coded rows (gold ``Y``, prediction ``f``) and ``m_h`` uncoded
rows (prediction ``f``)::

    theta_h = lambda * mean_uncoded_h(f) + mean_coded_h(Y - lambda * f)
    theta   = sum_h W_h * theta_h,                      W_h = N_h / N
    var     = sum_h W_h**2 * (var_coded_h(Y - lambda f) / n_h + lambda**2 * var_uncoded_h(f) / m_h)

With one stratum this is PPI++'s estimator and interval (``ppi_py.ppi_mean_ci``; a test compares
them). The stratum weights are the inverse inclusion probabilities of the coded rows
(``W_h / n_h * N = N_h / n_h = 1 / pi_h``): the Horvitz–Thompson form of the design-based
estimator of Egami, Hinck, Stewart, Wei (NeurIPS 2023, "DSL"), whose pseudo-outcome
``f + R / pi * (Y - f)`` it is for ``lambda = 1``. ``lambda`` in [0, 1] is chosen to minimise the
estimated variance (``lambda = 0`` is the coded rows alone, ``lambda = 1`` plain PPI), so the
estimated interval is never wider than the coded-only one at the same point.

**Ratio** ``theta = E[a] / E[b]`` (e.g. the share of framed claims among those whose *true* side
is s: ``a = 1{side = s} * frame``, ``b = 1{side = s}``). ``theta`` is the root of the moment
condition ``E[a - theta * b] = 0``; its PPI estimate (Angelopoulos et al. 2023, §"general
M-estimation"; Z-estimation with a linear score) is the ratio of the PPI estimates of ``E[a]``
and ``E[b]`` with one ``lambda``, and its variance is the delta method (equivalently the sandwich
of that Z-estimator): the PPI variance of the mean of the linearised score
``r = (a - theta * b) / E[b]`` (Cochran, *Sampling Techniques*, 1977, §6.3 for the stratified ratio
estimator).

**Combinations** ``sum_k c_k * theta_k`` (a difference of two prevalences) use the same
linearisation: the influence of each row is ``sum_k c_k r_k``; each component keeps its own
``lambda_k``, tuned jointly to minimise the combination's variance.

**Small subgroups.** A ratio's interval rests on the coded rows of its denominator (the coded
claims whose true side is s), often a few dozen or fewer. With ``n`` such rows its interval uses
Student's t quantile with ``n - 1`` degrees of freedom instead of the normal one (the usual
finite-sample correction for a mean of ``n`` linearised scores; Cochran 1977, §2.15), so it does
not under-cover when a side has few coded claims; a mean (``den = 1``) keeps the normal quantile
(as ``ppi_py`` does). A single proportion (a share or a prevalence) near 0 or 1 with few coded rows
still under-covers with the symmetric interval, which is a point when none of them carries the label:
:meth:`Estimate.proportion_interval` gives Wilson's score interval with the estimate's effective
sample size instead (Korn & Graubard 1998), which the estimates table uses for every share and
prevalence; a difference keeps the t interval.

Examples
--------
>>> import numpy as np
>>> y = np.array([1, 0, 1, 1, 0, 1, 0, 1, 1, 0.])            # gold on the first 10 rows
>>> f = np.r_[[1, 0, 1, 0, 0, 1, 1, 1, 1, 0.], np.tile([1, 0, 1, 0.], 10)]
>>> coded = np.r_[np.ones(10, bool), np.zeros(40, bool)]
>>> est = mean(np.r_[y, np.zeros(40)], f, Design.simple(coded))
>>> round(est.estimate, 3), round(est.lam, 3)
(0.553, 0.47)
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

#: two-sided 95% normal quantile
Z95 = 1.959963984540054


@dataclass(frozen=True)
class Design:
    """How the coded rows were drawn: a stratum code for every population row and which rows are coded.

    ``strata``: int codes (0..H-1) of length N; ``coded``: bool of shape (N,), or (R, N) for R
    samples at once (every function here then returns R results: the coverage tests use this).
    Within a stratum the coded rows are taken as a simple random sample of its rows.
    """

    strata: np.ndarray
    coded: np.ndarray

    @classmethod
    def simple(cls, coded: np.ndarray) -> "Design":
        """One stratum: a simple random sample."""
        coded = np.asarray(coded, bool)
        return cls(np.zeros(coded.shape[-1], int), coded)

    def restrict(self, coded: np.ndarray) -> "Design":
        """The same strata with fewer coded rows (those coded for one quantity)."""
        return Design(self.strata, self.coded & np.asarray(coded, bool))

    def groups(self):
        """Per stratum: (weight N_h / N, coded mask, uncoded mask); masks shaped like ``coded``."""
        n_total = len(self.strata)
        for h in np.unique(self.strata):
            rows = self.strata == h
            yield rows.sum() / n_total, rows & self.coded, rows & ~self.coded


@dataclass(frozen=True)
class Estimate:
    """A point estimate, its standard error and 95% interval, and the tuning weights used
    (floats, or arrays of R for a design of R samples)."""

    estimate: float
    se: float
    lam: object
    n_coded: object
    #: degrees of freedom of a ratio's interval (coded rows of its smallest denominator - 1); None: normal
    df: object = None
    #: coded rows of the smallest gold denominator (a ratio's; None for a mean)
    n_den: object = None

    @property
    def quantile(self):
        """The two-sided 95% quantile: normal, or Student's t with :attr:`df` degrees of freedom."""
        if self.df is None:
            return Z95
        # scipy.stats.t.ppf(q, df) is this function (its _ppf) after checking arguments; importing
        # scipy.special instead of scipy.stats saves ~1 s in a fresh kernel
        from scipy.special import stdtrit

        return stdtrit(self.df, 0.975)

    @property
    def lo(self):
        return self.estimate - self.quantile * self.se

    @property
    def hi(self):
        return self.estimate + self.quantile * self.se

    def proportion_interval(self):
        """(lo, hi): the 95% interval of a proportion (a ratio whose gold numerator counts a subset of its
        denominator's rows), by Wilson's score interval with the estimate's effective sample size.

        The symmetric interval ``estimate ± q * se`` (:attr:`lo`, :attr:`hi`) is the Wald interval, which
        under-covers a proportion near 0 or 1 when its denominator has few coded rows and collapses to a
        point when none of them carries the label (Brown, Cai, DasGupta, *Statistical Science* 16, 2001).
        Survey statistics' remedy for a design-based estimate (Korn & Graubard, *Survey Methodology* 24,
        1998; Dean & Pagano, *Journal of Survey Statistics and Methodology* 3, 2015): the effective
        sample size ``n_eff = p (1 - p) / se**2`` (Kish's design effect), then Wilson's interval
        (Wilson, *JASA* 22, 1927) with ``n_eff`` rows and the quantile ``q`` of :attr:`quantile` (the
        degrees-of-freedom adjustment of Korn & Graubard, ``n_eff (z / t)**2``, is the same thing)::

            k = q**2 / n_eff
            lo, hi = (p + k / 2) / (1 + k) -+ q / (1 + k) * sqrt(p (1 - p) / n_eff + q**2 / (4 n_eff**2))

        Where ``p`` is 0 or 1 (or the prediction-powered estimate falls outside [0, 1]; ``p`` is then cut
        to it) or the standard error is 0, ``n_eff`` is the coded rows of the denominator (``n_den``), as
        in Korn & Graubard. Unlike theirs, ``n_eff`` is not capped at the coded count: the tool's labels on
        the uncoded rows are information the coded rows alone lack.

        >>> lo, hi = Estimate(0.0, 0.0, 0.0, 60, 12.0, 13).proportion_interval()   # 0 of 13 coded claims
        >>> round(float(lo), 3), round(float(hi), 3)
        (0.0, 0.267)
        """
        p = np.clip(self.estimate, 0.0, 1.0)
        var = np.square(self.se)
        inside = (p > 0) & (p < 1) & (var > 0)
        n_den = np.maximum(np.asarray(self.n_den if self.n_den is not None else self.n_coded, float), 1.0)
        n_eff = np.where(inside, p * (1 - p) / np.where(inside, var, 1.0), n_den)
        q = self.quantile
        k = q * q / n_eff
        centre = (p + k / 2) / (1 + k)
        half = q / (1 + k) * np.sqrt(p * (1 - p) / n_eff + k / (4 * n_eff))
        return centre - half, centre + half


class Moments:
    """First and second moments of the basis vectors ``V`` (N, B) over each stratum's coded and
    uncoded rows, computed once (two matrix products per stratum); every mean, variance and
    covariance below is then read from them, for one sample or R samples at once."""

    def __init__(self, basis: np.ndarray, design: Design):
        b = basis.shape[1]
        rows, patterns = label_patterns(basis) if design.coded.ndim == 1 else (basis, None)
        both = np.concatenate([rows, (rows[:, :, None] * rows[:, None, :]).reshape(len(rows), -1)], axis=1)
        self.groups = []
        for w, c, u in design.groups():
            parts = []
            for mask in (c, u):
                m = mask.astype(float)
                if patterns is not None:  # rows of each 0/1 pattern counted, then one product
                    s = np.bincount(patterns, weights=m, minlength=len(rows)) @ both
                else:
                    s = m @ both
                parts.append((m.sum(-1), s[..., :b], s[..., b:].reshape(s.shape[:-1] + (b, b))))
            self.groups.append((w, parts[0], parts[1]))

    @staticmethod
    def mean(part, a):
        k, s1, _s2 = part
        return (a * s1).sum(-1) / np.maximum(k, 1)

    @staticmethod
    def cov(part, a, z, ddof):
        k, s1, s2 = part
        cross = np.einsum("...i,...ij,...j->...", a, s2, z)
        return (cross - (a * s1).sum(-1) * (z * s1).sum(-1) / np.maximum(k, 1)) / np.maximum(k - ddof, 1)


def label_patterns(basis: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
    """``(distinct rows, each row's index among them)`` when every value is 0 or 1 (indicators: the tool's and
    the coder's labels), else ``(basis, None)``. A masked sum of 0/1 products is a whole number however it is
    added up, so counting each pattern's rows and multiplying the few patterns gives the very sums of one
    product over all rows (the demo: 2-15 patterns of 4 or 8 columns instead of 45k rows)."""
    b = basis.shape[1]
    if not 0 < b <= 62 or not np.isin(basis, (0.0, 1.0)).all():
        return basis, None
    keys = basis.astype(np.int64) @ (np.int64(1) << np.arange(b, dtype=np.int64))
    distinct, index = _distinct(keys, b)
    return ((distinct[:, None] >> np.arange(b, dtype=np.int64)) & 1).astype(float), index


#: widest pattern whose distinct keys are found by counting every possible key (2**20 counters, 8 MB)
_COUNTED_BITS = 20


def _distinct(keys: np.ndarray, bits: int) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(keys, return_inverse=True)`` for keys in ``[0, 2**bits)``: with few bits by counting each
    possible key (linear; the estimates' 66 calls on 45k rows spent 0.3 s sorting in ``np.unique``)."""
    if bits > _COUNTED_BITS:
        return np.unique(keys, return_inverse=True)
    present = np.bincount(keys, minlength=1 << bits) > 0
    return np.flatnonzero(present).astype(np.int64), (np.cumsum(present) - 1)[keys]


def _unit(b: int, i: int, shape=()) -> np.ndarray:
    e = np.zeros(shape + (b,))
    e[..., i] = 1.0
    return e


def _ppi_mean(mom: Moments, y: np.ndarray, f: np.ndarray, lam):
    """Stratified ``sum_h W_h (lam * mean_uncoded_h(f) + mean_coded_h(y - lam f))``; ``y``, ``f``:
    coefficient vectors over the basis."""
    total = 0.0
    for w, c, u in mom.groups:
        base = np.where(u[0] > 0, mom.mean(u, f), mom.mean(c, f))  # a stratum coded whole: no uncoded rows
        total = total + w * (lam * base + mom.mean(c, y) - lam * mom.mean(c, f))
    return total


def _variance(mom: Moments, psi, us, lam, ddof: int):
    """Stratified PPI variance of the mean of ``psi - sum_k lam_k u_k`` (coded) and ``sum_k lam_k u_k``
    (uncoded): ``psi`` (..., B) and ``us`` (..., K, B) coefficient vectors, ``lam`` (..., K)."""
    pred = (lam[..., :, None] * us).sum(-2)
    rest = psi - pred
    total = 0.0
    for w, c, u in mom.groups:
        total = total + w * w * mom.cov(c, rest, rest, ddof) / np.maximum(c[0], 1)
        total = total + np.where(u[0] > 1, w * w * mom.cov(u, pred, pred, ddof) / np.maximum(u[0], 1), 0.0)
    return total


def _tune(mom: Moments, psi, us, ddof: int):
    """The ``lambda`` in [0, 1]^K minimising :func:`_variance` (PPI++'s power tuning, §2, extended to
    strata and to several components). The variance is quadratic in ``lambda``: the unconstrained
    optimum solves ``A lambda = b``; when it leaves the box, the best of the clipped optimum, each
    component's own optimum, one common value and 0 is kept, so the result is never worse than
    ``lambda = 0`` (the coded claims alone)."""
    k = us.shape[-2]
    shape = psi.shape[:-1]
    a_mat, b_vec = np.zeros(shape + (k, k)), np.zeros(shape + (k,))
    for w, c, u in mom.groups:
        for i in range(k):
            b_vec[..., i] += w * w * mom.cov(c, us[..., i, :], psi, ddof) / np.maximum(c[0], 1)
            for j in range(k):
                a_mat[..., i, j] += w * w * mom.cov(c, us[..., i, :], us[..., j, :], ddof) / np.maximum(c[0], 1)
                a_mat[..., i, j] += np.where(u[0] > 1, w * w * mom.cov(u, us[..., i, :], us[..., j, :], ddof)
                                             / np.maximum(u[0], 1), 0.0)
    diag = np.diagonal(a_mat, axis1=-2, axis2=-1)

    def ratio(num, den):
        return np.clip(np.where(den > 0, num / np.where(den > 0, den, 1), 0.0), 0, 1)

    candidates = [np.zeros(shape + (k,))]
    if k > 1:
        ok = np.abs(np.linalg.det(a_mat)) > 1e-300
        safe = np.where(ok[..., None, None], a_mat, np.eye(k))
        joint = np.linalg.solve(safe, b_vec[..., None])[..., 0]
        candidates.append(np.clip(np.where(ok[..., None], joint, 0.0), 0, 1))
        for j in range(k):
            one = np.zeros(shape + (k,))
            one[..., j] = ratio(b_vec[..., j], diag[..., j])
            candidates.append(one)
    common = ratio(b_vec.sum(-1), a_mat.sum((-1, -2)))
    candidates.append(np.repeat(common[..., None], k, axis=-1))
    scores = np.stack([_variance(mom, psi, us, lam, ddof) for lam in candidates])
    best = np.argmin(scores, axis=0)
    return np.take_along_axis(np.stack(candidates), best[None, ..., None], axis=0)[0]


@dataclass(frozen=True)
class Ratio:
    """``E[num] / E[den]``: gold values (``num_y``, ``den_y``; used on coded rows) and the tool's
    (``num_f``, ``den_f``; on every row). A mean is a ratio with ``den = 1``."""

    num_y: np.ndarray
    den_y: np.ndarray
    num_f: np.ndarray
    den_f: np.ndarray

    @classmethod
    def mean(cls, y, f) -> "Ratio":
        one = np.ones(len(f))
        return cls(np.asarray(y, float), one, np.asarray(f, float), one)

    def naive(self) -> float:
        """The tool's labels alone, on every row."""
        den = self.den_f.sum()
        return float(self.num_f.sum() / den) if den else float("nan")


def combine(parts: Sequence[tuple[float, Ratio]], design: Design, *, lam=None, ddof: int = 1) -> Estimate:
    """The PPI estimate of ``sum_k c_k * E[num_k] / E[den_k]`` with a 95% interval.

    ``lam``: None tunes (PPI++), 0 uses the coded rows alone, 1 is plain PPI; a number or one per part.
    """
    k = len(parts)
    shape = design.coded.shape[:-1]
    # the basis: num_y, den_y, num_f, den_f of each part (gold values only read on coded rows)
    basis = np.column_stack([np.nan_to_num(np.asarray(v, float)) for _c, r in parts
                             for v in (r.num_y, r.den_y, r.num_f, r.den_f)])
    mom = Moments(basis, design)
    b = basis.shape[1]
    e = [[_unit(b, 4 * i + j) for j in range(4)] for i in range(k)]

    def ratios(lams):
        out = []
        for i in range(k):
            den = _ppi_mean(mom, e[i][1], e[i][3], lams[..., i])
            out.append((_ppi_mean(mom, e[i][0], e[i][2], lams[..., i]) / den, den))
        return out

    def influences(pairs):
        """Coefficients of the gold influence psi and the predictions' u_k (linearised ratios)."""
        psi = sum(c * (e[i][0] - np.asarray(t)[..., None] * e[i][1]) / np.asarray(d)[..., None]
                  for i, ((c, _r), (t, d)) in enumerate(zip(parts, pairs)))
        us = np.stack([c * (e[i][2] - np.asarray(t)[..., None] * e[i][3]) / np.asarray(d)[..., None]
                       for i, ((c, _r), (t, d)) in enumerate(zip(parts, pairs))], axis=-2)
        return psi, us

    # 1. a first estimate from the coded rows alone, to linearise each ratio around
    if lam is None:
        lams = _tune(mom, *influences(ratios(np.zeros(shape + (k,)))), ddof)
    else:
        lams = np.broadcast_to(np.asarray(lam, float), shape + (k,)).copy()
    # 2. each ratio with its weight; 3. the variance of the linearised combination there
    pairs = ratios(lams)
    psi, us = influences(pairs)
    var = _variance(mom, psi, us, lams, ddof)
    estimate = sum(c * t for (c, _r), (t, _d) in zip(parts, pairs))
    se = np.sqrt(np.maximum(var, 0.0))
    n_coded = design.coded.sum(-1)
    n_den = _ratio_support(parts, design)
    df = None if n_den is None else np.maximum(n_den - 1, 1)
    if not shape:
        return Estimate(float(estimate), float(se), float(lams[0]) if k == 1 else tuple(map(float, lams)),
                        int(n_coded), None if df is None else float(df), None if n_den is None else int(n_den))
    return Estimate(estimate, se, lams, n_coded, df, n_den)


def _ratio_support(parts: Sequence[tuple[float, Ratio]], design: Design):
    """The coded rows of a combination of ratios' smallest gold denominator (its interval's degrees of
    freedom are these minus one, at least 1); None when every part is a mean (``den = 1``: the normal
    quantile)."""
    dens = [np.nan_to_num(np.asarray(r.den_y, float)) for _c, r in parts]
    if all(np.all(d == 1) for d in dens):
        return None
    return np.min(np.stack([(design.coded & (d != 0)).sum(-1) for d in dens]), axis=0)


def mean(y, f, design: Design, *, lam=None, ddof: int = 1) -> Estimate:
    """PPI++ estimate of the population mean of ``y`` (``y`` read on coded rows only)."""
    return combine([(1.0, Ratio.mean(y, f))], design, lam=lam, ddof=ddof)


def ratio(r: Ratio, design: Design, *, lam=None, ddof: int = 1) -> Estimate:
    """PPI++ estimate of ``E[num] / E[den]`` (delta method)."""
    return combine([(1.0, r)], design, lam=lam, ddof=ddof)


def difference(a: Ratio, b: Ratio, design: Design, *, lam=None, ddof: int = 1) -> Estimate:
    """PPI++ estimate of ``ratio a − ratio b``, the two linearised jointly."""
    return combine([(1.0, a), (-1.0, b)], design, lam=lam, ddof=ddof)
