"""Run the notebook suite into ``<out>/<run-id>/``: validate, then schedule the notebooks.

Parameters, the corpus, the actors and lexicon files and the loopback interface are checked
before any notebook starts (:mod:`.preflight`); notebooks then run in
dependency order, two at a time, in worker processes that die with this one. The run
directory's lifecycle (lock, manifest, publishing, retention, recovery) is :mod:`.rundir`.
"""
from __future__ import annotations

import datetime as dt
import os
import platform
import signal
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ..corpus import fingerprint, input_files
from ..errors import Interrupted, NotebookError, ParameterError, RunExistsError
from ..infra.parallel import process_pool
from ..infra.processes import kill_tree
from . import params as P
from .preflight import check_folds, check_loopback, preflight  # noqa: F401 (check_folds: part of this API)
from .rundir import (SUBDIRS, check_run_id, default_run_id, locked, mark, publish_latest, read_timings,
                     read_warnings, recover_abandoned, retain, unique_run_id, versions, write_manifest)

KERNEL = "python3"
#: the kernel logs errors only (to logs/<notebook>.log): its per-kernel "running over TCP without
#: encryption" warning is about loopback sockets nobody else can reach
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=ERROR"]
#: environment of every notebook kernel unless the user set it: one BLAS thread. Two notebooks run at
#: once, each with its own worker processes (``jobs``, one BLAS thread each, as joblib limits them),
#: on a machine of few cores; a BLAS pool per kernel on top oversubscribed them (OpenBLAS threads spin
#: while they wait: the estimates' matrix products took 2-3x as long on a shared 2-core machine)
KERNEL_ENVIRONMENT = {"OPENBLAS_NUM_THREADS": "1"}


@dataclass
class RunResult:
    path: Path
    status: str
    seconds: dict[str, float] = field(default_factory=dict)
    error: NotebookError | None = None
    stages: list[dict] = field(default_factory=list)
    wall: float = 0.0  # seconds from the first notebook's start to the last one's end
    #: analyses this corpus cannot support (a step raised StepError: one side, one document, no claims):
    #: notebook → reason; the run goes on with the others and the report says what is missing
    not_computed: dict[str, str] = field(default_factory=dict)
    #: what a step changed from what was asked (``{"step", "warning"}``), also in the manifest
    warnings: list[dict] = field(default_factory=list)


#: a notebook that fails with this error could not compute its analysis on this corpus: not a failure of the run
CANNOT_COMPUTE = "StepError"


def notebooks_dir(given: Path | None = None) -> Path:
    """The suite's directory: ``given``, else ``./notebooks``, else the installed suite
    (:func:`narrative.infra.datafiles.project_file`: the checkout's, or the one ``pip install`` put
    under ``<prefix>/share/narrative/notebooks``)."""
    from ..infra.datafiles import project_file

    folder = Path(given) if given is not None else (project_file("notebooks") or Path.cwd() / "notebooks")
    missing = [nb for nb in P.NOTEBOOKS if not (folder / nb).is_file()]
    if missing:
        raise ParameterError("notebooks", f"{folder} lacks {', '.join(missing)}; run from the project root or pass --notebooks DIR")
    return folder.resolve()


def execute(notebook: Path, output: Path, parameters: dict[str, Any], cwd: Path, progress: bool) -> None:
    """Execute one notebook with papermill; raise NotebookError on failure."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    try:
        papermill.execute_notebook(str(notebook), str(output), parameters=parameters, kernel_name=KERNEL,
                                   cwd=str(cwd), progress_bar=progress, log_output=False,
                                   extra_arguments=KERNEL_ARGUMENTS)
    except PapermillExecutionError as exc:
        error = NotebookError(notebook.name, exc.cell_index, exc.ename, exc.evalue)
        error.traceback = _plain("\n".join(exc.traceback or []))
        raise error from None


def _plain(text: str) -> str:
    """A kernel's traceback without its terminal colour codes."""
    import re

    return re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", text)


def _log_failure(log_fd: int, notebook: str, traceback_text: str) -> None:
    """Append a failed notebook's whole traceback to its kernel log (``logs/<notebook>.log``):
    the manifest and the report keep one line, the log keeps everything needed to debug it."""
    stamp = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    os.write(log_fd, f"\n--- {notebook} failed at {stamp} ---\n{traceback_text.rstrip()}\n".encode("utf-8", "replace"))


def export_html(executed: Path, target: Path) -> None:
    """The executed notebook as HTML without input cells."""
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nbformat.read(str(executed), as_version=4))
    target.write_text(body, encoding="utf-8")


