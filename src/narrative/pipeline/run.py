"""Run the notebook suite into ``<out>/<run-id>/``: one orchestrator of small steps.

Layout of a run directory::

    notebooks/   executed notebooks        html/       notebooks without input cells
    tables/      CSV outputs               figures/    PNG figures
    logs/        each notebook's kernel log (its stderr)
    manifest.json (status, parameters, input sha256, versions, seconds)
    index.html    the report

Safety: parameters are validated before any notebook starts; a lock on the
output directory keeps two runs from interleaving; the run is built in a
hidden temporary directory and renamed into place when it ends, so a killed
run leaves earlier runs and ``latest`` untouched; a failed run is kept under
its id with status ``failed`` and ``latest`` is moved only on success.
"""
from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import platform
import re
import shutil
import signal
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any, Callable

from . import params as P
from ..corpus import fingerprint, input_files
from ..errors import Interrupted, LockedError, NotebookError, ParameterError, RunExistsError, SetupError
from ..infra.files import write_text
from ..infra.processes import alive, die_with_parent, kill_tree

SUBDIRS = ("notebooks", "html", "tables", "figures", "logs")
RUN_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")
LOCK_NAME = ".narrative.lock"
KERNEL = "python3"
#: the kernel's own log stays out of the run's log (cron mails it): its per-kernel "running over TCP
#: without encryption" warning is about loopback sockets nobody else can reach; cell errors are in the notebook
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=CRITICAL"]
VERSIONED = ("narrative", "pandas", "numpy", "scikit-learn", "scipy", "matplotlib", "nltk", "papermill",
             "nbconvert", "vaderSentiment", "python-crfsuite", "pyarrow")


@dataclass
class RunResult:
    path: Path
    status: str
    seconds: dict[str, float] = field(default_factory=dict)
    error: NotebookError | None = None
    stages: list[dict] = field(default_factory=list)
    wall: float = 0.0  # seconds from the first notebook's start to the last one's end


def default_run_id() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def check_run_id(run_id: str) -> str:
    if not RUN_ID_RE.match(run_id) or run_id in (".", "..") or run_id == "latest":
        raise ParameterError("run-id", f"{run_id!r} must be 1-100 letters, digits, '.', '_' or '-', not start with '.', and not be 'latest'")
    return run_id


def notebooks_dir(given: Path | None = None) -> Path:
    """The suite's directory: ``given``, else ``./notebooks`` (run from the project root)."""
    folder = Path(given) if given is not None else Path.cwd() / "notebooks"
    missing = [nb for nb in P.NOTEBOOKS if not (folder / nb).is_file()]
    if missing:
        raise ParameterError("notebooks", f"{folder} lacks {', '.join(missing)}; run from the project root or pass --notebooks DIR")
    return folder.resolve()


def versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for name in VERSIONED:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


@contextmanager
def locked(out: Path, wait: bool | float, poll: float = 1.0):
    """An exclusive advisory lock on ``out/.narrative.lock`` (released on exit or death).

    ``wait``: False fails at once with :class:`LockedError`; True waits as long as it takes; a
    number waits at most that many seconds, then fails (so one stalled run under cron cannot
    block every later night).
    """
    if out.exists() and not out.is_dir():
        raise ParameterError("out", f"{out} is a file, not a directory of runs")
    out.mkdir(parents=True, exist_ok=True)
    handle = open(out / LOCK_NAME, "a+")
    try:
        if wait is True:
            fcntl.flock(handle, fcntl.LOCK_EX)
        else:
            deadline = time.monotonic() + (0 if wait is False else float(wait))
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise LockedError(str(out / LOCK_NAME), float(wait) if wait is not False else None) from None
                    time.sleep(min(poll, max(0.0, deadline - time.monotonic())))
        yield
    finally:
        handle.close()


