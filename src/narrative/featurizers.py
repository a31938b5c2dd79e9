"""The framing featurizers for scikit-learn pipelines: lexicon rates and VADER sentiment per text.

They follow scikit-learn's estimator contract (``fit`` returns self, learned state ends in ``_``,
``transform`` checks it is fitted, ``get_feature_names_out`` names every column) and take a 1-D
sequence of texts, so they drop into ``Pipeline`` and ``FeatureUnion``. The scoring itself is
:mod:`narrative.features` (``lexicon_rates``, the memoised VADER), which does not import scikit-learn;
``narrative.features.LexiconFeatures`` and the others still name these classes.

>>> from sklearn.pipeline import make_union
>>> union = make_union(LexiconFeatures(), SentimentFeatures())
>>> union.fit_transform(["Russia claimed a great victory."]).shape[0]
1
"""
from __future__ import annotations

import os
from numbers import Real
from typing import Sequence

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from .features import VADER_COLUMNS, lexicon_rates, text_list, vader_analyzer, vader_scores
from .infra.parallel import map_parts
from .lexicons import Lexicon, load_lexicon


class _TextInput:
    """Declares, in scikit-learn's estimator tags, that X is a sequence of strings (as for
    ``CountVectorizer``), so tools that read tags do not feed these transformers numeric arrays."""

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        return tags


class LexiconFeatures(_TextInput, TransformerMixin, BaseEstimator):
    """Hits per 1,000 words (:mod:`narrative.analyzer`) for each lexicon category.

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
        # parameters are checked when fitting, as scikit-learn's own estimators do (not in __init__)
        if isinstance(self.per, bool) or not isinstance(self.per, Real) or not self.per > 0:
            raise ValueError(f"LexiconFeatures: per must be a number > 0, got {self.per!r}")
        if not (self.lexicon is None or isinstance(self.lexicon, (str, os.PathLike, Lexicon))):
            raise ValueError(f"LexiconFeatures: lexicon must be None, a path or a Lexicon, got {type(self.lexicon).__name__}")
        text_list(X)
        self.lexicon_ = self.lexicon if isinstance(self.lexicon, Lexicon) else load_lexicon(self.lexicon)
        self.categories_ = np.asarray(self.lexicon_.categories, dtype=object)
        return self

    def transform(self, X):
        check_is_fitted(self, "lexicon_")
        return lexicon_rates(self.lexicon_, text_list(X), self.per)[1]

    def get_feature_names_out(self, input_features=None):
        check_is_fitted(self, "lexicon_")
        return self.categories_.copy()


class SentimentFeatures(_TextInput, TransformerMixin, BaseEstimator):
    """VADER (Hutto & Gilbert 2014) compound/pos/neg/neu scores via NLTK, offline.

    The lexicon comes from the pip-installed ``vaderSentiment`` wheel through
    :func:`narrative.infra.nltkdata.vader_lexicon_text`; nothing is downloaded, and NLTK's code runs
    without importing NLTK (:mod:`narrative.vader`).
    """

    def fit(self, X, y=None):
        text_list(X)
        self.analyzer_ = vader_analyzer()
        return self

    def transform(self, X):
        check_is_fitted(self, "analyzer_")
        rows = [vader_scores(text) for text in text_list(X)]
        return np.asarray(rows, dtype=float).reshape(-1, len(VADER_COLUMNS))

    def get_feature_names_out(self, input_features=None):
        check_is_fitted(self, "analyzer_")
        return np.asarray(VADER_COLUMNS, dtype=object)


class TextRows(TransformerMixin, BaseEstimator):
    """Rows computed beforehand, one per distinct text: ``transform(texts)`` stacks each text's row.

    Cross-validation's stand-in for a per-text featurizer (:class:`LexiconFeatures`,
    :class:`SentimentFeatures`): each text is scored once (:func:`text_rows`) instead of once per
    fold and model kind. Their rows do not depend on what they were fitted on, so a pipeline with
    this step in their place gives the same matrix, the same fit and the same predictions.

    >>> rows = text_rows(["war", "peace"], SentimentFeatures())
    >>> np.array_equal(rows.transform(["peace", "war"]), SentimentFeatures().fit(["x"]).transform(["peace", "war"]))
    True
    """

    def __init__(self, *, table=None, position=None, names=None):
        self.table = table
        self.position = position
        self.names = names

    def fit(self, X, y=None):
        self.n_features_out_ = self.table.shape[1]
        return self

    def transform(self, X):
        check_is_fitted(self, "n_features_out_")
        try:
            index = [self.position[text] for text in text_list(X)]
        except KeyError as exc:
            raise ValueError(f"TextRows: no row computed for text {str(exc)[:60]}") from None
        return self.table[np.asarray(index, dtype=np.intp)].reshape(len(index), self.table.shape[1])

    def get_feature_names_out(self, input_features=None):
        return np.asarray(self.names, dtype=object)


def _transform_part(part: list[str], featurizer) -> np.ndarray:
    return featurizer.fit(part).transform(part)


def text_rows(texts: Sequence[str], featurizer, *, n_jobs: int | None = 1) -> TextRows:
    """A fitted :class:`TextRows` holding ``featurizer``'s row of every distinct text of ``texts``
    (computed once each, over ``n_jobs`` processes). ``featurizer`` must score each text on its own
    (lexicon rates, VADER), as :func:`narrative.infra.parallel.map_parts` requires."""
    unique = list(dict.fromkeys(text_list(texts)))
    parts = map_parts(_transform_part, unique, featurizer, n_jobs=n_jobs, min_part=2000) if unique else []
    fitted = featurizer.fit(unique[:1] or [""])
    width = len(fitted.get_feature_names_out())
    table = np.vstack(parts) if parts else np.zeros((0, width))
    return TextRows(table=table, position={text: i for i, text in enumerate(unique)},
                    names=list(fitted.get_feature_names_out())).fit(unique)
