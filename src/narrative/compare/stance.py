"""The reporter's stance toward each group's claims: which attributed claims it distances itself
from (a distancing cue, or a journalist hedge outside the speaker's quoted words), the share per
group with article-bootstrap CIs and the a − b difference; and the claims no comparison of sides
can count (side ``unknown``).

Why quotations are found again in ``content`` here: the claims table's ``hedges`` are the unit's
(and the next unit's) journalist hedges, with no note of whether a hedge lies inside the speaker's
quoted words; only the content string says so.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .. import stats
from ..infra.tables import list_cell


#: :func:`reporter_stance` columns: per group, how the reporter presents its attributed claims
STANCE_COLUMNS = ("group", "claims", "documents", "distanced", "share", "ci_low", "ci_high", "p",
                  "distancing_cue", "journalist_hedge")
_STANCE_SUMS = ("claims", "distanced", "distancing_cue", "journalist_hedge")


def reporters_hedge(hedges, content, quote_type: str = "indirect") -> bool:
    """A journalist hedge of the claim's sentence that is not inside the speaker's own quoted words:
    in “…that I allegedly fled…” the distance is the speaker's; in "…, which would be a major
    victory if true" or a paraphrase, the reporter chose the words."""
    from ..segment.marks import quote_spans

    hedges = list_cell(hedges)
    if not hedges:  # most claims: no hedge, nothing to look for in the quotation
        return False
    content = str(content)
    if quote_type == "direct":  # the content is the quotation itself (its marks stripped)
        quoted = content.lower()
    else:
        quoted = " ".join(content[a:b] for a, b in quote_spans(content)).lower()
    return any(h.lower() not in quoted for h in hedges)


def distanced(claims: pd.DataFrame) -> pd.Series:
    """Per claim, whether the reporter distances itself from it (codebook H1): an attributed claim
    (``quote_type`` not ``self``) with a distancing cue or a journalist hedge outside the speaker's
    quoted words (:func:`stance_sums` counts the same). Indexed like ``claims``.

    >>> c = pd.DataFrame({"quote_type": ["direct", "indirect", "self"], "cue_stance": ["distancing", "neutral", "neutral"],
    ...                   "hedges": [[], ["if true"], ["if true"]], "content": ["a", "b", "c"]})
    >>> distanced(c).tolist()
    [True, True, False]
    """
    attributed = claims["quote_type"] != "self"
    cue = claims["cue_stance"].eq("distancing")
    hedge = pd.Series([reporters_hedge(h, c, q) for h, c, q in zip(claims["hedges"], claims["content"],
                                                                       claims["quote_type"])],
                      index=claims.index, dtype=bool)
    return (attributed & (cue | hedge)).rename("distanced")


def stance_sums(claims: pd.DataFrame, *, by: str = "side") -> pd.DataFrame:
    """Per group and document, the attributed claims (``quote_type`` not ``self``) and how many of
    them the reporter distances: a distancing cue ("claimed", "alleged", "insisted":
    ``cue_stance == "distancing"``) or a journalist hedge ("could not be independently verified",
    "if true": the ``hedges`` column) that is not inside the speaker's quoted words. Sums merge by
    addition across chunks. Claims whose side is ``unknown`` (speaker not resolved) are left out, as in
    every comparison of sides (:func:`unknown_share` counts them)."""
    attributed = claims[claims["quote_type"] != "self"]
    if by == "side":
        from ..schema import UNKNOWN_SIDE

        attributed = attributed[attributed["side"] != UNKNOWN_SIDE]
    cue = attributed["cue_stance"].eq("distancing")
    hedge = pd.Series([reporters_hedge(h, c, q) for h, c, q in zip(attributed["hedges"], attributed["content"],
                                                                       attributed["quote_type"])],
                      index=attributed.index, dtype=bool)
    frame = pd.DataFrame({by: attributed[by].astype(str), "doc_id": attributed["doc_id"], "claims": 1,
                          "distanced": (cue | hedge).astype(int), "distancing_cue": cue.astype(int),
                          "journalist_hedge": hedge.astype(int)})
    return frame.groupby([by, "doc_id"], sort=True)[list(_STANCE_SUMS)].sum().reset_index()


