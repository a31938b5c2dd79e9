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
wall / median of the floor's four notebook times summed`` (the four bare notebooks one after another, inside
the scheduler's worker processes).

A third floor, the **papermill command-line floor** (:func:`time_cli_floor`), runs each bare notebook through
the ``papermill`` command, one after another, as a user at a shell would: a process start, papermill's
import, a kernel start and the cells per notebook, no HTML export. The audit of issue 22 most likely measured
its 9.9 s floor this way (its suite time was the suite's own); the third ratio is ``median suite wall /
median of that floor``.

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


def papermill_command() -> list[str]:
    """The ``papermill`` command of this interpreter's environment (its console script beside ``python``,
    else ``python -m papermill``)."""
    import sys

    script = Path(sys.executable).parent / "papermill"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "papermill"]


def time_cli_floor(parameters: dict[str, Any], *, notebooks: Path | None = None) -> dict:
    """One papermill command-line floor run: each bare notebook (:func:`floor_notebooks`) through the
    ``papermill`` command in its own process, one after another, each with its parameters in a YAML file
    (``-f``) and the run directory as working directory (``--cwd``): ``{"wall" (the four processes one
    after another), "seconds" (per notebook), "load"}``."""
    import subprocess

    import yaml

    from ..pipeline import params as P
    from ..pipeline.rundir import SUBDIRS
    from ..pipeline.run import KERNEL, notebooks_dir

    parameters = P.validate(parameters)
    seconds: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="narrative-cli-floor-") as scratch:
        source = floor_notebooks(notebooks_dir(notebooks), Path(scratch) / "floor-notebooks")
        work = Path(scratch) / "run"
        for sub in SUBDIRS:
            (work / sub).mkdir(parents=True)
        load = _load()
        began = time.perf_counter()
        for name in P.NOTEBOOKS:
            given = Path(scratch) / f"{name}.yaml"
            given.write_text(yaml.safe_dump({"run_dir": ".", **P.for_notebook(parameters, name)}), encoding="utf-8")
            start = time.perf_counter()
            done = subprocess.run([*papermill_command(), str(source / name), str(work / "notebooks" / name),
                                   "-f", str(given), "-k", KERNEL, "--cwd", str(work), "--no-progress-bar"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            seconds[name] = round(time.perf_counter() - start, 2)
            if done.returncode:
                raise RuntimeError(f"papermill {name} exited {done.returncode}: {done.stderr.strip()[-500:]}")
        wall = round(time.perf_counter() - began, 2)
    return {"wall": wall, "seconds": seconds, "load": load}


def suite_bench(parameters: dict[str, Any] | None = None, *, repeat: int = 3, notebooks: Path | None = None,
                parallel: int | None = None, say: Callable[[str], None] = print) -> dict:
    """Alternate ``repeat`` floor and suite runs; the medians and their ratio. ``parameters``: as in a
    config file (merged over the schema's defaults)."""
    from ..pipeline import params as P

    parameters = P.merge_parameters(config=parameters)
    floors, clis, suites = [], [], []
    for i in range(repeat):
        floors.append(time_floor(parameters, notebooks=notebooks, parallel=parallel))
        say(f"floor {i + 1}/{repeat}: {floors[-1]['wall']:.1f} s (load {floors[-1]['load']})")
        clis.append(time_cli_floor(parameters, notebooks=notebooks))
        say(f"papermill command-line floor {i + 1}/{repeat}: {clis[-1]['wall']:.1f} s (load {clis[-1]['load']})")
        suites.append(time_suite(parameters, notebooks=notebooks, parallel=parallel))
        say(f"suite {i + 1}/{repeat}: {suites[-1]['wall']:.1f} s (load {suites[-1]['load']})")
    floor = statistics.median(r["wall"] for r in floors)
    floor_sum = statistics.median(sum(r["seconds"].values()) for r in floors)
    suite = statistics.median(r["wall"] for r in suites)
    cli = statistics.median(r["wall"] for r in clis)
    names = list(suites[0]["seconds"])
    return {
        "repeat": repeat, "floor_wall": floor, "suite_wall": suite, "ratio": round(suite / floor, 2),
        "floor_sum": round(floor_sum, 2), "ratio_to_sum": round(suite / floor_sum, 2),
        "cli_floor": cli, "ratio_to_cli": round(suite / cli, 2),
        "cli_notebooks": {n: statistics.median(r["seconds"][n] for r in clis) for n in names},
        "floor_notebooks": {n: statistics.median(r["seconds"][n] for r in floors) for n in names},
        "suite_notebooks": {n: statistics.median(r["seconds"][n] for r in suites) for n in names},
        "floor_runs": floors, "cli_runs": clis, "suite_runs": suites,
        "load": [r["load"] for trio in zip(floors, clis, suites) for r in trio],
    }


def report(result: dict) -> str:
    """The table ``narrative bench --suite`` prints."""
    cli = "cli_floor" in result
    lines = [f"{'notebook':<38}{'floor s':>9}" + (f"{'cli s':>9}" if cli else "") + f"{'suite s':>9}{'ratio':>7}"]
    for name, secs in result["suite_notebooks"].items():
        base = result["floor_notebooks"][name]
        lines.append(f"{name:<38}{base:>9.1f}" + (f"{result['cli_notebooks'][name]:>9.1f}" if cli else "")
                     + f"{secs:>9.1f}{secs / base:>7.1f}")
    pad = " " * 9 if cli else ""
    lines.append(f"{'wall (median of ' + str(result['repeat']) + ')':<38}{result['floor_wall']:>9.1f}{pad}"
                 f"{result['suite_wall']:>9.1f}{result['ratio']:>7.2f}")
    lines.append(f"{'floor notebooks one after another':<38}{result['floor_sum']:>9.1f}{pad}{result['suite_wall']:>9.1f}"
                 f"{result['ratio_to_sum']:>7.2f}")
    if cli:
        lines.append(f"{'papermill command, one after another':<38}{'':>9}{result['cli_floor']:>9.1f}"
                     f"{result['suite_wall']:>9.1f}{result['ratio_to_cli']:>7.2f}")
    lines.append(f"suite / floor: {result['ratio']:.2f}x wall to wall, {result['ratio_to_sum']:.2f}x to the floor's "
                 f"notebooks summed" + (f", {result['ratio_to_cli']:.2f}x to the papermill command-line floor" if cli else "")
                 + " (target <= 3); load average at each run: " + ", ".join(f"{x:g}" for x in result["load"]))
    return "\n".join(lines)
