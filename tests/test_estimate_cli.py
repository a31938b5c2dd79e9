"""narrative sample / validate / estimate on real demo claims: sheets, coded sheets, bad sheets."""
from __future__ import annotations

import csv

import pandas as pd
import pytest

from support import ROOT, SHARED, demo_slice
from narrative.cli import main

SHEET_FILE = ROOT / "data" / "annotations" / "press-releases-validation.csv"


@pytest.fixture(scope="module")
def claims_file(tmp_path_factory):
    """Claims of the first 30 releases of each side of the demo corpus (real text)."""
    folder = tmp_path_factory.mktemp("demo")
    corpus = demo_slice(folder / "corpus", 30)
    out = folder / "claims.csv"
    assert main(["claims", str(corpus), "--format", "csv", "-o", str(out), "--jobs", "1"]) == 0
    return out


@pytest.fixture(scope="module")
def coded(claims_file, tmp_path_factory):
    """A sheet of 120 attributed claims stratified by side, 'coded' from the tool's own labels with known
    changes: every fourth kremlin claim recoded other, aggression removed from every third claim carrying it."""
    folder = tmp_path_factory.mktemp("sheet")
    sheet = folder / "sheet.csv"
    assert main(["sample", str(claims_file), "-n", "120", "--strata", "side", "--seed", "3", "-o", str(sheet),
                 "--quote-type", "direct", "--quote-type", "indirect", "--quote-type", "mixed"]) == 0
    table = pd.read_csv(sheet, keep_default_na=False, dtype=str)
    gold_side = table["side"].where(table["side"].isin(["kremlin", "ukraine", "other"]), "other").copy()
    kremlin = gold_side.index[gold_side == "kremlin"]
    gold_side[kremlin[::4]] = "other"
    frames = table["frames"].copy()
    agg = frames.index[frames.str.contains("aggression")]
    frames[agg[::3]] = frames[agg[::3]].str.replace("aggression", "").str.strip(";").str.replace(";;", ";")
    table = table.assign(gold_is_claim="1", gold_side=gold_side, gold_frames=frames, gold_distanced=table["distanced"])
    table.loc[0, "gold_is_claim"] = "0"
    table.to_csv(sheet, index=False)
    return sheet, table


def test_sample_writes_a_sheet_and_an_escaped_html_view(claims_file, tmp_path):
    sheet, page = tmp_path / "s.csv", tmp_path / "s.html"
    assert main(["sample", str(claims_file), "-n", "40", "--strata", "side", "--seed", "1", "-o", str(sheet),
                 "--corpus", str(claims_file.parent / "corpus")]) == 0
    table = pd.read_csv(sheet, keep_default_na=False, dtype=str)
    claims = pd.read_csv(claims_file, keep_default_na=False, dtype=str)
    assert len(table) == 40 and table["claim_id"].is_unique and set(table["claim_id"]) <= set(claims["claim_id"])
    assert (table[["gold_is_claim", "gold_side", "gold_frames", "gold_distanced"]] == "").all().all()
    # inclusion probabilities are n_h / N_h of each stratum
    sizes = claims["side"].value_counts()
    for stratum, part in table.groupby("stratum"):
        side = stratum.split("=", 1)[1]
        # (tables are written with 6 significant digits: a relative rounding of at most 5e-6)
        assert float(part["inclusion_probability"].iloc[0]) == pytest.approx(len(part) / sizes[side], rel=1e-5)
    html = page.read_text(encoding="utf-8")
    assert "aggression" in html and "Codebook" in html and "<script" not in html
    marked = table[table["sentence"].str.contains(r"\[S ")]
    assert len(marked)           # attributed claims show their speaker marked
    # the same seed gives the same sheet
    again = tmp_path / "t.csv"
    assert main(["sample", str(claims_file), "-n", "40", "--strata", "side", "--seed", "1", "-o", str(again),
                 "--corpus", str(claims_file.parent / "corpus")]) == 0
    assert again.read_bytes() == sheet.read_bytes()


