"""Cross-validation's counted TF-IDF (narrative.tfidf) is the full model's vectorizer bit for bit, fitted on
the training fold only; the side task's two settings share one set of folds."""
import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from narrative.analyzer import build_analyzer
from narrative.model import _fit_predict, _precomputed, cv_folds, evaluate
from narrative.tfidf import counted_tfidf
from support import DEMO, demo_sentences


@pytest.fixture(scope="module")
def sentences():
    if not DEMO.is_dir():
        pytest.skip(f"demo corpus missing: {DEMO}")
    out, groups = demo_sentences(80, 700, 25)
    y = np.asarray(["kremlin" if ("Russia" in t or i % 3 == 0) else "ukraine" for i, t in enumerate(out)])
    return out, y, np.asarray(groups)


def _same(a, b):
    return (type(a) is type(b) and a.shape == b.shape and np.array_equal(a.indptr, b.indptr)
            and np.array_equal(a.indices, b.indices) and np.array_equal(a.data, b.data))


def test_matrices_equal_the_vectorizers_bit_for_bit(sentences):
    texts, y, groups = sentences
    counted = counted_tfidf(texts)
    for train, test in cv_folds(y, groups, n_splits=4):
        fold_train, fold_test = [texts[i] for i in train], [texts[i] for i in test]
        vectorizer = TfidfVectorizer(analyzer=build_analyzer((1, 2)), min_df=2, sublinear_tf=True)
        assert _same(counted.fit_transform(fold_train), vectorizer.fit_transform(fold_train))
        assert _same(counted.transform(fold_test), vectorizer.transform(fold_test))
        assert list(counted.get_feature_names_out()) == list(vectorizer.get_feature_names_out())


def test_a_term_only_in_the_test_fold_is_not_a_feature(sentences):
    texts, _y, _groups = sentences
    train, test = texts[:400], texts[400:] + ["zyzzyva zyzzyva quokka", "zyzzyva quokka"]
    counted = counted_tfidf(train + test).fit(train)
    names = set(counted.get_feature_names_out())
    assert "zyzzyva" not in names and "quokka" not in names
    assert counted.transform(test[-2:]).nnz == 0


def test_pipeline_predictions_and_shared_folds(sentences):
    texts, y, groups = sentences
    rows = _precomputed(["full"], texts, None, 1)
    assert "features__tfidf" in rows
    for train, test in cv_folds(y, groups, n_splits=3)[:2]:
        assert np.array_equal(_fit_predict("full", texts, y, train, test, 0, False, None),
                              _fit_predict("full", texts, y, train, test, 0, False, None, rows))
    folds = cv_folds(y, groups, n_splits=3, seed=1)
    given, _ = evaluate(texts, y, groups, kinds=("lexicon", "majority"), n_splits=3, n_boot=50, seed=1, folds=folds)
    made, _ = evaluate(texts, y, groups, kinds=("lexicon", "majority"), n_splits=3, n_boot=50, seed=1)
    assert given.equals(made)


def test_no_shared_term_is_the_vectorizers_error():
    counted = counted_tfidf(["alpha beta", "gamma delta"])
    with pytest.raises(ValueError, match="no terms remain"):
        counted.fit(["alpha beta", "gamma delta"])
