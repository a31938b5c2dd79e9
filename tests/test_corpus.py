import hashlib
import json
import re

import pandas as pd
import pytest

from narrative.cli import main
from narrative.corpus import Columns, load_corpus
from narrative.errors import InputError
from narrative.schema import DOCUMENTS

from support import DEMO, NEWS, demo_slice


def test_demo_corpus_loads_with_sides():
    docs = load_corpus(DEMO, sides={"putin": "kremlin", "zelenskyy": "ukraine"})
    assert list(docs.columns) == list(DOCUMENTS)
    assert docs["side"].value_counts().to_dict() == {"ukraine": 980, "kremlin": 816}
    assert docs["doc_id"].is_unique
    assert docs.iloc[0]["doc_id"].startswith("putin-")


def test_doc_ids_are_stable_under_reordering(tmp_path):
    a = tmp_path / "a" / "news.csv"
    b = tmp_path / "b" / "news.csv"
    a.parent.mkdir(), b.parent.mkdir()
    pd.DataFrame({"text": ["one text", "two text", "three"]}).to_csv(a, index=False)
    pd.DataFrame({"text": ["three", "one text", "two text"]}).to_csv(b, index=False)
    ids_a = dict(zip(load_corpus(a)["text"], load_corpus(a)["doc_id"]))
    ids_b = dict(zip(load_corpus(b)["text"], load_corpus(b)["doc_id"]))
    assert ids_a == ids_b


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_formats_and_column_mapping(tmp_path, fmt):
    frame = pd.DataFrame({"body": [NEWS, "Second report."], "headline": ["h1", "h2"],
                          "published": ["2025-12-01", "2025-12-02"], "side": ["journalist", "other"]})
    path = tmp_path / f"news.{fmt}"
    {"csv": lambda: frame.to_csv(path, index=False),
     "jsonl": lambda: frame.to_json(path, orient="records", lines=True),
     "parquet": lambda: frame.to_parquet(path)}[fmt]()
    docs = load_corpus(path, columns=Columns(text="body"))
    assert docs["text"].tolist() == [NEWS, "Second report."]
    assert docs["title"].tolist() == ["h1", "h2"]
    assert docs["date"].tolist() == ["2025-12-01", "2025-12-02"]
    assert docs["side"].tolist() == ["journalist", "other"]
    assert docs["source"].tolist() == ["news", "news"]


def test_txt_file_and_directory(tmp_path):
    (tmp_path / "pokrovsk-report.txt").write_text(NEWS, encoding="utf-8")
    (tmp_path / "second.txt").write_text("Another one.", encoding="utf-8")
    one = load_corpus(tmp_path / "pokrovsk-report.txt")
    assert one["doc_id"].tolist() == ["pokrovsk-report"] and one["text"].iloc[0] == NEWS
    both = load_corpus(tmp_path)
    assert both["doc_id"].tolist() == ["pokrovsk-report", "second"]


BAD = [
    # (file name, bytes, expected fragment of the message)
    ("missing.csv", b"headline,date\nA,2022-01-01\n", "no text column"),
    ("malformed.csv", b"text,title\n\"ok\",a\n\"bad\",b,c,d\n", "line 3: malformed CSV"),
    ("latin1.csv", "text\nKyiv caf\u00e9\n".encode("latin-1"), "line 2: not valid UTF-8"),
    ("binary.csv", b"PK\x03\x04\x00\x00\x00binary", "binary file"),
    ("empty.csv", b"text\n", "empty corpus"),
    ("bad.jsonl", b'{"text": "ok"}\n{"text": oops}\n', "line 2: malformed JSON"),
    ("fake.parquet", b"not parquet at all", "not a Parquet file"),
]


@pytest.mark.parametrize("name,data,fragment", BAD, ids=[b[0] for b in BAD])
def test_bad_input_names_file_row_problem_and_exits_2(tmp_path, capsys, name, data, fragment):
    path = tmp_path / name
    path.write_bytes(data)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(InputError) as info:
        load_corpus(path)
    assert fragment in str(info.value) and name in str(info.value)
    code = main(["claims", str(path)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and fragment in err and "Traceback" not in err
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_explicit_text_column_missing_is_named(tmp_path, capsys):
    path = demo_slice(tmp_path / "c", n=2) / "putin.csv"
    assert main(["claims", str(path), "--text-column", "content_text"]) == 2
    assert "no column 'content_text'" in capsys.readouterr().err


def test_output_never_overwrites_input(tmp_path, capsys):
    path = tmp_path / "news.csv"
    pd.DataFrame({"text": [NEWS]}).to_csv(path, index=False)
    before = path.read_bytes()
    assert main(["claims", str(path), "-o", str(path)]) == 2
    assert path.read_bytes() == before


def test_jsonl_output_round_trips(tmp_path):
    (tmp_path / "a.txt").write_text(NEWS, encoding="utf-8")
    out = tmp_path / "claims.jsonl"
    assert main(["claims", str(tmp_path / "a.txt"), "-o", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert rows and all(NEWS[r["content_start"]:r["content_end"]] == r["content"] for r in rows)


def test_pyproject_declares_every_library_the_package_imports():
    """`pip install .` must bring whatever any module imports (e.g. dask for --backend dask); a developer
    tool (``narrative.tools``) may instead need an optional extra that pyproject declares."""
    import ast
    import sys
    import tomllib
    from importlib.metadata import packages_distributions

    from support import ROOT

    declared = set()
    for spec in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]:
        declared.add(re.split(r"[<>=!~ \[]", spec)[0].lower().replace("_", "-"))
    extras = set()
    for specs in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"].get("optional-dependencies", {}).values():
        extras |= {re.split(r"[<>=!~ \[]", spec)[0].lower().replace("_", "-") for spec in specs}
    dists = packages_distributions()
    missing = {}
    for path in (ROOT / "src" / "narrative").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module] if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module else []
            for name in names:
                top = name.split(".")[0]
                if top in sys.stdlib_module_names or top == "narrative":
                    continue
                provided = {d.lower().replace("_", "-") for d in dists.get(top, [top])}
                allowed = declared | extras if path.parent.name == "tools" else declared
                if not provided & allowed:
                    missing.setdefault(top, path.name)
    assert missing == {}
