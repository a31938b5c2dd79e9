"""Reading and writing a run directory's tables, figures and stage timings (for the steps)."""
from __future__ import annotations

import json
import time
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from ..errors import NarrativeError
from ..infra.tables import write_table

TIMINGS = "timings.jsonl"


class StepError(NarrativeError):
    """A suite step cannot run on this input (e.g. only one side present)."""


#: the warnings the steps record: ``narrative run`` copies them into the manifest and the report
WARNINGS = "warnings.jsonl"


def warn(run_dir, step: str, message: str) -> None:
    """Record that a step changed what was asked (a cap, a fallback): never a silent override.
    Appends ``{"step", "warning"}`` to ``run_dir/warnings.jsonl``."""
    with (Path(run_dir) / WARNINGS).open("a", encoding="utf-8") as handle:
        handle.write(json.dumps({"step": step, "warning": message}) + "\n")


@contextmanager
def timed(run_dir, stage: str):
    """Append ``{"stage", "seconds"}`` to ``run_dir/timings.jsonl`` (read by ``narrative run --profile``)."""
    began = time.perf_counter()
    try:
        yield
    finally:
        with (Path(run_dir) / TIMINGS).open("a", encoding="utf-8") as handle:
            handle.write(json.dumps({"stage": stage, "seconds": round(time.perf_counter() - began, 3)}) + "\n")


def write(frame: pd.DataFrame, run_dir, name: str) -> Path:
    """Write ``tables/<name>`` (CSV)."""
    path = Path(run_dir) / "tables" / name
    write_table(frame, path, "csv")
    return path


#: the attribute :func:`figure` leaves on a saved figure: its PNG bytes, which ``steps.show`` displays
#: instead of rendering the figure a second time
SAVED_PNG = "narrative_png"


def figure(fig, run_dir, name: str):
    """Save ``figures/<name>`` (PNG) and return the figure (with the file's bytes as ``fig.narrative_png``)."""
    from .. import plots

    path = plots.save(fig, Path(run_dir) / "figures" / name)
    setattr(fig, SAVED_PNG, path.read_bytes())
    return fig


def read_table(run_dir, name: str) -> pd.DataFrame:
    """A table an earlier step wrote (``tables/<name>``), with empty cells as empty strings.

    The :data:`TEXT_COLUMNS` hold Python strings (``object`` columns): the steps read them cell by cell,
    and pandas' Arrow-backed ``str`` columns take ~3x as long to parse and ~6x as long to iterate
    (claims.csv: 0.45 s against 0.14 s to read)."""
    # text columns stay text: a claim whose content is "2022" is not the number 2022
    return pd.read_csv(Path(run_dir) / "tables" / name, keep_default_na=False, dtype=_OBJECT_TEXT)


#: columns of the suite's tables that hold text, whatever the cell looks like
TEXT_COLUMNS = {name: str for name in ("doc_id", "claim_id", "parent_claim_id", "speaker", "actor", "side", "cue",
                                       "content", "title", "text", "source", "outlet", "quote_type", "hedges")}
_OBJECT_TEXT = {name: object for name in TEXT_COLUMNS}


#: what a notebook hands a later one at full precision (the tables' floats are written to 6 digits):
#: ``<run_dir>/exchange/``, beside ``tables/``
EXCHANGE = "exchange"


def lexicon_key(lexicon) -> str:
    """A digest of a loaded lexicon's name and entries, and of the shipped perspective and context rules
    (``narrative/lexicons/*.csv``, which a lexicon with any rules reads): the same key, the same scores.

    >>> from narrative.lexicons import load_lexicon
    >>> lexicon_key(load_lexicon()) == lexicon_key(load_lexicon()) and len(lexicon_key(load_lexicon()))
    16
    """
    import hashlib

    parts = repr((lexicon.name, lexicon.perspective is not None,
                  [(e.category, e.phrase, e.pattern, e.weight) for e in lexicon.entries]))
    digest = hashlib.sha1(parts.encode("utf-8"))
    for rules in sorted(Path(__file__).resolve().parents[1].joinpath("lexicons").glob("*.csv")):
        digest.update(rules.read_bytes())  # a change of context.csv or perspective.csv alone changes the key
    return digest.hexdigest()[:16]


def scores_exchange(run_dir, lexicon, table: str = "frame_scores") -> Path:
    """Where notebook 01 leaves the claims' frame scores (``table="frame_scores"``) or lexicon hits in context
    (``"evidence"``) for ``lexicon`` (Parquet, full precision) and notebook 02 takes them from
    (:func:`narrative.pipeline.steps.score_frames`, :func:`narrative.pipeline.steps.frame_evidence`)."""
    return Path(run_dir) / EXCHANGE / f"{table}-{lexicon_key(lexicon)}.parquet"


def _read_exchange(path: Path) -> pd.DataFrame | None:
    if not path.is_file():
        return None
    try:
        table = pd.read_parquet(path)
    except Exception:  # noqa: BLE001 - a torn or foreign file: score the claims instead
        return None
    for name in table.columns:  # text as Python strings, as the steps make and read them
        if not pd.api.types.is_numeric_dtype(table[name]):
            table[name] = table[name].astype(object)
    return table


def read_exchanged_scores(run_dir, lexicon, claims: pd.DataFrame) -> pd.DataFrame | None:
    """The frame scores notebook 01 computed for these ``claims`` with this ``lexicon``, as
    :func:`narrative.features.frame_scores` returns them (text columns of Python strings); None when there
    are none, or they are not of these claims (another lexicon, claims rewritten since)."""
    scores = _read_exchange(scores_exchange(run_dir, lexicon))
    if scores is None or len(scores) != len(claims) or "claim_id" not in scores.columns:
        return None
    # claim ids are positional ("doc:n"): the sides (which side-dependent rates read) must match too
    for name in ("claim_id", "doc_id", "side"):
        if name in scores.columns and name in claims.columns and \
                scores[name].astype(str).tolist() != claims[name].astype(str).tolist():
            return None
    return scores


def read_exchanged_evidence(run_dir, lexicon, claims: pd.DataFrame) -> pd.DataFrame | None:
    """The lexicon hits in context notebook 01 found in these ``claims`` with this ``lexicon``
    (:func:`narrative.features.evidence` with ``content_start`` offsets), None when there are none or they
    are not of these claims (their frame scores, written beside them, are checked claim by claim)."""
    if read_exchanged_scores(run_dir, lexicon, claims) is None:
        return None
    return _read_exchange(scores_exchange(run_dir, lexicon, "evidence"))
