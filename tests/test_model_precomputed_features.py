"""Cross-validation scores each text's lexicon rates and VADER once (features.text_rows) instead of
once per fold and model kind: the same matrices, fits and predictions as the featurizers themselves."""
import numpy as np
import pytest
from sklearn.model_selection import StratifiedGroupKFold

from narrative.featurizers import LexiconFeatures, SentimentFeatures, TextRows, text_rows
from narrative.model import _fit_predict, _out_of_fold, _precomputed, build_model

from support import demo_sentences


@pytest.fixture(scope="module")
def sentences():
    out, groups = demo_sentences(60, 500, 20)
    return out, np.asarray(groups)


@pytest.mark.parametrize("featurizer", [LexiconFeatures(), SentimentFeatures()], ids=["lexicon", "vader"])
@pytest.mark.parametrize("n_jobs", [1, 2])
def test_rows_computed_once_equal_the_featurizer(sentences, featurizer, n_jobs):
    texts, _groups = sentences
    rows = text_rows(texts, featurizer, n_jobs=n_jobs)
    assert rows.table.shape[0] == len(set(texts))  # each distinct text scored once
    subset = texts[::7] + texts[:3]
    assert np.array_equal(rows.transform(subset), featurizer.fit(subset).transform(subset))
    assert list(rows.get_feature_names_out()) == list(featurizer.get_feature_names_out())


def test_unknown_text_is_an_error_not_a_zero_row(sentences):
    rows = text_rows(sentences[0][:10], LexiconFeatures())
    with pytest.raises(ValueError, match="no row computed"):
        rows.transform(["A sentence nobody scored beforehand."])


@pytest.mark.parametrize("kind", ["full", "lexicon", "vader"])
def test_pipeline_with_precomputed_rows_predicts_the_same(sentences, kind):
    texts, groups = sentences
    y = np.asarray(["kremlin" if ("Russia" in t or i % 3 == 0) else "ukraine" for i, t in enumerate(texts)])
    (train, test), = list(StratifiedGroupKFold(n_splits=4, shuffle=True, random_state=0).split(texts, y, groups))[:1]
    rows = _precomputed([kind], texts, None, 1)
    plain = _fit_predict(kind, texts, y, train, test, 0, False, None)
    cached = _fit_predict(kind, texts, y, train, test, 0, False, None, rows)
    assert np.array_equal(plain, cached)
    # the fitted feature matrices themselves are equal, not only the predictions
    model = build_model(kind).fit([texts[i] for i in train], y[train])
    swapped = build_model(kind)
    swapped.set_params(**{k: v for k, v in rows.items() if k in swapped.get_params()})
    swapped.fit([texts[i] for i in train], y[train])
    a = model.named_steps["features"].transform([texts[i] for i in test])
    b = swapped.named_steps["features"].transform([texts[i] for i in test])
    a, b = (m.toarray() if hasattr(m, "toarray") else m for m in (a, b))
    assert np.array_equal(a, b)
    assert np.array_equal(model.named_steps["clf"].coef_, swapped.named_steps["clf"].coef_)


def test_out_of_fold_scores_each_text_once_per_featurizer(sentences, monkeypatch):
    """The lexicon is consulted once per distinct text over all folds and kinds, not per fold."""
    from narrative.lexicons import Lexicon

    texts, groups = sentences
    y = np.asarray(["a" if i % 2 else "b" for i in range(len(texts))])
    folds = list(StratifiedGroupKFold(n_splits=3, shuffle=True, random_state=0).split(texts, y, groups))
    calls = []
    original = Lexicon.count
    monkeypatch.setattr(Lexicon, "count", lambda self, text, side=None: calls.append(text) or original(self, text, side))
    preds = _out_of_fold(["full", "lexicon"], texts, y, folds, 0, 1)
    assert len(calls) == len(set(texts))
    assert all(len(p) == len(texts) for p in preds.values())


def test_text_rows_is_a_transformer():
    rows = TextRows(table=np.eye(2), position={"a": 0, "b": 1}, names=["x", "y"]).fit(["a"])
    assert rows.transform(["b", "a", "b"]).tolist() == [[0, 1], [1, 0], [0, 1]]
