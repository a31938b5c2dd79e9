"""Bad input, as a new user or a tester gives it: one line naming the file/row or parameter, exit 2,
nothing written, no failed run left behind (issue: nothing a user gives is ever destroyed)."""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

from narrative.cli import main

from support import NEWS, ROOT, demo_slice


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return demo_slice(tmp_path_factory.mktemp("bad") / "corpus", n=6)


def _write_bad(kind: str, folder):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "news.csv"
    if kind == "malformed":
        path.write_text('text,side\n"Kyiv said so",ukraine\n"a row",with,too,many\n', encoding="utf-8")
    elif kind == "binary":
        path.write_bytes(b"text\n\x00\x01\x02binary")
    elif kind == "latin1":
        path.write_bytes("text\nKyiv said caf\xe9 was shelled\n".encode("latin-1"))
    elif kind == "late-nul":
        body = ("a" * 9000) + "\x00 then more"
        pd.DataFrame({"text": [NEWS, body]}).to_csv(path, index=False)
    elif kind == "no-text-column":
        pd.DataFrame({"headline": ["x"]}).to_csv(path, index=False)
    return folder


@pytest.mark.parametrize("kind, message", [
    ("malformed", "news.csv, line 3: malformed CSV: expected 2 fields, saw 4"),
    ("binary", "news.csv: binary file (NUL bytes)"),
    ("latin1", "news.csv, line 2: not valid UTF-8 (byte 0xe9"),
    ("late-nul", "news.csv, line 3: NUL byte at offset"),
    ("no-text-column", "news.csv: no text column"),
])
def test_run_refuses_a_bad_corpus_before_any_notebook(tmp_path, capsys, kind, message):
    folder = _write_bad(kind, tmp_path / "corpus")
    out = tmp_path / "reports"
    before = {p: p.read_bytes() for p in folder.iterdir()}
    assert main(["run", "--corpus", str(folder), "--out", str(out), "--run-id", "r", "--notebooks",
                 str(ROOT / "notebooks")]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1, err
    assert not out.exists() or sorted(p.name for p in out.iterdir()) == [".narrative.lock"] or not any(
        p.name.startswith(("r", ".tmp")) for p in out.iterdir())
    assert {p: p.read_bytes() for p in folder.iterdir()} == before


@pytest.mark.parametrize("kind", ["latin1", "late-nul", "binary"])
def test_claims_refuses_a_bad_corpus(tmp_path, capsys, kind):
    folder = _write_bad(kind, tmp_path / "corpus")
    assert main(["claims", str(folder), "-o", str(tmp_path / "c.csv")]) == 2
    assert "news.csv" in capsys.readouterr().err and not (tmp_path / "c.csv").exists()


@pytest.mark.parametrize("pairs, fragment", [
    ([("n_boot", "0")], "parameter 'n_boot': must be >= 1, got 0"),
    ([("n_perm", "0")], "parameter 'n_perm': must be >= 1, got 0"),
    ([("n_splits", "1")], "parameter 'n_splits': must be >= 2, got 1"),
    ([("jobs", "0")], "parameter 'jobs': must be >= 1, got 0"),
    ([("max_claims", "0")], "parameter 'max_claims': must be >= 10, got 0"),
    ([("top_k", "0")], "parameter 'top_k': must be >= 1, got 0"),
    ([("side_b", "kremlin")], "parameter 'side_b': is the same side as side_a"),
    ([("side_a", "narnia")], "parameter 'side_a': unknown side 'narnia'"),
    ([("n_boot", "[1")], "parameter 'n_boot': value '[1' is not valid YAML"),
    ([("lexicon", "{bad_lexicon}")], "parameter 'lexicon':"),
    ([("actors", "{bad_actors}")], "parameter 'actors':"),
    ([("lexicon", "{dir}")], "parameter 'lexicon': cannot read"),
])
def test_unusable_parameters_are_refused_naming_the_parameter(tmp_path, corpus, capsys, pairs, fragment):
    (tmp_path / "lex.csv").write_text("category,phrase\nachievement,\n", encoding="utf-8")
    (tmp_path / "actors.yaml").write_text("actors: [name: x\n", encoding="utf-8")
    argv = ["run", "--corpus", str(corpus), "--out", str(tmp_path / "reports"), "--run-id", "p",
            "--notebooks", str(ROOT / "notebooks")]
    for name, value in pairs:
        value = value.format(bad_lexicon=tmp_path / "lex.csv", bad_actors=tmp_path / "actors.yaml", dir=tmp_path)
        argv += ["-p", name, value]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert fragment in err and err.count("\n") == 1, err
    assert not (tmp_path / "reports" / "p").exists()


@pytest.mark.parametrize("argv_tail, fragment", [
    (["--keep", "-1"], "argument --keep: must be at least 1, got -1"),
    (["--keep", "0"], "argument --keep: must be at least 1, got 0"),
    (["--parallel", "0"], "argument --parallel: must be at least 1"),
    (["--wait", "-5"], "argument --wait: must be at least 0"),
    (["--config", "{dir}"], "parameter '--config': {dir} is a directory"),
    (["--config", "{binary}"], "is not UTF-8 text"),
    (["--out", "{file}"], "is a file, not a directory of runs"),
])
def test_run_options_refused_in_one_line(tmp_path, corpus, capsys, argv_tail, fragment):
    (tmp_path / "bin.yaml").write_bytes(b"\xff\xfe\x00binary")
    (tmp_path / "a-file").write_text("x")
    fill = {"dir": str(tmp_path), "binary": str(tmp_path / "bin.yaml"), "file": str(tmp_path / "a-file")}
    argv = ["run", "--corpus", str(corpus), "--run-id", "o", "--notebooks", str(ROOT / "notebooks")]
    if "--out" not in argv_tail:
        argv += ["--out", str(tmp_path / "reports")]
    with pytest.raises(SystemExit) if fragment.startswith("argument") else _no_exit():
        code = main(argv + [a.format(**fill) for a in argv_tail])
        assert code == 2
    err = capsys.readouterr().err
    assert fragment.format(**fill) in err and "Traceback" not in err, err
    assert (tmp_path / "a-file").read_text() == "x"


class _no_exit:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def test_unreadable_input_is_one_line(tmp_path):
    """A file the user may not read: as root (CI) the command runs as 'nobody', for whom it is unreadable."""
    import subprocess
    import sys
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="narrative-perm-"))
    try:
        folder.chmod(0o755)
        path = folder / "news.csv"
        pd.DataFrame({"text": [NEWS]}).to_csv(path, index=False)
        path.chmod(0)
        user = 65534 if os.geteuid() == 0 else None
        try:
            proc = subprocess.run([sys.executable, "-m", "narrative.cli", "claims", str(path)], capture_output=True,
                                  text=True, user=user, cwd=folder, env={**os.environ, "HOME": str(folder)})
        except PermissionError:
            pytest.skip("cannot start a process as 'nobody' here")
        if "Permission denied" in proc.stderr and "python" in proc.stderr.split(":")[0]:
            pytest.skip("'nobody' cannot run this virtualenv's interpreter")
        assert proc.returncode == 2, proc.stderr
        assert proc.stderr == f"narrative: {path}: cannot read: Permission denied\n"
    finally:
        path.chmod(0o644)
        import shutil

        shutil.rmtree(folder)


