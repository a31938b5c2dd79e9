"""The learned frame scorer (weights only, evidence for every label), the suite's per-claim labels,
prevalence beside rate, the split by article."""
import json

import numpy as np
import pandas as pd
import pytest

from narrative.features import claim_frame_table, claim_frames, default_scorer
from narrative.framescorer import CARD_FILE, MODEL_FILE, SCORERS, ClaimFeatures, FrameScorer, load_scorer, term_index
from narrative.infra.datafiles import data_path
from narrative.evaluation.frame_labels import select_part, split_part
from narrative.prevalence import frame_flags, longest_claims, prevalence_differences

from support import ROOT

CLAIMS = pd.DataFrame({
    "doc_id": ["a", "a", "b", "c"],
    "claim_id": ["a:1", "a:2", "b:1", "c:1"],
    "side": ["ukraine", "ukraine", "kremlin", "other"],
    "content": ["Our units repelled six assaults near the river.",
                "Talks with partners on air defence continue.",
                "The special operation is going according to plan.",
                "The weather in the capital was mild."],
})


def test_every_label_of_the_suite_shows_the_words_that_carried_it():
    for scorer in SCORERS:
        table = claim_frame_table(CLAIMS, scorer=scorer)
        for frames, evidence in zip(table["frames"], table["evidence"]):
            labels = [f for f in frames.split(";") if f]
            assert [part.split(": ")[0] for part in evidence.split(" | ") if part] == labels
            assert all(part.split(": ", 1)[1].strip() for part in evidence.split(" | ") if part)
    assert claim_frames(CLAIMS, scorer="lexicon").iloc[0] == "resistance;aggression"


def test_the_suite_scorer_is_the_one_the_card_names_and_a_users_lexicon_stays_a_lexicon(tmp_path):
    card = json.loads(data_path(CARD_FILE, "models").read_text("utf-8"))
    assert default_scorer() == card["suite_scorer"] in SCORERS
    assert claim_frame_table(CLAIMS)["scorer"].iloc[0] == card["suite_scorer"]
    from narrative.lexicons import load_lexicon

    mine = tmp_path / "mine.csv"
    mine.write_text("category,phrase,weight\nweather,weather,1\n", encoding="utf-8")
    table = claim_frame_table(CLAIMS, lexicon=load_lexicon(mine), scorer="classifier")
    assert table["scorer"].tolist() == ["lexicon"] * 4 and table["frames"].tolist() == ["", "", "", "weather"]


def test_the_shipped_model_is_numbers_only_and_names_what_it_was_trained_on():
    blob = np.load(data_path(MODEL_FILE, "models"))
    assert all(blob[k].dtype.kind in "fiu" for k in blob.files)  # no strings: no vocabulary, no text
    _scorer, card = load_scorer()
    from narrative.evaluation.frames import TRAIN_SETS

    assert {"warnews-coder2", "press"} <= set(card["trained_on"]) <= set(TRAIN_SETS)
    assert "tuning part only" in card["trained_on_note"] and "except the locked parts" in card["trained_on_note"]
    assert card["settings"]["categories"] == card["settings"]["lexicon_categories"]
    s = card["settings"]
    assert len(s["thresholds"]) == len(s["sources"]) == len(s["categories"])
    assert card["suite_scorer"] in SCORERS and card["settings"]["sources"] == [card["sources"][c] for c in s["categories"]]
    moved = [c for c, src in card["sources"].items() if src != "lexicon"]
    macro = card["cv"]["macro_f1"]  # "set/scorer" -> [F1, low, high]; "combined" is the nested choice
    from narrative.tools.frames_scorer import MARGIN

    nested_wins = macro["warnews-coder2/combined"][0] > macro["warnews-coder2/lexicon"][0] + MARGIN
    assert (card["suite_scorer"] == "combined") == (bool(moved) and nested_wins)
    assert f"{macro['warnews-coder2/lexicon'][0]:.4f}" in card["suite_scorer_why"]


def test_a_saved_scorer_predicts_as_it_did_before_saving(tmp_path):
    X = pd.DataFrame({"text": CLAIMS["content"].tolist() * 4, "side": CLAIMS["side"].tolist() * 4})
    Y = pd.DataFrame({"resistance": [1, 0, 0, 0] * 4, "diplomacy": [0, 1, 0, 0] * 4})
    fitted = FrameScorer().fit(X, Y)
    fitted.save(tmp_path / "s.npz", {"what": "test"})
    again, card = load_scorer(tmp_path / "s.npz")
    assert card["what"] == "test"
    np.testing.assert_allclose(again.predict_proba(X), fitted.predict_proba(X))
    labels, why = again.explain(X.head(2))
    assert labels.values.tolist() == [[1, 0], [0, 1]]
    assert why[0].startswith("resistance: ") and why[1].startswith("diplomacy: ")


def test_hashed_columns_are_named_back_by_the_claims_own_words():
    features = ClaimFeatures().fit(["talks continue"])
    M = features.transform(["talks continue"])
    assert M[0, term_index("talks continue")] > 0 and M[0, term_index("talks")] > 0


@pytest.mark.parametrize("key", ["20240101T000000Z_UA_en_abc.txt", "putin-0001", "zelenskyy-ffff"])
def test_the_split_is_by_article_and_stable(key):
    assert split_part(key) == split_part(key) in ("tuning", "locked")
    rows = pd.DataFrame({"file": [key, key, "other.txt"], "labels": ["", "", ""]})
    parts = {p: set(select_part(rows, p)["file"]) for p in ("tuning", "locked")}
    assert not parts["tuning"] & parts["locked"] and key in parts[split_part(key)]


def test_prevalence_counts_each_claim_once_however_long():
    scores = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "claim_id": ["a:1", "b:1", "c:1", "d:1"],
                           "side": ["x", "x", "y", "y"], "n_tokens": [1000, 10, 10, 10],
                           "hedge": [1.0, 0.0, 100.0, 100.0]})
    flags = frame_flags(scores, ["hedge"])
    assert flags["hedge"].tolist() == [1.0, 0.0, 1.0, 1.0]
    diffs = prevalence_differences(scores, ["hedge"], a="x", b="y", n_boot=200, n_perm=200)
    assert diffs.loc[0, "mean_a"] == 0.5 and diffs.loc[0, "mean_b"] == 1.0
    longest = longest_claims(scores, ["hedge"], k=1)
    assert longest.loc[0, "claim_id"] == "a:1" and longest.loc[0, "share_of_words"] > 0.98
    assert longest.loc[0, "weight"] < 0.06  # the cap that would hold it to 5% of its side's words
