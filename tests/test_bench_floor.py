"""``narrative bench --suite``: the floor is the suite's own notebooks doing nothing, run the same way."""
import nbformat
import pytest

from narrative.pipeline import params as P
from narrative.pipeline.run import notebooks_dir
from narrative.tools import floor

from support import ROOT


def test_floor_notebooks_keep_parameters_and_cells(tmp_path):
    source = notebooks_dir(ROOT / "notebooks")
    out = floor.floor_notebooks(source, tmp_path / "floor")
    for name in P.NOTEBOOKS:
        real = nbformat.read(str(source / name), as_version=4)
        empty = nbformat.read(str(out / name), as_version=4)
        assert [c.id for c in empty.cells] == [c.id for c in real.cells]
        for r, e in zip(real.cells, empty.cells):
            if r.cell_type != "code":
                assert e.source == r.source
            elif P.PARAMETERS_TAG in r.metadata.get("tags", []):
                assert e.source == r.source and e.metadata == r.metadata  # papermill injects here, as in the suite
            else:
                assert e.source == floor.FLOOR_CELL
        assert sum(P.PARAMETERS_TAG in c.metadata.get("tags", []) for c in empty.cells) == 1


def test_floor_runs_every_notebook_through_the_scheduler():
    pytest.importorskip("papermill")
    run = floor.time_floor(P.merge_parameters(), notebooks=ROOT / "notebooks")
    assert list(run["seconds"]) == list(P.NOTEBOOKS)
    # dependency order: 01 before the others, 04 after 02, so the wall exceeds the longest chain's parts
    s = run["seconds"]
    assert run["wall"] >= s["01_claims.ipynb"] + s["02_lexicon_framing.ipynb"] + s["04_comparison_report.ipynb"] - 0.5
    assert all(v > 0 for v in s.values())


def test_report_states_the_ratio_of_the_medians():
    runs = {"floor": [10.0, 12.0, 11.0], "suite": [30.0, 36.0, 33.0]}
    names = list(P.NOTEBOOKS)
    result = {"repeat": 3, "floor_wall": 11.0, "suite_wall": 33.0, "ratio": 3.0, "floor_sum": 16.5, "ratio_to_sum": 2.0,
              "floor_notebooks": {n: 2.0 for n in names}, "suite_notebooks": {n: 8.0 for n in names},
              "load": [1.0] * 6}
    text = floor.report(result)
    assert "suite / floor: 3.00x wall to wall, 2.00x to the floor's notebooks summed" in text
    assert f"{runs['floor'][2]:>9.1f}" in text.splitlines()[-3]
