"""The CLI's options: formats from the output's extension, options from the parameter registry,
and the project files a run needs found outside the checkout."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from narrative.cli import main

from support import NEWS


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(NEWS, encoding="utf-8")
    return path


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_claims_take_the_format_from_the_output_extension(article, tmp_path, suffix):
    """The bug: `claims … -o claims.csv` without --format wrote JSON lines into the .csv."""
    out = tmp_path / f"claims{suffix}"
    assert main(["claims", str(article), "--jobs", "1", "-o", str(out)]) == 0
    read = {".csv": lambda p: pd.read_csv(p, keep_default_na=False), ".jsonl": lambda p: pd.read_json(p, lines=True),
            ".parquet": pd.read_parquet}[suffix]
    table = read(out)
    assert len(table) > 2 and {"doc_id", "speaker", "content", "side"} <= set(table.columns)
    if suffix == ".csv":
        assert out.read_text("utf-8").startswith("doc_id,claim_id,")


def test_an_explicit_format_wins_and_stdout_stays_jsonl(article, tmp_path, capsys):
    out = tmp_path / "claims.csv"
    assert main(["claims", str(article), "--jobs", "1", "-o", str(out), "--format", "jsonl"]) == 0
    assert json.loads(out.read_text("utf-8").splitlines()[0])["doc_id"]
    assert main(["claims", str(article), "--jobs", "1"]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[0])["doc_id"]


def test_parquet_to_stdout_is_one_line(article, capsys):
    assert main(["claims", str(article), "--jobs", "1", "--format", "parquet"]) == 2
    assert capsys.readouterr().err.strip().endswith("standard output takes csv or jsonl")


def test_method_choices_come_from_the_extractor_registry():
    from narrative.claims import METHODS
    from narrative.cli import build_parser

    parser = build_parser()
    for command in ("claims", "actors", "eval-quotes", "eval-attribution", "validate-sides"):
        sub = parser._subparsers._group_actions[0].choices[command]
        method = next(a for a in sub._actions if a.dest == "method")
        assert tuple(method.choices) == tuple(METHODS), command


def test_the_runs_default_files_are_found_outside_the_checkout(tmp_path, monkeypatch):
    """`narrative run` from another folder: the notebooks, the demo corpus and the frames labels
    are the checkout's (or, installed, <prefix>/share/narrative's), not ./data/... of the cwd."""
    from narrative.infra.datafiles import DEMO_CORPUS, FRAME_LABELS, project_file
    from narrative.pipeline import params as P
    from narrative.pipeline.run import notebooks_dir

    monkeypatch.chdir(tmp_path)
    checked = P.validate(P.defaults(), base=tmp_path)
    assert checked["frame_labels"] == str(project_file(FRAME_LABELS).resolve())
    assert checked["corpus"] == [str(project_file(DEMO_CORPUS).resolve())]
    assert (notebooks_dir() / "01_claims.ipynb").is_file()
    with pytest.raises(Exception) as raised:  # a user's own relative path is still read from the cwd only
        P.validate({**P.defaults(), "frame_labels": "data/annotations/other.csv"}, base=tmp_path)
    assert "no such file" in str(raised.value)
