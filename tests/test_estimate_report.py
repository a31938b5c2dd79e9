"""Notebook 04's measurement step and the report's section, on real demo claims."""
from __future__ import annotations

import pandas as pd
import pytest

from support import demo_slice
from narrative.cli import main
from narrative.pipeline import params as P
from narrative.pipeline import steps
from narrative.pipeline.estimates import disagreements
from narrative.pipeline.report import render


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory):
    """A run directory holding the claims of 30 releases per side (notebook 01's table)."""
    folder = tmp_path_factory.mktemp("run")
    (folder / "tables").mkdir()
    corpus = demo_slice(folder / "corpus", 30)
    assert main(["claims", str(corpus), "--format", "csv", "-o", str(folder / "tables" / "claims.csv"),
                 "--jobs", "1"]) == 0
    return folder


def _coded_sheet(run_dir, path):
    """A sheet of 90 attributed claims coded from the tool's labels, a third of the kremlin ones recoded other."""
    assert main(["sample", str(run_dir / "tables" / "claims.csv"), "-n", "90", "--strata", "side", "-o", str(path),
                 "--quote-type", "direct", "--quote-type", "indirect", "--quote-type", "mixed"]) == 0
    t = pd.read_csv(path, keep_default_na=False, dtype=str)
    side = t["side"].replace({"unknown": "other"})  # the coder gives every claim a codebook side
    side[side.index[side == "kremlin"][::3]] = "other"
    t.assign(gold_is_claim="1", gold_side=side, gold_frames=t["frames"], gold_distanced=t["distanced"]).to_csv(
        path, index=False)
    return path


def test_the_report_shows_corrected_beside_naive_and_escapes_the_sheet_name(run_dir, tmp_path):
    sheet = _coded_sheet(run_dir, tmp_path / "sheet<script>&.csv")
    claims = steps.read_table(run_dir, "claims.csv")
    out = steps.measurement(run_dir, claims, validation=str(sheet), side_a="kremlin", side_b="ukraine")
    assert set(out["table"]["quantity"]) >= {"share:other", "difference:diplomacy", "distanced:difference"}
    for name in ("estimates.csv", "validation_accuracy.csv", "estimates_notes.csv"):
        assert (run_dir / "tables" / name).is_file()
    # the coder moved a third of the kremlin claims to other: the naive share of other lies below the corrected one
    row = out["table"].set_index("quantity").loc["share:other"]
    assert row["naive"] < row["lo"]
    assert any(n.startswith("share:other") for n in out["notes"]["sentence"])
    page = render(run_dir, {"run_id": "t", "parameters": {"side_a": "kremlin", "side_b": "ukraine"}})
    assert "Do the findings survive the tool's own errors?" in page
    assert "sheet&lt;script&gt;&amp;.csv" in page and "<script>" not in page
    assert "share:other" in page and "side accuracy" in page


def test_without_a_sheet_the_report_says_how_to_make_one(tmp_path):
    (tmp_path / "tables").mkdir()
    pd.DataFrame({"category": ["diplomacy"], "diff": [0.1], "mean_a": [1.0], "mean_b": [0.9], "ci_low": [0.0],
                  "ci_high": [0.2], "q": [0.5], "p": [0.5]}).to_csv(tmp_path / "tables" / "frame_differences.csv",
                                                                    index=False)
    assert steps.measurement(tmp_path, pd.DataFrame(), validation=None, side_a="kremlin", side_b="ukraine") is None
    page = render(tmp_path, {"run_id": "t", "parameters": {"side_a": "kremlin", "side_b": "ukraine"}})
    assert "assumes that every automated" in page and "narrative sample" in page


def test_disagreement_sentences():
    table = pd.DataFrame({"quantity": ["difference:legitimacy", "difference:aggression", "difference:hedge"],
                          "naive": [-0.03, 0.01, 0.02], "estimate": [0.02, -0.12, 0.021], "lo": [-0.04, -0.2, 0.01],
                          "hi": [0.07, -0.05, 0.03], "n_labelled": [360, 360, 360], "n_total": [9, 9, 9]})
    naive = pd.DataFrame({"quantity": table["quantity"], "naive_lo": [-0.035, -0.01, 0.015],
                          "naive_hi": [-0.025, 0.03, 0.025]})
    notes = disagreements(table, naive, side_a="kremlin", side_b="ukraine").set_index("quantity")
    assert notes.loc["difference:legitimacy", "kind"] == "naive only"
    assert "includes no difference" in notes.loc["difference:legitimacy", "sentence"]
    assert notes.loc["difference:aggression", "kind"] == "corrected only"
    assert "difference:hedge" not in notes.index          # both clear, same direction: they agree


def test_the_validation_parameter_is_checked_before_any_notebook(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("claim_id,gold_side\nx:1,russia\n", encoding="utf-8")
    merged = P.merge_parameters(pairs=[("validation", str(bad))])
    checked = P.validate(merged)
    from narrative.errors import ParameterError
    from narrative.pipeline.run import preflight

    with pytest.raises(ParameterError, match="line 2: gold_side 'russia'"):
        preflight(checked)
    assert P.BY_NAME["validation"].default == "data/annotations/press-releases-validation.csv"
