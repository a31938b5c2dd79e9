"""Compare two sides: weighted log-odds of words, and frame-rate differences
with cluster-bootstrap CIs, permutation p-values and Benjamini–Hochberg q.

Examples
--------
>>> import pandas as pd
>>> a = term_counts(["the quick brown fox jumps over the lazy pig"])
>>> b = term_counts(["the lazy purple pig jumps over the lazier donkey"])
>>> t = log_odds_dirichlet(a, b, prior=0.05)
>>> round(float(t.loc["brown", "z"]), 5), round(float(t.loc["purple", "z"]), 5), float(t.loc["the", "z"])
(0.68942, -0.68942, 0.0)
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable, Sequence

import numpy as np
import pandas as pd

from . import stats
from .infra.tables import list_cell
from .segment import words

LOG_ODDS_COLUMNS = ("count_a", "count_b", "delta", "var", "z")
DIFF_COLUMNS = ("category", "mean_a", "mean_b", "diff", "ci_low", "ci_high", "p", "q", "n_docs_a", "n_docs_b",
                "n_a", "n_b", "with_a", "with_b")
#: prefix of the per-document count of rows with at least one hit of a category (:func:`doc_sums`)
WITH = "with:"


def term_counts(texts: Iterable[str], *, lowercase: bool = True, words_only: bool = True) -> pd.Series:
    """Token counts of ``texts`` as a Series indexed by term, sorted by term.

    Counts from different chunks merge by addition
    (``a.add(b, fill_value=0)``), so a corpus can be counted in pieces.
    """
    counter: Counter[str] = Counter()
    for text in texts:
        counter.update(words(text.lower() if lowercase else text))
    if words_only:  # punctuation tokens are single characters: drop them once, not per text
        for term in [t for t in counter if not (t[0].isalnum() or t[0] == "_")]:
            del counter[term]
    series = pd.Series(counter, dtype="int64")
    return series.sort_index()


def log_odds_dirichlet(counts_a: pd.Series, counts_b: pd.Series, prior: float | pd.Series = 0.01) -> pd.DataFrame:
    """Weighted log-odds ratio with an informative Dirichlet prior.

    Monroe, Colaresi & Quinn (2008), "Fightin' Words", *Political Analysis*
    16(4), eq. 16–22. With y the term counts, n the totals, α the prior per
    term and α0 = Σα over the joint vocabulary::

        δ = log[(y_a+α)/(n_a+α0−y_a−α)] − log[(y_b+α)/(n_b+α0−y_b−α)]
        var = 1/(y_a+α) + 1/(y_b+α),   z = δ / √var

    ``prior`` is a scalar α per term or a Series of prior counts (e.g. from a
    background corpus; terms missing from it get the smallest positive α).
    Returns a DataFrame indexed by term, sorted by z descending then term.
    """
    vocab = counts_a.index.union(counts_b.index)
    y_a = counts_a.reindex(vocab, fill_value=0).astype(float)
    y_b = counts_b.reindex(vocab, fill_value=0).astype(float)
    if isinstance(prior, pd.Series):
        alpha = prior.reindex(vocab).astype(float)
        floor = alpha[alpha > 0].min() if (alpha > 0).any() else 0.01
        alpha = alpha.fillna(floor).clip(lower=floor)
    else:
        if prior <= 0:
            raise ValueError("prior must be positive")
        alpha = pd.Series(float(prior), index=vocab)
    alpha0 = float(alpha.sum())
    n_a, n_b = float(y_a.sum()), float(y_b.sum())
    delta = (np.log((y_a + alpha) / (n_a + alpha0 - y_a - alpha))
             - np.log((y_b + alpha) / (n_b + alpha0 - y_b - alpha)))
    var = 1.0 / (y_a + alpha) + 1.0 / (y_b + alpha)
    out = pd.DataFrame({"count_a": y_a.astype("int64"), "count_b": y_b.astype("int64"),
                        "delta": delta, "var": var, "z": delta / np.sqrt(var)})
    out.index.name = "term"
    return out.sort_values(["z"], ascending=False, kind="mergesort")


#: ``stopwords="english"``: scikit-learn's English list (318 words, Glasgow Information Retrieval
#: Group) plus titles, which lead a comparison of speakers' words without saying anything about framing
EXTRA_STOPWORDS = frozenset("mr mrs ms dr said says also".split())


def stopword_set(stopwords: str | Sequence[str] | None = "english") -> frozenset[str]:
    """The terms to leave out of a log-odds comparison: ``"english"``, ``"none"`` / None, or a list."""
    if stopwords is None or stopwords == "none":
        return frozenset()
    if stopwords == "english":
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

        return frozenset(ENGLISH_STOP_WORDS) | EXTRA_STOPWORDS
    if isinstance(stopwords, str):
        raise ValueError(f"stopwords must be 'english', 'none' or a list of terms, got {stopwords!r}")
    return frozenset(w.lower() for w in stopwords)


def name_terms(actors) -> frozenset[str]:
    """The lower-case words of the actors file's person names and aliases ("vladimir", "putin",
    "zelenskyy"): in speeches they mark who speaks, not how a claim is framed."""
    from .segment import lower_words

    return frozenset(w for alias, actor in actors.aliases.items() if actor.kind == "person"
                     for w in lower_words(alias) if w.isalpha())


def without_terms(counts: pd.Series, terms: Iterable[str]) -> pd.Series:
    """Term counts without ``terms`` (and without one-letter and all-digit terms when any are given)."""
    terms = frozenset(terms)
    if not terms:
        return counts
    index = counts.index.astype(str)
    drop = index.isin(list(terms)) | (index.str.len() < 2) | index.str.isdigit()
    return counts[~drop]


#: the priors :func:`log_odds` offers
PRIORS = ("uniform", "informative")


def log_odds(counts_a: pd.Series, counts_b: pd.Series, *, prior: str = "informative", alpha: float = 0.01,
             stopwords: str | Sequence[str] | None = "english", exclude: Iterable[str] = ()) -> pd.DataFrame:
    """:func:`log_odds_dirichlet` with a stopword filter and a named prior.

    ``prior="informative"`` takes each term's pooled count in both groups as its prior count (the
    corpus as background, Monroe et al. 2008 §3.5; tidylo's default); ``"uniform"`` gives every term
    ``alpha``. The uniform prior lets rare terms and, without a filter, function words lead.
    ``exclude``: more terms to leave out (e.g. :func:`name_terms`).
    """
    drop = stopword_set(stopwords) | frozenset(exclude)
    a, b = without_terms(counts_a, drop), without_terms(counts_b, drop)
    if prior == "uniform":
        return log_odds_dirichlet(a, b, prior=alpha)
    if prior != "informative":
        raise ValueError(f"prior must be one of {', '.join(PRIORS)}, got {prior!r}")
    pooled = a.add(b, fill_value=0)
    return log_odds_dirichlet(a, b, prior=pooled)


def top_terms(table: pd.DataFrame, k: int = 20) -> pd.DataFrame:
    """The k most a-leaning and k most b-leaning terms, with a ``leans`` column."""
    top_a = table.nlargest(k, "z").assign(leans="a")
    top_b = table.nsmallest(k, "z").assign(leans="b")
    return pd.concat([top_a, top_b])


def _doc_sums(frame: pd.DataFrame, categories: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    grouped = frame.groupby("doc_id", sort=True)
    return grouped[list(categories)].sum().to_numpy(float), grouped.size().to_numpy(float)


def doc_sums(scores: pd.DataFrame, categories: Sequence[str], *, by: str = "side") -> pd.DataFrame:
    """Per group and document: the category sums, ``n_rows`` and, as ``with:<category>``, the rows
    with at least one hit (raw counts beside the rates; all mergeable across chunks)."""
    cats = list(categories)
    flags = (scores[cats] > 0).astype(int).rename(columns=lambda c: WITH + c)
    frame = pd.concat([scores[[by, "doc_id"] + cats], flags], axis=1)
    grouped = frame.groupby([by, "doc_id"], sort=True)
    return grouped[cats + list(flags.columns)].sum().join(grouped.size().rename("n_rows")).reset_index()


def frame_differences(scores: pd.DataFrame, categories: Sequence[str], *, by: str = "side", a: str, b: str,
                      n_boot: int = 2000, n_perm: int = 2000, seed: int = 0) -> pd.DataFrame:
    """Mean frame rate of group ``a`` minus group ``b`` for each category.

    Rows of ``scores`` (claims or documents) are clustered by ``doc_id``: the
    95% CI is a percentile bootstrap that resamples documents within each
    group; the p-value is a two-sided permutation test that shuffles group
    labels between documents; ``q`` is Benjamini–Hochberg over the categories.
    Deterministic for a given ``seed``. Beside each rate: ``n_a``/``n_b``, the rows (claims or
    documents) of each group, and ``with_a``/``with_b``, those with at least one hit.

    A q-value at the permutation floor: with ``n_perm`` permutations the smallest p-value is
    ``1 / (n_perm + 1)`` (0.0005 for 2,000), so several categories can share the same smallest q;
    it means "no permutation was as extreme", not an exact probability: raise ``n_perm`` to
    resolve them.
    """
    return differences_from_sums(doc_sums(scores, categories, by=by), categories, by=by, a=a, b=b,
                                 n_boot=n_boot, n_perm=n_perm, seed=seed)


def differences_from_sums(sums: pd.DataFrame, categories: Sequence[str], *, by: str = "side", a: str, b: str,
                          n_boot: int = 2000, n_perm: int = 2000, seed: int = 0) -> pd.DataFrame:
    """:func:`frame_differences` from per-document sums (:func:`doc_sums`), e.g. merged from chunks."""
    rng = np.random.default_rng(seed)
    part_a, part_b = sums[sums[by] == a].sort_values("doc_id"), sums[sums[by] == b].sort_values("doc_id")
    if part_a.empty or part_b.empty:
        raise ValueError(f"need rows for both {by}={a!r} and {by}={b!r}")
    sums_a, n_a = part_a[list(categories)].to_numpy(float), part_a["n_rows"].to_numpy(float)
    sums_b, n_b = part_b[list(categories)].to_numpy(float), part_b["n_rows"].to_numpy(float)
    mean_a, mean_b = sums_a.sum(0) / n_a.sum(), sums_b.sum(0) / n_b.sum()
    observed = mean_a - mean_b
    diffs = stats.cluster_bootstrap_means(rng, sums_a, n_a, n_boot) - stats.cluster_bootstrap_means(rng, sums_b, n_b, n_boot)
    low, high = stats.percentile_interval(diffs)
    p = stats.permutation_pvalues(rng, np.vstack([sums_a, sums_b]), np.concatenate([n_a, n_b]), len(n_a), observed,
                                  n_perm)
    q = stats.bh(p)
    with_cols = [WITH + c for c in categories]
    has_with = all(c in sums.columns for c in with_cols)
    with_a = part_a[with_cols].to_numpy(int).sum(0) if has_with else np.full(len(categories), -1)
    with_b = part_b[with_cols].to_numpy(int).sum(0) if has_with else np.full(len(categories), -1)
    out = pd.DataFrame({"category": list(categories), "mean_a": mean_a, "mean_b": mean_b, "diff": observed,
                        "ci_low": low, "ci_high": high, "p": p, "q": q,
                        "n_docs_a": len(n_a), "n_docs_b": len(n_b), "n_a": int(n_a.sum()), "n_b": int(n_b.sum()),
                        "with_a": with_a, "with_b": with_b}, columns=list(DIFF_COLUMNS))
    out["_effect"] = -np.abs(observed) / np.maximum(high - low, 1e-12)
    out = out.sort_values(["q", "_effect", "category"], kind="mergesort").drop(columns="_effect")
    return out.reset_index(drop=True)


def frame_profile(scores: pd.DataFrame, categories: Sequence[str], *, by: str = "side",
                  n_boot: int = 1000, seed: int = 0) -> pd.DataFrame:
    """Mean rate per group and category with a 95% cluster-bootstrap CI
    (documents resampled within each group). Columns: side (the ``by`` values),
    category, mean, ci_low, ci_high, n_docs, n_rows.
    """
    rng = np.random.default_rng(seed)
    rows = []
    for group, part in scores.groupby(by, sort=True):
        sums, counts = _doc_sums(part, categories)
        low, high = stats.percentile_interval(stats.cluster_bootstrap_means(rng, sums, counts, n_boot))
        mean = sums.sum(0) / counts.sum()
        for j, cat in enumerate(categories):
            rows.append((group, cat, mean[j], low[j], high[j], len(counts), len(part)))
    return pd.DataFrame(rows, columns=["side", "category", "mean", "ci_low", "ci_high", "n_docs", "n_rows"])


def weekly_rates(scores: pd.DataFrame, dates: pd.Series, categories: Sequence[str], *, by: str = "side") -> pd.DataFrame:
    """Weekly mean frame rate per group with a normal 95% CI over documents.

    ``dates`` maps doc_id → date string. Returns long format: week, group,
    category, mean, ci_low, ci_high, n_docs.
    """
    when = pd.to_datetime(scores["doc_id"].map(dates), utc=True, errors="coerce", format="mixed")
    frame = scores.assign(week=when.dt.tz_localize(None).dt.to_period("W-SUN").dt.start_time).dropna(subset=["week"])
    per_doc = frame.groupby(["week", by, "doc_id"])[list(categories)].mean().reset_index()
    long = per_doc.melt(id_vars=["week", by, "doc_id"], value_vars=list(categories), var_name="category")
    g = long.groupby(["week", by, "category"])["value"]
    out = g.agg(mean="mean", sd="std", n_docs="count").reset_index()
    half = 1.96 * out["sd"].fillna(0) / np.sqrt(out["n_docs"])
    out["ci_low"], out["ci_high"] = out["mean"] - half, out["mean"] + half
    return out.drop(columns="sd").rename(columns={by: "group"})


#: :func:`reporter_stance` columns: per group, how the reporter presents its attributed claims
STANCE_COLUMNS = ("group", "claims", "documents", "distanced", "share", "ci_low", "ci_high", "p",
                  "distancing_cue", "journalist_hedge")
_STANCE_SUMS = ("claims", "distanced", "distancing_cue", "journalist_hedge")


def _reporters_hedge(hedges, content, quote_type: str = "indirect") -> bool:
    """A journalist hedge of the claim's sentence that is not inside the speaker's own quoted words:
    in “…that I allegedly fled…” the distance is the speaker's; in "…, which would be a major
    victory if true" or a paraphrase, the reporter chose the words."""
    from .segment.marks import quote_spans

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
    hedge = pd.Series([_reporters_hedge(h, c, q) for h, c, q in zip(claims["hedges"], claims["content"],
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
        from .schema import UNKNOWN_SIDE

        attributed = attributed[attributed["side"] != UNKNOWN_SIDE]
    cue = attributed["cue_stance"].eq("distancing")
    hedge = pd.Series([_reporters_hedge(h, c, q) for h, c, q in zip(attributed["hedges"], attributed["content"],
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
    from .schema import UNKNOWN_SIDE

    said = claims[claims["quote_type"] != "self"]
    return int((said["side"] == UNKNOWN_SIDE).sum()), len(said)
