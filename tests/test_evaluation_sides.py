"""Side labels (narrative.evaluation.sides): hand-labelled claims matched to extracted ones, accuracy with
unmatched counted wrong, and a bad side named with its row."""
import pandas as pd
import pytest

from narrative.claims import extract_claims
from narrative.errors import InputError
from narrative.evaluation.sides import match_sides, read_side_gold, side_scores


def test_validate_sides_matches_labels_to_claims_and_scores(tmp_path):
    text = ("Kremlin spokesman Dmitry Peskov said the talks had stalled. "
            "Analyst Filip Ejdus said Belgrade was hedging. The report was published on Monday.")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    s1, c1 = text.index("Kremlin"), text.index("the talks")
    s2, c2 = text.index("Analyst"), text.index("Belgrade")
    s3 = text.index("The report")
    gold = tmp_path / "sides.tsv"
    gold.write_text("file\tspeaker_start\tspeaker_end\tcontent_start\tcontent_end\tside\n"
                    f"a.txt\t{s1}\t{s1 + 31}\t{c1}\t{c1 + 21}\tkremlin\n"
                    f"a.txt\t{s2}\t{s2 + 19}\t{c2}\t{c2 + 20}\tukraine\n"      # labelled wrong on purpose
                    f"a.txt\t{s3}\t{s3 + 10}\t{s3}\t{len(text)}\tother\n", encoding="utf-8")  # no claim there
    texts, table = read_side_gold(gold, tmp_path)
    matched = match_sides(table, extract_claims(pd.DataFrame({"doc_id": ["a"], "source": ["news"], "text": [text]})))
    assert matched["predicted"].tolist() == ["kremlin", "other", ""]
    scores = side_scores(matched)
    assert (scores["claims"], scores["matched"]) == (3, 2)
    assert scores["accuracy"] == pytest.approx(1 / 3) and scores["matched_accuracy"] == 0.5
    gold.write_text("file\tspeaker_start\tspeaker_end\tcontent_start\tcontent_end\tside\na.txt\t0\t5\t6\t9\tus\n",
                    encoding="utf-8")
    with pytest.raises(InputError, match="sides.tsv, row 2: side 'us' is not one of kremlin, ukraine, other"):
        read_side_gold(gold, tmp_path)
