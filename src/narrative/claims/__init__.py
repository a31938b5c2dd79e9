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

The shared parts: :mod:`.quotes` (quotation marks, units), :mod:`.tokens` (a unit's
tokens), :mod:`.cues` (cue lexicon with each cue's act, word lists, journalist hedges),
:mod:`.speakers` (speaker noun phrases, resolution, a document's own voice), :mod:`.coref`
(names, pronouns and descriptions resolved within the document), :mod:`.records` (the typed
records); :mod:`.gold` reads brat/PolNeAR gold and scores extractions, :mod:`.quotegold` scores
news quotes (quote F1, speaker accuracy).

Examples
--------
>>> import pandas as pd
>>> docs = pd.DataFrame({"doc_id": ["d"], "source": ["news"],
...     "text": ["Kremlin spokesman Dmitry Peskov said the troops had shown “exceptional courage.” "
...              "He claimed the city was taken."]})
>>> c = extract_claims(docs)
>>> c[["speaker", "actor", "side", "cue", "cue_stance", "quote_type"]].values.tolist()
[['Kremlin spokesman Dmitry Peskov', 'Dmitry Peskov', 'kremlin', 'said', 'neutral', 'mixed'], ['He', 'Dmitry Peskov', 'kremlin', 'claimed', 'distancing', 'indirect']]
"""
from __future__ import annotations

from operator import attrgetter

import pandas as pd

from ..actors import Actors, load_actors
from ..schema import CLAIMS
from .cues import PROFILES, check_profile
from .quotes import Quotes, quote_spans, units
from .records import Claim
from .rules import iter_claims

__all__ = ["METHODS", "PROFILES", "Claim", "Quotes", "extract_claims", "iter_claims", "quote_spans", "units"]

METHODS = ("rules", "crf")
#: claims held as Python objects before they become DataFrame columns
_ROWS_PER_PART = 20_000


def extract_claims(documents: pd.DataFrame, actors: Actors | None = None, *, method: str = "rules",
                   model=None, profile: str = "speech") -> pd.DataFrame:
    """One row per claim (:data:`narrative.schema.CLAIMS`) for a documents table.

    ``profile="speech"`` (the default) finds speech acts: said, told, claimed, announced,
    "according to", quotations and the quotation paragraphs that continue them;
    ``profile="attribution"`` also finds beliefs, plans and evidence ("she believes",
    "a study shows"), the sense PolNeAR annotates (the CRF labels in that sense; with
    ``profile="speech"`` only its relations with a speech-act cue are kept).

    ``attrs["boilerplate_skipped"]`` counts the boilerplate lines and sentences left out.
    ``method="rules"`` is the rule extractor (:mod:`.rules`); ``method="crf"`` the
    trained labeller (:mod:`.crf`; ``model``: its file, default the shipped one),
    which finds more attributions but no nesting.
    """
    actors = actors or load_actors()
    check_profile(profile)
    if method == "crf":
        from .crf import Labeller, iter_claims_crf

        labeller = Labeller(model)
        produce = lambda d, t, s, side: iter_claims_crf(d, t, s, actors, labeller, side, profile)
    elif method == "rules":
        produce = lambda d, t, s, side: iter_claims(d, t, s, actors, side, skipped=skipped, profile=profile)
    else:
        raise ValueError(f"method must be one of {METHODS}, not {method!r}")
    rows, parts = [], []
    skipped: list = []  # boilerplate lines and sentences the rules left out (not tracked by the CRF)
    row_of = attrgetter(*CLAIMS)
    sides = documents["side"] if "side" in documents.columns else [None] * len(documents)
    for doc_id, text, source, side in zip(documents["doc_id"], documents["text"], documents["source"], sides):
        for claim in produce(doc_id, text, source, side):
            rows.append(row_of(claim))
            if len(rows) == _ROWS_PER_PART:  # a long document's claims: compact columns, not millions of objects
                parts.append(pd.DataFrame(rows, columns=list(CLAIMS)))
                rows = []
    parts.append(pd.DataFrame(rows, columns=list(CLAIMS)))
    out = parts[0] if len(parts) == 1 else pd.concat(parts, ignore_index=True)
    out.attrs["boilerplate_skipped"] = len(skipped)
    return out
