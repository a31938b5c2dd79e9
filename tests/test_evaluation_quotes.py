"""News-quote gold (narrative.evaluation.quotes): the Gender Gap Tracker's quote F1 and speaker accuracy,
name matching, and errors naming file and row."""
import pandas as pd
import pytest

from narrative.claims import extract_claims
from narrative.errors import InputError
from narrative.evaluation.quotes import evaluate_quotes, read_quote_gold, same_speaker

from support import ROOT, SHARED


def test_same_speaker_rules():
    assert same_speaker("South African President Cyril Ramaphosa", "Cyril Ramaphosa")
    assert same_speaker("the Kremlin", "Kremlin")
    assert not same_speaker("Volodymyr Zelensky", "Cyril Ramaphosa")
    assert not same_speaker("(author)", "Cyril Ramaphosa")


def test_quote_scores_follow_the_gender_gap_tracker_measure(tmp_path):
    text = ("“We will hold the line,” the mayor Ivan Fedorov said. Officials added that power was back. "
            "The city was calm.")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    q1 = text.index("We will"), text.index(",”")
    q2 = text.index("power"), text.index(" back") + 5
    q3 = text.index("The city"), len(text) - 1  # no claim covers it: a miss
    gold = tmp_path / "gold.tsv"
    gold.write_text("file\tquote_start\tquote_end\tspeaker\n"
                    + "".join(f"a.txt\t{a}\t{b}\t{s}\n" for (a, b), s in ((q1, "Ivan Fedorov"), (q2, "officials"),
                                                                           (q3, "the mayor"))), encoding="utf-8")
    g = read_quote_gold(gold, tmp_path)
    scores = evaluate_quotes(g, extract_claims(pd.DataFrame({"doc_id": ["a"], "source": ["news"], "text": [text]})))
    assert (scores["gold"], scores["predicted"], scores["matched"]) == (3, 2, 2)
    assert scores["quote_precision"] == 1.0 and scores["quote_recall"] == pytest.approx(2 / 3)
    assert scores["speaker_accuracy"] == 1.0
    assert scores["misses"] == [("a", q3[0], q3[1], "the mayor")]


def test_quote_gold_errors_name_file_and_row(tmp_path):
    (tmp_path / "a.txt").write_text("short", encoding="utf-8")
    gold = tmp_path / "gold.tsv"
    gold.write_text("file\tquote_start\tquote_end\tspeaker\na.txt\t0\t99\tX\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"gold.tsv, row 2: offsets 0-99 do not lie in a.txt"):
        read_quote_gold(gold, tmp_path)
    gold.write_text("file,quote_start\n", encoding="utf-8")
    with pytest.raises(InputError, match="row 1: the header"):
        read_quote_gold(gold, tmp_path)


def test_shipped_quote_gold_is_valid_against_the_war_news_texts():
    texts = SHARED / "eval" / "warnews-dev" / "articles"
    if not texts.is_dir():
        pytest.skip("../shared/eval/warnews-dev is absent (shared material is only beside the project checkout)")
    gold = read_quote_gold(ROOT / "data" / "annotations" / "warnews-dev-quotes.tsv", texts)
    assert sum(len(q) for _t, q in gold.values()) == 162 and len(gold) == 24