def warm_export() -> None:
    """Lower the calling thread's priority to the lowest (Linux: ``nice`` 19 for this thread alone), then
    import nbconvert and export an empty notebook once (its templates and filters load on the first export:
    ~2.4 CPU-s). Run first on the export thread: the warm-up takes the core that notebook 01's start leaves
    idle, and every export after it yields to the notebooks (after 01 both cores run 02 and 03, and the first
    export beside them delayed both)."""
    import threading

    import nbformat
    from nbconvert import HTMLExporter

    if sys.platform.startswith("linux"):  # a thread id is a process id to setpriority there (not elsewhere)
        try:
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)
        except OSError:
            pass

    HTMLExporter(exclude_input=True, exclude_input_prompt=True,
                 exclude_output_prompt=True).from_notebook_node(nbformat.v4.new_notebook())


def _run_one(notebook: Path, output: Path, parameters: dict[str, Any], cwd: Path,
             progress) -> tuple[float, dict | None]:
    """Execute one notebook (in a worker process): ``(seconds, error fields or None)``.

    The kernel and everything it starts write their stderr to ``logs/<notebook>.log`` in the
    run directory (kernel warnings, tracebacks of helper processes), not into the user's or
    cron's log; the progress bar stays on this worker's terminal.
    """
    began = time.perf_counter()
    error = None
    log = os.open(cwd / "logs" / notebook.with_suffix(".log").name, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o666)
    terminal = os.dup(2)
    os.dup2(log, 2)  # inherited by the kernel that papermill starts
    for name, value in KERNEL_ENVIRONMENT.items():  # so is the environment (this worker runs notebooks only)
        os.environ.setdefault(name, value)
    try:
        if progress:
            progress = {**progress, "file": os.fdopen(os.dup(terminal), "w", buffering=1)}
        execute(notebook, output, parameters, cwd, progress)
    except NotebookError as exc:
        error = {"notebook": exc.notebook, "cell_index": exc.cell_index, "ename": exc.ename, "evalue": exc.evalue}
        _log_failure(log, notebook.name, getattr(exc, "traceback", "") or str(exc))
    except Exception as exc:  # the kernel did not start or died (e.g. loopback down): one line here, all in the log
        import traceback

        text = " ".join(str(exc).split()) or "no message"
        error = {"notebook": notebook.name, "cell_index": None, "ename": type(exc).__name__, "evalue": text}
        _log_failure(log, notebook.name, traceback.format_exc())
    finally:
        os.dup2(terminal, 2)
        os.close(terminal)
        os.close(log)
        if progress:
            progress["file"].close()
    return round(time.perf_counter() - began, 2), error


