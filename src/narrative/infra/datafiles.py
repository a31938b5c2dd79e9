"""The package's data files (``narrative/data``, ``narrative/lexicons``, ``narrative/models``): one reader.

Every shipped file has a provenance header of ``#`` lines; :func:`data_lines`
returns the rest. Paths are resolved through :mod:`importlib.resources`, so
they work from a checkout, a wheel or an installed package.

>>> data_lines("abbreviations.txt")[:1] != []
True
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

#: the project's default paths, relative to a checkout's root (the one place they are written)
DEMO_CORPUS = "data/raw/press-releases"
FRAME_LABELS = "data/annotations/press-frames-codebook.csv"  # codebook labels (issue 25); frames_labels.csv: v1
#: the demo corpus's coded sheet (the suite's ``validation`` default; narrative.estimate)
VALIDATION_SHEET = "data/annotations/press-releases-validation.csv"
REPORTS = "reports"
#: the shipped learned frame scorer in ``narrative/models`` (weights, and its card with ``suite_scorer``): named here,
#: where :mod:`narrative.features` reads the card without importing the scorer and scikit-learn, and
#: :mod:`narrative.framescorer` (``MODEL_FILE``, ``CARD_FILE``) writes both
FRAME_SCORER_MODEL, FRAME_SCORER_CARD = "frames-scorer.npz", "frames-scorer.json"


#: where ``pip install`` puts the project files that live outside the package (pyproject's
#: ``[tool.setuptools.data-files]``): the suite's notebooks, the demo corpus, the frames labels
SHARE = Path("share") / "narrative"


def project_file(relative: str | Path) -> Path | None:
    """A project file named as in a checkout (``notebooks``, ``data/raw/press-releases``,
    ``data/annotations/frames_labels.csv``): from the current directory when it is there, else
    from the checkout this package runs from, else where ``pip install`` put it
    (``<prefix>/share/narrative/``); None when none has it. So ``narrative run`` works from any
    folder, in a checkout or after ``pip install .``."""
    import sys

    relative = Path(relative)
    checkout = Path(__file__).resolve().parents[3]  # src/narrative/infra/ -> the checkout (editable or source)
    for base in (Path.cwd(), checkout, Path(sys.prefix) / SHARE, Path(sys.base_prefix) / SHARE):
        if (base / relative).exists():
            return base / relative
    return None


def data_path(name: str, folder: str = "data") -> Path:
    """The file ``narrative/<folder>/<name>`` as a path."""
    return Path(str(resources.files("narrative").joinpath(f"{folder}/{name}")))


def data_text(name: str, folder: str = "data") -> str:
    """The UTF-8 text of ``narrative/<folder>/<name>``."""
    return data_path(name, folder).read_text("utf-8")


def data_lines(name: str, folder: str = "data") -> list[str]:
    """The stripped, non-empty lines of a data file, without its ``#`` comment lines."""
    return list_lines(data_text(name, folder))


def list_lines(text: str) -> list[str]:
    """The stripped, non-empty lines of a word-list text (a data file, or a user's list), without
    ``#`` comment lines."""
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def user_text(path, *, what: str = "file") -> str:
    """The UTF-8 text of a user's file (a stopword list, a labels or gold file, a text a gold file
    names); a binary, Latin-1 or unreadable file is an :class:`~narrative.errors.InputError` naming it.

    >>> import tempfile, os
    >>> with tempfile.NamedTemporaryFile("wb", suffix=".txt", delete=False) as fh:
    ...     _ = fh.write(b"caf\\xe9")
    >>> try:
    ...     user_text(fh.name, what="stopword list")
    ... except Exception as exc:
    ...     print(str(exc).endswith("stopword list is not UTF-8 text (binary or Latin-1?): byte 3"))
    True
    >>> os.unlink(fh.name)
    """
    from ..errors import InputError

    path = Path(path)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(str(path), None, f"no such {what}") from None
    except IsADirectoryError:
        raise InputError(str(path), None, f"{what} is a directory, not a file") from None
    except UnicodeDecodeError as exc:
        raise InputError(str(path), None, f"{what} is not UTF-8 text (binary or Latin-1?): byte {exc.start}") from None
    except OSError as exc:
        raise InputError(str(path), None, f"cannot read {what}: {exc.strerror or exc}") from None


def confined(folder, name: str, *, source, row: int | None = None) -> Path:
    """``folder/name`` for a file name read from a user's file (a gold or labels row), refusing a
    name that would leave ``folder``: an absolute path or one with a ``..`` part is an
    :class:`~narrative.errors.InputError` naming ``source`` and ``row``. The one check every gold
    and labels reader uses (``evaluation.labels.offset_rows``, which ``evaluation.quotes``, ``evaluation.sides`` and ``evaluation.frame_labels`` read through).

    >>> confined("texts", "a/b.txt", source="gold.tsv", row=2).as_posix()
    'texts/a/b.txt'
    >>> try:
    ...     confined("texts", "../../etc/passwd", source="gold.tsv", row=2)
    ... except Exception as exc:
    ...     print(exc)
    gold.tsv, row 2: file name '../../etc/passwd' leaves the --texts folder (names must be relative, without '..')
    """
    from pathlib import PurePath

    from ..errors import InputError

    pure = PurePath(name)
    if not name or pure.is_absolute() or ".." in pure.parts or name.startswith(("/", "\\", "~")) or "\\" in name:
        raise InputError(str(source), row, f"file name {name!r} leaves the --texts folder "
                                           "(names must be relative, without '..')")
    return Path(folder) / pure
