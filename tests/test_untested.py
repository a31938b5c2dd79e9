"""Behaviours the review found untested: retention, model files, feature-sign mapping, weekly rates."""
from __future__ import annotations

import json
import os

import numpy as np
import pandas as pd
import pytest

from narrative.pipeline.rundir import mark, publish_latest, retain


def _run(out, name, started, status="succeeded"):
    (out / name).mkdir()
    mark(out / name, name)  # a run narrative made (retention deletes nothing else: issue 22 item 4)
    (out / name / "manifest.json").write_text(json.dumps({"run_id": name, "started": started, "status": status}))
    return out / name


def test_retain_keeps_the_newest_and_never_what_latest_names(tmp_path):
    out = tmp_path
    for i, name in enumerate(["a", "b", "c", "d"]):
        _run(out, name, f"2026-01-0{i + 1}T00:00:00+00:00")
    publish_latest(out, "a")  # the oldest is the one latest names (e.g. newer runs failed)
    (out / "not-a-run").mkdir()  # no manifest: never touched
    (out / ".tmp-x-1").mkdir()  # hidden: never touched
    (out / "broken").mkdir()
    (out / "broken" / "manifest.json").write_text("{not json")
    removed = retain(out, keep=2)
    assert sorted(p.name for p in removed) == ["b"]
    assert sorted(p.name for p in out.iterdir()) == [".tmp-x-1", "a", "broken", "c", "d", "latest", "not-a-run"]
    assert os.readlink(out / "latest") == "a"


def test_retain_keep_one_removes_all_older_runs(tmp_path):
    for i, name in enumerate(["r1", "r2", "r3"]):
        _run(tmp_path, name, f"2026-02-0{i + 1}T00:00:00+00:00")
    publish_latest(tmp_path, "r3")
    assert sorted(p.name for p in retain(tmp_path, keep=1)) == ["r1", "r2"]


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


def test_weekly_rates_values():
    from narrative.compare.series import weekly_rates

    scores = pd.DataFrame({"doc_id": ["d1", "d1", "d2", "d3"], "side": ["k", "k", "k", "u"],
                           "x": [2.0, 4.0, 6.0, 1.0]})
    # mixed date formats in one corpus (a date, a time stamp): both parse (the first used to make the second NaT)
    dates = pd.Series({"d1": "2022-03-01", "d2": "2022-03-03T12:00:00Z", "d3": "2022-03-08"})
    out = weekly_rates(scores, dates, ["x"]).set_index(["week", "group"])
    k = out.loc[(pd.Timestamp("2022-02-28"), "k")]
    # d1's claims average 3, d2 is 6: the week's mean over documents is 4.5, sd 2.121, n 2
    assert k["mean"] == pytest.approx(4.5) and k["n_docs"] == 2
    assert k["ci_low"] == pytest.approx(4.5 - 1.96 * np.std([3, 6], ddof=1) / np.sqrt(2))
    u = out.loc[(pd.Timestamp("2022-03-07"), "u")]
    assert u["mean"] == 1.0 and u["ci_low"] == u["ci_high"] == 1.0  # one document: no spread