def test_corpus_without_dates_gives_empty_weekly_rates_and_a_plot_that_says_so():
    from narrative import plots
    from narrative.compare.series import weekly_rates
    from narrative.infra.tables import table_text

    scores = pd.DataFrame({"doc_id": ["a", "b"], "side": ["x", "y"], "resistance": [1.0, 2.0]})
    weekly = weekly_rates(scores, pd.Series({"a": "", "b": ""}), ["resistance"])
    assert weekly.empty and table_text(weekly).startswith("week,group,category")
    fig = plots.weekly(weekly, "resistance")
    assert "No dated documents" in fig.axes[0].texts[0].get_text()


def test_a_file_that_fails_to_read_is_one_line(tmp_path, capsys):
    """A read that fails with an OS error (here a link to /proc/self/mem, unreadable at offset 0
    even for root): one line naming the file, exit 2."""
    if not os.path.exists("/proc/self/mem"):
        pytest.skip("no /proc/self/mem on this system")
    link = tmp_path / "news.csv"
    link.symlink_to("/proc/self/mem")
    assert main(["claims", str(link)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"narrative: {link}: cannot read: ") and err.count("\n") == 1, err


def test_loopback_down_is_one_line_before_any_run(tmp_path, corpus):
    """In a network namespace whose loopback is down (``unshare -n``), no kernel can start: say so at
    once instead of a 60-second kernel timeout per notebook, and make no run."""
    import shutil
    import subprocess
    import sys

    if shutil.which("unshare") is None or subprocess.run(["unshare", "-n", "true"]).returncode != 0:
        pytest.skip("cannot create a network namespace here (needs unshare and root)")
    out = tmp_path / "reports"
    proc = subprocess.run(["unshare", "-n", sys.executable, "-m", "narrative.cli", "run", "--corpus", str(corpus),
                           "--out", str(out), "--notebooks", str(ROOT / "notebooks")], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 1
    assert proc.stderr.startswith("narrative: the Jupyter kernels need the loopback interface") and \
        proc.stderr.count("\n") == 1
    assert not out.exists()


# --- issue 22 items 12, 14 and 10: parameters checked against the data, "none", the shipped model

@pytest.mark.parametrize("pairs, fragment", [
    ([("n_splits", "10000"), ("frame_labels", "none")], "parameter 'n_splits': 10000 folds need at least 10000 "
                                                        "documents of 'kremlin' and 'ukraine'; the corpus has 12: "
                                                        "use at most 12"),
    ([("n_splits", "12"), ("split", "time"), ("frame_labels", "none")],
     "parameter 'n_splits': 12 folds need at least 13 documents"),
    ([("n_splits", "300"), ("frame_labels", "none")], "use at most 12"),
    ([("n_splits", "10000")], "parameter 'n_splits': 10000 folds need at least as many labelled documents"),
])
def test_folds_are_checked_against_the_corpus_before_any_notebook(tmp_path, corpus, capsys, pairs, fragment):
    import time

    argv = ["run", "--corpus", str(corpus), "--out", str(tmp_path / "reports"), "--run-id", "p",
            "--notebooks", str(ROOT / "notebooks")]
    for name, value in pairs:
        argv += ["-p", name, value]
    began = time.perf_counter()
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert fragment in err and err.count("\n") == 1, err
    assert not (tmp_path / "reports" / "p").exists() and not list((tmp_path / "reports").glob(".tmp-*"))
    assert time.perf_counter() - began < 60  # before any kernel starts


def test_folds_beyond_the_labelled_documents_are_refused(tmp_path, capsys):
    corpus = demo_slice(tmp_path / "corpus", n=200)
    labels = tmp_path / "labels.csv"
    pd.DataFrame({"item": [1, 2, 3], "doc_id": ["a", "a", "b"], "side": ["kremlin"] * 3,
                  "text": ["We will win.", "They attacked.", "Talks resumed."], "labels": ["", "", ""]}).to_csv(
        labels, index=False)
    assert main(["run", "--corpus", str(corpus), "--out", str(tmp_path / "reports"), "--notebooks",
                 str(ROOT / "notebooks"), "-p", "frame_labels", str(labels), "-p", "n_splits", "3"]) == 2
    err = capsys.readouterr().err
    assert "parameter 'n_splits': 3 folds need at least as many labelled documents" in err and "has 2" in err


def test_documented_none_values_are_accepted():
    from narrative.pipeline import params as P

    merged = P.validate(P.merge_parameters(pairs=[("frame_labels", "none"), ("scheduler", "None"),
                                                  ("actors", "none")]))
    assert (merged["frame_labels"], merged["scheduler"], merged["actors"]) == (None, None, None)
    assert P.validate(P.merge_parameters(pairs=[("side_a", "none")]))["side_a"] == "none"  # a name there, not optional


@pytest.mark.parametrize("value, code, fragment", [
    ("nonsense", 2, "argument --scheduler: expected an address such as tcp://host:8786, or none; got 'nonsense'"),
    ("none", 0, "documents"),
])
def test_claims_scheduler_none_starts_a_local_cluster_and_a_bad_address_is_one_line(tmp_path, capsys, value, code,
                                                                                    fragment):
    pytest.importorskip("distributed")
    path = tmp_path / "in.csv"
    pd.DataFrame({"text": [NEWS], "side": ["other"]}).to_csv(path, index=False)
    with pytest.raises(SystemExit) if code == 2 else _nothing():
        result = main(["claims", str(path), "--backend", "dask", "--scheduler", value, "--jobs", "1",
                       "-o", str(tmp_path / "c.jsonl")])
        assert result == code
    err = capsys.readouterr().err
    assert fragment in err and "Traceback" not in err
    assert (tmp_path / "c.jsonl").exists() == (code == 0)


def _nothing():
    from contextlib import nullcontext

    return nullcontext()


def test_train_attribution_never_overwrites_the_shipped_model(tmp_path, capsys):
    from narrative.claims.crfmodel import default_model_path

    shipped = default_model_path()
    before = shipped.read_bytes()
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    assert main(["train-attribution", "--gold", str(tmp_path), "-o", str(shipped)]) == 2
    err = capsys.readouterr().err
    assert "is the shipped model" in err and err.count("\n") == 1
    assert shipped.read_bytes() == before
    from narrative.commands import TRAINED_MODEL

    assert not str(Path(TRAINED_MODEL).resolve()).startswith(str(ROOT / "src"))
