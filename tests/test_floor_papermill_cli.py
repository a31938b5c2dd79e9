"""``narrative bench --suite``'s third floor: each bare notebook through the ``papermill`` command, one after another."""
import subprocess
from pathlib import Path

import nbformat
import pytest
import yaml

from narrative.pipeline import params as P
from narrative.pipeline.rundir import SUBDIRS
from narrative.tools import floor

from support import ROOT


def test_papermill_command_floor_runs_each_bare_notebook_through_the_real_command():
    pytest.importorskip("papermill")
    run = floor.time_cli_floor(P.merge_parameters(), notebooks=ROOT / "notebooks")
    assert list(run["seconds"]) == list(P.NOTEBOOKS)
    assert all(v > 0 for v in run["seconds"].values())


class _Clock:
    """A perf_counter that only the fake papermill processes move: each takes its notebook's seconds."""

    def __init__(self):
        self.now = 100.0

    def perf_counter(self):
        return self.now


def test_papermill_command_floor_one_process_per_notebook_in_order_with_its_parameters(monkeypatch):
    clock = _Clock()
    took = dict(zip(P.NOTEBOOKS, (1.25, 2.5, 3.0, 4.0)))
    calls = []

    def fake_run(argv, **kwargs):
        name = Path(argv[-8]).name
        given = yaml.safe_load(Path(argv[argv.index("-f") + 1]).read_text(encoding="utf-8"))
        work = Path(argv[argv.index("--cwd") + 1])
        calls.append({"name": name, "argv": argv, "given": given, "subdirs": sorted(p.name for p in work.iterdir()),
                      "source_cells": [c.source for c in nbformat.read(argv[-9], as_version=4).cells
                                       if c.cell_type == "code"]})
        clock.now += took[name]
        return subprocess.CompletedProcess(argv, 0, stderr="")

    monkeypatch.setattr(subprocess, "run", fake_run)
    monkeypatch.setattr(floor, "time", clock)
    parameters = P.merge_parameters(pairs=[("seed", "7")])
    run = floor.time_cli_floor(parameters, notebooks=ROOT / "notebooks")

    assert [c["name"] for c in calls] == list(P.NOTEBOOKS)
    assert run["seconds"] == took and run["wall"] == 10.75
    command = floor.papermill_command()
    for call in calls:
        argv = call["argv"]
        assert argv[:len(command)] == command
        assert argv[len(command) + 2:] == ["-f", argv[-6], "-k", "python3", "--cwd", argv[-2], "--no-progress-bar"]
        assert Path(argv[len(command) + 1]) == Path(argv[-2]) / "notebooks" / call["name"]
        assert call["given"] == {"run_dir": ".", **P.for_notebook(P.validate(parameters), call["name"])}
        assert call["subdirs"] == sorted(SUBDIRS)
        assert call["source_cells"].count(floor.FLOOR_CELL) == len(call["source_cells"]) - 1
    assert calls[1]["given"]["seed"] == 7 and "corpus" in calls[0]["given"] and "corpus" not in calls[1]["given"]


def test_papermill_command_floor_stops_at_the_first_failing_notebook(monkeypatch):
    calls = []

    def fake_run(argv, **kwargs):
        calls.append(Path(argv[-8]).name)
        return subprocess.CompletedProcess(argv, 3 if len(calls) == 2 else 0, stderr="Traceback ...\nNoSuchKernel: python3\n")

    monkeypatch.setattr(subprocess, "run", fake_run)
    with pytest.raises(RuntimeError, match=r"^papermill 02_lexicon_framing.ipynb exited 3: Traceback ...\nNoSuchKernel: python3$"):
        floor.time_cli_floor(P.merge_parameters(), notebooks=ROOT / "notebooks")
    assert calls == list(P.NOTEBOOKS[:2])


def test_report_states_the_ratio_to_the_papermill_command_floor():
    names = list(P.NOTEBOOKS)
    result = {"repeat": 3, "floor_wall": 5.0, "suite_wall": 30.0, "ratio": 6.0, "floor_sum": 6.0, "ratio_to_sum": 5.0,
              "cli_floor": 12.0, "ratio_to_cli": 2.5, "cli_notebooks": {n: 3.0 for n in names},
              "floor_notebooks": {n: 1.5 for n in names}, "suite_notebooks": {n: 8.0 for n in names},
              "load": [1.0] * 9}
    text = floor.report(result)
    assert "2.50x to the papermill command-line floor" in text
    line = next(row for row in text.splitlines() if row.startswith("papermill command, one after another"))
    assert line.split()[-3:] == ["12.0", "30.0", "2.50"]
