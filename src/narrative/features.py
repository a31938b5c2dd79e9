"""Framing features: lexicon rates, VADER sentiment, and the evidence behind them.

Featurizers follow scikit-learn's estimator contract (``fit`` returns self,
learned state ends in ``_``, ``transform`` checks it is fitted,
``get_feature_names_out`` names every column) and take a 1-D sequence of texts,
so they drop into ``Pipeline`` and ``FeatureUnion``.

Examples
--------
>>> from sklearn.pipeline import make_union
>>> from narrative.features import LexiconFeatures, SentimentFeatures
>>> union = make_union(LexiconFeatures(), SentimentFeatures())
>>> X = union.fit_transform(["Our forces continue to deter enemy attacks.",
...                          "Russia claimed a great victory."])
>>> X.shape
(2, 14)
>>> union.get_feature_names_out()[:2].tolist()
['lexiconfeatures__achievement', 'lexiconfeatures__resistance']
"""
from __future__ import annotations

from functools import lru_cache
from typing import Sequence

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from .lexicons import Lexicon, load_lexicon
from .schema import EVIDENCE

VADER_COLUMNS = ("vader_compound", "vader_pos", "vader_neg", "vader_neu")
KWIC_WIDTH = 60


def _texts(X) -> list[str]:
    """Accept a 1-D sequence of texts, a Series, or a one-column 2-D array/DataFrame."""
    if isinstance(X, pd.DataFrame):
        if X.shape[1] != 1:
            raise ValueError(f"expected one text column, got {X.shape[1]} columns")
        X = X.iloc[:, 0]
    array = np.asarray(X, dtype=object)
    if array.ndim == 2:
        if array.shape[1] != 1:
            raise ValueError(f"expected one text column, got {array.shape[1]} columns")
        array = array[:, 0]
    if array.ndim != 1:
        raise ValueError("expected a 1-D sequence of texts")
    return ["" if v is None else str(v) for v in array]


class LexiconFeatures(TransformerMixin, BaseEstimator):
    """Hits per 1,000 tokens for each lexicon category.

    Parameters
    ----------
    lexicon : str, Path or Lexicon, default=None
        A lexicon file in the ``frames.csv`` format, a loaded ``Lexicon``,
        or None for the shipped frames lexicon.
    per : float, default=1000
        Rates are hits per ``per`` tokens.

    Attributes
    ----------
    lexicon_ : Lexicon
    categories_ : ndarray of str
    """

    def __init__(self, *, lexicon=None, per: float = 1000.0):
        self.lexicon = lexicon
        self.per = per

    def fit(self, X, y=None):
        _texts(X)
        self.lexicon_ = self.lexicon if isinstance(self.lexicon, Lexicon) else load_lexicon(self.lexicon)
        self.categories_ = np.asarray(self.lexicon_.categories, dtype=object)
        return self

    def transform(self, X):
        check_is_fitted(self, "lexicon_")
        texts = _texts(X)
        out = np.zeros((len(texts), len(self.categories_)), dtype=float)
        index = {c: j for j, c in enumerate(self.categories_)}
        for i, text in enumerate(texts):
            n_tokens, totals = self.lexicon_.count(text)
            if n_tokens:
                for cat, value in totals.items():
                    out[i, index[cat]] = value * self.per / n_tokens
        return out

    def get_feature_names_out(self, input_features=None):
        check_is_fitted(self, "lexicon_")
        return self.categories_.copy()


@lru_cache(maxsize=1)
def _analyzer():
    from nltk.sentiment import SentimentIntensityAnalyzer

    from .nltkdata import ensure_nltk_data

    ensure_nltk_data()
    return SentimentIntensityAnalyzer()


@lru_cache(maxsize=262144)
def _vader(text: str) -> tuple[float, float, float, float]:
    """VADER scores of one text, memoised: cross-validation scores each claim many times."""
    s = _analyzer().polarity_scores(text)
    return (s["compound"], s["pos"], s["neg"], s["neu"])


