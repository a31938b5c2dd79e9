"""One exception hierarchy for narrative.

Every error a user can cause derives from :class:`NarrativeError` and carries
fields, not just text. Only :mod:`narrative.cli` maps them to exit codes.
"""
from __future__ import annotations

from dataclasses import dataclass


class NarrativeError(Exception):
    """Base class of all errors narrative raises on purpose."""


@dataclass
class InputError(NarrativeError):
    """Bad user input: a corpus file, an actors file, a lexicon, a gold directory.

    Examples
    --------
    >>> print(InputError("corpus.csv", 12, "text column 'body' is empty"))
    corpus.csv, row 12: text column 'body' is empty
    """

    path: str
    row: int | None
    problem: str
    unit: str = "row"

    def __str__(self) -> str:
        where = self.path if self.row is None else f"{self.path}, {self.unit} {self.row}"
        return f"{where}: {self.problem}"


@dataclass
class ParameterError(NarrativeError):
    """A run or notebook parameter with the wrong name, type or value."""

    name: str
    problem: str

    def __str__(self) -> str:
        return f"parameter {self.name!r}: {self.problem}"


@dataclass
class OutputError(NarrativeError):
    """An output path that cannot or must not be written (see :mod:`narrative.infra.files`)."""

    path: str
    problem: str

    def __str__(self) -> str:
        return f"{self.path}: {self.problem}"


class OutputClosed(OutputError):
    """The reader of an output went away (``narrative claims -o /dev/stdout | head -2``): the
    command stops quietly, as Unix tools do on SIGPIPE (exit 141, see :mod:`narrative.cli`)."""


@dataclass
class NotebookError(NarrativeError):
    """A notebook of the suite failed while executing."""

    notebook: str
    cell_index: int | None
    ename: str
    evalue: str

    def __str__(self) -> str:
        cell = "" if self.cell_index is None else f", cell {self.cell_index}"
        return f"{self.notebook}{cell}: {self.ename}: {self.evalue}"


@dataclass
class RunExistsError(NarrativeError):
    """The run directory exists already; runs are never overwritten."""

    path: str

    def __str__(self) -> str:
        return f"{self.path}: run directory exists already; choose another --run-id"


@dataclass
class LockedError(NarrativeError):
    """Another run holds the lock on the output directory (``waited``: seconds waited for it)."""

    path: str
    waited: float | None = None

    def __str__(self) -> str:
        if self.waited is not None:
            return f"{self.path}: another narrative run still holds this lock after waiting {self.waited:g} s"
        return f"{self.path}: another narrative run holds this lock (use --wait to queue)"


@dataclass
class Interrupted(NarrativeError):
    """The run received SIGTERM or SIGINT; it was stopped and kept with status failed."""

    signal: str
    path: str = ""

    def __str__(self) -> str:
        where = f"; failed run kept at {self.path} (status failed)" if self.path else ""
        return f"interrupted by {self.signal}{where}"


@dataclass
class SetupError(NarrativeError):
    """The machine cannot run the suite (e.g. the loopback interface that Jupyter kernels use is down)."""

    problem: str

    def __str__(self) -> str:
        return self.problem