def execute_all(source_dir: Path, work: Path, parameters: dict[str, Any], result: RunResult, manifest: dict, *,
                 progress: bool, say: Callable[[str], None], parallel: int | None) -> None:
    """Execute the suite in dependency order, ``parallel`` notebooks at once, in worker processes
    (papermill's ``cwd`` handling is not thread-safe: nteract/papermill#473). After a failure no
    new notebook starts; the running ones finish. On SIGTERM/SIGINT (raised here as
    :class:`narrative.errors.Interrupted`) the workers and their kernels are killed at once.
    Workers die with this process (:func:`narrative.infra.processes.die_with_parent`)."""
    from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

    parallel = max(1, parallel or min(2, os.cpu_count() or 1))
    total = len(P.NOTEBOOKS)
    overall = None
    if progress:
        from tqdm.auto import tqdm

        overall = tqdm(total=total, desc="narrative suite", unit="notebook", position=0, leave=False)
    done: set[str] = set()
    running: dict = {}
    slots = list(range(1, parallel + 1))  # terminal rows for the per-notebook bars
    pending = list(P.NOTEBOOKS)
    # HTML exports run on a thread of this process, off the critical path: a notebook's
    # dependents start as soon as it has executed
    exports = ThreadPoolExecutor(max_workers=1)
    exports.submit(warm_export)  # on the export thread: an error here is the first export's too, which reports it
    exported = []
    pool = process_pool(parallel, spawn=True)
    try:
        while pending or running:
            startable = [nb for nb in pending if set(P.DEPENDS.get(nb, ())) <= done] if not result.error else []
            batch = startable[:parallel - len(running)]
            for name in batch:
                pending.remove(name)
                slot = slots.pop(0)
                bar = {"desc": name.split("_")[0], "position": slot, "leave": False} if progress else False
                say(f"[{P.NOTEBOOKS.index(name) + 1}/{total}] {name} ...")
                given = shared_jobs(P.for_notebook(parameters, name), len(running) + len(batch))
                if "jobs" in given:
                    manifest.setdefault("jobs", {})[name] = given["jobs"]
                future = pool.submit(_run_one, source_dir / name, work / "notebooks" / name,
                                     {"run_dir": ".", **given}, work, bar)
                running[future] = (name, slot)
            if not running:
                break  # a failure stopped the rest
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                name, slot = running.pop(future)
                slots.append(slot)
                seconds, error = future.result()
                executed = work / "notebooks" / name
                if executed.is_file():
                    exported.append(exports.submit(export_html, executed, work / "html" / name.replace(".ipynb", ".html")))
                result.seconds[name] = seconds
                manifest["seconds"] = {nb: result.seconds[nb] for nb in P.NOTEBOOKS if nb in result.seconds}
                if error and error["ename"] == CANNOT_COMPUTE and name != P.NOTEBOOKS[0]:
                    result.not_computed[name] = error["evalue"]
                    manifest["not_computed"] = dict(result.not_computed)
                elif error and not result.error:
                    result.error = NotebookError(**error)
                    manifest["error"] = {**error, "log": f"logs/{Path(name).with_suffix('.log').name}"}
                if not error:
                    done.add(name)
                outcome = "not computed" if name in result.not_computed else "failed" if error else "done"
                say(f"[{P.NOTEBOOKS.index(name) + 1}/{total}] {name} {outcome} in {seconds:.1f} s")
                if overall is not None:
                    overall.update(1)
    except BaseException:
        # the notebooks must stop now, not go on writing into this run
        for child in _children():
            kill_tree(child)
        pool.shutdown(wait=False, cancel_futures=True)
        exports.shutdown(wait=False, cancel_futures=True)
        raise
    finally:
        if overall is not None:
            overall.close()
    pool.shutdown()
    if not result.error:  # what waited on an analysis that could not be computed
        for name in pending:
            missing = [nb for nb in P.DEPENDS.get(name, ()) if nb in result.not_computed]
            result.not_computed[name] = f"needs {', '.join(missing)}, which could not be computed"
        if result.not_computed:
            manifest["not_computed"] = {nb: result.not_computed[nb] for nb in P.NOTEBOOKS if nb in result.not_computed}
    with exports:
        for export in exported:
            export.result()  # an export error surfaces here, after every notebook has finished
    result.seconds = dict(manifest["seconds"])


