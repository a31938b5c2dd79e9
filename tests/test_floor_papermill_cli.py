"""``narrative bench --suite``'s third floor: each bare notebook through the ``papermill`` command, one after another."""
import pytest

from narrative.pipeline import params as P
from narrative.tools import floor

from support import ROOT


def test_papermill_command_floor_runs_each_notebook_in_its_own_process_one_after_another():
    pytest.importorskip("papermill")
    run = floor.time_cli_floor(P.merge_parameters(), notebooks=ROOT / "notebooks")
    assert list(run["seconds"]) == list(P.NOTEBOOKS)
    assert all(v > 0 for v in run["seconds"].values())
    # one after another: the wall is at least the four processes' times together
    assert run["wall"] >= sum(run["seconds"].values()) - 0.1


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
