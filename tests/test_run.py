"""The whole suite through papermill with a real Jupyter kernel, on a slice of the demo corpus."""
import csv
import fcntl
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import pandas as pd

from narrative.pipeline import params as P
from narrative.cli import main
from narrative.errors import ParameterError, RunExistsError
from narrative.pipeline.run import run_suite

from support import ROOT, demo_slice

XSS = ('<script>alert(1)</script> The operation was a success. <img src=x onerror=alert(2)> '
       '<a href="javascript:alert(3)">link</a> Our successful actions continue.')
FAST = {"max_claims": 400, "n_splits": 3, "n_boot": 100, "n_perm": 100, "top_k": 8}


class _Tags(HTMLParser):
    """Collect what a browser would treat as active: script bodies, on* handlers, javascript: URLs."""

    def __init__(self):
        super().__init__()
        self.found, self._in_script = [], False

    def handle_starttag(self, tag, attrs):
        self._in_script = tag == "script"
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value}>")

    def handle_data(self, data):
        if self._in_script and "alert(" in data:
            self.found.append(f"<script>{data[:40]}")

    def handle_endtag(self, tag):
        self._in_script = False


def active_payloads(page: str) -> list[str]:
    parser = _Tags()
    parser.feed(page)
    return parser.found


def small_params(corpus):
    merged = P.merge_parameters(config=FAST, corpus=[str(c) for c in corpus])
    return merged


