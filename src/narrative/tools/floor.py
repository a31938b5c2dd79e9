"""``narrative bench --suite``: the notebook suite's time against the bare papermill floor.

The **floor** is what the suite costs when its notebooks do nothing: the same four notebooks, the
same parameters injected into the same ``parameters`` cell, the same kernel, the same scheduler
(:func:`narrative.pipeline.run.execute_all`: worker processes, dependency order, two at a time,
the HTML export), with every other code cell replaced by ``pass``. So kernel start, papermill's
parameter injection, one round trip per cell and the export are in the floor; importing narrative
and the analyses are not. The **suite** is ``narrative run`` on the same parameters (defaults: the
demo corpus), timed over the same scheduler call (:attr:`narrative.pipeline.run.RunResult.wall`).

Floor and suite runs alternate (floor, suite, floor, suite, ...) so that a change of machine load
hits both; each figure is the median of ``repeat`` runs, and the load average is recorded beside
each run (the machine may be shared). Two ratios are printed: ``median suite wall / median floor wall``
(like for like: the floor scheduled as the suite is, three kernels on its longest path) and ``median suite
wall / median of the floor's four notebook times summed`` (the four bare notebooks one after another: the
audit of issue 22 measured its floor of 9.9 s this way).

Example
-------
``narrative bench --suite --repeat 3 --json suite.json``
"""
from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

FLOOR_CELL = "pass"


def floor_notebooks(source: Path, folder: Path) -> Path:
    """Write the suite's notebooks (from ``source``) into ``folder`` with every code cell but the
    parameters cell replaced by ``pass`` (cell count, ids and metadata kept); return ``folder``."""
    import nbformat

    from ..pipeline import params as P

    folder.mkdir(parents=True, exist_ok=True)
    for name in P.NOTEBOOKS:
        nb = nbformat.read(str(Path(source) / name), as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code" and P.PARAMETERS_TAG not in cell.metadata.get("tags", []):
                cell.source = FLOOR_CELL
        nbformat.write(nb, str(folder / name))
    return folder


def _load() -> float:
    return round(os.getloadavg()[0], 2)


def time_floor(parameters: dict[str, Any], *, notebooks: Path | None = None, parallel: int | None = None) -> dict:
    """One floor run: ``{"wall", "seconds" (per notebook), "load"}``."""
    from ..pipeline import params as P
    from ..pipeline.rundir import SUBDIRS
    from ..pipeline.run import RunResult, execute_all, notebooks_dir

    parameters = P.validate(parameters)
    with tempfile.TemporaryDirectory(prefix="narrative-floor-") as scratch:
        source = floor_notebooks(notebooks_dir(notebooks), Path(scratch) / "floor-notebooks")
        work = Path(scratch) / "run"
        for sub in SUBDIRS:
            (work / sub).mkdir(parents=True)
        result = RunResult(work, "running")
        load = _load()
        began = time.perf_counter()
        execute_all(source, work, parameters, result, {"seconds": {}}, progress=False, say=lambda _m: None,
                     parallel=parallel)
        wall = round(time.perf_counter() - began, 2)
        if result.error:
            raise result.error
    return {"wall": wall, "seconds": dict(result.seconds), "load": load}


def time_suite(parameters: dict[str, Any], *, notebooks: Path | None = None, parallel: int | None = None) -> dict:
    """One ``narrative run`` into a temporary folder: ``{"wall", "seconds", "stages", "load"}``."""
    from ..pipeline.run import run_suite

    with tempfile.TemporaryDirectory(prefix="narrative-suite-") as scratch:
        load = _load()
        result = run_suite(parameters, out=Path(scratch), run_id="bench", progress=False, say=lambda _m: None,
                           notebooks=notebooks, parallel=parallel)
        if result.error:
            raise result.error
    return {"wall": result.wall, "seconds": dict(result.seconds), "stages": list(result.stages), "load": load}


def suite_bench(parameters: dict[str, Any] | None = None, *, repeat: int = 3, notebooks: Path | None = None,
                parallel: int | None = None, say: Callable[[str], None] = print) -> dict:
    """Alternate ``repeat`` floor and suite runs; the medians and their ratio. ``parameters``: as in a
    config file (merged over the schema's defaults)."""
    from ..pipeline import params as P

    parameters = P.merge_parameters(config=parameters)
    floors, suites = [], []
    for i in range(repeat):
        floors.append(time_floor(parameters, notebooks=notebooks, parallel=parallel))
        say(f"floor {i + 1}/{repeat}: {floors[-1]['wall']:.1f} s (load {floors[-1]['load']})")
        suites.append(time_suite(parameters, notebooks=notebooks, parallel=parallel))
        say(f"suite {i + 1}/{repeat}: {suites[-1]['wall']:.1f} s (load {suites[-1]['load']})")
    floor = statistics.median(r["wall"] for r in floors)
    floor_sum = statistics.median(sum(r["seconds"].values()) for r in floors)
    suite = statistics.median(r["wall"] for r in suites)
    names = list(suites[0]["seconds"])
    return {
        "repeat": repeat, "floor_wall": floor, "suite_wall": suite, "ratio": round(suite / floor, 2),
        "floor_sum": round(floor_sum, 2), "ratio_to_sum": round(suite / floor_sum, 2),
        "floor_notebooks": {n: statistics.median(r["seconds"][n] for r in floors) for n in names},
        "suite_notebooks": {n: statistics.median(r["seconds"][n] for r in suites) for n in names},
        "floor_runs": floors, "suite_runs": suites,
        "load": [r["load"] for pair in zip(floors, suites) for r in pair],
    }


def report(result: dict) -> str:
    """The table ``narrative bench --suite`` prints."""
    lines = [f"{'notebook':<30}{'floor s':>9}{'suite s':>9}{'ratio':>7}"]
    for name, secs in result["suite_notebooks"].items():
        base = result["floor_notebooks"][name]
        lines.append(f"{name:<30}{base:>9.1f}{secs:>9.1f}{secs / base:>7.1f}")
    lines.append(f"{'wall (median of ' + str(result['repeat']) + ')':<30}{result['floor_wall']:>9.1f}"
                 f"{result['suite_wall']:>9.1f}{result['ratio']:>7.2f}")
    lines.append(f"{'floor notebooks one after another':<30}{result['floor_sum']:>9.1f}{result['suite_wall']:>9.1f}"
                 f"{result['ratio_to_sum']:>7.2f}")
    lines.append(f"suite / floor: {result['ratio']:.2f}x wall to wall, {result['ratio_to_sum']:.2f}x to the floor's "
                 f"notebooks summed (target <= 3); load average at each run: "
                 + ", ".join(f"{x:g}" for x in result["load"]))
    return "\n".join(lines)
