"""TF-IDF over word n-grams counted once per text: cross-validation's stand-in for the full model's vectorizer.

The full model's ``TfidfVectorizer`` (:func:`narrative.model.feature_union`: word 1-2-grams as
:mod:`narrative.analyzer` defines them, ``min_df=2``, sublinear tf) tokenises every training and test text
again in every fold. :func:`counted_tfidf` counts each distinct text's n-grams once; the
:class:`CountedTfidf` it returns is fitted per fold on the training rows only (the terms in at least
``min_df`` of them, their idf), so no test fold leaks in, and gives the vectorizer's matrices bit for bit.

>>> from sklearn.feature_extraction.text import TfidfVectorizer
>>> from narrative.analyzer import build_analyzer
>>> texts = ["Our forces hold the line.", "The enemy shelled the city.", "Our forces hold firm.", "The city holds."]
>>> counted = counted_tfidf(texts).fit(texts[:3])
>>> vectorizer = TfidfVectorizer(analyzer=build_analyzer((1, 2)), min_df=2, sublinear_tf=True).fit(texts[:3])
>>> (counted.transform(texts) != vectorizer.transform(texts)).nnz, counted.get_feature_names_out().tolist()
(0, ['forces', 'forces hold', 'hold', 'our', 'our forces', 'the'])
"""
from __future__ import annotations

from typing import Sequence

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from .analyzer import build_analyzer
from .features import text_list


class CountedTfidf(TransformerMixin, BaseEstimator):
    """The full model's ``TfidfVectorizer`` (word 1-2-grams, ``min_df``, sublinear tf) over texts whose n-grams were
    counted once beforehand (:func:`counted_tfidf`), for cross-validation: ``fit`` keeps the terms in at
    least ``min_df`` of the texts it is fitted on and learns the idf from those texts only (no leakage from
    the test fold), as the vectorizer does. The matrices are the vectorizer's bit for bit, the order of the
    entries in each row included (a test compares them), so fits and predictions are the same.
    """

    def __init__(self, *, counts=None, terms=None, position=None, min_df: int = 2):
        self.counts = counts
        self.terms = terms
        self.position = position
        self.min_df = min_df

    def _rows(self, X):
        try:
            index = [self.position[text] for text in text_list(X)]
        except KeyError as exc:
            raise ValueError(f"CountedTfidf: no counts for text {str(exc)[:60]}") from None
        return self.counts[np.asarray(index, dtype=np.intp)]

    def _fit_rows(self, X):
        from scipy import sparse
        from sklearn.feature_extraction.text import TfidfTransformer

        rows = self._rows(X)
        keep = np.flatnonzero(np.bincount(rows.indices, minlength=rows.shape[1]) >= self.min_df)
        if not len(keep):
            raise ValueError("After pruning, no terms remain. Try a lower min_df or a higher max_df.")
        # the vectorizer numbers terms as the fitted texts first use them and stores each row in that order
        _terms, first = np.unique(rows.indices, return_index=True)
        rank = np.zeros(rows.shape[1], dtype=np.intp)
        rank[_terms[np.argsort(first)]] = np.arange(len(_terms))
        row_of = np.repeat(np.arange(rows.shape[0]), np.diff(rows.indptr))
        order = np.lexsort((rank[rows.indices], row_of))
        rows = sparse.csr_array((rows.data[order], rows.indices[order], rows.indptr), shape=rows.shape)[:, keep]
        self.columns_ = keep
        self.tfidf_ = TfidfTransformer(sublinear_tf=True).fit(rows)
        return rows

    def fit(self, X, y=None):
        self._fit_rows(X)
        return self

    def fit_transform(self, X, y=None):
        rows = self._fit_rows(X)
        return self.tfidf_.transform(rows, copy=False)

    def transform(self, X):
        check_is_fitted(self, "tfidf_")
        rows = self._rows(X)[:, self.columns_]
        rows.sort_indices()  # a fitted vectorizer counts a text into sorted columns
        return self.tfidf_.transform(rows, copy=False)

    def get_feature_names_out(self, input_features=None):
        check_is_fitted(self, "tfidf_")
        return np.asarray(self.terms, dtype=object)[self.columns_]


def counted_tfidf(texts: Sequence[str], ngram_range: tuple[int, int] = (1, 2), min_df: int = 2) -> CountedTfidf:
    """A :class:`CountedTfidf` holding the n-gram counts (:mod:`narrative.analyzer`) of every distinct text of
    ``texts``, each row in the order the text first uses its terms, the columns the terms sorted."""
    from scipy import sparse

    analyzer, vocabulary = build_analyzer(ngram_range), {}
    unique = list(dict.fromkeys(text_list(texts)))
    indices, values, indptr = [], [], [0]
    for text in unique:
        counter: dict[int, int] = {}
        for term in analyzer(text):
            j = vocabulary.setdefault(term, len(vocabulary))
            counter[j] = counter.get(j, 0) + 1
        indices.extend(counter)
        values.extend(counter.values())
        indptr.append(len(indices))
    terms = sorted(vocabulary)
    renumber = np.empty(len(terms), dtype=np.int32)
    renumber[[vocabulary[t] for t in terms]] = np.arange(len(terms), dtype=np.int32)
    counts = sparse.csr_array((np.asarray(values, dtype=np.float64), renumber[np.asarray(indices, dtype=np.intp)],
                               np.asarray(indptr, dtype=np.int32)), shape=(len(unique), len(terms)))
    return CountedTfidf(counts=counts, terms=terms, position={t: i for i, t in enumerate(unique)}, min_df=min_df)
