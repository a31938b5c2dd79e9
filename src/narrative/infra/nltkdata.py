"""Offline NLTK data, built from files that pip installed.

NLTK normally downloads its resources; narrative never does. The VADER
lexicon NLTK wants at ``sentiment/vader_lexicon.zip`` is the same file the
``vaderSentiment`` wheel ships (MIT), so we zip that copy into a local
``nltk_data`` directory and put the directory on ``nltk.data.path``.

Nothing happens on import; call :func:`ensure_nltk_data` (the featurizers do).

Examples
--------
>>> from narrative.infra.nltkdata import ensure_nltk_data
>>> path = ensure_nltk_data()                       # doctest: +SKIP
>>> from nltk.sentiment import SentimentIntensityAnalyzer
>>> SentimentIntensityAnalyzer().polarity_scores("a great victory")["compound"] > 0  # doctest: +SKIP
True

Run ``python -m narrative.infra.nltkdata`` to build it ahead of time (``make`` does).
"""
from __future__ import annotations

import io
import os
import sys
import zipfile
from importlib import resources
from pathlib import Path

from .files import write_bytes

VADER_ZIP = Path("sentiment") / "vader_lexicon.zip"
VADER_MEMBER = "vader_lexicon/vader_lexicon.txt"
ENV_VAR = "NARRATIVE_NLTK_DATA"


def default_dir() -> Path:
    """Where the data is built: ``$NARRATIVE_NLTK_DATA``, else ``<sys.prefix>/nltk_data``
    (which NLTK searches by default, e.g. ``.venv/nltk_data``) when writable,
    else ``~/.cache/narrative/nltk_data``."""
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    prefix = Path(sys.prefix) / "nltk_data"
    if os.access(prefix if prefix.exists() else Path(sys.prefix), os.W_OK):
        return prefix
    return Path.home() / ".cache" / "narrative" / "nltk_data"


def build(target: Path) -> Path:
    """Write ``target/sentiment/vader_lexicon.zip`` from the vaderSentiment wheel.

    Safe when several processes build at once (a fresh install whose two workers both need it):
    one builds under an exclusive lock, to a unique temporary name renamed into place; the
    others wait for the lock and find it built.
    """
    import fcntl

    out = target / VADER_ZIP
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out.parent / ".vader_lexicon.lock", "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if _valid(out):
            return out
        source = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_bytes()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(VADER_MEMBER, source)
        write_bytes(out, buffer.getvalue())
    return out


def vader_lexicon_text() -> str:
    """The VADER lexicon as NLTK's ``nltk.data.load`` gives it (the text of the file the zip holds), read
    from the vaderSentiment wheel without importing NLTK (for :mod:`narrative.vader`)."""
    return resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_bytes().decode("utf-8")


def _valid(path: Path) -> bool:
    """A complete zip holding the VADER lexicon."""
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.getinfo(VADER_MEMBER).file_size > 0
    except (OSError, KeyError, zipfile.BadZipFile):
        return False


def ensure_nltk_data(target: Path | None = None) -> Path:
    """Build the data if missing, empty or corrupt (a zip cut short by a full disk, a killed copy),
    and register it on ``nltk.data.path``; return the directory."""
    import nltk

    target = Path(target) if target is not None else default_dir()
    if not _valid(target / VADER_ZIP):
        build(target)
    if str(target) not in nltk.data.path:
        nltk.data.path.insert(0, str(target))
    return target


if __name__ == "__main__":  # pragma: no cover - exercised by make
    print(f"NLTK data ready in {ensure_nltk_data()}")
