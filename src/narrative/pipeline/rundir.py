"""The run directory's lifecycle: its id, the output directory's lock, the manifest, publishing
``latest``, retention, and recovering runs whose process died.

Layout of a run directory::

    notebooks/   executed notebooks        html/       notebooks without input cells
    tables/      CSV outputs               figures/    PNG figures
    logs/        each notebook's kernel log (its stderr)
    manifest.json (status, parameters, input sha256, versions, seconds)
    index.html    the report
    .narrative-run  narrative's mark: written when the run is created; ``--keep`` deletes only
                    folders that carry it

A run is built in ``.tmp-<id>-<pid>`` and renamed into place when it ends, so a killed run
leaves earlier runs and ``latest`` untouched; ``latest`` moves only on success.
"""
from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import platform
import re
import shutil
import time
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path
from typing import Callable

from ..errors import LockedError, ParameterError
from ..infra.files import write_text
from ..infra.processes import alive

SUBDIRS = ("notebooks", "html", "tables", "figures", "logs")
RUN_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")
LOCK_NAME = ".narrative.lock"
#: the file narrative writes into every run directory it creates: retention deletes only these
MARKER = ".narrative-run"
VERSIONED = ("narrative", "pandas", "numpy", "scikit-learn", "scipy", "matplotlib", "nltk", "papermill",
             "nbconvert", "vaderSentiment", "python-crfsuite", "pyarrow")


def default_run_id() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def check_run_id(run_id: str) -> str:
    if not RUN_ID_RE.match(run_id) or run_id in (".", "..") or run_id == "latest":
        raise ParameterError("run-id", f"{run_id!r} must be 1-100 letters, digits, '.', '_' or '-', not start with '.', and not be 'latest'")
    return run_id


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


def read_timings(run_dir: Path) -> list[dict]:
    """Stage timings the suite's steps appended to ``timings.jsonl``."""
    path = run_dir / "timings.jsonl"
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def read_warnings(run_dir: Path) -> list[dict]:
    """What the suite's steps changed from what was asked (``warnings.jsonl``: a cap, a fallback)."""
    path = run_dir / "warnings.jsonl"
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_manifest(path: Path, manifest: dict) -> None:
    write_text(path, json.dumps(manifest, indent=2, sort_keys=True, default=str))


def publish_latest(out: Path, run_id: str) -> None:
    """Point ``out/latest`` at the run atomically (symlink, then rename over the old one)."""
    tmp = out / f".latest.{os.getpid()}"
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    tmp.symlink_to(run_id)
    tmp.replace(out / "latest")


def mark(run_dir: Path, run_id: str) -> None:
    """Write narrative's mark into a run directory it has just created (see :data:`MARKER`)."""
    write_text(run_dir / MARKER, json.dumps({"narrative_run": run_id}) + "\n")


def _marked(child: Path) -> bool:
    """A run directory narrative made: a real directory holding narrative's mark naming it."""
    marker = child / MARKER
    if not child.is_dir() or child.is_symlink() or child.name.startswith(".") or not marker.is_file():
        return False
    try:
        return isinstance(json.loads(marker.read_text("utf-8")).get("narrative_run"), str)
    except (OSError, ValueError, AttributeError):
        return False


def retain(out: Path, keep: int) -> list[Path]:
    """Delete all but the ``keep`` newest successful runs and the ``keep`` newest failed ones (by
    manifest start time), so failed runs never push a successful one out; never the run
    ``latest`` names. Only folders narrative made (holding its :data:`MARKER`) are candidates: a
    user's folder with a ``manifest.json`` of its own, or a run made before the mark existed,
    is never deleted."""
    latest = (out / "latest").resolve() if (out / "latest").is_symlink() else None
    runs: dict[str, list] = {"succeeded": [], "failed": []}
    for child in out.iterdir():
        if not _marked(child):
            continue
        try:
            manifest = json.loads((child / "manifest.json").read_text("utf-8"))
            started, status = manifest["started"], manifest.get("status")
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if status in runs:
            runs[status].append((str(started), child.name, child))
    removed = []
    for group in runs.values():
        group.sort(reverse=True)
        for _started, _name, child in group[keep:]:
            if latest is not None and child.resolve() == latest:
                continue
            shutil.rmtree(child)
            removed.append(child)
    return removed


def unique_run_id(out: Path, run_id: str) -> str:
    """``run_id``, or ``run_id-2``, ``-3``, … when a run (or anything) of that name exists in
    ``out``: default ids are UTC seconds, and two runs queued in the same second (two cron
    lines) must not collide. Call with the lock held: the run is renamed into place before the
    lock is released, so no other run can take the same name."""
    candidate, n = run_id, 1
    while (out / candidate).exists() or (out / candidate).is_symlink() or candidate == "latest":
        n += 1
        candidate = f"{run_id}-{n}"
    return candidate


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
            if child.name not in ("manifest.json", MARKER):
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
