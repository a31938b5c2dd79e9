"""The learned scorer's combination reads the classifier at a threshold chosen for each source ("either" wants a
stricter classifier than the classifier alone), and the optional lexicon-phrase block; both survive saving."""
import numpy as np
import pandas as pd

from narrative.framefeatures import N_PHRASES, ClaimFeatures
from narrative.framescorer import SOURCES, FrameScorer, load_scorer

from test_frame_scorer_selection import composed


def fitted(**params):
    data = composed()
    return data, FrameScorer(select=True, C=1.0, **params).fit(data[["text", "side"]], data[["diplomacy", "legitimacy"]],
                                                              groups=data["doc_id"])


def test_each_source_has_its_own_threshold_and_the_combination_reads_the_chosen_one():
    _data, scorer = fitted()
    assert scorer.source_thresholds_.shape == (2, len(SOURCES))
    chosen = scorer.combined_thresholds()
    for j, source in enumerate(scorer.sources_):
        want = scorer.thresholds_[j] if source == "lexicon" else scorer.source_thresholds_[j, SOURCES.index(source)]
        assert chosen[j] == want
    assert scorer.source_thresholds_[:, SOURCES.index("classifier")].tolist() == scorer.thresholds_.tolist()


def test_the_combination_uses_the_source_threshold_not_the_classifiers():
    data, scorer = fitted()
    X = data[["text", "side"]]
    proba = scorer.predict_proba(X)
    j = scorer.categories_.index("legitimacy")
    scorer.sources_[j] = "union"
    scorer.source_thresholds_[j, SOURCES.index("union")] = 1.01  # no probability reaches it
    combined = scorer.predict(X)["legitimacy"].to_numpy()
    lexicon = scorer.predict_all(X)["lexicon"][:, j]
    assert (combined == lexicon).all()  # "either" with a classifier that never fires is the lexicon alone
    assert (scorer.predict_all(X)["classifier"][:, j] == (proba[:, j] >= scorer.thresholds_[j])).all()


def test_source_thresholds_and_the_phrase_block_survive_saving(tmp_path):
    data, scorer = fitted(phrase_weight=1.0)
    path = scorer.save(tmp_path / "m.npz", {"what": "test"})
    again, _card = load_scorer(path)
    assert again.phrase_weight == 1.0 and again.features_.phrase_weight == 1.0
    assert np.array_equal(again.source_thresholds_, scorer.source_thresholds_)
    X = data[["text", "side"]]
    pd.testing.assert_frame_equal(again.predict(X), scorer.predict(X))


def test_the_phrase_block_names_which_phrase_hit_by_which_rule():
    features = ClaimFeatures(phrase_weight=1.0)
    assert features.phrase_terms("Our forces struck enemy depots.", "ukraine") == ["achievement:struck:own side"]
    M = features.fit(["Talks resumed."]).transform(["Talks resumed."])
    assert M.shape[1] == features.n_features + N_PHRASES + len(features.get_feature_names_out()) - features.n_hashed
    assert M[0, features.n_features:features.n_hashed].nnz == 1  # one phrase hit: one column of the block