def execute(notebook: Path, output: Path, parameters: dict[str, Any], cwd: Path, progress: bool) -> None:
    """Execute one notebook with papermill; raise NotebookError on failure."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    try:
        papermill.execute_notebook(str(notebook), str(output), parameters=parameters, kernel_name=KERNEL,
                                   cwd=str(cwd), progress_bar=progress, log_output=False,
                                   extra_arguments=KERNEL_ARGUMENTS)
    except PapermillExecutionError as exc:
        raise NotebookError(notebook.name, exc.cell_index, exc.ename, exc.evalue) from None


def export_html(executed: Path, target: Path) -> None:
    """The executed notebook as HTML without input cells."""
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nbformat.read(str(executed), as_version=4))
    target.write_text(body, encoding="utf-8")


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
    try:
        if progress:
            progress = {**progress, "file": os.fdopen(os.dup(terminal), "w", buffering=1)}
        execute(notebook, output, parameters, cwd, progress)
    except NotebookError as exc:
        error = {"notebook": exc.notebook, "cell_index": exc.cell_index, "ename": exc.ename, "evalue": exc.evalue}
    except Exception as exc:  # the kernel did not start or died (e.g. loopback down): one line, not a traceback
        text = " ".join(str(exc).split()) or "no message"
        error = {"notebook": notebook.name, "cell_index": None, "ename": type(exc).__name__, "evalue": text[:300]}
    finally:
        os.dup2(terminal, 2)
        os.close(terminal)
        os.close(log)
        if progress:
            progress["file"].close()
    return round(time.perf_counter() - began, 2), error


def _execute_all(source_dir: Path, work: Path, parameters: dict[str, Any], result: RunResult, manifest: dict, *,
                 progress: bool, say: Callable[[str], None], parallel: int | None) -> None:
    """Execute the suite in dependency order, ``parallel`` notebooks at once, in worker processes
    (papermill's ``cwd`` handling is not thread-safe: nteract/papermill#473). After a failure no
    new notebook starts; the running ones finish. On SIGTERM/SIGINT (raised here as
    :class:`narrative.errors.Interrupted`) the workers and their kernels are killed at once.
    Workers die with this process (:func:`narrative.infra.processes.die_with_parent`)."""
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, ThreadPoolExecutor, wait

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
    exported = []
    pool = ProcessPoolExecutor(max_workers=parallel, mp_context=multiprocessing.get_context("spawn"),
                               initializer=die_with_parent)
    try:
        while pending or running:
            startable = [nb for nb in pending if set(P.DEPENDS.get(nb, ())) <= done] if not result.error else []
            for name in startable[:parallel - len(running)]:
                pending.remove(name)
                slot = slots.pop(0)
                bar = {"desc": name.split("_")[0], "position": slot, "leave": False} if progress else False
                say(f"[{P.NOTEBOOKS.index(name) + 1}/{total}] {name} ...")
                future = pool.submit(_run_one, source_dir / name, work / "notebooks" / name,
                                     {"run_dir": ".", **P.for_notebook(parameters, name)}, work, bar)
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
                if error and not result.error:
                    result.error = NotebookError(**error)
                    manifest["error"] = error
                if not error:
                    done.add(name)
                say(f"[{P.NOTEBOOKS.index(name) + 1}/{total}] {name} {'failed' if error else 'done'} in {seconds:.1f} s")
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
    with exports:
        for export in exported:
            export.result()  # an export error surfaces here, after every notebook has finished
    result.seconds = dict(manifest["seconds"])


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


def read_timings(run_dir: Path) -> list[dict]:
    """Stage timings the suite's steps appended to ``timings.jsonl``."""
    path = run_dir / "timings.jsonl"
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def profile_table(result: RunResult) -> str:
    """Seconds per notebook and per stage, as printed by ``narrative run --profile``."""
    lines = [f"{'notebook':<34}{'seconds':>9}"]
    lines += [f"{name:<34}{secs:>9.1f}" for name, secs in result.seconds.items()]
    lines.append(f"{'sum':<34}{sum(result.seconds.values()):>9.1f}")
    lines.append(f"{'wall (notebooks run side by side)':<34}{result.wall:>9.1f}")
    lines += ["", f"{'stage':<52}{'seconds':>9}"]
    lines += [f"{t['stage']:<52}{t['seconds']:>9.1f}" for t in result.stages]
    return "\n".join(lines)


def write_manifest(path: Path, manifest: dict) -> None:
    write_text(path, json.dumps(manifest, indent=2, sort_keys=True, default=str))


def publish_latest(out: Path, run_id: str) -> None:
    """Point ``out/latest`` at the run atomically (symlink, then rename over the old one)."""
    tmp = out / f".latest.{os.getpid()}"
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    tmp.symlink_to(run_id)
    tmp.replace(out / "latest")


def retain(out: Path, keep: int) -> list[Path]:
    """Delete all but the ``keep`` newest runs (by manifest start time); never the one ``latest`` names."""
    latest = (out / "latest").resolve() if (out / "latest").is_symlink() else None
    runs = []
    for child in out.iterdir():
        manifest = child / "manifest.json"
        if child.is_dir() and not child.is_symlink() and not child.name.startswith(".") and manifest.is_file():
            try:
                started = json.loads(manifest.read_text())["started"]
            except (ValueError, KeyError):
                continue
            runs.append((started, child))
    runs.sort(reverse=True)
    removed = []
    for _started, child in runs[keep:]:
        if latest is not None and child.resolve() == latest:
            continue
        shutil.rmtree(child)
        removed.append(child)
    return removed


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


TMP_RE = re.compile(r"^\.tmp-(?P<run_id>.+)-(?P<pid>\d+)$")


def recover_abandoned(out: Path, say: Callable[[str], None] = print) -> list[Path]:
    """Runs whose process died (``kill -9``, a crash, a reboot) leave ``.tmp-<id>-<pid>``: mark each
    failed, delete its partial outputs (a full disk gets its space back) and keep its manifest as
    ``<id>`` (or ``<id>.abandoned-<pid>`` if that name is taken). Call with the lock held: then no
    live run owns a temporary directory, whatever its pid says. Returns the kept directories."""
    kept = []
    for tmp in sorted(out.glob(".tmp-*")):
        match = TMP_RE.match(tmp.name)
        if not match or not tmp.is_dir():
            continue
        pid = int(match["pid"])
        run_id = match["run_id"]
        manifest_path = tmp / "manifest.json"
        try:
            manifest = json.loads(manifest_path.read_text("utf-8"))
        except (OSError, ValueError):
            manifest = {"run_id": run_id}
        owner = "died" if not alive(pid) else "is no longer this run (pid reused)"
        manifest.update(status="failed", finished=manifest.get("finished") or dt.datetime.now(dt.timezone.utc).isoformat(),
                        error={"notebook": None, "cell_index": None, "ename": "Abandoned",
                               "evalue": f"the run's process (pid {pid}) {owner} before it finished; "
                                         "partial outputs were removed by the next run"})
        for child in tmp.iterdir():
            if child.name != "manifest.json":
                shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
        write_manifest(manifest_path, manifest)
        target = out / run_id
        if target.exists() or not RUN_ID_RE.match(run_id):
            target = out / f"{run_id}.abandoned-{pid}"
        tmp.rename(target)
        say(f"narrative: run {run_id} was abandoned by process {pid}; marked failed at {target}")
        kept.append(target)
    for stale in out.glob(".latest.*"):  # a publish cut short
        if stale.is_symlink():
            stale.unlink()
    return kept


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
    run_id = check_run_id(default_run_id() if run_id is None else run_id)
    out = Path(out).resolve()
    if out.exists() and not out.is_dir():
        raise ParameterError("out", f"{out} is a file, not a directory of runs")
    final = out / run_id
    if final.exists():
        raise RunExistsError(str(final))
    preflight(parameters)
    check_loopback()
    with locked(out, wait):
        recover_abandoned(out, say)
        if final.exists():
            raise RunExistsError(str(final))
        work = out / f".tmp-{run_id}-{os.getpid()}"
        for sub in SUBDIRS:
            (work / sub).mkdir(parents=True, exist_ok=True)
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
                _execute_all(source_dir, work, parameters, result, manifest, progress=progress, say=say,
                             parallel=parallel)
        except Interrupted as exc:
            interrupted = exc
            result.error = NotebookError("(suite)", None, "Interrupted", f"received {exc.signal}; notebooks stopped")
            manifest["error"] = {"notebook": None, "cell_index": None, "ename": "Interrupted",
                                 "evalue": f"received {exc.signal}; notebooks stopped"}
        result.wall = manifest["wall_seconds"] = round(time.perf_counter() - began, 2)
        manifest["stages"] = read_timings(work)
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
            if keep:
                retain(out, keep)
    return result


def preflight(parameters: dict[str, Any]) -> None:
    """Everything that can be checked before a notebook starts, so bad input exits 2 without a
    failed run: the actors and lexicon files parse, every corpus file reads (UTF-8, structure,
    text column, every row), the frame labels parse, and the two sides are different and occur."""
    from ..actors import load_actors
    from ..corpus import Columns, iter_chunks
    from ..errors import InputError
    from ..lexicons import load_lexicon

    def parsed(name, load):
        try:
            return load(parameters.get(name))
        except InputError as exc:
            raise ParameterError(name, f"{exc}") from None
        except OSError as exc:  # a directory, no permission
            raise ParameterError(name, f"cannot read {parameters.get(name)}: {exc.strerror}") from None

    cast = parsed("actors", load_actors)
    lexicon = parsed("lexicon", load_lexicon)
    if parameters.get("frame_labels"):
        from ..lexicons.validate import read_labels

        parsed("frame_labels", lambda path: read_labels(path, lexicon.categories))
    a, b = parameters["side_a"], parameters["side_b"]
    if a == b:
        raise ParameterError("side_b", f"is the same side as side_a ({a!r}); compare two different sides")
    sides = {actor.side for actor in cast.actors} | set(cast.sides) | set(cast.source_sides().values())
    sides |= {"other", "journalist"}
    documents = 0
    for chunk in iter_chunks(parameters["corpus"], columns=Columns(text=parameters.get("text_column")),
                             sides=cast.source_sides()):
        documents += len(chunk)
        sides.update(chunk["side"].unique())
    if documents == 0:
        raise InputError(", ".join(parameters["corpus"]), None, "empty corpus: no documents with text")
    for name, side in (("side_a", a), ("side_b", b)):
        if side not in sides:
            raise ParameterError(name, f"unknown side {side!r}: the actors file and the corpus know "
                                       f"{', '.join(sorted(sides))}")


def check_loopback() -> None:
    """Jupyter kernels talk to papermill over TCP on 127.0.0.1: fail at once, in one line, when
    that cannot work (a network namespace or container with loopback down), instead of a
    60-second kernel timeout per notebook."""
    import socket

    try:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.bind(("127.0.0.1", 0))
            probe.listen(1)
            with socket.create_connection(probe.getsockname(), timeout=5):
                pass
    except OSError as exc:
        raise SetupError(f"the Jupyter kernels need the loopback interface (127.0.0.1), which does not work "
                         f"here: {exc.strerror or exc}; bring it up (ip link set lo up)") from None