def reporter_stance(sums: pd.DataFrame, *, by: str = "side", a: str | None = None, b: str | None = None,
                    n_boot: int = 2000, n_perm: int = 2000, seed: int = 0) -> pd.DataFrame:
    """The reporter's stance toward each group's claims, from :func:`stance_sums`: the share of
    attributed claims reported with distancing, with a 95% CI from a bootstrap that resamples
    documents (articles) within the group, since claims of one article are not independent.

    With ``a`` and ``b`` a last row ``a − b`` holds the difference of shares, its bootstrap CI and
    ``p``, the two-sided permutation p-value (group labels shuffled between documents). Shares are
    fractions (0.05 is 5 percentage points); ``distancing_cue`` and ``journalist_hedge`` count the
    claims with each kind of distancing (a claim may have both).

    >>> claims = pd.DataFrame({"doc_id": ["d1", "d1", "d2", "d3"], "side": ["kremlin", "kremlin", "ukraine", "ukraine"],
    ...     "quote_type": ["direct"] * 4, "cue_stance": ["distancing", "neutral", "neutral", "neutral"],
    ...     "hedges": [[], [], ["if true"], []], "content": ["a", "b", "c", "d"]})
    >>> t = reporter_stance(stance_sums(claims), n_boot=50)
    >>> t[["group", "claims", "distanced", "share"]].values.tolist()
    [['kremlin', 2, 1, 0.5], ['ukraine', 2, 1, 0.5]]
    """
    rng = np.random.default_rng(seed)
    rows, parts = [], {}
    for group, part in sums.groupby(by, sort=True):
        part = part.sort_values("doc_id")
        n, k = part["claims"].to_numpy(float), part["distanced"].to_numpy(float)
        parts[str(group)] = (k, n)
        low, high = stats.percentile_interval(stats.cluster_bootstrap_means(rng, k[:, None], n, n_boot))
        rows.append({"group": str(group), "claims": int(n.sum()), "documents": len(n), "distanced": int(k.sum()),
                     "share": k.sum() / n.sum(), "ci_low": float(low[0]), "ci_high": float(high[0]), "p": np.nan,
                     "distancing_cue": int(part["distancing_cue"].sum()),
                     "journalist_hedge": int(part["journalist_hedge"].sum())})
    out = pd.DataFrame(rows, columns=list(STANCE_COLUMNS))
    if a is not None and b is not None and a in parts and b in parts:
        (k_a, n_a), (k_b, n_b) = parts[a], parts[b]
        observed = k_a.sum() / n_a.sum() - k_b.sum() / n_b.sum()
        diffs = (stats.cluster_bootstrap_means(rng, k_a[:, None], n_a, n_boot)
                 - stats.cluster_bootstrap_means(rng, k_b[:, None], n_b, n_boot))
        low, high = stats.percentile_interval(diffs)
        p = stats.permutation_pvalues(rng, np.concatenate([k_a, k_b])[:, None], np.concatenate([n_a, n_b]), len(n_a),
                                      np.array([observed]), n_perm)
        both = out[out["group"].isin([a, b])]
        out = pd.concat([out, pd.DataFrame([{
            "group": f"{a} − {b}", "claims": int(both["claims"].sum()), "documents": int(both["documents"].sum()),
            "distanced": int(both["distanced"].sum()), "share": observed, "ci_low": float(low[0]),
            "ci_high": float(high[0]), "p": float(p[0]), "distancing_cue": int(both["distancing_cue"].sum()),
            "journalist_hedge": int(both["journalist_hedge"].sum())}])], ignore_index=True)
    return out


def unknown_share(claims: pd.DataFrame) -> tuple[int, int]:
    """``(claims with side unknown, attributed claims)``: the claims whose speaker could not be resolved
    (:data:`narrative.schema.UNKNOWN_SIDE`), which every comparison of sides leaves out, among the
    attributed ones (``quote_type`` not ``self``).

    >>> unknown_share(pd.DataFrame({"side": ["kremlin", "unknown", "other", "ukraine"],
    ...                             "quote_type": ["direct", "indirect", "self", "mixed"]}))
    (1, 3)
    """
    from ..schema import UNKNOWN_SIDE

    said = claims[claims["quote_type"] != "self"]
    return int((said["side"] == UNKNOWN_SIDE).sum()), len(said)
