"""Prevalence beside rate: the share of a side's claims carrying each frame, and the claims that weigh most.

A rate (:func:`narrative.compare.frame_differences`) is lexicon hits per 1,000 words, averaged over claims; a
reader and a hand coder think in claims: "a third of the Kremlin's claims carry a legitimacy frame". Prevalence
is that share, with the same article-bootstrap intervals, permutation tests and BH q as the rate.
"""
from __future__ import annotations

from typing import Sequence

import pandas as pd

from .compare import frames as frame_stats

#: :func:`longest_claims` columns
LONG_COLUMNS = ("group", "doc_id", "claim_id", "n_tokens", "share_of_words", "share_of_hits", "weight")


def frame_flags(scores: pd.DataFrame, categories: Sequence[str], labels: pd.Series | None = None) -> pd.DataFrame:
    """``scores`` with each category column replaced by 0/1: whether the claim carries the frame. ``labels``
    (``;``-joined per row, as :func:`narrative.features.claim_frames` gives them, aligned with ``scores``)
    decide when given, else a rate above 0 does. The mean of a flag over a side's claims is its
    **prevalence**: the share of the side's claims carrying the frame, each claim counting once however long.

    >>> import pandas as pd
    >>> s = pd.DataFrame({"doc_id": ["d", "d"], "side": ["a", "a"], "hedge": [0.0, 40.0], "booster": [10.0, 0.0]})
    >>> frame_flags(s, ["hedge", "booster"], pd.Series(["hedge", ""]))[["hedge", "booster"]].values.tolist()
    [[1.0, 0.0], [0.0, 0.0]]
    """
    out = scores.copy()
    cats = list(categories)
    if labels is None:
        out[cats] = (scores[cats] > 0).astype(float)
    else:
        sets = [set(str(v).split(";")) if isinstance(v, str) else set() for v in labels]
        for cat in cats:
            out[cat] = [float(cat in s) for s in sets]
    return out


def prevalence_differences(scores: pd.DataFrame, categories: Sequence[str], *, labels: pd.Series | None = None,
                           by: str = "side", a: str, b: str, n_boot: int = 2000, n_perm: int = 2000,
                           seed: int = 0) -> pd.DataFrame:
    """The share of ``a``'s claims carrying each frame minus ``b``'s (:func:`frame_flags`), with the same
    article-bootstrap CIs, permutation p and BH q as the rate per 1,000 words (:func:`narrative.compare.frame_differences`;
    ``mean_a``/``mean_b`` are shares)."""
    return frame_stats.frame_differences(frame_flags(scores, categories, labels), categories, by=by, a=a, b=b, n_boot=n_boot,
                             n_perm=n_perm, seed=seed)


def prevalence_profile(scores: pd.DataFrame, categories: Sequence[str], *, labels: pd.Series | None = None,
                       by: str = "side", n_boot: int = 1000, seed: int = 0) -> pd.DataFrame:
    """Share of each group's claims carrying each frame, with 95% cluster-bootstrap CIs (:func:`narrative.compare.frames.frame_profile`'s
    columns; ``mean`` is a share)."""
    return frame_stats.frame_profile(frame_flags(scores, categories, labels), categories, by=by, n_boot=n_boot, seed=seed)


def longest_claims(scores: pd.DataFrame, categories: Sequence[str], *, by: str = "side", k: int = 5,
                   cap: float = 0.05) -> pd.DataFrame:
    """The ``k`` longest claims of each group with their share of the group's words and of its frame hits
    (hits = rate × words / 1,000), and ``weight``: the weight that caps a claim's share of the group's
    words at ``cap`` (1 below the cap). A side's rate (:func:`narrative.compare.frame_differences`) is the mean of its claims'
    rates, so each claim counts once; this table shows when one claim still supplies most of a side's
    words or hits (a joint declaration read as one claim).

    >>> import pandas as pd
    >>> s = pd.DataFrame({"doc_id": list("abc"), "claim_id": ["a:1", "b:1", "c:1"], "side": ["x"] * 3,
    ...                   "n_tokens": [1000, 10, 10], "hedge": [1.0, 100.0, 0.0]})
    >>> longest_claims(s, ["hedge"], k=1)[["claim_id", "share_of_words", "share_of_hits"]].values.tolist()
    [['a:1', 0.9804, 0.5]]
    """
    cats = list(categories)
    hits = (scores[cats].to_numpy(float) * scores["n_tokens"].to_numpy(float)[:, None] / 1000).sum(1)
    frame = scores.assign(hits_=hits)
    rows = []
    for group, part in frame.groupby(by, sort=True):
        words, total_hits = float(part["n_tokens"].sum()), float(part["hits_"].sum())
        top = part.sort_values(["n_tokens", "claim_id"], ascending=[False, True], kind="mergesort").head(k)
        for r in top.itertuples():
            share = r.n_tokens / words if words else 0.0
            rows.append((group, r.doc_id, r.claim_id, int(r.n_tokens), round(share, 4),
                         round(r.hits_ / total_hits, 4) if total_hits else 0.0, round(min(1.0, cap / share), 4) if share else 1.0))
    return pd.DataFrame(rows, columns=list(LONG_COLUMNS))
