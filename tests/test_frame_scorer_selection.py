"""The learned frame scorer's per-category choice (threshold and source: lexicon, classifier, either, both) made
by an inner grouped CV on the training rows only; the grouped CV that `narrative eval-frames` runs is the one that
chose the suite's scorer. Composed claims, composed articles."""
import json

import numpy as np
import pandas as pd
import pytest

from narrative.cli import main
from narrative.evaluation.frames import cross_validate, labelled_set, out_of_fold
from narrative.framescorer import SCORERS, FrameScorer, combine
from narrative.lexicons import load_lexicon

#: diplomacy: the lexicon's own word ("negotiations") marks it exactly; legitimacy: only a word the lexicon does not
#: know ("charter-bound", labelled so by this composed coder) marks it, so only the classifier can learn it
PLACES = ["Lviv", "Odesa", "Dnipro", "Kharkiv", "Poltava", "Sumy", "Rivne", "Uzhhorod", "Chernihiv", "Zhytomyr",
          "Vinnytsia", "Ternopil"]


def composed(n_articles=12):
    rows = []
    for a, place in enumerate(PLACES[:n_articles]):
        rows += [
            (f"a{a}", f"The negotiations in {place} resumed on Monday.", 1, 0),
            (f"a{a}", f"Every step we take in {place} is charter-bound.", 0, 1),
            (f"a{a}", f"The weather in {place} was mild and dry.", 0, 0),
            (f"a{a}", f"Officials in {place} opened a new bridge.", 0, 0),
        ]
    table = pd.DataFrame(rows, columns=["doc_id", "text", "diplomacy", "legitimacy"]).assign(side="other")
    for cat in load_lexicon().categories:  # the other categories: none of these claims carries them
        if cat not in table:
            table[cat] = 0
    return table


def test_combine_takes_each_category_from_its_source():
    lex, clf = np.array([[1, 0, 1, 0]]), np.array([[0, 1, 1, 1]])
    assert combine(lex, clf, ["lexicon", "classifier", "both", "union"]).tolist() == [[1, 1, 1, 1]]
    assert combine(lex, clf, ["lexicon", "lexicon", "both", "both"]).tolist() == [[1, 0, 1, 0]]


def test_the_inner_cv_keeps_the_lexicon_where_it_is_right_and_takes_the_classifier_where_it_is_blind():
    data = composed()
    scorer = FrameScorer(select=True, C=1.0).fit(data[["text", "side"]], data[["diplomacy", "legitimacy"]],
                                                 groups=data["doc_id"])
    assert scorer.sources_ == ["lexicon", "classifier"]
    assert all(0.15 <= t <= 0.85 for t in scorer.thresholds_)
    new = pd.DataFrame({"text": ["Negotiations resumed in Kyiv.", "Every step we take in Kyiv is charter-bound."], "side": "other"})
    assert scorer.predict(new).values.tolist() == [[1, 0], [0, 1]]
    _labels, why = scorer.explain(new)
    assert why[0] == "diplomacy: Negotiations"  # the lexicon decided: its phrase is the evidence
    assert why[1].startswith("legitimacy: ")  # the classifier decided: its strongest features, by the claim's words
    named = [item.rsplit(" ", 1) for item in why[1][len("legitimacy: "):].split(", ")]
    claim = new["text"].iloc[1].lower()
    assert named and all(float(w) > 0 and (term in claim or term in scorer.features_.get_feature_names_out())
                         for term, w in named)


def test_a_test_folds_labels_never_reach_its_own_predictions():
    sets = {"labels": labelled_set(composed())}
    before = out_of_fold(sets, C=1.0)
    flipped = sets["labels"].copy()
    flipped.loc[flipped["doc_id"] == "a0", ["diplomacy", "legitimacy"]] = 1  # the labels of one article, changed
    after = out_of_fold({"labels": flipped}, C=1.0)
    rows = np.flatnonzero(flipped["doc_id"] == "a0")
    for s in SCORERS:
        assert (before["labels"][s][rows] == after["labels"][s][rows]).all()


def test_eval_frames_reports_the_cross_validation_that_chose_the_suite_scorer(tmp_path, capsys):
    data = composed(10)
    texts = tmp_path / "texts"
    texts.mkdir()
    lines = ["file\tstart\tend\tside\tlabels"]
    for doc, part in data.groupby("doc_id", sort=False):
        body, offsets = "", []
        for r in part.itertuples():
            offsets.append((len(body), len(body) + len(r.text), ";".join(c for c in ("diplomacy", "legitimacy")
                                                                          if getattr(r, c))))
            body += r.text + " "
        (texts / f"{doc}.txt").write_text(body, encoding="utf-8")
        lines += [f"{doc}.txt\t{a}\t{b}\tother\t{labels}" for a, b, labels in offsets]
    labels = tmp_path / "labels.tsv"
    labels.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "cv.json"
    assert main(["eval-frames", "--labels", str(labels), "--texts", str(texts), "--json", str(out)]) == 0
    assert "40 claims from 10 articles" in capsys.readouterr().out
    table = pd.DataFrame(json.loads(out.read_text()))
    from narrative.evaluation.frame_labels import read_offset_labels

    direct = cross_validate({"labels": labelled_set(read_offset_labels(labels, texts, load_lexicon().categories))})
    pd.testing.assert_frame_equal(table.reset_index(drop=True), direct.reset_index(drop=True), check_dtype=False)
    macro = table[table["class"] == "macro"].set_index("scorer")["f1"]
    assert set(macro.index) == set(SCORERS) and macro["combined"] >= macro["lexicon"]


@pytest.mark.parametrize("bad", ["file\tstart\tend\tside\tlabels\na.txt\t0\t5\tother\tdiplomacy\n"])
def test_eval_frames_names_a_missing_texts_folder(tmp_path, bad, capsys):
    labels = tmp_path / "l.tsv"
    labels.write_text(bad, encoding="utf-8")
    assert main(["eval-frames", "--labels", str(labels)]) == 2
    assert "needs --texts" in capsys.readouterr().err
