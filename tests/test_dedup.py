"""Duplicate documents: composed texts, and real war news against an exhaustive pairwise check."""
from __future__ import annotations

import itertools

import pandas as pd
import pytest

from narrative.cli import main
from narrative.dedup import find_duplicates, shingles

from support import NEWS, SHARED

WARNEWS = SHARED / "eval" / "warnews-dev" / "articles"


def test_near_duplicate_with_an_edited_sentence_is_found_and_the_earliest_kept():
    edited = NEWS.replace("The report could not be independently verified.", "Reuters could not verify the report.")
    other = "Talks between the delegations resumed in Istanbul on Tuesday, officials from both sides said."
    docs = pd.DataFrame({"doc_id": ["late", "early", "other"], "date": ["2022-03-05", "2022-03-04T08:00:00Z", ""],
                         "text": [NEWS, edited, other]})
    out = find_duplicates(docs).set_index("doc_id")
    assert out.loc["late", "duplicate_of"] == "early" and out.loc["early", "duplicate_of"] == ""
    assert 0.8 <= out.loc["late", "similarity"] < 1.0
    assert out.loc["other", "duplicate_of"] == ""


def test_without_dates_the_first_read_is_kept():
    docs = pd.DataFrame({"doc_id": ["x1", "x2", "x3"], "text": [NEWS, NEWS, NEWS + " "]})
    assert find_duplicates(docs)["duplicate_of"].tolist() == ["", "x1", "x1"]


def test_cli_writes_one_row_per_document(tmp_path, capsys):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(NEWS, encoding="utf-8")
    (folder / "b.txt").write_text(NEWS.upper(), encoding="utf-8")
    (folder / "c.txt").write_text("A different story about grain exports from Odesa.", encoding="utf-8")
    assert main(["duplicates", str(folder), "-o", str(tmp_path / "d.csv")]) == 0
    table = pd.read_csv(tmp_path / "d.csv", keep_default_na=False)
    assert table.columns.tolist() == ["doc_id", "duplicate_of", "similarity"]
    assert table["duplicate_of"].tolist() == ["", "a", ""]
    assert "3 documents: 1 duplicates in 1 groups" in capsys.readouterr().err


def test_real_war_news_pairs_match_an_exhaustive_exact_jaccard_scan():
    """Every pair of the 324 development articles with exact 5-shingle Jaccard >= 0.8 is found
    (recall), and every pair the groups imply is one (precision)."""
    if not WARNEWS.is_dir():
        pytest.skip("../shared/eval/warnews-dev is absent (shared material is only beside the project checkout)")
    files = sorted(WARNEWS.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in files]
    grams = [shingles(t) for t in texts]
    truth = {(i, j) for i, j in itertools.combinations(range(len(files)), 2)
             if grams[i] and grams[j] and len(grams[i] & grams[j]) / len(grams[i] | grams[j]) >= 0.8}
    docs = pd.DataFrame({"doc_id": [p.stem for p in files], "text": texts})
    out = find_duplicates(docs)
    kept = [d or k for d, k in zip(out["duplicate_of"], out["doc_id"])]
    found = {(i, j) for i, j in itertools.combinations(range(len(files)), 2) if kept[i] == kept[j]}
    assert len(truth) > 10
    assert truth <= found and found <= truth


def test_frames_and_compare_count_each_group_of_copies_once(tmp_path, capsys):
    other = ("Kremlin spokesman Dmitry Peskov said on Monday that the troops had shown courage in Pokrovsk. "
             "The Ukrainian military said its forces continue to deter enemy attacks despite the difficult situation.")
    corpus = tmp_path / "news"
    corpus.mkdir()
    (corpus / "a.txt").write_text(NEWS, encoding="utf-8")
    (corpus / "a-copy.txt").write_text(NEWS + "\n\nRead also: more news", encoding="utf-8")
    (corpus / "b.txt").write_text(other, encoding="utf-8")
    out = tmp_path / "frames.csv"
    assert main(["frames", str(corpus), "--level", "document", "-o", str(out), "--jobs", "1"]) == 0
    assert sorted(pd.read_csv(out)["doc_id"]) == ["a-copy", "b"]  # the first read of the pair is kept
    assert "left out 1 duplicate documents" in capsys.readouterr().err
    assert main(["frames", str(corpus), "--level", "document", "-o", str(out), "--jobs", "1",
                 "--keep-duplicates"]) == 0
    assert sorted(pd.read_csv(out)["doc_id"]) == ["a", "a-copy", "b"]


def test_streaming_without_duplicates_keeps_every_other_document_and_its_ids(tmp_path):
    from narrative.pipeline.duplicates import duplicate_ids
    from narrative.pipeline.stream import run_stream

    corpus = tmp_path / "news"
    corpus.mkdir()
    texts = {"a": NEWS, "a2": NEWS + "\n\nRead also: more news", "b": "Peskov said the talks had stalled.",
             "c": "Kuleba said the grain deal was dead.", "d": "Shoigu said the troops had withdrawn."}
    for name, text in texts.items():
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
    drop = duplicate_ids([corpus])
    assert drop == {"a2"}
    out = tmp_path / "claims.csv"
    for chunk_docs in (1, 2, 5):  # the left-out copy at a chunk's start, middle or end
        result = run_stream([corpus], stages=("claims",), jobs=1, chunk_docs=chunk_docs, claims_out=out,
                            drop_ids=drop)
        assert result.documents == 4
        assert sorted(set(pd.read_csv(out)["doc_id"])) == ["a", "b", "c", "d"]
