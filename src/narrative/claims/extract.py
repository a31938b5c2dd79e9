"""``extract_claims``: a documents table in, one row per claim out (any registered extractor)."""
from __future__ import annotations

import logging
from operator import attrgetter

import pandas as pd

from ..speakers.actors import Actors, load_actors
from ..schema import CLAIMS
from .cues import check_profile
from .document import Resources
from .finish import MAX_NESTING
from .registry import DEFAULT_METHOD, extractor_class

#: claims held as Python objects before they become DataFrame columns
_ROWS_PER_PART = 20_000
log = logging.getLogger("narrative.claims")


def extract_claims(documents: pd.DataFrame, actors: Actors | None = None, *, method: str = DEFAULT_METHOD,
                   model=None, profile: str = "speech", resources: Resources | None = None) -> pd.DataFrame:
    """One row per claim (:data:`narrative.schema.CLAIMS`) for a documents table.

    ``profile="speech"`` (the default) finds speech acts: said, told, claimed, announced,
    "according to", quotations and the quotation paragraphs that continue them;
    ``profile="attribution"`` also finds beliefs, plans and evidence ("she believes",
    "a study shows"), the sense PolNeAR annotates (the CRF labels in that sense; with
    ``profile="speech"`` only its relations with a speech-act cue are kept).

    ``method``: a name of :data:`.registry.EXTRACTORS` (``rules``, the default, :mod:`.rules`; ``crf``, the
    trained labeller, :mod:`.crf`, ``model``: its file, default the shipped one).

    ``attrs["boilerplate_skipped"]`` counts the furniture lines and sentences left out;
    ``attrs["nesting_capped"]`` the attributions left out because their content would lie under
    :data:`MAX_NESTING` others (nested quotations, "X said that" chains; a warning names the
    documents).
    """
    check_profile(profile)
    cls = extractor_class(method)
    if resources is None:
        resources = Resources(actors or load_actors())
    elif actors is not None and actors is not resources.actors:
        resources = Resources(actors, resources.boilerplate)
    extractor = cls(resources, profile, **({"model": model} if model is not None else {}))
    rows, parts = [], []
    skipped = capped = 0
    row_of = attrgetter(*CLAIMS)
    sides = documents["side"] if "side" in documents.columns else [None] * len(documents)
    for doc_id, text, source, side in zip(documents["doc_id"], documents["text"], documents["source"], sides):
        view = extractor.view(doc_id, text, source, side)
        for claim in extractor.claims(view):
            rows.append(row_of(claim))
            if len(rows) == _ROWS_PER_PART:  # a long document's claims: compact columns, not millions of objects
                parts.append(pd.DataFrame(rows, columns=list(CLAIMS)))
                rows = []
        skipped += len(view.furniture)
        if view.capped:
            capped += view.capped
            log.warning("%s: %d attributions nested deeper than %d levels left out", doc_id, view.capped,
                        MAX_NESTING)
    parts.append(pd.DataFrame(rows, columns=list(CLAIMS)))
    out = parts[0] if len(parts) == 1 else pd.concat(parts, ignore_index=True)
    out.attrs["boilerplate_skipped"] = skipped
    out.attrs["nesting_capped"] = capped
    return out