@pytest.fixture(scope="module")
def suite_run(tmp_path_factory):
    base = tmp_path_factory.mktemp("suite")
    corpus = demo_slice(base / "corpus", n=15)
    rows = list(csv.reader((corpus / "putin.csv").open(encoding="utf-8", newline="")))
    rows.insert(1, ["http://x", "<script>alert('t')</script> headline", "2022-06-01T10:00:00Z", "Moscow", "summary", XSS])
    with (corpus / "putin.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    out = base / "reports"
    result = run_suite(small_params([corpus]), out=out, run_id="t1", progress=False,
                       notebooks=ROOT / "notebooks", say=lambda m: None)
    return result, out, corpus


def test_suite_succeeds_and_writes_everything(suite_run):
    result, out, corpus = suite_run
    assert result.status == "succeeded", result.error
    run = out / "t1"
    manifest = json.loads((run / "manifest.json").read_text())
    assert manifest["status"] == "succeeded"
    assert set(manifest["seconds"]) == set(P.NOTEBOOKS)
    assert {Path(p).name for p in manifest["inputs"]} == {"putin.csv", "zelenskyy.csv"}
    assert all(len(h) == 64 for h in manifest["inputs"].values())
    assert manifest["versions"]["papermill"] and manifest["parameters"]["max_claims"] == 400
    for name in ("claims.csv", "frame_scores.csv", "evidence.csv", "frame_profile.csv", "classifier_metrics.csv",
                 "log_odds.csv", "frame_differences.csv", "reporter_stance.csv", "weekly_rates.csv"):
        assert (run / "tables" / name).is_file(), name
    stance = pd.read_csv(run / "tables" / "reporter_stance.csv")
    assert stance["group"].iloc[-1] == "kremlin − ukraine" and (stance["distanced"] <= stance["claims"]).all()
    assert "How does the reporter present each side" in (run / "index.html").read_text()
    for name in ("claims_by_side.png", "frame_profile.png", "confusion.png", "log_odds.png"):
        assert (run / "figures" / name).stat().st_size > 5000, name
    for nb in P.NOTEBOOKS:
        executed = json.loads((run / "notebooks" / nb).read_text())
        assert any("injected-parameters" in c["metadata"].get("tags", []) for c in executed["cells"])
        html = (run / "html" / nb.replace(".ipynb", ".html")).read_text()
        assert "from narrative.pipeline import steps" not in html  # input cells hidden
        assert "data:image/png;base64" in html, nb  # the figure is shown
    assert (out / "latest").resolve() == run.resolve()
    assert not list(out.glob(".tmp-*"))


def test_notebooks_run_in_dependency_order_and_side_by_side(suite_run):
    """03 reads only 01's tables, so it starts with 02 (two at a time); 04 starts after 02 ends."""
    _result, out, _corpus = suite_run
    times = {}
    for nb in P.NOTEBOOKS:
        meta = json.loads((out / "t1" / "notebooks" / nb).read_text())["metadata"]["papermill"]
        times[nb] = (meta["start_time"], meta["end_time"])
    n01, n02, n03, n04 = P.NOTEBOOKS
    assert set(P.DEPENDS) == set(P.NOTEBOOKS)
    assert all(P.NOTEBOOKS.index(d) < P.NOTEBOOKS.index(nb) for nb, deps in P.DEPENDS.items() for d in deps)
    assert times[n01][1] <= times[n02][0] and times[n01][1] <= times[n03][0] and times[n02][1] <= times[n04][0]
    assert times[n03][0] < times[n02][1]  # 03 ran while 02 was running
    manifest = json.loads((out / "t1" / "manifest.json").read_text())
    assert 0 < manifest["wall_seconds"] < sum(manifest["seconds"].values())


def test_index_links_everything_and_escapes_corpus_text(suite_run):
    _result, out, _corpus = suite_run
    run = out / "t1"
    index = (run / "index.html").read_text()
    for href in re.findall(r'(?:href|src)="([^"]+)"', index):
        assert (run / href).exists(), href
    for page in [index] + [p.read_text() for p in (run / "html").glob("*.html")]:
        assert active_payloads(page) == []
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in (run / "html" / "01_claims.html").read_text()


def test_same_run_id_is_never_overwritten(suite_run, capsys):
    _result, out, corpus = suite_run
    before = (out / "t1" / "manifest.json").read_bytes()
    with pytest.raises(RunExistsError):
        run_suite(small_params([corpus]), out=out, run_id="t1", progress=False, notebooks=ROOT / "notebooks")
    assert main(["run", "--corpus", str(corpus), "--out", str(out), "--run-id", "t1", "--notebooks", str(ROOT / "notebooks")]) == 2
    assert "exists already" in capsys.readouterr().err
    assert (out / "t1" / "manifest.json").read_bytes() == before


def _tiny_suite(folder, failing: str | None = None, source: str | None = None):
    """Four one-cell notebooks (same names as the suite): the bookkeeping without the analysis.
    ``failing`` runs ``source`` (default: a RuntimeError) instead of ``pass``."""
    import nbformat

    folder.mkdir(parents=True, exist_ok=True)
    for name in P.NOTEBOOKS:
        if name == failing:
            code = source or "raise RuntimeError('the model file is corrupt')"
        else:
            code = "pass"
        nb = nbformat.v4.new_notebook()
        nb.metadata = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
                       "language_info": {"name": "python"}}
        nb.cells = [nbformat.v4.new_code_cell("run_dir = None", metadata={"tags": ["parameters"]}),
                    nbformat.v4.new_code_cell(code)]
        nbformat.write(nb, str(folder / name))
    return folder


def test_failure_in_notebook_03_is_kept_and_marked(suite_run, capsys):
    """A notebook that fails: the run is kept under its id with status failed, the error named by
    notebook and cell, 04 never starts, latest stays (one-cell notebooks: bookkeeping only)."""
    _result, out, corpus = suite_run
    tiny = _tiny_suite(out.parent / "tiny", failing="03_classifier.ipynb")
    code = main(["run", "--corpus", str(corpus), "--out", str(out), "--run-id", "bad", "--no-progress",
                 "--notebooks", str(tiny)])
    err = capsys.readouterr().err
    assert code == 1
    assert "notebook failed: 03_classifier.ipynb, cell 2: RuntimeError: the model file is corrupt" in err
    manifest = json.loads((out / "bad" / "manifest.json").read_text())
    assert manifest["status"] == "failed" and manifest["error"]["notebook"] == "03_classifier.ipynb"
    assert (out / "latest").resolve() == (out / "t1").resolve()
    assert "failed" in (out / "bad" / "index.html").read_text()


