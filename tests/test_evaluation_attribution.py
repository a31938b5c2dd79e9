import pandas as pd
import pytest

from narrative.cli import main
from narrative.evaluation.attribution import evaluate_attribution, predictions_from_claims, read_gold
from narrative.claims import extract_claims

from conftest import POLNEAR

# Composed for narrative: one article, two gold attributions in brat standoff.
TEXT = "Peskov said the city had fallen. Kyiv denied it, according to officials."
ANN = "\n".join([
    "T1\tSource 0 6\tPeskov", "T2\tCue 7 11\tsaid", "T3\tContent 12 31\tthe city had fallen",
    "T4\tAttribution 7 11\tsaid", "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
    "T5\tSource 62 71\tofficials", "T6\tCue 49 61\taccording to", "T7\tContent 33 47\tKyiv denied it",
    "T8\tAttribution 49 61\taccording to", "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5",
])


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


# -- gold and labels files name texts inside --texts only, and are UTF-8 ---------------------------
OFFSET_HEADERS = {
    "eval-quotes": ("--gold", "file\tquote_start\tquote_end\tspeaker", "0\t5\tPeskov"),
    "validate-sides": ("--gold", "file\tspeaker_start\tspeaker_end\tcontent_start\tcontent_end\tside",
                       "0\t6\t12\t31\tkremlin"),
    "eval-frames": ("--labels", "file\tstart\tend\tside\tlabels", "0\t31\tkremlin\tachievement"),
    "validate-lexicon": ("--labels", "file\tstart\tend\tside\tlabels", "0\t31\tkremlin\tachievement"),
}


@pytest.fixture
def outside(tmp_path):
    """A texts folder, and a secret file beside it that a gold row must not reach."""
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "secret.txt").write_text("Peskov said the secret had leaked out of the folder.", encoding="utf-8")
    return texts


@pytest.mark.parametrize("command", sorted(OFFSET_HEADERS))
@pytest.mark.parametrize("name", ["../secret.txt", "/etc/passwd", "sub/../../secret.txt"])
def test_a_gold_row_naming_a_file_outside_texts_is_refused(command, name, outside, tmp_path, capsys):
    option, header, fields = OFFSET_HEADERS[command]
    gold = tmp_path / "gold.tsv"
    gold.write_text(f"{header}\na.txt\t{fields}\n{name}\t{fields}\n", encoding="utf-8")
    assert main([command, option, str(gold), "--texts", str(outside)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"narrative: {gold}, row 3: file name {name!r} leaves the --texts folder "
                   "(names must be relative, without '..')"]


@pytest.mark.parametrize("command", sorted(OFFSET_HEADERS))
@pytest.mark.parametrize("which", ["gold", "text"])
def test_a_latin1_or_binary_gold_file_or_text_is_one_line(command, which, outside, tmp_path, capsys):
    option, header, fields = OFFSET_HEADERS[command]
    gold = tmp_path / "gold.tsv"
    if which == "gold":
        gold.write_bytes(f"{header}\na.txt\t{fields}\n".encode("utf-8") + b"caf\xe9\t\x00\xff\n")
    else:
        gold.write_text(f"{header}\na.txt\t{fields}\n", encoding="utf-8")
        (outside / "a.txt").write_bytes(TEXT.encode("utf-8") + " caf\xe9".encode("latin-1"))
    assert main([command, option, str(gold), "--texts", str(outside)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "is not UTF-8 text (binary or Latin-1?)" in err[0] and "Traceback" not in err[0]
    assert str(gold) in err[0]


def test_a_brat_gold_folder_with_a_latin1_text_is_one_line(tmp_path, capsys):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_bytes(TEXT.encode("utf-8") + " caf\xe9".encode("latin-1"))
    (tmp_path / "attributions" / "a_1.ann").write_text(ANN, encoding="utf-8")
    assert main(["eval-attribution", "--gold", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"narrative: {tmp_path / 'text' / 'a.txt'}: gold text is not UTF-8 text")
