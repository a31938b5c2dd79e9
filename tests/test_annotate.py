import pandas as pd
import pytest

from narrative.evaluation.frame_labels import agreement, draw_sample, lexicon_validation, read_labels
from narrative.cli import main
from narrative.errors import InputError
from narrative.lexicons import load_lexicon

from support import ROOT

CATS = load_lexicon().categories
LABELS = ROOT / "data" / "annotations" / "frames_labels.csv"


def write(tmp_path, name, rows):
    path = tmp_path / name
    pd.DataFrame(rows, columns=["item", "text", "labels"]).to_csv(path, index=False)
    return path


def test_validation_counts_exactly(tmp_path):
    path = write(tmp_path, "l.csv", [
        (1, "Our forces deter enemy attacks.", "resistance;aggression"),   # lexicon: resistance, aggression
        (2, "The port was closed to ships.", "aggression"),                # lexicon: nothing
        (3, "We thank our partners.", ""),                                 # lexicon: diplomacy
    ])
    table = lexicon_validation(read_labels(path, CATS)).set_index("category")
    assert table.loc["aggression", ["support", "predicted"]].tolist() == [2, 1]
    assert table.loc["aggression", "precision"] == 1.0 and table.loc["aggression", "recall"] == 0.5
    assert table.loc["diplomacy", "precision"] == 0.0 and table.loc["diplomacy", "support"] == 0


def test_kappa_perfect_and_chance(tmp_path):
    a = write(tmp_path, "a.csv", [(i, "t", "hedge" if i % 2 else "") for i in range(1, 11)])
    b = write(tmp_path, "b.csv", [(i, "t", "hedge" if i % 2 else "") for i in range(1, 11)])
    c = write(tmp_path, "c.csv", [(i, "t", "hedge" if i <= 5 else "") for i in range(1, 11)])
    first = read_labels(a, CATS)
    assert agreement(first, read_labels(b, CATS), CATS).set_index("category").loc["hedge", "kappa"] == 1.0
    k = agreement(first, read_labels(c, CATS), CATS).set_index("category").loc["hedge", "kappa"]
    assert k == pytest.approx(0.2)  # 6/10 agree, 0.5 expected: (0.6-0.5)/(1-0.5)


def test_unknown_label_names_row(tmp_path):
    path = write(tmp_path, "bad.csv", [(1, "t", "hedge"), (2, "t", "triumph")])
    with pytest.raises(InputError, match="row 3: unknown label"):
        read_labels(path, CATS)


def test_shipped_labels_are_complete_and_valid():
    labels = read_labels(LABELS, CATS)
    assert len(labels) == 400 and labels["item"].tolist() == list(range(1, 401))
    assert labels["side"].value_counts().to_dict() == {"kremlin": 200, "ukraine": 200}
    assert labels[list(CATS)].to_numpy().sum() > 300


def test_sample_is_reproducible_and_stratified():
    claims = pd.DataFrame({"doc_id": [f"d{i}" for i in range(40)], "claim_id": [f"c{i}" for i in range(40)],
                           "side": ["kremlin", "ukraine"] * 20, "quote_type": "self",
                           "content": ["one two three four five six seven"] * 40})
    a = draw_sample(claims, per_side={"kremlin": 5, "ukraine": 5}, seed=1)
    b = draw_sample(claims, per_side={"kremlin": 5, "ukraine": 5}, seed=1)
    pd.testing.assert_frame_equal(a, b)
    assert a["side"].value_counts().to_dict() == {"kremlin": 5, "ukraine": 5}


def test_cli_validate_lexicon(capsys):
    assert main(["validate-lexicon", "--labels", str(LABELS), "--second",
                 str(LABELS.with_name("frames_labels_pass2.csv"))]) == 0
    out = capsys.readouterr().out
    assert "mean kappa" in out and "achievement" in out
    from narrative.lexicons import load_lexicon
    from narrative.evaluation.frame_labels import agreement, read_labels

    cats = load_lexicon().categories
    table = agreement(read_labels(LABELS, cats), read_labels(LABELS.with_name("frames_labels_pass2.csv"), cats), cats)
    assert f"mean kappa {table['kappa'].mean():.3f}" in out