def test_two_runs_of_the_suite_write_byte_identical_tables(suite_run):
    """Same corpus, same parameters, same seed: the same bytes in every table (a real second run)."""
    result, out, corpus = suite_run
    other = out.parent / "reports-again"  # its own output directory: `latest` of the first stays put
    again = run_suite(small_params([corpus]), out=other, run_id="t1", progress=False,
                      notebooks=ROOT / "notebooks", say=lambda m: None)
    assert again.status == "succeeded"
    first = sorted((out / "t1" / "tables").glob("*.csv"))
    assert [p.name for p in first] == sorted(p.name for p in (other / "t1" / "tables").glob("*.csv"))
    assert len(first) == 26  # with reporter_stance(_by_outlet).csv, threads*.csv (3), estimates_about.csv (the demo sheet
    # is skipped: too few of its coded claims lie in this slice), claim_frames, frame_prevalence, longest_claims,
    # prevalence_differences
    for table in first:
        assert table.read_bytes() == (other / "t1" / "tables" / table.name).read_bytes(), table.name


def test_lock_makes_a_second_run_exit_3(suite_run, capsys):
    _result, out, corpus = suite_run
    with open(out / ".narrative.lock", "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        code = main(["run", "--corpus", str(corpus), "--out", str(out), "--run-id", "locked",
                     "--notebooks", str(ROOT / "notebooks")])
    assert code == 3 and "holds this lock" in capsys.readouterr().err
    assert not (out / "locked").exists()


@pytest.mark.parametrize("pairs,fragment", [
    ([("n_boot", "many")], "expected an integer"),
    ([("colour", "red")], "unknown parameter"),
    ([("corpus", "[no/such/dir]")], "no such file"),
    ([("seed", "true")], "expected an integer"),
    ([("backend", "spark")], "must be one of local, dask"),
])
def test_parameters_validated_before_any_notebook(tmp_path, capsys, pairs, fragment):
    argv = ["run", "--out", str(tmp_path), "--run-id", "p"]
    for name, value in pairs:
        argv += ["-p", name, value]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert fragment in err and err.count("\n") == 1
    assert not (tmp_path / "p").exists()


def test_yaml_config_types_round_trip(tmp_path):
    cfg = tmp_path / "p.yaml"
    cfg.write_text("n_boot: 250\nside_a: ukraine\ncorpus: [data/raw/press-releases]\n", encoding="utf-8")
    merged = P.merge_parameters(config=P.read_config(cfg), pairs=[("seed", "3")])
    checked = P.validate(merged, base=ROOT)
    assert checked["n_boot"] == 250 and checked["seed"] == 3 and checked["side_a"] == "ukraine"
    assert checked["corpus"] == [str((ROOT / "data/raw/press-releases").resolve())]


@pytest.mark.parametrize("run_id", ["../escape", "/abs", ".hidden", "latest", "a/b", ""])
def test_bad_run_ids(tmp_path, run_id):
    with pytest.raises(ParameterError):
        run_suite(P.merge_parameters(corpus=[str(ROOT / "data/raw/press-releases")]), out=tmp_path, run_id=run_id,
                  notebooks=ROOT / "notebooks")


BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"]


