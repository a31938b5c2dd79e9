"""The words that distinguish two groups: weighted log-odds with an informative Dirichlet prior.

Counts (:func:`term_counts`, words as :mod:`narrative.segment` splits them) merge by addition
across chunks; :func:`log_odds` adds a stopword filter and a named prior to
:func:`log_odds_dirichlet` (Monroe, Colaresi & Quinn 2008).

Examples
--------
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

from ..analyzer import is_word
from ..segment import words

LOG_ODDS_COLUMNS = ("count_a", "count_b", "delta", "var", "z")


def term_counts(texts: Iterable[str], *, lowercase: bool = True, words_only: bool = True) -> pd.Series:
    """Token counts of ``texts`` as a Series indexed by term, sorted by term.

    Counts from different chunks merge by addition
    (``a.add(b, fill_value=0)``), so a corpus can be counted in pieces.
    """
    counter: Counter[str] = Counter()
    for text in texts:
        counter.update(words(text.lower() if lowercase else text))
    if words_only:  # punctuation tokens (not words, :mod:`narrative.analyzer`): dropped once, not per text
        for term in [t for t in counter if not is_word(t)]:
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
#: Group; shipped as ``data/english_stopwords.txt``, so a comparison does not import scikit-learn) plus titles, which lead a comparison of speakers' words without saying anything about framing
EXTRA_STOPWORDS = frozenset("mr mrs ms dr said says also".split())


def stopword_set(stopwords: str | Sequence[str] | None = "english") -> frozenset[str]:
    """The terms to leave out of a log-odds comparison: ``"english"``, ``"none"`` / None, or a list."""
    if stopwords is None or stopwords == "none":
        return frozenset()
    if stopwords == "english":
        from ..analyzer import english_stopwords

        return english_stopwords() | EXTRA_STOPWORDS
    if isinstance(stopwords, str):
        raise ValueError(f"stopwords must be 'english', 'none' or a list of terms, got {stopwords!r}")
    return frozenset(w.lower() for w in stopwords)


def name_terms(actors) -> frozenset[str]:
    """The lower-case words of the actors file's person names and aliases ("vladimir", "putin",
    "zelenskyy"): in speeches they mark who speaks, not how a claim is framed."""
    from ..segment import lower_words

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
