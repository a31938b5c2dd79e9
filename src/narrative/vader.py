"""NLTK's VADER (``nltk/sentiment/vader.py``) without importing NLTK.

``import nltk`` costs ~2.5 s of CPU (its ``__init__`` imports most of NLTK, scikit-learn and
scipy.stats), paid by every process that scores sentiment: notebook 02's frame-scoring workers, notebook
03's kernel and workers. This module runs **NLTK's own vader.py**, read from the installed NLTK (not a
copy), with its three imports of NLTK supplied here: ``pairwise`` is :func:`itertools.pairwise` (the
same pairs), ``redos.compile`` is :func:`re.compile` (NLTK routes its regular expressions through a
timeout wrapper; VADER's one pattern is a class of ASCII punctuation marks, matched alike), and
``nltk.data`` is not needed because :class:`SentimentIntensityAnalyzer` here reads the lexicon NLTK
would load (``vader_lexicon.txt`` of the ``vaderSentiment`` wheel, :mod:`narrative.infra.nltkdata`).
``tests/test_vader_without_nltk.py`` compares its scores with NLTK's own analyzer on demo claims.

NLTK is Apache-2.0 (Copyright (C) 2001-2026 NLTK Project; VADER by C.J. Hutto, MIT).

>>> SentimentIntensityAnalyzer().polarity_scores("a great victory")["compound"] > 0
True
"""
from __future__ import annotations

import importlib.util
import itertools
import re
import types
from pathlib import Path

#: the lines of NLTK's vader.py that import NLTK, and what this module gives the code instead
NLTK_IMPORTS = ("import nltk.data\n", "from nltk import redos\n", "from nltk.util import pairwise\n")


def nltk_vader_path() -> Path:
    """The installed NLTK's ``sentiment/vader.py`` (found without importing NLTK)."""
    spec = importlib.util.find_spec("nltk")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("NLTK is not installed (narrative's VADER runs NLTK's vader.py)")
    return Path(next(iter(spec.submodule_search_locations))) / "sentiment" / "vader.py"


def _nltk_code():
    """NLTK's vader.py, its imports of NLTK taken out, compiled under its own file name."""
    path = nltk_vader_path()
    source = path.read_text("utf-8")
    for line in NLTK_IMPORTS:
        if line not in source:
            raise ImportError(f"{path} no longer has the line {line.strip()!r}: narrative.vader needs updating")
        source = source.replace(line, "", 1)
    return compile(source, str(path), "exec")


# NLTK's classes are defined in this module's namespace (so they pickle as narrative.vader.*), with the two
# names its code imports from NLTK given here first
pairwise = itertools.pairwise
redos = types.SimpleNamespace(compile=re.compile)
_doc = __doc__
exec(_nltk_code(), globals())  # noqa: S102 - the installed NLTK's own source, not input
__doc__ = _doc
_NLTKAnalyzer = SentimentIntensityAnalyzer  # noqa: F821 - defined by NLTK's code above


class SentimentIntensityAnalyzer(_NLTKAnalyzer):
    """NLTK's analyzer with the lexicon NLTK loads (``vader_lexicon.txt``) read from the vaderSentiment wheel."""

    def __init__(self, lexicon_text: str | None = None):
        from .infra.nltkdata import vader_lexicon_text

        self.lexicon_file = vader_lexicon_text() if lexicon_text is None else lexicon_text
        self.lexicon = self.make_lex_dict()
        self.constants = VaderConstants()  # noqa: F821 - NLTK's