def test_report_in_headless_chromium(suite_run, tmp_path):
    """Open index.html in a real browser: every figure loads, no console errors, a screenshot is taken."""
    import shutil

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("Debian's chromium is not installed (`make browser` installs it as root)")
    sync_playwright = pytest.importorskip("playwright.sync_api").sync_playwright
    _result, out, _corpus = suite_run
    index = out / "t1" / "index.html"
    messages = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=BROWSER_ARGS)
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        page.on("console", lambda m: messages.append(f"{m.type}: {m.text}"))
        page.on("pageerror", lambda e: messages.append(f"pageerror: {e}"))
        page.goto(index.as_uri())
        images = page.eval_on_selector_all("img", "els => els.map(e => [e.getAttribute('src'), e.complete, e.naturalWidth])")
        page.screenshot(path=str(tmp_path / "index.png"), full_page=True)
        browser.close()
    assert len(images) >= 5
    assert all(complete and width > 100 for _src, complete, width in images), images
    assert [m for m in messages if m.startswith(("error", "pageerror"))] == []
    assert (tmp_path / "index.png").stat().st_size > 50_000


def _start_run(out, corpus, run_id):
    """``narrative run`` in a real child process, returned once a notebook's kernel is executing."""
    import subprocess
    import sys
    import time

    import psutil

    argv = [sys.executable, "-m", "narrative.cli", "run", "--corpus", str(corpus), "--out", str(out),
            "--run-id", run_id, "--no-progress", "--notebooks", str(ROOT / "notebooks"), "-p", "n_boot", "50"]
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.time() + 120
    family = []
    while time.time() < deadline:
        try:
            family = psutil.Process(proc.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            break
        if any("ipykernel" in _cmdline(p) for p in family) and \
                list(out.glob(f".tmp-{run_id}-*/notebooks/01_claims.ipynb")):
            break
        time.sleep(0.1)
    assert family, "the run started no worker"
    return proc, family


def _cmdline(process) -> str:
    """A process's command line, or "" once it has exited (a zombie's raises ``psutil.ZombieProcess``)."""
    import psutil

    try:
        return " ".join(process.cmdline())
    except psutil.Error:
        return ""


def _alive(process) -> bool:
    """Whether a process still runs (exited and zombie processes count as gone)."""
    import psutil

    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def _survivors(family, seconds=15.0):
    """The processes of ``family`` still alive after up to ``seconds`` (zombies count as gone)."""
    import time

    import psutil

    deadline = time.time() + seconds
    while True:
        alive = [p for p in family if _alive(p)]
        if not alive or time.time() > deadline:
            break
        time.sleep(0.2)
    for p in alive:  # do not leave them running if the test fails
        try:
            p.kill()
        except psutil.Error:
            pass
    return alive


def test_kill_9_of_the_orchestrator_leaves_no_process_and_the_next_run_cleans_up(suite_run, capsys):
    """SIGKILL only ``narrative run`` itself while a notebook executes: its workers and kernels die
    with it, earlier runs and ``latest`` are untouched, and the next run marks the dead run failed."""
    import os
    import signal

    _result, out, corpus = suite_run
    before = (out / "t1" / "manifest.json").read_bytes()
    proc, family = _start_run(out, corpus, "killed")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert [p.pid for p in _survivors(family)] == []
    assert not (out / "killed").exists() and list(out.glob(".tmp-killed-*"))
    assert (out / "latest").resolve() == (out / "t1").resolve()
    assert (out / "t1" / "manifest.json").read_bytes() == before
    # the next run (here: one refused after the lock for its taken id) recovers the debris first
    from narrative.pipeline.rundir import locked, recover_abandoned

    with locked(out, False):
        kept = recover_abandoned(out, say=lambda m: None)
    assert kept == [out / "killed"] and not list(out.glob(".tmp-*"))
    manifest = json.loads((out / "killed" / "manifest.json").read_text())
    assert manifest["status"] == "failed" and manifest["error"]["ename"] == "Abandoned"
    # its manifest and narrative's mark stay (so --keep may delete it later, as a failed run)
    assert sorted(p.name for p in (out / "killed").iterdir()) == [".narrative-run", "manifest.json"]
    assert (out / "latest").resolve() == (out / "t1").resolve()


def test_sigterm_stops_the_run_marks_it_failed_and_exits_143(suite_run):
    import os
    import signal

    _result, out, corpus = suite_run
    proc, family = _start_run(out, corpus, "termed")
    os.kill(proc.pid, signal.SIGTERM)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 143
    assert "narrative: interrupted by SIGTERM; failed run kept at" in err and "Traceback" not in err
    assert [p.pid for p in _survivors(family, seconds=5)] == []
    manifest = json.loads((out / "termed" / "manifest.json").read_text())
    assert manifest["status"] == "failed" and manifest["error"]["ename"] == "Interrupted"
    assert (out / "latest").resolve() == (out / "t1").resolve() and not list(out.glob(".tmp-*"))


def test_a_notebook_opened_by_hand_runs_with_its_defaults_into_a_scratch_run(tmp_path):
    """02 executed as Jupyter would run it, from ``notebooks/`` with no parameters: it finds the
    demo corpus from the project root, runs 01 first, and writes only into reports/scratch."""
    import shutil

    import papermill

    project = tmp_path / "checkout"
    shutil.copytree(ROOT / "notebooks", project / "notebooks")
    (project / "src" / "narrative").mkdir(parents=True)
    demo_slice(project / "data" / "raw" / "press-releases", n=8)
    before = sorted(p.name for p in (project / "notebooks").iterdir())
    papermill.execute_notebook(str(project / "notebooks" / "02_lexicon_framing.ipynb"), str(tmp_path / "02.ipynb"),
                               cwd=str(project / "notebooks"), kernel_name="python3", progress_bar=False)
    scratch = project / "reports" / "scratch"
    assert {"claims.csv", "frame_scores.csv", "evidence.csv"} <= {p.name for p in (scratch / "tables").iterdir()}
    assert sorted(p.name for p in (project / "notebooks").iterdir()) == before
    assert sorted(p.name for p in project.iterdir()) == ["data", "notebooks", "reports", "src"]


def test_wait_gives_up_after_its_timeout_and_exits_3(tmp_path, capsys):
    out = tmp_path / "reports"
    out.mkdir()
    with open(out / ".narrative.lock", "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        code = main(["run", "--corpus", str(ROOT / "data/raw/press-releases"), "--out", str(out), "--run-id", "w",
                     "--notebooks", str(ROOT / "notebooks"), "--wait", "0.5"])
    assert code == 3
    assert "still holds this lock after waiting 0.5 s" in capsys.readouterr().err
    assert not (out / "w").exists()


