"""Load the shipped syntactic layer (package data ``narrative/models/parser``) offline, and parse.

The model is a spaCy pipeline (tok2vec, tagger, morphologizer, trainable lemmatizer, parser)
trained by ``narrative train-parser`` on UD English-EWT; ``meta-narrative.json`` beside it holds
its settings, checksums, scores and licence (CC BY-SA 4.0, as the treebank's). Nothing is
downloaded: spaCy loads it from the installed package.

>>> nlp = load_parser()                                                   # doctest: +SKIP
>>> [(t.text, t.dep_, t.head.text) for t in nlp("Peskov said the troops took the town.")][:2]  # doctest: +SKIP
[('Peskov', 'nsubj', 'said'), ('said', 'ROOT', 'said')]
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from ..errors import InputError
from ..infra.datafiles import data_path

MODEL_DIR = "parser"


def model_path() -> Path:
    """Where the shipped model lives (``narrative/models/parser``)."""
    return data_path(MODEL_DIR, "models")


def model_meta(path: Path | None = None) -> dict:
    """The model's ``meta-narrative.json`` (training settings, scores, licence)."""
    path = Path(path) if path else model_path()
    return json.loads((path / "meta-narrative.json").read_text("utf-8"))


@lru_cache(maxsize=2)
def load_parser(path: str | None = None):
    """The spaCy pipeline (cached per process). ``path``: another model folder (default: the shipped one)."""
    import spacy

    folder = Path(path) if path else model_path()
    if not (folder / "config.cfg").is_file():
        raise InputError(str(folder), None, "no parser model here; train one with `narrative train-parser`")
    return spacy.load(folder)
