"""Round three's blind sheets (a candidate's offsets, keep, reason, the coder's speaker, side, labels): the frame-label
reader keeps the kept rows, cuts their content from the article at run time, and names a bad row; coder D's sheet
joins the scorer's sets in the tuning part."""
import pytest

from narrative.errors import InputError
from narrative.evaluation.frame_labels import CANDIDATE_SPEAKER_COLUMNS, read_offset_labels, select_part
from narrative.lexicons import load_lexicon

from support import ROOT, SHARED

CATS = list(load_lexicon().categories)
BODY = "The minister said talks would resume. Officials said the weather was mild. He said they lied."


def sheet(tmp_path, rows):
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "a.txt").write_text(BODY, encoding="utf-8")
    path = tmp_path / "coder.tsv"
    path.write_text("\t".join(CANDIDATE_SPEAKER_COLUMNS) + "\n" + "".join("\t".join(r) + "\n" for r in rows),
                    encoding="utf-8")
    return path, texts


def test_kept_rows_are_items_with_their_sentence_cut_from_the_article(tmp_path):
    talks = BODY.index("talks would resume")
    rows = [("a.txt", "0", "12", str(talks), str(talks + 18), "yes", "", "the minister", "other", "diplomacy"),
            ("a.txt", "38", "47", "53", "74", "no", "narration", "", "", ""),
            ("a.txt", "75", "77", "83", "92", "yes", "slot cut short", "he", "other", "disinformation")]
    path, texts = sheet(tmp_path, rows)
    table = read_offset_labels(path, texts, CATS)  # the coder coded the sentence the crude cut sits in
    assert table["text"].tolist() == ["The minister said talks would resume.", "He said they lied."]
    assert read_offset_labels(path, texts, CATS, unit="span")["text"].tolist() == ["talks would resume", "they lied"]
    assert table["diplomacy"].tolist() == [1, 0] and table["disinformation"].tolist() == [0, 1]
    assert table["side"].tolist() == ["other", "other"]


def test_an_unknown_label_names_its_row(tmp_path):
    rows = [("a.txt", "0", "12", "13", "20", "yes", "", "the minister", "other", "diplomacy"),
            ("a.txt", "0", "12", "13", "20", "yes", "", "the minister", "other", "bravado")]
    path, texts = sheet(tmp_path, rows)
    with pytest.raises(InputError) as err:
        read_offset_labels(path, texts, CATS)
    assert err.value.row == 3 and "bravado" in str(err.value)


CODER_D = ROOT / "data" / "annotations" / "warnews-dev-round3-train-coderD.tsv"
ARTICLES = SHARED / "eval" / "warnews-dev" / "articles"


@pytest.mark.skipif(not ARTICLES.is_dir(), reason="../shared/eval/warnews-dev (research-only texts) is not here")
def test_coder_d_is_read_in_the_tuning_part_only_and_trains_the_scorer():
    from narrative.evaluation.frames import REFERENCE_SETS, TRAIN_SETS, load_sets

    table = read_offset_labels(CODER_D, ARTICLES, CATS)
    assert len(table) == 204  # the kept rows of 250 candidates
    assert len(select_part(table, "tuning")) == len(table)  # drawn from tuning articles only
    assert "round3-coderD" in TRAIN_SETS and "round3-coderD" in REFERENCE_SETS
    assert len(load_sets(ROOT, part="tuning")["round3-coderD"]) == 204
    assert len(load_sets(ROOT, part="locked")["round3-coderD"]) == 0