def test_wait_takes_the_lock_when_the_other_run_releases_it(tmp_path):
    import threading
    import time

    from narrative.pipeline.rundir import locked

    out = tmp_path / "reports"
    out.mkdir()
    handle = open(out / ".narrative.lock", "a+")
    fcntl.flock(handle, fcntl.LOCK_EX)
    threading.Timer(0.4, handle.close).start()  # the other run ends
    began = time.monotonic()
    with locked(out, 30.0, poll=0.05):
        waited = time.monotonic() - began
    assert 0.3 < waited < 10


# --- issue 22 items 4, 9, 12, 13 and issue 23 item 8: retention, run ids, "none", what cannot be computed, tracebacks

def _tiny_run(corpus, out, notebooks, *extra):
    return main(["run", "--corpus", str(corpus), "--out", str(out), "--no-progress", "--notebooks", str(notebooks),
                 *extra])


def test_keep_deletes_only_runs_narrative_made_and_failures_never_push_out_successes(tmp_path, capsys):
    corpus = demo_slice(tmp_path / "corpus", n=4)
    ok, bad = _tiny_suite(tmp_path / "ok"), _tiny_suite(tmp_path / "bad", failing="03_classifier.ipynb")
    out = tmp_path / "reports"
    mine = out / "my-analysis"  # a user's folder that looks like a run: a manifest with `started`
    mine.mkdir(parents=True)
    (mine / "manifest.json").write_text(json.dumps({"run_id": "x", "status": "succeeded", "started": "2000-01-01"}))
    (mine / "notes.txt").write_text("three weeks of work\n")
    assert _tiny_run(corpus, out, ok, "--run-id", "s1", "--keep", "1") == 0
    assert _tiny_run(corpus, out, bad, "--run-id", "f1", "--keep", "1") == 1
    assert _tiny_run(corpus, out, bad, "--run-id", "f2", "--keep", "1") == 1
    runs = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert runs == ["f2", "latest", "my-analysis", "s1"]  # two failures did not push the one success out
    assert _tiny_run(corpus, out, ok, "--run-id", "s2", "--keep", "1") == 0
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["f2", "latest", "my-analysis", "s2"]
    assert (mine / "notes.txt").read_text() == "three weeks of work\n"
    assert (out / "s2" / ".narrative-run").is_file()


