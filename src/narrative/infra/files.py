"""Writing files without ever destroying what a user gave us.

Rules (one place, used by every command and the run directory):

* a regular file (or a new path) is written whole to a unique temporary name
  beside it and renamed over it, so a reader never sees half a file and an
  interrupted write leaves the old file intact;
* a symlink is followed: its target is replaced, the link stays;
* anything else that exists (a device such as ``/dev/null``, a FIFO, the
  terminal, ``/dev/stdout``) is written through, never replaced;
* a directory is refused, and so is an output that is one of the command's
  inputs or another of its outputs (:func:`check_outputs`);
* a write that fails (full disk, no permission) raises :class:`narrative.errors.OutputError`
  with one line naming the file; the temporary file is removed; a reader that went away (a pipe
  into ``head``) raises :class:`narrative.errors.OutputClosed`, which the command ends quietly on;
* a replaced file keeps its permission bits and (where we may set it) its owner and group;
* a temporary file is named ``.NAME.<pid>.<hex>.tmp``: one left by a process that was killed
  (``kill -9``) is removed by the next write into that folder (:func:`remove_stale_temporaries`);
* a command that writes several tables from one ``-o`` (``compare``: ``x.csv``, ``x.frames.csv``)
  refuses a device or FIFO there (:func:`companions`), since ``/dev/stdout.frames`` is no place.

Examples
--------
>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> write_text(d / "a.csv", "x\\n1\\n")
>>> (d / "a.csv").read_text()
'x\\n1\\n'
>>> check_outputs({"-o": d / "a.csv"}, reads=[d / "a.csv"])
Traceback (most recent call last):
...
narrative.errors.OutputError: ...a.csv: -o would overwrite a file this command reads
"""
from __future__ import annotations

import errno
import os
import re
import secrets
import stat
from pathlib import Path
from typing import IO, Iterable, Mapping, Sequence

from ..errors import OutputClosed, OutputError

#: paths under these are never renamed over (``/dev/stdout`` is a symlink to the process's fd 1)
_SPECIAL_ROOTS = ("/dev/", "/proc/")


def _write_through(path: Path) -> bool:
    """True when ``path`` exists and is not a regular file (after symlinks), or lives under /dev or /proc."""
    if str(path).startswith(_SPECIAL_ROOTS) or os.path.realpath(path).startswith(_SPECIAL_ROOTS):
        return True
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise OutputError(str(path), f"cannot write: {exc.strerror}") from None
    if stat.S_ISDIR(mode):
        raise OutputError(str(path), "is a directory; give a file name")
    return not stat.S_ISREG(mode)


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def check_outputs(outputs: Mapping[str, Path | str | None], reads: Iterable[Path | str] = ()) -> None:
    """Refuse outputs that are directories, inputs of the command, or the same file twice.

    ``outputs`` maps an option name (``-o``, ``--evidence``) to its path (None: not asked for).
    Devices and FIFOs are fine (written through), and so is the same device twice.
    """
    given = [(name, Path(p)) for name, p in outputs.items() if p is not None]
    read_paths = [Path(r) for r in reads]
    for i, (name, path) in enumerate(given):
        if path.is_dir():
            raise OutputError(str(path), f"{name} is a directory; give a file name")
        if _write_through(path):
            continue
        if any(_same(path, r) for r in read_paths):
            raise OutputError(str(path), f"{name} would overwrite a file this command reads")
        for other_name, other in given[:i]:
            if _same(path, other):
                raise OutputError(str(path), f"{name} and {other_name} name the same file")


#: ``.NAME.<pid>.<8 hex>.tmp``: the temporary names :class:`AtomicFile` makes
_TMP_RE = re.compile(r"^\..+\.(?P<pid>\d+)\.[0-9a-f]{8}\.tmp$")


def remove_stale_temporaries(folder: Path | str) -> list[Path]:
    """Delete the temporary files of :class:`AtomicFile` in ``folder`` whose process is gone (a
    ``kill -9`` leaves them; SIGTERM does not, see :mod:`narrative.cli`). Files of a live
    process, and every other file, are left alone. Returns the paths removed.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / ".claims.csv.999999999.0123abcd.tmp").write_text("half")
    >>> _ = (d / ".mine.tmp").write_text("a user's file")
    >>> [p.name for p in remove_stale_temporaries(d)], sorted(p.name for p in d.iterdir())
    (['.claims.csv.999999999.0123abcd.tmp'], ['.mine.tmp'])
    """
    from .processes import alive

    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _TMP_RE.match(entry.name)
        if not match or int(match["pid"]) == os.getpid() or alive(int(match["pid"])):
            continue
        try:
            if entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            pass
    return removed


