"""Classifier files and weights (narrative.model): a saved model loads with its data hash and settings;
each top feature names the class its weight pushes towards."""
from __future__ import annotations

import json

import numpy as np


def test_save_and_load_model_round_trip(tmp_path):
    from narrative.model import build_model, data_hash, load_model, save_model

    texts = ["our heroes deter attacks", "the operation achieved its goals"] * 10
    y = ["ukraine", "kremlin"] * 10
    model = build_model("lexicon").fit(texts, y)
    path = save_model(model, tmp_path / "m.joblib", texts=texts, y=y, params={"kind": "lexicon"})
    loaded, meta = load_model(path)
    np.testing.assert_array_equal(loaded.predict_proba(texts), model.predict_proba(texts))
    assert meta["data_sha256"] == data_hash(texts, y) != data_hash(texts, y[::-1])
    assert meta["n_train"] == 20 and meta["params"] == {"kind": "lexicon"}
    assert json.loads((tmp_path / "m.joblib.json").read_text()) == meta


def test_top_features_name_the_class_each_weight_pushes_towards():
    """A positive weight pushes towards classes_[1], a negative one towards classes_[0]."""
    from narrative.model import build_model, top_features

    texts = ["alpha strike", "alpha now", "beta peace", "beta talks"] * 6
    y = ["a", "a", "b", "b"] * 6
    model = build_model("full").fit(texts, y)
    top = top_features(model, k=200)
    lean = dict(zip(top["feature"], top["class"]))
    assert lean["tfidf__alpha"] == "a" and lean["tfidf__beta"] == "b"
    assert (top.loc[top["class"] == "b", "weight"] > 0).all() and (top.loc[top["class"] == "a", "weight"] < 0).all()
    first_b = top[top["class"] == "b"].iloc[0]
    assert first_b["weight"] == top["weight"].max()  # each side's list starts with its strongest feature