def test_a_default_run_id_taken_in_the_same_second_gets_a_suffix(tmp_path, capsys):
    """Two cron lines at one minute: the queued run's timestamp id exists already; it must not fail."""
    import datetime as dt

    corpus = demo_slice(tmp_path / "corpus", n=4)
    out = tmp_path / "reports"
    now = dt.datetime.now(dt.timezone.utc)
    taken = [(now + dt.timedelta(seconds=k)).strftime("%Y%m%dT%H%M%SZ") for k in range(120)]
    for name in taken:  # the other run of this second (whichever second this run starts in)
        (out / name).mkdir(parents=True)
        (out / name / "keep.txt").write_text(name)
    assert _tiny_run(corpus, out, _tiny_suite(tmp_path / "ok"), "--wait", "60") == 0
    made = [p for p in out.iterdir() if p.name.endswith("-2")]
    assert len(made) == 1 and made[0].name[:-2] in taken
    manifest = json.loads((made[0] / "manifest.json").read_text())
    assert manifest["run_id"] == made[0].name and manifest["status"] == "succeeded"
    assert all((out / name / "keep.txt").read_text() == name for name in taken)
    assert (out / "latest").resolve() == made[0].resolve()


def test_a_chosen_run_id_that_exists_still_fails(tmp_path, capsys):
    corpus = demo_slice(tmp_path / "corpus", n=4)
    (tmp_path / "reports" / "mine").mkdir(parents=True)
    assert _tiny_run(corpus, tmp_path / "reports", _tiny_suite(tmp_path / "ok"), "--run-id", "mine") == 2
    assert "exists already" in capsys.readouterr().err


def _run_with_03(tmp_path, source: str):
    """A tiny suite run (id ``r``) whose notebook 03 runs ``source``: (the reports folder, the exit code)."""
    corpus = demo_slice(tmp_path / "corpus", n=4)
    out = tmp_path / "reports"
    code = _tiny_run(corpus, out, _tiny_suite(tmp_path / "nb", failing="03_classifier.ipynb", source=source),
                     "--run-id", "r")
    return out, code


def test_a_failed_notebook_keeps_its_whole_traceback_in_the_run_log(tmp_path, capsys):
    message = "the column 'body' holds numbers " + "x" * 400 + " END"
    source = ("def load(n):\n    if n == 0:\n        raise ValueError(" + repr(message) + ")\n    return load(n - 1)\n"
              "load(2)")
    out, code = _run_with_03(tmp_path, source)
    assert code == 1
    err = capsys.readouterr().err
    assert "traceback in " + str(out / "r" / "logs" / "03_classifier.log") in err
    log = (out / "r" / "logs" / "03_classifier.log").read_text()
    assert "Traceback" in log and "return load(n - 1)" in log and message in log and "\x1b[" not in log
    manifest = json.loads((out / "r" / "manifest.json").read_text())
    assert manifest["error"]["evalue"] == message and manifest["error"]["log"] == "logs/03_classifier.log"