def companions(output: Path | str, names: Sequence[str]) -> list[Path]:
    """The files written beside ``output`` for a command's further tables: ``x.csv`` →
    ``x.<name>.csv`` per name. A device, FIFO or anything under /dev (``/dev/stdout``) is refused
    with one line: its companions would be new files in /dev or beside the FIFO.

    >>> [p.name for p in companions("out/cmp.csv", ["frames", "stance"])]
    ['cmp.frames.csv', 'cmp.stance.csv']
    >>> companions("/dev/stdout", ["frames"])
    Traceback (most recent call last):
    ...
    narrative.errors.OutputError: /dev/stdout: ...
    """
    path = Path(output)
    if _write_through(path):
        raise OutputError(str(path), "this command writes several tables (-o x.csv also writes x."
                          + ".csv, x.".join(names) + ".csv): give a file name, not a device or FIFO "
                          "(without -o all of them go to standard output)")
    return [path.with_name(f"{path.stem}.{name}{path.suffix}") for name in names]


def _keep_mode_and_owner(tmp: Path, target: Path) -> None:
    """Give ``tmp`` the permission bits, owner and group of the file it replaces (if any)."""
    try:
        old = os.stat(target)
    except FileNotFoundError:
        return
    os.chmod(tmp, stat.S_IMODE(old.st_mode))
    try:
        os.chown(tmp, old.st_uid, old.st_gid)
    except PermissionError:  # not root: we may keep the group only if we belong to it
        try:
            os.chown(tmp, -1, old.st_gid)
        except PermissionError:
            pass


class AtomicFile:
    """A text file written to a temporary name and renamed into place by :meth:`commit`
    (or written through for devices and FIFOs); :meth:`abort` leaves the old file as it was."""

    def __init__(self, path: Path | str, *, binary: bool = False, newline: str | None = "") -> None:
        self.path = Path(path)
        self.tmp: Path | None = None
        mode = "wb" if binary else "w"
        kwargs = {} if binary else {"encoding": "utf-8", "newline": newline}
        try:
            if _write_through(self.path):
                self.handle: IO = open(self.path, mode, **kwargs)
                return
            target = Path(os.path.realpath(self.path))  # a symlink's target is replaced, not the link
            target.parent.mkdir(parents=True, exist_ok=True)
            self.target = target
            remove_stale_temporaries(target.parent)
            self.tmp = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
            fd = os.open(self.tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            self.handle = os.fdopen(fd, mode, **kwargs)
        except OutputError:
            raise
        except OSError as exc:
            self._discard()
            raise self._failed(exc) from None

    def _failed(self, exc: OSError) -> OutputError:
        if exc.errno == errno.EPIPE:
            return OutputClosed(str(self.path), "the reader closed the pipe")
        return OutputError(str(self.path), f"cannot write: {exc.strerror or exc}")

    def write(self, data) -> None:
        try:
            self.handle.write(data)
        except OSError as exc:
            self.abort()
            raise self._failed(exc) from None

    def commit(self) -> None:
        try:
            self.handle.close()
            if self.tmp is not None:
                _keep_mode_and_owner(self.tmp, self.target)
                os.replace(self.tmp, self.target)
                self.tmp = None
        except OSError as exc:
            self._discard()
            raise self._failed(exc) from None

    def abort(self) -> None:
        try:
            self.handle.close()
        except OSError:
            pass
        self._discard()

    def _discard(self) -> None:
        if self.tmp is not None:
            self.tmp.unlink(missing_ok=True)
            self.tmp = None

    def __enter__(self) -> "AtomicFile":
        return self

    def __exit__(self, kind, value, tb) -> None:
        if kind is None:
            self.commit()
        else:
            self.abort()


def write_text(path: Path | str, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` by the rules above."""
    with AtomicFile(path) as out:
        out.write(text)


def write_bytes(path: Path | str, data: bytes) -> None:
    """Write ``data`` to ``path`` by the rules above."""
    with AtomicFile(path, binary=True) as out:
        out.write(data)
