"""The trained attribution labeller: the model file, its settings, and tagging (:mod:`.crf`).

:class:`Labeller` loads a crfsuite model and the settings written beside it (``<model>.json``:
whether it was trained with syntax and cluster features, its tuned marginal threshold, whose
source wins), and tags each unit of a document's context (:func:`.crffeatures.doc_context`) with
``B-``/``I-`` × ``SRC``/``CUE``/``CON`` or ``O``, returned as :class:`Span` runs.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..infra.datafiles import data_path
from .crffeatures import candidate_words, unit_features
from .tokens import Toks

log = logging.getLogger(__name__)
ROLES = ("SRC", "CUE", "CON")
MODEL_NAME = "attribution.crfsuite"


def default_model_path() -> Path:
    """The shipped model file (package data ``models/attribution.crfsuite``)."""
    return data_path(MODEL_NAME, "models")


@dataclass
class Span:
    role: str
    first: int  # token indices within the unit, inclusive
    last: int


def settings_path(model: Path) -> Path:
    """Where a model's settings are written: beside it, as ``.json``."""
    return model.with_suffix(".json")


class Labeller:
    """Tags units and decodes relations; loads the model once."""

    def __init__(self, model: str | Path | None = None, *, all_units: bool = True, settings: dict | None = None):
        """``settings``: the trainer's settings (default: read from ``<model>.json``; a model without
        that file runs without syntax and cluster features and with plain Viterbi labels, with a warning)."""
        import pycrfsuite

        self.all_units = all_units
        path = Path(model) if model else default_model_path()
        if not path.is_file():
            raise InputError(str(path), None, "no attribution model; train one with `narrative train-attribution`")
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(str(path))
        if settings is None:
            settings_file = settings_path(path)
            if settings_file.is_file():
                settings = json.loads(settings_file.read_text("utf-8"))
            else:
                log.warning("%s: no settings file %s beside the model: labelling without syntax or cluster "
                            "features and without its tuned threshold", path, settings_file.name)
                settings = {}
        self.syntax = settings.get("syntax", False)
        self.clusters = settings.get("clusters", False)
        #: a token the CRF labels O takes a role when that role's marginal probability exceeds this
        #: (tuned on a held-out fold of the training documents; None: plain Viterbi labels)
        self.threshold: float | None = settings.get("threshold")
        #: whose source wins when the rules found the same cue: "crf" (models since session 5: chosen on
        #: a held-out fifth of train, source accuracy 0.843 against 0.821) or "rules" (older models)
        self.source_first: str = settings.get("source_first", "rules")

    def _labels(self, feats) -> list[str]:
        labels = self.tagger.tag(feats)
        t = self.threshold
        if t is None:
            return labels
        marginal = self.tagger.marginal
        for i, label in enumerate(labels):
            if label != "O":
                continue
            best, best_p = None, t
            for role in ROLES:
                p = marginal("B-" + role, i) + marginal("I-" + role, i)
                if p > best_p:
                    best, best_p = role, p
            if best is not None:
                labels[i] = ("I-" if i and labels[i - 1].endswith(best) else "B-") + best
        return labels

    def spans(self, context) -> list[tuple[int, int, Toks, list[Span]]]:
        """``(unit start, unit end, tokens, spans)`` for each unit of a document's context (:func:`doc_context`)."""
        in_quote, actor_at, rule, seqs, _rule_drafts = context
        words = candidate_words()
        out = []
        for a, b, toks, syn in seqs:
            spans: list[Span] = []
            if toks and (self.all_units or any(rule[s] or in_quote[s] or w in words for s, w in zip(toks.start, toks.low))):
                labels = self._labels(unit_features(toks, in_quote, actor_at, rule, syn, self.clusters))
                for i, label in enumerate(labels):
                    if label == "O":
                        continue
                    tag, role = label.split("-", 1)
                    if tag == "I" and spans and spans[-1].role == role and spans[-1].last == i - 1:
                        spans[-1].last = i
                    else:
                        spans.append(Span(role, i, i))
            out.append((a, b, toks, spans))
        return out