def test_an_analysis_the_corpus_cannot_support_is_reported_and_the_run_finishes(tmp_path, capsys):
    """A step that says it cannot compute (StepError) on this corpus: the other notebooks run, the
    run succeeds, the report and stderr say what is missing (bookkeeping, one-cell notebooks)."""
    source = "from narrative.pipeline.steps import StepError\nraise StepError('only one side in this corpus')"
    corpus = demo_slice(tmp_path / "corpus", n=4)
    out = tmp_path / "reports"
    nbs = _tiny_suite(tmp_path / "nb", failing="02_lexicon_framing.ipynb", source=source)
    assert _tiny_run(corpus, out, nbs, "--run-id", "r") == 0
    err = capsys.readouterr().err
    assert "not computed: 02_lexicon_framing.ipynb: only one side in this corpus" in err
    assert "not computed: 04_comparison_report.ipynb: needs 02_lexicon_framing.ipynb" in err
    manifest = json.loads((out / "r" / "manifest.json").read_text())
    assert manifest["status"] == "succeeded" and set(manifest["not_computed"]) == {
        "02_lexicon_framing.ipynb", "04_comparison_report.ipynb"}
    assert set(manifest["seconds"]) == {"01_claims.ipynb", "02_lexicon_framing.ipynb", "03_classifier.ipynb"}
    page = (out / "r" / "index.html").read_text()
    assert "Not computed on this corpus" in page and "only one side in this corpus" in page


def test_the_real_suite_on_one_side_finishes_with_a_report_and_none_values(tmp_path, capsys):
    """Issue 22 items 12 and 13 with the real notebooks: a corpus of one side's releases, no frame
    labels (`-p frame_labels none`) and `-p scheduler none`."""
    corpus = demo_slice(tmp_path / "corpus", n=6)
    (corpus / "zelenskyy.csv").unlink()
    out = tmp_path / "reports"
    argv = ["run", "--corpus", str(corpus), "--out", str(out), "--run-id", "one", "--no-progress",
            "--notebooks", str(ROOT / "notebooks"), "-p", "frame_labels", "none", "-p", "scheduler", "none",
            "-p", "n_splits", "2"]
    for name, value in FAST.items():
        if name != "n_splits":
            argv += ["-p", name, str(value)]
    assert main(argv) == 0, capsys.readouterr().err
    err = capsys.readouterr().err
    manifest = json.loads((out / "one" / "manifest.json").read_text())
    assert manifest["status"] == "succeeded" and manifest["parameters"]["frame_labels"] is None
    assert manifest["parameters"]["scheduler"] is None
    assert "03_classifier.ipynb" in manifest["not_computed"] and "not computed: 03_classifier.ipynb" in err
    assert (out / "one" / "tables" / "frame_scores.csv").is_file()  # 02 ran
    page = (out / "one" / "index.html").read_text()
    assert "Not computed on this corpus" in page and "self claims of both" in page


def test_a_cap_a_step_applies_is_a_warning_in_the_manifest_the_report_and_stderr(tmp_path, capsys):
    """Issue 23 item 8: no silent overrides. A step that changes what was asked says so through
    ``runfiles.warn`` (the classifiers' old cap of n_boot at 500 is gone: they honour n_boot)."""
    source = ("from narrative.pipeline.runfiles import warn\n"
              "warn(run_dir, 'side classifier', 'n_boot 1000 capped at 500 bootstrap resamples')")
    out, code = _run_with_03(tmp_path, source)
    assert code == 0
    err = capsys.readouterr().err
    assert "narrative: warning: side classifier: n_boot 1000 capped at 500" in err
    manifest = json.loads((out / "r" / "manifest.json").read_text())
    assert manifest["warnings"] == [{"step": "side classifier", "warning": manifest["warnings"][0]["warning"]}]
    assert "capped at 500" in manifest["warnings"][0]["warning"]
    assert "Changed from what was asked" in (out / "r" / "index.html").read_text()
