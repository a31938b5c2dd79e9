"""Who claims what: attribution relations (source, cue, content) per document.

``extract_claims(documents, actors)`` returns one row per claim with the
columns of :data:`narrative.schema.CLAIMS`; every offset indexes the
document's original text, so ``text[start:end]`` equals each span.

Two extractors share the parts of this package:

* ``rules`` (:mod:`.rules`, the default): parser-free and fast, with nesting, quotation
  paragraphs that continue their speaker, and speakers resolved in the document;
* ``crf`` (:mod:`.crf`): a conditional random field trained on PolNeAR with the rules'
  output, dependency features (:mod:`.deps`, the shipped parser) and word clusters: more
  recall of the PolNeAR kind, no nesting, slower (it parses).

Two profiles say what a claim is: ``speech`` (the default: speech acts and quotations, the
news-quote sense) and ``attribution`` (also beliefs, plans and evidence, the PolNeAR sense).
A discontinuous content ("“…,” he said. “…”") is one row per piece, every piece with the same
cue and source offsets.

Every extractor reads a :class:`.document.DocumentView` (built once per document) and hands its
drafts to one finishing step (:mod:`.finish`); :mod:`.registry` names the extractors. The package
imports its parts on first use, so ``narrative.claims.registry`` is cheap to import.

The shared parts: :mod:`.quotes` (quotation marks, units), :mod:`.tokens` (a unit's
tokens), :mod:`.cues` (cue lexicon with each cue's act, word lists, journalist hedges),
:mod:`.speakers` (speaker noun phrases around a cue; who they are, their side and a document's
own voice come from the :mod:`narrative.speakers` package), :mod:`.asides` (reporting asides,
relays, aspect verbs and anaphoric contents around a cue), :mod:`.records` (the typed
records). Gold readers and scorers live in :mod:`narrative.evaluation`.

Examples
--------
>>> import pandas as pd
>>> from narrative.claims import extract_claims
>>> docs = pd.DataFrame({"doc_id": ["d"], "source": ["news"],
...     "text": ["Kremlin spokesman Dmitry Peskov said the troops had shown “exceptional courage.” "
...              "He claimed the city was taken."]})
>>> c = extract_claims(docs)
>>> c[["speaker", "actor", "side", "cue", "cue_stance", "quote_type"]].values.tolist()
[['Kremlin spokesman Dmitry Peskov', 'Dmitry Peskov', 'kremlin', 'said', 'neutral', 'mixed'], ['He', 'Dmitry Peskov', 'kremlin', 'claimed', 'distancing', 'indirect']]
"""
from __future__ import annotations

from importlib import import_module

from .registry import EXTRACTORS, METHODS, register

#: public name -> the module that defines it (imported on first use: pandas and the models load
#: only when claims are extracted, not when the CLI reads its choices)
_LAZY = {
    "extract_claims": ".extract", "MAX_NESTING": ".finish", "PROFILES": ".cues", "Claim": ".records",
    "DocumentView": ".document", "Extractor": ".document", "Resources": ".document", "Quotes": ".quotes",
    "quote_spans": ".quotes", "units": ".quotes", "iter_claims": ".rules",
}
__all__ = ["EXTRACTORS", "METHODS", "register", *_LAZY]


def __getattr__(name: str):
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