def test_validate_reports_the_known_changes(claims_file, coded, capsys, tmp_path):
    sheet, table = coded
    out = tmp_path / "acc.csv"
    assert main(["validate", str(claims_file), "--validation", str(sheet), "-o", str(out)]) == 0
    acc = pd.read_csv(out).fillna({"label": ""})
    get = lambda m, label="": acc[(acc["measure"] == m) & (acc["label"] == label)].iloc[0]
    assert get("claim_precision")["k"] == 119 and get("claim_precision")["n"] == 120
    kremlin = (table["side"] == "kremlin") & (table["gold_is_claim"] == "1")
    recoded = int((kremlin & (table["gold_side"] == "other")).sum())
    assert get("side_precision", "kremlin")["n"] - get("side_precision", "kremlin")["k"] == recoded
    assert get("frame_recall", "aggression")["value"] == 1.0           # only removals: nothing missed
    assert get("frame_precision", "aggression")["value"] < 1.0
    assert get("frame_precision", "diplomacy")["value"] == 1.0
    assert "side confusion" in capsys.readouterr().out


def test_estimate_writes_every_quantity(claims_file, coded, tmp_path):
    sheet, _table = coded
    out = tmp_path / "est.csv"
    assert main(["estimate", str(claims_file), "--validation", str(sheet), "--a", "kremlin", "--b", "ukraine",
                 "-o", str(out), "--min-coded", "5"]) == 0
    est = pd.read_csv(out)
    assert list(est.columns) == ["quantity", "naive", "estimate", "lo", "hi", "n_labelled", "n_total"]
    assert {"share:kremlin", "share:other", "prevalence:aggression:kremlin", "difference:aggression",
            "distanced:kremlin", "distanced:difference"} <= set(est["quantity"])
    assert (est["lo"] <= est["estimate"] + 1e-9).all() and (est["estimate"] <= est["hi"] + 1e-9).all()
    # the coder moved a quarter of the kremlin claims to other: the corrected share of other is higher
    row = est.set_index("quantity")
    assert row.loc["share:other", "estimate"] > row.loc["share:other", "naive"] + 0.02


def _bad(tmp_path, table, edit):
    bad = table.copy()
    edit(bad)
    path = tmp_path / "bad.csv"
    bad.to_csv(path, index=False)
    return path


@pytest.mark.parametrize("edit, message", [
    (lambda t: t.__setitem__("claim_id", t["claim_id"].where(t.index != 4, "nowhere:1")), "line 6: claim id 'nowhere:1' is not in the claims table"),
    (lambda t: t.__setitem__("gold_side", t["gold_side"].where(t.index != 2, "russia")), "line 4: gold_side 'russia' is not a codebook side"),
    (lambda t: t.__setitem__("gold_frames", t["gold_frames"].where(t.index != 7, "victory;diplomacy")), "line 9: gold_frames victory not in the codebook"),
    (lambda t: t.__setitem__("claim_id", t["claim_id"].where(t.index != 9, t["claim_id"][3])), "line 11: claim"),
    (lambda t: t.__setitem__("gold_is_claim", t["gold_is_claim"].where(t.index != 0, "yes")), "line 2: gold_is_claim must be 1, 0 or empty"),
])
def test_bad_sheets_get_one_line_naming_the_row_and_nothing_is_written(claims_file, coded, tmp_path, capsys, edit, message):
    _sheet, table = coded
    path = _bad(tmp_path, table, edit)
    out = tmp_path / "est.csv"
    for command in (["estimate", str(claims_file), "--validation", str(path), "-o", str(out)],
                    ["validate", str(claims_file), "--validation", str(path), "-o", str(out)]):
        assert main(command) == 2
        err = capsys.readouterr().err.strip()
        assert "\n" not in err and message in err, err
        assert not out.exists()


