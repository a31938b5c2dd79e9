"""Blind coders' samples (narrative.evaluation.coded): kept rows matched to extracted claims through the crude
machine cut's region, sides scored with unmatched rows wrong, speakers by the coder's speaker column, and a bad
keep value named with its row."""
import pandas as pd
import pytest

from narrative.claims import extract_claims
from narrative.errors import InputError
from narrative.evaluation.coded import coded_scores, match_coded, read_coded

HEADER = "file\tspeaker_start\tspeaker_end\tcontent_start\tcontent_end\tkeep\treason\tspeaker\tside\tlabels\n"


def test_coded_rows_match_through_a_crude_cut_and_score_sides_and_speakers(tmp_path):
    text = ("“We never sought a conflict. We have always told them we wanted to sell grain,” the foreign "
            "minister, Vladimir Makei, said. Kremlin spokesman Dmitry Peskov said the talks had stalled. "
            "The weather was cold on Monday.")
    name = "20990101T000000Z_XX_en_0000000001.txt"  # any name; the part filter is not asked for here
    (tmp_path / name).write_text(text, encoding="utf-8")
    # row 1: the machine cut took words inside the quotation as the slot ("We have always") and the content
    # runs past the quotation's end: the claim is found through the region, not the cut
    s1 = text.index("We have always")
    c1 = text.index("we wanted to sell grain")
    s2, c2 = text.index("Kremlin"), text.index("the talks")
    s3 = text.index("The weather")
    rows = [(s1, s1 + 14, c1, text.index(" said.") + 5, "yes", "Vladimir Makei", "other"),
            (s2, s2 + 31, c2, c2 + 21, "yes", "Dmitry Peskov", "ukraine"),  # side coded wrong on purpose
            (s3, s3 + 11, s3, len(text), "yes", "the reporter", "other"),   # no claim there: unmatched
            (s3, s3 + 11, s3, len(text), "no", "", "")]                      # not kept: not scored
    gold = tmp_path / "coded.tsv"
    gold.write_text(HEADER + "".join(f"{name}\t{a}\t{b}\t{c}\t{d}\t{k}\t\t{sp}\t{side}\t\n"
                                     for a, b, c, d, k, sp, side in rows), encoding="utf-8")
    texts, kept = read_coded(gold, tmp_path)
    assert len(kept) == 3
    claims = extract_claims(pd.DataFrame({"doc_id": list(texts), "source": "news", "text": list(texts.values())}))
    matched = match_coded(kept, claims)
    assert matched["predicted"].tolist() == ["other", "kremlin", ""]
    scores = coded_scores(matched)
    assert (scores["claims"], scores["matched"]) == (3, 2)
    assert scores["accuracy"] == pytest.approx(1 / 3) and scores["matched_accuracy"] == 0.5
    assert (scores["speakers"], scores["speaker_accuracy"]) == (2, 1.0)


def test_a_coded_sample_without_a_speaker_column_reads_and_a_bad_keep_is_named(tmp_path):
    (tmp_path / "a.txt").write_text("Peskov said the talks had stalled.", encoding="utf-8")
    gold = tmp_path / "c.tsv"
    gold.write_text("file\tspeaker_start\tspeaker_end\tcontent_start\tcontent_end\tkeep\treason\tside\tlabels\n"
                    "a.txt\t0\t6\t12\t33\tyes\t\tkremlin\t\n", encoding="utf-8")
    _texts, kept = read_coded(gold, tmp_path)
    assert kept[["speaker", "side"]].values.tolist() == [["", "kremlin"]]
    gold.write_text("file\tspeaker_start\tspeaker_end\tcontent_start\tcontent_end\tkeep\treason\tside\tlabels\n"
                    "a.txt\t0\t6\t12\t33\tmaybe\t\tkremlin\t\n", encoding="utf-8")
    with pytest.raises(InputError, match="c.tsv, row 2: keep 'maybe' is not yes or no"):
        read_coded(gold, tmp_path)