def shared_jobs(given: dict[str, Any], side_by_side: int) -> dict[str, Any]:
    """A notebook's parameters with ``jobs`` shared among the notebooks running side by side: ``jobs //
    side_by_side`` worker processes each (at least one). 01 runs alone and extracts on all ``jobs``; 02 and 03
    start together and get half each. On the demo with the default 2 jobs on 2 cores, 02's and 03's own
    worker pools (each importing scikit-learn or the lexicon anew and receiving its texts) beside the other
    notebook's kernel oversubscribed the cores: the cross-validation took 17-21 s with 2 workers against
    8-9 s in the kernel. Results do not depend on ``jobs`` (the streamed chunks, frame scoring and the
    cross-validation fits are the same whichever process runs them).

    >>> shared_jobs({"jobs": 2, "seed": 0}, 2)
    {'jobs': 1, 'seed': 0}
    >>> shared_jobs({"jobs": 8}, 2), shared_jobs({"seed": 0}, 2)
    ({'jobs': 4}, {'seed': 0})
    """
    if "jobs" not in given:
        return given
    return {**given, "jobs": max(1, given["jobs"] // max(1, side_by_side))}


def _children() -> list[int]:
    """Pids of this process's direct children that run notebooks: the workers, not
    multiprocessing's resource tracker (it must outlive them to clean up what they leave)."""
    import psutil

    out = []
    for child in psutil.Process().children():
        try:
            if not any("resource_tracker" in part for part in child.cmdline()):
                out.append(child.pid)
        except psutil.NoSuchProcess:
            pass
    return out


def profile_table(result: RunResult) -> str:
    """Seconds per notebook and per stage, as printed by ``narrative run --profile``."""
    lines = [f"{'notebook':<34}{'seconds':>9}"]
    lines += [f"{name:<34}{secs:>9.1f}" for name, secs in result.seconds.items()]
    lines.append(f"{'sum':<34}{sum(result.seconds.values()):>9.1f}")
    lines.append(f"{'wall (notebooks run side by side)':<34}{result.wall:>9.1f}")
    lines += ["", f"{'stage':<52}{'seconds':>9}"]
    lines += [f"{t['stage']:<52}{t['seconds']:>9.1f}" for t in result.stages]
    return "\n".join(lines)


def _raise_interrupted(signum, _frame):
    raise Interrupted(signal.Signals(signum).name)


@contextmanager
def _stop_on_signals():
    """SIGTERM and SIGINT raise :class:`Interrupted` in the main thread while the suite runs."""
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.signal(sig, _raise_interrupted) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def run_suite(parameters: dict[str, Any], *, out: Path, run_id: str | None = None, wait: bool | float = False,
              keep: int | None = None, progress: bool = True, say: Callable[[str], None] = print,
              notebooks: Path | None = None, parallel: int | None = None) -> RunResult:
    """Validate, lock, execute the suite, write the report, publish. See module docstring.

    ``parallel``: notebooks executed at once (default: 2, or 1 on a one-core machine); a
    notebook starts when the notebooks it reads (:data:`narrative.pipeline.params.DEPENDS`) succeeded.
    ``wait``: False, True or seconds to wait for another run's lock (see :func:`locked`).
    On SIGTERM/SIGINT the notebooks are stopped, the run is kept with status ``failed`` and
    :class:`narrative.errors.Interrupted` is raised.
    """
    parameters = P.validate(parameters)
    if keep is not None and (isinstance(keep, bool) or not isinstance(keep, int) or keep < 1):
        raise ParameterError("keep", f"must be a whole number of runs >= 1, got {keep!r}")
    if parallel is not None and parallel < 1:
        raise ParameterError("parallel", f"must be >= 1, got {parallel}")
    source_dir = notebooks_dir(notebooks)
    chosen = run_id is not None  # a default (timestamp) id takes a -2, -3 suffix when taken; a chosen one fails
    run_id = check_run_id(default_run_id() if run_id is None else run_id)
    out = Path(out).resolve()
    if out.exists() and not out.is_dir():
        raise ParameterError("out", f"{out} is a file, not a directory of runs")
    final = out / run_id
    if chosen and final.exists():
        raise RunExistsError(str(final))
    preflight(parameters)
    check_loopback()
    with locked(out, wait):
        recover_abandoned(out, say)
        if not chosen:
            run_id = unique_run_id(out, run_id)
            final = out / run_id
        if final.exists():
            raise RunExistsError(str(final))
        work = out / f".tmp-{run_id}-{os.getpid()}"
        for sub in SUBDIRS:
            (work / sub).mkdir(parents=True, exist_ok=True)
        mark(work, run_id)
        manifest = {
            "run_id": run_id, "status": "running", "started": dt.datetime.now(dt.timezone.utc).isoformat(),
            "parameters": parameters, "inputs": fingerprint(input_files(parameters["corpus"])),
            "versions": versions(), "platform": platform.platform(), "command": sys.argv, "seconds": {},
        }
        write_manifest(work / "manifest.json", manifest)
        result = RunResult(final, "running")
        began = time.perf_counter()
        interrupted = None
        try:
            with _stop_on_signals():
                execute_all(source_dir, work, parameters, result, manifest, progress=progress, say=say,
                             parallel=parallel)
        except Interrupted as exc:
            interrupted = exc
            result.error = NotebookError("(suite)", None, "Interrupted", f"received {exc.signal}; notebooks stopped")
            manifest["error"] = {"notebook": None, "cell_index": None, "ename": "Interrupted",
                                 "evalue": f"received {exc.signal}; notebooks stopped"}
        result.wall = manifest["wall_seconds"] = round(time.perf_counter() - began, 2)
        manifest["stages"] = read_timings(work)
        manifest["warnings"] = result.warnings = read_warnings(work)
        result.stages = manifest["stages"]
        result.status = "failed" if result.error else "succeeded"
        manifest["status"] = result.status
        manifest["finished"] = dt.datetime.now(dt.timezone.utc).isoformat()
        write_manifest(work / "manifest.json", manifest)
        from .report import write_index
        write_index(work, manifest)
        work.rename(final)
        if interrupted is not None:
            interrupted.path = str(final)
            raise interrupted
        if result.status == "succeeded":
            publish_latest(out, run_id)
        if keep:  # after a failure too: failed runs are kept apart, so they never push a success out
            retain(out, keep)
    return result