class SentimentFeatures(TransformerMixin, BaseEstimator):
    """VADER (Hutto & Gilbert 2014) compound/pos/neg/neu scores via NLTK, offline.

    The lexicon comes from the pip-installed ``vaderSentiment`` wheel through
    :func:`narrative.nltkdata.ensure_nltk_data`; nothing is downloaded.
    """

    def fit(self, X, y=None):
        _texts(X)
        self.analyzer_ = _analyzer()
        return self

    def transform(self, X):
        check_is_fitted(self, "analyzer_")
        rows = [_vader(text) for text in _texts(X)]
        return np.asarray(rows, dtype=float).reshape(-1, len(VADER_COLUMNS))

    def get_feature_names_out(self, input_features=None):
        check_is_fitted(self, "analyzer_")
        return np.asarray(VADER_COLUMNS, dtype=object)


def frame_scores(table: pd.DataFrame, *, text_column: str, lexicon: Lexicon | None = None,
                 sentiment: bool = True, keep: Sequence[str] = ("doc_id", "claim_id", "side")) -> pd.DataFrame:
    """Per-row frame rates: the ``keep`` columns present, ``n_tokens``, one column
    per category (hits per 1,000 tokens) and ``vader_compound``.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"doc_id": ["d"], "side": ["ukraine"],
    ...                   "content": ["Ukrainian forces continue to deter enemy attacks."]})
    >>> row = frame_scores(t, text_column="content", sentiment=False).iloc[0]
    >>> int(row.n_tokens), float(round(row.resistance, 1))
    (8, 125.0)
    """
    lexicon = lexicon or load_lexicon()
    texts = table[text_column].fillna("").astype(str).tolist()
    lex = LexiconFeatures(lexicon=lexicon).fit(texts)
    out = table[[c for c in keep if c in table.columns]].reset_index(drop=True).copy()
    out["n_tokens"] = [lexicon.count(t)[0] for t in texts]
    rates = pd.DataFrame(lex.transform(texts), columns=list(lex.get_feature_names_out()))
    out = pd.concat([out, rates], axis=1)
    if sentiment:
        out["vader_compound"] = SentimentFeatures().fit(texts).transform(texts)[:, 0]
    return out


def evidence(table: pd.DataFrame, *, text_column: str, lexicon: Lexicon | None = None,
             width: int = KWIC_WIDTH, offset_column: str | None = None) -> pd.DataFrame:
    """A keyword-in-context table: one row per hit per category
    (:data:`narrative.schema.EVIDENCE`). ``start``/``end`` index the text in
    ``text_column``, plus ``offset_column`` when given (e.g. ``content_start``
    to make them document offsets).

    >>> import pandas as pd
    >>> t = pd.DataFrame({"doc_id": ["d"], "claim_id": ["d:1"],
    ...                   "content": ["Russia claimed it had captured the city."]})
    >>> evidence(t, text_column="content")[["category", "match"]].values.tolist()
    [['hedge', 'claimed'], ['achievement', 'captured']]
    """
    lexicon = lexicon or load_lexicon()
    rows = []
    has_claims = "claim_id" in table.columns
    shifts = table[offset_column] if offset_column else [0] * len(table)
    for doc_id, claim_id, text, shift in zip(table["doc_id"], table["claim_id"] if has_claims else [""] * len(table),
                                             table[text_column].fillna("").astype(str), shifts):
        for hit in lexicon.find(text):
            left = " ".join(text[max(0, hit.start - width):hit.start].split())
            right = " ".join(text[hit.end:hit.end + width].split())
            for cat in hit.categories:
                rows.append((doc_id, claim_id, cat, hit.phrase, left, text[hit.start:hit.end], right,
                             int(hit.start + shift), int(hit.end + shift)))
    return pd.DataFrame(rows, columns=list(EVIDENCE))