def test_fewer_than_ten_coded_claims_for_a_quantity_is_refused(claims_file, coded, tmp_path, capsys):
    _sheet, table = coded
    keep = table.index[:14]          # only 14 rows coded: a side's prevalence has fewer than 10
    thin = table.copy()
    for g in ("gold_is_claim", "gold_side", "gold_frames", "gold_distanced"):
        thin.loc[~thin.index.isin(keep), g] = ""
    path = tmp_path / "thin.csv"
    thin.to_csv(path, index=False)
    out = tmp_path / "est.csv"
    assert main(["estimate", str(claims_file), "--validation", str(path), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "coded claims in its denominator (at least 10 needed)" in err and not out.exists()


def test_an_empty_column_is_a_dimension_not_coded(claims_file, coded, tmp_path):
    _sheet, table = coded
    path = tmp_path / "sides-only.csv"
    table.assign(gold_frames="", gold_distanced="").to_csv(path, index=False)
    out = tmp_path / "est.csv"
    assert main(["estimate", str(claims_file), "--validation", str(path), "-o", str(out), "--min-coded", "5"]) == 0
    assert set(pd.read_csv(out)["quantity"]) == {"share:kremlin", "share:ukraine", "share:other"}


# -- the demo's shipped sheet ---------------------------------------------------------------------
def test_the_demo_sheet_matches_todays_claims_and_the_coding():
    from narrative.claims import extract_claims
    from narrative.corpus import load_corpus
    from narrative.speakers.actors import load_actors
    from narrative.estimate import Population, read_sheet
    from narrative.lexicons import load_lexicon

    sheet = read_sheet(SHEET_FILE, load_lexicon().categories)
    assert len(sheet) >= 390 and set(sheet["stratum"]) == {"publisher_side=kremlin", "publisher_side=ukraine"}
    assert (sheet["population"] == "quote_type=self,act; words=6-60").all()
    docs = load_corpus(ROOT / "data" / "raw" / "press-releases", sides=load_actors().source_sides())
    docs = docs[docs["doc_id"].isin(set(sheet["doc_id"]))]
    claims = extract_claims(docs).set_index("claim_id")
    assert set(sheet["claim_id"]) <= set(claims.index)
    inside = Population.parse(sheet["population"].iloc[0]).select(claims.reset_index())
    assert set(sheet["claim_id"]) <= set(inside["claim_id"])
    assert (claims.loc[sheet["claim_id"], "content"].to_numpy() == sheet["sentence"].to_numpy()).mean() > 0.99
    coding = SHARED / "eval" / "press-releases" / "frames-codebook.tsv"
    if coding.is_file():   # the gold columns are the second coder's labels, row for row
        gold = pd.read_csv(coding, sep="\t", keep_default_na=False, dtype=str, quoting=csv.QUOTE_MINIMAL)
        by_text = {(d, t): (s, l) for d, t, s, l in zip(gold["doc_id"], gold["text"], gold["side"], gold["labels"])}
        hits = [by_text.get((d, t)) == (s, f) for d, t, s, f in zip(sheet["doc_id"], sheet["sentence"],
                                                                     sheet["gold_side"], sheet["gold_frames"])]
        assert sum(hits) >= len(sheet) - 1


def test_sides_outside_the_codebook_are_refused(claims_file, coded, tmp_path, capsys):
    sheet, _table = coded
    out = tmp_path / "est.csv"
    assert main(["estimate", str(claims_file), "--validation", str(sheet), "--a", "journalist", "-o", str(out)]) == 2
    assert "'journalist' is not a codebook side" in capsys.readouterr().err and not out.exists()


def test_sample_refuses_a_table_that_is_not_claims(tmp_path, capsys):
    table = tmp_path / "docs.csv"
    table.write_text("doc_id,text\nd1,Peskov said the talks had stalled.\n", encoding="utf-8")
    out = tmp_path / "sheet.csv"
    assert main(["sample", str(table), "-n", "5", "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "not a claims table: no column claim_id" in err
    assert not out.exists() and not out.with_suffix(".html").exists()
