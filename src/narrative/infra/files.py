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
  with one line naming the file; the temporary file is removed.

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

import os
import secrets
import stat
from pathlib import Path
from typing import IO, Iterable, Mapping

from ..errors import OutputError

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
            self.tmp = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
            fd = os.open(self.tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            self.handle = os.fdopen(fd, mode, **kwargs)
        except OutputError:
            raise
        except OSError as exc:
            self._discard()
            raise self._failed(exc) from None

    def _failed(self, exc: OSError) -> OutputError:
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
