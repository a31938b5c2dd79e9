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
REPORTS = "reports"


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
