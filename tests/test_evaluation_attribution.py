"""Attribution gold (narrative.evaluation.attribution): brat/PolNeAR reading, content/cue/source scores, the
CLI table, and PolNeAR dev when ../shared holds it."""
import pandas as pd
import pytest

from narrative.cli import main
from narrative.evaluation.attribution import evaluate_attribution, predictions_from_claims, read_gold
from narrative.claims import extract_claims

from support import BRAT_ANN as ANN, BRAT_TEXT as TEXT, POLNEAR


@pytest.fixture
def gold_dir(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "art.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "art_aaaa.ann").write_text(ANN, encoding="utf-8")
    (tmp_path / "attributions" / "art_bbbb.ann").write_text("", encoding="utf-8")  # second annotator ignored
    return tmp_path


def test_gold_reading_and_perfect_scores(gold_dir):
    gold = read_gold(gold_dir)
    assert TEXT[12:31] == "the city had fallen" and TEXT[49:61] == "according to"
    relations = gold["art"][1]
    assert len(relations) == 2 and relations[1].source == [(62, 71)]
    scores = evaluate_attribution(gold, {"art": relations})
    assert (scores["gold"], scores["predicted"], scores["matched"]) == (2, 2, 2)
    assert scores["content_f1"] == scores["cue_f1"] == scores["source_accuracy"] == 1.0


def test_extractor_against_composed_gold(gold_dir):
    """The extractor also reads "Kyiv denied it" as Kyiv's claim: one extra prediction."""
    docs = pd.DataFrame({"doc_id": ["art"], "source": ["news"], "text": [TEXT]})
    scores = evaluate_attribution(read_gold(gold_dir), predictions_from_claims(extract_claims(docs)))
    assert (scores["gold"], scores["predicted"], scores["matched"]) == (2, 3, 2)
    assert scores["content_precision"] == pytest.approx(2 / 3) and scores["content_recall"] == 1.0
    assert scores["source_accuracy"] == 1.0


def test_empty_prediction_scores_zero(gold_dir):
    scores = evaluate_attribution(read_gold(gold_dir), {})
    assert scores["content_recall"] == 0.0 and scores["content_f1"] == 0.0


def test_cli_prints_table(gold_dir, capsys):
    assert main(["eval-attribution", "--gold", str(gold_dir), "--by-cue"]) == 0
    out = capsys.readouterr().out
    assert "content (tokF1>=0.5)" in out and "according to" in out
    # the printed figures are the evaluation's own
    from narrative.claims import extract_claims

    gold = read_gold(gold_dir)
    docs = pd.DataFrame({"doc_id": list(gold), "source": "news", "text": [t for t, _r in gold.values()]})
    scores = evaluate_attribution(gold, predictions_from_claims(extract_claims(docs)))
    line = next(l for l in out.splitlines() if l.startswith("content (tokF1>=0.5)"))
    assert line.split()[-3:] == [f"{scores['content_precision']:.3f}", f"{scores['content_recall']:.3f}",
                                 f"{scores['content_f1']:.3f}"]


def test_polnear_dev_runs():
    if not (POLNEAR / "dev").is_dir():
        pytest.skip("../shared/eval/polnear is absent (research-only gold, read in place)")
    gold = read_gold(POLNEAR / "dev")
    assert len(gold) == 84
    assert sum(len(r) for _t, r in gold.values()) > 2000
